//! Stock on the shelf as the runtime records it: levels and the call list, intakes, returns,
//! write-offs and counts, each with its slip.

use chrono::{Local, NaiveDateTime};

use super::Runtime;
use super::failure::failed;
use crate::domain::StockDocument;
use crate::ledger::LedgerError;
use crate::print;
use crate::ui::{Effect, FailedEffect, Msg, StockEntry};

impl Runtime {
    pub(super) fn load_stock(&self) -> Msg {
        let day = match self.ledger.open_day_status() {
            Ok(status) => status.map_or_else(|| Local::now().date_naive(), |s| s.day.date),
            Err(e) => return failed(FailedEffect::LoadStock, e),
        };
        self.ledger
            .stock_levels(Some(day))
            .and_then(|lines| {
                let rules = self.ledger.till_rules()?;
                Ok((lines, self.ledger.call_list()?, rules.count_corner_bears))
            })
            .map(|(lines, calls, count_corner_bears)| Msg::StockLoaded {
                lines,
                calls,
                count_corner_bears,
            })
            .unwrap_or_else(|e| failed(FailedEffect::LoadStock, e))
    }

    pub(super) fn record_stock(&mut self, entry: StockEntry, now: NaiveDateTime) -> Msg {
        let actor = self.actor();
        // A count may turn out to need the manager's approval; it is handed back.
        let count = matches!(entry, StockEntry::Count { .. }).then(|| entry.clone());
        match (self.write_stock_entry(entry, &actor, now), count) {
            (Err(LedgerError::NeedsApproval(_)), Some(count)) => {
                Msg::ApprovalNeeded(Box::new(Effect::RecordStock(count)))
            }
            (recorded, _) => self.stock_recorded(recorded.map(|d| vec![d])),
        }
    }

    pub(super) fn return_daily_goods(&mut self, now: NaiveDateTime) -> Msg {
        let actor = self.actor();
        let note = self.receipt_lang.text().ui.daily_return_note;
        let recorded = self.ledger.return_daily_goods(note, &actor, now);
        self.stock_recorded(recorded)
    }

    fn write_stock_entry(
        &mut self,
        entry: StockEntry,
        actor: &str,
        now: NaiveDateTime,
    ) -> Result<StockDocument, LedgerError> {
        match entry {
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
            StockEntry::Count {
                code,
                counted,
                reason,
                corner_at_fault,
            } => self
                .ledger
                .count_stock(&code, counted, &reason, corner_at_fault, actor, now),
        }
    }

    /// Entries on disk get their slips; a slip that fails is reported, never "not recorded".
    fn stock_recorded(&mut self, recorded: Result<Vec<StockDocument>, LedgerError>) -> Msg {
        let documents = match recorded {
            Ok(documents) => documents,
            Err(e) => return failed(FailedEffect::RecordStock, e),
        };
        let slips = documents
            .iter()
            .map(|doc| {
                let printout = print::stock_slip(doc, &self.shop, self.receipt_lang);
                let date = doc.day_date.unwrap_or(doc.at.date());
                self.file_printout(&printout, date, &print::slip_file_name(doc))
            })
            .collect();
        Msg::StockRecorded { documents, slips }
    }
}
