//! Producers' settlement and payouts at the kiosk on a real ledger file, driven key by key
//! through the keymap, `update` and the runtime (`kiosk::Runtime`), without a terminal: a
//! payout with its slip, and settlement slips for the open day and a closed one.
// Prints with `cp` and reads back with pdftotext: Linux programs a Windows test under
// Wine cannot start (README: On Windows).
#![cfg(unix)]

mod common;

use common::*;
use pojok::domain::Rupiah;
use pojok::ui::Focus;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn line_ending(text: &str, prefix: &str, suffix: &str) -> bool {
    text.lines()
        .any(|l| l.trim_start().starts_with(prefix) && l.ends_with(suffix))
}

#[test]
fn a_payout_and_settlement_slips_for_the_open_and_a_closed_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    add_users(&mut ledger);
    // 21 Nov 2026, closed: 4 lemper at Rp 3.500 = 14.000, SRI's 85 % = 11.900.
    closed_day_of_four_lemper(&mut ledger);

    // The office printer: a command that gets each PDF's path last (here it files a copy).
    let office = dir.path().join("office");
    std::fs::create_dir(&office).unwrap();
    ledger
        .set_printer_settings(
            &pojok::domain::PrinterSettings {
                pdf_command: Some(format!("cp -t {}", office.display())),
                ..Default::default()
            },
            at("2026-11-01 07:00"),
        )
        .unwrap();
    let mut k = Kiosk::signed_in(ledger, "Budi", BUDI_PIN);
    // Today's float: Rp 10.000 in the drawer.
    k.type_text("10000");
    k.key(KeyCode::Enter);
    let today = k.app.status().expect("today is open").day.date;

    k.key_with(KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(k.app.focus(), Focus::Payouts, "{}", k.note());
    // Only SRI is owed anything; Enter opens the form with the whole balance.
    k.key(KeyCode::Enter);
    assert_eq!(k.app.focus(), Focus::PayoutForm, "{}", k.note());
    // The whole 11.900 in cash is more than the drawer holds: refused, the form stays.
    k.key(KeyCode::F(2));
    k.key(KeyCode::Char('y'));
    assert_eq!(k.app.focus(), Focus::PayoutForm, "{}", k.note());
    assert!(
        k.note().contains("kas di laci hanya Rp 10.000"),
        "{}",
        k.note()
    );
    for _ in 0.."11.900".len() {
        k.key(KeyCode::Backspace);
    }
    k.type_text("5000");
    k.key(KeyCode::F(2));
    assert_eq!(k.app.focus(), Focus::Confirm, "{}", k.note());
    k.key(KeyCode::Char('y'));
    assert_eq!(k.app.focus(), Focus::Payouts, "{}", k.note());
    assert!(
        k.note().contains("Pembayaran No. 0001 tercatat"),
        "{}",
        k.note()
    );

    let printouts = dir.path().join("printouts");
    let folder = printouts.join(today.format("%Y-%m-%d").to_string());
    let slip = std::fs::read_to_string(folder.join("bayar-0001-SRI.txt")).unwrap();
    assert!(line_ending(&slip, "Saldo sebelum", "Rp 11.900"), "{slip}");
    assert!(line_ending(&slip, "Dibayar", "Rp 5.000"), "{slip}");
    assert!(line_ending(&slip, "Saldo sesudah", "Rp 6.900"), "{slip}");
    let balances = pojok::ledger::Ledger::open(&path)
        .unwrap()
        .producer_balances()
        .unwrap();
    assert_eq!(balances[0].balance, Rupiah(6_900));

    // The open day's slips: a preview with today's payout.
    k.key(KeyCode::F(2));
    assert!(
        k.note().contains("1 slip bagi hasil ditulis"),
        "{}",
        k.note()
    );
    let preview = std::fs::read_to_string(folder.join("bagi-hasil-SRI-pratinjau.txt")).unwrap();
    assert!(preview.contains("PRATINJAU"), "{preview}");
    assert!(
        line_ending(&preview, "Saldo sebelumnya", "Rp 11.900"),
        "{preview}"
    );
    assert!(
        line_ending(&preview, "Saldo terutang", "Rp 6.900"),
        "{preview}"
    );

    // A closed day reprinted: a step back, then the slips again, marked as copies (the
    // close wrote the originals).
    k.key(KeyCode::Left);
    k.key(KeyCode::F(2));
    assert!(k.note().contains("2026-11-21"), "{}", k.note());
    let closed = std::fs::read_to_string(
        printouts
            .join("2026-11-21")
            .join("bagi-hasil-SRI-salinan.txt"),
    )
    .unwrap();
    assert!(!closed.contains("PRATINJAU"), "{closed}");
    assert!(closed.contains("SALINAN"), "{closed}");
    assert!(line_ending(&closed, "Terjual", "4 pcs"), "{closed}");
    assert!(line_ending(&closed, "Stok akhir", "6 pcs"), "{closed}");
    assert!(
        line_ending(&closed, "Saldo terutang", "Rp 11.900"),
        "{closed}"
    );
    // And the A4 PDF of that day's slips, a producer per page, for the office printer.
    let pdf = printouts.join("2026-11-21").join("bagi-hasil-salinan.pdf");
    let text = common::pdf_text(&pdf);
    assert!(line_ending(&text, "Saldo terutang", "Rp 11.900"), "{text}");
    assert!(text.contains("Kue Bu Sri"), "{text}");
    // Sent to the office printer once the screen has shown the slips were written.
    assert!(!office.join("bagi-hasil-salinan.pdf").exists());
    k.effects.print_pending(&mut k.app);
    assert_eq!(
        std::fs::read(office.join("bagi-hasil-salinan.pdf")).unwrap(),
        std::fs::read(&pdf).unwrap()
    );
    k.key(KeyCode::Esc);
    assert_eq!(k.app.focus(), Focus::Sale);
}
