//! A day closed today reopened by the manager, on a real ledger file: the close stays in
//! history, superseded; the day sells again and closes anew with its own count and seal;
//! the day's report names the superseded Z report; verify, the printed heads and the seals
//! all hold.

mod common;

use common::*;
use pojok::domain::{CashCount, PaymentMethod, Rupiah};
use pojok::ledger::{HeadVerdict, Ledger, LedgerError, PrintedHead, SealReport};

fn sell_lemper(ledger: &mut Ledger, count: i64, when: &str) {
    sell_whole(ledger, &[("LMPR", count)], PaymentMethod::Cash, at(when));
}

/// A ledger with Budi (manager) signed in, today's day opened with Rp 100.000, two lemper
/// sold and the day closed with Rp 107.000 counted.
fn closed_today(path: &std::path::Path) -> (Ledger, pojok::domain::User) {
    let mut ledger = small_ledger(path);
    let (_, budi) = add_users(&mut ledger);
    // The PIN opens the seal key, so each close is sealed as it is made.
    ledger
        .approve_with_pin(budi.id, BUDI_PIN, at("2026-11-23 07:00"))
        .unwrap();
    ledger.sign_in(&budi);
    ledger
        .open_day(
            date("2026-11-23"),
            "Budi",
            Rupiah(100_000),
            at("2026-11-23 07:30"),
        )
        .unwrap();
    sell_lemper(&mut ledger, 2, "2026-11-23 09:00");
    ledger
        .close_day(
            &CashCount::Total(Rupiah(107_000)),
            "",
            "Budi",
            at("2026-11-23 16:00"),
        )
        .unwrap();
    (ledger, budi)
}

#[test]
fn the_manager_reopens_todays_close_sells_again_and_the_new_z_report_is_the_valid_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (mut ledger, _) = closed_today(&path);
    let first = ledger.day_report(date("2026-11-23")).unwrap().unwrap();
    let first_head = first.chain_head.clone().unwrap();
    assert!(first.closed && first.superseded.is_empty());

    let day = ledger
        .reopen_day("Salah hitung kas", at("2026-11-23 16:20"))
        .unwrap();
    assert_eq!(day.date, date("2026-11-23"));
    let status = ledger.open_day_status().unwrap().unwrap();
    assert_eq!((status.sales, status.takings), (1, Rupiah(7_000)));
    // Reopened, the day's report has no count and says no Z report is valid yet.
    let open = ledger.day_report(date("2026-11-23")).unwrap().unwrap();
    assert!(!open.closed && open.count.is_none());
    assert_eq!(open.superseded.len(), 1);
    let text = pojok::print::day_report_text(
        &open,
        &ledger.shop_header().unwrap(),
        pojok::strings::Lang::Id,
    );
    assert!(text.contains("LAPORAN Z YANG DIGANTIKAN"), "{text}");
    assert!(text.contains("belum ada laporan Z yang berlaku"), "{text}");

    // It sells again and closes again, with a count of its own.
    sell_lemper(&mut ledger, 1, "2026-11-23 16:30");
    ledger
        .close_day(
            &CashCount::Total(Rupiah(110_500)),
            "",
            "Budi",
            at("2026-11-23 17:00"),
        )
        .unwrap();
    let second = ledger.day_report(date("2026-11-23")).unwrap().unwrap();
    let second_head = second.chain_head.clone().unwrap();
    assert_ne!(second_head, first_head);
    assert!(second.closed);
    assert_eq!(second.count.as_ref().unwrap().counted, Rupiah(110_500));
    assert_eq!(second.count.as_ref().unwrap().variance, Rupiah::ZERO);
    let superseded = &second.superseded[0];
    assert_eq!(superseded.head.as_deref(), Some(first_head.as_str()));
    assert_eq!(superseded.manager, "Budi");
    assert_eq!(superseded.reason, "Salah hitung kas");
    for lang in [pojok::strings::Lang::Id, pojok::strings::Lang::En] {
        let text = pojok::print::day_report_text(&second, &ledger.shop_header().unwrap(), lang);
        assert!(text.contains(&first_head), "{text}");
        assert!(text.contains(&second_head), "{text}");
    }
    let text = pojok::print::day_report_text(
        &second,
        &ledger.shop_header().unwrap(),
        pojok::strings::Lang::Id,
    );
    assert!(text.contains("TIDAK BERLAKU"), "{text}");
    assert!(
        text.contains(&format!(
            "Laporan Z yang berlaku: yang ini, rantai {second_head}"
        )),
        "{text}"
    );

    // History is whole: both heads on paper still hold, verify is clean, both closes sealed.
    let heads: Vec<PrintedHead> = [&first_head, &second_head]
        .iter()
        .map(|h| PrintedHead::parse(h).unwrap())
        .collect();
    assert_eq!(
        ledger.check_heads(&heads).unwrap(),
        vec![HeadVerdict::Holds, HeadVerdict::Holds]
    );
    let report = ledger.verify().unwrap();
    assert!(report.is_clean(), "{report:?}");
    match ledger.check_seals("Budi", BUDI_PIN).unwrap() {
        SealReport::Checked {
            sealed,
            broken,
            unsealed,
            unsigned,
        } => {
            assert_eq!(sealed, 2, "one seal per close");
            assert!(broken.is_empty() && unsealed.is_empty() && unsigned.is_empty());
        }
        other => panic!("{other:?}"),
    }
    drop(ledger);
    // The file keeps all of it: read-only, a second reader sees the same.
    let again = Ledger::open_read_only(&path).unwrap();
    assert_eq!(
        again.day_report(date("2026-11-23")).unwrap().unwrap(),
        second
    );
}

#[test]
fn only_a_manager_reopens_only_todays_close_and_history_cannot_be_undone_by_sql() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (mut ledger, _) = closed_today(&path);
    let before = snapshot(&path);
    // A reason is needed.
    assert!(matches!(
        ledger.reopen_day("  ", at("2026-11-23 16:10")),
        Err(LedgerError::EmptyReason)
    ));
    // The next day, the close stands.
    assert!(matches!(
        ledger.reopen_day("lupa", at("2026-11-24 08:00")),
        Err(LedgerError::NotReopenable)
    ));
    // An attendant alone may not.
    let rina = ledger
        .users()
        .unwrap()
        .into_iter()
        .find(|u| u.name == "Rina")
        .unwrap();
    ledger.sign_in(&rina);
    assert!(matches!(
        ledger.reopen_day("lupa", at("2026-11-23 16:10")),
        Err(LedgerError::NeedsApproval(_))
    ));
    assert_eq!(snapshot(&path), before, "nothing changed");

    // With the manager's approval it is recorded under Rina, approved by Budi.
    let budi = ledger
        .approve_with_pin(ledger_manager_id(&ledger), BUDI_PIN, at("2026-11-23 16:11"))
        .unwrap();
    ledger.with_approval(&budi);
    ledger
        .reopen_day("Kas salah ketik", at("2026-11-23 16:12"))
        .unwrap();
    assert!(ledger.open_day_status().unwrap().is_some());
    // A second reopening of the same close, or one while the day is open, is refused.
    assert!(matches!(
        ledger.reopen_day("lagi", at("2026-11-23 16:13")),
        Err(LedgerError::NotReopenable) | Err(LedgerError::NeedsApproval(_))
    ));
    drop(ledger);
    let conn = rusqlite::Connection::open(&path).unwrap();
    for sql in [
        "DELETE FROM day_reopenings",
        "UPDATE day_reopenings SET reason = 'x'",
        "DELETE FROM day_closes",
        "INSERT INTO day_reopenings (close_id, day_id, at, manager, reason)
         VALUES (1, 1, '2026-11-23 16:14:00', 'Budi', 'lagi')",
    ] {
        assert!(conn.execute(sql, []).is_err(), "{sql}");
    }
    let approver: String = conn
        .query_row(
            "SELECT u.name FROM chain AS c JOIN users AS u ON u.id = c.approver_id
             WHERE c.entry_table = 'day_reopenings'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(approver, "Budi");
    drop(conn);
    assert!(Ledger::open(&path).unwrap().verify().unwrap().is_clean());
}

fn ledger_manager_id(ledger: &Ledger) -> i64 {
    ledger
        .users()
        .unwrap()
        .into_iter()
        .find(|u| u.is_manager())
        .unwrap()
        .id
}
