//! The stock screen: per product, what is on hand and what moved today, with its flags; a
//! filter line that typing fills; the call list of producers to ring for restocking; and the
//! expiry list, from which a producer's return is filled in.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Padding, Paragraph, Row, Table};

use std::path::PathBuf;

use super::effect::Effect;
use super::failure::FailedEffect;
use super::input::type_into;
use super::keymap::Focus;
use super::list::{FilteredList, any_contains};
use super::msg::{Answer, Key};
use super::note::{Note, StockNote};
use super::outcome::{Ctx, Go, Outcome, Place};
use super::question::Question;
use super::stock_forms::{self, StockForm};
use super::widgets::{draw_filter, draw_list, fit_columns, name_text, right};
use crate::domain::DocumentKind;
use crate::domain::{
    CallListEntry, ExpiryLine, ExpiryList, MAX_EXPIRY_DAYS, StockDocument, StockLine, StockQuantity,
};
use crate::print::format;
use crate::strings::UiText;
use unicode_width::UnicodeWidthStr;

const MAX_FILTER: usize = 40;
/// Best-before dates this close are flagged.
pub const SOON_DAYS: u64 = 3;

pub struct StockScreen {
    /// A line per product, filtered by typing.
    pub list: FilteredList<StockLine>,
    pub calls: Option<Vec<CallListEntry>>,
    /// Index into the call list or the expiry list, whichever is shown.
    pub selected: usize,
    /// The call list is shown instead of the products.
    pub calling: bool,
    /// Deliveries past or near their best-before date; `None` until loaded.
    pub expiring: Option<ExpiryList>,
    /// The expiry list is shown instead of the products.
    pub expiry: bool,
    /// Digits typed on the expiry list: its new horizon in days, saved with Enter.
    pub days_typed: String,
    /// An intake, return, write-off or count being entered, over the list it returns to.
    pub form: Option<Box<StockForm>>,
    /// A new count starts with the corner bearing its shortfall (the shop's setting).
    pub count_corner_bears: bool,
}

impl StockScreen {
    pub fn loading() -> StockScreen {
        StockScreen {
            list: FilteredList::loading(matches),
            calls: None,
            selected: 0,
            calling: false,
            expiring: None,
            expiry: false,
            days_typed: String::new(),
            form: None,
            count_corner_bears: false,
        }
    }

    /// Fresh figures keep the filter and, as far as it still exists, the selection.
    pub fn loaded(&mut self, lines: Vec<StockLine>, calls: Vec<CallListEntry>) {
        self.list.loaded(lines);
        self.calls = Some(calls);
        self.clamp();
    }

    /// The lines the filter lets through.
    pub fn shown(&self) -> Vec<&StockLine> {
        self.list.shown()
    }

    pub fn current(&self) -> Option<&StockLine> {
        self.list.current()
    }

    fn count(&self) -> usize {
        if self.expiry {
            self.expiring.as_ref().map_or(0, |e| e.lines.len())
        } else if self.calling {
            self.calls.as_ref().map_or(0, Vec::len)
        } else {
            self.shown().len()
        }
    }

    fn clamp(&mut self) {
        self.selected = self.selected.min(self.count().saturating_sub(1));
    }
}

/// Code, name, variant or producer containing the filter.
fn matches(l: &StockLine, filter: &str) -> bool {
    let fields = [
        &l.code,
        &l.name,
        &l.variant,
        &l.producer_code,
        &l.producer_name,
    ];
    any_contains(&fields.map(String::as_str), filter)
}

/// A key on the stock area: the form if one is open, else the list.
pub(super) fn key(cx: &Ctx, screen: &mut StockScreen, msg: Key) -> Outcome {
    if let Some(form) = &mut screen.form {
        let outcome = stock_forms::form_key(cx, form, msg);
        if outcome.go == Go::Back {
            screen.form = None;
            return Outcome::stay().maybe_note(outcome.note.map(|note| *note));
        }
        return outcome;
    }
    if screen.expiry
        && let Some(outcome) = expiry_key(cx, screen, &msg)
    {
        return outcome;
    }
    let products = !screen.calling && !screen.expiry;
    match msg {
        msg if products && screen.list.key(&msg, MAX_FILTER) => {}
        Key::Up => screen.selected = screen.selected.saturating_sub(1),
        Key::Down if screen.selected + 1 < screen.count() => screen.selected += 1,
        Key::CallList => {
            screen.calling = !screen.calling;
            screen.expiry = false;
            screen.selected = 0;
            screen.list.selected = 0;
        }
        Key::ExpiryList => {
            screen.expiry = !screen.expiry;
            screen.days_typed.clear();
            screen.calling = false;
            screen.selected = 0;
            screen.list.selected = 0;
        }
        Key::Count => {
            let mut form = StockForm::count(cx.catalogue, screen.list.items.as_deref());
            // Each line counted starts with the shop's rule for who bears a shortfall.
            form.corner_at_fault = screen.count_corner_bears;
            screen.form = Some(Box::new(form));
        }
        Key::Intake | Key::ReturnStock | Key::WriteOff => {
            let kind = match msg {
                Key::Intake => DocumentKind::Intake,
                Key::ReturnStock => DocumentKind::Return,
                _ => DocumentKind::WriteOff,
            };
            // The selected product's producer, unless a list names one instead.
            let producer = if screen.expiry {
                selected_expiring(screen)
                    .map(|l| (l.producer_code.clone(), l.producer_name.clone()))
            } else if screen.calling {
                screen
                    .calls
                    .as_ref()
                    .and_then(|c| c.get(screen.selected))
                    .map(|c| (c.producer_code.clone(), c.producer_name.clone()))
            } else {
                screen
                    .current()
                    .map(|l| (l.producer_code.clone(), l.producer_name.clone()))
            };
            screen.form = Some(Box::new(StockForm::new(kind, cx.catalogue, producer)));
        }
        Key::ReturnDaily => {
            return Outcome::ask(Question::ReturnDaily, vec![Effect::ReturnDailyGoods]);
        }
        Key::OpenProducts => {
            return Outcome::open(Place::At(Focus::Products));
        }
        Key::OpenProducers => {
            return Outcome::open(Place::At(Focus::Producers));
        }
        Key::Cancel => return Outcome::home(),
        _ => {}
    }
    screen.clamp();
    Outcome::stay()
}

/// The keys the expiry list takes for itself: digits and Enter set its horizon, F4 fills in
/// a return; `None` for the keys it shares with the stock list.
fn expiry_key(cx: &Ctx, screen: &mut StockScreen, msg: &Key) -> Option<Outcome> {
    match msg {
        Key::Input(c) if c.is_ascii_digit() => type_into(&mut screen.days_typed, *c, 2),
        Key::Backspace => {
            screen.days_typed.pop();
        }
        Key::Submit if !screen.days_typed.is_empty() => {
            let typed = std::mem::take(&mut screen.days_typed);
            return Some(match typed.parse::<u32>() {
                Ok(days) if days <= MAX_EXPIRY_DAYS => {
                    Outcome::stay().run(vec![Effect::SetExpiryDays { days }])
                }
                _ => Outcome::stay().note(Note::Stock(StockNote::BadExpiryDays)),
            });
        }
        Key::ReturnStock => return Some(return_expiring(cx, screen)),
        _ => return None,
    }
    Some(Outcome::stay())
}

fn selected_expiring(screen: &StockScreen) -> Option<&ExpiryLine> {
    screen.expiring.as_ref()?.lines.get(screen.selected)
}

/// F4 on the expiry list: a return to the selected line's producer, filled in with all of
/// that producer's listed goods, to be checked against the shelf and recorded with F2.
fn return_expiring(cx: &Ctx, screen: &mut StockScreen) -> Outcome {
    let Some(picked) = selected_expiring(screen) else {
        return Outcome::stay();
    };
    let producer = (picked.producer_code.clone(), picked.producer_name.clone());
    let lines: Vec<&ExpiryLine> = screen
        .expiring
        .iter()
        .flat_map(|e| &e.lines)
        .filter(|l| l.producer_code == producer.0)
        .collect();
    let mut form = StockForm::new(DocumentKind::Return, cx.catalogue, Some(producer.clone()));
    form.fill_return(&lines, cx.lang.stock_count().expiry_return_reason);
    let note = StockNote::ReturnFromExpiry(producer.1, form.rows.len());
    screen.form = Some(Box::new(form));
    Outcome::stay().note(Note::Stock(note))
}

/// Stock entries are on disk: say so, and show the list with fresh figures.
fn recorded(
    screen: &mut StockScreen,
    daily: bool,
    documents: Vec<StockDocument>,
    slips: Vec<Result<PathBuf, super::failure::Failure>>,
) -> Outcome {
    let failed_slip = slips.iter().find_map(|s| s.as_ref().err().cloned());
    // The form is gone when the answer comes after the stock screen was left.
    let count = match screen.form.take() {
        Some(form) => form.shop_wide(),
        None => documents.len() > 1 && documents[0].kind == DocumentKind::Count,
    };
    let first_slip = slips
        .first()
        .and_then(|s| s.as_ref().ok())
        .map_or_else(String::new, |p| super::file_note::shown_file(p));
    let note = match (&failed_slip, documents.as_slice()) {
        (Some(e), _) => Note::SlipFailed(e.clone()),
        (None, many) if count => Note::Stock(StockNote::CountRecorded(many.len(), first_slip)),
        (None, []) => Note::NothingDaily,
        // The daily return is the one action that may make several entries.
        (None, [one]) if !daily => Note::StockRecorded(one.kind, one.number, first_slip),
        (None, many) => Note::DailyReturned(many.len()),
    };
    screen.list.items = None;
    screen.calls = None;
    Outcome::stay().run(vec![Effect::LoadStock]).note(note)
}

/// Flags of a line, in short words for the table.
fn flags(t: &UiText, line: &StockLine, today: chrono::NaiveDate) -> String {
    let mut flags = Vec::new();
    if line.oversold() {
        flags.push(t.flag_oversold);
    }
    if line.below_minimum() {
        flags.push(t.flag_below_minimum);
    }
    if line.expired(today) {
        flags.push(t.flag_expired);
    } else if line.best_before_within(today, SOON_DAYS) {
        flags.push(t.flag_best_before_soon);
    }
    flags.join(" ")
}

/// A day's figure, blank when nothing moved so the eye finds what did.
fn moved(q: StockQuantity) -> String {
    if q == StockQuantity::ZERO {
        String::new()
    } else {
        q.number_text()
    }
}

/// A count's difference, signed: without it a counted row's figures would not add up.
pub(super) fn counted(q: StockQuantity) -> String {
    if q.is_positive() {
        format!("+{}", q.number_text())
    } else {
        moved(q)
    }
}

pub(super) fn draw(cx: &Ctx, screen: &StockScreen, frame: &mut Frame, area: Rect, focused: bool) {
    if screen.calling {
        draw_calls(cx, screen, frame, area);
        return;
    }
    if screen.expiry {
        draw_expiry(cx, screen, frame, area);
        return;
    }
    let t = &cx.lang.text().ui;
    let [filter, table, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_filter(frame, filter, t.stock_filter, &screen.list.filter, focused);
    let block = Block::bordered()
        .title(format!(" {} ", t.stock_title))
        .padding(Padding::horizontal(1));
    if let Some(said) = screen.list.placeholder(t.stock_loading, t.stock_none) {
        let said = Paragraph::new(said.dark_gray()).centered().block(block);
        frame.render_widget(said, table);
        return;
    }
    let shown = screen.shown();
    let headers = [
        t.col_code,
        t.col_item,
        t.col_on_hand,
        t.col_received,
        t.col_sold,
        t.col_returned,
        t.col_written_off,
        t.col_counted,
        t.col_flags,
    ];
    let cells: Vec<Vec<String>> = shown
        .iter()
        .map(|l| {
            vec![
                l.code.clone(),
                crate::domain::catalogue::full_name(&l.name, &l.variant),
                l.on_hand.number_text(),
                moved(l.day.received),
                moved(l.day.sold),
                moved(l.day.returned),
                moved(l.day.written_off),
                counted(l.day.counted),
                flags(t, l, cx.today),
            ]
        })
        .collect();
    // Figures and flags as wide as they are; the name takes the rest, on two rows if it must.
    let mut widths = fit_columns(table.width, &headers, &cells, 1);
    // Several flags on a line stack in their column: it is as wide as one flag, and the name
    // keeps the room.
    let one_flag = cells
        .iter()
        .flat_map(|row| row[8].split(' '))
        .map(|flag| flag.width() as u16)
        .chain([t.col_flags.width() as u16])
        .max()
        .unwrap_or(0);
    widths[1] += widths[8] - one_flag;
    widths[8] = one_flag;
    let header = Row::new(headers.iter().enumerate().map(|(i, h)| match i {
        2..=7 => Cell::from(right(*h)),
        _ => Cell::from(*h),
    }))
    .bold();
    let rows = shown.iter().zip(cells).map(|(l, cells)| {
        let name_rows = if cells[1].width() as u16 <= widths[1] {
            1
        } else {
            2
        };
        let flag_rows = cells[8].split(' ').count() as u16;
        let height = name_rows.max(flag_rows);
        let flagged = !cells[8].is_empty();
        let row = Row::new(cells.into_iter().enumerate().map(|(i, cell)| {
            match i {
                1 => Cell::from(name_text(&cell, widths[1], name_rows)),
                2..=7 => Cell::from(right(cell)),
                8 => Cell::from(
                    cell.split(' ')
                        .map(|f| Line::from(f.to_string()))
                        .collect::<Vec<_>>(),
                ),
                _ => Cell::from(cell),
            }
        }))
        .height(height);
        if l.oversold() || l.expired(cx.today) {
            row.red()
        } else if flagged {
            row.yellow()
        } else {
            row
        }
    });
    let widget = Table::new(rows, widths.iter().map(|w| Constraint::Length(*w)))
        .column_spacing(1)
        .header(header)
        .block(block);
    draw_list(frame, table, widget, screen.list.selected);
    if let Some(line) = screen.current() {
        let best_before = line
            .best_before
            .map_or_else(|| "-".to_string(), |d| format::date(d, cx.lang));
        let text = (t.stock_detail)(&line.producer_code, &line.producer_name, &best_before);
        frame.render_widget(Paragraph::new(format!(" {text}")).dark_gray(), detail);
    }
}

fn draw_calls(cx: &Ctx, screen: &StockScreen, frame: &mut Frame, area: Rect) {
    let t = &cx.lang.text().ui;
    let block = Block::bordered()
        .title(format!(" {} ", t.call_title))
        .padding(Padding::horizontal(1));
    let calls = screen.calls.as_deref().unwrap_or_default();
    if calls.is_empty() {
        let text = if screen.calls.is_none() {
            t.stock_loading
        } else {
            t.call_none
        };
        super::widgets::placeholder(frame, area, block, text);
        return;
    }
    let header = Row::new([
        Cell::from(t.col_code),
        Cell::from(t.col_producer),
        Cell::from(t.col_phone),
        Cell::from(t.col_item),
    ])
    .bold();
    let rows = calls.iter().map(|c| {
        Row::new([
            Cell::from(c.producer_code.clone()),
            Cell::from(c.producer_name.clone()),
            Cell::from(c.phone.clone()),
            Cell::from(
                c.lines
                    .iter()
                    .map(|l| format!("{} ({})", l.code, l.on_hand.number_text()))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        ])
    });
    let widget = Table::new(
        rows,
        [
            Constraint::Length(7),
            Constraint::Length(20),
            Constraint::Length(14),
            Constraint::Fill(1),
        ],
    )
    .column_spacing(1)
    .header(header)
    .block(block);
    draw_list(frame, area, widget, screen.selected);
}

/// A runtime answer for the stock screen.
pub(super) fn answer(screen: &mut StockScreen, msg: Answer) -> Outcome {
    match msg {
        Answer::StockLoaded {
            lines,
            calls,
            expiring,
            count_corner_bears,
        } => {
            screen.count_corner_bears = count_corner_bears;
            screen.loaded(lines, calls);
            screen.expiring = Some(expiring);
        }
        Answer::StockRecorded {
            daily,
            documents,
            slips,
        } => return recorded(screen, daily, documents, slips),
        Answer::Failed {
            action: FailedEffect::LoadStock,
            ..
        } if screen.form.is_none() => return Outcome::home(),
        _ => {}
    }
    Outcome::stay()
}

/// The expiry list: per producer, each delivery still on the shelf that is past or near its
/// best-before date, oldest delivery first.
fn draw_expiry(cx: &Ctx, screen: &StockScreen, frame: &mut Frame, area: Rect) {
    let t = &cx.lang.text().ui;
    let e = cx.lang.stock_count();
    let [table, hint] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let hint_text = if screen.days_typed.is_empty() {
        e.expiry_hint.to_string()
    } else {
        (e.expiry_days_typed)(&screen.days_typed)
    };
    frame.render_widget(Paragraph::new(format!(" {hint_text}")).dark_gray(), hint);
    let days = screen.expiring.as_ref().map_or(0, |e| e.days);
    let block = Block::bordered()
        .title(format!(" {} ", (e.expiry_title)(days)))
        .padding(Padding::horizontal(1));
    let lines = screen.expiring.as_ref().map_or(&[][..], |e| &e.lines);
    if lines.is_empty() {
        let text = if screen.expiring.is_none() {
            t.stock_loading
        } else {
            e.expiry_none
        };
        super::widgets::placeholder(frame, table, block, text);
        return;
    }
    let header = Row::new([
        Cell::from(t.col_producer),
        Cell::from(t.col_item),
        Cell::from(e.col_delivery),
        Cell::from(e.col_best_before),
        Cell::from(right(e.col_left)),
        Cell::from(e.col_when),
    ])
    .bold();
    let rows = expiry_rows(cx, lines);
    let widget = Table::new(
        rows,
        [
            Constraint::Length(8),
            Constraint::Fill(1),
            Constraint::Length(9),
            Constraint::Length(11),
            Constraint::Length(8),
            Constraint::Length(11),
        ],
    )
    .column_spacing(1)
    .header(header)
    .block(block);
    draw_list(frame, table, widget, screen.selected);
}

/// The expiry list's rows: red once past the date, yellow before.
fn expiry_rows<'a>(cx: &Ctx, lines: &'a [ExpiryLine]) -> Vec<Row<'a>> {
    let e = cx.lang.stock_count();
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            // The producer is named once, on its first line.
            let first = i == 0 || lines[i - 1].producer_code != l.producer_code;
            let row = Row::new([
                Cell::from(if first {
                    l.producer_code.clone()
                } else {
                    String::new()
                }),
                Cell::from(crate::domain::catalogue::full_name(&l.name, &l.variant)),
                // The slip's number and the day it came, short: the year is this one or the last.
                Cell::from(format!(
                    "{} {}",
                    l.delivery_number,
                    l.delivered.format("%d/%m")
                )),
                Cell::from(format::date(l.best_before, cx.lang)),
                Cell::from(right(l.left.with_unit(l.unit))),
                Cell::from((e.days_left)(l.days_left(cx.today))),
            ]);
            if l.expired(cx.today) {
                row.red()
            } else {
                row.yellow()
            }
        })
        .collect()
}

/// The screen's face to the hub, the same on every screen: how it opens, takes a key and a
/// runtime answer, which key table it reads, and how it draws.
impl StockScreen {
    pub(super) fn open(_cx: &Ctx, _place: Place) -> (StockScreen, Vec<Effect>) {
        (StockScreen::loading(), vec![Effect::LoadStock])
    }

    pub(super) fn key(&mut self, cx: &Ctx, msg: Key) -> Outcome {
        let outcome = match msg {
            // Ctrl+Q: stock lines typed are work, dropped only after a yes.
            Key::Quit => match self.form.as_ref().map_or(0, |form| form.rows.len()) {
                0 => Outcome::quit(),
                lines => {
                    let question = Question::DiscardLines { lines, quit: true };
                    Outcome::ask_then(question, Outcome::quit())
                }
            },
            msg => key(cx, self, msg),
        };
        if matches!(outcome.go, Go::Ask(_)) {
            self.asked();
        }
        outcome
    }

    /// A question asked over the form returns, answered either way, to its lines: not to the
    /// reason field.
    pub(super) fn asked(&mut self) {
        if let Some(form) = &mut self.form {
            form.on_reason = false;
        }
    }

    pub(super) fn answer(&mut self, _cx: &Ctx, msg: Answer) -> Outcome {
        answer(self, msg)
    }

    pub(super) fn focus(&self) -> Focus {
        match &self.form {
            Some(form) if form.on_reason => Focus::StockReason,
            Some(form) if form.bears_losses() => Focus::WriteOff,
            Some(_) => Focus::Intake,
            None => Focus::Stock,
        }
    }

    pub(super) fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect, focused: bool) {
        match &self.form {
            Some(form) => stock_forms::draw_form(cx, form, frame, area, focused),
            None => draw(cx, self, frame, area, focused),
        }
    }
}
