//! The manager's glance through `key_to_msg`, `update` and `view`: Ctrl+G asks the ledger for
//! the open day's glance, the screen draws its figures at 80×24 and wider in both languages,
//! and Esc goes back to the till.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::tests::{open_app, press, press_with, today};
use super::*;
use crate::domain::{Glance, HourBar, Owed, Ranked, Rupiah, StockQuantity};

fn ranked(code: &str, name: &str, gross: i64) -> Ranked {
    Ranked {
        code: code.into(),
        name: name.into(),
        gross: Rupiah(gross),
        quantity: StockQuantity::ZERO,
    }
}

/// Names of 40 characters, as long as a corner's get.
const SHIRT: &str = "Kemeja Batik Lampung Pria Lengan Panjang";
const FARMERS: &str = "Kelompok Tani Rukun Makmur Metro Selatan";

fn glance() -> Glance {
    let hours = [
        (8, 45_000, 30_000),
        (9, 120_000, 150_000),
        (10, 310_000, 95_000),
    ];
    Glance {
        date: today(),
        usual_days: 8,
        hours: hours
            .iter()
            .map(|&(hour, today, usual)| HourBar {
                hour,
                today: Rupiah(today),
                usual: Rupiah(usual),
            })
            .collect(),
        sales: 12,
        takings: Rupiah(475_000),
        voids: 1,
        voided: Rupiah(7_500),
        top_products: vec![
            ranked("KMJBTK", SHIRT, 1_480_000),
            ranked("KPRB", "Kopi Bubuk Robusta Lampung 250 g", 1_240_000),
            ranked("KAOS-XXL", "Kaos Metro Bangga Beli XXL", 850_000),
        ],
        top_producers: vec![
            ranked("TANI", FARMERS, 1_480_000),
            ranked("KOPI", "Kopi Robusta Way Kanan", 1_240_000),
        ],
        owed: vec![
            Owed {
                code: "SUMI".into(),
                name: "Dapur Bu Sumiati Kue Basah".into(),
                balance: Rupiah(1_072_250),
                days_since_payout: Some(12),
            },
            Owed {
                code: "TANI".into(),
                name: FARMERS.into(),
                balance: Rupiah(96_000),
                days_since_payout: None,
            },
        ],
        oversold: 1,
        below_minimum: 3,
        expiring: 2,
        last_close: Some((today().pred_opt().unwrap(), Rupiah(-500))),
    }
}

fn render(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view(app, frame)).unwrap();
    terminal
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let width = buffer.area.width as usize;
    buffer
        .content()
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The glance open and loaded, in `lang`.
fn opened(lang: crate::strings::Lang) -> App {
    let mut app = open_app();
    if lang != app.lang() {
        press(&mut app, KeyCode::F(10));
    }
    let effects = press_with(&mut app, KeyCode::Char('g'), KeyModifiers::CONTROL);
    assert!(
        matches!(effects.as_slice(), [Effect::LoadGlance(d)] if *d == today()),
        "{effects:?}"
    );
    assert_eq!(app.focus(), Focus::Glance);
    update(&mut app, Answer::GlanceLoaded(Box::new(glance())));
    app
}

#[test]
fn the_glance_draws_the_day_the_flags_and_who_is_owed_at_80_by_24() {
    let app = opened(crate::strings::Lang::Id);
    let terminal = render(&app, 80, 24);
    let screen = text(&terminal);
    for shown in [
        "Sekilas usaha · Senin 23 Nov 2026",
        "Per jam vs rata-rata 8 Senin lalu",
        "Omzet              Rp 475.000",
        "Rata-rata           Rp 39.583",
        "Batal 1 (Rp 7.500)",
        "Stok minus 1",
        "Di bawah minimum 3",
        "Kedaluwarsa ≤2 hari 2",
        "Tutup 22 Nov 2026: selisih -Rp 500",
        "Rp 1.240.000",
        "Rp 1.072.250",
        "SUMI · 12 hari sejak dibayar",
    ] {
        assert!(screen.contains(shown), "{shown}:\n{screen}");
    }
    // The bars: the busiest hour's reaches the top of the chart.
    assert!(screen.contains('█'), "{screen}");
    insta::assert_snapshot!("glance_id_80x24", terminal.backend());
}

#[test]
fn the_glance_reads_in_english_and_names_are_whole_when_wide() {
    let app = opened(crate::strings::Lang::En);
    let terminal = render(&app, 80, 24);
    let screen = text(&terminal);
    for shown in [
        "The shop at a glance · Monday 23 Nov 2026",
        "By hour vs the average of 8 earlier Mondays",
        "Takings",
        "Expiring ≤2 days 2",
        "SUMI · 12 days since paid",
    ] {
        assert!(screen.contains(shown), "{shown}:\n{screen}");
    }
    insta::assert_snapshot!("glance_en_80x24", terminal.backend());
    let wide = text(&render(&app, 120, 30));
    for name in [
        "Kopi Bubuk Robusta Lampung 250 g",
        "Kaos Metro Bangga Beli XXL",
        "Dapur Bu Sumiati Kue Basah",
    ] {
        assert!(wide.contains(name), "{name}:\n{wide}");
    }
}

#[test]
fn esc_goes_back_to_the_till_and_a_failed_read_says_so() {
    let mut app = opened(crate::strings::Lang::Id);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Sale);
    press_with(&mut app, KeyCode::Char('g'), KeyModifiers::CONTROL);
    assert!(text(&render(&app, 80, 24)).contains("Memuat"));
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::LoadGlance,
            reason: Failure::Busy,
        },
    );
    assert_eq!(app.focus(), Focus::Sale);
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("Sekilas usaha tidak bisa dimuat"),
        "{screen}"
    );
}

/// The rows of the column that starts where `heading` does and ends before `next` (or at the
/// frame), as one line of words.
fn column(screen: &str, heading: &str, next: Option<&str>) -> String {
    let find = |text: &str| {
        screen
            .lines()
            .find_map(|r| r.find(text).map(|at| r[..at].chars().count()))
    };
    let from = find(heading).unwrap_or_else(|| panic!("no {heading:?} in\n{screen}"));
    // The frame's right side is not the column's.
    let to = next.and_then(find).unwrap_or(usize::from(u16::MAX));
    let unframed = screen.replace('│', " ");
    super::layout_tests::column_words(unframed.lines(), from, to)
}

#[test]
fn names_of_40_characters_are_whole_at_80_by_24_in_both_languages() {
    for lang in [crate::strings::Lang::Id, crate::strings::Lang::En] {
        let app = opened(lang);
        let t = lang.glance();
        let terminal = render(&app, 80, 24);
        let screen = text(&terminal);
        assert!(!screen.contains('…'), "{screen}");
        let best = (t.top_products)(30);
        let left = column(&screen, &best, Some(t.owed_title));
        for (name, amount) in [
            ("Kopi Bubuk Robusta Lampung 250 g", "Rp 1.240.000"),
            (SHIRT, "Rp 1.480.000"),
            (FARMERS, "Rp 1.480.000"),
        ] {
            assert!(left.contains(&format!("{name} {amount}")), "{name}: {left}");
        }
        let right = column(&screen, t.owed_title, None);
        for (name, amount) in [
            ("Dapur Bu Sumiati Kue Basah", "Rp 1.072.250"),
            (FARMERS, "Rp 96.000"),
        ] {
            assert!(
                right.contains(&format!("{name} {amount}")),
                "{name}: {right}"
            );
        }
        insta::assert_snapshot!(format!("glance_long_names_{lang:?}"), terminal.backend());
    }
}
