//! Users, PINs and approvals at the kiosk on real ledger files: the first start, a migrated manager's first PIN,
//! lockouts that survive a restart, users added at the kiosk, the audit trail, and in a real
//! terminal (tmux) an attendant's void approved with the manager's PIN, and the lock key.

mod common;

use std::path::Path;

use common::*;
use pojok::ledger::Ledger;
use pojok::ui::{self, Focus};
use ratatui::crossterm::event::KeyCode;
#[cfg(unix)]
use serde_json::Value;

#[test]
fn the_first_start_names_the_shop_and_creates_the_manager_who_signs_in_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    drop(small_ledger(&path));
    let mut kiosk = Kiosk::on_file(&path, "");
    assert_eq!(kiosk.app.focus(), Focus::Setup);
    for field in ["Pojok UMKM Balai Kota", "Bu Wati", "2468", "2468"] {
        kiosk.type_text(field);
        kiosk.enter();
    }
    assert_eq!(kiosk.note(), "Selamat bekerja, Bu Wati");
    // The recovery code is on screen once, the same as on its paper, until Enter.
    assert_eq!(kiosk.app.focus(), Focus::Recovery);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| ui::view(&kiosk.app, frame)).unwrap();
    let screen = format!("{:?}", terminal.backend());
    let paper = std::fs::read_dir(dir.path().join("printouts"))
        .unwrap()
        .flatten()
        .map(|d| d.path().join("kode-pemulihan.txt"))
        .find(|p| p.exists())
        .expect("the code's paper is filed");
    let paper = std::fs::read_to_string(paper).unwrap();
    let code = paper
        .split_whitespace()
        .find(|w| {
            w.len() > 8
                && w.chars().any(|c| c.is_ascii_digit())
                && w.chars().all(|c| c.is_ascii_digit() || c == '-')
        })
        .expect("a code on the paper")
        .to_string();
    for fact in [
        "Kode pemulihan pengelola",
        code.as_str(),
        "tidak ditampilkan lagi",
    ] {
        assert!(screen.contains(fact), "{fact} in\n{screen}");
    }
    kiosk.type_text("y");
    assert_eq!(kiosk.app.focus(), Focus::Recovery, "only Enter carries on");
    kiosk.enter();
    assert_eq!(kiosk.app.focus(), Focus::OpenDay);
    drop(kiosk);
    let ledger = Ledger::open(&path).unwrap();
    assert_eq!(ledger.shop_header().unwrap().name, "Pojok UMKM Balai Kota");
    let users = ledger.users().unwrap();
    assert_eq!(users.len(), 1);
    assert!(users[0].is_manager() && users[0].has_pin);
    drop(ledger);
    // Started again: sign in, no setup.
    let mut kiosk = Kiosk::on_file(&path, "");
    assert_eq!(kiosk.app.focus(), Focus::SignIn);
    sign_in(&mut kiosk.effects, &mut kiosk.app, "2468");
    assert_eq!(kiosk.app.user().unwrap().name, "Bu Wati");
    drop(kiosk);
    // The code shown is the one that sets a new PIN.
    let mut ledger = Ledger::open(&path).unwrap();
    let wati = ledger.users().unwrap()[0].clone();
    ledger
        .recover_manager_pin(wati.id, &code, "1357", at("2026-11-23 09:00"))
        .unwrap();
}

#[test]
fn a_manager_without_a_pin_sets_one_at_the_first_start_and_no_one_can_reset_a_set_pin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    add_users(&mut ledger);
    drop(ledger);
    // As a till-era file comes out of its migration: the manager has no PIN yet.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE users SET pin_hash = NULL", [])
        .unwrap();
    drop(conn);
    let mut kiosk = Kiosk::on_file(&path, "");
    assert_eq!(kiosk.app.focus(), Focus::Setup);
    for pin in ["7777", "7777"] {
        kiosk.type_text(pin);
        kiosk.enter();
    }
    assert_eq!(kiosk.app.user().map(|u| u.name.as_str()), Some("Budi"));
    drop(kiosk);
    let mut ledger = Ledger::open(&path).unwrap();
    let budi = ledger.users().unwrap()[0].clone();
    assert!(
        ledger
            .check_pin(budi.id, "7777", at("2026-11-23 08:00"))
            .is_ok()
    );
}

#[test]
fn five_wrong_pins_lock_a_user_out_until_a_time_that_a_restart_does_not_forgive() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    add_users(&mut small_ledger(&path));
    let mut kiosk = Kiosk::on_file(&path, "Rina");
    for left in [4, 3, 2, 1] {
        kiosk.type_text("0000");
        kiosk.enter();
        assert_eq!(
            kiosk.note(),
            format!("Rina tidak bisa masuk: PIN salah; sisa {left} kali coba sebelum dikunci")
        );
    }
    kiosk.type_text("0000");
    kiosk.enter();
    assert!(
        kiosk.note().contains("terkunci sampai"),
        "until when: {}",
        kiosk.note()
    );
    drop(kiosk);
    let mut kiosk = Kiosk::on_file(&path, "Rina");
    kiosk.type_text(RINA_PIN);
    kiosk.enter();
    assert!(kiosk.note().contains("terkunci sampai"), "{}", kiosk.note());
    assert_eq!(kiosk.app.user(), None);
    assert_eq!(kiosk.app.focus(), Focus::SignIn);
}

#[test]
fn the_manager_adds_an_attendant_who_then_signs_in_and_the_audit_trail_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    add_users(&mut small_ledger(&path));
    let mut kiosk = Kiosk::on_file(&path, "Budi");
    sign_in(&mut kiosk.effects, &mut kiosk.app, BUDI_PIN);
    kiosk.type_text("0");
    kiosk.enter();
    kiosk.ctrl('u');
    assert_eq!(kiosk.app.focus(), Focus::Users);
    kiosk.key(KeyCode::F(2));
    kiosk.type_text("Sari");
    // Enter moves on: the role (left an attendant), then the PIN twice.
    kiosk.enter();
    kiosk.enter();
    for pin in ["3535", "3535"] {
        kiosk.type_text(pin);
        kiosk.enter();
    }
    kiosk.key(KeyCode::F(2));
    assert_eq!(kiosk.note(), "Pengguna tersimpan");
    assert_eq!(kiosk.app.focus(), Focus::Users);
    kiosk.key(KeyCode::Esc);
    // A shift change at the lock: Sari signs in and sells.
    kiosk.ctrl('l');
    assert_eq!(kiosk.app.focus(), Focus::Locked);
    kiosk.type_text("sari");
    kiosk.type_text("3535");
    kiosk.enter();
    assert_eq!(kiosk.app.user().map(|u| u.name.as_str()), Some("Sari"));
    kiosk.first_sale_for_cash("KRPS");
    // The audit trail: the sale is Sari's, newest first.
    kiosk.ctrl('r');
    assert_eq!(kiosk.app.focus(), Focus::Audit);
    let history = Ledger::open(&path)
        .unwrap()
        .history(&Default::default())
        .unwrap();
    let sale = history.iter().find(|e| e.table == "sales").unwrap();
    assert_eq!(sale.actor.as_deref(), Some("Sari"));
    let added = history
        .iter()
        .find(|e| {
            e.table == "user_changes"
                && e.details
                    .contains(&pojok::domain::Detail::Text("Sari".into()))
        })
        .unwrap();
    assert_eq!(added.actor.as_deref(), Some("Budi"));
    drop(kiosk);
    let report = Ledger::open(&path).unwrap().verify().unwrap();
    assert!(report.is_clean(), "{:?}", report.problems);
}

#[cfg(unix)]
fn report_json(db: &Path) -> Value {
    let out = pojok(db, &["report", "day", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// The attendant's void at the keyboard: the popup, a wrong PIN refused, the manager's PIN.
/// And Ctrl+L: the lock hides the cart, and Rina's PIN brings it back.
// Driven through tmux, which a Windows test under Wine cannot start.
#[cfg(unix)]
#[test]
fn at_the_keyboard_an_attendants_void_waits_for_the_managers_pin_and_ctrl_l_locks() {
    let dir = tempfile::tempdir().unwrap();
    let (tmux, db) = Tmux::rina_after_one_sale(dir.path());

    tmux.keys(&["F6"]);
    tmux.wait_for("Penjualan hari ini");
    tmux.keys(&["F8"]);
    tmux.type_text("salah input");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Batalkan penjualan #1");
    tmux.keys(&["y"]);
    let screen = tmux.wait_for("Persetujuan pengelola");
    assert!(screen.contains("Budi"), "{screen}");
    // A scan, F-keys: the popup stays.
    tmux.keys(&["F2", "F5"]);
    tmux.type_text("8998201000016");
    tmux.keys(&["Enter"]);
    tmux.type_text("1234");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("PIN salah");
    assert!(screen.contains("Persetujuan pengelola"), "{screen}");
    assert_eq!(report_json(&db)["voids"]["count"], 0);
    tmux.type_text(BUDI_PIN);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Penjualan #1 dibatalkan");
    let json = report_json(&db);
    assert_eq!(json["voids"]["count"], 1);
    assert_eq!(json["sales"]["count"], 0);
    let verify = pojok(&db, &["verify"]);
    assert!(verify.status.success(), "{}", stdout(&verify));

    // Ctrl+L with a cart: nothing of it shows; Rina's PIN brings it back.
    tmux.keys(&["Escape"]);
    tmux.type_text("LMPR");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Lemper Ayam");
    tmux.keys(&["C-l"]);
    tmux.wait_for("Kasir terkunci");
    // The lock's own key bar, its last row: under load a capture can catch the new title over
    // the till's rows not yet redrawn.
    let screen = tmux.wait_for("↑ Pilih pengguna");
    assert!(screen.contains("Kasir terkunci"), "{screen}");
    assert!(!screen.contains("Lemper"), "{screen}");
    assert!(!screen.contains("Rp 3.500"), "{screen}");
    tmux.login("Rina", RINA_PIN);
    tmux.wait_for("Lemper Ayam");
    tmux.keys(&["C-q"]);
    tmux.wait_exit();
}

/// Stock counts recorded, and the approver of each: (document id, approver's name).
fn counts(path: &Path) -> Vec<(i64, Option<String>)> {
    query_rows(
        path,
        "SELECT d.id, p.name FROM stock_documents AS d
             JOIN chain AS c ON c.entry_table = 'stock_documents' AND c.entry_id = d.id
             LEFT JOIN users AS p ON p.id = c.approver_id
             WHERE d.kind = 'count' ORDER BY d.id",
    )
}

#[test]
fn an_attendants_count_that_matches_needs_no_manager_but_one_with_a_difference_does() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    add_users(&mut small_ledger(&path));
    let mut kiosk = Kiosk::on_file(&path, "Rina");
    sign_in(&mut kiosk.effects, &mut kiosk.app, RINA_PIN);
    kiosk.type_text("0");
    kiosk.enter();
    let count = |kiosk: &mut Kiosk, entry: &str| {
        kiosk.key(KeyCode::F(3));
        kiosk.type_text("lemper");
        kiosk.key(KeyCode::F(6));
        kiosk.type_text(entry);
        kiosk.enter();
        kiosk.key(KeyCode::Tab);
        kiosk.type_text("opname sore");
        kiosk.key(KeyCode::F(2));
        kiosk.type_text("y");
    };
    // Nothing on record, nothing on the shelf: no difference, no manager.
    count(&mut kiosk, "0*LMPR");
    assert_eq!(kiosk.app.focus(), Focus::Stock, "{}", kiosk.note());
    assert_eq!(counts(&path).len(), 1);
    kiosk.key(KeyCode::Esc);
    // Three found where the ledger has none: the popup, and only Budi's PIN records it.
    count(&mut kiosk, "3*LMPR");
    assert_eq!(kiosk.app.focus(), Focus::Approval, "{}", kiosk.note());
    assert_eq!(counts(&path).len(), 1);
    kiosk.type_text(BUDI_PIN);
    kiosk.enter();
    assert_eq!(kiosk.app.focus(), Focus::Stock, "{}", kiosk.note());
    let recorded = counts(&path);
    assert_eq!(recorded.len(), 2);
    assert_eq!(recorded[0].1, None);
    assert_eq!(recorded[1].1.as_deref(), Some("Budi"));
    drop(kiosk);
    let report = Ledger::open(&path).unwrap().verify().unwrap();
    assert!(report.is_clean(), "{:?}", report.problems);
}
