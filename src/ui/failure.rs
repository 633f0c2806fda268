//! Why an effect did not happen: which effect it was, and the refusal as the attendant is
//! told it.

use chrono::NaiveDate;

use super::trust::TrustFailure;
use crate::domain::Rupiah;
use crate::strings::TillFailure;

/// Which effect failed, in `Msg::Failed`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Action {
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
    // Issue 5.
    /// Signing in, at the first start or after a lock.
    SignIn,
    Approve,
    LoadUsers,
    SaveUser,
    LoadHistory,
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
    /// Signing in, approvals and users (issue 5).
    Trust(TrustFailure),
}
