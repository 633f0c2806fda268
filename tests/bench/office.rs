//! Benchmark: the office's month on a ledger with years of history (written by the same
//! generator as `pojok demo --years N`): a month's recap (read, PDF, xlsx) and a year's
//! exports (sales and lines as CSV and xlsx). Goals: a month's recap under 200 ms, a year's
//! sales export under 2 s. Run with `cargo bench --bench office`; `BENCH_YEARS=1` for a
//! quicker ledger; `BENCH_DB=PATH` keeps the generated ledger at PATH and reuses it.

use std::time::{Duration, Instant};

use chrono::{Datelike, Days, Local};
use pojok::domain::{ExportKind, parse_month};
use pojok::export::{self, CsvStyle};
use pojok::ledger::Ledger;
use pojok::office::{self, RecapFormat};
use pojok::strings::Lang;

fn timed<T>(label: &str, goal: Option<Duration>, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    let goal = goal.map_or(String::new(), |g| {
        let mark = if took <= g { "within" } else { "OVER" };
        format!("(goal {g:?}: {mark})")
    });
    println!("  {label:<48} {took:>12.3?}  {goal}");
    out
}

fn ledger(years: u32) -> (Option<tempfile::TempDir>, std::path::PathBuf) {
    let (dir, path) = match std::env::var_os("BENCH_DB") {
        Some(path) => (None, std::path::PathBuf::from(path)),
        None => {
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join("pojok.db");
            (Some(dir), path)
        }
    };
    if !path.exists() {
        let mut ledger = Ledger::open(&path).expect("create ledger");
        let start = Instant::now();
        let today = Local::now().date_naive();
        let done =
            pojok::demo_years::generate(&mut ledger, u64::from(years) * 365, today, |_, _| {})
                .expect("generate");
        println!(
            "ledger: {years} years, {} business days, {} sales (built in {:.1?})",
            done.days,
            done.sales,
            start.elapsed()
        );
    }
    (dir, path)
}

fn main() {
    let years = std::env::var("BENCH_YEARS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let (_dir, path) = ledger(years);
    let ledger = Ledger::open_read_only(&path).expect("open read-only");
    let today = Local::now().date_naive();
    // The last whole month, and the year before today.
    let month_start = (today - Days::new(u64::from(today.day())))
        .with_day(1)
        .expect("day 1");
    let month = month_start.format("%Y-%m").to_string();
    let (from, to) = parse_month(&month).expect("month");
    let year_from = today - Days::new(365);
    let year_to = today - Days::new(1);
    println!("month {from} – {to}; year {year_from} – {year_to}");

    let recap = timed(
        "month_recap (ledger read)",
        Some(Duration::from_millis(200)),
        || ledger.month_recap(from, to).expect("recap"),
    );
    println!(
        "     ({} UMKM, {} with sales, {} lines)",
        recap.producers.len(),
        recap.with_sales(),
        recap.lines()
    );
    for (label, format) in [
        ("recap as A4 PDF (read + render)", RecapFormat::Pdf),
        ("recap as xlsx (read + render)", RecapFormat::Xlsx),
    ] {
        let out = timed(label, Some(Duration::from_millis(200)), || {
            office::recap(&ledger, &month, format, None, Lang::Id).expect("recap")
        });
        println!("     ({} KB)", out.bytes.len() / 1024);
    }

    let sales = timed("export_table(sales, a year)", None, || {
        ledger
            .export_table(ExportKind::Sales, year_from, year_to)
            .expect("sales")
    });
    println!("     ({} rows)", sales.rows.len());
    timed("  sales as CSV", None, || {
        export::csv(&sales, CsvStyle::Plain).len()
    });
    timed("  sales as xlsx", None, || {
        export::xlsx(std::slice::from_ref(&sales))
            .expect("xlsx")
            .len()
    });
    timed(
        "year's sales export as xlsx, end to end",
        Some(Duration::from_secs(2)),
        || {
            office::export_range(
                &ledger,
                &[ExportKind::Sales],
                year_from,
                year_to,
                office::DataFormat::Xlsx,
                false,
                Lang::Id,
            )
            .expect("export")
            .bytes
            .len()
        },
    );
    timed(
        "year's sales export as CSV, end to end",
        Some(Duration::from_secs(2)),
        || {
            office::export_range(
                &ledger,
                &[ExportKind::Sales],
                year_from,
                year_to,
                office::DataFormat::Csv,
                false,
                Lang::Id,
            )
            .expect("export")
            .bytes
            .len()
        },
    );
    let lines = timed("export_table(lines, a year)", None, || {
        ledger
            .export_table(ExportKind::Lines, year_from, year_to)
            .expect("lines")
    });
    println!("     ({} rows)", lines.rows.len());
    timed("  lines as xlsx", None, || {
        export::xlsx(std::slice::from_ref(&lines))
            .expect("xlsx")
            .len()
    });
}
