//! The monthly recap read from the ledger: the period's sale lines and payouts per producer,
//! counted as the day reports count them (live sales of the period's business days), and
//! each producer's balance at its end from the settlement's own balance.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::balances::owed_before;
use super::columns::date_text;
use super::connection::Ledger;
use super::error::Result;
use crate::domain::{MonthRecap, ProducerMonth, Rupiah, StockQuantity, Unit};

impl Ledger {
    /// The recap of the business days from `from` to `to` (inclusive).
    pub fn month_recap(&self, from: NaiveDate, to: NaiveDate) -> Result<MonthRecap> {
        let range = params![date_text(from), date_text(to)];
        let mut producers: BTreeMap<i64, ProducerMonth> = BTreeMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT p.id, p.code, p.name FROM producers AS p ORDER BY p.code")?;
        let all: Vec<(i64, String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;

        self.recap_sales(from, to, &all, &mut producers)?;
        self.recap_money(from, to, &all, &mut producers)?;

        // Owed when the period began, and when its last day is over (everything of the
        // days before the next), from the producers' balance projection.
        let after = to.succ_opt().unwrap_or(to);
        for (id, balance) in owed_before(&self.conn, None, Some(after))? {
            if balance != Rupiah::ZERO
                && let Some(p) = entry(&mut producers, &all, id)
            {
                p.balance_end = balance;
            }
        }
        for (id, balance) in owed_before(&self.conn, None, Some(from))? {
            if let Some(p) = producers.get_mut(&id) {
                p.balance_start = balance;
            }
        }

        let daily: Vec<(NaiveDate, Rupiah)> = self
            .conn
            .prepare_cached(
                "SELECT b.date, (SELECT COALESCE(SUM(s.total), 0) FROM live_sales AS s
                                 WHERE s.day_id = b.id)
                 FROM business_days AS b WHERE b.date BETWEEN ?1 AND ?2 ORDER BY b.date",
            )?
            .query_map(range, |r| {
                Ok((super::columns::get_date(r, 0)?, Rupiah(r.get(1)?)))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let chain_head = match daily.last() {
            Some((last, _)) => self.chain_head_of_day(*last)?.map(|h| h.short()),
            None => None,
        };
        let mut producers: Vec<ProducerMonth> = producers.into_values().collect();
        producers.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(MonthRecap {
            from,
            to,
            business_days: daily.len() as i64,
            producers,
            chain_head,
            daily,
        })
    }

    /// Each producer's sale lines in the period: lines, money and quantities sold.
    fn recap_sales(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        all: &[(i64, String, String)],
        producers: &mut BTreeMap<i64, ProducerMonth>,
    ) -> Result<()> {
        let range = params![date_text(from), date_text(to)];
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.producer_id, COUNT(*), SUM(l.total), SUM(l.producer_share),
                    SUM(l.corner_share), COUNT(DISTINCT s.day_id)
             FROM business_days AS b
             CROSS JOIN live_sales AS s ON s.day_id = b.id
             CROSS JOIN sale_lines AS l ON l.sale_id = s.id
             WHERE b.date BETWEEN ?1 AND ?2
             GROUP BY l.producer_id",
        )?;
        let rows = stmt.query_map(range, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Rupiah>(2)?,
                r.get::<_, Rupiah>(3)?,
                r.get::<_, Rupiah>(4)?,
                r.get::<_, i64>(5)?,
            ))
        })?;
        for row in rows {
            let (id, lines, gross, producer_share, corner_share, days) = row?;
            if let Some(p) = entry(producers, all, id) {
                p.lines = lines;
                p.gross = gross;
                p.producer_share = producer_share;
                p.corner_share = corner_share;
                p.days_with_sales = days;
            }
        }

        let mut stmt = self.conn.prepare_cached(
            "SELECT l.producer_id, l.unit, SUM(l.quantity_milli)
             FROM business_days AS b
             CROSS JOIN live_sales AS s ON s.day_id = b.id
             CROSS JOIN sale_lines AS l ON l.sale_id = s.id
             WHERE b.date BETWEEN ?1 AND ?2
             GROUP BY l.producer_id, l.unit",
        )?;
        let rows = stmt.query_map(range, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Unit>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (id, unit, milli) = row?;
            if let Some(p) = entry(producers, all, id) {
                p.sold.push((unit, StockQuantity::from_milli(milli)));
                p.sold.sort_by_key(|(u, _)| u.code());
            }
        }
        Ok(())
    }

    /// What each producer was paid out in the period, what corrections and returned parts
    /// of sales took back, and what the corner owes them for goods it lost or broke.
    fn recap_money(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        all: &[(i64, String, String)],
        producers: &mut BTreeMap<i64, ProducerMonth>,
    ) -> Result<()> {
        let range = params![date_text(from), date_text(to)];
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.producer_id, SUM(p.amount)
             FROM business_days AS b CROSS JOIN payouts AS p ON p.day_id = b.id
             WHERE b.date BETWEEN ?1 AND ?2
             GROUP BY p.producer_id",
        )?;
        let rows = stmt.query_map(range, |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Rupiah>(1)?)))?;
        for row in rows {
            let (id, amount) = row?;
            if let Some(p) = entry(producers, all, id) {
                p.paid_out = amount;
            }
        }

        let mut stmt = self.conn.prepare_cached(
            "SELECT producer_id, SUM(share) FROM (
                 SELECT l.producer_id, l.producer_share AS share
                 FROM business_days AS b
                 CROSS JOIN corrections AS c ON c.day_id = b.id
                 CROSS JOIN sale_lines AS l ON l.sale_id = c.sale_id
                 WHERE b.date BETWEEN ?1 AND ?2
                 UNION ALL
                 SELECT l.producer_id, r.producer_share
                 FROM business_days AS b
                 CROSS JOIN sale_returns AS t ON t.day_id = b.id
                 CROSS JOIN sale_return_lines AS r ON r.return_id = t.id
                 JOIN sale_lines AS l ON l.id = r.sale_line_id
                 WHERE b.date BETWEEN ?1 AND ?2
             )
             GROUP BY producer_id",
        )?;
        let rows = stmt.query_map(range, |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Rupiah>(1)?)))?;
        for row in rows {
            let (id, amount) = row?;
            if let Some(p) = entry(producers, all, id) {
                p.corrected = amount;
            }
        }

        let mut stmt = self.conn.prepare_cached(
            "SELECT x.producer_id, SUM(x.amount)
             FROM business_days AS b CROSS JOIN stock_losses AS x ON x.day_id = b.id
             WHERE b.date BETWEEN ?1 AND ?2
             GROUP BY x.producer_id",
        )?;
        let rows = stmt.query_map(range, |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Rupiah>(1)?)))?;
        for row in rows {
            let (id, amount) = row?;
            if let Some(p) = entry(producers, all, id) {
                p.losses = amount;
            }
        }
        Ok(())
    }
}

/// The producer's recap row, started empty the first time it is needed.
fn entry<'a>(
    producers: &'a mut BTreeMap<i64, ProducerMonth>,
    all: &[(i64, String, String)],
    id: i64,
) -> Option<&'a mut ProducerMonth> {
    match producers.entry(id) {
        std::collections::btree_map::Entry::Occupied(e) => Some(e.into_mut()),
        std::collections::btree_map::Entry::Vacant(e) => {
            let (_, code, name) = all.iter().find(|(p, _, _)| *p == id)?;
            Some(e.insert(empty(code, name)))
        }
    }
}

fn empty(code: &str, name: &str) -> ProducerMonth {
    ProducerMonth {
        code: code.to_string(),
        name: name.to_string(),
        days_with_sales: 0,
        lines: 0,
        sold: Vec::new(),
        gross: Rupiah::ZERO,
        producer_share: Rupiah::ZERO,
        corner_share: Rupiah::ZERO,
        corrected: Rupiah::ZERO,
        losses: Rupiah::ZERO,
        paid_out: Rupiah::ZERO,
        balance_start: Rupiah::ZERO,
        balance_end: Rupiah::ZERO,
    }
}
