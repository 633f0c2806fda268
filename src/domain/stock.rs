//! Stock held on consignment: signed quantities, the kinds of stock entries, what the stock
//! screen shows per product, and which best-before date is on the shelf.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};
use std::str::FromStr;

use chrono::{Days, NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::money::decimal_text;
use super::quantity::{MAX_QUANTITY, MILLI, Quantity, Unit};

/// A quantity that may be zero or negative, in thousandths: what is on hand (negative when
/// more was sold than recorded), a stock move (+ in, − out), a count's difference.
#[derive(
    Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct StockQuantity(i64);

impl StockQuantity {
    pub const ZERO: StockQuantity = StockQuantity(0);

    pub fn from_milli(milli: i64) -> StockQuantity {
        StockQuantity(milli)
    }

    pub fn whole(n: i64) -> StockQuantity {
        StockQuantity(n * MILLI)
    }

    pub fn milli(self) -> i64 {
        self.0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    /// `3`, `-2`, `1,25` — decimal comma, no unit.
    pub fn number_text(self) -> String {
        decimal_text(Decimal::new(self.0, 3))
    }

    /// `3 pcs`, `-2 pcs`, `1,25 kg`.
    pub fn with_unit(self, unit: Unit) -> String {
        format!("{} {}", self.number_text(), unit)
    }
}

impl From<Quantity> for StockQuantity {
    fn from(q: Quantity) -> StockQuantity {
        StockQuantity(q.milli())
    }
}

impl Add for StockQuantity {
    type Output = StockQuantity;
    fn add(self, rhs: StockQuantity) -> StockQuantity {
        StockQuantity(self.0 + rhs.0)
    }
}

impl AddAssign for StockQuantity {
    fn add_assign(&mut self, rhs: StockQuantity) {
        self.0 += rhs.0;
    }
}

impl Sub for StockQuantity {
    type Output = StockQuantity;
    fn sub(self, rhs: StockQuantity) -> StockQuantity {
        StockQuantity(self.0 - rhs.0)
    }
}

impl Neg for StockQuantity {
    type Output = StockQuantity;
    fn neg(self) -> StockQuantity {
        StockQuantity(-self.0)
    }
}

impl Sum for StockQuantity {
    fn sum<I: Iterator<Item = StockQuantity>>(iter: I) -> StockQuantity {
        iter.fold(StockQuantity::ZERO, Add::add)
    }
}

/// Why a quantity given for stock was refused.
#[derive(Copy, Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QuantityError {
    #[error("the quantity must be more than zero")]
    NotPositive,
    #[error("the quantity cannot be negative")]
    Negative,
    #[error("the quantity is more than {MAX_QUANTITY}")]
    TooLarge,
    #[error("this product is counted in whole units")]
    NotWhole,
}

/// Checks a quantity of `unit` entered for stock: within the per-line maximum, whole for
/// goods counted in pieces, and more than zero unless `zero_allowed` (a count, a minimum).
pub fn check_stock_quantity(
    q: StockQuantity,
    unit: Unit,
    zero_allowed: bool,
) -> Result<(), QuantityError> {
    let milli = q.milli();
    if milli < 0 {
        return Err(if zero_allowed {
            QuantityError::Negative
        } else {
            QuantityError::NotPositive
        });
    }
    if milli == 0 && !zero_allowed {
        return Err(QuantityError::NotPositive);
    }
    if milli > MAX_QUANTITY * MILLI {
        return Err(QuantityError::TooLarge);
    }
    if !unit.is_weighed() && milli % MILLI != 0 {
        return Err(QuantityError::NotWhole);
    }
    Ok(())
}

/// `check_stock_quantity` for a positive `Quantity`, which may still be out of range when
/// it was not built by the parser.
pub fn check_quantity(q: Quantity, unit: Unit) -> Result<(), QuantityError> {
    if q.as_decimal() > Decimal::from(MAX_QUANTITY) {
        return Err(QuantityError::TooLarge);
    }
    check_stock_quantity(StockQuantity::from(q), unit, false)
}

macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &[$name] = &[$($name::$variant),+];

            /// What the ledger stores.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }

        impl FromStr for $name {
            type Err = ();
            fn from_str(s: &str) -> Result<$name, ()> {
                $name::ALL.iter().copied().find(|k| k.code() == s).ok_or(())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

coded_enum! {
    /// A stock entry made at the corner, with its slip: each kind is numbered on its own.
    DocumentKind {
        Intake => "intake",
        Return => "return",
        WriteOff => "write_off",
        Count => "count",
    }
}

coded_enum! {
    /// What moved stock: an entry with a slip, or a sale and its void.
    MoveKind {
        Intake => "intake",
        Sale => "sale",
        Void => "void",
        Return => "return",
        WriteOff => "write_off",
        Count => "count",
    }
}

impl From<DocumentKind> for MoveKind {
    fn from(kind: DocumentKind) -> MoveKind {
        match kind {
            DocumentKind::Intake => MoveKind::Intake,
            DocumentKind::Return => MoveKind::Return,
            DocumentKind::WriteOff => MoveKind::WriteOff,
            DocumentKind::Count => MoveKind::Count,
        }
    }
}

/// One line of a delivery as the attendant enters it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeLine {
    pub product_code: String,
    pub quantity: Quantity,
    pub best_before: Option<NaiveDate>,
}

/// One product of a stock count (stok opname) as the attendant enters it: what was found on
/// the shelf, and who bears a shortfall.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountLine {
    pub product_code: String,
    pub counted: StockQuantity,
    /// A shortfall the corner bears (lost or broken in its care) instead of the producer.
    pub corner_at_fault: bool,
}

/// One product on a stock slip.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StockDocumentLine {
    pub product_id: i64,
    pub code: String,
    pub name: String,
    pub variant: String,
    pub unit: Unit,
    /// As recorded: positive for an intake, negative for a return or write-off, and for a
    /// count the difference counted − on hand.
    pub quantity: StockQuantity,
    pub best_before: Option<NaiveDate>,
    /// What the ledger held just before this line.
    pub on_hand_before: StockQuantity,
}

impl StockDocumentLine {
    /// What the ledger held after this line; for a count, what was counted.
    pub fn on_hand_after(&self) -> StockQuantity {
        self.on_hand_before + self.quantity
    }
}

/// A recorded stock entry with everything its slip prints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StockDocument {
    pub id: i64,
    pub kind: DocumentKind,
    /// Running number within its kind, as printed on the slip.
    pub number: i64,
    pub producer_code: String,
    pub producer_name: String,
    /// The business day it was made on, if one was open.
    pub day_date: Option<NaiveDate>,
    pub at: NaiveDateTime,
    pub actor: String,
    /// The reason (write-off, count, return) or a remark.
    pub note: String,
    /// A write-off the corner bears instead of the producer.
    pub corner_at_fault: bool,
    pub lines: Vec<StockDocumentLine>,
    /// The short chain head of the transaction that recorded it (`3f9a0c1be27d#1284`): what
    /// its paper carries so `verify --head` can later prove the entry. `None` before it is
    /// recorded.
    pub chain_head: Option<String>,
}

/// A product's stock moves within one business day, each as a person would say it:
/// received, sold (net of voids), returned and written off are amounts that went that way;
/// `counted` is the counts' signed difference.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DayMoves {
    pub received: StockQuantity,
    pub sold: StockQuantity,
    pub returned: StockQuantity,
    pub written_off: StockQuantity,
    pub counted: StockQuantity,
}

impl DayMoves {
    /// Adds a move's signed quantity under its kind.
    pub fn add(&mut self, kind: MoveKind, quantity: StockQuantity) {
        match kind {
            MoveKind::Intake => self.received += quantity,
            MoveKind::Sale | MoveKind::Void => self.sold += -quantity,
            MoveKind::Return => self.returned += -quantity,
            MoveKind::WriteOff => self.written_off += -quantity,
            MoveKind::Count => self.counted += quantity,
        }
    }
}

/// One product on the stock screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StockLine {
    pub product_id: i64,
    pub code: String,
    pub name: String,
    pub variant: String,
    pub unit: Unit,
    pub producer_code: String,
    pub producer_name: String,
    pub daily: bool,
    pub min_stock: StockQuantity,
    pub on_hand: StockQuantity,
    pub day: DayMoves,
    /// The earliest best-before date of what is on the shelf (see `shelf_best_before`).
    pub best_before: Option<NaiveDate>,
}

impl StockLine {
    /// More was sold than the ledger knew of: shown until a count resolves it.
    pub fn oversold(&self) -> bool {
        self.on_hand.is_negative()
    }

    /// Under the minimum shelf quantity, for a product that has one.
    pub fn below_minimum(&self) -> bool {
        self.min_stock.is_positive() && self.on_hand < self.min_stock
    }

    /// Something on the shelf is past its best-before date.
    pub fn expired(&self, today: NaiveDate) -> bool {
        self.best_before.is_some_and(|d| d < today)
    }

    /// Something on the shelf reaches its best-before date within `days` (today counts),
    /// and is not past it yet.
    pub fn best_before_within(&self, today: NaiveDate, days: u64) -> bool {
        let horizon = today.checked_add_days(Days::new(days)).unwrap_or(today);
        self.best_before.is_some_and(|d| today <= d && d <= horizon)
    }

    /// The producer should be rung: oversold or below minimum.
    pub fn needs_restock(&self) -> bool {
        self.oversold() || self.below_minimum()
    }
}

/// A producer to ring for restocking, with the products that need it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CallListEntry {
    pub producer_code: String,
    pub producer_name: String,
    pub phone: String,
    pub lines: Vec<StockLine>,
}

/// A product whose projected stock disagrees with the sum of its moves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StockMismatch {
    pub product_id: i64,
    pub code: String,
    pub projected: StockQuantity,
    pub from_moves: StockQuantity,
}

/// The earliest best-before date among the goods on the shelf, assuming they leave first in,
/// first out: what is on hand is the most recent deliveries, so deliveries are taken newest
/// first until they cover `on_hand`, and the earliest date among them is the answer.
/// Undated deliveries cover quantity but give no date; nothing on hand means no date.
pub fn shelf_best_before(
    on_hand: StockQuantity,
    intakes_newest_first: impl IntoIterator<Item = (StockQuantity, Option<NaiveDate>)>,
) -> Option<NaiveDate> {
    let mut covered = StockQuantity::ZERO;
    let mut earliest: Option<NaiveDate> = None;
    for (quantity, best_before) in intakes_newest_first {
        if covered >= on_hand {
            break;
        }
        covered += quantity;
        if let Some(date) = best_before {
            earliest = Some(earliest.map_or(date, |e| e.min(date)));
        }
    }
    earliest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn line(on_hand: i64, min: i64, best_before: Option<NaiveDate>) -> StockLine {
        StockLine {
            product_id: 1,
            code: "LMPR".into(),
            name: "Lemper".into(),
            variant: String::new(),
            unit: Unit::Pcs,
            producer_code: "SRI".into(),
            producer_name: "Bu Sri".into(),
            daily: true,
            min_stock: StockQuantity::whole(min),
            on_hand: StockQuantity::whole(on_hand),
            day: DayMoves::default(),
            best_before,
        }
    }

    #[test]
    fn signed_quantities_read_as_people_write_them() {
        assert_eq!(StockQuantity::whole(-2).with_unit(Unit::Pcs), "-2 pcs");
        assert_eq!(
            StockQuantity::from_milli(1_250).with_unit(Unit::Kg),
            "1,25 kg"
        );
        assert_eq!(StockQuantity::ZERO.number_text(), "0");
        assert_eq!(StockQuantity::from(Quantity::from_milli(750)).milli(), 750);
        let total: StockQuantity = [5, -2, 1].into_iter().map(StockQuantity::whole).sum();
        assert_eq!(total, StockQuantity::whole(4));
        assert_eq!(-total - StockQuantity::whole(1), StockQuantity::whole(-5));
    }

    #[test]
    fn stock_quantities_are_checked_against_the_unit() {
        let q = StockQuantity::from_milli;
        assert_eq!(check_stock_quantity(q(3_000), Unit::Pcs, false), Ok(()));
        assert_eq!(check_stock_quantity(q(1_250), Unit::Kg, false), Ok(()));
        assert_eq!(check_stock_quantity(q(0), Unit::Pcs, true), Ok(()));
        assert_eq!(
            check_stock_quantity(q(0), Unit::Pcs, false),
            Err(QuantityError::NotPositive)
        );
        assert_eq!(
            check_stock_quantity(q(-1_000), Unit::Pcs, false),
            Err(QuantityError::NotPositive)
        );
        assert_eq!(
            check_stock_quantity(q(-1_000), Unit::Pcs, true),
            Err(QuantityError::Negative)
        );
        assert_eq!(
            check_stock_quantity(q(1_500), Unit::Pcs, false),
            Err(QuantityError::NotWhole)
        );
        assert_eq!(
            check_stock_quantity(q(MAX_QUANTITY * MILLI + 1), Unit::Kg, false),
            Err(QuantityError::TooLarge)
        );
        assert_eq!(
            check_quantity(Quantity::whole(i64::MAX / 10), Unit::Pcs),
            Err(QuantityError::TooLarge)
        );
        assert_eq!(
            check_quantity(Quantity::from_milli(0), Unit::Pcs),
            Err(QuantityError::NotPositive)
        );
    }

    #[test]
    fn kinds_round_trip_through_their_codes() {
        for kind in MoveKind::ALL {
            assert_eq!(kind.code().parse::<MoveKind>(), Ok(*kind));
        }
        for kind in DocumentKind::ALL {
            assert_eq!(kind.code().parse::<DocumentKind>(), Ok(*kind));
            assert_eq!(MoveKind::from(*kind).code(), kind.code());
        }
        assert!("sold".parse::<MoveKind>().is_err());
    }

    #[test]
    fn day_moves_turn_signed_moves_into_plain_amounts() {
        let mut d = DayMoves::default();
        let q = StockQuantity::whole;
        d.add(MoveKind::Intake, q(20));
        d.add(MoveKind::Sale, q(-5));
        d.add(MoveKind::Sale, q(-2));
        d.add(MoveKind::Void, q(2));
        d.add(MoveKind::Return, q(-3));
        d.add(MoveKind::WriteOff, q(-1));
        d.add(MoveKind::Count, q(-1));
        assert_eq!(
            d,
            DayMoves {
                received: q(20),
                sold: q(5),
                returned: q(3),
                written_off: q(1),
                counted: q(-1),
            }
        );
    }

    #[test]
    fn flags_follow_on_hand_minimum_and_dates() {
        assert!(line(-1, 0, None).oversold());
        assert!(!line(0, 0, None).oversold());
        assert!(line(-1, 0, None).needs_restock());
        assert!(
            !line(0, 0, None).below_minimum(),
            "no minimum, never below it"
        );
        assert!(line(2, 3, None).below_minimum());
        assert!(!line(3, 3, None).below_minimum());
        assert!(!line(3, 3, None).needs_restock());

        let l = line(5, 0, Some(day(24)));
        assert!(
            !l.expired(day(24)),
            "the best-before day itself is still good"
        );
        assert!(l.expired(day(25)));
        assert!(l.best_before_within(day(22), 2));
        assert!(!l.best_before_within(day(22), 1));
        assert!(l.best_before_within(day(24), 0));
        assert!(!l.best_before_within(day(25), 3), "expired is its own flag");
        assert!(!line(5, 0, None).expired(day(25)));
    }

    #[test]
    fn the_shelf_holds_the_newest_deliveries() {
        let q = StockQuantity::whole;
        // Newest first: 10 on the 24th, 10 on the 20th, 10 undated.
        let intakes = [
            (q(10), Some(day(24))),
            (q(10), Some(day(20))),
            (q(10), None),
        ];
        assert_eq!(shelf_best_before(q(4), intakes), Some(day(24)));
        assert_eq!(shelf_best_before(q(10), intakes), Some(day(24)));
        assert_eq!(shelf_best_before(q(11), intakes), Some(day(20)));
        assert_eq!(shelf_best_before(q(25), intakes), Some(day(20)));
        assert_eq!(shelf_best_before(q(0), intakes), None);
        assert_eq!(shelf_best_before(q(-3), intakes), None);
        // More on hand than ever delivered: every delivery is on the shelf.
        assert_eq!(shelf_best_before(q(99), intakes), Some(day(20)));
        let undated_first = [(q(5), None), (q(5), Some(day(21)))];
        assert_eq!(shelf_best_before(q(5), undated_first), None);
        assert_eq!(shelf_best_before(q(6), undated_first), Some(day(21)));
        // An earlier date among newer deliveries still wins.
        let mixed = [(q(2), Some(day(28))), (q(2), Some(day(23)))];
        assert_eq!(shelf_best_before(q(3), mixed), Some(day(23)));
    }
}
