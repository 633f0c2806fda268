//! Printouts on their way to paper: ESC/POS bytes parsed back by a decoder, sent to a TCP
//! listener standing in for a network printer and to a device file, and an A4 PDF of real
//! documents read back with the real `pdftotext`.

mod common;

use std::io::Read;
use std::net::TcpListener;
use std::path::Path;
#[cfg(unix)]
use std::process::Command as Process;

use common::escpos::{Command, assert_well_formed, decode, lines};
use common::*;
use pojok::domain::{Cart, IntakeLine, Payment, PaymentMethod, Quantity, Rupiah, Sale, ShopHeader};
use pojok::ledger::Ledger;
use pojok::print::{
    self, Document, Format, IoProblem, Paper, PrintError, PrinterKind, PrinterSettings,
};
use pojok::strings::Lang;

fn shop() -> ShopHeader {
    ShopHeader {
        name: "Pojok UMKM Balai Kota".into(),
        office: "Dinas Koperasi dan UKM".into(),
        address: "Jl. Pemuda No. 175, Semarang".into(),
    }
}

/// A real ledger with one sale (a Keripik Pisang and three Lemper, Rp 22.500 in cash) and
/// one intake from Bu Sri, on 23 Nov 2026.
struct Day {
    // Read by the pdftotext test only, which is Linux-only.
    #[cfg_attr(not(unix), allow(dead_code))]
    ledger: Ledger,
    sale: Sale,
    intake: pojok::domain::StockDocument,
}

fn day(dir: &Path) -> Day {
    let mut ledger = small_ledger(&dir.join("pojok.db"));
    rina_opens(&mut ledger, "2026-11-23", 100_000, "07:30");
    let intake = ledger
        .receive_stock(
            "SRI",
            &[IntakeLine {
                product_code: "LMPR".into(),
                quantity: Quantity::whole(20),
                best_before: None,
            }],
            "Rina",
            at("2026-11-23 07:45"),
        )
        .unwrap();
    let products = ledger.active_products().unwrap();
    let find = |code: &str| products.iter().find(|p| p.code == code).unwrap();
    let mut cart = Cart::default();
    cart.add(find("KRPS"), Quantity::whole(1)).unwrap();
    cart.add(find("LMPR"), Quantity::whole(3)).unwrap();
    let payment = Payment {
        method: PaymentMethod::Cash,
        amount: Rupiah(22_500),
        tendered: Rupiah(50_000),
        change: Rupiah(27_500),
        customer: None,
    };
    let sale = ledger
        .record_sale(&cart, &[payment], "Rina", at("2026-11-23 09:41"))
        .unwrap();
    Day {
        ledger,
        sale,
        intake,
    }
}

#[test]
fn escpos_receipts_decode_to_lines_within_the_paper_and_carry_no_injected_command() {
    let dir = tempfile::tempdir().unwrap();
    let mut sale = day(dir.path()).sale;
    // A name from a CSV file with a printer command in it: ESC i is a cut, BEL a buzzer.
    sale.lines[0].name = "Keripik\u{1b}i\u{7} Pisang Bu Éna".into();
    let receipt = print::receipt(&sale, &shop(), Lang::Id);
    for (format, columns) in [(Format::EscPos58, 32), (Format::EscPos80, 48)] {
        let commands = decode(&print::render(std::slice::from_ref(&receipt), format));
        assert_well_formed(&commands, columns);
        let text = lines(&commands);
        assert!(
            text.iter().any(|l| l.contains("Keripiki Pisang Bu Ena")),
            "{text:#?}"
        );
        assert!(text.iter().any(|l| l.ends_with("Rp 22.500")), "{text:#?}");
        // The title and the total stand out; everything is back to normal after them.
        let bold_on = commands
            .iter()
            .filter(|c| **c == Command::Bold(true))
            .count();
        let bold_off = commands
            .iter()
            .filter(|c| **c == Command::Bold(false))
            .count();
        assert!(bold_on >= 2, "{commands:?}");
        assert_eq!(bold_on, bold_off);
        assert!(commands.contains(&Command::Size(1)));
        // The same layout as the text file, line for line.
        let plain = print::render_text(&receipt.clone(), columns);
        assert_eq!(text.len(), plain.lines().count());
    }
}

#[test]
fn a_slip_sent_to_a_network_printer_arrives_whole() {
    let dir = tempfile::tempdir().unwrap();
    let d = day(dir.path());
    let slip = print::stock_slip(&d.intake, &shop(), Lang::Id);
    let bytes = print::render(&[slip], Format::EscPos80);

    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let printer = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut got = Vec::new();
        stream.read_to_end(&mut got).unwrap();
        got
    });
    let settings = PrinterSettings {
        kind: PrinterKind::Network(address),
        paper: Paper::Mm80,
        pdf_command: None,
    };
    print::send(&bytes, &settings).unwrap();
    let got = printer.join().unwrap();
    assert_eq!(got, bytes);
    let commands = decode(&got);
    assert_well_formed(&commands, 48);
    let text = lines(&commands);
    assert!(
        text.iter().any(|l| l.contains("TANDA TERIMA TITIPAN")),
        "{text:#?}"
    );
    assert!(text.iter().any(|l| l.contains("Lemper Ayam")), "{text:#?}");
}

#[test]
fn a_printer_that_is_off_is_an_error_told_in_words() {
    // A port that was just free: nothing listens there.
    let address = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().to_string()
    };
    let settings = PrinterSettings {
        kind: PrinterKind::Network(address.clone()),
        ..PrinterSettings::default()
    };
    let err = print::send(b"\x1b@x\n", &settings).unwrap_err();
    assert_eq!(
        err,
        PrintError::Connect {
            address: address.clone(),
            problem: IoProblem::Refused
        }
    );
    let id = err.text(Lang::Id);
    assert!(
        id.contains(&address) && id.contains("tidak bisa dihubungi"),
        "{id}"
    );
    assert!(err.to_string().contains("cannot be reached"), "{err}");
}

#[test]
fn a_device_file_gets_each_job_appended_and_a_missing_device_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let d = day(dir.path());
    let device = dir.path().join("lp0");
    std::fs::write(&device, b"").unwrap();
    let settings = PrinterSettings {
        kind: PrinterKind::Device(device.clone()),
        paper: Paper::Mm58,
        pdf_command: None,
    };
    let receipt = print::receipt(&d.sale, &shop(), Lang::En);
    let bytes = print::render(&[receipt], Format::escpos(settings.paper));
    print::send(&bytes, &settings).unwrap();
    print::send(&bytes, &settings).unwrap();
    let commands = decode(&std::fs::read(&device).unwrap());
    assert_well_formed(&commands, 32);
    let jobs = commands
        .iter()
        .filter(|c| **c == Command::Initialise)
        .count();
    // Windows opens ports (COM3, LPT1) for plain writes, so a file standing in for one is
    // written from its start: the last job is what it holds.
    assert_eq!(jobs, if cfg!(windows) { 1 } else { 2 });

    let unplugged = dir.path().join("lp1");
    let settings = PrinterSettings {
        kind: PrinterKind::Device(unplugged.clone()),
        ..settings
    };
    assert!(matches!(
        print::send(&bytes, &settings),
        Err(PrintError::Device {
            problem: IoProblem::NotFound,
            ..
        })
    ));
    assert!(!unplugged.exists());
}

// Read back with pdftotext, a Linux program a Windows test under Wine cannot start.
#[cfg(unix)]
#[test]
fn a_pdf_of_several_documents_reads_back_one_per_page() {
    let dir = tempfile::tempdir().unwrap();
    let d = day(dir.path());
    let report = d.ledger.day_report(date("2026-11-23")).unwrap().unwrap();
    let docs: Vec<Document> = vec![
        print::receipt(&d.sale, &shop(), Lang::Id),
        print::stock_slip(&d.intake, &shop(), Lang::Id),
        print::day_report(&report, &shop(), Lang::Id),
    ];
    let pdf = dir.path().join("cetak.pdf");
    std::fs::write(&pdf, print::render(&docs, Format::Pdf)).unwrap();
    let out = Process::new("pdftotext")
        .arg("-layout")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils; .ci/run installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // pdftotext ends every page with a form feed.
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), 3, "{text}");

    assert!(pages[0].contains("Pojok UMKM Balai Kota"), "{}", pages[0]);
    assert!(pages[0].contains("Keripik Pisang"), "{}", pages[0]);
    assert!(pages[0].contains("Rp 22.500"), "{}", pages[0]);
    assert!(pages[0].contains("Rp 27.500"), "{}", pages[0]);

    assert!(pages[1].contains("TANDA TERIMA TITIPAN"), "{}", pages[1]);
    assert!(pages[1].contains("Kue Bu Sri"), "{}", pages[1]);
    assert!(
        pages[1].contains("Penyerah") && pages[1].contains("Penerima"),
        "{}",
        pages[1]
    );
    assert!(
        pages[1].contains("_______________"),
        "signature lines: {}",
        pages[1]
    );

    assert!(pages[2].contains("LAPORAN HARIAN"), "{}", pages[2]);
    assert!(pages[2].contains("Rp 22.500"), "{}", pages[2]);
    // The producers' table keeps its columns: code, name and amounts on one line.
    assert!(
        pages[2]
            .lines()
            .any(|l| l.contains("SRI") && l.contains("Kue Bu Sri") && l.contains("Rp 22.500")),
        "{}",
        pages[2]
    );
}

proptest::proptest! {
    /// Whatever the names hold (control characters, accents, CJK, long words), every
    /// ESC/POS job decodes to known commands and lines within the paper.
    #[test]
    fn any_text_stays_within_the_paper_and_injects_nothing(
        title in "\\PC{0,40}",
        names in proptest::collection::vec("[\\x00-\\x1f\\x7f a-zA-Z0-9éÉß“”–…咖啡]{0,60}", 1..5),
        amount in 0i64..2_000_000_000,
    ) {
        let mut doc = Document::new();
        doc.title(&title);
        for name in &names {
            doc.item(name, "1 pcs x Rp 1.000", &Rupiah(amount).to_string());
            doc.pair(name, &Rupiah(amount).to_string());
        }
        doc.signatures(&[(names[0].as_str(), "Bu Éna")]);
        for (format, columns) in [(Format::EscPos58, 32), (Format::EscPos80, 48)] {
            let commands = decode(&print::render(std::slice::from_ref(&doc), format));
            assert_well_formed(&commands, columns);
        }
    }
}
