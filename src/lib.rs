//! pojok: a keyboard-driven kiosk for a Pojok UMKM consignment corner.

pub mod domain;
pub mod strings;
pub mod ui;
