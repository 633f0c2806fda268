//! Printouts: each one (receipt today; intake, return and settlement slips, day-close reports
//! next) is built once as a `Document` saying what it holds, then rendered for its medium.

mod document;
mod file;
pub mod format;
mod receipt;
mod report;
mod settlement;
mod slips;
mod text;

pub use crate::domain::ShopHeader;
pub use document::{Align, Block, Column, Document, Signature, Table};
pub use file::{printouts_dir, write_printout};
pub use receipt::receipt;
pub use report::{REPORT_WIDTH, day_report, day_report_text};
pub use settlement::{
    payout_file_name, payout_slip, settlement_file_name, settlement_slip, statement,
};
pub use slips::{slip_file_name, stock_slip};
pub use text::{MIN_WIDTH, render_text};
