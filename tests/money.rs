//! What each entry does to what the corner owes a producer, on a real ledger file: sales,
//! voids, corrections and payouts as before, and goods the corner loses or breaks (a
//! write-off or a count's shortfall it bears), owed at the share the producer would have
//! had selling them at today's price. Balances follow the ledger's order, never the clock:
//! a payout slip says what the screen said even with the PC's clock set back. The property
//! test runs random days, losses and payouts at random clock times through the settlement
//! identity.

mod common;

use std::collections::HashMap;

use chrono::{Days, NaiveDateTime};
use common::{at, close_counted, date, intake, rina_opens, sell_by, small_ledger};
use pojok::domain::{
    Cart, PaymentMethod, PayoutMethod, Quantity, RefundMethod, Rupiah, Sale, ShopHeader,
    StockQuantity, Tender,
};
use pojok::ledger::{Ledger, LedgerError};
use pojok::print;
use pojok::strings::Lang;
use proptest::prelude::*;

/// Rina sells `lines`, paid by QRIS.
fn sell(ledger: &mut Ledger, lines: &[(&str, Quantity)], when: NaiveDateTime) -> Sale {
    sell_by(ledger, lines, PaymentMethod::Qris, when)
}

fn receive(ledger: &mut Ledger, producer: &str, code: &str, milli: i64, when: NaiveDateTime) {
    ledger
        .receive_stock(producer, &[intake(code, milli)], "Rina", when)
        .unwrap();
}

fn owed(ledger: &Ledger, producer: &str) -> Rupiah {
    ledger
        .producer_balances()
        .unwrap()
        .into_iter()
        .find(|b| b.code == producer)
        .unwrap()
        .balance
}

fn pcs(n: i64) -> Quantity {
    Quantity::whole(n)
}

/// The balance of both producers, to see what one entry moved.
fn both(ledger: &Ledger) -> (Rupiah, Rupiah) {
    (owed(ledger, "SRI"), owed(ledger, "TANI"))
}

fn assert_sound(ledger: &Ledger) {
    let report = ledger.verify().unwrap();
    assert!(report.is_clean(), "{:?}", report.problems);
}

/// Runs `act` and checks what it moved: (SRI, TANI).
fn step(ledger: &mut Ledger, what: &str, expect: (i64, i64), act: &dyn Fn(&mut Ledger)) {
    let before = both(ledger);
    act(ledger);
    let after = both(ledger);
    assert_eq!(
        (after.0 - before.0, after.1 - before.1),
        (Rupiah(expect.0), Rupiah(expect.1)),
        "{what}"
    );
    assert_sound(ledger);
}

/// SRI at 15 % (LMPR Rp 3.500, KRPS Rp 12.000), TANI by producer price (BRS Rp 15.000/kg,
/// Rp 13.500 to TANI). Each entry below, and what it moves, worked out by hand.
#[test]
fn each_entry_kind_moves_the_producers_balance_by_its_own_amount() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    let day1 = date("2026-11-21");
    ledger
        .open_day(day1, "Rina", Rupiah(100_000), at("2026-11-21 07:00"))
        .unwrap();
    step(&mut ledger, "intake", (0, 0), &|l| {
        receive(l, "SRI", "LMPR", 20_000, at("2026-11-21 07:10"));
        receive(l, "SRI", "KRPS", 5_000, at("2026-11-21 07:11"));
        receive(l, "TANI", "BRS", 10_000, at("2026-11-21 07:12"));
    });
    // 3 LMPR = 10.500 → SRI round(10.500 × 0,85) = 8.925; 1,5 kg BRS → TANI 20.250.
    step(&mut ledger, "sale", (8_925, 20_250), &|l| {
        sell(
            l,
            &[("LMPR", pcs(3)), ("BRS", Quantity::from_milli(1_500))],
            at("2026-11-21 08:00"),
        );
    });
    // A sale of 1 KRPS (SRI 10.200) voided the same day moves nothing in the end.
    step(&mut ledger, "sale then void", (0, 0), &|l| {
        let sale = sell(l, &[("KRPS", pcs(1))], at("2026-11-21 08:10"));
        l.void_sale(sale.id, "salah ketik", "Rina", at("2026-11-21 08:11"))
            .unwrap();
    });
    step(&mut ledger, "return", (0, 0), &|l| {
        l.return_stock(
            "SRI",
            &[("LMPR".into(), pcs(2))],
            "",
            "Rina",
            at("2026-11-21 09:00"),
        )
        .unwrap();
    });
    step(&mut ledger, "write-off the producer bears", (0, 0), &|l| {
        l.write_off(
            "LMPR",
            pcs(1),
            "basi",
            false,
            "Rina",
            at("2026-11-21 09:10"),
        )
        .unwrap();
    });
    // 1 KRPS dropped by the attendant: round(12.000 × 1 × 0,85) = 10.200.
    step(
        &mut ledger,
        "write-off the corner bears",
        (10_200, 0),
        &|l| {
            let doc = l
                .write_off(
                    "KRPS",
                    pcs(1),
                    "jatuh",
                    true,
                    "Rina",
                    at("2026-11-21 09:20"),
                )
                .unwrap();
            assert!(doc.corner_at_fault);
            assert_eq!(doc.loss(), Rupiah(10_200));
        },
    );
    // 0,333 kg BRS spilt: round(13.500 × 0,333) = round(4.495,5) = 4.496, half away from zero.
    step(
        &mut ledger,
        "producer-price write-off the corner bears",
        (0, 4_496),
        &|l| {
            let doc = l
                .write_off(
                    "BRS",
                    Quantity::from_milli(333),
                    "tumpah",
                    true,
                    "Rina",
                    at("2026-11-21 09:30"),
                )
                .unwrap();
            assert_eq!(doc.lines[0].loss, Some(Rupiah(4_496)));
        },
    );
    // LMPR on hand 14; counted 11, the corner bears 3: round(3.500 × 3 × 0,85) = 8.925.
    step(
        &mut ledger,
        "count short, the corner bears",
        (8_925, 0),
        &|l| {
            let doc = l
                .count_stock(
                    "LMPR",
                    StockQuantity::whole(11),
                    "opname",
                    true,
                    "Rina",
                    at("2026-11-21 10:00"),
                )
                .unwrap();
            assert!(doc.corner_at_fault);
            assert_eq!(doc.lines[0].loss, Some(Rupiah(8_925)));
        },
    );
    step(
        &mut ledger,
        "count short, the producer bears",
        (0, 0),
        &|l| {
            let doc = l
                .count_stock(
                    "LMPR",
                    StockQuantity::whole(10),
                    "opname",
                    false,
                    "Rina",
                    at("2026-11-21 10:05"),
                )
                .unwrap();
            assert!(!doc.corner_at_fault);
            assert_eq!(doc.loss(), Rupiah::ZERO);
        },
    );
    step(
        &mut ledger,
        "count surplus, the corner bears",
        (0, 0),
        &|l| {
            let doc = l
                .count_stock(
                    "LMPR",
                    StockQuantity::whole(12),
                    "opname",
                    true,
                    "Rina",
                    at("2026-11-21 10:10"),
                )
                .unwrap();
            assert_eq!(doc.lines[0].quantity, StockQuantity::whole(2));
            assert_eq!(doc.lines[0].loss, None);
        },
    );
    step(&mut ledger, "payout", (-5_000, -20_000), &|l| {
        l.pay_producer(
            "SRI",
            PayoutMethod::Cash,
            Rupiah(5_000),
            "",
            "Rina",
            at("2026-11-21 15:00"),
        )
        .unwrap();
        l.pay_producer(
            "TANI",
            PayoutMethod::Transfer,
            Rupiah(20_000),
            "",
            "Rina",
            at("2026-11-21 15:01"),
        )
        .unwrap();
    });
    close_counted(&mut ledger, "Rina", at("2026-11-21 17:00")).unwrap();

    // The closed day's slip carries the losses into its balance.
    let settled = ledger.settlement_for(day1, Some("SRI")).unwrap().remove(0);
    assert_eq!(settled.losses(), Rupiah(10_200 + 8_925));
    assert_eq!(settled.producer_share(), Rupiah(8_925));
    assert_eq!(
        settled.balance_now(),
        Rupiah(8_925 + 10_200 + 8_925 - 5_000)
    );
    assert_eq!(settled.balance_now(), owed(&ledger, "SRI"));
    let lost: HashMap<&str, Rupiah> = settled
        .products
        .iter()
        .map(|p| (p.code.as_str(), p.lost))
        .collect();
    assert_eq!(lost["KRPS"], Rupiah(10_200));
    assert_eq!(lost["LMPR"], Rupiah(8_925));

    // A correction the next day takes the sale's frozen shares back.
    let day2 = date("2026-11-22");
    ledger
        .open_day(day2, "Rina", Rupiah(100_000), at("2026-11-22 07:00"))
        .unwrap();
    let first_sale = 1;
    let before = both(&ledger);
    ledger
        .correct_sale(
            first_sale,
            RefundMethod::Qris,
            "dikembalikan",
            "Rina",
            at("2026-11-22 08:00"),
        )
        .unwrap();
    let after = both(&ledger);
    assert_eq!(
        (after.0 - before.0, after.1 - before.1),
        (Rupiah(-8_925), Rupiah(-20_250))
    );
    assert_sound(&ledger);

    // A statement over both days ends where the balances are, losses included.
    let statement = ledger.statement("SRI", day1, day2).unwrap();
    assert_eq!(statement.losses(), Rupiah(19_125));
    assert_eq!(statement.closing_balance(), owed(&ledger, "SRI"));
    assert_eq!(
        statement.rows().last().unwrap().balance,
        owed(&ledger, "SRI")
    );
}

#[test]
fn a_loss_the_corner_bears_needs_an_open_day_and_a_refusal_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    receive(&mut ledger, "SRI", "LMPR", 10_000, at("2026-11-21 07:10"));
    let before = common::snapshot(&path);
    let refused = [
        ledger.write_off(
            "LMPR",
            pcs(1),
            "jatuh",
            true,
            "Rina",
            at("2026-11-21 09:00"),
        ),
        ledger.count_stock(
            "LMPR",
            StockQuantity::whole(8),
            "opname",
            true,
            "Rina",
            at("2026-11-21 09:00"),
        ),
    ];
    for r in refused {
        assert!(matches!(r, Err(LedgerError::NoOpenDay)), "{r:?}");
    }
    assert_eq!(common::snapshot(&path), before);
    // Borne by the producer, or a surplus, nothing is owed: no day needed, as before.
    ledger
        .write_off(
            "LMPR",
            pcs(1),
            "basi",
            false,
            "Rina",
            at("2026-11-21 09:01"),
        )
        .unwrap();
    ledger
        .count_stock(
            "LMPR",
            StockQuantity::whole(12),
            "opname",
            true,
            "Rina",
            at("2026-11-21 09:02"),
        )
        .unwrap();
    assert_eq!(owed(&ledger, "SRI"), Rupiah::ZERO);
    assert_sound(&ledger);
}

#[test]
fn history_keeps_a_loss_append_only_and_verify_names_a_changed_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    rina_opens(&mut ledger, "2026-11-21", 0, "07:00");
    receive(&mut ledger, "SRI", "KRPS", 3_000, at("2026-11-21 07:10"));
    ledger
        .write_off(
            "KRPS",
            pcs(1),
            "jatuh",
            true,
            "Rina",
            at("2026-11-21 09:00"),
        )
        .unwrap();
    drop(ledger);
    let conn = rusqlite::Connection::open(&path).unwrap();
    for sql in [
        "UPDATE stock_losses SET amount = 1",
        "DELETE FROM stock_losses",
        // A loss of goods that came in is no loss.
        "INSERT INTO stock_losses (move_id, producer_id, day_id, amount)
         SELECT id, 1, 1, 100 FROM stock_moves WHERE kind = 'intake'",
    ] {
        assert!(conn.execute(sql, []).is_err(), "{sql}");
    }
    // Around the triggers (as an attacker with the file would), the chain and the balances
    // both notice.
    conn.execute_batch(
        "DROP TRIGGER stock_losses_no_update;
         UPDATE stock_losses SET amount = 99999;",
    )
    .unwrap();
    drop(conn);
    let ledger = Ledger::open(&path).unwrap();
    let report = ledger.verify().unwrap();
    assert!(!report.is_clean());
    let said = format!("{:?}", report.problems);
    assert!(said.contains("stock_losses"), "{said}");
    assert!(said.contains("producer_days"), "{said}");
}

/// The payout slip of the issue: sales stamped 07:45–11:28 by a PC whose clock reads earlier
/// than that when the payout is made. The slip's before and after are what the screen said.
#[test]
fn a_payout_slip_equals_the_screen_with_the_clock_set_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    rina_opens(&mut ledger, "2026-11-21", 100_000, "07:30");
    receive(&mut ledger, "SRI", "LMPR", 40_000, at("2026-11-21 07:40"));
    for (n, when) in [(6, "07:45"), (9, "09:30"), (9, "11:28")] {
        sell(
            &mut ledger,
            &[("LMPR", pcs(n))],
            at(&format!("2026-11-21 {when}")),
        );
    }
    receive(&mut ledger, "SRI", "KRPS", 2_000, at("2026-11-21 11:29"));
    ledger
        .write_off(
            "KRPS",
            pcs(1),
            "jatuh",
            true,
            "Rina",
            at("2026-11-21 11:30"),
        )
        .unwrap();
    // 6 LMPR → 17.850, 9 LMPR → 26.775 twice, and the dropped KRPS 10.200.
    let screen = owed(&ledger, "SRI");
    assert_eq!(screen, Rupiah(17_850 + 2 * 26_775 + 10_200));
    // The clock now reads 06:10, earlier than every sale.
    let payout = ledger
        .pay_producer(
            "SRI",
            PayoutMethod::Transfer,
            Rupiah(50_000),
            "",
            "Rina",
            at("2026-11-21 06:10"),
        )
        .unwrap();
    assert_eq!(payout.balance_before, screen);
    assert_eq!(payout.balance_after(), screen - Rupiah(50_000));
    assert_eq!(payout.balance_after(), owed(&ledger, "SRI"));
    // The reprint says the same, and so does the paper.
    let again = ledger.payout(payout.number).unwrap().unwrap();
    assert_eq!(again.balance_before, screen);
    let shop = ShopHeader::default();
    let slip = print::render_text(&print::payout_slip(&again, &shop, Lang::Id), 48);
    let line = |label: &str| {
        slip.lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("{label} in {slip}"))
            .to_string()
    };
    assert!(
        line("Saldo sebelum").ends_with(&screen.to_string()),
        "{slip}"
    );
    assert!(
        line("Saldo sesudah").ends_with(&(screen - Rupiah(50_000)).to_string()),
        "{slip}"
    );
    // The day's settlement and a statement agree too.
    let settled = ledger
        .settlement_for(date("2026-11-21"), Some("SRI"))
        .unwrap();
    assert_eq!(settled[0].balance_now(), owed(&ledger, "SRI"));
    assert_sound(&ledger);
}

// Random days on a real ledger, with the PC's clock wandering (backwards too).

#[derive(Clone, Debug)]
enum Op {
    Intake(usize, i64),
    Sale(Vec<(usize, i64)>),
    Void(usize),
    WriteOff(usize, i64, bool),
    Count(usize, i64, bool),
    Correct(usize),
    Payout(usize, i64),
}

const CODES: [&str; 3] = ["LMPR", "KRPS", "BRS"];
const PRODUCERS: [&str; 2] = ["SRI", "TANI"];

fn producer_of(p: usize) -> usize {
    usize::from(CODES[p] == "BRS")
}

fn any_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => (0..3usize, 1i64..=8).prop_map(|(p, n)| Op::Intake(p, n)),
        4 => proptest::collection::vec((0..3usize, 1i64..=3), 1..3).prop_map(Op::Sale),
        1 => any::<usize>().prop_map(Op::Void),
        2 => (0..3usize, 1i64..=3, any::<bool>()).prop_map(|(p, n, c)| Op::WriteOff(p, n, c)),
        2 => (0..3usize, 0i64..=6, any::<bool>()).prop_map(|(p, n, c)| Op::Count(p, n, c)),
        1 => any::<usize>().prop_map(Op::Correct),
        2 => (0..2usize, 1i64..=10).prop_map(|(p, t)| Op::Payout(p, t)),
    ]
}

/// The share of a loss as the money rules put it, worked out here apart from the program:
/// SRI keeps 85 % of Rp 3.500 / Rp 12.000, TANI gets Rp 13.500 per kg.
fn expected_loss(p: usize, milli: i64) -> Rupiah {
    // In thousandths of a Rupiah ×100 to stay in integers: price × milli × 85.
    let exact_x100000 = match CODES[p] {
        "LMPR" => 3_500 * milli * 85,
        "KRPS" => 12_000 * milli * 85,
        _ => 13_500 * milli * 100,
    };
    // Half away from zero (losses are never negative).
    Rupiah((exact_x100000 + 50_000) / 100_000)
}

struct Recorded {
    id: i64,
    day: usize,
    shares: [Rupiah; 2],
    /// Thousandths of each product sold, which a void or a correction puts back.
    sold: [i64; 3],
    voided: bool,
    corrected: bool,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10))]

    #[test]
    fn the_settlement_identity_holds_over_random_days_whatever_the_clock_says(
        days in proptest::collection::vec(
            proptest::collection::vec((any_op(), 0u32..(26 * 60)), 0..12), 1..4)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = small_ledger(&dir.path().join("pojok.db"));
        let first = date("2026-11-01");
        let mut sales: Vec<Recorded> = Vec::new();
        // The model: what each producer is owed, entry by entry in the order recorded.
        let mut owed_model = [Rupiah::ZERO; 2];
        let mut on_hand = [0i64; 3];
        for (d, ops) in days.iter().enumerate() {
            let today = first + Days::new(d as u64);
            // Any time from 06:00 the day before to 08:00 on the day: the clock may run
            // backwards between entries and even read the day before.
            let clock = |minutes: u32| {
                (today - Days::new(1)).and_hms_opt(6, 0, 0).unwrap()
                    + chrono::TimeDelta::minutes(i64::from(minutes))
            };
            ledger.open_day(today, "Rina", Rupiah(0), clock(60)).unwrap();
            let opening_of_day = owed_model;
            let mut day_shares = [Rupiah::ZERO; 2];
            let mut day_losses = [Rupiah::ZERO; 2];
            let mut day_paid = [Rupiah::ZERO; 2];
            let mut day_reversed = [Rupiah::ZERO; 2];
            for (op, minutes) in ops {
                let at = clock(*minutes);
                let qty = |p: usize, n: i64| if CODES[p] == "BRS" { Quantity::from_milli(n * 500) } else { pcs(n) };
                match op {
                    Op::Intake(p, n) => {
                        let q = qty(*p, *n);
                        receive(&mut ledger, PRODUCERS[producer_of(*p)], CODES[*p], q.milli(), at);
                        on_hand[*p] += q.milli();
                    }
                    Op::Sale(lines) => {
                        let lines: Vec<(&str, Quantity)> = lines.iter().map(|(p, n)| (CODES[*p], qty(*p, *n))).collect();
                        let sale = sell(&mut ledger, &lines, at);
                        let mut shares = [Rupiah::ZERO; 2];
                        let mut sold = [0i64; 3];
                        for l in &sale.lines {
                            let who = usize::from(l.producer_code == "TANI");
                            shares[who] += l.producer_share;
                            let p = CODES.iter().position(|c| *c == l.code).unwrap();
                            on_hand[p] -= l.quantity.milli();
                            sold[p] += l.quantity.milli();
                        }
                        for who in 0..2 {
                            owed_model[who] += shares[who];
                            day_shares[who] += shares[who];
                        }
                        sales.push(Recorded { id: sale.id, day: d, shares, sold, voided: false, corrected: false });
                    }
                    Op::Void(pick) => {
                        let live: Vec<usize> = (0..sales.len()).filter(|&i| sales[i].day == d && !sales[i].voided).collect();
                        if let Some(&i) = live.get(pick % live.len().max(1)) {
                            ledger.void_sale(sales[i].id, "batal", "Rina", at).unwrap();
                            sales[i].voided = true;
                            for (held, sold) in on_hand.iter_mut().zip(sales[i].sold) {
                                *held += sold;
                            }
                            for who in 0..2 {
                                owed_model[who] -= sales[i].shares[who];
                                // A voided sale never sold: the day's shares leave it out.
                                day_shares[who] -= sales[i].shares[who];
                            }
                        }
                    }
                    Op::WriteOff(p, n, corner) => {
                        let q = qty(*p, *n);
                        let doc = ledger.write_off(CODES[*p], q, "rusak", *corner, "Rina", at).unwrap();
                        on_hand[*p] -= q.milli();
                        let loss = if *corner { expected_loss(*p, q.milli()) } else { Rupiah::ZERO };
                        prop_assert_eq!(doc.loss(), loss);
                        owed_model[producer_of(*p)] += loss;
                        day_losses[producer_of(*p)] += loss;
                    }
                    Op::Count(p, n, corner) => {
                        let counted = if CODES[*p] == "BRS" { n * 500 } else { n * 1_000 };
                        let doc = ledger.count_stock(CODES[*p], StockQuantity::from_milli(counted), "opname", *corner, "Rina", at).unwrap();
                        let short = on_hand[*p] - counted;
                        on_hand[*p] = counted;
                        let loss = if *corner && short > 0 { expected_loss(*p, short) } else { Rupiah::ZERO };
                        prop_assert_eq!(doc.loss(), loss);
                        owed_model[producer_of(*p)] += loss;
                        day_losses[producer_of(*p)] += loss;
                    }
                    Op::Correct(pick) => {
                        let open: Vec<usize> = (0..sales.len())
                            .filter(|&i| sales[i].day < d && !sales[i].voided && !sales[i].corrected)
                            .collect();
                        if let Some(&i) = open.get(pick % open.len().max(1)) {
                            ledger.correct_sale(sales[i].id, RefundMethod::None, "koreksi", "Rina", at).unwrap();
                            sales[i].corrected = true;
                            for (held, sold) in on_hand.iter_mut().zip(sales[i].sold) {
                                *held += sold;
                            }
                            for who in 0..2 {
                                owed_model[who] -= sales[i].shares[who];
                                day_reversed[who] += sales[i].shares[who];
                            }
                        }
                    }
                    Op::Payout(who, tenths) => {
                        let screen = owed(&ledger, PRODUCERS[*who]);
                        prop_assert_eq!(screen, owed_model[*who]);
                        let amount = Rupiah(screen.value() * tenths / 10);
                        if amount.is_positive() {
                            let payout = ledger
                                .pay_producer(PRODUCERS[*who], PayoutMethod::Transfer, amount, "", "Rina", at)
                                .unwrap();
                            // The slip's before is what the screen showed, whatever the clock.
                            prop_assert_eq!(payout.balance_before, screen);
                            prop_assert_eq!(ledger.payout(payout.number).unwrap().unwrap().balance_before, screen);
                            owed_model[*who] -= amount;
                            day_paid[*who] += amount;
                        }
                    }
                }
            }
            // Each producer's day: opening + shares + losses − payouts − reversals = closing.
            for s in ledger.settlement_for(today, None).unwrap() {
                let who = usize::from(s.header.producer_code == "TANI");
                prop_assert_eq!(s.balance_before, opening_of_day[who]);
                prop_assert_eq!(s.losses(), day_losses[who]);
                prop_assert_eq!(s.paid_out(), day_paid[who]);
                prop_assert_eq!(s.producer_share(), day_shares[who] - day_reversed[who]);
                prop_assert_eq!(
                    s.balance_before + day_shares[who] + s.losses() - s.paid_out() - day_reversed[who],
                    s.balance_now()
                );
                prop_assert_eq!(s.balance_now(), owed_model[who]);
            }
            if d + 1 < days.len() {
                close_counted(&mut ledger, "Rina", clock(25 * 60)).unwrap();
            }
        }
        for (who, code) in PRODUCERS.iter().enumerate() {
            prop_assert_eq!(owed(&ledger, code), owed_model[who]);
            let last = first + Days::new(days.len() as u64 - 1);
            let statement = ledger.statement(code, first, last).unwrap();
            prop_assert_eq!(statement.opening_balance, Rupiah::ZERO);
            prop_assert_eq!(statement.closing_balance(), owed_model[who]);
        }
        let report = ledger.verify().unwrap();
        prop_assert!(report.is_clean(), "{:?}", report.problems);
    }
}

/// A day with a write-off the corner bears, on file, read by the commands an office uses.
#[test]
fn the_commands_show_the_losses_the_corner_bears() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&db);
    rina_opens(&mut ledger, "2026-11-21", 0, "07:00");
    receive(&mut ledger, "SRI", "KRPS", 3_000, at("2026-11-21 07:10"));
    receive(&mut ledger, "TANI", "BRS", 3_000, at("2026-11-21 07:11"));
    sell(&mut ledger, &[("BRS", pcs(1))], at("2026-11-21 08:00"));
    ledger
        .write_off(
            "KRPS",
            pcs(2),
            "jatuh",
            true,
            "Rina",
            at("2026-11-21 09:00"),
        )
        .unwrap();
    close_counted(&mut ledger, "Rina", at("2026-11-21 17:00")).unwrap();
    drop(ledger);

    let out = common::pojok(&db, &["report", "day", "--date", "2026-11-21", "--json"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    let producers = json["producers"].as_array().unwrap();
    // SRI sold nothing but is owed 2 × 12.000 × 0,85 = 20.400; TANI sold and lost nothing.
    assert_eq!(producers.len(), 2, "{json}");
    assert_eq!(producers[0]["code"], "SRI");
    assert_eq!(producers[0]["losses"], 20_400);
    assert_eq!(producers[0]["gross"], 0);
    assert_eq!(producers[1]["code"], "TANI");
    assert_eq!(producers[1]["losses"], 0);
    assert_eq!(producers[1]["producer_share"], 13_500);

    let out = common::pojok(&db, &["report", "day", "--date", "2026-11-21"]);
    let text = common::stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.contains("SRI Kue Bu Sri") && l.ends_with("Rp 20.400")),
        "{text}"
    );

    let out = common::pojok(
        &db,
        &["settlement", "--date", "2026-11-21", "--producer", "SRI"],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    let text = common::stdout(&out);
    let has = |prefix: &str, suffix: &str| {
        text.lines()
            .any(|l| l.trim_start().starts_with(prefix) && l.ends_with(suffix))
    };
    assert!(has("Ganti rugi pojok", "Rp 20.400"), "{text}");
    assert!(has("ganti rugi", "Rp 20.400"), "{text}");
    assert!(has("Saldo terutang", "Rp 20.400"), "{text}");

    let out = common::pojok(
        &db,
        &[
            "--lang",
            "en",
            "statement",
            "--producer",
            "SRI",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
        ],
    );
    let text = common::stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("Corner's losses") && l.ends_with("Rp 20.400")),
        "{text}"
    );

    let out = common::pojok(&db, &["recap", "--month", "2026-11", "--format", "text80"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let text = common::stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("Ganti rugi pojok") && l.ends_with("Rp 20.400")),
        "{text}"
    );
}

/// A PC whose clock was set back: the newest entries carry a later time than it reads.
#[test]
fn signing_in_with_the_clock_behind_the_last_entry_says_so_and_entries_stay_in_order() {
    use chrono::Timelike;
    use common::{Kiosk, RINA_PIN, add_users};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    add_users(&mut ledger);
    // Nothing later than now: nothing said.
    let kiosk = Kiosk::signed_in(ledger, "Rina", RINA_PIN);
    assert!(!kiosk.note().contains("Jam komputer"), "{}", kiosk.note());
    drop(kiosk);

    let mut ledger = Ledger::open(&path).unwrap();
    let later = (chrono::Local::now().naive_local() + chrono::TimeDelta::days(400))
        .with_nanosecond(0)
        .unwrap();
    receive(&mut ledger, "SRI", "LMPR", 5_000, later);
    // One entry stamped by the clock set back does not hide the later one before it.
    receive(
        &mut ledger,
        "SRI",
        "LMPR",
        1_000,
        later - chrono::TimeDelta::days(800),
    );
    assert_eq!(ledger.last_entry_at().unwrap(), Some(later));
    let kiosk = Kiosk::signed_in(ledger, "Rina", RINA_PIN);
    let said = kiosk.note();
    assert!(
        said.starts_with("Jam komputer lebih awal dari catatan terakhir ("),
        "{said}"
    );
    assert!(said.contains(&later.format("%Y").to_string()), "{said}");
}

/// A tab charged at 11:00 and paid off on a PC whose clock then read 07:00: the statement
/// runs in the ledger's order, so the balance never dips below zero on paper.
#[test]
fn a_tab_statement_runs_in_ledger_order_with_the_clock_set_back() {
    use pojok::domain::{NewCustomer, TabEntry};
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = small_ledger(&dir.path().join("pojok.db"));
    let day = date("2026-11-21");
    ledger
        .open_day(day, "Rina", Rupiah(0), at("2026-11-21 06:30"))
        .unwrap();
    receive(&mut ledger, "SRI", "LMPR", 10_000, at("2026-11-21 06:40"));
    let budi = ledger
        .add_customer(
            &NewCustomer {
                name: "Budi".into(),
                nip: None,
                unit: "Umum".into(),
                phone: String::new(),
            },
            at("2026-11-21 06:45"),
        )
        .unwrap()
        .id;
    let products = ledger.active_products().unwrap();
    let mut cart = Cart::default();
    cart.add(products.iter().find(|p| p.code == "LMPR").unwrap(), pcs(4))
        .unwrap();
    let mut tab = Tender::new(cart.total());
    tab.pay_tab(budi, None).unwrap();
    ledger
        .record_sale(&cart, &tab.payments, "Rina", at("2026-11-21 11:00"))
        .unwrap();
    let payment = ledger
        .record_tab_payment(
            budi,
            PaymentMethod::Cash,
            Rupiah(6_000),
            "",
            "Rina",
            at("2026-11-21 07:00"),
        )
        .unwrap();
    assert_eq!(payment.owed_after, Rupiah(14_000 - 6_000));
    let statement = ledger.tab_statement(budi, day, day).unwrap();
    let running: Vec<Rupiah> = statement.entries.iter().map(|(_, after)| *after).collect();
    assert_eq!(running, [Rupiah(14_000), Rupiah(8_000)]);
    assert!(matches!(statement.entries[0].0, TabEntry::Charge { .. }));
    assert_eq!(statement.closing(), Rupiah(8_000));
}
