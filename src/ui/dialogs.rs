//! The smaller dialogs: the yes/no question, the open-day form, the old open day, and help.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::keymap::{Context, bar_for, bindings_for};
use super::sale::type_into;
use super::sales::SalesList;
use super::widgets::centered;
use super::{App, Effect, Mode, Msg, Note};
use crate::domain::{Rupiah, parse_amount};
use crate::print::format;

const MAX_FIELD: usize = 40;

/// What a question asks; answering yes does it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    EmptyCart {
        lines: usize,
        total: Rupiah,
    },
    /// Take back a closed day's sale on the open day.
    Correct {
        sale_id: i64,
        number: i64,
        date: chrono::NaiveDate,
        total: Rupiah,
        refund: crate::domain::RefundMethod,
        reason: String,
    },
    /// A customer pays off their tab.
    TabPayment {
        customer: i64,
        name: String,
        method: crate::domain::PaymentMethod,
        amount: Rupiah,
        note: String,
    },
    /// Record cash taken out or put in.
    CashMove {
        direction: crate::domain::CashDirection,
        amount: Rupiah,
        reason: String,
    },
    /// Close the day with this count; the variance is what the question shows.
    CloseDay {
        count: crate::domain::CashCount,
        reason: String,
        variance: Rupiah,
    },
    Void {
        sale_id: i64,
        number: i64,
        total: Rupiah,
        reason: String,
    },
    /// Leaving the pay dialog with parts of a split payment taken: that money goes back.
    ReturnParts {
        paid: Rupiah,
        then: AfterReturn,
    },
    RecordStock {
        kind: crate::domain::DocumentKind,
        producer_name: String,
        lines: usize,
        entry: super::StockEntry,
    },
    ReturnDaily,
    PriceChange {
        code: String,
        name: String,
        old: Rupiah,
        old_producer_price: Option<Rupiah>,
        changes: crate::domain::ProductChanges,
    },
    SetProductActive {
        code: String,
        name: String,
        active: bool,
    },
    /// Leaving a stock form (Esc, or Ctrl+Q when `quit`) would drop the lines typed.
    DiscardLines {
        lines: usize,
        quit: bool,
    },
    /// A producer's scheme or rate changes: asked before it is recorded in history.
    ProducerScheme {
        code: String,
        name: String,
        old: crate::domain::Scheme,
        changes: crate::domain::ProducerChanges,
    },
    SetProducerActive {
        code: String,
        name: String,
        active: bool,
    },
    /// Money handed to a producer: asked before it is recorded.
    Payout {
        code: String,
        name: String,
        method: crate::domain::PayoutMethod,
        amount: Rupiah,
        note: String,
    },
    /// Issue 5: taking a user off the kiosk.
    DeactivateUser {
        user_id: i64,
        name: String,
    },
    /// Esc on the close screen with a count typed: leaving drops it. `stale` goes back to
    /// the question about a day left open.
    DiscardCount {
        stale: bool,
    },
}

/// What leaving the pay dialog with parts taken was for.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AfterReturn {
    ClosePay,
    Quit,
}

/// A question over the screen it was asked from. Only its first key counts: `y` is yes,
/// anything else is no (see `keymap::key_to_msg`).
pub struct Confirm {
    pub question: Question,
    pub under: Box<Mode>,
}

impl Confirm {
    pub fn new(question: Question, under: Mode) -> Confirm {
        Confirm {
            question,
            under: Box::new(under),
        }
    }
}

/// Closes the open question without doing what it asked.
pub(super) fn dismiss(app: &mut App) {
    if let Mode::Confirm(confirm) = std::mem::replace(&mut app.mode, Mode::Sale) {
        app.mode = back_from(*confirm.under);
    }
}

/// `y`: closes the open question and does what it asked.
pub(super) fn answer_yes(app: &mut App) -> Vec<Effect> {
    let confirm = match std::mem::replace(&mut app.mode, Mode::Sale) {
        Mode::Confirm(confirm) => confirm,
        other => {
            app.mode = other;
            return Vec::new();
        }
    };
    let under = back_from(*confirm.under);
    app.note = None;
    match confirm.question {
        Question::EmptyCart { .. } => {
            app.mode = under;
            app.cart = Default::default();
            app.selected = 0;
            app.set_note(Note::CartEmptied);
            app.cart_changed()
        }
        Question::Correct {
            sale_id,
            refund,
            reason,
            ..
        } => {
            app.mode = under;
            vec![Effect::CorrectSale {
                sale_id,
                refund,
                reason,
            }]
        }
        // The form stays until the runtime says the payment is on disk: a refusal keeps it.
        Question::TabPayment {
            customer,
            method,
            amount,
            note,
            ..
        } => {
            app.mode = under;
            vec![Effect::RecordTabPayment {
                customer,
                method,
                amount,
                note,
            }]
        }
        // The form stays until the runtime says the move is on disk: a refusal keeps it.
        Question::CashMove {
            direction,
            amount,
            reason,
        } => {
            app.mode = under;
            vec![Effect::RecordCashMove {
                direction,
                amount,
                reason,
            }]
        }
        // The close screen stays until the runtime says the day is closed: a refusal keeps it.
        Question::CloseDay { count, reason, .. } => {
            app.mode = under;
            vec![Effect::CloseDay { count, reason }]
        }
        Question::Void {
            sale_id, reason, ..
        } => {
            app.mode = under;
            vec![Effect::VoidSale { sale_id, reason }]
        }
        // The form stays until the runtime says the delivery is on disk: a failure keeps it.
        Question::RecordStock { entry, .. } => {
            app.mode = under;
            vec![Effect::RecordStock(entry)]
        }
        Question::ReturnDaily => {
            app.mode = under;
            vec![Effect::ReturnDailyGoods]
        }
        Question::PriceChange { code, changes, .. } => {
            app.mode = under;
            vec![Effect::SaveProduct { code, changes }]
        }
        Question::SetProductActive { code, active, .. } => {
            app.mode = under;
            vec![Effect::SetProductActive { code, active }]
        }
        Question::DiscardLines { quit: true, .. } => {
            app.quit = true;
            vec![Effect::Quit]
        }
        Question::DiscardLines { quit: false, .. } => {
            app.mode = match under {
                Mode::StockForm(form) => Mode::Stock(form.back),
                other => other,
            };
            Vec::new()
        }
        // The form stays until the runtime says the producer is saved: a refusal keeps it.
        Question::ProducerScheme { code, changes, .. } => {
            app.mode = under;
            vec![Effect::SaveProducer { code, changes }]
        }
        Question::SetProducerActive { code, active, .. } => {
            app.mode = under;
            vec![Effect::SetProducerActive { code, active }]
        }
        // The form stays until the runtime says the payout is on disk: a refusal keeps it.
        Question::Payout {
            code,
            method,
            amount,
            note,
            ..
        } => {
            app.mode = under;
            vec![Effect::PayProducer {
                code,
                method,
                amount,
                note,
            }]
        }
        Question::DeactivateUser { user_id, .. } => {
            app.mode = under;
            vec![Effect::DeactivateUser { user_id }]
        }
        Question::DiscardCount { stale } => {
            app.mode = if stale { Mode::StaleDay } else { Mode::Sale };
            Vec::new()
        }
        // The dialog beneath, with the parts taken, is dropped: the money was handed back.
        Question::ReturnParts { paid, then } => {
            app.mode = Mode::Sale;
            app.set_note(Note::PartsReturned(paid));
            match then {
                AfterReturn::ClosePay => Vec::new(),
                AfterReturn::Quit => {
                    app.quit = true;
                    vec![Effect::Quit]
                }
            }
        }
    }
}

/// Where a question returns to: the list, not the reason field it was asked from.
fn back_from(under: Mode) -> Mode {
    match under {
        Mode::Sales(list) => Mode::Sales(SalesList {
            reason: None,
            refund: None,
            ..list
        }),
        Mode::StockForm(mut form) => {
            form.on_reason = false;
            Mode::StockForm(form)
        }
        Mode::Products(screen) => Mode::Products(super::catalogue::ProductsScreen {
            price: None,
            ..screen
        }),
        other => other,
    }
}

/// The context of the screen a question returns to, where `back_from` changes it.
pub(super) fn returns_to(under: &Mode) -> Option<Context> {
    match under {
        Mode::Sales(_) => Some(Context::Sales),
        Mode::StockForm(form) if form.kind == crate::domain::DocumentKind::WriteOff => {
            Some(Context::WriteOff)
        }
        Mode::StockForm(_) => Some(Context::Intake),
        Mode::Products(_) => Some(Context::Products),
        Mode::ProductForm(_) => Some(Context::ProductForm),
        _ => None,
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Attendant,
    Float,
}

pub struct OpenDayForm {
    pub attendant: String,
    pub float: String,
    pub field: Field,
}

impl OpenDayForm {
    pub fn new(attendant: &str) -> OpenDayForm {
        OpenDayForm {
            attendant: attendant.to_string(),
            float: String::new(),
            // The name is usually right already; the float is what must be typed.
            field: if attendant.trim().is_empty() {
                Field::Attendant
            } else {
                Field::Float
            },
        }
    }

    fn focused(&mut self) -> &mut String {
        match self.field {
            Field::Attendant => &mut self.attendant,
            Field::Float => &mut self.float,
        }
    }
}

pub(super) fn open_day_key(app: &mut App, mut form: OpenDayForm, msg: Msg) -> (Mode, Vec<Effect>) {
    let mut effects = Vec::new();
    // Whoever signed in opens the day: their name is not typed.
    if let Some(user) = app.user() {
        form.attendant = user.name.clone();
        form.field = Field::Float;
    }
    let signed_in = app.user().is_some();
    match msg {
        // No day open: the day's sales are those of the day last closed.
        Msg::TodaySales if app.last_closed.is_some() => {
            return (
                Mode::Sales(SalesList::loading()),
                vec![Effect::LoadSalesNear {
                    from: app.last_closed,
                    older: false,
                }],
            );
        }
        // With no day open the rest of the till can still be read (after a close: the day's
        // sales, settlements, audit trail); selling waits for a day.
        Msg::OpenStock
        | Msg::OpenProducts
        | Msg::OpenProducers
        | Msg::TodaySales
        | Msg::OpenSettings
        | Msg::OpenTabs
        | Msg::OpenUsers
        | Msg::OpenAudit => return super::sale::key(app, msg),
        Msg::OpenPayouts => return super::payouts::open(),
        Msg::Input(c) if form.field == Field::Float => {
            super::sale::type_amount(app, &mut form.float, c, MAX_FIELD);
        }
        Msg::Input(c) => type_into(form.focused(), c, MAX_FIELD),
        Msg::Backspace => {
            form.focused().pop();
        }
        Msg::Next | Msg::Prev if !signed_in => {
            form.field = match form.field {
                Field::Attendant => Field::Float,
                Field::Float => Field::Attendant,
            }
        }
        // A business day is one date: today's was closed, the next opens tomorrow.
        Msg::Submit if app.last_closed.is_some_and(|d| d >= app.today) => {
            app.set_note(Note::ClosedToday(app.today));
        }
        Msg::Submit => {
            let attendant = form.attendant.trim().to_string();
            if attendant.is_empty() {
                form.field = Field::Attendant;
                app.set_note(Note::AttendantEmpty);
            } else {
                match parse_amount(&form.float) {
                    Ok(float) => {
                        effects.push(Effect::OpenDay { attendant, float });
                    }
                    Err(crate::domain::ParseError::Empty) => {
                        form.field = Field::Float;
                        app.set_note(Note::FloatEmpty);
                    }
                    Err(e) => {
                        form.field = Field::Float;
                        app.set_note(Note::BadAmount(e));
                    }
                }
            }
        }
        _ => {}
    }
    (Mode::OpenDay(form), effects)
}

pub(super) fn stale_day_key(_app: &mut App, msg: Msg) -> (Mode, Vec<Effect>) {
    match msg {
        Msg::CloseDay => (
            Mode::Close(Box::new(super::close::CloseScreen::loading(true))),
            vec![Effect::LoadClose],
        ),
        Msg::Cancel => (Mode::Sale, Vec::new()),
        _ => (Mode::StaleDay, Vec::new()),
    }
}

// ---- drawing ----

/// `y Ya   n/N/Esc Tidak`, from the keymap.
fn key_hints(app: &App, context: Context) -> Line<'static> {
    let keys = &app.lang.text().ui.keys;
    let mut spans = Vec::new();
    for b in bar_for(context).filter(|b| !b.is_global()) {
        spans.push(Span::from(format!(" {} ", b.keys_label(keys))).reversed());
        spans.push(Span::from(format!(" {}   ", (b.text)(keys))));
    }
    Line::from(spans).centered()
}

pub(super) fn draw_confirm(app: &App, confirm: &Confirm, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().ui;
    let question = match &confirm.question {
        Question::EmptyCart { lines, total } => (t.confirm_empty_cart)(*lines, *total),
        Question::Correct {
            number,
            date,
            total,
            refund,
            reason,
            ..
        } => (app.lang.text().till.confirm_correct)(
            *number,
            &format::date(*date, app.lang),
            *total,
            &crate::print::refund_text(*refund, app.lang),
            reason,
        ),
        Question::TabPayment {
            name,
            method,
            amount,
            ..
        } => (app.lang.text().till.confirm_tab_payment)(
            name,
            *amount,
            format::payment_method(*method, app.lang),
        ),
        Question::CashMove {
            direction,
            amount,
            reason,
        } => (app.lang.text().till.confirm_cash_move)(
            *direction == crate::domain::CashDirection::In,
            *amount,
            reason,
        ),
        Question::CloseDay {
            count, variance, ..
        } => {
            let date = app.status.as_ref().map(|s| s.day.date).unwrap_or(app.today);
            (app.lang.text().till.confirm_close)(
                &format::date(date, app.lang),
                count.total(),
                *variance,
            )
        }
        Question::Void {
            number,
            total,
            reason,
            ..
        } => (t.confirm_void)(*number, *total, reason),
        Question::ReturnParts { paid, .. } => (t.confirm_return_parts)(*paid),
        Question::RecordStock {
            kind,
            producer_name,
            lines,
            ..
        } => (t.confirm_stock)((t.kind_name)(*kind), producer_name, *lines),
        Question::ReturnDaily => t.confirm_return_daily.to_string(),
        Question::PriceChange {
            name,
            old,
            old_producer_price,
            changes,
            ..
        } if changes.price == *old => {
            (t.confirm_producer_price)(name, *old_producer_price, changes.producer_price)
        }
        Question::PriceChange {
            name, old, changes, ..
        } => (t.confirm_price)(name, *old, changes.price),
        Question::SetProductActive { name, active, .. } => (t.confirm_active)(name, *active),
        Question::DiscardLines { lines, .. } => (t.confirm_discard)(*lines),
        Question::ProducerScheme {
            name, old, changes, ..
        } => (t.confirm_scheme)(
            name,
            &(t.scheme_text)(*old),
            &(t.scheme_text)(changes.scheme),
        ),
        Question::SetProducerActive { name, active, .. } => {
            (t.confirm_producer_active)(name, *active)
        }
        Question::Payout {
            name,
            method,
            amount,
            ..
        } => (app.lang.text().settle.confirm_payout)(
            *amount,
            name,
            super::payouts::method_name(*method, app.lang),
        ),
        Question::DeactivateUser { name, .. } => (t.trust.confirm_deactivate)(name),
        Question::DiscardCount { .. } => app.lang.text().till.confirm_discard_count.to_string(),
    };
    let popup = centered(area, 64, 8);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", t.confirm_title))
        .border_style(Style::new().red().bold());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [text, hints] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(Text::from(question))
            .style(Style::new().bold())
            .centered()
            .wrap(Wrap { trim: true }),
        text.inner(ratatui::layout::Margin::new(1, 1)),
    );
    frame.render_widget(Paragraph::new(key_hints(app, Context::Confirm)), hints);
}

pub(super) fn draw_open_day(
    app: &App,
    form: &OpenDayForm,
    frame: &mut Frame,
    area: Rect,
    has_keys: bool,
) {
    let t = &app.lang.text().ui;
    let popup = centered(area, 60, 9);
    let closed_today = app.last_closed.is_some_and(|d| d >= app.today);
    let today = format::date(app.today, app.lang);
    let title = if closed_today {
        (t.closed_day_title)(&today)
    } else {
        (t.open_day_title)(&today)
    };
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(Style::new().cyan());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [_, name, _, float, _, hint] = Layout::vertical([Constraint::Length(1); 6]).areas(inner);
    if closed_today {
        frame.render_widget(
            Paragraph::new(t.closed_today_hint.dark_gray()).centered(),
            hint,
        );
    }
    for (field, label, value, row) in [
        (Field::Attendant, t.attendant_label, &form.attendant, name),
        (Field::Float, t.float_label, &form.float, float),
    ] {
        let layout = super::widgets::FieldLayout {
            indent: 2,
            label: 14,
            value: 36,
        };
        let focused = form.field == field && has_keys;
        super::widgets::field_line(frame, row, layout, label, value, focused);
    }
}

pub(super) fn draw_stale(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().ui;
    let Some(status) = &app.status else { return };
    let body = (t.stale_body)(
        &format::date(status.day.date, app.lang),
        &format::date(app.today, app.lang),
    );
    let popup = centered(area, 64, 8);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", t.stale_title))
        .border_style(Style::new().yellow().bold());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [text, hints] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(body).wrap(Wrap { trim: true }),
        text.inner(ratatui::layout::Margin::new(1, 0)),
    );
    frame.render_widget(Paragraph::new(key_hints(app, Context::StaleDay)), hints);
}

/// F1: every binding of the context that has the keyboard, straight from the keymap; keys
/// that do the same (↑ and ↓, Ctrl+Q and Ctrl+C) share a row. On the sale screen, what can
/// be typed on the entry line comes first.
pub(super) fn draw_help(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().ui;
    let keys = &t.keys;
    let mut rows: Vec<(String, &str)> = Vec::new();
    for b in bindings_for(app.context()) {
        let text = (b.text)(keys);
        let label = b.keys_label(keys);
        match rows.iter_mut().find(|(_, t)| *t == text) {
            Some((labels, _)) => {
                labels.push('/');
                labels.push_str(&label);
            }
            None => rows.push((label, text)),
        }
    }
    let mut lines: Vec<Line> = Vec::new();
    if app.context() == Context::Sale {
        lines.extend(t.help_entry.iter().map(|l| Line::from(*l).centered()));
        // The gap goes first when 80×24 has no row to spare for it.
        if lines.len() + rows.len() + 3 <= area.height as usize {
            lines.push(Line::from(""));
        }
    }
    // One column while it fits the screen; past that, two narrower ones, so that no key is
    // ever left out of the help (the sale screen has the most).
    let width = if lines.len() + rows.len() + 2 <= area.height as usize {
        lines.extend(rows.into_iter().map(|(label, text)| {
            Line::from(vec![
                Span::from(format!(" {label:>20}  ")).bold().cyan(),
                Span::from(text),
            ])
        }));
        70
    } else {
        let half = rows.len().div_ceil(2);
        let column = (area.width.saturating_sub(2) / 2) as usize;
        let cell = |row: Option<&(String, &str)>| -> Vec<Span<'static>> {
            let Some((label, text)) = row else {
                return Vec::new();
            };
            let room = column.saturating_sub(label.chars().count() + 2);
            let text: String = text.chars().take(room).collect();
            vec![
                Span::from(format!(" {label} ")).bold().cyan(),
                Span::from(format!("{text:<room$}")),
            ]
        };
        for i in 0..half {
            let mut spans = cell(rows.get(i));
            spans.extend(cell(rows.get(half + i)));
            lines.push(Line::from(spans));
        }
        area.width
    };
    let popup = centered(area, width, lines.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", t.help_title))
        .border_style(Style::new().cyan());
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
