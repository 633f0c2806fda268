//! Traps of an attendant's first week, in a real terminal (tmux, 80×24, Indonesian): "r" on
//! the sign-in screen picks Rina, never Sari whose name has an r inside, and a scan in the
//! pay dialog (a code's letters, or a barcode's digits, then the scanner's Enter) pays
//! nothing and is said plainly; a person's Enter afterwards pays.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::thread::sleep;
use std::time::Duration;

use common::*;
use pojok::domain::Role;
use pojok::ledger::Ledger;
use serde_json::Value;

const SARI_PIN: &str = "2468";

fn report_json(db: &Path) -> Value {
    let out = pojok(db, &["report", "day", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// Sari, the manager, made first, then Rina: the order the sign-in list shows them in.
fn sari_then_rina(ledger: &mut Ledger) {
    let when = at("2026-11-01 07:00");
    ledger.create_first_manager("Sari", SARI_PIN, when).unwrap();
    ledger
        .add_user("Rina", Role::Attendant, RINA_PIN, when)
        .unwrap();
}

#[test]
fn r_picks_rina_and_a_scan_in_the_pay_dialog_never_pays() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    sari_then_rina(&mut small_ledger(&db));
    let tmux = Tmux::kiosk(dir.path(), &db, "");

    // "r": Rina is the one listed and highlighted; Sari is not listed at all.
    tmux.wait_for("PIN");
    tmux.type_text("r");
    let screen = tmux.wait_for("Pengguna: r");
    assert!(screen.contains("▶ Rina"), "Rina is highlighted:\n{screen}");
    let list: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("Pengelola") || l.contains("Kasir"))
        .collect();
    assert!(
        !list.iter().any(|l| l.contains("Sari")),
        "Sari is not matched by a letter inside her name:\n{screen}"
    );
    // A wrong PIN is tried against Rina, and the message names her.
    tmux.type_text("0000");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Rina tidak bisa masuk: PIN salah");
    tmux.type_text(RINA_PIN);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Selamat bekerja, Rina");
    tmux.open_day("0", "Kasir: Rina");

    tmux.type_text("KRPS");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Rp 12.000");
    tmux.keys(&["F2"]);
    tmux.wait_for("Pembayaran");
    // A code's letters scanned into the pay dialog, the scanner's Enter right behind them.
    tmux.type_text("LMPR");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Tutup pembayaran dulu untuk menambah barang");
    assert!(screen.contains("Pembayaran"), "the dialog stays:\n{screen}");
    // A barcode's digits: never an amount, never paid.
    tmux.type_text("8998201000016");
    tmux.keys(&["Enter"]);
    sleep(Duration::from_millis(300));
    let screen = tmux.screen();
    assert!(screen.contains("Pembayaran"), "{screen}");
    assert!(!screen.contains("8998201000016"), "{screen}");
    assert!(!screen.contains("No. 1"), "{screen}");
    assert_eq!(report_json(&db)["sales"]["count"], 0, "nothing was paid");
    // The attendant's own Enter, a moment later, pays exact.
    sleep(Duration::from_millis(150));
    tmux.keys(&["Enter"]);
    tmux.wait_for("No. 1");
    assert_eq!(report_json(&db)["sales"]["count"], 1);
    tmux.keys(&["C-q"]);
    tmux.wait_exit();
}
