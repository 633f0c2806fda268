//! Business days: opening with a float, the open day's running status, and closing.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Ledger, LedgerError, Result, date_text, get_date, get_stamp, stamp_text, to_second};
use crate::domain::{BusinessDay, DayStatus, Rupiah};

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
