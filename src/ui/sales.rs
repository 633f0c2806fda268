//! Today's sales: the list, voiding a sale (a reason, then a confirmation), and one sale
//! opened in full (Enter), where part of it is returned (`sale_detail`).

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Clear, Padding, Paragraph, Row, Table};

use super::effect::Effect;
use super::failure::FailedEffect;
use super::input::type_into;
use super::keymap::Focus;
use super::msg::{Answer, Key};
use super::note::{Note, TillNote, UndoNote};
use super::outcome::{Ctx, Go, Outcome, Place, TillChange};
use super::question::Question;
use super::sale_detail::{self, DetailKey, SaleDetail};
use super::widgets::{centered, draw_list, right};
use crate::domain::{PaymentMethod, RefundMethod, SaleSummary};
use crate::print::format;
use chrono::NaiveDate;

const MAX_REASON: usize = 120;

pub struct SalesList {
    /// `None` until the runtime has loaded them.
    pub sales: Option<Vec<SaleSummary>>,
    pub selected: usize,
    /// The reason being typed for voiding the selected sale.
    pub reason: Option<String>,
    /// The day shown when stepped to with PgUp/PgDn (or ←/→); `None`: the open day's.
    pub day: Option<PastDay>,
    /// While correcting a closed day's sale: how the money goes back (F7 cycles).
    pub refund: Option<RefundMethod>,
    /// The sale opened with Enter, over the list.
    pub detail: Option<SaleDetail>,
}

/// A day the sales list was stepped to.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PastDay {
    pub date: NaiveDate,
    /// A closed day's sales are corrected (F8), not voided.
    pub closed: bool,
}

impl SalesList {
    pub fn loading() -> SalesList {
        SalesList {
            sales: None,
            selected: 0,
            reason: None,
            day: None,
            refund: None,
            detail: None,
        }
    }

    /// Whether the list shows a closed day, whose sales are corrected rather than voided.
    pub fn closed_day(&self) -> bool {
        self.day.is_some_and(|d| d.closed)
    }

    pub fn loaded(&mut self, sales: Vec<SaleSummary>) {
        self.selected = self.selected.min(sales.len().saturating_sub(1));
        self.sales = Some(sales);
    }

    fn current(&self) -> Option<&SaleSummary> {
        self.sales.as_ref()?.get(self.selected)
    }
}

/// A key on the list of sales: the reason being typed for a void or correction, else the list.
pub(super) fn key(list: &mut SalesList, msg: Key) -> Outcome {
    if list.reason.is_some() {
        return reason_key(list, msg);
    }
    if list.detail.is_some() {
        return detail_key(list, msg);
    }
    match msg {
        Key::Submit => {
            if let Some(sale) = list.current() {
                let sale_id = sale.id;
                list.detail = Some(SaleDetail::loading(sale_id));
                return Outcome::stay().run(vec![Effect::LoadSaleDetail { sale_id }]);
            }
        }
        Key::Up => list.selected = list.selected.saturating_sub(1),
        Key::Down => {
            let count = list.sales.as_ref().map_or(0, Vec::len);
            if list.selected + 1 < count {
                list.selected += 1;
            }
        }
        Key::VoidSale => match list.current() {
            Some(sale) if sale.voided || sale.corrected => {
                return Outcome::stay().note(Note::AlreadyVoided(sale.number));
            }
            // A closed day's sale is corrected on the open day, its money back by its own method.
            Some(sale) if list.day.is_some_and(|d| d.closed) => {
                let first = sale.methods.first().copied().unwrap_or(PaymentMethod::Cash);
                list.refund = Some(RefundMethod::of(first));
                list.reason = Some(String::new());
            }
            Some(_) => list.reason = Some(String::new()),
            None => {}
        },
        Key::Prev | Key::Next => {
            return Outcome::stay().run(vec![Effect::LoadSalesNear {
                from: list.day.map(|d| d.date),
                older: msg == Key::Prev,
            }]);
        }
        // The Z report of the closed day shown, again (its copy is marked SALINAN).
        Key::ReprintZ => match list.day {
            Some(day) if day.closed => {
                return Outcome::stay().run(vec![Effect::WriteDayReport { date: day.date }]);
            }
            _ => return Outcome::stay().note(Note::Till(TillNote::Undo(UndoNote::ZOfClosedDay))),
        },
        Key::Reprint => {
            if let Some(sale) = list.current() {
                return Outcome::stay().run(vec![Effect::ReprintReceipt { sale_id: sale.id }]);
            }
        }
        Key::Cancel => return Outcome::home(),
        // Typing means selling again: a scan goes to the entry line, not into the list.
        Key::Input(_) => return Outcome::home_with(msg),
        _ => {}
    }
    Outcome::stay()
}

/// A key on the sale opened over the list; Esc there comes back to the list.
fn detail_key(list: &mut SalesList, msg: Key) -> Outcome {
    let Some(detail) = &mut list.detail else {
        return Outcome::stay();
    };
    match sale_detail::key(detail, msg) {
        DetailKey::Stay(outcome) => outcome,
        DetailKey::Close => {
            list.detail = None;
            Outcome::stay()
        }
    }
}

/// A key while the reason for a void or a correction is typed.
fn reason_key(list: &mut SalesList, msg: Key) -> Outcome {
    let Some(reason) = &mut list.reason else {
        return Outcome::stay();
    };
    match msg {
        Key::Input(c) => type_into(reason, c, MAX_REASON),
        Key::Backspace => {
            reason.pop();
        }
        Key::Cancel => {
            list.reason = None;
            list.refund = None;
        }
        Key::CycleMethod => {
            if let Some(refund) = &mut list.refund {
                let all = RefundMethod::ALL;
                let at = all.iter().position(|m| m == refund).unwrap_or(0);
                *refund = all[(at + 1) % all.len()];
            }
        }
        Key::Submit => {
            let reason = reason.trim().to_string();
            if reason.is_empty() {
                return Outcome::stay().note(Note::ReasonEmpty);
            }
            return ask(list, reason);
        }
        _ => {}
    }
    Outcome::stay()
}

/// Enter on the reason: a closed day's sale is corrected, the open day's voided; each asks.
fn ask(list: &mut SalesList, reason: String) -> Outcome {
    match (list.current(), list.refund, list.day) {
        (Some(sale), Some(refund), Some(day)) => {
            let yes = vec![Effect::CorrectSale {
                sale_id: sale.id,
                refund,
                reason: reason.clone(),
            }];
            let question = Question::Correct {
                sale_id: sale.id,
                number: sale.number,
                date: day.date,
                total: sale.total,
                refund,
                reason,
            };
            Outcome::ask(question, yes)
        }
        (Some(sale), ..) => {
            let yes = vec![Effect::VoidSale {
                sale_id: sale.id,
                reason: reason.clone(),
            }];
            let question = Question::Void {
                sale_id: sale.id,
                number: sale.number,
                total: sale.total,
                reason,
            };
            Outcome::ask(question, yes)
        }
        (None, ..) => {
            list.reason = None;
            Outcome::stay()
        }
    }
}

/// The runtime voided the sale: the fresh list, or, where it could not be read back, the
/// sale marked voided among the ones on screen.
fn voided(
    list: &mut SalesList,
    sale_id: i64,
    fresh_figures: bool,
    sales: Option<Vec<SaleSummary>>,
) -> Outcome {
    list.reason = None;
    // Without the day's figures read back, the till takes the sale out as the list showed it.
    let unsold = list
        .sales
        .iter()
        .flatten()
        .find(|s| s.id == sale_id && !s.voided && !fresh_figures)
        .map(|s| TillChange::Voided(s.total));
    let before = list.sales.take().unwrap_or_default();
    let sales = sales.unwrap_or_else(|| {
        let mut sales = before;
        for sale in sales.iter_mut().filter(|s| s.id == sale_id) {
            sale.voided = true;
        }
        sales
    });
    let number = sales
        .iter()
        .find(|s| s.id == sale_id)
        .map_or(sale_id, |s| s.number);
    list.loaded(sales);
    let outcome = Outcome::stay().note(Note::Voided(number));
    match unsold {
        Some(change) => outcome.till(change),
        None => outcome,
    }
}

/// A correction is on disk: the day's list again, or the sale marked corrected.
fn corrected(list: &mut SalesList, sale_id: i64, sales: Option<Vec<SaleSummary>>) {
    list.reason = None;
    list.refund = None;
    match sales {
        Some(sales) => list.loaded(sales),
        None => {
            for s in list.sales.iter_mut().flatten() {
                if s.id == sale_id {
                    s.corrected = true;
                }
            }
        }
    }
}

/// The sales of the day stepped to.
fn day_loaded(
    cx: &Ctx,
    list: &mut SalesList,
    date: NaiveDate,
    closed: bool,
    sales: Vec<SaleSummary>,
) {
    let open = cx.status.map(|s| s.day.date);
    list.day = if !closed && open == Some(date) {
        None
    } else {
        Some(PastDay { date, closed })
    };
    list.selected = 0;
    list.loaded(sales);
}

pub(super) fn draw(cx: &Ctx, list: &SalesList, frame: &mut Frame, area: Rect, focused: bool) {
    if let Some(detail) = &list.detail {
        sale_detail::draw(cx, detail, frame, area, focused);
        return;
    }
    let t = &cx.lang.text().ui;
    let till = &cx.lang.text().till;
    let title = match list.day {
        Some(day) => (till.sales_of_day)(&format::date(day.date, cx.lang), day.closed),
        None => t.sales_title.to_string(),
    };
    let block = Block::bordered()
        .title(format!(" {title} "))
        .padding(Padding::horizontal(1));
    match &list.sales {
        None => {
            let text = Paragraph::new(t.sales_loading.dark_gray())
                .centered()
                .block(block);
            frame.render_widget(text, area);
        }
        Some(sales) if sales.is_empty() => {
            let text = Paragraph::new(t.sales_none.dark_gray())
                .centered()
                .block(block);
            frame.render_widget(text, area);
        }
        Some(sales) => {
            let header = Row::new([
                Cell::from(right(t.col_no)),
                Cell::from(t.col_time),
                Cell::from(right(t.col_lines)),
                Cell::from(right(t.total)),
                Cell::from(t.col_paid_by),
                Cell::from(""),
            ])
            .bold();
            let rows = sales.iter().map(|s| {
                let row = Row::new([
                    Cell::from(right(s.number.to_string())),
                    Cell::from(format::time(s.at)),
                    Cell::from(right(s.line_count.to_string())),
                    Cell::from(right(s.total.to_string())),
                    Cell::from(
                        s.methods
                            .iter()
                            .map(|m| format::payment_method(*m, cx.lang))
                            .collect::<Vec<_>>()
                            .join("+"),
                    ),
                    Cell::from(if s.voided {
                        t.voided_mark.to_string()
                    } else if s.corrected {
                        till.corrected_mark.to_string()
                    } else if s.returned.is_positive() {
                        (till.returned_mark)(s.returned)
                    } else {
                        String::new()
                    }),
                ]);
                if s.voided || s.corrected {
                    row.red()
                } else {
                    row
                }
            });
            let table = Table::new(
                rows,
                [
                    Constraint::Length(5),
                    Constraint::Length(6),
                    Constraint::Length(5),
                    Constraint::Length(13),
                    // `Tunai+QRIS+Transfer`
                    Constraint::Length(19),
                    Constraint::Fill(1),
                ],
            )
            .column_spacing(2)
            .header(header)
            .block(block);
            draw_list(frame, area, table, list.selected);
        }
    }
    if let (Some(reason), Some(sale)) = (&list.reason, list.current()) {
        let title = match list.refund {
            Some(refund) => {
                (till.correction_title)(sale.number, &crate::print::refund_text(refund, cx.lang))
            }
            None => (t.reason_title)(sale.number),
        };
        let popup = centered(area, super::widgets::fit_title(64, &title, area), 3);
        frame.render_widget(Clear, popup);
        let block = Block::bordered()
            .title(format!(" {title} "))
            .border_style(Style::new().yellow())
            .padding(Padding::horizontal(1));
        let inner = block.inner(popup);
        frame.render_widget(
            Paragraph::new(Line::from(reason.as_str().bold())).block(block),
            popup,
        );
        if focused {
            let x = inner.x + (reason.chars().count() as u16).min(inner.width.saturating_sub(1));
            frame.set_cursor_position((x, inner.y));
        }
    }
}

/// A runtime answer for the list of sales.
pub(super) fn answer(cx: &Ctx, list: &mut SalesList, msg: Answer) -> Outcome {
    match msg {
        Answer::SalesLoaded(sales) => list.loaded(sales),
        Answer::SaleVoided {
            sale_id,
            status,
            sales,
        } => return voided(list, sale_id, status.is_some(), sales),
        Answer::SaleCorrected { correction, sales } => corrected(list, correction.sale_id, sales),
        Answer::SaleDetailLoaded { sale, returns } => {
            if let Some(detail) = list.detail.as_mut().filter(|d| d.sale_id == sale.id) {
                detail.loaded(sale, returns);
            }
        }
        Answer::PartReturned {
            sale,
            returns,
            sales,
            ..
        } => {
            if let Some(detail) = &mut list.detail {
                sale_detail::returned(detail, sale, returns);
            }
            if let Some(sales) = sales {
                list.loaded(sales);
            }
        }
        Answer::DaySalesLoaded {
            date,
            closed,
            sales,
        } => day_loaded(cx, list, date, closed, sales),
        Answer::Failed {
            action: FailedEffect::LoadSales,
            ..
        } => return Outcome::home(),
        _ => {}
    }
    Outcome::stay()
}

/// The screen's face to the hub, the same on every screen: how it opens, takes a key and a
/// runtime answer, which key table it reads, and how it draws.
impl SalesList {
    pub(super) fn open(_cx: &Ctx, place: Place) -> (SalesList, Vec<Effect>) {
        let closed_day = match place {
            Place::Sales { closed_day } => closed_day,
            _ => None,
        };
        let load = match closed_day {
            None => Effect::LoadSales,
            from => Effect::LoadSalesNear { from, older: false },
        };
        (SalesList::loading(), vec![load])
    }

    pub(super) fn key(&mut self, _cx: &Ctx, msg: Key) -> Outcome {
        let outcome = key(self, msg);
        // A question, answered either way, returns to the list: not to the reason it was
        // asked from (drawn under it, the question covers it).
        if matches!(outcome.go, Go::Ask(_)) {
            self.reason = None;
            self.refund = None;
        }
        outcome
    }

    pub(super) fn answer(&mut self, cx: &Ctx, msg: Answer) -> Outcome {
        answer(cx, self, msg)
    }

    pub(super) fn focus(&self) -> Focus {
        match (&self.reason, &self.refund) {
            (Some(_), Some(_)) => Focus::CorrectionReason,
            (Some(_), None) => Focus::Reason,
            (None, _) => match self.detail.as_ref().map(|d| d.form.as_ref()) {
                Some(Some(form)) if form.on_reason => Focus::ReturnReason,
                Some(Some(_)) => Focus::ReturnForm,
                Some(None) => Focus::SaleDetail,
                // A closed day's sales are corrected: a key table whose bar says so.
                None if self.closed_day() => Focus::ClosedSales,
                None => Focus::Sales,
            },
        }
    }

    pub(super) fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect, focused: bool) {
        draw(cx, self, frame, area, focused);
    }
}
