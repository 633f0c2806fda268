//! The office's month through the library and the real binary, on a ledger with a month of
//! sales, voids, payouts, a correction and a write-off: the recap equals the sum of the
//! month's day reports; PDF, xlsx, CSV and JSON Lines read back; exported history verifies
//! by a hash check written here from the documented format; files as Indonesian Excel
//! writes them import with every bad row named by its true line.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

use calamine::{Data, Reader, Xlsx};
use common::*;
use pojok::domain::{IntakeLine, PaymentMethod, PayoutMethod, Quantity, RefundMethod, Rupiah};
use pojok::ledger::Ledger;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// A day opened, `work` done on it, and closed with the cash as expected.
fn day(ledger: &mut Ledger, date_text: &str, work: impl FnOnce(&mut Ledger)) {
    ledger
        .open_day(
            date(date_text),
            "Rina",
            Rupiah(100_000),
            at(&format!("{date_text} 07:30")),
        )
        .unwrap();
    work(ledger);
    close_counted(ledger, "Rina", at(&format!("{date_text} 16:00"))).unwrap();
}

/// October's last day, ten days of November (a void, a payout, a correction of an earlier
/// day's sale, a write-off the corner bears) and December's first day.
fn month_ledger(path: &Path) {
    let mut ledger = small_ledger(path);
    day(&mut ledger, "2026-10-30", |l| {
        sell_milli(
            l,
            &[("LMPR", 4_000)],
            PaymentMethod::Cash,
            "2026-10-30 09:00",
        );
        l.receive_stock(
            "SRI",
            &[IntakeLine {
                product_code: "LMPR".into(),
                quantity: Quantity::from_milli(50_000),
                best_before: None,
            }],
            "Rina",
            at("2026-10-30 08:00"),
        )
        .unwrap();
    });
    let mut corrected = 0;
    for n in 2..=13u32 {
        let d = format!("2026-11-{n:02}");
        if n == 7 || n == 8 {
            continue;
        }
        day(&mut ledger, &d, |l| {
            let t = |hm: &str| format!("{d} {hm}");
            let sale = sell_milli(
                l,
                &[("LMPR", i64::from(n % 3 + 1) * 1_000)],
                PaymentMethod::Cash,
                &t("09:00"),
            );
            if n == 3 {
                corrected = sale.id;
            }
            if n % 2 == 0 {
                sell_milli(l, &[("BRS", 1_250)], PaymentMethod::Qris, &t("10:00"));
            }
            if n == 4 {
                let voided = sell_milli(l, &[("KRPS", 1_000)], PaymentMethod::Cash, &t("11:00"));
                l.void_sale(voided.id, "Salah barang", "Rina", at(&t("11:01")))
                    .unwrap();
            }
            if n == 6 {
                l.pay_producer(
                    "SRI",
                    PayoutMethod::Cash,
                    Rupiah(10_000),
                    "",
                    "Rina",
                    at(&t("12:00")),
                )
                .unwrap();
            }
            if n == 10 {
                l.correct_sale(
                    corrected,
                    RefundMethod::Cash,
                    "Dobel",
                    "Rina",
                    at(&t("12:30")),
                )
                .unwrap();
            }
            if n == 11 {
                l.write_off(
                    "LMPR",
                    Quantity::from_milli(1_000),
                    "Jatuh",
                    true,
                    "Rina",
                    at(&t("13:00")),
                )
                .unwrap();
            }
        });
    }
    day(&mut ledger, "2026-12-01", |l| {
        sell_milli(
            l,
            &[("KRPS", 2_000)],
            PaymentMethod::Cash,
            "2026-12-01 09:00",
        );
        l.pay_producer(
            "TANI",
            PayoutMethod::Transfer,
            Rupiah(5_000),
            "",
            "Rina",
            at("2026-12-01 12:00"),
        )
        .unwrap();
    });
}

fn fixture() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    month_ledger(&db);
    (dir, db)
}

#[derive(Debug, Default, PartialEq, Eq)]
struct Sums {
    gross: i64,
    producer_share: i64,
    corner_share: i64,
    quantity_milli: i64,
    days: i64,
    paid_out: i64,
    losses: i64,
}

#[test]
fn the_recap_equals_the_sum_of_the_months_day_reports() {
    let (_dir, db) = fixture();
    let ledger = Ledger::open(&db).unwrap();
    let (from, to) = (date("2026-11-01"), date("2026-11-30"));
    let mut expected: BTreeMap<String, Sums> = BTreeMap::new();
    let mut open_days = 0;
    for d in from.iter_days().take_while(|d| *d <= to) {
        let Some(report) = ledger.day_report(d).unwrap() else {
            continue;
        };
        open_days += 1;
        for p in &report.producers {
            let s = expected.entry(p.code.clone()).or_default();
            s.gross += p.gross.0;
            s.producer_share += p.producer_share.0;
            s.corner_share += p.corner_share.0;
            s.quantity_milli += p.quantity.milli();
            s.losses += p.losses.0;
            // A producer is listed on a day for a loss the corner bore too.
            if p.quantity.milli() != 0 {
                s.days += 1;
            }
        }
        for p in &report.payouts {
            expected
                .entry(p.producer_code.clone())
                .or_default()
                .paid_out += p.amount.0;
        }
    }
    let recap = ledger.month_recap(from, to).unwrap();
    let got: BTreeMap<String, Sums> = recap
        .producers
        .iter()
        .map(|p| {
            let sums = Sums {
                gross: p.gross.0,
                producer_share: p.producer_share.0,
                corner_share: p.corner_share.0,
                quantity_milli: p.sold.iter().map(|(_, q)| q.milli()).sum(),
                days: p.days_with_sales,
                paid_out: p.paid_out.0,
                losses: p.losses.0,
            };
            (p.code.clone(), sums)
        })
        .collect();
    assert_eq!(got, expected);
    assert_eq!(recap.business_days, open_days);
    assert_eq!(open_days, 10);
    assert_eq!(recap.with_sales(), 2);
    // SRI sold on all ten days, TANI on the five even ones; the voided crisps never sold.
    assert_eq!(got["SRI"].days, 10);
    assert_eq!(got["TANI"].days, 5);
    assert_eq!(got["SRI"].paid_out, 10_000);
    // The lemper the corner dropped on the 11th: 85 % of Rp 3.500.
    assert_eq!(got["SRI"].losses, 2_975);
    // The balances at the month's start and end are the statement's, and the month
    // reconciles: start + producer share − corrections + losses − payouts = end.
    for p in &recap.producers {
        let statement = ledger.statement(&p.code, from, to).unwrap();
        assert_eq!(p.balance_start, statement.opening_balance, "{}", p.code);
        assert_eq!(p.balance_end, statement.closing_balance(), "{}", p.code);
        assert_eq!(
            p.balance_start + p.producer_share - p.corrected + p.losses - p.paid_out,
            p.balance_end,
            "{}",
            p.code
        );
    }
    // October's lemper were owed before November began; the corrected sale of 3 Nov is
    // one lemper's share taken back on 10 Nov (85 % of Rp 3.500).
    assert!(got["SRI"].gross > 0);
    let sri = &recap.producers[0];
    assert_eq!(sri.balance_start, Rupiah(4 * 2_975));
    assert_eq!(sri.corrected, Rupiah(2_975));
    let totals: i64 = expected.values().map(|s| s.gross).sum();
    assert_eq!(recap.gross().0, totals);
    assert_eq!(recap.producer_share() + recap.corner_share(), recap.gross());
}

// pdftotext is a Linux program a Windows test under Wine cannot start.
#[cfg(unix)]
#[test]
fn the_recap_pdf_has_names_figures_and_signature_lines_and_is_never_overwritten() {
    let (dir, db) = fixture();
    let before = std::fs::read(&db).unwrap();
    let pdf = dir.path().join("rekap.pdf");
    let args = [
        "recap",
        "--month",
        "11-2026",
        "--programme",
        "Metro Bangga Beli",
        "--out",
        pdf.to_str().unwrap(),
    ];
    let out = pojok(&db, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdf_text(&pdf);
    let recap = Ledger::open_read_only(&db)
        .unwrap()
        .month_recap(date("2026-11-01"), date("2026-11-30"))
        .unwrap();
    for expected in [
        "REKAP BULANAN PENJUALAN UMKM".to_string(),
        "Program Metro Bangga Beli".into(),
        "1 Nov 2026".into(),
        "30 Nov 2026".into(),
        "SRI Kue Bu Sri".into(),
        "TANI Kelompok Tani Makmur".into(),
        recap.gross().to_string(),
        recap.balance_end().to_string(),
        "Pengelola".into(),
        "Mengetahui, Kepala OPD/Dinas".into(),
    ] {
        assert!(text.contains(&expected), "{expected} missing:\n{text}");
    }
    assert!(!text.contains("Keripik"), "{text}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "a recap only reads");

    let first = std::fs::read(&pdf).unwrap();
    let again = pojok(&db, &args);
    assert!(!again.status.success());
    assert!(stderr(&again).contains("sudah ada"), "{}", stderr(&again));
    assert_eq!(std::fs::read(&pdf).unwrap(), first);

    let bad = pojok(&db, &["recap", "--month", "2026-13"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("bukan bulan"), "{}", stderr(&bad));
}

fn sheet(path: &Path, name: &str) -> calamine::Range<Data> {
    let mut book: Xlsx<_> = calamine::open_workbook(path).unwrap();
    book.worksheet_range(name).unwrap()
}

#[test]
fn the_recap_xlsx_reads_back_with_numbers_as_numbers() {
    let (dir, db) = fixture();
    let file = dir.path().join("rekap.xlsx");
    let out = pojok(
        &db,
        &[
            "--lang",
            "en",
            "recap",
            "--month",
            "2026-11",
            "--format",
            "xlsx",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let book: Xlsx<_> = calamine::open_workbook(&file).unwrap();
    assert_eq!(book.sheet_names(), ["Recap"]);
    let range = sheet(&file, "Recap");
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows[0][0], Data::String("Code".into()));
    assert_eq!(rows[0][6], Data::String("Gross sales".into()));
    assert_eq!(rows[1][0], Data::String("SRI".into()));
    let recap = Ledger::open_read_only(&db)
        .unwrap()
        .month_recap(date("2026-11-01"), date("2026-11-30"))
        .unwrap();
    assert_eq!(rows[1][6], Data::Float(recap.producers[0].gross.0 as f64));
    let total = rows.last().unwrap();
    assert_eq!(total[0], Data::String("Total".into()));
    assert_eq!(total[6], Data::Float(recap.gross().0 as f64));
    assert_eq!(rows[0][10], Data::String("Corner's losses".into()));
    // The lemper the corner dropped on the 11th.
    assert_eq!(total[10], Data::Float(2_975.0));
    assert_eq!(total[10], Data::Float(recap.losses().0 as f64));
    assert_eq!(total[11], Data::Float(-recap.paid_out().0 as f64));
    assert_eq!(total[12], Data::Float(recap.balance_end().0 as f64));
}

#[test]
fn exports_join_by_day_and_number_and_read_back_in_every_format() {
    let (dir, db) = fixture();
    let before = std::fs::read(&db).unwrap();
    let range = ["--from", "2026-11-01", "--to", "30-11-2026"];
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(&range);
        let out = pojok(&db, &all);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    // CSV: a BOM, a header, one row per sale; the voided one marked.
    let sales = run(&["export", "sales"]);
    assert!(sales.starts_with("\u{feff}date,sale_number,at,"), "{sales}");
    let sales: Vec<&str> = sales.lines().skip(1).collect();
    assert_eq!(sales.len(), 10 + 5 + 1, "{sales:?}");
    assert_eq!(
        sales
            .iter()
            .filter(|l| l.contains(",1,Salah barang"))
            .count(),
        1
    );
    assert_eq!(
        sales.iter().filter(|l| l.ends_with(",2026-11-10")).count(),
        1,
        "the corrected sale names the day of its correction: {sales:?}"
    );

    // JSON Lines: every line joins its sale by (date, sale_number).
    let lines = run(&["export", "lines", "--format", "jsonl"]);
    let sale_keys: Vec<(String, String)> = sales
        .iter()
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_string(), f[1].to_string())
        })
        .collect();
    let lines: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), sales.len());
    for line in &lines {
        let key = (
            line["date"].as_str().unwrap().to_string(),
            line["sale_number"].to_string(),
        );
        assert!(sale_keys.contains(&key), "{key:?}");
        let shares =
            line["producer_share"].as_i64().unwrap() + line["corner_share"].as_i64().unwrap();
        assert_eq!(shares, line["total"].as_i64().unwrap());
    }
    assert!(
        lines
            .iter()
            .any(|l| l["quantity"] == "1.25" && l["unit"] == "kg")
    );

    // Excel with Indonesian settings: semicolons and decimal commas.
    let id = run(&["export", "lines", "--excel-id"]);
    assert!(id.starts_with("\u{feff}date;sale_number;"), "{id}");
    assert!(id.contains(";1,25;"), "{id}");

    // xlsx: one sheet per kind, header frozen, money and dates as their types.
    let file = dir.path().join("bulan.xlsx");
    run(&[
        "export",
        "all",
        "--format",
        "xlsx",
        "--out",
        file.to_str().unwrap(),
    ]);
    let book: Xlsx<_> = calamine::open_workbook(&file).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "sales",
            "lines",
            "payments",
            "stock",
            "payouts",
            "corrections",
            "cash"
        ]
    );
    let payouts = sheet(&file, "payouts");
    let row: Vec<Data> = payouts.rows().nth(1).unwrap().to_vec();
    assert_eq!(row[2], Data::String("SRI".into()));
    assert_eq!(row[5], Data::Float(10_000.0));
    assert!(matches!(row[0], Data::DateTime(_)), "{:?}", row[0]);
    let stock = sheet(&file, "stock");
    assert!(
        stock
            .rows()
            .any(|r| r[2] == Data::String("write_off".into())
                && r[7] == Data::Float(-1.0)
                && r[10] == Data::Bool(true)),
        "the write-off the corner bears is in the stock sheet"
    );
    let corrections = sheet(&file, "corrections");
    assert_eq!(corrections.rows().count(), 2);

    // A read-only command: the ledger file is as it was.
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn formula_looking_names_are_neutralised_in_csv_xlsx_and_the_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&db);
    ledger
        .add_producer(&pojok::domain::NewProducer {
            code: "EVIL".into(),
            name: "=HYPERLINK(\"http://x\",\"y\")".into(),
            phone: "+62 812".into(),
            address: "@SUM(A1)".into(),
            account: String::new(),
            scheme: pojok::domain::Scheme::ProducerPrice,
        })
        .unwrap();
    day(&mut ledger, "2026-11-02", |l| {
        sell_milli(
            l,
            &[("LMPR", 1_000)],
            PaymentMethod::Cash,
            "2026-11-02 09:00",
        );
        l.pay_producer(
            "SRI",
            PayoutMethod::Cash,
            Rupiah(1_000),
            "-1 kas",
            "Rina",
            at("2026-11-02 10:00"),
        )
        .unwrap();
    });
    drop(ledger);
    let out = pojok(
        &db,
        &[
            "export",
            "payouts",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
        ],
    );
    assert!(stdout(&out).contains(",'-1 kas"), "{}", stdout(&out));

    let folder = dir.path().join("katalog");
    let out = pojok(
        &db,
        &["export", "catalogue", "--out", folder.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let producers = std::fs::read_to_string(folder.join("producers.csv")).unwrap();
    assert!(
        producers.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+62 812,'@SUM(A1)"),
        "{producers}"
    );
    // It imports back unchanged, and a second export does not overwrite the first.
    let other = dir.path().join("other.db");
    let out = pojok(
        &other,
        &[
            "import",
            "producers",
            folder.join("producers.csv").to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let evil = Ledger::open(&other)
        .unwrap()
        .producers()
        .unwrap()
        .into_iter()
        .find(|p| p.code == "EVIL")
        .unwrap();
    assert_eq!(evil.name, "=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(evil.phone, "+62 812");
    let again = pojok(
        &db,
        &["export", "catalogue", "--out", folder.to_str().unwrap()],
    );
    assert!(!again.status.success());
    assert!(stderr(&again).contains("sudah ada"), "{}", stderr(&again));
}

/// The canonical text the chain hashes, written from the README's description: a JSON
/// object with `table`, `row` (columns in name order), `actor`, `approver`, `prev_hash`.
fn canonical(entry: &Value) -> String {
    format!(
        "{{\"table\":{},\"row\":{},\"actor\":{},\"approver\":{},\"prev_hash\":{}}}",
        entry["table"], entry["row"], entry["actor"], entry["approver"], entry["prev_hash"]
    )
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn exported_history_verifies_by_an_independent_hash_check_and_resumes_after_a_seq() {
    let (_dir, db) = fixture();
    let out = pojok(&db, &["export", "history", "--since", "0"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let entries: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(entries.len() > 50, "{}", entries.len());
    let mut prev: Option<String> = None;
    for (i, entry) in entries.iter().enumerate() {
        assert_eq!(entry["seq"], i as i64 + 1);
        assert_eq!(entry["prev_hash"].as_str().map(String::from), prev);
        let hash = sha256_hex(&canonical(entry));
        assert_eq!(entry["hash"], hash.as_str(), "entry {entry}");
        prev = Some(hash);
    }
    let head = Ledger::open_read_only(&db)
        .unwrap()
        .chain_head()
        .unwrap()
        .unwrap();
    assert_eq!(prev.as_deref(), Some(head.hash.as_str()));
    assert!(entries.iter().any(|e| e["table"] == "corrections"));

    let since = entries.len() - 3;
    let out = pojok(&db, &["export", "history", "--since", &since.to_string()]);
    let tail: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(tail, entries[since..]);

    // A changed row no longer checks.
    let mut changed = entries[5].clone();
    changed["row"]["id"] = Value::from(999);
    assert_ne!(
        sha256_hex(&canonical(&changed)),
        changed["hash"].as_str().unwrap()
    );
}

#[test]
fn reading_commands_refuse_a_missing_ledger_and_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    for args in [
        &["recap", "--month", "2026-11", "--format", "text80"][..],
        &[
            "export",
            "sales",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
        ][..],
        &["export", "history"][..],
    ] {
        let out = pojok(&db, args);
        assert!(!out.status.success(), "{args:?}");
        assert!(!db.exists(), "{args:?}");
    }
}

const PRODUCTS_ID: &str =
    "code;barcode;name;variant;unit;price;producer;producer_price;min_stock;daily";

#[test]
fn a_file_as_indonesian_excel_writes_it_imports_and_names_each_bad_row_by_its_true_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    small_ledger(&db);
    // BOM, semicolons, CRLF, decimal commas; an empty row Excel left in; bad rows on lines
    // 4 (cents) and 6 (unit).
    let text = format!(
        "\u{feff}{PRODUCTS_ID}\r\nONDE;;Onde-onde;;pcs;2.500;SRI;;;ya\r\nGULA;;Gula Aren;;kg;28000,00;TANI;25000;0,5;0\r\nKUE;;Kue Lapis;;pcs;4500,50;SRI;;;0\r\n;;;;;;;;;\r\nTEH;;Teh;;gelas;3000;SRI;;;0\r\n"
    );
    let file = dir.path().join("produk.csv");
    std::fs::write(&file, text).unwrap();
    let out = pojok(&db, &["import", "products", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("baris 4: price \"4500,50\""), "{err}");
    assert!(err.contains("Rupiah tanpa sen"), "{err}");
    assert!(err.contains("baris 6: "), "{err}");
    assert!(
        !err.contains("baris 5") && !err.contains("baris 3:"),
        "{err}"
    );

    // Without the bad rows the file imports, the weighed minimum read with its comma.
    let good = format!(
        "\u{feff}{PRODUCTS_ID}\r\nONDE;;Onde-onde;;pcs;2.500;SRI;;;ya\r\nGULA;;Gula Aren;;kg;28000,00;TANI;25000;0,5;0\r\n"
    );
    std::fs::write(dir.path().join("baik.csv"), good).unwrap();
    let out = pojok(
        &db,
        &[
            "import",
            "products",
            dir.path().join("baik.csv").to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let products = Ledger::open(&db).unwrap().products().unwrap();
    let gula = products.iter().find(|p| p.code == "GULA").unwrap();
    assert_eq!(gula.price, Rupiah(28_000));
    assert_eq!(gula.min_stock.milli(), 500);
}

#[test]
fn an_xlsx_made_by_a_spreadsheet_imports_with_its_rows_named() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    small_ledger(&db);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["producer", "code", "quantity", "best_before"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    sheet.write_string(1, 0, "TANI").unwrap();
    sheet.write_string(1, 1, "BRS").unwrap();
    sheet.write_number(1, 2, 12.5).unwrap();
    sheet
        .write_datetime_with_format(
            1,
            3,
            ExcelDateTime::from_ymd(2027, 1, 31).unwrap(),
            &date_format,
        )
        .unwrap();
    sheet.write_string(2, 0, "SRI").unwrap();
    sheet.write_string(2, 1, "NOPE").unwrap();
    sheet.write_number(2, 2, 3).unwrap();
    sheet.write_string(3, 0, "SRI").unwrap();
    sheet.write_string(3, 1, "LMPR").unwrap();
    sheet.write_number(3, 2, 20).unwrap();
    let file = dir.path().join("titipan.xlsx");
    book.save(&file).unwrap();

    let out = pojok(
        &db,
        &["--lang", "en", "import", "intake", file.to_str().unwrap()],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("line 3: "), "{}", stderr(&out));
    assert!(stderr(&out).contains("NOPE"), "{}", stderr(&out));

    let out = pojok(
        &db,
        &[
            "--lang",
            "en",
            "import",
            "intake",
            file.to_str().unwrap(),
            "--skip-bad",
        ],
    );
    let text = stdout(&out);
    assert!(text.contains("TANI"), "{text}");
    let ledger = Ledger::open(&db).unwrap();
    let levels = ledger.stock_levels(None).unwrap();
    let brs = levels.iter().find(|l| l.code == "BRS").unwrap();
    assert_eq!(brs.on_hand.milli(), 12_500);
}

/// Runs `pojok args` with its standard output closed before it writes.
fn with_closed_stdout(db: &Path, args: &[&str]) -> std::process::Output {
    let mut child = spawn_of(
        Command::new(BIN)
            .arg("--db")
            .arg(db)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_reader_that_goes_away_ends_a_command_quietly_after_its_commit() {
    let (dir, db) = fixture();
    let out = with_closed_stdout(
        &db,
        &[
            "export",
            "lines",
            "--from",
            "2026-10-01",
            "--to",
            "2026-12-31",
        ],
    );
    let code = out.status.code();
    assert!(matches!(code, Some(0 | 141)), "{code:?}: {}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));

    let file = dir.path().join("p.csv");
    let mut rows = String::from("code,name,phone,address,account,scheme,rate_percent\n");
    for i in 0..2_000 {
        rows.push_str(&format!("P{i},Produsen {i},,,,,\n"));
    }
    std::fs::write(&file, rows).unwrap();
    let out = with_closed_stdout(&db, &["import", "producers", file.to_str().unwrap()]);
    let code = out.status.code();
    assert!(matches!(code, Some(0 | 141)), "{code:?}: {}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    let producers = Ledger::open_read_only(&db).unwrap().producers().unwrap();
    assert_eq!(producers.len(), 2 + 2_000, "the import was committed");
}
