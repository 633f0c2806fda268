//! A yes/no question a screen asks: the words to show, and the outcome its yes brings, so
//! that answering needs no knowledge of the screen that asked.

use crate::domain::Rupiah;

/// What a question asks, in words (what its yes does travels with it in `Ask`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    EmptyCart {
        lines: usize,
        total: Rupiah,
    },
    /// Take part of a sale back: how many lines, of which receipt, what goes back and how.
    ReturnPart {
        number: i64,
        date: chrono::NaiveDate,
        lines: usize,
        amount: Rupiah,
        refund: crate::domain::RefundMethod,
    },
    /// Take back a closed day's sale on the open day.
    Correct {
        sale_id: i64,
        number: i64,
        date: chrono::NaiveDate,
        total: Rupiah,
        refund: crate::domain::RefundMethod,
        reason: String,
    },
    /// A customer pays off their tab.
    TabPayment {
        customer: i64,
        name: String,
        method: crate::domain::PaymentMethod,
        amount: Rupiah,
        note: String,
    },
    /// Record cash taken out or put in.
    CashMove {
        direction: crate::domain::CashDirection,
        amount: Rupiah,
        reason: String,
    },
    /// Take back today's close.
    ReopenDay {
        date: chrono::NaiveDate,
        reason: String,
    },
    Void {
        sale_id: i64,
        number: i64,
        total: Rupiah,
        reason: String,
    },
    /// Leaving the pay dialog with parts of a split payment taken: that money goes back.
    ReturnParts {
        paid: Rupiah,
        then: AfterReturn,
    },
    RecordStock {
        kind: crate::domain::DocumentKind,
        producer_name: String,
        lines: usize,
        entry: super::effect::StockEntry,
    },
    ReturnDaily,
    /// A shop-wide count: how many products, how many of them differ from the books.
    RecordCount {
        products: usize,
        differ: usize,
    },
    PriceChange {
        code: String,
        name: String,
        old: Rupiah,
        old_producer_price: Option<Rupiah>,
        changes: crate::domain::ProductChanges,
    },
    SetProductActive {
        code: String,
        name: String,
        active: bool,
    },
    /// Leaving a stock form (Esc, or Ctrl+Q when `quit`) would drop the lines typed.
    DiscardLines {
        lines: usize,
        quit: bool,
    },
    /// A producer's scheme or rate changes: asked before it is recorded in history.
    ProducerScheme {
        code: String,
        name: String,
        old: crate::domain::Scheme,
        changes: crate::domain::ProducerChanges,
    },
    SetProducerActive {
        code: String,
        name: String,
        active: bool,
    },
    /// Money handed to a producer: asked before it is recorded.
    Payout {
        code: String,
        name: String,
        method: crate::domain::PayoutMethod,
        amount: Rupiah,
        note: String,
    },
    /// Taking a user off the kiosk.
    DeactivateUser {
        user_id: i64,
        name: String,
    },
    /// Esc on the close screen with a count typed: leaving drops it. `stale` goes back to
    /// the question about a day left open.
    DiscardCount {
        stale: bool,
    },
}

/// What leaving the pay dialog with parts taken was for.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AfterReturn {
    ClosePay,
    Quit,
}
