//! The manager's glance: a day's sales by hour beside the same weekday of earlier weeks,
//! what sells and who is owed, and what needs looking at. Figures only; the ledger reads
//! them and the screen draws them.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::money::Rupiah;
use super::stock::StockQuantity;

/// How many earlier same weekdays the hours are compared with.
pub const WEEKS: u32 = 8;
/// The days the best sellers are counted over, the shown day included.
pub const TOP_DAYS: u32 = 30;
/// Best-before within this many days counts as expiring.
pub const EXPIRY_DAYS: u32 = 2;

/// One hour of the day: the shown day's takings, and the average of the same hour over the
/// earlier same weekdays that were business days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HourBar {
    pub hour: u32,
    pub today: Rupiah,
    pub usual: Rupiah,
}

/// A product or producer ranked by what it sold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub code: String,
    pub name: String,
    pub gross: Rupiah,
    /// Units for a product (all units added together for a producer).
    pub quantity: StockQuantity,
}

/// A producer owed money, and how long since they were last paid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Owed {
    pub code: String,
    pub name: String,
    pub balance: Rupiah,
    /// Days since the last payout; `None` when never paid.
    pub days_since_payout: Option<i64>,
}

/// Everything the glance shows, for the business day `date`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Glance {
    pub date: NaiveDate,
    /// Earlier same weekdays that were business days (at most `WEEKS`).
    pub usual_days: u32,
    pub hours: Vec<HourBar>,
    pub sales: i64,
    pub takings: Rupiah,
    pub voids: i64,
    pub voided: Rupiah,
    pub top_products: Vec<Ranked>,
    pub top_producers: Vec<Ranked>,
    pub owed: Vec<Owed>,
    pub oversold: usize,
    pub below_minimum: usize,
    pub expiring: usize,
    /// The last close before or on `date`: its day and the cash variance.
    pub last_close: Option<(NaiveDate, Rupiah)>,
}

impl Glance {
    /// The average sale; zero without sales.
    pub fn average_sale(&self) -> Rupiah {
        if self.sales == 0 {
            return Rupiah::ZERO;
        }
        super::money::round_rupiah(
            rust_decimal::Decimal::from(self.takings.value())
                / rust_decimal::Decimal::from(self.sales),
        )
    }
}

/// Sales per day over the `TOP_DAYS` days ending on `last`, by product code and by producer
/// code: what each day's report says they sold (gross, voided sales left out). A day without
/// business, or without their sales, is zero; codes that sold nothing are absent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DailySales {
    pub last: NaiveDate,
    pub products: HashMap<String, Vec<Rupiah>>,
    pub producers: HashMap<String, Vec<Rupiah>>,
}

impl DailySales {
    /// No sales in the days ending on `last`.
    pub fn empty(last: NaiveDate) -> DailySales {
        DailySales {
            last,
            products: HashMap::new(),
            producers: HashMap::new(),
        }
    }

    /// The first of the days, `TOP_DAYS - 1` before `last`.
    pub fn first(&self) -> NaiveDate {
        self.last - chrono::Days::new(u64::from(TOP_DAYS) - 1)
    }

    /// Adds a day's gross for a product of a producer; a date outside the days is left out.
    pub fn add(&mut self, date: NaiveDate, product: &str, producer: &str, gross: Rupiah) {
        let Ok(day) = usize::try_from((date - self.first()).num_days()) else {
            return;
        };
        if day >= TOP_DAYS as usize {
            return;
        }
        for (map, code) in [
            (&mut self.products, product),
            (&mut self.producers, producer),
        ] {
            let days = map
                .entry(code.to_string())
                .or_insert_with(|| vec![Rupiah::ZERO; TOP_DAYS as usize]);
            days[day] += gross;
        }
    }
}
