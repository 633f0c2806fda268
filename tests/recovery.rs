//! A way back for a forgotten manager PIN: the one-time recovery code sets a new PIN once,
//! its use is history, and the day seals still open afterwards.

mod common;

use common::*;
use pojok::domain::HistoryFilter;
use pojok::ledger::{Ledger, LedgerError, SealReport};

fn code_from(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .find(|l| l.len() == 19 && l.bytes().filter(|b| *b == b'-').count() == 3)
        .unwrap_or_else(|| panic!("no code in {text}"))
        .to_string()
}

#[test]
fn a_recovery_code_sets_a_new_manager_pin_once_and_the_seals_survive() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    let (rina, budi) = add_users(&mut ledger);
    let t = at("2026-11-22 07:00");
    let code = ledger.issue_recovery_code(budi.id, BUDI_PIN, t).unwrap();
    assert_eq!(code.len(), 19, "{code}");
    // A day closed and sealed while Budi's PIN has the key open.
    ledger.sign_in(&rina);
    ledger
        .open_day(date("2026-11-22"), "Rina", pojok::domain::Rupiah(50_000), t)
        .unwrap();
    close_counted(&mut ledger, "Rina", at("2026-11-22 17:00")).unwrap();
    ledger.sign_out();
    // The code is no PIN, and a wrong code changes nothing.
    assert!(ledger.check_pin(budi.id, &code, t).is_err());
    let e = ledger
        .recover_manager_pin(budi.id, "1111-2222-3333-4444", "2468", t)
        .unwrap_err();
    assert!(matches!(e, LedgerError::WrongRecoveryCode), "{e:?}");
    let budi = ledger
        .recover_manager_pin(budi.id, &code, "2468", at("2026-11-23 07:00"))
        .unwrap();
    assert_eq!(budi.id, ledger.check_pin(budi.id, "2468", t).unwrap().id);
    assert!(ledger.check_pin(budi.id, BUDI_PIN, t).is_err());
    // Once only.
    let e = ledger
        .recover_manager_pin(budi.id, &code, "1357", t)
        .unwrap_err();
    assert!(matches!(e, LedgerError::WrongRecoveryCode), "{e:?}");
    // Its use is history, and the file verifies.
    let used = ledger
        .history(&HistoryFilter {
            table: Some("recoveries".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(used.len(), 1, "{used:?}");
    assert!(ledger.verify().unwrap().is_clean());
    // The seal key came through the code: the new PIN opens it, and the day's seal holds.
    let report = ledger.check_seals("Budi", "2468").unwrap();
    assert!(
        matches!(report, SealReport::Checked { sealed: 1, .. }),
        "{report:?}"
    );
    assert!(report.holds());
}

#[test]
fn pojok_recovery_code_and_recover_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    let mut ledger = small_ledger(&path);
    add_users(&mut ledger);
    drop(ledger);
    let out = pojok_with_input(
        &path,
        &["recovery-code", "--manager", "Budi"],
        &format!("{BUDI_PIN}\n"),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("KODE PEMULIHAN PENGELOLA"), "{text}");
    let code = code_from(&text);

    let input = format!("{code}\n2468\n2468\n");
    let out = pojok_with_input(&path, &["recover", "--manager", "Budi"], &input);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("PIN baru Budi tersimpan"),
        "{}",
        stdout(&out)
    );
    let out = pojok_with_input(&path, &["recover", "--manager", "Budi"], &input);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("sudah dipakai"), "{}", stderr(&out));
    // Two different new PINs are refused.
    let mut ledger = Ledger::open(&path).unwrap();
    let budi = ledger.manager_by_name("Budi").unwrap();
    let code = ledger
        .issue_recovery_code(budi.id, "2468", at("2026-11-24 07:00"))
        .unwrap();
    drop(ledger);
    let out = pojok_with_input(
        &path,
        &["--lang", "en", "recover", "--manager", "Budi"],
        &format!("{code}\n1111\n2222\n"),
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("The two PINs differ"),
        "{}",
        stderr(&out)
    );
}

/// The file `name` somewhere under `dir`.
fn find_file(dir: &std::path::Path, name: &str) -> Option<std::path::PathBuf> {
    for entry in std::fs::read_dir(dir).ok()? {
        let path = entry.ok()?.path();
        if path.is_dir() {
            if let Some(found) = find_file(&path, name) {
                return Some(found);
            }
        } else if path.file_name().is_some_and(|n| n == name) {
            return Some(path);
        }
    }
    None
}

#[test]
fn the_first_start_puts_the_recovery_code_on_paper_and_it_resets_the_pin_once() {
    use pojok::kiosk::Runtime;
    use pojok::strings::Lang;
    use pojok::ui;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pojok.db");
    drop(small_ledger(&path));
    let mut effects = Runtime::new(Ledger::open(&path).unwrap(), 32, Lang::Id).unwrap();
    let mut app = effects.start(Lang::Id, String::new()).unwrap();
    for field in ["Pojok UMKM Balai Kota", "Bu Wati", "2468", "2468"] {
        for code in field.chars().map(KeyCode::Char).chain([KeyCode::Enter]) {
            if let Some(msg) = ui::key_to_msg(&app, KeyEvent::new(code, KeyModifiers::NONE)) {
                effects.dispatch(&mut app, msg);
            }
        }
    }
    assert_eq!(app.user().unwrap().name, "Bu Wati");
    drop(effects);
    let paper = find_file(&path.with_file_name("printouts"), "kode-pemulihan.txt")
        .expect("the recovery code's paper is filed");
    let text = std::fs::read_to_string(paper).unwrap();
    assert!(text.contains("KODE PEMULIHAN PENGELOLA"), "{text}");
    assert!(text.contains("Bu Wati"), "{text}");
    let code = code_from(&text);
    let mut ledger = Ledger::open(&path).unwrap();
    let wati = ledger.manager_by_name("bu wati").unwrap();
    let when = at("2026-11-23 07:00");
    ledger
        .recover_manager_pin(wati.id, &code, "1357", when)
        .unwrap();
    assert!(ledger.check_pin(wati.id, "1357", when).is_ok());
    assert!(
        ledger
            .recover_manager_pin(wati.id, &code, "9753", when)
            .is_err()
    );
}
