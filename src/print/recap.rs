//! The monthly recap as a printout: the letter the corner sends the Dinas, per UMKM and in
//! total, signed by the manager and acknowledged by the head of the office.

use super::chart::{Chart, ChartKind};
use super::document::Document;

/// The producers a recap's bar chart shows, largest first: a page's worth.
const CHART_PRODUCERS: usize = 25;
use super::format;
use crate::domain::{MonthRecap, Rupiah, ShopHeader};
use crate::strings::Lang;

/// The recap of `recap`'s period under `shop`'s header, for `programme` when named.
pub fn month_recap(
    recap: &MonthRecap,
    shop: &ShopHeader,
    programme: Option<&str>,
    lang: Lang,
) -> Document {
    let text = &lang.text().office;
    let settle = &lang.text().settle;
    let mut doc = Document::new();
    shop.add_to(&mut doc);
    doc.rule().title(text.recap_title);
    if let Some(name) = programme {
        doc.centered(&(text.programme)(name));
    }
    doc.centered(&(settle.period)(
        &format::date(recap.from, lang),
        &format::date(recap.to, lang),
    ))
    .rule();
    if recap.with_sales() == 0 {
        doc.text(text.no_sales);
    }
    for p in &recap.producers {
        doc.text(&format!("{} {}", p.code, p.name));
        if p.lines > 0 {
            doc.detail(&(text.sold)(&p.sold_text(), p.lines), "")
                .detail(text.days_with_sales, &p.days_with_sales.to_string());
        }
        doc.detail(text.balance_start, &p.balance_start.to_string())
            .detail(settle.gross, &p.gross.to_string())
            .detail(settle.producer_share, &p.producer_share.to_string())
            .detail(settle.corner_share, &p.corner_share.to_string());
        if p.corrected != Rupiah::ZERO {
            doc.detail(text.corrected, &(-p.corrected).to_string());
        }
        if p.losses != Rupiah::ZERO {
            doc.detail(settle.losses, &p.losses.to_string());
        }
        doc.detail(settle.paid_out, &(-p.paid_out).to_string())
            .detail(text.balance_end, &p.balance_end.to_string());
    }
    doc.rule()
        .title(text.totals)
        .pair(text.business_days, &recap.business_days.to_string())
        .pair(text.umkm_with_sales, &recap.with_sales().to_string())
        .pair(text.umkm_listed, &recap.producers.len().to_string())
        .pair(text.balance_start, &recap.balance_start().to_string())
        .emphasised_pair(settle.gross, &recap.gross().to_string())
        .pair(settle.producer_share, &recap.producer_share().to_string())
        .pair(settle.corner_share, &recap.corner_share().to_string())
        .pair(text.corrected, &(-recap.corrected()).to_string());
    if recap.losses() != Rupiah::ZERO {
        doc.pair(settle.losses, &recap.losses().to_string());
    }
    doc.pair(settle.paid_out, &(-recap.paid_out()).to_string())
        .emphasised_pair(text.balance_end, &recap.balance_end().to_string())
        .rule();
    add_charts(&mut doc, recap, lang);
    doc.rule()
        .text(&(settle.chain_head)(
            recap.chain_head.as_deref().unwrap_or("-"),
        ))
        .blank()
        .signatures(&[(text.manager, ""), (text.acknowledged, "")]);
    doc
}

/// Turnover per producer (largest first) and day by day, when there was any.
fn add_charts(doc: &mut Document, recap: &MonthRecap, lang: Lang) {
    let text = &lang.text().office;
    let mut selling: Vec<_> = recap
        .producers
        .iter()
        .filter(|p| p.gross.is_positive())
        .collect();
    if selling.is_empty() {
        return;
    }
    selling.sort_by(|a, b| b.gross.cmp(&a.gross).then(a.code.cmp(&b.code)));
    let mut bars = Chart::new(text.chart_by_producer, ChartKind::Bars);
    for p in selling.iter().take(CHART_PRODUCERS) {
        bars = bars.point(&p.name, p.gross.value(), &p.gross.to_string());
    }
    doc.chart(bars).blank();
    if recap.daily.len() > 1 {
        let mut line = Chart::new(text.chart_by_day, ChartKind::Line);
        for (date, takings) in &recap.daily {
            line = line.point(
                &format::date(*date, lang),
                takings.value(),
                &takings.to_string(),
            );
        }
        doc.chart(line).blank();
    }
}

/// `doc` under a mark no reader may miss, above everything else (`SALINAN` on a reprint).
pub fn marked(mark: &str, doc: Document) -> Document {
    let mut out = Document::new();
    out.mark(mark).append(doc);
    out
}

/// `rekap-2026-11.pdf` for a whole month, `rekap-2026-11-01-2026-11-15.pdf` otherwise.
pub fn recap_file_name(recap: &MonthRecap, extension: &str) -> String {
    if crate::domain::recap::is_whole_month(recap.from, recap.to) {
        format!("rekap-{}.{extension}", recap.from.format("%Y-%m"))
    } else {
        format!("rekap-{}-{}.{extension}", recap.from, recap.to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ProducerMonth, StockQuantity, Unit};
    use crate::print::render_text;
    use chrono::NaiveDate;

    fn recap() -> MonthRecap {
        let sri = ProducerMonth {
            code: "SRI".into(),
            name: "Kue Bu Sri".into(),
            days_with_sales: 2,
            lines: 3,
            sold: vec![
                (Unit::Kg, StockQuantity::from_milli(1_250)),
                (Unit::Pcs, StockQuantity::from_milli(4_000)),
            ],
            gross: Rupiah(32_750),
            producer_share: Rupiah(27_838),
            corner_share: Rupiah(4_912),
            corrected: Rupiah::ZERO,
            losses: Rupiah::ZERO,
            paid_out: Rupiah(20_000),
            balance_start: Rupiah::ZERO,
            balance_end: Rupiah(7_838),
        };
        let idle = ProducerMonth {
            code: "TANI".into(),
            name: "Tani Makmur".into(),
            days_with_sales: 0,
            lines: 0,
            sold: vec![],
            gross: Rupiah::ZERO,
            producer_share: Rupiah::ZERO,
            corner_share: Rupiah::ZERO,
            corrected: Rupiah::ZERO,
            losses: Rupiah::ZERO,
            paid_out: Rupiah::ZERO,
            balance_start: Rupiah(5_000),
            balance_end: Rupiah(5_000),
        };
        MonthRecap {
            from: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            to: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            business_days: 21,
            producers: vec![sri, idle],
            chain_head: Some("3f9a0c1be27d#1284".into()),
            daily: vec![
                (
                    NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
                    Rupiah(40_000),
                ),
                (
                    NaiveDate::from_ymd_opt(2026, 11, 3).unwrap(),
                    Rupiah(60_000),
                ),
            ],
        }
    }

    #[test]
    fn the_recap_says_every_figure_and_leaves_room_to_sign() {
        let shop = ShopHeader {
            name: "Pojok UMKM Dinas Koperasi".into(),
            office: "Dinas Koperasi Kota Metro".into(),
            address: String::new(),
        };
        let text = render_text(
            &month_recap(&recap(), &shop, Some("Metro Bangga Beli"), Lang::Id),
            80,
        );
        for expected in [
            "REKAP BULANAN PENJUALAN UMKM",
            "Program Metro Bangga Beli",
            "Dinas Koperasi Kota Metro",
            "SRI Kue Bu Sri",
            "Terjual 1,25 kg, 4 pcs (3 baris)",
            "Rp 32.750",
            "Rp 7.838",
            "Rp 12.838",
            "3f9a0c1be27d#1284",
            "Pengelola",
            "Mengetahui, Kepala OPD/Dinas",
        ] {
            assert!(text.contains(expected), "{expected} missing:\n{text}");
        }
        assert_eq!(recap_file_name(&recap(), "pdf"), "rekap-2026-11.pdf");
    }
}
