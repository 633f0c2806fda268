//! The expiry list on a real ledger file: deliveries still on the shelf first in, first out,
//! listed per producer when their best-before date is within the shop's horizon or past, the
//! horizon as a setting, and the till's question about the oldest delivery of a product.

mod common;

use chrono::NaiveDate;
use common::{at, date, rina_opens, sell_whole, small_ledger};
use pojok::domain::{IntakeLine, PaymentMethod, Quantity};
use pojok::ledger::Ledger;

fn line(code: &str, n: i64, best_before: &str) -> IntakeLine {
    IntakeLine {
        product_code: code.into(),
        quantity: Quantity::whole(n),
        best_before: Some(date(best_before)),
    }
}

fn sell(ledger: &mut Ledger, code: &str, n: i64, when: &str) {
    sell_whole(ledger, &[(code, n)], PaymentMethod::Cash, at(when));
}

/// Lemper delivered twice (10 good till the 22nd, then 5 till the 24th), Keripik till the
/// 30th, rice till the 23rd; 12 Lemper sold on the 22nd.
fn shop(dir: &std::path::Path) -> Ledger {
    let mut ledger = small_ledger(&dir.join("pojok.db"));
    ledger
        .receive_stock(
            "SRI",
            &[line("LMPR", 10, "2026-11-22")],
            "Rina",
            at("2026-11-20 08:00"),
        )
        .unwrap();
    ledger
        .receive_stock(
            "SRI",
            &[line("LMPR", 5, "2026-11-24"), line("KRPS", 4, "2026-11-30")],
            "Rina",
            at("2026-11-21 08:00"),
        )
        .unwrap();
    ledger
        .receive_stock(
            "TANI",
            &[line("BRS", 3, "2026-11-23")],
            "Rina",
            at("2026-11-21 09:00"),
        )
        .unwrap();
    ledger
}

fn listed(ledger: &Ledger, today: &str) -> Vec<(String, String, i64, NaiveDate, i64)> {
    ledger
        .expiring_goods(date(today))
        .unwrap()
        .lines
        .into_iter()
        .map(|l| {
            (
                l.producer_code,
                l.code,
                l.delivery_number,
                l.best_before,
                l.left.milli(),
            )
        })
        .collect()
}

#[test]
fn the_list_follows_the_shelf_first_in_first_out_per_producer() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = shop(dir.path());
    assert_eq!(ledger.expiry_days().unwrap(), 2, "the default horizon");
    // On the 21st: the first Lemper (22nd) and the rice (23rd) are within two days.
    assert_eq!(
        listed(&ledger, "2026-11-21"),
        [
            ("SRI".into(), "LMPR".into(), 1, date("2026-11-22"), 10_000),
            ("TANI".into(), "BRS".into(), 3, date("2026-11-23"), 3_000),
        ]
    );
    // 12 Lemper sold: the first delivery is gone, 3 of the second are left.
    rina_opens(&mut ledger, "2026-11-22", 0, "07:00");
    sell(&mut ledger, "LMPR", 12, "2026-11-22 09:00");
    assert_eq!(
        listed(&ledger, "2026-11-22"),
        [
            ("SRI".into(), "LMPR".into(), 2, date("2026-11-24"), 3_000),
            ("TANI".into(), "BRS".into(), 3, date("2026-11-23"), 3_000),
        ]
    );
    // Past dates stay listed, until the goods leave the shelf.
    assert_eq!(listed(&ledger, "2026-11-29").len(), 3, "Keripik joins");
    ledger
        .return_stock(
            "TANI",
            &[("BRS".into(), Quantity::whole(3))],
            "kedaluwarsa",
            "Rina",
            at("2026-11-22 10:00"),
        )
        .unwrap();
    assert_eq!(
        listed(&ledger, "2026-11-22"),
        [("SRI".into(), "LMPR".into(), 2, date("2026-11-24"), 3_000)]
    );
}

#[test]
fn the_horizon_is_the_shops_setting_and_its_change_is_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = shop(dir.path());
    assert_eq!(listed(&ledger, "2026-11-20").len(), 1);
    ledger.set_expiry_days(7, at("2026-11-20 07:00")).unwrap();
    assert_eq!(ledger.expiry_days().unwrap(), 7);
    // The 27th is the last day listed: Keripik (30th) is not yet.
    assert_eq!(listed(&ledger, "2026-11-20").len(), 3);
    ledger.set_expiry_days(10, at("2026-11-20 07:01")).unwrap();
    assert_eq!(listed(&ledger, "2026-11-20").len(), 4);
    // No more than a month ahead.
    ledger.set_expiry_days(400, at("2026-11-20 07:02")).unwrap();
    assert_eq!(ledger.expiry_days().unwrap(), 31);
    let changes: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT COUNT(*) FROM settings_changes WHERE key = 'stock.expiry_days'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(changes, 3);
    drop(ledger);
    assert_eq!(Ledger::open(&path).unwrap().expiry_days().unwrap(), 31);
}

#[test]
fn the_till_asks_whether_the_oldest_delivery_on_the_shelf_is_past_its_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = shop(dir.path());
    let past = |ledger: &Ledger, code: &str, today: &str| {
        ledger.oldest_past_its_date(code, date(today)).unwrap()
    };
    assert_eq!(
        past(&ledger, "LMPR", "2026-11-22"),
        None,
        "its last good day"
    );
    assert_eq!(
        past(&ledger, "LMPR", "2026-11-23"),
        Some(date("2026-11-22"))
    );
    assert_eq!(past(&ledger, "KRPS", "2026-11-23"), None);
    assert_eq!(past(&ledger, "NOPE", "2026-11-23"), None);
    // Once the old delivery is sold, the next one is the oldest.
    rina_opens(&mut ledger, "2026-11-23", 0, "07:00");
    sell(&mut ledger, "LMPR", 10, "2026-11-23 09:00");
    assert_eq!(past(&ledger, "LMPR", "2026-11-23"), None);
    assert_eq!(
        past(&ledger, "LMPR", "2026-11-25"),
        Some(date("2026-11-24"))
    );
}

/// The horizon typed on the kiosk's expiry list: an attendant's needs the manager's PIN.
#[test]
fn at_the_kiosk_the_horizon_typed_on_the_list_is_saved_with_the_managers_pin() {
    use common::{BUDI_PIN, Kiosk, RINA_PIN, add_users};
    use ratatui::crossterm::event::KeyCode;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = shop(dir.path());
    add_users(&mut ledger);
    let mut kiosk = Kiosk::signed_in(ledger, "Rina", RINA_PIN);
    kiosk.type_text("0");
    kiosk.key(KeyCode::Enter);
    kiosk.key(KeyCode::F(3));
    kiosk.key(KeyCode::F(11));
    kiosk.type_text("9");
    kiosk.key(KeyCode::Enter);
    assert_eq!(
        kiosk.app.focus(),
        pojok::ui::Focus::Approval,
        "{}",
        kiosk.note()
    );
    kiosk.type_text(BUDI_PIN);
    kiosk.key(KeyCode::Enter);
    assert_eq!(
        kiosk.app.focus(),
        pojok::ui::Focus::Stock,
        "{}",
        kiosk.note()
    );
    drop(kiosk);
    assert_eq!(Ledger::open(&path).unwrap().expiry_days().unwrap(), 9);
}

/// Through the kiosk's runtime: each sale of the old delivery warns, and is made.
#[test]
fn at_the_kiosk_every_sale_of_an_expired_delivery_warns_and_goes_through() {
    use common::{Kiosk, RINA_PIN, add_users};
    use ratatui::crossterm::event::KeyCode;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    add_users(&mut ledger);
    let today = chrono::Local::now().date_naive();
    let past = today.pred_opt().unwrap();
    ledger
        .receive_stock(
            "SRI",
            &[IntakeLine {
                product_code: "LMPR".into(),
                quantity: Quantity::whole(5),
                best_before: Some(past),
            }],
            "Rina",
            chrono::Local::now().naive_local(),
        )
        .unwrap();
    let mut kiosk = Kiosk::signed_in(ledger, "Rina", RINA_PIN);
    kiosk.type_text("0");
    kiosk.key(KeyCode::Enter);
    for sale in 1..=2 {
        kiosk.type_text("LMPR");
        kiosk.key(KeyCode::Enter);
        assert!(
            kiosk
                .note()
                .starts_with("PERHATIAN: Lemper Ayam titipan terlama kedaluwarsa"),
            "sale {sale}: {}",
            kiosk.note()
        );
        kiosk.key(KeyCode::F(2));
        kiosk.key(KeyCode::Enter);
        assert_eq!(
            kiosk.app.focus(),
            pojok::ui::Focus::Sale,
            "sale {sale}: {}",
            kiosk.note()
        );
    }
    // Goods without a past date say nothing.
    kiosk.type_text("KRPS");
    kiosk.key(KeyCode::Enter);
    assert!(!kiosk.note().contains("PERHATIAN"), "{}", kiosk.note());
    drop(kiosk);
    let sold: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT COUNT(*) FROM sales", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sold, 2);
}
