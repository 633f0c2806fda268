//! The producers screen: every producer, active or not, with a filter that typing fills; a
//! form to add one or edit one (a scheme or rate change asks first, as it is history), and
//! taking a producer with all their products off the till (or back), which asks too.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Padding, Paragraph, Row, Table};

use super::effect::Effect;
use super::failure::FailedEffect;
use super::input::{step_field, type_into};
use super::keymap::Focus;
use super::list::{FilteredList, any_contains};
use super::msg::{Answer, Key};
use super::note::Note;
use super::outcome::{Ctx, Go, Outcome, Place};
use super::question::Question;
use super::widgets::{
    centered, draw_filter, draw_list, fit_columns_with_trend, name_text, sparkline,
};
use crate::domain::glance::TOP_DAYS;
use crate::domain::{DailySales, NewProducer, Producer, ProducerChanges, Rate, Scheme};
use unicode_width::UnicodeWidthStr;

const MAX_FILTER: usize = 40;
const MAX_CODE: usize = 16;
const MAX_TEXT: usize = 80;
const MAX_RATE: usize = 8;

pub struct ProducersScreen {
    pub list: FilteredList<Producer>,
    /// The form adding or editing a producer, over the list it returns to.
    pub form: Option<Box<ProducerForm>>,
    /// The selected producer's detail view is open.
    pub details: bool,
    /// Sales per day of the last 30 days, for the sparklines; `None` until read.
    pub daily: Option<Box<DailySales>>,
}

/// Code, name or phone containing the filter.
fn matches(p: &Producer, filter: &str) -> bool {
    any_contains(&[&p.code, &p.name, &p.phone], filter)
}

impl ProducersScreen {
    pub fn loading() -> ProducersScreen {
        ProducersScreen {
            list: FilteredList::loading(matches),
            form: None,
            details: false,
            daily: None,
        }
    }

    pub fn loaded(&mut self, producers: Vec<Producer>) {
        self.list.loaded(producers);
    }

    pub fn shown(&self) -> Vec<&Producer> {
        self.list.shown()
    }

    pub fn current(&self) -> Option<&Producer> {
        self.list.current()
    }

    /// Selects the producer with `code`, if the filter shows it.
    fn select(&mut self, code: &str) {
        if let Some(i) = self
            .list
            .shown()
            .iter()
            .position(|p| p.code.eq_ignore_ascii_case(code.trim()))
        {
            self.list.selected = i;
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Code,
    Name,
    Phone,
    Address,
    Account,
    /// The scheme and the daily payout are choices, toggled with Space (or their F-key):
    /// Tab stops on them in screen order.
    Scheme,
    Daily,
    Rate,
}

const FIELDS: [Field; 8] = [
    Field::Code,
    Field::Name,
    Field::Phone,
    Field::Address,
    Field::Account,
    Field::Scheme,
    Field::Daily,
    Field::Rate,
];

/// A producer being added (`editing` is `None`) or edited; the list waits beneath it.
pub struct ProducerForm {
    /// The producer as it was when the form opened; its code cannot change.
    pub editing: Option<Producer>,
    pub code: String,
    pub name: String,
    pub phone: String,
    pub address: String,
    pub account: String,
    /// A percentage (the corner's cut) rather than producer price.
    pub percentage: bool,
    /// The corner's cut as typed, `12,5`.
    pub rate: String,
    /// Paid out at every closing (saved after the producer itself, see `changed`).
    pub payout_daily: bool,
    pub field: Field,
}

impl ProducerForm {
    pub fn new() -> ProducerForm {
        ProducerForm {
            editing: None,
            code: String::new(),
            name: String::new(),
            phone: String::new(),
            address: String::new(),
            account: String::new(),
            percentage: true,
            rate: String::new(),
            payout_daily: false,
            field: Field::Code,
        }
    }

    pub fn edit(producer: Producer) -> ProducerForm {
        let (percentage, rate) = match producer.scheme {
            Scheme::Percentage { rate } => (true, rate_text(rate)),
            Scheme::ProducerPrice => (false, String::new()),
        };
        ProducerForm {
            code: producer.code.clone(),
            name: producer.name.clone(),
            phone: producer.phone.clone(),
            address: producer.address.clone(),
            account: producer.account.clone(),
            percentage,
            rate,
            payout_daily: producer.payout_daily,
            field: Field::Name,
            editing: Some(producer),
        }
    }

    /// The fields the cursor visits: not the code of a producer that exists, and no rate
    /// under producer price.
    fn fields(&self) -> Vec<Field> {
        FIELDS
            .into_iter()
            .filter(|f| match f {
                Field::Code => self.editing.is_none(),
                Field::Rate => self.percentage,
                _ => true,
            })
            .collect()
    }

    fn step(&mut self, forward: bool) {
        self.field = step_field(&self.fields(), self.field, forward, |_| true);
    }

    /// The text field the cursor is on; `None` on a choice.
    fn focused(&mut self) -> Option<(&mut String, usize)> {
        Some(match self.field {
            Field::Scheme | Field::Daily => return None,
            Field::Code => (&mut self.code, MAX_CODE),
            Field::Name => (&mut self.name, MAX_TEXT),
            Field::Phone => (&mut self.phone, MAX_TEXT),
            Field::Address => (&mut self.address, MAX_TEXT),
            Field::Account => (&mut self.account, MAX_TEXT),
            Field::Rate => (&mut self.rate, MAX_RATE),
        })
    }

    fn toggle_scheme(&mut self) {
        self.percentage = !self.percentage;
        if !self.fields().contains(&self.field) {
            self.field = Field::Name;
        }
    }

    /// The scheme the form says, or what is wrong with it (and the field to fix).
    fn scheme(&self) -> Result<Scheme, (Note, Field)> {
        if !self.percentage {
            return Ok(Scheme::ProducerPrice);
        }
        Rate::parse_percent(&self.rate)
            .map(|rate| Scheme::Percentage { rate })
            .ok_or_else(|| (Note::BadRate(self.rate.trim().to_string()), Field::Rate))
    }

    fn check(&self) -> Result<Scheme, (Note, Field)> {
        if self.editing.is_none() && self.code.trim().is_empty() {
            return Err((Note::ProducerCodeEmpty, Field::Code));
        }
        if self.name.trim().is_empty() {
            return Err((Note::ProducerNameEmpty, Field::Name));
        }
        self.scheme()
    }
}

/// `12,5` for 12.5 %: the rate as the form takes it back.
fn rate_text(rate: Rate) -> String {
    rate.to_string().trim_end_matches('%').trim().to_string()
}

/// A key on the producers area: the form if one is open, else the list.
pub(super) fn key(screen: &mut ProducersScreen, msg: Key) -> Outcome {
    if let Some(form) = &mut screen.form {
        let outcome = form_key(form, msg);
        if outcome.go == Go::Back {
            screen.form = None;
            return Outcome::stay().maybe_note(outcome.note.map(|note| *note));
        }
        return outcome;
    }
    let has_row = screen.current().is_some();
    if super::detail::key(&mut screen.details, has_row, &msg) {
        return Outcome::stay();
    }
    match msg {
        msg if screen.list.key(&msg, MAX_FILTER) => {}
        // Codes already taken are told by the ledger; the list need not be loaded to add.
        Key::AddProducer => screen.form = Some(Box::new(ProducerForm::new())),
        Key::EditProducer => {
            if let Some(producer) = screen.current().cloned() {
                screen.form = Some(Box::new(ProducerForm::edit(producer)));
            }
        }
        Key::ToggleActive => {
            if let Some(producer) = screen.current() {
                let yes = vec![Effect::SetProducerActive {
                    code: producer.code.clone(),
                    active: !producer.active,
                }];
                let question = Question::SetProducerActive {
                    code: producer.code.clone(),
                    name: producer.name.clone(),
                    active: !producer.active,
                };
                return Outcome::ask(question, yes);
            }
        }
        Key::Cancel => return Outcome::home(),
        _ => {}
    }
    Outcome::stay()
}

fn form_key(form: &mut ProducerForm, msg: Key) -> Outcome {
    match msg {
        Key::Input(' ') if form.field == Field::Scheme => form.toggle_scheme(),
        Key::Input(' ') if form.field == Field::Daily => form.payout_daily = !form.payout_daily,
        Key::Input(c) => match form.focused() {
            Some((field, max)) => type_into(field, c, max),
            None => return Outcome::stay().note(Note::ChoiceField),
        },
        Key::Backspace => {
            if let Some((field, _)) = form.focused() {
                field.pop();
            }
        }
        Key::Next => form.step(true),
        Key::Prev => form.step(false),
        Key::ToggleScheme => form.toggle_scheme(),
        Key::TogglePayoutDaily => form.payout_daily = !form.payout_daily,
        Key::Record => return submit(form),
        Key::Cancel => return Outcome::back(),
        _ => {}
    }
    Outcome::stay()
}

/// F2 on the form: a new producer is added at once; an edit that changes the scheme or rate
/// asks first; an edit that changes nothing just closes the form.
fn submit(form: &mut ProducerForm) -> Outcome {
    let scheme = match form.check() {
        Ok(scheme) => scheme,
        Err((note, field)) => {
            form.field = field;
            return Outcome::stay().note(note);
        }
    };
    let Some(old) = &form.editing else {
        let effect = Effect::AddProducer(NewProducer {
            code: form.code.trim().to_string(),
            name: form.name.trim().to_string(),
            phone: form.phone.trim().to_string(),
            address: form.address.trim().to_string(),
            account: form.account.trim().to_string(),
            scheme,
        });
        return Outcome::stay().run(vec![effect]);
    };
    let changes = ProducerChanges {
        name: form.name.trim().to_string(),
        phone: form.phone.trim().to_string(),
        address: form.address.trim().to_string(),
        account: form.account.trim().to_string(),
        scheme,
        producer_prices: Vec::new(),
    };
    let code = old.code.clone();
    if changes == old.changes() {
        if form.payout_daily != old.payout_daily {
            let daily = form.payout_daily;
            return Outcome::stay().run(vec![Effect::SetPayoutDaily { code, daily }]);
        }
        return Outcome::back();
    }
    if scheme != old.scheme {
        let yes = vec![Effect::SaveProducer {
            code: code.clone(),
            changes: changes.clone(),
        }];
        let question = Question::ProducerScheme {
            code,
            name: old.name.clone(),
            old: old.scheme,
            changes,
        };
        return Outcome::ask(question, yes);
    }
    Outcome::stay().run(vec![Effect::SaveProducer { code, changes }])
}

/// A producer change is on disk: the list shows the producers as they are, the one just
/// saved selected. The form's daily-payout flag is saved next if the saved producer does not
/// have it yet: only once the producer itself is on disk, so a refused code can never set
/// another producer's flag.
fn changed(screen: &mut ProducersScreen, producers: Vec<Producer>) -> Outcome {
    if let Some(form) = &screen.form {
        let code = form.code.trim();
        if producers
            .iter()
            .any(|p| p.code.eq_ignore_ascii_case(code) && p.payout_daily != form.payout_daily)
        {
            return Outcome::stay().run(vec![Effect::SetPayoutDaily {
                code: code.to_string(),
                daily: form.payout_daily,
            }]);
        }
    }
    let saved = screen.form.take().map(|form| form.code);
    screen.loaded(producers);
    if let Some(code) = saved {
        screen.select(&code);
    }
    Outcome::stay()
}

// ---- drawing ----

pub(super) fn draw(
    cx: &Ctx,
    screen: &ProducersScreen,
    frame: &mut Frame,
    area: Rect,
    focused: bool,
) {
    let t = &cx.lang.text().ui;
    let [filter, table] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    draw_filter(frame, filter, t.stock_filter, &screen.list.filter, focused);
    let block = Block::bordered()
        .title(format!(" {} ", t.producers_title))
        .padding(Padding::horizontal(1));
    if let Some(text) = screen.list.placeholder(t.stock_loading, t.producers_none) {
        super::widgets::placeholder(frame, table, block, text);
        return;
    }
    let shown = screen.shown();
    let headers = [t.col_code, t.col_name, t.col_phone, t.col_scheme, ""];
    let cells: Vec<Vec<String>> = shown
        .iter()
        .map(|p| {
            vec![
                p.code.clone(),
                p.name.clone(),
                p.phone.clone(),
                (t.scheme_text)(p.scheme),
                if p.active { "" } else { t.inactive_mark }.to_string(),
            ]
        })
        .collect();
    // The name takes what code, phone and scheme leave, on two rows if it must; the 30 days'
    // sparkline comes only where every name still fits on one row beside it.
    let trend_header = (cx.lang.glance().trend_header)(TOP_DAYS);
    let trend = screen.daily.as_ref().map(|_| trend_header.as_str());
    let (widths, trend) = fit_columns_with_trend(table.width, &headers, &cells, 1, trend);
    let mut header: Vec<Cell> = headers.map(Cell::from).into();
    if trend {
        header.push(Cell::from(trend_header.clone()));
    }
    let header = Row::new(header).bold();
    let rows = shown.iter().zip(cells).map(|(p, cells)| {
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
                _ => Cell::from(cell),
            })
            .collect();
        if let (true, Some(daily)) = (trend, &screen.daily) {
            row.push(Cell::from(sparkline(
                daily.producers.get(&p.code).map(Vec::as_slice),
            )));
        }
        let row = Row::new(row).height(name_rows);
        if p.active { row } else { row.dark_gray() }
    });
    let widget = Table::new(rows, widths.iter().map(|w| Constraint::Length(*w)))
        .column_spacing(1)
        .header(header)
        .block(block);
    draw_list(frame, table, widget, screen.list.selected);
    if let (true, Some(p)) = (screen.details, screen.current()) {
        let [code, name, phone, address, account, scheme, _] = t.producer_labels;
        let state = if p.active { "" } else { t.inactive_mark };
        let daily = cx.lang.text().settle.payout_daily_label;
        let yes_no = |b: bool| if b { t.keys.yes } else { t.keys.no };
        let fields = [
            (code, p.code.clone()),
            (name, p.name.clone()),
            (phone, p.phone.clone()),
            (address, p.address.clone()),
            (account, p.account.clone()),
            (scheme, format!("{} {state}", (t.scheme_text)(p.scheme))),
            (daily, yes_no(p.payout_daily).to_string()),
        ];
        super::detail::draw(&p.name, &fields, frame, area);
    }
}

pub(super) fn draw_form(
    cx: &Ctx,
    form: &ProducerForm,
    frame: &mut Frame,
    area: Rect,
    focused: bool,
) {
    let t = &cx.lang.text().ui;
    let popup = centered(area, 68, 17);
    frame.render_widget(Clear, popup);
    let title = (t.producer_form_title)(form.editing.as_ref().map(|p| p.code.as_str()));
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(Style::new().cyan())
        .padding(Padding::new(1, 1, 1, 0));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let rows: [Rect; 14] = Layout::vertical([Constraint::Length(1); 14]).areas(inner);
    let [code, name, phone, address, account, scheme, rate] = t.producer_labels;
    let label_width = t
        .producer_labels
        .iter()
        .chain([&cx.lang.text().settle.payout_daily_label])
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let value_width = (inner.width as usize).saturating_sub(label_width + 1);
    let fields = [
        (Field::Code, code, &form.code),
        (Field::Name, name, &form.name),
        (Field::Phone, phone, &form.phone),
        (Field::Address, address, &form.address),
        (Field::Account, account, &form.account),
    ];
    let field_line = |field: Field, label: &str, value: &str, row: Rect, frame: &mut Frame| {
        let has_cursor = focused && form.field == field;
        // A long value shows its end, where typing goes.
        let skip = value
            .chars()
            .count()
            .saturating_sub(value_width.saturating_sub(1));
        let shown: String = value.chars().skip(skip).collect();
        let fixed = field == Field::Code && form.editing.is_some();
        let value_span = Span::from(format!("{shown:<value_width$}"));
        let value_span = if fixed {
            value_span.bold()
        } else if has_cursor {
            value_span.reversed()
        } else {
            value_span.underlined()
        };
        let prefix = format!("{label:<label_width$}");
        frame.render_widget(
            Paragraph::new(Line::from(vec![Span::from(prefix).bold(), value_span])),
            row,
        );
        if has_cursor {
            let x = row.x + (label_width + shown.chars().count()) as u16;
            frame.set_cursor_position((x.min(row.right().saturating_sub(1)), row.y));
        }
    };
    for (i, (field, label, value)) in fields.into_iter().enumerate() {
        field_line(field, label, value, rows[i * 2], frame);
    }
    // A choice under the cursor shows reversed, as a text field does.
    let choice = |field: Field, text: &str| {
        let span = Span::from(text.to_string()).cyan();
        if focused && form.field == field {
            span.reversed()
        } else {
            span
        }
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::from(format!("{scheme:<label_width$}")).bold(),
            choice(Field::Scheme, (t.scheme_choice)(form.percentage)),
        ])),
        rows[10],
    );
    let settle = &cx.lang.text().settle;
    let daily = settle.payout_daily_label;
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::from(format!("{daily:<label_width$}")).bold(),
            choice(Field::Daily, (t.yes_no)(form.payout_daily)),
            Span::from(format!(" {}", settle.payout_daily_hint)).dark_gray(),
        ])),
        rows[11],
    );
    if form.percentage {
        field_line(Field::Rate, rate, &form.rate, rows[12], frame);
        frame.render_widget(
            Paragraph::new(Span::from(t.producer_form_hint).dark_gray()),
            rows[13],
        );
    }
}

/// A runtime answer for the producers list.
pub(super) fn answer(screen: &mut ProducersScreen, msg: Answer) -> Outcome {
    match msg {
        Answer::ProducersLoaded(producers) => screen.loaded(producers),
        Answer::DailySalesLoaded(daily) => screen.daily = Some(daily),
        Answer::ProducersChanged { producers, .. } => return changed(screen, producers),
        // Saved, but not read back: the form must not offer to save it a second time.
        Answer::Failed {
            action: FailedEffect::LoadProducers,
            ..
        } if screen.form.is_some() => screen.form = None,
        Answer::Failed {
            action: FailedEffect::LoadProducers,
            ..
        } => return Outcome::home(),
        _ => {}
    }
    Outcome::stay()
}

/// The screen's face to the hub, the same on every screen: how it opens, takes a key and a
/// runtime answer, which key table it reads, and how it draws.
impl ProducersScreen {
    pub(super) fn open(cx: &Ctx, _place: Place) -> (ProducersScreen, Vec<Effect>) {
        let date = cx.status.map_or(cx.today, |s| s.day.date);
        let effects = vec![Effect::LoadProducers, Effect::LoadDailySales(date)];
        (ProducersScreen::loading(), effects)
    }

    pub(super) fn key(&mut self, _cx: &Ctx, msg: Key) -> Outcome {
        key(self, msg)
    }

    pub(super) fn answer(&mut self, _cx: &Ctx, msg: Answer) -> Outcome {
        answer(self, msg)
    }

    pub(super) fn focus(&self) -> Focus {
        match self.form {
            Some(_) => Focus::ProducerForm,
            None => Focus::Producers,
        }
    }

    pub(super) fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect, focused: bool) {
        let form = self.form.as_deref();
        draw(cx, self, frame, area, focused && form.is_none());
        if let Some(form) = form {
            draw_form(cx, form, frame, area, focused);
        }
    }
}
