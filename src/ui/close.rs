//! The close screen (F5, tutup kasir): the expected cash and where it came from, the count
//! as a total or by denomination with live totals, the variance and its reason, QRIS and
//! transfer to check; F2 asks for the count typed again (or, for a count near the expected
//! cash, the manager's PIN), then closes the day with the count in one transaction.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Padding, Paragraph, Row, Table, Wrap};

use super::effect::Effect;
use super::failure::FailedEffect;
use super::input::{self, type_into};
use super::keymap::Focus;
use super::msg::{Answer, Key};
use super::note::{Note, TillNote, UndoNote};
use super::outcome::{Ctx, Outcome, Place};
use super::question::Question;
use super::widgets::{centered, draw_list, right};
use crate::domain::cash::MAX_PIECES;
use crate::domain::{CashCount, DENOMINATIONS, DayReport, DenominationCount, Rupiah, parse_amount};
use crate::print::format;

const MAX_AMOUNT: usize = 20;
/// Four digits: 9.999 pieces, more than any drawer holds, and a row's value (up to
/// `Rp 999.900.000`) still fits beside its denomination at 80 columns.
const MAX_PIECES_TYPED: usize = 4;
const MAX_REASON: usize = 120;

/// The field with the keyboard.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Count,
    Reason,
}

pub struct CloseScreen {
    /// The open day's figures; `None` until the runtime has loaded them.
    pub report: Option<DayReport>,
    pub by_denomination: bool,
    /// The counted total as typed.
    pub total: String,
    /// Pieces per denomination as typed, in the order of `DENOMINATIONS`.
    pub pieces: [String; DENOMINATIONS.len()],
    /// The denomination row being typed into.
    pub row: usize,
    pub reason: String,
    pub field: Field,
    /// Opened from the question about a day left open: Esc goes back to it.
    pub stale: bool,
    /// Producers paid out at every closing who are still owed (code, balance): a reminder
    /// to pay them (Ctrl+P) before the count, since a closed day takes no payout.
    pub daily_unpaid: Vec<(String, Rupiah)>,
    /// The variance above which the close needs the manager, once loaded.
    pub approval_above: Option<Rupiah>,
    /// After F2: the count waits to be typed again (or the manager's PIN).
    pub confirming: Option<Confirming>,
    /// Letters typed on the count since the last other key: from the second on, what
    /// follows is words (`Kurang 500`), digits too, and is refused: a reason typed there
    /// never counts pieces.
    pub letters: usize,
}

/// A close asked for, waiting for its confirmation: one question answered with Y was all
/// that stood between a key storm and a closed day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confirming {
    pub count: CashCount,
    pub reason: String,
    pub variance: Rupiah,
    /// The count as typed again.
    pub typed: String,
    /// Off by more than the shop's threshold (or the threshold unknown): the retype is
    /// needed, and the ledger then asks for the manager's PIN as well.
    pub far: bool,
}

/// What the count says so far, or why it cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Counted {
    Nothing,
    Count(CashCount),
    Bad(Note),
}

impl CloseScreen {
    pub fn loading(stale: bool) -> CloseScreen {
        CloseScreen {
            report: None,
            by_denomination: false,
            total: String::new(),
            pieces: Default::default(),
            row: 0,
            reason: String::new(),
            field: Field::Count,
            stale,
            daily_unpaid: Vec::new(),
            approval_above: None,
            confirming: None,
            letters: 0,
        }
    }

    pub fn counted(&self) -> Counted {
        if self.by_denomination {
            if self.pieces.iter().all(|p| p.trim().is_empty()) {
                return Counted::Nothing;
            }
            let mut count = DenominationCount::default();
            for (slot, typed) in count.0.iter_mut().zip(&self.pieces) {
                let typed = typed.trim();
                if typed.is_empty() {
                    continue;
                }
                match typed.parse::<i64>() {
                    Ok(n) if (0..=MAX_PIECES).contains(&n) => *slot = n,
                    _ => return Counted::Bad(Note::Till(TillNote::BadPieces)),
                }
            }
            Counted::Count(CashCount::ByDenomination(count))
        } else {
            if self.total.trim().is_empty() {
                return Counted::Nothing;
            }
            match parse_amount(&self.total) {
                Ok(total) => Counted::Count(CashCount::Total(total)),
                Err(e) => Counted::Bad(Note::BadAmount(e)),
            }
        }
    }

    /// Anything typed: a total, any pieces, a reason.
    pub fn has_typed(&self) -> bool {
        !self.total.trim().is_empty()
            || !self.reason.trim().is_empty()
            || self.pieces.iter().any(|p| !p.trim().is_empty())
    }

    fn typed_field(&mut self) -> (&mut String, usize) {
        match (self.field, self.by_denomination) {
            (Field::Reason, _) => (&mut self.reason, MAX_REASON),
            (Field::Count, true) => (&mut self.pieces[self.row], MAX_PIECES_TYPED),
            (Field::Count, false) => (&mut self.total, MAX_AMOUNT),
        }
    }
}

pub(super) fn key(cx: &Ctx, screen: &mut CloseScreen, msg: Key) -> Outcome {
    if let Some(confirming) = &mut screen.confirming {
        return confirm_key(cx, confirming, msg).unwrap_or_else(|outcome| {
            screen.confirming = None;
            outcome
        });
    }
    let mut note = None;
    if !matches!(msg, Key::Input(_)) {
        screen.letters = 0;
    }
    match msg {
        Key::OpenPayouts => return Outcome::open(Place::At(Focus::Payouts)),
        Key::Input(c) => note = type_count(cx, screen, c),
        Key::Backspace => {
            screen.typed_field().0.pop();
        }
        Key::Up if screen.field == Field::Count => screen.row = screen.row.saturating_sub(1),
        Key::Down if screen.field == Field::Count => {
            screen.row = (screen.row + 1).min(DENOMINATIONS.len() - 1)
        }
        // Enter moves down the denominations as a count is read off the piles; it never
        // closes the day, and never moves the cursor between the count and the reason (the
        // reason is reached by Tab alone, so typing meant for one never lands in the other).
        Key::Submit
            if screen.field == Field::Count
                && screen.by_denomination
                && screen.row + 1 < DENOMINATIONS.len() =>
        {
            screen.row += 1
        }
        Key::Next | Key::Prev => {
            screen.field = match screen.field {
                Field::Count => Field::Reason,
                Field::Reason => Field::Count,
            }
        }
        Key::ToggleCount => {
            screen.by_denomination = !screen.by_denomination;
            screen.field = Field::Count;
        }
        Key::Record => return ask(screen),
        // A finished count is minutes of work: leaving with one typed asks first.
        Key::Cancel if screen.has_typed() => {
            let question = Question::DiscardCount {
                stale: screen.stale,
            };
            return Outcome::ask_then(question, leave(screen));
        }
        Key::Cancel => return leave(screen),
        _ => {}
    }
    Outcome::stay().maybe_note(unreadable(screen).or(note))
}

/// Back to where the close was opened from: the till, or the question about a day left open.
fn leave(screen: &CloseScreen) -> Outcome {
    if screen.stale {
        Outcome::open(Place::At(Focus::StaleDay))
    } else {
        Outcome::home()
    }
}

/// A character typed into the count or the reason; what the message line says of it.
fn type_count(cx: &Ctx, screen: &mut CloseScreen, c: char) -> Option<Note> {
    match (screen.field, screen.by_denomination) {
        (Field::Reason, _) => {
            type_into(&mut screen.reason, c, MAX_REASON);
            None
        }
        // A letter is no count, and nor are the digits typed after it (`Kurang 500`): a
        // reason typed on the count never adds pieces to a row.
        (Field::Count, by_denomination) => {
            let letter = c.is_alphabetic() && (by_denomination || !input::amount_char(c));
            screen.letters += usize::from(letter);
            // One letter among digits is a slip, refused alone; a second is words.
            if screen.letters >= 2 {
                return Some(Note::Till(TillNote::ReasonInItsField));
            }
            type_count_digits(cx, screen, c)
        }
    }
}

/// A character of a count: pieces of the row, or the total.
fn type_count_digits(cx: &Ctx, screen: &mut CloseScreen, c: char) -> Option<Note> {
    if !screen.by_denomination {
        return input::type_amount(cx.amount_refused, &mut screen.total, c, MAX_AMOUNT);
    }
    let pieces = &mut screen.pieces[screen.row];
    let too_many = (c.is_ascii_digit() && pieces.chars().count() >= MAX_PIECES_TYPED)
        .then_some(Note::Till(TillNote::TooManyPieces));
    input::type_digits(cx.amount_refused, pieces, c, MAX_PIECES_TYPED).or(too_many)
}

/// A count no further typing can mend says why as it is typed; one that may be half-way
/// (`15.0` on the way to `15.000`) waits for F2.
fn unreadable(screen: &CloseScreen) -> Option<Note> {
    match screen.counted() {
        Counted::Bad(note)
            if !matches!(note, Note::BadAmount(crate::domain::ParseError::NotANumber)) =>
        {
            Some(note)
        }
        _ => None,
    }
}

/// A key while the close waits for its confirmation: `Ok` keeps waiting, `Err` ends the
/// wait with its outcome (the close asked of the ledger, or back to the count).
fn confirm_key(cx: &Ctx, confirming: &mut Confirming, msg: Key) -> Result<Outcome, Outcome> {
    let note = match msg {
        Key::Input(c) => {
            input::type_amount(cx.amount_refused, &mut confirming.typed, c, MAX_AMOUNT)
        }
        Key::Backspace => {
            confirming.typed.pop();
            None
        }
        Key::Submit if confirming.typed.trim().is_empty() => {
            Some(undo_note(UndoNote::RetypeNeeded))
        }
        Key::Submit => match parse_amount(&confirming.typed) {
            Ok(typed) if typed == confirming.count.total() => {
                let effect = Effect::CloseDay {
                    count: confirming.count,
                    reason: confirming.reason.clone(),
                };
                return Err(Outcome::stay().run(vec![effect]));
            }
            _ => {
                confirming.typed.clear();
                Some(undo_note(UndoNote::RetypeDiffers))
            }
        },
        Key::ManagerPin if confirming.far => Some(undo_note(UndoNote::FarNoPinAlone)),
        Key::ManagerPin => {
            let effect = Effect::CloseDayOnPin {
                count: confirming.count,
                reason: confirming.reason.clone(),
            };
            return Err(Outcome::stay().run(vec![effect]));
        }
        Key::Cancel => return Err(Outcome::stay()),
        _ => None,
    };
    Ok(Outcome::stay().maybe_note(note))
}

fn undo_note(note: UndoNote) -> Note {
    Note::Till(TillNote::Undo(note))
}

/// F2: the count must be there, and a reason for any variance; then its confirmation.
fn ask(screen: &mut CloseScreen) -> Outcome {
    let Some(report) = &screen.report else {
        return Outcome::stay();
    };
    let count = match screen.counted() {
        Counted::Count(count) => count,
        Counted::Nothing => return Outcome::stay().note(Note::Till(TillNote::CountNeeded)),
        Counted::Bad(note) => return Outcome::stay().note(note),
    };
    let variance = count.total() - report.expected_cash;
    let reason = screen.reason.trim().to_string();
    // The cursor stays where it is: the note says to Tab to the reason.
    if variance != Rupiah::ZERO && reason.is_empty() {
        return Outcome::stay().note(Note::Till(TillNote::VarianceNeedsReason(variance)));
    }
    let far = screen
        .approval_above
        .is_none_or(|above| variance.value().abs() > above.value());
    screen.confirming = Some(Confirming {
        count,
        reason,
        variance,
        typed: String::new(),
        far,
    });
    Outcome::stay()
}

pub(super) fn draw(cx: &Ctx, screen: &CloseScreen, frame: &mut Frame, area: Rect, focused: bool) {
    let t = &cx.lang.text().till;
    let date = screen
        .report
        .as_ref()
        .map(|r| r.date)
        .or(cx.status.map(|s| s.day.date))
        .unwrap_or(cx.today);
    let block = Block::bordered()
        .title(format!(
            " {} ",
            (t.close_title)(&format::date(date, cx.lang))
        ))
        .border_style(Style::new().cyan());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(report) = &screen.report else {
        frame.render_widget(Paragraph::new(t.loading.dark_gray()).centered(), inner);
        return;
    };
    let [inner, proof] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    // The paper the close prints is what later proves the file: said before it is printed.
    frame.render_widget(
        Paragraph::new(cx.lang.undo().head_is_proof.dark_gray()).centered(),
        proof,
    );
    let [left, right_side] =
        Layout::horizontal([Constraint::Length(40), Constraint::Fill(1)]).areas(inner);
    // Left: 38 columns inside; right: 34 inside its border and padding.
    draw_expected(cx, screen, report, frame, left);
    draw_count(
        cx,
        screen,
        report,
        frame,
        right_side,
        focused && screen.confirming.is_none(),
    );
    if let Some(confirming) = &screen.confirming {
        draw_confirming(
            cx,
            confirming,
            screen.approval_above,
            (date, frame, area),
            focused,
        );
    }
}

/// The confirmation over the close screen: the figures, the count typed again, and what
/// else may confirm it.
fn draw_confirming(
    cx: &Ctx,
    confirming: &Confirming,
    above: Option<Rupiah>,
    (date, frame, area): (chrono::NaiveDate, &mut Frame, Rect),
    focused: bool,
) {
    let u = cx.lang.undo();
    let popup = centered(area, 74, 10);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", u.confirm_title))
        .border_style(Style::new().yellow())
        .padding(Padding::horizontal(1));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let date = format::date(date, cx.lang);
    let how = match (confirming.far, above) {
        (true, Some(above)) => (u.far_needs_both)(above),
        (true, None) => u.retype_needed.to_string(),
        (false, _) => u.or_manager_pin.to_string(),
    };
    let label = format!("{} ", u.retype_label);
    let field = Span::from(format!(" {:<19}", confirming.typed));
    let figures = (u.confirm_figures)(&date, confirming.count.total(), confirming.variance);
    let mut lines: Vec<Line> = figures.lines().map(|l| Line::from(l.to_string())).collect();
    lines.extend([
        Line::from(""),
        Line::from(vec![
            Span::from(label.clone()).bold(),
            if focused {
                field.reversed()
            } else {
                field.underlined()
            },
        ]),
        Line::from(how),
        Line::from(""),
        Line::from(u.confirm_after.dark_gray()),
    ]);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
    if focused {
        let x =
            inner.x + label.chars().count() as u16 + 1 + confirming.typed.chars().count() as u16;
        frame.set_cursor_position((x.min(inner.right() - 1), inner.y + 3));
    }
}

fn money_row<'a>(label: &'a str, amount: Rupiah) -> Row<'a> {
    Row::new([Cell::from(label), Cell::from(right(amount.to_string()))])
}

fn draw_expected(
    cx: &Ctx,
    screen: &CloseScreen,
    report: &DayReport,
    frame: &mut Frame,
    area: Rect,
) {
    let t = &cx.lang.text().till;
    let cash = &report.cash;
    // As wide as the widest figure, so an amount is never cut (a long label is instead).
    let width = [
        cash.float,
        cash.sales,
        cash.tab_payments,
        cash.cash_in,
        -cash.cash_out,
        -cash.payouts,
        -cash.refunds,
        report.expected_cash,
        report.to_check.qris,
        report.to_check.transfer,
    ]
    .iter()
    .map(|a| a.to_string().chars().count() as u16)
    .fold(12, u16::max);
    let rows = vec![
        money_row(t.float, cash.float),
        money_row(t.cash_sales, cash.sales),
        money_row(t.cash_tab_payments, cash.tab_payments),
        money_row(t.cash_in, cash.cash_in),
        money_row(t.cash_out, -cash.cash_out),
        money_row(t.cash_payouts, -cash.payouts),
        money_row(t.cash_refunds, -cash.refunds),
        money_row(t.expected_cash, report.expected_cash).bold(),
        Row::new([""]),
        Row::new([Cell::from(t.to_check.dark_gray())]),
        money_row(t.qris_check, report.to_check.qris),
        money_row(t.transfer_check, report.to_check.transfer),
    ];
    let mut rows = rows;
    if !screen.daily_unpaid.is_empty() {
        let owed: Rupiah = screen.daily_unpaid.iter().map(|(_, owed)| *owed).sum();
        let label = (t.daily_unpaid)(screen.daily_unpaid.len());
        rows.push(Row::new([""]));
        rows.push(Row::new([Cell::from(label), Cell::from(right(owed.to_string()))]).yellow());
        rows.push(Row::new([Cell::from(t.daily_unpaid_hint.yellow())]));
    }
    let table = Table::new(rows, [Constraint::Fill(1), Constraint::Length(width)])
        .block(Block::new().padding(Padding::horizontal(1)));
    frame.render_widget(table, area);
}

/// The count by denomination: pieces typed per note or coin, and what each row is worth.
fn draw_denominations(
    t: &crate::strings::TillText,
    screen: &CloseScreen,
    frame: &mut Frame,
    count: Rect,
    on_count: bool,
) {
    // The table has the padding too: the marker already sets it off from the border,
    // and 36 columns hold the widest label, four digits and the widest value in full.
    let count = Rect {
        x: count.x - 1,
        width: count.width + 2,
        ..count
    };
    let values: Vec<String> = DENOMINATIONS
        .iter()
        .zip(&screen.pieces)
        .map(|(d, typed)| {
            typed
                .trim()
                .parse::<i64>()
                .ok()
                .map_or_else(String::new, |n| Rupiah(d.face.value() * n).to_string())
        })
        .collect();
    // The values' column is as wide as the widest value, so none is cut.
    let value_width = values
        .iter()
        .map(|v| v.chars().count() as u16)
        .fold(10, u16::max);
    let rows = DENOMINATIONS
        .iter()
        .zip(&screen.pieces)
        .zip(values)
        .map(|((d, typed), value)| {
            Row::new([
                Cell::from((t.denomination)(d.face, d.coin)),
                Cell::from(right(typed.clone())),
                Cell::from(right(value)),
            ])
        });
    let header = Row::new([
        Cell::from(t.column_denomination),
        Cell::from(right(t.column_pieces)),
        Cell::from(right(t.column_subtotal)),
    ])
    .bold();
    let table = Table::new(
        rows,
        [
            Constraint::Fill(1),
            Constraint::Length(6),
            Constraint::Length(value_width + 1),
        ],
    )
    .column_spacing(0)
    .header(header);
    // The row marker only where typing goes: on the reason, no row is selected.
    if on_count {
        draw_list(frame, count, table, screen.row);
    } else {
        frame.render_widget(table, count);
    }
    if on_count {
        // At the right of the pieces: left of the value column and its spacing.
        let x = count.right() - value_width - 1;
        frame.set_cursor_position((x.min(count.right() - 1), count.y + 1 + screen.row as u16));
    }
}

/// The count as one total typed.
fn draw_total(
    t: &crate::strings::TillText,
    screen: &CloseScreen,
    frame: &mut Frame,
    count: Rect,
    on_count: bool,
) {
    let label = format!("{:<14}", t.counted_cash);
    let line = Line::from(vec![
        Span::from(label.clone()).bold(),
        if on_count {
            Span::from(format!(" {:<19}", screen.total)).reversed()
        } else {
            Span::from(format!(" {:<19}", screen.total)).underlined()
        },
    ]);
    frame.render_widget(Paragraph::new(line), count);
    if on_count {
        let x = count.x + label.chars().count() as u16 + 1 + screen.total.chars().count() as u16;
        frame.set_cursor_position((x.min(count.right() - 1), count.y));
    }
}

fn draw_count(
    cx: &Ctx,
    screen: &CloseScreen,
    report: &DayReport,
    frame: &mut Frame,
    area: Rect,
    focused: bool,
) {
    let t = &cx.lang.text().till;
    let mode = if screen.by_denomination {
        t.count_by_denomination
    } else {
        t.count_by_total
    };
    let block = Block::bordered()
        .title(format!(" {mode} "))
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let count_height = if screen.by_denomination {
        DENOMINATIONS.len() as u16 + 1
    } else {
        1
    };
    let [count, _, counted, variance, reason] = Layout::vertical([
        Constraint::Length(count_height),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let on_count = focused && screen.field == Field::Count;
    if screen.by_denomination {
        draw_denominations(t, screen, frame, count, on_count);
    } else {
        draw_total(t, screen, frame, count, on_count);
    }
    // The label, then the value right-aligned at column 34 or further right when it is
    // longer: a value is never cut, a label may be.
    let mut pair = |label: &str, value: String, style: Style, area: Rect| {
        let width = (14 + value.chars().count() as u16).max(34).min(area.width);
        let area = Rect { width, ..area };
        frame.render_widget(Paragraph::new(label.to_string()), area);
        let value = format!(" {value}");
        let value_width = (value.chars().count() as u16).min(width);
        let value_area = Rect {
            x: area.right() - value_width,
            width: value_width,
            ..area
        };
        frame.render_widget(Paragraph::new(Span::styled(value, style)), value_area);
    };
    let (counted_text, variance_text, variance_style) = match screen.counted() {
        Counted::Count(c) => {
            let v = c.total() - report.expected_cash;
            let style = if v == Rupiah::ZERO {
                Style::new().green().bold()
            } else {
                Style::new().red().bold()
            };
            (c.total().to_string(), v.to_string(), style)
        }
        _ => ("-".to_string(), "-".to_string(), Style::new()),
    };
    // Counted by total, the field above is the counted cash: it is not said twice.
    if screen.by_denomination {
        pair(t.counted_cash, counted_text, Style::new().bold(), counted);
    }
    pair(t.variance, variance_text, variance_style, variance);
    let label = format!("{:<8}", t.reason);
    let on_reason = focused && screen.field == Field::Reason;
    let value = Span::from(format!(" {:<25}", screen.reason));
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::from(label.clone()),
            if on_reason {
                value.reversed()
            } else {
                value.underlined()
            },
        ])),
        reason,
    );
    if on_reason {
        let x = reason.x + label.chars().count() as u16 + 1 + screen.reason.chars().count() as u16;
        frame.set_cursor_position((x.min(reason.right() - 1), reason.y));
    }
}

/// A runtime answer for the close screen.
pub(super) fn answer(screen: &mut CloseScreen, msg: Answer) -> Outcome {
    match msg {
        Answer::CloseLoaded(report) => screen.report = Some(*report),
        Answer::CloseThreshold(above) => screen.approval_above = Some(above),
        Answer::BalancesAtClose(balances) => {
            screen.daily_unpaid = balances
                .into_iter()
                .filter(|b| b.payout_daily && b.balance.is_positive())
                .map(|b| (b.code, b.balance))
                .collect();
        }
        Answer::Failed {
            action: FailedEffect::Till,
            ..
        } if screen.report.is_none() => {
            return match screen.stale {
                true => Outcome::open(Place::At(Focus::StaleDay)),
                false => Outcome::home(),
            };
        }
        _ => {}
    }
    Outcome::stay()
}

/// The screen's face to the hub, the same on every screen: how it opens, takes a key and a
/// runtime answer, which key table it reads, and how it draws.
impl CloseScreen {
    pub(super) fn open(_cx: &Ctx, place: Place) -> (CloseScreen, Vec<Effect>) {
        (
            CloseScreen::loading(place == Place::Close { stale: true }),
            vec![Effect::LoadClose],
        )
    }

    pub(super) fn key(&mut self, cx: &Ctx, msg: Key) -> Outcome {
        key(cx, self, msg)
    }

    pub(super) fn answer(&mut self, _cx: &Ctx, msg: Answer) -> Outcome {
        answer(self, msg)
    }

    pub(super) fn focus(&self) -> Focus {
        match self.confirming {
            Some(_) => Focus::CloseConfirm,
            None => Focus::CloseDay,
        }
    }

    pub(super) fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect, focused: bool) {
        draw(cx, self, frame, area, focused);
    }
}
