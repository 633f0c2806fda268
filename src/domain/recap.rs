//! The monthly recap for the Dinas: per producer (UMKM) what sold in a period, the shares,
//! the payouts and what the corner owes at its end, with the totals the letter carries.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::money::Rupiah;
use super::quantity::Unit;
use super::stock::StockQuantity;

/// One producer's period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProducerMonth {
    pub code: String,
    pub name: String,
    /// Business days on which a live sale held a line of theirs.
    pub days_with_sales: i64,
    /// Sale lines of live sales.
    pub lines: i64,
    /// Quantities sold, one per unit their products are sold in, in unit order.
    pub sold: Vec<(Unit, StockQuantity)>,
    pub gross: Rupiah,
    pub producer_share: Rupiah,
    pub corner_share: Rupiah,
    /// Producer shares taken back by corrections recorded in the period (of sales of any
    /// earlier day) and by returned parts of sales.
    pub corrected: Rupiah,
    /// What the corner owes for goods it lost or broke in the period.
    pub losses: Rupiah,
    pub paid_out: Rupiah,
    /// What the corner owed them when the period began.
    pub balance_start: Rupiah,
    /// What the corner owes them when the period's last day is over.
    pub balance_end: Rupiah,
}

impl ProducerMonth {
    /// `40 pcs, 3,5 kg`.
    pub fn sold_text(&self) -> String {
        let parts: Vec<String> = self
            .sold
            .iter()
            .map(|(unit, q)| q.with_unit(*unit))
            .collect();
        parts.join(", ")
    }
}

/// The recap of the business days from `from` to `to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MonthRecap {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Business days opened in the period.
    pub business_days: i64,
    /// Producers with sales or payouts in the period, or owed something at its end, by code.
    pub producers: Vec<ProducerMonth>,
    /// The ledger's chain head as the period's last business day left it (short form).
    pub chain_head: Option<String>,
    /// Each business day's takings (its live sales), oldest first: the day reports' totals.
    pub daily: Vec<(NaiveDate, Rupiah)>,
}

impl MonthRecap {
    fn sum(&self, field: impl Fn(&ProducerMonth) -> Rupiah) -> Rupiah {
        self.producers.iter().map(field).sum()
    }

    pub fn gross(&self) -> Rupiah {
        self.sum(|p| p.gross)
    }

    pub fn producer_share(&self) -> Rupiah {
        self.sum(|p| p.producer_share)
    }

    pub fn corner_share(&self) -> Rupiah {
        self.sum(|p| p.corner_share)
    }

    pub fn paid_out(&self) -> Rupiah {
        self.sum(|p| p.paid_out)
    }

    pub fn corrected(&self) -> Rupiah {
        self.sum(|p| p.corrected)
    }

    pub fn losses(&self) -> Rupiah {
        self.sum(|p| p.losses)
    }

    pub fn balance_start(&self) -> Rupiah {
        self.sum(|p| p.balance_start)
    }

    pub fn balance_end(&self) -> Rupiah {
        self.sum(|p| p.balance_end)
    }

    pub fn lines(&self) -> i64 {
        self.producers.iter().map(|p| p.lines).sum()
    }

    /// The number of UMKM that sold anything in the period.
    pub fn with_sales(&self) -> usize {
        self.producers.iter().filter(|p| p.lines > 0).count()
    }
}

/// The first and last day of a month written `2026-11` or `11-2026` (also with `/`).
pub fn parse_month(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (a, b) = text.trim().split_once(['-', '/'])?;
    let (year, month) = if a.len() == 4 { (a, b) } else { (b, a) };
    if year.len() != 4 || !(1..=2).contains(&month.len()) {
        return None;
    }
    let first = NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    Some((first, next.pred_opt()?))
}

/// Whether `from`..=`to` is exactly one calendar month.
pub fn is_whole_month(from: NaiveDate, to: NaiveDate) -> bool {
    from.day() == 1 && parse_month(&from.format("%Y-%m").to_string()) == Some((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_are_read_in_both_orders_and_end_on_their_last_day() {
        assert_eq!(
            parse_month("2026-11"),
            Some((d(2026, 11, 1), d(2026, 11, 30)))
        );
        assert_eq!(
            parse_month("02/2028"),
            Some((d(2028, 2, 1), d(2028, 2, 29)))
        );
        assert_eq!(
            parse_month("12-2026"),
            Some((d(2026, 12, 1), d(2026, 12, 31)))
        );
        for bad in ["2026-13", "2026", "26-11", "2026-11-01", "nov"] {
            assert_eq!(parse_month(bad), None, "{bad}");
        }
        assert!(is_whole_month(d(2026, 11, 1), d(2026, 11, 30)));
        assert!(!is_whole_month(d(2026, 11, 1), d(2026, 11, 29)));
    }
}
