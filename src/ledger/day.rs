//! Business days: opening with a float, the open day's running status, closing, and the
//! manager reopening a day closed today.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::columns::{date_text, get_date, get_stamp, stamp_text, to_second};
use super::connection::Ledger;
use super::error::{LedgerError, Result};
use crate::domain::{BusinessDay, DayStatus, Rupiah, SupersededClose};

pub(super) const DAY_COLUMNS: &str = "id, date, opened_at, attendant, opening_float";

pub(super) fn day_from_row(r: &Row) -> rusqlite::Result<BusinessDay> {
    Ok(BusinessDay {
        id: r.get(0)?,
        date: get_date(r, 1)?,
        opened_at: get_stamp(r, 2)?,
        attendant: r.get(3)?,
        opening_float: r.get(4)?,
    })
}

/// The day entries go to, if one is open. Takes a `Connection` so that writers can ask
/// inside their own transaction.
pub(super) fn open_day_on(conn: &Connection) -> Result<Option<BusinessDay>> {
    let sql = format!("SELECT {DAY_COLUMNS} FROM open_day");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([], day_from_row)
        .optional()?)
}

impl Ledger {
    /// Opens the business day `date` with the cash float in the drawer. Refused while another
    /// day is open (it must be closed first), and for a date that already had its day.
    pub fn open_day(
        &mut self,
        date: NaiveDate,
        attendant: &str,
        float: Rupiah,
        at: NaiveDateTime,
    ) -> Result<BusinessDay> {
        self.write(|tx| {
            if let Some(open) = open_day_on(tx)? {
                return Err(LedgerError::DayAlreadyOpen { date: open.date });
            }
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM business_days WHERE date = ?1)",
                [date_text(date)],
                |r| r.get(0),
            )?;
            if exists {
                return Err(LedgerError::DayExists { date });
            }
            tx.execute(
                "INSERT INTO business_days (date, opened_at, attendant, opening_float)
                 VALUES (?1, ?2, ?3, ?4)",
                params![date_text(date), stamp_text(at), attendant, float],
            )?;
            let day = BusinessDay {
                id: tx.last_insert_rowid(),
                date,
                opened_at: to_second(at),
                attendant: attendant.to_string(),
                opening_float: float,
            };
            Ok(day)
        })
    }

    /// The open day with its count of sales and their takings, voided sales left out.
    pub fn open_day_status(&self) -> Result<Option<DayStatus>> {
        let Some(day) = open_day_on(&self.conn)? else {
            return Ok(None);
        };
        let (sales, takings) = self.conn.query_row(
            "SELECT COUNT(*), COALESCE(SUM(total), 0) FROM live_sales WHERE day_id = ?1",
            [day.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(Some(DayStatus {
            day,
            sales,
            takings,
        }))
    }
}

/// The closes of day `day_id` that were reopened, oldest first, with the head each one's
/// Z report carried.
pub(super) fn superseded_closes(conn: &Connection, day_id: i64) -> Result<Vec<SupersededClose>> {
    let mut stmt = conn.prepare_cached(
        "SELECT x.closed_at, c.seq, c.hash, r.at, r.manager, r.reason
         FROM day_reopenings AS r
         JOIN day_closes AS x ON x.id = r.close_id
         LEFT JOIN chain AS c ON c.entry_table = 'day_closes' AND c.entry_id = x.id
         WHERE r.day_id = ?1 ORDER BY x.id",
    )?;
    let rows = stmt.query_map([day_id], |r| {
        let seq: Option<i64> = r.get(1)?;
        let hash: Option<String> = r.get(2)?;
        Ok(SupersededClose {
            closed_at: get_stamp(r, 0)?,
            head: seq
                .zip(hash)
                .map(|(seq, hash)| super::chain::ChainHead { seq, hash }.short()),
            reopened_at: get_stamp(r, 3)?,
            manager: r.get(4)?,
            reason: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Ledger {
    /// Takes back the close of the newest business day, when it was closed on `at`'s date
    /// and no day is open: the close stays in history, superseded by the reopening (the
    /// manager's, with `reason`), and the day takes entries again until it is closed anew.
    /// Needs a manager: signed in, or approving.
    pub fn reopen_day(&mut self, reason: &str, at: NaiveDateTime) -> Result<BusinessDay> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(LedgerError::EmptyReason);
        }
        let manager = self
            .approval
            .as_ref()
            .or(self.actor.as_ref())
            .filter(|u| u.is_manager())
            .map(|u| u.name.clone())
            .ok_or(LedgerError::NeedsApproval("day_reopenings"))?;
        self.write(|tx| {
            if open_day_on(tx)?.is_some() {
                return Err(LedgerError::NotReopenable);
            }
            // The newest day, with its live close (none: it is open, or was never closed).
            let newest = tx
                .query_row(
                    "SELECT x.id, x.closed_at, d.id, d.date, d.opened_at, d.attendant,
                            d.opening_float
                     FROM business_days AS d
                     JOIN live_closes AS x ON x.day_id = d.id
                     WHERE d.id = (SELECT id FROM business_days ORDER BY date DESC LIMIT 1)",
                    [],
                    |r| {
                        let day = BusinessDay {
                            id: r.get(2)?,
                            date: get_date(r, 3)?,
                            opened_at: get_stamp(r, 4)?,
                            attendant: r.get(5)?,
                            opening_float: r.get(6)?,
                        };
                        Ok((r.get::<_, i64>(0)?, get_stamp(r, 1)?, day))
                    },
                )
                .optional()?;
            let (close_id, closed_at, day) = newest.ok_or(LedgerError::NotReopenable)?;
            if closed_at.date() != at.date() {
                return Err(LedgerError::NotReopenable);
            }
            tx.execute(
                "INSERT INTO day_reopenings (close_id, day_id, at, manager, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![close_id, day.id, stamp_text(at), manager, reason],
            )?;
            Ok(day)
        })
    }
}
