//! The message line: what just happened or what was wrong, kept as data and put into words
//! only when drawn, so that switching language also translates the message on screen.

use chrono::NaiveDate;

use super::{Action, Failure};
use crate::domain::{DocumentKind, ParseError, PayError, PaymentMethod, Quantity, Rupiah, Unit};
use crate::print::format;
use crate::strings::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    // Errors: something was refused.
    UnknownCode(String),
    MissingCode,
    /// A cart line's product was taken off the till: remove it before paying.
    NoLongerSold(String),
    BadQuantity(ParseError, Unit),
    BadAmount(ParseError),
    /// A key an amount field refused.
    DigitsOnly(char),
    Pay(PayError),
    AtMinimum,
    CartEmptyPay,
    CartAlreadyEmpty,
    EntryPending(String),
    CloseDayCartFull,
    /// A search for this text found nothing.
    NoMatch(String),
    PartNeedsAmount,
    ReasonEmpty,
    AlreadyVoided(i64),
    AttendantEmpty,
    /// Today's business day was closed already: it does not open again.
    ClosedToday(NaiveDate),
    DraftUnreadable,
    FloatEmpty,
    /// The runtime could not do what was asked.
    Failed(Action, Failure),
    /// A receipt could not be printed again: why.
    ReprintFailed(String),
    // Information: something was done.
    Added(Quantity, Unit, String),
    Removed(String),
    /// `+`/`-` changed a line: its name and its quantity now.
    QuantityNow(String, Quantity, Unit),
    CartEmptied,
    PartPaid(Rupiah, PaymentMethod, Rupiah),
    /// Quick-tender notes so far, and what they still fall short of.
    CashSoFar(Rupiah, Rupiah),
    /// Leaving the pay dialog handed back the parts taken.
    PartsReturned(Rupiah),
    PayClosed,
    Voided(i64),
    /// A receipt printed again, to this file.
    Reprinted(String),
    DayOpened(NaiveDate),
    DayClosed,
    // Stock (issue 3).
    UnknownProducer(String),
    BadDate(String),
    /// A best-before date already past, typed on an intake.
    BestBeforePast(NaiveDate),
    /// A code of another producer's goods, typed on that producer's stock form: code, producer.
    OtherProducersGoods(String, String),
    NoLineForDate,
    IntakeNoLines,
    /// Recorded, but a slip could not be written: why.
    SlipFailed(String),
    BestBeforeSet(String, NaiveDate),
    /// A stock entry on disk: its kind, number and its slip's file.
    StockRecorded(DocumentKind, i64, String),
    /// Daily goods returned: how many returns (one per producer).
    DailyReturned(usize),
    NothingDaily,
    /// A product edit is on disk and the till has the new catalogue.
    CatalogueSaved,
    /// The product form cannot be saved: this field is wrong.
    ProductField(super::product_form::Field, super::product_form::Problem),
    // The producer form.
    ProducerCodeEmpty,
    ProducerNameEmpty,
    BadRate(String),
    // Printing and the settings screen.
    /// A printout did not reach the printer (it is recorded and its file written).
    PrintFailed(crate::print::PrintError),
    SettingsSaved,
    TestPrintSent,
    /// The settings cannot be saved or tried as typed.
    Settings(super::settings::Problem),
    // Producers' money (Ctrl+P).
    /// The payout amount typed is not an amount above zero.
    BadPayoutAmount,
    /// More than the balance owed (shown) was asked, or nothing is owed.
    PayoutAboveOwed(Rupiah),
    NoBusinessDays,
    /// A payout on disk: its number and its slip's file.
    PayoutRecorded(i64, String),
    /// Settlement slips written: how many, and their folder.
    SettlementsWritten(usize, String),
    /// No producer had anything on that day: no slip to write.
    NoSettlements(NaiveDate),
    /// The till's money: the close, cash moves, tabs, corrections.
    Till(super::close::TillNote),
    /// Signing in, approvals and users (issue 5).
    Trust(super::TrustNote),
    /// The ledger file: backups, the sale saved before a crash, paper kept aside.
    File(super::FileNote),
}

impl Note {
    pub fn is_error(&self) -> bool {
        if let Note::Trust(note) = self {
            return note.is_error();
        }
        if let Note::File(note) = self {
            return note.is_warning();
        }
        !matches!(
            self,
            Note::Added(..)
                | Note::Removed(_)
                | Note::QuantityNow(..)
                | Note::CartEmptied
                | Note::PartPaid(..)
                | Note::CashSoFar(..)
                | Note::PartsReturned(_)
                | Note::PayClosed
                | Note::Voided(_)
                | Note::Reprinted(_)
                | Note::DayOpened(_)
                | Note::DayClosed
                | Note::BestBeforeSet(..)
                | Note::StockRecorded(..)
                | Note::DailyReturned(_)
                | Note::NothingDaily
                | Note::CatalogueSaved
                | Note::SettingsSaved
                | Note::TestPrintSent
                | Note::PayoutRecorded(..)
                | Note::SettlementsWritten(..)
        ) && !matches!(self, Note::Till(n) if !n.is_error())
    }

    pub fn text(&self, lang: Lang) -> String {
        let t = &lang.text().ui;
        match self {
            Note::UnknownCode(code) => (t.unknown_code)(code),
            Note::MissingCode => t.missing_code.to_string(),
            Note::NoLongerSold(name) => (t.no_longer_sold)(name),
            Note::BadQuantity(e, unit) => (t.bad_quantity)(e, *unit),
            Note::BadAmount(e) => (t.bad_amount)(e),
            Note::DigitsOnly(c) => (t.digits_only)(*c),
            Note::Pay(e) => (t.pay_error)(*e),
            Note::AtMinimum => t.at_minimum.into(),
            Note::CartEmptyPay => t.cart_empty_pay.into(),
            Note::CartAlreadyEmpty => t.cart_already_empty.into(),
            Note::EntryPending(text) => (t.entry_pending)(text),
            Note::CloseDayCartFull => t.close_day_cart_full.into(),
            Note::NoMatch(query) => (t.no_match)(query),
            Note::PartNeedsAmount => t.part_needs_amount.into(),
            Note::ReasonEmpty => t.reason_empty.into(),
            Note::AlreadyVoided(n) => (t.already_voided)(*n),
            Note::AttendantEmpty => t.attendant_empty.into(),
            Note::ClosedToday(date) => (t.closed_today)(&format::date(*date, lang)),
            Note::DraftUnreadable => t.draft_unreadable.into(),
            Note::FloatEmpty => t.float_empty.into(),
            Note::Failed(action, reason) => failed(lang, *action)(&(t.failure)(reason)),
            Note::Added(q, unit, name) => (t.added)(&q.with_unit(*unit), name),
            Note::Removed(name) => (t.removed)(name),
            Note::QuantityNow(name, q, unit) => (t.quantity_now)(name, &q.with_unit(*unit)),
            Note::CartEmptied => t.cart_emptied.into(),
            Note::PartPaid(amount, method, rest) => {
                (t.part_paid)(*amount, format::payment_method(*method, lang), *rest)
            }
            Note::CashSoFar(cash, short) => (t.cash_so_far)(*cash, *short),
            Note::PartsReturned(paid) => (t.parts_returned)(*paid),
            Note::PayClosed => t.pay_closed.into(),
            Note::Voided(n) => (t.voided)(*n),
            Note::Reprinted(path) => (t.reprinted)(path),
            Note::ReprintFailed(e) => (t.reprint_failed)(e),
            Note::DayOpened(date) => (t.day_opened)(&format::date(*date, lang)),
            Note::DayClosed => t.day_closed.into(),
            Note::File(note) => note.text(lang),
            Note::UnknownProducer(text) => (t.unknown_producer)(text),
            Note::BadDate(text) => (t.bad_date)(text),
            Note::NoLineForDate => t.no_line_for_date.into(),
            Note::BestBeforePast(date) => (t.best_before_past)(&format::date(*date, lang)),
            Note::OtherProducersGoods(code, producer) => (t.other_producers_goods)(code, producer),
            Note::IntakeNoLines => t.intake_no_lines.into(),
            Note::SlipFailed(e) => (t.slip_failed)(e),
            Note::BestBeforeSet(name, date) => {
                (t.best_before_set)(name, &format::date(*date, lang))
            }
            Note::StockRecorded(kind, number, slip) => {
                (t.stock_recorded)((t.kind_name)(*kind), *number, slip)
            }
            Note::DailyReturned(n) => (t.daily_returned)(*n),
            Note::NothingDaily => t.nothing_daily.into(),
            Note::CatalogueSaved => t.catalogue_saved.into(),
            Note::ProductField(field, problem) => {
                use super::product_form::Problem;
                let problem = match problem {
                    Problem::Empty => t.field_empty.to_string(),
                    Problem::Amount(e) => (t.bad_amount)(e),
                    Problem::Quantity(e, unit) => (t.bad_quantity)(e, *unit),
                    Problem::UnknownUnit => t.unit_hint.to_string(),
                    Problem::UnknownProducer => t.field_unknown_producer.to_string(),
                    Problem::NotPositive => t.field_not_positive.to_string(),
                };
                format!("{}: {problem}", (t.product_field)(*field))
            }
            Note::ProducerCodeEmpty => t.producer_code_empty.into(),
            Note::ProducerNameEmpty => t.producer_name_empty.into(),
            Note::BadRate(text) => (t.bad_rate)(text),
            Note::PrintFailed(e) => {
                let p = &lang.text().printer;
                (p.print_failed)(&(p.error)(e))
            }
            Note::SettingsSaved => lang.text().printer.settings_saved.into(),
            Note::TestPrintSent => lang.text().printer.test_sent.into(),
            Note::Settings(problem) => {
                use super::settings::Problem;
                let p = &lang.text().printer;
                match problem {
                    Problem::NameEmpty => p.name_empty.into(),
                    Problem::TargetEmpty => p.target_empty.into(),
                    Problem::BadHostPort(text) => (p.bad_host_port)(text),
                    Problem::BadMinutes => p.bad_minutes.into(),
                    Problem::BadCloseAbove => p.bad_close_above.into(),
                }
            }
            Note::BadPayoutAmount => lang.text().settle.bad_payout_amount.into(),
            Note::PayoutAboveOwed(owed) => (lang.text().settle.payout_above_owed)(*owed),
            Note::NoBusinessDays => lang.text().settle.no_days.into(),
            Note::PayoutRecorded(number, path) => {
                (lang.text().settle.payout_recorded)(*number, path)
            }
            Note::SettlementsWritten(count, folder) => {
                (lang.text().settle.settlements_written)(*count, folder)
            }
            Note::NoSettlements(date) => {
                (lang.text().settle.no_activity)(&format::date(*date, lang))
            }
            Note::Till(note) => note.text(lang),
            Note::Trust(note) => note.text(lang),
        }
    }
}

fn failed(lang: Lang, action: Action) -> fn(&str) -> String {
    let t = &lang.text().ui;
    let settle = &lang.text().settle;
    match action {
        Action::SaveDraft => t.failed_draft,
        Action::OpenDay => t.failed_open_day,
        Action::CloseDay => t.failed_close_day,
        Action::RecordSale => t.failed_record,
        Action::LoadSales => t.failed_load_sales,
        Action::VoidSale => t.failed_void,
        Action::LoadStock => t.failed_load_stock,
        Action::RecordStock => t.failed_stock,
        Action::LoadProducts => t.failed_load_products,
        Action::SaveProduct => t.failed_save_product,
        Action::LoadProducers => t.failed_load_producers,
        Action::SaveProducer => t.failed_save_producer,
        Action::LoadSettings => t.failed_load_settings,
        Action::SaveSettings => t.failed_save_settings,
        Action::LoadPayouts => settle.failed_load_payouts,
        Action::PayProducer => settle.failed_payout,
        Action::WriteSettlements => settle.failed_settlements,
        Action::Till => lang.text().till.failed,
        Action::SignIn => t.trust.failed_sign_in,
        Action::Approve => t.trust.failed_approval,
        Action::LoadUsers | Action::SaveUser => t.trust.failed_users,
        Action::LoadHistory => t.trust.failed_history,
    }
}
