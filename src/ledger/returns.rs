//! Returning part of a sale: of the open day (a partial void) or of a closed day (a partial
//! correction), recorded on the open day with its goods back in stock and its money back by
//! the method chosen. Each line reverses its frozen amounts in proportion (`reverse_part`).

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::columns::{conversion_error, get_date, get_stamp, stamp_text};
use super::connection::Ledger;
use super::day::open_day_on;
use super::error::{LedgerError, Result};
use super::head::{self, Anchored};
use super::till::check_drawer;
use crate::domain::{
    LineAmounts, PartRequest, Quantity, RefundMethod, ReturnLine, Rupiah, SaleReturn, reverse_part,
};

impl Anchored for SaleReturn {
    const SEQS: &'static str =
        "SELECT seq FROM chain WHERE entry_table = 'sale_returns' AND entry_id = ?1
        UNION ALL SELECT c.seq FROM sale_return_lines AS r
            CROSS JOIN chain AS c ON c.entry_table = 'sale_return_lines' AND c.entry_id = r.id
            WHERE r.return_id = ?1";
    fn entry_id(&self) -> i64 {
        self.id
    }
    fn set_head(&mut self, head: Option<String>) {
        self.chain_head = head;
    }
}

/// A sale line as a return reads it: what it froze and what is already back.
struct LineLeft {
    id: i64,
    product_id: i64,
    code: String,
    unit: crate::domain::Unit,
    sold: i64,
    returned: i64,
    frozen: LineAmounts,
}

fn line_left(tx: &Connection, sale_id: i64, line_no: i64) -> Result<Option<LineLeft>> {
    Ok(tx
        .prepare_cached(
            "SELECT l.id, l.product_id, l.code, l.unit, l.quantity_milli,
                    (SELECT COALESCE(SUM(r.quantity_milli), 0) FROM sale_return_lines AS r
                     WHERE r.sale_line_id = l.id),
                    l.total, l.producer_share, l.corner_share
             FROM sale_lines AS l WHERE l.sale_id = ?1 AND l.line_no = ?2",
        )?
        .query_row([sale_id, line_no], |r| {
            Ok(LineLeft {
                id: r.get(0)?,
                product_id: r.get(1)?,
                code: r.get(2)?,
                unit: r.get(3)?,
                sold: r.get(4)?,
                returned: r.get(5)?,
                frozen: LineAmounts {
                    total: r.get(6)?,
                    producer_share: r.get(7)?,
                    corner_share: r.get(8)?,
                },
            })
        })
        .optional()?)
}

/// The parts asked for, one per line (a line named twice adds up), in line order.
fn merged(parts: &[PartRequest]) -> Result<BTreeMap<i64, i64>> {
    let mut by_line = BTreeMap::new();
    for part in parts {
        if part.quantity.milli() <= 0 {
            return Err(LedgerError::NothingToReturn);
        }
        *by_line.entry(part.line_no).or_insert(0) += part.quantity.milli();
    }
    if by_line.is_empty() {
        return Err(LedgerError::NothingToReturn);
    }
    Ok(by_line)
}

/// The lines `parts` name, each checked against what is left of it (pieces come back
/// whole), with the money they give back together.
fn lines_to_return(
    tx: &Connection,
    sale_id: i64,
    parts: &BTreeMap<i64, i64>,
) -> Result<(Vec<(LineLeft, i64)>, Rupiah)> {
    let mut lines = Vec::with_capacity(parts.len());
    let mut amount = Rupiah::ZERO;
    for (&line_no, &part) in parts {
        let line = line_left(tx, sale_id, line_no)?
            .ok_or(LedgerError::UnknownSaleLine { sale_id, line_no })?;
        let left = line.sold - line.returned;
        let whole_units = line.unit.max_decimals() == 0 && part % 1_000 != 0;
        if part > left || whole_units {
            return Err(LedgerError::ReturnAboveSold {
                code: line.code.clone(),
                left: Quantity::from_milli(left),
            });
        }
        amount += reverse_part(line.frozen, line.sold, line.returned, part).total;
        lines.push((line, part));
    }
    Ok((lines, amount))
}

/// The customer whose tab takes `amount` back: the sale must have gone on one customer's
/// tab, for at least what its returns give back to the tab.
fn tab_customer(tx: &Connection, sale_id: i64, amount: Rupiah) -> Result<i64> {
    let (customers, customer, on_tab): (i64, Option<i64>, Rupiah) = tx.query_row(
        "SELECT COUNT(DISTINCT customer_id), MAX(customer_id), COALESCE(SUM(amount), 0)
         FROM payments WHERE sale_id = ?1 AND method = 'tab'",
        [sale_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let back: Rupiah = tx.query_row(
        "SELECT COALESCE(SUM(l.total), 0) FROM sale_returns AS t
         JOIN sale_return_lines AS l ON l.return_id = t.id
         WHERE t.sale_id = ?1 AND t.refund_method = 'tab'",
        [sale_id],
        |r| r.get(0),
    )?;
    match customer {
        Some(customer) if customers == 1 && back + amount <= on_tab => Ok(customer),
        _ => Err(LedgerError::NotOnTab(sale_id)),
    }
}

/// Refuses a sale that is not there, is voided or corrected, or whose day is closed while
/// it counts as the open day's (it cannot be: the day is the one open or an earlier one).
fn check_sale(tx: &Connection, sale_id: i64) -> Result<()> {
    let (voided, corrected): (bool, bool) = tx
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM voids WHERE sale_id = ?1),
                    EXISTS (SELECT 1 FROM corrections WHERE sale_id = ?1)
             FROM sales WHERE id = ?1",
            [sale_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(LedgerError::UnknownSale(sale_id))?;
    if voided || corrected {
        return Err(LedgerError::AlreadyVoided(sale_id));
    }
    Ok(())
}

/// Writes the return's lines and their goods back, each line's part reversed in proportion.
fn insert_lines(
    tx: &Connection,
    return_id: i64,
    sale_id: i64,
    lines: &[(LineLeft, i64)],
    at: NaiveDateTime,
) -> Result<()> {
    for (line, part) in lines {
        let a = reverse_part(line.frozen, line.sold, line.returned, *part);
        tx.prepare_cached(
            "INSERT INTO sale_return_lines (return_id, sale_line_id, quantity_milli, total,
                                            producer_share, corner_share)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            return_id,
            line.id,
            part,
            a.total,
            a.producer_share,
            a.corner_share
        ])?;
        tx.prepare_cached(
            "INSERT INTO stock_moves (product_id, kind, quantity_milli, sale_id, at)
             VALUES (?1, 'void', ?2, ?3, ?4)",
        )?
        .execute(params![line.product_id, part, sale_id, stamp_text(at)])?;
    }
    Ok(())
}

const RETURN_COLUMNS: &str = "t.id, t.sale_id, sd.date, s.number, d.date, t.refund_method, t.at,
    t.attendant, t.reason";

fn return_from_row(r: &Row) -> rusqlite::Result<SaleReturn> {
    let refund: String = r.get(5)?;
    Ok(SaleReturn {
        id: r.get(0)?,
        sale_id: r.get(1)?,
        sale_date: get_date(r, 2)?,
        sale_number: r.get(3)?,
        day_date: get_date(r, 4)?,
        refund_method: refund
            .parse()
            .map_err(|()| conversion_error(5, format!("refund method {refund:?}")))?,
        at: get_stamp(r, 6)?,
        attendant: r.get(7)?,
        reason: r.get(8)?,
        lines: Vec::new(),
        chain_head: None,
    })
}

/// The returns `filter` picks (`?1` its value), oldest first, each with its lines.
pub(super) fn returns_where(
    conn: &Connection,
    filter: &str,
    value: impl rusqlite::ToSql,
) -> Result<Vec<SaleReturn>> {
    let mut returns: Vec<SaleReturn> = conn
        .prepare_cached(&format!(
            "SELECT {RETURN_COLUMNS} FROM sale_returns AS t
             JOIN sales AS s ON s.id = t.sale_id
             JOIN business_days AS sd ON sd.id = s.day_id
             JOIN business_days AS d ON d.id = t.day_id
             WHERE {filter} ORDER BY t.id"
        ))?
        .query_map([value], return_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT l.line_no, l.product_id, l.code, l.name, l.unit, l.producer_code,
                r.quantity_milli, r.total, r.producer_share, r.corner_share
         FROM sale_return_lines AS r JOIN sale_lines AS l ON l.id = r.sale_line_id
         WHERE r.return_id = ?1 ORDER BY l.line_no",
    )?;
    for ret in &mut returns {
        ret.lines = stmt
            .query_map([ret.id], |r| {
                Ok(ReturnLine {
                    line_no: r.get(0)?,
                    product_id: r.get(1)?,
                    code: r.get(2)?,
                    name: r.get(3)?,
                    unit: r.get(4)?,
                    producer_code: r.get(5)?,
                    quantity: Quantity::from_milli(r.get(6)?),
                    amounts: LineAmounts {
                        total: r.get(7)?,
                        producer_share: r.get(8)?,
                        corner_share: r.get(9)?,
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(returns)
}

impl Ledger {
    /// Takes back `parts` of a live sale on the open day: of the open day's own sale a
    /// partial void, of a closed day's a partial correction (that day's report stays as it
    /// was). Each line reverses its frozen amounts in proportion to the quantity, over what
    /// was returned of it before, so that a line returned in full reverses exactly what it
    /// froze; the goods go back to stock and the money back by `refund` (a tab refund only
    /// to the tab the sale went on, a cash refund only from cash the drawer holds).
    pub fn return_part(
        &mut self,
        sale_id: i64,
        parts: &[PartRequest],
        refund: RefundMethod,
        reason: &str,
        attendant: &str,
        at: NaiveDateTime,
    ) -> Result<SaleReturn> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(LedgerError::EmptyReason);
        }
        let parts = merged(parts)?;
        let id = self.write(|tx| {
            let day = open_day_on(tx)?.ok_or(LedgerError::NoOpenDay)?;
            check_sale(tx, sale_id)?;
            let (lines, amount) = lines_to_return(tx, sale_id, &parts)?;
            let customer = match refund {
                RefundMethod::Tab => Some(tab_customer(tx, sale_id, amount)?),
                RefundMethod::Cash => {
                    check_drawer(tx, &day, amount)?;
                    None
                }
                _ => None,
            };
            tx.execute(
                "INSERT INTO sale_returns (sale_id, day_id, refund_method, customer_id, at,
                                           attendant, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    sale_id,
                    day.id,
                    refund.code(),
                    customer,
                    stamp_text(at),
                    attendant,
                    reason
                ],
            )?;
            let id = tx.last_insert_rowid();
            insert_lines(tx, id, sale_id, &lines, at)?;
            Ok(id)
        })?;
        self.sale_return(id)
    }

    /// A recorded return with its lines, for its slip.
    pub fn sale_return(&self, id: i64) -> Result<SaleReturn> {
        let found = returns_where(&self.conn, "t.id = ?1", id)?
            .pop()
            .ok_or(LedgerError::UnknownReturn(id))?;
        head::anchored(&self.conn, found)
    }

    /// The parts of a sale taken back so far, oldest first.
    pub fn returns_of_sale(&self, sale_id: i64) -> Result<Vec<SaleReturn>> {
        returns_where(&self.conn, "t.sale_id = ?1", sale_id)
    }
}
