//! Barcodes for label sheets: products that came without one are given the corner's own
//! EAN-13 code (`20…`) in one write, each recorded in `barcode_changes` and chained like a
//! price change, so the till scans cakes and eggs like everything else.

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, params};

use super::catalogue::{find_producer, insert_barcode_change};
use super::connection::Ledger;
use super::error::{LedgerError, Result};
use crate::domain::Product;
use crate::domain::barcode::{internal_ean13, is_internal};

/// What a label sheet holds, and what it leaves out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labelled {
    /// The products to label, each with its (perhaps just given) internal barcode.
    pub products: Vec<Product>,
    /// Products asked for that carry their maker's barcode: they need no label of ours.
    pub makers: Vec<String>,
    /// How many of `products` were given their barcode just now.
    pub given: usize,
}

/// How many other numbers are tried when a product's own number is taken (by a code typed
/// in by hand); ten billion numbers leave room.
const TRIES: u64 = 100;

impl Ledger {
    /// The active products without a barcode of their maker's (of `producer`, or those
    /// `codes` name), each given an internal code if it has none yet, recorded as `actor` at
    /// `at`. A producer or product code that is unknown refuses the whole sheet.
    pub fn label_products(
        &mut self,
        producer: Option<&str>,
        codes: &[String],
        actor: &str,
        at: NaiveDateTime,
    ) -> Result<Labelled> {
        let producer = match producer {
            Some(code) => Some(find_producer(&self.conn, code)?.code),
            None => None,
        };
        let all = self.active_products()?;
        for code in codes {
            if !all.iter().any(|p| p.code.eq_ignore_ascii_case(code.trim())) {
                return Err(LedgerError::UnknownProduct(code.trim().to_string()));
            }
        }
        let chosen = all.into_iter().filter(|p| {
            producer.as_ref().is_none_or(|c| p.producer_code == *c)
                && (codes.is_empty() || codes.iter().any(|c| p.code.eq_ignore_ascii_case(c.trim())))
        });
        let (makers, ours): (Vec<Product>, Vec<Product>) =
            chosen.partition(|p| p.barcode.as_deref().is_some_and(|b| !is_internal(b)));
        let missing: Vec<i64> = ours
            .iter()
            .filter(|p| p.barcode.is_none())
            .map(|p| p.id)
            .collect();
        let given = if missing.is_empty() {
            Vec::new()
        } else {
            self.write(|tx| {
                missing
                    .iter()
                    .map(|id| give_barcode(tx, *id, actor, at).map(|code| (*id, code)))
                    .collect::<Result<Vec<_>>>()
            })?
        };
        let products = ours
            .into_iter()
            .map(|mut p| {
                if let Some((_, code)) = given.iter().find(|(id, _)| *id == p.id) {
                    p.barcode = Some(code.clone());
                }
                p
            })
            .collect();
        Ok(Labelled {
            products,
            makers: makers.into_iter().map(|p| p.code).collect(),
            given: given.len(),
        })
    }
}

/// Gives product `id` the internal code of its own number, or of the next free one.
fn give_barcode(tx: &Connection, id: i64, actor: &str, at: NaiveDateTime) -> Result<String> {
    let own = u64::try_from(id).unwrap_or_default();
    for step in 0..TRIES {
        let code = internal_ean13(own + step * 1_000_000_000);
        let taken = tx
            .prepare_cached("SELECT 1 FROM products WHERE barcode = ?1")?
            .query_row([&code], |_| Ok(()))
            .optional()?
            .is_some();
        if taken {
            continue;
        }
        tx.execute(
            "UPDATE products SET barcode = ?2 WHERE id = ?1 AND barcode IS NULL",
            params![id, code],
        )?;
        insert_barcode_change(tx, id, (None, Some(&code)), actor, at)?;
        return Ok(code);
    }
    Err(LedgerError::DuplicateBarcode(internal_ean13(own)))
}
