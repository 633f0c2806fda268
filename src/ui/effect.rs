//! What a screen asks the runtime to do: effects are data, run on the ledger or the printer
//! after `update` returns, each answered by a message.

use chrono::NaiveDate;

use super::pin::Pin;
use crate::domain::{
    Cart, IntakeLine, NewProducer, Payment, ProducerChanges, ProductChanges, Quantity, Rupiah,
};
use crate::print::PrinterSettings;

/// What the runtime must do, each to its answer before the next key is read. Each names the
/// message it answers with; those with an `FailedEffect` may instead answer `Answer::Failed`.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Persist the cart being rung up (an empty cart clears the draft). No answer on success.
    SaveDraft(Cart),
    /// Open today's business day. Answer: `DayOpened`.
    OpenDay { attendant: String, float: Rupiah },
    /// Close the open business day with the cash counted (and the reason for a variance),
    /// then write the day-close report. Answer: `DayClosed`, then `ZReport`.
    CloseDay {
        count: crate::domain::CashCount,
        reason: String,
    },
    /// Take back today's close, with the manager's reason. Answer: `DayReopened`.
    ReopenDay { reason: String },
    /// The same, confirmed by the manager's PIN instead of the count typed again: the
    /// approval popup holds it whoever is signed in.
    CloseDayOnPin {
        count: crate::domain::CashCount,
        reason: String,
    },
    /// Record the sale, then write its receipt. Answer: `SaleRecorded` once the commit has
    /// returned, whatever fails after it (a failed receipt is `receipt: Err`); `Failed` only
    /// if the sale is not on disk.
    RecordSale { cart: Cart, payments: Vec<Payment> },
    /// Today's sales, newest first. Answer: `SalesLoaded`.
    LoadSales,
    /// Print a recorded sale's receipt again (a voided one says so). Answer: `ReceiptPrinted`.
    ReprintReceipt { sale_id: i64 },
    /// Answer: `SaleVoided` once the void is committed, with the fresh status and list as
    /// far as they can be read; `Failed` only if the void is not on disk.
    VoidSale { sale_id: i64, reason: String },
    /// Leave: restore the terminal and exit (the draft is already saved).
    Quit,
    /// Stock per product on the open business day (or today), and the call list.
    /// Answer: `StockLoaded`.
    LoadStock,
    /// Record a stock entry, then write its slip. Answer: `StockRecorded` once committed;
    /// `Failed` only if it is not on disk.
    RecordStock(StockEntry),
    /// Return every daily product left to its producer, a slip each. Answer: `StockRecorded`.
    ReturnDailyGoods,
    /// Every product, active or not. Answer: `ProductsLoaded`.
    LoadProducts,
    /// Edit a product (a price change is recorded in history). Answer: `CatalogueChanged`.
    SaveProduct {
        code: String,
        changes: ProductChanges,
    },
    /// Take a product off the till, or put it back. Answer: `CatalogueChanged`.
    SetProductActive { code: String, active: bool },
    /// Register a new product. Answer: `CatalogueChanged`.
    AddProduct(crate::domain::NewProduct),
    /// Every producer, active or not. Answer: `ProducersLoaded`.
    LoadProducers,
    /// Register a producer. Answer: `ProducersChanged`.
    AddProducer(NewProducer),
    /// Edit a producer (a scheme or rate change is recorded in history). Answer:
    /// `ProducersChanged`.
    SaveProducer {
        code: String,
        changes: ProducerChanges,
    },
    /// Take a producer and their products off the till, or put them back. Answer:
    /// `ProducersChanged`.
    SetProducerActive { code: String, active: bool },
    // The settings screen (Ctrl+O).
    /// The shop header and printer settings. Answer: `SettingsLoaded`.
    LoadSettings,
    /// Save them all in one transaction; printouts and the till use them from now on.
    /// Answer: `SettingsSaved`.
    SaveSettings {
        shop: crate::domain::ShopHeader,
        printer: PrinterSettings,
        rules: crate::domain::TillRules,
        /// Where the day-close backups go; empty: `backups` beside the ledger.
        backup_folder: String,
        /// The government programme named on the monthly recap; empty: none.
        programme: String,
    },
    /// How many days ahead the expiry list looks (a shop setting). Answer: `StockLoaded`.
    SetExpiryDays { days: u32 },
    /// Send a short test slip to this printer (saved or not). Answer: `TestPrinted`.
    TestPrint {
        shop: crate::domain::ShopHeader,
        printer: PrinterSettings,
    },
    // Producers' money (Ctrl+P).
    /// What each producer is owed, and the business days. Answer: `PayoutsLoaded`.
    LoadPayouts,
    /// Pay a producer on the open day, then write the payout slip. Answer: `PayoutRecorded`
    /// once committed; `Failed` only if it is not on disk.
    PayProducer {
        code: String,
        method: crate::domain::PayoutMethod,
        amount: Rupiah,
        note: String,
    },
    /// Write the settlement slips of the day, one file per producer. Answer:
    /// `SettlementsWritten`.
    WriteSettlements { date: NaiveDate },
    /// The day's report as it stands: an X report of the open day, or a copy (SALINAN) of a
    /// closed day's close. Answer: `OfficePrintout`.
    WriteDayReport { date: NaiveDate },
    /// A sheet of barcode labels for `producer`'s products without a maker's barcode, those
    /// without any given the corner's own first. Answer: `CatalogueChanged` when barcodes
    /// were given, then `OfficePrintout`.
    WriteLabels { producer: String },
    /// The monthly recap of `date`'s month, as text and A4 PDF. Answer: `OfficePrintout`.
    WriteRecap { date: NaiveDate },
    /// A producer's statement over a date range, as text and A4 PDF. Answer:
    /// `OfficePrintout`.
    WriteStatement {
        producer: String,
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Whether the producer is paid out at every closing. Answer: `ProducersChanged`.
    SetPayoutDaily { code: String, daily: bool },
    // The till's money: the close, corrections, tabs, cash moves.
    /// The open day's report, for the close screen. Answer: `CloseLoaded`.
    LoadClose,
    /// The sales of the business day before (`older`) or after `from` (`None`: the open
    /// day, else the newest). Answer: `DaySalesLoaded`.
    LoadSalesNear {
        from: Option<NaiveDate>,
        older: bool,
    },
    /// One sale in full, with the parts returned so far. Answer: `SaleDetailLoaded`.
    LoadSaleDetail { sale_id: i64 },
    /// Take part of a sale back on the open day, then write its slip. Answer:
    /// `PartReturned` once committed; `Failed` only if it is not on disk.
    ReturnPart {
        sale_id: i64,
        parts: Vec<crate::domain::PartRequest>,
        refund: crate::domain::RefundMethod,
        reason: String,
    },
    /// Take back a closed day's sale on the open day. Answer: `SaleCorrected`.
    CorrectSale {
        sale_id: i64,
        refund: crate::domain::RefundMethod,
        reason: String,
    },
    /// Every customer, for the tab picker or the customers screen. Answer: `CustomersLoaded`.
    LoadCustomers,
    /// Add (`id: None`) or edit a customer. Answer: `CustomersChanged`.
    SaveCustomer {
        id: Option<i64>,
        customer: crate::domain::NewCustomer,
    },
    /// A customer pays off (part of) their tab. Answer: `CustomersChanged`.
    RecordTabPayment {
        customer: i64,
        method: crate::domain::PaymentMethod,
        amount: Rupiah,
        note: String,
    },
    /// Write the customer's tab statement for this month. Answer: `StatementPrinted`.
    PrintTabStatement { customer: i64 },
    /// Record cash taken out or put in, then write its slip. Answer: `CashMoved`.
    RecordCashMove {
        direction: crate::domain::CashDirection,
        amount: Rupiah,
        reason: String,
    },
    // Users, signing in, the manager's approval, the audit trail.
    /// First start: name the shop and create its manager, who is then signed in. Answer:
    /// `UsersLoaded` then `SignedIn`.
    CreateManager {
        shop: String,
        name: String,
        pin: Pin,
    },
    /// A till-era ledger's manager sets a first PIN and is signed in. Answer: `UsersLoaded`
    /// then `SignedIn`.
    SetFirstPin { user_id: i64, pin: Pin },
    /// Answer: `SignedIn`, or `Failed` (`FailedEffect::SignIn`) saying how many tries are left or
    /// until when the user is locked out.
    SignIn { user_id: i64, pin: Pin },
    /// Checks the manager's PIN and, if right, runs `held` with that manager as approver.
    /// Answer: `ApprovalGranted`, then the held effects' own answers; or `Failed`
    /// (`FailedEffect::Approve`) and nothing runs.
    Approve {
        manager_id: i64,
        pin: Pin,
        held: Vec<Effect>,
    },
    /// Every user. Answer: `UsersLoaded`.
    LoadUsers,
    /// Answer: `UsersChanged`.
    AddUser {
        name: String,
        role: crate::domain::Role,
        pin: Pin,
    },
    /// Answer: `UsersChanged`.
    ChangePin { user_id: i64, pin: Pin },
    /// Answer: `UsersChanged`.
    DeactivateUser { user_id: i64 },
    /// Answer: `HistoryLoaded`.
    LoadHistory(crate::domain::HistoryFilter),
    /// The manager's glance at the business day of the date. Answer: `GlanceLoaded`.
    LoadGlance(chrono::NaiveDate),
    /// Each product's and producer's sales per day over the 30 days ending on the date, for
    /// the lists' sparklines. Answer: `DailySalesLoaded`.
    LoadDailySales(chrono::NaiveDate),
    // A queue.
    /// Put the cart (with any parts paid) aside; the draft is cleared with it. Answer:
    /// `CartParked`.
    ParkCart(Cart),
    /// The parked carts, oldest first. Answer: `ParkedLoaded`.
    LoadParked,
    /// A parked cart becomes the cart being rung up. Answer: `CartRecalled`.
    RecallCart(i64),
}

/// A stock entry as a form hands it to the ledger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StockEntry {
    Intake {
        producer: String,
        lines: Vec<IntakeLine>,
    },
    Return {
        producer: String,
        lines: Vec<(String, Quantity)>,
        reason: String,
    },
    /// The ledger writes off one product per entry.
    WriteOff {
        code: String,
        quantity: Quantity,
        reason: String,
        corner_at_fault: bool,
    },
    /// A count of many products, recorded all at once under one approval.
    Count {
        lines: Vec<crate::domain::CountLine>,
        reason: String,
    },
}
