//! Why an effect did not happen: which effect it was, and the refusal as the attendant is
//! told it.

use chrono::NaiveDate;

use crate::domain::Rupiah;
use crate::print::{FileError, format};
use crate::strings::Lang;

/// Which effect failed, in `Answer::Failed`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FailedEffect {
    SaveDraft,
    OpenDay,
    CloseDay,
    RecordSale,
    LoadSales,
    VoidSale,
    LoadStock,
    /// An intake, return, write-off or count.
    RecordStock,
    LoadProducts,
    SaveProduct,
    LoadProducers,
    /// Adding, editing or (de)activating a producer.
    SaveProducer,
    LoadSettings,
    SaveSettings,
    LoadPayouts,
    PayProducer,
    WriteSettlements,
    /// Anything of the till's money: loading the close, a cash move, a tab, a correction.
    Till,
    // Who is at the till.
    /// Signing in, at the first start or after a lock.
    SignIn,
    Approve,
    LoadUsers,
    SaveUser,
    LoadHistory,
    LoadGlance,
    LoadDailySales,
    /// Parking a cart, listing or recalling the parked ones.
    Parked,
}

/// Why an effect did not happen, as the attendant is told it (in `strings`, in the UI's
/// language). The runtime maps the ledger's errors onto these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    NoOpenDay,
    /// Another business day, of this date, is still open.
    DayAlreadyOpen(NaiveDate),
    /// This date already had its business day.
    DayExists(NaiveDate),
    EmptySale,
    /// The payments do not pay the total exactly.
    NotSettled,
    UnknownSale,
    AlreadyVoided,
    NotOnOpenDay,
    EmptyReason,
    /// Another program holds the ledger's write lock.
    Busy,
    DiskFull,
    // Catalogue and stock refusals, each with what it was about.
    UnknownProduct(String),
    ProductInactive(String),
    ProducerInactive(String),
    ProductOfAnotherProducer {
        product: String,
        producer: String,
    },
    InvalidQuantity {
        code: String,
        problem: crate::domain::QuantityError,
    },
    EmptyDocument,
    UnknownDocument(i64),
    DuplicateCode(String),
    DuplicateBarcode(String),
    UnknownProducer(String),
    /// The ledger's (English) detail of what is wrong with the producer.
    InvalidProducer(String),
    /// The ledger's (English) detail of what is wrong with the product.
    InvalidProduct(String),
    /// Switching this producer to producer price needs a producer price for each of their
    /// products, which the producers screen does not take.
    ProducerPriceNeeded(String),
    /// Anything else the ledger or the disk reported, in its own (English) words.
    Storage(String),
    /// A payout above what the corner owes the producer: their code and what is owed.
    PayoutAboveBalance {
        producer: String,
        owed: Rupiah,
    },
    /// A refusal about the till's money (amounts, customers, tabs, the count, corrections).
    Till(TillFailure),
    /// Signing in, approvals and users.
    Trust(TrustFailure),
    /// A printout's file could not be written (what it records is on disk all the same).
    File(FileError),
    /// A label sheet asked for where every product carries its maker's barcode.
    NoLabels,
}

/// The till's refusals, as the ledger reports them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TillFailure {
    InvalidAmount(Rupiah),
    UnknownCustomer,
    CustomerNameEmpty,
    BadNip,
    DuplicateNip(String),
    MoreThanOwed(Rupiah),
    /// Cash out above what the drawer should hold: what it holds.
    DrawerHolds(Rupiah),
    VarianceNeedsReason(Rupiah),
    SameDayCorrection,
    NotOnTab,
    /// Only a day closed today, with no day open, can be reopened.
    NotReopenable,
    /// A line returned past what is left of it: its code and what is left, in words.
    ReturnAboveSold {
        code: String,
        left: String,
    },
    ReturnedInPart,
    NothingToReturn,
}

impl Failure {
    /// The refusal in `lang`, to be put into a sentence saying what did not happen.
    pub fn text(&self, lang: Lang) -> String {
        let t = &lang.text().ui.failure;
        match self {
            Failure::NoOpenDay => t.no_open_day.into(),
            Failure::DayAlreadyOpen(date) => (t.day_already_open)(&format::date(*date, lang)),
            Failure::DayExists(date) => (t.day_exists)(&format::date(*date, lang)),
            Failure::EmptySale => t.empty_sale.into(),
            Failure::NotSettled => t.not_settled.into(),
            Failure::UnknownSale => t.unknown_sale.into(),
            Failure::AlreadyVoided => t.already_voided.into(),
            Failure::NotOnOpenDay => t.not_on_open_day.into(),
            Failure::EmptyReason => t.empty_reason.into(),
            Failure::Busy => t.busy.into(),
            Failure::DiskFull => t.disk_full.into(),
            Failure::UnknownProduct(code) => (t.unknown_product)(code),
            Failure::ProductInactive(code) => (t.product_inactive)(code),
            Failure::ProducerInactive(code) => (t.producer_inactive)(code),
            Failure::ProductOfAnotherProducer { product, producer } => {
                (t.product_of_another_producer)(product, producer)
            }
            Failure::InvalidQuantity { code, problem } => (t.invalid_quantity)(code, *problem),
            Failure::EmptyDocument => t.empty_document.into(),
            Failure::UnknownDocument(id) => (t.unknown_document)(*id),
            Failure::DuplicateCode(code) => (t.duplicate_code)(code),
            Failure::DuplicateBarcode(code) => (t.duplicate_barcode)(code),
            Failure::UnknownProducer(code) => (t.unknown_producer)(code),
            Failure::InvalidProducer(detail) => (t.invalid_producer)(detail),
            Failure::InvalidProduct(detail) => (t.invalid_product)(detail),
            Failure::ProducerPriceNeeded(code) => (t.producer_price_needed)(code),
            Failure::Storage(detail) => (t.storage)(detail),
            Failure::PayoutAboveBalance { producer, owed } => {
                (t.payout_above_balance)(producer, *owed)
            }
            Failure::Till(f) => f.text(lang),
            Failure::Trust(reason) => reason.text(lang),
            Failure::File(e) => e.text(lang),
            Failure::NoLabels => lang.labels().none.into(),
        }
    }
}

impl TillFailure {
    pub fn text(&self, lang: Lang) -> String {
        let t = &lang.text().till.failure;
        match self {
            TillFailure::InvalidAmount(a) => (t.invalid_amount)(*a),
            TillFailure::NotReopenable => lang.undo().not_reopenable.into(),
            TillFailure::UnknownCustomer => t.unknown_customer.into(),
            TillFailure::CustomerNameEmpty => t.customer_name_empty.into(),
            TillFailure::BadNip => t.bad_nip.into(),
            TillFailure::DuplicateNip(nip) => (t.duplicate_nip)(nip),
            TillFailure::MoreThanOwed(owed) => (t.more_than_owed)(*owed),
            TillFailure::DrawerHolds(holds) => (t.drawer_holds)(*holds),
            TillFailure::VarianceNeedsReason(v) => (t.variance_needs_reason)(*v),
            TillFailure::SameDayCorrection => t.same_day_correction.into(),
            TillFailure::NotOnTab => t.not_on_tab.into(),
            TillFailure::ReturnAboveSold { code, left } => (t.return_above_sold)(code, left),
            TillFailure::ReturnedInPart => t.returned_in_part.into(),
            TillFailure::NothingToReturn => t.nothing_to_return.into(),
        }
    }
}

impl TrustFailure {
    pub fn text(&self, lang: Lang) -> String {
        let trust = &lang.text().ui.trust;
        let t = &trust.failure;
        match self {
            TrustFailure::WrongPin { attempts_left } => (t.wrong_pin)(*attempts_left),
            TrustFailure::LockedOut { until } => (t.locked_out)(*until),
            TrustFailure::PinNotSet => t.pin_not_set.into(),
            TrustFailure::UserInactive => t.user_inactive.into(),
            TrustFailure::NotAManager => t.not_a_manager.into(),
            TrustFailure::UnknownUser => t.unknown_user.into(),
            TrustFailure::InvalidPin(problem) => (trust.pin_problem)(*problem).into(),
            TrustFailure::UsersExist => t.users_exist.into(),
            TrustFailure::LastManager => t.last_manager.into(),
            TrustFailure::DuplicateName(name) => (t.duplicate_name)(name),
            TrustFailure::EmptyName => t.empty_name.into(),
            TrustFailure::NeedsApproval => t.needs_approval.into(),
        }
    }
}

/// What the approval popup says it is asked for.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ApprovalReason {
    Void,
    Catalogue,
    WriteOff,
    Count,
    Users,
    Payout,
    Correction,
    Settings,
    /// A close whose cash count is off by more than the shop's threshold.
    CloseVariance,
    /// A close confirmed by the manager's PIN rather than a retyped count.
    Close,
    /// Taking back today's close.
    Reopen,
    Other,
    /// Part of a sale taken back: the same approval as a void, in its own words.
    SaleReturn,
}

impl ApprovalReason {
    /// What the manager is asked to approve, as the popup says it.
    pub fn what(self, lang: Lang) -> &'static str {
        let t = &lang.text().ui.trust.approval_what;
        match self {
            ApprovalReason::Void => t.void,
            ApprovalReason::Catalogue => t.catalogue,
            ApprovalReason::WriteOff => t.write_off,
            ApprovalReason::Count => t.count,
            ApprovalReason::Users => t.users,
            ApprovalReason::Payout => t.payout,
            ApprovalReason::Correction => t.correction,
            ApprovalReason::SaleReturn => t.sale_return,
            ApprovalReason::Settings => t.settings,
            ApprovalReason::CloseVariance => t.close_variance,
            ApprovalReason::Close => lang.undo().approval_close,
            ApprovalReason::Reopen => lang.undo().approval_reopen,
            ApprovalReason::Other => t.other,
        }
    }
}

/// Why signing in, an approval or a user change was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrustFailure {
    WrongPin {
        attempts_left: u32,
    },
    LockedOut {
        until: chrono::NaiveDateTime,
    },
    PinNotSet,
    UserInactive,
    NotAManager,
    UnknownUser,
    InvalidPin(crate::domain::PinProblem),
    UsersExist,
    LastManager,
    DuplicateName(String),
    /// A user needs a name.
    EmptyName,
    /// The ledger refused an attendant's entry that needs a manager's approval.
    NeedsApproval,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
/// A field of the product form.
pub enum ProductField {
    Code,
    Barcode,
    Name,
    Variant,
    Unit,
    Price,
    Producer,
    ProducerPrice,
    Minimum,
    Daily,
}

impl ProductField {
    /// The field's label on the form and in its messages.
    pub fn label(self, lang: crate::strings::Lang) -> &'static str {
        let t = &lang.text().ui.product_field;
        match self {
            ProductField::Code => t.code,
            ProductField::Barcode => t.barcode,
            ProductField::Name => t.name,
            ProductField::Variant => t.variant,
            ProductField::Unit => t.unit,
            ProductField::Price => t.price,
            ProductField::Producer => t.producer,
            ProductField::ProducerPrice => t.producer_price,
            ProductField::Minimum => t.minimum,
            ProductField::Daily => t.daily,
        }
    }
}

/// Why the product form cannot be saved yet, with the field it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProductProblem {
    Empty,
    Amount(crate::domain::ParseError),
    Quantity(crate::domain::ParseError, crate::domain::Unit),
    UnknownUnit,
    UnknownProducer,
    /// A price of zero: the ledger takes none, so it is said before any question.
    NotPositive,
}

/// What keeps the settings from being saved or tried.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsProblem {
    NameEmpty,
    TargetEmpty,
    BadHostPort(String),
    /// The idle lock: whole minutes from 1 to `TillRules::MAX_LOCK_MINUTES`.
    BadMinutes,
    BadCloseAbove,
}
