//! The audit trail as the kiosk shows it: one entry per row of history, with who did it, who
//! approved it and its place in the hash chain.

use chrono::{NaiveDate, NaiveDateTime};

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
    /// A short description made from the row's own columns.
    pub summary: String,
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
