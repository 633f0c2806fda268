//! The ledger file over years, on real files through the real binary: files that are not
//! pojok's, read-only commands that leave no trace, backups while another connection writes,
//! restore, one kiosk per ledger, and the sale that went through just before a crash.
// tmux drives the kiosk and Unix file modes are checked: Linux only (README: On Windows).
#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};

use common::*;
use pojok::domain::{PaymentMethod, Rupiah, Sale};
use pojok::ledger::{Ledger, SCHEMA_VERSION, backups_in};
use sha2::Digest;

/// The business day of these tests: today, as the kiosk sells only on the open day of today.
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// `HH:MM` today.
fn today_at(time: &str) -> chrono::NaiveDateTime {
    at(&format!("{} {time}", today()))
}

fn sell(ledger: &mut Ledger, code: &str, n: i64, time: &str) -> Sale {
    sell_whole(ledger, &[(code, n)], PaymentMethod::Cash, today_at(time))
}

/// A ledger with users, today's day open and `sales` sales of LMPR.
fn ledger_with_sales(path: &Path, sales: usize) -> Ledger {
    let mut ledger = small_ledger(path);
    add_users(&mut ledger);
    ledger
        .open_day(today(), "Rina", Rupiah(50_000), today_at("07:00"))
        .unwrap();
    for i in 0..sales {
        sell(&mut ledger, "LMPR", 1 + i as i64 % 3, "09:00");
    }
    ledger
}

fn sha(path: &Path) -> Vec<u8> {
    sha2::Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every command that only reads, as `pojok` arguments (`out` is a scratch folder).
fn reading_commands(out: &Path) -> Vec<Vec<String>> {
    let out = out.display().to_string();
    let day = today().to_string();
    [
        vec!["verify"],
        vec!["report", "day", "--date", &day],
        vec!["report", "day", "--json"],
        vec!["settlement", "--date", &day],
        vec![
            "statement",
            "--producer",
            "SRI",
            "--from",
            "2026-01-01",
            "--to",
            "2099-12-31",
        ],
        vec!["export", "catalogue", "--out", &out],
        vec!["backup", "--to", &out],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(String::from).collect())
    .collect()
}

fn run(db: &Path, args: &[String]) -> std::process::Output {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    pojok(db, &args)
}

#[test]
fn reading_a_ledger_changes_no_byte_and_leaves_nothing_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    drop(ledger_with_sales(&db, 3));
    let before = (sha(&db), names(dir.path()));
    assert_eq!(before.1, vec!["pojok.db".to_string()], "closed cleanly");
    let out = dir.path().join("out");
    for args in reading_commands(&out) {
        let result = run(&db, &args);
        assert!(result.status.success(), "{args:?}: {}", stderr(&result));
        let mut now = names(dir.path());
        now.retain(|n| n != "out");
        assert_eq!((sha(&db), now), before, "{args:?}");
    }
}

/// Files that are not a ledger this program may use, each with the words that must name why.
fn not_ledgers(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let empty = dir.join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let text = dir.join("notes.db");
    std::fs::write(&text, "a shopping list, not a database\n").unwrap();
    let foreign = dir.join("other-app.db");
    let conn = rusqlite::Connection::open(&foreign).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = DELETE;
         CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT);
         INSERT INTO products (name) VALUES ('sabun');
         PRAGMA user_version = 2;",
    )
    .unwrap();
    drop(conn);
    let newer = dir.join("newer.db");
    drop(small_ledger(&newer));
    let conn = rusqlite::Connection::open(&newer).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    vec![
        (empty, "kosong"),
        (text, "bukan berkas SQLite"),
        (foreign, "basis data program lain"),
        (newer, "pojok yang lebih baru"),
    ]
}

#[test]
fn files_that_are_not_ledgers_are_refused_in_one_sentence_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    for (file, words) in not_ledgers(dir.path()) {
        let listing = || {
            let mut n = names(dir.path());
            n.retain(|n| n != "out");
            n
        };
        let before = (sha(&file), listing());
        let mut commands = reading_commands(&out);
        // The kiosk (and an import, which may start a corner's ledger) create a ledger
        // in a missing or empty file; anything else they refuse too.
        if words != "kosong" {
            let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/producers.csv");
            commands.push(vec![
                "import".into(),
                "producers".into(),
                csv.display().to_string(),
            ]);
            commands.push(Vec::new());
        }
        for args in commands {
            let result = run(&file, &args);
            let said = stderr(&result);
            assert!(!result.status.success(), "{file:?} {args:?}");
            assert_eq!(said.trim().lines().count(), 1, "{file:?} {args:?}: {said}");
            assert!(said.contains(&file.display().to_string()), "{said}");
            assert!(said.contains(words), "{file:?} {args:?}: {said}");
            assert_eq!((sha(&file), listing()), before, "{file:?} {args:?}");
        }
    }
}

/// 4 KB of noise in the middle of a ledger, as the hostile tester did.
fn damage(path: &Path) {
    use std::io::{Seek, SeekFrom, Write};
    let len = std::fs::metadata(path).unwrap().len();
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.seek(SeekFrom::Start(len / 2 / 4096 * 4096)).unwrap();
    let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    file.write_all(&noise).unwrap();
}

#[test]
fn a_damaged_ledger_stops_the_kiosk_before_sign_in_and_points_to_the_latest_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    drop(ledger_with_sales(&db, 200));
    let backup = pojok(&db, &["backup"]);
    assert!(backup.status.success(), "{}", stderr(&backup));
    let good = backups_in(&dir.path().join("backups"))[0].path.clone();
    damage(&db);
    let before = sha(&db);

    let out = pojok(&db, &[]);
    let said = stderr(&out);
    assert!(!out.status.success());
    assert!(said.contains("rusak"), "{said}");
    assert!(
        said.contains(&format!("pojok restore {}", good.display())),
        "{said}"
    );
    assert_eq!(sha(&db), before, "nothing written into it");

    let out = pojok(&db, &["verify"]);
    assert!(!out.status.success(), "{}", stdout(&out));
    assert_eq!(sha(&db), before);
}

/// The start checks the pages when the last kiosk was cut short (its lock file still filled
/// in, as a kill or a power cut leaves it), not after a clean end: a damaged file is then
/// refused before sign-in as when no kiosk ran on it before.
#[test]
fn after_a_kiosk_cut_short_the_start_checks_the_file_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    drop(ledger_with_sales(&db, 200));
    let lock = pojok::ledger::KioskLock::path_for(&db);
    std::fs::write(&lock, "2026-12-05 07:30:00\tvm\t4242").unwrap();
    damage(&db);
    let before = sha(&db);
    let out = pojok(&db, &[]);
    let said = stderr(&out);
    assert!(!out.status.success());
    assert!(said.contains("rusak"), "{said}");
    assert_eq!(sha(&db), before, "nothing written into it");
}

#[test]
fn a_backup_holds_every_committed_sale_while_another_connection_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let ledger = ledger_with_sales(&db, 25);
    // The kiosk's connection stays open: its sales are still in the -wal, not in pojok.db.
    let wal = dir.path().join("pojok.db-wal");
    assert!(std::fs::metadata(&wal).unwrap().len() > 0);
    // And another holds a write transaction open.
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();

    let folder = dir.path().join("stick");
    let out = pojok(
        &db,
        &["--lang", "en", "backup", "--to", folder.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    let backups = backups_in(&folder);
    assert_eq!(backups.len(), 1, "{said}");
    let head = ledger.chain_head().unwrap().unwrap();
    assert_eq!(backups[0].head(), head.short());
    assert!(
        said.contains(&head.short()) && said.contains("checked"),
        "{said}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backups[0].path).unwrap().permissions();
        assert_eq!(mode.mode() & 0o777, 0o600);
    }
    other.execute_batch("ROLLBACK").unwrap();

    let copy = Ledger::open_read_only(&backups[0].path).unwrap();
    assert_eq!(copy.sales_of_day(today()).unwrap().len(), 25);
    assert!(copy.verify().unwrap().is_clean());
    let out = pojok(&backups[0].path, &["verify"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert_eq!(names(&folder).len(), 1, "no temporary file left");

    // --check: each backup with its head, and whether it still verifies.
    drop(ledger);
    // Filed under an older day, so that the next backup does not replace it.
    let older = folder.join(format!(
        "pojok-2026-11-21-{}.db",
        head.short().replace('#', "-")
    ));
    std::fs::rename(&backups[0].path, &older).unwrap();
    let mut ledger = Ledger::open(&db).unwrap();
    sell(&mut ledger, "KRPS", 1, "10:00");
    let out = pojok(&db, &["backup", "--to", folder.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let backups = backups_in(&folder);
    assert_eq!(backups.len(), 2);
    damage(&backups[1].path);
    let out = pojok(
        &db,
        &["backup", "--check", "--to", folder.to_str().unwrap()],
    );
    assert!(!out.status.success());
    let said = stdout(&out);
    assert!(
        said.contains(&format!("{}  baik", backups[0].head())),
        "{said}"
    );
    assert!(
        said.contains(&format!("{}  RUSAK", backups[1].head())),
        "{said}"
    );
}

#[test]
fn restore_lists_what_is_lost_before_the_pin_keeps_the_old_file_and_never_reuses_paper() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = ledger_with_sales(&db, 2);
    let out = pojok(&db, &["backup"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let backup = backups_in(&dir.path().join("backups"))[0].path.clone();
    // Sold after the backup: No. 3 on paper.
    let lost = sell(&mut ledger, "KRPS", 1, "11:00");
    assert_eq!(lost.number, 3);
    drop(ledger);
    let receipts = dir.path().join("printouts").join(today().to_string());
    std::fs::create_dir_all(&receipts).unwrap();
    std::fs::write(receipts.join("struk-0003.txt"), "No. 3 Keripik Pisang\n").unwrap();
    let head_before = Ledger::open_read_only(&db).unwrap().chain_head().unwrap();

    let restore = |input: &str| {
        use std::io::Write;
        let mut child = spawn_of(
            std::process::Command::new(BIN)
                .args(["restore", backup.to_str().unwrap()])
                .env("POJOK_DB", &db)
                .env_remove("POJOK_LANG")
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped()),
        );
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    // A wrong PIN: the loss is listed first, then nothing changes.
    let out = restore("Budi\n0000\n");
    assert!(!out.status.success());
    let said = stdout(&out);
    // The sale, its line and its payment are chained entries of their own.
    assert!(said.contains("sesudah cadangan ini HILANG"), "{said}");
    let day = pojok::print::format::date(today(), pojok::strings::Lang::Id);
    assert!(
        said.contains(&format!("penjualan No. 3, {day}, Rp 12.000")),
        "{said}"
    );
    assert!(
        stderr(&out).contains("PIN ditolak"),
        "{}",
        stderr(&out) + &said
    );
    // Only the wrong PIN is counted (towards a lockout); the ledger is the same one.
    assert!(
        !names(dir.path())
            .iter()
            .any(|n| n.contains("before-restore"))
    );
    let current = Ledger::open_read_only(&db).unwrap();
    assert_eq!(current.sales_of_day(today()).unwrap().len(), 3);
    assert_eq!(current.chain_head().unwrap(), head_before);
    drop(current);

    let out = restore("Budi\n9999\n");
    assert!(out.status.success(), "{}", stderr(&out));
    let aside: Vec<String> = names(dir.path())
        .into_iter()
        .filter(|n| n.starts_with("pojok.db.before-restore-"))
        .collect();
    assert_eq!(aside.len(), 1, "{:?}", names(dir.path()));
    assert!(stdout(&out).contains(&aside[0]), "{}", stdout(&out));
    let kept = Ledger::open_read_only(&dir.path().join(&aside[0])).unwrap();
    assert_eq!(kept.sales_of_day(today()).unwrap().len(), 3);
    let restored = Ledger::open(&db).unwrap();
    assert_eq!(restored.sales_of_day(today()).unwrap().len(), 2);
    assert!(restored.verify().unwrap().is_clean());

    // The next sale is No. 3 again; its paper does not overwrite the one printed before.
    let mut kiosk = Kiosk::signed_in(restored, "Rina", RINA_PIN);
    kiosk.type_text("KRPS");
    kiosk.key(ratatui::crossterm::event::KeyCode::Enter);
    kiosk.key(ratatui::crossterm::event::KeyCode::F(2));
    kiosk.key(ratatui::crossterm::event::KeyCode::Enter);
    assert_eq!(
        std::fs::read_to_string(receipts.join("struk-0003.txt")).unwrap(),
        "No. 3 Keripik Pisang\n"
    );
    // Moving to a new PC: the backup restored where no ledger (nor its folder) is yet.
    let new_pc = dir.path().join("new-pc").join("pojok").join("pojok.db");
    let out = output_of(
        std::process::Command::new(BIN)
            .args(["restore", backup.to_str().unwrap()])
            .env("POJOK_DB", &new_pc)
            .stdin(std::fs::File::open(write_answers(dir.path(), "Budi\n9999\n")).unwrap()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let moved = Ledger::open_read_only(&new_pc).unwrap();
    assert_eq!(moved.sales_of_day(today()).unwrap().len(), 2);
    assert!(
        receipts.join("struk-0003-2.txt").exists(),
        "{} {:?}",
        kiosk.note(),
        names(&receipts)
    );
    assert_eq!(
        kiosk.note(),
        "struk-0003.txt sudah ada dan tidak ditimpa; disimpan sebagai struk-0003-2.txt."
    );
}

/// A file holding what is typed at the prompts, for a command's standard input.
fn write_answers(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("answers.txt");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_second_kiosk_on_the_same_ledger_is_refused_while_commands_that_read_still_work() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    drop(ledger_with_sales(&db, 1));
    let tmux = Tmux::kiosk(dir.path(), &db, "");
    tmux.wait_for("PIN");
    let second = pojok(&db, &[]);
    let said = stderr(&second);
    assert!(!second.status.success());
    assert!(
        said.contains("Kiosk lain sedang memakai buku kas"),
        "{said}"
    );
    assert!(said.contains(&format!("proses {}", tmux.pid())), "{said}");
    assert!(said.contains("dibuka 20"), "{said}");
    let out = pojok(&db, &["verify"]);
    assert!(out.status.success(), "{}", stdout(&out));
    let out = pojok(&db, &["backup"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // kill -9: the OS lets go of the lock.
    std::process::Command::new("kill")
        .args(["-9", &tmux.pid().to_string()])
        .status()
        .unwrap();
    tmux.wait_exit();
    drop(tmux);
    let again = Tmux::kiosk(dir.path(), &db, "");
    again.wait_for("PIN");
}

#[test]
fn a_sale_committed_without_its_receipt_gets_it_at_the_next_start_and_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = ledger_with_sales(&db, 0);
    // As if killed between the commit and the receipt file: the sale is there, its paper not,
    // and a printout's temporary file was left behind.
    let sale = sell(&mut ledger, "KRPS", 1, "12:00");
    drop(ledger);
    let receipts = dir.path().join("printouts").join(today().to_string());
    std::fs::create_dir_all(&receipts).unwrap();
    std::fs::write(receipts.join(".printout-Ab12Cd"), "half a recei").unwrap();

    let tmux = Tmux::kiosk(dir.path(), &db, "");
    let screen = tmux.wait_for("Penjualan terakhir No. 1 Rp 12.000 tersimpan");
    assert!(screen.contains("PIN"), "before anyone signs in: {screen}");
    let receipt = std::fs::read_to_string(receipts.join("struk-0001.txt")).unwrap();
    assert!(receipt.contains("Keripik Pisang"), "{receipt}");
    assert!(!receipt.contains("SALINAN"), "the original: {receipt}");
    assert!(receipt.contains(&sale.total.to_string()), "{receipt}");
    assert_eq!(names(&receipts), vec!["struk-0001.txt".to_string()]);
}

#[test]
fn a_failed_backup_at_close_never_blocks_it_and_is_said_again_at_each_sign_in() {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = ledger_with_sales(&db, 1);
    // The backup folder sits under a plain file: it can never be made (a USB stick pulled out).
    std::fs::write(dir.path().join("stick"), "not a folder").unwrap();
    let folder = dir.path().join("stick").join("cadangan");
    let budi = ledger
        .users()
        .unwrap()
        .into_iter()
        .find(|u| u.name == "Budi")
        .unwrap();
    ledger.sign_in(&budi);
    let (shop, printer) = (
        ledger.shop_header().unwrap(),
        ledger.printer_settings().unwrap(),
    );
    let rules = ledger.till_rules().unwrap();
    let typed = folder.display().to_string();
    ledger
        .save_settings(&shop, &printer, &rules, (&typed, None), today_at("08:00"))
        .unwrap();
    ledger.sign_out();
    let expected = open_day_cash(&ledger).expected();

    let mut kiosk = Kiosk::signed_in(ledger, "Rina", RINA_PIN);
    kiosk.key(KeyCode::F(5));
    kiosk.type_text(&expected.value().to_string());
    kiosk.key(KeyCode::F(2));
    kiosk.type_text(&expected.value().to_string());
    kiosk.key(KeyCode::Enter);
    assert_eq!(kiosk.app.status(), None, "closed all the same");
    assert!(
        kiosk
            .note()
            .starts_with("Kasir ditutup, tetapi CADANGAN GAGAL"),
        "{}",
        kiosk.note()
    );
    kiosk.key_with(KeyCode::Char('l'), KeyModifiers::CONTROL);
    kiosk.type_text(RINA_PIN);
    kiosk.key(KeyCode::Enter);
    assert_eq!(
        kiosk.note(),
        format!(
            "PERHATIAN: tutup kasir terakhir belum dicadangkan di {typed}. Periksa folder cadangan (Ctrl+O)."
        )
    );
}

#[test]
fn restore_refuses_what_is_not_a_good_backup_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    drop(ledger_with_sales(&db, 2));
    let damaged = dir.path().join("damaged.db");
    drop(ledger_with_sales(&damaged, 200));
    damage(&damaged);
    let mut files: Vec<(PathBuf, &str)> = not_ledgers(dir.path());
    files.push((damaged, "tidak bisa dipakai"));
    let before = sha(&db);
    for (file, words) in files {
        let mut listing = names(dir.path());
        listing.retain(|n| n != "pojok.db.lock");
        let out = pojok(&db, &["restore", file.to_str().unwrap()]);
        let said = stderr(&out);
        assert!(!out.status.success(), "{file:?}");
        assert!(
            said.contains(words) && said.contains(file.to_str().unwrap()),
            "{said}"
        );
        assert_eq!(sha(&db), before, "{file:?}");
        // The lock file beside the ledger stays, as after any kiosk run; nothing else does.
        let mut now = names(dir.path());
        now.retain(|n| n != "pojok.db.lock");
        assert_eq!(now, listing, "nothing left behind: {file:?}");
    }
}

#[test]
fn the_close_screen_says_where_the_backup_went() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let ledger = ledger_with_sales(&db, 2);
    let expected = open_day_cash(&ledger).expected();
    drop(ledger);
    let tmux = Tmux::kiosk(dir.path(), &db, "");
    tmux.login("Rina", RINA_PIN);
    tmux.wait_for("Kasir: Rina");
    tmux.keys(&["F5"]);
    tmux.wait_for("Kas seharusnya");
    tmux.type_text(&expected.value().to_string());
    tmux.keys(&["F2"]);
    tmux.wait_for("Pastikan tutup kasir");
    tmux.type_text(&expected.value().to_string());
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Kasir ditutup. Cadangan:");
    let backups = backups_in(&dir.path().join("backups"));
    assert_eq!(backups.len(), 1, "{screen}");
    let name = backups[0]
        .path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    // At 80 columns a long folder may be cut; the file's own name starts on screen.
    assert!(screen.contains(&name[..20]), "{screen}");
    assert!(pojok(&backups[0].path, &["verify"]).status.success());
}

#[test]
fn a_demo_kiosk_on_a_ledger_file_holds_its_lock_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let tmux = Tmux::kiosk(dir.path(), &db, "demo");
    tmux.wait_for("PIN");
    let second = pojok(&db, &[]);
    assert!(!second.status.success());
    let said = stderr(&second);
    assert!(
        said.contains("Kiosk lain sedang memakai buku kas"),
        "{said}"
    );
}
