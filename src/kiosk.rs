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
use crate::print::{self, ShopHeader};
use crate::strings::Lang;
use crate::ui::{self, Action, App, Effect, Failure, Msg, Pin, StockEntry, TrustFailure};
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
        Ok(Effects {
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
    pub fn start(&mut self, lang: Lang, attendant: String) -> Result<App, KioskError> {
        let catalogue = Catalogue::new(self.ledger.active_products()?);
        let status = self.ledger.open_day_status()?;
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
            Effect::CloseDay => {
                let attendant = self.actor();
                Some(
                    self.ledger
                        .close_day(&attendant, now)
                        .map(|_| Msg::DayClosed)
                        .unwrap_or_else(|e| failed(Action::CloseDay, e)),
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
                    .and_then(|sale| self.write_receipt(&sale)),
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
        let attendant = match self.ledger.open_day_status() {
            Ok(Some(_)) => self.actor(),
            Ok(None) => return failed(Action::RecordSale, LedgerError::NoOpenDay),
            Err(e) => return failed(Action::RecordSale, e),
        };
        let sale = match self.ledger.record_sale(cart, payments, &attendant, now) {
            Ok(sale) => sale,
            Err(e) => return failed(Action::RecordSale, e),
        };
        // The sale is on disk now; nothing below can lose it, and nothing below may answer
        // "not recorded" (the attendant would take the money again). A receipt that fails
        // to write is reported and can be printed again from the sales list.
        let receipt = self.write_receipt(&sale);
        let status = self.ledger.open_day_status().ok().flatten();
        Msg::SaleRecorded {
            sale,
            status,
            receipt,
        }
    }

    fn write_receipt(&self, sale: &crate::domain::Sale) -> Result<PathBuf, String> {
        let receipt = print::receipt(sale, &self.shop, self.receipt_lang);
        let text = print::render_text(&receipt, self.receipt_width);
        let name = format!("struk-{:04}.txt", sale.number);
        print::write_printout(&self.printouts, sale.day_date, &name, &text)
            .map_err(|e| e.to_string())
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
    fn stock_recorded(&self, recorded: Result<Vec<StockDocument>, LedgerError>) -> Msg {
        let documents = match recorded {
            Ok(documents) => documents,
            Err(e) => return failed(Action::RecordStock, e),
        };
        let slips = documents
            .iter()
            .map(|doc| {
                let (name, text) = slip(doc, &self.shop, self.receipt_lang, self.receipt_width);
                let date = doc.day_date.unwrap_or(doc.at.date());
                print::write_printout(&self.printouts, date, &name, &text)
                    .map_err(|e| e.to_string())
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
        let header = ShopHeader {
            name: shop.to_string(),
            ..self.shop.clone()
        };
        match self.ledger.set_shop_header(&header) {
            Ok(()) => self.shop = header,
            // The manager exists and is signed in: the name can be set again later.
            Err(e) => replies.push(failed(Action::SaveUser, e)),
        }
        replies.extend(self.ledger.users().ok().map(Msg::UsersLoaded));
        replies.push(Msg::SignedIn(user));
        replies
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
            // An effect refused before it wrote leaves the approval pending: it must not
            // carry over to whatever is written next.
            if let Some(actor) = self.ledger.signed_in().cloned() {
                self.ledger.sign_out();
                self.ledger.sign_in(&actor);
            }
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

/// A stock document's slip: its file name in the day's printouts folder, and its text.
fn slip(doc: &StockDocument, shop: &ShopHeader, lang: Lang, width: usize) -> (String, String) {
    let text = print::render_text(&print::stock_slip(doc, shop, lang), width);
    (print::slip_file_name(doc), text)
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
