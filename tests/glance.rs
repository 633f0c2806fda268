//! The manager's glance on a real ledger: every figure is the reports' own — the day's
//! sales and voids the day report's, the best sellers the day reports' producers added up,
//! the balances the payout screen's — and the hours compare with the same weekday a week
//! before.

mod common;

use chrono::NaiveDateTime;
use common::{at, close_counted, date, open_day_cash, sell_whole, small_ledger};
use pojok::domain::{CashCount, PaymentMethod, PayoutMethod, Rupiah, Sale};
use pojok::ledger::Ledger;

fn sell(ledger: &mut Ledger, lines: &[(&str, i64)], when: NaiveDateTime) -> Sale {
    sell_whole(ledger, lines, PaymentMethod::Cash, when)
}

/// Saturday 2026-11-28, closed 500 short, a payout to SRI; then Saturday 2026-12-05 open.
fn two_saturdays(path: &std::path::Path) -> Ledger {
    let mut ledger = small_ledger(path);
    ledger
        .open_day(
            date("2026-11-28"),
            "Rina",
            Rupiah::ZERO,
            at("2026-11-28 07:00"),
        )
        .unwrap();
    sell(&mut ledger, &[("LMPR", 4)], at("2026-11-28 09:10"));
    sell(
        &mut ledger,
        &[("KRPS", 1), ("BRS", 2)],
        at("2026-11-28 09:40"),
    );
    sell(&mut ledger, &[("KRPS", 2)], at("2026-11-28 14:05"));
    ledger
        .pay_producer(
            "SRI",
            PayoutMethod::Cash,
            Rupiah(10_000),
            "",
            "Rina",
            at("2026-11-28 15:00"),
        )
        .unwrap();
    let expected = open_day_cash(&ledger).expected();
    ledger
        .close_day(
            &CashCount::Total(expected - Rupiah(500)),
            "uang receh kurang",
            "Rina",
            at("2026-11-28 17:00"),
        )
        .unwrap();
    ledger
        .open_day(
            date("2026-12-05"),
            "Rina",
            Rupiah::ZERO,
            at("2026-12-05 07:00"),
        )
        .unwrap();
    sell(&mut ledger, &[("LMPR", 2)], at("2026-12-05 09:05"));
    sell(&mut ledger, &[("BRS", 1)], at("2026-12-05 10:30"));
    let voided = sell(&mut ledger, &[("KRPS", 3)], at("2026-12-05 10:45"));
    ledger
        .void_sale(voided.id, "salah input", "Rina", at("2026-12-05 10:50"))
        .unwrap();
    ledger
}

#[test]
fn the_glance_says_what_the_reports_say() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = two_saturdays(&dir.path().join("pojok.db"));
    let day = date("2026-12-05");
    let g = ledger.glance(day).unwrap();
    let report = ledger.day_report(day).unwrap().unwrap();
    assert_eq!(
        (g.sales, g.takings),
        (report.sales.count, report.sales.total)
    );
    assert_eq!(
        (g.voids, g.voided),
        (report.voids.count, report.voids.total)
    );
    assert_eq!(g.average_sale(), Rupiah(report.sales.total.value() / 2));

    // By hour: the day's bars add up to its takings; the usual is the Saturday before.
    let today: i64 = g.hours.iter().map(|h| h.today.value()).sum();
    assert_eq!(today, report.sales.total.value());
    assert_eq!(g.usual_days, 1);
    let before = ledger.day_report(date("2026-11-28")).unwrap().unwrap();
    let usual: i64 = g.hours.iter().map(|h| h.usual.value()).sum();
    assert_eq!(usual, before.sales.total.value());
    let hours: Vec<u32> = g.hours.iter().map(|h| h.hour).collect();
    assert_eq!(hours, [9, 10, 14]);

    // The best producers over 30 days: both days' reports added up, largest first.
    let mut producers: Vec<(String, i64)> = Vec::new();
    for r in [&before, &report] {
        for p in &r.producers {
            match producers.iter_mut().find(|(c, _)| *c == p.name) {
                Some((_, total)) => *total += p.gross.value(),
                None => producers.push((p.name.clone(), p.gross.value())),
            }
        }
    }
    producers.sort_by_key(|p| std::cmp::Reverse(p.1));
    let shown: Vec<(String, i64)> = g
        .top_producers
        .iter()
        .map(|r| (r.name.clone(), r.gross.value()))
        .collect();
    assert_eq!(shown, producers);
    // By hand: beras 3 kg × 15.000, keripik 3 × 12.000 (the voided 3 left out), lemper 6 × 3.500.
    let products: Vec<(&str, i64)> = g
        .top_products
        .iter()
        .map(|r| (r.code.as_str(), r.gross.value()))
        .collect();
    assert_eq!(
        products,
        [("BRS", 45_000), ("KRPS", 36_000), ("LMPR", 21_000)]
    );

    // Who is owed: the payout screen's balances, largest first, with the days since paid.
    let mut owed: Vec<(String, Rupiah)> = ledger
        .producer_balances()
        .unwrap()
        .into_iter()
        .filter(|b| b.balance.is_positive())
        .map(|b| (b.code, b.balance))
        .collect();
    owed.sort_by_key(|o| std::cmp::Reverse(o.1));
    let shown: Vec<(String, Rupiah)> = g.owed.iter().map(|o| (o.code.clone(), o.balance)).collect();
    assert_eq!(shown, owed);
    let sri = g.owed.iter().find(|o| o.code == "SRI").unwrap();
    assert_eq!(sri.days_since_payout, Some(7));
    let tani = g.owed.iter().find(|o| o.code == "TANI").unwrap();
    assert_eq!(tani.days_since_payout, None);
    assert_eq!(g.last_close, Some((date("2026-11-28"), Rupiah(-500))));
}

#[test]
fn a_day_with_no_sales_and_no_history_has_empty_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = small_ledger(&dir.path().join("pojok.db"));
    ledger
        .open_day(
            date("2026-12-05"),
            "Rina",
            Rupiah::ZERO,
            at("2026-12-05 07:00"),
        )
        .unwrap();
    let g = ledger.glance(date("2026-12-05")).unwrap();
    assert_eq!((g.sales, g.takings, g.usual_days), (0, Rupiah::ZERO, 0));
    assert!(g.hours.is_empty() && g.top_products.is_empty() && g.owed.is_empty());
    assert_eq!(g.last_close, None);
    drop(close_counted(&mut ledger, "Rina", at("2026-12-05 17:00")).unwrap());
    let g = ledger.glance(date("2026-12-05")).unwrap();
    assert_eq!(g.last_close, Some((date("2026-12-05"), Rupiah::ZERO)));
}

/// The sparklines' figures: each day's figure of a producer is that day's report's gross for
/// them; a producer's products add up to it; other days are zero, and days before the 30
/// are left out.
#[test]
fn the_daily_sales_are_the_day_reports_figures() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = two_saturdays(&dir.path().join("pojok.db"));
    let daily = ledger.daily_sales(date("2026-12-05")).unwrap();
    assert_eq!(daily.first(), date("2026-11-06"));
    let products = ledger.active_products().unwrap();
    let mut checked = 0;
    for (day, index) in [("2026-11-28", 22), ("2026-12-05", 29)] {
        let report = ledger.day_report(date(day)).unwrap().unwrap();
        for p in &report.producers {
            let days = &daily.producers[&p.code];
            assert_eq!(days[index], p.gross, "{} on {day}", p.code);
            let of_products: Rupiah = products
                .iter()
                .filter(|x| x.producer_code == p.code)
                .filter_map(|x| daily.products.get(&x.code))
                .map(|d| d[index])
                .sum();
            assert_eq!(of_products, p.gross, "{}'s products on {day}", p.code);
            checked += 1;
        }
    }
    assert!(checked >= 4, "both days' producers checked");
    // By hand, the products of the open day: lemper 2 × 3.500, beras 1 kg; keripik voided.
    assert_eq!(daily.products["LMPR"][29], Rupiah(7_000));
    assert_eq!(daily.products["BRS"][29], Rupiah(15_000));
    assert_eq!(daily.products["KRPS"][29], Rupiah::ZERO);
    // Nothing on the other days: the two reports are all there is.
    let all: Rupiah = daily.producers.values().flatten().copied().sum();
    let reports: Rupiah = ["2026-11-28", "2026-12-05"]
        .iter()
        .map(|d| ledger.day_report(date(d)).unwrap().unwrap().sales.total)
        .sum();
    assert_eq!(all, reports);
    // Thirty days on, the first Saturday is out of the range and the second is its 7th day.
    let later = ledger.daily_sales(date("2026-12-28")).unwrap();
    let all: Rupiah = later.producers.values().flatten().copied().sum();
    assert_eq!(
        all,
        ledger
            .day_report(date("2026-12-05"))
            .unwrap()
            .unwrap()
            .sales
            .total
    );
    assert_eq!(later.products["LMPR"][6], Rupiah(7_000));
}
