//! The command line: the kiosk by default, and the subcommands an office needs without it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Local, NaiveDate};
use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::catalogue_csv::{self, Checked, IntakeRow, Problem, RowError};
use crate::cli_said::{os_said, said, write_new};
use crate::demo;
use crate::domain::{IntakeLine, NewProducer, NewProduct, StockDocument};
use crate::kiosk::{self, KioskOptions};
use crate::ledger::{
    BatchError, BatchMode, Ledger, LedgerError, Problem as VerifyProblem, RowAction,
};
use crate::ledger_file;
use crate::ledger_file::writable_ledger;
use crate::office;
use crate::print;
use crate::startup;
use crate::strings::{ImportText, Lang};

/// A line to standard output. A reader that went away (`pojok … | head`) ends the command
/// quietly with 141, as Unix tools killed by SIGPIPE do, rather than a panic; whatever the
/// command wrote to the ledger was committed before it printed.
macro_rules! say {
    ($($arg:tt)*) => {
        say_raw(format!("{}\n", format_args!($($arg)*)).as_bytes())
    };
}

fn say_raw(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(141);
        }
        eprintln!("pojok: {e}");
        std::process::exit(1);
    }
}

#[derive(Parser, Debug)]
#[command(
    name = "pojok",
    version,
    about = "The Pojok UMKM till: without a command, the kiosk on the ledger"
)]
pub struct Cli {
    /// Ledger file (default: pojok.db in the OS data directory)
    #[arg(long, global = true, env = "POJOK_DB")]
    db: Option<PathBuf>,
    /// Interface language: id (Bahasa Indonesia) or en
    #[arg(long, global = true, env = "POJOK_LANG", value_parser = parse_lang)]
    lang: Option<Lang>,
    /// User picked first on the sign-in screen (the PIN is still asked)
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
    Demo {
        /// Instead: write N years of a busy corner's history into the new file --db PATH
        /// (120 producers, 600 products, ~300 sales a day), then exit
        #[arg(long)]
        years: Option<u32>,
    },
    /// Reports
    Report {
        #[command(subcommand)]
        report: Report,
    },
    /// Import producers, products or a delivery list from a CSV file (columns: see README)
    Import {
        #[command(subcommand)]
        kind: ImportKind,
    },
    /// Exports: the catalogue as CSV files that import back unchanged; a date range's sales,
    /// lines, payments, stock, payouts, corrections or cash as CSV, xlsx or JSON Lines; the
    /// hash chain as JSON Lines for a central database
    Export {
        #[command(subcommand)]
        kind: ExportKind,
    },
    /// Check the ledger end to end (integrity, hash chain, money and stock); non-zero exit on
    /// any problem; with --head or --against, also against paper and older backups
    Verify(crate::cli_witness::WitnessArgs),
    /// Producers' settlement slips of a business day (closed: final; open: a preview)
    Settlement {
        /// Business day (YYYY-MM-DD or DD-MM-YYYY)
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
        /// Only this producer's slip
        #[arg(long)]
        producer: Option<String>,
        #[command(flatten)]
        output: PrintoutArgs,
    },
    /// A new one-time recovery code for a forgotten manager PIN (asks the manager's PIN; an
    /// unused earlier code stops working)
    RecoveryCode {
        #[arg(long, value_name = "NAME")]
        manager: Option<String>,
        /// Write the code's paper to this new file instead of standard output
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Set a new PIN for a manager who forgot theirs, with the recovery code (once)
    Recover {
        #[arg(long, value_name = "NAME")]
        manager: Option<String>,
    },
    /// A producer's statement over a date range: days, movements, shares, payouts, balance
    Statement {
        #[arg(long)]
        producer: String,
        /// First day (YYYY-MM-DD or DD-MM-YYYY)
        #[arg(long, value_parser = parse_date)]
        from: NaiveDate,
        /// Last day (YYYY-MM-DD or DD-MM-YYYY)
        #[arg(long, value_parser = parse_date)]
        to: NaiveDate,
        #[command(flatten)]
        output: PrintoutArgs,
    },
    /// The monthly recap for the Dinas: per UMKM sales, shares, payouts and balances, with
    /// totals and places to sign
    Recap {
        /// The month: 2026-11 or 11-2026
        #[arg(long)]
        month: String,
        #[arg(long, value_enum, default_value = "pdf")]
        format: office::RecapFormat,
        /// Write to this file (default: rekap-YYYY-MM.pdf or .xlsx in the current folder;
        /// text80 and csv to standard output); an existing file is never overwritten
        #[arg(long)]
        out: Option<PathBuf>,
        /// The programme named on the recap (default: the ledger's setting)
        #[arg(long)]
        programme: Option<String>,
    },
    /// Copy the ledger, checked, into the backup folder (works while the kiosk runs); keeps the
    /// last 14 daily and 12 monthly copies
    Backup {
        /// Backup folder (default: the one set at Ctrl+O, else backups/ beside the ledger)
        #[arg(long, value_name = "FOLDER")]
        to: Option<PathBuf>,
        /// List the backups with their chain heads and check that each still verifies
        #[arg(long)]
        check: bool,
    },
    /// An A4 sheet of barcode labels (code, name, price) for products without a barcode; each
    /// gets an internal EAN-13 code (20…) as its barcode, so the till scans it
    Labels {
        /// Only this producer's products
        #[arg(long, value_name = "CODE")]
        producer: Option<String>,
        /// Only these products (codes separated by commas)
        #[arg(long, value_name = "CODES", value_delimiter = ',')]
        products: Vec<String>,
        #[arg(long, value_enum, default_value = "pdf")]
        format: LabelFormat,
        /// Write to this file (default: label-YYYY-MM-DD.pdf in the current folder); an
        /// existing file is never overwritten
        #[arg(long)]
        out: Option<PathBuf>,
        /// The manager who gives the products their barcodes: their PIN is asked on the
        /// terminal, or read from standard input
        #[arg(long, value_name = "NAME")]
        manager: Option<String>,
    },
    /// Put a backup in place of the ledger: says what would be lost, asks the manager's name
    /// and PIN, and keeps the current file as pojok.db.before-restore-…
    Restore {
        /// The backup file
        file: PathBuf,
    },
}

/// A date range's export: which days, in which form, to where.
#[derive(clap::Args, Debug)]
struct RangeArgs {
    /// First business day (YYYY-MM-DD or DD-MM-YYYY)
    #[arg(long, value_parser = parse_date)]
    from: NaiveDate,
    /// Last business day (YYYY-MM-DD or DD-MM-YYYY)
    #[arg(long, value_parser = parse_date)]
    to: NaiveDate,
    #[arg(long, value_enum, default_value = "csv")]
    format: office::DataFormat,
    /// Write to this file (default: standard output; xlsx to KIND-FROM-TO.xlsx); an
    /// existing file is never overwritten
    #[arg(long)]
    out: Option<PathBuf>,
    /// CSV for Excel with Indonesian settings: semicolons and decimal commas
    #[arg(long)]
    excel_id: bool,
}

/// Where a printout goes and in which form.
#[derive(clap::Args, Debug)]
struct PrintoutArgs {
    #[arg(long, value_enum, default_value = "text58")]
    format: PrintFormat,
    /// Write to this file instead of standard output
    #[arg(long)]
    out: Option<PathBuf>,
}

/// A printout's form: text for 58 mm (32 columns) or 80 mm (48 columns) paper, ESC/POS
/// bytes for a thermal printer (`escpos` on the paper of the kiosk's printer settings), or an
/// A4 PDF with one document per page.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum PrintFormat {
    Text58,
    Text80,
    Escpos,
    Escpos58,
    Escpos80,
    Pdf,
}

impl PrintFormat {
    fn format(self, paper: crate::domain::Paper) -> print::Format {
        match self {
            PrintFormat::Text58 => print::Format::Text58,
            PrintFormat::Text80 => print::Format::Text80,
            PrintFormat::Escpos => print::Format::escpos(paper),
            PrintFormat::Escpos58 => print::Format::EscPos58,
            PrintFormat::Escpos80 => print::Format::EscPos80,
            PrintFormat::Pdf => print::Format::Pdf,
        }
    }
}

/// A label sheet's form: an A4 PDF.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum LabelFormat {
    Pdf,
}

#[derive(Subcommand, Debug)]
enum ImportKind {
    /// code,name,phone,address,account,scheme,rate_percent
    Producers(ImportArgs),
    /// code,barcode,name,variant,unit,price,producer,producer_price,min_stock,daily
    Products(ImportArgs),
    /// producer,code,quantity,best_before: one intake entry per producer
    Intake(ImportArgs),
}

#[derive(clap::Args, Debug)]
struct ImportArgs {
    /// The CSV file (UTF-8, header row first)
    file: PathBuf,
    /// Show what would change; change nothing
    #[arg(long)]
    dry_run: bool,
    /// Import the good rows and report the bad ones (default: any bad row imports nothing)
    #[arg(long)]
    skip_bad: bool,
    /// The manager who makes the change: their PIN is asked on the terminal, or read from
    /// standard input (one line) when that is not a terminal
    #[arg(long, value_name = "NAME")]
    manager: Option<String>,
}

#[derive(Subcommand, Debug)]
enum ExportKind {
    /// producers.csv and products.csv
    Catalogue {
        /// A folder for producers.csv and products.csv, or NAME.csv for NAME-producers.csv
        /// and NAME-products.csv (default: the current folder)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// One row per sale (day and number), voided and corrected ones marked
    Sales(RangeArgs),
    /// One row per sale line: product, producer, quantity, shares
    Lines(RangeArgs),
    /// Payments of sales and of tabs
    Payments(RangeArgs),
    /// Stock moves: intakes, sales, returns, write-offs, counts
    Stock(RangeArgs),
    /// Payouts to producers
    Payouts(RangeArgs),
    /// Corrections of closed days' sales
    Corrections(RangeArgs),
    /// The drawer: opening floats, cash in and out, closing counts
    Cash(RangeArgs),
    /// Every kind above in one xlsx workbook, a sheet each
    All(RangeArgs),
    /// Chained history entries after a sequence number, as JSON Lines (see README)
    History {
        /// Entries after this chain sequence number (0: all)
        #[arg(long, default_value_t = 0)]
        since: i64,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: HistoryFormat,
        /// Write to this file (default: standard output); never overwritten
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum HistoryFormat {
    Jsonl,
}

/// A date as an office writes it: `2026-11-23`, or the Indonesian order `23-11-2026` (also
/// with `/`). Said in the language of the command line when clap refuses it.
fn parse_date(text: &str) -> Result<NaiveDate, crate::cli_help::BadValue> {
    crate::domain::parse_date(text).ok_or_else(|| crate::cli_help::BadValue::Date(text.into()))
}

#[derive(Subcommand, Debug)]
enum Report {
    /// The day's sales, voids, payments and producer shares
    Day {
        /// Business day (YYYY-MM-DD or DD-MM-YYYY); default: the open day, else today
        #[arg(long, value_parser = parse_date)]
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

/// The command line as clap knows it (English, as written above), for its help in tests.
pub fn command() -> clap::Command {
    Cli::command()
}

fn parse_lang(text: &str) -> Result<Lang, crate::cli_help::BadValue> {
    Lang::from_code(text).ok_or_else(|| crate::cli_help::BadValue::Lang(text.into()))
}

/// The default ledger location: the OS data directory, e.g. `~/.local/share/pojok/pojok.db`
/// or `%APPDATA%\pojok\pojok.db`.
fn default_db() -> PathBuf {
    crate::platform::default_db()
}

/// `pojok demo --years N --db PATH`: years of history into a new file, a progress line on
/// a terminal.
fn run_demo_years(db: Option<&Path>, years: u32, lang: Lang) -> Result<ExitCode, String> {
    let text = &lang.text().cli;
    let db = db.ok_or(text.years_need_db)?;
    let mut ledger = open_ledger(db, lang)?;
    let shown = db.display().to_string();
    if !ledger.producers().map_err(said(lang))?.is_empty() {
        return Err((text.years_not_empty)(&shown));
    }
    let today = Local::now().date_naive();
    demo::seed_users(&mut ledger, Local::now().naive_local()).map_err(|e| e.to_string())?;
    let tty = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let done =
        crate::demo_years::generate(&mut ledger, u64::from(years) * 365, today, |done, all| {
            if tty && (done % 10 == 0 || done == all) {
                eprint!("\r{}", (text.years_progress)(done, all));
            }
        })
        .map_err(|e| e.to_string())?;
    if tty {
        eprintln!();
    }
    println!(
        "{}",
        (text.years_done)(done.days, done.sales, done.seconds, &shown)
    );
    Ok(ExitCode::SUCCESS)
}

fn open_ledger(db: &Path, lang: Lang) -> Result<Ledger, String> {
    Ledger::open(db).map_err(|e| ledger_file::error_text(&e, db, lang))
}

/// For commands that only read: nothing is created, migrated or changed.
fn read_ledger(db: &Path, lang: Lang) -> Result<Ledger, String> {
    Ledger::open_read_only(db).map_err(|e| ledger_file::error_text(&e, db, lang))
}

pub fn main() -> ExitCode {
    crate::platform::prepare_console();
    // Help and clap's refusals are said before the command line is read: in the language it
    // asks for, found by the same rule.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let asked = crate::cli_help::lang_of(&args, std::env::var("POJOK_LANG").ok().as_deref());
    let matches = match crate::cli_help::localise(Cli::command(), asked).try_get_matches_from(&args)
    {
        Ok(matches) => matches,
        Err(e) => crate::cli_help::exit(e, asked),
    };
    // `pojok demo` must never seed the real ledger named in the environment: only a
    // `--db` typed on its command line counts for the demo.
    let db_typed = matches.value_source("db") == Some(ValueSource::CommandLine);
    let mut cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => crate::cli_help::exit(e, asked),
    };
    // POJOK_ATTENDANT picks the kiosk's user; only a name typed for this command is refused
    // where the manager is needed.
    if matches.value_source("attendant") != Some(ValueSource::CommandLine)
        && matches!(cli.command, Some(Command::Import { .. }))
    {
        cli.attendant = None;
    }
    let lang = cli.lang.unwrap_or_default();
    match run(cli, lang, db_typed) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("pojok: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The kiosk on the ledger at `db`, after the start checks (the lock, leftovers, backups).
fn run_kiosk(db: &Path, options: KioskOptions, lang: Lang) -> Result<ExitCode, String> {
    let now = Local::now().naive_local();
    let started = startup::start(db, lang, options.receipt_width, now)?;
    let options = KioskOptions {
        notes: started.notes,
        ..options
    };
    // The lock lives until the kiosk has returned.
    let _lock = started.lock;
    kiosk::run(started.ledger, options).map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

fn run(cli: Cli, lang: Lang, db_typed: bool) -> Result<ExitCode, String> {
    let options = KioskOptions {
        lang,
        attendant: cli.attendant.clone().unwrap_or_default(),
        receipt_width: cli.paper.columns(),
        demo_logins: Vec::new(),
        notes: Vec::new(),
    };
    match cli.command {
        None => run_kiosk(&cli.db.unwrap_or_else(default_db), options, lang),
        Some(Command::Demo { years: Some(years) }) => {
            let db = cli.db.filter(|_| db_typed);
            run_demo_years(db.as_deref(), years, lang)
        }
        Some(Command::Demo { years: None }) => {
            let db = cli.db.filter(|_| db_typed);
            run_demo(db, cli.attendant.clone(), options, lang)
        }
        Some(Command::Import { kind }) => {
            // Who changes the catalogue is the manager whose PIN is typed, not a name.
            if cli.attendant.is_some() {
                return Err(lang.text().witness.attendant_gone.to_string());
            }
            let db = cli.db.unwrap_or_else(default_db);
            run_import(&db, kind, lang)
        }
        Some(Command::Export {
            kind: ExportKind::Catalogue { out },
        }) => {
            let db = cli.db.unwrap_or_else(default_db);
            run_export(&db, out, lang)
        }
        Some(Command::Export { kind }) => {
            let db = cli.db.unwrap_or_else(default_db);
            run_office_export(&db, kind, lang)
        }
        Some(Command::Recap {
            month,
            format,
            out,
            programme,
        }) => {
            let ledger = office::read_ledger(&cli.db.unwrap_or_else(default_db), lang)?;
            let rendered = office::recap(&ledger, &month, format, programme.as_deref(), lang)?;
            emit(rendered, out, lang)
        }
        Some(Command::Settlement {
            date,
            producer,
            output,
        }) => {
            let db = cli.db.unwrap_or_else(default_db);
            run_settlement(&db, date, producer.as_deref(), &output, lang)
        }
        Some(Command::Statement {
            producer,
            from,
            to,
            output,
        }) => {
            let db = cli.db.unwrap_or_else(default_db);
            run_statement(&db, &producer, from, to, &output, lang)
        }
        Some(Command::Report {
            report: Report::Day { date, json },
        }) => run_report_day(&cli.db.unwrap_or_else(default_db), date, json, lang),
        Some(Command::RecoveryCode { manager, out }) => {
            let mut ledger = writable_ledger(&cli.db.unwrap_or_else(default_db), lang)?;
            crate::cli_manager::issue_recovery_code(
                &mut ledger,
                manager.as_deref(),
                out.as_deref(),
                lang,
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Recover { manager }) => {
            let mut ledger = writable_ledger(&cli.db.unwrap_or_else(default_db), lang)?;
            crate::cli_manager::recover(&mut ledger, manager.as_deref(), lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Verify(witnesses)) => {
            run_verify(&cli.db.unwrap_or_else(default_db), &witnesses, lang)
        }
        Some(Command::Backup { to, check }) => {
            let db = cli.db.unwrap_or_else(default_db);
            match check {
                true => ledger_file::run_backup_check(&db, to, lang),
                false => ledger_file::run_backup(&db, to, lang),
            }
        }
        Some(Command::Labels {
            producer,
            products,
            format: LabelFormat::Pdf,
            out,
            manager,
        }) => crate::cli_labels::run(
            &cli.db.unwrap_or_else(default_db),
            crate::cli_labels::Asked {
                producer,
                products,
                out,
                manager,
            },
            lang,
        ),
        Some(Command::Restore { file }) => {
            ledger_file::run_restore(&cli.db.unwrap_or_else(default_db), &file, lang)
        }
    }
}

/// `pojok demo`: the kiosk on a demo ledger, throwaway unless `db` was typed.
fn run_demo(
    db: Option<PathBuf>,
    attendant: Option<String>,
    options: KioskOptions,
    lang: Lang,
) -> Result<ExitCode, String> {
    // The throwaway ledger lives as long as this function: dropped (deleted) after the kiosk exits.
    let scratch;
    let db = match db {
        Some(db) => db,
        None => {
            scratch = tempfile::tempdir().map_err(|e| e.to_string())?;
            scratch.path().join("demo.db")
        }
    };
    let mut ledger = open_ledger(&db, lang)?;
    demo::seed(&mut ledger, Local::now().naive_local()).map_err(|e| e.to_string())?;
    drop(ledger);
    // As any kiosk: the lock, the start checks, then the screens.
    let now = Local::now().naive_local();
    let started = startup::start(&db, lang, options.receipt_width, now)?;
    let _lock = started.lock;
    let options = KioskOptions {
        notes: started.notes,
        demo_logins: demo::logins(),
        // The demo's attendant is picked on the sign-in screen unless another is named.
        attendant: attendant.unwrap_or_else(|| demo::DEMO_ATTENDANT.to_string()),
        ..options
    };
    kiosk::run(started.ledger, options).map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

/// `pojok report day [--date D] [--json]`: the day's report, by default the open day's.
fn run_report_day(
    db: &Path,
    date: Option<NaiveDate>,
    json: bool,
    lang: Lang,
) -> Result<ExitCode, String> {
    // A report never creates a ledger: a mistyped path must not read as "no sales".
    let ledger = read_ledger(db, lang)?;
    let date = match date {
        Some(date) => date,
        None => ledger
            .open_day_status()
            .map_err(said(lang))?
            .map(|s| s.day.date)
            .unwrap_or_else(|| Local::now().date_naive()),
    };
    let Some(report) = ledger.day_report(date).map_err(said(lang))? else {
        return Err((lang.text().cli.no_business_day)(&print::format::date(
            date, lang,
        )));
    };
    if json {
        let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        say!("{text}");
    } else {
        let shop = ledger.shop_header().map_err(|e| e.to_string())?;
        say_raw(print::day_report_text(&report, &shop, lang).as_bytes());
    }
    Ok(ExitCode::SUCCESS)
}

/// `pojok verify`: "OK" with the counts and the chain head, or each problem on its own line
/// and a failing exit.
fn run_verify(
    db: &Path,
    witnesses: &crate::cli_witness::WitnessArgs,
    lang: Lang,
) -> Result<ExitCode, String> {
    // Verifying a mistyped path must not create an empty ledger that verifies clean.
    let ledger = read_ledger(db, lang)?;
    let t = &lang.text().verify;
    let tty = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let mut shown = false;
    let scope = if witnesses.full {
        crate::ledger::VerifyScope::Full
    } else {
        crate::ledger::VerifyScope::SinceLastCheck
    };
    let report = ledger
        .verify_scoped(scope, &mut |done, all| {
            if tty {
                eprint!("\r{} {}", progress_bar(done, all), (t.progress)(done, all));
                shown = true;
            }
        })
        .map_err(said(lang))?;
    if shown {
        eprintln!();
    }
    let clean = print_verify_report(&report, lang);
    let failed = crate::cli_witness::check(&ledger, witnesses, lang)?;
    if failed > 0 {
        say!("{}", (lang.text().witness.witnesses_failed)(failed));
    }
    Ok(if clean && failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Prints what `verify` found; says whether the file is clean.
fn print_verify_report(report: &crate::ledger::VerifyReport, lang: Lang) -> bool {
    let t = &lang.text().verify;
    if report.is_clean() {
        let counts: Vec<String> = report
            .counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(table, n)| format!("{table} {n}"))
            .collect();
        let head = report
            .head
            .as_ref()
            .map_or_else(|| t.no_head.to_string(), |h| h.short());
        say!("{}", (t.clean)(report.chained, &counts.join(", "), &head));
        if let Some(check) = &report.since {
            say!("{}", (t.since_check)(&check.head.short(), &check.at));
        }
        return true;
    }
    for problem in &report.problems {
        say!("{}", verify_problem_text(problem, lang));
    }
    say!("{}", (t.problems)(report.problems.len()));
    false
}

/// `[#####               ]`: `done` of `all` in 20 marks.
fn progress_bar(done: i64, all: i64) -> String {
    let marks = usize::try_from(done.saturating_mul(20) / all.max(1))
        .unwrap_or(0)
        .min(20);
    format!("[{}{}]", "#".repeat(marks), " ".repeat(20 - marks))
}

fn verify_problem_text(problem: &VerifyProblem, lang: Lang) -> String {
    let t = &lang.text().verify;
    match problem {
        VerifyProblem::Integrity(text) => (t.integrity)(text),
        VerifyProblem::EntryChanged { seq, table, id } => (t.changed)(table, *id, *seq),
        VerifyProblem::EntryMissing { seq, table, id } => (t.missing)(table, *id, *seq),
        VerifyProblem::ChainBroken { seq } => (t.broken)(*seq),
        VerifyProblem::UnknownTable { seq, table } => (t.unknown_table)(*seq, table),
        VerifyProblem::Unchained { table, id } => (t.unchained)(table, *id),
        VerifyProblem::CheckedHeadRewritten { seq } => (t.rewritten_since_check)(*seq),
        VerifyProblem::Invariant {
            check,
            table,
            id,
            detail,
        } => (t.invariant)(table, *id, check, detail),
    }
}

/// `pojok import …`: validates every row, then applies all of them in one transaction, or
/// (with `--skip-bad`) the good ones; refuses with a non-zero exit when any row was bad.
fn run_import(db: &Path, kind: ImportKind, lang: Lang) -> Result<ExitCode, String> {
    let t = &lang.text().import;
    let (ImportKind::Producers(args) | ImportKind::Products(args) | ImportKind::Intake(args)) =
        &kind;
    let file = args.file.display().to_string();
    let bytes =
        std::fs::read(&args.file).map_err(|e| (t.cannot_read)(&file, &os_said(&e, lang)))?;
    // An import may start a new corner's ledger: it writes, and creates like the kiosk.
    let mut ledger = open_ledger(db, lang)?;
    // A dry run changes nothing and needs no one; an import is the manager's, as at the
    // kiosk. A new file has no one yet (the manager is created at the kiosk's first start):
    // its catalogue may be imported before that, recorded under the system.
    let has_users = ledger.has_users().map_err(said(lang))?;
    let manager = if args.dry_run || !has_users {
        None
    } else {
        Some(crate::cli_manager::sign_in_manager(
            &mut ledger,
            args.manager.as_deref(),
            lang,
        )?)
    };
    let actor = manager.as_ref().map_or("import", |m| m.name.as_str());
    if let Some(manager) = &manager {
        ledger.with_approval(manager);
        eprintln!("{}", (lang.text().witness.signed_by)(&manager.name));
    }
    let known = catalogue_csv::Known::new(
        &ledger.producers().map_err(said(lang))?,
        &ledger.products().map_err(said(lang))?,
    );
    let at = Local::now().naive_local();
    let busy = (lang.ledger_file().busy)(&db.display().to_string());
    let mode = if args.dry_run {
        BatchMode::DryRun
    } else {
        BatchMode::Commit
    };
    let outcome = match kind {
        ImportKind::Producers(_) => {
            let checked = catalogue_csv::read_producers(&bytes, &known);
            let codes = |p: &NewProducer| p.code.clone();
            apply_catalogue(checked, args, t, codes, &busy, |rows| {
                ledger.import_producers(mode, rows, actor, at)
            })
        }
        ImportKind::Products(_) => {
            let checked = catalogue_csv::read_products(&bytes, &known);
            let codes = |p: &NewProduct| p.code.clone();
            apply_catalogue(checked, args, t, codes, &busy, |rows| {
                ledger.import_products(mode, rows, actor, at)
            })
        }
        ImportKind::Intake(_) => {
            let checked = catalogue_csv::read_intake(&bytes, &known);
            apply_intake(checked, args, t, &busy, |deliveries| {
                ledger.import_intake(mode, deliveries, actor, at)
            })
        }
    };
    Ok(outcome)
}

/// Prints the refused lines; says whether to go on.
fn report_refused(errors: &[RowError], args: &ImportArgs, t: &ImportText) -> bool {
    for e in errors {
        eprintln!("{}", e.text(t));
    }
    if !errors.is_empty() && !args.skip_bad {
        eprintln!("{}", (t.nothing_imported)(errors.len()));
        return false;
    }
    true
}

fn finish(errors: &[RowError], args: &ImportArgs, t: &ImportText) -> ExitCode {
    if args.dry_run {
        say!("{}", t.dry_run);
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!("{}", (t.skipped)(errors.len()));
        ExitCode::FAILURE
    }
}

fn batch_refused(line: u64, error: &BatchError, t: &ImportText, busy: &str) -> ExitCode {
    // Another writer (the kiosk mid-sale) held the file past the wait: that is no fault of
    // the row, and trying again is the answer.
    if ledger_file::is_busy(&error.error) {
        eprintln!("{busy}");
        eprintln!("{}", (t.nothing_imported)(1));
        return ExitCode::FAILURE;
    }
    let refused = RowError {
        line,
        problem: Problem::Refused(error.error.to_string()),
        columns: &[],
    };
    eprintln!("{}", refused.text(t));
    eprintln!("{}", (t.nothing_imported)(1));
    ExitCode::FAILURE
}

fn apply_catalogue<T: Clone>(
    checked: Checked<T>,
    args: &ImportArgs,
    t: &ImportText,
    code: impl Fn(&T) -> String,
    busy: &str,
    apply: impl FnOnce(&[T]) -> Result<Vec<RowAction>, BatchError>,
) -> ExitCode {
    if !report_refused(&checked.errors, args, t) {
        return ExitCode::FAILURE;
    }
    // A dry run too goes through the ledger (and rolls back), so it refuses what the
    // import would.
    let values: Vec<T> = checked.rows.iter().map(|r| r.value.clone()).collect();
    let actions = match apply(&values) {
        Ok(actions) => actions,
        Err(e) => {
            let line = checked.rows.get(e.index).map_or(0, |r| r.line);
            return batch_refused(line, &e, t, busy);
        }
    };
    let (mut added, mut updated, mut unchanged) = (0, 0, 0);
    for (row, action) in checked.rows.iter().zip(actions) {
        let code = code(&row.value);
        let text = match (action, args.dry_run) {
            (RowAction::Insert, false) => (t.added)(&code),
            (RowAction::Update, false) => (t.updated)(&code),
            (RowAction::Insert, true) => (t.would_add)(&code),
            (RowAction::Update, true) => (t.would_update)(&code),
            // Rows that change nothing are only counted: the list shows what moves.
            (RowAction::Unchanged, _) => {
                unchanged += 1;
                continue;
            }
        };
        match action {
            RowAction::Insert => added += 1,
            RowAction::Update => updated += 1,
            RowAction::Unchanged => {}
        }
        say!("{}", (t.line)(row.line, &text));
    }
    say!("{}", (t.summary)(added, updated, unchanged));
    finish(&checked.errors, args, t)
}

fn apply_intake(
    checked: Checked<IntakeRow>,
    args: &ImportArgs,
    t: &ImportText,
    busy: &str,
    apply: impl FnOnce(&[(String, Vec<IntakeLine>)]) -> Result<Vec<StockDocument>, BatchError>,
) -> ExitCode {
    if !report_refused(&checked.errors, args, t) {
        return ExitCode::FAILURE;
    }
    let deliveries = catalogue_csv::deliveries(&checked.rows);
    if args.dry_run {
        for (producer, lines) in &deliveries {
            say!("{}", (t.would_receive)(producer, lines.len()));
        }
    } else {
        match apply(&deliveries) {
            Ok(documents) => {
                for d in documents {
                    say!(
                        "{}",
                        (t.received)(d.number, &d.producer_code, d.lines.len())
                    );
                }
            }
            Err(e) => {
                let producer = deliveries.get(e.index).map(|(p, _)| p);
                let line = checked
                    .rows
                    .iter()
                    .find(|r| Some(&r.value.producer_code) == producer)
                    .map_or(0, |r| r.line);
                return batch_refused(line, &e, t, busy);
            }
        }
    }
    finish(&checked.errors, args, t)
}

/// `pojok export catalogue`: producers and products in the import columns.
fn run_export(db: &Path, out: Option<PathBuf>, lang: Lang) -> Result<ExitCode, String> {
    let t = &lang.text().import;
    let ledger = read_ledger(db, lang)?;
    let producers = ledger.producers().map_err(said(lang))?;
    let products = ledger.products().map_err(said(lang))?;
    let out = out.unwrap_or_else(|| PathBuf::from("."));
    let is_file = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let (producers_path, products_path) = if is_file {
        let stem = out.file_stem().unwrap_or_default().to_string_lossy();
        (
            out.with_file_name(format!("{stem}-producers.csv")),
            out.with_file_name(format!("{stem}-products.csv")),
        )
    } else {
        std::fs::create_dir_all(&out)
            .map_err(|e| (t.cannot_write)(&out.display().to_string(), &os_said(&e, lang)))?;
        (out.join("producers.csv"), out.join("products.csv"))
    };
    for (path, text, rows) in [
        (
            producers_path,
            catalogue_csv::write_producers(&producers),
            producers.len(),
        ),
        (
            products_path,
            catalogue_csv::write_products(&products),
            products.len(),
        ),
    ] {
        write_new(&path, text.as_bytes(), lang)?;
        say!("{}", (t.exported)(&path.display().to_string(), rows));
    }
    Ok(ExitCode::SUCCESS)
}

/// A ledger refusal in the UI language where it has words there.
fn settle_error(e: LedgerError, lang: Lang) -> String {
    let text = &lang.text().settle;
    match e {
        LedgerError::UnknownProducer(code) => (text.unknown_producer)(&code),
        LedgerError::UnknownDay(date) => {
            (lang.text().cli.no_business_day)(&print::format::date(date, lang))
        }
        other => other.to_string(),
    }
}

fn write_output(
    ledger: &Ledger,
    documents: &[print::Document],
    output: &PrintoutArgs,
    lang: Lang,
) -> Result<(), String> {
    let paper = ledger.printer_settings().map_err(said(lang))?.paper;
    let format = output.format.format(paper);
    let contents = print::render(documents, format);
    match &output.out {
        None => say_raw(&contents),
        Some(path) => {
            let name = path.display().to_string();
            let contents = match format {
                print::Format::Text58 | print::Format::Text80 => print::notepad_text(&contents),
                _ => contents,
            };
            write_new(path, &contents, lang)?;
            eprintln!("{}", (lang.text().settle.written)(&name));
        }
    }
    Ok(())
}

/// `pojok settlement`: every producer's slip for the day (or one producer's).
fn run_settlement(
    db: &Path,
    date: NaiveDate,
    producer: Option<&str>,
    output: &PrintoutArgs,
    lang: Lang,
) -> Result<ExitCode, String> {
    let ledger = read_ledger(db, lang)?;
    let settlements = ledger
        .settlement_for(date, producer)
        .map_err(|e| settle_error(e, lang))?;
    if settlements.is_empty() {
        let text = &lang.text().settle;
        let day = print::format::date(date, lang);
        return Err(match producer {
            Some(code) => (text.no_activity_producer)(code.trim(), &day),
            None => (text.no_activity)(&day),
        });
    }
    let shop = ledger.shop_header().map_err(said(lang))?;
    // A closed day's slips were printed at its close: these are copies.
    let mark = lang.text().print.copy_mark;
    let documents: Vec<print::Document> = settlements
        .iter()
        .map(|s| {
            let slip = print::settlement_slip(s, &shop, lang);
            if s.header.closed {
                print::marked(mark, slip)
            } else {
                slip
            }
        })
        .collect();
    write_output(&ledger, &documents, output, lang)?;
    Ok(ExitCode::SUCCESS)
}

/// `pojok statement`: one producer's days from `from` to `to`.
fn run_statement(
    db: &Path,
    producer: &str,
    from: NaiveDate,
    to: NaiveDate,
    output: &PrintoutArgs,
    lang: Lang,
) -> Result<ExitCode, String> {
    if from > to {
        return Err(lang.text().settle.bad_range.to_string());
    }
    let ledger = read_ledger(db, lang)?;
    let statement = ledger
        .statement(producer, from, to)
        .map_err(|e| settle_error(e, lang))?;
    let shop = ledger.shop_header().map_err(said(lang))?;
    let document = print::statement(&statement, &shop, lang);
    write_output(&ledger, &[document], output, lang)?;
    Ok(ExitCode::SUCCESS)
}

/// `pojok export KIND …` other than the catalogue.
fn run_office_export(db: &Path, kind: ExportKind, lang: Lang) -> Result<ExitCode, String> {
    use crate::domain::ExportKind as Kind;
    let ledger = office::read_ledger(db, lang)?;
    let (kinds, args) = match kind {
        ExportKind::History { since, out, .. } => {
            return emit(office::export_history(&ledger, since)?, out, lang);
        }
        ExportKind::Catalogue { .. } => unreachable!("the catalogue has its own export"),
        ExportKind::Sales(args) => (vec![Kind::Sales], args),
        ExportKind::Lines(args) => (vec![Kind::Lines], args),
        ExportKind::Payments(args) => (vec![Kind::Payments], args),
        ExportKind::Stock(args) => (vec![Kind::Stock], args),
        ExportKind::Payouts(args) => (vec![Kind::Payouts], args),
        ExportKind::Corrections(args) => (vec![Kind::Corrections], args),
        ExportKind::Cash(args) => (vec![Kind::Cash], args),
        ExportKind::All(args) => (Kind::ALL.to_vec(), args),
    };
    let rendered = office::export_range(
        &ledger,
        &kinds,
        args.from,
        args.to,
        args.format,
        args.excel_id,
        lang,
    )?;
    emit(rendered, args.out, lang)
}

/// Writes what a command rendered: to `out`, else to its own file name in the current
/// folder (PDF, xlsx), else to standard output. A file that exists is never overwritten.
fn emit(rendered: office::Rendered, out: Option<PathBuf>, lang: Lang) -> Result<ExitCode, String> {
    let Some(path) = out.or(rendered.file_name.map(PathBuf::from)) else {
        say_raw(&rendered.bytes);
        return Ok(ExitCode::SUCCESS);
    };
    write_new(&path, &rendered.bytes, lang)?;
    eprintln!(
        "{}",
        (lang.text().office.written)(&path.display().to_string(), rendered.rows)
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod help_tests {
    use super::*;

    /// Every command and option has its Indonesian help: a new one without fails here.
    #[test]
    fn every_command_and_option_has_indonesian_help() {
        let t = Lang::Id.help();
        let missing: Vec<String> = crate::cli_help::places(&Cli::command())
            .into_iter()
            .filter(|place| (t.text)(place).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "no Indonesian help for:\n{}",
            missing.join("\n")
        );
    }
}
