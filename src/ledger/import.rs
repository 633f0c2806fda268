//! Catalogue imports as single transactions: every validated row of a file is applied, or
//! none is. The rows go through the same insert and update code as the screens, so a price
//! or rate changed by an import is recorded in history like any other edit.

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use super::catalogue::{change_producer, change_product, insert_producer, insert_product};
use super::stock::receive_on;
use super::{Ledger, LedgerError};
use crate::domain::{
    IntakeLine, NewProducer, NewProduct, ProducerChanges, ProductChanges, StockDocument,
};

/// What an import did (or, in a dry run, would do) with one row.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum RowAction {
    Insert,
    Update,
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

fn exists(conn: &Connection, table: &str, code: &str) -> super::Result<bool> {
    // `table` is one of two literals below, never input.
    let sql = format!("SELECT 1 FROM {table} WHERE code = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([code.trim()], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Runs `apply` on every row inside one IMMEDIATE transaction, committing only when all
/// of them succeed (and `mode` says so; otherwise dropping the transaction rolls it back).
fn batch<T, R>(
    ledger: &mut Ledger,
    mode: BatchMode,
    rows: &[T],
    mut apply: impl FnMut(&Connection, &T) -> super::Result<R>,
) -> Result<Vec<R>, BatchError> {
    let whole = |error: LedgerError| BatchError { index: 0, error };
    let tx = ledger
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| whole(e.into()))?;
    let mut done = Vec::with_capacity(rows.len());
    for (index, row) in rows.iter().enumerate() {
        done.push(apply(&tx, row).map_err(|error| BatchError { index, error })?);
    }
    if mode == BatchMode::Commit {
        tx.commit().map_err(|e| whole(e.into()))?;
    }
    Ok(done)
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
                    name: p.name.clone(),
                    phone: p.phone.clone(),
                    address: p.address.clone(),
                    account: p.account.clone(),
                    scheme: p.scheme,
                    producer_prices: Vec::new(),
                };
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
                name: p.name.clone(),
                variant: p.variant.clone(),
                barcode: p.barcode.clone(),
                price: p.price,
                producer_price: p.producer_price,
                min_stock: p.min_stock,
                daily: p.daily,
            };
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
