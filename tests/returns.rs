//! Returning part of a sale on a real ledger file: of the open day (a partial void) and of a
//! closed day (a partial correction); the goods, the refund, the producers' balances, the
//! day report, the settlement, the statement and the recap all see it; what is refused
//! changes nothing; and over random days the settlement identity holds.

mod common;

use std::collections::HashMap;

use common::*;
use pojok::domain::{
    Cart, Catalogue, NewCustomer, PartRequest, PaymentMethod, Quantity, RefundMethod, Rupiah, Sale,
    StockQuantity, Tender,
};
use pojok::ledger::{Ledger, LedgerError};
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

fn part(line_no: i64, milli: i64) -> PartRequest {
    PartRequest {
        line_no,
        quantity: Quantity::from_milli(milli),
    }
}

/// `small_ledger` at `path`, 20 Nov 2026 opened, and Rina's sale of `items` at 08:00.
fn day_with_a_sale(
    path: &std::path::Path,
    items: &[(&str, i64)],
    method: PaymentMethod,
) -> (Ledger, Sale) {
    let mut ledger = small_ledger(path);
    rina_opens(&mut ledger, "2026-11-20", 100_000, "07:00");
    let sale = sell_milli(&mut ledger, items, method, "2026-11-20 08:00");
    (ledger, sale)
}

fn balance(ledger: &Ledger, code: &str) -> Rupiah {
    ledger
        .producer_balances()
        .unwrap()
        .into_iter()
        .find(|b| b.code == code)
        .map_or(Rupiah::ZERO, |b| b.balance)
}

/// 3 lemper (Rp 3.500, SRI at 15 %: producer 8.925 of 10.500) and 1,25 kg rice (TANI at
/// producer price 13.500/kg: 16.875 of 18.750), paid in cash; one lemper and 0,5 kg back.
#[test]
fn a_partial_void_of_the_open_day_reverses_in_proportion_and_puts_the_goods_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ledger, sale) = day_with_a_sale(
        &dir.path().join("pojok.db"),
        &[("LMPR", 3_000), ("BRS", 1_250)],
        PaymentMethod::Cash,
    );
    assert_eq!(sale.lines[0].producer_share, Rupiah(8_925));
    assert_eq!(sale.lines[1].producer_share, Rupiah(16_875));
    let (lemper, rice) = (on_hand(&ledger, "LMPR"), on_hand(&ledger, "BRS"));
    let cash_before = open_day_cash(&ledger).expected();

    let back = ledger
        .return_part(
            sale.id,
            &[part(1, 1_000), part(2, 500)],
            RefundMethod::Cash,
            "Lemper basi",
            "Rina",
            at("2026-11-20 09:00"),
        )
        .unwrap();
    // 8.925 / 3 = 2.975; 16.875 × 0,4 = 6.750; totals 3.500 and 7.500.
    assert_eq!(back.lines.len(), 2);
    assert_eq!(back.lines[0].amounts.producer_share, Rupiah(2_975));
    assert_eq!(back.lines[0].amounts.total, Rupiah(3_500));
    assert_eq!(back.lines[1].amounts.producer_share, Rupiah(6_750));
    assert_eq!(back.lines[1].amounts.total, Rupiah(7_500));
    assert_eq!(back.amount(), Rupiah(11_000));
    assert!(!back.corrects_closed_day());
    assert!(back.chain_head.is_some(), "its slip carries the chain head");

    assert_eq!(
        on_hand(&ledger, "LMPR"),
        lemper + StockQuantity::from_milli(1_000)
    );
    assert_eq!(
        on_hand(&ledger, "BRS"),
        rice + StockQuantity::from_milli(500)
    );
    assert_eq!(balance(&ledger, "SRI"), Rupiah(8_925 - 2_975));
    assert_eq!(balance(&ledger, "TANI"), Rupiah(16_875 - 6_750));
    let cash_after = open_day_cash(&ledger).expected();
    assert_eq!(cash_before - cash_after, Rupiah(11_000));

    // The list says what went back; the report lists the return; the settlement nets it.
    let listed = ledger.sales_of_open_day().unwrap();
    assert_eq!(listed[0].returned, Rupiah(11_000));
    let report = ledger.day_report(date("2026-11-20")).unwrap().unwrap();
    assert_eq!(report.returns.len(), 1);
    assert_eq!(report.returns[0].amount(), Rupiah(11_000));
    assert_eq!(report.cash.refunds, Rupiah(11_000));
    let sri = &ledger
        .settlement_for(date("2026-11-20"), Some("SRI"))
        .unwrap()[0];
    assert_eq!(sri.producer_share(), Rupiah(8_925 - 2_975));
    assert_eq!(sri.gross(), Rupiah(7_000));
    assert_eq!(sri.corrections[0].quantity, Quantity::whole(1));
    let row = sri.products.iter().find(|p| p.code == "LMPR").unwrap();
    assert_eq!(row.closing(), on_hand(&ledger, "LMPR"));
    assert!(ledger.verify().unwrap().is_clean());
}

#[test]
fn a_line_returned_in_three_parts_reverses_exactly_what_it_froze() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ledger, sale) = day_with_a_sale(
        &dir.path().join("pojok.db"),
        &[("LMPR", 3_000)],
        PaymentMethod::Qris,
    );
    let mut reversed = Rupiah::ZERO;
    let mut total = Rupiah::ZERO;
    for minute in 0..3 {
        let back = ledger
            .return_part(
                sale.id,
                &[part(1, 1_000)],
                RefundMethod::Qris,
                "satu-satu",
                "Rina",
                at(&format!("2026-11-20 09:0{minute}")),
            )
            .unwrap();
        reversed += back.lines[0].amounts.producer_share;
        total += back.amount();
    }
    // 8.925 in thirds: 2.975 each, exactly.
    assert_eq!(reversed, sale.lines[0].producer_share);
    assert_eq!(total, sale.total);
    assert_eq!(balance(&ledger, "SRI"), Rupiah::ZERO);
    // Nothing is left to return, and a whole void is refused.
    assert!(matches!(
        ledger.return_part(
            sale.id,
            &[part(1, 1_000)],
            RefundMethod::Qris,
            "lagi",
            "Rina",
            at("2026-11-20 09:10")
        ),
        Err(LedgerError::ReturnAboveSold { .. })
    ));
    assert!(matches!(
        ledger.void_sale(sale.id, "batal", "Rina", at("2026-11-20 09:11")),
        Err(LedgerError::ReturnedInPart(_))
    ));
    assert!(ledger.verify().unwrap().is_clean());
}

/// Yesterday's sale on Budi's tab: part of it comes back today onto the tab; yesterday's
/// report stays as it was closed, today's settlement and the month's recap take it off.
#[test]
fn a_partial_correction_of_a_closed_day_goes_on_the_open_day_and_back_onto_the_tab() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = small_ledger(&dir.path().join("pojok.db"));
    let budi = ledger
        .add_customer(
            &NewCustomer {
                name: "Budi Santoso".into(),
                nip: None,
                unit: "Bidang Umum".into(),
                phone: String::new(),
            },
            at("2026-11-19 07:00"),
        )
        .unwrap()
        .id;
    rina_opens(&mut ledger, "2026-11-19", 100_000, "07:00");
    let catalogue = Catalogue::new(ledger.active_products().unwrap());
    let mut cart = Cart::default();
    cart.add(catalogue.lookup("KRPS").unwrap(), Quantity::whole(2))
        .unwrap();
    let mut tender = Tender::new(cart.total());
    tender.pay_tab(budi, None).unwrap();
    let sale = ledger
        .record_sale(&cart, &tender.payments, "Rina", at("2026-11-19 10:00"))
        .unwrap();
    close_counted(&mut ledger, "Rina", at("2026-11-19 17:00")).unwrap();
    let closed_report = ledger.day_report(date("2026-11-19")).unwrap().unwrap();
    let owed_before = ledger.customer_balances().unwrap()[0].owed();

    rina_opens(&mut ledger, "2026-11-20", 100_000, "07:00");
    let back = ledger
        .return_part(
            sale.id,
            &[part(1, 1_000)],
            RefundMethod::Tab,
            "Bungkus rusak",
            "Rina",
            at("2026-11-20 08:00"),
        )
        .unwrap();
    assert!(back.corrects_closed_day());
    assert_eq!(back.amount(), Rupiah(12_000));
    assert_eq!(
        ledger.customer_balances().unwrap()[0].owed(),
        owed_before - Rupiah(12_000)
    );
    assert_eq!(
        ledger.day_report(date("2026-11-19")).unwrap().unwrap(),
        closed_report,
        "the closed day's report stays exactly as it was"
    );
    // 2 × 12.000 at 15 %: 20.400 frozen, half back.
    let today = &ledger
        .settlement_for(date("2026-11-20"), Some("SRI"))
        .unwrap()[0];
    assert_eq!(today.producer_share(), Rupiah(-10_200));
    assert_eq!(today.balance_before, Rupiah(20_400));
    assert_eq!(today.balance_now(), Rupiah(10_200));
    assert_eq!(balance(&ledger, "SRI"), Rupiah(10_200));
    let statement = ledger
        .statement("SRI", date("2026-11-19"), date("2026-11-20"))
        .unwrap();
    assert_eq!(statement.closing_balance(), Rupiah(10_200));
    let recap = ledger
        .month_recap(date("2026-11-01"), date("2026-11-30"))
        .unwrap();
    let sri = recap.producers.iter().find(|p| p.code == "SRI").unwrap();
    assert_eq!(sri.corrected, Rupiah(10_200));
    assert_eq!(
        sri.balance_start + sri.producer_share - sri.corrected - sri.paid_out,
        sri.balance_end
    );
    // The same sale's rest cannot go onto the tab beyond what it put there, nor a refund
    // of cash onto a tab sale's customer: a QRIS refund of the rest is fine.
    assert!(matches!(
        ledger.correct_sale(
            sale.id,
            RefundMethod::Tab,
            "semua",
            "Rina",
            at("2026-11-20 08:05")
        ),
        Err(LedgerError::ReturnedInPart(_))
    ));
    ledger
        .return_part(
            sale.id,
            &[part(1, 1_000)],
            RefundMethod::Qris,
            "sisanya",
            "Rina",
            at("2026-11-20 08:10"),
        )
        .unwrap();
    assert_eq!(balance(&ledger, "SRI"), Rupiah::ZERO);
    let json = String::from_utf8(
        pojok(
            &dir.path().join("pojok.db"),
            &["report", "day", "--date", "2026-11-20", "--json"],
        )
        .stdout,
    )
    .unwrap();
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let returns = report["returns"].as_array().unwrap();
    assert_eq!(returns.len(), 2);
    assert_eq!(returns[0]["sale_number"], 1);
    assert_eq!(returns[0]["sale_date"], "2026-11-19");
    assert_eq!(returns[0]["refund_method"], "tab");
    assert_eq!(returns[0]["lines"][0]["amounts"]["producer_share"], 10_200);
    assert_eq!(returns[0]["lines"][0]["quantity"], 1);
    assert_eq!(returns[0]["lines"][0]["unit"], "bks");
    assert_eq!(returns[0]["lines"][0]["code"], "KRPS");
    // The settlement slip through the real binary lists both parts against receipt No. 1.
    let out = pojok(
        &dir.path().join("pojok.db"),
        &[
            "settlement",
            "--date",
            "2026-11-20",
            "--producer",
            "SRI",
            "--lang",
            "id",
        ],
    );
    let slip = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{slip}");
    assert!(slip.contains("KOREKSI & RETUR PENJUALAN"), "{slip}");
    assert_eq!(
        slip.matches("Bungkus rusak").count() + slip.matches("sisanya").count(),
        2,
        "{slip}"
    );
    assert!(ledger.verify().unwrap().is_clean());
}

/// What is refused says why and leaves the file as it was.
#[test]
fn refused_returns_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (mut ledger, sale) = day_with_a_sale(&path, &[("LMPR", 2_000)], PaymentMethod::Qris);
    let voided = sell_milli(
        &mut ledger,
        &[("LMPR", 1_000)],
        PaymentMethod::Cash,
        "2026-11-20 08:01",
    );
    ledger
        .void_sale(voided.id, "salah", "Rina", at("2026-11-20 08:02"))
        .unwrap();
    let before = snapshot(&path);
    let when = at("2026-11-20 09:00");
    let mut try_return = |sale_id, parts: &[PartRequest], refund, reason| {
        ledger
            .return_part(sale_id, parts, refund, reason, "Rina", when)
            .unwrap_err()
    };
    assert!(matches!(
        try_return(sale.id, &[part(1, 3_000)], RefundMethod::Qris, "x"),
        LedgerError::ReturnAboveSold { left, .. } if left == Quantity::whole(2)
    ));
    // Pieces come back whole.
    assert!(matches!(
        try_return(sale.id, &[part(1, 500)], RefundMethod::Qris, "x"),
        LedgerError::ReturnAboveSold { .. }
    ));
    assert!(matches!(
        try_return(sale.id, &[part(2, 1_000)], RefundMethod::Qris, "x"),
        LedgerError::UnknownSaleLine { line_no: 2, .. }
    ));
    assert!(matches!(
        try_return(sale.id, &[], RefundMethod::Qris, "x"),
        LedgerError::NothingToReturn
    ));
    assert!(matches!(
        try_return(sale.id, &[part(1, 1_000)], RefundMethod::Qris, "  "),
        LedgerError::EmptyReason
    ));
    assert!(matches!(
        try_return(voided.id, &[part(1, 1_000)], RefundMethod::Qris, "x"),
        LedgerError::AlreadyVoided(_)
    ));
    assert!(matches!(
        try_return(sale.id, &[part(1, 1_000)], RefundMethod::Tab, "x"),
        LedgerError::NotOnTab(_)
    ));
    assert_eq!(
        snapshot(&path),
        before,
        "a refusal leaves the file as it was"
    );
    // The drawer holds the float and the voided sale's nothing: 100.000.
    let big = sell_milli(
        &mut ledger,
        &[("BRS", 9_000)],
        PaymentMethod::Qris,
        "2026-11-20 08:03",
    );
    let before_big = snapshot(&path);
    assert!(matches!(
        ledger.return_part(big.id, &[part(1, 9_000)], RefundMethod::Cash, "x", "Rina", when),
        Err(LedgerError::CashOutAboveDrawer { holds }) if holds == Rupiah(100_000)
    ));
    assert_eq!(snapshot(&path), before_big);
}

/// History stays append-only: a return's rows cannot be edited or deleted in the file.
#[test]
fn a_return_cannot_be_edited_or_deleted_afterwards() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (mut ledger, sale) = day_with_a_sale(&path, &[("LMPR", 2_000)], PaymentMethod::Qris);
    ledger
        .return_part(
            sale.id,
            &[part(1, 1_000)],
            RefundMethod::None,
            "contoh",
            "Rina",
            at("2026-11-20 09:00"),
        )
        .unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    for sql in [
        "UPDATE sale_returns SET reason = 'lain'",
        "DELETE FROM sale_returns",
        "UPDATE sale_return_lines SET producer_share = 0, corner_share = total",
        "DELETE FROM sale_return_lines",
        // A line for a sale the return is not about, or past what the line sold.
        "INSERT INTO sale_return_lines (return_id, sale_line_id, quantity_milli, total,
             producer_share, corner_share) VALUES (1, 1, 5000, 0, 0, 0)",
    ] {
        assert!(conn.execute(sql, []).is_err(), "{sql}");
    }
    assert!(ledger.verify().unwrap().is_clean());
}

#[derive(Clone, Debug)]
enum Op {
    /// Lines: product index and how many (sugar by the 375 g, returned by the 125 g).
    Sale(Vec<(usize, i64)>),
    /// Return part of a live sale: which sale, then per line a fraction in tenths of what
    /// is left (0 leaves the line).
    Return(usize, Vec<u8>),
    Payout(usize, i64),
}

/// Prices whose shares do not divide evenly, so that every part rounds.
const CODES: [&str; 3] = ["LMPR", "KUE", "GULA"];

/// The small ledger with a cake at Rp 2.333 (SRI, 15 %) and sugar at Rp 1.999/kg (TANI,
/// producer price Rp 1.111/kg), sold by the 125 g.
fn awkward_ledger(path: &std::path::Path) -> Ledger {
    let mut ledger = small_ledger(path);
    for (code, unit, price, producer, producer_price) in [
        ("KUE", pojok::domain::Unit::Pcs, 2_333, "SRI", None),
        (
            "GULA",
            pojok::domain::Unit::Kg,
            1_999,
            "TANI",
            Some(Rupiah(1_111)),
        ),
    ] {
        ledger
            .add_product(&pojok::ledger::NewProduct {
                code: code.into(),
                barcode: None,
                name: code.into(),
                variant: String::new(),
                unit,
                price: Rupiah(price),
                producer_code: producer.into(),
                producer_price,
                min_stock: StockQuantity::ZERO,
                daily: false,
            })
            .unwrap();
    }
    ledger
}
const PRODUCERS: [&str; 2] = ["SRI", "TANI"];

fn any_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => proptest::collection::vec((0..3usize, 1i64..=4), 1..4).prop_map(Op::Sale),
        3 => (any::<usize>(), proptest::collection::vec(0u8..=10, 1..4))
            .prop_map(|(s, f)| Op::Return(s, f)),
        1 => (0..2usize, 1i64..=10).prop_map(|(p, t)| Op::Payout(p, t)),
    ]
}

/// round(amount × part / whole), half away from zero: the rule as README states it.
fn rounded(amount: Rupiah, part: i64, whole: i64) -> Rupiah {
    let exact = amount.to_decimal() * Decimal::from(part) / Decimal::from(whole);
    let r = exact.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    Rupiah(rust_decimal::prelude::ToPrimitive::to_i64(&r).unwrap())
}

/// A sale's lines as the model keeps them: producer, sold, returned so far, frozen share.
struct ModelSale {
    id: i64,
    lines: Vec<(&'static str, i64, i64, Rupiah)>,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Over random days of sales, partial returns (of the open day's sales and of closed
    /// days'), payouts and closes: every producer's settlement of every day satisfies
    /// balance before + shares − reversals − payouts = balance after (the next day's
    /// balance before, or the balance now), the statement and the balances agree with a
    /// model that reverses round(share × returned so far / sold) less what earlier parts
    /// reversed, and a line returned in full has reversed exactly its frozen share.
    #[test]
    fn the_settlement_identity_holds_with_partial_returns(
        days in proptest::collection::vec(proptest::collection::vec(any_op(), 0..10), 1..4)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = awkward_ledger(&dir.path().join("pojok.db"));
        let mut owed: HashMap<&str, Rupiah> = HashMap::new();
        let mut sales: Vec<ModelSale> = Vec::new();
        let first = date("2026-11-02");
        for (d, ops) in days.iter().enumerate() {
            let day = first + chrono::Days::new(d as u64);
            let at = |minute: usize| day.and_hms_opt(8, 0, 0).unwrap() + chrono::Duration::minutes(minute as i64);
            ledger.open_day(day, "Rina", Rupiah(0), at(0)).unwrap();
            for (i, op) in ops.iter().enumerate() {
                match op {
                    Op::Sale(lines) => {
                        let items: Vec<(&str, i64)> = lines
                            .iter()
                            .map(|(p, n)| (CODES[*p], if *p == 2 { n * 375 } else { n * 1_000 }))
                            .collect();
                        let catalogue = Catalogue::new(ledger.active_products().unwrap());
                        let mut cart = Cart::default();
                        for (code, milli) in &items {
                            cart.add(catalogue.lookup(code).unwrap(), Quantity::from_milli(*milli)).unwrap();
                        }
                        let mut tender = Tender::new(cart.total());
                        tender.pay_rest(PaymentMethod::Qris, None).unwrap();
                        let sale = ledger.record_sale(&cart, &tender.payments, "Rina", at(i + 1)).unwrap();
                        let mut model = ModelSale { id: sale.id, lines: Vec::new() };
                        for l in &sale.lines {
                            let who = if l.producer_code == "SRI" { "SRI" } else { "TANI" };
                            *owed.entry(who).or_insert(Rupiah::ZERO) += l.producer_share;
                            model.lines.push((who, l.quantity.milli(), 0, l.producer_share));
                        }
                        sales.push(model);
                    }
                    Op::Return(pick, tenths) => {
                        if sales.is_empty() {
                            continue;
                        }
                        let s = pick % sales.len();
                        let mut parts = Vec::new();
                        for (n, t) in tenths.iter().enumerate() {
                            let Some(&(who, sold, returned, share)) = sales[s].lines.get(n) else { continue };
                            let step = if who == "TANI" { 125 } else { 1_000 };
                            let q = (sold - returned) * i64::from(*t) / 10 / step * step;
                            if q > 0 {
                                parts.push(PartRequest { line_no: n as i64 + 1, quantity: Quantity::from_milli(q) });
                                let back = rounded(share, returned + q, sold) - rounded(share, returned, sold);
                                *owed.get_mut(who).unwrap() -= back;
                                sales[s].lines[n].2 += q;
                            }
                        }
                        if parts.is_empty() {
                            continue;
                        }
                        ledger.return_part(sales[s].id, &parts, RefundMethod::Qris, "retur", "Rina", at(i + 1)).unwrap();
                    }
                    Op::Payout(p, tenths) => {
                        let who = PRODUCERS[*p];
                        let now = owed.get(who).copied().unwrap_or(Rupiah::ZERO);
                        let amount = Rupiah(now.value() * tenths / 10);
                        if amount.is_positive() {
                            ledger.pay_producer(who, pojok::domain::PayoutMethod::Transfer, amount, "", "Rina", at(i + 1)).unwrap();
                            *owed.get_mut(who).unwrap() -= amount;
                        }
                    }
                }
            }
            if d + 1 < days.len() {
                close_counted(&mut ledger, "Rina", day.and_hms_opt(17, 0, 0).unwrap()).unwrap();
            }
        }
        let report = ledger.verify().unwrap();
        prop_assert!(report.is_clean(), "{:?}", report.problems);
        let last = first + chrono::Days::new(days.len() as u64 - 1);
        for who in PRODUCERS {
            let model = owed.get(who).copied().unwrap_or(Rupiah::ZERO);
            prop_assert_eq!(balance(&ledger, who), model, "{}", who);
            let statement = ledger.statement(who, first, last).unwrap();
            prop_assert_eq!(statement.closing_balance(), model);
            let mut running = statement.opening_balance;
            for day in &statement.days {
                prop_assert_eq!(day.balance_before, running, "{} {}", who, day.header.date);
                running = day.balance_now();
            }
            prop_assert_eq!(running, model);
        }
        for sale in &sales {
            let returns = ledger.returns_of_sale(sale.id).unwrap();
            for (n, &(_, sold, returned, share)) in sale.lines.iter().enumerate() {
                let reversed: Rupiah = returns
                    .iter()
                    .flat_map(|r| &r.lines)
                    .filter(|l| l.line_no == n as i64 + 1)
                    .map(|l| l.amounts.producer_share)
                    .sum();
                prop_assert!(reversed <= share);
                if returned == sold {
                    prop_assert_eq!(reversed, share, "a line returned in full");
                }
            }
        }
    }
}

/// The slip of a return, as a 58 mm thermal printer gets it, decoded back: its title, the
/// receipt it takes back, each line, the total handed back, how and why, and the chain head.
#[test]
fn a_return_slip_prints_through_escpos_in_both_languages() {
    use common::escpos::{Command, assert_well_formed, decode, lines};
    use pojok::print::{Format, ShopHeader, render, return_slip};
    use pojok::strings::Lang;

    let dir = tempfile::tempdir().unwrap();
    let (mut ledger, sale) = day_with_a_sale(
        &dir.path().join("pojok.db"),
        &[("LMPR", 3_000), ("BRS", 1_250)],
        PaymentMethod::Cash,
    );
    let back = ledger
        .return_part(
            sale.id,
            &[part(2, 500)],
            RefundMethod::Cash,
            "Beras basah",
            "Rina",
            at("2026-11-20 09:00"),
        )
        .unwrap();
    let shop = ShopHeader {
        name: "Pojok UMKM Metro".into(),
        office: "Dinas Koperasi".into(),
        address: String::new(),
    };
    for (lang, title, total, how) in [
        (
            Lang::Id,
            "RETUR PENJUALAN",
            "TOTAL DIKEMBALIKAN",
            "Dikembalikan: Tunai",
        ),
        (Lang::En, "SALE RETURN", "TOTAL REFUNDED", "Refunded: Cash"),
    ] {
        let bytes = render(&[return_slip(&back, &shop, lang)], Format::EscPos58);
        let commands = decode(&bytes);
        assert_well_formed(&commands, 32);
        assert_eq!(commands.iter().filter(|c| **c == Command::Cut).count(), 1);
        let text = lines(&commands).join("\n");
        for expected in [
            title,
            total,
            how,
            "Beras Pandan Wangi",
            "0,5 kg",
            "Beras basah",
        ] {
            assert!(text.contains(expected), "{expected:?} in\n{text}");
        }
        assert!(text.contains("7.500"), "{text}");
        assert!(
            !text.contains("Lemper"),
            "a line not returned is not on the slip"
        );
        let head = back.chain_head.as_deref().unwrap();
        assert!(text.contains(head), "{text}");
    }
}

/// `verify` recomputes each returned part by the rule and names one edited behind its back.
#[test]
fn verify_names_a_returned_part_that_does_not_follow_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (mut ledger, sale) = day_with_a_sale(&path, &[("LMPR", 3_000)], PaymentMethod::Qris);
    for minute in 0..2 {
        ledger
            .return_part(
                sale.id,
                &[part(1, 1_000)],
                RefundMethod::Qris,
                "basi",
                "Rina",
                at(&format!("2026-11-20 09:0{minute}")),
            )
            .unwrap();
    }
    assert!(ledger.verify().unwrap().is_clean());
    // Edited in the file with the triggers out of the way: the second part now reverses less.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TRIGGER sale_return_lines_no_update;
         UPDATE sale_return_lines SET producer_share = producer_share - 1,
                                      corner_share = corner_share + 1 WHERE id = 2;",
    )
    .unwrap();
    let problems = ledger.verify().unwrap().problems;
    assert!(
        problems.iter().any(|p| matches!(
            p,
            pojok::ledger::Problem::Invariant {
                check: "returned part",
                table: "sale_return_lines",
                id: 2,
                ..
            }
        )),
        "{problems:?}"
    );
}
