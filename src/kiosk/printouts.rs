//! Printouts as the runtime makes them, always after their commit: each slip, receipt and
//! report written to its file in the printouts folder, then queued for the printer, which is
//! sent to only once the screen has shown what happened.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::failure::failure;
use super::{PrintJob, Runtime};
use crate::domain::Sale;
use crate::print::{self, Document, FileError, Format};
use crate::ui::{Answer, App, Failure};

/// Which settlement slips are being written: the open day's preview, the close's
/// originals, or a closed day's copies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SlipPaper {
    Preview,
    Original,
    Copy,
}

impl Runtime {
    /// Sends the printouts waiting for the thermal printer; returns whether there were any.
    /// The first failure is told and the rest are dropped: a printer that is off would only
    /// make the attendant wait once per slip. Every one of them is in its file, and a receipt
    /// can be printed again from the sales list.
    pub fn print_pending(&mut self, app: &mut App) -> bool {
        if self.pending_prints.is_empty() {
            return false;
        }
        for job in std::mem::take(&mut self.pending_prints) {
            let sent = match &job {
                PrintJob::Thermal(bytes) => print::send(bytes, &self.printer),
                PrintJob::Pdf(path) => print::send_pdf(path, &self.printer),
            };
            if let Err(e) = sent {
                self.dispatch(app, Answer::PrintFailed(e));
                break;
            }
        }
        true
    }

    /// Queues a printout for the thermal printer, if there is one.
    pub(super) fn queue_print(&mut self, doc: &Document) {
        if self.printer.has_printer() {
            let format = Format::escpos(self.printer.paper);
            self.pending_prints.push(PrintJob::Thermal(print::render(
                std::slice::from_ref(doc),
                format,
            )));
        }
    }

    /// Writes `contents` to `name` in `date`'s printouts folder. A failure names the file, not
    /// its whole path (the message line is 80 columns), and says what went wrong in words
    /// the screen translates, never the system's English.
    pub(super) fn write_file(
        &mut self,
        date: NaiveDate,
        name: &str,
        contents: impl AsRef<[u8]>,
    ) -> Result<PathBuf, Failure> {
        let path = print::write_printout(&self.printouts, date, name, contents)
            .map_err(|e| Failure::File(FileError::new(name, &e)))?;
        self.note_renamed(name, &path);
        Ok(path)
    }

    /// Remembers to tell the attendant when `path` is not the `name` asked for.
    fn note_renamed(&mut self, name: &str, path: &std::path::Path) {
        let written = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if let Some(written) = written.filter(|w| w != name) {
            self.renamed = Some(crate::ui::FileNote::PaperRenamed(name.to_string(), written));
        }
    }

    /// Writes `doc` as text to `name` in `date`'s printouts folder, then queues it for the
    /// thermal printer: every slip of the kiosk goes this way, after its commit.
    pub(super) fn file_printout(
        &mut self,
        doc: &Document,
        date: NaiveDate,
        name: &str,
    ) -> Result<PathBuf, Failure> {
        let text = print::render_text(doc, self.receipt_width);
        let path = self.write_file(date, name, text)?;
        self.queue_print(doc);
        Ok(path)
    }

    /// Writes `docs` as one A4 PDF (one document per page) to `name` in `date`'s printouts
    /// folder, and queues it for the PDF print command when one is set.
    pub(super) fn file_pdf(
        &mut self,
        docs: &[Document],
        date: NaiveDate,
        name: &str,
    ) -> Result<PathBuf, Failure> {
        let pdf = print::render(docs, Format::Pdf);
        let path = self.write_file(date, name, pdf)?;
        if self.printer.pdf_command.is_some() {
            self.pending_prints.push(PrintJob::Pdf(path.clone()));
        }
        Ok(path)
    }

    /// The customer's tab statement for the month of `now`, written to the printouts folder.
    pub(super) fn write_tab_statement(
        &mut self,
        customer: i64,
        now: NaiveDateTime,
    ) -> Result<PathBuf, Failure> {
        let to = now.date();
        let from = to.with_day(1).unwrap_or(to);
        let statement = self
            .ledger
            .tab_statement(customer, from, to)
            .map_err(failure)?;
        let doc = print::tab_statement(&statement, &self.shop, self.receipt_lang);
        self.file_printout(&doc, to, &print::tab_statement_file_name(&statement))
    }

    /// The day-close (Z) report of `date`, written to the printouts folder.
    /// Also as an A4 PDF for the manager's file, and on the thermal printer.
    pub(super) fn write_day_report(&mut self, date: NaiveDate) -> Result<PathBuf, Failure> {
        let report = self
            .ledger
            .day_report(date)
            .map_err(failure)?
            .ok_or(Failure::NoOpenDay)?;
        let text = print::day_report_text(&report, &self.shop, self.receipt_lang);
        let path = self.write_file(date, "tutup-kasir.txt", text)?;
        let doc = print::day_report(&report, &self.shop, self.receipt_lang);
        self.queue_print(&doc);
        self.file_pdf(std::slice::from_ref(&doc), date, "tutup-kasir.pdf")?;
        Ok(path)
    }

    /// Writes the receipt's file and queues it for the printer, which fails on its own. A
    /// reprint is marked as a copy, in a file of its own beside the original.
    pub(super) fn write_receipt(&mut self, sale: &Sale, copy: bool) -> Result<PathBuf, Failure> {
        let (receipt, name) = if copy {
            (
                print::receipt_copy(sale, &self.shop, self.receipt_lang),
                format!("struk-{:04}-salinan.txt", sale.number),
            )
        } else {
            (
                print::receipt(sale, &self.shop, self.receipt_lang),
                format!("struk-{:04}.txt", sale.number),
            )
        };
        self.file_printout(&receipt, sale.day_date, &name)
    }

    /// A day's settlement slips asked for from the payouts screen: a preview for the open
    /// day, copies for a closed one (its slips were written at its close).
    pub(super) fn settlements_asked(&mut self, date: NaiveDate) -> Answer {
        let closed = self
            .ledger
            .settlement_days()
            .is_ok_and(|days| days.iter().any(|(day, closed)| *day == date && *closed));
        let paper = if closed {
            SlipPaper::Copy
        } else {
            SlipPaper::Preview
        };
        Answer::SettlementsWritten {
            date,
            result: self.write_settlements(date, paper),
        }
    }

    /// Every producer's settlement slip of `date`, a file each in that day's folder.
    /// Also one A4 PDF of them all, a producer per page, for the office printer. The close
    /// writes the originals under the plain names; the open day's previews and a closed
    /// day's copies (marked as such) go to files of their own, so an original's name is
    /// never taken before the close.
    pub(super) fn write_settlements(
        &mut self,
        date: NaiveDate,
        paper: SlipPaper,
    ) -> Result<(usize, PathBuf), Failure> {
        let settlements = self.ledger.settlement_for(date, None).map_err(failure)?;
        if settlements.is_empty() {
            return Ok((0, self.printouts.clone()));
        }
        let lang = self.receipt_lang;
        let mark = lang.text().print.copy_mark;
        let documents: Vec<Document> = settlements
            .iter()
            .map(|s| print::settlement_slip(s, &self.shop, lang))
            .map(|doc| match paper {
                SlipPaper::Copy => print::marked(mark, doc),
                SlipPaper::Preview | SlipPaper::Original => doc,
            })
            .collect();
        let suffix = match paper {
            SlipPaper::Preview => "-pratinjau",
            SlipPaper::Original => "",
            SlipPaper::Copy => "-salinan",
        };
        for (s, document) in settlements.iter().zip(&documents) {
            let name = print::settlement_file_name(s).replace(".txt", &format!("{suffix}.txt"));
            self.file_printout(document, date, &name)?;
        }
        let pdf = self.file_pdf(&documents, date, &format!("bagi-hasil{suffix}.pdf"))?;
        let folder = pdf
            .parent()
            .map_or_else(|| self.printouts.clone(), PathBuf::from);
        Ok((settlements.len(), folder))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{IntakeLine, Product, Quantity};
    use crate::ledger::Ledger;
    use crate::print::PrinterSettings;
    use crate::print::{Paper, PrinterKind};
    use crate::strings::Lang;
    use crate::ui::App;
    use crate::ui::{Effect, StockEntry};
    use chrono::Local;

    /// The kiosk on `ledger`, Ani at its sign-in, and the runtime's replies to an intake of
    /// five of the first active product.
    fn five_of_the_first_product_in(ledger: Ledger) -> (Runtime, App, Product, Vec<Answer>) {
        let mut runtime = Runtime::new(ledger, 32, Lang::Id).unwrap();
        let app = runtime.start(Lang::Id, "Ani".into()).unwrap();
        let product = runtime.ledger.active_products().unwrap().remove(0);
        let replies = runtime.run(Effect::RecordStock(StockEntry::Intake {
            producer: product.producer_code.clone(),
            lines: vec![IntakeLine {
                product_code: product.code.clone(),
                quantity: Quantity::whole(5),
                best_before: None,
            }],
        }));
        (runtime, app, product, replies)
    }

    /// A stock entry's slip goes to the printer too: after the commit, once asked, and as
    /// ESC/POS for the paper set (here a device file standing in for the printer).
    #[test]
    fn a_stock_slip_is_queued_after_the_commit_and_sent_to_the_device() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        crate::demo::seed(&mut ledger, Local::now().naive_local()).unwrap();
        let device = dir.path().join("lp0");
        std::fs::write(&device, b"").unwrap();
        ledger
            .set_printer_settings(
                &PrinterSettings {
                    kind: PrinterKind::Device(device.clone()),
                    paper: Paper::Mm80,
                    pdf_command: None,
                },
                chrono::NaiveDateTime::default(),
            )
            .unwrap();
        let (mut runtime, mut app, product, replies) = five_of_the_first_product_in(ledger);
        assert!(
            matches!(replies.as_slice(), [Answer::StockRecorded { .. }]),
            "{replies:?}"
        );
        assert_eq!(
            std::fs::read(&device).unwrap(),
            b"",
            "nothing before the screen"
        );
        assert!(runtime.print_pending(&mut app));
        let sent = std::fs::read(&device).unwrap();
        assert!(sent.starts_with(b"\x1b@"));
        let text = String::from_utf8_lossy(&sent);
        assert!(text.contains(&product.code), "{text}");
        // 48 columns: the rule under the header is as wide as 80 mm paper.
        assert!(text.contains(&format!("\n{}\n", "-".repeat(48))), "{text}");
        assert!(app.note().is_none_or(|n| !n.is_error()), "{:?}", app.note());
    }

    /// A printouts folder that cannot be made (a file stands where it should be): the entry
    /// is on disk, and its slip's failure names the file, in the UI's language, without the
    /// system's English ("Not a directory (os error 20)").
    #[test]
    fn a_slip_that_cannot_be_written_is_told_in_the_ui_language_naming_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("pojok.db")).unwrap();
        crate::demo::seed(&mut ledger, Local::now().naive_local()).unwrap();
        std::fs::write(dir.path().join("printouts"), b"not a folder").unwrap();
        let (mut runtime, mut app, _, replies) = five_of_the_first_product_in(ledger);
        let [
            Answer::StockRecorded {
                documents, slips, ..
            },
        ] = replies.as_slice()
        else {
            panic!("{replies:?}")
        };
        let name = print::slip_file_name(&documents[0]);
        assert_eq!(
            slips.as_slice(),
            [Err(Failure::File(FileError {
                name: name.clone(),
                problem: print::FileProblem::MissingFolder,
            }))]
        );
        assert_eq!(documents.len(), 1, "the intake is on disk all the same");
        for msg in replies {
            runtime.dispatch(&mut app, msg);
        }
        let note = app.note().expect("the failure is told");
        assert!(note.is_error());
        let id = note.text(Lang::Id);
        let en = note.text(Lang::En);
        assert!(
            id.contains(&name) && id.contains("folder printouts tidak"),
            "{id}"
        );
        assert!(
            en.contains(&name) && en.contains("no printouts folder"),
            "{en}"
        );
        let root = dir.path().to_string_lossy();
        for text in [&id, &en] {
            assert!(
                !text.contains("os error") && !text.contains("directory"),
                "{text}"
            );
            assert!(
                !text.contains(root.as_ref()),
                "the name, not the long path: {text}"
            );
        }
    }
}
