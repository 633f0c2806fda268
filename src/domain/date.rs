//! Dates as an Indonesian office writes them: `2026-11-23`, or day first, `23-11-2026` and
//! `23/11/2026`. One reader for the command line, the audit filter, CSV files and the till.

use chrono::NaiveDate;

const FORMATS: [&str; 3] = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"];

/// The date `text` (trimmed) spells in one of the accepted forms, if any.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    FORMATS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_orders_and_both_separators_read_the_same_day() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23);
        for text in ["2026-11-23", "23-11-2026", "23/11/2026", " 23/11/2026 "] {
            assert_eq!(parse_date(text), day, "{text}");
        }
        for text in ["", "2026-21-11", "31-02-2026", "23.11.2026", "23/11"] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }
}
