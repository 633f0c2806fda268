//! Producers' money: payouts against their balance, each day's settlement (final for a
//! closed day, a preview for the open one) and a statement over a range of days.
//!
//! A stock move belongs to the day of its entry: a document's day (or its calendar date when
//! no day was open), a sale's day for its sale and same-day void moves, and the correcting
//! day for the goods a correction or a returned part brings back. Stock at a day's opening is what is on hand
//! now less every move of that day and after, so settling a recent day reads little history.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate, NaiveDateTime};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension, ToSql, params};

use super::balances;
use super::catalogue::find_producer;
use super::columns::{date_text, get_date, get_stamp, stamp_text, to_second};
use super::connection::Ledger;
use super::day::open_day_on;
use super::error::{LedgerError, Result};
use super::head;
use crate::domain::{
    CorrectionLine, LineAmounts, MoveKind, Payout, PayoutMethod, ProducerBalance,
    ProducerSettlement, ProductOpening, Quantity, Rupiah, SettlementBuilder, SettlementHeader,
    Statement, StockQuantity, Unit,
};

impl ToSql for PayoutMethod {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.code()))
    }
}

impl FromSql for PayoutMethod {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<PayoutMethod> {
        let text = value.as_str()?;
        text.parse()
            .map_err(|()| FromSqlError::Other(format!("unknown payout method {text:?}").into()))
    }
}

/// Every stock move of the business days from `date` on (before `until`, if given), summed
/// per product (only `producer`'s products, when given). The joins start from the days
/// (CROSS JOIN fixes SQLite's order), so settling a recent day reads only its own and later
/// moves, never the year behind it.
fn moves_since(
    conn: &Connection,
    date: NaiveDate,
    until: Option<NaiveDate>,
    producer: Option<i64>,
) -> Result<HashMap<i64, StockQuantity>> {
    let mut stmt = conn.prepare_cached(
        "SELECT product_id, SUM(quantity_milli) FROM (
             SELECT l.product_id, -l.quantity_milli AS quantity_milli
             FROM business_days AS b
             CROSS JOIN sales AS s ON s.day_id = b.id
             CROSS JOIN sale_lines AS l ON l.sale_id = s.id
             WHERE b.date >= ?1 AND b.date < ?2
             UNION ALL
             SELECT m.product_id, m.quantity_milli
             FROM business_days AS b
             CROSS JOIN sales AS s ON s.day_id = b.id
             CROSS JOIN stock_moves AS m ON m.sale_id = s.id
             WHERE b.date >= ?1 AND b.date < ?2 AND m.kind = 'void'
               AND NOT EXISTS (SELECT 1 FROM corrections AS c WHERE c.sale_id = s.id)
               AND NOT EXISTS (SELECT 1 FROM sale_returns AS t WHERE t.sale_id = s.id)
             UNION ALL
             SELECT l.product_id, r.quantity_milli
             FROM business_days AS b
             CROSS JOIN sale_returns AS t ON t.day_id = b.id
             CROSS JOIN sale_return_lines AS r ON r.return_id = t.id
             JOIN sale_lines AS l ON l.id = r.sale_line_id
             WHERE b.date >= ?1 AND b.date < ?2
             UNION ALL
             SELECT m.product_id, m.quantity_milli
             FROM corrections AS c
             CROSS JOIN business_days AS b ON b.id = c.day_id
             CROSS JOIN stock_moves AS m ON m.sale_id = c.sale_id AND m.kind = 'void'
             WHERE b.date >= ?1 AND b.date < ?2
             UNION ALL
             SELECT m.product_id, m.quantity_milli
             FROM business_days AS b
             CROSS JOIN stock_documents AS d ON d.day_id = b.id
             CROSS JOIN stock_moves AS m ON m.document_id = d.id
             WHERE b.date >= ?1 AND b.date < ?2
             UNION ALL
             SELECT m.product_id, m.quantity_milli
             FROM stock_documents AS d
             JOIN stock_moves AS m ON m.document_id = d.id
             WHERE d.day_id IS NULL AND d.at >= ?1 AND d.at < ?2
         )
         WHERE ?3 IS NULL OR product_id IN (SELECT id FROM products WHERE producer_id = ?3)
         GROUP BY product_id",
    )?;
    let until = until.map_or_else(|| "9999-12-31".to_string(), date_text);
    let rows = stmt.query_map(params![date_text(date), until, producer], |r| {
        Ok((r.get::<_, i64>(0)?, StockQuantity::from_milli(r.get(1)?)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const PAYOUT_COLUMNS: &str = "p.id, p.number, b.date, pr.code, pr.name, p.method, p.amount,
    p.at, p.attendant, p.note, p.producer_id";

fn payout_from_row(r: &rusqlite::Row) -> rusqlite::Result<(Payout, i64)> {
    Ok((
        Payout {
            chain_head: None,
            id: r.get(0)?,
            number: r.get(1)?,
            date: get_date(r, 2)?,
            producer_code: r.get(3)?,
            producer_name: r.get(4)?,
            method: r.get(5)?,
            amount: r.get(6)?,
            at: get_stamp(r, 7)?,
            attendant: r.get(8)?,
            note: r.get(9)?,
            balance_before: Rupiah::ZERO,
        },
        r.get(10)?,
    ))
}

/// The payout with `id` as recorded, with what was owed just before it.
fn load_payout(conn: &Connection, id: i64) -> Result<Payout> {
    let (mut payout, _) = conn
        .prepare_cached(&format!(
            "SELECT {PAYOUT_COLUMNS} FROM payouts AS p
             JOIN business_days AS b ON b.id = p.day_id
             JOIN producers AS pr ON pr.id = p.producer_id
             WHERE p.id = ?1"
        ))?
        .query_row([id], payout_from_row)?;
    payout.balance_before = balances::before_payout(conn, payout.id)?;
    Ok(payout)
}

struct ProducerRow {
    code: String,
    name: String,
    payout_daily: bool,
}

struct ProductRow {
    producer_id: i64,
    opening: ProductOpening,
}

/// The facts of one business day, each with the producer it belongs to: stock moves summed
/// per product and kind, live sales summed per product, corrections made that day line by
/// line, losses the corner bore per product, and the payouts by number.
#[derive(Default)]
struct DayFacts {
    documents: Vec<(i64, i64, MoveKind, StockQuantity)>,
    losses: Vec<(i64, i64, Rupiah)>,
    sold: Vec<(i64, i64, Quantity, LineAmounts)>,
    corrections: Vec<(i64, CorrectionLine)>,
    payout_ids: Vec<(i64, i64)>,
}

fn day_facts(conn: &Connection, day_id: i64, date: NaiveDate) -> Result<DayFacts> {
    let next_date = date_text(date + Days::new(1));
    let documents: Vec<(i64, i64, MoveKind, StockQuantity)> = conn
        .prepare_cached(
            "SELECT d.producer_id, m.product_id, m.kind, SUM(m.quantity_milli)
             FROM stock_documents AS d
             JOIN stock_moves AS m ON m.document_id = d.id
             WHERE d.day_id = ?1
                OR (d.day_id IS NULL AND d.at >= ?2 AND d.at < ?3)
             GROUP BY d.producer_id, m.product_id, m.kind",
        )?
        .query_map(params![day_id, date_text(date), next_date], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                StockQuantity::from_milli(r.get(3)?),
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let sold: Vec<(i64, i64, Quantity, LineAmounts)> = conn
        .prepare_cached(
            "SELECT l.producer_id, l.product_id, SUM(l.quantity_milli), SUM(l.total),
                    SUM(l.producer_share), SUM(l.corner_share)
             FROM live_sales AS s
             JOIN sale_lines AS l ON l.sale_id = s.id
             WHERE s.day_id = ?1
             GROUP BY l.producer_id, l.product_id",
        )?
        .query_map([day_id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                Quantity::from_milli(r.get(2)?),
                LineAmounts {
                    total: r.get(3)?,
                    producer_share: r.get(4)?,
                    corner_share: r.get(5)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let corrections: Vec<(i64, CorrectionLine)> = conn
        .prepare_cached(
            "SELECT l.producer_id, l.product_id, l.code, l.name, l.unit, b.date, s.number,
                    l.quantity_milli, l.total, l.producer_share, l.corner_share, c.reason,
                    0 AS part, c.id AS entry, l.line_no
             FROM corrections AS c
             JOIN sales AS s ON s.id = c.sale_id
             JOIN business_days AS b ON b.id = s.day_id
             JOIN sale_lines AS l ON l.sale_id = c.sale_id
             WHERE c.day_id = ?1
             UNION ALL
             SELECT l.producer_id, l.product_id, l.code, l.name, l.unit, b.date, s.number,
                    r.quantity_milli, r.total, r.producer_share, r.corner_share, t.reason,
                    1, t.id, l.line_no
             FROM sale_returns AS t
             JOIN sales AS s ON s.id = t.sale_id
             JOIN business_days AS b ON b.id = s.day_id
             JOIN sale_return_lines AS r ON r.return_id = t.id
             JOIN sale_lines AS l ON l.id = r.sale_line_id
             WHERE t.day_id = ?1
             ORDER BY part, entry, line_no",
        )?
        .query_map([day_id], correction_row)?
        .collect::<rusqlite::Result<_>>()?;
    let losses: Vec<(i64, i64, Rupiah)> = conn
        .prepare_cached(
            "SELECT x.producer_id, m.product_id, SUM(x.amount)
             FROM stock_losses AS x JOIN stock_moves AS m ON m.id = x.move_id
             WHERE x.day_id = ?1
             GROUP BY x.producer_id, m.product_id",
        )?
        .query_map([day_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let payout_ids: Vec<(i64, i64)> = conn
        .prepare_cached("SELECT producer_id, id FROM payouts WHERE day_id = ?1 ORDER BY number")?
        .query_map([day_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(DayFacts {
        documents,
        losses,
        sold,
        corrections,
        payout_ids,
    })
}

/// `producer`'s facts of every business day from `from` to `to`, by the day's id: what
/// `day_facts` reads day by day, read for the whole range at once from the producer's own
/// rows (their lines through the index of lines by producer, their documents, corrections,
/// losses and payouts), so a statement never reads the other producers' days.
fn range_facts(
    conn: &Connection,
    producer: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashMap<i64, DayFacts>> {
    let (first_line, _) = firsts_from(conn, from)?;
    let (from, to, after) = (date_text(from), date_text(to), date_text(to + Days::new(1)));
    let mut facts: HashMap<i64, DayFacts> = HashMap::new();
    let range = params![from, to, producer, after];
    let mut documents = conn.prepare_cached(
        "SELECT day_id, product_id, kind, SUM(quantity_milli) FROM (
             SELECT b.id AS day_id, m.product_id, m.kind, m.quantity_milli
             FROM business_days AS b
             CROSS JOIN stock_documents AS d ON d.day_id = b.id
             CROSS JOIN stock_moves AS m ON m.document_id = d.id
             WHERE b.date >= ?1 AND b.date <= ?2 AND d.producer_id = ?3
             UNION ALL
             SELECT b.id, m.product_id, m.kind, m.quantity_milli
             FROM stock_documents AS d
             CROSS JOIN business_days AS b ON b.date = substr(d.at, 1, 10)
             CROSS JOIN stock_moves AS m ON m.document_id = d.id
             WHERE d.day_id IS NULL AND d.producer_id = ?3 AND d.at >= ?1 AND d.at < ?4
         )
         GROUP BY day_id, product_id, kind",
    )?;
    let rows = documents.query_map(range, |r| {
        let quantity = StockQuantity::from_milli(r.get(3)?);
        Ok((
            r.get::<_, i64>(0)?,
            (producer, r.get(1)?, r.get(2)?, quantity),
        ))
    })?;
    for row in rows {
        let (day, document) = row?;
        facts.entry(day).or_default().documents.push(document);
    }
    // Lines first (CROSS JOIN), the producer's from the range's first: the range's lines of
    // every producer are many.
    let mut sold = conn.prepare_cached(
        "SELECT s.day_id, l.product_id, SUM(l.quantity_milli), SUM(l.total),
                SUM(l.producer_share), SUM(l.corner_share)
         FROM sale_lines AS l
         CROSS JOIN sales AS s ON s.id = l.sale_id
         CROSS JOIN business_days AS b ON b.id = s.day_id
         WHERE l.producer_id = ?3 AND l.id >= ?4 AND b.date >= ?1 AND b.date <= ?2
           AND NOT EXISTS (SELECT 1 FROM voids AS v WHERE v.sale_id = s.id)
         GROUP BY s.day_id, l.product_id",
    )?;
    let rows = sold.query_map(params![from, to, producer, first_line], |r| {
        let amounts = LineAmounts {
            total: r.get(3)?,
            producer_share: r.get(4)?,
            corner_share: r.get(5)?,
        };
        let quantity = Quantity::from_milli(r.get(2)?);
        Ok((
            r.get::<_, i64>(0)?,
            (producer, r.get(1)?, quantity, amounts),
        ))
    })?;
    for row in rows {
        let (day, line) = row?;
        facts.entry(day).or_default().sold.push(line);
    }
    range_corrections(conn, producer, range, &mut facts)?;
    Ok(facts)
}

/// `range_facts`' corrections, losses and payouts: few rows, read from the range's days.
fn range_corrections(
    conn: &Connection,
    producer: i64,
    range: &[&dyn ToSql],
    facts: &mut HashMap<i64, DayFacts>,
) -> Result<()> {
    let mut corrections = conn.prepare_cached(
        "SELECT c.day_id, l.product_id, l.code, l.name, l.unit, b.date, s.number,
                l.quantity_milli, l.total, l.producer_share, l.corner_share, c.reason,
                0 AS part, c.id AS entry, l.line_no
         FROM business_days AS d
         JOIN corrections AS c ON c.day_id = d.id
         JOIN sales AS s ON s.id = c.sale_id
         JOIN business_days AS b ON b.id = s.day_id
         JOIN sale_lines AS l ON l.sale_id = c.sale_id
         WHERE d.date >= ?1 AND d.date <= ?2 AND l.producer_id = ?3 AND ?4 IS NOT NULL
         UNION ALL
         SELECT t.day_id, l.product_id, l.code, l.name, l.unit, b.date, s.number,
                r.quantity_milli, r.total, r.producer_share, r.corner_share, t.reason,
                1, t.id, l.line_no
         FROM business_days AS d
         JOIN sale_returns AS t ON t.day_id = d.id
         JOIN sales AS s ON s.id = t.sale_id
         JOIN business_days AS b ON b.id = s.day_id
         JOIN sale_return_lines AS r ON r.return_id = t.id
         JOIN sale_lines AS l ON l.id = r.sale_line_id
         WHERE d.date >= ?1 AND d.date <= ?2 AND l.producer_id = ?3
         ORDER BY part, entry, line_no",
    )?;
    let rows = corrections.query_map(range, correction_row)?;
    for row in rows {
        let (day, line) = row?;
        facts
            .entry(day)
            .or_default()
            .corrections
            .push((producer, line));
    }
    let mut losses = conn.prepare_cached(
        "SELECT x.day_id, m.product_id, SUM(x.amount)
         FROM business_days AS d
         JOIN stock_losses AS x ON x.day_id = d.id
         JOIN stock_moves AS m ON m.id = x.move_id
         WHERE d.date >= ?1 AND d.date <= ?2 AND x.producer_id = ?3 AND ?4 IS NOT NULL
         GROUP BY x.day_id, m.product_id",
    )?;
    let rows = losses.query_map(range, |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get(2)?))
    })?;
    for row in rows {
        let (day, product, amount) = row?;
        facts
            .entry(day)
            .or_default()
            .losses
            .push((producer, product, amount));
    }
    let mut payouts = conn.prepare_cached(
        "SELECT p.day_id, p.id FROM payouts AS p
         JOIN business_days AS d ON d.id = p.day_id
         WHERE d.date >= ?1 AND d.date <= ?2 AND p.producer_id = ?3 AND ?4 IS NOT NULL
         ORDER BY p.number",
    )?;
    let rows = payouts.query_map(range, |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
    for row in rows {
        let (day, id) = row?;
        facts
            .entry(day)
            .or_default()
            .payout_ids
            .push((producer, id));
    }
    Ok(())
}

/// The first sale line and the first stock move (ids) that a business day dated from `from`
/// on can have, or earlier ones. A sale's lines, a void's moves and a document's moves are
/// written with it on the open day, which is always the newest day (by id), so those of the
/// first day (by id) of those dates to have any come before those of every later day. Zero
/// when there are none, which bounds nothing. (`CROSS JOIN` starts from the day's voids:
/// SQLite otherwise walks the moves from the first of five years looking for one.)
fn firsts_from(conn: &Connection, from: NaiveDate) -> Result<(i64, i64)> {
    let (line, void_move, document_move): (Option<i64>, Option<i64>, Option<i64>) = conn
        .prepare_cached(
            "WITH first AS (SELECT MIN(id) AS day FROM business_days WHERE date >= ?1),
             sale_day AS (SELECT MIN(day_id) AS day FROM sales
                          WHERE day_id >= (SELECT day FROM first)),
             void_day AS (SELECT MIN(day_id) AS day FROM voids
                          WHERE day_id >= (SELECT day FROM first)),
             document_day AS (SELECT MIN(day_id) AS day FROM stock_documents
                              WHERE day_id >= (SELECT day FROM first))
             SELECT (SELECT MIN(l.id) FROM sales AS s
                     JOIN sale_lines AS l ON l.sale_id = s.id
                     WHERE s.day_id = (SELECT day FROM sale_day)),
                    (SELECT MIN(m.id) FROM voids AS v
                     CROSS JOIN stock_moves AS m ON m.sale_id = v.sale_id AND m.kind = 'void'
                     WHERE v.day_id = (SELECT day FROM void_day)),
                    (SELECT MIN(m.id) FROM stock_documents AS d
                     JOIN stock_moves AS m ON m.document_id = d.id
                     WHERE d.day_id = (SELECT day FROM document_day))",
        )?
        .query_row([date_text(from)], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let first_move = match (void_move, document_move) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b).unwrap_or(0),
    };
    Ok((line.unwrap_or(0), first_move))
}

/// Every stock move of `producer`'s products on the days from `from` on, summed per date
/// and product, newest date first: `moves_since` of any of those days is the sum of the
/// rows from its date on. What was sold is read from the producer's sale lines (a sale's
/// moves are its lines, negated), the other moves from the producer's products (`kind !=
/// 'sale'` lets SQLite use the index by product, which leaves sales out), each from the
/// range's first line or move on (and the range's few returns and corrections), and given
/// the days `moves_since` gives them.
fn moves_by_date(
    conn: &Connection,
    from: NaiveDate,
    producer: i64,
) -> Result<Vec<(NaiveDate, i64, StockQuantity)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT date, product_id, SUM(quantity_milli) FROM (
             SELECT b.date, l.product_id, -l.quantity_milli AS quantity_milli
             FROM sale_lines AS l
             CROSS JOIN sales AS s ON s.id = l.sale_id
             CROSS JOIN business_days AS b ON b.id = s.day_id
             WHERE l.producer_id = ?2 AND l.id >= ?4 AND b.date >= ?1
             UNION ALL
             SELECT b.date, m.product_id, m.quantity_milli
             FROM products AS p
             CROSS JOIN stock_moves AS m
                 ON m.product_id = p.id AND m.kind = 'void' AND m.kind != 'sale' AND m.id >= ?3
             CROSS JOIN sales AS s ON s.id = m.sale_id
             CROSS JOIN business_days AS b ON b.id = s.day_id
             WHERE p.producer_id = ?2 AND b.date >= ?1
               AND NOT EXISTS (SELECT 1 FROM corrections AS c WHERE c.sale_id = s.id)
               AND NOT EXISTS (SELECT 1 FROM sale_returns AS t WHERE t.sale_id = s.id)
             UNION ALL
             SELECT b.date, l.product_id, r.quantity_milli
             FROM business_days AS b
             CROSS JOIN sale_returns AS t ON t.day_id = b.id
             CROSS JOIN sale_return_lines AS r ON r.return_id = t.id
             JOIN sale_lines AS l ON l.id = r.sale_line_id
             WHERE b.date >= ?1
             UNION ALL
             SELECT b.date, m.product_id, m.quantity_milli
             FROM corrections AS c
             CROSS JOIN business_days AS b ON b.id = c.day_id
             CROSS JOIN stock_moves AS m ON m.sale_id = c.sale_id AND m.kind = 'void'
             WHERE b.date >= ?1
             UNION ALL
             SELECT b.date, m.product_id, m.quantity_milli
             FROM products AS p
             CROSS JOIN stock_moves AS m
                 ON m.product_id = p.id AND m.kind IN ('intake', 'return', 'write_off', 'count')
                    AND m.kind != 'sale' AND m.id >= ?3
             CROSS JOIN stock_documents AS d ON d.id = m.document_id
             CROSS JOIN business_days AS b ON b.id = d.day_id
             WHERE p.producer_id = ?2 AND b.date >= ?1
             UNION ALL
             SELECT substr(d.at, 1, 10), m.product_id, m.quantity_milli
             FROM stock_documents AS d
             JOIN stock_moves AS m ON m.document_id = d.id
             WHERE d.day_id IS NULL AND d.at >= ?1
         )
         WHERE product_id IN (SELECT id FROM products WHERE producer_id = ?2)
         GROUP BY date, product_id
         ORDER BY date DESC",
    )?;
    let (first_line, first) = firsts_from(conn, from)?;
    let rows = stmt.query_map(params![date_text(from), producer, first, first_line], |r| {
        Ok((
            get_date(r, 0)?,
            r.get(1)?,
            StockQuantity::from_milli(r.get(2)?),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every product of the `active` producers with what it held when the day opened: on hand
/// now, less what moved since (`moves_since`).
fn product_rows(
    conn: &Connection,
    producer: Option<i64>,
    active: &HashSet<i64>,
    since: &HashMap<i64, StockQuantity>,
) -> Result<Vec<ProductRow>> {
    conn.prepare_cached(
        "SELECT p.id, p.producer_id, p.code, p.name, p.variant, p.unit,
                    COALESCE(s.on_hand_milli, 0)
             FROM products AS p LEFT JOIN stock AS s ON s.product_id = p.id
             WHERE ?1 IS NULL OR p.producer_id = ?1",
    )?
    .query_map([producer], |r| {
        let id: i64 = r.get(0)?;
        let on_hand = StockQuantity::from_milli(r.get(6)?);
        Ok(ProductRow {
            producer_id: r.get(1)?,
            opening: ProductOpening {
                product_id: id,
                code: r.get(2)?,
                name: r.get(3)?,
                variant: r.get(4)?,
                unit: r.get::<_, Unit>(5)?,
                opening: on_hand - since.get(&id).copied().unwrap_or_default(),
            },
        })
    })?
    .filter(|row| {
        row.as_ref()
            .map_or(true, |p| active.contains(&p.producer_id))
    })
    .collect::<rusqlite::Result<_>>()
    .map_err(LedgerError::from)
}

/// A business day as its settlements head it: who signs for the corner is whoever closed
/// the day; until then, who opened it.
struct DayRow {
    id: i64,
    date: NaiveDate,
    closed: bool,
    attendant: String,
}

/// The business days from `from` to `to` (inclusive), by date.
fn day_rows(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<DayRow>> {
    conn.prepare_cached(
        "SELECT id, date, EXISTS (SELECT 1 FROM live_closes AS c WHERE c.day_id = b.id),
                COALESCE((SELECT c.attendant FROM live_closes AS c WHERE c.day_id = b.id),
                         attendant)
         FROM business_days AS b WHERE date >= ?1 AND date <= ?2 ORDER BY date",
    )?
    .query_map(params![date_text(from), date_text(to)], |r| {
        Ok(DayRow {
            id: r.get(0)?,
            date: get_date(r, 1)?,
            closed: r.get(2)?,
            attendant: r.get(3)?,
        })
    })?
    .collect::<rusqlite::Result<_>>()
    .map_err(LedgerError::from)
}

/// Every producer's settlement for the business day of `date`, or only `producer`'s.
fn settlements_on(
    conn: &Connection,
    date: NaiveDate,
    producer: Option<i64>,
) -> Result<Vec<ProducerSettlement>> {
    let day = day_rows(conn, date, date)?
        .pop()
        .ok_or(LedgerError::UnknownDay(date))?;
    let facts = day_facts(conn, day.id, date)?;
    settle(conn, &day, producer, facts, None)
}

/// The settlements of `day` from its facts, every producer's or only `producer`'s. `since`
/// is `moves_since(date)` when the caller already has it (a statement walking back through
/// its days); otherwise it is read here.
fn settle(
    conn: &Connection,
    day: &DayRow,
    producer: Option<i64>,
    facts: DayFacts,
    since: Option<&HashMap<i64, StockQuantity>>,
) -> Result<Vec<ProducerSettlement>> {
    let date = day.date;
    let wanted = |id: i64| producer.is_none_or(|p| p == id);
    let active: HashSet<i64> = facts
        .documents
        .iter()
        .map(|d| d.0)
        .chain(facts.sold.iter().map(|s| s.0))
        .chain(facts.corrections.iter().map(|c| c.0))
        .chain(facts.payout_ids.iter().map(|p| p.0))
        .chain(facts.losses.iter().map(|l| l.0))
        .filter(|id| wanted(*id))
        .collect();
    if active.is_empty() {
        return Ok(Vec::new());
    }

    let producers: HashMap<i64, ProducerRow> = conn
        .prepare_cached(
            "SELECT id, code, name, payout_daily FROM producers WHERE ?1 IS NULL OR id = ?1",
        )?
        .query_map([producer], |r| {
            Ok((
                r.get(0)?,
                ProducerRow {
                    code: r.get(1)?,
                    name: r.get(2)?,
                    payout_daily: r.get(3)?,
                },
            ))
        })?
        .filter(|row| row.as_ref().map_or(true, |(id, _)| active.contains(id)))
        .collect::<rusqlite::Result<_>>()?;
    let read;
    let since = match since {
        Some(since) => since,
        None => {
            read = moves_since(conn, date, None, producer)?;
            &read
        }
    };
    let products = product_rows(conn, producer, &active, since)?;
    let balances = balances::owed_before(conn, producer.filter(|_| active.len() == 1), Some(date))?;

    let mut builders: HashMap<i64, SettlementBuilder> = HashMap::new();
    for (id, p) in &producers {
        let header = SettlementHeader {
            date,
            closed: day.closed,
            producer_code: p.code.clone(),
            producer_name: p.name.clone(),
            payout_daily: p.payout_daily,
            attendant: day.attendant.clone(),
        };
        let before = balances.get(id).copied().unwrap_or(Rupiah::ZERO);
        builders.insert(*id, SettlementBuilder::new(header, before));
    }
    for p in products {
        if let Some(b) = builders.get_mut(&p.producer_id) {
            b.product(p.opening);
        }
    }
    add_facts(conn, &mut builders, facts)?;
    let mut settlements: Vec<ProducerSettlement> = builders
        .into_values()
        .map(SettlementBuilder::finish)
        .collect();
    settlements.sort_by(|a, b| a.header.producer_code.cmp(&b.header.producer_code));
    Ok(settlements)
}

/// Gives each producer's builder their facts of the day; a fact about a product the
/// builder was not told of means the file is corrupt.
fn add_facts(
    conn: &Connection,
    builders: &mut HashMap<i64, SettlementBuilder>,
    facts: DayFacts,
) -> Result<()> {
    let DayFacts {
        documents,
        losses,
        sold,
        corrections,
        payout_ids,
    } = facts;
    let corrupt = |what: &str| LedgerError::Corrupt(format!("{what} of an unknown product"));
    for (producer_id, product_id, kind, quantity) in documents {
        if let Some(b) = builders.get_mut(&producer_id)
            && !b.moved(product_id, kind, quantity)
        {
            return Err(corrupt("a stock move"));
        }
    }
    for (producer_id, product_id, quantity, amounts) in sold {
        if let Some(b) = builders.get_mut(&producer_id)
            && !b.sold(product_id, quantity, amounts)
        {
            return Err(corrupt("a sale line"));
        }
    }
    for (producer_id, product_id, amount) in losses {
        if let Some(b) = builders.get_mut(&producer_id)
            && !b.lost(product_id, amount)
        {
            return Err(corrupt("a loss"));
        }
    }
    for (producer_id, line) in corrections {
        if let Some(b) = builders.get_mut(&producer_id)
            && !b.corrected(line)
        {
            return Err(corrupt("a correction"));
        }
    }
    for (producer_id, id) in payout_ids {
        if let Some(b) = builders.get_mut(&producer_id) {
            b.paid(load_payout(conn, id)?);
        }
    }
    Ok(())
}

impl Ledger {
    /// Pays `amount` to the producer with `code` against what the corner owes them, on the
    /// open day, in one transaction. Refused with no open day, for nothing, and for more
    /// than is owed (the refusal says how much is owed).
    pub fn pay_producer(
        &mut self,
        producer_code: &str,
        method: PayoutMethod,
        amount: Rupiah,
        note: &str,
        attendant: &str,
        at: NaiveDateTime,
    ) -> Result<Payout> {
        if !amount.is_positive() {
            return Err(LedgerError::PayoutNotPositive);
        }
        let note = note.trim();
        let done = self.write(|tx| {
            let producer = find_producer(tx, producer_code)?;
            let day = open_day_on(tx)?.ok_or(LedgerError::NoOpenDay)?;
            let owed_now = balances::owed_now(tx, producer.id)?;
            if amount > owed_now {
                return Err(LedgerError::PayoutAboveBalance {
                    producer: producer.code,
                    owed: owed_now,
                });
            }
            // Cash is handed over from the drawer: no more than it should hold.
            if method == PayoutMethod::Cash {
                super::till::check_drawer(tx, &day, amount)?;
            }
            let number: i64 = tx.query_row(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM payouts",
                [],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO payouts (number, day_id, producer_id, method, amount, at,
                     attendant, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    number,
                    day.id,
                    producer.id,
                    method,
                    amount,
                    stamp_text(to_second(at)),
                    attendant,
                    note
                ],
            )?;
            let id = tx.last_insert_rowid();
            load_payout(tx, id)
        })?;
        head::anchored(&self.conn, done)
    }

    /// A recorded payout, for reprinting its slip.
    pub fn payout(&self, number: i64) -> Result<Option<Payout>> {
        let id: Option<i64> = self
            .conn
            .query_row("SELECT id FROM payouts WHERE number = ?1", [number], |r| {
                r.get(0)
            })
            .optional()?;
        id.map(|id| head::anchored(&self.conn, load_payout(&self.conn, id)?))
            .transpose()
    }

    /// What the corner owes each producer now, every producer by code (zero for those with
    /// no history), with their daily-payout flag.
    pub fn producer_balances(&self) -> Result<Vec<ProducerBalance>> {
        let owed = balances::owed_before(&self.conn, None, None)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, code, name, payout_daily, active FROM producers ORDER BY code",
        )?;
        let rows = stmt.query_map([], |r| {
            let id: i64 = r.get(0)?;
            Ok(ProducerBalance {
                code: r.get(1)?,
                name: r.get(2)?,
                payout_daily: r.get(3)?,
                active: r.get(4)?,
                balance: owed.get(&id).copied().unwrap_or(Rupiah::ZERO),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The settlements of the business day of `date` (final when it is closed, a preview
    /// while open): one per producer with any activity that day (sales, stock entries,
    /// corrections, payouts), by code, or only `producer`'s. `UnknownDay` when the date had
    /// no business day, `UnknownProducer` for a code not in the ledger.
    pub fn settlement_for(
        &self,
        date: NaiveDate,
        producer: Option<&str>,
    ) -> Result<Vec<ProducerSettlement>> {
        let producer = producer
            .map(|code| find_producer(&self.conn, code).map(|p| p.id))
            .transpose()?;
        let mut settlements = settlements_on(&self.conn, date, producer)?;
        let head = self.chain_head_of_day(date)?.map(|h| h.short());
        for s in &mut settlements {
            s.chain_head.clone_from(&head);
        }
        Ok(settlements)
    }

    /// A producer's days from `from` to `to` (inclusive) that had any activity, with the
    /// balance carried from before `from`.
    pub fn statement(
        &self,
        producer_code: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Statement> {
        let producer = find_producer(&self.conn, producer_code)?;
        let name: String = self.conn.query_row(
            "SELECT name FROM producers WHERE id = ?1",
            [producer.id],
            |r| r.get(0),
        )?;
        // Newest first: a day's moves-since is the later day's plus the moves between them.
        let mut facts = range_facts(&self.conn, producer.id, from, to)?;
        let mut moves = moves_by_date(&self.conn, from, producer.id)?
            .into_iter()
            .peekable();
        let mut since: HashMap<i64, StockQuantity> = HashMap::new();
        let mut days = Vec::new();
        for day in day_rows(&self.conn, from, to)?.iter().rev() {
            while let Some((_, product, quantity)) = moves.next_if(|m| m.0 >= day.date) {
                *since.entry(product).or_default() += quantity;
            }
            if let Some(facts) = facts.remove(&day.id) {
                let settled = settle(&self.conn, day, Some(producer.id), facts, Some(&since))?;
                days.extend(settled);
            }
        }
        days.reverse();
        let opening_balance = balances::owed_before(&self.conn, Some(producer.id), Some(from))?
            .remove(&producer.id)
            .unwrap_or(Rupiah::ZERO);
        Ok(Statement {
            producer_code: producer.code,
            producer_name: name,
            from,
            to,
            opening_balance,
            days,
        })
    }

    /// Every business day, oldest first, with whether it is closed: the days a settlement
    /// can be printed for.
    pub fn settlement_days(&self) -> Result<Vec<(NaiveDate, bool)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, EXISTS (SELECT 1 FROM live_closes AS c WHERE c.day_id = b.id)
             FROM business_days AS b ORDER BY date",
        )?;
        let rows = stmt.query_map([], |r| Ok((get_date(r, 0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Sets whether the producer is paid out at every closing.
    pub fn set_payout_daily(&mut self, producer_code: &str, daily: bool) -> Result<()> {
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE producers SET payout_daily = ?2 WHERE code = ?1",
                params![producer_code.trim(), daily],
            )?;
            if changed == 0 {
                return Err(LedgerError::UnknownProducer(
                    producer_code.trim().to_string(),
                ));
            }
            Ok(())
        })
    }
}

/// A correction's or a returned part's line as both its day's settlement and a statement
/// read it: the entry's ordering column first, then the line.
fn correction_row(r: &rusqlite::Row) -> rusqlite::Result<(i64, CorrectionLine)> {
    Ok((
        r.get(0)?,
        CorrectionLine {
            product_id: r.get(1)?,
            code: r.get(2)?,
            name: r.get(3)?,
            variant: String::new(),
            unit: r.get(4)?,
            sale_date: get_date(r, 5)?,
            sale_number: r.get(6)?,
            quantity: Quantity::from_milli(r.get(7)?),
            amounts: LineAmounts {
                total: r.get(8)?,
                producer_share: r.get(9)?,
                corner_share: r.get(10)?,
            },
            reason: r.get(11)?,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A statement reads its days' facts for the whole range at once; every day of it is the
    /// settlement of that day read on its own, for every producer, over generated weeks with
    /// voids, returns, corrections, write-offs, counts and payouts (and a range starting in
    /// the middle, so stock at each day's opening comes from moves after the range too).
    #[test]
    fn a_statements_days_are_the_days_settled_one_by_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        crate::demo_years::generate(&mut ledger, 12, today, |_, _| {}).unwrap();
        let dates = ledger.business_dates().unwrap();
        let (from, to) = (dates[dates.len() - 3], dates[1]);
        let mut compared = 0;
        for producer in ledger.producer_balances().unwrap() {
            let statement = ledger.statement(&producer.code, from, to).unwrap();
            let mut one_by_one = Vec::new();
            for date in dates.iter().rev().filter(|d| (from..=to).contains(*d)) {
                for mut day in ledger.settlement_for(*date, Some(&producer.code)).unwrap() {
                    day.chain_head = None;
                    one_by_one.push(day);
                }
            }
            compared += one_by_one.len();
            assert_eq!(statement.days, one_by_one, "{}", producer.code);
        }
        assert!(compared > 100, "{compared}");
    }
}
