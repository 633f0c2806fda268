//! Sales and business days as recorded in the ledger, and the day report built from them.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::cash::{CashFigures, CashMove, Correction};
use super::money::Rupiah;
use super::payment::{Payment, PaymentMethod};
use super::quantity::{Quantity, Unit};

/// A business day: opened explicitly with a cash float; every entry belongs to it,
/// even after midnight, until it is closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BusinessDay {
    pub id: i64,
    pub date: NaiveDate,
    pub opened_at: NaiveDateTime,
    pub attendant: String,
    pub opening_float: Rupiah,
}

/// A line as it was frozen at the moment of sale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaleLine {
    pub product_id: i64,
    pub code: String,
    pub name: String,
    pub unit: Unit,
    pub producer_code: String,
    pub producer_name: String,
    pub quantity: Quantity,
    pub unit_price: Rupiah,
    pub total: Rupiah,
    pub producer_share: Rupiah,
    pub corner_share: Rupiah,
}

/// A recorded sale with everything a receipt needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sale {
    pub id: i64,
    /// Running number within its business day, as printed on the receipt.
    pub number: i64,
    pub day_date: NaiveDate,
    pub at: NaiveDateTime,
    pub attendant: String,
    pub total: Rupiah,
    pub lines: Vec<SaleLine>,
    pub payments: Vec<Payment>,
    pub voided: bool,
    /// The name of the customer whose tab (part of) it went on, for the receipt.
    pub tab_customer: Option<String>,
    /// The short chain head of the transaction that recorded it (`3f9a0c1be27d#1284`): what
    /// its paper carries so `verify --head` can later prove the entry. `None` before it is
    /// recorded.
    pub chain_head: Option<String>,
}

impl Sale {
    /// The change handed back, over all of its payments.
    pub fn change(&self) -> Rupiah {
        self.payments.iter().map(|p| p.change).sum()
    }
}

/// One row of the day's sales list (for voiding and reprinting).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaleSummary {
    pub id: i64,
    pub number: i64,
    pub at: NaiveDateTime,
    pub total: Rupiah,
    pub line_count: i64,
    /// How it was paid: each method once, in the order they were taken.
    pub methods: Vec<PaymentMethod>,
    pub voided: bool,
    /// Taken back by a correction on a later day.
    pub corrected: bool,
    /// Given back so far by returns of parts of it.
    pub returned: Rupiah,
}

/// What the status bar shows: the open day and how it is going.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayStatus {
    pub day: BusinessDay,
    pub sales: i64,
    pub takings: Rupiah,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CountTotal {
    pub count: i64,
    pub total: Rupiah,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PaymentTotals {
    pub cash: Rupiah,
    pub qris: Rupiah,
    pub transfer: Rupiah,
    /// Put on customers' tabs (always zero for what pays a tab off).
    pub tab: Rupiah,
}

impl PaymentTotals {
    /// The total of `method`, to add to.
    pub fn of_mut(&mut self, method: PaymentMethod) -> &mut Rupiah {
        match method {
            PaymentMethod::Cash => &mut self.cash,
            PaymentMethod::Qris => &mut self.qris,
            PaymentMethod::Transfer => &mut self.transfer,
            PaymentMethod::Tab => &mut self.tab,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProducerDayLine {
    pub code: String,
    pub name: String,
    /// Units sold, all units added together (pieces and kilograms alike): a rough
    /// activity figure; the settlement gives it per product.
    #[serde(serialize_with = "quantity_as_number")]
    pub quantity: Quantity,
    pub gross: Rupiah,
    pub producer_share: Rupiah,
    pub corner_share: Rupiah,
    /// What the corner owes them for goods it lost or broke that day (written off or short
    /// on a count, borne by the corner).
    pub losses: Rupiah,
}

/// The day report (`pojok report day`). Voided sales are excluded from every total
/// and counted under `voids`. Amounts serialise as whole Rupiah integers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DayReport {
    pub date: NaiveDate,
    pub sales: CountTotal,
    pub voids: CountTotal,
    pub payments: PaymentTotals,
    pub producers: Vec<ProducerDayLine>,
    /// Whether the day is closed (then `count` is its closing count).
    pub closed: bool,
    /// Where the drawer's cash came from and went to.
    pub cash: CashFigures,
    /// `cash.expected()`: what should be in the drawer.
    pub expected_cash: Rupiah,
    /// The closing count; `None` while the day is open (or for a day closed before counts).
    pub count: Option<CountRecord>,
    pub cash_moves: Vec<CashMove>,
    /// Tabs paid off this day, by method (`tab` stays zero); charges are `payments.tab`.
    pub tab_payments: PaymentTotals,
    pub payouts: Vec<PayoutLine>,
    /// Corrections of closed days' sales recorded on this day.
    pub corrections: Vec<Correction>,
    /// Parts of sales (of this day or of closed days) taken back on this day, each line
    /// with the amounts it reversed.
    pub returns: Vec<super::returns::SaleReturn>,
    /// QRIS and transfer received this day, from sales and tab payments: to check against
    /// the phone and the bank account.
    pub to_check: NonCashTotals,
    /// The short form of the ledger's hash chain head (`3f9a0c1be27d#1284`): the one the
    /// close left for a closed day, so a reprint matches the first print; the head now for
    /// the open day. `None` on a ledger with no chain yet.
    pub chain_head: Option<String>,
    /// Each void of the day's sales, in the order voided, for the Z report (the JSON keeps
    /// its `voids` count and total).
    #[serde(skip)]
    pub void_list: Vec<VoidLine>,
    /// Earlier closes of this day that the manager reopened, oldest first: a Z report that
    /// carries one of their heads is superseded by this one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub superseded: Vec<SupersededClose>,
}

/// A voided sale as the day-close report names it: which, how much, why, and who.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoidLine {
    pub sale_number: i64,
    pub amount: Rupiah,
    pub reason: String,
    pub attendant: String,
    /// The manager who approved it; `None` for a void from before approvals were chained.
    pub approver: Option<String>,
}

/// A close the manager took back: when it was made and the head its Z report carried; when
/// and by whom it was reopened, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SupersededClose {
    pub closed_at: NaiveDateTime,
    pub head: Option<String>,
    pub reopened_at: NaiveDateTime,
    pub manager: String,
    pub reason: String,
}

/// The cash counted at closing, as recorded with the close.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CountRecord {
    pub expected: Rupiah,
    pub counted: Rupiah,
    /// Counted − expected: negative when cash is missing.
    pub variance: Rupiah,
    pub reason: String,
    /// Pieces per denomination key (`"100000"`, `"500c"`), when counted that way.
    pub denominations: Option<std::collections::BTreeMap<String, i64>>,
    pub at: NaiveDateTime,
    pub attendant: String,
}

/// A payout to a producer, as the day report lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PayoutLine {
    pub number: i64,
    pub producer_code: String,
    pub producer_name: String,
    pub method: PaymentMethod,
    pub amount: Rupiah,
    pub at: NaiveDateTime,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NonCashTotals {
    pub qris: Rupiah,
    pub transfer: Rupiah,
}

pub(super) fn quantity_as_number<S: serde::Serializer>(
    q: &Quantity,
    s: S,
) -> Result<S::Ok, S::Error> {
    let milli = q.milli();
    if milli % 1_000 == 0 {
        s.serialize_i64(milli / 1_000)
    } else {
        // Thousandths are exact in a decimal literal; serde_json prints the shortest form.
        s.serialize_f64(milli as f64 / 1_000.0)
    }
}
