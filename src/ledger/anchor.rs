//! Witnesses outside the file: the chain head each receipt and slip carries for its own
//! entry, checked against the file by `verify --head`, and older backups, whose chain must
//! be an unchanged beginning of the file's (`verify --against`).
//!
//! Re-chaining an edited file makes its chain consistent again, but changes the hash of
//! every entry from the edit on: a head printed before the edit no longer matches. The
//! short form keeps 12 hex digits (48 bits), far beyond what an attacker could search for
//! by editing rows until a forged chain happens to print the same digits.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::connection::Ledger;
use super::error::Result;
use super::head::chain_row;
use super::verify::Problem;

/// A head as printed on paper: the first hex digits of an entry's hash and its sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedHead {
    pub prefix: String,
    pub seq: i64,
}

/// Fewer digits than this would be too easy to hit by chance.
const MIN_PREFIX: usize = 8;

impl PrintedHead {
    /// `1c15f5d4d937#163` (8 to 64 hex digits, `#`, a sequence number above zero); spaces
    /// around it and upper-case digits, as retyped from paper, are accepted.
    pub fn parse(text: &str) -> Option<PrintedHead> {
        let (hash, seq) = text.trim().split_once('#')?;
        let hash = hash.trim().to_ascii_lowercase();
        let seq: i64 = seq.trim().parse().ok()?;
        let hex = hash.bytes().all(|b| b.is_ascii_hexdigit());
        if !hex || !(MIN_PREFIX..=64).contains(&hash.len()) || seq < 1 {
            return None;
        }
        Some(PrintedHead { prefix: hash, seq })
    }
}

impl std::fmt::Display for PrintedHead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}#{}", self.prefix, self.seq)
    }
}

/// What the file says about one printed head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeadVerdict {
    /// The entry is there with that hash, and everything up to it hashes as chained.
    Holds,
    /// The file's entry `seq` has another hash, or an entry up to it no longer hashes to
    /// its chain row: history was rewritten at or before it.
    Rewritten,
    /// The file's chain ends before `seq`: entries were removed (it ends at `last`).
    Missing { last: i64 },
}

impl Ledger {
    /// Checks heads printed on paper against the file (which it never changes).
    pub fn check_heads(&self, heads: &[PrintedHead]) -> Result<Vec<HeadVerdict>> {
        let mut problems = Vec::new();
        super::verify::check_chain(&self.conn, &mut problems, &mut |_, _| {})?;
        // The first entry the file's own chain no longer vouches for.
        let first_broken = problems
            .iter()
            .filter_map(|p| match p {
                Problem::EntryChanged { seq, .. }
                | Problem::EntryMissing { seq, .. }
                | Problem::ChainBroken { seq }
                | Problem::UnknownTable { seq, .. } => Some(*seq),
                _ => None,
            })
            .min();
        let last = self.chain_head()?.map_or(0, |h| h.seq);
        heads
            .iter()
            .map(|printed| {
                let Some(row) = chain_row(&self.conn, printed.seq)? else {
                    return Ok(HeadVerdict::Missing { last });
                };
                let same = row.hash.starts_with(&printed.prefix);
                if !same || first_broken.is_some_and(|b| b <= printed.seq) {
                    return Ok(HeadVerdict::Rewritten);
                }
                Ok(HeadVerdict::Holds)
            })
            .collect()
    }
}

/// What an older copy of the ledger says about the file now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupVerdict {
    /// Each of the backup's `entries` chain rows is in the file with the same hash.
    Prefix { entries: i64 },
    /// The first chain row that differs: its sequence number and what the backup recorded
    /// there (table and id).
    Differs { seq: i64, table: String, id: i64 },
    /// The file's chain ends at `last`, before the backup's `entries`.
    Shorter { entries: i64, last: i64 },
}

/// Opens `path` for reading only: a witness is never created, migrated or written.
fn open_witness(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(std::io::Error::new(std::io::ErrorKind::NotFound, "no such file").into());
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.query_row("SELECT COUNT(*) FROM chain", [], |r| r.get::<_, i64>(0))?;
    Ok(conn)
}

impl Ledger {
    /// Compares the chain of an older copy of the ledger with the file's: history is only
    /// ever appended, so every entry the backup holds must be in the file unchanged.
    pub fn compare_with_backup(&self, backup: &Path) -> Result<BackupVerdict> {
        let witness = open_witness(backup)?;
        let mut stmt =
            witness.prepare("SELECT seq, entry_table, entry_id, hash FROM chain ORDER BY seq")?;
        let mut rows = stmt.query([])?;
        let mut entries = 0;
        while let Some(r) = rows.next()? {
            entries += 1;
            let seq: i64 = r.get(0)?;
            let hash: String = r.get(3)?;
            let differs = chain_row(&self.conn, seq)?.is_none_or(|now| now.hash != hash);
            if differs {
                let last = self.chain_head()?.map_or(0, |h| h.seq);
                if seq > last {
                    let total: i64 =
                        witness.query_row("SELECT COUNT(*) FROM chain", [], |r| r.get(0))?;
                    return Ok(BackupVerdict::Shorter {
                        entries: total,
                        last,
                    });
                }
                return Ok(BackupVerdict::Differs {
                    seq,
                    table: r.get(1)?,
                    id: r.get(2)?,
                });
            }
        }
        Ok(BackupVerdict::Prefix { entries })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_heads_parse_as_typed_from_paper() {
        let head = PrintedHead::parse(" 1C15F5D4D937#163 ").unwrap();
        assert_eq!(head.prefix, "1c15f5d4d937");
        assert_eq!(head.seq, 163);
        assert_eq!(head.to_string(), "1c15f5d4d937#163");
        for bad in [
            "",
            "1c15f5d4d937",
            "1c15f5d4d937#",
            "1c15f5d4d937#0",
            "1c15f5d4d937#-3",
            "1c15f5d#163",
            "1c15f5d4d9zz#163",
            "#163",
        ] {
            assert_eq!(PrintedHead::parse(bad), None, "{bad:?}");
        }
    }
}
