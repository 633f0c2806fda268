//! The till's money beyond a sale: cash moves, customers and their tabs, the day's expected
//! cash and the count that closes it, and corrections of closed days' sales.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::columns::{conversion_error, date_text, get_date, get_stamp, stamp_text, to_second};
use super::connection::Ledger;
use super::day::open_day_on;
use super::error::{LedgerError, Result, unique_violation};
use super::head;
use crate::domain::money::MAX_INPUT;
use crate::domain::{
    BusinessDay, CashCount, CashDirection, CashFigures, CashMove, Correction, CountRecord,
    Customer, CustomerBalance, NewCustomer, NonCashTotals, PaymentMethod, PaymentTotals,
    PayoutLine, RefundMethod, Rupiah, TabEntry, TabPayment, TabStatement,
};

/// An amount the till can take: more than zero, no more than anything typed may be.
fn check_amount(amount: Rupiah) -> Result<()> {
    if amount <= Rupiah::ZERO || amount.value() > MAX_INPUT {
        return Err(LedgerError::InvalidAmount(amount));
    }
    Ok(())
}

fn get_direction(row: &Row, idx: usize) -> rusqlite::Result<CashDirection> {
    let text: String = row.get(idx)?;
    text.parse()
        .map_err(|()| conversion_error(idx, format!("cash direction {text:?}")))
}

fn get_refund(row: &Row, idx: usize) -> rusqlite::Result<RefundMethod> {
    let text: String = row.get(idx)?;
    text.parse()
        .map_err(|()| conversion_error(idx, format!("refund method {text:?}")))
}

const CASH_MOVE_COLUMNS: &str = "m.id, d.date, m.direction, m.amount, m.reason, m.at, m.attendant";

fn cash_move_from_row(r: &Row) -> rusqlite::Result<CashMove> {
    Ok(CashMove {
        chain_head: None,
        id: r.get(0)?,
        day_date: get_date(r, 1)?,
        direction: get_direction(r, 2)?,
        amount: r.get(3)?,
        reason: r.get(4)?,
        at: get_stamp(r, 5)?,
        attendant: r.get(6)?,
    })
}

const CUSTOMER_COLUMNS: &str = "id, name, nip, unit, phone, active";

fn customer_from_row(r: &Row) -> rusqlite::Result<Customer> {
    Ok(Customer {
        id: r.get(0)?,
        name: r.get(1)?,
        nip: r.get(2)?,
        unit: r.get(3)?,
        phone: r.get(4)?,
        active: r.get(5)?,
    })
}

fn find_customer(conn: &Connection, id: i64) -> Result<Customer> {
    conn.prepare_cached(&format!(
        "SELECT {CUSTOMER_COLUMNS} FROM customers WHERE id = ?1"
    ))?
    .query_row([id], customer_from_row)
    .optional()?
    .ok_or(LedgerError::UnknownCustomer(id))
}

/// What `customer` owes now: tab charges of live sales, less corrections and returned
/// parts taken off the tab, less what they paid off.
pub(super) fn owed_by(conn: &Connection, customer: i64) -> Result<Rupiah> {
    Ok(conn
        .prepare_cached(
            "SELECT
               (SELECT COALESCE(SUM(p.amount), 0) FROM payments AS p
                JOIN live_sales AS s ON s.id = p.sale_id
                WHERE p.customer_id = ?1
                  AND NOT EXISTS (SELECT 1 FROM corrections AS c
                                  WHERE c.sale_id = s.id AND c.refund_method = 'tab'))
             - (SELECT COALESCE(SUM(l.total), 0)
                FROM sale_returns AS t JOIN sale_return_lines AS l ON l.return_id = t.id
                WHERE t.customer_id = ?1)
             - (SELECT COALESCE(SUM(amount), 0) FROM tab_payments WHERE customer_id = ?1)",
        )?
        .query_row([customer], |r| r.get(0))?)
}

/// Refuses taking `amount` in cash out of the drawer (a cash out, a cash payout, a cash
/// refund) when the day's history says it holds less: a typo or a wrong method, not cash.
pub(super) fn check_drawer(conn: &Connection, day: &BusinessDay, amount: Rupiah) -> Result<()> {
    let holds = cash_figures(conn, day)?.expected();
    if amount > holds {
        return Err(LedgerError::CashOutAboveDrawer { holds });
    }
    Ok(())
}

/// The cash figures of `day`, from its float to what should be in the drawer.
pub(super) fn cash_figures(conn: &Connection, day: &BusinessDay) -> Result<CashFigures> {
    let (sales, tab_payments, cash_in, cash_out, payouts, refunds) = conn
        .prepare_cached(
            "SELECT
               (SELECT COALESCE(SUM(p.tendered - p.change), 0)
                FROM payments AS p JOIN live_sales AS s ON s.id = p.sale_id
                WHERE s.day_id = ?1 AND p.method = 'cash'),
               (SELECT COALESCE(SUM(amount), 0) FROM tab_payments
                WHERE day_id = ?1 AND method = 'cash'),
               (SELECT COALESCE(SUM(amount), 0) FROM cash_moves
                WHERE day_id = ?1 AND direction = 'in'),
               (SELECT COALESCE(SUM(amount), 0) FROM cash_moves
                WHERE day_id = ?1 AND direction = 'out'),
               (SELECT COALESCE(SUM(amount), 0) FROM payouts
                WHERE day_id = ?1 AND method = 'cash'),
               (SELECT COALESCE(SUM(s.total), 0)
                FROM corrections AS c JOIN sales AS s ON s.id = c.sale_id
                WHERE c.day_id = ?1 AND c.refund_method = 'cash')
             + (SELECT COALESCE(SUM(l.total), 0)
                FROM sale_returns AS t JOIN sale_return_lines AS l ON l.return_id = t.id
                WHERE t.day_id = ?1 AND t.refund_method = 'cash')",
        )?
        .query_row([day.id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?;
    Ok(CashFigures {
        float: day.opening_float,
        sales,
        tab_payments,
        cash_in,
        cash_out,
        payouts,
        refunds,
    })
}

/// The close figures of `day` that the day report adds to its takings.
pub(super) struct CloseFigures {
    pub closed: bool,
    pub cash: CashFigures,
    pub count: Option<CountRecord>,
    pub cash_moves: Vec<CashMove>,
    pub tab_payments: PaymentTotals,
    pub payouts: Vec<PayoutLine>,
    pub corrections: Vec<Correction>,
    pub to_check: NonCashTotals,
}

pub(super) fn close_figures(
    conn: &Connection,
    day: &BusinessDay,
    payments: &PaymentTotals,
) -> Result<CloseFigures> {
    let closed: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM live_closes WHERE day_id = ?1)",
        [day.id],
        |r| r.get(0),
    )?;
    let count = conn
        .prepare_cached(
            "SELECT expected, counted, variance, reason, denominations, at, attendant
             FROM live_cash_counts WHERE day_id = ?1",
        )?
        .query_row([day.id], |r| {
            let denominations: Option<String> = r.get(4)?;
            let denominations = denominations
                .map(|json| {
                    serde_json::from_str::<BTreeMap<String, i64>>(&json)
                        .map_err(|e| conversion_error(4, e))
                })
                .transpose()?;
            Ok(CountRecord {
                expected: r.get(0)?,
                counted: r.get(1)?,
                variance: r.get(2)?,
                reason: r.get(3)?,
                denominations,
                at: get_stamp(r, 5)?,
                attendant: r.get(6)?,
            })
        })
        .optional()?;
    let cash_moves = conn
        .prepare_cached(&format!(
            "SELECT {CASH_MOVE_COLUMNS} FROM cash_moves AS m
             JOIN business_days AS d ON d.id = m.day_id
             WHERE m.day_id = ?1 ORDER BY m.id"
        ))?
        .query_map([day.id], cash_move_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut tab_payments = PaymentTotals::default();
    let mut stmt = conn.prepare_cached(
        "SELECT method, SUM(amount) FROM tab_payments WHERE day_id = ?1 GROUP BY method",
    )?;
    for row in stmt.query_map([day.id], |r| {
        Ok((r.get::<_, PaymentMethod>(0)?, r.get::<_, Rupiah>(1)?))
    })? {
        let (method, amount) = row?;
        *tab_payments.of_mut(method) = amount;
    }
    let payouts = conn
        .prepare_cached(
            "SELECT po.number, pr.code, pr.name, po.method, po.amount, po.at
             FROM payouts AS po JOIN producers AS pr ON pr.id = po.producer_id
             WHERE po.day_id = ?1 ORDER BY po.number",
        )?
        .query_map([day.id], |r| {
            Ok(PayoutLine {
                number: r.get(0)?,
                producer_code: r.get(1)?,
                producer_name: r.get(2)?,
                method: r.get(3)?,
                amount: r.get(4)?,
                at: get_stamp(r, 5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let corrections = corrections_where(conn, "c.day_id = ?1", day.id)?;
    Ok(CloseFigures {
        closed,
        cash: cash_figures(conn, day)?,
        count,
        cash_moves,
        to_check: NonCashTotals {
            qris: payments.qris + tab_payments.qris,
            transfer: payments.transfer + tab_payments.transfer,
        },
        tab_payments,
        payouts,
        corrections,
    })
}

fn corrections_where(conn: &Connection, filter: &str, value: i64) -> Result<Vec<Correction>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT c.id, c.sale_id, sd.date, s.number, s.total, c.refund_method, d.date,
                    c.at, c.attendant, c.reason
             FROM corrections AS c
             JOIN sales AS s ON s.id = c.sale_id
             JOIN business_days AS sd ON sd.id = s.day_id
             JOIN business_days AS d ON d.id = c.day_id
             WHERE {filter} ORDER BY c.id"
        ))?
        .query_map([value], |r| {
            Ok(Correction {
                id: r.get(0)?,
                sale_id: r.get(1)?,
                sale_date: get_date(r, 2)?,
                sale_number: r.get(3)?,
                amount: r.get(4)?,
                refund_method: get_refund(r, 5)?,
                day_date: get_date(r, 6)?,
                at: get_stamp(r, 7)?,
                attendant: r.get(8)?,
                reason: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

fn insert_customer_error(e: rusqlite::Error, customer: &NewCustomer) -> LedgerError {
    match unique_violation(&e) {
        Some("customers.nip") => {
            LedgerError::DuplicateNip(customer.nip.clone().unwrap_or_default())
        }
        _ => e.into(),
    }
}

impl Ledger {
    /// Records cash taken out of the drawer or put into it, on the open day, with its reason.
    pub fn record_cash_move(
        &mut self,
        direction: CashDirection,
        amount: Rupiah,
        reason: &str,
        attendant: &str,
        at: NaiveDateTime,
    ) -> Result<CashMove> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(LedgerError::EmptyReason);
        }
        check_amount(amount)?;
        let done = self.write(|tx| {
            let day = open_day_on(tx)?.ok_or(LedgerError::NoOpenDay)?;
            // Read inside the write transaction, so no other write can empty the drawer
            // between the check and the insert.
            if direction == CashDirection::Out {
                check_drawer(tx, &day, amount)?;
            }
            tx.execute(
                "INSERT INTO cash_moves (day_id, direction, amount, reason, at, attendant)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    day.id,
                    direction.code(),
                    amount,
                    reason,
                    stamp_text(at),
                    attendant
                ],
            )?;
            Ok(CashMove {
                chain_head: None,
                id: tx.last_insert_rowid(),
                day_date: day.date,
                direction,
                amount,
                reason: reason.to_string(),
                at: to_second(at),
                attendant: attendant.to_string(),
            })
        })?;
        head::anchored(&self.conn, done)
    }

    /// Registers an office worker who may buy on a tab.
    pub fn add_customer(&mut self, customer: &NewCustomer, at: NaiveDateTime) -> Result<Customer> {
        let c = customer.checked().map_err(LedgerError::InvalidCustomer)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO customers (name, nip, unit, phone, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![c.name, c.nip, c.unit, c.phone, stamp_text(at)],
            )
            .map_err(|e| insert_customer_error(e, &c))?;
            find_customer(tx, tx.last_insert_rowid())
        })
    }

    /// Edits a customer's details; what they bought and paid stays theirs.
    pub fn update_customer(&mut self, id: i64, customer: &NewCustomer) -> Result<Customer> {
        let c = customer.checked().map_err(LedgerError::InvalidCustomer)?;
        self.write(|tx| {
            find_customer(tx, id)?;
            tx.execute(
                "UPDATE customers SET name = ?2, nip = ?3, unit = ?4, phone = ?5 WHERE id = ?1",
                params![id, c.name, c.nip, c.unit, c.phone],
            )
            .map_err(|e| insert_customer_error(e, &c))?;
            find_customer(tx, id)
        })
    }

    /// Every customer, by name.
    pub fn customers(&self) -> Result<Vec<Customer>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {CUSTOMER_COLUMNS} FROM customers ORDER BY name COLLATE NOCASE, id"
            ))?
            .query_map([], customer_from_row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Every customer with what they were charged and paid, by name.
    pub fn customer_balances(&self) -> Result<Vec<CustomerBalance>> {
        let customers = self.customers()?;
        let mut balances = Vec::with_capacity(customers.len());
        for customer in customers {
            let paid: Rupiah = self.conn.query_row(
                "SELECT COALESCE(SUM(amount), 0) FROM tab_payments WHERE customer_id = ?1",
                [customer.id],
                |r| r.get(0),
            )?;
            let owed = owed_by(&self.conn, customer.id)?;
            balances.push(CustomerBalance {
                charged: owed + paid,
                paid,
                customer,
            });
        }
        Ok(balances)
    }

    /// A customer pays off (part of) their tab on the open day. More than they owe is
    /// refused with what they owe; a tab cannot pay a tab.
    pub fn record_tab_payment(
        &mut self,
        customer: i64,
        method: PaymentMethod,
        amount: Rupiah,
        note: &str,
        attendant: &str,
        at: NaiveDateTime,
    ) -> Result<TabPayment> {
        if method == PaymentMethod::Tab {
            return Err(LedgerError::InvalidPayment(
                "a tab is paid off in cash, QRIS or transfer".into(),
            ));
        }
        check_amount(amount)?;
        let note = note.trim();
        let done = self.write(|tx| {
            let day = open_day_on(tx)?.ok_or(LedgerError::NoOpenDay)?;
            find_customer(tx, customer)?;
            let owed = owed_by(tx, customer)?;
            if amount > owed {
                return Err(LedgerError::MoreThanOwed { owed });
            }
            tx.execute(
                "INSERT INTO tab_payments (day_id, customer_id, method, amount, at, attendant, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![day.id, customer, method, amount, stamp_text(at), attendant, note],
            )?;
            Ok(TabPayment {
                id: tx.last_insert_rowid(),
                customer_id: customer,
                method,
                amount,
                day_date: day.date,
                at: to_second(at),
                attendant: attendant.to_string(),
                note: note.to_string(),
                owed_after: owed - amount,
                chain_head: None,
            })
        })?;
        super::head::anchored(&self.conn, done)
    }

    /// A customer's tab over the business days `from` to `to`: what they owed before, each
    /// charge, payment, correction and returned part in order, with the running balance.
    pub fn tab_statement(
        &self,
        customer: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<TabStatement> {
        let who = find_customer(&self.conn, customer)?;
        // Every entry in the ledger's own order (the chain's, never the PC's clock, which
        // may have been set back); those before `from` make the opening.
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, at, day, sale_date, sale_number, method, amount FROM (
                 SELECT 'charge' AS kind, s.at, d.date AS day, d.date AS sale_date,
                        s.number AS sale_number, NULL AS method, p.amount, ch.seq
                 FROM payments AS p JOIN live_sales AS s ON s.id = p.sale_id
                 JOIN business_days AS d ON d.id = s.day_id
                 LEFT JOIN chain AS ch ON ch.entry_table = 'payments' AND ch.entry_id = p.id
                 WHERE p.customer_id = ?1
                 UNION ALL
                 SELECT 'payment', t.at, d.date, NULL, NULL, t.method, t.amount, ch.seq
                 FROM tab_payments AS t JOIN business_days AS d ON d.id = t.day_id
                 LEFT JOIN chain AS ch ON ch.entry_table = 'tab_payments' AND ch.entry_id = t.id
                 WHERE t.customer_id = ?1
                 UNION ALL
                 SELECT 'refund', c.at, d.date, sd.date, s.number, NULL,
                        (SELECT SUM(p.amount) FROM payments AS p
                         WHERE p.sale_id = s.id AND p.customer_id = ?1), ch.seq
                 FROM corrections AS c JOIN sales AS s ON s.id = c.sale_id
                 JOIN business_days AS d ON d.id = c.day_id
                 JOIN business_days AS sd ON sd.id = s.day_id
                 LEFT JOIN chain AS ch ON ch.entry_table = 'corrections' AND ch.entry_id = c.id
                 WHERE c.refund_method = 'tab'
                   AND EXISTS (SELECT 1 FROM payments AS p
                               WHERE p.sale_id = s.id AND p.customer_id = ?1)
                 UNION ALL
                 SELECT 'refund', t.at, d.date, sd.date, s.number, NULL,
                        (SELECT SUM(l.total) FROM sale_return_lines AS l
                         WHERE l.return_id = t.id), ch.seq
                 FROM sale_returns AS t JOIN sales AS s ON s.id = t.sale_id
                 JOIN business_days AS d ON d.id = t.day_id
                 JOIN business_days AS sd ON sd.id = s.day_id
                 LEFT JOIN chain AS ch ON ch.entry_table = 'sale_returns' AND ch.entry_id = t.id
                 WHERE t.customer_id = ?1
             )
             WHERE day <= ?2
             ORDER BY seq",
        )?;
        let rows = stmt.query_map(params![customer, date_text(to)], |r| {
            let kind: String = r.get(0)?;
            let at = get_stamp(r, 1)?;
            let day = get_date(r, 2)?;
            let amount: Rupiah = r.get(6)?;
            let entry = match kind.as_str() {
                "charge" => TabEntry::Charge {
                    at,
                    sale_date: get_date(r, 3)?,
                    sale_number: r.get(4)?,
                    amount,
                },
                "payment" => TabEntry::Payment {
                    at,
                    method: r.get(5)?,
                    amount,
                },
                _ => TabEntry::Refund {
                    at,
                    sale_date: get_date(r, 3)?,
                    sale_number: r.get(4)?,
                    amount,
                },
            };
            Ok((day, entry))
        })?;
        let mut opening = Rupiah::ZERO;
        let mut entries = Vec::new();
        for row in rows {
            let (day, entry) = row?;
            if day < from {
                opening += entry.signed();
            } else {
                entries.push(entry);
            }
        }
        Ok(TabStatement::new(who, from, to, opening, entries))
    }

    /// Closes the open day with the cash counted: the count (with the expected cash worked
    /// out under the write lock, the variance and its reason) and the close are one
    /// transaction. A variance needs a reason. After this the day accepts nothing more.
    pub fn close_day(
        &mut self,
        count: &CashCount,
        reason: &str,
        attendant: &str,
        at: NaiveDateTime,
    ) -> Result<BusinessDay> {
        let counted = count.total();
        if counted < Rupiah::ZERO || counted.value() > MAX_INPUT {
            return Err(LedgerError::InvalidAmount(counted));
        }
        let reason = reason.trim();
        let denominations = count
            .denominations()
            .map(|d| serde_json::to_string(&d.to_map()))
            .transpose()
            .map_err(|e| LedgerError::Corrupt(e.to_string()))?;
        let day = self.write(|tx| {
            let day = open_day_on(tx)?.ok_or(LedgerError::NoOpenDay)?;
            let expected = cash_figures(tx, &day)?.expected();
            let variance = counted - expected;
            if variance != Rupiah::ZERO && reason.is_empty() {
                return Err(LedgerError::VarianceNeedsReason { variance });
            }
            tx.execute(
                "INSERT INTO cash_counts (day_id, expected, counted, variance, reason,
                                          denominations, at, attendant)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    day.id,
                    expected,
                    counted,
                    variance,
                    reason,
                    denominations,
                    stamp_text(at),
                    attendant
                ],
            )?;
            tx.execute(
                "INSERT INTO day_closes (day_id, closed_at, attendant) VALUES (?1, ?2, ?3)",
                params![day.id, stamp_text(at), attendant],
            )?;
            Ok(day)
        })?;
        // Sealed at once when a manager's PIN opened the key this session; otherwise the
        // day waits for the manager (`verify` lists it as not sealed).
        self.seal_closed_days(&stamp_text(at))?;
        Ok(day)
    }

    /// Takes back a sale of a closed day on the open day: the goods return to stock as
    /// 'void' moves of that sale, the money goes back by `refund`, and the original day
    /// stays as it was closed. A tab refund needs a sale put wholly on one tab.
    pub fn correct_sale(
        &mut self,
        sale_id: i64,
        refund: RefundMethod,
        reason: &str,
        attendant: &str,
        at: NaiveDateTime,
    ) -> Result<Correction> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(LedgerError::EmptyReason);
        }
        self.write(|tx| {
            let day = open_day_on(tx)?.ok_or(LedgerError::NoOpenDay)?;
            let (sale_day, voided, corrected): (i64, bool, bool) = tx
                .query_row(
                    "SELECT day_id, EXISTS (SELECT 1 FROM voids WHERE sale_id = ?1),
                            EXISTS (SELECT 1 FROM corrections WHERE sale_id = ?1)
                     FROM sales WHERE id = ?1",
                    [sale_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?
                .ok_or(LedgerError::UnknownSale(sale_id))?;
            if voided || corrected {
                return Err(LedgerError::AlreadyVoided(sale_id));
            }
            if sale_day == day.id {
                return Err(LedgerError::SameDayCorrection(sale_id));
            }
            super::sales::refuse_after_a_return(tx, sale_id)?;
            if refund == RefundMethod::Tab {
                let (tab_customers, untabbed): (i64, i64) = tx.query_row(
                    "SELECT COUNT(DISTINCT customer_id), COUNT(*) FILTER (WHERE method != 'tab')
                     FROM payments WHERE sale_id = ?1",
                    [sale_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                if tab_customers != 1 || untabbed != 0 {
                    return Err(LedgerError::NotOnTab(sale_id));
                }
            }
            if refund == RefundMethod::Cash {
                let total: Rupiah =
                    tx.query_row("SELECT total FROM sales WHERE id = ?1", [sale_id], |r| {
                        r.get(0)
                    })?;
                check_drawer(tx, &day, total)?;
            }
            tx.execute(
                "INSERT INTO corrections (sale_id, day_id, refund_method, at, attendant, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    sale_id,
                    day.id,
                    refund.code(),
                    stamp_text(at),
                    attendant,
                    reason
                ],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO stock_moves (product_id, kind, quantity_milli, sale_id, at)
                 SELECT product_id, 'void', quantity_milli, sale_id, ?2
                 FROM sale_lines WHERE sale_id = ?1 ORDER BY line_no",
                params![sale_id, stamp_text(at)],
            )?;
            Ok(corrections_where(tx, "c.id = ?1", id)?
                .pop()
                .expect("the correction was just recorded"))
        })
    }

    /// The dates that had a business day, newest first (for stepping through past sales).
    pub fn business_dates(&self) -> Result<Vec<NaiveDate>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT date FROM business_days ORDER BY date DESC")?;
        let rows = stmt.query_map([], |r| get_date(r, 0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
