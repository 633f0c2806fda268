//! A way back for a forgotten manager PIN: a one-time recovery code, shown once and kept only
//! as an argon2 hash, that lets a new PIN be set for a manager once. Its use is history. The
//! seal key is wrapped under the code too, so the seals survive the forgotten PIN.

use chrono::NaiveDateTime;
use rusqlite::params;

use super::columns::stamp_text;
use super::connection::Ledger;
use super::error::{LedgerError, Result};
use super::seal::{self, Opened, RECOVERY_HOLDER};
use super::users::{hash_pin, pin_matches, set_pin};
use crate::domain::{User, check_new_pin};

/// Digits in a recovery code: far beyond guessing, typed on a keypad.
const CODE_DIGITS: usize = 16;

/// The code's digits, whatever was typed between them (`1234-5678 …`).
fn digits(code: &str) -> String {
    code.chars().filter(char::is_ascii_digit).collect()
}

/// `1234-5678-9012-3456`.
fn grouped(digits: &str) -> String {
    digits
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

fn new_code() -> Result<String> {
    let mut bytes = [0u8; CODE_DIGITS];
    getrandom::fill(&mut bytes)
        .map_err(|e| LedgerError::Corrupt(format!("no random source: {e}")))?;
    // 250 is the largest multiple of 10 a byte holds: no digit is likelier than another.
    let mut out = String::with_capacity(CODE_DIGITS);
    while out.len() < CODE_DIGITS {
        for b in bytes {
            if b < 250 && out.len() < CODE_DIGITS {
                out.push(char::from(b'0' + b % 10));
            }
        }
        getrandom::fill(&mut bytes)
            .map_err(|e| LedgerError::Corrupt(format!("no random source: {e}")))?;
    }
    Ok(out)
}

impl Ledger {
    /// Issues the recovery code (replacing one never used), for the manager who just typed
    /// `pin`: returned once, to be shown and printed, and kept only as a hash.
    pub fn issue_recovery_code(
        &mut self,
        manager_id: i64,
        pin: &str,
        at: NaiveDateTime,
    ) -> Result<String> {
        let manager = self.user(manager_id)?;
        if !manager.is_manager() {
            return Err(LedgerError::NotAManager(manager_id));
        }
        if !self.pin_is(manager_id, pin)? {
            return Err(LedgerError::WrongPin { attempts_left: 0 });
        }
        self.unlock_seal(manager_id, pin, at)?;
        let code = new_code()?;
        let hash = hash_pin(&code)?;
        self.conn
            .execute("DELETE FROM recovery_codes WHERE used_at IS NULL", [])?;
        self.conn.execute(
            "INSERT INTO recovery_codes (code_hash, issued_at) VALUES (?1, ?2)",
            params![hash, stamp_text(at)],
        )?;
        if let Some((key, since)) = &self.seal_key {
            seal::wrap(&self.conn, RECOVERY_HOLDER, &code, key, *since)?;
        }
        Ok(grouped(&code))
    }

    /// Sets `new_pin` for the manager `manager_id` with the recovery code, once: the code is
    /// spent, the use recorded in history, and the manager's wrong-PIN counters cleared.
    pub fn recover_manager_pin(
        &mut self,
        manager_id: i64,
        code: &str,
        new_pin: &str,
        at: NaiveDateTime,
    ) -> Result<User> {
        check_new_pin(new_pin).map_err(LedgerError::InvalidPin)?;
        let manager = self.user(manager_id)?;
        if !manager.is_manager() || !manager.active {
            return Err(LedgerError::NotAManager(manager_id));
        }
        let code = digits(code);
        let unused: Vec<(i64, String)> = self
            .conn
            .prepare("SELECT id, code_hash FROM recovery_codes WHERE used_at IS NULL")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let code_id = unused
            .iter()
            .find(|(_, hash)| pin_matches(&code, hash))
            .map(|(id, _)| *id)
            .ok_or(LedgerError::WrongRecoveryCode)?;
        if let Opened::Key(key, since) | Opened::OldWrap(key, since) =
            seal::open(&self.conn, RECOVERY_HOLDER, &code)?
        {
            self.seal_key = Some((key, since));
        }
        let hash = hash_pin(new_pin)?;
        let stamp = stamp_text(at);
        self.write(|tx| {
            set_pin(tx, manager_id, &hash, &stamp)?;
            tx.execute(
                "UPDATE recovery_codes SET used_at = ?2 WHERE id = ?1",
                params![code_id, stamp],
            )?;
            tx.execute(
                "INSERT INTO recoveries (user_id, code_id, at) VALUES (?1, ?2, ?3)",
                params![manager_id, code_id, stamp],
            )?;
            Ok(())
        })?;
        self.rewrap_seal(manager_id, new_pin)?;
        // Spent: the code opens nothing any more.
        self.conn
            .execute("DELETE FROM seal_keys WHERE holder = ?1", [RECOVERY_HOLDER])?;
        self.user(manager_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sixteen_digits_in_groups_of_four() {
        let code = new_code().unwrap();
        assert_eq!(code.len(), 16);
        assert!(code.bytes().all(|b| b.is_ascii_digit()));
        assert_ne!(code, new_code().unwrap());
        assert_eq!(grouped("1234567890123456"), "1234-5678-9012-3456");
        assert_eq!(digits(" 1234-5678 9012.3456 "), "1234567890123456");
    }
}
