//! pojok: a keyboard-driven kiosk for a Pojok UMKM consignment corner.

pub mod catalogue_csv;
pub mod cli;
pub mod cli_manager;
pub mod cli_witness;
pub mod demo;
pub mod domain;
pub mod kiosk;
pub mod ledger;
pub mod print;
pub mod strings;
pub mod ui;
