//! Tampering that re-chains: someone holding the file edits history and recomputes the hash
//! chain with the project's own algorithm, so that the chain alone verifies clean. The
//! witnesses outside the file catch it: a chain head printed on paper (`verify --head`), an
//! older backup (`verify --against`) and the seals only the manager's PIN makes. Each attack
//! of the issue (A: the last sale deleted; B: a 450.000 sale rewritten as 175.000, then the
//! day closed; C: a closed day's sale and cash count edited; D: a void appended "approved by
//! Budi") is made on a real file; a clean ledger passes all three.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use common::*;
use pojok::domain::{
    IntakeLine, NewProduct, PaymentMethod, Quantity, Rupiah, Sale, StockDocument, StockQuantity,
    Unit,
};
use pojok::ledger::{BackupVerdict, HeadVerdict, Ledger, PrintedHead, SealReport};
use rusqlite::Connection;
use rusqlite::types::ValueRef;
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

fn sell(ledger: &mut Ledger, code: &str, n: i64, when: NaiveDateTime) -> Sale {
    sell_whole(ledger, &[(code, n)], PaymentMethod::Cash, when)
}

/// `VACUUM INTO`: a consistent copy, as a backup is made.
fn backup(path: &Path, to: &Path) {
    Connection::open(path)
        .unwrap()
        .execute("VACUUM INTO ?1", [to.to_str().unwrap()])
        .unwrap();
}

/// Two days at the corner, with what paper and backups kept along the way.
struct Shop {
    _dir: tempfile::TempDir,
    path: PathBuf,
    /// Taken after day 1's close, and at noon of day 2 after the batik sale.
    backup_day1: PathBuf,
    backup_noon: PathBuf,
    /// Day 1: the morning's delivery (its slip as printed), then two lemper, a batik at
    /// 450.000, the day's last sale (one lemper).
    intake: StockDocument,
    first: Sale,
    batik: Sale,
    last: Sale,
    /// Day 2: another batik at 450.000.
    batik2: Sale,
    /// The head on day 1's Z report.
    z_head: String,
    rina: i64,
    budi: i64,
}

fn shop() -> Shop {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    ledger
        .add_product(&NewProduct {
            code: "BTK".into(),
            barcode: None,
            name: "Batik Tulis".into(),
            variant: String::new(),
            unit: Unit::Pcs,
            price: Rupiah(450_000),
            producer_code: "SRI".into(),
            producer_price: None,
            min_stock: StockQuantity::ZERO,
            daily: false,
        })
        .unwrap();
    let (rina, budi) = add_users(&mut ledger);
    ledger.sign_in(&rina);
    let t = at("2026-11-22 07:00");
    ledger
        .open_day(date("2026-11-22"), "Rina", Rupiah(100_000), t)
        .unwrap();
    let line = |code: &str, n| IntakeLine {
        product_code: code.into(),
        quantity: Quantity::whole(n),
        best_before: None,
    };
    let intake = ledger
        .receive_stock("SRI", &[line("LMPR", 20), line("BTK", 3)], "Rina", t)
        .unwrap();
    let first = sell(&mut ledger, "LMPR", 2, at("2026-11-22 09:00"));
    let batik = sell(&mut ledger, "BTK", 1, at("2026-11-22 10:00"));
    let last = sell(&mut ledger, "LMPR", 1, at("2026-11-22 14:00"));
    // The manager comes by and approves a write-off: their PIN opens the seal key.
    let when = at("2026-11-22 15:00");
    ledger.approve_with_pin(budi.id, BUDI_PIN, when).unwrap();
    ledger.with_approval(&budi);
    ledger
        .write_off("LMPR", Quantity::whole(1), "jatuh", false, "Rina", when)
        .unwrap();
    close_counted(&mut ledger, "Rina", at("2026-11-22 17:00")).unwrap();
    let z_head = ledger
        .day_report(date("2026-11-22"))
        .unwrap()
        .unwrap()
        .chain_head
        .unwrap();
    let backup_day1 = dir.path().join("backup-day1.db");
    backup(&path, &backup_day1);
    rina_opens(&mut ledger, "2026-11-23", 100_000, "07:00");
    let batik2 = sell(&mut ledger, "BTK", 1, at("2026-11-23 10:00"));
    let backup_noon = dir.path().join("backup-noon.db");
    backup(&path, &backup_noon);
    Shop {
        _dir: dir,
        path,
        backup_day1,
        backup_noon,
        intake,
        first,
        batik,
        last,
        batik2,
        z_head,
        rina: rina.id,
        budi: budi.id,
    }
}

// ---- The attacker: raw SQL, then the chain recomputed as `src/ledger/chain.rs` does ----

#[derive(Serialize)]
struct Canonical<'a> {
    table: &'a str,
    row: &'a BTreeMap<String, Value>,
    actor: Option<i64>,
    approver: Option<i64>,
    prev_hash: Option<&'a str>,
}

fn row_content(conn: &Connection, table: &str, id: i64) -> Option<BTreeMap<String, Value>> {
    let mut stmt = conn
        .prepare(&format!("SELECT * FROM {table} WHERE id = ?1"))
        .unwrap();
    let names: Vec<String> = stmt.column_names().map(String::from).collect();
    let mut rows = stmt.query([id]).unwrap();
    let r = rows.next().unwrap()?;
    let mut content = BTreeMap::new();
    for (i, name) in names.iter().enumerate() {
        let value = match r.get_ref(i).unwrap() {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(n) => Value::from(n),
            ValueRef::Real(f) => Value::from(f),
            ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(_) => unreachable!("no blobs in history"),
        };
        content.insert(name.clone(), value);
    }
    Some(content)
}

/// An entry to chain: table, id, actor, approver.
type Entry = (String, i64, Option<i64>, Option<i64>);

/// Rebuilds the whole chain over what the file now holds: entries whose row is gone are
/// dropped, `insert` puts new ones just before the chain entry `before` (table, id); the
/// stock table is made to agree with the moves again.
fn rechain(conn: &Connection, before: Option<(&str, i64)>, insert: &[Entry]) {
    let mut entries: Vec<Entry> = conn
        .prepare("SELECT entry_table, entry_id, actor_id, approver_id FROM chain ORDER BY seq")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    if let Some((table, id)) = before {
        let at = entries
            .iter()
            .position(|e| e.0 == table && e.1 == id)
            .unwrap();
        for (i, e) in insert.iter().enumerate() {
            entries.insert(at + i, e.clone());
        }
    }
    conn.execute("DELETE FROM chain", []).unwrap();
    let mut prev: Option<String> = None;
    let mut seq = 0;
    for (table, id, actor, approver) in entries {
        let Some(row) = row_content(conn, &table, id) else {
            continue;
        };
        let canonical = Canonical {
            table: &table,
            row: &row,
            actor,
            approver,
            prev_hash: prev.as_deref(),
        };
        let digest = Sha256::digest(serde_json::to_vec(&canonical).unwrap());
        let hash: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        seq += 1;
        conn.execute(
            "INSERT INTO chain (seq, entry_table, entry_id, actor_id, approver_id, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            rusqlite::params![seq, table, id, actor, approver, prev, hash],
        )
        .unwrap();
        prev = Some(hash);
    }
    conn.execute_batch(
        "UPDATE stock SET on_hand_milli =
             (SELECT COALESCE(SUM(quantity_milli), 0) FROM stock_moves AS m
              WHERE m.product_id = stock.product_id AND m.kind != 'sale')
             - (SELECT COALESCE(SUM(quantity_milli), 0) FROM sale_lines AS l
                WHERE l.product_id = stock.product_id)",
    )
    .unwrap();
    // The producers' balances are a projection of history: the attacker recomputes them
    // from the edited history as the project's own migration does.
    conn.execute_batch(
        "DELETE FROM producer_days;
         DELETE FROM payout_balances;
         INSERT INTO producer_days (producer_id, date, closing)
         SELECT producer_id, date,
                SUM(SUM(amount)) OVER (PARTITION BY producer_id ORDER BY date)
         FROM producer_money GROUP BY producer_id, date;
         INSERT INTO payout_balances (payout_id, before)
         SELECT payout_id, before FROM (
             SELECT payout_id,
                    COALESCE(SUM(amount) OVER (PARTITION BY producer_id ORDER BY seq
                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
             FROM producer_money)
         WHERE payout_id IS NOT NULL;",
    )
    .unwrap();
}

/// A: the day's last sale deleted, and its 3.500 taken from the count.
fn attack_a(shop: &Shop) {
    let conn = unguarded(&shop.path);
    let id = shop.last.id;
    conn.execute_batch(&format!(
        "DELETE FROM payments WHERE sale_id = {id};
         DELETE FROM sale_lines WHERE sale_id = {id};
         DELETE FROM sales WHERE id = {id};
         UPDATE cash_counts SET expected = expected - 3500, counted = counted - 3500
          WHERE day_id = 1;"
    ))
    .unwrap();
    rechain(&conn, None, &[]);
}

/// Rewrites a one-batik sale as 175.000 (the producer's 85 % of it, the corner's rest).
fn rewrite_batik(conn: &Connection, sale_id: i64) {
    conn.execute_batch(&format!(
        "UPDATE sale_lines SET unit_price = 175000, total = 175000, producer_share = 148750,
                corner_share = 26250 WHERE sale_id = {sale_id};
         UPDATE sales SET total = 175000 WHERE id = {sale_id};
         UPDATE payments SET amount = 175000, tendered = 175000, change = 0
          WHERE sale_id = {sale_id};"
    ))
    .unwrap();
}

/// B: day 2's batik sale rewritten as 175.000 before the close; then the day is closed at
/// the kiosk as usual, without the manager, and its Z report prints the forged head.
fn attack_b(shop: &Shop) {
    let conn = unguarded(&shop.path);
    rewrite_batik(&conn, shop.batik2.id);
    rechain(&conn, None, &[]);
    drop(conn);
    let mut ledger = Ledger::open(&shop.path).unwrap();
    let rina = ledger.user(shop.rina).unwrap();
    ledger.sign_in(&rina);
    close_counted(&mut ledger, "Rina", at("2026-11-23 17:00")).unwrap();
}

/// C: a closed day's sale (two lemper become one) and its cash count edited.
fn attack_c(shop: &Shop) {
    let conn = unguarded(&shop.path);
    let id = shop.first.id;
    conn.execute_batch(&format!(
        "UPDATE sale_lines SET quantity_milli = 1000, total = 3500, producer_share = 2975,
                corner_share = 525 WHERE sale_id = {id};
         UPDATE sales SET total = 3500 WHERE id = {id};
         UPDATE payments SET amount = 3500, tendered = 3500, change = 0 WHERE sale_id = {id};
         UPDATE cash_counts SET expected = expected - 3500, counted = counted - 3500
          WHERE day_id = 1;"
    ))
    .unwrap();
    rechain(&conn, None, &[]);
}

/// D: a void of day 1's batik sale "approved by Budi", slipped in before the close (after
/// it, `verify` would see an entry on a closed day), the 450.000 taken from the count.
fn attack_d(shop: &Shop) {
    let conn = unguarded(&shop.path);
    let sale = shop.batik.id;
    let product: i64 = conn
        .query_row("SELECT id FROM products WHERE code = 'BTK'", [], |r| {
            r.get(0)
        })
        .unwrap();
    conn.execute(
        "INSERT INTO voids (sale_id, day_id, at, attendant, reason)
         VALUES (?1, 1, '2026-11-22 16:00:00', 'Rina', 'salah input')",
        [sale],
    )
    .unwrap();
    let void = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO stock_moves (product_id, kind, quantity_milli, sale_id, at)
         VALUES (?1, 'void', 1000, ?2, '2026-11-22 16:00:00')",
        [product, sale],
    )
    .unwrap();
    let moved = conn.last_insert_rowid();
    conn.execute(
        "UPDATE cash_counts SET expected = expected - 450000, counted = counted - 450000
         WHERE day_id = 1",
        [],
    )
    .unwrap();
    let count: i64 = conn
        .query_row("SELECT id FROM cash_counts WHERE day_id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let signers = (Some(shop.rina), Some(shop.budi));
    rechain(
        &conn,
        Some(("cash_counts", count)),
        &[
            ("voids".into(), void, signers.0, signers.1),
            ("stock_moves".into(), moved, signers.0, signers.1),
        ],
    );
}

// ---- What the witnesses say ----

fn head(text: &str) -> PrintedHead {
    PrintedHead::parse(text).unwrap()
}

/// The chain itself is fooled: no entry is reported changed, missing or unchained.
fn assert_chain_fooled(ledger: &Ledger) {
    let report = ledger.verify().unwrap();
    assert!(report.is_clean(), "{:?}", report.problems);
}

fn seals(ledger: &Ledger) -> SealReport {
    ledger.check_seals("Budi", BUDI_PIN).unwrap()
}

#[test]
fn a_clean_ledger_passes_every_witness() {
    let shop = shop();
    let ledger = Ledger::open(&shop.path).unwrap();
    assert_chain_fooled(&ledger);
    let printed: Vec<PrintedHead> = [&shop.first, &shop.batik, &shop.last, &shop.batik2]
        .iter()
        .map(|s| head(s.chain_head.as_deref().unwrap()))
        .chain([head(&shop.z_head)])
        .collect();
    let verdicts = ledger.check_heads(&printed).unwrap();
    assert!(
        verdicts.iter().all(|v| *v == HeadVerdict::Holds),
        "{verdicts:?}"
    );
    for backup in [&shop.backup_day1, &shop.backup_noon] {
        assert!(matches!(
            ledger.compare_with_backup(backup).unwrap(),
            BackupVerdict::Prefix { .. }
        ));
    }
    let report = seals(&ledger);
    assert!(report.holds(), "{report:?}");
    assert!(
        matches!(&report, SealReport::Checked { sealed: 1, unsealed, .. } if unsealed.is_empty()),
        "{report:?}"
    );
    // A wrong PIN opens nothing.
    assert!(ledger.check_seals("Budi", "1234").is_err());
}

#[test]
fn every_receipt_and_slip_carries_the_head_of_its_own_entry() {
    let shop = shop();
    let ledger = Ledger::open(&shop.path).unwrap();
    // The batik's head is the last row its sale wrote (its payment), and the next row is the
    // next sale's.
    let head_of_batik = head(shop.batik.chain_head.as_deref().unwrap());
    let (table, _) = chain_entry(&shop.path, head_of_batik.seq);
    assert_eq!(table, "payments");
    let (table, id) = chain_entry(&shop.path, head_of_batik.seq + 1);
    assert_eq!((table.as_str(), id), ("sales", shop.last.id));
    assert_eq!(
        ledger.sale(shop.batik.id).unwrap().chain_head,
        shop.batik.chain_head,
        "a reprint carries what the first print did"
    );
    let shopheader = ledger.shop_header().unwrap();
    let text = pojok::print::render_text(
        &pojok::print::receipt(&shop.batik, &shopheader, pojok::strings::Lang::Id),
        32,
    );
    assert!(
        text.contains(shop.batik.chain_head.as_deref().unwrap()),
        "{text}"
    );
    let slip = &shop.intake;
    let text = pojok::print::render_text(
        &pojok::print::stock_slip(slip, &shopheader, pojok::strings::Lang::En),
        48,
    );
    assert!(text.contains(slip.chain_head.as_deref().unwrap()), "{text}");
}

fn chain_entry(path: &Path, seq: i64) -> (String, i64) {
    Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT entry_table, entry_id FROM chain WHERE seq = ?1",
            [seq],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

/// The seal check fails: a day's seal or a sealed entry no longer matches.
fn assert_seals_fail(ledger: &Ledger) {
    let report = seals(ledger);
    assert!(!report.holds(), "{report:?}");
}

#[test]
fn a_deleted_last_sale_is_caught_by_paper_backup_and_seal() {
    let shop = shop();
    attack_a(&shop);
    let ledger = Ledger::open(&shop.path).unwrap();
    assert_chain_fooled(&ledger);
    let printed = head(shop.last.chain_head.as_deref().unwrap());
    assert_ne!(
        ledger.check_heads(&[printed]).unwrap(),
        [HeadVerdict::Holds]
    );
    assert_ne!(
        ledger.check_heads(&[head(&shop.z_head)]).unwrap(),
        [HeadVerdict::Holds]
    );
    assert!(matches!(
        ledger.compare_with_backup(&shop.backup_day1).unwrap(),
        BackupVerdict::Differs { table, id, .. } if table == "sales" && id == shop.last.id
    ));
    let report = seals(&ledger);
    assert!(
        matches!(&report, SealReport::Checked { broken, .. } if broken == &["2026-11-22"]),
        "{report:?}"
    );
}

#[test]
fn a_sale_rewritten_before_the_close_is_caught_by_paper_backup_and_seal() {
    let shop = shop();
    attack_b(&shop);
    let ledger = Ledger::open(&shop.path).unwrap();
    assert_chain_fooled(&ledger);
    let printed = head(shop.batik2.chain_head.as_deref().unwrap());
    assert_eq!(
        ledger.check_heads(std::slice::from_ref(&printed)).unwrap(),
        [HeadVerdict::Rewritten]
    );
    assert!(matches!(
        ledger.compare_with_backup(&shop.backup_noon).unwrap(),
        BackupVerdict::Differs { table, .. } if table == "sales"
    ));
    // The earlier backup and day 1 were not touched: they still agree.
    assert!(matches!(
        ledger.compare_with_backup(&shop.backup_day1).unwrap(),
        BackupVerdict::Prefix { .. }
    ));
    // The sale was written while the manager's key was open: its seal no longer matches;
    // the forged close itself was made without the manager and is not sealed.
    let report = seals(&ledger);
    assert!(!report.holds(), "{report:?}");
    assert!(
        matches!(&report, SealReport::Checked { unsigned, unsealed, .. }
            if unsigned.contains(&printed.seq) && unsealed == &["2026-11-23"]),
        "{report:?}"
    );
}

#[test]
fn a_closed_days_sale_and_count_edited_are_caught_by_paper_backup_and_seal() {
    let shop = shop();
    attack_c(&shop);
    let ledger = Ledger::open(&shop.path).unwrap();
    assert_chain_fooled(&ledger);
    let z = head(&shop.z_head);
    assert_eq!(ledger.check_heads(&[z]).unwrap(), [HeadVerdict::Rewritten]);
    assert!(matches!(
        ledger.compare_with_backup(&shop.backup_day1).unwrap(),
        BackupVerdict::Differs { table, id, .. } if table == "sales" && id == shop.first.id
    ));
    assert_seals_fail(&ledger);
}

#[test]
fn a_void_approved_by_budi_behind_his_back_is_caught_by_paper_backup_and_seal() {
    let shop = shop();
    attack_d(&shop);
    let ledger = Ledger::open(&shop.path).unwrap();
    assert_chain_fooled(&ledger);
    assert_eq!(
        ledger.check_heads(&[head(&shop.z_head)]).unwrap(),
        [HeadVerdict::Rewritten]
    );
    assert!(matches!(
        ledger.compare_with_backup(&shop.backup_day1).unwrap(),
        // The backup had the day's cash count where the forged void now sits.
        BackupVerdict::Differs { table, .. } if table == "cash_counts"
    ));
    let report = seals(&ledger);
    assert!(
        matches!(&report, SealReport::Checked { broken, unsigned, .. }
            if broken == &["2026-11-22"] && !unsigned.is_empty()),
        "{report:?}"
    );
}

#[test]
fn removed_entries_are_named_as_missing_and_a_longer_backup_as_shorter() {
    let shop = shop();
    let conn = unguarded(&shop.path);
    // Day 2 wiped: everything after day 1's close.
    let z = head(&shop.z_head);
    conn.execute("DELETE FROM chain WHERE seq > ?1", [z.seq])
        .unwrap();
    drop(conn);
    let ledger = Ledger::open(&shop.path).unwrap();
    let printed = head(shop.batik2.chain_head.as_deref().unwrap());
    assert_eq!(
        ledger.check_heads(&[printed]).unwrap(),
        [HeadVerdict::Missing { last: z.seq }]
    );
    assert!(matches!(
        ledger.compare_with_backup(&shop.backup_noon).unwrap(),
        BackupVerdict::Shorter { last, .. } if last == z.seq
    ));
}

// ---- Through the real binary ----

#[test]
fn pojok_verify_checks_paper_backups_and_seals_and_says_where_history_was_rewritten() {
    let shop = shop();
    let db = &shop.path;
    let z = shop.z_head.clone();
    let receipt = shop.batik2.chain_head.clone().unwrap();
    let heads = shop.path.with_file_name("heads.txt");
    std::fs::write(&heads, format!("# from the Z report\n{z}\n\n{receipt}\n")).unwrap();
    let args = [
        "--lang",
        "en",
        "verify",
        "--head",
        &z,
        "--heads-file",
        heads.to_str().unwrap(),
        "--against",
        shop.backup_day1.to_str().unwrap(),
        "--manager",
        "Budi",
    ];
    let pin = format!("{BUDI_PIN}\n");
    let out = pojok_with_input(db, &args, &pin);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert_eq!(text.matches("MATCH ").count(), 5, "{text}");
    assert!(text.contains("MATCH seals: 1 day closes"), "{text}");

    attack_c(&shop);
    let out = pojok_with_input(db, &args, &pin);
    let text = stdout(&out);
    assert!(!out.status.success(), "{text}");
    let seq = head(&z).seq;
    assert!(
        text.contains(&format!(
            "MISMATCH {z}: the ledger was rewritten at or before entry #{seq}"
        )),
        "{text}"
    );
    assert!(text.contains("the ledger differs from entry #"), "{text}");
    assert!(text.contains("MISMATCH seal of 2026-11-22"), "{text}");

    // In Indonesian, and a head mistyped is refused in words.
    let out = pojok(db, &["verify", "--head", &z]);
    assert!(
        stdout(&out).contains(&format!("ditulis ulang pada atau sebelum entri #{seq}")),
        "{}",
        stdout(&out)
    );
    let out = pojok(db, &["verify", "--head", "1c15f5#x"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("bukan kepala rantai"),
        "{}",
        stderr(&out)
    );
    // The wrong PIN checks no seal.
    let out = pojok_with_input(db, &["verify", "--manager", "Budi"], "0000\n");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("PIN salah: segel tidak diperiksa"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_seal_deleted_before_a_later_sealed_day_is_reported_and_never_sealed_again() {
    let shop = shop();
    let mut ledger = Ledger::open(&shop.path).unwrap();
    let budi = ledger.user(shop.budi).unwrap();
    // Day 2 closed with the manager there: sealed too.
    let when = at("2026-11-23 17:00");
    ledger.approve_with_pin(budi.id, BUDI_PIN, when).unwrap();
    close_counted(&mut ledger, "Rina", when).unwrap();
    assert!(matches!(
        seals(&ledger),
        SealReport::Checked { sealed: 2, .. }
    ));
    drop(ledger);
    unguarded(&shop.path)
        .execute("DELETE FROM day_seals WHERE day_id = 1", [])
        .unwrap();
    let mut ledger = Ledger::open(&shop.path).unwrap();
    // The manager signing in seals nothing older than the newest seal.
    ledger
        .check_pin(budi.id, BUDI_PIN, at("2026-11-24 07:00"))
        .unwrap();
    let report = seals(&ledger);
    assert!(
        matches!(&report, SealReport::Checked { broken, sealed: 1, .. } if broken == &["2026-11-22"]),
        "{report:?}"
    );
}

#[test]
fn the_seal_key_closes_when_another_attendant_signs_in() {
    let shop = shop();
    let mut ledger = Ledger::open(&shop.path).unwrap();
    let budi = ledger.user(shop.budi).unwrap();
    let rina = ledger.user(shop.rina).unwrap();
    let sari = ledger
        .add_user(
            "Sari",
            pojok::domain::Role::Attendant,
            "2222",
            at("2026-11-23 11:00"),
        )
        .unwrap();
    ledger.sign_in(&rina);
    ledger
        .approve_with_pin(budi.id, BUDI_PIN, at("2026-11-23 12:00"))
        .unwrap();
    // Sari takes over the till: what she closes is not sealed in Budi's name.
    ledger.sign_in(&sari);
    close_counted(&mut ledger, "Sari", at("2026-11-23 17:00")).unwrap();
    let report = seals(&ledger);
    assert!(
        matches!(&report, SealReport::Checked { unsealed, .. } if unsealed == &["2026-11-23"]),
        "{report:?}"
    );
}
