//! Producers' money on a real ledger file: settlements of closed and open days (with a
//! next-day correction showing on the day it was made), payouts against the balance, the
//! balances list and a statement, every figure worked out by hand below.

mod common;

use std::path::Path;

use common::{at, date, intake, rina_opens, sell_by, small_ledger};
use pojok::domain::{
    IntakeLine, PaymentMethod, PayoutMethod, ProducerSettlement, Quantity, Rupiah, StockQuantity,
};
use pojok::ledger::{Ledger, LedgerError};
use rusqlite::Connection;
use tempfile::TempDir;

fn pcs(n: i64) -> Quantity {
    Quantity::whole(n)
}

fn sq(milli: i64) -> StockQuantity {
    StockQuantity::from_milli(milli)
}

/// Takes back a closed day's sale on the open day as the correction entry does: the
/// `corrections` row, then its goods back as 'void' moves of that sale.
fn correct(path: &Path, sale_id: i64, when: &str) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA recursive_triggers = ON;")
        .unwrap();
    let day: i64 = conn
        .query_row("SELECT id FROM open_day", [], |r| r.get(0))
        .unwrap();
    conn.execute(
        "INSERT INTO corrections (sale_id, day_id, refund_method, at, attendant, reason)
         VALUES (?1, ?2, 'qris', ?3, 'Rina', 'pembeli batal, dana dikembalikan')",
        rusqlite::params![sale_id, day, when],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO stock_moves (product_id, kind, quantity_milli, sale_id, at)
         SELECT product_id, 'void', quantity_milli, sale_id, ?2 FROM sale_lines
         WHERE sale_id = ?1 ORDER BY line_no",
        rusqlite::params![sale_id, when],
    )
    .unwrap();
}

/// Two days at the corner (SRI at 15 %, TANI by producer price Rp 13.500/kg):
///
/// 21 Nov (closed): intake SRI 20 LMPR + 5 KRPS, TANI 10 kg BRS.
///   No. 1: 4 LMPR (14.000: SRI 11.900, corner 2.100) + 1,5 kg BRS (22.500: TANI 20.250,
///          corner 2.250), cash.
///   No. 2: 2 KRPS (24.000: SRI 20.400, corner 3.600), QRIS.
///   No. 3: 1 LMPR, voided the same day.
///   Return SRI 3 LMPR; write-off 1 KRPS.
/// 22 Nov (open): sale No. 2 of the 21st corrected at 08:00 (2 KRPS back, −24.000);
///   No. 1: 2 LMPR (7.000: SRI 5.950, corner 1.050); count LMPR 10 (on hand 11);
///   payout SRI Rp 10.000 cash at 16:00, from 32.300 − 20.400 + 5.950 = 17.850 owed.
pub fn two_days(dir: &Path) -> Ledger {
    let path = dir.join("pojok.db");
    let mut ledger = small_ledger(&path);
    rina_opens(&mut ledger, "2026-11-21", 100_000, "07:00");
    ledger
        .receive_stock(
            "SRI",
            &[intake("LMPR", 20_000), intake("KRPS", 5_000)],
            "Rina",
            at("2026-11-21 07:30"),
        )
        .unwrap();
    ledger
        .receive_stock(
            "TANI",
            &[intake("BRS", 10_000)],
            "Rina",
            at("2026-11-21 07:40"),
        )
        .unwrap();
    sell_by(
        &mut ledger,
        &[("LMPR", pcs(4)), ("BRS", Quantity::from_milli(1_500))],
        PaymentMethod::Cash,
        at("2026-11-21 09:00"),
    );
    let second = sell_by(
        &mut ledger,
        &[("KRPS", pcs(2))],
        PaymentMethod::Qris,
        at("2026-11-21 10:00"),
    );
    let third = sell_by(
        &mut ledger,
        &[("LMPR", pcs(1))],
        PaymentMethod::Cash,
        at("2026-11-21 11:00"),
    );
    ledger
        .void_sale(third.id, "salah input", "Rina", at("2026-11-21 11:05"))
        .unwrap();
    ledger
        .return_stock(
            "SRI",
            &[("LMPR".into(), pcs(3))],
            "sisa",
            "Rina",
            at("2026-11-21 15:00"),
        )
        .unwrap();
    ledger
        .write_off(
            "KRPS",
            pcs(1),
            "bungkus sobek",
            false,
            "Rina",
            at("2026-11-21 15:10"),
        )
        .unwrap();
    // The late shift closes: Dodi signs the day's slips for the corner.
    common::close_counted(&mut ledger, "Dodi", at("2026-11-21 17:00")).unwrap();

    rina_opens(&mut ledger, "2026-11-22", 100_000, "07:00");
    correct(&path, second.id, "2026-11-22 08:00:00");
    sell_by(
        &mut ledger,
        &[("LMPR", pcs(2))],
        PaymentMethod::Cash,
        at("2026-11-22 10:00"),
    );
    ledger
        .count_stock(
            "LMPR",
            sq(10_000),
            "opname",
            false,
            "Rina",
            at("2026-11-22 12:00"),
        )
        .unwrap();
    ledger
}

fn shop() -> (TempDir, Ledger) {
    let dir = tempfile::tempdir().unwrap();
    let ledger = two_days(dir.path());
    (dir, ledger)
}

/// (code, opening, received, sold, corrected, returned, written off, counted, closing) in
/// thousandths, and the sold amount.
fn products(s: &ProducerSettlement) -> Vec<(String, [i64; 8], i64)> {
    s.products
        .iter()
        .map(|p| {
            (
                p.code.clone(),
                [
                    p.opening.milli(),
                    p.received.milli(),
                    p.sold.milli(),
                    p.corrected.milli(),
                    p.returned.milli(),
                    p.written_off.milli(),
                    p.counted.milli(),
                    p.closing().milli(),
                ],
                p.sales.total.value(),
            )
        })
        .collect()
}

#[test]
fn a_closed_day_settles_each_producer_and_stays_final_after_a_correction() {
    let (dir, mut ledger) = shop();
    let pay_at = at("2026-11-22 16:00");
    ledger
        .pay_producer(
            "SRI",
            PayoutMethod::Cash,
            Rupiah(10_000),
            "",
            "Rina",
            pay_at,
        )
        .unwrap();

    let day = ledger.settlement_for(date("2026-11-21"), None).unwrap();
    let codes: Vec<_> = day
        .iter()
        .map(|s| s.header.producer_code.as_str())
        .collect();
    assert_eq!(codes, ["SRI", "TANI"]);
    let (sri, tani) = (&day[0], &day[1]);
    assert!(sri.header.closed);
    assert_eq!(
        products(sri),
        [
            (
                "KRPS".into(),
                [0, 5_000, 2_000, 0, 0, 1_000, 0, 2_000],
                24_000
            ),
            (
                "LMPR".into(),
                [0, 20_000, 4_000, 0, 3_000, 0, 0, 13_000],
                14_000
            ),
        ]
    );
    assert!(sri.corrections.is_empty() && sri.payouts.is_empty());
    assert_eq!(
        (sri.gross(), sri.producer_share(), sri.corner_share()),
        (Rupiah(38_000), Rupiah(32_300), Rupiah(5_700))
    );
    assert_eq!(
        (sri.balance_before, sri.balance_now()),
        (Rupiah(0), Rupiah(32_300))
    );
    assert_eq!(
        products(tani),
        [("BRS".into(), [0, 10_000, 1_500, 0, 0, 0, 0, 8_500], 22_500)]
    );
    assert_eq!(
        (tani.gross(), tani.producer_share(), tani.corner_share()),
        (Rupiah(22_500), Rupiah(20_250), Rupiah(2_250))
    );
    assert_eq!(
        sri.header.attendant, "Dodi",
        "who closed signs, not who opened"
    );
    // The chain head the close left, not today's: a reprint carries what the first print did.
    let conn = Connection::open(dir.path().join("pojok.db")).unwrap();
    let (hash, seq): (String, i64) = conn
        .query_row(
            "SELECT hash, seq FROM chain WHERE entry_table = 'day_closes' ORDER BY seq LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let at_close = format!("{}#{seq}", &hash[..12]);
    assert_eq!(sri.chain_head.as_deref(), Some(at_close.as_str()));
    let now = ledger.chain_head().unwrap().unwrap();
    assert_ne!(now.seq, seq, "the open day has entries after the close");
}

#[test]
fn the_open_day_previews_the_correction_the_count_and_the_payout() {
    let (_dir, mut ledger) = shop();
    ledger
        .pay_producer(
            "SRI",
            PayoutMethod::Cash,
            Rupiah(10_000),
            "tunai",
            "Rina",
            at("2026-11-22 16:00"),
        )
        .unwrap();
    let day = ledger.settlement_for(date("2026-11-22"), None).unwrap();
    assert_eq!(day.len(), 1, "TANI did nothing on the 22nd");
    let sri = &day[0];
    assert!(!sri.header.closed);
    assert_eq!(
        products(sri),
        [
            ("KRPS".into(), [2_000, 0, 0, 2_000, 0, 0, 0, 4_000], 0),
            (
                "LMPR".into(),
                [13_000, 0, 2_000, 0, 0, 0, -1_000, 10_000],
                7_000
            ),
        ]
    );
    let c = &sri.corrections[0];
    assert_eq!(sri.corrections.len(), 1);
    assert_eq!(
        (
            c.code.as_str(),
            c.sale_date,
            c.sale_number,
            c.quantity,
            c.amounts.total
        ),
        ("KRPS", date("2026-11-21"), 2, pcs(2), Rupiah(24_000))
    );
    assert_eq!(
        (sri.gross(), sri.producer_share(), sri.corner_share()),
        (Rupiah(-17_000), Rupiah(-14_450), Rupiah(-2_550))
    );
    assert_eq!(sri.balance_before, Rupiah(32_300));
    assert_eq!(sri.paid_out(), Rupiah(10_000));
    assert_eq!(sri.balance_now(), Rupiah(7_850));
    assert_eq!(sri.payouts[0].balance_before, Rupiah(17_850));
    // Stock on the slip agrees with the stock screen.
    let lmpr = ledger
        .stock_levels(None)
        .unwrap()
        .into_iter()
        .find(|l| l.code == "LMPR")
        .unwrap();
    assert_eq!(lmpr.on_hand, sq(10_000));
}

#[test]
fn a_payout_is_refused_above_the_balance_and_without_an_open_day() {
    let (dir, mut ledger) = shop();
    let when = at("2026-11-22 16:00");
    match ledger.pay_producer(
        "SRI",
        PayoutMethod::Transfer,
        Rupiah(17_851),
        "",
        "Rina",
        when,
    ) {
        Err(LedgerError::PayoutAboveBalance { producer, owed }) => {
            assert_eq!((producer.as_str(), owed), ("SRI", Rupiah(17_850)));
        }
        other => panic!("expected PayoutAboveBalance, got {other:?}"),
    }
    assert!(matches!(
        ledger.pay_producer("SRI", PayoutMethod::Cash, Rupiah(0), "", "Rina", when),
        Err(LedgerError::PayoutNotPositive)
    ));
    assert!(matches!(
        ledger.pay_producer("NOPE", PayoutMethod::Cash, Rupiah(1), "", "Rina", when),
        Err(LedgerError::UnknownProducer(_))
    ));
    let before = common::snapshot(&dir.path().join("pojok.db"));
    let first = ledger
        .pay_producer(
            "sri",
            PayoutMethod::Transfer,
            Rupiah(17_850),
            "BRI 1234",
            "Rina",
            when,
        )
        .unwrap();
    assert_eq!((first.number, first.producer_code.as_str()), (1, "SRI"));
    assert_eq!(
        (first.balance_before, first.balance_after()),
        (Rupiah(17_850), Rupiah(0))
    );
    assert_eq!(
        (first.method, first.note.as_str(), first.date),
        (PayoutMethod::Transfer, "BRI 1234", date("2026-11-22"))
    );
    // The payout, its entry in the hash chain, and what was owed before it (kept with it,
    // so a reprint never recomputes it).
    assert_eq!(
        common::snapshot(&dir.path().join("pojok.db")).len(),
        before.len() + 3
    );
    assert!(matches!(
        ledger.pay_producer("SRI", PayoutMethod::Cash, Rupiah(1), "", "Rina", when),
        Err(LedgerError::PayoutAboveBalance {
            owed: Rupiah(0),
            ..
        })
    ));
    let second = ledger
        .pay_producer(
            "TANI",
            PayoutMethod::Cash,
            Rupiah(250),
            "",
            "Rina",
            at("2026-11-22 16:05"),
        )
        .unwrap();
    assert_eq!((second.number, second.balance_before), (2, Rupiah(20_250)));
    // A reprint reads the same slip back.
    assert_eq!(ledger.payout(1).unwrap(), Some(first));
    assert_eq!(ledger.payout(9).unwrap(), None);

    common::close_counted(&mut ledger, "Rina", at("2026-11-22 17:00")).unwrap();
    assert!(matches!(
        ledger.pay_producer("TANI", PayoutMethod::Cash, Rupiah(1), "", "Rina", when),
        Err(LedgerError::NoOpenDay)
    ));
    // History cannot be rewritten.
    let conn = Connection::open(dir.path().join("pojok.db")).unwrap();
    assert!(conn.execute("UPDATE payouts SET amount = 1", []).is_err());
    assert!(conn.execute("DELETE FROM payouts", []).is_err());
}

#[test]
fn balances_and_a_statement_run_from_shares_less_payouts() {
    let (_dir, mut ledger) = shop();
    ledger
        .pay_producer(
            "SRI",
            PayoutMethod::Cash,
            Rupiah(10_000),
            "",
            "Rina",
            at("2026-11-22 16:00"),
        )
        .unwrap();
    ledger.set_payout_daily("TANI", true).unwrap();
    let balances: Vec<_> = ledger
        .producer_balances()
        .unwrap()
        .into_iter()
        .map(|b| (b.code, b.balance, b.payout_daily))
        .collect();
    assert_eq!(
        balances,
        [
            ("SRI".to_string(), Rupiah(7_850), false),
            ("TANI".to_string(), Rupiah(20_250), true)
        ]
    );
    assert!(ledger.producers().unwrap()[1].payout_daily);
    assert!(matches!(
        ledger.set_payout_daily("X", true),
        Err(LedgerError::UnknownProducer(_))
    ));

    let st = ledger
        .statement("SRI", date("2026-11-01"), date("2026-11-30"))
        .unwrap();
    assert_eq!(
        (st.producer_name.as_str(), st.opening_balance),
        ("Kue Bu Sri", Rupiah(0))
    );
    let rows: Vec<_> = st
        .rows()
        .into_iter()
        .map(|r| (r.date, r.gross, r.producer_share, r.paid_out, r.balance))
        .collect();
    assert_eq!(
        rows,
        [
            (
                date("2026-11-21"),
                Rupiah(38_000),
                Rupiah(32_300),
                Rupiah(0),
                Rupiah(32_300)
            ),
            (
                date("2026-11-22"),
                Rupiah(-17_000),
                Rupiah(-14_450),
                Rupiah(10_000),
                Rupiah(7_850)
            ),
        ]
    );
    let later = ledger
        .statement("SRI", date("2026-11-22"), date("2026-11-22"))
        .unwrap();
    assert_eq!(
        (later.opening_balance, later.closing_balance()),
        (Rupiah(32_300), Rupiah(7_850))
    );
    let tani = ledger
        .statement("TANI", date("2026-11-22"), date("2026-11-30"))
        .unwrap();
    assert!(tani.days.is_empty());
    assert_eq!(tani.closing_balance(), Rupiah(20_250));
}

#[test]
fn unknown_days_and_producers_are_named() {
    let (_dir, ledger) = shop();
    assert!(matches!(
        ledger.settlement_for(date("2026-11-20"), None),
        Err(LedgerError::UnknownDay(d)) if d == date("2026-11-20")
    ));
    assert!(matches!(
        ledger.settlement_for(date("2026-11-21"), Some("NOPE")),
        Err(LedgerError::UnknownProducer(c)) if c == "NOPE"
    ));
    let only = ledger
        .settlement_for(date("2026-11-21"), Some("tani"))
        .unwrap();
    assert_eq!(only.len(), 1);
    assert_eq!(only[0].header.producer_code, "TANI");
    assert!(
        ledger
            .settlement_for(date("2026-11-22"), Some("TANI"))
            .unwrap()
            .is_empty()
    );
    assert!(matches!(
        ledger.statement("NOPE", date("2026-11-01"), date("2026-11-30")),
        Err(LedgerError::UnknownProducer(_))
    ));
}

// `pojok settlement` and `pojok statement` through the binary, on the same two days.

use common::{pojok, stderr, stdout};

fn two_days_on_file() -> (TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = two_days(dir.path());
    ledger
        .pay_producer(
            "SRI",
            PayoutMethod::Cash,
            Rupiah(10_000),
            "",
            "Rina",
            at("2026-11-22 16:00"),
        )
        .unwrap();
    drop(ledger);
    let db = dir.path().join("pojok.db");
    (dir, db)
}

/// Whether some line starts (after indentation) with `prefix` and ends with `suffix`.
fn has(text: &str, prefix: &str, suffix: &str) -> bool {
    text.lines()
        .any(|l| l.trim_start().starts_with(prefix) && l.ends_with(suffix))
}

#[test]
fn the_settlement_command_prints_every_producer_of_a_closed_day() {
    let (_dir, db) = two_days_on_file();
    let out = pojok(
        &db,
        &["settlement", "--date", "2026-11-21", "--format", "text58"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.lines().all(|l| l.chars().count() <= 32), "{text}");
    assert_eq!(text.matches("BAGI HASIL PRODUSEN").count(), 2, "{text}");
    assert!(!text.contains("PRATINJAU"), "{text}");
    let sri = text.find("Produsen: SRI").unwrap();
    let tani = text.find("Produsen: TANI").unwrap();
    assert!(sri < tani, "by code: {text}");
    let (sri, tani) = text.split_at(tani);
    // SRI: 4 LMPR + 2 KRPS = 38.000, 15 % → 5.700 corner, 32.300 producer.
    assert!(has(sri, "Penjualan kotor", "Rp 38.000"), "{sri}");
    assert!(has(sri, "Bagian pojok", "Rp 5.700"), "{sri}");
    assert!(has(sri, "Saldo terutang", "Rp 32.300"), "{sri}");
    assert!(
        has(sri, "Stok akhir", "13 pcs"),
        "20 in, 4 sold, 3 back: {sri}"
    );
    assert!(has(sri, "Rusak/kedaluwarsa", "1 bks"), "{sri}");
    // TANI: 1,5 kg at 15.000 = 22.500; producer price 13.500 × 1,5 = 20.250.
    assert!(has(tani, "Penjualan kotor", "Rp 22.500"), "{tani}");
    assert!(has(tani, "Bagian produsen", "Rp 20.250"), "{tani}");
    assert!(has(tani, "Stok akhir", "8,5 kg"), "{tani}");
}

#[test]
fn one_producer_of_the_open_day_in_80mm_to_a_file() {
    let (dir, db) = two_days_on_file();
    let file = dir.path().join("sri.txt");
    let out = pojok(
        &db,
        &[
            "settlement",
            "--date",
            "2026-11-22",
            "--producer",
            "sri",
            "--format",
            "text80",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("sri.txt"));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.lines().all(|l| l.chars().count() <= 48), "{text}");
    assert!(text.contains("PRATINJAU: HARI BELUM DITUTUP"), "{text}");
    // 7.000 sold less the 24.000 taken back; 32.300 − 14.450 − 10.000 = 7.850.
    assert!(has(&text, "Penjualan kotor", "-Rp 17.000"), "{text}");
    assert!(text.contains("No. 2 tgl 21 Nov 2026"), "{text}");
    assert!(
        has(&text, "Dibayar No. 0001 (Tunai)", "-Rp 10.000"),
        "{text}"
    );
    assert!(has(&text, "Saldo terutang", "Rp 7.850"), "{text}");
    assert!(!text.contains("TANI"));
}

#[test]
fn the_statement_command_runs_the_balance() {
    let (_dir, db) = two_days_on_file();
    let out = pojok(
        &db,
        &[
            "--lang",
            "en",
            "statement",
            "--producer",
            "SRI",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--format",
            "text80",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("PRODUCER STATEMENT"), "{text}");
    assert!(has(&text, "Balance", "Rp 32.300"), "{text}");
    assert!(has(&text, "Paid out", "-Rp 10.000"), "{text}");
    // 32.300 − 14.450 = 17.850 of shares, less 10.000 paid.
    assert!(has(&text, "Producer's share", "Rp 17.850"), "{text}");
    assert!(has(&text, "Closing balance", "Rp 7.850"), "{text}");
}

#[test]
fn clear_refusals_for_unknown_days_producers_and_idle_days() {
    let (_dir, db) = two_days_on_file();
    let cases: [(&[&str], &str); 5] = [
        (
            &["settlement", "--date", "2026-11-20"],
            "Tidak ada hari usaha pada tanggal 20 Nov 2026.",
        ),
        (
            &["settlement", "--date", "2026-11-21", "--producer", "NOPE"],
            "Produsen NOPE tidak dikenal.",
        ),
        (
            &["settlement", "--date", "2026-11-22", "--producer", "TANI"],
            "Produsen TANI tidak punya kegiatan pada 22 Nov 2026.",
        ),
        (
            &[
                "statement",
                "--producer",
                "NOPE",
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-30",
            ],
            "Produsen NOPE tidak dikenal.",
        ),
        (
            &[
                "statement",
                "--producer",
                "SRI",
                "--from",
                "2026-11-30",
                "--to",
                "2026-11-01",
            ],
            "--from",
        ),
    ];
    for (args, message) in cases {
        let out = pojok(&db, args);
        assert!(!out.status.success(), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty());
    }
    let out = pojok(
        &db,
        &[
            "--lang",
            "en",
            "settlement",
            "--date",
            "2026-11-21",
            "--producer",
            "X",
        ],
    );
    assert!(
        stderr(&out).contains("Unknown producer X."),
        "{}",
        stderr(&out)
    );
    let missing = db.with_file_name("nothing.db");
    let out = pojok(&missing, &["settlement", "--date", "2026-11-21"]);
    assert!(!out.status.success());
    assert!(!missing.exists(), "a printout never creates a ledger");
}

// Random days on a real ledger: the settlement queries against the facts as recorded.

use proptest::prelude::*;
use std::collections::HashMap;

#[derive(Clone, Debug)]
enum Op {
    Intake(usize, i64),
    Sale(Vec<(usize, i64)>),
    Void(usize),
    Return(usize, i64),
    WriteOff(usize, i64),
    Count(usize, i64),
    Correct(usize),
    Payout(usize, i64),
}

const CODES: [&str; 3] = ["LMPR", "KRPS", "BRS"];
const PRODUCERS: [&str; 2] = ["SRI", "TANI"];

fn any_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => (0..3usize, 1i64..=8).prop_map(|(p, n)| Op::Intake(p, n)),
        4 => proptest::collection::vec((0..3usize, 1i64..=3), 1..3).prop_map(Op::Sale),
        1 => any::<usize>().prop_map(Op::Void),
        1 => (0..3usize, 1i64..=3).prop_map(|(p, n)| Op::Return(p, n)),
        1 => (0..3usize, 1i64..=2).prop_map(|(p, n)| Op::WriteOff(p, n)),
        1 => (0..3usize, 0i64..=6).prop_map(|(p, n)| Op::Count(p, n)),
        1 => any::<usize>().prop_map(Op::Correct),
        1 => (0..2usize, 1i64..=10).prop_map(|(p, t)| Op::Payout(p, t)),
    ]
}

struct Recorded {
    id: i64,
    day: usize,
    total: Rupiah,
    shares: HashMap<String, Rupiah>,
    voided: bool,
    corrected_on: Option<usize>,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn settlements_on_a_real_ledger_match_what_was_recorded(
        days in proptest::collection::vec(proptest::collection::vec(any_op(), 0..10), 1..4)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pojok.db");
        let mut ledger = small_ledger(&path);
        let dates: Vec<_> = (0..days.len())
            .map(|d| date("2026-11-01") + chrono::Days::new(d as u64))
            .collect();
        let mut sales: Vec<Recorded> = Vec::new();
        let mut paid: HashMap<String, Rupiah> = HashMap::new();
        for (d, ops) in days.iter().enumerate() {
            let when = |minute: usize| dates[d].and_hms_opt(8 + (minute / 60) as u32, (minute % 60) as u32, 0).unwrap();
            ledger.open_day(dates[d], "Rina", Rupiah(0), when(0)).unwrap();
            for (i, op) in ops.iter().enumerate() {
                let at = when(i + 1);
                let qty = |p: usize, n: i64| if CODES[p] == "BRS" { Quantity::from_milli(n * 500) } else { pcs(n) };
                let producer = |p: usize| if CODES[p] == "BRS" { "TANI" } else { "SRI" };
                match op {
                    Op::Intake(p, n) => {
                        let line = IntakeLine { product_code: CODES[*p].into(), quantity: qty(*p, *n), best_before: None };
                        ledger.receive_stock(producer(*p), &[line], "Rina", at).unwrap();
                    }
                    Op::Sale(lines) => {
                        let lines: Vec<(&str, Quantity)> = lines.iter().map(|(p, n)| (CODES[*p], qty(*p, *n))).collect();
                        let sale = sell_by(&mut ledger, &lines, PaymentMethod::Cash, at);
                        let mut shares: HashMap<String, Rupiah> = HashMap::new();
                        for l in &sale.lines {
                            *shares.entry(l.producer_code.clone()).or_insert(Rupiah(0)) += l.producer_share;
                        }
                        sales.push(Recorded { id: sale.id, day: d, total: sale.total, shares, voided: false, corrected_on: None });
                    }
                    Op::Void(pick) => {
                        let live: Vec<usize> = (0..sales.len()).filter(|&i| sales[i].day == d && !sales[i].voided).collect();
                        if !live.is_empty() {
                            let i = live[pick % live.len()];
                            ledger.void_sale(sales[i].id, "batal", "Rina", at).unwrap();
                            sales[i].voided = true;
                        }
                    }
                    Op::Return(p, n) => {
                        ledger.return_stock(producer(*p), &[(CODES[*p].into(), qty(*p, *n))], "", "Rina", at).unwrap();
                    }
                    Op::WriteOff(p, n) => {
                        ledger.write_off(CODES[*p], qty(*p, *n), "rusak", false, "Rina", at).unwrap();
                    }
                    Op::Count(p, n) => {
                        ledger.count_stock(CODES[*p], StockQuantity::from(qty(*p, (*n).max(1))) , "opname", false, "Rina", at).unwrap();
                    }
                    Op::Correct(pick) => {
                        let open: Vec<usize> = (0..sales.len())
                            .filter(|&i| sales[i].day < d && !sales[i].voided && sales[i].corrected_on.is_none())
                            .collect();
                        if !open.is_empty() {
                            let i = open[pick % open.len()];
                            correct(&path, sales[i].id, &at.format("%Y-%m-%d %H:%M:%S").to_string());
                            sales[i].corrected_on = Some(d);
                        }
                    }
                    Op::Payout(p, tenths) => {
                        let owed = ledger.producer_balances().unwrap().into_iter().find(|b| b.code == PRODUCERS[*p]).unwrap().balance;
                        let amount = Rupiah(owed.value() * tenths / 10);
                        if amount.is_positive() {
                            // By transfer: a balance built over days can be more than today's drawer.
                            ledger.pay_producer(PRODUCERS[*p], PayoutMethod::Transfer, amount, "", "Rina", at).unwrap();
                            *paid.entry(PRODUCERS[*p].to_string()).or_insert(Rupiah(0)) += amount;
                        }
                    }
                }
            }
            if d + 1 < days.len() {
                common::close_counted(&mut ledger, "Rina", when(ops.len() + 1)).unwrap();
            }
        }

        let mut closings: HashMap<String, StockQuantity> = HashMap::new();
        for (d, day) in dates.iter().enumerate() {
            let settlements = ledger.settlement_for(*day, None).unwrap();
            let gross: Rupiah = settlements.iter().map(|s| s.gross()).sum();
            let sold: Rupiah = sales.iter().filter(|s| s.day == d && !s.voided).map(|s| s.total).sum();
            let taken_back: Rupiah = sales.iter().filter(|s| s.corrected_on == Some(d)).map(|s| s.total).sum();
            prop_assert_eq!(gross, sold - taken_back, "day {}", d);
            for s in &settlements {
                prop_assert_eq!(s.producer_share() + s.corner_share(), s.gross());
                prop_assert_eq!(s.header.closed, d + 1 < days.len());
                for p in &s.products {
                    // What a day closes with, the next one opens with.
                    if let Some(before) = closings.get(&p.code) {
                        prop_assert_eq!(p.opening, *before, "{} on day {}", p.code, d);
                    }
                    closings.insert(p.code.clone(), p.closing());
                }
            }
            // Products untouched this day keep their closing; the maps only grow.
        }
        let on_hand: HashMap<String, StockQuantity> = ledger
            .stock_levels(None)
            .unwrap()
            .into_iter()
            .map(|l| (l.code, l.on_hand))
            .collect();
        for (code, closing) in &closings {
            prop_assert_eq!(on_hand[code], *closing, "{}", code);
        }
        for b in ledger.producer_balances().unwrap() {
            let shares: Rupiah = sales
                .iter()
                .filter(|s| !s.voided && s.corrected_on.is_none())
                .filter_map(|s| s.shares.get(&b.code).copied())
                .sum();
            let paid = paid.get(&b.code).copied().unwrap_or(Rupiah(0));
            prop_assert_eq!(b.balance, shares - paid, "{}", b.code);
            let statement = ledger.statement(&b.code, dates[0], dates[dates.len() - 1]).unwrap();
            prop_assert_eq!(statement.closing_balance(), b.balance);
            if let Some(last) = statement.rows().last() {
                prop_assert_eq!(last.balance, b.balance);
            }
        }
    }
}

// Read back with pdftotext, a Linux program a Windows test under Wine cannot start.
#[cfg(unix)]
#[test]
fn the_settlement_as_a_pdf_gives_each_producer_a_page_with_amounts_and_signatures() {
    let (dir, db) = two_days_on_file();
    let pdf = dir.path().join("bagi-hasil.pdf");
    let out = pojok(
        &db,
        &[
            "settlement",
            "--date",
            "2026-11-21",
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = common::pdf_text(&pdf);
    // pdftotext ends every page with a form feed.
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), 2, "one producer per page: {text}");
    assert!(pages[0].contains("Kue Bu Sri") && !pages[0].contains("Kelompok Tani"));
    assert!(pages[1].contains("Kelompok Tani") && !pages[1].contains("Kue Bu Sri"));
    assert!(
        has(pages[0], "Bagian produsen", "Rp 32.300"),
        "{}",
        pages[0]
    );
    assert!(
        has(pages[1], "Bagian produsen", "Rp 20.250"),
        "{}",
        pages[1]
    );
    for page in &pages {
        assert!(page.contains("____"), "signature lines: {page}");
        assert!(page.contains("Rantai buku kas:"), "chain head: {page}");
    }
}

#[test]
fn the_settlement_as_escpos_decodes_to_slips_within_the_paper() {
    let (_dir, db) = two_days_on_file();
    let out = pojok(
        &db,
        &["settlement", "--date", "2026-11-21", "--format", "escpos80"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let commands = common::escpos::decode(&out.stdout);
    common::escpos::assert_well_formed(&commands, 48);
    let cuts = commands
        .iter()
        .filter(|c| **c == common::escpos::Command::Cut)
        .count();
    assert_eq!(cuts, 2, "a cut after each producer's slip");
    let lines: Vec<&str> = commands
        .iter()
        .filter_map(|c| match c {
            common::escpos::Command::Line(l) => Some(l.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Saldo terutang") && l.ends_with("Rp 32.300")),
        "{lines:?}"
    );
}
