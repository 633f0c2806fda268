//! The kiosk's loop: keys in, frames out. The runtime beside it runs the effects that `update`
//! asks for, one area per file (sales, stock, catalogue, money, users, settings, printouts),
//! and tells the ledger's refusals in the ui's words (`failure`).

mod catalogue;
mod money;
mod office;
mod printouts;
mod queue;
mod sales;
mod settings;
mod stock;
mod users;

use std::collections::{HashMap, VecDeque};
use std::io;
use std::path::PathBuf;
use std::time::Duration;

use chrono::{Local, NaiveDateTime};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use crate::domain::{Cart, Catalogue, Quantity};
use crate::ledger::{Ledger, LedgerError};
use crate::print::{self, PrinterSettings, ShopHeader};
use crate::refusals as failure;
use crate::strings::Lang;
use crate::ui::{self, Answer, App, Effect, FailedEffect, Msg};
use failure::failed;
pub struct KioskOptions {
    pub lang: Lang,
    /// The user picked first on the sign-in screen (`--attendant`).
    pub attendant: String,
    /// Receipt width in columns.
    pub receipt_width: usize,
    /// Users (name, role, PIN) to try, shown on the sign-in screen: the demo's.
    pub demo_logins: Vec<(String, crate::domain::Role, String)>,
    /// Said before the first key: the start checks' findings (`startup`).
    pub notes: Vec<ui::FileNote>,
}

/// How often an idle kiosk wakes up to tell the screens the time (for the idle lock).
const IDLE_TICK: Duration = Duration::from_secs(5);

#[derive(Debug, thiserror::Error)]
pub enum KioskError {
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error("terminal: {0}")]
    Terminal(#[from] io::Error),
}

pub use crate::refusals::ledger_error_text;

pub fn run(ledger: Ledger, options: KioskOptions) -> Result<(), KioskError> {
    let mut runtime = Runtime::new(ledger, options.receipt_width, options.lang)?;
    let mut app = runtime.start(options.lang, options.attendant)?;
    app.set_demo_logins(options.demo_logins);
    for note in options.notes {
        runtime.dispatch(&mut app, Answer::File(note));
    }
    let mut terminal = ratatui::try_init().inspect_err(|_| {
        // Raw mode may be on if only the alternate screen failed; its own error matters less.
        let _ = ratatui::crossterm::terminal::disable_raw_mode();
    })?;
    let result = event_loop(&mut terminal, &mut app, &mut runtime);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    runtime: &mut Runtime,
) -> Result<(), KioskError> {
    let size = terminal.size()?;
    runtime.dispatch(app, Answer::Resize(size.width, size.height));
    let mut today = Local::now().date_naive();
    while !app.should_quit() {
        terminal.draw(|frame| ui::view(app, frame))?;
        // Paper comes after the screen: the sale is shown done before the printer is waited for.
        if runtime.print_pending(app) {
            continue;
        }
        // Without a key for a while, the screens still learn the time: the till locks
        // itself after the idle time.
        if !event::poll(IDLE_TICK)? {
            runtime.dispatch(app, Answer::Clock(Local::now().naive_local()));
            continue;
        }
        // A scanner types a whole code in a few milliseconds: take everything that is
        // waiting before drawing again, so a scan costs one frame, not fourteen.
        let mut batch = vec![event::read()?];
        while event::poll(Duration::ZERO)? {
            batch.push(event::read()?);
        }
        runtime.notice_outside_changes(app);
        // Past midnight the screens must know (the open day is flagged as yesterday's).
        let now = Local::now().date_naive();
        if now != today {
            today = now;
            runtime.dispatch(app, Answer::Today(today));
        }
        // The time before the keys: after the idle time, they land on the lock screen.
        runtime.dispatch(app, Answer::Clock(Local::now().naive_local()));
        for event in batch {
            let msg: Option<Msg> = match event {
                Event::Key(key) => ui::key_to_msg(app, key).map(Msg::Key),
                Event::Resize(width, height) => Some(Answer::Resize(width, height).into()),
                _ => None,
            };
            if let Some(msg) = msg {
                runtime.dispatch(app, msg);
            }
            if app.should_quit() {
                break;
            }
        }
        runtime.flush_draft(app);
    }
    // A sale recorded by the last keys before quitting still gets its paper.
    runtime.print_pending(app);
    runtime.flush_draft(app);
    Ok(())
}

/// Runs the effects that `update` asks for: the only place where the kiosk's screens
/// meet the ledger and the printouts folder. Effects run one after the other, each to its
/// answer, before the next key is read.
pub struct Runtime {
    ledger: Ledger,
    shop: ShopHeader,
    printouts: PathBuf,
    receipt_width: usize,
    /// Receipts are in the language the kiosk was started with, whatever F10 shows.
    receipt_lang: Lang,
    /// The latest cart waiting to be saved: a burst of scanned keys saves once, but always
    /// before any other effect so that a recorded sale's cleared draft is never overwritten.
    pending_draft: Option<Cart>,
    /// `Ledger::outside_changes` when the catalogue was last loaded.
    seen_changes: i64,
    /// The thermal printer, as last read or saved.
    printer: PrinterSettings,
    /// Printouts already committed and written to their files, waiting to be sent once the
    /// screen has shown what happened (`print_pending`).
    pending_prints: Vec<PrintJob>,
    /// A printout saved under a new name because its name was taken (paper is never
    /// overwritten): said after the effect's own answer.
    renamed: Option<ui::FileNote>,
    /// What the cart held of each product when its shelf dates were last checked.
    shelf_checked: HashMap<String, Quantity>,
}

/// A printout on its way to paper.
enum PrintJob {
    /// ESC/POS bytes for the thermal printer.
    Thermal(Vec<u8>),
    /// An A4 PDF already in the printouts folder, for the PDF print command.
    Pdf(PathBuf),
}

impl Runtime {
    pub fn new(
        ledger: Ledger,
        receipt_width: usize,
        receipt_lang: Lang,
    ) -> Result<Runtime, KioskError> {
        let shop = ledger.shop_header()?;
        let printouts = print::printouts_dir(ledger.path());
        let seen_changes = ledger.outside_changes()?;
        let printer = ledger.printer_settings()?;
        Ok(Runtime {
            printer,
            pending_prints: Vec::new(),
            renamed: None,
            ledger,
            shop,
            printouts,
            receipt_width,
            receipt_lang,
            pending_draft: None,
            seen_changes,
            shelf_checked: HashMap::new(),
        })
    }

    /// Reloads the till's catalogue if another program (`pojok import`, a second kiosk)
    /// changed the ledger since it was loaded, so nothing is sold at a price that is gone.
    /// Called before each batch of keys is handled.
    pub fn notice_outside_changes(&mut self, app: &mut App) {
        let Ok(changes) = self.ledger.outside_changes() else {
            return;
        };
        if changes == self.seen_changes {
            return;
        }
        self.seen_changes = changes;
        if let Ok(products) = self.ledger.active_products() {
            self.dispatch(app, Answer::CatalogueReloaded(products));
        }
    }

    /// The app as the ledger has it now: the catalogue, the open day and any unfinished cart.
    /// A saved cart that cannot be read is left behind with a note: the kiosk must start.
    /// `attendant` picks who the sign-in screen starts on; empty: whoever signed in last.
    pub fn start(&mut self, lang: Lang, attendant: String) -> Result<App, KioskError> {
        let attendant = match attendant.trim() {
            "" => self.ledger.last_signed_in()?.unwrap_or_default(),
            _ => attendant,
        };
        let catalogue = Catalogue::new(self.ledger.active_products()?);
        let status = self.ledger.open_day_status()?;
        let status_is_none = status.is_none();
        let (draft, unreadable) = match self.ledger.load_draft() {
            Ok(draft) => (draft, false),
            Err(LedgerError::Corrupt(_)) => (None, true),
            Err(e) => return Err(e.into()),
        };
        let mut app = App::new(
            lang,
            catalogue,
            status,
            draft,
            Local::now().date_naive(),
            attendant,
        );
        if unreadable {
            self.dispatch(&mut app, Answer::DraftUnreadable);
        }
        if let Some(parked) = self.parked_count() {
            self.dispatch(&mut app, parked);
        }
        // No day open: the newest day is closed, and if it is today's it stays closed.
        if status_is_none && let Some(&last) = self.ledger.business_dates()?.first() {
            self.dispatch(&mut app, Answer::ClosedBefore(last));
        }
        // Nobody is signed in yet: the users decide between the first start, a first PIN
        // for a migrated manager, and the sign-in screen.
        app.set_lock_after(self.ledger.lock_after()?);
        let users = self.ledger.users()?;
        self.dispatch(&mut app, Answer::UsersLoaded(users));
        Ok(app)
    }

    /// Feeds `msg` to the app and runs whatever effects follow, until nothing is left.
    pub fn dispatch(&mut self, app: &mut App, msg: impl Into<Msg>) {
        let mut queue = VecDeque::from([msg.into()]);
        while let Some(msg) = queue.pop_front() {
            for effect in ui::update(app, msg) {
                queue.extend(self.run(effect).into_iter().map(Msg::Answer));
            }
        }
    }

    /// Saves the cart if a change is waiting.
    pub fn flush_draft(&mut self, app: &mut App) {
        if let Some(reply) = self.flush_draft_reply() {
            self.dispatch(app, reply);
        }
    }

    fn flush_draft_reply(&mut self) -> Option<Answer> {
        let cart = self.pending_draft.take()?;
        let now = Local::now().naive_local();
        self.ledger
            .save_draft(&cart, now)
            .err()
            .map(|e| failed(FailedEffect::SaveDraft, e))
    }

    /// Runs one effect; returns the messages that answer it (a failed draft save that had
    /// to go first, then the effect's own answer).
    fn run(&mut self, effect: Effect) -> Vec<Answer> {
        let mut replies = Vec::new();
        if !matches!(effect, Effect::SaveDraft(_)) {
            replies.extend(self.flush_draft_reply());
        }
        replies.extend(self.answer(effect, Local::now().naive_local()));
        replies.extend(self.renamed.take().map(Answer::File));
        replies
    }

    /// Hands each effect to the area that runs it; the answer is what the screens are told,
    /// in order.
    fn answer(&mut self, effect: Effect, now: NaiveDateTime) -> Vec<Answer> {
        match effect {
            Effect::SaveDraft(cart) => self.save_draft(cart, now),
            Effect::Quit => vec![],
            // The till's day and its money.
            Effect::OpenDay { attendant, float } => vec![self.open_day(&attendant, float, now)],
            Effect::CloseDay { count, reason } | Effect::CloseDayOnPin { count, reason } => {
                self.close_day(count, reason, now)
            }
            Effect::LoadClose => self.load_close(),
            Effect::ReopenDay { reason } => vec![self.reopen_day(&reason, now)],
            Effect::RecordCashMove {
                direction,
                amount,
                reason,
            } => vec![self.record_cash_move(direction, amount, &reason, now)],
            Effect::LoadPayouts => vec![self.load_payouts()],
            Effect::PayProducer {
                code,
                method,
                amount,
                note,
            } => vec![self.pay_producer(&code, method, amount, &note, now)],
            Effect::WriteSettlements { date } => vec![self.settlements_asked(date)],
            Effect::WriteDayReport { date } => {
                vec![Answer::OfficePrintout(self.write_day_report_now(date, now))]
            }
            Effect::WriteRecap { date } => {
                vec![Answer::OfficePrintout(self.write_recap(date, now))]
            }
            Effect::WriteLabels { producer } => self.write_labels(&producer, now),
            Effect::WriteStatement { producer, from, to } => vec![Answer::OfficePrintout(
                self.write_statement(&producer, from, to, now),
            )],
            // Sales, their corrections, and tabs.
            Effect::RecordSale { cart, payments } => vec![self.record_sale(&cart, &payments, now)],
            Effect::LoadSales => vec![self.load_sales()],
            Effect::LoadSalesNear { from, older } => vec![self.load_sales_near(from, older)],
            Effect::VoidSale { sale_id, reason } => vec![self.void_sale(sale_id, &reason, now)],
            Effect::ReprintReceipt { sale_id } => vec![self.reprint_receipt(sale_id)],
            Effect::CorrectSale {
                sale_id,
                refund,
                reason,
            } => vec![self.correct_sale(sale_id, refund, &reason, now)],
            Effect::LoadSaleDetail { sale_id } => vec![self.load_sale_detail(sale_id)],
            Effect::ReturnPart {
                sale_id,
                parts,
                refund,
                reason,
            } => vec![self.return_part(sale_id, &parts, refund, &reason, now)],
            Effect::LoadCustomers => vec![self.load_customers()],
            Effect::SaveCustomer { id, customer } => vec![self.save_customer(id, &customer, now)],
            Effect::RecordTabPayment {
                customer,
                method,
                amount,
                note,
            } => vec![self.record_tab_payment(customer, method, amount, &note, now)],
            Effect::PrintTabStatement { customer } => vec![Answer::StatementPrinted(
                self.write_tab_statement(customer, now),
            )],
            // Stock on the shelf.
            Effect::LoadStock => vec![self.load_stock()],
            Effect::RecordStock(entry) => vec![self.record_stock(entry, now)],
            Effect::ReturnDailyGoods => vec![self.return_daily_goods(now)],
            // The catalogue: products and producers.
            Effect::LoadProducts => self.load_products(),
            Effect::AddProduct(product) => vec![self.add_product(&product)],
            Effect::SaveProduct { code, changes } => vec![self.save_product(&code, &changes, now)],
            Effect::SetProductActive { code, active } => {
                vec![self.set_product_active(&code, active)]
            }
            Effect::LoadProducers => vec![self.load_producers()],
            Effect::AddProducer(producer) => vec![self.add_producer(&producer)],
            Effect::SaveProducer { code, changes } => {
                vec![self.save_producer(code, &changes, now)]
            }
            Effect::SetProducerActive { code, active } => {
                vec![self.set_producer_active(&code, active)]
            }
            Effect::SetPayoutDaily { code, daily } => vec![self.set_payout_daily(&code, daily)],
            // The shop's settings and its printer.
            Effect::LoadSettings => vec![self.load_settings()],
            Effect::SaveSettings {
                shop,
                printer,
                rules,
                backup_folder,
                programme,
            } => vec![self.save_settings(shop, printer, &rules, (&backup_folder, &programme), now)],
            Effect::TestPrint { shop, printer } => vec![self.test_print(&shop, &printer)],
            Effect::SetExpiryDays { days } => vec![self.set_expiry_days(days, now)],
            // Users, signing in, the manager's approval, the audit trail.
            Effect::CreateManager { shop, name, pin } => {
                self.create_manager(&shop, &name, &pin, now)
            }
            Effect::SetFirstPin { user_id, pin } => self.set_first_pin(user_id, &pin, now),
            Effect::SignIn { user_id, pin } => self.sign_in(user_id, &pin, now),
            Effect::Approve {
                manager_id,
                pin,
                held,
            } => self.approve(manager_id, &pin, held, now),
            Effect::LoadUsers => vec![self.load_users()],
            Effect::AddUser { name, role, pin } => vec![self.add_user(&name, role, &pin, now)],
            Effect::ChangePin { user_id, pin } => vec![self.change_pin(user_id, &pin, now)],
            Effect::DeactivateUser { user_id } => vec![self.deactivate_user(user_id, now)],
            Effect::LoadHistory(filter) => vec![self.load_history(&filter)],
            Effect::LoadGlance(date) => vec![self.load_glance(date)],
            Effect::LoadDailySales(date) => vec![self.load_daily_sales(date)],
            // A queue.
            Effect::ParkCart(cart) => vec![self.park_cart(&cart, now)],
            Effect::LoadParked => vec![self.load_parked()],
            Effect::RecallCart(id) => vec![self.recall_cart(id, now)],
        }
    }

    /// The cart is kept to be saved with the next batch; what in it is past its best-before
    /// date is said now.
    fn save_draft(&mut self, cart: Cart, now: NaiveDateTime) -> Vec<Answer> {
        let warnings = self.check_shelf_dates(&cart, now.date());
        self.pending_draft = Some(cart);
        warnings
    }

    /// Who makes an entry: the user signed in at the till; without one (tests of the
    /// runtime that sign nobody in), the open day's attendant.
    fn actor(&self) -> String {
        if let Some(user) = self.ledger.signed_in() {
            return user.name.clone();
        }
        self.ledger
            .open_day_status()
            .ok()
            .flatten()
            .map(|s| s.day.attendant)
            .unwrap_or_default()
    }
}
