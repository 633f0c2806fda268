//! What the text on the till's entry line means: a code, `3*CODE`, `1,25*CODE`, or a search.

use super::catalogue::{Catalogue, Product};
use super::money::ParseError;
use super::quantity::{Quantity, parse_quantity};

/// The outcome of pressing Enter on the entry line.
#[derive(Debug, PartialEq, Eq)]
pub enum Entry<'a> {
    /// Nothing typed.
    Empty,
    /// A known code or barcode, with its quantity.
    Add(&'a Product, Quantity),
    /// Text that is no code: open the search list with it.
    Search(String),
    /// `N*CODE` where CODE is not known: a quantity means a code was meant, so no search.
    UnknownCode(String),
    /// `N*CODE` with a quantity that cannot be sold in that product's unit.
    BadQuantity(&'a Product, ParseError),
    /// `N*` with nothing after the star.
    MissingCode,
}

/// Reads the entry line against the catalogue. A bare code adds one; `Q*CODE` adds Q, and so
/// does `CODE*Q` (people write it both ways; a code is never a plain number of pieces).
pub fn read_entry<'a>(text: &str, catalogue: &'a Catalogue) -> Entry<'a> {
    let text = text.trim();
    if text.is_empty() {
        return Entry::Empty;
    }
    match text.split_once('*') {
        Some((quantity, code)) => {
            let (quantity, code) = (quantity.trim(), code.trim());
            if code.is_empty() {
                return Entry::MissingCode;
            }
            let Some(product) = catalogue.lookup(code) else {
                if let Some(product) = catalogue.lookup(quantity) {
                    match parse_quantity(code, product.unit) {
                        Ok(q) => return Entry::Add(product, q),
                        // `KLP*-1`: a quantity was meant, and it is refused as one.
                        Err(ParseError::Negative) => {
                            return Entry::BadQuantity(product, ParseError::Negative);
                        }
                        Err(_) => {}
                    }
                }
                return Entry::UnknownCode(code.to_string());
            };
            match parse_quantity(quantity, product.unit) {
                Ok(q) => Entry::Add(product, q),
                Err(e) => Entry::BadQuantity(product, e),
            }
        }
        None => match catalogue.lookup(text) {
            Some(product) => Entry::Add(product, Quantity::whole(1)),
            None => Entry::Search(text.to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::fixtures::small;

    #[test]
    fn reads_codes_quantities_and_searches() {
        let c = small();
        let klp = c.lookup("KLP").unwrap();
        let brs = c.lookup("BRS").unwrap();
        assert_eq!(read_entry("  ", &c), Entry::Empty);
        assert_eq!(read_entry("klp", &c), Entry::Add(klp, Quantity::whole(1)));
        assert_eq!(
            read_entry("8990000000001", &c),
            Entry::Add(klp, Quantity::whole(1))
        );
        assert_eq!(read_entry("3*KLP", &c), Entry::Add(klp, Quantity::whole(3)));
        assert_eq!(
            read_entry("1,25*BRS", &c),
            Entry::Add(brs, Quantity::from_milli(1_250))
        );
        assert_eq!(read_entry("keripik", &c), Entry::Search("keripik".into()));
        assert_eq!(read_entry("2*XYZ", &c), Entry::UnknownCode("XYZ".into()));
        assert_eq!(
            read_entry("-1*KLP", &c),
            Entry::BadQuantity(klp, ParseError::Negative)
        );
        assert_eq!(
            read_entry("KLP*-1", &c),
            Entry::BadQuantity(klp, ParseError::Negative)
        );
        assert_eq!(
            read_entry("1,5*KLP", &c),
            Entry::BadQuantity(klp, ParseError::TooManyDecimals)
        );
        assert_eq!(
            read_entry("0*KLP", &c),
            Entry::BadQuantity(klp, ParseError::Zero)
        );
        assert_eq!(
            read_entry("-1*KLP", &c),
            Entry::BadQuantity(klp, ParseError::Negative)
        );
        assert_eq!(
            read_entry("*KLP", &c),
            Entry::BadQuantity(klp, ParseError::Empty)
        );
    }
}
