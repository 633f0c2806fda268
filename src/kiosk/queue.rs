//! Carts parked while the next customer in the queue is served, as the runtime keeps them.

use chrono::NaiveDateTime;

use super::Runtime;
use super::failure::failed;
use crate::domain::Cart;
use crate::ui::{Answer, FailedEffect};

impl Runtime {
    /// Parks the cart; the draft the runtime may still hold for it is saved first (`run`
    /// flushes it before any other effect), then cleared with the park.
    pub(super) fn park_cart(&mut self, cart: &Cart, now: NaiveDateTime) -> Answer {
        self.ledger
            .park_cart(cart, now)
            .map(Answer::CartParked)
            .unwrap_or_else(|e| failed(FailedEffect::Parked, e))
    }

    pub(super) fn load_parked(&self) -> Answer {
        self.ledger
            .parked_carts()
            .map(Answer::ParkedLoaded)
            .unwrap_or_else(|e| failed(FailedEffect::Parked, e))
    }

    /// A parked cart becomes the draft; gone meanwhile (another kiosk cannot run on the
    /// ledger, so only a stale list), the list is read again.
    pub(super) fn recall_cart(&mut self, id: i64, now: NaiveDateTime) -> Answer {
        let recalled = self.ledger.recall_cart(id, now).and_then(|cart| {
            let parked = self.ledger.parked_count()?;
            Ok(cart.map(|cart| Answer::CartRecalled { cart, parked }))
        });
        match recalled {
            Ok(Some(msg)) => msg,
            Ok(None) => self.load_parked(),
            Err(e) => failed(FailedEffect::Parked, e),
        }
    }

    /// How many carts are parked, for the sale screen at start.
    pub(super) fn parked_count(&self) -> Option<Answer> {
        self.ledger.parked_count().ok().map(Answer::ParkedCount)
    }
}
