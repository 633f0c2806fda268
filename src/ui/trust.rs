//! Who is at the till: the first start (the shop and its manager), signing in, the lock
//! screen (Ctrl+L, or idle time passed in by the runtime), and the manager's approval popup —
//! the one gate that holds every effect an attendant may not run alone until a manager types
//! their PIN. Screens never ask for approval themselves: `hold` does, on their effects.

use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row, Table, Wrap};

use super::app::{App, Screen};
use super::effect::{Effect, StockEntry};
use super::failure::ApprovalReason;
use super::input::type_into;
use super::keymap::{Focus, bar_for};
use super::msg::Msg;
use super::note::Note;
use super::note::TrustNote;
use super::pin::Pin;
use super::recovery_shown::{self, RecoveryShown};
pub(super) use super::trust_prompt::{
    Approval, FirstPinForm, SetupForm, SignInForm, Then, TrustPrompt,
};
use super::widgets::{FieldLayout, centered, draw_list};
use crate::domain::{PinProblem, Role, User, check_new_pin};

const MAX_NAME: usize = 40;

impl Effect {
    /// Whether an attendant needs a manager's approval to run this effect.
    pub fn needs_approval(&self) -> bool {
        self.approval_reason().is_some()
    }

    /// THE list of what needs a manager: one exhaustive match, so that a new effect does not
    /// compile until someone decides here whether it does. The till's money goes here too:
    /// payouts, corrections and settings (always), a day close whose cash difference is above
    /// the threshold setting, and cash moves out of the drawer if the shop wants them approved.
    pub fn approval_reason(&self) -> Option<ApprovalReason> {
        use ApprovalReason as R;
        match self {
            Effect::VoidSale { .. } => Some(R::Void),
            // A product edit may change its price; a producer edit its rate or scheme.
            Effect::SaveProduct { .. } | Effect::SaveProducer { .. } => Some(R::Catalogue),
            Effect::RecordStock(StockEntry::WriteOff { .. }) => Some(R::WriteOff),
            Effect::AddUser { .. } | Effect::ChangePin { .. } | Effect::DeactivateUser { .. } => {
                Some(R::Users)
            }
            // A test print runs the printer command typed on screen, saved or not.
            Effect::SaveSettings { .. } | Effect::TestPrint { .. } => Some(R::Settings),
            Effect::SetExpiryDays { .. } => Some(R::Settings),
            Effect::PayProducer { .. } => Some(R::Payout),
            Effect::CorrectSale { .. } => Some(R::Correction),
            Effect::CloseDayOnPin { .. } => Some(R::Close),
            Effect::ReopenDay { .. } => Some(R::Reopen),
            // A part of a sale taken back is approved as a void is.
            Effect::ReturnPart { .. } => Some(R::SaleReturn),
            Effect::SetPayoutDaily { .. } => Some(R::Catalogue),
            Effect::RecordStock(StockEntry::Intake { .. } | StockEntry::Return { .. })
            // Only a count with a difference needs a manager, and only the ledger knows the
            // stock it is counted against: it refuses, and the runtime hands the count back
            // with `Msg::ApprovalNeeded`, which opens this same popup.
            | Effect::RecordStock(StockEntry::Count { .. })
            | Effect::SaveDraft(_)
            | Effect::OpenDay { .. }
            // Only a count off by more than the threshold needs a manager: the ledger
            // refuses it and the runtime hands the close back, like a count.
            | Effect::CloseDay { .. }
            | Effect::LoadClose
            | Effect::SaveCustomer { .. }
            | Effect::RecordTabPayment { .. }
            | Effect::PrintTabStatement { .. }
            | Effect::LoadSalesNear { .. }
            | Effect::LoadSaleDetail { .. }
            | Effect::LoadCustomers
            // Cash in and out is recorded with a reason; no manager is asked for it.
            | Effect::RecordCashMove { .. }
            | Effect::LoadSettings
            | Effect::LoadPayouts
            | Effect::WriteSettlements { .. }
            // Reports that only read.
            | Effect::WriteDayReport { .. }
            | Effect::WriteRecap { .. }
            | Effect::WriteStatement { .. }
            // Giving goods without a barcode one of the corner's own moves no money.
            | Effect::WriteLabels { .. }
            | Effect::RecordSale { .. }
            | Effect::LoadSales
            | Effect::ReprintReceipt { .. }
            | Effect::Quit
            | Effect::LoadStock
            | Effect::ReturnDailyGoods
            | Effect::LoadProducts
            | Effect::SetProductActive { .. }
            | Effect::AddProduct(_)
            | Effect::LoadProducers
            | Effect::AddProducer(_)
            | Effect::SetProducerActive { .. }
            | Effect::CreateManager { .. }
            | Effect::SetFirstPin { .. }
            | Effect::SignIn { .. }
            | Effect::Approve { .. }
            | Effect::LoadUsers
            | Effect::LoadHistory(_)
            | Effect::LoadGlance(_)
            | Effect::LoadDailySales(_)
            // A cart parked or recalled is not sold yet: nothing to approve.
            | Effect::ParkCart(_)
            | Effect::LoadParked
            | Effect::RecallCart(_) => None,
        }
    }
}

/// Users who can sign in: active, with a PIN, whose name starts with the filter, then those
/// with a later word that does. A letter inside a word matches nothing: "r" must pick Rina,
/// never Sari, or Rina's PIN is tried against Sari and counts toward locking Sari out.
fn sign_in_list<'a>(app: &'a App, filter: &str) -> Vec<&'a User> {
    let filter = filter.to_lowercase();
    let can = |u: &&User| u.active && u.has_pin;
    let name_starts = |u: &&User| u.name.to_lowercase().starts_with(&filter);
    let word_starts = |u: &&User| {
        u.name
            .to_lowercase()
            .split_whitespace()
            .skip(1)
            .any(|word| word.starts_with(&filter))
    };
    let first = app.users.iter().filter(can).filter(name_starts);
    let then = app
        .users
        .iter()
        .filter(can)
        .filter(|u| !name_starts(u) && word_starts(u));
    first.chain(then).collect()
}

/// The names the sign-in list shows for this filter, in its order.
#[cfg(test)]
pub(super) fn sign_in_names(app: &App, filter: &str) -> Vec<String> {
    sign_in_list(app, filter)
        .into_iter()
        .map(|u| u.name.clone())
        .collect()
}

fn managers(app: &App) -> Vec<&User> {
    app.users
        .iter()
        .filter(|u| u.active && u.has_pin && u.is_manager())
        .collect()
}

/// The users as the ledger has them: at start (which gate opens) and after any change.
pub(super) fn users_loaded(app: &mut App, users: Vec<User>) -> Vec<Effect> {
    app.users = users;
    if let Screen::Users(screen) = &mut app.screen {
        screen.loaded(app.users.clone());
    }
    // Before anyone is signed in, the gate follows the users: a first start that another
    // kiosk finished meanwhile becomes the sign-in screen.
    if app.user.is_none() && !matches!(app.prompt, Some(TrustPrompt::SignIn(_))) {
        app.prompt = Some(first_gate(app));
    }
    Vec::new()
}

/// A new ledger sets up its shop and manager; a till-era one has a manager without a PIN;
/// otherwise someone signs in.
fn first_gate(app: &App) -> TrustPrompt {
    if app.users.is_empty() {
        return TrustPrompt::Setup(SetupForm::default());
    }
    if sign_in_list(app, "").is_empty()
        && let Some(manager) = app
            .users
            .iter()
            .find(|u| u.active && u.is_manager() && !u.has_pin)
    {
        return TrustPrompt::FirstPin(FirstPinForm {
            user: manager.clone(),
            pin: Pin::new(),
            again: Pin::new(),
            on_again: false,
        });
    }
    // The name given with `--attendant` is picked already.
    let list = sign_in_list(app, "");
    let selected = list
        .iter()
        .position(|u| u.name.eq_ignore_ascii_case(app.attendant.trim()))
        .unwrap_or(0);
    TrustPrompt::SignIn(SignInForm {
        filter: String::new(),
        selected,
        pin: Pin::new(),
        locked_by: None,
        tried: None,
    })
}

/// Ctrl+L or idle time: the lock screen over everything, the same user picked. Whatever was
/// on screen stays behind it, untouched; an approval that was waiting is dropped.
pub(super) fn lock(app: &mut App) {
    let Some(user) = &app.user else { return };
    let name = user.name.clone();
    let selected = sign_in_list(app, "")
        .iter()
        .position(|u| u.id == user.id)
        .unwrap_or(0);
    app.help = false;
    app.note = None;
    // A PIN half typed into a user form is not left behind the lock.
    if let Screen::Users(screen) = &mut app.screen
        && let Some(form) = &mut screen.form
    {
        form.pin.clear();
        form.again.clear();
    }
    app.prompt = Some(TrustPrompt::SignIn(SignInForm {
        filter: String::new(),
        selected,
        pin: Pin::new(),
        locked_by: Some(name),
        tried: None,
    }));
}

/// Signing in was refused: the message names whose PIN was tried, the user highlighted.
pub(super) fn sign_in_failed(app: &mut App, reason: super::failure::Failure) {
    let tried = match &app.prompt {
        Some(TrustPrompt::SignIn(form)) => form.tried.clone(),
        _ => None,
    };
    app.set_note(match tried {
        Some(name) => Note::Trust(TrustNote::SignInRefused(name, reason)),
        None => Note::Failed(super::failure::FailedEffect::SignIn, reason),
    });
}

/// The runtime's clock. Locks the till once nobody has pressed a key for the idle time.
pub(super) fn clock(app: &mut App, now: NaiveDateTime) -> Vec<Effect> {
    app.clock = Some(now);
    let last = *app.last_key.get_or_insert(now);
    let open_to_keys = matches!(app.prompt, None | Some(TrustPrompt::Approval(_)));
    if app.user.is_some() && open_to_keys && now - last >= app.lock_after {
        lock(app);
    }
    Vec::new()
}

pub(super) fn signed_in(app: &mut App, user: User) -> Vec<Effect> {
    app.prompt = None;
    app.last_key = app.clock;
    // The open-day form offers the person at the till, not whoever was there before.
    if let Screen::OpenDay(form) = &mut app.screen
        && (form.attendant.trim().is_empty() || form.attendant == app.attendant)
    {
        form.attendant = user.name.clone();
        form.field = super::open_day_form::Field::Float;
    }
    app.attendant = user.name.clone();
    app.set_note(Note::Trust(TrustNote::SignedIn(user.name.clone())));
    app.user = Some(user);
    Vec::new()
}

/// The recovery code the first start issued: over the till, until Enter.
pub(super) fn show_recovery(
    app: &mut App,
    code: String,
    manager: String,
    filed: Result<std::path::PathBuf, super::failure::Failure>,
) {
    app.prompt = Some(TrustPrompt::Recovery(RecoveryShown {
        code,
        manager,
        filed,
    }));
}

/// The manager's PIN was right and the held effects have run with their approval.
pub(super) fn approval_granted(app: &mut App, manager: User) -> Vec<Effect> {
    let Some(TrustPrompt::Approval(approval)) = app.prompt.take() else {
        return Vec::new();
    };
    app.set_note(Note::Trust(TrustNote::Approved(manager.name)));
    match approval.then {
        Some(Then::OpenUsers) => {
            app.screen = Screen::Users(Box::new(super::users::UsersScreen::loading()));
            vec![Effect::LoadUsers]
        }
        None => Vec::new(),
    }
}

/// The ledger refused `effect` for want of a manager's approval (a count with a difference):
/// the popup holds it, as if `hold` had.
pub(super) fn approval_needed(app: &mut App, effect: Effect) -> Vec<Effect> {
    let reason = match &effect {
        Effect::RecordStock(StockEntry::Count { .. }) => ApprovalReason::Count,
        other => other.approval_reason().unwrap_or(ApprovalReason::Other),
    };
    match &mut app.prompt {
        Some(TrustPrompt::Approval(approval)) => approval.held.push(effect),
        _ => open_approval(app, vec![effect], None, reason),
    }
    Vec::new()
}

/// The central gate, applied to every effect `update` returns: with an attendant signed in,
/// what needs approval is held in the popup (nothing of it runs) and the rest goes on.
pub(super) fn hold(app: &mut App, effects: Vec<Effect>) -> Vec<Effect> {
    let attendant = app.user.as_ref().is_some_and(|u| u.role == Role::Attendant);
    // A close on the PIN asks for it from a signed-in manager too: the PIN is what stands
    // between a key storm and a closed day.
    let (held, free): (Vec<Effect>, Vec<Effect>) = effects.into_iter().partition(|e| {
        matches!(e, Effect::CloseDayOnPin { .. }) || (attendant && e.needs_approval())
    });
    if held.is_empty() {
        return free;
    }
    match &mut app.prompt {
        Some(TrustPrompt::Approval(approval)) => approval.held.extend(held),
        _ => {
            let reason = held
                .iter()
                .find_map(Effect::approval_reason)
                .unwrap_or(ApprovalReason::Other);
            open_approval(app, held, None, reason);
        }
    }
    free
}

fn open_approval(app: &mut App, held: Vec<Effect>, then: Option<Then>, reason: ApprovalReason) {
    app.help = false;
    app.prompt = Some(TrustPrompt::Approval(Approval {
        held,
        then,
        reason,
        selected: 0,
        pin: Pin::new(),
    }));
}

/// Ctrl+U: the users screen is the manager's; an attendant gets the approval popup first
/// and the screen is not opened yet (true).
pub(super) fn users_need_approval(app: &mut App) -> bool {
    let attendant = app.user.as_ref().is_some_and(|u| u.role == Role::Attendant);
    if attendant {
        open_approval(
            app,
            Vec::new(),
            Some(Then::OpenUsers),
            ApprovalReason::Users,
        );
    }
    attendant
}

/// A key while a gate is open: the gate has it, whatever it is.
pub(super) fn gate_key(app: &mut App, msg: Msg) -> Vec<Effect> {
    let Some(gate) = app.prompt.take() else {
        return Vec::new();
    };
    let (gate, effects) = match gate {
        TrustPrompt::Setup(form) => setup_key(app, form, msg),
        TrustPrompt::FirstPin(form) => first_pin_key(app, form, msg),
        TrustPrompt::SignIn(form) => sign_in_key(app, form, msg),
        TrustPrompt::Approval(approval) => approval_key(app, approval, msg),
        TrustPrompt::Recovery(_) if recovery_shown::done(&msg) => (None, Vec::new()),
        TrustPrompt::Recovery(_) if msg == Msg::Quit => quit(app),
        gate @ TrustPrompt::Recovery(_) => (Some(gate), Vec::new()),
    };
    // A quit or a granted sign-in may have closed the gate meanwhile.
    if app.prompt.is_none() {
        app.prompt = gate;
    }
    effects
}

fn setup_key(app: &mut App, mut form: SetupForm, msg: Msg) -> (Option<TrustPrompt>, Vec<Effect>) {
    const FIELDS: usize = 4;
    match msg {
        Msg::Input(c) => match form.field {
            0 => type_into(&mut form.shop, c, MAX_NAME),
            1 => type_into(&mut form.name, c, MAX_NAME),
            2 => form.pin.push(c),
            _ => form.again.push(c),
        },
        Msg::Backspace => match form.field {
            0 => {
                form.shop.pop();
            }
            1 => {
                form.name.pop();
            }
            2 => form.pin.pop(),
            _ => form.again.pop(),
        },
        Msg::Next | Msg::Down => form.field = (form.field + 1) % FIELDS,
        Msg::Prev | Msg::Up => form.field = (form.field + FIELDS - 1) % FIELDS,
        Msg::Submit if form.field + 1 < FIELDS => form.field += 1,
        Msg::Submit => {
            let problem = if form.shop.trim().is_empty() {
                Some((0, TrustNote::ShopEmpty))
            } else if form.name.trim().is_empty() {
                Some((1, TrustNote::NameEmpty))
            } else {
                new_pin_problem(&mut form.pin, &mut form.again).map(|n| (2, n))
            };
            if let Some((field, note)) = problem {
                form.field = field;
                app.set_note(Note::Trust(note));
            } else {
                let effect = Effect::CreateManager {
                    shop: form.shop.trim().to_string(),
                    name: form.name.trim().to_string(),
                    pin: form.pin.take(),
                };
                form.again.clear();
                return (Some(TrustPrompt::Setup(form)), vec![effect]);
            }
        }
        Msg::Quit => return quit(app),
        _ => {}
    }
    (Some(TrustPrompt::Setup(form)), Vec::new())
}

/// A new PIN typed twice: what is wrong with it, if anything (both are wiped then).
fn new_pin_problem(pin: &mut Pin, again: &mut Pin) -> Option<TrustNote> {
    let problem = match check_new_pin(pin.as_str()) {
        Err(problem) => Some(TrustNote::Pin(problem)),
        Ok(()) if pin != again => Some(TrustNote::PinsDiffer),
        Ok(()) => None,
    };
    if problem.is_some() {
        pin.clear();
        again.clear();
    }
    problem
}

fn first_pin_key(
    app: &mut App,
    mut form: FirstPinForm,
    msg: Msg,
) -> (Option<TrustPrompt>, Vec<Effect>) {
    match msg {
        Msg::Input(c) if form.on_again => form.again.push(c),
        Msg::Input(c) => form.pin.push(c),
        Msg::Backspace if form.on_again => form.again.pop(),
        Msg::Backspace => form.pin.pop(),
        Msg::Next | Msg::Prev | Msg::Up | Msg::Down => form.on_again = !form.on_again,
        Msg::Submit if !form.on_again => form.on_again = true,
        Msg::Submit => match new_pin_problem(&mut form.pin, &mut form.again) {
            Some(note) => {
                form.on_again = false;
                app.set_note(Note::Trust(note));
            }
            None => {
                let effect = Effect::SetFirstPin {
                    user_id: form.user.id,
                    pin: form.pin.take(),
                };
                form.again.clear();
                form.on_again = false;
                return (Some(TrustPrompt::FirstPin(form)), vec![effect]);
            }
        },
        Msg::Quit => return quit(app),
        _ => {}
    }
    (Some(TrustPrompt::FirstPin(form)), Vec::new())
}

fn sign_in_key(
    app: &mut App,
    mut form: SignInForm,
    msg: Msg,
) -> (Option<TrustPrompt>, Vec<Effect>) {
    let count = sign_in_list(app, &form.filter).len();
    match msg {
        // Digits are the PIN; letters look for the name.
        Msg::Input(c) if c.is_ascii_digit() => form.pin.push(c),
        Msg::Input(c) => {
            type_into(&mut form.filter, c, MAX_NAME);
            form.selected = 0;
            form.pin.clear();
        }
        Msg::Backspace if !form.pin.is_empty() => form.pin.pop(),
        Msg::Backspace => {
            form.filter.pop();
            form.selected = 0;
        }
        Msg::Up | Msg::Prev => {
            form.selected = form.selected.saturating_sub(1);
            form.pin.clear();
        }
        Msg::Down | Msg::Next => {
            if form.selected + 1 < count {
                form.selected += 1;
            }
            form.pin.clear();
        }
        Msg::Cancel => {
            form.pin.clear();
            form.filter.clear();
            form.selected = 0;
        }
        Msg::Submit => {
            let user = sign_in_list(app, &form.filter)
                .get(form.selected)
                .map(|u| u.id);
            match user {
                None => app.set_note(Note::Trust(TrustNote::PickUser)),
                Some(_) if form.pin.is_empty() => {}
                Some(_) if form.pin.len() > crate::domain::users::PIN_MAX_DIGITS => {
                    form.pin.clear();
                    app.set_note(Note::Trust(TrustNote::Pin(PinProblem::Length)));
                }
                Some(user_id) => {
                    let pin = form.pin.take();
                    form.tried = app
                        .users
                        .iter()
                        .find(|u| u.id == user_id)
                        .map(|u| u.name.clone());
                    return (
                        Some(TrustPrompt::SignIn(form)),
                        vec![Effect::SignIn { user_id, pin }],
                    );
                }
            }
        }
        // Nothing is lost by leaving from the sign-in screen; the lock screen keeps the
        // till as it was for whoever unlocks it.
        Msg::Quit if form.locked_by.is_none() => return quit(app),
        _ => {}
    }
    (Some(TrustPrompt::SignIn(form)), Vec::new())
}

fn approval_key(
    app: &mut App,
    mut approval: Approval,
    msg: Msg,
) -> (Option<TrustPrompt>, Vec<Effect>) {
    let count = managers(app).len();
    match msg {
        Msg::Input(c) => approval.pin.push(c),
        Msg::Backspace => approval.pin.pop(),
        Msg::Up | Msg::Prev => {
            approval.selected = approval.selected.saturating_sub(1);
            approval.pin.clear();
        }
        Msg::Down | Msg::Next => {
            if approval.selected + 1 < count {
                approval.selected += 1;
            }
            approval.pin.clear();
        }
        Msg::Cancel => {
            app.set_note(Note::Trust(TrustNote::ApprovalCancelled));
            return (None, Vec::new());
        }
        Msg::Submit => {
            let manager = managers(app).get(approval.selected).map(|u| u.id);
            match manager {
                None => app.set_note(Note::Trust(TrustNote::NoManager)),
                Some(_) if approval.pin.is_empty() => {}
                Some(_) if approval.pin.len() > crate::domain::users::PIN_MAX_DIGITS => {
                    approval.pin.clear();
                    app.set_note(Note::Trust(TrustNote::Pin(PinProblem::Length)));
                }
                Some(manager_id) => {
                    let effect = Effect::Approve {
                        manager_id,
                        pin: approval.pin.take(),
                        held: approval.held.clone(),
                    };
                    return (Some(TrustPrompt::Approval(approval)), vec![effect]);
                }
            }
        }
        // Every other key, F-keys and commands included, is swallowed.
        _ => {}
    }
    (Some(TrustPrompt::Approval(approval)), Vec::new())
}

fn quit(app: &mut App) -> (Option<TrustPrompt>, Vec<Effect>) {
    app.quit = true;
    (None, vec![Effect::Quit])
}

// ---- drawing ----

/// Whether the gate takes the whole screen: nothing of the till may show behind a lock.
pub(super) fn hides_screen(gate: &TrustPrompt) -> bool {
    !matches!(gate, TrustPrompt::Approval(_))
}

pub(super) fn draw_gate(app: &App, gate: &TrustPrompt, frame: &mut Frame, area: Rect) {
    match gate {
        TrustPrompt::Setup(form) => draw_setup(app, form, frame, area),
        TrustPrompt::FirstPin(form) => draw_first_pin(app, form, frame, area),
        TrustPrompt::SignIn(form) => draw_sign_in(app, form, frame, area),
        TrustPrompt::Approval(approval) => draw_approval(app, approval, frame, area),
        TrustPrompt::Recovery(shown) => recovery_shown::draw(app.lang, shown, frame, area),
    }
}

/// One labelled field; the focused one is reversed and holds the cursor.
/// The gates' forms: a label of 16, a value of 30.
const GATE_FIELDS: FieldLayout = FieldLayout {
    indent: 1,
    label: 16,
    value: 30,
};

fn field_line(frame: &mut Frame, row: Rect, label: &str, value: &str, focused: bool) {
    super::widgets::field_line(frame, row, GATE_FIELDS, label, value, focused);
}

fn panel(frame: &mut Frame, area: Rect, title: &str, width: u16, height: u16) -> Rect {
    let popup = centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(Style::new().cyan().bold());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    inner
}

fn draw_setup(app: &App, form: &SetupForm, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().ui.trust;
    let inner = panel(frame, area, t.setup_title, 70, 13);
    let [intro, _, rows] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner.inner(Margin::new(1, 0)));
    frame.render_widget(
        Paragraph::new(t.setup_intro).wrap(Wrap { trim: true }),
        intro,
    );
    let rows: [Rect; 4] = Layout::vertical([Constraint::Length(1); 4]).areas(rows);
    let pin = form.pin.dots();
    let again = form.again.dots();
    let values = [form.shop.as_str(), form.name.as_str(), &pin, &again];
    for (i, row) in rows.into_iter().enumerate() {
        field_line(frame, row, t.setup_labels[i], values[i], form.field == i);
    }
}

fn draw_first_pin(app: &App, form: &FirstPinForm, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().ui.trust;
    let inner = panel(frame, area, &(t.first_pin_title)(&form.user.name), 70, 11);
    let [intro, _, pin, again] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner.inner(Margin::new(1, 0)));
    frame.render_widget(
        Paragraph::new(t.first_pin_intro).wrap(Wrap { trim: true }),
        intro,
    );
    field_line(frame, pin, t.pin_label, &form.pin.dots(), !form.on_again);
    field_line(
        frame,
        again,
        t.pin_again_label,
        &form.again.dots(),
        form.on_again,
    );
}

fn draw_sign_in(app: &App, form: &SignInForm, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().ui.trust;
    let title = if form.locked_by.is_some() {
        t.lock_title
    } else {
        t.sign_in_title
    };
    let inner = panel(frame, area, title, 64, 18);
    let [intro, filter, list, _, pin, hint] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(2),
    ])
    .areas(inner.inner(Margin::new(1, 0)));
    if let Some(name) = &form.locked_by {
        frame.render_widget(
            Paragraph::new((t.lock_intro)(name)).wrap(Wrap { trim: true }),
            intro,
        );
    }
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::from(format!(" {}: ", t.user_label)).bold(),
            Span::from(form.filter.clone()),
        ])),
        filter,
    );
    let rows = sign_in_list(app, &form.filter).into_iter().map(|u| {
        Row::new(vec![
            Cell::from(u.name.clone()),
            Cell::from((t.role_name)(u.role)),
        ])
    });
    let table = Table::new(rows, [Constraint::Fill(1), Constraint::Length(12)]);
    draw_list(frame, list, table, form.selected);
    field_line(frame, pin, t.pin_label, &form.pin.dots(), true);
    if !app.demo_logins.is_empty() {
        let list: Vec<String> = app
            .demo_logins
            .iter()
            .map(|(name, role, pin)| format!("{name} ({}) PIN {pin}", (t.role_name)(*role)))
            .collect();
        frame.render_widget(
            Paragraph::new((t.demo_logins)(&list.join(", ")).yellow()).wrap(Wrap { trim: true }),
            hint,
        );
    }
}

fn draw_approval(app: &App, approval: &Approval, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().ui.trust;
    let popup = centered(area, 64, 11);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", t.approval_title))
        .border_style(Style::new().red().bold());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [body, _, manager, pin, _, hints] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner.inner(Margin::new(1, 0)));
    let what = approval.reason.what(app.lang);
    frame.render_widget(
        Paragraph::new((t.approval_body)(what))
            .bold()
            .wrap(Wrap { trim: true }),
        body,
    );
    let managers = managers(app);
    let name = match managers.get(approval.selected) {
        Some(m) if managers.len() > 1 => format!("{} ↑/↓", m.name),
        Some(m) => m.name.clone(),
        None => t.no_manager.to_string(),
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::from(format!(" {:<16} ", t.manager_label)).bold(),
            Span::from(name),
        ])),
        manager,
    );
    field_line(frame, pin, t.pin_label, &approval.pin.dots(), true);
    let keys = &app.lang.text().ui.keys;
    let mut spans = Vec::new();
    for b in bar_for(Focus::Approval) {
        spans.push(Span::from(format!(" {} ", b.keys_label(keys))).reversed());
        spans.push(Span::from(format!(" {}   ", b.bar.map_or("", |s| s(keys)))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans).centered()), hints);
}
