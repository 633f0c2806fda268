//! A whole business day with its money through the real binary in a real terminal (tmux), key by key:
//! open, intake, sales in cash, QRIS and on a tab, a void, a cash-out, a payout, a count by
//! denomination a little short, the close; then the settlement printouts (text and PDF) and
//! `report day --json` checked against figures worked out by hand from the fixture's prices.
// Driven through tmux, which a Windows test under Wine cannot start (README: Windows).
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use pojok::ledger::Ledger;
use serde_json::{Value, json};

fn report_json(db: &Path, date: Option<&str>) -> Value {
    let mut args = vec!["report", "day", "--json"];
    if let Some(date) = date {
        args.extend(["--date", date]);
    }
    let out = pojok(db, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// Whether some line of `text` starts (after its indent) with `label` and ends with `amount`.
fn has_line(text: &str, label: &str, amount: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim();
        l.starts_with(label) && l.ends_with(amount)
    })
}

/// The part of a settlement printout that belongs to the producer named `name`: from the line
/// naming them to the next producer's (or the end).
fn section<'a>(text: &'a str, name: &str, next: Option<&str>) -> &'a str {
    let start = text
        .find(name)
        .unwrap_or_else(|| panic!("{name} not in:\n{text}"));
    let rest = &text[start..];
    match next.and_then(|n| rest.find(n)) {
        Some(end) => &rest[..end],
        None => rest,
    }
}

/// The approval popup opened by an attendant's entry: Budi's PIN runs it.
fn approve(tmux: &Tmux) {
    tmux.wait_for("Persetujuan pengelola");
    tmux.type_text(BUDI_PIN);
    tmux.keys(&["Enter"]);
}

#[test]
fn a_whole_day_at_the_keyboard_closes_with_printouts_and_a_report_that_agree_to_the_rupiah() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    // The fixture: SRI (15 %) with LMPR Rp 3.500/pcs and KRPS Rp 12.000/bks; TANI (producer
    // price) with BRS Rp 15.000/kg, producer price Rp 13.500/kg. Rina is an attendant, so the
    // void and the payout go through Budi's approval popup.
    add_users(&mut small_ledger(&db));
    let tmux = Tmux::start(dir.path(), &format!("exec {BIN} --db '{}'", db.display()));

    // Sign in and open the day with a float of Rp 200.000.
    tmux.login("Rina", RINA_PIN);
    tmux.wait_for("Modal awal");
    tmux.type_text("200000");
    tmux.keys(&["Enter"]);
    tmux.wait_for("dibuka. Selamat berjualan");
    let date = report_json(&db, None)["date"].as_str().unwrap().to_string();

    // A tab customer, added at Ctrl+T.
    tmux.keys(&["C-t"]);
    tmux.wait_for("Pelanggan bon");
    tmux.keys(&["F2"]);
    tmux.type_text("Sari Dewi");
    tmux.keys(&["Tab"]);
    tmux.type_text("199001012015012001");
    tmux.keys(&["Tab"]);
    tmux.type_text("Keuangan");
    tmux.keys(&["F2"]);
    tmux.wait_for("Pelanggan Sari Dewi disimpan");
    tmux.keys(&["Escape"]);
    // The till's own entry line, not the status line every screen has: the keys that follow
    // must come after the Escape is read alone, or the terminal reads them with it as Alt+….
    tmux.wait_for("Kode / cari");

    // Intake (F3, F2): SRI brings 20 lemper and 10 keripik; TANI 10 kg of rice.
    tmux.keys(&["F3"]);
    tmux.wait_for("Lemper Ayam");
    tmux.type_text("lemper");
    tmux.keys(&["F2"]);
    tmux.wait_for("Kue Bu Sri");
    tmux.type_text("20*LMPR");
    tmux.keys(&["Enter"]);
    tmux.type_text("10*KRPS");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Keripik Pisang");
    tmux.keys(&["F2"]);
    tmux.keys(&["y"]);
    tmux.wait_for("no. 1 dicatat");
    for _ in 0.."lemper".len() {
        tmux.keys(&["BSpace"]);
    }
    tmux.type_text("beras");
    tmux.keys(&["F2"]);
    tmux.wait_for("Kelompok Tani Makmur");
    tmux.type_text("10*BRS");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Beras Pandan Wangi");
    tmux.keys(&["F2"]);
    tmux.keys(&["y"]);
    tmux.wait_for("no. 2 dicatat");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Kode / cari");

    // Sale 1, cash with change: 3 × 3.500 + 12.000 = 22.500; 50.000 handed over,
    // change 50.000 − 22.500 = 27.500.
    tmux.type_text("3*LMPR");
    tmux.keys(&["Enter"]);
    tmux.type_text("KRPS");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Rp 22.500");
    tmux.keys(&["F2"]);
    tmux.wait_for("Tunai");
    tmux.type_text("50000");
    tmux.wait_for("Kembalian");
    // A person's Enter comes a moment after the amount: keys within milliseconds of each
    // other, Enter last, are a scanner's, and the pay dialog refuses a scan.
    std::thread::sleep(std::time::Duration::from_millis(150));
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("No. 1");
    assert!(screen.contains("Rp 27.500"), "change shown:\n{screen}");

    // Sale 2, QRIS: 2 × 3.500 + 1,5 kg × 15.000 = 7.000 + 22.500 = 29.500.
    tmux.type_text("2*LMPR");
    tmux.keys(&["Enter"]);
    tmux.type_text("1,5*BRS");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Rp 29.500");
    tmux.keys(&["F2"]);
    tmux.wait_for("Tunai");
    tmux.keys(&["Right"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("No. 2");

    // Sale 3, on Sari's tab: 12.000 + 2 × 3.500 = 19.000.
    tmux.type_text("KRPS");
    tmux.keys(&["Enter"]);
    tmux.type_text("2*LMPR");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Rp 19.000");
    tmux.keys(&["F2"]);
    tmux.wait_for("Tunai");
    tmux.keys(&["Left"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Sari Dewi");
    tmux.type_text("sari");
    tmux.keys(&["Enter"]);
    tmux.wait_for("No. 3");

    // Sale 4, cash exact: 12.000, then voided (F6, F8) with Budi's approval.
    tmux.type_text("KRPS");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Rp 12.000");
    tmux.keys(&["F2"]);
    tmux.wait_for("Tunai");
    tmux.keys(&["Enter"]);
    tmux.wait_for("No. 4");
    tmux.keys(&["F6"]);
    tmux.wait_for("Penjualan hari ini");
    tmux.keys(&["F8"]);
    tmux.type_text("salah input");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Batalkan penjualan #4");
    tmux.keys(&["y"]);
    approve(&tmux);
    tmux.wait_for("Penjualan #4 dibatalkan");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Kasir: Rina");

    // A cash-out (F9, out is the default direction): Rp 12.500 for plastic bags.
    tmux.keys(&["F9"]);
    tmux.type_text("12500");
    tmux.keys(&["Tab"]);
    tmux.type_text("Kantong plastik");
    tmux.keys(&["F2"]);
    tmux.keys(&["y"]);
    tmux.wait_for("Kas keluar Rp 12.500 tercatat");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Kasir: Rina");

    // SRI's share of the live sales, line by line at 85 %:
    //   sale 1: LMPR 10.500 → 8.925, KRPS 12.000 → 10.200
    //   sale 2: LMPR  7.000 → 5.950
    //   sale 3: KRPS 12.000 → 10.200, LMPR 7.000 → 5.950
    //   8.925 + 10.200 + 5.950 + 10.200 + 5.950 = 41.225
    // Paid out at closing, partly, in cash from the drawer: Rp 30.000, leaving 11.225.
    // Apart from the Escape before it, which the terminal would read with it as Alt+P.
    std::thread::sleep(std::time::Duration::from_millis(300));
    tmux.keys(&["C-p"]);
    tmux.wait_for("Rp 41.225");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Bayar produsen SRI");
    assert!(screen.contains("Saldo terutang: Rp 41.225"), "{screen}");
    for _ in 0.."41.225".len() {
        tmux.keys(&["BSpace"]);
    }
    tmux.type_text("30000");
    tmux.keys(&["F2"]);
    tmux.wait_for("Bayar Rp 30.000");
    tmux.keys(&["y"]);
    approve(&tmux);
    tmux.wait_for("Pembayaran No. 0001 tercatat");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Kasir: Rina");

    // The close. Expected cash: float 200.000 + cash sales net of change 22.500 (sale 4 was
    // voided) − cash out 12.500 − payout 30.000 = 180.000.
    // Counted by denomination: 100.000 + 50.000 + 20.000 + 5.000 + 2 × 2.000 + a 500 coin
    // = 179.500, Rp 500 short.
    tmux.keys(&["F5"]);
    let screen = tmux.wait_for("Rp 180.000");
    assert!(screen.contains("Rp 29.500"), "QRIS to check:\n{screen}");
    tmux.keys(&["F7"]);
    for pieces in ["1", "1", "1", "", "1", "2", "", "", "1"] {
        tmux.type_text(pieces);
        tmux.keys(&["Down"]);
    }
    tmux.wait_for("179.500");
    tmux.keys(&["Tab"]);
    tmux.type_text("Kurang 500");
    tmux.keys(&["F2"]);
    tmux.wait_for("Pastikan tutup kasir");
    tmux.type_text("179.500");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Kasir ditutup");
    tmux.keys(&["C-q"]);
    tmux.wait_exit();

    check_the_day(&db, &date);
}

// The day's figures, by hand from the fixture's prices (sale 4 was voided and counts nowhere
// but in the voids):
/// 22.500 (cash) + 29.500 (QRIS) + 19.000 (tab) = 71.000.
const SALES_TOTAL: i64 = 71_000;
const CASH: i64 = 22_500;
const QRIS: i64 = 29_500;
const TAB: i64 = 19_000;
/// Sale 4, one KRPS.
const VOIDED: i64 = 12_000;
/// SRI: LMPR 3 + 2 + 2 = 7 × 3.500 = 24.500; KRPS 1 + 1 = 2 × 12.000 = 24.000; 48.500 in all.
const SRI_GROSS: i64 = 48_500;
/// Line by line at 85 % (see the payout above): 41.225.
const SRI_SHARE: i64 = 41_225;
/// 48.500 − 41.225 = 7.275 (15 % of 48.500, no rounding on any line).
const SRI_CORNER: i64 = 7_275;
/// TANI: 1,5 kg × 15.000 = 22.500.
const TANI_GROSS: i64 = 22_500;
/// 1,5 kg × producer price 13.500 = 20.250.
const TANI_SHARE: i64 = 20_250;
/// 22.500 − 20.250 = 2.250.
const TANI_CORNER: i64 = 2_250;
const FLOAT: i64 = 200_000;
const CASH_OUT: i64 = 12_500;
const PAYOUT: i64 = 30_000;
/// 200.000 + 22.500 − 12.500 − 30.000 = 180.000.
const EXPECTED_CASH: i64 = 180_000;
/// 100.000 + 50.000 + 20.000 + 5.000 + 2 × 2.000 + 500 = 179.500.
const COUNTED: i64 = 179_500;
/// 179.500 − 180.000.
const VARIANCE: i64 = -500;
/// SRI: 41.225 − 30.000 = 11.225 still owed; TANI: 20.250, nothing paid.
const SRI_OWED: i64 = 11_225;
const TANI_OWED: i64 = 20_250;

/// `Rp 12.345` as the printouts write it, formatted here independently of the crate.
fn rp(amount: i64) -> String {
    let digits = amount.abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if amount < 0 { "-" } else { "" };
    format!("{sign}Rp {grouped}")
}

fn check_the_day(db: &Path, date: &str) {
    // The hand figures hold together before anything is compared with them.
    assert_eq!(CASH + QRIS + TAB, SALES_TOTAL);
    assert_eq!(SRI_GROSS + TANI_GROSS, SALES_TOTAL);
    assert_eq!(SRI_SHARE + SRI_CORNER, SRI_GROSS);
    assert_eq!(TANI_SHARE + TANI_CORNER, TANI_GROSS);
    assert_eq!(FLOAT + CASH - CASH_OUT - PAYOUT, EXPECTED_CASH);
    assert_eq!(COUNTED - EXPECTED_CASH, VARIANCE);

    let json = report_json(db, Some(date));
    assert_eq!(json["date"], date);
    assert_eq!(json["closed"], true);
    assert_eq!(json["sales"], json!({ "count": 3, "total": SALES_TOTAL }));
    assert_eq!(json["voids"], json!({ "count": 1, "total": VOIDED }));
    assert_eq!(
        json["payments"],
        json!({ "cash": CASH, "qris": QRIS, "transfer": 0, "tab": TAB })
    );
    assert_eq!(
        json["producers"],
        json!([
            { "code": "SRI", "name": "Kue Bu Sri", "quantity": 9, "gross": SRI_GROSS,
              "producer_share": SRI_SHARE, "corner_share": SRI_CORNER, "losses": 0 },
            { "code": "TANI", "name": "Kelompok Tani Makmur", "quantity": 1.5,
              "gross": TANI_GROSS, "producer_share": TANI_SHARE, "corner_share": TANI_CORNER,
              "losses": 0 }
        ])
    );
    assert_eq!(
        json["cash"],
        json!({ "float": FLOAT, "sales": CASH, "tab_payments": 0, "cash_in": 0,
                "cash_out": CASH_OUT, "payouts": PAYOUT, "refunds": 0 })
    );
    assert_eq!(json["expected_cash"], EXPECTED_CASH);
    let count = &json["count"];
    assert_eq!(count["expected"], EXPECTED_CASH);
    assert_eq!(count["counted"], COUNTED);
    assert_eq!(count["variance"], VARIANCE);
    assert_eq!(count["reason"], "Kurang 500");
    assert_eq!(count["attendant"], "Rina");
    assert_eq!(
        count["denominations"],
        json!({ "100000": 1, "50000": 1, "20000": 1, "5000": 1, "2000": 2, "500c": 1 })
    );
    let moves = json["cash_moves"].as_array().unwrap();
    assert_eq!(moves.len(), 1, "{moves:?}");
    assert_eq!(
        (
            &moves[0]["direction"],
            &moves[0]["amount"],
            &moves[0]["reason"]
        ),
        (&json!("out"), &json!(CASH_OUT), &json!("Kantong plastik"))
    );
    let payouts = json["payouts"].as_array().unwrap();
    assert_eq!(payouts.len(), 1, "{payouts:?}");
    assert_eq!(
        (
            &payouts[0]["producer_code"],
            &payouts[0]["method"],
            &payouts[0]["amount"]
        ),
        (&json!("SRI"), &json!("cash"), &json!(PAYOUT))
    );
    assert_eq!(json["to_check"], json!({ "qris": QRIS, "transfer": 0 }));
    assert_eq!(json["corrections"], json!([]));
    let head = json["chain_head"].as_str().unwrap().to_string();

    // The balances the ledger carries on: what the corner owes each producer, what Sari owes.
    let ledger = Ledger::open(db).unwrap();
    let owed: Vec<(String, i64)> = ledger
        .producer_balances()
        .unwrap()
        .into_iter()
        .map(|b| (b.code, b.balance.value()))
        .collect();
    assert_eq!(
        owed,
        vec![("SRI".into(), SRI_OWED), ("TANI".into(), TANI_OWED)]
    );
    // The void and the payout are Rina's, each approved with Budi's PIN at the popup.
    let history = ledger.history(&Default::default()).unwrap();
    for table in ["voids", "payouts"] {
        let entry = history.iter().find(|e| e.table == table).unwrap();
        assert_eq!(
            (entry.actor.as_deref(), entry.approver.as_deref()),
            (Some("Rina"), Some("Budi")),
            "{entry:?}"
        );
    }
    let tabs = ledger.customer_balances().unwrap();
    assert_eq!(tabs.len(), 1);
    assert_eq!(tabs[0].customer.name, "Sari Dewi");
    assert_eq!(tabs[0].owed().value(), TAB);
    drop(ledger);

    // The settlement slips, on 58 mm text and on A4 PDF: each producer's figures as the JSON has
    // them, and the same chain head the close left.
    let out = pojok(db, &["settlement", "--date", date, "--format", "text58"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text58 = stdout(&out);
    let pdf_path = db.with_file_name("bagi-hasil.pdf");
    let out = pojok(
        db,
        &[
            "settlement",
            "--date",
            date,
            "--format",
            "pdf",
            "--out",
            pdf_path.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pdftotext = Command::new("pdftotext")
        .args(["-layout", pdf_path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is installed (poppler-utils)");
    assert!(pdftotext.status.success());
    let pdf = String::from_utf8_lossy(&pdftotext.stdout).into_owned();
    // One producer per page: pages are split by form feeds.
    let pages: Vec<&str> = pdf
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), 2, "{pdf}");
    assert!(pages[0].contains("SRI - Kue Bu Sri"), "{}", pages[0]);
    assert!(
        pages[1].contains("TANI - Kelompok Tani Makmur"),
        "{}",
        pages[1]
    );

    let producers = json["producers"].as_array().unwrap();
    let figures = |code: &str| -> (i64, i64, i64) {
        let p = producers.iter().find(|p| p["code"] == code).unwrap();
        let get = |key: &str| p[key].as_i64().unwrap();
        (get("gross"), get("corner_share"), get("producer_share"))
    };
    for (printout, sri, tani) in [
        (
            &text58,
            section(&text58, "SRI - Kue Bu Sri", Some("TANI - Kelompok")),
            section(&text58, "TANI - Kelompok", None),
        ),
        (&pdf, pages[0], pages[1]),
    ] {
        for (slip, code, owed, paid) in [
            (sri, "SRI", SRI_OWED, Some(PAYOUT)),
            (tani, "TANI", TANI_OWED, None),
        ] {
            let (gross, corner, share) = figures(code);
            assert!(has_line(slip, "Penjualan kotor", &rp(gross)), "{slip}");
            assert!(has_line(slip, "Bagian pojok", &rp(corner)), "{slip}");
            assert!(has_line(slip, "Bagian produsen", &rp(share)), "{slip}");
            assert!(has_line(slip, "Saldo sebelumnya", &rp(0)), "{slip}");
            assert!(has_line(slip, "Saldo terutang", &rp(owed)), "{slip}");
            assert_eq!(share - paid.unwrap_or(0), owed);
            match paid {
                Some(paid) => assert!(slip.contains(&rp(-paid)), "the payout: {slip}"),
                None => assert!(!slip.contains("Dibayar"), "{slip}"),
            }
            assert!(slip.contains(&head), "chain head {head}: {slip}");
            assert!(
                slip.contains("Petugas") && slip.contains("Produsen"),
                "{slip}"
            );
            assert!(!slip.contains("PRATINJAU"), "a closed day is final: {slip}");
        }
        // Per product: what was sold and its amount, and the stock left.
        assert!(has_line(sri, "LMPR", &rp(24_500)), "{sri}");
        assert!(has_line(sri, "KRPS", &rp(24_000)), "{sri}");
        assert!(has_line(tani, "BRS", &rp(TANI_GROSS)), "{tani}");
        assert!(has_line(sri, "Terjual", "7 pcs"), "{sri}");
        // 20 received − 7 sold.
        assert!(has_line(sri, "Stok akhir", "13 pcs"), "{sri}");
        // 10 kg received − 1,5 sold.
        assert!(has_line(tani, "Stok akhir", "8,5 kg"), "{tani}");
        assert!(printout.contains(&rp(SRI_GROSS)));
    }

    // The Z report the close wrote: the drawer from float to count.
    let z = std::fs::read_to_string(
        db.with_file_name("printouts")
            .join(date)
            .join("tutup-kasir.txt"),
    )
    .unwrap();
    for (label, amount) in [
        ("Modal awal", FLOAT),
        ("Penjualan tunai (bersih)", CASH),
        ("Kas keluar", -CASH_OUT),
        ("Pembayaran produsen tunai", -PAYOUT),
        ("Kas seharusnya", EXPECTED_CASH),
        ("Kas dihitung", COUNTED),
        ("Selisih", VARIANCE),
        ("QRIS", QRIS),
        ("Penjualan dengan bon", TAB),
        // The takings by method, the tab among them: 22.500 + 29.500 + 0 + 19.000 = 71.000.
        ("Tunai", CASH),
        ("Transfer", 0),
        ("Bon", TAB),
        ("Penjualan", SALES_TOTAL),
    ] {
        assert!(
            has_line(&z, label, &rp(amount)),
            "{label} {}:\n{z}",
            rp(amount)
        );
    }
    assert!(z.contains("Alasan: Kurang 500"), "{z}");
    let receipt = std::fs::read_to_string(
        db.with_file_name("printouts")
            .join(date)
            .join("struk-0003.txt"),
    )
    .unwrap();
    assert!(receipt.contains("Bon: Sari Dewi"), "{receipt}");
    assert!(z.contains(&head), "{z}");

    let verify = pojok(db, &["verify"]);
    assert!(
        verify.status.success(),
        "{}{}",
        stdout(&verify),
        stderr(&verify)
    );
    assert!(stdout(&verify).contains(&head), "{}", stdout(&verify));
}
