//! Charts on paper through the real binary: the monthly recap's PDF carries turnover per
//! UMKM as bars and day by day as a line, the producer statement's PDF the producer's sales
//! day by day; their labels and values read back with `pdftotext`, and the page rendered
//! with `pdftoppm` has the chart's ink where the chart is. The recap's days are the day
//! reports' totals.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;

use chrono::NaiveDateTime;
use common::{at, close_counted, date, pdf_text, pojok, sell_whole, small_ledger, stderr};
use pojok::domain::{PaymentMethod, Rupiah};
use pojok::ledger::Ledger;

fn sell(ledger: &mut Ledger, lines: &[(&str, i64)], when: NaiveDateTime) {
    sell_whole(ledger, lines, PaymentMethod::Cash, when);
}

/// Three days of November: more each day.
fn november(path: &Path) -> Ledger {
    let mut ledger = small_ledger(path);
    for (day, n) in [("2026-11-23", 1), ("2026-11-24", 2), ("2026-11-25", 4)] {
        ledger
            .open_day(date(day), "Rina", Rupiah::ZERO, at(&format!("{day} 07:00")))
            .unwrap();
        sell(
            &mut ledger,
            &[("LMPR", n), ("BRS", n)],
            at(&format!("{day} 09:00")),
        );
        sell(&mut ledger, &[("KRPS", n)], at(&format!("{day} 10:00")));
        close_counted(&mut ledger, "Rina", at(&format!("{day} 17:00"))).unwrap();
    }
    ledger
}

/// Pixels of the charts' blue on each page of `pdf`, rendered at 40 dpi.
fn chart_ink(pdf: &Path, dir: &Path) -> Vec<usize> {
    let prefix = dir.join("page");
    let out = Command::new("pdftoppm")
        .args(["-r", "40"])
        .arg(pdf)
        .arg(&prefix)
        .output()
        .expect("pdftoppm (apt-get install poppler-utils)");
    assert!(out.status.success(), "{}", stderr(&out));
    let mut pages: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ppm"))
        .collect();
    pages.sort();
    pages
        .iter()
        .map(|p| blue_pixels(&std::fs::read(p).unwrap()))
        .collect()
}

/// In a binary PPM (`P6`), the pixels near the charts' fill (46, 107, 158).
fn blue_pixels(ppm: &[u8]) -> usize {
    // The header is three whitespace-separated fields after "P6", then one byte.
    let mut fields = 0;
    let mut i = 2;
    while fields < 3 {
        while ppm[i].is_ascii_whitespace() {
            i += 1;
        }
        while !ppm[i].is_ascii_whitespace() {
            i += 1;
        }
        fields += 1;
    }
    ppm[i + 1..]
        .chunks(3)
        .filter(|p| {
            p.len() == 3
                && p[0].abs_diff(46) < 30
                && p[1].abs_diff(107) < 30
                && p[2].abs_diff(158) < 30
        })
        .count()
}

#[test]
fn the_recaps_pdf_draws_turnover_per_umkm_and_day_by_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let ledger = november(&db);
    // The days of the recap are the day reports' totals.
    let recap = ledger
        .month_recap(date("2026-11-01"), date("2026-11-30"))
        .unwrap();
    assert_eq!(recap.daily.len(), 3);
    for (day, takings) in &recap.daily {
        assert_eq!(
            *takings,
            ledger.day_report(*day).unwrap().unwrap().sales.total
        );
    }
    drop(ledger);
    let pdf = dir.path().join("rekap.pdf");
    let out = pojok(
        &db,
        &[
            "recap",
            "--month",
            "2026-11",
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdf_text(&pdf);
    for shown in [
        "Omzet per UMKM",
        "Omzet harian",
        "Kue Bu Sri",
        "Kelompok Tani Makmur",
        "23 Nov 2026",
        "25 Nov 2026",
    ] {
        assert!(text.contains(shown), "{shown}:\n{text}");
    }
    // Sri sold 7 lemper (3.500) and 7 keripik (12.000): the bar's value.
    assert!(text.contains("Rp 108.500"), "{text}");
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    let ink = chart_ink(&pdf, &pages);
    assert!(
        ink.iter().sum::<usize>() > 200,
        "the charts are drawn: {ink:?}"
    );
}

#[test]
fn the_statements_pdf_draws_the_producers_sales_day_by_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    drop(november(&db));
    let pdf = dir.path().join("rekening.pdf");
    let out = pojok(
        &db,
        &[
            "statement",
            "--producer",
            "SRI",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdf_text(&pdf);
    assert!(text.contains("Penjualan harian"), "{text}");
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    assert!(chart_ink(&pdf, &pages).iter().sum::<usize>() > 50);
    // On text the same chart is rows of `#`.
    let out = pojok(
        &db,
        &[
            "statement",
            "--producer",
            "SRI",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--format",
            "text80",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Penjualan harian") && text.contains('#'),
        "{text}"
    );
}
