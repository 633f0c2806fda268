//! The manager at the command line: a command that writes history asks for a manager's name
//! and PIN (on the terminal without echo, or one line of standard input for scripts) and
//! records its writes under that manager, as the kiosk does.

use std::io::{BufRead, IsTerminal, Write};

use chrono::Local;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::terminal;

use crate::domain::User;
use crate::ledger::{Ledger, LedgerError};
use crate::print::format;
use crate::strings::Lang;

/// Digits typed on the terminal without echo (a `*` each); `None` on Esc or Ctrl+C.
fn read_pin_from_terminal(prompt: &str) -> std::io::Result<Option<String>> {
    let mut err = std::io::stderr();
    write!(err, "{prompt}")?;
    err.flush()?;
    terminal::enable_raw_mode()?;
    let typed = read_digits(&mut err);
    terminal::disable_raw_mode()?;
    writeln!(err)?;
    typed
}

fn read_digits(err: &mut std::io::Stderr) -> std::io::Result<Option<String>> {
    let mut pin = String::new();
    loop {
        let Event::Key(key) = event::read()? else {
            continue;
        };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        match key.code {
            KeyCode::Enter => return Ok(Some(pin)),
            KeyCode::Esc => return Ok(None),
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                return Ok(None);
            }
            KeyCode::Backspace if pin.pop().is_some() => write!(err, "\u{8} \u{8}")?,
            KeyCode::Char(c) if c.is_ascii_digit() && pin.len() < 16 => {
                pin.push(c);
                write!(err, "*")?;
            }
            _ => {}
        }
        err.flush()?;
    }
}

/// One line of standard input, without its line end; `None` at the end of input.
fn read_line() -> Option<String> {
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line.trim_end_matches(['\r', '\n']).to_string()),
    }
}

/// The PIN: asked on the terminal, or read from standard input when that is not one.
pub fn read_pin(prompt: &str) -> Option<String> {
    if std::io::stdin().is_terminal() {
        read_pin_from_terminal(prompt).ok().flatten()
    } else {
        read_line().map(|l| l.trim().to_string())
    }
    .filter(|pin| !pin.is_empty())
}

/// The manager's name: from `--manager`, else asked on the terminal.
fn manager_name(given: Option<&str>, lang: Lang) -> Result<String, String> {
    let t = &lang.text().witness;
    if let Some(name) = given.map(str::trim).filter(|n| !n.is_empty()) {
        return Ok(name.to_string());
    }
    if !std::io::stdin().is_terminal() {
        return Err(t.manager_needed.to_string());
    }
    eprint!("{}", t.manager_prompt);
    let _ = std::io::stderr().flush();
    read_line()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| t.manager_needed.to_string())
}

/// A refusal about the manager or their PIN, in the UI language.
pub fn manager_error(e: LedgerError, name: &str, lang: Lang) -> String {
    let t = &lang.text().witness;
    match e {
        LedgerError::UnknownManagerName => (t.unknown_manager)(name),
        LedgerError::NotAManager(_) | LedgerError::UserInactive(_) => (t.not_a_manager)(name),
        LedgerError::WrongPin { attempts_left } => (t.wrong_pin)(attempts_left),
        LedgerError::LockedOut { until } => (t.locked_out)(&format::date_time(until, lang)),
        other if crate::ledger_file::is_busy(&other) => lang.ledger_file().busy_now.to_string(),
        other => other.to_string(),
    }
}

/// The manager named (or asked for), with their PIN checked (and counted, as at the kiosk):
/// signed in on `ledger`, so what the command writes is recorded under them. Refused with a
/// message in the UI language, having written nothing but the wrong-PIN counter.
pub fn sign_in_manager(
    ledger: &mut Ledger,
    given: Option<&str>,
    lang: Lang,
) -> Result<User, String> {
    signed_in_manager(ledger, given, lang).map(|(user, _)| user)
}

/// As `sign_in_manager`, also handing back the PIN (for what must be wrapped under it).
fn signed_in_manager(
    ledger: &mut Ledger,
    given: Option<&str>,
    lang: Lang,
) -> Result<(User, String), String> {
    let t = &lang.text().witness;
    let name = manager_name(given, lang)?;
    let manager = ledger
        .manager_by_name(&name)
        .map_err(|e| manager_error(e, &name, lang))?;
    let pin = read_pin(&(t.pin_prompt)(&manager.name)).ok_or_else(|| t.no_pin.to_string())?;
    let user = ledger
        .check_pin(manager.id, &pin, Local::now().naive_local())
        .map_err(|e| manager_error(e, &name, lang))?;
    ledger.sign_in(&user);
    Ok((user, pin))
}

/// `pojok recovery-code`: a new one-time recovery code for the manager's PIN (an unused one
/// stops working), shown once on standard output, or written to `out`.
pub fn issue_recovery_code(
    ledger: &mut Ledger,
    given: Option<&str>,
    out: Option<&std::path::Path>,
    lang: Lang,
) -> Result<(), String> {
    let (manager, pin) = signed_in_manager(ledger, given, lang)?;
    let code = ledger
        .issue_recovery_code(manager.id, &pin, Local::now().naive_local())
        .map_err(|e| manager_error(e, &manager.name, lang))?;
    let text = crate::print::render_text(
        &crate::print::recovery_paper(&code, &manager.name, lang),
        48,
    );
    match out {
        None => print!("{text}"),
        Some(path) => {
            let name = path.display().to_string();
            // Paper is never overwritten: an existing file keeps its code.
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .and_then(|mut f| f.write_all(text.as_bytes()))
                .map_err(|e| {
                    (lang.text().import.cannot_write)(&name, &crate::cli_said::os_said(&e, lang))
                })?;
            eprintln!("{}", (lang.text().settle.written)(&name));
        }
    }
    Ok(())
}

/// `pojok recover`: a manager who forgot their PIN sets a new one with the recovery code.
pub fn recover(ledger: &mut Ledger, given: Option<&str>, lang: Lang) -> Result<(), String> {
    let t = &lang.text().witness;
    let name = manager_name(given, lang)?;
    let manager = ledger
        .manager_by_name(&name)
        .map_err(|e| manager_error(e, &name, lang))?;
    let code = read_pin(t.recovery_prompt).ok_or_else(|| t.no_pin.to_string())?;
    let pin = read_pin(t.new_pin_prompt).ok_or_else(|| t.no_pin.to_string())?;
    let again = read_pin(t.new_pin_again).ok_or_else(|| t.no_pin.to_string())?;
    if pin != again {
        return Err(t.pins_differ.to_string());
    }
    ledger
        .recover_manager_pin(manager.id, &code, &pin, Local::now().naive_local())
        .map_err(|e| match e {
            LedgerError::WrongRecoveryCode => t.wrong_recovery_code.to_string(),
            LedgerError::InvalidPin(_) => t.bad_new_pin.to_string(),
            other => manager_error(other, &name, lang),
        })?;
    println!("{}", (t.recovered)(&manager.name));
    Ok(())
}
