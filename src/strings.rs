//! Every user-facing sentence, once per language: Bahasa Indonesia first, English second.
//! Each language is one value of the same struct, so a missing translation does not compile.
//! Sentences that take values are plain functions (`fn(..) -> String`).

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
pub use witness::WitnessText;

impl Lang {
    pub fn text(self) -> &'static Strings {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

/// `pojok verify`: the file checked end to end. Table names are the ledger's own.
pub struct VerifyText {
    /// Entries chained, the entries per table ("sales 12, sale_lines 30"), the chain head.
    pub clean: fn(i64, &str, &str) -> String,
    pub no_head: &'static str,
    pub integrity: fn(&str) -> String,
    /// Table, id, chain sequence number.
    pub changed: fn(&str, i64, i64) -> String,
    pub missing: fn(&str, i64, i64) -> String,
    pub broken: fn(i64) -> String,
    pub unknown_table: fn(i64, &str) -> String,
    pub unchained: fn(&str, i64) -> String,
    /// Table, id, the check's name (the ledger's), what it found.
    pub invariant: fn(&str, i64, &str, &crate::domain::Broken) -> String,
    pub problems: fn(usize) -> String,
    /// Chain entries checked, entries in all (the progress line on a terminal); once the
    /// chain is done, that the money, stock and file checks go on.
    pub progress: fn(i64, i64) -> String,
    /// The entry a check at a close vouched for (its sequence number) hashes otherwise now.
    pub rewritten_since_check: fn(i64) -> String,
    /// The chain was taken up at the last check at a close: its head and when it was made.
    pub since_check: fn(&str, &str) -> String,
}

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
    verify: VerifyText {
        clean: |n, counts, head| {
            format!("OK: {n} entri dalam rantai hash ({counts}).\nKepala rantai: {head}")
        },
        no_head: "(kosong)",
        integrity: |text| format!("pemeriksaan integritas SQLite: {text}"),
        changed: |table, id, seq| format!("{table} {id}: diubah setelah dicatat (rantai #{seq})"),
        missing: |table, id, seq| format!("{table} {id}: dihapus (rantai #{seq})"),
        broken: |seq| format!("rantai #{seq}: tidak menyambung ke entri sebelumnya"),
        unknown_table: |seq, table| format!("rantai #{seq}: {table} bukan tabel riwayat"),
        unchained: |table, id| {
            format!("{table} {id}: tidak ada dalam rantai (ditambahkan di luar buku kas)")
        },
        invariant: |table, id, check, detail| {
            format!(
                "{table} {id}: {}: {}",
                verify::check_id(check),
                verify::broken_id(detail)
            )
        },
        problems: |n| format!("{n} masalah ditemukan."),
        progress: |done, all| {
            if done < all {
                format!("memeriksa rantai: {done} dari {all} entri")
            } else {
                format!("rantai: {all} dari {all} entri; kini saldo, stok dan berkas…")
            }
        },
        rewritten_since_check: |seq| {
            format!(
                "rantai #{seq}: buku kas ditulis ulang pada atau sebelum entri ini sejak \
                 diperiksa saat tutup hari"
            )
        },
        since_check: |head, at| {
            format!(
                "Rantai diperiksa mulai pemeriksaan saat tutup hari {at} ({head}); \
                 seluruh rantai dari awal: pojok verify --full"
            )
        },
    },
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
    verify: VerifyText {
        clean: |n, counts, head| {
            format!("OK: {n} entries in the hash chain ({counts}).\nChain head: {head}")
        },
        no_head: "(empty)",
        integrity: |text| format!("SQLite integrity check: {text}"),
        changed: |table, id, seq| {
            format!("{table} {id}: changed after it was recorded (chain #{seq})")
        },
        missing: |table, id, seq| format!("{table} {id}: deleted (chain #{seq})"),
        broken: |seq| format!("chain #{seq}: does not follow the entry before it"),
        unknown_table: |seq, table| format!("chain #{seq}: {table} is not a history table"),
        unchained: |table, id| format!("{table} {id}: not in the chain (added outside the ledger)"),
        invariant: |table, id, check, detail| {
            format!("{table} {id}: {check}: {}", verify::broken_en(detail))
        },
        problems: |n| {
            if n == 1 {
                "1 problem found.".to_string()
            } else {
                format!("{n} problems found.")
            }
        },
        progress: |done, all| {
            if done < all {
                format!("checking the chain: {done} of {all} entries")
            } else {
                format!("chain: {all} of {all} entries; now balances, stock and the file…")
            }
        },
        rewritten_since_check: |seq| {
            format!(
                "chain #{seq}: the ledger was rewritten at or before this entry since a close checked it"
            )
        },
        since_check: |head, at| {
            format!(
                "Chain taken up from the check at the day close of {at} ({head}); \
                 the whole chain from its start: pojok verify --full"
            )
        },
    },
    settle: settle::EN,
    till: till::EN,
    office: office::EN,
    witness: witness::EN,
};
