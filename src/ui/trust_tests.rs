//! The screens of who is at the till through `key_to_msg`, `update` and `view` alone: the first start,
//! signing in, the lock, the approval gate, users and the audit trail.

use chrono::{NaiveDateTime, TimeDelta};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::tests::{
    app_with_cart, enter, open_app, press, press_with, today, todays_sales, type_text,
};
use super::*;
use crate::domain::{Detail, HistoryEntry, Role, Rupiah, User};

fn user(id: i64, name: &str, role: Role) -> User {
    User {
        id,
        name: name.into(),
        role,
        active: true,
        has_pin: true,
    }
}

fn rina() -> User {
    user(1, "Rina", Role::Attendant)
}

fn budi() -> User {
    user(2, "Budi", Role::Manager)
}

fn team() -> Vec<User> {
    vec![rina(), budi(), user(3, "Sari", Role::Attendant)]
}

fn at(h: u32, m: u32, s: u32) -> NaiveDateTime {
    today().and_hms_opt(h, m, s).unwrap()
}

/// `app` with the team loaded and `who` signed in.
fn signed_in(mut app: App, who: User) -> App {
    update(&mut app, Answer::UsersLoaded(team()));
    assert_eq!(app.focus(), Focus::SignIn);
    update(&mut app, Answer::SignedIn(who));
    assert_eq!(app.focus(), Focus::Sale);
    app
}

fn render(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| view(app, frame)).unwrap();
    terminal
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let width = buffer.area.width as usize;
    buffer
        .content()
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Opens the void of sale #7 from F6 and answers yes: what the sales list hands on.
fn void_from_the_list(app: &mut App) -> Vec<Effect> {
    press(app, KeyCode::F(6));
    update(app, Answer::SalesLoaded(todays_sales()));
    press(app, KeyCode::F(8));
    type_text(app, "Salah input");
    enter(app);
    type_text(app, "y")
}

fn void_7() -> Effect {
    Effect::VoidSale {
        sale_id: 107,
        reason: "Salah input".into(),
    }
}

#[test]
fn a_new_ledger_asks_for_the_shop_and_its_manager_and_checks_the_pin_twice() {
    let mut app = open_app();
    update(&mut app, Answer::UsersLoaded(Vec::new()));
    assert_eq!(app.focus(), Focus::Setup);
    // Nothing typed: the shop's name is asked for first.
    for _ in 0..4 {
        enter(&mut app);
    }
    assert_eq!(app.note(), Some(&Note::Trust(TrustNote::ShopEmpty)));
    let terminal = render(&app);
    let screen = text(&terminal);
    assert!(screen.contains("Mulai pertama") && screen.contains("Nama pengelola"));
    type_text(&mut app, "Pojok UMKM Balai Kota");
    enter(&mut app);
    type_text(&mut app, "Budi");
    enter(&mut app);
    // Letters never go into a PIN.
    type_text(&mut app, "12a34");
    enter(&mut app);
    type_text(&mut app, "1243");
    assert!(enter(&mut app).is_empty());
    assert_eq!(app.note(), Some(&Note::Trust(TrustNote::PinsDiffer)));
    type_text(&mut app, "1234");
    enter(&mut app);
    type_text(&mut app, "1234");
    let shown = text(&render(&app));
    assert!(shown.contains("●●●●") && !shown.contains("1234"), "{shown}");
    insta::assert_snapshot!("setup_form", render(&app).backend());
    let effects = enter(&mut app);
    assert_eq!(
        effects,
        vec![Effect::CreateManager {
            shop: "Pojok UMKM Balai Kota".into(),
            name: "Budi".into(),
            pin: pin("1234"),
        }]
    );
    // The PIN is never printed, not even in a debug dump of the effect.
    assert!(!format!("{effects:?}").contains("1234"));
    update(&mut app, Answer::SignedIn(budi()));
    assert_eq!(app.focus(), Focus::Sale, "the gate is gone");
    assert_eq!(app.user(), Some(&budi()));
}

#[test]
fn a_first_start_finished_by_another_kiosk_turns_into_the_sign_in_screen() {
    let mut app = open_app();
    update(&mut app, Answer::UsersLoaded(Vec::new()));
    assert_eq!(app.focus(), Focus::Setup);
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::SignIn,
            reason: Failure::Trust(TrustFailure::UsersExist),
        },
    );
    update(&mut app, Answer::UsersLoaded(team()));
    assert_eq!(app.focus(), Focus::SignIn);
    assert!(text(&render(&app)).contains("sudah punya pengguna"));
}

#[test]
fn a_migrated_manager_without_a_pin_sets_one_first() {
    let mut app = open_app();
    let manager = User {
        has_pin: false,
        name: "Manajer".into(),
        ..budi()
    };
    update(&mut app, Answer::UsersLoaded(vec![manager]));
    assert_eq!(app.focus(), Focus::Setup);
    assert!(text(&render(&app)).contains("Pengelola Manajer: buat PIN"));
    type_text(&mut app, "123");
    enter(&mut app);
    type_text(&mut app, "123");
    enter(&mut app);
    assert_eq!(
        app.note(),
        Some(&Note::Trust(TrustNote::Pin(
            crate::domain::PinProblem::Length
        )))
    );
    type_text(&mut app, "9999");
    enter(&mut app);
    type_text(&mut app, "9999");
    assert_eq!(
        enter(&mut app),
        vec![Effect::SetFirstPin {
            user_id: 2,
            pin: pin("9999")
        }]
    );
}

#[test]
fn signing_in_picks_a_user_by_name_takes_digits_as_the_pin_and_says_what_went_wrong() {
    let mut app = open_app();
    update(&mut app, Answer::UsersLoaded(team()));
    assert_eq!(app.focus(), Focus::SignIn);
    // Keys of the till mean nothing here.
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert!(press(&mut app, KeyCode::F(6)).is_empty());
    assert_eq!(app.focus(), Focus::SignIn);
    type_text(&mut app, "sa");
    type_text(&mut app, "4321");
    assert_eq!(
        enter(&mut app),
        vec![Effect::SignIn {
            user_id: 3,
            pin: pin("4321")
        }]
    );
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::SignIn,
            reason: Failure::Trust(TrustFailure::WrongPin { attempts_left: 2 }),
        },
    );
    let terminal = render(&app);
    let screen = text(&terminal);
    assert!(
        screen.contains("PIN salah; sisa 2 kali coba"),
        "the tries left are said:\n{screen}"
    );
    assert!(
        screen.contains("Sari") && !screen.contains("Rina"),
        "{screen}"
    );
    insta::assert_snapshot!("sign_in_wrong_pin", terminal.backend());
    // The PIN buffer was emptied when it went to be checked.
    let Some(trust::TrustPrompt::SignIn(form)) = &app.prompt else {
        panic!("sign-in expected")
    };
    assert!(form.pin.is_empty());
    // A scan into the PIN field is refused before it is checked (it would count as wrong).
    type_text(&mut app, "8998201000016");
    assert!(enter(&mut app).is_empty());
    assert_eq!(
        app.note(),
        Some(&Note::Trust(TrustNote::Pin(
            crate::domain::PinProblem::Length
        )))
    );
    let until = at(9, 30, 0);
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::SignIn,
            reason: Failure::Trust(TrustFailure::LockedOut { until }),
        },
    );
    let terminal = render(&app);
    assert!(text(&terminal).contains("terkunci sampai 09:30:00"));
    insta::assert_snapshot!("sign_in_locked_out", terminal.backend());
    // English too.
    press(&mut app, KeyCode::F(10));
    assert!(text(&render(&app)).contains("locked until 09:30:00"));
}

#[test]
fn the_attendant_given_on_the_command_line_is_picked_and_becomes_the_attendant_of_the_day() {
    let mut app = App::new(
        Lang::Id,
        crate::domain::catalogue::fixtures::small(),
        None,
        None,
        today(),
        "sari".into(),
    );
    update(&mut app, Answer::UsersLoaded(team()));
    type_text(&mut app, "1111");
    assert!(matches!(
        enter(&mut app).as_slice(),
        [Effect::SignIn { user_id: 3, .. }]
    ));
    update(&mut app, Answer::SignedIn(user(3, "Sari", Role::Attendant)));
    assert_eq!(app.focus(), Focus::OpenDay);
    let Screen::OpenDay(form) = &app.screen else {
        panic!("open-day form expected")
    };
    assert_eq!(form.attendant, "Sari");
    assert_eq!(
        app.note(),
        Some(&Note::Trust(TrustNote::SignedIn("Sari".into())))
    );
}

#[test]
fn the_lock_keeps_the_cart_behind_it_and_never_shows_it() {
    let mut app = signed_in(app_with_cart(), rina());
    let before = app.till.cart.clone();
    press_with(&mut app, KeyCode::Char('l'), KeyModifiers::CONTROL);
    assert_eq!(app.focus(), Focus::Locked);
    let terminal = render(&app);
    let screen = text(&terminal);
    assert!(screen.contains("Kasir terkunci") && screen.contains("Dikunci oleh Rina"));
    for hidden in ["Keripik", "Kelepon", "27.000", "Keranjang"] {
        assert!(
            !screen.contains(hidden),
            "{hidden} shows behind the lock:\n{screen}"
        );
    }
    insta::assert_snapshot!("lock_screen", terminal.backend());
    // A scan at the locked till goes nowhere near the cart, and cannot quit it.
    type_text(&mut app, "KRP");
    enter(&mut app);
    assert!(press_with(&mut app, KeyCode::Char('q'), KeyModifiers::CONTROL).is_empty());
    assert!(!app.should_quit());
    assert_eq!(app.till.cart, before);
    // Rina again: her PIN, and the cart is as it was.
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "1111");
    assert!(matches!(
        enter(&mut app).as_slice(),
        [Effect::SignIn { user_id: 1, .. }]
    ));
    update(&mut app, Answer::SignedIn(rina()));
    assert_eq!(app.focus(), Focus::Sale);
    assert_eq!(app.till.cart, before);
}

#[test]
fn ctrl_l_locks_from_every_screen_of_the_till() {
    let opens: [(KeyCode, KeyModifiers); 8] = [
        (KeyCode::F(5), KeyModifiers::NONE),
        (KeyCode::F(9), KeyModifiers::NONE),
        (KeyCode::Char('p'), KeyModifiers::CONTROL),
        (KeyCode::Char('t'), KeyModifiers::CONTROL),
        (KeyCode::Char('o'), KeyModifiers::CONTROL),
        (KeyCode::F(6), KeyModifiers::NONE),
        (KeyCode::F(3), KeyModifiers::NONE),
        (KeyCode::F(2), KeyModifiers::NONE),
    ];
    for (code, modifiers) in opens {
        // Paying needs a cart; closing the day needs none.
        let till = if code == KeyCode::F(2) {
            app_with_cart()
        } else {
            open_app()
        };
        let mut app = signed_in(till, budi());
        press_with(&mut app, code, modifiers);
        let screen = app.focus();
        assert_ne!(screen, Focus::Sale, "{code:?} opened nothing");
        press_with(&mut app, KeyCode::Char('l'), KeyModifiers::CONTROL);
        assert_eq!(app.focus(), Focus::Locked, "from {screen:?}");
    }
}

#[test]
fn another_user_can_sign_in_at_the_lock_for_a_shift_change() {
    let mut app = signed_in(open_app(), rina());
    update(&mut app, Key::Lock);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "2222");
    assert!(matches!(
        enter(&mut app).as_slice(),
        [Effect::SignIn { user_id: 3, .. }]
    ));
    update(&mut app, Answer::SignedIn(user(3, "Sari", Role::Attendant)));
    assert_eq!(app.user().map(|u| u.name.as_str()), Some("Sari"));
    assert!(
        text(&render(&app))
            .lines()
            .next()
            .unwrap()
            .contains("Kasir: Sari")
    );
}

#[test]
fn the_till_locks_itself_after_the_idle_time_told_by_the_clock() {
    let mut app = signed_in(app_with_cart(), rina());
    app.set_lock_after(TimeDelta::minutes(5));
    update(&mut app, Answer::Clock(at(9, 0, 0)));
    press(&mut app, KeyCode::Up);
    update(&mut app, Answer::Clock(at(9, 4, 0)));
    // A key at 9:04 starts the idle time again.
    press(&mut app, KeyCode::Down);
    update(&mut app, Answer::Clock(at(9, 8, 59)));
    assert_eq!(app.focus(), Focus::Sale);
    update(&mut app, Answer::Clock(at(9, 9, 0)));
    assert_eq!(app.focus(), Focus::Locked);
    // Nobody signed in: nothing to lock (the sign-in screen is there already).
    let mut fresh = open_app();
    update(&mut fresh, Answer::UsersLoaded(team()));
    update(&mut fresh, Answer::Clock(at(9, 0, 0)));
    update(&mut fresh, Answer::Clock(at(10, 0, 0)));
    assert_eq!(fresh.focus(), Focus::SignIn);
}

#[test]
fn an_attendants_void_waits_in_the_popup_which_swallows_every_key() {
    let mut app = signed_in(open_app(), rina());
    // Nothing runs: the void is held.
    assert!(void_from_the_list(&mut app).is_empty());
    assert_eq!(app.focus(), Focus::Approval);
    let terminal = render(&app);
    let screen = text(&terminal);
    assert!(screen.contains("Persetujuan pengelola") && screen.contains("Membatalkan penjualan"));
    assert!(screen.contains("Budi"), "the manager is offered:\n{screen}");
    insta::assert_snapshot!("approval_popup", terminal.backend());
    // Letters, F-keys, Ctrl keys and a scan + Enter: nothing runs and the popup stays.
    let cart = app.till.cart.clone();
    for key in [
        KeyCode::F(2),
        KeyCode::F(4),
        KeyCode::F(5),
        KeyCode::F(6),
        KeyCode::F(1),
        KeyCode::F(10),
        KeyCode::Delete,
        KeyCode::Tab,
    ] {
        assert!(press(&mut app, key).is_empty(), "{key:?}");
        assert_eq!(app.focus(), Focus::Approval, "{key:?}");
    }
    for c in ['q', 'l', 'u', 'r'] {
        assert!(press_with(&mut app, KeyCode::Char(c), KeyModifiers::CONTROL).is_empty());
    }
    assert!(type_text(&mut app, "abcYyn+-").is_empty());
    assert!(type_text(&mut app, "8998201000016").is_empty());
    assert!(enter(&mut app).is_empty(), "a scan is no PIN");
    // Messages the keymap might send, straight into `update`.
    for msg in [
        Key::Pay,
        Key::EmptyCart,
        Key::TodaySales,
        Key::CloseDay,
        Key::Quit,
        Key::Yes,
        Key::Lock,
    ] {
        assert!(update(&mut app, msg.clone()).is_empty(), "{msg:?}");
        assert_eq!(app.focus(), Focus::Approval, "{msg:?}");
    }
    assert!(!app.should_quit());
    assert_eq!(app.till.cart, cart);
    assert_eq!(app.lang, Lang::Id);
    // Esc: nothing happens, the list is back.
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert_eq!(app.focus(), Focus::Sales);
    assert_eq!(app.note(), Some(&Note::Trust(TrustNote::ApprovalCancelled)));
}

#[test]
fn the_managers_pin_releases_exactly_the_held_effects() {
    let mut app = signed_in(open_app(), rina());
    void_from_the_list(&mut app);
    type_text(&mut app, "9999");
    let effects = enter(&mut app);
    assert_eq!(
        effects,
        vec![Effect::Approve {
            manager_id: 2,
            pin: pin("9999"),
            held: vec![void_7()],
        }]
    );
    // A wrong PIN keeps the popup, with what it holds, and says so.
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::Approve,
            reason: Failure::Trust(TrustFailure::WrongPin { attempts_left: 4 }),
        },
    );
    assert_eq!(app.focus(), Focus::Approval);
    assert!(text(&render(&app)).contains("Tidak disetujui: PIN salah; sisa 4"));
    type_text(&mut app, "1234");
    let Effect::Approve { held, .. } = &enter(&mut app)[0] else {
        panic!("approval expected")
    };
    assert_eq!(held, &vec![void_7()]);
    // Granted: the popup closes; the void's own answer follows from the runtime.
    assert!(update(&mut app, Answer::ApprovalGranted(budi())).is_empty());
    assert_eq!(app.focus(), Focus::Sales);
    assert_eq!(
        app.note(),
        Some(&Note::Trust(TrustNote::Approved("Budi".into())))
    );
}

#[test]
fn a_count_the_ledger_refuses_without_approval_waits_in_the_same_popup() {
    let mut app = signed_in(open_app(), rina());
    let count = Effect::RecordStock(StockEntry::Count {
        lines: vec![crate::domain::CountLine {
            product_code: "KLP".into(),
            counted: crate::domain::StockQuantity::ZERO,
            corner_at_fault: false,
        }],
        reason: "opname".into(),
    });
    assert!(
        !count.needs_approval(),
        "the ledger decides, by the difference"
    );
    assert!(update(&mut app, Answer::ApprovalNeeded(Box::new(count.clone()))).is_empty());
    assert_eq!(app.focus(), Focus::Approval);
    assert!(text(&render(&app)).contains("Stok opname perlu PIN pengelola"));
    type_text(&mut app, "9999");
    assert_eq!(
        enter(&mut app),
        vec![Effect::Approve {
            manager_id: 2,
            pin: pin("9999"),
            held: vec![count],
        }]
    );
}

#[test]
fn a_manager_signed_in_needs_no_popup_and_what_needs_none_is_never_held() {
    let mut app = signed_in(open_app(), budi());
    assert_eq!(void_from_the_list(&mut app), vec![void_7()]);
    assert_eq!(app.focus(), Focus::Sales);
    // An attendant: a sale, an intake, a reprint go straight on.
    let mut app = signed_in(app_with_cart(), rina());
    press(&mut app, KeyCode::F(2));
    let effects = enter(&mut app);
    assert!(
        matches!(effects.as_slice(), [Effect::RecordSale { .. }]),
        "{effects:?}"
    );
    for effect in [
        void_7(),
        Effect::RecordStock(StockEntry::WriteOff {
            code: "KRP".into(),
            quantity: crate::domain::Quantity::whole(1),
            reason: "basi".into(),
            corner_at_fault: false,
        }),
        Effect::DeactivateUser { user_id: 3 },
        Effect::PayProducer {
            code: "SRI".into(),
            method: crate::domain::PayoutMethod::Cash,
            amount: Rupiah(10_000),
            note: String::new(),
        },
        Effect::CorrectSale {
            sale_id: 7,
            refund: crate::domain::RefundMethod::Cash,
            reason: "salah input".into(),
        },
        Effect::SaveSettings {
            shop: crate::domain::ShopHeader::default(),
            printer: crate::domain::PrinterSettings::default(),
            rules: crate::domain::TillRules::default(),
            backup_folder: String::new(),
            programme: String::new(),
        },
        // It runs whatever printer command is on screen.
        Effect::TestPrint {
            shop: crate::domain::ShopHeader::default(),
            printer: crate::domain::PrinterSettings::default(),
        },
    ] {
        assert!(effect.needs_approval(), "{effect:?}");
    }
    for effect in [
        Effect::LoadSales,
        // The ledger decides, against the expected cash, whether the difference needs one.
        Effect::CloseDay {
            count: crate::domain::CashCount::Total(Rupiah(100_000)),
            reason: String::new(),
        },
        Effect::RecordCashMove {
            direction: crate::domain::CashDirection::Out,
            amount: Rupiah(5_000),
            reason: "plastik".into(),
        },
        Effect::ReprintReceipt { sale_id: 1 },
        Effect::RecordStock(StockEntry::Intake {
            producer: "SRI".into(),
            lines: Vec::new(),
        }),
    ] {
        assert!(!effect.needs_approval(), "{effect:?}");
    }
}

#[test]
fn the_users_screen_is_the_managers_and_adds_a_user_with_a_pin_typed_twice() {
    // An attendant is asked for the manager's PIN first; nothing is loaded before.
    let mut app = signed_in(open_app(), rina());
    assert!(press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL).is_empty());
    assert_eq!(app.focus(), Focus::Approval);
    assert!(text(&render(&app)).contains("Mengelola pengguna"));
    type_text(&mut app, "9999");
    assert!(matches!(
        enter(&mut app).as_slice(),
        [Effect::Approve { held, .. }] if held.is_empty()
    ));
    assert_eq!(
        update(&mut app, Answer::ApprovalGranted(budi())),
        vec![Effect::LoadUsers]
    );
    assert_eq!(app.focus(), Focus::Users);

    let mut app = signed_in(open_app(), budi());
    assert_eq!(
        press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL),
        vec![Effect::LoadUsers]
    );
    let mut users = team();
    users.push(User {
        active: false,
        ..user(4, "Joko", Role::Attendant)
    });
    update(&mut app, Answer::UsersLoaded(users));
    let terminal = render(&app);
    let screen = text(&terminal);
    assert!(screen.contains("Joko") && screen.contains("nonaktif") && screen.contains("Pengelola"));
    insta::assert_snapshot!("users_screen", terminal.backend());
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::UserForm);
    type_text(&mut app, "Dewi");
    press(&mut app, KeyCode::F(7));
    // Enter moves on as Tab does: to the role, then the PIN.
    enter(&mut app);
    enter(&mut app);
    type_text(&mut app, "5678");
    enter(&mut app);
    type_text(&mut app, "5679");
    assert!(press(&mut app, KeyCode::F(2)).is_empty());
    assert_eq!(app.note(), Some(&Note::Trust(TrustNote::PinsDiffer)));
    type_text(&mut app, "5678");
    enter(&mut app);
    type_text(&mut app, "5678");
    insta::assert_snapshot!("user_form", render(&app).backend());
    assert_eq!(
        press(&mut app, KeyCode::F(2)),
        vec![Effect::AddUser {
            name: "Dewi".into(),
            role: Role::Manager,
            pin: pin("5678"),
        }]
    );
    update(&mut app, Answer::UsersChanged(team()));
    assert_eq!(app.focus(), Focus::Users);
    assert_eq!(app.note(), Some(&Note::Trust(TrustNote::UsersSaved)));
    // Deactivating asks first.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::F(8));
    assert_eq!(app.focus(), Focus::Confirm);
    assert!(text(&render(&app)).contains("Nonaktifkan Sari?"));
    assert_eq!(
        type_text(&mut app, "y"),
        vec![Effect::DeactivateUser { user_id: 3 }]
    );
}

fn entry(
    seq: i64,
    at: NaiveDateTime,
    actor: &str,
    approver: Option<&str>,
    table: &str,
    details: Vec<Detail>,
) -> HistoryEntry {
    HistoryEntry {
        seq,
        at: Some(at),
        actor: (!actor.is_empty()).then(|| actor.to_string()),
        approver: approver.map(Into::into),
        table: table.into(),
        entry_id: seq,
        details,
        hash: format!("{seq:02}ab3f9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f"),
    }
}

fn word(column: &str, value: &str) -> Detail {
    Detail::Word {
        column: column.into(),
        value: value.into(),
    }
}

fn history() -> Vec<HistoryEntry> {
    let sale = Detail::Sale {
        number: 3,
        date: "2026-11-23".into(),
    };
    let money = |n| Detail::Money(Rupiah(n));
    vec![
        entry(
            5,
            at(10, 15, 0),
            "Rina",
            Some("Budi"),
            "voids",
            vec![sale, Detail::Text("Salah input".into())],
        ),
        entry(
            4,
            at(9, 41, 0),
            "Rina",
            None,
            "payments",
            vec![word("method", "cash"), money(12_000)],
        ),
        entry(
            3,
            at(9, 41, 0),
            "Rina",
            None,
            "sales",
            vec![Detail::Number(3), money(12_000)],
        ),
        entry(
            2,
            at(8, 0, 0),
            "Sari",
            None,
            "stock_documents",
            vec![
                word("kind", "intake"),
                Detail::Number(1),
                Detail::Text("SRI".into()),
            ],
        ),
        entry(
            1,
            at(7, 30, 0),
            "",
            None,
            "business_days",
            vec![Detail::Text("2026-11-23".into()), money(200_000)],
        ),
    ]
}

#[test]
fn the_audit_trail_lists_who_and_who_approved_and_filters_by_day_user_and_kind() {
    let mut app = signed_in(open_app(), budi());
    let effects = press_with(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert!(
        matches!(effects.as_slice(), [Effect::LoadHistory(f)] if f.day.is_none()),
        "{effects:?}"
    );
    assert_eq!(app.focus(), Focus::Audit);
    update(&mut app, Answer::HistoryLoaded(history()));
    let terminal = render(&app);
    let screen = text(&terminal);
    let void_row = screen.lines().find(|l| l.contains("pembatalan")).unwrap();
    assert!(
        void_row.contains("Rina") && void_row.contains("Budi") && void_row.contains("05ab3f9c")
    );
    assert!(
        screen.contains("sistem"),
        "the system's entries are named:\n{screen}"
    );
    // What the ledger stores as keywords reads in the UI language.
    assert!(
        screen.contains("tunai · Rp 12.000") && screen.contains("titipan masuk"),
        "{screen}"
    );
    assert!(
        !screen.contains("cash") && !screen.contains("intake"),
        "{screen}"
    );
    insta::assert_snapshot!("audit_trail", terminal.backend());
    // The filter finds an entry by the words on screen.
    type_text(&mut app, "tunai");
    let screen = text(&render(&app));
    assert!(
        screen.contains("Rp 12.000") && !screen.contains("Salah input"),
        "{screen}"
    );
    for _ in 0.."tunai".len() {
        press(&mut app, KeyCode::Backspace);
    }
    // A user and a kind.
    type_text(&mut app, "rina penjualan");
    let screen = text(&render(&app));
    assert!(
        screen.contains("No. 3") && !screen.contains("Salah input") && !screen.contains("intake")
    );
    // A date typed in full asks the ledger for that day.
    for _ in 0.."rina penjualan".len() {
        press(&mut app, KeyCode::Backspace);
    }
    let mut asked = Vec::new();
    for c in "2026-11-22".chars() {
        asked.extend(type_text(&mut app, &c.to_string()));
    }
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22);
    assert!(
        matches!(asked.as_slice(), [Effect::LoadHistory(f)] if f.day == day),
        "{asked:?}"
    );
    assert!(text(&render(&app)).contains("Memuat riwayat"));
}

/// A PIN as the keys would type it.
fn pin(digits: &str) -> Pin {
    let mut pin = Pin::new();
    digits.chars().for_each(|c| pin.push(c));
    pin
}

/// F4 on the close's confirmation asks for the manager's PIN whoever is signed in: a
/// manager's own session is no PIN typed for this close.
#[test]
fn a_close_on_the_pin_is_held_in_the_popup_for_a_manager_too() {
    for who in [rina(), budi()] {
        let mut app = signed_in(open_app(), who.clone());
        press(&mut app, KeyCode::F(5));
        update(
            &mut app,
            Answer::CloseLoaded(Box::new(super::close_tests::report(today(), 50_000))),
        );
        update(&mut app, Answer::CloseThreshold(Rupiah(10_000)));
        type_text(&mut app, "50000");
        press(&mut app, KeyCode::F(2));
        assert!(press(&mut app, KeyCode::F(4)).is_empty(), "{}", who.name);
        assert_eq!(app.focus(), Focus::Approval, "{}", who.name);
        let text = text(&render(&app));
        assert!(text.contains("Menutup kasir perlu PIN pengelola"), "{text}");
        type_text(&mut app, "2468");
        let Effect::Approve { held, .. } = &enter(&mut app)[0] else {
            panic!("the PIN goes to the ledger")
        };
        assert_eq!(
            held,
            &vec![Effect::CloseDayOnPin {
                count: crate::domain::CashCount::Total(Rupiah(50_000)),
                reason: String::new(),
            }]
        );
    }
}

fn recovery_shown(lang: Lang, filed: Result<std::path::PathBuf, Failure>) -> App {
    let mut app = signed_in(open_app(), budi());
    if lang == Lang::En {
        press(&mut app, KeyCode::F(10));
    }
    update(
        &mut app,
        Answer::RecoveryCode {
            code: "1234-5678-9012-3456".into(),
            manager: "Budi".into(),
            filed,
        },
    );
    app
}

/// The recovery code on screen once after the first start: over everything, until Enter;
/// whether its paper was filed is said.
#[test]
fn the_recovery_code_is_shown_once_until_enter() {
    let mut app = recovery_shown(
        Lang::Id,
        Ok("printouts/2026-11-23/kode-pemulihan.txt".into()),
    );
    assert_eq!(app.focus(), Focus::Recovery);
    let screen = text(&render(&app));
    for fact in [
        "Kode pemulihan pengelola",
        "1234-5678-9012-3456",
        "tidak ditampilkan lagi",
        "printouts/2026-11-23/kode-pemulihan.txt",
        "Enter Sudah dicatat",
    ] {
        assert!(screen.contains(fact), "{fact} in\n{screen}");
    }
    assert!(
        !screen.contains("Keranjang"),
        "nothing of the till behind it"
    );
    insta::assert_snapshot!(render(&app).backend());
    // Keys other than Enter do nothing; Enter leaves it, and the code is gone.
    assert!(type_text(&mut app, "y1").is_empty());
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Recovery);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Focus::Sale);
    assert!(!text(&render(&app)).contains("1234-5678"));
}

#[test]
fn the_recovery_code_in_english_says_when_its_paper_failed() {
    let app = recovery_shown(Lang::En, Err(Failure::DiskFull));
    let screen = text(&render(&app));
    for fact in [
        "Manager recovery code",
        "1234-5678-9012-3456",
        "NOT printed",
        "Enter Written down",
    ] {
        assert!(screen.contains(fact), "{fact} in\n{screen}");
    }
    insta::assert_snapshot!(render(&app).backend());
}

/// Sari, the manager, loaded before Rina, as the ledger lists users by when they were made.
fn sari_first() -> Vec<User> {
    vec![
        user(3, "Sari", Role::Manager),
        rina(),
        user(4, "Dewi Rahma", Role::Attendant),
    ]
}

/// Signs Budi in, opens the users screen and the new-user form.
fn new_user_form(lang: Lang) -> App {
    let mut app = signed_in(open_app(), budi());
    app.lang = lang;
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    update(&mut app, Answer::UsersLoaded(team()));
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::UserForm);
    app
}

#[test]
fn tab_visits_every_field_of_the_user_form_and_space_sets_the_role() {
    for (lang, said) in [
        (Lang::Id, "Ini pilihan: Spasi untuk mengganti"),
        (Lang::En, "This is a choice: Space changes it"),
    ] {
        let mut app = new_user_form(lang);
        // One field per Tab, in the order on screen: name, role, PIN, PIN again.
        type_text(&mut app, "Rina");
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, " ");
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "1357");
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "1357");
        assert_eq!(
            press(&mut app, KeyCode::F(2)),
            vec![Effect::AddUser {
                name: "Rina".into(),
                role: Role::Manager,
                pin: pin("1357"),
            }],
            "the PIN never lands in the name"
        );
        // Shift+Tab goes back the same way; digits on the role are refused, not lost.
        let mut app = new_user_form(lang);
        type_text(&mut app, "Rina");
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        press_with(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
        type_text(&mut app, "1357");
        assert_eq!(app.note(), Some(&Note::ChoiceField));
        assert!(text(&render(&app)).contains(said));
        press_with(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
        type_text(&mut app, "x");
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, " ");
        type_text(&mut app, " ");
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "2468");
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "2468");
        assert_eq!(
            press(&mut app, KeyCode::F(2)),
            vec![Effect::AddUser {
                name: "Rinax".into(),
                role: Role::Attendant,
                pin: pin("2468"),
            }]
        );
    }
}

fn sign_in_names(app: &App) -> Vec<String> {
    let Some(trust::TrustPrompt::SignIn(form)) = &app.prompt else {
        panic!("sign-in expected")
    };
    trust::sign_in_names(app, &form.filter)
}

#[test]
fn a_letter_picks_the_name_it_starts_never_a_name_it_is_inside() {
    let mut app = open_app();
    update(&mut app, Answer::UsersLoaded(sari_first()));
    type_text(&mut app, "r");
    // "Sa*r*i" is no match: Rina's name starts with r, then Dewi Rahma's second word does.
    assert_eq!(sign_in_names(&app), vec!["Rina", "Dewi Rahma"]);
    let screen = text(&render(&app));
    assert!(!screen.contains("Sari"), "{screen}");
    type_text(&mut app, "1357");
    assert_eq!(
        enter(&mut app),
        vec![Effect::SignIn {
            user_id: 1,
            pin: pin("1357")
        }],
        "the PIN goes to Rina, the one highlighted"
    );
    update(
        &mut app,
        Answer::Failed {
            action: FailedEffect::SignIn,
            reason: Failure::Trust(TrustFailure::WrongPin { attempts_left: 4 }),
        },
    );
    assert_eq!(
        app.note().unwrap().text(Lang::Id),
        "Rina tidak bisa masuk: PIN salah; sisa 4 kali coba sebelum dikunci"
    );
    assert_eq!(
        app.note().unwrap().text(Lang::En),
        "Rina not signed in: wrong PIN; 4 tries left before a lockout"
    );
    let screen = text(&render(&app));
    assert!(screen.contains("Rina tidak bisa masuk"), "{screen}");
    // A letter inside a word matches nobody; the start of a later word does.
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "ar");
    assert!(sign_in_names(&app).is_empty());
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "rah");
    assert_eq!(sign_in_names(&app), vec!["Dewi Rahma"]);
}

#[test]
fn the_manager_signed_in_is_named_as_the_manager_in_the_header() {
    for (lang, manager, attendant) in [
        (Lang::Id, "Pengelola: Budi", "Kasir: Rina"),
        (Lang::En, "Manager: Budi", "Attendant: Rina"),
    ] {
        let mut app = signed_in(open_app(), budi());
        app.lang = lang;
        let screen = text(&render(&app));
        let header = screen.lines().next().unwrap();
        assert!(header.contains(manager), "{header}");
        assert!(!header.contains("Kasir: Budi") && !header.contains("Attendant: Budi"));
        let mut app = signed_in(open_app(), rina());
        app.lang = lang;
        let screen = text(&render(&app));
        assert!(
            screen.lines().next().unwrap().contains(attendant),
            "{screen}"
        );
    }
}

/// The audit trail's filter reads the entries as they stand on screen, at 80×24 in both
/// languages: the payment's method is found by its name in the UI language and not by the
/// other language's, a filter that matches nothing says so, and Backspace brings all back.
#[test]
fn typing_filters_the_audit_trail_in_the_language_it_reads_in() {
    for (lang, label, method, other, none) in [
        (
            Lang::Id,
            "Saring (tanggal",
            "tunai",
            "cash",
            "Tidak ada catatan yang cocok",
        ),
        (
            Lang::En,
            "Filter (date",
            "cash",
            "tunai",
            "No entry matches",
        ),
    ] {
        let mut app = signed_in(open_app(), budi());
        app.lang = lang;
        press_with(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
        update(&mut app, Answer::HistoryLoaded(history()));
        type_text(&mut app, method);
        press(&mut app, KeyCode::Down);
        let screen = text(&render(&app));
        let filter = screen.lines().find(|l| l.contains(label)).unwrap();
        assert!(filter.contains(&format!("): {method} ")), "{screen}");
        let rows: Vec<_> = screen.lines().filter(|l| l.contains("Rina")).collect();
        assert!(
            matches!(rows[..], [row] if row.contains(method)),
            "{screen}"
        );
        assert_eq!(entries(&screen), 1, "{screen}");
        let Screen::Audit(audit) = &app.screen else {
            panic!("no audit screen");
        };
        assert_eq!(audit.list.selected, 0, "one row shown");
        for _ in 0..method.len() {
            press(&mut app, KeyCode::Backspace);
        }
        type_text(&mut app, other);
        let screen = text(&render(&app));
        assert!(screen.contains(none), "{screen}");
        for _ in 0..other.len() {
            press(&mut app, KeyCode::Backspace);
        }
        let screen = text(&render(&app));
        assert_eq!(entries(&screen), 5, "{screen}");
    }
}

/// How many entries of the fixture's day the audit trail shows.
fn entries(screen: &str) -> usize {
    screen.lines().filter(|l| l.contains(" 23-11 ")).count()
}

#[test]
fn a_pin_half_typed_in_the_user_form_is_forgotten_when_the_till_locks() {
    let mut app = signed_in(open_app(), budi());
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    update(&mut app, Answer::UsersLoaded(team()));
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "Dewi");
    enter(&mut app);
    enter(&mut app);
    type_text(&mut app, "56");
    let pins = |app: &App| match &app.screen {
        Screen::Users(screen) => screen.form.as_ref().map(|f| (f.name.clone(), f.pin.len())),
        _ => None,
    };
    assert_eq!(pins(&app), Some(("Dewi".to_string(), 2)));
    press_with(&mut app, KeyCode::Char('l'), KeyModifiers::CONTROL);
    assert_eq!(app.focus(), Focus::Locked);
    // The form stays behind the lock as it was, but for the PIN.
    assert_eq!(pins(&app), Some(("Dewi".to_string(), 0)));
}

#[test]
fn a_void_answered_once_the_list_was_left_opens_the_list_showing_it() {
    let mut app = signed_in(open_app(), budi());
    let before = app.status().cloned();
    press(&mut app, KeyCode::F(3));
    assert_eq!(app.focus(), Focus::Stock);
    let effects = update(
        &mut app,
        Answer::SaleVoided {
            sale_id: 107,
            status: None,
            sales: Some(todays_sales()),
        },
    );
    assert!(
        effects.is_empty(),
        "the answer brings the list: {effects:?}"
    );
    assert_eq!(app.focus(), Focus::Sales);
    assert_eq!(app.note(), Some(&Note::Voided(7)));
    // No list showed the sale: the figures are left as they were.
    assert_eq!(app.status().cloned(), before);
}
