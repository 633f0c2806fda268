//! How values read on paper and on screen: dates, payment methods, and text made safe to print.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use unicode_width::UnicodeWidthChar;

use crate::domain::PaymentMethod;
use crate::strings::Lang;

/// `22 Nov 2026` (`22 Agu 2026` in Indonesian).
pub fn date(day: NaiveDate, lang: Lang) -> String {
    let month = lang.text().print.months[day.month0() as usize];
    format!("{} {month} {}", day.day(), day.year())
}

/// `09:41`: the time of a sale, on receipts and on screen.
pub fn time(at: NaiveDateTime) -> String {
    at.format("%H:%M").to_string()
}

/// `23 Nov 2026 09:41`.
pub fn date_time(at: NaiveDateTime, lang: Lang) -> String {
    format!("{} {}", date(at.date(), lang), time(at))
}

/// `Tunai`, `QRIS`, `Transfer`: on printouts and on screen.
pub fn payment_method(method: PaymentMethod, lang: Lang) -> &'static str {
    let text = &lang.text().print;
    match method {
        PaymentMethod::Cash => text.cash,
        PaymentMethod::Qris => text.qris,
        PaymentMethod::Transfer => text.transfer,
        PaymentMethod::Tab => lang.text().till.tab,
    }
}

/// The text with every control character removed. Names come from CSV files and people's
/// typing; a stray ESC would be obeyed by a thermal printer as a command. Tabs and line breaks
/// become spaces so the words on either side stay apart.
pub fn printable(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                c.is_whitespace().then_some(' ')
            } else {
                Some(c)
            }
        })
        .collect()
}

/// Columns the text takes on paper: a printer advances per character, so this is the sum of
/// each character's width (two for wide CJK, none for combining marks).
pub fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

pub(crate) fn char_width(c: char) -> usize {
    // Control characters never reach a renderer (see `printable`); counting them as one
    // column keeps the sum an upper bound if one ever did.
    c.width().unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_languages() {
        let day = NaiveDate::from_ymd_opt(2026, 8, 2).unwrap();
        assert_eq!(date(day, Lang::Id), "2 Agu 2026");
        assert_eq!(date(day, Lang::En), "2 Aug 2026");
        let at = NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(9, 41, 7)
            .unwrap();
        assert_eq!(date_time(at, Lang::Id), "23 Nov 2026 09:41");
        assert_eq!(time(at.date().and_hms_opt(7, 5, 59).unwrap()), "07:05");
        let months: Vec<String> = (1..=12)
            .map(|m| date(NaiveDate::from_ymd_opt(2026, m, 1).unwrap(), Lang::Id))
            .collect();
        assert_eq!(months[4], "1 Mei 2026");
        assert_eq!(months[11], "1 Des 2026");
    }

    #[test]
    fn control_characters_are_removed() {
        assert_eq!(printable("Kopi\u{1b}@ Robusta"), "Kopi@ Robusta");
        assert_eq!(printable("Kopi\tRobusta\r\n"), "Kopi Robusta  ");
        assert_eq!(printable("a\u{7f}\u{9b}b\u{0}"), "ab");
        assert_eq!(printable("Sambal Roa Bu Éna"), "Sambal Roa Bu Éna");
    }

    #[test]
    fn width_counts_columns() {
        assert_eq!(display_width("Rp 15.000"), 9);
        assert_eq!(display_width("咖啡"), 4);
        assert_eq!(display_width("e\u{301}"), 1);
    }
}
