//! Helpers shared by the integration tests: a fresh ledger in a temp dir, the real binary, and
//! a private tmux server to drive the kiosk like a person at a keyboard.
#![allow(dead_code)] // each test binary uses a different part of this module

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_pojok");

/// Runs `pojok ARGS` against `db` and returns its output.
pub fn pojok(db: &Path, args: &[&str]) -> Output {
    output_of(
        Command::new(BIN)
            .args(args)
            .env("POJOK_DB", db)
            .env_remove("POJOK_LANG"),
    )
}

/// Runs `command` to its end (through `started`).
pub fn output_of(command: &mut Command) -> Output {
    started(|| command.output())
}

/// Starts `command` (through `started`).
pub fn spawn_of(command: &mut Command) -> std::process::Child {
    started(|| command.spawn())
}

/// What `start` gives once pojok has started. Under Wine, starting a process now and then
/// fails with "Internal error" (os error 1359) while the tests start many at once (seen in
/// about one run in two, each time a different test): that start is tried again, a few times.
fn started<T>(mut start: impl FnMut() -> std::io::Result<T>) -> T {
    let mut tries = 0;
    loop {
        match start() {
            Err(e) if e.raw_os_error() == Some(1359) && cfg!(windows) && tries < 5 => {
                tries += 1;
                sleep(Duration::from_millis(200));
            }
            done => return done.expect("start pojok"),
        }
    }
}

/// Runs `pojok ARGS` against `db` with these environment variables set as well.
pub fn pojok_env(db: &Path, args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .env("POJOK_DB", db)
        .env_remove("POJOK_LANG");
    for (name, value) in vars {
        command.env(name, value);
    }
    output_of(&mut command)
}

/// A PDF's text as `pdftotext -layout` reads it (a Linux program: callers are unix-only).
pub fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is installed (poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A tmux server of the test's own (its socket in a temp dir), one 80×24 window.
pub struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    /// Starts `command` (a shell command line) in a detached 80×24 session.
    pub fn start(dir: &Path, command: &str) -> Tmux {
        let tmux = Tmux {
            socket: dir.join("tmux.sock"),
        };
        // A new server can lose a race for its socket with another test's server starting at the
        // same moment; a second try is what a person would do too.
        let mut last = String::new();
        for _ in 0..3 {
            let out = Command::new("tmux")
                .arg("-S")
                .arg(&tmux.socket)
                .args([
                    "-f",
                    "/dev/null",
                    "new-session",
                    "-d",
                    "-s",
                    "kiosk",
                    "-x",
                    "80",
                    "-y",
                    "24",
                ])
                .arg(command)
                .env("TERM", "xterm-256color")
                .env_remove("TMUX")
                .output()
                .expect("tmux is installed (apt-get install tmux)");
            if out.status.success() {
                last.clear();
                break;
            }
            last = stderr(&out);
            sleep(Duration::from_millis(200));
        }
        assert!(last.is_empty(), "tmux new-session failed: {last}");
        tmux.run(&["set-option", "-t", "kiosk", "remain-on-exit", "on"]);
        tmux
    }

    /// The kiosk on the ledger `db` with `extra` arguments, in a tmux server kept in `dir`;
    /// `exec` so that the pane's process is the kiosk itself (for the kill tests).
    pub fn kiosk(dir: &Path, db: &Path, extra: &str) -> Tmux {
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!(" {extra}")
        };
        Tmux::start(dir, &format!("exec {BIN} --db '{}'{extra}", db.display()))
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux")
    }

    /// Sends keys as tmux names them: literal text is sent with `-l` by `type_text`.
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "kiosk"];
        args.extend_from_slice(keys);
        let out = self.run(&args);
        assert!(out.status.success(), "send-keys {keys:?}: {}", stderr(&out));
    }

    /// Types text literally, as a person or a barcode scanner would.
    pub fn type_text(&self, text: &str) {
        let out = self.run(&["send-keys", "-t", "kiosk", "-l", text]);
        assert!(out.status.success(), "send-keys -l {text:?}");
    }

    pub fn screen(&self) -> String {
        stdout(&self.run(&["capture-pane", "-p", "-t", "kiosk"]))
    }

    /// Waits until the screen shows `text`, and returns the screen; fails with the screen
    /// as it last was if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("screen never showed {text:?}; it shows:\n{screen}");
            }
            sleep(Duration::from_millis(50));
        }
    }

    /// Resizes the terminal, as a person dragging its window would.
    pub fn resize(&self, width: u16, height: u16) {
        let (width, height) = (width.to_string(), height.to_string());
        let out = self.run(&["resize-window", "-t", "kiosk", "-x", &width, "-y", &height]);
        assert!(out.status.success(), "resize-window: {}", stderr(&out));
    }

    /// The process id of the program in the pane.
    pub fn pid(&self) -> u32 {
        let out = self.run(&["display-message", "-p", "-t", "kiosk", "#{pane_pid}"]);
        stdout(&out).trim().parse().expect("pane pid")
    }

    pub fn pane_dead(&self) -> bool {
        let out = self.run(&["display-message", "-p", "-t", "kiosk", "#{pane_dead}"]);
        stdout(&out).trim() == "1"
    }

    /// Waits for the program to exit (after a quit key or a kill).
    pub fn wait_exit(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !self.pane_dead() {
            assert!(
                Instant::now() < deadline,
                "kiosk did not exit:\n{}",
                self.screen()
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

use chrono::{NaiveDate, NaiveDateTime};
use pojok::domain::{Rate, Rupiah, Scheme, StockQuantity, Unit};
use pojok::ledger::{Ledger, NewProducer, NewProduct};

/// A small catalogue whose figures the tests work out by hand:
/// - SRI (Kue Bu Sri), 15 % commission: LMPR Lemper Ayam Rp 3.500/pcs; KRPS Keripik Pisang
///   Rp 12.000/bks, barcode 8998201000016;
/// - TANI (Kelompok Tani Makmur), producer price: BRS Beras Pandan Wangi Rp 15.000/kg,
///   producer price Rp 13.500/kg.
pub fn small_ledger(path: &Path) -> Ledger {
    let mut ledger = Ledger::open(path).expect("open ledger");
    ledger
        .add_producer(&NewProducer {
            code: "SRI".into(),
            name: "Kue Bu Sri".into(),
            phone: "0812-1111-2222".into(),
            address: String::new(),
            account: String::new(),
            scheme: Scheme::Percentage {
                rate: Rate::from_basis_points(1500).unwrap(),
            },
        })
        .unwrap();
    ledger
        .add_producer(&NewProducer {
            code: "TANI".into(),
            name: "Kelompok Tani Makmur".into(),
            phone: "0813-3333-4444".into(),
            address: String::new(),
            account: String::new(),
            scheme: Scheme::ProducerPrice,
        })
        .unwrap();
    let product = |code: &str,
                   barcode: Option<&str>,
                   name: &str,
                   unit,
                   price,
                   producer: &str,
                   producer_price: Option<i64>| NewProduct {
        code: code.into(),
        barcode: barcode.map(Into::into),
        name: name.into(),
        variant: String::new(),
        unit,
        price: Rupiah(price),
        producer_code: producer.into(),
        producer_price: producer_price.map(Rupiah),
        min_stock: StockQuantity::ZERO,
        daily: false,
    };
    for p in [
        product("LMPR", None, "Lemper Ayam", Unit::Pcs, 3_500, "SRI", None),
        product(
            "KRPS",
            Some("8998201000016"),
            "Keripik Pisang",
            Unit::Bks,
            12_000,
            "SRI",
            None,
        ),
        product(
            "BRS",
            None,
            "Beras Pandan Wangi",
            Unit::Kg,
            15_000,
            "TANI",
            Some(13_500),
        ),
    ] {
        ledger.add_product(&p).unwrap();
    }
    ledger
}

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

/// The names of the schema's objects of `kind` ('table', 'trigger'), in order.
fn schema_names(conn: &rusqlite::Connection, kind: &str) -> Vec<String> {
    conn.prepare("SELECT name FROM sqlite_schema WHERE type = ?1 ORDER BY name")
        .unwrap()
        .query_map([kind], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Every row of every table, as text, through a connection of its own.
pub fn snapshot(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut rows = Vec::new();
    for table in schema_names(&conn, "table") {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1"))
            .unwrap();
        let width = stmt.column_count();
        let mut q = stmt.query([]).unwrap();
        while let Some(r) = q.next().unwrap() {
            let values: Vec<rusqlite::types::Value> =
                (0..width).map(|i| r.get(i).unwrap()).collect();
            rows.push(format!("{table} {values:?}"));
        }
    }
    rows
}

/// Runs `sql` on `conn` and expects SQLite to refuse it.
pub fn refused(conn: &rusqlite::Connection, sql: &str) {
    let result = conn.execute_batch(sql);
    let recursive: bool = conn
        .pragma_query_value(None, "recursive_triggers", |r| r.get(0))
        .unwrap();
    assert!(
        result.is_err(),
        "{sql} was allowed (recursive_triggers {recursive})"
    );
}

/// Each of `statements` is refused through a connection set up like the ledger's and through
/// a bare one like the sqlite3 shell's, and none changes anything in the file at `path`.
pub fn refused_both_ways(path: &Path, statements: &[String]) {
    let before = snapshot(path);
    let configured = rusqlite::Connection::open(path).unwrap();
    configured
        .execute_batch("PRAGMA foreign_keys = ON; PRAGMA recursive_triggers = ON;")
        .unwrap();
    let bare = rusqlite::Connection::open(path).unwrap();
    for conn in [&configured, &bare] {
        for sql in statements {
            refused(conn, sql);
            assert_eq!(snapshot(path), before, "{sql} changed something");
        }
    }
}

/// Every row `sql` reads from the file at `path`, each as a tuple of its columns, through a
/// connection of its own.
pub fn query_rows<T>(path: &Path, sql: &str) -> Vec<T>
where
    T: for<'a> TryFrom<&'a rusqlite::Row<'a>, Error = rusqlite::Error>,
{
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| T::try_from(r))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// A connection to the file at `path` with every trigger dropped: the ledger's guards gone,
/// as someone editing the file would have it.
pub fn unguarded(path: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    for t in schema_names(&conn, "trigger") {
        conn.execute(&format!("DROP TRIGGER {t}"), []).unwrap();
    }
    conn
}

/// The one number `sql` reads from the file at `path`.
pub fn scalar(path: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

/// How many rows `table` holds in the file at `path`.
pub fn row_count(path: &Path, table: &str) -> i64 {
    scalar(path, &format!("SELECT COUNT(*) FROM {table}"))
}

pub mod escpos;

/// The open day's cash figures as the close screen reads them: from the open day's report.
pub fn open_day_cash(ledger: &Ledger) -> pojok::domain::CashFigures {
    let day = ledger
        .open_day_status()
        .unwrap()
        .expect("a day is open")
        .day;
    ledger
        .day_report(day.date)
        .unwrap()
        .expect("its report")
        .cash
}

/// Closes the open day with the cash counted exactly as expected (no variance); with no day
/// open, the ledger's refusal.
pub fn close_counted(
    ledger: &mut Ledger,
    attendant: &str,
    at: NaiveDateTime,
) -> pojok::ledger::Result<pojok::domain::BusinessDay> {
    let expected = match ledger.open_day_status()? {
        Some(open) => ledger
            .day_report(open.day.date)?
            .map_or(Rupiah::ZERO, |report| report.expected_cash),
        None => Rupiah::ZERO,
    };
    ledger.close_day(
        &pojok::domain::CashCount::Total(expected),
        "",
        attendant,
        at,
    )
}

// ---- Sales, deliveries and days recorded through the library, as the tests' setups need ----

use pojok::domain::{Cart, IntakeLine, Payment, PaymentMethod, Quantity, Sale, Tender};

/// The cart of `lines` (product code, quantity) from the active products.
pub fn cart_of(ledger: &Ledger, lines: &[(&str, Quantity)]) -> Cart {
    let products = ledger.active_products().unwrap();
    let mut cart = Cart::default();
    for (code, quantity) in lines {
        let product = products.iter().find(|p| p.code == *code);
        cart.add(
            product.unwrap_or_else(|| panic!("no product {code}")),
            *quantity,
        )
        .unwrap();
    }
    cart
}

/// Payments of exactly `total` by `method`.
pub fn paid_by(total: Rupiah, method: PaymentMethod) -> Vec<Payment> {
    let mut tender = Tender::new(total);
    tender.pay_rest(method, None).unwrap();
    tender.payments
}

/// Rina sells `lines` at `when`, paid exactly by `method`.
pub fn sell_by(
    ledger: &mut Ledger,
    lines: &[(&str, Quantity)],
    method: PaymentMethod,
    when: NaiveDateTime,
) -> Sale {
    let cart = cart_of(ledger, lines);
    let payments = paid_by(cart.total(), method);
    ledger.record_sale(&cart, &payments, "Rina", when).unwrap()
}

/// `lines` for `cart_of` from whole pieces: ("LMPR", 2) is two lemper.
pub fn pieces<'a>(items: &[(&'a str, i64)]) -> Vec<(&'a str, Quantity)> {
    items
        .iter()
        .map(|(code, n)| (*code, Quantity::whole(*n)))
        .collect()
}

/// `sell_by` with whole pieces.
pub fn sell_whole(
    ledger: &mut Ledger,
    items: &[(&str, i64)],
    method: PaymentMethod,
    when: NaiveDateTime,
) -> Sale {
    sell_by(ledger, &pieces(items), method, when)
}

/// `sell_by` with quantities in thousandths (1_250 is 1,25 kg) and the time as text.
pub fn sell_milli(
    ledger: &mut Ledger,
    items: &[(&str, i64)],
    method: PaymentMethod,
    when: &str,
) -> Sale {
    let lines: Vec<(&str, Quantity)> = items
        .iter()
        .map(|(code, milli)| (*code, Quantity::from_milli(*milli)))
        .collect();
    sell_by(ledger, &lines, method, at(when))
}

/// A delivery line of `milli` thousandths of `code`, with no best-before date.
pub fn intake(code: &str, milli: i64) -> IntakeLine {
    IntakeLine {
        product_code: code.into(),
        quantity: Quantity::from_milli(milli),
        best_before: None,
    }
}

/// Rina opens `day` (2026-11-20) at `time` (07:00) with `float` rupiah in the drawer.
pub fn rina_opens(ledger: &mut Ledger, day: &str, float: i64, time: &str) {
    ledger
        .open_day(
            date(day),
            "Rina",
            Rupiah(float),
            at(&format!("{day} {time}")),
        )
        .unwrap();
}

/// What is on hand of `code` now.
pub fn on_hand(ledger: &Ledger, code: &str) -> StockQuantity {
    ledger
        .stock_levels(None)
        .unwrap()
        .into_iter()
        .find(|l| l.code == code)
        .unwrap()
        .on_hand
}

/// 21 Nov 2026, opened with no float and closed at 17:00 with the cash as expected: 10 lemper
/// in from SRI, 4 of them sold for cash at 09:00 (4 × Rp 3.500 = Rp 14.000; SRI's 85 % is
/// Rp 11.900).
pub fn closed_day_of_four_lemper(ledger: &mut Ledger) {
    rina_opens(ledger, "2026-11-21", 0, "07:00");
    ledger
        .receive_stock(
            "SRI",
            &[intake("LMPR", 10_000)],
            "Rina",
            at("2026-11-21 07:30"),
        )
        .unwrap();
    sell_by(
        ledger,
        &[("LMPR", Quantity::whole(4))],
        PaymentMethod::Cash,
        at("2026-11-21 09:00"),
    );
    close_counted(ledger, "Rina", at("2026-11-21 17:00")).unwrap();
}

// ---- The shop's users, and signing in at the kiosk ----

use pojok::domain::{Role, User};
use pojok::kiosk::Runtime;
use pojok::ui::{self, App};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Rina, an attendant.
pub const RINA_PIN: &str = "1111";
/// Budi, the manager.
pub const BUDI_PIN: &str = "9999";

/// The users the kiosk tests sign in as: Rina (attendant) and Budi (manager), in that order.
pub fn add_users(ledger: &mut Ledger) -> (User, User) {
    let when = at("2026-11-01 07:00");
    let budi = ledger.create_first_manager("Budi", BUDI_PIN, when).unwrap();
    let rina = ledger
        .add_user("Rina", Role::Attendant, RINA_PIN, when)
        .unwrap();
    (rina, budi)
}

/// Types `pin` and Enter on the sign-in screen the runtime opened at start, key by key
/// through the keymap: the user named to `Runtime::start` is picked already.
pub fn sign_in(effects: &mut Runtime, app: &mut App, pin: &str) {
    for code in pin.chars().map(KeyCode::Char).chain([KeyCode::Enter]) {
        if let Some(msg) = ui::key_to_msg(app, KeyEvent::new(code, KeyModifiers::NONE)) {
            effects.dispatch(app, msg);
        }
    }
    let note = app.note().map(|n| n.text(app.lang()));
    assert!(app.user().is_some(), "not signed in: {note:?}");
}

impl Tmux {
    /// After sign-in: types `float` (as a person writes it: "200.000") into the day's opening
    /// float and Enter; returns once the screen shows `shown` (who is at the till, or the
    /// note of the opened day).
    pub fn open_day(&self, float: &str, shown: &str) {
        self.wait_for("Modal awal");
        self.type_text(float);
        self.keys(&["Enter"]);
        self.wait_for(shown);
    }

    /// At the till with a cart: F2, Enter on cash (exact: the amount due is filled in);
    /// returns once the screen shows `done` (the sale's number, or the change).
    pub fn pay_exact_cash(&self, done: &str) {
        self.keys(&["F2"]);
        self.wait_for("Tunai");
        self.keys(&["Enter"]);
        self.wait_for(done);
    }

    /// After sign-in: opens the day with no float and sells one Keripik Pisang for exact
    /// cash; returns once the sale is done, `header` (who is at the till) having shown. The
    /// change panel is left open.
    pub fn open_day_and_sell_one(&self, header: &str) {
        self.open_day("0", header);
        self.type_text("KRPS");
        self.keys(&["Enter"]);
        self.wait_for("Keripik Pisang");
        self.pay_exact_cash("No. 1");
    }

    /// A fresh `small_ledger` with `add_users`' users at `dir`/pojok.db, the kiosk on it, Rina
    /// signed in, the day opened and one Keripik Pisang sold (`open_day_and_sell_one`).
    /// Returns the kiosk and the ledger's path.
    pub fn rina_after_one_sale(dir: &Path) -> (Tmux, PathBuf) {
        let db = dir.join("pojok.db");
        add_users(&mut small_ledger(&db));
        let tmux = Tmux::kiosk(dir, &db, "");
        tmux.login("Rina", RINA_PIN);
        tmux.open_day_and_sell_one("Kasir: Rina");
        (tmux, db)
    }

    /// On the sign-in screen with the user picked already (`--attendant`): `pin` and Enter.
    pub fn pin_in(&self, pin: &str) {
        self.wait_for("PIN");
        self.type_text(pin);
        self.keys(&["Enter"]);
    }

    /// Signs in on the kiosk's sign-in (or lock) screen: the name's letters pick the user,
    /// the PIN's digits go to the PIN, Enter. Returns once the till is back.
    pub fn login(&self, name: &str, pin: &str) {
        self.wait_for("PIN");
        self.type_text(&name.to_lowercase());
        self.type_text(pin);
        self.keys(&["Enter"]);
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            let gate = [
                "┌ Masuk ",
                "┌ Sign in ",
                "┌ Kasir terkunci ",
                "┌ Till locked ",
            ]
            .iter()
            .any(|title| screen.contains(title));
            if !gate {
                return;
            }
            assert!(Instant::now() < deadline, "still not signed in:\n{screen}");
            sleep(Duration::from_millis(50));
        }
    }
}

/// The kiosk's runtime and app on a real ledger, driven key by key through the keymap and
/// `update` as the event loop does it, without a terminal.
pub struct Kiosk {
    pub effects: Runtime,
    pub app: App,
}

impl Kiosk {
    /// The kiosk started on `ledger` in `lang`, at its sign-in screen with `name` picked (none
    /// with "").
    pub fn at_sign_in(ledger: Ledger, name: &str, lang: pojok::strings::Lang) -> Kiosk {
        let mut effects = Runtime::new(ledger, 32, lang).unwrap();
        let app = effects.start(lang, name.to_string()).unwrap();
        Kiosk { effects, app }
    }

    /// `at_sign_in` on the ledger file at `path`, in Indonesian.
    pub fn on_file(path: &Path, name: &str) -> Kiosk {
        let ledger = Ledger::open(path).unwrap();
        Kiosk::at_sign_in(ledger, name, pojok::strings::Lang::Id)
    }

    /// The kiosk on `ledger`, `name` signed in with `pin`.
    pub fn signed_in(ledger: Ledger, name: &str, pin: &str) -> Kiosk {
        let mut kiosk = Kiosk::at_sign_in(ledger, name, pojok::strings::Lang::Id);
        kiosk.sign_in(pin);
        kiosk
    }

    /// Types `pin` and Enter on the sign-in screen; fails unless someone is signed in then.
    pub fn sign_in(&mut self, pin: &str) {
        sign_in(&mut self.effects, &mut self.app, pin);
    }

    /// Opens today with no float and sells one Keripik Pisang for exact cash.
    pub fn open_day_and_sell_one(&mut self) {
        self.type_text("0");
        self.enter();
        assert!(self.app.status().is_some(), "{}", self.note());
        self.first_sale_for_cash("KRPS");
    }

    /// At the till: `entry` (a code or a barcode), Enter, F2 and Enter (exact cash); fails
    /// unless that made the day's first sale.
    pub fn first_sale_for_cash(&mut self, entry: &str) {
        self.type_text(entry);
        self.enter();
        self.key(KeyCode::F(2));
        self.enter();
        assert_eq!(self.app.status().unwrap().sales, 1, "{}", self.note());
    }

    pub fn key_with(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        if let Some(msg) = ui::key_to_msg(&self.app, KeyEvent::new(code, modifiers)) {
            self.effects.dispatch(&mut self.app, msg);
        }
        self.effects.flush_draft(&mut self.app);
    }

    pub fn key(&mut self, code: KeyCode) {
        self.key_with(code, KeyModifiers::NONE);
    }

    pub fn enter(&mut self) {
        self.key(KeyCode::Enter);
    }

    pub fn ctrl(&mut self, c: char) {
        self.key_with(KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    /// The message line as the attendant reads it.
    pub fn note(&self) -> String {
        let lang = self.app.lang();
        self.app.note().map(|n| n.text(lang)).unwrap_or_default()
    }
}

/// Runs `pojok ARGS` against `db` with `input` on its standard input (a PIN for a command
/// that asks the manager, as a script would give it).
pub fn pojok_with_input(db: &Path, args: &[&str], input: &str) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(BIN)
        .args(args)
        .env("POJOK_DB", db)
        .env_remove("POJOK_LANG")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run pojok");
    let mut stdin = child.stdin.take().unwrap();
    // The command may refuse before it reads: a closed pipe is then no failure.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child.wait_with_output().expect("wait for pojok")
}
