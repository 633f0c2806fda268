//! Opening a ledger only to read it (reports, recaps, exports): the file is never created,
//! migrated or switched to WAL, so a command that reads leaves it as it found it.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::{Ledger, LedgerError, Result, schema};

impl Ledger {
    /// Opens an existing ledger read-only. Refused when the file is missing
    /// (`Io(NotFound)`), written by a newer program (`TooNew`), or from an older one
    /// (`Outdated`): reading that would first need the migration only a writer may run.
    pub fn open_read_only(path: &Path) -> Result<Ledger> {
        if !path.is_file() {
            return Err(LedgerError::Io(std::io::ErrorKind::NotFound.into()));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_secs(5))?;
        let found = schema::check_version(&conn)?;
        if found < schema::SCHEMA_VERSION {
            return Err(LedgerError::Outdated { found });
        }
        Ok(Ledger {
            conn,
            path: path.to_path_buf(),
            actor: None,
            approval: None,
            batching: false,
        })
    }
}
