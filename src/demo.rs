//! The demo ledger: producers, products, tab customers, the morning's deliveries, sales
//! (two on a tab) and a cash move from `assets/demo.json`.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::Deserialize;

use crate::domain::{
    Cart, IntakeLine, PaymentMethod, Rate, Rupiah, Scheme, StockQuantity, Tender, Unit,
    parse_quantity,
};
use crate::ledger::{Ledger, LedgerError, NewProducer, NewProduct};
use crate::print::ShopHeader;

/// Compiled in, so `pojok demo` works from any directory.
const DEMO: &str = include_str!("../assets/demo.json");

/// The attendant of the demo's day.
pub const DEMO_ATTENDANT: &str = "Rina";

/// The demo's users and their PINs, shown on its sign-in screen so that a newcomer can try
/// everything: an attendant, and a manager to approve what the attendant may not do alone.
pub const DEMO_USERS: &[(&str, crate::domain::Role, &str)] = &[
    (DEMO_ATTENDANT, crate::domain::Role::Attendant, "1111"),
    ("Budi", crate::domain::Role::Manager, "9999"),
];

/// The demo's users for its sign-in screen: name, role and PIN each.
pub fn logins() -> Vec<(String, crate::domain::Role, String)> {
    DEMO_USERS
        .iter()
        .map(|(name, role, pin)| (name.to_string(), *role, pin.to_string()))
        .collect()
}

/// Gives a ledger without users the demo's manager and attendant.
pub fn seed_users(ledger: &mut Ledger, today: NaiveDate) -> Result<(), DemoError> {
    if ledger.has_users()? {
        return Ok(());
    }
    let at = today.and_hms_opt(6, 0, 0).unwrap_or_default();
    for (name, role, pin) in DEMO_USERS.iter().rev() {
        if *role == crate::domain::Role::Manager && !ledger.has_users()? {
            ledger.create_first_manager(name, pin, at)?;
        } else {
            ledger.add_user(name, *role, pin, at)?;
        }
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoFile {
    pub shop: DemoShop,
    pub producers: Vec<DemoProducer>,
    pub products: Vec<DemoProduct>,
    pub intake: Vec<DemoIntake>,
    pub morning: Vec<DemoSale>,
    pub voids: Vec<DemoVoid>,
    /// Office staff who buy on a tab (bon).
    #[serde(default)]
    pub customers: Vec<DemoCustomer>,
    #[serde(default)]
    pub cash_moves: Vec<DemoCashMove>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoCustomer {
    pub name: String,
    pub nip: Option<String>,
    pub unit: String,
    pub phone: String,
}

/// Cash taken out of the drawer or put in, on the demo's day.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoCashMove {
    pub time: String,
    /// `in` or `out`.
    pub direction: String,
    pub amount: i64,
    pub reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoShop {
    pub name: String,
    pub office: String,
    pub address: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoProducer {
    pub code: String,
    pub name: String,
    pub phone: String,
    pub scheme: String,
    pub rate_percent: Option<String>,
    /// Paid out at every closing (the cake makers who come each morning).
    #[serde(default)]
    pub payout_daily: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoProduct {
    pub code: String,
    pub barcode: Option<String>,
    pub name: String,
    pub unit: String,
    pub price: i64,
    pub producer: String,
    pub producer_price: Option<i64>,
    /// Perishable: goes back to the producer every afternoon.
    #[serde(default)]
    pub daily: bool,
    /// The shelf quantity under which the producer is rung, as typed (`2`, `1,5`).
    pub min_stock: Option<String>,
}

/// A producer's delivery, received after the day opens and before the first sale.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoIntake {
    pub time: String,
    pub producer: String,
    pub lines: Vec<DemoIntakeLine>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoIntakeLine {
    pub code: String,
    pub quantity: String,
    /// Days from the demo's day to the best-before date, if the goods have one.
    pub best_before_days: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoSale {
    pub time: String,
    pub lines: Vec<(String, String)>,
    pub pay: String,
    pub tendered: Option<i64>,
    /// Whose tab, by name, when `pay` is `tab`.
    pub customer: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoVoid {
    pub sale: usize,
    pub time: String,
    pub reason: String,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("demo data: {0}")]
    Data(String),
    #[error(transparent)]
    Ledger(#[from] LedgerError),
}

fn bad(what: impl Into<String>) -> DemoError {
    DemoError::Data(what.into())
}

/// The demo data as written in `assets/demo.json` (the schema is these structs).
pub fn data() -> Result<DemoFile, DemoError> {
    serde_json::from_str(DEMO).map_err(|e| bad(e.to_string()))
}

/// The shop header the demo prints on receipts.
pub fn shop() -> ShopHeader {
    let file = data().expect("assets/demo.json is checked by tests");
    ShopHeader {
        name: file.shop.name,
        office: file.shop.office,
        address: file.shop.address,
    }
}

/// Seeds an empty ledger: the catalogue, a business day opened on `today`, and the morning's
/// deliveries, sales and void at their times. A ledger that already has producers is left alone, so
/// `pojok demo --db PATH` can be run again on the same file.
pub fn seed(ledger: &mut Ledger, today: NaiveDate) -> Result<bool, DemoError> {
    seed_at(ledger, today.and_hms_opt(23, 59, 0).unwrap_or_default())
}

/// `seed` for a kiosk starting `now`: the morning's entries keep their spacing but end by
/// `now`, never after it, so the ledger holds no entry stamped in the future (the kiosk
/// would take the PC's clock for one set back).
pub fn seed_at(ledger: &mut Ledger, now: NaiveDateTime) -> Result<bool, DemoError> {
    let today = now.date();
    seed_users(ledger, today)?;
    if !ledger.producers()?.is_empty() {
        return Ok(false);
    }
    let file = data()?;
    ledger.set_shop_header(&shop(), today.and_time(chrono::NaiveTime::MIN))?;
    seed_catalogue(ledger, &file)?;
    let latest = file
        .morning
        .iter()
        .map(|s| &s.time)
        .chain(file.intake.iter().map(|i| &i.time))
        .chain(file.voids.iter().map(|v| &v.time))
        .chain(file.cash_moves.iter().map(|m| &m.time))
        .filter_map(|t| NaiveTime::parse_from_str(t, "%H:%M").ok())
        .max()
        .unwrap_or(NaiveTime::MIN);
    let back = (today.and_time(latest) - now).max(chrono::TimeDelta::zero());
    let at = |time: &str| -> Result<_, DemoError> {
        let t =
            NaiveTime::parse_from_str(time, "%H:%M").map_err(|_| bad(format!("time {time}")))?;
        Ok(today.and_time(t) - back)
    };
    let opening = file
        .morning
        .first()
        .map(|s| s.time.as_str())
        .unwrap_or("07:30");
    let opened_at = at(opening)? - chrono::Duration::minutes(15);
    ledger.open_day(today, DEMO_ATTENDANT, Rupiah(200_000), opened_at)?;

    let mut customers = Vec::with_capacity(file.customers.len());
    for c in &file.customers {
        let added = ledger.add_customer(
            &crate::domain::NewCustomer {
                name: c.name.clone(),
                nip: c.nip.clone(),
                unit: c.unit.clone(),
                phone: c.phone.clone(),
            },
            opened_at,
        )?;
        customers.push(added);
    }
    let catalogue = crate::domain::Catalogue::new(ledger.active_products()?);
    seed_intake(ledger, &file, &catalogue, today, &at)?;
    seed_sales(ledger, &file, &catalogue, &customers, &at)?;
    for m in &file.cash_moves {
        let direction = m
            .direction
            .parse()
            .map_err(|()| bad(format!("cash move at {}: {}", m.time, m.direction)))?;
        ledger.record_cash_move(
            direction,
            Rupiah(m.amount),
            &m.reason,
            DEMO_ATTENDANT,
            at(&m.time)?,
        )?;
    }
    Ok(true)
}

/// The demo's producers and products, as `assets/demo.json` lists them.
fn seed_catalogue(ledger: &mut Ledger, file: &DemoFile) -> Result<(), DemoError> {
    for p in &file.producers {
        let scheme = match p.scheme.as_str() {
            "producer_price" => Scheme::ProducerPrice,
            "percentage" => {
                let percent = p
                    .rate_percent
                    .as_deref()
                    .ok_or_else(|| bad(format!("{}: no rate", p.code)))?;
                let rate = Rate::parse_percent(percent)
                    .ok_or_else(|| bad(format!("{}: bad rate {percent}", p.code)))?;
                Scheme::Percentage { rate }
            }
            other => return Err(bad(format!("{}: unknown scheme {other}", p.code))),
        };
        ledger.add_producer(&NewProducer {
            code: p.code.clone(),
            name: p.name.clone(),
            phone: p.phone.clone(),
            address: String::new(),
            account: String::new(),
            scheme,
        })?;
        if p.payout_daily {
            ledger.set_payout_daily(&p.code, true)?;
        }
    }
    for p in &file.products {
        let unit: Unit = p
            .unit
            .parse()
            .map_err(|_| bad(format!("{}: unit {}", p.code, p.unit)))?;
        let min_stock = match &p.min_stock {
            Some(text) => parse_quantity(text, unit)
                .map_err(|e| bad(format!("{}: min_stock {text}: {e}", p.code)))?
                .into(),
            None => StockQuantity::ZERO,
        };
        ledger.add_product(&NewProduct {
            code: p.code.clone(),
            barcode: p.barcode.clone(),
            name: p.name.clone(),
            variant: String::new(),
            unit,
            price: Rupiah(p.price),
            producer_code: p.producer.clone(),
            producer_price: p.producer_price.map(Rupiah),
            min_stock,
            daily: p.daily,
        })?;
    }
    Ok(())
}

/// The morning's deliveries, at their times, with best-before dates counted from `today`.
fn seed_intake(
    ledger: &mut Ledger,
    file: &DemoFile,
    catalogue: &crate::domain::Catalogue,
    today: NaiveDate,
    at: &dyn Fn(&str) -> Result<NaiveDateTime, DemoError>,
) -> Result<(), DemoError> {
    for delivery in &file.intake {
        let mut lines = Vec::with_capacity(delivery.lines.len());
        for line in &delivery.lines {
            let product = catalogue
                .lookup(&line.code)
                .ok_or_else(|| bad(format!("intake: unknown code {}", line.code)))?;
            let quantity = parse_quantity(&line.quantity, product.unit)
                .map_err(|e| bad(format!("intake {}: {}: {e}", line.code, line.quantity)))?;
            let best_before = line
                .best_before_days
                .map(|days| {
                    today
                        .checked_add_days(chrono::Days::new(days))
                        .ok_or_else(|| bad(format!("intake {}: best before", line.code)))
                })
                .transpose()?;
            lines.push(IntakeLine {
                product_code: line.code.clone(),
                quantity,
                best_before,
            });
        }
        ledger.receive_stock(
            &delivery.producer,
            &lines,
            DEMO_ATTENDANT,
            at(&delivery.time)?,
        )?;
    }
    Ok(())
}

/// The morning's sales at their times, with the voids among them as they happened.
fn seed_sales(
    ledger: &mut Ledger,
    file: &DemoFile,
    catalogue: &crate::domain::Catalogue,
    customers: &[crate::domain::Customer],
    at: &dyn Fn(&str) -> Result<NaiveDateTime, DemoError>,
) -> Result<(), DemoError> {
    // Voids are applied in time order among the sales, as they happened.
    let mut voids: Vec<&DemoVoid> = file.voids.iter().collect();
    voids.sort_by(|a, b| a.time.cmp(&b.time));
    let mut voids = voids.into_iter().peekable();
    let mut sale_ids = Vec::with_capacity(file.morning.len());
    for sale in &file.morning {
        while let Some(void) = voids.next_if(|v| v.time <= sale.time) {
            apply_void(ledger, void, &sale_ids, at(&void.time)?)?;
        }
        let mut cart = Cart::default();
        for (code, quantity) in &sale.lines {
            let product = catalogue
                .lookup(code)
                .ok_or_else(|| bad(format!("unknown code {code}")))?;
            let quantity = parse_quantity(quantity, product.unit)
                .map_err(|e| bad(format!("{code}: quantity {quantity}: {e}")))?;
            cart.add(product, quantity)
                .map_err(|_| bad(format!("{code}: too much")))?;
        }
        let method: PaymentMethod = sale
            .pay
            .parse()
            .map_err(|_| bad(format!("pay {}", sale.pay)))?;
        let mut tender = Tender::new(cart.total());
        let paid = match (method, &sale.customer) {
            (PaymentMethod::Tab, Some(name)) => {
                let customer = customers
                    .iter()
                    .find(|c| c.name == *name)
                    .ok_or_else(|| bad(format!("sale at {}: no customer {name}", sale.time)))?;
                tender.pay_tab(customer.id, None)
            }
            (PaymentMethod::Tab, None) => {
                return Err(bad(format!("sale at {}: whose tab?", sale.time)));
            }
            _ => tender.pay_rest(method, sale.tendered.map(Rupiah)),
        };
        paid.map_err(|e| bad(format!("sale at {}: {e:?}", sale.time)))?;
        let recorded =
            ledger.record_sale(&cart, &tender.payments, DEMO_ATTENDANT, at(&sale.time)?)?;
        sale_ids.push(recorded.id);
    }
    for void in voids {
        apply_void(ledger, void, &sale_ids, at(&void.time)?)?;
    }
    Ok(())
}

fn apply_void(
    ledger: &mut Ledger,
    void: &DemoVoid,
    sale_ids: &[i64],
    at: NaiveDateTime,
) -> Result<(), DemoError> {
    let id = *sale_ids
        .get(void.sale.wrapping_sub(1))
        .ok_or_else(|| bad(format!("void of sale {} before it was made", void.sale)))?;
    ledger.void_sale(id, &void.reason, DEMO_ATTENDANT, at)?;
    Ok(())
}
