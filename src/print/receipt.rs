//! The sale receipt (struk): what was bought, what was paid, and the change, as a `Document`.

use crate::domain::{PaymentMethod, Sale, SaleReturn, ShopHeader};
use crate::strings::Lang;

use super::document::Document;
use super::format;

impl ShopHeader {
    pub(super) fn add_to(&self, doc: &mut Document) {
        doc.title(&self.name);
        for line in [&self.office, &self.address] {
            if !line.trim().is_empty() {
                doc.centered(line);
            }
        }
    }
}

/// The chain head of the printout's own entry, which `pojok verify --head` checks against
/// the file later; nothing for an entry not (yet) chained.
pub(super) fn add_chain_head(doc: &mut Document, head: Option<&str>, lang: Lang) {
    if let Some(head) = head {
        doc.text(&(lang.text().settle.chain_head)(head));
    }
}

/// The receipt for a recorded sale. A voided sale's receipt says so above and below its
/// lines, so a reprint can never pass for a valid one.
pub fn receipt(sale: &Sale, shop: &ShopHeader, lang: Lang) -> Document {
    receipt_document(sale, shop, lang, false)
}

/// A receipt printed again: marked as a copy, so two papers for one sale never look like
/// two sales.
pub fn receipt_copy(sale: &Sale, shop: &ShopHeader, lang: Lang) -> Document {
    receipt_document(sale, shop, lang, true)
}

fn receipt_document(sale: &Sale, shop: &ShopHeader, lang: Lang, copy: bool) -> Document {
    let text = &lang.text().print;
    let mut doc = Document::new();
    shop.add_to(&mut doc);
    doc.rule();
    if sale.voided {
        doc.mark(text.void_mark);
    }
    if copy {
        doc.mark(text.copy_mark);
    }
    doc.pair(
        &(text.receipt_number)(sale.number),
        &format::date_time(sale.at, lang),
    )
    .text(&(text.attendant)(&sale.attendant))
    .rule();
    for line in &sale.lines {
        let quantity = line.quantity.with_unit(line.unit);
        doc.item(
            &line.name,
            &(text.item_detail)(&quantity, line.unit_price),
            &line.total.to_string(),
        );
    }
    doc.rule()
        .emphasised_pair(text.total, &sale.total.to_string());
    for payment in &sale.payments {
        doc.pair(
            format::payment_method(payment.method, lang),
            &payment.tendered.to_string(),
        );
    }
    if sale
        .payments
        .iter()
        .any(|p| p.method == PaymentMethod::Cash)
    {
        doc.pair(text.change, &sale.change().to_string());
    }
    if let Some(name) = &sale.tab_customer {
        doc.text(&(lang.text().till.receipt_tab)(name));
    }
    doc.rule();
    // On a tab the customer signs for what they owe.
    if let Some(name) = &sale.tab_customer {
        doc.signatures(&[(text.customer_signs, name.as_str())]);
    }
    add_chain_head(&mut doc, sale.chain_head.as_deref(), lang);
    if sale.voided {
        doc.mark(text.void_mark);
    } else {
        doc.centered(text.thank_you);
    }
    doc
}

/// The slip of a part of a sale returned: which receipt it takes back, each line with what
/// it gives back, the total handed back and how, the reason, and signatures for the
/// customer and the attendant.
pub fn return_slip(ret: &SaleReturn, shop: &ShopHeader, lang: Lang) -> Document {
    let text = &lang.text().print;
    let mut doc = Document::new();
    shop.add_to(&mut doc);
    doc.rule().mark(text.return_title);
    doc.text(&(text.return_of)(
        ret.id,
        ret.sale_number,
        &format::date(ret.sale_date, lang),
    ))
    .pair(
        &(text.attendant)(&ret.attendant),
        &format::date_time(ret.at, lang),
    )
    .rule();
    for line in &ret.lines {
        doc.item(
            &line.name,
            &line.quantity.with_unit(line.unit),
            &line.amounts.total.to_string(),
        );
    }
    doc.rule()
        .emphasised_pair(text.return_total, &ret.amount().to_string())
        .text(&(text.return_refund)(&super::report::refund_text(
            ret.refund_method,
            lang,
        )))
        .text(&(text.slip_reason)(&ret.reason))
        .rule()
        .signatures(&[
            (text.customer_signs, ""),
            (text.slip_attendant_role, ret.attendant.as_str()),
        ]);
    add_chain_head(&mut doc, ret.chain_head.as_deref(), lang);
    doc
}

/// `retur-jual-0003.txt`: a return's slip, numbered by the return.
pub fn return_slip_file_name(ret: &SaleReturn) -> String {
    format!("retur-jual-{:04}.txt", ret.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Payment, Quantity, Rate, Rupiah, SaleLine, ShareRule, Unit, split_line};
    use crate::print::fixtures::shop;
    use crate::print::format::display_width;
    use crate::print::render_text;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn line(name: &str, unit: Unit, quantity: Quantity, price: i64) -> SaleLine {
        let rule = ShareRule::Percentage {
            rate: Rate::from_basis_points(1500).unwrap(),
        };
        let amounts = split_line(Rupiah(price), quantity, rule);
        SaleLine {
            product_id: 1,
            code: "X".into(),
            name: name.into(),
            unit,
            producer_code: "SRI".into(),
            producer_name: "Kue Bu Sri".into(),
            quantity,
            unit_price: Rupiah(price),
            total: amounts.total,
            producer_share: amounts.producer_share,
            corner_share: amounts.corner_share,
        }
    }

    fn cash(total: Rupiah, tendered: i64) -> Payment {
        Payment {
            method: PaymentMethod::Cash,
            amount: total,
            tendered: Rupiah(tendered),
            change: Rupiah(tendered) - total,
            customer: None,
        }
    }

    fn sale(lines: Vec<SaleLine>, tendered: i64) -> Sale {
        let total = lines.iter().map(|l| l.total).sum();
        Sale {
            chain_head: None,
            id: 31,
            number: 7,
            day_date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            at: NaiveDate::from_ymd_opt(2026, 11, 23)
                .unwrap()
                .and_hms_opt(9, 41, 12)
                .unwrap(),
            attendant: "Sari".into(),
            total,
            lines,
            payments: vec![cash(total, tendered)],
            voided: false,
            tab_customer: None,
        }
    }

    fn morning_sale() -> Sale {
        sale(
            vec![
                line("Lemper Ayam", Unit::Pcs, Quantity::whole(3), 3_000),
                line(
                    "Beras Pandan Wangi",
                    Unit::Kg,
                    Quantity::from_milli(1_250),
                    14_500,
                ),
                line(
                    "Kaos Sablon Semarang Hebat XL",
                    Unit::Pcs,
                    Quantity::whole(1),
                    80_000,
                ),
            ],
            150_000,
        )
    }

    fn render(sale: &Sale, lang: Lang, width: usize) -> String {
        render_text(&receipt(sale, &shop(), lang), width)
    }

    fn assert_fits(text: &str, width: usize) {
        for line in text.lines() {
            assert!(
                display_width(line) <= width,
                "line wider than {width}: {line:?}\n{text}"
            );
        }
    }

    #[test]
    fn a_copy_says_so_and_a_tab_receipt_has_the_customers_signature() {
        let original = render_text(&receipt(&morning_sale(), &shop(), Lang::Id), 32);
        assert!(!original.contains("SALINAN") && !original.contains("Pembeli"));
        let copy = render_text(&receipt_copy(&morning_sale(), &shop(), Lang::Id), 32);
        assert!(copy.contains("SALINAN"), "{copy}");
        let mut on_tab = morning_sale();
        on_tab.tab_customer = Some("Sari Dewi".into());
        let text = render_text(&receipt(&on_tab, &shop(), Lang::Id), 32);
        assert!(
            text.contains("Pembeli") && text.contains("(Sari Dewi)"),
            "{text}"
        );
    }

    #[test]
    fn receipt_for_58_mm_paper() {
        let text = render(&morning_sale(), Lang::Id, 32);
        insta::assert_snapshot!("receipt_32_id", text);
    }

    #[test]
    fn receipt_for_80_mm_paper() {
        let text = render(&morning_sale(), Lang::En, 48);
        insta::assert_snapshot!("receipt_48_en", text);
    }

    #[test]
    fn receipt_shows_lines_total_payment_and_change() {
        let sale = morning_sale();
        assert_eq!(sale.total, Rupiah(107_125));
        for width in [32, 48] {
            let text = render(&sale, Lang::Id, width);
            assert_fits(&text, width);
            let lines: Vec<&str> = text.lines().collect();
            let has = |prefix: &str, suffix: &str| {
                lines
                    .iter()
                    .any(|l| l.trim_start().starts_with(prefix) && l.ends_with(suffix))
            };
            assert!(lines[0].contains("Pojok UMKM"));
            assert!(has("No. 7", "23 Nov 2026 09:41"), "{text}");
            assert!(has("Kasir: Sari", "Sari"));
            assert!(has("Lemper Ayam", "Ayam"));
            assert!(has("3 pcs x Rp 3.000", "Rp 9.000"), "{text}");
            assert!(has("1,25 kg x Rp 14.500", "Rp 18.125"), "{text}");
            assert!(has("TOTAL", "Rp 107.125"));
            assert!(has("Tunai", "Rp 150.000"));
            assert!(has("Kembalian", "Rp 42.875"));
            assert!(has("Terima kasih", "kasih"));
            assert!(!text.contains("DIBATALKAN"));
        }
    }

    #[test]
    fn every_payment_of_a_split_is_printed_and_change_only_for_cash() {
        let mut sale = morning_sale();
        let qris = Payment {
            method: PaymentMethod::Qris,
            amount: Rupiah(100_000),
            tendered: Rupiah(100_000),
            change: Rupiah::ZERO,
            customer: None,
        };
        sale.payments = vec![qris, cash(Rupiah(7_125), 10_000)];
        let text = render(&sale, Lang::En, 32);
        assert!(
            text.lines()
                .any(|l| l.starts_with("QRIS") && l.ends_with("Rp 100.000"))
        );
        assert!(
            text.lines()
                .any(|l| l.starts_with("Cash") && l.ends_with("Rp 10.000"))
        );
        assert!(
            text.lines()
                .any(|l| l.starts_with("Change") && l.ends_with("Rp 2.875"))
        );

        sale.payments = vec![Payment {
            method: PaymentMethod::Transfer,
            amount: sale.total,
            tendered: sale.total,
            change: Rupiah::ZERO,
            customer: None,
        }];
        let text = render(&sale, Lang::Id, 32);
        assert!(
            text.lines()
                .any(|l| l.starts_with("Transfer") && l.ends_with("Rp 107.125"))
        );
        assert!(!text.contains("Kembalian"));
    }

    #[test]
    fn a_long_name_is_wrapped_then_cut_within_the_width() {
        let name = "Keripik Singkong Balado Pedas Manis Khas Lereng Merbabu Kemasan Ekonomis \
                    Isi Dua Ratus Lima Puluh Gram Produksi Kelompok Wanita Tani";
        let sale = sale(
            vec![line(name, Unit::Bks, Quantity::whole(2), 12_000)],
            50_000,
        );
        for width in [32, 48] {
            let text = render(&sale, Lang::Id, width);
            assert_fits(&text, width);
            let lines: Vec<&str> = text.lines().collect();
            let start = lines.iter().position(|l| l.starts_with("Keripik")).unwrap();
            assert!(lines[start + 1].ends_with("..."), "{text}");
            assert!(
                lines[start + 2].starts_with("  2 bks x Rp 12.000"),
                "{text}"
            );
            assert!(lines[start + 2].ends_with("Rp 24.000"));
        }
        let unbroken = "X".repeat(70);
        let sale = self::sale(
            vec![line(&unbroken, Unit::Pcs, Quantity::whole(1), 500)],
            500,
        );
        assert_fits(&render(&sale, Lang::Id, 32), 32);
    }

    #[test]
    fn control_characters_never_reach_the_paper() {
        let mut sale = sale(
            vec![line(
                "Sambal\u{1b}@\u{1b}d\u{7} Roa\u{0}",
                Unit::Btl,
                Quantity::whole(1),
                45_000,
            )],
            50_000,
        );
        sale.attendant = "Sa\u{1b}ri".into();
        let mut shop = shop();
        shop.name = "Pojok\u{1b}E\u{1} UMKM".into();
        let text = render_text(&receipt(&sale, &shop, Lang::Id), 32);
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert!(text.contains("Sambal@d Roa"));
        assert!(text.contains("Kasir: Sari"));
        assert!(text.contains("PojokE UMKM"));
    }

    #[test]
    fn a_voided_sale_is_marked_in_the_language_of_the_receipt() {
        let mut sale = morning_sale();
        sale.voided = true;
        let id = render(&sale, Lang::Id, 32);
        assert_eq!(id.matches("*** DIBATALKAN ***").count(), 2, "{id}");
        assert!(!id.contains("Terima kasih"));
        let en = render(&sale, Lang::En, 48);
        assert_eq!(en.matches("*** VOID ***").count(), 2, "{en}");
        assert_fits(&id, 32);
    }

    fn any_unit() -> impl Strategy<Value = Unit> {
        proptest::sample::select(Unit::ALL.to_vec())
    }

    fn any_line() -> impl Strategy<Value = SaleLine> {
        (
            "[ -~\u{1b}\u{7}\t\u{e9}\u{4e00}-\u{4e0f}]{0,90}",
            any_unit(),
            1i64..=9_999_000,
            1i64..=100_000_000,
        )
            .prop_map(|(name, unit, milli, price)| {
                let quantity = if unit.is_weighed() {
                    Quantity::from_milli(milli)
                } else {
                    Quantity::whole(milli.div_euclid(1_000).max(1))
                };
                line(&name, unit, quantity, price)
            })
    }

    proptest! {
        #[test]
        fn every_line_fits_and_the_total_is_printed(
            lines in proptest::collection::vec(any_line(), 1..6),
            extra in 0i64..=1_000_000,
            width in 24usize..=64,
            lang in proptest::sample::select(vec![Lang::Id, Lang::En]),
        ) {
            let mut sale = sale(lines, 0);
            sale.payments = vec![cash(sale.total, sale.total.value() + extra)];
            let text = render(&sale, lang, width);
            for line in text.lines() {
                prop_assert!(display_width(line) <= width, "{:?} wider than {}", line, width);
                prop_assert!(!line.chars().any(char::is_control), "{:?}", line);
            }
            let total = sale.total.to_string();
            let lines: Vec<&str> = text.lines().collect();
            let at = lines.iter().position(|l| l.starts_with("TOTAL"));
            prop_assert!(at.is_some(), "no TOTAL in\n{}", text);
            let at = at.unwrap_or_default();
            prop_assert!(
                lines[at].ends_with(&total) || lines[at + 1].trim_start() == total,
                "{} missing from\n{}", total, text
            );
        }
    }
}
