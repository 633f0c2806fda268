//! The witnesses `pojok verify` can be given besides the file itself: chain heads printed on
//! paper (`--head`, `--heads-file`), older backups (`--against`) and the day seals only a
//! manager's PIN opens (`--manager`).

use std::path::PathBuf;

use crate::ledger::{BackupVerdict, HeadVerdict, Ledger, LedgerError, PrintedHead, SealReport};
use crate::strings::Lang;

#[derive(clap::Args, Debug, Default)]
pub struct WitnessArgs {
    /// Recompute the whole chain from its first entry, with SQLite's integrity check (by
    /// default the chain is taken up from the last check made at a day close)
    #[arg(long)]
    pub full: bool,
    /// A chain head printed on a receipt, slip or report (e.g. 1c15f5d4d937#163); may be
    /// given several times
    #[arg(long = "head", value_name = "HEAD")]
    pub heads: Vec<String>,
    /// A text file of chain heads, one per line (blank lines and lines starting with # are
    /// skipped)
    #[arg(long, value_name = "FILE")]
    pub heads_file: Option<PathBuf>,
    /// An older copy of the ledger (a backup): its chain must be an unchanged beginning of
    /// this file's; may be given several times
    #[arg(long = "against", value_name = "BACKUP")]
    pub against: Vec<PathBuf>,
    /// Check the day seals with this manager's PIN (asked on the terminal, or read from
    /// standard input); the PIN is not counted and nothing is written
    #[arg(long, value_name = "NAME")]
    pub manager: Option<String>,
}

/// Every head to check, as typed: from the command line, then from the file.
fn head_texts(args: &WitnessArgs, lang: Lang) -> Result<Vec<String>, String> {
    let t = &lang.text().witness;
    let mut texts = args.heads.clone();
    if let Some(path) = &args.heads_file {
        let name = path.display().to_string();
        let content = std::fs::read_to_string(path)
            .map_err(|e| (t.cannot_read_heads)(&name, &crate::cli_said::os_said(&e, lang)))?;
        texts.extend(
            content
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(String::from),
        );
    }
    Ok(texts)
}

/// Checks the heads and backups given, printing one line each; returns how many failed.
/// A head that does not parse is refused before anything is checked.
pub fn check(ledger: &Ledger, args: &WitnessArgs, lang: Lang) -> Result<usize, String> {
    let t = &lang.text().witness;
    let heads = head_texts(args, lang)?
        .iter()
        .map(|text| PrintedHead::parse(text).ok_or_else(|| (t.bad_head)(text)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut failed = 0;
    if !heads.is_empty() {
        let verdicts = ledger.check_heads(&heads).map_err(|e| e.to_string())?;
        for (head, verdict) in heads.iter().zip(verdicts) {
            let shown = head.to_string();
            let line = match verdict {
                HeadVerdict::Holds => (t.head_holds)(&shown),
                HeadVerdict::Rewritten => (t.head_rewritten)(&shown, head.seq),
                HeadVerdict::Missing { last } => (t.head_missing)(&shown, head.seq, last),
            };
            failed += usize::from(verdict != HeadVerdict::Holds);
            println!("{line}");
        }
    }
    for backup in &args.against {
        let name = backup.display().to_string();
        let verdict = ledger
            .compare_with_backup(backup)
            .map_err(|e| (t.cannot_open_backup)(&name, &e.to_string()))?;
        let line = match &verdict {
            BackupVerdict::Prefix { entries } => (t.against_holds)(&name, *entries),
            BackupVerdict::Differs { seq, table, id } => {
                (t.against_differs)(&name, *seq, &format!("{table} {id}"))
            }
            BackupVerdict::Shorter { entries, last } => (t.against_shorter)(&name, *entries, *last),
        };
        failed += usize::from(!matches!(verdict, BackupVerdict::Prefix { .. }));
        println!("{line}");
    }
    if let Some(name) = &args.manager {
        failed += check_seals(ledger, name, lang)?;
    }
    Ok(failed)
}

/// Checks the seals with the manager's PIN, printing what they say; returns the failures.
fn check_seals(ledger: &Ledger, name: &str, lang: Lang) -> Result<usize, String> {
    let t = &lang.text().witness;
    let manager = ledger
        .manager_by_name(name)
        .map_err(|e| crate::cli_manager::manager_error(e, name, lang))?;
    let pin = crate::cli_manager::read_pin(&(t.pin_prompt)(&manager.name))
        .ok_or_else(|| t.no_pin.to_string())?;
    let report = ledger.check_seals(name, &pin).map_err(|e| match e {
        LedgerError::WrongPin { .. } => t.wrong_pin_seals.to_string(),
        other => crate::cli_manager::manager_error(other, name, lang),
    })?;
    match report {
        SealReport::NoKey => {
            println!("{}", t.seal_key_missing);
            Ok(0)
        }
        SealReport::KeyReplaced => {
            println!("{}", t.seal_key_replaced);
            Ok(1)
        }
        SealReport::Checked {
            sealed,
            broken,
            unsealed,
            unsigned,
        } => {
            println!("{}", (t.seals_hold)(sealed));
            for date in &broken {
                println!("{}", (t.seal_broken)(date));
            }
            if !unsealed.is_empty() {
                println!("{}", (t.unsealed)(&unsealed.join(", ")));
            }
            for seq in &unsigned {
                println!("{}", (t.unsigned)(*seq));
            }
            Ok(broken.len() + unsigned.len())
        }
    }
}
