//! Goods the corner loses, at the keyboard in a real terminal (tmux, 80×24, Indonesian): a
//! count short on the shelf, borne by the corner with F7 and approved by the manager, is
//! owed to the producer on the count's slip, the balances and the close's settlement slip.
// Driven through tmux, which a Windows test under Wine cannot start (README: Windows).
#![cfg(unix)]

mod common;

use common::*;
use pojok::domain::Rupiah;
use pojok::ledger::Ledger;

#[test]
fn a_count_short_on_the_shelf_borne_by_the_corner_is_owed_to_the_producer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let tmux = Tmux::kiosk(dir.path(), &db, "demo");
    tmux.login("Rina", "1111");
    tmux.wait_for("Kasir: Rina");
    let owed_before = |db: &std::path::Path| {
        Ledger::open_read_only(db)
            .unwrap()
            .producer_balances()
            .unwrap()
            .into_iter()
            .find(|b| b.code == "BERKAH")
            .unwrap()
            .balance
    };
    let before = owed_before(&db);

    // The shop-wide count (F6 on the stock screen): Keripik Pisang Manis (BERKAH, 20 %), 9
    // on record, 7 on the shelf; F7 says the corner bears the selected line's shortfall.
    tmux.keys(&["F3"]);
    tmux.wait_for("Stok barang titipan");
    tmux.keys(&["F6"]);
    tmux.wait_for("Stok opname: 0 produk");
    // The bar is drawn after the form: waited for too, not read from the same capture.
    tmux.wait_for("F7 Tanggungan");
    tmux.type_text("7*KRPS");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Keripik Pisang Manis");
    assert!(
        screen
            .lines()
            .any(|l| l.contains("KRPS") && l.contains("Produsen")),
        "{screen}"
    );
    tmux.keys(&["F7"]);
    tmux.wait_for("-2 Pojok");
    tmux.keys(&["Tab"]);
    tmux.type_text("Opname sore");
    tmux.keys(&["F2"]);
    tmux.wait_for("catat sekarang?");
    tmux.keys(&["y"]);
    // A count with a difference is the manager's: Budi approves with his PIN.
    tmux.wait_for("Persetujuan pengelola");
    tmux.type_text("9999");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Stok opname 1 produk dicatat");

    let slip = std::fs::read_dir(dir.path().join("printouts"))
        .unwrap()
        .flatten()
        .flat_map(|day| std::fs::read_dir(day.path()).unwrap().flatten())
        .map(|f| f.path())
        .find(|p| p.to_string_lossy().contains("opname-"))
        .expect("the count's slip");
    let text = std::fs::read_to_string(&slip).unwrap();
    // 2 × Rp 12.000 × (1 − 20 %) = Rp 19.200.
    for (label, value) in [
        ("Selisih", "-2 bks"),
        ("Ditanggung oleh", "Pojok UMKM"),
        ("Ganti rugi ke produsen", "Rp 19.200"),
    ] {
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with(label) && l.ends_with(value)),
            "{label} {value}:\n{text}"
        );
    }

    // The balances (Ctrl+P) carry it.
    tmux.keys(&["Escape"]);
    tmux.wait_for("Kode / cari");
    tmux.keys(&["C-p"]);
    tmux.wait_for("bagi hasil & pembayaran");
    let owed = before + Rupiah(19_200);
    let screen = tmux.wait_for(&owed.to_string());
    assert!(
        screen
            .lines()
            .any(|l| l.contains("BERKAH") && l.contains(&owed.to_string())),
        "{screen}"
    );
    tmux.keys(&["C-q"]);
    tmux.wait_exit();
    assert_eq!(owed_before(&db), owed);
}
