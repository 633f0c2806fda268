//! The shop's printer settings as data: which thermal printer, on what paper, and how PDFs
//! are printed. Kept in the ledger's settings and sent to by `print::printer`.

use std::path::PathBuf;

/// What kind of thermal printer, and how to reach it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum PrinterKind {
    /// No thermal printer: printouts are only written to the printouts folder.
    #[default]
    None,
    /// A device file (`/dev/usb/lp0`, `COM3`, a shared printer path).
    Device(PathBuf),
    /// A network printer's `host:port` (usually port 9100).
    Network(String),
    /// A command that takes the ESC/POS bytes on its standard input (`lp -d kasir -o raw`).
    Command(String),
    /// A printer installed in Windows with its driver, by its name (`POS-58`): the bytes go
    /// through the Windows spooler as a RAW job.
    Windows(String),
}

/// The thermal paper's width.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    /// 58 mm paper: 32 columns.
    #[default]
    Mm58,
    /// 80 mm paper: 48 columns.
    Mm80,
}

impl Paper {
    pub fn columns(self) -> usize {
        match self {
            Paper::Mm58 => 32,
            Paper::Mm80 => 48,
        }
    }

    pub fn mm(self) -> u16 {
        match self {
            Paper::Mm58 => 58,
            Paper::Mm80 => 80,
        }
    }

    pub fn from_mm(mm: u16) -> Option<Paper> {
        match mm {
            58 => Some(Paper::Mm58),
            80 => Some(Paper::Mm80),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PrinterSettings {
    pub kind: PrinterKind,
    pub paper: Paper,
    /// A command that prints a PDF file, given its path as the last argument
    /// (`lp -d kantor`); `None` leaves PDFs in the printouts folder.
    pub pdf_command: Option<String>,
}

impl PrinterSettings {
    /// Whether a thermal printer is configured at all.
    pub fn has_printer(&self) -> bool {
        self.kind != PrinterKind::None
    }
}

/// Whether `text` is a `host:port` a network printer can be reached at: a host (a name,
/// an IPv4 address or a bracketed IPv6 one) and a port from 1 to 65535.
pub fn valid_host_port(text: &str) -> bool {
    let Some((host, port)) = text.trim().rsplit_once(':') else {
        return false;
    };
    let host_ok = !host.is_empty() && !host.contains(char::is_whitespace);
    let host_ok =
        host_ok && (!host.contains(':') || (host.starts_with('[') && host.ends_with(']')));
    host_ok && port.parse::<u16>().is_ok_and(|p| p > 0)
}
