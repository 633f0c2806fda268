//! Producers and products: registering them, and reading back what the till can sell.

use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};

use super::{Ledger, LedgerError, Result, conversion_error, unique_violation};
use crate::domain::money::MAX_INPUT;
use crate::domain::{Producer, Product, Rate, Rupiah, Scheme, ShareRule, Unit};

/// A producer to register. Codes are trimmed; their case is kept but not significant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewProducer {
    pub code: String,
    pub name: String,
    pub phone: String,
    pub scheme: Scheme,
}

/// A product to register under an existing producer's code. `producer_price` is required
/// exactly when that producer is paid by producer price (harga setor).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewProduct {
    pub code: String,
    pub barcode: Option<String>,
    pub name: String,
    pub unit: Unit,
    pub price: Rupiah,
    pub producer_code: String,
    pub producer_price: Option<Rupiah>,
}

const PERCENTAGE: &str = "percentage";
const PRODUCER_PRICE: &str = "producer_price";

/// The scheme stored as `scheme` text and `rate_bp`.
fn scheme_columns(scheme: Scheme) -> (&'static str, Option<u32>) {
    match scheme {
        Scheme::Percentage { rate } => (PERCENTAGE, Some(rate.basis_points())),
        Scheme::ProducerPrice => (PRODUCER_PRICE, None),
    }
}

/// Reads `scheme` at `idx` and `rate_bp` at `idx + 1`.
fn get_scheme(row: &Row, idx: usize) -> rusqlite::Result<Scheme> {
    let scheme: String = row.get(idx)?;
    let rate_bp: Option<u32> = row.get(idx + 1)?;
    match (scheme.as_str(), rate_bp) {
        (PRODUCER_PRICE, None) => Ok(Scheme::ProducerPrice),
        (PERCENTAGE, Some(bp)) => Rate::from_basis_points(bp)
            .map(|rate| Scheme::Percentage { rate })
            .ok_or_else(|| conversion_error(idx + 1, format!("rate {bp} bp"))),
        _ => Err(conversion_error(
            idx,
            format!("scheme {scheme:?} with rate {rate_bp:?}"),
        )),
    }
}

impl Ledger {
    pub fn add_producer(&mut self, p: &NewProducer) -> Result<i64> {
        let code = p.code.trim();
        let name = p.name.trim();
        if code.is_empty() {
            return Err(LedgerError::InvalidProducer("the code is empty".into()));
        }
        if name.is_empty() {
            return Err(LedgerError::InvalidProducer("the name is empty".into()));
        }
        let (scheme, rate_bp) = scheme_columns(p.scheme);
        self.conn
            .execute(
                "INSERT INTO producers (code, name, phone, scheme, rate_bp)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![code, name, p.phone.trim(), scheme, rate_bp],
            )
            .map_err(|e| match unique_violation(&e) {
                Some("producers.code") => LedgerError::DuplicateCode(code.to_string()),
                _ => e.into(),
            })?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn add_product(&mut self, p: &NewProduct) -> Result<i64> {
        let code = p.code.trim();
        let name = p.name.trim();
        let barcode = p
            .barcode
            .as_deref()
            .map(str::trim)
            .filter(|b| !b.is_empty());
        let producer_code = p.producer_code.trim();
        if code.is_empty() {
            return Err(LedgerError::InvalidProduct("the code is empty".into()));
        }
        if name.is_empty() {
            return Err(LedgerError::InvalidProduct("the name is empty".into()));
        }
        if !p.price.is_positive() || p.price.0 > MAX_INPUT {
            return Err(LedgerError::InvalidProduct(format!(
                "the price must be more than zero and at most {}",
                Rupiah(MAX_INPUT)
            )));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (producer_id, scheme) = tx
            .query_row(
                "SELECT id, scheme, rate_bp FROM producers WHERE code = ?1",
                [producer_code],
                |r| Ok((r.get::<_, i64>(0)?, get_scheme(r, 1)?)),
            )
            .optional()?
            .ok_or_else(|| LedgerError::UnknownProducer(producer_code.to_string()))?;
        match (scheme, p.producer_price) {
            (Scheme::ProducerPrice, None) => {
                return Err(LedgerError::InvalidProduct(format!(
                    "producer {producer_code} is paid by producer price: give one"
                )));
            }
            (Scheme::ProducerPrice, Some(pp)) if !pp.is_positive() || pp > p.price => {
                return Err(LedgerError::InvalidProduct(format!(
                    "the producer price {pp} must be more than zero and at most the price {}",
                    p.price
                )));
            }
            (Scheme::Percentage { .. }, Some(_)) => {
                return Err(LedgerError::InvalidProduct(format!(
                    "producer {producer_code} is paid by percentage: a producer price does not apply"
                )));
            }
            _ => {}
        }
        tx.execute(
            "INSERT INTO products (code, barcode, name, unit, price, producer_id, producer_price)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                code,
                barcode,
                name,
                p.unit,
                p.price,
                producer_id,
                p.producer_price
            ],
        )
        .map_err(|e| match unique_violation(&e) {
            Some("products.code") => LedgerError::DuplicateCode(code.to_string()),
            Some("products.barcode") => {
                LedgerError::DuplicateBarcode(barcode.unwrap_or_default().to_string())
            }
            _ => e.into(),
        })?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    /// Every producer, active or not, by code.
    pub fn producers(&self) -> Result<Vec<Producer>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, code, name, phone, scheme, rate_bp FROM producers ORDER BY code",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Producer {
                id: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                phone: r.get(3)?,
                scheme: get_scheme(r, 4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What the till can sell: active products of active producers, by code, each with its
    /// share rule resolved from the producer's scheme.
    pub fn active_products(&self) -> Result<Vec<Product>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.code, p.barcode, p.name, p.unit, p.price, p.producer_price,
                    pr.id, pr.code, pr.name, pr.scheme, pr.rate_bp
             FROM products AS p JOIN producers AS pr ON pr.id = p.producer_id
             WHERE p.active = 1 AND pr.active = 1
             ORDER BY p.code",
        )?;
        let rows = stmt.query_map([], |r| {
            let producer_price: Option<Rupiah> = r.get(6)?;
            let share = match (get_scheme(r, 10)?, producer_price) {
                (Scheme::Percentage { rate }, None) => ShareRule::Percentage { rate },
                (Scheme::ProducerPrice, Some(price)) => ShareRule::ProducerPrice { price },
                (scheme, price) => {
                    return Err(conversion_error(
                        6,
                        format!("producer price {price:?} under {scheme:?}"),
                    ));
                }
            };
            Ok(Product {
                id: r.get(0)?,
                code: r.get(1)?,
                barcode: r.get(2)?,
                name: r.get(3)?,
                unit: r.get(4)?,
                price: r.get(5)?,
                producer_id: r.get(7)?,
                producer_code: r.get(8)?,
                producer_name: r.get(9)?,
                share,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
