//! The kiosk's screens as a pure state machine: keys become `Msg`s, `update` changes the
//! state and returns `Effect`s for the runtime to carry out (SQLite, printing), and `view`
//! draws the state. Nothing here touches the ledger, the terminal or the clock.

mod cash_move;
mod catalogue;
mod close;
mod customers;
mod dialogs;
pub mod keymap;
mod list;
mod note;
mod pay;
mod payouts;
mod producers;
mod product_form;
mod sale;
mod sales;
mod settings;
mod stock;
mod stock_forms;
mod widgets;
// Issue 5: sign-in, lock, approval, users, audit.
mod audit;
mod trust;
mod users;

#[cfg(test)]
mod close_tests;
#[cfg(test)]
mod payouts_tests;
#[cfg(test)]
mod producers_tests;
#[cfg(test)]
mod product_tests;
#[cfg(test)]
mod settings_tests;
#[cfg(test)]
mod stock_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod trust_tests;
#[cfg(test)]
mod view_tests;

use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::Frame;

use crate::domain::{
    CallListEntry, Cart, Catalogue, DayStatus, IntakeLine, NewProducer, Payment, Producer,
    ProducerChanges, Product, ProductChanges, ProductRecord, Quantity, Rupiah, Sale, SaleSummary,
    StockDocument, StockLine, StockQuantity,
};
use crate::print::{PrintError, PrinterSettings};
use crate::strings::Lang;

pub use crate::strings::TillFailure;
pub use close::TillNote;
pub use keymap::{Context, key_to_msg};
pub use note::Note;
pub use payouts::PayoutLists;
pub use product_form::Field as ProductField;
pub use trust::{ApprovalReason, Pin, TrustFailure, TrustNote};

use catalogue::ProductsScreen;
use dialogs::{Confirm, OpenDayForm};
use pay::PayDialog;
use producers::{ProducerForm, ProducersScreen};
use sale::{Done, SearchList};
use sales::SalesList;
use stock::StockScreen;
use stock_forms::StockForm;

/// What the runtime must do, each to its answer before the next key is read. Each names the
/// message it answers with; those with an `Action` may instead answer `Msg::Failed`.
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
    },
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
    /// Whether the producer is paid out at every closing. Answer: `ProducersChanged`.
    SetPayoutDaily { code: String, daily: bool },
    // The till's money (issue 4).
    /// The open day's report, for the close screen. Answer: `CloseLoaded`.
    LoadClose,
    /// The sales of the business day before (`older`) or after `from` (`None`: the open
    /// day, else the newest). Answer: `DaySalesLoaded`.
    LoadSalesNear {
        from: Option<NaiveDate>,
        older: bool,
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
    // Issue 5: users, signing in, the manager's approval, the audit trail.
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
    /// Answer: `SignedIn`, or `Failed` (`Action::SignIn`) saying how many tries are left or
    /// until when the user is locked out.
    SignIn { user_id: i64, pin: Pin },
    /// Checks the manager's PIN and, if right, runs `held` with that manager as approver.
    /// Answer: `ApprovalGranted`, then the held effects' own answers; or `Failed`
    /// (`Action::Approve`) and nothing runs.
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
    Count {
        code: String,
        counted: StockQuantity,
        reason: String,
    },
}

/// Which effect failed, in `Msg::Failed`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Action {
    SaveDraft,
    OpenDay,
    CloseDay,
    RecordSale,
    LoadSales,
    VoidSale,
    LoadStock,
    /// An intake, return, write-off or count.
    RecordStock,
    LoadProducts,
    SaveProduct,
    LoadProducers,
    /// Adding, editing or (de)activating a producer.
    SaveProducer,
    LoadSettings,
    SaveSettings,
    LoadPayouts,
    PayProducer,
    WriteSettlements,
    /// Anything of the till's money: loading the close, a cash move, a tab, a correction.
    Till,
    // Issue 5.
    /// Signing in, at the first start or after a lock.
    SignIn,
    Approve,
    LoadUsers,
    SaveUser,
    LoadHistory,
}

/// Why an effect did not happen, as the attendant is told it (in `strings`, in the UI's
/// language). The runtime maps the ledger's errors onto these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    NoOpenDay,
    /// Another business day, of this date, is still open.
    DayAlreadyOpen(NaiveDate),
    /// This date already had its business day.
    DayExists(NaiveDate),
    EmptySale,
    /// The payments do not pay the total exactly.
    NotSettled,
    UnknownSale,
    AlreadyVoided,
    NotOnOpenDay,
    EmptyReason,
    /// Another program holds the ledger's write lock.
    Busy,
    DiskFull,
    // Catalogue and stock refusals, each with what it was about.
    UnknownProduct(String),
    ProductInactive(String),
    ProducerInactive(String),
    ProductOfAnotherProducer {
        product: String,
        producer: String,
    },
    InvalidQuantity {
        code: String,
        problem: crate::domain::QuantityError,
    },
    EmptyDocument,
    UnknownDocument(i64),
    DuplicateCode(String),
    DuplicateBarcode(String),
    UnknownProducer(String),
    /// The ledger's (English) detail of what is wrong with the producer.
    InvalidProducer(String),
    /// The ledger's (English) detail of what is wrong with the product.
    InvalidProduct(String),
    /// Switching this producer to producer price needs a producer price for each of their
    /// products, which the producers screen does not take.
    ProducerPriceNeeded(String),
    /// Anything else the ledger or the disk reported, in its own (English) words.
    Storage(String),
    /// A payout above what the corner owes the producer: their code and what is owed.
    PayoutAboveBalance {
        producer: String,
        owed: Rupiah,
    },
    /// A refusal about the till's money (amounts, customers, tabs, the count, corrections).
    Till(TillFailure),
    /// Signing in, approvals and users (issue 5).
    Trust(TrustFailure),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    // From the keymap.
    /// A printable character for the field that has the keyboard.
    Input(char),
    Backspace,
    Delete,
    Submit,
    Cancel,
    Up,
    Down,
    /// Next payment method or form field (Tab, →); on the sale screen, ←/→ keep refused
    /// text on the entry line to edit it.
    Next,
    /// Previous payment method or form field (Shift+Tab, ←).
    Prev,
    /// One more of the selected cart line.
    More,
    /// One less of the selected cart line.
    Less,
    /// Void the selected sale (asks a reason, then a question).
    VoidSale,
    /// Print the selected sale's receipt again.
    Reprint,
    Help,
    Pay,
    PayPart,
    /// A quick-tender key: a note of this much, added to the cash typed so far.
    QuickCash(Rupiah),
    EmptyCart,
    TodaySales,
    CloseDay,
    ToggleLang,
    Quit,
    /// Open the stock screen.
    OpenStock,
    /// Intake for the selected product's producer.
    Intake,
    /// A return to the selected product's producer.
    ReturnStock,
    /// Write off goods of the selected product's producer.
    WriteOff,
    /// Count goods of the selected product's producer.
    Count,
    /// Who bears a write-off: the producer, or the corner.
    ToggleFault,
    /// Open the products screen.
    OpenProducts,
    /// Type a new price for the selected product.
    EditPrice,
    /// Deactivate or reactivate the selected product (asks first).
    ToggleActive,
    /// Open the form for a new product.
    NewProduct,
    /// Open the form filled in with the selected product.
    EditProduct,
    /// Show the call list, or the stock again.
    CallList,
    /// Return all daily goods left (asks first).
    ReturnDaily,
    /// Record the form being filled in (asks first).
    Record,
    /// Open the producers screen.
    OpenProducers,
    /// The form for a new producer.
    AddProducer,
    /// The form for the selected producer.
    EditProducer,
    /// Percentage or producer price, in the producer form.
    ToggleScheme,
    /// `y` in a question.
    Yes,
    /// `n` or Esc in a question, or a key that means nothing beneath it.
    No,
    /// Open the producers' settlement and payouts screen.
    OpenPayouts,
    /// Write the shown day's settlement slips.
    WriteSettlements,
    /// Cash or transfer, in the payout form.
    ToggleMethod,
    /// Paid out daily or not, in the producer form.
    TogglePayoutDaily,
    /// Count the cash as a total or by denomination.
    ToggleCount,
    /// Open the cash in/out form (F9 on the sale screen).
    CashMove,
    /// Cash in or out, in the cash form.
    ToggleDirection,
    /// Open the customers screen (Ctrl+T).
    OpenTabs,
    NewCustomer,
    EditCustomer,
    /// Take a tab payment from the selected customer.
    TabPayment,
    /// Print the selected customer's tab statement.
    TabStatement,
    /// The next payment method, in the tab payment form.
    CycleMethod,
    // From the runtime.
    /// The terminal's size, at start and whenever it changes.
    Resize(u16, u16),
    /// The calendar date, when it changes while the kiosk runs (past midnight).
    Today(NaiveDate),
    /// The active products as the ledger has them after another program changed it.
    CatalogueReloaded(Vec<crate::domain::Product>),
    /// The cart saved when the kiosk last stopped could not be read; it starts empty.
    DraftUnreadable,
    /// At start with no day open: the last business day, closed on this date.
    ClosedBefore(NaiveDate),
    // Results of effects, from the runtime.
    DayOpened(DayStatus),
    DayClosed,
    /// The sale is on disk. `status` is `None` if the day's figures could not be read back
    /// after the commit: the screen then counts the sale in the figures it has.
    SaleRecorded {
        sale: Sale,
        status: Option<DayStatus>,
        receipt: Result<PathBuf, String>,
    },
    SalesLoaded(Vec<SaleSummary>),
    /// A receipt printed again: where it was written, or why it was not.
    ReceiptPrinted(Result<PathBuf, String>),
    /// The void is on disk. `status` and `sales` are `None` if they could not be read back
    /// after the commit: the screen then takes the sale out of what it has.
    SaleVoided {
        sale_id: i64,
        status: Option<DayStatus>,
        sales: Option<Vec<SaleSummary>>,
    },
    StockLoaded {
        lines: Vec<StockLine>,
        calls: Vec<CallListEntry>,
    },
    /// Stock entries on disk, each with where its slip was written or why it was not.
    StockRecorded {
        documents: Vec<StockDocument>,
        slips: Vec<Result<PathBuf, String>>,
    },
    ProductsLoaded(Vec<ProductRecord>),
    /// Every producer, for the product form (sent with `ProductsLoaded`).
    ProductProducers(Vec<crate::domain::Producer>),
    /// The catalogue changed on disk: every product, and what the till may now sell.
    CatalogueChanged {
        products: Vec<ProductRecord>,
        active: Vec<Product>,
    },
    ProducersLoaded(Vec<Producer>),
    /// A producer changed on disk: every producer, and what the till may now sell.
    ProducersChanged {
        producers: Vec<Producer>,
        active: Vec<Product>,
    },
    /// The effect of `action` did not happen, for `reason`.
    Failed {
        action: Action,
        reason: Failure,
    },
    // The settings screen and printing.
    /// Open the settings screen (shop header, printer).
    OpenSettings,
    /// The next printer kind, in the settings.
    PrinterKind,
    /// 58 or 80 mm paper, in the settings.
    PaperWidth,
    /// Send a test slip to the printer on screen.
    TestPrint,
    SettingsLoaded {
        shop: crate::domain::ShopHeader,
        printer: PrinterSettings,
        rules: crate::domain::TillRules,
        /// The printers Windows has installed, by name, the default first.
        windows_printers: Vec<String>,
    },
    SettingsSaved,
    TestPrinted(Result<(), PrintError>),
    /// A printout recorded and written to its file did not reach the thermal printer.
    PrintFailed(PrintError),
    PayoutsLoaded {
        balances: Vec<crate::domain::ProducerBalance>,
        days: Vec<(NaiveDate, bool)>,
    },
    /// The payout is on disk, with where its slip was written (or why not), and the
    /// balances and days as far as they could be read back.
    PayoutRecorded {
        payout: crate::domain::Payout,
        slip: Result<PathBuf, String>,
        balances: Option<PayoutLists>,
    },
    /// How many slips of `date` were written (none: no producer had activity), and their
    /// folder; or why not.
    SettlementsWritten {
        date: NaiveDate,
        result: Result<(usize, PathBuf), String>,
    },
    /// The open day's figures for the close screen.
    CloseLoaded(Box<crate::domain::DayReport>),
    /// What each producer is owed, for the close screen's reminder of daily payouts.
    BalancesAtClose(Vec<crate::domain::ProducerBalance>),
    /// The day-close report written after a close: its file, or why it was not.
    ZReport(Result<PathBuf, String>),
    /// The sales of a business day stepped to, and whether it is closed.
    DaySalesLoaded {
        date: NaiveDate,
        closed: bool,
        sales: Vec<SaleSummary>,
    },
    /// A correction is on disk; `sales` is that day's list again, if it could be read.
    SaleCorrected {
        correction: crate::domain::Correction,
        sales: Option<Vec<SaleSummary>>,
    },
    /// Every customer (with what each owes).
    CustomersLoaded(Vec<crate::domain::CustomerBalance>),
    /// A customer or a tab payment is on disk: every customer again, and what to say.
    CustomersChanged {
        list: Vec<crate::domain::CustomerBalance>,
        note: TillNote,
    },
    /// A tab statement written: its file, or why it was not.
    StatementPrinted(Result<PathBuf, String>),
    /// A cash move is on disk, with its slip's file or why it was not written.
    CashMoved {
        cash_move: crate::domain::CashMove,
        slip: Result<PathBuf, String>,
    },
    // Issue 5: keys.
    /// Lock the till (Ctrl+L).
    Lock,
    /// Open the users screen (Ctrl+U).
    OpenUsers,
    /// Open the audit trail (Ctrl+R).
    OpenAudit,
    AddUser,
    /// A new PIN for the selected user.
    ChangePin,
    DeactivateUser,
    /// Attendant or manager, in the user form.
    ToggleRole,
    // Issue 5: from the runtime.
    /// The time now: sent before each batch of keys and while the till is idle, so that it
    /// locks itself after the idle time without the screens reading a clock.
    Clock(chrono::NaiveDateTime),
    /// Every user, active or not: at start (which decides between the first-start, PIN and
    /// sign-in screens) and when asked.
    UsersLoaded(Vec<crate::domain::User>),
    SignedIn(crate::domain::User),
    /// The manager's PIN was right; the held effects have run (their answers follow).
    ApprovalGranted(crate::domain::User),
    UsersChanged(Vec<crate::domain::User>),
    HistoryLoaded(Vec<crate::domain::HistoryEntry>),
    /// The ledger refused this effect without a manager's approval (a count with a
    /// difference): it waits in the approval popup.
    ApprovalNeeded(Box<Effect>),
}

/// What has the keyboard. A question keeps the mode beneath it, drawn under the popup and
/// returned to when it is answered.
enum Mode {
    OpenDay(OpenDayForm),
    StaleDay,
    Sale,
    Search(SearchList),
    Pay(PayDialog),
    Sales(SalesList),
    Stock(StockScreen),
    Products(ProductsScreen),
    /// An intake, return, write-off or count being entered.
    StockForm(Box<StockForm>),
    ProductForm(Box<product_form::ProductForm>),
    Producers(ProducersScreen),
    ProducerForm(Box<ProducerForm>),
    Confirm(Confirm),
    Settings(Box<settings::SettingsScreen>),
    Payouts(payouts::PayoutsScreen),
    PayoutForm(Box<payouts::PayoutForm>),
    /// Closing the day: the expected cash and the count.
    Close(Box<close::CloseScreen>),
    CashMove(cash_move::CashMoveForm),
    Customers(customers::CustomersScreen),
    // Issue 5.
    Users(users::UsersScreen),
    UserForm(Box<users::UserForm>),
    Audit(audit::AuditScreen),
}

pub struct App {
    lang: Lang,
    catalogue: Catalogue,
    status: Option<DayStatus>,
    today: NaiveDate,
    /// The default name for the open-day form.
    attendant: String,
    cart: Cart,
    /// The selected cart line.
    selected: usize,
    /// The entry line (`Kode / cari`); also the query while the search list is open.
    entry: String,
    /// The entry line holds refused text, shown selected: the next character typed replaces
    /// it, so a scan that follows is not glued onto it. Backspace and ←/→ keep it to edit.
    entry_selected: bool,
    /// The cart changed outside a key (a catalogue change repriced it): save it after this message.
    draft_stale: bool,
    mode: Mode,
    help: bool,
    /// The terminal's size as the runtime last said; `None` until it does.
    size: Option<(u16, u16)>,
    note: Option<Note>,
    /// A key an amount field refused: said again while typing goes on, so a fast typist
    /// sees it before Enter; any other key ends it (see `sale::type_amount`).
    amount_refused: Option<char>,
    /// The sale just recorded, shown large until the next key.
    done: Option<Done>,
    quit: bool,
    // Issue 5: who is at the till.
    /// The signed-in user; `None` before anyone signs in (the runtime opens a gate then).
    user: Option<crate::domain::User>,
    /// Every user, as last loaded.
    users: Vec<crate::domain::User>,
    /// First start, sign-in, lock or approval: has every key while open.
    gate: Option<trust::Gate>,
    /// The runtime's time, as last told (`Msg::Clock`).
    clock: Option<chrono::NaiveDateTime>,
    /// When a key was last pressed, by that clock.
    last_key: Option<chrono::NaiveDateTime>,
    lock_after: chrono::TimeDelta,
    /// Users (name, role, PIN) to try, shown on the demo's sign-in screen.
    demo_logins: Vec<(String, crate::domain::Role, String)>,
    /// The date of the last business day closed, when no day is open: a day closed today
    /// cannot be opened again, and the open-day form says so.
    last_closed: Option<NaiveDate>,
}

impl App {
    pub fn new(
        lang: Lang,
        catalogue: Catalogue,
        status: Option<DayStatus>,
        draft: Option<Cart>,
        today: NaiveDate,
        attendant: String,
    ) -> App {
        let mode = match &status {
            None => Mode::OpenDay(OpenDayForm::new(&attendant)),
            Some(s) if s.day.date < today => Mode::StaleDay,
            Some(_) => Mode::Sale,
        };
        // A cart saved before a restart takes today's prices, as it would have while open.
        let mut cart = draft.unwrap_or_default();
        let before = cart.clone();
        cart.reprice(&catalogue);
        App {
            draft_stale: cart != before,
            lang,
            catalogue,
            status,
            today,
            attendant,
            cart,
            selected: 0,
            entry: String::new(),
            entry_selected: false,
            mode,
            help: false,
            size: None,
            note: None,
            amount_refused: None,
            done: None,
            quit: false,
            user: None,
            users: Vec::new(),
            gate: None,
            clock: None,
            last_key: None,
            lock_after: crate::domain::TillRules::default().lock_after(),
            demo_logins: Vec::new(),
            last_closed: None,
        }
    }

    /// The signed-in user.
    pub fn user(&self) -> Option<&crate::domain::User> {
        self.user.as_ref()
    }

    /// How long the till may sit untouched before it locks itself.
    pub fn set_lock_after(&mut self, idle: chrono::TimeDelta) {
        self.lock_after = idle;
    }

    /// Users (name, role, PIN) to try, shown on the sign-in screen: the demo's only. Put into
    /// words when drawn, so F10 translates the roles.
    pub fn set_demo_logins(&mut self, logins: Vec<(String, crate::domain::Role, String)>) {
        self.demo_logins = logins;
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// A new catalogue (products or prices changed). Lines already in the cart take the
    /// products as they are now (a line whose product is gone stays, and blocks paying
    /// until removed); an open search list is refreshed.
    pub fn set_catalogue(&mut self, catalogue: Catalogue) {
        self.catalogue = catalogue;
        // Nothing in the cart is sold yet: it takes the prices as they are now.
        if !self.cart.is_empty() {
            let before = self.cart.clone();
            self.cart.reprice(&self.catalogue);
            self.draft_stale |= self.cart != before;
        }
        if let Mode::Search(search) = &mut self.mode {
            search.refresh(&mut self.catalogue, &self.entry);
        }
    }

    /// What the till sells now.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn status(&self) -> Option<&DayStatus> {
        self.status.as_ref()
    }

    pub fn entry(&self) -> &str {
        &self.entry
    }

    /// Whether the entry line holds refused text that the next character replaces.
    pub fn entry_selected(&self) -> bool {
        self.entry_selected
    }

    pub fn note(&self) -> Option<&Note> {
        self.note.as_ref()
    }

    pub fn context(&self) -> Context {
        match &self.gate {
            Some(gate) => gate.context(),
            None => context_of(&self.mode),
        }
    }

    /// The context a question returns to once answered: the screen it was asked over.
    pub fn context_beneath(&self) -> Context {
        if let Some(gate) = &self.gate {
            return gate.context();
        }
        match &self.mode {
            Mode::Confirm(confirm) => match dialogs::returns_to(&confirm.under) {
                Some(context) => context,
                None => context_of(&confirm.under),
            },
            other => context_of(other),
        }
    }

    /// Below 80×24 the screen only says so: keys would act on what nobody can see.
    pub fn too_small(&self) -> bool {
        self.size
            .is_some_and(|(w, h)| w < widgets::MIN_WIDTH || h < widgets::MIN_HEIGHT)
    }

    fn set_note(&mut self, note: Note) {
        self.note = Some(note);
    }

    /// The cart changed: the runtime saves it so a power cut loses nothing.
    fn cart_changed(&self) -> Vec<Effect> {
        vec![Effect::SaveDraft(self.cart.clone())]
    }
}

/// Applies one message to the state and says what the runtime must do next.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let mut effects = apply(app, msg);
    // With no day open the open-day form is home: a screen left with Esc comes back to it.
    if app.status.is_none() && matches!(app.mode, Mode::Sale) {
        app.mode = Mode::OpenDay(OpenDayForm::new(&app.attendant));
    }
    if std::mem::take(&mut app.draft_stale) {
        effects.push(Effect::SaveDraft(app.cart.clone()));
    }
    trust::hold(app, effects)
}

fn apply(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::DayOpened(status) => {
            app.set_note(Note::DayOpened(status.day.date));
            app.status = Some(status);
            if matches!(app.mode, Mode::OpenDay(_)) {
                app.mode = Mode::Sale;
            }
            Vec::new()
        }
        Msg::DayClosed => {
            app.last_closed = app.status.as_ref().map(|s| s.day.date);
            app.status = None;
            app.set_note(Note::DayClosed);
            app.mode = Mode::OpenDay(OpenDayForm::new(&app.attendant));
            Vec::new()
        }
        Msg::SaleRecorded {
            sale,
            status,
            receipt,
        } => sale::recorded(app, sale, status, receipt),
        Msg::SalesLoaded(list) => {
            if let Mode::Sales(sales) = &mut app.mode {
                sales.loaded(list);
            }
            Vec::new()
        }
        Msg::SaleVoided {
            sale_id,
            status,
            sales,
        } => sales::voided(app, sale_id, status, sales),
        Msg::ReceiptPrinted(result) => {
            app.set_note(match result {
                Ok(path) => Note::Reprinted(path.display().to_string()),
                Err(e) => Note::ReprintFailed(e),
            });
            Vec::new()
        }
        Msg::StockLoaded { lines, calls } => {
            if let Mode::Stock(screen) = &mut app.mode {
                screen.loaded(lines, calls);
            }
            Vec::new()
        }
        Msg::StockRecorded { documents, slips } => stock_recorded(app, documents, slips),
        Msg::ProductsLoaded(products) => {
            if let Mode::Products(screen) = &mut app.mode {
                screen.loaded(products);
            }
            Vec::new()
        }
        Msg::CatalogueChanged { products, active } => {
            // The till's search and codes follow at once, whatever screen is open.
            app.set_catalogue(Catalogue::new(active));
            // A saved form goes back to the list it was opened from.
            if let Mode::ProductForm(_) = &app.mode
                && let Mode::ProductForm(form) = std::mem::replace(&mut app.mode, Mode::Sale)
            {
                app.mode = Mode::Products(form.back);
            }
            if let Mode::Products(screen) = &mut app.mode {
                screen.loaded(products);
            }
            app.set_note(Note::CatalogueSaved);
            Vec::new()
        }
        Msg::ProductProducers(producers) => {
            if let Mode::Products(screen) = &mut app.mode {
                screen.producers = producers;
            }
            Vec::new()
        }
        Msg::ProducersLoaded(list) => {
            if let Mode::Producers(screen) = &mut app.mode {
                screen.loaded(list);
            }
            Vec::new()
        }
        Msg::ProducersChanged { producers, active } => producers::changed(app, producers, active),
        Msg::Failed { action, reason } => failed(app, action, reason),
        Msg::PayoutsLoaded { balances, days } => {
            if let Mode::Payouts(screen) = &mut app.mode {
                screen.loaded(balances, days);
            }
            Vec::new()
        }
        Msg::PayoutRecorded {
            payout,
            slip,
            balances,
        } => payouts::recorded(app, payout.number, slip, balances),
        Msg::SettlementsWritten { date, result } => {
            app.set_note(match result {
                Ok((0, _)) => Note::NoSettlements(date),
                Ok((count, folder)) => {
                    Note::SettlementsWritten(count, folder.display().to_string())
                }
                Err(e) => Note::Failed(Action::WriteSettlements, Failure::Storage(e)),
            });
            Vec::new()
        }
        Msg::SettingsLoaded {
            shop,
            printer,
            rules,
            windows_printers,
        } => {
            if let Mode::Settings(screen) = &mut app.mode {
                screen.windows_printers = windows_printers;
                screen.loaded(shop, printer, rules);
            }
            Vec::new()
        }
        Msg::SettingsSaved => {
            settings::saved(app);
            Vec::new()
        }
        Msg::TestPrinted(result) => {
            app.set_note(match result {
                Ok(()) => Note::TestPrintSent,
                Err(e) => Note::PrintFailed(e),
            });
            Vec::new()
        }
        Msg::PrintFailed(e) => {
            app.set_note(Note::PrintFailed(e));
            Vec::new()
        }
        Msg::BalancesAtClose(balances) => {
            if let Mode::Close(screen) = &mut app.mode {
                screen.daily_unpaid = balances
                    .into_iter()
                    .filter(|b| b.payout_daily && b.balance.is_positive())
                    .map(|b| (b.code, b.balance))
                    .collect();
            }
            Vec::new()
        }
        Msg::CloseLoaded(report) => {
            if let Mode::Close(screen) = &mut app.mode {
                screen.report = Some(*report);
            }
            Vec::new()
        }
        Msg::DaySalesLoaded {
            date,
            closed,
            sales,
        } => sales::day_loaded(app, date, closed, sales),
        Msg::SaleCorrected { correction, sales } => sales::corrected(app, correction, sales),
        Msg::CustomersChanged { list, note } => {
            if let Mode::Customers(screen) = &mut app.mode {
                screen.form = None;
                screen.payment = None;
                screen.loaded(list);
            }
            app.set_note(Note::Till(note));
            Vec::new()
        }
        Msg::StatementPrinted(result) => {
            app.set_note(Note::Till(match result {
                Ok(path) => TillNote::StatementPrinted(path.display().to_string()),
                Err(e) => TillNote::PrintoutFailed(e),
            }));
            Vec::new()
        }
        Msg::CustomersLoaded(list) => {
            if let Mode::Customers(screen) = &mut app.mode {
                screen.loaded(list);
                return Vec::new();
            }
            if let Mode::Pay(pay) = &mut app.mode
                && let Some(tab) = &mut pay.tab
            {
                tab.picker
                    .loaded(list.into_iter().map(|b| b.customer).collect());
            }
            Vec::new()
        }
        Msg::CashMoved { cash_move, slip } => {
            if let Mode::CashMove(_) = app.mode {
                app.mode = Mode::Sale;
            }
            let incoming = cash_move.direction == crate::domain::CashDirection::In;
            app.set_note(Note::Till(match slip {
                Ok(path) => {
                    TillNote::CashMoved(incoming, cash_move.amount, path.display().to_string())
                }
                Err(e) => TillNote::PrintoutFailed(e),
            }));
            Vec::new()
        }
        Msg::ZReport(result) => {
            app.set_note(Note::Till(match result {
                Ok(path) => TillNote::ZReport(path.display().to_string()),
                Err(e) => TillNote::PrintoutFailed(e),
            }));
            Vec::new()
        }
        Msg::Clock(now) => trust::clock(app, now),
        Msg::UsersLoaded(users) => trust::users_loaded(app, users),
        Msg::SignedIn(user) => trust::signed_in(app, user),
        Msg::ApprovalGranted(manager) => trust::approval_granted(app, manager),
        Msg::ApprovalNeeded(effect) => trust::approval_needed(app, *effect),
        Msg::UsersChanged(users) => {
            users::changed(app, users);
            Vec::new()
        }
        Msg::HistoryLoaded(entries) => {
            if let Mode::Audit(screen) = &mut app.mode {
                screen.loaded(entries);
            }
            Vec::new()
        }
        Msg::Resize(width, height) => {
            app.size = Some((width, height));
            Vec::new()
        }
        Msg::Today(date) => {
            app.today = date;
            Vec::new()
        }
        Msg::CatalogueReloaded(products) => {
            app.set_catalogue(Catalogue::new(products));
            Vec::new()
        }
        Msg::ClosedBefore(date) => {
            app.last_closed = Some(date);
            Vec::new()
        }
        Msg::DraftUnreadable => {
            app.set_note(Note::DraftUnreadable);
            Vec::new()
        }
        key => on_key(app, key),
    }
}

fn context_of(mode: &Mode) -> Context {
    match mode {
        Mode::OpenDay(_) => Context::OpenDay,
        Mode::StaleDay => Context::StaleDay,
        Mode::Sale => Context::Sale,
        Mode::Search(_) => Context::Search,
        Mode::Pay(pay) if pay.tab.is_some() => Context::CustomerPicker,
        Mode::Pay(_) => Context::Pay,
        Mode::Sales(list) if list.reason.is_some() && list.refund.is_some() => {
            Context::CorrectionReason
        }
        Mode::Sales(list) if list.reason.is_some() => Context::Reason,
        Mode::Sales(_) => Context::Sales,
        Mode::Stock(_) => Context::Stock,
        Mode::Products(screen) if screen.price.is_some() => Context::PriceField,
        Mode::Products(_) => Context::Products,
        Mode::StockForm(form) if form.on_reason => Context::StockReason,
        Mode::StockForm(form) if form.kind == crate::domain::DocumentKind::WriteOff => {
            Context::WriteOff
        }
        Mode::StockForm(_) => Context::Intake,
        Mode::ProductForm(_) => Context::ProductForm,
        Mode::Producers(_) => Context::Producers,
        Mode::ProducerForm(_) => Context::ProducerForm,
        Mode::Confirm(_) => Context::Confirm,
        Mode::Settings(_) => Context::Settings,
        Mode::Payouts(_) => Context::Payouts,
        Mode::PayoutForm(_) => Context::PayoutForm,
        Mode::Close(_) => Context::CloseDay,
        Mode::CashMove(_) => Context::CashMove,
        Mode::Customers(screen) if screen.form.is_some() => Context::CustomerForm,
        Mode::Customers(screen) if screen.payment.is_some() => Context::TabPaymentForm,
        Mode::Customers(_) => Context::Customers,
        Mode::Users(_) => Context::Users,
        Mode::UserForm(_) => Context::UserForm,
        Mode::Audit(_) => Context::Audit,
    }
}

fn failed(app: &mut App, action: Action, reason: Failure) -> Vec<Effect> {
    app.set_note(Note::Failed(action, reason));
    match (&mut app.mode, action) {
        // The sale is not on disk: back to the dialog as before the attempt, nothing paid.
        (Mode::Pay(pay), Action::RecordSale) => pay.undo_settling(),
        (Mode::Sales(_), Action::LoadSales) => app.mode = Mode::Sale,
        (Mode::Stock(_), Action::LoadStock) => app.mode = Mode::Sale,
        (Mode::Products(_), Action::LoadProducts) => app.mode = Mode::Sale,
        (Mode::Producers(_), Action::LoadProducers) => app.mode = Mode::Sale,
        (Mode::Settings(_), Action::LoadSettings) => app.mode = Mode::Sale,
        (Mode::Pay(pay), Action::Till) if pay.tab.is_some() => pay.tab = None,
        (Mode::Customers(screen), Action::Till) if screen.list.is_none() => app.mode = Mode::Sale,
        (Mode::Close(screen), Action::Till) if screen.report.is_none() => {
            app.mode = if screen.stale {
                Mode::StaleDay
            } else {
                Mode::Sale
            }
        }
        // Saved, but not read back: the form must not offer to save it a second time.
        (Mode::ProducerForm(_), Action::LoadProducers) => producers::leave_form(app),
        (Mode::Payouts(_), Action::LoadPayouts) => app.mode = Mode::Sale,
        (Mode::Users(_), Action::LoadUsers) => app.mode = Mode::Sale,
        (Mode::Audit(_), Action::LoadHistory) => app.mode = Mode::Sale,
        _ => {}
    }
    Vec::new()
}

fn on_key(app: &mut App, msg: Msg) -> Vec<Effect> {
    if app.too_small() && msg != Msg::Quit {
        return Vec::new();
    }
    app.last_key = app.clock;
    // The panel of the last sale stays until the next key, and that key still counts:
    // the next customer's first scan must not be lost.
    app.done = None;
    if app.help {
        app.help = false;
        if matches!(msg, Msg::Help | Msg::Cancel) {
            return Vec::new();
        }
    }
    // A gate has every key but help and the language, which it does not answer itself.
    if app.gate.is_some() {
        let approval = matches!(app.gate, Some(trust::Gate::Approval(_)));
        match msg {
            Msg::Help if !approval => app.help = true,
            Msg::ToggleLang if !approval => app.lang = app.lang.other(),
            msg => {
                app.note = None;
                return trust::gate_key(app, msg);
            }
        }
        return Vec::new();
    }
    if msg == Msg::Lock {
        trust::lock(app);
        return Vec::new();
    }
    if let Mode::Confirm(_) = app.mode {
        match msg {
            Msg::Yes => return dialogs::answer_yes(app),
            Msg::No => {
                dialogs::dismiss(app);
                return Vec::new();
            }
            // Any other key is a no, and still counts on the screen beneath.
            _ => dialogs::dismiss(app),
        }
    }
    match msg {
        Msg::Help => {
            app.help = true;
            return Vec::new();
        }
        Msg::ToggleLang => {
            app.lang = app.lang.other();
            return Vec::new();
        }
        Msg::Quit => {
            if let Mode::Pay(pay) = &app.mode
                && let Some(paid) = pay.parts_taken()
            {
                let question = dialogs::Question::ReturnParts {
                    paid,
                    then: dialogs::AfterReturn::Quit,
                };
                let pay = std::mem::replace(&mut app.mode, Mode::Sale);
                app.mode = Mode::Confirm(Confirm::new(question, pay));
                return Vec::new();
            }
            if let Mode::StockForm(form) = &app.mode
                && !form.rows.is_empty()
            {
                let question = dialogs::Question::DiscardLines {
                    lines: form.rows.len(),
                    quit: true,
                };
                let form = std::mem::replace(&mut app.mode, Mode::Sale);
                app.mode = Mode::Confirm(Confirm::new(question, form));
                return Vec::new();
            }
            app.quit = true;
            return vec![Effect::Quit];
        }
        _ => {}
    }
    app.note = None;
    if !matches!(msg, Msg::Input(_)) {
        app.amount_refused = None;
    }
    let mode = std::mem::replace(&mut app.mode, Mode::Sale);
    let (mode, effects) = match mode {
        Mode::Sale if msg == Msg::OpenPayouts => payouts::open(),
        Mode::Sale => sale::key(app, msg),
        Mode::Search(search) => sale::search_key(app, search, msg),
        Mode::Pay(pay) => pay::key(app, pay, msg),
        Mode::Sales(list) => sales::key(app, list, msg),
        Mode::Stock(screen) => stock::key(app, screen, msg),
        Mode::Products(screen) => catalogue::key(app, screen, msg),
        Mode::StockForm(form) => stock_forms::form_key(app, form, msg),
        Mode::ProductForm(form) => product_form::key(app, form, msg),
        Mode::Producers(screen) => producers::key(app, screen, msg),
        Mode::ProducerForm(form) => producers::form_key(app, form, msg),
        Mode::OpenDay(form) => dialogs::open_day_key(app, form, msg),
        Mode::StaleDay => dialogs::stale_day_key(app, msg),
        Mode::Confirm(confirm) => (Mode::Confirm(confirm), Vec::new()),
        Mode::Settings(screen) => settings::key(app, screen, msg),
        Mode::Payouts(screen) => payouts::key(app, screen, msg),
        Mode::PayoutForm(form) => payouts::form_key(app, form, msg),
        Mode::Close(screen) => close::key(app, screen, msg),
        Mode::CashMove(form) => cash_move::key(app, form, msg),
        Mode::Customers(screen) => customers::screen_key(app, screen, msg),
        Mode::Users(screen) => users::key(app, screen, msg),
        Mode::UserForm(form) => users::form_key(app, form, msg),
        Mode::Audit(screen) => audit::key(app, screen, msg),
    };
    app.mode = mode;
    effects
}

/// Stock entries are on disk: say so, and show the stock screen with fresh figures.
fn stock_recorded(
    app: &mut App,
    documents: Vec<StockDocument>,
    slips: Vec<Result<PathBuf, String>>,
) -> Vec<Effect> {
    let failed_slip = slips.iter().find_map(|s| s.as_ref().err().cloned());
    let daily = !matches!(app.mode, Mode::StockForm(_));
    let note = match (&failed_slip, documents.as_slice()) {
        (Some(e), _) => Note::SlipFailed(e.clone()),
        (None, []) => Note::NothingDaily,
        // The daily return is the one action that may make several entries.
        (None, [one]) if !daily => {
            let slip = slips
                .first()
                .and_then(|s| s.as_ref().ok())
                .map_or_else(String::new, |p| p.display().to_string());
            Note::StockRecorded(one.kind, one.number, slip)
        }
        (None, many) => Note::DailyReturned(many.len()),
    };
    app.set_note(note);
    match std::mem::replace(&mut app.mode, Mode::Sale) {
        Mode::StockForm(form) => app.mode = Mode::Stock(form.back),
        other => app.mode = other,
    }
    match &mut app.mode {
        Mode::Stock(screen) => {
            screen.lines = None;
            screen.calls = None;
            vec![Effect::LoadStock]
        }
        _ => Vec::new(),
    }
}

/// Draws the whole screen from the state.
pub fn view(app: &App, frame: &mut Frame) {
    widgets::draw(app, frame);
}
