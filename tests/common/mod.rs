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
    Command::new(BIN)
        .args(args)
        .env("POJOK_DB", db)
        .env_remove("POJOK_LANG")
        .output()
        .expect("run pojok")
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
    command.output().expect("run pojok")
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

/// Every row of every table, as text, through a connection of its own.
pub fn snapshot(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut rows = Vec::new();
    for table in tables {
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

pub mod escpos;

/// Closes the open day with the cash counted exactly as expected (no variance); with no day
/// open, the ledger's refusal.
pub fn close_counted(
    ledger: &mut Ledger,
    attendant: &str,
    at: NaiveDateTime,
) -> pojok::ledger::Result<pojok::domain::BusinessDay> {
    let expected = ledger
        .open_day_cash()?
        .map_or(pojok::domain::Rupiah::ZERO, |c| c.expected());
    ledger.close_day(
        &pojok::domain::CashCount::Total(expected),
        "",
        attendant,
        at,
    )
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
    /// After sign-in: opens the day with no float and sells one Keripik Pisang for exact
    /// cash; returns once the sale is done, `header` (who is at the till) having shown. The
    /// change panel is left open.
    pub fn open_day_and_sell_one(&self, header: &str) {
        self.wait_for("Modal awal");
        self.type_text("0");
        self.keys(&["Enter"]);
        self.wait_for(header);
        self.type_text("KRPS");
        self.keys(&["Enter"]);
        self.wait_for("Keripik Pisang");
        self.keys(&["F2"]);
        self.wait_for("Tunai");
        self.keys(&["Enter"]);
        self.wait_for("No. 1");
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
    /// The kiosk on `ledger`, `name` signed in with `pin`.
    pub fn signed_in(ledger: Ledger, name: &str, pin: &str) -> Kiosk {
        let mut effects = Runtime::new(ledger, 32, pojok::strings::Lang::Id).unwrap();
        let mut app = effects
            .start(pojok::strings::Lang::Id, name.to_string())
            .unwrap();
        sign_in(&mut effects, &mut app, pin);
        Kiosk { effects, app }
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
