//! The command line: the kiosk by default, and the subcommands an office needs without it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Local, NaiveDate};
use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::demo;
use crate::kiosk::{self, KioskOptions};
use crate::ledger::Ledger;
use crate::print;
use crate::strings::Lang;

#[derive(Parser, Debug)]
#[command(
    name = "pojok",
    version,
    about = "Kiosk kasir Pojok UMKM / Pojok UMKM till"
)]
pub struct Cli {
    /// Ledger file (default: pojok.db in the OS data directory)
    #[arg(long, global = true, env = "POJOK_DB")]
    db: Option<PathBuf>,
    /// Interface language: id (Bahasa Indonesia) or en
    #[arg(long, global = true, env = "POJOK_LANG", value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Name pre-filled in the open-day form
    #[arg(long, global = true, env = "POJOK_ATTENDANT")]
    attendant: Option<String>,
    /// Receipt paper width in mm: 58 (32 columns) or 80 (48 columns)
    #[arg(long, global = true, value_enum, default_value = "58")]
    paper: Paper,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the kiosk on a demo ledger (a throwaway file, or --db PATH seeded if empty)
    Demo,
    /// Reports
    Report {
        #[command(subcommand)]
        report: Report,
    },
}

#[derive(Subcommand, Debug)]
enum Report {
    /// The day's sales, voids, payments and producer shares
    Day {
        /// Business day (YYYY-MM-DD); default: the open day, else today
        #[arg(long)]
        date: Option<NaiveDate>,
        /// Machine-readable JSON instead of a table
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum Paper {
    #[value(name = "58")]
    Mm58,
    #[value(name = "80")]
    Mm80,
}

impl Paper {
    fn columns(self) -> usize {
        match self {
            Paper::Mm58 => 32,
            Paper::Mm80 => 48,
        }
    }
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_code(text).ok_or_else(|| format!("'{text}': use id or en"))
}

/// The default ledger location: the OS data directory, e.g. `~/.local/share/pojok/pojok.db`
/// or `%APPDATA%\pojok\pojok.db`.
fn default_db() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("pojok")
        .join("pojok.db")
}

fn open_ledger(db: &Path, lang: Lang) -> Result<Ledger, String> {
    Ledger::open(db)
        .map_err(|e| (lang.text().cli.cannot_open)(&db.display().to_string(), &e.to_string()))
}

pub fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    // `pojok demo` must never seed the real ledger named in the environment: only a
    // `--db` typed on its command line counts for the demo.
    let db_typed = matches.value_source("db") == Some(ValueSource::CommandLine);
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let lang = cli.lang.unwrap_or_default();
    match run(cli, lang, db_typed) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("pojok: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli, lang: Lang, db_typed: bool) -> Result<ExitCode, String> {
    let options = KioskOptions {
        lang,
        attendant: cli.attendant.clone().unwrap_or_default(),
        receipt_width: cli.paper.columns(),
    };
    match cli.command {
        None => {
            let db = cli.db.unwrap_or_else(default_db);
            let ledger = open_ledger(&db, lang)?;
            kiosk::run(ledger, options).map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Demo) => {
            // The throwaway ledger lives as long as this function: dropped (deleted) after the kiosk exits.
            let scratch;
            let db = match cli.db.filter(|_| db_typed) {
                Some(db) => db,
                None => {
                    scratch = tempfile::tempdir().map_err(|e| e.to_string())?;
                    scratch.path().join("demo.db")
                }
            };
            let mut ledger = open_ledger(&db, lang)?;
            demo::seed(&mut ledger, Local::now().date_naive()).map_err(|e| e.to_string())?;
            kiosk::run(ledger, options).map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Report {
            report: Report::Day { date, json },
        }) => {
            let db = cli.db.unwrap_or_else(default_db);
            // A report never creates a ledger: a mistyped path must not read as "no sales".
            if !db.is_file() {
                return Err((lang.text().cli.no_ledger)(&db.display().to_string()));
            }
            let ledger = open_ledger(&db, lang)?;
            let date = match date {
                Some(date) => date,
                None => ledger
                    .open_day_status()
                    .map_err(|e| e.to_string())?
                    .map(|s| s.day.date)
                    .unwrap_or_else(|| Local::now().date_naive()),
            };
            let Some(report) = ledger.day_report(date).map_err(|e| e.to_string())? else {
                return Err((lang.text().cli.no_business_day)(&print::format::date(
                    date, lang,
                )));
            };
            if json {
                let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
                println!("{text}");
            } else {
                print!("{}", print::day_report_text(&report, lang));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
