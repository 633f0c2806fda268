//! `pojok labels` through the real binary on the demo's ledger: an A4 sheet of labels for the
//! cakes that came without a barcode, read back with pdftotext, its bars decoded from the
//! PDF's own drawing (and by zbarimg where it is installed), and the till finding each cake
//! by the barcode it was given.
// pdftotext is a Linux program a Windows test under Wine cannot start.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;

use common::{BIN, Tmux, pdf_text, pojok, pojok_with_input, stderr, stdout};
use pojok::domain::{Catalogue, Detail, HistoryFilter};
use pojok::ledger::Ledger;

/// The demo's ledger, its morning over: the manager Budi's PIN is 9999.
fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("pojok.db");
    let mut ledger = Ledger::open(&db).unwrap();
    let evening = chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
        .unwrap()
        .and_hms_opt(18, 0, 0)
        .unwrap();
    assert!(pojok::demo::seed(&mut ledger, evening).unwrap());
    db
}

/// Every filled rectangle the PDF draws (`x y w h re f`), from its uncompressed content.
fn filled_rects(pdf: &[u8]) -> Vec<[f32; 4]> {
    let text = String::from_utf8_lossy(pdf);
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut rects = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if *token == "re" && i >= 4 && tokens.get(i + 1) == Some(&"f") {
            let n: Vec<f32> = tokens[i - 4..i]
                .iter()
                .map(|t| t.parse().unwrap())
                .collect();
            rects.push([n[0], n[1], n[2], n[3]]);
        }
    }
    rects
}

const L_CODES: [&str; 10] = [
    "0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011",
    "0110111", "0001011",
];
const FIRST_DIGIT_PARITY: [&str; 10] = [
    "LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL",
    "LGGLGL",
];

/// EAN-13 read from its 95 modules, as a scanner does: guards, six left digits whose
/// parities give the first digit, six right digits, and the check digit verified.
fn decode_ean13(modules: &str) -> Option<String> {
    if modules.len() != 95 || &modules[..3] != "101" || &modules[45..50] != "01010" {
        return None;
    }
    let r_code = |l: &str| {
        l.chars()
            .map(|c| if c == '0' { '1' } else { '0' })
            .collect::<String>()
    };
    let g_code = |l: &str| r_code(l).chars().rev().collect::<String>();
    let mut digits = String::new();
    let mut parity = String::new();
    for k in 0..6 {
        let symbol = &modules[3 + 7 * k..10 + 7 * k];
        let (d, p) = (0..10).find_map(|d| {
            if symbol == L_CODES[d] {
                Some((d, 'L'))
            } else if symbol == g_code(L_CODES[d]) {
                Some((d, 'G'))
            } else {
                None
            }
        })?;
        digits.push(char::from(b'0' + d as u8));
        parity.push(p);
    }
    for k in 0..6 {
        let symbol = &modules[50 + 7 * k..57 + 7 * k];
        let d = (0..10).find(|d| symbol == r_code(L_CODES[*d]))?;
        digits.push(char::from(b'0' + d as u8));
    }
    let first = FIRST_DIGIT_PARITY.iter().position(|p| *p == parity)?;
    let code = format!("{first}{digits}");
    let sum: u32 = code[..12]
        .bytes()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    (code.as_bytes()[12] - b'0' == ((10 - sum % 10) % 10) as u8).then_some(code)
}

/// The barcodes drawn on the sheet: its bars grouped by the label they stand on (same
/// bottom and height), each group read as modules of the narrowest bar's width.
fn drawn_barcodes(pdf: &[u8]) -> Vec<String> {
    let mut groups: Vec<Vec<[f32; 4]>> = Vec::new();
    for rect in filled_rects(pdf) {
        let same = |g: &Vec<[f32; 4]>| {
            let first = g[0];
            (first[1] - rect[1]).abs() < 0.01
                && (first[3] - rect[3]).abs() < 0.01
                && (rect[0] - g.last().unwrap()[0]).abs() < 12.0
        };
        match groups.iter_mut().find(|g| same(g)) {
            Some(group) => group.push(rect),
            None => groups.push(vec![rect]),
        }
    }
    groups
        .into_iter()
        .map(|mut bars| {
            bars.sort_by(|a, b| a[0].total_cmp(&b[0]));
            let module = bars.iter().map(|b| b[2]).fold(f32::MAX, f32::min);
            let start = bars[0][0];
            let mut modules = vec![b'0'; 95];
            for bar in &bars {
                let from = ((bar[0] - start) / module).round() as usize;
                let width = (bar[2] / module).round() as usize;
                for m in modules.iter_mut().skip(from).take(width) {
                    *m = b'1';
                }
            }
            let modules = String::from_utf8(modules).unwrap();
            decode_ean13(&modules).unwrap_or_else(|| panic!("not an EAN-13: {modules}"))
        })
        .collect()
}

/// What zbarimg reads off the sheet printed at 300 dpi, where it and pdftoppm are installed.
fn scanned(pdf: &Path) -> Option<Vec<String>> {
    let dir = pdf.parent().unwrap();
    let png = dir.join("scan");
    let rendered = Command::new("pdftoppm")
        .args(["-r", "300", "-png", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg(&png)
        .status()
        .ok()?;
    assert!(rendered.success());
    let out = Command::new("zbarimg")
        .args(["-q", "--raw"])
        .arg(dir.join("scan-1.png"))
        .output()
        .ok()?;
    let mut codes: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    codes.sort();
    Some(codes)
}

#[test]
fn the_cakes_get_a_label_sheet_and_the_till_scans_them_by_its_barcodes() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let sheet = dir.path().join("label kue.pdf");
    let out = pojok_with_input(
        &db,
        &[
            "labels",
            "--producer",
            "SRI",
            "--manager",
            "Budi",
            "--out",
            sheet.to_str().unwrap(),
        ],
        "9999\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("8 label ditulis ke"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("8 produk baru diberi barcode"),
        "{}",
        stderr(&out)
    );

    let ledger = Ledger::open(&db).unwrap();
    let cakes: Vec<_> = ledger
        .active_products()
        .unwrap()
        .into_iter()
        .filter(|p| p.producer_code == "SRI")
        .collect();
    assert_eq!(cakes.len(), 8);
    let text = pdf_text(&sheet);
    for cake in &cakes {
        let barcode = cake.barcode.clone().expect("each cake has its barcode now");
        assert!(
            barcode.starts_with("20") && barcode.len() == 13,
            "{barcode}"
        );
        let printed = format!("{} {} {}", &barcode[..1], &barcode[1..7], &barcode[7..]);
        for shown in [&cake.name, &cake.code, &cake.price.to_string(), &printed] {
            assert!(text.contains(shown.as_str()), "{shown} missing:\n{text}");
        }
    }
    // The bars as drawn say the same codes.
    let bytes = std::fs::read(&sheet).unwrap();
    let mut drawn = drawn_barcodes(&bytes);
    drawn.sort();
    let mut given: Vec<String> = cakes.iter().filter_map(|c| c.barcode.clone()).collect();
    given.sort();
    assert_eq!(drawn, given);
    if let Some(read) = scanned(&sheet) {
        assert_eq!(read, given, "zbarimg reads the printed sheet");
    }

    // The till finds each cake by the barcode it was given, as a scan would.
    let catalogue = Catalogue::new(ledger.active_products().unwrap());
    for cake in &cakes {
        let found = catalogue.lookup(cake.barcode.as_deref().unwrap()).unwrap();
        assert_eq!(found.code, cake.code);
    }
    // Each barcode given is history, chained, by the manager who gave it.
    let history = ledger
        .history(&HistoryFilter {
            table: Some("barcode_changes".into()),
            ..HistoryFilter::default()
        })
        .unwrap();
    assert_eq!(history.len(), 8);
    assert!(history.iter().all(|e| e.actor.as_deref() == Some("Budi")));
    let lemper = cakes.iter().find(|c| c.code == "LMPR").unwrap();
    assert!(history.iter().any(|e| e.details
        == [
            Detail::Text("LMPR".into()),
            Detail::Text(lemper.barcode.clone().unwrap())
        ]));
    assert!(ledger.verify().unwrap().is_clean());
    drop(ledger);

    // Again: the sheet is never overwritten, and nothing is given twice.
    let before = std::fs::read(&sheet).unwrap();
    let again = pojok_with_input(
        &db,
        &[
            "labels",
            "--producer",
            "SRI",
            "--out",
            sheet.to_str().unwrap(),
        ],
        "9999\n",
    );
    assert!(!again.status.success());
    assert_eq!(std::fs::read(&sheet).unwrap(), before);
    let reprint = dir.path().join("lagi.pdf");
    let again = pojok_with_input(
        &db,
        &[
            "labels",
            "--products",
            "LMPR,KRPS",
            "--manager",
            "Budi",
            "--out",
            reprint.to_str().unwrap(),
            "--lang",
            "en",
        ],
        "9999\n",
    );
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("1 labels written"),
        "{}",
        stdout(&again)
    );
    assert!(
        stderr(&again).contains("maker's barcode: KRPS"),
        "{}",
        stderr(&again)
    );
    let mut reprinted = drawn_barcodes(&std::fs::read(&reprint).unwrap());
    reprinted.sort();
    assert_eq!(reprinted, [lemper.barcode.clone().unwrap()]);
    let ledger = Ledger::open(&db).unwrap();
    let changes = ledger
        .history(&HistoryFilter {
            table: Some("barcode_changes".into()),
            ..HistoryFilter::default()
        })
        .unwrap();
    assert_eq!(changes.len(), 8, "the reprint gave nothing new");
}

#[test]
fn bad_requests_are_refused_in_words_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let sheet = dir.path().join("x.pdf");
    let path = sheet.to_str().unwrap();
    let unknown = pojok_with_input(
        &db,
        &[
            "labels",
            "--producer",
            "NOPE",
            "--manager",
            "Budi",
            "--out",
            path,
        ],
        "9999\n",
    );
    assert!(!unknown.status.success());
    assert!(stderr(&unknown).contains("NOPE"), "{}", stderr(&unknown));
    let wrong_pin = pojok_with_input(
        &db,
        &["labels", "--manager", "Budi", "--out", path],
        "1234\n",
    );
    assert!(!wrong_pin.status.success());
    // The coffee all carries its maker's barcode: no label of ours is needed.
    let coffee = pojok_with_input(
        &db,
        &[
            "labels",
            "--producer",
            "KOPI",
            "--manager",
            "Budi",
            "--out",
            path,
        ],
        "9999\n",
    );
    assert!(!coffee.status.success());
    assert!(
        stderr(&coffee).contains("Tidak ada produk tanpa barcode"),
        "{}",
        stderr(&coffee)
    );
    assert!(!sheet.exists());
    let ledger = Ledger::open(&db).unwrap();
    let given = ledger
        .history(&HistoryFilter {
            table: Some("barcode_changes".into()),
            ..HistoryFilter::default()
        })
        .unwrap();
    assert!(given.is_empty(), "{given:?}");
    // A ledger that is not there is not created.
    let missing = dir.path().join("none.db");
    let out = pojok(&missing, &["labels"]);
    assert!(!out.status.success());
    assert!(!missing.exists());
}

/// As an attendant does it at 80×24 in Indonesian: the products screen, F7 on the lemper,
/// the sheet read back, and the lemper scanned by its new barcode at the till.
#[test]
fn a_label_sheet_from_the_kiosk_then_a_scan_of_it_at_the_till() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let tmux = Tmux::start(
        dir.path(),
        &format!("exec {BIN} demo --db '{}'", db.display()),
    );
    tmux.login("Rina", "1111");
    tmux.wait_for("13 penjualan");
    tmux.keys(&["F7"]);
    tmux.wait_for("F8 Aktif");
    tmux.type_text("LMPR");
    tmux.wait_for("Lemper Ayam");
    tmux.keys(&["F7"]);
    let screen = tmux.wait_for("label-SRI-");
    let line = screen.lines().find(|l| l.contains("label-SRI-")).unwrap();
    let name = line
        .split(|c: char| c == '/' || c.is_whitespace())
        .find(|w| w.starts_with("label-SRI-"))
        .unwrap();
    let folder = dir.path().join("printouts");
    let day = std::fs::read_dir(&folder)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let sheet = day.join(name);
    let text = pdf_text(&sheet);
    assert!(
        text.contains("Lemper Ayam") && text.contains("Rp 3.500"),
        "{text}"
    );
    let barcodes = drawn_barcodes(&std::fs::read(&sheet).unwrap());
    assert_eq!(barcodes.len(), 8, "the cake maker's eight goods");
    let lemper = barcodes
        .iter()
        .find(|b| text.contains(&format!("{} {} {}", &b[..1], &b[1..7], &b[7..])))
        .unwrap();
    // Back at the till, the scanner types the lemper's code and Enter.
    tmux.keys(&["Escape"]);
    tmux.wait_for("Kode / cari");
    let lemper = Ledger::open_read_only(&db)
        .unwrap()
        .active_products()
        .unwrap()
        .into_iter()
        .find(|p| p.code == "LMPR")
        .and_then(|p| p.barcode)
        .filter(|b| barcodes.contains(b))
        .unwrap_or_else(|| panic!("the lemper's barcode is on the sheet: {lemper}"));
    tmux.type_text(&lemper);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Ditambahkan");
    assert!(screen.contains("Lemper Ayam"), "{screen}");
    tmux.keys(&["C-q"]);
    tmux.wait_exit();
}
