//! Plain-text rendering of a `Document` for a fixed number of columns: 32 for 58 mm paper,
//! 48 for 80 mm, 80 for a report on screen. No line is ever wider than asked.

use super::document::{Align, Block, Document, Signature, Table};
use super::format::{char_width, display_width};

/// The narrowest paper there is (58 mm prints 32 columns) with room to spare; narrower widths
/// are treated as this one, where amounts up to a trillion Rupiah still fit on one line.
pub const MIN_WIDTH: usize = 24;

/// An item's name takes at most this many lines; the rest is cut, so a runaway name from a
/// CSV file cannot waste a metre of paper.
const ITEM_NAME_LINES: usize = 2;

/// A label is not squeezed narrower than this beside its value; the value moves below instead.
const MIN_LABEL: usize = 8;

/// A flexible table column keeps at least this much of its text before the table gives up
/// on columns and lists each row instead.
const MIN_FLEXIBLE: usize = 8;

/// Continuation lines (an item's detail, a listed table cell) are indented by this much.
const INDENT: usize = 2;

const ELLIPSIS: &str = "...";

/// Spaces between signature places side by side.
const SIGNATURE_GAP: usize = 2;

/// A signature place is not made narrower than this; more parties than fit go on further rows.
/// At the narrowest paper two still fit side by side, as people expect to sign.
const MIN_SIGNATURE: usize = 11;

/// Empty lines left to sign in: a pen signature needs about this much height.
const SIGNING_LINES: usize = 3;

/// How a laid-out line stands out, for renderers that can show it (bold on a thermal
/// printer, a larger bold font in a PDF); plain text shows every line alike.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum Emphasis {
    Plain,
    /// An emphasised pair (the total) or a mark (a voided sale).
    Bold,
    /// The printout's title.
    Title,
}

/// Renders the document as lines of at most `width` display columns (at least `MIN_WIDTH`),
/// each ending in a newline, with no trailing spaces.
pub fn render_text(doc: &Document, width: usize) -> String {
    let mut out = String::new();
    for (_, line) in layout(doc, width) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The one layout of a document: its lines for `width` columns (at least `MIN_WIDTH`),
/// without trailing spaces, each with how it stands out. Every renderer starts from here.
pub(super) fn layout(doc: &Document, width: usize) -> Vec<(Emphasis, String)> {
    let width = width.max(MIN_WIDTH);
    let mut out = Vec::new();
    for block in doc.blocks() {
        let mut lines = Vec::new();
        let emphasis = match block {
            Block::Title(_) => Emphasis::Title,
            Block::Pair { emphasis: true, .. } | Block::Mark(_) => Emphasis::Bold,
            _ => Emphasis::Plain,
        };
        match block {
            Block::Title(text) | Block::Centered(text) => {
                lines.extend(wrap(text, width).iter().map(|l| center(l, width)));
            }
            Block::Text(text) => lines.extend(wrap(text, width)),
            Block::Pair { left, right, .. } => lines.extend(pair(left, right, width, 0)),
            Block::Item {
                name,
                detail,
                amount,
            } => {
                lines.extend(item_name(name, width));
                lines.extend(pair(detail, amount, width, INDENT));
            }
            Block::Detail { label, value } => lines.extend(pair(label, value, width, INDENT)),
            Block::Mark(text) => {
                let decorated = format!("*** {text} ***");
                let text = if display_width(&decorated) <= width {
                    &decorated
                } else {
                    text
                };
                lines.extend(wrap(text, width).iter().map(|l| center(l, width)));
            }
            Block::Table(table) => lines.extend(table_lines(table, width)),
            Block::Rule => lines.push("-".repeat(width)),
            Block::Blank => lines.push(String::new()),
            Block::Signatures(parties) => lines.extend(signatures(parties, width)),
        }
        out.extend(
            lines
                .into_iter()
                .map(|line| (emphasis, line.trim_end().to_string())),
        );
    }
    out
}

/// Splits at the longest prefix that fits in `max` columns.
fn split_at_width(text: &str, max: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += char_width(c);
        if used > max {
            return text.split_at(i);
        }
    }
    (text, "")
}

/// Word-wraps to `max` columns; a word longer than a line is broken where it must be.
/// Always at least one line, so an empty text still takes its place.
pub(crate) fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in words(text) {
        let mut word = word.as_str();
        while !word.is_empty() {
            let needed = if current.is_empty() {
                display_width(word)
            } else {
                display_width(&current) + 1 + display_width(word)
            };
            if needed <= max {
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(word);
                word = "";
            } else if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            } else {
                let (head, tail) = split_at_width(word, max);
                lines.push(head.to_string());
                word = tail;
            }
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// The words of a text, with the currency kept on its amount: a line that ends in `Rp`
/// and goes on with `15.000` reads as two prices.
fn words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match words.last_mut() {
            Some(last) if last == "Rp" || last == "-Rp" => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
    }
    words
}

/// Cuts the text to `max` columns, marking the cut.
fn truncate(text: &str, max: usize) -> String {
    if display_width(text) <= max {
        return text.to_string();
    }
    let (head, _) = split_at_width(text, max.saturating_sub(ELLIPSIS.len()));
    format!("{}{ELLIPSIS}", head.trim_end())
}

fn center(line: &str, width: usize) -> String {
    let pad = width.saturating_sub(display_width(line)) / 2;
    format!("{}{line}", " ".repeat(pad))
}

fn item_name(name: &str, width: usize) -> Vec<String> {
    let mut lines = wrap(name, width);
    if lines.len() > ITEM_NAME_LINES {
        // What is left spans more than a line, so the cut always shows.
        let rest = lines.split_off(ITEM_NAME_LINES - 1).join(" ");
        lines.push(truncate(&rest, width));
    }
    lines
}

/// A label and a value on one line when they fit, the label wrapped beside the value when
/// it is long, or the value on a line of its own when the paper is too narrow for both.
fn pair(left: &str, right: &str, width: usize, indent: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    let right_width = display_width(right);
    let room = width.saturating_sub(indent + right_width + 1);
    if room >= MIN_LABEL.min(display_width(left)) && room > 0 {
        let mut lines: Vec<String> = wrap(left, room)
            .into_iter()
            .map(|l| format!("{pad}{l}"))
            .collect();
        let last = lines.pop().unwrap_or_default();
        let gap = width - display_width(&last) - right_width;
        lines.push(format!("{last}{}{right}", " ".repeat(gap)));
        lines
    } else {
        let mut lines: Vec<String> = if left.is_empty() {
            Vec::new()
        } else {
            wrap(left, width - indent)
                .into_iter()
                .map(|l| format!("{pad}{l}"))
                .collect()
        };
        for part in wrap(right, width) {
            let gap = width - display_width(&part);
            lines.push(format!("{}{part}", " ".repeat(gap)));
        }
        lines
    }
}

/// Signature places side by side, as many to a row as fit: the roles on one line, room to
/// sign, a line per party to sign on, and the names under the lines.
fn signatures(parties: &[Signature], width: usize) -> Vec<String> {
    if parties.is_empty() {
        return Vec::new();
    }
    let per_row =
        ((width + SIGNATURE_GAP) / (MIN_SIGNATURE + SIGNATURE_GAP)).clamp(1, parties.len());
    let column = (width - SIGNATURE_GAP * (per_row - 1)) / per_row;
    let mut lines = Vec::new();
    for (i, row) in parties.chunks(per_row).enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        let roles: Vec<Vec<String>> = row.iter().map(|p| wrap(&p.role, column)).collect();
        let names: Vec<Vec<String>> = row
            .iter()
            .map(|p| {
                if p.name.trim().is_empty() {
                    Vec::new()
                } else {
                    wrap(&format!("({})", p.name), column)
                }
            })
            .collect();
        let tallest = |cells: &[Vec<String>]| cells.iter().map(Vec::len).max().unwrap_or(0);
        let side_by_side = |cells: &[Vec<String>], height: usize| -> Vec<String> {
            (0..height)
                .map(|at| {
                    let parts: Vec<String> = cells
                        .iter()
                        .map(|cell| {
                            let text = cell.get(at).map_or("", String::as_str);
                            let text = center(text, column);
                            let fill = column.saturating_sub(display_width(&text));
                            format!("{text}{}", " ".repeat(fill))
                        })
                        .collect();
                    parts.join(&" ".repeat(SIGNATURE_GAP))
                })
                .collect()
        };
        lines.extend(side_by_side(&roles, tallest(&roles)));
        lines.extend(std::iter::repeat_n(String::new(), SIGNING_LINES));
        let rules: Vec<String> = row.iter().map(|_| "_".repeat(column)).collect();
        lines.push(rules.join(&" ".repeat(SIGNATURE_GAP)));
        lines.extend(side_by_side(&names, tallest(&names)));
    }
    lines
}

/// Column widths that fit `width` with `gap` spaces between columns, shrinking flexible
/// columns if need be; `None` when even that is not enough.
fn fit_columns(table: &Table, width: usize, gap: usize) -> Option<Vec<usize>> {
    let all_rows = table
        .rows
        .iter()
        .chain(table.footer.iter())
        .map(|r| r.as_slice());
    let mut widths: Vec<usize> = table
        .columns
        .iter()
        .map(|c| display_width(&c.heading))
        .collect();
    for row in all_rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(display_width(cell));
        }
    }
    let total = widths.iter().sum::<usize>() + gap * widths.len().saturating_sub(1);
    let mut excess = total.saturating_sub(width);
    for (w, column) in widths.iter_mut().zip(&table.columns) {
        if excess > 0 && column.flexible {
            let cut = excess.min(w.saturating_sub(MIN_FLEXIBLE));
            *w -= cut;
            excess -= cut;
        }
    }
    (excess == 0).then_some(widths)
}

fn table_lines(table: &Table, width: usize) -> Vec<String> {
    if table.columns.is_empty() {
        return Vec::new();
    }
    for gap in [2, 1] {
        if let Some(widths) = fit_columns(table, width, gap) {
            return grid(table, &widths, gap);
        }
    }
    listed(table, width)
}

fn grid(table: &Table, widths: &[usize], gap: usize) -> Vec<String> {
    let line_width = widths.iter().sum::<usize>() + gap * (widths.len() - 1);
    let row_line = |cells: &[String]| -> String {
        let parts: Vec<String> = cells
            .iter()
            .zip(widths)
            .zip(&table.columns)
            .map(|((cell, &w), column)| {
                let cell = truncate(cell, w);
                let fill = " ".repeat(w - display_width(&cell));
                match column.align {
                    Align::Left => format!("{cell}{fill}"),
                    Align::Right => format!("{fill}{cell}"),
                }
            })
            .collect();
        parts.join(&" ".repeat(gap))
    };
    let mut lines = Vec::new();
    if table.has_header() {
        let headings: Vec<String> = table.columns.iter().map(|c| c.heading.clone()).collect();
        lines.push(row_line(&headings));
        lines.push("-".repeat(line_width));
    }
    lines.extend(table.rows.iter().map(|r| row_line(r)));
    if let Some(footer) = &table.footer {
        lines.push("-".repeat(line_width));
        lines.push(row_line(footer));
    }
    lines
}

/// A table too wide for the paper, as one record per row: its name on a line, then each
/// other cell under its heading, so no amount is ever cut.
fn listed(table: &Table, width: usize) -> Vec<String> {
    let lead = table.columns.iter().position(|c| c.flexible).unwrap_or(0);
    let record = |cells: &[String]| -> Vec<String> {
        let mut lines = wrap(&cells[lead], width);
        for (i, (cell, column)) in cells.iter().zip(&table.columns).enumerate() {
            if i != lead && !cell.is_empty() {
                lines.extend(pair(&column.heading, cell, width, INDENT));
            }
        }
        lines
    };
    let mut lines = Vec::new();
    for row in &table.rows {
        lines.extend(record(row));
    }
    if let Some(footer) = &table.footer {
        lines.push("-".repeat(width));
        lines.extend(record(footer));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::document::Column;

    fn lines(doc: &Document, width: usize) -> Vec<String> {
        render_text(doc, width)
            .lines()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn pairs_share_a_line_when_they_fit() {
        let mut doc = Document::new();
        doc.pair("Tunai", "Rp 50.000");
        assert_eq!(lines(&doc, 24), vec!["Tunai          Rp 50.000"]);
    }

    #[test]
    fn a_long_label_wraps_beside_its_value() {
        let mut doc = Document::new();
        doc.pair("Kembalian untuk pembeli yang baik hati", "Rp 5.000");
        let out = lines(&doc, 24);
        assert!(out.len() > 1);
        assert!(out.last().unwrap().ends_with("Rp 5.000"));
        assert!(out.iter().all(|l| display_width(l) <= 24), "{out:?}");
    }

    #[test]
    fn words_longer_than_a_line_are_broken() {
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("ab cd ef", 5), vec!["ab cd", "ef"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("咖啡咖啡", 5), vec!["咖啡", "咖啡"]);
        assert_eq!(
            wrap("9 bks x Rp 100.000.000", 16),
            vec!["9 bks x", "Rp 100.000.000"]
        );
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("Keripik Singkong", 10), "Keripik...");
        assert_eq!(truncate("Kopi", 10), "Kopi");
    }

    #[test]
    fn a_table_too_wide_is_listed_with_every_amount_whole() {
        let table = Table::new(vec![
            Column::left("Kode"),
            Column::left("Produsen").flexible(),
            Column::right("Penjualan"),
            Column::right("Bagian produsen"),
        ])
        .row(vec![
            "SRI".into(),
            "Kue Basah Bu Sri".into(),
            "Rp 1.234.567".into(),
            "Rp 1.049.382".into(),
        ]);
        let mut doc = Document::new();
        doc.table(table);
        let wide = lines(&doc, 80);
        assert_eq!(wide.len(), 3, "{wide:?}");
        assert!(
            wide[2].starts_with("SRI   Kue Basah Bu Sri  Rp 1.234.567"),
            "{wide:?}"
        );
        let narrow = lines(&doc, 24);
        assert!(narrow.iter().all(|l| display_width(l) <= 24), "{narrow:?}");
        assert!(narrow.iter().any(|l| l.ends_with("Rp 1.234.567")));
        assert!(narrow.iter().any(|l| l.ends_with("Rp 1.049.382")));
        assert_eq!(narrow[0], "Kue Basah Bu Sri");
    }

    #[test]
    fn two_parties_sign_side_by_side_with_their_names_under_the_lines() {
        let mut doc = Document::new();
        doc.signatures(&[("Penyerah", "Kue Basah Bu Sri"), ("Penerima", "Sari")]);
        let out = lines(&doc, 32);
        assert_eq!(
            out,
            vec![
                "   Penyerah         Penerima",
                "",
                "",
                "",
                "_______________  _______________",
                " (Kue Basah Bu       (Sari)",
                "     Sri)",
            ],
            "{out:#?}"
        );
        let wide = lines(&doc, 48);
        assert_eq!(wide[4], format!("{}  {}", "_".repeat(23), "_".repeat(23)));
        assert_eq!(wide[5], "  (Kue Basah Bu Sri)             (Sari)");
    }

    #[test]
    fn more_parties_than_fit_sign_on_further_rows() {
        let mut doc = Document::new();
        doc.signatures(&[("A", "a"), ("B", "b"), ("C", "")]);
        let out = lines(&doc, 24);
        assert!(out.iter().all(|l| display_width(l) <= 24), "{out:?}");
        let rules = out.iter().filter(|l| l.starts_with('_')).count();
        assert_eq!(rules, 2, "{out:#?}");
        assert_eq!(
            out.last().unwrap(),
            &"_".repeat(11),
            "no name, nothing under the line"
        );
    }

    #[test]
    fn details_sit_indented_under_their_item() {
        let mut doc = Document::new();
        doc.item("Lemper Ayam", "LMPR", "20 pcs")
            .detail("Stok", "5 -> 25 pcs");
        assert_eq!(
            lines(&doc, 24),
            vec![
                "Lemper Ayam",
                "  LMPR            20 pcs",
                "  Stok       5 -> 25 pcs",
            ]
        );
    }

    #[test]
    fn widths_below_the_minimum_render_at_the_minimum() {
        let mut doc = Document::new();
        doc.rule();
        assert_eq!(lines(&doc, 5), vec!["-".repeat(MIN_WIDTH)]);
    }
}
