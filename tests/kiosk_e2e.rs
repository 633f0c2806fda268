//! The real binary in a real terminal (tmux), driven key by key as an attendant would.
// Driven through tmux, which a Windows test under Wine cannot start (README: Windows).
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

use common::*;
use pojok::ledger::Ledger;
use serde_json::Value;

fn report_json(db: &Path) -> Value {
    let out = pojok(db, &["report", "day", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn a_sale_rung_up_at_the_keyboard_is_in_the_day_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    add_users(&mut small_ledger(&db));

    // `--attendant` picks Rina on the sign-in screen: her PIN is all it takes.
    let tmux = Tmux::kiosk(dir.path(), &db, "--attendant Rina");
    tmux.pin_in(RINA_PIN);
    tmux.open_day("200.000", "Kasir: Rina");

    // One by barcode, two by code, one through the search list.
    tmux.type_text("8998201000016");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Keripik Pisang");
    tmux.type_text("2*lmpr");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Lemper Ayam");
    tmux.type_text("beras");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Cari");
    tmux.keys(&["Enter"]);
    // 12.000 + 2 × 3.500 + 15.000
    let screen = tmux.wait_for("Rp 34.000");
    assert!(screen.contains("Beras Pandan Wangi"), "{screen}");
    assert!(
        screen.contains("Kue Bu Sri") && screen.contains("Kelompok T"),
        "{screen}"
    );

    tmux.keys(&["F2"]);
    tmux.wait_for("Tunai");
    tmux.type_text("50.000");
    tmux.wait_for("Kembalian");
    // A person's Enter comes a moment after the amount: keys within milliseconds of each
    // other, Enter last, are a scanner's, and the pay dialog refuses a scan.
    sleep(Duration::from_millis(150));
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("No. 1");
    assert!(screen.contains("Rp 16.000"), "change due shown:\n{screen}");
    assert!(
        screen.contains("1 penjualan") && screen.contains("Rp 34.000"),
        "{screen}"
    );
    tmux.keys(&["C-q"]);
    tmux.wait_exit();

    let json = report_json(&db);
    assert_eq!(json["sales"]["count"], 1);
    assert_eq!(json["sales"]["total"], 34_000);
    assert_eq!(json["voids"]["count"], 0);
    assert_eq!(json["payments"]["cash"], 34_000);
    assert_eq!(json["payments"]["qris"], 0);
    let producers = json["producers"].as_array().unwrap();
    // SRI, 15 %: 19.000 gross → 16.150 / 2.850. TANI, producer price 13.500/kg: 15.000 → 13.500 / 1.500.
    assert_eq!(
        (
            &producers[0]["code"],
            &producers[0]["quantity"],
            &producers[0]["gross"]
        ),
        (&Value::from("SRI"), &Value::from(3), &Value::from(19_000))
    );
    assert_eq!(producers[0]["producer_share"], 16_150);
    assert_eq!(producers[0]["corner_share"], 2_850);
    assert_eq!(producers[1]["code"], "TANI");
    assert_eq!(producers[1]["gross"], 15_000);
    assert_eq!(producers[1]["producer_share"], 13_500);
    assert_eq!(producers[1]["corner_share"], 1_500);

    let date = json["date"].as_str().unwrap();
    let receipt = std::fs::read_to_string(
        dir.path()
            .join("printouts")
            .join(date)
            .join("struk-0001.txt"),
    )
    .expect("the receipt is written beside the ledger");
    assert!(
        receipt.contains("Rp 34.000")
            && receipt.contains("Kembalian")
            && receipt.contains("Rp 16.000"),
        "{receipt}"
    );
}

#[test]
fn the_cart_survives_the_kiosk_being_killed_mid_sale() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&db);
    add_users(&mut ledger);
    ledger
        .open_day(
            chrono::Local::now().date_naive(),
            "Rina",
            pojok::domain::Rupiah(0),
            chrono::Local::now().naive_local(),
        )
        .unwrap();
    drop(ledger);

    let tmux = Tmux::kiosk(dir.path(), &db, "");
    tmux.login("Rina", RINA_PIN);
    tmux.wait_for("Kasir: Rina");
    tmux.type_text("3*LMPR");
    tmux.keys(&["Enter"]);
    tmux.type_text("KRPS");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Rp 22.500");
    kill_hard(tmux.pid());
    tmux.wait_exit();
    drop(tmux);

    let tmux = Tmux::kiosk(dir.path(), &db, "");
    // The sign-in screen shows nothing of the cart; once signed in, it is back.
    let screen = tmux.wait_for("PIN");
    assert!(!screen.contains("Lemper"), "{screen}");
    tmux.login("Rina", RINA_PIN);
    let screen = tmux.wait_for("Rp 22.500");
    assert!(
        screen.contains("Lemper Ayam") && screen.contains("Keripik Pisang"),
        "{screen}"
    );
    // And it can be paid for as usual.
    tmux.pay_exact_cash("No. 1");
    tmux.keys(&["C-q"]);
    tmux.wait_exit();
    assert_eq!(report_json(&db)["sales"]["total"], 22_500);
    assert!(
        Ledger::open(&db).unwrap().load_draft().unwrap().is_none(),
        "the sale cleared the draft"
    );
}

fn kill_hard(pid: u32) {
    let status = Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// The sale numbers of the receipt files in `folder` (originals only).
fn receipt_numbers(folder: &Path) -> Vec<i64> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut numbers: Vec<i64> = entries
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .to_str()?
                .strip_prefix("struk-")?
                .strip_suffix(".txt")?
                .parse()
                .ok()
        })
        .collect();
    numbers.sort();
    numbers
}

/// The count of sales on the status line ("12 penjualan"), if the till is showing.
fn confirmed_on_screen(screen: &str) -> Option<usize> {
    let words: Vec<&str> = screen.split_whitespace().collect();
    words
        .windows(2)
        .find(|w| w[1] == "penjualan")
        .and_then(|w| w[0].parse().ok())
}

/// SIGKILL at random moments while sales are being committed, round after round (100 by
/// default; `POJOK_KILL_ROUNDS` for a longer run). Each round counts three things: the sales
/// the screen had confirmed, the sales in the ledger, the receipt files. None confirmed is
/// missing, no receipt names a sale that is not there, every sale is whole, and at the next
/// start the sale a kill caught between its commit and its paper gets its receipt.
#[test]
fn killing_the_kiosk_while_it_commits_sales_loses_no_committed_sale() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&db);
    add_users(&mut ledger);
    let today = chrono::Local::now().date_naive();
    ledger
        .open_day(
            today,
            "Rina",
            pojok::domain::Rupiah(0),
            chrono::Local::now().naive_local(),
        )
        .unwrap();
    drop(ledger);
    let receipts = dir.path().join("printouts").join(today.to_string());
    let rounds: usize = std::env::var("POJOK_KILL_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);

    const PER_ROUND: usize = 40;
    let (mut interrupted, mut recovered, mut checked) = (0, 0, 0);
    let mut seed: u64 = 0x5eed;
    for round in 0..rounds {
        let tmux = Tmux::kiosk(dir.path(), &db, "");
        let start = tmux.wait_for("PIN");
        // The start checks have run: every sale in the ledger has its receipt now.
        let sales = Ledger::open_read_only(&db)
            .unwrap()
            .sales_of_open_day()
            .unwrap();
        let mut numbers: Vec<i64> = sales.iter().map(|s| s.number).collect();
        numbers.sort();
        assert_eq!(
            receipt_numbers(&receipts),
            numbers,
            "round {round}: at start"
        );
        if start.contains("Penjualan terakhir No.") {
            recovered += 1;
        }
        tmux.login("Rina", RINA_PIN);
        tmux.wait_for("Kasir: Rina");
        // One key batch for many sales: code, Enter, pay, exact cash.
        let mut keys = Vec::new();
        for _ in 0..PER_ROUND {
            keys.extend(["L", "M", "P", "R", "Enter", "F2", "Enter"]);
        }
        tmux.keys(&keys);
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let delay_ms = 20 + (seed >> 33) % 400;
        sleep(Duration::from_millis(delay_ms));
        let confirmed = confirmed_on_screen(&tmux.screen());
        kill_hard(tmux.pid());
        tmux.wait_exit();
        drop(tmux);

        let ledger = Ledger::open_read_only(&db).unwrap();
        let mut sales = ledger.sales_of_open_day().unwrap();
        sales.sort_by_key(|s| s.number);
        let numbers: Vec<i64> = sales.iter().map(|s| s.number).collect();
        if let Some(confirmed) = confirmed {
            assert!(
                confirmed <= numbers.len(),
                "round {round}: the screen confirmed {confirmed}, the ledger has {}",
                numbers.len()
            );
        }
        for n in receipt_numbers(&receipts) {
            assert!(
                numbers.contains(&n),
                "round {round}: receipt {n} written but sale missing; ledger has {numbers:?}"
            );
        }
        for s in &sales[checked..] {
            let sale = ledger.sale(s.id).unwrap();
            let lines: pojok::domain::Rupiah = sale.lines.iter().map(|l| l.total).sum();
            let paid: pojok::domain::Rupiah =
                sale.payments.iter().map(|p| p.tendered - p.change).sum();
            assert_eq!((lines, paid), (sale.total, sale.total), "round {round}");
        }
        if numbers.len() < checked + PER_ROUND {
            interrupted += 1;
        }
        checked = numbers.len();
        assert!(ledger.quick_check().unwrap().is_empty(), "round {round}");
    }
    let out = pojok(&db, &["verify"]);
    assert!(out.status.success(), "{}", stdout(&out));
    eprintln!(
        "{rounds} kills: {checked} sales, every one with its receipt; {interrupted} rounds \
         cut mid-batch, {recovered} receipts written at the next start"
    );
    assert!(checked > 0, "sales were committed across the rounds");
    assert!(
        interrupted > 0,
        "at least one kill landed while sales were still being committed"
    );
}

#[test]
fn demo_with_a_path_seeds_it_and_runs_the_kiosk() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let tmux = Tmux::start(
        dir.path(),
        &format!("exec {BIN} demo --db '{}'", db.display()),
    );
    // The demo says whom to sign in as.
    tmux.wait_for("Rina (Kasir) PIN 1111, Budi (Pengelola) PIN 9999");
    tmux.login("Rina", "1111");
    let screen = tmux.wait_for("Kasir: Rina");
    assert!(screen.contains("13 penjualan"), "{screen}");
    tmux.keys(&["F10"]);
    tmux.wait_for("13 sales");
    tmux.keys(&["C-q"]);
    tmux.wait_exit();
    let json = report_json(&db);
    assert_eq!(json["sales"]["count"], 13);
    assert_eq!(json["voids"]["count"], 1);
    assert_eq!(json["producers"].as_array().unwrap().len(), 8);
}

#[test]
fn demo_never_seeds_the_ledger_named_in_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.db");
    let tmux = Tmux::start(
        dir.path(),
        &format!("exec env POJOK_DB='{}' {BIN} demo", real.display()),
    );
    tmux.login("Rina", "1111");
    tmux.wait_for("Kasir: Rina");
    tmux.keys(&["C-q"]);
    tmux.wait_exit();
    assert!(
        !real.exists(),
        "the demo ran on a throwaway ledger, not on POJOK_DB"
    );
}

/// Stock at the keyboard: an intake typed and scanned on the demo ledger, part of it sold,
/// the daily goods returned; the stock screen and the slips agree with what was done.
#[test]
fn an_intake_sold_in_part_then_returned_as_daily_goods_shows_on_the_stock_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let tmux = Tmux::kiosk(dir.path(), &db, "demo");
    tmux.login("Rina", "1111");
    tmux.wait_for("Kasir: Rina");
    tmux.keys(&["C-q"]);
    tmux.wait_exit();
    drop(tmux);

    // Nagasari before: what the demo's morning left of it.
    let ledger = Ledger::open(&db).unwrap();
    let day = ledger
        .open_day_status()
        .unwrap()
        .expect("the demo opens a day")
        .day;
    let before = ledger
        .stock_levels(Some(day.date))
        .unwrap()
        .into_iter()
        .find(|l| l.code == "NGSR")
        .unwrap();
    drop(ledger);
    let whole = |q: pojok::domain::StockQuantity| q.milli() / 1000;

    let tmux = Tmux::kiosk(dir.path(), &db, "");
    tmux.login("Rina", "1111");
    tmux.wait_for("Kasir: Rina");
    tmux.keys(&["F3"]);
    tmux.wait_for("Stok barang titipan");
    tmux.type_text("ngsr");
    tmux.wait_for("Produsen: SRI");
    tmux.keys(&["F2"]);
    tmux.wait_for("Barang masuk: SRI");
    tmux.type_text("4*NGSR");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Nagasari");
    // Two scans of the same code make one line of two.
    tmux.type_text("LAPIS");
    tmux.keys(&["Enter"]);
    tmux.type_text("lapis");
    tmux.keys(&["Enter"]);
    tmux.wait_for("2 pcs");
    tmux.keys(&["F2"]);
    tmux.wait_for("(2 baris)");
    tmux.keys(&["y"]);
    let screen = tmux.wait_for("Barang masuk no. 9 dicatat");
    assert!(screen.contains("Stok barang titipan"), "{screen}");

    // Three sold at the till.
    tmux.keys(&["Escape"]);
    tmux.wait_for("Kode / cari");
    tmux.type_text("3*NGSR");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Nagasari");
    tmux.pay_exact_cash("Kembalian");

    // The afternoon: every daily good left goes back.
    tmux.keys(&["F3"]);
    tmux.wait_for("Stok barang titipan");
    tmux.keys(&["F8"]);
    tmux.wait_for("Kembalikan SEMUA");
    tmux.keys(&["y"]);
    tmux.wait_for("Barang harian dikembalikan");
    tmux.type_text("ngsr");
    tmux.wait_for("Produsen: SRI");
    let screen = tmux.screen();
    let row = screen
        .lines()
        .find(|l| l.contains("Nagasari"))
        .unwrap_or_else(|| panic!("{screen}"));
    let numbers: Vec<i64> = row
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    let left = whole(before.on_hand) + 4 - 3;
    assert_eq!(
        numbers,
        [
            0,
            whole(before.day.received) + 4,
            whole(before.day.sold) + 3,
            whole(before.day.returned) + left,
        ],
        "on hand, received, sold, returned:\n{screen}"
    );
    tmux.keys(&["C-q"]);
    tmux.wait_exit();

    let ledger = Ledger::open(&db).unwrap();
    assert!(ledger.stock_matches_history().unwrap().is_empty());
    let folder = dir.path().join("printouts").join(day.date.to_string());
    let slips: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("titipan-") || name.starts_with("retur-"))
        .collect();
    let read = |prefix: &str| {
        slips
            .iter()
            .filter(|name| name.starts_with(prefix))
            .map(|name| std::fs::read_to_string(folder.join(name)).unwrap())
            .collect::<Vec<_>>()
    };
    let intakes = read("titipan-");
    assert_eq!(intakes.len(), 1, "{slips:?}");
    assert!(
        intakes[0].contains("Nagasari")
            && intakes[0].contains("Kue Lapis")
            && intakes[0].contains("TANDA TERIMA TITIPAN")
            && intakes[0].contains("Penyerah")
            && intakes[0].contains("Penerima"),
        "{}",
        intakes[0]
    );
    assert!(
        read("retur-")
            .iter()
            .any(|s| s.contains("Nagasari") && s.contains("TANDA TERIMA RETUR")),
        "{slips:?}"
    );
}
