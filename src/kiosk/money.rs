//! The till's day and its money: opening and closing the day, cash in and out of the drawer,
//! and paying producers what they are owed.

use crate::startup;
use chrono::NaiveDateTime;

use super::Runtime;
use super::failure::failed;
use crate::domain::{CashCount, CashDirection, DayStatus, Payout, PayoutMethod, Rupiah};
use crate::ledger::LedgerError;
use crate::print;
use crate::ui::{Answer, Effect, FailedEffect, PayoutLists};

impl Runtime {
    pub(super) fn open_day(
        &mut self,
        attendant: &str,
        float: Rupiah,
        now: NaiveDateTime,
    ) -> Answer {
        match self.ledger.open_day(now.date(), attendant, float, now) {
            // Opened: a day whose figures cannot be read back is still open, and new.
            Ok(day) => Answer::DayOpened(self.ledger.open_day_status().ok().flatten().unwrap_or(
                DayStatus {
                    day,
                    sales: 0,
                    takings: Rupiah::ZERO,
                },
            )),
            Err(e) => failed(FailedEffect::OpenDay, e),
        }
    }

    /// Takes back today's close: the day's figures as they are now, for the till.
    pub(super) fn reopen_day(&mut self, reason: &str, now: NaiveDateTime) -> Answer {
        let reopened = self
            .ledger
            .reopen_day(reason, now)
            .and_then(|_| self.ledger.open_day_status());
        match reopened {
            Ok(Some(status)) => Answer::DayReopened(status),
            Ok(None) => failed(FailedEffect::OpenDay, LedgerError::NoOpenDay),
            Err(e) => failed(FailedEffect::OpenDay, e),
        }
    }

    pub(super) fn close_day(
        &mut self,
        count: CashCount,
        reason: String,
        now: NaiveDateTime,
    ) -> Vec<Answer> {
        let attendant = self.actor();
        let closed = self.ledger.close_day(&count, &reason, &attendant, now);
        match closed {
            // Closed: the report follows; a report that cannot be written is said,
            // and can be printed again from `pojok report day`.
            Ok(day) => {
                let report = self.write_day_report(day.date);
                // Every producer's settlement slip goes with the Z report: the paper they
                // sign for the day.
                let settled =
                    self.write_settlements(day.date, super::printouts::SlipPaper::Original);
                let reported = report.is_ok() && settled.is_ok();
                let checked = startup::check_chain_at_close(&mut self.ledger, now);
                let backup = startup::backup_at_close(&self.ledger, now.date(), self.receipt_lang);
                self.ledger.shed_caches();
                let mut replies = vec![Answer::DayClosed, Answer::ZReport(report)];
                replies.extend(checked.map(Answer::File));
                if settled.is_err() {
                    replies.push(Answer::SettlementsWritten {
                        date: day.date,
                        result: settled,
                    });
                }
                // Where the backup went replaces the report's path; a failure of either is
                // never hidden by the other's success.
                if reported || backup.is_warning() {
                    replies.push(Answer::File(backup));
                }
                replies
            }
            // Off by more than the shop's threshold: the manager's approval first.
            Err(LedgerError::NeedsApproval(_)) => {
                vec![Answer::ApprovalNeeded(Box::new(Effect::CloseDay {
                    count,
                    reason,
                }))]
            }
            Err(e) => vec![failed(FailedEffect::CloseDay, e)],
        }
    }

    /// The open day's report for the close screen, then the producers' balances: only a
    /// reminder, so without them the close goes on as it is.
    pub(super) fn load_close(&self) -> Vec<Answer> {
        let mut replies = vec![self.close_report()];
        replies.extend(
            self.ledger
                .till_rules()
                .ok()
                .map(|rules| Answer::CloseThreshold(rules.close_approval_above)),
        );
        replies.extend(
            self.ledger
                .producer_balances()
                .ok()
                .map(Answer::BalancesAtClose),
        );
        replies
    }

    /// The open day's report, for the close screen.
    fn close_report(&self) -> Answer {
        let report = self
            .ledger
            .open_day_status()
            .and_then(|status| match status {
                Some(status) => self.ledger.day_report(status.day.date),
                None => Err(LedgerError::NoOpenDay),
            });
        match report {
            Ok(Some(report)) => Answer::CloseLoaded(Box::new(report)),
            Ok(None) => failed(FailedEffect::Till, LedgerError::NoOpenDay),
            Err(e) => failed(FailedEffect::Till, e),
        }
    }

    pub(super) fn record_cash_move(
        &mut self,
        direction: CashDirection,
        amount: Rupiah,
        reason: &str,
        now: NaiveDateTime,
    ) -> Answer {
        let actor = self.actor();
        match self
            .ledger
            .record_cash_move(direction, amount, reason, &actor, now)
        {
            // On disk: the slip follows, and a slip that fails is only said.
            Ok(cash_move) => {
                let doc = print::cash_slip(&cash_move, &self.shop, self.receipt_lang);
                let name = print::cash_slip_file_name(&cash_move);
                let slip = self.file_printout(&doc, cash_move.day_date, &name);
                Answer::CashMoved { cash_move, slip }
            }
            Err(e) => failed(FailedEffect::Till, e),
        }
    }

    pub(super) fn load_payouts(&self) -> Answer {
        self.payout_lists()
            .map(|(balances, days)| Answer::PayoutsLoaded { balances, days })
            .unwrap_or_else(|e| failed(FailedEffect::LoadPayouts, e))
    }

    pub(super) fn pay_producer(
        &mut self,
        code: &str,
        method: PayoutMethod,
        amount: Rupiah,
        note: &str,
        now: NaiveDateTime,
    ) -> Answer {
        let actor = self.actor();
        match self
            .ledger
            .pay_producer(code, method, amount, note, &actor, now)
        {
            Ok(payout) => self.payout_recorded(payout),
            Err(e) => failed(FailedEffect::PayProducer, e),
        }
    }

    fn payout_lists(&self) -> Result<PayoutLists, LedgerError> {
        Ok((
            self.ledger.producer_balances()?,
            self.ledger.settlement_days()?,
        ))
    }

    /// A payout on disk gets its slip; a slip that fails is reported, never "not paid".
    fn payout_recorded(&mut self, payout: Payout) -> Answer {
        let document = print::payout_slip(&payout, &self.shop, self.receipt_lang);
        let slip = self.file_printout(&document, payout.date, &print::payout_file_name(&payout));
        Answer::PayoutRecorded {
            payout,
            slip,
            balances: self.payout_lists().ok(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Ledger;
    use crate::strings::Lang;

    /// A till left running overnight starts its next day as lean as its first: what the
    /// close's paper, check and backup read is not kept.
    #[test]
    fn the_close_lets_go_of_the_pages_and_statements_it_read() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        let now = chrono::Local::now().naive_local();
        crate::demo::seed(&mut ledger, now).unwrap();
        let day = ledger
            .open_day_status()
            .unwrap()
            .expect("the demo's day")
            .day;
        let expected = ledger
            .day_report(day.date)
            .unwrap()
            .unwrap()
            .cash
            .expected();
        let mut runtime = Runtime::new(ledger, 32, Lang::Id).unwrap();
        runtime.start(Lang::Id, "Ani".into()).unwrap();
        let replies = runtime.run(Effect::CloseDay {
            count: CashCount::Total(expected),
            reason: String::new(),
        });
        assert!(replies.contains(&Answer::DayClosed), "{replies:?}");
        let (cache, statements) = runtime.ledger.held_by_sqlite();
        assert!(cache < 64 * 1024, "{cache} bytes of pages kept");
        assert_eq!(statements, 0);
    }
}
