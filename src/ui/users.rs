//! The users screen (Ctrl+U, the manager's): who may sign in, adding a user with a PIN typed
//! twice, changing a PIN, deactivating. Every change goes through the approval gate.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row, Table};

use super::dialogs::Confirm;
use super::input::type_into;
use super::pin::Pin;
use super::question::Question;
use super::screen::Outcome;
use super::trust::TrustNote;
use super::widgets::{centered, draw_list};
use super::{Action, App, Effect, Mode, Msg, Note};
use crate::domain::users::PIN_MAX_DIGITS;
use crate::domain::{Role, User, check_new_pin};

const MAX_NAME: usize = 40;

pub struct UsersScreen {
    /// `None` until the runtime has loaded them.
    pub users: Option<Vec<User>>,
    pub selected: usize,
}

impl UsersScreen {
    pub fn loading() -> UsersScreen {
        UsersScreen {
            users: None,
            selected: 0,
        }
    }

    pub fn loaded(&mut self, users: Vec<User>) {
        self.selected = self.selected.min(users.len().saturating_sub(1));
        self.users = Some(users);
    }

    fn current(&self) -> Option<&User> {
        self.users.as_ref()?.get(self.selected)
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum UserField {
    Name,
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
    pub back: UsersScreen,
}

impl UserForm {
    fn fields(&self) -> &'static [UserField] {
        match self.target {
            None => &[UserField::Name, UserField::Pin, UserField::Again],
            Some(_) => &[UserField::Pin, UserField::Again],
        }
    }

    fn step(&mut self, forward: bool) {
        let fields = self.fields();
        let at = fields.iter().position(|f| *f == self.field).unwrap_or(0);
        let n = fields.len();
        self.field = fields[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
    }
}

pub(super) fn key(_app: &mut App, mut screen: UsersScreen, msg: Msg) -> (Mode, Vec<Effect>) {
    match msg {
        Msg::Up => screen.selected = screen.selected.saturating_sub(1),
        Msg::Down => {
            let count = screen.users.as_ref().map_or(0, Vec::len);
            if screen.selected + 1 < count {
                screen.selected += 1;
            }
        }
        Msg::AddUser => {
            return (
                Mode::UserForm(Box::new(UserForm {
                    target: None,
                    name: String::new(),
                    role: Role::Attendant,
                    pin: Pin::new(),
                    again: Pin::new(),
                    field: UserField::Name,
                    back: screen,
                })),
                Vec::new(),
            );
        }
        Msg::ChangePin => {
            if let Some(user) = screen.current().filter(|u| u.active).cloned() {
                return (
                    Mode::UserForm(Box::new(UserForm {
                        name: user.name.clone(),
                        role: user.role,
                        target: Some(user),
                        pin: Pin::new(),
                        again: Pin::new(),
                        field: UserField::Pin,
                        back: screen,
                    })),
                    Vec::new(),
                );
            }
        }
        Msg::DeactivateUser => {
            if let Some(user) = screen.current().filter(|u| u.active).cloned() {
                let yes = Outcome::stay().run(vec![Effect::DeactivateUser { user_id: user.id }]);
                let question = Question::DeactivateUser {
                    user_id: user.id,
                    name: user.name,
                };
                return (
                    Mode::Confirm(Confirm::new(question, yes, Mode::Users(screen))),
                    Vec::new(),
                );
            }
        }
        Msg::Cancel => return (Mode::Sale, Vec::new()),
        _ => {}
    }
    (Mode::Users(screen), Vec::new())
}

pub(super) fn form_key(app: &mut App, mut form: Box<UserForm>, msg: Msg) -> (Mode, Vec<Effect>) {
    match msg {
        Msg::Input(c) => match form.field {
            UserField::Name => type_into(&mut form.name, c, MAX_NAME),
            UserField::Pin => form.pin_push(c),
            UserField::Again => form.again_push(c),
        },
        Msg::Backspace => match form.field {
            UserField::Name => {
                form.name.pop();
            }
            UserField::Pin => form.pin_pop(),
            UserField::Again => form.again_pop(),
        },
        Msg::Next | Msg::Down => form.step(true),
        Msg::Prev | Msg::Up => form.step(false),
        Msg::ToggleRole if form.target.is_none() => {
            form.role = match form.role {
                Role::Attendant => Role::Manager,
                Role::Manager => Role::Attendant,
            }
        }
        Msg::Record => {
            if form.target.is_none() && form.name.trim().is_empty() {
                form.field = UserField::Name;
                app.set_note(Note::Trust(TrustNote::NameEmpty));
            } else if let Err(problem) = check_new_pin(form.pin.as_str()) {
                form.clear_pins();
                app.set_note(Note::Trust(TrustNote::Pin(problem)));
            } else if form.pin != form.again {
                form.clear_pins();
                app.set_note(Note::Trust(TrustNote::PinsDiffer));
            } else {
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
                return (Mode::UserForm(form), vec![effect]);
            }
        }
        Msg::Cancel => return (Mode::Users(form.back), Vec::new()),
        _ => {}
    }
    (Mode::UserForm(form), Vec::new())
}

impl UserForm {
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

/// The users changed on disk: back to the list, fresh.
pub(super) fn changed(app: &mut App, users: Vec<User>) {
    app.users = users.clone();
    let mut screen = match std::mem::replace(&mut app.mode, Mode::Sale) {
        Mode::UserForm(form) => form.back,
        Mode::Users(screen) => screen,
        other => {
            app.mode = other;
            return;
        }
    };
    screen.loaded(users);
    app.mode = Mode::Users(screen);
    app.set_note(Note::Trust(TrustNote::UsersSaved));
}

// ---- drawing ----

pub(super) fn draw(app: &App, screen: &UsersScreen, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().ui;
    let tt = &t.trust;
    let block = Block::bordered().title(format!(" {} ", tt.users_title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(users) = &screen.users else {
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
    draw_list(frame, inner, table, screen.selected);
}

pub(super) fn draw_form(app: &App, form: &UserForm, frame: &mut Frame, area: Rect) {
    let tt = &app.lang.text().ui.trust;
    let title = match &form.target {
        None => tt.new_user_title.to_string(),
        Some(user) => (tt.change_pin_title)(&user.name),
    };
    let popup = centered(area, 60, 9);
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
        (tt.role_label, role, None),
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
pub(super) fn answer(msg: Msg) -> Outcome {
    match msg {
        Msg::Failed {
            action: Action::LoadUsers,
            ..
        } => Outcome::home(),
        _ => Outcome::stay(),
    }
}
