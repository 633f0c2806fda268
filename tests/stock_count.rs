//! A count of many products in one go (stok opname) on a real ledger file: one entry per
//! product in one transaction, under one approval, with who bears each shortfall stored.

mod common;

use std::path::Path;

use common::escpos::{assert_well_formed, decode, lines};
use common::{at, date, scalar, small_ledger};
use pojok::domain::ShopHeader;
use pojok::domain::{CountLine, DocumentKind, IntakeLine, Quantity, Role, Rupiah, StockQuantity};
use pojok::ledger::{Ledger, LedgerError};
use pojok::print::{self, Format};
use pojok::strings::Lang;

fn count_line(code: &str, milli: i64, corner: bool) -> CountLine {
    CountLine {
        product_code: code.into(),
        counted: StockQuantity::from_milli(milli),
        corner_at_fault: corner,
    }
}

/// The small catalogue with 10 Lemper, 5 Keripik and 4 kg rice delivered, a manager and an
/// attendant, the attendant signed in.
fn stocked(path: &Path) -> (Ledger, pojok::domain::User) {
    let mut ledger = small_ledger(path);
    let now = at("2026-11-23 07:00");
    let ani = ledger.create_first_manager("Bu Ani", "2468", now).unwrap();
    let rina = ledger
        .add_user("Rina", Role::Attendant, "135790", now)
        .unwrap();
    ledger
        .open_day(date("2026-11-23"), "Rina", Rupiah(100_000), now)
        .unwrap();
    let line = |code: &str, n| IntakeLine {
        product_code: code.into(),
        quantity: Quantity::whole(n),
        best_before: None,
    };
    ledger
        .receive_stock("SRI", &[line("LMPR", 10), line("KRPS", 5)], "Rina", now)
        .unwrap();
    ledger
        .receive_stock("TANI", &[line("BRS", 4)], "Rina", now)
        .unwrap();
    ledger.sign_in(&rina);
    (ledger, ani)
}

fn rows(path: &Path, sql: &str) -> Vec<(String, i64, bool)> {
    common::query_rows(path, sql)
}

const COUNTS: &str = "SELECT p.code, m.quantity_milli, d.corner_at_fault
     FROM stock_documents AS d JOIN stock_moves AS m ON m.document_id = d.id
     JOIN products AS p ON p.id = m.product_id
     WHERE d.kind = 'count' ORDER BY d.id";

#[test]
fn a_count_of_many_products_is_one_entry_each_under_one_approval() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (mut ledger, ani) = stocked(&path);
    let now = at("2026-11-23 16:00");
    let lines = [
        count_line("LMPR", 8_000, true),
        count_line("KRPS", 6_000, false),
        count_line("BRS", 4_000, false),
    ];
    // An attendant's count with a difference needs the manager: refused whole.
    assert!(matches!(
        ledger.count_stock_many(&lines, "opname bulanan", "Rina", now),
        Err(LedgerError::NeedsApproval("stock_documents"))
    ));
    assert_eq!(rows(&path, COUNTS), []);
    let documents = ledger
        .with_approval(&ani)
        .count_stock_many(&lines, "opname bulanan", "Rina", now)
        .unwrap();
    assert_eq!(documents.len(), 3);
    let numbers: Vec<i64> = documents.iter().map(|d| d.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert_eq!(
        documents.iter().map(|d| d.kind).collect::<Vec<_>>(),
        [DocumentKind::Count; 3]
    );
    // Each line's recorded, counted and difference, as its slip prints them.
    let lmpr = &documents[0].lines[0];
    assert_eq!(lmpr.on_hand_before, StockQuantity::whole(10));
    assert_eq!(lmpr.on_hand_after(), StockQuantity::whole(8));
    assert_eq!(documents[1].lines[0].quantity, StockQuantity::whole(1));
    assert!(documents[0].corner_at_fault && !documents[1].corner_at_fault);
    assert_eq!(documents[1].producer_code, "SRI");
    assert_eq!(documents[2].producer_code, "TANI");
    assert_eq!(
        rows(&path, COUNTS),
        [
            ("LMPR".into(), -2_000, true),
            ("KRPS".into(), 1_000, false),
            ("BRS".into(), 0, false),
        ]
    );
    // One approval: every count row is chained as Rina's, approved by Bu Ani.
    assert_eq!(
        scalar(
            &path,
            &format!(
                "SELECT COUNT(*) FROM chain WHERE entry_table = 'stock_documents'
                 AND actor_id IS NOT NULL AND approver_id = {}",
                ani.id
            )
        ),
        3
    );
    // Each entry's paper carries its own chain head, one after the other.
    let seqs: Vec<i64> = documents
        .iter()
        .map(|d| {
            let head = d.chain_head.as_deref().expect("a chain head");
            head.rsplit('#').next().unwrap().parse().unwrap()
        })
        .collect();
    assert_eq!(seqs, [seqs[0], seqs[0] + 1, seqs[0] + 2]);
    assert!(ledger.stock_matches_history().unwrap().is_empty());
}

#[test]
fn a_product_named_twice_is_counted_once_with_both_quantities() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (mut ledger, ani) = stocked(&path);
    let lines = [
        count_line("LMPR", 4_000, false),
        count_line("KRPS", 5_000, false),
        count_line("lmpr", 2_000, false),
    ];
    let documents = ledger
        .with_approval(&ani)
        .count_stock_many(&lines, "opname", "Rina", at("2026-11-23 16:00"))
        .unwrap();
    assert_eq!(documents.len(), 2);
    assert_eq!(
        documents[0].lines[0].on_hand_after(),
        StockQuantity::whole(6)
    );
    assert_eq!(
        rows(&path, COUNTS),
        [("LMPR".into(), -4_000, false), ("KRPS".into(), 0, false)]
    );
}

#[test]
fn one_bad_line_refuses_the_whole_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (mut ledger, ani) = stocked(&path);
    let now = at("2026-11-23 16:00");
    let before = common::snapshot(&path);
    let unknown = [
        count_line("LMPR", 8_000, false),
        count_line("NOPE", 1_000, false),
    ];
    assert!(matches!(
        ledger
            .with_approval(&ani)
            .count_stock_many(&unknown, "opname", "Rina", now),
        Err(LedgerError::UnknownProduct(code)) if code == "NOPE"
    ));
    // Half a piece of something sold by the piece.
    let half = [
        count_line("KRPS", 5_000, false),
        count_line("LMPR", 500, false),
    ];
    assert!(matches!(
        ledger
            .with_approval(&ani)
            .count_stock_many(&half, "opname", "Rina", now),
        Err(LedgerError::InvalidQuantity { code, .. }) if code == "LMPR"
    ));
    assert!(matches!(
        ledger.count_stock_many(&[count_line("LMPR", 10_000, false)], "  ", "Rina", now),
        Err(LedgerError::EmptyReason)
    ));
    assert!(matches!(
        ledger.count_stock_many(&[], "opname", "Rina", now),
        Err(LedgerError::EmptyDocument)
    ));
    assert_eq!(common::snapshot(&path), before);
}

#[test]
fn a_count_that_finds_what_the_books_say_needs_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (mut ledger, _) = stocked(&path);
    let lines = [
        count_line("LMPR", 10_000, false),
        count_line("KRPS", 5_000, false),
        count_line("BRS", 4_000, false),
    ];
    let documents = ledger
        .count_stock_many(&lines, "opname", "Rina", at("2026-11-23 16:00"))
        .unwrap();
    assert_eq!(documents.len(), 3);
    assert_eq!(
        scalar(
            &path,
            "SELECT COUNT(*) FROM chain WHERE entry_table = 'stock_documents'
             AND approver_id IS NULL AND actor_id IS NOT NULL"
        ),
        // The two deliveries were the system's (nobody signed in), the counts Rina's.
        3
    );
}

/// The text of each printed line that has `needle`, and the lines under it up to the next
/// product.
fn block_of(text: &[String], needle: &str) -> String {
    let start = text
        .iter()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no {needle:?} in {text:#?}"));
    text[start..]
        .iter()
        .take(7)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn one_slip_lists_every_line_with_its_difference_and_who_bears_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let (mut ledger, ani) = stocked(&path);
    let lines_counted = [
        count_line("LMPR", 8_000, true),
        count_line("KRPS", 3_000, false),
        count_line("BRS", 4_500, false),
    ];
    let documents = ledger
        .with_approval(&ani)
        .count_stock_many(
            &lines_counted,
            "opname bulanan",
            "Rina",
            at("2026-11-23 16:00"),
        )
        .unwrap();
    let shop = ShopHeader {
        name: "Pojok UMKM Balai Kota".into(),
        office: "Dinas Koperasi dan UKM".into(),
        address: "Jl. Pemuda No. 175, Semarang".into(),
    };
    assert_eq!(
        print::count_slip_file_name(&documents),
        "opname-0001-0003.txt"
    );
    for (format, columns) in [(Format::EscPos58, 32), (Format::EscPos80, 48)] {
        let slip = print::count_slip(&documents, &shop, Lang::Id);
        let commands = decode(&print::render(&[slip], format));
        assert_well_formed(&commands, columns);
        let text = lines(&commands);
        let all = text.join("\n");
        for fact in [
            "STOK OPNAME",
            "No. 0001-0003",
            "3 produk dihitung",
            "3 dengan selisih",
        ] {
            assert!(all.contains(fact), "{fact:?} in\n{all}");
        }
        assert!(all.contains("opname bulanan"), "{all}");
        assert!(all.contains("Pengelola"), "{all}");
        let lemper = block_of(&text, "Lemper Ayam");
        for fact in ["10 pcs", "8 pcs", "-2 pcs", "SRI Kue Bu Sri", "Pojok UMKM"] {
            assert!(lemper.contains(fact), "{fact:?} in\n{lemper}");
        }
        let keripik = block_of(&text, "Keripik Pisang");
        assert!(keripik.contains("-2 bks"), "{keripik}");
        assert!(keripik.contains("Ditanggung oleh"), "{keripik}");
        let beras = block_of(&text, "Beras Pandan");
        assert!(beras.contains("+0,5 kg"), "{beras}");
        assert!(beras.contains("TANI"), "{beras}");
        // A surplus moves stock only: nobody bears anything.
        let beras_lines: Vec<&str> = beras.lines().take(6).collect();
        assert!(
            !beras_lines.iter().any(|l| l.contains("Ditanggung")),
            "{beras}"
        );
    }
    let english = print::render_text(&print::count_slip(&documents, &shop, Lang::En), 48);
    for fact in ["3 products counted", "3 with a difference", "Manager"] {
        assert!(english.contains(fact), "{fact:?} in\n{english}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
    /// Whatever the lines, in whatever order, each product named twice or not: after the
    /// count every product holds what was counted of it in all, the projection agrees with
    /// the moves, and there is one entry per product named.
    #[test]
    fn after_a_count_each_product_holds_what_was_counted_of_it(
        lines in proptest::collection::vec((0usize..3, 0i64..40, proptest::bool::ANY), 1..8),
    ) {
        const CODES: [&str; 3] = ["LMPR", "KRPS", "BRS"];
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pojok.db");
        let (mut ledger, ani) = stocked(&path);
        // Pieces and packs are whole; the rice, by the kilo, takes halves.
        let count: Vec<CountLine> = lines
            .iter()
            .map(|(p, n, corner)| {
                let unit_milli = if CODES[*p] == "BRS" { 500 } else { 1000 };
                count_line(CODES[*p], n * unit_milli, *corner)
            })
            .collect();
        let documents = ledger
            .with_approval(&ani)
            .count_stock_many(&count, "opname", "Rina", at("2026-11-23 16:00"))
            .unwrap();
        let named: std::collections::BTreeSet<&str> =
            count.iter().map(|l| l.product_code.as_str()).collect();
        proptest::prop_assert_eq!(documents.len(), named.len());
        for code in named {
            let expected: i64 = count
                .iter()
                .filter(|l| l.product_code == code)
                .map(|l| l.counted.milli())
                .sum();
            let on_hand = scalar(
                &path,
                &format!(
                    "SELECT s.on_hand_milli FROM stock AS s JOIN products AS p
                     ON p.id = s.product_id WHERE p.code = '{code}'"
                ),
            );
            proptest::prop_assert_eq!(on_hand, expected, "{}", code);
        }
        proptest::prop_assert!(ledger.stock_matches_history().unwrap().is_empty());
    }
}
