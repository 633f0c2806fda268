//! What the corner owes each producer, kept as a projection of history: every entry that
//! moves a producer's money (a sale line, a void, a correction, a payout) updates it in its
//! own transaction (triggers of schema V6, so no writer can forget it), and a balance, a
//! slip or a statement reads a few rows whatever the ledger's age. Balances follow the
//! ledger's own order of entries (the chain), never a clock.
//!
//! `producer_days` holds what was owed at the end of each business day a producer's money
//! moved; `payout_balances` what was owed just before each payout. `verify` recomputes both
//! from history (the `producer_money` view) and reports any difference.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::columns::date_text;
use super::error::{LedgerError, Result};
use crate::domain::{Broken, Rupiah};

/// Fills the projection from history (at migration): each producer's closing per day, and
/// before each payout everything chained before it.
pub(super) fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute_batch("DELETE FROM producer_days; DELETE FROM payout_balances;")?;
    conn.execute(
        &format!(
            "INSERT INTO producer_days (producer_id, date, closing)
             {RECOMPUTED} SELECT producer_id, date, closing FROM recomputed_days"
        ),
        [],
    )?;
    conn.execute(
        &format!(
            "INSERT INTO payout_balances (payout_id, before)
             {RECOMPUTED} SELECT payout_id, before FROM recomputed_payouts"
        ),
        [],
    )?;
    Ok(())
}

/// What history says the projection should hold, as common table expressions put in front
/// of the query that needs them: nothing is created, so a connection that may only read
/// (`verify` on a read-only ledger or a backup) can use them too.
const RECOMPUTED: &str = "
WITH recomputed_days AS (
    SELECT producer_id, date,
           SUM(SUM(amount)) OVER (PARTITION BY producer_id ORDER BY date) AS closing
    FROM producer_money
    GROUP BY producer_id, date
),
recomputed_payouts AS (
    SELECT payout_id, before FROM (
        SELECT payout_id,
               COALESCE(SUM(amount) OVER (PARTITION BY producer_id ORDER BY seq
                                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
                        0) AS before
        FROM producer_money
    )
    WHERE payout_id IS NOT NULL
)
";

/// What the corner owes `producer` now.
pub(super) fn owed_now(conn: &Connection, producer: i64) -> Result<Rupiah> {
    Ok(conn
        .prepare_cached(
            "SELECT closing FROM producer_days WHERE producer_id = ?1
             ORDER BY date DESC LIMIT 1",
        )?
        .query_row([producer], |r| r.get(0))
        .optional()?
        .unwrap_or(Rupiah::ZERO))
}

/// What the corner owed each producer (or only `producer`) at the end of the business days
/// before `date` (all of them with `None`). Producers owed nothing may be absent.
pub(super) fn owed_before(
    conn: &Connection,
    producer: Option<i64>,
    date: Option<NaiveDate>,
) -> Result<HashMap<i64, Rupiah>> {
    let date = date.map_or_else(|| "9999-12-31".to_string(), date_text);
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, (SELECT d.closing FROM producer_days AS d
                       WHERE d.producer_id = p.id AND d.date < ?1
                       ORDER BY d.date DESC LIMIT 1)
         FROM producers AS p WHERE ?2 IS NULL OR p.id = ?2",
    )?;
    let rows = stmt.query_map(params![date, producer], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, Option<Rupiah>>(1)?))
    })?;
    let mut owed = HashMap::new();
    for row in rows {
        if let (id, Some(balance)) = row? {
            owed.insert(id, balance);
        }
    }
    Ok(owed)
}

/// What was owed to the payout's producer just before it, in ledger order.
pub(super) fn before_payout(conn: &Connection, payout_id: i64) -> Result<Rupiah> {
    conn.prepare_cached("SELECT before FROM payout_balances WHERE payout_id = ?1")?
        .query_row([payout_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| LedgerError::Corrupt(format!("payout {payout_id} has no balance kept")))
}

/// Where the projection and history disagree: (table, id, what differs). The id is the
/// producer's for a day's balance, the payout's for a balance before a payout.
pub(super) fn mismatches(conn: &Connection) -> Result<Vec<(&'static str, i64, Broken)>> {
    let mut found = Vec::new();
    let mut days = conn.prepare(&format!(
        "{RECOMPUTED} SELECT producer_id, date, SUM(kept), SUM(history) FROM (
             SELECT producer_id, date, closing AS kept, 0 AS history FROM producer_days
             UNION ALL
             SELECT producer_id, date, 0, closing FROM recomputed_days
         )
         GROUP BY producer_id, date
         HAVING SUM(kept) != SUM(history) OR COUNT(*) != 2"
    ))?;
    let rows = days.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Rupiah>(2)?,
            r.get::<_, Rupiah>(3)?,
        ))
    })?;
    for row in rows {
        let (producer, date, kept, history) = row?;
        found.push((
            "producer_days",
            producer,
            Broken::DayBalance {
                date,
                kept,
                history,
            },
        ));
    }
    let mut payouts = conn.prepare(&format!(
        "{RECOMPUTED} SELECT p.id, b.before, r.before FROM payouts AS p
         LEFT JOIN payout_balances AS b ON b.payout_id = p.id
         LEFT JOIN recomputed_payouts AS r ON r.payout_id = p.id
         WHERE b.before IS NOT r.before"
    ))?;
    let rows = payouts.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<Rupiah>>(1)?,
            r.get::<_, Option<Rupiah>>(2)?,
        ))
    })?;
    for row in rows {
        let (id, kept, history) = row?;
        found.push(("payouts", id, Broken::PayoutBalance { kept, history }));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Ledger;

    /// Each producer's closing per day, and the balance before each payout.
    type Kept = (Vec<(i64, String, i64)>, Vec<(i64, i64)>);

    fn kept(ledger: &Ledger) -> Kept {
        let conn = &ledger.conn;
        let days = conn
            .prepare("SELECT producer_id, date, closing FROM producer_days ORDER BY 1, 2")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let payouts = conn
            .prepare("SELECT payout_id, before FROM payout_balances ORDER BY 1")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        (days, payouts)
    }

    /// What a migrated file gets from its history is what the triggers kept entry by entry.
    #[test]
    fn rebuilding_from_history_gives_what_the_entries_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        crate::demo_years::generate(&mut ledger, 8, today, |_, _| {}).unwrap();
        let by_entries = kept(&ledger);
        assert!(by_entries.0.len() > 100 && by_entries.1.len() > 20);
        rebuild(&ledger.conn).unwrap();
        assert_eq!(kept(&ledger), by_entries);
        assert!(mismatches(&ledger.conn).unwrap().is_empty());
    }
}
