//! The day report (`pojok report day`): the day's takings, voids, payments and each
//! producer's share, as a `Document` and as an 80-column text table.

use crate::domain::{CountTotal, DayReport, ProducerDayLine, Rupiah, ShopHeader};
use crate::strings::Lang;

use super::document::{Column, Document, Table};
use super::format;
use super::text::render_text;

/// A terminal's width: the report is read on screen as often as on paper.
pub const REPORT_WIDTH: usize = 80;

/// The day's report under the shop's header, as receipts carry it: the Z report at the
/// close, the X report and copies on request, and `pojok report day`.
pub fn day_report(report: &DayReport, shop: &ShopHeader, lang: Lang) -> Document {
    let text = &lang.text().print;
    let mut doc = Document::new();
    shop.add_to(&mut doc);
    doc.rule()
        .title(text.day_report_title)
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
    );
    void_list(&mut doc, report, lang);
    doc.blank();

    let payments = &report.payments;
    let mut table = Table::new(vec![Column::left(text.payments), Column::right("")])
        .row(money_row(text.cash, payments.cash))
        .row(money_row(text.qris, payments.qris))
        .row(money_row(text.transfer, payments.transfer));
    // Without the tab the methods would not add up to the day's sales; days without tab sales
    // keep the short table the attendants know.
    if payments.tab != Rupiah::ZERO {
        table = table.row(money_row(lang.text().till.tab, payments.tab));
    }
    doc.table(table).blank();

    if report.producers.is_empty() {
        doc.text(text.no_sales).blank();
    } else {
        producer_table(&mut doc, report, lang);
    }
    close_figures(&mut doc, report, lang);
    doc
}

/// Each void under the voids' total: the sale's number and amount, the reason, who voided
/// it and the manager who approved it, so the paper answers what a total cannot.
fn void_list(doc: &mut Document, report: &DayReport, lang: Lang) {
    let q = lang.queue();
    for void in &report.void_list {
        doc.text(&(q.z_void)(
            void.sale_number,
            void.amount,
            &void.reason,
            &void.attendant,
            void.approver.as_deref(),
        ));
    }
}

/// Closes of the day that the manager reopened: a Z report printed with one of their heads
/// is no longer valid, and this report says which one is.
fn superseded(doc: &mut Document, report: &DayReport, lang: Lang) {
    if report.superseded.is_empty() {
        return;
    }
    let u = lang.undo();
    doc.blank().title(u.z_superseded_title);
    for close in &report.superseded {
        doc.text(&(u.z_superseded)(
            &format::date_time(close.closed_at, lang),
            close.head.as_deref().unwrap_or("-"),
            &format::time(close.reopened_at),
            &close.manager,
            &close.reason,
        ));
    }
    match (report.closed, &report.chain_head) {
        (true, Some(head)) => doc.text(&(u.z_valid)(head)),
        _ => doc.text(u.z_none_valid),
    };
}

fn producer_table(doc: &mut Document, report: &DayReport, lang: Lang) {
    let text = &lang.text().print;
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
    ]))
    .blank();
    // Losses the corner bore are owed like shares, but were not sold: apart from the table.
    let lost: Vec<&ProducerDayLine> = report
        .producers
        .iter()
        .filter(|l| l.losses != Rupiah::ZERO)
        .collect();
    if !lost.is_empty() {
        let mut table = Table::new(vec![
            Column::left(lang.text().settle.losses).flexible(),
            Column::right(""),
        ]);
        for line in lost {
            table = table.row(vec![
                format!("{} {}", line.code, line.name),
                line.losses.to_string(),
            ]);
        }
        doc.table(table).blank();
    }
}

/// The Z report's part: the drawer's cash from float to count, cash moves, tabs, payouts,
/// corrections, and the place of the hash chain's head.
fn close_figures(doc: &mut Document, report: &DayReport, lang: Lang) {
    let till = &lang.text().till;
    let cash = &report.cash;
    doc.title(till.z_title);
    doc.table(
        Table::new(vec![
            Column::left(till.z_cash).flexible(),
            Column::right(""),
        ])
        .row(money_row(till.float, cash.float))
        .row(money_row(till.cash_sales, cash.sales))
        .row(money_row(till.cash_tab_payments, cash.tab_payments))
        .row(money_row(till.cash_in, cash.cash_in))
        .row(money_row(till.cash_out, -cash.cash_out))
        .row(money_row(till.cash_payouts, -cash.payouts))
        .row(money_row(till.cash_refunds, -cash.refunds))
        .footer(money_row(till.expected_cash, report.expected_cash)),
    )
    .blank();
    count_figures(doc, report, lang);
    doc.blank();
    doc.table(
        Table::new(vec![
            Column::left(till.to_check).flexible(),
            Column::right(""),
        ])
        .row(money_row(till.qris_check, report.to_check.qris))
        .row(money_row(till.transfer_check, report.to_check.transfer)),
    )
    .blank();
    moved_money(doc, report, lang);
    if !report.corrections.is_empty() {
        doc.text(till.z_corrections);
        for c in &report.corrections {
            let refund = refund_text(c.refund_method, lang);
            doc.pair(
                &(till.z_correction)(
                    c.sale_number,
                    &format::date(c.sale_date, lang),
                    &refund,
                    &c.reason,
                ),
                &c.amount.to_string(),
            );
        }
        doc.blank();
    }
    returned_parts(doc, report, lang);
    // The paper the manager files can later prove the file was not edited after the close.
    doc.pair(
        till.z_chain_head,
        report.chain_head.as_deref().unwrap_or("-"),
    );
    if report.chain_head.is_some() {
        doc.text(lang.text().witness.z_proof);
    }
    superseded(doc, report, lang);
    // A closed day's report is signed by whoever counted and closed, and by the manager.
    if let Some(count) = &report.count {
        doc.blank().signatures(&[
            (till.signature_attendant, count.attendant.as_str()),
            (till.signature_manager, ""),
        ]);
    }
}

/// The Z report's parts of sales returned that day: which sale, the refund, why, how much.
fn returned_parts(doc: &mut Document, report: &DayReport, lang: Lang) {
    if report.returns.is_empty() {
        return;
    }
    let till = &lang.text().till;
    doc.text(till.z_returns);
    for r in &report.returns {
        let line = (till.z_correction)(
            r.sale_number,
            &format::date(r.sale_date, lang),
            &refund_text(r.refund_method, lang),
            &r.reason,
        );
        doc.pair(&line, &r.amount().to_string());
    }
    doc.blank();
}

/// The Z report's cash count: each denomination counted, the total and the variance with
/// its reason; or that the day is not counted yet.
fn count_figures(doc: &mut Document, report: &DayReport, lang: Lang) {
    let till = &lang.text().till;
    match &report.count {
        Some(count) => {
            let mut table = Table::new(vec![
                Column::left(till.z_count).flexible(),
                Column::right(""),
                Column::right(""),
            ]);
            if let Some(pieces) = count
                .denominations
                .as_ref()
                .and_then(crate::domain::DenominationCount::from_map)
            {
                for (d, n) in crate::domain::DENOMINATIONS.iter().zip(pieces.0) {
                    if n != 0 {
                        table = table.row(vec![
                            (till.denomination)(d.face, d.coin),
                            format!("{n} x"),
                            Rupiah(d.face.value() * n).to_string(),
                        ]);
                    }
                }
            }
            table = table
                .row(vec![
                    till.counted_cash.to_string(),
                    String::new(),
                    count.counted.to_string(),
                ])
                .footer(vec![
                    till.variance.to_string(),
                    String::new(),
                    count.variance.to_string(),
                ]);
            doc.table(table);
            if !count.reason.is_empty() {
                doc.text(&format!("{}: {}", till.reason, count.reason));
            }
        }
        None => {
            doc.text(till.z_not_counted);
        }
    }
}

/// The Z report's money that moved besides sales: cash in and out, tabs charged and paid,
/// producers paid.
fn moved_money(doc: &mut Document, report: &DayReport, lang: Lang) {
    let text = &lang.text().print;
    let till = &lang.text().till;
    if !report.cash_moves.is_empty() {
        let mut table = Table::new(vec![
            Column::left(till.z_cash_moves),
            Column::left("").flexible(),
            Column::right(""),
        ]);
        for m in &report.cash_moves {
            table = table.row(vec![
                format::time(m.at),
                m.reason.clone(),
                m.direction.signed(m.amount).to_string(),
            ]);
        }
        doc.table(table).blank();
    }
    let tabs = &report.tab_payments;
    doc.table(
        Table::new(vec![
            Column::left(till.z_tabs).flexible(),
            Column::right(""),
        ])
        .row(money_row(till.z_tab_charges, report.payments.tab))
        .row(money_row(
            &format!("{} ({})", till.z_tab_payments, text.cash),
            tabs.cash,
        ))
        .row(money_row(
            &format!("{} ({})", till.z_tab_payments, text.qris),
            tabs.qris,
        ))
        .row(money_row(
            &format!("{} ({})", till.z_tab_payments, text.transfer),
            tabs.transfer,
        )),
    )
    .blank();
    if !report.payouts.is_empty() {
        let mut table = Table::new(vec![
            Column::left(till.z_payouts).flexible(),
            Column::left(""),
            Column::right(""),
        ]);
        for p in &report.payouts {
            table = table.row(vec![
                format!("#{} {} {}", p.number, p.producer_code, p.producer_name),
                format::payment_method(p.method, lang).to_string(),
                p.amount.to_string(),
            ]);
        }
        doc.table(table).blank();
    }
}

/// How a correction handed the money back, in words.
pub fn refund_text(method: crate::domain::RefundMethod, lang: Lang) -> String {
    use crate::domain::{PaymentMethod, RefundMethod};
    let method = match method {
        RefundMethod::Cash => PaymentMethod::Cash,
        RefundMethod::Qris => PaymentMethod::Qris,
        RefundMethod::Transfer => PaymentMethod::Transfer,
        RefundMethod::Tab => PaymentMethod::Tab,
        RefundMethod::None => return lang.text().till.refund_none.to_string(),
    };
    format::payment_method(method, lang).to_string()
}

fn money_row(label: &str, amount: Rupiah) -> Vec<String> {
    vec![label.to_string(), amount.to_string()]
}

/// The day report as a readable table of `REPORT_WIDTH` columns.
pub fn day_report_text(report: &DayReport, shop: &ShopHeader, lang: Lang) -> String {
    render_text(&day_report(report, shop, lang), REPORT_WIDTH)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{PaymentTotals, Quantity, VoidLine};
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
            losses: Rupiah::ZERO,
        }
    }

    fn shop() -> ShopHeader {
        ShopHeader {
            name: "Pojok UMKM Kota Metro".into(),
            office: "Dinas Koperasi dan UKM Kota Metro".into(),
            address: String::new(),
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
            ..close()
        }
    }

    /// The close figures of the fixture: float 200.000 + 523.125 cash sales + 20.000 tab
    /// paid in cash − 12.500 out − 100.000 paid out − 3.500 refunded = 627.125 expected;
    /// 627.000 counted.
    fn close() -> DayReport {
        use crate::domain::{
            CashDirection, CashFigures, CashMove, Correction, CountRecord, NonCashTotals,
            PaymentMethod, PayoutLine, RefundMethod,
        };
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let at = day.and_hms_opt(17, 0, 0).unwrap();
        let cash = CashFigures {
            float: Rupiah(200_000),
            sales: Rupiah(523_125),
            tab_payments: Rupiah(20_000),
            cash_in: Rupiah::ZERO,
            cash_out: Rupiah(12_500),
            payouts: Rupiah(100_000),
            refunds: Rupiah(3_500),
        };
        DayReport {
            closed: true,
            cash,
            expected_cash: cash.expected(),
            count: Some(CountRecord {
                expected: Rupiah(627_125),
                counted: Rupiah(627_000),
                variance: Rupiah(-125),
                reason: "Koin kurang".into(),
                denominations: Some(
                    [("100000", 6), ("20000", 1), ("5000", 1), ("2000", 1)]
                        .into_iter()
                        .map(|(k, n)| (k.to_string(), n))
                        .collect(),
                ),
                at,
                attendant: "Rina".into(),
            }),
            cash_moves: vec![CashMove {
                chain_head: None,
                id: 1,
                day_date: day,
                direction: CashDirection::Out,
                amount: Rupiah(12_500),
                reason: "Kantong plastik".into(),
                at: day.and_hms_opt(9, 5, 0).unwrap(),
                attendant: "Rina".into(),
            }],
            tab_payments: PaymentTotals {
                cash: Rupiah(20_000),
                transfer: Rupiah(30_000),
                ..PaymentTotals::default()
            },
            payouts: vec![PayoutLine {
                number: 4,
                producer_code: "SRI".into(),
                producer_name: "Kue Basah Bu Sri".into(),
                method: PaymentMethod::Cash,
                amount: Rupiah(100_000),
                at,
            }],
            corrections: vec![Correction {
                id: 1,
                sale_id: 40,
                sale_date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
                sale_number: 9,
                amount: Rupiah(3_500),
                refund_method: RefundMethod::Cash,
                day_date: day,
                at,
                attendant: "Rina".into(),
                reason: "Lemper basi".into(),
            }],
            to_check: NonCashTotals {
                qris: Rupiah(229_500),
                transfer: Rupiah(405_000),
            },
            chain_head: Some("3f9a0c1be27d#1284".into()),
            void_list: vec![VoidLine {
                sale_number: 7,
                amount: Rupiah(19_000),
                reason: "Salah input jumlah".into(),
                attendant: "Rina".into(),
                approver: Some("Budi".into()),
            }],
            ..DayReport::default()
        }
    }

    #[test]
    fn the_payments_add_up_to_the_sales_on_a_day_with_tab_sales() {
        let mut with_tab = report();
        with_tab.payments.cash = Rupiah(503_125);
        with_tab.payments.tab = Rupiah(20_000);
        let text = day_report_text(&with_tab, &shop(), Lang::Id);
        let amount = |label: &str| -> i64 {
            let line = text
                .lines()
                .find(|l| {
                    l.starts_with(label) && l.trim_end().ends_with(|c: char| c.is_ascii_digit())
                })
                .unwrap_or_else(|| panic!("{label} in\n{text}"));
            let figure = line.rsplit("Rp ").next().unwrap();
            figure.trim().replace('.', "").parse().unwrap()
        };
        assert_eq!(amount("Bon "), 20_000, "{text}");
        let methods = amount("Tunai") + amount("QRIS") + amount("Transfer") + amount("Bon ");
        assert_eq!(methods, 1_127_625, "{text}");
        // A day without tab sales keeps the three rows.
        let text = day_report_text(&report(), &shop(), Lang::Id);
        assert!(!text.lines().any(|l| l.starts_with("Bon ")), "{text}");
    }

    #[test]
    fn the_z_report_shows_the_count_and_the_money_beyond_sales() {
        let text = day_report_text(&report(), &shop(), Lang::En);
        let row = |start: &str| {
            // The last such line: the Z part comes after the takings.
            text.lines()
                .rfind(|l| l.trim_start().starts_with(start))
                .unwrap_or_else(|| panic!("{start} in\n{text}"))
                .split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(row("Expected cash"), ["Expected cash", "Rp 627.125"]);
        assert_eq!(row("Counted cash"), ["Counted cash", "Rp 627.000"]);
        assert_eq!(row("Variance"), ["Variance", "-Rp 125"]);
        assert_eq!(row("Rp 100.000"), ["Rp 100.000", "6 x", "Rp 600.000"]);
        assert_eq!(row("Cash out"), ["Cash out", "-Rp 12.500"]);
        assert_eq!(row("Transfer  "), ["Transfer", "Rp 405.000"]);
        assert_eq!(
            row("Tabs paid off (Transfer)"),
            ["Tabs paid off (Transfer)", "Rp 30.000"]
        );
        assert!(text.contains("#4 SRI Kue Basah Bu Sri"), "{text}");
        assert!(text.contains("#9 22 Nov 2026 (Cash) Lemper basi"), "{text}");
        assert!(text.contains("Reason: Koin kurang"), "{text}");
        assert_eq!(
            row("Hash chain head"),
            ["Hash chain head", "3f9a0c1be27d#1284"]
        );
        for line in text.lines() {
            assert!(display_width(line) <= REPORT_WIDTH, "{line:?}");
        }
    }

    #[test]
    fn day_report_in_indonesian() {
        let text = day_report_text(&report(), &shop(), Lang::Id);
        insta::assert_snapshot!("day_report_id", text);
    }

    #[test]
    fn day_report_table_adds_up_and_fits() {
        let report = report();
        let text = day_report_text(&report, &shop(), Lang::En);
        for line in text.lines() {
            assert!(display_width(line) <= REPORT_WIDTH, "{line:?}");
        }
        let line = |start: &str| {
            text.lines()
                .find(|l| l.starts_with(start))
                .unwrap_or_else(|| panic!("no line starts with {start:?} in\n{text}"))
        };
        assert!(text.contains("23 Nov 2026"));
        // The shop's header heads it, as on receipts; each void is named under the total.
        assert_eq!(text.lines().next().unwrap().trim(), "Pojok UMKM Kota Metro");
        let void = "- No. 7 Rp 19.000, reason: Salah input jumlah; by Rina, approved by Budi";
        assert!(text.lines().any(|l| l == void), "{text}");
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
        let footer = text
            .lines()
            .find(|l| l.trim_start().starts_with("TOTAL"))
            .unwrap();
        assert_eq!(
            cells(footer),
            ["TOTAL", "Rp 1.127.625", "Rp 977.850", "Rp 149.775"]
        );
    }

    #[test]
    fn a_day_without_sales_says_so() {
        let mut report = report();
        report.producers.clear();
        let text = day_report_text(&report, &shop(), Lang::Id);
        assert!(text.contains("Belum ada penjualan."), "{text}");
    }
}
