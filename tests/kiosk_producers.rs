//! The producers screen on a real ledger file, driven key by key through the keymap, `update`
//! and the runtime (`kiosk::Runtime`) as the event loop does it, without a terminal.

mod common;

use common::*;
use pojok::domain::{NewProduct, Rate, Rupiah, Scheme, StockQuantity, Unit};
use pojok::ledger::Ledger;
use pojok::ui::Focus;
use ratatui::crossterm::event::KeyCode;

/// Whether the till's catalogue sells `code`.
fn sells(k: &Kiosk, code: &str) -> bool {
    k.app.catalogue().lookup(code).is_some()
}

#[test]
fn a_producer_added_at_the_kiosk_sells_its_product_and_stops_when_deactivated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    add_users(&mut ledger);
    // The manager: rate changes are theirs.
    let mut k = Kiosk::signed_in(ledger, "Budi", BUDI_PIN);
    k.type_text("0");
    k.key(KeyCode::Enter);
    assert!(k.app.status().is_some(), "{}", k.note());

    // F3 F3: the producers screen, then F2: a new producer at 12,5 %.
    k.key(KeyCode::F(3));
    k.key(KeyCode::F(3));
    assert_eq!(k.app.focus(), Focus::Producers);
    k.key(KeyCode::F(2));
    k.type_text("MAK");
    k.key(KeyCode::Enter);
    k.type_text("Mak Ijah");
    // Phone, address, account, the scheme and the daily payout (choices), then the rate.
    for _ in 0..6 {
        k.key(KeyCode::Enter);
    }
    k.type_text("12,5");
    k.key(KeyCode::F(2));
    assert_eq!(k.app.focus(), Focus::Producers, "{}", k.note());

    // Another program (the CSV import, a second kiosk) adds a product for the new producer.
    let mut other = Ledger::open(&path).unwrap();
    let mak = other
        .producers()
        .unwrap()
        .into_iter()
        .find(|p| p.code == "MAK")
        .expect("the producer is on disk");
    assert_eq!(
        mak.scheme,
        Scheme::Percentage {
            rate: Rate::from_basis_points(1250).unwrap()
        }
    );
    other
        .add_product(&NewProduct {
            code: "RMP".into(),
            barcode: None,
            name: "Rempeyek Kacang".into(),
            variant: String::new(),
            unit: Unit::Bks,
            price: Rupiah(10_000),
            producer_code: "MAK".into(),
            producer_price: None,
            min_stock: StockQuantity::ZERO,
            daily: false,
        })
        .unwrap();
    assert!(!sells(&k, "RMP"), "the till has not reloaded yet");

    // Editing the producer's phone (no question: no money rule changes) reloads the till.
    k.type_text("mak");
    k.key(KeyCode::F(4));
    k.key(KeyCode::Tab);
    k.type_text("0812-777");
    k.key(KeyCode::F(2));
    assert_eq!(k.app.focus(), Focus::Producers, "{}", k.note());
    assert!(sells(&k, "RMP"));

    // Sold at the till: the commission is the new producer's 12,5 %.
    k.key(KeyCode::Esc);
    k.type_text("RMP");
    k.key(KeyCode::Enter);
    k.key(KeyCode::F(2));
    k.key(KeyCode::Enter);
    assert_eq!(k.app.status().unwrap().sales, 1, "{}", k.note());
    let summary = other.sales_of_open_day().unwrap();
    let sale = other.sale(summary[0].id).unwrap();
    let line = &sale.lines[0];
    assert_eq!(line.code, "RMP");
    assert_eq!(
        (line.producer_share, line.corner_share),
        (Rupiah(8_750), Rupiah(1_250))
    );

    // A rate change asks first and is in history; deactivating takes the product off the till.
    k.key(KeyCode::F(3));
    k.key(KeyCode::F(3));
    k.type_text("mak");
    k.key(KeyCode::F(4));
    // From the name past phone, address, account, the scheme and the daily payout.
    for _ in 0..6 {
        k.key(KeyCode::Tab);
    }
    for _ in 0..4 {
        k.key(KeyCode::Backspace);
    }
    k.type_text("10");
    k.key(KeyCode::F(2));
    assert_eq!(k.app.focus(), Focus::Confirm);
    k.key(KeyCode::Char('y'));
    assert_eq!(k.app.focus(), Focus::Producers, "{}", k.note());
    let changes = other.rate_changes("MAK").unwrap();
    assert_eq!(changes.len(), 1);
    // Recorded under whoever is signed in, not the open day's attendant.
    assert_eq!(changes[0].actor, "Budi");
    k.key(KeyCode::F(8));
    k.key(KeyCode::Char('y'));
    assert!(!sells(&k, "RMP"), "{}", k.note());

    // Switching to producer price while products exist is refused, in words, and the form
    // stays with what was typed.
    k.key(KeyCode::F(4));
    k.key(KeyCode::F(7));
    k.key(KeyCode::F(2));
    k.key(KeyCode::Char('y'));
    assert_eq!(k.app.focus(), Focus::ProducerForm);
    let note = k.note();
    assert!(
        note.contains("Produsen TIDAK disimpan") && note.contains("MAK sudah punya produk"),
        "{note}"
    );
    assert_eq!(other.rate_changes("MAK").unwrap().len(), 1);
}
