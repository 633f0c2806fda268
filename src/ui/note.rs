//! The message line: what just happened or what was wrong, kept as data and put into words
//! only when drawn, so that switching language also translates the message on screen.

use chrono::NaiveDate;

use super::failure::{FailedEffect, Failure, ProductField, ProductProblem, SettingsProblem};
use super::file_note::FileNote;
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
    Failed(FailedEffect, Failure),
    /// A receipt could not be printed again: why.
    ReprintFailed(Failure),
    /// A report written on request at the kiosk (X report, Z copy, recap): its file, or why not.
    OfficePrintout(Result<String, Failure>),
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
    /// Typing the pay dialog refused, or a scanner's burst: nothing paid, the amount cleared.
    ScanInPay,
    /// A key typed on a choice of a form (role, scheme, paid daily): Space changes it.
    ChoiceField,
    /// After a part payment, Enter or F3 before the rest's method is chosen: what remains.
    PickRestMethod(Rupiah),
    Voided(i64),
    /// A receipt printed again, to this file.
    Reprinted(String),
    DayOpened(NaiveDate),
    DayClosed,
    // Stock.
    UnknownProducer(String),
    BadDate(String),
    /// A best-before date already past, typed on an intake.
    BestBeforePast(NaiveDate),
    /// A code of another producer's goods, typed on that producer's stock form: code, producer.
    OtherProducersGoods(String, String),
    NoLineForDate,
    IntakeNoLines,
    /// Recorded, but a slip could not be written: why.
    SlipFailed(Failure),
    BestBeforeSet(String, NaiveDate),
    /// A stock entry on disk: its kind, number and its slip's file.
    StockRecorded(DocumentKind, i64, String),
    /// Daily goods returned: how many returns (one per producer).
    DailyReturned(usize),
    NothingDaily,
    /// A product edit is on disk and the till has the new catalogue.
    CatalogueSaved,
    /// Parking and recalling carts.
    Queue(super::queue_note::QueueNote),
    /// The product form cannot be saved: this field is wrong.
    ProductField(ProductField, ProductProblem),
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
    Settings(SettingsProblem),
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
    Till(TillNote),
    /// Signing in, approvals and users.
    Trust(TrustNote),
    /// The ledger file: backups, the sale saved before a crash, paper kept aside.
    File(FileNote),
    /// The shop-wide count and the expiry list.
    Stock(StockNote),
}

impl Note {
    pub fn is_error(&self) -> bool {
        if let Note::Trust(note) = self {
            return note.is_error();
        }
        if let Note::File(note) = self {
            return note.is_warning();
        }
        if let Note::Stock(note) = self {
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
                | Note::OfficePrintout(Ok(_))
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
                | Note::Queue(super::queue_note::QueueNote::Parked(_))
                | Note::Queue(super::queue_note::QueueNote::Recalled(..))
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
            Note::Failed(action, reason) => failed(lang, *action)(&reason.text(lang)),
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
            Note::ScanInPay => t.scan_in_pay.into(),
            Note::ChoiceField => t.choice_field.into(),
            Note::PickRestMethod(rest) => (t.pick_rest_method)(*rest),
            Note::Voided(n) => (t.voided)(*n),
            Note::Reprinted(path) => (t.reprinted)(path),
            Note::ReprintFailed(e) => (t.reprint_failed)(&e.text(lang)),
            Note::OfficePrintout(Ok(path)) => (lang.text().office.printout_written)(path),
            Note::OfficePrintout(Err(e)) => (lang.text().office.printout_failed)(&e.text(lang)),
            Note::DayOpened(date) => (t.day_opened)(&format::date(*date, lang)),
            Note::DayClosed => t.day_closed.into(),
            Note::File(note) => note.text(lang),
            Note::Stock(note) => note.text(lang),
            Note::UnknownProducer(text) => (t.unknown_producer)(text),
            Note::BadDate(text) => (t.bad_date)(text),
            Note::NoLineForDate => t.no_line_for_date.into(),
            Note::BestBeforePast(date) => (t.best_before_past)(&format::date(*date, lang)),
            Note::OtherProducersGoods(code, producer) => (t.other_producers_goods)(code, producer),
            Note::IntakeNoLines => t.intake_no_lines.into(),
            Note::SlipFailed(e) => (t.slip_failed)(&e.text(lang)),
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
                use ProductProblem as Problem;
                let problem = match problem {
                    Problem::Empty => t.field_empty.to_string(),
                    Problem::Amount(e) => (t.bad_amount)(e),
                    Problem::Quantity(e, unit) => (t.bad_quantity)(e, *unit),
                    Problem::UnknownUnit => t.unit_hint.to_string(),
                    Problem::UnknownProducer => t.field_unknown_producer.to_string(),
                    Problem::NotPositive => t.field_not_positive.to_string(),
                };
                format!("{}: {problem}", field.label(lang))
            }
            Note::ProducerCodeEmpty => t.producer_code_empty.into(),
            Note::ProducerNameEmpty => t.producer_name_empty.into(),
            Note::BadRate(text) => (t.bad_rate)(text),
            Note::PrintFailed(e) => {
                let p = &lang.text().printer;
                (p.print_failed)(&e.text(lang))
            }
            Note::SettingsSaved => lang.text().printer.settings_saved.into(),
            Note::TestPrintSent => lang.text().printer.test_sent.into(),
            Note::Settings(problem) => {
                use SettingsProblem as Problem;
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
            Note::Queue(note) => note.text(lang),
        }
    }
}

fn failed(lang: Lang, action: FailedEffect) -> fn(&str) -> String {
    let t = &lang.text().ui;
    let settle = &lang.text().settle;
    match action {
        FailedEffect::SaveDraft => t.failed_draft,
        FailedEffect::OpenDay => t.failed_open_day,
        FailedEffect::CloseDay => t.failed_close_day,
        FailedEffect::RecordSale => t.failed_record,
        FailedEffect::LoadSales => t.failed_load_sales,
        FailedEffect::VoidSale => t.failed_void,
        FailedEffect::LoadStock => t.failed_load_stock,
        FailedEffect::RecordStock => t.failed_stock,
        FailedEffect::LoadProducts => t.failed_load_products,
        FailedEffect::SaveProduct => t.failed_save_product,
        FailedEffect::LoadProducers => t.failed_load_producers,
        FailedEffect::SaveProducer => t.failed_save_producer,
        FailedEffect::LoadSettings => t.failed_load_settings,
        FailedEffect::SaveSettings => t.failed_save_settings,
        FailedEffect::LoadPayouts => settle.failed_load_payouts,
        FailedEffect::PayProducer => settle.failed_payout,
        FailedEffect::WriteSettlements => settle.failed_settlements,
        FailedEffect::Till => lang.text().till.failed,
        FailedEffect::SignIn => t.trust.failed_sign_in,
        FailedEffect::Approve => t.trust.failed_approval,
        FailedEffect::LoadUsers | FailedEffect::SaveUser => t.trust.failed_users,
        FailedEffect::LoadHistory => t.trust.failed_history,
        FailedEffect::LoadGlance => lang.glance().failed,
        FailedEffect::LoadDailySales => lang.glance().trend_failed,
        FailedEffect::Parked => lang.queue().failed,
    }
}

/// The till's notes: what the close, cash and tab screens say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TillNote {
    CountNeeded,
    BadPieces,
    /// A fifth digit typed into a denomination's pieces.
    TooManyPieces,
    /// A tab payment above what the customer owes (shown).
    MoreThanOwed(Rupiah),
    /// A tab payment for a customer who owes nothing: their name.
    OwesNothing(String),
    VarianceNeedsReason(Rupiah),
    /// Letters typed on the count, and the digits after them: neither reaches a count.
    ReasonInItsField,
    AmountNeeded,
    /// A cash move on disk: in or out, how much, the slip's file.
    CashMoved(bool, Rupiah, String),
    /// The day-close report's file.
    ZReport(String),
    /// Recorded, but a printout could not be written: why.
    PrintoutFailed(Failure),
    CustomerSaved(String),
    /// A tab payment on disk: who, how much, what they still owe.
    TabPaid(String, Rupiah, Rupiah),
    StatementPrinted(String),
    /// A closed day's sale corrected: its number, day and amount.
    Corrected(i64, chrono::NaiveDate, Rupiah),
    /// Part of a sale returned: the return's number, amount, refund and slip file.
    Returned(i64, Rupiah, crate::domain::RefundMethod, String),
    /// Confirming or undoing a close.
    Undo(UndoNote),
}

/// What confirming a close, or reopening a day, says on the message line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UndoNote {
    RetypeNeeded,
    RetypeDiffers,
    /// F4 on a count off by more than the threshold: the retype comes first.
    FarNoPinAlone,
    /// The day of this date is open again.
    Reopened(chrono::NaiveDate),
    /// F4 on the open-day form when no day was closed today.
    NotReopenable,
    /// F3 in the sales list of a day not closed: a Z report is a closed day's.
    ZOfClosedDay,
    /// A statement's first date after its last.
    RangeBackwards,
}

impl UndoNote {
    pub fn is_error(&self) -> bool {
        !matches!(self, UndoNote::Reopened(_))
    }

    pub fn text(&self, lang: Lang) -> String {
        let t = lang.undo();
        match self {
            UndoNote::RetypeNeeded => t.retype_needed.into(),
            UndoNote::RetypeDiffers => t.retype_differs.into(),
            UndoNote::FarNoPinAlone => t.far_no_pin_alone.into(),
            UndoNote::Reopened(date) => (t.reopened)(&format::date(*date, lang)),
            UndoNote::ZOfClosedDay => t.z_of_closed_day.into(),
            UndoNote::RangeBackwards => t.range_backwards.into(),
            UndoNote::NotReopenable => {
                let mut chars = t.not_reopenable.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_uppercase().chain(chars).collect::<String>() + "."
                })
            }
        }
    }
}

impl TillNote {
    pub fn is_error(&self) -> bool {
        !matches!(
            self,
            TillNote::CashMoved(..)
                | TillNote::ZReport(_)
                | TillNote::CustomerSaved(_)
                | TillNote::TabPaid(..)
                | TillNote::StatementPrinted(_)
                | TillNote::Corrected(..)
                | TillNote::Returned(..)
        ) && !matches!(self, TillNote::Undo(n) if !n.is_error())
    }

    pub fn text(&self, lang: crate::strings::Lang) -> String {
        let t = &lang.text().till;
        match self {
            TillNote::CountNeeded => t.count_needed.into(),
            TillNote::BadPieces => t.bad_pieces.into(),
            TillNote::TooManyPieces => t.too_many_pieces.into(),
            TillNote::MoreThanOwed(owed) => (t.more_than_owed)(*owed),
            TillNote::OwesNothing(name) => (t.owes_nothing)(name),
            TillNote::VarianceNeedsReason(v) => (t.variance_needs_reason)(*v),
            TillNote::ReasonInItsField => t.reason_in_its_field.into(),
            TillNote::AmountNeeded => t.amount_needed.into(),
            TillNote::CashMoved(incoming, amount, slip) => (t.cash_moved)(*incoming, *amount, slip),
            TillNote::ZReport(path) => (t.day_closed_report)(path),
            TillNote::PrintoutFailed(why) => (t.printout_failed)(&why.text(lang)),
            TillNote::CustomerSaved(name) => (t.customer_saved)(name),
            TillNote::TabPaid(name, amount, owed) => (t.tab_paid)(name, *amount, *owed),
            TillNote::StatementPrinted(path) => (t.statement_printed)(path),
            TillNote::Corrected(number, date, amount) => {
                (t.corrected)(*number, &format::date(*date, lang), *amount)
            }
            TillNote::Undo(note) => note.text(lang),
            TillNote::Returned(number, amount, refund, file) => (t.returned)(
                *number,
                *amount,
                &crate::print::refund_text(*refund, lang),
                file,
            ),
        }
    }
}

/// Messages of these screens on the message line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrustNote {
    SignedIn(String),
    Approved(String),
    ApprovalCancelled,
    UsersSaved,
    PinsDiffer,
    Pin(crate::domain::PinProblem),
    NameEmpty,
    ShopEmpty,
    PickUser,
    NoManager,
    /// Signing in as this user was refused: why.
    SignInRefused(String, super::failure::Failure),
}

impl TrustNote {
    pub fn is_error(&self) -> bool {
        !matches!(
            self,
            TrustNote::SignedIn(_)
                | TrustNote::Approved(_)
                | TrustNote::ApprovalCancelled
                | TrustNote::UsersSaved
        )
    }

    pub fn text(&self, lang: crate::strings::Lang) -> String {
        let t = &lang.text().ui.trust;
        match self {
            TrustNote::SignedIn(name) => (t.signed_in)(name),
            TrustNote::Approved(name) => (t.approved)(name),
            TrustNote::ApprovalCancelled => t.approval_cancelled.into(),
            TrustNote::UsersSaved => t.users_saved.into(),
            TrustNote::PinsDiffer => t.pins_differ.into(),
            TrustNote::Pin(problem) => (t.pin_problem)(*problem).into(),
            TrustNote::NameEmpty => t.name_empty.into(),
            TrustNote::ShopEmpty => t.shop_empty.into(),
            TrustNote::PickUser => t.pick_user.into(),
            TrustNote::NoManager => t.no_manager.into(),
            TrustNote::SignInRefused(name, why) => (t.sign_in_refused)(name, &why.text(lang)),
        }
    }
}

/// What the shop-wide count and the expiry list say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StockNote {
    /// A product scanned again in a count: added up, and what is counted now.
    CountedAgain(String, crate::domain::StockQuantity, Unit),
    /// A count recorded: how many products, the slip's file.
    CountRecorded(usize, String),
    /// A product sold whose oldest delivery on the shelf is past this best-before date.
    PastBestBefore(String, NaiveDate),
    /// A return pre-filled from the expiry list: the producer, how many products.
    ReturnFromExpiry(String, usize),
    /// A horizon typed beyond what the setting takes.
    BadExpiryDays,
}

impl StockNote {
    pub fn is_warning(&self) -> bool {
        match self {
            StockNote::PastBestBefore(..) | StockNote::BadExpiryDays => true,
            StockNote::CountedAgain(..)
            | StockNote::CountRecorded(..)
            | StockNote::ReturnFromExpiry(..) => false,
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        let t = lang.stock_count();
        match self {
            StockNote::CountedAgain(name, total, unit) => {
                (t.counted_again)(name, &total.with_unit(*unit))
            }
            StockNote::CountRecorded(n, slip) => (t.count_recorded)(*n, slip),
            StockNote::PastBestBefore(name, date) => {
                (t.past_best_before)(name, &format::date(*date, lang))
            }
            StockNote::ReturnFromExpiry(producer, n) => (t.return_from_expiry)(producer, *n),
            StockNote::BadExpiryDays => (t.bad_expiry_days)(crate::domain::MAX_EXPIRY_DAYS),
        }
    }
}
