//! Nothing a person types can crash the kiosk or break the ledger: random key sequences run
//! through the real keymap, update, view and effects on a real ledger file.

mod common;

use common::*;
use pojok::domain::Rupiah;
use pojok::kiosk::Runtime;
use pojok::ledger::Ledger;
use pojok::strings::Lang;
use pojok::ui::{self, Answer};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rusqlite::Connection;

#[derive(Clone, Debug)]
enum Press {
    Key(KeyCode, KeyModifiers),
    /// Whole codes and entries, so that random sequences also sell, pay and void.
    Text(&'static str),
    Resize(u16, u16),
}

fn press() -> impl Strategy<Value = Press> {
    let typed = proptest::sample::select(
        "LMPRKSBlmprksbe0123456789*,.+- yYnNé€"
            .chars()
            .collect::<Vec<_>>(),
    )
    .prop_map(|c| Press::Key(KeyCode::Char(c), KeyModifiers::NONE));
    let special = proptest::sample::select(vec![
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::F(1),
        KeyCode::F(2),
        KeyCode::F(3),
        KeyCode::F(4),
        KeyCode::F(5),
        KeyCode::F(6),
        KeyCode::F(7),
        KeyCode::F(8),
        KeyCode::F(9),
        KeyCode::F(10),
        KeyCode::F(11),
        KeyCode::F(12),
    ])
    .prop_map(|code| Press::Key(code, KeyModifiers::NONE));
    let ctrl = proptest::sample::select(vec!['j', 'a', 'z'])
        .prop_map(|c| Press::Key(KeyCode::Char(c), KeyModifiers::CONTROL));
    let words = proptest::sample::select(vec![
        "LMPR",
        "krps",
        "BRS",
        "2*LMPR",
        "1,25*BRS",
        "8998201000016",
        "beras",
        "50000",
        "Salah",
    ])
    .prop_map(Press::Text);
    let plain = |code| Press::Key(code, KeyModifiers::NONE);
    prop_oneof![
        4 => Just(plain(KeyCode::Enter)),
        2 => Just(plain(KeyCode::F(2))),
        1 => Just(plain(KeyCode::F(6))),
        1 => Just(plain(KeyCode::F(8))),
        3 => words,
        6 => typed,
        4 => special,
        1 => ctrl,
        1 => (20u16..120, 5u16..40).prop_map(|(w, h)| Press::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_never_crash_and_leave_the_ledger_consistent(
        day_open in any::<bool>(),
        presses in proptest::collection::vec(press(), 0..300),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("pojok.db");
        let mut ledger = small_ledger(&db);
        add_users(&mut ledger);
        if day_open {
            let now = chrono::Local::now().naive_local();
            ledger.open_day(now.date(), "Rina", Rupiah(100_000), now).unwrap();
        }
        let mut effects = Runtime::new(ledger, 32, Lang::Id).unwrap();
        // The manager, so that voids and stock forms run without the approval popup.
        let mut app = effects.start(Lang::Id, "Budi".into()).unwrap();
        sign_in(&mut effects, &mut app, BUDI_PIN);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        effects.dispatch(&mut app, Answer::Resize(80, 24));
        let mut restore = false;
        for press in presses {
            // A window made too small comes back to 80×24 after one key, as a person would fix it.
            if restore {
                terminal.backend_mut().resize(80, 24);
                effects.dispatch(&mut app, Answer::Resize(80, 24));
                restore = false;
            }
            match press {
                Press::Key(code, modifiers) => {
                    if let Some(msg) = ui::key_to_msg(&app, KeyEvent::new(code, modifiers)) {
                        effects.dispatch(&mut app, msg);
                    }
                }
                Press::Text(text) => {
                    for c in text.chars() {
                        if let Some(msg) = ui::key_to_msg(&app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)) {
                            effects.dispatch(&mut app, msg);
                        }
                    }
                }
                Press::Resize(w, h) => {
                    terminal.backend_mut().resize(w, h);
                    effects.dispatch(&mut app, Answer::Resize(w, h));
                    restore = true;
                }
            }
            effects.flush_draft(&mut app);
            terminal.draw(|frame| ui::view(&app, frame)).unwrap();
            if app.should_quit() {
                break;
            }
        }
        drop(effects);

        // Whatever was recorded is whole: shares, lines and payments add up, stock agrees.
        let conn = Connection::open(&db).unwrap();
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        prop_assert_eq!(check, "ok");
        let broken: i64 = conn
            .query_row(
                "SELECT count(*) FROM sales s WHERE
                    s.total IS NOT (SELECT sum(total) FROM sale_lines WHERE sale_id = s.id)
                 OR s.total IS NOT (SELECT sum(amount) FROM payments WHERE sale_id = s.id)
                 OR EXISTS (SELECT 1 FROM sale_lines WHERE sale_id = s.id
                            AND producer_share + corner_share <> total)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        prop_assert_eq!(broken, 0);
        if std::env::var_os("POJOK_TEST_VERBOSE").is_some() {
            let sales: i64 = conn.query_row("SELECT count(*) FROM sales", [], |r| r.get(0)).unwrap();
            let voids: i64 = conn.query_row("SELECT count(*) FROM voids", [], |r| r.get(0)).unwrap();
            eprintln!("day open: {day_open}; {sales} sales, {voids} voids");
        }
        let ledger = Ledger::open(&db).unwrap();
        prop_assert!(ledger.stock_matches_history().unwrap().is_empty());
        ledger.load_draft().unwrap();
    }
}
