//! A4 PDF of one or more documents for the office's inkjet: each document starts a page (a
//! settlement run is one producer per page) and runs on to further pages when it is long.
//! The lines are the text renderer's at 80 columns, set in the standard Courier fonts (no
//! font file to ship), so tables keep their columns; text is WinAnsi-encoded.

use pdf_writer::{Content, Name, Pdf, Rect, Ref, Str};

use super::chart::{Chart, ChartKind, LINE_ROWS, bar_length};
use super::document::{Block, Document};
use super::escpos::ascii;
use super::format::char_width;
use super::text::{Emphasis, layout};

/// Columns of the layout: Courier is 0.6 em wide, so 80 columns at `BODY_SIZE` take 480 pt
/// of the 595 pt of an A4 page.
pub const PDF_COLUMNS: usize = 80;

pub(super) const PAGE_WIDTH: f32 = 595.28;
pub(super) const PAGE_HEIGHT: f32 = 841.89;
const MARGIN_TOP: f32 = 56.0;
const MARGIN_BOTTOM: f32 = 56.0;
const BODY_SIZE: f32 = 10.0;
const BODY_LEADING: f32 = 13.0;
const TITLE_SIZE: f32 = 14.0;
const TITLE_LEADING: f32 = 20.0;
const FOOTER_SIZE: f32 = 8.0;
/// Courier's advance, in em.
const COURIER_ADVANCE: f32 = 0.6;

pub(super) const REGULAR: Name = Name(b"F1");
pub(super) const BOLD: Name = Name(b"F2");

/// A page: its lines, and which page of how many of its document it is.
struct Page {
    lines: Vec<(Emphasis, String)>,
    number: usize,
    of: usize,
    /// Every chart of the page's document, in order (a line's `Emphasis::Chart` names one).
    charts: Vec<Chart>,
}

/// The documents as one A4 PDF, each starting on a page of its own. No documents make one
/// empty page, so the file is always a valid PDF.
pub fn render_pdf(docs: &[Document]) -> Vec<u8> {
    let mut pages = Vec::new();
    for doc in docs {
        let doc = doc.map_text(win_ansi_text);
        let charts: Vec<Chart> = doc
            .blocks()
            .iter()
            .filter_map(|b| match b {
                Block::Chart(chart) => Some(chart.clone()),
                _ => None,
            })
            .collect();
        let lines = layout(&doc, PDF_COLUMNS);
        let chunks = paginate(lines);
        let of = chunks.len();
        pages.extend(chunks.into_iter().enumerate().map(|(i, lines)| Page {
            lines,
            number: i + 1,
            of,
            charts: charts.clone(),
        }));
    }
    if pages.is_empty() {
        pages.push(Page {
            lines: Vec::new(),
            number: 1,
            of: 1,
            charts: Vec::new(),
        });
    }

    a4_document(pages.iter().map(content).collect())
}

/// Content streams as the pages of one A4 PDF, with Courier as `F1` and Courier-Bold as `F2`
/// (WinAnsi-encoded, no font file to ship). At least one page is given.
pub(super) fn a4_document(pages: Vec<Content>) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let ids: Vec<(Ref, Ref)> = (0..pages.len() as i32)
        .map(|i| (Ref::new(5 + 2 * i), Ref::new(6 + 2 * i)))
        .collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(ids.iter().map(|(page, _)| *page))
        .count(pages.len() as i32);
    for (page, (page_id, content_id)) in pages.into_iter().zip(&ids) {
        let mut writer = pdf.page(*page_id);
        writer
            .media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT))
            .parent(tree)
            .contents(*content_id);
        writer
            .resources()
            .fonts()
            .pair(REGULAR, regular)
            .pair(BOLD, bold);
        drop(writer);
        pdf.stream(*content_id, &page.finish());
    }
    for (id, name) in [(regular, "Courier"), (bold, "Courier-Bold")] {
        pdf.type1_font(id)
            .base_font(Name(name.as_bytes()))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    pdf.finish()
}

fn leading(emphasis: Emphasis) -> f32 {
    match emphasis {
        Emphasis::Title => TITLE_LEADING,
        _ => BODY_LEADING,
    }
}

/// Cuts a document's lines into pages, each as many lines as its height holds.
fn paginate(lines: Vec<(Emphasis, String)>) -> Vec<Vec<(Emphasis, String)>> {
    let room = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
    let mut pages = vec![Vec::new()];
    let mut used = 0.0;
    for line in lines {
        // A chart is not cut across pages: its first row asks for the room of all of them.
        let height = match line.0 {
            Emphasis::Chart { rows, .. } => rows as f32 * BODY_LEADING,
            _ => leading(line.0),
        };
        let page = pages.last_mut().expect("never empty");
        if used + height > room && !page.is_empty() {
            pages.push(Vec::new());
            used = 0.0;
        }
        used += match line.0 {
            Emphasis::Chart { .. } => BODY_LEADING,
            Emphasis::ChartRow => 0.0_f32.max(BODY_LEADING),
            _ => height,
        };
        pages.last_mut().expect("never empty").push(line);
    }
    pages
}

fn content(page: &Page) -> Content {
    let left = (PAGE_WIDTH - PDF_COLUMNS as f32 * COURIER_ADVANCE * BODY_SIZE) / 2.0;
    let mut content = Content::new();
    let mut y = PAGE_HEIGHT - MARGIN_TOP;
    for (emphasis, line) in &page.lines {
        y -= leading(*emphasis);
        if line.is_empty() {
            continue;
        }
        let (font, size, x, text) = match emphasis {
            // The figure in its rows' space, below its title.
            Emphasis::Chart { n, rows } => {
                if let Some(chart) = page.charts.get(*n) {
                    draw_chart(&mut content, chart, left, y, *rows);
                }
                (BOLD, BODY_SIZE, left, line.as_str())
            }
            Emphasis::ChartRow => continue,
            // The layout centred the title for body-sized letters; larger, it is centred
            // again on the page.
            Emphasis::Title => {
                let text = line.trim();
                let width = text.chars().count() as f32 * COURIER_ADVANCE * TITLE_SIZE;
                (
                    BOLD,
                    TITLE_SIZE,
                    ((PAGE_WIDTH - width) / 2.0).max(left),
                    text,
                )
            }
            Emphasis::Bold => (BOLD, BODY_SIZE, left, line.as_str()),
            Emphasis::Plain => (REGULAR, BODY_SIZE, left, line.as_str()),
        };
        content
            .begin_text()
            .set_font(font, size)
            .next_line(x, y)
            .show(Str(&win_ansi_bytes(text)))
            .end_text();
    }
    if page.of > 1 {
        let number = format!("{}/{}", page.number, page.of);
        let width = number.len() as f32 * COURIER_ADVANCE * FOOTER_SIZE;
        content
            .begin_text()
            .set_font(REGULAR, FOOTER_SIZE)
            .next_line(PAGE_WIDTH - left - width, MARGIN_BOTTOM / 2.0)
            .show(Str(number.as_bytes()))
            .end_text();
    }
    content
}

/// Draws `chart` as vectors: its title's baseline is `top`, and it has `rows` rows of the
/// body's leading below that, laid out as the text version's columns are.
fn draw_chart(content: &mut Content, chart: &Chart, left: f32, top: f32, rows: usize) {
    let column = COURIER_ADVANCE * BODY_SIZE;
    content
        .save_state()
        .set_fill_rgb(0.18, 0.42, 0.62)
        .set_stroke_rgb(0.18, 0.42, 0.62);
    match chart.kind {
        ChartKind::Bars => {
            let (label, bars, _) = chart.bar_layout(PDF_COLUMNS);
            let max = chart.max();
            for (i, (name, value, shown)) in chart.points.iter().enumerate() {
                let base = top - (i + 1) as f32 * BODY_LEADING;
                let width = *value as f32 / max as f32 * bars as f32 * column;
                let x = left + (label + 1) as f32 * column;
                content
                    .rect(x, base - 1.0, width.max(0.0), BODY_SIZE * 0.8)
                    .fill_nonzero();
                let name: String = name.chars().take(label).collect();
                let value_x = left + (PDF_COLUMNS - shown.chars().count()) as f32 * column;
                text_at(content, left, base, &name);
                text_at(content, value_x, base, shown);
            }
        }
        ChartKind::Line => {
            let bottom = top - (LINE_ROWS as f32 + 0.3) * BODY_LEADING;
            let height = (LINE_ROWS as f32 - 0.3) * BODY_LEADING;
            let max = chart.max();
            // Across the whole width, whatever the number of points.
            let width = PDF_COLUMNS as f32 * column;
            let step = width / chart.points.len().saturating_sub(1).max(1) as f32;
            let point = |i: usize, v: i64| {
                (
                    left + i as f32 * step,
                    bottom + bar_length(v, max, 1000) as f32 / 1000.0 * height,
                )
            };
            content
                .set_line_width(0.5)
                .move_to(left, bottom)
                .line_to(left + width, bottom);
            content.stroke().set_line_width(1.5);
            for (i, (_, value, _)) in chart.points.iter().enumerate() {
                let (x, y) = point(i, *value);
                if i == 0 {
                    content.move_to(x, y);
                } else {
                    content.line_to(x, y);
                }
            }
            content.stroke();
            for (i, (_, value, _)) in chart.points.iter().enumerate() {
                let (x, y) = point(i, *value);
                content.rect(x - 2.0, y - 2.0, 4.0, 4.0).fill_nonzero();
            }
            let labels = top - (rows - 1) as f32 * BODY_LEADING;
            if let (Some(first), Some(last)) = (chart.points.first(), chart.points.last()) {
                text_at(content, left, labels, &first.0);
                let last_x = left + width - last.0.chars().count() as f32 * column;
                text_at(content, last_x, labels, &last.0);
            }
        }
    }
    content.restore_state();
}

/// Text in black, whatever colour the chart is drawing in.
fn text_at(content: &mut Content, x: f32, y: f32, text: &str) {
    content.save_state().set_fill_gray(0.0);
    content
        .begin_text()
        .set_font(REGULAR, BODY_SIZE)
        .next_line(x, y)
        .show(Str(&win_ansi_bytes(text)))
        .end_text();
    content.restore_state();
}

/// The WinAnsi byte of a character, where it has one.
fn win_ansi(c: char) -> Option<u8> {
    let code = c as u32;
    if (0x20..0x7f).contains(&code) || (0xa0..=0xff).contains(&code) {
        return Some(code as u8);
    }
    let byte = match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        _ => return None,
    };
    Some(byte)
}

/// The text with what WinAnsi cannot show transliterated, before it is laid out, so the
/// layout measures what is printed.
pub(super) fn win_ansi_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if win_ansi(c).is_some() {
            out.push(c);
        } else if char_width(c) > 0 {
            out.push_str(&ascii(&c.to_string()));
        }
    }
    out
}

pub(super) fn win_ansi_bytes(text: &str) -> Vec<u8> {
    text.chars().filter_map(win_ansi).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn win_ansi_keeps_latin_letters_and_transliterates_the_rest() {
        assert_eq!(win_ansi_text("Bu Éna – “Kopi”"), "Bu Éna – “Kopi”");
        assert_eq!(win_ansi_bytes("É–"), vec![0xc9, 0x96]);
        assert_eq!(win_ansi_text("咖啡 → x"), "?? -> x");
    }

    #[test]
    fn a_long_document_runs_on_to_further_pages() {
        let mut doc = Document::new();
        doc.title("Panjang");
        for i in 0..150 {
            doc.pair(&format!("Baris {i}"), "Rp 1.000");
        }
        let lines = layout(&doc, PDF_COLUMNS);
        let pages = paginate(lines);
        assert_eq!(pages.len(), 3);
        assert_eq!(pages.iter().map(Vec::len).sum::<usize>(), 151);
        let bytes = render_pdf(&[doc, Document::new()]);
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("/Count 4"), "three pages and one");
    }
}
