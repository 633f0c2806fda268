//! The till's money beyond a sale: the cash drawer's expected contents, a count of it by
//! denomination, cash moves in and out, tabs (bon) of office staff, and corrections.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::money::Rupiah;
use super::payment::PaymentMethod;

/// A note or coin the drawer holds.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Denomination {
    pub face: Rupiah,
    pub coin: bool,
}

impl Denomination {
    /// Its key in a stored count: the face value, with `c` after it for a coin (the
    /// Rp 1.000 note and the Rp 1.000 coin are counted apart).
    pub fn key(self) -> String {
        if self.coin {
            format!("{}c", self.face.value())
        } else {
            self.face.value().to_string()
        }
    }
}

const fn note(face: i64) -> Denomination {
    Denomination {
        face: Rupiah(face),
        coin: false,
    }
}

const fn coin(face: i64) -> Denomination {
    Denomination {
        face: Rupiah(face),
        coin: true,
    }
}

/// Every denomination counted at closing, largest first, as the count table lists them.
pub const DENOMINATIONS: [Denomination; 11] = [
    note(100_000),
    note(50_000),
    note(20_000),
    note(10_000),
    note(5_000),
    note(2_000),
    note(1_000),
    coin(1_000),
    coin(500),
    coin(200),
    coin(100),
];

/// More of one denomination than this is a typo (or a barcode typed into the field).
pub const MAX_PIECES: i64 = 100_000;

/// How many of each denomination were counted, in the order of `DENOMINATIONS`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct DenominationCount(pub [i64; DENOMINATIONS.len()]);

impl DenominationCount {
    pub fn total(&self) -> Rupiah {
        DENOMINATIONS
            .iter()
            .zip(self.0)
            .map(|(d, n)| Rupiah(d.face.value() * n))
            .sum()
    }

    /// `{"100000": 3, "500c": 4}`: the denominations counted, none of the zeros.
    pub fn to_map(&self) -> BTreeMap<String, i64> {
        DENOMINATIONS
            .iter()
            .zip(self.0)
            .filter(|(_, n)| *n != 0)
            .map(|(d, n)| (d.key(), n))
            .collect()
    }

    /// The count from its stored map; `None` for an unknown key or an impossible number.
    pub fn from_map(map: &BTreeMap<String, i64>) -> Option<DenominationCount> {
        let mut count = DenominationCount::default();
        for (key, n) in map {
            let at = DENOMINATIONS.iter().position(|d| d.key() == *key)?;
            if !(0..=MAX_PIECES).contains(n) {
                return None;
            }
            count.0[at] = *n;
        }
        Some(count)
    }
}

/// What the attendant counted in the drawer at closing.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CashCount {
    /// Only the total was typed.
    Total(Rupiah),
    ByDenomination(DenominationCount),
}

impl CashCount {
    pub fn total(&self) -> Rupiah {
        match self {
            CashCount::Total(total) => *total,
            CashCount::ByDenomination(count) => count.total(),
        }
    }

    pub fn denominations(&self) -> Option<&DenominationCount> {
        match self {
            CashCount::Total(_) => None,
            CashCount::ByDenomination(count) => Some(count),
        }
    }
}

/// Where the cash in the drawer came from and went to over one business day.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CashFigures {
    /// The opening float (modal awal).
    pub float: Rupiah,
    /// Cash received for sales, net of change, voided sales left out.
    pub sales: Rupiah,
    /// Tabs paid off in cash.
    pub tab_payments: Rupiah,
    pub cash_in: Rupiah,
    pub cash_out: Rupiah,
    /// Producers paid out from the drawer.
    pub payouts: Rupiah,
    /// Cash handed back for corrections of closed days' sales and for parts of sales
    /// returned.
    pub refunds: Rupiah,
}

impl CashFigures {
    /// The cash that should be in the drawer.
    pub fn expected(&self) -> Rupiah {
        self.float + self.sales + self.tab_payments + self.cash_in
            - self.cash_out
            - self.payouts
            - self.refunds
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CashDirection {
    In,
    Out,
}

impl CashDirection {
    pub fn code(self) -> &'static str {
        match self {
            CashDirection::In => "in",
            CashDirection::Out => "out",
        }
    }

    /// `amount` as it changes the drawer.
    pub fn signed(self, amount: Rupiah) -> Rupiah {
        match self {
            CashDirection::In => amount,
            CashDirection::Out => -amount,
        }
    }
}

impl FromStr for CashDirection {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "in" => Ok(CashDirection::In),
            "out" => Ok(CashDirection::Out),
            _ => Err(()),
        }
    }
}

impl fmt::Display for CashDirection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Cash taken out of or put into the drawer, as recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CashMove {
    pub id: i64,
    pub day_date: NaiveDate,
    pub direction: CashDirection,
    pub amount: Rupiah,
    pub reason: String,
    pub at: NaiveDateTime,
    pub attendant: String,
    /// The short chain head of the transaction that recorded it (`3f9a0c1be27d#1284`): what
    /// its paper carries so `verify --head` can later prove the entry. `None` before it is
    /// recorded.
    pub chain_head: Option<String>,
}

/// How a correction of a closed day's sale hands the money back.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RefundMethod {
    Cash,
    Qris,
    Transfer,
    /// Taken off the customer's tab.
    Tab,
    /// No money goes back (it was never taken).
    None,
}

impl RefundMethod {
    pub const ALL: [RefundMethod; 5] = [
        RefundMethod::Cash,
        RefundMethod::Qris,
        RefundMethod::Transfer,
        RefundMethod::Tab,
        RefundMethod::None,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RefundMethod::Cash => "cash",
            RefundMethod::Qris => "qris",
            RefundMethod::Transfer => "transfer",
            RefundMethod::Tab => "tab",
            RefundMethod::None => "none",
        }
    }

    /// The refund a sale paid by `method` gets unless told otherwise: its own method.
    pub fn of(method: PaymentMethod) -> RefundMethod {
        match method {
            PaymentMethod::Cash => RefundMethod::Cash,
            PaymentMethod::Qris => RefundMethod::Qris,
            PaymentMethod::Transfer => RefundMethod::Transfer,
            PaymentMethod::Tab => RefundMethod::Tab,
        }
    }
}

impl FromStr for RefundMethod {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        RefundMethod::ALL
            .into_iter()
            .find(|m| m.code() == s)
            .ok_or(())
    }
}

/// A closed day's sale taken back on the open day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Correction {
    pub id: i64,
    pub sale_id: i64,
    /// The corrected sale's day and number, as its receipt shows them.
    pub sale_date: NaiveDate,
    pub sale_number: i64,
    pub amount: Rupiah,
    pub refund_method: RefundMethod,
    pub day_date: NaiveDate,
    pub at: NaiveDateTime,
    pub attendant: String,
    pub reason: String,
}

/// An office worker who may buy on a tab.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Customer {
    pub id: i64,
    pub name: String,
    /// The civil servant's number (NIP), 18 digits, when known.
    pub nip: Option<String>,
    /// Their office unit (bidang, bagian).
    pub unit: String,
    pub phone: String,
    pub active: bool,
}

/// A customer as typed into the form, for adding or editing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewCustomer {
    pub name: String,
    pub nip: Option<String>,
    pub unit: String,
    pub phone: String,
}

/// Why a customer's details are refused.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CustomerError {
    NameEmpty,
    /// A NIP is 18 digits.
    BadNip,
}

impl NewCustomer {
    /// The details trimmed, an empty NIP as none; refused when the name is empty or the NIP
    /// is not 18 digits (spaces, as printed on staff cards, are dropped).
    pub fn checked(&self) -> Result<NewCustomer, CustomerError> {
        let name = self.name.trim().to_string();
        if name.is_empty() {
            return Err(CustomerError::NameEmpty);
        }
        let nip = match &self.nip {
            Some(nip) => {
                let digits: String = nip.chars().filter(|c| !c.is_whitespace()).collect();
                if digits.is_empty() {
                    None
                } else if digits.len() == 18 && digits.chars().all(|c| c.is_ascii_digit()) {
                    Some(digits)
                } else {
                    return Err(CustomerError::BadNip);
                }
            }
            None => None,
        };
        Ok(NewCustomer {
            name,
            nip,
            unit: self.unit.trim().to_string(),
            phone: self.phone.trim().to_string(),
        })
    }
}

/// What a customer owes: charged on their tab, less what they paid off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CustomerBalance {
    pub customer: Customer,
    pub charged: Rupiah,
    pub paid: Rupiah,
}

impl CustomerBalance {
    pub fn owed(&self) -> Rupiah {
        self.charged - self.paid
    }
}

/// A customer paying off (part of) their tab, as recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TabPayment {
    pub id: i64,
    pub customer_id: i64,
    pub method: PaymentMethod,
    pub amount: Rupiah,
    pub day_date: NaiveDate,
    pub at: NaiveDateTime,
    pub attendant: String,
    pub note: String,
    /// What the customer still owes after it.
    pub owed_after: Rupiah,
}

/// One line of a tab statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TabEntry {
    /// A sale put on the tab: its day and number.
    Charge {
        at: NaiveDateTime,
        sale_date: NaiveDate,
        sale_number: i64,
        amount: Rupiah,
    },
    Payment {
        at: NaiveDateTime,
        method: PaymentMethod,
        amount: Rupiah,
    },
    /// A charge taken back by a correction.
    Refund {
        at: NaiveDateTime,
        sale_date: NaiveDate,
        sale_number: i64,
        amount: Rupiah,
    },
}

impl TabEntry {
    pub fn at(&self) -> NaiveDateTime {
        match self {
            TabEntry::Charge { at, .. }
            | TabEntry::Payment { at, .. }
            | TabEntry::Refund { at, .. } => *at,
        }
    }

    /// How it changes what the customer owes.
    pub fn signed(&self) -> Rupiah {
        match self {
            TabEntry::Charge { amount, .. } => *amount,
            TabEntry::Payment { amount, .. } | TabEntry::Refund { amount, .. } => -*amount,
        }
    }
}

/// A customer's tab over a range of business days, with the running balance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TabStatement {
    pub customer: Customer,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Owed before `from`.
    pub opening: Rupiah,
    /// Each entry with what is owed after it, in the order they happened.
    pub entries: Vec<(TabEntry, Rupiah)>,
}

impl TabStatement {
    /// Builds the running balance from the entries in order.
    pub fn new(
        customer: Customer,
        from: NaiveDate,
        to: NaiveDate,
        opening: Rupiah,
        entries: Vec<TabEntry>,
    ) -> TabStatement {
        let mut balance = opening;
        let entries = entries
            .into_iter()
            .map(|e| {
                balance += e.signed();
                (e, balance)
            })
            .collect();
        TabStatement {
            customer,
            from,
            to,
            opening,
            entries,
        }
    }

    pub fn closing(&self) -> Rupiah {
        self.entries.last().map_or(self.opening, |(_, b)| *b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_count_by_denomination_reads_back_from_its_map() {
        let mut count = DenominationCount::default();
        count.0[0] = 3; // 3 × 100.000
        count.0[6] = 2; // 2 × 1.000 notes
        count.0[7] = 5; // 5 × 1.000 coins
        count.0[8] = 1; // 1 × 500
        assert_eq!(count.total(), Rupiah(300_000 + 2_000 + 5_000 + 500));
        let map = count.to_map();
        assert_eq!(
            map.into_iter().collect::<Vec<_>>(),
            [
                ("1000".to_string(), 2),
                ("100000".to_string(), 3),
                ("1000c".to_string(), 5),
                ("500c".to_string(), 1)
            ]
        );
        assert_eq!(DenominationCount::from_map(&count.to_map()), Some(count));
        let bad = BTreeMap::from([("300".to_string(), 1)]);
        assert_eq!(DenominationCount::from_map(&bad), None);
        let negative = BTreeMap::from([("500c".to_string(), -1)]);
        assert_eq!(DenominationCount::from_map(&negative), None);
    }

    #[test]
    fn expected_cash_adds_what_came_in_and_takes_what_went_out() {
        let figures = CashFigures {
            float: Rupiah(200_000),
            sales: Rupiah(150_000),
            tab_payments: Rupiah(25_000),
            cash_in: Rupiah(50_000),
            cash_out: Rupiah(12_000),
            payouts: Rupiah(80_000),
            refunds: Rupiah(7_000),
        };
        assert_eq!(figures.expected(), Rupiah(326_000));
    }

    #[test]
    fn a_nip_is_eighteen_digits_when_given() {
        let typed = |nip: Option<&str>| NewCustomer {
            name: "  Budi Santoso ".into(),
            nip: nip.map(str::to_string),
            unit: " Bidang Umum".into(),
            phone: String::new(),
        };
        let ok = typed(Some("19800101 200501 1 001")).checked().unwrap();
        assert_eq!(ok.nip.as_deref(), Some("198001012005011001"));
        assert_eq!(
            (ok.name.as_str(), ok.unit.as_str()),
            ("Budi Santoso", "Bidang Umum")
        );
        assert_eq!(typed(Some("  ")).checked().unwrap().nip, None);
        assert_eq!(typed(None).checked().unwrap().nip, None);
        assert_eq!(typed(Some("1980")).checked(), Err(CustomerError::BadNip));
        assert_eq!(
            typed(Some("19800101200501100x")).checked(),
            Err(CustomerError::BadNip)
        );
        let nameless = NewCustomer {
            name: " ".into(),
            ..NewCustomer::default()
        };
        assert_eq!(nameless.checked(), Err(CustomerError::NameEmpty));
    }

    fn stamp(minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(8, minute, 0)
            .unwrap()
    }

    #[test]
    fn a_statement_runs_its_balance_from_the_opening() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let customer = Customer {
            id: 1,
            name: "Budi".into(),
            nip: None,
            unit: String::new(),
            phone: String::new(),
            active: true,
        };
        let statement = TabStatement::new(
            customer,
            day,
            day,
            Rupiah(10_000),
            vec![
                TabEntry::Charge {
                    at: stamp(1),
                    sale_date: day,
                    sale_number: 4,
                    amount: Rupiah(25_000),
                },
                TabEntry::Payment {
                    at: stamp(2),
                    method: PaymentMethod::Cash,
                    amount: Rupiah(20_000),
                },
            ],
        );
        let balances: Vec<_> = statement.entries.iter().map(|(_, b)| *b).collect();
        assert_eq!(balances, [Rupiah(35_000), Rupiah(15_000)]);
        assert_eq!(statement.closing(), Rupiah(15_000));
    }

    proptest! {
        /// Expected cash is the float plus the signed sum of every move that made it,
        /// whatever their order and mix.
        #[test]
        fn expected_cash_is_the_float_plus_the_signed_moves(
            float in 0i64..=10_000_000,
            moves in proptest::collection::vec((0usize..6, 1i64..=5_000_000), 0..40),
        ) {
            let mut figures = CashFigures { float: Rupiah(float), ..CashFigures::default() };
            let mut signed = Rupiah(float);
            for (kind, amount) in moves {
                let amount = Rupiah(amount);
                match kind {
                    0 => { figures.sales += amount; signed += amount }
                    1 => { figures.tab_payments += amount; signed += amount }
                    2 => { figures.cash_in += amount; signed += CashDirection::In.signed(amount) }
                    3 => { figures.cash_out += amount; signed += CashDirection::Out.signed(amount) }
                    4 => { figures.payouts += amount; signed -= amount }
                    _ => { figures.refunds += amount; signed -= amount }
                }
            }
            prop_assert_eq!(figures.expected(), signed);
        }

        /// A count's total is Σ pieces × face value, and survives its stored form.
        #[test]
        fn a_count_totals_its_pieces(pieces in proptest::array::uniform11(0i64..=MAX_PIECES)) {
            let count = DenominationCount(pieces);
            let by_hand: i64 = pieces
                .iter()
                .zip([100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 1_000, 500, 200, 100])
                .map(|(n, face)| n * face)
                .sum();
            prop_assert_eq!(count.total(), Rupiah(by_hand));
            prop_assert_eq!(CashCount::ByDenomination(count).total(), Rupiah(by_hand));
            prop_assert_eq!(DenominationCount::from_map(&count.to_map()), Some(count));
        }
    }
}
