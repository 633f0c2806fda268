//! Messages into `update`: keys as the keymap reads them, and the runtime's answers.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::effect::Effect;
use super::failure::{FailedEffect, Failure};
use super::file_note::{FileNote, shown_file};
use super::note::{Note, TillNote};
use crate::domain::{
    CallListEntry, DayStatus, Producer, Product, ProductRecord, Rupiah, Sale, SaleSummary,
    StockDocument, StockLine,
};
use crate::print::{PrintError, PrinterSettings};

/// What the screen loads: every producer's balance, and every business day with whether it
/// is closed.
pub type PayoutLists = (Vec<crate::domain::ProducerBalance>, Vec<(NaiveDate, bool)>);

/// What a key means for what has the keyboard, as the keymap reads it (`keymap::msg_for`):
/// a screen's `key` takes these.
#[derive(Clone, Debug, PartialEq)]
pub enum Key {
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
    /// Return part of the sale shown (opens the return form).
    ReturnPart,
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
    /// The expiry list instead of the stock, and back.
    ExpiryList,
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
    /// Write a sheet of barcode labels for the selected product's producer.
    WriteLabels,
    /// Write the shown day's report (X while open, a copy of the Z once closed).
    WriteDayReport,
    /// Write the monthly recap of the shown day's month.
    WriteRecap,
    /// Write the selected producer's statement up to the shown day.
    WriteStatement,
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
    /// Open the settings screen (shop header, printer).
    OpenSettings,
    /// The next printer kind, in the settings.
    PrinterKind,
    /// 58 or 80 mm paper, in the settings.
    PaperWidth,
    /// Send a test slip to the printer on screen.
    TestPrint,
    /// Close with the manager's PIN instead of the count typed again.
    ManagerPin,
    /// Reopen the day closed today (the manager's).
    ReopenDay,
    /// Print again the Z report of the closed day the sales list shows.
    ReprintZ,
    /// Lock the till (Ctrl+L).
    Lock,
    /// Open the users screen (Ctrl+U).
    OpenUsers,
    /// Open the audit trail (Ctrl+R).
    OpenAudit,
    /// Open the manager's glance (Ctrl+G).
    OpenGlance,
    /// Show (or close) every field of the selected row of a list.
    Details,
    AddUser,
    /// A new PIN for the selected user.
    ChangePin,
    DeactivateUser,
    /// Attendant or manager, in the user form.
    ToggleRole,
    /// F12: park the cart (or, with none, open the parked ones).
    Park,
}

/// What the runtime tells the till: the answers of effects, and what it notices itself
/// (the terminal's size, the time, the date). The hub takes its own part of each; a screen's
/// `answer` takes the rest, for the screen that asked.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
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
    DayOpened(DayStatus),
    DayClosed,
    /// The sale is on disk. `status` is `None` if the day's figures could not be read back
    /// after the commit: the screen then counts the sale in the figures it has.
    SaleRecorded {
        sale: Sale,
        status: Option<DayStatus>,
        receipt: Result<PathBuf, Failure>,
    },
    SalesLoaded(Vec<SaleSummary>),
    /// A receipt printed again: where it was written, or why it was not.
    ReceiptPrinted(Result<PathBuf, Failure>),
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
        /// Deliveries on the shelf past or near their best-before date.
        expiring: crate::domain::ExpiryList,
        /// Who bears a count's shortfall unless the attendant switches it: the shop's rule.
        count_corner_bears: bool,
    },
    /// Stock entries on disk, each with where its slip was written or why it was not;
    /// `daily` when they are the day's return of daily goods (one entry per producer).
    StockRecorded {
        daily: bool,
        documents: Vec<StockDocument>,
        slips: Vec<Result<PathBuf, Failure>>,
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
        action: FailedEffect,
        reason: Failure,
    },
    SettingsLoaded {
        shop: crate::domain::ShopHeader,
        printer: PrinterSettings,
        rules: crate::domain::TillRules,
        backup_folder: String,
        /// The programme named on the monthly recap (e.g. "Metro Bangga Beli"); empty: none.
        programme: String,
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
        slip: Result<PathBuf, Failure>,
        balances: Option<PayoutLists>,
    },
    /// How many slips of `date` were written (none: no producer had activity), and their
    /// folder; or why not.
    SettlementsWritten {
        date: NaiveDate,
        result: Result<(usize, PathBuf), Failure>,
    },
    /// The open day's figures for the close screen.
    CloseLoaded(Box<crate::domain::DayReport>),
    /// What each producer is owed, for the close screen's reminder of daily payouts.
    BalancesAtClose(Vec<crate::domain::ProducerBalance>),
    /// The variance above which a close needs the manager (the shop's setting).
    CloseThreshold(Rupiah),
    /// The day closed today is open again: its figures now.
    DayReopened(DayStatus),
    /// The manager's one-time recovery code issued at the first start, to show once; and
    /// where its paper was filed, or why not.
    RecoveryCode {
        code: String,
        manager: String,
        filed: Result<PathBuf, Failure>,
    },
    /// The day-close report written after a close: its file, or why it was not.
    ZReport(Result<PathBuf, Failure>),
    /// A report written at the kiosk on request (X report, Z copy, monthly recap).
    OfficePrintout(Result<PathBuf, Failure>),
    /// The sales of a business day stepped to, and whether it is closed.
    DaySalesLoaded {
        date: NaiveDate,
        closed: bool,
        sales: Vec<SaleSummary>,
    },
    /// A sale in full and the parts of it returned so far.
    SaleDetailLoaded {
        sale: crate::domain::Sale,
        returns: Vec<crate::domain::SaleReturn>,
    },
    /// A return of part of a sale is on disk, with its slip's file (or why not); the sale,
    /// its returns and its day's list again, as far as they could be read.
    PartReturned {
        ret: crate::domain::SaleReturn,
        slip: Result<PathBuf, Failure>,
        sale: Option<crate::domain::Sale>,
        returns: Vec<crate::domain::SaleReturn>,
        sales: Option<Vec<SaleSummary>>,
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
    StatementPrinted(Result<PathBuf, Failure>),
    /// A cash move is on disk, with its slip's file or why it was not written.
    CashMoved {
        cash_move: crate::domain::CashMove,
        slip: Result<PathBuf, Failure>,
    },
    /// The time now: sent before each batch of keys and while the till is idle, so that it
    /// locks itself after the idle time without the screens reading a clock.
    Clock(chrono::NaiveDateTime),
    /// From the hub itself, to the open screen: the till locked over it (Ctrl+L or the idle
    /// time), and it stays behind the lock as it is.
    Locked,
    /// Every user, active or not: at start (which decides between the first-start, PIN and
    /// sign-in screens) and when asked.
    UsersLoaded(Vec<crate::domain::User>),
    SignedIn(crate::domain::User),
    /// Something to say about the ledger file (a backup, the last sale before a crash).
    File(FileNote),
    /// The manager's PIN was right; the held effects have run (their answers follow).
    ApprovalGranted(crate::domain::User),
    UsersChanged(Vec<crate::domain::User>),
    HistoryLoaded(Vec<crate::domain::HistoryEntry>),
    GlanceLoaded(Box<crate::domain::Glance>),
    DailySalesLoaded(Box<crate::domain::DailySales>),
    /// The ledger refused this effect without a manager's approval (a count with a
    /// difference): it waits in the approval popup.
    ApprovalNeeded(Box<Effect>),
    /// A product just put in the cart: the oldest delivery of it on the shelf is past its
    /// best-before date. A warning; the sale goes on.
    PastBestBefore {
        name: String,
        best_before: chrono::NaiveDate,
    },
    /// How many carts are parked (at start).
    ParkedCount(usize),
    /// The cart is parked; how many are parked now.
    CartParked(usize),
    ParkedLoaded(Vec<crate::domain::ParkedCart>),
    /// A parked cart is the cart again; how many are still parked.
    CartRecalled {
        cart: crate::domain::Cart,
        parked: usize,
    },
}

/// A message into `update`: a key, or an answer of the runtime.
// Made as a message comes in and moved straight into `update`: the size of `Answer` costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Key(Key),
    Answer(Answer),
}

impl From<Key> for Msg {
    fn from(key: Key) -> Msg {
        Msg::Key(key)
    }
}

impl From<Answer> for Msg {
    fn from(answer: Answer) -> Msg {
        Msg::Answer(answer)
    }
}

impl Answer {
    /// What the message line says for an answer, whatever screen is open.
    pub fn note(&self) -> Option<Note> {
        Some(match self {
            Answer::Failed { action, reason } => Note::Failed(*action, reason.clone()),
            Answer::ReceiptPrinted(Ok(path)) => Note::Reprinted(shown_file(path)),
            Answer::ReceiptPrinted(Err(e)) => Note::ReprintFailed(e.clone()),
            Answer::SettlementsWritten { date, result } => match result {
                Ok((0, _)) => Note::NoSettlements(*date),
                Ok((count, folder)) => Note::SettlementsWritten(*count, shown_file(folder)),
                Err(e) => Note::Failed(FailedEffect::WriteSettlements, e.clone()),
            },
            Answer::TestPrinted(Ok(())) => Note::TestPrintSent,
            Answer::TestPrinted(Err(e)) | Answer::PrintFailed(e) => Note::PrintFailed(e.clone()),
            Answer::CatalogueChanged { .. } | Answer::ProducersChanged { .. } => {
                Note::CatalogueSaved
            }
            Answer::CustomersChanged { note, .. } => Note::Till(note.clone()),
            Answer::StatementPrinted(result) => Note::Till(match result {
                Ok(path) => TillNote::StatementPrinted(shown_file(path)),
                Err(e) => TillNote::PrintoutFailed(e.clone()),
            }),
            Answer::CashMoved { cash_move, slip } => {
                let incoming = cash_move.direction == crate::domain::CashDirection::In;
                Note::Till(match slip {
                    Ok(path) => TillNote::CashMoved(incoming, cash_move.amount, shown_file(path)),
                    Err(e) => TillNote::PrintoutFailed(e.clone()),
                })
            }
            Answer::File(note) => Note::File(note.clone()),
            Answer::OfficePrintout(result) => {
                Note::OfficePrintout(result.as_ref().map(|p| shown_file(p)).map_err(Clone::clone))
            }
            Answer::ZReport(result) => Note::Till(match result {
                Ok(path) => TillNote::ZReport(with_pdf(path)),
                Err(e) => TillNote::PrintoutFailed(e.clone()),
            }),
            Answer::DraftUnreadable => Note::DraftUnreadable,
            Answer::PastBestBefore { name, best_before } => Note::Stock(
                super::note::StockNote::PastBestBefore(name.clone(), *best_before),
            ),
            Answer::SettingsSaved => Note::SettingsSaved,
            Answer::SaleCorrected { correction, .. } => Note::Till(TillNote::Corrected(
                correction.sale_number,
                correction.sale_date,
                correction.amount,
            )),
            Answer::PartReturned { ret, slip, .. } => Note::Till(match slip {
                Ok(path) => TillNote::Returned(
                    ret.id,
                    ret.amount(),
                    ret.refund_method,
                    // Its name: a whole path would be cut at 80 columns.
                    path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into(),
                    ),
                ),
                Err(e) => TillNote::PrintoutFailed(e.clone()),
            }),
            Answer::PayoutRecorded { payout, slip, .. } => match slip {
                Ok(path) => Note::PayoutRecorded(payout.number, shown_file(path)),
                Err(e) => Note::SlipFailed(e.clone()),
            },
            _ => return None,
        })
    }
}

/// The day-close report, written with its A4 PDF beside it: both names.
fn with_pdf(path: &std::path::Path) -> String {
    format!(
        "{} + {}",
        shown_file(path),
        shown_file(&path.with_extension("pdf"))
    )
}
