//! How a write reaches the file: one IMMEDIATE transaction, whose history rows are chained
//! (and sealed, while a manager's PIN holds the seal key open) at its commit; or, inside a
//! batch, one savepoint of the batch's transaction.

use rusqlite::{Connection, TransactionBehavior};

use super::chain::{self, ChainHead, Inserted};
use super::connection::Ledger;
use super::error::Result;
use super::seal;

impl Ledger {
    /// Runs `apply` as one IMMEDIATE write transaction and commits it when `apply` succeeds;
    /// an error rolls everything back. Every write that touches history goes through here,
    /// so that what must happen at each commit happens in one place: the history rows it
    /// added are chained under the signed-in actor and the pending approval, which this
    /// write consumes whatever its outcome.
    pub(super) fn write<T>(&mut self, apply: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.write_or_rehearse(true, apply)
    }

    /// As `write`, or, when `commit` is false, a rehearsal: `apply` runs and checks against
    /// the file as a real write would, then everything is rolled back (a dry-run import).
    pub(super) fn write_or_rehearse<T>(
        &mut self,
        commit: bool,
        apply: impl FnOnce(&Connection) -> Result<T>,
    ) -> Result<T> {
        self.write_chained(commit, apply).map(|(done, _)| done)
    }

    /// As `write_or_rehearse`, with the chain row the write's commit wrote last: the head
    /// of an entry whose transaction holds only its own rows (a sale), without asking again.
    pub(super) fn write_chained<T>(
        &mut self,
        commit: bool,
        apply: impl FnOnce(&Connection) -> Result<T>,
    ) -> Result<(T, Option<ChainHead>)> {
        let signers = chain::Signers {
            actor: self.actor.as_ref().map(|u| u.id),
            approver: self.approval.take().map(|u| u.id),
        };
        self.inserted.clear();
        if self.batching {
            return write_in_batch(&self.conn, &self.inserted, commit, signers, apply);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let head_before = match &self.seal_key {
            Some(_) => chain::last_seq(&tx)?,
            None => 0,
        };
        let done = apply(&tx)?;
        if !commit {
            return Ok((done, None));
        }
        let sealed = chain::seal_inserted(&tx, &self.inserted, signers)?;
        if let Some((key, _)) = &self.seal_key {
            seal::seal_chain_rows(&tx, key, head_before)?;
        }
        tx.commit()?;
        Ok((done, sealed))
    }

    /// Runs `writes` as one IMMEDIATE transaction: every write inside it checks, writes and
    /// is chained exactly as on its own (each in a savepoint, so a refused one leaves
    /// nothing), but the file is synced once at the end. For writing a lot of history at
    /// once (the generated years of `pojok demo --years`); the kiosk never batches, as
    /// each of its facts must be on disk when its write returns.
    pub fn batch<T>(&mut self, writes: impl FnOnce(&mut Ledger) -> Result<T>) -> Result<T> {
        // A batch's pages stay in memory until its commit instead of spilling to the WAL
        // midway (the default cache is 2 MiB); the kiosk's small writes keep the default.
        self.conn
            .execute_batch("PRAGMA cache_size = -65536; BEGIN IMMEDIATE")?;
        self.batching = true;
        let done = writes(self);
        self.batching = false;
        self.conn.execute_batch("PRAGMA cache_size = -2000")?;
        match done {
            Ok(done) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(done)
            }
            Err(e) => {
                self.conn.execute_batch("ROLLBACK")?;
                Err(e)
            }
        }
    }
}

/// One write inside `Ledger::batch`: a savepoint, sealed into the chain as a write of its
/// own, released on success and rolled back on a refusal or a rehearsal.
fn write_in_batch<T>(
    conn: &Connection,
    inserted: &Inserted,
    commit: bool,
    signers: chain::Signers,
    apply: impl FnOnce(&Connection) -> Result<T>,
) -> Result<(T, Option<ChainHead>)> {
    conn.execute_batch("SAVEPOINT batch_write")?;
    let done = apply(conn).and_then(|done| {
        let sealed = match commit {
            true => chain::seal_inserted(conn, inserted, signers)?,
            false => None,
        };
        Ok((done, sealed))
    });
    if done.is_err() || !commit {
        conn.execute_batch("ROLLBACK TO batch_write")?;
    }
    conn.execute_batch("RELEASE batch_write")?;
    done
}
