//! The office's reports at the kiosk on a real ledger file, key by key through the keymap,
//! `update` and the runtime: from Ctrl+P, F3 writes the X report of the open day and a copy
//! (SALINAN) of a closed day's close, F4 the monthly recap as text and A4 PDF.
// Reads PDFs back with pdftotext: a Linux program a Windows test under Wine cannot start.
#![cfg(unix)]

mod common;

use common::*;
use pojok::ui::Focus;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// The one file in `folder` whose name starts with `prefix` and ends with `suffix`.
fn file_like(folder: &std::path::Path, prefix: &str, suffix: &str) -> std::path::PathBuf {
    let found: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with(prefix) && name.ends_with(suffix)
        })
        .collect();
    assert_eq!(found.len(), 1, "{prefix}*{suffix} in {folder:?}: {found:?}");
    found[0].clone()
}

#[test]
fn x_report_z_copy_and_the_monthly_recap_from_ctrl_p() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    add_users(&mut ledger);
    ledger
        .set_programme_name("Metro Bangga Beli", at("2026-11-01 07:00"))
        .unwrap();
    // 21 Nov 2026, closed: 4 lemper at Rp 3.500 = Rp 14.000.
    closed_day_of_four_lemper(&mut ledger);

    let mut k = Kiosk::signed_in(ledger, "Budi", BUDI_PIN);
    k.type_text("10000");
    k.key(KeyCode::Enter);
    let today = k.app.status().expect("today is open").day.date;
    k.key_with(KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(k.app.focus(), Focus::Payouts, "{}", k.note());

    // The open day: an X report, marked as not closed, and the day stays open.
    k.key(KeyCode::F(3));
    assert!(k.note().contains("Ditulis: "), "{}", k.note());
    let printouts = dir.path().join("printouts");
    let folder = printouts.join(today.format("%Y-%m-%d").to_string());
    let x = std::fs::read_to_string(file_like(&folder, "laporan-x-", ".txt")).unwrap();
    assert!(x.contains("LAPORAN X"), "{x}");
    assert!(k.app.status().is_some(), "the day is still open");

    // A closed day: a copy of its close, never over the original.
    k.key(KeyCode::Left);
    k.key(KeyCode::F(3));
    let closed = printouts.join("2026-11-21");
    let copy = std::fs::read_to_string(file_like(&closed, "tutup-kasir-salinan-", ".txt")).unwrap();
    assert!(copy.contains("SALINAN"), "{copy}");
    assert!(copy.contains("Rp 14.000"), "{copy}");

    // The month's recap of the shown day: text and an A4 PDF.
    k.key(KeyCode::F(4));
    assert!(k.note().contains("rekap-2026-11"), "{}", k.note());
    let text = std::fs::read_to_string(file_like(&closed, "rekap-2026-11", ".txt")).unwrap();
    for expected in [
        "REKAP BULANAN",
        "Metro Bangga Beli",
        "SRI Kue Bu Sri",
        "Rp 14.000",
        "Pengelola",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    // F5: the selected producer's statement, its dates asked: the month's first day to
    // the shown one unless typed otherwise.
    k.key(KeyCode::F(5));
    assert_eq!(k.app.focus(), Focus::StatementRange);
    k.key(KeyCode::Enter);
    let statement = std::fs::read_to_string(file_like(
        &closed,
        "rekening-SRI-2026-11-01-2026-11-21-",
        ".txt",
    ))
    .unwrap();
    assert!(statement.contains("Kue Bu Sri"), "{statement}");
    assert!(statement.contains("Rp 11.900"), "{statement}");
    file_like(&closed, "rekening-SRI-2026-11-01-2026-11-21-", ".pdf");

    let pdf = file_like(&closed, "rekap-2026-11", ".pdf");
    let pdf_text = common::pdf_text(&pdf);
    assert!(
        pdf_text.contains("Mengetahui, Kepala OPD/Dinas"),
        "{pdf_text}"
    );
    assert!(pdf_text.contains("Rp 14.000"), "{pdf_text}");
}

#[test]
fn in_a_terminal_f3_and_f4_on_ctrl_p_write_the_x_report_and_the_recap() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    add_users(&mut small_ledger(&db));
    let tmux = Tmux::kiosk(dir.path(), &db, "--attendant Rina");
    tmux.pin_in(RINA_PIN);
    tmux.open_day("50.000", "Kasir: Rina");
    tmux.type_text("2*lmpr");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Rp 7.000");
    tmux.pay_exact_cash("No. 1");

    tmux.keys(&["C-p"]);
    tmux.wait_for("Slip bagi hasil");
    tmux.keys(&["F3"]);
    let screen = tmux.wait_for("Ditulis:");
    assert!(screen.contains("laporan-x-"), "{screen}");
    tmux.keys(&["F4"]);
    let screen = tmux.wait_for("rekap-");
    assert!(screen.contains("Ditulis:"), "{screen}");
    tmux.keys(&["F1"]);
    let screen = tmux.wait_for("Rekap bulanan");
    assert!(screen.contains("F3"), "{screen}");

    let printouts = dir.path().join("printouts");
    let folder = std::fs::read_dir(&printouts)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let x = std::fs::read_to_string(file_like(&folder, "laporan-x-", ".txt")).unwrap();
    assert!(x.contains("LAPORAN X") && x.contains("Rp 7.000"), "{x}");
    let recap = std::fs::read_to_string(file_like(&folder, "rekap-", ".txt")).unwrap();
    assert!(recap.contains("SRI Kue Bu Sri"), "{recap}");
}

/// F6 lists the sales; stepped to a closed day, F3 writes a copy (SALINAN) of its Z report;
/// on the open day it says where a Z report is found instead.
#[test]
fn the_z_report_of_a_closed_day_is_printed_again_from_the_sales_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    add_users(&mut ledger);
    rina_opens(&mut ledger, "2026-11-21", 50_000, "07:00");
    close_counted(&mut ledger, "Rina", at("2026-11-21 17:00")).unwrap();
    let mut k = Kiosk::signed_in(ledger, "Budi", BUDI_PIN);
    k.type_text("10000");
    k.key(KeyCode::Enter);
    k.key(KeyCode::F(6));
    assert_eq!(k.app.focus(), Focus::Sales);
    k.key(KeyCode::F(3));
    assert!(
        k.note().starts_with("Laporan Z hanya untuk hari"),
        "{}",
        k.note()
    );
    k.key(KeyCode::PageUp);
    k.key(KeyCode::F(3));
    assert!(k.note().contains("Ditulis: "), "{}", k.note());
    let closed = dir.path().join("printouts").join("2026-11-21");
    let copy = std::fs::read_to_string(file_like(&closed, "tutup-kasir-salinan-", ".txt")).unwrap();
    assert!(copy.contains("SALINAN"), "{copy}");
    assert!(copy.contains("Rp 50.000"), "{copy}");
    assert_eq!(k.app.focus(), Focus::ClosedSales, "the list stays");
}
