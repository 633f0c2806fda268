//! The one table of key bindings: what each key does in each context, with its description.
//! The bottom bar and the F1 help overlay are generated from this table, so they cannot drift
//! from what the keys really do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::msg::Key;
use crate::domain::Rupiah;
use crate::strings::KeyText;

/// Which part of the kiosk has the keyboard.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Focus {
    OpenDay,
    /// The open-day form once today's day is closed: nothing opens until tomorrow, and the
    /// day's sales, settlements and audit trail can still be read.
    DayClosed,
    StaleDay,
    Sale,
    Search,
    Pay,
    Sales,
    Reason,
    Stock,
    /// An intake, return or count form, on its code line.
    Intake,
    /// A write-off or count form, on its code line: who bears the loss can be switched.
    WriteOff,
    /// A return, write-off or count form, on its reason line.
    StockReason,
    Products,
    /// The new price of a product being typed.
    PriceField,
    /// The form adding or editing a product.
    ProductForm,
    Producers,
    /// A producer being added or edited.
    ProducerForm,
    /// A yes/no question: `y` answers yes, `n`/Esc no, and any other key answers no and then
    /// counts where it would have counted without the question.
    Confirm,
    /// The settings screen: shop header and printer.
    Settings,
    /// Producers' balances, payouts and settlement slips (Ctrl+P).
    Payouts,
    /// A payout being entered.
    PayoutForm,
    /// The close screen: the count and its reason.
    CloseDay,
    /// The close asked for, waiting for the count typed again or the manager's PIN.
    CloseConfirm,
    /// The reason for reopening the day closed today.
    ReopenReason,
    /// The dates of a producer's statement (F5 on the payouts list).
    StatementRange,
    /// The manager's recovery code, shown once at the first start.
    Recovery,
    /// The cash in/out form.
    CashMove,
    /// Picking the customer whose tab a payment goes on.
    CustomerPicker,
    /// The customers screen (Ctrl+T).
    Customers,
    CustomerForm,
    TabPaymentForm,
    /// The reason for correcting a closed day's sale, and how the money goes back.
    CorrectionReason,
    /// A closed day's sales list: F8 corrects there, and its bar says so.
    ClosedSales,
    /// One sale opened from the list: its lines, payments and returns.
    SaleDetail,
    /// Returning part of a sale: a quantity on each line ...
    ReturnForm,
    /// ... and the reason for it.
    ReturnReason,
    // Who is at the till.
    /// The first start (the shop and its manager), or a first PIN for a migrated manager.
    Setup,
    /// Picking a user and typing their PIN.
    SignIn,
    /// The lock screen: the same, over a till left as it was.
    Locked,
    /// The manager's approval popup: takes every key; Esc cancels.
    Approval,
    Users,
    UserForm,
    Audit,
    Glance,
    /// The parked carts (F12 on an empty cart).
    Parked,
}

/// A key as the table names it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Press {
    /// A key without Ctrl or Alt (Shift is part of the character or of BackTab).
    Plain(KeyCode),
    /// Ctrl plus a letter, in either case.
    Ctrl(char),
    /// Any printable character: what goes into the field that has the keyboard.
    Text,
}

/// What a binding does.
#[derive(Clone, Debug, PartialEq)]
pub enum Act {
    Send(Key),
    /// Types the character pressed.
    Type,
}

/// A condition on the state under which a binding applies; otherwise the key falls through.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum When {
    Always,
    /// `+` and `-` change the quantity only while nothing is typed: `+` can be part of a code.
    EntryEmpty,
}

pub struct Binding {
    pub keys: &'static [Press],
    pub contexts: &'static [Focus],
    pub act: Act,
    /// What the key does, as the help overlay says it.
    pub text: fn(&KeyText) -> &'static str,
    /// The short label on the bottom bar; `None` keeps the binding off the bar (F1 shows all).
    pub bar: Option<fn(&KeyText) -> &'static str>,
    pub when: When,
}

impl Binding {
    const fn bar(mut self, label: fn(&KeyText) -> &'static str) -> Binding {
        self.bar = Some(label);
        self
    }

    const fn when(mut self, when: When) -> Binding {
        self.when = when;
        self
    }

    /// Bound in every context but a question (F1, F10, quit).
    pub fn is_global(&self) -> bool {
        self.contexts == EVERYWHERE
    }
}

use Focus as C;

pub(super) const EVERYWHERE: &[Focus] = &[
    C::ClosedSales,
    C::SaleDetail,
    C::ReturnForm,
    C::ReturnReason,
    C::OpenDay,
    C::DayClosed,
    C::StaleDay,
    C::Sale,
    C::Search,
    C::Pay,
    C::Sales,
    C::Reason,
    C::Stock,
    C::Intake,
    C::WriteOff,
    C::StockReason,
    C::Products,
    C::PriceField,
    C::ProductForm,
    C::Producers,
    C::ProducerForm,
    C::Settings,
    C::Payouts,
    C::PayoutForm,
    C::CloseDay,
    C::CloseConfirm,
    C::ReopenReason,
    C::StatementRange,
    C::Recovery,
    C::CashMove,
    C::CustomerPicker,
    C::Customers,
    C::CustomerForm,
    C::TabPaymentForm,
    C::CorrectionReason,
    C::Setup,
    C::SignIn,
    C::Users,
    C::UserForm,
    C::Audit,
    C::Parked,
];

/// Where the till's screens open from: the sale screen, and the open-day form (so that with
/// no day open, after a close, the day's sales, settlements, audit trail and the rest can
/// still be read).
const HOME: &[Focus] = &[C::Sale, C::OpenDay, C::DayClosed];

/// Where Ctrl+L locks the till: every screen of the till, questions included (not the
/// sign-in, lock and approval gates themselves).
const LOCKABLE: &[Focus] = &[
    C::ClosedSales,
    C::SaleDetail,
    C::ReturnForm,
    C::ReturnReason,
    C::Settings,
    C::Payouts,
    C::PayoutForm,
    C::CloseDay,
    C::CloseConfirm,
    C::ReopenReason,
    C::StatementRange,
    C::CashMove,
    C::CustomerPicker,
    C::Customers,
    C::CustomerForm,
    C::TabPaymentForm,
    C::CorrectionReason,
    C::OpenDay,
    C::DayClosed,
    C::StaleDay,
    C::Sale,
    C::Search,
    C::Pay,
    C::Sales,
    C::Reason,
    C::Stock,
    C::Intake,
    C::WriteOff,
    C::StockReason,
    C::Products,
    C::PriceField,
    C::ProductForm,
    C::Producers,
    C::ProducerForm,
    C::Users,
    C::UserForm,
    C::Audit,
    C::Glance,
    C::Parked,
];

const fn typing_in(contexts: &'static [Focus], text: fn(&KeyText) -> &'static str) -> Binding {
    Binding {
        keys: &[Press::Text],
        contexts,
        act: Act::Type,
        text,
        bar: None,
        when: When::Always,
    }
}

const TEXT_FIELDS: &[Focus] = &[
    C::ReturnForm,
    C::ReturnReason,
    C::Sale,
    C::Search,
    C::Pay,
    C::Reason,
    C::OpenDay,
    C::Stock,
    C::Intake,
    C::WriteOff,
    C::StockReason,
    C::Products,
    C::PriceField,
    C::ProductForm,
    C::Producers,
    C::ProducerForm,
    C::Settings,
    C::Payouts,
    C::PayoutForm,
    C::CloseDay,
    C::CloseConfirm,
    C::ReopenReason,
    C::StatementRange,
    C::CashMove,
    C::CustomerPicker,
    C::Customers,
    C::CustomerForm,
    C::TabPaymentForm,
    C::CorrectionReason,
    C::Setup,
    C::SignIn,
    C::Locked,
    C::Approval,
    C::UserForm,
    C::Audit,
];

const fn on(
    keys: &'static [Press],
    contexts: &'static [Focus],
    msg: Key,
    text: fn(&KeyText) -> &'static str,
) -> Binding {
    Binding {
        keys,
        contexts,
        act: Act::Send(msg),
        text,
        bar: None,
        when: When::Always,
    }
}

const fn typing(context: Focus, text: fn(&KeyText) -> &'static str) -> Binding {
    Binding {
        keys: &[Press::Text],
        contexts: match context {
            C::Sale => &[C::Sale],
            C::Search => &[C::Search],
            C::Pay => &[C::Pay],
            C::Reason => &[C::Reason],
            C::Sales => &[C::Sales],
            C::Stock => &[C::Stock],
            C::Intake => &[C::Intake, C::WriteOff],
            C::StockReason => &[C::StockReason],
            C::Products => &[C::Products],
            C::PriceField => &[C::PriceField],
            C::ProductForm => &[C::ProductForm],
            C::Producers => &[C::Producers],
            C::ProducerForm => &[C::ProducerForm],
            C::Settings => &[C::Settings],
            C::Payouts => &[C::Payouts],
            C::PayoutForm => &[C::PayoutForm],
            C::CloseDay => &[C::CloseDay],
            C::CashMove => &[C::CashMove],
            C::CustomerPicker => &[C::CustomerPicker],
            C::Customers => &[C::Customers],
            C::CustomerForm => &[C::CustomerForm],
            C::TabPaymentForm => &[C::TabPaymentForm],
            C::CorrectionReason => &[C::CorrectionReason],
            _ => &[C::OpenDay],
        },
        act: Act::Type,
        text,
        bar: None,
        when: When::Always,
    }
}

const fn ch(c: char) -> Press {
    Press::Plain(KeyCode::Char(c))
}

const fn f(n: u8) -> Press {
    Press::Plain(KeyCode::F(n))
}

const ENTER: Press = Press::Plain(KeyCode::Enter);
const ESC: Press = Press::Plain(KeyCode::Esc);
const UP: Press = Press::Plain(KeyCode::Up);
const DOWN: Press = Press::Plain(KeyCode::Down);
const LEFT: Press = Press::Plain(KeyCode::Left);
const RIGHT: Press = Press::Plain(KeyCode::Right);
const TAB: Press = Press::Plain(KeyCode::Tab);
const BACKTAB: Press = Press::Plain(KeyCode::BackTab);

/// Table order is the order of the help overlay and the bar; a named key wins over `Text`.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // A question: only these answer it; any other key dismisses it (see `key_to_msg`).
    on(&[ch('y'), ch('Y')], &[C::Confirm], Key::Yes, |k| k.yes).bar(|k| k.yes),
    on(&[ch('n'), ch('N'), ESC], &[C::Confirm], Key::No, |k| k.no).bar(|k| k.no),
    // The sale screen.
    typing(C::Sale, |k| k.type_code),
    on(&[ENTER], &[C::Sale], Key::Submit, |k| k.add_or_search).bar(|k| k.layout.short_search),
    on(&[ch('+')], &[C::Sale], Key::More, |k| k.more).when(When::EntryEmpty),
    on(&[ch('-')], &[C::Sale], Key::Less, |k| k.less).when(When::EntryEmpty),
    on(&[UP], &[C::Sale], Key::Up, |k| k.select_line),
    on(&[DOWN], &[C::Sale], Key::Down, |k| k.select_line),
    on(&[Press::Plain(KeyCode::Delete)], &[C::Sale], Key::Delete, |k| k.remove_line),
    on(&[ESC], &[C::Sale], Key::Cancel, |k| k.clear_entry).bar(|k| k.layout.short_clear),
    on(&[LEFT, RIGHT], &[C::Sale], Key::Next, |k| k.edit_entry),
    on(&[f(2)], &[C::Sale], Key::Pay, |k| k.pay).bar(|k| k.pay),
    on(&[f(3)], HOME, Key::OpenStock, |k| k.stock).bar(|k| k.layout.short_stock),
    on(&[f(7)], HOME, Key::OpenProducts, |k| k.products).bar(|k| k.layout.short_products),
    on(&[f(8)], HOME, Key::OpenProducers, |k| k.open_producers).bar(|k| k.layout.short_producers),
    on(&[f(4)], &[C::Sale], Key::EmptyCart, |k| k.empty_cart).bar(|k| k.layout.short_empty),
    on(&[f(5)], &[C::Sale], Key::CloseDay, |k| k.close_day).bar(|k| k.layout.short_close_day),
    on(&[f(6)], &[C::Sale], Key::TodaySales, |k| k.today_sales).bar(|k| k.today_sales),
    on(&[f(6)], &[C::OpenDay], Key::TodaySales, |k| k.today_sales).bar(|k| k.today_sales),
    // After today's close, reading is what is left: the bar says so, no Enter to open.
    on(&[f(6)], &[C::DayClosed], Key::TodaySales, |k| k.today_sales).bar(|k| k.today_sales),
    on(&[ENTER], &[C::DayClosed], Key::Submit, |k| k.closed_enter),
    // The search list.
    typing(C::Search, |k| k.refine),
    on(&[UP], &[C::Search, C::Sales, C::ClosedSales, C::SaleDetail, C::ReturnForm], Key::Up, |k| k.select_line),
    on(&[DOWN], &[C::Search, C::Sales, C::ClosedSales, C::SaleDetail, C::ReturnForm], Key::Down, |k| k.select_line),
    on(&[ENTER], &[C::Search], Key::Submit, |k| k.add_selected).bar(|k| k.short_add),
    on(&[ESC], &[C::Search], Key::Cancel, |k| k.close).bar(|k| k.close),
    // The pay dialog.
    typing(C::Pay, |k| k.type_amount),
    on(&[ENTER], &[C::Pay], Key::Submit, |k| k.pay_rest).bar(|k| k.pay),
    on(&[TAB, RIGHT], &[C::Pay], Key::Next, |k| k.next_method),
    on(&[BACKTAB, LEFT], &[C::Pay], Key::Prev, |k| k.prev_method),
    on(&[f(3)], &[C::Pay], Key::PayPart, |k| k.pay_part).bar(|k| k.short_part),
    on(&[f(7)], &[C::Pay], Key::QuickCash(Rupiah(20_000)), |k| k.cash_20k).bar(|k| k.short_20k),
    on(&[f(8)], &[C::Pay], Key::QuickCash(Rupiah(50_000)), |k| k.cash_50k).bar(|k| k.short_50k),
    on(&[f(9)], &[C::Pay], Key::QuickCash(Rupiah(100_000)), |k| k.cash_100k).bar(|k| k.short_100k),
    on(&[ESC], &[C::Pay], Key::Cancel, |k| k.close_keep_cart).bar(|k| k.close),
    // Today's sales, and the reason for a void.
    on(&[ENTER], &[C::Sales, C::ClosedSales], Key::Submit, |k| k.open_sale).bar(|k| k.short_open_sale),
    on(&[f(8)], &[C::Sales], Key::VoidSale, |k| k.void_sale).bar(|k| k.short_void),
    // A closed day's sale is corrected, not voided: the bar says which.
    on(&[f(8)], &[C::ClosedSales], Key::VoidSale, |k| k.correct_sale).bar(|k| k.short_correct),
    on(&[f(9)], &[C::Sales, C::ClosedSales, C::SaleDetail], Key::Reprint, |k| k.reprint).bar(|k| k.short_reprint),
    // The Z report of the closed day shown, again; on the open day's list, where to find one.
    on(&[f(3)], &[C::ClosedSales], Key::ReprintZ, |k| k.undo.key_reprint_z).bar(|k| k.undo.short_reprint_z),
    on(&[f(3)], &[C::Sales], Key::ReprintZ, |k| k.undo.key_reprint_z).bar(|k| k.undo.short_reprint_z),
    on(&[ESC], &[C::Sales, C::ClosedSales], Key::Cancel, |k| k.back).bar(|k| k.back),
    typing_in(&[C::Sales, C::ClosedSales, C::SaleDetail], |k| k.back_to_sale),
    // One sale (Enter on the list), and returning part of it (F8 there).
    on(&[f(8)], &[C::SaleDetail], Key::ReturnPart, |k| k.return_part).bar(|k| k.short_return_part),
    on(&[ESC], &[C::SaleDetail], Key::Cancel, |k| k.back).bar(|k| k.back),
    typing_in(&[C::ReturnForm], |k| k.type_return_quantity),
    typing_in(&[C::ReturnReason], |k| k.type_reason),
    on(&[TAB], &[C::ReturnForm, C::ReturnReason], Key::Next, |k| k.return_field).bar(|k| k.short_reason_field),
    on(&[BACKTAB, ENTER], &[C::ReturnForm, C::ReturnReason], Key::Next, |k| k.return_field),
    on(&[f(7)], &[C::ReturnForm, C::ReturnReason], Key::CycleMethod, |k| k.next_refund).bar(|k| k.short_method),
    on(&[f(2)], &[C::ReturnForm, C::ReturnReason], Key::Record, |k| k.record_return).bar(|k| k.short_record),
    on(&[ESC], &[C::ReturnForm, C::ReturnReason], Key::Cancel, |k| k.back).bar(|k| k.back),
    typing(C::Reason, |k| k.type_reason),
    on(&[ENTER], &[C::Reason], Key::Submit, |k| k.next).bar(|k| k.next),
    on(&[ESC], &[C::Reason], Key::Cancel, |k| k.back).bar(|k| k.back),
    // Opening the day, and a day left open from before.
    typing(C::OpenDay, |k| k.type_field),
    on(&[TAB, DOWN], &[C::OpenDay], Key::Next, |k| k.next_field).bar(|k| k.next_field),
    on(&[BACKTAB, UP], &[C::OpenDay], Key::Prev, |k| k.prev_field),
    on(&[ENTER], &[C::OpenDay], Key::Submit, |k| k.open_day).bar(|k| k.open_day),
    on(&[f(5)], &[C::StaleDay], Key::CloseDay, |k| k.close_old_day).bar(|k| k.close_old_day),
    on(&[ESC], &[C::StaleDay], Key::Cancel, |k| k.carry_on).bar(|k| k.carry_on),
    // The stock screen and the call list.
    typing(C::Stock, |k| k.type_filter),
    on(&[UP], &[C::Stock, C::Intake, C::WriteOff, C::Products], Key::Up, |k| k.select_line),
    on(&[DOWN], &[C::Stock, C::Intake, C::WriteOff, C::Products], Key::Down, |k| k.select_line),
    on(&[f(2)], &[C::Stock], Key::Intake, |k| k.intake).bar(|k| k.short_intake),
    on(&[f(4)], &[C::Stock], Key::ReturnStock, |k| k.return_stock).bar(|k| k.short_return),
    on(&[f(5)], &[C::Stock], Key::WriteOff, |k| k.write_off).bar(|k| k.short_write_off),
    on(&[f(6)], &[C::Stock], Key::Count, |k| k.count).bar(|k| k.short_count),
    on(&[f(8)], &[C::Stock], Key::ReturnDaily, |k| k.return_daily).bar(|k| k.short_return_daily),
    on(&[f(9)], &[C::Stock], Key::CallList, |k| k.call_list).bar(|k| k.short_call_list),
    on(&[f(7)], &[C::Stock], Key::OpenProducts, |k| k.products).bar(|k| k.layout.short_products),
    on(&[f(11)], &[C::Stock], Key::ExpiryList, |k| k.expiry_list).bar(|k| k.layout.short_expiry),
    on(&[ENTER], &[C::Stock], Key::Submit, |k| k.set_expiry_days),
    on(&[ESC], &[C::Stock], Key::Cancel, |k| k.back).bar(|k| k.back),
    // The stock forms: intake, return, write-off, count.
    typing(C::Intake, |k| k.type_intake),
    typing(C::StockReason, |k| k.type_reason),
    on(&[ENTER], &[C::Intake, C::WriteOff], Key::Submit, |k| k.add_intake).bar(|k| k.short_add),
    on(&[TAB, BACKTAB], &[C::Intake, C::WriteOff, C::StockReason], Key::Next, |k| k.reason_field),
    on(&[Press::Plain(KeyCode::Delete)], &[C::Intake, C::WriteOff], Key::Delete, |k| k.remove_line),
    on(&[f(7)], &[C::WriteOff, C::StockReason], Key::ToggleFault, |k| k.toggle_fault).bar(|k| k.short_fault),
    on(&[f(2)], &[C::Intake, C::WriteOff, C::StockReason], Key::Record, |k| k.record_intake).bar(|k| k.short_record),
    on(&[ESC], &[C::Intake, C::WriteOff, C::StockReason], Key::Cancel, |k| k.back).bar(|k| k.back),
    // The products screen and a new price.
    typing(C::Products, |k| k.type_filter),
    on(&[f(2)], &[C::Products], Key::EditPrice, |k| k.edit_price).bar(|k| k.short_price),
    on(&[f(3)], &[C::Products], Key::NewProduct, |k| k.new_product).bar(|k| k.short_new_product),
    on(&[f(4)], &[C::Products], Key::EditProduct, |k| k.edit_product).bar(|k| k.short_edit_product),
    on(&[ENTER], &[C::Products], Key::EditProduct, |k| k.edit_product),
    on(&[f(8)], &[C::Products], Key::ToggleActive, |k| k.toggle_active).bar(|k| k.short_active),
    // In F1 only while the bar's one row is full (Ctrl+Q must stay on it).
    on(&[f(7)], &[C::Products], Key::WriteLabels, |k| k.labels).bar(|k| k.layout.short_labels),
    on(&[ESC], &[C::Products], Key::Cancel, |k| k.back).bar(|k| k.back),
    typing(C::PriceField, |k| k.type_price),
    on(&[ENTER], &[C::PriceField], Key::Submit, |k| k.next).bar(|k| k.next),
    on(&[ESC], &[C::PriceField], Key::Cancel, |k| k.back).bar(|k| k.back),
    // The product form: Enter moves on like Tab, so a scanned barcode never saves it.
    typing(C::ProductForm, |k| k.type_field),
    on(&[TAB], &[C::ProductForm], Key::Next, |k| k.next_field).bar(|k| k.next),
    on(&[ENTER, DOWN], &[C::ProductForm], Key::Next, |k| k.next_field),
    on(&[BACKTAB, UP], &[C::ProductForm], Key::Prev, |k| k.prev_field),
    on(&[f(2)], &[C::ProductForm], Key::Record, |k| k.save_product).bar(|k| k.short_save),
    on(&[ESC], &[C::ProductForm], Key::Cancel, |k| k.back).bar(|k| k.back),
    // The producers screen (F3 from the stock screen) and its form.
    on(&[f(3)], &[C::Stock], Key::OpenProducers, |k| k.open_producers).bar(|k| k.layout.short_producers),
    typing(C::Producers, |k| k.type_filter),
    on(&[UP], &[C::Producers], Key::Up, |k| k.select_line),
    on(&[DOWN], &[C::Producers], Key::Down, |k| k.select_line),
    on(&[f(2)], &[C::Producers], Key::AddProducer, |k| k.add_producer).bar(|k| k.short_new),
    on(&[f(4)], &[C::Producers], Key::EditProducer, |k| k.edit_producer).bar(|k| k.short_edit),
    on(&[f(8)], &[C::Producers], Key::ToggleActive, |k| k.toggle_producer).bar(|k| k.short_active),
    on(&[ESC], &[C::Producers], Key::Cancel, |k| k.back).bar(|k| k.back),
    typing(C::ProducerForm, |k| k.type_field),
    on(&[TAB, DOWN, ENTER], &[C::ProducerForm], Key::Next, |k| k.next_field).bar(|k| k.next_field),
    on(&[BACKTAB, UP], &[C::ProducerForm], Key::Prev, |k| k.prev_field),
    on(&[f(7)], &[C::ProducerForm], Key::ToggleScheme, |k| k.toggle_scheme).bar(|k| k.short_scheme),
    on(&[f(2)], &[C::ProducerForm], Key::Record, |k| k.save_producer).bar(|k| k.short_save),
    on(&[ESC], &[C::ProducerForm], Key::Cancel, |k| k.back).bar(|k| k.back),
    // The settings screen (Ctrl+O from the till): Enter moves on.
    on(&[Press::Ctrl('o')], HOME, Key::OpenSettings, |k| k.open_settings).bar(|k| k.layout.short_settings),
    typing(C::Settings, |k| k.type_field),
    on(&[TAB, DOWN, ENTER], &[C::Settings], Key::Next, |k| k.next_field).bar(|k| k.next),
    on(&[BACKTAB, UP], &[C::Settings], Key::Prev, |k| k.prev_field),
    on(&[f(2)], &[C::Settings], Key::Record, |k| k.save_settings).bar(|k| k.short_save),
    on(&[f(6)], &[C::Settings], Key::ToggleFault, |k| k.toggle_count_bears).bar(|k| k.layout.short_count_bears),
    on(&[f(7)], &[C::Settings], Key::PrinterKind, |k| k.printer_kind).bar(|k| k.layout.short_printer),
    on(&[f(8)], &[C::Settings], Key::PaperWidth, |k| k.paper_width).bar(|k| k.layout.short_paper),
    on(&[f(9)], &[C::Settings], Key::TestPrint, |k| k.test_print).bar(|k| k.short_test_print),
    on(&[ESC], &[C::Settings], Key::Cancel, |k| k.back).bar(|k| k.back),
    // Producers' settlement and payouts (Ctrl+P), the payout form, and the daily flag.
    on(&[Press::Ctrl('p')], &[C::Sale, C::OpenDay, C::DayClosed, C::CloseDay], Key::OpenPayouts, |k| k.open_payouts).bar(|k| k.layout.short_payouts),
    typing(C::Payouts, |k| k.type_filter),
    on(&[UP], &[C::Payouts], Key::Up, |k| k.select_line),
    on(&[DOWN], &[C::Payouts], Key::Down, |k| k.select_line),
    on(&[ENTER], &[C::Payouts], Key::Submit, |k| k.pay_producer).bar(|k| k.short_pay_producer),
    on(&[f(2)], &[C::Payouts], Key::WriteSettlements, |k| k.write_settlements).bar(|k| k.short_settlements),
    on(&[f(3)], &[C::Payouts], Key::WriteDayReport, |k| k.write_day_report).bar(|k| k.layout.short_report),
    on(&[f(4)], &[C::Payouts], Key::WriteRecap, |k| k.write_recap).bar(|k| k.layout.short_recap),
    on(&[f(5)], &[C::Payouts], Key::WriteStatement, |k| k.undo.key_statement).bar(|k| k.short_statement),
    // Off the bar: the day line shows ◀ ▶, and F1 lists them.
    on(&[LEFT, Press::Plain(KeyCode::PageUp)], &[C::Payouts], Key::Prev, |k| k.step_day),
    on(&[RIGHT, Press::Plain(KeyCode::PageDown)], &[C::Payouts], Key::Next, |k| k.step_day),
    on(&[ESC], &[C::Payouts], Key::Cancel, |k| k.back).bar(|k| k.back),
    typing(C::PayoutForm, |k| k.type_field),
    on(&[TAB, BACKTAB, DOWN, UP, ENTER], &[C::PayoutForm], Key::Next, |k| k.next_field).bar(|k| k.next),
    on(&[f(7)], &[C::PayoutForm], Key::ToggleMethod, |k| k.toggle_method).bar(|k| k.short_method),
    on(&[f(2)], &[C::PayoutForm], Key::Record, |k| k.record_payout).bar(|k| k.short_pay_producer),
    on(&[ESC], &[C::PayoutForm], Key::Cancel, |k| k.back).bar(|k| k.back),
    on(&[f(6)], &[C::ProducerForm], Key::TogglePayoutDaily, |k| k.toggle_payout_daily).bar(|k| k.layout.short_daily),
    // The close screen (F5): the count, by total or denomination, and the reason.
    typing(C::CloseDay, |k| k.type_count),
    on(&[UP], &[C::CloseDay], Key::Up, |k| k.select_line),
    on(&[DOWN], &[C::CloseDay], Key::Down, |k| k.select_line),
    on(&[ENTER], &[C::CloseDay], Key::Submit, |k| k.next_field).bar(|k| k.next),
    on(&[TAB, BACKTAB], &[C::CloseDay], Key::Next, |k| k.switch_field).bar(|k| k.next),
    on(&[f(7)], &[C::CloseDay], Key::ToggleCount, |k| k.toggle_count).bar(|k| k.short_toggle_count),
    on(&[f(2)], &[C::CloseDay], Key::Record, |k| k.close_till).bar(|k| k.short_close_till),
    on(&[ESC], &[C::CloseDay], Key::Cancel, |k| k.back).bar(|k| k.back),
    // The close waiting for its confirmation: the count typed again, or the manager's PIN.
    typing_in(&[C::CloseConfirm], |k| k.undo.key_retype),
    on(&[ENTER], &[C::CloseConfirm], Key::Submit, |k| k.undo.key_confirm).bar(|k| k.short_close_till),
    on(&[f(4)], &[C::CloseConfirm], Key::ManagerPin, |k| k.undo.key_manager_pin).bar(|k| k.undo.short_manager_pin),
    on(&[ESC], &[C::CloseConfirm], Key::Cancel, |k| k.back).bar(|k| k.back),
    // Reopening the day closed today, from the open-day form.
    on(&[f(4)], &[C::OpenDay, C::DayClosed], Key::ReopenDay, |k| k.undo.key_reopen).bar(|k| k.layout.short_reopen),
    typing_in(&[C::ReopenReason], |k| k.undo.key_reopen_reason),
    on(&[ENTER], &[C::ReopenReason], Key::Submit, |k| k.undo.key_reopen_confirm).bar(|k| k.next),
    on(&[ESC], &[C::ReopenReason], Key::Cancel, |k| k.back).bar(|k| k.back),
    // The statement's dates.
    typing_in(&[C::StatementRange], |k| k.undo.key_statement_date),
    on(&[TAB, BACKTAB], &[C::StatementRange], Key::Next, |k| k.next_field).bar(|k| k.next),
    on(&[UP, DOWN], &[C::StatementRange], Key::Next, |k| k.next_field),
    on(&[ENTER], &[C::StatementRange], Key::Submit, |k| k.undo.key_statement_write).bar(|k| k.undo.short_statement_write),
    on(&[ESC], &[C::StatementRange], Key::Cancel, |k| k.back).bar(|k| k.back),
    on(&[ENTER], &[C::Recovery], Key::Submit, |k| k.undo.key_recovery_done).bar(|k| k.undo.short_recovery_done),
    // Cash in/out (F9 on the sale screen).
    on(&[f(9)], &[C::Sale], Key::CashMove, |k| k.cash_move).bar(|k| k.layout.short_cash),
    typing(C::CashMove, |k| k.type_field),
    on(&[TAB, BACKTAB, ENTER], &[C::CashMove], Key::Next, |k| k.next_field).bar(|k| k.next),
    on(&[f(7)], &[C::CashMove], Key::ToggleDirection, |k| k.toggle_direction).bar(|k| k.short_direction),
    on(&[f(2)], &[C::CashMove], Key::Record, |k| k.record_cash_move).bar(|k| k.short_record),
    on(&[ESC], &[C::CashMove], Key::Cancel, |k| k.back).bar(|k| k.back),
    // The customer picker of a tab payment.
    typing(C::CustomerPicker, |k| k.type_filter),
    on(&[UP], &[C::CustomerPicker], Key::Up, |k| k.select_line),
    on(&[DOWN], &[C::CustomerPicker], Key::Down, |k| k.select_line),
    on(&[ENTER], &[C::CustomerPicker], Key::Submit, |k| k.pick_customer).bar(|k| k.pick_customer),
    on(&[ESC], &[C::CustomerPicker], Key::Cancel, |k| k.back).bar(|k| k.back),
    // Customers and their tabs (Ctrl+T on the sale screen).
    on(&[Press::Ctrl('t')], HOME, Key::OpenTabs, |k| k.tabs).bar(|k| k.layout.short_tabs),
    typing(C::Customers, |k| k.type_filter),
    on(&[UP], &[C::Customers], Key::Up, |k| k.select_line),
    on(&[DOWN], &[C::Customers], Key::Down, |k| k.select_line),
    on(&[f(2)], &[C::Customers], Key::NewCustomer, |k| k.new_customer).bar(|k| k.short_new),
    on(&[f(4)], &[C::Customers], Key::EditCustomer, |k| k.edit_customer).bar(|k| k.short_edit),
    on(&[f(5)], &[C::Customers], Key::TabPayment, |k| k.tab_payment).bar(|k| k.short_tab_payment),
    on(&[f(6)], &[C::Customers], Key::TabStatement, |k| k.tab_statement).bar(|k| k.short_statement),
    on(&[ESC], &[C::Customers], Key::Cancel, |k| k.back).bar(|k| k.back),
    typing(C::CustomerForm, |k| k.type_field),
    on(&[TAB, DOWN, ENTER], &[C::CustomerForm], Key::Next, |k| k.next_field).bar(|k| k.next),
    on(&[BACKTAB, UP], &[C::CustomerForm], Key::Prev, |k| k.prev_field),
    on(&[f(2)], &[C::CustomerForm], Key::Record, |k| k.save_customer).bar(|k| k.short_save),
    on(&[ESC], &[C::CustomerForm], Key::Cancel, |k| k.back).bar(|k| k.back),
    typing(C::TabPaymentForm, |k| k.type_field),
    on(&[TAB, BACKTAB, ENTER], &[C::TabPaymentForm], Key::Next, |k| k.next_field).bar(|k| k.next),
    on(&[f(7)], &[C::TabPaymentForm], Key::CycleMethod, |k| k.next_method).bar(|k| k.short_method),
    on(&[f(2)], &[C::TabPaymentForm], Key::Record, |k| k.tab_payment).bar(|k| k.short_record),
    on(&[ESC], &[C::TabPaymentForm], Key::Cancel, |k| k.back).bar(|k| k.back),
    // Earlier days in the sales list (F6), and correcting a closed day's sale (F8 there).
    on(&[Press::Plain(KeyCode::PageUp), LEFT], &[C::Sales, C::ClosedSales], Key::Prev, |k| k.other_day),
    on(&[Press::Plain(KeyCode::PageDown), RIGHT], &[C::Sales, C::ClosedSales], Key::Next, |k| k.other_day),
    typing(C::CorrectionReason, |k| k.type_reason),
    on(&[f(7)], &[C::CorrectionReason], Key::CycleMethod, |k| k.next_refund).bar(|k| k.short_method),
    on(&[ENTER], &[C::CorrectionReason], Key::Submit, |k| k.next).bar(|k| k.next),
    on(&[ESC], &[C::CorrectionReason], Key::Cancel, |k| k.back).bar(|k| k.back),
    // The first start, signing in, the lock, the manager's approval.
    typing_in(&[C::Setup], |k| k.type_field),
    on(&[TAB, DOWN], &[C::Setup], Key::Next, |k| k.next_field).bar(|k| k.next_field),
    on(&[BACKTAB, UP], &[C::Setup], Key::Prev, |k| k.prev_field),
    on(&[ENTER], &[C::Setup], Key::Submit, |k| k.trust.create_manager).bar(|k| k.trust.short_start),
    typing_in(&[C::SignIn, C::Locked], |k| k.trust.type_name_or_pin),
    on(&[UP], &[C::SignIn, C::Locked, C::Approval], Key::Up, |k| k.trust.pick_user).bar(|k| k.trust.pick_user),
    on(&[DOWN], &[C::SignIn, C::Locked, C::Approval], Key::Down, |k| k.trust.pick_user),
    on(&[ENTER], &[C::SignIn, C::Locked], Key::Submit, |k| k.trust.sign_in).bar(|k| k.trust.short_sign_in),
    on(&[ESC], &[C::SignIn, C::Locked], Key::Cancel, |k| k.clear_entry).bar(|k| k.layout.short_clear),
    // Help and the language on the lock screen; it cannot be quit from (unlock first).
    on(&[f(1)], &[C::Locked], Key::Help, |k| k.help).bar(|k| k.help),
    on(&[f(10)], &[C::Locked], Key::ToggleLang, |k| k.other_language).bar(|k| k.other_language),
    // The approval popup: digits for the PIN, Enter, Esc; every other key means nothing.
    typing_in(&[C::Approval], |k| k.trust.type_pin),
    on(&[ENTER], &[C::Approval], Key::Submit, |k| k.trust.approve).bar(|k| k.trust.short_approve),
    on(&[ESC], &[C::Approval], Key::Cancel, |k| k.trust.cancel).bar(|k| k.close),
    // From the till's screens.
    on(&[Press::Ctrl('l')], LOCKABLE, Key::Lock, |k| k.trust.lock).bar(|k| k.layout.short_lock),
    on(&[Press::Ctrl('u')], HOME, Key::OpenUsers, |k| k.trust.users).bar(|k| k.layout.short_users),
    on(&[Press::Ctrl('r')], HOME, Key::OpenAudit, |k| k.trust.audit).bar(|k| k.layout.short_audit),
    on(&[Press::Ctrl('g')], HOME, Key::OpenGlance, |k| k.glance).bar(|k| k.layout.short_glance),
    on(&[ESC], &[C::Glance], Key::Cancel, |k| k.back).bar(|k| k.back),
    // The users screen and its form.
    on(&[UP], &[C::Users, C::Audit], Key::Up, |k| k.select_line),
    on(&[DOWN], &[C::Users, C::Audit], Key::Down, |k| k.select_line),
    on(&[f(2)], &[C::Users], Key::AddUser, |k| k.trust.add_user).bar(|k| k.short_new),
    on(&[f(4)], &[C::Users], Key::ChangePin, |k| k.trust.change_pin).bar(|k| k.trust.short_pin),
    on(&[f(8)], &[C::Users], Key::DeactivateUser, |k| k.trust.deactivate_user).bar(|k| k.trust.short_deactivate),
    on(&[ESC], &[C::Users], Key::Cancel, |k| k.back).bar(|k| k.back),
    typing_in(&[C::UserForm], |k| k.type_field),
    on(&[TAB, DOWN, ENTER], &[C::UserForm], Key::Next, |k| k.next_field).bar(|k| k.next_field),
    on(&[BACKTAB, UP], &[C::UserForm], Key::Prev, |k| k.prev_field),
    on(&[f(7)], &[C::UserForm], Key::ToggleRole, |k| k.trust.toggle_role).bar(|k| k.trust.short_role),
    on(&[f(2)], &[C::UserForm], Key::Record, |k| k.trust.save_user).bar(|k| k.short_save),
    on(&[ESC], &[C::UserForm], Key::Cancel, |k| k.back).bar(|k| k.back),
    // Every field of the selected person or entry, whole.
    on(&[ENTER], &[C::Users, C::Customers, C::Producers, C::Audit], Key::Details, |k| k.layout.details).bar(|k| k.layout.short_details),
    // The audit trail.
    typing_in(&[C::Audit], |k| k.type_filter),
    on(&[ESC], &[C::Audit], Key::Cancel, |k| k.back).bar(|k| k.back),
    // A queue: park the cart (from the pay dialog too, with the parts taken), and recall it.
    // Off the bars, which are full: the sale screen's total line names F12, and F1 lists it.
    on(&[f(12)], &[C::Sale, C::Pay], Key::Park, |k| k.park).bar(|k| k.short_park),
    on(&[UP], &[C::Parked], Key::Up, |k| k.select_line),
    on(&[DOWN], &[C::Parked], Key::Down, |k| k.select_line),
    on(&[ENTER], &[C::Parked], Key::Submit, |k| k.recall).bar(|k| k.short_recall),
    on(&[ESC], &[C::Parked], Key::Cancel, |k| k.back).bar(|k| k.back),
    // Every text field.
    on(&[Press::Plain(KeyCode::Backspace)], TEXT_FIELDS, Key::Backspace, |k| k.erase),
    // Everywhere but in a question.
    on(&[f(1)], EVERYWHERE, Key::Help, |k| k.help).bar(|k| k.help),
    on(&[f(10)], EVERYWHERE, Key::ToggleLang, |k| k.other_language).bar(|k| k.other_language),
    on(&[Press::Ctrl('q')], EVERYWHERE, Key::Quit, |k| k.quit).bar(|k| k.quit),
    on(&[Press::Ctrl('c')], EVERYWHERE, Key::Quit, |k| k.quit),
];

/// A key press reduced to what the table distinguishes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Pressed {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
}

fn normalize(key: &KeyEvent) -> Option<Pressed> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if c.is_control() => None,
        // AltGr arrives as Ctrl+Alt on Windows: it types characters such as `@`.
        KeyCode::Char(c) if ctrl && alt => Some(Pressed::Char(c)),
        KeyCode::Char(c) if ctrl => Some(Pressed::Ctrl(c.to_ascii_lowercase())),
        KeyCode::Char(_) if alt => None,
        KeyCode::Char(c) => Some(Pressed::Char(c)),
        _ if ctrl || alt => None,
        code => Some(Pressed::Code(code)),
    }
}

impl Press {
    fn matches(self, pressed: Pressed) -> bool {
        match (self, pressed) {
            (Press::Plain(KeyCode::Char(a)), Pressed::Char(b)) => a == b,
            (Press::Plain(a), Pressed::Code(b)) => a == b,
            (Press::Ctrl(a), Pressed::Ctrl(b)) => a == b,
            (Press::Text, Pressed::Char(_)) => true,
            _ => false,
        }
    }

    /// The key as printed on the keyboard (`F2`, `Ctrl+Q`, `↑`), or what typing means.
    pub fn label(self, keys: &KeyText) -> String {
        match self {
            Press::Text => keys.typing.to_string(),
            Press::Ctrl(c) => format!("Ctrl+{}", c.to_ascii_uppercase()),
            Press::Plain(code) => match code {
                KeyCode::F(n) => format!("F{n}"),
                KeyCode::Char(c) => c.to_uppercase().to_string(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "Shift+Tab".into(),
                KeyCode::Backspace => "Backspace".into(),
                KeyCode::Delete => "Del".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                other => format!("{other:?}"),
            },
        }
    }
}

impl Binding {
    /// All keys of the binding, `Ctrl+Q/Ctrl+C`.
    pub fn keys_label(&self, keys: &KeyText) -> String {
        let mut labels: Vec<String> = Vec::new();
        for label in self.keys.iter().map(|k| k.label(keys)) {
            // `y` and `Y` are one key on the keyboard.
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
        labels.join("/")
    }
}

/// Every binding that applies in a context, in table order (for F1).
pub fn bindings_for(context: Focus) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.contexts.contains(&context))
}

/// The bindings shown on the bottom bar of a context.
pub fn bar_for(context: Focus) -> impl Iterator<Item = &'static Binding> {
    bindings_for(context).filter(|b| b.bar.is_some())
}

/// The keymap: a key event to the message it means here, or `None` when it means nothing.
/// Only presses count (Windows also sends releases), and Ctrl+J is dropped: a scanner that
/// ends a code with CR+LF sends it right after the Enter.
///
/// While a question is open, `y` is yes and `n`/Esc is no. Any other key means no as well,
/// and then means what it would have meant without the question: a scan (`RMPY`, Enter) or a
/// second Enter after the reason for a void can never answer yes, and the scanned code still
/// lands on the entry line. `update` closes the question when such a message arrives.
pub fn msg_for(focus: Focus, beneath: Focus, entry_empty: bool, key: KeyEvent) -> Option<Key> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let pressed = normalize(&key)?;
    if pressed == Pressed::Ctrl('j') {
        return None;
    }
    if focus == Focus::Confirm {
        return msg_in(entry_empty, Focus::Confirm, pressed)
            .or_else(|| msg_in(entry_empty, beneath, pressed))
            .or(Some(Key::No));
    }
    msg_in(entry_empty, focus, pressed)
}

fn msg_in(entry_empty: bool, context: Focus, pressed: Pressed) -> Option<Key> {
    let applies = |b: &&Binding| match b.when {
        When::Always => true,
        When::EntryEmpty => entry_empty,
    };
    // A key named in the table wins over "any character", wherever it stands in the table.
    let found = bindings_for(context)
        .filter(applies)
        .find(|b| {
            b.keys
                .iter()
                .any(|k| *k != Press::Text && k.matches(pressed))
        })
        .or_else(|| {
            bindings_for(context)
                .filter(applies)
                .find(|b| b.keys.contains(&Press::Text) && Press::Text.matches(pressed))
        })?;
    match (&found.act, pressed) {
        (Act::Type, Pressed::Char(c)) => Some(Key::Input(c)),
        (Act::Type, _) => None,
        (Act::Send(msg), _) => Some(msg.clone()),
    }
}
