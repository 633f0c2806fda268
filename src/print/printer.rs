//! Where printouts go on paper: the printer settings kept in the ledger, and `send`, which
//! hands bytes to a device file, a network printer (host:port) or a spooler command. Every
//! failure is a value the attendant is told in words; none loses a recorded entry, because
//! printing only ever happens after the commit, and the printout file is written first.

use std::fmt;
use std::io::{self, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::document::Document;
use crate::domain::ShopHeader;
pub use crate::domain::{Paper, PrinterKind, PrinterSettings, valid_host_port};
use crate::strings::Lang;

/// How long a network printer may take to answer: the attendant waits for it.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);
const WRITE_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a print command may run before it is given up on (and killed).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(15);

/// What went wrong with the operating system's part of printing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IoProblem {
    NotFound,
    Denied,
    Refused,
    TimedOut,
    /// Anything else: its kind and the system's error code (`io_kind`), never the
    /// system's (English) sentence.
    Other(String),
}

impl From<&io::Error> for IoProblem {
    fn from(e: &io::Error) -> IoProblem {
        match e.kind() {
            io::ErrorKind::NotFound => IoProblem::NotFound,
            io::ErrorKind::PermissionDenied => IoProblem::Denied,
            io::ErrorKind::ConnectionRefused => IoProblem::Refused,
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => IoProblem::TimedOut,
            _ => IoProblem::Other(super::file::io_kind(e)),
        }
    }
}

/// Why a printout did not reach paper. Told in the UI's language by
/// `text`; `Display` gives the English sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrintError {
    /// No thermal printer is configured.
    NotConfigured,
    /// No command to print PDFs is configured.
    NoPdfCommand,
    Device {
        path: String,
        problem: IoProblem,
    },
    /// The network printer could not be reached.
    Connect {
        address: String,
        problem: IoProblem,
    },
    /// It was reached, but stopped taking the printout.
    Send {
        address: String,
        problem: IoProblem,
    },
    /// The print command could not be started.
    Spawn {
        command: String,
        problem: IoProblem,
    },
    /// The print command ended with a failure (its exit code, if it had one).
    CommandFailed {
        command: String,
        code: Option<i32>,
    },
    /// The print command ran too long and was stopped.
    CommandTimedOut {
        command: String,
    },
    /// The Windows spooler did not take the job for the printer of that name.
    Spooler {
        printer: String,
        problem: IoProblem,
    },
}

impl IoProblem {
    pub fn text(&self, lang: Lang) -> String {
        let t = &lang.text().printer.io;
        match self {
            IoProblem::NotFound => t.not_found.into(),
            IoProblem::Denied => t.denied.into(),
            IoProblem::Refused => t.refused.into(),
            IoProblem::TimedOut => t.timed_out.into(),
            IoProblem::Other(detail) => (t.other)(detail),
        }
    }
}

impl PrintError {
    /// Why the printout did not reach paper, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let t = &lang.text().printer.error;
        match self {
            PrintError::NotConfigured => t.not_configured.into(),
            PrintError::NoPdfCommand => t.no_pdf_command.into(),
            PrintError::Device { path, problem } => (t.device)(path, &problem.text(lang)),
            PrintError::Connect { address, problem } => (t.connect)(address, &problem.text(lang)),
            PrintError::Send { address, problem } => (t.send)(address, &problem.text(lang)),
            PrintError::Spawn { command, problem } => (t.spawn)(command, &problem.text(lang)),
            PrintError::CommandFailed { command, code } => (t.command_failed)(command, *code),
            PrintError::CommandTimedOut { command } => (t.command_timed_out)(command),
            PrintError::Spooler { printer, problem } => (t.spooler)(printer, &problem.text(lang)),
        }
    }
}

impl fmt::Display for PrintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for PrintError {}

/// Sends `bytes` (ESC/POS) to the configured thermal printer.
pub fn send(bytes: &[u8], settings: &PrinterSettings) -> Result<(), PrintError> {
    match &settings.kind {
        PrinterKind::None => Err(PrintError::NotConfigured),
        PrinterKind::Device(path) => {
            let device = |e: io::Error| PrintError::Device {
                path: path.display().to_string(),
                problem: IoProblem::from(&e),
            };
            // Never creating: a printer that is unplugged must not turn into a plain file
            // where its device was. Appending keeps jobs whole on a file standing in for a
            // printer; Windows opens ports (`COM3`, `LPT1`) for plain writes only.
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .append(cfg!(unix))
                .open(path)
                .map_err(device)?;
            file.write_all(bytes).map_err(device)?;
            file.flush().map_err(device)
        }
        PrinterKind::Network(address) => send_tcp(address.trim(), bytes),
        PrinterKind::Command(command) => run_command(command, None, Some(bytes)),
        PrinterKind::Windows(name) => send_windows(name.trim(), bytes),
    }
}

#[cfg(windows)]
fn send_windows(name: &str, bytes: &[u8]) -> Result<(), PrintError> {
    super::spooler::send_raw(name, bytes).map_err(|e| PrintError::Spooler {
        printer: name.to_string(),
        problem: IoProblem::from(&e),
    })
}

/// A ledger set up on Windows and opened elsewhere: there is no spooler to reach.
#[cfg(not(windows))]
fn send_windows(name: &str, _bytes: &[u8]) -> Result<(), PrintError> {
    Err(PrintError::Spooler {
        printer: name.to_string(),
        problem: IoProblem::NotFound,
    })
}

/// The printers Windows has installed, by name, the default first; none elsewhere.
pub fn installed_printers() -> Vec<String> {
    #[cfg(windows)]
    {
        let mut printers = super::spooler::printers();
        if let Some(default) = super::spooler::default_printer() {
            printers.retain(|p| *p != default);
            printers.insert(0, default);
        }
        printers
    }
    #[cfg(not(windows))]
    Vec::new()
}

/// Prints a PDF file with the configured PDF command, the file's path as its last argument.
pub fn send_pdf(path: &Path, settings: &PrinterSettings) -> Result<(), PrintError> {
    match settings.pdf_command.as_deref().map(str::trim) {
        Some(command) if !command.is_empty() => run_command(command, Some(path), None),
        _ => Err(PrintError::NoPdfCommand),
    }
}

fn send_tcp(address: &str, bytes: &[u8]) -> Result<(), PrintError> {
    let connect = |problem| PrintError::Connect {
        address: address.to_string(),
        problem,
    };
    let targets: Vec<_> = address
        .to_socket_addrs()
        .map_err(|e| connect(IoProblem::from(&e)))?
        .collect();
    let mut last = IoProblem::NotFound;
    let mut stream = None;
    for target in targets {
        match TcpStream::connect_timeout(&target, CONNECT_TIMEOUT) {
            Ok(s) => {
                stream = Some(s);
                break;
            }
            Err(e) => last = IoProblem::from(&e),
        }
    }
    let mut stream = stream.ok_or_else(|| connect(last))?;
    let sending = |e: io::Error| PrintError::Send {
        address: address.to_string(),
        problem: IoProblem::from(&e),
    };
    stream
        .set_write_timeout(Some(WRITE_TIMEOUT))
        .map_err(sending)?;
    stream.write_all(bytes).map_err(sending)?;
    stream.flush().map_err(sending)?;
    // The printer prints what it has; a refused half-close changes nothing for the slip.
    let _ = stream.shutdown(std::net::Shutdown::Write);
    Ok(())
}

/// Runs `command` through the system's shell, with `file` as its last argument and
/// `input` on its standard input, and waits for it (at most `COMMAND_TIMEOUT`).
fn run_command(command: &str, file: Option<&Path>, input: Option<&[u8]>) -> Result<(), PrintError> {
    let named = || command.to_string();
    let mut shell = shell(command, file);
    shell
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut child = shell.spawn().map_err(|e| PrintError::Spawn {
        command: named(),
        problem: IoProblem::from(&e),
    })?;
    if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
        // A command that exits without reading all of it says so in its exit code.
        let _ = stdin.write_all(bytes);
    }
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                return Err(PrintError::CommandFailed {
                    command: named(),
                    code: status.code(),
                });
            }
            Ok(None) if started.elapsed() < COMMAND_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PrintError::CommandTimedOut { command: named() });
            }
            Err(e) => {
                return Err(PrintError::Spawn {
                    command: named(),
                    problem: IoProblem::from(&e),
                });
            }
        }
    }
}

#[cfg(unix)]
fn shell(command: &str, file: Option<&Path>) -> Command {
    // The path is passed as an argument, never pasted into the command line, so no file
    // name can be read as shell syntax.
    let mut shell = Command::new("sh");
    shell
        .arg("-c")
        .arg(format!("{command} \"$@\""))
        .arg("pojok");
    shell.args(file);
    shell
}

#[cfg(not(unix))]
fn shell(command: &str, file: Option<&Path>) -> Command {
    let mut shell = Command::new("cmd");
    shell.arg("/C").arg(command);
    shell.args(file);
    shell
}

/// The settings screen's test slip: the header as typed, a ruler as wide as the paper (a
/// wrong paper setting shows as a broken ruler), and a line of letters and digits.
pub fn test_slip(shop: &ShopHeader, printer: &PrinterSettings, lang: Lang) -> Document {
    let p = &lang.text().printer;
    let columns = printer.paper.columns();
    let ruler: String = (1..=columns)
        .map(|i| char::from_digit((i % 10) as u32, 10).unwrap_or('0'))
        .collect();
    let mut doc = Document::new();
    shop.add_to(&mut doc);
    doc.rule()
        .mark(p.test_title)
        .text(p.test_body)
        .blank()
        .text(&ruler)
        .pair(p.labels[4], &(p.paper)(printer.paper.mm(), columns))
        .text("ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 Rp 12.345")
        .rule();
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_and_port_are_checked() {
        for good in ["192.168.1.50:9100", "printer.local:9100", "[::1]:9100"] {
            assert!(valid_host_port(good), "{good}");
        }
        for bad in [
            "",
            "9100",
            "printer",
            "printer:",
            ":9100",
            "printer:0",
            "a b:9100",
            "::1:9100",
            "printer:99999",
        ] {
            assert!(!valid_host_port(bad), "{bad}");
        }
    }

    #[test]
    fn paper_widths() {
        assert_eq!(Paper::from_mm(58).map(Paper::columns), Some(32));
        assert_eq!(Paper::from_mm(80).map(Paper::columns), Some(48));
        assert_eq!(Paper::from_mm(76), None);
    }

    #[test]
    fn nothing_configured_is_an_error_not_a_panic() {
        let settings = PrinterSettings::default();
        assert_eq!(send(b"x", &settings), Err(PrintError::NotConfigured));
        assert_eq!(
            send_pdf(Path::new("a.pdf"), &settings),
            Err(PrintError::NoPdfCommand)
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_command_gets_the_bytes_and_a_failing_one_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.bin");
        let settings = PrinterSettings {
            kind: PrinterKind::Command(format!("cat > '{}'", out.display())),
            ..PrinterSettings::default()
        };
        send(b"\x1b@slip", &settings).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"\x1b@slip");

        let failing = PrinterSettings {
            kind: PrinterKind::Command("exit 3".into()),
            ..PrinterSettings::default()
        };
        assert_eq!(
            send(b"x", &failing),
            Err(PrintError::CommandFailed {
                command: "exit 3".into(),
                code: Some(3)
            })
        );
        // The PDF's path arrives as one argument, spaces and all.
        let pdf = dir.path().join("a b.pdf");
        std::fs::write(&pdf, b"%PDF-1.7").unwrap();
        let copy = dir.path().join("copy.pdf");
        let cat = PrinterSettings {
            pdf_command: Some(format!("cat > '{}'", copy.display())),
            ..PrinterSettings::default()
        };
        send_pdf(&pdf, &cat).unwrap();
        assert_eq!(std::fs::read(&copy).unwrap(), b"%PDF-1.7");
    }
}
