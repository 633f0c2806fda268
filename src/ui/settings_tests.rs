//! The settings screen through `key_to_msg` and `update` alone, and what it looks like at
//! 80×24.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::settings::{Field, Kind, Problem, SettingsScreen};
use super::tests::{open_app, press, press_with, type_text};
use super::*;
use crate::domain::{ShopHeader, TillRules};
use crate::print::{IoProblem, Paper, PrintError, PrinterKind};

fn shop() -> ShopHeader {
    ShopHeader {
        name: "Pojok UMKM Balai Kota".into(),
        office: "Dinas Koperasi dan UKM".into(),
        address: "Jl. Pemuda No. 175".into(),
    }
}

fn network() -> PrinterSettings {
    PrinterSettings {
        kind: PrinterKind::Network("192.168.1.50:9100".into()),
        paper: Paper::Mm58,
        pdf_command: None,
    }
}

/// The settings screen, loaded with `printer`, reached with Ctrl+O from the till.
fn on_settings(printer: PrinterSettings) -> App {
    let mut app = open_app();
    assert_eq!(
        press_with(&mut app, KeyCode::Char('o'), KeyModifiers::CONTROL),
        [Effect::LoadSettings]
    );
    assert_eq!(app.focus(), Focus::Settings);
    update(
        &mut app,
        Answer::SettingsLoaded {
            shop: shop(),
            printer,
            rules: TillRules::default(),
            backup_folder: String::new(),
            programme: String::new(),
            windows_printers: Vec::new(),
        },
    );
    app
}

fn screen(app: &App) -> &SettingsScreen {
    match &app.screen {
        Screen::Settings(screen) => screen,
        _ => panic!("no settings screen"),
    }
}

fn render(app: &App) -> (Terminal<TestBackend>, String) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| view(app, frame)).unwrap();
    let text = terminal
        .backend()
        .buffer()
        .content()
        .chunks(80)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n");
    (terminal, text)
}

fn clear_field(app: &mut App) {
    let len = match screen(app).field {
        Field::Name => screen(app).name.chars().count(),
        Field::Office => screen(app).office.chars().count(),
        Field::Address => screen(app).address.chars().count(),
        Field::Programme => screen(app).programme.chars().count(),
        Field::Target => screen(app).target.chars().count(),
        Field::PdfCommand => screen(app).pdf_command.chars().count(),
        Field::LockMinutes => screen(app).lock_minutes.chars().count(),
        Field::CloseAbove => screen(app).close_above.chars().count(),
        Field::BackupFolder => screen(app).backup_folder.chars().count(),
        Field::Kind | Field::Paper => 0,
    };
    for _ in 0..len {
        press(app, KeyCode::Backspace);
    }
}

#[test]
fn the_form_shows_what_the_ledger_holds_and_saves_what_is_typed() {
    let mut app = on_settings(network());
    assert_eq!(screen(&app).name, "Pojok UMKM Balai Kota");
    assert_eq!(screen(&app).kind, Kind::Network);
    assert_eq!(screen(&app).target, "192.168.1.50:9100");
    // Letters that are commands elsewhere are text here.
    press(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    type_text(&mut app, "Sekretariat DPRD");
    // Enter moves on, as in every form: Office → Address → programme → printer kind →
    // printer address → paper → PDF command.
    for _ in 0..6 {
        press(&mut app, KeyCode::Enter);
    }
    assert_eq!(screen(&app).field, Field::PdfCommand);
    type_text(&mut app, "lp -d kantor");
    press(&mut app, KeyCode::F(8));
    assert_eq!(screen(&app).paper, Paper::Mm80);
    let effects = press(&mut app, KeyCode::F(2));
    let expected_shop = ShopHeader {
        office: "Sekretariat DPRD".into(),
        ..shop()
    };
    let expected_printer = PrinterSettings {
        paper: Paper::Mm80,
        pdf_command: Some("lp -d kantor".into()),
        ..network()
    };
    assert_eq!(
        effects,
        [Effect::SaveSettings {
            shop: expected_shop,
            printer: expected_printer,
            rules: TillRules::default(),
            backup_folder: String::new(),
            programme: String::new(),
        }]
    );
    // Still on the form until the ledger says it is saved.
    assert_eq!(app.focus(), Focus::Settings);
    update(&mut app, Answer::SettingsSaved);
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.note(), Some(&Note::SettingsSaved));
}

#[test]
fn esc_leaves_without_saving() {
    let mut app = on_settings(network());
    type_text(&mut app, " Baru");
    let effects = press(&mut app, KeyCode::Esc);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(app.focus(), Focus::Sale);
}

#[test]
fn wrong_values_are_refused_in_words_on_the_field_to_fix() {
    let mut app = on_settings(network());
    // The printer's address: not host:port.
    // Up from the first field goes round through the backup folder, the till's rules, the
    // PDF command and the paper.
    for _ in 0..6 {
        press(&mut app, KeyCode::Up);
    }
    assert_eq!(screen(&app).field, Field::Target);
    clear_field(&mut app);
    type_text(&mut app, "192.168.1.50");
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    let note = Note::Settings(Problem::BadHostPort("192.168.1.50".into()));
    assert_eq!(app.note(), Some(&note));
    assert!(note.text(Lang::Id).contains("bukan host:port"));
    assert!(note.text(Lang::En).contains("is not host:port"));
    // A test print is refused the same way: nothing is sent to a wrong address.
    assert!(press(&mut app, KeyCode::F(9)).is_empty());
    // An empty address for a kind that needs one.
    clear_field(&mut app);
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.note(), Some(&Note::Settings(Problem::TargetEmpty)));
    // No printer needs no address: F7 goes round to "none" and the field is skipped.
    press(&mut app, KeyCode::F(7));
    press(&mut app, KeyCode::F(7));
    assert_eq!(screen(&app).kind, Kind::Windows);
    press(&mut app, KeyCode::F(7));
    assert_eq!(screen(&app).kind, Kind::None);
    assert_eq!(screen(&app).field, Field::PdfCommand);
    for field in [
        Field::LockMinutes,
        Field::CloseAbove,
        Field::BackupFolder,
        Field::Name,
    ] {
        press(&mut app, KeyCode::Tab);
        assert_eq!(screen(&app).field, field);
    }
    // The shop's name is required.
    clear_field(&mut app);
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.note(), Some(&Note::Settings(Problem::NameEmpty)));
    assert_eq!(screen(&app).field, Field::Name);
    type_text(&mut app, "Pojok");
    let effects = press(&mut app, KeyCode::F(2));
    assert!(
        matches!(&effects[..], [Effect::SaveSettings { printer, .. }] if printer.kind == PrinterKind::None),
        "{effects:?}"
    );
}

#[test]
fn a_test_print_sends_the_settings_on_screen_and_tells_the_outcome() {
    let mut app = on_settings(PrinterSettings::default());
    press(&mut app, KeyCode::F(7));
    assert_eq!(screen(&app).kind, Kind::Device);
    // Up from the first field goes round through the backup folder, the till's rules, the
    // PDF command and the paper.
    for _ in 0..6 {
        press(&mut app, KeyCode::Up);
    }
    assert_eq!(screen(&app).field, Field::Target);
    type_text(&mut app, "/dev/usb/lp0");
    let effects = press(&mut app, KeyCode::F(9));
    assert_eq!(
        effects,
        [Effect::TestPrint {
            shop: shop(),
            printer: PrinterSettings {
                kind: PrinterKind::Device("/dev/usb/lp0".into()),
                ..PrinterSettings::default()
            }
        }]
    );
    update(&mut app, Answer::TestPrinted(Ok(())));
    assert_eq!(app.note(), Some(&Note::TestPrintSent));
    let error = PrintError::Device {
        path: "/dev/usb/lp0".into(),
        problem: IoProblem::NotFound,
    };
    update(&mut app, Answer::TestPrinted(Err(error.clone())));
    let note = app.note().unwrap();
    assert!(note.is_error());
    assert!(
        note.text(Lang::Id)
            .contains("/dev/usb/lp0: tidak ditemukan"),
        "{}",
        note.text(Lang::Id)
    );
    // Nothing was saved: the screen is still open.
    assert_eq!(app.focus(), Focus::Settings);
}

#[test]
fn nothing_can_be_saved_before_the_settings_are_read_and_a_failed_read_goes_back() {
    let mut app = open_app();
    press_with(&mut app, KeyCode::Char('o'), KeyModifiers::CONTROL);
    type_text(&mut app, "x");
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    let (_, text) = render(&app);
    assert!(text.contains("Memuat pengaturan"), "{text}");
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::LoadSettings,
            reason: Failure::Busy,
        },
    );
    assert_eq!(app.focus(), Focus::Sale);
    assert!(
        app.note()
            .unwrap()
            .text(Lang::Id)
            .starts_with("Pengaturan tidak bisa dibaca")
    );
}

#[test]
fn a_failed_print_after_a_sale_is_told_on_the_status_line() {
    let mut app = open_app();
    let error = PrintError::Connect {
        address: "192.168.1.50:9100".into(),
        problem: IoProblem::Refused,
    };
    update(&mut app, Answer::PrintFailed(error));
    let (_, text) = render(&app);
    let line = text.lines().find(|l| l.contains("Tidak tercetak"));
    assert!(
        line.is_some_and(|l| l.starts_with(" Tidak tercetak")),
        "{text}"
    );
}

#[test]
fn the_settings_screen_at_80x24() {
    let mut app = on_settings(PrinterSettings {
        pdf_command: Some("lp -d kantor".into()),
        ..network()
    });
    let (terminal, text) = render(&app);
    for expected in [
        "Pengaturan",
        "Nama toko",
        "Pojok UMKM Balai Kota",
        "Jaringan (host:port)",
        "192.168.1.50:9100",
        "58 mm (32 kolom)",
        "lp -d kantor",
        "F2 Simpan",
        "F9 Uji",
        "Esc",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    insta::assert_snapshot!(terminal.backend());
    press(&mut app, KeyCode::F(10));
    press(&mut app, KeyCode::F(7));
    let (terminal, text) = render(&app);
    assert!(text.contains("Command (spooler)"), "{text}");
    assert!(text.contains("e.g. lp -d till -o raw"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn help_on_the_settings_screen_lists_every_key_of_it() {
    let mut app = on_settings(network());
    press(&mut app, KeyCode::F(1));
    let (_, text) = render(&app);
    let keys = &Lang::Id.text().ui.keys;
    for b in keymap::bindings_for(Focus::Settings) {
        assert!(
            text.contains((b.text)(keys)),
            "help lacks {:?}:\n{text}",
            (b.text)(keys)
        );
    }
    // F1 closes it and the form is as it was.
    press(&mut app, KeyCode::F(1));
    assert_eq!(screen(&app).target, "192.168.1.50:9100");
}

#[test]
fn the_tills_rules_are_checked_saved_and_the_idle_lock_follows_them() {
    let mut app = on_settings(PrinterSettings::default());
    // To the idle lock: Tab past the name, office, address, programme, printer kind, paper
    // and PDF command.
    for _ in 0..7 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(screen(&app).field, Field::LockMinutes);
    assert_eq!(screen(&app).lock_minutes, "5");
    press(&mut app, KeyCode::Backspace);
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.note(), Some(&Note::Settings(Problem::BadMinutes)));
    type_text(&mut app, "15");
    press(&mut app, KeyCode::Tab);
    assert_eq!(screen(&app).field, Field::CloseAbove);
    clear_field(&mut app);
    type_text(&mut app, "25.000");
    let effects = press(&mut app, KeyCode::F(2));
    let rules = TillRules {
        lock_after_minutes: 15,
        close_approval_above: crate::domain::Rupiah(25_000),
        count_corner_bears: false,
    };
    assert!(
        matches!(&effects[..], [Effect::SaveSettings { rules: r, .. }] if *r == rules),
        "{effects:?}"
    );
    update(&mut app, Answer::SettingsSaved);
    assert_eq!(app.lock_after, chrono::TimeDelta::minutes(15));
}

#[test]
fn f6_says_who_bears_a_counts_shortfall_and_it_is_saved_with_the_rules() {
    let mut app = on_settings(PrinterSettings::default());
    let (_, text) = render(&app);
    assert!(
        text.contains("Kurang saat opname ditanggung produsen"),
        "{text}"
    );
    press(&mut app, KeyCode::F(6));
    let (_, text) = render(&app);
    assert!(
        text.contains("Kurang saat opname ditanggung pojok"),
        "{text}"
    );
    let effects = press(&mut app, KeyCode::F(2));
    assert!(
        matches!(&effects[..], [Effect::SaveSettings { rules, .. }] if rules.count_corner_bears),
        "{effects:?}"
    );
    let mut app = on_settings(PrinterSettings::default());
    press(&mut app, KeyCode::F(10));
    let (_, text) = render(&app);
    assert!(
        text.contains("A count's shortfall is borne by the producer"),
        "{text}"
    );
}

#[test]
fn the_backup_folder_is_typed_on_the_screen_and_saved_with_the_rest() {
    let mut app = on_settings(PrinterSettings::default());
    // Up from the first field: the backup folder, the last one.
    press(&mut app, KeyCode::Up);
    assert_eq!(screen(&app).field, Field::BackupFolder);
    type_text(&mut app, "/media/usb/cadangan ");
    let effects = press(&mut app, KeyCode::F(2));
    assert!(
        matches!(&effects[..], [Effect::SaveSettings { backup_folder, .. }] if backup_folder == "/media/usb/cadangan"),
        "{effects:?}"
    );
}

#[test]
fn a_windows_printer_is_picked_from_those_windows_lists() {
    let mut app = on_settings(network());
    if let Screen::Settings(screen) = &mut app.screen {
        screen.windows_printers = vec!["POS-58".into(), "Microsoft Print to PDF".into()];
    }
    // Network, command, Windows printer.
    press(&mut app, KeyCode::F(7));
    press(&mut app, KeyCode::F(7));
    assert_eq!(screen(&app).kind, Kind::Windows);
    // The default printer (listed first) replaces the network address typed before.
    assert_eq!(screen(&app).target, "POS-58");
    let (_, text) = render(&app);
    assert!(text.contains("Printer Windows"), "{text}");
    assert!(text.contains("Nama printer"), "{text}");
    assert!(
        text.contains("Terpasang: POS-58, Microsoft Print to PDF"),
        "{text}"
    );
    press(&mut app, KeyCode::F(10));
    let (_, text) = render(&app);
    assert!(
        text.contains("Installed: POS-58, Microsoft Print to PDF"),
        "{text}"
    );
    let effects = press(&mut app, KeyCode::F(2));
    assert!(
        matches!(&effects[..], [Effect::SaveSettings { printer, .. }]
            if printer.kind == PrinterKind::Windows("POS-58".into())),
        "{effects:?}"
    );
}

#[test]
fn without_windows_printers_the_hint_says_to_install_one() {
    let mut app = on_settings(PrinterSettings {
        kind: PrinterKind::Windows("POS-80".into()),
        ..network()
    });
    // A saved name stays even when Windows does not list it (the driver may be reinstalled).
    assert_eq!(screen(&app).target, "POS-80");
    assert!(render(&app).1.contains("Windows belum punya printer"));
    press(&mut app, KeyCode::F(7));
    assert_eq!(screen(&app).kind, Kind::None);
}

/// The programme the corner belongs to is typed on the shop's part of the screen and saved
/// with the rest; what the ledger holds is shown.
#[test]
fn the_programme_named_on_the_recap_is_typed_and_saved_with_the_rest() {
    let mut app = on_settings(network());
    update(
        &mut app,
        Answer::SettingsLoaded {
            shop: shop(),
            printer: network(),
            rules: TillRules::default(),
            backup_folder: String::new(),
            programme: "Metro Bangga".into(),
            windows_printers: Vec::new(),
        },
    );
    let (_, text) = render(&app);
    assert!(text.contains("Program (rekap)"), "{text}");
    assert!(text.contains("Metro Bangga"), "{text}");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(screen(&app).field, Field::Programme);
    type_text(&mut app, " Beli");
    let effects = press(&mut app, KeyCode::F(2));
    assert!(
        matches!(&effects[..], [Effect::SaveSettings { programme, .. }] if programme == "Metro Bangga Beli"),
        "{effects:?}"
    );
}

#[test]
fn tab_stops_on_the_printer_kind_and_the_paper_and_space_changes_them() {
    for (lang, said) in [
        (Lang::Id, "Ini pilihan: Spasi untuk mengganti"),
        (Lang::En, "This is a choice: Space changes it"),
    ] {
        let mut app = on_settings(PrinterSettings::default());
        app.lang = lang;
        for _ in 0..4 {
            press(&mut app, KeyCode::Tab);
        }
        assert_eq!(screen(&app).field, Field::Kind);
        type_text(&mut app, "x");
        assert_eq!(app.note(), Some(&Note::ChoiceField));
        assert!(render(&app).1.contains(said));
        type_text(&mut app, " ");
        assert_eq!(screen(&app).kind, Kind::Device);
        // The device's path is next on screen, then the paper.
        press(&mut app, KeyCode::Tab);
        assert_eq!(screen(&app).field, Field::Target);
        press(&mut app, KeyCode::Tab);
        assert_eq!(screen(&app).field, Field::Paper);
        let before = screen(&app).paper;
        type_text(&mut app, " ");
        assert_ne!(screen(&app).paper, before);
        press(&mut app, KeyCode::BackTab);
        assert_eq!(screen(&app).field, Field::Target);
    }
}
