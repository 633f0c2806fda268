//! The kiosk's runtime (`kiosk::Runtime`) on a real ledger file, driven key by key through
//! the keymap and `update` as the event loop does it, without a terminal.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use pojok::kiosk::Runtime;
use pojok::ledger::Ledger;
use pojok::strings::Lang;
use pojok::ui;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rusqlite::Connection;

/// The kiosk started on a fresh small ledger in `dir`, Rina (an attendant) signed in.
fn start(dir: &Path, lang: Lang) -> Kiosk {
    let mut ledger = small_ledger(&dir.join("pojok.db"));
    add_users(&mut ledger);
    let mut kiosk = Kiosk::at_sign_in(ledger, "Rina", lang);
    kiosk.sign_in(RINA_PIN);
    kiosk
}

/// Where the open day's receipt `number` is written, for the kiosk started in `dir`.
fn receipt_path(kiosk: &Kiosk, dir: &Path, number: i64) -> PathBuf {
    let date = kiosk.app.status().unwrap().day.date;
    dir.join("printouts")
        .join(date.to_string())
        .join(format!("struk-{number:04}.txt"))
}

/// Opens today with no float, rings up one Keripik Pisang and picks a tab (Bon) to pay:
/// the customer picker is next.
fn one_krps_to_a_tab(kiosk: &mut Kiosk) {
    kiosk.type_text("0");
    kiosk.enter();
    kiosk.type_text("KRPS");
    kiosk.enter();
    kiosk.key(KeyCode::F(2));
    // Tunai → Bon is one step back.
    kiosk.key(KeyCode::Left);
    kiosk.enter();
}

#[test]
fn f9_in_the_sales_list_prints_the_receipt_again_void_mark_included() {
    let dir = tempfile::tempdir().unwrap();
    let mut kiosk = start(dir.path(), Lang::Id);
    kiosk.open_day_and_sell_one();
    let original = std::fs::read_to_string(receipt_path(&kiosk, dir.path(), 1)).unwrap();
    assert!(!original.contains("SALINAN"), "{original}");
    // The copy goes beside the original, marked: two papers never look like two sales.
    let path = receipt_path(&kiosk, dir.path(), 1).with_file_name("struk-0001-salinan.txt");

    kiosk.key(KeyCode::F(6));
    kiosk.key(KeyCode::F(9));
    assert_eq!(
        kiosk.note(),
        // The message line names the file (its folder is the day's printouts folder).
        format!(
            "Struk dicetak ulang: {}",
            path.file_name().unwrap().to_string_lossy()
        )
    );
    let receipt = std::fs::read_to_string(&path).unwrap();
    assert!(receipt.contains("Keripik Pisang") && receipt.contains("Rp 12.000"));
    assert!(receipt.contains("SALINAN"), "{receipt}");
    assert!(!receipt.contains("DIBATALKAN"), "{receipt}");
    assert_eq!(
        std::fs::read_to_string(receipt_path(&kiosk, dir.path(), 1)).unwrap(),
        original
    );

    kiosk.key(KeyCode::F(8));
    kiosk.type_text("salah input");
    kiosk.enter();
    kiosk.type_text("y");
    // Rina is an attendant: Budi approves with his PIN.
    assert_eq!(kiosk.app.focus(), ui::Focus::Approval);
    kiosk.type_text(BUDI_PIN);
    kiosk.enter();
    assert_eq!(kiosk.note(), "Penjualan #1 dibatalkan");
    assert_eq!(kiosk.app.status().unwrap().sales, 0);
    kiosk.key(KeyCode::F(9));
    // Paper is never overwritten: the first copy stays as it was printed, and the attendant
    // is told the new file's name.
    assert!(
        !std::fs::read_to_string(&path)
            .unwrap()
            .contains("DIBATALKAN")
    );
    let second = path.with_file_name("struk-0001-salinan-2.txt");
    assert_eq!(
        kiosk.note(),
        "struk-0001-salinan.txt sudah ada dan tidak ditimpa; disimpan sebagai struk-0001-salinan-2.txt."
    );
    let receipt = std::fs::read_to_string(&second).unwrap();
    assert!(receipt.contains("DIBATALKAN"), "{receipt}");
}

#[test]
fn f5_closes_the_day_in_the_ledger_with_the_count_and_asks_for_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let mut kiosk = start(dir.path(), Lang::Id);
    kiosk.open_day_and_sell_one();
    let date = kiosk.app.status().unwrap().day.date;
    kiosk.key(KeyCode::F(5));
    assert_eq!(kiosk.app.focus(), ui::Focus::CloseDay);
    // Float 0 + Rp 12.000 cash = 12.000 expected; 11.500 counted.
    kiosk.type_text("11.500");
    kiosk.key(KeyCode::F(2));
    assert_eq!(
        kiosk.note(),
        "Kas selisih -Rp 500: tulis alasannya dulu (Tab ke Alasan)"
    );
    kiosk.key(KeyCode::Tab);
    kiosk.type_text("Uang kembalian lebih");
    kiosk.key(KeyCode::F(2));
    // A Y is no confirmation: the count typed again is.
    kiosk.type_text("y");
    assert_eq!(kiosk.app.focus(), ui::Focus::CloseConfirm);
    kiosk.type_text("11500");
    kiosk.enter();
    assert_eq!(kiosk.app.status(), None);
    assert_eq!(kiosk.app.focus(), ui::Focus::DayClosed);
    let z = dir
        .path()
        .join("printouts")
        .join(date.to_string())
        .join("tutup-kasir.txt");
    // The close screen names the day's backup (in the backups folder); the report is in its
    // usual place.
    let backups = dir.path().join("backups");
    let made = pojok::ledger::backups_in(&backups);
    assert_eq!(made.len(), 1);
    let name = made[0]
        .path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_eq!(kiosk.note(), format!("Kasir ditutup. Cadangan: {name}"));
    let text = std::fs::read_to_string(&z).unwrap();
    assert!(text.contains("Uang kembalian lebih"), "{text}");
    assert!(text.contains("-Rp 500"), "{text}");
    drop(kiosk);
    let ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
    assert!(ledger.open_day_status().unwrap().is_none());
    // The close checked the chain up to itself and recorded it: the next check starts there.
    let check = ledger
        .last_chain_check()
        .unwrap()
        .expect("a check at the close");
    let closed = ledger.chain_head_of_day(date).unwrap().unwrap();
    assert_eq!(check.head, closed);
    let count = ledger.day_report(date).unwrap().unwrap().count.unwrap();
    assert_eq!(
        (
            count.expected.value(),
            count.counted.value(),
            count.variance.value()
        ),
        (12_000, 11_500, -500)
    );
}

#[test]
fn after_the_close_the_day_stays_closed_and_its_figures_can_still_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut kiosk = start(dir.path(), Lang::Id);
    kiosk.open_day_and_sell_one();
    let date = kiosk.app.status().unwrap().day.date;
    kiosk.key(KeyCode::F(5));
    kiosk.type_text("12000");
    kiosk.key(KeyCode::F(2));
    kiosk.type_text("12000");
    kiosk.enter();
    // Today had its day: opening it again is refused, in words, before asking the ledger.
    kiosk.type_text("0");
    kiosk.enter();
    assert_eq!(kiosk.app.focus(), ui::Focus::DayClosed);
    let closed = format!(
        "Hari usaha {} sudah ditutup; hari berikutnya dibuka besok.",
        pojok::print::format::date(date, Lang::Id)
    );
    assert_eq!(kiosk.note(), closed);
    // The closed day's settlement slips are one key away from the open-day form.
    kiosk.key_with(KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(kiosk.app.focus(), ui::Focus::Payouts);
    kiosk.key(KeyCode::F(2));
    assert!(
        kiosk.note().contains("1 slip bagi hasil ditulis"),
        "{}",
        kiosk.note()
    );
    let slip = dir
        .path()
        .join("printouts")
        .join(date.to_string())
        .join("bagi-hasil-SRI.txt");
    assert!(std::fs::read_to_string(slip).unwrap().contains("Rp 12.000"));
    kiosk.key(KeyCode::Esc);
    assert_eq!(kiosk.app.focus(), ui::Focus::DayClosed);
    // A restart knows it too.
    drop(kiosk);
    let ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
    let mut kiosk = Kiosk::signed_in(ledger, "Rina", RINA_PIN);
    kiosk.type_text("0");
    kiosk.enter();
    assert_eq!(kiosk.note(), closed);
}

/// The trial's typo: cash out of 999.999.999.999 from a drawer of 12.000 is refused by the
/// ledger, told with what the drawer holds, and nothing is written.
#[test]
fn cash_out_above_the_drawer_is_refused_with_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let mut kiosk = start(dir.path(), Lang::Id);
    kiosk.open_day_and_sell_one();
    kiosk.key(KeyCode::F(9));
    kiosk.type_text("999999999999");
    kiosk.key(KeyCode::Tab);
    kiosk.type_text("tes");
    kiosk.key(KeyCode::F(2));
    kiosk.type_text("y");
    assert!(
        kiosk.note().contains("kas di laci hanya Rp 12.000"),
        "{}",
        kiosk.note()
    );
    assert_eq!(kiosk.app.focus(), ui::Focus::CashMove, "the form stays");
    let conn = Connection::open(dir.path().join("pojok.db")).unwrap();
    let moves: i64 = conn
        .query_row("SELECT COUNT(*) FROM cash_moves", [], |r| r.get(0))
        .unwrap();
    assert_eq!(moves, 0);
}

#[test]
fn an_unreadable_draft_does_not_stop_the_kiosk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    add_users(&mut small_ledger(&path));
    Connection::open(&path)
        .unwrap()
        .execute(
            "INSERT INTO draft (id, cart, saved_at) VALUES (1, '{\"lines\": 7}', '2026-11-22 09:00:00')",
            [],
        )
        .unwrap();
    let mut kiosk = Kiosk::at_sign_in(Ledger::open(&path).unwrap(), "Rina", Lang::Id);
    assert_eq!(
        kiosk.note(),
        "Keranjang yang tersimpan sebelumnya tidak terbaca; mulai dengan keranjang kosong"
    );
    kiosk.sign_in(RINA_PIN);
    // And it sells: the first change to the cart replaces the unreadable draft.
    kiosk.open_day_and_sell_one();
    kiosk.type_text("LMPR");
    kiosk.enter();
    drop(kiosk);
    let draft = Ledger::open(&path).unwrap().load_draft().unwrap().unwrap();
    assert_eq!(draft.lines[0].product.code, "LMPR");
}

#[test]
fn receipts_are_in_the_language_the_kiosk_started_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut kiosk = start(dir.path(), Lang::Id);
    kiosk.key(KeyCode::F(10));
    assert_eq!(kiosk.app.lang(), Lang::En);
    kiosk.open_day_and_sell_one();
    let receipt = std::fs::read_to_string(receipt_path(&kiosk, dir.path(), 1)).unwrap();
    assert!(receipt.contains("Kasir: Rina"), "{receipt}");
    assert!(receipt.contains("Terima kasih"), "{receipt}");
    assert!(!receipt.contains("Attendant"), "{receipt}");
}

#[test]
fn a_product_added_on_the_products_screen_sells_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut kiosk = start(dir.path(), Lang::En);
    kiosk.type_text("0");
    kiosk.enter();
    kiosk.key(KeyCode::F(3));
    kiosk.key(KeyCode::F(7));
    kiosk.key(KeyCode::F(3));
    assert_eq!(kiosk.app.focus(), ui::Focus::ProductForm);
    // Code, a scanned barcode whose Enter only moves on, name, no variant, unit, price,
    // and TANI, who is paid a producer price.
    for field in [
        "GULA",
        "8990000000017",
        "Gula Aren",
        "",
        "bks",
        "15000",
        "TANI",
        "11000",
    ] {
        kiosk.type_text(field);
        kiosk.enter();
    }
    assert_eq!(
        kiosk.app.focus(),
        ui::Focus::ProductForm,
        "{}",
        kiosk.note()
    );
    kiosk.key(KeyCode::F(2));
    assert_eq!(kiosk.app.focus(), ui::Focus::Products, "{}", kiosk.note());
    kiosk.key(KeyCode::Esc);
    kiosk.first_sale_for_cash("8990000000017");
    let receipt = std::fs::read_to_string(receipt_path(&kiosk, dir.path(), 1)).unwrap();
    assert!(receipt.contains("Gula Aren"), "{receipt}");
}

/// F7 on the products screen writes the selected producer's label sheet: the lemper gets the
/// corner's own barcode on the way, and the till sells it by a scan of that barcode at once.
#[test]
fn a_label_sheet_from_the_products_screen_and_the_till_scans_its_barcode() {
    let dir = tempfile::tempdir().unwrap();
    let mut kiosk = start(dir.path(), Lang::Id);
    kiosk.type_text("0");
    kiosk.enter();
    kiosk.key(KeyCode::F(3));
    kiosk.key(KeyCode::F(7));
    assert_eq!(kiosk.app.focus(), ui::Focus::Products);
    kiosk.type_text("lemper");
    kiosk.key(KeyCode::F(7));
    let note = kiosk.note();
    let sheet = note
        .split_whitespace()
        .find(|w| w.ends_with(".pdf"))
        .unwrap_or_else(|| panic!("no sheet named: {note}"));
    assert!(sheet.contains("label-SRI-"), "{note}");
    // The message line names the file; it is in the day's printouts folder.
    let date = kiosk.app.status().unwrap().day.date;
    let path = dir
        .path()
        .join("printouts")
        .join(date.to_string())
        .join(sheet);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(bytes.starts_with(b"%PDF-"));
    let barcode = Ledger::open(&dir.path().join("pojok.db"))
        .unwrap()
        .active_products()
        .unwrap()
        .into_iter()
        .find(|p| p.code == "LMPR")
        .and_then(|p| p.barcode)
        .expect("the lemper has its barcode");
    assert!(barcode.starts_with("20"), "{barcode}");
    kiosk.key(KeyCode::Esc);
    kiosk.key(KeyCode::Esc);
    kiosk.first_sale_for_cash(&barcode);
    let receipt = std::fs::read_to_string(receipt_path(&kiosk, dir.path(), 1)).unwrap();
    assert!(receipt.contains("Lemper Ayam"), "{receipt}");
}

/// A product added by another program (`pojok import`, a second kiosk) reaches the running
/// till's catalogue before the next key is handled.
#[test]
fn the_till_picks_up_catalogue_changes_made_by_another_program() {
    let dir = tempfile::tempdir().unwrap();
    let mut kiosk = start(dir.path(), Lang::Id);
    assert!(kiosk.app.catalogue().lookup("GULA").is_none());

    let mut other = Ledger::open(&dir.path().join("pojok.db")).unwrap();
    other
        .add_product(&pojok::ledger::NewProduct {
            code: "GULA".into(),
            barcode: None,
            name: "Gula Aren".into(),
            variant: String::new(),
            unit: pojok::domain::Unit::Bks,
            price: pojok::domain::Rupiah(18_000),
            producer_code: "SRI".into(),
            producer_price: None,
            min_stock: pojok::domain::stock::StockQuantity::from_milli(0),
            daily: false,
        })
        .unwrap();
    // Our own commits do not count as outside changes; the other connection's does.
    kiosk.effects.notice_outside_changes(&mut kiosk.app);
    let gula = kiosk.app.catalogue().lookup("GULA").expect("reloaded");
    assert_eq!(gula.price, pojok::domain::Rupiah(18_000));
}

#[test]
fn a_tab_sale_is_rung_up_at_the_kiosk_and_its_receipt_names_the_customer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    let budi = ledger
        .add_customer(
            &pojok::domain::NewCustomer {
                name: "Budi Santoso".into(),
                nip: Some("198001012005011001".into()),
                ..Default::default()
            },
            at("2026-11-20 07:00"),
        )
        .unwrap();
    add_users(&mut ledger);
    let mut kiosk = Kiosk::signed_in(ledger, "Rina", RINA_PIN);
    one_krps_to_a_tab(&mut kiosk);
    assert_eq!(kiosk.app.focus(), ui::Focus::CustomerPicker);
    kiosk.type_text("1980");
    kiosk.enter();
    assert_eq!(kiosk.app.status().unwrap().sales, 1, "{}", kiosk.note());
    let receipt = std::fs::read_to_string(receipt_path(&kiosk, dir.path(), 1)).unwrap();
    assert!(receipt.contains("Bon: Budi Santoso"), "{receipt}");
    drop(kiosk);
    let ledger = Ledger::open(&path).unwrap();
    let balances = ledger.customer_balances().unwrap();
    assert_eq!(balances[0].customer.id, budi.id);
    assert_eq!(balances[0].owed().value(), 12_000);
}

#[test]
fn a_closed_days_sale_is_corrected_from_the_sales_list_on_the_next_day() {
    use pojok::domain::{Cart, Catalogue, PaymentMethod, Quantity, Rupiah, Tender};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    // Yesterday, closed: one cash sale of 2 lemper (7.000).
    let yesterday = chrono::Local::now().date_naive().pred_opt().unwrap();
    let morning = yesterday.and_hms_opt(8, 0, 0).unwrap();
    ledger
        .open_day(yesterday, "Rina", Rupiah(50_000), morning)
        .unwrap();
    let catalogue = Catalogue::new(ledger.active_products().unwrap());
    let mut cart = Cart::default();
    cart.add(catalogue.lookup("LMPR").unwrap(), Quantity::whole(2))
        .unwrap();
    let mut tender = Tender::new(cart.total());
    tender.pay_rest(PaymentMethod::Cash, None).unwrap();
    ledger
        .record_sale(&cart, &tender.payments, "Rina", morning)
        .unwrap();
    close_counted(
        &mut ledger,
        "Rina",
        yesterday.and_hms_opt(17, 0, 0).unwrap(),
    )
    .unwrap();
    let before = ledger.day_report(yesterday).unwrap().unwrap();
    add_users(&mut ledger);

    let mut kiosk = Kiosk::signed_in(ledger, "Rina", RINA_PIN);
    kiosk.type_text("100000");
    kiosk.enter();
    kiosk.key(KeyCode::F(6));
    kiosk.key(KeyCode::PageUp);
    kiosk.key(KeyCode::F(8));
    assert_eq!(kiosk.app.focus(), ui::Focus::CorrectionReason);
    kiosk.type_text("Lemper basi");
    kiosk.enter();
    kiosk.type_text("y");
    // Money back for a closed day's sale: the attendant calls the manager over.
    assert_eq!(kiosk.app.focus(), ui::Focus::Approval);
    kiosk.type_text(BUDI_PIN);
    kiosk.enter();
    assert!(kiosk.note().contains("dikoreksi"), "{}", kiosk.note());
    drop(kiosk);

    let ledger = Ledger::open(&path).unwrap();
    assert_eq!(ledger.day_report(yesterday).unwrap().unwrap(), before);
    let today = ledger.open_day_status().unwrap().unwrap().day.date;
    let report = ledger.day_report(today).unwrap().unwrap();
    assert_eq!(report.corrections.len(), 1);
    // 100.000 float − 7.000 handed back in cash.
    assert_eq!(report.expected_cash.value(), 93_000);
}

/// Who the chain records for each void: (actor, approver).
fn void_signers(path: &Path) -> Vec<(Option<String>, Option<String>)> {
    query_rows(
        path,
        "SELECT a.name, p.name FROM voids AS v
             JOIN chain AS c ON c.entry_table = 'voids' AND c.entry_id = v.id
             LEFT JOIN users AS a ON a.id = c.actor_id
             LEFT JOIN users AS p ON p.id = c.approver_id
             ORDER BY v.id",
    )
}

#[test]
fn an_attendants_void_is_recorded_only_with_the_managers_pin_and_names_both() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut kiosk = start(dir.path(), Lang::Id);
    kiosk.open_day_and_sell_one();
    let void = |kiosk: &mut Kiosk| {
        kiosk.key(KeyCode::F(6));
        kiosk.key(KeyCode::F(8));
        kiosk.type_text("salah input");
        kiosk.enter();
        kiosk.type_text("y");
        assert_eq!(kiosk.app.focus(), ui::Focus::Approval);
    };
    // Esc: nothing is recorded.
    void(&mut kiosk);
    kiosk.key(KeyCode::Esc);
    assert_eq!(kiosk.note(), "Dibatalkan: tidak ada yang dijalankan");
    assert!(void_signers(&path).is_empty());
    assert_eq!(kiosk.app.status().unwrap().sales, 1);
    // A wrong PIN: refused, counted, nothing recorded, the popup stays.
    kiosk.key(KeyCode::Esc);
    void(&mut kiosk);
    kiosk.type_text("1234");
    kiosk.enter();
    assert_eq!(
        kiosk.note(),
        "Tidak disetujui: PIN salah; sisa 4 kali coba sebelum dikunci"
    );
    assert_eq!(kiosk.app.focus(), ui::Focus::Approval);
    assert!(void_signers(&path).is_empty());
    // Rina's PIN typed for the manager is one more wrong PIN.
    kiosk.key(KeyCode::Up);
    kiosk.type_text(RINA_PIN);
    kiosk.enter();
    assert!(void_signers(&path).is_empty(), "{}", kiosk.note());
    // Budi's PIN: recorded under Rina, approved by Budi.
    kiosk.type_text(BUDI_PIN);
    kiosk.enter();
    assert_eq!(kiosk.note(), "Penjualan #1 dibatalkan");
    assert_eq!(kiosk.app.focus(), ui::Focus::Sales);
    assert_eq!(
        void_signers(&path),
        vec![(Some("Rina".to_string()), Some("Budi".to_string()))]
    );
    // The approval was for that void only: the next sale is Rina's alone.
    kiosk.key(KeyCode::Esc);
    kiosk.type_text("LMPR");
    kiosk.enter();
    kiosk.key(KeyCode::F(2));
    kiosk.enter();
    let history = Ledger::open(&path)
        .unwrap()
        .history(&Default::default())
        .unwrap()
        .into_iter()
        .find(|e| e.table == "sales")
        .unwrap();
    assert_eq!(
        (history.actor.as_deref(), history.approver.as_deref()),
        (Some("Rina"), None)
    );
}

/// After a restart the sign-in screen starts on whoever signed in last, so the PIN they type
/// straight away is theirs, not counted as a wrong PIN against the first user on the list.
#[test]
fn the_sign_in_screen_starts_on_whoever_signed_in_last() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    add_users(&mut ledger);
    let mut effects = Runtime::new(ledger, 32, Lang::Id).unwrap();
    // Nobody named: the list starts on Budi (the first), so Rina picks herself by name.
    let mut app = effects.start(Lang::Id, String::new()).unwrap();
    for c in "rina".chars().chain(RINA_PIN.chars()) {
        let msg = ui::key_to_msg(&app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        effects.dispatch(&mut app, msg.unwrap());
    }
    let msg = ui::key_to_msg(&app, KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    effects.dispatch(&mut app, msg.unwrap());
    assert_eq!(app.user().map(|u| u.name.as_str()), Some("Rina"));
    drop((effects, app));

    let mut effects = Runtime::new(Ledger::open(&path).unwrap(), 32, Lang::Id).unwrap();
    let mut app = effects.start(Lang::Id, String::new()).unwrap();
    sign_in(&mut effects, &mut app, RINA_PIN);
    assert_eq!(app.user().map(|u| u.name.as_str()), Some("Rina"));
}

#[test]
fn the_close_writes_every_producers_settlement_and_a_reprint_is_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut kiosk = start(dir.path(), Lang::Id);
    kiosk.open_day_and_sell_one();
    let date = kiosk.app.status().unwrap().day.date;
    // A preview during the day keeps off the name the close's original takes.
    kiosk.key_with(KeyCode::Char('p'), KeyModifiers::CONTROL);
    kiosk.key(KeyCode::F(2));
    kiosk.key(KeyCode::Esc);
    kiosk.key(KeyCode::F(5));
    kiosk.type_text("12.000");
    kiosk.key(KeyCode::F(2));
    // The count typed again confirms the close.
    kiosk.type_text("12000");
    kiosk.enter();
    assert_eq!(kiosk.app.status(), None, "{}", kiosk.note());
    let folder = dir.path().join("printouts").join(date.to_string());
    let slip = folder.join("bagi-hasil-SRI.txt");
    let original = std::fs::read_to_string(&slip).unwrap();
    assert!(original.contains("BAGI HASIL"), "{original}");
    assert!(!original.contains("SALINAN"), "{original}");
    assert!(!original.contains("PRATINJAU"), "{original}");
    let preview = std::fs::read_to_string(folder.join("bagi-hasil-SRI-pratinjau.txt")).unwrap();
    assert!(preview.contains("PRATINJAU"), "{preview}");
    assert!(folder.join("bagi-hasil.pdf").exists());
    assert!(folder.join("tutup-kasir.txt").exists());
    // Printed again from Ctrl+P: a copy, beside the original, which keeps its content.
    kiosk.key_with(KeyCode::Char('p'), KeyModifiers::CONTROL);
    kiosk.key(KeyCode::F(2));
    let copy = std::fs::read_to_string(folder.join("bagi-hasil-SRI-salinan.txt")).unwrap();
    assert!(copy.contains("SALINAN"), "{copy}");
    assert!(folder.join("bagi-hasil-salinan.pdf").exists());
    assert_eq!(std::fs::read_to_string(&slip).unwrap(), original);
    // Again: the same copy is on file already; nothing is written over it.
    kiosk.key(KeyCode::F(2));
    assert_eq!(
        std::fs::read_to_string(folder.join("bagi-hasil-SRI-salinan.txt")).unwrap(),
        copy
    );
    assert_eq!(std::fs::read_to_string(&slip).unwrap(), original);
}

#[test]
fn a_tab_paid_off_at_the_kiosk_prints_its_receipt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    ledger
        .add_customer(
            &pojok::domain::NewCustomer {
                name: "Budi Santoso".into(),
                ..Default::default()
            },
            at("2026-11-20 07:00"),
        )
        .unwrap();
    add_users(&mut ledger);
    let mut kiosk = Kiosk::signed_in(ledger, "Rina", RINA_PIN);
    one_krps_to_a_tab(&mut kiosk);
    kiosk.type_text("budi");
    kiosk.enter();
    let date = kiosk.app.status().unwrap().day.date;
    kiosk.key_with(KeyCode::Char('t'), KeyModifiers::CONTROL);
    kiosk.key(KeyCode::F(5));
    assert_eq!(
        kiosk.app.focus(),
        ui::Focus::TabPaymentForm,
        "{}",
        kiosk.note()
    );
    kiosk.type_text("5000");
    kiosk.key(KeyCode::F(2));
    if kiosk.app.focus() == ui::Focus::Confirm {
        kiosk.type_text("y");
    }
    assert!(kiosk.note().contains("Budi Santoso"), "{}", kiosk.note());
    let receipt = dir
        .path()
        .join("printouts")
        .join(date.to_string())
        .join("bayar-bon-0001.txt");
    let text = std::fs::read_to_string(&receipt).unwrap();
    assert!(text.contains("BAYAR BON"), "{text}");
    assert!(text.contains("Budi Santoso"), "{text}");
    for (label, amount) in [
        ("Bon sebelum", "Rp 12.000"),
        ("Tunai", "Rp 5.000"),
        ("Sisa bon", "Rp 7.000"),
    ] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(label) && l.ends_with(amount)),
            "{label} {amount}: {text}"
        );
    }
}
