//! The corner's own barcodes for goods that come without one (cakes, eggs by the kg,
//! T-shirts by size): EAN-13 codes in the `20` prefix, which GS1 keeps for use inside a
//! shop, so they never clash with a maker's barcode.

/// The prefix of the corner's own codes.
pub const INTERNAL_PREFIX: &str = "20";

/// The EAN-13 check digit of twelve digits: weights 1, 3, 1, 3 … from the left.
pub fn ean13_check_digit(digits: &[u8; 12]) -> u8 {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| u32::from(*d) * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// The corner's own code number `n` (0 ..= 9 999 999 999) as 13 digits: `20`, `n` in ten
/// digits, the check digit.
pub fn internal_ean13(n: u64) -> String {
    let body = format!("{INTERNAL_PREFIX}{:010}", n % 10_000_000_000);
    let mut digits = [0u8; 12];
    for (slot, c) in digits.iter_mut().zip(body.bytes()) {
        *slot = c - b'0';
    }
    format!("{body}{}", ean13_check_digit(&digits))
}

/// Whether `barcode` is one of the corner's own codes (a label sheet gave it).
pub fn is_internal(barcode: &str) -> bool {
    barcode.len() == 13
        && barcode.starts_with(INTERNAL_PREFIX)
        && barcode.bytes().all(|b| b.is_ascii_digit())
        && {
            let mut digits = [0u8; 12];
            for (slot, b) in digits.iter_mut().zip(barcode.bytes()) {
                *slot = b - b'0';
            }
            ean13_check_digit(&digits) == barcode.as_bytes()[12] - b'0'
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_check_digits() {
        // Barcodes from real packets (and the demo's).
        for code in ["8998201000016", "4006381333931", "9780201379624"] {
            let mut digits = [0u8; 12];
            for (slot, b) in digits.iter_mut().zip(code.bytes()) {
                *slot = b - b'0';
            }
            assert_eq!(
                ean13_check_digit(&digits),
                code.as_bytes()[12] - b'0',
                "{code}"
            );
        }
        assert_eq!(internal_ean13(17), "2000000000176");
        assert!(is_internal("2000000000176"));
        assert!(!is_internal("2000000000175"), "a wrong check digit");
        assert!(!is_internal("8998201000016"), "a maker's code");
    }

    proptest! {
        /// Every internal code is a valid EAN-13 for the barcode encoder, starts with 20, and
        /// different numbers give different codes.
        #[test]
        fn internal_codes_are_valid_and_distinct(a in 0u64..10_000_000_000, b in 0u64..10_000_000_000) {
            let code = internal_ean13(a);
            prop_assert!(is_internal(&code));
            prop_assert!(barcoders::sym::ean13::EAN13::new(&code).is_ok(), "{}", code);
            prop_assert_eq!(a == b, code == internal_ean13(b));
        }
    }
}
