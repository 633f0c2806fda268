//! The dates of a producer's statement, asked over the payouts list (F5 there): from the
//! first of the shown day's month to the shown day unless typed otherwise, as an office
//! writes dates (`01-11-2026`, `2026-11-01`, `01/11/2026`).

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::effect::Effect;
use super::input::type_into;
use super::msg::Key;
use super::note::{Note, TillNote, UndoNote};
use super::outcome::{Ctx, Outcome};
use super::widgets::{FieldLayout, centered, field_line};
use crate::domain::parse_date;

/// `31-12-2026` and `2026-12-31` both fit.
const MAX_DATE: usize = 10;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Field {
    From,
    To,
}

pub struct StatementRange {
    pub code: String,
    pub name: String,
    pub from: String,
    pub to: String,
    pub field: Field,
}

impl StatementRange {
    /// The month of `shown` up to it: what the statement covered before the dates could
    /// be typed.
    pub fn new(code: &str, name: &str, shown: NaiveDate) -> StatementRange {
        let typed = |d: NaiveDate| d.format("%d-%m-%Y").to_string();
        StatementRange {
            code: code.to_string(),
            name: name.to_string(),
            from: typed(shown.with_day(1).unwrap_or(shown)),
            to: typed(shown),
            field: Field::From,
        }
    }

    fn focused(&mut self) -> &mut String {
        match self.field {
            Field::From => &mut self.from,
            Field::To => &mut self.to,
        }
    }
}

/// A key on the form: `Ok` keeps it open, `Err` closes it with the outcome (the statement
/// asked of the runtime, or nothing after Esc).
pub(super) fn key(range: &mut StatementRange, msg: Key) -> Result<Outcome, Outcome> {
    match msg {
        Key::Input(c) => type_into(range.focused(), c, MAX_DATE),
        Key::Backspace => {
            range.focused().pop();
        }
        Key::Next | Key::Prev | Key::Up | Key::Down => {
            range.field = match range.field {
                Field::From => Field::To,
                Field::To => Field::From,
            }
        }
        Key::Submit => return submit(range),
        Key::Cancel => return Err(Outcome::stay()),
        _ => {}
    }
    Ok(Outcome::stay())
}

fn submit(range: &mut StatementRange) -> Result<Outcome, Outcome> {
    let mut read = |field: Field, text: &str| {
        parse_date(text).ok_or_else(|| {
            range.field = field;
            Outcome::stay().note(Note::BadDate(text.trim().to_string()))
        })
    };
    let from = match read(Field::From, &range.from.clone()) {
        Ok(date) => date,
        Err(outcome) => return Ok(outcome),
    };
    let to = match read(Field::To, &range.to.clone()) {
        Ok(date) => date,
        Err(outcome) => return Ok(outcome),
    };
    if from > to {
        range.field = Field::From;
        let note = Note::Till(TillNote::Undo(UndoNote::RangeBackwards));
        return Ok(Outcome::stay().note(note));
    }
    let effect = Effect::WriteStatement {
        producer: range.code.clone(),
        from,
        to,
    };
    Err(Outcome::stay().run(vec![effect]))
}

pub(super) fn draw(cx: &Ctx, range: &StatementRange, frame: &mut Frame, area: Rect, focused: bool) {
    let u = cx.lang.undo();
    let popup = centered(area, 60, 9);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", (u.statement_title)(&range.code)))
        .border_style(Style::new().cyan());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [name, _, from, to, _, hint, _] = Layout::vertical([Constraint::Length(1); 7]).areas(inner);
    frame.render_widget(Paragraph::new(format!("  {}", range.name).bold()), name);
    let layout = FieldLayout {
        indent: 2,
        label: 16,
        value: 12,
    };
    for (field, label, value, row) in [
        (Field::From, u.statement_from, &range.from, from),
        (Field::To, u.statement_to, &range.to, to),
    ] {
        field_line(
            frame,
            row,
            layout,
            label,
            value,
            focused && range.field == field,
        );
    }
    frame.render_widget(
        Paragraph::new(u.statement_hint.dark_gray()).centered(),
        hint,
    );
}
