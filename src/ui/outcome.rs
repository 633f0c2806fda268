//! What a screen answers a key or a runtime answer with: an outcome (stay, ask, open another
//! place, go home or quit) with effects and a note. The hub carries it out; screens read the
//! rest of the till through a read-only `Ctx` and never write it.

use chrono::NaiveDate;

use super::effect::Effect;
use super::keymap::Focus;
use super::msg::{Answer, Key};
use super::note::Note;
use super::question::Question;
use crate::domain::{Cart, Catalogue, DayStatus, Rupiah, User};
use crate::strings::Lang;

/// The till as a screen may read it while it answers.
pub struct Ctx<'a> {
    pub lang: Lang,
    pub today: NaiveDate,
    pub catalogue: &'a Catalogue,
    /// The cart being rung up.
    pub cart: &'a Cart,
    /// The open business day's figures; `None` with no day open.
    pub status: Option<&'a DayStatus>,
    /// The signed-in user.
    pub user: Option<&'a User>,
    /// The date of the last business day closed, when no day is open.
    pub last_closed: Option<NaiveDate>,
    /// A key an amount field refused, said again while typing goes on.
    pub amount_refused: Option<char>,
    /// The runtime's time as last told, before each batch of keys: keys a scanner types
    /// share it, or follow within milliseconds.
    pub now: Option<chrono::NaiveDateTime>,
}

/// A place a screen asks the hub to open; the hub builds it and asks for what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The close screen; `stale` when closing a day left open.
    Close { stale: bool },
    /// The sales of the open day, or with no day open of the day last closed.
    Sales { closed_day: Option<NaiveDate> },
    /// Any other place, which opens with nothing more to say, named by the key table it
    /// opens on: a screen of the table (its row in `app.rs` says which), or one of the hub's
    /// own (the question about a day left open since an earlier date, the search list over
    /// the sale screen).
    At(Focus),
}

impl Place {
    /// The place a key opens from wherever the till's places are reached (the sale screen,
    /// and with no day open the open-day form).
    pub fn reached_by(msg: &Key) -> Option<Place> {
        Some(match msg {
            Key::OpenTabs => Place::At(Focus::Customers),
            Key::CashMove => Place::At(Focus::CashMove),
            Key::OpenStock => Place::At(Focus::Stock),
            // The catalogue is one key away from the till too; Esc there comes back here.
            Key::OpenProducts => Place::At(Focus::Products),
            Key::OpenProducers => Place::At(Focus::Producers),
            Key::OpenSettings => Place::At(Focus::Settings),
            Key::OpenUsers => Place::At(Focus::Users),
            Key::OpenAudit => Place::At(Focus::Audit),
            Key::OpenGlance => Place::At(Focus::Glance),
            Key::OpenPayouts => Place::At(Focus::Payouts),
            _ => return None,
        })
    }

    /// The place an answer is for when it still means something after its screen was left
    /// (an approval given once the attendant had moved on), and what it does then; an
    /// answer for a screen no longer open is dropped otherwise.
    pub fn answered_away(answer: &Answer) -> Option<(Place, Away)> {
        Some(match answer {
            // The list of sales shows the void, wherever the void was answered.
            Answer::SaleVoided { .. } => (Place::Sales { closed_day: None }, Away::Reopen),
            Answer::StockRecorded { .. } => (Place::At(Focus::Stock), Away::Say),
            _ => return None,
        })
    }
}

/// What an answer does when the screen it is for is no longer open: a screen of its place,
/// made afresh, answers it (the answer brings what it shows, so nothing is loaded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Away {
    /// That screen opens, answered.
    Reopen,
    /// Only what that screen says is said; the open screen stays.
    Say,
}

/// What an answer changes of the till's own state, which only the hub writes.
#[derive(Clone, Debug, PartialEq)]
pub enum TillChange {
    /// The till locks after this idle time from now on (the settings just saved).
    LockAfter(chrono::TimeDelta),
    /// A sale the screen showed, of this total, is void, and the ledger could not read the
    /// day's figures back: it leaves the figures the till has.
    Voided(Rupiah),
}

/// Where the keyboard goes after an answer.
#[derive(Debug, PartialEq)]
pub enum Go {
    /// The screen keeps it.
    Stay,
    /// The sale screen (or, with no day open, the open-day form).
    Home,
    Open(Place),
    /// A question over this screen, which gets the keyboard back once it is answered, as the
    /// screen left itself when it asked (a list, say, rather than the reason typed for it):
    /// the hub knows no screen's fields.
    Ask(Box<Ask>),
    /// Leave the kiosk.
    Quit,
    /// Only as a question's yes: the screen beneath takes the yes itself (`Key::Yes`).
    Beneath,
    /// From a form within an area: back to the area's list (home, if the hub sees it).
    Back,
    /// Home, where this key goes on (typing on a list is selling again).
    HomeWith(Box<Key>),
}

/// A question and what its yes brings.
#[derive(Debug, PartialEq)]
pub struct Ask {
    pub question: Question,
    pub yes: Outcome,
}

/// What a screen answers.
#[derive(Debug, PartialEq)]
pub struct Outcome {
    pub go: Go,
    pub effects: Vec<Effect>,
    /// Boxed, as is the rare `till`: an outcome is moved often, and the two largest parts
    /// are the least used.
    pub note: Option<Box<Note>>,
    pub till: Option<Box<TillChange>>,
}

impl Outcome {
    fn to(go: Go) -> Outcome {
        Outcome {
            go,
            effects: Vec::new(),
            note: None,
            till: None,
        }
    }

    pub fn stay() -> Outcome {
        Outcome::to(Go::Stay)
    }

    pub fn home() -> Outcome {
        Outcome::to(Go::Home)
    }

    pub fn open(place: Place) -> Outcome {
        Outcome::to(Go::Open(place))
    }

    pub fn home_with(msg: Key) -> Outcome {
        Outcome::to(Go::HomeWith(Box::new(msg)))
    }

    pub fn back() -> Outcome {
        Outcome::to(Go::Back)
    }

    pub fn quit() -> Outcome {
        Outcome::to(Go::Quit)
    }

    /// Asks `question`; yes runs `yes` and the keyboard comes back to this screen.
    pub fn ask(question: Question, yes: Vec<Effect>) -> Outcome {
        Outcome::ask_then(question, Outcome::stay().run(yes))
    }

    /// Asks `question`; yes brings `yes`.
    pub fn ask_then(question: Question, yes: Outcome) -> Outcome {
        Outcome::to(Go::Ask(Box::new(Ask { question, yes })))
    }

    /// A yes the screen beneath takes itself.
    pub fn beneath() -> Outcome {
        Outcome::to(Go::Beneath)
    }

    pub fn run(mut self, effects: Vec<Effect>) -> Outcome {
        self.effects.extend(effects);
        self
    }

    pub fn note(mut self, note: Note) -> Outcome {
        self.note = Some(Box::new(note));
        self
    }

    /// The till's own state changes too (see `TillChange`).
    pub fn till(mut self, change: TillChange) -> Outcome {
        self.till = Some(Box::new(change));
        self
    }

    /// As `note`, when there may be none.
    pub fn maybe_note(mut self, note: Option<Note>) -> Outcome {
        if let Some(note) = note {
            self.note = Some(Box::new(note));
        }
        self
    }
}
