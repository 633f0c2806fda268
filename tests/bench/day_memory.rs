//! Benchmark: the kiosk's memory through a whole day on a ledger of years — sign-in, 300
//! sales rung up key by key with a frame drawn after each key, Ctrl+P, the till locked and
//! unlocked at midday, the close — side by side with the goals (peak ≤ 16 MB, steady ≤ 12 MB).
//!
//! `BENCH_DB=/tmp/pojok-5y.db cargo bench --bench day_memory` works on a copy of a ledger
//! made with `pojok demo --years N --db PATH`. Without `BENCH_DB` it generates
//! `BENCH_DAYS` calendar days (default 60) in a separate process first, so that the
//! generator's own memory is not counted.

use chrono::Local;
use pojok::domain::Rupiah;
use pojok::kiosk::Runtime;
use pojok::ledger::Ledger;
use pojok::strings::Lang;
use pojok::ui::{self, App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod shared;

const SALES: usize = 300;
/// The demo's manager Budi's PIN, which the generated years carry too.
const PIN: &str = "9999";

/// A field of `/proc/self/status` in kB (VmRSS: now, VmHWM: the peak so far).
fn status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

struct Day {
    runtime: Runtime,
    app: App,
    terminal: Terminal<TestBackend>,
}

impl Day {
    fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        if let Some(msg) = ui::key_to_msg(&self.app, KeyEvent::new(code, modifiers)) {
            self.runtime.dispatch(&mut self.app, msg);
        }
        self.runtime.flush_draft(&mut self.app);
        self.terminal
            .draw(|frame| ui::view(&self.app, frame))
            .expect("draw");
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c), KeyModifiers::NONE);
        }
    }

    fn enter(&mut self) {
        self.key(KeyCode::Enter, KeyModifiers::NONE);
    }

    fn note(&self) -> String {
        let lang = self.app.lang();
        self.app.note().map(|n| n.text(lang)).unwrap_or_default()
    }
}

/// Forgets the peak so far (Linux: writing 5 to `clear_refs` resets VmHWM), so what was
/// spent making the ledger is not counted as the kiosk's.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = shared::ledger_in(dir.path(), |ledger| {
        let now = Local::now().naive_local();
        ledger
            .create_first_manager("Budi", PIN, now)
            .expect("manager");
    });
    reset_peak();
    let before = status_kb("VmRSS").unwrap_or(0);
    let now = Local::now().naive_local();
    let mut ledger = Ledger::open(&path).expect("open");
    let name = "Budi".to_string();
    if let Some(open) = ledger.open_day_status().expect("status") {
        let report = ledger.day_report(open.day.date).expect("report");
        let expected = report.expect("the open day's report").expected_cash;
        let count = pojok::domain::CashCount::Total(expected);
        ledger
            .close_day(&count, "", "Bench", now)
            .unwrap_or_else(|e| panic!("close {}: {e}", open.day.date));
    }
    let codes: Vec<String> = ledger
        .active_products()
        .expect("products")
        .into_iter()
        .filter(|p| !p.unit.is_weighed())
        .map(|p| p.code)
        .take(40)
        .collect();
    let mut runtime = Runtime::new(ledger, 32, Lang::Id).expect("runtime");
    let app = runtime.start(Lang::Id, name).expect("start");
    let terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut day = Day {
        runtime,
        app,
        terminal,
    };
    day.type_text(PIN);
    day.enter();
    assert!(day.app.user().is_some(), "not signed in: {}", day.note());
    let signed_in = status_kb("VmRSS").unwrap_or(0);
    let peak_at_sign_in = status_kb("VmHWM").unwrap_or(0);
    day.type_text("0");
    day.enter();
    assert!(day.app.status().is_some(), "day not opened: {}", day.note());

    let mut samples = Vec::with_capacity(SALES);
    for i in 0..SALES {
        for code in codes.iter().cycle().skip(i).take(1 + i % 3) {
            day.type_text(code);
            day.enter();
        }
        day.key(KeyCode::F(2), KeyModifiers::NONE);
        day.enter();
        if i == SALES / 2 {
            // A lunch break: the till locked, and the PIN typed again to go on.
            day.key(KeyCode::Char('l'), KeyModifiers::CONTROL);
            day.type_text(PIN);
            day.enter();
            assert!(day.app.user().is_some(), "not back in: {}", day.note());
        }
        if i % 50 == 25 {
            // The manager's look at the balances, as through a day.
            day.key(KeyCode::Char('p'), KeyModifiers::CONTROL);
            day.key(KeyCode::Esc, KeyModifiers::NONE);
        }
        samples.push(status_kb("VmRSS").unwrap_or(0));
    }
    let samples_peak = status_kb("VmHWM").unwrap_or(0);
    let sold = day.app.status().map_or(0, |s| s.sales);
    let expected = day.app.status().map_or(Rupiah::ZERO, |s| s.takings);
    day.key(KeyCode::F(5), KeyModifiers::NONE);
    day.type_text(&expected.value().to_string());
    day.key(KeyCode::F(2), KeyModifiers::NONE);
    // The count typed again confirms the close.
    day.type_text(&expected.value().to_string());
    day.enter();
    let closed = day.app.status().is_none();
    let after_close = status_kb("VmRSS").unwrap_or(0);
    let peak_before_close = samples_peak;

    // Steady: the middle of the day, once the first sales have warmed the caches; the
    // highest between two sales too, as a median would hide an afternoon that holds more.
    let mut steady = samples[SALES / 10..].to_vec();
    steady.sort_unstable();
    let highest = steady.last().copied().unwrap_or(0);
    let steady = steady[steady.len() / 2];
    let afternoon = samples[SALES / 2 + 1..].iter().copied().max().unwrap_or(0);
    let peak = status_kb("VmHWM").unwrap_or(0);
    println!(
        "a day at the kiosk on {} ({sold} sales rung up)",
        path.display()
    );
    println!("  before the ledger opens     {:>6.1} MB", mb(before));
    println!(
        "  signed in                   {:>6.1} MB   (peak so far {:.1} MB: the PIN's hash)",
        mb(signed_in),
        mb(peak_at_sign_in)
    );
    println!(
        "  steady through the day      {:>6.1} MB   goal ≤ 12 MB   {:.2}× goal",
        mb(steady),
        mb(steady) / 12.0
    );
    println!(
        "  highest between two sales   {:>6.1} MB   (after the midday unlock {:.1} MB)",
        mb(highest),
        mb(afternoon)
    );
    println!(
        "  after the close ({})   {:>6.1} MB",
        if closed { "closed" } else { "NOT closed" },
        mb(after_close)
    );
    println!(
        "  peak before the close       {:>6.1} MB",
        mb(peak_before_close)
    );
    println!(
        "  peak (VmHWM)                {:>6.1} MB   goal ≤ 16 MB   {:.2}× goal",
        mb(peak),
        mb(peak) / 16.0
    );
}
