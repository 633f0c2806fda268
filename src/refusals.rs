//! The ledger's refusals as the attendant is told them: one map from `LedgerError` to the
//! ui's `Failure`, which `strings` says in the UI language.

use crate::ledger::LedgerError;
use crate::strings::Lang;
use crate::ui::{Answer, FailedEffect, Failure, TillFailure, TrustFailure};

/// A failed effect's answer: which effect, and why in the ui's words.
pub(crate) fn failed(action: FailedEffect, error: LedgerError) -> Answer {
    Answer::Failed {
        action,
        reason: failure(error),
    }
}

/// The ledger's error as the attendant is told it; what has no better words keeps the
/// ledger's own text.
pub(crate) fn failure(error: LedgerError) -> Failure {
    use rusqlite::ErrorCode;
    match error {
        LedgerError::NoOpenDay => Failure::NoOpenDay,
        LedgerError::DayAlreadyOpen { date } => Failure::DayAlreadyOpen(date),
        LedgerError::DayExists { date } => Failure::DayExists(date),
        LedgerError::EmptySale => Failure::EmptySale,
        LedgerError::NotSettled { .. } | LedgerError::InvalidPayment(_) => Failure::NotSettled,
        LedgerError::UnknownSale(_) => Failure::UnknownSale,
        LedgerError::AlreadyVoided(_) => Failure::AlreadyVoided,
        LedgerError::NotOnOpenDay(_) => Failure::NotOnOpenDay,
        LedgerError::EmptyReason => Failure::EmptyReason,
        LedgerError::UnknownProduct(code) => Failure::UnknownProduct(code),
        LedgerError::ProductInactive(code) => Failure::ProductInactive(code),
        LedgerError::ProducerInactive(code) => Failure::ProducerInactive(code),
        LedgerError::ProductOfAnotherProducer { product, producer } => {
            Failure::ProductOfAnotherProducer { product, producer }
        }
        LedgerError::InvalidQuantity { code, problem } => {
            Failure::InvalidQuantity { code, problem }
        }
        LedgerError::EmptyDocument => Failure::EmptyDocument,
        LedgerError::UnknownDocument(id) => Failure::UnknownDocument(id),
        LedgerError::DuplicateCode(code) => Failure::DuplicateCode(code),
        LedgerError::DuplicateBarcode(code) => Failure::DuplicateBarcode(code),
        LedgerError::UnknownProducer(code) => Failure::UnknownProducer(code),
        LedgerError::InvalidProducer(detail) => Failure::InvalidProducer(detail),
        LedgerError::InvalidProduct(detail) => Failure::InvalidProduct(detail),
        LedgerError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
            if matches!(e.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) =>
        {
            Failure::Busy
        }
        LedgerError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
            if e.code == ErrorCode::DiskFull =>
        {
            Failure::DiskFull
        }
        LedgerError::DiskFull => Failure::DiskFull,
        LedgerError::PayoutAboveBalance { producer, owed } => {
            Failure::PayoutAboveBalance { producer, owed }
        }
        LedgerError::InvalidAmount(a) => Failure::Till(TillFailure::InvalidAmount(a)),
        LedgerError::UnknownCustomer(_) => Failure::Till(TillFailure::UnknownCustomer),
        LedgerError::InvalidCustomer(crate::domain::CustomerError::NameEmpty) => {
            Failure::Till(TillFailure::CustomerNameEmpty)
        }
        LedgerError::InvalidCustomer(crate::domain::CustomerError::BadNip) => {
            Failure::Till(TillFailure::BadNip)
        }
        LedgerError::DuplicateNip(nip) => Failure::Till(TillFailure::DuplicateNip(nip)),
        LedgerError::MoreThanOwed { owed } => Failure::Till(TillFailure::MoreThanOwed(owed)),
        LedgerError::CashOutAboveDrawer { holds } => Failure::Till(TillFailure::DrawerHolds(holds)),
        LedgerError::VarianceNeedsReason { variance } => {
            Failure::Till(TillFailure::VarianceNeedsReason(variance))
        }
        LedgerError::SameDayCorrection(_) => Failure::Till(TillFailure::SameDayCorrection),
        LedgerError::NotOnTab(_) => Failure::Till(TillFailure::NotOnTab),
        LedgerError::NotReopenable => Failure::Till(TillFailure::NotReopenable),
        LedgerError::ReturnAboveSold { code, left } => {
            Failure::Till(TillFailure::ReturnAboveSold {
                code,
                left: left.number_text(),
            })
        }
        LedgerError::ReturnedInPart(_) => Failure::Till(TillFailure::ReturnedInPart),
        LedgerError::NothingToReturn | LedgerError::UnknownSaleLine { .. } => {
            Failure::Till(TillFailure::NothingToReturn)
        }
        // Signing in, approvals and users.
        LedgerError::WrongPin { attempts_left } => {
            Failure::Trust(TrustFailure::WrongPin { attempts_left })
        }
        LedgerError::LockedOut { until } => Failure::Trust(TrustFailure::LockedOut { until }),
        LedgerError::InvalidPin(problem) => Failure::Trust(TrustFailure::InvalidPin(problem)),
        LedgerError::PinNotSet(_) => Failure::Trust(TrustFailure::PinNotSet),
        LedgerError::UnknownUser(_) => Failure::Trust(TrustFailure::UnknownUser),
        LedgerError::UserInactive(_) => Failure::Trust(TrustFailure::UserInactive),
        LedgerError::NotAManager(_) => Failure::Trust(TrustFailure::NotAManager),
        LedgerError::DuplicateUserName(name) => Failure::Trust(TrustFailure::DuplicateName(name)),
        LedgerError::EmptyUserName => Failure::Trust(TrustFailure::EmptyName),
        LedgerError::UsersExist => Failure::Trust(TrustFailure::UsersExist),
        LedgerError::LastManager => Failure::Trust(TrustFailure::LastManager),
        LedgerError::NeedsApproval(_) => Failure::Trust(TrustFailure::NeedsApproval),
        other => Failure::Storage(other.to_string()),
    }
}

/// A ledger error in the UI language, as the kiosk says it (the command line says it the
/// same way).
pub fn ledger_error_text(error: LedgerError, lang: Lang) -> String {
    failure(error).text(lang)
}

/// `ledger_error_text` for `map_err`.
pub fn said(lang: Lang) -> impl Fn(LedgerError) -> String {
    move |e| ledger_error_text(e, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::Lang;
    use chrono::NaiveDate;
    use rusqlite::ffi;

    fn sqlite(code: i32) -> LedgerError {
        LedgerError::Sqlite(rusqlite::Error::SqliteFailure(ffi::Error::new(code), None))
    }

    #[test]
    fn catalogue_and_stock_refusals_keep_their_data_and_are_told_in_both_languages() {
        use crate::domain::QuantityError;
        let cases = [
            (
                LedgerError::UnknownProduct("KRP".into()),
                Failure::UnknownProduct("KRP".into()),
            ),
            (
                LedgerError::ProductInactive("KRP".into()),
                Failure::ProductInactive("KRP".into()),
            ),
            (
                LedgerError::ProducerInactive("SRI".into()),
                Failure::ProducerInactive("SRI".into()),
            ),
            (
                LedgerError::ProductOfAnotherProducer {
                    product: "KRP".into(),
                    producer: "SRI".into(),
                },
                Failure::ProductOfAnotherProducer {
                    product: "KRP".into(),
                    producer: "SRI".into(),
                },
            ),
            (
                LedgerError::InvalidQuantity {
                    code: "KRP".into(),
                    problem: QuantityError::NotWhole,
                },
                Failure::InvalidQuantity {
                    code: "KRP".into(),
                    problem: QuantityError::NotWhole,
                },
            ),
            (LedgerError::EmptyDocument, Failure::EmptyDocument),
            (LedgerError::UnknownDocument(9), Failure::UnknownDocument(9)),
            (
                LedgerError::DuplicateCode("SRI".into()),
                Failure::DuplicateCode("SRI".into()),
            ),
            (
                LedgerError::DuplicateBarcode("899123".into()),
                Failure::DuplicateBarcode("899123".into()),
            ),
            (
                LedgerError::UnknownProducer("SRI".into()),
                Failure::UnknownProducer("SRI".into()),
            ),
            (
                LedgerError::InvalidProducer("the name is empty".into()),
                Failure::InvalidProducer("the name is empty".into()),
            ),
            (
                LedgerError::InvalidProduct("KRP: give a producer price".into()),
                Failure::InvalidProduct("KRP: give a producer price".into()),
            ),
        ];
        let mut told = Vec::new();
        for (error, expected) in cases {
            let english_detail = error.to_string();
            let reason = failure(error);
            assert_eq!(reason, expected);
            let id = reason.text(Lang::Id);
            let en = reason.text(Lang::En);
            assert_ne!(id, en, "{reason:?} is told in Indonesian too");
            assert!(
                !id.contains("error") && !en.contains("storage"),
                "{id} / {en}"
            );
            assert!(!id.contains(&english_detail), "{id}");
            told.push(id);
        }
        assert!(
            told[0].contains("KRP") && told[3].contains("SRI"),
            "{told:?}"
        );
        assert!(told[4].contains("satuan utuh"), "{}", told[4]);
        told.sort();
        told.dedup();
        assert_eq!(told.len(), 12, "each refusal has its own sentence");
    }

    #[test]
    fn ledger_errors_become_failures_the_attendant_is_told_in_words() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(failure(LedgerError::NoOpenDay), Failure::NoOpenDay);
        assert_eq!(
            failure(LedgerError::DayAlreadyOpen { date }),
            Failure::DayAlreadyOpen(date)
        );
        assert_eq!(
            failure(LedgerError::DayExists { date }),
            Failure::DayExists(date)
        );
        assert_eq!(
            failure(LedgerError::AlreadyVoided(7)),
            Failure::AlreadyVoided
        );
        assert_eq!(failure(LedgerError::NotOnOpenDay(7)), Failure::NotOnOpenDay);
        assert_eq!(failure(LedgerError::EmptyReason), Failure::EmptyReason);
        assert_eq!(
            failure(LedgerError::InvalidPayment("qris gives no change".into())),
            Failure::NotSettled
        );
        assert_eq!(failure(sqlite(ffi::SQLITE_BUSY)), Failure::Busy);
        assert_eq!(failure(sqlite(ffi::SQLITE_FULL)), Failure::DiskFull);
        // What has no better words keeps the ledger's detail.
        let Failure::Storage(detail) = failure(sqlite(ffi::SQLITE_IOERR)) else {
            panic!("storage failure expected")
        };
        assert!(detail.contains("disk I/O error"), "{detail}");
        let Failure::Storage(detail) = failure(LedgerError::Corrupt("bad draft".into())) else {
            panic!("storage failure expected")
        };
        assert!(detail.contains("bad draft"), "{detail}");
    }
}
