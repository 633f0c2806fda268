//! The Windows print spooler: a thermal printer installed with its driver (`POS-58`) takes
//! the ESC/POS bytes as a RAW job by the printer's name, and the printers installed are
//! listed for the settings screen. Only compiled on Windows.

use std::ffi::OsStr;
use std::os::windows::ffi::OsStrExt;
use std::ptr;

use windows_sys::Win32::Foundation::{
    ERROR_INSUFFICIENT_BUFFER, ERROR_INVALID_PRINTER_NAME, GetLastError,
};
use windows_sys::Win32::Graphics::Printing::{
    ClosePrinter, DOC_INFO_1W, EndDocPrinter, EndPagePrinter, EnumPrintersW, GetDefaultPrinterW,
    OpenPrinterW, PRINTER_ENUM_CONNECTIONS, PRINTER_ENUM_LOCAL, PRINTER_HANDLE, PRINTER_INFO_4W,
    StartDocPrinterW, StartPagePrinter, WritePrinter,
};

/// What the print queue shows as the job's name.
pub const DOCUMENT_NAME: &str = "pojok";
/// The driver passes RAW data to the printer untouched: ESC/POS goes through as it is.
pub const DATATYPE: &str = "RAW";
/// WritePrinter takes at most `u32::MAX` bytes a call; slips are far smaller, but a long
/// report is still written in pieces the driver is known to take.
const CHUNK: usize = 64 * 1024;

/// `text` as a NUL-terminated UTF-16 string for the Win32 API.
pub fn wide(text: &str) -> Vec<u16> {
    OsStr::new(text).encode_wide().chain([0]).collect()
}

/// The strings a job's `DOC_INFO_1W` points at: the document's name and the RAW datatype,
/// and no output file (the printer itself, not a file, gets the job).
pub struct DocInfo {
    name: Vec<u16>,
    datatype: Vec<u16>,
}

impl DocInfo {
    pub fn new(name: &str) -> DocInfo {
        DocInfo {
            name: wide(name),
            datatype: wide(DATATYPE),
        }
    }

    /// Valid as long as `self` is.
    fn raw(&mut self) -> DOC_INFO_1W {
        DOC_INFO_1W {
            pDocName: self.name.as_mut_ptr(),
            pOutputFile: ptr::null_mut(),
            pDatatype: self.datatype.as_mut_ptr(),
        }
    }
}

/// The pieces `bytes` is handed to the spooler in, in order.
pub fn chunks(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    bytes.chunks(CHUNK)
}

/// Sends `bytes` as one RAW job to the Windows printer named `printer`.
/// The error is the system's; the printer module says it in the UI's words.
pub fn send_raw(printer: &str, bytes: &[u8]) -> std::io::Result<()> {
    Printer::open(printer)?.job(&mut DocInfo::new(DOCUMENT_NAME), bytes)
}

/// An open printer handle, closed when dropped.
struct Printer(PRINTER_HANDLE);

impl Printer {
    fn open(name: &str) -> std::io::Result<Printer> {
        let name = wide(name);
        let mut handle = PRINTER_HANDLE::default();
        // SAFETY: `name` is NUL-terminated and outlives the call; `handle` is written on success.
        let ok = unsafe { OpenPrinterW(name.as_ptr(), &mut handle, ptr::null()) };
        if ok == 0 {
            return Err(last_problem());
        }
        Ok(Printer(handle))
    }

    /// One document of one page holding `bytes`; a job that fails midway is ended, so it
    /// does not block the queue.
    fn job(&self, info: &mut DocInfo, bytes: &[u8]) -> std::io::Result<()> {
        let raw = info.raw();
        // SAFETY: the handle is open; `raw` points into `info`, alive for the call.
        if unsafe { StartDocPrinterW(self.0, 1, &raw) } == 0 {
            return Err(last_problem());
        }
        let written = self.pages(bytes);
        // SAFETY: a document was started on this open handle.
        let ended = unsafe { EndDocPrinter(self.0) } != 0;
        written?;
        if ended { Ok(()) } else { Err(last_problem()) }
    }

    fn pages(&self, bytes: &[u8]) -> std::io::Result<()> {
        // SAFETY: a document is started on this open handle.
        if unsafe { StartPagePrinter(self.0) } == 0 {
            return Err(last_problem());
        }
        let written = chunks(bytes).try_for_each(|chunk| self.write(chunk));
        // SAFETY: a page was started.
        unsafe { EndPagePrinter(self.0) };
        written
    }

    fn write(&self, mut chunk: &[u8]) -> std::io::Result<()> {
        while !chunk.is_empty() {
            let mut done = 0u32;
            // SAFETY: `chunk` is alive and at most `CHUNK` long, so its length fits a u32.
            let ok = unsafe {
                WritePrinter(self.0, chunk.as_ptr().cast(), chunk.len() as u32, &mut done)
            };
            if ok == 0 || done == 0 {
                return Err(last_problem());
            }
            chunk = &chunk[done as usize..];
        }
        Ok(())
    }
}

impl Drop for Printer {
    fn drop(&mut self) {
        // SAFETY: the handle was opened by OpenPrinterW and is closed once.
        unsafe { ClosePrinter(self.0) };
    }
}

fn last_problem() -> std::io::Error {
    // SAFETY: reads the calling thread's last error code.
    let code = unsafe { GetLastError() };
    // A printer name Windows does not know is a missing device, as a wrong path is.
    if code == ERROR_INVALID_PRINTER_NAME {
        return std::io::ErrorKind::NotFound.into();
    }
    std::io::Error::from_raw_os_error(code as i32)
}

/// The printers installed on this PC and those connected from the network, by name, in the
/// spooler's order; none when the spooler cannot be asked.
pub fn printers() -> Vec<String> {
    let flags = PRINTER_ENUM_LOCAL | PRINTER_ENUM_CONNECTIONS;
    let (mut needed, mut count) = (0u32, 0u32);
    // SAFETY: a size query: no buffer, the sizes are written to the two counters.
    unsafe {
        EnumPrintersW(
            flags,
            ptr::null(),
            4,
            ptr::null_mut(),
            0,
            &mut needed,
            &mut count,
        )
    };
    if needed == 0 {
        return Vec::new();
    }
    // PRINTER_INFO_4W holds pointers: the buffer must be aligned for them.
    let words = (needed as usize).div_ceil(size_of::<u64>());
    let mut buffer = vec![0u64; words];
    // SAFETY: the buffer is `needed` bytes or more, aligned for PRINTER_INFO_4W.
    let ok = unsafe {
        EnumPrintersW(
            flags,
            ptr::null(),
            4,
            buffer.as_mut_ptr().cast(),
            needed,
            &mut needed,
            &mut count,
        )
    };
    if ok == 0 {
        return Vec::new();
    }
    let infos = buffer.as_ptr().cast::<PRINTER_INFO_4W>();
    (0..count as usize)
        // SAFETY: the spooler wrote `count` records at the buffer's start, their strings after.
        .filter_map(|i| unsafe { from_wide((*infos.add(i)).pPrinterName) })
        .collect()
}

/// The printer Windows prints to when none is named.
pub fn default_printer() -> Option<String> {
    let mut size = 0u32;
    // SAFETY: a size query; fails with ERROR_INSUFFICIENT_BUFFER and writes the size.
    let asked = unsafe { GetDefaultPrinterW(ptr::null_mut(), &mut size) };
    // SAFETY: reads the calling thread's last error code.
    if asked != 0 || unsafe { GetLastError() } != ERROR_INSUFFICIENT_BUFFER {
        return None;
    }
    let mut name = vec![0u16; size as usize];
    // SAFETY: the buffer holds `size` UTF-16 units, as asked for.
    let ok = unsafe { GetDefaultPrinterW(name.as_mut_ptr(), &mut size) };
    if ok == 0 {
        return None;
    }
    // SAFETY: the buffer is NUL-terminated by the call.
    unsafe { from_wide(name.as_mut_ptr()) }
}

/// A NUL-terminated UTF-16 string from the API, unless it is null or empty.
unsafe fn from_wide(text: *const u16) -> Option<String> {
    if text.is_null() {
        return None;
    }
    // SAFETY: the caller passes a NUL-terminated string.
    let len = (0..).take_while(|&i| unsafe { *text.add(i) } != 0).count();
    // SAFETY: `len` units were just read.
    let units = unsafe { std::slice::from_raw_parts(text, len) };
    Some(String::from_utf16_lossy(units)).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a `DOC_INFO_1W` points at, read back as the spooler reads it.
    fn read_back(info: &mut DocInfo) -> (Option<String>, bool, Option<String>) {
        let raw = info.raw();
        // SAFETY: the pointers point into `info`, NUL-terminated.
        unsafe {
            (
                from_wide(raw.pDocName),
                raw.pOutputFile.is_null(),
                from_wide(raw.pDatatype),
            )
        }
    }

    #[test]
    fn the_job_is_raw_named_and_goes_to_the_printer_not_a_file() {
        let mut info = DocInfo::new(DOCUMENT_NAME);
        assert_eq!(
            read_back(&mut info),
            (Some("pojok".into()), true, Some("RAW".into()))
        );
        // A name the queue shows, in any script.
        let mut info = DocInfo::new("Struk 0007 — Bu Siti");
        assert_eq!(
            read_back(&mut info).0.as_deref(),
            Some("Struk 0007 — Bu Siti")
        );
    }

    #[test]
    fn the_bytes_reach_the_spooler_whole_and_in_order() {
        // A report longer than one piece, with every byte value (ESC/POS is binary).
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let pieces: Vec<&[u8]> = chunks(&bytes).collect();
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| !p.is_empty() && p.len() <= CHUNK));
        assert_eq!(pieces.concat(), bytes);
        // A slip with a NUL in it (ESC/POS `GS V 0` cuts) is not cut short.
        let slip = b"\x1b@Rp 9.000\n\x1dV\x00";
        assert_eq!(chunks(slip).collect::<Vec<_>>().concat(), slip);
    }

    #[test]
    fn wide_strings_end_in_one_nul() {
        assert_eq!(
            wide("POS-58"),
            "POS-58\0".encode_utf16().collect::<Vec<_>>()
        );
        // SAFETY: `wide` ends in NUL.
        assert_eq!(
            unsafe { from_wide(wide("Printer Kasir Lt. 2").as_ptr()) }.as_deref(),
            Some("Printer Kasir Lt. 2")
        );
    }

    #[test]
    fn a_printer_that_is_not_installed_is_named_in_the_error() {
        let name = "pojok: no such printer";
        assert!(!printers().iter().any(|p| p == name));
        let refused = send_raw(name, b"\x1b@x").unwrap_err();
        assert_eq!(refused.kind(), std::io::ErrorKind::NotFound, "{refused}");
    }

    #[test]
    fn the_listed_printers_have_names_and_the_default_is_one_of_them() {
        let listed = printers();
        println!(
            "the spooler lists {listed:?}, default {:?}",
            default_printer()
        );
        assert!(listed.iter().all(|p| !p.trim().is_empty()));
        if let Some(default) = default_printer() {
            assert!(listed.contains(&default), "{default} not in {listed:?}");
        }
    }
}
