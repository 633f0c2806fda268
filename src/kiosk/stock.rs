//! Stock on the shelf as the runtime records it: levels and the call list, intakes, returns,
//! write-offs and counts, each with its slip.

use chrono::{Local, NaiveDateTime};

use super::Runtime;
use super::failure::failed;
use crate::domain::{DocumentKind, StockDocument};
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
            .and_then(|lines| Ok((lines, self.ledger.call_list()?)))
            .map(|(lines, calls)| Msg::StockLoaded { lines, calls })
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
            (recorded, _) => self.stock_recorded(recorded),
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
    fn stock_recorded(&mut self, recorded: Result<Vec<StockDocument>, LedgerError>) -> Msg {
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
        Msg::StockRecorded { documents, slips }
    }
}
