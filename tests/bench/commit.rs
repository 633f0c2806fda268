//! Benchmark: how long a durable three-line sale takes to commit, beside a plain rusqlite
//! loop inserting the same rows with the same pragmas in the same run.
//! Run with `cargo bench --bench commit` (release build; takes about a minute).

use std::time::{Duration, Instant};

use chrono::Local;
use pojok::domain::{Cart, Catalogue, PaymentMethod, Quantity, Tender};
use pojok::ledger::Ledger;
use rusqlite::{Connection, TransactionBehavior, params};

const ROUNDS: usize = 300;

fn median(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let p95 = samples[samples.len() * 95 / 100];
    (samples[samples.len() / 2], p95)
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");

    let mut ledger = Ledger::open(&dir.path().join("pojok.db")).expect("open ledger");
    pojok::demo::seed(&mut ledger, Local::now().naive_local()).expect("seed");
    let catalogue = Catalogue::new(ledger.active_products().expect("products"));
    let mut cart = Cart::default();
    for (code, milli) in [("LMPR", 3_000), ("KRPS", 1_000), ("BRS", 1_250)] {
        let product = catalogue.lookup(code).expect("demo product");
        cart.add(product, Quantity::from_milli(milli)).expect("add");
    }
    let mut tender = Tender::new(cart.total());
    tender.pay_rest(PaymentMethod::Cash, None).expect("pay");

    let mut ledger_samples = Vec::with_capacity(ROUNDS);
    for _ in 0..ROUNDS {
        let now = Local::now().naive_local();
        let start = Instant::now();
        ledger
            .record_sale(&cart, &tender.payments, "Bench", now)
            .expect("record");
        ledger_samples.push(start.elapsed());
    }

    // The same rows through plain rusqlite: same pragmas, one IMMEDIATE transaction a sale.
    let mut conn = Connection::open(dir.path().join("plain.db")).expect("plain db");
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;
         CREATE TABLE sales(id INTEGER PRIMARY KEY, day_id INTEGER NOT NULL, number INTEGER NOT NULL,
            at TEXT NOT NULL, attendant TEXT NOT NULL, total INTEGER NOT NULL) STRICT;
         CREATE TABLE sale_lines(id INTEGER PRIMARY KEY, sale_id INTEGER NOT NULL REFERENCES sales(id),
            line_no INTEGER NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, quantity_milli INTEGER NOT NULL,
            unit_price INTEGER NOT NULL, total INTEGER NOT NULL, producer_share INTEGER NOT NULL,
            corner_share INTEGER NOT NULL) STRICT;
         CREATE TABLE payments(id INTEGER PRIMARY KEY, sale_id INTEGER NOT NULL REFERENCES sales(id),
            method TEXT NOT NULL, amount INTEGER NOT NULL, tendered INTEGER NOT NULL, change INTEGER NOT NULL) STRICT;",
    )
    .expect("schema");
    let mut plain_samples = Vec::with_capacity(ROUNDS);
    for number in 0..ROUNDS as i64 {
        let now = Local::now().naive_local().to_string();
        let start = Instant::now();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .expect("tx");
        tx.execute(
            "INSERT INTO sales(day_id, number, at, attendant, total) VALUES (1, ?1, ?2, 'Bench', ?3)",
            params![number, now, cart.total().0],
        )
        .expect("sale");
        let sale_id = tx.last_insert_rowid();
        for (i, line) in cart.lines.iter().enumerate() {
            let a = line.amounts();
            tx.execute(
                "INSERT INTO sale_lines(sale_id, line_no, code, name, quantity_milli, unit_price, total,
                    producer_share, corner_share) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![sale_id, i as i64, line.product.code, line.product.name, line.quantity.milli(),
                    line.product.price.0, a.total.0, a.producer_share.0, a.corner_share.0],
            )
            .expect("line");
        }
        let p = tender.payments[0];
        tx.execute(
            "INSERT INTO payments(sale_id, method, amount, tendered, change) VALUES (?1, 'cash', ?2, ?3, ?4)",
            params![sale_id, p.amount.0, p.tendered.0, p.change.0],
        )
        .expect("payment");
        tx.commit().expect("commit");
        plain_samples.push(start.elapsed());
    }

    let (ledger_median, ledger_p95) = median(ledger_samples);
    let (plain_median, plain_p95) = median(plain_samples);
    println!(
        "three-line sale, durable commit, {ROUNDS} rounds, same pragmas (WAL, synchronous=FULL):"
    );
    println!("  Ledger::record_sale  median {ledger_median:>10.3?}  p95 {ledger_p95:>10.3?}");
    println!("  plain rusqlite loop  median {plain_median:>10.3?}  p95 {plain_p95:>10.3?}");
}
