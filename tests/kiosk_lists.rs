//! In a real terminal (tmux, 80×24, Indonesian): the manager finds rows by typing on the
//! payouts, stock and audit lists after a sale; a filter that matches nothing says so, and
//! Esc goes back to the till from each.
// Driven through tmux, which a Windows test under Wine cannot start.
#![cfg(unix)]

mod common;

use common::*;

#[test]
fn typing_filters_the_payouts_the_stock_and_the_audit_trail() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    add_users(&mut small_ledger(&db));
    let tmux = Tmux::start(dir.path(), &format!("exec {BIN} --db '{}'", db.display()));
    tmux.login("Budi", BUDI_PIN);
    tmux.open_day_and_sell_one("Pengelola: Budi");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Kode / cari");

    // Payouts: Bu Sri is owed her share of the sale; the farmers are owed nothing.
    tmux.keys(&["C-p"]);
    tmux.wait_for("Kue Bu Sri");
    tmux.type_text("tani");
    tmux.wait_for("Saring: tani");
    let screen = tmux.wait_for("Tidak ada saldo produsen");
    assert!(!screen.contains("Kue Bu Sri"), "{screen}");
    tmux.keys(&["BSpace", "BSpace", "BSpace", "BSpace"]);
    tmux.type_text("sri");
    let screen = tmux.wait_for("Rp 10.200");
    assert!(screen.contains("Saring: sri"), "{screen}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Kode / cari");

    // Stock: a product by a word of its name.
    tmux.keys(&["F3"]);
    tmux.wait_for("Lemper Ayam");
    tmux.type_text("pandan");
    tmux.wait_for("Saring: pandan");
    let screen = wait_without(&tmux, "Lemper Ayam");
    assert!(screen.contains("Beras Pandan Wangi"), "{screen}");
    assert!(!screen.contains("Keripik Pisang"), "{screen}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Kode / cari");

    // The audit trail: entries by their kind as it reads in Indonesian.
    tmux.keys(&["C-r"]);
    tmux.wait_for("buka hari");
    tmux.type_text("penjualan");
    tmux.wait_for("jenis): penjualan");
    let screen = wait_without(&tmux, "buka hari");
    let sale = |l: &&str| l.starts_with('│') && l.contains("Budi") && l.contains("penjualan");
    assert!(screen.lines().any(|l| sale(&l)), "{screen}");
    tmux.type_text("zz");
    tmux.wait_for("Tidak ada catatan yang cocok");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Kode / cari");
}

/// Waits until the screen no longer shows `text` (the filter has been applied), and returns
/// the screen.
fn wait_without(tmux: &Tmux, text: &str) -> String {
    for _ in 0..200 {
        let screen = tmux.screen();
        if !screen.contains(text) {
            return screen;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("{text} still shown:\n{}", tmux.screen());
}
