//! Every user-facing sentence, once per language: Bahasa Indonesia first, English second.
//! Each area is one struct in its own file under `strings/`, its Indonesian and English values
//! next to each other; each language is one value of the same struct, so a missing translation
//! does not compile. Sentences that take values are plain functions (`fn(..) -> String`).
//! `Lang::text()` gathers the areas below; the others have their own (`Lang::undo()`, ...).

mod audit;
mod cli;
mod failure;
mod glance;
mod help;
mod import;
mod keys;
mod labels;
mod lang;
mod layout;
mod ledger_file;
mod office;
mod plural;
mod print;
mod printer;
mod product_field;
mod queue;
mod settle;
mod stock_count;
mod till;
mod trust;
mod ui;
mod undo;
mod verify;
mod witness;
pub use cli::CliText;
pub use failure::FailureText;
pub use glance::GlanceText;
pub use help::HelpText;
pub use import::ImportText;
pub use keys::KeyText;
pub use labels::LabelText;
pub use lang::Lang;
pub use layout::LayoutText;
pub use ledger_file::LedgerFileText;
pub use office::OfficeText;
pub use print::PrintText;
pub use printer::{FileText, IoText, PrintErrorText, PrinterText};
pub use product_field::ProductFieldText;
pub use queue::QueueText;
pub use settle::SettleText;
pub use stock_count::StockCountText;
pub use till::{TillFailureText, TillText};
pub use trust::{ApprovalText, TrustFailureText, TrustKeys, TrustText};
pub use ui::UiText;
pub use undo::UndoText;
pub use verify::VerifyText;
pub use witness::WitnessText;

impl Lang {
    pub fn text(self) -> &'static Strings {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

/// One language's sentences, area by area.
pub struct Strings {
    pub ui: UiText,
    pub print: PrintText,
    pub cli: CliText,
    pub import: ImportText,
    pub printer: PrinterText,
    pub verify: VerifyText,
    pub settle: SettleText,
    pub till: TillText,
    pub office: OfficeText,
    pub witness: WitnessText,
}

pub static ID: Strings = Strings {
    ui: ui::ID,
    print: print::ID,
    cli: cli::ID,
    import: import::ID,
    printer: printer::ID,
    verify: verify::ID,
    settle: settle::ID,
    till: till::ID,
    office: office::ID,
    witness: witness::ID,
};

pub static EN: Strings = Strings {
    ui: ui::EN,
    print: print::EN,
    cli: cli::EN,
    import: import::EN,
    printer: printer::EN,
    verify: verify::EN,
    settle: settle::EN,
    till: till::EN,
    office: office::EN,
    witness: witness::EN,
};
