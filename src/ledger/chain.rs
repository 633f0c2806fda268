//! The hash chain over history: every row of every history table gets one `chain` row in the
//! transaction that wrote it, holding who did it, who approved it and a SHA-256 over the
//! row's canonical content and the previous chain row's hash.
//!
//! Rows are found generically (ids above what each table held when the write began), so a
//! history table added later only needs adding to `HISTORY`. A row is hashed with all its
//! columns by name: a later migration that adds a column to a history table changes what
//! old rows hash to, so it must teach `rows` to leave that column out (while at its default)
//! or `verify` will report every earlier entry as changed.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use rusqlite::hooks::Action;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::error::{LedgerError, Result};
use crate::domain::Role;

/// A history table, and when an attendant's new row in it needs a manager's approval: an SQL
/// condition on the row (`?1` is the signed-in actor's user id), or `None` when never.
pub(super) struct HistoryTable {
    pub name: &'static str,
    pub needs_approval: Option<&'static str>,
}

const fn table(name: &'static str) -> HistoryTable {
    HistoryTable {
        name,
        needs_approval: None,
    }
}

const fn approved(name: &'static str, condition: &'static str) -> HistoryTable {
    HistoryTable {
        name,
        needs_approval: Some(condition),
    }
}

/// Every append-only history table, in the order a write's new rows are chained. Catalogue
/// rows (producers, products, customers, users) are not here: their changes are history of
/// their own (`price_changes`, `rate_changes`, `user_changes`, `barcode_changes`).
pub(super) const HISTORY: &[HistoryTable] = &[
    table("business_days"),
    table("sales"),
    table("sale_lines"),
    table("payments"),
    approved("voids", "1"),
    approved("price_changes", "1"),
    approved("rate_changes", "1"),
    approved(
        "stock_documents",
        "kind = 'write_off' OR (kind = 'count' AND EXISTS (SELECT 1 FROM stock_moves AS m
             WHERE m.document_id = stock_documents.id AND m.quantity_milli != 0))",
    ),
    table("stock_moves"),
    table("stock_losses"),
    table("tab_payments"),
    table("cash_moves"),
    approved("payouts", "1"),
    approved("corrections", "1"),
    // Part of a sale taken back: approved as a void is.
    approved("sale_returns", "1"),
    table("sale_return_lines"),
    // A close whose count is off by more than the shop's threshold (Rp 10.000 unless the
    // `close.approval_above` setting says otherwise).
    approved(
        "cash_counts",
        "ABS(variance) > COALESCE((SELECT CAST(value AS INTEGER) FROM settings
                                   WHERE key = 'close.approval_above'), 10000)",
    ),
    table("day_closes"),
    // Taking a close back is the manager's alone.
    approved("day_reopenings", "1"),
    // The shop's settings: the manager's business.
    approved("settings_changes", "1"),
    // Users are a manager's business, but anyone may change their own PIN.
    approved("user_changes", "change != 'pin' OR user_id IS NOT ?1"),
    table("pin_lockouts"),
    table("recoveries"),
    table("chain_checks"),
    // Giving a product a barcode (a label sheet's internal code) is anyone's at the till.
    table("barcode_changes"),
];

/// Lowercase hex of `bytes`. By table, not `format!`: `verify` spells out millions of hashes.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

/// The newest chain entry: what printouts carry so that paper can later prove the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainHead {
    pub seq: i64,
    pub hash: String,
}

impl ChainHead {
    /// The form printed on slips and reports: the first 12 hex digits and the sequence
    /// number, e.g. `3f9a0c1be27d#1284`.
    pub fn short(&self) -> String {
        let cut = self.hash.len().min(12);
        format!("{}#{}", &self.hash[..cut], self.seq)
    }
}

/// A row's columns by name, as JSON values (a BTreeMap, so serialised in name order).
pub(super) type RowContent = BTreeMap<String, Value>;

fn json_of(value: ValueRef) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::from(format!("x'{}'", hex(b))),
    }
}

/// Rows of `table` whose id compares to `value` by `filter` (`>` or `=`), in id order.
pub(super) fn rows(
    conn: &Connection,
    table: &str,
    filter: &str,
    value: i64,
) -> Result<Vec<(i64, RowContent)>> {
    let sql = format!("SELECT * FROM {table} WHERE id {filter} ?1 ORDER BY id");
    read_rows(&mut *conn.prepare_cached(&sql)?, params![value])
}

/// At most `limit` rows of `table` with an id above `after`, in id order, as their
/// canonical text: a long walk through a table reads it front to back a block at a time.
pub(super) fn texts_after(
    conn: &Connection,
    table: &str,
    after: i64,
    limit: i64,
) -> Result<Vec<(i64, Vec<u8>)>> {
    let sql = format!("SELECT * FROM {table} WHERE id > ?1 ORDER BY id LIMIT ?2");
    read_texts(&mut *conn.prepare_cached(&sql)?, params![after, limit])
}

/// Row `id` of `table` as its canonical text, if it is there.
pub(super) fn text_of(conn: &Connection, table: &str, id: i64) -> Result<Option<Vec<u8>>> {
    let sql = format!("SELECT * FROM {table} WHERE id = ?1");
    Ok(read_texts(&mut *conn.prepare_cached(&sql)?, params![id])?
        .pop()
        .map(|(_, text)| text))
}

fn read_rows(
    stmt: &mut rusqlite::Statement,
    values: impl rusqlite::Params,
) -> Result<Vec<(i64, RowContent)>> {
    let names: Vec<String> = stmt.column_names().map(String::from).collect();
    let id_column = names.iter().position(|n| n == "id").unwrap_or(0);
    let mut q = stmt.query(values)?;
    let mut out = Vec::new();
    while let Some(r) = q.next()? {
        let mut content = RowContent::new();
        for (i, name) in names.iter().enumerate() {
            content.insert(name.clone(), json_of(r.get_ref(i)?));
        }
        out.push((r.get(id_column)?, content));
    }
    Ok(out)
}

/// Rows as the text `serde_json` makes of their `RowContent` (names in `String` order,
/// values as `json_of` has them), written straight from SQLite's values: `verify` hashes
/// millions of rows, and building a map of owned strings for each was most of its time.
fn read_texts(
    stmt: &mut rusqlite::Statement,
    values: impl rusqlite::Params,
) -> Result<Vec<(i64, Vec<u8>)>> {
    let names: Vec<String> = stmt.column_names().map(String::from).collect();
    let id_column = names.iter().position(|n| n == "id").unwrap_or(0);
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|a, b| names[*a].cmp(&names[*b]));
    let mut q = stmt.query(values)?;
    let mut out = Vec::new();
    while let Some(r) = q.next()? {
        let mut text = Vec::with_capacity(256);
        for (n, &i) in order.iter().enumerate() {
            text.push(if n == 0 { b'{' } else { b',' });
            put_json(&mut text, &names[i]);
            text.push(b':');
            write_value(&mut text, r.get_ref(i)?);
        }
        text.push(b'}');
        out.push((r.get(id_column)?, text));
    }
    Ok(out)
}

/// `value` serialised by serde_json, into `out` (writing to a `Vec` cannot fail).
fn put_json(out: &mut Vec<u8>, value: &(impl Serialize + ?Sized)) {
    let _ = serde_json::to_writer(out, value);
}

/// A column's value as `json_of` makes it, serialised.
fn write_value(out: &mut Vec<u8>, value: ValueRef) {
    match value {
        ValueRef::Null => out.extend_from_slice(b"null"),
        ValueRef::Integer(i) => put_json(out, &i),
        ValueRef::Text(t) => put_json(out, &*String::from_utf8_lossy(t)),
        other => put_json(out, &json_of(other)),
    }
}

/// What is hashed: the canonical serde_json text of this, fields in this order. Writes and
/// `verify` build that text straight from the row (`text_hash`); this is its definition,
/// which a property test holds `text_hash` to.
#[cfg(test)]
#[derive(Serialize)]
struct Canonical<'a> {
    table: &'a str,
    row: &'a RowContent,
    actor: Option<i64>,
    approver: Option<i64>,
    prev_hash: Option<&'a str>,
}

#[cfg(test)]
pub(super) fn entry_hash(
    table: &str,
    row: &RowContent,
    actor: Option<i64>,
    approver: Option<i64>,
    prev_hash: Option<&str>,
) -> String {
    let canonical = Canonical {
        table,
        row,
        actor,
        approver,
        prev_hash,
    };
    // Serialising maps of plain values cannot fail.
    let text = serde_json::to_vec(&canonical).unwrap_or_default();
    hex(&Sha256::digest(&text))
}

/// `entry_hash` of a row given as its canonical text (`texts_after`, `text_of`).
pub(super) fn text_hash(
    table: &str,
    row: &[u8],
    actor: Option<i64>,
    approver: Option<i64>,
    prev_hash: Option<&str>,
) -> String {
    let mut text = Vec::with_capacity(row.len() + 192);
    text.extend_from_slice(b"{\"table\":");
    put_json(&mut text, table);
    text.extend_from_slice(b",\"row\":");
    text.extend_from_slice(row);
    text.extend_from_slice(b",\"actor\":");
    put_json(&mut text, &actor);
    text.extend_from_slice(b",\"approver\":");
    put_json(&mut text, &approver);
    text.extend_from_slice(b",\"prev_hash\":");
    put_json(&mut text, &prev_hash);
    text.push(b'}');
    hex(&Sha256::digest(&text))
}

/// The newest chain row's hash, `None` on an empty chain.
pub(super) fn last_hash(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT hash FROM chain ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| r.get(0))
        .optional()?)
}

/// The newest chain row's sequence number, 0 on an empty chain.
pub(super) fn last_seq(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT COALESCE(MAX(seq), 0) FROM chain")?
        .query_row([], |r| r.get(0))?)
}

/// Who a write is recorded under.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Signers {
    pub actor: Option<i64>,
    pub approver: Option<i64>,
}

/// Checks that the actor may write and the approver may approve, as they are now in the file.
fn check_signers(conn: &Connection, signers: Signers) -> Result<Option<Role>> {
    let find = |id: i64| -> Result<(Role, bool)> {
        let (role, active): (String, bool) = conn
            .prepare_cached("SELECT role, active FROM users WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .ok_or(LedgerError::UnknownUser(id))?;
        let role = role
            .parse()
            .map_err(|()| LedgerError::Corrupt(format!("unknown role {role:?}")))?;
        Ok((role, active))
    };
    if let Some(id) = signers.approver {
        let (role, active) = find(id)?;
        if !active {
            return Err(LedgerError::UserInactive(id));
        }
        if role != Role::Manager {
            return Err(LedgerError::NotAManager(id));
        }
    }
    match signers.actor {
        None => Ok(None),
        Some(id) => {
            let (role, active) = find(id)?;
            if !active {
                return Err(LedgerError::UserInactive(id));
            }
            Ok(Some(role))
        }
    }
}

/// The first id each history table was given since `clear`, as SQLite's update hook reports
/// each row it inserts: a write learns which tables it added to, and from which id, without
/// asking every history table for its largest id before and after (two 25-table queries, a
/// tenth of a durable sale's time).
#[derive(Clone, Debug)]
pub(super) struct Inserted(Arc<Mutex<Vec<i64>>>);

impl Inserted {
    /// Installs the hook on `conn`. Rows a rolled-back savepoint took back may stay noted:
    /// their table is then read from a first id that holds nothing, or holds the rows that
    /// took their ids, which are this write's own.
    pub(super) fn install(conn: &mut Connection) -> Result<Inserted> {
        let firsts = Arc::new(Mutex::new(vec![i64::MAX; HISTORY.len()]));
        let noted = Arc::clone(&firsts);
        conn.update_hook(Some(
            move |action: Action, db: &str, table: &str, id: i64| {
                if action != Action::SQLITE_INSERT || db != "main" {
                    return;
                }
                if let Some(i) = HISTORY.iter().position(|t| t.name == table) {
                    let mut firsts = noted.lock().unwrap_or_else(PoisonError::into_inner);
                    firsts[i] = firsts[i].min(id);
                }
            },
        ))?;
        Ok(Inserted(firsts))
    }

    /// Forgets what was inserted so far: a write begins.
    pub(super) fn clear(&self) {
        self.firsts().fill(i64::MAX);
    }

    fn firsts(&self) -> MutexGuard<'_, Vec<i64>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Chains every history row of the file: a file from before the chain, at its migration.
pub(super) fn seal_all(conn: &Connection, signers: Signers) -> Result<Option<ChainHead>> {
    let every: Vec<(&HistoryTable, i64)> = HISTORY.iter().map(|t| (t, 0)).collect();
    seal_grown(conn, &every, signers)
}

/// Chains the rows `inserted` noted since its last `clear`, after checking that an
/// attendant's rows that need approval have it; the chain row written last, if any. Runs
/// inside the write's transaction, just before its commit.
pub(super) fn seal_inserted(
    conn: &Connection,
    inserted: &Inserted,
    signers: Signers,
) -> Result<Option<ChainHead>> {
    let grown: Vec<(&HistoryTable, i64)> = HISTORY
        .iter()
        .zip(inserted.firsts().iter())
        .filter(|(_, first)| **first != i64::MAX)
        .map(|(t, first)| (t, first - 1))
        .collect();
    seal_grown(conn, &grown, signers)
}

/// Chains the rows of each table above its id in `grown`, in `HISTORY` order.
fn seal_grown(
    conn: &Connection,
    grown: &[(&HistoryTable, i64)],
    signers: Signers,
) -> Result<Option<ChainHead>> {
    if grown.is_empty() {
        return Ok(None);
    }
    let role = check_signers(conn, signers)?;
    if role == Some(Role::Attendant) && signers.approver.is_none() {
        for &(t, after) in grown {
            let Some(condition) = t.needs_approval else {
                continue;
            };
            let sql = format!(
                "SELECT EXISTS (SELECT 1 FROM {} WHERE id > ?2 AND ({condition}))",
                t.name
            );
            let needed: bool = conn
                .prepare_cached(&sql)?
                .query_row(params![signers.actor, after], |r| r.get(0))?;
            if needed {
                return Err(LedgerError::NeedsApproval(t.name));
            }
        }
    }
    let mut prev = last_hash(conn)?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO chain (entry_table, entry_id, actor_id, approver_id, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut last = None;
    for &(t, after) in grown {
        for (id, row) in texts_after(conn, t.name, after, i64::MAX)? {
            let hash = text_hash(
                t.name,
                &row,
                signers.actor,
                signers.approver,
                prev.as_deref(),
            );
            insert.execute(params![
                t.name,
                id,
                signers.actor,
                signers.approver,
                prev,
                hash
            ])?;
            last = Some(conn.last_insert_rowid());
            prev = Some(hash);
        }
    }
    Ok(last.zip(prev).map(|(seq, hash)| ChainHead { seq, hash }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_covers_every_part_and_is_stable() {
        let mut row = RowContent::new();
        row.insert("id".into(), Value::from(1));
        row.insert("total".into(), Value::from(29_500));
        let base = entry_hash("sales", &row, Some(1), None, Some("ab"));
        assert_eq!(base.len(), 64);
        assert_eq!(base, entry_hash("sales", &row, Some(1), None, Some("ab")));
        let mut changed = row.clone();
        changed.insert("total".into(), Value::from(29_000));
        for other in [
            entry_hash("voids", &row, Some(1), None, Some("ab")),
            entry_hash("sales", &changed, Some(1), None, Some("ab")),
            entry_hash("sales", &row, Some(2), None, Some("ab")),
            entry_hash("sales", &row, Some(1), Some(1), Some("ab")),
            entry_hash("sales", &row, Some(1), None, Some("ac")),
            entry_hash("sales", &row, Some(1), None, None),
        ] {
            assert_ne!(other, base);
        }
    }

    fn value() -> impl proptest::strategy::Strategy<Value = rusqlite::types::Value> {
        use proptest::prelude::*;
        use rusqlite::types::Value as Sql;
        prop_oneof![
            Just(Sql::Null),
            any::<i64>().prop_map(Sql::Integer),
            any::<f64>().prop_map(Sql::Real),
            any::<String>().prop_map(Sql::Text),
            "[\"\\\\\u{0}-\u{1f}a-zé€😀 ]{0,12}".prop_map(Sql::Text),
            proptest::collection::vec(any::<u8>(), 0..8).prop_map(Sql::Blob),
        ]
    }

    proptest::proptest! {
        /// What `verify` hashes from a row's text is what a write hashed from its map.
        #[test]
        fn a_rows_text_hashes_as_its_content(
            values in proptest::collection::vec(value(), 1..6),
            actor in proptest::option::of(0i64..9),
            prev in proptest::option::of("[0-9a-f]{64}"),
        ) {
            let conn = Connection::open_in_memory().unwrap();
            // Names out of sort order, one needing an escape, and the id last.
            let names: Vec<String> = (0..values.len()).map(|i| format!("c\"{}", 9 - i)).collect();
            let columns: Vec<String> = names.iter().map(|n| format!("\"{}\"", n.replace('"', "\"\""))).collect();
            conn.execute_batch(&format!("CREATE TABLE t ({}, id INTEGER PRIMARY KEY)", columns.join(", "))).unwrap();
            let marks = vec!["?"; values.len()].join(", ");
            conn.execute(
                &format!("INSERT INTO t ({}, id) VALUES ({marks}, 7)", columns.join(", ")),
                rusqlite::params_from_iter(values.iter()),
            ).unwrap();
            let (_, row) = rows(&conn, "t", "=", 7).unwrap().pop().unwrap();
            let text = text_of(&conn, "t", 7).unwrap().unwrap();
            let (_, after) = texts_after(&conn, "t", 0, 5).unwrap().pop().unwrap();
            proptest::prop_assert_eq!(&text, &after);
            proptest::prop_assert_eq!(
                text_hash("t", &text, actor, None, prev.as_deref()),
                entry_hash("t", &row, actor, None, prev.as_deref())
            );
        }
    }

    #[test]
    fn the_hook_notes_the_first_new_id_of_each_history_table_and_no_other() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE sales (id INTEGER PRIMARY KEY, x);
             CREATE TABLE voids (id INTEGER PRIMARY KEY, x);
             CREATE TABLE draft (id INTEGER PRIMARY KEY, x);
             CREATE TRIGGER draft_voids AFTER INSERT ON draft
             BEGIN INSERT INTO voids (x) VALUES (NEW.x); END;
             INSERT INTO sales (x) VALUES (0);",
        )
        .unwrap();
        let inserted = Inserted::install(&mut conn).unwrap();
        let at = |name: &str| HISTORY.iter().position(|t| t.name == name).unwrap();
        let noted = |inserted: &Inserted| {
            let firsts = inserted.firsts();
            (0..HISTORY.len())
                .filter(|i| firsts[*i] != i64::MAX)
                .map(|i| (i, firsts[i]))
                .collect::<Vec<_>>()
        };
        assert_eq!(noted(&inserted), []);
        conn.execute_batch("INSERT INTO sales (x) VALUES (1), (2)")
            .unwrap();
        assert_eq!(noted(&inserted), [(at("sales"), 2)]);
        // A row a trigger inserts is noted too; the draft, not history, is not.
        conn.execute_batch("INSERT INTO draft (x) VALUES (3)")
            .unwrap();
        assert_eq!(noted(&inserted), [(at("sales"), 2), (at("voids"), 1)]);
        inserted.clear();
        assert_eq!(noted(&inserted), []);
        conn.execute_batch("INSERT INTO sales (x) VALUES (4)")
            .unwrap();
        assert_eq!(noted(&inserted), [(at("sales"), 4)]);
    }

    #[test]
    fn hex_is_lowercase_two_digits_per_byte() {
        assert_eq!(hex(&[0, 15, 255]), "000fff");
    }
}
