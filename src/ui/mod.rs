//! The kiosk's screens as a pure state machine: keys become `Key`s and what the runtime tells
//! `Answer`s, `update` changes the state and returns `Effect`s for the runtime to carry out
//! (SQLite, printing), and `view` draws the state. Nothing here touches the ledger, the
//! terminal or the clock.

mod app;
mod cash_move;
mod catalogue;
mod close;
mod customers;
mod detail;
mod dialogs;
mod effect;
mod failure;
mod file_note;
mod input;
mod key_bar;
pub mod keymap;
mod list;
mod msg;
mod note;
mod open_day_form;
mod outcome;
mod parked;
mod pay;
mod payouts;
mod pin;
mod producers;
mod product_form;
mod question;
mod queue_note;
mod recovery_shown;
mod sale;
mod sale_detail;
mod sale_parts;
mod sales;
mod settings;
mod statement_range;
mod stock;
mod stock_forms;
mod widgets;
// Who is at the till: sign-in, lock, approval, users, audit.
mod audit;
mod glance;
mod trust;
mod trust_prompt;
mod users;
mod view;

#[cfg(test)]
mod close_tests;
#[cfg(test)]
mod glance_tests;
#[cfg(test)]
mod layout_tests;
#[cfg(test)]
mod parked_tests;
#[cfg(test)]
mod payouts_tests;
#[cfg(test)]
mod producers_tests;
#[cfg(test)]
mod product_tests;
#[cfg(test)]
mod sale_detail_tests;
#[cfg(test)]
mod settings_tests;
#[cfg(test)]
mod stock_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod traps_tests;
#[cfg(test)]
mod trust_tests;
#[cfg(test)]
mod view_tests;

use ratatui::Frame;

use crate::domain::{Catalogue, DayStatus};
// What the tests name through `use super::*`.
#[cfg(test)]
use crate::domain::Cart;
#[cfg(test)]
use crate::domain::{
    CallListEntry, NewProducer, Payment, Producer, ProductChanges, Rupiah, Sale, StockLine,
};
#[cfg(test)]
use crate::print::PrinterSettings;
#[cfg(test)]
use crate::strings::Lang;
#[cfg(test)]
use {pay::PayDialog, producers::ProducersScreen, question::Question};

pub use effect::{Effect, StockEntry};
pub use failure::ProductField;
pub use failure::{ApprovalReason, FailedEffect, Failure, TillFailure, TrustFailure};
pub use file_note::FileNote;
pub use keymap::Focus;
pub use msg::{Answer, Key, Msg, PayoutLists};
pub use note::{Note, TillNote, TrustNote};
pub use pin::Pin;

pub use app::App;
use app::{Confirm, Screen};
use open_day_form::OpenDayForm;
use outcome::{Away, Go, Outcome, Place, TillChange};
use sale_parts::SearchList;
#[cfg(test)]
use stock::StockScreen;

/// Applies one message to the state and says what the runtime must do next.
pub fn update(app: &mut App, msg: impl Into<Msg>) -> Vec<Effect> {
    let mut effects = match msg.into() {
        Msg::Key(key) => on_key(app, key),
        Msg::Answer(answer) => on_answer(app, answer),
    };
    // With no day open the open-day form is home: a screen left with Esc comes back to it.
    if app.status.is_none() && matches!(app.screen, Screen::Sale) {
        app.screen = Screen::OpenDay(OpenDayForm::new(&app.attendant));
    }
    if let Some(parts) = sale::parts_kept(&app.screen)
        && app.till.cart.parts != parts
    {
        app.till.cart.parts = parts;
        app.draft_stale = true;
    }
    if std::mem::take(&mut app.draft_stale) {
        effects.push(Effect::SaveDraft(app.till.cart.clone()));
    }
    hold(app, effects)
}

/// A runtime answer: the till's own state first, then the screen that asked.
fn on_answer(app: &mut App, msg: Answer) -> Vec<Effect> {
    if let Some(note) = msg.note() {
        app.set_note(note);
    }
    match msg {
        Answer::DayOpened(_) | Answer::DayReopened(_) | Answer::DayClosed => day_changed(app, msg),
        Answer::SaleRecorded {
            sale,
            status,
            receipt,
        } => return sale_recorded(app, sale, status, receipt),
        // The day's figures as read back after the void; without them the list that
        // showed the sale says what to take out (`TillChange::Voided`).
        Answer::SaleVoided {
            status: Some(ref status),
            ..
        } => {
            app.status = Some(status.clone());
            return answer(app, msg);
        }
        Answer::ProducersChanged { .. } | Answer::CatalogueChanged { .. } => {
            return catalogue_changed(app, msg);
        }
        Answer::Clock(_)
        | Answer::Failed {
            action: FailedEffect::SignIn,
            ..
        }
        | Answer::UsersLoaded(_)
        | Answer::SignedIn(_)
        | Answer::RecoveryCode { .. }
        | Answer::ApprovalGranted(_)
        | Answer::ApprovalNeeded(_) => return who_is_at_the_till(app, msg),
        Answer::ParkedCount(parked) => app.parked = parked,
        Answer::CartParked(parked) => cart_parked(app, parked),
        Answer::CartRecalled { cart, parked } => cart_recalled(app, cart, parked),
        Answer::UsersChanged(users) => {
            app.users = users.clone();
            return answer(app, Answer::UsersChanged(users));
        }
        Answer::Resize(width, height) => app.size = Some((width, height)),
        Answer::Today(date) => app.today = date,
        Answer::CatalogueReloaded(products) => app.set_catalogue(Catalogue::new(products)),
        Answer::ClosedBefore(date) => app.last_closed = Some(date),
        msg => return answer(app, msg),
    }
    Vec::new()
}

/// Products or producers changed: the till sells what is active now, its search and codes
/// follow at once whatever screen is open, and the screen that asked gets the rest.
fn catalogue_changed(app: &mut App, msg: Answer) -> Vec<Effect> {
    let (msg, active) = match msg {
        Answer::ProducersChanged { producers, active } => {
            let rest = Answer::ProducersChanged {
                producers,
                active: Vec::new(),
            };
            (rest, active)
        }
        Answer::CatalogueChanged { products, active } => {
            let rest = Answer::CatalogueChanged {
                products,
                active: Vec::new(),
            };
            (rest, active)
        }
        msg => return answer(app, msg),
    };
    app.set_catalogue(Catalogue::new(active));
    answer(app, msg)
}

/// A day opened, reopened or closed: the till's own figures and home screen follow.
fn day_changed(app: &mut App, msg: Answer) {
    match msg {
        Answer::DayOpened(status) => {
            app.set_note(Note::DayOpened(status.day.date));
            app.status = Some(status);
            if matches!(app.screen, Screen::OpenDay(_)) {
                app.screen = Screen::Sale;
            }
        }
        Answer::DayReopened(status) => {
            let date = status.day.date;
            app.set_note(Note::Till(TillNote::Undo(note::UndoNote::Reopened(date))));
            app.status = Some(status);
            app.last_closed = None;
            app.screen = Screen::Sale;
        }
        Answer::DayClosed => {
            app.last_closed = app.status.as_ref().map(|s| s.day.date);
            app.status = None;
            app.set_note(Note::DayClosed);
            app.screen = Screen::OpenDay(OpenDayForm::new(&app.attendant));
        }
        _ => {}
    }
}

/// The runtime's answers about who is at the till: the hub keeps who it is, the gates
/// (`trust`) say what opens over the till.
fn who_is_at_the_till(app: &mut App, msg: Answer) -> Vec<Effect> {
    match msg {
        Answer::Clock(now) => {
            app.clock = Some(now);
            let last = *app.last_key.get_or_insert(now);
            if trust::idle_locks(&app.who(), app.prompt.as_ref(), now - last, app.lock_after) {
                return lock(app);
            }
        }
        Answer::Failed {
            action: FailedEffect::SignIn,
            reason,
        } => app.set_note(trust::sign_in_refused(app.prompt.as_ref(), reason)),
        Answer::UsersLoaded(users) => {
            app.users = users.clone();
            // The users screen, if open, shows them.
            let effects = answer(app, Answer::UsersLoaded(users));
            if let Some(gate) = trust::gate_for_users(&app.who(), app.prompt.as_ref()) {
                app.prompt = Some(gate);
            }
            return effects;
        }
        Answer::SignedIn(user) => signed_in(app, user),
        Answer::RecoveryCode {
            code,
            manager,
            filed,
        } => app.prompt = Some(trust::recovery(code, manager, filed)),
        Answer::ApprovalGranted(manager) => {
            let Some(trust::TrustPrompt::Approval(approval)) = app.prompt.take() else {
                return Vec::new();
            };
            return gate_answered(app, trust::approval_granted(approval, manager));
        }
        Answer::ApprovalNeeded(effect) => {
            let reason = trust::refused_for(&effect);
            wait_for_approval(app, vec![*effect], reason);
        }
        _ => {}
    }
    Vec::new()
}

fn signed_in(app: &mut App, user: crate::domain::User) {
    app.prompt = None;
    app.last_key = app.clock;
    if let Screen::OpenDay(form) = &mut app.screen {
        form.signed_in(&user.name, &app.attendant);
    }
    app.attendant = user.name.clone();
    app.set_note(Note::Trust(TrustNote::SignedIn(user.name.clone())));
    app.user = Some(user);
}

/// Ctrl+L or idle time: the lock screen over everything. Whatever was on screen stays behind
/// it, untouched but for what it drops itself (a PIN half typed: `Answer::Locked`); an
/// approval that was waiting is dropped.
fn lock(app: &mut App) -> Vec<Effect> {
    let Some(gate) = trust::lock_screen(&app.who()) else {
        return Vec::new();
    };
    app.help = false;
    app.note = None;
    let effects = answer(app, Answer::Locked);
    app.prompt = Some(gate);
    effects
}

/// The effects an attendant may not run alone (`trust::hold`) wait in the approval popup,
/// opened unless it is open already; the rest go on.
fn hold(app: &mut App, effects: Vec<Effect>) -> Vec<Effect> {
    let (held, free) = trust::hold(&app.who(), effects);
    if let Some((held, reason)) = held {
        wait_for_approval(app, held, reason);
    }
    free
}

fn wait_for_approval(app: &mut App, held: Vec<Effect>, reason: ApprovalReason) {
    match &mut app.prompt {
        Some(trust::TrustPrompt::Approval(approval)) => approval.held.extend(held),
        _ => {
            app.help = false;
            app.prompt = Some(trust::approval(held, None, reason));
        }
    }
}

/// A key while a gate is open: the gate has it, whatever it is.
fn gate_key(app: &mut App, msg: Key) -> Vec<Effect> {
    let Some(gate) = app.prompt.take() else {
        return Vec::new();
    };
    let (gate, outcome) = trust::gate_key(&app.who(), gate, msg);
    app.prompt = gate;
    gate_answered(app, outcome)
}

/// Carries out what a gate answered: its note, quitting, or the place an approval was given
/// for (opened as it stands: the approval is given).
fn gate_answered(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    let Outcome {
        go,
        mut effects,
        note,
        till,
    } = outcome;
    say(app, note);
    change_till(app, till);
    match go {
        Go::Quit => {
            app.quit = true;
            effects.push(Effect::Quit);
        }
        Go::Open(place) => {
            if let Ok((screen, load)) = Screen::open(&app.ctx(), place) {
                app.screen = screen;
                effects.extend(load);
            }
        }
        _ => {}
    }
    effects
}

/// The runtime recorded the sale: the cart starts afresh and the change is shown large.
fn sale_recorded(
    app: &mut App,
    sale: crate::domain::Sale,
    status: Option<DayStatus>,
    receipt: Result<std::path::PathBuf, Failure>,
) -> Vec<Effect> {
    match status {
        Some(status) => app.status = Some(status),
        None => {
            if let Some(status) = &mut app.status {
                status.sales += 1;
                status.takings += sale.total;
            }
        }
    }
    app.till.cart = Default::default();
    app.till.selected = 0;
    app.till.entry.clear();
    app.till.entry_selected = false;
    app.note = None;
    app.screen = Screen::Sale;
    app.done = Some(sale::done(&sale, receipt));
    app.cart_changed()
}

/// The cart is parked: the next customer starts on an empty one.
fn cart_parked(app: &mut App, parked: usize) {
    app.till.cart = Default::default();
    app.till.selected = 0;
    app.parked = parked;
    app.screen = Screen::Sale;
    app.set_note(Note::Queue(queue_note::QueueNote::Parked(parked)));
}

/// A parked cart is the cart again (saved as the draft by the ledger); with parts paid of
/// it, the pay dialog opens on them.
fn cart_recalled(app: &mut App, cart: crate::domain::Cart, parked: usize) {
    let note = queue_note::QueueNote::Recalled(cart.total(), parked::parts_of(&cart), parked);
    app.till.cart = cart;
    // Parked at earlier prices: nothing is sold yet, so it takes today's.
    app.draft_stale |= app.till.cart.reprice(&app.catalogue);
    app.till.selected = 0;
    app.parked = parked;
    app.screen = Screen::Sale;
    if !app.till.cart.parts.is_empty() {
        let (pay, _) = open(app, Place::At(Focus::Pay));
        app.screen = pay;
    }
    app.set_note(Note::Queue(note));
}

/// A runtime answer for the screen that asked for it: the one that has the keyboard, or,
/// for an answer that still counts once its screen was left (`Place::answered_away`), one
/// of its place made afresh.
fn answer(app: &mut App, msg: Answer) -> Vec<Effect> {
    let mut screen = std::mem::replace(&mut app.screen, Screen::Sale);
    if let Some((place, away)) = Place::answered_away(&msg)
        && !screen.at(&place)
        // The answer brings what the screen shows: what it loads on opening is not asked.
        && let Ok((mut fresh, _)) = Screen::open(&app.ctx(), place)
    {
        let outcome = fresh.answer(&app.ctx(), msg).unwrap_or_else(Outcome::stay);
        if away == Away::Reopen {
            return follow(app, fresh, outcome);
        }
        app.screen = screen;
        say(app, outcome.note);
        return Vec::new();
    }
    let outcome = screen.answer(&app.ctx(), msg).unwrap_or_else(Outcome::stay);
    follow(app, screen, outcome)
}

fn on_key(app: &mut App, msg: Key) -> Vec<Effect> {
    if app.too_small() && msg != Key::Quit {
        return Vec::new();
    }
    app.last_key = app.clock;
    // The panel of the last sale stays until the next key, and that key still counts:
    // the next customer's first scan must not be lost.
    app.done = None;
    if help_key(app, &msg) {
        return Vec::new();
    }
    app.help_page = 0;
    // A gate has every key but help and the language, which it does not answer itself.
    if app.prompt.is_some() {
        let approval = matches!(app.prompt, Some(trust::TrustPrompt::Approval(_)));
        match msg {
            Key::Help if !approval => app.help = true,
            Key::ToggleLang if !approval => app.lang = app.lang.other(),
            msg => {
                app.note = None;
                return gate_key(app, msg);
            }
        }
        return Vec::new();
    }
    if msg == Key::Lock {
        return lock(app);
    }
    if let Some(effects) = question_key(app, &msg) {
        return effects;
    }
    till_key(app, msg)
}

/// A key on an open question: `y` closes it and carries out what its yes brings, over the
/// screen it returns to; `n` closes it; any other key is a no and still counts on the screen
/// beneath (`None`, as for a key with no question open).
fn question_key(app: &mut App, msg: &Key) -> Option<Vec<Effect>> {
    let confirm = match std::mem::replace(&mut app.screen, Screen::Sale) {
        Screen::Confirm(confirm) => confirm,
        other => {
            app.screen = other;
            return None;
        }
    };
    let Confirm { yes, under, .. } = *confirm;
    let under = *under;
    match msg {
        Key::Yes => {
            app.note = None;
            Some(follow(app, under, yes))
        }
        Key::No => {
            app.screen = under;
            Some(Vec::new())
        }
        _ => {
            app.screen = under;
            None
        }
    }
}

/// A key no gate or question took: help, the language and quitting are the till's own;
/// the rest goes to the screen.
fn till_key(app: &mut App, msg: Key) -> Vec<Effect> {
    match msg {
        Key::Help => {
            app.help = true;
            return Vec::new();
        }
        Key::ToggleLang => {
            app.lang = app.lang.other();
            return Vec::new();
        }
        Key::Quit => return quit(app),
        _ => {}
    }
    app.note = None;
    if !matches!(msg, Key::Input(_)) {
        app.amount_refused = None;
    }
    screen_key(app, msg)
}

/// With help open, F1 turns its page and F1 on the last page or Esc closes it (taken: true);
/// any other key closes it and still counts.
fn help_key(app: &mut App, msg: &Key) -> bool {
    if !app.help {
        return false;
    }
    if *msg == Key::Help && app.help_page + 1 < view::help_pages(app) {
        app.help_page += 1;
        return true;
    }
    app.help = false;
    matches!(msg, Key::Help | Key::Cancel)
}

/// Ctrl+Q: quits, unless the screen holds work that quitting would lose (money taken in parts,
/// stock lines typed): it answers the key with a question then, asked over it.
fn quit(app: &mut App) -> Vec<Effect> {
    let mut screen = std::mem::replace(&mut app.screen, Screen::Sale);
    let answered = screen.key(&app.ctx(), Key::Quit).map(|outcome| outcome.go);
    if let Some(Go::Ask(ask)) = answered {
        app.screen = Screen::Confirm(Box::new(Confirm::new(ask.question, ask.yes, screen)));
        return Vec::new();
    }
    app.screen = screen;
    app.quit = true;
    vec![Effect::Quit]
}

/// Hands a key to the screen that has the keyboard.
fn screen_key(app: &mut App, msg: Key) -> Vec<Effect> {
    let mut screen = std::mem::replace(&mut app.screen, Screen::Sale);
    let outcome = match &mut screen {
        // The till and what the sale screen reads besides are fields apart: it owns the one
        // while it reads the others.
        Screen::Sale => {
            let cx = sale::SaleCtx {
                catalogue: &app.catalogue,
                parked: app.parked,
            };
            sale::key(&mut app.till, &cx, msg)
        }
        Screen::Search(search) => {
            let cx = sale::SaleCtx {
                catalogue: &app.catalogue,
                parked: app.parked,
            };
            let outcome = sale::search_key(&mut app.till, &cx, search, msg);
            if search.stale {
                search.refresh(&mut app.catalogue, &app.till.entry);
            }
            outcome
        }
        Screen::OpenDay(form) => dialogs::open_day_key(&app.ctx(), form, msg),
        Screen::StaleDay => dialogs::stale_day_key(msg),
        // A question takes its keys before this.
        Screen::Confirm(_) => Outcome::stay(),
        table => table.key(&app.ctx(), msg).unwrap_or_else(Outcome::stay),
    };
    follow(app, screen, outcome)
}

/// Shows what an answer says; a key an amount field refused is said again while typing goes on.
fn say(app: &mut App, note: Option<Box<Note>>) {
    if let Some(note) = note.map(|note| *note) {
        if let Note::DigitsOnly(refused) = note {
            app.amount_refused = Some(refused);
        }
        app.set_note(note);
    }
}

/// What an answer changes of the till's own state.
fn change_till(app: &mut App, change: Option<Box<TillChange>>) {
    match change.map(|change| *change) {
        Some(TillChange::LockAfter(idle)) => app.lock_after = idle,
        Some(TillChange::Voided(total)) => {
            if let Some(status) = &mut app.status {
                status.sales -= 1;
                status.takings -= total;
            }
        }
        None => {}
    }
}

/// Carries out what a screen answered: `here` is that screen as it stands after answering.
fn follow(app: &mut App, here: Screen, outcome: Outcome) -> Vec<Effect> {
    let Outcome {
        go,
        mut effects,
        note,
        till,
    } = outcome;
    say(app, note);
    change_till(app, till);
    app.screen = match go {
        Go::Stay => here,
        Go::Home | Go::Back => Screen::Sale,
        Go::Open(place) => {
            let (mode, load) = open(app, place);
            effects.extend(load);
            mode
        }
        Go::Ask(ask) => Screen::Confirm(Box::new(Confirm::new(ask.question, ask.yes, here))),
        Go::Quit => {
            app.quit = true;
            effects.push(Effect::Quit);
            Screen::Sale
        }
        Go::HomeWith(msg) => {
            app.screen = Screen::Sale;
            effects.extend(screen_key(app, *msg));
            return effects;
        }
        Go::Beneath => {
            app.screen = here;
            effects.extend(screen_key(app, Key::Yes));
            return effects;
        }
    };
    effects
}

/// Opens a place: the one spot where screens are built, each with what it must load.
fn open(app: &mut App, place: Place) -> (Screen, Vec<Effect>) {
    match place {
        Place::At(Focus::StaleDay) => (Screen::StaleDay, Vec::new()),
        Place::At(Focus::Search) => {
            let search = SearchList::new(&mut app.catalogue, &app.till.entry);
            if search.results.is_empty() {
                // An empty list would only hide the entry line: the text is refused instead,
                // kept in sight and selected.
                app.till.entry_selected = !app.till.entry.is_empty();
                app.set_note(Note::NoMatch(app.till.entry.trim().to_string()));
                return (Screen::Sale, Vec::new());
            }
            (Screen::Search(search), Vec::new())
        }
        // An attendant opens the users screen only with a manager's approval.
        Place::At(Focus::Users) if let Some(gate) = trust::users_approval(&app.who()) => {
            app.help = false;
            app.prompt = Some(gate);
            (Screen::Sale, Vec::new())
        }
        place => match Screen::open(&app.ctx(), place) {
            Ok(opened) => opened,
            // Every place is either the hub's own, above, or a screen of the table.
            Err(_) => (Screen::Sale, Vec::new()),
        },
    }
}

/// The `Key` a key press means for what has the keyboard (see `keymap::msg_for`): keys are read
/// in the key table of the focus, and under a question in the table beneath it too.
pub fn key_to_msg(app: &App, key: ratatui::crossterm::event::KeyEvent) -> Option<Key> {
    keymap::msg_for(
        app.focus(),
        app.focus_beneath(),
        app.till.entry.is_empty(),
        key,
    )
}

/// Draws the whole screen from the state.
pub fn view(app: &App, frame: &mut Frame) {
    view::draw(app, frame);
}
