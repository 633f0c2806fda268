//! The smaller dialogs: the yes/no question, the open-day form, the old open day, and help.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::app::App;
use super::app::Confirm;
use super::effect::Effect;
use super::input::{self, type_into};
use super::keymap::{Focus, bar_for, bindings_for};
use super::msg::Key;
use super::note::{Note, TillNote, UndoNote};
use super::open_day_form::{Field, OpenDayForm};
use super::outcome::{Ctx, Outcome, Place};
use super::question::Question;
use super::widgets::{centered, wrap_words};
use crate::domain::parse_amount;
use crate::print::format;
use crate::strings::Lang;
use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

const MAX_FIELD: usize = 40;
const MAX_REOPEN_REASON: usize = 120;

pub(super) fn open_day_key(cx: &Ctx, form: &mut OpenDayForm, msg: Key) -> Outcome {
    // Whoever signed in opens the day: their name is not typed.
    if let Some(user) = cx.user {
        form.attendant = user.name.clone();
        form.field = Field::Float;
    }
    let signed_in = cx.user.is_some();
    let closed_today = cx.last_closed.filter(|d| *d >= cx.today);
    if form.reopen.is_some() {
        return reopen_key(closed_today, form, msg);
    }
    match msg {
        Key::ReopenDay if closed_today.is_some() => {
            form.reopen = Some(String::new());
            Outcome::stay()
        }
        Key::ReopenDay => Outcome::stay().note(Note::Till(TillNote::Undo(UndoNote::NotReopenable))),
        // No day open: the day's sales are those of the day last closed.
        Key::TodaySales => Outcome::open(Place::Sales {
            closed_day: cx.last_closed,
        }),
        // With no day open the rest of the till can still be read (after a close: the day's
        // sales, settlements, audit trail); selling waits for a day.
        Key::OpenStock
        | Key::OpenProducts
        | Key::OpenProducers
        | Key::OpenSettings
        | Key::OpenTabs
        | Key::OpenUsers
        | Key::OpenAudit
        | Key::OpenPayouts => Place::reached_by(&msg).map_or_else(Outcome::stay, Outcome::open),
        Key::Input(c) if form.field == Field::Float => {
            let note = input::type_amount(cx.amount_refused, &mut form.float, c, MAX_FIELD);
            Outcome::stay().maybe_note(note)
        }
        Key::Input(c) => {
            type_into(form.focused(), c, MAX_FIELD);
            Outcome::stay()
        }
        Key::Backspace => {
            form.focused().pop();
            Outcome::stay()
        }
        Key::Next | Key::Prev if !signed_in => {
            form.field = match form.field {
                Field::Attendant => Field::Float,
                Field::Float => Field::Attendant,
            };
            Outcome::stay()
        }
        // A business day is one date: today's was closed, the next opens tomorrow.
        Key::Submit if cx.last_closed.is_some_and(|d| d >= cx.today) => {
            Outcome::stay().note(Note::ClosedToday(cx.today))
        }
        Key::Submit => open_day(form),
        _ => Outcome::stay(),
    }
}

/// A key while the reason for reopening today's close is typed: Enter asks, Esc leaves it.
fn reopen_key(closed: Option<NaiveDate>, form: &mut OpenDayForm, msg: Key) -> Outcome {
    let (Some(date), Some(reason)) = (closed, form.reopen.as_mut()) else {
        form.reopen = None;
        return Outcome::stay();
    };
    match msg {
        Key::Input(c) => type_into(reason, c, MAX_REOPEN_REASON),
        Key::Backspace => {
            reason.pop();
        }
        Key::Submit if reason.trim().is_empty() => return Outcome::stay().note(Note::ReasonEmpty),
        Key::Submit => {
            let reason = reason.trim().to_string();
            form.reopen = None;
            let yes = vec![Effect::ReopenDay {
                reason: reason.clone(),
            }];
            return Outcome::ask(Question::ReopenDay { date, reason }, yes);
        }
        Key::Cancel => form.reopen = None,
        _ => {}
    }
    Outcome::stay()
}

/// Enter on the open-day form: a name and a float open the day.
fn open_day(form: &mut OpenDayForm) -> Outcome {
    let attendant = form.attendant.trim().to_string();
    if attendant.is_empty() {
        form.field = Field::Attendant;
        return Outcome::stay().note(Note::AttendantEmpty);
    }
    match parse_amount(&form.float) {
        Ok(float) => Outcome::stay().run(vec![Effect::OpenDay { attendant, float }]),
        Err(crate::domain::ParseError::Empty) => {
            form.field = Field::Float;
            Outcome::stay().note(Note::FloatEmpty)
        }
        Err(e) => {
            form.field = Field::Float;
            Outcome::stay().note(Note::BadAmount(e))
        }
    }
}

pub(super) fn stale_day_key(msg: Key) -> Outcome {
    match msg {
        Key::CloseDay => Outcome::open(Place::Close { stale: true }),
        Key::Cancel => Outcome::home(),
        _ => Outcome::stay(),
    }
}

// ---- drawing ----

/// `y Ya   n/N/Esc Tidak`, from the keymap.
fn key_hints(app: &App, context: Focus) -> Line<'static> {
    let keys = &app.lang.text().ui.keys;
    let mut spans = Vec::new();
    for b in bar_for(context).filter(|b| !b.is_global()) {
        spans.push(Span::from(format!(" {} ", b.keys_label(keys))).reversed());
        spans.push(Span::from(format!(" {}   ", (b.text)(keys))));
    }
    Line::from(spans).centered()
}

/// The question in words: a sentence per question, the one table of them.
fn question_text(question: &Question, lang: Lang) -> String {
    let t = &lang.text().ui;
    match question {
        Question::EmptyCart { lines, total } => (t.confirm_empty_cart)(*lines, *total),
        Question::Correct {
            number,
            date,
            total,
            refund,
            reason,
            ..
        } => (lang.text().till.confirm_correct)(
            *number,
            &format::date(*date, lang),
            *total,
            &crate::print::refund_text(*refund, lang),
            reason,
        ),
        Question::ReturnPart {
            number,
            date,
            lines,
            amount,
            refund,
        } => (lang.text().till.confirm_return)(
            *lines,
            *number,
            &format::date(*date, lang),
            *amount,
            &crate::print::refund_text(*refund, lang),
        ),
        Question::TabPayment {
            name,
            method,
            amount,
            ..
        } => (lang.text().till.confirm_tab_payment)(
            name,
            *amount,
            format::payment_method(*method, lang),
        ),
        Question::CashMove {
            direction,
            amount,
            reason,
        } => (lang.text().till.confirm_cash_move)(
            *direction == crate::domain::CashDirection::In,
            *amount,
            reason,
        ),
        Question::Void {
            number,
            total,
            reason,
            ..
        } => (t.confirm_void)(*number, *total, reason),
        Question::ReopenDay { date, reason } => {
            (lang.undo().confirm_reopen)(&format::date(*date, lang), reason)
        }
        Question::ReturnParts { paid, .. } => (t.confirm_return_parts)(*paid),
        Question::RecordStock {
            kind,
            producer_name,
            lines,
            ..
        } => (t.confirm_stock)((t.kind_name)(*kind), producer_name, *lines),
        Question::ReturnDaily => t.confirm_return_daily.to_string(),
        Question::RecordCount { products, differ } => {
            (lang.stock_count().confirm_count)(*products, *differ)
        }
        Question::PriceChange {
            name,
            old,
            old_producer_price,
            changes,
            ..
        } if changes.price == *old => {
            (t.confirm_producer_price)(name, *old_producer_price, changes.producer_price)
        }
        Question::PriceChange {
            name, old, changes, ..
        } => (t.confirm_price)(name, *old, changes.price),
        Question::SetProductActive { name, active, .. } => (t.confirm_active)(name, *active),
        Question::DiscardLines { lines, .. } => (t.confirm_discard)(*lines),
        Question::ProducerScheme {
            name, old, changes, ..
        } => (t.confirm_scheme)(
            name,
            &(t.scheme_text)(*old),
            &(t.scheme_text)(changes.scheme),
        ),
        Question::SetProducerActive { name, active, .. } => {
            (t.confirm_producer_active)(name, *active)
        }
        Question::Payout {
            name,
            method,
            amount,
            ..
        } => (lang.text().settle.confirm_payout)(
            *amount,
            name,
            super::payouts::method_name(*method, lang),
        ),
        Question::DeactivateUser { name, .. } => (t.trust.confirm_deactivate)(name),
        Question::DiscardCount { .. } => lang.text().till.confirm_discard_count.to_string(),
    }
}

pub(super) fn draw_confirm(app: &App, confirm: &Confirm, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().ui;
    let question = question_text(&confirm.question, app.lang);
    let popup = centered(area, 64, 8);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", t.confirm_title))
        .border_style(Style::new().red().bold());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [text, hints] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(Text::from(question))
            .style(Style::new().bold())
            .centered()
            .wrap(Wrap { trim: true }),
        text.inner(ratatui::layout::Margin::new(1, 1)),
    );
    frame.render_widget(Paragraph::new(key_hints(app, Focus::Confirm)), hints);
}

pub(super) fn draw_open_day(
    app: &App,
    form: &OpenDayForm,
    frame: &mut Frame,
    area: Rect,
    has_keys: bool,
) {
    let t = &app.lang.text().ui;
    let closed_today = app.last_closed.is_some_and(|d| d >= app.today);
    if let (true, Some(reason)) = (closed_today, &form.reopen) {
        return draw_reopen(app, reason, frame, area, has_keys);
    }
    // Wider after a close: the hint names the keys that still work.
    let popup = centered(area, if closed_today { 68 } else { 60 }, 9);
    let today = format::date(app.today, app.lang);
    let title = if closed_today {
        (t.closed_day_title)(&today)
    } else {
        (t.open_day_title)(&today)
    };
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(Style::new().cyan());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [_, name, _, float, _, hint] = Layout::vertical([Constraint::Length(1); 6]).areas(inner);
    if closed_today {
        // No name or float to type on a closed day: what can still be done, nothing else.
        frame.render_widget(
            Paragraph::new(t.closed_today_body)
                .centered()
                .wrap(Wrap { trim: true }),
            Rect { height: 3, ..name },
        );
        frame.render_widget(
            Paragraph::new(t.closed_today_hint.dark_gray()).centered(),
            hint,
        );
        return;
    }
    for (field, label, value, row) in [
        (Field::Attendant, t.attendant_label, &form.attendant, name),
        (Field::Float, t.float_label, &form.float, float),
    ] {
        let layout = super::widgets::FieldLayout {
            indent: 2,
            label: 14,
            value: 36,
        };
        let focused = form.field == field && has_keys;
        super::widgets::field_line(frame, row, layout, label, value, focused);
    }
}

/// The reason for reopening today's close, and what reopening does to the Z report.
fn draw_reopen(app: &App, reason: &str, frame: &mut Frame, area: Rect, has_keys: bool) {
    let u = app.lang.undo();
    let popup = centered(area, 68, 7);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(
            " {} ",
            (u.reopen_title)(&format::date(app.today, app.lang))
        ))
        .border_style(Style::new().yellow());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [_, field, _, warning, _] = Layout::vertical([Constraint::Length(1); 5]).areas(inner);
    let layout = super::widgets::FieldLayout {
        indent: 2,
        label: 10,
        value: 52,
    };
    super::widgets::field_line(frame, field, layout, u.reopen_reason, reason, has_keys);
    frame.render_widget(
        Paragraph::new(u.reopen_warning.dark_gray()).centered(),
        warning,
    );
}

pub(super) fn draw_stale(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().ui;
    let Some(status) = &app.status else { return };
    let body = (t.stale_body)(
        &format::date(status.day.date, app.lang),
        &format::date(app.today, app.lang),
    );
    let popup = centered(area, 64, 8);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", t.stale_title))
        .border_style(Style::new().yellow().bold());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [text, hints] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(body).wrap(Wrap { trim: true }),
        text.inner(ratatui::layout::Margin::new(1, 0)),
    );
    frame.render_widget(Paragraph::new(key_hints(app, Focus::StaleDay)), hints);
}

/// F1: every binding of the context that has the keyboard, straight from the keymap; keys
/// that do the same (↑ and ↓, Ctrl+Q and Ctrl+C) share a row. On the sale screen, what can
/// be typed on the entry line comes first. As many rows as the screen holds make a page; F1
/// again turns to the next, so that nothing is cut at 80×24.
fn help_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = &app.lang.text().ui;
    let keys = &t.keys;
    let mut rows: Vec<(String, &str)> = Vec::new();
    for b in bindings_for(app.focus()) {
        let text = (b.text)(keys);
        let label = b.keys_label(keys);
        match rows.iter_mut().find(|(_, t)| *t == text) {
            Some((labels, _)) => {
                labels.push('/');
                labels.push_str(&label);
            }
            None => rows.push((label, text)),
        }
    }
    let mut lines: Vec<Line> = Vec::new();
    if app.focus() == Focus::Sale {
        lines.extend(t.help_entry.iter().map(|l| Line::from(*l)));
    }
    let label_width = rows
        .iter()
        .map(|(l, _)| l.width())
        .max()
        .unwrap_or(0)
        .min(22);
    let text_width = (width as usize).saturating_sub(4 + label_width + 2).max(10);
    for (label, text) in rows {
        let label = wrap_words(&label, label_width, 2);
        let text = wrap_words(text, text_width, 3);
        for i in 0..label.len().max(text.len()) {
            let key = label.get(i).map_or("", String::as_str);
            lines.push(Line::from(vec![
                Span::from(format!("{key:>label_width$}  ")).bold().cyan(),
                Span::from(text.get(i).cloned().unwrap_or_default()),
            ]));
        }
    }
    lines
}

/// How many rows of help one page holds in a body `height` rows high (its border taken off).
fn help_page_rows(height: u16) -> usize {
    (height as usize).saturating_sub(2).max(1)
}

/// How many pages the help of what has the keyboard takes in a body of this size.
pub(super) fn help_pages(app: &App, width: u16, height: u16) -> usize {
    help_lines(app, width)
        .len()
        .div_ceil(help_page_rows(height))
        .max(1)
}

pub(super) fn draw_help(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().ui;
    let lines = help_lines(app, area.width);
    let per_page = help_page_rows(area.height);
    let pages = lines.len().div_ceil(per_page).max(1);
    let page = app.help_page.min(pages - 1);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(page * per_page)
        .take(per_page)
        .collect();
    let title = if pages > 1 {
        (t.keys.layout.help_page)(page + 1, pages)
    } else {
        t.help_title.to_string()
    };
    let height = if pages > 1 {
        area.height
    } else {
        shown.len() as u16 + 2
    };
    let popup = centered(area, area.width, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(Style::new().cyan())
        .padding(ratatui::widgets::Padding::horizontal(1));
    frame.render_widget(Paragraph::new(shown).block(block), popup);
}
