//! The expiry list at the keyboard, in a real terminal (tmux) on a real ledger file: the till
//! warns when it sells a delivery past its date and sells it all the same; the list names
//! the producer's goods due or past; one key fills in their return, which is recorded.
// Driven through tmux, which a Windows test under Wine cannot start.
#![cfg(unix)]

mod common;

use chrono::{Days, Local, NaiveDate};
use common::*;
use pojok::domain::{IntakeLine, Quantity};

fn delivery(code: &str, n: i64, best_before: NaiveDate) -> IntakeLine {
    IntakeLine {
        product_code: code.into(),
        quantity: Quantity::whole(n),
        best_before: Some(best_before),
    }
}

/// (code, quantity in thousandths) of every line of every return.
fn returned(path: &std::path::Path) -> Vec<(String, i64, String)> {
    query_rows(
        path,
        "SELECT p.code, m.quantity_milli, d.note FROM stock_documents AS d
             JOIN stock_moves AS m ON m.document_id = d.id
             JOIN products AS p ON p.id = m.product_id
             WHERE d.kind = 'return' ORDER BY m.id",
    )
}

#[test]
fn the_till_warns_on_an_expired_delivery_and_the_expiry_list_fills_in_its_return() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let today = Local::now().date_naive();
    let yesterday = today.checked_sub_days(Days::new(1)).unwrap();
    let tomorrow = today.checked_add_days(Days::new(1)).unwrap();
    let later = today.checked_add_days(Days::new(20)).unwrap();
    {
        let mut ledger = small_ledger(&db);
        add_users(&mut ledger);
        let when = Local::now().naive_local();
        ledger
            .receive_stock(
                "SRI",
                &[
                    delivery("LMPR", 6, yesterday),
                    delivery("KRPS", 4, tomorrow),
                ],
                "Budi",
                when,
            )
            .unwrap();
        ledger
            .receive_stock("TANI", &[delivery("BRS", 5, later)], "Budi", when)
            .unwrap();
    }
    let tmux = Tmux::kiosk(dir.path(), &db, "");
    tmux.login("Rina", RINA_PIN);
    tmux.open_day("0", "Kasir: Rina");

    // Selling the old Lemper: a warning, and the sale goes through.
    tmux.type_text("LMPR");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("PERHATIAN: Lemper Ayam titipan terlama kedaluwarsa");
    assert!(screen.contains("Rp 3.500"), "{screen}");
    tmux.pay_exact_cash("No. 1");
    // Fresh goods say nothing of the kind.
    tmux.type_text("BRS");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Beras Pandan Wangi");
    assert!(!screen.contains("PERHATIAN"), "{screen}");
    tmux.keys(&["Delete"]);

    tmux.keys(&["F3"]);
    tmux.wait_for("Stok barang titipan");
    tmux.keys(&["F11"]);
    let screen = tmux.wait_for("Kedaluwarsa dalam 2 hari atau lewat, per produsen");
    let lemper = screen
        .lines()
        .find(|l| l.contains("Lemper Ayam"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        lemper.contains("SRI") && lemper.contains("5 pcs") && lemper.contains("LEWAT 1hr"),
        "{lemper}"
    );
    let keripik = screen.lines().find(|l| l.contains("Keripik")).unwrap();
    assert!(keripik.contains("1 hari lagi"), "{keripik}");
    assert!(!screen.contains("Beras"), "due in 20 days: {screen}");

    tmux.keys(&["F4"]);
    let screen = tmux.wait_for("Retur: SRI Kue Bu Sri");
    assert!(
        screen.contains("Retur Kue Bu Sri diisi dari daftar kedaluwarsa: 2 barang"),
        "{screen}"
    );
    assert!(
        screen.contains("Kedaluwarsa / hampir kedaluwarsa"),
        "{screen}"
    );
    tmux.keys(&["F2"]);
    tmux.wait_for("(2 baris): catat sekarang?");
    tmux.keys(&["y"]);
    tmux.wait_for("Retur no. 1 dicatat");
    let screen = tmux.wait_for("Tidak ada barang yang mendekati atau lewat kedaluwarsa");
    assert!(!screen.contains("Lemper"), "{screen}");
    let reason = "Kedaluwarsa / hampir kedaluwarsa".to_string();
    assert_eq!(
        returned(&db),
        [
            ("LMPR".into(), -5_000, reason.clone()),
            ("KRPS".into(), -4_000, reason)
        ]
    );
    let verify = pojok(&db, &["verify"]);
    assert!(verify.status.success(), "{}", stdout(&verify));
    tmux.keys(&["C-q"]);
    tmux.wait_exit();
}
