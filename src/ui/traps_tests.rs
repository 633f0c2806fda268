//! The traps an attendant fell into in a first week at the till, each through `key_to_msg`,
//! `update` and `view` alone: a scan in the pay dialog, negative amounts and quantities, the
//! rest of a split paid by a method nobody chose, proposed amounts that typing appended to,
//! and screens that said something other than what was true.

use chrono::{NaiveDateTime, TimeDelta};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use super::tests::{app_with_cart, enter, press, today, type_text};
use super::*;
use crate::domain::{ParseError, PaymentMethod};

fn render(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| view(app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let width = buffer.area.width as usize;
    buffer
        .content()
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn pay(app: &App) -> &PayDialog {
    match &app.screen {
        Screen::Pay(pay) => pay,
        _ => panic!("pay dialog expected"),
    }
}

fn at_ms(ms: i64) -> NaiveDateTime {
    today().and_hms_opt(9, 0, 0).unwrap() + TimeDelta::milliseconds(ms)
}

/// Keys typed `gap_ms` apart by the runtime's clock, Enter `gap_ms` after the last.
fn type_timed(app: &mut App, text: &str, start_ms: i64, gap_ms: i64) -> Vec<Effect> {
    let mut t = start_ms;
    for c in text.chars() {
        update(app, Answer::Clock(at_ms(t)));
        press(app, KeyCode::Char(c));
        t += gap_ms;
    }
    update(app, Answer::Clock(at_ms(t)));
    enter(app)
}

#[test]
fn a_letter_code_scanned_into_the_pay_dialog_never_pays() {
    for lang in [Lang::Id, Lang::En] {
        let mut app = app_with_cart();
        app.lang = lang;
        press(&mut app, KeyCode::F(2));
        // The scanner's letters are refused one by one, then its Enter comes.
        type_text(&mut app, "LMPR");
        assert!(
            enter(&mut app).is_empty(),
            "the scanner's Enter pays nothing"
        );
        assert_eq!(app.focus(), Focus::Pay);
        assert!(pay(&app).tender.payments.is_empty());
        assert_eq!(pay(&app).amount, "");
        assert_eq!(app.note(), Some(&Note::ScanInPay));
        let screen = render(&app);
        let said = match lang {
            Lang::Id => "Tutup pembayaran dulu untuk menambah barang",
            Lang::En => "Close the payment first to add goods",
        };
        assert!(screen.contains(said), "{screen}");
    }
}

#[test]
fn enter_after_refused_typing_never_pays_and_the_next_enter_is_the_attendants() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    // A code with digits in it: the digits went into the amount, the letters were refused.
    type_text(&mut app, "KLS30000");
    assert_eq!(pay(&app).amount, "30000");
    assert!(enter(&mut app).is_empty());
    assert_eq!(pay(&app).amount, "", "the scan never becomes an amount");
    assert_eq!(app.note(), Some(&Note::ScanInPay));
    // Now the field is clear: Enter is the attendant's and pays exact.
    let effects = enter(&mut app);
    assert!(
        matches!(effects.as_slice(), [Effect::RecordSale { .. }]),
        "{effects:?}"
    );
}

#[test]
fn a_burst_of_digits_ending_in_enter_is_a_scan_not_an_amount() {
    // A scanner: thirteen digits a few milliseconds apart, and Enter (Rp 8.990.000.000.001
    // would have been refused as too much cash, but stood in the field as an amount).
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    let effects = type_timed(&mut app, "8990000000001", 0, 4);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(pay(&app).amount, "");
    assert!(pay(&app).tender.payments.is_empty());
    assert_eq!(app.note(), Some(&Note::ScanInPay));
    // Keys read in one batch share the runtime's time: a scan, too.
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    update(&mut app, Answer::Clock(at_ms(0)));
    press(&mut app, KeyCode::Char('3'));
    update(&mut app, Answer::Clock(at_ms(300)));
    press(&mut app, KeyCode::Char('0'));
    update(&mut app, Answer::Clock(at_ms(600)));
    type_text(&mut app, "8990000000001");
    assert!(enter(&mut app).is_empty());
    assert_eq!(
        pay(&app).amount,
        "30",
        "what was typed before the burst stays"
    );
    // The same field typed at a person's pace pays.
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    let effects = type_timed(&mut app, "30000", 0, 150);
    let [Effect::RecordSale { payments, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(payments[0].tendered, Rupiah(30_000));
}

#[test]
fn a_negative_amount_is_refused_whole_not_paid_without_its_minus() {
    for (lang, said) in [
        (Lang::Id, "Jumlah uang tidak boleh negatif"),
        (Lang::En, "The amount cannot be negative"),
    ] {
        let mut app = app_with_cart();
        app.lang = lang;
        press(&mut app, KeyCode::F(2));
        type_text(&mut app, "-50000");
        assert_eq!(pay(&app).amount, "-50000");
        assert!(enter(&mut app).is_empty());
        assert!(press(&mut app, KeyCode::F(3)).is_empty());
        assert!(pay(&app).tender.payments.is_empty());
        assert_eq!(app.note(), Some(&Note::BadAmount(ParseError::Negative)));
        assert!(render(&app).contains(said));
    }
}

#[test]
fn after_a_part_the_rest_is_paid_only_by_a_method_chosen_and_shown() {
    for lang in [Lang::Id, Lang::En] {
        let mut app = app_with_cart();
        app.lang = lang;
        press(&mut app, KeyCode::F(2));
        type_text(&mut app, "20000");
        press(&mut app, KeyCode::F(3));
        assert_eq!(pay(&app).tender.remaining(), Rupiah(7_000));
        // No method stands chosen for the rest: Enter pays nothing and says how to choose.
        let screen = render(&app);
        let (hint, tunai) = match lang {
            Lang::Id => ("Tab = pilih cara bayar sisanya", "[ Tunai ]"),
            Lang::En => ("Tab = choose how the rest is paid", "[ Cash ]"),
        };
        assert!(screen.contains(hint), "{screen}");
        assert!(!screen.contains(tunai), "no method shown chosen:\n{screen}");
        assert!(enter(&mut app).is_empty());
        assert_eq!(app.note(), Some(&Note::PickRestMethod(Rupiah(7_000))));
        assert_eq!(pay(&app).tender.payments.len(), 1);
        // Tab chooses, and the dialog says by what the rest will be paid before Enter.
        press(&mut app, KeyCode::Tab);
        let screen = render(&app);
        let shown = match lang {
            Lang::Id => "kosong = sisa pas, dengan QRIS",
            Lang::En => "empty = the rest exactly, by QRIS",
        };
        assert!(screen.contains(shown), "{screen}");
        let effects = enter(&mut app);
        let [Effect::RecordSale { payments, .. }] = effects.as_slice() else {
            panic!("{effects:?}")
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
}

#[test]
fn a_negative_quantity_is_refused_and_changes_no_line() {
    for (lang, said) in [
        (Lang::Id, "Jumlah tidak boleh negatif"),
        (Lang::En, "The quantity cannot be negative"),
    ] {
        let mut app = app_with_cart();
        app.lang = lang;
        let before = app.till.cart.clone();
        // `-` alone still takes one off the selected line.
        press(&mut app, KeyCode::Up);
        type_text(&mut app, "-");
        assert_eq!(
            app.till.cart.lines[0].quantity,
            crate::domain::Quantity::whole(2)
        );
        press(&mut app, KeyCode::Char('+'));
        assert_eq!(app.till.cart, before);
        // `-1*KLP` is a negative quantity: nothing is taken off, nothing added.
        type_text(&mut app, "-1*KLP");
        assert_eq!(app.till.cart, before, "the line `-` touched is put back");
        assert_eq!(app.entry(), "-1*KLP");
        let effects = enter(&mut app);
        assert!(effects.is_empty(), "{effects:?}");
        assert_eq!(app.till.cart, before);
        assert_eq!(
            app.note(),
            Some(&Note::BadQuantity(
                ParseError::Negative,
                crate::domain::Unit::Pcs
            ))
        );
        assert!(render(&app).contains(said), "{}", render(&app));
        // And the other way round.
        press(&mut app, KeyCode::Esc);
        type_text(&mut app, "KLP*-1");
        assert!(enter(&mut app).is_empty());
        assert_eq!(app.till.cart, before);
        assert_eq!(
            app.note(),
            Some(&Note::BadQuantity(
                ParseError::Negative,
                crate::domain::Unit::Pcs
            ))
        );
    }
}

/// The last line of the screen: the key bar.
fn bar(screen: &str) -> String {
    super::tests::bar_rows(screen)
}

#[test]
fn after_the_close_the_header_and_bar_say_the_day_is_closed_and_what_is_left() {
    for (lang, header, left) in [
        (
            Lang::Id,
            "Hari usaha 23 Nov 2026 sudah ditutup",
            "F6 Penjualan",
        ),
        (Lang::En, "The day of 23 Nov 2026 is closed", "F6 Sales"),
    ] {
        let mut app = super::tests::open_app();
        app.lang = lang;
        update(&mut app, Answer::DayClosed);
        let screen = render(&app);
        let first = screen.lines().next().unwrap();
        assert!(first.contains(header), "{screen}");
        assert!(!screen.contains("Belum ada hari") && !screen.contains("No business day"));
        assert!(bar(&screen).contains(left), "{screen}");
        assert!(
            !bar(&screen).contains("Enter"),
            "no key on the bar that is then refused:\n{screen}"
        );
        // F1 lists what the closed day still offers, and no Enter to open it.
        press(&mut app, KeyCode::F(1));
        let help = render(&app);
        assert!(help.contains("F6"), "{help}");
        let open_day = match lang {
            Lang::Id => "Buka hari",
            Lang::En => "Open the day",
        };
        assert!(!help.contains(open_day), "{help}");
        press(&mut app, KeyCode::Esc);
        // Enter says why; nothing is asked of the ledger.
        assert!(enter(&mut app).is_empty());
        assert_eq!(app.note(), Some(&Note::ClosedToday(today())));
        // F6 on the closed day: F8 corrects, and the bar says so.
        press(&mut app, KeyCode::F(6));
        update(
            &mut app,
            Answer::DaySalesLoaded {
                date: today(),
                closed: true,
                sales: super::tests::todays_sales(),
            },
        );
        assert_eq!(app.focus(), Focus::ClosedSales);
        let screen = render(&app);
        let (correct, void) = match lang {
            Lang::Id => ("F8 Koreksi", "F8 Batal"),
            Lang::En => ("F8 Correct", "F8 Void"),
        };
        assert!(bar(&screen).contains(correct), "{screen}");
        assert!(!bar(&screen).contains(void), "{screen}");
    }
}
