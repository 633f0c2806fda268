//! Benchmark: importing 3,000 products (60 updates of products already sold, 2,940 new)
//! into a ledger holding a year of sales (250 business days × 60 sales), built fresh each
//! run through the library. Reports the validation and the one-transaction batch apart, and
//! the whole `pojok import products` run through the binary.
//! Run with `cargo bench --bench import` (release build; building the year takes a while).

use std::fmt::Write as _;
use std::process::Command;
use std::time::Instant;

use chrono::{Duration, NaiveDate};
use pojok::catalogue_csv::{Known, read_products};
use pojok::domain::{
    Cart, Catalogue, NewProducer, NewProduct, PaymentMethod, Quantity, Rate, Rupiah, Scheme,
    StockQuantity, Tender, Unit,
};
use pojok::ledger::{BatchMode, Ledger};

const DAYS: i64 = 250;
const SALES_PER_DAY: i64 = 60;
const PRODUCERS: usize = 20;
const SOLD_PRODUCTS: usize = 60;
const IMPORTED: usize = 3_000;

fn product(i: usize) -> (String, String, usize) {
    (
        format!("P{i:04}"),
        format!("Produk nomor {i}"),
        i % PRODUCERS,
    )
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("pojok.db");
    let mut ledger = Ledger::open(&db).expect("open ledger");

    for p in 0..PRODUCERS {
        ledger
            .add_producer(&NewProducer {
                code: format!("PR{p:02}"),
                name: format!("Produsen {p}"),
                phone: String::new(),
                address: String::new(),
                account: String::new(),
                scheme: Scheme::Percentage {
                    rate: Rate::from_basis_points(1_500).expect("rate"),
                },
            })
            .expect("producer");
    }
    for i in 0..SOLD_PRODUCTS {
        let (code, name, producer) = product(i);
        ledger
            .add_product(&NewProduct {
                code,
                barcode: None,
                name,
                variant: String::new(),
                unit: Unit::Pcs,
                price: Rupiah(1_000 + 500 * i as i64),
                producer_code: format!("PR{producer:02}"),
                producer_price: None,
                min_stock: StockQuantity::ZERO,
                daily: false,
            })
            .expect("product");
    }

    let start = Instant::now();
    let catalogue = Catalogue::new(ledger.active_products().expect("products"));
    let first = NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
    for d in 0..DAYS {
        let date = first + Duration::days(d);
        let opening = date.and_hms_opt(7, 0, 0).expect("time");
        ledger
            .open_day(date, "Bench", Rupiah(200_000), opening)
            .expect("open day");
        for s in 0..SALES_PER_DAY {
            let mut cart = Cart::default();
            for l in 0..(1 + s % 3) {
                let code = product(((d * 7 + s * 3 + l) as usize) % SOLD_PRODUCTS).0;
                let item = catalogue.lookup(&code).expect("product");
                cart.add(item, Quantity::whole(1 + l)).expect("add");
            }
            let mut tender = Tender::new(cart.total());
            tender.pay_rest(PaymentMethod::Cash, None).expect("pay");
            let at = opening + Duration::minutes(5 + s * 8);
            ledger
                .record_sale(&cart, &tender.payments, "Bench", at)
                .expect("sale");
        }
        let expected = ledger
            .day_report(date)
            .expect("report")
            .expect("open")
            .expected_cash;
        ledger
            .close_day(
                &pojok::domain::CashCount::Total(expected),
                "",
                "Bench",
                date.and_hms_opt(17, 0, 0).expect("time"),
            )
            .expect("close day");
    }
    println!(
        "a year of sales: {DAYS} days × {SALES_PER_DAY} sales recorded in {:.1?}",
        start.elapsed()
    );

    let mut csv = String::from(
        "code,barcode,name,variant,unit,price,producer,producer_price,min_stock,daily\n",
    );
    for i in 0..IMPORTED {
        let (code, name, producer) = product(i);
        // Every sold product gets a new price: 60 updates with price history.
        let price = 1_500 + 500 * i as i64;
        writeln!(
            csv,
            "{code},{},{name},,pcs,{price},PR{producer:02},,2,0",
            8_990_000_000_000u64 + i as u64
        )
        .expect("write");
    }
    let file = dir.path().join("products.csv");
    std::fs::write(&file, &csv).expect("write csv");
    // Closing the last connection checkpoints the WAL into the file, so the copy is whole.
    drop(ledger);
    let backup = dir.path().join("before.db");
    std::fs::copy(&db, &backup).expect("copy");

    // The library path, phase by phase.
    let mut ledger = Ledger::open(&db).expect("reopen");
    let start = Instant::now();
    let known = Known::new(
        &ledger.producers().expect("producers"),
        &ledger.products().expect("products"),
    );
    let checked = read_products(csv.as_bytes(), &known);
    let validated = start.elapsed();
    assert!(checked.errors.is_empty(), "{:?}", checked.errors.first());
    let rows: Vec<NewProduct> = checked.rows.into_iter().map(|r| r.value).collect();
    let start = Instant::now();
    ledger
        .import_products(
            BatchMode::Commit,
            &rows,
            "Bench",
            first.and_hms_opt(6, 0, 0).expect("time"),
        )
        .expect("import");
    let applied = start.elapsed();
    println!("import {IMPORTED} products (60 updates, 2,940 new), library:");
    println!("  read + validate against the ledger  {validated:>10.1?}");
    println!("  one IMMEDIATE transaction           {applied:>10.1?}");
    drop(ledger);

    // The whole command on the ledger as it was before the library import.
    std::fs::copy(&backup, &db).expect("restore");
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.path().join(format!("pojok.db{suffix}")));
    }
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_pojok"))
        .args(["import", "products"])
        .arg(&file)
        .env("POJOK_DB", &db)
        .output()
        .expect("run pojok");
    let whole = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    println!("  `pojok import products` end to end  {whole:>10.1?}");

    // What opening the stock screen asks of the ledger, on the same year of history
    // with the 3,000 imported products: the levels of every product, and the call list.
    let ledger = Ledger::open(&db).expect("reopen");
    let mut levels = Vec::new();
    let mut calls = Vec::new();
    for _ in 0..10 {
        let start = Instant::now();
        let lines = ledger.stock_levels(None).expect("stock levels");
        levels.push(start.elapsed());
        assert!(lines.len() >= IMPORTED);
        let start = Instant::now();
        ledger.call_list().expect("call list");
        calls.push(start.elapsed());
    }
    levels.sort();
    calls.sort();
    println!(
        "open the stock screen ({} products, a year of sales), median of 10:",
        IMPORTED
    );
    println!("  stock_levels                        {:>10.1?}", levels[5]);
    println!("  call_list                           {:>10.1?}", calls[5]);
}
