//! What the message line says about parked carts, and the methods of the parts paid on them:
//! below the hub's messages and notes, which name it, and the parked list, which uses it.

use crate::domain::{PaymentMethod, Rupiah};
use crate::print::format;
use crate::strings::Lang;

/// What the message line says about parked carts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueueNote {
    /// Parked; how many are parked now.
    Parked(usize),
    /// A cart back: its total, the parts already paid, how many are still parked.
    Recalled(Rupiah, Vec<(PaymentMethod, Rupiah)>, usize),
    NothingToPark,
    CloseWithParked(usize),
}

impl QueueNote {
    pub fn text(&self, lang: Lang) -> String {
        let q = lang.queue();
        match self {
            QueueNote::Parked(n) => (q.parked)(*n),
            QueueNote::Recalled(total, parts, left) => {
                let paid: Rupiah = parts.iter().map(|(_, amount)| *amount).sum();
                let methods = methods_text(parts.iter().map(|(m, _)| *m), lang);
                let paid = (!parts.is_empty()).then_some((paid, methods.as_str()));
                (q.recalled)(*total, paid, *left)
            }
            QueueNote::NothingToPark => q.nothing_to_park.into(),
            QueueNote::CloseWithParked(n) => (q.close_with_parked)(*n),
        }
    }
}

/// `Tunai + QRIS`: the methods of the parts paid, each once, in the order taken.
pub fn methods_text(methods: impl Iterator<Item = PaymentMethod>, lang: Lang) -> String {
    let mut seen: Vec<PaymentMethod> = Vec::new();
    for m in methods {
        if !seen.contains(&m) {
            seen.push(m);
        }
    }
    seen.iter()
        .map(|m| format::payment_method(*m, lang))
        .collect::<Vec<_>>()
        .join(" + ")
}
