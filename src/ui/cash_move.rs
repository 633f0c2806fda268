//! F9 on the sale screen: cash taken out of the drawer or put in, with its amount and the
//! reason (required); F2 asks, then the runtime records it and writes a slip.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::effect::Effect;
use super::input::{self, type_into};
use super::keymap::Focus;
use super::msg::{Answer, Key};
use super::note::Note;
use super::note::TillNote;
use super::outcome::{Ctx, Outcome, Place};
use super::question::Question;
use super::widgets::centered;
use crate::domain::{CashDirection, parse_amount};

const MAX_AMOUNT: usize = 20;
const MAX_REASON: usize = 80;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Amount,
    Reason,
}

pub struct CashMoveForm {
    pub direction: CashDirection,
    pub amount: String,
    pub reason: String,
    pub field: Field,
}

impl CashMoveForm {
    pub fn new() -> CashMoveForm {
        CashMoveForm {
            // Taking cash out (plastic bags, gas) is the common case.
            direction: CashDirection::Out,
            amount: String::new(),
            reason: String::new(),
            field: Field::Amount,
        }
    }
}

pub(super) fn key(cx: &Ctx, form: &mut CashMoveForm, msg: Key) -> Outcome {
    match msg {
        Key::Input(c) => match form.field {
            Field::Amount => {
                let note = input::type_amount(cx.amount_refused, &mut form.amount, c, MAX_AMOUNT);
                return Outcome::stay().maybe_note(note);
            }
            Field::Reason => type_into(&mut form.reason, c, MAX_REASON),
        },
        Key::Backspace => {
            match form.field {
                Field::Amount => form.amount.pop(),
                Field::Reason => form.reason.pop(),
            };
        }
        Key::Next | Key::Prev | Key::Submit => {
            form.field = match form.field {
                Field::Amount => Field::Reason,
                Field::Reason => Field::Amount,
            }
        }
        Key::ToggleDirection => {
            form.direction = match form.direction {
                CashDirection::In => CashDirection::Out,
                CashDirection::Out => CashDirection::In,
            }
        }
        Key::Record => return ask(form),
        Key::Cancel => return Outcome::home(),
        _ => {}
    }
    Outcome::stay()
}

fn ask(form: &mut CashMoveForm) -> Outcome {
    let amount = match parse_amount(&form.amount) {
        Ok(amount) if amount.is_positive() => amount,
        Ok(_) | Err(crate::domain::ParseError::Empty) => {
            form.field = Field::Amount;
            return Outcome::stay().note(Note::Till(TillNote::AmountNeeded));
        }
        Err(e) => {
            form.field = Field::Amount;
            return Outcome::stay().note(Note::BadAmount(e));
        }
    };
    let reason = form.reason.trim().to_string();
    if reason.is_empty() {
        form.field = Field::Reason;
        return Outcome::stay().note(Note::ReasonEmpty);
    }
    let yes = vec![Effect::RecordCashMove {
        direction: form.direction,
        amount,
        reason: reason.clone(),
    }];
    let question = Question::CashMove {
        direction: form.direction,
        amount,
        reason,
    };
    Outcome::ask(question, yes)
}

pub(super) fn draw(cx: &Ctx, form: &CashMoveForm, frame: &mut Frame, area: Rect, focused: bool) {
    let t = &cx.lang.text().till;
    let popup = centered(area, 64, 9);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", t.cash_move_title))
        .border_style(Style::new().yellow());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [_, direction, _, amount, _, reason, _] =
        Layout::vertical([Constraint::Length(1); 7]).areas(inner);
    let mut spans = vec![Span::from(format!("  {:<12} ", t.direction)).bold()];
    for (d, name) in [
        (CashDirection::Out, t.cash_out),
        (CashDirection::In, t.cash_in),
    ] {
        spans.push(if d == form.direction {
            Span::from(format!("[ {name} ]")).reversed().bold()
        } else {
            Span::from(format!("  {name}  "))
        });
        spans.push(Span::from("  "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), direction);
    for (field, label, value, row) in [
        (Field::Amount, t.amount, &form.amount, amount),
        (Field::Reason, t.reason, &form.reason, reason),
    ] {
        let layout = super::widgets::FieldLayout {
            indent: 2,
            label: 12,
            value: 44,
        };
        let has = focused && form.field == field;
        super::widgets::field_line(frame, row, layout, label, value, has);
    }
}

/// A runtime answer for the cash form: a move on disk closes it.
pub(super) fn answer(msg: Answer) -> Outcome {
    match msg {
        Answer::CashMoved { .. } => Outcome::home(),
        _ => Outcome::stay(),
    }
}

/// The screen's face to the hub, the same on every screen: how it opens, takes a key and a
/// runtime answer, which key table it reads, and how it draws.
impl CashMoveForm {
    pub(super) fn open(_cx: &Ctx, _place: Place) -> (CashMoveForm, Vec<Effect>) {
        (CashMoveForm::new(), Vec::new())
    }

    pub(super) fn key(&mut self, cx: &Ctx, msg: Key) -> Outcome {
        key(cx, self, msg)
    }

    pub(super) fn answer(&mut self, _cx: &Ctx, msg: Answer) -> Outcome {
        answer(msg)
    }

    pub(super) fn focus(&self) -> Focus {
        Focus::CashMove
    }

    pub(super) fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect, focused: bool) {
        draw(cx, self, frame, area, focused);
    }
}
