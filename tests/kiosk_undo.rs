//! In a real terminal (tmux, 80×24, Indonesian): a close confirmed with the manager's PIN
//! after a key storm did nothing, the manager reopening the day closed today, selling
//! again and closing with the count typed again; the day's report names the superseded Z.
// Driven through tmux, which a Windows test under Wine cannot start.
#![cfg(unix)]

mod common;

use chrono::Datelike;
use common::*;

/// Escape, apart from the next key: sent together, the terminal reads them as one Alt key.
fn escape(tmux: &Tmux) {
    tmux.keys(&["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
}

fn approve_as_budi(tmux: &Tmux) {
    let screen = tmux.wait_for("Persetujuan pengelola");
    assert!(screen.contains("Budi"), "{screen}");
    tmux.type_text(BUDI_PIN);
    tmux.keys(&["Enter"]);
}

#[test]
fn a_close_on_the_managers_pin_then_reopened_and_closed_again_with_the_count_typed_again() {
    let dir = tempfile::tempdir().unwrap();
    let (tmux, db) = Tmux::rina_after_one_sale(dir.path());
    escape(&tmux);

    // The close: a key storm after F2 closes nothing.
    tmux.keys(&["F5"]);
    tmux.wait_for("Kas seharusnya");
    tmux.type_text("12000");
    tmux.keys(&["F2"]);
    tmux.wait_for("Pastikan tutup kasir");
    tmux.type_text("yY");
    tmux.keys(&["Enter", "Enter"]);
    let screen = tmux.wait_for("Ketik ulang jumlah kas yang dihitung, lalu Enter.");
    assert!(screen.contains("Pastikan tutup kasir"), "{screen}");
    assert!(screen.contains("F4 PIN"), "{screen}");
    let json = serde_json::from_str::<serde_json::Value>(&stdout(&pojok(
        &db,
        &["report", "day", "--json"],
    )))
    .unwrap();
    assert_eq!(json["closed"], false, "{json}");
    // F4: the manager's PIN closes it.
    tmux.keys(&["F4"]);
    approve_as_budi(&tmux);
    let screen = tmux.wait_for("Kasir ditutup");
    assert!(screen.contains("F4 buka lagi"), "{screen}");

    // Reopened by the manager, with a reason.
    tmux.keys(&["F4"]);
    tmux.wait_for("Buka kembali hari");
    tmux.type_text("Salah hitung kas");
    tmux.keys(&["Enter"]);
    tmux.wait_for("(Salah hitung kas)? Laporan Z");
    tmux.type_text("y");
    approve_as_budi(&tmux);
    tmux.wait_for("dibuka kembali");
    tmux.wait_for("Kasir: Rina");

    // It sells again, and closes with the count typed again.
    tmux.type_text("LMPR");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Lemper Ayam");
    tmux.pay_exact_cash("No. 2");
    escape(&tmux);
    tmux.keys(&["F5"]);
    tmux.wait_for("Rp 15.500");
    tmux.type_text("15500");
    tmux.keys(&["F2"]);
    tmux.wait_for("Pastikan tutup kasir");
    tmux.type_text("15.500");
    tmux.keys(&["Enter"]);
    // The first close's paper is kept: the new Z report and slips are written beside it,
    // and the message line says so (of the last file written, the slips' PDF).
    tmux.wait_for("tidak ditimpa; disimpan sebagai");
    tmux.keys(&["C-q"]);
    tmux.wait_exit();

    let out = pojok(&db, &["verify"]);
    assert!(out.status.success(), "{}", stdout(&out));
    let report = stdout(&pojok(&db, &["report", "day"]));
    assert!(report.contains("LAPORAN Z YANG DIGANTIKAN"), "{report}");
    assert!(report.contains("Salah hitung kas"), "{report}");
    assert!(
        report.contains("Laporan Z yang berlaku: yang ini"),
        "{report}"
    );
    let z = std::fs::read_dir(dir.path().join("printouts"))
        .unwrap()
        .flatten()
        .map(|d| d.path().join("tutup-kasir.txt"))
        .find(|p| p.exists())
        .unwrap();
    // The first Z report's paper is kept as it was; the new close wrote its own beside it.
    let first = std::fs::read_to_string(&z).unwrap();
    assert!(!first.contains("DIGANTIKAN"), "{first}");
    let papers: Vec<String> = std::fs::read_dir(z.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|d| d.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("tutup-kasir") && n.ends_with(".txt"))
        .collect();
    assert_eq!(papers.len(), 2, "{papers:?}");
}

/// Ctrl+P, F5: the selected producer's statement for dates typed at the keyboard; a bad
/// date is said and nothing is written.
#[test]
fn a_producers_statement_for_dates_typed_at_the_kiosk() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    add_users(&mut small_ledger(&db));
    let tmux = Tmux::kiosk(dir.path(), &db, "");
    tmux.login("Budi", BUDI_PIN);
    tmux.open_day_and_sell_one("Pengelola: Budi");
    escape(&tmux);
    tmux.keys(&["C-p"]);
    tmux.wait_for("Saldo terutang");
    tmux.type_text("sri");
    tmux.keys(&["F5"]);
    let screen = tmux.wait_for("Rekening produsen SRI");
    assert!(screen.contains("Dari tanggal"), "{screen}");
    // A day that does not exist, then the first of last month to today.
    for _ in 0..10 {
        tmux.keys(&["BSpace"]);
    }
    tmux.type_text("31-02-2026");
    tmux.keys(&["Enter"]);
    tmux.wait_for("31-02-2026");
    let today = chrono::Local::now().date_naive();
    let first = today
        .checked_sub_months(chrono::Months::new(1))
        .unwrap()
        .with_day(1)
        .unwrap();
    for _ in 0..10 {
        tmux.keys(&["BSpace"]);
    }
    tmux.type_text(&first.format("%d/%m/%Y").to_string());
    tmux.keys(&["Enter"]);
    tmux.wait_for("Ditulis: ");
    tmux.keys(&["C-q"]);
    tmux.wait_exit();
    let folder = dir
        .path()
        .join("printouts")
        .join(today.format("%Y-%m-%d").to_string());
    let name = format!(
        "rekening-SRI-{}-{}-",
        first.format("%Y-%m-%d"),
        today.format("%Y-%m-%d")
    );
    let found: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&name) && n.ends_with(".txt"))
        .collect();
    assert_eq!(found.len(), 1, "{name} in {folder:?}");
    let text = std::fs::read_to_string(folder.join(&found[0])).unwrap();
    assert!(text.contains("Kue Bu Sri"), "{text}");
    assert!(text.contains("Rp 10.200"), "{text}");
}
