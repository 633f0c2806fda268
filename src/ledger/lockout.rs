//! Wrong-PIN lockouts that hold against the people at the counter: the approval popup keeps
//! its own count (an attendant guessing there locks the popup, not the manager's sign-in),
//! each lockout is also recorded in history (so deleting a counter row lifts nothing, and
//! `verify` reports the row gone), and a lockout that reaches further ahead than any lasts
//! (the clock was set back) is cut to the longest one, recorded, so waiting ends it.

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, params};

use super::columns::{get_stamp, stamp_text};
use super::error::Result;
use crate::domain::{PinAttempts, clamp_lockout};

/// Where a PIN is typed: signing in, or a manager's approval in the popup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gate {
    SignIn,
    Approval,
}

impl Gate {
    fn table(self) -> &'static str {
        match self {
            Gate::SignIn => "pin_attempts",
            Gate::Approval => "approval_attempts",
        }
    }

    fn popup(self) -> bool {
        self == Gate::Approval
    }
}

fn counter(conn: &Connection, user_id: i64, gate: Gate) -> Result<PinAttempts> {
    let sql = format!(
        "SELECT failures, lockouts, locked_until FROM {} WHERE user_id = ?1",
        gate.table()
    );
    let row = conn
        .prepare_cached(&sql)?
        .query_row([user_id], |r| {
            let until: Option<String> = r.get(2)?;
            Ok(PinAttempts {
                failures: r.get(0)?,
                lockouts: r.get(1)?,
                locked_until: until.map(|_| get_stamp(r, 2)).transpose()?,
            })
        })
        .optional()?;
    Ok(row.unwrap_or_default())
}

/// The end of the newest lockout history records for the user at this gate.
fn recorded_until(conn: &Connection, user_id: i64, gate: Gate) -> Result<Option<NaiveDateTime>> {
    Ok(conn
        .prepare_cached(
            "SELECT until FROM pin_lockouts WHERE user_id = ?1 AND popup = ?2
             ORDER BY id DESC LIMIT 1",
        )?
        .query_row(params![user_id, gate.popup()], |r| get_stamp(r, 0))
        .optional()?)
}

/// The user's counters at this gate, with a lockout history holds even if the counter
/// row was deleted.
pub(super) fn attempts_of(conn: &Connection, user_id: i64, gate: Gate) -> Result<PinAttempts> {
    let mut attempts = counter(conn, user_id, gate)?;
    let recorded = recorded_until(conn, user_id, gate)?;
    attempts.locked_until = attempts.locked_until.max(recorded);
    Ok(attempts)
}

fn save_counter(conn: &Connection, user_id: i64, gate: Gate, next: &PinAttempts) -> Result<()> {
    let sql = format!(
        "INSERT INTO {} (user_id, failures, lockouts, locked_until) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (user_id) DO UPDATE SET failures = excluded.failures,
             lockouts = excluded.lockouts, locked_until = excluded.locked_until",
        gate.table()
    );
    conn.prepare_cached(&sql)?.execute(params![
        user_id,
        next.failures,
        next.lockouts,
        next.locked_until.map(stamp_text)
    ])?;
    Ok(())
}

fn record_lockout(
    conn: &Connection,
    user_id: i64,
    gate: Gate,
    at: NaiveDateTime,
    until: NaiveDateTime,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO pin_lockouts (user_id, popup, at, until) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        user_id,
        gate.popup(),
        stamp_text(at),
        stamp_text(until)
    ])?;
    Ok(())
}

/// Writes the counters after an attempt; a lockout that begins is recorded in history.
pub(super) fn save_attempt(
    conn: &Connection,
    user_id: i64,
    gate: Gate,
    before: &PinAttempts,
    next: &PinAttempts,
    at: NaiveDateTime,
) -> Result<()> {
    save_counter(conn, user_id, gate, next)?;
    if next.lockouts > before.lockouts
        && let Some(until) = next.locked_until
    {
        record_lockout(conn, user_id, gate, at, until)?;
    }
    Ok(())
}

/// A lockout reaching further ahead than any lasts is cut back (and the cut recorded);
/// says whether it was.
pub(super) fn cut_if_clock_went_back(
    conn: &Connection,
    user_id: i64,
    gate: Gate,
    at: NaiveDateTime,
) -> Result<bool> {
    let attempts = attempts_of(conn, user_id, gate)?;
    let Some(cut) = attempts
        .locked_until
        .and_then(|until| clamp_lockout(until, at))
    else {
        return Ok(false);
    };
    let next = PinAttempts {
        locked_until: Some(cut),
        ..attempts
    };
    save_counter(conn, user_id, gate, &next)?;
    record_lockout(conn, user_id, gate, at, cut)?;
    Ok(true)
}

/// Users whose lockout history records no counter row left at a gate (the counters' table,
/// the user): it was deleted, perhaps to lift the lockout.
pub(super) fn removed_counters(conn: &Connection) -> Result<Vec<(&'static str, i64)>> {
    let mut removed = Vec::new();
    for gate in [Gate::SignIn, Gate::Approval] {
        let sql = format!(
            "SELECT DISTINCT l.user_id FROM pin_lockouts AS l
             WHERE l.popup = ?1 AND NOT EXISTS (SELECT 1 FROM {} AS a WHERE a.user_id = l.user_id)
             ORDER BY l.user_id",
            gate.table()
        );
        let ids: Vec<i64> = conn
            .prepare(&sql)?
            .query_map([gate.popup()], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        removed.extend(ids.into_iter().map(|id| (gate.table(), id)));
    }
    Ok(removed)
}
