//! Users on a real ledger file: the first manager, PIN checks and a lockout that survives
//! reopening the file, deactivation, and actions recorded with the actor and approver.

mod common;

use std::path::Path;

use chrono::{NaiveDateTime, TimeDelta};
use common::{at, date, row_count, sell_whole, small_ledger};
use pojok::domain::{Cart, Catalogue, PaymentMethod, Quantity, Role, Rupiah, Sale, Tender, User};
use pojok::ledger::{Ledger, LedgerError};
use rusqlite::Connection;

const MANAGER_PIN: &str = "2468";
const RINA_PIN: &str = "135790";

/// The small catalogue, a manager (Bu Ani) and an attendant (Rina), and an open day.
fn staffed(path: &Path) -> (Ledger, User, User) {
    let mut ledger = small_ledger(path);
    let now = at("2026-11-23 07:00");
    assert!(!ledger.has_users().unwrap());
    let ani = ledger
        .create_first_manager("Bu Ani", MANAGER_PIN, now)
        .unwrap();
    let rina = ledger
        .add_user("Rina", Role::Attendant, RINA_PIN, now)
        .unwrap();
    ledger
        .open_day(date("2026-11-23"), "Rina", Rupiah(100_000), now)
        .unwrap();
    (ledger, ani, rina)
}

fn sell(ledger: &mut Ledger, code: &str, when: NaiveDateTime) -> Sale {
    sell_whole(ledger, &[(code, 1)], PaymentMethod::Qris, when)
}

/// (actor, approver) of the chain row of one history entry.
fn signers(path: &Path, table: &str, id: i64) -> (Option<i64>, Option<i64>) {
    Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT actor_id, approver_id FROM chain WHERE entry_table = ?1 AND entry_id = ?2",
            rusqlite::params![table, id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

#[test]
fn the_first_manager_is_created_once_and_pins_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (mut ledger, ani, rina) = staffed(&path);
    assert!(ledger.has_users().unwrap());
    assert_eq!(
        (ani.role, ani.active, ani.has_pin),
        (Role::Manager, true, true)
    );
    assert_eq!(rina.role, Role::Attendant);
    assert_eq!(ledger.users().unwrap(), [ani.clone(), rina.clone()]);
    let now = at("2026-11-23 07:05");
    assert!(matches!(
        ledger.create_first_manager("Pak Budi", "1111", now),
        Err(LedgerError::UsersExist)
    ));
    assert!(matches!(
        ledger.add_user("rina", Role::Attendant, "1111", now),
        Err(LedgerError::DuplicateUserName(name)) if name == "rina"
    ));
    assert!(matches!(
        ledger.add_user("Dodi", Role::Attendant, "12", now),
        Err(LedgerError::InvalidPin(_))
    ));
    assert!(matches!(
        ledger.add_user("  ", Role::Attendant, "1234", now),
        Err(LedgerError::EmptyUserName)
    ));

    assert_eq!(ledger.check_pin(rina.id, RINA_PIN, now).unwrap(), rina);
    let wrong = ledger.check_pin(rina.id, "000000", now).unwrap_err();
    assert!(matches!(wrong, LedgerError::WrongPin { attempts_left: 4 }));
    // The PIN is stored only as an argon2 hash, and no error repeats what was typed.
    assert!(!wrong.to_string().contains("000000"));
    let stored: String = Connection::open(&path)
        .unwrap()
        .query_row("SELECT pin_hash FROM users WHERE id = ?1", [rina.id], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(stored.starts_with("$argon2id$") && !stored.contains(RINA_PIN));

    // A new PIN replaces the old one, and is history (as a digest, not the hash).
    ledger.change_pin(rina.id, "8642", now).unwrap();
    assert!(matches!(
        ledger.check_pin(rina.id, RINA_PIN, now),
        Err(LedgerError::WrongPin { .. })
    ));
    ledger.check_pin(rina.id, "8642", now).unwrap();
    assert_eq!(row_count(&path, "user_changes"), 3);
}

#[test]
fn five_wrong_pins_lock_out_across_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (mut ledger, _ani, rina) = staffed(&path);
    let t0 = at("2026-11-23 08:00");
    for left in [4, 3, 2, 1] {
        assert!(matches!(
            ledger.check_pin(rina.id, "999999", t0),
            Err(LedgerError::WrongPin { attempts_left }) if attempts_left == left
        ));
    }
    let until = match ledger.check_pin(rina.id, "999999", t0) {
        Err(LedgerError::LockedOut { until }) => until,
        other => panic!("expected a lockout, got {other:?}"),
    };
    assert_eq!(until, t0 + TimeDelta::seconds(30));
    drop(ledger);

    // A restart forgives nothing: even the right PIN is refused until the lockout ends.
    let mut ledger = Ledger::open(&path).unwrap();
    assert!(matches!(
        ledger.check_pin(rina.id, RINA_PIN, t0 + TimeDelta::seconds(29)),
        Err(LedgerError::LockedOut { until: u }) if u == until
    ));
    // The second lockout lasts longer.
    let t1 = until;
    for _ in 0..4 {
        assert!(ledger.check_pin(rina.id, "999999", t1).is_err());
    }
    drop(ledger);
    let mut ledger = Ledger::open(&path).unwrap();
    assert!(matches!(
        ledger.check_pin(rina.id, "999999", t1),
        Err(LedgerError::LockedOut { until }) if until == t1 + TimeDelta::minutes(1)
    ));
    let later = t1 + TimeDelta::minutes(1);
    assert_eq!(ledger.check_pin(rina.id, RINA_PIN, later).unwrap(), rina);
}

#[test]
fn a_deactivated_user_cannot_sign_in_approve_or_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (mut ledger, ani, rina) = staffed(&path);
    let now = at("2026-11-23 09:00");
    let budi = ledger
        .add_user("Pak Budi", Role::Manager, "5555", now)
        .unwrap();
    ledger.sign_in(&rina);
    ledger.deactivate_user(rina.id, now).unwrap_err();
    ledger.sign_out();
    ledger.deactivate_user(budi.id, now).unwrap();
    assert!(matches!(
        ledger.check_pin(budi.id, "5555", now),
        Err(LedgerError::UserInactive(id)) if id == budi.id
    ));
    assert!(matches!(
        ledger.approve_with_pin(budi.id, "5555", now),
        Err(LedgerError::UserInactive(_))
    ));
    assert!(!ledger.user(budi.id).unwrap().active);
    // The last active manager stays: someone must be able to manage users.
    assert!(matches!(
        ledger.deactivate_user(ani.id, now),
        Err(LedgerError::LastManager)
    ));
    // A user deactivated while signed in writes nothing more under their name.
    ledger.deactivate_user(rina.id, now).unwrap();
    ledger.sign_in(&rina);
    let before = row_count(&path, "sales");
    let catalogue = Catalogue::new(ledger.active_products().unwrap());
    let mut cart = Cart::default();
    cart.add(catalogue.lookup("LMPR").unwrap(), Quantity::whole(1))
        .unwrap();
    let mut tender = Tender::new(cart.total());
    tender.pay_rest(PaymentMethod::Qris, None).unwrap();
    assert!(matches!(
        ledger.record_sale(&cart, &tender.payments, "Rina", now),
        Err(LedgerError::UserInactive(_))
    ));
    assert_eq!(row_count(&path, "sales"), before);
}

#[test]
fn an_attendants_void_is_refused_without_approval_and_recorded_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (mut ledger, ani, rina) = staffed(&path);
    let now = at("2026-11-23 10:00");
    let rina = ledger.check_pin(rina.id, RINA_PIN, now).unwrap();
    ledger.sign_in(&rina);
    assert_eq!(ledger.signed_in(), Some(&rina));
    let sale = sell(&mut ledger, "LMPR", now);
    assert_eq!(signers(&path, "sales", sale.id), (Some(rina.id), None));

    assert!(matches!(
        ledger.void_sale(sale.id, "salah input", "Rina", now),
        Err(LedgerError::NeedsApproval("voids"))
    ));
    assert_eq!(row_count(&path, "voids"), 0);
    // An attendant's PIN approves nothing, and is not even counted as a try.
    assert!(matches!(
        ledger.approve_with_pin(rina.id, RINA_PIN, now),
        Err(LedgerError::NotAManager(_))
    ));
    assert!(matches!(
        ledger.approve_with_pin(ani.id, "0000", now),
        Err(LedgerError::WrongPin { attempts_left: 4 })
    ));
    let manager = ledger.approve_with_pin(ani.id, MANAGER_PIN, now).unwrap();
    ledger
        .with_approval(&manager)
        .void_sale(sale.id, "salah input", "Rina", now)
        .unwrap();
    let void_id: i64 = Connection::open(&path)
        .unwrap()
        .query_row("SELECT id FROM voids WHERE sale_id = ?1", [sale.id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        signers(&path, "voids", void_id),
        (Some(rina.id), Some(ani.id))
    );
    assert_eq!(ledger.signed_in(), Some(&rina), "still Rina's shift");

    // The approval was for that one write: a failed write consumes it too.
    let second = sell(&mut ledger, "KRPS", now);
    assert_eq!(signers(&path, "sales", second.id), (Some(rina.id), None));
    ledger
        .with_approval(&manager)
        .void_sale(9_999, "salah input", "Rina", now)
        .unwrap_err();
    assert!(matches!(
        ledger.void_sale(second.id, "salah input", "Rina", now),
        Err(LedgerError::NeedsApproval("voids"))
    ));
    // An attendant cannot vouch for themself.
    assert!(matches!(
        ledger
            .with_approval(&rina)
            .void_sale(second.id, "salah input", "Rina", now),
        Err(LedgerError::NotAManager(_))
    ));
    // The manager needs nobody's approval.
    ledger.sign_in(&manager);
    ledger
        .void_sale(second.id, "pelanggan batal", "Bu Ani", now)
        .unwrap();
    assert_eq!(row_count(&path, "voids"), 2);
}

#[test]
fn user_management_needs_a_manager_but_anyone_changes_their_own_pin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (mut ledger, ani, rina) = staffed(&path);
    let now = at("2026-11-23 11:00");
    ledger.sign_in(&rina);
    assert!(matches!(
        ledger.add_user("Dodi", Role::Attendant, "4321", now),
        Err(LedgerError::NeedsApproval("user_changes"))
    ));
    assert!(matches!(
        ledger.change_pin(ani.id, "4321", now),
        Err(LedgerError::NeedsApproval("user_changes"))
    ));
    ledger.change_pin(rina.id, "4321", now).unwrap();
    let dodi = ledger
        .with_approval(&ani)
        .add_user("Dodi", Role::Attendant, "7777", now)
        .unwrap();
    let change: i64 = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT id FROM user_changes WHERE user_id = ?1",
            [dodi.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        signers(&path, "user_changes", change),
        (Some(rina.id), Some(ani.id))
    );
    // Without anyone signed in (import, seeding) writes are the system's: actor NULL.
    ledger.sign_out();
    assert_eq!(ledger.signed_in(), None);
    let sale = sell(&mut ledger, "LMPR", now);
    assert_eq!(signers(&path, "sales", sale.id), (None, None));
}

#[test]
fn stock_entries_need_approval_only_when_they_take_goods_off_the_books() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (mut ledger, ani, rina) = staffed(&path);
    let now = at("2026-11-23 12:00");
    ledger.sign_in(&rina);
    let intake = [pojok::domain::IntakeLine {
        product_code: "LMPR".into(),
        quantity: Quantity::whole(10),
        best_before: None,
    }];
    let received = ledger.receive_stock("SRI", &intake, "Rina", now).unwrap();
    assert_eq!(
        signers(&path, "stock_documents", received.id),
        (Some(rina.id), None)
    );
    // A count that finds what the books say needs nobody; one with a difference does.
    let ten = pojok::domain::StockQuantity::from_milli(10_000);
    ledger
        .count_stock("LMPR", ten, "opname", false, "Rina", now)
        .unwrap();
    let nine = pojok::domain::StockQuantity::from_milli(9_000);
    assert!(matches!(
        ledger.count_stock("LMPR", nine, "opname", false, "Rina", now),
        Err(LedgerError::NeedsApproval("stock_documents"))
    ));
    assert!(matches!(
        ledger.write_off("LMPR", Quantity::whole(1), "basi", false, "Rina", now),
        Err(LedgerError::NeedsApproval("stock_documents"))
    ));
    let counted = ledger
        .with_approval(&ani)
        .count_stock("LMPR", nine, "opname", false, "Rina", now)
        .unwrap();
    assert_eq!(
        signers(&path, "stock_documents", counted.id),
        (Some(rina.id), Some(ani.id))
    );
    assert_eq!(row_count(&path, "stock_documents"), 3);
}

/// The cash difference from which an attendant's close needs the manager is the shop's
/// setting (Rp 10.000 unless the manager says otherwise), read inside the close's write.
#[test]
fn a_close_needs_the_manager_only_above_the_shops_threshold() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    let t = at("2026-11-23 07:00");
    let manager = ledger.create_first_manager("Bu Ani", "2468", t).unwrap();
    let rina = ledger.add_user("Rina", Role::Attendant, "1357", t).unwrap();
    ledger
        .open_day(date("2026-11-23"), "Rina", Rupiah(100_000), t)
        .unwrap();
    ledger.sign_in(&rina);
    let close = |ledger: &mut Ledger, counted: i64| {
        ledger.close_day(
            &pojok::domain::CashCount::Total(Rupiah(counted)),
            "selisih",
            "Rina",
            at("2026-11-23 17:00"),
        )
    };
    // Rp 20.000 short: above the default threshold.
    assert!(matches!(
        close(&mut ledger, 80_000),
        Err(LedgerError::NeedsApproval("cash_counts"))
    ));
    assert_eq!(
        ledger.till_rules().unwrap(),
        pojok::domain::TillRules::default()
    );
    ledger.sign_out();
    let rules = pojok::domain::TillRules {
        lock_after_minutes: 10,
        close_approval_above: Rupiah(25_000),
        count_corner_bears: true,
    };
    let (shop, printer) = (
        ledger.shop_header().unwrap(),
        ledger.printer_settings().unwrap(),
    );
    ledger
        .with_approval(&manager)
        .save_settings(&shop, &printer, &rules, ("", None), t)
        .unwrap();
    drop(ledger);
    let mut ledger = Ledger::open(&path).unwrap();
    assert_eq!(ledger.till_rules().unwrap(), rules);
    assert_eq!(ledger.lock_after().unwrap(), TimeDelta::minutes(10));
    ledger.sign_in(&rina);
    close(&mut ledger, 80_000).expect("within the shop's Rp 25.000");
}
