//! In a real terminal (tmux, 80×24, Indonesian): the manager's glance opens with Ctrl+G from
//! the till, draws the day's sale as a bar and its figures, and Esc goes back to the till.
// Driven through tmux, which a Windows test under Wine cannot start.
#![cfg(unix)]

mod common;

use common::*;

#[test]
fn ctrl_g_shows_the_day_at_a_glance_and_esc_goes_back_to_the_till() {
    let dir = tempfile::tempdir().unwrap();
    let (tmux, _) = Tmux::rina_after_one_sale(dir.path());
    tmux.keys(&["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(300));

    tmux.keys(&["C-g"]);
    tmux.wait_for("Sekilas usaha");
    // The glance's own bar is its last row: once it shows, the whole frame is there.
    let screen = tmux.wait_for("Esc Kembali");
    for shown in [
        "Transaksi",
        "Rp 12.000",
        "Produk terlaris 30 hari",
        "Keripik Pisang",
    ] {
        assert!(screen.contains(shown), "{shown}:\n{screen}");
    }
    // The day's one sale is a bar in its hour.
    assert!(screen.contains('█'), "{screen}");
    tmux.keys(&["Escape"]);
    let screen = tmux.wait_for("Kode / cari");
    assert!(!screen.contains("Sekilas usaha"), "{screen}");
}
