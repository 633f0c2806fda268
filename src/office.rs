//! The office's month on the command line: the monthly recap for the Dinas and the exports
//! by date range and of the hash chain, each read from a ledger opened read-only and
//! rendered to bytes; `cli` decides where the bytes go.

use chrono::NaiveDate;

use crate::domain::{ExportKind, MonthRecap, parse_month};
use crate::export::{self, CsvStyle};
use crate::ledger::Ledger;
use crate::print;
use crate::strings::Lang;

/// The recap's forms.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecapFormat {
    Pdf,
    Xlsx,
    Csv,
    Text80,
}

/// The forms of a date range's export.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataFormat {
    Csv,
    Xlsx,
    Jsonl,
}

/// Bytes to write, and the file name they take when no `--out` is given and they are not
/// for a terminal (PDF, xlsx).
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub rows: usize,
    pub file_name: Option<String>,
}

/// A ledger opened to read, with the refusal in the UI language.
pub fn read_ledger(db: &std::path::Path, lang: Lang) -> Result<Ledger, String> {
    Ledger::open_read_only(db).map_err(|e| crate::ledger_file::error_text(&e, db, lang))
}

/// `pojok recap --month M`.
pub fn recap(
    ledger: &Ledger,
    month: &str,
    format: RecapFormat,
    programme: Option<&str>,
    lang: Lang,
) -> Result<Rendered, String> {
    let (from, to) = parse_month(month).ok_or_else(|| (lang.text().office.bad_month)(month))?;
    let recap = ledger
        .month_recap(from, to)
        .map_err(crate::refusals::said(lang))?;
    let saved = ledger
        .programme_name()
        .map_err(crate::refusals::said(lang))?;
    let programme = programme.map(str::to_string).or(saved);
    render_recap(ledger, &recap, format, programme.as_deref(), lang)
}

fn render_recap(
    ledger: &Ledger,
    recap: &MonthRecap,
    format: RecapFormat,
    programme: Option<&str>,
    lang: Lang,
) -> Result<Rendered, String> {
    let rows = recap.producers.len();
    let named = |extension: &str| Some(print::recap_file_name(recap, extension));
    let document = || -> Result<print::Document, String> {
        let shop = ledger.shop_header().map_err(crate::refusals::said(lang))?;
        Ok(print::month_recap(recap, &shop, programme, lang))
    };
    Ok(match format {
        RecapFormat::Pdf => Rendered {
            bytes: print::render(&[document()?], print::Format::Pdf),
            rows,
            file_name: named("pdf"),
        },
        RecapFormat::Text80 => Rendered {
            bytes: print::render_text(&document()?, 80).into_bytes(),
            rows,
            file_name: None,
        },
        RecapFormat::Csv => Rendered {
            bytes: export::csv(&export::recap_table(recap, lang), CsvStyle::Plain),
            rows,
            file_name: None,
        },
        RecapFormat::Xlsx => Rendered {
            bytes: export::xlsx(&[export::recap_table(recap, lang)])
                .map_err(|e| (lang.text().office.xlsx_failed)(&e.to_string()))?,
            rows,
            file_name: named("xlsx"),
        },
    })
}

/// `pojok export KIND --from D --to D`; `kinds` holds one kind, or all for a workbook.
pub fn export_range(
    ledger: &Ledger,
    kinds: &[ExportKind],
    from: NaiveDate,
    to: NaiveDate,
    format: DataFormat,
    excel_id: bool,
    lang: Lang,
) -> Result<Rendered, String> {
    if from > to {
        return Err(lang.text().settle.bad_range.to_string());
    }
    let tables = kinds
        .iter()
        .map(|kind| ledger.export_table(*kind, from, to))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    let rows = tables.iter().map(|t| t.rows.len()).sum();
    let name = match kinds {
        [kind] => kind.name(),
        _ => "pojok",
    };
    let one = || -> Result<&crate::domain::ExportTable, String> {
        match tables.as_slice() {
            [table] => Ok(table),
            _ => Err((lang.text().office.format_not_for)(
                &format!("{format:?}").to_lowercase(),
                "all",
            )),
        }
    };
    Ok(match format {
        DataFormat::Csv => {
            let style = if excel_id {
                CsvStyle::ExcelId
            } else {
                CsvStyle::Plain
            };
            Rendered {
                bytes: export::csv(one()?, style),
                rows,
                file_name: None,
            }
        }
        DataFormat::Jsonl => Rendered {
            bytes: export::jsonl(one()?),
            rows,
            file_name: None,
        },
        DataFormat::Xlsx => Rendered {
            bytes: export::xlsx(&tables)
                .map_err(|e| (lang.text().office.xlsx_failed)(&e.to_string()))?,
            rows,
            file_name: Some(format!("{name}-{from}-{to}.xlsx")),
        },
    })
}

/// `pojok export history --since SEQ`: JSON Lines, one chain entry each.
pub fn export_history(ledger: &Ledger, since: i64) -> Result<Rendered, String> {
    let entries = ledger.history_since(since).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    for entry in &entries {
        bytes.extend(serde_json::to_vec(entry).map_err(|e| e.to_string())?);
        bytes.push(b'\n');
    }
    Ok(Rendered {
        bytes,
        rows: entries.len(),
        file_name: None,
    })
}
