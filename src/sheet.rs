//! Spreadsheet files as offices have them: records read from a CSV (comma or the semicolon
//! of Indonesian-locale Excel, CRLF or LF, with or without a byte-order mark) or from the
//! first sheet of an `.xlsx`, each with the line a person sees it on; and text made safe
//! for a spreadsheet to open (the OWASP rule against CSV injection).

use std::borrow::Cow;

/// One record of a file: the line it starts on (the header is usually line 1) and its
/// fields, trimmed; or a line that could not be read, with why.
pub type Record = Result<(u64, Vec<String>), (u64, String)>;

/// Whether `bytes` are an `.xlsx` (a zip archive) rather than text.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The separator a CSV's first line uses: a semicolon when it has more of those than
/// commas (Excel with Indonesian regional settings writes `;`, as the comma is the decimal
/// mark there), else a comma.
fn separator(first_line: &str) -> u8 {
    let count = |c: char| first_line.chars().filter(|&x| x == c).count();
    if count(';') > count(',') { b';' } else { b',' }
}

/// The records of a CSV text, numbered by the line each starts on. Excel's `sep=;` first
/// line, when present, names the separator and is not a record. Rows with nothing in them
/// (Excel writes `;;;` for an empty row) are left out.
pub fn csv_records(text: &str) -> Vec<Record> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let (body, skipped, sep) = match first.trim().strip_prefix("sep=") {
        Some(named) if named.len() == 1 => {
            let rest = text.split_once('\n').map_or("", |(_, rest)| rest);
            (rest, 1, named.as_bytes()[0])
        }
        _ => (text, 0, separator(first)),
    };
    // Line numbers from byte offsets, so that CRLF and quoted line breaks count as a person
    // counts them.
    let breaks: Vec<usize> = body.match_indices('\n').map(|(i, _)| i).collect();
    let bytes = body.as_bytes();
    let line_at = |byte: u64| {
        // A record's position may fall on the line break that ends the one before it (the
        // `\n` of a CRLF): its line starts after the break.
        let mut at = byte as usize;
        while matches!(bytes.get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        breaks.partition_point(|&b| b < at) as u64 + 1 + skipped
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .trim(csv::Trim::All)
        .from_reader(body.as_bytes());
    let mut out = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| line_at(p.byte()));
                let fields: Vec<String> = record.iter().map(str::to_string).collect();
                if fields.iter().any(|f| !f.is_empty()) {
                    out.push(Ok((line, fields)));
                }
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| line_at(p.byte()));
                out.push(Err((line, e.to_string())));
            }
        }
    }
    out
}

/// The records of the first sheet of an `.xlsx`, numbered by their row in the sheet.
/// Numbers come as people would type them (whole numbers without a decimal part, others
/// with a decimal comma), dates as `YYYY-MM-DD`. `Err` when the file is no workbook.
pub fn xlsx_records(bytes: &[u8]) -> Result<Vec<Record>, String> {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| e.to_string())?;
    let range = match book.worksheet_range_at(0) {
        Some(range) => range.map_err(|e| e.to_string())?,
        None => return Ok(Vec::new()),
    };
    let first_row = range.start().map_or(0, |(row, _)| u64::from(row));
    let mut out = Vec::new();
    // A sheet's rows all span its used width: cells left empty at the end of a row are the
    // header's empty columns (an unset best-before), and cells past the header are stray.
    let mut width = None;
    for (i, row) in range.rows().enumerate() {
        let mut fields: Vec<String> = row.iter().map(cell_text).collect();
        if fields.iter().all(String::is_empty) {
            continue;
        }
        let keep = *width.get_or_insert_with(|| {
            fields
                .iter()
                .rposition(|f| !f.is_empty())
                .map_or(0, |i| i + 1)
        });
        while fields.len() > keep && fields.last().is_some_and(String::is_empty) {
            fields.pop();
        }
        out.push(Ok((first_row + i as u64 + 1, fields)));
    }
    Ok(out)
}

fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "1" } else { "0" }.to_string(),
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::DateTimeIso(s) => s.chars().take(10).collect(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e}"),
    }
}

/// A spreadsheet number as a person types it here: `15000`, `1,25`.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}").replace('.', ",")
    }
}

/// Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage
/// return, hide where one starts).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as a spreadsheet will show it and never run it: a leading `'` before a
/// formula-looking start, as OWASP advises for CSV injection.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text a neutralised cell held: the `'` that `neutralise` put before a formula start is
/// taken away again, so an exported catalogue imports back unchanged.
pub fn unneutralise(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(records: &[Record]) -> Vec<u64> {
        records
            .iter()
            .map(|r| match r {
                Ok((line, _)) | Err((line, _)) => *line,
            })
            .collect()
    }

    #[test]
    fn indonesian_excel_csv_is_read_with_true_line_numbers() {
        let text =
            "\u{feff}code;name;qty\r\nA;Ani;1,25\r\n;;\r\nB;\"Budi\r\nBaru\";2\r\nC;Cici;3\r\n";
        let records = csv_records(text);
        assert_eq!(lines(&records), [1, 2, 4, 6]);
        let Ok((_, fields)) = &records[1] else {
            panic!("a record")
        };
        assert_eq!(fields, &["A", "Ani", "1,25"]);
    }

    #[test]
    fn a_sep_line_names_the_separator_and_counts_as_a_line() {
        let records = csv_records("sep=;\ncode;name\nA;x,y\n");
        assert_eq!(lines(&records), [2, 3]);
        let Ok((_, fields)) = &records[1] else {
            panic!("a record")
        };
        assert_eq!(fields, &["A", "x,y"]);
    }

    #[test]
    fn commas_stay_the_separator_when_the_header_has_more_of_them() {
        let records = csv_records("code,name,note\nA,B,\"x;y\"\n");
        let Ok((_, fields)) = &records[1] else {
            panic!("a record")
        };
        assert_eq!(fields, &["A", "B", "x;y"]);
    }

    #[test]
    fn formula_starts_are_neutralised_and_read_back() {
        for text in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+cmd|' /C calc'!A0",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            let safe = neutralise(text);
            assert!(safe.starts_with('\''), "{text:?}");
            assert_eq!(unneutralise(&safe), text);
        }
        for text in ["Ani", "'quoted", "15.000", ""] {
            assert_eq!(neutralise(text), text);
            assert_eq!(unneutralise(text), text);
        }
    }

    #[test]
    fn numbers_read_as_typed() {
        assert_eq!(number_text(15000.0), "15000");
        assert_eq!(number_text(1.25), "1,25");
        assert_eq!(number_text(5000.5), "5000,5");
    }
}
