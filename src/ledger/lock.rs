//! One kiosk per ledger: an OS lock on a file beside the ledger, held while the kiosk runs
//! and released by the OS when the process ends, however it ends (kill -9 included). Two
//! kiosks on one file would share one saved cart and sell it twice.
//!
//! A kiosk that ends as it should empties the file before letting go. One that finds it
//! still filled in knows the last kiosk was cut short (a crash, a kill, a power cut); one
//! that finds none knows nothing of the file's past. Those are when the start checks the
//! file's pages, which takes seconds on years of history.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::open::{make_private, sibling};

/// The lock, held until dropped.
#[derive(Debug)]
pub struct KioskLock {
    file: File,
    path: PathBuf,
    ended_cleanly: bool,
}

/// Why the lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds it; what it wrote about itself, if it could be read.
    #[error("another kiosk holds the ledger: {0}")]
    Held(String),
    #[error("cannot lock the ledger: {0}")]
    Io(#[from] std::io::Error),
}

impl KioskLock {
    /// `pojok.db.lock` beside `ledger`.
    pub fn path_for(ledger: &Path) -> PathBuf {
        sibling(ledger, ".lock")
    }

    /// Takes the lock on `ledger` and records who took it, when and where, for the message a
    /// second kiosk shows.
    pub fn take(ledger: &Path, at: NaiveDateTime) -> Result<KioskLock, LockError> {
        let path = KioskLock::path_for(ledger);
        let existed = path.exists();
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                return Err(LockError::Held(holder.trim().to_string()));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(LockError::Io(e)),
        }
        let mut previous = String::new();
        let ended_cleanly =
            existed && file.read_to_string(&mut previous).is_ok() && previous.trim().is_empty();
        let _ = make_private(&file);
        // When, where, which process: tab-separated, put into words by whoever is refused.
        let who = format!(
            "{}\t{}\t{}",
            at.format("%Y-%m-%d %H:%M:%S"),
            host_name(),
            std::process::id()
        );
        file.set_len(0)?;
        file.seek(SeekFrom::Start(0))?;
        file.write_all(who.as_bytes())?;
        Ok(KioskLock {
            file,
            path,
            ended_cleanly,
        })
    }

    /// Whether the last kiosk on this ledger let go of the lock as it should: false after a
    /// crash, a kill or a power cut, and when no kiosk ran on the file here before.
    pub fn last_run_ended_cleanly(&self) -> bool {
        self.ended_cleanly
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for KioskLock {
    fn drop(&mut self) {
        // Emptied: the next start knows this kiosk ended as it should.
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

/// The machine's name as its users know it, for "started on …".
fn host_name() -> String {
    let from_env = ["COMPUTERNAME", "HOSTNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()));
    from_env
        .or_else(|| {
            std::fs::read_to_string("/etc/hostname")
                .ok()
                .map(|s| s.trim().to_string())
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "?".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_with_who_holds_it_and_is_free_after_release() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = dir.path().join("pojok.db");
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
            .unwrap()
            .and_hms_opt(7, 30, 0)
            .unwrap();
        let first = KioskLock::take(&ledger, at).unwrap();
        match KioskLock::take(&ledger, at) {
            Err(LockError::Held(who)) => {
                let parts: Vec<&str> = who.split('\t').collect();
                assert_eq!(parts.len(), 3, "{who}");
                assert_eq!(parts[0], "2026-12-05 07:30:00");
                assert_eq!(parts[2], std::process::id().to_string());
            }
            other => panic!("{other:?}"),
        }
        drop(first);
        KioskLock::take(&ledger, at).unwrap();
    }

    #[test]
    fn a_lock_let_go_of_says_so_to_the_next_and_one_left_filled_in_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = dir.path().join("pojok.db");
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
            .unwrap()
            .and_hms_opt(7, 30, 0)
            .unwrap();
        // No kiosk ran here before: nothing is known of the file's past.
        let first = KioskLock::take(&ledger, at).unwrap();
        assert!(!first.last_run_ended_cleanly());
        drop(first);
        let second = KioskLock::take(&ledger, at).unwrap();
        assert!(second.last_run_ended_cleanly());
        drop(second);
        // What a kiosk killed while holding the lock leaves: the file still filled in.
        std::fs::write(KioskLock::path_for(&ledger), "2026-12-05 07:30:00\tvm\t42").unwrap();
        let third = KioskLock::take(&ledger, at).unwrap();
        assert!(!third.last_run_ended_cleanly());
    }
}
