//! The demo ledger seeds from assets/demo.json into a real file, and only once.

use chrono::NaiveDate;
use pojok::domain::StockQuantity;
use pojok::ledger::Ledger;

#[test]
fn demo_seeds_a_day_with_a_morning_of_sales_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut ledger = Ledger::open(&path).unwrap();
    assert!(pojok::demo::seed(&mut ledger, today).unwrap());
    assert_eq!(ledger.producers().unwrap().len(), 8);
    assert!(ledger.active_products().unwrap().len() >= 40);
    let status = ledger
        .open_day_status()
        .unwrap()
        .expect("the demo day is open");
    assert_eq!(status.day.date, today);
    let report = ledger.day_report(today).unwrap().unwrap();
    assert_eq!(report.voids.count, 1);
    assert_eq!(report.sales.count + report.voids.count, 14);
    assert_eq!(status.sales, report.sales.count);
    assert_eq!(status.takings, report.sales.total);
    let paid = report.payments.cash
        + report.payments.qris
        + report.payments.transfer
        + report.payments.tab;
    assert_eq!(paid, report.sales.total);
    // Two sales on tabs, and the cash bought plastic bags.
    let balances = ledger.customer_balances().unwrap();
    let owing: Vec<_> = balances
        .iter()
        .filter(|b| b.owed().is_positive())
        .map(|b| b.customer.name.as_str())
        .collect();
    assert_eq!(owing, ["Budi Santoso", "Sri Wahyuni"]);
    assert_eq!(balances.len(), 3);
    let owed: pojok::domain::Rupiah = balances.iter().map(|b| b.owed()).sum();
    assert!(owed.is_positive());
    assert_eq!(report.payments.tab, owed);
    assert_eq!(report.cash_moves.len(), 1);
    assert_eq!(
        report.expected_cash,
        report.cash.float + report.payments.cash - report.cash.cash_out
    );
    assert_eq!(ledger.shop_header().unwrap(), pojok::demo::shop());

    // The morning's deliveries are on the stock screen, less what sold.
    let stock = ledger.stock_levels(Some(today)).unwrap();
    let lemper = stock.iter().find(|l| l.code == "LMPR").unwrap();
    assert!(lemper.daily);
    assert_eq!(
        (lemper.day.received, lemper.day.sold, lemper.on_hand),
        (
            StockQuantity::whole(20),
            StockQuantity::whole(4),
            StockQuantity::whole(16)
        )
    );
    assert_eq!(lemper.best_before, Some(today));
    let oversold: Vec<_> = stock
        .iter()
        .filter(|l| l.oversold())
        .map(|l| l.code.as_str())
        .collect();
    assert_eq!(oversold, ["KAOS-XXL"]);
    let calls: Vec<_> = ledger
        .call_list()
        .unwrap()
        .into_iter()
        .map(|c| c.producer_code)
        .collect();
    assert_eq!(calls, ["IJAH", "KAOS", "KOPI"]);
    assert!(ledger.stock_matches_history().unwrap().is_empty());
    // The cake maker is paid out at every closing: the close screen reminds of her.
    let daily: Vec<_> = ledger
        .producer_balances()
        .unwrap()
        .into_iter()
        .filter(|b| b.payout_daily)
        .map(|b| (b.code, b.balance.is_positive()))
        .collect();
    assert_eq!(daily, [("SRI".to_string(), true)]);
    // A newcomer's demo verifies like a real ledger.
    assert!(ledger.verify().unwrap().is_clean());

    // Seeding again leaves the file as it is.
    drop(ledger);
    let mut ledger = Ledger::open(&path).unwrap();
    assert!(!pojok::demo::seed(&mut ledger, today).unwrap());
    assert_eq!(ledger.day_report(today).unwrap().unwrap(), report);
}

/// The demo started early in the morning: its morning ends by now, never after, so the
/// kiosk does not take the PC's clock for one set back; later in the day it keeps the
/// times of the file.
#[test]
fn the_demos_morning_is_never_stamped_in_the_future() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    for (hour, shifted) in [(6, true), (8, true), (15, false)] {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("demo.db")).unwrap();
        let now = today.and_hms_opt(hour, 0, 0).unwrap();
        assert!(pojok::demo::seed_at(&mut ledger, now).unwrap());
        let last = ledger.last_entry_at().unwrap().unwrap();
        assert!(last <= now, "{last} after {now}");
        let unshifted = {
            let dir = tempfile::tempdir().unwrap();
            let mut ledger = Ledger::open(&dir.path().join("demo.db")).unwrap();
            pojok::demo::seed(&mut ledger, today).unwrap();
            ledger.last_entry_at().unwrap().unwrap()
        };
        assert_eq!(last == now, shifted, "{hour}:00: {last}");
        assert_eq!(
            last == unshifted,
            !shifted,
            "{hour}:00: {last} / {unshifted}"
        );
        // The morning's sales keep their order and spacing.
        let sales = ledger.day_report(today).unwrap().unwrap().sales.count;
        assert_eq!(sales, 13);
    }
}
