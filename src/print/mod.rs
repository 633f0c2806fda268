//! Printouts: each one (receipt today; intake, return and settlement slips, day-close reports
//! next) is built once as a `Document` saying what it holds, then rendered for its medium:
//! text by width, ESC/POS for a thermal printer, or an A4 PDF (`render`).

mod chart;
mod document;
mod escpos;
mod file;
pub mod format;
mod labels;
mod pdf;
mod printer;
mod recap;
mod receipt;
mod recovery;
mod report;
mod settlement;
mod slips;
#[cfg(windows)]
mod spooler;
mod text;
mod till;

pub use crate::domain::ShopHeader;
pub use chart::{Chart, ChartKind};
pub use document::{Align, Block, Column, Document, Signature, Table};
pub use escpos::{ascii, render_escpos};
pub use file::{FileError, FileProblem, io_kind, notepad_text, printouts_dir, write_printout};
pub use labels::{Label, label_sheet};
pub use pdf::{PDF_COLUMNS, render_pdf};
pub use printer::{
    IoProblem, Paper, PrintError, PrinterKind, PrinterSettings, installed_printers, send, send_pdf,
    test_slip, valid_host_port,
};
pub use recap::{marked, month_recap, recap_file_name};
pub use receipt::{receipt, receipt_copy, return_slip, return_slip_file_name};
pub use recovery::recovery_paper;
pub use report::refund_text;
pub use report::{REPORT_WIDTH, day_report, day_report_text};
pub use settlement::{
    payout_file_name, payout_slip, safe_code, settlement_file_name, settlement_slip, statement,
};
pub use slips::{count_slip, count_slip_file_name, slip_file_name, stock_slip};
pub(crate) use text::wrap;
pub use text::{MIN_WIDTH, render_text};
pub use till::{
    cash_slip, cash_slip_file_name, tab_payment_file_name, tab_payment_receipt, tab_statement,
    tab_statement_file_name,
};

/// What a printout is rendered as.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text for 58 mm paper (32 columns).
    Text58,
    /// Plain text for 80 mm paper (48 columns).
    Text80,
    /// ESC/POS bytes for a 58 mm thermal printer.
    EscPos58,
    /// ESC/POS bytes for an 80 mm thermal printer.
    EscPos80,
    /// An A4 PDF, one document per page (or more, if it is long).
    Pdf,
}

impl Format {
    /// ESC/POS for this paper.
    pub fn escpos(paper: Paper) -> Format {
        match paper {
            Paper::Mm58 => Format::EscPos58,
            Paper::Mm80 => Format::EscPos80,
        }
    }

    /// The file name extension for a printout in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text58 | Format::Text80 => "txt",
            Format::EscPos58 | Format::EscPos80 => "bin",
            Format::Pdf => "pdf",
        }
    }
}

/// The documents rendered as one file or print job. Text puts a line of `=` between
/// documents; ESC/POS cuts after each; a PDF starts each on a new page.
pub fn render(docs: &[Document], format: Format) -> Vec<u8> {
    let text = |width: usize| {
        let parts: Vec<String> = docs.iter().map(|d| render_text(d, width)).collect();
        parts
            .join(&format!("\n{}\n\n", "=".repeat(width)))
            .into_bytes()
    };
    match format {
        Format::Text58 => text(Paper::Mm58.columns()),
        Format::Text80 => text(Paper::Mm80.columns()),
        Format::EscPos58 => render_escpos(docs, Paper::Mm58.columns()),
        Format::EscPos80 => render_escpos(docs, Paper::Mm80.columns()),
        Format::Pdf => render_pdf(docs),
    }
}

/// The shop and the month the printouts' own tests print, one copy for every printout's
/// tests (their snapshots show this header).
#[cfg(test)]
mod fixtures {
    use super::ShopHeader;
    use chrono::NaiveDate;

    pub(crate) fn shop() -> ShopHeader {
        ShopHeader {
            name: "Pojok UMKM Gedung Pandanaran".into(),
            office: "Dinas Koperasi dan UKM Kota Semarang".into(),
            address: "Jl. Pemuda No. 175, Semarang".into(),
        }
    }

    /// `d` November 2026.
    pub(crate) fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_render_to_their_medium() {
        assert_eq!(Format::escpos(Paper::Mm80), Format::EscPos80);
        let mut a = Document::new();
        a.text("A");
        let mut b = Document::new();
        b.text("B");
        let docs = [a, b];
        let text = String::from_utf8(render(&docs, Format::Text58)).unwrap();
        assert_eq!(text, format!("A\n\n{}\n\nB\n", "=".repeat(32)));
        assert!(render(&docs, Format::Pdf).starts_with(b"%PDF-"));
        assert!(render(&docs, Format::EscPos80).starts_with(b"\x1b@"));
    }
}
