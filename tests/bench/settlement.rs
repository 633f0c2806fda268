//! Benchmark: closing a day and rendering every producer's settlement slip, on a ledger
//! holding a year of history (120 producers, ≈250 business days of intakes, sales, voids and
//! daily payouts). Also times reprinting an old day, the balances list and a month's
//! statement. Run with `cargo bench --bench settlement` (release build). The size can be
//! made smaller for a quick check: `BENCH_DAYS=20 BENCH_SALES=50 cargo bench …`.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use pojok::domain::{Quantity, Rate, Rupiah, ShareRule, split_line};
use pojok::ledger::Ledger;
use pojok::print;
use pojok::strings::Lang;
use rusqlite::{Connection, params};

const PRODUCERS: usize = 120;
const PRODUCTS_EACH: usize = 5;

fn size(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A small deterministic generator, so every run builds the same history.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

struct Product {
    id: i64,
    producer: usize,
    code: String,
    name: String,
    price: i64,
    rule: ShareRule,
}

/// Writes the history straight into the file in one transaction (the ledger's triggers
/// still check every row); the ledger's own writers would take one durable commit each.
fn build(path: &std::path::Path, days: usize, sales_per_day: usize) -> NaiveDate {
    drop(Ledger::open(path).expect("create ledger"));
    let mut conn = Connection::open(path).expect("open");
    conn.execute_batch("PRAGMA foreign_keys=ON; PRAGMA recursive_triggers=ON;")
        .expect("pragmas");
    let tx = conn.transaction().expect("tx");
    let mut rng = Lcg(7);
    let mut products = Vec::new();
    for p in 0..PRODUCERS {
        let percentage = p % 2 == 0;
        tx.execute(
            "INSERT INTO producers (code, name, scheme, rate_bp, payout_daily)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                format!("P{p:03}"),
                format!("Produsen {p:03}"),
                if percentage {
                    "percentage"
                } else {
                    "producer_price"
                },
                percentage.then_some(1_500),
                p % 3 == 0
            ],
        )
        .expect("producer");
        let producer_id = tx.last_insert_rowid();
        for k in 0..PRODUCTS_EACH {
            let price = 2_000 + 500 * rng.next(90) as i64;
            let producer_price = price * 85 / 100;
            let code = format!("P{p:03}-{k}");
            tx.execute(
                "INSERT INTO products (code, name, unit, price, producer_id, producer_price)
                 VALUES (?1, ?2, 'pcs', ?3, ?4, ?5)",
                params![
                    code,
                    format!("Produk {p:03} nomor {k}"),
                    price,
                    producer_id,
                    (!percentage).then_some(producer_price)
                ],
            )
            .expect("product");
            let rule = if percentage {
                ShareRule::Percentage {
                    rate: Rate::from_basis_points(1_500).expect("rate"),
                }
            } else {
                ShareRule::ProducerPrice {
                    price: Rupiah(producer_price),
                }
            };
            products.push(Product {
                id: tx.last_insert_rowid(),
                producer: p,
                code,
                name: format!("Produk {p:03} nomor {k}"),
                price,
                rule,
            });
        }
    }

    let first = NaiveDate::from_ymd_opt(2025, 11, 24).expect("date");
    let mut owed: HashMap<usize, i64> = HashMap::new();
    let (mut intakes, mut payouts) = (0i64, 0i64);
    let mut last = first;
    for d in 0..days {
        let date = first + Days::new(d as u64);
        last = date;
        let stamp = |h: u32, m: u32| format!("{date} {h:02}:{m:02}:00");
        tx.execute(
            "INSERT INTO business_days (date, opened_at, attendant, opening_float)
             VALUES (?1, ?2, 'Rina', 200000)",
            params![date.to_string(), stamp(7, 0)],
        )
        .expect("day");
        let day_id = tx.last_insert_rowid();
        // A third of the producers deliver each day.
        for p in (0..PRODUCERS).filter(|p| p % 3 == d % 3) {
            intakes += 1;
            tx.execute(
                "INSERT INTO stock_documents (kind, producer_id, number, day_id, at, actor)
                 VALUES ('intake', ?1, ?2, ?3, ?4, 'Rina')",
                params![p as i64 + 1, intakes, day_id, stamp(7, 30)],
            )
            .expect("intake");
            let doc = tx.last_insert_rowid();
            for product in products.iter().filter(|x| x.producer == p) {
                tx.execute(
                    "INSERT INTO stock_moves (product_id, kind, quantity_milli, document_id, at)
                     VALUES (?1, 'intake', 12000, ?2, ?3)",
                    params![product.id, doc, stamp(7, 30)],
                )
                .expect("intake move");
            }
        }
        for n in 0..sales_per_day {
            let at = stamp(8 + (n * 8 / sales_per_day.max(1)) as u32, (n % 60) as u32);
            let lines: Vec<(&Product, i64)> = (0..1 + rng.next(3))
                .map(|_| (&products[rng.next(products.len())], 1 + rng.next(3) as i64))
                .collect();
            let amounts: Vec<_> = lines
                .iter()
                .map(|(p, q)| split_line(Rupiah(p.price), Quantity::whole(*q), p.rule))
                .collect();
            let total: i64 = amounts.iter().map(|a| a.total.value()).sum();
            tx.execute(
                "INSERT INTO sales (day_id, number, at, attendant, total)
                 VALUES (?1, ?2, ?3, 'Rina', ?4)",
                params![day_id, n as i64 + 1, at, total],
            )
            .expect("sale");
            let sale = tx.last_insert_rowid();
            for (i, ((p, q), a)) in lines.iter().zip(&amounts).enumerate() {
                tx.execute(
                    "INSERT INTO sale_lines (sale_id, line_no, product_id, code, name, unit,
                         producer_id, producer_code, producer_name, quantity_milli,
                         unit_price, total, producer_share, corner_share)
                     VALUES (?1, ?2, ?3, ?4, ?5, 'pcs', ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                    params![
                        sale,
                        i as i64 + 1,
                        p.id,
                        p.code,
                        p.name,
                        p.producer as i64 + 1,
                        format!("P{:03}", p.producer),
                        format!("Produsen {:03}", p.producer),
                        q * 1_000,
                        p.price,
                        a.total,
                        a.producer_share,
                        a.corner_share
                    ],
                )
                .expect("line");
                tx.execute(
                    "INSERT INTO stock_moves (product_id, kind, quantity_milli, sale_id, at)
                     VALUES (?1, 'sale', ?2, ?3, ?4)",
                    params![p.id, -q * 1_000, sale, at],
                )
                .expect("sale move");
            }
            tx.execute(
                "INSERT INTO payments (sale_id, method, amount, tendered, change)
                 VALUES (?1, 'cash', ?2, ?2, 0)",
                params![sale, total],
            )
            .expect("payment");
            if rng.next(50) == 0 {
                tx.execute(
                    "INSERT INTO voids (sale_id, day_id, at, attendant, reason)
                     VALUES (?1, ?2, ?3, 'Rina', 'salah input')",
                    params![sale, day_id, at],
                )
                .expect("void");
                for (p, q) in &lines {
                    tx.execute(
                        "INSERT INTO stock_moves (product_id, kind, quantity_milli, sale_id, at)
                         VALUES (?1, 'void', ?2, ?3, ?4)",
                        params![p.id, q * 1_000, sale, at],
                    )
                    .expect("void move");
                }
            } else {
                for ((p, _), a) in lines.iter().zip(&amounts) {
                    *owed.entry(p.producer).or_default() += a.producer_share.value();
                }
            }
        }
        if d + 1 == days {
            break; // The last day stays open: the benchmark closes it.
        }
        for p in (0..PRODUCERS).filter(|p| p % 3 == 0) {
            let amount = owed.insert(p, 0).unwrap_or(0);
            if amount > 0 {
                payouts += 1;
                tx.execute(
                    "INSERT INTO payouts (number, day_id, producer_id, method, amount, at,
                         attendant)
                     VALUES (?1, ?2, ?3, 'cash', ?4, ?5, 'Rina')",
                    params![payouts, day_id, p as i64 + 1, amount, stamp(16, 30)],
                )
                .expect("payout");
            }
        }
        tx.execute(
            "INSERT INTO day_closes (day_id, closed_at, attendant) VALUES (?1, ?2, 'Rina')",
            params![day_id, stamp(17, 0)],
        )
        .expect("close");
    }
    tx.commit().expect("commit");
    last
}

fn timed<T>(label: &str, f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    println!("  {label:<52} {took:>10.3?}");
    (out, took)
}

fn main() {
    let days = size("BENCH_DAYS", 250);
    let sales = size("BENCH_SALES", 300);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("pojok.db");
    let start = Instant::now();
    let last = build(&path, days, sales);
    println!(
        "ledger: {PRODUCERS} producers, {} products, {days} days × {sales} sales (built in {:.1?})",
        PRODUCERS * PRODUCTS_EACH,
        start.elapsed()
    );

    let mut ledger = Ledger::open(&path).expect("open ledger");
    let shop = ledger.shop_header().expect("shop");
    let close_at = last.and_hms_opt(17, 0, 0).expect("time");
    // What the close screen does: read the day's figures, then record the count and close.
    let ((), close) = timed(
        "close the day (report, expected cash, count, close)",
        || {
            let report = ledger.day_report(last).expect("report").expect("day");
            let expected = report.expected_cash;
            ledger
                .close_day(
                    &pojok::domain::CashCount::Total(expected),
                    "",
                    "Rina",
                    close_at,
                )
                .expect("close");
        },
    );
    let (settlements, settle) = timed("settlement_for(day, all producers)", || {
        ledger.settlement_for(last, None).expect("settlements")
    });
    let (slips, render) = timed("render every slip as text (32 columns)", || {
        settlements
            .iter()
            .map(|s| print::render_text(&print::settlement_slip(s, &shop, Lang::Id), 32))
            .collect::<Vec<_>>()
    });
    println!(
        "  => close + settle + render {} slips ({} lines):         {:>10.3?}",
        slips.len(),
        slips.iter().map(|s| s.lines().count()).sum::<usize>(),
        close + settle + render
    );
    let documents: Vec<_> = settlements
        .iter()
        .map(|s| print::settlement_slip(s, &shop, Lang::Id))
        .collect();
    let (pdf, _) = timed("render all 120 slips as one A4 PDF", || {
        print::render(&documents, print::Format::Pdf)
    });
    println!("     ({} KB)", pdf.len() / 1024);
    timed("render all 120 slips as ESC/POS (80 mm)", || {
        print::render(&documents, print::Format::EscPos80).len()
    });
    let old = last - Days::new((days as u64).min(200) - 1);
    timed("reprint an old day: settlement_for(day - 200)", || {
        ledger.settlement_for(old, None).expect("old day").len()
    });
    timed("producer_balances()", || {
        ledger.producer_balances().expect("balances").len()
    });
    let month = last - Days::new(29.min(days as u64 - 1));
    timed("statement(one producer, last 30 days)", || {
        ledger
            .statement("P001", month, last)
            .expect("statement")
            .days
            .len()
    });
    let first = last - Days::new(days as u64 - 1);
    timed("statement(one producer, the whole year)", || {
        ledger
            .statement("P001", first, last)
            .expect("statement")
            .days
            .len()
    });
}
