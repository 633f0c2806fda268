//! The till's day and its money: opening and closing the day, cash in and out of the drawer,
//! and paying producers what they are owed.

use crate::startup;
use chrono::NaiveDateTime;

use super::Runtime;
use super::failure::failed;
use crate::domain::{CashCount, CashDirection, DayStatus, Payout, PayoutMethod, Rupiah};
use crate::ledger::LedgerError;
use crate::print;
use crate::ui::{Effect, FailedEffect, Msg, PayoutLists};

impl Runtime {
    pub(super) fn open_day(&mut self, attendant: &str, float: Rupiah, now: NaiveDateTime) -> Msg {
        match self.ledger.open_day(now.date(), attendant, float, now) {
            // Opened: a day whose figures cannot be read back is still open, and new.
            Ok(day) => Msg::DayOpened(self.ledger.open_day_status().ok().flatten().unwrap_or(
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
    pub(super) fn reopen_day(&mut self, reason: &str, now: NaiveDateTime) -> Msg {
        let reopened = self
            .ledger
            .reopen_day(reason, now)
            .and_then(|_| self.ledger.open_day_status());
        match reopened {
            Ok(Some(status)) => Msg::DayReopened(status),
            Ok(None) => failed(FailedEffect::OpenDay, LedgerError::NoOpenDay),
            Err(e) => failed(FailedEffect::OpenDay, e),
        }
    }

    pub(super) fn close_day(
        &mut self,
        count: CashCount,
        reason: String,
        now: NaiveDateTime,
    ) -> Vec<Msg> {
        let attendant = self.actor();
        let closed = self.ledger.close_day(&count, &reason, &attendant, now);
        match closed {
            // Closed: the report follows; a report that cannot be written is said,
            // and can be printed again from `pojok report day`.
            Ok(day) => {
                let report = self.write_day_report(day.date);
                let reported = report.is_ok();
                let backup = startup::backup_at_close(&self.ledger, now.date(), self.receipt_lang);
                let mut replies = vec![Msg::DayClosed, Msg::ZReport(report)];
                // Where the backup went replaces the report's path; a failure of either is
                // never hidden by the other's success.
                if reported || backup.is_warning() {
                    replies.push(Msg::File(backup));
                }
                replies
            }
            // Off by more than the shop's threshold: the manager's approval first.
            Err(LedgerError::NeedsApproval(_)) => {
                vec![Msg::ApprovalNeeded(Box::new(Effect::CloseDay {
                    count,
                    reason,
                }))]
            }
            Err(e) => vec![failed(FailedEffect::CloseDay, e)],
        }
    }

    /// The open day's report for the close screen, then the producers' balances: only a
    /// reminder, so without them the close goes on as it is.
    pub(super) fn load_close(&self) -> Vec<Msg> {
        let mut replies = vec![self.close_report()];
        replies.extend(
            self.ledger
                .till_rules()
                .ok()
                .map(|rules| Msg::CloseThreshold(rules.close_approval_above)),
        );
        replies.extend(
            self.ledger
                .producer_balances()
                .ok()
                .map(Msg::BalancesAtClose),
        );
        replies
    }

    /// The open day's report, for the close screen.
    fn close_report(&self) -> Msg {
        let report = self
            .ledger
            .open_day_status()
            .and_then(|status| match status {
                Some(status) => self.ledger.day_report(status.day.date),
                None => Err(LedgerError::NoOpenDay),
            });
        match report {
            Ok(Some(report)) => Msg::CloseLoaded(Box::new(report)),
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
    ) -> Msg {
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
                Msg::CashMoved { cash_move, slip }
            }
            Err(e) => failed(FailedEffect::Till, e),
        }
    }

    pub(super) fn load_payouts(&self) -> Msg {
        self.payout_lists()
            .map(|(balances, days)| Msg::PayoutsLoaded { balances, days })
            .unwrap_or_else(|e| failed(FailedEffect::LoadPayouts, e))
    }

    pub(super) fn pay_producer(
        &mut self,
        code: &str,
        method: PayoutMethod,
        amount: Rupiah,
        note: &str,
        now: NaiveDateTime,
    ) -> Msg {
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
    fn payout_recorded(&mut self, payout: Payout) -> Msg {
        let document = print::payout_slip(&payout, &self.shop, self.receipt_lang);
        let slip = self.file_printout(&document, payout.date, &print::payout_file_name(&payout));
        Msg::PayoutRecorded {
            payout,
            slip,
            balances: self.payout_lists().ok(),
        }
    }
}
