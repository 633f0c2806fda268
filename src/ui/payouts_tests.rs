//! The producers' money screen (Ctrl+P), its payout form and the producer form's daily
//! flag, through `key_to_msg` and `update` alone, and what they look like at 80×24.

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::tests::{open_app, press, press_with, type_text};
use super::*;
use crate::domain::{Payout, PayoutMethod, ProducerBalance, Rate, Scheme};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn balance(code: &str, name: &str, daily: bool, owed: i64) -> ProducerBalance {
    ProducerBalance {
        code: code.into(),
        name: name.into(),
        payout_daily: daily,
        active: true,
        balance: Rupiah(owed),
    }
}

fn balances() -> Vec<ProducerBalance> {
    vec![
        balance("KOPI", "Kopi Pak Di", true, 0),
        balance("LAMA", "Toko Lama", false, 0),
        balance("SRI", "Kue Bu Sri", false, 17_850),
        balance("TANI", "Kelompok Tani", true, 20_250),
    ]
}

fn days() -> Vec<(NaiveDate, bool)> {
    vec![(day(20), true), (day(21), true), (day(22), false)]
}

/// The screen, loaded, reached as the attendant does: Ctrl+P on the sale screen.
fn on_payouts() -> App {
    let mut app = open_app();
    let effects = press_with(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(effects, [Effect::LoadPayouts]);
    assert_eq!(app.focus(), Focus::Payouts);
    update(
        &mut app,
        Answer::PayoutsLoaded {
            balances: balances(),
            days: days(),
        },
    );
    app
}

fn screen(app: &App) -> &payouts::PayoutsScreen {
    match &app.screen {
        Screen::Payouts(screen) => screen,
        Screen::Confirm(c) => match c.under.as_ref() {
            Screen::Payouts(screen) => screen,
            _ => panic!("no payouts screen"),
        },
        _ => panic!("no payouts screen"),
    }
}

fn form(app: &App) -> &payouts::PayoutForm {
    screen(app).form.as_deref().expect("no payout form")
}

fn render(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| view(app, frame)).unwrap();
    terminal
        .backend()
        .buffer()
        .content()
        .chunks(80)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn row_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle:?} in\n{screen}"))
}

#[test]
fn the_list_shows_who_is_owed_and_who_is_paid_daily() {
    let mut app = on_payouts();
    let codes: Vec<_> = screen(&app)
        .shown()
        .iter()
        .map(|b| b.code.clone())
        .collect();
    assert_eq!(
        codes,
        ["KOPI", "SRI", "TANI"],
        "LAMA is owed nothing and not daily"
    );
    let text = render(&app);
    insta::assert_snapshot!("payouts_list", text);
    assert!(text.contains("Slip bagi hasil: 22 Nov 2026 (hari buka, pratinjau)"));
    assert!(row_with(&text, "SRI").contains("Rp 17.850"));
    assert!(row_with(&text, "TANI").contains("harian"));
    let bar = &super::tests::bar_rows(&text);
    for key in ["Enter", "F2", "Esc", "Ctrl+Q"] {
        assert!(bar.contains(key), "{key} missing from the bar: {bar}");
    }
    type_text(&mut app, "tani");
    assert_eq!(screen(&app).current().unwrap().code, "TANI");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Sale);
}

#[test]
fn f3_writes_the_shown_days_report_and_f4_its_months_recap() {
    let mut app = on_payouts();
    assert_eq!(
        press(&mut app, KeyCode::F(3)),
        [Effect::WriteDayReport { date: day(22) }]
    );
    press(&mut app, KeyCode::Left);
    assert_eq!(
        press(&mut app, KeyCode::F(4)),
        [Effect::WriteRecap { date: day(21) }]
    );
    assert_eq!(app.focus(), Focus::Payouts);
    // F5: the selected producer's statement; its dates are asked, from the 1st of the
    // shown day's month to that day unless typed otherwise.
    assert!(press(&mut app, KeyCode::F(5)).is_empty());
    assert_eq!(app.focus(), Focus::StatementRange);
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Focus::Payouts);
    let code = screen(&app).current().unwrap().code.clone();
    assert_eq!(
        effects,
        [Effect::WriteStatement {
            producer: code,
            from: day(1),
            to: day(21)
        }]
    );
    update(
        &mut app,
        Answer::OfficePrintout(Ok("/tmp/printouts/2026-11-21/rekap-2026-11.pdf".into())),
    );
    assert!(
        render(&app).contains("Ditulis: rekap-2026-11.pdf"),
        "{}",
        render(&app)
    );
    update(&mut app, Answer::OfficePrintout(Err(Failure::DiskFull)));
    let full_id = Failure::DiskFull.text(crate::strings::Lang::Id);
    assert!(render(&app).contains(&format!("Gagal ditulis: {full_id}")));
    let note = app.note().unwrap().text(crate::strings::Lang::En);
    let full_en = Failure::DiskFull.text(crate::strings::Lang::En);
    assert_eq!(note, format!("Could not be written: {full_en}"));
}

#[test]
fn the_slip_key_writes_the_shown_day_and_the_arrows_step_days() {
    let mut app = on_payouts();
    assert_eq!(
        press(&mut app, KeyCode::F(2)),
        [Effect::WriteSettlements { date: day(22) }]
    );
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::PageUp);
    press(&mut app, KeyCode::PageUp);
    assert_eq!(
        screen(&app).shown_day(),
        Some((day(20), true)),
        "stops at the first"
    );
    assert!(render(&app).contains("Slip bagi hasil: 20 Nov 2026 (sudah ditutup)"));
    press(&mut app, KeyCode::Right);
    assert_eq!(
        press(&mut app, KeyCode::F(2)),
        [Effect::WriteSettlements { date: day(21) }]
    );
    update(
        &mut app,
        Answer::SettlementsWritten {
            date: day(21),
            result: Ok((2, "/tmp/printouts/2026-11-21".into())),
        },
    );
    assert_eq!(
        app.note(),
        Some(&Note::SettlementsWritten(2, "2026-11-21".into()))
    );
    assert!(render(&app).contains("2 slip bagi hasil ditulis ke 2026-11-21"));
    update(
        &mut app,
        Answer::SettlementsWritten {
            date: day(21),
            result: Ok((0, "/tmp".into())),
        },
    );
    assert!(render(&app).contains("Tidak ada kegiatan produsen pada 21 Nov 2026"));
    // Reloading keeps the day shown.
    update(
        &mut app,
        Answer::PayoutsLoaded {
            balances: balances(),
            days: days(),
        },
    );
    assert_eq!(screen(&app).shown_day(), Some((day(21), true)));
}

/// The payout amount refuses a letter on the message line; its note takes letters.
#[test]
fn a_letter_in_the_payout_amount_is_refused_on_the_message_line() {
    let mut app = on_payouts();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Focus::PayoutForm);
    for _ in 0..6 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "1o.000");
    assert_eq!(app.note(), Some(&Note::DigitsOnly('o')));
    assert_eq!(form(&app).amount, "1.000");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "tunai");
    assert_eq!(app.note(), None);
    assert_eq!(form(&app).note, "tunai");
}

#[test]
fn a_payout_defaults_to_the_whole_balance_is_checked_and_asks_first() {
    let mut app = on_payouts();
    // KOPI is owed nothing: no form.
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(app.note(), Some(&Note::PayoutAboveOwed(Rupiah(0))));
    assert_eq!(app.focus(), Focus::Payouts);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Focus::PayoutForm);
    assert_eq!(form(&app).amount, "17.850");
    assert_eq!(form(&app).method, PayoutMethod::Cash);
    press(&mut app, KeyCode::F(7));
    assert_eq!(form(&app).method, PayoutMethod::Transfer);
    for _ in 0..6 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "20.000");
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.note(), Some(&Note::PayoutAboveOwed(Rupiah(17_850))));
    for _ in 0..6 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "nol");
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.note(), Some(&Note::BadPayoutAmount));
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "10000");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "BRI 1234");
    insta::assert_snapshot!("payout_form", render(&app));
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.focus(), Focus::Confirm);
    let text = render(&app);
    assert!(
        text.contains("Bayar Rp 10.000 kepada Kue Bu Sri (Transfer)?"),
        "{text}"
    );
    let effects = press(&mut app, KeyCode::Char('y'));
    assert_eq!(
        effects,
        [Effect::PayProducer {
            code: "SRI".into(),
            method: PayoutMethod::Transfer,
            amount: Rupiah(10_000),
            note: "BRI 1234".into(),
        }]
    );
    // A refusal keeps the form, and says what is owed.
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::PayProducer,
            reason: Failure::PayoutAboveBalance {
                producer: "SRI".into(),
                owed: Rupiah(5_000),
            },
        },
    );
    assert_eq!(app.focus(), Focus::PayoutForm);
    let text = render(&app);
    assert!(
        text.contains("Pembayaran TIDAK tercatat: melebihi saldo: pojok hanya berutang Rp 5.000"),
        "{text}"
    );
    let payout = Payout {
        chain_head: None,
        id: 1,
        number: 3,
        date: day(22),
        producer_code: "SRI".into(),
        producer_name: "Kue Bu Sri".into(),
        method: PayoutMethod::Transfer,
        amount: Rupiah(10_000),
        at: day(22).and_hms_opt(16, 0, 0).unwrap(),
        attendant: "Sari".into(),
        note: "BRI 1234".into(),
        balance_before: Rupiah(17_850),
    };
    let mut after = balances();
    after[2].balance = Rupiah(7_850);
    update(
        &mut app,
        Answer::PayoutRecorded {
            payout,
            slip: Ok("/p/2026-11-22/bayar-0003-SRI.txt".into()),
            balances: Some((after, days())),
        },
    );
    assert_eq!(app.focus(), Focus::Payouts);
    let text = render(&app);
    assert!(row_with(&text, "SRI").contains("Rp 7.850"), "{text}");
    assert!(text.contains("Pembayaran No. 0003 tercatat"), "{text}");
}

#[test]
fn a_recorded_payout_not_read_back_reloads_the_list() {
    let mut app = on_payouts();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let payout = Payout {
        chain_head: None,
        id: 1,
        number: 1,
        date: day(22),
        producer_code: "SRI".into(),
        producer_name: "Kue Bu Sri".into(),
        method: PayoutMethod::Cash,
        amount: Rupiah(17_850),
        at: day(22).and_hms_opt(16, 0, 0).unwrap(),
        attendant: "Sari".into(),
        note: String::new(),
        balance_before: Rupiah(17_850),
    };
    let effects = update(
        &mut app,
        Answer::PayoutRecorded {
            payout,
            slip: Err(Failure::DiskFull),
            balances: None,
        },
    );
    assert_eq!(effects, [Effect::LoadPayouts]);
    assert!(
        screen(&app).list.items.is_none(),
        "the old balance is not offered again"
    );
    assert_eq!(app.note(), Some(&Note::SlipFailed(Failure::DiskFull)));
}

fn producer(code: &str, daily: bool) -> Producer {
    Producer {
        id: 1,
        code: code.into(),
        name: "Bu Sri".into(),
        phone: String::new(),
        address: String::new(),
        account: String::new(),
        scheme: Scheme::Percentage {
            rate: Rate::from_basis_points(1_500).unwrap(),
        },
        active: true,
        payout_daily: daily,
    }
}

#[test]
fn the_producer_form_sets_the_daily_flag_after_the_producer_is_saved() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(8));
    update(
        &mut app,
        Answer::ProducersLoaded(vec![producer("BUSRI", false)]),
    );
    // Only the flag changed: it alone is saved.
    press(&mut app, KeyCode::F(4));
    press(&mut app, KeyCode::F(6));
    let text = render(&app);
    assert!(row_with(&text, "Bayar harian").contains("ya"), "{text}");
    insta::assert_snapshot!("producer_form_paid_daily", text);
    assert_eq!(
        press(&mut app, KeyCode::F(2)),
        [Effect::SetPayoutDaily {
            code: "BUSRI".into(),
            daily: true
        }]
    );
    let effects = update(
        &mut app,
        Answer::ProducersChanged {
            producers: vec![producer("BUSRI", true)],
            active: Vec::new(),
        },
    );
    assert!(effects.is_empty());
    assert_eq!(app.focus(), Focus::Producers);

    // A new producer paid daily: added first, then the flag, once it is on disk.
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "MAK");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Mak Ijah");
    press(&mut app, KeyCode::F(7));
    press(&mut app, KeyCode::F(6));
    let effects = press(&mut app, KeyCode::F(2));
    assert!(matches!(effects.as_slice(), [Effect::AddProducer(p)] if p.code == "MAK"));
    // A refused code leaves every flag alone.
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::SaveProducer,
            reason: Failure::DuplicateCode("MAK".into()),
        },
    );
    assert_eq!(app.focus(), Focus::ProducerForm);
    let effects = update(
        &mut app,
        Answer::ProducersChanged {
            producers: vec![producer("BUSRI", true), producer("MAK", false)],
            active: Vec::new(),
        },
    );
    assert_eq!(
        effects,
        [Effect::SetPayoutDaily {
            code: "MAK".into(),
            daily: true
        }]
    );
}

/// The statement's dates typed as an office writes them; a bad date or a range backwards is
/// said, on the field to fix, and nothing is written; Esc leaves the list as it was.
#[test]
fn the_statement_is_written_for_the_dates_typed() {
    let mut app = on_payouts();
    let code = screen(&app).current().unwrap().code.clone();
    press(&mut app, KeyCode::F(5));
    let erase = |app: &mut App| {
        for _ in 0..10 {
            press(app, KeyCode::Backspace);
        }
    };
    erase(&mut app);
    type_text(&mut app, "31-02-2026");
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(app.note(), Some(&Note::BadDate("31-02-2026".into())));
    erase(&mut app);
    type_text(&mut app, "2026-11-25");
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(
        app.note(),
        Some(&Note::Till(crate::ui::TillNote::Undo(
            super::note::UndoNote::RangeBackwards
        )))
    );
    erase(&mut app);
    type_text(&mut app, "15/10/2026");
    press(&mut app, KeyCode::Tab);
    erase(&mut app);
    type_text(&mut app, "20-11-2026");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        [Effect::WriteStatement {
            producer: code,
            from: NaiveDate::from_ymd_opt(2026, 10, 15).unwrap(),
            to: day(20),
        }]
    );
    assert_eq!(app.focus(), Focus::Payouts);
    press(&mut app, KeyCode::F(5));
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert_eq!(app.focus(), Focus::Payouts);
}

fn statement_form(lang: Lang) -> String {
    let mut app = on_payouts();
    if lang == Lang::En {
        press(&mut app, KeyCode::F(10));
    }
    press(&mut app, KeyCode::F(5));
    render(&app)
}

#[test]
fn statement_range_form_id() {
    let text = statement_form(Lang::Id);
    for fact in [
        "Rekening produsen",
        "Dari tanggal",
        "01-11-2026",
        "Sampai tanggal",
        "22-11-2026",
        "mis. 01-11-2026",
        "Enter Tulis",
    ] {
        assert!(text.contains(fact), "{fact} in\n{text}");
    }
    insta::assert_snapshot!("statement_range_form_id", text);
}

#[test]
fn statement_range_form_en() {
    let text = statement_form(Lang::En);
    for fact in ["Producer statement", "From", "Up to", "Enter Write"] {
        assert!(text.contains(fact), "{fact} in\n{text}");
    }
    insta::assert_snapshot!("statement_range_form_en", text);
}

#[test]
fn the_proposed_balance_is_replaced_by_the_first_key_typed_or_kept_by_backspace() {
    let mut app = on_payouts();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(form(&app).amount, "17.850");
    assert!(form(&app).proposed, "shown selected");
    // Typing replaces the proposal: Rp 10.000, not `17.85010000`.
    type_text(&mut app, "10000");
    assert_eq!(form(&app).amount, "10000");
    press(&mut app, KeyCode::F(2));
    assert!(render(&app).contains("Bayar Rp 10.000 kepada Kue Bu Sri"));
    press(&mut app, KeyCode::Char('n'));
    // A refused key leaves the proposal standing.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "x");
    assert_eq!(app.note(), Some(&Note::DigitsOnly('x')));
    assert_eq!(form(&app).amount, "17.850");
    type_text(&mut app, "5000");
    assert_eq!(form(&app).amount, "5000");
    // Backspace keeps it to edit.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "0");
    assert_eq!(form(&app).amount, "17.850");
    // In English too: the same keys, the same amount.
    press(&mut app, KeyCode::F(10));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "2500");
    press(&mut app, KeyCode::F(2));
    let text = render(&app);
    assert!(text.contains("Rp 2.500"), "{text}");
}

/// Typing filters the producers owed by code or name, at 80×24 in both languages: the
/// selection stays on what is shown, a filter that lets nobody through says so, and
/// Backspace brings the list back (still without those owed nothing and not paid daily).
#[test]
fn typing_filters_the_payouts_in_both_languages() {
    for (lang, label, none) in [
        (Lang::Id, "Saring", "Tidak ada saldo produsen"),
        (Lang::En, "Filter", "No producer balances"),
    ] {
        let mut app = on_payouts();
        app.lang = lang;
        type_text(&mut app, "kue");
        press(&mut app, KeyCode::Down);
        let text = render(&app);
        assert!(text.contains(&format!(" {label}: kue")), "{text}");
        assert!(row_with(&text, "SRI").contains("Kue Bu Sri"), "{text}");
        assert!(!text.contains("TANI") && !text.contains("KOPI"), "{text}");
        assert_eq!(screen(&app).current().unwrap().code, "SRI");
        type_text(&mut app, "zz");
        let text = render(&app);
        assert!(text.contains(none) && !text.contains("SRI"), "{text}");
        for _ in 0.."kuezz".len() {
            press(&mut app, KeyCode::Backspace);
        }
        let text = render(&app);
        for code in ["KOPI", "SRI", "TANI"] {
            assert!(text.contains(code), "{code} missing:\n{text}");
        }
        assert!(!text.contains("LAMA"), "{text}");
    }
}
