//! Every list at 80×24 with the longest names a corner really has, in both languages: no
//! product name, variant or size is cut (a name may wrap between words onto a second row),
//! producers give way to their codes first, dialog titles and messages fit.

use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use super::stock_tests::{render, row_with};
use super::tests::{enter, press, status_on, today, type_text};
use super::*;
use crate::domain::catalogue::fixtures::product;
use crate::domain::{Product, ProductRecord, StockQuantity, Unit};

/// Products as a Kota Metro corner names them, with variants and long producer names.
fn long_products() -> Vec<Product> {
    let item = |id, code: &str, name: &str, variant: &str, price, producer: (&str, &str)| {
        let mut p = product(id, code, name, Unit::Pcs, price);
        p.variant = variant.into();
        p.producer_code = producer.0.into();
        p.producer_name = producer.1.into();
        p
    };
    vec![
        item(
            1,
            "KPRL250",
            "Kopi Bubuk Robusta Lampung",
            "250 g",
            35_000,
            KOPI,
        ),
        item(
            2,
            "KPRL25",
            "Kopi Bubuk Robusta Lampung",
            "25 g",
            5_000,
            KOPI,
        ),
        item(3, "KMBXXL", "Kaos Metro Bangga Beli", "XXL", 95_000, KAOS),
        item(4, "KMBXL", "Kaos Metro Bangga Beli", "XL", 90_000, KAOS),
        item(5, "LMPR", "Lemper Ayam Daun Pisang", "", 3_000, DAPUR),
        item(6, "KLPS", "Kue Lapis Legit Pandan Keju", "", 4_500, DAPUR),
        item(
            7,
            "TPS",
            "Kain Tapis Lampung Motif Kapal",
            "2 m",
            1_250_000,
            KAOS,
        ),
    ]
}

const KOPI: (&str, &str) = ("SMBRJY", "Kopi Robusta Sumber Jaya Way Kanan");
const KAOS: (&str, &str) = ("MTRBGG", "Konveksi Metro Bangga Beli Produk Lokal");
const DAPUR: (&str, &str) = ("DPRBS", "Dapur Bu Sumiati Kue Basah");

fn app(lang: Lang) -> App {
    App::new(
        lang,
        Catalogue::new(long_products()),
        Some(status_on(today(), 12, 456_000)),
        None,
        today(),
        "Ani".into(),
    )
}

/// Whether `name` is on the screen whole: on one row, or broken between two words with the
/// rest on the next row, in the same column.
fn shows_whole(screen: &str, name: &str) -> bool {
    let rows: Vec<&str> = screen.lines().collect();
    let on_one = rows.iter().any(|r| r.contains(name));
    let on_two = name.match_indices(' ').any(|(at, _)| {
        let (first, rest) = (&name[..at], &name[at + 1..]);
        rows.windows(2).any(|pair| {
            let chars: Vec<&str> = pair[0].split("").collect();
            pair[0].match_indices(first).any(|(x, _)| {
                let column = pair[0][..x].chars().count();
                let below: String = pair[1].chars().skip(column).collect();
                chars.len() > column && below.starts_with(rest)
            })
        })
    });
    on_one || on_two
}

fn assert_whole(screen: &str, names: &[String]) {
    for name in names {
        assert!(shows_whole(screen, name), "{name:?} is cut in\n{screen}");
    }
    // A size stays on one row: `25` above `g` would read as another size.
    for size in ["250 g", "25 g", "2 m"] {
        if names.iter().any(|n| n.ends_with(&format!(" {size}"))) {
            assert!(
                screen.lines().any(|r| r.contains(&format!(" {size} "))),
                "{size:?} split in\n{screen}"
            );
        }
    }
}

fn full_names() -> Vec<String> {
    long_products().iter().map(Product::full_name).collect()
}

fn cart_app(lang: Lang, codes: &[&str]) -> App {
    let mut app = app(lang);
    for code in codes {
        type_text(&mut app, code);
        enter(&mut app);
    }
    assert_eq!(app.till.cart.lines.len(), codes.len());
    app
}

#[test]
fn the_cart_shows_every_name_and_size_whole_and_producers_by_code() {
    for lang in [Lang::Id, Lang::En] {
        // As many lines as the cart's box holds with the longest names.
        let app = cart_app(
            lang,
            &["KPRL250", "KPRL25", "KMBXXL", "KMBXL", "LMPR", "TPS"],
        );
        let (terminal, screen) = render(&app);
        let names: Vec<String> = app
            .till
            .cart
            .lines
            .iter()
            .map(|l| l.product.full_name())
            .collect();
        assert_whole(&screen, &names);
        assert!(
            screen.contains("SMBRJY") && screen.contains("DPRBS"),
            "{screen}"
        );
        assert!(!screen.contains("Dapur Bu S"), "{screen}");
        insta::assert_snapshot!(format!("cart_{lang:?}"), terminal.backend());
    }
}

#[test]
fn the_search_list_shows_every_name_whole() {
    for lang in [Lang::Id, Lang::En] {
        let mut app = app(lang);
        type_text(&mut app, "l");
        enter(&mut app);
        assert_eq!(app.focus(), Focus::Search);
        let (terminal, screen) = render(&app);
        let Screen::Search(search) = &app.screen else {
            panic!("no search list");
        };
        let shown: Vec<String> = search.results.iter().map(Product::full_name).collect();
        assert!(shown.len() >= 5, "{shown:?}");
        // The list shows what fits its box; those it shows are whole.
        let visible: Vec<String> = shown
            .into_iter()
            .filter(|n| screen.contains(n.split(' ').next().unwrap()))
            .collect();
        assert!(visible.len() >= 4, "{screen}");
        assert_whole(&screen, &visible);
        insta::assert_snapshot!(format!("search_{lang:?}"), terminal.backend());
    }
}

fn stock_line(p: &Product, on_hand: i64) -> StockLine {
    StockLine {
        product_id: p.id,
        code: p.code.clone(),
        name: p.name.clone(),
        variant: p.variant.clone(),
        unit: p.unit,
        producer_code: p.producer_code.clone(),
        producer_name: p.producer_name.clone(),
        daily: false,
        min_stock: StockQuantity::ZERO,
        on_hand: StockQuantity::whole(on_hand),
        day: Default::default(),
        best_before: None,
    }
}

#[test]
fn the_stock_screen_shows_every_name_once_and_whole() {
    for lang in [Lang::Id, Lang::En] {
        let mut app = app(lang);
        press(&mut app, KeyCode::F(3));
        let mut lines: Vec<StockLine> = long_products().iter().map(|p| stock_line(p, 12)).collect();
        lines[0].day.received = StockQuantity::whole(20);
        lines[0].day.sold = StockQuantity::whole(8);
        lines[4].on_hand = StockQuantity::whole(-2);
        // Two flags: sold past stock and below its minimum.
        lines[1].on_hand = StockQuantity::whole(-1);
        lines[1].min_stock = StockQuantity::whole(5);
        update(
            &mut app,
            Answer::StockLoaded {
                lines,
                calls: Vec::new(),
                expiring: Default::default(),
                count_corner_bears: false,
            },
        );
        let (terminal, screen) = render(&app);
        assert_whole(&screen, &full_names());
        // Two flags stack in their column rather than widening it.
        let t = &lang.text().ui;
        let rows: Vec<&str> = screen.lines().collect();
        let minus = rows
            .iter()
            .position(|r| r.contains("KPRL25 ") && r.contains(t.flag_oversold))
            .unwrap_or_else(|| panic!("{screen}"));
        let column = rows[minus].find(t.flag_oversold).unwrap();
        assert_eq!(
            rows[minus + 1].find(t.flag_below_minimum),
            Some(column),
            "{screen}"
        );
        insta::assert_snapshot!(format!("stock_{lang:?}"), terminal.backend());
    }
}

fn record(p: &Product) -> ProductRecord {
    ProductRecord {
        id: p.id,
        code: p.code.clone(),
        barcode: None,
        name: p.name.clone(),
        variant: p.variant.clone(),
        unit: p.unit,
        price: p.price,
        producer_price: None,
        producer_id: p.producer_id,
        producer_code: p.producer_code.clone(),
        producer_name: p.producer_name.clone(),
        min_stock: StockQuantity::ZERO,
        daily: false,
        active: p.id != 2,
        producer_active: true,
    }
}

fn on_products(lang: Lang) -> App {
    let mut app = app(lang);
    press(&mut app, KeyCode::F(7));
    assert_eq!(app.focus(), Focus::Products);
    update(
        &mut app,
        Answer::ProductsLoaded(long_products().iter().map(record).collect()),
    );
    app
}

#[test]
fn the_products_screen_shows_every_name_whole_and_the_price_dialog_names_it_in_full() {
    for lang in [Lang::Id, Lang::En] {
        let mut app = on_products(lang);
        let (terminal, screen) = render(&app);
        assert_whole(&screen, &full_names());
        insta::assert_snapshot!(format!("products_{lang:?}"), terminal.backend());
        // F2 on the longest: its title names it whole, with its price now.
        type_text(&mut app, "tapis");
        press(&mut app, KeyCode::F(2));
        assert_eq!(app.focus(), Focus::PriceField);
        let (terminal, screen) = render(&app);
        let title = (lang.text().ui.new_price_title)(
            "Kain Tapis Lampung Motif Kapal 2 m",
            Rupiah(1_250_000),
        );
        assert!(shows_whole(&screen, &title), "{title:?} cut in\n{screen}");
        insta::assert_snapshot!(format!("price_dialog_{lang:?}"), terminal.backend());
    }
}

#[test]
fn the_customers_screen_shows_long_units_whole() {
    for lang in [Lang::Id, Lang::En] {
        let mut app = app(lang);
        let customer = |id, name: &str, unit: &str| crate::domain::CustomerBalance {
            customer: crate::domain::Customer {
                id,
                name: name.into(),
                nip: Some("198001012005011001".into()),
                unit: unit.into(),
                phone: String::new(),
                active: true,
            },
            charged: Rupiah(145_000),
            paid: Rupiah(20_000),
        };
        let list = vec![
            customer(
                1,
                "Raden Ayu Sekar Kusumawardhani",
                "Bidang Pemberdayaan Usaha Mikro",
            ),
            customer(2, "Budi Santoso", "Sekretariat"),
        ];
        let ctrl_t = ratatui::crossterm::event::KeyEvent::new(
            KeyCode::Char('t'),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        );
        let msg = key_to_msg(&app, ctrl_t).unwrap();
        update(&mut app, msg);
        update(&mut app, Answer::CustomersLoaded(list));
        let (terminal, screen) = render(&app);
        for name in [
            "Raden Ayu Sekar Kusumawardhani",
            "Bidang Pemberdayaan Usaha Mikro",
            "Budi Santoso",
            "Sekretariat",
        ] {
            assert!(shows_whole(&screen, name), "{name:?} cut in\n{screen}");
        }
        insta::assert_snapshot!(format!("customers_{lang:?}"), terminal.backend());
        // The tab payment's title names the customer whole, with what they owe.
        press(&mut app, KeyCode::F(5));
        assert_eq!(app.focus(), Focus::TabPaymentForm);
        let title =
            (lang.text().till.tab_payment_title)("Raden Ayu Sekar Kusumawardhani", Rupiah(125_000));
        let (_, screen) = render(&app);
        assert!(
            screen.contains(&format!(" {title} ")),
            "{title:?} cut in\n{screen}"
        );
    }
}

#[test]
fn a_printer_failure_is_shown_whole_over_the_rows_it_needs_broken_between_words() {
    for lang in [Lang::Id, Lang::En] {
        let mut app = app(lang);
        let error = crate::print::PrintError::Connect {
            address: "192.168.100.250:9100".into(),
            problem: crate::print::IoProblem::Refused,
        };
        update(&mut app, Answer::PrintFailed(error));
        let text = app.note.as_ref().unwrap().text(lang);
        assert!(
            text.chars().count() > 79,
            "long enough to need rows: {text}"
        );
        let (_, screen) = render(&app);
        let rows: Vec<&str> = screen.lines().collect();
        let first = rows
            .iter()
            .position(|r| r.starts_with(&format!(" {}", &text[..10])))
            .unwrap_or_else(|| panic!("no message in\n{screen}"));
        let bar = rows.len() - key_bar::height(app.focus(), &lang.text().ui.keys, 80) as usize;
        let shown: Vec<&str> = rows[first..bar].iter().map(|r| r.trim()).collect();
        assert!(shown.len() > 1, "{screen}");
        assert_eq!(shown.join(" "), text, "the message whole:\n{screen}");
    }
}

#[test]
fn a_message_too_long_for_its_rows_ends_after_a_whole_word() {
    let rows = super::widgets::wrap_words(&"kata ".repeat(60), 20, 2);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1], "kata kata kata kata…");
    assert!(rows.iter().all(|r| r.chars().count() <= 20));
}

#[test]
fn the_day_close_names_its_report_and_its_pdf_not_a_cut_path() {
    for lang in [Lang::Id, Lang::En] {
        let mut app = app(lang);
        let path = std::path::PathBuf::from(
            "/home/kasir/.local/share/pojok/cetakan/2026-12-05/tutup-kasir.txt",
        );
        update(&mut app, Answer::DayClosed);
        update(&mut app, Answer::ZReport(Ok(path)));
        let (_, screen) = render(&app);
        assert!(
            screen.contains("tutup-kasir.txt + tutup-kasir.pdf"),
            "{screen}"
        );
        assert!(!screen.contains("/home/kasir"), "{screen}");
    }
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    let key = ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char(c),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    let msg = key_to_msg(app, key).unwrap();
    update(app, msg)
}

fn manager() -> crate::domain::User {
    crate::domain::User {
        id: 2,
        name: "Budi Hartono Wijayakusuma".into(),
        role: crate::domain::Role::Manager,
        active: true,
        has_pin: true,
    }
}

/// The app with the manager signed in.
fn as_manager(lang: Lang) -> App {
    let mut app = app(lang);
    update(&mut app, Answer::UsersLoaded(vec![manager()]));
    update(&mut app, Answer::SignedIn(manager()));
    assert_eq!(app.focus(), Focus::Sale);
    app
}

/// Enter opens the selected row's detail view with `whole` in it, unbroken or wrapped
/// between words; Esc closes it and the list is back with nothing else changed.
fn details_show(app: &mut App, whole: &[&str], name: &str) {
    let focus = app.focus();
    let (_, before) = render(app);
    assert!(update(app, Key::Details).is_empty());
    let (terminal, screen) = render(app);
    for text in whole {
        assert!(
            shows_whole(&screen, text) || wrapped_in_box(&screen, text),
            "{text:?} not whole in\n{screen}"
        );
    }
    insta::assert_snapshot!(name, terminal.backend());
    press(app, KeyCode::Esc);
    assert_eq!(app.focus(), focus);
    assert_eq!(render(app).1, before, "Esc closes the view, nothing else");
}

/// Whether `text` is in a box over several rows, each row's part starting at one column.
fn wrapped_in_box(screen: &str, text: &str) -> bool {
    let rows: Vec<&str> = screen.lines().collect();
    // The start of the first word: a word wider than the box has only its start on a row.
    let anchor: String = text
        .split(' ')
        .next()
        .unwrap_or("")
        .chars()
        .take(8)
        .collect();
    let starts = (0..rows.len()).flat_map(|row| {
        rows[row]
            .match_indices(anchor.as_str())
            .map(move |(x, _)| (row, x))
            .collect::<Vec<_>>()
    });
    starts.into_iter().any(|(start, x)| {
        let column = rows[start][..x].chars().count();
        let mut joined = String::new();
        for row in &rows[start..] {
            let part: String = row.chars().skip(column).collect();
            let part = part.trim_end_matches(['│', ' ']).trim_end();
            if part.is_empty() {
                break;
            }
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(part);
            if joined.len() >= text.len() {
                break;
            }
        }
        // A word wider than the box (a hash) is broken where the row ends.
        joined.starts_with(text) || joined.replace(' ', "").starts_with(&text.replace(' ', ""))
    })
}

#[test]
fn enter_shows_a_customer_a_producer_a_user_and_an_audit_entry_whole() {
    for lang in [Lang::Id, Lang::En] {
        // A customer.
        let mut app = app(lang);
        ctrl(&mut app, 't');
        let customer = crate::domain::CustomerBalance {
            customer: crate::domain::Customer {
                id: 1,
                name: "Raden Ayu Sekar Kusumawardhani".into(),
                nip: Some("198001012005011001".into()),
                unit: "Bidang Pemberdayaan Usaha Mikro dan Kecil".into(),
                phone: "0812-7788-9900".into(),
                active: true,
            },
            charged: Rupiah(145_000),
            paid: Rupiah(20_000),
        };
        update(&mut app, Answer::CustomersLoaded(vec![customer]));
        details_show(
            &mut app,
            &[
                "Bidang Pemberdayaan Usaha Mikro dan Kecil",
                "0812-7788-9900",
            ],
            &format!("customer_details_{lang:?}"),
        );
        // A producer.
        let mut app = app_on_producers(lang);
        details_show(
            &mut app,
            &[
                "Dapur Bu Sumiati Kue Basah",
                "Jl. Jend. Sudirman No. 45, Kel. Imopuro, Kec. Metro Pusat",
                "BRI 0123-01-045678-50-1 a.n. Sumiati",
            ],
            &format!("producer_details_{lang:?}"),
        );
        // A user.
        let mut app = as_manager(lang);
        ctrl(&mut app, 'u');
        update(&mut app, Answer::UsersLoaded(vec![manager()]));
        assert_eq!(app.focus(), Focus::Users);
        details_show(
            &mut app,
            &["Budi Hartono Wijayakusuma"],
            &format!("user_details_{lang:?}"),
        );
        press(&mut app, KeyCode::F(4));
        assert_eq!(app.focus(), Focus::UserForm);
        let title = (lang.text().ui.trust.change_pin_title)("Budi Hartono Wijayakusuma");
        let (_, screen) = render(&app);
        assert!(
            screen.contains(&format!(" {title} ")),
            "{title:?} cut in\n{screen}"
        );
        // An audit entry: its summary and its whole hash, not 20 characters of them.
        let mut app = as_manager(lang);
        ctrl(&mut app, 'r');
        let summary = "sale 12 · Salah input: Kopi Bubuk Robusta Lampung 250 g dua kali dipindai";
        let hash = "7f3a9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b";
        update(
            &mut app,
            Answer::HistoryLoaded(vec![crate::domain::HistoryEntry {
                seq: 40,
                at: today().and_hms_opt(10, 15, 0),
                actor: Some("Rina".into()),
                approver: Some("Budi Hartono Wijayakusuma".into()),
                table: "voids".into(),
                entry_id: 3,
                details: vec![crate::domain::Detail::Text(summary.into())],
                hash: hash.into(),
            }]),
        );
        assert_eq!(app.focus(), Focus::Audit);
        details_show(
            &mut app,
            &[summary, hash, "Budi Hartono Wijayakusuma"],
            &format!("audit_details_{lang:?}"),
        );
    }
}

fn app_on_producers(lang: Lang) -> App {
    let mut app = app(lang);
    press(&mut app, KeyCode::F(8));
    assert_eq!(app.focus(), Focus::Producers);
    let producer = Producer {
        id: 1,
        code: "DPRBS".into(),
        name: "Dapur Bu Sumiati Kue Basah".into(),
        phone: "0813-6655-4433".into(),
        address: "Jl. Jend. Sudirman No. 45, Kel. Imopuro, Kec. Metro Pusat".into(),
        account: "BRI 0123-01-045678-50-1 a.n. Sumiati".into(),
        scheme: crate::domain::Scheme::Percentage {
            rate: crate::domain::Rate::from_basis_points(1500).unwrap(),
        },
        active: true,
        payout_daily: true,
    };
    update(&mut app, Answer::ProducersLoaded(vec![producer]));
    app
}

#[test]
fn the_payouts_list_and_an_intake_form_show_long_names_whole() {
    for lang in [Lang::Id, Lang::En] {
        let mut app = app(lang);
        ctrl(&mut app, 'p');
        assert_eq!(app.focus(), Focus::Payouts);
        let balance = |code: &str, name: &str, owed| crate::domain::ProducerBalance {
            code: code.into(),
            name: name.into(),
            payout_daily: false,
            active: true,
            balance: Rupiah(owed),
        };
        update(
            &mut app,
            Answer::PayoutsLoaded {
                balances: vec![
                    balance(DAPUR.0, DAPUR.1, 1_250_500),
                    balance(KAOS.0, KAOS.1, 12_345_000),
                    balance(KOPI.0, KOPI.1, 87_500),
                ],
                days: vec![(today(), false)],
            },
        );
        let (terminal, screen) = render(&app);
        for name in [DAPUR.1, KAOS.1, KOPI.1] {
            assert!(shows_whole(&screen, name), "{name:?} cut in\n{screen}");
        }
        insta::assert_snapshot!(format!("payouts_{lang:?}"), terminal.backend());

        // An intake of the coffee producer's goods: each line's name and size whole.
        let mut app = app_on_stock(lang);
        press(&mut app, KeyCode::F(2));
        type_text(&mut app, KOPI.0);
        enter(&mut app);
        for code in ["5*KPRL250", "12*KPRL25"] {
            type_text(&mut app, code);
            enter(&mut app);
        }
        let (terminal, screen) = render(&app);
        assert_whole(
            &screen,
            &[
                "Kopi Bubuk Robusta Lampung 250 g".to_string(),
                "Kopi Bubuk Robusta Lampung 25 g".to_string(),
            ],
        );
        insta::assert_snapshot!(format!("intake_{lang:?}"), terminal.backend());
    }
}

fn app_on_stock(lang: Lang) -> App {
    let mut app = app(lang);
    press(&mut app, KeyCode::F(3));
    update(
        &mut app,
        Answer::StockLoaded {
            lines: long_products().iter().map(|p| stock_line(p, 3)).collect(),
            calls: Vec::new(),
            expiring: Default::default(),
            count_corner_bears: false,
        },
    );
    assert_eq!(app.focus(), Focus::Stock);
    app
}

fn render_at(app: &App, width: u16, height: u16) -> (ratatui::Terminal<TestBackend>, String) {
    let mut terminal = ratatui::Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view(app, frame)).unwrap();
    let text = terminal
        .backend()
        .buffer()
        .content()
        .chunks(usize::from(width))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n");
    (terminal, text)
}

/// Sales on the first day of the 30 and on the last two, the last the best: `▁`, 27 days
/// without, `▄█`.
fn three_days() -> Vec<Rupiah> {
    let mut days = vec![Rupiah::ZERO; 30];
    days[0] = Rupiah(10_000);
    days[28] = Rupiah(40_000);
    days[29] = Rupiah(80_000);
    days
}

const THREE_DAYS: &str = "▁···························▄█";

fn daily_sales(products: &[&str], producers: &[&str]) -> Answer {
    let mut daily = crate::domain::DailySales::empty(today());
    for code in products {
        daily.products.insert(code.to_string(), three_days());
    }
    for code in producers {
        daily.producers.insert(code.to_string(), three_days());
    }
    Answer::DailySalesLoaded(Box::new(daily))
}

/// At 80 columns a sparkline would cut the long names, so there is none and every name is
/// whole; 120 columns wide each row carries its 30 days and every name is whole on one row.
fn sparkline_only_when_names_stay_whole(app: &App, names: &[&str], code: &str, snapshot: &str) {
    let header = (app.lang().glance().trend_header)(30);
    let (terminal, screen) = render(app);
    for name in names {
        assert!(shows_whole(&screen, name), "{name:?} cut in\n{screen}");
    }
    assert!(!screen.contains(&header), "{screen}");
    assert!(!screen.contains('▄') && !screen.contains('·'), "{screen}");
    insta::assert_snapshot!(format!("{snapshot}_80x24"), terminal.backend());

    let (terminal, screen) = render_at(app, 120, 30);
    assert!(screen.contains(&header), "{screen}");
    for name in names {
        assert!(
            screen.lines().any(|r| r.contains(name)),
            "{name:?} cut in\n{screen}"
        );
    }
    let row = row_with(&screen, code);
    assert!(row.contains(THREE_DAYS), "{row}");
    // A row that sold nothing shows its 30 days as dots.
    let quiet = screen
        .lines()
        .filter(|r| r.contains(&"·".repeat(30)))
        .count();
    assert!(quiet >= 1, "{screen}");
    insta::assert_snapshot!(format!("{snapshot}_120x30"), terminal.backend());
}

/// The characters `start..end` of each row, read down the rows as one line of words: a name
/// wrapped over rows in a column reads whole again.
pub(super) fn column_words<'a>(
    rows: impl IntoIterator<Item = &'a str>,
    start: usize,
    end: usize,
) -> String {
    let parts: Vec<String> = rows
        .into_iter()
        .map(|r| {
            r.chars()
                .skip(start)
                .take(end.saturating_sub(start))
                .collect()
        })
        .collect();
    parts
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_products_list_shows_30_days_of_sales_when_wide_and_names_whole_at_80() {
    for lang in [Lang::Id, Lang::En] {
        let mut app = app(lang);
        assert_eq!(
            press(&mut app, KeyCode::F(7)),
            [Effect::LoadProducts, Effect::LoadDailySales(today())]
        );
        update(
            &mut app,
            Answer::ProductsLoaded(long_products().iter().map(record).collect()),
        );
        update(&mut app, daily_sales(&["KPRL250"], &[]));
        let names = full_names();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let snapshot = format!("products_trend_{lang:?}");
        sparkline_only_when_names_stay_whole(&app, &names, "KPRL250", &snapshot);
    }
}

#[test]
fn the_producers_list_shows_30_days_of_sales_when_wide_and_names_whole_at_80() {
    for lang in [Lang::Id, Lang::En] {
        let mut app = app(lang);
        assert_eq!(
            press(&mut app, KeyCode::F(8)),
            [Effect::LoadProducers, Effect::LoadDailySales(today())]
        );
        let producer = |id, (code, name): (&str, &str), phone: &str| Producer {
            id,
            code: code.into(),
            name: name.into(),
            phone: phone.into(),
            address: String::new(),
            account: String::new(),
            scheme: crate::domain::Scheme::ProducerPrice,
            active: true,
            payout_daily: false,
        };
        let producers = vec![
            producer(1, DAPUR, "0813-6655-4433"),
            producer(2, KAOS, "0812-7945-6613"),
            producer(3, KOPI, "0852-7906-4471"),
        ];
        update(&mut app, Answer::ProducersLoaded(producers));
        update(&mut app, daily_sales(&[], &[KAOS.0]));
        let snapshot = format!("producers_trend_{lang:?}");
        sparkline_only_when_names_stay_whole(&app, &[DAPUR.1, KAOS.1, KOPI.1], KAOS.0, &snapshot);
    }
}
