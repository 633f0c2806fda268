//! A month's stock count (stok opname) at the keyboard, in a real terminal (tmux) on a real
//! ledger file: ten products in one form, a product found on two shelves added up, one
//! question, one manager's PIN, ten entries approved together and one slip that reaches the
//! printer as ESC/POS.
// Driven through tmux, which a Windows test under Wine cannot start.
#![cfg(unix)]

mod common;

use std::io::Read;
use std::net::TcpListener;
use std::path::Path;

use common::escpos::{assert_well_formed, decode, lines};
use common::*;
use pojok::domain::{IntakeLine, NewProduct, Quantity, Rupiah, StockQuantity, Unit};
use pojok::ledger::Ledger;
use pojok::print::{Paper, PrinterKind, PrinterSettings};

/// Seven more of Bu Sri's products besides the small catalogue's three: ten in all.
const MORE: [(&str, &str); 7] = [
    ("ONDE", "Onde-onde"),
    ("KLPN", "Klepon Pandan"),
    ("LPIS", "Lapis Legit"),
    ("RSLS", "Risoles Ragout"),
    ("PSTL", "Pastel Sayur"),
    ("DADR", "Dadar Gulung"),
    ("SRBI", "Serabi Kuah"),
];

/// The small catalogue and seven more products, every one with 10 delivered (the rice 10 kg),
/// Budi the manager and Rina the attendant, and a printer on 127.0.0.1.
fn shop(path: &Path, printer: &str) {
    let mut ledger = small_ledger(path);
    add_users(&mut ledger);
    for (code, name) in MORE {
        ledger
            .add_product(&NewProduct {
                code: code.into(),
                barcode: None,
                name: name.into(),
                variant: String::new(),
                unit: Unit::Pcs,
                price: Rupiah(2_500),
                producer_code: "SRI".into(),
                producer_price: None,
                min_stock: StockQuantity::ZERO,
                daily: false,
            })
            .unwrap();
    }
    let ten = |code: &str| IntakeLine {
        product_code: code.into(),
        quantity: Quantity::whole(10),
        best_before: None,
    };
    let mut sri: Vec<IntakeLine> = MORE.iter().map(|(code, _)| ten(code)).collect();
    sri.extend([ten("LMPR"), ten("KRPS")]);
    let when = at("2026-11-01 07:00");
    ledger.receive_stock("SRI", &sri, "Budi", when).unwrap();
    ledger
        .receive_stock("TANI", &[ten("BRS")], "Budi", when)
        .unwrap();
    ledger
        .set_printer_settings(
            &PrinterSettings {
                kind: PrinterKind::Network(printer.into()),
                paper: Paper::Mm58,
                pdf_command: None,
            },
            when,
        )
        .unwrap();
}

/// (code, difference in thousandths, corner bears it, approver) of every count entry.
fn counts(path: &Path) -> Vec<(String, i64, bool, Option<String>)> {
    query_rows(
        path,
        "SELECT p.code, m.quantity_milli, d.corner_at_fault, u.name
             FROM stock_documents AS d
             JOIN stock_moves AS m ON m.document_id = d.id
             JOIN products AS p ON p.id = m.product_id
             JOIN chain AS c ON c.entry_table = 'stock_documents' AND c.entry_id = d.id
             LEFT JOIN users AS u ON u.id = c.approver_id
             WHERE d.kind = 'count' ORDER BY d.id",
    )
}

#[test]
fn ten_products_counted_in_one_form_with_one_managers_pin() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let printer = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut got = Vec::new();
        stream.read_to_end(&mut got).unwrap();
        got
    });
    shop(&db, &address);
    let tmux = Tmux::kiosk(dir.path(), &db, "");
    tmux.login("Rina", RINA_PIN);
    tmux.open_day("0", "Kasir: Rina");
    tmux.keys(&["F3"]);
    tmux.wait_for("Stok barang titipan");
    tmux.keys(&["F6"]);
    tmux.wait_for("Stok opname: 0 produk");

    // Lemper is on two shelves: 4 here, 2 there (the old form kept only the last).
    for entry in [
        "4*LMPR", "10*KRPS", "9*ONDE", "10*KLPN", "10*LPIS", "10*RSLS", "10*PSTL", "10*DADR",
        "10*SRBI",
    ] {
        tmux.type_text(entry);
        tmux.keys(&["Enter"]);
    }
    tmux.wait_for("Stok opname: 9 produk");
    tmux.type_text("2*LMPR");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Lemper Ayam sudah dihitung: ditambahkan, sekarang 6 pcs");
    // The rice last, 9,5 kg: half a kilo short, which the corner spilled (F7).
    tmux.type_text("9,5*BRS");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Stok opname: 10 produk");
    tmux.keys(&["F7"]);
    let screen_f7 = tmux.wait_for("Pojok  ");
    assert!(screen.contains("Tercatat"), "{screen}");
    let lemper = screen_f7
        .lines()
        .find(|l| l.contains("Lemper Ayam"))
        .unwrap_or_else(|| panic!("{screen_f7}"));
    assert!(
        lemper.contains("10") && lemper.contains("6 pcs") && lemper.contains("-4"),
        "{lemper}"
    );
    assert!(lemper.contains("Produsen"), "{lemper}");
    let rice = screen_f7.lines().find(|l| l.contains("Beras")).unwrap();
    assert!(rice.contains("-0,5") && rice.contains("Pojok"), "{rice}");

    tmux.keys(&["Tab"]);
    tmux.type_text("opname akhir bulan");
    tmux.keys(&["F2"]);
    tmux.wait_for("Stok opname 10 produk (3 dengan selisih): catat sekarang?");
    tmux.keys(&["y"]);
    let screen = tmux.wait_for("Persetujuan pengelola");
    assert!(screen.contains("Budi"), "{screen}");
    assert!(counts(&db).is_empty(), "nothing before the PIN");
    tmux.type_text(BUDI_PIN);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Stok opname 10 produk dicatat");
    let day_folder = std::fs::read_dir(dir.path().join("printouts"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let slip = std::fs::read_to_string(day_folder.join("opname-0001-0010.txt")).unwrap();
    assert!(slip.contains("Serabi Kuah"), "{slip}");

    let recorded = counts(&db);
    assert_eq!(recorded.len(), 10, "{recorded:?}");
    assert!(
        recorded.iter().all(|r| r.3.as_deref() == Some("Budi")),
        "one PIN approved them all: {recorded:?}"
    );
    let differences: Vec<(&str, i64, bool)> = recorded
        .iter()
        .filter(|r| r.1 != 0)
        .map(|r| (r.0.as_str(), r.1, r.2))
        .collect();
    assert_eq!(
        differences,
        [
            ("LMPR", -4_000, false),
            ("ONDE", -1_000, false),
            ("BRS", -500, true)
        ]
    );
    let verify = pojok(&db, &["verify"]);
    assert!(verify.status.success(), "{}", stdout(&verify));

    // One slip for the whole count, on paper as ESC/POS.
    let commands = decode(&printer.join().unwrap());
    assert_well_formed(&commands, 32);
    let paper = lines(&commands).join("\n");
    assert!(paper.contains("STOK OPNAME"), "{paper}");
    assert!(paper.contains("No. 0001-0010"), "{paper}");
    assert!(paper.contains("10 produk dihitung"), "{paper}");
    for (_, name) in MORE {
        assert!(paper.contains(name), "{name} on\n{paper}");
    }
    assert_eq!(paper.matches("Ditanggung oleh").count(), 3, "{paper}");
    tmux.keys(&["C-q"]);
    tmux.wait_exit();
    drop(Ledger::open(&db).unwrap());
}
