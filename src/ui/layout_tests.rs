//! Every list at 80×24 with the longest names a corner really has, in both languages: no
//! product name, variant or size is cut (a name may wrap between words onto a second row),
//! producers give way to their codes first, dialog titles and messages fit.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

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
    assert_eq!(app.cart.lines.len(), codes.len());
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
        update(
            &mut app,
            Msg::StockLoaded {
                lines,
                calls: Vec::new(),
            },
        );
        let (terminal, screen) = render(&app);
        assert_whole(&screen, &full_names());
        // 250 g and 25 g are told apart.
        assert!(screen.contains("Lampung 250 g") || screen.contains("250 g"));
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
        Msg::ProductsLoaded(long_products().iter().map(record).collect()),
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
        update(&mut app, Msg::CustomersLoaded(list));
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
        update(&mut app, Msg::PrintFailed(error));
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
        update(&mut app, Msg::DayClosed);
        update(&mut app, Msg::ZReport(Ok(path)));
        let (_, screen) = render(&app);
        assert!(
            screen.contains("tutup-kasir.txt + tutup-kasir.pdf"),
            "{screen}"
        );
        assert!(!screen.contains("/home/kasir"), "{screen}");
    }
}
