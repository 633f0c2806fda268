//! Printouts: each one (receipt today; intake, return and settlement slips, day-close reports
//! next) is built once as a `Document` saying what it holds, then rendered for its medium.

mod document;
mod file;
pub mod format;
mod receipt;
mod report;
mod slips;
mod text;
mod till;

pub use crate::domain::ShopHeader;
pub use document::{Align, Block, Column, Document, Signature, Table};
pub use file::{printouts_dir, write_printout};
pub use receipt::receipt;
pub use report::refund_text;
pub use report::{REPORT_WIDTH, day_report, day_report_text};
pub use slips::{slip_file_name, stock_slip};
pub use text::{MIN_WIDTH, render_text};
pub use till::{cash_slip, cash_slip_file_name, tab_statement, tab_statement_file_name};
