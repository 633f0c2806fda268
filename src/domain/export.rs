//! What the ledger hands out for spreadsheets and other databases: tables of typed cells
//! for a date range (sales, lines, payments, …) and chained history entries, before any
//! file format is chosen.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::money::Rupiah;
use super::stock::StockQuantity;

/// One cell, typed so that a spreadsheet gets numbers as numbers and dates as dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    Money(Rupiah),
    Quantity(StockQuantity),
    Date(NaiveDate),
    Stamp(NaiveDateTime),
    Bool(bool),
}

/// The kinds of rows an export can hold; the names are the sheet and file names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    Sales,
    Lines,
    Payments,
    Stock,
    Payouts,
    Corrections,
    Cash,
}

impl ExportKind {
    pub const ALL: [ExportKind; 7] = [
        ExportKind::Sales,
        ExportKind::Lines,
        ExportKind::Payments,
        ExportKind::Stock,
        ExportKind::Payouts,
        ExportKind::Corrections,
        ExportKind::Cash,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ExportKind::Sales => "sales",
            ExportKind::Lines => "lines",
            ExportKind::Payments => "payments",
            ExportKind::Stock => "stock",
            ExportKind::Payouts => "payouts",
            ExportKind::Corrections => "corrections",
            ExportKind::Cash => "cash",
        }
    }
}

/// Rows under named columns: one sheet of a workbook, one CSV file, or JSON Lines objects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportTable {
    /// The sheet's name.
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// One entry of the hash chain with the row it sealed, as `export history` writes it: a
/// database elsewhere can load these and check each hash without pojok (see the README).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChainedEntry {
    pub seq: i64,
    pub table: String,
    pub id: i64,
    /// The row's columns by name, as they were hashed.
    pub row: BTreeMap<String, serde_json::Value>,
    pub actor: Option<i64>,
    pub approver: Option<i64>,
    pub prev_hash: Option<String>,
    pub hash: String,
}
