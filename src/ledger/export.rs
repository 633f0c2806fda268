//! Exports read from the ledger: each kind of history for the business days of a date
//! range, with the ids that join them (a sale is its day and number, a producer and a
//! product their codes), and the hash chain after a sequence number.

use chrono::NaiveDate;
use rusqlite::{Row, params};

use super::chain;
use super::columns::{date_text, get_date, get_stamp};
use super::connection::Ledger;
use super::error::{LedgerError, Result};
use crate::domain::{Cell, ChainedEntry, ExportKind, ExportTable, Rupiah, StockQuantity};

/// How a column's value reads into a cell.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Int,
    Money,
    Milli,
    Date,
    Stamp,
    Bool,
}

use Kind::*;

/// Every sale of the range, voided or not, with what became of it.
const SALES: &str =
    "SELECT b.date, s.number, s.at, s.attendant, s.total, v.id IS NOT NULL, v.reason,
        cb.date
 FROM business_days AS b
 JOIN sales AS s ON s.day_id = b.id
 LEFT JOIN voids AS v ON v.sale_id = s.id
 LEFT JOIN corrections AS c ON c.sale_id = s.id
 LEFT JOIN business_days AS cb ON cb.id = c.day_id
 WHERE b.date BETWEEN ?1 AND ?2
 ORDER BY s.id";
const SALES_COLUMNS: &[(&str, Kind)] = &[
    ("date", Date),
    ("sale_number", Int),
    ("at", Stamp),
    ("attendant", Text),
    ("total", Money),
    ("voided", Bool),
    ("void_reason", Text),
    ("corrected_on", Date),
];

const LINES: &str = "SELECT b.date, s.number, l.line_no, l.code, l.name, l.producer_code, l.unit,
        l.quantity_milli, l.unit_price, l.total, l.producer_share, l.corner_share,
        v.id IS NOT NULL
 FROM business_days AS b
 JOIN sales AS s ON s.day_id = b.id
 JOIN sale_lines AS l ON l.sale_id = s.id
 LEFT JOIN voids AS v ON v.sale_id = s.id
 WHERE b.date BETWEEN ?1 AND ?2
 ORDER BY s.id, l.line_no";
const LINES_COLUMNS: &[(&str, Kind)] = &[
    ("date", Date),
    ("sale_number", Int),
    ("line_no", Int),
    ("product_code", Text),
    ("product_name", Text),
    ("producer_code", Text),
    ("unit", Text),
    ("quantity", Milli),
    ("unit_price", Money),
    ("total", Money),
    ("producer_share", Money),
    ("corner_share", Money),
    ("voided", Bool),
];

/// Payments of sales (`source` = sale) and of tabs (`source` = tab).
const PAYMENTS: &str = "SELECT date, source, sale_number, method, amount, tendered, change, nip,
        customer, voided FROM (
     SELECT b.date, 'sale' AS source, s.number AS sale_number, p.method, p.amount,
            p.tendered, p.change, c.nip, c.name AS customer, v.id IS NOT NULL AS voided,
            p.id AS ord
     FROM business_days AS b
     JOIN sales AS s ON s.day_id = b.id
     JOIN payments AS p ON p.sale_id = s.id
     LEFT JOIN customers AS c ON c.id = p.customer_id
     LEFT JOIN voids AS v ON v.sale_id = s.id
     WHERE b.date BETWEEN ?1 AND ?2
     UNION ALL
     SELECT b.date, 'tab', NULL, t.method, t.amount, t.amount, 0, c.nip, c.name, 0, t.id
     FROM business_days AS b
     JOIN tab_payments AS t ON t.day_id = b.id
     JOIN customers AS c ON c.id = t.customer_id
     WHERE b.date BETWEEN ?1 AND ?2)
 ORDER BY date, source, ord";
const PAYMENTS_COLUMNS: &[(&str, Kind)] = &[
    ("date", Date),
    ("source", Text),
    ("sale_number", Int),
    ("method", Text),
    ("amount", Money),
    ("tendered", Money),
    ("change", Money),
    ("customer_nip", Text),
    ("customer_name", Text),
    ("voided", Bool),
];

/// Every stock move: intakes, returns, write-offs and counts by their slip's number, sales
/// and voids by the sale's number; a sale from V18 on by its lines, which are its moves.
/// Quantities are signed as they move the shelf; rows come in the order they were recorded
/// (the chain's: a history chained at once by the V4 migration chained its moves in the
/// order of their ids).
const STOCK: &str = "SELECT day, at, kind, document_number, product_code, producer_code, unit,
        quantity_milli, sale_number, note, corner_at_fault FROM (
     SELECT COALESCE(b.date, sb.date, substr(m.at, 1, 10)) AS day, m.at, m.kind,
            d.number AS document_number, p.code AS product_code, pr.code AS producer_code,
            p.unit, m.quantity_milli, s.number AS sale_number,
            COALESCE(NULLIF(m.reason, ''), d.note, '') AS note, d.corner_at_fault,
            (SELECT seq FROM chain WHERE entry_table = 'stock_moves' AND entry_id = m.id) AS ord
     FROM stock_moves AS m
     JOIN products AS p ON p.id = m.product_id
     JOIN producers AS pr ON pr.id = p.producer_id
     LEFT JOIN stock_documents AS d ON d.id = m.document_id
     LEFT JOIN business_days AS b ON b.id = d.day_id
     LEFT JOIN sales AS s ON s.id = m.sale_id
     LEFT JOIN business_days AS sb ON sb.id = s.day_id
     UNION ALL
     SELECT b.date, s.at, 'sale', NULL, p.code, pr.code, p.unit, -l.quantity_milli, s.number,
            '', NULL,
            (SELECT seq FROM chain WHERE entry_table = 'sale_lines' AND entry_id = l.id)
     FROM business_days AS b
     CROSS JOIN sales AS s ON s.day_id = b.id
     CROSS JOIN sale_lines AS l ON l.sale_id = s.id
     JOIN products AS p ON p.id = l.product_id
     JOIN producers AS pr ON pr.id = p.producer_id
     WHERE b.date BETWEEN ?1 AND ?2
       AND NOT EXISTS (SELECT 1 FROM stock_moves AS o
                       WHERE o.sale_id = s.id AND o.kind = 'sale'))
 WHERE day BETWEEN ?1 AND ?2
 ORDER BY ord";
const STOCK_COLUMNS: &[(&str, Kind)] = &[
    ("date", Date),
    ("at", Stamp),
    ("kind", Text),
    ("document_number", Int),
    ("product_code", Text),
    ("producer_code", Text),
    ("unit", Text),
    ("quantity", Milli),
    ("sale_number", Int),
    ("note", Text),
    ("corner_at_fault", Bool),
];

const PAYOUTS: &str = "SELECT b.date, p.number, pr.code, pr.name, p.method, p.amount, p.at,
        p.attendant, p.note
 FROM business_days AS b
 JOIN payouts AS p ON p.day_id = b.id
 JOIN producers AS pr ON pr.id = p.producer_id
 WHERE b.date BETWEEN ?1 AND ?2
 ORDER BY p.number";
const PAYOUTS_COLUMNS: &[(&str, Kind)] = &[
    ("date", Date),
    ("payout_number", Int),
    ("producer_code", Text),
    ("producer_name", Text),
    ("method", Text),
    ("amount", Money),
    ("at", Stamp),
    ("attendant", Text),
    ("note", Text),
];

/// Corrections recorded in the range, naming the original sale by its day and number.
const CORRECTIONS: &str = "SELECT b.date, ob.date, s.number, s.total, c.refund_method, c.at,
        c.attendant, c.reason
 FROM business_days AS b
 JOIN corrections AS c ON c.day_id = b.id
 JOIN sales AS s ON s.id = c.sale_id
 JOIN business_days AS ob ON ob.id = s.day_id
 WHERE b.date BETWEEN ?1 AND ?2
 ORDER BY c.id";
const CORRECTIONS_COLUMNS: &[(&str, Kind)] = &[
    ("date", Date),
    ("sale_date", Date),
    ("sale_number", Int),
    ("sale_total", Money),
    ("refund_method", Text),
    ("at", Stamp),
    ("attendant", Text),
    ("reason", Text),
];

/// The drawer's day: the opening float, cash in and out, the closing count.
const CASH: &str = "SELECT date, at, kind, amount, expected, variance, reason, attendant FROM (
     SELECT b.date, b.opened_at AS at, 'float' AS kind, b.opening_float AS amount,
            NULL AS expected, NULL AS variance, '' AS reason, b.attendant, 0 AS ord
     FROM business_days AS b WHERE b.date BETWEEN ?1 AND ?2
     UNION ALL
     SELECT b.date, m.at, m.direction, m.amount, NULL, NULL, m.reason, m.attendant, 1
     FROM business_days AS b JOIN cash_moves AS m ON m.day_id = b.id
     WHERE b.date BETWEEN ?1 AND ?2
     UNION ALL
     SELECT b.date, k.at, 'count', k.counted, k.expected, k.variance, k.reason, k.attendant, 2
     FROM business_days AS b JOIN live_cash_counts AS k ON k.day_id = b.id
     WHERE b.date BETWEEN ?1 AND ?2)
 ORDER BY date, ord, at";
const CASH_COLUMNS: &[(&str, Kind)] = &[
    ("date", Date),
    ("at", Stamp),
    ("kind", Text),
    ("amount", Money),
    ("expected", Money),
    ("variance", Money),
    ("reason", Text),
    ("attendant", Text),
];

fn query_of(kind: ExportKind) -> (&'static str, &'static [(&'static str, Kind)]) {
    match kind {
        ExportKind::Sales => (SALES, SALES_COLUMNS),
        ExportKind::Lines => (LINES, LINES_COLUMNS),
        ExportKind::Payments => (PAYMENTS, PAYMENTS_COLUMNS),
        ExportKind::Stock => (STOCK, STOCK_COLUMNS),
        ExportKind::Payouts => (PAYOUTS, PAYOUTS_COLUMNS),
        ExportKind::Corrections => (CORRECTIONS, CORRECTIONS_COLUMNS),
        ExportKind::Cash => (CASH, CASH_COLUMNS),
    }
}

fn cell(row: &Row, i: usize, kind: Kind) -> rusqlite::Result<Cell> {
    if row.get_ref(i)? == rusqlite::types::ValueRef::Null {
        return Ok(Cell::Empty);
    }
    Ok(match kind {
        Text => Cell::Text(row.get(i)?),
        Int => Cell::Int(row.get(i)?),
        Money => Cell::Money(row.get::<_, Rupiah>(i)?),
        Milli => Cell::Quantity(StockQuantity::from_milli(row.get(i)?)),
        Date => Cell::Date(get_date(row, i)?),
        Stamp => Cell::Stamp(get_stamp(row, i)?),
        Bool => Cell::Bool(row.get(i)?),
    })
}

impl Ledger {
    /// The rows of `kind` for the business days from `from` to `to` (inclusive).
    pub fn export_table(
        &self,
        kind: ExportKind,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<ExportTable> {
        let (sql, columns) = query_of(kind);
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt
            .query_map(params![date_text(from), date_text(to)], |r| {
                columns
                    .iter()
                    .enumerate()
                    .map(|(i, (_, k))| cell(r, i, *k))
                    .collect::<rusqlite::Result<Vec<Cell>>>()
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ExportTable {
            name: kind.name().to_string(),
            columns: columns.iter().map(|(name, _)| name.to_string()).collect(),
            rows,
        })
    }

    /// Every chain entry after `since`, oldest first, with the row it sealed read as the
    /// chain hashes it.
    pub fn history_since(&self, since: i64) -> Result<Vec<ChainedEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, entry_table, entry_id, actor_id, approver_id, prev_hash, hash
             FROM chain WHERE seq > ?1 ORDER BY seq",
        )?;
        let heads = stmt
            .query_map([since], |r| {
                Ok(ChainedEntry {
                    seq: r.get(0)?,
                    table: r.get(1)?,
                    id: r.get(2)?,
                    row: Default::default(),
                    actor: r.get(3)?,
                    approver: r.get(4)?,
                    prev_hash: r.get(5)?,
                    hash: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::with_capacity(heads.len());
        for mut entry in heads {
            if !chain::HISTORY.iter().any(|t| t.name == entry.table) {
                return Err(LedgerError::Corrupt(format!(
                    "chain #{} names {}",
                    entry.seq, entry.table
                )));
            }
            // A deleted row exports as an empty one: its hash will not check, as it must not.
            if let Some((_, row)) = chain::rows(&self.conn, &entry.table, "=", entry.id)?
                .into_iter()
                .next()
            {
                entry.row = row;
            }
            out.push(entry);
        }
        Ok(out)
    }
}
