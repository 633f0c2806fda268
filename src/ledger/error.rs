//! Why the ledger refused or failed: one error type for every write and read, and how
//! SQLite's and the file system's own errors become it.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::{PinProblem, QuantityError, Rupiah};

pub type Result<T> = std::result::Result<T, LedgerError>;

/// Why the ledger refused or failed. The text is English detail for logs and the UI's
/// "what went wrong" line; the UI says it to the attendant through `strings`.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("database error: {0}")]
    Sqlite(#[source] rusqlite::Error),
    #[error("cannot create the ledger's folder: {0}")]
    Io(std::io::Error),
    #[error("{0} is not a pojok ledger: another program's database")]
    Foreign(PathBuf),
    #[error("{0} is not a pojok ledger: not a SQLite file")]
    NotALedger(PathBuf),
    #[error("there is no ledger at {0}")]
    NoLedger(PathBuf),
    #[error("{0} is an empty file, not a ledger")]
    EmptyFile(PathBuf),
    #[error("{0} is a ledger of an older pojok: the kiosk updates it at its next start")]
    TooOld(PathBuf),
    #[error("{0} is read-only")]
    ReadOnlyFile(PathBuf),
    #[error("{path} is damaged: {detail}")]
    Damaged { path: PathBuf, detail: String },
    #[error("the disk is full")]
    DiskFull,
    #[error("the ledger file has schema version {found}, newer than this program's {supported}")]
    TooNew { found: i64, supported: i64 },
    #[error("no business day is open")]
    NoOpenDay,
    #[error("the business day of {date} is still open")]
    DayAlreadyOpen { date: NaiveDate },
    #[error("a business day was already opened on {date}")]
    DayExists { date: NaiveDate },
    #[error("only a day closed today, with no day open, can be reopened")]
    NotReopenable,
    #[error("the sale has no lines")]
    EmptySale,
    #[error("payments of {paid} do not settle the total of {total}")]
    NotSettled { total: Rupiah, paid: Rupiah },
    #[error("invalid payment: {0}")]
    InvalidPayment(String),
    #[error("no sale with id {0}")]
    UnknownSale(i64),
    #[error("sale {0} is already voided")]
    AlreadyVoided(i64),
    #[error("sale {0} is not on the open business day")]
    NotOnOpenDay(i64),
    #[error("a reason is needed")]
    EmptyReason,
    #[error("the code {0} is already in use")]
    DuplicateCode(String),
    #[error("the barcode {0} is already in use")]
    DuplicateBarcode(String),
    #[error("no producer with code {0}")]
    UnknownProducer(String),
    #[error("invalid producer: {0}")]
    InvalidProducer(String),
    #[error("invalid product: {0}")]
    InvalidProduct(String),
    #[error("no product with code {0}")]
    UnknownProduct(String),
    #[error("product {0} is deactivated (or its producer is)")]
    ProductInactive(String),
    #[error("producer {0} is deactivated")]
    ProducerInactive(String),
    #[error("product {product} belongs to another producer than {producer}")]
    ProductOfAnotherProducer { product: String, producer: String },
    #[error("{code}: {problem}")]
    InvalidQuantity {
        code: String,
        problem: QuantityError,
    },
    #[error("the entry has no lines")]
    EmptyDocument,
    #[error("no stock entry with id {0}")]
    UnknownDocument(i64),
    #[error("the ledger holds unreadable data: {0}")]
    Corrupt(String),
    // Users, PINs and approval. No variant carries a PIN or any part of one.
    #[error("wrong PIN; {attempts_left} attempts left before a lockout")]
    WrongPin { attempts_left: u32 },
    #[error("too many wrong PINs: locked out until {until}")]
    LockedOut { until: NaiveDateTime },
    #[error("invalid PIN: {0}")]
    InvalidPin(PinProblem),
    #[error("user {0} has no PIN yet and must set one")]
    PinNotSet(i64),
    #[error("no user with id {0}")]
    UnknownUser(i64),
    #[error("user {0} is deactivated")]
    UserInactive(i64),
    #[error("that is not the recovery code, or it was used already")]
    WrongRecoveryCode,
    #[error("no manager with that name")]
    UnknownManagerName,
    #[error("user {0} is not a manager")]
    NotAManager(i64),
    #[error("the name {0} is already in use")]
    DuplicateUserName(String),
    #[error("a user needs a name")]
    EmptyUserName,
    #[error("the ledger already has users")]
    UsersExist,
    #[error("the last active manager cannot be deactivated")]
    LastManager,
    #[error("an entry in {0} needs a manager's approval")]
    NeedsApproval(&'static str),
    // Producers' money (settlement and payouts).
    #[error("no business day on {0}")]
    UnknownDay(NaiveDate),
    #[error("a payout must be more than zero")]
    PayoutNotPositive,
    #[error("the corner owes {producer} only {owed}")]
    PayoutAboveBalance { producer: String, owed: Rupiah },
    // The till's money beyond a sale.
    #[error("{0} is not an amount the till can take")]
    InvalidAmount(Rupiah),
    #[error("no customer with id {0}")]
    UnknownCustomer(i64),
    #[error("invalid customer: {0:?}")]
    InvalidCustomer(crate::domain::CustomerError),
    #[error("the NIP {0} is already a customer's")]
    DuplicateNip(String),
    #[error("the drawer holds only {holds}")]
    CashOutAboveDrawer { holds: Rupiah },
    #[error("that is more than the {owed} owed")]
    MoreThanOwed { owed: Rupiah },
    #[error("the cash is {variance} off: a reason is needed")]
    VarianceNeedsReason { variance: Rupiah },
    #[error("sale {0} is of the open day: void it instead")]
    SameDayCorrection(i64),
    #[error("sale {0} was not put wholly on one tab")]
    NotOnTab(i64),
    // Part of a sale taken back.
    #[error("nothing to return: no line with a quantity")]
    NothingToReturn,
    #[error("sale {sale_id} has no line {line_no}")]
    UnknownSaleLine { sale_id: i64, line_no: i64 },
    #[error("{code}: only {} left to return", left.number_text())]
    ReturnAboveSold {
        code: String,
        left: crate::domain::Quantity,
    },
    #[error("no sale return with id {0}")]
    UnknownReturn(i64),
    #[error("sale {0} has a part returned: return the rest in parts")]
    ReturnedInPart(i64),
}

impl From<std::io::Error> for LedgerError {
    fn from(e: std::io::Error) -> LedgerError {
        if e.kind() == std::io::ErrorKind::StorageFull {
            LedgerError::DiskFull
        } else {
            LedgerError::Io(e)
        }
    }
}

impl From<rusqlite::Error> for LedgerError {
    /// A value that does not read back as its domain type is damage to the file, not a
    /// database failure; everything else is SQLite's own error.
    fn from(e: rusqlite::Error) -> LedgerError {
        match e {
            rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::IntegralValueOutOfRange(..) => LedgerError::Corrupt(e.to_string()),
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DiskFull => {
                LedgerError::DiskFull
            }
            e => LedgerError::Sqlite(e),
        }
    }
}

/// `table.column` of the UNIQUE constraint an insert broke, if that is what failed.
pub(super) fn unique_violation(e: &rusqlite::Error) -> Option<&str> {
    match e {
        rusqlite::Error::SqliteFailure(err, Some(msg))
            if err.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            msg.strip_prefix("UNIQUE constraint failed: ")
        }
        _ => None,
    }
}
