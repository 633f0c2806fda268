//! What is on the shelf delivery by delivery, first in first out, and which of it reaches its
//! best-before date soon: the expiry list a producer's goods go back by.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::quantity::Unit;
use super::stock::StockQuantity;

/// The best-before horizon when the shop has not set one: goods within 2 days are listed.
pub const DEFAULT_EXPIRY_DAYS: u32 = 2;

/// The most days ahead the setting takes: a month.
pub const MAX_EXPIRY_DAYS: u32 = 31;

/// One delivery of one product, as much of it as is still on the shelf.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExpiryLine {
    pub producer_code: String,
    pub producer_name: String,
    pub code: String,
    pub name: String,
    pub variant: String,
    pub unit: Unit,
    /// The intake's slip number and the day it came in.
    pub delivery_number: i64,
    pub delivered: NaiveDate,
    pub best_before: NaiveDate,
    /// What of this delivery is still on the shelf.
    pub left: StockQuantity,
}

/// The expiry list as the stock screen shows it: how many days ahead it looks, and the
/// deliveries by producer, then delivery (oldest first), then product.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ExpiryList {
    pub days: u32,
    pub lines: Vec<ExpiryLine>,
}

impl ExpiryLine {
    pub fn expired(&self, today: NaiveDate) -> bool {
        self.best_before < today
    }

    /// Days from `today` to the best-before date, negative once past.
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        (self.best_before - today).num_days()
    }
}

/// The last day a best-before date is listed for when `days` ahead are: today + days.
pub fn horizon(today: NaiveDate, days: u32) -> NaiveDate {
    today
        .checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

/// The deliveries still on the shelf, oldest first, each with what is left of it: goods
/// leave first in, first out, so what is on hand is the newest deliveries, the oldest of
/// them perhaps partly sold. Nothing on hand (or less than nothing) leaves nothing.
pub fn on_shelf<T>(
    on_hand: StockQuantity,
    deliveries_newest_first: impl IntoIterator<Item = (T, StockQuantity)>,
) -> Vec<(T, StockQuantity)> {
    let mut left = on_hand;
    let mut shelf = Vec::new();
    for (delivery, quantity) in deliveries_newest_first {
        if left <= StockQuantity::ZERO {
            break;
        }
        let here = quantity.min(left);
        if here > StockQuantity::ZERO {
            shelf.push((delivery, here));
        }
        left = left - here;
    }
    shelf.reverse();
    shelf
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q(n: i64) -> StockQuantity {
        StockQuantity::whole(n)
    }

    #[test]
    fn the_oldest_delivery_on_the_shelf_is_the_one_partly_sold() {
        // Deliveries of 10 (oldest), 5 and 8; 11 on hand: the 8, the 5 and 3 of nothing else.
        let deliveries = [("third", q(8)), ("second", q(5)), ("first", q(10))];
        assert_eq!(
            on_shelf(q(11), deliveries),
            [("second", q(3)), ("third", q(8))]
        );
        assert_eq!(on_shelf(q(0), deliveries), []);
        assert_eq!(on_shelf(q(-2), deliveries), []);
        // More on hand than was ever delivered (a count found more): every delivery whole.
        assert_eq!(
            on_shelf(q(30), deliveries),
            [("first", q(10)), ("second", q(5)), ("third", q(8))]
        );
    }

    #[test]
    fn days_left_and_the_horizon() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        assert_eq!(horizon(day(23), 2), day(25));
        let line = ExpiryLine {
            producer_code: "SRI".into(),
            producer_name: "Bu Sri".into(),
            code: "LMPR".into(),
            name: "Lemper".into(),
            variant: String::new(),
            unit: Unit::Pcs,
            delivery_number: 1,
            delivered: day(20),
            best_before: day(22),
            left: q(3),
        };
        assert!(line.expired(day(23)));
        assert!(
            !line.expired(day(22)),
            "the best-before day itself is still good"
        );
        assert_eq!(line.days_left(day(23)), -1);
        assert_eq!(line.days_left(day(20)), 2);
    }

    proptest! {
        /// What the shelf holds by delivery adds up to what is on hand, or to every delivery
        /// when more is on hand than was delivered; no delivery gives more than it brought.
        #[test]
        fn the_shelf_adds_up_to_what_is_on_hand(
            on_hand in -5_000i64..60_000,
            deliveries in proptest::collection::vec(1i64..20_000, 0..8),
        ) {
            let newest_first: Vec<(usize, StockQuantity)> = deliveries
                .iter()
                .enumerate()
                .rev()
                .map(|(i, m)| (i, StockQuantity::from_milli(*m)))
                .collect();
            let shelf = on_shelf(StockQuantity::from_milli(on_hand), newest_first.clone());
            let total: i64 = shelf.iter().map(|(_, q)| q.milli()).sum();
            let delivered: i64 = deliveries.iter().sum();
            prop_assert_eq!(total, on_hand.clamp(0, delivered));
            for (i, left) in &shelf {
                prop_assert!(left.milli() <= deliveries[*i]);
            }
            // Oldest first, and only the oldest on the shelf may be partly sold.
            let order: Vec<usize> = shelf.iter().map(|(i, _)| *i).collect();
            prop_assert!(order.windows(2).all(|w| w[0] < w[1]));
            for (i, left) in shelf.iter().skip(1) {
                prop_assert_eq!(left.milli(), deliveries[*i]);
            }
        }
    }
}
