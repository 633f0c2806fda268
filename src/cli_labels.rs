//! `pojok labels`: an A4 sheet of barcode labels for the goods that come without a barcode.
//! An existing file is refused before anything is written; the products still without a
//! barcode are given the corner's own code in one ledger write, then the sheet is written
//! (a sheet that failed to write is made again by running the command again: the codes
//! given are printed every time).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::Local;

use crate::cli_said::{said, write_new};
use crate::ledger_file::writable_ledger;
use crate::print::{Label, label_sheet};
use crate::strings::Lang;

/// What the command line asked for.
pub struct Asked {
    pub producer: Option<String>,
    pub products: Vec<String>,
    pub out: Option<PathBuf>,
    pub manager: Option<String>,
}

pub fn run(db: &Path, asked: Asked, lang: Lang) -> Result<ExitCode, String> {
    let t = lang.labels();
    let mut ledger = writable_ledger(db, lang)?;
    let now = Local::now().naive_local();
    let path = asked
        .out
        .unwrap_or_else(|| PathBuf::from((t.file_name)(&now.date().to_string())));
    if path.exists() {
        return Err((lang.text().office.file_exists)(
            &path.display().to_string(),
        ));
    }
    // Giving barcodes is a catalogue change: the manager's, as an import is.
    let actor = if ledger.has_users().map_err(said(lang))? {
        let manager =
            crate::cli_manager::sign_in_manager(&mut ledger, asked.manager.as_deref(), lang)?;
        eprintln!("{}", (lang.text().witness.signed_by)(&manager.name));
        manager.name
    } else {
        "pojok labels".to_string()
    };
    let labelled = ledger
        .label_products(asked.producer.as_deref(), &asked.products, &actor, now)
        .map_err(said(lang))?;
    if !labelled.makers.is_empty() {
        eprintln!("{}", (t.makers)(&labelled.makers.join(", ")));
    }
    let labels: Vec<Label> = labelled.products.iter().filter_map(Label::of).collect();
    if labels.is_empty() {
        return Err(t.none.to_string());
    }
    write_new(&path, &label_sheet(&labels), lang)?;
    if labelled.given > 0 {
        eprintln!("{}", (t.given)(labelled.given));
    }
    println!("{}", (t.written)(labels.len(), &path.display().to_string()));
    Ok(ExitCode::SUCCESS)
}
