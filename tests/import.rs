//! `pojok import` and `pojok export` through the real binary, on real ledger files: every
//! kind of bad row refuses the whole file and names its line, `--skip-bad` and `--dry-run`
//! do what they say, an export imports back unchanged, and the example files import cleanly.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use pojok::domain::{Quantity, Rupiah, Scheme, StockQuantity};
use pojok::ledger::{BatchMode, Ledger};

const PRODUCTS_HEADER: &str =
    "code,barcode,name,variant,unit,price,producer,producer_price,min_stock,daily\n";
const PRODUCERS_HEADER: &str = "code,name,phone,address,account,scheme,rate_percent\n";
const INTAKE_HEADER: &str = "producer,code,quantity,best_before\n";

/// A good products row, so that each bad file shows the good rows are refused with it.
const GOOD_PRODUCT: &str = "ONDE,,Onde-onde,,pcs,2500,SRI,,,ya\n";
const GOOD_PRODUCER: &str = "DEWI,Dewi Craft,0811,,,percentage,10\n";
const GOOD_INTAKE: &str = "SRI,LMPR,20,\n";

struct Fixture {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("pojok.db");
        small_ledger(&db);
        Fixture { dir, db }
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn import(&self, kind: &str, file: &Path, extra: &[&str]) -> std::process::Output {
        let mut args = vec!["--lang", "en", "import", kind, file.to_str().unwrap()];
        args.extend_from_slice(extra);
        pojok(&self.db, &args)
    }

    /// `pojok import KIND FILE --manager NAME` in Indonesian, `pin` typed at its prompt.
    fn import_as_manager(
        &self,
        kind: &str,
        file: &Path,
        name: &str,
        pin: &str,
    ) -> std::process::Output {
        let args = ["import", kind, file.to_str().unwrap(), "--manager", name];
        pojok_with_input(&self.db, &args, &format!("{pin}\n"))
    }

    fn ledger(&self) -> Ledger {
        Ledger::open(&self.db).unwrap()
    }

    /// Everything an import can change: the catalogue, stock and history of prices.
    fn state(&self) -> String {
        let ledger = self.ledger();
        let history: Vec<_> = ["LMPR", "KRPS", "BRS"]
            .iter()
            .map(|c| ledger.price_changes(c).unwrap())
            .collect();
        format!(
            "{:?}\n{:?}\n{:?}\n{:?}",
            ledger.producers().unwrap(),
            ledger.products().unwrap(),
            ledger.stock_levels(None).unwrap(),
            history
        )
    }

    fn on_hand(&self, code: &str) -> StockQuantity {
        self.ledger()
            .stock_levels(None)
            .unwrap()
            .into_iter()
            .find(|l| l.code == code)
            .map(|l| l.on_hand)
            .unwrap_or(StockQuantity::ZERO)
    }
}

/// Each bad file: a good row on line 2, the bad row on line 3. Nothing may change, the exit
/// is non-zero, and the message names line 3 and the problem.
fn assert_refused(kind: &str, header: &str, good: &str, bad: &[u8], expected: &str) {
    let fx = Fixture::new();
    let before = fx.state();
    let mut bytes = format!("{header}{good}").into_bytes();
    bytes.extend_from_slice(bad);
    let file = fx.file("bad.csv", &bytes);
    let out = fx.import(kind, &file, &[]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{expected}: accepted\n{err}");
    assert!(
        err.contains(&format!("line 3: {expected}")),
        "expected `line 3: {expected}` in:\n{err}"
    );
    assert!(err.contains("nothing imported"), "{err}");
    assert_eq!(fx.state(), before, "{expected}: the ledger changed");
}

#[test]
fn every_kind_of_bad_product_row_refuses_the_whole_file() {
    let long_name = "N".repeat(81);
    let cases: Vec<(String, &str)> = vec![
        (
            "X1,,Roti,,pcs,5000,XYZ,,,0\n".into(),
            "unknown producer XYZ",
        ),
        (
            "ONDE,,Onde lagi,,pcs,2500,SRI,,,0\n".into(),
            "code ONDE is already on line 2",
        ),
        (
            "X1,8998201000016,Roti,,pcs,5000,SRI,,,0\n".into(),
            "barcode 8998201000016 is already used by product KRPS",
        ),
        (
            "X1,,Roti,,pcs,0,SRI,,,0\n".into(),
            "price \"0\" is not an amount above zero",
        ),
        (
            "X1,,Roti,,pcs,-5000,SRI,,,0\n".into(),
            "price \"-5000\" is not an amount above zero",
        ),
        (
            "X1,,Roti,,pcs,lima ribu,SRI,,,0\n".into(),
            "price \"lima ribu\" is not an amount above zero",
        ),
        (
            "X1,,Roti,,lusin,5000,SRI,,,0\n".into(),
            "unknown unit \"lusin\"",
        ),
        ("X1,,,,pcs,5000,SRI,,,0\n".into(), "column name is empty"),
        (
            format!("X1,,{long_name},,pcs,5000,SRI,,,0\n"),
            "column name is longer than 80 characters",
        ),
        (
            "X1,,Ro\u{7}ti,,pcs,5000,SRI,,,0\n".into(),
            "column name holds a control character",
        ),
        ("X1,,Roti,pcs,5000,SRI\n".into(), "6 columns, expected 10"),
        (
            "X1,,Roti,,pcs,5000,SRI,4000,,0\n".into(),
            "producer SRI is paid by percentage: a producer price does not apply",
        ),
        (
            "X1,,Jagung,,kg,9000,TANI,,,0\n".into(),
            "producer TANI is paid by producer price: give producer_price",
        ),
        (
            "X1,,Jagung,,kg,9000,TANI,9500,,0\n".into(),
            "the producer price is above the selling price",
        ),
        (
            "X1,,Roti,,pcs,5000,SRI,,\"1,5\",0\n".into(),
            "min_stock \"1,5\" is not a valid quantity",
        ),
        (
            "X1,,Roti,,pcs,5000,SRI,,,kadang\n".into(),
            "daily \"kadang\": use yes or no",
        ),
        (
            "LMPR,,Lemper Ayam,,kg,3500,SRI,,,0\n".into(),
            "the unit and producer of product LMPR cannot change",
        ),
    ];
    for (bad, expected) in cases {
        assert_refused(
            "products",
            PRODUCTS_HEADER,
            GOOD_PRODUCT,
            bad.as_bytes(),
            expected,
        );
    }
    // The same barcode twice within one file.
    assert_refused(
        "products",
        PRODUCTS_HEADER,
        "X1,8990000000001,Roti,,pcs,5000,SRI,,,0\n",
        b"X2,8990000000001,Bolu,,pcs,5000,SRI,,,0\n",
        "barcode 8990000000001 is already on line 2",
    );
}

#[test]
fn every_kind_of_bad_producer_row_refuses_the_whole_file() {
    for (bad, expected) in [
        ("EKO,Eko,,,,persen,10\n", "unknown scheme \"persen\""),
        (
            "EKO,Eko,,,,percentage,sepuluh\n",
            "\"sepuluh\" is not a valid percentage",
        ),
        (
            "EKO,Eko,,,,percentage,150\n",
            "\"150\" is not a valid percentage",
        ),
        (
            "EKO,Eko,,,,producer_price,10\n",
            "a rate does not apply to the producer_price scheme",
        ),
        ("DEWI,Dewi lagi,,,,,\n", "code DEWI is already on line 2"),
        ("EKO,,,,,,\n", "column name is empty"),
        (
            "EKO,Eko\u{1b}[31m,,,,,\n",
            "column name holds a control character",
        ),
        ("EKO,Eko\n", "2 columns, expected 7"),
        (
            "SRI,Kue Bu Sri,,,,producer_price,\n",
            "producer SRI has products: switch to producer price on the producers screen",
        ),
    ] {
        assert_refused(
            "producers",
            PRODUCERS_HEADER,
            GOOD_PRODUCER,
            bad.as_bytes(),
            expected,
        );
    }
}

#[test]
fn every_kind_of_bad_intake_row_refuses_the_whole_file() {
    for (bad, expected) in [
        ("XYZ,LMPR,5,\n", "unknown producer XYZ"),
        ("SRI,ROTI,5,\n", "unknown product ROTI"),
        (
            "SRI,BRS,5,\n",
            "product BRS does not belong to producer SRI",
        ),
        (
            "SRI,LMPR,\"1,5\",\n",
            "quantity \"1,5\" is not a valid quantity",
        ),
        ("SRI,LMPR,-2,\n", "quantity \"-2\" is not a valid quantity"),
        ("SRI,LMPR,0,\n", "quantity \"0\" is not a valid quantity"),
        ("SRI,LMPR,5,31/02/2027\n", "\"31/02/2027\" is not a date"),
        ("SRI,LMPR,5,besok\n", "\"besok\" is not a date"),
        ("SRI,LMPR\n", "2 columns, expected 4"),
    ] {
        assert_refused(
            "intake",
            INTAKE_HEADER,
            GOOD_INTAKE,
            bad.as_bytes(),
            expected,
        );
    }
    // A deactivated product takes no delivery.
    let fx = Fixture::new();
    fx.ledger().deactivate_product("KRPS").unwrap();
    let before = fx.state();
    let file = fx.file(
        "in.csv",
        format!("{INTAKE_HEADER}{GOOD_INTAKE}SRI,KRPS,3,\n").as_bytes(),
    );
    let out = fx.import("intake", &file, &[]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("line 3: product KRPS is deactivated"));
    assert_eq!(fx.state(), before);
}

#[test]
fn a_file_that_is_not_utf8_or_has_no_header_is_refused_whole() {
    let fx = Fixture::new();
    let before = fx.state();
    let mut bytes = format!("{PRODUCTS_HEADER}{GOOD_PRODUCT}").into_bytes();
    bytes.extend_from_slice(b"X1,,Kue \xe9clair,,pcs,5000,SRI,,,0\n");
    let out = fx.import("products", &fx.file("latin1.csv", &bytes), &[]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("line 3: the file is not UTF-8 text"),
        "{}",
        stderr(&out)
    );

    let out = fx.import(
        "products",
        &fx.file("nohead.csv", GOOD_PRODUCT.as_bytes()),
        &[],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("line 1: wrong header row"));

    let out = fx.import("products", &fx.file("empty.csv", b""), &[]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("line 1: the header row is missing"));
    assert_eq!(fx.state(), before);
}

#[test]
fn refusals_are_said_in_the_interface_language() {
    let fx = Fixture::new();
    let file = fx.file(
        "bad.csv",
        format!("{PRODUCTS_HEADER}{GOOD_PRODUCT}X1,,Roti,,lusin,5000,SRI,,,0\n").as_bytes(),
    );
    let out = pojok(
        &fx.db,
        &["--lang", "id", "import", "products", file.to_str().unwrap()],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("baris 3: satuan \"lusin\" tidak dikenal"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn skip_bad_imports_the_good_rows_and_still_exits_non_zero() {
    let fx = Fixture::new();
    let file = fx.file(
        "mixed.csv",
        format!(
            "{PRODUCTS_HEADER}{GOOD_PRODUCT}X1,,Roti,,pcs,0,SRI,,,0\nBOLU,,Bolu Kukus,pandan,pcs,\"4.000\",SRI,,5,1\n"
        )
        .as_bytes(),
    );
    let out = fx.import("products", &file, &["--skip-bad"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("line 3: price \"0\""));
    assert!(stderr(&out).contains("1 row refused and skipped"));
    let products = fx.ledger().products().unwrap();
    let codes: Vec<&str> = products.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["BOLU", "BRS", "KRPS", "LMPR", "ONDE"]);
    let bolu = products.iter().find(|p| p.code == "BOLU").unwrap();
    assert_eq!(bolu.price, Rupiah(4_000));
    assert_eq!(bolu.variant, "pandan");
    assert_eq!(bolu.min_stock, StockQuantity::whole(5));
    assert!(bolu.daily);
}

#[test]
fn dry_run_says_what_would_change_and_changes_nothing() {
    let fx = Fixture::new();
    let before = fx.state();
    let file = fx.file(
        "p.csv",
        format!("{PRODUCTS_HEADER}{GOOD_PRODUCT}LMPR,,Lemper Ayam,,pcs,4000,SRI,,,0\n").as_bytes(),
    );
    let out = fx.import("products", &file, &["--dry-run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("line 2: would add ONDE"), "{text}");
    assert!(text.contains("line 3: would update LMPR"), "{text}");
    assert!(text.contains("1 added, 1 updated"), "{text}");
    assert_eq!(fx.state(), before);

    let intake = fx.file("i.csv", format!("{INTAKE_HEADER}{GOOD_INTAKE}").as_bytes());
    let out = fx.import("intake", &intake, &["--dry-run"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("would record an intake from SRI: 1 line"));
    assert_eq!(fx.state(), before);
}

#[test]
fn an_existing_code_is_an_update_recorded_in_price_and_rate_history() {
    let fx = Fixture::new();
    let file = fx.file(
        "p.csv",
        format!("{PRODUCTS_HEADER}LMPR,8990000000099,Lemper Ayam Besar,,pcs,Rp 4.000,SRI,,3,1\n")
            .as_bytes(),
    );
    add_users(&mut fx.ledger());
    let out = fx.import_as_manager("products", &file, "budi", BUDI_PIN);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("baris 2: ubah LMPR"));
    let ledger = fx.ledger();
    let lmpr = ledger
        .products()
        .unwrap()
        .into_iter()
        .find(|p| p.code == "LMPR")
        .unwrap();
    assert_eq!(lmpr.name, "Lemper Ayam Besar");
    assert_eq!(lmpr.barcode.as_deref(), Some("8990000000099"));
    let history = ledger.price_changes("LMPR").unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].old_price, history[0].new_price),
        (Rupiah(3_500), Rupiah(4_000))
    );
    assert_eq!(history[0].actor, "Budi");

    let file = fx.file(
        "pr.csv",
        format!("{PRODUCERS_HEADER}SRI,Kue Bu Sri,0812,,,percentage,\"12,5\"\n").as_bytes(),
    );
    // Once the shop has a manager, an import without them is refused and changes nothing;
    // a name typed as free text is no manager.
    let before = fx.state();
    let out = pojok(
        &fx.db,
        &[
            "--attendant",
            "Budi",
            "import",
            "producers",
            file.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("--attendant tidak dipakai"),
        "{}",
        stderr(&out)
    );
    let out = fx.import("producers", &file, &[]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("needs the manager"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fx.state(), before);
    let out = fx.import_as_manager("producers", &file, "Budi", BUDI_PIN);
    assert!(out.status.success(), "{}", stderr(&out));
    let changes = fx.ledger().rate_changes("SRI").unwrap();
    assert_eq!(changes.len(), 1);
    // The chain names the manager as the one who did it and approved it, and the audit
    // trail shows them.
    let audit = fx
        .ledger()
        .history(&pojok::domain::HistoryFilter {
            table: Some("rate_changes".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(audit.len(), 1, "{audit:?}");
    assert_eq!(audit[0].actor.as_deref(), Some("Budi"));
    assert_eq!(audit[0].approver.as_deref(), Some("Budi"));
    // A wrong PIN is refused too, and changes nothing.
    let again = fx.file(
        "pr2.csv",
        format!("{PRODUCERS_HEADER}SRI,Kue Bu Sri,0812,,,percentage,90\n").as_bytes(),
    );
    let before = fx.state();
    let out = fx.import_as_manager("producers", &again, "Budi", "1234");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("PIN salah"), "{}", stderr(&out));
    assert_eq!(fx.state(), before);
    assert_eq!(fx.ledger().rate_changes("SRI").unwrap().len(), 1);
    assert!(matches!(changes[0].new, Scheme::Percentage { rate } if rate.basis_points() == 1_250));
}

#[test]
fn an_intake_import_moves_on_hand() {
    let fx = Fixture::new();
    let file = fx.file(
        "in.csv",
        format!(
            "{INTAKE_HEADER}SRI,LMPR,20,\nTANI,BRS,\"12,5\",2027-01-31\nSRI,KRPS,6,28/02/2027\n"
        )
        .as_bytes(),
    );
    let out = fx.import("intake", &file, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("intake no. 1 from SRI: 2 lines"));
    assert!(stdout(&out).contains("intake no. 2 from TANI: 1 line"));
    assert_eq!(fx.on_hand("LMPR"), StockQuantity::whole(20));
    assert_eq!(fx.on_hand("KRPS"), StockQuantity::whole(6));
    assert_eq!(fx.on_hand("BRS"), StockQuantity::from_milli(12_500));
    let ledger = fx.ledger();
    // TANI's delivery as the stock screen's expiry list shows it, the day before its date.
    let expiring = ledger.expiring_goods(date("2027-01-30")).unwrap();
    let tani = expiring
        .lines
        .iter()
        .find(|l| l.producer_code == "TANI")
        .unwrap();
    assert_eq!(tani.delivery_number, 2);
    assert_eq!(Some(tani.best_before), Some(date("2027-01-31")));
    assert_eq!(tani.left, StockQuantity::from(Quantity::from_milli(12_500)));
    assert!(ledger.stock_matches_history().unwrap().is_empty());
}

fn export(db: &Path, out: &Path) -> (String, String) {
    let result = pojok(db, &["export", "catalogue", "--out", out.to_str().unwrap()]);
    assert!(result.status.success(), "{}", stderr(&result));
    (
        std::fs::read_to_string(out.join("producers.csv")).unwrap(),
        std::fs::read_to_string(out.join("products.csv")).unwrap(),
    )
}

#[test]
fn an_export_imports_back_unchanged_into_the_same_and_a_new_ledger() {
    let fx = Fixture::new();
    // Awkward values: a comma in an address, a quote in a name, a weighed minimum.
    let file = fx.file(
        "p.csv",
        format!(
            "{PRODUCERS_HEADER}DEWI,\"Dewi \"\"Craft\"\"\",0811,\"Jl. Mawar 3, Solo\",BCA 123,percentage,\"7,25\"\n"
        )
        .as_bytes(),
    );
    assert!(fx.import("producers", &file, &[]).status.success());
    let file = fx.file(
        "q.csv",
        format!("{PRODUCTS_HEADER}TAS,8990000000100,Tas Anyaman,\"besar, biru\",pcs,75000,DEWI,,2,0\nGULA,,Gula Aren,,kg,28000,TANI,25000,\"0,5\",0\n").as_bytes(),
    );
    assert!(fx.import("products", &file, &[]).status.success());
    let before = fx.state();
    let first = export(&fx.db, &fx.dir.path().join("out1"));

    // Into the same ledger: every row says what is already there, and is reported so.
    let out1 = fx.dir.path().join("out1");
    for kind in ["producers", "products"] {
        let out = fx.import(kind, &out1.join(format!("{kind}.csv")), &[]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("0 added, 0 updated, "), "{kind}: {text}");
        assert!(
            !text.contains("line "),
            "unchanged rows are not listed: {text}"
        );
    }
    assert_eq!(fx.state(), before);
    // A dry run of an edited export names only the row that changes.
    let products = std::fs::read_to_string(out1.join("products.csv")).unwrap();
    let edited = fx.file("edited.csv", products.replace("75000", "80000").as_bytes());
    let text = stdout(&fx.import("products", &edited, &["--dry-run"]));
    assert!(text.contains("would update TAS"), "{text}");
    assert_eq!(text.matches("would update").count(), 1, "{text}");

    // Into a new ledger: the same catalogue comes out.
    let other = fx.dir.path().join("other.db");
    for kind in ["producers", "products"] {
        let out = pojok(
            &other,
            &[
                "import",
                kind,
                out1.join(format!("{kind}.csv")).to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let second = export(&other, &fx.dir.path().join("out2"));
    assert_eq!(first, second);
    assert!(first.0.contains("\"Dewi \"\"Craft\"\"\""), "{}", first.0);
    assert!(first.0.contains("\"7,25\""), "{}", first.0);

    // NAME.csv writes NAME-producers.csv and NAME-products.csv beside it.
    let named = fx.dir.path().join("katalog.csv");
    let out = pojok(
        &fx.db,
        &["export", "catalogue", "--out", named.to_str().unwrap()],
    );
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_to_string(fx.dir.path().join("katalog-products.csv")).unwrap(),
        first.1
    );
}

#[test]
fn the_example_files_import_cleanly_into_a_new_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pojok.db");
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    for kind in ["producers", "products", "intake"] {
        let file = assets.join(format!("{kind}.csv"));
        let out = pojok(
            &db,
            &["--lang", "en", "import", kind, file.to_str().unwrap()],
        );
        assert!(out.status.success(), "{kind}: {}", stderr(&out));
        assert!(stderr(&out).is_empty(), "{kind}: {}", stderr(&out));
    }
    let ledger = Ledger::open(&db).unwrap();
    assert_eq!(ledger.producers().unwrap().len(), 4);
    assert_eq!(ledger.products().unwrap().len(), 8);
    let levels = ledger.stock_levels(None).unwrap();
    let brs = levels.iter().find(|l| l.code == "BRS").unwrap();
    assert_eq!(brs.on_hand, StockQuantity::from_milli(25_500));
    // What an import records is history like any other: chained, and the file verifies.
    drop(ledger);
    let out = pojok(&db, &["--lang", "en", "verify"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("stock_documents 2"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn export_never_creates_a_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    let out = pojok(
        &db,
        &["export", "catalogue", "--out", dir.path().to_str().unwrap()],
    );
    assert!(!out.status.success());
    assert!(!db.exists());
}

#[test]
fn a_batch_the_ledger_refuses_partway_writes_nothing() {
    let fx = Fixture::new();
    let before = fx.state();
    let good = pojok::domain::NewProduct {
        code: "ONDE".into(),
        barcode: None,
        name: "Onde-onde".into(),
        variant: String::new(),
        unit: pojok::domain::Unit::Pcs,
        price: Rupiah(2_500),
        producer_code: "SRI".into(),
        producer_price: None,
        min_stock: StockQuantity::ZERO,
        daily: false,
    };
    let bad = pojok::domain::NewProduct {
        code: "ROTI".into(),
        price: Rupiah(0),
        ..good.clone()
    };
    let error = fx
        .ledger()
        .import_products(
            BatchMode::Commit,
            &[good, bad],
            "Tes",
            at("2026-11-20 08:00"),
        )
        .unwrap_err();
    assert_eq!(error.index, 1);
    assert_eq!(fx.state(), before);
}

#[test]
fn the_kiosks_attendant_in_the_environment_does_not_stop_an_import() {
    let fx = Fixture::new();
    let file = fx.file(
        "p.csv",
        format!("{PRODUCTS_HEADER}{GOOD_PRODUCT}").as_bytes(),
    );
    let out = output_of(
        std::process::Command::new(BIN)
            .args(["import", "products", file.to_str().unwrap()])
            .env("POJOK_DB", &fx.db)
            .env("POJOK_ATTENDANT", "Rina"),
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn an_import_that_waits_behind_another_writer_says_so_and_changes_nothing() {
    let fx = Fixture::new();
    let file = fx.file(
        "p.csv",
        format!("{PRODUCTS_HEADER}LMPR,8990000000099,Lemper Ayam Besar,,pcs,Rp 4.000,SRI,,3,1\n")
            .as_bytes(),
    );
    add_users(&mut fx.ledger());
    let before = fx.state();
    // Another program (a kiosk mid-sale) holds the write lock past the import's wait.
    let holder = rusqlite::Connection::open(&fx.db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let out = fx.import_as_manager("products", &file, "budi", BUDI_PIN);
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert!(!out.status.success());
    let said = stderr(&out);
    assert!(
        said.contains("sedang ditulis program lain; tunggu sebentar lalu coba lagi"),
        "{said}"
    );
    assert!(!said.contains("locked"), "{said}");
    assert_eq!(fx.state(), before);
}
