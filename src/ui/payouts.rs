//! The producers' money screen (Ctrl+P): what the corner owes each producer, with their
//! daily-payout flag; a payout form (cash or transfer, the whole balance by default, a note)
//! that asks before paying; and the settlement slips of any day, one file per producer,
//! written for the open day (a preview) or reprinted for a closed one.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Padding, Paragraph, Row, Table};

use super::effect::Effect;
use super::failure::{FailedEffect, Failure};
use super::input::{self, type_into};
use super::keymap::Focus;
use super::list::{FilteredList, any_contains};
use super::msg::{Answer, Key, PayoutLists};
use super::note::Note;
use super::outcome::{Ctx, Go, Outcome, Place};
use super::question::Question;
use super::statement_range::StatementRange;
use super::widgets::{centered, draw_filter, draw_list, right};
use crate::domain::money::group_thousands;
use crate::domain::{PayoutMethod, ProducerBalance, Rupiah, parse_amount};
use crate::print::format;
use crate::strings::Lang;

const MAX_FILTER: usize = 40;
const MAX_AMOUNT: usize = 20;
const MAX_NOTE: usize = 60;

pub struct PayoutsScreen {
    /// Producers owed something (or owing, after a correction), and those paid daily.
    pub list: FilteredList<ProducerBalance>,
    /// Every business day, oldest first, with whether it is closed.
    pub days: Vec<(NaiveDate, bool)>,
    /// Index into `days` of the day whose slips the slip key writes.
    pub day: usize,
    /// The payout being entered, over the list it returns to.
    pub form: Option<Box<PayoutForm>>,
    /// The dates of the selected producer's statement being typed (F5).
    pub statement: Option<StatementRange>,
}

impl PayoutsScreen {
    pub fn loading() -> PayoutsScreen {
        PayoutsScreen {
            list: FilteredList::loading(matches),
            days: Vec::new(),
            day: 0,
            form: None,
            statement: None,
        }
    }

    /// Fresh balances and days; the day shown stays if it still exists, else the newest.
    pub fn loaded(&mut self, balances: Vec<ProducerBalance>, days: Vec<(NaiveDate, bool)>) {
        let shown = self.days.get(self.day).map(|d| d.0);
        self.day = shown
            .and_then(|date| days.iter().position(|d| d.0 == date))
            .unwrap_or(days.len().saturating_sub(1));
        self.days = days;
        // A producer square with the corner and not paid daily has nothing to do here.
        let listed = balances
            .into_iter()
            .filter(|b| b.balance != Rupiah::ZERO || b.payout_daily);
        self.list.loaded(listed.collect());
    }

    /// The listed producers whose code or name contains the filter.
    pub fn shown(&self) -> Vec<&ProducerBalance> {
        self.list.shown()
    }

    pub fn current(&self) -> Option<&ProducerBalance> {
        self.list.current()
    }

    pub fn shown_day(&self) -> Option<(NaiveDate, bool)> {
        self.days.get(self.day).copied()
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Amount,
    Note,
}

/// A payout being entered for one producer; the list waits beneath it.
pub struct PayoutForm {
    pub code: String,
    pub name: String,
    pub owed: Rupiah,
    pub method: PayoutMethod,
    pub amount: String,
    pub note: String,
    pub field: Field,
    /// The amount is the balance proposed, shown selected: the first character typed
    /// replaces it (`10000` over `25.650` is Rp 10.000, not `25.65010000`); Backspace and the
    /// arrows keep it to edit.
    pub proposed: bool,
}

impl PayoutForm {
    /// The whole balance is the default: most producers take everything that is theirs.
    pub fn new(producer: &ProducerBalance) -> PayoutForm {
        let amount = if producer.balance.is_positive() {
            group_thousands(producer.balance.value().unsigned_abs())
        } else {
            String::new()
        };
        PayoutForm {
            code: producer.code.clone(),
            name: producer.name.clone(),
            owed: producer.balance,
            method: PayoutMethod::Cash,
            proposed: !amount.is_empty(),
            amount,
            note: String::new(),
            field: Field::Amount,
        }
    }

    fn focused(&mut self) -> (&mut String, usize) {
        match self.field {
            Field::Amount => (&mut self.amount, MAX_AMOUNT),
            Field::Note => (&mut self.note, MAX_NOTE),
        }
    }
}

/// Code or name containing the filter.
fn matches(b: &ProducerBalance, filter: &str) -> bool {
    any_contains(&[&b.code, &b.name], filter)
}

pub fn method_name(method: PayoutMethod, lang: Lang) -> &'static str {
    let text = &lang.text().print;
    match method {
        PayoutMethod::Cash => text.cash,
        PayoutMethod::Transfer => text.transfer,
    }
}

/// A key on the payouts area: the form if one is open, else the list.
pub(super) fn key(cx: &Ctx, screen: &mut PayoutsScreen, msg: Key) -> Outcome {
    if let Some(form) = &mut screen.form {
        let outcome = form_key(cx, form, msg);
        if outcome.go == Go::Back {
            screen.form = None;
            return Outcome::stay();
        }
        return outcome;
    }
    if let Some(range) = &mut screen.statement {
        return super::statement_range::key(range, msg).unwrap_or_else(|outcome| {
            screen.statement = None;
            outcome
        });
    }
    if screen.list.key(&msg, MAX_FILTER) {
        return Outcome::stay();
    }
    match msg {
        Key::Prev => screen.day = screen.day.saturating_sub(1),
        Key::Next if screen.day + 1 < screen.days.len() => screen.day += 1,
        Key::Submit => {
            if let Some(producer) = screen.current().cloned() {
                // A payout is an entry of the open day: with none open, say so before any
                // form or question (and before calling the manager over).
                if cx.status.is_none() {
                    let note = Note::Failed(FailedEffect::PayProducer, Failure::NoOpenDay);
                    return Outcome::stay().note(note);
                } else if !producer.balance.is_positive() {
                    return Outcome::stay().note(Note::PayoutAboveOwed(producer.balance));
                }
                screen.form = Some(Box::new(PayoutForm::new(&producer)));
            }
        }
        Key::WriteSettlements => {
            if let Some((date, _)) = screen.shown_day() {
                return Outcome::stay().run(vec![Effect::WriteSettlements { date }]);
            }
            return Outcome::stay().note(Note::NoBusinessDays);
        }
        // The dates are asked first: the shown day's month up to it unless typed otherwise.
        Key::WriteStatement => {
            return match (screen.current(), screen.shown_day()) {
                (Some(producer), Some((to, _))) => {
                    let range = StatementRange::new(&producer.code, &producer.name, to);
                    screen.statement = Some(range);
                    Outcome::stay()
                }
                _ => Outcome::stay().note(Note::NoBusinessDays),
            };
        }
        Key::WriteDayReport | Key::WriteRecap => {
            if let Some((date, _)) = screen.shown_day() {
                let effect = match msg {
                    Key::WriteRecap => Effect::WriteRecap { date },
                    _ => Effect::WriteDayReport { date },
                };
                return Outcome::stay().run(vec![effect]);
            }
            return Outcome::stay().note(Note::NoBusinessDays);
        }
        Key::Cancel => return Outcome::home(),
        _ => {}
    }
    Outcome::stay()
}

fn form_key(cx: &Ctx, form: &mut PayoutForm, msg: Key) -> Outcome {
    // Backspace and the arrows keep the proposal to edit; typing replaces it.
    if matches!(msg, Key::Backspace | Key::Next | Key::Prev) {
        form.proposed = false;
    }
    match msg {
        Key::Input(c) => {
            let amount = form.field == Field::Amount;
            if amount && form.proposed {
                // A refused key leaves the proposal standing, still selected.
                form.proposed = !input::amount_char(c);
                if input::amount_char(c) {
                    form.amount.clear();
                }
            }
            let (field, max) = form.focused();
            if amount {
                let note = input::type_amount(cx.amount_refused, field, c, max);
                return Outcome::stay().maybe_note(note);
            }
            type_into(field, c, max);
        }
        Key::Backspace => {
            form.focused().0.pop();
        }
        Key::Next | Key::Prev => {
            form.field = match form.field {
                Field::Amount => Field::Note,
                Field::Note => Field::Amount,
            };
        }
        Key::ToggleMethod => {
            form.method = match form.method {
                PayoutMethod::Cash => PayoutMethod::Transfer,
                PayoutMethod::Transfer => PayoutMethod::Cash,
            };
        }
        Key::Record => return ask(form),
        Key::Cancel => return Outcome::back(),
        _ => {}
    }
    Outcome::stay()
}

/// F2 on the form: the payout as typed, asked about first.
fn ask(form: &mut PayoutForm) -> Outcome {
    let amount = parse_amount(&form.amount).ok().filter(|a| a.is_positive());
    let Some(amount) = amount else {
        form.field = Field::Amount;
        return Outcome::stay().note(Note::BadPayoutAmount);
    };
    if amount > form.owed {
        form.field = Field::Amount;
        return Outcome::stay().note(Note::PayoutAboveOwed(form.owed));
    }
    let yes = vec![Effect::PayProducer {
        code: form.code.clone(),
        method: form.method,
        amount,
        note: form.note.trim().to_string(),
    }];
    let question = Question::Payout {
        code: form.code.clone(),
        name: form.name.clone(),
        method: form.method,
        amount,
        note: form.note.trim().to_string(),
    };
    Outcome::ask(question, yes)
}

/// The payout is on disk: back to the list with fresh balances, saying where its slip is.
fn recorded(screen: &mut PayoutsScreen, balances: Option<PayoutLists>) -> Outcome {
    screen.form = None;
    match balances {
        Some((balances, days)) => {
            screen.loaded(balances, days);
            Outcome::stay()
        }
        // Paid, but not read back: the list must not offer the old balance again.
        None => {
            screen.list.items = None;
            Outcome::stay().run(vec![Effect::LoadPayouts])
        }
    }
}

// ---- drawing ----

pub(super) fn draw(cx: &Ctx, screen: &PayoutsScreen, frame: &mut Frame, area: Rect, focused: bool) {
    draw_balances(
        cx,
        screen,
        frame,
        area,
        focused && screen.statement.is_none(),
    );
    if let Some(range) = &screen.statement {
        super::statement_range::draw(cx, range, frame, area, focused);
    }
}

fn draw_balances(cx: &Ctx, screen: &PayoutsScreen, frame: &mut Frame, area: Rect, focused: bool) {
    let ui = &cx.lang.text().ui;
    let t = &cx.lang.text().settle;
    let [day, filter, table] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let day_text = match screen.shown_day() {
        Some((date, closed)) => (t.payouts_day)(&format::date(date, cx.lang), closed),
        None if screen.list.items.is_some() => t.no_days.to_string(),
        None => String::new(),
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::from(" ◀ ").dark_gray(),
            Span::from(day_text).bold().cyan(),
            Span::from(" ▶").dark_gray(),
        ])),
        day,
    );
    draw_filter(frame, filter, ui.stock_filter, &screen.list.filter, focused);
    let block = Block::bordered()
        .title(format!(" {} ", t.payouts_title))
        .padding(Padding::horizontal(1));
    if let Some(text) = screen.list.placeholder(ui.stock_loading, t.nothing_owed) {
        super::widgets::placeholder(frame, table, block, text);
        return;
    }
    let shown = screen.shown();
    let header = Row::new([
        Cell::from(ui.col_code),
        Cell::from(ui.col_name),
        Cell::from(t.col_daily),
        Cell::from(right(t.col_balance)),
    ])
    .bold();
    let rows = shown.iter().map(|b| {
        let balance = Cell::from(right(b.balance.to_string()));
        let row = Row::new([
            Cell::from(b.code.clone()),
            Cell::from(b.name.clone()),
            Cell::from(if b.payout_daily { t.daily_mark } else { "" }),
            balance,
        ]);
        if b.balance.value() < 0 {
            row.red()
        } else {
            row
        }
    });
    let widget = Table::new(
        rows,
        [
            Constraint::Length(8),
            Constraint::Fill(1),
            Constraint::Length(7),
            Constraint::Length(16),
        ],
    )
    .column_spacing(1)
    .header(header)
    .block(block);
    draw_list(frame, table, widget, screen.list.selected);
}

pub(super) fn draw_form(cx: &Ctx, form: &PayoutForm, frame: &mut Frame, area: Rect, focused: bool) {
    let t = &cx.lang.text().settle;
    let popup = centered(area, 60, 12);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", (t.payout_form_title)(&form.code)))
        .border_style(Style::new().cyan())
        .padding(Padding::new(1, 1, 1, 0));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let rows: [Rect; 9] = Layout::vertical([Constraint::Length(1); 9]).areas(inner);
    let [method, amount, note] = t.payout_labels;
    let label_width = t
        .payout_labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let value_width = (inner.width as usize).saturating_sub(label_width + 1);
    frame.render_widget(Paragraph::new(form.name.clone().bold()), rows[0]);
    frame.render_widget(Paragraph::new((t.payout_owed)(form.owed)), rows[1]);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::from(format!("{method:<label_width$}")).bold(),
            Span::from(method_name(form.method, cx.lang)).cyan(),
        ])),
        rows[3],
    );
    for (field, label, value, row) in [
        (Field::Amount, amount, &form.amount, rows[5]),
        (Field::Note, note, &form.note, rows[7]),
    ] {
        let has_cursor = focused && form.field == field;
        let skip = value
            .chars()
            .count()
            .saturating_sub(value_width.saturating_sub(1));
        let shown: String = value.chars().skip(skip).collect();
        let pad = value_width.saturating_sub(shown.chars().count());
        let (text, rest) = (Span::from(shown.clone()), Span::from(" ".repeat(pad)));
        let spans = match has_cursor {
            // Selected, as refused text on the entry line is: typing replaces it.
            true if field == Field::Amount && form.proposed => {
                vec![text.black().on_yellow().bold(), rest.reversed()]
            }
            true => vec![text.reversed(), rest.reversed()],
            false => vec![text.underlined(), rest.underlined()],
        };
        let mut line = vec![Span::from(format!("{label:<label_width$}")).bold()];
        line.extend(spans);
        frame.render_widget(Paragraph::new(Line::from(line)), row);
        if has_cursor {
            let x = row.x + (label_width + shown.chars().count()) as u16;
            frame.set_cursor_position((x.min(row.right().saturating_sub(1)), row.y));
        }
    }
    frame.render_widget(
        Paragraph::new(Span::from(t.payout_hint).dark_gray()),
        rows[8],
    );
}

/// A runtime answer for the payouts screen.
pub(super) fn answer(screen: &mut PayoutsScreen, msg: Answer) -> Outcome {
    match msg {
        Answer::PayoutsLoaded { balances, days } => screen.loaded(balances, days),
        Answer::PayoutRecorded { balances, .. } => return recorded(screen, balances),
        Answer::Failed {
            action: FailedEffect::LoadPayouts,
            ..
        } if screen.form.is_none() => return Outcome::home(),
        _ => {}
    }
    Outcome::stay()
}

/// The screen's face to the hub, the same on every screen: how it opens, takes a key and a
/// runtime answer, which key table it reads, and how it draws.
impl PayoutsScreen {
    pub(super) fn open(_cx: &Ctx, _place: Place) -> (PayoutsScreen, Vec<Effect>) {
        (PayoutsScreen::loading(), vec![Effect::LoadPayouts])
    }

    pub(super) fn key(&mut self, cx: &Ctx, msg: Key) -> Outcome {
        key(cx, self, msg)
    }

    pub(super) fn answer(&mut self, _cx: &Ctx, msg: Answer) -> Outcome {
        answer(self, msg)
    }

    pub(super) fn focus(&self) -> Focus {
        match (&self.form, &self.statement) {
            (Some(_), _) => Focus::PayoutForm,
            (None, Some(_)) => Focus::StatementRange,
            (None, None) => Focus::Payouts,
        }
    }

    pub(super) fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect, focused: bool) {
        let form = self.form.as_deref();
        draw(cx, self, frame, area, focused && form.is_none());
        if let Some(form) = form {
            draw_form(cx, form, frame, area, focused);
        }
    }
}
