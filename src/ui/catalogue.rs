//! The products screen: every product, active or not, with a filter that typing fills; a
//! price change and taking a product off the till (or back) each ask first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Clear, Padding, Paragraph, Row, Table};

use super::effect::Effect;
use super::failure::FailedEffect;
use super::input::type_into;
use super::keymap::Focus;
use super::list::{FilteredList, any_contains};
use super::msg::{Answer, Key};
use super::note::Note;
use super::outcome::{Ctx, Go, Outcome, Place};
use super::product_form::{self, ProductForm};
use super::question::Question;
use super::widgets::{
    centered, draw_filter, draw_list, fit_columns_with_trend, name_text, right, sparkline,
    wrap_words,
};
use crate::domain::glance::TOP_DAYS;
use crate::domain::{DailySales, ProductRecord, parse_amount};
use unicode_width::UnicodeWidthStr;

const MAX_FILTER: usize = 40;
const MAX_PRICE: usize = 20;

pub struct ProductsScreen {
    pub list: FilteredList<ProductRecord>,
    /// The new price being typed for the selected product.
    pub price: Option<String>,
    /// Every producer, for the product form; empty until the runtime has loaded them.
    pub producers: Vec<crate::domain::Producer>,
    /// The form adding or editing a product, over the list it returns to.
    pub form: Option<Box<ProductForm>>,
    /// Sales per day of the last 30 days, for the sparklines; `None` until read.
    pub daily: Option<Box<DailySales>>,
}

/// Code, name, variant, barcode or producer containing the filter.
fn matches(p: &ProductRecord, filter: &str) -> bool {
    let barcode = p.barcode.as_deref().unwrap_or("");
    let fields = [
        &p.code,
        &p.name,
        &p.variant,
        barcode,
        &p.producer_code,
        &p.producer_name,
    ];
    any_contains(&fields, filter)
}

impl ProductsScreen {
    pub fn loading() -> ProductsScreen {
        ProductsScreen {
            list: FilteredList::loading(matches),
            price: None,
            producers: Vec::new(),
            form: None,
            daily: None,
        }
    }

    pub fn loaded(&mut self, products: Vec<ProductRecord>) {
        self.list.loaded(products);
    }

    pub fn shown(&self) -> Vec<&ProductRecord> {
        self.list.shown()
    }

    pub fn current(&self) -> Option<&ProductRecord> {
        self.list.current()
    }
}

/// A key on the products area: the form if one is open, else the price popup or the list.
pub(super) fn key(cx: &Ctx, screen: &mut ProductsScreen, msg: Key) -> Outcome {
    if let Some(form) = &mut screen.form {
        let outcome = product_form::key(cx, form, msg);
        if outcome.go == Go::Back {
            screen.form = None;
            return Outcome::stay();
        }
        return outcome;
    }
    if screen.price.is_some() {
        return price_key(screen, msg);
    }
    match msg {
        msg if screen.list.key(&msg, MAX_FILTER) => {}
        Key::EditPrice if screen.current().is_some() => screen.price = Some(String::new()),
        Key::NewProduct => {
            screen.form = Some(Box::new(ProductForm::add(screen.producers.clone())));
        }
        Key::EditProduct => {
            if let Some(product) = screen.current().cloned() {
                let form = ProductForm::edit(product, screen.producers.clone());
                screen.form = Some(Box::new(form));
            }
        }
        Key::WriteLabels => {
            if let Some(product) = screen.current() {
                let producer = product.producer_code.clone();
                return Outcome::stay().run(vec![Effect::WriteLabels { producer }]);
            }
        }
        Key::ToggleActive => {
            if let Some(product) = screen.current() {
                let yes = vec![Effect::SetProductActive {
                    code: product.code.clone(),
                    active: !product.active,
                }];
                let question = Question::SetProductActive {
                    code: product.code.clone(),
                    name: product.name.clone(),
                    active: !product.active,
                };
                return Outcome::ask(question, yes);
            }
        }
        Key::Cancel => return Outcome::home(),
        _ => {}
    }
    Outcome::stay()
}

/// A key while a new price is typed for the selected product.
fn price_key(screen: &mut ProductsScreen, msg: Key) -> Outcome {
    let Some(price) = &mut screen.price else {
        return Outcome::stay();
    };
    match msg {
        Key::Input(c) => type_into(price, c, MAX_PRICE),
        Key::Backspace => {
            price.pop();
        }
        Key::Cancel => screen.price = None,
        Key::Submit => match (parse_amount(price), screen.current()) {
            (Err(e), _) => return Outcome::stay().note(Note::BadAmount(e)),
            (Ok(new), Some(product)) if new == product.price => screen.price = None,
            (Ok(new), Some(product)) => {
                let mut changes = product.changes();
                changes.price = new;
                let yes = vec![Effect::SaveProduct {
                    code: product.code.clone(),
                    changes: changes.clone(),
                }];
                let question = Question::PriceChange {
                    code: product.code.clone(),
                    name: product.name.clone(),
                    old: product.price,
                    old_producer_price: product.producer_price,
                    changes,
                };
                return Outcome::ask(question, yes);
            }
            (Ok(_), None) => screen.price = None,
        },
        _ => {}
    }
    Outcome::stay()
}

/// The catalogue changed on disk: a saved form goes back to the list, which shows it.
pub(super) fn changed(screen: &mut ProductsScreen, products: Vec<ProductRecord>) {
    screen.form = None;
    screen.loaded(products);
}

/// A runtime answer for the products area.
pub(super) fn answer(screen: &mut ProductsScreen, msg: Answer) -> Outcome {
    match msg {
        Answer::ProductsLoaded(products) => screen.loaded(products),
        Answer::DailySalesLoaded(daily) => screen.daily = Some(daily),
        Answer::ProductProducers(producers) => screen.producers = producers,
        Answer::CatalogueChanged { products, .. } => changed(screen, products),
        Answer::Failed {
            action: FailedEffect::LoadProducts,
            ..
        } if screen.form.is_none() => return Outcome::home(),
        _ => {}
    }
    Outcome::stay()
}

pub(super) fn draw(
    cx: &Ctx,
    screen: &ProductsScreen,
    frame: &mut Frame,
    area: Rect,
    focused: bool,
) {
    if let Some(form) = &screen.form {
        product_form::draw(cx, form, frame, area, focused);
        return;
    }
    let t = &cx.lang.text().ui;
    let [filter, table] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    draw_filter(
        frame,
        filter,
        t.stock_filter,
        &screen.list.filter,
        focused && screen.price.is_none(),
    );
    let block = Block::bordered()
        .title(format!(" {} ", t.products_title))
        .padding(Padding::horizontal(1));
    if let Some(text) = screen.list.placeholder(t.stock_loading, t.stock_none) {
        super::widgets::placeholder(frame, table, block, text);
        return;
    }
    let shown = screen.shown();
    let headers = [t.col_code, t.col_item, t.col_producer, t.col_price, ""];
    let cells: Vec<Vec<String>> = shown
        .iter()
        .map(|p| {
            let sellable = p.active && p.producer_active;
            vec![
                p.code.clone(),
                crate::domain::catalogue::full_name(&p.name, &p.variant),
                p.producer_code.clone(),
                p.price.to_string(),
                if sellable { "" } else { t.inactive_mark }.to_string(),
            ]
        })
        .collect();
    // The 30 days' sparkline comes only where every name still fits on one row beside it.
    let trend_header = (cx.lang.glance().trend_header)(TOP_DAYS);
    let trend = screen.daily.as_ref().map(|_| trend_header.as_str());
    let (widths, trend) = fit_columns_with_trend(table.width, &headers, &cells, 1, trend);
    let mut header: Vec<Cell> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| match i {
            3 => Cell::from(right(*h)),
            _ => Cell::from(*h),
        })
        .collect();
    if trend {
        header.push(Cell::from(trend_header.clone()));
    }
    let header = Row::new(header).bold();
    let rows = shown.iter().zip(cells).map(|(p, cells)| {
        let sellable = p.active && p.producer_active;
        let name_rows = if cells[1].width() as u16 <= widths[1] {
            1
        } else {
            2
        };
        let mut row: Vec<Cell> = cells
            .into_iter()
            .enumerate()
            .map(|(i, cell)| match i {
                1 => Cell::from(name_text(&cell, widths[1], name_rows)),
                3 => Cell::from(right(cell)),
                _ => Cell::from(cell),
            })
            .collect();
        if let (true, Some(daily)) = (trend, &screen.daily) {
            row.push(Cell::from(sparkline(
                daily.products.get(&p.code).map(Vec::as_slice),
            )));
        }
        let row = Row::new(row).height(name_rows);
        if sellable { row } else { row.dark_gray() }
    });
    let widget = Table::new(rows, widths.iter().map(|w| Constraint::Length(*w)))
        .column_spacing(1)
        .header(header)
        .block(block);
    draw_list(frame, table, widget, screen.list.selected);
    if let (Some(price), Some(product)) = (&screen.price, screen.current()) {
        let name = crate::domain::catalogue::full_name(&product.name, &product.variant);
        draw_price_dialog(cx, &name, product.price, price, frame, area, focused);
    }
}

/// The new-price dialog: its title names the product in full and its price now, as wide as
/// the title needs; a title wider than the screen goes inside, wrapped, above the price.
fn draw_price_dialog(
    cx: &Ctx,
    name: &str,
    old: crate::domain::Rupiah,
    price: &str,
    frame: &mut Frame,
    area: Rect,
    focused: bool,
) {
    let t = &cx.lang.text().ui;
    let title = (t.new_price_title)(name, old);
    let room = area.width.saturating_sub(2);
    let inside = if title.width() as u16 + 4 <= room {
        Vec::new()
    } else {
        wrap_words(&title, room.saturating_sub(4) as usize, 3)
    };
    let width = (title.width() as u16 + 4).clamp(64, room);
    let popup = centered(area, width, 3 + inside.len() as u16);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(Style::new().yellow())
        .padding(Padding::horizontal(1));
    let block = if inside.is_empty() {
        block.title(format!(" {title} "))
    } else {
        block
    };
    let inner = block.inner(popup);
    let mut lines: Vec<Line> = inside.into_iter().map(|l| Line::from(l).bold()).collect();
    lines.push(Line::from(price.bold()));
    let y = inner.y + lines.len() as u16 - 1;
    frame.render_widget(Paragraph::new(lines).block(block), popup);
    if focused {
        let x = inner.x + (price.chars().count() as u16).min(inner.width.saturating_sub(1));
        frame.set_cursor_position((x, y));
    }
}

/// The screen's face to the hub, the same on every screen: how it opens, takes a key and a
/// runtime answer, which key table it reads, and how it draws.
impl ProductsScreen {
    pub(super) fn open(cx: &Ctx, _place: Place) -> (ProductsScreen, Vec<Effect>) {
        let date = cx.status.map_or(cx.today, |s| s.day.date);
        let effects = vec![Effect::LoadProducts, Effect::LoadDailySales(date)];
        (ProductsScreen::loading(), effects)
    }

    pub(super) fn key(&mut self, cx: &Ctx, msg: Key) -> Outcome {
        let outcome = key(cx, self, msg);
        // A question, answered either way, returns to the list: not to the price popup it was
        // asked from (drawn under it, the question covers it).
        if matches!(outcome.go, Go::Ask(_)) {
            self.price = None;
        }
        outcome
    }

    pub(super) fn answer(&mut self, _cx: &Ctx, msg: Answer) -> Outcome {
        answer(self, msg)
    }

    pub(super) fn focus(&self) -> Focus {
        if self.form.is_some() {
            Focus::ProductForm
        } else if self.price.is_some() {
            Focus::PriceField
        } else {
            Focus::Products
        }
    }

    pub(super) fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect, focused: bool) {
        draw(cx, self, frame, area, focused);
    }
}
