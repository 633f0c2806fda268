//! The till's money on a real ledger file: cash moves, tabs, the day close with its count,
//! the closed-day lock, and next-day corrections.

mod common;

use common::*;
use pojok::domain::{
    Cart, CashCount, CashDirection, DenominationCount, IntakeLine, NewCustomer, PaymentMethod,
    Quantity, RefundMethod, Rupiah, Sale, StockQuantity, TabEntry, Tender,
};
use pojok::ledger::{Ledger, LedgerError};
use proptest::prelude::*;

fn sell(ledger: &mut Ledger, items: &[(&str, i64)], tender: Tender, when: &str) -> Sale {
    let cart = cart(ledger, items);
    assert_eq!(cart.total(), tender.total, "the tender is for this cart");
    ledger
        .record_sale(&cart, &tender.payments, "Rina", at(when))
        .unwrap()
}

fn cart(ledger: &Ledger, items: &[(&str, i64)]) -> Cart {
    cart_of(ledger, &pieces(items))
}

fn paid(total: i64, method: PaymentMethod, tendered: Option<i64>) -> Tender {
    let mut tender = Tender::new(Rupiah(total));
    tender.pay_rest(method, tendered.map(Rupiah)).unwrap();
    tender
}

fn customer(ledger: &mut Ledger, name: &str, nip: Option<&str>) -> i64 {
    ledger
        .add_customer(
            &NewCustomer {
                name: name.into(),
                nip: nip.map(str::to_string),
                unit: "Bidang Umum".into(),
                phone: String::new(),
            },
            at("2026-11-20 07:00"),
        )
        .unwrap()
        .id
}

/// Day 20: float 200.000; cash sale 7.000 (tendered 10.000), QRIS 12.000, a tab sale of
/// 15.000 for Budi, cash out 5.000 (plastic bags), cash in 50.000 (change from the bank).
fn busy_day(ledger: &mut Ledger) -> (i64, Sale, Sale) {
    rina_opens(ledger, "2026-11-20", 200_000, "07:30");
    let budi = customer(ledger, "Budi Santoso", Some("198001012005011001"));
    let cash = sell(
        ledger,
        &[("LMPR", 2)],
        paid(7_000, PaymentMethod::Cash, Some(10_000)),
        "2026-11-20 08:00",
    );
    sell(
        ledger,
        &[("KRPS", 1)],
        paid(12_000, PaymentMethod::Qris, None),
        "2026-11-20 08:10",
    );
    let mut tab = Tender::new(Rupiah(15_000));
    tab.pay_tab(budi, None).unwrap();
    let tabbed = sell(ledger, &[("BRS", 1)], tab, "2026-11-20 08:20");
    ledger
        .record_cash_move(
            CashDirection::Out,
            Rupiah(5_000),
            "Kantong plastik",
            "Rina",
            at("2026-11-20 09:00"),
        )
        .unwrap();
    ledger
        .record_cash_move(
            CashDirection::In,
            Rupiah(50_000),
            "Uang kecil dari bank",
            "Rina",
            at("2026-11-20 09:30"),
        )
        .unwrap();
    (budi, cash, tabbed)
}

#[test]
fn the_close_records_the_count_the_variance_and_its_reason_in_one_go() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&db);
    busy_day(&mut ledger);
    // 200.000 + 7.000 + 50.000 − 5.000 = 252.000.
    let cash = open_day_cash(&ledger);
    assert_eq!(cash.expected(), Rupiah(252_000));

    // 2 × 100.000 + 1 × 50.000 + 1 × 1.000 coin + 1 × 500 = 251.500: 500 short.
    let mut pieces = DenominationCount::default();
    pieces.0[0] = 2;
    pieces.0[1] = 1;
    pieces.0[7] = 1;
    pieces.0[8] = 1;
    let count = CashCount::ByDenomination(pieces);
    let before = snapshot(&db);
    let e = ledger
        .close_day(&count, "  ", "Rina", at("2026-11-20 17:00"))
        .unwrap_err();
    assert!(
        matches!(e, LedgerError::VarianceNeedsReason { variance } if variance == Rupiah(-500)),
        "{e:?}"
    );
    assert_eq!(snapshot(&db), before, "a refused close writes nothing");
    assert!(ledger.open_day_status().unwrap().is_some());

    ledger
        .close_day(&count, "Koin hilang", "Rina", at("2026-11-20 17:00"))
        .unwrap();
    assert!(ledger.open_day_status().unwrap().is_none());
    let report = ledger.day_report(date("2026-11-20")).unwrap().unwrap();
    assert!(report.closed);
    let counted = report.count.unwrap();
    assert_eq!(
        (counted.expected, counted.counted, counted.variance),
        (Rupiah(252_000), Rupiah(251_500), Rupiah(-500))
    );
    assert_eq!(counted.reason, "Koin hilang");
    let map = counted.denominations.unwrap();
    assert_eq!(DenominationCount::from_map(&map), Some(pieces));
    assert_eq!(report.expected_cash, Rupiah(252_000));
    assert_eq!(report.cash_moves.len(), 2);
    assert_eq!(report.payments.tab, Rupiah(15_000));
    assert_eq!(report.to_check.qris, Rupiah(12_000));
}

/// Cash out can take no more than the drawer should hold: a typo of 999.999.999.999 is
/// refused with what the drawer holds, and nothing is written.
#[test]
fn cash_out_above_what_the_drawer_holds_is_refused_with_the_drawer_s_cash() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&db);
    busy_day(&mut ledger);
    // 200.000 float + 7.000 cash sale - 5.000 out + 50.000 in.
    let holds = Rupiah(252_000);
    assert_eq!(open_day_cash(&ledger).expected(), holds);
    let before = snapshot(&db);
    let when = at("2026-11-20 10:00");
    for amount in [Rupiah(999_999_999_999), Rupiah(252_001)] {
        let e = ledger
            .record_cash_move(CashDirection::Out, amount, "tes", "Rina", when)
            .unwrap_err();
        assert!(
            matches!(e, LedgerError::CashOutAboveDrawer { holds: h } if h == holds),
            "{e:?}"
        );
    }
    assert_eq!(snapshot(&db), before, "a refused cash out writes nothing");
    // All of it may go (to the bank, say), and then the drawer is empty.
    ledger
        .record_cash_move(CashDirection::Out, holds, "setor bank", "Rina", when)
        .unwrap();
    assert_eq!(open_day_cash(&ledger).expected(), Rupiah::ZERO);
    let e = ledger
        .record_cash_move(CashDirection::Out, Rupiah(1), "tes", "Rina", when)
        .unwrap_err();
    assert!(
        matches!(
            e,
            LedgerError::CashOutAboveDrawer {
                holds: Rupiah::ZERO
            }
        ),
        "{e:?}"
    );
    // Cash in is not limited by the drawer.
    ledger
        .record_cash_move(CashDirection::In, Rupiah(1_000), "uang kecil", "Rina", when)
        .unwrap();
}

#[test]
fn a_closed_day_accepts_nothing_more() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&db);
    let (budi, cash_sale, _) = busy_day(&mut ledger);
    close_counted(&mut ledger, "Rina", at("2026-11-20 17:00")).unwrap();
    let before = snapshot(&db);
    let later = at("2026-11-20 18:00");

    let e = ledger
        .record_sale(
            &cart(&ledger, &[("LMPR", 1)]),
            &paid(3_500, PaymentMethod::Cash, None).payments,
            "Rina",
            later,
        )
        .unwrap_err();
    assert!(matches!(e, LedgerError::NoOpenDay), "{e:?}");
    let e = ledger
        .void_sale(cash_sale.id, "salah", "Rina", later)
        .unwrap_err();
    assert!(matches!(e, LedgerError::NoOpenDay), "{e:?}");
    let e = ledger
        .record_cash_move(CashDirection::Out, Rupiah(1_000), "parkir", "Rina", later)
        .unwrap_err();
    assert!(matches!(e, LedgerError::NoOpenDay), "{e:?}");
    let e = ledger
        .record_tab_payment(budi, PaymentMethod::Cash, Rupiah(1_000), "", "Rina", later)
        .unwrap_err();
    assert!(matches!(e, LedgerError::NoOpenDay), "{e:?}");
    let e = ledger
        .correct_sale(cash_sale.id, RefundMethod::Cash, "salah", "Rina", later)
        .unwrap_err();
    assert!(matches!(e, LedgerError::NoOpenDay), "{e:?}");
    let e = close_counted(&mut ledger, "Rina", later).unwrap_err();
    assert!(matches!(e, LedgerError::NoOpenDay), "{e:?}");
    // An intake with no day open belongs to no day: the closed day's figures stay as they
    // were (the stock module allows entries between days).
    assert_eq!(snapshot(&db), before);

    // Straight SQL cannot slip anything onto the closed day either.
    let conn = rusqlite::Connection::open(&db).unwrap();
    for sql in [
        "INSERT INTO cash_moves (day_id, direction, amount, reason, at, attendant)
         VALUES (1, 'in', 1000, 'x', '2026-11-20 18:00:00', 'Rina')",
        "INSERT INTO tab_payments (day_id, customer_id, method, amount, at, attendant)
         VALUES (1, 1, 'cash', 1000, '2026-11-20 18:00:00', 'Rina')",
        "INSERT INTO payouts (number, day_id, producer_id, method, amount, at, attendant)
         VALUES (1, 1, 1, 'cash', 1000, '2026-11-20 18:00:00', 'Rina')",
        "INSERT INTO cash_counts (day_id, expected, counted, variance, at, attendant)
         VALUES (1, 0, 0, 0, '2026-11-20 18:00:00', 'Rina')",
        "INSERT INTO sales (day_id, number, at, attendant, total)
         VALUES (1, 9, '2026-11-20 18:00:00', 'Rina', 1000)",
        "INSERT INTO voids (sale_id, day_id, at, attendant, reason)
         VALUES (1, 1, '2026-11-20 18:00:00', 'Rina', 'x')",
        "INSERT INTO stock_documents (kind, producer_id, number, day_id, at, actor)
         VALUES ('intake', 1, 99, 1, '2026-11-20 18:00:00', 'Rina')",
        "UPDATE cash_counts SET counted = 0",
        "DELETE FROM day_closes",
    ] {
        assert!(conn.execute(sql, []).is_err(), "allowed: {sql}");
    }
    drop(conn);
    assert_eq!(snapshot(&db), before);

    // An intake made with no day open does not land on the closed day.
    ledger
        .receive_stock(
            "SRI",
            &[IntakeLine {
                product_code: "LMPR".into(),
                quantity: Quantity::whole(5),
                best_before: None,
            }],
            "Rina",
            later,
        )
        .unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let day: Option<i64> = conn
        .query_row("SELECT day_id FROM stock_documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(day, None, "the intake belongs to no day");
    let report = ledger.day_report(date("2026-11-20")).unwrap().unwrap();
    assert_eq!(report.expected_cash, Rupiah(252_000));
}

#[test]
fn a_next_day_correction_lands_on_the_open_day_and_leaves_the_closed_one_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&db);
    let (budi, cash_sale, tab_sale) = busy_day(&mut ledger);
    close_counted(&mut ledger, "Rina", at("2026-11-20 17:00")).unwrap();
    let closed_report = ledger.day_report(date("2026-11-20")).unwrap().unwrap();
    let lemper = on_hand(&ledger, "LMPR");

    ledger
        .open_day(
            date("2026-11-21"),
            "Dodi",
            Rupiah(100_000),
            at("2026-11-21 07:30"),
        )
        .unwrap();
    // Same-day void is the way for today's sales; a correction is for closed days only.
    let today = sell(
        &mut ledger,
        &[("LMPR", 1)],
        paid(3_500, PaymentMethod::Cash, None),
        "2026-11-21 08:00",
    );
    let before = snapshot(&db);
    let e = ledger
        .correct_sale(
            today.id,
            RefundMethod::Cash,
            "salah",
            "Dodi",
            at("2026-11-21 08:01"),
        )
        .unwrap_err();
    assert!(matches!(e, LedgerError::SameDayCorrection(_)), "{e:?}");
    let e = ledger
        .correct_sale(
            cash_sale.id,
            RefundMethod::Cash,
            " ",
            "Dodi",
            at("2026-11-21 08:01"),
        )
        .unwrap_err();
    assert!(matches!(e, LedgerError::EmptyReason), "{e:?}");
    let e = ledger
        .correct_sale(
            cash_sale.id,
            RefundMethod::Tab,
            "salah",
            "Dodi",
            at("2026-11-21 08:01"),
        )
        .unwrap_err();
    assert!(matches!(e, LedgerError::NotOnTab(_)), "{e:?}");
    assert_eq!(snapshot(&db), before, "refusals write nothing");

    let correction = ledger
        .correct_sale(
            cash_sale.id,
            RefundMethod::Cash,
            "Lemper basi",
            "Dodi",
            at("2026-11-21 08:30"),
        )
        .unwrap();
    assert_eq!(
        (
            correction.sale_date,
            correction.sale_number,
            correction.amount
        ),
        (date("2026-11-20"), cash_sale.number, Rupiah(7_000))
    );
    assert_eq!(correction.day_date, date("2026-11-21"));
    // 2 back on the shelf, 1 sold today.
    assert_eq!(
        on_hand(&ledger, "LMPR"),
        StockQuantity::from_milli(lemper.milli() + 2_000 - 1_000)
    );
    let e = ledger
        .correct_sale(
            cash_sale.id,
            RefundMethod::Cash,
            "lagi",
            "Dodi",
            at("2026-11-21 08:31"),
        )
        .unwrap_err();
    assert!(matches!(e, LedgerError::AlreadyVoided(_)), "{e:?}");

    // The tab sale taken back off Budi's tab.
    assert_eq!(
        ledger.customer_balances().unwrap()[0].owed(),
        Rupiah(15_000)
    );
    ledger
        .correct_sale(
            tab_sale.id,
            RefundMethod::Tab,
            "Beras kutuan",
            "Dodi",
            at("2026-11-21 08:40"),
        )
        .unwrap();
    assert_eq!(ledger.customer_balances().unwrap()[0].owed(), Rupiah::ZERO);
    let statement = ledger
        .tab_statement(budi, date("2026-11-20"), date("2026-11-21"))
        .unwrap();
    assert_eq!(statement.closing(), Rupiah::ZERO);
    assert!(matches!(statement.entries[1].0, TabEntry::Refund { .. }));

    assert_eq!(
        ledger.day_report(date("2026-11-20")).unwrap().unwrap(),
        closed_report,
        "the closed day's report is untouched"
    );
    let open = ledger.day_report(date("2026-11-21")).unwrap().unwrap();
    assert_eq!(open.corrections.len(), 2);
    // 100.000 float + 3.500 sold − 7.000 refunded.
    assert_eq!(open.cash.refunds, Rupiah(7_000));
    assert_eq!(open.expected_cash, Rupiah(96_500));
    assert!(ledger.stock_matches_history().unwrap().is_empty());
}

#[test]
fn a_tab_is_charged_paid_in_part_and_stated_with_its_running_balance() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&db);
    let (budi, _, tab_sale) = busy_day(&mut ledger);
    assert_eq!(
        ledger.sale(tab_sale.id).unwrap().tab_customer.as_deref(),
        Some("Budi Santoso")
    );
    assert_eq!(tab_sale.payments[0].customer, Some(budi));

    // A split: 5.000 cash, the rest (7.000) on the tab.
    let mut split = Tender::new(Rupiah(12_000));
    split.pay_part(PaymentMethod::Cash, Rupiah(5_000)).unwrap();
    split.pay_tab(budi, None).unwrap();
    sell(&mut ledger, &[("KRPS", 1)], split, "2026-11-20 10:00");

    let before = snapshot(&db);
    let e = ledger
        .record_tab_payment(
            budi,
            PaymentMethod::Cash,
            Rupiah(30_000),
            "",
            "Rina",
            at("2026-11-20 11:00"),
        )
        .unwrap_err();
    assert!(
        matches!(e, LedgerError::MoreThanOwed { owed } if owed == Rupiah(22_000)),
        "{e:?}"
    );
    let e = ledger
        .record_tab_payment(
            budi,
            PaymentMethod::Tab,
            Rupiah(1_000),
            "",
            "Rina",
            at("2026-11-20 11:00"),
        )
        .unwrap_err();
    assert!(matches!(e, LedgerError::InvalidPayment(_)), "{e:?}");
    let e = ledger
        .record_tab_payment(
            99,
            PaymentMethod::Cash,
            Rupiah(1_000),
            "",
            "Rina",
            at("2026-11-20 11:00"),
        )
        .unwrap_err();
    assert!(matches!(e, LedgerError::UnknownCustomer(99)), "{e:?}");
    let e = ledger
        .add_customer(
            &NewCustomer {
                name: "Ani".into(),
                nip: Some("198001012005011001".into()),
                ..NewCustomer::default()
            },
            at("2026-11-20 11:00"),
        )
        .unwrap_err();
    assert!(matches!(e, LedgerError::DuplicateNip(_)), "{e:?}");
    let e = ledger
        .add_customer(
            &NewCustomer {
                name: "Ani".into(),
                nip: Some("1234".into()),
                ..NewCustomer::default()
            },
            at("2026-11-20 11:00"),
        )
        .unwrap_err();
    assert!(matches!(e, LedgerError::InvalidCustomer(_)), "{e:?}");
    // A tab payment for a customer that is not the ledger's.
    let mut ghost = Tender::new(Rupiah(3_500));
    ghost.pay_tab(42, None).unwrap();
    let e = ledger
        .record_sale(
            &cart(&ledger, &[("LMPR", 1)]),
            &ghost.payments,
            "Rina",
            at("2026-11-20 11:00"),
        )
        .unwrap_err();
    assert!(matches!(e, LedgerError::UnknownCustomer(42)), "{e:?}");
    assert_eq!(snapshot(&db), before, "refusals write nothing");

    let payment = ledger
        .record_tab_payment(
            budi,
            PaymentMethod::Cash,
            Rupiah(10_000),
            "gajian",
            "Rina",
            at("2026-11-20 12:00"),
        )
        .unwrap();
    assert_eq!(payment.owed_after, Rupiah(12_000));
    ledger
        .update_customer(
            budi,
            &NewCustomer {
                name: "Budi S.".into(),
                nip: Some("198001012005011001".into()),
                unit: "Sekretariat".into(),
                phone: "0812".into(),
            },
        )
        .unwrap();
    let balances = ledger.customer_balances().unwrap();
    assert_eq!(balances.len(), 1);
    assert_eq!(balances[0].customer.name, "Budi S.");
    assert_eq!(
        (balances[0].charged, balances[0].paid, balances[0].owed()),
        (Rupiah(22_000), Rupiah(10_000), Rupiah(12_000))
    );

    // Next day: a transfer pays off the rest.
    close_counted(&mut ledger, "Rina", at("2026-11-20 17:00")).unwrap();
    rina_opens(&mut ledger, "2026-11-21", 0, "07:30");
    ledger
        .record_tab_payment(
            budi,
            PaymentMethod::Transfer,
            Rupiah(12_000),
            "",
            "Rina",
            at("2026-11-21 09:00"),
        )
        .unwrap();

    let statement = ledger
        .tab_statement(budi, date("2026-11-20"), date("2026-11-21"))
        .unwrap();
    let running: Vec<_> = statement
        .entries
        .iter()
        .map(|(e, b)| (e.signed(), *b))
        .collect();
    assert_eq!(
        running,
        [
            (Rupiah(15_000), Rupiah(15_000)),
            (Rupiah(7_000), Rupiah(22_000)),
            (Rupiah(-10_000), Rupiah(12_000)),
            (Rupiah(-12_000), Rupiah::ZERO),
        ]
    );
    // From the 21st on, what was owed before is the opening.
    let later = ledger
        .tab_statement(budi, date("2026-11-21"), date("2026-11-21"))
        .unwrap();
    assert_eq!((later.opening, later.entries.len()), (Rupiah(12_000), 1));
    assert_eq!(later.closing(), Rupiah::ZERO);
    let report = ledger.day_report(date("2026-11-21")).unwrap().unwrap();
    assert_eq!(report.tab_payments.transfer, Rupiah(12_000));
    assert_eq!(report.to_check.transfer, Rupiah(12_000));
}

/// One step of a random day at the till.
#[derive(Clone, Debug)]
enum Step {
    /// Pieces of lemper, paid in cash with this much extra handed over (change).
    CashSale(i64, i64),
    QrisSale(i64),
    /// Void the nth sale so far (if any, and not voided).
    Void(usize),
    CashIn(i64),
    CashOut(i64),
    /// A producer paid out from the drawer (straight into `payouts`, as `pay_producer` will).
    Payout(i64),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (1i64..5, 0i64..20_000).prop_map(|(n, extra)| Step::CashSale(n, extra)),
        (1i64..5).prop_map(Step::QrisSale),
        (0usize..10).prop_map(Step::Void),
        (1i64..100_000).prop_map(Step::CashIn),
        (1i64..100_000).prop_map(Step::CashOut),
        (1i64..50_000).prop_map(Step::Payout),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Whatever happens during a day, the expected cash the ledger reports (and records with
    /// the close) is the float plus every cash movement worked out here, step by step.
    #[test]
    fn the_ledger_expects_the_cash_the_steps_put_in_the_drawer(
        float in 0i64..500_000,
        steps in proptest::collection::vec(step(), 0..25),
        off in -2_000i64..2_000,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("pojok.db");
        let mut ledger = small_ledger(&db);
        ledger.open_day(date("2026-11-20"), "Rina", Rupiah(float), at("2026-11-20 07:00")).unwrap();
        let mut drawer = float;
        let mut sales: Vec<(Sale, i64)> = Vec::new();
        let mut payouts = 0;
        for (i, step) in steps.into_iter().enumerate() {
            let when = at("2026-11-20 08:00") + chrono::Duration::minutes(i as i64);
            match step {
                Step::CashSale(n, extra) => {
                    let total = 3_500 * n;
                    let tender = paid(total, PaymentMethod::Cash, Some(total + extra));
                    let sale = ledger.record_sale(&cart(&ledger, &[("LMPR", n)]), &tender.payments, "Rina", when).unwrap();
                    drawer += total;
                    sales.push((sale, total));
                }
                Step::QrisSale(n) => {
                    let total = 12_000 * n;
                    let tender = paid(total, PaymentMethod::Qris, None);
                    let sale = ledger.record_sale(&cart(&ledger, &[("KRPS", n)]), &tender.payments, "Rina", when).unwrap();
                    sales.push((sale, 0));
                }
                Step::Void(k) => {
                    if let Some((sale, cash)) = sales.get_mut(k) && !sale.voided {
                        ledger.void_sale(sale.id, "batal", "Rina", when).unwrap();
                        sale.voided = true;
                        drawer -= *cash;
                    }
                }
                Step::CashIn(a) => {
                    ledger.record_cash_move(CashDirection::In, Rupiah(a), "tambah", "Rina", when).unwrap();
                    drawer += a;
                }
                Step::CashOut(a) => {
                    let moved = ledger.record_cash_move(CashDirection::Out, Rupiah(a), "beli", "Rina", when);
                    if a <= drawer {
                        moved.unwrap();
                        drawer -= a;
                    } else {
                        let e = moved.unwrap_err();
                        prop_assert!(matches!(e, LedgerError::CashOutAboveDrawer { holds } if holds == Rupiah(drawer)), "{:?}", e);
                    }
                }
                Step::Payout(a) => {
                    payouts += 1;
                    let conn = rusqlite::Connection::open(&db).unwrap();
                    conn.execute(
                        "INSERT INTO payouts (number, day_id, producer_id, method, amount, at, attendant)
                         VALUES (?1, 1, 1, 'cash', ?2, '2026-11-20 12:00:00', 'Rina')",
                        rusqlite::params![payouts, a],
                    ).unwrap();
                    drawer -= a;
                }
            }
        }
        let figures = open_day_cash(&ledger);
        prop_assert_eq!(figures.expected(), Rupiah(drawer));
        let counted = (drawer + off).max(0);
        let reason = if counted == drawer { "" } else { "selisih" };
        ledger.close_day(&CashCount::Total(Rupiah(counted)), reason, "Rina", at("2026-11-20 17:00")).unwrap();
        let report = ledger.day_report(date("2026-11-20")).unwrap().unwrap();
        prop_assert_eq!(report.expected_cash, Rupiah(drawer));
        let count = report.count.unwrap();
        prop_assert_eq!(count.variance, Rupiah(counted - drawer));
        prop_assert_eq!(report.payouts.len(), payouts as usize);
    }
}
