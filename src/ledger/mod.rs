//! The SQLite ledger: one file holding the catalogue and the append-only history of the shop.
//!
//! One concrete `Ledger` with methods named after what happens at the counter. A write that
//! checks before it writes, or writes more than one row, is one IMMEDIATE transaction (taking
//! the write lock up front, so two processes cannot both check and then collide); when a method
//! returns `Ok`, the fact is on disk (WAL with `synchronous=FULL`).

mod anchor;
mod backup;
mod balances;
mod catalogue;
mod chain;
mod day;
mod draft;
mod expiry;
mod export;
mod glance;
mod head;
mod history;
mod import;
mod labels;
mod lock;
mod lockout;
mod open;
mod recap;
mod recovery;
mod report;
mod returns;
mod sales;
mod schema;
mod seal;
mod settings;
mod settlement;
mod stock;
mod till;
mod users;
mod verify;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, Type, ValueRef};
use rusqlite::{Connection, Row, ToSql, TransactionBehavior};

use crate::domain::{
    DocumentKind, MoveKind, PaymentMethod, PinProblem, QuantityError, Rupiah, Unit, User,
};

// The shapes the catalogue is written with live in the domain, so that the UI can carry
// them in its effects; they are named here too, where they are used.
pub use crate::domain::{NewProducer, NewProduct, ProducerChanges, ProductChanges};
pub use anchor::{BackupVerdict, HeadVerdict, PrintedHead};
pub use backup::{Backup, BackupFile, Comparison, Lost, backups_in, check_backup};
pub use import::{BatchError, BatchMode, RowAction};
pub use labels::Labelled;
pub use lock::{KioskLock, LockError};
pub use open::{APPLICATION_ID, Opening};
pub use schema::SCHEMA_VERSION;
pub use seal::SealReport;
pub use verify::{ChainCheck, ChainHead, Problem, Scope as VerifyScope, VerifyReport};

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

/// The shop's ledger file and the one connection the kiosk writes through.
pub struct Ledger {
    conn: Connection,
    path: PathBuf,
    /// Who writes are recorded under; `None` is the system.
    actor: Option<User>,
    /// A manager's approval for the next write only.
    approval: Option<User>,
    /// Inside `batch`: writes are savepoints of its transaction.
    batching: bool,
    /// The seal key a manager's PIN opened this session, and the chain row seals begin after.
    seal_key: Option<(seal::SealKey, i64)>,
    /// The history rows inserted since the current write began.
    inserted: chain::Inserted,
    /// The chain row the last committed write ended with.
    sealed: Option<chain::Sealed>,
}

impl Ledger {
    fn with_connection(mut conn: Connection, path: &Path) -> Result<Ledger> {
        let inserted = chain::Inserted::install(&mut conn)?;
        Ok(Ledger {
            conn,
            path: path.to_path_buf(),
            actor: None,
            approval: None,
            batching: false,
            seal_key: None,
            inserted,
            sealed: None,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `apply` as one IMMEDIATE write transaction and commits it when `apply` succeeds;
    /// an error rolls everything back. Every write that touches history goes through here,
    /// so that what must happen at each commit happens in one place: the history rows it
    /// added are chained under the signed-in actor and the pending approval, which this
    /// write consumes whatever its outcome.
    fn write<T>(&mut self, apply: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.write_or_rehearse(true, apply)
    }

    /// As `write`, or, when `commit` is false, a rehearsal: `apply` runs and checks against
    /// the file as a real write would, then everything is rolled back (a dry-run import).
    fn write_or_rehearse<T>(
        &mut self,
        commit: bool,
        apply: impl FnOnce(&Connection) -> Result<T>,
    ) -> Result<T> {
        let signers = chain::Signers {
            actor: self.actor.as_ref().map(|u| u.id),
            approver: self.approval.take().map(|u| u.id),
        };
        self.sealed = None;
        if self.batching {
            let (done, sealed) = write_in_batch(&self.conn, commit, signers, apply)?;
            self.sealed = sealed;
            return Ok(done);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        self.inserted.clear();
        let head_before = match &self.seal_key {
            Some(_) => chain::last_seq(&tx)?,
            None => 0,
        };
        let done = apply(&tx)?;
        if commit {
            let sealed = chain::seal_inserted(&tx, &self.inserted, signers)?;
            if let Some((key, _)) = &self.seal_key {
                seal::seal_chain_rows(&tx, key, head_before)?;
            }
            tx.commit()?;
            self.sealed = sealed;
        }
        Ok(done)
    }

    /// Runs `writes` as one IMMEDIATE transaction: every write inside it checks, writes and
    /// is chained exactly as on its own (each in a savepoint, so a refused one leaves
    /// nothing), but the file is synced once at the end. For writing a lot of history at
    /// once (the generated years of `pojok demo --years`); the kiosk never batches, as
    /// each of its facts must be on disk when its write returns.
    pub fn batch<T>(&mut self, writes: impl FnOnce(&mut Ledger) -> Result<T>) -> Result<T> {
        // A batch's pages stay in memory until its commit instead of spilling to the WAL
        // midway (the default cache is 2 MiB); the kiosk's small writes keep the default.
        self.conn
            .execute_batch("PRAGMA cache_size = -65536; BEGIN IMMEDIATE")?;
        self.batching = true;
        let done = writes(self);
        self.batching = false;
        self.conn.execute_batch("PRAGMA cache_size = -2000")?;
        match done {
            Ok(done) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(done)
            }
            Err(e) => {
                self.conn.execute_batch("ROLLBACK")?;
                Err(e)
            }
        }
    }

    /// A number that changes whenever another connection (another kiosk, `pojok import`)
    /// commits to the file; this connection's own commits leave it alone.
    pub fn outside_changes(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }
}

/// One write inside `Ledger::batch`: a savepoint, sealed into the chain as a write of its
/// own, released on success and rolled back on a refusal or a rehearsal.
fn write_in_batch<T>(
    conn: &Connection,
    commit: bool,
    signers: chain::Signers,
    apply: impl FnOnce(&Connection) -> Result<T>,
) -> Result<(T, Option<chain::Sealed>)> {
    conn.execute_batch("SAVEPOINT batch_write")?;
    let done = chain::marks(conn).and_then(|since| {
        let done = apply(conn)?;
        let sealed = match commit {
            true => chain::seal(conn, &since, signers)?,
            false => None,
        };
        Ok((done, sealed))
    });
    if done.is_err() || !commit {
        conn.execute_batch("ROLLBACK TO batch_write")?;
    }
    conn.execute_batch("RELEASE batch_write")?;
    done
}

const DATE_FORMAT: &str = "%Y-%m-%d";
const STAMP_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

fn date_text(date: NaiveDate) -> String {
    date.format(DATE_FORMAT).to_string()
}

/// Timestamps are kept to the second: what is stored is what a receipt shows.
fn stamp_text(at: NaiveDateTime) -> String {
    at.format(STAMP_FORMAT).to_string()
}

/// `at` as it reads back from the ledger.
fn to_second(at: NaiveDateTime) -> NaiveDateTime {
    at.with_nanosecond(0).unwrap_or(at)
}

/// A column that does not read back as its domain type (reported as `Corrupt`).
fn conversion_error(
    idx: usize,
    e: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, e.into())
}

fn get_date(row: &Row, idx: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = row.get(idx)?;
    NaiveDate::parse_from_str(&text, DATE_FORMAT).map_err(|e| conversion_error(idx, e))
}

fn get_opt_date(row: &Row, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(idx)?;
    text.map(|t| NaiveDate::parse_from_str(&t, DATE_FORMAT).map_err(|e| conversion_error(idx, e)))
        .transpose()
}

/// A stamp as stored, or `None` for text that is not one.
fn parse_stamp(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, STAMP_FORMAT).ok()
}

fn get_stamp(row: &Row, idx: usize) -> rusqlite::Result<NaiveDateTime> {
    let text: String = row.get(idx)?;
    NaiveDateTime::parse_from_str(&text, STAMP_FORMAT).map_err(|e| conversion_error(idx, e))
}

/// `table.column` of the UNIQUE constraint an insert broke, if that is what failed.
fn unique_violation(e: &rusqlite::Error) -> Option<&str> {
    match e {
        rusqlite::Error::SqliteFailure(err, Some(msg))
            if err.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            msg.strip_prefix("UNIQUE constraint failed: ")
        }
        _ => None,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_connection_gets_the_durability_pragmas() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("folder").join("pojok.db");
        let ledger = Ledger::open(&path).unwrap();
        assert!(path.exists(), "the folder and file were created");
        assert_eq!(ledger.path(), path);
        let conn = &ledger.conn;
        let text =
            |name: &str| -> String { conn.pragma_query_value(None, name, |r| r.get(0)).unwrap() };
        let number =
            |name: &str| -> i64 { conn.pragma_query_value(None, name, |r| r.get(0)).unwrap() };
        assert_eq!(text("journal_mode"), "wal");
        assert_eq!(number("synchronous"), 2, "FULL");
        assert_eq!(number("foreign_keys"), 1);
        assert_eq!(number("recursive_triggers"), 1);
        assert_eq!(number("busy_timeout"), 5_000);
        assert_eq!(number("user_version"), SCHEMA_VERSION);
    }

    #[test]
    fn unreadable_values_are_reported_as_corrupt() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        let e: LedgerError = ledger
            .conn
            .query_row("SELECT 'gram'", [], |r| r.get::<_, Unit>(0))
            .unwrap_err()
            .into();
        assert!(
            matches!(e, LedgerError::Corrupt(ref m) if m.contains("gram")),
            "{e:?}"
        );
        let e: LedgerError = ledger
            .conn
            .query_row("SELECT '22 Nov 2026'", [], |r| get_date(r, 0))
            .unwrap_err()
            .into();
        assert!(matches!(e, LedgerError::Corrupt(_)), "{e:?}");
    }
}
