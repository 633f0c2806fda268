//! The `Ledger` itself: the one connection to the file, and what this session holds beside it
//! (who signs the writes, a manager's approval for the next one, the seal key a manager's PIN
//! opened). Each area of the shop adds its methods to it in a file of its own.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::chain::Inserted;
use super::error::Result;
use crate::domain::User;

/// The shop's ledger file and the one connection the kiosk writes through.
pub struct Ledger {
    pub(super) conn: Connection,
    pub(super) path: PathBuf,
    /// Who writes are recorded under; `None` is the system.
    pub(super) actor: Option<User>,
    /// A manager's approval for the next write only.
    pub(super) approval: Option<User>,
    /// Inside `batch`: writes are savepoints of its transaction.
    pub(super) batching: bool,
    /// The seal key a manager's PIN opened this session, and the chain row seals begin after.
    pub(super) seal_key: Option<(SealKey, i64)>,
    /// The history rows inserted since the current write began.
    pub(super) inserted: Inserted,
}

impl Ledger {
    pub(super) fn with_connection(mut conn: Connection, path: &Path) -> Result<Ledger> {
        let inserted = Inserted::install(&mut conn)?;
        Ok(Ledger {
            conn,
            path: path.to_path_buf(),
            actor: None,
            approval: None,
            batching: false,
            seal_key: None,
            inserted,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A number that changes whenever another connection (another kiosk, `pojok import`)
    /// commits to the file; this connection's own commits leave it alone.
    pub fn outside_changes(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }
}

/// The day seal's key, open in memory for as long as the manager's session lasts.
#[derive(Clone)]
pub(super) struct SealKey(pub(super) [u8; 32]);

impl std::fmt::Debug for SealKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealKey(..)")
    }
}
