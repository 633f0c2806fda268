//! Stock per producer on a real ledger file: on hand always equals the sum of the moves,
//! entries and their slips, the stock screen's figures, the catalogue's edits with their
//! history, deactivation, refusals, and history that cannot be rewritten.

mod common;

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use common::{at, cart_of, date, paid_by, rina_opens, sell_by, small_ledger};
use pojok::domain::{
    Cell, DocumentKind, ExportKind, IntakeLine, PaymentMethod, ProductChanges, Quantity,
    QuantityError, Rate, Rupiah, Sale, Scheme, StockDocument, StockLine, StockQuantity,
};
use pojok::ledger::{Ledger, LedgerError};
use proptest::prelude::*;
use rusqlite::Connection;
use tempfile::TempDir;

/// `small_ledger` (SRI: LMPR, KRPS at 15 %; TANI: BRS by producer price) in a temp dir.
fn shop() -> (TempDir, Ledger) {
    let dir = tempfile::tempdir().unwrap();
    let ledger = small_ledger(&dir.path().join("pojok.db"));
    (dir, ledger)
}

fn pcs(n: i64) -> Quantity {
    Quantity::whole(n)
}

fn sq(n: i64) -> StockQuantity {
    StockQuantity::whole(n)
}

/// A slip's lines as the ledger kept them, read back the way the office reads stock (the
/// stock export): each product's code and its signed quantity, in the order recorded.
fn kept_lines(ledger: &Ledger, slip: &StockDocument) -> Vec<(String, StockQuantity)> {
    let day = slip.day_date.unwrap_or(slip.at.date());
    let table = ledger.export_table(ExportKind::Stock, day, day).unwrap();
    let column = |name: &str| table.columns.iter().position(|c| c == name).unwrap();
    let (kind, number) = (column("kind"), column("document_number"));
    let (code, quantity) = (column("product_code"), column("quantity"));
    table
        .rows
        .iter()
        .filter(|r| r[kind] == Cell::Text(slip.kind.code().into()))
        .filter(|r| r[number] == Cell::Int(slip.number))
        .map(|r| match (&r[code], &r[quantity]) {
            (Cell::Text(code), Cell::Quantity(quantity)) => (code.clone(), *quantity),
            other => panic!("not a code and a quantity: {other:?}"),
        })
        .collect()
}

/// A slip's lines as it was printed: each product's code and its signed quantity.
fn slip_lines(slip: &StockDocument) -> Vec<(String, StockQuantity)> {
    slip.lines
        .iter()
        .map(|l| (l.code.clone(), l.quantity))
        .collect()
}

fn line(code: &str, n: i64, best_before: Option<NaiveDate>) -> IntakeLine {
    IntakeLine {
        product_code: code.into(),
        quantity: pcs(n),
        best_before,
    }
}

/// Rina sells `lines` for exact cash.
fn sell(ledger: &mut Ledger, lines: &[(&str, Quantity)], when: NaiveDateTime) -> Sale {
    sell_by(ledger, lines, PaymentMethod::Cash, when)
}

/// What an edit of `code` starts from: the product as it is now.
fn changes_of(ledger: &Ledger, code: &str) -> ProductChanges {
    ledger
        .products()
        .unwrap()
        .into_iter()
        .find(|p| p.code == code)
        .unwrap()
        .changes()
}

fn level(ledger: &Ledger, day: Option<NaiveDate>, code: &str) -> StockLine {
    ledger
        .stock_levels(day)
        .unwrap()
        .into_iter()
        .find(|l| l.code == code)
        .unwrap_or_else(|| panic!("{code} is not on the stock screen"))
}

/// Each product's sum of moves, a sale's lines being its moves, straight from history.
fn sum_of_moves(path: &Path, code: &str) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT (SELECT COALESCE(SUM(m.quantity_milli), 0)
                     FROM stock_moves AS m JOIN products AS p ON p.id = m.product_id
                     WHERE p.code = ?1 AND m.kind != 'sale')
                  - (SELECT COALESCE(SUM(l.quantity_milli), 0)
                     FROM sale_lines AS l JOIN products AS p ON p.id = l.product_id
                     WHERE p.code = ?1)",
            [code],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn the_catalogue_keeps_every_field_it_is_given() {
    let (_dir, mut ledger) = shop();
    ledger
        .add_producer(&pojok::domain::NewProducer {
            code: " KAOS ".into(),
            name: "Kaos Sablon Kota Lama".into(),
            phone: "0819-0455-2786".into(),
            address: " Jl. Kepodang 12, Semarang ".into(),
            account: "GoPay 0819-0455-2786".into(),
            scheme: Scheme::ProducerPrice,
        })
        .unwrap();
    ledger
        .add_product(&pojok::domain::NewProduct {
            code: "KAOS-L".into(),
            barcode: Some(" 8994417000031 ".into()),
            name: "Kaos Semarang Hebat".into(),
            variant: " L ".into(),
            unit: pojok::domain::Unit::Pcs,
            price: Rupiah(75_000),
            producer_code: "kaos".into(),
            producer_price: Some(Rupiah(60_000)),
            min_stock: sq(3),
            daily: false,
        })
        .unwrap();
    let kaos = ledger
        .producers()
        .unwrap()
        .into_iter()
        .find(|p| p.code == "KAOS")
        .unwrap();
    assert_eq!(
        (kaos.address.as_str(), kaos.account.as_str(), kaos.active),
        ("Jl. Kepodang 12, Semarang", "GoPay 0819-0455-2786", true)
    );
    let record = ledger
        .products()
        .unwrap()
        .into_iter()
        .find(|p| p.code == "KAOS-L")
        .unwrap();
    assert_eq!(
        (
            record.barcode.as_deref(),
            record.variant.as_str(),
            record.min_stock,
            record.daily,
            record.producer_price
        ),
        (
            Some("8994417000031"),
            "L",
            sq(3),
            false,
            Some(Rupiah(60_000))
        )
    );
    let product = ledger
        .active_products()
        .unwrap()
        .into_iter()
        .find(|p| p.code == "KAOS-L")
        .unwrap();
    assert_eq!(product.full_name(), "Kaos Semarang Hebat L");
    // A minimum in pieces is whole.
    let e = ledger
        .add_product(&pojok::domain::NewProduct {
            code: "KAOS-M".into(),
            barcode: None,
            name: "Kaos Semarang Hebat".into(),
            variant: "M".into(),
            unit: pojok::domain::Unit::Pcs,
            price: Rupiah(75_000),
            producer_code: "KAOS".into(),
            producer_price: Some(Rupiah(60_000)),
            min_stock: StockQuantity::from_milli(1_500),
            daily: false,
        })
        .unwrap_err();
    assert!(
        matches!(
            e,
            LedgerError::InvalidQuantity {
                problem: QuantityError::NotWhole,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn an_intake_a_sale_a_void_and_a_count_move_stock_and_print_their_slips() {
    let (_dir, mut ledger) = shop();
    rina_opens(&mut ledger, "2026-11-22", 100_000, "07:00");
    let intake = ledger
        .receive_stock(
            "sri",
            &[
                line("LMPR", 20, Some(date("2026-11-22"))),
                line("krps", 10, Some(date("2027-01-15"))),
            ],
            "Rina",
            at("2026-11-22 07:30"),
        )
        .unwrap();
    assert_eq!(intake.kind, DocumentKind::Intake);
    assert_eq!(
        (intake.number, intake.day_date),
        (1, Some(date("2026-11-22")))
    );
    assert_eq!(
        (intake.producer_code.as_str(), intake.producer_name.as_str()),
        ("SRI", "Kue Bu Sri")
    );
    let slip: Vec<_> = intake
        .lines
        .iter()
        .map(|l| {
            (
                l.code.as_str(),
                l.quantity,
                l.on_hand_before,
                l.on_hand_after(),
            )
        })
        .collect();
    assert_eq!(
        slip,
        [
            ("LMPR", sq(20), sq(0), sq(20)),
            ("KRPS", sq(10), sq(0), sq(10))
        ]
    );
    assert_eq!(kept_lines(&ledger, &intake), slip_lines(&intake));

    let sale = sell(
        &mut ledger,
        &[("LMPR", pcs(3)), ("KRPS", pcs(1))],
        at("2026-11-22 09:00"),
    );
    sell(&mut ledger, &[("LMPR", pcs(2))], at("2026-11-22 09:10"));
    ledger
        .void_sale(sale.id, "salah input", "Rina", at("2026-11-22 09:15"))
        .unwrap();
    assert_eq!(level(&ledger, None, "LMPR").on_hand, sq(18));
    assert_eq!(level(&ledger, None, "KRPS").on_hand, sq(10));

    // The shelf holds 17 lemper: the count records −1, and its slip says what was counted.
    let count = ledger
        .count_stock(
            "LMPR",
            sq(17),
            "stok opname sore",
            false,
            "Rina",
            at("2026-11-22 16:00"),
        )
        .unwrap();
    assert_eq!(count.kind, DocumentKind::Count);
    assert_eq!(count.note, "stok opname sore");
    assert_eq!(count.lines[0].quantity, sq(-1));
    assert_eq!(count.lines[0].on_hand_before, sq(18));
    assert_eq!(count.lines[0].on_hand_after(), sq(17));
    // A count that agrees is on file too, with a zero move.
    let agreed = ledger
        .count_stock(
            "LMPR",
            sq(17),
            "cek ulang",
            false,
            "Rina",
            at("2026-11-22 16:05"),
        )
        .unwrap();
    assert_eq!(agreed.number, 2);
    assert_eq!(agreed.lines[0].quantity, StockQuantity::ZERO);

    let damaged = ledger
        .write_off(
            "KRPS",
            pcs(2),
            "bungkus sobek",
            true,
            "Rina",
            at("2026-11-22 16:10"),
        )
        .unwrap();
    assert!(damaged.corner_at_fault);
    assert_eq!(damaged.lines[0].quantity, sq(-2));
    let returned = ledger
        .return_stock(
            "SRI",
            &[("KRPS".into(), pcs(3))],
            "",
            "Rina",
            at("2026-11-22 16:20"),
        )
        .unwrap();
    assert_eq!((returned.kind, returned.number), (DocumentKind::Return, 1));

    let lmpr = level(&ledger, Some(date("2026-11-22")), "LMPR");
    assert_eq!(lmpr.on_hand, sq(17));
    assert_eq!(
        (
            lmpr.day.received,
            lmpr.day.sold,
            lmpr.day.returned,
            lmpr.day.written_off,
            lmpr.day.counted
        ),
        (sq(20), sq(2), sq(0), sq(0), sq(-1)),
        "sold is net of the void"
    );
    let krps = level(&ledger, Some(date("2026-11-22")), "KRPS");
    assert_eq!(krps.on_hand, sq(5));
    assert_eq!(
        (
            krps.day.received,
            krps.day.sold,
            krps.day.returned,
            krps.day.written_off
        ),
        (sq(10), sq(0), sq(3), sq(2))
    );
    // Another day's figures are empty; on hand is the same.
    let other = level(&ledger, Some(date("2026-11-23")), "LMPR");
    assert_eq!((other.on_hand, other.day), (sq(17), Default::default()));
    assert_eq!(sum_of_moves(ledger.path(), "LMPR"), 17_000);
    assert!(ledger.stock_matches_history().unwrap().is_empty());
}

#[test]
fn selling_past_stock_is_allowed_and_flagged_until_a_count() {
    let (_dir, mut ledger) = shop();
    rina_opens(&mut ledger, "2026-11-22", 100_000, "07:00");
    ledger
        .receive_stock(
            "SRI",
            &[line("LMPR", 2, None)],
            "Rina",
            at("2026-11-22 07:30"),
        )
        .unwrap();
    sell(&mut ledger, &[("LMPR", pcs(5))], at("2026-11-22 09:00"));
    let lmpr = level(&ledger, None, "LMPR");
    assert_eq!(lmpr.on_hand, sq(-3));
    assert!(lmpr.oversold());
    let calls = ledger.call_list().unwrap();
    assert_eq!(calls.len(), 1);
    assert_eq!(
        (calls[0].producer_code.as_str(), calls[0].phone.as_str()),
        ("SRI", "0812-1111-2222")
    );
    let codes: Vec<_> = calls[0].lines.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, ["LMPR"]);

    ledger
        .count_stock(
            "LMPR",
            sq(0),
            "rak kosong",
            false,
            "Rina",
            at("2026-11-22 12:00"),
        )
        .unwrap();
    let lmpr = level(&ledger, None, "LMPR");
    assert_eq!(lmpr.on_hand, StockQuantity::ZERO);
    assert!(!lmpr.oversold());
    assert!(ledger.call_list().unwrap().is_empty());
}

#[test]
fn minimums_best_before_dates_and_the_call_list() {
    let (_dir, mut ledger) = shop();
    let mut krps = changes_of(&ledger, "KRPS");
    krps.min_stock = sq(5);
    ledger
        .update_product("KRPS", &krps, "Bu Manajer", at("2026-11-20 08:00"))
        .unwrap();
    let mut brs = changes_of(&ledger, "BRS");
    brs.min_stock = StockQuantity::from_milli(2_500);
    ledger
        .update_product("BRS", &brs, "Bu Manajer", at("2026-11-20 08:00"))
        .unwrap();

    // Entries while no day is open belong to no day, and count on their calendar date.
    let first = ledger
        .receive_stock(
            "SRI",
            &[line("KRPS", 4, Some(date("2026-12-01")))],
            "Rina",
            at("2026-11-20 10:00"),
        )
        .unwrap();
    assert_eq!(first.day_date, None);
    ledger
        .receive_stock(
            "SRI",
            &[line("KRPS", 4, Some(date("2026-11-25")))],
            "Rina",
            at("2026-11-21 10:00"),
        )
        .unwrap();
    ledger
        .receive_stock(
            "TANI",
            &[IntakeLine {
                product_code: "BRS".into(),
                quantity: Quantity::from_milli(2_000),
                best_before: None,
            }],
            "Rina",
            at("2026-11-21 10:30"),
        )
        .unwrap();
    assert_eq!(
        level(&ledger, Some(date("2026-11-20")), "KRPS")
            .day
            .received,
        sq(4)
    );
    assert_eq!(
        level(&ledger, Some(date("2026-11-21")), "KRPS")
            .day
            .received,
        sq(4)
    );

    // 8 on hand: both deliveries are on the shelf; the older one's date is the nearest.
    let k = level(&ledger, None, "KRPS");
    assert_eq!(
        (k.on_hand, k.best_before),
        (sq(8), Some(date("2026-11-25")))
    );
    assert!(!k.below_minimum());
    assert!(k.best_before_within(date("2026-11-22"), 3));
    assert!(!k.best_before_within(date("2026-11-22"), 2));
    assert!(!k.expired(date("2026-11-25")));
    assert!(k.expired(date("2026-11-26")));

    // Four sold: first in, first out, the shelf now holds the delivery of the 21st only.
    rina_opens(&mut ledger, "2026-11-22", 100_000, "07:00");
    sell(&mut ledger, &[("KRPS", pcs(4))], at("2026-11-22 09:00"));
    let k = level(&ledger, None, "KRPS");
    assert_eq!(
        (k.on_hand, k.best_before),
        (sq(4), Some(date("2026-11-25")))
    );
    assert!(k.below_minimum());
    sell(&mut ledger, &[("KRPS", pcs(4))], at("2026-11-22 09:05"));
    assert_eq!(
        level(&ledger, None, "KRPS").best_before,
        None,
        "nothing on hand"
    );

    let b = level(&ledger, None, "BRS");
    assert_eq!(b.on_hand, StockQuantity::from_milli(2_000));
    assert!(b.below_minimum() && !b.oversold());
    let calls: Vec<_> = ledger
        .call_list()
        .unwrap()
        .into_iter()
        .map(|c| {
            let codes: Vec<_> = c.lines.into_iter().map(|l| l.code).collect();
            (c.producer_code, c.phone, codes)
        })
        .collect();
    assert_eq!(
        calls,
        [
            (
                "SRI".to_string(),
                "0812-1111-2222".to_string(),
                vec!["KRPS".to_string()]
            ),
            (
                "TANI".to_string(),
                "0813-3333-4444".to_string(),
                vec!["BRS".to_string()]
            ),
        ]
    );
}

#[test]
fn daily_goods_go_back_one_return_per_producer() {
    let (_dir, mut ledger) = shop();
    for code in ["LMPR", "BRS"] {
        let mut changes = changes_of(&ledger, code);
        changes.daily = true;
        ledger
            .update_product(code, &changes, "Bu Manajer", at("2026-11-22 06:00"))
            .unwrap();
    }
    rina_opens(&mut ledger, "2026-11-22", 100_000, "07:00");
    ledger
        .receive_stock(
            "SRI",
            &[line("LMPR", 20, None), line("KRPS", 5, None)],
            "Rina",
            at("2026-11-22 07:30"),
        )
        .unwrap();
    ledger
        .receive_stock(
            "TANI",
            &[IntakeLine {
                product_code: "BRS".into(),
                quantity: Quantity::from_milli(3_250),
                best_before: None,
            }],
            "Rina",
            at("2026-11-22 07:40"),
        )
        .unwrap();
    sell(&mut ledger, &[("LMPR", pcs(14))], at("2026-11-22 10:00"));

    let returns = ledger
        .return_daily_goods("retur harian", "Rina", at("2026-11-22 15:00"))
        .unwrap();
    let summary: Vec<_> = returns
        .iter()
        .map(|d| {
            let lines: Vec<_> = d
                .lines
                .iter()
                .map(|l| (l.code.clone(), l.quantity))
                .collect();
            (
                d.kind,
                d.number,
                d.producer_code.clone(),
                d.note.clone(),
                lines,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                DocumentKind::Return,
                1,
                "SRI".to_string(),
                "retur harian".to_string(),
                vec![("LMPR".to_string(), sq(-6))]
            ),
            (
                DocumentKind::Return,
                2,
                "TANI".to_string(),
                "retur harian".to_string(),
                vec![("BRS".to_string(), StockQuantity::from_milli(-3_250))]
            ),
        ]
    );
    for d in &returns {
        assert_eq!(kept_lines(&ledger, d), slip_lines(d));
    }
    assert_eq!(level(&ledger, None, "LMPR").on_hand, StockQuantity::ZERO);
    assert_eq!(level(&ledger, None, "KRPS").on_hand, sq(5), "not daily");
    assert_eq!(level(&ledger, None, "BRS").on_hand, StockQuantity::ZERO);
    // Nothing left: nothing to return, no empty slips.
    assert!(
        ledger
            .return_daily_goods("retur harian", "Rina", at("2026-11-22 15:30"))
            .unwrap()
            .is_empty()
    );
    assert!(ledger.stock_matches_history().unwrap().is_empty());
}

#[test]
fn a_deactivated_product_cannot_be_sold_but_its_history_still_reports() {
    let (_dir, mut ledger) = shop();
    let path = ledger.path().to_path_buf();
    rina_opens(&mut ledger, "2026-11-22", 100_000, "07:00");
    ledger
        .receive_stock(
            "SRI",
            &[line("LMPR", 10, None)],
            "Rina",
            at("2026-11-22 07:30"),
        )
        .unwrap();
    let sold = sell(&mut ledger, &[("LMPR", pcs(2))], at("2026-11-22 09:00"));
    let report = ledger.day_report(date("2026-11-22")).unwrap().unwrap();
    // The cart was rung up before the product was taken off the till.
    let held = cart_of(&ledger, &[("LMPR", pcs(1)), ("KRPS", pcs(1))]);

    ledger.deactivate_product("lmpr").unwrap();
    let codes: Vec<_> = ledger
        .active_products()
        .unwrap()
        .into_iter()
        .map(|p| p.code)
        .collect();
    assert_eq!(codes, ["BRS", "KRPS"]);
    assert!(
        ledger
            .stock_levels(None)
            .unwrap()
            .iter()
            .all(|l| l.code != "LMPR")
    );
    let before = common::snapshot(&path);
    let e = ledger
        .record_sale(
            &held,
            &paid_by(held.total(), PaymentMethod::Cash),
            "Rina",
            at("2026-11-22 09:30"),
        )
        .unwrap_err();
    assert!(
        matches!(e, LedgerError::ProductInactive(ref c) if c == "LMPR"),
        "{e:?}"
    );
    assert_eq!(
        common::snapshot(&path),
        before,
        "the refused sale left nothing"
    );
    let e = ledger
        .receive_stock(
            "SRI",
            &[line("LMPR", 5, None)],
            "Rina",
            at("2026-11-22 09:40"),
        )
        .unwrap_err();
    assert!(
        matches!(e, LedgerError::ProductInactive(ref c) if c == "LMPR"),
        "{e:?}"
    );
    assert_eq!(common::snapshot(&path), before);

    // Its history stays: the sale, the day report, the catalogue entry, and its goods can
    // still go back to the producer.
    assert_eq!(ledger.sale(sold.id).unwrap(), sold);
    assert_eq!(
        ledger.day_report(date("2026-11-22")).unwrap().unwrap(),
        report
    );
    let record = ledger
        .products()
        .unwrap()
        .into_iter()
        .find(|p| p.code == "LMPR")
        .unwrap();
    assert!(!record.active && record.producer_active);
    let back = ledger
        .return_stock(
            "SRI",
            &[("LMPR".into(), pcs(8))],
            "produk dihentikan",
            "Rina",
            at("2026-11-22 10:00"),
        )
        .unwrap();
    assert_eq!(back.lines[0].on_hand_after(), StockQuantity::ZERO);

    ledger.reactivate_product("LMPR").unwrap();
    sell(&mut ledger, &[("LMPR", pcs(1))], at("2026-11-22 11:00"));

    // A deactivated producer takes all of their products off the till.
    ledger.deactivate_producer("SRI").unwrap();
    let codes: Vec<_> = ledger
        .active_products()
        .unwrap()
        .into_iter()
        .map(|p| p.code)
        .collect();
    assert_eq!(codes, ["BRS"]);
    let e = ledger
        .receive_stock(
            "SRI",
            &[line("KRPS", 1, None)],
            "Rina",
            at("2026-11-22 12:00"),
        )
        .unwrap_err();
    assert!(
        matches!(e, LedgerError::ProducerInactive(ref c) if c == "SRI"),
        "{e:?}"
    );
    assert!(!ledger.producers().unwrap()[0].active);
    ledger.reactivate_producer("SRI").unwrap();
    assert_eq!(ledger.active_products().unwrap().len(), 3);
    assert!(matches!(
        ledger.deactivate_product("NOPE"),
        Err(LedgerError::UnknownProduct(_))
    ));
    assert!(matches!(
        ledger.deactivate_producer("NOPE"),
        Err(LedgerError::UnknownProducer(_))
    ));
}

#[test]
fn a_price_change_is_recorded_and_leaves_earlier_sales_untouched() {
    let (_dir, mut ledger) = shop();
    rina_opens(&mut ledger, "2026-11-22", 100_000, "07:00");
    let before = sell(
        &mut ledger,
        &[("LMPR", pcs(2)), ("BRS", Quantity::from_milli(1_500))],
        at("2026-11-22 09:00"),
    );
    let report = ledger.day_report(date("2026-11-22")).unwrap().unwrap();

    let record = |ledger: &Ledger, code: &str| {
        ledger
            .products()
            .unwrap()
            .into_iter()
            .find(|p| p.code == code)
            .unwrap()
    };
    let mut lmpr = record(&ledger, "LMPR").changes();
    lmpr.price = Rupiah(4_000);
    lmpr.variant = "Pedas".into();
    ledger
        .update_product("LMPR", &lmpr, "Bu Manajer", at("2026-11-22 10:00"))
        .unwrap();
    let mut brs = record(&ledger, "BRS").changes();
    brs.producer_price = Some(Rupiah(14_000));
    ledger
        .update_product("BRS", &brs, "Pak Kepala", at("2026-11-22 10:05"))
        .unwrap();
    // Only a price change is price history.
    let mut krps = record(&ledger, "KRPS").changes();
    krps.name = "Keripik Pisang Manis".into();
    ledger
        .update_product("KRPS", &krps, "Bu Manajer", at("2026-11-22 10:10"))
        .unwrap();

    assert_eq!(ledger.sale(before.id).unwrap(), before);
    // The same figures; only the open day's chain head moved on with the price history.
    let after = ledger.day_report(date("2026-11-22")).unwrap().unwrap();
    assert_ne!(after.chain_head, report.chain_head);
    assert_eq!(
        pojok::domain::DayReport {
            chain_head: None,
            ..after
        },
        pojok::domain::DayReport {
            chain_head: None,
            ..report
        }
    );
    let history = ledger.price_changes("LMPR").unwrap();
    assert_eq!(history.len(), 1);
    let change = &history[0];
    assert_eq!(
        (
            change.at,
            change.actor.as_str(),
            change.old_price,
            change.new_price,
            change.old_producer_price,
            change.new_producer_price
        ),
        (
            at("2026-11-22 10:00"),
            "Bu Manajer",
            Rupiah(3_500),
            Rupiah(4_000),
            None,
            None
        )
    );
    let history = ledger.price_changes("BRS").unwrap();
    assert_eq!(
        (
            history[0].actor.as_str(),
            history[0].old_producer_price,
            history[0].new_producer_price
        ),
        ("Pak Kepala", Some(Rupiah(13_500)), Some(Rupiah(14_000)))
    );
    assert!(ledger.price_changes("KRPS").unwrap().is_empty());

    // A new sale takes the new price, and the name with its variant is frozen on the line.
    let after = sell(&mut ledger, &[("LMPR", pcs(2))], at("2026-11-22 11:00"));
    assert_eq!(after.total, Rupiah(8_000));
    assert_eq!(after.lines[0].name, "Lemper Ayam Pedas");
    assert_eq!(ledger.sale(before.id).unwrap().lines[0].name, "Lemper Ayam");
}

#[test]
fn a_rate_or_scheme_change_is_recorded_and_keeps_every_product_sellable() {
    let (_dir, mut ledger) = shop();
    rina_opens(&mut ledger, "2026-11-22", 100_000, "07:00");
    let earlier = sell(&mut ledger, &[("LMPR", pcs(2))], at("2026-11-22 09:00"));
    let sri = ledger.producers().unwrap().remove(0);
    assert_eq!(sri.code, "SRI");

    let mut changes = sri.changes();
    changes.scheme = Scheme::Percentage {
        rate: Rate::from_basis_points(2000).unwrap(),
    };
    changes.address = "Jl. Pandanaran 79".into();
    changes.account = "BRI 0123-01-000123-50-1".into();
    ledger
        .update_producer("SRI", &changes, "Bu Manajer", at("2026-11-22 10:00"))
        .unwrap();
    assert_eq!(ledger.sale(earlier.id).unwrap(), earlier);
    let later = sell(&mut ledger, &[("LMPR", pcs(2))], at("2026-11-22 10:30"));
    assert_eq!(
        (later.lines[0].producer_share, later.lines[0].corner_share),
        (Rupiah(5_600), Rupiah(1_400))
    );
    let sri = ledger.producers().unwrap().remove(0);
    assert_eq!(sri.account, "BRI 0123-01-000123-50-1");

    // To producer price: every product needs one, or nothing changes.
    let mut to_pp = sri.changes();
    to_pp.scheme = Scheme::ProducerPrice;
    to_pp.producer_prices = vec![("LMPR".into(), Rupiah(3_000))];
    let path = ledger.path().to_path_buf();
    let before = common::snapshot(&path);
    let e = ledger
        .update_producer("SRI", &to_pp, "Bu Manajer", at("2026-11-22 11:00"))
        .unwrap_err();
    assert!(
        matches!(e, LedgerError::InvalidProduct(ref m) if m.contains("KRPS")),
        "{e:?}"
    );
    assert_eq!(common::snapshot(&path), before);
    to_pp.producer_prices = vec![
        ("LMPR".into(), Rupiah(3_000)),
        ("krps".into(), Rupiah(10_000)),
    ];
    ledger
        .update_producer("SRI", &to_pp, "Bu Manajer", at("2026-11-22 11:00"))
        .unwrap();
    let pp = sell(&mut ledger, &[("KRPS", pcs(1))], at("2026-11-22 11:30"));
    assert_eq!(pp.lines[0].producer_share, Rupiah(10_000));

    // And back: the producer prices go, recorded as price changes.
    let mut back = ledger.producers().unwrap().remove(0).changes();
    back.scheme = Scheme::Percentage {
        rate: Rate::from_basis_points(1500).unwrap(),
    };
    ledger
        .update_producer("SRI", &back, "Bu Manajer", at("2026-11-22 12:00"))
        .unwrap();
    assert!(
        ledger
            .products()
            .unwrap()
            .iter()
            .filter(|p| p.producer_code == "SRI")
            .all(|p| p.producer_price.is_none())
    );
    assert_eq!(ledger.active_products().unwrap().len(), 3);
    let krps_prices: Vec<_> = ledger
        .price_changes("KRPS")
        .unwrap()
        .into_iter()
        .map(|c| (c.old_producer_price, c.new_producer_price))
        .collect();
    assert_eq!(
        krps_prices,
        [(None, Some(Rupiah(10_000))), (Some(Rupiah(10_000)), None)]
    );
    let rates: Vec<_> = ledger
        .rate_changes("SRI")
        .unwrap()
        .into_iter()
        .map(|c| (c.at, c.actor, c.old, c.new))
        .collect();
    let pct = |bp| Scheme::Percentage {
        rate: Rate::from_basis_points(bp).unwrap(),
    };
    assert_eq!(
        rates,
        [
            (
                at("2026-11-22 10:00"),
                "Bu Manajer".into(),
                pct(1500),
                pct(2000)
            ),
            (
                at("2026-11-22 11:00"),
                "Bu Manajer".into(),
                pct(2000),
                Scheme::ProducerPrice
            ),
            (
                at("2026-11-22 12:00"),
                "Bu Manajer".into(),
                Scheme::ProducerPrice,
                pct(1500)
            ),
        ]
    );
    // An edit that keeps the scheme is no rate history.
    let mut same = ledger.producers().unwrap().remove(0).changes();
    same.phone = "0812-9999-0000".into();
    ledger
        .update_producer("SRI", &same, "Bu Manajer", at("2026-11-22 13:00"))
        .unwrap();
    assert_eq!(ledger.rate_changes("SRI").unwrap().len(), 3);
}

#[test]
fn refusals_leave_everything_unchanged() {
    let (_dir, mut ledger) = shop();
    let path = ledger.path().to_path_buf();
    rina_opens(&mut ledger, "2026-11-22", 100_000, "07:00");
    ledger
        .receive_stock(
            "SRI",
            &[line("LMPR", 5, None)],
            "Rina",
            at("2026-11-22 07:30"),
        )
        .unwrap();
    let when = at("2026-11-22 08:00");

    let unchanged = |ledger: &mut Ledger, attempt: &dyn Fn(&mut Ledger) -> LedgerError| {
        let before = common::snapshot(&path);
        let e = attempt(ledger);
        assert_eq!(common::snapshot(&path), before, "{e:?} changed the ledger");
        e
    };

    // BRS is Pak Tani's: a delivery of Bu Sri's that lists it is refused whole.
    let e = unchanged(&mut ledger, &|l| {
        l.receive_stock(
            "SRI",
            &[line("KRPS", 5, None), line("BRS", 2, None)],
            "Rina",
            when,
        )
        .unwrap_err()
    });
    assert!(
        matches!(e, LedgerError::ProductOfAnotherProducer { ref product, ref producer }
            if product == "BRS" && producer == "SRI"),
        "{e:?}"
    );
    let e = unchanged(&mut ledger, &|l| {
        l.receive_stock(
            "SRI",
            &[line("KRPS", 5, None), line("NOPE", 2, None)],
            "Rina",
            when,
        )
        .unwrap_err()
    });
    assert!(
        matches!(e, LedgerError::UnknownProduct(ref c) if c == "NOPE"),
        "{e:?}"
    );
    let e = unchanged(&mut ledger, &|l| {
        l.receive_stock("NOBODY", &[line("KRPS", 5, None)], "Rina", when)
            .unwrap_err()
    });
    assert!(
        matches!(e, LedgerError::UnknownProducer(ref c) if c == "NOBODY"),
        "{e:?}"
    );
    let e = unchanged(&mut ledger, &|l| {
        l.receive_stock("SRI", &[], "Rina", when).unwrap_err()
    });
    assert!(matches!(e, LedgerError::EmptyDocument), "{e:?}");
    let e = unchanged(&mut ledger, &|l| {
        l.return_stock("SRI", &[], "", "Rina", when).unwrap_err()
    });
    assert!(matches!(e, LedgerError::EmptyDocument), "{e:?}");

    for (bad, problem) in [
        (Quantity::from_milli(0), QuantityError::NotPositive),
        (Quantity::from_milli(-2_000), QuantityError::NotPositive),
        (Quantity::from_milli(1_500), QuantityError::NotWhole),
        (Quantity::whole(10_000), QuantityError::TooLarge),
    ] {
        let is_problem = |e: &LedgerError| {
            matches!(e, LedgerError::InvalidQuantity { code, problem: p }
                if code == "KRPS" && *p == problem)
        };
        let intake = IntakeLine {
            product_code: "KRPS".into(),
            quantity: bad,
            best_before: None,
        };
        let e = unchanged(&mut ledger, &|l| {
            l.receive_stock(
                "SRI",
                &[line("LMPR", 1, None), intake.clone()],
                "Rina",
                when,
            )
            .unwrap_err()
        });
        assert!(is_problem(&e), "intake {bad:?}: {e:?}");
        let e = unchanged(&mut ledger, &|l| {
            l.return_stock("SRI", &[("KRPS".into(), bad)], "", "Rina", when)
                .unwrap_err()
        });
        assert!(is_problem(&e), "return {bad:?}: {e:?}");
        let e = unchanged(&mut ledger, &|l| {
            l.write_off("KRPS", bad, "rusak", false, "Rina", when)
                .unwrap_err()
        });
        assert!(is_problem(&e), "write-off {bad:?}: {e:?}");
    }
    let e = unchanged(&mut ledger, &|l| {
        l.return_stock("TANI", &[("LMPR".into(), pcs(1))], "", "Rina", when)
            .unwrap_err()
    });
    assert!(
        matches!(e, LedgerError::ProductOfAnotherProducer { .. }),
        "{e:?}"
    );

    for reason in ["", "  "] {
        let e = unchanged(&mut ledger, &|l| {
            l.write_off("LMPR", pcs(1), reason, false, "Rina", when)
                .unwrap_err()
        });
        assert!(matches!(e, LedgerError::EmptyReason), "{e:?}");
        let e = unchanged(&mut ledger, &|l| {
            l.count_stock("LMPR", sq(3), reason, false, "Rina", when)
                .unwrap_err()
        });
        assert!(matches!(e, LedgerError::EmptyReason), "{e:?}");
    }
    for (counted, problem) in [
        (sq(-1), QuantityError::Negative),
        (StockQuantity::from_milli(2_500), QuantityError::NotWhole),
    ] {
        let e = unchanged(&mut ledger, &|l| {
            l.count_stock("LMPR", counted, "opname", false, "Rina", when)
                .unwrap_err()
        });
        assert!(
            matches!(e, LedgerError::InvalidQuantity { problem: p, .. } if p == problem),
            "{e:?}"
        );
    }
    let e = unchanged(&mut ledger, &|l| {
        l.write_off("NOPE", pcs(1), "hilang", false, "Rina", when)
            .unwrap_err()
    });
    assert!(matches!(e, LedgerError::UnknownProduct(_)), "{e:?}");

    // The catalogue's edits.
    let krps = changes_of(&ledger, "KRPS");
    let barcode_of_krps = krps.barcode.clone();
    let edits = [
        (
            "KRPS",
            ProductChanges {
                name: "  ".into(),
                ..krps.clone()
            },
        ),
        (
            "KRPS",
            ProductChanges {
                price: Rupiah(0),
                ..krps.clone()
            },
        ),
        (
            "KRPS",
            ProductChanges {
                producer_price: Some(Rupiah(100)),
                ..krps.clone()
            },
        ),
        (
            "KRPS",
            ProductChanges {
                min_stock: sq(-1),
                ..krps.clone()
            },
        ),
        (
            "KRPS",
            ProductChanges {
                min_stock: StockQuantity::from_milli(500),
                ..krps.clone()
            },
        ),
        ("NOPE", krps.clone()),
    ];
    for (code, changes) in edits {
        let e = unchanged(&mut ledger, &|l| {
            l.update_product(code, &changes, "Bu Manajer", when)
                .unwrap_err()
        });
        assert!(
            matches!(
                e,
                LedgerError::InvalidProduct(_)
                    | LedgerError::InvalidQuantity { .. }
                    | LedgerError::UnknownProduct(_)
            ),
            "{code} {changes:?}: {e:?}"
        );
    }
    let brs = changes_of(&ledger, "BRS");
    for pp in [None, Some(Rupiah(15_001))] {
        let changes = ProductChanges {
            producer_price: pp,
            ..brs.clone()
        };
        let e = unchanged(&mut ledger, &|l| {
            l.update_product("BRS", &changes, "Bu Manajer", when)
                .unwrap_err()
        });
        assert!(matches!(e, LedgerError::InvalidProduct(_)), "{pp:?}: {e:?}");
    }
    let stolen = ProductChanges {
        barcode: barcode_of_krps.clone(),
        ..brs.clone()
    };
    let e = unchanged(&mut ledger, &|l| {
        l.update_product("BRS", &stolen, "Bu Manajer", when)
            .unwrap_err()
    });
    assert!(
        matches!(e, LedgerError::DuplicateBarcode(ref b) if Some(b) == barcode_of_krps.as_ref()),
        "{e:?}"
    );
    let tani = ledger.producers().unwrap().remove(1).changes();
    let e = unchanged(&mut ledger, &|l| {
        let mut c = tani.clone();
        c.name = String::new();
        l.update_producer("TANI", &c, "Bu Manajer", when)
            .unwrap_err()
    });
    assert!(matches!(e, LedgerError::InvalidProducer(_)), "{e:?}");
    let e = unchanged(&mut ledger, &|l| {
        let mut c = tani.clone();
        c.producer_prices = vec![("BRS".into(), Rupiah(1))];
        l.update_producer("TANI", &c, "Bu Manajer", when)
            .unwrap_err()
    });
    assert!(matches!(e, LedgerError::InvalidProducer(_)), "{e:?}");

    assert_eq!(level(&ledger, None, "LMPR").on_hand, sq(5));
    assert!(ledger.stock_matches_history().unwrap().is_empty());
}

#[test]
fn stock_history_cannot_be_rewritten_and_a_tampered_projection_is_found() {
    let (_dir, mut ledger) = shop();
    let path = ledger.path().to_path_buf();
    rina_opens(&mut ledger, "2026-11-22", 100_000, "07:00");
    let first = ledger
        .receive_stock(
            "SRI",
            &[line("LMPR", 10, None)],
            "Rina",
            at("2026-11-22 07:30"),
        )
        .unwrap();
    let old_sale = sell(&mut ledger, &[("LMPR", pcs(1))], at("2026-11-22 08:00"));
    sell(&mut ledger, &[("KRPS", pcs(1))], at("2026-11-22 08:05"));
    ledger
        .write_off(
            "LMPR",
            pcs(1),
            "jatuh",
            false,
            "Rina",
            at("2026-11-22 08:10"),
        )
        .unwrap();
    let mut lmpr = changes_of(&ledger, "LMPR");
    lmpr.price = Rupiah(4_000);
    ledger
        .update_product("LMPR", &lmpr, "Bu Manajer", at("2026-11-22 08:20"))
        .unwrap();
    let mut tani = ledger.producers().unwrap().remove(1).changes();
    tani.scheme = Scheme::Percentage {
        rate: Rate::from_basis_points(1000).unwrap(),
    };
    ledger
        .update_producer("TANI", &tani, "Bu Manajer", at("2026-11-22 08:30"))
        .unwrap();

    let (d, s) = (first.id, old_sale.id);
    let statements = [
        "UPDATE stock_moves SET quantity_milli = quantity_milli * 2".to_string(),
        "DELETE FROM stock_moves WHERE kind = 'write_off'".to_string(),
        "INSERT OR REPLACE INTO stock_moves (id, product_id, kind, quantity_milli, document_id, at)
         SELECT id, product_id, kind, quantity_milli + 1000, document_id, at
         FROM stock_moves WHERE kind = 'intake'"
            .to_string(),
        "UPDATE stock_documents SET corner_at_fault = 1".to_string(),
        "DELETE FROM stock_documents".to_string(),
        "REPLACE INTO stock_documents (kind, producer_id, number, at, actor, day_id)
         SELECT kind, producer_id, number, at, 'x', day_id FROM stock_documents"
            .to_string(),
        "UPDATE price_changes SET actor = 'x'".to_string(),
        "DELETE FROM price_changes".to_string(),
        "INSERT OR REPLACE INTO price_changes (id, product_id, at, actor, old_price, new_price)
         SELECT id, product_id, at, 'x', 1, 2 FROM price_changes"
            .to_string(),
        "UPDATE rate_changes SET new_rate_bp = 0".to_string(),
        "DELETE FROM rate_changes".to_string(),
        // Moves slipped in later: onto an earlier entry, an earlier sale, a sale never made,
        // a void that never happened, or with the wrong sign.
        format!(
            "INSERT INTO stock_moves (product_id, kind, quantity_milli, document_id, at)
             VALUES (1, 'intake', 5000, {d}, '2026-11-22 09:00:00')"
        ),
        format!(
            "INSERT INTO stock_moves (product_id, kind, quantity_milli, sale_id, at)
             VALUES (1, 'sale', -1000, {s}, '2026-11-22 09:00:00')"
        ),
        format!(
            "INSERT INTO stock_moves (product_id, kind, quantity_milli, sale_id, at)
             VALUES (1, 'void', 1000, {s}, '2026-11-22 09:00:00')"
        ),
        "INSERT INTO stock_moves (product_id, kind, quantity_milli, document_id, at)
         SELECT 1, 'write_off', 1000, MAX(id), '2026-11-22 09:00:00' FROM stock_documents"
            .to_string(),
        // An entry dated to no day while a day is open.
        "INSERT INTO stock_documents (kind, producer_id, number, at, actor, note)
         VALUES ('return', 1, 99, '2026-11-22 09:00:00', 'x', '')"
            .to_string(),
    ];
    common::refused_both_ways(&path, &statements);
    let bare = Connection::open(&path).unwrap();

    // The projection is not history and can be edited; the check finds it.
    assert!(ledger.stock_matches_history().unwrap().is_empty());
    bare.execute_batch(
        "UPDATE stock SET on_hand_milli = on_hand_milli + 3000
         WHERE product_id = (SELECT id FROM products WHERE code = 'LMPR');
         DELETE FROM stock WHERE product_id = (SELECT id FROM products WHERE code = 'KRPS');",
    )
    .unwrap();
    let found: Vec<_> = ledger
        .stock_matches_history()
        .unwrap()
        .into_iter()
        .map(|m| (m.code, m.projected, m.from_moves))
        .collect();
    assert_eq!(
        found,
        [
            ("KRPS".to_string(), StockQuantity::ZERO, sq(-1)),
            ("LMPR".to_string(), sq(11), sq(8)),
        ]
    );
}

/// One step of a random day at the corner. Quantities are seeds, turned into a quantity
/// that fits the product's unit.
#[derive(Clone, Debug)]
enum Op {
    Intake(usize, u32),
    Sale(Vec<(usize, u32)>),
    Void(usize),
    Return(usize, u32),
    WriteOff(usize, u32, bool),
    Count(usize, u32),
    DailyReturn,
    NextDay,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0usize..3, any::<u32>()).prop_map(|(p, q)| Op::Intake(p, q)),
        4 => prop::collection::vec((0usize..3, any::<u32>()), 1..4).prop_map(Op::Sale),
        1 => any::<usize>().prop_map(Op::Void),
        1 => (0usize..3, any::<u32>()).prop_map(|(p, q)| Op::Return(p, q)),
        1 => (0usize..3, any::<u32>(), any::<bool>()).prop_map(|(p, q, c)| Op::WriteOff(p, q, c)),
        1 => (0usize..3, any::<u32>()).prop_map(|(p, q)| Op::Count(p, q)),
        1 => Just(Op::DailyReturn),
        1 => Just(Op::NextDay),
    ]
}

const CODES: [&str; 3] = ["LMPR", "KRPS", "BRS"];
/// LMPR and BRS are daily goods; BRS is weighed.
const DAILY: [bool; 3] = [true, false, true];
const WEIGHED: [bool; 3] = [false, false, true];

fn milli(product: usize, seed: u32, zero_allowed: bool) -> i64 {
    let seed = i64::from(seed);
    let base = i64::from(!zero_allowed);
    if WEIGHED[product] {
        base + seed % 5_000
    } else {
        (base + seed % 20) * 1_000
    }
}

/// What the test expects, kept by hand: on hand, and what moved today, per product.
#[derive(Default, Debug, PartialEq)]
struct Model {
    on_hand: [i64; 3],
    received: [i64; 3],
    sold: [i64; 3],
    returned: [i64; 3],
    written_off: [i64; 3],
    counted: [i64; 3],
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever happens at the corner, on hand (the projection) equals the sum of the moves
    /// and a model kept by hand, and the day's figures are the model's.
    #[test]
    fn on_hand_is_always_the_sum_of_the_moves(ops in prop::collection::vec(op(), 1..25)) {
        let (_dir, mut ledger) = shop();
        let path = ledger.path().to_path_buf();
        for code in ["LMPR", "BRS"] {
            let mut c = ledger.products().unwrap().into_iter().find(|p| p.code == code).unwrap().changes();
            c.daily = true;
            ledger.update_product(code, &c, "Bu Manajer", at("2026-11-01 06:00")).unwrap();
        }
        let mut day = date("2026-11-01");
        ledger.open_day(day, "Rina", Rupiah(0), day.and_hms_opt(7, 0, 0).unwrap()).unwrap();
        let mut model = Model::default();
        // Sales of the open day not voided yet, with their (product, milli) lines.
        let mut live: Vec<(i64, Vec<(usize, i64)>)> = Vec::new();
        let producer = |p: usize| if p == 2 { "TANI" } else { "SRI" };

        for (i, op) in ops.into_iter().enumerate() {
            let when = day.and_hms_opt(8, 0, 0).unwrap()
                + chrono::Duration::minutes(i64::try_from(i).unwrap());
            match op {
                Op::Intake(p, seed) => {
                    let m = milli(p, seed, false);
                    let doc = ledger.receive_stock(producer(p), &[IntakeLine {
                        product_code: CODES[p].into(),
                        quantity: Quantity::from_milli(m),
                        best_before: None,
                    }], "Rina", when).unwrap();
                    prop_assert_eq!(doc.lines[0].on_hand_before.milli(), model.on_hand[p]);
                    model.on_hand[p] += m;
                    model.received[p] += m;
                }
                Op::Sale(lines) => {
                    let lines: Vec<(usize, i64)> =
                        lines.into_iter().map(|(p, seed)| (p, milli(p, seed, false))).collect();
                    let wanted: Vec<(&str, Quantity)> = lines
                        .iter()
                        .map(|&(p, m)| (CODES[p], Quantity::from_milli(m)))
                        .collect();
                    let sale = sell(&mut ledger, &wanted, when);
                    for &(p, m) in &lines {
                        model.on_hand[p] -= m;
                        model.sold[p] += m;
                    }
                    live.push((sale.id, lines));
                }
                Op::Void(pick) => {
                    if live.is_empty() {
                        continue;
                    }
                    let (id, lines) = live.remove(pick % live.len());
                    ledger.void_sale(id, "batal", "Rina", when).unwrap();
                    for (p, m) in lines {
                        model.on_hand[p] += m;
                        model.sold[p] -= m;
                    }
                }
                Op::Return(p, seed) => {
                    let m = milli(p, seed, false);
                    ledger.return_stock(producer(p), &[(CODES[p].into(), Quantity::from_milli(m))],
                        "", "Rina", when).unwrap();
                    model.on_hand[p] -= m;
                    model.returned[p] += m;
                }
                Op::WriteOff(p, seed, corner) => {
                    let m = milli(p, seed, false);
                    let doc = ledger.write_off(CODES[p], Quantity::from_milli(m), "rusak", corner,
                        "Rina", when).unwrap();
                    prop_assert_eq!(doc.corner_at_fault, corner);
                    model.on_hand[p] -= m;
                    model.written_off[p] += m;
                }
                Op::Count(p, seed) => {
                    let counted = milli(p, seed, true);
                    let doc = ledger.count_stock(CODES[p], StockQuantity::from_milli(counted),
                        "opname", false, "Rina", when).unwrap();
                    prop_assert_eq!(doc.lines[0].quantity.milli(), counted - model.on_hand[p]);
                    model.counted[p] += counted - model.on_hand[p];
                    model.on_hand[p] = counted;
                }
                Op::DailyReturn => {
                    let docs = ledger.return_daily_goods("retur harian", "Rina", when).unwrap();
                    let left: Vec<usize> =
                        (0..3).filter(|&p| DAILY[p] && model.on_hand[p] > 0).collect();
                    let with_goods: Vec<&str> = left.iter().map(|&p| producer(p)).collect();
                    let producers: Vec<&str> = docs.iter().map(|d| d.producer_code.as_str()).collect();
                    prop_assert_eq!(producers, with_goods);
                    for p in left {
                        model.returned[p] += model.on_hand[p];
                        model.on_hand[p] = 0;
                    }
                }
                Op::NextDay => {
                    common::close_counted(&mut ledger, "Rina", when).unwrap();
                    day = day.succ_opt().unwrap();
                    ledger.open_day(day, "Rina", Rupiah(0), day.and_hms_opt(7, 0, 0).unwrap()).unwrap();
                    live.clear();
                    let on_hand = model.on_hand;
                    model = Model { on_hand, ..Model::default() };
                }
            }
            for (p, code) in CODES.iter().enumerate() {
                prop_assert_eq!(level(&ledger, None, code).on_hand.milli(), model.on_hand[p], "{} after {}", code, i);
            }
        }

        let mut seen = Model::default();
        for (p, code) in CODES.iter().enumerate() {
            let l = level(&ledger, Some(day), code);
            prop_assert_eq!(sum_of_moves(&path, code), model.on_hand[p]);
            prop_assert_eq!(l.oversold(), model.on_hand[p] < 0);
            seen.on_hand[p] = l.on_hand.milli();
            seen.received[p] = l.day.received.milli();
            seen.sold[p] = l.day.sold.milli();
            seen.returned[p] = l.day.returned.milli();
            seen.written_off[p] = l.day.written_off.milli();
            seen.counted[p] = l.day.counted.milli();
        }
        prop_assert_eq!(seen, model);
        prop_assert!(ledger.stock_matches_history().unwrap().is_empty());
    }
}
