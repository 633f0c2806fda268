//! The users screen (Ctrl+U, the manager's): who may sign in, adding a user with a PIN typed
//! twice, changing a PIN, deactivating. Every change goes through the approval gate.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row, Table};

use super::effect::Effect;
use super::failure::FailedEffect;
use super::input::{step_field, type_into};
use super::keymap::Focus;
use super::list::FilteredList;
use super::msg::{Answer, Key};
use super::note::Note;
use super::note::TrustNote;
use super::outcome::{Ctx, Go, Outcome, Place};
use super::pin::Pin;
use super::question::Question;
use super::widgets::{centered, draw_list};
use crate::domain::users::PIN_MAX_DIGITS;
use crate::domain::{Role, User, check_new_pin};

const MAX_NAME: usize = 40;

pub struct UsersScreen {
    /// Every user; the list has no filter line, so every user is shown.
    pub list: FilteredList<User>,
    /// A new user or a new PIN being typed, over the list it returns to.
    pub form: Option<Box<UserForm>>,
    /// The selected user's detail view is open.
    pub details: bool,
}

impl UsersScreen {
    pub fn loading() -> UsersScreen {
        UsersScreen {
            list: FilteredList::loading(|_, _| true),
            form: None,
            details: false,
        }
    }

    pub fn loaded(&mut self, users: Vec<User>) {
        self.list.loaded(users);
    }

    /// The till locks: a PIN half typed into the form is not left behind the lock.
    fn forget_pins(&mut self) {
        if let Some(form) = &mut self.form {
            form.pin.clear();
            form.again.clear();
        }
    }

    fn current(&self) -> Option<&User> {
        self.list.current()
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum UserField {
    Name,
    /// A choice, toggled with Space (or F7): Tab stops on it as it stands on screen.
    Role,
    Pin,
    Again,
}

/// A new user, or a new PIN for `target`.
pub struct UserForm {
    pub target: Option<User>,
    pub name: String,
    pub role: Role,
    pub pin: Pin,
    pub again: Pin,
    pub field: UserField,
}

impl UserForm {
    fn fields(&self) -> &'static [UserField] {
        match self.target {
            None => &[
                UserField::Name,
                UserField::Role,
                UserField::Pin,
                UserField::Again,
            ],
            Some(_) => &[UserField::Pin, UserField::Again],
        }
    }

    fn step(&mut self, forward: bool) {
        self.field = step_field(self.fields(), self.field, forward, |_| true);
    }
}

/// A key on the users area: the form if one is open, else the list.
pub(super) fn key(screen: &mut UsersScreen, msg: Key) -> Outcome {
    if let Some(form) = &mut screen.form {
        let outcome = form_key(form, msg);
        if outcome.go == Go::Back {
            screen.form = None;
            return Outcome::stay();
        }
        return outcome;
    }
    if super::detail::key(&mut screen.details, screen.list.current().is_some(), &msg) {
        return Outcome::stay();
    }
    match msg {
        Key::Up | Key::Down => {
            screen.list.key(&msg, 0);
        }
        Key::AddUser => {
            screen.form = Some(Box::new(UserForm {
                target: None,
                name: String::new(),
                role: Role::Attendant,
                pin: Pin::new(),
                again: Pin::new(),
                field: UserField::Name,
            }));
        }
        Key::ChangePin => {
            if let Some(user) = screen.current().filter(|u| u.active).cloned() {
                screen.form = Some(Box::new(UserForm {
                    name: user.name.clone(),
                    role: user.role,
                    target: Some(user),
                    pin: Pin::new(),
                    again: Pin::new(),
                    field: UserField::Pin,
                }));
            }
        }
        Key::DeactivateUser => {
            if let Some(user) = screen.current().filter(|u| u.active).cloned() {
                let yes = vec![Effect::DeactivateUser { user_id: user.id }];
                let question = Question::DeactivateUser {
                    user_id: user.id,
                    name: user.name,
                };
                return Outcome::ask(question, yes);
            }
        }
        Key::Cancel => return Outcome::home(),
        _ => {}
    }
    Outcome::stay()
}

fn form_key(form: &mut UserForm, msg: Key) -> Outcome {
    match msg {
        Key::Input(' ') if form.field == UserField::Role => form.toggle_role(),
        // Nothing typed lands on a choice: a PIN typed one field early is refused here,
        // never taken as the name or lost without a word.
        Key::Input(_) if form.field == UserField::Role => {
            return Outcome::stay().note(Note::ChoiceField);
        }
        Key::Input(c) => match form.field {
            UserField::Name | UserField::Role => type_into(&mut form.name, c, MAX_NAME),
            UserField::Pin => form.pin_push(c),
            UserField::Again => form.again_push(c),
        },
        Key::Backspace => match form.field {
            UserField::Name => {
                form.name.pop();
            }
            UserField::Role => {}
            UserField::Pin => form.pin_pop(),
            UserField::Again => form.again_pop(),
        },
        Key::Next | Key::Down => form.step(true),
        Key::Prev | Key::Up => form.step(false),
        Key::ToggleRole if form.target.is_none() => form.toggle_role(),
        Key::Record => return save(form),
        Key::Cancel => return Outcome::back(),
        _ => {}
    }
    Outcome::stay()
}

/// F2 on the form: a name (for a new user) and the same good PIN twice save it.
fn save(form: &mut UserForm) -> Outcome {
    if form.target.is_none() && form.name.trim().is_empty() {
        form.field = UserField::Name;
        return Outcome::stay().note(Note::Trust(TrustNote::NameEmpty));
    }
    if let Err(problem) = check_new_pin(form.pin.as_str()) {
        form.clear_pins();
        return Outcome::stay().note(Note::Trust(TrustNote::Pin(problem)));
    }
    if form.pin != form.again {
        form.clear_pins();
        return Outcome::stay().note(Note::Trust(TrustNote::PinsDiffer));
    }
    let pin = form.pin.clone();
    form.clear_pins();
    let effect = match &form.target {
        None => Effect::AddUser {
            name: form.name.trim().to_string(),
            role: form.role,
            pin,
        },
        Some(user) => Effect::ChangePin {
            user_id: user.id,
            pin,
        },
    };
    // The form stays until the runtime says the user is saved.
    Outcome::stay().run(vec![effect])
}

impl UserForm {
    fn toggle_role(&mut self) {
        self.role = match self.role {
            Role::Attendant => Role::Manager,
            Role::Manager => Role::Attendant,
        }
    }

    fn pin_push(&mut self, c: char) {
        if self.pin.len() < PIN_MAX_DIGITS {
            self.pin.push(c);
        }
    }

    fn again_push(&mut self, c: char) {
        if self.again.len() < PIN_MAX_DIGITS {
            self.again.push(c);
        }
    }

    fn pin_pop(&mut self) {
        self.pin.pop();
    }

    fn again_pop(&mut self) {
        self.again.pop();
    }

    /// The focus goes back to the first PIN field, both wiped.
    fn clear_pins(&mut self) {
        self.pin.clear();
        self.again.clear();
        self.field = UserField::Pin;
    }
}

// ---- drawing ----

pub(super) fn draw(cx: &Ctx, screen: &UsersScreen, frame: &mut Frame, area: Rect) {
    let t = &cx.lang.text().ui;
    let tt = &t.trust;
    let block = Block::bordered().title(format!(" {} ", tt.users_title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(users) = &screen.list.items else {
        frame.render_widget(Paragraph::new(t.stock_loading), inner);
        return;
    };
    let header = Row::new(vec![
        Cell::from(tt.name_label),
        Cell::from(tt.col_role),
        Cell::from(tt.col_pin),
        Cell::from(tt.col_state),
    ])
    .bold();
    let rows = users.iter().map(|u| {
        let row = Row::new(vec![
            Cell::from(u.name.clone()),
            Cell::from((tt.role_name)(u.role)),
            Cell::from((tt.pin_set_text)(u.has_pin)),
            Cell::from((tt.active_text)(u.active)),
        ]);
        if u.active { row } else { row.dim() }
    });
    let table = Table::new(
        rows,
        [
            Constraint::Fill(1),
            Constraint::Length(12),
            Constraint::Length(8),
            Constraint::Length(10),
        ],
    )
    .header(header);
    draw_list(frame, inner, table, screen.list.selected);
    if let (true, Some(u)) = (screen.details, screen.list.current()) {
        let fields = [
            (tt.name_label, u.name.clone()),
            (tt.col_role, (tt.role_name)(u.role).to_string()),
            (tt.col_pin, (tt.pin_set_text)(u.has_pin).to_string()),
            (tt.col_state, (tt.active_text)(u.active).to_string()),
        ];
        super::detail::draw(&u.name, &fields, frame, area);
    }
}

pub(super) fn draw_form(cx: &Ctx, form: &UserForm, frame: &mut Frame, area: Rect) {
    let tt = &cx.lang.text().ui.trust;
    let title = match &form.target {
        None => tt.new_user_title.to_string(),
        Some(user) => (tt.change_pin_title)(&user.name),
    };
    let popup = centered(area, super::widgets::fit_title(60, &title, area), 9);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(Style::new().cyan());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let rows: [Rect; 5] =
        Layout::vertical([Constraint::Length(1); 5]).areas(inner.inner(Margin::new(1, 1)));
    let role = format!("{}  ({})", (tt.role_name)(form.role), tt.role_hint);
    let lines: [(&str, String, Option<UserField>); 4] = [
        (tt.name_label, form.name.clone(), Some(UserField::Name)),
        (
            tt.role_label,
            role,
            form.target.is_none().then_some(UserField::Role),
        ),
        (tt.pin_label, form.pin.dots(), Some(UserField::Pin)),
        (
            tt.pin_again_label,
            form.again.dots(),
            Some(UserField::Again),
        ),
    ];
    for ((label, value, field), row) in lines.into_iter().zip(rows) {
        let focused = field == Some(form.field);
        let prefix = format!(" {label:<12} ");
        let span = Span::from(format!(" {value:<34}"));
        let span = if focused {
            span.reversed()
        } else if field.is_some() && (form.target.is_none() || field != Some(UserField::Name)) {
            span.underlined()
        } else {
            span
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![Span::from(prefix.clone()).bold(), span])),
            row,
        );
        if focused {
            let x = row.x + (prefix.chars().count() + 1 + value.chars().count()) as u16;
            frame.set_cursor_position((x.min(row.right().saturating_sub(1)), row.y));
        }
    }
}

/// A runtime answer for the users screen.
pub(super) fn answer(screen: &mut UsersScreen, msg: Answer) -> Outcome {
    match msg {
        // The users changed on disk: back to the list, fresh.
        Answer::UsersChanged(users) => {
            screen.form = None;
            screen.loaded(users);
            Outcome::stay().note(Note::Trust(TrustNote::UsersSaved))
        }
        Answer::UsersLoaded(users) => {
            screen.loaded(users);
            Outcome::stay()
        }
        Answer::Failed {
            action: FailedEffect::LoadUsers,
            ..
        } if screen.form.is_none() => Outcome::home(),
        // Behind the lock a PIN half typed must not wait for whoever unlocks.
        Answer::Locked => {
            screen.forget_pins();
            Outcome::stay()
        }
        _ => Outcome::stay(),
    }
}

/// The screen's face to the hub, the same on every screen: how it opens, takes a key and a
/// runtime answer, which key table it reads, and how it draws.
impl UsersScreen {
    pub(super) fn open(_cx: &Ctx, _place: Place) -> (UsersScreen, Vec<Effect>) {
        (UsersScreen::loading(), vec![Effect::LoadUsers])
    }

    pub(super) fn key(&mut self, _cx: &Ctx, msg: Key) -> Outcome {
        key(self, msg)
    }

    pub(super) fn answer(&mut self, _cx: &Ctx, msg: Answer) -> Outcome {
        answer(self, msg)
    }

    pub(super) fn focus(&self) -> Focus {
        match self.form {
            Some(_) => Focus::UserForm,
            None => Focus::Users,
        }
    }

    pub(super) fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect, _focused: bool) {
        draw(cx, self, frame, area);
        if let Some(form) = &self.form {
            draw_form(cx, form, frame, area);
        }
    }
}
