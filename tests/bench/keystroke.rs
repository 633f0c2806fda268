//! Benchmark: time from a keystroke to a drawn frame on the sale screen with 3,000 products,
//! while typing a search (the live-refined list is the heaviest thing a key can cause).
//! Run with `cargo bench --bench keystroke`.

use std::time::{Duration, Instant};

use chrono::Local;
use pojok::domain::{BusinessDay, Catalogue, DayStatus, Product, Rate, Rupiah, ShareRule, Unit};
use pojok::strings::Lang;
use pojok::ui::{self, App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const PRODUCTS: usize = 3_000;

fn catalogue() -> Catalogue {
    let kinds = [
        "Keripik", "Kue", "Kopi", "Sambal", "Kaos", "Batik", "Madu", "Gula", "Beras", "Telur",
        "Rempeyek", "Bolu",
    ];
    let flavours = [
        "Pisang", "Singkong", "Balado", "Cokelat", "Pandan", "Robusta", "Arabika", "Bawang",
        "Cumi", "Aren", "Hutan", "Tempe",
    ];
    let sizes = [
        "100 g", "250 g", "500 g", "S", "M", "L", "XL", "1 kg", "kecil", "besar",
    ];
    let products = (0..PRODUCTS)
        .map(|i| {
            let name = format!(
                "{} {} {} #{i}",
                kinds[i % kinds.len()],
                flavours[(i / kinds.len()) % flavours.len()],
                sizes[(i / 7) % sizes.len()]
            );
            Product {
                id: i as i64 + 1,
                code: format!("P{i:04}"),
                barcode: Some(format!("899{i:010}")),
                name,
                variant: String::new(),
                unit: Unit::Pcs,
                price: Rupiah(1_000 + (i as i64 % 90) * 500),
                producer_id: (i % 120) as i64 + 1,
                producer_code: format!("PR{:03}", i % 120),
                producer_name: format!("Produsen {}", i % 120),
                share: ShareRule::Percentage {
                    rate: Rate::from_basis_points(1500).unwrap(),
                },
            }
        })
        .collect();
    Catalogue::new(products)
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn press(app: &mut App, terminal: &mut Terminal<TestBackend>, event: KeyEvent) -> Duration {
    let start = Instant::now();
    if let Some(msg) = ui::key_to_msg(app, event) {
        ui::update(app, msg);
    }
    terminal.draw(|frame| ui::view(app, frame)).unwrap();
    start.elapsed()
}

fn main() {
    let now = Local::now().naive_local();
    let status = DayStatus {
        day: BusinessDay {
            id: 1,
            date: now.date(),
            opened_at: now,
            attendant: "Bench".into(),
            opening_float: Rupiah(0),
        },
        sales: 0,
        takings: Rupiah(0),
    };
    let mut app = App::new(
        Lang::Id,
        catalogue(),
        Some(status),
        None,
        now.date(),
        "Bench".into(),
    );
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| ui::view(&app, frame)).unwrap();

    let mut search = Vec::new();
    let mut scan = Vec::new();
    for _ in 0..20 {
        // Open the search list with "ke", then refine it one key at a time.
        for c in "ke".chars() {
            press(&mut app, &mut terminal, key(c));
        }
        press(
            &mut app,
            &mut terminal,
            KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
        );
        for c in "ripik pisang 250".chars() {
            search.push(press(&mut app, &mut terminal, key(c)));
        }
        press(
            &mut app,
            &mut terminal,
            KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
        );
        press(
            &mut app,
            &mut terminal,
            KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
        );
        // A scanned barcode, each digit then Enter.
        for c in "8990000001234".chars() {
            scan.push(press(&mut app, &mut terminal, key(c)));
        }
        scan.push(press(
            &mut app,
            &mut terminal,
            KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
        ));
    }
    let report = |name: &str, mut samples: Vec<Duration>| {
        samples.sort();
        let n = samples.len();
        println!(
            "  {name:32} n={n:4}  median {:>10.3?}  p95 {:>10.3?}  max {:>10.3?}",
            samples[n / 2],
            samples[n * 95 / 100],
            samples[n - 1]
        );
    };
    println!("keystroke → update → frame drawn (80×24 TestBackend), {PRODUCTS} products:");
    report("typing with the search list open", search);
    report("scanning a barcode (per key)", scan);
}
