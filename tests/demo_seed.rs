//! The demo ledger seeds from assets/demo.json into a real file, and only once.

use chrono::NaiveDate;
use pojok::domain::StockQuantity;
use pojok::ledger::Ledger;

#[test]
fn demo_seeds_a_day_with_a_morning_of_sales_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    // Started in the evening: the whole morning happened as written.
    let evening = today.and_hms_opt(18, 0, 0).unwrap();
    let mut ledger = Ledger::open(&path).unwrap();
    assert!(pojok::demo::seed(&mut ledger, evening).unwrap());
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
    let shop = ledger.shop_header().unwrap();
    assert!(shop.office.contains("Kota Metro"), "{shop:?}");
    assert_eq!(
        ledger.programme_name().unwrap().as_deref(),
        Some("Metro Bangga Beli")
    );
    // Newest first.
    let sales = ledger.sales_of_day(today).unwrap();
    let times: Vec<_> = sales.iter().map(|s| s.at.time().to_string()).collect();
    assert_eq!(times.first().map(String::as_str), Some("11:28:00"));
    assert_eq!(times.last().map(String::as_str), Some("07:45:00"));

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
    assert!(!pojok::demo::seed(&mut ledger, evening).unwrap());
    assert_eq!(ledger.day_report(today).unwrap().unwrap(), report);
}

/// The history of the demo's file, every stamped entry's time, oldest first.
fn stamps(ledger: &Ledger) -> Vec<chrono::NaiveDateTime> {
    let mut at: Vec<_> = ledger
        .history(&pojok::domain::HistoryFilter::default())
        .unwrap()
        .into_iter()
        .filter_map(|e| e.at)
        .collect();
    at.sort();
    at
}

#[test]
fn a_demo_started_before_the_morning_is_over_shows_a_morning_that_already_happened() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    for (started, day) in [
        (today.and_hms_opt(8, 0, 0).unwrap(), today),
        (today.and_hms_opt(11, 0, 0).unwrap(), today),
        // Before four in the morning the demo's day opened yesterday evening.
        (
            today.and_hms_opt(2, 0, 0).unwrap(),
            today.pred_opt().unwrap(),
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("demo.db")).unwrap();
        assert!(pojok::demo::seed(&mut ledger, started).unwrap());
        let at = stamps(&ledger);
        let last = *at.last().unwrap();
        assert!(last < started, "{last} is after the start {started}");
        // The last entry (the morning's last sale, 11:28) is a minute before the start.
        assert_eq!(started - last, chrono::Duration::minutes(1), "{started}");
        let status = ledger.open_day_status().unwrap().unwrap();
        assert_eq!(status.day.date, day, "{started}");
        let report = ledger.day_report(day).unwrap().unwrap();
        assert_eq!(report.sales.count + report.voids.count, 14);
        // The morning keeps its spacing: 07:45 to 11:28.
        let sales = ledger.sales_of_day(day).unwrap();
        let span = sales.first().unwrap().at - sales.last().unwrap().at;
        assert_eq!(span, chrono::Duration::minutes(3 * 60 + 43));
        assert!(ledger.verify().unwrap().is_clean());
    }
}
