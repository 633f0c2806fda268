//! Returning part of a sale at the real kiosk in a real terminal (tmux, 80×24, Indonesian):
//! F6, Enter on the sale, F8, a quantity on a line, the reason, F2, yes, the manager's PIN;
//! the return is in the ledger, its slip in the printouts folder, the rest of the sale live.
// Driven through tmux, which a Windows test under Wine cannot start (README: Windows).
#![cfg(unix)]

mod common;

use common::*;
use pojok::domain::{PaymentMethod, Quantity, Rupiah};

#[test]
fn part_of_a_sale_is_returned_from_the_sales_list_with_the_managers_pin() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let now = chrono::Local::now().naive_local();
    let sale = {
        let mut ledger = small_ledger(&db);
        add_users(&mut ledger);
        ledger
            .open_day(now.date(), "Rina", Rupiah(100_000), now)
            .unwrap();
        sell_by(
            &mut ledger,
            &[("LMPR", Quantity::whole(3)), ("KRPS", Quantity::whole(1))],
            PaymentMethod::Cash,
            now,
        )
    };
    assert_eq!(sale.total, Rupiah(22_500));

    let tmux = Tmux::kiosk(dir.path(), &db, "--lang id");
    tmux.login("Rina", RINA_PIN);
    tmux.keys(&["F6"]);
    tmux.wait_for("Enter Rincian");
    tmux.keys(&["Enter"]);
    let detail = tmux.wait_for("Penjualan No. 1");
    assert!(detail.contains("Lemper Ayam") && detail.contains("Keripik Pisang"));
    assert!(detail.contains("F8 Retur"), "{detail}");
    tmux.keys(&["F8"]);
    tmux.wait_for("Uang kembali: Tunai");
    // One lemper of three back.
    tmux.type_text("1");
    tmux.keys(&["Tab"]);
    tmux.type_text("Lemper basi");
    tmux.keys(&["F2"]);
    tmux.wait_for("Retur 1 baris dari struk No. 1");
    tmux.type_text("y");
    tmux.wait_for("Retur sebagian penjualan perlu PIN");
    tmux.type_text(BUDI_PIN);
    tmux.keys(&["Enter"]);
    let done = tmux.wait_for("Retur No. 1: Rp 3.500 dikembalikan (Tunai)");
    assert!(done.contains("retur-jual-0001.txt"), "{done}");
    assert!(done.contains("Lemper basi"), "the detail lists it:\n{done}");
    tmux.keys(&["Escape"]);
    let list = tmux.wait_for("retur Rp 3.500");
    assert!(
        list.contains("Rp 22.500"),
        "the sale stays as it was rung up:\n{list}"
    );
    tmux.keys(&["C-q"]);
    tmux.wait_exit();

    let ledger = pojok::ledger::Ledger::open(&db).unwrap();
    let returns = ledger.returns_of_sale(sale.id).unwrap();
    assert_eq!(returns.len(), 1);
    assert_eq!(returns[0].lines[0].quantity, Quantity::whole(1));
    assert_eq!(returns[0].amount(), Rupiah(3_500));
    let cash = open_day_cash(&ledger);
    assert_eq!(cash.refunds, Rupiah(3_500));
    let slip = dir
        .path()
        .join("printouts")
        .join(now.date().format("%Y-%m-%d").to_string())
        .join("retur-jual-0001.txt");
    let text = std::fs::read_to_string(&slip).unwrap();
    assert!(
        text.contains("RETUR PENJUALAN") && text.contains("Lemper basi"),
        "{text}"
    );
    assert!(ledger.verify().unwrap().is_clean());
}

/// Yesterday's closed day, stepped to with PgUp: the bar says F8 corrects there; a part of
/// its sale comes back today (a partial correction), the money by transfer (F7), and
/// yesterday's report stays as it was closed.
#[test]
fn part_of_a_closed_days_sale_is_returned_on_the_open_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let now = chrono::Local::now().naive_local();
    let yesterday = now - chrono::Duration::days(1);
    let (sale, closed_report) = {
        let mut ledger = small_ledger(&db);
        add_users(&mut ledger);
        ledger
            .open_day(yesterday.date(), "Rina", Rupiah(100_000), yesterday)
            .unwrap();
        let sale = sell_by(
            &mut ledger,
            &[("BRS", Quantity::from_milli(2_000))],
            PaymentMethod::Qris,
            yesterday,
        );
        close_counted(&mut ledger, "Rina", yesterday).unwrap();
        ledger
            .open_day(now.date(), "Rina", Rupiah(100_000), now)
            .unwrap();
        let report = ledger.day_report(yesterday.date()).unwrap().unwrap();
        (sale, report)
    };
    assert_eq!(sale.total, Rupiah(30_000));

    let tmux = Tmux::kiosk(dir.path(), &db, "--lang id");
    tmux.login("Rina", RINA_PIN);
    tmux.keys(&["F6"]);
    tmux.wait_for("Belum ada penjualan");
    tmux.keys(&["PageUp"]);
    let list = tmux.wait_for("sudah ditutup");
    assert!(
        list.contains("F8 Koreksi") && !list.contains("F8 Batalkan"),
        "{list}"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for("Beras Pandan Wangi");
    tmux.keys(&["F8"]);
    tmux.wait_for("Uang kembali: QRIS");
    // Half a kilo of two, back by transfer.
    tmux.type_text("0,5");
    tmux.keys(&["F7"]);
    tmux.wait_for("Uang kembali: Transfer");
    tmux.keys(&["Tab"]);
    tmux.type_text("Beras berkutu");
    tmux.keys(&["F2"]);
    tmux.wait_for("Retur 1 baris dari struk No. 1");
    tmux.type_text("y");
    tmux.wait_for("Retur sebagian penjualan perlu PIN");
    tmux.type_text(BUDI_PIN);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Retur No. 1: Rp 7.500 dikembalikan (Transfer)");
    tmux.keys(&["C-q"]);
    tmux.wait_exit();

    let ledger = pojok::ledger::Ledger::open(&db).unwrap();
    assert_eq!(
        ledger.day_report(yesterday.date()).unwrap().unwrap(),
        closed_report,
        "the closed day's report stays as it was"
    );
    let today = ledger.day_report(now.date()).unwrap().unwrap();
    assert_eq!(today.returns.len(), 1);
    assert!(today.returns[0].corrects_closed_day());
    assert_eq!(today.returns[0].amount(), Rupiah(7_500));
    // TANI at Rp 13.500/kg: 27.000 frozen, a quarter back.
    let tani = &ledger.settlement_for(now.date(), Some("TANI")).unwrap()[0];
    assert_eq!(tani.producer_share(), Rupiah(-6_750));
    assert!(ledger.verify().unwrap().is_clean());
}
