//! `verify`: the whole file checked end to end — SQLite's integrity check, the hash chain
//! recomputed from the first entry, and the rules the money and stock always keep (a line's
//! shares add up to its total, a sale's lines to the sale, its payments settle it, stock on
//! hand is the sum of its moves, a producer's balance that of their history, ...).
//!
//! Invariant checks are a list of small named functions (`CHECKS`); a new kind of history
//! adds its own check there.

use std::collections::VecDeque;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, params};

use super::chain::ChainHead;
use super::chain::{self, HISTORY};
use super::connection::Ledger;
use super::day;
use super::error::Result;
use super::till;
use super::users;
use crate::domain::share::line_total;
use crate::domain::{Broken, Quantity, Rupiah, StockQuantity};

/// One thing `verify` found wrong, naming where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// `PRAGMA integrity_check` said this.
    Integrity(String),
    /// The entry no longer hashes to what was chained: it was changed.
    EntryChanged { seq: i64, table: String, id: i64 },
    /// A chained entry is gone: it was deleted.
    EntryMissing { seq: i64, table: String, id: i64 },
    /// The chain row does not follow the one before it: rows were removed or reordered.
    ChainBroken { seq: i64 },
    /// A chain row names a table that is not history.
    UnknownTable { seq: i64, table: String },
    /// A history entry that was never chained: inserted behind the ledger's back.
    Unchained { table: &'static str, id: i64 },
    /// The entry a check at a close vouched for no longer has the hash it had then: history
    /// was rewritten at or before it.
    CheckedHeadRewritten { seq: i64 },
    /// A rule of the ledger's figures does not hold for this entry.
    Invariant {
        check: &'static str,
        table: &'static str,
        id: i64,
        detail: Broken,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Integrity(text) => write!(f, "integrity: {text}"),
            Problem::EntryChanged { seq, table, id } => {
                write!(
                    f,
                    "{table} {id}: changed after it was recorded (chain #{seq})"
                )
            }
            Problem::EntryMissing { seq, table, id } => {
                write!(f, "{table} {id}: deleted (chain #{seq})")
            }
            Problem::ChainBroken { seq } => {
                write!(f, "chain #{seq}: does not follow the entry before it")
            }
            Problem::UnknownTable { seq, table } => {
                write!(f, "chain #{seq}: {table} is not a history table")
            }
            Problem::Unchained { table, id } => {
                write!(
                    f,
                    "{table} {id}: not in the chain (added outside the ledger)"
                )
            }
            Problem::CheckedHeadRewritten { seq } => {
                write!(f, "chain #{seq}: rewritten since it was checked at a close")
            }
            Problem::Invariant {
                check,
                table,
                id,
                detail,
            } => write!(f, "{table} {id}: {check}: {detail:?}"),
        }
    }
}

/// What `verify` found: nothing wrong is a clean file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyReport {
    pub problems: Vec<Problem>,
    /// Entries per history table, in `HISTORY` order; none from a chain-only check.
    pub counts: Vec<(&'static str, i64)>,
    pub chained: i64,
    pub head: Option<ChainHead>,
    /// Where the chain was taken up: the last check recorded at a close, or `None` when the
    /// whole chain was recomputed.
    pub since: Option<ChainCheck>,
}

/// How much a `verify` recomputes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The whole chain from its first entry, SQLite's integrity check and every invariant.
    Full,
    /// The chain from the last check recorded at a close (whose entry must still hash as it
    /// did then), SQLite's quick check of every page and every invariant; the whole chain
    /// when no check is recorded. Years of history are not re-hashed each time; `Full` does
    /// that.
    SinceLastCheck,
    /// As `SinceLastCheck`, the chain only: what the close itself can afford.
    ChainSinceLastCheck,
}

/// A clean check of the chain recorded at a close: it reached entry `head`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainCheck {
    pub head: ChainHead,
    pub at: String,
}

impl VerifyReport {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

type Check = fn(&Connection, &mut Vec<Problem>) -> Result<()>;

/// Every invariant, by name, the till's money (settlements, payouts, tabs) included.
const CHECKS: &[(&str, Check)] = &[
    ("line shares", line_shares),
    ("line total", line_totals),
    ("sale total", sale_totals),
    ("sale payments", sale_payments),
    ("closed day", closed_days),
    ("cash count", cash_counts),
    ("stock", stock_projection),
    ("producer balance", producer_balances),
    ("users", users_match_history),
    ("approvals", approvers_are_managers),
    ("pin attempts", pin_counters_kept),
    ("returned part", returned_parts),
];

/// Each returned part reversed what the rule says (`reverse_part`, over the parts of its line
/// before it, in ledger order), and the goods of returned sales came back as much as returned.
fn returned_parts(conn: &Connection, problems: &mut Vec<Problem>) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT r.id, r.sale_line_id, r.quantity_milli, r.total, r.producer_share,
                l.quantity_milli, l.total, l.producer_share, l.corner_share
         FROM sale_return_lines AS r JOIN sale_lines AS l ON l.id = r.sale_line_id
         ORDER BY r.id",
    )?;
    let mut before: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, line, part): (i64, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let (total, share): (Rupiah, Rupiah) = (r.get(3)?, r.get(4)?);
        let frozen = crate::domain::LineAmounts {
            total: r.get(6)?,
            producer_share: r.get(7)?,
            corner_share: r.get(8)?,
        };
        let done = before.entry(line).or_insert(0);
        let expected = crate::domain::reverse_part(frozen, r.get(5)?, *done, part);
        *done += part;
        if (expected.total, expected.producer_share) != (total, share) {
            problems.push(Problem::Invariant {
                check: "returned part",
                table: "sale_return_lines",
                id,
                detail: Broken::ReturnedPart {
                    total,
                    share,
                    expected: expected.total,
                    expected_share: expected.producer_share,
                },
            });
        }
    }
    each(
        conn,
        problems,
        ("returned part", "sales"),
        "SELECT s.id, moved, returned
         FROM (SELECT t.sale_id AS id,
                      (SELECT COALESCE(SUM(m.quantity_milli), 0) FROM stock_moves AS m
                       WHERE m.sale_id = t.sale_id AND m.kind = 'void') AS moved,
                      (SELECT SUM(r.quantity_milli) FROM sale_returns AS u
                       JOIN sale_return_lines AS r ON r.return_id = u.id
                       WHERE u.sale_id = t.sale_id) AS returned
               FROM sale_returns AS t GROUP BY t.sale_id) AS s
         WHERE moved != returned
         ORDER BY s.id",
        |r| {
            Ok(Broken::GoodsBack {
                moved: StockQuantity::from_milli(r.get(1)?),
                returned: StockQuantity::from_milli(r.get(2)?),
            })
        },
    )
}

fn pin_counters_kept(conn: &Connection, problems: &mut Vec<Problem>) -> Result<()> {
    for (table, id) in super::lockout::removed_counters(conn)? {
        problems.push(Problem::Invariant {
            check: "pin attempts",
            table,
            id,
            detail: Broken::CounterRemoved,
        });
    }
    Ok(())
}

impl Ledger {
    /// The newest chain entry, `None` on a ledger with no history yet.
    pub fn chain_head(&self) -> Result<Option<ChainHead>> {
        chain_head_on(&self.conn)
    }

    /// The chain head to print for `date`'s day: for a closed day, the head its close left
    /// (the close is the last entry of its transaction), so a reprint carries what the
    /// first print did; for the open day, the head now. `None` without a chain row.
    pub fn chain_head_of_day(&self, date: NaiveDate) -> Result<Option<ChainHead>> {
        let at_close = self
            .conn
            .query_row(
                "SELECT c.seq, c.hash
                 FROM business_days AS d
                 JOIN live_closes AS x ON x.day_id = d.id
                 JOIN chain AS c ON c.entry_table = 'day_closes' AND c.entry_id = x.id
                 WHERE d.date = ?1",
                [super::columns::date_text(date)],
                |r| {
                    Ok(ChainHead {
                        seq: r.get(0)?,
                        hash: r.get(1)?,
                    })
                },
            )
            .optional()?;
        match at_close {
            Some(head) => Ok(Some(head)),
            None => self.chain_head(),
        }
    }

    /// Checks the whole file; never changes it.
    pub fn verify(&self) -> Result<VerifyReport> {
        self.verify_with_progress(&mut |_, _| {})
    }

    /// `verify`, telling `progress` now and then how many chain entries of how many in all
    /// were checked (the chain is most of the work).
    pub fn verify_with_progress(&self, progress: &mut dyn FnMut(i64, i64)) -> Result<VerifyReport> {
        self.verify_scoped(Scope::Full, progress)
    }

    /// Checks as much as `scope` says; never changes the file.
    pub fn verify_scoped(
        &self,
        scope: Scope,
        progress: &mut dyn FnMut(i64, i64),
    ) -> Result<VerifyReport> {
        let conn = &self.conn;
        let mut problems = Vec::new();
        let since = match scope {
            Scope::Full => None,
            Scope::SinceLastCheck | Scope::ChainSinceLastCheck => last_check(conn)?,
        };
        let chained = if scope == Scope::ChainSinceLastCheck {
            check_chain_from(conn, since.as_ref(), &mut problems, progress)?
        } else {
            let full = scope == Scope::Full;
            check_all(conn, full, since.as_ref(), &mut problems, progress)?
        };
        let mut counts = Vec::with_capacity(HISTORY.len());
        // Counting is a walk of every table (a third of a second on five years): the
        // close's and the backup's check of the chain reports none.
        let counted = if scope == Scope::ChainSinceLastCheck {
            &[][..]
        } else {
            HISTORY
        };
        for t in counted {
            let n = conn.query_row(&format!("SELECT COUNT(*) FROM {}", t.name), [], |r| {
                r.get(0)
            })?;
            counts.push((t.name, n));
        }
        Ok(VerifyReport {
            problems,
            counts,
            chained,
            head: chain_head_on(conn)?,
            since,
        })
    }

    /// The check a close makes: the chain since the last recorded check, which, when clean,
    /// is recorded (and chained) as the point the next check starts from.
    pub fn check_chain_at_close(&mut self, at: NaiveDateTime) -> Result<VerifyReport> {
        let report = self.verify_scoped(Scope::ChainSinceLastCheck, &mut |_, _| {})?;
        if let (true, Some(head)) = (report.is_clean(), &report.head) {
            self.write(|tx| {
                tx.execute(
                    "INSERT INTO chain_checks (upto_seq, upto_hash, at) VALUES (?1, ?2, ?3)",
                    params![head.seq, head.hash, super::columns::stamp_text(at)],
                )?;
                Ok(())
            })?;
        }
        Ok(report)
    }

    /// The last clean check recorded at a close, if any.
    pub fn last_chain_check(&self) -> Result<Option<ChainCheck>> {
        last_check(&self.conn)
    }
}

fn last_check(conn: &Connection) -> Result<Option<ChainCheck>> {
    Ok(conn
        .query_row(
            "SELECT upto_seq, upto_hash, at FROM chain_checks ORDER BY id DESC LIMIT 1",
            [],
            |r| {
                Ok(ChainCheck {
                    head: ChainHead {
                        seq: r.get(0)?,
                        hash: r.get(1)?,
                    },
                    at: r.get(2)?,
                })
            },
        )
        .optional()?)
}

/// The page cache of a whole-file check, in KiB (SQLite's negative `cache_size`): the walk
/// keeps some 30 tables' cursors and the chain's pages at hand, which SQLite's default 2 MiB
/// kept reading again from the OS. Bounded, unlike mapping the file, which counted every
/// page of years of history as the process's own memory.
const WALK_CACHE: i64 = -32 * 1024;
/// SQLite's default, which the kiosk's connection keeps.
const DEFAULT_CACHE: i64 = -2000;

/// The chain on `conn`, while a second connection (when the file has a path) runs SQLite's
/// integrity check: the two take the invariant checks as they come. A cheap PC has two
/// cores, and on five years of history each half takes seconds.
fn check_all(
    conn: &Connection,
    full: bool,
    since: Option<&ChainCheck>,
    problems: &mut Vec<Problem>,
    progress: &mut dyn FnMut(i64, i64),
) -> Result<i64> {
    let path = conn.path().filter(|p| !p.is_empty()).map(PathBuf::from);
    let next = AtomicUsize::new(0);
    conn.pragma_update(None, "cache_size", WALK_CACHE)?;
    let (chained, mut checked, side) = std::thread::scope(|s| {
        let next = &next;
        let side = path.map(|path| s.spawn(move || side_checks(&path, full, next)));
        let mut found = Vec::new();
        if side.is_none() {
            integrity(conn, full, &mut found)?;
        }
        let chained = check_chain_from(conn, since, &mut found, progress)?;
        let checked = take_checks(conn, next)?;
        let side = match side {
            Some(handle) => handle
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))?,
            None => (Vec::new(), Vec::new()),
        };
        Ok::<_, super::error::LedgerError>(((chained, found), checked, side))
    })?;
    conn.pragma_update(None, "cache_size", DEFAULT_CACHE)?;
    // The walk's pages would otherwise stay in the heap for the rest of the kiosk's day.
    super::users::shed_caches(conn);
    let ((chained, found), (integrity_found, side_checked)) = (chained, side);
    problems.extend(integrity_found);
    problems.extend(found);
    checked.extend(side_checked);
    checked.sort_by_key(|(i, _)| *i);
    problems.extend(checked.into_iter().flat_map(|(_, found)| found));
    Ok(chained)
}

/// Each invariant check's problems, by the check's place in `CHECKS`.
type Checked = Vec<(usize, Vec<Problem>)>;

/// The second connection's share: the file's check, then invariant checks.
fn side_checks(path: &Path, full: bool, next: &AtomicUsize) -> Result<(Vec<Problem>, Checked)> {
    let conn = super::open::read_only_connection(path)?;
    conn.pragma_update(None, "cache_size", WALK_CACHE)?;
    let mut found = Vec::new();
    integrity(&conn, full, &mut found)?;
    Ok((found, take_checks(&conn, next)?))
}

/// Runs the invariant checks not yet taken (by `next`), each one's problems by its place.
fn take_checks(conn: &Connection, next: &AtomicUsize) -> Result<Checked> {
    let mut done = Vec::new();
    loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some((_, check)) = CHECKS.get(i) else {
            return Ok(done);
        };
        let mut found = Vec::new();
        check(conn, &mut found)?;
        done.push((i, found));
    }
}

/// SQLite's own checks of the file: its pages (`integrity_check` when `full`, otherwise
/// `quick_check`, which leaves out whether each index matches its table: a damaged page of
/// an index the walk never reads is still found), then its foreign keys.
fn integrity(conn: &Connection, full: bool, problems: &mut Vec<Problem>) -> Result<()> {
    let pragma = if full {
        "integrity_check"
    } else {
        "quick_check"
    };
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}"))?;
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    problems.extend(
        lines
            .into_iter()
            .filter(|l| l != "ok")
            .map(Problem::Integrity),
    );
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let dangling: Vec<(String, Option<i64>, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    problems.extend(dangling.into_iter().map(|(table, id, parent)| {
        let id = id.map_or_else(String::new, |id| id.to_string());
        Problem::Integrity(format!("{table} {id}: names a missing row of {parent}"))
    }));
    Ok(())
}

/// The producers' balances kept by each write (the projection) against history recomputed
/// in ledger order.
fn producer_balances(conn: &Connection, problems: &mut Vec<Problem>) -> Result<()> {
    for (table, id, detail) in super::balances::mismatches(conn)? {
        problems.push(Problem::Invariant {
            check: "producer balance",
            table,
            id,
            detail,
        });
    }
    Ok(())
}

fn chain_head_on(conn: &Connection) -> Result<Option<ChainHead>> {
    Ok(conn
        .query_row(
            "SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1",
            [],
            |r| {
                Ok(ChainHead {
                    seq: r.get(0)?,
                    hash: r.get(1)?,
                })
            },
        )
        .optional()?)
}

/// Recomputes the chain from its first row, then looks for history rows it never saw.
pub(super) fn check_chain(
    conn: &Connection,
    problems: &mut Vec<Problem>,
    progress: &mut dyn FnMut(i64, i64),
) -> Result<i64> {
    check_chain_from(conn, None, problems, progress)
}

/// Recomputes the chain after `since` (from its first row without one), then looks for
/// history rows it never saw. Each row is hashed with the previous hash it recorded, so one
/// broken link is reported once instead of making every later entry look changed.
fn check_chain_from(
    conn: &Connection,
    since: Option<&ChainCheck>,
    problems: &mut Vec<Problem>,
    progress: &mut dyn FnMut(i64, i64),
) -> Result<i64> {
    let from = since.map_or(0, |c| c.head.seq);
    if let Some(check) = since {
        let now = super::head::chain_row(conn, from)?;
        if now.is_none_or(|row| row.hash != check.head.hash) {
            problems.push(Problem::CheckedHeadRewritten { seq: from });
        }
    }
    let all: i64 = conn.query_row("SELECT COUNT(*) FROM chain WHERE seq > ?1", [from], |r| {
        r.get(0)
    })?;
    let mut stmt = conn.prepare(
        "SELECT seq, entry_table, entry_id, actor_id, approver_id, prev_hash, hash
         FROM chain WHERE seq > ?1 ORDER BY seq",
    )?;
    let mut rows = stmt.query([from])?;
    let mut before: Option<String> = since.map(|c| c.head.hash.clone());
    let covered = covered_marks(conn, from)?;
    let mut walk = TableWalk::after(&covered);
    let mut count = 0;
    while let Some(r) = rows.next()? {
        count += 1;
        if count % 8192 == 0 || count == all {
            progress(count, all);
        }
        let seq: i64 = r.get(0)?;
        let table: String = r.get(1)?;
        let id: i64 = r.get(2)?;
        let actor: Option<i64> = r.get(3)?;
        let approver: Option<i64> = r.get(4)?;
        let prev: Option<String> = r.get(5)?;
        let hash: String = r.get(6)?;
        if prev != before {
            problems.push(Problem::ChainBroken { seq });
        }
        before = Some(hash.clone());
        let Some(known) = HISTORY.iter().find(|t| t.name == table) else {
            problems.push(Problem::UnknownTable { seq, table });
            continue;
        };
        let Some(content) = walk.take(conn, known.name, id)? else {
            problems.push(Problem::EntryMissing { seq, table, id });
            continue;
        };
        if chain::text_hash(known.name, &content, actor, approver, prev.as_deref()) != hash {
            problems.push(Problem::EntryChanged { seq, table, id });
        }
    }
    unchained(conn, &covered, problems)?;
    Ok(count)
}

/// The history tables' rows in id order, read a block at a time. The chain names each
/// table's rows in the order they were written, so the chain's walk reads every table
/// once, front to back, instead of looking up millions of rows one by one.
struct TableWalk {
    ahead: Vec<Ahead>,
}

/// One table's rows read ahead of the chain (ids and canonical texts), and the last id read.
struct Ahead {
    table: &'static str,
    queue: VecDeque<(i64, Vec<u8>)>,
    read_to: i64,
}

impl Ahead {
    fn from(table: &'static str, read_to: i64) -> Ahead {
        Ahead {
            table,
            queue: VecDeque::new(),
            read_to,
        }
    }
}

impl TableWalk {
    const BLOCK: i64 = 512;

    /// Every table from just after its `covered` row (in `HISTORY` order).
    fn after(covered: &[i64]) -> TableWalk {
        let ahead = HISTORY
            .iter()
            .zip(covered)
            .map(|(t, &id)| Ahead::from(t.name, id))
            .collect();
        TableWalk { ahead }
    }

    /// Row `id` of `table`, `None` if it is not there. Rows the chain skipped are passed
    /// by (`unchained` reports them); a row asked for out of order is looked up alone.
    fn take(&mut self, conn: &Connection, table: &str, id: i64) -> Result<Option<Vec<u8>>> {
        let Some(Ahead { queue, read_to, .. }) = self.ahead.iter_mut().find(|a| a.table == table)
        else {
            return chain::text_of(conn, table, id);
        };
        loop {
            if queue.is_empty() && *read_to < id {
                queue.extend(chain::texts_after(conn, table, *read_to, Self::BLOCK)?);
                match queue.back() {
                    Some((last, _)) => *read_to = *last,
                    None => *read_to = i64::MAX,
                }
            }
            match queue.front() {
                Some((front, _)) if *front < id => {
                    queue.pop_front();
                }
                Some((front, _)) if *front == id => {
                    return Ok(queue.pop_front().map(|(_, row)| row));
                }
                _ => return chain::text_of(conn, table, id),
            }
        }
    }
}

/// The newest row of each history table (in `HISTORY` order) the chain up to `seq` covers,
/// 0 for none. Read from each table's newest chain rows down, past the few written after
/// `seq`: a `MAX` with the `seq` condition would walk every chain row of the table.
fn covered_marks(conn: &Connection, seq: i64) -> Result<Vec<i64>> {
    if seq == 0 {
        return Ok(vec![0; HISTORY.len()]);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT COALESCE((SELECT entry_id FROM chain
                          WHERE entry_table = ?1 AND seq <= ?2
                          ORDER BY entry_id DESC LIMIT 1), 0)",
    )?;
    HISTORY
        .iter()
        .map(|t| Ok(stmt.query_row(params![t.name, seq], |r| r.get(0))?))
        .collect()
}

/// History rows the chain never saw. After a check only rows newer than the newest it
/// covered are looked at: the older ones were each matched to a chain row then.
fn unchained(conn: &Connection, covered: &[i64], problems: &mut Vec<Problem>) -> Result<()> {
    for (t, &after) in HISTORY.iter().zip(covered) {
        let sql = format!(
            "SELECT id FROM {table} AS t
             WHERE id > ?2
               AND NOT EXISTS (SELECT 1 FROM chain
                               WHERE entry_table = ?1 AND entry_id = t.id)
             ORDER BY id",
            table = t.name
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let ids = stmt.query_map(params![t.name, after], |r| r.get(0))?;
        for id in ids {
            problems.push(Problem::Unchained {
                table: t.name,
                id: id?,
            });
        }
    }
    Ok(())
}

/// Runs `sql`, whose rows are an id and the figures `broken` reads from the next columns,
/// and reports each as a broken `check`.
fn each(
    conn: &Connection,
    problems: &mut Vec<Problem>,
    (check, table): (&'static str, &'static str),
    sql: &str,
    broken: fn(&rusqlite::Row) -> rusqlite::Result<Broken>,
) -> Result<()> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, broken(r)?)))?;
    for row in rows {
        let (id, detail) = row?;
        problems.push(Problem::Invariant {
            check,
            table,
            id,
            detail,
        });
    }
    Ok(())
}

fn line_shares(conn: &Connection, problems: &mut Vec<Problem>) -> Result<()> {
    each(
        conn,
        problems,
        ("line shares", "sale_lines"),
        "SELECT id, producer_share, corner_share, total
         FROM sale_lines WHERE producer_share + corner_share != total
            OR producer_share < 0 OR corner_share < 0
         ORDER BY id",
        |r| {
            Ok(Broken::LineShares {
                producer: r.get(1)?,
                corner: r.get(2)?,
                total: r.get(3)?,
            })
        },
    )
}

/// Line total = round(unit price × quantity), rounded by the domain's one rounding function.
fn line_totals(conn: &Connection, problems: &mut Vec<Problem>) -> Result<()> {
    let mut stmt =
        conn.prepare("SELECT id, unit_price, quantity_milli, total FROM sale_lines ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Rupiah>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, Rupiah>(3)?,
        ))
    })?;
    for row in rows {
        let (id, price, milli, total) = row?;
        let expected = line_total(price, Quantity::from_milli(milli));
        if expected != total {
            problems.push(Problem::Invariant {
                check: "line total",
                table: "sale_lines",
                id,
                detail: Broken::LineTotal {
                    total,
                    price,
                    quantity: Quantity::from_milli(milli),
                    expected,
                },
            });
        }
    }
    Ok(())
}

fn sale_totals(conn: &Connection, problems: &mut Vec<Problem>) -> Result<()> {
    each(
        conn,
        problems,
        ("sale total", "sales"),
        "SELECT s.id, COALESCE(l.sum, 0), s.total
         FROM sales AS s
         LEFT JOIN (SELECT sale_id, SUM(total) AS sum FROM sale_lines GROUP BY sale_id) AS l
                ON l.sale_id = s.id
         WHERE COALESCE(l.sum, 0) != s.total
         ORDER BY s.id",
        |r| {
            Ok(Broken::SaleTotal {
                lines: r.get(1)?,
                sale: r.get(2)?,
            })
        },
    )
}

fn sale_payments(conn: &Connection, problems: &mut Vec<Problem>) -> Result<()> {
    each(
        conn,
        problems,
        ("sale payments", "sales"),
        "SELECT s.id, COALESCE(p.net, 0), s.total
         FROM sales AS s
         LEFT JOIN (SELECT sale_id, SUM(tendered - change) AS net, SUM(amount) AS amount
                    FROM payments GROUP BY sale_id) AS p ON p.sale_id = s.id
         WHERE COALESCE(p.net, 0) != s.total OR COALESCE(p.amount, 0) != s.total
         ORDER BY s.id",
        |r| {
            Ok(Broken::SalePayments {
                paid: r.get(1)?,
                sale: r.get(2)?,
            })
        },
    )
}

/// A closed day accepts nothing more: no entry of a day was chained after its close.
fn closed_days(conn: &Connection, problems: &mut Vec<Problem>) -> Result<()> {
    const WITH_DAY: &[&str] = &[
        "sales",
        "voids",
        "stock_documents",
        "tab_payments",
        "cash_moves",
        "payouts",
        "cash_counts",
        "corrections",
        "sale_returns",
    ];
    for &table in WITH_DAY {
        let sql = format!(
            "SELECT e.id, e.day_id
             FROM {table} AS e
             JOIN chain AS ce ON ce.entry_table = '{table}' AND ce.entry_id = e.id
             JOIN live_closes AS c ON c.day_id = e.day_id
             JOIN chain AS cc ON cc.entry_table = 'day_closes' AND cc.entry_id = c.id
             WHERE ce.seq > cc.seq
             ORDER BY e.id"
        );
        each(conn, problems, ("closed day", table), &sql, |r| {
            Ok(Broken::AfterClose { day: r.get(1)? })
        })?;
    }
    Ok(())
}

fn cash_counts(conn: &Connection, problems: &mut Vec<Problem>) -> Result<()> {
    each(
        conn,
        problems,
        ("cash count", "cash_counts"),
        "SELECT id, counted, expected, variance
         FROM cash_counts WHERE counted - expected != variance ORDER BY id",
        |r| {
            Ok(Broken::CashVariance {
                counted: r.get(1)?,
                expected: r.get(2)?,
                variance: r.get(3)?,
            })
        },
    )?;
    // The expected cash written at the close must still be what the day's history adds up to:
    // a sale, payment or cash move changed behind the ledger's back shows here too. A count
    // whose close was reopened was right for the day as it stood; the day's history has
    // grown since, and its live count is the one to check.
    let counts: Vec<(i64, i64, i64)> = conn
        .prepare("SELECT id, day_id, expected FROM live_cash_counts ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let day_sql = format!(
        "SELECT {} FROM business_days WHERE id = ?1",
        day::DAY_COLUMNS
    );
    for (id, day_id, expected) in counts {
        let day = conn.query_row(&day_sql, [day_id], day::day_from_row)?;
        let now = till::cash_figures(conn, &day)?.expected();
        if now.value() != expected {
            problems.push(Problem::Invariant {
                check: "cash count",
                table: "cash_counts",
                id,
                detail: Broken::CashHistory {
                    expected: Rupiah(expected),
                    now: Rupiah(now.value()),
                },
            });
        }
    }
    Ok(())
}

fn stock_projection(conn: &Connection, problems: &mut Vec<Problem>) -> Result<()> {
    for m in super::stock::mismatches(conn)? {
        problems.push(Problem::Invariant {
            check: "stock",
            table: "products",
            id: m.product_id,
            detail: Broken::Stock {
                code: m.code,
                kept: m.projected,
                moves: m.from_moves,
            },
        });
    }
    Ok(())
}

/// Users are edited in place, so each must read as their latest recorded change.
fn users_match_history(conn: &Connection, problems: &mut Vec<Problem>) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT u.id, u.name, u.role, u.active, u.pin_hash,
                c.name, c.role, c.active, c.pin_digest, c.id IS NOT NULL
         FROM users AS u
         LEFT JOIN user_changes AS c
                ON c.id = (SELECT MAX(id) FROM user_changes WHERE user_id = u.id)
         ORDER BY u.id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let now: (String, String, bool) = (r.get(1)?, r.get(2)?, r.get(3)?);
        let hash: Option<String> = r.get(4)?;
        let recorded: bool = r.get(9)?;
        let detail = if !recorded {
            Some(Broken::UserUnrecorded)
        } else if now != (r.get(5)?, r.get(6)?, r.get(7)?) {
            Some(Broken::UserDiffers)
        } else if users::pin_digest(hash.as_deref()) != r.get::<_, Option<String>>(8)? {
            Some(Broken::UserPin)
        } else {
            None
        };
        if let Some(detail) = detail {
            problems.push(Problem::Invariant {
                check: "users",
                table: "users",
                id,
                detail,
            });
        }
    }
    Ok(())
}

/// An approval on the chain is a manager's.
fn approvers_are_managers(conn: &Connection, problems: &mut Vec<Problem>) -> Result<()> {
    each(
        conn,
        problems,
        ("approvals", "chain"),
        "SELECT c.seq, c.approver_id
         FROM chain AS c LEFT JOIN users AS u ON u.id = c.approver_id
         WHERE c.approver_id IS NOT NULL AND u.role IS NOT 'manager'
         ORDER BY c.seq",
        |r| Ok(Broken::NotManager { user: r.get(1)? }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_short_head_is_twelve_hex_digits_and_the_sequence() {
        let head = ChainHead {
            seq: 1284,
            hash: "3f9a0c1be27d5566778899aabbccddeeff00112233445566778899aabbccddee".into(),
        };
        assert_eq!(head.short(), "3f9a0c1be27d#1284");
    }

    #[test]
    fn a_new_ledger_verifies_clean_with_no_head() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        let report = ledger.verify().unwrap();
        assert!(report.is_clean(), "{:?}", report.problems);
        assert_eq!((report.chained, report.head), (0, None));
    }
}
