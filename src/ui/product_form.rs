//! The product form: adding a product, or editing one (the same form filled in, its code,
//! unit and producer fixed because stock and history hang on them). Tab or Enter moves on,
//! so a scanner's Enter in the barcode field never saves a half-filled form.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

use super::effect::Effect;
use super::input::{self, step_field, type_into};
use super::msg::Key;
use super::note::Note;
use super::outcome::{Ctx, Outcome};
use super::question::Question;
use super::widgets::wrap_words;
use crate::domain::{
    NewProduct, ParseError, Producer, ProductChanges, ProductRecord, Scheme, StockQuantity, Unit,
    parse_amount, parse_quantity,
};

/// The form's fields and what keeps it from being saved live with the other refusals, so
/// that the message line can say them without knowing this form.
pub use super::failure::{ProductField as Field, ProductProblem as Problem};

const MAX_FIELD: usize = 60;
/// The value's column on the form, the space before it included.
const VALUE_WIDTH: usize = 25;

pub const FIELDS: [Field; 10] = [
    Field::Code,
    Field::Barcode,
    Field::Name,
    Field::Variant,
    Field::Unit,
    Field::Price,
    Field::Producer,
    Field::ProducerPrice,
    Field::Minimum,
    Field::Daily,
];

pub struct ProductForm {
    /// The product being edited; `None` for a new one.
    pub editing: Option<ProductRecord>,
    /// The text of each field, in `FIELDS` order (the daily flag is `daily`).
    pub values: [String; 10],
    pub daily: bool,
    pub field: Field,
    /// Every producer, to resolve the producer field and its scheme.
    producers: Vec<Producer>,
}

impl ProductForm {
    pub fn add(producers: Vec<Producer>) -> ProductForm {
        ProductForm {
            editing: None,
            values: Default::default(),
            daily: false,
            field: Field::Code,
            producers,
        }
    }

    pub fn edit(product: ProductRecord, producers: Vec<Producer>) -> ProductForm {
        let mut values: [String; 10] = Default::default();
        values[Field::Code as usize] = product.code.clone();
        values[Field::Barcode as usize] = product.barcode.clone().unwrap_or_default();
        values[Field::Name as usize] = product.name.clone();
        values[Field::Variant as usize] = product.variant.clone();
        values[Field::Unit as usize] = product.unit.code().to_string();
        values[Field::Price as usize] = product.price.value().to_string();
        values[Field::Producer as usize] = product.producer_code.clone();
        values[Field::ProducerPrice as usize] = product
            .producer_price
            .map_or_else(String::new, |p| p.value().to_string());
        values[Field::Minimum as usize] = if product.min_stock == StockQuantity::ZERO {
            String::new()
        } else {
            product.min_stock.number_text()
        };
        ProductForm {
            daily: product.daily,
            values,
            editing: Some(product),
            field: Field::Barcode,
            producers,
        }
    }

    pub fn value(&self, field: Field) -> &str {
        &self.values[field as usize]
    }

    /// The producer typed: by code (any case), else the only one whose name contains it.
    pub fn producer(&self) -> Option<&Producer> {
        let text = self.value(Field::Producer).trim();
        if text.is_empty() {
            return None;
        }
        let lower = text.to_lowercase();
        self.producers
            .iter()
            .find(|p| p.code.eq_ignore_ascii_case(text))
            .or_else(|| {
                let mut named = self
                    .producers
                    .iter()
                    .filter(|p| p.name.to_lowercase().contains(&lower));
                match (named.next(), named.next()) {
                    (Some(one), None) => Some(one),
                    _ => None,
                }
            })
    }

    /// Whether the producer is paid a producer price, so the product needs one.
    pub fn needs_producer_price(&self) -> bool {
        match (self.producer(), &self.editing) {
            (Some(p), _) => p.scheme == Scheme::ProducerPrice,
            // Producers not loaded: an edited product with a producer price keeps needing one.
            (None, Some(product)) => product.producer_price.is_some(),
            (None, None) => false,
        }
    }

    /// Fields the keyboard can reach: an edit keeps code, unit and producer.
    pub fn editable(&self, field: Field) -> bool {
        let fixed = matches!(field, Field::Code | Field::Unit | Field::Producer);
        !(self.editing.is_some() && fixed)
            && (field != Field::ProducerPrice || self.needs_producer_price())
    }

    fn step(&mut self, forward: bool) {
        self.field = step_field(&FIELDS, self.field, forward, |f| self.editable(f));
    }

    fn unit(&self) -> Result<Unit, (Field, Problem)> {
        match self.value(Field::Unit).trim() {
            "" => Err((Field::Unit, Problem::Empty)),
            text => text
                .parse()
                .map_err(|()| (Field::Unit, Problem::UnknownUnit)),
        }
    }

    fn amount(&self, field: Field) -> Result<crate::domain::Rupiah, (Field, Problem)> {
        match parse_amount(self.value(field)) {
            Ok(amount) if !amount.is_positive() => Err((field, Problem::NotPositive)),
            Ok(amount) => Ok(amount),
            Err(ParseError::Empty) => Err((field, Problem::Empty)),
            Err(e) => Err((field, Problem::Amount(e))),
        }
    }

    fn required(&self, field: Field) -> Result<String, (Field, Problem)> {
        match self.value(field).trim() {
            "" => Err((field, Problem::Empty)),
            text => Ok(text.to_string()),
        }
    }

    /// The fields as the ledger takes them, or the first field that is wrong.
    fn fields(&self) -> Result<NewProduct, (Field, Problem)> {
        let code = self.required(Field::Code)?;
        let name = self.required(Field::Name)?;
        let unit = self.unit()?;
        let price = self.amount(Field::Price)?;
        let producer_code = match (&self.editing, self.producer()) {
            (Some(product), _) => product.producer_code.clone(),
            (None, Some(p)) => p.code.clone(),
            (None, None) => {
                self.required(Field::Producer)?;
                return Err((Field::Producer, Problem::UnknownProducer));
            }
        };
        let producer_price = if self.needs_producer_price() {
            Some(self.amount(Field::ProducerPrice)?)
        } else {
            None
        };
        let min_stock = match self.value(Field::Minimum).trim() {
            "" | "0" => StockQuantity::ZERO,
            text => parse_quantity(text, unit)
                .map(StockQuantity::from)
                .map_err(|e| (Field::Minimum, Problem::Quantity(e, unit)))?,
        };
        let barcode = Some(self.value(Field::Barcode).trim().to_string()).filter(|b| !b.is_empty());
        Ok(NewProduct {
            code,
            barcode,
            name,
            variant: self.value(Field::Variant).trim().to_string(),
            unit,
            price,
            producer_code,
            producer_price,
            min_stock,
            daily: self.daily,
        })
    }
}

/// A key in the form; `Go::Back` leaves it for the products list.
pub(super) fn key(cx: &Ctx, form: &mut ProductForm, msg: Key) -> Outcome {
    match msg {
        Key::Input(c) if form.field == Field::Daily => match c {
            'y' | 'Y' => form.daily = true,
            'n' | 'N' | 't' | 'T' => form.daily = false,
            ' ' => form.daily = !form.daily,
            _ => {}
        },
        Key::Input(c) if matches!(form.field, Field::Price | Field::ProducerPrice) => {
            let field = &mut form.values[form.field as usize];
            let note = input::type_amount(cx.amount_refused, field, c, MAX_FIELD);
            return Outcome::stay().maybe_note(note);
        }
        Key::Input(c) => type_into(&mut form.values[form.field as usize], c, MAX_FIELD),
        Key::Backspace if form.field != Field::Daily => {
            form.values[form.field as usize].pop();
        }
        Key::Next | Key::Submit => form.step(true),
        Key::Prev => form.step(false),
        Key::Record => return save(form),
        Key::Cancel => return Outcome::back(),
        _ => {}
    }
    Outcome::stay()
}

/// A new product is added at once; an edit that changes a price asks first.
fn save(form: &mut ProductForm) -> Outcome {
    let product = match form.fields() {
        Ok(product) => product,
        Err((field, problem)) => {
            form.field = field;
            return Outcome::stay().note(Note::ProductField(field, problem));
        }
    };
    let Some(old) = &form.editing else {
        return Outcome::stay().run(vec![Effect::AddProduct(product)]);
    };
    let changes = ProductChanges {
        name: product.name,
        variant: product.variant,
        barcode: product.barcode,
        price: product.price,
        producer_price: product.producer_price,
        min_stock: product.min_stock,
        daily: product.daily,
    };
    let code = old.code.clone();
    if changes.price == old.price && changes.producer_price == old.producer_price {
        return Outcome::stay().run(vec![Effect::SaveProduct { code, changes }]);
    }
    let yes = vec![Effect::SaveProduct {
        code: code.clone(),
        changes: changes.clone(),
    }];
    let question = Question::PriceChange {
        code,
        name: old.name.clone(),
        old: old.price,
        old_producer_price: old.producer_price,
        changes,
    };
    Outcome::ask(question, yes)
}

pub(super) fn draw(cx: &Ctx, form: &ProductForm, frame: &mut Frame, area: Rect, focused: bool) {
    let t = &cx.lang.text().ui;
    let title = match &form.editing {
        Some(p) => (t.edit_product_title)(&p.code),
        None => t.new_product_title.to_string(),
    };
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(Style::new().cyan())
        .padding(Padding::new(1, 1, 1, 0));
    let inner = block.inner(area);
    let label_width = FIELDS
        .iter()
        .map(|f| f.label(cx.lang).chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    // A hint (the producer's name) too long for the room beside the value goes on under it,
    // broken between words, rather than being cut at the frame.
    let hint_at = label_width + VALUE_WIDTH;
    let hint_room = usize::from(inner.width).saturating_sub(hint_at + 2);
    let mut lines = Vec::new();
    let mut cursor = None;
    for field in FIELDS.iter() {
        let label = format!("{:<label_width$}", field.label(cx.lang));
        let value = match field {
            Field::Daily => (t.yes_no)(form.daily).to_string(),
            _ => form.value(*field).to_string(),
        };
        let hint = match field {
            Field::Unit if form.editing.is_none() => t.unit_hint.to_string(),
            Field::Producer => form.producer().map_or_else(String::new, |p| p.name.clone()),
            Field::ProducerPrice if !form.needs_producer_price() => t.no_producer_price.to_string(),
            Field::Daily => t.daily_hint.to_string(),
            Field::Barcode => t.optional_hint.to_string(),
            _ => String::new(),
        };
        let mut hint = wrap_words(&hint, hint_room, usize::MAX).into_iter();
        let here = form.field == *field;
        let value_span = Span::from(format!(" {value:<width$}", width = VALUE_WIDTH - 1));
        let value_span = if !form.editable(*field) {
            value_span.dark_gray()
        } else if here {
            value_span.reversed()
        } else {
            value_span.underlined()
        };
        if here && *field != Field::Daily {
            cursor = Some((label_width + 1 + value.chars().count(), lines.len()));
        }
        let first = hint.next().map(|h| format!("  {h}")).unwrap_or_default();
        lines.push(Line::from(vec![
            Span::from(label).bold(),
            value_span,
            Span::from(first).dark_gray(),
        ]));
        for more in hint {
            lines.push(Line::from(format!("{:hint_at$}  {more}", "")).dark_gray());
        }
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
    if focused && let Some((x, y)) = cursor {
        let x = inner.x + (x as u16).min(inner.width.saturating_sub(1));
        frame.set_cursor_position((x, inner.y + y as u16));
    }
}
