//! The till's state as the hub keeps it: `App` (what is sold, who is at the till, what the
//! entry line holds) and `Screen`, what has the keyboard. It stands below every screen: the
//! screens answer from their own state (the sale screen from the `Till` kept in `App`), and
//! only the hub (`ui/mod.rs`) writes it; `dialogs` and `view` only read it.

use chrono::NaiveDate;
use ratatui::Frame;

use super::catalogue::ProductsScreen;
use super::effect::Effect;
use super::keymap::Focus;
use super::msg::{Answer, Key};
use super::note::Note;
use super::open_day_form::OpenDayForm;
use super::outcome::{self, Outcome, Place};
use super::pay::PayDialog;
use super::producers::ProducersScreen;
use super::question::Question;
use super::sale_parts::{Done, SearchList, Till};
use super::sales::SalesList;
use super::stock::StockScreen;
use super::trust_prompt::{TrustPrompt, Who};
use super::widgets;
use super::{audit, cash_move, close, customers, glance, parked, payouts, settings, users};
use crate::domain::{Cart, Catalogue, DayStatus};
use crate::strings::Lang;

/// The screens that answer through the one face every screen has (`open`, `key`, `answer`,
/// `focus`, `draw`: see any of them), a row each: the `Screen` variant, its state, and the
/// `Place` that opens it (most by the key table they open on, so a new screen needs no new
/// `Place`). Those over the sale screen have it drawn beneath them. The
/// hub's own (the sale screen, its search, the open-day form and the questions) are written
/// out in `Screen` and handled by the hub itself.
macro_rules! screens {
    (
        over_sale: [$($over:ident($over_state:ty) = $over_place:pat),* $(,)?]
        whole: [$($name:ident($state:ty) = $place:pat),* $(,)?]
    ) => {
        /// What has the keyboard. A question keeps the mode beneath it, drawn under the popup
        /// and returned to when it is answered.
        pub(super) enum Screen {
            OpenDay(OpenDayForm),
            StaleDay,
            Sale,
            Search(SearchList),
            Confirm(Box<Confirm>),
            $($over(Box<$over_state>),)*
            $($name(Box<$state>),)*
        }

        impl Screen {
            /// Opens a screen of the table, with what it must load; `Err` gives back a place
            /// that is the hub's own.
            pub(super) fn open(cx: &outcome::Ctx, place: Place) -> Result<(Screen, Vec<Effect>), Place> {
                Ok(match place {
                    $(place @ $over_place => {
                        let (screen, load) = <$over_state>::open(cx, place);
                        (Screen::$over(Box::new(screen)), load)
                    })*
                    $(place @ $place => {
                        let (screen, load) = <$state>::open(cx, place);
                        (Screen::$name(Box::new(screen)), load)
                    })*
                    #[allow(unreachable_patterns)]
                    place => return Err(place),
                })
            }

            /// A key for a screen of the table; `None` for the hub's own.
            pub(super) fn key(&mut self, cx: &outcome::Ctx, msg: Key) -> Option<Outcome> {
                match self {
                    $(Screen::$over(screen) => Some(screen.key(cx, msg)),)*
                    $(Screen::$name(screen) => Some(screen.key(cx, msg)),)*
                    _ => None,
                }
            }

            /// A runtime answer for a screen of the table; `None` for the hub's own.
            pub(super) fn answer(&mut self, cx: &outcome::Ctx, msg: Answer) -> Option<Outcome> {
                match self {
                    $(Screen::$over(screen) => Some(screen.answer(cx, msg)),)*
                    $(Screen::$name(screen) => Some(screen.answer(cx, msg)),)*
                    _ => None,
                }
            }

            /// Whether this is the screen that `place` opens.
            pub(super) fn at(&self, place: &Place) -> bool {
                match self {
                    $(Screen::$over(_) => matches!(place, $over_place),)*
                    $(Screen::$name(_) => matches!(place, $place),)*
                    _ => false,
                }
            }

            /// Which key table the screen reads.
            pub(super) fn focus(&self) -> Focus {
                match self {
                    Screen::OpenDay(form) if form.reopen.is_some() => Focus::ReopenReason,
                    Screen::OpenDay(_) => Focus::OpenDay,
                    Screen::StaleDay => Focus::StaleDay,
                    Screen::Sale => Focus::Sale,
                    Screen::Search(_) => Focus::Search,
                    Screen::Confirm(_) => Focus::Confirm,
                    $(Screen::$over(screen) => screen.focus(),)*
                    $(Screen::$name(screen) => screen.focus(),)*
                }
            }

            /// Whether the sale screen shows beneath this one.
            pub(super) fn over_sale(&self) -> bool {
                matches!(self, $(Screen::$over(_))|*)
            }

            /// Draws a screen of the table; the hub's own draw in `view`.
            pub(super) fn draw(&self, cx: &outcome::Ctx, frame: &mut Frame, area: ratatui::layout::Rect, focused: bool) {
                match self {
                    $(Screen::$over(screen) => screen.draw(cx, frame, area, focused),)*
                    $(Screen::$name(screen) => screen.draw(cx, frame, area, focused),)*
                    _ => {}
                }
            }
        }
    };
}

screens! {
    over_sale: [
        Pay(PayDialog) = Place::At(Focus::Pay),
        CashMove(cash_move::CashMoveForm) = Place::At(Focus::CashMove),
    ]
    whole: [
        Sales(SalesList) = Place::Sales { .. },
        Stock(StockScreen) = Place::At(Focus::Stock),
        Products(ProductsScreen) = Place::At(Focus::Products),
        Producers(ProducersScreen) = Place::At(Focus::Producers),
        Settings(settings::SettingsScreen) = Place::At(Focus::Settings),
        Payouts(payouts::PayoutsScreen) = Place::At(Focus::Payouts),
        Close(close::CloseScreen) = Place::Close { .. },
        Customers(customers::CustomersScreen) = Place::At(Focus::Customers),
        Users(users::UsersScreen) = Place::At(Focus::Users),
        Audit(audit::AuditScreen) = Place::At(Focus::Audit),
        Glance(glance::GlanceScreen) = Place::At(Focus::Glance),
        Parked(parked::ParkedList) = Place::At(Focus::Parked),
    ]
}

pub struct App {
    pub(super) lang: Lang,
    pub(super) catalogue: Catalogue,
    pub(super) status: Option<DayStatus>,
    pub(super) today: NaiveDate,
    /// The default name for the open-day form.
    pub(super) attendant: String,
    /// The sale screen's own state (cart, entry line), kept here because every screen reads
    /// the cart and it outlives the sale screen, which is made afresh on each return home.
    pub(super) till: Till,
    /// The cart changed outside a key (a catalogue change repriced it): save it after this message.
    pub(super) draft_stale: bool,
    pub(super) screen: Screen,
    pub(super) help: bool,
    /// The page of the help shown (F1 again turns it).
    pub(super) help_page: usize,
    /// The terminal's size as the runtime last said; `None` until it does.
    pub(super) size: Option<(u16, u16)>,
    pub(super) note: Option<Note>,
    /// A key an amount field refused: said again while typing goes on, so a fast typist
    /// sees it before Enter; any other key ends it (see `sale::type_amount`).
    pub(super) amount_refused: Option<char>,
    /// The sale just recorded, shown large until the next key.
    pub(super) done: Option<Done>,
    pub(super) quit: bool,
    // Who is at the till.
    /// The signed-in user; `None` before anyone signs in (the runtime opens a gate then).
    pub(super) user: Option<crate::domain::User>,
    /// Every user, as last loaded.
    pub(super) users: Vec<crate::domain::User>,
    /// First start, sign-in, lock or approval: has every key while open.
    pub(super) prompt: Option<TrustPrompt>,
    /// The runtime's time, as last told (`Answer::Clock`).
    pub(super) clock: Option<chrono::NaiveDateTime>,
    /// When a key was last pressed, by that clock.
    pub(super) last_key: Option<chrono::NaiveDateTime>,
    pub(super) lock_after: chrono::TimeDelta,
    /// Users (name, role, PIN) to try, shown on the demo's sign-in screen.
    pub(super) demo_logins: Vec<(String, crate::domain::Role, String)>,
    /// The date of the last business day closed, when no day is open: a day closed today
    /// cannot be opened again, and the open-day form says so.
    pub(super) last_closed: Option<NaiveDate>,
    /// How many carts are parked (F12), as the ledger last said.
    pub(super) parked: usize,
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
            None => Screen::OpenDay(OpenDayForm::new(&attendant)),
            Some(s) if s.day.date < today => Screen::StaleDay,
            Some(_) => Screen::Sale,
        };
        // A cart saved before a restart takes today's prices, as it would have while open.
        let mut cart = draft.unwrap_or_default();
        let repriced = cart.reprice(&catalogue);
        // Parts of a split were taken before the stop: the pay dialog is where it stopped.
        let mode = match mode {
            Screen::Sale if !cart.parts.is_empty() => {
                Screen::Pay(Box::new(PayDialog::resumed(&cart)))
            }
            mode => mode,
        };
        App {
            draft_stale: repriced,
            lang,
            catalogue,
            status,
            today,
            attendant,
            till: Till {
                cart,
                ..Till::default()
            },
            screen: mode,
            help: false,
            help_page: 0,
            size: None,
            note: None,
            amount_refused: None,
            done: None,
            quit: false,
            user: None,
            users: Vec::new(),
            prompt: None,
            clock: None,
            last_key: None,
            lock_after: crate::domain::TillRules::default().lock_after(),
            demo_logins: Vec::new(),
            last_closed: None,
            parked: 0,
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
        self.draft_stale |= self.till.cart.reprice(&self.catalogue);
        if let Screen::Search(search) = &mut self.screen {
            search.refresh(&mut self.catalogue, &self.till.entry);
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
        &self.till.entry
    }

    /// Whether the entry line holds refused text that the next character replaces.
    pub fn entry_selected(&self) -> bool {
        self.till.entry_selected
    }

    pub fn note(&self) -> Option<&Note> {
        self.note.as_ref()
    }

    pub fn focus(&self) -> Focus {
        match &self.prompt {
            Some(gate) => gate.focus(),
            // After today's close the form says so, unless the day is being reopened.
            None if self.closed_today()
                && matches!(&self.screen, Screen::OpenDay(form) if form.reopen.is_none()) =>
            {
                Focus::DayClosed
            }
            None => self.screen.focus(),
        }
    }

    /// Today's business day is closed and no day is open: it does not open again today.
    pub fn closed_today(&self) -> bool {
        self.status.is_none() && self.last_closed.is_some_and(|d| d >= self.today)
    }

    /// The context a question returns to once answered: the screen it was asked over.
    pub fn focus_beneath(&self) -> Focus {
        if let Some(gate) = &self.prompt {
            return gate.focus();
        }
        match &self.screen {
            Screen::Confirm(confirm) => confirm.under.focus(),
            other => other.focus(),
        }
    }

    /// Below 80×24 the screen only says so: keys would act on what nobody can see.
    pub fn too_small(&self) -> bool {
        self.size
            .is_some_and(|(w, h)| w < widgets::MIN_WIDTH || h < widgets::MIN_HEIGHT)
    }

    /// The till as a screen reads it while it answers.
    pub(super) fn ctx(&self) -> outcome::Ctx<'_> {
        outcome::Ctx {
            lang: self.lang,
            today: self.today,
            user: self.user.as_ref(),
            catalogue: &self.catalogue,
            cart: &self.till.cart,
            status: self.status.as_ref(),
            last_closed: self.last_closed,
            amount_refused: self.amount_refused,
            now: self.clock,
        }
    }

    /// Who is at the till, as the gates read it.
    pub(super) fn who(&self) -> Who<'_> {
        Who {
            users: &self.users,
            user: self.user.as_ref(),
            attendant: &self.attendant,
        }
    }

    pub(super) fn set_note(&mut self, note: Note) {
        self.note = Some(note);
    }

    /// The cart changed: the runtime saves it so a power cut loses nothing.
    pub(super) fn cart_changed(&self) -> Vec<Effect> {
        vec![Effect::SaveDraft(self.till.cart.clone())]
    }
}

/// A question over the screen it was asked from. Only its first key counts: `y` is yes,
/// anything else is no (see `keymap::msg_for`).
pub struct Confirm {
    pub question: Question,
    /// What yes brings; the question carries it so that answering knows no screen.
    pub yes: Outcome,
    pub under: Box<Screen>,
}

impl Confirm {
    pub fn new(question: Question, yes: Outcome, under: Screen) -> Confirm {
        Confirm {
            question,
            yes,
            under: Box::new(under),
        }
    }
}
