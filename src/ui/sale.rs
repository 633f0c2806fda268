//! The sale screen (home): the entry line, the cart, the total, the search list over the
//! cart, and the panel with the change after a sale is recorded.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Padding, Paragraph, Row, Table};

use super::app::{App, Screen};
use super::effect::Effect;
use super::failure::Failure;
use super::input::type_into;
use super::keymap::Focus;
use super::msg::Key;
use super::note::Note;
use super::outcome::{Go, Outcome, Place};
use super::parked::QueueNote;
use super::question::Question;
use super::sale_parts::{Done, SearchList, Till};
use super::widgets::{
    big_amount, column_width, draw_list, fit_names, list_room, name_rows, name_text, right,
};
use crate::domain::entry::{Entry, read_entry};
use crate::domain::{Catalogue, ParseError, Payment, Product, Quantity, Sale};

/// Nobody types more than this on the entry line; a stuck key must not grow it forever.
pub const MAX_ENTRY: usize = 64;
/// `Rp 99.990.000`: amounts up to this fit their columns whole.
const MONEY_WIDTH: u16 = 13;
/// The fewest digits a scanned barcode has (EAN-8). A shorter number at the end of a search
/// is part of what was typed (`kopi 200`), never a scan.
const MIN_SCAN: usize = 8;

/// What the sale screen reads while it answers: what the till sells and how many carts wait.
pub(super) struct SaleCtx<'a> {
    pub catalogue: &'a Catalogue,
    /// How many carts are parked (F12).
    pub parked: usize,
}

/// What Enter on the entry line turned out to mean, owned so the catalogue is free again.
enum Read {
    Nothing,
    Add(Product, Quantity),
    Search,
    Refused(Note),
}

fn read(till: &Till, catalogue: &Catalogue) -> Read {
    match read_entry(&till.entry, catalogue) {
        Entry::Empty => Read::Nothing,
        Entry::Add(product, quantity) => Read::Add(product.clone(), quantity),
        Entry::Search(_) => Read::Search,
        Entry::UnknownCode(code) => Read::Refused(Note::UnknownCode(code)),
        Entry::MissingCode => Read::Refused(Note::MissingCode),
        Entry::BadQuantity(product, e) => Read::Refused(Note::BadQuantity(e, product.unit)),
    }
}

/// The product whose barcode ends the text when a scan was appended to a query
/// (`gula8998201000016`): the longest run of at least `MIN_SCAN` trailing digits that is a
/// known barcode or code.
fn scanned_at_end<'a>(text: &str, catalogue: &'a Catalogue) -> Option<&'a Product> {
    let text = text.trim_end();
    let digits = text.chars().rev().take_while(char::is_ascii_digit).count();
    if digits < MIN_SCAN {
        return None;
    }
    // ASCII digits: as many bytes as characters.
    let run = &text[text.len() - digits..];
    (0..=digits - MIN_SCAN).find_map(|start| catalogue.lookup(&run[start..]))
}

/// Adds to the cart and clears the entry line; on refusal the entry is kept to be corrected.
fn add(till: &mut Till, product: &Product, quantity: Quantity) -> Outcome {
    match till.cart.add(product, quantity) {
        Ok(index) => {
            till.selected = index;
            till.entry.clear();
            till.entry_selected = false;
            let said = Note::Added(quantity, product.unit, product.full_name());
            Outcome::stay().note(said).run(till.cart_changed())
        }
        Err(_) => refuse(till, Note::BadQuantity(ParseError::TooLarge, product.unit)),
    }
}

/// The entry line's text was refused: it stays in sight, selected, with the reason.
fn refuse(till: &mut Till, note: Note) -> Outcome {
    till.entry_selected = !till.entry.is_empty();
    Outcome::stay().note(note)
}

/// Enter on text that is no code: a scan at its end, else the search list (which the hub
/// refuses when nothing matches: an empty list would only hide the entry line).
fn search_or_scan(till: &mut Till, cx: &SaleCtx) -> Outcome {
    match scanned_at_end(&till.entry, cx.catalogue).cloned() {
        Some(product) => add(till, &product, Quantity::whole(1)),
        None => Outcome::open(Place::At(Focus::Search)),
    }
}

/// Says which line `+`/`-` changed and what it holds now: the selection is easy to miss.
fn quantity_note(till: &Till) -> Note {
    let line = &till.cart.lines[till.selected];
    Note::QuantityNow(line.product.full_name(), line.quantity, line.product.unit)
}

/// A key on the sale screen: the entry line, the cart, or a command that leaves it.
pub(super) fn key(till: &mut Till, cx: &SaleCtx, msg: Key) -> Outcome {
    // Refused text stays selected until a key acts on the entry line.
    let selected = till.entry_selected;
    // `-` then a digit is a negative quantity being typed (`-1*LMPR`), not one less of the
    // selected line: the line is put back and the minus goes to the entry line, to be refused.
    if let Some(before) = till.before_less.take()
        && let Key::Input(c) = msg
        && (c.is_ascii_digit() || c == ',' || c == '.')
    {
        let changed = till.cart != before;
        till.cart = before;
        till.entry = String::from("-");
        till.entry_selected = false;
        type_into(&mut till.entry, c, MAX_ENTRY);
        return Outcome::stay().run(if changed {
            till.cart_changed()
        } else {
            Vec::new()
        });
    }
    if msg == Key::Less {
        till.before_less = Some(till.cart.clone());
    }
    if matches!(
        msg,
        Key::Input(_) | Key::Backspace | Key::Next | Key::Cancel | Key::Submit
    ) {
        till.entry_selected = false;
    }
    match msg {
        Key::Input(c) => {
            if selected {
                till.entry.clear();
            }
            type_into(&mut till.entry, c, MAX_ENTRY);
        }
        Key::Backspace => {
            till.entry.pop();
        }
        // ←/→: the refused text is kept to be edited (deselecting it is all they do).
        Key::Next => {}
        Key::Cancel => till.entry.clear(),
        Key::Submit => return submit(till, cx),
        Key::Up | Key::Down | Key::More | Key::Less | Key::Delete => return cart_key(till, msg),
        // The question to empty the cart was answered yes.
        Key::Yes => {
            till.cart = Default::default();
            till.selected = 0;
            return Outcome::stay()
                .note(Note::CartEmptied)
                .run(till.cart_changed());
        }
        msg => return command(till, cx, msg),
    }
    Outcome::stay()
}

/// Enter on the entry line.
fn submit(till: &mut Till, cx: &SaleCtx) -> Outcome {
    match read(till, cx.catalogue) {
        Read::Nothing => Outcome::stay(),
        Read::Add(product, quantity) => add(till, &product, quantity),
        Read::Search => search_or_scan(till, cx),
        Read::Refused(note) => refuse(till, note),
    }
}

/// The keys that move through the cart and change the selected line.
fn cart_key(till: &mut Till, msg: Key) -> Outcome {
    match msg {
        Key::Up => till.selected = till.selected.saturating_sub(1),
        Key::Down if till.selected + 1 < till.cart.lines.len() => till.selected += 1,
        Key::More if !till.cart.is_empty() => match till.cart.increment(till.selected) {
            Ok(()) => {
                return Outcome::stay()
                    .note(quantity_note(till))
                    .run(till.cart_changed());
            }
            Err(_) => {
                let unit = till.cart.lines[till.selected].product.unit;
                return Outcome::stay().note(Note::BadQuantity(ParseError::TooLarge, unit));
            }
        },
        Key::Less if !till.cart.is_empty() => {
            let before = till.cart.lines[till.selected].quantity;
            till.cart.decrement(till.selected);
            if till.cart.lines[till.selected].quantity == before {
                return Outcome::stay().note(Note::AtMinimum);
            }
            return Outcome::stay()
                .note(quantity_note(till))
                .run(till.cart_changed());
        }
        Key::Delete => {
            if let Some(line) = till.cart.remove(till.selected) {
                till.selected = till.selected.min(till.cart.lines.len().saturating_sub(1));
                let said = Note::Removed(line.product.full_name());
                return Outcome::stay().note(said).run(till.cart_changed());
            }
        }
        _ => {}
    }
    Outcome::stay()
}

/// The keys that leave the sale screen: paying, emptying the cart, closing the day, and
/// the other places of the till.
fn command(till: &Till, cx: &SaleCtx, msg: Key) -> Outcome {
    let cart = &till.cart;
    match msg {
        Key::Pay if cart.is_empty() => Outcome::stay().note(Note::CartEmptyPay),
        // Paying now would leave behind the item whose code is still on the line.
        Key::Pay if !till.entry.trim().is_empty() => {
            Outcome::stay().note(Note::EntryPending(till.entry.trim().to_string()))
        }
        Key::Pay => match cart.no_longer_sold(cx.catalogue).into_iter().next() {
            // Taken off the till while it sat in the cart: the ledger would refuse the sale.
            Some(gone) => Outcome::stay().note(Note::NoLongerSold(gone)),
            None => Outcome::open(Place::At(Focus::Pay)),
        },
        Key::EmptyCart if cart.is_empty() => Outcome::stay().note(Note::CartAlreadyEmpty),
        Key::EmptyCart => {
            let question = Question::EmptyCart {
                lines: cart.lines.len(),
                total: cart.total(),
            };
            Outcome::ask_then(question, Outcome::beneath())
        }
        // A cart rung up belongs to the day: it is paid or emptied before the day ends.
        Key::CloseDay if !cart.is_empty() => Outcome::stay().note(Note::CloseDayCartFull),
        // So does a parked one, and the parts paid of it are in the drawer.
        Key::CloseDay if cx.parked > 0 => {
            Outcome::stay().note(Note::Queue(QueueNote::CloseWithParked(cx.parked)))
        }
        Key::Park if cart.is_empty() && cx.parked == 0 => {
            Outcome::stay().note(Note::Queue(QueueNote::NothingToPark))
        }
        Key::Park if cart.is_empty() => Outcome::open(Place::At(Focus::Parked)),
        Key::Park => Outcome::stay().run(vec![Effect::ParkCart(cart.clone())]),
        Key::CloseDay => Outcome::open(Place::Close { stale: false }),
        Key::TodaySales => Outcome::open(Place::Sales { closed_day: None }),
        msg => Place::reached_by(&msg).map_or_else(Outcome::stay, Outcome::open),
    }
}

/// A key on the search list over the cart. Typing changes the entry line, its query: the list
/// is marked stale for the hub to search the catalogue again.
pub(super) fn search_key(
    till: &mut Till,
    cx: &SaleCtx,
    search: &mut SearchList,
    msg: Key,
) -> Outcome {
    match msg {
        Key::Input(c) => {
            type_into(&mut till.entry, c, MAX_ENTRY);
            search.stale = true;
        }
        Key::Backspace => {
            till.entry.pop();
            search.stale = true;
        }
        Key::Up => search.selected = search.selected.saturating_sub(1),
        Key::Down if search.selected + 1 < search.results.len() => search.selected += 1,
        Key::Cancel => return Outcome::home(),
        Key::Submit => {
            // A code scanned while the list is open is that code, not the highlighted item,
            // whether it replaced the query or was appended to it.
            if let Read::Add(product, quantity) = read(till, cx.catalogue) {
                return Outcome {
                    go: Go::Home,
                    ..add(till, &product, quantity)
                };
            }
            let scanned = scanned_at_end(&till.entry, cx.catalogue).cloned();
            let added = match scanned.or_else(|| search.results.get(search.selected).cloned()) {
                Some(product) => add(till, &product, Quantity::whole(1)),
                None => {
                    let said = Note::NoMatch(till.entry.trim().to_string());
                    refuse(till, said)
                }
            };
            return Outcome {
                go: Go::Home,
                ..added
            };
        }
        _ => {}
    }
    Outcome::stay()
}

/// The panel of the sale the runtime recorded, with the change shown large.
pub(super) fn done(sale: &Sale, receipt: Result<PathBuf, Failure>) -> Done {
    Done {
        number: sale.number,
        total: sale.total,
        change: sale.change(),
        receipt,
    }
}

/// The parts of a split taken in the pay dialog go with the saved cart, so a crash never
/// asks for them again; back on the sale screen, they were handed back. The parts the cart
/// keeps under `screen`, or `None` where they stand as they are.
pub(super) fn parts_kept(screen: &Screen) -> Option<Vec<Payment>> {
    let pay = match screen {
        Screen::Pay(pay) => Some(pay),
        Screen::Confirm(confirm) => match confirm.under.as_ref() {
            Screen::Pay(pay) => Some(pay),
            _ => None,
        },
        _ => None,
    };
    match pay {
        Some(pay) => pay.parts().map(<[Payment]>::to_vec),
        None if matches!(screen, Screen::Sale | Screen::Search(_)) => Some(Vec::new()),
        None => None,
    }
}

// ---- drawing ----

/// The entry line, the cart, and the total.
fn areas(body: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(3),
    ])
    .areas(body)
}

pub(super) fn draw(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let [entry, cart, total] = areas(area);
    draw_entry(app, frame, entry, focused);
    match &app.done {
        Some(done) => draw_done(app, done, frame, cart),
        None => draw_cart(app, frame, cart),
    }
    draw_total(app, frame, total);
}

fn draw_entry(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let t = &app.lang.text().ui;
    let block = Block::bordered()
        .title(format!(" {} ", t.entry_label))
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    let line = if app.till.entry.is_empty() {
        Line::from(t.entry_hint.dark_gray())
    } else if app.till.entry_selected {
        Line::from(app.till.entry.as_str().bold().reversed())
    } else {
        Line::from(app.till.entry.as_str().bold())
    };
    frame.render_widget(Paragraph::new(line).block(block), area);
    if focused {
        let x =
            inner.x + (app.till.entry.chars().count() as u16).min(inner.width.saturating_sub(1));
        frame.set_cursor_position((x, inner.y));
    }
}

fn draw_cart(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().ui;
    let block = Block::bordered()
        .title(format!(" {} ", t.cart_title))
        .padding(Padding::horizontal(1));
    if app.till.cart.is_empty() {
        let text = Paragraph::new(t.cart_empty.dark_gray())
            .centered()
            .block(block);
        frame.render_widget(text, area);
        return;
    }
    let header = Row::new([
        Cell::from(t.col_no),
        Cell::from(t.col_item),
        Cell::from(t.col_producer),
        Cell::from(right(t.col_qty)),
        Cell::from(right(t.col_price)),
        Cell::from(right(t.col_amount)),
    ])
    .bold();
    let lines = &app.till.cart.lines;
    let names: Vec<String> = lines.iter().map(|l| l.product.full_name()).collect();
    // Figures as wide as they are (never cut), so that names have the rest.
    let figures: Vec<[String; 3]> = lines
        .iter()
        .map(|l| {
            [
                l.quantity.with_unit(l.product.unit),
                l.product.price.to_string(),
                l.amounts().total.to_string(),
            ]
        })
        .collect();
    let figure =
        |i: usize, header: &str| column_width(header, figures.iter().map(|f| f[i].as_str()));
    let (qty, price, amount) = (
        figure(0, t.col_qty),
        figure(1, t.col_price),
        figure(2, t.col_amount),
    );
    let fixed = [2, qty, price, amount];
    let fit = fit_names(
        list_room(area.width, &fixed, 6) + 1,
        column_width(t.col_item, names.iter().map(String::as_str)),
        column_width(
            t.col_producer,
            lines.iter().map(|l| l.product.producer_name.as_str()),
        ),
        column_width(
            t.col_producer,
            lines.iter().map(|l| l.product.producer_code.as_str()),
        ),
    );
    let rows =
        lines
            .iter()
            .zip(&names)
            .zip(figures)
            .enumerate()
            .map(|(i, ((line, name), [q, p, a]))| {
                let producer = if fit.codes {
                    &line.product.producer_code
                } else {
                    &line.product.producer_name
                };
                Row::new([
                    Cell::from(format!("{}", i + 1)),
                    Cell::from(name_text(name, fit.name, fit.height)),
                    Cell::from(producer.clone()),
                    Cell::from(right(q)),
                    Cell::from(right(p)),
                    Cell::from(right(a)),
                ])
                .height(name_rows(name, fit))
            });
    let table = Table::new(
        rows,
        [
            Constraint::Length(2),
            // Names take the room the amounts leave; amounts are never cut.
            Constraint::Length(fit.name),
            Constraint::Length(fit.producer),
            Constraint::Length(qty),
            Constraint::Length(price),
            Constraint::Length(amount),
        ],
    )
    .header(header)
    .block(block);
    draw_list(frame, area, table, app.till.selected);
}

fn draw_total(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().ui;
    let block = Block::bordered().padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [left, right_area] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(40)]).areas(inner);
    let mut lines = if app.till.cart.is_empty() {
        String::new()
    } else {
        (t.cart_lines)(app.till.cart.lines.len())
    };
    if app.parked > 0 {
        let parked = (app.lang.queue().parked_count)(app.parked);
        lines = match lines.is_empty() {
            true => parked,
            false => format!("{lines} · {parked}"),
        };
    }
    frame.render_widget(Paragraph::new(lines.dark_gray()), left);
    let total = Line::from(vec![
        Span::from(t.total).bold(),
        Span::from("  "),
        Span::from(app.till.cart.total().to_string())
            .bold()
            .yellow(),
    ])
    .right_aligned();
    frame.render_widget(Paragraph::new(total), right_area);
}

fn draw_done(app: &App, done: &Done, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().ui;
    let block = Block::bordered()
        .title(format!(" {} ", (t.sale_done)(done.number)))
        .border_style(Style::new().green());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [label, big, _, receipt] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(4),
        Constraint::Length(1),
        // A receipt's path or its failure may take more than a line: wrapped, not cut.
        Constraint::Length(3),
    ])
    .areas(inner);
    let heading = Line::from(vec![
        Span::from(format!("{}  {}", t.change, done.change)).bold(),
        Span::from(format!("   ({} {})", t.total, done.total)).dark_gray(),
    ]);
    frame.render_widget(Paragraph::new(heading).centered(), label);
    big_amount(frame, big, done.change, Style::new().green().bold());
    // The receipt's file by its name (the day's folder holds it); a failure whole, broken
    // between words.
    let (text, style) = match &done.receipt {
        Ok(path) => (
            (t.receipt_written)(&super::file_note::shown_file(path)),
            Style::new().green(),
        ),
        Err(e) => ((t.receipt_failed)(&e.text(app.lang)), Style::new().red()),
    };
    let rows = super::widgets::wrap_words(&text, receipt.width as usize, receipt.height as usize);
    let lines: Vec<Line> = rows.into_iter().map(|r| Line::styled(r, style)).collect();
    frame.render_widget(Paragraph::new(lines).centered(), receipt);
}

pub(super) fn draw_search(app: &App, search: &SearchList, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().ui;
    // Over the cart: what is typed and the total stay in sight.
    let [_, popup, _] = areas(area);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", (t.search_title)(app.till.entry.trim())))
        .border_style(Style::new().cyan())
        .padding(Padding::horizontal(1));
    if search.results.is_empty() {
        let text = Paragraph::new(t.search_none.dark_gray())
            .centered()
            .block(block);
        frame.render_widget(text, popup);
        return;
    }
    let header = Row::new([
        Cell::from(t.col_code),
        Cell::from(t.col_item),
        Cell::from(t.col_producer),
        Cell::from(right(t.col_price)),
    ])
    .bold();
    let names: Vec<String> = search.results.iter().map(|p| p.full_name()).collect();
    let codes = column_width(t.col_code, search.results.iter().map(|p| p.code.as_str()));
    let fixed = [codes, MONEY_WIDTH + 4];
    let fit = fit_names(
        list_room(popup.width, &fixed, 4) + 1,
        column_width(t.col_item, names.iter().map(String::as_str)),
        column_width(
            t.col_producer,
            search.results.iter().map(|p| p.producer_name.as_str()),
        ),
        column_width(
            t.col_producer,
            search.results.iter().map(|p| p.producer_code.as_str()),
        ),
    );
    let rows = search.results.iter().zip(&names).map(|(p, name)| {
        let producer = if fit.codes {
            &p.producer_code
        } else {
            &p.producer_name
        };
        Row::new([
            Cell::from(p.code.as_str()),
            Cell::from(name_text(name, fit.name, fit.height)),
            Cell::from(producer.as_str()),
            Cell::from(right(format!("{}/{}", p.price, p.unit))),
        ])
        .height(name_rows(name, fit))
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(codes),
            Constraint::Length(fit.name),
            Constraint::Length(fit.producer),
            // `Rp 99.990.000/bks`
            Constraint::Length(MONEY_WIDTH + 4),
        ],
    )
    .header(header)
    .block(block);
    draw_list(frame, popup, table, search.selected);
}
