//! The audit trail as the kiosk shows it: one entry per row of history, with who did it, who
//! approved it and its place in the hash chain.

use chrono::{NaiveDate, NaiveDateTime};

use super::money::Rupiah;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryEntry {
    /// Its place in the chain: later entries have higher numbers.
    pub seq: i64,
    /// When it happened; rows without a time of their own (a sale's lines) take their
    /// transaction's.
    pub at: Option<NaiveDateTime>,
    /// Who did it; `None` is the system (import, seeding, migration).
    pub actor: Option<String>,
    pub approver: Option<String>,
    /// The history table the row is in (`sales`, `voids`, …).
    pub table: String,
    pub entry_id: i64,
    /// A short description made from the row's own columns, worded by the screen.
    pub details: Vec<Detail>,
    /// The chain hash, in hex.
    pub hash: String,
}

/// What the audit screen asks the ledger for; every part is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HistoryFilter {
    /// Entries of this calendar date.
    pub day: Option<NaiveDate>,
    /// Entries done or approved by this user (name, any case).
    pub user: Option<String>,
    /// Entries of this history table.
    pub table: Option<String>,
    /// At most this many, newest first.
    pub limit: Option<usize>,
}

/// One piece of an audit entry's description as the ledger holds it; the keywords the ledger
/// stores (a payment method, a kind of stock move, a setting) are worded in the UI language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Text as it was typed: a name, a reason, a date, a code.
    Text(String),
    Money(Rupiah),
    /// A quantity as a number (`1,25`).
    Quantity(String),
    /// A receipt, slip or user number.
    Number(i64),
    /// A sale by its receipt number and its day.
    Sale {
        number: i64,
        date: String,
    },
    /// A keyword the ledger stores, by the column it is kept in (`method`, `kind`, `role` …).
    Word {
        column: String,
        value: String,
    },
    /// A commission rate in hundredths of a percent.
    Rate(i64),
    /// A setting by its key (`printer.kind`) ...
    Setting(String),
    /// ... and a value of it (`network`).
    SettingValue {
        key: String,
        value: String,
    },
    /// A column of a table the ledger has no description for: its name and value.
    Column {
        name: String,
        value: String,
    },
    /// A chained row that is gone (what `verify` reports).
    Gone,
    /// A chain entry naming a table that is not history.
    Unknown,
}
