//! The day-close (Z) report at the kiosk, on a real ledger: it carries the shop's header as
//! receipts do, and each void of the day with its number, amount, reason, attendant and the
//! manager who approved it, in the text file and in the ESC/POS bytes the printer gets.

mod common;

use std::io::Read;
use std::net::TcpListener;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use common::escpos::{assert_well_formed, decode, lines};
use common::*;
use pojok::domain::ShopHeader;
use pojok::print::{PrinterKind, PrinterSettings};
use ratatui::crossterm::event::KeyCode;

/// A stand-in network printer: every job it is sent arrives on the channel.
fn printer() -> (String, Receiver<Vec<u8>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let (jobs, received) = channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let mut got = Vec::new();
            stream.unwrap().read_to_end(&mut got).unwrap();
            if jobs.send(got).is_err() {
                return;
            }
        }
    });
    (address, received)
}

/// Words as printed, whatever line a 32-column slip wrapped them onto.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn sell(k: &mut Kiosk, code: &str) {
    k.type_text(code);
    k.key(KeyCode::Enter);
    k.key(KeyCode::F(2));
    k.key(KeyCode::Enter);
}

#[test]
fn the_z_report_names_the_shop_and_each_void_with_who_voided_and_who_approved() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&db);
    add_users(&mut ledger);
    let shop = ShopHeader {
        name: "Pojok UMKM Kota Metro".into(),
        office: "Dinas Koperasi dan UKM".into(),
        address: "Jl. AH Nasution 5".into(),
    };
    ledger
        .set_shop_header(&shop, at("2026-11-01 07:00"))
        .unwrap();
    let (address, jobs) = printer();
    ledger
        .set_printer_settings(
            &PrinterSettings {
                kind: PrinterKind::Network(address),
                ..PrinterSettings::default()
            },
            at("2026-11-01 07:00"),
        )
        .unwrap();
    let mut k = Kiosk::signed_in(ledger, "Rina", RINA_PIN);
    k.type_text("0");
    k.key(KeyCode::Enter);
    sell(&mut k, "KRPS");
    sell(&mut k, "LMPR");
    assert_eq!(k.app.status().unwrap().sales, 2, "{}", k.note());

    // Rina voids the Keripik Pisang (sale No. 1, the older, second in the list); Budi approves.
    k.key(KeyCode::F(6));
    k.key(KeyCode::Down);
    k.key(KeyCode::F(8));
    k.type_text("Salah scan");
    k.key(KeyCode::Enter);
    k.type_text("y");
    k.type_text(BUDI_PIN);
    k.key(KeyCode::Enter);
    assert_eq!(k.note(), "Penjualan #1 dibatalkan");
    k.key(KeyCode::Esc);

    // The drawer holds the Lemper's Rp 3.500: counted right, closed.
    let date = k.app.status().unwrap().day.date;
    k.key(KeyCode::F(5));
    k.type_text("3500");
    k.key(KeyCode::F(2));
    // The count is typed again to close.
    k.type_text("3500");
    k.key(KeyCode::Enter);
    assert_eq!(k.app.status(), None, "{}", k.note());

    let z = dir
        .path()
        .join("printouts")
        .join(date.to_string())
        .join("tutup-kasir.txt");
    let text = std::fs::read_to_string(&z).unwrap();
    let head: Vec<&str> = text.lines().take(3).map(str::trim).collect();
    assert_eq!(
        head,
        [
            "Pojok UMKM Kota Metro",
            "Dinas Koperasi dan UKM",
            "Jl. AH Nasution 5"
        ],
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l == "- No. 1 Rp 12.000, alasan: Salah scan; oleh Rina, disetujui Budi"),
        "{text}"
    );
    assert!(
        !text.contains("No. 2 Rp"),
        "only the void is listed:\n{text}"
    );

    // The thermal printer got the same report, in ESC/POS, 32 columns wide.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let printed = loop {
        k.effects.print_pending(&mut k.app);
        let remaining = deadline.saturating_duration_since(std::time::Instant::now());
        let job = jobs
            .recv_timeout(remaining)
            .expect("the Z report reaches the printer");
        let commands = decode(&job);
        let printed = lines(&commands).join("\n");
        if printed.contains("LAPORAN HARIAN") {
            assert_well_formed(&commands, 32);
            break printed;
        }
    };
    assert!(
        printed.trim_start().starts_with("Pojok UMKM Kota Metro"),
        "{printed}"
    );
    assert!(
        words(&printed)
            .contains("- No. 1 Rp 12.000, alasan: Salah scan; oleh Rina, disetujui Budi"),
        "{printed}"
    );
}
