//! Who is at the till: the first start (the shop and its manager), signing in, the lock
//! screen (Ctrl+L, or idle time passed in by the runtime), and the manager's approval popup —
//! the one gate that holds every effect an attendant may not run alone until a manager types
//! their PIN. Screens never ask for approval themselves: `hold` does, on their effects.

use chrono::TimeDelta;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row, Table, Wrap};

use super::app::App;
use super::effect::{Effect, StockEntry};
use super::failure::{ApprovalReason, FailedEffect, Failure};
use super::input::type_into;
use super::keymap::{Focus, bar_for};
use super::msg::Key;
use super::note::Note;
use super::note::TrustNote;
use super::outcome::{Outcome, Place};
use super::pin::Pin;
use super::recovery_shown::{self, RecoveryShown};
pub(super) use super::trust_prompt::{
    Approval, FirstPinForm, SetupForm, SignInForm, Then, TrustPrompt, Who,
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
            // with `Answer::ApprovalNeeded`, which opens this same popup.
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
fn sign_in_list<'a>(users: &'a [User], filter: &str) -> Vec<&'a User> {
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
    let first = users.iter().filter(can).filter(name_starts);
    let then = users
        .iter()
        .filter(can)
        .filter(|u| !name_starts(u) && word_starts(u));
    first.chain(then).collect()
}

/// The names the sign-in list shows for this filter, in its order.
#[cfg(test)]
pub(super) fn sign_in_names(app: &App, filter: &str) -> Vec<String> {
    sign_in_list(&app.users, filter)
        .into_iter()
        .map(|u| u.name.clone())
        .collect()
}

fn managers(users: &[User]) -> Vec<&User> {
    users
        .iter()
        .filter(|u| u.active && u.has_pin && u.is_manager())
        .collect()
}

/// The gate the users just loaded call for: before anyone is signed in, the gate follows
/// them, so a first start that another kiosk finished meanwhile becomes the sign-in screen.
pub(super) fn gate_for_users(who: &Who, gate: Option<&TrustPrompt>) -> Option<TrustPrompt> {
    let signing_in = matches!(gate, Some(TrustPrompt::SignIn(_)));
    (who.user.is_none() && !signing_in).then(|| first_gate(who))
}

/// A new ledger sets up its shop and manager; a till-era one has a manager without a PIN;
/// otherwise someone signs in.
fn first_gate(who: &Who) -> TrustPrompt {
    if who.users.is_empty() {
        return TrustPrompt::Setup(SetupForm::default());
    }
    if sign_in_list(who.users, "").is_empty()
        && let Some(manager) = who
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
    let list = sign_in_list(who.users, "");
    let selected = list
        .iter()
        .position(|u| u.name.eq_ignore_ascii_case(who.attendant.trim()))
        .unwrap_or(0);
    TrustPrompt::SignIn(SignInForm {
        filter: String::new(),
        selected,
        pin: Pin::new(),
        locked_by: None,
        tried: None,
    })
}

/// Ctrl+L or idle time: the lock screen, the same user picked; `None` with nobody signed in.
/// The hub puts it over everything and leaves whatever was on screen behind it, untouched.
pub(super) fn lock_screen(who: &Who) -> Option<TrustPrompt> {
    let user = who.user?;
    let selected = sign_in_list(who.users, "")
        .iter()
        .position(|u| u.id == user.id)
        .unwrap_or(0);
    Some(TrustPrompt::SignIn(SignInForm {
        filter: String::new(),
        selected,
        pin: Pin::new(),
        locked_by: Some(user.name.clone()),
        tried: None,
    }))
}

/// Signing in was refused: the note names whose PIN was tried.
pub(super) fn sign_in_refused(gate: Option<&TrustPrompt>, reason: Failure) -> Note {
    let tried = match gate {
        Some(TrustPrompt::SignIn(form)) => form.tried.clone(),
        _ => None,
    };
    match tried {
        Some(name) => Note::Trust(TrustNote::SignInRefused(name, reason)),
        None => Note::Failed(FailedEffect::SignIn, reason),
    }
}

/// Whether the till locks itself now, nobody having pressed a key for `idle`.
pub(super) fn idle_locks(
    who: &Who,
    gate: Option<&TrustPrompt>,
    idle: TimeDelta,
    lock_after: TimeDelta,
) -> bool {
    let open_to_keys = matches!(gate, None | Some(TrustPrompt::Approval(_)));
    who.user.is_some() && open_to_keys && idle >= lock_after
}

/// The recovery code the first start issued: over the till, until Enter.
pub(super) fn recovery(
    code: String,
    manager: String,
    filed: Result<std::path::PathBuf, Failure>,
) -> TrustPrompt {
    TrustPrompt::Recovery(RecoveryShown {
        code,
        manager,
        filed,
    })
}

/// The manager's PIN was right and the held effects have run with their approval: said, and
/// the place it was asked for opens (as it stands: the approval is given).
pub(super) fn approval_granted(approval: Approval, manager: User) -> Outcome {
    let said = Note::Trust(TrustNote::Approved(manager.name));
    match approval.then {
        Some(Then::OpenUsers) => Outcome::open(Place::At(Focus::Users)).note(said),
        None => Outcome::stay().note(said),
    }
}

/// Why the ledger refused `effect` for want of a manager's approval (a count with a
/// difference): the popup holds it, as if `hold` had.
pub(super) fn refused_for(effect: &Effect) -> ApprovalReason {
    match effect {
        Effect::RecordStock(StockEntry::Count { .. }) => ApprovalReason::Count,
        other => other.approval_reason().unwrap_or(ApprovalReason::Other),
    }
}

/// The central gate, applied to every effect `update` returns: with an attendant signed in,
/// what needs approval is held (nothing of it runs) and the rest goes on. Gives the held,
/// with why, and the free.
pub(super) fn hold(
    who: &Who,
    effects: Vec<Effect>,
) -> (Option<(Vec<Effect>, ApprovalReason)>, Vec<Effect>) {
    let attendant = who.user.is_some_and(|u| u.role == Role::Attendant);
    // A close on the PIN asks for it from a signed-in manager too: the PIN is what stands
    // between a key storm and a closed day.
    let (held, free): (Vec<Effect>, Vec<Effect>) = effects.into_iter().partition(|e| {
        matches!(e, Effect::CloseDayOnPin { .. }) || (attendant && e.needs_approval())
    });
    if held.is_empty() {
        return (None, free);
    }
    let reason = held
        .iter()
        .find_map(Effect::approval_reason)
        .unwrap_or(ApprovalReason::Other);
    (Some((held, reason)), free)
}

/// The approval popup, holding `held` until a manager types their PIN.
pub(super) fn approval(
    held: Vec<Effect>,
    then: Option<Then>,
    reason: ApprovalReason,
) -> TrustPrompt {
    TrustPrompt::Approval(Approval {
        held,
        then,
        reason,
        selected: 0,
        pin: Pin::new(),
    })
}

/// Ctrl+U: the users screen is the manager's; an attendant gets the approval popup first,
/// and the screen opens once it is given.
pub(super) fn users_approval(who: &Who) -> Option<TrustPrompt> {
    let attendant = who.user.is_some_and(|u| u.role == Role::Attendant);
    attendant.then(|| approval(Vec::new(), Some(Then::OpenUsers), ApprovalReason::Users))
}

/// What a gate answers a key with: the gate as it stays open (`None`: it closes) and an
/// outcome (effects, a note, or quitting).
type GateAnswer = (Option<TrustPrompt>, Outcome);

/// A key while a gate is open: the gate has it, whatever it is.
pub(super) fn gate_key(who: &Who, gate: TrustPrompt, msg: Key) -> GateAnswer {
    match gate {
        TrustPrompt::Setup(form) => setup_key(form, msg),
        TrustPrompt::FirstPin(form) => first_pin_key(form, msg),
        TrustPrompt::SignIn(form) => sign_in_key(who, form, msg),
        TrustPrompt::Approval(approval) => approval_key(who, approval, msg),
        TrustPrompt::Recovery(_) if recovery_shown::done(&msg) => (None, Outcome::stay()),
        TrustPrompt::Recovery(_) if msg == Key::Quit => (None, Outcome::quit()),
        gate @ TrustPrompt::Recovery(_) => (Some(gate), Outcome::stay()),
    }
}

fn setup_key(mut form: SetupForm, msg: Key) -> GateAnswer {
    const FIELDS: usize = 4;
    let mut said = None;
    match msg {
        Key::Input(c) => match form.field {
            0 => type_into(&mut form.shop, c, MAX_NAME),
            1 => type_into(&mut form.name, c, MAX_NAME),
            2 => form.pin.push(c),
            _ => form.again.push(c),
        },
        Key::Backspace => match form.field {
            0 => {
                form.shop.pop();
            }
            1 => {
                form.name.pop();
            }
            2 => form.pin.pop(),
            _ => form.again.pop(),
        },
        Key::Next | Key::Down => form.field = (form.field + 1) % FIELDS,
        Key::Prev | Key::Up => form.field = (form.field + FIELDS - 1) % FIELDS,
        Key::Submit if form.field + 1 < FIELDS => form.field += 1,
        Key::Submit => {
            let problem = if form.shop.trim().is_empty() {
                Some((0, TrustNote::ShopEmpty))
            } else if form.name.trim().is_empty() {
                Some((1, TrustNote::NameEmpty))
            } else {
                new_pin_problem(&mut form.pin, &mut form.again).map(|n| (2, n))
            };
            if let Some((field, note)) = problem {
                form.field = field;
                said = Some(Note::Trust(note));
            } else {
                let effect = Effect::CreateManager {
                    shop: form.shop.trim().to_string(),
                    name: form.name.trim().to_string(),
                    pin: form.pin.take(),
                };
                form.again.clear();
                return (
                    Some(TrustPrompt::Setup(form)),
                    Outcome::stay().run(vec![effect]),
                );
            }
        }
        Key::Quit => return (None, Outcome::quit()),
        _ => {}
    }
    (
        Some(TrustPrompt::Setup(form)),
        Outcome::stay().maybe_note(said),
    )
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

fn first_pin_key(mut form: FirstPinForm, msg: Key) -> GateAnswer {
    let mut said = None;
    match msg {
        Key::Input(c) if form.on_again => form.again.push(c),
        Key::Input(c) => form.pin.push(c),
        Key::Backspace if form.on_again => form.again.pop(),
        Key::Backspace => form.pin.pop(),
        Key::Next | Key::Prev | Key::Up | Key::Down => form.on_again = !form.on_again,
        Key::Submit if !form.on_again => form.on_again = true,
        Key::Submit => match new_pin_problem(&mut form.pin, &mut form.again) {
            Some(note) => {
                form.on_again = false;
                said = Some(Note::Trust(note));
            }
            None => {
                let effect = Effect::SetFirstPin {
                    user_id: form.user.id,
                    pin: form.pin.take(),
                };
                form.again.clear();
                form.on_again = false;
                return (
                    Some(TrustPrompt::FirstPin(form)),
                    Outcome::stay().run(vec![effect]),
                );
            }
        },
        Key::Quit => return (None, Outcome::quit()),
        _ => {}
    }
    (
        Some(TrustPrompt::FirstPin(form)),
        Outcome::stay().maybe_note(said),
    )
}

fn sign_in_key(who: &Who, mut form: SignInForm, msg: Key) -> GateAnswer {
    let count = sign_in_list(who.users, &form.filter).len();
    let mut said = None;
    match msg {
        // Digits are the PIN; letters look for the name.
        Key::Input(c) if c.is_ascii_digit() => form.pin.push(c),
        Key::Input(c) => {
            type_into(&mut form.filter, c, MAX_NAME);
            form.selected = 0;
            form.pin.clear();
        }
        Key::Backspace if !form.pin.is_empty() => form.pin.pop(),
        Key::Backspace => {
            form.filter.pop();
            form.selected = 0;
        }
        Key::Up | Key::Prev => {
            form.selected = form.selected.saturating_sub(1);
            form.pin.clear();
        }
        Key::Down | Key::Next => {
            if form.selected + 1 < count {
                form.selected += 1;
            }
            form.pin.clear();
        }
        Key::Cancel => {
            form.pin.clear();
            form.filter.clear();
            form.selected = 0;
        }
        Key::Submit => {
            let user = sign_in_list(who.users, &form.filter)
                .get(form.selected)
                .map(|u| u.id);
            match user {
                None => said = Some(Note::Trust(TrustNote::PickUser)),
                Some(_) if form.pin.is_empty() => {}
                Some(_) if form.pin.len() > crate::domain::users::PIN_MAX_DIGITS => {
                    form.pin.clear();
                    said = Some(Note::Trust(TrustNote::Pin(PinProblem::Length)));
                }
                Some(user_id) => {
                    let pin = form.pin.take();
                    form.tried = who
                        .users
                        .iter()
                        .find(|u| u.id == user_id)
                        .map(|u| u.name.clone());
                    let effect = Effect::SignIn { user_id, pin };
                    return (
                        Some(TrustPrompt::SignIn(form)),
                        Outcome::stay().run(vec![effect]),
                    );
                }
            }
        }
        // Nothing is lost by leaving from the sign-in screen; the lock screen keeps the
        // till as it was for whoever unlocks it.
        Key::Quit if form.locked_by.is_none() => return (None, Outcome::quit()),
        _ => {}
    }
    (
        Some(TrustPrompt::SignIn(form)),
        Outcome::stay().maybe_note(said),
    )
}

fn approval_key(who: &Who, mut approval: Approval, msg: Key) -> GateAnswer {
    let count = managers(who.users).len();
    let mut said = None;
    match msg {
        Key::Input(c) => approval.pin.push(c),
        Key::Backspace => approval.pin.pop(),
        Key::Up | Key::Prev => {
            approval.selected = approval.selected.saturating_sub(1);
            approval.pin.clear();
        }
        Key::Down | Key::Next => {
            if approval.selected + 1 < count {
                approval.selected += 1;
            }
            approval.pin.clear();
        }
        Key::Cancel => {
            let said = Note::Trust(TrustNote::ApprovalCancelled);
            return (None, Outcome::stay().note(said));
        }
        Key::Submit => {
            let manager = managers(who.users).get(approval.selected).map(|u| u.id);
            match manager {
                None => said = Some(Note::Trust(TrustNote::NoManager)),
                Some(_) if approval.pin.is_empty() => {}
                Some(_) if approval.pin.len() > crate::domain::users::PIN_MAX_DIGITS => {
                    approval.pin.clear();
                    said = Some(Note::Trust(TrustNote::Pin(PinProblem::Length)));
                }
                Some(manager_id) => {
                    let effect = Effect::Approve {
                        manager_id,
                        pin: approval.pin.take(),
                        held: approval.held.clone(),
                    };
                    return (
                        Some(TrustPrompt::Approval(approval)),
                        Outcome::stay().run(vec![effect]),
                    );
                }
            }
        }
        // Every other key, F-keys and commands included, is swallowed.
        _ => {}
    }
    (
        Some(TrustPrompt::Approval(approval)),
        Outcome::stay().maybe_note(said),
    )
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
    let rows = sign_in_list(&app.users, &form.filter).into_iter().map(|u| {
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
    let managers = managers(&app.users);
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
