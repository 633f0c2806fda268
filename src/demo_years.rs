//! Years of a corner's history written through the ledger's own writes (`pojok demo --years N`):
//! a big, chained, verifiable ledger for trying and benchmarking pojok as it is after years.
//!
//! Each business day (Monday to Friday) is one `Ledger::batch`: opened with a float,
//! deliveries, about 300 sales (cash, QRIS, transfer, tabs), a void, a write-off, weekly counts
//! and returns, the perishables back in the afternoon, payouts, a correction of an earlier
//! day's sale now and then, tab payments after payday, and the close with the cash counted.
//! The run is deterministic: the same years and end date give the same file.

use std::time::Instant;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use crate::domain::{
    Cart, CashCount, CashDirection, Catalogue, IntakeLine, NewCustomer, PaymentMethod,
    PayoutMethod, Product, Quantity, Rate, RefundMethod, Rupiah, Scheme, StockQuantity, Tender,
    Unit,
};
use crate::ledger::{Ledger, LedgerError, NewProducer, NewProduct, Result};

pub const PRODUCERS: usize = 120;
pub const PRODUCTS_PER_PRODUCER: usize = 5;
const CUSTOMERS: usize = 40;
const SALES_PER_DAY: u64 = 300;
const ATTENDANT: &str = "Rina";

/// A small deterministic generator (splitmix64): enough for plausible shop traffic, and
/// no dependency for it.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }
}

/// What a run wrote, for its summary line.
#[derive(Debug, Default, Clone, Copy)]
pub struct Generated {
    pub days: usize,
    pub sales: usize,
    pub seconds: f64,
}

/// The shop as the generator knows it between days.
struct Corner {
    catalogue: Catalogue,
    daily_producers: Vec<String>,
    customers: Vec<i64>,
    /// Sales of the previous day that a correction may take back.
    yesterday: Vec<i64>,
    dice: Dice,
}

/// Writes the business days of the `calendar_days` before `today` into an empty ledger,
/// calling `progress` after each day with the days done and the days in all.
pub fn generate(
    ledger: &mut Ledger,
    calendar_days: u64,
    today: NaiveDate,
    mut progress: impl FnMut(usize, usize),
) -> Result<Generated> {
    let started = Instant::now();
    let first = today - Days::new(calendar_days);
    let dates: Vec<NaiveDate> = first
        .iter_days()
        .take_while(|d| *d < today)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect();
    let setup_at = first.and_time(NaiveTime::from_hms_opt(6, 0, 0).unwrap_or_default());
    let mut corner = ledger.batch(|ledger| set_up(ledger, setup_at))?;
    let mut sales = 0;
    for (done, date) in dates.iter().enumerate() {
        sales += ledger.batch(|ledger| one_day(ledger, &mut corner, *date))?;
        progress(done + 1, dates.len());
    }
    Ok(Generated {
        days: dates.len(),
        sales,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The catalogue and the tab customers.
fn set_up(ledger: &mut Ledger, at: NaiveDateTime) -> Result<Corner> {
    let mut dice = Dice(0x0070_6f6a_6f6b);
    let mut daily_producers = Vec::new();
    for p in 1..=PRODUCERS {
        let code = format!("U{p:03}");
        let by_price = p % 5 == 0;
        let scheme = if by_price {
            Scheme::ProducerPrice
        } else {
            let percent = (10 + dice.below(16)).to_string();
            let rate = Rate::parse_percent(&percent)
                .ok_or_else(|| LedgerError::InvalidProducer(format!("rate {percent}")))?;
            Scheme::Percentage { rate }
        };
        ledger.add_producer(&NewProducer {
            code: code.clone(),
            name: format!("UMKM {p:03}"),
            phone: format!("08{:010}", dice.below(10_000_000_000)),
            address: String::new(),
            account: String::new(),
            scheme,
        })?;
        // Every sixth producer bakes: brings fresh goods each morning, takes back what is
        // left each afternoon and is paid out at every close.
        let daily = p % 6 == 0;
        if daily {
            ledger.set_payout_daily(&code, true)?;
            daily_producers.push(code.clone());
        }
        for n in 1..=PRODUCTS_PER_PRODUCER {
            let weighed = !daily && p % 7 == 0 && n == 1;
            let price = Rupiah(i64::try_from(3 + dice.below(70)).unwrap_or(10) * 500);
            ledger.add_product(&NewProduct {
                code: format!("{code}-{n}"),
                barcode: Some(format!("899{p:03}{n:04}00")),
                name: format!("Barang {n} {code}"),
                variant: String::new(),
                unit: if weighed { Unit::Kg } else { Unit::Pcs },
                price,
                producer_code: code.clone(),
                producer_price: by_price.then(|| Rupiah(price.value() * 8 / 10)),
                min_stock: StockQuantity::whole(3),
                daily,
            })?;
        }
    }
    let mut customers = Vec::with_capacity(CUSTOMERS);
    for c in 1..=CUSTOMERS {
        let customer = ledger.add_customer(
            &NewCustomer {
                name: format!("Pegawai {c:02}"),
                nip: Some(format!("19800101200{c:03}1001")),
                unit: "Sekretariat".into(),
                phone: String::new(),
            },
            at,
        )?;
        customers.push(customer.id);
    }
    Ok(Corner {
        catalogue: Catalogue::new(ledger.active_products()?),
        daily_producers,
        customers,
        yesterday: Vec::new(),
        dice,
    })
}

fn at(date: NaiveDate, minutes_after_seven: u64) -> NaiveDateTime {
    let seconds = u32::try_from(minutes_after_seven * 60).unwrap_or(0);
    date.and_time(NaiveTime::from_hms_opt(7, 0, 0).unwrap_or_default())
        + chrono::Duration::seconds(i64::from(seconds))
}

/// One business day from its opening to its close; the number of sales rung up.
fn one_day(ledger: &mut Ledger, corner: &mut Corner, date: NaiveDate) -> Result<usize> {
    ledger.open_day(date, ATTENDANT, Rupiah(300_000), at(date, 0))?;
    deliveries(ledger, corner, date)?;
    if corner.dice.one_in(5)
        && let Some(&sale) = corner.yesterday.first()
    {
        ledger.correct_sale(
            sale,
            RefundMethod::Transfer,
            "barang dikembalikan",
            ATTENDANT,
            at(date, 25),
        )?;
    }
    if corner.dice.one_in(3)
        && let Some(&sale) = corner.yesterday.get(1)
    {
        return_a_piece(ledger, sale, at(date, 26))?;
    }
    let sales = ring_up(ledger, corner, date)?;
    stock_work(ledger, corner, date)?;
    if date.day() >= 25 && date.day() <= 27 && date.weekday() == Weekday::Mon || date.day() == 26 {
        tab_payday(ledger, corner, date)?;
    }
    payouts(ledger, corner, date)?;
    // What the close screen shows: the day's report and the cash it expects in the drawer.
    let report = ledger.day_report(date)?.ok_or(LedgerError::NoOpenDay)?;
    let off = if corner.dice.one_in(10) { -500 } else { 0 };
    ledger.close_day(
        &CashCount::Total(report.expected_cash + Rupiah(off)),
        if off == 0 { "" } else { "uang receh kurang" },
        ATTENDANT,
        at(date, 600),
    )?;
    Ok(sales)
}

/// A customer brings one piece (or 250 g) of an earlier sale's first line back.
fn return_a_piece(ledger: &mut Ledger, sale: i64, when: NaiveDateTime) -> Result<()> {
    let line = &ledger.sale(sale)?.lines[0];
    let piece = if line.unit.is_weighed() { 250 } else { 1_000 };
    let part = crate::domain::PartRequest {
        line_no: 1,
        quantity: Quantity::from_milli(piece.min(line.quantity.milli())),
    };
    ledger.return_part(
        sale,
        &[part],
        RefundMethod::Transfer,
        "satu dikembalikan",
        ATTENDANT,
        when,
    )?;
    Ok(())
}

/// The bakers every morning; the others on their weekday, once a week.
fn deliveries(ledger: &mut Ledger, corner: &mut Corner, date: NaiveDate) -> Result<()> {
    let weekday = u64::from(date.weekday().num_days_from_monday());
    for p in 1..=PRODUCERS as u64 {
        let daily = p % 6 == 0;
        if !daily && p % 5 != weekday {
            continue;
        }
        let code = format!("U{p:03}");
        let lines: Vec<IntakeLine> = (1..=PRODUCTS_PER_PRODUCER)
            .map(|n| IntakeLine {
                product_code: format!("{code}-{n}"),
                quantity: Quantity::whole(i64::try_from(8 + corner.dice.below(20)).unwrap_or(8)),
                best_before: daily.then(|| date + Days::new(1)),
            })
            .collect();
        ledger.receive_stock(&code, &lines, ATTENDANT, at(date, 5 + p / 10))?;
    }
    Ok(())
}

/// The day's sales from half past seven to four, with a void among them.
fn ring_up(ledger: &mut Ledger, corner: &mut Corner, date: NaiveDate) -> Result<usize> {
    let count = SALES_PER_DAY - 20 + corner.dice.below(41);
    let products = corner.catalogue.products().len() as u64;
    let mut today = Vec::with_capacity(count as usize);
    for i in 0..count {
        let mut cart = Cart::default();
        for _ in 0..1 + corner.dice.below(3) {
            let product: &Product =
                &corner.catalogue.products()[corner.dice.below(products) as usize];
            let quantity = if product.unit == Unit::Kg {
                Quantity::from_milli(250 * i64::try_from(1 + corner.dice.below(4)).unwrap_or(1))
            } else {
                Quantity::whole(i64::try_from(1 + corner.dice.below(2)).unwrap_or(1))
            };
            // A line past the cart's limits is left out, as an attendant would.
            let _ = cart.add(product, quantity);
        }
        let mut tender = Tender::new(cart.total());
        let roll = corner.dice.below(20);
        let paid = match roll {
            0..=11 => {
                let due = cart.total().value();
                let tendered = (due + 4_999) / 5_000 * 5_000;
                tender.pay_rest(PaymentMethod::Cash, Some(Rupiah(tendered)))
            }
            12..=16 => tender.pay_rest(PaymentMethod::Qris, None),
            17 => tender.pay_rest(PaymentMethod::Transfer, None),
            _ => {
                let who =
                    corner.customers[corner.dice.below(corner.customers.len() as u64) as usize];
                tender.pay_tab(who, None)
            }
        };
        if paid.is_err() {
            continue;
        }
        let when = at(date, 30 + i * 510 / count);
        let sale = ledger.record_sale(&cart, &tender.payments, ATTENDANT, when)?;
        if roll < 17 {
            today.push(sale.id);
        }
        if i == count / 2 {
            ledger.void_sale(sale.id, "salah input", ATTENDANT, when)?;
            today.pop();
        }
    }
    corner.yesterday = today;
    Ok(count as usize)
}

/// A write-off a day, a count and a return on Wednesdays, a cash move on Fridays, and the
/// perishables back to the bakers in the afternoon.
fn stock_work(ledger: &mut Ledger, corner: &mut Corner, date: NaiveDate) -> Result<()> {
    let products = corner.catalogue.products();
    let pick = |dice: &mut Dice| products[dice.below(products.len() as u64) as usize].clone();
    let broken = pick(&mut corner.dice);
    if broken.unit == Unit::Pcs {
        ledger.write_off(
            &broken.code,
            Quantity::whole(1),
            "rusak",
            corner.dice.one_in(2),
            ATTENDANT,
            at(date, 400),
        )?;
    }
    if date.weekday() == Weekday::Wed {
        let counted = pick(&mut corner.dice);
        let quantity = StockQuantity::whole(i64::try_from(corner.dice.below(15)).unwrap_or(0));
        ledger.count_stock(
            &counted.code,
            quantity,
            "stok opname",
            false,
            ATTENDANT,
            at(date, 410),
        )?;
        let back = pick(&mut corner.dice);
        if !corner.daily_producers.contains(&back.producer_code) && back.unit == Unit::Pcs {
            ledger.return_stock(
                &back.producer_code,
                &[(back.code.clone(), Quantity::whole(2))],
                "kemasan diganti",
                ATTENDANT,
                at(date, 420),
            )?;
        }
    }
    if date.weekday() == Weekday::Fri {
        ledger.record_cash_move(
            CashDirection::Out,
            Rupiah(25_000),
            "beli kantong plastik",
            ATTENDANT,
            at(date, 430),
        )?;
    }
    ledger.return_daily_goods("sisa hari ini", ATTENDANT, at(date, 540))?;
    Ok(())
}

/// After payday the tabs are paid off, some in cash, some by transfer.
fn tab_payday(ledger: &mut Ledger, corner: &mut Corner, date: NaiveDate) -> Result<()> {
    for balance in ledger.customer_balances()? {
        let owed = balance.owed();
        if !owed.is_positive() {
            continue;
        }
        let method = if corner.dice.one_in(2) {
            PaymentMethod::Cash
        } else {
            PaymentMethod::Transfer
        };
        ledger.record_tab_payment(
            balance.customer.id,
            method,
            owed,
            "gajian",
            ATTENDANT,
            at(date, 300),
        )?;
    }
    Ok(())
}

/// The bakers are paid what they are owed at every close; the others by transfer on the
/// last business day of the month.
fn payouts(ledger: &mut Ledger, corner: &Corner, date: NaiveDate) -> Result<()> {
    let next = date + Days::new(if date.weekday() == Weekday::Fri { 3 } else { 1 });
    let month_end = next.month() != date.month();
    for balance in ledger.producer_balances()? {
        let daily = corner.daily_producers.contains(&balance.code);
        if !balance.balance.is_positive() || !(daily || month_end) {
            continue;
        }
        let method = if daily {
            PayoutMethod::Cash
        } else {
            PayoutMethod::Transfer
        };
        let paid = ledger.pay_producer(
            &balance.code,
            method,
            balance.balance,
            "",
            ATTENDANT,
            at(date, 580),
        );
        match paid {
            // The drawer may be short on a quiet day: the baker is paid by transfer instead.
            Err(LedgerError::CashOutAboveDrawer { .. }) => {
                ledger.pay_producer(
                    &balance.code,
                    PayoutMethod::Transfer,
                    balance.balance,
                    "",
                    ATTENDANT,
                    at(date, 580),
                )?;
            }
            other => {
                other?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_weeks_verify_clean_with_every_kind_of_entry() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("years.db")).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let mut calls = 0;
        let done = generate(&mut ledger, 14, today, |_, _| calls += 1).unwrap();
        assert_eq!(done.days, 10, "two weeks of Monday to Friday");
        assert_eq!(calls, 10);
        assert!(done.sales >= 10 * 280, "{done:?}");
        let report = ledger.verify().unwrap();
        assert!(report.is_clean(), "{report:?}");
        for (table, n) in &report.counts {
            let optional = [
                // Recorded by the kiosk's close, not by the generator's.
                "chain_checks",
                "barcode_changes",
                "day_reopenings",
                "pin_lockouts",
                "price_changes",
                "rate_changes",
                "recoveries",
                "settings_changes",
                "user_changes",
            ];
            assert!(*n > 0 || optional.contains(table), "{table} has entries");
        }
        assert_eq!(ledger.producers().unwrap().len(), PRODUCERS);
        assert_eq!(
            ledger.products().unwrap().len(),
            PRODUCERS * PRODUCTS_PER_PRODUCER
        );
    }
}
