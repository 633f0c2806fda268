//! A producer's money and goods for a business day (the settlement, *bagi hasil*), the
//! payouts made against their balance, and a statement over a range of days.
//!
//! The ledger reads the day's raw facts (opening stock, stock entries, lines of live sales,
//! corrections, payouts) and hands them to `SettlementBuilder`; every total below is derived
//! from those facts here, in one place, so the slip, the screen and the statement agree.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::money::Rupiah;
use super::quantity::{Quantity, Unit};
use super::share::LineAmounts;
use super::stock::{MoveKind, StockQuantity};

/// How a producer is paid out: cash from the drawer or a bank transfer.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayoutMethod {
    Cash,
    Transfer,
}

impl PayoutMethod {
    pub const ALL: [PayoutMethod; 2] = [PayoutMethod::Cash, PayoutMethod::Transfer];

    /// What the ledger stores.
    pub fn code(self) -> &'static str {
        match self {
            PayoutMethod::Cash => "cash",
            PayoutMethod::Transfer => "transfer",
        }
    }
}

impl FromStr for PayoutMethod {
    type Err = ();
    fn from_str(s: &str) -> Result<PayoutMethod, ()> {
        PayoutMethod::ALL
            .into_iter()
            .find(|m| m.code() == s)
            .ok_or(())
    }
}

impl fmt::Display for PayoutMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Money handed to a producer against their balance, as recorded, with the balance it was
/// taken from (for the payout slip).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Payout {
    pub id: i64,
    /// Running number over all payouts, printed on the slip.
    pub number: i64,
    /// The business day it was recorded on.
    pub date: NaiveDate,
    pub producer_code: String,
    pub producer_name: String,
    pub method: PayoutMethod,
    pub amount: Rupiah,
    pub at: NaiveDateTime,
    pub attendant: String,
    pub note: String,
    /// What the corner owed the producer just before this payout.
    pub balance_before: Rupiah,
    /// The short chain head of the transaction that recorded it (`3f9a0c1be27d#1284`): what
    /// its paper carries so `verify --head` can later prove the entry. `None` before it is
    /// recorded.
    pub chain_head: Option<String>,
}

impl Payout {
    pub fn balance_after(&self) -> Rupiah {
        self.balance_before - self.amount
    }
}

/// What the corner owes one producer now (the kiosk's payout list).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProducerBalance {
    pub code: String,
    pub name: String,
    /// Paid out at every closing, rather than letting the balance run.
    pub payout_daily: bool,
    pub active: bool,
    pub balance: Rupiah,
}

/// One product's day on a producer's settlement. Quantities that went out (sold, returned,
/// written off) are positive here, as people say them; a count's difference keeps its sign.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProductDay {
    pub product_id: i64,
    pub code: String,
    pub name: String,
    pub variant: String,
    pub unit: Unit,
    /// On hand when the day began (after everything of earlier days).
    pub opening: StockQuantity,
    pub received: StockQuantity,
    /// Sold on live sales of the day (a sale voided the same day never sold).
    pub sold: StockQuantity,
    /// Back on the shelf from corrections recorded this day of earlier days' sales.
    pub corrected: StockQuantity,
    pub returned: StockQuantity,
    pub written_off: StockQuantity,
    /// Counted − recorded, over the day's counts.
    pub counted: StockQuantity,
    /// The money of the day's sold lines of this product.
    pub sales: LineAmounts,
}

impl ProductDay {
    /// On hand when the day ended.
    pub fn closing(&self) -> StockQuantity {
        self.opening + self.received - self.sold + self.corrected - self.returned - self.written_off
            + self.counted
    }

    /// Whether the day moved this product at all.
    pub fn moved(&self) -> bool {
        [
            self.received,
            self.sold,
            self.corrected,
            self.returned,
            self.written_off,
            self.counted,
        ]
        .iter()
        .any(|q| *q != StockQuantity::ZERO)
    }
}

/// A sale of an earlier (closed) day taken back on this day, or part of a sale of any day
/// returned on this day: a negative line naming the original. The amounts are those frozen
/// on the original line (for a part, those it reversed), printed negative.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CorrectionLine {
    pub product_id: i64,
    pub code: String,
    pub name: String,
    pub variant: String,
    pub unit: Unit,
    /// The business day and receipt number of the corrected sale.
    pub sale_date: NaiveDate,
    pub sale_number: i64,
    pub quantity: Quantity,
    pub amounts: LineAmounts,
    pub reason: String,
}

/// Who a settlement is for, and which day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SettlementHeader {
    pub date: NaiveDate,
    /// A closed day's settlement is final; an open day's is a preview.
    pub closed: bool,
    pub producer_code: String,
    pub producer_name: String,
    pub payout_daily: bool,
    /// Who closed the day (while it is open, who opened it): who signs for the corner.
    pub attendant: String,
}

/// One producer's business day: goods per product, money, payouts and the balance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProducerSettlement {
    pub header: SettlementHeader,
    /// Products that moved or were on the shelf, by code.
    pub products: Vec<ProductDay>,
    pub corrections: Vec<CorrectionLine>,
    pub payouts: Vec<Payout>,
    /// Owed to the producer when the day began.
    pub balance_before: Rupiah,
    /// The short form of the ledger's hash chain head when the settlement was made (`None`
    /// before the ledger kept a chain); printed so the paper can later prove the file.
    pub chain_head: Option<String>,
}

impl ProducerSettlement {
    /// Sales of the day less corrections of earlier days' sales.
    pub fn gross(&self) -> Rupiah {
        self.sum(|a| a.total)
    }

    pub fn producer_share(&self) -> Rupiah {
        self.sum(|a| a.producer_share)
    }

    pub fn corner_share(&self) -> Rupiah {
        self.sum(|a| a.corner_share)
    }

    pub fn paid_out(&self) -> Rupiah {
        self.payouts.iter().map(|p| p.amount).sum()
    }

    /// Owed to the producer when the day ended (so far, on an open day).
    pub fn balance_now(&self) -> Rupiah {
        self.balance_before + self.producer_share() - self.paid_out()
    }

    fn sum(&self, part: fn(&LineAmounts) -> Rupiah) -> Rupiah {
        let sold: Rupiah = self.products.iter().map(|p| part(&p.sales)).sum();
        let taken_back: Rupiah = self.corrections.iter().map(|c| part(&c.amounts)).sum();
        sold - taken_back
    }
}

/// A product as the builder is told about it: what it is and what was on hand at opening.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProductOpening {
    pub product_id: i64,
    pub code: String,
    pub name: String,
    pub variant: String,
    pub unit: Unit,
    pub opening: StockQuantity,
}

/// Adds one producer's raw facts of a day up into their `ProducerSettlement`.
pub struct SettlementBuilder {
    header: SettlementHeader,
    balance_before: Rupiah,
    products: Vec<ProductDay>,
    index: HashMap<i64, usize>,
    corrections: Vec<CorrectionLine>,
    payouts: Vec<Payout>,
}

impl SettlementBuilder {
    pub fn new(header: SettlementHeader, balance_before: Rupiah) -> SettlementBuilder {
        SettlementBuilder {
            header,
            balance_before,
            products: Vec::new(),
            index: HashMap::new(),
            corrections: Vec::new(),
            payouts: Vec::new(),
        }
    }

    /// Registers a product (a second time changes nothing). Facts about a product not
    /// registered first are refused with `false`, so a caller cannot lose them unawares.
    pub fn product(&mut self, p: ProductOpening) {
        if self.index.contains_key(&p.product_id) {
            return;
        }
        self.index.insert(p.product_id, self.products.len());
        self.products.push(ProductDay {
            product_id: p.product_id,
            code: p.code,
            name: p.name,
            variant: p.variant,
            unit: p.unit,
            opening: p.opening,
            received: StockQuantity::ZERO,
            sold: StockQuantity::ZERO,
            corrected: StockQuantity::ZERO,
            returned: StockQuantity::ZERO,
            written_off: StockQuantity::ZERO,
            counted: StockQuantity::ZERO,
            sales: LineAmounts {
                total: Rupiah::ZERO,
                producer_share: Rupiah::ZERO,
                corner_share: Rupiah::ZERO,
            },
        });
    }

    fn row(&mut self, product_id: i64) -> Option<&mut ProductDay> {
        let i = *self.index.get(&product_id)?;
        self.products.get_mut(i)
    }

    /// A stock entry's move of the day (signed as stored: + in, − out). Sale and void
    /// moves are not taken here: sales come as `sold` lines, corrections as `corrected`.
    #[must_use]
    pub fn moved(&mut self, product_id: i64, kind: MoveKind, quantity: StockQuantity) -> bool {
        let Some(row) = self.row(product_id) else {
            return false;
        };
        match kind {
            MoveKind::Intake => row.received += quantity,
            MoveKind::Return => row.returned += -quantity,
            MoveKind::WriteOff => row.written_off += -quantity,
            MoveKind::Count => row.counted += quantity,
            MoveKind::Sale | MoveKind::Void => return false,
        }
        true
    }

    /// A line of a live sale of the day.
    #[must_use]
    pub fn sold(&mut self, product_id: i64, quantity: Quantity, amounts: LineAmounts) -> bool {
        let Some(row) = self.row(product_id) else {
            return false;
        };
        row.sold += StockQuantity::from(quantity);
        row.sales.total += amounts.total;
        row.sales.producer_share += amounts.producer_share;
        row.sales.corner_share += amounts.corner_share;
        true
    }

    /// A line of an earlier day's sale taken back this day: its goods return to the shelf.
    #[must_use]
    pub fn corrected(&mut self, line: CorrectionLine) -> bool {
        let Some(row) = self.row(line.product_id) else {
            return false;
        };
        row.corrected += StockQuantity::from(line.quantity);
        self.corrections.push(line);
        true
    }

    pub fn paid(&mut self, payout: Payout) {
        self.payouts.push(payout);
    }

    /// The settlement, products by code; products that neither moved nor had anything on
    /// hand are left off the slip.
    pub fn finish(mut self) -> ProducerSettlement {
        self.products
            .retain(|p| p.moved() || p.opening != StockQuantity::ZERO);
        self.products.sort_by(|a, b| a.code.cmp(&b.code));
        self.corrections.sort_by(|a, b| {
            (a.sale_date, a.sale_number, &a.code).cmp(&(b.sale_date, b.sale_number, &b.code))
        });
        self.payouts.sort_by_key(|p| p.number);
        ProducerSettlement {
            header: self.header,
            products: self.products,
            corrections: self.corrections,
            payouts: self.payouts,
            balance_before: self.balance_before,
            chain_head: None,
        }
    }
}

/// One producer's days over a date range, with the balance running from before the first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Statement {
    pub producer_code: String,
    pub producer_name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Owed to the producer when `from` began.
    pub opening_balance: Rupiah,
    /// The days with any activity, oldest first.
    pub days: Vec<ProducerSettlement>,
}

/// A statement's line for one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StatementRow {
    pub date: NaiveDate,
    pub closed: bool,
    pub gross: Rupiah,
    pub producer_share: Rupiah,
    pub corner_share: Rupiah,
    pub paid_out: Rupiah,
    /// Owed to the producer after this day: the opening balance plus every share so far,
    /// less every payout so far.
    pub balance: Rupiah,
}

impl Statement {
    pub fn rows(&self) -> Vec<StatementRow> {
        let mut balance = self.opening_balance;
        self.days
            .iter()
            .map(|day| {
                balance += day.producer_share() - day.paid_out();
                StatementRow {
                    date: day.header.date,
                    closed: day.header.closed,
                    gross: day.gross(),
                    producer_share: day.producer_share(),
                    corner_share: day.corner_share(),
                    paid_out: day.paid_out(),
                    balance,
                }
            })
            .collect()
    }

    pub fn gross(&self) -> Rupiah {
        self.days.iter().map(ProducerSettlement::gross).sum()
    }

    pub fn producer_share(&self) -> Rupiah {
        self.days
            .iter()
            .map(ProducerSettlement::producer_share)
            .sum()
    }

    pub fn corner_share(&self) -> Rupiah {
        self.days.iter().map(ProducerSettlement::corner_share).sum()
    }

    pub fn paid_out(&self) -> Rupiah {
        self.days.iter().map(ProducerSettlement::paid_out).sum()
    }

    pub fn closing_balance(&self) -> Rupiah {
        self.opening_balance + self.producer_share() - self.paid_out()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::share::{Rate, ShareRule, split_line};
    use proptest::prelude::*;

    const PRODUCERS: usize = 2;
    const PRODUCTS: usize = 4;

    fn producer_of(product: usize) -> usize {
        product % PRODUCERS
    }

    /// What happens at the counter, with indices resolved against the history so far.
    #[derive(Clone, Debug)]
    enum Event {
        Intake(usize, i64),
        Sale(Vec<(usize, i64)>),
        /// Void one of today's live sales.
        Void(usize),
        Return(usize, i64),
        WriteOff(usize, i64),
        Count(usize, i64),
        /// Correct one of the earlier days' live, uncorrected sales.
        Correct(usize),
        /// Pay a producer this many tenths of what they are owed, if anything is owed.
        Payout(usize, i64),
    }

    fn any_event() -> impl Strategy<Value = Event> {
        let product = 0..PRODUCTS;
        let milli = 1i64..=5_000;
        prop_oneof![
            1 => (product.clone(), milli.clone()).prop_map(|(p, q)| Event::Intake(p, q)),
            3 => proptest::collection::vec((product.clone(), milli.clone()), 1..4)
                .prop_map(Event::Sale),
            1 => any::<usize>().prop_map(Event::Void),
            1 => (product.clone(), milli.clone()).prop_map(|(p, q)| Event::Return(p, q)),
            1 => (product.clone(), milli.clone()).prop_map(|(p, q)| Event::WriteOff(p, q)),
            1 => (product, 0i64..=9_000).prop_map(|(p, q)| Event::Count(p, q)),
            1 => any::<usize>().prop_map(Event::Correct),
            1 => (0..PRODUCERS, 1i64..=10).prop_map(|(p, t)| Event::Payout(p, t)),
        ]
    }

    fn any_rule() -> impl Strategy<Value = ShareRule> {
        prop_oneof![
            (0u32..=5_000).prop_map(|bp| ShareRule::Percentage {
                rate: Rate::from_basis_points(bp).unwrap()
            }),
            (1i64..=4_000).prop_map(|p| ShareRule::ProducerPrice { price: Rupiah(p) }),
        ]
    }

    struct ModelSale {
        day: usize,
        number: i64,
        lines: Vec<(usize, Quantity, LineAmounts)>,
        voided: bool,
        corrected_on: Option<usize>,
    }

    struct ModelPayout {
        day: usize,
        producer: usize,
        amount: Rupiah,
    }

    /// The whole history, played day by day, keeping the raw facts the ledger would hold.
    struct Model {
        prices: Vec<(Rupiah, ShareRule)>,
        stock: Vec<StockQuantity>,
        sales: Vec<ModelSale>,
        payouts: Vec<ModelPayout>,
        /// Per day: the stock at opening and at closing, per product.
        openings: Vec<Vec<StockQuantity>>,
        closings: Vec<Vec<StockQuantity>>,
        /// Per day: the document moves of the day.
        moves: Vec<Vec<(usize, MoveKind, StockQuantity)>>,
    }

    fn date(day: usize) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(day as u64)
    }

    impl Model {
        fn new(prices: Vec<(Rupiah, ShareRule)>) -> Model {
            Model {
                prices,
                stock: vec![StockQuantity::ZERO; PRODUCTS],
                sales: Vec::new(),
                payouts: Vec::new(),
                openings: Vec::new(),
                closings: Vec::new(),
                moves: Vec::new(),
            }
        }

        /// Owed to `producer` after everything so far: live sales' shares, less corrected
        /// sales' shares, less payouts. Computed straight from the facts.
        fn owed(&self, producer: usize, up_to_day: usize) -> Rupiah {
            let mut owed = Rupiah::ZERO;
            for sale in self
                .sales
                .iter()
                .filter(|s| !s.voided && s.day <= up_to_day)
            {
                let corrected = sale.corrected_on.is_some_and(|d| d <= up_to_day);
                if !corrected {
                    owed += sale
                        .lines
                        .iter()
                        .filter(|l| producer_of(l.0) == producer)
                        .map(|l| l.2.producer_share)
                        .sum();
                }
            }
            let paid: Rupiah = self
                .payouts
                .iter()
                .filter(|p| p.producer == producer && p.day <= up_to_day)
                .map(|p| p.amount)
                .sum();
            owed - paid
        }

        fn play(&mut self, day: usize, events: &[Event]) {
            self.openings.push(self.stock.clone());
            self.moves.push(Vec::new());
            let mut number = 0;
            for event in events {
                match event {
                    Event::Intake(p, q) => self.document(day, *p, MoveKind::Intake, *q),
                    Event::Return(p, q) => self.document(day, *p, MoveKind::Return, -q),
                    Event::WriteOff(p, q) => self.document(day, *p, MoveKind::WriteOff, -q),
                    Event::Count(p, counted) => {
                        let difference = StockQuantity::from_milli(*counted) - self.stock[*p];
                        self.document(day, *p, MoveKind::Count, difference.milli());
                    }
                    Event::Sale(lines) => {
                        number += 1;
                        let lines = lines
                            .iter()
                            .map(|(p, q)| {
                                let quantity = Quantity::from_milli(*q);
                                let (price, rule) = self.prices[*p];
                                self.stock[*p] = self.stock[*p] - StockQuantity::from(quantity);
                                (*p, quantity, split_line(price, quantity, rule))
                            })
                            .collect();
                        self.sales.push(ModelSale {
                            day,
                            number,
                            lines,
                            voided: false,
                            corrected_on: None,
                        });
                    }
                    Event::Void(pick) => {
                        let live: Vec<usize> = (0..self.sales.len())
                            .filter(|&i| self.sales[i].day == day && !self.sales[i].voided)
                            .collect();
                        if let Some(&i) = live.get(pick % live.len().max(1)) {
                            self.sales[i].voided = true;
                            self.back_on_shelf(i);
                        }
                    }
                    Event::Correct(pick) => {
                        let open: Vec<usize> = (0..self.sales.len())
                            .filter(|&i| {
                                let s = &self.sales[i];
                                s.day < day && !s.voided && s.corrected_on.is_none()
                            })
                            .collect();
                        if let Some(&i) = open.get(pick % open.len().max(1)) {
                            self.sales[i].corrected_on = Some(day);
                            self.back_on_shelf(i);
                        }
                    }
                    Event::Payout(producer, tenths) => {
                        let owed = self.owed(*producer, day);
                        let amount = Rupiah(owed.value() * tenths / 10);
                        if amount.is_positive() {
                            self.payouts.push(ModelPayout {
                                day,
                                producer: *producer,
                                amount,
                            });
                        }
                    }
                }
            }
            self.closings.push(self.stock.clone());
        }

        fn document(&mut self, day: usize, p: usize, kind: MoveKind, milli: i64) {
            let q = StockQuantity::from_milli(milli);
            self.stock[p] += q;
            self.moves[day].push((p, kind, q));
        }

        fn back_on_shelf(&mut self, sale: usize) {
            for (p, q, _) in &self.sales[sale].lines {
                self.stock[*p] += StockQuantity::from(*q);
            }
        }

        /// What the ledger does for one producer and day: hand the raw facts to the builder.
        fn settle(&self, day: usize, producer: usize) -> ProducerSettlement {
            let header = SettlementHeader {
                date: date(day),
                closed: true,
                producer_code: format!("P{producer}"),
                producer_name: format!("Produsen {producer}"),
                payout_daily: false,
                attendant: "Sari".into(),
            };
            let before = if day == 0 {
                Rupiah::ZERO
            } else {
                self.owed(producer, day - 1)
            };
            let mut b = SettlementBuilder::new(header, before);
            for p in (0..PRODUCTS).filter(|p| producer_of(*p) == producer) {
                b.product(ProductOpening {
                    product_id: p as i64,
                    code: format!("K{p}"),
                    name: format!("Produk {p}"),
                    variant: String::new(),
                    unit: Unit::Kg,
                    opening: self.openings[day][p],
                });
            }
            for (p, kind, q) in &self.moves[day] {
                let mine = producer_of(*p) == producer;
                assert_eq!(b.moved(*p as i64, *kind, *q), mine);
            }
            for sale in self.sales.iter().filter(|s| s.day == day && !s.voided) {
                for (p, q, a) in &sale.lines {
                    assert_eq!(b.sold(*p as i64, *q, *a), producer_of(*p) == producer);
                }
            }
            for sale in self.sales.iter().filter(|s| s.corrected_on == Some(day)) {
                for (p, q, a) in &sale.lines {
                    let line = CorrectionLine {
                        product_id: *p as i64,
                        code: format!("K{p}"),
                        name: format!("Produk {p}"),
                        variant: String::new(),
                        unit: Unit::Kg,
                        sale_date: date(sale.day),
                        sale_number: sale.number,
                        quantity: *q,
                        amounts: *a,
                        reason: "salah input".into(),
                    };
                    assert_eq!(b.corrected(line), producer_of(*p) == producer);
                }
            }
            for (i, payout) in self.payouts.iter().enumerate() {
                if payout.day == day && payout.producer == producer {
                    b.paid(Payout {
                        chain_head: None,
                        id: i as i64 + 1,
                        number: i as i64 + 1,
                        date: date(day),
                        producer_code: format!("P{producer}"),
                        producer_name: String::new(),
                        method: PayoutMethod::Cash,
                        amount: payout.amount,
                        at: date(day).and_hms_opt(17, 0, 0).unwrap(),
                        attendant: "Sari".into(),
                        note: String::new(),
                        balance_before: Rupiah::ZERO,
                    });
                }
            }
            b.finish()
        }
    }

    fn history() -> impl Strategy<Value = (Vec<(Rupiah, ShareRule)>, Vec<Vec<Event>>)> {
        (
            proptest::collection::vec((1i64..=60_000).prop_map(Rupiah), PRODUCTS),
            proptest::collection::vec(any_rule(), PRODUCTS),
            proptest::collection::vec(proptest::collection::vec(any_event(), 0..14), 1..7),
        )
            .prop_map(|(prices, rules, days)| (prices.into_iter().zip(rules).collect(), days))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn settlements_add_up_over_random_days((prices, days) in history()) {
            let mut model = Model::new(prices);
            for (day, events) in days.iter().enumerate() {
                model.play(day, events);
            }
            let mut gross = Rupiah::ZERO;
            for producer in 0..PRODUCERS {
                let settlements: Vec<_> =
                    (0..days.len()).map(|d| model.settle(d, producer)).collect();
                let statement = Statement {
                    producer_code: format!("P{producer}"),
                    producer_name: String::new(),
                    from: date(0),
                    to: date(days.len() - 1),
                    opening_balance: Rupiah::ZERO,
                    days: settlements.clone(),
                };
                for (day, (s, row)) in settlements.iter().zip(statement.rows()).enumerate() {
                    // The shares split the day's money exactly.
                    prop_assert_eq!(s.producer_share() + s.corner_share(), s.gross());
                    prop_assert_eq!(row.gross, s.gross());
                    // The running balance is every share so far less every payout so far.
                    prop_assert_eq!(row.balance, model.owed(producer, day));
                    prop_assert_eq!(s.balance_now(), model.owed(producer, day));
                    // Each product's day adds up to what is on the shelf at closing, and
                    // nothing with stock or moves is left off.
                    for p in (0..PRODUCTS).filter(|p| producer_of(*p) == producer) {
                        let row = s.products.iter().find(|r| r.product_id == p as i64);
                        match row {
                            Some(r) => {
                                prop_assert_eq!(r.opening, model.openings[day][p]);
                                prop_assert_eq!(r.closing(), model.closings[day][p]);
                            }
                            None => {
                                prop_assert_eq!(model.openings[day][p], StockQuantity::ZERO);
                                prop_assert_eq!(model.closings[day][p], StockQuantity::ZERO);
                            }
                        }
                    }
                }
                prop_assert_eq!(statement.closing_balance(), model.owed(producer, days.len() - 1));
                gross += statement.gross();
            }
            // Over all producers, the settlements hold exactly the live sales, less the
            // ones corrected later.
            let live: Rupiah = model
                .sales
                .iter()
                .filter(|s| !s.voided && s.corrected_on.is_none())
                .flat_map(|s| s.lines.iter().map(|l| l.2.total))
                .sum();
            prop_assert_eq!(gross, live);
        }
    }

    #[test]
    fn a_worked_day_with_a_correction_and_a_payout() {
        let header = SettlementHeader {
            date: date(1),
            closed: false,
            producer_code: "SRI".into(),
            producer_name: "Kue Bu Sri".into(),
            payout_daily: true,
            attendant: "Sari".into(),
        };
        let mut b = SettlementBuilder::new(header, Rupiah(20_000));
        b.product(ProductOpening {
            product_id: 1,
            code: "LMPR".into(),
            name: "Lemper".into(),
            variant: String::new(),
            unit: Unit::Pcs,
            opening: StockQuantity::whole(2),
        });
        b.product(ProductOpening {
            product_id: 2,
            code: "ARM".into(),
            name: "Arem-arem".into(),
            variant: String::new(),
            unit: Unit::Pcs,
            opening: StockQuantity::ZERO,
        });
        assert!(b.moved(1, MoveKind::Intake, StockQuantity::whole(20)));
        assert!(!b.moved(1, MoveKind::Sale, StockQuantity::whole(-1)));
        assert!(!b.moved(9, MoveKind::Intake, StockQuantity::whole(1)));
        let three = split_line(
            Rupiah(3_500),
            Quantity::whole(3),
            ShareRule::Percentage {
                rate: Rate::from_basis_points(1_500).unwrap(),
            },
        );
        assert!(b.sold(1, Quantity::whole(3), three));
        assert!(b.moved(1, MoveKind::Return, StockQuantity::whole(-4)));
        assert!(b.moved(1, MoveKind::WriteOff, StockQuantity::whole(-1)));
        assert!(b.moved(1, MoveKind::Count, StockQuantity::whole(-1)));
        let one = split_line(
            Rupiah(3_500),
            Quantity::whole(1),
            ShareRule::Percentage {
                rate: Rate::from_basis_points(1_500).unwrap(),
            },
        );
        assert!(b.corrected(CorrectionLine {
            product_id: 1,
            code: "LMPR".into(),
            name: "Lemper".into(),
            variant: String::new(),
            unit: Unit::Pcs,
            sale_date: date(0),
            sale_number: 7,
            quantity: Quantity::whole(1),
            amounts: one,
            reason: "dobel".into(),
        }));
        b.paid(Payout {
            chain_head: None,
            id: 1,
            number: 1,
            date: date(1),
            producer_code: "SRI".into(),
            producer_name: "Kue Bu Sri".into(),
            method: PayoutMethod::Transfer,
            amount: Rupiah(10_000),
            at: date(1).and_hms_opt(16, 0, 0).unwrap(),
            attendant: "Sari".into(),
            note: String::new(),
            balance_before: Rupiah(20_000),
        });
        let s = b.finish();
        assert_eq!(s.products.len(), 1, "the arem-arem had nothing: left off");
        let lemper = &s.products[0];
        // 2 + 20 − 3 + 1 − 4 − 1 − 1 = 14
        assert_eq!(lemper.closing(), StockQuantity::whole(14));
        // 3 × 3.500 = 10.500, producer 85 % = 8.925; the correction takes back 3.500 / 2.975.
        assert_eq!(s.gross(), Rupiah(7_000));
        assert_eq!(s.producer_share(), Rupiah(5_950));
        assert_eq!(s.corner_share(), Rupiah(1_050));
        assert_eq!(s.paid_out(), Rupiah(10_000));
        assert_eq!(s.balance_now(), Rupiah(20_000 + 5_950 - 10_000));
        assert_eq!(s.payouts[0].balance_after(), Rupiah(10_000));
        assert_eq!("transfer".parse(), Ok(PayoutMethod::Transfer));
        assert!("tab".parse::<PayoutMethod>().is_err());
    }
}
