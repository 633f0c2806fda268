//! Export tables written as files offices and scripts read: `.xlsx` with number, money and
//! date cells; CSV (UTF-8 with a byte-order mark, comma-separated, or the semicolon and
//! decimal comma of Indonesian Excel); JSON Lines. Text cells that a spreadsheet would run
//! as a formula are neutralised in CSV and xlsx.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use serde_json::{Map, Value};

use crate::domain::{Cell, ExportTable, MonthRecap, StockQuantity};
use crate::sheet::neutralise;
use crate::strings::Lang;

/// CSV flavours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvStyle {
    /// Comma, decimal point: for scripts and most tools.
    Plain,
    /// Semicolon and decimal comma: what Excel with Indonesian regional settings opens by a
    /// double click.
    ExcelId,
}

fn quantity_text(q: StockQuantity, style: CsvStyle) -> String {
    let text = q.number_text();
    match style {
        // `number_text` writes the Indonesian decimal comma.
        CsvStyle::ExcelId => text,
        CsvStyle::Plain => text.replace(',', "."),
    }
}

fn csv_field(cell: &Cell, style: CsvStyle) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => neutralise(t).into_owned(),
        Cell::Int(i) => i.to_string(),
        Cell::Money(r) => r.0.to_string(),
        Cell::Quantity(q) => quantity_text(*q, style),
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        Cell::Stamp(s) => s.format("%Y-%m-%d %H:%M:%S").to_string(),
        Cell::Bool(b) => if *b { "1" } else { "0" }.to_string(),
    }
}

/// The table as CSV: a byte-order mark (so Excel reads UTF-8), the header, the rows.
pub fn csv(table: &ExportTable, style: CsvStyle) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    let delimiter = match style {
        CsvStyle::Plain => b',',
        CsvStyle::ExcelId => b';',
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(&mut out);
    // Writing to memory cannot fail.
    writer
        .write_record(&table.columns)
        .expect("write to memory");
    for row in &table.rows {
        let fields: Vec<String> = row.iter().map(|c| csv_field(c, style)).collect();
        writer.write_record(&fields).expect("write to memory");
    }
    drop(writer);
    out
}

fn json_value(cell: &Cell) -> Value {
    match cell {
        Cell::Empty => Value::Null,
        Cell::Text(t) => Value::from(t.as_str()),
        Cell::Int(i) => Value::from(*i),
        Cell::Money(r) => Value::from(r.0),
        // A decimal string: exact, where a JSON number would be a float.
        Cell::Quantity(q) => Value::from(quantity_text(*q, CsvStyle::Plain)),
        Cell::Date(d) => Value::from(d.format("%Y-%m-%d").to_string()),
        Cell::Stamp(s) => Value::from(s.format("%Y-%m-%dT%H:%M:%S").to_string()),
        Cell::Bool(b) => Value::from(*b),
    }
}

/// The table as JSON Lines: one object per row, keys the column names.
pub fn jsonl(table: &ExportTable) -> Vec<u8> {
    let mut out = Vec::new();
    for row in &table.rows {
        let object: Map<String, Value> = table
            .columns
            .iter()
            .cloned()
            .zip(row.iter().map(json_value))
            .collect();
        // Serialising plain values cannot fail.
        out.extend(serde_json::to_vec(&Value::Object(object)).unwrap_or_default());
        out.push(b'\n');
    }
    out
}

/// Rupiah as whole numbers with the thousands grouped. Format codes are stored in Excel's
/// neutral notation: `#,##0` shows as `Rp 15.000` under Indonesian regional settings.
const MONEY_FORMAT: &str = "\"Rp\" #,##0;-\"Rp\" #,##0";
const DATE_FORMAT: &str = "dd-mm-yyyy";
const STAMP_FORMAT: &str = "dd-mm-yyyy hh:mm:ss";
const QUANTITY_FORMAT: &str = "#,##0.###";

/// Longest run of rows for which column widths are fitted to the content; beyond it the
/// header's width is used, so a year's export stays quick.
const AUTOFIT_ROWS: usize = 2_000;

/// The tables as one workbook, a sheet each, header row bold and frozen.
pub fn xlsx(tables: &[ExportTable]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    for table in tables {
        let sheet = book.add_worksheet();
        write_sheet(sheet, table)?;
    }
    book.save_to_buffer()
}

fn write_sheet(sheet: &mut Worksheet, table: &ExportTable) -> Result<(), XlsxError> {
    let header = Format::new().set_bold();
    let money = Format::new().set_num_format(MONEY_FORMAT);
    let date = Format::new().set_num_format(DATE_FORMAT);
    let stamp = Format::new().set_num_format(STAMP_FORMAT);
    let quantity = Format::new().set_num_format(QUANTITY_FORMAT);
    sheet.set_name(&table.name)?;
    for (c, name) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, name, &header)?;
        sheet.set_column_width(c as u16, (name.chars().count() + 2).max(10) as f64)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(t) => {
                    sheet.write_string(r, c, neutralise(t))?;
                }
                Cell::Int(i) => {
                    sheet.write_number(r, c, *i as f64)?;
                }
                Cell::Money(m) => {
                    sheet.write_number_with_format(r, c, m.0 as f64, &money)?;
                }
                Cell::Quantity(q) => {
                    sheet.write_number_with_format(r, c, q.milli() as f64 / 1000.0, &quantity)?;
                }
                Cell::Date(d) => {
                    sheet.write_datetime_with_format(r, c, excel_date(*d)?, &date)?;
                }
                Cell::Stamp(s) => {
                    let at = excel_date(s.date())?.and_hms(
                        chrono::Timelike::hour(s) as u16,
                        chrono::Timelike::minute(s) as u8,
                        chrono::Timelike::second(s),
                    )?;
                    sheet.write_datetime_with_format(r, c, at, &stamp)?;
                }
                Cell::Bool(b) => {
                    sheet.write_boolean(r, c, *b)?;
                }
            }
        }
    }
    if table.rows.len() <= AUTOFIT_ROWS {
        sheet.autofit();
    }
    Ok(())
}

fn excel_date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// The monthly recap as a sheet: one row per UMKM and a totals row, headed in `lang`.
pub fn recap_table(recap: &MonthRecap, lang: Lang) -> ExportTable {
    let text = &lang.text().office;
    let mut rows: Vec<Vec<Cell>> = recap
        .producers
        .iter()
        .map(|p| {
            vec![
                Cell::Text(p.code.clone()),
                Cell::Text(p.name.clone()),
                Cell::Int(p.days_with_sales),
                Cell::Int(p.lines),
                Cell::Text(p.sold_text()),
                Cell::Money(p.balance_start),
                Cell::Money(p.gross),
                Cell::Money(p.producer_share),
                Cell::Money(p.corner_share),
                Cell::Money(-p.corrected),
                Cell::Money(p.losses),
                Cell::Money(-p.paid_out),
                Cell::Money(p.balance_end),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::Text(text.total_row.to_string()),
        Cell::Text(format!("{} {}", recap.with_sales(), text.umkm_with_sales)),
        Cell::Int(recap.business_days),
        Cell::Int(recap.lines()),
        Cell::Empty,
        Cell::Money(recap.balance_start()),
        Cell::Money(recap.gross()),
        Cell::Money(recap.producer_share()),
        Cell::Money(recap.corner_share()),
        Cell::Money(-recap.corrected()),
        Cell::Money(recap.losses()),
        Cell::Money(-recap.paid_out()),
        Cell::Money(recap.balance_end()),
    ]);
    ExportTable {
        name: text.recap_sheet.to_string(),
        columns: text.recap_columns.iter().map(|c| c.to_string()).collect(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Rupiah;
    use chrono::NaiveDate;

    fn table() -> ExportTable {
        ExportTable {
            name: "sales".into(),
            columns: vec!["date".into(), "name".into(), "total".into(), "qty".into()],
            rows: vec![vec![
                Cell::Date(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()),
                Cell::Text("=HYPERLINK(\"http://x\",\"y\")".into()),
                Cell::Money(Rupiah(15_000)),
                Cell::Quantity(StockQuantity::from_milli(1_250)),
            ]],
        }
    }

    #[test]
    fn csv_carries_a_bom_neutralises_formulas_and_speaks_excel_id_on_request() {
        let plain = String::from_utf8(csv(&table(), CsvStyle::Plain)).unwrap();
        assert_eq!(
            plain,
            "\u{feff}date,name,total,qty\r\n2026-11-20,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",15000,1.25\r\n"
        );
        let id = String::from_utf8(csv(&table(), CsvStyle::ExcelId)).unwrap();
        assert!(id.ends_with(";15000;1,25\r\n"), "{id}");
        assert!(id.starts_with("\u{feff}date;name;total;qty\r\n"), "{id}");
    }

    #[test]
    fn jsonl_keeps_numbers_exact_and_text_as_it_was() {
        let text = String::from_utf8(jsonl(&table())).unwrap();
        let v: Value = serde_json::from_str(text.trim_end()).unwrap();
        assert_eq!(v["total"], 15_000);
        assert_eq!(v["qty"], "1.25");
        assert_eq!(v["name"], "=HYPERLINK(\"http://x\",\"y\")");
        assert_eq!(v["date"], "2026-11-20");
    }
}
