//! Who works the counter: attendants and the manager, their PIN rules, and the lockout policy
//! after wrong PINs (a pure function of the counters and the time passed in).

use chrono::{NaiveDateTime, TimeDelta};

/// What a user may do: an attendant rings up sales; the manager also approves what needs
/// approval and manages users.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Attendant,
    Manager,
}

impl Role {
    /// The code stored in the ledger.
    pub fn code(self) -> &'static str {
        match self {
            Role::Attendant => "attendant",
            Role::Manager => "manager",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = ();

    fn from_str(code: &str) -> Result<Role, ()> {
        match code {
            "attendant" => Ok(Role::Attendant),
            "manager" => Ok(Role::Manager),
            _ => Err(()),
        }
    }
}

/// A user as the kiosk knows them. The PIN's hash never leaves the ledger; `has_pin` is false
/// for the manager a till-era ledger was migrated with, who must set a PIN at first start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub active: bool,
    pub has_pin: bool,
}

impl User {
    pub fn is_manager(&self) -> bool {
        self.role == Role::Manager
    }
}

pub const PIN_MIN_DIGITS: usize = 4;
pub const PIN_MAX_DIGITS: usize = 8;

/// Why a new PIN is refused. Carries no digits, so it can be shown or logged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PinProblem {
    #[error("a PIN has {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits")]
    Length,
    #[error("a PIN has digits only")]
    NotDigits,
}

/// A PIN is 4 to 8 ASCII digits: typed on the kiosk's number row or keypad.
pub fn check_new_pin(pin: &str) -> Result<(), PinProblem> {
    if !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PinProblem::NotDigits);
    }
    if !(PIN_MIN_DIGITS..=PIN_MAX_DIGITS).contains(&pin.len()) {
        return Err(PinProblem::Length);
    }
    Ok(())
}

/// Wrong PINs allowed in a row before the user is locked out.
pub const MAX_WRONG_PINS: u32 = 5;

/// The first lockout's length; each further lockout doubles it, up to `MAX_LOCKOUT`.
pub const FIRST_LOCKOUT: TimeDelta = TimeDelta::seconds(30);
pub const MAX_LOCKOUT: TimeDelta = TimeDelta::minutes(30);

/// How long the `lockouts`-th lockout (1 = the first) lasts: 30 s, 1 min, 2 min, 4 min …
/// capped at 30 min.
pub fn lockout_length(lockouts: u32) -> TimeDelta {
    let doublings = lockouts.saturating_sub(1).min(16);
    (FIRST_LOCKOUT * (1 << doublings)).min(MAX_LOCKOUT)
}

/// A lockout that ends further ahead than any lockout lasts began by a clock that has since
/// been set back: it ends `MAX_LOCKOUT` from `at` instead (`None` when it is in bounds), so a
/// clock set back by days cannot keep a user out for days.
pub fn clamp_lockout(until: NaiveDateTime, at: NaiveDateTime) -> Option<NaiveDateTime> {
    (until > at + MAX_LOCKOUT).then(|| at + MAX_LOCKOUT)
}

/// A user's wrong-PIN counters, as kept in the ledger across restarts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PinAttempts {
    /// Wrong PINs since the last right one or the last lockout.
    pub failures: u32,
    /// Lockouts since the last right PIN: each makes the next one longer.
    pub lockouts: u32,
    pub locked_until: Option<NaiveDateTime>,
}

/// What one PIN attempt came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinVerdict {
    Accepted,
    Wrong { attempts_left: u32 },
    LockedOut { until: NaiveDateTime },
}

impl PinAttempts {
    /// The end of the lockout in force at `at`, if any.
    pub fn locked_at(&self, at: NaiveDateTime) -> Option<NaiveDateTime> {
        self.locked_until.filter(|until| at < *until)
    }

    /// The counters after an attempt at `at` whose PIN was `right` or not, and the verdict.
    /// While locked out the PIN is not even looked at: guessing on during a lockout gains
    /// nothing and costs nothing.
    pub fn attempt(self, right: bool, at: NaiveDateTime) -> (PinAttempts, PinVerdict) {
        if let Some(until) = self.locked_at(at) {
            return (self, PinVerdict::LockedOut { until });
        }
        if right {
            return (PinAttempts::default(), PinVerdict::Accepted);
        }
        let failures = self.failures + 1;
        if failures < MAX_WRONG_PINS {
            let next = PinAttempts {
                failures,
                locked_until: None,
                ..self
            };
            let left = MAX_WRONG_PINS - failures;
            return (
                next,
                PinVerdict::Wrong {
                    attempts_left: left,
                },
            );
        }
        let lockouts = self.lockouts + 1;
        let until = at + lockout_length(lockouts);
        let next = PinAttempts {
            failures: 0,
            lockouts,
            locked_until: Some(until),
        };
        (next, PinVerdict::LockedOut { until })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(second: i64) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap()
            + TimeDelta::seconds(second)
    }

    #[test]
    fn pins_have_four_to_eight_digits() {
        for ok in ["0000", "1234", "12345678", "00001111"] {
            assert_eq!(check_new_pin(ok), Ok(()), "{ok}");
        }
        assert_eq!(check_new_pin("123"), Err(PinProblem::Length));
        assert_eq!(check_new_pin("123456789"), Err(PinProblem::Length));
        assert_eq!(check_new_pin(""), Err(PinProblem::Length));
        assert_eq!(check_new_pin("12a4"), Err(PinProblem::NotDigits));
        assert_eq!(check_new_pin("١٢٣٤"), Err(PinProblem::NotDigits));
        assert_eq!(check_new_pin(" 1234"), Err(PinProblem::NotDigits));
    }

    #[test]
    fn roles_read_back_from_their_codes() {
        for role in [Role::Attendant, Role::Manager] {
            assert_eq!(role.code().parse(), Ok(role));
        }
        assert_eq!("admin".parse::<Role>(), Err(()));
    }

    #[test]
    fn a_lockout_beyond_the_longest_is_cut_to_it() {
        assert_eq!(clamp_lockout(at(1800), at(0)), None);
        assert_eq!(clamp_lockout(at(60), at(0)), None);
        assert_eq!(clamp_lockout(at(1801), at(0)), Some(at(1800)));
        // The clock was set back three days after the lockout began.
        let three_days = 3 * 24 * 3600;
        assert_eq!(clamp_lockout(at(three_days), at(0)), Some(at(1800)));
    }

    #[test]
    fn lockouts_grow_and_are_capped() {
        let lengths: Vec<i64> = (1..=9).map(|n| lockout_length(n).num_seconds()).collect();
        assert_eq!(lengths, [30, 60, 120, 240, 480, 960, 1800, 1800, 1800]);
        assert_eq!(lockout_length(u32::MAX), MAX_LOCKOUT);
    }

    #[test]
    fn five_wrong_pins_lock_out_and_a_locked_user_is_not_checked() {
        let mut state = PinAttempts::default();
        for left in [4, 3, 2, 1] {
            let (next, verdict) = state.attempt(false, at(0));
            assert_eq!(
                verdict,
                PinVerdict::Wrong {
                    attempts_left: left
                }
            );
            state = next;
        }
        let (state, verdict) = state.attempt(false, at(1));
        assert_eq!(verdict, PinVerdict::LockedOut { until: at(31) });
        // Even the right PIN is refused until the lockout ends, and nothing is counted.
        let (same, verdict) = state.attempt(true, at(30));
        assert_eq!(verdict, PinVerdict::LockedOut { until: at(31) });
        assert_eq!(same, state);
        let (state, verdict) = state.attempt(false, at(31));
        assert_eq!(verdict, PinVerdict::Wrong { attempts_left: 4 });
        assert_eq!((state.failures, state.lockouts), (1, 1));
    }

    #[test]
    fn a_second_lockout_lasts_longer_and_a_right_pin_forgives() {
        let mut state = PinAttempts::default();
        let mut now = 0;
        let mut ends = Vec::new();
        for _ in 0..3 {
            loop {
                let (next, verdict) = state.attempt(false, at(now));
                state = next;
                if let PinVerdict::LockedOut { until } = verdict {
                    ends.push((until - at(now)).num_seconds());
                    now = (until - at(0)).num_seconds();
                    break;
                }
            }
        }
        assert_eq!(ends, [30, 60, 120]);
        let (state, verdict) = state.attempt(true, at(now));
        assert_eq!(verdict, PinVerdict::Accepted);
        assert_eq!(state, PinAttempts::default());
    }
}
