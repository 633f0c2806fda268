//! `pojok demo --years N --db PATH` through the real binary: it writes only into a new file
//! named on its command line.

mod common;

use common::*;

#[test]
fn years_need_a_typed_file_and_fill_only_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("years.db");
    // POJOK_DB names the real ledger: the generator must never write there.
    let out = pojok(&db, &["demo", "--years", "0"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--db"), "{}", stderr(&out));
    assert!(!db.exists(), "nothing was created");

    let typed = db.to_str().unwrap();
    let out = pojok(&db, &["demo", "--years", "0", "--db", typed]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("0 hari usaha"), "{}", stdout(&out));
    let ledger = pojok::ledger::Ledger::open(&db).unwrap();
    assert_eq!(ledger.producers().unwrap().len(), 120);
    assert!(ledger.verify().unwrap().is_clean());
    drop(ledger);

    let out = pojok(
        &db,
        &["--lang", "en", "demo", "--years", "0", "--db", typed],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("already holds a shop"),
        "{}",
        stderr(&out)
    );
}

// util-linux `script` gives the command a terminal: Linux only.
#[cfg(unix)]
#[test]
fn verify_shows_its_progress_on_a_terminal_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("years.db");
    let typed = db.to_str().unwrap();
    let out = pojok(&db, &["demo", "--years", "0", "--db", typed]);
    assert!(out.status.success(), "{}", stderr(&out));

    let piped = pojok(&db, &["verify"]);
    assert!(piped.status.success(), "{}", stdout(&piped));
    assert!(!stderr(&piped).contains("rantai"), "{}", stderr(&piped));

    // On a terminal (util-linux `script` gives the command one): the bar with the count.
    let on_tty = std::process::Command::new("script")
        .args(["-qc", &format!("{BIN} verify --db {typed}"), "/dev/null"])
        .env_remove("POJOK_LANG")
        .output()
        .expect("script (util-linux) is installed");
    let screen = stdout(&on_tty).replace('\r', "");
    let entries = screen
        .lines()
        .find_map(|l| l.split("OK: ").nth(1))
        .and_then(|rest| rest.split(' ').next())
        .expect("the count of entries");
    assert!(
        screen.contains(&format!(
            "[####################] rantai: {entries} dari {entries} entri; kini saldo, stok dan berkas…"
        )),
        "{screen}"
    );
}
