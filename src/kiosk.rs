//! The kiosk's loop: keys in, effects run on the ledger and printouts, results back as messages.

use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;
use std::time::Duration;

use chrono::Local;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use crate::domain::User;
use crate::domain::{Cart, Catalogue, DayStatus, Rupiah, Scheme, StockDocument};
use crate::ledger::{Ledger, LedgerError};
use crate::print::{self, Document, Format, PrinterSettings, ShopHeader};
use crate::strings::Lang;
use crate::ui::{
    self, Action, App, Effect, Failure, Msg, Pin, StockEntry, TillFailure, TillNote, TrustFailure,
};
use chrono::NaiveDateTime;

pub struct KioskOptions {
    pub lang: Lang,
    /// The user picked first on the sign-in screen (`--attendant`).
    pub attendant: String,
    /// Receipt width in columns.
    pub receipt_width: usize,
    /// Users (name, role, PIN) to try, shown on the sign-in screen: the demo's.
    pub demo_logins: Vec<(String, crate::domain::Role, String)>,
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

/// Runs the kiosk until the attendant quits. The terminal is restored on every exit;
/// `ratatui::try_init` also restores it from a panic before the panic message is printed.
/// Without a terminal (no tty) this is an error, not a panic.
pub fn run(ledger: Ledger, options: KioskOptions) -> Result<(), KioskError> {
    let mut effects = Effects::new(ledger, options.receipt_width, options.lang)?;
    let mut app = effects.start(options.lang, options.attendant)?;
    app.set_demo_logins(options.demo_logins);
    let mut terminal = ratatui::try_init().inspect_err(|_| {
        // Raw mode may be on if only the alternate screen failed; its own error matters less.
        let _ = ratatui::crossterm::terminal::disable_raw_mode();
    })?;
    let result = event_loop(&mut terminal, &mut app, &mut effects);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    effects: &mut Effects,
) -> Result<(), KioskError> {
    let size = terminal.size()?;
    effects.dispatch(app, Msg::Resize(size.width, size.height));
    let mut today = Local::now().date_naive();
    while !app.should_quit() {
        terminal.draw(|frame| ui::view(app, frame))?;
        // Paper comes after the screen: the sale is shown done before the printer is waited for.
        if effects.print_pending(app) {
            continue;
        }
        // Without a key for a while, the screens still learn the time: the till locks
        // itself after the idle time.
        if !event::poll(IDLE_TICK)? {
            effects.dispatch(app, Msg::Clock(Local::now().naive_local()));
            continue;
        }
        // A scanner types a whole code in a few milliseconds: take everything that is
        // waiting before drawing again, so a scan costs one frame, not fourteen.
        let mut batch = vec![event::read()?];
        while event::poll(Duration::ZERO)? {
            batch.push(event::read()?);
        }
        effects.notice_outside_changes(app);
        // Past midnight the screens must know (the open day is flagged as yesterday's).
        let now = Local::now().date_naive();
        if now != today {
            today = now;
            effects.dispatch(app, Msg::Today(today));
        }
        // The time before the keys: after the idle time, they land on the lock screen.
        effects.dispatch(app, Msg::Clock(Local::now().naive_local()));
        for event in batch {
            let msg = match event {
                Event::Key(key) => ui::key_to_msg(app, key),
                Event::Resize(width, height) => Some(Msg::Resize(width, height)),
                _ => None,
            };
            if let Some(msg) = msg {
                effects.dispatch(app, msg);
            }
            if app.should_quit() {
                break;
            }
        }
        effects.flush_draft(app);
    }
    // A sale recorded by the last keys before quitting still gets its paper.
    effects.print_pending(app);
    effects.flush_draft(app);
    Ok(())
}

/// Runs the effects that `update` asks for: the only place where the kiosk's screens
/// meet the ledger and the printouts folder. Effects run one after the other, each to its
/// answer, before the next key is read.
pub struct Effects {
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
}

/// A printout on its way to paper.
enum PrintJob {
    /// ESC/POS bytes for the thermal printer.
    Thermal(Vec<u8>),
    /// An A4 PDF already in the printouts folder, for the PDF print command.
    Pdf(PathBuf),
}

impl Effects {
    pub fn new(
        ledger: Ledger,
        receipt_width: usize,
        receipt_lang: Lang,
    ) -> Result<Effects, KioskError> {
        let shop = ledger.shop_header()?;
        let printouts = print::printouts_dir(ledger.path());
        let seen_changes = ledger.outside_changes()?;
        let printer = ledger.printer_settings()?;
        Ok(Effects {
            printer,
            pending_prints: Vec::new(),
            ledger,
            shop,
            printouts,
            receipt_width,
            receipt_lang,
            pending_draft: None,
            seen_changes,
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
            self.dispatch(app, Msg::CatalogueReloaded(products));
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
            self.dispatch(&mut app, Msg::DraftUnreadable);
        }
        // No day open: the newest day is closed, and if it is today's it stays closed.
        if status_is_none && let Some(&last) = self.ledger.business_dates()?.first() {
            self.dispatch(&mut app, Msg::ClosedBefore(last));
        }
        // Nobody is signed in yet: the users decide between the first start, a first PIN
        // for a migrated manager, and the sign-in screen.
        app.set_lock_after(self.ledger.lock_after()?);
        let users = self.ledger.users()?;
        self.dispatch(&mut app, Msg::UsersLoaded(users));
        Ok(app)
    }

    /// Feeds `msg` to the app and runs whatever effects follow, until nothing is left.
    pub fn dispatch(&mut self, app: &mut App, msg: Msg) {
        let mut queue = VecDeque::from([msg]);
        while let Some(msg) = queue.pop_front() {
            for effect in ui::update(app, msg) {
                queue.extend(self.run(effect));
            }
        }
    }

    /// Sends the printouts waiting for the thermal printer; returns whether there were any.
    /// The first failure is told and the rest are dropped: a printer that is off would only
    /// make the attendant wait once per slip. Every one of them is in its file, and a receipt
    /// can be printed again from the sales list.
    pub fn print_pending(&mut self, app: &mut App) -> bool {
        if self.pending_prints.is_empty() {
            return false;
        }
        for job in std::mem::take(&mut self.pending_prints) {
            let sent = match &job {
                PrintJob::Thermal(bytes) => print::send(bytes, &self.printer),
                PrintJob::Pdf(path) => print::send_pdf(path, &self.printer),
            };
            if let Err(e) = sent {
                self.dispatch(app, Msg::PrintFailed(e));
                break;
            }
        }
        true
    }

    /// Queues a printout for the thermal printer, if there is one.
    fn queue_print(&mut self, doc: &Document) {
        if self.printer.has_printer() {
            let format = Format::escpos(self.printer.paper);
            self.pending_prints.push(PrintJob::Thermal(print::render(
                std::slice::from_ref(doc),
                format,
            )));
        }
    }

    /// Writes `doc` as text to `name` in `date`'s printouts folder, then queues it for the
    /// thermal printer: every slip of the kiosk goes this way, after its commit.
    fn file_printout(
        &mut self,
        doc: &Document,
        date: chrono::NaiveDate,
        name: &str,
    ) -> Result<PathBuf, String> {
        let text = print::render_text(doc, self.receipt_width);
        let path =
            print::write_printout(&self.printouts, date, name, &text).map_err(|e| e.to_string())?;
        self.queue_print(doc);
        Ok(path)
    }

    /// Writes `docs` as one A4 PDF (one document per page) to `name` in `date`'s printouts
    /// folder, and queues it for the PDF print command when one is set.
    fn file_pdf(
        &mut self,
        docs: &[Document],
        date: chrono::NaiveDate,
        name: &str,
    ) -> Result<PathBuf, String> {
        let pdf = print::render(docs, Format::Pdf);
        let path =
            print::write_printout(&self.printouts, date, name, &pdf).map_err(|e| e.to_string())?;
        if self.printer.pdf_command.is_some() {
            self.pending_prints.push(PrintJob::Pdf(path.clone()));
        }
        Ok(path)
    }

    /// Saves the cart if a change is waiting.
    pub fn flush_draft(&mut self, app: &mut App) {
        if let Some(reply) = self.flush_draft_reply() {
            self.dispatch(app, reply);
        }
    }

    fn flush_draft_reply(&mut self) -> Option<Msg> {
        let cart = self.pending_draft.take()?;
        let now = Local::now().naive_local();
        self.ledger
            .save_draft(&cart, now)
            .err()
            .map(|e| failed(Action::SaveDraft, e))
    }

    /// Runs one effect; returns the messages that answer it (a failed draft save that had
    /// to go first, then the effect's own answer).
    fn run(&mut self, effect: Effect) -> Vec<Msg> {
        let mut replies = Vec::new();
        if !matches!(effect, Effect::SaveDraft(_)) {
            replies.extend(self.flush_draft_reply());
        }
        let now = Local::now().naive_local();
        let reply = match effect {
            Effect::SaveDraft(cart) => {
                self.pending_draft = Some(cart);
                None
            }
            Effect::OpenDay { attendant, float } => {
                Some(
                    match self.ledger.open_day(now.date(), &attendant, float, now) {
                        // Opened: a day whose figures cannot be read back is still open, and new.
                        Ok(day) => {
                            Msg::DayOpened(self.ledger.open_day_status().ok().flatten().unwrap_or(
                                DayStatus {
                                    day,
                                    sales: 0,
                                    takings: Rupiah::ZERO,
                                },
                            ))
                        }
                        Err(e) => failed(Action::OpenDay, e),
                    },
                )
            }
            Effect::CloseDay { count, reason } => {
                let attendant = self.actor();
                let closed = self.ledger.close_day(&count, &reason, &attendant, now);
                match closed {
                    // Closed: the report follows; a report that cannot be written is said,
                    // and can be printed again from `pojok report day`.
                    Ok(day) => {
                        replies.push(Msg::DayClosed);
                        Some(Msg::ZReport(self.write_day_report(day.date)))
                    }
                    // Off by more than the shop's threshold: the manager's approval first.
                    Err(LedgerError::NeedsApproval(_)) => {
                        Some(Msg::ApprovalNeeded(Box::new(Effect::CloseDay {
                            count,
                            reason,
                        })))
                    }
                    Err(e) => Some(failed(Action::CloseDay, e)),
                }
            }
            Effect::LoadClose => {
                replies.push(self.load_close());
                // Only a reminder: without the balances the close goes on as it is.
                self.ledger
                    .producer_balances()
                    .ok()
                    .map(Msg::BalancesAtClose)
            }
            Effect::SaveCustomer { id, customer } => {
                let saved = match id {
                    Some(id) => self.ledger.update_customer(id, &customer),
                    None => self.ledger.add_customer(&customer, now),
                };
                Some(match saved {
                    Ok(c) => self.customers_changed(TillNote::CustomerSaved(c.name)),
                    Err(e) => failed(Action::Till, e),
                })
            }
            Effect::RecordTabPayment {
                customer,
                method,
                amount,
                note,
            } => {
                let actor = self.actor();
                let paid = self
                    .ledger
                    .record_tab_payment(customer, method, amount, &note, &actor, now);
                Some(match paid {
                    Ok(p) => {
                        let name = self
                            .ledger
                            .customers()
                            .ok()
                            .and_then(|all| all.into_iter().find(|c| c.id == customer))
                            .map(|c| c.name)
                            .unwrap_or_default();
                        self.customers_changed(TillNote::TabPaid(name, p.amount, p.owed_after))
                    }
                    Err(e) => failed(Action::Till, e),
                })
            }
            Effect::PrintTabStatement { customer } => Some(Msg::StatementPrinted(
                self.write_tab_statement(customer, now),
            )),
            Effect::LoadSalesNear { from, older } => Some(self.load_sales_near(from, older)),
            Effect::CorrectSale {
                sale_id,
                refund,
                reason,
            } => {
                let actor = self.actor();
                Some(
                    match self
                        .ledger
                        .correct_sale(sale_id, refund, &reason, &actor, now)
                    {
                        Ok(correction) => Msg::SaleCorrected {
                            sales: self.ledger.sales_of_day(correction.sale_date).ok(),
                            correction,
                        },
                        Err(e) => failed(Action::Till, e),
                    },
                )
            }
            Effect::LoadCustomers => Some(
                self.ledger
                    .customer_balances()
                    .map(Msg::CustomersLoaded)
                    .unwrap_or_else(|e| failed(Action::Till, e)),
            ),
            Effect::RecordCashMove {
                direction,
                amount,
                reason,
            } => {
                let actor = self.actor();
                Some(
                    match self
                        .ledger
                        .record_cash_move(direction, amount, &reason, &actor, now)
                    {
                        // On disk: the slip follows, and a slip that fails is only said.
                        Ok(cash_move) => {
                            let doc = print::cash_slip(&cash_move, &self.shop, self.receipt_lang);
                            let name = print::cash_slip_file_name(&cash_move);
                            let slip = self.file_printout(&doc, cash_move.day_date, &name);
                            Msg::CashMoved { cash_move, slip }
                        }
                        Err(e) => failed(Action::Till, e),
                    },
                )
            }
            Effect::RecordSale { cart, payments } => Some(self.record_sale(&cart, &payments, now)),
            Effect::LoadSales => Some(
                self.ledger
                    .sales_of_open_day()
                    .map(Msg::SalesLoaded)
                    .unwrap_or_else(|e| failed(Action::LoadSales, e)),
            ),
            Effect::VoidSale { sale_id, reason } => Some(self.void_sale(sale_id, &reason, now)),
            Effect::ReprintReceipt { sale_id } => Some(Msg::ReceiptPrinted(
                self.ledger
                    .sale(sale_id)
                    .map_err(|e| e.to_string())
                    .and_then(|sale| self.write_receipt(&sale, true)),
            )),
            Effect::LoadStock => Some(self.load_stock()),
            Effect::RecordStock(entry) => {
                let actor = self.actor();
                // A count may turn out to need the manager's approval; it is handed back.
                let count = matches!(entry, StockEntry::Count { .. }).then(|| entry.clone());
                match (self.record_stock(entry, &actor, now), count) {
                    (Err(LedgerError::NeedsApproval(_)), Some(count)) => {
                        Some(Msg::ApprovalNeeded(Box::new(Effect::RecordStock(count))))
                    }
                    (recorded, _) => Some(self.stock_recorded(recorded.map(|d| vec![d]))),
                }
            }
            Effect::ReturnDailyGoods => {
                let actor = self.actor();
                let note = self.receipt_lang.text().ui.daily_return_note;
                let recorded = self.ledger.return_daily_goods(note, &actor, now);
                Some(self.stock_recorded(recorded))
            }
            Effect::LoadProducts => {
                // The producers come along for the product form; without them it still
                // opens, and the ledger still checks the producer on save.
                replies.extend(self.ledger.producers().ok().map(Msg::ProductProducers));
                Some(
                    self.ledger
                        .products()
                        .map(Msg::ProductsLoaded)
                        .unwrap_or_else(|e| failed(Action::LoadProducts, e)),
                )
            }
            Effect::AddProduct(product) => {
                let added = self.ledger.add_product(&product).map(|_| ());
                Some(self.catalogue_changed(added))
            }
            Effect::SaveProduct { code, changes } => {
                let actor = self.actor();
                let saved = self.ledger.update_product(&code, &changes, &actor, now);
                Some(self.catalogue_changed(saved))
            }
            Effect::SetProductActive { code, active } => {
                let saved = if active {
                    self.ledger.reactivate_product(&code)
                } else {
                    self.ledger.deactivate_product(&code)
                };
                Some(self.catalogue_changed(saved))
            }
            Effect::LoadProducers => Some(
                self.ledger
                    .producers()
                    .map(Msg::ProducersLoaded)
                    .unwrap_or_else(|e| failed(Action::LoadProducers, e)),
            ),
            Effect::AddProducer(producer) => {
                let saved = self.ledger.add_producer(&producer).map(|_| ());
                Some(self.producers_changed(saved.map_err(failure)))
            }
            Effect::SaveProducer { code, changes } => {
                let actor = self.actor();
                let saved = self
                    .ledger
                    .update_producer(&code, &changes, &actor, now)
                    .map_err(|e| match e {
                        // The ledger names the first product left without a producer price;
                        // the form gives none, so the switch itself is what is refused.
                        LedgerError::InvalidProduct(_)
                            if changes.scheme == Scheme::ProducerPrice
                                && changes.producer_prices.is_empty() =>
                        {
                            Failure::ProducerPriceNeeded(code.clone())
                        }
                        e => failure(e),
                    });
                Some(self.producers_changed(saved))
            }
            Effect::SetProducerActive { code, active } => {
                let saved = if active {
                    self.ledger.reactivate_producer(&code)
                } else {
                    self.ledger.deactivate_producer(&code)
                };
                Some(self.producers_changed(saved.map_err(failure)))
            }
            Effect::LoadSettings => Some(
                (|| {
                    Ok(Msg::SettingsLoaded {
                        shop: self.ledger.shop_header()?,
                        printer: self.ledger.printer_settings()?,
                        rules: self.ledger.till_rules()?,
                    })
                })()
                .unwrap_or_else(|e| failed(Action::LoadSettings, e)),
            ),
            Effect::SaveSettings {
                shop,
                printer,
                rules,
            } => Some(
                match self.ledger.save_settings(&shop, &printer, &rules, now) {
                    Ok(()) => {
                        self.shop = shop;
                        self.printer = printer;
                        Msg::SettingsSaved
                    }
                    Err(e) => failed(Action::SaveSettings, e),
                },
            ),
            Effect::TestPrint { shop, printer } => {
                let doc = print::test_slip(&shop, &printer, self.receipt_lang);
                let bytes = print::render(&[doc], Format::escpos(printer.paper));
                Some(Msg::TestPrinted(print::send(&bytes, &printer)))
            }
            Effect::LoadPayouts => Some(
                self.payout_lists()
                    .map(|(balances, days)| Msg::PayoutsLoaded { balances, days })
                    .unwrap_or_else(|e| failed(Action::LoadPayouts, e)),
            ),
            Effect::PayProducer {
                code,
                method,
                amount,
                note,
            } => {
                let actor = self.actor();
                Some(
                    match self
                        .ledger
                        .pay_producer(&code, method, amount, &note, &actor, now)
                    {
                        Ok(payout) => self.payout_recorded(payout),
                        Err(e) => failed(Action::PayProducer, e),
                    },
                )
            }
            Effect::WriteSettlements { date } => Some(Msg::SettlementsWritten {
                date,
                result: self.write_settlements(date),
            }),
            Effect::SetPayoutDaily { code, daily } => {
                let saved = self.ledger.set_payout_daily(&code, daily);
                Some(self.producers_changed(saved.map_err(failure)))
            }
            Effect::Quit => None,
            // Issue 5: users, signing in, the manager's approval, the audit trail.
            Effect::CreateManager { shop, name, pin } => {
                replies.extend(self.create_manager(&shop, &name, &pin, now));
                None
            }
            Effect::SetFirstPin { user_id, pin } => {
                replies.extend(self.set_first_pin(user_id, &pin, now));
                None
            }
            Effect::SignIn { user_id, pin } => {
                Some(match self.ledger.check_pin(user_id, pin.as_str(), now) {
                    Ok(user) => {
                        self.ledger.sign_in(&user);
                        // Only a convenience for the next start: a failure here is not one.
                        let _ = self.ledger.remember_sign_in(&user);
                        Msg::SignedIn(user)
                    }
                    Err(e) => failed(Action::SignIn, e),
                })
            }
            Effect::Approve {
                manager_id,
                pin,
                held,
            } => {
                replies.extend(self.approve(manager_id, &pin, held, now));
                None
            }
            Effect::LoadUsers => Some(
                self.ledger
                    .users()
                    .map(Msg::UsersLoaded)
                    .unwrap_or_else(|e| failed(Action::LoadUsers, e)),
            ),
            Effect::AddUser { name, role, pin } => {
                let saved = self.ledger.add_user(&name, role, pin.as_str(), now);
                Some(self.users_changed(saved.map(|_| ())))
            }
            Effect::ChangePin { user_id, pin } => {
                let saved = self.ledger.change_pin(user_id, pin.as_str(), now);
                Some(self.users_changed(saved))
            }
            Effect::DeactivateUser { user_id } => {
                let saved = self.ledger.deactivate_user(user_id, now);
                Some(self.users_changed(saved))
            }
            Effect::LoadHistory(filter) => Some(
                self.ledger
                    .history(&filter)
                    .map(Msg::HistoryLoaded)
                    .unwrap_or_else(|e| failed(Action::LoadHistory, e)),
            ),
        };
        replies.extend(reply);
        replies
    }

    fn record_sale(
        &mut self,
        cart: &Cart,
        payments: &[crate::domain::Payment],
        now: chrono::NaiveDateTime,
    ) -> Msg {
        // `record_sale` finds the open day (or refuses) inside its own transaction.
        let attendant = self.actor();
        let sale = match self.ledger.record_sale(cart, payments, &attendant, now) {
            Ok(sale) => sale,
            Err(e) => return failed(Action::RecordSale, e),
        };
        // The sale is on disk now; nothing below can lose it, and nothing below may answer
        // "not recorded" (the attendant would take the money again). A receipt that fails
        // to write is reported and can be printed again from the sales list.
        let receipt = self.write_receipt(&sale, false);
        let status = self.ledger.open_day_status().ok().flatten();
        Msg::SaleRecorded {
            sale,
            status,
            receipt,
        }
    }

    /// The sales of the business day next to `from` (older or newer), or of `from` itself
    /// at either end.
    fn load_sales_near(&self, from: Option<chrono::NaiveDate>, older: bool) -> Msg {
        let loaded = (|| {
            let dates = self.ledger.business_dates()?;
            let open = self.ledger.open_day_status()?.map(|s| s.day.date);
            let Some(current) = from.or(open).or(dates.first().copied()) else {
                return Err(LedgerError::NoOpenDay);
            };
            let at = dates.iter().position(|d| *d == current).unwrap_or(0);
            // Newest first: older is further down the list.
            let target = if older {
                dates.get(at + 1).copied().unwrap_or(current)
            } else {
                at.checked_sub(1)
                    .and_then(|i| dates.get(i).copied())
                    .unwrap_or(current)
            };
            let sales = self.ledger.sales_of_day(target)?;
            Ok(Msg::DaySalesLoaded {
                date: target,
                closed: open != Some(target),
                sales,
            })
        })();
        loaded.unwrap_or_else(|e| failed(Action::LoadSales, e))
    }

    /// Every customer after a change; the change is on disk even if they cannot be read.
    fn customers_changed(&self, note: TillNote) -> Msg {
        Msg::CustomersChanged {
            list: self.ledger.customer_balances().unwrap_or_default(),
            note,
        }
    }

    /// The customer's tab statement for the month of `now`, written to the printouts folder.
    fn write_tab_statement(
        &mut self,
        customer: i64,
        now: chrono::NaiveDateTime,
    ) -> Result<PathBuf, String> {
        use chrono::Datelike;
        let to = now.date();
        let from = to.with_day(1).unwrap_or(to);
        let statement = self
            .ledger
            .tab_statement(customer, from, to)
            .map_err(|e| e.to_string())?;
        let doc = print::tab_statement(&statement, &self.shop, self.receipt_lang);
        self.file_printout(&doc, to, &print::tab_statement_file_name(&statement))
    }

    /// The open day's report, for the close screen.
    fn load_close(&self) -> Msg {
        let report = self
            .ledger
            .open_day_status()
            .and_then(|status| match status {
                Some(status) => self.ledger.day_report(status.day.date),
                None => Err(LedgerError::NoOpenDay),
            });
        match report {
            Ok(Some(report)) => Msg::CloseLoaded(Box::new(report)),
            Ok(None) => failed(Action::Till, LedgerError::NoOpenDay),
            Err(e) => failed(Action::Till, e),
        }
    }

    /// The day-close (Z) report of `date`, written to the printouts folder.
    /// Also as an A4 PDF for the manager's file, and on the thermal printer.
    fn write_day_report(&mut self, date: chrono::NaiveDate) -> Result<PathBuf, String> {
        let report = self
            .ledger
            .day_report(date)
            .map_err(|e| e.to_string())?
            .ok_or_else(|| LedgerError::NoOpenDay.to_string())?;
        let text = print::day_report_text(&report, self.receipt_lang);
        let path = print::write_printout(&self.printouts, date, "tutup-kasir.txt", &text)
            .map_err(|e| e.to_string())?;
        let doc = print::day_report(&report, self.receipt_lang);
        self.queue_print(&doc);
        self.file_pdf(std::slice::from_ref(&doc), date, "tutup-kasir.pdf")?;
        Ok(path)
    }

    /// Writes the receipt's file and queues it for the printer, which fails on its own. A
    /// reprint is marked as a copy, in a file of its own beside the original.
    fn write_receipt(&mut self, sale: &crate::domain::Sale, copy: bool) -> Result<PathBuf, String> {
        let (receipt, name) = if copy {
            (
                print::receipt_copy(sale, &self.shop, self.receipt_lang),
                format!("struk-{:04}-salinan.txt", sale.number),
            )
        } else {
            (
                print::receipt(sale, &self.shop, self.receipt_lang),
                format!("struk-{:04}.txt", sale.number),
            )
        };
        self.file_printout(&receipt, sale.day_date, &name)
    }

    fn void_sale(&mut self, sale_id: i64, reason: &str, now: chrono::NaiveDateTime) -> Msg {
        let attendant = self.actor();
        let voided = self.ledger.void_sale(sale_id, reason, &attendant, now);
        if let Err(e) = voided {
            return failed(Action::VoidSale, e);
        }
        // Committed: what cannot be read back now is worked out on screen instead.
        Msg::SaleVoided {
            sale_id,
            status: self.ledger.open_day_status().ok().flatten(),
            sales: self.ledger.sales_of_open_day().ok(),
        }
    }
}

impl Effects {
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

    fn record_stock(
        &mut self,
        entry: StockEntry,
        actor: &str,
        now: chrono::NaiveDateTime,
    ) -> Result<StockDocument, LedgerError> {
        match entry {
            StockEntry::Intake { producer, lines } => {
                self.ledger.receive_stock(&producer, &lines, actor, now)
            }
            StockEntry::Return {
                producer,
                lines,
                reason,
            } => self
                .ledger
                .return_stock(&producer, &lines, &reason, actor, now),
            StockEntry::WriteOff {
                code,
                quantity,
                reason,
                corner_at_fault,
            } => self
                .ledger
                .write_off(&code, quantity, &reason, corner_at_fault, actor, now),
            StockEntry::Count {
                code,
                counted,
                reason,
            } => self.ledger.count_stock(&code, counted, &reason, actor, now),
        }
    }

    /// After any catalogue change the till gets the active products again, so its codes
    /// and search follow at once.
    fn catalogue_changed(&self, saved: Result<(), LedgerError>) -> Msg {
        if let Err(e) = saved {
            return failed(Action::SaveProduct, e);
        }
        // Saved: what cannot be read back now is not "not changed".
        self.ledger
            .products()
            .and_then(|products| {
                Ok(Msg::CatalogueChanged {
                    products,
                    active: self.ledger.active_products()?,
                })
            })
            .unwrap_or_else(|e| failed(Action::LoadProducts, e))
    }

    /// After any producer change the till gets the active products again: a producer taken
    /// off takes their products with them.
    fn producers_changed(&self, saved: Result<(), Failure>) -> Msg {
        if let Err(reason) = saved {
            return Msg::Failed {
                action: Action::SaveProducer,
                reason,
            };
        }
        // Saved: what cannot be read back now is not "not saved".
        self.ledger
            .producers()
            .and_then(|producers| {
                Ok(Msg::ProducersChanged {
                    producers,
                    active: self.ledger.active_products()?,
                })
            })
            .unwrap_or_else(|e| failed(Action::LoadProducers, e))
    }

    fn payout_lists(&self) -> Result<ui::PayoutLists, LedgerError> {
        Ok((
            self.ledger.producer_balances()?,
            self.ledger.settlement_days()?,
        ))
    }

    /// A payout on disk gets its slip; a slip that fails is reported, never "not paid".
    fn payout_recorded(&mut self, payout: crate::domain::Payout) -> Msg {
        let document = print::payout_slip(&payout, &self.shop, self.receipt_lang);
        let slip = self.file_printout(&document, payout.date, &print::payout_file_name(&payout));
        Msg::PayoutRecorded {
            payout,
            slip,
            balances: self.payout_lists().ok(),
        }
    }

    /// Every producer's settlement slip of `date`, a file each in that day's folder.
    /// Also one A4 PDF of them all, a producer per page, for the office printer.
    fn write_settlements(&mut self, date: chrono::NaiveDate) -> Result<(usize, PathBuf), String> {
        let settlements = self
            .ledger
            .settlement_for(date, None)
            .map_err(|e| e.to_string())?;
        if settlements.is_empty() {
            return Ok((0, self.printouts.clone()));
        }
        let documents: Vec<Document> = settlements
            .iter()
            .map(|s| print::settlement_slip(s, &self.shop, self.receipt_lang))
            .collect();
        for (s, document) in settlements.iter().zip(&documents) {
            self.file_printout(document, date, &print::settlement_file_name(s))?;
        }
        let pdf = self.file_pdf(&documents, date, "bagi-hasil.pdf")?;
        let folder = pdf
            .parent()
            .map_or_else(|| self.printouts.clone(), PathBuf::from);
        Ok((settlements.len(), folder))
    }

    fn load_stock(&self) -> Msg {
        let day = match self.ledger.open_day_status() {
            Ok(status) => status.map_or_else(|| Local::now().date_naive(), |s| s.day.date),
            Err(e) => return failed(Action::LoadStock, e),
        };
        self.ledger
            .stock_levels(Some(day))
            .and_then(|lines| Ok((lines, self.ledger.call_list()?)))
            .map(|(lines, calls)| Msg::StockLoaded { lines, calls })
            .unwrap_or_else(|e| failed(Action::LoadStock, e))
    }

    /// Entries on disk get their slips; a slip that fails is reported, never "not recorded".
    fn stock_recorded(&mut self, recorded: Result<Vec<StockDocument>, LedgerError>) -> Msg {
        let documents = match recorded {
            Ok(documents) => documents,
            Err(e) => return failed(Action::RecordStock, e),
        };
        let slips = documents
            .iter()
            .map(|doc| {
                let printout = print::stock_slip(doc, &self.shop, self.receipt_lang);
                let date = doc.day_date.unwrap_or(doc.at.date());
                self.file_printout(&printout, date, &print::slip_file_name(doc))
            })
            .collect();
        Msg::StockRecorded { documents, slips }
    }
}

// Issue 5: users, signing in and the manager's approval.
impl Effects {
    /// The first start: the manager first (a second kiosk racing this one is refused before
    /// the shop is renamed), then the shop's name on the header, then signed in.
    fn create_manager(
        &mut self,
        shop: &str,
        name: &str,
        pin: &Pin,
        now: NaiveDateTime,
    ) -> Vec<Msg> {
        let user = match self.ledger.create_first_manager(name, pin.as_str(), now) {
            Ok(user) => user,
            // Another kiosk may have finished the first start: the users say what comes next.
            Err(e) => return self.refused_with_users(e),
        };
        self.ledger.sign_in(&user);
        let mut replies = Vec::new();
        if let Err(e) = self.print_recovery_code(&user, pin, now) {
            replies.push(failed(Action::SaveUser, e));
        }
        let header = ShopHeader {
            name: shop.to_string(),
            ..self.shop.clone()
        };
        match self.ledger.set_shop_header(&header, now) {
            Ok(()) => self.shop = header,
            // The manager exists and is signed in: the name can be set again later.
            Err(e) => replies.push(failed(Action::SaveUser, e)),
        }
        replies.extend(self.ledger.users().ok().map(Msg::UsersLoaded));
        replies.push(Msg::SignedIn(user));
        replies
    }

    /// The one-time recovery code for a forgotten manager PIN, on paper at the first start:
    /// filed with the day's printouts and sent to the printer.
    fn print_recovery_code(
        &mut self,
        manager: &User,
        pin: &Pin,
        now: NaiveDateTime,
    ) -> Result<(), LedgerError> {
        let code = self
            .ledger
            .issue_recovery_code(manager.id, pin.as_str(), now)?;
        let paper = print::recovery_paper(&code, &manager.name, self.receipt_lang);
        self.file_printout(&paper, now.date(), "kode-pemulihan.txt")
            .map(|_| ())
            .map_err(LedgerError::Corrupt)
    }

    /// A till-era ledger's manager sets the PIN they never had, and is signed in. Refused for
    /// anyone who has a PIN: this is no way round typing it.
    fn set_first_pin(&mut self, user_id: i64, pin: &Pin, now: NaiveDateTime) -> Vec<Msg> {
        let user = match self.ledger.user(user_id) {
            Ok(user) if user.has_pin => return self.refused_with_users(LedgerError::UsersExist),
            Ok(user) => user,
            Err(e) => return self.refused_with_users(e),
        };
        if let Err(e) = self.ledger.change_pin(user_id, pin.as_str(), now) {
            return vec![failed(Action::SignIn, e)];
        }
        let user = self.ledger.user(user_id).unwrap_or(User {
            has_pin: true,
            ..user
        });
        self.ledger.sign_in(&user);
        let mut replies: Vec<Msg> = self
            .ledger
            .users()
            .ok()
            .map(Msg::UsersLoaded)
            .into_iter()
            .collect();
        replies.push(Msg::SignedIn(user));
        replies
    }

    /// The manager's PIN, then each held effect with their approval on its write. Nothing
    /// held runs when the PIN is refused.
    fn approve(
        &mut self,
        manager_id: i64,
        pin: &Pin,
        held: Vec<Effect>,
        now: NaiveDateTime,
    ) -> Vec<Msg> {
        let manager = match self.ledger.approve_with_pin(manager_id, pin.as_str(), now) {
            Ok(manager) => manager,
            Err(e) => return vec![failed(Action::Approve, e)],
        };
        let mut replies = vec![Msg::ApprovalGranted(manager.clone())];
        // The cart goes to disk first, so that nothing but the held effect meets the approval.
        replies.extend(self.flush_draft_reply());
        for effect in held {
            self.ledger.with_approval(&manager);
            replies.extend(self.run(effect));
            self.ledger.drop_approval();
        }
        replies
    }

    /// A refused first start, and the users as they are now.
    fn refused_with_users(&self, e: LedgerError) -> Vec<Msg> {
        let mut replies = vec![failed(Action::SignIn, e)];
        replies.extend(self.ledger.users().ok().map(Msg::UsersLoaded));
        replies
    }

    fn users_changed(&self, saved: Result<(), LedgerError>) -> Msg {
        if let Err(e) = saved {
            return failed(Action::SaveUser, e);
        }
        self.ledger
            .users()
            .map(Msg::UsersChanged)
            .unwrap_or_else(|e| failed(Action::LoadUsers, e))
    }
}

fn failed(action: Action, error: LedgerError) -> Msg {
    Msg::Failed {
        action,
        reason: failure(error),
    }
}

/// The ledger's error as the attendant is told it; what has no better words keeps the
/// ledger's own text.
fn failure(error: LedgerError) -> Failure {
    use rusqlite::ErrorCode;
    match error {
        LedgerError::NoOpenDay => Failure::NoOpenDay,
        LedgerError::DayAlreadyOpen { date } => Failure::DayAlreadyOpen(date),
        LedgerError::DayExists { date } => Failure::DayExists(date),
        LedgerError::EmptySale => Failure::EmptySale,
        LedgerError::NotSettled { .. } | LedgerError::InvalidPayment(_) => Failure::NotSettled,
        LedgerError::UnknownSale(_) => Failure::UnknownSale,
        LedgerError::AlreadyVoided(_) => Failure::AlreadyVoided,
        LedgerError::NotOnOpenDay(_) => Failure::NotOnOpenDay,
        LedgerError::EmptyReason => Failure::EmptyReason,
        LedgerError::UnknownProduct(code) => Failure::UnknownProduct(code),
        LedgerError::ProductInactive(code) => Failure::ProductInactive(code),
        LedgerError::ProducerInactive(code) => Failure::ProducerInactive(code),
        LedgerError::ProductOfAnotherProducer { product, producer } => {
            Failure::ProductOfAnotherProducer { product, producer }
        }
        LedgerError::InvalidQuantity { code, problem } => {
            Failure::InvalidQuantity { code, problem }
        }
        LedgerError::EmptyDocument => Failure::EmptyDocument,
        LedgerError::UnknownDocument(id) => Failure::UnknownDocument(id),
        LedgerError::DuplicateCode(code) => Failure::DuplicateCode(code),
        LedgerError::DuplicateBarcode(code) => Failure::DuplicateBarcode(code),
        LedgerError::UnknownProducer(code) => Failure::UnknownProducer(code),
        LedgerError::InvalidProducer(detail) => Failure::InvalidProducer(detail),
        LedgerError::InvalidProduct(detail) => Failure::InvalidProduct(detail),
        LedgerError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
            if matches!(e.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) =>
        {
            Failure::Busy
        }
        LedgerError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
            if e.code == ErrorCode::DiskFull =>
        {
            Failure::DiskFull
        }
        LedgerError::PayoutAboveBalance { producer, owed } => {
            Failure::PayoutAboveBalance { producer, owed }
        }
        LedgerError::InvalidAmount(a) => Failure::Till(TillFailure::InvalidAmount(a)),
        LedgerError::UnknownCustomer(_) => Failure::Till(TillFailure::UnknownCustomer),
        LedgerError::InvalidCustomer(crate::domain::CustomerError::NameEmpty) => {
            Failure::Till(TillFailure::CustomerNameEmpty)
        }
        LedgerError::InvalidCustomer(crate::domain::CustomerError::BadNip) => {
            Failure::Till(TillFailure::BadNip)
        }
        LedgerError::DuplicateNip(nip) => Failure::Till(TillFailure::DuplicateNip(nip)),
        LedgerError::MoreThanOwed { owed } => Failure::Till(TillFailure::MoreThanOwed(owed)),
        LedgerError::CashOutAboveDrawer { holds } => Failure::Till(TillFailure::DrawerHolds(holds)),
        LedgerError::VarianceNeedsReason { variance } => {
            Failure::Till(TillFailure::VarianceNeedsReason(variance))
        }
        LedgerError::SameDayCorrection(_) => Failure::Till(TillFailure::SameDayCorrection),
        LedgerError::NotOnTab(_) => Failure::Till(TillFailure::NotOnTab),
        // Issue 5: signing in, approvals and users.
        LedgerError::WrongPin { attempts_left } => {
            Failure::Trust(TrustFailure::WrongPin { attempts_left })
        }
        LedgerError::LockedOut { until } => Failure::Trust(TrustFailure::LockedOut { until }),
        LedgerError::InvalidPin(problem) => Failure::Trust(TrustFailure::InvalidPin(problem)),
        LedgerError::PinNotSet(_) => Failure::Trust(TrustFailure::PinNotSet),
        LedgerError::UnknownUser(_) => Failure::Trust(TrustFailure::UnknownUser),
        LedgerError::UserInactive(_) => Failure::Trust(TrustFailure::UserInactive),
        LedgerError::NotAManager(_) => Failure::Trust(TrustFailure::NotAManager),
        LedgerError::DuplicateUserName(name) => Failure::Trust(TrustFailure::DuplicateName(name)),
        LedgerError::EmptyUserName => Failure::Trust(TrustFailure::EmptyName),
        LedgerError::UsersExist => Failure::Trust(TrustFailure::UsersExist),
        LedgerError::LastManager => Failure::Trust(TrustFailure::LastManager),
        LedgerError::NeedsApproval(_) => Failure::Trust(TrustFailure::NeedsApproval),
        other => Failure::Storage(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use rusqlite::ffi;

    fn sqlite(code: i32) -> LedgerError {
        LedgerError::Sqlite(rusqlite::Error::SqliteFailure(ffi::Error::new(code), None))
    }

    #[test]
    fn catalogue_and_stock_refusals_keep_their_data_and_are_told_in_both_languages() {
        use crate::domain::QuantityError;
        let cases = [
            (
                LedgerError::UnknownProduct("KRP".into()),
                Failure::UnknownProduct("KRP".into()),
            ),
            (
                LedgerError::ProductInactive("KRP".into()),
                Failure::ProductInactive("KRP".into()),
            ),
            (
                LedgerError::ProducerInactive("SRI".into()),
                Failure::ProducerInactive("SRI".into()),
            ),
            (
                LedgerError::ProductOfAnotherProducer {
                    product: "KRP".into(),
                    producer: "SRI".into(),
                },
                Failure::ProductOfAnotherProducer {
                    product: "KRP".into(),
                    producer: "SRI".into(),
                },
            ),
            (
                LedgerError::InvalidQuantity {
                    code: "KRP".into(),
                    problem: QuantityError::NotWhole,
                },
                Failure::InvalidQuantity {
                    code: "KRP".into(),
                    problem: QuantityError::NotWhole,
                },
            ),
            (LedgerError::EmptyDocument, Failure::EmptyDocument),
            (LedgerError::UnknownDocument(9), Failure::UnknownDocument(9)),
            (
                LedgerError::DuplicateCode("SRI".into()),
                Failure::DuplicateCode("SRI".into()),
            ),
            (
                LedgerError::DuplicateBarcode("899123".into()),
                Failure::DuplicateBarcode("899123".into()),
            ),
            (
                LedgerError::UnknownProducer("SRI".into()),
                Failure::UnknownProducer("SRI".into()),
            ),
            (
                LedgerError::InvalidProducer("the name is empty".into()),
                Failure::InvalidProducer("the name is empty".into()),
            ),
            (
                LedgerError::InvalidProduct("KRP: give a producer price".into()),
                Failure::InvalidProduct("KRP: give a producer price".into()),
            ),
        ];
        let mut told = Vec::new();
        for (error, expected) in cases {
            let english_detail = error.to_string();
            let reason = failure(error);
            assert_eq!(reason, expected);
            let id = (Lang::Id.text().ui.failure)(&reason);
            let en = (Lang::En.text().ui.failure)(&reason);
            assert_ne!(id, en, "{reason:?} is told in Indonesian too");
            assert!(
                !id.contains("error") && !en.contains("storage"),
                "{id} / {en}"
            );
            assert!(!id.contains(&english_detail), "{id}");
            told.push(id);
        }
        assert!(
            told[0].contains("KRP") && told[3].contains("SRI"),
            "{told:?}"
        );
        assert!(told[4].contains("satuan utuh"), "{}", told[4]);
        told.sort();
        told.dedup();
        assert_eq!(told.len(), 12, "each refusal has its own sentence");
    }

    #[test]
    fn ledger_errors_become_failures_the_attendant_is_told_in_words() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(failure(LedgerError::NoOpenDay), Failure::NoOpenDay);
        assert_eq!(
            failure(LedgerError::DayAlreadyOpen { date }),
            Failure::DayAlreadyOpen(date)
        );
        assert_eq!(
            failure(LedgerError::DayExists { date }),
            Failure::DayExists(date)
        );
        assert_eq!(
            failure(LedgerError::AlreadyVoided(7)),
            Failure::AlreadyVoided
        );
        assert_eq!(failure(LedgerError::NotOnOpenDay(7)), Failure::NotOnOpenDay);
        assert_eq!(failure(LedgerError::EmptyReason), Failure::EmptyReason);
        assert_eq!(
            failure(LedgerError::InvalidPayment("qris gives no change".into())),
            Failure::NotSettled
        );
        assert_eq!(failure(sqlite(ffi::SQLITE_BUSY)), Failure::Busy);
        assert_eq!(failure(sqlite(ffi::SQLITE_FULL)), Failure::DiskFull);
        // What has no better words keeps the ledger's detail.
        let Failure::Storage(detail) = failure(sqlite(ffi::SQLITE_IOERR)) else {
            panic!("storage failure expected")
        };
        assert!(detail.contains("disk I/O error"), "{detail}");
        let Failure::Storage(detail) = failure(LedgerError::Corrupt("bad draft".into())) else {
            panic!("storage failure expected")
        };
        assert!(detail.contains("bad draft"), "{detail}");
    }
}

#[cfg(test)]
mod catalogue_tests {
    use super::*;
    use crate::domain::{ProductChanges, Rupiah};

    /// The runtime on a real, demo-seeded ledger file: a price change and a deactivation
    /// made on the products screen reach the till's catalogue without a restart.
    #[test]
    fn catalogue_changes_reach_the_till_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        crate::demo::seed(&mut ledger, Local::now().date_naive()).unwrap();
        let mut effects = Effects::new(ledger, 32, Lang::Id).unwrap();
        let mut app = effects.start(Lang::Id, "Ani".into()).unwrap();
        let old = app_price(&app, "KRPS").expect("the demo sells KRPS");
        let changes = ProductChanges {
            price: old + Rupiah(1_000),
            ..effects
                .ledger
                .products()
                .unwrap()
                .into_iter()
                .find(|p| p.code == "KRPS")
                .unwrap()
                .changes()
        };
        for msg in effects.run(Effect::SaveProduct {
            code: "KRPS".into(),
            changes,
        }) {
            effects.dispatch(&mut app, msg);
        }
        assert_eq!(app_price(&app, "KRPS"), Some(old + Rupiah(1_000)));
        assert_eq!(effects.ledger.price_changes("KRPS").unwrap().len(), 1);
        for msg in effects.run(Effect::SetProductActive {
            code: "KRPS".into(),
            active: false,
        }) {
            effects.dispatch(&mut app, msg);
        }
        assert_eq!(app_price(&app, "KRPS"), None, "no longer sold at the till");
        // A refusal is told, and changes nothing.
        let replies = effects.run(Effect::SetProductActive {
            code: "NOPE".into(),
            active: false,
        });
        assert!(
            matches!(
                replies.as_slice(),
                [Msg::Failed {
                    action: Action::SaveProduct,
                    ..
                }]
            ),
            "{replies:?}"
        );
    }

    fn app_price(app: &App, code: &str) -> Option<Rupiah> {
        app.catalogue().lookup(code).map(|p| p.price)
    }
}

#[cfg(test)]
mod print_tests {
    use super::*;
    use crate::domain::{IntakeLine, Quantity};
    use crate::print::{Paper, PrinterKind};

    /// A stock entry's slip goes to the printer too: after the commit, once asked, and as
    /// ESC/POS for the paper set (here a device file standing in for the printer).
    #[test]
    fn a_stock_slip_is_queued_after_the_commit_and_sent_to_the_device() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        crate::demo::seed(&mut ledger, Local::now().date_naive()).unwrap();
        let device = dir.path().join("lp0");
        std::fs::write(&device, b"").unwrap();
        ledger
            .set_printer_settings(
                &PrinterSettings {
                    kind: PrinterKind::Device(device.clone()),
                    paper: Paper::Mm80,
                    pdf_command: None,
                },
                chrono::NaiveDateTime::default(),
            )
            .unwrap();
        let mut effects = Effects::new(ledger, 32, Lang::Id).unwrap();
        let mut app = effects.start(Lang::Id, "Ani".into()).unwrap();
        let product = effects.ledger.active_products().unwrap().remove(0);
        let replies = effects.run(Effect::RecordStock(StockEntry::Intake {
            producer: product.producer_code.clone(),
            lines: vec![IntakeLine {
                product_code: product.code.clone(),
                quantity: Quantity::whole(5),
                best_before: None,
            }],
        }));
        assert!(
            matches!(replies.as_slice(), [Msg::StockRecorded { .. }]),
            "{replies:?}"
        );
        assert_eq!(
            std::fs::read(&device).unwrap(),
            b"",
            "nothing before the screen"
        );
        assert!(effects.print_pending(&mut app));
        let sent = std::fs::read(&device).unwrap();
        assert!(sent.starts_with(b"\x1b@"));
        let text = String::from_utf8_lossy(&sent);
        assert!(text.contains(&product.code), "{text}");
        // 48 columns: the rule under the header is as wide as 80 mm paper.
        assert!(text.contains(&format!("\n{}\n", "-".repeat(48))), "{text}");
        assert!(app.note().is_none_or(|n| !n.is_error()), "{:?}", app.note());
    }
}
