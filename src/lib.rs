//! pojok: a keyboard-driven kiosk for a Pojok UMKM consignment corner.

pub mod catalogue_csv;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod kiosk;
pub mod ledger;
pub mod platform;
pub mod print;
pub mod strings;
pub mod ui;
