//! Checks `assets/demo.json`, the newcomer's first look, against the rules the kiosk itself
//! keeps: a demo that shows a bad barcode or a sale paid short would teach the wrong thing.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use chrono::NaiveTime;
use pojok::demo::{DemoFile, DemoProduct};
use pojok::domain::share::line_total;
use pojok::domain::{PaymentMethod, Rate, Rupiah, Tender, Unit, parse_quantity};
use rust_decimal::Decimal;

fn demo() -> DemoFile {
    pojok::demo::data().expect("assets/demo.json matches the loader's schema")
}

fn is_code(code: &str) -> bool {
    (2..=8).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

/// EAN-13: digits weighted 1, 3, 1, 3, … from the left; the check digit tops the sum up
/// to a multiple of ten.
fn ean13_valid(barcode: &str) -> bool {
    if barcode.len() != 13 || !barcode.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let digits: Vec<u32> = barcode.bytes().map(|b| u32::from(b - b'0')).collect();
    let sum: u32 = digits[..12]
        .iter()
        .enumerate()
        .map(|(i, d)| if i % 2 == 0 { *d } else { d * 3 })
        .sum();
    (10 - sum % 10) % 10 == digits[12]
}

/// `0812-3456-7890`: an Indonesian mobile number as people write it.
fn is_phone(phone: &str) -> bool {
    let groups: Vec<&str> = phone.split('-').collect();
    phone.starts_with("08")
        && groups.len() == 3
        && groups[0].len() == 4
        && groups[1].len() == 4
        && (3..=4).contains(&groups[2].len())
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
}

fn time(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").unwrap_or_else(|_| panic!("bad time {text:?}"))
}

#[test]
fn check_digit_rule_is_the_ean13_one() {
    // The first is the textbook EAN-13 example; altering a check digit must be refused.
    assert!(ean13_valid("4006381333931"));
    assert!(ean13_valid("8991002101104"));
    assert!(!ean13_valid("4006381333932"));
    assert!(!ean13_valid("8991002101105"));
    assert!(!ean13_valid("899100210110"));
}

#[test]
fn producers_are_complete_and_use_both_schemes() {
    let demo = demo();
    assert!(demo.shop.name.starts_with("Pojok UMKM"));
    assert!(!demo.shop.office.trim().is_empty() && demo.shop.address.starts_with("Jl. "));
    assert!((6..=10).contains(&demo.producers.len()));
    let mut codes = HashSet::new();
    for p in &demo.producers {
        assert!(is_code(&p.code), "producer code {:?}", p.code);
        assert!(codes.insert(&p.code), "producer code {} twice", p.code);
        assert!(!p.name.trim().is_empty());
        assert!(is_phone(&p.phone), "phone {:?}", p.phone);
        match (p.scheme.as_str(), &p.rate_percent) {
            ("percentage", Some(rate)) => {
                let percent = Decimal::from_str(rate).expect("rate_percent is a number");
                let bp = percent * Decimal::from(100);
                assert!(
                    bp.fract().is_zero(),
                    "{} rate {rate} finer than 0.01 %",
                    p.code
                );
                let bp = u32::try_from(bp.trunc()).unwrap_or(u32::MAX);
                assert!(Rate::from_basis_points(bp).is_some() && bp > 0 && bp < 10_000);
            }
            ("producer_price", None) => {}
            (scheme, rate) => panic!("{}: scheme {scheme:?} with rate {rate:?}", p.code),
        }
    }
    let count = |scheme: &str| demo.producers.iter().filter(|p| p.scheme == scheme).count();
    assert!(count("producer_price") >= 2);
    assert!(count("percentage") > count("producer_price"));
}

#[test]
fn products_have_valid_codes_barcodes_producers_and_prices() {
    let demo = demo();
    let schemes: HashMap<&str, &str> = demo
        .producers
        .iter()
        .map(|p| (p.code.as_str(), p.scheme.as_str()))
        .collect();
    assert!((30..=50).contains(&demo.products.len()));
    let mut seen = HashSet::new();
    let mut with_barcode = 0;
    for p in &demo.products {
        assert!(is_code(&p.code), "product code {:?}", p.code);
        assert!(seen.insert(p.code.clone()), "code {} twice", p.code);
        if let Some(barcode) = &p.barcode {
            with_barcode += 1;
            assert!(barcode.starts_with("899"), "{barcode} is not Indonesian");
            assert!(
                ean13_valid(barcode),
                "{}: bad check digit {barcode}",
                p.code
            );
            assert!(seen.insert(barcode.clone()), "barcode {barcode} twice");
        }
        assert!(!p.name.trim().is_empty());
        assert!(
            Unit::from_str(&p.unit).is_ok(),
            "{}: unit {:?}",
            p.code,
            p.unit
        );
        assert!(
            p.price > 0 && p.price % 500 == 0,
            "{}: price {}",
            p.code,
            p.price
        );
        let scheme = schemes
            .get(p.producer.as_str())
            .unwrap_or_else(|| panic!("{}: no producer {}", p.code, p.producer));
        match (*scheme, p.producer_price) {
            ("producer_price", Some(pp)) => assert!(0 < pp && pp < p.price, "{}", p.code),
            ("percentage", None) => {}
            (scheme, pp) => panic!("{}: producer_price {pp:?} under {scheme}", p.code),
        }
    }
    assert!(
        with_barcode * 2 > demo.products.len(),
        "most products have a barcode"
    );
    for size in ["S", "M", "L", "XL", "XXL"] {
        assert!(
            seen.contains(&format!("KAOS-{size}")),
            "no kaos in size {size}"
        );
        // The size is the product's variant: one name, told apart on screen and paper.
        let kaos = demo
            .products
            .iter()
            .find(|p| p.code == format!("KAOS-{size}"));
        assert_eq!(kaos.map(|p| p.variant.as_str()), Some(size));
    }
    let weighed = demo.products.iter().filter(|p| p.unit == "kg").count();
    assert!(weighed >= 2);
}

#[test]
fn the_morning_can_be_rung_up_and_paid_as_written() {
    let demo = demo();
    let products: HashMap<&str, &DemoProduct> =
        demo.products.iter().map(|p| (p.code.as_str(), p)).collect();
    assert!((10..=20).contains(&demo.morning.len()));
    let (opening, closing) = (time("07:45"), time("11:30"));
    let mut previous = None;
    let mut seen_methods = HashSet::new();
    let (mut cash_with_change, mut exact_cash, mut weighed) = (0, 0, 0);
    for (i, sale) in demo.morning.iter().enumerate() {
        let at = time(&sale.time);
        assert!(opening <= at && at <= closing, "sale {} at {at}", i + 1);
        assert!(
            previous.is_none_or(|p| p < at),
            "sale {} out of order",
            i + 1
        );
        previous = Some(at);
        assert!(!sale.lines.is_empty());
        let mut total = Rupiah::ZERO;
        for (code, quantity) in &sale.lines {
            let product = products
                .get(code.as_str())
                .unwrap_or_else(|| panic!("sale {}: no product {code}", i + 1));
            let unit = Unit::from_str(&product.unit).unwrap();
            let quantity = parse_quantity(quantity, unit)
                .unwrap_or_else(|e| panic!("sale {}: {quantity:?} {unit}: {e}", i + 1));
            weighed += usize::from(unit.is_weighed());
            total += line_total(Rupiah(product.price), quantity);
        }
        let method = PaymentMethod::from_str(&sale.pay)
            .unwrap_or_else(|_| panic!("sale {}: pay {:?}", i + 1, sale.pay));
        seen_methods.insert(method);
        assert!(
            sale.tendered.is_none() || method == PaymentMethod::Cash,
            "sale {}: tendered is for cash only",
            i + 1
        );
        assert_eq!(
            sale.customer.is_some(),
            method == PaymentMethod::Tab,
            "sale {}: a customer goes with a tab, and only with it",
            i + 1
        );
        if let Some(name) = &sale.customer {
            assert!(
                demo.customers.iter().any(|c| c.name == *name),
                "sale {}: no customer {name}",
                i + 1
            );
        }
        let payment = Tender::new(total)
            .pay_rest(method, sale.tendered.map(Rupiah))
            .unwrap_or_else(|e| panic!("sale {} of {total}: {e:?}", i + 1));
        if method == PaymentMethod::Cash {
            if payment.change > Rupiah::ZERO {
                cash_with_change += 1;
            } else {
                exact_cash += 1;
            }
        }
    }
    assert_eq!(seen_methods.len(), PaymentMethod::ALL.len());
    assert!(cash_with_change >= 2 && exact_cash >= 1 && weighed >= 2);
}

#[test]
fn exactly_one_sale_is_voided_after_it_was_made() {
    let demo = demo();
    assert_eq!(demo.voids.len(), 1);
    let void = &demo.voids[0];
    assert!((1..=demo.morning.len()).contains(&void.sale));
    let sold_at = time(&demo.morning[void.sale - 1].time);
    let voided_at = time(&void.time);
    assert!(sold_at <= voided_at && voided_at <= time("11:30"));
    assert!(!void.reason.trim().is_empty());
}

#[test]
fn bu_sris_cakes_are_daily_and_deliveries_come_before_the_first_sale() {
    let demo = demo();
    let products: HashMap<&str, &DemoProduct> =
        demo.products.iter().map(|p| (p.code.as_str(), p)).collect();
    for p in &demo.products {
        assert_eq!(
            p.daily,
            p.producer == "SRI",
            "{}: daily is for kue basah",
            p.code
        );
        if let Some(min) = &p.min_stock {
            let unit = Unit::from_str(&p.unit).unwrap();
            assert!(
                parse_quantity(min, unit).is_ok(),
                "{}: min_stock {min}",
                p.code
            );
        }
    }
    // The day opens 15 minutes before the first sale; deliveries come in between.
    let first_sale = time(&demo.morning[0].time);
    let opening = first_sale - chrono::Duration::minutes(15);
    let mut previous = opening;
    let mut received: HashMap<&str, Decimal> = HashMap::new();
    for delivery in &demo.intake {
        let at = time(&delivery.time);
        assert!(previous < at && at < first_sale, "delivery at {at}");
        previous = at;
        assert!(!delivery.lines.is_empty());
        let mut codes = HashSet::new();
        for line in &delivery.lines {
            let product = products
                .get(line.code.as_str())
                .unwrap_or_else(|| panic!("intake: no product {}", line.code));
            assert_eq!(product.producer, delivery.producer, "{}", line.code);
            assert!(codes.insert(line.code.as_str()), "{} twice", line.code);
            let unit = Unit::from_str(&product.unit).unwrap();
            let q = parse_quantity(&line.quantity, unit)
                .unwrap_or_else(|e| panic!("intake {}: {}: {e}", line.code, line.quantity));
            *received.entry(line.code.as_str()).or_default() += q.as_decimal();
            if product.daily {
                assert_eq!(line.best_before_days, Some(0), "{}: made today", line.code);
            }
        }
    }
    let voided: HashSet<usize> = demo.voids.iter().map(|v| v.sale - 1).collect();
    let mut on_hand = received.clone();
    for (i, sale) in demo.morning.iter().enumerate() {
        if voided.contains(&i) {
            continue;
        }
        for (code, quantity) in &sale.lines {
            let unit = Unit::from_str(&products[code.as_str()].unit).unwrap();
            *on_hand.entry(code.as_str()).or_default() -=
                parse_quantity(quantity, unit).unwrap().as_decimal();
        }
    }
    // One product sold without a recorded delivery shows the oversold flag; no more.
    let oversold: Vec<&str> = on_hand
        .iter()
        .filter(|(_, q)| q.is_sign_negative())
        .map(|(code, _)| *code)
        .collect();
    assert_eq!(oversold, ["KAOS-XXL"]);
}
