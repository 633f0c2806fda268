//! Seals: a secret the file does not hold. The seal key is 32 random bytes kept in the file
//! only wrapped by a manager's PIN (or the recovery code); a manager typing their PIN opens
//! it for the session. While open, every closed day gets a day seal (an HMAC over its close
//! entry's chain hash, which covers all history before it) and every chain row written gets
//! a chain seal. Someone who edits the file and re-chains it without a manager's PIN cannot
//! make new seals, so `check_seals` (given a manager's PIN) finds the days whose seal no
//! longer matches and the manager's entries with no seal.

use argon2::Argon2;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::chain::hex;
use super::connection::{Ledger, SealKey};
use super::error::{LedgerError, Result};

fn random<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0; N];
    getrandom::fill(&mut bytes)
        .map_err(|e| LedgerError::Corrupt(format!("no random source: {e}")))?;
    Ok(bytes)
}

/// HMAC-SHA256 (RFC 2104) over `parts` joined by `|`: a few lines over sha2, instead of a
/// crate for one function.
fn hmac(key: &SealKey, parts: &[&str]) -> String {
    const BLOCK: usize = 64;
    let mut inner = Sha256::new();
    let mut outer = Sha256::new();
    let mut ipad = [0x36u8; BLOCK];
    let mut opad = [0x5cu8; BLOCK];
    for (i, b) in key.0.iter().enumerate() {
        ipad[i] ^= b;
        opad[i] ^= b;
    }
    inner.update(ipad);
    inner.update(parts.join("|").as_bytes());
    outer.update(opad);
    outer.update(inner.finalize());
    hex(&outer.finalize())
}

/// The wrapping key for `secret` (a PIN or the recovery code): argon2id at the PIN hash's
/// own cost, as slow to guess and as light on memory.
fn derive(secret: &str, salt: &[u8]) -> Result<[u8; 32]> {
    derive_with(&super::users::argon2()?, secret, salt)
}

/// `derive` at the crate's default cost (19 MiB), which wraps made before the cost came
/// down to the PIN's were made at: a manager's sign-in wraps them again at the new one.
fn derive_old(secret: &str, salt: &[u8]) -> Result<[u8; 32]> {
    derive_with(&Argon2::default(), secret, salt)
}

fn derive_with(argon2: &Argon2, secret: &str, salt: &[u8]) -> Result<[u8; 32]> {
    let mut out = [0; 32];
    let derived = argon2
        .hash_password_into(secret.as_bytes(), salt, &mut out)
        .map_err(|e| LedgerError::Corrupt(format!("cannot derive a key: {e}")));
    super::users::release_hash_memory();
    derived?;
    Ok(out)
}

fn xor(a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
    std::array::from_fn(|i| a[i] ^ b[i])
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// A commitment to the key (and to where its seals begin), the same for every holder.
fn key_check(key: &SealKey, since_seq: i64) -> String {
    let mut h = Sha256::new();
    h.update(b"pojok seal key|");
    h.update(key.0);
    h.update(since_seq.to_string().as_bytes());
    hex(&h.finalize())
}

pub(super) const RECOVERY_HOLDER: &str = "recovery";

pub(super) fn user_holder(user_id: i64) -> String {
    format!("user:{user_id}")
}

/// What `secret` makes of `holder`'s wrapped key.
#[derive(Debug)]
pub(super) enum Opened {
    /// The file has no seal key yet.
    NoKey,
    /// There is a key, but not wrapped for this holder.
    NotHolder,
    Key(SealKey, i64),
    /// The key, from a wrap made at the old cost: to be wrapped again where writing is fine.
    OldWrap(SealKey, i64),
    /// The secret unwraps to something that is not the key: the row was swapped.
    Replaced,
}

pub(super) fn open(conn: &Connection, holder: &str, secret: &str) -> Result<Opened> {
    let row: Option<(String, String, String, i64)> = conn
        .prepare_cached(
            "SELECT salt, wrapped, key_check, since_seq FROM seal_keys WHERE holder = ?1",
        )?
        .query_row([holder], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let Some((salt, wrapped, check, since)) = row else {
        let any: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM seal_keys)", [], |r| r.get(0))?;
        return Ok(if any {
            Opened::NotHolder
        } else {
            Opened::NoKey
        });
    };
    let (Some(salt), Some(wrapped)) = (from_hex(&salt), from_hex(&wrapped)) else {
        return Ok(Opened::Replaced);
    };
    let Ok(wrapped) = <[u8; 32]>::try_from(wrapped.as_slice()) else {
        return Ok(Opened::Replaced);
    };
    super::users::shed_caches(conn);
    let key = SealKey(xor(&wrapped, &derive(secret, &salt)?));
    if key_check(&key, since) == check {
        return Ok(Opened::Key(key, since));
    }
    let key = SealKey(xor(&wrapped, &derive_old(secret, &salt)?));
    if key_check(&key, since) == check {
        return Ok(Opened::OldWrap(key, since));
    }
    Ok(Opened::Replaced)
}

/// Wraps `key` for `holder` under `secret` (replacing an earlier wrap of theirs).
pub(super) fn wrap(
    conn: &Connection,
    holder: &str,
    secret: &str,
    key: &SealKey,
    since: i64,
) -> Result<()> {
    let salt: [u8; 16] = random()?;
    let wrapped = xor(&key.0, &derive(secret, &salt)?);
    conn.execute(
        "INSERT INTO seal_keys (holder, salt, wrapped, key_check, since_seq)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (holder) DO UPDATE SET salt = excluded.salt, wrapped = excluded.wrapped,
             key_check = excluded.key_check, since_seq = excluded.since_seq",
        params![
            holder,
            hex(&salt),
            hex(&wrapped),
            key_check(key, since),
            since
        ],
    )?;
    Ok(())
}

/// A fresh key, sealing from the chain row after `since`.
pub(super) fn new_key() -> Result<SealKey> {
    Ok(SealKey(random()?))
}

fn day_mac(key: &SealKey, date: &str, seq: i64, hash: &str) -> String {
    hmac(key, &["pojok day seal", date, &seq.to_string(), hash])
}

fn chain_mac(key: &SealKey, seq: i64, hash: &str) -> String {
    hmac(key, &["pojok chain seal", &seq.to_string(), hash])
}

/// Seals every chain row after `after` that has none yet.
pub(super) fn seal_chain_rows(conn: &Connection, key: &SealKey, after: i64) -> Result<()> {
    let rows: Vec<(i64, String)> = conn
        .prepare_cached(
            "SELECT c.seq, c.hash FROM chain AS c
             WHERE c.seq > ?1 AND NOT EXISTS (SELECT 1 FROM chain_seals AS s WHERE s.seq = c.seq)
             ORDER BY c.seq",
        )?
        .query_map([after], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut insert = conn.prepare_cached("INSERT INTO chain_seals (seq, mac) VALUES (?1, ?2)")?;
    for (seq, hash) in rows {
        insert.execute(params![seq, chain_mac(key, seq, &hash)])?;
    }
    Ok(())
}

/// Closed days with the chain row of their close: (day id, date, seq, hash).
fn closes(conn: &Connection, unsealed_only: bool) -> Result<Vec<(i64, String, i64, String)>> {
    // Only days after the newest seal: a day before it that has none lost its seal, and
    // sealing it now would vouch for whatever it holds since.
    let filter = if unsealed_only {
        "AND c.seq > (SELECT COALESCE(MAX(covers_seq), 0) FROM day_seals)"
    } else {
        ""
    };
    let sql = format!(
        "SELECT d.id, d.date, c.seq, c.hash FROM business_days AS d
         JOIN day_closes AS x ON x.day_id = d.id
         JOIN chain AS c ON c.entry_table = 'day_closes' AND c.entry_id = x.id
         WHERE 1 {filter} ORDER BY c.seq"
    );
    Ok(conn
        .prepare(&sql)?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Seals each closed day that has no seal yet.
fn seal_days_on(conn: &Connection, key: &SealKey, at: &str) -> Result<usize> {
    let days = closes(conn, true)?;
    for (day_id, date, seq, hash) in &days {
        conn.execute(
            "INSERT INTO day_seals (day_id, at, covers_seq, mac) VALUES (?1, ?2, ?3, ?4)",
            params![day_id, at, seq, day_mac(key, date, *seq, hash)],
        )?;
    }
    Ok(days.len())
}

/// What the seals say, checked with a manager's PIN.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealReport {
    /// The file has no seal key: no manager has typed a PIN in the kiosk since seals exist.
    NoKey,
    /// The manager's PIN does not open the key the file holds for them: it was replaced.
    KeyReplaced,
    Checked {
        /// Days whose seal matches.
        sealed: usize,
        /// Days whose seal does not match what the file holds now (their dates).
        broken: Vec<String>,
        /// Closed days with no seal (their dates).
        unsealed: Vec<String>,
        /// Chain rows a manager wrote or approved that carry no matching seal, and rows
        /// whose seal no longer matches.
        unsigned: Vec<i64>,
    },
}

impl SealReport {
    pub fn holds(&self) -> bool {
        matches!(self, SealReport::Checked { broken, unsigned, .. }
            if broken.is_empty() && unsigned.is_empty())
    }
}

fn check_with(conn: &Connection, key: &SealKey, since: i64) -> Result<SealReport> {
    // A seal covers one close (a day reopened and closed again has one for each): by the
    // chain row it covers, with its day.
    let seals: std::collections::HashMap<i64, (i64, String)> = conn
        .prepare("SELECT covers_seq, day_id, mac FROM day_seals")?
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
        .collect::<rusqlite::Result<_>>()?;
    let newest = seals.keys().copied().max().unwrap_or(0);
    let closes = closes(conn, false)?;
    let close_seqs: std::collections::HashSet<i64> = closes.iter().map(|c| c.2).collect();
    // A seal of the day that covers no close any more: the close moved in the chain.
    let moved = |day: i64| {
        seals
            .iter()
            .any(|(covers, (sealed_day, _))| *sealed_day == day && !close_seqs.contains(covers))
    };
    let (mut sealed, mut broken, mut unsealed) = (0, Vec::new(), Vec::new());
    for (day_id, date, seq, hash) in closes {
        match seals.get(&seq) {
            Some((_, mac)) if *mac == day_mac(key, &date, seq, &hash) => sealed += 1,
            Some(_) => broken.push(date),
            None if moved(day_id) => broken.push(date),
            // Days are sealed in order: one before a sealed day without its own lost it.
            None if seq < newest => broken.push(date),
            None => unsealed.push(date),
        }
    }
    // Every entry recorded under a manager (as actor or approver) since the key exists was
    // written while a manager's PIN had opened it; and a seal that is there must match.
    let rows: Vec<(i64, String, Option<String>)> = conn
        .prepare(
            "SELECT c.seq, c.hash, s.mac FROM chain AS c
             LEFT JOIN chain_seals AS s ON s.seq = c.seq
             WHERE s.mac IS NOT NULL
                OR (c.seq > ?1 AND (c.approver_id IS NOT NULL OR c.actor_id IN
                   (SELECT id FROM users WHERE role = 'manager')))
             ORDER BY c.seq",
        )?
        .query_map([since], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let unsigned = rows
        .into_iter()
        .filter(|(seq, hash, mac)| mac.as_deref() != Some(&chain_mac(key, *seq, hash)))
        .map(|(seq, ..)| seq)
        .collect();
    Ok(SealReport::Checked {
        sealed,
        broken,
        unsealed,
        unsigned,
    })
}

impl Ledger {
    /// Opens the seal key with a manager's PIN just accepted: makes the key on a file that
    /// has none, and wraps the open key for a manager who has no wrap of their own yet.
    pub(super) fn unlock_seal(
        &mut self,
        manager_id: i64,
        pin: &str,
        at: chrono::NaiveDateTime,
    ) -> Result<()> {
        let holder = user_holder(manager_id);
        match open(&self.conn, &holder, pin)? {
            Opened::OldWrap(key, since) => {
                wrap(&self.conn, &holder, pin, &key, since)?;
                self.seal_key = Some((key, since));
                self.seal_closed_days(&super::columns::stamp_text(at))?;
            }
            Opened::Key(key, since) => {
                self.seal_key = Some((key, since));
                // Days closed while no manager was there are sealed now, as they stand.
                self.seal_closed_days(&super::columns::stamp_text(at))?;
            }
            Opened::NoKey => {
                let key = new_key()?;
                let since = self.chain_head()?.map_or(0, |h| h.seq);
                wrap(&self.conn, &holder, pin, &key, since)?;
                self.seal_key = Some((key, since));
            }
            Opened::NotHolder => {
                if let Some((key, since)) = &self.seal_key {
                    wrap(&self.conn, &holder, pin, key, *since)?;
                }
            }
            // Not opened: checks will say so; nothing is sealed with a key not the shop's.
            Opened::Replaced => {}
        }
        Ok(())
    }

    /// A manager's PIN changed (or was first set): their wrap of the key follows it when the
    /// key is open, and is dropped otherwise, since the old PIN no longer opens anything.
    pub(super) fn rewrap_seal(&mut self, manager_id: i64, pin: &str) -> Result<()> {
        let holder = user_holder(manager_id);
        match &self.seal_key {
            Some((key, since)) => wrap(&self.conn, &holder, pin, key, *since),
            None => {
                self.conn
                    .execute("DELETE FROM seal_keys WHERE holder = ?1", [&holder])?;
                Ok(())
            }
        }
    }

    /// Seals the closed days that have no seal, when a manager's PIN has opened the key
    /// in this session; says how many.
    pub(super) fn seal_closed_days(&mut self, at: &str) -> Result<usize> {
        let Some((key, _)) = self.seal_key.clone() else {
            return Ok(0);
        };
        self.write(|tx| seal_days_on(tx, &key, at))
    }

    /// Checks every seal with `manager_name`'s PIN; changes nothing (the PIN is checked
    /// against its hash without counting: whoever holds the file can guess offline anyway).
    pub fn check_seals(&self, manager_name: &str, pin: &str) -> Result<SealReport> {
        let manager = self.manager_by_name(manager_name)?;
        if !self.pin_is(manager.id, pin)? {
            return Err(LedgerError::WrongPin { attempts_left: 0 });
        }
        match open(&self.conn, &user_holder(manager.id), pin)? {
            Opened::NoKey => Ok(SealReport::NoKey),
            Opened::NotHolder | Opened::Replaced => Ok(SealReport::KeyReplaced),
            Opened::Key(key, since) | Opened::OldWrap(key, since) => {
                check_with(&self.conn, &key, since)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_the_rfc_4231_vector() {
        // RFC 4231 test case 2 uses a 4-byte key; ours are 32 bytes, zero-padded as HMAC
        // pads any short key, so "Jefe" + 28 zero bytes gives the same MAC.
        let mut key = [0u8; 32];
        key[..4].copy_from_slice(b"Jefe");
        assert_eq!(
            hmac(&SealKey(key), &["what do ya want for nothing?"]),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn a_key_wrapped_under_a_pin_opens_only_with_that_pin() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        let conn = &ledger.conn;
        assert!(matches!(
            open(conn, "user:1", "1234").unwrap(),
            Opened::NoKey
        ));
        let key = new_key().unwrap();
        wrap(conn, "user:1", "1234", &key, 7).unwrap();
        match open(conn, "user:1", "1234").unwrap() {
            Opened::Key(opened, since) => assert_eq!((opened.0, since), (key.0, 7)),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            open(conn, "user:1", "4321").unwrap(),
            Opened::Replaced
        ));
        assert!(matches!(
            open(conn, "user:2", "1234").unwrap(),
            Opened::NotHolder
        ));
        // Moving where seals begin (to skip checking the entries before) breaks the key.
        conn.execute("UPDATE seal_keys SET since_seq = 99", [])
            .unwrap();
        assert!(matches!(
            open(conn, "user:1", "1234").unwrap(),
            Opened::Replaced
        ));
    }

    /// A wrap made at the old 19 MiB cost still opens the key at a manager's sign-in, and is
    /// made again at the PIN's cost, so later sign-ins stay light.
    #[test]
    fn a_key_wrapped_at_the_old_cost_opens_and_is_wrapped_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pojok.db");
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap();
        let mut ledger = Ledger::open(&path).unwrap();
        let budi = ledger.create_first_manager("Budi", "9999", at).unwrap();
        ledger.check_pin(budi.id, "9999", at).unwrap();
        let (key, since) = ledger.seal_key.clone().unwrap();
        let salt = [7u8; 16];
        let old = xor(&key.0, &derive_old("9999", &salt).unwrap());
        ledger
            .conn
            .execute(
                "UPDATE seal_keys SET salt = ?1, wrapped = ?2 WHERE holder = ?3",
                params![hex(&salt), hex(&old), user_holder(budi.id)],
            )
            .unwrap();
        drop(ledger);
        let mut ledger = Ledger::open(&path).unwrap();
        let holder = user_holder(budi.id);
        assert!(matches!(
            open(&ledger.conn, &holder, "9999").unwrap(),
            Opened::OldWrap(..)
        ));
        ledger.check_pin(budi.id, "9999", at).unwrap();
        let (opened, opened_since) = ledger.seal_key.clone().unwrap();
        assert_eq!((opened.0, opened_since), (key.0, since));
        match open(&ledger.conn, &holder, "9999").unwrap() {
            Opened::Key(again, _) => assert_eq!(again.0, key.0),
            other => panic!("not wrapped again at the new cost: {other:?}"),
        }
    }
}
