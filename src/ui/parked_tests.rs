//! A queue at the till: parking a cart, the parked list (drawn at 80×24 in both languages),
//! serving a parked cart again, and part payments kept with the saved cart.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use super::tests::{app_with_cart, enter, open_app, press, status_on, today, type_text};
use super::*;
use crate::domain::catalogue::fixtures::small;
use crate::domain::{ParkedCart, PaymentMethod, Rupiah};

fn screen_text(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| view(app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    buffer
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

/// KLP ×3 and KRP ×1 (Rp 27.000) with Rp 20.000 cash taken with F3.
fn cart_with_part() -> Cart {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "20000");
    press(&mut app, KeyCode::F(3));
    app.till.cart.clone()
}

fn parked_at(id: i64, cart: Cart, minute: u32) -> ParkedCart {
    ParkedCart {
        id,
        cart,
        parked_at: today().and_hms_opt(9, minute, 0).unwrap(),
    }
}

/// The parked list open on two carts: one with a part paid, one without.
fn app_with_parked_list(lang: Lang) -> App {
    let mut app = open_app();
    update(&mut app, Answer::ParkedCount(2));
    press(&mut app, KeyCode::F(12));
    let plain = {
        let mut other = open_app();
        type_text(&mut other, "2*KRP");
        enter(&mut other);
        other.till.cart
    };
    let loaded = vec![parked_at(7, cart_with_part(), 5), parked_at(8, plain, 12)];
    update(&mut app, Answer::ParkedLoaded(loaded));
    app.lang = lang;
    app
}

#[test]
fn f12_parks_the_cart_and_the_next_customer_starts_on_an_empty_one() {
    let mut app = app_with_cart();
    let cart = app.till.cart.clone();
    assert_eq!(
        press(&mut app, KeyCode::F(12)),
        vec![Effect::ParkCart(cart)]
    );
    // Until the ledger says it is parked, the cart stays where it was.
    assert_eq!(app.till.cart.total(), Rupiah(27_000));
    assert!(update(&mut app, Answer::CartParked(1)).is_empty());
    assert!(app.till.cart.is_empty());
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Keranjang ditunda (1 ditunda). Silakan layani pembeli berikutnya."
    );
    let screen = screen_text(&app);
    assert!(row_with(&screen, "TOTAL").contains("1 keranjang ditunda (F12)"));
}

#[test]
fn f12_on_an_empty_cart_lists_the_parked_ones_or_says_there_are_none() {
    let mut app = open_app();
    assert!(press(&mut app, KeyCode::F(12)).is_empty());
    assert_eq!(app.focus(), Focus::Sale);
    assert!(
        app.note()
            .unwrap()
            .text(Lang::Id)
            .contains("tidak ada yang ditunda")
    );
    update(&mut app, Answer::ParkedCount(1));
    assert_eq!(press(&mut app, KeyCode::F(12)), vec![Effect::LoadParked]);
    assert_eq!(app.focus(), Focus::Parked);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Sale);
}

#[test]
fn parking_in_the_pay_dialog_keeps_the_parts_taken() {
    let mut app = app_with_cart();
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "20000");
    press(&mut app, KeyCode::F(3));
    let effects = press(&mut app, KeyCode::F(12));
    let [Effect::ParkCart(parked)] = effects.as_slice() else {
        panic!("a park expected, got {effects:?}")
    };
    assert_eq!(parked.paid(), Rupiah(20_000));
    assert_eq!(parked.parts[0].method, PaymentMethod::Cash);
    update(&mut app, Answer::CartParked(1));
    assert_eq!(app.focus(), Focus::Sale);
    assert!(app.till.cart.is_empty() && app.till.cart.parts.is_empty());
}

#[test]
fn enter_serves_the_selected_cart_again_and_parts_paid_reopen_the_pay_dialog() {
    let mut app = app_with_parked_list(Lang::Id);
    press(&mut app, KeyCode::Down);
    assert_eq!(enter(&mut app), vec![Effect::RecallCart(8)]);
    press(&mut app, KeyCode::Up);
    assert_eq!(enter(&mut app), vec![Effect::RecallCart(7)]);
    let cart = cart_with_part();
    update(
        &mut app,
        Answer::CartRecalled {
            cart: cart.clone(),
            parked: 1,
        },
    );
    assert_eq!(app.till.cart, cart);
    assert_eq!(app.focus(), Focus::Pay, "the rest is to be paid");
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Dilayani lagi: Rp 27.000, sudah dibayar Rp 20.000 (Tunai); 1 ditunda."
    );
    let screen = screen_text(&app);
    assert!(screen.contains("Sudah dibayar Rp 20.000 (Tunai): jangan ditagih lagi."));
    assert!(row_with(&screen, "Sisa ").contains("Rp 7.000"));
    // The rest paid by QRIS settles it: the sale carries the part and the rest.
    press(&mut app, KeyCode::Tab);
    let effects = enter(&mut app);
    let [Effect::RecordSale { payments, .. }] = effects.as_slice() else {
        panic!("a sale expected, got {effects:?}")
    };
    let paid: Vec<_> = payments.iter().map(|p| (p.method, p.amount)).collect();
    assert_eq!(
        paid,
        [
            (PaymentMethod::Cash, Rupiah(20_000)),
            (PaymentMethod::Qris, Rupiah(7_000))
        ]
    );
}

#[test]
fn a_plain_cart_served_again_goes_back_to_the_sale_screen() {
    let mut app = app_with_parked_list(Lang::En);
    let mut cart = Cart::default();
    cart.add(
        small().lookup("KRP").unwrap(),
        crate::domain::Quantity::whole(2),
    )
    .unwrap();
    update(&mut app, Answer::CartRecalled { cart, parked: 0 });
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.till.cart.total(), Rupiah(24_000));
    assert_eq!(
        app.note().unwrap().text(Lang::En),
        "Back: Rp 24.000; 0 parked."
    );
}

#[test]
fn the_day_is_not_closed_while_carts_are_parked() {
    let mut app = open_app();
    update(&mut app, Answer::ParkedCount(2));
    assert!(press(&mut app, KeyCode::F(5)).is_empty());
    assert_eq!(app.focus(), Focus::Sale);
    assert!(
        app.note()
            .unwrap()
            .text(Lang::Id)
            .starts_with("Masih ada 2 keranjang ditunda")
    );
}

#[test]
fn a_cart_saved_with_parts_taken_starts_in_the_pay_dialog_saying_what_was_paid() {
    let cart = cart_with_part();
    let app = App::new(
        Lang::Id,
        small(),
        Some(status_on(today(), 12, 456_000)),
        Some(cart.clone()),
        today(),
        "Ani".into(),
    );
    assert_eq!(app.focus(), Focus::Pay);
    assert_eq!(app.till.cart, cart);
    let screen = screen_text(&app);
    assert!(screen.contains("Sudah dibayar Rp 20.000 (Tunai): jangan ditagih lagi."));
    assert!(row_with(&screen, "· Tunai").contains("Rp 20.000"));
    assert!(row_with(&screen, "Sisa ").contains("Rp 7.000"));
}

#[test]
fn parked_list_at_80x24_in_indonesian() {
    let app = app_with_parked_list(Lang::Id);
    let screen = screen_text(&app);
    assert!(screen.contains("Keranjang ditunda"));
    let first = row_with(&screen, "09:05");
    assert!(first.contains("▶"), "the first is selected: {first}");
    assert!(first.contains("3 pcs Kue Lapis Legit,"), "{first}");
    // A second item goes on a line of its own rather than being cut.
    let below = screen
        .lines()
        .skip_while(|l| !l.contains("09:05"))
        .nth(1)
        .unwrap();
    assert!(below.contains("1 bks Keripik Pisang Coklat"), "{below}");
    assert!(first.contains("Rp 27.000") && first.contains("Rp 20.000 Tunai"));
    let second = row_with(&screen, "09:12");
    assert!(second.contains("Rp 24.000") && second.trim_end().ends_with("-│"));
    assert!(screen.contains("Enter Layani"));
    insta::assert_snapshot!(screen);
}

#[test]
fn parked_list_at_80x24_in_english() {
    let app = app_with_parked_list(Lang::En);
    let screen = screen_text(&app);
    assert!(screen.contains("Parked carts"));
    assert!(row_with(&screen, "09:05").contains("Rp 20.000 Cash"));
    assert!(screen.contains("Enter Serve"));
    insta::assert_snapshot!(screen);
}

#[test]
fn an_empty_parked_list_says_so_in_both_languages() {
    let mut app = open_app();
    update(&mut app, Answer::ParkedCount(1));
    press(&mut app, KeyCode::F(12));
    assert!(screen_text(&app).contains("Memuat keranjang"));
    update(&mut app, Answer::ParkedLoaded(Vec::new()));
    assert!(screen_text(&app).contains("Tidak ada keranjang yang ditunda."));
    app.lang = Lang::En;
    assert!(screen_text(&app).contains("No cart is parked."));
}

/// The items column read down its rows until a blank one, from its header `from` to the
/// total column (13 wide, its header `total` at its right end), as one line of words.
fn items_column(screen: &str, from: &str, total: &str) -> String {
    let header = row_with(screen, from);
    let column = |text: &str| header[..header.find(text).unwrap()].chars().count();
    let (start, end) = (column(from), column(total) + total.chars().count() - 13);
    let words = |rows: &[&str]| super::layout_tests::column_words(rows.iter().copied(), start, end);
    let rows: Vec<&str> = screen
        .lines()
        .skip_while(|l| *l != header)
        .skip(1)
        .take_while(|l| !words(&[l]).is_empty())
        .collect();
    words(&rows)
}

#[test]
fn a_parked_cart_shows_a_name_of_40_characters_whole_and_a_long_cart_ends_after_an_item() {
    use crate::domain::Quantity;
    const SHIRT: &str = "Kemeja Batik Lampung Pria Lengan Panjang";
    let shirt = crate::domain::catalogue::fixtures::product(
        40,
        "KMJ",
        SHIRT,
        crate::domain::Unit::Pcs,
        225_000,
    );
    let mut long = Cart::default();
    long.add(&shirt, Quantity::whole(1)).unwrap();
    long.add(small().lookup("KLP").unwrap(), Quantity::whole(3))
        .unwrap();
    // Six items: more than three lines' worth.
    let mut crowded = Cart::default();
    crowded.add(&shirt, Quantity::whole(2)).unwrap();
    for p in small().products().iter().take(5) {
        crowded.add(p, Quantity::whole(1)).unwrap();
    }
    let items: Vec<String> = crowded
        .lines
        .iter()
        .map(|l| {
            format!(
                "{} {}",
                l.quantity.with_unit(l.product.unit),
                l.product.full_name()
            )
        })
        .collect();
    assert!(items.len() >= 4, "{items:?}");
    for lang in [Lang::Id, Lang::En] {
        let mut app = open_app();
        update(&mut app, Answer::ParkedCount(2));
        press(&mut app, KeyCode::F(12));
        let carts = vec![
            parked_at(7, long.clone(), 5),
            parked_at(8, crowded.clone(), 12),
        ];
        update(&mut app, Answer::ParkedLoaded(carts));
        app.lang = lang;
        let screen = screen_text(&app);
        let q = lang.queue();
        let column = items_column(&screen, q.col_items, lang.text().ui.total);
        assert!(
            column.contains(&format!("1 pcs {SHIRT}, 3 pcs Kue Lapis Legit")),
            "{column}\n{screen}"
        );
        // The crowded cart: its first items whole, then `…` for the rest.
        let crowded_shown = column
            .split(&format!("{SHIRT}, 3 pcs Kue Lapis Legit "))
            .nth(1)
            .unwrap_or_else(|| panic!("{column}"));
        let shown = crowded_shown
            .strip_suffix(", …")
            .unwrap_or_else(|| panic!("{crowded_shown:?}"));
        let shown: Vec<&str> = shown.split(", ").collect();
        assert!(shown.len() >= 2, "{shown:?}");
        assert_eq!(shown, items[..shown.len()], "{screen}");
        assert_eq!(screen.matches('…').count(), 1, "{screen}");
        insta::assert_snapshot!(format!("parked_long_names_{lang:?}"), screen);
    }
}
