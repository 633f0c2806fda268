//! Users and their PINs: the first manager, attendants, PIN checks with a lockout that
//! survives restarts, the signed-in actor and a manager's approval of the next write.
//!
//! PINs arrive as `&str` and are only ever handed to argon2; they are never stored, logged or
//! put in an error. Callers own (and clear) the buffers they typed them into.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, PasswordHash, Version};
use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Row, params};
use sha2::{Digest, Sha256};

use super::columns::{conversion_error, stamp_text};
use super::connection::Ledger;
use super::error::{LedgerError, Result, unique_violation};
use super::lockout::{self, Gate, attempts_of};
use crate::domain::{PinVerdict, Role, User, check_new_pin, clamp_lockout};

/// The name given to the manager that a ledger from before users is migrated with.
pub(super) const MIGRATED_MANAGER: &str = "Manajer";

const USER_COLUMNS: &str = "id, name, role, active, pin_hash IS NOT NULL";

fn user_from_row(r: &Row) -> rusqlite::Result<User> {
    let role: String = r.get(2)?;
    Ok(User {
        id: r.get(0)?,
        name: r.get(1)?,
        role: role
            .parse()
            .map_err(|()| conversion_error(2, format!("unknown role {role:?}")))?,
        active: r.get(3)?,
        has_pin: r.get(4)?,
    })
}

fn find_user(conn: &Connection, id: i64) -> Result<User> {
    conn.prepare_cached(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1"))?
        .query_row([id], user_from_row)
        .optional()?
        .ok_or(LedgerError::UnknownUser(id))
}

/// argon2id's cost for new PIN hashes: m = 7 MiB, t = 5, p = 1, OWASP's lower-memory
/// equivalent of its recommended 19 MiB, t = 2 (the crate's default), so signing in on a
/// 2 GB office PC takes a third of the memory for the same resistance to guessing.
const PIN_COST: (u32, u32, u32) = (7 * 1024, 5, 1);

pub(super) fn argon2() -> Result<Argon2<'static>> {
    let (m, t, p) = PIN_COST;
    let params = Params::new(m, t, p, None)
        .map_err(|e| LedgerError::Corrupt(format!("argon2 parameters: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// A PHC string (`$argon2id$v=19$m=7168,t=5,p=1$...`) with a salt of its own.
pub(super) fn hash_pin(pin: &str) -> Result<String> {
    let hash = argon2()?
        .hash_password(pin.as_bytes())
        .map_err(|e| LedgerError::Corrupt(format!("cannot hash a PIN: {e}")))?;
    release_hash_memory();
    Ok(hash.to_string())
}

/// Whether `pin` is the one hashed; the hash's own parameters are used, so a PIN hashed
/// at an older cost still matches.
pub(super) fn pin_matches(pin: &str, hash: &str) -> bool {
    let matches = argon2().is_ok_and(|a| a.verify_password(pin.as_bytes(), hash).is_ok());
    release_hash_memory();
    matches
}

/// Drops SQLite's page cache and prepared statements of `conn` and hands the freed heap back
/// to the OS: before argon2's 7 MiB of a PIN check, so the hash does not stack on top of the
/// day's pages (up to 2 MiB) at the day's peak, and after a walk of the whole chain. The pages
/// come back from the OS's file cache as they are read again.
pub(super) fn shed_caches(conn: &Connection) {
    // Only memory is at stake: a connection that cannot shrink keeps its cache.
    let _ = conn.execute_batch("PRAGMA shrink_memory");
    // The prepared statements too (half a MiB with their triggers); the next sale prepares
    // again the two dozen it runs, a few milliseconds once per sign-in.
    conn.flush_prepared_statement_cache();
    release_hash_memory();
}

/// Gives argon2's freed memory back to the OS (see Cargo.toml: glibc would keep it in the
/// heap, and each sign-in of the day added to what the till holds).
pub(super) fn release_hash_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only hands free heap pages back to the OS; no memory in use moves.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Lets glibc keep up to 1 MiB of freed heap at its top rather than hand it back to the OS
/// at each free. Its own threshold is 128 KiB until a large block (a PIN check's argon2)
/// raises it to twice that block: on five years a sale's SQLite work allocates and frees
/// some 250 KiB, and handing those pages back and faulting them in again doubled a sale's
/// work (250 instead of 130 µs) in a process that had checked no PIN yet. Fixed, it no
/// longer climbs to 14 MiB after the first PIN check either.
pub(super) fn keep_heap_top() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        // SAFETY: mallopt only sets when free memory goes back to the OS.
        ONCE.call_once(|| unsafe {
            libc::mallopt(libc::M_TRIM_THRESHOLD, 1 << 20);
        });
    }
}

/// A hash made at another cost than `PIN_COST` (an older one): rehashed at the next
/// right PIN.
fn outdated(hash: &str) -> bool {
    let cost = PasswordHash::new(hash)
        .ok()
        .and_then(|h| Params::try_from(&h).ok())
        .map(|p| (p.m_cost(), p.t_cost(), p.p_cost()));
    cost != Some(PIN_COST)
}

/// What `user_changes` keeps of a PIN hash: enough to see it changed, not to attack it.
pub(super) fn pin_digest(pin_hash: Option<&str>) -> Option<String> {
    pin_hash.map(|h| super::chain::hex(&Sha256::digest(h.as_bytes())))
}

/// Records the user as they now are, after `change`.
/// Gives `user_id` the PIN hashed as `hash`, recorded as a "pin" change at `at`. A new PIN
/// starts with a clean slate of attempts (the rows stay: `verify` reports a counter row of a
/// locked-out user that is gone).
pub(super) fn set_pin(conn: &Connection, user_id: i64, hash: &str, at: &str) -> Result<()> {
    conn.execute(
        "UPDATE users SET pin_hash = ?2 WHERE id = ?1",
        params![user_id, hash],
    )?;
    for table in ["pin_attempts", "approval_attempts"] {
        conn.execute(
            &format!(
                "UPDATE {table} SET failures = 0, lockouts = 0, locked_until = NULL
                 WHERE user_id = ?1"
            ),
            [user_id],
        )?;
    }
    record_change(conn, user_id, "pin", at)
}

pub(super) fn record_change(conn: &Connection, user_id: i64, change: &str, at: &str) -> Result<()> {
    let hash: Option<String> =
        conn.query_row("SELECT pin_hash FROM users WHERE id = ?1", [user_id], |r| {
            r.get(0)
        })?;
    conn.prepare_cached(
        "INSERT INTO user_changes (user_id, change, at, name, role, active, pin_digest)
         SELECT id, ?2, ?3, name, role, active, ?4 FROM users WHERE id = ?1",
    )?
    .execute(params![user_id, change, at, pin_digest(hash.as_deref())])?;
    Ok(())
}

/// Inserts a user with its `created` history row; `pin_hash` None is a user who must set a
/// PIN before signing in.
pub(super) fn insert_user(
    conn: &Connection,
    name: &str,
    role: Role,
    pin_hash: Option<&str>,
    at: &str,
) -> Result<User> {
    let name = name.trim();
    if name.is_empty() {
        return Err(LedgerError::EmptyUserName);
    }
    conn.execute(
        "INSERT INTO users (name, role, pin_hash, active, created_at) VALUES (?1, ?2, ?3, 1, ?4)",
        params![name, role.code(), pin_hash, at],
    )
    .map_err(|e| match unique_violation(&e) {
        Some("users.name") => LedgerError::DuplicateUserName(name.to_string()),
        _ => e.into(),
    })?;
    let id = conn.last_insert_rowid();
    record_change(conn, id, "created", at)?;
    find_user(conn, id)
}

impl Ledger {
    /// After the close: the pages and statements the day's paper, check and backup read are
    /// let go, so a till left running overnight starts its next day as lean as its first.
    pub fn shed_caches(&self) {
        shed_caches(&self.conn);
    }

    /// Bytes SQLite holds for this ledger in its page cache and in prepared statements.
    #[cfg(test)]
    pub(crate) fn held_by_sqlite(&self) -> (i32, i32) {
        let used = |what| {
            let (mut now, mut high) = (0, 0);
            // SAFETY: the handle is the live connection's; SQLite only writes the two counters.
            let rc = unsafe {
                rusqlite::ffi::sqlite3_db_status(self.conn.handle(), what, &mut now, &mut high, 0)
            };
            assert_eq!(rc, rusqlite::ffi::SQLITE_OK);
            now
        };
        (
            used(rusqlite::ffi::SQLITE_DBSTATUS_CACHE_USED),
            used(rusqlite::ffi::SQLITE_DBSTATUS_STMT_USED),
        )
    }

    /// Whether anyone can sign in yet: a new ledger has no users until the first manager.
    pub fn has_users(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM users)", [], |r| r.get(0))?)
    }

    /// Every user, active or not, in the order they were added.
    pub fn users(&self) -> Result<Vec<User>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {USER_COLUMNS} FROM users ORDER BY id"))?;
        let rows = stmt.query_map([], user_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn user(&self, id: i64) -> Result<User> {
        find_user(&self.conn, id)
    }

    /// Creates the manager of a new ledger. Refused once any user exists: from then on users
    /// are added by a manager.
    pub fn create_first_manager(
        &mut self,
        name: &str,
        pin: &str,
        at: NaiveDateTime,
    ) -> Result<User> {
        check_new_pin(pin).map_err(LedgerError::InvalidPin)?;
        let hash = hash_pin(pin)?;
        self.write(|tx| {
            let any: bool =
                tx.query_row("SELECT EXISTS (SELECT 1 FROM users)", [], |r| r.get(0))?;
            if any {
                return Err(LedgerError::UsersExist);
            }
            insert_user(tx, name, Role::Manager, Some(&hash), &stamp_text(at))
        })
    }

    /// Adds a user with their first PIN. An attendant signed in needs a manager's approval.
    pub fn add_user(
        &mut self,
        name: &str,
        role: Role,
        pin: &str,
        at: NaiveDateTime,
    ) -> Result<User> {
        check_new_pin(pin).map_err(LedgerError::InvalidPin)?;
        let hash = hash_pin(pin)?;
        let user = self.write(|tx| insert_user(tx, name, role, Some(&hash), &stamp_text(at)))?;
        if user.is_manager() {
            self.rewrap_seal(user.id, pin)?;
        }
        Ok(user)
    }

    /// Sets a new PIN (also the first PIN of a migrated manager, who has none). The caller
    /// has made sure who is asking: the user themself after their PIN, or a manager.
    pub fn change_pin(&mut self, user_id: i64, new_pin: &str, at: NaiveDateTime) -> Result<()> {
        check_new_pin(new_pin).map_err(LedgerError::InvalidPin)?;
        let hash = hash_pin(new_pin)?;
        self.write(|tx| {
            find_user(tx, user_id)?;
            set_pin(tx, user_id, &hash, &stamp_text(at))
        })?;
        if find_user(&self.conn, user_id)?.is_manager() {
            self.rewrap_seal(user_id, new_pin)?;
        }
        Ok(())
    }

    /// Takes a user off the kiosk for good: they can no longer sign in or approve. The last
    /// active manager cannot be deactivated, or nobody could manage users again.
    pub fn deactivate_user(&mut self, user_id: i64, at: NaiveDateTime) -> Result<()> {
        self.write(|tx| {
            let user = find_user(tx, user_id)?;
            if !user.active {
                return Err(LedgerError::UserInactive(user_id));
            }
            if user.is_manager() {
                let others: i64 = tx.query_row(
                    "SELECT COUNT(*) FROM users WHERE role = 'manager' AND active = 1 AND id != ?1",
                    [user_id],
                    |r| r.get(0),
                )?;
                if others == 0 {
                    return Err(LedgerError::LastManager);
                }
            }
            tx.execute("UPDATE users SET active = 0 WHERE id = ?1", [user_id])?;
            record_change(tx, user_id, "deactivated", &stamp_text(at))
        })
    }

    /// Checks `pin` for `user_id` at `at`. A wrong PIN counts towards a lockout, and the
    /// counter is on disk before this returns, so a restart forgives nothing.
    pub fn check_pin(&mut self, user_id: i64, pin: &str, at: NaiveDateTime) -> Result<User> {
        self.check_pin_at(user_id, pin, at, Gate::SignIn)
    }

    fn check_pin_at(
        &mut self,
        user_id: i64,
        pin: &str,
        at: NaiveDateTime,
        gate: Gate,
    ) -> Result<User> {
        let user = find_user(&self.conn, user_id)?;
        if !user.active {
            return Err(LedgerError::UserInactive(user_id));
        }
        let hash: Option<String> =
            self.conn
                .query_row("SELECT pin_hash FROM users WHERE id = ?1", [user_id], |r| {
                    r.get(0)
                })?;
        let Some(hash) = hash else {
            return Err(LedgerError::PinNotSet(user_id));
        };
        if attempts_of(&self.conn, user_id, gate)?
            .locked_until
            .and_then(|until| clamp_lockout(until, at))
            .is_some()
        {
            self.write(|tx| lockout::cut_if_clock_went_back(tx, user_id, gate, at))?;
        }
        if let Some(until) = attempts_of(&self.conn, user_id, gate)?.locked_at(at) {
            return Err(LedgerError::LockedOut { until });
        }
        // argon2 takes a while: run it before taking the write lock, then count under it.
        shed_caches(&self.conn);
        let right = pin_matches(pin, &hash);
        let upgraded = if right && outdated(&hash) {
            Some(hash_pin(pin)?)
        } else {
            None
        };
        let verdict = self.write(|conn| {
            let before = attempts_of(conn, user_id, gate)?;
            let (next, verdict) = before.attempt(right, at);
            if let (PinVerdict::Accepted, Some(new_hash)) = (&verdict, &upgraded) {
                // The same PIN at today's cost; history records the new hash's digest,
                // as for any change of the stored hash.
                conn.execute(
                    "UPDATE users SET pin_hash = ?2 WHERE id = ?1",
                    params![user_id, new_hash],
                )?;
                record_change(conn, user_id, "pin", &stamp_text(at))?;
            }
            lockout::save_attempt(conn, user_id, gate, &before, &next, at)?;
            Ok(verdict)
        })?;
        match verdict {
            PinVerdict::Accepted => {
                if user.is_manager() {
                    self.unlock_seal(user.id, pin, at)?;
                }
                Ok(user)
            }
            PinVerdict::Wrong { attempts_left } => Err(LedgerError::WrongPin { attempts_left }),
            PinVerdict::LockedOut { until } => Err(LedgerError::LockedOut { until }),
        }
    }

    /// A manager's PIN typed on the spot to approve an attendant's action. Someone who is not
    /// an active manager is refused before their PIN is looked at (nor counted).
    pub fn approve_with_pin(
        &mut self,
        manager_id: i64,
        pin: &str,
        at: NaiveDateTime,
    ) -> Result<User> {
        let user = find_user(&self.conn, manager_id)?;
        if !user.is_manager() {
            return Err(LedgerError::NotAManager(manager_id));
        }
        // Counted apart from sign-in: guesses in the popup lock the popup, not the manager.
        self.check_pin_at(manager_id, pin, at, Gate::Approval)
    }

    /// From now on, every write is recorded under `user` (until `sign_out`).
    /// A seal key a manager's PIN opened stays open for the session it was typed in: the
    /// same user carrying on, or the manager; another attendant signing in closes it.
    pub fn sign_in(&mut self, user: &User) {
        let same = self.actor.as_ref().is_some_and(|a| a.id == user.id);
        if !same && !user.is_manager() {
            self.seal_key = None;
        }
        self.actor = Some(user.clone());
    }

    /// Writes are recorded under the system again, and a pending approval is dropped.
    pub fn sign_out(&mut self) {
        self.actor = None;
        self.approval = None;
        self.seal_key = None;
    }

    /// The active manager called `name` (as typed at the command line, any case).
    pub fn manager_by_name(&self, name: &str) -> Result<User> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM users WHERE name = ?1 COLLATE NOCASE",
                [name.trim()],
                |r| r.get(0),
            )
            .optional()?;
        let user = find_user(&self.conn, id.ok_or(LedgerError::UnknownManagerName)?)?;
        if !user.active {
            return Err(LedgerError::UserInactive(user.id));
        }
        if !user.is_manager() {
            return Err(LedgerError::NotAManager(user.id));
        }
        Ok(user)
    }

    /// Whether `pin` is `user_id`'s, without counting the attempt (for reading commands,
    /// which never write).
    pub(super) fn pin_is(&self, user_id: i64, pin: &str) -> Result<bool> {
        let hash: Option<String> =
            self.conn
                .query_row("SELECT pin_hash FROM users WHERE id = ?1", [user_id], |r| {
                    r.get(0)
                })?;
        shed_caches(&self.conn);
        Ok(hash.is_some_and(|h| pin_matches(pin, &h)))
    }

    /// Who writes are recorded under; `None` is the system (import, seeding, tests).
    pub fn signed_in(&self) -> Option<&User> {
        self.actor.as_ref()
    }

    /// Attaches `manager`'s approval to the next write only: that write consumes it whether it
    /// succeeds or fails (a PIN check is a write too: approve first, then attach). The write
    /// refuses an approver who is not an active manager.
    pub fn with_approval(&mut self, manager: &User) -> &mut Ledger {
        self.approval = Some(manager.clone());
        self
    }

    /// Drops an approval no write took (the effect was refused before it wrote), so that it
    /// never carries over to whatever is written next.
    pub fn drop_approval(&mut self) {
        self.approval = None;
    }
}

#[cfg(test)]
mod pin_cost_tests {
    use super::*;

    /// A hash at the crate's default cost, as ledgers made before today's cost hold.
    fn old_hash(pin: &str) -> String {
        Argon2::default()
            .hash_password(pin.as_bytes())
            .unwrap()
            .to_string()
    }

    #[test]
    fn new_hashes_use_the_lower_memory_cost_and_old_ones_still_match() {
        let new = hash_pin("4821").unwrap();
        assert!(new.contains("m=7168,t=5,p=1"), "{new}");
        assert!(!outdated(&new));
        assert!(pin_matches("4821", &new) && !pin_matches("4822", &new));
        let old = old_hash("4821");
        assert!(outdated(&old), "{old}");
        assert!(pin_matches("4821", &old) && !pin_matches("4822", &old));
    }

    #[test]
    fn shedding_drops_the_pages_read_and_the_statements_prepared_before_a_hash() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        ledger
            .conn
            .execute_batch(
                "CREATE TABLE filler (t TEXT);
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
                 INSERT INTO filler SELECT printf('%0500d', i) FROM n;",
            )
            .unwrap();
        let rows: i64 = ledger
            .conn
            .query_row("SELECT COUNT(*) FROM filler WHERE t LIKE '%7%'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert!(rows > 0);
        let (before, _) = ledger.held_by_sqlite();
        assert!(before > 500_000, "the read filled {before} bytes of cache");
        find_user(&ledger.conn, 1).unwrap_err();
        let (_, prepared) = ledger.held_by_sqlite();
        assert!(prepared > 0);
        shed_caches(&ledger.conn);
        let (after, statements) = ledger.held_by_sqlite();
        assert!(
            after < before / 10,
            "{after} of {before} bytes still cached"
        );
        assert_eq!(statements, 0, "of {prepared} bytes");
    }

    #[test]
    fn an_old_hash_is_upgraded_at_the_next_right_pin_only() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 2)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap();
        let budi = ledger.create_first_manager("Budi", "9999", at).unwrap();
        // As a ledger from before today's cost holds it, with its history.
        ledger
            .conn
            .execute(
                "UPDATE users SET pin_hash = ?2 WHERE id = ?1",
                params![budi.id, old_hash("9999")],
            )
            .unwrap();
        ledger
            .write(|conn| record_change(conn, budi.id, "pin", &stamp_text(at)))
            .unwrap();
        let stored = |ledger: &Ledger| -> String {
            ledger
                .conn
                .query_row("SELECT pin_hash FROM users WHERE id = ?1", [budi.id], |r| {
                    r.get(0)
                })
                .unwrap()
        };
        assert!(ledger.check_pin(budi.id, "1234", at).is_err());
        assert!(outdated(&stored(&ledger)), "a wrong PIN upgrades nothing");
        ledger.check_pin(budi.id, "9999", at).unwrap();
        assert!(!outdated(&stored(&ledger)), "{}", stored(&ledger));
        ledger.check_pin(budi.id, "9999", at).unwrap();
        assert!(ledger.verify().unwrap().is_clean());
    }
}
