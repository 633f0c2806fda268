//! The sale being rung up: lines, quantities and the total, before anything is recorded.

use serde::{Deserialize, Serialize};

use super::catalogue::{Catalogue, Product};
use super::money::Rupiah;
use super::payment::Payment;
use super::quantity::Quantity;
use super::share::{LineAmounts, split_line};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    /// The product as it was when scanned: its price and share rule are what the sale freezes.
    pub product: Product,
    pub quantity: Quantity,
}

impl CartLine {
    pub fn amounts(&self) -> LineAmounts {
        split_line(self.product.price, self.quantity, self.product.share)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cart {
    pub lines: Vec<CartLine>,
    /// Parts of a split payment already taken (money in the drawer, the sale not yet
    /// recorded): saved with the cart, so a crash or a parked cart never asks for them again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Payment>,
}

/// A cart put aside while the next customer is served, as the ledger keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParkedCart {
    pub id: i64,
    pub cart: Cart,
    pub parked_at: chrono::NaiveDateTime,
}

/// Why a cart change was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CartError {
    /// The line would pass the per-line maximum quantity.
    TooMuch,
}

impl Cart {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// What the parts already taken add up to.
    pub fn paid(&self) -> Rupiah {
        self.parts.iter().map(|p| p.amount).sum()
    }

    pub fn total(&self) -> Rupiah {
        self.lines.iter().map(|l| l.amounts().total).sum()
    }

    /// Adds to the line of the same product if there is one (scanning twice means two),
    /// and returns the index of the line that changed.
    pub fn add(&mut self, product: &Product, quantity: Quantity) -> Result<usize, CartError> {
        if let Some(i) = self.lines.iter().position(|l| l.product.id == product.id) {
            let line = &mut self.lines[i];
            line.quantity = line
                .quantity
                .checked_add(quantity)
                .ok_or(CartError::TooMuch)?;
            return Ok(i);
        }
        self.lines.push(CartLine {
            product: product.clone(),
            quantity,
        });
        Ok(self.lines.len() - 1)
    }

    /// One more of the line's unit.
    pub fn increment(&mut self, index: usize) -> Result<(), CartError> {
        if let Some(line) = self.lines.get_mut(index) {
            line.quantity = line
                .quantity
                .checked_add(Quantity::whole(1))
                .ok_or(CartError::TooMuch)?;
        }
        Ok(())
    }

    /// One less; a line never drops to zero this way (Delete removes it), so a slip of
    /// the finger cannot silently lose a line.
    pub fn decrement(&mut self, index: usize) {
        if let Some(line) = self.lines.get_mut(index)
            && let Some(q) = line.quantity.checked_sub(Quantity::whole(1))
        {
            line.quantity = q;
        }
    }

    /// Brings every line up to the catalogue as it is now (a price or rate changed while the
    /// customer waited: nothing is sold yet, so nothing is frozen yet). A line whose product
    /// is no longer sold stays, for the attendant to remove. Returns whether a line changed,
    /// so the caller knows to save the draft again.
    #[must_use = "a changed line means the draft must be saved again"]
    pub fn reprice(&mut self, catalogue: &Catalogue) -> bool {
        let mut changed = false;
        for line in &mut self.lines {
            if let Some(now) = catalogue.get(line.product.id)
                && line.product != *now
            {
                line.product = now.clone();
                changed = true;
            }
        }
        changed
    }

    /// The names of the lines whose product the catalogue no longer sells: paying is refused
    /// until they are removed.
    pub fn no_longer_sold(&self, catalogue: &Catalogue) -> Vec<String> {
        self.lines
            .iter()
            .filter(|line| catalogue.get(line.product.id).is_none())
            .map(|line| line.product.full_name())
            .collect()
    }

    pub fn remove(&mut self, index: usize) -> Option<CartLine> {
        (index < self.lines.len()).then(|| self.lines.remove(index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::fixtures::small;

    #[test]
    fn same_product_adds_to_its_line() {
        let c = small();
        let mut cart = Cart::default();
        cart.add(c.lookup("KLP").unwrap(), Quantity::whole(1))
            .unwrap();
        cart.add(c.lookup("KRP").unwrap(), Quantity::whole(2))
            .unwrap();
        assert_eq!(
            cart.add(c.lookup("KLP").unwrap(), Quantity::whole(2)),
            Ok(0)
        );
        assert_eq!(cart.lines.len(), 2);
        assert_eq!(cart.lines[0].quantity, Quantity::whole(3));
        assert_eq!(cart.total(), Rupiah(3 * 5_000 + 2 * 12_000));
    }

    #[test]
    fn plus_minus_and_delete() {
        let c = small();
        let mut cart = Cart::default();
        cart.add(c.lookup("BRS").unwrap(), Quantity::from_milli(1_250))
            .unwrap();
        cart.increment(0).unwrap();
        assert_eq!(cart.lines[0].quantity, Quantity::from_milli(2_250));
        cart.decrement(0);
        cart.decrement(0);
        assert_eq!(cart.lines[0].quantity, Quantity::from_milli(250));
        cart.decrement(0);
        assert_eq!(
            cart.lines[0].quantity,
            Quantity::from_milli(250),
            "never reaches zero"
        );
        assert!(cart.remove(5).is_none());
        assert!(cart.remove(0).is_some());
        assert!(cart.is_empty());
        assert_eq!(cart.total(), Rupiah::ZERO);
    }

    #[test]
    fn repricing_follows_the_catalogue_and_names_what_is_gone() {
        let c = small();
        let mut cart = Cart::default();
        cart.add(c.lookup("KLP").unwrap(), Quantity::whole(2))
            .unwrap();
        cart.add(c.lookup("KRP").unwrap(), Quantity::whole(1))
            .unwrap();
        let mut products = c.products().to_vec();
        products[0].price = Rupiah(6_000); // KLP up from 5.000
        products.retain(|p| p.code != "KRP"); // KRP taken off the till
        let catalogue = Catalogue::new(products);
        assert!(cart.reprice(&catalogue), "a price changed");
        let gone = cart.no_longer_sold(&catalogue);
        assert_eq!(gone, ["Keripik Pisang Coklat"]);
        assert_eq!(cart.lines[0].product.price, Rupiah(6_000));
        assert_eq!(
            cart.total(),
            Rupiah(2 * 6_000 + 12_000),
            "the gone line keeps its last price"
        );
    }

    #[test]
    fn refuses_to_pass_the_maximum() {
        let c = small();
        let mut cart = Cart::default();
        cart.add(c.lookup("KLP").unwrap(), Quantity::whole(9_999))
            .unwrap();
        assert_eq!(cart.increment(0), Err(CartError::TooMuch));
        assert_eq!(
            cart.add(c.lookup("KLP").unwrap(), Quantity::whole(1)),
            Err(CartError::TooMuch)
        );
        assert_eq!(cart.lines[0].quantity, Quantity::whole(9_999));
    }
}
