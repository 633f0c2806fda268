//! The commands about the ledger file itself — `pojok backup` and `pojok restore` — and the
//! one sentence each refusal to open a file is said in.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::Local;

use crate::ledger::{
    BackupFile, Comparison, KioskLock, Ledger, LedgerError, LockError, Lost, Opening, backups_in,
    check_backup,
};
use crate::print::format::date as date_text;
use crate::strings::Lang;

/// Why `path` could not be opened, in one sentence naming the file.
pub fn error_text(e: &LedgerError, path: &Path, lang: Lang) -> String {
    use rusqlite::ErrorCode;
    let t = lang.ledger_file();
    let p = &path.display().to_string();
    match e {
        LedgerError::NoLedger(_) => (t.no_ledger)(p),
        LedgerError::EmptyFile(_) => (t.empty_file)(p),
        LedgerError::NotALedger(_) => (t.not_sqlite)(p),
        LedgerError::Foreign(_) => (t.foreign)(p),
        LedgerError::TooNew { found, supported } => (t.too_new)(p, *found, *supported),
        LedgerError::TooOld(_) => (t.too_old)(p),
        LedgerError::ReadOnlyFile(_) => (t.read_only)(p),
        LedgerError::DiskFull => (t.disk_full)(p),
        LedgerError::Damaged { .. } => damaged_text(path, lang),
        LedgerError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => match f.code {
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => (t.busy)(p),
            ErrorCode::DiskFull => (t.disk_full)(p),
            ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt => damaged_text(path, lang),
            _ => (t.cannot_open)(p, &e.to_string()),
        },
        _ => (t.cannot_open)(p, &e.to_string()),
    }
}

/// Whether another connection held the file past the wait (SQLite's busy or locked).
pub fn is_busy(e: &LedgerError) -> bool {
    use rusqlite::ErrorCode;
    matches!(
        e,
        LedgerError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if matches!(f.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// The backups folder beside a ledger: where to look when the ledger itself cannot be read.
fn default_backups(ledger: &Path) -> PathBuf {
    ledger
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("backups")
}

/// The newest backup beside `ledger` that still verifies (only the newest few are tried).
pub fn latest_good_backup(ledger: &Path) -> Option<PathBuf> {
    backups_in(&default_backups(ledger))
        .into_iter()
        .take(3)
        .find(|b| check_backup(&b.path).is_none())
        .map(|b| b.path)
}

fn damaged_text(path: &Path, lang: Lang) -> String {
    let backup = latest_good_backup(path).map(|b| b.display().to_string());
    (lang.ledger_file().damaged)(&path.display().to_string(), backup.as_deref())
}

/// `pojok backup [--to DIR]`: a checked copy of the ledger, named with its day and head.
pub fn run_backup(db: &Path, to: Option<PathBuf>, lang: Lang) -> Result<ExitCode, String> {
    let t = lang.ledger_file();
    let ledger = Ledger::open_read_only(db).map_err(|e| error_text(&e, db, lang))?;
    let dir = match to {
        Some(dir) => dir,
        None => ledger
            .backup_folder()
            .map_err(|e| error_text(&e, db, lang))?,
    };
    let done = ledger
        .backup_into(&dir, Local::now().date_naive())
        .map_err(|e| (t.backup_failed)(&backup_error(&e, &dir, lang)))?;
    let head = done.head.as_ref().map_or_else(String::new, |h| h.short());
    println!(
        "{}",
        (t.backup_done)(
            &done.path.display().to_string(),
            done.bytes.div_ceil(1024),
            &head,
            done.seconds
        )
    );
    if done.pruned > 0 {
        println!("{}", (t.backups_pruned)(done.pruned));
    }
    Ok(ExitCode::SUCCESS)
}

/// A backup's failure in words: a full disk or a missing folder said as such.
pub fn backup_error(e: &LedgerError, dir: &Path, lang: Lang) -> String {
    match e {
        LedgerError::DiskFull => (lang.ledger_file().disk_full)(&dir.display().to_string()),
        LedgerError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::DiskFull =>
        {
            (lang.ledger_file().disk_full)(&dir.display().to_string())
        }
        LedgerError::Io(e) => format!("{}: {e}", dir.display()),
        other => format!("{}: {other}", dir.display()),
    }
}

/// `pojok backup --check`: every backup in the folder, its head, and whether it verifies.
pub fn run_backup_check(db: &Path, to: Option<PathBuf>, lang: Lang) -> Result<ExitCode, String> {
    let t = lang.ledger_file();
    let dir = match to {
        Some(dir) => dir,
        None => Ledger::open_read_only(db)
            .and_then(|l| l.backup_folder())
            .unwrap_or_else(|_| default_backups(db)),
    };
    let backups = backups_in(&dir);
    if backups.is_empty() {
        return Err((t.no_backups)(&dir.display().to_string()));
    }
    let mut bad = 0;
    for b in &backups {
        let problem = check_backup(&b.path);
        bad += usize::from(problem.is_some());
        println!(
            "{}",
            (t.backup_line)(&file_name(b), &b.head(), problem.as_deref())
        );
    }
    if bad > 0 {
        println!("{}", (t.backups_bad)(bad));
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn file_name(b: &BackupFile) -> String {
    b.path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// `pojok restore FILE`: the backup checked, what would be lost listed, the manager's PIN,
/// the current file kept aside, then the backup put in its place.
pub fn run_restore(db: &Path, file: &Path, lang: Lang) -> Result<ExitCode, String> {
    let t = lang.ledger_file();
    let shown = file.display().to_string();
    let now = Local::now().naive_local();
    // On a new PC the ledger's folder may not be there yet.
    if let Some(parent) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    let _lock = KioskLock::take(db, now).map_err(|e| lock_text(&e, db, lang))?;
    // The copy that will become the ledger, beside it (a rename is then all-or-nothing).
    let temp = copy_beside(db, file).map_err(|e| (t.backup_unusable)(&shown, &e.to_string()))?;
    prepare_copy(temp.path(), file, lang)?;
    let current_readable = db.exists() && say_what_is_lost(db, temp.path(), lang);
    // The manager of the ledger in use decides; with none readable, the backup's.
    let judge = if current_readable { db } else { temp.path() };
    ask_manager(judge, lang)?;
    let aside = if db.exists() {
        Some(move_aside(db, now).map_err(|e| e.to_string())?)
    } else {
        None
    };
    temp.persist(db).map_err(|e| e.error.to_string())?;
    let aside = aside.map_or_else(String::new, |a| a.display().to_string());
    println!("{}", (t.restored)(&shown, &aside));
    Ok(ExitCode::SUCCESS)
}

/// `file` copied, flushed, into a temporary file in the ledger's folder.
fn copy_beside(db: &Path, file: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let folder = db.parent().filter(|p| !p.as_os_str().is_empty());
    let temp = tempfile::Builder::new()
        .prefix(".pojok-restore-")
        .tempfile_in(folder.unwrap_or_else(|| Path::new(".")))?;
    std::fs::copy(file, temp.path())?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// Refuses a file that is not a pojok ledger (said as any command says it), brings the copy
/// of a backup made by an older pojok up to date (never the file given), then checks the copy
/// as any backup.
fn prepare_copy(copy: &Path, file: &Path, lang: Lang) -> Result<(), String> {
    let unusable =
        |why: &str| (lang.ledger_file().backup_unusable)(&file.display().to_string(), why);
    match Ledger::open_read_only(file) {
        Ok(_) | Err(LedgerError::TooOld(_)) => {}
        Err(
            e @ (LedgerError::NoLedger(_)
            | LedgerError::EmptyFile(_)
            | LedgerError::NotALedger(_)
            | LedgerError::Foreign(_)
            | LedgerError::TooNew { .. }),
        ) => return Err(error_text(&e, file, lang)),
        Err(e) => return Err(unusable(&e.to_string())),
    }
    if let Err(e) = Ledger::open_with(copy, Opening::Existing) {
        return Err(unusable(&e.to_string()));
    }
    match check_backup(copy) {
        Some(problem) => Err(unusable(&problem)),
        None => Ok(()),
    }
}

/// The lock refused: another kiosk runs on the file, said with when and where it started.
pub fn lock_text(e: &LockError, db: &Path, lang: Lang) -> String {
    let t = lang.ledger_file();
    match e {
        LockError::Held(who) => {
            let who = match who.split('\t').collect::<Vec<_>>()[..] {
                [when, host, pid] => (t.started_by)(when, host, pid),
                // Windows does not let others read a locked file: no details then.
                _ if who.trim().is_empty() => "?".to_string(),
                _ => who.clone(),
            };
            (t.kiosk_running)(&db.display().to_string(), &who)
        }
        LockError::Io(e) if e.kind() == std::io::ErrorKind::StorageFull => {
            (t.disk_full)(&db.display().to_string())
        }
        LockError::Io(e) => (t.cannot_open)(&db.display().to_string(), &e.to_string()),
    }
}

/// Prints how the backup compares with the current ledger; false if the ledger cannot be read.
fn say_what_is_lost(db: &Path, file: &Path, lang: Lang) -> bool {
    let t = lang.ledger_file();
    let compared = Ledger::open_read_only(db).and_then(|current| {
        let backup = Ledger::open_read_only(file)?;
        current.compare_with(&backup)
    });
    let comparison = match compared {
        Ok(c) => c,
        Err(e) => {
            println!(
                "{}",
                (t.current_unreadable)(&db.display().to_string(), &e.to_string())
            );
            return false;
        }
    };
    match comparison {
        Comparison::Same => println!("{}", (t.restore_same)(&file.display().to_string())),
        Comparison::Ahead => println!("{}", t.restore_newer),
        Comparison::Behind { entries, lost } => {
            println!("{}", (t.restore_loses)(entries as usize));
            print_lost(&lost, lang);
        }
        Comparison::Diverged {
            common,
            entries,
            lost,
        } => {
            println!("{}", (t.restore_diverged)(common + 1));
            println!("{}", (t.restore_loses)(entries as usize));
            print_lost(&lost, lang);
        }
    }
    true
}

fn print_lost(lost: &[Lost], lang: Lang) {
    let t = lang.ledger_file();
    for item in lost {
        let line = match item {
            Lost::Sale { number, day, total } => {
                (t.lost_sale)(*number, &date_text(*day, lang), *total)
            }
            Lost::Payout {
                number,
                day,
                amount,
            } => (t.lost_payout)(*number, &date_text(*day, lang), *amount),
            Lost::Close { day } => (t.lost_close)(&date_text(*day, lang)),
        };
        println!("{line}");
    }
}

/// For commands that write to a ledger that must already be there (never created here).
pub(crate) fn writable_ledger(db: &Path, lang: Lang) -> Result<Ledger, String> {
    Ledger::open_with(db, Opening::Existing).map_err(|e| error_text(&e, db, lang))
}

/// Asks a manager's name and PIN and checks them in the ledger at `path`.
fn ask_manager(path: &Path, lang: Lang) -> Result<(), String> {
    let t = lang.ledger_file();
    let mut ledger =
        Ledger::open_with(path, Opening::Existing).map_err(|e| error_text(&e, path, lang))?;
    let name = prompt(t.ask_manager, false).map_err(|e| e.to_string())?;
    let users = ledger.users().map_err(crate::refusals::said(lang))?;
    let manager = users
        .iter()
        .find(|u| u.active && u.is_manager() && u.name.eq_ignore_ascii_case(name.trim()))
        .ok_or_else(|| (t.not_manager)(name.trim()))?;
    let pin = prompt(t.ask_pin, true).map_err(|e| e.to_string())?;
    ledger
        .approve_with_pin(manager.id, pin.trim(), Local::now().naive_local())
        .map_err(|e| (t.pin_refused)(&crate::refusals::said(lang)(e)))?;
    Ok(())
}

/// One line from the user: typed at a terminal (a PIN without echo), or read from standard
/// input when it is not one (scripts, tests).
fn prompt(question: &str, secret: bool) -> std::io::Result<String> {
    eprint!("{question}");
    std::io::stderr().flush()?;
    if secret && std::io::stdin().is_terminal() {
        let line = read_hidden();
        eprintln!();
        return line;
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

/// Reads a line in raw mode, so the PIN is not shown.
fn read_hidden() -> std::io::Result<String> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
    use ratatui::crossterm::terminal;
    terminal::enable_raw_mode()?;
    let mut text = String::new();
    let result = loop {
        match event::read() {
            Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => match key.code {
                KeyCode::Enter => break Ok(text),
                KeyCode::Esc => break Ok(String::new()),
                KeyCode::Backspace => {
                    text.pop();
                }
                KeyCode::Char(c) => text.push(c),
                _ => {}
            },
            Ok(_) => {}
            Err(e) => break Err(e),
        }
    };
    terminal::disable_raw_mode()?;
    result
}

/// Renames the ledger and its `-wal`/`-shm` to `….before-restore-STAMP`: kept, together,
/// so the old file still opens with everything it had.
fn move_aside(db: &Path, at: chrono::NaiveDateTime) -> std::io::Result<PathBuf> {
    let stamp = at.format("%Y%m%d-%H%M%S");
    let mut aside = suffixed(db, &format!(".before-restore-{stamp}"));
    let mut n = 2;
    while aside.exists() {
        aside = suffixed(db, &format!(".before-restore-{stamp}-{n}"));
        n += 1;
    }
    for extra in ["-wal", "-shm"] {
        let from = suffixed(db, extra);
        if from.exists() {
            std::fs::rename(&from, suffixed(&aside, extra))?;
        }
    }
    std::fs::rename(db, &aside)?;
    Ok(aside)
}

fn suffixed(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
