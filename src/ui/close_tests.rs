//! The close screen: the count by total and by denomination, the variance and its reason,
//! and what it looks like at 80×24.

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use super::note::UndoNote;
use super::tests::{open_app, press, press_with, today, type_text};
use super::*;
use crate::domain::{CashCount, CashFigures, DayReport, DenominationCount, NonCashTotals};

/// The open day's report as the runtime loads it: float 100.000, cash sales making the
/// expected cash `expected`, 45.000 by QRIS and 30.000 by transfer to check.
pub(super) fn report(date: NaiveDate, expected: i64) -> DayReport {
    let cash = CashFigures {
        float: Rupiah(100_000),
        sales: Rupiah(expected - 100_000 + 12_000),
        cash_out: Rupiah(12_000),
        ..CashFigures::default()
    };
    assert_eq!(cash.expected(), Rupiah(expected));
    DayReport {
        date,
        cash,
        expected_cash: cash.expected(),
        to_check: NonCashTotals {
            qris: Rupiah(45_000),
            transfer: Rupiah(30_000),
        },
        ..DayReport::default()
    }
}

fn close_screen(expected: i64) -> App {
    let mut app = open_app();
    assert_eq!(press(&mut app, KeyCode::F(5)), vec![Effect::LoadClose]);
    assert_eq!(app.focus(), Focus::CloseDay);
    update(
        &mut app,
        Answer::CloseLoaded(Box::new(report(today(), expected))),
    );
    app
}

fn screen(app: &App) -> &close::CloseScreen {
    match &app.screen {
        Screen::Close(screen) => screen,
        Screen::Confirm(confirm) => match confirm.under.as_ref() {
            Screen::Close(screen) => screen,
            _ => panic!("not the close screen"),
        },
        _ => panic!("not the close screen"),
    }
}

fn render(app: &App) -> (Terminal<TestBackend>, String) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| view(app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let text = buffer
        .content()
        .chunks(80)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n");
    (terminal, text)
}

fn row_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle:?} in\n{screen}"))
}

#[test]
fn a_count_is_needed_and_a_variance_needs_a_reason() {
    let mut app = close_screen(250_000);
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.note(), Some(&Note::Till(TillNote::CountNeeded)));
    assert_eq!(app.focus(), Focus::CloseDay);
    // Letters are not typed into an amount.
    type_text(&mut app, "x249.500");
    assert_eq!(screen(&app).total, "249.500");
    press(&mut app, KeyCode::F(2));
    assert_eq!(
        app.note(),
        Some(&Note::Till(TillNote::VarianceNeedsReason(Rupiah(-500))))
    );
    assert_eq!(
        screen(&app).field,
        close::Field::Count,
        "the cursor stays where it was: Tab goes to the reason"
    );
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Kembalian salah");
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::CloseConfirm);
    type_text(&mut app, "249500");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Effect::CloseDay {
            count: CashCount::Total(Rupiah(249_500)),
            reason: "Kembalian salah".into()
        }]
    );
    // The screen stays until the day is closed: a refusal leaves the count as typed.
    assert_eq!(app.focus(), Focus::CloseDay);
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::CloseDay,
            reason: Failure::Busy,
        },
    );
    assert_eq!(screen(&app).total, "249.500");
    update(&mut app, Answer::DayClosed);
    update(
        &mut app,
        Answer::ZReport(Ok(std::path::PathBuf::from("cetakan/tutup-kasir.txt"))),
    );
    assert_eq!(app.focus(), Focus::DayClosed);
    assert!(
        app.note()
            .unwrap()
            .text(Lang::Id)
            .contains("tutup-kasir.txt + tutup-kasir.pdf")
    );
}

#[test]
fn counting_by_denomination_reads_the_piles_row_by_row() {
    let mut app = close_screen(151_500);
    press(&mut app, KeyCode::F(7));
    assert!(screen(&app).by_denomination);
    // 1 × 100.000, Enter, 1 × 50.000, then down to the Rp 1.000 coin and the Rp 500.
    type_text(&mut app, "1");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1");
    for _ in 0..6 {
        press(&mut app, KeyCode::Down);
    }
    type_text(&mut app, "1");
    press(&mut app, KeyCode::Enter);
    // A decimal point is no number of pieces.
    type_text(&mut app, ".1");
    let mut expected = DenominationCount::default();
    expected.0[0] = 1;
    expected.0[1] = 1;
    expected.0[7] = 1;
    expected.0[8] = 1;
    assert_eq!(
        screen(&app).counted(),
        close::Counted::Count(CashCount::ByDenomination(expected))
    );
    press(&mut app, KeyCode::F(2));
    assert_eq!(
        app.focus(),
        Focus::CloseConfirm,
        "no variance, no reason needed"
    );
    type_text(&mut app, "151.500");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Effect::CloseDay {
            count: CashCount::ByDenomination(expected),
            reason: String::new()
        }]
    );
}

/// Pieces stop at four digits and say so; each row's value shows in full with `Rp`; a
/// total that cannot be read says why at once instead of a bare `-`.
#[test]
fn a_count_too_big_or_unreadable_says_so_and_every_value_shows_in_full() {
    let mut app = close_screen(250_000);
    press(&mut app, KeyCode::F(7));
    // The Rp 100.000 row: a fifth digit is refused with a note.
    type_text(&mut app, "20000");
    assert_eq!(screen(&app).pieces[0], "2000");
    assert_eq!(app.note(), Some(&Note::Till(TillNote::TooManyPieces)));
    assert!(app.note().unwrap().is_error());
    assert!(app.note().unwrap().text(Lang::Id).contains("9.999"));
    // Rp 20.000 and the Rp 500 coin.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "2000");
    assert_eq!(app.note(), None, "four digits are fine");
    for _ in 0..6 {
        press(&mut app, KeyCode::Down);
    }
    type_text(&mut app, "99999");
    assert_eq!(screen(&app).pieces[8], "9999");
    let (_, text) = render(&app);
    for (row, fact) in [
        ("Rp 100.000 ", "2000 Rp 200.000.000"),
        ("Rp 20.000 ", "2000  Rp 40.000.000"),
        ("Rp 1.000 koin", ""),
        ("Rp 500 koin", "9999   Rp 4.999.500"),
        ("Kas dihitung", "Rp 244.999.500"),
    ] {
        assert!(
            text.lines().any(|l| l.contains(row) && l.contains(fact)),
            "{fact} by {row} in\n{text}"
        );
    }
    // By total: more than any amount says so as typed, as no further digit can mend it;
    // `15.0`, half-way to `15.000`, is not yet an error.
    press(&mut app, KeyCode::F(7));
    type_text(&mut app, "15.0");
    assert_eq!(app.note(), None);
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "10000000000000");
    assert_eq!(
        app.note(),
        Some(&Note::BadAmount(crate::domain::ParseError::TooLarge))
    );
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.note(), None);
}

/// A finished count is not thrown away by one Esc: it asks first, and anything but `y`
/// stays on the count as typed.
#[test]
fn esc_with_a_count_typed_asks_before_throwing_it_away() {
    let mut app = close_screen(250_000);
    press(&mut app, KeyCode::F(7));
    for pieces in ["2", "1", "", "", "", "", "", "", "1", "1", "5"] {
        type_text(&mut app, pieces);
        press(&mut app, KeyCode::Enter);
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Confirm);
    let (_, text) = render(&app);
    assert!(text.contains("Buang hitungan kas"), "{text}");
    type_text(&mut app, "n");
    assert_eq!(app.focus(), Focus::CloseDay);
    assert_eq!(screen(&app).pieces[0], "2");
    assert_eq!(screen(&app).pieces[10], "5");
    assert!(screen(&app).by_denomination);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "y");
    assert_eq!(app.focus(), Focus::Sale);

    // Only a reason typed is work too; from the question about a day left open, yes goes
    // back to that question.
    let mut app = close_screen(250_000);
    if let Screen::Close(screen) = &mut app.screen {
        screen.stale = true;
    }
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "x");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Confirm);
    type_text(&mut app, "y");
    assert!(matches!(app.screen, Screen::StaleDay));
}

#[test]
fn esc_goes_back_to_the_sale_screen_and_a_failed_load_too() {
    let mut app = close_screen(100_000);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Sale);
    press(&mut app, KeyCode::F(5));
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::Till,
            reason: Failure::Busy,
        },
    );
    assert_eq!(app.focus(), Focus::Sale);
    assert!(app.note().unwrap().is_error());
}

#[test]
fn close_screen_with_a_total_and_a_variance() {
    let mut app = close_screen(250_000);
    type_text(&mut app, "249.500");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Kembalian salah");
    let (terminal, text) = render(&app);
    for (row, fact) in [
        ("Modal awal", "Rp 100.000"),
        ("Kas keluar", "-Rp 12.000"),
        ("Kas seharusnya", "Rp 250.000"),
        ("QRIS", "Rp 45.000"),
        ("Transfer", "Rp 30.000"),
        ("Kas dihitung", "249.500"),
        ("Selisih", "-Rp 500"),
        ("Alasan", "Kembalian salah"),
        ("Kepala rantai di laporan Z", "simpan kertasnya"),
    ] {
        assert!(
            row_with(&text, row).contains(fact),
            "{fact} by {row} in\n{text}"
        );
    }
    let bar = &super::tests::bar_rows(&text);
    for key in ["Tab", "F7", "F2", "Esc"] {
        assert!(bar.contains(key), "{key} on {bar:?}");
    }
    insta::assert_snapshot!(terminal.backend());
}

/// The largest amounts the ledger takes show in full, sign and all, never cut at the left.
#[test]
fn the_close_figures_show_the_largest_amounts_in_full() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(5));
    let cash = CashFigures {
        float: Rupiah(100_000),
        cash_in: Rupiah(crate::domain::money::MAX_INPUT),
        cash_out: Rupiah(999_999_999_999),
        ..CashFigures::default()
    };
    update(
        &mut app,
        Answer::CloseLoaded(Box::new(DayReport {
            date: today(),
            cash,
            expected_cash: cash.expected(),
            to_check: NonCashTotals {
                qris: Rupiah(crate::domain::money::MAX_INPUT),
                transfer: Rupiah(0),
            },
            ..DayReport::default()
        })),
    );
    type_text(&mut app, "1.000.000.000.000");
    let (_, text) = render(&app);
    for (row, fact) in [
        ("Modal awal", "Rp 100.000"),
        ("Kas masuk", " Rp 1.000.000.000.000"),
        ("Kas keluar", " -Rp 999.999.999.999"),
        ("Kas seharusnya", " Rp 100.001"),
        ("QRIS", " Rp 1.000.000.000.000"),
        // Counted by total, the field is the counted cash, shown as typed and once.
        ("Kas dihitung", " 1.000.000.000.000"),
        ("Selisih", " Rp 999.999.899.999"),
    ] {
        assert!(
            text.lines().any(|l| l.contains(row) && l.contains(fact)),
            "{fact} by {row} in\n{text}"
        );
    }
}

#[test]
fn close_screen_by_denomination() {
    let mut app = close_screen(250_000);
    app.lang = Lang::En;
    press(&mut app, KeyCode::F(7));
    type_text(&mut app, "2");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1");
    let (terminal, text) = render(&app);
    assert!(
        text.lines()
            .any(|l| l.contains("Rp 100.000") && l.contains("2") && l.contains("Rp 200.000")),
        "{text}"
    );
    assert!(row_with(&text, "Rp 500 coin").contains("│"));
    assert!(row_with(&text, "Counted cash").contains("Rp 250.000"));
    assert!(row_with(&text, "Variance").contains("Rp 0"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn f9_takes_a_cash_move_with_its_reason_after_a_question() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(9));
    assert_eq!(app.focus(), Focus::CashMove);
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.note(), Some(&Note::Till(TillNote::AmountNeeded)));
    type_text(&mut app, "12.500");
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.note(), Some(&Note::ReasonEmpty));
    type_text(&mut app, "Kantong plastik");
    press(&mut app, KeyCode::F(7));
    press(&mut app, KeyCode::F(7));
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::Confirm);
    let effects = type_text(&mut app, "y");
    assert_eq!(
        effects,
        vec![Effect::RecordCashMove {
            direction: crate::domain::CashDirection::Out,
            amount: Rupiah(12_500),
            reason: "Kantong plastik".into()
        }]
    );
    assert_eq!(app.focus(), Focus::CashMove, "until it is on disk");
    let at = today().and_hms_opt(9, 0, 0).unwrap();
    update(
        &mut app,
        Answer::CashMoved {
            cash_move: crate::domain::CashMove {
                chain_head: None,
                id: 1,
                day_date: today(),
                direction: crate::domain::CashDirection::Out,
                amount: Rupiah(12_500),
                reason: "Kantong plastik".into(),
                at,
                attendant: "Ani".into(),
            },
            slip: Ok("cetakan/kas-0001.txt".into()),
        },
    );
    assert_eq!(app.focus(), Focus::Sale);
    let note = app.note().unwrap();
    assert!(!note.is_error());
    assert!(note.text(Lang::Id).contains("kas-0001.txt"));
}

#[test]
fn cash_move_form() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(9));
    press(&mut app, KeyCode::F(7));
    type_text(&mut app, "50.000");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Uang kecil dari bank");
    let (terminal, text) = render(&app);
    assert!(row_with(&text, "Arah").contains("[ Kas masuk ]"), "{text}");
    assert!(row_with(&text, "Jumlah").contains("50.000"));
    assert!(row_with(&text, "Alasan").contains("Uang kecil dari bank"));
    let bar = &super::tests::bar_rows(&text);
    for key in ["F7", "F2", "Esc"] {
        assert!(bar.contains(key), "{key} on {bar:?}");
    }
    insta::assert_snapshot!(terminal.backend());
}

fn customers() -> Vec<crate::domain::CustomerBalance> {
    let customer = |id, name: &str, nip: Option<&str>, unit: &str| crate::domain::CustomerBalance {
        customer: crate::domain::Customer {
            id,
            name: name.into(),
            nip: nip.map(str::to_string),
            unit: unit.into(),
            phone: String::new(),
            active: true,
        },
        charged: Rupiah(0),
        paid: Rupiah(0),
    };
    vec![
        customer(1, "Budi Santoso", Some("198001012005011001"), "Bidang Umum"),
        customer(2, "Sari Dewi", None, "Keuangan"),
        customer(
            3,
            "Sarip Hidayat",
            Some("197505052000031002"),
            "Sekretariat",
        ),
    ]
}

fn pay_screen() -> App {
    let mut app = super::tests::app_with_cart();
    press(&mut app, KeyCode::F(2));
    // Cash, QRIS, Transfer, Bon.
    press(&mut app, KeyCode::Left);
    app
}

#[test]
fn the_tab_asks_whose_and_a_split_puts_the_rest_on_it() {
    let mut app = pay_screen();
    let total = match &app.screen {
        Screen::Pay(pay) => pay.tender.total,
        _ => panic!("pay dialog"),
    };
    // 7.000 in cash first, then the rest on Sari's tab.
    press(&mut app, KeyCode::Right);
    type_text(&mut app, "7000");
    press(&mut app, KeyCode::F(3));
    press(&mut app, KeyCode::Left);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::LoadCustomers]);
    assert_eq!(app.focus(), Focus::CustomerPicker);
    update(&mut app, Answer::CustomersLoaded(customers()));
    // "sar" finds Sari and Sarip; "keu" narrows to Sari by her unit.
    type_text(&mut app, "sar");
    let Screen::Pay(pay) = &app.screen else {
        panic!()
    };
    assert_eq!(pay.tab.as_ref().unwrap().picker.shown().len(), 2);
    type_text(&mut app, " keu");
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::RecordSale { payments, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let paid: Vec<_> = payments
        .iter()
        .map(|p| (p.method, p.amount, p.customer))
        .collect();
    assert_eq!(
        paid,
        [
            (crate::domain::PaymentMethod::Cash, Rupiah(7_000), None),
            (
                crate::domain::PaymentMethod::Tab,
                total - Rupiah(7_000),
                Some(2)
            ),
        ]
    );
}

#[test]
fn esc_leaves_the_picker_and_no_customers_says_how_to_add_one() {
    let mut app = pay_screen();
    press(&mut app, KeyCode::Enter);
    update(&mut app, Answer::CustomersLoaded(Vec::new()));
    let (_, text) = render(&app);
    assert!(text.contains("Ctrl+T"), "{text}");
    // Enter on an empty list picks nobody.
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Pay);
    let Screen::Pay(pay) = &app.screen else {
        panic!()
    };
    assert!(pay.tender.payments.is_empty());
}

#[test]
fn customer_picker() {
    let mut app = pay_screen();
    press(&mut app, KeyCode::Enter);
    update(&mut app, Answer::CustomersLoaded(customers()));
    type_text(&mut app, "sa");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    let (terminal, text) = render(&app);
    assert!(row_with(&text, "Sarip Hidayat").contains("▶"), "{text}");
    assert!(
        row_with(&text, "Budi Santoso").contains("198001012005011001"),
        "{text}"
    );
    let bar = &super::tests::bar_rows(&text);
    for key in ["Enter", "Esc"] {
        assert!(bar.contains(key), "{key} on {bar:?}");
    }
    insta::assert_snapshot!(terminal.backend());
}

fn owing(mut list: Vec<crate::domain::CustomerBalance>) -> Vec<crate::domain::CustomerBalance> {
    list[0].charged = Rupiah(45_000);
    list[0].paid = Rupiah(20_000);
    list[2].charged = Rupiah(8_000);
    list
}

fn on_customers() -> App {
    let mut app = open_app();
    press_ctrl_t(&mut app);
    assert_eq!(app.focus(), Focus::Customers);
    update(&mut app, Answer::CustomersLoaded(owing(customers())));
    app
}

fn press_ctrl_t(app: &mut App) -> Vec<Effect> {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    let msg = key_to_msg(
        app,
        KeyEvent::new(KeyCode::Char('t'), KeyModifiers::CONTROL),
    )
    .unwrap();
    let effects = update(app, msg);
    assert_eq!(effects, vec![Effect::LoadCustomers]);
    effects
}

#[test]
fn customers_are_added_edited_and_pay_their_tab_after_a_question() {
    let mut app = on_customers();
    // A new customer: a short NIP is refused, with the cursor on it.
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::CustomerForm);
    type_text(&mut app, "Rudi");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "1234");
    press(&mut app, KeyCode::F(2));
    assert!(app.note().unwrap().is_error());
    let Screen::Customers(screen) = &app.screen else {
        panic!()
    };
    assert_eq!(screen.form.as_ref().unwrap().field, 1);
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Umum");
    assert_eq!(
        press(&mut app, KeyCode::F(2)),
        vec![Effect::SaveCustomer {
            id: None,
            customer: crate::domain::NewCustomer {
                name: "Rudi".into(),
                nip: None,
                unit: "Umum".into(),
                phone: String::new(),
            }
        }]
    );
    update(
        &mut app,
        Answer::CustomersChanged {
            list: owing(customers()),
            note: TillNote::CustomerSaved("Rudi".into()),
        },
    );
    assert_eq!(app.focus(), Focus::Customers);

    // Budi pays 10.000 of the 25.000 he owes, by QRIS.
    press(&mut app, KeyCode::F(5));
    assert_eq!(app.focus(), Focus::TabPaymentForm);
    press(&mut app, KeyCode::F(7));
    type_text(&mut app, "10.000");
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::Confirm);
    assert_eq!(
        type_text(&mut app, "y"),
        vec![Effect::RecordTabPayment {
            customer: 1,
            method: crate::domain::PaymentMethod::Qris,
            amount: Rupiah(10_000),
            note: String::new()
        }]
    );
    // Editing fills the form with what is known; F6 prints the statement.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Customers);
    type_text(&mut app, "sarip");
    press(&mut app, KeyCode::F(4));
    let Screen::Customers(screen) = &app.screen else {
        panic!()
    };
    let form = screen.form.as_ref().unwrap();
    assert_eq!((form.id, form.fields[2].as_str()), (Some(3), "Sekretariat"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        press(&mut app, KeyCode::F(6)),
        vec![Effect::PrintTabStatement { customer: 3 }]
    );
}

/// What the screen already knows is checked before the question: more than is owed, and
/// a customer who owes nothing, are said at once on the message line.
#[test]
fn a_tab_payment_above_what_is_owed_is_refused_before_the_question() {
    let mut app = on_customers();
    // Budi owes 25.000.
    press(&mut app, KeyCode::F(5));
    type_text(&mut app, "30.000");
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.focus(), Focus::TabPaymentForm, "no question");
    assert_eq!(
        app.note(),
        Some(&Note::Till(TillNote::MoreThanOwed(Rupiah(25_000))))
    );
    assert!(app.note().unwrap().is_error());
    assert!(app.note().unwrap().text(Lang::Id).contains("Rp 25.000"));
    // All of it is fine.
    for _ in 0..6 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "25.000");
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::Confirm);
    type_text(&mut app, "n");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Customers);
    // Sari Dewi owes nothing: F5 says so instead of opening a form to type into.
    type_text(&mut app, "dewi");
    assert!(press(&mut app, KeyCode::F(5)).is_empty());
    assert_eq!(app.focus(), Focus::Customers);
    assert_eq!(
        app.note(),
        Some(&Note::Till(TillNote::OwesNothing("Sari Dewi".into())))
    );
    assert!(app.note().unwrap().text(Lang::En).contains("owes nothing"));
}

/// A letter in an amount never vanishes silently: the key is refused on the message line
/// and the note stays while typing goes on, in every amount field of the till.
#[test]
fn a_letter_in_an_amount_field_is_refused_on_the_message_line() {
    let digits_only = Some(&Note::DigitsOnly('o'));
    // The pay dialog.
    let mut app = open_app();
    type_text(&mut app, "KLP");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::Pay);
    type_text(&mut app, "5o000");
    assert_eq!(app.note(), digits_only);
    assert!(app.note().unwrap().is_error());
    assert!(app.note().unwrap().text(Lang::Id).contains("Hanya angka"));
    assert!(app.note().unwrap().text(Lang::En).contains("Digits only"));
    let Screen::Pay(pay) = &app.screen else {
        panic!()
    };
    assert_eq!(pay.amount, "5000", "the letter is not typed");
    // Backspace is a correction: the note goes.
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "0");
    assert_eq!(app.note(), None);

    // The close count, by total and by denomination (where a dot is no digit either).
    let mut app = close_screen(250_000);
    type_text(&mut app, "5x0.000");
    assert_eq!(app.note(), Some(&Note::DigitsOnly('x')));
    press(&mut app, KeyCode::F(7));
    type_text(&mut app, "1.5");
    assert_eq!(app.note(), Some(&Note::DigitsOnly('.')));
    assert_eq!(screen(&app).pieces[0], "15");

    // The cash move.
    let mut app = open_app();
    press(&mut app, KeyCode::F(9));
    type_text(&mut app, "5o000");
    assert_eq!(app.note(), digits_only);

    // The tab payment.
    let mut app = on_customers();
    press(&mut app, KeyCode::F(5));
    type_text(&mut app, "5o000");
    assert_eq!(app.note(), digits_only);
    // Its note takes letters.
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "lunas");
    assert_eq!(app.note(), None);
}

#[test]
fn customers_screen() {
    let app = on_customers();
    let (terminal, text) = render(&app);
    assert!(
        row_with(&text, "Budi Santoso").contains("Rp 25.000"),
        "{text}"
    );
    assert!(
        row_with(&text, "Sarip Hidayat").contains("Rp 8.000"),
        "{text}"
    );
    assert!(row_with(&text, "Sari Dewi").contains("Rp 0"), "{text}");
    let bar = &super::tests::bar_rows(&text);
    for key in ["F2", "F4", "F5", "F6", "Esc"] {
        assert!(bar.contains(key), "{key} on {bar:?}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn tab_payment_form() {
    let mut app = on_customers();
    app.lang = Lang::En;
    press(&mut app, KeyCode::F(5));
    type_text(&mut app, "25000");
    let (terminal, text) = render(&app);
    assert!(
        text.contains("Tab payment: Budi Santoso (owes Rp 25.000)"),
        "{text}"
    );
    assert!(row_with(&text, "Method").contains("[ Cash ]"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_sales_list_steps_to_a_closed_day_where_f8_corrects_with_a_refund() {
    let mut app = open_app();
    assert_eq!(press(&mut app, KeyCode::F(6)), vec![Effect::LoadSales]);
    update(&mut app, Answer::SalesLoaded(super::tests::todays_sales()));
    assert_eq!(
        press(&mut app, KeyCode::PageUp),
        vec![Effect::LoadSalesNear {
            from: None,
            older: true
        }]
    );
    let yesterday = today().pred_opt().unwrap();
    let mut sales = super::tests::todays_sales();
    sales[2].methods = vec![crate::domain::PaymentMethod::Qris];
    update(
        &mut app,
        Answer::DaySalesLoaded {
            date: yesterday,
            closed: true,
            sales,
        },
    );
    let (_, text) = render(&app);
    assert!(
        text.contains("Penjualan 22 Nov 2026 (sudah ditutup"),
        "{text}"
    );
    // A closed day's list says that F8 corrects there, not voids.
    assert_eq!(app.focus(), Focus::ClosedSales);
    assert!(
        text.contains("F8 Koreksi") && !text.contains("F8 Batal"),
        "{text}"
    );
    // ← steps on from the day shown.
    assert_eq!(
        press(&mut app, KeyCode::Right),
        vec![Effect::LoadSalesNear {
            from: Some(yesterday),
            older: false
        }]
    );
    // The voided one cannot be corrected; the QRIS one is refunded by QRIS unless changed.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::F(8));
    assert_eq!(app.note(), Some(&Note::AlreadyVoided(6)));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::F(8));
    assert_eq!(app.focus(), Focus::CorrectionReason);
    let (terminal, text) = render(&app);
    assert!(text.contains("Koreksi #5, kembali: QRIS"), "{text}");
    insta::assert_snapshot!("correction_reason", terminal.backend());
    type_text(&mut app, "Salah harga");
    press(&mut app, KeyCode::F(7));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Focus::Confirm);
    assert_eq!(
        type_text(&mut app, "y"),
        vec![Effect::CorrectSale {
            sale_id: 105,
            refund: crate::domain::RefundMethod::Transfer,
            reason: "Salah harga".into()
        }]
    );
    assert_eq!(app.focus(), Focus::ClosedSales);
    let at = today().and_hms_opt(8, 0, 0).unwrap();
    update(
        &mut app,
        Answer::SaleCorrected {
            correction: crate::domain::Correction {
                id: 1,
                sale_id: 105,
                sale_date: yesterday,
                sale_number: 5,
                amount: Rupiah(5_000),
                refund_method: crate::domain::RefundMethod::Transfer,
                day_date: today(),
                at,
                attendant: "Ani".into(),
                reason: "Salah harga".into(),
            },
            sales: None,
        },
    );
    let Screen::Sales(list) = &app.screen else {
        panic!()
    };
    assert!(list.sales.as_ref().unwrap()[2].corrected);
    assert!(
        app.note()
            .unwrap()
            .text(Lang::Id)
            .contains("#5 tanggal 22 Nov 2026 dikoreksi")
    );
}

#[test]
fn the_close_screen_reminds_of_daily_producers_still_owed_and_ctrl_p_pays_them() {
    let mut app = close_screen(150_000);
    let balance = |code: &str, daily: bool, owed: i64| crate::domain::ProducerBalance {
        code: code.into(),
        name: code.into(),
        payout_daily: daily,
        active: true,
        balance: Rupiah(owed),
    };
    update(
        &mut app,
        Answer::BalancesAtClose(vec![
            balance("SRI", true, 32_300),
            // Paid out already, or one who lets the balance run: no reminder.
            balance("TANI", true, 0),
            balance("BTK", false, 90_000),
            balance("KPI", true, 12_000),
        ]),
    );
    assert_eq!(
        screen(&app).daily_unpaid,
        vec![
            ("SRI".to_string(), Rupiah(32_300)),
            ("KPI".into(), Rupiah(12_000))
        ]
    );
    let (_, text) = render(&app);
    assert!(
        text.contains("Belum dibayar (2 harian)     Rp 44.300"),
        "{text}"
    );
    assert!(text.contains("Bayar dulu: Ctrl+P"), "{text}");
    assert_eq!(
        press_with(
            &mut app,
            KeyCode::Char('p'),
            ratatui::crossterm::event::KeyModifiers::CONTROL
        ),
        vec![Effect::LoadPayouts]
    );
    assert_eq!(app.focus(), Focus::Payouts);
}

#[test]
fn a_count_with_a_difference_asks_for_the_reason_and_tab_takes_the_cursor_and_marker_there() {
    let mut app = close_screen(151_500);
    press(&mut app, KeyCode::F(7));
    type_text(&mut app, "1");
    let (_, text) = render(&app);
    assert!(text.contains('▶'), "the row being typed is marked:\n{text}");
    // Rp 100.000 counted against Rp 151.500 expected: F2 asks for the reason first, and the
    // cursor stays on the count until Tab takes it to the reason.
    press(&mut app, KeyCode::F(2));
    assert_eq!(screen(&app).field, close::Field::Count);
    press(&mut app, KeyCode::Tab);
    assert_eq!(screen(&app).field, close::Field::Reason);
    let (_, text) = render(&app);
    assert!(
        !text.contains('▶'),
        "no row looks selected while the reason is typed:\n{text}"
    );
    type_text(&mut app, "uang receh kurang");
    assert_eq!(screen(&app).reason, "uang receh kurang");
}

/// The close screen with `counted` typed as the total, a reason when it differs, and F2
/// pressed: the close waits for its confirmation.
fn confirming(expected: i64, counted: &str, above: Option<i64>) -> App {
    let mut app = close_screen(expected);
    if let Some(above) = above {
        update(&mut app, Answer::CloseThreshold(Rupiah(above)));
    }
    type_text(&mut app, counted);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Uang diambil untuk belanja");
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.focus(), Focus::CloseConfirm);
    app
}

/// A key storm (Y, Enter, digits that are not the count) never closes the day: only the
/// count typed again does.
#[test]
fn a_key_storm_after_f2_does_not_close_the_day_the_count_typed_again_does() {
    let mut app = confirming(250_000, "63.785.000", Some(10_000));
    let mut effects = Vec::new();
    for key in ["y", "Y", "\n", "n", "9", "\n", "\n", "y"] {
        effects.extend(match key {
            "\n" => press(&mut app, KeyCode::Enter),
            text => type_text(&mut app, text),
        });
    }
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(app.focus(), Focus::CloseConfirm);
    assert_eq!(app.note(), Some(&Note::DigitsOnly('y')));
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(
        app.note(),
        Some(&Note::Till(TillNote::Undo(UndoNote::RetypeNeeded)))
    );
    // A figure that differs is wiped and said; a count that far needs the retype: F4 alone
    // is refused.
    type_text(&mut app, "63.758.000");
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(
        app.note(),
        Some(&Note::Till(TillNote::Undo(UndoNote::RetypeDiffers)))
    );
    assert!(app.note().unwrap().is_error());
    assert!(screen(&app).confirming.as_ref().unwrap().typed.is_empty());
    assert!(press(&mut app, KeyCode::F(4)).is_empty());
    assert_eq!(
        app.note(),
        Some(&Note::Till(TillNote::Undo(UndoNote::FarNoPinAlone)))
    );
    type_text(&mut app, "63785000");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Effect::CloseDay {
            count: CashCount::Total(Rupiah(63_785_000)),
            reason: "Uang diambil untuk belanja".into()
        }]
    );
    assert_eq!(
        app.focus(),
        Focus::CloseDay,
        "the screen waits for the ledger"
    );
}

#[test]
fn a_count_near_the_expected_cash_may_be_confirmed_with_the_managers_pin() {
    let mut app = confirming(250_000, "249.500", Some(10_000));
    assert!(!screen(&app).confirming.as_ref().unwrap().far);
    // Nobody is signed in in this test: the popup holds it all the same.
    assert!(press(&mut app, KeyCode::F(4)).is_empty());
    assert_eq!(app.focus(), Focus::Approval);
    // Without the threshold loaded, every count counts as far.
    let app = confirming(250_000, "249.500", None);
    assert!(screen(&app).confirming.as_ref().unwrap().far);
}

fn confirm_screen(lang: Lang) -> Terminal<TestBackend> {
    let mut app = confirming(250_000, "63.785.000", Some(10_000));
    if lang == Lang::En {
        press(&mut app, KeyCode::F(10));
    }
    type_text(&mut app, "63.785");
    render(&app).0
}

#[test]
fn close_confirmation_id() {
    let terminal = confirm_screen(Lang::Id);
    let text = format!("{:?}", terminal.backend());
    for fact in [
        "Pastikan tutup kasir",
        "Rp 63.785.000",
        "Rp 63.535.000",
        "Ketik ulang kas dihitung:  63.785",
        "Selisih lebih dari Rp 10.000",
        "PIN pengelola",
    ] {
        assert!(text.contains(fact), "{fact} in\n{text}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn close_confirmation_en() {
    let terminal = confirm_screen(Lang::En);
    let text = format!("{:?}", terminal.backend());
    for fact in [
        "Confirm the close",
        "Type the cash counted again:  63.785",
        "A variance above Rp 10.000",
    ] {
        assert!(text.contains(fact), "{fact} in\n{text}");
    }
    insta::assert_snapshot!(terminal.backend());
}

/// After today's close: F4 on the open-day form asks the reason, then the question; yes
/// asks the ledger to reopen, and the till sells again once it has.
#[test]
fn the_day_closed_today_is_reopened_with_a_reason_after_a_question() {
    let mut app = open_app();
    let status = app.status().cloned().unwrap();
    update(&mut app, Answer::DayClosed);
    assert_eq!(app.focus(), Focus::DayClosed);
    assert!(press(&mut app, KeyCode::F(4)).is_empty());
    assert_eq!(app.focus(), Focus::ReopenReason);
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(app.note(), Some(&Note::ReasonEmpty));
    type_text(&mut app, "Salah hitung kas");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Focus::Confirm);
    // No: nothing asked of the ledger, the form is back.
    assert!(type_text(&mut app, "n").is_empty());
    assert_eq!(app.focus(), Focus::DayClosed);
    press(&mut app, KeyCode::F(4));
    type_text(&mut app, "Salah hitung kas");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        type_text(&mut app, "y"),
        vec![Effect::ReopenDay {
            reason: "Salah hitung kas".into()
        }]
    );
    update(&mut app, Answer::DayReopened(status.clone()));
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.status(), Some(&status));
    assert_eq!(
        app.note(),
        Some(&Note::Till(TillNote::Undo(UndoNote::Reopened(today()))))
    );
    assert!(!app.note().unwrap().is_error());
}

#[test]
fn f4_reopens_nothing_when_no_day_was_closed_today() {
    let mut app = open_app();
    update(&mut app, Answer::DayClosed);
    update(&mut app, Answer::Today(today().succ_opt().unwrap()));
    assert!(press(&mut app, KeyCode::F(4)).is_empty());
    assert_eq!(app.focus(), Focus::OpenDay);
    assert_eq!(
        app.note(),
        Some(&Note::Till(TillNote::Undo(UndoNote::NotReopenable)))
    );
    assert!(app.note().unwrap().text(Lang::Id).starts_with("Hanya hari"));
}

fn reopen_form(lang: Lang) -> Terminal<TestBackend> {
    let mut app = open_app();
    update(&mut app, Answer::DayClosed);
    if lang == Lang::En {
        press(&mut app, KeyCode::F(10));
    }
    press(&mut app, KeyCode::F(4));
    type_text(&mut app, "Salah hitung kas");
    render(&app).0
}

#[test]
fn reopen_form_id() {
    let terminal = reopen_form(Lang::Id);
    let text = format!("{:?}", terminal.backend());
    for fact in [
        "Buka kembali hari 23 Nov 2026",
        "Salah hitung kas",
        "Laporan Z yang sudah dicetak menjadi tidak berlaku",
    ] {
        assert!(text.contains(fact), "{fact} in\n{text}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn reopen_form_en() {
    let terminal = reopen_form(Lang::En);
    let text = format!("{:?}", terminal.backend());
    for fact in ["Reopen the day of 23 Nov 2026", "stops being valid"] {
        assert!(text.contains(fact), "{fact} in\n{text}");
    }
    insta::assert_snapshot!(terminal.backend());
}

/// F3 in the sales list: a closed day's Z report again; on the open day, where to find one.
/// The bar names it in both languages.
#[test]
fn f3_in_the_sales_list_prints_a_closed_days_z_report_again() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(6));
    update(&mut app, Answer::SalesLoaded(super::tests::todays_sales()));
    assert!(press(&mut app, KeyCode::F(3)).is_empty());
    assert_eq!(
        app.note(),
        Some(&Note::Till(TillNote::Undo(UndoNote::ZOfClosedDay)))
    );
    let yesterday = today().pred_opt().unwrap();
    update(
        &mut app,
        Answer::DaySalesLoaded {
            date: yesterday,
            closed: true,
            sales: super::tests::todays_sales(),
        },
    );
    assert_eq!(
        press(&mut app, KeyCode::F(3)),
        vec![Effect::WriteDayReport { date: yesterday }]
    );
    update(
        &mut app,
        Answer::OfficePrintout(Ok(std::path::PathBuf::from("tutup-kasir-salinan-1.txt"))),
    );
    assert_eq!(app.focus(), Focus::ClosedSales);
    let (_, text) = render(&app);
    assert!(text.contains("tutup-kasir-salinan-1.txt"), "{text}");
    assert!(
        super::tests::bar_rows(&text).contains("F3 Lap. Z"),
        "{text}"
    );
    press(&mut app, KeyCode::F(10));
    let (_, text) = render(&app);
    assert!(
        super::tests::bar_rows(&text).contains("F3 Z report"),
        "{text}"
    );
}

#[test]
fn the_reason_is_its_own_field_and_words_typed_on_the_count_never_count_pieces() {
    for (lang, said, counted) in [
        (Lang::Id, "ketik alasan di kolom Alasan", "Kas dihitung"),
        (
            Lang::En,
            "type the reason in the Reason field",
            "Counted cash",
        ),
    ] {
        let mut app = close_screen(151_500);
        app.lang = lang;
        // Counted by total, the counted cash is said once.
        type_text(&mut app, "150.000");
        let (_, text) = render(&app);
        assert_eq!(text.matches(counted).count(), 1, "{text}");
        // By denomination: one Rp 100.000, one Rp 50.000; Enter walks down to the Rp 500 coin.
        press(&mut app, KeyCode::F(7));
        type_text(&mut app, "1");
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, "1");
        for _ in 0..7 {
            press(&mut app, KeyCode::Enter);
        }
        assert_eq!(screen(&app).row, 8, "the Rp 500 coin row");
        let pieces_before = screen(&app).pieces.clone();
        // F2 with a variance asks for the reason; the cursor does not move under the hand.
        press(&mut app, KeyCode::F(2));
        assert_eq!(
            app.note(),
            Some(&Note::Till(TillNote::VarianceNeedsReason(Rupiah(-1_500))))
        );
        assert_eq!(screen(&app).field, close::Field::Count);
        // The reason typed on the count: the words and the 500 in them count nothing.
        type_text(&mut app, "Kurang 500, uang receh");
        assert_eq!(screen(&app).pieces, pieces_before);
        assert_eq!(app.note(), Some(&Note::Till(TillNote::ReasonInItsField)));
        assert!(render(&app).1.contains(said), "{}", render(&app).1);
        // Tab takes it to the reason; there, Enter and typing stay in the reason.
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "Kurang 500");
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, ", uang receh");
        assert_eq!(screen(&app).field, close::Field::Reason);
        assert_eq!(screen(&app).reason, "Kurang 500, uang receh");
        assert_eq!(screen(&app).pieces, pieces_before);
        press(&mut app, KeyCode::F(2));
        assert_eq!(app.focus(), Focus::CloseConfirm);
    }
}
