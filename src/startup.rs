//! The kiosk's checks before anyone signs in: one kiosk per ledger (the lock), a sound file
//! (`quick_check`, nothing written into a damaged one), the leftovers of an interrupted run
//! (temporary printout and backup files), the receipt of a sale committed just before a
//! crash, and a day close that has no backup yet. Also the backup made at each day close.

use std::fs;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

use crate::ledger::{KioskLock, Ledger, Opening};
use crate::ledger_file::{backup_error, error_text, lock_text};
use crate::print;
use crate::strings::Lang;
use crate::ui::FileNote;

/// A ledger the kiosk may run on, the lock that keeps other kiosks off it for as long as
/// this value lives, and what to tell the attendant before the first key.
pub struct Started {
    pub ledger: Ledger,
    pub lock: KioskLock,
    pub notes: Vec<FileNote>,
}

/// Takes the lock, opens and checks the ledger, tidies up and writes a missing receipt.
pub fn start(
    db: &Path,
    lang: Lang,
    receipt_width: usize,
    now: NaiveDateTime,
) -> Result<Started, String> {
    let lock_file = KioskLock::path_for(db);
    let had_lock_file = lock_file.exists();
    let lock = KioskLock::take(db, now).map_err(|e| lock_text(&e, db, lang))?;
    // SQLite's page check takes seconds on years of history: it runs when the last kiosk
    // was cut short or is unknown, not after every clean evening.
    let opening = if lock.last_run_ended_cleanly() {
        Opening::CreateIfMissing
    } else {
        Opening::CheckedKiosk
    };
    let ledger = match Ledger::open_with(db, opening) {
        Ok(ledger) => ledger,
        Err(e) => {
            // A refused file is left as it was found, with nothing new beside it.
            drop(lock);
            if !had_lock_file {
                let _ = fs::remove_file(lock_file);
            }
            return Err(error_text(&e, db, lang));
        }
    };
    let printouts = print::printouts_dir(db);
    remove_temporary(&printouts, ".printout-", 1);
    if let Ok(dir) = ledger.backup_folder() {
        remove_temporary(&dir, ".pojok-backup-", 0);
    }
    let mut notes = Vec::new();
    // One message line: the sale just saved is said last, so it is the one seen; the backup
    // warning comes again at sign-in.
    notes.extend(backup_warning(&ledger));
    notes.extend(missing_receipt(&ledger, &printouts, lang, receipt_width));
    Ok(Started {
        ledger,
        lock,
        notes,
    })
}

/// Deletes files named `prefix…` in `dir` (and `depth` levels of folders below): what a
/// write cut short by a crash left. Only the kiosk holding the lock does this, so none of
/// them is still being written.
fn remove_temporary(dir: &Path, prefix: &str, depth: usize) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && depth > 0 {
            remove_temporary(&path, prefix, depth - 1);
        } else if !is_dir && entry.file_name().to_string_lossy().starts_with(prefix) {
            let _ = fs::remove_file(&path);
        }
    }
}

/// The file name of a sale's receipt.
pub fn receipt_file_name(number: i64) -> String {
    format!("struk-{number:04}.txt")
}

/// The last sale's receipt, written if a crash came between its commit and its file.
fn missing_receipt(
    ledger: &Ledger,
    printouts: &Path,
    lang: Lang,
    width: usize,
) -> Option<FileNote> {
    let sale = ledger.latest_sale().ok()??;
    let name = receipt_file_name(sale.number);
    let day = printouts.join(sale.day_date.format("%Y-%m-%d").to_string());
    if day.join(&name).exists() {
        return None;
    }
    let shop = ledger.shop_header().ok()?;
    let text = print::render_text(&print::receipt(&sale, &shop, lang), width);
    print::write_printout(printouts, sale.day_date, &name, text).ok()?;
    Some(FileNote::LastSale {
        number: sale.number,
        total: sale.total,
    })
}

/// Said at start and at each sign-in while the last day close has no backup.
pub fn backup_warning(ledger: &Ledger) -> Option<FileNote> {
    let dir = ledger.backup_folder().ok()?;
    match ledger.last_close_backed_up(&dir) {
        Ok(true) => None,
        _ => Some(FileNote::BackupBehind(dir.display().to_string())),
    }
}

/// Said at each sign-in while the PC's clock reads earlier than the newest entry: a clock
/// set back (or a flat CMOS battery) would stamp entries before ones already recorded.
pub fn clock_warning(ledger: &Ledger, now: NaiveDateTime) -> Option<FileNote> {
    let last = ledger.last_entry_at().ok()??;
    (now < last).then_some(FileNote::ClockBehind(last))
}

/// The backup made when a day is closed: where it went, or why it failed. A failure never
/// undoes the close; it is said now and at each sign-in until a backup succeeds.
/// The chain since the last check, checked at the close (and the check recorded when
/// clean): a warning to show when history does not hash as it was chained.
pub fn check_chain_at_close(ledger: &mut Ledger, now: NaiveDateTime) -> Option<FileNote> {
    match ledger.check_chain_at_close(now) {
        Ok(report) if report.is_clean() => None,
        Ok(report) => Some(FileNote::ChainProblems(report.problems.len())),
        // Not recorded, so the next close checks from the same point: nothing goes unchecked.
        Err(_) => None,
    }
}

pub fn backup_at_close(ledger: &Ledger, today: NaiveDate, lang: Lang) -> FileNote {
    let dir = match ledger.backup_folder() {
        Ok(dir) => dir,
        Err(e) => return FileNote::BackupFailed(e.to_string()),
    };
    match ledger.backup_into(&dir, today) {
        Ok(done) => FileNote::BackedUp(done.path.display().to_string()),
        Err(e) => FileNote::BackupFailed(backup_error(&e, &dir, lang)),
    }
}
