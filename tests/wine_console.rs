//! pojok.exe in a real terminal under Wine: the Windows build draws its sign-in screen, rings
//! up a line, and quits on Ctrl+C keeping the cart. Runs where .ci/run's Windows step has built pojok.exe and Wine is
//! installed; elsewhere it says why it did not run.
#![cfg(unix)]

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::Tmux;
use pojok::ledger::Ledger;

/// The debug pojok.exe that `cargo build --target x86_64-pc-windows-gnu` leaves.
fn windows_exe() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("x86_64-pc-windows-gnu/debug/pojok.exe")
}

/// Wine starts slowly (its prefix, its console): a minute, not the usual twenty seconds.
fn wait_for(tmux: &Tmux, text: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let screen = tmux.screen();
        if screen.contains(text) {
            return screen;
        }
        assert!(Instant::now() < deadline, "no {text:?} on:\n{screen}");
        sleep(Duration::from_millis(200));
    }
}

#[test]
fn the_windows_build_draws_the_sign_in_screen_under_wine() {
    let wine = Command::new("wine").arg("--version").output();
    if !wine.is_ok_and(|o| o.status.success()) {
        println!("skipped: wine is not installed (apt-get install wine64)");
        return;
    }
    let exe = windows_exe();
    if !exe.is_file() {
        println!(
            "skipped: no {} (cargo build --target x86_64-pc-windows-gnu)",
            exe.display()
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // A folder with a space and a letter beyond ASCII, as Windows user names have.
    let folder = dir.path().join("Bu Siti Ñ");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("demo.db");
    let run = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/wine/run");
    let tmux = Tmux::start(
        dir.path(),
        &format!(
            "exec '{}' '{}' demo --db '{}'",
            run.display(),
            exe.display(),
            db.display()
        ),
    );
    let screen = wait_for(&tmux, "PIN 1111");
    assert!(screen.contains("Masuk"), "{screen}");
    // A sale begun, then Ctrl+C: the console hands it over as a key, the kiosk quits in
    // order, and the cart is in the ledger for the next start.
    // Wine's console redraws only in part after the first screen (README: On Windows), so
    // from here on the ledger, not the screen, says what happened.
    tmux.login("Rina", "1111");
    // The kiosk writes down who signed in; that, not a half-redrawn till, says it is ready.
    let signed_in = || Ledger::open(&db).unwrap().last_signed_in().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while signed_in().as_deref() != Some("Rina") {
        assert!(
            Instant::now() < deadline,
            "not signed in:\n{}",
            tmux.screen()
        );
        sleep(Duration::from_millis(200));
    }
    tmux.type_text("3*LMPR");
    tmux.keys(&["Enter"]);
    // The demo seeded the ledger at the path with a space and an Ñ in it.
    let draft_codes = || {
        let draft = Ledger::open(&db).unwrap().load_draft().unwrap();
        let lines = draft.map(|cart| cart.lines).unwrap_or_default();
        lines
            .iter()
            .map(|l| l.product.code.clone())
            .collect::<Vec<_>>()
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    while draft_codes().is_empty() {
        assert!(Instant::now() < deadline, "no draft:\n{}", tmux.screen());
        sleep(Duration::from_millis(200));
    }
    tmux.keys(&["C-c"]);
    tmux.wait_exit();
    assert_eq!(draft_codes(), ["LMPR"]);
}
