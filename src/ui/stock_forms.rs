//! The stock forms: an intake (a producer's delivery entered as fast as a sale, code by code
//! or by scanner), a return and a write-off, each against a catalogue of that producer's
//! products only, and a count (stok opname) of any products of the shop in one form.
//! Returns, write-offs and counts carry a reason.

use std::collections::HashMap;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Padding, Paragraph, Row, Table};

use super::effect::{Effect, StockEntry};
use super::input::type_into;
use super::msg::Key;
use super::note::{Note, StockNote};
use super::outcome::{Ctx, Outcome};
use super::question::Question;
use super::widgets::{draw_list, right};
use crate::domain::entry::{Entry, read_entry};
use crate::domain::{
    Catalogue, CountLine, DocumentKind, ExpiryLine, IntakeLine, Quantity, StockLine, StockQuantity,
    Unit,
};
use crate::print::format;

const MAX_ENTRY: usize = 60;
const MAX_REASON: usize = 120;

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
    /// What a count found: `quantity`, or zero when `0*CODE` says the shelf is empty.
    pub counted: StockQuantity,
    pub best_before: Option<NaiveDate>,
    /// A count: what the books held when the form opened (`None` if not loaded).
    pub recorded: Option<StockQuantity>,
    /// A count's shortfall the corner bears instead of the producer.
    pub corner_at_fault: bool,
}

impl IntakeRow {
    /// Counted − recorded, when the recorded figure is known.
    pub fn difference(&self) -> Option<StockQuantity> {
        self.recorded.map(|r| self.counted - r)
    }

    /// Fewer found than the books hold: someone bears the loss.
    pub fn shortfall(&self) -> bool {
        self.difference().is_some_and(|d| d < StockQuantity::ZERO)
    }
}

pub struct StockForm {
    pub kind: DocumentKind,
    /// `None` while the producer is still to be chosen on the entry line.
    pub producer: Option<ProducerPick>,
    /// The producers that can deliver: those with active products in the till's catalogue.
    producers: Vec<ProducerPick>,
    /// The chosen producer's products: a code of someone else's goods is refused.
    catalogue: Catalogue,
    pub entry: String,
    /// Refused text stays on the code line, selected: the next scan replaces it, as on the till.
    pub entry_selected: bool,
    pub rows: Vec<IntakeRow>,
    pub selected: usize,
    pub reason: String,
    /// The reason line has the keyboard, not the code line.
    pub on_reason: bool,
    /// A write-off the corner bears instead of the producer; on a count, whether a new
    /// line starts borne by the corner (the shop's rule; F7 switches each line).
    pub corner_at_fault: bool,
    /// A count: what the books hold per product code.
    on_hand: HashMap<String, StockQuantity>,
}

impl StockForm {
    pub fn new(
        kind: DocumentKind,
        catalogue: &Catalogue,
        producer: Option<(String, String)>,
    ) -> StockForm {
        let mut producers: Vec<ProducerPick> = Vec::new();
        for p in catalogue.products() {
            if !producers.iter().any(|q| q.code == p.producer_code) {
                producers.push(ProducerPick {
                    code: p.producer_code.clone(),
                    name: p.producer_name.clone(),
                });
            }
        }
        let mut form = StockForm {
            kind,
            producer: None,
            producers,
            catalogue: Catalogue::new(Vec::new()),
            entry: String::new(),
            entry_selected: false,
            rows: Vec::new(),
            selected: 0,
            reason: String::new(),
            on_reason: false,
            corner_at_fault: false,
            on_hand: HashMap::new(),
        };
        if let Some((code, name)) = producer {
            form.choose(catalogue, ProducerPick { code, name });
        }
        form
    }

    /// A count of the whole shop: any product of the till, each against what the books hold
    /// (`lines`, when the stock screen has loaded them).
    pub fn count(catalogue: &Catalogue, lines: Option<&[StockLine]>) -> StockForm {
        let mut form = StockForm::new(DocumentKind::Count, &Catalogue::new(Vec::new()), None);
        form.catalogue = Catalogue::new(catalogue.products().to_vec());
        form.on_hand = lines
            .unwrap_or_default()
            .iter()
            .map(|l| (l.code.clone(), l.on_hand))
            .collect();
        form
    }

    /// A return filled in from the expiry list: each product once, with what is left of its
    /// listed deliveries, and `reason` as the note. Still editable before F2.
    pub fn fill_return(&mut self, lines: &[&ExpiryLine], reason: &str) {
        for line in lines {
            let quantity = Quantity::from_milli(line.left.milli());
            let name = crate::domain::catalogue::full_name(&line.name, &line.variant);
            match self.rows.iter_mut().find(|r| r.code == line.code) {
                Some(row) => {
                    row.quantity = row.quantity.checked_add(quantity).unwrap_or(row.quantity);
                }
                None => {
                    let row = self.new_row(&line.code, name, line.unit, quantity);
                    self.rows.push(row);
                }
            }
        }
        self.selected = 0;
        self.reason = reason.to_string();
    }

    /// A count takes any producer's goods: there is no producer to pick first.
    pub fn shop_wide(&self) -> bool {
        self.kind == DocumentKind::Count
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

    /// Goods can go missing on a write-off or a count: F7 says who bears them (a count, line
    /// by line).
    pub fn bears_losses(&self) -> bool {
        matches!(self.kind, DocumentKind::WriteOff | DocumentKind::Count)
    }

    /// A write-off is one product in the ledger.
    fn one_line(&self) -> bool {
        self.kind == DocumentKind::WriteOff
    }

    /// What a confirmed form asks the ledger to record; `None` while something is missing.
    pub fn entry(&self) -> Result<StockEntry, Note> {
        let producer = match &self.producer {
            Some(p) if !self.rows.is_empty() => p.code.clone(),
            _ if self.shop_wide() && !self.rows.is_empty() => String::new(),
            _ => return Err(Note::IntakeNoLines),
        };
        let reason = self.reason.trim().to_string();
        if reason.is_empty() && matches!(self.kind, DocumentKind::WriteOff | DocumentKind::Count) {
            return Err(Note::ReasonEmpty);
        }
        let first = &self.rows[0];
        Ok(match self.kind {
            DocumentKind::Intake => StockEntry::Intake {
                producer,
                lines: self.intake_lines(),
            },
            DocumentKind::Return => StockEntry::Return {
                producer,
                lines: self
                    .rows
                    .iter()
                    .map(|r| (r.code.clone(), r.quantity))
                    .collect(),
                reason,
            },
            DocumentKind::WriteOff => StockEntry::WriteOff {
                code: first.code.clone(),
                quantity: first.quantity,
                reason,
                corner_at_fault: self.corner_at_fault,
            },
            DocumentKind::Count => StockEntry::Count {
                lines: self
                    .rows
                    .iter()
                    .map(|r| CountLine {
                        product_code: r.code.clone(),
                        counted: r.counted,
                        // Who bears it means something only where goods are missing.
                        corner_at_fault: r.corner_at_fault && r.shortfall(),
                    })
                    .collect(),
                reason,
            },
        })
    }

    /// A new line for `code`, counted as `counted` when this is a count.
    fn new_row(&self, code: &str, name: String, unit: Unit, quantity: Quantity) -> IntakeRow {
        IntakeRow {
            code: code.to_string(),
            name,
            unit,
            quantity,
            counted: StockQuantity::from(quantity),
            best_before: None,
            recorded: self.on_hand.get(code).copied(),
            // A count's new line starts with the shop's rule (the form's flag).
            corner_at_fault: self.shop_wide() && self.corner_at_fault,
        }
    }

    /// A product entered again adds to its line: a scanner beeps once per piece.
    fn add(&mut self, code: &str, name: String, unit: Unit, quantity: Quantity) -> Note {
        if self.one_line() && self.rows.first().is_some_and(|r| r.code != code) {
            self.rows.clear();
        }
        let found = self.rows.iter().position(|r| r.code == code);
        if self.shop_wide()
            && let Some(i) = found
        {
            // Counting shelf by shelf finds the same goods twice: both finds add up.
            let row = &mut self.rows[i];
            row.counted += StockQuantity::from(quantity);
            self.selected = i;
            return Note::Stock(StockNote::CountedAgain(name, row.counted, unit));
        }
        match found {
            Some(i) => match self.rows[i].quantity.checked_add(quantity) {
                Some(total) => {
                    self.rows[i].quantity = total;
                    self.rows[i].counted = StockQuantity::from(total);
                    self.selected = i;
                }
                None => {
                    return Note::BadQuantity(crate::domain::ParseError::TooLarge, unit);
                }
            },
            None => {
                let row = self.new_row(code, name.clone(), unit, quantity);
                self.rows.push(row);
                self.selected = self.rows.len() - 1;
            }
        }
        Note::Added(self.rows[self.selected].quantity, unit, name)
    }

    fn submit(&mut self, app_catalogue: &Catalogue, today: NaiveDate) -> Option<Note> {
        let text = self.entry.trim().to_string();
        if text.is_empty() {
            return None;
        }
        if self.producer.is_none() && !self.shop_wide() {
            return match self.find_producer(&text) {
                Some(found) => {
                    self.choose(app_catalogue, found);
                    self.entry.clear();
                    None
                }
                None => Some(Note::UnknownProducer(text)),
            };
        }
        if self.kind == DocumentKind::Count
            && let Some(("0", code)) = text.split_once('*').map(|(q, c)| (q.trim(), c.trim()))
            && let Some(product) = self.catalogue.lookup(code)
        {
            let (code, name, unit) = (product.code.clone(), product.full_name(), product.unit);
            // An empty shelf: the product's line says nothing was found, whatever it said.
            let i = match self.rows.iter().position(|r| r.code == code) {
                Some(i) => i,
                None => {
                    let row = self.new_row(&code, name.clone(), unit, Quantity::whole(1));
                    self.rows.push(row);
                    self.rows.len() - 1
                }
            };
            self.rows[i].counted = StockQuantity::ZERO;
            self.selected = i;
            self.entry.clear();
            return Some(Note::QuantityNow(name, Quantity::from_milli(0), unit));
        }
        if self.kind == DocumentKind::Intake && text.contains('/') {
            let Some(date) = crate::domain::parse_date(&text) else {
                return Some(Note::BadDate(text));
            };
            // Goods already past their date are not taken in: they go back with the producer.
            if date < today {
                return Some(Note::BestBeforePast(date));
            }
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
            // A code the till knows belongs to another producer: say so, not "unknown".
            Entry::Search(text) | Entry::UnknownCode(text) => {
                let code = text.rsplit('*').next().unwrap_or(&text).trim();
                Err(match app_catalogue.lookup(code) {
                    Some(p) => Note::OtherProducersGoods(p.code.clone(), p.producer_name.clone()),
                    None => Note::UnknownCode(text),
                })
            }
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

/// A key in the form; `Go::Back` leaves it for the stock list.
pub(super) fn form_key(cx: &Ctx, form: &mut StockForm, msg: Key) -> Outcome {
    if form.on_reason {
        match msg {
            Key::Input(c) => type_into(&mut form.reason, c, MAX_REASON),
            Key::Backspace => {
                form.reason.pop();
            }
            Key::Next | Key::Cancel => form.on_reason = false,
            _ => return code_line_key(cx, form, msg),
        }
        return Outcome::stay();
    }
    code_line_key(cx, form, msg)
}

fn code_line_key(cx: &Ctx, form: &mut StockForm, msg: Key) -> Outcome {
    let selected = std::mem::take(&mut form.entry_selected);
    match msg {
        Key::Input(c) => {
            if selected {
                form.entry.clear();
            }
            type_into(&mut form.entry, c, MAX_ENTRY)
        }
        Key::Backspace => {
            form.entry.pop();
        }
        Key::Submit => {
            let note = form.submit(cx.catalogue, cx.today);
            // Whatever is still on the line was refused.
            form.entry_selected = !form.entry.is_empty();
            return Outcome::stay().maybe_note(note);
        }
        // An intake has no reason line.
        Key::Next if form.kind != DocumentKind::Intake => form.on_reason = true,
        Key::ToggleFault if form.kind == DocumentKind::WriteOff => {
            form.corner_at_fault = !form.corner_at_fault;
        }
        Key::ToggleFault if form.shop_wide() => {
            if let Some(row) = form.rows.get_mut(form.selected) {
                row.corner_at_fault = !row.corner_at_fault;
            }
        }
        Key::Up => form.selected = form.selected.saturating_sub(1),
        Key::Down if form.selected + 1 < form.rows.len() => form.selected += 1,
        Key::Delete if form.selected < form.rows.len() => {
            let row = form.rows.remove(form.selected);
            form.selected = form.selected.min(form.rows.len().saturating_sub(1));
            return Outcome::stay().note(Note::Removed(row.name));
        }
        Key::Record => return record(form),
        // The question to drop the typed lines was answered yes.
        Key::Yes => return Outcome::back(),
        Key::Cancel => {
            if !form.entry.is_empty() {
                form.entry.clear();
            } else if form.rows.is_empty() {
                return Outcome::back();
            } else {
                // Typed lines are work: they go only after a yes.
                let question = Question::DiscardLines {
                    lines: form.rows.len(),
                    quit: false,
                };
                return Outcome::ask_then(question, Outcome::beneath());
            }
        }
        _ => {}
    }
    Outcome::stay()
}

/// F2: the entry as typed, asked about first; what is missing is said instead.
fn record(form: &mut StockForm) -> Outcome {
    match form.entry() {
        Ok(entry) if form.shop_wide() => {
            let yes = vec![Effect::RecordStock(entry)];
            let question = Question::RecordCount {
                products: form.rows.len(),
                differ: form
                    .rows
                    .iter()
                    .filter(|r| r.difference() != Some(StockQuantity::ZERO))
                    .count(),
            };
            Outcome::ask(question, yes)
        }
        Ok(entry) => {
            let yes = vec![Effect::RecordStock(entry.clone())];
            let question = Question::RecordStock {
                kind: form.kind,
                producer_name: form
                    .producer
                    .as_ref()
                    .map_or_else(String::new, |p| p.name.clone()),
                lines: form.rows.len(),
                entry,
            };
            Outcome::ask(question, yes)
        }
        Err(note) => {
            // A missing reason is typed where it goes.
            if note == Note::ReasonEmpty {
                form.on_reason = true;
            }
            Outcome::stay().note(note)
        }
    }
}

pub(super) fn draw_form(cx: &Ctx, form: &StockForm, frame: &mut Frame, area: Rect, focused: bool) {
    let t = &cx.lang.text().ui;
    let title = match &form.producer {
        _ if form.shop_wide() => (cx.lang.stock_count().count_title)(form.rows.len()),
        Some(p) => (t.form_title)((t.kind_name)(form.kind), &format!("{} {}", p.code, p.name)),
        None => (t.form_title)((t.kind_name)(form.kind), t.intake_pick_prompt),
    };
    // An intake has no reason; the others show it in one more row under the code line.
    let reason_rows = if form.kind == DocumentKind::Intake {
        3
    } else {
        4
    };
    let [entry, table] =
        Layout::vertical([Constraint::Length(reason_rows), Constraint::Fill(1)]).areas(area);
    let prompt = match (&form.producer, form.kind) {
        (None, DocumentKind::Count) => t.form_entry_prompt,
        (None, _) => t.intake_pick_prompt,
        (Some(_), DocumentKind::Intake) => t.intake_entry_prompt,
        (Some(_), _) => t.form_entry_prompt,
    };
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(Style::new().cyan())
        .padding(Padding::horizontal(1));
    let inner = block.inner(entry);
    let label = format!("{prompt}: ");
    let mut lines = vec![Line::from(vec![
        Span::from(label.clone()).dark_gray(),
        if form.entry_selected {
            Span::from(form.entry.as_str()).bold().reversed()
        } else {
            Span::from(form.entry.as_str()).bold()
        },
    ])];
    let reason_label = format!("{}: ", t.reason_label);
    if form.kind != DocumentKind::Intake {
        let mut line = vec![
            Span::from(reason_label.clone()).dark_gray(),
            Span::from(form.reason.as_str()).bold(),
        ];
        if form.kind == DocumentKind::WriteOff {
            let fault = Span::from(format!("  [{}]", (t.corner_at_fault)(form.corner_at_fault)));
            line.push(if form.corner_at_fault {
                fault.yellow().bold()
            } else {
                fault
            });
        }
        lines.push(Line::from(line));
    }
    frame.render_widget(Paragraph::new(lines).block(block), entry);
    if focused {
        let (x, y) = if form.on_reason {
            (
                reason_label.chars().count() + form.reason.chars().count(),
                inner.y + 1,
            )
        } else {
            (label.chars().count() + form.entry.chars().count(), inner.y)
        };
        let x = inner.x + x as u16;
        frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), y));
    }
    let block = Block::bordered().padding(Padding::horizontal(1));
    if form.rows.is_empty() {
        let text = match &form.producer {
            _ if form.shop_wide() => cx.lang.stock_count().count_empty,
            Some(_) => t.intake_empty,
            None => "",
        };
        super::widgets::placeholder(frame, table, block, text);
        return;
    }
    if form.shop_wide() {
        draw_count_rows(cx, form, frame, table, block);
        return;
    }
    let header = Row::new([
        Cell::from(t.col_code),
        Cell::from(t.col_item),
        Cell::from(right(t.col_qty)),
        Cell::from(if form.kind == DocumentKind::Intake {
            t.col_best_before
        } else {
            ""
        }),
    ])
    .bold();
    let rows = form.rows.iter().map(|r| {
        Row::new([
            Cell::from(r.code.clone()),
            Cell::from(r.name.clone()),
            Cell::from(right(if form.kind == DocumentKind::Count {
                r.counted.with_unit(r.unit)
            } else {
                r.quantity.with_unit(r.unit)
            })),
            Cell::from(
                r.best_before
                    .map_or_else(String::new, |d| format::date(d, cx.lang)),
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
    .block(block);
    draw_list(frame, table, widget, form.selected);
}

/// A count's lines: what the books hold, what was counted, the difference and, where goods
/// are missing, who bears them.
fn draw_count_rows(cx: &Ctx, form: &StockForm, frame: &mut Frame, area: Rect, block: Block) {
    let t = &cx.lang.text().ui;
    let c = cx.lang.stock_count();
    let header = Row::new([
        Cell::from(t.col_code),
        Cell::from(t.col_item),
        Cell::from(right(c.col_recorded)),
        Cell::from(right(c.col_counted)),
        Cell::from(right(c.col_difference)),
        Cell::from(c.col_borne_by),
    ])
    .bold();
    let rows = form.rows.iter().map(|r| {
        let difference = match r.difference() {
            None => "?".to_string(),
            Some(d) if d == StockQuantity::ZERO => "0".to_string(),
            Some(d) if d.is_positive() => format!("+{}", d.number_text()),
            Some(d) => d.number_text(),
        };
        let borne = match (r.shortfall(), r.corner_at_fault) {
            (false, _) => "",
            (true, true) => c.borne_by_corner,
            (true, false) => c.borne_by_producer,
        };
        let row = Row::new([
            Cell::from(r.code.clone()),
            Cell::from(r.name.clone()),
            Cell::from(right(
                r.recorded.map_or_else(|| "?".into(), |q| q.number_text()),
            )),
            Cell::from(right(r.counted.with_unit(r.unit))),
            Cell::from(right(difference)),
            Cell::from(borne),
        ]);
        if r.shortfall() { row.yellow() } else { row }
    });
    let widget = Table::new(
        rows,
        [
            Constraint::Length(7),
            Constraint::Fill(1),
            Constraint::Length(8),
            Constraint::Length(9),
            Constraint::Length(7),
            Constraint::Length(8),
        ],
    )
    .column_spacing(1)
    .header(header)
    .block(block);
    draw_list(frame, area, widget, form.selected);
}
