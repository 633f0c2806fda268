//! The stock screen and the intake form through `key_to_msg` and `update` alone, and what
//! they look like at 80×24.

use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use super::note::StockNote;
use super::tests::{enter, press, status_on, today, type_text};
use super::*;
use crate::domain::catalogue::fixtures::product;
use crate::domain::{
    CountLine, DayMoves, DocumentKind, ExpiryLine, ExpiryList, IntakeLine, ProductRecord, Quantity,
    StockDocument, StockQuantity, Unit,
};

fn catalogue() -> Catalogue {
    let mut teh = product(5, "TEH", "Teh Tubruk", Unit::Bks, 8_000);
    teh.producer_code = "PAKDI".into();
    teh.producer_name = "Pak Di".into();
    Catalogue::new(vec![
        product(1, "KLP", "Kue Lapis Legit", Unit::Pcs, 5_000),
        product(2, "KRP", "Keripik Pisang Coklat", Unit::Bks, 12_000),
        product(3, "BRS", "Beras Pandan Wangi", Unit::Kg, 14_500),
        teh,
    ])
}

fn app() -> App {
    App::new(
        Lang::Id,
        catalogue(),
        Some(status_on(today(), 12, 456_000)),
        None,
        today(),
        "Ani".into(),
    )
}

fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn line(code: &str, name: &str, producer: (&str, &str), on_hand: i64) -> StockLine {
    StockLine {
        product_id: 1,
        code: code.into(),
        name: name.into(),
        variant: String::new(),
        unit: Unit::Pcs,
        producer_code: producer.0.into(),
        producer_name: producer.1.into(),
        daily: false,
        min_stock: StockQuantity::ZERO,
        on_hand: StockQuantity::whole(on_hand),
        day: DayMoves::default(),
        best_before: None,
    }
}

const SRI: (&str, &str) = ("BUSRI", "Bu Sri");
const DI: (&str, &str) = ("PAKDI", "Pak Di");

fn stock_lines() -> Vec<StockLine> {
    let mut klp = line("KLP", "Kue Lapis Legit", SRI, 4);
    klp.daily = true;
    klp.day.received = StockQuantity::whole(10);
    klp.day.sold = StockQuantity::whole(6);
    klp.best_before = Some(date(24));
    let mut krp = line("KRP", "Keripik Pisang Coklat", SRI, -2);
    krp.day.sold = StockQuantity::whole(2);
    let mut teh = line("TEH", "Teh Tubruk", DI, 1);
    teh.min_stock = StockQuantity::whole(5);
    let mut old = line("BRS", "Beras Pandan Wangi", SRI, 3);
    old.best_before = Some(date(20));
    old.day.written_off = StockQuantity::whole(1);
    vec![klp, krp, old, teh]
}

fn calls() -> Vec<CallListEntry> {
    let lines = stock_lines();
    vec![
        CallListEntry {
            producer_code: "BUSRI".into(),
            producer_name: "Bu Sri".into(),
            phone: "0812-3456-7890".into(),
            lines: vec![lines[1].clone()],
        },
        CallListEntry {
            producer_code: "PAKDI".into(),
            producer_name: "Pak Di".into(),
            phone: "0813-1111-2222".into(),
            lines: vec![lines[3].clone()],
        },
    ]
}

/// Bu Sri's rice past its date and the rest of her Kue Lapis due tomorrow, from two
/// deliveries; Pak Di's tea due in two days.
fn expiring() -> ExpiryList {
    let line =
        |producer: (&str, &str), code: &str, name: &str, number, best_before, left| ExpiryLine {
            producer_code: producer.0.into(),
            producer_name: producer.1.into(),
            code: code.into(),
            name: name.into(),
            variant: String::new(),
            unit: Unit::Pcs,
            delivery_number: number,
            delivered: date(18 + number as u32),
            best_before: date(best_before),
            left: StockQuantity::whole(left),
        };
    ExpiryList {
        days: 2,
        lines: vec![
            line(SRI, "BRS", "Beras Pandan Wangi", 1, 20, 3),
            line(SRI, "KLP", "Kue Lapis Legit", 2, 24, 1),
            line(SRI, "KLP", "Kue Lapis Legit", 3, 24, 3),
            line(DI, "TEH", "Teh Tubruk", 4, 25, 1),
        ],
    }
}

/// The stock screen, loaded.
pub(super) fn on_stock() -> App {
    let mut app = app();
    assert_eq!(press(&mut app, KeyCode::F(3)), [Effect::LoadStock]);
    assert_eq!(app.focus(), Focus::Stock);
    update(
        &mut app,
        Answer::StockLoaded {
            lines: stock_lines(),
            calls: calls(),
            expiring: expiring(),
            count_corner_bears: false,
        },
    );
    app
}

fn screen(app: &App) -> &StockScreen {
    match &app.screen {
        Screen::Stock(screen) => screen,
        Screen::Confirm(c) => match c.under.as_ref() {
            Screen::Stock(screen) => screen,
            _ => panic!("no stock screen"),
        },
        _ => panic!("no stock screen"),
    }
}

pub(super) fn form(app: &App) -> &stock_forms::StockForm {
    let stock = match &app.screen {
        Screen::Confirm(c) => c.under.as_ref(),
        mode => mode,
    };
    match stock {
        Screen::Stock(screen) => screen.form.as_deref().expect("no intake form"),
        _ => panic!("no intake form"),
    }
}

fn rows(app: &App) -> Vec<(String, i64, Option<NaiveDate>)> {
    form(app)
        .rows
        .iter()
        .map(|r| (r.code.clone(), r.quantity.milli() / 1000, r.best_before))
        .collect()
}

pub(super) fn scan(app: &mut App, code: &str) -> Vec<Effect> {
    let mut effects = type_text(app, code);
    effects.extend(enter(app));
    effects
}

fn document(kind: DocumentKind, number: i64) -> StockDocument {
    StockDocument {
        chain_head: None,
        id: number,
        kind,
        number,
        producer_code: "BUSRI".into(),
        producer_name: "Bu Sri".into(),
        day_date: Some(today()),
        at: today().and_hms_opt(9, 0, 0).unwrap(),
        actor: "Ani".into(),
        note: String::new(),
        corner_at_fault: false,
        lines: Vec::new(),
    }
}

#[test]
fn f3_opens_the_stock_screen_where_typing_filters_and_esc_goes_back_to_selling() {
    let mut app = on_stock();
    assert_eq!(screen(&app).shown().len(), 4);
    type_text(&mut app, "pak di");
    let shown: Vec<_> = screen(&app)
        .shown()
        .iter()
        .map(|l| l.code.clone())
        .collect();
    assert_eq!(shown, ["TEH"], "a producer's name filters too");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "keri");
    assert_eq!(screen(&app).current().unwrap().code, "KRP");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Sale);
    // On the sale screen, letters are still codes, never commands.
    type_text(&mut app, "KLP");
    assert_eq!(app.entry(), "KLP");
}

#[test]
fn a_failed_load_says_so_and_goes_back_to_selling() {
    let mut app = app();
    press(&mut app, KeyCode::F(3));
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::LoadStock,
            reason: Failure::Busy,
        },
    );
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(
        app.note(),
        Some(&Note::Failed(FailedEffect::LoadStock, Failure::Busy))
    );
}

#[test]
fn an_intake_takes_scans_quantities_dates_and_deletions_then_asks_before_recording() {
    let mut app = on_stock();
    // KRP is selected: its producer is the one delivering.
    press(&mut app, KeyCode::Down);
    assert_eq!(press(&mut app, KeyCode::F(2)), []);
    assert_eq!(app.focus(), Focus::Intake);
    assert_eq!(form(&app).producer.as_ref().unwrap().code, "BUSRI");
    scan(&mut app, "KLP");
    scan(&mut app, "8990000000001"); // KLP's barcode, as the scanner sends it
    scan(&mut app, "3*krp");
    assert_eq!(
        rows(&app),
        [("KLP".into(), 2, None), ("KRP".into(), 3, None)]
    );
    // Another producer's goods cannot come in on this delivery.
    scan(&mut app, "TEH");
    assert_eq!(
        app.note(),
        Some(&Note::OtherProducersGoods("TEH".into(), "Pak Di".into()))
    );
    assert_eq!(
        form(&app).entry,
        "TEH",
        "refused text stays to be corrected"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(form(&app).entry, "", "Esc clears the entry first");
    // A date goes on the selected line.
    scan(&mut app, "25/11/2026");
    assert_eq!(rows(&app)[1], ("KRP".into(), 3, Some(date(25))));
    scan(&mut app, "31/02/2026");
    assert_eq!(app.note(), Some(&Note::BadDate("31/02/2026".into())));
    press(&mut app, KeyCode::Esc);
    scan(&mut app, "BRS");
    assert_eq!(rows(&app).len(), 3);
    press(&mut app, KeyCode::Delete);
    assert_eq!(
        app.note(),
        Some(&Note::Removed("Beras Pandan Wangi".into()))
    );
    assert_eq!(rows(&app).len(), 2);
    // F2 asks; a scan in the middle of the question dismisses it and lands on the entry.
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::Confirm);
    assert_eq!(press(&mut app, KeyCode::Char('K')), []);
    assert_eq!(app.focus(), Focus::Intake);
    assert_eq!(form(&app).entry, "K");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(2));
    let effects = press(&mut app, KeyCode::Char('y'));
    assert_eq!(
        effects,
        [Effect::RecordStock(StockEntry::Intake {
            producer: "BUSRI".into(),
            lines: vec![
                IntakeLine {
                    product_code: "KLP".into(),
                    quantity: Quantity::whole(2),
                    best_before: None,
                },
                IntakeLine {
                    product_code: "KRP".into(),
                    quantity: Quantity::whole(3),
                    best_before: Some(date(25)),
                },
            ],
        })]
    );
    // Not on disk: the form stays as it was, with the reason.
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::RecordStock,
            reason: Failure::DiskFull,
        },
    );
    assert_eq!(app.focus(), Focus::Intake);
    assert_eq!(rows(&app).len(), 2);
    // On disk: back to the stock screen, which reloads.
    let effects = update(
        &mut app,
        Answer::StockRecorded {
            daily: false,
            documents: vec![document(DocumentKind::Intake, 7)],
            slips: vec![Ok(PathBuf::from("printouts/intake-0007.txt"))],
        },
    );
    assert_eq!(effects, [Effect::LoadStock]);
    assert_eq!(app.focus(), Focus::Stock);
    assert!(
        screen(&app).list.items.is_none(),
        "old figures are not shown"
    );
    assert_eq!(
        app.note(),
        Some(&Note::StockRecorded(
            DocumentKind::Intake,
            7,
            "intake-0007.txt".into()
        ))
    );
}

#[test]
fn an_intake_without_a_producer_first_asks_which_by_code_or_name() {
    let mut app = app();
    press(&mut app, KeyCode::F(3));
    update(
        &mut app,
        Answer::StockLoaded {
            lines: Vec::new(),
            calls: Vec::new(),
            expiring: ExpiryList::default(),
            count_corner_bears: false,
        },
    );
    press(&mut app, KeyCode::F(2));
    assert!(form(&app).producer.is_none());
    press(&mut app, KeyCode::F(2));
    assert_eq!(
        app.note(),
        Some(&Note::IntakeNoLines),
        "nothing to ask about"
    );
    scan(&mut app, "KLP");
    assert_eq!(app.note(), Some(&Note::UnknownProducer("KLP".into())));
    press(&mut app, KeyCode::Esc);
    scan(&mut app, "pak");
    assert_eq!(form(&app).producer.as_ref().unwrap().code, "PAKDI");
    scan(&mut app, "KLP");
    assert_eq!(
        app.note(),
        Some(&Note::OtherProducersGoods("KLP".into(), "Bu Sri".into())),
        "a known code of another producer is named as such"
    );
    press(&mut app, KeyCode::Esc);
    scan(&mut app, "2*teh");
    assert_eq!(rows(&app), [("TEH".into(), 2, None)]);
    // Esc with an empty entry goes back to the stock screen, once the line typed may go.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Confirm);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.focus(), Focus::Stock);
}

#[test]
fn daily_goods_go_back_only_after_yes_and_the_call_list_picks_the_producer() {
    let mut app = on_stock();
    press(&mut app, KeyCode::F(8));
    assert_eq!(app.focus(), Focus::Confirm);
    assert_eq!(press(&mut app, KeyCode::Enter), [], "Enter is no answer");
    assert_eq!(app.focus(), Focus::Stock);
    press(&mut app, KeyCode::F(8));
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        [Effect::ReturnDailyGoods]
    );
    let effects = update(
        &mut app,
        Answer::StockRecorded {
            daily: true,
            documents: vec![
                document(DocumentKind::Return, 1),
                document(DocumentKind::Return, 2),
            ],
            slips: vec![Ok(PathBuf::from("a")), Err(Failure::DiskFull)],
        },
    );
    assert_eq!(effects, [Effect::LoadStock]);
    assert_eq!(app.note(), Some(&Note::SlipFailed(Failure::DiskFull)));
    update(
        &mut app,
        Answer::StockRecorded {
            daily: true,
            documents: Vec::new(),
            slips: Vec::new(),
        },
    );
    assert_eq!(app.note(), Some(&Note::NothingDaily));
    update(
        &mut app,
        Answer::StockLoaded {
            lines: stock_lines(),
            calls: calls(),
            expiring: expiring(),
            count_corner_bears: false,
        },
    );
    press(&mut app, KeyCode::F(9));
    assert!(screen(&app).calling);
    // Typing does not filter the call list, and stays on it.
    type_text(&mut app, "x");
    assert!(screen(&app).list.filter.is_empty());
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::F(2));
    assert_eq!(form(&app).producer.as_ref().unwrap().code, "PAKDI");
}

pub(super) fn render(app: &App) -> (Terminal<TestBackend>, String) {
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

pub(super) fn row_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle:?} in\n{screen}"))
}

#[test]
fn stock_screen_shows_today_moves_and_flags() {
    let app = on_stock();
    let (terminal, screen) = render(&app);
    let klp = row_with(&screen, "Kue Lapis Legit");
    for fact in [" 4 ", " 10 ", " 6 ", "≤3hr"] {
        assert!(klp.contains(fact), "{fact:?} in {klp:?}");
    }
    assert!(row_with(&screen, "Keripik").contains("-2"));
    assert!(row_with(&screen, "Keripik").contains("MINUS"));
    assert!(row_with(&screen, "Beras").contains("BASI"));
    assert!(row_with(&screen, "Teh Tubruk").contains("<min"));
    assert!(row_with(&screen, "Produsen: BUSRI Bu Sri").contains("24 Nov 2026"));
    let bar = &super::tests::bar_rows(&screen);
    for key in [
        "F2 Masuk",
        "F4 Retur",
        "F5 Rusak",
        "F6 Opname",
        "F8 Harian",
        "F9 Telepon",
        "Esc",
    ] {
        assert!(bar.contains(key), "{key} on the bar {bar:?}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn call_list_names_producers_with_their_phones() {
    let mut app = on_stock();
    press(&mut app, KeyCode::F(9));
    let (terminal, screen) = render(&app);
    assert!(row_with(&screen, "Bu Sri").contains("0812-3456-7890"));
    assert!(row_with(&screen, "Pak Di").contains("TEH (1)"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn intake_form_with_lines_and_a_date() {
    let mut app = on_stock();
    press(&mut app, KeyCode::F(2));
    scan(&mut app, "KLP");
    scan(&mut app, "5*KRP");
    scan(&mut app, "26/11/2026");
    type_text(&mut app, "2*BR");
    let (terminal, screen) = render(&app);
    assert!(screen.contains("Barang masuk: BUSRI Bu Sri"));
    assert!(row_with(&screen, "Keripik").contains("5 bks"));
    assert!(row_with(&screen, "Keripik").contains("26 Nov 2026"));
    assert!(row_with(&screen, "Kue Lapis").contains("1 pcs"));
    assert!(row_with(&screen, "Kode / jumlah").contains("2*BR"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn intake_asks_before_recording() {
    let mut app = on_stock();
    press(&mut app, KeyCode::F(2));
    scan(&mut app, "3*KLP");
    press(&mut app, KeyCode::F(2));
    let (terminal, screen) = render(&app);
    assert!(screen.contains("Barang masuk dari Bu Sri (1 baris): catat sekarang?"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn a_write_off_needs_a_reason_holds_one_product_and_says_who_bears_it() {
    let mut app = on_stock();
    press(&mut app, KeyCode::F(5));
    assert_eq!(app.focus(), Focus::WriteOff);
    assert_eq!(form(&app).kind, DocumentKind::WriteOff);
    scan(&mut app, "2*KLP");
    scan(&mut app, "KRP");
    assert_eq!(
        rows(&app),
        [("KRP".into(), 1, None)],
        "one product per write-off"
    );
    // A date is no best-before here: nothing but an intake takes one.
    scan(&mut app, "25/11/2026");
    assert_eq!(app.note(), Some(&Note::UnknownCode("25/11/2026".into())));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.note(), Some(&Note::ReasonEmpty));
    assert_eq!(
        app.focus(),
        Focus::StockReason,
        "the reason line takes the keys"
    );
    type_text(&mut app, "Kemasan sobek");
    press(&mut app, KeyCode::F(7));
    assert!(form(&app).corner_at_fault);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus(), Focus::WriteOff);
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::Confirm);
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        [Effect::RecordStock(StockEntry::WriteOff {
            code: "KRP".into(),
            quantity: Quantity::whole(1),
            reason: "Kemasan sobek".into(),
            corner_at_fault: true,
        })]
    );
}

#[test]
fn a_counts_lines_start_with_the_shops_rule_for_who_bears_a_shortfall() {
    // KLP: 4 on the books; counted 1, 3 short.
    for (rule, borne) in [(false, false), (true, true)] {
        let mut app = on_stock();
        update(
            &mut app,
            Answer::StockLoaded {
                lines: stock_lines(),
                calls: calls(),
                expiring: expiring(),
                count_corner_bears: rule,
            },
        );
        press(&mut app, KeyCode::F(6));
        assert_eq!(
            app.focus(),
            Focus::WriteOff,
            "F7 works on a count's code line"
        );
        scan(&mut app, "1*KLP");
        assert_eq!(form(&app).rows[0].corner_at_fault, borne);
        let (_, text) = render(&app);
        let who = if borne { "Pojok" } else { "Produsen" };
        assert!(
            text.lines().any(|l| l.contains("KLP") && l.contains(who)),
            "{rule}: {text}"
        );
        // F7 switches the selected line, whatever the rule said.
        press(&mut app, KeyCode::F(7));
        assert_eq!(form(&app).rows[0].corner_at_fault, !borne);
    }
}

#[test]
fn a_count_takes_what_was_counted_even_nothing_and_a_return_many_lines() {
    let mut app = on_stock();
    press(&mut app, KeyCode::F(6));
    scan(&mut app, "0*KLP");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Opname sore");
    press(&mut app, KeyCode::F(2));
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        [Effect::RecordStock(StockEntry::Count {
            lines: vec![CountLine {
                product_code: "KLP".into(),
                counted: StockQuantity::ZERO,
                corner_at_fault: false,
            }],
            reason: "Opname sore".into(),
        })]
    );
    // Leaving before the ledger answered would drop the count: that asks first.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.focus(), Focus::Stock);
    press(&mut app, KeyCode::F(4));
    scan(&mut app, "KLP");
    scan(&mut app, "2*KRP");
    // A return needs no reason.
    press(&mut app, KeyCode::F(2));
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        [Effect::RecordStock(StockEntry::Return {
            producer: "BUSRI".into(),
            lines: vec![
                ("KLP".into(), Quantity::whole(1)),
                ("KRP".into(), Quantity::whole(2))
            ],
            reason: String::new(),
        })]
    );
}

#[test]
fn write_off_form_with_its_reason_and_who_bears_it() {
    let mut app = on_stock();
    press(&mut app, KeyCode::F(5));
    scan(&mut app, "3*KLP");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Jatuh");
    press(&mut app, KeyCode::F(7));
    let (terminal, screen) = render(&app);
    assert!(screen.contains("Barang rusak/hilang: BUSRI Bu Sri"));
    assert!(row_with(&screen, "Alasan: Jatuh").contains("Ditanggung pojok: YA"));
    assert!(row_with(&screen, "Kue Lapis").contains("3 pcs"));
    insta::assert_snapshot!(terminal.backend());
}

pub(super) fn record(code: &str, name: &str, price: i64, active: bool) -> ProductRecord {
    ProductRecord {
        id: 1,
        code: code.into(),
        barcode: None,
        name: name.into(),
        variant: String::new(),
        unit: Unit::Pcs,
        price: Rupiah(price),
        producer_price: None,
        producer_id: 1,
        producer_code: "BUSRI".into(),
        producer_name: "Bu Sri".into(),
        min_stock: StockQuantity::ZERO,
        daily: false,
        active,
        producer_active: true,
    }
}

pub(super) fn on_products() -> App {
    let mut app = on_stock();
    assert_eq!(
        press(&mut app, KeyCode::F(7)),
        [Effect::LoadProducts, Effect::LoadDailySales(today())]
    );
    assert_eq!(app.focus(), Focus::Products);
    update(
        &mut app,
        Answer::ProductsLoaded(vec![
            record("KLP", "Kue Lapis Legit", 5_000, true),
            record("KRP", "Keripik Pisang Coklat", 12_000, true),
            record("OLD", "Bolu Pandan", 20_000, false),
        ]),
    );
    app
}

#[test]
fn a_price_change_and_a_deactivation_each_ask_and_the_till_follows_the_new_catalogue() {
    let mut app = on_products();
    type_text(&mut app, "keri");
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::PriceField);
    type_text(&mut app, "13.5OO");
    enter(&mut app);
    assert!(
        matches!(app.note(), Some(Note::BadAmount(_))),
        "{:?}",
        app.note()
    );
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "00");
    enter(&mut app);
    assert_eq!(app.focus(), Focus::Confirm);
    let effects = press(&mut app, KeyCode::Char('y'));
    let Effect::SaveProduct { code, changes } = &effects[0] else {
        panic!("{effects:?}")
    };
    assert_eq!((code.as_str(), changes.price), ("KRP", Rupiah(13_500)));
    assert_eq!(changes.name, "Keripik Pisang Coklat", "the rest is kept");
    assert_eq!(
        app.focus(),
        Focus::Products,
        "back to the list, not the price"
    );
    // The runtime says it is saved: the till sells at the new price and without KLP.
    let mut krp = product(2, "KRP", "Keripik Pisang Coklat", Unit::Bks, 13_500);
    krp.producer_code = "BUSRI".into();
    update(
        &mut app,
        Answer::CatalogueChanged {
            products: vec![record("KRP", "Keripik Pisang Coklat", 13_500, true)],
            active: vec![krp],
        },
    );
    assert_eq!(app.note(), Some(&Note::CatalogueSaved));
    assert_eq!(app.catalogue.lookup("KRP").unwrap().price, Rupiah(13_500));
    assert!(app.catalogue.lookup("KLP").is_none());
    // Deactivating asks, naming the product; an inactive one is offered back.
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    update(
        &mut app,
        Answer::ProductsLoaded(vec![record("OLD", "Bolu Pandan", 20_000, false)]),
    );
    press(&mut app, KeyCode::F(8));
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        [Effect::SetProductActive {
            code: "OLD".into(),
            active: true
        }]
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Sale);
}

#[test]
fn products_screen_with_an_inactive_product() {
    let mut app = on_products();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "15000");
    let (terminal, screen) = render(&app);
    assert!(row_with(&screen, "Bolu Pandan").contains("nonaktif"));
    assert!(row_with(&screen, "Harga jual baru Keripik").contains("Rp 12.000"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn a_count_difference_is_shown_signed_so_the_row_adds_up() {
    use crate::domain::stock::StockQuantity;
    assert_eq!(
        super::stock::counted(StockQuantity::from_milli(-2_000)),
        "-2"
    );
    assert_eq!(
        super::stock::counted(StockQuantity::from_milli(1_500)),
        "+1,5"
    );
    assert_eq!(super::stock::counted(StockQuantity::from_milli(0)), "");
}

#[test]
fn in_a_stock_form_the_next_scan_replaces_refused_text() {
    let mut app = on_stock();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::F(2));
    scan(&mut app, "ZZZ");
    assert_eq!(app.note(), Some(&Note::UnknownCode("ZZZ".into())));
    assert!(form(&app).entry_selected, "refused text stays, selected");
    // A scan right after replaces it instead of being glued on ("TEH8990000000001").
    scan(&mut app, "8990000000001");
    assert_eq!(form(&app).entry, "");
    assert_eq!(rows(&app), [("KLP".into(), 1, None)]);
    // Backspace edits the refused text instead.
    scan(&mut app, "KLPX");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(form(&app).entry, "KLP");
    enter(&mut app);
    assert_eq!(rows(&app), [("KLP".into(), 2, None)]);
}

#[test]
fn an_intake_refuses_a_best_before_date_already_past() {
    let mut app = on_stock();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::F(2));
    scan(&mut app, "KLP");
    scan(&mut app, "01/01/2020");
    assert_eq!(
        app.note(),
        Some(&Note::BestBeforePast(
            NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
        ))
    );
    assert_eq!(
        rows(&app),
        [("KLP".into(), 1, None)],
        "the line keeps no date"
    );
}

/// F6 on the stock screen, then a count across both producers: a second scan adds up, an
/// empty shelf is `0*CODE`, F7 says the corner bears the selected shortfall.
fn counted_four() -> App {
    let mut app = on_stock();
    assert_eq!(press(&mut app, KeyCode::F(6)), []);
    assert_eq!(app.focus(), Focus::WriteOff, "F7 works in a count");
    assert!(form(&app).producer.is_none(), "no producer to pick first");
    scan(&mut app, "4*KLP");
    scan(&mut app, "2*KRP");
    scan(&mut app, "KLP");
    scan(&mut app, "TEH");
    scan(&mut app, "0*BRS");
    press(&mut app, KeyCode::F(7));
    app
}

#[test]
fn a_count_holds_many_products_adds_a_second_scan_and_asks_once() {
    let mut app = counted_four();
    let found: Vec<_> = form(&app)
        .rows
        .iter()
        .map(|r| (r.code.as_str(), r.counted, r.recorded, r.corner_at_fault))
        .collect();
    let w = StockQuantity::whole;
    assert_eq!(
        found,
        [
            ("KLP", w(5), Some(w(4)), false),
            ("KRP", w(2), Some(w(-2)), false),
            ("TEH", w(1), Some(w(1)), false),
            ("BRS", w(0), Some(w(3)), true),
        ],
        "2*KRP did not replace KLP; the second KLP added to the first"
    );
    // The note of the second scan said it added up.
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    scan(&mut app, "KLP");
    assert_eq!(
        app.note(),
        Some(&Note::Stock(StockNote::CountedAgain(
            "Kue Lapis Legit".into(),
            w(6),
            Unit::Pcs
        )))
    );
    // F7 on a line with nothing missing is no shortfall to bear.
    press(&mut app, KeyCode::F(7));
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.note(), Some(&Note::ReasonEmpty));
    type_text(&mut app, "Opname akhir bulan");
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::Confirm);
    let (_, screen) = render(&app);
    assert!(
        screen.contains("Stok opname 4 produk (3 dengan selisih)"),
        "{screen}"
    );
    let line = |code: &str, n, corner| CountLine {
        product_code: code.into(),
        counted: w(n),
        corner_at_fault: corner,
    };
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        [Effect::RecordStock(StockEntry::Count {
            lines: vec![
                line("KLP", 6, false),
                line("KRP", 2, false),
                line("TEH", 1, false),
                line("BRS", 0, true),
            ],
            reason: "Opname akhir bulan".into(),
        })]
    );
    // On disk: one note for the whole count and its one slip.
    let effects = update(
        &mut app,
        Answer::StockRecorded {
            daily: false,
            documents: (1..=4).map(|n| document(DocumentKind::Count, n)).collect(),
            slips: vec![Ok(PathBuf::from("printouts/opname-0001-0004.txt"))],
        },
    );
    assert_eq!(effects, [Effect::LoadStock]);
    assert_eq!(app.focus(), Focus::Stock);
    assert_eq!(
        app.note(),
        Some(&Note::Stock(StockNote::CountRecorded(
            4,
            "opname-0001-0004.txt".into()
        )))
    );
}

#[test]
fn a_count_form_shows_recorded_counted_difference_and_who_bears_it() {
    let mut app = counted_four();
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Opname");
    let (terminal, screen) = render(&app);
    assert!(screen.contains("Stok opname: 4 produk"), "{screen}");
    for header in ["Tercatat", "Dihitung", "Selisih", "Tanggung"] {
        assert!(row_with(&screen, "Barang").contains(header), "{header}");
    }
    let klp = row_with(&screen, "Kue Lapis");
    for fact in [" 4 ", "5 pcs", "+1"] {
        assert!(klp.contains(fact), "{fact:?} in {klp:?}");
    }
    assert!(row_with(&screen, "Keripik").contains("+4"));
    assert!(row_with(&screen, "Teh Tubruk").contains(" 0 "));
    let brs = row_with(&screen, "Beras");
    assert!(brs.contains("-3") && brs.contains("Pojok"), "{brs:?}");
    assert!(super::tests::bar_rows(&screen).contains("F7 Tanggungan"));
    insta::assert_snapshot!(terminal.backend());
    app.lang = Lang::En;
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::F(7));
    let (terminal, screen) = render(&app);
    assert!(screen.contains("Stock count: 4 products"), "{screen}");
    for header in ["Recorded", "Counted", "Diff", "Borne by"] {
        assert!(row_with(&screen, "Item").contains(header), "{header}");
    }
    // The selected shortfall's bearer went back to the producer.
    assert!(row_with(&screen, "Beras").contains("Producer"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_expiry_list_fills_in_a_return_for_the_selected_producer() {
    let mut app = on_stock();
    press(&mut app, KeyCode::F(11));
    assert!(screen(&app).expiry);
    // Typing does not filter it; ↓ picks Pak Di's tea.
    type_text(&mut app, "x");
    assert_eq!(screen(&app).list.filter, "");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::F(4));
    assert_eq!(app.focus(), Focus::Intake);
    assert_eq!(form(&app).kind, DocumentKind::Return);
    assert_eq!(form(&app).producer.as_ref().unwrap().code, "PAKDI");
    assert_eq!(rows(&app), [("TEH".into(), 1, None)]);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    // Bu Sri: her rice and both deliveries of Kue Lapis, as one line of 4.
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::F(4));
    assert_eq!(
        app.note(),
        Some(&Note::Stock(StockNote::ReturnFromExpiry(
            "Bu Sri".into(),
            2
        )))
    );
    assert_eq!(
        rows(&app),
        [("BRS".into(), 3, None), ("KLP".into(), 4, None)]
    );
    // Checked against the shelf: one Kue Lapis is not there after all.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Delete);
    scan(&mut app, "3*KLP");
    press(&mut app, KeyCode::F(2));
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        [Effect::RecordStock(StockEntry::Return {
            producer: "BUSRI".into(),
            lines: vec![
                ("BRS".into(), Quantity::whole(3)),
                ("KLP".into(), Quantity::whole(3))
            ],
            reason: "Kedaluwarsa / hampir kedaluwarsa".into(),
        })]
    );
}

#[test]
fn the_expiry_list_by_producer_at_80x24() {
    let mut app = on_stock();
    press(&mut app, KeyCode::F(11));
    let (terminal, screen) = render(&app);
    assert!(
        screen.contains("Kedaluwarsa dalam 2 hari atau lewat, per produsen"),
        "{screen}"
    );
    let rice = row_with(&screen, "Beras");
    for fact in ["BUSRI", "1 19/11", "20 Nov 2026", "3 pcs", "LEWAT 3hr"] {
        assert!(rice.contains(fact), "{fact:?} in {rice:?}");
    }
    let cakes: Vec<&str> = screen.lines().filter(|l| l.contains("Kue Lapis")).collect();
    assert_eq!(cakes.len(), 2, "a line per delivery");
    assert!(!cakes[0].contains("BUSRI"), "the producer is named once");
    assert!(cakes[0].contains("1 hari lagi"));
    assert!(row_with(&screen, "Teh Tubruk").contains("PAKDI"));
    assert!(screen.contains("F4: retur"));
    insta::assert_snapshot!(terminal.backend());
    app.lang = Lang::En;
    let (terminal, screen) = render(&app);
    assert!(
        screen.contains("Best before within 2 days or past"),
        "{screen}"
    );
    assert!(row_with(&screen, "Beras").contains("PAST 3d"));
    assert!(row_with(&screen, "Teh Tubruk").contains("in 2 days"));
    insta::assert_snapshot!(terminal.backend());
    // Nothing due: said so.
    update(
        &mut app,
        Answer::StockLoaded {
            lines: stock_lines(),
            calls: calls(),
            expiring: ExpiryList {
                days: 2,
                lines: Vec::new(),
            },
            count_corner_bears: false,
        },
    );
    let (_, screen) = render(&app);
    assert!(screen.contains("Nothing is near or past its best-before date"));
}

#[test]
fn selling_goods_past_their_date_is_a_warning_not_a_refusal() {
    let mut app = app();
    type_text(&mut app, "KLP");
    let effects = enter(&mut app);
    assert!(matches!(effects.as_slice(), [Effect::SaveDraft(_)]));
    update(
        &mut app,
        Answer::PastBestBefore {
            name: "Kue Lapis Legit".into(),
            best_before: date(22),
        },
    );
    let note = app.note().unwrap().clone();
    assert!(note.is_error(), "shown as a warning");
    assert_eq!(app.till.cart.lines.len(), 1, "the sale goes on");
    assert_eq!(
        note.text(Lang::Id),
        "PERHATIAN: Kue Lapis Legit titipan terlama kedaluwarsa 22 Nov 2026; periksa barangnya"
    );
    assert!(note.text(Lang::En).contains("best before 22 Nov 2026"));
    let (_, screen) = render(&app);
    assert!(screen.contains("PERHATIAN: Kue Lapis Legit"), "{screen}");
}

#[test]
fn days_typed_on_the_expiry_list_set_its_horizon() {
    let mut app = on_stock();
    press(&mut app, KeyCode::F(11));
    type_text(&mut app, "4x5");
    assert_eq!(screen(&app).days_typed, "45", "only digits");
    let (_, shown) = render(&app);
    assert!(shown.contains("Batas baru: 45 hari"), "{shown}");
    assert_eq!(enter(&mut app), []);
    assert_eq!(app.note(), Some(&Note::Stock(StockNote::BadExpiryDays)));
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Batas hari kedaluwarsa: 0 sampai 31"
    );
    assert_eq!(screen(&app).days_typed, "");
    type_text(&mut app, "5");
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "7");
    assert_eq!(enter(&mut app), [Effect::SetExpiryDays { days: 7 }]);
    assert!(
        Effect::SetExpiryDays { days: 7 }.needs_approval(),
        "a shop setting"
    );
    // Enter on the stock list itself does nothing.
    press(&mut app, KeyCode::F(11));
    assert_eq!(enter(&mut app), []);
}

#[test]
fn the_count_question_and_notes_in_english() {
    let mut app = counted_four();
    app.lang = Lang::En;
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Month end");
    press(&mut app, KeyCode::F(2));
    let (terminal, screen) = render(&app);
    assert!(
        screen.contains("Stock count of 4 products (3 with a difference): record now?"),
        "{screen}"
    );
    insta::assert_snapshot!(terminal.backend());
    let again = Note::Stock(StockNote::CountedAgain(
        "Kue Lapis Legit".into(),
        StockQuantity::whole(6),
        Unit::Pcs,
    ));
    assert_eq!(
        again.text(Lang::En),
        "Kue Lapis Legit was counted already: added, now 6 pcs"
    );
    let recorded = Note::Stock(StockNote::CountRecorded(4, "opname-0001-0004.txt".into()));
    assert_eq!(
        recorded.text(Lang::En),
        "Stock count of 4 products recorded; slip: opname-0001-0004.txt"
    );
    assert!(!recorded.is_error() && !again.is_error());
}

/// Typing filters the stock lines (a producer's name too) at 80×24 in both languages: the
/// selection stays on what is shown, a filter that matches nothing says so, and Backspace
/// brings every line back.
#[test]
fn typing_filters_the_stock_lines_in_both_languages() {
    for (lang, label, none) in [
        (Lang::Id, "Saring", "Tidak ada produk yang cocok"),
        (Lang::En, "Filter", "No product matches"),
    ] {
        let mut app = on_stock();
        app.lang = lang;
        type_text(&mut app, "sri");
        for _ in 0..5 {
            press(&mut app, KeyCode::Down);
        }
        let (_, text) = render(&app);
        assert!(text.contains(&format!(" {label}: sri")), "{text}");
        for code in ["KLP", "KRP", "BRS"] {
            assert!(text.contains(code), "{code} missing:\n{text}");
        }
        assert!(!text.contains("TEH"), "{text}");
        assert_eq!(
            screen(&app).current().unwrap().code,
            "BRS",
            "the last shown"
        );
        type_text(&mut app, "zz");
        let (_, text) = render(&app);
        assert!(text.contains(none) && !text.contains("KLP"), "{text}");
        for _ in 0.."srizz".len() {
            press(&mut app, KeyCode::Backspace);
        }
        let (_, text) = render(&app);
        for code in ["KLP", "KRP", "BRS", "TEH"] {
            assert!(text.contains(code), "{code} missing:\n{text}");
        }
    }
}

#[test]
fn ctrl_q_on_a_write_offs_reason_asks_and_a_no_returns_to_its_lines() {
    let mut app = on_stock();
    press(&mut app, KeyCode::F(5));
    scan(&mut app, "KRP");
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::StockReason);
    let quit = ratatui::crossterm::event::KeyModifiers::CONTROL;
    assert!(super::tests::press_with(&mut app, KeyCode::Char('q'), quit).is_empty());
    assert!(!app.should_quit());
    assert_eq!(app.focus(), Focus::Confirm);
    assert_eq!(app.focus_beneath(), Focus::WriteOff);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.focus(), Focus::WriteOff);
    assert_eq!(rows(&app).len(), 1);
}

#[test]
fn stock_recorded_once_the_screen_was_left_is_said_where_the_till_is() {
    let mut app = on_stock();
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Sale);
    let effects = update(
        &mut app,
        Answer::StockRecorded {
            daily: false,
            documents: vec![document(DocumentKind::Intake, 7)],
            slips: vec![Err(Failure::DiskFull)],
        },
    );
    assert!(effects.is_empty(), "nothing is reloaded: {effects:?}");
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.note(), Some(&Note::SlipFailed(Failure::DiskFull)));
    // One intake, its slip written: said as that intake, not as a return of daily goods.
    let slip = PathBuf::from("printouts/intake-0008.txt");
    update(
        &mut app,
        Answer::StockRecorded {
            daily: false,
            documents: vec![document(DocumentKind::Intake, 8)],
            slips: vec![Ok(slip.clone())],
        },
    );
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(
        app.note(),
        Some(&Note::StockRecorded(
            DocumentKind::Intake,
            8,
            crate::ui::file_note::shown_file(&slip)
        ))
    );
}
