//! Producers' paper: the settlement slip of a day, the payout slip, and the statement over a
//! range of days, each a `Document`, with the names their files are saved under.

use crate::domain::catalogue::full_name;
use crate::domain::{
    Payout, PayoutMethod, ProducerSettlement, ProductDay, Rupiah, ShopHeader, Statement,
    StockQuantity,
};
use crate::strings::Lang;

use super::document::Document;
use super::format;

/// What the chain-head line shows until the ledger keeps a hash chain.
const NO_CHAIN: &str = "-";

fn method_text(method: PayoutMethod, lang: Lang) -> &'static str {
    let text = &lang.text().print;
    match method {
        PayoutMethod::Cash => text.cash,
        PayoutMethod::Transfer => text.transfer,
    }
}

/// The settlement slip: per product the stock from opening to closing and what sold, the
/// corrections of earlier sales, the day's money, the balance, and both signatures.
pub fn settlement_slip(s: &ProducerSettlement, shop: &ShopHeader, lang: Lang) -> Document {
    let text = &lang.text().settle;
    let print = &lang.text().print;
    let h = &s.header;
    let mut doc = Document::new();
    shop.add_to(&mut doc);
    doc.rule().title(text.settlement_title);
    if !h.closed {
        doc.mark(text.preview_mark);
    }
    doc.pair(text.date_label, &format::date(h.date, lang))
        .text(&(print.slip_producer)(&h.producer_code, &h.producer_name))
        .rule();
    for p in &s.products {
        product_lines(&mut doc, p, lang);
    }
    if !s.corrections.is_empty() {
        doc.rule().text(text.corrections_title);
        for c in &s.corrections {
            let detail = (text.correction_detail)(
                &c.quantity.with_unit(c.unit),
                c.sale_number,
                &format::date(c.sale_date, lang),
            );
            doc.item(
                &full_name(&c.name, &c.variant),
                &c.code,
                &(-c.amounts.total).to_string(),
            )
            .detail(&detail, "");
            let reason = c.reason.trim();
            if !reason.is_empty() {
                doc.detail(&(print.slip_reason)(reason), "");
            }
        }
    }
    doc.rule()
        .pair(text.gross, &s.gross().to_string())
        .pair(text.corner_share, &s.corner_share().to_string())
        .pair(text.producer_share, &s.producer_share().to_string())
        .rule()
        .pair(text.balance_before, &s.balance_before.to_string())
        .pair(text.producer_share, &s.producer_share().to_string());
    if s.losses() != Rupiah::ZERO {
        doc.pair(text.losses, &s.losses().to_string());
    }
    for p in &s.payouts {
        doc.pair(
            &(text.paid)(p.number, method_text(p.method, lang)),
            &(-p.amount).to_string(),
        );
    }
    doc.emphasised_pair(text.balance_now, &s.balance_now().to_string())
        .rule()
        .text(&(text.chain_head)(
            s.chain_head.as_deref().unwrap_or(NO_CHAIN),
        ))
        .blank()
        .signatures(&[
            (print.slip_attendant_role, h.attendant.as_str()),
            (print.slip_producer_role, h.producer_name.as_str()),
        ]);
    doc
}

fn product_lines(doc: &mut Document, p: &ProductDay, lang: Lang) {
    let text = &lang.text().settle;
    let unit = p.unit;
    let q = |q: StockQuantity| q.with_unit(unit);
    doc.item(
        &full_name(&p.name, &p.variant),
        &p.code,
        &p.sales.total.to_string(),
    )
    .detail(text.opening, &q(p.opening));
    // The movements the day had; the opening, sold and closing lines are always there so
    // every product reads the same way.
    let moves = [
        (text.received, p.received, true),
        (text.sold, p.sold, true),
        (text.corrected, p.corrected, false),
        (text.returned, p.returned, false),
        (text.written_off, p.written_off, false),
        (text.counted, p.counted, false),
    ];
    for (label, quantity, always) in moves {
        if always || quantity != StockQuantity::ZERO {
            let shown = if label == text.counted && quantity.is_positive() {
                format!("+{}", q(quantity))
            } else {
                q(quantity)
            };
            doc.detail(label, &shown);
        }
    }
    doc.detail(text.closing, &q(p.closing()));
    if p.lost != Rupiah::ZERO {
        doc.detail(text.product_lost, &p.lost.to_string());
    }
}

/// The payout slip: number, producer, method, the balance before and after, signatures.
pub fn payout_slip(p: &Payout, shop: &ShopHeader, lang: Lang) -> Document {
    let text = &lang.text().settle;
    let print = &lang.text().print;
    let mut doc = Document::new();
    shop.add_to(&mut doc);
    doc.rule()
        .title(text.payout_title)
        .pair(
            &(print.slip_number)(p.number),
            &format::date_time(p.at, lang),
        )
        .text(&(print.slip_producer)(&p.producer_code, &p.producer_name))
        .text(&(print.slip_attendant)(&p.attendant))
        .rule()
        .pair(text.payout_method, method_text(p.method, lang))
        .pair(text.payout_balance_before, &p.balance_before.to_string())
        .emphasised_pair(text.payout_amount, &p.amount.to_string())
        .pair(text.payout_balance_after, &p.balance_after().to_string());
    let note = p.note.trim();
    if !note.is_empty() {
        doc.text(&(print.slip_note)(note));
    }
    super::receipt::add_chain_head(&mut doc, p.chain_head.as_deref(), lang);
    doc.blank().signatures(&[
        (print.slip_giver, p.attendant.as_str()),
        (print.slip_receiver, p.producer_name.as_str()),
    ]);
    doc
}

/// The statement: the balance carried in, each active day's money and goods, the balance
/// running after each day, and the totals.
pub fn statement(st: &Statement, shop: &ShopHeader, lang: Lang) -> Document {
    let text = &lang.text().settle;
    let print = &lang.text().print;
    let mut doc = Document::new();
    shop.add_to(&mut doc);
    doc.rule()
        .title(text.statement_title)
        .centered(&(text.period)(
            &format::date(st.from, lang),
            &format::date(st.to, lang),
        ))
        .text(&(print.slip_producer)(&st.producer_code, &st.producer_name))
        .rule()
        .pair(text.opening_balance, &st.opening_balance.to_string())
        .rule();
    if st.days.is_empty() {
        doc.text(text.no_activity_period);
    }
    for (day, row) in st.days.iter().zip(st.rows()) {
        doc.text(&format::date(row.date, lang));
        if !row.closed {
            doc.detail(text.preview_mark, "");
        }
        for p in &day.products {
            let moves = [
                (text.received, p.received),
                (text.sold, p.sold),
                (text.corrected, p.corrected),
                (text.returned, p.returned),
                (text.written_off, p.written_off),
                (text.counted, p.counted),
            ];
            for (label, quantity) in moves {
                if quantity != StockQuantity::ZERO {
                    doc.detail(&format!("{} {label}", p.code), &quantity.with_unit(p.unit));
                }
            }
        }
        doc.detail(text.gross, &row.gross.to_string())
            .detail(text.producer_share, &row.producer_share.to_string());
        if row.losses != Rupiah::ZERO {
            doc.detail(text.losses, &row.losses.to_string());
        }
        for p in &day.payouts {
            doc.detail(
                &(text.paid)(p.number, method_text(p.method, lang)),
                &(-p.amount).to_string(),
            );
        }
        doc.detail(text.day_balance, &row.balance.to_string());
    }
    doc.rule()
        .pair(text.gross, &st.gross().to_string())
        .pair(text.corner_share, &st.corner_share().to_string())
        .pair(text.producer_share, &st.producer_share().to_string());
    if st.losses() != Rupiah::ZERO {
        doc.pair(text.losses, &st.losses().to_string());
    }
    doc.pair(text.paid_out, &(-st.paid_out()).to_string())
        .emphasised_pair(text.closing_balance, &st.closing_balance().to_string());
    // The producer's sales day by day, when the period has more than one day of them.
    let rows = st.rows();
    if rows.iter().filter(|r| r.gross.is_positive()).count() > 1 {
        let mut chart =
            super::chart::Chart::new(text.chart_daily_sales, super::chart::ChartKind::Line);
        for row in &rows {
            chart = chart.point(
                &format::date(row.date, lang),
                row.gross.value(),
                &row.gross.to_string(),
            );
        }
        doc.rule().chart(chart);
    }
    doc
}

/// Only letters, digits, `-` and `_` of a code go into a file name: codes are typed by
/// people and imported from files, and must never make the name leave its folder.
pub fn safe_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// `bagi-hasil-SRI.txt`: one per producer in the day's folder, written at the close; a
/// copy printed later goes beside it (`bagi-hasil-SRI-salinan.txt`), and no paper is
/// ever overwritten.
pub fn settlement_file_name(s: &ProducerSettlement) -> String {
    format!("bagi-hasil-{}.txt", safe_code(&s.header.producer_code))
}

/// `bayar-0001-SRI.txt`.
pub fn payout_file_name(p: &Payout) -> String {
    format!("bayar-{:04}-{}.txt", p.number, safe_code(&p.producer_code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CorrectionLine, LineAmounts, Quantity, Rupiah, SettlementHeader, Unit};
    use crate::print::fixtures::{day, shop};
    use crate::print::format::display_width;
    use crate::print::render_text;

    fn amounts(total: i64, producer: i64) -> LineAmounts {
        LineAmounts {
            total: Rupiah(total),
            producer_share: Rupiah(producer),
            corner_share: Rupiah(total - producer),
        }
    }

    fn payout() -> Payout {
        Payout {
            chain_head: None,
            id: 3,
            number: 1,
            date: day(22),
            producer_code: "SRI".into(),
            producer_name: "Kue Basah Bu Sri".into(),
            method: PayoutMethod::Cash,
            amount: Rupiah(10_000),
            at: day(22).and_hms_opt(16, 0, 0).unwrap(),
            attendant: "Rina".into(),
            note: "ambil sendiri".into(),
            balance_before: Rupiah(17_850),
        }
    }

    /// The 22nd of `tests/settlement.rs`: a correction, a count and a payout.
    fn settlement(closed: bool) -> ProducerSettlement {
        let sq = StockQuantity::whole;
        let product = |id, code: &str, name: &str, unit| ProductDay {
            product_id: id,
            code: code.into(),
            name: name.into(),
            variant: String::new(),
            unit,
            opening: sq(0),
            received: sq(0),
            sold: sq(0),
            corrected: sq(0),
            returned: sq(0),
            written_off: sq(0),
            counted: sq(0),
            sales: amounts(0, 0),
            lost: Rupiah::ZERO,
        };
        let mut krps = product(2, "KRPS", "Keripik Pisang", Unit::Bks);
        krps.opening = sq(2);
        krps.corrected = sq(2);
        let mut lmpr = product(1, "LMPR", "Lemper Ayam", Unit::Pcs);
        lmpr.opening = sq(13);
        lmpr.sold = sq(2);
        lmpr.counted = sq(-1);
        lmpr.sales = amounts(7_000, 5_950);
        ProducerSettlement {
            header: SettlementHeader {
                date: day(22),
                closed,
                producer_code: "SRI".into(),
                producer_name: "Kue Basah Bu Sri".into(),
                payout_daily: false,
                attendant: "Rina".into(),
            },
            products: vec![krps, lmpr],
            corrections: vec![CorrectionLine {
                product_id: 2,
                code: "KRPS".into(),
                name: "Keripik Pisang".into(),
                variant: String::new(),
                unit: Unit::Bks,
                sale_date: day(21),
                sale_number: 2,
                quantity: Quantity::whole(2),
                amounts: amounts(24_000, 20_400),
                reason: "pembeli batal".into(),
            }],
            payouts: vec![payout()],
            balance_before: Rupiah(32_300),
            chain_head: None,
        }
    }

    fn has(text: &str, prefix: &str, suffix: &str) -> bool {
        text.lines()
            .any(|l| l.trim_start().starts_with(prefix) && l.ends_with(suffix))
    }

    fn assert_fits(text: &str, width: usize) {
        for line in text.lines() {
            assert!(
                display_width(line) <= width,
                "wider than {width}: {line:?}\n{text}"
            );
        }
    }

    #[test]
    fn settlement_slips() {
        let s = settlement(true);
        insta::assert_snapshot!(
            "settlement_32_id",
            render_text(&settlement_slip(&s, &shop(), Lang::Id), 32)
        );
        insta::assert_snapshot!(
            "settlement_48_en",
            render_text(&settlement_slip(&s, &shop(), Lang::En), 48)
        );
    }

    #[test]
    fn a_settlement_slip_adds_up_and_has_room_for_the_chain_and_both_signatures() {
        for width in [32, 48] {
            let mut s = settlement(true);
            let text = render_text(&settlement_slip(&s, &shop(), Lang::Id), width);
            assert_fits(&text, width);
            assert!(text.contains("BAGI HASIL PRODUSEN"), "{text}");
            assert!(!text.contains("PRATINJAU"), "a closed day is final: {text}");
            assert!(has(&text, "Tanggal", "22 Nov 2026"), "{text}");
            assert!(has(&text, "Stok awal", "13 pcs"), "{text}");
            assert!(has(&text, "Terjual", "2 pcs"), "{text}");
            assert!(has(&text, "Selisih opname", "-1 pcs"), "{text}");
            assert!(has(&text, "Stok akhir", "10 pcs"), "{text}");
            assert!(has(&text, "Kembali (koreksi)", "2 bks"), "{text}");
            assert!(has(&text, "Stok akhir", "4 bks"), "{text}");
            assert!(text.contains("KOREKSI & RETUR PENJUALAN"), "{text}");
            assert!(has(&text, "KRPS", "-Rp 24.000"), "{text}");
            assert!(text.contains("No. 2 tgl 21 Nov 2026"), "{text}");
            assert!(has(&text, "Penjualan kotor", "-Rp 17.000"), "{text}");
            assert!(has(&text, "Bagian pojok", "-Rp 2.550"), "{text}");
            assert!(has(&text, "Bagian produsen", "-Rp 14.450"), "{text}");
            assert!(has(&text, "Saldo sebelumnya", "Rp 32.300"), "{text}");
            assert!(text.contains("Dibayar No. 0001"), "{text}");
            // The payout's label may wrap on narrow paper; its amount closes the line.
            assert!(
                text.contains("(Tunai)") && has(&text, "", " -Rp 10.000"),
                "{text}"
            );
            assert!(has(&text, "Saldo terutang", "Rp 7.850"), "{text}");
            assert!(text.contains("Rantai buku kas: -"), "{text}");
            assert!(
                text.contains("(Rina)") && text.contains("(Kue Basah Bu"),
                "{text}"
            );
            assert_eq!(
                text.lines().filter(|l| l.starts_with('_')).count(),
                1,
                "{text}"
            );
            s.chain_head = Some("9f2c41d0".into());
            s.header.closed = false;
            let text = render_text(&settlement_slip(&s, &shop(), Lang::En), width);
            assert!(text.contains("Ledger chain: 9f2c41d0"), "{text}");
            assert!(text.contains("PREVIEW: DAY NOT CLOSED"), "{text}");
        }
    }

    #[test]
    fn goods_the_corner_lost_are_owed_on_the_slip_and_in_its_balance() {
        let mut s = settlement(true);
        let without = render_text(&settlement_slip(&s, &shop(), Lang::Id), 32);
        assert!(!without.to_lowercase().contains("ganti rugi"), "{without}");
        // One lemper the corner dropped: 85 % of Rp 3.500.
        let lmpr = s.products.iter_mut().find(|p| p.code == "LMPR").unwrap();
        lmpr.lost = Rupiah(2_975);
        assert_eq!(s.balance_now(), Rupiah(7_850 + 2_975));
        for width in [32, 48] {
            let text = render_text(&settlement_slip(&s, &shop(), Lang::Id), width);
            assert_fits(&text, width);
            assert!(has(&text, "ganti rugi", "Rp 2.975"), "{text}");
            assert!(has(&text, "Ganti rugi pojok", "Rp 2.975"), "{text}");
            assert!(has(&text, "Saldo terutang", "Rp 10.825"), "{text}");
            let text = render_text(&settlement_slip(&s, &shop(), Lang::En), width);
            assert_fits(&text, width);
            assert!(has(&text, "Corner's losses", "Rp 2.975"), "{text}");
            assert!(has(&text, "corner's loss", "Rp 2.975"), "{text}");
        }
    }

    #[test]
    fn a_payout_slip_shows_the_balance_before_and_after() {
        let text = render_text(&payout_slip(&payout(), &shop(), Lang::Id), 32);
        insta::assert_snapshot!("payout_32_id", text);
        assert!(text.contains("BUKTI PEMBAYARAN PRODUSEN"));
        assert!(has(&text, "No. 0001", "22 Nov 2026 16:00"), "{text}");
        assert!(has(&text, "Cara bayar", "Tunai"), "{text}");
        assert!(has(&text, "Saldo sebelum", "Rp 17.850"), "{text}");
        assert!(has(&text, "Dibayar", "Rp 10.000"), "{text}");
        assert!(has(&text, "Saldo sesudah", "Rp 7.850"), "{text}");
        assert!(text.contains("Catatan: ambil sendiri"));
        let mut p = payout();
        p.method = PayoutMethod::Transfer;
        let text = render_text(&payout_slip(&p, &shop(), Lang::En), 48);
        assert_fits(&text, 48);
        assert!(has(&text, "Method", "Transfer"), "{text}");
        assert_eq!(payout_file_name(&p), "bayar-0001-SRI.txt");
        p.producer_code = "../x y".into();
        assert_eq!(payout_file_name(&p), "bayar-0001-xy.txt");
        assert_eq!(
            settlement_file_name(&settlement(true)),
            "bagi-hasil-SRI.txt"
        );
    }

    #[test]
    fn a_statement_runs_the_balance_day_by_day() {
        let first = {
            let mut s = settlement(true);
            s.header.date = day(21);
            s.corrections.clear();
            s.payouts.clear();
            s.products[1].sales = amounts(38_000, 32_300);
            s.balance_before = Rupiah(0);
            s
        };
        let st = Statement {
            producer_code: "SRI".into(),
            producer_name: "Kue Basah Bu Sri".into(),
            from: day(1),
            to: day(30),
            opening_balance: Rupiah(0),
            days: vec![first, settlement(false)],
        };
        let text = render_text(&statement(&st, &shop(), Lang::Id), 48);
        insta::assert_snapshot!("statement_48_id", text);
        assert_fits(&text, 48);
        assert!(text.contains("REKENING PRODUSEN"));
        assert!(text.contains("1 Nov 2026 s.d. 30 Nov 2026"), "{text}");
        assert!(has(&text, "Saldo", "Rp 32.300"), "{text}");
        assert!(has(&text, "Saldo", "Rp 7.850"), "{text}");
        assert!(has(&text, "LMPR Terjual", "2 pcs"), "{text}");
        assert!(has(&text, "Saldo akhir", "Rp 7.850"), "{text}");
        let empty = Statement {
            days: Vec::new(),
            ..st
        };
        let text = render_text(&statement(&empty, &shop(), Lang::En), 32);
        assert!(text.contains("No activity in this period."), "{text}");
        assert!(has(&text, "Closing balance", "Rp 0"), "{text}");
    }
}
