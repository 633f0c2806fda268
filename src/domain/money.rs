//! Whole-Rupiah amounts: the one rounding rule, and Indonesian parsing and formatting.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// The largest amount the kiosk accepts as input: a trillion Rupiah is far beyond any
/// corner's day, and keeping inputs well inside i64 keeps every sum and product exact.
pub const MAX_INPUT: i64 = 1_000_000_000_000;

/// A whole number of Rupiah. Stored as INTEGER; never a float.
#[derive(
    Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Rupiah(pub i64);

impl Rupiah {
    pub const ZERO: Rupiah = Rupiah(0);

    pub fn new(value: i64) -> Rupiah {
        Rupiah(value)
    }

    pub fn value(self) -> i64 {
        self.0
    }

    pub fn to_decimal(self) -> Decimal {
        Decimal::from(self.0)
    }

    pub fn is_positive(self) -> bool {
        self.0 > 0
    }
}

/// The single rounding rule of the shop: half away from zero to whole Rupiah.
/// (`Decimal::round` would be banker's rounding, which producers would not recognise.)
pub fn round_rupiah(value: Decimal) -> Rupiah {
    let rounded = value.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    Rupiah(
        rounded
            .to_i64()
            .expect("amounts are bounded by input validation"),
    )
}

impl Add for Rupiah {
    type Output = Rupiah;
    fn add(self, rhs: Rupiah) -> Rupiah {
        Rupiah(self.0 + rhs.0)
    }
}

impl AddAssign for Rupiah {
    fn add_assign(&mut self, rhs: Rupiah) {
        self.0 += rhs.0;
    }
}

impl Sub for Rupiah {
    type Output = Rupiah;
    fn sub(self, rhs: Rupiah) -> Rupiah {
        Rupiah(self.0 - rhs.0)
    }
}

impl SubAssign for Rupiah {
    fn sub_assign(&mut self, rhs: Rupiah) {
        self.0 -= rhs.0;
    }
}

impl Neg for Rupiah {
    type Output = Rupiah;
    fn neg(self) -> Rupiah {
        Rupiah(-self.0)
    }
}

impl Sum for Rupiah {
    fn sum<I: Iterator<Item = Rupiah>>(iter: I) -> Rupiah {
        iter.fold(Rupiah::ZERO, Add::add)
    }
}

/// Groups digits by thousands with dots, the Indonesian way: 1234567 → "1.234.567".
pub fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

impl fmt::Display for Rupiah {
    /// `Rp 15.000`, or `-Rp 15.000` for a reversal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let text = format!("{sign}Rp {}", group_thousands(self.0.unsigned_abs()));
        f.pad(&text)
    }
}

/// Writes a quantity or a rate with a decimal comma: `1.25` → `1,25`, trailing zeros dropped.
/// No thousands dots: quantities stay below 10.000 and `1.250` would read as 1,25 kg.
pub fn decimal_text(value: Decimal) -> String {
    value.normalize().to_string().replace('.', ",")
}

/// Why a typed amount or quantity was refused. The UI turns each into a sentence.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("empty")]
    Empty,
    #[error("negative")]
    Negative,
    #[error("zero")]
    Zero,
    #[error("not a number")]
    NotANumber,
    #[error("too large")]
    TooLarge,
    #[error("too many decimals")]
    TooManyDecimals,
}

/// Parses an amount typed by a person: `15000`, `15.000`, `Rp 15.000`, `rp15.000`, `15,000`.
/// Dots, commas and spaces between digit groups are thousands separators; a group after
/// the first must have exactly three digits, so `15.5` is refused rather than guessed at.
/// Zero is accepted (an opening float may be nothing); callers that need more say so.
pub fn parse_amount(input: &str) -> Result<Rupiah, ParseError> {
    let mut text = input.trim();
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    if let Some(rest) = text.strip_prefix('-') {
        if rest
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == 'R' || c == 'r')
        {
            return Err(ParseError::Negative);
        }
        return Err(ParseError::NotANumber);
    }
    if text
        .as_bytes()
        .get(..2)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"rp"))
    {
        text = text[2..].trim_start();
        if let Some(rest) = text.strip_prefix('.') {
            text = rest.trim_start();
        }
    }
    if text.starts_with('-') {
        return Err(ParseError::Negative);
    }
    // A trailing ",-" or ",00" is how prices are often written on paper: Rp 15.000,-
    let text = text
        .strip_suffix(",-")
        .or_else(|| text.strip_suffix(",00"))
        .unwrap_or(text);
    if text.is_empty() {
        return Err(ParseError::NotANumber);
    }
    let groups: Vec<&str> = text.split(['.', ',', ' ']).collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(ParseError::NotANumber);
    }
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return Err(ParseError::NotANumber);
    }
    let digits: String = groups.concat();
    let digits = digits.trim_start_matches('0');
    if digits.len() > 13 {
        return Err(ParseError::TooLarge);
    }
    let value: i64 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| ParseError::TooLarge)?
    };
    if value > MAX_INPUT {
        return Err(ParseError::TooLarge);
    }
    Ok(Rupiah(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formats_the_indonesian_way() {
        assert_eq!(Rupiah(0).to_string(), "Rp 0");
        assert_eq!(Rupiah(500).to_string(), "Rp 500");
        assert_eq!(Rupiah(15_000).to_string(), "Rp 15.000");
        assert_eq!(Rupiah(1_234_567).to_string(), "Rp 1.234.567");
        assert_eq!(Rupiah(-15_000).to_string(), "-Rp 15.000");
        assert_eq!(format!("{:>12}", Rupiah(15_000)), "   Rp 15.000");
    }

    #[test]
    fn parses_plain_and_indonesian_notation() {
        for text in [
            "15000",
            "15.000",
            "Rp 15.000",
            "rp15.000",
            "Rp. 15.000",
            " 15 000 ",
            "15,000",
            "Rp 15.000,-",
            "15.000,00",
        ] {
            assert_eq!(parse_amount(text), Ok(Rupiah(15_000)), "{text}");
        }
        assert_eq!(parse_amount("0"), Ok(Rupiah(0)));
        assert_eq!(parse_amount("1.000.000"), Ok(Rupiah(1_000_000)));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        assert_eq!(parse_amount(""), Err(ParseError::Empty));
        assert_eq!(parse_amount("   "), Err(ParseError::Empty));
        assert_eq!(parse_amount("-5000"), Err(ParseError::Negative));
        assert_eq!(parse_amount("Rp -5.000"), Err(ParseError::Negative));
        assert_eq!(parse_amount("lima ribu"), Err(ParseError::NotANumber));
        assert_eq!(parse_amount("15.5"), Err(ParseError::NotANumber));
        assert_eq!(parse_amount("1.5000"), Err(ParseError::NotANumber));
        assert_eq!(parse_amount("12a"), Err(ParseError::NotANumber));
        assert_eq!(parse_amount("Rp"), Err(ParseError::NotANumber));
        assert_eq!(parse_amount("1..000"), Err(ParseError::NotANumber));
        // Multi-byte characters where "Rp" might stand must not split a character.
        for text in ["€", "1é", "é1", "Rpé", "r€", "💵100"] {
            assert_eq!(parse_amount(text), Err(ParseError::NotANumber), "{text}");
        }
        assert_eq!(
            parse_amount("99999999999999999999999"),
            Err(ParseError::TooLarge)
        );
        assert_eq!(parse_amount("1000000000001"), Err(ParseError::TooLarge));
    }

    #[test]
    fn rounds_half_away_from_zero_not_to_even() {
        assert_eq!(round_rupiah(Decimal::new(25, 1)), Rupiah(3));
        assert_eq!(round_rupiah(Decimal::new(35, 1)), Rupiah(4));
        assert_eq!(round_rupiah(Decimal::new(-25, 1)), Rupiah(-3));
        assert_eq!(round_rupiah(Decimal::new(24999, 4)), Rupiah(2));
    }

    #[test]
    fn decimals_are_written_with_a_comma() {
        assert_eq!(decimal_text(Decimal::new(125, 2)), "1,25");
        assert_eq!(decimal_text(Decimal::new(9999, 0)), "9999");
        assert_eq!(decimal_text(Decimal::new(12345, 1)), "1234,5");
        assert_eq!(decimal_text(Decimal::new(12500, 3)), "12,5");
        assert_eq!(decimal_text(Decimal::ZERO), "0");
    }

    proptest! {
        #[test]
        fn any_text_is_parsed_or_refused_never_a_panic(text in "\\PC{0,24}") {
            if let Ok(amount) = parse_amount(&text) {
                prop_assert!(amount >= Rupiah::ZERO && amount.0 <= MAX_INPUT);
            }
        }

        #[test]
        fn formatting_then_parsing_gives_the_amount_back(value in 0i64..=MAX_INPUT) {
            let shown = Rupiah(value).to_string();
            prop_assert_eq!(parse_amount(&shown), Ok(Rupiah(value)));
            prop_assert_eq!(parse_amount(&value.to_string()), Ok(Rupiah(value)));
        }

        #[test]
        fn rounding_moves_at_most_half_a_rupiah(units in -10_000_000_000i64..10_000_000_000, scale in 0u32..6) {
            let value = Decimal::new(units, scale);
            let rounded = round_rupiah(value).to_decimal();
            prop_assert!((rounded - value).abs() <= Decimal::new(5, 1));
        }
    }
}
