//! Printouts saved as files, one folder per day, so any of them can be printed again later.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// Where printouts go: a `printouts` folder beside the ledger file, one folder per day inside.
pub fn printouts_dir(ledger: &Path) -> PathBuf {
    ledger
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("printouts")
}

/// Writes `contents` (text, or the bytes of a PDF) to `dir/YYYY-MM-DD/name` and returns that path. The file appears whole
/// or not at all: it is written under a temporary name in the same folder, flushed to disk,
/// then renamed over any earlier version. `name` must be a plain file name.
pub fn write_printout(
    dir: &Path,
    date: NaiveDate,
    name: &str,
    contents: impl AsRef<[u8]>,
) -> io::Result<PathBuf> {
    let plain = Path::new(name)
        .file_name()
        .is_some_and(|file| file == name && !name.starts_with('.'));
    if !plain {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("not a plain file name: {name:?}"),
        ));
    }
    let folder = dir.join(date.format("%Y-%m-%d").to_string());
    fs::create_dir_all(&folder)?;
    let target = folder.join(name);
    let mut temp = tempfile::Builder::new()
        .prefix(".printout-")
        .tempfile_in(&folder)?;
    let contents = if name.ends_with(".txt") {
        notepad_text(contents.as_ref())
    } else {
        contents.as_ref().to_vec()
    };
    temp.write_all(&contents)?;
    temp.as_file().sync_all()?;
    temp.persist(&target).map_err(|e| e.error)?;
    sync_folder(&folder);
    Ok(target)
}

/// Text as this system's editor expects it: on Windows every line ends in CR LF, so Notepad
/// (before Windows 10 1809) and a printer's text driver break lines; elsewhere as it is.
pub fn notepad_text(text: &[u8]) -> Vec<u8> {
    if !cfg!(windows) {
        return text.to_vec();
    }
    let mut out = Vec::with_capacity(text.len() + text.len() / 16);
    for (i, &byte) in text.iter().enumerate() {
        if byte == b'\n' && (i == 0 || text[i - 1] != b'\r') {
            out.push(b'\r');
        }
        out.push(byte);
    }
    out
}

/// Makes the rename itself durable. Only Unix can open a directory to sync it; elsewhere
/// (and if this fails) the file is still complete, and a lost rename only costs a reprint.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = fs::File::open(folder) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn text_lines_end_as_the_system_expects() {
        let text = b"TOTAL Rp 9.000\nTUNAI\r\n\n";
        if cfg!(windows) {
            assert_eq!(notepad_text(text), b"TOTAL Rp 9.000\r\nTUNAI\r\n\r\n");
        } else {
            assert_eq!(notepad_text(text), text);
        }
        assert_eq!(
            notepad_text(b"\n"),
            if cfg!(windows) { &b"\r\n"[..] } else { b"\n" }
        );
    }

    #[test]
    fn a_text_printout_is_written_for_notepad_and_a_pdf_byte_for_byte() {
        // A user folder with a space and letters beyond ASCII, as Windows makes them.
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("Bu Siti Ñoño").join("pojok");
        let text = write_printout(&folder, day(), "struk-8.txt", "A\nB\n").unwrap();
        let pdf = write_printout(&folder, day(), "struk-8.pdf", b"%PDF\n\x00\n").unwrap();
        assert_eq!(fs::read(&text).unwrap(), notepad_text(b"A\nB\n"));
        assert_eq!(fs::read(&pdf).unwrap(), b"%PDF\n\x00\n");
    }

    #[test]
    fn writes_into_the_day_folder_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_printout(dir.path(), day(), "struk-7.txt", "TOTAL Rp 9.000\n").unwrap();
        assert_eq!(path, dir.path().join("2026-11-23").join("struk-7.txt"));
        assert_eq!(fs::read(&path).unwrap(), notepad_text(b"TOTAL Rp 9.000\n"));

        let again = write_printout(dir.path(), day(), "struk-7.txt", "DIBATALKAN\n").unwrap();
        assert_eq!(again, path);
        assert_eq!(fs::read(&path).unwrap(), notepad_text(b"DIBATALKAN\n"));

        let names: Vec<String> = fs::read_dir(dir.path().join("2026-11-23"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["struk-7.txt".to_string()]);
    }

    #[test]
    fn refuses_names_that_leave_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "",
            "..",
            "../struk.txt",
            "a/b.txt",
            ".hidden",
            "/etc/passwd",
        ] {
            let err = write_printout(dir.path(), day(), name, "x").unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{name:?}");
        }
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
