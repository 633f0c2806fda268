//! The products screen: every product, active or not, with a filter that typing fills; a
//! price change and taking a product off the till (or back) each ask first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Clear, Padding, Paragraph, Row, Table};

use super::dialogs::{Confirm, Question};
use super::sale::type_into;
use super::widgets::{centered, draw_filter, draw_list, right};
use super::{App, Effect, Mode, Msg, Note};
use crate::domain::{ProductRecord, parse_amount};

const MAX_FILTER: usize = 40;
const MAX_PRICE: usize = 20;

pub struct ProductsScreen {
    /// `None` until the runtime has loaded them.
    pub products: Option<Vec<ProductRecord>>,
    pub filter: String,
    /// Index into the filtered products.
    pub selected: usize,
    /// The new price being typed for the selected product.
    pub price: Option<String>,
    /// Every producer, for the product form; empty until the runtime has loaded them.
    pub producers: Vec<crate::domain::Producer>,
}

impl ProductsScreen {
    pub fn loading() -> ProductsScreen {
        ProductsScreen {
            products: None,
            filter: String::new(),
            selected: 0,
            price: None,
            producers: Vec::new(),
        }
    }

    pub fn loaded(&mut self, products: Vec<ProductRecord>) {
        self.products = Some(products);
        self.selected = self.selected.min(self.shown().len().saturating_sub(1));
    }

    pub fn shown(&self) -> Vec<&ProductRecord> {
        let filter = self.filter.trim().to_lowercase();
        self.products
            .iter()
            .flatten()
            .filter(|p| {
                filter.is_empty()
                    || [
                        p.code.as_str(),
                        p.name.as_str(),
                        p.variant.as_str(),
                        p.barcode.as_deref().unwrap_or(""),
                        p.producer_code.as_str(),
                        p.producer_name.as_str(),
                    ]
                    .iter()
                    .any(|field| field.to_lowercase().contains(&filter))
            })
            .collect()
    }

    pub fn current(&self) -> Option<&ProductRecord> {
        self.shown().get(self.selected).copied()
    }
}

pub(super) fn key(app: &mut App, mut screen: ProductsScreen, msg: Msg) -> (Mode, Vec<Effect>) {
    if let Some(price) = &mut screen.price {
        match msg {
            Msg::Input(c) => type_into(price, c, MAX_PRICE),
            Msg::Backspace => {
                price.pop();
            }
            Msg::Cancel => screen.price = None,
            Msg::Submit => match (parse_amount(price), screen.current()) {
                (Err(e), _) => app.set_note(Note::BadAmount(e)),
                (Ok(new), Some(product)) if new == product.price => screen.price = None,
                (Ok(new), Some(product)) => {
                    let mut changes = product.changes();
                    changes.price = new;
                    let question = Question::PriceChange {
                        code: product.code.clone(),
                        name: product.name.clone(),
                        old: product.price,
                        old_producer_price: product.producer_price,
                        changes,
                    };
                    return (
                        Mode::Confirm(Confirm::new(question, Mode::Products(screen))),
                        Vec::new(),
                    );
                }
                (Ok(_), None) => screen.price = None,
            },
            _ => {}
        }
        return (Mode::Products(screen), Vec::new());
    }
    match msg {
        msg if super::list::is_filter_key(&msg) => {
            let shown = screen.shown().len();
            super::list::filter_key(
                &mut screen.filter,
                &mut screen.selected,
                shown,
                MAX_FILTER,
                &msg,
            );
        }
        Msg::EditPrice if screen.current().is_some() => screen.price = Some(String::new()),
        Msg::NewProduct => {
            let form = super::product_form::ProductForm::add(screen);
            return (Mode::ProductForm(Box::new(form)), Vec::new());
        }
        Msg::EditProduct => {
            if let Some(product) = screen.current().cloned() {
                let form = super::product_form::ProductForm::edit(product, screen);
                return (Mode::ProductForm(Box::new(form)), Vec::new());
            }
        }
        Msg::ToggleActive => {
            if let Some(product) = screen.current() {
                let question = Question::SetProductActive {
                    code: product.code.clone(),
                    name: product.name.clone(),
                    active: !product.active,
                };
                return (
                    Mode::Confirm(Confirm::new(question, Mode::Products(screen))),
                    Vec::new(),
                );
            }
        }
        Msg::Cancel => return (Mode::Sale, Vec::new()),
        _ => {}
    }
    (Mode::Products(screen), Vec::new())
}

pub(super) fn draw(
    app: &App,
    screen: &ProductsScreen,
    frame: &mut Frame,
    area: Rect,
    focused: bool,
) {
    let t = &app.lang.text().ui;
    let [filter, table] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    draw_filter(
        frame,
        filter,
        t.stock_filter,
        &screen.filter,
        focused && screen.price.is_none(),
    );
    let block = Block::bordered()
        .title(format!(" {} ", t.products_title))
        .padding(Padding::horizontal(1));
    let shown = screen.shown();
    if screen.products.is_none() || shown.is_empty() {
        let text = if screen.products.is_none() {
            t.stock_loading
        } else {
            t.stock_none
        };
        super::widgets::placeholder(frame, table, block, text);
        return;
    }
    let header = Row::new([
        Cell::from(t.col_code),
        Cell::from(t.col_item),
        Cell::from(t.col_producer),
        Cell::from(right(t.col_price)),
        Cell::from(""),
    ])
    .bold();
    let rows = shown.iter().map(|p| {
        let sellable = p.active && p.producer_active;
        let row = Row::new([
            Cell::from(p.code.clone()),
            Cell::from(crate::domain::catalogue::full_name(&p.name, &p.variant)),
            Cell::from(p.producer_code.clone()),
            Cell::from(right(p.price.to_string())),
            Cell::from(if sellable { "" } else { t.inactive_mark }),
        ]);
        if sellable { row } else { row.dark_gray() }
    });
    let widget = Table::new(
        rows,
        [
            Constraint::Length(8),
            Constraint::Fill(1),
            Constraint::Length(8),
            Constraint::Length(12),
            Constraint::Length(8),
        ],
    )
    .column_spacing(1)
    .header(header)
    .block(block);
    draw_list(frame, table, widget, screen.selected);
    if let (Some(price), Some(product)) = (&screen.price, screen.current()) {
        let popup = centered(area, 64, 3);
        frame.render_widget(Clear, popup);
        let block = Block::bordered()
            .title(format!(
                " {} ",
                (t.new_price_title)(&product.name, product.price)
            ))
            .border_style(Style::new().yellow())
            .padding(Padding::horizontal(1));
        let inner = block.inner(popup);
        frame.render_widget(
            Paragraph::new(Line::from(price.as_str().bold())).block(block),
            popup,
        );
        if focused {
            let x = inner.x + (price.chars().count() as u16).min(inner.width.saturating_sub(1));
            frame.set_cursor_position((x, inner.y));
        }
    }
}
