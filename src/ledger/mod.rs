//! The SQLite ledger: one file holding the catalogue and the append-only history of the shop.
//!
//! One concrete `Ledger` with methods named after what happens at the counter. A write that
//! checks before it writes, or writes more than one row, is one IMMEDIATE transaction (taking
//! the write lock up front, so two processes cannot both check and then collide); when a method
//! returns `Ok`, the fact is on disk (WAL with `synchronous=FULL`).
//!
//! Each area of the shop (sales, stock, the till, users …) adds its methods to `Ledger` in a
//! file of its own, above what all of them stand on: `connection` (the `Ledger` and what its
//! session holds), `error` and `columns` (how values are kept in SQLite); every write goes
//! through `write`. This file only names the modules and the face the rest of pojok uses.

mod anchor;
mod backup;
mod balances;
mod catalogue;
mod chain;
mod columns;
mod connection;
mod day;
mod draft;
mod error;
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
mod write;

// The shapes the catalogue is written with live in the domain, so that the UI can carry
// them in its effects; they are named here too, where they are used.
pub use crate::domain::{NewProducer, NewProduct, ProducerChanges, ProductChanges};
pub use anchor::{BackupVerdict, HeadVerdict, PrintedHead};
pub use backup::{Backup, BackupFile, Comparison, Lost, backups_in, check_backup};
pub use chain::ChainHead;
pub use connection::Ledger;
pub use error::{LedgerError, Result};
pub use import::{BatchError, BatchMode, RowAction};
pub use labels::Labelled;
pub use lock::{KioskLock, LockError};
pub use open::{APPLICATION_ID, Opening};
pub use schema::SCHEMA_VERSION;
pub use seal::SealReport;
pub use verify::{ChainCheck, Problem, Scope as VerifyScope, VerifyReport};

#[cfg(test)]
mod tests {
    use super::columns::get_date;
    use super::*;
    use crate::domain::Unit;

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
