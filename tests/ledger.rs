//! The ledger on a real SQLite file: durability settings, refusals, append-only history,
//! the draft, and that recorded money always adds up.

mod common;

use common::{close_counted, paid_by, row_count};

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use pojok::domain::{
    BusinessDay, Cart, Cell, ExportKind, Payment, PaymentMethod, Product, Quantity, Rate, Rupiah,
    Sale, Scheme, StockQuantity, Tender, Unit,
};
use pojok::ledger::{Ledger, LedgerError, NewProducer, NewProduct, SCHEMA_VERSION};
use proptest::prelude::*;
use rusqlite::Connection;
use tempfile::TempDir;

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

fn at(day: u32, hour: u32, minute: u32) -> NaiveDateTime {
    date(day).and_hms_opt(hour, minute, 0).unwrap()
}

fn producer(code: &str, name: &str, scheme: Scheme) -> NewProducer {
    NewProducer {
        code: code.into(),
        name: name.into(),
        phone: "0812 3456 7890".into(),
        address: String::new(),
        account: String::new(),
        scheme,
    }
}

fn percentage(bp: u32) -> Scheme {
    Scheme::Percentage {
        rate: Rate::from_basis_points(bp).unwrap(),
    }
}

fn product(code: &str, unit: Unit, price: i64, producer: &str, pp: Option<i64>) -> NewProduct {
    NewProduct {
        code: code.into(),
        // Distinct per code, digits only, like a scanner types.
        barcode: Some(
            code.bytes()
                .fold("899".to_string(), |b, c| b + &format!("{c:03}")),
        ),
        name: format!("Produk {code}"),
        variant: String::new(),
        unit,
        price: Rupiah(price),
        producer_code: producer.into(),
        producer_price: pp.map(Rupiah),
        min_stock: StockQuantity::ZERO,
        daily: false,
    }
}

/// A ledger with a percentage producer (Bu Sri, 15 %) and a producer-price one (Pak Di).
fn shop() -> (TempDir, Ledger) {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
    ledger
        .add_producer(&producer("BUSRI", "Bu Sri", percentage(1500)))
        .unwrap();
    ledger
        .add_producer(&producer("PAKDI", "Pak Di", Scheme::ProducerPrice))
        .unwrap();
    for p in [
        product("KLP", Unit::Pcs, 5_000, "BUSRI", None),
        product("KRP", Unit::Bks, 12_000, "BUSRI", None),
        product("BRS", Unit::Kg, 14_500, "PAKDI", Some(13_000)),
    ] {
        ledger.add_product(&p).unwrap();
    }
    (dir, ledger)
}

fn find(ledger: &Ledger, code: &str) -> Product {
    ledger
        .active_products()
        .unwrap()
        .into_iter()
        .find(|p| p.code == code)
        .unwrap()
}

fn cart(ledger: &Ledger, lines: &[(&str, Quantity)]) -> Cart {
    let mut cart = Cart::default();
    for (code, q) in lines {
        cart.add(&find(ledger, code), *q).unwrap();
    }
    cart
}

/// Opens 22 November 2026 at 07:00 with a Rp 200.000 float.
fn open_22(ledger: &mut Ledger) -> BusinessDay {
    ledger
        .open_day(date(22), "Rina", Rupiah(200_000), at(22, 7, 0))
        .unwrap()
}

/// Records `cart` paid in exact cash.
fn sell(ledger: &mut Ledger, cart: &Cart, when: NaiveDateTime) -> Sale {
    ledger
        .record_sale(
            cart,
            &paid_by(cart.total(), PaymentMethod::Cash),
            "Rina",
            when,
        )
        .unwrap()
}

#[test]
fn reopening_keeps_everything_and_does_not_migrate_again() {
    let (_dir, mut ledger) = shop();
    let path = ledger.path().to_path_buf();
    open_22(&mut ledger);
    let c = cart(&ledger, &[("KLP", Quantity::whole(3))]);
    let sale = sell(&mut ledger, &c, at(22, 9, 15));
    let producers = ledger.producers().unwrap();
    drop(ledger);

    let ledger = Ledger::open(&path).unwrap();
    assert_eq!(ledger.sale(sale.id).unwrap(), sale);
    assert_eq!(ledger.producers().unwrap(), producers);
    assert_eq!(ledger.open_day_status().unwrap().unwrap().sales, 1);
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "WAL is kept in the file");
}

#[test]
fn a_file_from_a_newer_program_is_refused_untouched() {
    let (_dir, ledger) = shop();
    let path = ledger.path().to_path_buf();
    drop(ledger);
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 5)
        .unwrap();
    let before = common::snapshot(&path);
    match Ledger::open(&path) {
        Err(LedgerError::TooNew { found, supported }) => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 5, SCHEMA_VERSION));
        }
        Err(e) => panic!("expected TooNew, got {e:?}"),
        Ok(_) => panic!("expected TooNew, the file opened"),
    }
    assert_eq!(common::snapshot(&path), before);
}

#[test]
fn a_recorded_sale_reads_back_as_returned_and_stays_frozen() {
    let (_dir, mut ledger) = shop();
    open_22(&mut ledger);
    let c = cart(
        &ledger,
        &[
            ("KLP", Quantity::whole(3)),
            ("BRS", Quantity::from_milli(1_250)),
        ],
    );
    let mut tender = Tender::new(c.total());
    tender
        .pay_part(PaymentMethod::Qris, Rupiah(10_000))
        .unwrap();
    tender
        .pay_rest(PaymentMethod::Cash, Some(Rupiah(30_000)))
        .unwrap();
    let sub_second = at(22, 9, 15) + chrono::Duration::milliseconds(750);
    let sale = ledger
        .record_sale(&c, &tender.payments, "Rina", sub_second)
        .unwrap();

    assert_eq!((sale.number, sale.day_date), (1, date(22)));
    assert_eq!(sale.at, at(22, 9, 15));
    // 3 × Rp 5.000 at 15 %, and 1,25 kg × Rp 14.500 with Pak Di's Rp 13.000/kg.
    assert_eq!(sale.total, Rupiah(15_000 + 18_125));
    let shares: Vec<_> = sale
        .lines
        .iter()
        .map(|l| (l.code.as_str(), l.total, l.producer_share, l.corner_share))
        .collect();
    assert_eq!(
        shares,
        [
            ("KLP", Rupiah(15_000), Rupiah(12_750), Rupiah(2_250)),
            ("BRS", Rupiah(18_125), Rupiah(16_250), Rupiah(1_875)),
        ]
    );
    assert_eq!(sale.payments, tender.payments);
    assert_eq!(ledger.sale(sale.id).unwrap(), sale);

    // The catalogue is mutable; a receipt is not.
    Connection::open(ledger.path())
        .unwrap()
        .execute(
            "UPDATE products SET name = 'Kue Lapis Baru', price = 6000 WHERE code = 'KLP'",
            [],
        )
        .unwrap();
    assert_eq!(find(&ledger, "KLP").name, "Kue Lapis Baru");
    assert_eq!(ledger.sale(sale.id).unwrap(), sale);
}

#[test]
fn sales_are_numbered_per_day_and_listed_newest_first() {
    let (_dir, mut ledger) = shop();
    assert!(ledger.sales_of_open_day().unwrap().is_empty());
    open_22(&mut ledger);
    let c = cart(&ledger, &[("KRP", Quantity::whole(1))]);
    let first = sell(&mut ledger, &c, at(22, 9, 0));
    let second = sell(&mut ledger, &c, at(22, 10, 0));
    let listed: Vec<_> = ledger
        .sales_of_open_day()
        .unwrap()
        .iter()
        .map(|s| (s.id, s.number, s.line_count, s.total))
        .collect();
    assert_eq!(
        listed,
        [
            (second.id, 2, 1, Rupiah(12_000)),
            (first.id, 1, 1, Rupiah(12_000))
        ]
    );
    let closed = close_counted(&mut ledger, "Rina", at(22, 17, 0)).unwrap();
    assert_eq!(closed.date, date(22));
    assert!(ledger.open_day_status().unwrap().is_none());
    assert!(ledger.sales_of_open_day().unwrap().is_empty());

    ledger
        .open_day(date(23), "Dodi", Rupiah(100_000), at(23, 7, 0))
        .unwrap();
    let next = ledger
        .record_sale(
            &c,
            &paid_by(c.total(), PaymentMethod::Cash),
            "Dodi",
            at(23, 9, 0),
        )
        .unwrap();
    assert_eq!((next.number, next.day_date), (1, date(23)));
}

#[test]
fn the_sales_list_says_how_each_sale_was_paid() {
    let (_dir, mut ledger) = shop();
    open_22(&mut ledger);
    let c = cart(&ledger, &[("KRP", Quantity::whole(2))]);
    let total = c.total();
    sell(&mut ledger, &c, at(22, 9, 0));
    let part = |method, amount: i64| Payment {
        method,
        amount: Rupiah(amount),
        tendered: Rupiah(amount),
        change: Rupiah::ZERO,
        customer: None,
    };
    // QRIS first, then cash twice: each method once, in the order taken.
    let split = vec![
        part(PaymentMethod::Qris, 10_000),
        part(PaymentMethod::Cash, 4_000),
        part(PaymentMethod::Cash, total.value() - 14_000),
    ];
    ledger
        .record_sale(&c, &split, "Rina", at(22, 9, 30))
        .unwrap();
    let methods: Vec<_> = ledger
        .sales_of_open_day()
        .unwrap()
        .into_iter()
        .map(|s| (s.number, s.methods))
        .collect();
    assert_eq!(
        methods,
        [
            (2, vec![PaymentMethod::Qris, PaymentMethod::Cash]),
            (1, vec![PaymentMethod::Cash])
        ]
    );
}

#[test]
fn a_sale_and_its_void_leave_the_day_at_zero() {
    let (_dir, mut ledger) = shop();
    open_22(&mut ledger);
    let c = cart(
        &ledger,
        &[
            ("KLP", Quantity::whole(2)),
            ("BRS", Quantity::from_milli(500)),
        ],
    );
    let sale = sell(&mut ledger, &c, at(22, 9, 0));
    let report = ledger.day_report(date(22)).unwrap().unwrap();
    assert_eq!((report.sales.count, report.sales.total), (1, sale.total));
    assert_eq!(report.payments.cash, sale.total);
    assert_eq!(report.producers.len(), 2);

    ledger
        .void_sale(sale.id, "  salah input  ", "Rina", at(22, 9, 5))
        .unwrap();
    let report = ledger.day_report(date(22)).unwrap().unwrap();
    assert_eq!(report.date, date(22));
    assert_eq!((report.sales.count, report.sales.total), (0, Rupiah::ZERO));
    assert_eq!((report.voids.count, report.voids.total), (1, sale.total));
    assert_eq!(report.payments, Default::default());
    assert!(report.producers.is_empty());

    let status = ledger.open_day_status().unwrap().unwrap();
    assert_eq!((status.sales, status.takings), (0, Rupiah::ZERO));
    assert!(ledger.sale(sale.id).unwrap().voided);
    assert!(ledger.sales_of_open_day().unwrap()[0].voided);
    let reason: String = Connection::open(ledger.path())
        .unwrap()
        .query_row("SELECT reason FROM voids", [], |r| r.get(0))
        .unwrap();
    assert_eq!(reason, "salah input");
    assert!(ledger.day_report(date(21)).unwrap().is_none());
}

#[test]
fn the_draft_survives_a_restart_and_is_cleared_by_the_sale() {
    let (_dir, mut ledger) = shop();
    let path = ledger.path().to_path_buf();
    assert_eq!(ledger.load_draft().unwrap(), None);
    open_22(&mut ledger);
    let c = cart(
        &ledger,
        &[
            ("KLP", Quantity::whole(2)),
            ("BRS", Quantity::from_milli(1_250)),
        ],
    );
    ledger.save_draft(&c, at(22, 9, 0)).unwrap();
    drop(ledger);

    let mut ledger = Ledger::open(&path).unwrap();
    assert_eq!(ledger.load_draft().unwrap(), Some(c.clone()));
    let mut longer = c.clone();
    longer
        .add(&find(&ledger, "KRP"), Quantity::whole(1))
        .unwrap();
    ledger.save_draft(&longer, at(22, 9, 1)).unwrap();
    assert_eq!(ledger.load_draft().unwrap(), Some(longer.clone()));
    sell(&mut ledger, &longer, at(22, 9, 2));
    assert_eq!(ledger.load_draft().unwrap(), None);

    ledger.save_draft(&c, at(22, 9, 3)).unwrap();
    ledger.save_draft(&Cart::default(), at(22, 9, 4)).unwrap();
    assert_eq!(
        ledger.load_draft().unwrap(),
        None,
        "an empty cart clears it"
    );
}

#[test]
fn a_failed_sale_leaves_the_draft_as_it_was() {
    let (_dir, mut ledger) = shop();
    let c = cart(&ledger, &[("KLP", Quantity::whole(2))]);
    ledger.save_draft(&c, at(22, 9, 0)).unwrap();
    // No day is open yet, then the payment falls short.
    assert!(matches!(
        ledger.record_sale(
            &c,
            &paid_by(c.total(), PaymentMethod::Cash),
            "Rina",
            at(22, 9, 1)
        ),
        Err(LedgerError::NoOpenDay)
    ));
    assert_eq!(ledger.load_draft().unwrap(), Some(c.clone()));
    open_22(&mut ledger);
    assert!(matches!(
        ledger.record_sale(
            &c,
            &paid_by(Rupiah(5_000), PaymentMethod::Cash),
            "Rina",
            at(22, 9, 3)
        ),
        Err(LedgerError::NotSettled { .. })
    ));
    assert_eq!(ledger.load_draft().unwrap(), Some(c));
}

#[test]
fn a_corrupt_draft_is_reported_not_guessed_at() {
    let (_dir, ledger) = shop();
    Connection::open(ledger.path())
        .unwrap()
        .execute(
            "INSERT INTO draft (id, cart, saved_at) VALUES (1, '{\"lines\": 7}', '2026-11-22 09:00:00')",
            [],
        )
        .unwrap();
    assert!(matches!(ledger.load_draft(), Err(LedgerError::Corrupt(_))));
}

#[test]
fn history_cannot_be_updated_deleted_or_replaced() {
    let (_dir, mut ledger) = shop();
    let path = ledger.path().to_path_buf();
    let day = open_22(&mut ledger);
    let c = cart(&ledger, &[("KLP", Quantity::whole(1))]);
    let kept = sell(&mut ledger, &c, at(22, 9, 0));
    let voided = sell(&mut ledger, &c, at(22, 9, 5));
    ledger
        .void_sale(voided.id, "dobel", "Rina", at(22, 9, 6))
        .unwrap();
    let (s, v, d) = (kept.id, voided.id, day.id);
    let statements = [
        format!("UPDATE sales SET total = 1 WHERE id = {s}"),
        format!("DELETE FROM sales WHERE id = {s}"),
        format!("DELETE FROM sale_lines WHERE sale_id = {s}"),
        format!(
            "UPDATE sale_lines SET producer_share = total, corner_share = 0 WHERE sale_id = {s}"
        ),
        format!(
            "INSERT OR REPLACE INTO sales (id, day_id, number, at, attendant, total)
             VALUES ({s}, {d}, 1, '2026-11-22 09:00:00', 'Rina', 1)"
        ),
        format!(
            "REPLACE INTO sales (day_id, number, at, attendant, total)
             VALUES ({d}, 1, '2026-11-22 09:00:00', 'Rina', 1)"
        ),
        "UPDATE voids SET reason = 'lain'".to_string(),
        "DELETE FROM voids".to_string(),
        format!(
            "INSERT OR REPLACE INTO voids (id, sale_id, day_id, at, attendant, reason)
             SELECT id, {s}, day_id, at, attendant, reason FROM voids WHERE sale_id = {v}"
        ),
        format!(
            "INSERT OR REPLACE INTO voids (sale_id, day_id, at, attendant, reason)
             VALUES ({v}, {d}, '2026-11-22 10:00:00', 'x', 'lain')"
        ),
        "UPDATE payments SET method = 'qris', tendered = amount, change = 0".to_string(),
        format!("DELETE FROM payments WHERE sale_id = {s}"),
        format!(
            "INSERT OR REPLACE INTO payments (id, sale_id, method, amount, tendered, change)
             SELECT id, sale_id, 'transfer', amount, amount, 0 FROM payments WHERE sale_id = {s}"
        ),
        "UPDATE business_days SET opening_float = 1".to_string(),
        "DELETE FROM business_days".to_string(),
        // Appending to a sale already recorded (an earlier one, or the newest).
        format!(
            "INSERT INTO sale_lines (sale_id, line_no, product_id, code, name, unit, producer_id,
                producer_code, producer_name, quantity_milli, unit_price, total, producer_share, corner_share)
             SELECT {s}, 99, product_id, code, name, unit, producer_id, producer_code, producer_name,
                quantity_milli, unit_price, total, producer_share, corner_share FROM sale_lines WHERE sale_id = {s}"
        ),
        format!(
            "INSERT INTO payments (sale_id, method, amount, tendered, change)
             VALUES ({s}, 'cash', 1000, 1000, 0)"
        ),
    ];
    common::refused_both_ways(&path, &statements);
    assert_eq!(ledger.sale(kept.id).unwrap(), kept);

    close_counted(&mut ledger, "Rina", at(22, 17, 0)).unwrap();
    let before = common::snapshot(&path);
    let bare = Connection::open(&path).unwrap();
    for sql in [
        "DELETE FROM day_closes".to_string(),
        "UPDATE day_closes SET closed_at = '2026-11-23 01:00:00'".to_string(),
        format!(
            "INSERT INTO sales (day_id, number, at, attendant, total)
             VALUES ({d}, 9, '2026-11-22 18:00:00', 'Rina', 0)"
        ),
    ] {
        common::refused(&bare, &sql);
        assert_eq!(common::snapshot(&path), before, "{sql} changed something");
    }
}

#[test]
fn refusals_leave_the_ledger_unchanged() {
    let (_dir, mut ledger) = shop();
    let path = ledger.path().to_path_buf();
    let c = cart(&ledger, &[("KLP", Quantity::whole(2))]);
    ledger.save_draft(&c, at(21, 8, 0)).unwrap();

    let unchanged = |ledger: &mut Ledger, attempt: &dyn Fn(&mut Ledger) -> LedgerError| {
        let before = common::snapshot(&path);
        let e = attempt(ledger);
        assert_eq!(common::snapshot(&path), before, "{e:?} changed the ledger");
        e
    };

    // Before any day is open.
    let e = unchanged(&mut ledger, &|l| {
        l.record_sale(
            &c,
            &paid_by(c.total(), PaymentMethod::Cash),
            "Rina",
            at(21, 9, 0),
        )
        .unwrap_err()
    });
    assert!(matches!(e, LedgerError::NoOpenDay), "{e:?}");
    let e = unchanged(&mut ledger, &|l| {
        close_counted(l, "Rina", at(21, 9, 0)).unwrap_err()
    });
    assert!(matches!(e, LedgerError::NoOpenDay), "{e:?}");

    // A sale on 21 November, then that day closed and the 22nd opened.
    ledger
        .open_day(date(21), "Rina", Rupiah(0), at(21, 7, 0))
        .unwrap();
    let old = sell(&mut ledger, &c, at(21, 9, 0));
    let e = unchanged(&mut ledger, &|l| {
        l.open_day(date(22), "Rina", Rupiah(0), at(21, 23, 0))
            .unwrap_err()
    });
    assert!(
        matches!(e, LedgerError::DayAlreadyOpen { date: d } if d == date(21)),
        "{e:?}"
    );
    close_counted(&mut ledger, "Rina", at(21, 17, 0)).unwrap();
    let e = unchanged(&mut ledger, &|l| {
        l.open_day(date(21), "Rina", Rupiah(0), at(22, 7, 0))
            .unwrap_err()
    });
    assert!(
        matches!(e, LedgerError::DayExists { date: d } if d == date(21)),
        "{e:?}"
    );
    open_22(&mut ledger);
    let sale = sell(&mut ledger, &c, at(22, 9, 0));
    ledger.save_draft(&c, at(22, 9, 1)).unwrap();

    let e = unchanged(&mut ledger, &|l| {
        l.record_sale(&Cart::default(), &[], "Rina", at(22, 9, 2))
            .unwrap_err()
    });
    assert!(matches!(e, LedgerError::EmptySale), "{e:?}");
    let total = c.total();
    for paid in [total - Rupiah(1), total + Rupiah(1000)] {
        let e = unchanged(&mut ledger, &|l| {
            l.record_sale(
                &c,
                &[Payment {
                    method: PaymentMethod::Transfer,
                    amount: paid,
                    tendered: paid,
                    change: Rupiah::ZERO,
                    customer: None,
                }],
                "Rina",
                at(22, 9, 2),
            )
            .unwrap_err()
        });
        assert!(
            matches!(e, LedgerError::NotSettled { total: t, paid: p } if t == total && p == paid),
            "{e:?}"
        );
    }
    let e = unchanged(&mut ledger, &|l| {
        l.record_sale(&c, &[], "Rina", at(22, 9, 2)).unwrap_err()
    });
    assert!(matches!(e, LedgerError::NotSettled { .. }), "{e:?}");
    let e = unchanged(&mut ledger, &|l| {
        let qris_with_change = Payment {
            method: PaymentMethod::Qris,
            amount: total,
            tendered: total + Rupiah(5_000),
            change: Rupiah(5_000),
            customer: None,
        };
        l.record_sale(&c, &[qris_with_change], "Rina", at(22, 9, 2))
            .unwrap_err()
    });
    assert!(matches!(e, LedgerError::InvalidPayment(_)), "{e:?}");

    for reason in ["", "   "] {
        let e = unchanged(&mut ledger, &|l| {
            l.void_sale(sale.id, reason, "Rina", at(22, 9, 3))
                .unwrap_err()
        });
        assert!(matches!(e, LedgerError::EmptyReason), "{e:?}");
    }
    let e = unchanged(&mut ledger, &|l| {
        l.void_sale(sale.id + 100, "salah", "Rina", at(22, 9, 3))
            .unwrap_err()
    });
    assert!(
        matches!(e, LedgerError::UnknownSale(id) if id == sale.id + 100),
        "{e:?}"
    );
    let e = unchanged(&mut ledger, &|l| {
        l.void_sale(old.id, "salah", "Rina", at(22, 9, 3))
            .unwrap_err()
    });
    assert!(
        matches!(e, LedgerError::NotOnOpenDay(id) if id == old.id),
        "{e:?}"
    );
    ledger
        .void_sale(sale.id, "salah", "Rina", at(22, 9, 3))
        .unwrap();
    let e = unchanged(&mut ledger, &|l| {
        l.void_sale(sale.id, "lagi", "Rina", at(22, 9, 4))
            .unwrap_err()
    });
    assert!(
        matches!(e, LedgerError::AlreadyVoided(id) if id == sale.id),
        "{e:?}"
    );

    // The catalogue.
    let e = unchanged(&mut ledger, &|l| {
        l.add_producer(&producer("busri", "Bu Sri Lagi", percentage(1000)))
            .unwrap_err()
    });
    assert!(
        matches!(e, LedgerError::DuplicateCode(ref c) if c == "busri"),
        "{e:?}"
    );
    let e = unchanged(&mut ledger, &|l| {
        l.add_product(&product("klp", Unit::Pcs, 5_000, "BUSRI", None))
            .unwrap_err()
    });
    assert!(
        matches!(e, LedgerError::DuplicateCode(ref c) if c == "klp"),
        "{e:?}"
    );
    let barcode = find(&ledger, "KLP").barcode.unwrap();
    let e = unchanged(&mut ledger, &|l| {
        let mut p = product("KLP2", Unit::Pcs, 5_000, "BUSRI", None);
        p.barcode = Some(barcode.clone());
        l.add_product(&p).unwrap_err()
    });
    assert!(
        matches!(e, LedgerError::DuplicateBarcode(ref b) if *b == barcode),
        "{e:?}"
    );
    let e = unchanged(&mut ledger, &|l| {
        l.add_product(&product("SBL", Unit::Btl, 20_000, "NOBODY", None))
            .unwrap_err()
    });
    assert!(
        matches!(e, LedgerError::UnknownProducer(ref c) if c == "NOBODY"),
        "{e:?}"
    );
    for bad in [
        product("TLR", Unit::Kg, 28_000, "PAKDI", None),
        product("TLR", Unit::Kg, 28_000, "PAKDI", Some(28_001)),
        product("TLR", Unit::Kg, 28_000, "PAKDI", Some(0)),
        product("TLR", Unit::Kg, 28_000, "BUSRI", Some(25_000)),
        product("TLR", Unit::Kg, 0, "BUSRI", None),
        product("TLR", Unit::Kg, 1_000_000_000_001, "BUSRI", None),
        product(" ", Unit::Kg, 28_000, "BUSRI", None),
    ] {
        let e = unchanged(&mut ledger, &|l| l.add_product(&bad).unwrap_err());
        assert!(
            matches!(e, LedgerError::InvalidProduct(_)),
            "{bad:?}: {e:?}"
        );
    }
    let e = unchanged(&mut ledger, &|l| {
        l.add_producer(&producer("", "Tanpa Kode", percentage(1000)))
            .unwrap_err()
    });
    assert!(matches!(e, LedgerError::InvalidProducer(_)), "{e:?}");

    // What was allowed did land, and every refusal above left its row count alone too.
    assert_eq!(row_count(&path, "sales"), 2);
    assert_eq!(row_count(&path, "voids"), 1);
    assert_eq!(row_count(&path, "products"), 3);
    assert_eq!(ledger.load_draft().unwrap(), Some(c));
}

#[test]
fn the_till_sees_active_products_with_their_share_rule() {
    let (_dir, ledger) = shop();
    let brs = find(&ledger, "BRS");
    assert_eq!(
        brs.share,
        pojok::domain::ShareRule::ProducerPrice {
            price: Rupiah(13_000)
        }
    );
    assert_eq!((brs.producer_code.as_str(), brs.unit), ("PAKDI", Unit::Kg));
    let klp = find(&ledger, "KLP");
    assert_eq!(
        klp.share,
        pojok::domain::ShareRule::Percentage {
            rate: Rate::from_basis_points(1500).unwrap()
        }
    );
    Connection::open(ledger.path())
        .unwrap()
        .execute("UPDATE products SET active = 0 WHERE code = 'KRP'", [])
        .unwrap();
    let codes: Vec<_> = ledger
        .active_products()
        .unwrap()
        .into_iter()
        .map(|p| p.code)
        .collect();
    assert_eq!(codes, ["BRS", "KLP"]);
    let producers: Vec<_> = ledger
        .producers()
        .unwrap()
        .into_iter()
        .map(|p| (p.code, p.scheme))
        .collect();
    assert_eq!(
        producers,
        [
            ("BUSRI".to_string(), percentage(1500)),
            ("PAKDI".to_string(), Scheme::ProducerPrice)
        ]
    );
}

/// One sale as generated: lines as (product index, quantity seed), split payments as
/// (method index, percent of what remains), the method that settles, cash handed over on
/// top, and whether it is voided afterwards.
type SalePlan = (Vec<(usize, u32)>, Vec<(usize, u8)>, usize, i64, bool);

fn sale_plan() -> impl Strategy<Value = SalePlan> {
    (
        prop::collection::vec((0usize..4, any::<u32>()), 1..5),
        prop::collection::vec((0usize..3, 1u8..100), 0..3),
        0usize..3,
        0i64..50_000,
        prop::bool::weighted(0.2),
    )
}

#[derive(Default, Debug, PartialEq)]
struct Sums {
    milli: i64,
    gross: Rupiah,
    producer: Rupiah,
    corner: Rupiah,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Whatever is rung up and however it is paid, the stored money adds up: shares to line
    /// totals, lines and payments to sale totals, and the day report to the carts.
    #[test]
    fn recorded_money_always_adds_up(
        rate_bp in 0u32..=10_000,
        prices in prop::collection::vec((100i64..200_000, 1u32..=100), 4),
        plans in prop::collection::vec(sale_plan(), 1..6),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pojok.db");
        let mut ledger = Ledger::open(&path).unwrap();
        ledger.add_producer(&producer("PCT", "Bu Persen", percentage(rate_bp))).unwrap();
        ledger.add_producer(&producer("HST", "Pak Setor", Scheme::ProducerPrice)).unwrap();
        let layout = [("A", Unit::Pcs, "PCT"), ("B", Unit::Kg, "PCT"), ("C", Unit::Pcs, "HST"), ("D", Unit::Kg, "HST")];
        for ((code, unit, who), (price, pp_percent)) in layout.into_iter().zip(&prices) {
            let pp = (who == "HST").then(|| (price * i64::from(*pp_percent) / 100).max(1));
            let mut p = product(code, unit, *price, who, pp);
            p.barcode = None;
            ledger.add_product(&p).unwrap();
        }
        let products = ledger.active_products().unwrap();
        open_22(&mut ledger);

        let (mut live, mut voided) = (Rupiah::ZERO, Rupiah::ZERO);
        let (mut live_count, mut void_count) = (0, 0);
        let mut by_method: BTreeMap<&str, Rupiah> = BTreeMap::new();
        let mut by_producer: BTreeMap<String, Sums> = BTreeMap::new();
        for (i, (lines, parts, last, extra, void)) in plans.into_iter().enumerate() {
            let mut cart = Cart::default();
            for (idx, seed) in lines {
                let p = &products[idx];
                let q = if p.unit.is_weighed() {
                    Quantity::from_milli(1 + i64::from(seed % 5_000))
                } else {
                    Quantity::whole(1 + i64::from(seed % 20))
                };
                cart.add(p, q).unwrap();
            }
            let mut tender = Tender::new(cart.total());
            for (m, percent) in parts {
                let part = Rupiah(tender.remaining().value() * i64::from(percent) / 100);
                let _ = tender.pay_part(PaymentMethod::ALL[m], part);
            }
            if !tender.is_settled() {
                let method = PaymentMethod::ALL[last];
                let handed = (method == PaymentMethod::Cash).then(|| tender.remaining() + Rupiah(extra));
                tender.pay_rest(method, handed).unwrap();
            }
            let minute = u32::try_from(i).unwrap();
            let sale = ledger.record_sale(&cart, &tender.payments, "Rina", at(22, 9, minute)).unwrap();
            prop_assert_eq!(&ledger.sale(sale.id).unwrap(), &sale);
            prop_assert_eq!(sale.total, cart.total());
            for (line, cart_line) in sale.lines.iter().zip(&cart.lines) {
                let a = cart_line.amounts();
                prop_assert_eq!((line.total, line.producer_share, line.corner_share), (a.total, a.producer_share, a.corner_share));
            }
            if void {
                ledger.void_sale(sale.id, "uji", "Rina", at(22, 10, minute)).unwrap();
                voided += sale.total;
                void_count += 1;
                continue;
            }
            live += sale.total;
            live_count += 1;
            for p in &tender.payments {
                *by_method.entry(p.method.code()).or_default() += p.amount;
            }
            for cart_line in &cart.lines {
                let a = cart_line.amounts();
                let s = by_producer.entry(cart_line.product.producer_code.clone()).or_default();
                s.milli += cart_line.quantity.milli();
                s.gross += a.total;
                s.producer += a.producer_share;
                s.corner += a.corner_share;
            }
        }

        let conn = Connection::open(&path).unwrap();
        let broken = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        prop_assert_eq!(broken("SELECT COUNT(*) FROM sale_lines WHERE producer_share + corner_share != total"), 0);
        prop_assert_eq!(broken(
            "SELECT COUNT(*) FROM sales AS s
             WHERE total != (SELECT COALESCE(SUM(total), 0) FROM sale_lines WHERE sale_id = s.id)"), 0);
        prop_assert_eq!(broken(
            "SELECT COUNT(*) FROM sales AS s
             WHERE total != (SELECT COALESCE(SUM(tendered - change), 0) FROM payments WHERE sale_id = s.id)"), 0);

        let report = ledger.day_report(date(22)).unwrap().unwrap();
        prop_assert_eq!((report.sales.count, report.sales.total), (live_count, live));
        prop_assert_eq!((report.voids.count, report.voids.total), (void_count, voided));
        let method = |code: &str| by_method.get(code).copied().unwrap_or_default();
        prop_assert_eq!(report.payments.cash, method("cash"));
        prop_assert_eq!(report.payments.qris, method("qris"));
        prop_assert_eq!(report.payments.transfer, method("transfer"));
        prop_assert_eq!(report.payments.cash + report.payments.qris + report.payments.transfer, live);
        let reported: BTreeMap<String, Sums> = report.producers.iter().map(|p| {
            prop_assert_eq!(p.producer_share + p.corner_share, p.gross);
            Ok((p.code.clone(), Sums { milli: p.quantity.milli(), gross: p.gross, producer: p.producer_share, corner: p.corner_share }))
        }).collect::<Result<_, TestCaseError>>()?;
        prop_assert_eq!(reported, by_producer);
        let status = ledger.open_day_status().unwrap().unwrap();
        prop_assert_eq!((status.sales, status.takings), (live_count, live));
    }
}

/// How many entries the index `name` holds (every cell of an index b-tree is one).
fn index_entries(path: &std::path::Path, name: &str) -> i64 {
    common::scalar(
        path,
        &format!("SELECT COALESCE(SUM(ncell), 0) FROM dbstat WHERE name = '{name}'"),
    )
}

/// Every product's stock as the file's projection holds it.
fn on_hand_in(path: &std::path::Path) -> BTreeMap<String, i64> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT p.code, COALESCE(s.on_hand_milli, 0)
             FROM products AS p LEFT JOIN stock AS s ON s.product_id = p.id",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// A demo ledger written by the pojok before V18, whose sales each wrote a stock move per
/// line (`pojok demo`, its day of 2026-12-05 still open).
fn ledger_from_v17(dir: &TempDir) -> std::path::PathBuf {
    let path = dir.path().join("pojok.db");
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/demo-v17.db");
    std::fs::copy(fixture, &path).unwrap();
    path
}

#[test]
fn a_file_from_before_reads_what_its_sales_sold_from_their_lines_and_indexes_no_sale() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_from_v17(&dir);
    let moves = |kind: &str| {
        common::scalar(
            &path,
            &format!("SELECT COUNT(*) FROM stock_moves WHERE kind = '{kind}'"),
        )
    };
    let (sale_moves, intakes, voids) = (moves("sale"), moves("intake"), moves("void"));
    assert!(sale_moves > 20 && intakes > 20 && voids > 0);
    // As V16 left it: both indexes over every move, the sales' included.
    Connection::open(&path)
        .unwrap()
        .execute_batch(
            "DROP INDEX stock_moves_product;
             CREATE INDEX stock_moves_product ON stock_moves (product_id, kind);
             DROP INDEX stock_moves_document;
             CREATE INDEX stock_moves_document ON stock_moves (document_id);
             PRAGMA user_version = 16;",
        )
        .unwrap();
    let all = sale_moves + intakes + voids;
    assert_eq!(index_entries(&path, "stock_moves_product"), all);
    assert_eq!(index_entries(&path, "stock_moves_document"), all);
    let before = on_hand_in(&path);
    let day_balances = || {
        let conn = Connection::open(&path).unwrap();
        let mut stmt = conn
            .prepare("SELECT producer_id, date, closing FROM producer_days ORDER BY 1, 2")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<Vec<(i64, String, i64)>>>()
            .unwrap()
    };
    let balances_before = day_balances();
    assert!(balances_before.len() > 5);

    let mut ledger = Ledger::open(&path).unwrap();
    // The day balances, now kept by date first, are the same rows.
    assert_eq!(day_balances(), balances_before);
    assert_eq!(index_entries(&path, "stock_moves_product"), intakes + voids);
    assert_eq!(index_entries(&path, "stock_moves_document"), intakes);
    // The old sales' moves stay, and are not counted twice beside their lines.
    assert_eq!(moves("sale"), sale_moves);
    assert!(ledger.stock_matches_history().unwrap().is_empty());
    let day = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    let levels = |ledger: &Ledger| -> BTreeMap<String, (i64, i64)> {
        ledger
            .stock_levels(Some(day))
            .unwrap()
            .into_iter()
            .map(|l| (l.code, (l.on_hand.milli(), l.day.sold.milli())))
            .collect()
    };
    let sold_in_lines = |code: &str| {
        common::scalar(
            &path,
            &format!(
                "SELECT COALESCE(SUM(l.quantity_milli), 0) FROM sale_lines AS l
                 JOIN products AS p ON p.id = l.product_id
                 WHERE p.code = '{code}' AND l.sale_id NOT IN (SELECT sale_id FROM voids)"
            ),
        )
    };
    let old = levels(&ledger);
    for (code, (on_hand, _)) in &old {
        assert_eq!(*on_hand, before[code], "{code}");
    }
    assert_eq!(old["LMPR"].1, sold_in_lines("LMPR"));
    assert!(old["LMPR"].1 > 0);
    // The whole file is this one day, so every product opened it with nothing on the shelf.
    let openings = |ledger: &Ledger| -> Vec<(String, i64)> {
        ledger
            .settlement_for(day, None)
            .unwrap()
            .into_iter()
            .flat_map(|s| s.products)
            .map(|p| (p.code, p.opening.milli()))
            .filter(|(_, opening)| *opening != 0)
            .collect()
    };
    assert_eq!(openings(&ledger), []);

    // A sale now moves no stock row of its own: its lines take the goods.
    let c = cart(
        &ledger,
        &[("LMPR", Quantity::whole(2)), ("KRPS", Quantity::whole(1))],
    );
    let when = day.and_hms_opt(15, 0, 0).unwrap();
    let sale = sell(&mut ledger, &c, when);
    assert_eq!(moves("sale"), sale_moves);
    assert_eq!(index_entries(&path, "stock_moves_product"), intakes + voids);
    let now = levels(&ledger);
    assert_eq!(now["LMPR"], (old["LMPR"].0 - 2_000, old["LMPR"].1 + 2_000));
    assert_eq!(now["KRPS"], (old["KRPS"].0 - 1_000, old["KRPS"].1 + 1_000));
    assert_eq!(now["LMPR"].1, sold_in_lines("LMPR"));
    assert_eq!(openings(&ledger), []);
    assert_eq!(ledger.sale(sale.id).unwrap(), sale);
    // A slip written after it reads the shelf as it is.
    let intake = pojok::domain::IntakeLine {
        product_code: "LMPR".into(),
        quantity: Quantity::whole(20),
        best_before: None,
    };
    let slip = ledger
        .receive_stock(
            "SRI",
            &[intake],
            "Rina",
            when + chrono::Duration::minutes(1),
        )
        .unwrap();
    assert_eq!(slip.lines[0].on_hand_before.milli(), now["LMPR"].0);
    // The day's stock sheet lists each line sold once, old sales and new alike.
    let sheet = ledger.export_table(ExportKind::Stock, day, day).unwrap();
    let sold_rows = sheet
        .rows
        .iter()
        .filter(|row| row.contains(&Cell::Text("sale".into())))
        .count() as i64;
    assert_eq!(
        sold_rows,
        common::scalar(&path, "SELECT COUNT(*) FROM sale_lines")
    );
    assert!(ledger.stock_matches_history().unwrap().is_empty());
    let report = ledger.verify().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
fn a_sales_receipt_carries_the_newest_chain_row_of_its_own_transaction() {
    let (_dir, mut ledger) = shop();
    open_22(&mut ledger);
    let c = cart(
        &ledger,
        &[
            ("KLP", Quantity::whole(3)),
            ("KRP", Quantity::whole(1)),
            ("BRS", Quantity::from_milli(1_250)),
        ],
    );
    let mut tender = Tender::new(c.total());
    tender
        .pay_part(PaymentMethod::Qris, Rupiah(10_000))
        .unwrap();
    tender.pay_rest(PaymentMethod::Cash, None).unwrap();
    let mut heads = Vec::new();
    for minute in 0..3 {
        let sale = ledger
            .record_sale(&c, &tender.payments, "Rina", at(22, 9, minute))
            .unwrap();
        let newest = ledger.chain_head().unwrap().unwrap();
        assert_eq!(sale.chain_head.as_deref(), Some(newest.short().as_str()));
        // As a reprint finds it again, from the chain rows of the sale's own rows.
        assert_eq!(ledger.sale(sale.id).unwrap().chain_head, sale.chain_head);
        heads.push(sale.chain_head);
    }
    heads.dedup();
    assert_eq!(heads.len(), 3, "each sale its own head");
}
