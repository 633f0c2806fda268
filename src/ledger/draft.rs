//! The cart being rung up, saved on every change so a power cut mid-sale loses nothing;
//! and the carts parked while the next customer in the queue is served.

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::columns::{get_stamp, stamp_text};
use super::connection::Ledger;
use super::error::{LedgerError, Result};
use crate::domain::{Cart, ParkedCart};

fn cart_json(cart: &Cart) -> Result<String> {
    serde_json::to_string(cart)
        .map_err(|e| LedgerError::Corrupt(format!("cannot store the cart: {e}")))
}

fn cart_from(json: &str) -> Result<Cart> {
    serde_json::from_str(json)
        .map_err(|e| LedgerError::Corrupt(format!("a saved cart cannot be read: {e}")))
}

impl Ledger {
    /// Keeps `cart` as the draft, replacing the one before; an empty cart clears it.
    pub fn save_draft(&mut self, cart: &Cart, at: NaiveDateTime) -> Result<()> {
        if cart.is_empty() {
            // By its key: with nothing saved this writes nothing (an unfiltered DELETE
            // truncates, rewriting a page and syncing a commit even on an empty table).
            self.conn
                .prepare_cached("DELETE FROM draft WHERE id = 1")?
                .execute([])?;
            return Ok(());
        }
        let json = cart_json(cart)?;
        self.conn.execute(
            "INSERT INTO draft (id, cart, saved_at) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET cart = excluded.cart, saved_at = excluded.saved_at",
            params![json, stamp_text(at)],
        )?;
        Ok(())
    }

    /// The cart that was being rung up when the kiosk last stopped, if any.
    pub fn load_draft(&self) -> Result<Option<Cart>> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT cart FROM draft WHERE id = 1", [], |r| r.get(0))
            .optional()?;
        json.map(|j| cart_from(&j)).transpose()
    }

    /// Puts `cart` aside for later and clears the draft, in one transaction: the cart is
    /// parked or still the draft, never both or neither. Returns how many are parked now.
    pub fn park_cart(&mut self, cart: &Cart, at: NaiveDateTime) -> Result<usize> {
        let json = cart_json(cart)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO parked_carts (cart, parked_at) VALUES (?1, ?2)",
            params![json, stamp_text(at)],
        )?;
        tx.execute("DELETE FROM draft WHERE id = 1", [])?;
        let parked = count_parked(&tx)?;
        tx.commit()?;
        Ok(parked)
    }

    /// The parked carts, oldest first (the first in the queue). A cart that cannot be read
    /// is an error naming the problem, as for the draft.
    pub fn parked_carts(&self) -> Result<Vec<ParkedCart>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, cart, parked_at FROM parked_carts ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                get_stamp(r, 2)?,
            ))
        })?;
        let mut carts = Vec::new();
        for row in rows {
            let (id, json, parked_at) = row?;
            carts.push(ParkedCart {
                id,
                cart: cart_from(&json)?,
                parked_at,
            });
        }
        Ok(carts)
    }

    /// How many carts are parked.
    pub fn parked_count(&self) -> Result<usize> {
        count_parked(&self.conn)
    }

    /// Takes a parked cart back as the cart being rung up (the draft), in one transaction;
    /// `None` if it is no longer parked. A cart that was the draft is parked in its place,
    /// so a recall never loses a cart being rung up.
    pub fn recall_cart(&mut self, id: i64, at: NaiveDateTime) -> Result<Option<Cart>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let json: Option<String> = tx
            .query_row("SELECT cart FROM parked_carts WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(json) = json else {
            return Ok(None);
        };
        tx.execute(
            "INSERT INTO parked_carts (cart, parked_at) SELECT cart, ?1 FROM draft WHERE id = 1",
            [stamp_text(at)],
        )?;
        let cart = cart_from(&json)?;
        tx.execute("DELETE FROM parked_carts WHERE id = ?1", [id])?;
        tx.execute(
            "INSERT INTO draft (id, cart, saved_at) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET cart = excluded.cart, saved_at = excluded.saved_at",
            params![json, stamp_text(at)],
        )?;
        tx.commit()?;
        Ok(Some(cart))
    }
}

fn count_parked(conn: &rusqlite::Connection) -> Result<usize> {
    let n: i64 = conn.query_row("SELECT count(*) FROM parked_carts", [], |r| r.get(0))?;
    Ok(n as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Ledger;

    /// A commit by this connection is seen by another one as a new data version.
    fn data_version(watcher: &rusqlite::Connection) -> i64 {
        watcher
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn clearing_a_draft_that_is_not_there_commits_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pojok.db");
        let mut ledger = Ledger::open(&path).unwrap();
        let watcher = rusqlite::Connection::open(&path).unwrap();
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 2)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap();
        let start = data_version(&watcher);
        ledger.save_draft(&Cart::default(), at).unwrap();
        assert_eq!(
            data_version(&watcher),
            start,
            "nothing written, nothing synced"
        );

        ledger
            .conn
            .execute(
                "INSERT INTO draft (id, cart, saved_at) VALUES (1, '{\"lines\":[]}', 'x')",
                [],
            )
            .unwrap();
        let saved = data_version(&watcher);
        assert_ne!(saved, start);
        ledger.save_draft(&Cart::default(), at).unwrap();
        assert_ne!(data_version(&watcher), saved, "a saved draft is cleared");
        assert_eq!(ledger.load_draft().unwrap(), None);
    }

    fn at(hour: u32, minute: u32) -> chrono::NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
            .unwrap()
            .and_hms_opt(hour, minute, 0)
            .unwrap()
    }

    /// A cart of `n` lemper with `paid` of it already taken in cash.
    fn cart(n: i64, paid: i64) -> Cart {
        let catalogue = crate::domain::catalogue::fixtures::small();
        let mut cart = Cart::default();
        cart.add(
            catalogue.lookup("KLP").unwrap(),
            crate::domain::Quantity::whole(n),
        )
        .unwrap();
        if paid > 0 {
            let mut tender = crate::domain::Tender::new(cart.total());
            let part = tender
                .pay_part(
                    crate::domain::PaymentMethod::Cash,
                    crate::domain::Rupiah(paid),
                )
                .unwrap();
            cart.parts.push(part);
        }
        cart
    }

    #[test]
    fn part_payments_are_saved_with_the_draft_and_read_back_after_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pojok.db");
        let saved = cart(3, 10_000);
        Ledger::open(&path)
            .unwrap()
            .save_draft(&saved, at(9, 0))
            .unwrap();
        let back = Ledger::open(&path).unwrap().load_draft().unwrap().unwrap();
        assert_eq!(back, saved);
        assert_eq!(back.paid(), crate::domain::Rupiah(10_000));
        assert_eq!(back.parts[0].method, crate::domain::PaymentMethod::Cash);
    }

    #[test]
    fn a_draft_saved_before_part_payments_were_kept_reads_with_none() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        let old = serde_json::to_string(&cart(2, 0)).unwrap();
        assert!(
            !old.contains("parts"),
            "an empty list is not written: {old}"
        );
        ledger
            .conn
            .execute(
                "INSERT INTO draft (id, cart, saved_at) VALUES (1, ?1, 'x')",
                [old],
            )
            .unwrap();
        assert_eq!(ledger.load_draft().unwrap(), Some(cart(2, 0)));
    }

    #[test]
    fn parked_carts_outlive_a_restart_and_come_back_in_the_order_parked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pojok.db");
        {
            let mut ledger = Ledger::open(&path).unwrap();
            ledger.save_draft(&cart(1, 0), at(9, 0)).unwrap();
            assert_eq!(ledger.park_cart(&cart(1, 0), at(9, 1)).unwrap(), 1);
            assert_eq!(
                ledger.load_draft().unwrap(),
                None,
                "parked, no longer the draft"
            );
            assert_eq!(ledger.park_cart(&cart(2, 4_000), at(9, 5)).unwrap(), 2);
        }
        let mut ledger = Ledger::open(&path).unwrap();
        let parked = ledger.parked_carts().unwrap();
        assert_eq!(ledger.parked_count().unwrap(), 2);
        assert_eq!(
            parked
                .iter()
                .map(|p| (p.cart.clone(), p.parked_at))
                .collect::<Vec<_>>(),
            vec![(cart(1, 0), at(9, 1)), (cart(2, 4_000), at(9, 5))]
        );

        let recalled = ledger.recall_cart(parked[1].id, at(9, 10)).unwrap();
        assert_eq!(recalled, Some(cart(2, 4_000)), "with its part payment");
        assert_eq!(ledger.load_draft().unwrap(), Some(cart(2, 4_000)));
        assert_eq!(ledger.parked_count().unwrap(), 1);
        assert_eq!(ledger.recall_cart(parked[1].id, at(9, 11)).unwrap(), None);
        drop(ledger);
        let ledger = Ledger::open(&path).unwrap();
        assert_eq!(ledger.load_draft().unwrap(), Some(cart(2, 4_000)));
        assert_eq!(ledger.parked_carts().unwrap()[0].cart, cart(1, 0));
    }

    #[test]
    fn recalling_over_a_cart_being_rung_up_parks_that_cart_instead_of_losing_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        ledger.park_cart(&cart(1, 0), at(9, 0)).unwrap();
        ledger.save_draft(&cart(5, 0), at(9, 2)).unwrap();
        let first = ledger.parked_carts().unwrap()[0].id;
        assert_eq!(
            ledger.recall_cart(first, at(9, 3)).unwrap(),
            Some(cart(1, 0))
        );
        assert_eq!(ledger.load_draft().unwrap(), Some(cart(1, 0)));
        let parked = ledger.parked_carts().unwrap();
        assert_eq!(parked.len(), 1);
        assert_eq!(
            (parked[0].cart.clone(), parked[0].parked_at),
            (cart(5, 0), at(9, 3))
        );
    }
}
