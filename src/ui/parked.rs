//! The carts parked while the next customer in the queue was served (F12 on an empty cart):
//! oldest first, with what each holds and what was already paid of it; Enter serves one again.

pub use super::queue_note::{QueueNote, methods_text};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Stylize;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

use super::effect::Effect;
use super::failure::FailedEffect;
use super::keymap::Focus;
use super::msg::{Answer, Key};
use super::outcome::{Ctx, Outcome, Place};
use super::widgets::{draw_list, name_text, right};
use crate::domain::{Cart, ParkedCart, PaymentMethod, Rupiah};
use unicode_width::UnicodeWidthStr;

pub struct ParkedList {
    /// `None` until the runtime has loaded them.
    pub carts: Option<Vec<ParkedCart>>,
    pub selected: usize,
}

/// The parts a cart carries, as the note of a recall names them.
pub fn parts_of(cart: &Cart) -> Vec<(PaymentMethod, Rupiah)> {
    cart.parts.iter().map(|p| (p.method, p.amount)).collect()
}

impl ParkedList {
    pub(super) fn open(_cx: &Ctx, _place: Place) -> (ParkedList, Vec<Effect>) {
        let list = ParkedList {
            carts: None,
            selected: 0,
        };
        (list, vec![Effect::LoadParked])
    }

    pub(super) fn key(&mut self, _cx: &Ctx, msg: Key) -> Outcome {
        let count = self.carts.as_ref().map_or(0, Vec::len);
        match msg {
            Key::Up => self.selected = self.selected.saturating_sub(1),
            Key::Down if self.selected + 1 < count => self.selected += 1,
            Key::Submit => {
                let chosen = self.carts.as_ref().and_then(|c| c.get(self.selected));
                if let Some(parked) = chosen {
                    return Outcome::stay().run(vec![Effect::RecallCart(parked.id)]);
                }
            }
            Key::Cancel => return Outcome::home(),
            _ => {}
        }
        Outcome::stay()
    }

    /// The list as read; a recall is taken by the hub, which owns the cart.
    pub(super) fn answer(&mut self, _cx: &Ctx, msg: Answer) -> Outcome {
        match msg {
            Answer::ParkedLoaded(carts) => {
                self.selected = self.selected.min(carts.len().saturating_sub(1));
                self.carts = Some(carts);
            }
            Answer::Failed {
                action: FailedEffect::Parked,
                ..
            } if self.carts.is_none() => return Outcome::home(),
            _ => {}
        }
        Outcome::stay()
    }

    pub(super) fn focus(&self) -> Focus {
        Focus::Parked
    }

    pub(super) fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect, _focused: bool) {
        let q = cx.lang.queue();
        let block = Block::bordered().title(format!(" {} ", q.title));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [list, hint] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
        frame.render_widget(Paragraph::new(q.hint).dark_gray(), hint);
        let Some(carts) = &self.carts else {
            frame.render_widget(Paragraph::new(q.loading), list);
            return;
        };
        if carts.is_empty() {
            frame.render_widget(Paragraph::new(q.none).italic(), list);
            return;
        }
        let t = &cx.lang.text().ui;
        let header = Row::new([
            Cell::from(t.col_no),
            Cell::from(q.col_parked_at),
            Cell::from(q.col_items),
            Cell::from(right(t.total)),
            Cell::from(right(q.col_paid)),
        ])
        .bold();
        // What is left of the row for the items: the fixed columns, their gaps, the marker.
        let items_width = usize::from(list.width).saturating_sub(FIXED_WIDTH);
        let rows = carts.iter().enumerate().map(|(i, parked)| {
            let cart = &parked.cart;
            let paid = match cart.parts.is_empty() {
                true => "-".to_string(),
                false => format!(
                    "{} {}",
                    cart.paid(),
                    methods_text(cart.parts.iter().map(|p| p.method), cx.lang)
                ),
            };
            let items = item_lines(cart, items_width);
            let height = items.len().max(1) as u16;
            Row::new([
                Cell::from(format!("{}", i + 1)),
                Cell::from(parked.parked_at.format("%H:%M").to_string()),
                Cell::from(items.join("\n")),
                Cell::from(right(cart.total().to_string())),
                Cell::from(right(paid)),
            ])
            .height(height)
        });
        let table = Table::new(
            rows,
            [
                Constraint::Length(NO_WIDTH),
                Constraint::Length(TIME_WIDTH),
                Constraint::Fill(1),
                Constraint::Length(TOTAL_WIDTH),
                Constraint::Length(PAID_WIDTH),
            ],
        )
        .header(header);
        draw_list(frame, list, table, self.selected);
    }
}

const NO_WIDTH: u16 = 3;
const TIME_WIDTH: u16 = 5;
/// `Rp 99.990.000`.
const TOTAL_WIDTH: u16 = 13;
/// `Rp 100.000 Tunai + QRIS` shortens to the amount and the first methods.
const PAID_WIDTH: u16 = 20;
/// The columns beside the items, the four gaps between the five, and the `▶ ` marker.
const FIXED_WIDTH: usize = (NO_WIDTH + TIME_WIDTH + TOTAL_WIDTH + PAID_WIDTH + 4 + 2) as usize;
/// A cart of many lines shows its first ones: enough to know the customer again.
const MAX_ITEM_LINES: usize = 3;

/// `3 pcs Lemper Ayam, 1 ktk Klepon isi 10`: what the customer picked, names whole, on as
/// many lines as it takes (up to three). A name wider than the column wraps between words;
/// a cart with more than three lines' worth shows its first items whole and then `…`.
fn item_lines(cart: &Cart, width: usize) -> Vec<String> {
    let items: Vec<String> = cart
        .lines
        .iter()
        .map(|l| {
            let quantity = l.quantity.with_unit(l.product.unit);
            format!("{quantity} {}", l.product.full_name())
        })
        .collect();
    (0..=items.len())
        .rev()
        .map(|shown| packed(&items[..shown], shown < items.len(), width))
        .find(|lines| lines.len() <= MAX_ITEM_LINES)
        .unwrap_or_default()
}

/// The items after one another, a comma between them, a new line where the next does not
/// fit; `more` ends them in `…`.
fn packed(items: &[String], more: bool, width: usize) -> Vec<String> {
    let mut pieces: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, item)| match i + 1 < items.len() || more {
            true => format!("{item},"),
            false => item.clone(),
        })
        .collect();
    if more {
        pieces.push("…".to_string());
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces {
        if !line.is_empty() && line.width() + 1 + piece.width() <= width {
            line = format!("{line} {piece}");
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut rows: Vec<String> = name_text(&piece, width as u16, u16::MAX)
            .lines
            .iter()
            .map(ToString::to_string)
            .collect();
        line = rows.pop().unwrap_or_default();
        lines.extend(rows);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
