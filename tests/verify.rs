//! `verify` and `pojok verify` on real files: a ledger used normally verifies clean, even
//! after thousands of random operations; a file edited behind the ledger's back (triggers
//! dropped with raw SQL) is caught, the entry named, and the command exits non-zero.

mod common;

use std::path::Path;

use chrono::{NaiveDateTime, TimeDelta};
use common::{at, date, pojok, pojok_env, sell_whole, small_ledger, stdout, unguarded};
use pojok::domain::{
    Cart, CashDirection, Catalogue, IntakeLine, NewCustomer, PaymentMethod, PayoutMethod,
    ProductChanges, Quantity, RefundMethod, Role, Rupiah, Sale, StockQuantity, Tender,
};
use pojok::ledger::{Ledger, LedgerError, Problem, VerifyScope};
use rusqlite::Connection;

fn sell(
    ledger: &mut Ledger,
    lines: &[(&str, i64)],
    method: PaymentMethod,
    when: NaiveDateTime,
) -> Sale {
    sell_whole(ledger, lines, method, when)
}

/// Two days of business: intake, sales, a void, a write-off, a price change, a close.
fn busy(path: &Path) -> Ledger {
    let mut ledger = small_ledger(path);
    let t = at("2026-11-22 07:00");
    ledger
        .open_day(date("2026-11-22"), "Rina", Rupiah(100_000), t)
        .unwrap();
    ledger
        .receive_stock(
            "SRI",
            &[IntakeLine {
                product_code: "LMPR".into(),
                quantity: Quantity::whole(20),
                best_before: None,
            }],
            "Rina",
            t,
        )
        .unwrap();
    sell(
        &mut ledger,
        &[("LMPR", 2), ("BRS", 1)],
        PaymentMethod::Cash,
        t,
    );
    let second = sell(&mut ledger, &[("KRPS", 1)], PaymentMethod::Qris, t);
    ledger
        .void_sale(second.id, "salah input", "Rina", t)
        .unwrap();
    ledger
        .write_off("LMPR", Quantity::whole(1), "basi", false, "Rina", t)
        .unwrap();
    common::close_counted(&mut ledger, "Rina", at("2026-11-22 17:00")).unwrap();
    let t = at("2026-11-23 07:00");
    ledger
        .open_day(date("2026-11-23"), "Rina", Rupiah(50_000), t)
        .unwrap();
    reprice(&mut ledger, "LMPR", 4_000, t);
    sell(&mut ledger, &[("LMPR", 3)], PaymentMethod::Cash, t);
    ledger
}

fn reprice(ledger: &mut Ledger, code: &str, price: i64, when: NaiveDateTime) {
    let p = ledger
        .products()
        .unwrap()
        .into_iter()
        .find(|p| p.code == code)
        .unwrap();
    let changes = ProductChanges {
        name: p.name,
        variant: p.variant,
        barcode: p.barcode,
        price: Rupiah(price),
        producer_price: p.producer_price.map(|pp| Rupiah(pp.value().min(price))),
        min_stock: p.min_stock,
        daily: p.daily,
    };
    ledger.update_product(code, &changes, "Rina", when).unwrap();
}

/// A raw connection without the ledger's guards, as someone editing the file would have.
fn tamper(path: &Path, sql: &str) {
    unguarded(path).execute_batch(sql).unwrap();
}

fn one(path: &Path, sql: &str) -> i64 {
    common::scalar(path, sql)
}

#[test]
fn a_ledger_used_normally_verifies_clean_and_the_command_says_ok() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let ledger = busy(&path);
    let report = ledger.verify().unwrap();
    assert!(report.is_clean(), "{:?}", report.problems);
    let history: i64 = report.counts.iter().map(|(_, n)| n).sum();
    assert_eq!(report.chained, history);
    assert_eq!(report.chained, one(&path, "SELECT COUNT(*) FROM chain"));
    let head = ledger.chain_head().unwrap().unwrap();
    assert_eq!(report.head.as_ref(), Some(&head));
    assert_eq!(head.seq, report.chained);
    let short = head.short();
    assert_eq!(short, format!("{}#{}", &head.hash[..12], head.seq));
    drop(ledger);

    let out = pojok(&path, &["verify", "--lang", "en"]);
    assert!(out.status.success(), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.starts_with("OK: "), "{text}");
    assert!(text.contains("sale_lines 4"), "{text}");
    assert!(text.contains(&short), "{text}");

    // A mistyped path is an error, not an empty ledger that verifies clean.
    let missing = dir.path().join("nothing.db");
    let out = pojok(&missing, &["verify"]);
    assert!(!out.status.success());
    assert!(!missing.exists());
}

#[test]
fn a_changed_sale_line_is_named_and_the_command_fails() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    drop(busy(&path));
    let line = one(&path, "SELECT MIN(id) FROM sale_lines");
    tamper(
        &path,
        &format!(
            "UPDATE sale_lines SET total = total - 1000, corner_share = corner_share - 1000 WHERE id = {line}"
        ),
    );
    let ledger = Ledger::open(&path).unwrap();
    let problems = ledger.verify().unwrap().problems;
    assert!(
        problems.iter().any(|p| matches!(p,
            Problem::EntryChanged { table, id, .. } if table == "sale_lines" && *id == line)),
        "{problems:?}"
    );
    // The figures no longer add up either: the line's total and its sale's.
    for check in ["line total", "sale total"] {
        assert!(
            problems
                .iter()
                .any(|p| matches!(p, Problem::Invariant { check: c, .. } if *c == check)),
            "{check}: {problems:?}"
        );
    }
    drop(ledger);
    let out = pojok(&path, &["verify", "--lang", "en"]);
    assert!(!out.status.success());
    let text = stdout(&out);
    assert!(
        text.contains(&format!("sale_lines {line}: changed after it was recorded")),
        "{text}"
    );
    // The broken figures in the words of the language asked for: Indonesian by default.
    let (price, milli, total) = (
        one(
            &path,
            &format!("SELECT unit_price FROM sale_lines WHERE id = {line}"),
        ),
        one(
            &path,
            &format!("SELECT quantity_milli FROM sale_lines WHERE id = {line}"),
        ),
        one(
            &path,
            &format!("SELECT total FROM sale_lines WHERE id = {line}"),
        ),
    );
    let quantity = Quantity::from_milli(milli).number_text();
    let (total, price, expected) = (Rupiah(total), Rupiah(price), Rupiah(total + 1000));
    assert!(
        text.contains(&format!(
            "sale_lines {line}: line total: {total} is not {price} × {quantity} = {expected}"
        )),
        "{text}"
    );
    let out = pojok(&path, &["verify"]);
    assert!(!out.status.success());
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "sale_lines {line}: total baris: {total} bukan {price} × {quantity} = {expected}"
        )),
        "{text}"
    );
    assert!(text.contains("total penjualan: jumlah baris"), "{text}");
    assert!(!text.contains(" is not "), "{text}");
    assert!(!text.contains("sale total"), "{text}");
    let out = pojok_env(&path, &["verify"], &[("POJOK_LANG", "en")]);
    assert!(
        stdout(&out).contains("sale total: lines sum to"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_deleted_entry_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    drop(busy(&path));
    let void = one(&path, "SELECT id FROM voids");
    tamper(&path, &format!("DELETE FROM voids WHERE id = {void}"));
    let ledger = Ledger::open(&path).unwrap();
    let problems = ledger.verify().unwrap().problems;
    assert!(
        problems.iter().any(|p| matches!(p,
            Problem::EntryMissing { table, id, .. } if table == "voids" && *id == void)),
        "{problems:?}"
    );
    drop(ledger);
    let out = pojok(&path, &["verify", "--lang", "id"]);
    assert!(!out.status.success());
    assert!(
        stdout(&out).contains(&format!("voids {void}: dihapus")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_entry_inserted_in_the_middle_is_named_and_never_chained_later() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    drop(busy(&path));
    // A cash payment slipped into the first sale, between entries already chained.
    let sale = one(&path, "SELECT MIN(id) FROM sales");
    tamper(
        &path,
        &format!(
            "INSERT INTO payments (id, sale_id, method, amount, tendered, change)
             VALUES (500, {sale}, 'cash', 5000, 5000, 0)"
        ),
    );
    let mut ledger = Ledger::open(&path).unwrap();
    // The next honest write chains its own rows only, not the one slipped in before it.
    sell(
        &mut ledger,
        &[("KRPS", 1)],
        PaymentMethod::Qris,
        at("2026-11-23 10:00"),
    );
    let problems = ledger.verify().unwrap().problems;
    assert!(
        problems.contains(&Problem::Unchained {
            table: "payments",
            id: 500
        }),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| matches!(p,
            Problem::Invariant { check: "sale payments", id, .. } if *id == sale)),
        "{problems:?}"
    );
    drop(ledger);
    let out = pojok(&path, &["verify", "--lang", "en"]);
    assert!(!out.status.success());
    assert!(
        stdout(&out).contains("payments 500: not in the chain"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_chain_row_taken_out_breaks_the_chain_where_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    drop(busy(&path));
    let seq = one(&path, "SELECT seq FROM chain WHERE entry_table = 'voids'");
    let (table, id): (String, i64) = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT entry_table, entry_id FROM chain WHERE seq = ?1",
            [seq],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    tamper(&path, &format!("DELETE FROM chain WHERE seq = {seq}"));
    let problems = Ledger::open(&path).unwrap().verify().unwrap().problems;
    assert!(
        problems.contains(&Problem::ChainBroken { seq: seq + 1 }),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(
            |p| matches!(p, Problem::Unchained { table: t, id: i } if *t == table && *i == id)
        ),
        "{problems:?}"
    );
}

#[test]
fn a_user_edited_behind_the_ledgers_back_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    let now = at("2026-11-23 07:00");
    ledger.create_first_manager("Bu Ani", "2468", now).unwrap();
    let rina = ledger
        .add_user("Rina", Role::Attendant, "1357", now)
        .unwrap();
    assert!(ledger.verify().unwrap().is_clean());
    drop(ledger);
    // Promoting an attendant with raw SQL would let her approve her own voids.
    tamper(
        &path,
        &format!("UPDATE users SET role = 'manager' WHERE id = {}", rina.id),
    );
    let problems = Ledger::open(&path).unwrap().verify().unwrap().problems;
    assert!(
        problems.iter().any(|p| matches!(p,
            Problem::Invariant { check: "users", id, .. } if *id == rina.id)),
        "{problems:?}"
    );
}

/// A small deterministic generator (xorshift), so a failure reproduces.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn thousands_of_random_operations_leave_a_ledger_that_verifies_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    let start = at("2026-11-01 07:00");
    let manager = ledger
        .create_first_manager("Bu Ani", "2468", start)
        .unwrap();
    let rina = ledger
        .add_user("Rina", Role::Attendant, "1357", start)
        .unwrap();
    let sari = ledger
        .add_customer(
            &NewCustomer {
                name: "Sari".into(),
                ..Default::default()
            },
            start,
        )
        .unwrap();
    let mut dice = Dice(0x5eed_1234_abcd_0001);
    let mut day = date("2026-11-01");
    // Sales of days already closed, for next-day corrections.
    let mut earlier: Vec<i64> = Vec::new();
    let mut now = start;
    ledger.open_day(day, "Rina", Rupiah(100_000), now).unwrap();
    let codes = ["LMPR", "KRPS", "BRS"];
    let mut sales: Vec<i64> = Vec::new();
    let mut done = 0;
    for _ in 0..2_000 {
        now += TimeDelta::minutes(1);
        // Half the time an attendant works the counter; voids then need the manager.
        if dice.roll(2) == 0 {
            ledger.sign_in(&rina);
        } else {
            ledger.sign_out();
        }
        let code = codes[dice.roll(3) as usize];
        let n = 1 + dice.roll(4) as i64;
        let outcome = match dice.roll(26) {
            0..=9 => {
                let method = [
                    PaymentMethod::Cash,
                    PaymentMethod::Qris,
                    PaymentMethod::Transfer,
                ][dice.roll(3) as usize];
                let lines = [(code, n), (codes[dice.roll(3) as usize], 1)];
                let sale = sell(
                    &mut ledger,
                    &lines[..1 + dice.roll(2) as usize],
                    method,
                    now,
                );
                sales.push(sale.id);
                Ok(())
            }
            10..=11 => match sales.pop() {
                Some(id) => {
                    ledger
                        .with_approval(&manager)
                        .void_sale(id, "salah input", "Rina", now)
                }
                None => Ok(()),
            },
            12..=13 => ledger
                .receive_stock(
                    if code == "BRS" { "TANI" } else { "SRI" },
                    &[IntakeLine {
                        product_code: code.into(),
                        quantity: Quantity::whole(n * 5),
                        best_before: None,
                    }],
                    "Rina",
                    now,
                )
                .map(|_| ()),
            14 => ledger
                .with_approval(&manager)
                .write_off(
                    code,
                    Quantity::whole(1),
                    "rusak",
                    dice.roll(2) == 0,
                    "Rina",
                    now,
                )
                .map(|_| ()),
            15 => ledger
                .with_approval(&manager)
                .count_stock(
                    code,
                    StockQuantity::from_milli(n * 1_000),
                    "opname",
                    false,
                    "Rina",
                    now,
                )
                .map(|_| ()),
            16 => {
                ledger.with_approval(&manager);
                reprice(&mut ledger, code, 3_000 + 500 * dice.roll(30) as i64, now);
                Ok(())
            }
            17 => {
                common::close_counted(&mut ledger, "Rina", now).unwrap();
                day = day.succ_opt().unwrap();
                now = day.and_hms_opt(7, 0, 0).unwrap();
                earlier.append(&mut sales);
                ledger
                    .open_day(day, "Rina", Rupiah(100_000), now)
                    .map(|_| ())
            }
            // The till's money: cash in and out, payouts, tabs and their payments, corrections.
            18 => {
                let direction = [CashDirection::In, CashDirection::Out][dice.roll(2) as usize];
                let amount = Rupiah(1_000 * (1 + dice.roll(50) as i64));
                ledger
                    .record_cash_move(direction, amount, "plastik", "Rina", now)
                    .map(|_| ())
            }
            19 => {
                let method = [PayoutMethod::Cash, PayoutMethod::Transfer][dice.roll(2) as usize];
                let amount = Rupiah(500 * (1 + dice.roll(40) as i64));
                ledger
                    .with_approval(&manager)
                    .pay_producer(
                        ["SRI", "TANI"][dice.roll(2) as usize],
                        method,
                        amount,
                        "",
                        "Rina",
                        now,
                    )
                    .map(|_| ())
            }
            20 => {
                let catalogue = Catalogue::new(ledger.active_products().unwrap());
                let mut cart = Cart::default();
                cart.add(catalogue.lookup(code).unwrap(), Quantity::whole(n))
                    .unwrap();
                let mut tender = Tender::new(cart.total());
                tender.pay_tab(sari.id, None).unwrap();
                ledger
                    .record_sale(&cart, &tender.payments, "Rina", now)
                    .map(|sale| sales.push(sale.id))
            }
            21 => {
                let method = [PaymentMethod::Cash, PaymentMethod::Qris][dice.roll(2) as usize];
                ledger
                    .record_tab_payment(sari.id, method, Rupiah(1_000 * n), "", "Rina", now)
                    .map(|_| ())
            }
            22 => match earlier.pop() {
                Some(id) => {
                    let refund = [RefundMethod::Cash, RefundMethod::Qris, RefundMethod::None]
                        [dice.roll(3) as usize];
                    ledger
                        .with_approval(&manager)
                        .correct_sale(id, refund, "salah input kemarin", "Rina", now)
                        .map(|_| ())
                }
                None => Ok(()),
            },
            _ => {
                // A wrong PIN now and then (argon2 is slow in tests, so rarely): counters
                // are state, not history, and leave the chain alone.
                if dice.roll(4) == 0 {
                    let _ = ledger.check_pin(rina.id, "0000", now);
                }
                Ok(())
            }
        };
        match outcome {
            Ok(()) => done += 1,
            // The dice may ask to void a sale twice, count a product into the negative, take
            // more cash than the drawer holds, pay more than is owed, or refund to the wrong tab.
            Err(
                LedgerError::AlreadyVoided(_)
                | LedgerError::InvalidQuantity { .. }
                | LedgerError::CashOutAboveDrawer { .. }
                | LedgerError::PayoutAboveBalance { .. }
                | LedgerError::MoreThanOwed { .. }
                | LedgerError::NotOnTab(_),
            ) => {}
            Err(e) => panic!("unexpected refusal: {e}"),
        }
    }
    assert!(done > 1_500, "most operations were carried out: {done}");
    let report = ledger.verify().unwrap();
    assert!(report.is_clean(), "{:?}", report.problems);
    assert!(report.chained > 4_000, "{}", report.chained);
    let approved = one(
        &path,
        "SELECT COUNT(*) FROM chain WHERE approver_id IS NOT NULL",
    );
    assert!(approved > 0);
    // Every kind of the till's money history was written and verified with the rest.
    for table in [
        "cash_moves",
        "payouts",
        "tab_payments",
        "corrections",
        "cash_counts",
    ] {
        let n = one(&path, &format!("SELECT COUNT(*) FROM {table}"));
        assert!(n > 0, "no {table} in the random run");
    }
}

#[test]
fn a_demoted_approver_and_a_deleted_product_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = busy(&path);
    let now = at("2026-11-23 12:00");
    let ani = ledger.create_first_manager("Bu Ani", "2468", now).unwrap();
    let rina = ledger
        .add_user("Rina", Role::Attendant, "1357", now)
        .unwrap();
    ledger.sign_in(&rina);
    let sale = sell(&mut ledger, &[("KRPS", 1)], PaymentMethod::Cash, now);
    ledger
        .with_approval(&ani)
        .void_sale(sale.id, "salah input", "Rina", now)
        .unwrap();
    assert!(ledger.verify().unwrap().is_clean());
    drop(ledger);
    let approval = one(&path, "SELECT seq FROM chain WHERE approver_id IS NOT NULL");
    let product = one(&path, "SELECT id FROM products WHERE code = 'BRS'");
    tamper(
        &path,
        &format!(
            "PRAGMA foreign_keys = OFF;
             UPDATE users SET role = 'attendant' WHERE id = {};
             DELETE FROM products WHERE id = {product};",
            ani.id
        ),
    );
    let problems = Ledger::open(&path).unwrap().verify().unwrap().problems;
    assert!(
        problems.iter().any(|p| matches!(p,
            Problem::Invariant { check: "approvals", id, .. } if *id == approval)),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(
            |p| matches!(p, Problem::Integrity(text) if text.starts_with("sale_lines ")
                && text.ends_with("names a missing row of products"))
        ),
        "{problems:?}"
    );
}

#[test]
fn a_cash_payment_changed_after_the_close_no_longer_adds_up_to_the_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    drop(busy(&path));
    // The first day's cash sale: 2 lemper + 1 kg beras, paid exactly in cash; someone makes
    // the cash look smaller and the sale, its line and its payment agree with each other.
    let count = one(&path, "SELECT id FROM cash_counts");
    let payment = one(&path, "SELECT MIN(id) FROM payments WHERE method = 'cash'");
    tamper(
        &path,
        &format!(
            "UPDATE payments SET method = 'qris', tendered = amount, change = 0 WHERE id = {payment}"
        ),
    );
    let ledger = Ledger::open(&path).unwrap();
    let problems = ledger.verify().unwrap().problems;
    assert!(
        problems.iter().any(|p| matches!(p,
            Problem::Invariant { check: "cash count", table: "cash_counts", id, .. } if *id == count)),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| matches!(p,
            Problem::EntryChanged { table, id, .. } if table == "payments" && *id == payment)),
        "{problems:?}"
    );
}

/// `busy`, a check as the close makes it, then one more sale: the entries after the check.
fn checked_then_sold(path: &Path) -> (Ledger, pojok::ledger::ChainHead) {
    let mut ledger = busy(path);
    let before = ledger.chain_head().unwrap().unwrap();
    let report = ledger.check_chain_at_close(at("2026-11-23 08:00")).unwrap();
    assert!(report.is_clean(), "{:?}", report.problems);
    assert_eq!(report.since, None, "no check before: the whole chain");
    assert_eq!(report.chained, before.seq);
    sell(
        &mut ledger,
        &[("LMPR", 1)],
        PaymentMethod::Cash,
        at("2026-11-23 09:00"),
    );
    (ledger, before)
}

#[test]
fn a_check_at_the_close_is_recorded_and_verify_takes_the_chain_up_from_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (ledger, checked) = checked_then_sold(&path);
    let last = ledger.last_chain_check().unwrap().unwrap();
    assert_eq!(last.head, checked);
    let head = ledger.chain_head().unwrap().unwrap();
    let recent = ledger
        .verify_scoped(VerifyScope::SinceLastCheck, &mut |_, _| {})
        .unwrap();
    assert!(recent.is_clean(), "{:?}", recent.problems);
    assert_eq!(recent.since.as_ref(), Some(&last));
    // The check's own entry, then the sale's rows.
    assert_eq!(recent.chained, head.seq - checked.seq);
    let full = ledger.verify().unwrap();
    assert!(full.is_clean() && full.since.is_none());
    assert_eq!(full.chained, head.seq);
    drop(ledger);

    let out = pojok(&path, &["verify", "--lang", "en"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(&format!(
            "Chain taken up from the check at the day close of 2026-11-23 08:00:00 ({})",
            checked.short()
        )),
        "{}",
        stdout(&out)
    );
    let out = pojok(&path, &["verify", "--full"]);
    assert!(out.status.success(), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!("OK: {} entri", head.seq)),
        "{text}"
    );
    assert!(!text.contains("pemeriksaan saat tutup"), "{text}");
}

#[test]
fn an_entry_changed_after_the_check_is_found_and_one_before_it_by_full() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    drop(checked_then_sold(&path));
    let (first, last) = (
        one(&path, "SELECT MIN(id) FROM sales"),
        one(&path, "SELECT MAX(id) FROM sales"),
    );
    // Figures unchanged, so no invariant notices: only the chain can.
    tamper(
        &path,
        &format!("UPDATE sales SET attendant = 'Budi' WHERE id IN ({first}, {last})"),
    );
    let ledger = Ledger::open(&path).unwrap();
    let changed = |problems: &[Problem]| -> Vec<i64> {
        problems
            .iter()
            .filter_map(|p| match p {
                Problem::EntryChanged { table, id, .. } if table == "sales" => Some(*id),
                _ => None,
            })
            .collect()
    };
    let recent = ledger
        .verify_scoped(VerifyScope::SinceLastCheck, &mut |_, _| {})
        .unwrap();
    assert_eq!(changed(&recent.problems), [last], "{:?}", recent.problems);
    let full = ledger.verify().unwrap();
    assert_eq!(
        changed(&full.problems),
        [first, last],
        "{:?}",
        full.problems
    );
    drop(ledger);
    let out = pojok(&path, &["verify"]);
    assert!(!out.status.success());
    assert!(
        stdout(&out).contains(&format!("sales {last}: diubah setelah dicatat")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn history_rechained_up_to_the_checked_entry_is_found_without_full() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (ledger, checked) = checked_then_sold(&path);
    drop(ledger);
    // What a re-chained rewrite leaves at the checked entry: another hash.
    tamper(
        &path,
        &format!(
            "UPDATE chain SET hash = '{}' WHERE seq = {}",
            "0".repeat(64),
            checked.seq
        ),
    );
    let ledger = Ledger::open(&path).unwrap();
    let recent = ledger
        .verify_scoped(VerifyScope::SinceLastCheck, &mut |_, _| {})
        .unwrap();
    assert_eq!(
        recent.problems,
        [Problem::CheckedHeadRewritten { seq: checked.seq }]
    );
    // At the next close nothing is recorded over it: the check keeps pointing there.
    let mut ledger = ledger;
    let again = ledger.check_chain_at_close(at("2026-11-23 17:00")).unwrap();
    assert!(!again.is_clean());
    assert_eq!(ledger.last_chain_check().unwrap().unwrap().head, checked);
    drop(ledger);
    let out = pojok(&path, &["verify", "--lang", "en"]);
    assert!(!out.status.success());
    assert!(
        stdout(&out).contains(&format!(
            "chain #{}: the ledger was rewritten at or before this entry",
            checked.seq
        )),
        "{}",
        stdout(&out)
    );
}
