//! In a real terminal (tmux, Indonesian): after a sale, the producers screen at 80×24 shows
//! every name whole and no sparkline; widened to 120×30 it shows each producer's 30 days of
//! sales, the day's sale a bar at the right end of its producer's row.
// Driven through tmux, which a Windows test under Wine cannot start.
#![cfg(unix)]

mod common;

use common::*;
use pojok::domain::Scheme;
use pojok::ledger::NewProducer;

/// 38 characters: whole on one row at 80 columns, not beside a sparkline.
const LONG: &str = "Kelompok Tani Rukun Makmur Metro Barat";

#[test]
fn the_producers_screen_shows_30_days_of_sales_when_wide_and_names_whole_at_80() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&db);
    add_users(&mut ledger);
    ledger
        .add_producer(&NewProducer {
            code: "RUKUN".into(),
            name: LONG.into(),
            phone: "0852-7906-4471".into(),
            address: String::new(),
            account: String::new(),
            scheme: Scheme::ProducerPrice,
        })
        .unwrap();
    drop(ledger);
    let tmux = Tmux::kiosk(dir.path(), &db, "");
    tmux.login("Rina", RINA_PIN);
    tmux.open_day_and_sell_one("Kasir: Rina");
    tmux.keys(&["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(300));

    tmux.keys(&["F8"]);
    let screen = tmux.wait_for(LONG);
    for name in [LONG, "Kue Bu Sri", "Kelompok Tani Makmur"] {
        assert!(screen.contains(name), "{name}:\n{screen}");
    }
    assert!(!screen.contains("Penjualan 30 hari"), "{screen}");
    assert!(!screen.contains('█') && !screen.contains('·'), "{screen}");

    tmux.resize(120, 30);
    tmux.wait_for("Penjualan 30 hari");
    // The key bar on one row, the frame's last: under load a capture can catch the new header
    // over rows not yet redrawn.
    let screen = tmux.wait_for("F1 Bantuan  F10 English");
    assert!(screen.contains("Penjualan 30 hari"), "{screen}");
    let row = |needle: &str| {
        screen
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no {needle:?} in\n{screen}"))
            .to_string()
    };
    // Kue Bu Sri sold the one Keripik Pisang today, the last of the 30 days; nobody else sold.
    let sri = row("Kue Bu Sri");
    assert!(sri.contains(&format!("{}█", "·".repeat(29))), "{sri}");
    assert!(row(LONG).contains(&"·".repeat(30)), "{screen}");
    assert!(
        row("Kelompok Tani Makmur").contains(&"·".repeat(30)),
        "{screen}"
    );
}
