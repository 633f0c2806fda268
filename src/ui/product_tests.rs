//! The product form (add and edit) and the stock forms' question before typed lines are
//! dropped, through `key_to_msg` and `update` alone, and what they look like at 80×24.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::product_form::{Field, Problem};
use super::stock_tests::{on_products, on_stock, record, render, row_with, scan};
use super::tests::{enter, press, press_with, type_text};
use super::*;
use crate::domain::catalogue::fixtures::product;
use crate::domain::{NewProduct, ParseError, Producer, Rate, Scheme, StockQuantity, Unit};

fn producer(id: i64, code: &str, name: &str, scheme: Scheme) -> Producer {
    Producer {
        id,
        code: code.into(),
        name: name.into(),
        phone: String::new(),
        address: String::new(),
        account: String::new(),
        scheme,
        active: true,
        payout_daily: false,
    }
}

/// The products screen with its producers: Bu Sri on a percentage, Pak Di on producer price.
fn with_producers() -> App {
    let mut app = on_products();
    update(
        &mut app,
        Answer::ProductProducers(vec![
            producer(
                1,
                "BUSRI",
                "Bu Sri",
                Scheme::Percentage {
                    rate: Rate::from_basis_points(1_000).unwrap(),
                },
            ),
            producer(2, "PAKDI", "Pak Di", Scheme::ProducerPrice),
        ]),
    );
    app
}

fn product_form(app: &App) -> &product_form::ProductForm {
    let products = match &app.screen {
        Screen::Confirm(c) => c.under.as_ref(),
        mode => mode,
    };
    match products {
        Screen::Products(screen) => screen.form.as_deref().expect("no product form"),
        _ => panic!("no product form"),
    }
}

/// Types each value and moves on with Enter, as a scanner ends a barcode.
fn fill(app: &mut App, values: &[&str]) {
    for value in values {
        assert!(type_text(app, value).is_empty());
        assert!(enter(app).is_empty(), "Enter never saves the form");
    }
}

/// F3, then code, barcode, name, variant, unit, price and producer.
fn new_bolu(app: &mut App, unit: &str, producer: &str) {
    assert!(press(app, KeyCode::F(3)).is_empty());
    assert_eq!(app.focus(), Focus::ProductForm);
    fill(
        app,
        &[
            "BLU",
            "8991234567890",
            "Bolu Pandan",
            "Besar",
            unit,
            "25000",
            producer,
        ],
    );
}

#[test]
fn a_new_product_is_checked_field_by_field_then_added_and_sold_by_the_till() {
    let mut app = with_producers();
    new_bolu(&mut app, "dus", "pakdi");
    // Pak Di is paid a producer price: its field comes next.
    assert_eq!(product_form(&app).field, Field::ProducerPrice);
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(
        app.note(),
        Some(&Note::ProductField(Field::Unit, Problem::UnknownUnit))
    );
    assert_eq!(
        product_form(&app).field,
        Field::Unit,
        "the cursor goes there"
    );
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "ktk");
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(
        app.note(),
        Some(&Note::ProductField(Field::ProducerPrice, Problem::Empty))
    );
    // A letter O for a zero is refused as it is typed, and said until the next other key.
    type_text(&mut app, "20.5OO");
    assert_eq!(app.note(), Some(&Note::DigitsOnly('O')));
    assert_eq!(product_form(&app).value(Field::ProducerPrice), "20.5");
    press(&mut app, KeyCode::F(2));
    assert!(matches!(
        app.note(),
        Some(Note::ProductField(
            Field::ProducerPrice,
            Problem::Amount(ParseError::NotANumber)
        ))
    ));
    type_text(&mut app, "00");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "5");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "y");
    let effects = press(&mut app, KeyCode::F(2));
    assert_eq!(
        effects,
        [Effect::AddProduct(NewProduct {
            code: "BLU".into(),
            barcode: Some("8991234567890".into()),
            name: "Bolu Pandan".into(),
            variant: "Besar".into(),
            unit: Unit::Ktk,
            price: Rupiah(25_000),
            producer_code: "PAKDI".into(),
            producer_price: Some(Rupiah(20_500)),
            min_stock: StockQuantity::whole(5),
            daily: true,
        })]
    );
    // Until the ledger answers the form stays, so a refusal loses nothing typed.
    assert_eq!(app.focus(), Focus::ProductForm);
    let mut blu = product(9, "BLU", "Bolu Pandan", Unit::Ktk, 25_000);
    blu.barcode = Some("8991234567890".into());
    update(
        &mut app,
        Answer::CatalogueChanged {
            products: vec![record("BLU", "Bolu Pandan", 25_000, true)],
            active: vec![blu],
        },
    );
    assert_eq!(app.focus(), Focus::Products);
    assert_eq!(app.note(), Some(&Note::CatalogueSaved));
    assert_eq!(
        app.catalogue
            .lookup("8991234567890")
            .map(|p| p.code.as_str()),
        Some("BLU")
    );
}

#[test]
fn a_percentage_producer_skips_the_producer_price_and_an_unknown_one_is_refused() {
    let mut app = with_producers();
    new_bolu(&mut app, "pcs", "nobody");
    assert_eq!(
        product_form(&app).field,
        Field::Minimum,
        "no producer price"
    );
    press(&mut app, KeyCode::F(2));
    assert_eq!(
        app.note(),
        Some(&Note::ProductField(
            Field::Producer,
            Problem::UnknownProducer
        ))
    );
    for _ in 0..6 {
        press(&mut app, KeyCode::Backspace);
    }
    // A name that only one producer has will do too.
    type_text(&mut app, "sri");
    let Effect::AddProduct(added) = &press(&mut app, KeyCode::F(2))[0] else {
        panic!("{:?}", app.note())
    };
    assert_eq!(
        (added.producer_code.as_str(), added.producer_price),
        ("BUSRI", None)
    );
    // Esc goes back to the list without saving.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Products);
}

#[test]
fn an_edit_keeps_code_unit_and_producer_and_asks_only_before_a_price_change() {
    let mut app = with_producers();
    press(&mut app, KeyCode::Down);
    assert!(enter(&mut app).is_empty());
    let form = product_form(&app);
    assert_eq!(form.value(Field::Name), "Keripik Pisang Coklat");
    assert_eq!(form.field, Field::Barcode);
    // Tab never lands on the fixed fields.
    let mut seen = Vec::new();
    for _ in 0..10 {
        press(&mut app, KeyCode::Tab);
        seen.push(product_form(&app).field);
    }
    for fixed in [
        Field::Code,
        Field::Unit,
        Field::Producer,
        Field::ProducerPrice,
    ] {
        assert!(!seen.contains(&fixed), "{fixed:?} in {seen:?}");
    }
    while product_form(&app).field != Field::Variant {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "Pedas");
    assert_eq!(
        press(&mut app, KeyCode::F(2)),
        [Effect::SaveProduct {
            code: "KRP".into(),
            changes: ProductChanges {
                variant: "Pedas".into(),
                ..record("KRP", "Keripik Pisang Coklat", 12_000, true).changes()
            }
        }],
        "no price change, no question"
    );
    while product_form(&app).field != Field::Price {
        press(&mut app, KeyCode::BackTab);
    }
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "500");
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.focus(), Focus::Confirm);
    let effects = press(&mut app, KeyCode::Char('y'));
    let [Effect::SaveProduct { code, changes }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!((code.as_str(), changes.price), ("KRP", Rupiah(12_500)));
    assert_eq!(app.focus(), Focus::ProductForm);
}

/// A price of zero is refused on the message line before any question or PIN.
#[test]
fn a_zero_price_is_refused_before_the_question() {
    let mut app = with_producers();
    press(&mut app, KeyCode::Down);
    enter(&mut app);
    while product_form(&app).field != Field::Price {
        press(&mut app, KeyCode::Tab);
    }
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "0");
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.focus(), Focus::ProductForm, "no question");
    assert_eq!(
        app.note(),
        Some(&Note::ProductField(Field::Price, Problem::NotPositive))
    );
    assert!(
        app.note()
            .unwrap()
            .text(Lang::En)
            .contains("more than zero")
    );
    // A new product too.
    press(&mut app, KeyCode::Esc);
    new_bolu(&mut app, "pcs", "busri");
    while product_form(&app).field != Field::Price {
        press(&mut app, KeyCode::BackTab);
    }
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "Rp 0");
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(
        app.note(),
        Some(&Note::ProductField(Field::Price, Problem::NotPositive))
    );
}

#[test]
fn typed_stock_lines_go_only_after_a_yes_to_esc_or_ctrl_q() {
    let mut app = on_stock();
    press(&mut app, KeyCode::F(2));
    // Nothing typed: Esc goes straight back.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Stock);
    press(&mut app, KeyCode::F(2));
    scan(&mut app, "KLP");
    scan(&mut app, "KRP");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Confirm);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.focus(), Focus::Intake);
    assert_eq!(super::stock_tests::form(&app).rows.len(), 2, "kept");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.focus(), Focus::Stock);
    // Ctrl+Q asks too, and quits on yes.
    press(&mut app, KeyCode::F(2));
    scan(&mut app, "KLP");
    assert!(press_with(&mut app, KeyCode::Char('q'), KeyModifiers::CONTROL).is_empty());
    assert!(!app.should_quit());
    assert_eq!(press(&mut app, KeyCode::Char('y')), [Effect::Quit]);
    assert!(app.should_quit());
}

#[test]
fn add_form_with_a_validation_note() {
    let mut app = with_producers();
    new_bolu(&mut app, "dus", "PAKDI");
    press(&mut app, KeyCode::F(2));
    let (terminal, screen) = render(&app);
    assert!(screen.contains("Produk baru"));
    assert!(screen.contains("Satuan: pilih pcs/bks/btl/ktk/kg/l"));
    assert!(row_with(&screen, "Produsen").contains("Pak Di"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn edit_form_filled_in() {
    let mut app = with_producers();
    let (_, list) = render(&app);
    let bar = &super::tests::bar_rows(&list);
    assert!(
        bar.contains("F3 Baru") && bar.contains("F4/Enter Ubah") && bar.contains("Ctrl+Q Keluar"),
        "{bar}"
    );
    press(&mut app, KeyCode::F(4));
    let (terminal, screen) = render(&app);
    assert!(screen.contains("Ubah produk KLP"));
    assert!(row_with(&screen, "Harga jual").contains("5000"));
    assert!(row_with(&screen, "Harga setor").contains("persentase"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn leaving_an_intake_with_lines_asks_first() {
    let mut app = on_stock();
    press(&mut app, KeyCode::F(2));
    scan(&mut app, "KLP");
    press(&mut app, KeyCode::Esc);
    let (terminal, screen) = render(&app);
    assert!(screen.contains("Buang 1 baris yang sudah diketik?"));
    insta::assert_snapshot!(terminal.backend());
}

/// F7 on the products screen asks the runtime for the selected product's producer's label
/// sheet; F1 names the key in both languages, and the answer says where the sheet is.
#[test]
fn f7_asks_for_the_producers_label_sheet_and_says_where_it_is() {
    let mut app = on_products();
    press(&mut app, KeyCode::F(1));
    let (_, screen) = render(&app);
    assert!(screen.contains("Cetak label barcode"), "{screen}");
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "keri");
    assert_eq!(
        press(&mut app, KeyCode::F(7)),
        [Effect::WriteLabels {
            producer: "BUSRI".into()
        }]
    );
    assert_eq!(app.focus(), Focus::Products, "the list stays");
    update(
        &mut app,
        Answer::OfficePrintout(Ok(
            "/data/printouts/2026-12-05/label-BUSRI-101500.pdf".into()
        )),
    );
    let note = app.note().map(|n| n.text(Lang::Id)).unwrap_or_default();
    assert!(note.contains("label-BUSRI-101500.pdf"), "{note}");
    update(&mut app, Answer::OfficePrintout(Err(Failure::NoLabels)));
    let note = app.note().map(|n| n.text(Lang::Id)).unwrap_or_default();
    assert!(note.contains("Tidak ada produk tanpa barcode"), "{note}");
    app.lang = Lang::En;
    press(&mut app, KeyCode::F(1));
    let (_, screen) = render(&app);
    assert!(screen.contains("Print barcode labels"), "{screen}");
}

#[test]
fn a_producer_name_of_40_characters_is_whole_on_the_form_in_both_languages() {
    const FARMERS: &str = "Kelompok Tani Rukun Makmur Metro Selatan";
    for lang in [Lang::Id, Lang::En] {
        let mut app = on_products();
        update(
            &mut app,
            Answer::ProductProducers(vec![producer(3, "TANI", FARMERS, Scheme::ProducerPrice)]),
        );
        new_bolu(&mut app, "pcs", "TANI");
        app.lang = lang;
        let (terminal, screen) = render(&app);
        let rows: Vec<&str> = screen.lines().collect();
        let at = rows
            .iter()
            .position(|r| r.contains("Kelompok"))
            .unwrap_or_else(|| panic!("{screen}"));
        let x = rows[at][..rows[at].find("Kelompok").unwrap()]
            .chars()
            .count();
        let unframed: Vec<String> = rows[at..].iter().map(|r| r.replace('│', " ")).collect();
        let hint = super::layout_tests::column_words(unframed.iter().map(String::as_str), x, 80);
        assert!(hint.starts_with(FARMERS), "{hint}\n{screen}");
        // The fields below keep their rows, one further down.
        let label = if lang == Lang::Id {
            "Harga setor"
        } else {
            "Producer price"
        };
        let price_row = rows.iter().position(|r| r.contains(label)).unwrap();
        assert_eq!(price_row, at + 2, "{screen}");
        insta::assert_snapshot!(format!("long_producer_{lang:?}"), terminal.backend());
    }
}
