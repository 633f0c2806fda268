//! A queue at the real kiosk in a real terminal (tmux), in Indonesian at 80×24: a cart parked
//! while the next customer is served, then served itself; and a part payment taken before
//! the kiosk is killed (kill -9), shown in the pay dialog at the next start.
// Driven through tmux, which a Windows test under Wine cannot start (README: Windows).
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use pojok::ledger::Ledger;

/// A ledger with today's day open (float 0) and Rina and Budi as users.
fn open_day(db: &Path) {
    let mut ledger = small_ledger(db);
    add_users(&mut ledger);
    let now = chrono::Local::now();
    ledger
        .open_day(
            now.date_naive(),
            "Rina",
            pojok::domain::Rupiah(0),
            now.naive_local(),
        )
        .unwrap();
}

/// `open_day`'s ledger at `dir`/pojok.db, the kiosk on it and Rina signed in at the till.
fn rina_at_the_open_till(dir: &Path) -> (Tmux, std::path::PathBuf) {
    let db = dir.join("pojok.db");
    open_day(&db);
    let tmux = Tmux::kiosk(dir, &db, "");
    tmux.login("Rina", RINA_PIN);
    tmux.wait_for("Kasir: Rina");
    (tmux, db)
}

/// F2 on the cart, `amount` typed as cash and taken with F3, leaving the rest to pay;
/// returns once the dialog shows `taken`.
fn pay_part_in_cash(tmux: &Tmux, amount: &str, taken: &str) {
    tmux.keys(&["F2"]);
    tmux.wait_for("Tunai");
    tmux.type_text(amount);
    // Typed by a person, not a scanner's burst: the pay dialog refuses a burst as a scan.
    std::thread::sleep(std::time::Duration::from_millis(150));
    tmux.keys(&["F3"]);
    tmux.wait_for(taken);
}

/// A sale as recorded: its number, its total, and its payments as (method, amount).
type Recorded = (i64, i64, Vec<(String, i64)>);

/// Each sale as recorded, in order.
fn sales(db: &Path) -> Vec<Recorded> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT id, number, total FROM sales ORDER BY id")
        .unwrap();
    let rows: Vec<(i64, i64, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    rows.into_iter()
        .map(|(id, number, total)| {
            let mut stmt = conn
                .prepare("SELECT method, amount FROM payments WHERE sale_id = ?1 ORDER BY id")
                .unwrap();
            let paid = stmt
                .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            (number, total, paid)
        })
        .collect()
}

fn cash(amount: i64) -> (String, i64) {
    ("cash".to_string(), amount)
}

#[test]
fn a_parked_cart_is_served_after_the_next_customer() {
    let dir = tempfile::tempdir().unwrap();
    let (tmux, db) = rina_at_the_open_till(dir.path());

    // The first customer: three lemper, then they go to fetch money; F12 parks the cart.
    tmux.type_text("3*LMPR");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Rp 10.500");
    tmux.keys(&["F12"]);
    let screen = tmux.wait_for("Keranjang ditunda (1 ditunda)");
    assert!(screen.contains("Keranjang kosong"), "{screen}");
    assert!(screen.contains("1 keranjang ditunda (F12)"), "{screen}");

    // The next customer is served and pays.
    tmux.type_text("KRPS");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Keripik Pisang");
    tmux.pay_exact_cash("No. 1");

    // The first customer is back: F12 on the empty cart lists the parked, Enter serves it.
    tmux.keys(&["F12"]);
    let list = tmux.wait_for("Keranjang ditunda");
    assert!(
        list.lines()
            .any(|l| l.contains("3 pcs Lemper Ayam") && l.contains("Rp 10.500")),
        "{list}"
    );
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Dilayani lagi: Rp 10.500; 0 ditunda.");
    assert!(screen.contains("Lemper Ayam"), "{screen}");
    tmux.pay_exact_cash("No. 2");
    tmux.keys(&["C-q"]);
    tmux.wait_exit();

    assert_eq!(
        sales(&db),
        vec![
            (1, 12_000, vec![cash(12_000)]),
            (2, 10_500, vec![cash(10_500)])
        ]
    );
    let ledger = Ledger::open(&db).unwrap();
    assert_eq!(ledger.parked_count().unwrap(), 0);
    assert_eq!(ledger.load_draft().unwrap(), None);
}

#[test]
fn a_parked_cart_outlives_a_restart_with_its_part_payment() {
    let dir = tempfile::tempdir().unwrap();
    let (tmux, db) = rina_at_the_open_till(dir.path());
    tmux.type_text("2*KRPS");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Rp 24.000");
    pay_part_in_cash(&tmux, "20000", "Diterima Rp 20.000");
    // The customer steps aside with Rp 4.000 still to pay: parked from the pay dialog.
    tmux.keys(&["F12"]);
    tmux.wait_for("1 keranjang ditunda (F12)");
    tmux.keys(&["C-q"]);
    tmux.wait_exit();
    drop(tmux);

    let tmux = Tmux::kiosk(dir.path(), &db, "");
    tmux.login("Rina", RINA_PIN);
    tmux.wait_for("1 keranjang ditunda (F12)");
    tmux.keys(&["F12"]);
    let list = tmux.wait_for("Rp 20.000 Tunai");
    assert!(list.contains("Rp 24.000"), "{list}");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Sudah dibayar Rp 20.000 (Tunai): jangan ditagih lagi.");
    assert!(screen.contains("Rp 4.000"), "{screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("No. 1");
    tmux.keys(&["C-q"]);
    tmux.wait_exit();
    assert_eq!(
        sales(&db),
        vec![(1, 24_000, vec![cash(20_000), cash(4_000)])]
    );
}

#[test]
fn a_part_payment_taken_before_a_kill_is_shown_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let (tmux, db) = rina_at_the_open_till(dir.path());
    // 4 Keripik Pisang and a Lemper: 4 × 12.000 + 3.500 = Rp 51.500.
    tmux.type_text("4*KRPS");
    tmux.keys(&["Enter"]);
    tmux.type_text("LMPR");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Rp 51.500");
    pay_part_in_cash(&tmux, "40000", "Diterima Rp 40.000");
    let status = Command::new("kill")
        .args(["-9", &tmux.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    tmux.wait_exit();
    drop(tmux);

    let tmux = Tmux::kiosk(dir.path(), &db, "");
    tmux.login("Rina", RINA_PIN);
    // The pay dialog is where it was, with what was already taken, by method.
    let screen = tmux.wait_for("Sudah dibayar Rp 40.000 (Tunai): jangan ditagih lagi.");
    assert!(screen.contains("Rp 11.500"), "the rest is due:\n{screen}");
    // The rest by QRIS: Tab to it, Enter.
    tmux.keys(&["Tab"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("No. 1");
    tmux.keys(&["C-q"]);
    tmux.wait_exit();
    assert_eq!(
        sales(&db),
        vec![(1, 51_500, vec![cash(40_000), ("qris".to_string(), 11_500)])]
    );
}
