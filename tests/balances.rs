//! Producers' balances as a projection: kept by every entry, equal to history recomputed in
//! ledger order, whatever the PC's clock said; `verify` catches a projection that drifted.

mod common;

use std::collections::HashMap;

use common::*;
use pojok::domain::{Cart, PaymentMethod, PayoutMethod, Quantity, RefundMethod, Rupiah, Tender};
use pojok::ledger::{Ledger, Problem};
use proptest::prelude::*;

const CODES: [&str; 3] = ["LMPR", "KRPS", "BRS"];
const PRODUCERS: [&str; 2] = ["SRI", "TANI"];

#[derive(Clone, Debug)]
enum Op {
    Sale(Vec<(usize, i64)>),
    Void(usize),
    Correct(usize),
    Payout(usize, i64),
}

fn any_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => proptest::collection::vec((0..3usize, 1i64..=3), 1..3).prop_map(Op::Sale),
        1 => any::<usize>().prop_map(Op::Void),
        1 => any::<usize>().prop_map(Op::Correct),
        2 => (0..2usize, 1i64..=10).prop_map(|(p, t)| Op::Payout(p, t)),
    ]
}

struct Sold {
    id: i64,
    day: usize,
    shares: HashMap<&'static str, Rupiah>,
    gone: bool,
}

fn sell(ledger: &mut Ledger, lines: &[(usize, i64)], at: chrono::NaiveDateTime) -> Sold {
    let products = ledger.active_products().unwrap();
    let mut cart = Cart::default();
    for (p, n) in lines {
        let product = products.iter().find(|x| x.code == CODES[*p]).unwrap();
        let quantity = if CODES[*p] == "BRS" {
            Quantity::from_milli(n * 250)
        } else {
            Quantity::whole(*n)
        };
        cart.add(product, quantity).unwrap();
    }
    let mut tender = Tender::new(cart.total());
    tender.pay_rest(PaymentMethod::Qris, None).unwrap();
    let sale = ledger
        .record_sale(&cart, &tender.payments, "Rina", at)
        .unwrap();
    let mut shares = HashMap::new();
    for l in &sale.lines {
        let who = if l.producer_code == "SRI" {
            "SRI"
        } else {
            "TANI"
        };
        *shares.entry(who).or_insert(Rupiah::ZERO) += l.producer_share;
    }
    Sold {
        id: sale.id,
        day: 0,
        shares,
        gone: false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// A model that adds and takes off in the order the entries were made, against the
    /// projection the ledger keeps; the clock jumps back and forth within each day.
    #[test]
    fn the_kept_balances_equal_history_in_ledger_order(
        days in proptest::collection::vec(
            proptest::collection::vec((any_op(), 0u32..600), 0..12), 1..4)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = small_ledger(&dir.path().join("pojok.db"));
        let mut owed: HashMap<&str, Rupiah> = HashMap::new();
        let mut before_day: Vec<HashMap<&str, Rupiah>> = Vec::new();
        let mut payouts: Vec<(i64, Rupiah)> = Vec::new();
        let mut sales: Vec<Sold> = Vec::new();
        for (d, ops) in days.iter().enumerate() {
            let date = date("2026-11-02") + chrono::Days::new(d as u64);
            before_day.push(owed.clone());
            ledger.open_day(date, "Rina", Rupiah(0), date.and_hms_opt(7, 0, 0).unwrap()).unwrap();
            for (op, minute) in ops {
                // Any time of the day, earlier than the entry before it or not.
                let at = date.and_hms_opt(7, 0, 0).unwrap() + chrono::Duration::minutes(i64::from(*minute));
                match op {
                    Op::Sale(lines) => {
                        let mut sold = sell(&mut ledger, lines, at);
                        sold.day = d;
                        for (who, share) in &sold.shares {
                            *owed.entry(who).or_insert(Rupiah::ZERO) += *share;
                        }
                        sales.push(sold);
                    }
                    Op::Void(pick) | Op::Correct(pick) => {
                        let same_day = matches!(op, Op::Void(_));
                        let open: Vec<usize> = (0..sales.len())
                            .filter(|&i| !sales[i].gone && (sales[i].day == d) == same_day)
                            .collect();
                        if let Some(&i) = open.get(pick % open.len().max(1)) {
                            if same_day {
                                ledger.void_sale(sales[i].id, "batal", "Rina", at).unwrap();
                            } else {
                                ledger.correct_sale(sales[i].id, RefundMethod::Qris, "retur", "Rina", at).unwrap();
                            }
                            sales[i].gone = true;
                            for (who, share) in &sales[i].shares {
                                *owed.entry(who).or_insert(Rupiah::ZERO) -= *share;
                            }
                        }
                    }
                    Op::Payout(p, tenths) => {
                        let who = PRODUCERS[*p];
                        let now = owed.get(who).copied().unwrap_or(Rupiah::ZERO);
                        let amount = Rupiah(now.value() * tenths / 10);
                        if amount.is_positive() {
                            let payout = ledger.pay_producer(who, PayoutMethod::Transfer, amount, "", "Rina", at).unwrap();
                            prop_assert_eq!(payout.balance_before, now, "the slip says what the screen said");
                            payouts.push((payout.number, now));
                            *owed.get_mut(who).unwrap() -= amount;
                        }
                    }
                }
            }
            if d + 1 < days.len() {
                close_counted(&mut ledger, "Rina", date.and_hms_opt(17, 0, 0).unwrap()).unwrap();
            }
        }
        let report = ledger.verify().unwrap();
        prop_assert!(report.is_clean(), "{:?}", report.problems);
        for (number, before) in payouts {
            prop_assert_eq!(ledger.payout(number).unwrap().unwrap().balance_before, before);
        }
        for b in ledger.producer_balances().unwrap() {
            let model = owed.get(b.code.as_str()).copied().unwrap_or(Rupiah::ZERO);
            prop_assert_eq!(b.balance, model, "{}", b.code);
            for (d, opening) in before_day.iter().enumerate() {
                let date = date("2026-11-02") + chrono::Days::new(d as u64);
                let statement = ledger.statement(&b.code, date, date).unwrap();
                let model = opening.get(b.code.as_str()).copied().unwrap_or(Rupiah::ZERO);
                prop_assert_eq!(statement.opening_balance, model, "{} before day {}", b.code, d);
            }
        }
    }
}

#[test]
fn verify_reports_a_kept_balance_that_history_does_not_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    let today = date("2026-11-02");
    ledger
        .open_day(today, "Rina", Rupiah(0), at("2026-11-02 07:00"))
        .unwrap();
    sell(&mut ledger, &[(0, 2)], at("2026-11-02 08:00"));
    ledger
        .pay_producer(
            "SRI",
            PayoutMethod::Transfer,
            Rupiah(1_000),
            "",
            "Rina",
            at("2026-11-02 09:00"),
        )
        .unwrap();
    assert!(ledger.verify().unwrap().is_clean());

    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE producer_days SET closing = closing + 500", [])
        .unwrap();
    conn.execute("UPDATE payout_balances SET before = 1", [])
        .unwrap();
    let problems = ledger.verify().unwrap().problems;
    let tables: Vec<&str> = problems
        .iter()
        .filter_map(|p| match p {
            Problem::Invariant {
                check: "producer balance",
                table,
                ..
            } => Some(*table),
            _ => None,
        })
        .collect();
    assert_eq!(tables, ["producer_days", "payouts"], "{problems:?}");
}
