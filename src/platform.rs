//! What differs by operating system outside printing: where the ledger lives by default, and
//! a Windows console that shows UTF-8 (Rupiah amounts, box-drawing lines, ●).

use std::path::{Path, PathBuf};

/// The default ledger: `pojok.db` in a `pojok` folder of the OS data directory —
/// `%APPDATA%\pojok` on Windows, `~/.local/share/pojok` on Linux. Printouts (and backups)
/// go beside it, so one folder holds all the shop's files.
pub fn default_db() -> PathBuf {
    default_db_in(dirs::data_dir().as_deref())
}

fn default_db_in(data_dir: Option<&Path>) -> PathBuf {
    data_dir
        .unwrap_or_else(|| Path::new("."))
        .join("pojok")
        .join("pojok.db")
}

/// Makes the Windows console read and write UTF-8, so what pojok prints and what other
/// programs print in the same window agree on characters beyond ASCII. Elsewhere the
/// terminal already speaks UTF-8. Without a console (output redirected) this changes nothing.
pub fn prepare_console() {
    #[cfg(windows)]
    {
        use windows_sys::Win32::System::Console::{SetConsoleCP, SetConsoleOutputCP};
        // The UTF-8 code page (CP_UTF8 in the Win32 headers).
        const CP_UTF8: u32 = 65001;
        // SAFETY: plain calls without pointers; a failure (no console) leaves the code page.
        unsafe {
            SetConsoleOutputCP(CP_UTF8);
            SetConsoleCP(CP_UTF8);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ledger_sits_in_a_pojok_folder_of_the_data_directory() {
        let data = Path::new("data dir").join("Siti Nurhaliza Ñoño");
        assert_eq!(
            default_db_in(Some(&data)),
            data.join("pojok").join("pojok.db")
        );
        assert_eq!(
            default_db_in(None),
            Path::new(".").join("pojok").join("pojok.db")
        );
    }

    #[cfg(windows)]
    #[test]
    fn on_windows_the_ledger_is_in_appdata() {
        let appdata = std::env::var_os("APPDATA").expect("Windows sets APPDATA");
        let db = default_db();
        assert_eq!(db, Path::new(&appdata).join("pojok").join("pojok.db"));
        assert!(
            db.to_string_lossy().ends_with(r"\pojok\pojok.db"),
            "{}",
            db.display()
        );
        assert_eq!(
            crate::print::printouts_dir(&db),
            Path::new(&appdata).join("pojok").join("printouts")
        );
    }

    #[cfg(windows)]
    #[test]
    fn on_windows_the_console_speaks_utf8_afterwards() {
        use windows_sys::Win32::System::Console::{AllocConsole, GetConsoleOutputCP};
        // A test runs without a console of its own under some runners: give it one.
        // SAFETY: plain calls; AllocConsole fails harmlessly when there is one already.
        unsafe { AllocConsole() };
        // SAFETY: a plain call; 0 means this process has no console at all.
        if unsafe { GetConsoleOutputCP() } == 0 {
            println!("skipped: no console here (Wine without a terminal gives none)");
            return;
        }
        prepare_console();
        // SAFETY: a plain call.
        assert_eq!(unsafe { GetConsoleOutputCP() }, 65001);
    }
}
