//! Lockouts an attendant cannot turn against the manager: wrong PINs in the approval popup
//! lock the popup, not the manager's sign-in; deleting the counter row lifts nothing and
//! `verify` names it; a clock set back does not keep anyone out for days.

mod common;

use chrono::TimeDelta;
use common::*;
use pojok::ledger::{Ledger, LedgerError, Problem};
use rusqlite::Connection;

fn five_wrong(ledger: &mut Ledger, mut attempt: impl FnMut(&mut Ledger) -> LedgerError) {
    for _ in 0..5 {
        let e = attempt(ledger);
        assert!(
            matches!(
                e,
                LedgerError::WrongPin { .. } | LedgerError::LockedOut { .. }
            ),
            "{e:?}"
        );
    }
}

#[test]
fn guesses_in_the_approval_popup_lock_the_popup_not_the_managers_sign_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = small_ledger(&dir.path().join("pojok.db"));
    let (rina, budi) = add_users(&mut ledger);
    ledger.sign_in(&rina);
    let t = at("2026-11-23 10:00");
    five_wrong(&mut ledger, |l| {
        l.approve_with_pin(budi.id, "0000", t).unwrap_err()
    });
    // The popup is locked, even with the right PIN…
    let e = ledger.approve_with_pin(budi.id, BUDI_PIN, t).unwrap_err();
    assert!(matches!(e, LedgerError::LockedOut { .. }), "{e:?}");
    // …but Budi signs in as ever.
    assert_eq!(ledger.check_pin(budi.id, BUDI_PIN, t).unwrap().id, budi.id);
    // And once the popup's lockout is over, it takes his PIN again.
    let later = t + TimeDelta::minutes(1);
    assert!(ledger.approve_with_pin(budi.id, BUDI_PIN, later).is_ok());
}

#[test]
fn deleting_the_counter_row_lifts_no_lockout_and_verify_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    let (rina, _) = add_users(&mut ledger);
    let t = at("2026-11-23 10:00");
    five_wrong(&mut ledger, |l| {
        l.check_pin(rina.id, "0000", t).unwrap_err()
    });
    assert!(ledger.verify().unwrap().is_clean());
    drop(ledger);
    Connection::open(&path)
        .unwrap()
        .execute("DELETE FROM pin_attempts", [])
        .unwrap();
    let mut ledger = Ledger::open(&path).unwrap();
    let e = ledger.check_pin(rina.id, RINA_PIN, t).unwrap_err();
    assert!(matches!(e, LedgerError::LockedOut { .. }), "{e:?}");
    let problems = ledger.verify().unwrap().problems;
    assert!(
        problems.iter().any(|p| matches!(p,
            Problem::Invariant { table: "pin_attempts", id, .. } if *id == rina.id)),
        "{problems:?}"
    );
    let out = pojok(&path, &["--lang", "en", "verify"]);
    assert!(!out.status.success());
    assert!(
        stdout(&out).contains("wrong-PIN counter row was removed"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_clock_set_back_by_days_does_not_keep_anyone_out_for_days() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = small_ledger(&dir.path().join("pojok.db"));
    let (_, budi) = add_users(&mut ledger);
    let t = at("2026-11-23 10:00");
    five_wrong(&mut ledger, |l| {
        l.check_pin(budi.id, "0000", t).unwrap_err()
    });
    // The PC's clock goes back three days: the 30-second lockout would now end in three days.
    let back = t - TimeDelta::days(3);
    let e = ledger.check_pin(budi.id, BUDI_PIN, back).unwrap_err();
    let LedgerError::LockedOut { until } = e else {
        panic!("{e:?}")
    };
    assert!(until <= back + TimeDelta::minutes(30), "{until}");
    // Half an hour later (by that clock) the manager is in.
    let later = back + TimeDelta::minutes(31);
    assert_eq!(
        ledger.check_pin(budi.id, BUDI_PIN, later).unwrap().id,
        budi.id
    );
    assert!(ledger.verify().unwrap().is_clean());
}
