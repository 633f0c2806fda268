//! The pay dialog: payment method, amount received, split payments, quick tender keys,
//! and the change due shown large.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::customers::Picked;
use super::effect::Effect;
use super::failure::FailedEffect;
use super::input;
use super::keymap::Focus;
use super::msg::{Answer, Key};
use super::note::Note;
use super::outcome::{Ctx, Outcome, Place};
use super::question::{AfterReturn, Question};
use super::widgets::{big_amount, centered};
use crate::domain::money::group_thousands;
use crate::domain::{Cart, Payment, PaymentMethod, Rupiah, Tender, parse_amount};
use crate::print::format;

const MAX_AMOUNT: usize = 24;
/// A scanner types a code key after key within a few milliseconds, and Enter right after;
/// nobody types an amount that fast. Keys read in one batch share the runtime's time.
const SCAN_GAP: chrono::TimeDelta = chrono::TimeDelta::milliseconds(30);
/// The fewest keys of a scan: shorter bursts (a key bounce, two keys together) are typing.
const SCAN_KEYS: usize = 4;

/// The methods the dialog cycles through: the tab (bon) last, it asks whose.
const METHODS: &[PaymentMethod] = &PaymentMethod::ALL;

/// The customer picker opened for a tab payment, and what it was opened for.
pub struct TabPick {
    pub picker: super::customers::CustomerPicker,
    /// The typed amount as a part of a split (F3), or `None` for the rest (Enter).
    pub part: Option<Rupiah>,
}

pub struct PayDialog {
    pub tender: Tender,
    pub method: PaymentMethod,
    /// The amount field as typed; empty means the exact amount.
    pub amount: String,
    /// Whose tab: open while the customer is being picked.
    pub tab: Option<TabPick>,
    /// A key of the amount was refused since the field was last empty (a letter of a scanned
    /// code, `*`): Enter, F3 and the note keys then pay nothing and clear the field.
    pub refused: bool,
    /// The keys typed in the last burst, to tell a scanner's digits from an amount.
    burst: Burst,
    /// Whether the method shown is chosen. After a part payment it is not: the rest is paid
    /// only once Tab (or a note key, for cash) says how, never by a default left standing.
    pub method_chosen: bool,
    /// Opened on parts taken before (a restart, a parked cart): said in the dialog, so the
    /// money is not asked for again.
    pub kept: bool,
}

/// Keys typed close together: how many, where the amount field stood before the first, and
/// when the last came.
#[derive(Default)]
struct Burst {
    keys: usize,
    from: usize,
    last: Option<chrono::NaiveDateTime>,
}

impl Burst {
    fn typed(&mut self, now: Option<chrono::NaiveDateTime>, field_before: usize) {
        match (self.last, now) {
            (Some(last), Some(now)) if now - last <= SCAN_GAP => self.keys += 1,
            _ => {
                self.keys = 1;
                self.from = field_before;
            }
        }
        self.last = now;
    }

    /// Enter now ends a scan: enough keys, each right after the other, and Enter right after.
    fn ends_scan(&self, now: Option<chrono::NaiveDateTime>) -> bool {
        self.keys >= SCAN_KEYS
            && matches!((self.last, now), (Some(last), Some(now)) if now - last <= SCAN_GAP)
    }
}

impl PayDialog {
    pub fn new(total: Rupiah) -> PayDialog {
        PayDialog {
            tender: Tender::new(total),
            method: PaymentMethod::Cash,
            amount: String::new(),
            tab: None,
            refused: false,
            burst: Burst::default(),
            method_chosen: true,
            kept: false,
        }
    }

    /// The dialog for `cart`, with the parts of a split already taken of it.
    pub fn resumed(cart: &Cart) -> PayDialog {
        let mut pay = PayDialog::new(cart.total());
        pay.tender.payments = cart.parts.clone();
        pay.kept = !cart.parts.is_empty();
        pay
    }

    /// The parts taken while the sale is not settled: what the saved cart carries. Once
    /// settled the sale is being recorded, and the cart is kept as it was until it is.
    pub fn parts(&self) -> Option<&[Payment]> {
        (!self.tender.is_settled()).then_some(self.tender.payments.as_slice())
    }

    /// The recording failed: the payment that settled the sale is undone. The parts paid
    /// before it are money in the drawer and stay; what is typed and chosen stays too.
    pub fn undo_settling(&mut self) {
        if self.tender.is_settled() {
            self.tender.payments.pop();
        }
    }

    /// Parts of a split payment already taken: money received that Esc would hand back.
    pub fn parts_taken(&self) -> Option<Rupiah> {
        let paid = self.tender.paid();
        (paid > Rupiah::ZERO && !self.tender.is_settled()).then_some(paid)
    }

    /// Enter (or F3, or a note key) after refused typing or at the end of a scanner's burst:
    /// the scan's keys leave the amount, the rest of refused typing goes too, nothing is paid.
    fn refuse_scan(&mut self, now: Option<chrono::NaiveDateTime>) -> Option<Outcome> {
        if self.burst.ends_scan(now) {
            self.amount.truncate(self.burst.from);
        } else if !self.refused {
            return None;
        }
        if self.refused {
            self.amount.clear();
        }
        self.refused = false;
        self.burst = Burst::default();
        Some(Outcome::stay().note(Note::ScanInPay))
    }

    fn step_method(&mut self, forward: bool) {
        // The first Tab after a part only makes the choice visible: it moves on from the
        // part's method, as the rest is seldom paid the same way.
        self.method_chosen = true;
        let all = METHODS;
        let at = all.iter().position(|m| *m == self.method).unwrap_or(0);
        let next = if forward {
            (at + 1) % all.len()
        } else {
            (at + all.len() - 1) % all.len()
        };
        self.method = all[next];
    }

    /// What the typed amount means: nothing typed, an amount, or a typing error.
    fn typed(&self) -> Result<Option<Rupiah>, Note> {
        if self.amount.trim().is_empty() {
            return Ok(None);
        }
        parse_amount(&self.amount)
            .map(Some)
            .map_err(Note::BadAmount)
    }

    /// The change to show while cash at least the amount due is typed.
    pub(super) fn change_in_sight(&self) -> Option<Rupiah> {
        if !self.tender.payments.is_empty() && self.tender.is_settled() {
            return Some(self.tender.change());
        }
        let due = self.tender.remaining();
        match self.typed() {
            Ok(Some(cash)) if self.method == PaymentMethod::Cash && cash >= due => Some(cash - due),
            _ => None,
        }
    }
}

/// A key in the pay dialog: the customer picker if a tab is being paid, else the dialog.
pub(super) fn key(cx: &Ctx, pay: &mut PayDialog, msg: Key) -> Outcome {
    if let Some(tab) = &mut pay.tab {
        return match tab.picker.key(msg) {
            Picked::Stay => Outcome::stay(),
            Picked::Cancelled => {
                pay.tab = None;
                Outcome::stay()
            }
            Picked::Chosen(customer) => {
                let part = tab.part;
                pay.tab = None;
                pay_tab(cx, pay, customer.id, part)
            }
        };
    }
    if let Key::Input(c) = msg {
        pay.burst.typed(cx.now, pay.amount.len());
        let refused = !input::amount_char(c);
        pay.refused |= refused;
        let note = input::type_amount(cx.amount_refused, &mut pay.amount, c, MAX_AMOUNT);
        return Outcome::stay().maybe_note(note);
    }
    if matches!(msg, Key::Submit | Key::QuickCash(_) | Key::PayPart)
        && let Some(refused) = pay.refuse_scan(cx.now)
    {
        return refused;
    }
    pay.burst = Burst::default();
    match msg {
        Key::Backspace => {
            pay.amount.pop();
            // Once the field is empty again, what was refused is gone with it.
            pay.refused &= !pay.amount.is_empty();
        }
        Key::Next => pay.step_method(true),
        Key::Prev => pay.step_method(false),
        Key::Submit => return settle(cx, pay),
        Key::QuickCash(note) => return quick_cash(cx, pay, note),
        Key::PayPart => return part(pay),
        // The customer steps aside (to fetch money): the cart is parked with its parts.
        Key::Park => {
            let mut cart = cx.cart.clone();
            cart.parts = pay.tender.payments.clone();
            return Outcome::stay().run(vec![Effect::ParkCart(cart)]);
        }
        Key::Cancel => {
            if let Some(paid) = pay.parts_taken() {
                let question = Question::ReturnParts {
                    paid,
                    then: AfterReturn::ClosePay,
                };
                let yes = Outcome::home().note(Note::PartsReturned(paid));
                return Outcome::ask_then(question, yes);
            }
            return Outcome::home().note(Note::PayClosed);
        }
        _ => {}
    }
    Outcome::stay()
}

/// Enter: pay what remains with the chosen method; once settled, ask the runtime to record.
fn settle(cx: &Ctx, pay: &mut PayDialog) -> Outcome {
    let typed = match pay.typed() {
        Ok(typed) => typed,
        Err(note) => {
            return Outcome::stay().note(note);
        }
    };
    if !pay.method_chosen {
        return Outcome::stay().note(Note::PickRestMethod(pay.tender.remaining()));
    }
    if pay.method == PaymentMethod::Tab {
        return open_picker(pay, None);
    }
    if let Err(e) = pay.tender.pay_rest(pay.method, typed) {
        return Outcome::stay().note(Note::Pay(e));
    }
    Outcome::stay().run(vec![Effect::RecordSale {
        cart: cx.cart.clone(),
        payments: pay.tender.payments.clone(),
    }])
}

/// F7/F8/F9: a note handed over, added to the cash typed so far (F8 F8 is Rp 100.000).
/// Once the cash covers what is due it pays as Enter would; until then it shows the sum.
fn quick_cash(cx: &Ctx, pay: &mut PayDialog, note: Rupiah) -> Outcome {
    let so_far = match pay.typed() {
        Ok(typed) => typed.unwrap_or(Rupiah::ZERO),
        Err(note) => {
            return Outcome::stay().note(note);
        }
    };
    let cash = so_far + note;
    pay.method = PaymentMethod::Cash;
    pay.method_chosen = true;
    pay.amount = group_thousands(cash.value().unsigned_abs());
    let due = pay.tender.remaining();
    if cash >= due {
        return settle(cx, pay);
    }
    Outcome::stay().note(Note::CashSoFar(cash, due - cash))
}

/// F3: this amount is one part of a split payment; the dialog stays open for the rest.
fn part(pay: &mut PayDialog) -> Outcome {
    let amount = match pay.typed() {
        Ok(Some(amount)) => amount,
        Ok(None) => {
            return Outcome::stay().note(Note::PartNeedsAmount);
        }
        Err(note) => {
            return Outcome::stay().note(note);
        }
    };
    if !pay.method_chosen {
        return Outcome::stay().note(Note::PickRestMethod(pay.tender.remaining()));
    }
    if pay.method == PaymentMethod::Tab {
        if amount <= Rupiah::ZERO || amount >= pay.tender.remaining() {
            let due = pay.tender.remaining();
            return Outcome::stay().note(Note::Pay(crate::domain::PayError::BadPart { due }));
        }
        return open_picker(pay, Some(amount));
    }
    match pay.tender.pay_part(pay.method, amount) {
        Ok(payment) => {
            pay.amount.clear();
            pay.method_chosen = false;
            let remaining = pay.tender.remaining();
            Outcome::stay().note(Note::PartPaid(payment.amount, payment.method, remaining))
        }
        Err(e) => Outcome::stay().note(Note::Pay(e)),
    }
}

/// The tab needs its customer: the picker opens, and the runtime loads who can buy on a tab.
fn open_picker(pay: &mut PayDialog, part: Option<Rupiah>) -> Outcome {
    pay.tab = Some(TabPick {
        picker: super::customers::CustomerPicker::loading(),
        part,
    });
    Outcome::stay().run(vec![Effect::LoadCustomers])
}

/// The customer is picked: their tab takes the part typed, or what remains.
fn pay_tab(cx: &Ctx, pay: &mut PayDialog, customer: i64, part: Option<Rupiah>) -> Outcome {
    let amount = match part {
        Some(amount) => Some(amount),
        None => match pay.typed() {
            Ok(typed) => typed,
            Err(note) => {
                return Outcome::stay().note(note);
            }
        },
    };
    match pay.tender.pay_tab(customer, amount) {
        Ok(payment) if !pay.tender.is_settled() => {
            pay.amount.clear();
            pay.method_chosen = false;
            let remaining = pay.tender.remaining();
            Outcome::stay().note(Note::PartPaid(payment.amount, payment.method, remaining))
        }
        Ok(_) => Outcome::stay().run(vec![Effect::RecordSale {
            cart: cx.cart.clone(),
            payments: pay.tender.payments.clone(),
        }]),
        Err(e) => Outcome::stay().note(Note::Pay(e)),
    }
}

pub(super) fn draw(cx: &Ctx, pay: &PayDialog, frame: &mut Frame, area: Rect, focused: bool) {
    let t = &cx.lang.text().ui;
    let shown_payments = pay.tender.payments.len().min(3) as u16;
    let kept = u16::from(pay.kept);
    let height = 15 + shown_payments + kept;
    let popup = centered(area, 76, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", t.pay_title))
        .border_style(Style::new().yellow());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [kept_line, sums, _, method, amount, _, label, big, _] = Layout::vertical([
        Constraint::Length(kept),
        Constraint::Length(3 + shown_payments),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(4),
        Constraint::Length(1),
    ])
    .areas(inner);

    let pair = |name: String, value: Rupiah| {
        Line::from(vec![
            Span::from(format!(" {name:<22}")),
            Span::from(format!("{:>14}", value.to_string())).bold(),
        ])
    };
    let mut lines = vec![pair(t.total.to_string(), pay.tender.total)];
    lines.push(pair(t.paid_so_far.to_string(), pay.tender.paid()));
    let skipped = pay.tender.payments.len() - shown_payments as usize;
    for p in pay.tender.payments.iter().skip(skipped) {
        lines.push(
            pair(
                format!("  · {}", format::payment_method(p.method, cx.lang)),
                p.amount,
            )
            .dark_gray(),
        );
    }
    lines.push(pair(t.remaining.to_string(), pay.tender.remaining()).yellow());
    frame.render_widget(Paragraph::new(lines), sums);
    if pay.kept {
        let methods =
            super::parked::methods_text(pay.tender.payments.iter().map(|p| p.method), cx.lang);
        let said = (cx.lang.queue().parts_kept)(pay.tender.paid(), &methods);
        frame.render_widget(Paragraph::new(format!(" {said}")).cyan().bold(), kept_line);
    }

    let mut spans = vec![Span::from(format!(" {:<16}", t.method_label))];
    for m in METHODS.iter().copied() {
        let name = format!(" {} ", format::payment_method(m, cx.lang));
        spans.push(if m == pay.method && pay.method_chosen {
            Span::from(format!("[{name}]")).reversed().bold()
        } else {
            Span::from(format!(" {name} "))
        });
        spans.push(Span::from(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), method);

    let prefix = format!(" {:<16}", t.amount_label);
    let field = Line::from(vec![
        Span::from(prefix.clone()),
        Span::from(pay.amount.clone()).bold(),
        Span::from(if pay.amount.is_empty() {
            let hint = match pay.method {
                _ if !pay.method_chosen => t.rest_hint_unchosen.to_string(),
                _ if !pay.tender.payments.is_empty() => {
                    (t.rest_hint)(format::payment_method(pay.method, cx.lang))
                }
                PaymentMethod::Cash => t.amount_hint.to_string(),
                _ => t.amount_hint_exact.to_string(),
            };
            format!("  ({hint})")
        } else {
            String::new()
        })
        .dark_gray(),
    ]);
    frame.render_widget(Paragraph::new(field), amount);
    if focused {
        let x = amount.x + (prefix.chars().count() + pay.amount.chars().count()) as u16;
        frame.set_cursor_position((x.min(amount.right().saturating_sub(1)), amount.y));
    }

    let (name, value, style) = match pay.change_in_sight() {
        Some(change) => (t.change, change, Style::new().green().bold()),
        None => (
            t.remaining,
            pay.tender.remaining(),
            Style::new().yellow().bold(),
        ),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(format!("{name}  {value}"), style)).centered(),
        label,
    );
    big_amount(frame, big, value, style);
}

/// A runtime answer for the pay dialog.
pub(super) fn answer(pay: &mut PayDialog, msg: Answer) -> Outcome {
    match msg {
        Answer::CustomersLoaded(list) => {
            if let Some(tab) = &mut pay.tab {
                tab.picker
                    .loaded(list.into_iter().map(|b| b.customer).collect());
            }
        }
        // The sale is not on disk: back to the dialog as before the attempt, nothing paid.
        Answer::Failed {
            action: FailedEffect::RecordSale,
            ..
        } => pay.undo_settling(),
        Answer::Failed {
            action: FailedEffect::Till,
            ..
        } => pay.tab = None,
        _ => {}
    }
    Outcome::stay()
}

/// The screen's face to the hub, the same on every screen: how it opens, takes a key and a
/// runtime answer, which key table it reads, and how it draws.
impl PayDialog {
    pub(super) fn open(cx: &Ctx, _place: Place) -> (PayDialog, Vec<Effect>) {
        (PayDialog::resumed(cx.cart), Vec::new())
    }

    pub(super) fn key(&mut self, cx: &Ctx, msg: Key) -> Outcome {
        // Ctrl+Q, whatever has the dialog's keys: money taken in parts is handed back first.
        if msg == Key::Quit {
            return match self.parts_taken() {
                Some(paid) => {
                    let question = Question::ReturnParts {
                        paid,
                        then: AfterReturn::Quit,
                    };
                    Outcome::ask_then(question, Outcome::quit().note(Note::PartsReturned(paid)))
                }
                None => Outcome::quit(),
            };
        }
        key(cx, self, msg)
    }

    pub(super) fn answer(&mut self, _cx: &Ctx, msg: Answer) -> Outcome {
        answer(self, msg)
    }

    pub(super) fn focus(&self) -> Focus {
        match self.tab {
            Some(_) => Focus::CustomerPicker,
            None => Focus::Pay,
        }
    }

    pub(super) fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect, focused: bool) {
        draw(cx, self, frame, area, focused && self.tab.is_none());
        if let Some(tab) = &self.tab {
            super::customers::draw_picker(cx, &tab.picker, frame, area);
        }
    }
}
