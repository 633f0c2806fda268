//! The till's slips: a cash move (kas masuk/keluar), a tab paid off, and a customer's tab
//! statement.

use crate::domain::{CashDirection, CashMove, ShopHeader, TabEntry, TabPayment, TabStatement};
use crate::strings::Lang;

use super::document::Document;
use super::format;

pub fn cash_slip(m: &CashMove, shop: &ShopHeader, lang: Lang) -> Document {
    let till = &lang.text().till;
    let mut doc = Document::new();
    shop.add_to(&mut doc);
    doc.rule()
        .title(till.cash_slip_title)
        .pair(&format!("No. {:04}", m.id), &format::date_time(m.at, lang))
        .rule()
        .emphasised_pair(
            match m.direction {
                CashDirection::In => till.cash_in,
                CashDirection::Out => till.cash_out,
            },
            &m.amount.to_string(),
        )
        .text(&format!("{}: {}", till.reason, m.reason));
    super::receipt::add_chain_head(&mut doc, m.chain_head.as_deref(), lang);
    doc.blank()
        .signatures(&[(till.signature_attendant, m.attendant.as_str())]);
    doc
}

/// The receipt of a tab paid off: how much, how, what was owed before and what is left,
/// signed by the attendant and whoever paid.
pub fn tab_payment_receipt(
    p: &TabPayment,
    customer: &str,
    shop: &ShopHeader,
    lang: Lang,
) -> Document {
    let till = &lang.text().till;
    let mut doc = Document::new();
    shop.add_to(&mut doc);
    doc.rule()
        .title(till.tab_receipt_title)
        .pair(&format!("No. {:04}", p.id), &format::date_time(p.at, lang))
        .text(customer)
        .rule()
        .pair(till.tab_owed_before, &(p.owed_after + p.amount).to_string())
        .emphasised_pair(
            format::payment_method(p.method, lang),
            &p.amount.to_string(),
        )
        .pair(till.tab_owed_after, &p.owed_after.to_string());
    if !p.note.trim().is_empty() {
        doc.text(p.note.trim());
    }
    super::receipt::add_chain_head(&mut doc, p.chain_head.as_deref(), lang);
    doc.blank().signatures(&[
        (till.signature_attendant, p.attendant.as_str()),
        (till.signature_customer, customer),
    ]);
    doc
}

/// `bayar-bon-0003.txt`.
pub fn tab_payment_file_name(p: &TabPayment) -> String {
    format!("bayar-bon-{:04}.txt", p.id)
}

/// `kas-0003.txt`.
pub fn cash_slip_file_name(m: &CashMove) -> String {
    format!("kas-{:04}.txt", m.id)
}

pub fn tab_statement(statement: &TabStatement, shop: &ShopHeader, lang: Lang) -> Document {
    let till = &lang.text().till;
    let c = &statement.customer;
    let mut doc = Document::new();
    shop.add_to(&mut doc);
    doc.rule().title(till.tab_statement_title).text(&c.name);
    if let Some(nip) = &c.nip {
        doc.text(&format!("NIP {nip}"));
    }
    if !c.unit.is_empty() {
        doc.text(&c.unit);
    }
    doc.centered(&format!(
        "{} - {}",
        format::date(statement.from, lang),
        format::date(statement.to, lang)
    ))
    .rule()
    .pair(till.statement_opening, &statement.opening.to_string());
    for (entry, balance) in &statement.entries {
        let what = match entry {
            TabEntry::Charge {
                sale_date,
                sale_number,
                ..
            } => (till.statement_charge)(&format::date(*sale_date, lang), *sale_number),
            TabEntry::Payment { method, .. } => {
                (till.statement_payment)(format::payment_method(*method, lang))
            }
            TabEntry::Refund {
                sale_date,
                sale_number,
                ..
            } => (till.statement_refund)(&format::date(*sale_date, lang), *sale_number),
        };
        doc.item(
            &what,
            &format::date_time(entry.at(), lang),
            &entry.signed().to_string(),
        )
        .pair("", &balance.to_string());
    }
    doc.rule()
        .emphasised_pair(till.statement_closing, &statement.closing().to_string());
    doc
}

/// `bon-0007-20261101-20261130.txt`.
pub fn tab_statement_file_name(statement: &TabStatement) -> String {
    format!(
        "bon-{:04}-{}-{}.txt",
        statement.customer.id,
        statement.from.format("%Y%m%d"),
        statement.to.format("%Y%m%d")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Customer, PaymentMethod, Rupiah};
    use crate::print::render_text;
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn a_tab_payments_receipt_says_what_was_owed_paid_and_left_in_both_languages() {
        let p = TabPayment {
            id: 7,
            customer_id: 2,
            method: PaymentMethod::Qris,
            amount: Rupiah(20_000),
            day_date: day(),
            at: day().and_hms_opt(10, 5, 0).unwrap(),
            attendant: "Rina".into(),
            note: "gajian".into(),
            owed_after: Rupiah(31_000),
            chain_head: Some("3f9a0c1be27d#88".into()),
        };
        let has = |text: &str, label: &str, amount: &str| {
            text.lines()
                .any(|l| l.starts_with(label) && l.ends_with(amount))
        };
        let shop = ShopHeader::default();
        let text = render_text(&tab_payment_receipt(&p, "Sri Wahyuni", &shop, Lang::Id), 32);
        assert!(text.contains("BAYAR BON"), "{text}");
        assert!(has(&text, "No. 0007", "23 Nov 2026 10:05"), "{text}");
        assert!(has(&text, "Bon sebelum", "Rp 51.000"), "{text}");
        assert!(has(&text, "QRIS", "Rp 20.000"), "{text}");
        assert!(has(&text, "Sisa bon", "Rp 31.000"), "{text}");
        assert!(text.contains("3f9a0c1be27d#88"), "{text}");
        assert!(text.contains("(Sri Wahyuni)"), "{text}");
        let text = render_text(&tab_payment_receipt(&p, "Sri Wahyuni", &shop, Lang::En), 48);
        assert!(text.contains("TAB PAYMENT"), "{text}");
        assert!(has(&text, "Still owed", "Rp 31.000"), "{text}");
        assert_eq!(tab_payment_file_name(&p), "bayar-bon-0007.txt");
    }

    #[test]
    fn a_cash_slip_says_which_way_how_much_and_why() {
        let m = CashMove {
            chain_head: None,
            id: 3,
            day_date: day(),
            direction: CashDirection::Out,
            amount: Rupiah(12_500),
            reason: "Kantong plastik".into(),
            at: day().and_hms_opt(9, 15, 0).unwrap(),
            attendant: "Rina".into(),
        };
        let text = render_text(&cash_slip(&m, &ShopHeader::default(), Lang::Id), 32);
        assert!(text.contains("Kas keluar"), "{text}");
        assert!(text.contains("Rp 12.500"), "{text}");
        assert!(text.contains("Kantong plastik"), "{text}");
        assert_eq!(cash_slip_file_name(&m), "kas-0003.txt");
    }

    #[test]
    fn a_statement_lists_each_entry_with_the_balance_after_it() {
        let customer = Customer {
            id: 7,
            name: "Budi Santoso".into(),
            nip: Some("198001012005011001".into()),
            unit: "Bidang Umum".into(),
            phone: String::new(),
            active: true,
        };
        let at = day().and_hms_opt(9, 0, 0).unwrap();
        let statement = TabStatement::new(
            customer,
            day(),
            day(),
            Rupiah(5_000),
            vec![
                TabEntry::Charge {
                    at,
                    sale_date: day(),
                    sale_number: 12,
                    amount: Rupiah(20_000),
                },
                TabEntry::Payment {
                    at,
                    method: PaymentMethod::Transfer,
                    amount: Rupiah(15_000),
                },
            ],
        );
        let text = render_text(
            &tab_statement(&statement, &ShopHeader::default(), Lang::En),
            48,
        );
        for expected in [
            "TAB STATEMENT",
            "NIP 198001012005011001",
            "Purchase 23 Nov 2026 #12",
            "Paid (Transfer)",
            "Rp 25.000",
            "Rp 10.000",
        ] {
            assert!(text.contains(expected), "{expected} in\n{text}");
        }
        assert_eq!(
            tab_statement_file_name(&statement),
            "bon-0007-20261123-20261123.txt"
        );
    }
}
