//! Printouts saved as files, one folder per day, so any of them can be printed again later.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::strings::Lang;

/// Why a printout's file could not be written: the file's name (short enough for the
/// message line) and what went wrong, said in the UI's language by `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub name: String,
    pub problem: FileProblem,
}

/// What went wrong writing a file, without the system's (English) words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    DiskFull,
    /// No permission to write there, or a read-only disk.
    Denied,
    /// The folder it goes into is not there and cannot be made.
    MissingFolder,
    /// Anything else: its kind and the system's error code (`io_kind`).
    Other(String),
}

impl FileError {
    /// `name`'s write failed with `e`.
    pub fn new(name: &str, e: &io::Error) -> FileError {
        FileError {
            name: name.to_string(),
            problem: FileProblem::from(e),
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        let t = &lang.text().printer.file;
        match &self.problem {
            FileProblem::DiskFull => (t.disk_full)(&self.name),
            FileProblem::Denied => (t.denied)(&self.name),
            FileProblem::MissingFolder => (t.missing_folder)(&self.name),
            FileProblem::Other(kind) => (t.other)(&self.name, kind),
        }
    }
}

impl From<&io::Error> for FileProblem {
    fn from(e: &io::Error) -> FileProblem {
        // ENOSPC on Unix, ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows: older
        // systems report these without the kind.
        let disk_full_code = match e.raw_os_error() {
            Some(code) if cfg!(windows) => code == 112 || code == 39,
            Some(code) => code == 28,
            None => false,
        };
        match e.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => FileProblem::DiskFull,
            _ if disk_full_code => FileProblem::DiskFull,
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                FileProblem::Denied
            }
            io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => FileProblem::MissingFolder,
            // Windows, creating the day's folder where a file of that name stands.
            io::ErrorKind::AlreadyExists if cfg!(windows) => FileProblem::MissingFolder,
            _ => FileProblem::Other(io_kind(e)),
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for FileError {}

/// An io error that no sentence names, as a mark that needs no translation: its kind, and
/// the system's error code when there is one.
pub fn io_kind(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(code) => format!("{:?} {code}", e.kind()),
        None => format!("{:?}", e.kind()),
    }
}

/// Where printouts go: a `printouts` folder beside the ledger file, one folder per day inside.
pub fn printouts_dir(ledger: &Path) -> PathBuf {
    ledger
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("printouts")
}

/// Writes `contents` (text, or the bytes of a PDF) to `dir/YYYY-MM-DD/name` and returns the
/// path written. The file appears whole or not at all: it is written under a temporary name
/// in the same folder, flushed to disk, then renamed. Paper is never overwritten: when
/// `name` exists with other contents (a number printed before a restore, say), the new
/// file is `stem-2.ext`, `stem-3.ext`, …; with the same contents, nothing is written again.
/// `name` must be a plain file name.
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
    let mut n = 1;
    let written = loop {
        let candidate = numbered(&target, n);
        if fs::read(&candidate).is_ok_and(|old| old == contents) {
            return Ok(candidate);
        }
        // No-clobber: a file that appeared meanwhile is not replaced either.
        match temp.persist_noclobber(&candidate) {
            Ok(_) => break candidate,
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => temp = e.file,
            Err(e) => return Err(e.error),
        }
        n += 1;
    };
    sync_folder(&folder);
    Ok(written)
}

/// `struk-0015.txt` for 1, `struk-0015-2.txt` for 2, and so on.
fn numbered(path: &Path, n: u32) -> PathBuf {
    if n == 1 {
        return path.to_path_buf();
    }
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{n}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{n}"),
    };
    path.with_file_name(name)
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

        let names = || {
            let mut names: Vec<String> = fs::read_dir(dir.path().join("2026-11-23"))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        };
        assert_eq!(names(), vec!["struk-7.txt".to_string()]);
        // The same paper again is the same file.
        let same = write_printout(dir.path(), day(), "struk-7.txt", "TOTAL Rp 9.000\n").unwrap();
        assert_eq!(same, path);
        assert_eq!(names(), vec!["struk-7.txt".to_string()]);
    }

    #[test]
    fn an_existing_file_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let first = write_printout(dir.path(), day(), "struk-0015.txt", "Rp 80.000\n").unwrap();
        let second = write_printout(dir.path(), day(), "struk-0015.txt", "Rp 5.000\n").unwrap();
        let third = write_printout(dir.path(), day(), "struk-0015.txt", "Rp 7.000\n").unwrap();
        let folder = dir.path().join("2026-11-23");
        assert_eq!(second, folder.join("struk-0015-2.txt"));
        assert_eq!(third, folder.join("struk-0015-3.txt"));
        assert_eq!(fs::read(first).unwrap(), notepad_text(b"Rp 80.000\n"));
        assert_eq!(fs::read(second).unwrap(), notepad_text(b"Rp 5.000\n"));
        let again = write_printout(dir.path(), day(), "struk-0015.txt", "Rp 5.000\n").unwrap();
        assert_eq!(
            again,
            folder.join("struk-0015-2.txt"),
            "the same paper is found again"
        );
        assert_eq!(fs::read_dir(&folder).unwrap().count(), 3);
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

    /// The system's own problems become kinds the screen says in its language; what has no
    /// sentence keeps only its kind and code, never the system's (English) words.
    #[test]
    fn io_errors_become_file_problems_told_in_both_languages() {
        // Linux codes: ENOSPC, EACCES, EROFS, ENOENT, ENOTDIR.
        #[cfg(target_os = "linux")]
        {
            let cases = [
                (28, FileProblem::DiskFull),
                (13, FileProblem::Denied),
                (30, FileProblem::Denied),
                (2, FileProblem::MissingFolder),
                (20, FileProblem::MissingFolder),
            ];
            for (code, problem) in cases {
                let error = FileError::new("struk-0007.txt", &io::Error::from_raw_os_error(code));
                assert_eq!(error.problem, problem, "os error {code}");
                for lang in [Lang::Id, Lang::En] {
                    let text = error.text(lang);
                    assert!(text.starts_with("struk-0007.txt: "), "{text}");
                    assert!(!text.contains("os error"), "{text}");
                }
            }
        }
        let full = FileError::new("x.pdf", &io::Error::from(io::ErrorKind::StorageFull));
        assert_eq!(
            full.text(Lang::Id),
            "x.pdf: disk penuh; kosongkan ruang disk"
        );
        assert_eq!(full.to_string(), "x.pdf: the disk is full; free some space");
        let odd = FileError::new("x.pdf", &io::Error::other("quota of the moon"));
        assert_eq!(odd.problem, FileProblem::Other("Other".into()));
        assert!(
            !odd.text(Lang::Id).contains("moon"),
            "{}",
            odd.text(Lang::Id)
        );
    }
}
