//! The intake form: a producer's delivery entered as fast as a sale, code by code or by
//! scanner, against a catalogue of that producer's products only.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, HighlightSpacing, Padding, Paragraph, Row, Table, TableState};

use super::dialogs::{Confirm, Question};
use super::sale::type_into;
use super::stock::StockScreen;
use super::widgets::right;
use super::{App, Effect, Mode, Msg, Note};
use crate::domain::entry::{Entry, read_entry};
use crate::domain::{Catalogue, IntakeLine, Quantity, Unit};
use crate::print::format;

const MAX_ENTRY: usize = 60;

/// The producer a delivery comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProducerPick {
    pub code: String,
    pub name: String,
}

/// One line of the delivery on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntakeRow {
    pub code: String,
    pub name: String,
    pub unit: Unit,
    pub quantity: Quantity,
    pub best_before: Option<NaiveDate>,
}

pub struct IntakeForm {
    /// `None` while the producer is still to be chosen on the entry line.
    pub producer: Option<ProducerPick>,
    /// The producers that can deliver: those with active products in the till's catalogue.
    producers: Vec<ProducerPick>,
    /// The chosen producer's products: a code of someone else's goods is refused.
    catalogue: Catalogue,
    pub entry: String,
    pub rows: Vec<IntakeRow>,
    pub selected: usize,
    /// The stock screen to go back to.
    pub back: StockScreen,
}

impl IntakeForm {
    pub fn new(
        catalogue: &Catalogue,
        producer: Option<(String, String)>,
        back: StockScreen,
    ) -> IntakeForm {
        let mut producers: Vec<ProducerPick> = Vec::new();
        for p in catalogue.products() {
            if !producers.iter().any(|q| q.code == p.producer_code) {
                producers.push(ProducerPick {
                    code: p.producer_code.clone(),
                    name: p.producer_name.clone(),
                });
            }
        }
        let mut form = IntakeForm {
            producer: None,
            producers,
            catalogue: Catalogue::new(Vec::new()),
            entry: String::new(),
            rows: Vec::new(),
            selected: 0,
            back,
        };
        if let Some((code, name)) = producer {
            form.choose(catalogue, ProducerPick { code, name });
        }
        form
    }

    fn choose(&mut self, catalogue: &Catalogue, producer: ProducerPick) {
        self.catalogue = Catalogue::new(
            catalogue
                .products()
                .iter()
                .filter(|p| p.producer_code == producer.code)
                .cloned()
                .collect(),
        );
        self.producer = Some(producer);
    }

    /// A producer by code (any case), else the first whose name contains the text.
    fn find_producer(&self, text: &str) -> Option<ProducerPick> {
        let text = text.trim();
        let lower = text.to_lowercase();
        self.producers
            .iter()
            .find(|p| p.code.eq_ignore_ascii_case(text))
            .or_else(|| {
                self.producers
                    .iter()
                    .find(|p| p.name.to_lowercase().contains(&lower))
            })
            .cloned()
    }

    /// The delivery as the ledger takes it.
    pub fn intake_lines(&self) -> Vec<IntakeLine> {
        self.rows
            .iter()
            .map(|r| IntakeLine {
                product_code: r.code.clone(),
                quantity: r.quantity,
                best_before: r.best_before,
            })
            .collect()
    }

    /// A product entered again adds to its line: a scanner beeps once per piece.
    fn add(&mut self, code: &str, name: String, unit: Unit, quantity: Quantity) -> Note {
        match self.rows.iter().position(|r| r.code == code) {
            Some(i) => match self.rows[i].quantity.checked_add(quantity) {
                Some(total) => {
                    self.rows[i].quantity = total;
                    self.selected = i;
                }
                None => {
                    return Note::BadQuantity(crate::domain::ParseError::TooLarge, unit);
                }
            },
            None => {
                self.rows.push(IntakeRow {
                    code: code.to_string(),
                    name: name.clone(),
                    unit,
                    quantity,
                    best_before: None,
                });
                self.selected = self.rows.len() - 1;
            }
        }
        Note::Added(self.rows[self.selected].quantity, unit, name)
    }

    fn submit(&mut self, app_catalogue: &Catalogue) -> Option<Note> {
        let text = self.entry.trim().to_string();
        if text.is_empty() {
            return None;
        }
        if self.producer.is_none() {
            return match self.find_producer(&text) {
                Some(found) => {
                    self.choose(app_catalogue, found);
                    self.entry.clear();
                    None
                }
                None => Some(Note::UnknownProducer(text)),
            };
        }
        if text.contains('/') {
            let Ok(date) = NaiveDate::parse_from_str(&text, "%d/%m/%Y") else {
                return Some(Note::BadDate(text));
            };
            let Some(row) = self.rows.get_mut(self.selected) else {
                return Some(Note::NoLineForDate);
            };
            row.best_before = Some(date);
            self.entry.clear();
            return Some(Note::BestBeforeSet(row.name.clone(), date));
        }
        let found = match read_entry(&text, &self.catalogue) {
            Entry::Empty => return None,
            Entry::Add(product, quantity) => Ok((
                product.code.clone(),
                product.full_name(),
                product.unit,
                quantity,
            )),
            Entry::Search(text) | Entry::UnknownCode(text) => Err(Note::UnknownCode(text)),
            Entry::BadQuantity(product, e) => Err(Note::BadQuantity(e, product.unit)),
            Entry::MissingCode => Err(Note::MissingCode),
        };
        Some(match found {
            Ok((code, name, unit, quantity)) => {
                self.entry.clear();
                self.add(&code, name, unit, quantity)
            }
            Err(note) => note,
        })
    }
}

pub(super) fn intake_key(
    app: &mut App,
    mut form: Box<IntakeForm>,
    msg: Msg,
) -> (Mode, Vec<Effect>) {
    match msg {
        Msg::Input(c) => type_into(&mut form.entry, c, MAX_ENTRY),
        Msg::Backspace => {
            form.entry.pop();
        }
        Msg::Submit => {
            if let Some(note) = form.submit(&app.catalogue) {
                app.set_note(note);
            }
        }
        Msg::Up => form.selected = form.selected.saturating_sub(1),
        Msg::Down if form.selected + 1 < form.rows.len() => form.selected += 1,
        Msg::Delete if form.selected < form.rows.len() => {
            let row = form.rows.remove(form.selected);
            form.selected = form.selected.min(form.rows.len().saturating_sub(1));
            app.set_note(Note::Removed(row.name));
        }
        Msg::Record => match &form.producer {
            Some(producer) if !form.rows.is_empty() => {
                let question = Question::RecordIntake {
                    producer_code: producer.code.clone(),
                    producer_name: producer.name.clone(),
                    lines: form.intake_lines(),
                };
                return (
                    Mode::Confirm(Confirm::new(question, Mode::Intake(form))),
                    Vec::new(),
                );
            }
            _ => app.set_note(Note::IntakeNoLines),
        },
        Msg::Cancel => {
            if form.entry.is_empty() {
                return (Mode::Stock(form.back), Vec::new());
            }
            form.entry.clear();
        }
        _ => {}
    }
    (Mode::Intake(form), Vec::new())
}

pub(super) fn draw_intake(
    app: &App,
    form: &IntakeForm,
    frame: &mut Frame,
    area: Rect,
    focused: bool,
) {
    let t = &app.lang.text().ui;
    let title = match &form.producer {
        Some(p) => (t.intake_title)(&format!("{} {}", p.code, p.name)),
        None => t.intake_pick_title.to_string(),
    };
    let [entry, table] = Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    let prompt = if form.producer.is_some() {
        t.intake_entry_prompt
    } else {
        t.intake_pick_prompt
    };
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(Style::new().cyan())
        .padding(Padding::horizontal(1));
    let inner = block.inner(entry);
    let label = format!("{prompt}: ");
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::from(label.clone()).dark_gray(),
            Span::from(form.entry.as_str()).bold(),
        ]))
        .block(block),
        entry,
    );
    if focused {
        let x = inner.x + (label.chars().count() + form.entry.chars().count()) as u16;
        frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y));
    }
    let block = Block::bordered().padding(Padding::horizontal(1));
    if form.rows.is_empty() {
        let text = if form.producer.is_some() {
            t.intake_empty
        } else {
            ""
        };
        frame.render_widget(
            Paragraph::new(text.dark_gray()).centered().block(block),
            table,
        );
        return;
    }
    let header = Row::new([
        Cell::from(t.col_code),
        Cell::from(t.col_item),
        Cell::from(right(t.col_qty)),
        Cell::from(t.col_best_before),
    ])
    .bold();
    let rows = form.rows.iter().map(|r| {
        Row::new([
            Cell::from(r.code.clone()),
            Cell::from(r.name.clone()),
            Cell::from(right(r.quantity.with_unit(r.unit))),
            Cell::from(
                r.best_before
                    .map_or_else(String::new, |d| format::date(d, app.lang)),
            ),
        ])
    });
    let widget = Table::new(
        rows,
        [
            Constraint::Length(8),
            Constraint::Fill(1),
            Constraint::Length(12),
            Constraint::Length(12),
        ],
    )
    .column_spacing(2)
    .header(header)
    .block(block)
    .row_highlight_style(Style::new().reversed())
    .highlight_symbol("▶ ")
    .highlight_spacing(HighlightSpacing::Always);
    let mut state = TableState::default().with_selected(Some(form.selected));
    frame.render_stateful_widget(widget, table, &mut state);
}
