//! The expiry list: deliveries still on the shelf (first in, first out) whose best-before
//! date is within the shop's horizon or past, and the till's question whether the oldest
//! delivery of a product is past its date.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, params};

use super::columns::{get_date, get_opt_date};
use super::connection::Ledger;
use super::error::Result;
use super::settings::put;
use crate::domain::expiry::{horizon, on_shelf};
use crate::domain::{DEFAULT_EXPIRY_DAYS, ExpiryLine, ExpiryList, MAX_EXPIRY_DAYS, StockQuantity};

const EXPIRY_DAYS: &str = "stock.expiry_days";

/// One intake of a product: its slip number, the day it came, its best-before date.
type Delivery = (i64, NaiveDate, Option<NaiveDate>);

/// The deliveries of `product_id` still on the shelf, oldest first, with what is left of
/// each. Intakes are read newest first and only as far as they cover what is on hand.
fn shelf_of(
    conn: &Connection,
    product_id: i64,
    on_hand: StockQuantity,
) -> Result<Vec<(Delivery, StockQuantity)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.number, COALESCE(b.date, substr(d.at, 1, 10)), m.best_before, m.quantity_milli
         FROM stock_moves AS m
         JOIN stock_documents AS d ON d.id = m.document_id
         LEFT JOIN business_days AS b ON b.id = d.day_id
         WHERE m.product_id = ?1 AND m.kind = 'intake'
         ORDER BY m.id DESC",
    )?;
    let rows = stmt.query_map([product_id], |r| {
        Ok((
            (r.get(0)?, get_date(r, 1)?, get_opt_date(r, 2)?),
            StockQuantity::from_milli(r.get(3)?),
        ))
    })?;
    let mut failed = None;
    let read = rows.map_while(|row| row.map_err(|e| failed = Some(e)).ok());
    let shelf = on_shelf(on_hand, read);
    match failed {
        Some(e) => Err(e.into()),
        None => Ok(shelf),
    }
}

impl Ledger {
    /// How many days ahead the expiry list looks (today counts as day 0).
    pub fn expiry_days(&self) -> Result<u32> {
        Ok(self
            .setting(EXPIRY_DAYS)?
            .and_then(|v| v.trim().parse::<u32>().ok())
            .map_or(DEFAULT_EXPIRY_DAYS, |d| d.min(MAX_EXPIRY_DAYS)))
    }

    /// Sets the expiry list's horizon, at most `MAX_EXPIRY_DAYS`; a change is history like
    /// the shop's other settings.
    pub fn set_expiry_days(&mut self, days: u32, at: NaiveDateTime) -> Result<()> {
        let days = days.min(MAX_EXPIRY_DAYS).to_string();
        self.write(|tx| put(tx, EXPIRY_DAYS, &days, Some(at)))
    }

    /// Goods on the shelf whose delivery's best-before date is past or within the shop's
    /// horizon from `today`: by producer, then delivery (oldest first), then best-before.
    pub fn expiring_goods(&self, today: NaiveDate) -> Result<ExpiryList> {
        let days = self.expiry_days()?;
        let last_day = horizon(today, days);
        let products: Vec<(i64, ExpiryLine, StockQuantity)> = self
            .conn
            .prepare_cached(
                "SELECT p.id, pr.code, pr.name, p.code, p.name, p.variant, p.unit, s.on_hand_milli
                 FROM products AS p
                 JOIN producers AS pr ON pr.id = p.producer_id
                 JOIN stock AS s ON s.product_id = p.id
                 WHERE s.on_hand_milli > 0
                 ORDER BY pr.code, p.code",
            )?
            .query_map([], |r| {
                let line = ExpiryLine {
                    producer_code: r.get(1)?,
                    producer_name: r.get(2)?,
                    code: r.get(3)?,
                    name: r.get(4)?,
                    variant: r.get(5)?,
                    unit: r.get(6)?,
                    delivery_number: 0,
                    delivered: today,
                    best_before: today,
                    left: StockQuantity::ZERO,
                };
                Ok((r.get(0)?, line, StockQuantity::from_milli(r.get(7)?)))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut list = Vec::new();
        for (product_id, product, on_hand) in products {
            for ((number, delivered, best_before), left) in
                shelf_of(&self.conn, product_id, on_hand)?
            {
                let Some(best_before) = best_before.filter(|d| *d <= last_day) else {
                    continue;
                };
                list.push(ExpiryLine {
                    delivery_number: number,
                    delivered,
                    best_before,
                    left,
                    ..product.clone()
                });
            }
        }
        // First in, first out by delivery; within one, what expires first.
        list.sort_by(|a, b| {
            (&a.producer_code, a.delivery_number, a.best_before, &a.code).cmp(&(
                &b.producer_code,
                b.delivery_number,
                b.best_before,
                &b.code,
            ))
        });
        Ok(ExpiryList { days, lines: list })
    }

    /// The best-before date of the oldest delivery of `code` still on the shelf, if that
    /// date is before `today`: the till warns when such goods are sold.
    pub fn oldest_past_its_date(&self, code: &str, today: NaiveDate) -> Result<Option<NaiveDate>> {
        let found: Option<(i64, i64)> = rusqlite::OptionalExtension::optional(
            self.conn
                .prepare_cached(
                    "SELECT p.id, COALESCE(s.on_hand_milli, 0) FROM products AS p
                     LEFT JOIN stock AS s ON s.product_id = p.id
                     WHERE p.code = ?1",
                )?
                .query_row(params![code], |r| Ok((r.get(0)?, r.get(1)?))),
        )?;
        let Some((product_id, on_hand)) = found else {
            return Ok(None);
        };
        let shelf = shelf_of(&self.conn, product_id, StockQuantity::from_milli(on_hand))?;
        Ok(shelf
            .first()
            .and_then(|((_, _, best_before), _)| *best_before)
            .filter(|d| *d < today))
    }
}
