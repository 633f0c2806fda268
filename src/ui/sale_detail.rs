//! One sale opened from the sales list (Enter): its lines, payments and the parts returned so
//! far; and the return form (F8) that takes part of it back — a quantity per line, how the
//! money goes back, a reason — of the open day (a partial void) or of a closed day (a
//! partial correction).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Stylize;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Padding, Paragraph, Row, Table};

use super::effect::Effect;
use super::failure::{FailedEffect, Failure, TillFailure};
use super::input::type_into;
use super::msg::Key;
use super::note::Note;
use super::outcome::{Ctx, Outcome};
use super::question::Question;
use super::widgets::{draw_list, placeholder, right};
use crate::domain::{
    PartRequest, PaymentMethod, Quantity, RefundMethod, Rupiah, Sale, SaleReturn, parse_quantity,
    reverse_part,
};
use crate::print::format;

const MAX_QUANTITY_TEXT: usize = 8;
const MAX_REASON: usize = 120;

/// A sale as the detail shows it; `sale` is `None` until the runtime has read it.
pub struct SaleDetail {
    pub sale_id: i64,
    pub sale: Option<Sale>,
    pub returns: Vec<SaleReturn>,
    /// The selected line.
    pub selected: usize,
    pub form: Option<ReturnForm>,
}

/// What is being returned: a quantity typed per line (empty: none of it), the refund and
/// the reason.
pub struct ReturnForm {
    pub quantities: Vec<String>,
    pub refund: RefundMethod,
    pub reason: String,
    /// The cursor is on the reason rather than on the selected line's quantity.
    pub on_reason: bool,
}

/// What a key on the detail did: stayed (with an outcome) or closed it, back to the list.
pub enum DetailKey {
    Stay(Outcome),
    Close,
}

impl SaleDetail {
    pub fn loading(sale_id: i64) -> SaleDetail {
        SaleDetail {
            sale_id,
            sale: None,
            returns: Vec::new(),
            selected: 0,
            form: None,
        }
    }

    /// How much of line `index` (from 0) was returned already, in thousandths.
    fn returned(&self, index: usize) -> i64 {
        self.returns
            .iter()
            .flat_map(|r| &r.lines)
            .filter(|l| l.line_no == index as i64 + 1)
            .map(|l| l.quantity.milli())
            .sum()
    }

    pub fn loaded(&mut self, sale: Sale, returns: Vec<SaleReturn>) {
        self.selected = self.selected.min(sale.lines.len().saturating_sub(1));
        self.sale = Some(sale);
        self.returns = returns;
    }
}

/// A key on the detail, or on its return form when open.
pub fn key(detail: &mut SaleDetail, msg: Key) -> DetailKey {
    let lines = detail.sale.as_ref().map_or(0, |s| s.lines.len());
    match msg {
        Key::Up => detail.selected = detail.selected.saturating_sub(1),
        Key::Down if detail.selected + 1 < lines => detail.selected += 1,
        _ if detail.form.is_some() => return DetailKey::Stay(form_key(detail, msg)),
        Key::ReturnPart => return DetailKey::Stay(open_form(detail)),
        Key::Reprint => {
            let reprint = Effect::ReprintReceipt {
                sale_id: detail.sale_id,
            };
            return DetailKey::Stay(Outcome::stay().run(vec![reprint]));
        }
        Key::Cancel => return DetailKey::Close,
        // Typing means selling again, as on the list.
        Key::Input(_) => return DetailKey::Stay(Outcome::home_with(msg)),
        _ => {}
    }
    DetailKey::Stay(Outcome::stay())
}

/// F8: the return form, the money going back by the sale's own (first) method.
fn open_form(detail: &mut SaleDetail) -> Outcome {
    let Some(sale) = &detail.sale else {
        return Outcome::stay();
    };
    if sale.voided {
        return Outcome::stay().note(Note::AlreadyVoided(sale.number));
    }
    let first = sale
        .payments
        .first()
        .map_or(PaymentMethod::Cash, |p| p.method);
    detail.form = Some(ReturnForm {
        quantities: vec![String::new(); sale.lines.len()],
        refund: RefundMethod::of(first),
        reason: String::new(),
        on_reason: false,
    });
    Outcome::stay()
}

fn form_key(detail: &mut SaleDetail, msg: Key) -> Outcome {
    let selected = detail.selected;
    let Some(form) = &mut detail.form else {
        return Outcome::stay();
    };
    match msg {
        Key::Input(c) if form.on_reason => type_into(&mut form.reason, c, MAX_REASON),
        Key::Input(c) if c.is_ascii_digit() || c == ',' || c == '.' => {
            if let Some(field) = form.quantities.get_mut(selected) {
                type_into(field, c, MAX_QUANTITY_TEXT);
            }
        }
        Key::Input(c) => return Outcome::stay().note(Note::DigitsOnly(c)),
        Key::Backspace if form.on_reason => {
            form.reason.pop();
        }
        Key::Backspace => {
            if let Some(field) = form.quantities.get_mut(selected) {
                field.pop();
            }
        }
        Key::Next | Key::Prev => form.on_reason = !form.on_reason,
        Key::CycleMethod => {
            let all = RefundMethod::ALL;
            let at = all.iter().position(|m| *m == form.refund).unwrap_or(0);
            form.refund = all[(at + 1) % all.len()];
        }
        Key::Record => return ask(detail),
        Key::Cancel => detail.form = None,
        _ => {}
    }
    Outcome::stay()
}

/// F2: every typed quantity checked against what is left of its line, then the question
/// with what goes back; its yes runs the return.
fn ask(detail: &mut SaleDetail) -> Outcome {
    let (Some(sale), Some(form)) = (&detail.sale, &detail.form) else {
        return Outcome::stay();
    };
    let (parts, amount) = match typed_parts(detail, sale, form) {
        Ok(typed) => typed,
        Err((line, refused)) => {
            detail.selected = line;
            return Outcome::stay().note(refused);
        }
    };
    if parts.is_empty() {
        let nothing = Failure::Till(TillFailure::NothingToReturn);
        return Outcome::stay().note(Note::Failed(FailedEffect::Till, nothing));
    }
    let reason = form.reason.trim().to_string();
    if reason.is_empty() {
        if let Some(form) = &mut detail.form {
            form.on_reason = true;
        }
        return Outcome::stay().note(Note::ReasonEmpty);
    }
    let question = Question::ReturnPart {
        number: sale.number,
        date: sale.day_date,
        lines: parts.len(),
        amount,
        refund: form.refund,
    };
    let yes = vec![Effect::ReturnPart {
        sale_id: sale.id,
        parts,
        refund: form.refund,
        reason,
    }];
    Outcome::ask(question, yes)
}

/// The quantities typed, each read for its line's unit and checked against what is left of
/// it, with the money they give back; or the first line refused and why.
fn typed_parts(
    detail: &SaleDetail,
    sale: &Sale,
    form: &ReturnForm,
) -> Result<(Vec<PartRequest>, Rupiah), (usize, Note)> {
    let mut parts = Vec::new();
    let mut amount = Rupiah::ZERO;
    for (i, (line, typed)) in sale.lines.iter().zip(&form.quantities).enumerate() {
        if typed.trim().is_empty() {
            continue;
        }
        let quantity =
            parse_quantity(typed, line.unit).map_err(|e| (i, Note::BadQuantity(e, line.unit)))?;
        let (sold, before) = (line.quantity.milli(), detail.returned(i));
        if quantity.milli() > sold - before {
            let refused = TillFailure::ReturnAboveSold {
                code: line.code.clone(),
                left: Quantity::from_milli(sold - before).number_text(),
            };
            return Err((i, Note::Failed(FailedEffect::Till, Failure::Till(refused))));
        }
        let frozen = crate::domain::LineAmounts {
            total: line.total,
            producer_share: line.producer_share,
            corner_share: line.corner_share,
        };
        amount += reverse_part(frozen, sold, before, quantity.milli()).total;
        parts.push(PartRequest {
            line_no: i as i64 + 1,
            quantity,
        });
    }
    Ok((parts, amount))
}

/// A return is on disk: the sale and its returns read back, the form closed.
pub fn returned(detail: &mut SaleDetail, sale: Option<Sale>, returns: Vec<SaleReturn>) {
    detail.form = None;
    if let Some(sale) = sale {
        detail.loaded(sale, returns);
    }
}

pub fn draw(cx: &Ctx, detail: &SaleDetail, frame: &mut Frame, area: Rect, focused: bool) {
    let t = &cx.lang.text().till;
    let Some(sale) = &detail.sale else {
        let block = Block::bordered().title(format!(" {} ", cx.lang.text().ui.sales_title));
        placeholder(frame, area, block, cx.lang.text().ui.sales_loading);
        return;
    };
    let title = (t.detail_title)(
        sale.number,
        &format::date_time(sale.at, cx.lang),
        &sale.attendant,
    );
    let block = Block::bordered()
        .title(format!(" {title} "))
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let form_rows = if detail.form.is_some() { 2 } else { 0 };
    let [table_area, money_area, form_area] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(2 + detail.returns.len().min(3) as u16),
        Constraint::Length(form_rows),
    ])
    .areas(inner);
    draw_lines(cx, detail, sale, frame, table_area);
    draw_money(cx, detail, sale, frame, money_area);
    if let Some(form) = &detail.form {
        draw_form(cx, form, frame, form_area, focused);
        if focused && !form.on_reason {
            // After what is typed in the last column (7 wide), on the selected line's row.
            let typed = form.quantities.get(detail.selected).map_or(0, String::len);
            let x = table_area.right().saturating_sub(7) + typed.min(6) as u16;
            let above: u16 = names(sale, table_area.width)
                .iter()
                .take(detail.selected)
                .map(|n| n.len() as u16)
                .sum();
            let y = table_area.y + 1 + above;
            frame.set_cursor_position((x, y.min(table_area.bottom().saturating_sub(1))));
        }
    }
}

fn draw_lines(cx: &Ctx, detail: &SaleDetail, sale: &Sale, frame: &mut Frame, area: Rect) {
    let t = &cx.lang.text().till;
    let header = Row::new([
        Cell::from(t.detail_item),
        Cell::from(right(t.detail_quantity)),
        Cell::from(right(cx.lang.text().ui.total)),
        Cell::from(right(t.detail_returned)),
        Cell::from(if detail.form.is_some() {
            t.detail_return_now
        } else {
            ""
        }),
    ])
    .bold();
    let rows = sale
        .lines
        .iter()
        .zip(names(sale, area.width))
        .enumerate()
        .map(|(i, (line, name))| {
            let height = name.len() as u16;
            let returned = detail.returned(i);
            let typed = detail
                .form
                .as_ref()
                .and_then(|f| f.quantities.get(i))
                .cloned()
                .unwrap_or_default();
            let row = Row::new([
                Cell::from(ratatui::text::Text::from(
                    name.into_iter().map(Line::from).collect::<Vec<_>>(),
                )),
                Cell::from(right(line.quantity.with_unit(line.unit))),
                Cell::from(right(line.total.to_string())),
                Cell::from(right(if returned == 0 {
                    String::new()
                } else {
                    Quantity::from_milli(returned).number_text()
                })),
                Cell::from(typed),
            ])
            .height(height);
            if returned == line.quantity.milli() {
                row.dark_gray()
            } else {
                row
            }
        });
    let table = Table::new(
        rows,
        [
            Constraint::Fill(1),
            Constraint::Length(9),
            Constraint::Length(11),
            Constraint::Length(7),
            Constraint::Length(7),
        ],
    )
    .column_spacing(1)
    .header(header);
    draw_list(frame, area, table, detail.selected);
}

/// Each line's name as the table shows it, in a table `width` wide: what the other columns,
/// their spacing and the selection marker leave, a long name on two lines rather than cut
/// (its size or variant is at the end).
fn names(sale: &Sale, width: u16) -> Vec<Vec<String>> {
    let room = usize::from(width)
        .saturating_sub(9 + 11 + 7 + 7 + 4 + 2)
        .max(8);
    sale.lines
        .iter()
        .map(|line| {
            let mut name = crate::print::wrap(&line.name, room);
            name.truncate(2);
            name
        })
        .collect()
}

/// How it was paid, and each part returned so far.
fn draw_money(cx: &Ctx, detail: &SaleDetail, sale: &Sale, frame: &mut Frame, area: Rect) {
    let t = &cx.lang.text().till;
    let paid: Vec<String> = sale
        .payments
        .iter()
        .map(|p| {
            format!(
                "{} {}",
                format::payment_method(p.method, cx.lang),
                p.tendered
            )
        })
        .collect();
    let mut lines = vec![Line::from(vec![
        Span::from(format!("{} ", cx.lang.text().ui.total)).bold(),
        Span::from(sale.total.to_string()).bold(),
        Span::from(format!(
            "  {}",
            (t.detail_paid)(&paid.join(" + "), sale.change())
        )),
    ])];
    if sale.voided {
        lines.push(Line::from(cx.lang.text().ui.voided_mark.red()));
    }
    for r in detail.returns.iter().rev().take(3) {
        let how = crate::print::refund_text(r.refund_method, cx.lang);
        lines.push(Line::from(
            (t.detail_return_line)(r.id, &format::time(r.at), r.amount(), &how, &r.reason)
                .dark_gray(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_form(cx: &Ctx, form: &ReturnForm, frame: &mut Frame, area: Rect, focused: bool) {
    let t = &cx.lang.text().till;
    let how = crate::print::refund_text(form.refund, cx.lang);
    let [refund_row, reason_row] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::from(format!("{} ", t.detail_refund)).bold(),
            Span::from(how).yellow(),
            Span::from(format!("  {}", t.detail_refund_hint)).dark_gray(),
        ])),
        refund_row,
    );
    let label = format!("{} ", t.detail_reason);
    let value = Span::from(format!(" {:<40}", form.reason));
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::from(label.clone()).bold(),
            if form.on_reason {
                value.reversed()
            } else {
                value.underlined()
            },
        ])),
        reason_row,
    );
    if focused && form.on_reason {
        let x = reason_row.x + (label.chars().count() + 1 + form.reason.chars().count()) as u16;
        frame.set_cursor_position((x.min(reason_row.right().saturating_sub(1)), reason_row.y));
    }
}
