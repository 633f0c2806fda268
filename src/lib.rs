//! pojok: a keyboard-driven kiosk for a Pojok UMKM consignment corner.

pub mod catalogue_csv;
pub mod cli;
pub mod cli_help;
pub mod cli_labels;
pub mod cli_manager;
pub mod cli_said;
pub mod cli_witness;
pub mod demo;
pub mod demo_years;
pub mod domain;
pub mod export;
pub mod kiosk;
pub mod ledger;
pub mod ledger_file;
pub mod office;
pub mod platform;
pub mod print;
pub mod refusals;
pub mod sheet;
pub mod startup;
pub mod strings;
pub mod ui;
