//! Catalogue imports as single transactions: every validated row of a file is applied, or
//! none is. The rows go through the same insert and update code as the screens, so a price
//! or rate changed by an import is recorded in history like any other edit.

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension};

use super::catalogue::{
    change_producer, change_product, get_scheme, insert_producer, insert_product,
};
use super::connection::Ledger;
use super::error::LedgerError;
use super::stock::receive_on;
use crate::domain::{
    IntakeLine, NewProducer, NewProduct, ProducerChanges, ProductChanges, StockDocument,
    StockQuantity,
};

/// What an import did (or, in a dry run, would do) with one row.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum RowAction {
    Insert,
    Update,
    /// The row says what the ledger already holds: nothing is written, no history added.
    Unchanged,
}

/// Whether a batch is kept, or only tried: a dry run goes through every check and write of
/// the real import and then rolls back, so it refuses exactly what the import would.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BatchMode {
    Commit,
    DryRun,
}

/// Why a batch was refused: the row (index into the rows given) the ledger refused, and why.
/// Nothing of the batch was written.
#[derive(Debug, thiserror::Error)]
#[error("row {index}: {error}")]
pub struct BatchError {
    pub index: usize,
    pub error: LedgerError,
}

fn exists(conn: &Connection, table: &str, code: &str) -> super::error::Result<bool> {
    // `table` is one of two literals below, never input.
    let sql = format!("SELECT 1 FROM {table} WHERE code = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([code.trim()], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Runs `apply` on every row as one ledger write (so what it records joins the hash chain),
/// committed only when all of them succeed and `mode` says so; a dry run is rolled back.
fn batch<T, R>(
    ledger: &mut Ledger,
    mode: BatchMode,
    rows: &[T],
    mut apply: impl FnMut(&Connection, &T) -> super::error::Result<R>,
) -> Result<Vec<R>, BatchError> {
    let mut failed_at = 0;
    ledger
        .write_or_rehearse(mode == BatchMode::Commit, |tx| {
            let mut done = Vec::with_capacity(rows.len());
            for (index, row) in rows.iter().enumerate() {
                failed_at = index;
                done.push(apply(tx, row)?);
            }
            Ok(done)
        })
        .map_err(|error| BatchError {
            index: failed_at,
            error,
        })
}

impl Ledger {
    /// Adds the producers whose code is new and updates those whose code exists (a scheme
    /// or rate change is recorded in history with `actor` and `at`), all in one transaction.
    pub fn import_producers(
        &mut self,
        mode: BatchMode,
        rows: &[NewProducer],
        actor: &str,
        at: NaiveDateTime,
    ) -> Result<Vec<RowAction>, BatchError> {
        batch(self, mode, rows, |conn, p| {
            if exists(conn, "producers", &p.code)? {
                let changes = ProducerChanges {
                    name: p.name.trim().to_string(),
                    phone: p.phone.trim().to_string(),
                    address: p.address.trim().to_string(),
                    account: p.account.trim().to_string(),
                    scheme: p.scheme,
                    producer_prices: Vec::new(),
                };
                let current = conn
                    .prepare_cached(
                        "SELECT name, phone, address, account, scheme, rate_bp
                         FROM producers WHERE code = ?1",
                    )?
                    .query_row([p.code.trim()], |r| {
                        Ok(ProducerChanges {
                            name: r.get(0)?,
                            phone: r.get(1)?,
                            address: r.get(2)?,
                            account: r.get(3)?,
                            scheme: get_scheme(r, 4)?,
                            producer_prices: Vec::new(),
                        })
                    })?;
                if current == changes {
                    return Ok(RowAction::Unchanged);
                }
                change_producer(conn, &p.code, &changes, actor, at)?;
                Ok(RowAction::Update)
            } else {
                insert_producer(conn, p)?;
                Ok(RowAction::Insert)
            }
        })
    }

    /// Adds the products whose code is new and updates those whose code exists (a price
    /// change is recorded in history with `actor` and `at`), all in one transaction. The
    /// unit and producer of an existing product never change: a row that tries is refused.
    pub fn import_products(
        &mut self,
        mode: BatchMode,
        rows: &[NewProduct],
        actor: &str,
        at: NaiveDateTime,
    ) -> Result<Vec<RowAction>, BatchError> {
        batch(self, mode, rows, |conn, p| {
            let existing: Option<(String, String)> = conn
                .prepare_cached(
                    "SELECT p.unit, pr.code FROM products AS p
                     JOIN producers AS pr ON pr.id = p.producer_id WHERE p.code = ?1",
                )?
                .query_row([p.code.trim()], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let Some((unit, producer)) = existing else {
                insert_product(conn, p)?;
                return Ok(RowAction::Insert);
            };
            if unit != p.unit.code() || !producer.eq_ignore_ascii_case(p.producer_code.trim()) {
                return Err(LedgerError::InvalidProduct(format!(
                    "{}: the unit and producer of an existing product cannot change",
                    p.code.trim()
                )));
            }
            let changes = ProductChanges {
                name: p.name.trim().to_string(),
                variant: p.variant.trim().to_string(),
                barcode: p
                    .barcode
                    .as_deref()
                    .map(str::trim)
                    .filter(|b| !b.is_empty())
                    .map(str::to_string),
                price: p.price,
                producer_price: p.producer_price,
                min_stock: p.min_stock,
                daily: p.daily,
            };
            let current = conn
                .prepare_cached(
                    "SELECT name, variant, barcode, price, producer_price, min_stock_milli, daily
                     FROM products WHERE code = ?1",
                )?
                .query_row([p.code.trim()], |r| {
                    Ok(ProductChanges {
                        name: r.get(0)?,
                        variant: r.get(1)?,
                        barcode: r.get(2)?,
                        price: r.get(3)?,
                        producer_price: r.get(4)?,
                        min_stock: StockQuantity::from_milli(r.get(5)?),
                        daily: r.get(6)?,
                    })
                })?;
            if current == changes {
                return Ok(RowAction::Unchanged);
            }
            change_product(conn, &p.code, &changes, actor, at)?;
            Ok(RowAction::Update)
        })
    }

    /// Records one intake entry per delivery (producer code and its lines), all in one
    /// transaction.
    pub fn import_intake(
        &mut self,
        mode: BatchMode,
        deliveries: &[(String, Vec<IntakeLine>)],
        actor: &str,
        at: NaiveDateTime,
    ) -> Result<Vec<StockDocument>, BatchError> {
        batch(self, mode, deliveries, |conn, (producer, lines)| {
            receive_on(conn, producer, lines, actor, at)
        })
    }
}
