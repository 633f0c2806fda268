//! Pure shop logic: money, quantities, the commission split, the cart, payment and search.
//! No SQLite, no terminal, no clock.

pub mod barcode;
pub mod cart;
pub mod cash;
pub mod catalogue;
pub mod check;
pub mod date;
pub mod entry;
pub mod expiry;
pub mod export;
pub mod glance;
pub mod history;
pub mod money;
pub mod payment;
pub mod printer;
pub mod quantity;
pub mod recap;
pub mod returns;
pub mod sale;
pub mod settlement;
pub mod share;
pub mod shop;
pub mod stock;
pub mod users;

pub use cart::{Cart, CartLine, ParkedCart};
pub use cash::{
    CashCount, CashDirection, CashFigures, CashMove, Correction, Customer, CustomerBalance,
    CustomerError, DENOMINATIONS, Denomination, DenominationCount, NewCustomer, RefundMethod,
    TabEntry, TabPayment, TabStatement,
};
pub use catalogue::{
    Catalogue, NewProducer, NewProduct, PriceChange, Producer, ProducerChanges, Product,
    ProductChanges, ProductRecord, RateChange, Scheme,
};
pub use check::Broken;
pub use date::parse_date;
pub use expiry::{DEFAULT_EXPIRY_DAYS, ExpiryLine, ExpiryList, MAX_EXPIRY_DAYS};
pub use export::{Cell, ChainedEntry, ExportKind, ExportTable};
pub use glance::{DailySales, Glance, HourBar, Owed, Ranked};
pub use history::{Detail, HistoryEntry, HistoryFilter};
pub use money::{ParseError, Rupiah, parse_amount, round_rupiah};
pub use payment::{PayError, Payment, PaymentMethod, Tender};
pub use printer::{Paper, PrinterKind, PrinterSettings, valid_host_port};
pub use quantity::{Quantity, Unit, parse_quantity};
pub use recap::{MonthRecap, ProducerMonth, parse_month};
pub use returns::{PartRequest, ReturnLine, SaleReturn, reverse_part};
pub use sale::{
    BusinessDay, CountRecord, CountTotal, DayReport, DayStatus, NonCashTotals, PaymentTotals,
    PayoutLine, ProducerDayLine, Sale, SaleLine, SaleSummary, SupersededClose, VoidLine,
};
pub use settlement::{
    CorrectionLine, Payout, PayoutMethod, ProducerBalance, ProducerSettlement, ProductDay,
    ProductOpening, SettlementBuilder, SettlementHeader, Statement, StatementRow,
};
pub use share::{LineAmounts, Rate, ShareRule, loss_share, split_line};
pub use shop::{ShopHeader, TillRules};
pub use stock::{
    CallListEntry, CountLine, DayMoves, DocumentKind, IntakeLine, MoveKind, QuantityError,
    StockDocument, StockDocumentLine, StockLine, StockMismatch, StockQuantity,
};
pub use users::{
    PinAttempts, PinProblem, PinVerdict, Role, User, check_new_pin, clamp_lockout, lockout_length,
};
