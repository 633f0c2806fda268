//! Producers and products: registering and editing them, deactivating instead of deleting,
//! the history of price and rate changes, and reading back what the till can sell.

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::columns::{conversion_error, get_stamp, stamp_text};
use super::connection::Ledger;
use super::error::{LedgerError, Result, unique_violation};
use crate::domain::money::MAX_INPUT;
use crate::domain::stock::check_stock_quantity;
use crate::domain::{
    NewProducer, NewProduct, PriceChange, Producer, ProducerChanges, Product, ProductChanges,
    ProductRecord, Rate, RateChange, Rupiah, Scheme, ShareRule, StockQuantity, Unit,
};

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
pub(super) fn get_scheme(row: &Row, idx: usize) -> rusqlite::Result<Scheme> {
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

/// A product as the stock and catalogue writers need to check it.
pub(super) struct FoundProduct {
    pub id: i64,
    pub code: String,
    pub unit: Unit,
    pub price: Rupiah,
    pub producer_price: Option<Rupiah>,
    pub producer_id: i64,
    pub producer_code: String,
    pub scheme: Scheme,
    /// The product and its producer are both active: it can be sold and received.
    pub sellable: bool,
}

/// The product with `code` (any case), or `UnknownProduct`.
pub(super) fn find_product(conn: &Connection, code: &str) -> Result<FoundProduct> {
    let code = code.trim();
    conn.prepare_cached(
        "SELECT p.id, p.code, p.unit, p.price, p.producer_price, pr.id, pr.code,
                pr.scheme, pr.rate_bp, p.active = 1 AND pr.active = 1
         FROM products AS p JOIN producers AS pr ON pr.id = p.producer_id
         WHERE p.code = ?1",
    )?
    .query_row([code], |r| {
        Ok(FoundProduct {
            id: r.get(0)?,
            code: r.get(1)?,
            unit: r.get(2)?,
            price: r.get(3)?,
            producer_price: r.get(4)?,
            producer_id: r.get(5)?,
            producer_code: r.get(6)?,
            scheme: get_scheme(r, 7)?,
            sellable: r.get(9)?,
        })
    })
    .optional()?
    .ok_or_else(|| LedgerError::UnknownProduct(code.to_string()))
}

/// A producer as the writers need to check it.
pub(super) struct FoundProducer {
    pub id: i64,
    pub code: String,
    pub scheme: Scheme,
    pub active: bool,
}

/// The producer with `code` (any case), or `UnknownProducer`.
pub(super) fn find_producer(conn: &Connection, code: &str) -> Result<FoundProducer> {
    let code = code.trim();
    conn.prepare_cached("SELECT id, code, scheme, rate_bp, active FROM producers WHERE code = ?1")?
        .query_row([code], |r| {
            Ok(FoundProducer {
                id: r.get(0)?,
                code: r.get(1)?,
                scheme: get_scheme(r, 2)?,
                active: r.get(4)?,
            })
        })
        .optional()?
        .ok_or_else(|| LedgerError::UnknownProducer(code.to_string()))
}

fn check_price(price: Rupiah) -> Result<()> {
    if !price.is_positive() || price.0 > MAX_INPUT {
        return Err(LedgerError::InvalidProduct(format!(
            "the price must be more than zero and at most {}",
            Rupiah(MAX_INPUT)
        )));
    }
    Ok(())
}

/// A producer price is given exactly under the producer-price scheme, and then it is more
/// than zero and at most the selling price.
fn check_producer_price(
    producer_code: &str,
    scheme: Scheme,
    price: Rupiah,
    producer_price: Option<Rupiah>,
) -> Result<()> {
    match (scheme, producer_price) {
        (Scheme::ProducerPrice, None) => Err(LedgerError::InvalidProduct(format!(
            "producer {producer_code} is paid by producer price: give one"
        ))),
        (Scheme::ProducerPrice, Some(pp)) if !pp.is_positive() || pp > price => {
            Err(LedgerError::InvalidProduct(format!(
                "the producer price {pp} must be more than zero and at most the price {price}"
            )))
        }
        (Scheme::Percentage { .. }, Some(_)) => Err(LedgerError::InvalidProduct(format!(
            "producer {producer_code} is paid by percentage: a producer price does not apply"
        ))),
        _ => Ok(()),
    }
}

fn check_min_stock(code: &str, min_stock: StockQuantity, unit: Unit) -> Result<()> {
    check_stock_quantity(min_stock, unit, true).map_err(|problem| LedgerError::InvalidQuantity {
        code: code.to_string(),
        problem,
    })
}

/// A barcode as stored: trimmed, and none rather than blank.
fn clean_barcode(barcode: Option<&str>) -> Option<&str> {
    barcode.map(str::trim).filter(|b| !b.is_empty())
}

fn product_unique_error(e: rusqlite::Error, code: &str, barcode: Option<&str>) -> LedgerError {
    match unique_violation(&e) {
        Some("products.code") => LedgerError::DuplicateCode(code.to_string()),
        Some("products.barcode") => {
            LedgerError::DuplicateBarcode(barcode.unwrap_or_default().to_string())
        }
        _ => e.into(),
    }
}

/// A product's barcode given, changed or taken away, as history.
pub(super) fn insert_barcode_change(
    conn: &Connection,
    product_id: i64,
    (old, new): (Option<&str>, Option<&str>),
    actor: &str,
    at: NaiveDateTime,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO barcode_changes (product_id, at, actor, old_barcode, new_barcode)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![product_id, stamp_text(at), actor, old, new])?;
    Ok(())
}

fn insert_price_change(
    conn: &Connection,
    product_id: i64,
    old: (Rupiah, Option<Rupiah>),
    new: (Rupiah, Option<Rupiah>),
    actor: &str,
    at: NaiveDateTime,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO price_changes (product_id, at, actor, old_price, new_price,
             old_producer_price, new_producer_price)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        product_id,
        stamp_text(at),
        actor,
        old.0,
        new.0,
        old.1,
        new.1
    ])?;
    Ok(())
}

fn product_from_row(r: &Row) -> rusqlite::Result<ProductRecord> {
    Ok(ProductRecord {
        id: r.get(0)?,
        code: r.get(1)?,
        barcode: r.get(2)?,
        name: r.get(3)?,
        variant: r.get(4)?,
        unit: r.get(5)?,
        price: r.get(6)?,
        producer_price: r.get(7)?,
        producer_id: r.get(8)?,
        producer_code: r.get(9)?,
        producer_name: r.get(10)?,
        min_stock: StockQuantity::from_milli(r.get(11)?),
        daily: r.get(12)?,
        active: r.get(13)?,
        producer_active: r.get(14)?,
    })
}

/// Registers a producer on `conn` (the caller's transaction, if any).
pub(super) fn insert_producer(conn: &Connection, p: &NewProducer) -> Result<i64> {
    let code = p.code.trim();
    let name = p.name.trim();
    if code.is_empty() {
        return Err(LedgerError::InvalidProducer("the code is empty".into()));
    }
    if name.is_empty() {
        return Err(LedgerError::InvalidProducer("the name is empty".into()));
    }
    let (scheme, rate_bp) = scheme_columns(p.scheme);
    conn.execute(
        "INSERT INTO producers (code, name, phone, address, account, scheme, rate_bp)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            code,
            name,
            p.phone.trim(),
            p.address.trim(),
            p.account.trim(),
            scheme,
            rate_bp
        ],
    )
    .map_err(|e| match unique_violation(&e) {
        Some("producers.code") => LedgerError::DuplicateCode(code.to_string()),
        _ => e.into(),
    })?;
    Ok(conn.last_insert_rowid())
}

/// Registers a product on `conn`, which must be in a transaction: its checks and its
/// insert belong together.
pub(super) fn insert_product(conn: &Connection, p: &NewProduct) -> Result<i64> {
    let code = p.code.trim();
    let name = p.name.trim();
    let barcode = clean_barcode(p.barcode.as_deref());
    if code.is_empty() {
        return Err(LedgerError::InvalidProduct("the code is empty".into()));
    }
    if name.is_empty() {
        return Err(LedgerError::InvalidProduct("the name is empty".into()));
    }
    check_price(p.price)?;
    check_min_stock(code, p.min_stock, p.unit)?;
    let producer = find_producer(conn, &p.producer_code)?;
    check_producer_price(&producer.code, producer.scheme, p.price, p.producer_price)?;
    conn.execute(
        "INSERT INTO products (code, barcode, name, variant, unit, price, producer_id,
             producer_price, min_stock_milli, daily)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            code,
            barcode,
            name,
            p.variant.trim(),
            p.unit,
            p.price,
            producer.id,
            p.producer_price,
            p.min_stock.milli(),
            p.daily
        ],
    )
    .map_err(|e| product_unique_error(e, code, barcode))?;
    Ok(conn.last_insert_rowid())
}

/// `Ledger::update_product` on `conn`, which must be in a transaction.
pub(super) fn change_product(
    conn: &Connection,
    code: &str,
    changes: &ProductChanges,
    actor: &str,
    at: NaiveDateTime,
) -> Result<()> {
    let name = changes.name.trim();
    let barcode = clean_barcode(changes.barcode.as_deref());
    if name.is_empty() {
        return Err(LedgerError::InvalidProduct("the name is empty".into()));
    }
    check_price(changes.price)?;
    let product = find_product(conn, code)?;
    let old_barcode: Option<String> = conn
        .prepare_cached("SELECT barcode FROM products WHERE id = ?1")?
        .query_row([product.id], |r| r.get(0))?;
    check_min_stock(&product.code, changes.min_stock, product.unit)?;
    check_producer_price(
        &product.producer_code,
        product.scheme,
        changes.price,
        changes.producer_price,
    )?;
    conn.execute(
        "UPDATE products SET name = ?2, variant = ?3, barcode = ?4, price = ?5,
             producer_price = ?6, min_stock_milli = ?7, daily = ?8
         WHERE id = ?1",
        params![
            product.id,
            name,
            changes.variant.trim(),
            barcode,
            changes.price,
            changes.producer_price,
            changes.min_stock.milli(),
            changes.daily
        ],
    )
    .map_err(|e| product_unique_error(e, &product.code, barcode))?;
    let old = (product.price, product.producer_price);
    let new = (changes.price, changes.producer_price);
    if old != new {
        insert_price_change(conn, product.id, old, new, actor, at)?;
    }
    if old_barcode.as_deref() != barcode {
        insert_barcode_change(
            conn,
            product.id,
            (old_barcode.as_deref(), barcode),
            actor,
            at,
        )?;
    }
    Ok(())
}

/// `Ledger::update_producer` on `conn`, which must be in a transaction.
pub(super) fn change_producer(
    conn: &Connection,
    code: &str,
    changes: &ProducerChanges,
    actor: &str,
    at: NaiveDateTime,
) -> Result<()> {
    let name = changes.name.trim();
    if name.is_empty() {
        return Err(LedgerError::InvalidProducer("the name is empty".into()));
    }
    let producer = find_producer(conn, code)?;
    let to_producer_price = matches!(changes.scheme, Scheme::ProducerPrice)
        && matches!(producer.scheme, Scheme::Percentage { .. });
    if !to_producer_price && !changes.producer_prices.is_empty() {
        return Err(LedgerError::InvalidProducer(
            "producer prices are given only when switching to producer price; \
             otherwise edit each product"
                .into(),
        ));
    }
    let products: Vec<(i64, String, Rupiah, Option<Rupiah>)> = conn
        .prepare_cached(
            "SELECT id, code, price, producer_price FROM products
             WHERE producer_id = ?1 ORDER BY code",
        )?
        .query_map([producer.id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    // Under a percentage there is no producer price; under producer price it stays,
    // unless this edit is what switches to it.
    let new_producer_price = |code: &str, old: Option<Rupiah>| -> Result<Option<Rupiah>> {
        match changes.scheme {
            Scheme::Percentage { .. } => return Ok(None),
            Scheme::ProducerPrice if !to_producer_price => return Ok(old),
            Scheme::ProducerPrice => {}
        }
        let mut given = changes
            .producer_prices
            .iter()
            .filter(|(c, _)| c.trim().eq_ignore_ascii_case(code));
        match (given.next(), given.next()) {
            (Some((_, pp)), None) => Ok(Some(*pp)),
            (None, _) => Err(LedgerError::InvalidProduct(format!(
                "{code}: give a producer price"
            ))),
            (Some(_), Some(_)) => Err(LedgerError::InvalidProduct(format!(
                "{code}: two producer prices"
            ))),
        }
    };
    for (given, _) in &changes.producer_prices {
        if !products
            .iter()
            .any(|(_, c, _, _)| c.eq_ignore_ascii_case(given.trim()))
        {
            return Err(LedgerError::ProductOfAnotherProducer {
                product: given.trim().to_string(),
                producer: producer.code.clone(),
            });
        }
    }
    for (id, product_code, price, old_pp) in &products {
        let new_pp = new_producer_price(product_code, *old_pp)?;
        if new_pp == *old_pp {
            continue;
        }
        if to_producer_price {
            check_producer_price(&producer.code, changes.scheme, *price, new_pp)?;
        }
        conn.execute(
            "UPDATE products SET producer_price = ?2 WHERE id = ?1",
            params![id, new_pp],
        )?;
        insert_price_change(conn, *id, (*price, *old_pp), (*price, new_pp), actor, at)?;
    }
    let (scheme, rate_bp) = scheme_columns(changes.scheme);
    conn.execute(
        "UPDATE producers SET name = ?2, phone = ?3, address = ?4, account = ?5,
             scheme = ?6, rate_bp = ?7
         WHERE id = ?1",
        params![
            producer.id,
            name,
            changes.phone.trim(),
            changes.address.trim(),
            changes.account.trim(),
            scheme,
            rate_bp
        ],
    )?;
    if changes.scheme != producer.scheme {
        let (old_scheme, old_rate_bp) = scheme_columns(producer.scheme);
        conn.execute(
            "INSERT INTO rate_changes (producer_id, at, actor, old_scheme, old_rate_bp,
                 new_scheme, new_rate_bp)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                producer.id,
                stamp_text(at),
                actor,
                old_scheme,
                old_rate_bp,
                scheme,
                rate_bp
            ],
        )?;
    }
    Ok(())
}

impl Ledger {
    pub fn add_producer(&mut self, p: &NewProducer) -> Result<i64> {
        self.write(|tx| insert_producer(tx, p))
    }

    pub fn add_product(&mut self, p: &NewProduct) -> Result<i64> {
        self.write(|tx| {
            let id = insert_product(tx, p)?;
            Ok(id)
        })
    }

    /// Edits a product's name, variant, barcode, prices, minimum and daily flag. A change of
    /// price or producer price is recorded in `price_changes` with `actor` and `at`, in the
    /// same transaction; sales already made keep the prices frozen on their lines.
    pub fn update_product(
        &mut self,
        code: &str,
        changes: &ProductChanges,
        actor: &str,
        at: NaiveDateTime,
    ) -> Result<()> {
        self.write(|tx| {
            change_product(tx, code, changes, actor, at)?;
            Ok(())
        })
    }

    /// Edits a producer. A change of scheme or rate is recorded in `rate_changes` with
    /// `actor` and `at`. Switching to producer price needs `producer_prices` for every
    /// product of the producer; switching to a percentage drops their producer prices. Each
    /// product's price change that follows is recorded in `price_changes`.
    pub fn update_producer(
        &mut self,
        code: &str,
        changes: &ProducerChanges,
        actor: &str,
        at: NaiveDateTime,
    ) -> Result<()> {
        self.write(|tx| {
            change_producer(tx, code, changes, actor, at)?;
            Ok(())
        })
    }

    /// Takes a product off the till; its history stays and still reports.
    pub fn deactivate_product(&mut self, code: &str) -> Result<()> {
        self.set_product_active(code, false)
    }

    pub fn reactivate_product(&mut self, code: &str) -> Result<()> {
        self.set_product_active(code, true)
    }

    /// Takes a producer and with it all of their products off the till; history stays.
    pub fn deactivate_producer(&mut self, code: &str) -> Result<()> {
        self.set_producer_active(code, false)
    }

    pub fn reactivate_producer(&mut self, code: &str) -> Result<()> {
        self.set_producer_active(code, true)
    }

    fn set_product_active(&mut self, code: &str, active: bool) -> Result<()> {
        let changed = self.conn.execute(
            "UPDATE products SET active = ?2 WHERE code = ?1",
            params![code.trim(), active],
        )?;
        if changed == 0 {
            return Err(LedgerError::UnknownProduct(code.trim().to_string()));
        }
        Ok(())
    }

    fn set_producer_active(&mut self, code: &str, active: bool) -> Result<()> {
        let changed = self.conn.execute(
            "UPDATE producers SET active = ?2 WHERE code = ?1",
            params![code.trim(), active],
        )?;
        if changed == 0 {
            return Err(LedgerError::UnknownProducer(code.trim().to_string()));
        }
        Ok(())
    }

    /// Every producer, active or not, by code.
    pub fn producers(&self) -> Result<Vec<Producer>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, code, name, phone, address, account, scheme, rate_bp, active, payout_daily
             FROM producers ORDER BY code",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Producer {
                id: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                phone: r.get(3)?,
                address: r.get(4)?,
                account: r.get(5)?,
                scheme: get_scheme(r, 6)?,
                active: r.get(8)?,
                payout_daily: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every product, active or not, by code, for the catalogue screens.
    pub fn products(&self) -> Result<Vec<ProductRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.code, p.barcode, p.name, p.variant, p.unit, p.price,
                    p.producer_price, pr.id, pr.code, pr.name, p.min_stock_milli, p.daily,
                    p.active, pr.active
             FROM products AS p JOIN producers AS pr ON pr.id = p.producer_id
             ORDER BY p.code",
        )?;
        let rows = stmt.query_map([], product_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What the till can sell: active products of active producers, by code, each with its
    /// share rule resolved from the producer's scheme.
    pub fn active_products(&self) -> Result<Vec<Product>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.code, p.barcode, p.name, p.unit, p.price, p.producer_price,
                    pr.id, pr.code, pr.name, pr.scheme, pr.rate_bp, p.variant
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
                variant: r.get(12)?,
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

    /// A product's price changes, oldest first.
    pub fn price_changes(&self, product_code: &str) -> Result<Vec<PriceChange>> {
        let product = find_product(&self.conn, product_code)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, actor, old_price, new_price, old_producer_price, new_producer_price
             FROM price_changes WHERE product_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([product.id], |r| {
            Ok(PriceChange {
                at: get_stamp(r, 0)?,
                actor: r.get(1)?,
                old_price: r.get(2)?,
                new_price: r.get(3)?,
                old_producer_price: r.get(4)?,
                new_producer_price: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A producer's scheme and rate changes, oldest first.
    pub fn rate_changes(&self, producer_code: &str) -> Result<Vec<RateChange>> {
        let producer = find_producer(&self.conn, producer_code)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, actor, old_scheme, old_rate_bp, new_scheme, new_rate_bp
             FROM rate_changes WHERE producer_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([producer.id], |r| {
            Ok(RateChange {
                at: get_stamp(r, 0)?,
                actor: r.get(1)?,
                old: get_scheme(r, 2)?,
                new: get_scheme(r, 4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
