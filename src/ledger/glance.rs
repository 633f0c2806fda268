//! The manager's glance read from the ledger: the day by hour beside the same weekday of
//! earlier weeks, the month's best sellers, who is owed most, and what the stock flags.
//! The day's figures are the day report's own and the balances the payout screen's.

use std::collections::HashMap;

use chrono::{Days, NaiveDate, Timelike};
use rusqlite::{Connection, params};

use super::columns::{date_text, get_date};
use super::connection::Ledger;
use super::error::Result;
use crate::domain::glance::{EXPIRY_DAYS, TOP_DAYS, WEEKS};
use crate::domain::{DailySales, Glance, HourBar, Owed, Ranked, Rupiah, StockQuantity};

/// How many rows each ranking shows.
const TOP: usize = 5;

impl Ledger {
    /// The glance at the business day of `date` (empty figures for a day with no sales).
    pub fn glance(&self, date: NaiveDate) -> Result<Glance> {
        let report = self.day_report(date)?;
        let (sales, takings, voids, voided) = report
            .as_ref()
            .map_or((0, Rupiah::ZERO, 0, Rupiah::ZERO), |r| {
                (r.sales.count, r.sales.total, r.voids.count, r.voids.total)
            });
        let (hours, usual_days) = hours(&self.conn, date)?;
        let from = date - Days::new(u64::from(TOP_DAYS) - 1);
        let (top_products, top_producers) = top(&self.conn, from, date)?;
        let levels = self.stock_levels(Some(date))?;
        let soon = date + Days::new(u64::from(EXPIRY_DAYS));
        Ok(Glance {
            date,
            usual_days,
            hours,
            sales,
            takings,
            voids,
            voided,
            top_products,
            top_producers,
            owed: self.most_owed(date)?,
            oversold: levels.iter().filter(|l| l.oversold()).count(),
            below_minimum: levels.iter().filter(|l| l.below_minimum()).count(),
            expiring: levels
                .iter()
                .filter(|l| l.on_hand.is_positive() && l.best_before.is_some_and(|d| d <= soon))
                .count(),
            last_close: last_close(&self.conn, date)?,
        })
    }

    /// Each product's and producer's sales per day over the `TOP_DAYS` days ending on `date`,
    /// for the lists' sparklines: one query for every row, reaching only the range's business
    /// days through the index on their date (and their sales and lines through theirs), so
    /// years of history behind them cost nothing.
    pub fn daily_sales(&self, date: NaiveDate) -> Result<DailySales> {
        let mut sales = DailySales::empty(date);
        let mut stmt = self.conn.prepare_cached(DAILY_SALES)?;
        let rows = stmt.query_map(params![date_text(sales.first()), date_text(date)], |r| {
            Ok((
                get_date(r, 0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                Rupiah(r.get(3)?),
            ))
        })?;
        for row in rows {
            let (day, product, producer, gross) = row?;
            sales.add(day, &product, &producer, gross);
        }
        Ok(sales)
    }

    /// The producers owed most, largest first, with the days since their last payout.
    fn most_owed(&self, date: NaiveDate) -> Result<Vec<Owed>> {
        let mut balances: Vec<_> = self
            .producer_balances()?
            .into_iter()
            .filter(|b| b.balance.is_positive())
            .collect();
        balances.sort_by(|a, b| b.balance.cmp(&a.balance).then(a.code.cmp(&b.code)));
        balances.truncate(TOP);
        let mut last_paid = self.conn.prepare_cached(
            "SELECT MAX(b.date) FROM payouts AS p
             JOIN producers AS r ON r.id = p.producer_id
             JOIN business_days AS b ON b.id = p.day_id
             WHERE r.code = ?1",
        )?;
        balances
            .into_iter()
            .map(|b| {
                let paid: Option<String> = last_paid.query_row([&b.code], |r| r.get(0))?;
                let days = paid
                    .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
                    .map(|d| (date - d).num_days());
                Ok(Owed {
                    code: b.code,
                    name: b.name,
                    balance: b.balance,
                    days_since_payout: days,
                })
            })
            .collect()
    }
}

/// The day's takings by hour, and the average of each hour over the earlier same weekdays
/// (up to `WEEKS` back) that were business days; only hours with sales on either.
fn hours(conn: &Connection, date: NaiveDate) -> Result<(Vec<HourBar>, u32)> {
    let mut by_hour = conn.prepare_cached(
        "SELECT s.at, s.total FROM live_sales AS s
         JOIN business_days AS b ON b.id = s.day_id WHERE b.date = ?1",
    )?;
    let mut read = |day: NaiveDate| -> Result<Option<HashMap<u32, i64>>> {
        let mut hours: HashMap<u32, i64> = HashMap::new();
        let mut any = false;
        let rows = by_hour.query_map([date_text(day)], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?;
        for row in rows {
            let (at, total) = row?;
            any = true;
            let hour = chrono::NaiveDateTime::parse_from_str(&at, "%Y-%m-%d %H:%M:%S")
                .map_or(0, |t| t.hour());
            *hours.entry(hour).or_default() += total;
        }
        Ok(any.then_some(hours))
    };
    let today = read(date)?.unwrap_or_default();
    let mut usual: HashMap<u32, i64> = HashMap::new();
    let mut days = 0;
    for week in 1..=WEEKS {
        let Some(earlier) = date.checked_sub_days(Days::new(7 * u64::from(week))) else {
            break;
        };
        if let Some(hours) = read(earlier)? {
            days += 1;
            for (hour, total) in hours {
                *usual.entry(hour).or_default() += total;
            }
        }
    }
    let mut all: Vec<u32> = today.keys().chain(usual.keys()).copied().collect();
    all.sort_unstable();
    all.dedup();
    let bars = all
        .into_iter()
        .map(|hour| HourBar {
            hour,
            today: Rupiah(today.get(&hour).copied().unwrap_or(0)),
            usual: average(usual.get(&hour).copied().unwrap_or(0), days),
        })
        .collect();
    Ok((bars, days))
}

fn average(total: i64, days: u32) -> Rupiah {
    if days == 0 {
        return Rupiah::ZERO;
    }
    crate::domain::round_rupiah(
        rust_decimal::Decimal::from(total) / rust_decimal::Decimal::from(days),
    )
}

/// Sales on the days from `?1` to `?2` by product and the producer of the line, by gross and
/// quantity: what the day reports add up to, voided sales left out. One pass gives both
/// rankings, since each reads every line of the month.
const SOLD: &str = "
    SELECT p.code, p.name || CASE WHEN p.variant = '' THEN '' ELSE ' ' || p.variant END,
           r.code, r.name, SUM(l.total), SUM(l.quantity_milli)
    FROM business_days AS b
    JOIN live_sales AS s ON s.day_id = b.id
    JOIN sale_lines AS l ON l.sale_id = s.id
    JOIN products AS p ON p.id = l.product_id
    JOIN producers AS r ON r.id = l.producer_id
    WHERE b.date >= ?1 AND b.date <= ?2
    GROUP BY l.product_id, l.producer_id";

/// Gross by business day, product and the producer of the line, as the day report adds it up.
const DAILY_SALES: &str = "
    SELECT b.date, p.code, r.code, SUM(l.total)
    FROM business_days AS b
    JOIN live_sales AS s ON s.day_id = b.id
    JOIN sale_lines AS l ON l.sale_id = s.id
    JOIN products AS p ON p.id = l.product_id
    JOIN producers AS r ON r.id = l.producer_id
    WHERE b.date >= ?1 AND b.date <= ?2
    GROUP BY b.id, l.product_id, l.producer_id";

/// The best-selling products and producers of the days from `from` to `to`, `TOP` of each.
fn top(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<(Vec<Ranked>, Vec<Ranked>)> {
    let mut stmt = conn.prepare_cached(SOLD)?;
    let rows = stmt.query_map(params![date_text(from), date_text(to)], |r| {
        let ranked = |code: String, name: String| Ranked {
            code,
            name,
            gross: Rupiah::ZERO,
            quantity: StockQuantity::ZERO,
        };
        Ok((
            ranked(r.get(0)?, r.get(1)?),
            ranked(r.get(2)?, r.get(3)?),
            Rupiah(r.get(4)?),
            StockQuantity::from_milli(r.get(5)?),
        ))
    })?;
    let (mut products, mut producers) = (HashMap::new(), HashMap::new());
    for row in rows {
        let (product, producer, gross, quantity) = row?;
        for (by, ranked) in [(&mut products, product), (&mut producers, producer)] {
            let entry: &mut Ranked = by.entry(ranked.code.clone()).or_insert(ranked);
            entry.gross += gross;
            entry.quantity += quantity;
        }
    }
    Ok((ranking(products), ranking(producers)))
}

/// The `TOP` largest by gross; equal grosses by code as SQLite orders the codes (NOCASE).
fn ranking(by_code: HashMap<String, Ranked>) -> Vec<Ranked> {
    let mut all: Vec<Ranked> = by_code.into_values().collect();
    all.sort_by(|a, b| {
        b.gross.cmp(&a.gross).then_with(|| {
            a.code
                .to_ascii_lowercase()
                .cmp(&b.code.to_ascii_lowercase())
        })
    });
    all.truncate(TOP);
    all
}

/// The last close on or before `date`: its day and the cash variance counted.
fn last_close(conn: &Connection, date: NaiveDate) -> Result<Option<(NaiveDate, Rupiah)>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .prepare_cached(
            "SELECT b.date, c.variance FROM cash_counts AS c
             JOIN business_days AS b ON b.id = c.day_id
             WHERE b.date <= ?1 ORDER BY b.date DESC, c.id DESC LIMIT 1",
        )?
        .query_row([date_text(date)], |r| {
            Ok((get_date(r, 0)?, Rupiah(r.get(1)?)))
        })
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranked(code: &str, gross: i64) -> (String, Ranked) {
        let ranked = Ranked {
            code: code.into(),
            name: code.into(),
            gross: Rupiah(gross),
            quantity: StockQuantity::ZERO,
        };
        (code.into(), ranked)
    }

    /// Largest gross first, equal grosses by code as SQLite's NOCASE orders them (a lower-case
    /// code among upper-case ones), and no more than `TOP`.
    #[test]
    fn a_ranking_orders_equal_grosses_by_code_whatever_its_case() {
        let all = [
            ranked("B2", 500),
            ranked("a9", 700),
            ranked("C1", 700),
            ranked("b1", 700),
            ranked("Z", 100),
            ranked("D", 900),
            ranked("E", 50),
        ];
        let codes: Vec<String> = ranking(all.into_iter().collect())
            .into_iter()
            .map(|r| r.code)
            .collect();
        assert_eq!(codes, ["D", "a9", "b1", "C1", "B2"]);
    }

    /// The sparklines' query starts from the range of business days by their date's index and
    /// reaches sales and lines by theirs: it never scans a table of history.
    #[test]
    fn daily_sales_reads_only_the_range_through_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        let plan: Vec<String> = ledger
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {DAILY_SALES}"))
            .unwrap()
            .query_map(["2026-11-01", "2026-11-30"], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(!plan.iter().any(|s| s.starts_with("SCAN")), "{plan:#?}");
        assert!(
            plan.iter()
                .any(|s| s.starts_with("SEARCH b USING") && s.contains("date>? AND date<?")),
            "{plan:#?}"
        );
    }
}
