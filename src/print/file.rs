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
    temp.write_all(contents.as_ref())?;
    temp.as_file().sync_all()?;
    let mut n = 1;
    let written = loop {
        let candidate = numbered(&target, n);
        if fs::read(&candidate).is_ok_and(|old| old == contents.as_ref()) {
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
    fn writes_into_the_day_folder_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_printout(dir.path(), day(), "struk-7.txt", "TOTAL Rp 9.000\n").unwrap();
        assert_eq!(path, dir.path().join("2026-11-23").join("struk-7.txt"));
        assert_eq!(fs::read_to_string(&path).unwrap(), "TOTAL Rp 9.000\n");

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
        assert_eq!(fs::read_to_string(first).unwrap(), "Rp 80.000\n");
        assert_eq!(fs::read_to_string(second).unwrap(), "Rp 5.000\n");
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
}
