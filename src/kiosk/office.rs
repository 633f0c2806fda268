//! The office's reports written at the kiosk on request: the X report (or a closed day's copy),
//! the monthly recap and a producer's statement, each in a file of its own named by the time.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::Runtime;
use super::failure::failure;
use crate::ledger::LedgerError;
use crate::print;
use crate::ui::{Answer, Failure};

impl Runtime {
    /// The day's report on request: an X report while the day is open, a copy of its close
    /// (SALINAN) once closed; in a file of its own named by the time, so no paper is replaced.
    pub(super) fn write_day_report_now(
        &mut self,
        date: NaiveDate,
        now: NaiveDateTime,
    ) -> Result<PathBuf, Failure> {
        let report = self
            .ledger
            .day_report(date)
            .map_err(failure)?
            .ok_or_else(|| failure(LedgerError::UnknownDay(date)))?;
        let office = &self.receipt_lang.text().office;
        let (mark, stem) = if report.closed {
            (office.copy_mark, "tutup-kasir-salinan")
        } else {
            (office.x_report_mark, "laporan-x")
        };
        let doc = print::marked(
            mark,
            print::day_report(&report, &self.shop, self.receipt_lang),
        );
        let name = format!("{stem}-{}.txt", now.format("%H%M%S"));
        self.file_printout(&doc, date, &name)
    }

    /// The monthly recap of `date`'s month, as an A4 PDF beside a text copy.
    pub(super) fn write_recap(
        &mut self,
        date: NaiveDate,
        now: NaiveDateTime,
    ) -> Result<PathBuf, Failure> {
        let from = date.with_day(1).unwrap_or(date);
        let to = last_of_month(date);
        let recap = self.ledger.month_recap(from, to).map_err(failure)?;
        let programme = self.ledger.programme_name().map_err(failure)?;
        let doc = print::month_recap(&recap, &self.shop, programme.as_deref(), self.receipt_lang);
        // Named by the time too: a recap printed again never replaces the earlier paper.
        let named = |extension: &str| {
            print::recap_file_name(&recap, extension).replace(
                &format!(".{extension}"),
                &format!("-{}.{extension}", now.format("%H%M%S")),
            )
        };
        self.file_pdf(std::slice::from_ref(&doc), date, &named("pdf"))?;
        self.write_file(date, &named("txt"), print::render_text(&doc, 48))
    }

    /// A sheet of barcode labels for `producer`'s goods without a maker's barcode, as an A4
    /// PDF in today's folder, named by the producer and the time; the barcodes given on the
    /// way reach the till's catalogue first.
    pub(super) fn write_labels(&mut self, producer: &str, now: NaiveDateTime) -> Vec<Answer> {
        let actor = self.actor();
        let labelled = match self.ledger.label_products(Some(producer), &[], &actor, now) {
            Ok(labelled) => labelled,
            Err(e) => return vec![Answer::OfficePrintout(Err(failure(e)))],
        };
        let labels: Vec<print::Label> = labelled
            .products
            .iter()
            .filter_map(print::Label::of)
            .collect();
        if labels.is_empty() {
            return vec![Answer::OfficePrintout(Err(Failure::NoLabels))];
        }
        let mut answers = Vec::new();
        if labelled.given > 0 {
            answers.push(self.catalogue_changed(Ok(())));
        }
        let name = format!(
            "label-{}-{}.pdf",
            print::safe_code(producer),
            now.format("%H%M%S")
        );
        let written = self.write_file(now.date(), &name, print::label_sheet(&labels));
        if let (Ok(path), Some(_)) = (&written, &self.printer.pdf_command) {
            self.pending_prints.push(super::PrintJob::Pdf(path.clone()));
        }
        answers.push(Answer::OfficePrintout(written));
        answers
    }

    /// A producer's statement from `from` to `to`, as an A4 PDF beside its text, in `to`'s
    /// folder, named by the producer and the time.
    pub(super) fn write_statement(
        &mut self,
        producer: &str,
        from: NaiveDate,
        to: NaiveDate,
        now: NaiveDateTime,
    ) -> Result<PathBuf, Failure> {
        let statement = self.ledger.statement(producer, from, to).map_err(failure)?;
        let doc = print::statement(&statement, &self.shop, self.receipt_lang);
        let stem = format!(
            "rekening-{}-{from}-{to}-{}",
            print::safe_code(&statement.producer_code),
            now.format("%H%M%S")
        );
        self.file_pdf(std::slice::from_ref(&doc), to, &format!("{stem}.pdf"))?;
        self.write_file(to, &format!("{stem}.txt"), print::render_text(&doc, 48))
    }
}

fn last_of_month(date: NaiveDate) -> NaiveDate {
    let first = date.with_day(1).unwrap_or(date);
    first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(date)
}
