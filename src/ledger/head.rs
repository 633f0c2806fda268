//! The chain head an entry's paper carries: the newest chain row, and the row its own
//! transaction wrote last (which `verify --head` later finds again).

use rusqlite::{Connection, OptionalExtension};

use super::chain::ChainHead;
use super::connection::Ledger;
use super::error::Result;
use crate::domain::{CashMove, Payout, Sale, StockDocument, TabPayment};

/// A recorded entry whose paper carries the chain head of the transaction that wrote it:
/// the newest chain row among its own rows (a sale's lines and payments follow the sale).
pub(super) trait Anchored {
    /// Selects the chain seq of every row of the entry with id `?1`. The entry's own rows
    /// come first (`CROSS JOIN` keeps that order): without table statistics SQLite
    /// otherwise walks every chain row of the table by `entry_table` alone, which on a
    /// year's ledger made each sale's receipt wait 20 ms.
    const SEQS: &'static str;
    fn entry_id(&self) -> i64;
    fn set_head(&mut self, head: Option<String>);
}

impl Anchored for Sale {
    const SEQS: &'static str = "SELECT seq FROM chain WHERE entry_table = 'sales' AND entry_id = ?1
        UNION ALL SELECT c.seq FROM sale_lines AS l
            CROSS JOIN chain AS c ON c.entry_table = 'sale_lines' AND c.entry_id = l.id
            WHERE l.sale_id = ?1
        UNION ALL SELECT c.seq FROM payments AS p
            CROSS JOIN chain AS c ON c.entry_table = 'payments' AND c.entry_id = p.id
            WHERE p.sale_id = ?1
        UNION ALL SELECT c.seq FROM stock_moves AS m
            CROSS JOIN chain AS c ON c.entry_table = 'stock_moves' AND c.entry_id = m.id
            WHERE m.sale_id = ?1 AND m.kind = 'sale'";
    fn entry_id(&self) -> i64 {
        self.id
    }
    fn set_head(&mut self, head: Option<String>) {
        self.chain_head = head;
    }
}

impl Anchored for StockDocument {
    const SEQS: &'static str =
        "SELECT seq FROM chain WHERE entry_table = 'stock_documents' AND entry_id = ?1
        UNION ALL SELECT c.seq FROM stock_moves AS m
            CROSS JOIN chain AS c ON c.entry_table = 'stock_moves' AND c.entry_id = m.id
            WHERE m.document_id = ?1";
    fn entry_id(&self) -> i64 {
        self.id
    }
    fn set_head(&mut self, head: Option<String>) {
        self.chain_head = head;
    }
}

impl Anchored for Payout {
    const SEQS: &'static str =
        "SELECT seq FROM chain WHERE entry_table = 'payouts' AND entry_id = ?1";
    fn entry_id(&self) -> i64 {
        self.id
    }
    fn set_head(&mut self, head: Option<String>) {
        self.chain_head = head;
    }
}

impl Anchored for CashMove {
    const SEQS: &'static str =
        "SELECT seq FROM chain WHERE entry_table = 'cash_moves' AND entry_id = ?1";
    fn entry_id(&self) -> i64 {
        self.id
    }
    fn set_head(&mut self, head: Option<String>) {
        self.chain_head = head;
    }
}

impl Anchored for TabPayment {
    const SEQS: &'static str =
        "SELECT seq FROM chain WHERE entry_table = 'tab_payments' AND entry_id = ?1";
    fn entry_id(&self) -> i64 {
        self.id
    }
    fn set_head(&mut self, head: Option<String>) {
        self.chain_head = head;
    }
}

/// The chain row `seq`, if the file has one.
pub(super) fn chain_row(conn: &Connection, seq: i64) -> Result<Option<ChainHead>> {
    Ok(conn
        .prepare_cached("SELECT seq, hash FROM chain WHERE seq = ?1")?
        .query_row([seq], |r| {
            Ok(ChainHead {
                seq: r.get(0)?,
                hash: r.get(1)?,
            })
        })
        .optional()?)
}

/// `entry` with the head of its own transaction filled in.
pub(super) fn anchored<T: Anchored>(conn: &Connection, mut entry: T) -> Result<T> {
    let sql = format!("SELECT MAX(seq) FROM ({})", T::SEQS);
    let seq: Option<i64> = conn
        .prepare_cached(&sql)?
        .query_row([entry.entry_id()], |r| r.get(0))?;
    let head = match seq {
        Some(seq) => chain_row(conn, seq)?.map(|h| h.short()),
        None => None,
    };
    entry.set_head(head);
    Ok(entry)
}

/// The stamp column of a history table, for the ones whose rows carry their own time (a
/// sale's lines and payments, and a loss, go with their entry).
fn stamp_column(table: &str) -> Option<&'static str> {
    match table {
        "business_days" => Some("opened_at"),
        "sale_lines" | "payments" | "stock_losses" => None,
        _ => Some("at"),
    }
}

impl Ledger {
    /// The latest time stamped on the newest entries in ledger order (the last 64 chain
    /// rows, so that one entry stamped by a clock set back does not hide the ones before
    /// it): a clock reading earlier than this was set back. Entries are still recorded in
    /// order, after it.
    pub fn last_entry_at(&self) -> Result<Option<chrono::NaiveDateTime>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT entry_table, entry_id FROM chain ORDER BY seq DESC LIMIT 64")?;
        let rows: Vec<(String, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut latest = None;
        for (table, id) in rows {
            // Only names the program knows go into the statement.
            let Some(known) = super::chain::HISTORY.iter().find(|t| t.name == table) else {
                continue;
            };
            let Some(column) = stamp_column(known.name) else {
                continue;
            };
            let stamp: Option<String> = self
                .conn
                .query_row(
                    &format!("SELECT {column} FROM {} WHERE id = ?1", known.name),
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(at) = stamp.and_then(|s| super::columns::parse_stamp(&s)) {
                latest = latest.max(Some(at));
            }
        }
        Ok(latest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::SaleReturn;

    /// Every chain row an entry's head reads is found by its whole key, never by walking
    /// all the chain rows of one table.
    #[test]
    fn an_entrys_head_is_read_by_its_rows_keys() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = super::super::Ledger::open(&dir.path().join("t.db")).unwrap();
        for seqs in [
            <Sale as Anchored>::SEQS,
            <StockDocument as Anchored>::SEQS,
            <SaleReturn as Anchored>::SEQS,
        ] {
            let sql = format!("EXPLAIN QUERY PLAN SELECT MAX(seq) FROM ({seqs})");
            let mut stmt = ledger.conn.prepare(&sql).unwrap();
            let plan: Vec<String> = stmt
                .query_map([1], |r| r.get(3))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            for step in plan.iter().filter(|s| s.contains("chain")) {
                assert!(
                    step.contains("entry_table=? AND entry_id=?"),
                    "{step} in {plan:?}"
                );
            }
        }
    }
}
