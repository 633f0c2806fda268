//! Returning part of a sale (*retur sebagian*): how much of each frozen line a part takes
//! back, and the entry as recorded.
//!
//! A part reverses the line's frozen amounts in proportion to the quantity, rounded half away
//! from zero, but over everything returned of the line so far: a part reverses
//! round(frozen × returned after / sold) − round(frozen × returned before / sold). So the
//! parts of a line never reverse more than it froze, and a line returned in full, in any
//! number of parts, reverses exactly what it froze (the part that completes it takes what
//! remains).

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::cash::RefundMethod;
use super::money::{Rupiah, round_rupiah};
use super::quantity::{Quantity, Unit};
use super::share::LineAmounts;

/// `amount` × `part` / `whole`, rounded half away from zero; exactly `amount` for the whole.
fn in_proportion(amount: Rupiah, part: i64, whole: i64) -> Rupiah {
    if part == whole {
        return amount;
    }
    round_rupiah(
        amount.to_decimal() * rust_decimal::Decimal::from(part)
            / rust_decimal::Decimal::from(whole),
    )
}

/// What returning `part` of a line reverses, when the line froze `frozen` for `sold` and
/// `before` of it was returned already (quantities in thousandths). The corner's part is
/// what remains of the total's part, so the two always add up to it.
pub fn reverse_part(frozen: LineAmounts, sold: i64, before: i64, part: i64) -> LineAmounts {
    let after = before + part;
    let total = in_proportion(frozen.total, sold.min(after), sold)
        - in_proportion(frozen.total, before, sold);
    let producer_share = in_proportion(frozen.producer_share, sold.min(after), sold)
        - in_proportion(frozen.producer_share, before, sold);
    LineAmounts {
        total,
        producer_share,
        corner_share: total - producer_share,
    }
}

/// One line of a sale being returned: which line (its number on the receipt, from 1) and
/// how much of it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PartRequest {
    pub line_no: i64,
    pub quantity: Quantity,
}

/// A line of a recorded return: the sale line it names and what it reversed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReturnLine {
    pub line_no: i64,
    pub product_id: i64,
    pub code: String,
    pub name: String,
    pub unit: Unit,
    pub producer_code: String,
    /// A JSON number, as the day report's other quantities (`1`, `0.5`).
    #[serde(serialize_with = "super::sale::quantity_as_number")]
    pub quantity: Quantity,
    pub amounts: LineAmounts,
}

/// Part of a sale taken back: of the open day (a partial void) or of a closed day (a partial
/// correction), recorded on the open day, its goods back in stock and its money back by
/// `refund_method`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SaleReturn {
    pub id: i64,
    pub sale_id: i64,
    /// The sale's day and number, as its receipt shows them.
    pub sale_date: NaiveDate,
    pub sale_number: i64,
    /// The business day it was recorded on.
    pub day_date: NaiveDate,
    pub refund_method: RefundMethod,
    pub at: NaiveDateTime,
    pub attendant: String,
    pub reason: String,
    pub lines: Vec<ReturnLine>,
    /// The short chain head of the transaction that recorded it, for its slip.
    #[serde(skip)]
    pub chain_head: Option<String>,
}

impl SaleReturn {
    /// The money handed back: the returned lines' totals.
    pub fn amount(&self) -> Rupiah {
        self.lines.iter().map(|l| l.amounts.total).sum()
    }

    /// Whether it took back part of a sale of an earlier, closed day.
    pub fn corrects_closed_day(&self) -> bool {
        self.sale_date != self.day_date
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::share::{Rate, ShareRule, split_line};
    use proptest::prelude::*;

    fn amounts(total: i64, producer: i64) -> LineAmounts {
        LineAmounts {
            total: Rupiah(total),
            producer_share: Rupiah(producer),
            corner_share: Rupiah(total - producer),
        }
    }

    #[test]
    fn worked_examples() {
        // 3 × Rp 2.500 at 12,5 %: producer 6.563, corner 937. One back: 2.187,67 → 2.188.
        let line = amounts(7_500, 6_563);
        assert_eq!(reverse_part(line, 3_000, 0, 1_000), amounts(2_500, 2_188));
        // The second: 4.375,33 − 2.188 → 2.187; the third takes what remains.
        assert_eq!(
            reverse_part(line, 3_000, 1_000, 1_000),
            amounts(2_500, 2_187)
        );
        assert_eq!(
            reverse_part(line, 3_000, 2_000, 1_000),
            amounts(2_500, 2_188)
        );
        // Half of a Rp 5 share is 2,5: away from zero, 3.
        assert_eq!(reverse_part(amounts(5, 5), 2_000, 0, 1_000), amounts(3, 3));
    }

    /// Parts one at a time, each rounding up on its own, would reverse 4 of a share of 3;
    /// over what was returned so far they cannot.
    #[test]
    fn parts_never_reverse_more_than_the_line_froze() {
        let line = amounts(3, 3);
        let parts: Vec<_> = (0..5)
            .map(|i| reverse_part(line, 5_000, i * 1_000, 1_000).producer_share)
            .collect();
        assert_eq!(parts.iter().copied().sum::<Rupiah>(), Rupiah(3));
        assert!(parts.iter().all(|p| *p >= Rupiah::ZERO));
    }

    /// A sold line (any price, quantity and share rule) split into random parts.
    fn any_line_and_parts() -> impl Strategy<Value = (LineAmounts, i64, Vec<i64>)> {
        let rule = prop_oneof![
            (0u32..=10_000).prop_map(|bp| ShareRule::Percentage {
                rate: Rate::from_basis_points(bp).unwrap()
            }),
            (1i64..=50_000).prop_map(|p| ShareRule::ProducerPrice { price: Rupiah(p) }),
        ];
        (
            1i64..=200_000,
            1i64..=20_000,
            rule,
            proptest::collection::vec(1u32..1_000, 1..12),
        )
            .prop_map(|(price, sold, rule, weights)| {
                let frozen = split_line(Rupiah(price), Quantity::from_milli(sold), rule);
                // Cut `sold` into parts in proportion to the weights; every part at least 1.
                let mut cuts: Vec<i64> = Vec::new();
                let sum: i64 = weights.iter().map(|w| i64::from(*w)).sum();
                let mut acc = 0i64;
                for w in &weights {
                    acc += i64::from(*w);
                    cuts.push(sold * acc / sum);
                }
                cuts.dedup();
                let mut parts = Vec::new();
                let mut before = 0;
                for cut in cuts {
                    if cut > before {
                        parts.push(cut - before);
                        before = cut;
                    }
                }
                (frozen, sold, parts)
            })
    }

    proptest! {
        /// A line returned in full, in any number of parts, reverses exactly its frozen
        /// shares; no part reverses a negative total or producer share, each part's shares
        /// add up to its total, and no prefix reverses more than the line froze.
        #[test]
        fn a_line_returned_in_full_reverses_exactly_what_it_froze(
            (frozen, sold, parts) in any_line_and_parts()
        ) {
            prop_assert_eq!(parts.iter().sum::<i64>(), sold);
            let mut before = 0;
            let mut reversed = amounts(0, 0);
            for part in parts {
                let r = reverse_part(frozen, sold, before, part);
                prop_assert!(r.total >= Rupiah::ZERO && r.producer_share >= Rupiah::ZERO);
                prop_assert_eq!(r.producer_share + r.corner_share, r.total);
                reversed.total += r.total;
                reversed.producer_share += r.producer_share;
                reversed.corner_share += r.corner_share;
                prop_assert!(reversed.total <= frozen.total);
                prop_assert!(reversed.producer_share <= frozen.producer_share);
                before += part;
            }
            prop_assert_eq!(reversed, frozen);
        }

        /// A part on its own reverses the share in proportion, rounded half away from zero:
        /// the first part of a line is exactly round(frozen × part / sold).
        #[test]
        fn a_first_part_is_the_rounded_proportion(
            (frozen, sold, parts) in any_line_and_parts()
        ) {
            let part = parts[0];
            let r = reverse_part(frozen, sold, 0, part);
            let exact = frozen.producer_share.to_decimal() * rust_decimal::Decimal::from(part)
                / rust_decimal::Decimal::from(sold);
            let rounded = exact.round_dp_with_strategy(
                0,
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            );
            prop_assert_eq!(r.producer_share.to_decimal(), rounded);
        }
    }
}
