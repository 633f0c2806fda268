//! Opening a ledger file safely: telling pojok's files from anything else before SQLite
//! writes a byte, opening read-only so that a file is left exactly as it was, and the health
//! check the kiosk runs before it lets anyone sell into the file.

use std::fs::{self, File, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::connection::Ledger;
use super::error::{LedgerError, Result};
use super::schema::{self, SCHEMA_VERSION};

/// `PRAGMA application_id` of every pojok ledger: the ASCII bytes "PJOK". SQLite keeps it
/// in the file header (offset 68), so `file` and other tools can tell a pojok ledger too.
pub const APPLICATION_ID: i32 = 0x504A_4F4B;

/// The first 16 bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What is at a ledger path before anything opens it.
#[derive(Debug, PartialEq, Eq)]
enum Found {
    Missing,
    Empty,
    Sqlite,
    NotSqlite,
}

fn look_at(path: &Path) -> Result<Found> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Missing),
        // Windows refuses to open a folder as a file: no ledger there either.
        Err(_) if path.is_dir() => return Ok(Found::Missing),
        Err(e) => return Err(LedgerError::Io(e)),
    };
    // A folder where the file should be: no ledger there.
    if !file.metadata()?.is_file() {
        return Ok(Found::Missing);
    }
    let mut head = Vec::with_capacity(16);
    file.by_ref().take(16).read_to_end(&mut head)?;
    Ok(match head.as_slice() {
        [] => Found::Empty,
        h if h == SQLITE_MAGIC => Found::Sqlite,
        _ => Found::NotSqlite,
    })
}

/// `path` with `suffix` added to its file name (`pojok.db` → `pojok.db-wal`).
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A `file:` URI for `path` with `query`, every byte outside the plain set escaped, so that
/// a folder named with `?` or `#` or spaces still opens the right file.
fn file_uri(path: &Path, query: &str) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let text = absolute.to_string_lossy().replace('\\', "/");
    let mut uri = String::from("file:");
    if !text.starts_with('/') {
        // A Windows drive path: file:/C:/...
        uri.push('/');
    }
    for byte in text.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                uri.push(byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri.push('?');
    uri.push_str(query);
    uri
}

/// A read-only connection that leaves no trace. A WAL file needs its `-wal` and `-shm`, and
/// SQLite creates both (and leaves them) even for a reader; when there is no `-wal`, no
/// connection is writing and everything committed is in the file itself, so it is read as
/// immutable and nothing is created beside it.
pub(super) fn read_only_connection(path: &Path) -> Result<Connection> {
    let query = if sibling(path, "-wal").exists() {
        "mode=ro"
    } else {
        "mode=ro&immutable=1"
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(file_uri(path, query), flags)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(conn)
}

/// What a SQLite file says about itself.
struct Identity {
    application_id: i32,
    version: i64,
    /// Tables only a pojok ledger has, for files written before pojok set its id.
    looks_like_pojok: bool,
}

fn identify(conn: &Connection) -> Result<Identity> {
    let application_id = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let pojok_tables: i64 = conn.query_row(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'
         AND name IN ('business_days', 'sales', 'sale_lines', 'producers', 'products')",
        [],
        |r| r.get(0),
    )?;
    Ok(Identity {
        application_id,
        version,
        looks_like_pojok: pojok_tables == 5,
    })
}

/// Refuses a file that is not a pojok ledger this program can read.
fn check_identity(conn: &Connection, path: &Path) -> Result<i64> {
    let id = identify(conn).map_err(|e| damaged_or(e, path))?;
    let ours = id.application_id == APPLICATION_ID
        || (id.application_id == 0 && id.version >= 1 && id.looks_like_pojok);
    if !ours {
        return Err(LedgerError::Foreign(path.to_path_buf()));
    }
    if id.version > SCHEMA_VERSION {
        return Err(LedgerError::TooNew {
            found: id.version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(id.version)
}

/// SQLite's "not a database" or "malformed" while identifying: the file is damaged.
fn damaged_or(e: LedgerError, path: &Path) -> LedgerError {
    use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
    match &e {
        LedgerError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if matches!(f.code, DatabaseCorrupt | NotADatabase) =>
        {
            LedgerError::Damaged {
                path: path.to_path_buf(),
                detail: e.to_string(),
            }
        }
        _ => e,
    }
}

/// SQLite's `quick_check`: "ok", or what is wrong. Catches broken pages and indexes in a
/// fraction of `integrity_check`'s time.
fn quick_check(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA quick_check")?;
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(lines.into_iter().filter(|l| l != "ok").collect())
}

/// Creates the new ledger file, readable by its owner only: it holds PIN hashes and every
/// sale. SQLite gives `-wal` and `-shm` the permissions of the file they belong to.
fn create_private(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        fs::create_dir_all(dir)?;
    }
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(path)?;
    make_private(&file)?;
    Ok(())
}

/// Owner-only permissions on Unix (a zero-byte file may have been made by `touch`).
pub(crate) fn make_private(file: &File) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// How the kiosk and the writing commands want a file opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    /// A missing or zero-byte file becomes a new ledger: the kiosk's first start, the demo.
    CreateIfMissing,
    /// The ledger must exist already (`import`, `restore`).
    Existing,
    /// As `CreateIfMissing`, and an existing file must pass SQLite's `quick_check` before
    /// anything is written to it: the kiosk's start.
    CheckedKiosk,
}

impl Ledger {
    /// Opens the ledger at `path` to write, creating the folder and the file if missing, and
    /// brings an older file's schema up to date. Anything that is not a pojok ledger this
    /// program can write is refused untouched.
    pub fn open(path: &Path) -> Result<Ledger> {
        Ledger::open_with(path, Opening::CreateIfMissing)
    }

    pub fn open_with(path: &Path, how: Opening) -> Result<Ledger> {
        Ledger::open_unchecked_space(path, how).map_err(|e| full_disk_or(e, path))
    }

    fn open_unchecked_space(path: &Path, how: Opening) -> Result<Ledger> {
        let created = match look_at(path)? {
            Found::NotSqlite => return Err(LedgerError::NotALedger(path.to_path_buf())),
            Found::Missing | Found::Empty if how == Opening::Existing => {
                return Err(LedgerError::NoLedger(path.to_path_buf()));
            }
            Found::Missing | Found::Empty => {
                create_private(path)?;
                true
            }
            Found::Sqlite => {
                check_writable(path)?;
                clear_stale_shm(path);
                let probe = read_only_connection(path)?;
                check_identity(&probe, path)?;
                if how == Opening::CheckedKiosk {
                    let problems = quick_check(&probe).map_err(|e| damaged_or(e, path))?;
                    if let Some(first) = problems.into_iter().next() {
                        return Err(LedgerError::Damaged {
                            path: path.to_path_buf(),
                            detail: first,
                        });
                    }
                }
                false
            }
        };
        super::users::keep_heap_top();
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        // Before switching the journal mode, which writes to the file.
        schema::check_version(&conn)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "recursive_triggers", "ON")?;
        // Plans stay as prepared: without it a cached statement is parsed again whenever a
        // parameter it compares (a date, a partial index's column) is bound to a new value,
        // most of a statement's time when it walks a year day by day.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )?;
        // A sale alone runs some 25 cached statements (its rows, their chain, its head);
        // rusqlite's default of 16 made each sale prepare most of them again, triggers
        // and all.
        conn.set_prepared_statement_cache_capacity(96);
        schema::migrate(&mut conn)?;
        let id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        if created || id != APPLICATION_ID {
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        Ledger::with_connection(conn, path)
    }

    /// Opens an existing ledger only to read it (`verify`, reports, printouts, exports,
    /// backups): nothing is created, migrated or switched, and when no program has the file
    /// open, nothing appears beside it either.
    pub fn open_read_only(path: &Path) -> Result<Ledger> {
        match look_at(path)? {
            Found::Missing => return Err(LedgerError::NoLedger(path.to_path_buf())),
            Found::Empty => return Err(LedgerError::EmptyFile(path.to_path_buf())),
            Found::NotSqlite => return Err(LedgerError::NotALedger(path.to_path_buf())),
            Found::Sqlite => {}
        }
        let conn = read_only_connection(path)?;
        let version = check_identity(&conn, path)?;
        if version < SCHEMA_VERSION {
            return Err(LedgerError::TooOld(path.to_path_buf()));
        }
        conn.pragma_update(None, "query_only", "ON")?;
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )?;
        Ledger::with_connection(conn, path)
    }

    /// SQLite's `quick_check` on this connection: empty when the file is sound.
    pub fn quick_check(&self) -> Result<Vec<String>> {
        quick_check(&self.conn)
    }
}

/// SQLite reports a full disk met while growing `-wal` or `-shm` as a plain "disk I/O error":
/// when writing a little beside the ledger fails for want of space, it is said as a full disk.
fn full_disk_or(e: LedgerError, path: &Path) -> LedgerError {
    let io_error = matches!(
        &e,
        LedgerError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::SystemIoFailure
    );
    if !io_error {
        return e;
    }
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    let probe =
        tempfile::tempfile_in(folder.unwrap_or_else(|| Path::new("."))).and_then(|mut f| {
            std::io::Write::write_all(&mut f, &[0; 64 * 1024])?;
            f.sync_all()
        });
    match probe {
        Err(p) if p.kind() == std::io::ErrorKind::StorageFull => LedgerError::DiskFull,
        _ => e,
    }
}

/// The kiosk writes: a file the OS will not let it write is said so before SQLite is asked.
fn check_writable(path: &Path) -> Result<()> {
    match OpenOptions::new().write(true).open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            Err(LedgerError::ReadOnlyFile(path.to_path_buf()))
        }
        Err(e) => Err(LedgerError::Io(e)),
    }
}

/// A `-shm` without its `-wal` belongs to no open connection (a writer always has the `-wal`):
/// it is what a crashed or read-only run left, and it can block the next start if its
/// permissions differ. Removed before opening; a failure here is SQLite's to report.
fn clear_stale_shm(path: &Path) {
    let shm = sibling(path, "-shm");
    if shm.exists() && !sibling(path, "-wal").exists() {
        let _ = fs::remove_file(shm);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha(path: &Path) -> Vec<u8> {
        use sha2::Digest;
        sha2::Sha256::digest(fs::read(path).unwrap()).to_vec()
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_ledger_carries_the_application_id_and_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pojok.db");
        let ledger = Ledger::open(&path).unwrap();
        let id: i32 = ledger
            .conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        assert_eq!(id, APPLICATION_ID);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            for name in ["pojok.db", "pojok.db-wal", "pojok.db-shm"] {
                let mode = fs::metadata(dir.path().join(name)).unwrap().permissions();
                assert_eq!(mode.mode() & 0o777, 0o600, "{name}");
            }
        }
    }

    #[test]
    fn reading_leaves_the_file_and_its_folder_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pojok.db");
        drop(Ledger::open(&path).unwrap());
        let before = (names(dir.path()), sha(&path));
        let ledger = Ledger::open_read_only(&path).unwrap();
        ledger.verify().unwrap();
        assert!(ledger.quick_check().unwrap().is_empty());
        drop(ledger);
        assert_eq!((names(dir.path()), sha(&path)), before);
    }

    #[test]
    fn files_that_are_not_ledgers_are_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.db");
        fs::write(&empty, b"").unwrap();
        assert!(matches!(
            Ledger::open_read_only(&empty),
            Err(LedgerError::EmptyFile(_))
        ));
        let text = dir.path().join("notes.db");
        fs::write(&text, b"hello, not a database at all").unwrap();
        assert!(matches!(
            Ledger::open(&text),
            Err(LedgerError::NotALedger(_))
        ));
        let foreign = dir.path().join("other.db");
        let conn = Connection::open(&foreign).unwrap();
        conn.execute_batch("CREATE TABLE products (x); PRAGMA user_version = 3;")
            .unwrap();
        drop(conn);
        let before = sha(&foreign);
        assert!(matches!(
            Ledger::open(&foreign),
            Err(LedgerError::Foreign(_))
        ));
        assert!(matches!(
            Ledger::open_read_only(&foreign),
            Err(LedgerError::Foreign(_))
        ));
        assert_eq!(sha(&foreign), before);
        assert_eq!(fs::read(&text).unwrap(), b"hello, not a database at all");
        assert!(matches!(
            Ledger::open_with(&dir.path().join("missing.db"), Opening::Existing),
            Err(LedgerError::NoLedger(_))
        ));
        assert!(!dir.path().join("missing.db").exists());
    }

    #[test]
    fn a_ledger_from_before_the_application_id_is_still_ours() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pojok.db");
        drop(Ledger::open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", 0).unwrap();
        drop(conn);
        let ledger = Ledger::open(&path).unwrap();
        let id: i32 = ledger
            .conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        assert_eq!(id, APPLICATION_ID);
    }

    #[test]
    fn a_stale_shm_without_its_wal_does_not_block_the_kiosk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pojok.db");
        drop(Ledger::open(&path).unwrap());
        let shm = sibling(&path, "-shm");
        fs::write(&shm, b"left by a read-only run").unwrap();
        let ledger = Ledger::open_with(&path, Opening::CheckedKiosk).unwrap();
        assert!(ledger.quick_check().unwrap().is_empty());
        assert_ne!(fs::read(&shm).unwrap(), b"left by a read-only run");
    }

    #[test]
    fn uris_escape_what_would_end_the_path() {
        let uri = file_uri(Path::new("/tmp/a b/c?d#e%.db"), "mode=ro");
        // Windows puts the current drive in front of a path from the root: file:/Z:/tmp/…
        let drive = if cfg!(windows) {
            let absolute = std::path::absolute("/").unwrap();
            format!(
                "/{}",
                absolute.to_string_lossy().trim_end_matches(['\\', '/'])
            )
        } else {
            String::new()
        };
        assert_eq!(
            uri,
            format!("file:{drive}/tmp/a%20b/c%3Fd%23e%25.db?mode=ro")
        );
    }
}
