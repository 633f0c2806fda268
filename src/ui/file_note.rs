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
}

impl FileNote {
    pub fn text(&self, lang: Lang) -> String {
        let t = lang.ledger_file();
        match self {
            FileNote::LastSale { number, total } => (t.last_sale)(*number, *total),
            FileNote::BackedUp(path) => (t.backup_at_close)(path),
            FileNote::BackupFailed(why) => (t.backup_failed_at_close)(why),
            FileNote::BackupBehind(dir) => (t.backup_behind)(dir),
            FileNote::PaperRenamed(name, new) => (t.paper_renamed)(name, new),
        }
    }

    /// Whether the note warns rather than informs.
    pub fn is_warning(&self) -> bool {
        matches!(self, FileNote::BackupFailed(_) | FileNote::BackupBehind(_))
    }
}
