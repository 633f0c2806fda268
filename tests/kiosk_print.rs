//! The kiosk's runtime with a thermal printer: on a real ledger file, a printer that is off
//! leaves the sale recorded and says so; the settings screen points the kiosk at a printer
//! (a TCP listener on 127.0.0.1 standing in for one), whose test slip and the reprinted
//! receipt then arrive as ESC/POS.

mod common;

use std::io::Read;
use std::net::TcpListener;
use std::thread::JoinHandle;

use common::escpos::{assert_well_formed, decode, lines};
use common::*;
use pojok::print::{PrinterKind, PrinterSettings};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// A port nothing listens on: bound, then let go.
fn closed_port() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().to_string()
}

/// A stand-in network printer taking `jobs` connections; joins to what each one sent.
fn printer(jobs: usize) -> (String, JoinHandle<Vec<Vec<u8>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let handle = std::thread::spawn(move || {
        (0..jobs)
            .map(|_| {
                let (mut stream, _) = listener.accept().unwrap();
                let mut got = Vec::new();
                stream.read_to_end(&mut got).unwrap();
                got
            })
            .collect()
    });
    (address, handle)
}

#[test]
fn a_printer_that_is_off_loses_no_sale_and_the_reprint_reaches_the_printer_set_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&db);
    add_users(&mut ledger);
    let off = closed_port();
    ledger
        .set_printer_settings(
            &PrinterSettings {
                kind: PrinterKind::Network(off.clone()),
                ..PrinterSettings::default()
            },
            at("2026-11-01 07:00"),
        )
        .unwrap();
    // The manager: the settings are theirs (an attendant is asked for their PIN).
    let mut k = Kiosk::signed_in(ledger, "Budi", BUDI_PIN);

    // Open the day, sell a Keripik Pisang for exact cash.
    k.type_text("0");
    k.key(KeyCode::Enter);
    k.type_text("KRPS");
    k.key(KeyCode::Enter);
    k.key(KeyCode::F(2));
    k.key(KeyCode::Enter);
    assert_eq!(k.app.status().unwrap().sales, 1, "{}", k.note());
    // The screen shows the sale before the printer is tried; then the failure is told.
    assert!(k.effects.print_pending(&mut k.app));
    let note = k.note();
    assert!(note.starts_with("Tidak tercetak"), "{note}");
    assert!(note.contains(&off) && note.contains("F6"), "{note}");
    assert!(
        !k.effects.print_pending(&mut k.app),
        "nothing is left waiting"
    );
    // On disk, through a connection of its own: the sale and its receipt file.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let sales: i64 = conn
        .query_row("SELECT COUNT(*) FROM sales", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sales, 1);
    let date = k.app.status().unwrap().day.date;
    let receipt = dir
        .path()
        .join("printouts")
        .join(date.to_string())
        .join("struk-0001.txt");
    assert!(
        std::fs::read_to_string(&receipt)
            .unwrap()
            .contains("Keripik Pisang")
    );

    // The settings screen points at a printer that is on; a test print, then save.
    let (on, printed) = printer(2);
    k.key_with(KeyCode::Char('o'), KeyModifiers::CONTROL);
    // Up from the shop's name: round past the backup folder, the till's rules, the PDF
    // command and the paper.
    for _ in 0..6 {
        k.key(KeyCode::Up);
    }
    for _ in 0..off.len() {
        k.key(KeyCode::Backspace);
    }
    k.type_text(&on);
    k.key(KeyCode::F(9));
    assert_eq!(k.note(), "Cetak uji terkirim ke printer.");
    k.key(KeyCode::F(2));
    assert_eq!(k.note(), "Pengaturan disimpan.");
    let reread = pojok::ledger::Ledger::open(&db)
        .unwrap()
        .printer_settings()
        .unwrap();
    assert_eq!(reread.kind, PrinterKind::Network(on.clone()));
    // The change is history: the audit trail says who pointed the till at which printer.
    let history = pojok::ledger::Ledger::open(&db)
        .unwrap()
        .history(&Default::default())
        .unwrap();
    let target = history
        .iter()
        .find(|e| e.table == "settings_changes" && e.summary.starts_with("printer.target"))
        .expect("the printer's address change in the audit trail");
    assert_eq!(target.actor.as_deref(), Some("Budi"));
    assert!(target.summary.ends_with(&on), "{}", target.summary);

    // F6, F9: the receipt again, marked as a copy, to the printer now set.
    k.key(KeyCode::F(6));
    k.key(KeyCode::F(9));
    assert!(k.note().contains("struk-0001-salinan.txt"), "{}", k.note());
    assert!(k.effects.print_pending(&mut k.app));
    assert!(
        k.note().contains("struk-0001-salinan.txt"),
        "no failure: {}",
        k.note()
    );

    let jobs = printed.join().unwrap();
    let test = decode(&jobs[0]);
    assert_well_formed(&test, 32);
    assert!(lines(&test).iter().any(|l| l.contains("CETAK UJI")));
    assert!(lines(&test).contains(&"12345678901234567890123456789012".to_string()));
    let reprint = decode(&jobs[1]);
    assert_well_formed(&reprint, 32);
    let text = lines(&reprint);
    assert!(
        text.iter().any(|l| l.contains("Keripik Pisang")),
        "{text:#?}"
    );
    assert!(text.iter().any(|l| l.ends_with("Rp 12.000")), "{text:#?}");
    assert!(text.iter().any(|l| l.contains("SALINAN")), "{text:#?}");
}
