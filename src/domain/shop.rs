//! Who the corner is, as printed at the top of every printout, and the rules the manager
//! sets for the till.

/// The shop's header: its name, the office (OPD) it sits in, and the address.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShopHeader {
    pub name: String,
    pub office: String,
    pub address: String,
}

/// What the manager decides for the till: how long it may sit untouched before it locks
/// itself, and from what cash difference a close needs the manager.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TillRules {
    pub lock_after_minutes: u32,
    /// A close whose count is off by more than this (either way) needs the manager's PIN.
    pub close_approval_above: super::money::Rupiah,
    /// A count's shortfall is borne by the corner unless the attendant says otherwise
    /// (F7 in the count form); `false`: by the producer.
    pub count_corner_bears: bool,
}

impl TillRules {
    /// The longest idle time the settings take: a working day.
    pub const MAX_LOCK_MINUTES: u32 = 600;

    pub fn lock_after(&self) -> chrono::TimeDelta {
        chrono::TimeDelta::minutes(i64::from(self.lock_after_minutes))
    }
}

impl Default for TillRules {
    fn default() -> TillRules {
        TillRules {
            lock_after_minutes: 5,
            // The ledger's approval rule falls back to the same figure (chain.rs).
            close_approval_above: super::money::Rupiah(10_000),
            count_corner_bears: false,
        }
    }
}
