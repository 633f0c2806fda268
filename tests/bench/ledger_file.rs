//! Benchmark: what the ledger file's safety costs on a ledger with years of history — the
//! kiosk's `quick_check` at start, a checked backup (copy, `quick_check`, full `verify`), and
//! `verify` alone — beside the same on the demo ledger. The history is written through the
//! Ledger API (so it is chained and verifies), into a tmpfs folder when there is one.
//! Run with `cargo bench --bench ledger_file`; `BENCH_YEARS=1 BENCH_SALES=20` for a quick
//! look (`cargo test --bench ledger_file` runs it unoptimised).

use std::path::Path;
use std::time::Instant;

use chrono::{Days, NaiveDate, NaiveDateTime};
use pojok::domain::{Cart, CashCount, Catalogue, PaymentMethod, Quantity, Rupiah, Tender};
use pojok::ledger::Ledger;

fn size(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Business days: 250 a year, from 2 Jan 2021, on each `sales` sales of one to three demo
/// products, then the close with the cash counted as expected.
fn build(ledger: &mut Ledger, years: usize, sales: usize) {
    let products = ledger.active_products().expect("products");
    let catalogue = Catalogue::new(products.clone());
    let first = NaiveDate::from_ymd_opt(2021, 1, 2).expect("date");
    let mut rng: u64 = 7;
    for d in 0..years * 250 {
        let date = first + Days::new(d as u64 * 365 / 250);
        let at = |h: u32, m: u32| -> NaiveDateTime { date.and_hms_opt(h, m, 0).expect("time") };
        ledger
            .open_day(date, "Rina", Rupiah(100_000), at(7, 0))
            .expect("open");
        for s in 0..sales {
            let mut cart = Cart::default();
            for _ in 0..1 + s % 3 {
                rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let p = &products[(rng >> 33) as usize % products.len()];
                let product = catalogue.lookup(&p.code).expect("product");
                let _ = cart.add(product, Quantity::whole(1 + (rng >> 40) as i64 % 3));
            }
            let mut tender = Tender::new(cart.total());
            tender.pay_rest(PaymentMethod::Cash, None).expect("pay");
            ledger
                .record_sale(
                    &cart,
                    &tender.payments,
                    "Rina",
                    at(8 + (s / 60) as u32 % 9, s as u32 % 60),
                )
                .expect("sale");
        }
        let expected = ledger
            .day_report(date)
            .expect("report")
            .expect("open")
            .expected_cash;
        ledger
            .close_day(&CashCount::Total(expected), "", "Rina", at(17, 0))
            .expect("close");
    }
}

fn measure(label: &str, path: &Path, backups: &Path) {
    let ledger = Ledger::open_read_only(path).expect("open");
    let bytes = std::fs::metadata(path).expect("size").len();
    let start = Instant::now();
    let problems = ledger.quick_check().expect("quick_check");
    let quick = start.elapsed();
    assert!(problems.is_empty(), "{problems:?}");
    let start = Instant::now();
    let report = ledger.verify().expect("verify");
    let verify = start.elapsed();
    assert!(report.is_clean(), "{:?}", report.problems);
    let today = NaiveDate::from_ymd_opt(2026, 12, 5).expect("date");
    let backup = ledger.backup_into(backups, today).expect("backup");
    println!(
        "{label:<28} {:>9.1} MB  {:>8} entries  quick_check {:>8.3} s  verify {:>7.2} s  \
         backup {:>7.2} s ({:.1} MB)",
        bytes as f64 / 1e6,
        report.chained,
        quick.as_secs_f64(),
        verify.as_secs_f64(),
        backup.seconds,
        backup.bytes as f64 / 1e6
    );
}

fn main() {
    let years = size("BENCH_YEARS", 5);
    let sales = size("BENCH_SALES", 60);
    let scratch = Path::new("/dev/shm");
    let dir = match scratch.is_dir() {
        true => tempfile::tempdir_in(scratch),
        false => tempfile::tempdir(),
    }
    .expect("tempdir");

    let demo = dir.path().join("demo.db");
    let mut ledger = Ledger::open(&demo).expect("demo");
    pojok::demo::seed(
        &mut ledger,
        NaiveDate::from_ymd_opt(2026, 12, 5)
            .and_then(|d| d.and_hms_opt(18, 0, 0))
            .expect("date"),
    )
    .expect("seed");
    drop(ledger);
    measure("demo ledger", &demo, &dir.path().join("demo-backups"));

    let big = dir.path().join("years.db");
    let mut ledger = Ledger::open(&big).expect("big");
    pojok::demo::seed(
        &mut ledger,
        NaiveDate::from_ymd_opt(2020, 12, 31)
            .and_then(|d| d.and_hms_opt(18, 0, 0))
            .expect("date"),
    )
    .expect("seed");
    // The demo leaves its day open.
    if let Some(open) = ledger.open_day_status().expect("status") {
        let report = ledger.day_report(open.day.date).expect("report");
        let expected = report.expect("the open day's report").expected_cash;
        let at = NaiveDate::from_ymd_opt(2020, 12, 31)
            .and_then(|d| d.and_hms_opt(18, 0, 0))
            .expect("time");
        ledger
            .close_day(&CashCount::Total(expected), "", "Rina", at)
            .expect("close demo day");
    }
    let start = Instant::now();
    build(&mut ledger, years, sales);
    eprintln!(
        "built {years} years × 250 days × {sales} sales in {:.0} s",
        start.elapsed().as_secs_f64()
    );
    drop(ledger);
    measure(
        &format!("{years} years, {sales} sales/day"),
        &big,
        &dir.path().join("big-backups"),
    );
}
