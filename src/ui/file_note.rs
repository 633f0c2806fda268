//! What the message line says about the ledger file: the sale saved just before a crash,
//! where the day's backup went (or that it failed), and paper kept under a new name.

use crate::domain::Rupiah;
use crate::strings::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileNote {
    /// The last sale was on disk without its receipt file; the receipt is now written.
    LastSale { number: i64, total: Rupiah },
    /// The day's backup, checked, at this path.
    BackedUp(String),
    /// The day was closed, but its backup failed: why.
    BackupFailed(String),
    /// The last day close has no backup in this folder.
    BackupBehind(String),
    /// A printout's file existed already: its name, and the name it was saved under.
    PaperRenamed(String, String),
    /// The check of the chain at the close found this many problems.
    ChainProblems(usize),
    /// The PC's clock reads earlier than the newest entry, recorded at this time.
    ClockBehind(chrono::NaiveDateTime),
}

impl FileNote {
    pub fn text(&self, lang: Lang) -> String {
        let t = lang.ledger_file();
        match self {
            FileNote::LastSale { number, total } => (t.last_sale)(*number, *total),
            FileNote::BackedUp(path) => {
                (t.backup_at_close)(&shown_file(std::path::Path::new(path)))
            }
            FileNote::BackupFailed(why) => (t.backup_failed_at_close)(why),
            FileNote::BackupBehind(dir) => (t.backup_behind)(dir),
            FileNote::PaperRenamed(name, new) => (t.paper_renamed)(name, new),
            FileNote::ChainProblems(n) => (t.chain_problems_at_close)(*n),
            FileNote::ClockBehind(last) => {
                (t.clock_behind)(&crate::print::format::date_time(*last, lang))
            }
        }
    }

    /// Whether the note warns rather than informs.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            FileNote::BackupFailed(_)
                | FileNote::BackupBehind(_)
                | FileNote::ChainProblems(_)
                | FileNote::ClockBehind(_)
        )
    }
}

/// A written file as the message line names it: its name, not a path cut at 80 columns
/// (every printout of a day sits in that day's folder).
pub(super) fn shown_file(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_note_reads_in_both_languages() {
        let last = FileNote::LastSale {
            number: 15,
            total: Rupiah(80_000),
        };
        assert!(
            last.text(Lang::Id)
                .starts_with("Penjualan terakhir No. 15 Rp 80.000 tersimpan"),
            "{}",
            last.text(Lang::Id)
        );
        assert!(
            last.text(Lang::En)
                .starts_with("The last sale No. 15 Rp 80.000")
        );
        let renamed = FileNote::PaperRenamed("struk-0015.txt".into(), "struk-0015-2.txt".into());
        assert!(
            renamed
                .text(Lang::Id)
                .contains("disimpan sebagai struk-0015-2.txt")
        );
        assert!(renamed.text(Lang::En).contains("saved as struk-0015-2.txt"));
        let failed = FileNote::BackupFailed("E:\\: disk penuh".into());
        assert!(failed.is_warning() && !last.is_warning());
        assert!(
            failed
                .text(Lang::Id)
                .contains("CADANGAN GAGAL: E:\\: disk penuh")
        );
        assert!(failed.text(Lang::En).contains("BACKUP FAILED"));
        let behind = FileNote::BackupBehind("E:\\cadangan".into());
        assert!(
            behind
                .text(Lang::Id)
                .contains("belum dicadangkan di E:\\cadangan")
        );
        let done = FileNote::BackedUp("backups/pojok-2026-12-05-1a6c946b8d30-163.db".into());
        assert_eq!(
            done.text(Lang::Id),
            "Kasir ditutup. Cadangan: pojok-2026-12-05-1a6c946b8d30-163.db"
        );
    }
}
