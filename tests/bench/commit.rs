//! Benchmark: how long a durable three-line sale takes to commit, beside a plain rusqlite
//! loop inserting the same rows with the same pragmas in the same run (interleaved, so that
//! both meet the same disk), and how many pages each puts into the WAL. On Linux the pair
//! runs again on a RAM disk (`/dev/shm`), where the flush costs nothing: what each does
//! besides waiting for the disk, which is what the ratio on a fast disk comes down to.
//! Run with `cargo bench --bench commit` (release build; takes about a minute).

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Local;
use pojok::domain::{Cart, Catalogue, PaymentMethod, Quantity, Tender};
use pojok::ledger::Ledger;

mod plain;

const ROUNDS: usize = 301;

fn median_p95(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let p95 = samples[samples.len() * 95 / 100];
    (samples[samples.len() / 2], p95)
}

/// The demo shop's ledger in `dir`, with its three-line cart paid in cash.
fn demo_sale(dir: &Path) -> (Ledger, Cart, Tender) {
    let mut ledger = Ledger::open(&dir.join("pojok.db")).expect("open ledger");
    pojok::demo::seed(&mut ledger, Local::now().naive_local()).expect("seed");
    let catalogue = Catalogue::new(ledger.active_products().expect("products"));
    let mut cart = Cart::default();
    for (code, milli) in [("LMPR", 3_000), ("KRPS", 1_000), ("BRS", 1_250)] {
        let product = catalogue.lookup(code).expect("demo product");
        cart.add(product, Quantity::from_milli(milli)).expect("add");
    }
    let mut tender = Tender::new(cart.total());
    tender.pay_rest(PaymentMethod::Cash, None).expect("pay");
    (ledger, cart, tender)
}

/// Both loops in a new folder under `parent`, interleaved, then their pages per sale.
fn measure(parent: &Path, place: &str) {
    let dir = tempfile::tempdir_in(parent).expect("tempdir");
    let (mut ledger, cart, tender) = demo_sale(dir.path());
    let mut sell = || {
        ledger
            .record_sale(&cart, &tender.payments, "Bench", Local::now().naive_local())
            .expect("record");
    };
    let mut plain = plain::Plain::new(dir.path(), &cart);
    let (mut ours, mut theirs) = (Vec::with_capacity(ROUNDS), Vec::with_capacity(ROUNDS));
    for _ in 0..ROUNDS {
        let start = Instant::now();
        sell();
        ours.push(start.elapsed());
        let start = Instant::now();
        plain.sale();
        theirs.push(start.elapsed());
    }
    let ours_pages = plain::pages_per_write(&dir.path().join("pojok.db"), 20, &mut sell);
    let plain_path = plain.path().to_path_buf();
    let theirs_pages = plain::pages_per_write(&plain_path, 20, || plain.sale());
    let ((ours, ours_p95), (theirs, theirs_p95)) = (median_p95(ours), median_p95(theirs));
    println!("{place}:");
    println!(
        "  Ledger::record_sale  median {ours:>10.3?}  p95 {ours_p95:>10.3?}  {ours_pages:>5.1} WAL pages"
    );
    println!(
        "  plain rusqlite loop  median {theirs:>10.3?}  p95 {theirs_p95:>10.3?}  {theirs_pages:>5.1} WAL pages"
    );
    println!(
        "  {:.2}× (goal ≤ 1.30× on disk)",
        ours.as_secs_f64() / theirs.as_secs_f64()
    );
}

fn main() {
    println!(
        "three-line sale, durable commit, {ROUNDS} rounds interleaved, same pragmas (WAL, synchronous=FULL)"
    );
    measure(&std::env::temp_dir(), "on disk (the temp folder)");
    let ram = Path::new("/dev/shm");
    if cfg!(target_os = "linux") && ram.is_dir() {
        measure(
            ram,
            "on a RAM disk (/dev/shm: the flush is free, the rest is the work)",
        );
    }
}
