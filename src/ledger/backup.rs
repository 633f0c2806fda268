//! Backups of the ledger: a consistent copy made while the kiosk runs (what still sits in the
//! `-wal` included), checked before it is called good, named with its day and chain head,
//! and pruned to the last 14 days and 12 months. Also what a restore needs to say before it
//! replaces anything: how a backup's chain compares with the ledger's, and what would be lost.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Datelike, NaiveDate};
use rusqlite::OptionalExtension;

use super::chain::ChainHead;
use super::columns::get_date;
use super::connection::Ledger;
use super::error::{LedgerError, Result};
use super::open::make_private;
use super::settings::BACKUP_FOLDER;
use crate::domain::Rupiah;

/// How many days and months keep a backup each.
const KEEP_DAYS: usize = 14;
const KEEP_MONTHS: usize = 12;

/// A backup just made and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub path: PathBuf,
    pub bytes: u64,
    pub head: Option<ChainHead>,
    pub seconds: f64,
    /// Older backups removed by the retention rule.
    pub pruned: usize,
}

/// A file in a backup folder named as pojok names its backups.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct BackupFile {
    pub date: NaiveDate,
    pub seq: i64,
    pub hash12: String,
    pub path: PathBuf,
}

impl BackupFile {
    /// `pojok-2026-12-05-1a6c946b8d30-163.db`
    fn name(date: NaiveDate, head: Option<&ChainHead>) -> String {
        let (hash, seq) = head.map_or(("000000000000", 0), |h| (&h.hash[..12], h.seq));
        format!("pojok-{}-{hash}-{seq}.db", date.format("%Y-%m-%d"))
    }

    fn parse(path: &Path) -> Option<BackupFile> {
        let name = path.file_name()?.to_str()?;
        let rest = name.strip_prefix("pojok-")?.strip_suffix(".db")?;
        let date = NaiveDate::parse_from_str(rest.get(..10)?, "%Y-%m-%d").ok()?;
        let (hash12, seq) = rest.get(11..)?.split_once('-')?;
        let plain_hex = hash12.len() == 12 && hash12.bytes().all(|b| b.is_ascii_hexdigit());
        plain_hex.then_some(())?;
        Some(BackupFile {
            date,
            seq: seq.parse().ok()?,
            hash12: hash12.to_string(),
            path: path.to_path_buf(),
        })
    }

    /// `1a6c946b8d30#163`, as the head is printed on paper.
    pub fn head(&self) -> String {
        format!("{}#{}", self.hash12, self.seq)
    }
}

/// pojok's backups in `dir`, newest first.
pub fn backups_in(dir: &Path) -> Vec<BackupFile> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<BackupFile> = entries
        .filter_map(|e| BackupFile::parse(&e.ok()?.path()))
        .collect();
    found.sort_by(|a, b| b.cmp(a));
    found
}

/// Which of `backups` (newest first) the retention rule drops: each of the last 14 days
/// with a backup keeps its newest, and so does each of the last 12 months.
pub fn to_prune(backups: &[BackupFile]) -> Vec<&BackupFile> {
    let mut days = BTreeSet::new();
    let mut months = BTreeSet::new();
    let mut keep = vec![false; backups.len()];
    for (i, b) in backups.iter().enumerate() {
        if days.len() < KEEP_DAYS && days.insert(b.date) {
            keep[i] = true;
        }
        if months.len() < KEEP_MONTHS && months.insert((b.date.year(), b.date.month())) {
            keep[i] = true;
        }
    }
    backups
        .iter()
        .zip(keep)
        .filter(|(_, k)| !k)
        .map(|(b, _)| b)
        .collect()
}

/// Why a backup file is not good: `None` when it opens as a pojok ledger, passes
/// `quick_check`, and `verify` finds nothing wrong.
pub fn check_backup(path: &Path) -> Option<String> {
    let result = Ledger::open_read_only(path).and_then(|copy| {
        if let Some(problem) = copy.quick_check()?.into_iter().next() {
            return Ok(Some(problem));
        }
        let report = copy.verify()?;
        Ok(report.problems.first().map(|p| p.to_string()))
    });
    result.unwrap_or_else(|e| Some(e.to_string()))
}

/// Why a fresh copy is not good: as `check_backup`, but its chain is taken up from the last
/// check made at a close, as the close's own check does, so a backup of years of history
/// does not re-hash all of it every evening.
fn check_copy(path: &Path) -> Option<String> {
    let result = Ledger::open_read_only(path).and_then(|copy| {
        if let Some(problem) = copy.quick_check()?.into_iter().next() {
            return Ok(Some(problem));
        }
        let report =
            copy.verify_scoped(super::verify::Scope::ChainSinceLastCheck, &mut |_, _| {})?;
        Ok(report.problems.first().map(|p| p.to_string()))
    });
    result.unwrap_or_else(|e| Some(e.to_string()))
}

/// Something after a backup's head that restoring it would lose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lost {
    Sale {
        number: i64,
        day: NaiveDate,
        total: Rupiah,
    },
    Payout {
        number: i64,
        day: NaiveDate,
        amount: Rupiah,
    },
    Close {
        day: NaiveDate,
    },
}

/// How a backup's chain stands against the ledger's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Comparison {
    /// The same head.
    Same,
    /// The ledger holds everything in the backup and `entries` more after it.
    Behind { entries: i64, lost: Vec<Lost> },
    /// The backup holds everything in the ledger and more: nothing is lost.
    Ahead,
    /// The two part after entry `common` (0: from the first); the ledger's later entries
    /// are lost.
    Diverged {
        common: i64,
        entries: i64,
        lost: Vec<Lost>,
    },
}

impl Ledger {
    /// The backup folder as the manager typed it at Ctrl+O: empty for the default.
    pub fn backup_folder_setting(&self) -> Result<String> {
        Ok(self.setting(BACKUP_FOLDER)?.unwrap_or_default())
    }

    /// The folder backups go to: the manager's choice, or `backups` beside the ledger.
    pub fn backup_folder(&self) -> Result<PathBuf> {
        let set = self
            .setting(BACKUP_FOLDER)?
            .filter(|s| !s.trim().is_empty());
        Ok(match set {
            Some(dir) => PathBuf::from(dir.trim()),
            None => self
                .path
                .parent()
                .unwrap_or_else(|| Path::new("."))
                .join("backups"),
        })
    }

    /// Copies the ledger into `dir` as it stands (committed sales still in the `-wal`
    /// included), under a temporary name; flushes it, checks it with `quick_check` and a full
    /// `verify`, and only then gives it its name. Old backups are then pruned.
    pub fn backup_into(&self, dir: &Path, today: NaiveDate) -> Result<Backup> {
        let started = Instant::now();
        fs::create_dir_all(dir)?;
        // Created empty and owner-only; VACUUM INTO fills an empty file in place.
        let temp = tempfile::Builder::new()
            .prefix(".pojok-backup-")
            .suffix(".db")
            .tempfile_in(dir)?;
        let temp_path = temp.path().to_string_lossy().into_owned();
        // A read-only opening refuses writes with `query_only`; VACUUM INTO writes only the
        // copy, so it is let through for this one statement.
        let query_only: bool = self
            .conn
            .pragma_query_value(None, "query_only", |r| r.get(0))?;
        self.conn.pragma_update(None, "query_only", false)?;
        let copied = self.conn.execute("VACUUM INTO ?1", [&temp_path]);
        self.conn.pragma_update(None, "query_only", query_only)?;
        copied?;
        // Windows flushes only a file opened for writing.
        let file = fs::OpenOptions::new().write(true).open(temp.path())?;
        file.sync_all()?;
        make_private(&file)?;
        // Windows refuses to rename a file that is still open.
        drop(file);
        if let Some(problem) = check_copy(temp.path()) {
            return Err(LedgerError::Corrupt(problem));
        }
        let head = Ledger::open_read_only(temp.path())?.chain_head()?;
        let path = dir.join(BackupFile::name(today, head.as_ref()));
        temp.persist(&path)
            .map_err(|e| LedgerError::from(e.error))?;
        sync_folder(dir);
        let bytes = fs::metadata(&path)?.len();
        let mut pruned = 0;
        for old in to_prune(&backups_in(dir)) {
            if fs::remove_file(&old.path).is_ok() {
                pruned += 1;
            }
        }
        Ok(Backup {
            path,
            bytes,
            head,
            seconds: started.elapsed().as_secs_f64(),
            pruned,
        })
    }

    /// Whether `dir` holds a backup of this ledger made at or after its last day close (a
    /// ledger never closed needs none yet).
    pub fn last_close_backed_up(&self, dir: &Path) -> Result<bool> {
        let close: Option<i64> = self.conn.query_row(
            "SELECT MAX(seq) FROM chain WHERE entry_table = 'day_closes'",
            [],
            |r| r.get(0),
        )?;
        let Some(close) = close else {
            return Ok(true);
        };
        for backup in backups_in(dir).iter().filter(|b| b.seq >= close) {
            let ours = self.hash_at(backup.seq)?;
            if ours.is_some_and(|h| h.starts_with(&backup.hash12)) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The hash of chain entry `seq`, if there is one.
    fn hash_at(&self, seq: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT hash FROM chain WHERE seq = ?1", [seq], |r| r.get(0))
            .optional()?)
    }

    /// How `backup`'s chain stands against this ledger's. Each hash covers the one before,
    /// so two chains agree up to some entry and differ from there on: found by halving.
    pub fn compare_with(&self, backup: &Ledger) -> Result<Comparison> {
        let mine = self.chain_head()?.map_or(0, |h| h.seq);
        let theirs = backup.chain_head()?.map_or(0, |h| h.seq);
        let agree = |seq: i64| -> Result<bool> {
            Ok(seq == 0
                || (self.hash_at(seq)?.is_some() && self.hash_at(seq)? == backup.hash_at(seq)?))
        };
        let (mut low, mut high) = (0, mine.min(theirs));
        while low < high {
            let mid = (low + high + 1) / 2;
            if agree(mid)? {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        let common = low;
        Ok(if common == mine && common == theirs {
            Comparison::Same
        } else if common == mine {
            Comparison::Ahead
        } else if common == theirs {
            Comparison::Behind {
                entries: mine - common,
                lost: self.lost_after(common)?,
            }
        } else {
            Comparison::Diverged {
                common,
                entries: mine - common,
                lost: self.lost_after(common)?,
            }
        })
    }

    /// The sales, payouts and day closes chained after entry `seq`, in chain order.
    fn lost_after(&self, seq: i64) -> Result<Vec<Lost>> {
        let mut stmt = self.conn.prepare(
            "SELECT 'sale', s.number, d.date, s.total FROM chain c
               JOIN sales s ON c.entry_table = 'sales' AND s.id = c.entry_id
               JOIN business_days d ON d.id = s.day_id WHERE c.seq > ?1
             UNION ALL
             SELECT 'payout', p.number, d.date, p.amount FROM chain c
               JOIN payouts p ON c.entry_table = 'payouts' AND p.id = c.entry_id
               JOIN business_days d ON d.id = p.day_id WHERE c.seq > ?1
             UNION ALL
             SELECT 'close', 0, d.date, 0 FROM chain c
               JOIN day_closes x ON c.entry_table = 'day_closes' AND x.id = c.entry_id
               JOIN business_days d ON d.id = x.day_id WHERE c.seq > ?1",
        )?;
        let rows = stmt.query_map([seq], |r| {
            let kind: String = r.get(0)?;
            let number: i64 = r.get(1)?;
            let day = get_date(r, 2)?;
            let amount = Rupiah::new(r.get(3)?);
            Ok(match kind.as_str() {
                "sale" => Lost::Sale {
                    number,
                    day,
                    total: amount,
                },
                "payout" => Lost::Payout {
                    number,
                    day,
                    amount,
                },
                _ => Lost::Close { day },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Makes the rename durable where the OS allows opening a folder.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(date: &str, seq: i64) -> BackupFile {
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
        let name = format!("pojok-{date}-0123456789ab-{seq}.db");
        BackupFile {
            date,
            seq,
            hash12: "0123456789ab".into(),
            path: PathBuf::from(name),
        }
    }

    #[test]
    fn the_backup_folder_is_beside_the_ledger_until_the_manager_sets_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        assert_eq!(ledger.backup_folder().unwrap(), dir.path().join("backups"));
        let stick = dir.path().join("stick");
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
            .unwrap()
            .and_hms_opt(17, 0, 0)
            .unwrap();
        let (shop, printer) = (
            ledger.shop_header().unwrap(),
            ledger.printer_settings().unwrap(),
        );
        let rules = ledger.till_rules().unwrap();
        let folder = stick.display().to_string();
        ledger
            .save_settings(&shop, &printer, &rules, (&folder, None), at)
            .unwrap();
        assert_eq!(ledger.backup_folder().unwrap(), stick);
        assert_eq!(ledger.backup_folder_setting().unwrap(), folder);
        let done = ledger
            .backup_into(&ledger.backup_folder().unwrap(), at.date())
            .unwrap();
        assert!(done.path.starts_with(&stick), "{done:?}");
        assert_eq!(backups_in(&stick).len(), 1);
    }

    #[test]
    fn names_read_back_and_other_files_are_not_backups() {
        let head = ChainHead {
            seq: 163,
            hash: "1a6c946b8d30".to_string() + &"0".repeat(52),
        };
        let date = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        let name = BackupFile::name(date, Some(&head));
        assert_eq!(name, "pojok-2026-12-05-1a6c946b8d30-163.db");
        let parsed = BackupFile::parse(Path::new(&name)).unwrap();
        assert_eq!(
            (parsed.date, parsed.seq, parsed.head()),
            (date, 163, "1a6c946b8d30#163".into())
        );
        for other in [
            "pojok.db",
            "pojok-2026-12-05.db",
            "pojok-2026-13-05-1a6c946b8d30-1.db",
            "pojok-2026-12-05-xyz-1.db",
            ".pojok-backup-abc.db",
        ] {
            assert_eq!(BackupFile::parse(Path::new(other)), None, "{other}");
        }
    }

    #[test]
    fn retention_keeps_the_newest_of_each_of_14_days_and_12_months() {
        // Two backups a day for 400 days.
        let start = NaiveDate::from_ymd_opt(2025, 11, 1).unwrap();
        let mut all: Vec<BackupFile> = (0..400)
            .flat_map(|d| {
                let day = (start + chrono::Days::new(d))
                    .format("%Y-%m-%d")
                    .to_string();
                [file(&day, d as i64 * 2), file(&day, d as i64 * 2 + 1)]
            })
            .collect();
        all.sort_by(|a, b| b.cmp(a));
        let dropped: Vec<&BackupFile> = to_prune(&all);
        let kept: Vec<&BackupFile> = all.iter().filter(|b| !dropped.contains(b)).collect();
        let days: BTreeSet<NaiveDate> = kept.iter().map(|b| b.date).collect();
        let months: BTreeSet<(i32, u32)> = kept
            .iter()
            .map(|b| (b.date.year(), b.date.month()))
            .collect();
        assert_eq!(months.len(), 12);
        // Each kept backup is its day's newest (odd sequence numbers here).
        assert!(kept.iter().all(|b| b.seq % 2 == 1), "{kept:?}");
        // The 14 newest days, plus the newest of each older month.
        assert_eq!(kept.len(), days.len());
        assert_eq!(
            kept.iter()
                .filter(|b| b.date > all[0].date - chrono::Days::new(14))
                .count(),
            14
        );
        // The 14 days run from 22 Nov to 5 Dec 2026: two months, and ten older ones.
        assert_eq!(kept.len(), 14 + 10);
        assert_eq!(
            to_prune(&all[..3]).len(),
            1,
            "two of the newest day, one is dropped"
        );
    }
}
