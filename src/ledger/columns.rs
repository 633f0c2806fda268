//! How the shop's values are kept in SQLite columns: dates and stamps as text, money as whole
//! rupiah, units, payment methods and kinds of stock entry and move by their codes. A value
//! that does not read back as its type is damage to the file (`LedgerError::Corrupt`).

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, Type, ValueRef};
use rusqlite::{Row, ToSql};

use crate::domain::{DocumentKind, MoveKind, PaymentMethod, Rupiah, Unit};

const DATE_FORMAT: &str = "%Y-%m-%d";
pub(super) const STAMP_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

pub(super) fn date_text(date: NaiveDate) -> String {
    date.format(DATE_FORMAT).to_string()
}

/// Timestamps are kept to the second: what is stored is what a receipt shows.
pub(super) fn stamp_text(at: NaiveDateTime) -> String {
    at.format(STAMP_FORMAT).to_string()
}

/// `at` as it reads back from the ledger.
pub(super) fn to_second(at: NaiveDateTime) -> NaiveDateTime {
    at.with_nanosecond(0).unwrap_or(at)
}

/// A column that does not read back as its domain type (reported as `Corrupt`).
pub(super) fn conversion_error(
    idx: usize,
    e: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, e.into())
}

pub(super) fn get_date(row: &Row, idx: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = row.get(idx)?;
    NaiveDate::parse_from_str(&text, DATE_FORMAT).map_err(|e| conversion_error(idx, e))
}

pub(super) fn get_opt_date(row: &Row, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(idx)?;
    text.map(|t| NaiveDate::parse_from_str(&t, DATE_FORMAT).map_err(|e| conversion_error(idx, e)))
        .transpose()
}

/// A stamp as stored, or `None` for text that is not one.
pub(super) fn parse_stamp(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, STAMP_FORMAT).ok()
}

pub(super) fn get_stamp(row: &Row, idx: usize) -> rusqlite::Result<NaiveDateTime> {
    let text: String = row.get(idx)?;
    NaiveDateTime::parse_from_str(&text, STAMP_FORMAT).map_err(|e| conversion_error(idx, e))
}

impl ToSql for Rupiah {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.value()))
    }
}

impl FromSql for Rupiah {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Rupiah> {
        i64::column_result(value).map(Rupiah::new)
    }
}

impl ToSql for Unit {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.code()))
    }
}

impl FromSql for Unit {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Unit> {
        let text = value.as_str()?;
        text.parse()
            .map_err(|()| FromSqlError::Other(format!("unknown unit {text:?}").into()))
    }
}

impl ToSql for PaymentMethod {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.code()))
    }
}

impl FromSql for PaymentMethod {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<PaymentMethod> {
        let text = value.as_str()?;
        text.parse()
            .map_err(|()| FromSqlError::Other(format!("unknown payment method {text:?}").into()))
    }
}

impl ToSql for DocumentKind {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.code()))
    }
}

impl FromSql for DocumentKind {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<DocumentKind> {
        let text = value.as_str()?;
        text.parse()
            .map_err(|()| FromSqlError::Other(format!("unknown stock entry {text:?}").into()))
    }
}

impl ToSql for MoveKind {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.code()))
    }
}

impl FromSql for MoveKind {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<MoveKind> {
        let text = value.as_str()?;
        text.parse()
            .map_err(|()| FromSqlError::Other(format!("unknown stock move {text:?}").into()))
    }
}
