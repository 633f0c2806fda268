//! Stock on the shelf as the runtime records it: levels and the call list, intakes, returns,
//! write-offs and counts, each with its slip.

use std::collections::HashMap;

use chrono::{Local, NaiveDate, NaiveDateTime};

use super::Runtime;
use super::failure::failed;
use crate::domain::{Cart, DocumentKind, Quantity, StockDocument};
use crate::ledger::LedgerError;
use crate::print;
use crate::ui::{Answer, Effect, FailedEffect, StockEntry};

impl Runtime {
    pub(super) fn load_stock(&self) -> Answer {
        let day = match self.ledger.open_day_status() {
            Ok(status) => status.map_or_else(|| Local::now().date_naive(), |s| s.day.date),
            Err(e) => return failed(FailedEffect::LoadStock, e),
        };
        let today = Local::now().date_naive();
        let loaded = || -> Result<Answer, LedgerError> {
            Ok(Answer::StockLoaded {
                lines: self.ledger.stock_levels(Some(day))?,
                calls: self.ledger.call_list()?,
                expiring: self.ledger.expiring_goods(today)?,
                count_corner_bears: self.ledger.till_rules()?.count_corner_bears,
            })
        };
        loaded().unwrap_or_else(|e| failed(FailedEffect::LoadStock, e))
    }

    /// The expiry list's horizon saved; the list is read again by it.
    pub(super) fn set_expiry_days(&mut self, days: u32, now: NaiveDateTime) -> Answer {
        match self.ledger.set_expiry_days(days, now) {
            Ok(()) => self.load_stock(),
            Err(e) => failed(FailedEffect::SaveSettings, e),
        }
    }

    /// A cart saved with more of a product than the last one is that product being sold:
    /// if the oldest delivery of it on the shelf is past its best-before date, the attendant
    /// is told. Never stopped, and a failed read only means no warning.
    pub(super) fn check_shelf_dates(&mut self, cart: &Cart, today: NaiveDate) -> Vec<Answer> {
        let mut now: HashMap<String, Quantity> = HashMap::new();
        for line in &cart.lines {
            now.insert(line.product.code.clone(), line.quantity);
        }
        let before = std::mem::replace(&mut self.shelf_checked, now);
        let mut warnings = Vec::new();
        for line in &cart.lines {
            let code = &line.product.code;
            if before.get(code).is_some_and(|q| *q >= line.quantity) {
                continue;
            }
            if let Ok(Some(best_before)) = self.ledger.oldest_past_its_date(code, today) {
                warnings.push(Answer::PastBestBefore {
                    name: line.product.full_name(),
                    best_before,
                });
            }
        }
        warnings
    }

    pub(super) fn record_stock(&mut self, entry: StockEntry, now: NaiveDateTime) -> Answer {
        let actor = self.actor();
        // A count may turn out to need the manager's approval; it is handed back.
        let count = matches!(entry, StockEntry::Count { .. }).then(|| entry.clone());
        match (self.write_stock_entry(entry, &actor, now), count) {
            (Err(LedgerError::NeedsApproval(_)), Some(count)) => {
                Answer::ApprovalNeeded(Box::new(Effect::RecordStock(count)))
            }
            (recorded, _) => self.stock_recorded(recorded, false),
        }
    }

    pub(super) fn return_daily_goods(&mut self, now: NaiveDateTime) -> Answer {
        let actor = self.actor();
        let note = self.receipt_lang.text().ui.daily_return_note;
        let recorded = self.ledger.return_daily_goods(note, &actor, now);
        self.stock_recorded(recorded, true)
    }

    fn write_stock_entry(
        &mut self,
        entry: StockEntry,
        actor: &str,
        now: NaiveDateTime,
    ) -> Result<Vec<StockDocument>, LedgerError> {
        let one = match entry {
            StockEntry::Count { lines, reason } => {
                return self.ledger.count_stock_many(&lines, &reason, actor, now);
            }
            StockEntry::Intake { producer, lines } => {
                self.ledger.receive_stock(&producer, &lines, actor, now)
            }
            StockEntry::Return {
                producer,
                lines,
                reason,
            } => self
                .ledger
                .return_stock(&producer, &lines, &reason, actor, now),
            StockEntry::WriteOff {
                code,
                quantity,
                reason,
                corner_at_fault,
            } => self
                .ledger
                .write_off(&code, quantity, &reason, corner_at_fault, actor, now),
        };
        one.map(|d| vec![d])
    }

    /// Entries on disk get their slips; a slip that fails is reported, never "not recorded".
    fn stock_recorded(
        &mut self,
        recorded: Result<Vec<StockDocument>, LedgerError>,
        daily: bool,
    ) -> Answer {
        let documents = match recorded {
            Ok(documents) => documents,
            Err(e) => return failed(FailedEffect::RecordStock, e),
        };
        // A count is one slip for all its products, as it was one form.
        let slips = match documents.first() {
            Some(first) if first.kind == DocumentKind::Count => {
                let printout = print::count_slip(&documents, &self.shop, self.receipt_lang);
                let date = first.day_date.unwrap_or(first.at.date());
                vec![self.file_printout(&printout, date, &print::count_slip_file_name(&documents))]
            }
            _ => documents
                .iter()
                .map(|doc| {
                    let printout = print::stock_slip(doc, &self.shop, self.receipt_lang);
                    let date = doc.day_date.unwrap_or(doc.at.date());
                    self.file_printout(&printout, date, &print::slip_file_name(doc))
                })
                .collect(),
        };
        Answer::StockRecorded {
            daily,
            documents,
            slips,
        }
    }
}
