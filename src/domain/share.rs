//! The commission split: how a line's money divides between producer and corner, rounded once.

use std::fmt;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use super::money::{Rupiah, decimal_text, round_rupiah};
use super::quantity::Quantity;

/// A commission rate kept in basis points (12.5 % = 1250) so it stores as INTEGER exactly.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Rate(u32);

impl Rate {
    pub const MAX_BASIS_POINTS: u32 = 10_000;

    pub fn from_basis_points(bp: u32) -> Option<Rate> {
        (bp <= Self::MAX_BASIS_POINTS).then_some(Rate(bp))
    }

    pub fn basis_points(self) -> u32 {
        self.0
    }

    /// Reads a percentage as people write it: `15`, `12,5`, `12.5`, `12,5 %`.
    /// At most two decimals (a basis point); more would be silently lost, so it is refused.
    pub fn parse_percent(text: &str) -> Option<Rate> {
        let number = text.trim().trim_end_matches('%').trim().replace(',', ".");
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            return None;
        }
        let percent = Decimal::from_str_exact(&number).ok()?.normalize();
        if percent.scale() > 2 {
            return None;
        }
        let bp = (percent * Decimal::from(100)).to_u32()?;
        Rate::from_basis_points(bp)
    }

    /// The rate as a fraction: 1250 bp → 0.125.
    pub fn fraction(self) -> Decimal {
        Decimal::new(i64::from(self.0), 4)
    }
}

impl fmt::Display for Rate {
    /// `12,5 %`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} %", decimal_text(Decimal::new(i64::from(self.0), 2)))
    }
}

/// How a product's sale is shared, frozen onto each line when it is sold.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "scheme", rename_all = "snake_case")]
pub enum ShareRule {
    /// The corner keeps `rate` of the line total; the producer gets the rest.
    Percentage { rate: Rate },
    /// The producer gets a fixed price per unit (harga setor); the corner keeps the margin.
    ProducerPrice { price: Rupiah },
}

/// A line's money as recorded: both shares are frozen, and always sum to the total.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineAmounts {
    pub total: Rupiah,
    pub producer_share: Rupiah,
    pub corner_share: Rupiah,
}

/// Line total = round(unit price × quantity).
pub fn line_total(unit_price: Rupiah, quantity: Quantity) -> Rupiah {
    round_rupiah(unit_price.to_decimal() * quantity.as_decimal())
}

/// Producer share = round(total × (1 − rate)), or round(producer price × quantity).
pub fn producer_share(total: Rupiah, quantity: Quantity, rule: ShareRule) -> Rupiah {
    match rule {
        ShareRule::Percentage { rate } => {
            round_rupiah(total.to_decimal() * (Decimal::ONE - rate.fraction()))
        }
        ShareRule::ProducerPrice { price } => {
            round_rupiah(price.to_decimal() * quantity.as_decimal())
        }
    }
}

/// What goods the corner lost or broke are worth to their producer: the share they would
/// have had selling `quantity` at `price` (today's), rounded once — round(price × quantity
/// × (1 − rate)), or round(producer price × quantity). Unlike a sale line there is no line
/// total rounded first: nothing was sold.
pub fn loss_share(price: Rupiah, quantity: Quantity, rule: ShareRule) -> Rupiah {
    match rule {
        ShareRule::Percentage { rate } => round_rupiah(
            price.to_decimal() * quantity.as_decimal() * (Decimal::ONE - rate.fraction()),
        ),
        ShareRule::ProducerPrice { price } => {
            round_rupiah(price.to_decimal() * quantity.as_decimal())
        }
    }
}

/// Everything a sale line records about money; the corner's share is what remains, so
/// the two shares cannot fail to add up.
pub fn split_line(unit_price: Rupiah, quantity: Quantity, rule: ShareRule) -> LineAmounts {
    let total = line_total(unit_price, quantity);
    let producer_share = producer_share(total, quantity, rule);
    LineAmounts {
        total,
        producer_share,
        corner_share: total - producer_share,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::quantity::{MAX_QUANTITY, MILLI};
    use proptest::prelude::*;

    fn pct(bp: u32) -> ShareRule {
        ShareRule::Percentage {
            rate: Rate::from_basis_points(bp).unwrap(),
        }
    }

    #[test]
    fn worked_examples() {
        // 3 × Rp 2.500 at 12,5 %: corner 937,5 → producer 6.562,5 rounds to 6.563.
        let a = split_line(Rupiah(2_500), Quantity::whole(3), pct(1250));
        assert_eq!(
            a,
            LineAmounts {
                total: Rupiah(7_500),
                producer_share: Rupiah(6_563),
                corner_share: Rupiah(937)
            }
        );
        // 1,25 kg beras at Rp 14.500/kg = 18.125; producer price Rp 13.000/kg → 16.250.
        let b = split_line(
            Rupiah(14_500),
            Quantity::from_milli(1_250),
            ShareRule::ProducerPrice {
                price: Rupiah(13_000),
            },
        );
        assert_eq!(
            b,
            LineAmounts {
                total: Rupiah(18_125),
                producer_share: Rupiah(16_250),
                corner_share: Rupiah(1_875)
            }
        );
        // 0,333 kg at Rp 1.500: 499,5 rounds up, not to even.
        assert_eq!(
            line_total(Rupiah(1_500), Quantity::from_milli(333)),
            Rupiah(500)
        );
        assert_eq!(Rate::from_basis_points(1250).unwrap().to_string(), "12,5 %");
        assert!(Rate::from_basis_points(10_001).is_none());
        assert_eq!(
            Rate::parse_percent("15").map(Rate::basis_points),
            Some(1500)
        );
        assert_eq!(
            Rate::parse_percent("12,5 %").map(Rate::basis_points),
            Some(1250)
        );
        assert_eq!(
            Rate::parse_percent("12.25").map(Rate::basis_points),
            Some(1225)
        );
        assert_eq!(Rate::parse_percent("0").map(Rate::basis_points), Some(0));
        for bad in ["", "-5", "101", "12,345", "abc", "1e2"] {
            assert!(Rate::parse_percent(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn a_loss_is_rounded_once_half_away_from_zero() {
        // 0,333 kg at Rp 1.500 at 10 %: 449,55 → 450 (a sale would round 499,5 → 500 first,
        // then 450 as well; at 12,5 % a sale gives 437,5 → 438, the loss 437,0625 → 437).
        let kg = Quantity::from_milli(333);
        assert_eq!(loss_share(Rupiah(1_500), kg, pct(1000)), Rupiah(450));
        assert_eq!(loss_share(Rupiah(1_500), kg, pct(1250)), Rupiah(437));
        assert_eq!(
            split_line(Rupiah(1_500), kg, pct(1250)).producer_share,
            Rupiah(438)
        );
        // 3 × Rp 2.500 at 12,5 %: 6.562,5 rounds up, not to even.
        assert_eq!(
            loss_share(Rupiah(2_500), Quantity::whole(3), pct(1250)),
            Rupiah(6_563)
        );
        // A producer price ignores the selling price.
        let rule = ShareRule::ProducerPrice {
            price: Rupiah(13_000),
        };
        assert_eq!(
            loss_share(Rupiah(99_999), Quantity::from_milli(1_250), rule),
            Rupiah(16_250)
        );
    }

    fn any_rule() -> impl Strategy<Value = ShareRule> {
        prop_oneof![
            (0u32..=Rate::MAX_BASIS_POINTS).prop_map(pct),
            (1i64..=1_000_000).prop_map(|p| ShareRule::ProducerPrice { price: Rupiah(p) }),
        ]
    }

    proptest! {
        #[test]
        fn shares_always_sum_to_the_line_total(
            price in 1i64..=10_000_000,
            milli in 1i64..=MAX_QUANTITY * MILLI,
            rule in any_rule(),
        ) {
            let q = Quantity::from_milli(milli);
            let a = split_line(Rupiah(price), q, rule);
            prop_assert_eq!(a.producer_share + a.corner_share, a.total);
            prop_assert_eq!(a.total, line_total(Rupiah(price), q));
        }

        #[test]
        fn a_loss_is_within_half_a_rupiah_of_the_exact_share(
            price in 1i64..=10_000_000,
            milli in 1i64..=MAX_QUANTITY * MILLI,
            rule in any_rule(),
        ) {
            let q = Quantity::from_milli(milli);
            let exact = match rule {
                ShareRule::Percentage { rate } => {
                    Rupiah(price).to_decimal() * q.as_decimal() * (Decimal::ONE - rate.fraction())
                }
                ShareRule::ProducerPrice { price } => price.to_decimal() * q.as_decimal(),
            };
            let loss = loss_share(Rupiah(price), q, rule);
            prop_assert!(loss >= Rupiah::ZERO);
            prop_assert!((loss.to_decimal() - exact).abs() <= Decimal::new(5, 1));
        }

        #[test]
        fn percentage_shares_stay_within_the_total(
            price in 1i64..=10_000_000,
            milli in 1i64..=MAX_QUANTITY * MILLI,
            bp in 0u32..=Rate::MAX_BASIS_POINTS,
        ) {
            let a = split_line(Rupiah(price), Quantity::from_milli(milli), pct(bp));
            prop_assert!(a.producer_share >= Rupiah::ZERO && a.corner_share >= Rupiah::ZERO);
            // The corner's share is within half a Rupiah of the exact commission.
            let exact = a.total.to_decimal() * Rate::from_basis_points(bp).unwrap().fraction();
            prop_assert!((a.corner_share.to_decimal() - exact).abs() <= Decimal::new(5, 1));
        }

        #[test]
        fn whole_quantities_are_exact(price in 1i64..=10_000_000, n in 1i64..=MAX_QUANTITY) {
            prop_assert_eq!(line_total(Rupiah(price), Quantity::whole(n)), Rupiah(price * n));
        }
    }
}
