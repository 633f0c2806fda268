//! What the screens look like at 80×24 (insta snapshots of a `TestBackend`), with the key
//! facts also asserted as text so a wrong snapshot cannot be accepted unnoticed.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use super::tests::{
    app_with_cart, enter, open_app, press, status_on, today, todays_sales, type_text,
};
use super::*;
use crate::domain::catalogue::fixtures::small;

fn render(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view(app, frame)).unwrap();
    terminal
}

/// The screen as plain text, one line per row.
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

fn row_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle:?} in\n{screen}"))
}

#[test]
fn empty_sale_screen() {
    let app = open_app();
    let terminal = render(&app, 80, 24);
    let screen = text(&terminal);
    let status = screen.lines().next().unwrap();
    for fact in ["23 Nov 2026", "Kasir: Ani", "12 penjualan", "Rp 456.000"] {
        assert!(status.contains(fact), "{fact:?} in {status:?}");
    }
    assert!(screen.contains("Kode / cari"));
    assert!(screen.contains("Keranjang kosong"));
    assert!(row_with(&screen, "TOTAL").contains("Rp 0"));
    let bar = &super::tests::bar_rows(&screen);
    for key in ["F1", "F2", "F4", "F6", "F10", "Ctrl+Q"] {
        assert!(bar.contains(key), "{key} on the bar {bar:?}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn cart_with_lines_and_selection() {
    let mut app = app_with_cart();
    type_text(&mut app, "1,25*BRS");
    enter(&mut app);
    press(&mut app, KeyCode::Up);
    let terminal = render(&app, 80, 24);
    let screen = text(&terminal);
    let selected = row_with(&screen, "▶");
    assert!(selected.contains("Keripik Pisang"), "{selected}");
    let klp = row_with(&screen, "Kue Lapis Legit");
    assert!(klp.contains("3 pcs") && klp.contains("Rp 5.000") && klp.contains("Rp 15.000"));
    assert!(row_with(&screen, "Beras").contains("1,25 kg"));
    assert!(row_with(&screen, "TOTAL").contains("Rp 45.125"));
    assert!(row_with(&screen, "TOTAL").contains("3 baris"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn search_list() {
    let mut app = open_app();
    type_text(&mut app, "k");
    enter(&mut app);
    press(&mut app, KeyCode::Down);
    let terminal = render(&app, 80, 24);
    let screen = text(&terminal);
    assert!(screen.contains("Cari: \"k\""));
    assert!(row_with(&screen, "KPI").contains("Rp 25.000/bks"));
    assert!(row_with(&screen, "▶").contains("Bu Sri"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn pay_dialog_with_change_shown() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "50.000");
    let terminal = render(&app, 80, 24);
    let screen = text(&terminal);
    assert!(screen.contains("Pembayaran"));
    assert!(row_with(&screen, "Sisa").contains("Rp 27.000"));
    assert!(row_with(&screen, "Jumlah diterima").contains("50.000"));
    assert!(row_with(&screen, "[ Tunai ]").contains("QRIS"));
    assert!(row_with(&screen, "Kembalian").contains("Rp 23.000"));
    // The change in big half-height digits: only these block characters.
    assert!(screen.contains('█') && screen.contains('▀'));
    let bar = &super::tests::bar_rows(&screen);
    for key in ["F3", "F7", "F8", "F9", "Esc"] {
        assert!(bar.contains(key), "{key} on the bar {bar:?}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn split_payment_lists_what_is_paid() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "20000");
    press(&mut app, KeyCode::F(3));
    let screen = text(&render(&app, 80, 24));
    let message = row_with(&screen, "Diterima");
    assert!(message.contains("Diterima Rp 20.000 (Tunai); sisa Rp 7.000"));
    press(&mut app, KeyCode::Tab);
    let screen = text(&render(&app, 80, 24));
    assert!(row_with(&screen, "Sudah dibayar").contains("Rp 20.000"));
    assert!(row_with(&screen, "· Tunai").contains("Rp 20.000"));
    assert!(row_with(&screen, "Sisa").contains("Rp 7.000"));
    assert!(row_with(&screen, "[ QRIS ]").contains("Tunai"));
}

#[test]
fn an_error_message() {
    let mut app = app_with_cart();
    type_text(&mut app, "2*XYZ");
    enter(&mut app);
    let terminal = render(&app, 80, 24);
    let screen = text(&terminal);
    let message = row_with(&screen, "XYZ\" tidak");
    assert!(message.contains("Kode \"XYZ\" tidak dikenal"), "{message}");
    let entry = screen.lines().nth(2).unwrap();
    assert!(entry.contains("2*XYZ"), "the entry is kept: {entry}");
    // Selected: the next key typed replaces it.
    let first = &terminal.backend().buffer()[(2, 2)];
    assert_eq!(first.symbol(), "2");
    assert!(first.modifier.contains(ratatui::style::Modifier::REVERSED));
    let at = screen
        .lines()
        .position(|l| l.contains("tidak dikenal"))
        .unwrap() as u16;
    let cell = terminal.backend().buffer()[(1, at)].clone();
    assert_eq!(cell.fg, ratatui::style::Color::Red);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_change_panel_after_a_sale() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "50000");
    let effects = enter(&mut app);
    let Effect::RecordSale { cart, payments } = effects[0].clone() else {
        panic!("{effects:?}")
    };
    update(
        &mut app,
        Answer::SaleRecorded {
            sale: Sale {
                chain_head: None,
                id: 113,
                number: 13,
                day_date: today(),
                at: today().and_hms_opt(9, 41, 0).unwrap(),
                attendant: "Ani".into(),
                total: cart.total(),
                lines: Vec::new(),
                payments,
                voided: false,
                tab_customer: None,
            },
            status: Some(status_on(today(), 13, 483_000)),
            receipt: Ok("struk/2026-11-23/0013.txt".into()),
        },
    );
    let terminal = render(&app, 80, 24);
    let screen = text(&terminal);
    assert!(screen.contains("Penjualan No. 13 tersimpan"));
    assert!(row_with(&screen, "Kembalian").contains("Rp 23.000"));
    assert!(screen.contains("Struk: 0013.txt"));
    assert!(screen.lines().next().unwrap().contains("Rp 483.000"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn open_day_form() {
    let mut app = App::new(Lang::Id, small(), None, None, today(), "Ani".into());
    type_text(&mut app, "Rp 200.000");
    let terminal = render(&app, 80, 24);
    let screen = text(&terminal);
    assert!(
        screen
            .lines()
            .next()
            .unwrap()
            .contains("Belum ada hari usaha")
    );
    assert!(screen.contains("Buka hari usaha 23 Nov 2026"));
    assert!(row_with(&screen, "Nama kasir").contains("Ani"));
    assert!(row_with(&screen, "Modal awal").contains("Rp 200.000"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn open_day_form_after_todays_close() {
    let mut app = App::new(Lang::Id, small(), None, None, today(), "Ani".into());
    update(&mut app, Answer::ClosedBefore(today()));
    type_text(&mut app, "1");
    enter(&mut app);
    let terminal = render(&app, 80, 24);
    let screen = text(&terminal);
    assert!(
        screen.contains("F6 penjualan · Ctrl+P bagi hasil"),
        "{screen}"
    );
    assert!(screen.contains("sudah ditutup"), "{screen}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn an_old_open_day() {
    let yesterday = today().pred_opt().unwrap();
    let app = App::new(
        Lang::Id,
        small(),
        Some(status_on(yesterday, 4, 90_000)),
        None,
        today(),
        "Ani".into(),
    );
    let terminal = render(&app, 80, 24);
    let screen = text(&terminal);
    assert!(screen.contains("22 Nov 2026 masih terbuka"));
    assert!(screen.contains("F5"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn sales_list_with_the_confirm_popup() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(6));
    update(&mut app, Answer::SalesLoaded(todays_sales()));
    let list = text(&render(&app, 80, 24));
    assert!(row_with(&list, "37.500").contains("Tunai"));
    assert!(row_with(&list, "5.000").contains("QRIS+Tunai"));
    let bar = &super::tests::bar_rows(&list);
    for key in ["F8 Batalkan", "F9 Cetak ulang", "Esc Kembali"] {
        assert!(bar.contains(key), "{key} on the bar {bar:?}");
    }
    press(&mut app, KeyCode::F(8));
    type_text(&mut app, "Salah input jumlah");
    let reason = text(&render(&app, 80, 24));
    assert!(reason.contains("Alasan membatalkan penjualan #7"));
    assert!(reason.lines().last().unwrap().contains("Esc Kembali"));
    enter(&mut app);
    let terminal = render(&app, 80, 24);
    let screen = text(&terminal);
    assert!(screen.contains("Batalkan penjualan #7 sebesar Rp 37.500?"));
    assert!(screen.contains("Alasan: Salah input jumlah"));
    assert!(row_with(&screen, "12.000").contains("BATAL"));
    assert!(!row_with(&screen, "37.500").contains("BATAL"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn help_lists_every_binding_of_the_screen() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(1));
    // F1 turns the pages; every page fits the body, and the last F1 closes the help.
    let mut pages: Vec<String> = Vec::new();
    let mut first = None;
    while app.help {
        let terminal = render(&app, 80, 24);
        let page = text(&terminal);
        assert!(
            row_with(&page, "Bantuan").contains(&format!("{}/", pages.len() + 1)),
            "{page}"
        );
        // The popup closes above the message line.
        let rows: Vec<&str> = page.lines().collect();
        let bottom = rows.iter().rposition(|r| r.starts_with('└')).unwrap();
        assert!(bottom < 24 - 3, "{page}");
        first.get_or_insert(terminal);
        pages.push(page);
        press(&mut app, KeyCode::F(1));
        assert!(pages.len() < 5, "F1 closes the help after its last page");
    }
    assert!(
        pages.len() > 1,
        "the sale screen's help takes more than a page at 80×24"
    );
    let screen = pages.join("\n");
    let keys = &Lang::Id.text().ui.keys;
    for b in keymap::bindings_for(Focus::Sale) {
        assert!(
            screen.contains((b.text)(keys)),
            "help lacks {:?}",
            (b.text)(keys)
        );
    }
    assert!(row_with(&screen, "Tambah 1 (saat kode kosong)").contains('+'));
    assert!(row_with(&screen, "Tutup hari usaha").contains("F5"));
    assert!(row_with(&screen, "Pilih baris").contains("↑/↓"));
    assert!(
        screen
            .lines()
            .any(|l| l.contains("Ctrl+Q/Ctrl+C") && l.contains("Keluar"))
    );
    // What can be typed on the entry line.
    for syntax in ["3*KODE: tambah 3", "1,25*KODE", "nama barang: cari"] {
        assert!(screen.contains(syntax), "help lacks {syntax:?}");
    }
    // The key typed after the help closes counts on the screen.
    assert_eq!(app.focus(), Focus::Sale);
    insta::assert_snapshot!(first.unwrap().backend());
}

#[test]
fn help_in_english_fits_too() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(10));
    press(&mut app, KeyCode::F(1));
    let mut pages = Vec::new();
    while app.help && pages.len() < 5 {
        pages.push(text(&render(&app, 80, 24)));
        press(&mut app, KeyCode::F(1));
    }
    let screen = pages.join("\n");
    assert!(pages[0].contains("Help 1/"), "{screen}");
    assert!(screen.contains("3*CODE: add three"), "{screen}");
    assert!(row_with(&screen, "Close the business day").contains("F5"));
    assert!(
        screen
            .lines()
            .any(|l| l.contains("Ctrl+Q/Ctrl+C") && l.contains("Quit"))
    );
}

#[test]
fn the_amount_hint_says_what_an_empty_amount_means_for_each_method() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    let screen = text(&render(&app, 80, 24));
    assert!(row_with(&screen, "Jumlah diterima").contains("(kosong = uang pas)"));
    press(&mut app, KeyCode::Tab);
    let screen = text(&render(&app, 80, 24));
    let row = row_with(&screen, "Jumlah diterima");
    assert!(row.contains("(kosong = pas sejumlah sisa)"), "{row}");
    assert!(!row.contains("uang pas"));
}

#[test]
fn english_screen() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(10));
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Code / search"));
    assert!(screen.contains("Attendant: Ani"));
    let bar = &super::tests::bar_rows(&screen);
    assert!(bar.contains("Pay"));
    assert!(bar.contains("F10 Bahasa"), "{bar}");
    assert!(row_with(&screen, "TOTAL").contains("2 lines"));
    press(&mut app, KeyCode::Delete);
    let screen = text(&render(&app, 80, 24));
    assert!(row_with(&screen, "TOTAL").contains("1 line "));
    press(&mut app, KeyCode::F(2));
    let bar = text(&render(&app, 80, 24));
    assert!(super::tests::bar_rows(&bar).contains("F3 Split"));
    // And the Indonesian bar names English.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(10));
    let screen = text(&render(&app, 80, 24));
    assert!(super::tests::bar_rows(&screen).contains("F10 English"));
}

#[test]
fn too_small_says_so_and_draws_nothing_else() {
    let app = app_with_cart();
    let terminal = render(&app, 60, 20);
    let screen = text(&terminal);
    assert!(screen.contains("perlu 80×24, sekarang 60×20"), "{screen}");
    assert!(!screen.contains("Keranjang"));
    insta::assert_snapshot!(terminal.backend());
    // Even a single cell must not panic.
    render(&app, 1, 1);
    render(&app, 80, 23);
    // What is typed meanwhile is not acted on behind the notice.
    let mut app = app;
    let before = text(&render(&app, 80, 24));
    update(&mut app, Answer::Resize(60, 20));
    type_text(&mut app, "KLP");
    enter(&mut app);
    press(&mut app, KeyCode::Delete);
    update(&mut app, Answer::Resize(80, 24));
    assert_eq!(text(&render(&app, 80, 24)), before);
}

#[test]
fn leaving_the_pay_dialog_with_a_part_taken_asks_first() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "10000");
    press(&mut app, KeyCode::F(3));
    press(&mut app, KeyCode::Esc);
    let terminal = render(&app, 80, 24);
    let screen = text(&terminal);
    assert!(screen.contains("Pembayaran sebagian Rp 10.000 sudah diterima."));
    assert!(
        screen.contains("Kembalikan uangnya dan batalkan?"),
        "{screen}"
    );
    assert!(screen.lines().last().unwrap().contains("N/Esc Tidak"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn closing_the_day_asks_with_its_date() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(5));
    update(
        &mut app,
        Answer::CloseLoaded(Box::new(super::close_tests::report(today(), 150_000))),
    );
    type_text(&mut app, "150000");
    press(&mut app, KeyCode::F(2));
    let terminal = render(&app, 80, 24);
    let screen = text(&terminal);
    for fact in [
        "Tutup kasir 23 Nov",
        "Rp 150.000",
        "selisih Rp 0",
        "Ketik ulang",
    ] {
        assert!(screen.contains(fact), "{fact} in {screen}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn big_amounts_are_shown_whole_and_names_give_way() {
    let mut products = small().products().to_vec();
    let mut batik = crate::domain::catalogue::fixtures::product(
        6,
        "BTKTL",
        "Batik Tulis Lasem Motif Sekar Jagad",
        crate::domain::Unit::Pcs,
        450_000,
    );
    batik.producer_name = "Kelompok Pengrajin Batik Lasem".into();
    let mut songket = crate::domain::catalogue::fixtures::product(
        7,
        "SGKT",
        "Songket Palembang Benang Emas",
        crate::domain::Unit::Pcs,
        9_999_000,
    );
    songket.producer_name = "Bu Sri".into();
    products.extend([batik, songket]);
    let mut app = open_app();
    app.set_catalogue(Catalogue::new(products));
    type_text(&mut app, "30*BTKTL");
    enter(&mut app);
    type_text(&mut app, "10*SGKT");
    enter(&mut app);
    let terminal = render(&app, 80, 24);
    let screen = text(&terminal);
    let batik = row_with(&screen, "Batik");
    assert!(batik.contains(" Rp 13.500.000 "), "{batik}");
    assert!(batik.contains(" Rp 450.000 "), "{batik}");
    let songket = row_with(&screen, "Songket");
    assert!(songket.contains(" Rp 99.990.000 "), "{songket}");
    assert!(songket.contains(" Rp 9.999.000 "), "{songket}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn a_long_attendant_name_leaves_the_day_figures_in_sight() {
    let mut status = status_on(today(), 1_234, 98_765_000);
    status.day.attendant = "Raden Ayu Siti Nurhaliza Kusumawardhani Prawiroatmodjo".into();
    let app = App::new(Lang::Id, small(), Some(status), None, today(), "Ani".into());
    let screen = text(&render(&app, 80, 24));
    let line = screen.lines().next().unwrap();
    assert!(line.contains("1234 penjualan │ Rp 98.765.000"), "{line}");
    assert!(line.contains("Kasir: Raden Ayu"), "{line}");
    assert!(line.contains('…'), "{line}");
    // A short name is not cut.
    let screen = text(&render(&open_app(), 80, 24));
    assert!(screen.lines().next().unwrap().contains("Kasir: Ani │"));
}

#[test]
fn past_midnight_the_open_day_is_flagged_as_an_old_one() {
    let mut app = open_app();
    let terminal = render(&app, 80, 24);
    let date_cell = |t: &Terminal<TestBackend>| t.backend().buffer()[(14, 0)].clone();
    assert_eq!(date_cell(&terminal).symbol(), "2");
    assert_ne!(date_cell(&terminal).bg, ratatui::style::Color::Yellow);
    update(&mut app, Answer::Today(today().succ_opt().unwrap()));
    let terminal = render(&app, 80, 24);
    assert_eq!(date_cell(&terminal).bg, ratatui::style::Color::Yellow);
    // A new day's form is titled with the new date.
    let mut app = App::new(Lang::Id, small(), None, None, today(), "Ani".into());
    update(&mut app, Answer::Today(today().succ_opt().unwrap()));
    assert!(text(&render(&app, 80, 24)).contains("Buka hari usaha 24 Nov 2026"));
}

#[test]
fn a_question_returns_to_the_list_the_screen_left_when_it_asked() {
    let mut app = open_app();
    press(&mut app, KeyCode::F(6));
    update(&mut app, Answer::SalesLoaded(todays_sales()));
    press(&mut app, KeyCode::F(8));
    type_text(&mut app, "Salah input jumlah");
    assert_eq!(app.focus(), Focus::Reason);
    enter(&mut app);
    // Keys beneath the question are read as the list reads them, and a no lands there.
    assert_eq!(app.focus(), Focus::Confirm);
    assert_eq!(app.focus_beneath(), Focus::Sales);
    assert!(text(&render(&app, 80, 24)).contains("Batalkan penjualan #7"));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.focus(), Focus::Sales);
    assert!(!text(&render(&app, 80, 24)).contains("Salah input jumlah"));
}
