//! How the command line says what went wrong and writes what it makes: the system's and the
//! ledger's refusals in the UI language, and a new file that never overwrites one.

use std::io::Write;
use std::path::Path;

use crate::print;
use crate::strings::Lang;

pub use crate::refusals::said;

/// What the operating system refused, in the UI language (never the system's English).
pub(crate) fn os_said(e: &std::io::Error, lang: Lang) -> String {
    print::IoProblem::from(e).text(lang)
}

/// Creates `path` with `bytes`; refuses, in words, when it is already there.
pub(crate) fn write_new(path: &Path, bytes: &[u8], lang: Lang) -> Result<(), String> {
    let name = path.display().to_string();
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => (lang.text().office.file_exists)(&name),
            _ => (lang.text().import.cannot_write)(&name, &os_said(&e, lang)),
        })?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| (lang.text().import.cannot_write)(&name, &os_said(&e, lang)))
}
