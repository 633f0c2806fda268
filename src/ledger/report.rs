//! The day report: a business day's takings, voids, payments and per-producer shares, and
//! its close figures (expected and counted cash, cash moves, tabs, payouts, corrections).

use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::columns::date_text;
use super::connection::Ledger;
use super::day::{DAY_COLUMNS, day_from_row};
use super::error::Result;
use super::till::close_figures;
use crate::domain::{
    CountTotal, DayReport, PaymentMethod, PaymentTotals, ProducerDayLine, Quantity, Rupiah,
    VoidLine,
};

impl Ledger {
    fn has_table(&self, name: &str) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)",
            [name],
            |r| r.get(0),
        )?)
    }

    /// The report for the business day of `date` (open or closed), or `None` if that date had
    /// no business day. Voided sales count only under `voids`.
    pub fn day_report(&self, date: NaiveDate) -> Result<Option<DayReport>> {
        let Some(mut report) = self.day_figures(date)? else {
            return Ok(None);
        };
        report.chain_head = self.chain_head_of_day(date)?.map(|h| h.short());
        report.void_list = void_list(&self.conn, date)?;
        Ok(Some(report))
    }

    /// The day's figures without the chain head: what a file from before the chain can
    /// tell, so a migration can be checked against it.
    pub(super) fn day_figures(&self, date: NaiveDate) -> Result<Option<DayReport>> {
        let day = self
            .conn
            .query_row(
                &format!("SELECT {DAY_COLUMNS} FROM business_days WHERE date = ?1"),
                [date_text(date)],
                day_from_row,
            )
            .optional()?;
        let Some(day) = day else {
            return Ok(None);
        };

        let (sales, voids) = self.conn.query_row(
            "SELECT COUNT(*) FILTER (WHERE v.id IS NULL),
                    COALESCE(SUM(s.total) FILTER (WHERE v.id IS NULL), 0),
                    COUNT(v.id),
                    COALESCE(SUM(s.total) FILTER (WHERE v.id IS NOT NULL), 0)
             FROM sales AS s LEFT JOIN voids AS v ON v.sale_id = s.id
             WHERE s.day_id = ?1",
            [day.id],
            |r| {
                Ok((
                    CountTotal {
                        count: r.get(0)?,
                        total: r.get(1)?,
                    },
                    CountTotal {
                        count: r.get(2)?,
                        total: r.get(3)?,
                    },
                ))
            },
        )?;

        let mut payments = PaymentTotals::default();
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.method, SUM(p.tendered - p.change)
             FROM payments AS p JOIN live_sales AS s ON s.id = p.sale_id
             WHERE s.day_id = ?1
             GROUP BY p.method",
        )?;
        let rows = stmt.query_map([day.id], |r| {
            Ok((r.get::<_, PaymentMethod>(0)?, r.get::<_, Rupiah>(1)?))
        })?;
        for row in rows {
            let (method, net) = row?;
            *payments.of_mut(method) = net;
        }

        // Producers with live sales or losses the corner bore that day. A file from before
        // losses were kept (read before its migration) has none.
        let losses = if self.has_table("stock_losses")? {
            "SELECT x.producer_id, p.code, p.name, 0, 0, 0, 0, x.amount
             FROM stock_losses AS x JOIN producers AS p ON p.id = x.producer_id
             WHERE x.day_id = ?1"
        } else {
            "SELECT 0, '', '', 0, 0, 0, 0, 0 WHERE 0"
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT code, name, SUM(quantity), SUM(total), SUM(producer_share),
                    SUM(corner_share), SUM(lost)
             FROM (
                 SELECT l.producer_id AS id, l.producer_code AS code, l.producer_name AS name,
                        l.quantity_milli AS quantity, l.total, l.producer_share,
                        l.corner_share, 0 AS lost
                 FROM sale_lines AS l JOIN live_sales AS s ON s.id = l.sale_id
                 WHERE s.day_id = ?1
                 UNION ALL
                 {losses}
             )
             GROUP BY id, code, name
             ORDER BY code, name"
        ))?;
        let producers = stmt
            .query_map([day.id], |r| {
                Ok(ProducerDayLine {
                    code: r.get(0)?,
                    name: r.get(1)?,
                    quantity: Quantity::from_milli(r.get(2)?),
                    gross: r.get(3)?,
                    producer_share: r.get(4)?,
                    corner_share: r.get(5)?,
                    losses: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;

        let close = close_figures(&self.conn, &day, &payments)?;
        Ok(Some(DayReport {
            date: day.date,
            sales,
            voids,
            payments,
            producers,
            closed: close.closed,
            expected_cash: close.cash.expected(),
            cash: close.cash,
            count: close.count,
            cash_moves: close.cash_moves,
            tab_payments: close.tab_payments,
            payouts: close.payouts,
            corrections: close.corrections,
            returns: super::returns::returns_where(&self.conn, "t.day_id = ?1", day.id)?,
            to_check: close.to_check,
            chain_head: None,
            // Who approved a void is in the chain, which a file from before it lacks.
            void_list: Vec::new(),
            superseded: super::day::superseded_closes(&self.conn, day.id)?,
        }))
    }
}

/// The day's voided sales with their reason, who voided each and who approved it (the
/// approver is the one the void's chain entry names).
fn void_list(conn: &rusqlite::Connection, date: NaiveDate) -> Result<Vec<VoidLine>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.number, s.total, v.reason, v.attendant, p.name
         FROM voids AS v
         JOIN sales AS s ON s.id = v.sale_id
         LEFT JOIN chain AS c ON c.entry_table = 'voids' AND c.entry_id = v.id
         LEFT JOIN users AS p ON p.id = c.approver_id
         WHERE s.day_id = (SELECT id FROM business_days WHERE date = ?1)
         ORDER BY v.id",
    )?;
    let rows = stmt.query_map([date_text(date)], |r| {
        Ok(VoidLine {
            sale_number: r.get(0)?,
            amount: r.get(1)?,
            reason: r.get(2)?,
            attendant: r.get(3)?,
            approver: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
