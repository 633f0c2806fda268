//! What the benches on a ledger of years share: the ledger to measure.

use std::path::{Path, PathBuf};

use chrono::Local;
use pojok::ledger::Ledger;

/// The ledger to measure, as `pojok.db` in `dir`: a copy of `BENCH_DB` (a file made with
/// `pojok demo --years N --db PATH`, left untouched), or `BENCH_DAYS` calendar days
/// (default 60) generated here, after which `made` is given the new ledger.
pub fn ledger_in(dir: &Path, made: impl FnOnce(&mut Ledger)) -> PathBuf {
    let path = dir.join("pojok.db");
    match std::env::var_os("BENCH_DB") {
        Some(db) => {
            std::fs::copy(&db, &path).expect("copy BENCH_DB");
        }
        None => {
            let days = std::env::var("BENCH_DAYS")
                .ok()
                .and_then(|d| d.parse().ok())
                .unwrap_or(60);
            let mut ledger = Ledger::open(&path).expect("ledger");
            let today = Local::now().date_naive();
            let done =
                pojok::demo_years::generate(&mut ledger, days, today, |_, _| {}).expect("generate");
            println!(
                "generated {} business days, {} sales in {:.1} s",
                done.days, done.sales, done.seconds
            );
            made(&mut ledger);
        }
    }
    path
}
