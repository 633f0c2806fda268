//! What `verify` found wrong with a ledger's figures, as values, so that each language says
//! it in its own words (the ledger finds it, the strings table words it).

use super::money::Rupiah;
use super::quantity::Quantity;
use super::stock::StockQuantity;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Broken {
    /// A line's shares do not add up to its total, or one is negative.
    LineShares {
        producer: Rupiah,
        corner: Rupiah,
        total: Rupiah,
    },
    /// A line's total is not its unit price times its quantity, rounded.
    LineTotal {
        total: Rupiah,
        price: Rupiah,
        quantity: Quantity,
        expected: Rupiah,
    },
    /// A sale's lines do not sum to its total.
    SaleTotal { lines: Rupiah, sale: Rupiah },
    /// A sale's payments, net of change, do not sum to its total.
    SalePayments { paid: Rupiah, sale: Rupiah },
    /// An entry chained after its day's close (the day's id).
    AfterClose { day: i64 },
    /// Counted − expected is not the recorded variance.
    CashVariance {
        counted: Rupiah,
        expected: Rupiah,
        variance: Rupiah,
    },
    /// The cash expected at a close is no longer what the day's history adds up to.
    CashHistory { expected: Rupiah, now: Rupiah },
    /// A product's stock is not what its moves add up to.
    Stock {
        code: String,
        kept: StockQuantity,
        moves: StockQuantity,
    },
    /// A user no recorded change created.
    UserUnrecorded,
    /// A user's name, role or active flag is not their latest recorded change.
    UserDiffers,
    /// A user's PIN is not the one their latest change recorded.
    UserPin,
    /// An approval by a user (by id) who is not a manager.
    NotManager { user: i64 },
    /// A lockout is recorded but the wrong-PIN counter row behind it was removed.
    CounterRemoved,
    /// What a producer was owed at the end of a day (its date): kept, and from history.
    DayBalance {
        date: String,
        kept: Rupiah,
        history: Rupiah,
    },
    /// A returned part of a line reversed other amounts than the rule gives: what it
    /// reversed (total, producer's share) and what the rule says.
    ReturnedPart {
        total: Rupiah,
        share: Rupiah,
        expected: Rupiah,
        expected_share: Rupiah,
    },
    /// The goods that came back for a sale's returns are not what was returned.
    GoodsBack {
        moved: StockQuantity,
        returned: StockQuantity,
    },
    /// What a producer was owed before a payout: kept, and from history (none: missing).
    PayoutBalance {
        kept: Option<Rupiah>,
        history: Option<Rupiah>,
    },
}
