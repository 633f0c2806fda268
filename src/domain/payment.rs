//! Taking payment: cash with change, QRIS, transfer, or a split across them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::money::Rupiah;

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PaymentMethod {
    Cash,
    Qris,
    Transfer,
    /// On the customer's tab (bon), paid off later.
    Tab,
}

impl PaymentMethod {
    /// In the order the pay dialog cycles through them.
    pub const ALL: [PaymentMethod; 4] = [
        PaymentMethod::Cash,
        PaymentMethod::Qris,
        PaymentMethod::Transfer,
        PaymentMethod::Tab,
    ];

    /// The methods a tab can be paid off by (not by another tab).
    pub const SETTLING: [PaymentMethod; 3] = [
        PaymentMethod::Cash,
        PaymentMethod::Qris,
        PaymentMethod::Transfer,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PaymentMethod::Cash => "cash",
            PaymentMethod::Qris => "qris",
            PaymentMethod::Transfer => "transfer",
            PaymentMethod::Tab => "tab",
        }
    }
}

impl FromStr for PaymentMethod {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        PaymentMethod::ALL
            .into_iter()
            .find(|m| m.code() == s)
            .ok_or(())
    }
}

impl fmt::Display for PaymentMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One payment towards a sale. `amount` is what it pays of the total;
/// `tendered − change = amount` always, and only cash gives change. A tab payment names
/// the customer whose tab it goes on, and only a tab payment does.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub method: PaymentMethod,
    pub amount: Rupiah,
    pub tendered: Rupiah,
    pub change: Rupiah,
    #[serde(default)]
    pub customer: Option<i64>,
}

/// More change than this is refused as a typo (or a barcode scanned into the amount field):
/// nobody hands over a million Rupiah more than they owe.
pub const MAX_CHANGE: Rupiah = Rupiah(1_000_000);

/// Why a payment was refused; each becomes a sentence for the attendant.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PayError {
    /// Nothing is left to pay.
    NothingDue,
    /// Cash handed over is less than what is due.
    NotEnoughCash { short: Rupiah },
    /// Cash handed over is implausibly more than what is due (see `MAX_CHANGE`).
    TooMuchCash { due: Rupiah },
    /// QRIS or transfer for other than the exact amount due (they never give change).
    NonCashMustBeExact { due: Rupiah },
    /// A part payment must be more than zero and less than what is due.
    BadPart { due: Rupiah },
}

/// Payments collected so far against a sale's total.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Tender {
    pub total: Rupiah,
    pub payments: Vec<Payment>,
}

impl Tender {
    pub fn new(total: Rupiah) -> Tender {
        Tender {
            total,
            payments: Vec::new(),
        }
    }

    pub fn paid(&self) -> Rupiah {
        self.payments.iter().map(|p| p.amount).sum()
    }

    pub fn remaining(&self) -> Rupiah {
        self.total - self.paid()
    }

    pub fn change(&self) -> Rupiah {
        self.payments.iter().map(|p| p.change).sum()
    }

    pub fn is_settled(&self) -> bool {
        self.remaining() == Rupiah::ZERO
    }

    /// A payment that settles what remains. `typed` empty means the exact amount;
    /// cash may be more (the difference is change), QRIS and transfer must be exact.
    pub fn pay_rest(
        &mut self,
        method: PaymentMethod,
        typed: Option<Rupiah>,
    ) -> Result<Payment, PayError> {
        let due = self.remaining();
        if due <= Rupiah::ZERO {
            return Err(PayError::NothingDue);
        }
        let tendered = typed.unwrap_or(due);
        let payment = match method {
            PaymentMethod::Cash if tendered < due => {
                return Err(PayError::NotEnoughCash {
                    short: due - tendered,
                });
            }
            PaymentMethod::Cash if tendered - due > MAX_CHANGE => {
                return Err(PayError::TooMuchCash { due });
            }
            PaymentMethod::Cash => Payment {
                method,
                amount: due,
                tendered,
                change: tendered - due,
                customer: None,
            },
            _ if tendered != due => return Err(PayError::NonCashMustBeExact { due }),
            _ => Payment {
                method,
                amount: due,
                tendered,
                change: Rupiah::ZERO,
                customer: None,
            },
        };
        self.payments.push(payment);
        Ok(payment)
    }

    /// A part of a split payment: more than zero, less than what remains, no change.
    pub fn pay_part(&mut self, method: PaymentMethod, amount: Rupiah) -> Result<Payment, PayError> {
        let due = self.remaining();
        if due <= Rupiah::ZERO {
            return Err(PayError::NothingDue);
        }
        if amount <= Rupiah::ZERO || amount >= due {
            return Err(PayError::BadPart { due });
        }
        let payment = Payment {
            method,
            amount,
            tendered: amount,
            change: Rupiah::ZERO,
            customer: None,
        };
        self.payments.push(payment);
        Ok(payment)
    }

    /// Puts `amount` (or, with `None`, all that remains) on `customer`'s tab: the rest of
    /// the sale, or a part of a split when less than what remains.
    pub fn pay_tab(&mut self, customer: i64, amount: Option<Rupiah>) -> Result<Payment, PayError> {
        let due = self.remaining();
        let payment = match amount {
            Some(amount) if amount < due => self.pay_part(PaymentMethod::Tab, amount)?,
            amount => self.pay_rest(PaymentMethod::Tab, amount)?,
        };
        let last = self.payments.last_mut().expect("a payment was just taken");
        last.customer = Some(customer);
        Ok(Payment {
            customer: Some(customer),
            ..payment
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn cash_gives_change_and_empty_means_exact() {
        let mut t = Tender::new(Rupiah(37_500));
        let p = t
            .pay_rest(PaymentMethod::Cash, Some(Rupiah(50_000)))
            .unwrap();
        assert_eq!(
            (p.amount, p.tendered, p.change),
            (Rupiah(37_500), Rupiah(50_000), Rupiah(12_500))
        );
        assert!(t.is_settled());
        let mut t = Tender::new(Rupiah(37_500));
        assert_eq!(
            t.pay_rest(PaymentMethod::Cash, None).unwrap().change,
            Rupiah::ZERO
        );
    }

    #[test]
    fn refusals_leave_the_tender_as_it_was() {
        let mut t = Tender::new(Rupiah(37_500));
        assert_eq!(
            t.pay_rest(PaymentMethod::Cash, Some(Rupiah(20_000))),
            Err(PayError::NotEnoughCash {
                short: Rupiah(17_500)
            })
        );
        assert_eq!(
            t.pay_rest(PaymentMethod::Qris, Some(Rupiah(40_000))),
            Err(PayError::NonCashMustBeExact {
                due: Rupiah(37_500)
            })
        );
        assert_eq!(
            t.pay_part(PaymentMethod::Cash, Rupiah(37_500)),
            Err(PayError::BadPart {
                due: Rupiah(37_500)
            })
        );
        assert_eq!(
            t.pay_part(PaymentMethod::Cash, Rupiah(0)),
            Err(PayError::BadPart {
                due: Rupiah(37_500)
            })
        );
        assert!(t.payments.is_empty());
    }

    #[test]
    fn split_then_settle() {
        let mut t = Tender::new(Rupiah(100_000));
        t.pay_part(PaymentMethod::Cash, Rupiah(40_000)).unwrap();
        assert_eq!(t.remaining(), Rupiah(60_000));
        t.pay_rest(PaymentMethod::Qris, None).unwrap();
        assert!(t.is_settled());
        assert_eq!(
            t.pay_rest(PaymentMethod::Cash, None),
            Err(PayError::NothingDue)
        );
    }

    #[test]
    fn a_tab_payment_names_its_customer_and_may_be_a_part() {
        let mut t = Tender::new(Rupiah(30_000));
        t.pay_part(PaymentMethod::Cash, Rupiah(10_000)).unwrap();
        let part = t.pay_tab(7, Some(Rupiah(5_000))).unwrap();
        assert_eq!((part.amount, part.customer), (Rupiah(5_000), Some(7)));
        assert_eq!(t.remaining(), Rupiah(15_000));
        assert_eq!(
            t.pay_tab(7, Some(Rupiah(20_000))),
            Err(PayError::NonCashMustBeExact {
                due: Rupiah(15_000)
            })
        );
        let rest = t.pay_tab(7, None).unwrap();
        assert_eq!((rest.amount, rest.change), (Rupiah(15_000), Rupiah::ZERO));
        assert!(t.is_settled());
        let customers: Vec<_> = t.payments.iter().map(|p| p.customer).collect();
        assert_eq!(customers, [None, Some(7), Some(7)]);
    }

    proptest! {
        /// Whatever the attendant does, a settled tender's payments (net of change) sum to
        /// the total, and every payment's tendered minus change is its amount.
        #[test]
        fn settled_payments_sum_to_the_total(
            total in 1i64..=50_000_000,
            steps in proptest::collection::vec((0usize..3, any::<bool>(), 0i64..=60_000_000), 0..6),
        ) {
            let mut t = Tender::new(Rupiah(total));
            for (m, part, amount) in steps {
                let method = PaymentMethod::ALL[m];
                let _ = if part { t.pay_part(method, Rupiah(amount)) } else { t.pay_rest(method, Some(Rupiah(amount))) };
                prop_assert!(t.paid() <= t.total);
            }
            let _ = t.pay_rest(PaymentMethod::Cash, None);
            prop_assert!(t.is_settled());
            prop_assert_eq!(t.paid(), Rupiah(total));
            for p in &t.payments {
                prop_assert_eq!(p.tendered - p.change, p.amount);
                prop_assert!(p.amount > Rupiah::ZERO);
                prop_assert!(p.method == PaymentMethod::Cash || p.change == Rupiah::ZERO);
            }
        }
    }
}
