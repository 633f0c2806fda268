//! Benchmark: pojok on years of history, side by side with the goals (issue "five years on a
//! cheap PC"): the screens' reads, settlement, statements, the money writes, a durable sale
//! beside a plain rusqlite loop, and `verify`.
//!
//! `BENCH_DB=/tmp/pojok-5y.db cargo bench --bench years` measures a ledger made with
//! `pojok demo --years N --db PATH` (left untouched: the bench works on a copy). Without
//! `BENCH_DB` it generates `BENCH_DAYS` calendar days (default 60) first.

use std::time::{Duration, Instant};

use chrono::{Days, Local, NaiveDate, NaiveDateTime};
use pojok::domain::{
    Cart, Catalogue, IntakeLine, PaymentMethod, PayoutMethod, Quantity, Rupiah, Tender,
};
use pojok::ledger::Ledger;

mod plain;
mod shared;

fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// This thread's time on a CPU (Linux `schedstat`), which a loaded machine does not inflate
/// the way it does the wall clock; zero where it cannot be read.
fn cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

/// Wall-clock and CPU medians of some runs.
#[derive(Clone, Copy)]
struct Took {
    wall: Duration,
    cpu: Duration,
}

/// The medians of `rounds` runs of `work`.
fn time<T>(rounds: usize, mut work: impl FnMut() -> T) -> Took {
    let (mut walls, mut cpus): (Vec<Duration>, Vec<Duration>) = (0..rounds)
        .map(|_| {
            let (start, on_cpu) = (Instant::now(), cpu());
            std::hint::black_box(work());
            (start.elapsed(), cpu().saturating_sub(on_cpu))
        })
        .unzip();
    Took {
        wall: median(&mut walls),
        cpu: median(&mut cpus),
    }
}

fn row(what: &str, took: Took, goal: Duration) {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "  {what:<44} {:>9.2} ms wall {:>9.2} ms CPU   goal {:>7.1} ms   {:>5.2}× goal (CPU)",
        ms(took.wall),
        ms(took.cpu),
        ms(goal),
        took.cpu.as_secs_f64() / goal.as_secs_f64()
    );
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = shared::ledger_in(dir.path(), |_| {});
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    // A file from an older pojok is migrated at its first open: timed here, on its own,
    // so that the sign-in row measures an open as every later start makes it.
    let migrating = Instant::now();
    drop(Ledger::open(&path).expect("migrate"));
    println!(
        "first open (migrates a file from an older pojok): {:.0} ms",
        migrating.elapsed().as_secs_f64() * 1e3
    );
    let (opened, on_cpu) = (Instant::now(), cpu());
    let mut ledger = Ledger::open(&path).expect("open");
    let (open_time, open_cpu) = (opened.elapsed(), cpu().saturating_sub(on_cpu));
    let dates = ledger.business_dates().expect("dates");
    let (last, first) = (dates[0], dates[dates.len() - 1]);
    let entries = ledger.chain_head().expect("head").map_or(0, |h| h.seq);
    println!(
        "ledger: {} business days {first} … {last}, {entries} chain entries, {} MB",
        dates.len(),
        size / 1_000_000
    );
    let users = ledger.users().expect("users");
    println!("(goal ratios ≤ 1.00 meet the goal)");
    let listed = time(5, || ledger.users());
    let sign_in = Took {
        wall: open_time + listed.wall,
        cpu: open_cpu + listed.cpu,
    };
    row("open the file and list users (sign-in)", sign_in, ms(15));
    if let Some(user) = users.first() {
        let at = Local::now().naive_local();
        row(
            "sign in: argon2 PIN check (demo PIN 9999/1111)",
            time(3, || {
                ledger
                    .check_pin(user.id, "9999", at)
                    .or_else(|_| ledger.check_pin(user.id, "1111", at))
            }),
            ms(1000),
        );
    }

    let today = last + Days::new(1);
    let noon = |d: NaiveDate| -> NaiveDateTime { d.and_hms_opt(12, 0, 0).expect("noon") };
    ledger
        .open_day(today, "Bench", Rupiah(300_000), noon(today))
        .expect("open day");
    let catalogue = Catalogue::new(ledger.active_products().expect("products"));
    let cart = three_lines(&catalogue);
    let mut tender = Tender::new(cart.total());
    tender.pay_rest(PaymentMethod::Cash, None).expect("pay");
    for _ in 0..300 {
        ledger
            .record_sale(&cart, &tender.payments, "Bench", noon(today))
            .expect("sale");
    }

    println!("screens (a day of 300 sales open):");
    row(
        "Ctrl+P producers' balances and days",
        time(9, || {
            (
                ledger.producer_balances().expect("b"),
                ledger.settlement_days().expect("d"),
            )
        }),
        ms(50),
    );
    row(
        "F5 close screen (day report + balances)",
        time(9, || {
            (
                ledger.day_report(today).expect("report"),
                ledger.producer_balances().expect("balances"),
            )
        }),
        ms(50),
    );
    row(
        "Ctrl+G the manager's glance",
        time(9, || ledger.glance(today).expect("glance")),
        ms(50),
    );
    row(
        "30-day sparklines (producers, products lists)",
        time(9, || ledger.daily_sales(today).expect("daily sales")),
        ms(50),
    );
    let newest = pojok::domain::HistoryFilter {
        limit: Some(500),
        ..Default::default()
    };
    row(
        "Ctrl+R audit trail, the newest 500 entries",
        time(5, || ledger.history(&newest).expect("history")),
        ms(50),
    );
    let long_ago = pojok::domain::HistoryFilter {
        day: Some(dates[dates.len() * 4 / 5]),
        limit: Some(500),
        ..Default::default()
    };
    row(
        &format!("Ctrl+R audit trail of {}", dates[dates.len() * 4 / 5]),
        time(5, || ledger.history(&long_ago).expect("history")),
        ms(50),
    );
    println!("producers' money:");
    row(
        "settlement of the last closed day, all producers",
        time(5, || ledger.settlement_for(last, None).expect("s")),
        ms(50),
    );
    let baker = "U006";
    for (label, from, goal) in [
        (
            "statement of a baker, 30 days",
            last - Days::new(30),
            ms(50),
        ),
        (
            "statement of a baker, 1 year",
            last - Days::new(365),
            ms(200),
        ),
        ("statement of a baker, whole ledger", first, ms(1000)),
    ] {
        let from = from.max(first);
        row(
            label,
            time(3, || {
                ledger.statement(baker, from, last).expect("statement")
            }),
            goal,
        );
    }
    // Rp 1 at a time from the producer owed most, so that every payout is taken.
    let owed = ledger
        .producer_balances()
        .expect("balances")
        .into_iter()
        .max_by_key(|b| b.balance)
        .expect("a producer");
    assert!(owed.balance.value() > 100, "{owed:?}");
    row(
        "pay_producer (transfer)",
        time(21, || {
            ledger
                .pay_producer(
                    &owed.code,
                    PayoutMethod::Transfer,
                    Rupiah(1),
                    "",
                    "Bench",
                    noon(today),
                )
                .expect("payout")
        }),
        ms(5),
    );
    let code = catalogue.products()[0].code.clone();
    let producer = catalogue.products()[0].producer_code.clone();
    row(
        "receive_stock (one line)",
        time(21, || {
            ledger
                .receive_stock(
                    &producer,
                    &[IntakeLine {
                        product_code: code.clone(),
                        quantity: Quantity::whole(5),
                        best_before: None,
                    }],
                    "Bench",
                    noon(today),
                )
                .expect("intake")
        }),
        ms(5),
    );

    println!("a durable three-line sale beside plain rusqlite (same disk, same pragmas):");
    // Interleaved, so that both loops meet the same disk and the same neighbours.
    let mut plain = plain::Plain::new(dir.path(), &cart);
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..201 {
        ours.push(
            time(1, || {
                ledger
                    .record_sale(&cart, &tender.payments, "Bench", noon(today))
                    .expect("sale")
            })
            .wall,
        );
        theirs.push(time(1, || plain.sale()).wall);
    }
    let ours_pages = plain::pages_per_write(&path, 20, || {
        ledger
            .record_sale(&cart, &tender.payments, "Bench", noon(today))
            .expect("sale");
    });
    let plain_path = plain.path().to_path_buf();
    let theirs_pages = plain::pages_per_write(&plain_path, 20, || plain.sale());
    let (sale, plain) = (median(&mut ours), median(&mut theirs));
    println!(
        "  Ledger::record_sale {:.3} ms   plain rusqlite {:.3} ms   {:.2}× (goal ≤ 1.30×)",
        sale.as_secs_f64() * 1e3,
        plain.as_secs_f64() * 1e3,
        sale.as_secs_f64() / plain.as_secs_f64()
    );
    println!(
        "  WAL pages per sale: Ledger::record_sale {ours_pages:.1}, plain rusqlite {theirs_pages:.1}"
    );

    println!("verify:");
    // The close's own check: the chain since the last one (the first covers it all, as on a
    // ledger from before checks were recorded; the second is a day's worth).
    let first = time(1, || {
        ledger
            .check_chain_at_close(noon(today))
            .expect("check")
            .chained
    });
    row("first check at a close (whole chain)", first, ms(10_000));
    for _ in 0..300 {
        let cart = three_lines(&catalogue);
        let mut tender = Tender::new(cart.total());
        tender.pay_rest(PaymentMethod::Cash, None).expect("tender");
        ledger
            .record_sale(&cart, &tender.payments, "Bench", noon(today))
            .expect("sale");
    }
    let mut entries = 0;
    let at_close = time(1, || {
        entries = ledger
            .check_chain_at_close(noon(today))
            .expect("check")
            .chained
    });
    row(
        &format!("check at a close, a day later ({entries} entries)"),
        at_close,
        ms(200),
    );
    let mut problems = 0;
    let took = time(1, || {
        problems = ledger.verify().expect("verify").problems.len()
    });
    row(
        &format!("verify --full, whole file ({problems} problems)"),
        took,
        ms(10_000),
    );
    if let Some(kb) = peak_rss_kb() {
        println!(
            "peak RSS of this bench process: {:.1} MB",
            kb as f64 / 1024.0
        );
    }
}

fn three_lines(catalogue: &Catalogue) -> Cart {
    let mut cart = Cart::default();
    for p in catalogue
        .products()
        .iter()
        .filter(|p| !p.unit.is_weighed())
        .take(3)
    {
        cart.add(p, Quantity::whole(1)).expect("add");
    }
    cart
}

/// The process's peak resident memory (Linux), in kB.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
