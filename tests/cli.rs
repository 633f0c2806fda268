//! The subcommands through the real binary, on a real ledger file.

mod common;

use common::*;
use pojok::domain::{Cart, Catalogue, PaymentMethod, Quantity, Rupiah, Tender};
use serde_json::Value;

/// A day with two sales (one voided) on the small catalogue, recorded through the library.
fn day_with_sales(path: &std::path::Path) {
    let mut ledger = small_ledger(path);
    rina_opens(&mut ledger, "2026-11-20", 200_000, "07:30");
    // 2 × Rp 3.500 + 1,25 kg × Rp 15.000 = 7.000 + 18.750 = 25.750, cash.
    sell_milli(
        &mut ledger,
        &[("LMPR", 2_000), ("BRS", 1_250)],
        PaymentMethod::Cash,
        "2026-11-20 08:00",
    );
    // 1 × Rp 12.000 by QRIS, then voided.
    let voided = sell_milli(
        &mut ledger,
        &[("KRPS", 1_000)],
        PaymentMethod::Qris,
        "2026-11-20 08:30",
    );
    ledger
        .void_sale(voided.id, "Salah barang", "Rina", at("2026-11-20 08:31"))
        .unwrap();
}

#[test]
fn report_day_json_has_the_documented_shape_and_hand_worked_figures() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    day_with_sales(&db);

    let out = pojok(&db, &["report", "day", "--date", "2026-11-20", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(json["date"], "2026-11-20");
    assert_eq!(json["sales"]["count"], 1);
    assert_eq!(json["sales"]["total"], 25_750);
    assert_eq!(json["voids"]["count"], 1);
    assert_eq!(json["voids"]["total"], 12_000);
    assert_eq!(json["payments"]["cash"], 25_750);
    assert_eq!(json["payments"]["qris"], 0);
    assert_eq!(json["payments"]["transfer"], 0);
    let producers = json["producers"].as_array().unwrap();
    assert_eq!(producers.len(), 2);
    // SRI: 7.000 gross; 85 % = 5.950 to the producer.
    assert_eq!(producers[0]["code"], "SRI");
    assert_eq!(producers[0]["name"], "Kue Bu Sri");
    assert_eq!(producers[0]["quantity"], 2);
    assert_eq!(producers[0]["gross"], 7_000);
    assert_eq!(producers[0]["producer_share"], 5_950);
    assert_eq!(producers[0]["corner_share"], 1_050);
    // TANI: 1,25 kg at producer price 13.500 = 16.875 of 18.750.
    assert_eq!(producers[1]["code"], "TANI");
    assert_eq!(producers[1]["quantity"], 1.25);
    assert_eq!(producers[1]["gross"], 18_750);
    assert_eq!(producers[1]["producer_share"], 16_875);
    assert_eq!(producers[1]["corner_share"], 1_875);
}

#[test]
fn report_day_defaults_to_the_open_day_and_prints_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    day_with_sales(&db);

    let out = pojok(&db, &["report", "day"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("20 Nov 2026"), "{text}");
    assert!(text.contains("Rp 25.750"), "{text}");
    assert!(
        text.contains("Kue Bu Sri") && text.contains("Kelompok Tani Makmur"),
        "{text}"
    );
    assert!(text.contains("Rp 16.875"), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");

    let en = pojok(&db, &["--lang", "en", "report", "day"]);
    assert!(en.status.success());
    assert_ne!(stdout(&en), text, "English labels differ from Indonesian");
}

#[test]
fn report_day_without_a_business_day_says_so_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    day_with_sales(&db);

    let out = pojok(&db, &["report", "day", "--date", "2026-11-21"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Tidak ada hari usaha pada tanggal 21 Nov 2026"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());

    // No such date in either order: named back to the user.
    let bad = pojok(&db, &["report", "day", "--date", "2026-21-11"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("2026-21-11"), "{}", stderr(&bad));
}

#[test]
fn a_report_on_a_ledger_that_is_not_there_says_so_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("nowhere").join("pojok.db");
    let out = pojok(&typo, &["report", "day"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("tidak ada"), "{}", stderr(&out));
    assert!(
        !typo.parent().unwrap().exists(),
        "no folder or file was created"
    );

    // A folder where the file should be.
    let out = pojok(dir.path(), &["--lang", "en", "report", "day"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("There is no ledger at"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_ledger_that_cannot_be_opened_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    std::fs::write(
        &db,
        "this is not a SQLite file, but a note someone saved here",
    )
    .unwrap();
    let out = pojok(&db, &["report", "day"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("bukan buku kas pojok"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&db).unwrap(),
        "this is not a SQLite file, but a note someone saved here"
    );
}

#[test]
fn help_lists_the_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let out = pojok(&dir.path().join("x.db"), &["--help"]);
    assert!(out.status.success());
    let text = stdout(&out);
    for word in ["demo", "report", "--db", "--lang", "--paper"] {
        assert!(text.contains(word), "{word} missing from:\n{text}");
    }
}

/// The help of every command and subcommand, through the binary: Indonesian by default
/// (every command's and option's own text, and clap's words), English with `--lang en` or
/// `POJOK_LANG=en`.
#[test]
fn every_commands_help_is_indonesian_by_default_and_english_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let t = pojok::strings::Lang::Id.help();
    let english = pojok::cli::command();
    let places = pojok::cli_help::places(&english);
    let commands: Vec<&String> = places.iter().filter(|p| !p.contains("--")).collect();
    assert!(commands.len() > 20, "{commands:?}");
    for path in commands {
        let words: Vec<&str> = path.split_whitespace().collect();
        let mut args = words.clone();
        args.push("--help");
        let out = pojok(&db, &args);
        assert!(out.status.success(), "{path}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("Penggunaan:"), "{path}:\n{text}");
        assert!(text.contains((t.text)(path).unwrap()), "{path}:\n{text}");
        for place in places
            .iter()
            .filter(|p| p.starts_with(&format!("{path} --").trim_start().to_string()))
        {
            let option = place.rsplit_once("--").unwrap().0.trim_end();
            if option != path.as_str() {
                continue;
            }
            assert!(text.contains((t.text)(place).unwrap()), "{place}:\n{text}");
        }
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Print help",
            "[default:",
            "[OPTIONS]",
        ] {
            assert!(!text.contains(english), "{path}: {english}\n{text}");
        }
        // English when asked, on the command line or in the environment.
        let mut args = words.clone();
        args.extend(["--help", "--lang", "en"]);
        let en = stdout(&pojok(&db, &args));
        let about = words
            .iter()
            .fold(&english, |cmd, name| cmd.find_subcommand(name).unwrap())
            .get_about()
            .unwrap()
            .to_string();
        assert!(
            en.contains("Usage:") && en.contains(&about),
            "{path}:\n{en}"
        );
        assert!(!en.contains("Penggunaan:"), "{path}:\n{en}");
        let mut args = words.clone();
        args.push("--help");
        let by_env = stdout(&pojok_env(&db, &args, &[("POJOK_LANG", "en")]));
        // The same page, but for the environment's value it shows.
        assert_eq!(
            by_env.replace("POJOK_LANG=en]", "POJOK_LANG=]"),
            en,
            "{path}"
        );
    }
    // A refused command line says why in the same language.
    let out = pojok(&db, &["report", "day", "--date", "kemarin"]);
    assert!(
        stderr(&out).contains("\"kemarin\" bukan tanggal"),
        "{}",
        stderr(&out)
    );
    let out = pojok(&db, &["verify", "--lang", "en", "--nope"]);
    assert!(
        stderr(&out).contains("unknown argument: '--nope'"),
        "{}",
        stderr(&out)
    );
    let out = pojok(&db, &["verfy"]);
    assert!(
        stderr(&out).contains("perintah tidak dikenal: 'verfy'"),
        "{}",
        stderr(&out)
    );
    assert!(!db.exists(), "help and refusals never create a ledger");
}

/// What the operating system refused is said in the UI language, not in its English.
#[test]
fn a_missing_file_is_named_in_the_ui_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    drop(small_ledger(&db));
    let missing = dir.path().join("tidak-ada.csv");
    let path = missing.to_str().unwrap();
    let id = stderr(&pojok(&db, &["import", "products", path]));
    assert!(id.contains("tidak bisa dibaca: tidak ditemukan"), "{id}");
    let en = stderr(&pojok(&db, &["import", "products", path, "--lang", "en"]));
    assert!(
        en.contains("Cannot read") && en.contains("not found"),
        "{en}"
    );
    for said in [&id, &en] {
        assert!(
            !said.contains("os error") && !said.contains("No such file"),
            "{said}"
        );
    }
}

/// A closed day with every kind of till money: float 100.000; a cash sale of 2 lemper
/// (7.000, 10.000 handed over), a QRIS sale of keripik (12.000), 1 kg beras on Budi's tab
/// (15.000); cash out 2.000 (parking), Budi pays 5.000 by transfer, SRI is paid out 4.000
/// in cash; 100.500 counted against 101.000 expected.
#[test]
fn report_day_json_on_a_closed_day_carries_the_close_figures() {
    use pojok::domain::{CashCount, CashDirection, NewCustomer};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&db);
    rina_opens(&mut ledger, "2026-11-21", 100_000, "07:00");
    let budi = ledger
        .add_customer(
            &NewCustomer {
                name: "Budi".into(),
                ..NewCustomer::default()
            },
            at("2026-11-21 07:00"),
        )
        .unwrap()
        .id;
    let catalogue = Catalogue::new(ledger.active_products().unwrap());
    let mut sell = |code: &str, n: i64, tender: Tender, time: &str| {
        let mut cart = Cart::default();
        cart.add(catalogue.lookup(code).unwrap(), Quantity::whole(n))
            .unwrap();
        ledger
            .record_sale(&cart, &tender.payments, "Rina", at(time))
            .unwrap();
    };
    let mut cash = Tender::new(Rupiah(7_000));
    cash.pay_rest(PaymentMethod::Cash, Some(Rupiah(10_000)))
        .unwrap();
    sell("LMPR", 2, cash, "2026-11-21 08:00");
    let mut qris = Tender::new(Rupiah(12_000));
    qris.pay_rest(PaymentMethod::Qris, None).unwrap();
    sell("KRPS", 1, qris, "2026-11-21 08:10");
    let mut tab = Tender::new(Rupiah(15_000));
    tab.pay_tab(budi, None).unwrap();
    sell("BRS", 1, tab, "2026-11-21 08:20");
    ledger
        .record_cash_move(
            CashDirection::Out,
            Rupiah(2_000),
            "Parkir",
            "Rina",
            at("2026-11-21 09:00"),
        )
        .unwrap();
    ledger
        .record_tab_payment(
            budi,
            PaymentMethod::Transfer,
            Rupiah(5_000),
            "",
            "Rina",
            at("2026-11-21 10:00"),
        )
        .unwrap();
    ledger
        .pay_producer(
            "SRI",
            pojok::domain::PayoutMethod::Cash,
            Rupiah(4_000),
            "",
            "Rina",
            at("2026-11-21 16:00"),
        )
        .unwrap();
    ledger
        .close_day(
            &CashCount::Total(Rupiah(100_500)),
            "Kurang 500",
            "Rina",
            at("2026-11-21 17:00"),
        )
        .unwrap();
    drop(ledger);

    let out = pojok(&db, &["report", "day", "--date", "2026-11-21", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(json["closed"], true);
    assert_eq!(json["payments"]["cash"], 7_000);
    assert_eq!(json["payments"]["tab"], 15_000);
    let cash = &json["cash"];
    assert_eq!(cash["float"], 100_000);
    assert_eq!(cash["sales"], 7_000);
    assert_eq!(cash["tab_payments"], 0);
    assert_eq!(cash["cash_out"], 2_000);
    assert_eq!(cash["payouts"], 4_000);
    // 100.000 + 7.000 − 2.000 − 4.000.
    assert_eq!(json["expected_cash"], 101_000);
    assert_eq!(json["count"]["counted"], 100_500);
    assert_eq!(json["count"]["variance"], -500);
    assert_eq!(json["count"]["reason"], "Kurang 500");
    assert_eq!(json["count"]["denominations"], Value::Null);
    assert_eq!(json["cash_moves"][0]["direction"], "out");
    assert_eq!(json["cash_moves"][0]["reason"], "Parkir");
    assert_eq!(json["tab_payments"]["transfer"], 5_000);
    assert_eq!(json["payouts"][0]["producer_code"], "SRI");
    assert_eq!(json["payouts"][0]["amount"], 4_000);
    assert_eq!(json["to_check"]["qris"], 12_000);
    assert_eq!(json["to_check"]["transfer"], 5_000);
    assert_eq!(json["corrections"].as_array().unwrap().len(), 0);
    // The close was the last entry: its chain head is the one `pojok verify` prints now.
    let verify = pojok(&db, &["verify"]);
    assert!(verify.status.success(), "{}", stdout(&verify));
    let head = json["chain_head"].as_str().expect("a chain head");
    assert!(
        stdout(&verify).contains(head),
        "{head} in {}",
        stdout(&verify)
    );
}

#[test]
fn dates_are_taken_in_the_indonesian_order_too_and_a_bad_one_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&db);
    rina_opens(&mut ledger, "2026-11-21", 50_000, "07:00");
    drop(ledger);
    let iso = pojok(&db, &["report", "day", "--date", "2026-11-21", "--json"]);
    assert!(iso.status.success(), "{}", stderr(&iso));
    for written in ["21-11-2026", "21/11/2026"] {
        let local = pojok(&db, &["report", "day", "--date", written, "--json"]);
        assert_eq!(stdout(&local), stdout(&iso), "{written}");
    }
    let bad = pojok(&db, &["report", "day", "--date", "31-02-2026"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("bukan tanggal"), "{}", stderr(&bad));
}

#[test]
fn a_ledger_and_a_printout_in_folders_with_spaces_and_non_ascii_names() {
    // As a Windows user folder can be: `C:\Users\Bu Siti Ñoño\AppData\Roaming\pojok`.
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Bu Siti Ñoño").join("Data Kasir");
    std::fs::create_dir_all(&folder).unwrap();
    let db = folder.join("pojok.db");
    day_with_sales(&db);
    let out = pojok(&db, &["report", "day"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Rp 25.750"), "{}", stdout(&out));

    let slip = folder.join("slip bagi hasil.txt");
    let args = [
        "settlement",
        "--date",
        "2026-11-20",
        "--format",
        "text58",
        "--out",
    ];
    let out = pojok(&db, &[&args[..], &[slip.to_str().unwrap()]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read(&slip).unwrap();
    let lf = text.iter().filter(|b| **b == b'\n').count();
    let crlf = text.windows(2).filter(|w| w == b"\r\n").count();
    assert!(lf > 5, "{}", String::from_utf8_lossy(&text));
    // Notepad's line ends on Windows; plain ones elsewhere.
    assert_eq!(crlf, if cfg!(windows) { lf } else { 0 });
    assert!(String::from_utf8_lossy(&text).contains("Kue Bu Sri"));
}

/// A demo ledger written by the pojok before V18 (whose sales each wrote a stock move per
/// line), migrated, prints its stock sheet, a settlement and a statement byte for byte as
/// that version printed them (the fixtures beside it are its own output on the same file).
#[test]
fn a_file_from_before_v18_prints_what_that_version_printed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    std::fs::copy(fixtures.join("demo-v17.db"), &db).unwrap();
    drop(pojok::ledger::Ledger::open(&db).unwrap());
    let sheet = dir.path().join("stock.csv");
    let day = ["--from", "2026-12-05", "--to", "2026-12-05"];
    let mut args = vec!["export", "stock", "--out", sheet.to_str().unwrap()];
    args.extend(day);
    let run = pojok(&db, &args);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(
        std::fs::read_to_string(&sheet).unwrap(),
        std::fs::read_to_string(fixtures.join("demo-v17-stock.csv")).unwrap()
    );
    let settlement = ["settlement", "--date", "2026-12-05"];
    let mut statement = vec!["statement", "--producer", "SRI"];
    statement.extend(day);
    for (args, printed) in [
        (&settlement[..], "demo-v17-settlement.txt"),
        (&statement[..], "demo-v17-statement-SRI.txt"),
    ] {
        let run = pojok(&db, args);
        assert!(run.status.success(), "{}", stderr(&run));
        assert_eq!(
            stdout(&run),
            std::fs::read_to_string(fixtures.join(printed)).unwrap(),
            "{printed}"
        );
    }
}
