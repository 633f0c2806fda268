//! Customers who buy on a tab (bon): the picker the pay dialog opens when the tab is chosen
//! (a filter over name and NIP), and the customers screen (Ctrl+T).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row, Table};

use ratatui::text::{Line, Span};

use super::effect::Effect;
use super::failure::{FailedEffect, Failure, TillFailure};
use super::input::{self, type_into};
use super::keymap::Focus;
use super::list::FilteredList;
use super::msg::{Answer, Key};
use super::note::Note;
use super::note::TillNote;
use super::outcome::{Ctx, Outcome, Place};
use super::question::Question;
use super::widgets::{centered, column_width, draw_filter, draw_list, name_text, right};
use crate::domain::{
    Customer, CustomerBalance, CustomerError, NewCustomer, PaymentMethod, Rupiah, parse_amount,
};
use crate::print::format;
use unicode_width::UnicodeWidthStr;

const MAX_FILTER: usize = 40;

/// A filter line's words, lower-cased: each must be found.
fn filter_words(filter: &str) -> Vec<String> {
    filter.split_whitespace().map(str::to_lowercase).collect()
}

/// Whether the customer's name, NIP or unit hold every one of `words`.
fn matches_words(c: &Customer, words: &[String]) -> bool {
    let hay = format!(
        "{} {} {}",
        c.name.to_lowercase(),
        c.nip.as_deref().unwrap_or(""),
        c.unit.to_lowercase()
    );
    words.iter().all(|w| hay.contains(w.as_str()))
}

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

    /// The customers whose name, NIP or unit hold every word of the filter, in order.
    pub fn shown(&self) -> Vec<&Customer> {
        let words = filter_words(&self.filter);
        self.customers
            .iter()
            .flatten()
            .filter(|c| matches_words(c, &words))
            .collect()
    }

    pub fn key(&mut self, msg: Key) -> Picked {
        match msg {
            msg if super::list::is_filter_key(&msg) => {
                let shown = self.shown().len();
                super::list::filter_key(
                    &mut self.filter,
                    &mut self.selected,
                    shown,
                    MAX_FILTER,
                    &msg,
                );
            }
            Key::Submit if self.selected < self.shown().len() => {
                return Picked::Chosen(self.shown()[self.selected].clone());
            }
            Key::Cancel => return Picked::Cancelled,
            _ => {}
        }
        Picked::Stay
    }
}

pub(super) fn draw_picker(cx: &Ctx, picker: &CustomerPicker, frame: &mut Frame, area: Rect) {
    let t = &cx.lang.text().till;
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

// ---- The customers screen (Ctrl+T): who owes what, add/edit, tab payments, statements ----

const MAX_FIELD: usize = 60;

pub struct CustomersScreen {
    pub list: FilteredList<CustomerBalance>,
    pub form: Option<CustomerForm>,
    pub payment: Option<TabPaymentForm>,
    /// The selected customer's detail view is open.
    pub details: bool,
}

/// Adding (`id: None`) or editing a customer: name, NIP, unit, phone.
pub struct CustomerForm {
    pub id: Option<i64>,
    pub fields: [String; 4],
    pub field: usize,
}

/// A customer paying off their tab: method, amount, note.
pub struct TabPaymentForm {
    pub customer: i64,
    pub name: String,
    pub owed: Rupiah,
    pub method: PaymentMethod,
    pub amount: String,
    pub note: String,
    /// 0: the amount, 1: the note.
    pub field: usize,
}

/// The customers whose name, NIP or unit hold every word of the filter.
fn balance_matches(b: &CustomerBalance, filter: &str) -> bool {
    matches_words(&b.customer, &filter_words(filter))
}

impl CustomersScreen {
    pub fn loading() -> CustomersScreen {
        CustomersScreen {
            list: FilteredList::loading(balance_matches),
            form: None,
            payment: None,
            details: false,
        }
    }

    pub fn loaded(&mut self, list: Vec<CustomerBalance>) {
        self.list.loaded(list);
    }

    fn current(&self) -> Option<&CustomerBalance> {
        self.list.current()
    }
}

/// A key on the customers screen: the customer form or the tab payment form if one is
/// open, else the list.
pub(super) fn screen_key(cx: &Ctx, screen: &mut CustomersScreen, msg: Key) -> Outcome {
    if let Some(form) = &mut screen.form {
        if msg == Key::Cancel {
            screen.form = None;
            return Outcome::stay();
        }
        return customer_form_key(form, msg);
    }
    if let Some(form) = &mut screen.payment {
        if msg == Key::Cancel {
            screen.payment = None;
            return Outcome::stay();
        }
        return payment_form_key(cx, form, msg);
    }
    let has_row = screen.current().is_some();
    if super::detail::key(&mut screen.details, has_row, &msg) {
        return Outcome::stay();
    }
    match msg {
        msg if screen.list.key(&msg, MAX_FILTER) => {}
        Key::NewCustomer => {
            screen.form = Some(CustomerForm {
                id: None,
                fields: Default::default(),
                field: 0,
            })
        }
        Key::EditCustomer => {
            if let Some(b) = screen.current() {
                let c = &b.customer;
                screen.form = Some(CustomerForm {
                    id: Some(c.id),
                    fields: [
                        c.name.clone(),
                        c.nip.clone().unwrap_or_default(),
                        c.unit.clone(),
                        c.phone.clone(),
                    ],
                    field: 0,
                });
            }
        }
        Key::TabPayment => {
            if let Some(b) = screen.current()
                && !b.owed().is_positive()
            {
                let note = TillNote::OwesNothing(b.customer.name.clone());
                return Outcome::stay().note(Note::Till(note));
            } else if let Some(b) = screen.current() {
                screen.payment = Some(TabPaymentForm {
                    customer: b.customer.id,
                    name: b.customer.name.clone(),
                    owed: b.owed(),
                    method: PaymentMethod::Cash,
                    amount: String::new(),
                    note: String::new(),
                    field: 0,
                });
            }
        }
        Key::TabStatement => {
            if let Some(b) = screen.current() {
                let customer = b.customer.id;
                return Outcome::stay().run(vec![Effect::PrintTabStatement { customer }]);
            }
        }
        Key::Cancel => return Outcome::home(),
        _ => {}
    }
    Outcome::stay()
}

fn customer_form_key(form: &mut CustomerForm, msg: Key) -> Outcome {
    match msg {
        Key::Input(c) => type_into(&mut form.fields[form.field], c, MAX_FIELD),
        Key::Backspace => {
            form.fields[form.field].pop();
        }
        Key::Next => form.field = (form.field + 1) % 4,
        Key::Prev => form.field = (form.field + 3) % 4,
        Key::Record => {
            let customer = NewCustomer {
                name: form.fields[0].clone(),
                nip: Some(form.fields[1].clone()),
                unit: form.fields[2].clone(),
                phone: form.fields[3].clone(),
            };
            match customer.checked() {
                Ok(customer) => {
                    let id = form.id;
                    return Outcome::stay().run(vec![Effect::SaveCustomer { id, customer }]);
                }
                Err(e) => {
                    form.field = match e {
                        CustomerError::NameEmpty => 0,
                        CustomerError::BadNip => 1,
                    };
                    let failure = match e {
                        CustomerError::NameEmpty => TillFailure::CustomerNameEmpty,
                        CustomerError::BadNip => TillFailure::BadNip,
                    };
                    let note = Note::Failed(FailedEffect::Till, Failure::Till(failure));
                    return Outcome::stay().note(note);
                }
            }
        }
        _ => {}
    }
    Outcome::stay()
}

fn payment_form_key(cx: &Ctx, form: &mut TabPaymentForm, msg: Key) -> Outcome {
    match msg {
        Key::Input(c) if form.field == 1 => type_into(&mut form.note, c, MAX_FIELD),
        Key::Input(c) => {
            let note = input::type_amount(cx.amount_refused, &mut form.amount, c, 20);
            return Outcome::stay().maybe_note(note);
        }
        Key::Backspace => {
            if form.field == 1 {
                form.note.pop();
            } else {
                form.amount.pop();
            }
        }
        Key::Next | Key::Prev => form.field = 1 - form.field,
        Key::CycleMethod => {
            let all = PaymentMethod::SETTLING;
            let at = all.iter().position(|m| *m == form.method).unwrap_or(0);
            form.method = all[(at + 1) % all.len()];
        }
        Key::Record => return ask_payment(form),
        _ => {}
    }
    Outcome::stay()
}

/// F2 on the tab payment: what is paid, asked about first; empty means all that is owed,
/// the usual payday settlement.
fn ask_payment(form: &TabPaymentForm) -> Outcome {
    let amount = if form.amount.trim().is_empty() {
        Ok(form.owed)
    } else {
        parse_amount(&form.amount)
    };
    let note = match amount {
        _ if !form.owed.is_positive() => Note::Till(TillNote::OwesNothing(form.name.clone())),
        Ok(amount) if amount > form.owed => Note::Till(TillNote::MoreThanOwed(form.owed)),
        Ok(amount) if amount.is_positive() => {
            let yes = vec![Effect::RecordTabPayment {
                customer: form.customer,
                method: form.method,
                amount,
                note: form.note.trim().to_string(),
            }];
            let question = Question::TabPayment {
                customer: form.customer,
                name: form.name.clone(),
                method: form.method,
                amount,
                note: form.note.trim().to_string(),
            };
            return Outcome::ask(question, yes);
        }
        Ok(_) => Note::Till(TillNote::AmountNeeded),
        Err(e) => Note::BadAmount(e),
    };
    Outcome::stay().note(note)
}

pub(super) fn draw_screen(
    cx: &Ctx,
    screen: &CustomersScreen,
    frame: &mut Frame,
    area: Rect,
    focused: bool,
) {
    let t = &cx.lang.text().till;
    let block = Block::bordered().title(format!(" {} ", t.customers_title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [filter, list] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    let popup_open = screen.form.is_some() || screen.payment.is_some();
    draw_filter(
        frame,
        filter,
        t.picker_filter,
        &screen.list.filter,
        focused && !popup_open,
    );
    match &screen.list.items {
        None => frame.render_widget(Paragraph::new(t.loading.dark_gray()).centered(), list),
        Some(all) if all.is_empty() => frame.render_widget(
            Paragraph::new(t.no_customers_here.dark_gray()).centered(),
            list,
        ),
        Some(_) => draw_customer_list(cx, screen, frame, list),
    }
    if let (true, Some(b)) = (screen.details, screen.current()) {
        let c = &b.customer;
        let fields = [
            (t.column_name, c.name.clone()),
            ("NIP", c.nip.clone().unwrap_or_default()),
            (t.column_unit, c.unit.clone()),
            (t.phone, c.phone.clone()),
            (t.column_owed, b.owed().to_string()),
        ];
        super::detail::draw(&c.name, &fields, frame, area);
    }
    if let Some(form) = &screen.form {
        draw_customer_form(cx, form, frame, area, focused);
    }
    if let Some(form) = &screen.payment {
        draw_payment_form(cx, form, frame, area, focused);
    }
}

/// The customers with what they owe: name and unit share what NIP and the amount leave.
fn draw_customer_list(cx: &Ctx, screen: &CustomersScreen, frame: &mut Frame, list: Rect) {
    let t = &cx.lang.text().till;
    let shown = screen.list.shown();
    let nip = column_width(
        "NIP",
        shown
            .iter()
            .map(|b| b.customer.nip.as_deref().unwrap_or("")),
    );
    let oweds: Vec<String> = shown.iter().map(|b| b.owed().to_string()).collect();
    let owed_width = column_width(t.column_owed, oweds.iter().map(String::as_str));
    // Name and unit share what NIP and the amount leave; a unit too long wraps.
    let room = list.width.saturating_sub(2 + nip + owed_width + 3);
    let names = column_width(
        t.column_name,
        shown.iter().map(|b| b.customer.name.as_str()),
    );
    let units = column_width(
        t.column_unit,
        shown.iter().map(|b| b.customer.unit.as_str()),
    );
    let name_width = names.min(room / 2).max(room.saturating_sub(1 + units));
    let unit_width = room.saturating_sub(name_width + 1);
    let rows = shown.into_iter().map(|b| {
        let owed = b.owed();
        let c = &b.customer;
        let fits = c.name.width() as u16 <= name_width && c.unit.width() as u16 <= unit_width;
        let height = if fits { 1 } else { 2 };
        let row = Row::new([
            Cell::from(name_text(&c.name, name_width, height)),
            Cell::from(c.nip.as_deref().unwrap_or("")),
            Cell::from(name_text(&c.unit, unit_width, height)),
            Cell::from(right(owed.to_string())),
        ])
        .height(height);
        if owed.is_positive() {
            row.yellow()
        } else {
            row
        }
    });
    let header = Row::new([
        Cell::from(t.column_name),
        Cell::from("NIP"),
        Cell::from(t.column_unit),
        Cell::from(right(t.column_owed)),
    ])
    .bold();
    let table = Table::new(
        rows,
        [
            Constraint::Length(name_width),
            Constraint::Length(nip),
            Constraint::Length(unit_width),
            Constraint::Length(owed_width),
        ],
    )
    .header(header);
    draw_list(frame, list, table, screen.list.selected);
}

fn field_line(frame: &mut Frame, row: Rect, label: &str, value: &str, has: bool) {
    let layout = super::widgets::FieldLayout {
        indent: 2,
        label: 14,
        value: 40,
    };
    super::widgets::field_line(frame, row, layout, label, value, has);
}

fn draw_customer_form(cx: &Ctx, form: &CustomerForm, frame: &mut Frame, area: Rect, focused: bool) {
    let t = &cx.lang.text().till;
    let popup = centered(area, 64, 10);
    frame.render_widget(Clear, popup);
    let title = if form.id.is_some() {
        t.edit_customer_title
    } else {
        t.new_customer_title
    };
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(Style::new().cyan());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let rows: [Rect; 8] = Layout::vertical([Constraint::Length(1); 8]).areas(inner);
    let labels = [t.column_name, "NIP", t.column_unit, t.phone];
    for (i, label) in labels.into_iter().enumerate() {
        field_line(
            frame,
            rows[1 + 2 * i],
            label,
            &form.fields[i],
            focused && form.field == i,
        );
    }
}

fn draw_payment_form(
    cx: &Ctx,
    form: &TabPaymentForm,
    frame: &mut Frame,
    area: Rect,
    focused: bool,
) {
    let t = &cx.lang.text().till;
    let title = (t.tab_payment_title)(&form.name, form.owed);
    let popup = centered(area, super::widgets::fit_title(64, &title, area), 10);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(Style::new().yellow());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let rows: [Rect; 8] = Layout::vertical([Constraint::Length(1); 8]).areas(inner);
    let mut spans = vec![Span::from(format!("  {:<14} ", t.method)).bold()];
    for m in PaymentMethod::SETTLING {
        let name = format::payment_method(m, cx.lang);
        spans.push(if m == form.method {
            Span::from(format!("[ {name} ]")).reversed().bold()
        } else {
            Span::from(format!("  {name}  "))
        });
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), rows[1]);
    field_line(
        frame,
        rows[3],
        t.amount,
        &form.amount,
        focused && form.field == 0,
    );
    field_line(
        frame,
        rows[5],
        t.note,
        &form.note,
        focused && form.field == 1,
    );
    frame.render_widget(Paragraph::new(t.amount_empty_is_all.dark_gray()), rows[6]);
}

/// A runtime answer for the customers screen.
pub(super) fn answer(screen: &mut CustomersScreen, msg: Answer) -> Outcome {
    match msg {
        Answer::CustomersLoaded(list) => screen.loaded(list),
        Answer::CustomersChanged { list, .. } => {
            screen.form = None;
            screen.payment = None;
            screen.loaded(list);
        }
        Answer::Failed {
            action: FailedEffect::Till,
            ..
        } if screen.list.items.is_none() => return Outcome::home(),
        _ => {}
    }
    Outcome::stay()
}

/// The screen's face to the hub, the same on every screen: how it opens, takes a key and a
/// runtime answer, which key table it reads, and how it draws.
impl CustomersScreen {
    pub(super) fn open(_cx: &Ctx, _place: Place) -> (CustomersScreen, Vec<Effect>) {
        (CustomersScreen::loading(), vec![Effect::LoadCustomers])
    }

    pub(super) fn key(&mut self, cx: &Ctx, msg: Key) -> Outcome {
        screen_key(cx, self, msg)
    }

    pub(super) fn answer(&mut self, _cx: &Ctx, msg: Answer) -> Outcome {
        answer(self, msg)
    }

    pub(super) fn focus(&self) -> Focus {
        if self.form.is_some() {
            Focus::CustomerForm
        } else if self.payment.is_some() {
            Focus::TabPaymentForm
        } else {
            Focus::Customers
        }
    }

    pub(super) fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect, focused: bool) {
        draw_screen(cx, self, frame, area, focused);
    }
}
