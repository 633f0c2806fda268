//! Catalogue files as CSV: reading and validating producers, products and intake lists
//! against what the ledger already holds, and writing the catalogue back in the same columns.
//!
//! Pure: bytes and a snapshot of the catalogue in, checked rows and refused lines out. The
//! CLI reads the files and hands the checked rows to the ledger's import batches.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::money::{MAX_INPUT, decimal_text};
use crate::domain::stock::check_quantity;
use crate::domain::{
    IntakeLine, NewProducer, NewProduct, Producer, ProductRecord, Rate, Rupiah, Scheme,
    StockQuantity, Unit, parse_amount, parse_quantity,
};
use crate::ledger::RowAction;
use crate::strings::ImportText;

/// The shop's commission when a producers file leaves `rate_percent` empty. Hard-coded
/// until the shop settings hold one.
pub const DEFAULT_RATE_BASIS_POINTS: u32 = 1_500;
/// The longest name a receipt and the screens are laid out for.
pub const MAX_NAME_CHARS: usize = 80;

pub const PRODUCER_COLUMNS: [&str; 7] = [
    "code",
    "name",
    "phone",
    "address",
    "account",
    "scheme",
    "rate_percent",
];
pub const PRODUCT_COLUMNS: [&str; 10] = [
    "code",
    "barcode",
    "name",
    "variant",
    "unit",
    "price",
    "producer",
    "producer_price",
    "min_stock",
    "daily",
];
pub const INTAKE_COLUMNS: [&str; 4] = ["producer", "code", "quantity", "best_before"];

/// What is wrong with a line of a file. Column names are the file's own (English) names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    NotUtf8,
    NoHeader,
    BadHeader,
    ColumnCount {
        found: usize,
    },
    Unreadable(String),
    ControlChar(&'static str),
    Empty(&'static str),
    TooLong(&'static str),
    UnknownProducer(String),
    UnknownProduct(String),
    DuplicateCode {
        code: String,
        first_line: u64,
    },
    DuplicateBarcode {
        barcode: String,
        first_line: u64,
    },
    BarcodeInUse {
        barcode: String,
        product: String,
    },
    BadPrice {
        column: &'static str,
        text: String,
    },
    /// A price with cents: Rupiah are whole.
    PriceWithCents {
        column: &'static str,
        text: String,
    },
    UnknownUnit(String),
    UnknownScheme(String),
    BadRate(String),
    RateNotApplicable,
    ProducerPriceNotApplicable(String),
    ProducerPriceMissing(String),
    ProducerPriceAbovePrice,
    BadQuantity {
        column: &'static str,
        text: String,
    },
    BadDate(String),
    BadFlag {
        column: &'static str,
        text: String,
    },
    ProducerInactive(String),
    ProductInactive(String),
    OtherProducer {
        product: String,
        producer: String,
    },
    Unchangeable(String),
    SchemeSwitch(String),
    /// The ledger refused the row when the batch was applied.
    Refused(String),
}

/// A refused line: its number in the file (the header is line 1) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub problem: Problem,
    /// The columns the file should have had, for the header problems.
    pub columns: &'static [&'static str],
}

impl RowError {
    /// `line 4: unknown producer XYZ`, in the language of `t`.
    pub fn text(&self, t: &ImportText) -> String {
        (t.line)(self.line, &problem_text(self, t))
    }
}

fn problem_text(e: &RowError, t: &ImportText) -> String {
    match &e.problem {
        Problem::NotUtf8 => t.not_utf8.to_string(),
        Problem::NoHeader => (t.no_header)(&e.columns.join(",")),
        Problem::BadHeader => (t.bad_header)(&e.columns.join(",")),
        Problem::ColumnCount { found } => (t.column_count)(*found, e.columns.len()),
        Problem::Unreadable(why) => (t.unreadable)(why),
        Problem::ControlChar(col) => (t.control_char)(col),
        Problem::Empty(col) => (t.empty)(col),
        Problem::TooLong(col) => (t.too_long)(col, MAX_NAME_CHARS),
        Problem::UnknownProducer(code) => (t.unknown_producer)(code),
        Problem::UnknownProduct(code) => (t.unknown_product)(code),
        Problem::DuplicateCode { code, first_line } => (t.duplicate_code)(code, *first_line),
        Problem::DuplicateBarcode {
            barcode,
            first_line,
        } => (t.duplicate_barcode)(barcode, *first_line),
        Problem::BarcodeInUse { barcode, product } => (t.barcode_in_use)(barcode, product),
        Problem::BadPrice { column, text } => (t.bad_price)(column, text),
        Problem::PriceWithCents { column, text } => (t.price_with_cents)(column, text),
        Problem::UnknownUnit(text) => (t.unknown_unit)(text),
        Problem::UnknownScheme(text) => (t.unknown_scheme)(text),
        Problem::BadRate(text) => (t.bad_rate)(text),
        Problem::RateNotApplicable => t.rate_not_applicable.to_string(),
        Problem::ProducerPriceNotApplicable(code) => (t.producer_price_not_applicable)(code),
        Problem::ProducerPriceMissing(code) => (t.producer_price_missing)(code),
        Problem::ProducerPriceAbovePrice => t.producer_price_above_price.to_string(),
        Problem::BadQuantity { column, text } => (t.bad_quantity)(column, text),
        Problem::BadDate(text) => (t.bad_date)(text),
        Problem::BadFlag { column, text } => (t.bad_flag)(column, text),
        Problem::ProducerInactive(code) => (t.producer_inactive)(code),
        Problem::ProductInactive(code) => (t.product_inactive)(code),
        Problem::OtherProducer { product, producer } => (t.other_producer)(product, producer),
        Problem::Unchangeable(code) => (t.unchangeable)(code),
        Problem::SchemeSwitch(code) => (t.scheme_switch)(code),
        Problem::Refused(why) => (t.refused)(why),
    }
}

/// A good row: where it came from, whether it adds or changes, and what to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row<T> {
    pub line: u64,
    pub action: RowAction,
    pub value: T,
}

/// One line of an intake file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntakeRow {
    pub producer_code: String,
    pub line: IntakeLine,
}

/// A file read: its good rows in file order and its refused lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked<T> {
    pub rows: Vec<Row<T>>,
    pub errors: Vec<RowError>,
}

struct KnownProducer {
    code: String,
    scheme: Scheme,
    active: bool,
    has_products: bool,
}

struct KnownProduct {
    code: String,
    unit: Unit,
    producer_code: String,
    sellable: bool,
}

/// The catalogue as the ledger holds it, keyed the way the ledger compares codes (any case).
pub struct Known {
    producers: HashMap<String, KnownProducer>,
    products: HashMap<String, KnownProduct>,
    /// Barcode → the product code holding it.
    barcodes: HashMap<String, String>,
}

fn key(code: &str) -> String {
    code.trim().to_uppercase()
}

impl Known {
    pub fn new(producers: &[Producer], products: &[ProductRecord]) -> Known {
        let mut known = Known {
            producers: producers
                .iter()
                .map(|p| {
                    let entry = KnownProducer {
                        code: p.code.clone(),
                        scheme: p.scheme,
                        active: p.active,
                        has_products: false,
                    };
                    (key(&p.code), entry)
                })
                .collect(),
            products: HashMap::new(),
            barcodes: HashMap::new(),
        };
        for p in products {
            if let Some(producer) = known.producers.get_mut(&key(&p.producer_code)) {
                producer.has_products = true;
            }
            if let Some(barcode) = &p.barcode {
                known.barcodes.insert(barcode.clone(), p.code.clone());
            }
            known.products.insert(
                key(&p.code),
                KnownProduct {
                    code: p.code.clone(),
                    unit: p.unit,
                    producer_code: p.producer_code.clone(),
                    sellable: p.active && p.producer_active,
                },
            );
        }
        known
    }
}

/// The fields of one record by column name, with the line it started on.
struct Record<'a> {
    line: u64,
    columns: &'static [&'static str],
    fields: &'a csv::StringRecord,
}

impl Record<'_> {
    fn get(&self, column: &str) -> &str {
        let index = self
            .columns
            .iter()
            .position(|c| *c == column)
            .expect("a column of this kind of file");
        self.fields.get(index).unwrap_or("")
    }
}

/// Reads `bytes` as CSV with the header `columns`, handing every record of the right shape
/// to `check` and collecting what it refuses.
fn read<T>(
    bytes: &[u8],
    columns: &'static [&'static str],
    mut check: impl FnMut(&Record) -> Result<(RowAction, T), Problem>,
) -> Checked<T> {
    let mut checked = Checked {
        rows: Vec::new(),
        errors: Vec::new(),
    };
    let refuse = |line: u64, problem: Problem| RowError {
        line,
        problem,
        columns,
    };
    let records = if crate::sheet::is_xlsx(bytes) {
        match crate::sheet::xlsx_records(bytes) {
            Ok(records) => records,
            Err(why) => {
                checked.errors.push(refuse(1, Problem::Unreadable(why)));
                return checked;
            }
        }
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => crate::sheet::csv_records(text),
            Err(e) => {
                let line = bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count() as u64
                    + 1;
                checked.errors.push(refuse(line, Problem::NotUtf8));
                return checked;
            }
        }
    };
    let mut records = records.into_iter();
    match records.next() {
        None => {
            checked.errors.push(refuse(1, Problem::NoHeader));
            return checked;
        }
        Some(Ok((_, header)))
            if header.len() == columns.len()
                && header
                    .iter()
                    .zip(columns)
                    .all(|(h, c)| h.eq_ignore_ascii_case(c)) => {}
        Some(_) => {
            checked.errors.push(refuse(1, Problem::BadHeader));
            return checked;
        }
    }
    for record in records {
        let (line, fields) = match record {
            Ok(record) => record,
            Err((line, why)) => {
                checked.errors.push(refuse(line, Problem::Unreadable(why)));
                continue;
            }
        };
        // A cell an export neutralised against formulas reads back as it was.
        let record: csv::StringRecord = fields
            .iter()
            .map(|f| crate::sheet::unneutralise(f))
            .collect();
        if record.len() != columns.len() {
            let found = record.len();
            checked
                .errors
                .push(refuse(line, Problem::ColumnCount { found }));
            continue;
        }
        if let Some(column) = record
            .iter()
            .zip(columns)
            .find(|(field, _)| field.chars().any(char::is_control))
            .map(|(_, c)| *c)
        {
            checked
                .errors
                .push(refuse(line, Problem::ControlChar(column)));
            continue;
        }
        let view = Record {
            line,
            columns,
            fields: &record,
        };
        match check(&view) {
            Ok((action, value)) => checked.rows.push(Row {
                line,
                action,
                value,
            }),
            Err(problem) => checked.errors.push(refuse(line, problem)),
        }
    }
    checked
}

fn required<'a>(r: &'a Record, column: &'static str) -> Result<&'a str, Problem> {
    let value = r.get(column);
    if value.is_empty() {
        return Err(Problem::Empty(column));
    }
    Ok(value)
}

fn name(r: &Record, column: &'static str) -> Result<String, Problem> {
    let value = required(r, column)?;
    if value.chars().count() > MAX_NAME_CHARS {
        return Err(Problem::TooLong(column));
    }
    Ok(value.to_string())
}

/// A code seen for the first time in this file, remembered with its line.
fn first_code(seen: &mut HashMap<String, u64>, code: &str, line: u64) -> Result<(), Problem> {
    if let Some(&first_line) = seen.get(&key(code)) {
        return Err(Problem::DuplicateCode {
            code: code.to_string(),
            first_line,
        });
    }
    seen.insert(key(code), line);
    Ok(())
}

fn price(r: &Record, column: &'static str) -> Result<Rupiah, Problem> {
    let text = r.get(column);
    match parse_amount(text) {
        Ok(amount) if amount.is_positive() && amount.0 <= MAX_INPUT => Ok(amount),
        _ if has_cents(text) => Err(Problem::PriceWithCents {
            column,
            text: text.to_string(),
        }),
        _ => Err(Problem::BadPrice {
            column,
            text: text.to_string(),
        }),
    }
}

/// An amount with one or two digits of cents after a decimal comma or point (`15000,50`,
/// `4.999,5`): Rupiah prices have none, which is worth saying rather than "not an amount".
fn has_cents(text: &str) -> bool {
    text.rsplit_once([',', '.']).is_some_and(|(whole, cents)| {
        (1..=2).contains(&cents.len())
            && cents.bytes().all(|b| b.is_ascii_digit())
            && parse_amount(whole).is_ok_and(|a| a.is_positive())
    })
}

/// `1/0`, `ya/tidak`, `yes/no`, `true/false`; empty is no.
fn flag(r: &Record, column: &'static str) -> Result<bool, Problem> {
    let text = r.get(column);
    match text.to_lowercase().as_str() {
        "" | "0" | "tidak" | "no" | "false" | "t" | "n" => Ok(false),
        "1" | "ya" | "yes" | "true" | "y" => Ok(true),
        _ => Err(Problem::BadFlag {
            column,
            text: text.to_string(),
        }),
    }
}

/// `YYYY-MM-DD`, `DD-MM-YYYY` or `DD/MM/YYYY`; empty is none.
fn best_before(text: &str) -> Result<Option<NaiveDate>, Problem> {
    if text.is_empty() {
        return Ok(None);
    }
    crate::domain::parse_date(text)
        .map(Some)
        .ok_or_else(|| Problem::BadDate(text.to_string()))
}

/// Reads a producers file. A code the ledger knows is an update of that producer.
pub fn read_producers(bytes: &[u8], known: &Known) -> Checked<NewProducer> {
    let mut seen = HashMap::new();
    read(bytes, &PRODUCER_COLUMNS, |r| {
        let code = required(r, "code")?;
        if code.chars().count() > MAX_NAME_CHARS {
            return Err(Problem::TooLong("code"));
        }
        first_code(&mut seen, code, r.line)?;
        let name = name(r, "name")?;
        let rate_text = r.get("rate_percent");
        let scheme = match r.get("scheme").to_lowercase().as_str() {
            "" | "percentage" => {
                let rate = if rate_text.is_empty() {
                    Rate::from_basis_points(DEFAULT_RATE_BASIS_POINTS)
                } else {
                    Rate::parse_percent(rate_text)
                };
                Scheme::Percentage {
                    rate: rate.ok_or_else(|| Problem::BadRate(rate_text.to_string()))?,
                }
            }
            "producer_price" if rate_text.is_empty() => Scheme::ProducerPrice,
            "producer_price" => return Err(Problem::RateNotApplicable),
            other => return Err(Problem::UnknownScheme(other.to_string())),
        };
        let existing = known.producers.get(&key(code));
        if let Some(p) = existing
            && matches!(p.scheme, Scheme::Percentage { .. })
            && scheme == Scheme::ProducerPrice
            && p.has_products
        {
            return Err(Problem::SchemeSwitch(p.code.clone()));
        }
        let action = if existing.is_some() {
            RowAction::Update
        } else {
            RowAction::Insert
        };
        Ok((
            action,
            NewProducer {
                code: existing.map_or_else(|| code.to_string(), |p| p.code.clone()),
                name,
                phone: r.get("phone").to_string(),
                address: r.get("address").to_string(),
                account: r.get("account").to_string(),
                scheme,
            },
        ))
    })
}

/// Reads a products file. A code the ledger knows is an update of that product, whose unit
/// and producer must stay as they are.
pub fn read_products(bytes: &[u8], known: &Known) -> Checked<NewProduct> {
    let mut seen = HashMap::new();
    let mut seen_barcodes: HashMap<String, u64> = HashMap::new();
    read(bytes, &PRODUCT_COLUMNS, |r| {
        let code = required(r, "code")?;
        if code.chars().count() > MAX_NAME_CHARS {
            return Err(Problem::TooLong("code"));
        }
        first_code(&mut seen, code, r.line)?;
        let name = name(r, "name")?;
        let variant = r.get("variant");
        if variant.chars().count() > MAX_NAME_CHARS {
            return Err(Problem::TooLong("variant"));
        }
        let unit_text = r.get("unit");
        let unit: Unit = unit_text
            .to_lowercase()
            .parse()
            .map_err(|()| Problem::UnknownUnit(unit_text.to_string()))?;
        let price = price(r, "price")?;
        let producer_code = required(r, "producer")?;
        let producer = known
            .producers
            .get(&key(producer_code))
            .ok_or_else(|| Problem::UnknownProducer(producer_code.to_string()))?;
        let producer_price = match (producer.scheme, r.get("producer_price")) {
            (Scheme::Percentage { .. }, "") => None,
            (Scheme::Percentage { .. }, _) => {
                return Err(Problem::ProducerPriceNotApplicable(producer.code.clone()));
            }
            (Scheme::ProducerPrice, "") => {
                return Err(Problem::ProducerPriceMissing(producer.code.clone()));
            }
            (Scheme::ProducerPrice, _) => Some(self::price(r, "producer_price")?),
        };
        if producer_price.is_some_and(|pp| pp > price) {
            return Err(Problem::ProducerPriceAbovePrice);
        }
        let min_text = r.get("min_stock");
        let min_stock = match min_text {
            "" | "0" => StockQuantity::ZERO,
            text => parse_quantity(text, unit)
                .map(StockQuantity::from)
                .map_err(|_| Problem::BadQuantity {
                    column: "min_stock",
                    text: text.to_string(),
                })?,
        };
        let daily = flag(r, "daily")?;
        let barcode = Some(r.get("barcode"))
            .filter(|b| !b.is_empty())
            .map(str::to_string);
        if let Some(barcode) = &barcode {
            if let Some(&first_line) = seen_barcodes.get(barcode) {
                return Err(Problem::DuplicateBarcode {
                    barcode: barcode.clone(),
                    first_line,
                });
            }
            if let Some(holder) = known.barcodes.get(barcode)
                && key(holder) != key(code)
            {
                return Err(Problem::BarcodeInUse {
                    barcode: barcode.clone(),
                    product: holder.clone(),
                });
            }
            seen_barcodes.insert(barcode.clone(), r.line);
        }
        let existing = known.products.get(&key(code));
        if let Some(p) = existing
            && (p.unit != unit || key(&p.producer_code) != key(producer_code))
        {
            return Err(Problem::Unchangeable(p.code.clone()));
        }
        let action = if existing.is_some() {
            RowAction::Update
        } else {
            RowAction::Insert
        };
        Ok((
            action,
            NewProduct {
                code: existing.map_or_else(|| code.to_string(), |p| p.code.clone()),
                barcode,
                name,
                variant: variant.to_string(),
                unit,
                price,
                producer_code: producer.code.clone(),
                producer_price,
                min_stock,
                daily,
            },
        ))
    })
}

/// Reads an intake file: delivery lines of active products, each of the producer named.
pub fn read_intake(bytes: &[u8], known: &Known) -> Checked<IntakeRow> {
    read(bytes, &INTAKE_COLUMNS, |r| {
        let producer_code = required(r, "producer")?;
        let producer = known
            .producers
            .get(&key(producer_code))
            .ok_or_else(|| Problem::UnknownProducer(producer_code.to_string()))?;
        if !producer.active {
            return Err(Problem::ProducerInactive(producer.code.clone()));
        }
        let code = required(r, "code")?;
        let product = known
            .products
            .get(&key(code))
            .ok_or_else(|| Problem::UnknownProduct(code.to_string()))?;
        if key(&product.producer_code) != key(&producer.code) {
            return Err(Problem::OtherProducer {
                product: product.code.clone(),
                producer: producer.code.clone(),
            });
        }
        if !product.sellable {
            return Err(Problem::ProductInactive(product.code.clone()));
        }
        let quantity_text = r.get("quantity");
        let bad_quantity = || Problem::BadQuantity {
            column: "quantity",
            text: quantity_text.to_string(),
        };
        let quantity = parse_quantity(quantity_text, product.unit).map_err(|_| bad_quantity())?;
        check_quantity(quantity, product.unit).map_err(|_| bad_quantity())?;
        Ok((
            RowAction::Insert,
            IntakeRow {
                producer_code: producer.code.clone(),
                line: IntakeLine {
                    product_code: product.code.clone(),
                    quantity,
                    best_before: best_before(r.get("best_before"))?,
                },
            },
        ))
    })
}

/// The rows grouped into one delivery per producer, producers in order of first appearance.
pub fn deliveries(rows: &[Row<IntakeRow>]) -> Vec<(String, Vec<IntakeLine>)> {
    let mut out: Vec<(String, Vec<IntakeLine>)> = Vec::new();
    for row in rows {
        let producer = &row.value.producer_code;
        match out.iter_mut().find(|(p, _)| p == producer) {
            Some((_, lines)) => lines.push(row.value.line.clone()),
            None => out.push((producer.clone(), vec![row.value.line.clone()])),
        }
    }
    out
}

fn write(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail; the records all have the header's length.
    writer.write_record(header).expect("write to memory");
    for row in rows {
        // Names typed at the kiosk or imported must not run as formulas when the office
        // opens the file in a spreadsheet.
        let row: Vec<_> = row.iter().map(|c| crate::sheet::neutralise(c)).collect();
        writer
            .write_record(row.iter().map(|c| c.as_bytes()))
            .expect("write to memory");
    }
    String::from_utf8(writer.into_inner().expect("flush to memory")).expect("UTF-8 fields")
}

/// `12,5` for 1250 basis points: what `Rate::parse_percent` reads back.
fn percent_text(rate: Rate) -> String {
    decimal_text(Decimal::new(i64::from(rate.basis_points()), 2).normalize())
}

/// Producers in the columns `read_producers` takes.
pub fn write_producers(producers: &[Producer]) -> String {
    write(
        &PRODUCER_COLUMNS,
        producers.iter().map(|p| {
            let (scheme, rate) = match p.scheme {
                Scheme::Percentage { rate } => ("percentage", percent_text(rate)),
                Scheme::ProducerPrice => ("producer_price", String::new()),
            };
            vec![
                p.code.clone(),
                p.name.clone(),
                p.phone.clone(),
                p.address.clone(),
                p.account.clone(),
                scheme.to_string(),
                rate,
            ]
        }),
    )
}

/// Products in the columns `read_products` takes.
pub fn write_products(products: &[ProductRecord]) -> String {
    write(
        &PRODUCT_COLUMNS,
        products.iter().map(|p| {
            vec![
                p.code.clone(),
                p.barcode.clone().unwrap_or_default(),
                p.name.clone(),
                p.variant.clone(),
                p.unit.code().to_string(),
                p.price.0.to_string(),
                p.producer_code.clone(),
                p.producer_price
                    .map(|pp| pp.0.to_string())
                    .unwrap_or_default(),
                p.min_stock.number_text(),
                if p.daily { "1" } else { "0" }.to_string(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn producer(code: &str, scheme: Scheme) -> Producer {
        Producer {
            id: 0,
            code: code.into(),
            name: format!("Produsen {code}"),
            phone: "0812".into(),
            address: "Jl. Mawar 3, Solo".into(),
            account: String::new(),
            scheme,
            active: true,
            payout_daily: false,
        }
    }

    fn pct(bp: u32) -> Scheme {
        Scheme::Percentage {
            rate: Rate::from_basis_points(bp).unwrap(),
        }
    }

    #[test]
    fn written_producers_read_back_as_the_same_producers() {
        let producers = [
            producer("A", pct(1_250)),
            producer("B", pct(725)),
            producer("C", Scheme::ProducerPrice),
            producer("D", pct(0)),
        ];
        let text = write_producers(&producers);
        let checked = read_producers(text.as_bytes(), &Known::new(&[], &[]));
        assert_eq!(checked.errors, []);
        let read: Vec<_> = checked.rows.iter().map(|r| r.value.scheme).collect();
        let written: Vec<_> = producers.iter().map(|p| p.scheme).collect();
        assert_eq!(read, written);
        assert!(checked.rows.iter().all(|r| r.action == RowAction::Insert));
        assert_eq!(checked.rows[0].value.address, "Jl. Mawar 3, Solo");
    }

    #[test]
    fn a_byte_order_mark_and_header_case_are_accepted_and_the_default_rate_applies() {
        let text = "\u{feff}Code,Name,Phone,Address,Account,Scheme,Rate_Percent\nA,Ani,,,,,\n";
        let checked = read_producers(text.as_bytes(), &Known::new(&[], &[]));
        assert_eq!(checked.errors, []);
        assert_eq!(checked.rows[0].value.scheme, pct(DEFAULT_RATE_BASIS_POINTS));
    }

    #[test]
    fn a_quoted_line_break_is_a_control_character_and_later_lines_keep_their_numbers() {
        let text = "code,name,phone,address,account,scheme,rate_percent\n\
                    A,\"Ani\nBaru\",,,,,\nB,Budi,,,,,x\n";
        let checked = read_producers(text.as_bytes(), &Known::new(&[], &[]));
        let lines: Vec<_> = checked
            .errors
            .iter()
            .map(|e| (e.line, e.problem.clone()))
            .collect();
        assert_eq!(
            lines,
            [
                (2, Problem::ControlChar("name")),
                (4, Problem::BadRate("x".into()))
            ]
        );
    }

    #[test]
    fn yes_no_and_dates_are_read_as_people_write_them() {
        for (text, date) in [
            ("2027-02-28", Some((2027, 2, 28))),
            ("28/02/2027", Some((2027, 2, 28))),
            ("28-02-2027", Some((2027, 2, 28))),
            ("", None),
        ] {
            let expected = date.map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap());
            assert_eq!(best_before(text), Ok(expected));
        }
        for text in ["2027-02-30", "30-02-2027", "besok", "02/28/2027"] {
            assert_eq!(best_before(text), Err(Problem::BadDate(text.into())));
        }
        let header = "code,barcode,name,variant,unit,price,producer,producer_price,min_stock,daily";
        let known = Known::new(&[producer("A", pct(1_500))], &[]);
        let mut text = format!("{header}\n");
        for (i, flag) in ["1", "ya", "YES", "0", "tidak", "no", ""]
            .iter()
            .enumerate()
        {
            text.push_str(&format!("X{i},,Roti,,pcs,5000,A,,,{flag}\n"));
        }
        let checked = read_products(text.as_bytes(), &known);
        assert_eq!(checked.errors, []);
        let daily: Vec<bool> = checked.rows.iter().map(|r| r.value.daily).collect();
        assert_eq!(daily, [true, true, true, false, false, false, false]);
    }
}
