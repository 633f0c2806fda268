//! The day report (`pojok report day`): the day's takings, voids, payments and each
//! producer's share, as a `Document` and as an 80-column text table.

use crate::domain::{CountTotal, DayReport, ProducerDayLine, Rupiah};
use crate::strings::Lang;

use super::document::{Column, Document, Table};
use super::format;
use super::text::render_text;

/// A terminal's width: the report is read on screen as often as on paper.
pub const REPORT_WIDTH: usize = 80;

pub fn day_report(report: &DayReport, lang: Lang) -> Document {
    let text = &lang.text().print;
    let mut doc = Document::new();
    doc.title(text.day_report_title)
        .centered(&format::date(report.date, lang))
        .blank();

    let count_row = |label: &str, figures: CountTotal| {
        vec![
            label.to_string(),
            (text.sales_count)(figures.count),
            figures.total.to_string(),
        ]
    };
    doc.table(
        Table::new(vec![Column::left(""), Column::right(""), Column::right("")])
            .row(count_row(text.sales, report.sales))
            .row(count_row(text.voids, report.voids)),
    )
    .blank();

    let payments = &report.payments;
    doc.table(
        Table::new(vec![Column::left(text.payments), Column::right("")])
            .row(money_row(text.cash, payments.cash))
            .row(money_row(text.qris, payments.qris))
            .row(money_row(text.transfer, payments.transfer)),
    )
    .blank();

    if report.producers.is_empty() {
        doc.text(text.no_sales);
        return doc;
    }
    let mut table = Table::new(vec![
        Column::left(text.column_code),
        Column::left(text.column_producer).flexible(),
        Column::right(text.column_quantity),
        Column::right(text.column_gross),
        Column::right(text.column_producer_share),
        Column::right(text.column_corner_share),
    ]);
    for line in &report.producers {
        table = table.row(vec![
            line.code.clone(),
            line.name.clone(),
            line.quantity.number_text(),
            line.gross.to_string(),
            line.producer_share.to_string(),
            line.corner_share.to_string(),
        ]);
    }
    let sum = |part: fn(&ProducerDayLine) -> Rupiah| -> String {
        report
            .producers
            .iter()
            .map(part)
            .sum::<Rupiah>()
            .to_string()
    };
    // No total of quantities: pieces and kilograms do not add up to anything.
    doc.table(table.footer(vec![
        String::new(),
        text.total.to_string(),
        String::new(),
        sum(|l| l.gross),
        sum(|l| l.producer_share),
        sum(|l| l.corner_share),
    ]));
    doc
}

fn money_row(label: &str, amount: Rupiah) -> Vec<String> {
    vec![label.to_string(), amount.to_string()]
}

/// The day report as a readable table of `REPORT_WIDTH` columns.
pub fn day_report_text(report: &DayReport, lang: Lang) -> String {
    render_text(&day_report(report, lang), REPORT_WIDTH)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{PaymentTotals, Quantity};
    use crate::print::format::display_width;
    use chrono::NaiveDate;

    fn producer(code: &str, name: &str, milli: i64, gross: i64, producer: i64) -> ProducerDayLine {
        ProducerDayLine {
            code: code.into(),
            name: name.into(),
            quantity: Quantity::from_milli(milli),
            gross: Rupiah(gross),
            producer_share: Rupiah(producer),
            corner_share: Rupiah(gross - producer),
        }
    }

    fn report() -> DayReport {
        DayReport {
            date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            sales: CountTotal {
                count: 13,
                total: Rupiah(1_127_625),
            },
            voids: CountTotal {
                count: 1,
                total: Rupiah(19_000),
            },
            payments: PaymentTotals {
                cash: Rupiah(523_125),
                qris: Rupiah(229_500),
                transfer: Rupiah(375_000),
                tab: Rupiah::ZERO,
            },
            producers: vec![
                producer("SRI", "Kue Basah Bu Sri", 21_000, 63_500, 53_975),
                producer("TANI", "Kelompok Tani Sri Rejeki", 5_500, 152_125, 138_750),
                producer(
                    "KAOS",
                    "Kaos Sablon Kota Lama Semarang Sejahtera",
                    4_000,
                    305_000,
                    244_000,
                ),
                producer("BATIK", "Batik Tulis Sekar Arum", 2_000, 400_000, 360_000),
                producer("KOPI", "Kopi Lereng Merbabu", 2_000, 207_000, 181_125),
            ],
            ..DayReport::default()
        }
    }

    #[test]
    fn day_report_in_indonesian() {
        let text = day_report_text(&report(), Lang::Id);
        insta::assert_snapshot!("day_report_id", text);
    }

    #[test]
    fn day_report_table_adds_up_and_fits() {
        let report = report();
        let text = day_report_text(&report, Lang::En);
        for line in text.lines() {
            assert!(display_width(line) <= REPORT_WIDTH, "{line:?}");
        }
        let line = |start: &str| {
            text.lines()
                .find(|l| l.starts_with(start))
                .unwrap_or_else(|| panic!("no line starts with {start:?} in\n{text}"))
        };
        assert!(text.contains("23 Nov 2026"));
        assert!(line("Sales").contains("13 sales") && line("Sales").ends_with("Rp 1.127.625"));
        assert!(line("Voided").contains("1 sale ") && line("Voided").ends_with("Rp 19.000"));
        assert!(line("Cash").ends_with("Rp 523.125"));
        assert!(line("QRIS").ends_with("Rp 229.500"));
        assert!(line("Transfer").ends_with("Rp 375.000"));
        // Cells are set apart by at least two spaces; a cell holds single spaces at most.
        let cells = |row: &str| -> Vec<String> {
            row.split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect()
        };
        assert_eq!(
            cells(line("TANI")),
            [
                "TANI",
                "Kelompok Tani Sri Rejeki",
                "5,5",
                "Rp 152.125",
                "Rp 138.750",
                "Rp 13.375"
            ]
        );
        // The long name gives way; the amounts beside it stay whole.
        let kaos = cells(line("KAOS"));
        assert!(
            kaos[1].starts_with("Kaos Sablon") && kaos[1].ends_with("..."),
            "{kaos:?}"
        );
        assert_eq!(kaos[2..], ["4", "Rp 305.000", "Rp 244.000", "Rp 61.000"]);
        assert_eq!(
            cells(text.lines().last().unwrap()),
            ["TOTAL", "Rp 1.127.625", "Rp 977.850", "Rp 149.775"]
        );
    }

    #[test]
    fn a_day_without_sales_says_so() {
        let mut report = report();
        report.producers.clear();
        let text = day_report_text(&report, Lang::Id);
        assert!(text.trim_end().ends_with("Belum ada penjualan."), "{text}");
    }
}
