//! The cart being rung up, saved on every change so a power cut mid-sale loses nothing.

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};

use super::{Ledger, LedgerError, Result, stamp_text};
use crate::domain::Cart;

impl Ledger {
    /// Keeps `cart` as the draft, replacing the one before; an empty cart clears it.
    pub fn save_draft(&mut self, cart: &Cart, at: NaiveDateTime) -> Result<()> {
        if cart.is_empty() {
            self.conn.execute("DELETE FROM draft", [])?;
            return Ok(());
        }
        let json = serde_json::to_string(cart)
            .map_err(|e| LedgerError::Corrupt(format!("cannot store the draft: {e}")))?;
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
        json.map(|j| {
            serde_json::from_str(&j)
                .map_err(|e| LedgerError::Corrupt(format!("the saved draft cannot be read: {e}")))
        })
        .transpose()
    }
}
