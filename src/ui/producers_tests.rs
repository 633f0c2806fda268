//! The producers screen and its form through `key_to_msg` and `update` alone, and what they
//! look like at 80×24.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use super::tests::{enter, open_app, press, type_text};
use super::*;
use crate::domain::catalogue::fixtures::{product, small};
use crate::domain::{Rate, Scheme, Unit};

fn rate(bp: u32) -> Scheme {
    Scheme::Percentage {
        rate: Rate::from_basis_points(bp).unwrap(),
    }
}

fn producer(id: i64, code: &str, name: &str, scheme: Scheme, active: bool) -> Producer {
    Producer {
        id,
        code: code.into(),
        name: name.into(),
        phone: format!("0812-{id:04}"),
        address: String::new(),
        account: String::new(),
        scheme,
        active,
        payout_daily: false,
    }
}

fn producers() -> Vec<Producer> {
    vec![
        producer(1, "BUSRI", "Bu Sri", rate(1500), true),
        producer(2, "PAKDI", "Pak Di Kopi", Scheme::ProducerPrice, true),
        producer(3, "LAMA", "Toko Lama", rate(1000), false),
    ]
}

/// The producers screen, loaded, reached as the attendant does: F3, then F3 again.
fn on_producers() -> App {
    let mut app = open_app();
    assert_eq!(press(&mut app, KeyCode::F(3)), [Effect::LoadStock]);
    assert_eq!(
        press(&mut app, KeyCode::F(3)),
        [
            Effect::LoadProducers,
            Effect::LoadDailySales(super::tests::today())
        ]
    );
    assert_eq!(app.focus(), Focus::Producers);
    update(&mut app, Answer::ProducersLoaded(producers()));
    app
}

fn form(app: &App) -> &producers::ProducerForm {
    list(app).form.as_deref().expect("no producer form")
}

fn list(app: &App) -> &ProducersScreen {
    match &app.screen {
        Screen::Producers(screen) => screen,
        Screen::Confirm(c) => match c.under.as_ref() {
            Screen::Producers(screen) => screen,
            _ => panic!("no producers screen"),
        },
        _ => panic!("no producers screen"),
    }
}

fn render(app: &App) -> (Terminal<TestBackend>, String) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| view(app, frame)).unwrap();
    let text = terminal
        .backend()
        .buffer()
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
fn typing_filters_the_producers_and_esc_goes_back_to_selling() {
    let mut app = on_producers();
    assert_eq!(list(&app).shown().len(), 3);
    type_text(&mut app, "kopi");
    let shown: Vec<_> = list(&app).shown().iter().map(|p| p.code.clone()).collect();
    assert_eq!(shown, ["PAKDI"]);
    // A phone number filters too.
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "0003");
    assert_eq!(list(&app).current().unwrap().code, "LAMA");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Sale);
}

#[test]
fn a_new_producer_is_checked_then_added_and_the_till_gets_the_new_catalogue() {
    let mut app = on_producers();
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.focus(), Focus::ProducerForm);
    assert_eq!(form(&app).field, producers::Field::Code);
    // Nothing typed: the code is asked for first, then the name.
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.note(), Some(&Note::ProducerCodeEmpty));
    type_text(&mut app, "MAK");
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.note(), Some(&Note::ProducerNameEmpty));
    assert_eq!(form(&app).field, producers::Field::Name);
    type_text(&mut app, "Mak Ijah");
    enter(&mut app);
    type_text(&mut app, "0812 555");
    // Enter and Tab walk the fields, the scheme and the daily payout among them; a rate
    // that is no percentage is refused and focused.
    for _ in 0..5 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(form(&app).field, producers::Field::Rate);
    type_text(&mut app, "12,5,");
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.note(), Some(&Note::BadRate("12,5,".into())));
    press(&mut app, KeyCode::Backspace);
    let effects = press(&mut app, KeyCode::F(2));
    assert_eq!(
        effects,
        [Effect::AddProducer(NewProducer {
            code: "MAK".into(),
            name: "Mak Ijah".into(),
            phone: "0812 555".into(),
            address: String::new(),
            account: String::new(),
            scheme: rate(1250),
        })]
    );
    assert_eq!(
        app.focus(),
        Focus::ProducerForm,
        "the form stays until saved"
    );
    // A refusal keeps the form and says why, in words.
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::SaveProducer,
            reason: Failure::DuplicateCode("MAK".into()),
        },
    );
    assert_eq!(app.focus(), Focus::ProducerForm);
    let note = app.note().unwrap().text(Lang::Id);
    assert!(
        note.contains("TIDAK") && note.contains("MAK sudah dipakai"),
        "{note}"
    );
    // Saved: the list has it selected and the till sells what the runtime says is active.
    let mut all = producers();
    all.push(producer(4, "MAK", "Mak Ijah", rate(1250), true));
    all.sort_by(|a, b| a.code.cmp(&b.code));
    let mut rmp = product(9, "RMP", "Rempeyek", Unit::Bks, 10_000);
    rmp.producer_code = "MAK".into();
    update(
        &mut app,
        Answer::ProducersChanged {
            producers: all,
            active: vec![rmp],
        },
    );
    assert_eq!(app.focus(), Focus::Producers);
    assert_eq!(list(&app).current().unwrap().code, "MAK");
    assert_eq!(app.note(), Some(&Note::CatalogueSaved));
    assert!(app.catalogue().lookup("RMP").is_some());
    assert!(app.catalogue().lookup("KLP").is_none());
}

#[test]
fn a_producer_price_scheme_has_no_rate_field() {
    let mut app = on_producers();
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "TEH");
    enter(&mut app);
    type_text(&mut app, "Teh Bu Ani");
    press(&mut app, KeyCode::F(7));
    assert!(!form(&app).percentage);
    for _ in 0..6 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(
        form(&app).field,
        producers::Field::Code,
        "round past the rate"
    );
    let effects = press(&mut app, KeyCode::F(2));
    let [Effect::AddProducer(new)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(new.scheme, Scheme::ProducerPrice);
}

#[test]
fn an_edit_keeps_the_code_and_asks_before_a_rate_change_only() {
    let mut app = on_producers();
    assert!(press(&mut app, KeyCode::F(4)).is_empty());
    let f = form(&app);
    assert_eq!((f.code.as_str(), f.rate.as_str()), ("BUSRI", "15"));
    assert_eq!(f.field, producers::Field::Name);
    // The code is never visited, so nothing typed can reach it.
    for _ in 0..7 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(
        form(&app).field,
        producers::Field::Name,
        "round the seven others (the scheme and the daily payout among them)"
    );
    // Nothing changed: the form just closes.
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.focus(), Focus::Producers);
    // A phone change is saved without a question.
    press(&mut app, KeyCode::F(4));
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "9");
    let effects = press(&mut app, KeyCode::F(2));
    let [Effect::SaveProducer { code, changes }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(
        (code.as_str(), changes.phone.as_str()),
        ("BUSRI", "0812-00019")
    );
    assert_eq!(changes.scheme, rate(1500));
    // A rate change asks, naming both rates, and is saved only on yes.
    for _ in 0..5 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(form(&app).field, producers::Field::Rate);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "2,5");
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.focus(), Focus::Confirm);
    assert!(press(&mut app, KeyCode::Char('n')).is_empty());
    assert_eq!(app.focus(), Focus::ProducerForm);
    press(&mut app, KeyCode::F(2));
    let effects = press(&mut app, KeyCode::Char('y'));
    let [Effect::SaveProducer { code, changes }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!((code.as_str(), changes.scheme), ("BUSRI", rate(1250)));
    assert!(changes.producer_prices.is_empty());
    // The switch to producer price the ledger refuses stays on the form, said plainly.
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::SaveProducer,
            reason: Failure::ProducerPriceNeeded("BUSRI".into()),
        },
    );
    assert_eq!(app.focus(), Focus::ProducerForm);
    let note = app.note().unwrap().text(Lang::En);
    assert!(note.contains("BUSRI has products"), "{note}");
}

#[test]
fn deactivating_and_reactivating_a_producer_each_ask() {
    let mut app = on_producers();
    press(&mut app, KeyCode::F(8));
    assert_eq!(app.focus(), Focus::Confirm);
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        [Effect::SetProducerActive {
            code: "BUSRI".into(),
            active: false
        }]
    );
    assert_eq!(app.focus(), Focus::Producers);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::F(8));
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        [Effect::SetProducerActive {
            code: "LAMA".into(),
            active: true
        }]
    );
    // A failed load goes back to selling; the till keeps what it had.
    let mut app = open_app();
    press(&mut app, KeyCode::F(3));
    press(&mut app, KeyCode::F(3));
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::LoadProducers,
            reason: Failure::Busy,
        },
    );
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.catalogue().lookup("KLP"), small().lookup("KLP"));
}

#[test]
fn producers_list() {
    let mut app = on_producers();
    press(&mut app, KeyCode::Down);
    let (terminal, screen) = render(&app);
    assert!(row_with(&screen, "▶").contains("Pak Di Kopi"));
    assert!(row_with(&screen, "PAKDI").contains("harga setor"));
    assert!(row_with(&screen, "BUSRI").contains("15 %"));
    assert!(row_with(&screen, "LAMA").contains("nonaktif"));
    let bar = &super::tests::bar_rows(&screen);
    for key in ["F2", "F4", "F8", "Esc"] {
        assert!(bar.contains(key), "{key} on the bar {bar:?}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn add_producer_form_with_a_bad_rate() {
    let mut app = on_producers();
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "MAK");
    enter(&mut app);
    type_text(&mut app, "Mak Ijah");
    for _ in 0..6 {
        enter(&mut app);
    }
    type_text(&mut app, "150");
    press(&mut app, KeyCode::F(2));
    let (terminal, screen) = render(&app);
    assert!(screen.contains("Produsen baru"));
    assert!(row_with(&screen, "Nama").contains("Mak Ijah"));
    assert!(row_with(&screen, "Skema").contains("persentase"));
    assert!(row_with(&screen, "\"150\" bukan persentase").contains("12,5"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn rate_change_question() {
    let mut app = on_producers();
    press(&mut app, KeyCode::F(4));
    press(&mut app, KeyCode::F(7));
    press(&mut app, KeyCode::F(2));
    let (terminal, screen) = render(&app);
    assert!(
        screen.contains("Ubah bagi hasil Bu Sri dari 15 %"),
        "{screen}"
    );
    assert!(screen.contains("harga setor?"), "{screen}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn f3_on_the_stock_screen_is_listed_in_help() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(3));
    press(&mut app, KeyCode::F(1));
    let (_, screen) = render(&app);
    assert!(
        row_with(&screen, "F3").contains("Produsen: tambah"),
        "{screen}"
    );
}

#[test]
fn tab_visits_every_field_of_the_producer_form_and_space_sets_the_choices() {
    for (lang, said) in [
        (Lang::Id, "Ini pilihan: Spasi untuk mengganti"),
        (Lang::En, "This is a choice: Space changes it"),
    ] {
        let mut app = on_producers();
        app.lang = lang;
        press(&mut app, KeyCode::F(2));
        // One field per Tab, in screen order: code, name, phone, address, account, scheme,
        // paid daily, rate.
        for text in ["MAK", "Mak Ijah", "0812", "Jl. Kenanga", "BRI 1"] {
            type_text(&mut app, text);
            press(&mut app, KeyCode::Tab);
        }
        assert_eq!(form(&app).field, producers::Field::Scheme);
        let (_, screen) = render(&app);
        type_text(&mut app, "12");
        assert_eq!(app.note(), Some(&Note::ChoiceField));
        assert!(render(&app).1.contains(said), "{screen}");
        press(&mut app, KeyCode::Tab);
        assert_eq!(form(&app).field, producers::Field::Daily);
        type_text(&mut app, " ");
        assert!(form(&app).payout_daily);
        press(&mut app, KeyCode::Tab);
        assert_eq!(form(&app).field, producers::Field::Rate);
        type_text(&mut app, "10");
        // Back to the scheme: Space makes it producer price, and the rate goes away.
        press(&mut app, KeyCode::BackTab);
        press(&mut app, KeyCode::BackTab);
        assert_eq!(form(&app).field, producers::Field::Scheme);
        type_text(&mut app, " ");
        assert!(!form(&app).percentage);
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        assert_eq!(
            form(&app).field,
            producers::Field::Code,
            "round past the rate"
        );
        type_text(&mut app, "X");
        let effects = press(&mut app, KeyCode::F(2));
        let [Effect::AddProducer(new)] = effects.as_slice() else {
            panic!("{effects:?}")
        };
        assert_eq!(
            (new.code.as_str(), new.name.as_str(), new.account.as_str()),
            ("MAKX", "Mak Ijah", "BRI 1")
        );
        assert_eq!(new.scheme, Scheme::ProducerPrice);
        assert!(form(&app).payout_daily);
    }
}

#[test]
fn a_filter_matching_no_producer_says_no_producer_matches() {
    for (lang, said, wrong) in [
        (Lang::Id, "Tidak ada produsen yang cocok", "produk"),
        (Lang::En, "No producer matches", "product"),
    ] {
        let mut app = on_producers();
        app.lang = lang;
        type_text(&mut app, "zzz");
        let (_, screen) = render(&app);
        assert!(screen.contains(said), "{screen}");
        assert!(!screen.contains(wrong), "{screen}");
    }
}

/// The sparklines are an extra: when they cannot be read the list stays, and says so.
#[test]
fn a_failed_read_of_the_daily_sales_leaves_the_list_without_sparklines() {
    let mut app = on_producers();
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::LoadDailySales,
            reason: Failure::Busy,
        },
    );
    assert_eq!(app.focus(), Focus::Producers);
    assert!(list(&app).daily.is_none());
    let (_, screen) = render(&app);
    assert!(screen.contains("Bu Sri"), "{screen}");
    assert!(
        screen.contains("Grafik penjualan harian tidak bisa dimuat"),
        "{screen}"
    );
}
