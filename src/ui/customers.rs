//! Customers who buy on a tab (bon): the picker the pay dialog opens when the tab is chosen,
//! a filter over name and NIP.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row, Table};

use super::sale::type_into;
use super::widgets::{centered, draw_filter, draw_list};
use super::{App, Msg};
use crate::domain::Customer;

const MAX_FILTER: usize = 40;

/// Picking whose tab a payment goes on.
pub struct CustomerPicker {
    /// Active customers; `None` until the runtime has loaded them.
    pub customers: Option<Vec<Customer>>,
    pub filter: String,
    pub selected: usize,
}

/// What a key did to the picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    Stay,
    Chosen(Customer),
    Cancelled,
}

impl CustomerPicker {
    pub fn loading() -> CustomerPicker {
        CustomerPicker {
            customers: None,
            filter: String::new(),
            selected: 0,
        }
    }

    pub fn loaded(&mut self, customers: Vec<Customer>) {
        self.customers = Some(customers.into_iter().filter(|c| c.active).collect());
        self.selected = 0;
    }

    /// The customers whose name or NIP holds every word of the filter, in order.
    pub fn shown(&self) -> Vec<&Customer> {
        let words: Vec<String> = self
            .filter
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        self.customers
            .iter()
            .flatten()
            .filter(|c| {
                let hay = format!(
                    "{} {} {}",
                    c.name.to_lowercase(),
                    c.nip.as_deref().unwrap_or(""),
                    c.unit.to_lowercase()
                );
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .collect()
    }

    pub fn key(&mut self, msg: Msg) -> Picked {
        match msg {
            Msg::Input(c) => {
                type_into(&mut self.filter, c, MAX_FILTER);
                self.selected = 0;
            }
            Msg::Backspace => {
                self.filter.pop();
                self.selected = 0;
            }
            Msg::Up => self.selected = self.selected.saturating_sub(1),
            Msg::Down if self.selected + 1 < self.shown().len() => self.selected += 1,
            Msg::Submit if self.selected < self.shown().len() => {
                return Picked::Chosen(self.shown()[self.selected].clone());
            }
            Msg::Cancel => return Picked::Cancelled,
            _ => {}
        }
        Picked::Stay
    }
}

pub(super) fn draw_picker(app: &App, picker: &CustomerPicker, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().till;
    let popup = centered(area, 70, 14);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", t.picker_title))
        .border_style(Style::new().cyan());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [filter, list] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    draw_filter(frame, filter, t.picker_filter, &picker.filter, true);
    let Some(customers) = &picker.customers else {
        frame.render_widget(Paragraph::new(t.loading.dark_gray()).centered(), list);
        return;
    };
    if customers.is_empty() {
        frame.render_widget(
            Paragraph::new(t.no_customers)
                .centered()
                .wrap(ratatui::widgets::Wrap { trim: true }),
            list,
        );
        return;
    }
    let rows = picker.shown().into_iter().map(|c| {
        Row::new([
            Cell::from(c.name.as_str()),
            Cell::from(c.nip.as_deref().unwrap_or("")),
            Cell::from(c.unit.as_str()),
        ])
    });
    let header = Row::new([t.column_name, "NIP", t.column_unit]).bold();
    let table = Table::new(
        rows,
        [
            Constraint::Fill(2),
            Constraint::Length(18),
            Constraint::Fill(1),
        ],
    )
    .header(header);
    draw_list(frame, list, table, picker.selected);
}
