//! The cart being rung up, saved on every change so a power cut mid-sale loses nothing.

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};

use super::{Ledger, LedgerError, Result, stamp_text};
use crate::domain::Cart;

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
}
