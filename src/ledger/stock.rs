//! Stock per producer: deliveries, returns, write-offs and counts as numbered entries with
//! their moves, the stock screen's figures, the call list, and the projection's check.
//!
//! Every move is a row of `stock_moves`, except what a sale takes: its lines are its moves.
//! A sale from before V18 also wrote moves repeating its lines. What sums stock reads every
//! sale from its lines and leaves the 'sale' moves out; what walks history in order (a slip's
//! on-hand-before, the stock sheet) reads such a sale from its own moves, whose ids keep the
//! order it happened in, and only the sales without them from their lines. The `stock`
//! projection follows moves and lines by triggers, so these writers only ever insert history.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, params};

use super::catalogue::{FoundProduct, find_producer, find_product};
use super::columns::{date_text, get_opt_date, get_stamp, stamp_text};
use super::connection::Ledger;
use super::day::open_day_on;
use super::error::{LedgerError, Result};
use super::head;
use crate::domain::stock::{check_quantity, check_stock_quantity, shelf_best_before};
use crate::domain::{
    CallListEntry, CountLine, DayMoves, DocumentKind, IntakeLine, MoveKind, Quantity, Scheme,
    ShareRule, StockDocument, StockDocumentLine, StockLine, StockMismatch, StockQuantity,
    loss_share,
};

/// An entry being written: what its moves need to know of it.
struct Entry<'a> {
    id: i64,
    kind: DocumentKind,
    note: &'a str,
    at: NaiveDateTime,
}

/// Opens a numbered entry of `kind` for a producer, on the open day if there is one.
fn insert_document<'a>(
    conn: &Connection,
    kind: DocumentKind,
    producer_id: i64,
    note: &'a str,
    corner_at_fault: bool,
    actor: &str,
    at: NaiveDateTime,
) -> Result<Entry<'a>> {
    let day_id = open_day_on(conn)?.map(|d| d.id);
    let number: i64 = conn
        .prepare_cached("SELECT COALESCE(MAX(number), 0) + 1 FROM stock_documents WHERE kind = ?1")?
        .query_row([kind], |r| r.get(0))?;
    conn.prepare_cached(
        "INSERT INTO stock_documents (kind, producer_id, number, day_id, at, actor, note,
             corner_at_fault)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        kind,
        producer_id,
        number,
        day_id,
        stamp_text(at),
        actor,
        note,
        corner_at_fault
    ])?;
    Ok(Entry {
        id: conn.last_insert_rowid(),
        kind,
        note,
        at,
    })
}

/// One line of `entry`: `quantity` is signed, as it moves stock. The entry's note goes on
/// the move too, so that a move read alone says why.
fn insert_move(
    conn: &Connection,
    entry: &Entry,
    product_id: i64,
    quantity: StockQuantity,
    best_before: Option<NaiveDate>,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO stock_moves (product_id, kind, quantity_milli, document_id, at,
             best_before, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        product_id,
        MoveKind::from(entry.kind),
        quantity.milli(),
        entry.id,
        stamp_text(entry.at),
        best_before.map(date_text),
        entry.note
    ])?;
    Ok(conn.last_insert_rowid())
}

/// How `product` would share a sale today, from its producer's scheme.
fn share_rule(product: &FoundProduct) -> Result<ShareRule> {
    match (product.scheme, product.producer_price) {
        (Scheme::Percentage { rate }, _) => Ok(ShareRule::Percentage { rate }),
        (Scheme::ProducerPrice, Some(price)) => Ok(ShareRule::ProducerPrice { price }),
        (Scheme::ProducerPrice, None) => Err(LedgerError::Corrupt(format!(
            "{} has no producer price under a producer-price scheme",
            product.code
        ))),
    }
}

/// The corner bears `gone` of `product`, moved out by the move `move_id`: the producer is
/// owed the share they would have had selling it at today's price, on the open day (a
/// loss moves money, and money belongs to a business day).
fn record_loss(
    conn: &Connection,
    move_id: i64,
    product: &FoundProduct,
    gone: StockQuantity,
) -> Result<()> {
    let day = open_day_on(conn)?.ok_or(LedgerError::NoOpenDay)?;
    let amount = loss_share(
        product.price,
        Quantity::from_milli(gone.milli()),
        share_rule(product)?,
    );
    conn.prepare_cached(
        "INSERT INTO stock_losses (move_id, producer_id, day_id, amount)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![move_id, product.producer_id, day.id, amount])?;
    Ok(())
}

/// One product's line of a count on `entry`: the move is the difference counted − on hand,
/// recorded even when it is zero so that the count itself is on file. A shortfall the
/// corner bears is owed to the producer; a surplus only moves stock.
fn count_line_on(
    conn: &Connection,
    entry: &Entry,
    product: &FoundProduct,
    counted: StockQuantity,
    corner_at_fault: bool,
) -> Result<()> {
    check_stock_quantity(counted, product.unit, true).map_err(|problem| {
        LedgerError::InvalidQuantity {
            code: product.code.clone(),
            problem,
        }
    })?;
    let difference = counted - on_hand(conn, product.id)?;
    let move_id = insert_move(conn, entry, product.id, difference, None)?;
    if corner_at_fault && difference.is_negative() {
        record_loss(conn, move_id, product, -difference)?;
    }
    Ok(())
}

/// The last sale recorded before the stock entry `document_id`, by the chain's order (a
/// sale and an entry can share a second); the newest sale when the entry is still being
/// written, so not chained yet. Zero when none came before. (A sale from before V18 is
/// counted by its own moves instead, whatever the order its history was chained in.)
fn last_sale_before(conn: &Connection, document_id: i64) -> Result<i64> {
    let found: Option<i64> = conn
        .prepare_cached(
            "SELECT entry_id FROM chain
             WHERE entry_table = 'sales'
               AND seq < COALESCE((SELECT seq FROM chain WHERE entry_table = 'stock_documents'
                                   AND entry_id = ?1), 9223372036854775807)
             ORDER BY entry_id DESC LIMIT 1",
        )?
        .query_row([document_id], |r| r.get(0))
        .optional()?;
    Ok(found.unwrap_or(0))
}

/// A recorded entry in full, for its slip; `UnknownDocument` if there is none with that id.
fn load_document(conn: &Connection, id: i64) -> Result<StockDocument> {
    let header = conn
        .prepare_cached(
            "SELECT d.kind, d.number, pr.code, pr.name, b.date, d.at, d.actor, d.note,
                    d.corner_at_fault OR EXISTS (SELECT 1 FROM stock_moves AS m
                                                 JOIN stock_losses AS x ON x.move_id = m.id
                                                 WHERE m.document_id = d.id)
             FROM stock_documents AS d
             JOIN producers AS pr ON pr.id = d.producer_id
             LEFT JOIN business_days AS b ON b.id = d.day_id
             WHERE d.id = ?1",
        )?
        .query_row([id], |r| {
            Ok(StockDocument {
                chain_head: None,
                id,
                kind: r.get(0)?,
                number: r.get(1)?,
                producer_code: r.get(2)?,
                producer_name: r.get(3)?,
                day_date: get_opt_date(r, 4)?,
                at: get_stamp(r, 5)?,
                actor: r.get(6)?,
                note: r.get(7)?,
                corner_at_fault: r.get(8)?,
                lines: Vec::new(),
            })
        })
        .optional()?;
    let mut document = header.ok_or(LedgerError::UnknownDocument(id))?;
    // On hand before a line: what is on hand now less that line, every move after it (those
    // of sales from before V18 among them) and what later sales took by their lines. Read by id
    // from the line on (the `+` keeps SQLite off the product indexes), so a slip just
    // written reads a few rows, not years of moves.
    document.lines = conn
        .prepare_cached(
            "SELECT m.product_id, p.code, p.name, p.variant, p.unit, m.quantity_milli,
                    m.best_before,
                    COALESCE((SELECT on_hand_milli FROM stock WHERE product_id = m.product_id), 0)
                    - (SELECT COALESCE(SUM(o.quantity_milli), 0) FROM stock_moves AS o
                       WHERE o.id >= m.id AND +o.product_id = m.product_id)
                    + (SELECT COALESCE(SUM(l.quantity_milli), 0) FROM sale_lines AS l
                       WHERE l.sale_id > ?2 AND +l.product_id = m.product_id
                         AND NOT EXISTS (SELECT 1 FROM stock_moves AS o
                                         WHERE o.sale_id = l.sale_id AND o.kind = 'sale')),
                    (SELECT x.amount FROM stock_losses AS x WHERE x.move_id = m.id)
             FROM stock_moves AS m JOIN products AS p ON p.id = m.product_id
             WHERE m.document_id = ?1
             ORDER BY m.id",
        )?
        .query_map([id, last_sale_before(conn, id)?], |r| {
            Ok(StockDocumentLine {
                product_id: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                variant: r.get(3)?,
                unit: r.get(4)?,
                quantity: StockQuantity::from_milli(r.get(5)?),
                best_before: get_opt_date(r, 6)?,
                on_hand_before: StockQuantity::from_milli(r.get(7)?),
                loss: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(document)
}

/// What the projection holds for a product (no row: no moves yet).
fn on_hand(conn: &Connection, product_id: i64) -> Result<StockQuantity> {
    let milli: Option<i64> = conn
        .prepare_cached("SELECT on_hand_milli FROM stock WHERE product_id = ?1")?
        .query_row([product_id], |r| r.get(0))
        .optional()?;
    Ok(StockQuantity::from_milli(milli.unwrap_or(0)))
}

/// A quantity the attendant entered for `product`, checked against its unit.
fn checked(product: &FoundProduct, quantity: Quantity) -> Result<StockQuantity> {
    check_quantity(quantity, product.unit).map_err(|problem| LedgerError::InvalidQuantity {
        code: product.code.clone(),
        problem,
    })?;
    Ok(StockQuantity::from(quantity))
}

/// The product with `code`, which must be the producer's.
fn producers_product(
    conn: &Connection,
    code: &str,
    producer_id: i64,
    producer_code: &str,
) -> Result<FoundProduct> {
    let product = find_product(conn, code)?;
    if product.producer_id != producer_id {
        return Err(LedgerError::ProductOfAnotherProducer {
            product: product.code,
            producer: producer_code.to_string(),
        });
    }
    Ok(product)
}

fn reason_given(reason: &str) -> Result<&str> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(LedgerError::EmptyReason);
    }
    Ok(reason)
}

/// The lines of a count with each product once, in the order first named.
fn merged_count(lines: &[CountLine]) -> Vec<CountLine> {
    let mut merged: Vec<CountLine> = Vec::with_capacity(lines.len());
    for line in lines {
        match merged
            .iter_mut()
            .find(|m| m.product_code.eq_ignore_ascii_case(&line.product_code))
        {
            Some(m) => m.counted += line.counted,
            None => merged.push(line.clone()),
        }
    }
    merged
}

/// One product of a count on `conn`, inside a transaction: its own Count entry whose move is
/// counted − on hand, even when zero.
fn count_on(
    conn: &Connection,
    line: &CountLine,
    reason: &str,
    actor: &str,
    at: NaiveDateTime,
) -> Result<StockDocument> {
    let product = find_product(conn, &line.product_code)?;
    let entry = insert_document(
        conn,
        DocumentKind::Count,
        product.producer_id,
        reason,
        line.corner_at_fault,
        actor,
        at,
    )?;
    count_line_on(conn, &entry, &product, line.counted, line.corner_at_fault)?;
    load_document(conn, entry.id)
}

/// `Ledger::receive_stock` on `conn`, which must be in a transaction.
pub(super) fn receive_on(
    conn: &Connection,
    producer_code: &str,
    lines: &[IntakeLine],
    actor: &str,
    at: NaiveDateTime,
) -> Result<StockDocument> {
    if lines.is_empty() {
        return Err(LedgerError::EmptyDocument);
    }
    let producer = find_producer(conn, producer_code)?;
    if !producer.active {
        return Err(LedgerError::ProducerInactive(producer.code));
    }
    let mut checked_lines = Vec::with_capacity(lines.len());
    for line in lines {
        let product = producers_product(conn, &line.product_code, producer.id, &producer.code)?;
        if !product.sellable {
            return Err(LedgerError::ProductInactive(product.code));
        }
        let quantity = checked(&product, line.quantity)?;
        checked_lines.push((product.id, quantity, line.best_before));
    }
    let entry = insert_document(
        conn,
        DocumentKind::Intake,
        producer.id,
        "",
        false,
        actor,
        at,
    )?;
    for (product_id, quantity, best_before) in checked_lines {
        insert_move(conn, &entry, product_id, quantity, best_before)?;
    }
    load_document(conn, entry.id)
}

impl Ledger {
    /// Records a producer's delivery (titipan): every line must be an active product of that
    /// producer, with a quantity that fits its unit. All lines or none.
    pub fn receive_stock(
        &mut self,
        producer_code: &str,
        lines: &[IntakeLine],
        actor: &str,
        at: NaiveDateTime,
    ) -> Result<StockDocument> {
        let done = self.write(|tx| {
            let document = receive_on(tx, producer_code, lines, actor, at)?;
            Ok(document)
        })?;
        head::anchored(&self.conn, done)
    }

    /// Records goods handed back to their producer (retur). Deactivated products and
    /// producers may still take their goods back; more than the ledger holds may go back
    /// too (the shelf is the truth), leaving on hand negative until a count.
    pub fn return_stock(
        &mut self,
        producer_code: &str,
        lines: &[(String, Quantity)],
        reason: &str,
        actor: &str,
        at: NaiveDateTime,
    ) -> Result<StockDocument> {
        if lines.is_empty() {
            return Err(LedgerError::EmptyDocument);
        }
        let reason = reason.trim();
        let done = self.write(|tx| {
            let producer = find_producer(tx, producer_code)?;
            let mut checked_lines = Vec::with_capacity(lines.len());
            for (code, quantity) in lines {
                let product = producers_product(tx, code, producer.id, &producer.code)?;
                checked_lines.push((product.id, checked(&product, *quantity)?));
            }
            let entry = insert_document(
                tx,
                DocumentKind::Return,
                producer.id,
                reason,
                false,
                actor,
                at,
            )?;
            for (product_id, quantity) in checked_lines {
                insert_move(tx, &entry, product_id, -quantity, None)?;
            }
            let document = load_document(tx, entry.id)?;
            Ok(document)
        })?;
        head::anchored(&self.conn, done)
    }

    /// Writes goods off (damaged, expired, lost). The producer bears it unless
    /// `corner_at_fault`: then the producer is owed the share they would have had selling
    /// it at today's price, which needs an open day. A reason is required.
    pub fn write_off(
        &mut self,
        product_code: &str,
        quantity: Quantity,
        reason: &str,
        corner_at_fault: bool,
        actor: &str,
        at: NaiveDateTime,
    ) -> Result<StockDocument> {
        let reason = reason_given(reason)?;
        let done = self.write(|tx| {
            let product = find_product(tx, product_code)?;
            let quantity = checked(&product, quantity)?;
            let entry = insert_document(
                tx,
                DocumentKind::WriteOff,
                product.producer_id,
                reason,
                corner_at_fault,
                actor,
                at,
            )?;
            let move_id = insert_move(tx, &entry, product.id, -quantity, None)?;
            if corner_at_fault {
                record_loss(tx, move_id, &product, quantity)?;
            }
            let document = load_document(tx, entry.id)?;
            Ok(document)
        })?;
        head::anchored(&self.conn, done)
    }

    /// Records a stock count (stok opname): the move is the difference counted − on hand,
    /// recorded even when it is zero so that the count itself is on file. A shortfall is
    /// the producer's unless `corner_at_fault` (then owed to them as for a write-off); a
    /// surplus only moves stock. A reason is required; `counted` may be zero but not
    /// negative.
    pub fn count_stock(
        &mut self,
        product_code: &str,
        counted: StockQuantity,
        reason: &str,
        corner_at_fault: bool,
        actor: &str,
        at: NaiveDateTime,
    ) -> Result<StockDocument> {
        let line = CountLine {
            product_code: product_code.to_string(),
            counted,
            corner_at_fault,
        };
        let mut documents =
            self.count_stock_many(std::slice::from_ref(&line), reason, actor, at)?;
        Ok(documents.remove(0))
    }

    /// Records a count of many products at once, all or nothing: one Count entry per
    /// product, as `count_stock` makes, each storing who bears its shortfall, in one
    /// transaction, so one approval covers the whole count. A product named twice is
    /// counted once with its quantities added up, as the count form does with a second scan.
    pub fn count_stock_many(
        &mut self,
        lines: &[CountLine],
        reason: &str,
        actor: &str,
        at: NaiveDateTime,
    ) -> Result<Vec<StockDocument>> {
        let reason = reason_given(reason)?;
        let lines = merged_count(lines);
        if lines.is_empty() {
            return Err(LedgerError::EmptyDocument);
        }
        let done = self.write(|tx| {
            lines
                .iter()
                .map(|line| count_on(tx, line, reason, actor, at))
                .collect::<Result<Vec<_>>>()
        })?;
        done.into_iter()
            .map(|d| head::anchored(&self.conn, d))
            .collect()
    }

    /// Returns everything left of the active "daily" products (perishables) to their
    /// producers: one return per producer, all in one transaction. `note` goes on each slip.
    /// Nothing left means no entries.
    pub fn return_daily_goods(
        &mut self,
        note: &str,
        actor: &str,
        at: NaiveDateTime,
    ) -> Result<Vec<StockDocument>> {
        let note = note.trim();
        let done = self.write(|tx| {
            let left: Vec<(i64, i64, i64)> = tx
                .prepare_cached(
                    "SELECT pr.id, p.id, s.on_hand_milli
                     FROM products AS p
                     JOIN producers AS pr ON pr.id = p.producer_id
                     JOIN stock AS s ON s.product_id = p.id
                     WHERE p.daily = 1 AND p.active = 1 AND pr.active = 1 AND s.on_hand_milli > 0
                     ORDER BY pr.code, p.code",
                )?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut ids = Vec::new();
            let mut current: Option<(i64, Entry)> = None;
            for (producer_id, product_id, milli) in left {
                let entry = match current {
                    Some((p, ref entry)) if p == producer_id => entry,
                    _ => {
                        let entry = insert_document(
                            tx,
                            DocumentKind::Return,
                            producer_id,
                            note,
                            false,
                            actor,
                            at,
                        )?;
                        ids.push(entry.id);
                        &current.insert((producer_id, entry)).1
                    }
                };
                insert_move(
                    tx,
                    entry,
                    product_id,
                    -StockQuantity::from_milli(milli),
                    None,
                )?;
            }
            let documents = ids
                .into_iter()
                .map(|id| load_document(tx, id))
                .collect::<Result<Vec<_>>>()?;
            Ok(documents)
        })?;
        done.into_iter()
            .map(|d| head::anchored(&self.conn, d))
            .collect()
    }

    /// The stock screen: every active product of an active producer, by producer and code,
    /// with on hand, the shelf's nearest best-before date, and what moved on the business
    /// day of `day` (zero when `None`). A move belongs to the day its sale or entry was
    /// recorded on; an entry made while no day was open belongs to its calendar date.
    pub fn stock_levels(&self, day: Option<NaiveDate>) -> Result<Vec<StockLine>> {
        let mut lines: Vec<StockLine> = self
            .conn
            .prepare_cached(
                "SELECT p.id, p.code, p.name, p.variant, p.unit, pr.code, pr.name, p.daily,
                        p.min_stock_milli, COALESCE(s.on_hand_milli, 0)
                 FROM products AS p
                 JOIN producers AS pr ON pr.id = p.producer_id
                 LEFT JOIN stock AS s ON s.product_id = p.id
                 WHERE p.active = 1 AND pr.active = 1
                 ORDER BY pr.code, p.code",
            )?
            .query_map([], |r| {
                Ok(StockLine {
                    product_id: r.get(0)?,
                    code: r.get(1)?,
                    name: r.get(2)?,
                    variant: r.get(3)?,
                    unit: r.get(4)?,
                    producer_code: r.get(5)?,
                    producer_name: r.get(6)?,
                    daily: r.get(7)?,
                    min_stock: StockQuantity::from_milli(r.get(8)?),
                    on_hand: StockQuantity::from_milli(r.get(9)?),
                    day: DayMoves::default(),
                    best_before: None,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;

        if let Some(date) = day {
            let moves = self.day_moves(date)?;
            for line in &mut lines {
                if let Some(m) = moves.get(&line.product_id) {
                    line.day = *m;
                }
            }
        }

        let mut intakes = self.conn.prepare_cached(
            // Named: without statistics SQLite prefers the index of (product, kind), which
            // leaves a row of the table to read for every delivery.
            "SELECT quantity_milli, best_before FROM stock_moves INDEXED BY stock_moves_intakes
             WHERE product_id = ?1 AND kind = 'intake'
             ORDER BY id DESC",
        )?;
        for line in lines.iter_mut().filter(|l| l.on_hand.is_positive()) {
            let rows = intakes.query_map([line.product_id], |r| {
                Ok((StockQuantity::from_milli(r.get(0)?), get_opt_date(r, 1)?))
            })?;
            // Read lazily: the rule stops once the deliveries cover what is on hand.
            let mut failed = None;
            let read = rows.map_while(|row| row.map_err(|e| failed = Some(e)).ok());
            line.best_before = shelf_best_before(line.on_hand, read);
            if let Some(e) = failed {
                return Err(e.into());
            }
        }
        Ok(lines)
    }

    /// Each product's moves on the business day of `date`, by kind.
    fn day_moves(&self, date: NaiveDate) -> Result<HashMap<i64, DayMoves>> {
        let day_id: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM business_days WHERE date = ?1")?
            .query_row([date_text(date)], |r| r.get(0))
            .optional()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT product_id, kind, SUM(quantity_milli) FROM (
                 SELECT l.product_id, 'sale' AS kind, -l.quantity_milli AS quantity_milli
                 FROM sales AS s JOIN sale_lines AS l ON l.sale_id = s.id
                 WHERE s.day_id = ?1
                 UNION ALL
                 SELECT m.product_id, m.kind, m.quantity_milli
                 FROM sales AS s JOIN stock_moves AS m ON m.sale_id = s.id
                 WHERE s.day_id = ?1 AND m.kind != 'sale'
                 UNION ALL
                 SELECT m.product_id, m.kind, m.quantity_milli
                 FROM stock_documents AS d JOIN stock_moves AS m ON m.document_id = d.id
                 WHERE d.day_id = ?1 OR (d.day_id IS NULL AND substr(d.at, 1, 10) = ?2)
             )
             GROUP BY product_id, kind",
        )?;
        let rows = stmt.query_map(params![day_id, date_text(date)], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, MoveKind>(1)?,
                StockQuantity::from_milli(r.get(2)?),
            ))
        })?;
        let mut moves: HashMap<i64, DayMoves> = HashMap::new();
        for row in rows {
            let (product_id, kind, quantity) = row?;
            moves.entry(product_id).or_default().add(kind, quantity);
        }
        Ok(moves)
    }

    /// The producers to ring for restocking: those with an active product oversold or
    /// below its minimum, by code, each with those products.
    pub fn call_list(&self) -> Result<Vec<CallListEntry>> {
        let phones: HashMap<String, String> = self
            .producers()?
            .into_iter()
            .map(|p| (p.code, p.phone))
            .collect();
        let mut list: Vec<CallListEntry> = Vec::new();
        for line in self.stock_levels(None)? {
            if !line.needs_restock() {
                continue;
            }
            match list.last_mut() {
                Some(entry) if entry.producer_code == line.producer_code => entry.lines.push(line),
                _ => list.push(CallListEntry {
                    phone: phones.get(&line.producer_code).cloned().unwrap_or_default(),
                    producer_code: line.producer_code.clone(),
                    producer_name: line.producer_name.clone(),
                    lines: vec![line],
                }),
            }
        }
        Ok(list)
    }

    /// Recomputes every product's stock from its moves and lists where the projection
    /// disagrees: empty on a sound ledger.
    pub fn stock_matches_history(&self) -> Result<Vec<StockMismatch>> {
        mismatches(&self.conn)
    }
}

/// `stock_matches_history` on any connection (`verify` runs it among its checks).
pub(super) fn mismatches(conn: &Connection) -> Result<Vec<StockMismatch>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.code, COALESCE(s.on_hand_milli, 0), COALESCE(m.total, 0)
         FROM products AS p
         LEFT JOIN stock AS s ON s.product_id = p.id
         LEFT JOIN (SELECT product_id, SUM(quantity_milli) AS total FROM (
                        SELECT product_id, quantity_milli FROM stock_moves
                        WHERE +kind != 'sale'
                        UNION ALL
                        SELECT product_id, -quantity_milli FROM sale_lines)
                    GROUP BY product_id) AS m ON m.product_id = p.id
         WHERE COALESCE(s.on_hand_milli, 0) != COALESCE(m.total, 0)
         ORDER BY p.code",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(StockMismatch {
            product_id: r.get(0)?,
            code: r.get(1)?,
            projected: StockQuantity::from_milli(r.get(2)?),
            from_moves: StockQuantity::from_milli(r.get(3)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Cart, Catalogue, PaymentMethod, Quantity, Tender};

    /// On a demo ledger written before V18 (its sales moved stock by moves of their own), each
    /// slip read again after a sale of this version still says what was on the shelf before
    /// each of its lines: the sum of every move before it, as that version wrote them.
    #[test]
    fn a_slip_read_again_after_later_sales_old_and_new_keeps_its_on_hand_before() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pojok.db");
        let fixture =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/demo-v17.db");
        std::fs::copy(fixture, &path).unwrap();
        let mut ledger = Ledger::open(&path).unwrap();
        let before_each_line = |conn: &Connection| -> Vec<(i64, i64, i64)> {
            let mut stmt = conn
                .prepare(
                    "SELECT m.document_id, m.id,
                            (SELECT COALESCE(SUM(o.quantity_milli), 0) FROM stock_moves AS o
                             WHERE o.product_id = m.product_id AND o.id < m.id)
                     FROM stock_moves AS m WHERE m.document_id IS NOT NULL ORDER BY m.id",
                )
                .unwrap();
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        let expected = before_each_line(&ledger.conn);
        assert!(expected.len() > 10);
        let catalogue = Catalogue::new(ledger.active_products().unwrap());
        let mut cart = Cart::default();
        for code in ["LMPR", "KRPS", "LAPIS"] {
            cart.add(catalogue.lookup(code).unwrap(), Quantity::whole(2))
                .unwrap();
        }
        let mut tender = Tender::new(cart.total());
        tender.pay_rest(PaymentMethod::Cash, None).unwrap();
        let at = NaiveDate::from_ymd_opt(2026, 12, 5)
            .unwrap()
            .and_hms_opt(16, 0, 0)
            .unwrap();
        ledger
            .record_sale(&cart, &tender.payments, "Rina", at)
            .unwrap();
        let mut documents: Vec<i64> = expected.iter().map(|(d, _, _)| *d).collect();
        documents.dedup();
        let mut read_again = Vec::new();
        for id in documents {
            for line in load_document(&ledger.conn, id).unwrap().lines {
                read_again.push(line.on_hand_before.milli());
            }
        }
        let expected: Vec<i64> = expected.iter().map(|(_, _, before)| *before).collect();
        assert_eq!(read_again, expected);

        // A slip of this version, read again after a sale that followed it.
        let intake = IntakeLine {
            product_code: "LMPR".into(),
            quantity: Quantity::whole(5),
            best_before: None,
        };
        let slip = ledger
            .receive_stock("SRI", &[intake], "Rina", at + chrono::Duration::minutes(1))
            .unwrap();
        ledger
            .record_sale(
                &cart,
                &tender.payments,
                "Rina",
                at + chrono::Duration::minutes(2),
            )
            .unwrap();
        let again = load_document(&ledger.conn, slip.id).unwrap();
        assert_eq!(again.lines[0].on_hand_before, slip.lines[0].on_hand_before);
    }
}
