//! Behaviour of the screens through `key_to_msg` and `update` alone: no terminal, no ledger.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::*;
use crate::domain::ParseError;
use crate::domain::catalogue::fixtures::small;
use crate::domain::{BusinessDay, PayError, PaymentMethod, Quantity, SaleSummary, Tender, Unit};

pub(super) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn at(date: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    date.and_hms_opt(h, m, 0).unwrap()
}

pub(super) fn status_on(date: NaiveDate, sales: i64, takings: i64) -> DayStatus {
    DayStatus {
        day: BusinessDay {
            id: 1,
            date,
            opened_at: at(date, 7, 30),
            attendant: "Ani".into(),
            opening_float: Rupiah(200_000),
        },
        sales,
        takings: Rupiah(takings),
    }
}

/// The key bar of a screen drawn as text: its last rows (the bar takes up to three).
pub(super) fn bar_rows(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len().saturating_sub(super::key_bar::MAX_ROWS)..].join("\n")
}

/// A kiosk with today's day open and an empty cart.
pub(super) fn open_app() -> App {
    App::new(
        Lang::Id,
        small(),
        Some(status_on(today(), 12, 456_000)),
        None,
        today(),
        "Ani".into(),
    )
}

fn event(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

/// One key press through the keymap and the update, as the runtime does it.
pub(super) fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    match key_to_msg(app, event(code, modifiers)) {
        Some(msg) => update(app, msg),
        None => Vec::new(),
    }
}

pub(super) fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    press_with(app, code, KeyModifiers::NONE)
}

/// Types text key by key (a person, or a scanner that types digits).
pub(super) fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        effects.extend(press(app, KeyCode::Char(c)));
    }
    effects
}

pub(super) fn enter(app: &mut App) -> Vec<Effect> {
    press(app, KeyCode::Enter)
}

fn quantities(app: &App) -> Vec<(String, Quantity)> {
    app.till
        .cart
        .lines
        .iter()
        .map(|l| (l.product.code.clone(), l.quantity))
        .collect()
}

/// KLP ×3 and KRP ×1: Rp 27.000.
pub(super) fn app_with_cart() -> App {
    let mut app = open_app();
    type_text(&mut app, "3*KLP");
    enter(&mut app);
    type_text(&mut app, "KRP");
    enter(&mut app);
    assert_eq!(app.till.cart.total(), Rupiah(27_000));
    app
}

fn recorded_sale(cart: &Cart, payments: Vec<Payment>, number: i64) -> Sale {
    Sale {
        chain_head: None,
        id: 100 + number,
        number,
        day_date: today(),
        at: at(today(), 9, 41),
        attendant: "Ani".into(),
        total: cart.total(),
        lines: Vec::new(),
        payments,
        voided: false,
        tab_customer: None,
    }
}

#[test]
fn quantity_star_code_adds_three_and_saves_the_draft() {
    let mut app = open_app();
    assert!(type_text(&mut app, "3*KLP").is_empty());
    assert_eq!(app.entry(), "3*KLP");
    let effects = enter(&mut app);
    assert_eq!(quantities(&app), vec![("KLP".into(), Quantity::whole(3))]);
    assert_eq!(effects, vec![Effect::SaveDraft(app.till.cart.clone())]);
    assert_eq!(app.entry(), "");
    assert_eq!(
        app.note(),
        Some(&Note::Added(
            Quantity::whole(3),
            Unit::Pcs,
            "Kue Lapis Legit".into()
        ))
    );
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Ditambahkan: 3 pcs Kue Lapis Legit"
    );
}

#[test]
fn a_scanned_barcode_adds_one_and_a_second_scan_merges() {
    let mut app = open_app();
    type_text(&mut app, "8990000000002");
    assert_eq!(enter(&mut app).len(), 1);
    type_text(&mut app, "8990000000002");
    enter(&mut app);
    assert_eq!(quantities(&app), vec![("KRP".into(), Quantity::whole(2))]);
}

#[test]
fn weighed_quantities_take_a_decimal_comma() {
    let mut app = open_app();
    type_text(&mut app, "1,25*brs");
    enter(&mut app);
    assert_eq!(
        quantities(&app),
        vec![("BRS".into(), Quantity::from_milli(1_250))]
    );
    assert_eq!(app.till.cart.total(), Rupiah(18_125));
}

#[test]
fn letters_and_digits_never_become_commands_on_the_sale_screen() {
    let app = open_app();
    for c in ['q', 'Q', 'y', 'n', 'p', '7', '*', ' '] {
        assert_eq!(
            key_to_msg(&app, event(KeyCode::Char(c), KeyModifiers::NONE)),
            Some(Key::Input(c)),
            "{c:?}"
        );
        assert_eq!(
            key_to_msg(&app, event(KeyCode::Char(c), KeyModifiers::SHIFT)),
            Some(Key::Input(c)),
            "shift {c:?}"
        );
    }
    // AltGr (Ctrl+Alt on Windows) types a character too.
    assert_eq!(
        key_to_msg(
            &app,
            event(
                KeyCode::Char('@'),
                KeyModifiers::CONTROL | KeyModifiers::ALT
            )
        ),
        Some(Key::Input('@'))
    );
}

#[test]
fn keymap_acts_on_presses_only_and_drops_ctrl_j() {
    let app = open_app();
    let mut release = event(KeyCode::Char('5'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(key_to_msg(&app, release), None);
    let mut repeat = event(KeyCode::F(2), KeyModifiers::NONE);
    repeat.kind = KeyEventKind::Repeat;
    assert_eq!(key_to_msg(&app, repeat), None);
    assert_eq!(
        key_to_msg(&app, event(KeyCode::Char('j'), KeyModifiers::CONTROL)),
        None
    );
    assert_eq!(
        key_to_msg(&app, event(KeyCode::Char('q'), KeyModifiers::CONTROL)),
        Some(Key::Quit)
    );
    assert_eq!(
        key_to_msg(&app, event(KeyCode::Char('C'), KeyModifiers::CONTROL)),
        Some(Key::Quit)
    );
    assert_eq!(
        key_to_msg(&app, event(KeyCode::F(2), KeyModifiers::NONE)),
        Some(Key::Pay)
    );
}

#[test]
fn a_scan_ending_in_cr_lf_adds_exactly_once() {
    let mut app = open_app();
    type_text(&mut app, "8990000000001");
    let mut effects = enter(&mut app);
    effects.extend(press_with(
        &mut app,
        KeyCode::Char('j'),
        KeyModifiers::CONTROL,
    ));
    assert_eq!(effects.len(), 1);
    assert_eq!(quantities(&app), vec![("KLP".into(), Quantity::whole(1))]);
    assert_eq!(app.entry(), "");
}

#[test]
fn unknown_code_is_explained_and_the_entry_kept_for_correction() {
    let mut app = open_app();
    type_text(&mut app, "2*XYZ");
    assert!(enter(&mut app).is_empty());
    assert!(app.till.cart.is_empty());
    assert_eq!(app.entry(), "2*XYZ");
    assert_eq!(app.note(), Some(&Note::UnknownCode("XYZ".into())));
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Kode \"XYZ\" tidak dikenal"
    );
    assert!(app.note().unwrap().is_error());
    // Corrected in place.
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "KLP");
    enter(&mut app);
    assert_eq!(quantities(&app), vec![("KLP".into(), Quantity::whole(2))]);
}

#[test]
fn bad_quantities_are_explained_per_unit() {
    let mut app = open_app();
    type_text(&mut app, "1,2345*BRS");
    enter(&mut app);
    assert_eq!(
        app.note(),
        Some(&Note::BadQuantity(ParseError::TooManyDecimals, Unit::Kg))
    );
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Jumlah untuk kg paling banyak 3 angka desimal"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.entry(), "");
    type_text(&mut app, "1,5*KLP");
    enter(&mut app);
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Jumlah untuk pcs harus bilangan bulat"
    );
    assert!(app.till.cart.is_empty());
}

#[test]
fn empty_enter_does_nothing() {
    let mut app = open_app();
    assert!(enter(&mut app).is_empty());
    type_text(&mut app, "   ");
    assert!(enter(&mut app).is_empty());
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.note(), None);
}

#[test]
fn search_refines_live_then_adds_the_selected_item() {
    let mut app = open_app();
    type_text(&mut app, "k");
    assert!(enter(&mut app).is_empty());
    assert_eq!(app.focus(), Focus::Search);
    let Screen::Search(search) = &app.screen else {
        panic!("search list expected")
    };
    assert!(search.results.len() >= 3, "{:?}", search.results.len());
    type_text(&mut app, "opi");
    let Screen::Search(search) = &app.screen else {
        panic!("search list expected")
    };
    assert_eq!(search.results[0].code, "KPI");
    assert_eq!(app.entry(), "kopi");
    // Erase back to "k": more results again; move down and back up.
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Up);
    let Screen::Search(search) = &app.screen else {
        panic!("search list expected")
    };
    assert_eq!(search.selected, 1);
    let expected = search.results[1].code.clone();
    let effects = enter(&mut app);
    assert_eq!(effects, vec![Effect::SaveDraft(app.till.cart.clone())]);
    assert_eq!(quantities(&app), vec![(expected, Quantity::whole(1))]);
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.entry(), "");
}

#[test]
fn esc_closes_the_search_and_keeps_the_text() {
    let mut app = open_app();
    type_text(&mut app, "kopi");
    enter(&mut app);
    assert_eq!(app.focus(), Focus::Search);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.entry(), "kopi");
    assert!(app.till.cart.is_empty());
}

#[test]
fn a_search_without_results_opens_no_list_and_the_text_is_replaced_by_the_next_key() {
    let mut app = open_app();
    type_text(&mut app, "zzzz");
    assert!(enter(&mut app).is_empty());
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.note(), Some(&Note::NoMatch("zzzz".into())));
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Tidak ada barang yang cocok dengan \"zzzz\""
    );
    assert_eq!(app.entry(), "zzzz");
    assert!(app.entry_selected());
    // Moving in the cart leaves it selected; a scan then replaces it.
    press(&mut app, KeyCode::Down);
    assert!(app.entry_selected());
    type_text(&mut app, "8990000000001");
    assert_eq!(app.entry(), "8990000000001");
    assert!(!app.entry_selected());
    enter(&mut app);
    assert_eq!(quantities(&app), vec![("KLP".into(), Quantity::whole(1))]);
}

#[test]
fn a_list_refined_to_nothing_closes_on_enter_with_the_text_selected() {
    let mut app = open_app();
    type_text(&mut app, "k");
    enter(&mut app);
    type_text(&mut app, "xqz");
    let Screen::Search(search) = &app.screen else {
        panic!("search list expected")
    };
    assert!(search.results.is_empty());
    assert!(enter(&mut app).is_empty());
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.note(), Some(&Note::NoMatch("kxqz".into())));
    assert!(app.entry_selected());
}

#[test]
fn refused_text_is_replaced_by_a_scan_or_kept_by_backspace_and_arrows() {
    for refused in ["2*XYZ", "1,5*KLP", "3*"] {
        let mut app = open_app();
        type_text(&mut app, refused);
        enter(&mut app);
        assert!(app.note().unwrap().is_error(), "{refused}");
        assert!(app.entry_selected(), "{refused}");
        type_text(&mut app, "KRP");
        assert_eq!(app.entry(), "KRP", "{refused}");
        enter(&mut app);
        assert_eq!(quantities(&app), vec![("KRP".into(), Quantity::whole(1))]);
    }
    let mut app = open_app();
    type_text(&mut app, "2*XYZ");
    enter(&mut app);
    press(&mut app, KeyCode::Left);
    assert!(!app.entry_selected());
    type_text(&mut app, "X");
    assert_eq!(app.entry(), "2*XYZX");
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "2*XYZ");
    enter(&mut app);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.entry(), "2*XY");
    assert!(!app.entry_selected());
}

#[test]
fn a_scan_appended_to_a_search_adds_the_scanned_item() {
    let mut app = open_app();
    type_text(&mut app, "kopi");
    enter(&mut app);
    assert_eq!(app.focus(), Focus::Search);
    // The scanner types into the query, then Enter.
    type_text(&mut app, "8990000000003");
    let effects = enter(&mut app);
    assert_eq!(effects, vec![Effect::SaveDraft(app.till.cart.clone())]);
    assert_eq!(quantities(&app), vec![("BRS".into(), Quantity::whole(1))]);
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.entry(), "");
    // Also when the query was never submitted, and when digits were typed before the scan.
    type_text(&mut app, "gula 2008990000000002");
    enter(&mut app);
    assert_eq!(app.till.cart.lines[1].product.code, "KRP");
    // A short number in a search is part of the search.
    type_text(&mut app, "kopi 200");
    enter(&mut app);
    assert_eq!(app.focus(), Focus::Search);
}

#[test]
fn a_code_scanned_into_the_search_list_adds_that_code() {
    let mut app = open_app();
    type_text(&mut app, "kopi");
    enter(&mut app);
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "8990000000003");
    enter(&mut app);
    assert_eq!(quantities(&app), vec![("BRS".into(), Quantity::whole(1))]);
}

#[test]
fn plus_minus_and_delete_change_the_selected_line() {
    let mut app = open_app();
    type_text(&mut app, "KLP");
    enter(&mut app);
    type_text(&mut app, "BRS");
    enter(&mut app);
    assert_eq!(app.till.selected, 1, "the line just added is selected");
    press(&mut app, KeyCode::Up);
    assert_eq!(app.till.selected, 0);
    let effects = type_text(&mut app, "+");
    assert_eq!(effects, vec![Effect::SaveDraft(app.till.cart.clone())]);
    assert_eq!(app.till.cart.lines[0].quantity, Quantity::whole(2));
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Kue Lapis Legit: sekarang 2 pcs"
    );
    type_text(&mut app, "-");
    assert_eq!(app.till.cart.lines[0].quantity, Quantity::whole(1));
    assert_eq!(
        app.note(),
        Some(&Note::QuantityNow(
            "Kue Lapis Legit".into(),
            Quantity::whole(1),
            Unit::Pcs
        ))
    );
    assert_eq!(
        app.note().unwrap().text(Lang::En),
        "Kue Lapis Legit: now 1 pcs"
    );
    // One is the least: `-` does not drop the line.
    assert!(type_text(&mut app, "-").is_empty());
    assert_eq!(app.note(), Some(&Note::AtMinimum));
    assert_eq!(app.till.cart.lines.len(), 2);
    // With text on the entry line, `+` is typed, not a command. (Right after `-`, a digit
    // would start a negative quantity: another key comes between.)
    press(&mut app, KeyCode::Up);
    type_text(&mut app, "2+");
    assert_eq!(app.entry(), "2+");
    assert_eq!(app.till.cart.lines[0].quantity, Quantity::whole(1));
    press(&mut app, KeyCode::Esc);
    let effects = press(&mut app, KeyCode::Delete);
    assert_eq!(quantities(&app), vec![("BRS".into(), Quantity::whole(1))]);
    assert_eq!(effects, vec![Effect::SaveDraft(app.till.cart.clone())]);
    assert_eq!(app.note(), Some(&Note::Removed("Kue Lapis Legit".into())));
    press(&mut app, KeyCode::Delete);
    assert!(app.till.cart.is_empty());
    assert!(press(&mut app, KeyCode::Delete).is_empty());
}

#[test]
fn pay_refuses_an_empty_cart_and_a_code_left_on_the_entry_line() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.note(), Some(&Note::CartEmptyPay));
    type_text(&mut app, "KLP");
    enter(&mut app);
    type_text(&mut app, "KRP");
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.note(), Some(&Note::EntryPending("KRP".into())));
}

fn pay_dialog(app: &App) -> &PayDialog {
    match &app.screen {
        Screen::Pay(pay) => pay,
        _ => panic!("pay dialog expected"),
    }
}

#[test]
fn exact_cash_with_an_empty_amount_records_the_sale() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::Pay);
    let cart = app.till.cart.clone();
    let effects = enter(&mut app);
    let payment = Payment {
        method: PaymentMethod::Cash,
        amount: Rupiah(27_000),
        tendered: Rupiah(27_000),
        change: Rupiah::ZERO,
        customer: None,
    };
    assert_eq!(
        effects,
        vec![Effect::RecordSale {
            cart: cart.clone(),
            payments: vec![payment],
        }]
    );
    // The runtime answers before it reads another key; until then the dialog stays.
    assert_eq!(app.focus(), Focus::Pay);

    let effects = update(
        &mut app,
        Answer::SaleRecorded {
            sale: recorded_sale(&cart, vec![payment], 13),
            status: Some(status_on(today(), 13, 483_000)),
            receipt: Ok(PathBuf::from("struk/2026-11-23/13.txt")),
        },
    );
    assert_eq!(effects, vec![Effect::SaveDraft(Cart::default())]);
    assert!(app.till.cart.is_empty());
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.status().unwrap().sales, 13);
    assert_eq!(app.done.as_ref().unwrap().change, Rupiah::ZERO);
    // The panel goes with the next key, and that key still counts.
    type_text(&mut app, "K");
    assert!(app.done.is_none());
    assert_eq!(app.entry(), "K");
}

#[test]
fn cash_over_the_total_gives_change() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "Rp 50.000");
    assert_eq!(pay_dialog(&app).change_in_sight(), Some(Rupiah(23_000)));
    let effects = enter(&mut app);
    let Effect::RecordSale { payments, .. } = &effects[0] else {
        panic!("{effects:?}")
    };
    assert_eq!(
        (payments[0].tendered, payments[0].change),
        (Rupiah(50_000), Rupiah(23_000))
    );
    let cart = app.till.cart.clone();
    update(
        &mut app,
        Answer::SaleRecorded {
            sale: recorded_sale(&cart, payments.clone(), 7),
            status: Some(status_on(today(), 13, 483_000)),
            receipt: Err(Failure::Storage("printer offline".into())),
        },
    );
    let done = app.done.as_ref().unwrap();
    assert_eq!((done.number, done.change), (7, Rupiah(23_000)));
    assert_eq!(
        done.receipt,
        Err(Failure::Storage("printer offline".into()))
    );
}

#[test]
fn letters_in_the_amount_field_are_not_typed() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "5x0.0q00");
    assert_eq!(pay_dialog(&app).amount, "50.000");
}

#[test]
fn split_cash_then_qris() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "20000");
    // The part is saved with the cart at once: a crash now must not ask for it again.
    let effects = press(&mut app, KeyCode::F(3));
    assert_eq!(effects, vec![Effect::SaveDraft(app.till.cart.clone())]);
    assert_eq!(app.till.cart.paid(), Rupiah(20_000));
    assert_eq!(pay_dialog(&app).tender.remaining(), Rupiah(7_000));
    assert_eq!(pay_dialog(&app).amount, "");
    assert_eq!(
        app.note(),
        Some(&Note::PartPaid(
            Rupiah(20_000),
            PaymentMethod::Cash,
            Rupiah(7_000)
        ))
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(pay_dialog(&app).method, PaymentMethod::Qris);
    let effects = enter(&mut app);
    let Effect::RecordSale { payments, .. } = &effects[0] else {
        panic!("{effects:?}")
    };
    let summary: Vec<_> = payments.iter().map(|p| (p.method, p.amount)).collect();
    assert_eq!(
        summary,
        vec![
            (PaymentMethod::Cash, Rupiah(20_000)),
            (PaymentMethod::Qris, Rupiah(7_000))
        ]
    );
}

#[test]
fn methods_cycle_both_ways() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    press(&mut app, KeyCode::Left);
    assert_eq!(pay_dialog(&app).method, PaymentMethod::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::BackTab);
    press_with(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(pay_dialog(&app).method, PaymentMethod::Transfer);
}

#[test]
fn refused_payments_leave_the_tender_unchanged() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "10.000");
    assert!(enter(&mut app).is_empty());
    assert_eq!(
        app.note(),
        Some(&Note::Pay(PayError::NotEnoughCash {
            short: Rupiah(17_000)
        }))
    );
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Uangnya kurang Rp 17.000"
    );
    assert!(pay_dialog(&app).tender.payments.is_empty());
    assert_eq!(app.focus(), Focus::Pay);
    // QRIS never gives change.
    press(&mut app, KeyCode::Tab);
    for _ in 0..6 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "30000");
    assert!(enter(&mut app).is_empty());
    assert_eq!(
        app.note(),
        Some(&Note::Pay(PayError::NonCashMustBeExact {
            due: Rupiah(27_000)
        }))
    );
    // Nonsense in the field, and an empty part payment.
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "1.5");
    assert!(enter(&mut app).is_empty());
    assert_eq!(app.note(), Some(&Note::BadAmount(ParseError::NotANumber)));
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::F(3));
    assert_eq!(app.note(), Some(&Note::PartNeedsAmount));
    type_text(&mut app, "27000");
    press(&mut app, KeyCode::F(3));
    assert_eq!(
        app.note(),
        Some(&Note::Pay(PayError::BadPart {
            due: Rupiah(27_000)
        }))
    );
    assert_eq!(pay_dialog(&app).tender, Tender::new(Rupiah(27_000)));
}

#[test]
fn esc_closes_the_dialog_and_keeps_the_cart() {
    let mut app = app_with_cart();
    let cart = app.till.cart.clone();
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "5000");
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.till.cart, cart);
    assert_eq!(app.note(), Some(&Note::PayClosed));
}

#[test]
fn leaving_with_parts_taken_asks_to_hand_the_money_back() {
    let mut app = app_with_cart();
    let cart = app.till.cart.clone();
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "10000");
    press(&mut app, KeyCode::F(3));
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    let Screen::Confirm(confirm) = &app.screen else {
        panic!("question expected")
    };
    assert_eq!(
        confirm.question,
        question::Question::ReturnParts {
            paid: Rupiah(10_000),
            then: question::AfterReturn::ClosePay
        }
    );
    // No: back in the dialog with the part still taken.
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.focus(), Focus::Pay);
    assert_eq!(pay_dialog(&app).tender.paid(), Rupiah(10_000));
    // Ctrl+Q asks the same, and no does not quit.
    assert!(press_with(&mut app, KeyCode::Char('q'), KeyModifiers::CONTROL).is_empty());
    assert!(!app.should_quit());
    let Screen::Confirm(confirm) = &app.screen else {
        panic!("question expected")
    };
    assert_eq!(
        confirm.question,
        question::Question::ReturnParts {
            paid: Rupiah(10_000),
            then: question::AfterReturn::Quit
        }
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Pay);
    // Yes: the money goes back, the dialog closes, the cart stays.
    press(&mut app, KeyCode::Esc);
    // The cart is saved again without the parts handed back.
    assert_eq!(
        type_text(&mut app, "y"),
        vec![Effect::SaveDraft(cart.clone())]
    );
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.till.cart, cart);
    assert_eq!(app.note(), Some(&Note::PartsReturned(Rupiah(10_000))));
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Pembayaran sebagian Rp 10.000 dikembalikan; keranjang tetap"
    );
    // Opening again starts from nothing paid.
    press(&mut app, KeyCode::F(2));
    assert_eq!(pay_dialog(&app).tender.paid(), Rupiah::ZERO);
    // And with a part taken, yes to Ctrl+Q quits.
    type_text(&mut app, "10000");
    press(&mut app, KeyCode::F(3));
    press_with(&mut app, KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(
        type_text(&mut app, "Y"),
        vec![Effect::Quit, Effect::SaveDraft(cart.clone())]
    );
    assert!(app.should_quit());
}

#[test]
fn a_failed_recording_keeps_the_cart_the_dialog_and_the_parts_taken() {
    let mut app = app_with_cart();
    let cart = app.till.cart.clone();
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "20000");
    press(&mut app, KeyCode::F(3));
    press(&mut app, KeyCode::Tab);
    let first = enter(&mut app);
    assert_eq!(first.len(), 1);
    let effects = update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::RecordSale,
            reason: Failure::Busy,
        },
    );
    assert!(effects.is_empty());
    assert_eq!(app.till.cart.lines, cart.lines);
    assert_eq!(
        app.till.cart.paid(),
        Rupiah(20_000),
        "the part taken stays saved"
    );
    assert_eq!(app.focus(), Focus::Pay);
    let pay = pay_dialog(&app);
    // The cash part is in the drawer: only the settling QRIS payment is undone.
    let taken: Vec<_> = pay
        .tender
        .payments
        .iter()
        .map(|p| (p.method, p.amount))
        .collect();
    assert_eq!(taken, vec![(PaymentMethod::Cash, Rupiah(20_000))]);
    assert_eq!(pay.tender.remaining(), Rupiah(7_000));
    assert_eq!(pay.method, PaymentMethod::Qris);
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Penjualan TIDAK tersimpan: buku kas sedang dipakai program lain. Coba bayar lagi."
    );
    // And paying again pays what remains.
    let retry = enter(&mut app);
    let Effect::RecordSale { payments, .. } = &retry[0] else {
        panic!("{retry:?}")
    };
    let paid: Vec<_> = payments.iter().map(|p| (p.method, p.amount)).collect();
    assert_eq!(
        paid,
        vec![
            (PaymentMethod::Cash, Rupiah(20_000)),
            (PaymentMethod::Qris, Rupiah(7_000))
        ]
    );
}

#[test]
fn quick_tender_keys_add_notes_until_the_cash_covers_the_total() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    press(&mut app, KeyCode::Tab);
    // Rp 20.000 of Rp 27.000: shown, not refused.
    assert!(press(&mut app, KeyCode::F(7)).is_empty());
    assert_eq!(
        app.note(),
        Some(&Note::CashSoFar(Rupiah(20_000), Rupiah(7_000)))
    );
    assert!(!app.note().unwrap().is_error());
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Uang diterima Rp 20.000; masih kurang Rp 7.000"
    );
    assert_eq!(pay_dialog(&app).method, PaymentMethod::Cash);
    assert_eq!(pay_dialog(&app).amount, "20.000");
    assert!(pay_dialog(&app).tender.payments.is_empty());
    // Another Rp 20.000: Rp 40.000 covers it and pays as Enter would.
    let effects = press(&mut app, KeyCode::F(7));
    let Effect::RecordSale { payments, .. } = &effects[0] else {
        panic!("{effects:?}")
    };
    assert_eq!(
        (payments[0].method, payments[0].tendered, payments[0].change),
        (PaymentMethod::Cash, Rupiah(40_000), Rupiah(13_000))
    );
    assert_eq!(pay_dialog(&app).amount, "40.000");
}

#[test]
fn quick_tender_adds_to_what_is_typed_and_f8_twice_is_rp_100_000() {
    let mut app = open_app();
    type_text(&mut app, "6*KPI");
    enter(&mut app);
    assert_eq!(app.till.cart.total(), Rupiah(150_000));
    press(&mut app, KeyCode::F(2));
    assert!(press(&mut app, KeyCode::F(8)).is_empty());
    assert!(press(&mut app, KeyCode::F(8)).is_empty());
    assert_eq!(pay_dialog(&app).amount, "100.000");
    assert_eq!(
        app.note(),
        Some(&Note::CashSoFar(Rupiah(100_000), Rupiah(50_000)))
    );
    for _ in 0..7 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "50000");
    let effects = press(&mut app, KeyCode::F(9));
    let Effect::RecordSale { payments, .. } = &effects[0] else {
        panic!("{effects:?}")
    };
    assert_eq!(
        (payments[0].tendered, payments[0].change),
        (Rupiah(150_000), Rupiah::ZERO)
    );
    // Nonsense typed before the key is refused as it would be by Enter.
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "1.5");
    assert!(press(&mut app, KeyCode::F(9)).is_empty());
    assert_eq!(app.note(), Some(&Note::BadAmount(ParseError::NotANumber)));
}

#[test]
fn the_rp_100_000_key() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    let effects = press(&mut app, KeyCode::F(9));
    let Effect::RecordSale { payments, .. } = &effects[0] else {
        panic!("{effects:?}")
    };
    assert_eq!(payments[0].change, Rupiah(73_000));
}

fn summary(id: i64, number: i64, total: i64, voided: bool) -> SaleSummary {
    SaleSummary {
        id,
        number,
        at: at(today(), 9, number as u32),
        total: Rupiah(total),
        line_count: 2,
        methods: vec![PaymentMethod::Cash],
        voided,
        corrected: false,
        returned: Rupiah::ZERO,
    }
}

pub(super) fn todays_sales() -> Vec<SaleSummary> {
    vec![
        summary(107, 7, 37_500, false),
        summary(106, 6, 12_000, true),
        SaleSummary {
            methods: vec![PaymentMethod::Qris, PaymentMethod::Cash],
            ..summary(105, 5, 5_000, false)
        },
    ]
}

#[test]
fn voiding_asks_a_reason_then_a_question_a_scan_cannot_answer() {
    let mut app = open_app();
    assert_eq!(press(&mut app, KeyCode::F(6)), vec![Effect::LoadSales]);
    assert_eq!(app.focus(), Focus::Sales);
    update(&mut app, Answer::SalesLoaded(todays_sales()));
    // An already voided sale.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::F(8));
    assert_eq!(app.note(), Some(&Note::AlreadyVoided(6)));
    assert_eq!(app.focus(), Focus::Sales);
    // Enter in the list opens the sale in full; Esc goes back to the list.
    assert_eq!(
        enter(&mut app),
        vec![Effect::LoadSaleDetail { sale_id: 106 }]
    );
    assert_eq!(app.focus(), Focus::SaleDetail);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Sales);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::F(8));
    assert_eq!(app.focus(), Focus::Reason);
    enter(&mut app);
    assert_eq!(app.note(), Some(&Note::ReasonEmpty));
    type_text(&mut app, "Salah input jumlah");
    assert!(enter(&mut app).is_empty());
    assert_eq!(app.focus(), Focus::Confirm);
    // A scan: digits, then Enter. It must not confirm: its first digit says no, and the
    // scan goes on to the entry line of the sale screen.
    assert!(type_text(&mut app, "8990000000001").is_empty());
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.entry(), "8990000000001");
    enter(&mut app);
    assert_eq!(quantities(&app), vec![("KLP".into(), Quantity::whole(1))]);
    // Two quick Enters after the reason: the second one is no, never yes.
    press(&mut app, KeyCode::F(6));
    update(&mut app, Answer::SalesLoaded(todays_sales()));
    press(&mut app, KeyCode::F(8));
    type_text(&mut app, "Salah input");
    enter(&mut app);
    assert_eq!(app.focus(), Focus::Confirm);
    // The second Enter is no, then counts on the list beneath: it opens the sale, a read.
    assert_eq!(
        enter(&mut app),
        vec![Effect::LoadSaleDetail { sale_id: 107 }]
    );
    assert_eq!(app.focus(), Focus::SaleDetail);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Sales);
    // A key that means nothing beneath the question still closes it.
    press(&mut app, KeyCode::F(8));
    type_text(&mut app, "Salah input");
    enter(&mut app);
    assert_eq!(
        key_to_msg(&app, event(KeyCode::F(2), KeyModifiers::NONE)),
        Some(Key::No)
    );
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(app.focus(), Focus::Sales);
    // Again, and this time `y` is the first key in the question.
    press(&mut app, KeyCode::F(8));
    type_text(&mut app, "Salah input");
    enter(&mut app);
    let Screen::Confirm(confirm) = &app.screen else {
        panic!("question expected")
    };
    assert_eq!(
        confirm.question,
        question::Question::Void {
            sale_id: 107,
            number: 7,
            total: Rupiah(37_500),
            reason: "Salah input".into()
        }
    );
    let effects = type_text(&mut app, "y");
    assert_eq!(
        effects,
        vec![Effect::VoidSale {
            sale_id: 107,
            reason: "Salah input".into()
        }]
    );
    let mut after = todays_sales();
    after[0].voided = true;
    update(
        &mut app,
        Answer::SaleVoided {
            sale_id: 107,
            status: Some(status_on(today(), 11, 418_500)),
            sales: Some(after.clone()),
        },
    );
    assert_eq!(app.focus(), Focus::Sales);
    assert_eq!(app.note(), Some(&Note::Voided(7)));
    assert_eq!(app.status().unwrap().takings, Rupiah(418_500));
    let Screen::Sales(list) = &app.screen else {
        panic!("sales list expected")
    };
    assert_eq!(list.sales.as_ref(), Some(&after));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Sale);
}

#[test]
fn y_confirms_only_as_the_first_key() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(6));
    update(&mut app, Answer::SalesLoaded(todays_sales()));
    press(&mut app, KeyCode::F(8));
    type_text(&mut app, "dobel");
    enter(&mut app);
    // ↓ closes the question and moves in the list; Y is then typed, not a yes.
    press(&mut app, KeyCode::Down);
    assert_eq!(app.focus(), Focus::Sales);
    assert!(press_with(&mut app, KeyCode::Char('Y'), KeyModifiers::SHIFT).is_empty());
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.entry(), "Y");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(6));
    update(&mut app, Answer::SalesLoaded(todays_sales()));
    press(&mut app, KeyCode::F(8));
    type_text(&mut app, "dobel");
    enter(&mut app);
    let effects = press_with(&mut app, KeyCode::Char('Y'), KeyModifiers::SHIFT);
    assert_eq!(
        effects,
        vec![Effect::VoidSale {
            sale_id: 107,
            reason: "dobel".into()
        }]
    );
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::VoidSale,
            reason: Failure::NotOnOpenDay,
        },
    );
    assert_eq!(app.focus(), Focus::Sales);
    assert!(app.note().unwrap().is_error());
}

/// The small catalogue and Rempeyek, whose code ends in a `Y`.
fn with_rempeyek() -> Catalogue {
    let mut products = small().products().to_vec();
    products.push(crate::domain::catalogue::fixtures::product(
        5,
        "RMPY",
        "Rempeyek Kacang",
        Unit::Bks,
        7_000,
    ));
    Catalogue::new(products)
}

#[test]
fn a_code_typed_into_a_question_closes_it_and_lands_on_the_entry_line() {
    let mut app = app_with_cart();
    app.set_catalogue(with_rempeyek());
    press(&mut app, KeyCode::F(4));
    assert_eq!(app.focus(), Focus::Confirm);
    // R says no; M, P and Y are typed on the entry line, not taken as yes.
    assert!(type_text(&mut app, "RMPY").is_empty());
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.entry(), "RMPY");
    assert_eq!(app.till.cart.lines.len(), 2);
    enter(&mut app);
    assert_eq!(
        quantities(&app),
        vec![
            ("KLP".into(), Quantity::whole(3)),
            ("KRP".into(), Quantity::whole(1)),
            ("RMPY".into(), Quantity::whole(1)),
        ]
    );
}

#[test]
fn enter_never_answers_a_question() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(4));
    // Enter says no; on the sale screen beneath it finds an empty entry line.
    assert!(enter(&mut app).is_empty());
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.till.cart.lines.len(), 2);
    // n and Esc say no; so does Ctrl+Q, which then quits from the screen beneath.
    for no in [KeyCode::Char('n'), KeyCode::Char('N'), KeyCode::Esc] {
        press(&mut app, KeyCode::F(4));
        assert!(press(&mut app, no).is_empty());
        assert_eq!(app.focus(), Focus::Sale);
        assert_eq!(app.till.cart.lines.len(), 2);
        assert_eq!(app.entry(), "");
    }
    press(&mut app, KeyCode::F(4));
    let effects = press_with(&mut app, KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(effects, vec![Effect::Quit]);
    assert_eq!(app.till.cart.lines.len(), 2);
}

#[test]
fn emptying_the_cart_asks_first() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(4));
    assert_eq!(app.focus(), Focus::Confirm);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.till.cart.lines.len(), 2);
    press(&mut app, KeyCode::F(4));
    let effects = type_text(&mut app, "y");
    assert_eq!(effects, vec![Effect::SaveDraft(Cart::default())]);
    assert!(app.till.cart.is_empty());
    assert_eq!(app.focus(), Focus::Sale);
    press(&mut app, KeyCode::F(4));
    assert_eq!(app.note(), Some(&Note::CartAlreadyEmpty));
}

#[test]
fn no_open_day_asks_for_the_float_first() {
    let mut app = App::new(Lang::Id, small(), None, None, today(), "Ani".into());
    assert_eq!(app.focus(), Focus::OpenDay);
    assert!(enter(&mut app).is_empty());
    assert_eq!(app.note(), Some(&Note::FloatEmpty));
    type_text(&mut app, "Rp 200.000");
    assert_eq!(
        enter(&mut app),
        vec![Effect::OpenDay {
            attendant: "Ani".into(),
            float: Rupiah(200_000)
        }]
    );
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::OpenDay,
            reason: Failure::DayExists(today()),
        },
    );
    assert_eq!(app.focus(), Focus::OpenDay);
    assert_eq!(enter(&mut app).len(), 1);
    update(&mut app, Answer::DayOpened(status_on(today(), 0, 0)));
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.note(), Some(&Note::DayOpened(today())));
}

#[test]
fn the_open_day_form_checks_name_and_float() {
    let mut app = App::new(Lang::Id, small(), None, None, today(), String::new());
    type_text(&mut app, "Budi");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "200000");
    press(&mut app, KeyCode::Up);
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    assert!(enter(&mut app).is_empty());
    assert_eq!(app.note(), Some(&Note::AttendantEmpty));
    type_text(&mut app, "Sari");
    press(&mut app, KeyCode::Tab);
    // A letter in the float is refused as it is typed, and said.
    type_text(&mut app, "x");
    assert_eq!(app.note(), Some(&Note::DigitsOnly('x')));
    assert_eq!(
        enter(&mut app),
        vec![Effect::OpenDay {
            attendant: "Sari".into(),
            float: Rupiah(200_000)
        }]
    );
}

#[test]
fn an_old_open_day_is_closed_or_carried_on() {
    let yesterday = today().pred_opt().unwrap();
    let draft = {
        let mut app = app_with_cart();
        std::mem::take(&mut app.till.cart)
    };
    let mut app = App::new(
        Lang::Id,
        small(),
        Some(status_on(yesterday, 4, 90_000)),
        Some(draft.clone()),
        today(),
        "Ani".into(),
    );
    assert_eq!(app.focus(), Focus::StaleDay);
    assert_eq!(app.till.cart, draft, "the draft is back");
    // Carry on selling on that day.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Sale);

    let mut app = App::new(
        Lang::Id,
        small(),
        Some(status_on(yesterday, 4, 90_000)),
        None,
        today(),
        "Ani".into(),
    );
    assert!(type_text(&mut app, "KLP").is_empty());
    // The close screen, the same as F5 on the sale screen; Esc goes back to the question.
    assert_eq!(press(&mut app, KeyCode::F(5)), vec![Effect::LoadClose]);
    assert_eq!(app.focus(), Focus::CloseDay);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::StaleDay);
    press(&mut app, KeyCode::F(5));
    update(
        &mut app,
        Answer::CloseLoaded(Box::new(super::close_tests::report(yesterday, 90_000))),
    );
    type_text(&mut app, "90.000");
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::CloseConfirm);
    type_text(&mut app, "90000");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Effect::CloseDay {
            count: crate::domain::CashCount::Total(Rupiah(90_000)),
            reason: String::new()
        }]
    );
    update(&mut app, Answer::DayClosed);
    assert_eq!(app.focus(), Focus::OpenDay);
    assert_eq!(app.status(), None);
}

#[test]
fn after_todays_close_the_day_does_not_reopen_but_the_till_can_still_be_read() {
    let mut app = open_app();
    update(&mut app, Answer::DayClosed);
    assert_eq!(app.focus(), Focus::DayClosed);
    // Opening today again: nothing to type, Enter says why, nothing asked of the ledger.
    type_text(&mut app, "100000");
    assert_eq!(enter(&mut app), Vec::new());
    assert_eq!(app.note(), Some(&Note::ClosedToday(today())));
    // The day's sales, the settlements, the audit trail: one key away, as from the till.
    // The day's sales: those of the day just closed.
    assert_eq!(
        press(&mut app, KeyCode::F(6)),
        vec![Effect::LoadSalesNear {
            from: Some(today()),
            older: false
        }]
    );
    assert_eq!(app.focus(), Focus::Sales);
    // Leaving comes back to the open-day form, not to a till with no day.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::DayClosed);
    assert_eq!(
        press_with(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL),
        vec![Effect::LoadPayouts]
    );
    // A payout needs an open day: said at once, before any form, question or PIN.
    update(
        &mut app,
        Answer::PayoutsLoaded {
            balances: vec![crate::domain::ProducerBalance {
                code: "SRI".into(),
                name: "Kue Bu Sri".into(),
                payout_daily: true,
                active: true,
                balance: Rupiah(32_300),
            }],
            days: vec![(today(), true)],
        },
    );
    assert_eq!(enter(&mut app), Vec::new());
    assert_eq!(app.focus(), Focus::Payouts);
    assert_eq!(
        app.note(),
        Some(&Note::Failed(FailedEffect::PayProducer, Failure::NoOpenDay))
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::DayClosed);
    // Tomorrow the form opens the next day.
    let tomorrow = today().succ_opt().unwrap();
    update(&mut app, Answer::Today(tomorrow));
    assert_eq!(app.focus(), Focus::OpenDay);
    type_text(&mut app, "100000");
    let effects = enter(&mut app);
    assert!(
        matches!(effects.as_slice(), [Effect::OpenDay { .. }]),
        "{effects:?}"
    );
}

#[test]
fn a_kiosk_started_after_todays_close_knows_the_day_is_closed() {
    let mut app = App::new(Lang::Id, small(), None, None, today(), "Ani".into());
    update(&mut app, Answer::ClosedBefore(today().pred_opt().unwrap()));
    type_text(&mut app, "50000");
    let effects = enter(&mut app);
    assert!(
        matches!(effects.as_slice(), [Effect::OpenDay { .. }]),
        "yesterday's close does not stop today: {effects:?}"
    );
    let mut app = App::new(Lang::Id, small(), None, None, today(), "Ani".into());
    update(&mut app, Answer::ClosedBefore(today()));
    type_text(&mut app, "50000");
    assert_eq!(enter(&mut app), Vec::new());
    assert_eq!(app.note(), Some(&Note::ClosedToday(today())));
}

#[test]
fn help_opens_over_any_screen_and_the_next_key_still_counts() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(1));
    assert!(app.help);
    type_text(&mut app, "K");
    assert!(!app.help);
    assert_eq!(app.entry(), "K");
    press(&mut app, KeyCode::F(1));
    press(&mut app, KeyCode::Esc);
    assert!(!app.help);
    assert_eq!(app.entry(), "K", "Esc only closed the help");
}

#[test]
fn f10_switches_language_and_the_message_with_it() {
    let mut app = open_app();
    type_text(&mut app, "2*XYZ");
    enter(&mut app);
    press(&mut app, KeyCode::F(10));
    assert_eq!(app.lang(), Lang::En);
    assert_eq!(app.note().unwrap().text(app.lang()), "Unknown code \"XYZ\"");
}

#[test]
fn quit_from_anywhere_but_a_question() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    let effects = press_with(&mut app, KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(effects, vec![Effect::Quit]);
    assert!(app.should_quit());
}

#[test]
fn a_failed_draft_save_is_reported() {
    let mut app = app_with_cart();
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::SaveDraft,
            reason: Failure::Storage("disk I/O error".into()),
        },
    );
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Keranjang tidak bisa disimpan sebagai draf: gangguan penyimpanan (disk I/O error)"
    );
    assert_eq!(app.till.cart.lines.len(), 2);
}

#[test]
fn a_new_catalogue_refreshes_an_open_search() {
    let mut app = open_app();
    type_text(&mut app, "k");
    enter(&mut app);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "teh");
    let Screen::Search(search) = &app.screen else {
        panic!("search list expected")
    };
    assert!(search.results.is_empty());
    let mut products = small().products().to_vec();
    products.push(crate::domain::catalogue::fixtures::product(
        9,
        "TEH",
        "Teh Melati",
        Unit::Bks,
        8_000,
    ));
    app.set_catalogue(Catalogue::new(products));
    let Screen::Search(search) = &app.screen else {
        panic!("search list expected")
    };
    assert_eq!(search.results[0].code, "TEH");
}

#[test]
fn a_sale_recorded_without_fresh_figures_is_counted_on_screen() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    let effects = enter(&mut app);
    let Effect::RecordSale { cart, payments } = effects[0].clone() else {
        panic!("{effects:?}")
    };
    // The commit returned but reading the day's figures back failed.
    let effects = update(
        &mut app,
        Answer::SaleRecorded {
            sale: recorded_sale(&cart, payments, 13),
            status: None,
            receipt: Ok(PathBuf::from("struk-0013.txt")),
        },
    );
    assert_eq!(effects, vec![Effect::SaveDraft(Cart::default())]);
    assert!(app.till.cart.is_empty());
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.note(), None, "nothing says the sale was not recorded");
    let status = app.status().unwrap();
    assert_eq!(
        (status.sales, status.takings),
        (13, Rupiah(456_000 + 27_000))
    );
    assert_eq!(status.day.attendant, "Ani");
    assert_eq!(app.done.as_ref().unwrap().number, 13);
}

#[test]
fn a_void_without_fresh_figures_is_taken_out_on_screen() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(6));
    update(&mut app, Answer::SalesLoaded(todays_sales()));
    press(&mut app, KeyCode::F(8));
    type_text(&mut app, "dobel");
    enter(&mut app);
    assert_eq!(type_text(&mut app, "y").len(), 1);
    update(
        &mut app,
        Answer::SaleVoided {
            sale_id: 107,
            status: None,
            sales: None,
        },
    );
    assert_eq!(app.focus(), Focus::Sales);
    assert_eq!(app.note(), Some(&Note::Voided(7)));
    let status = app.status().unwrap();
    assert_eq!(
        (status.sales, status.takings),
        (11, Rupiah(456_000 - 37_500))
    );
    let Screen::Sales(list) = &app.screen else {
        panic!("sales list expected")
    };
    let voided: Vec<_> = list
        .sales
        .as_ref()
        .unwrap()
        .iter()
        .map(|s| (s.number, s.voided))
        .collect();
    assert_eq!(voided, vec![(7, true), (6, true), (5, false)]);
}

#[test]
fn f9_prints_a_receipt_again_and_says_where() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(6));
    update(&mut app, Answer::SalesLoaded(todays_sales()));
    press(&mut app, KeyCode::Down);
    // A voided sale can be reprinted too (the receipt says it is void).
    assert_eq!(
        press(&mut app, KeyCode::F(9)),
        vec![Effect::ReprintReceipt { sale_id: 106 }]
    );
    update(
        &mut app,
        Answer::ReceiptPrinted(Ok(PathBuf::from("printouts/2026-11-23/struk-0006.txt"))),
    );
    assert_eq!(app.focus(), Focus::Sales);
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Struk dicetak ulang: struk-0006.txt"
    );
    assert!(!app.note().unwrap().is_error());
    update(&mut app, Answer::ReceiptPrinted(Err(Failure::DiskFull)));
    assert!(app.note().unwrap().is_error());
    // Nothing to reprint in an empty list.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(6));
    update(&mut app, Answer::SalesLoaded(Vec::new()));
    assert!(press(&mut app, KeyCode::F(9)).is_empty());
    assert!(press(&mut app, KeyCode::F(8)).is_empty());
    assert_eq!(app.focus(), Focus::Sales);
}

#[test]
fn typing_in_the_sales_list_goes_back_to_selling() {
    let mut app = open_app();
    type_text(&mut app, "KL");
    press(&mut app, KeyCode::F(6));
    update(&mut app, Answer::SalesLoaded(todays_sales()));
    assert_eq!(
        key_to_msg(&app, event(KeyCode::Char('P'), KeyModifiers::SHIFT)),
        Some(Key::Input('P'))
    );
    assert!(type_text(&mut app, "P").is_empty());
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.entry(), "KLP");
    enter(&mut app);
    assert_eq!(quantities(&app), vec![("KLP".into(), Quantity::whole(1))]);
}

#[test]
fn f5_opens_the_close_screen_once_the_cart_is_empty_and_closes_after_the_count_typed_again() {
    let mut app = app_with_cart();
    assert!(press(&mut app, KeyCode::F(5)).is_empty());
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.note(), Some(&Note::CloseDayCartFull));
    assert!(app.note().unwrap().is_error());
    press(&mut app, KeyCode::F(4));
    type_text(&mut app, "y");
    assert_eq!(press(&mut app, KeyCode::F(5)), vec![Effect::LoadClose]);
    update(
        &mut app,
        Answer::CloseLoaded(Box::new(super::close_tests::report(today(), 50_000))),
    );
    type_text(&mut app, "50000");
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::CloseConfirm);
    // Esc goes back to the count, as it was.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::CloseDay);
    assert!(app.status().is_some());
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "50.000");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Effect::CloseDay {
            count: crate::domain::CashCount::Total(Rupiah(50_000)),
            reason: String::new()
        }]
    );
    update(&mut app, Answer::DayClosed);
    assert_eq!(app.focus(), Focus::DayClosed);
    assert_eq!(app.status(), None);
    assert_eq!(app.note(), Some(&Note::DayClosed));
}

#[test]
fn keys_do_nothing_while_the_terminal_is_too_small_but_ctrl_q() {
    let mut app = app_with_cart();
    let cart = app.till.cart.clone();
    assert!(update(&mut app, Answer::Resize(79, 24)).is_empty());
    assert!(app.too_small());
    for key in [
        KeyCode::Char('K'),
        KeyCode::F(4),
        KeyCode::Delete,
        KeyCode::F(2),
    ] {
        assert!(press(&mut app, key).is_empty(), "{key:?}");
    }
    type_text(&mut app, "y");
    assert_eq!(app.entry(), "");
    assert_eq!(app.till.cart, cart);
    assert_eq!(app.focus(), Focus::Sale);
    update(&mut app, Answer::Resize(80, 23));
    assert!(app.too_small());
    assert_eq!(
        press_with(&mut app, KeyCode::Char('q'), KeyModifiers::CONTROL),
        vec![Effect::Quit]
    );

    let mut app = app_with_cart();
    update(&mut app, Answer::Resize(40, 10));
    update(&mut app, Answer::Resize(80, 24));
    assert!(!app.too_small());
    type_text(&mut app, "K");
    assert_eq!(app.entry(), "K");
}

#[test]
fn failures_are_told_in_the_language_of_the_screen() {
    let mut app = open_app();
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::VoidSale,
            reason: Failure::NotOnOpenDay,
        },
    );
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Penjualan tidak dibatalkan: penjualan itu bukan dari hari usaha yang sedang buka"
    );
    assert_eq!(
        app.note().unwrap().text(Lang::En),
        "Sale not voided: that sale is not from the open business day"
    );
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::OpenDay,
            reason: Failure::DayExists(today()),
        },
    );
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Hari usaha tidak bisa dibuka: hari usaha 23 Nov 2026 sudah pernah dibuka"
    );
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::CloseDay,
            reason: Failure::DiskFull,
        },
    );
    assert_eq!(
        app.note().unwrap().text(Lang::En),
        "The business day could not be closed: the disk is full"
    );
}

#[test]
fn the_date_moves_on_past_midnight() {
    let mut app = App::new(Lang::Id, small(), None, None, today(), "Ani".into());
    let tomorrow = today().succ_opt().unwrap();
    assert!(update(&mut app, Answer::Today(tomorrow)).is_empty());
    type_text(&mut app, "0");
    // The day opened is the runtime's; the form now speaks of tomorrow.
    assert_eq!(app.today, tomorrow);
    assert_eq!(app.focus(), Focus::OpenDay);
}

#[test]
fn an_unreadable_draft_is_said_once_and_the_cart_starts_empty() {
    let mut app = open_app();
    assert!(update(&mut app, Answer::DraftUnreadable).is_empty());
    assert!(app.till.cart.is_empty());
    assert_eq!(app.note(), Some(&Note::DraftUnreadable));
    assert!(app.note().unwrap().is_error());
    type_text(&mut app, "KLP");
    assert_eq!(app.note(), None);
}

#[test]
fn the_catalogue_is_one_key_from_the_till_and_esc_comes_back() {
    let mut app = open_app();
    assert_eq!(
        press(&mut app, KeyCode::F(7)),
        [Effect::LoadProducts, Effect::LoadDailySales(today())]
    );
    assert_eq!(app.focus(), Focus::Products);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(
        press(&mut app, KeyCode::F(8)),
        [Effect::LoadProducers, Effect::LoadDailySales(today())]
    );
    assert_eq!(app.focus(), Focus::Producers);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Sale);
    // Letters still go to the entry line, never to a screen.
    type_text(&mut app, "F7");
    assert_eq!(app.entry(), "F7");
}

#[test]
fn a_price_change_reprices_the_cart_and_a_product_taken_off_blocks_paying() {
    let mut app = open_app();
    type_text(&mut app, "2*KLP");
    press(&mut app, KeyCode::Enter);
    let total_before = app.till.cart.total();
    let mut products = app.catalogue().products().to_vec();
    let klp = products.iter_mut().find(|p| p.code == "KLP").unwrap();
    klp.price += Rupiah(1_000);
    let effects = update(&mut app, Answer::CatalogueReloaded(products.clone()));
    assert_eq!(app.till.cart.total(), total_before + Rupiah(2_000));
    assert!(
        matches!(effects.as_slice(), [Effect::SaveDraft(cart)] if cart.total() == app.till.cart.total()),
        "the repriced cart is saved: {effects:?}"
    );
    // Taken off the till while in the cart: paying is refused, naming it.
    products.retain(|p| p.code != "KLP");
    update(&mut app, Answer::CatalogueReloaded(products));
    assert_eq!(press(&mut app, KeyCode::F(2)), []);
    assert!(
        matches!(app.note(), Some(Note::NoLongerSold(_))),
        "{:?}",
        app.note()
    );
    assert_eq!(app.focus(), Focus::Sale);
}
