//! Recording a sale with its frozen lines and payments, voiding one, and reading them back.

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::columns::{conversion_error, get_date, get_stamp, stamp_text, to_second};
use super::connection::Ledger;
use super::day::open_day_on;
use super::error::{LedgerError, Result};
use super::head;
use crate::domain::{Cart, Payment, PaymentMethod, Quantity, Rupiah, Sale, SaleLine, SaleSummary};

/// Each payment must be one the shop can take, and together they must pay exactly `total`.
fn check_payments(total: Rupiah, payments: &[Payment]) -> Result<()> {
    for p in payments {
        if !p.amount.is_positive() {
            return Err(LedgerError::InvalidPayment(format!(
                "{} of {} is not more than zero",
                p.method, p.amount
            )));
        }
        if p.change < Rupiah::ZERO || p.tendered - p.change != p.amount {
            return Err(LedgerError::InvalidPayment(format!(
                "{} tendered {} with change {} does not pay {}",
                p.method, p.tendered, p.change, p.amount
            )));
        }
        if p.method != PaymentMethod::Cash && p.change != Rupiah::ZERO {
            return Err(LedgerError::InvalidPayment(format!(
                "{} gives no change",
                p.method
            )));
        }
        if (p.method == PaymentMethod::Tab) != p.customer.is_some() {
            return Err(LedgerError::InvalidPayment(format!(
                "{} of {} names a customer only when it goes on a tab",
                p.method, p.amount
            )));
        }
    }
    let paid: Rupiah = payments.iter().map(|p| p.amount).sum();
    if paid != total {
        return Err(LedgerError::NotSettled { total, paid });
    }
    Ok(())
}

/// The methods of a sale's payments, from a comma-separated column: each once, in order.
fn get_methods(row: &Row, idx: usize) -> rusqlite::Result<Vec<PaymentMethod>> {
    let text: Option<String> = row.get(idx)?;
    let mut methods = Vec::new();
    for code in text.iter().flat_map(|t| t.split(',')) {
        let method: PaymentMethod = code
            .parse()
            .map_err(|()| conversion_error(idx, format!("unknown payment method {code:?}")))?;
        if !methods.contains(&method) {
            methods.push(method);
        }
    }
    Ok(methods)
}

/// A recorded sale read back in full; `UnknownSale` if there is none with that id.
fn load_sale(conn: &Connection, id: i64) -> Result<Sale> {
    let header = conn
        .prepare_cached(
            "SELECT s.number, d.date, s.at, s.attendant, s.total,
                    EXISTS (SELECT 1 FROM voids AS v WHERE v.sale_id = s.id)
             FROM sales AS s JOIN business_days AS d ON d.id = s.day_id
             WHERE s.id = ?1",
        )?
        .query_row([id], |r| {
            Ok(Sale {
                chain_head: None,
                id,
                number: r.get(0)?,
                day_date: get_date(r, 1)?,
                at: get_stamp(r, 2)?,
                attendant: r.get(3)?,
                total: r.get(4)?,
                voided: r.get(5)?,
                lines: Vec::new(),
                payments: Vec::new(),
                tab_customer: None,
            })
        })
        .optional()?;
    let mut sale = header.ok_or(LedgerError::UnknownSale(id))?;
    sale.lines = conn
        .prepare_cached(
            "SELECT product_id, code, name, unit, producer_code, producer_name, quantity_milli,
                    unit_price, total, producer_share, corner_share
             FROM sale_lines WHERE sale_id = ?1 ORDER BY line_no",
        )?
        .query_map([id], |r| {
            Ok(SaleLine {
                product_id: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                unit: r.get(3)?,
                producer_code: r.get(4)?,
                producer_name: r.get(5)?,
                quantity: Quantity::from_milli(r.get(6)?),
                unit_price: r.get(7)?,
                total: r.get(8)?,
                producer_share: r.get(9)?,
                corner_share: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    sale.payments = conn
        .prepare_cached(
            "SELECT method, amount, tendered, change, customer_id FROM payments
             WHERE sale_id = ?1 ORDER BY id",
        )?
        .query_map([id], |r| {
            Ok(Payment {
                method: r.get(0)?,
                amount: r.get(1)?,
                tendered: r.get(2)?,
                change: r.get(3)?,
                customer: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    sale.tab_customer = tab_customer_name(conn, &sale.payments)?;
    Ok(sale)
}

/// The name of the customer whose tab the payments go on, if any does.
fn tab_customer_name(conn: &Connection, payments: &[Payment]) -> Result<Option<String>> {
    let Some(id) = payments.iter().find_map(|p| p.customer) else {
        return Ok(None);
    };
    Ok(conn
        .prepare_cached("SELECT name FROM customers WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// A sale with a part returned is taken back further only in parts: a whole void or
/// correction would reverse the returned part twice.
pub(super) fn refuse_after_a_return(tx: &Connection, sale_id: i64) -> Result<()> {
    let returned: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM sale_returns WHERE sale_id = ?1)")?
        .query_row([sale_id], |r| r.get(0))?;
    if returned {
        return Err(LedgerError::ReturnedInPart(sale_id));
    }
    Ok(())
}

/// Refuses a cart with a product no longer sold: a cart can outlive a catalogue change (a
/// restored draft, a second kiosk).
fn check_sellable(tx: &Connection, cart: &Cart) -> Result<()> {
    for line in &cart.lines {
        let sellable: Option<bool> = tx
            .prepare_cached(
                "SELECT p.active = 1 AND pr.active = 1
                 FROM products AS p JOIN producers AS pr ON pr.id = p.producer_id
                 WHERE p.id = ?1",
            )?
            .query_row([line.product.id], |r| r.get(0))
            .optional()?;
        match sellable {
            Some(true) => {}
            Some(false) => return Err(LedgerError::ProductInactive(line.product.code.clone())),
            None => return Err(LedgerError::UnknownProduct(line.product.code.clone())),
        }
    }
    Ok(())
}

/// Writes the sale's lines with their frozen amounts. The lines are the sale's stock moves:
/// a trigger takes their goods off the shelf (past what is recorded, too: on hand goes
/// negative when something was oversold).
fn insert_lines(
    tx: &Connection,
    sale_id: i64,
    cart: &Cart,
    amounts: Vec<crate::domain::LineAmounts>,
) -> Result<Vec<SaleLine>> {
    let mut lines = Vec::with_capacity(cart.lines.len());
    let mut insert = tx.prepare_cached(
        "INSERT INTO sale_lines (sale_id, line_no, product_id, code, name, unit,
             producer_id, producer_code, producer_name, quantity_milli, unit_price,
             total, producer_share, corner_share)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for (line_no, (cart_line, a)) in (1i64..).zip(cart.lines.iter().zip(amounts)) {
        let p = &cart_line.product;
        let line = SaleLine {
            product_id: p.id,
            code: p.code.clone(),
            name: p.full_name(),
            unit: p.unit,
            producer_code: p.producer_code.clone(),
            producer_name: p.producer_name.clone(),
            quantity: cart_line.quantity,
            unit_price: p.price,
            total: a.total,
            producer_share: a.producer_share,
            corner_share: a.corner_share,
        };
        insert.execute(params![
            sale_id,
            line_no,
            line.product_id,
            line.code,
            line.name,
            line.unit,
            p.producer_id,
            line.producer_code,
            line.producer_name,
            line.quantity.milli(),
            line.unit_price,
            line.total,
            line.producer_share,
            line.corner_share,
        ])?;
        lines.push(line);
    }
    Ok(lines)
}

/// Writes the sale's payments; a tab must be an active customer's.
fn insert_payments(tx: &Connection, sale_id: i64, payments: &[Payment]) -> Result<()> {
    for p in payments {
        if let Some(customer) = p.customer {
            let active: Option<bool> = tx
                .prepare_cached("SELECT active = 1 FROM customers WHERE id = ?1")?
                .query_row([customer], |r| r.get(0))
                .optional()?;
            if active != Some(true) {
                return Err(LedgerError::UnknownCustomer(customer));
            }
        }
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO payments (sale_id, method, amount, tendered, change, customer_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for p in payments {
        insert.execute(params![
            sale_id, p.method, p.amount, p.tendered, p.change, p.customer
        ])?;
    }
    Ok(())
}

impl Ledger {
    /// Records the cart as a sale of the open day, paid by `payments`, takes the goods out of
    /// stock and clears the draft: all in one transaction. Each line's amounts come from the
    /// domain's split, frozen with the product's code, name (with its variant), unit and
    /// producer as they were when scanned. A product deactivated since it was scanned is
    /// refused.
    pub fn record_sale(
        &mut self,
        cart: &Cart,
        payments: &[Payment],
        attendant: &str,
        at: NaiveDateTime,
    ) -> Result<Sale> {
        if cart.is_empty() {
            return Err(LedgerError::EmptySale);
        }
        let amounts: Vec<_> = cart.lines.iter().map(|l| l.amounts()).collect();
        let total: Rupiah = amounts.iter().map(|a| a.total).sum();
        check_payments(total, payments)?;

        let (done, head) = self.write_chained(true, |tx| {
            let day = open_day_on(tx)?.ok_or(LedgerError::NoOpenDay)?;
            check_sellable(tx, cart)?;
            // Cached: each fresh prepare would compile the table's triggers again.
            let number: i64 = tx
                .prepare_cached("SELECT COALESCE(MAX(number), 0) + 1 FROM sales WHERE day_id = ?1")?
                .query_row([day.id], |r| r.get(0))?;
            tx.prepare_cached(
                "INSERT INTO sales (day_id, number, at, attendant, total) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![day.id, number, stamp_text(at), attendant, total])?;
            let sale_id = tx.last_insert_rowid();

            let lines = insert_lines(tx, sale_id, cart, amounts)?;
            insert_payments(tx, sale_id, payments)?;
            // By its key: an empty table's truncation would rewrite a page for nothing.
            tx.prepare_cached("DELETE FROM draft WHERE id = 1")?.execute([])?;
            let tab_customer = tab_customer_name(tx, payments)?;
            Ok(Sale {
                chain_head: None,
                tab_customer,
                id: sale_id,
                number,
                day_date: day.date,
                at: to_second(at),
                attendant: attendant.to_string(),
                total,
                lines,
                payments: payments.to_vec(),
                voided: false,
            })
        })?;
        // Every chain row the sale's transaction wrote is one of its own rows, so the last
        // is its head: no need to look for it again.
        let chain_head = head.map(|h| h.short());
        Ok(Sale { chain_head, ..done })
    }

    /// Voids a sale of the open day by recording a reversing entry that names it, and puts
    /// its goods back in stock; the sale itself stays as it was recorded.
    pub fn void_sale(
        &mut self,
        sale_id: i64,
        reason: &str,
        attendant: &str,
        at: NaiveDateTime,
    ) -> Result<()> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(LedgerError::EmptyReason);
        }
        self.write(|tx| {
            let day = open_day_on(tx)?.ok_or(LedgerError::NoOpenDay)?;
            let (sale_day, voided): (i64, bool) = tx
                .query_row(
                    "SELECT day_id, EXISTS (SELECT 1 FROM voids WHERE sale_id = ?1)
                     FROM sales WHERE id = ?1",
                    [sale_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or(LedgerError::UnknownSale(sale_id))?;
            if voided {
                return Err(LedgerError::AlreadyVoided(sale_id));
            }
            if sale_day != day.id {
                return Err(LedgerError::NotOnOpenDay(sale_id));
            }
            refuse_after_a_return(tx, sale_id)?;
            tx.execute(
                "INSERT INTO voids (sale_id, day_id, at, attendant, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![sale_id, day.id, stamp_text(at), attendant, reason],
            )?;
            // The goods are back on the shelf: each line's quantity returns to stock.
            tx.execute(
                "INSERT INTO stock_moves (product_id, kind, quantity_milli, sale_id, at)
                 SELECT product_id, 'void', quantity_milli, sale_id, ?2
                 FROM sale_lines WHERE sale_id = ?1 ORDER BY line_no",
                params![sale_id, stamp_text(at)],
            )?;
            Ok(())
        })
    }

    /// The open day's sales, newest first; none when no day is open.
    pub fn sales_of_open_day(&self) -> Result<Vec<SaleSummary>> {
        // The filter takes one parameter like the others; here it is NULL and unused.
        self.sales_where(
            "s.day_id = (SELECT id FROM open_day) AND ?1 IS NULL",
            rusqlite::types::Null,
        )
    }

    /// The sales of the business day of `date` (open or closed), newest first.
    pub fn sales_of_day(&self, date: chrono::NaiveDate) -> Result<Vec<SaleSummary>> {
        self.sales_where(
            "s.day_id = (SELECT id FROM business_days WHERE date = ?1)",
            super::columns::date_text(date),
        )
    }

    fn sales_where(&self, filter: &str, value: impl rusqlite::ToSql) -> Result<Vec<SaleSummary>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT s.id, s.number, s.at, s.total,
                    (SELECT COUNT(*) FROM sale_lines AS l WHERE l.sale_id = s.id),
                    EXISTS (SELECT 1 FROM voids AS v WHERE v.sale_id = s.id),
                    (SELECT group_concat(p.method, ',' ORDER BY p.id)
                     FROM payments AS p WHERE p.sale_id = s.id),
                    EXISTS (SELECT 1 FROM corrections AS c WHERE c.sale_id = s.id),
                    (SELECT COALESCE(SUM(l.total), 0)
                     FROM sale_returns AS t JOIN sale_return_lines AS l ON l.return_id = t.id
                     WHERE t.sale_id = s.id)
             FROM sales AS s
             WHERE {filter}
             ORDER BY s.number DESC"
        ))?;
        let rows = stmt.query_map([value], |r| {
            Ok(SaleSummary {
                id: r.get(0)?,
                number: r.get(1)?,
                at: get_stamp(r, 2)?,
                total: r.get(3)?,
                line_count: r.get(4)?,
                voided: r.get(5)?,
                methods: get_methods(r, 6)?,
                corrected: r.get(7)?,
                returned: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A recorded sale in full, for a receipt reprint or a void.
    pub fn sale(&self, id: i64) -> Result<Sale> {
        head::anchored(&self.conn, load_sale(&self.conn, id)?)
    }

    /// The sale recorded last, if any: the one a crash may have caught before its receipt.
    pub fn latest_sale(&self) -> Result<Option<Sale>> {
        let id: Option<i64> = self
            .conn
            .query_row("SELECT MAX(id) FROM sales", [], |r| r.get(0))?;
        id.map(|id| load_sale(&self.conn, id)).transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pay(method: PaymentMethod, amount: i64, tendered: i64, change: i64) -> Payment {
        Payment {
            method,
            amount: Rupiah(amount),
            tendered: Rupiah(tendered),
            change: Rupiah(change),
            customer: None,
        }
    }

    #[test]
    fn payments_must_be_well_formed_and_settle_exactly() {
        let cash = PaymentMethod::Cash;
        let qris = PaymentMethod::Qris;
        assert!(check_payments(Rupiah(7_500), &[pay(cash, 7_500, 10_000, 2_500)]).is_ok());
        assert!(
            check_payments(
                Rupiah(7_500),
                &[pay(qris, 5_000, 5_000, 0), pay(cash, 2_500, 5_000, 2_500)]
            )
            .is_ok()
        );
        assert!(check_payments(Rupiah::ZERO, &[]).is_ok());
        assert!(matches!(
            check_payments(Rupiah(7_500), &[pay(cash, 5_000, 5_000, 0)]),
            Err(LedgerError::NotSettled {
                total: Rupiah(7_500),
                paid: Rupiah(5_000)
            })
        ));
        assert!(matches!(
            check_payments(Rupiah(7_500), &[pay(cash, 10_000, 10_000, 0)]),
            Err(LedgerError::NotSettled {
                paid: Rupiah(10_000),
                ..
            })
        ));
        for bad in [
            pay(cash, 7_500, 10_000, 0),
            pay(cash, 7_500, 5_000, -2_500),
            pay(qris, 7_500, 10_000, 2_500),
            pay(cash, 0, 0, 0),
        ] {
            let result = check_payments(Rupiah(7_500), &[bad]);
            assert!(
                matches!(result, Err(LedgerError::InvalidPayment(_))),
                "{bad:?}: {result:?}"
            );
        }
    }
}
