//! An A4 sheet of barcode labels, three across and eight down (the common 70 × 37 mm label
//! paper; on plain paper the faint frames are where to cut): each label the product's name
//! (wrapped, never cut), its code, its price and its EAN-13 bars with the digits under
//! them, drawn as vectors so any printer prints them sharp.

use barcoders::sym::ean13::EAN13;
use pdf_writer::{Content, Name, Str};

use super::pdf::{
    BOLD, PAGE_HEIGHT, PAGE_WIDTH, REGULAR, a4_document, win_ansi_bytes, win_ansi_text,
};
use crate::domain::Product;

const COLUMNS: usize = 3;
const ROWS: usize = 8;
const LABEL_WIDTH: f32 = PAGE_WIDTH / COLUMNS as f32;
const LABEL_HEIGHT: f32 = PAGE_HEIGHT / ROWS as f32;
const PADDING: f32 = 9.0;
/// One module of the bars: 0.32 mm, near EAN-13's nominal 0.33 mm, which scanners expect.
const MODULE: f32 = 0.9;
const BAR_HEIGHT: f32 = 40.0;
/// Courier's advance, in em.
const ADVANCE: f32 = 0.6;

/// One label's content: what the product is called, its code and price, its barcode.
pub struct Label {
    pub name: String,
    pub code: String,
    pub price: String,
    /// 13 digits.
    pub barcode: String,
}

impl Label {
    /// The label of a product that has its barcode; `None` for one without.
    pub fn of(product: &Product) -> Option<Label> {
        Some(Label {
            name: product.full_name(),
            code: product.code.clone(),
            price: product.price.to_string(),
            barcode: product.barcode.clone()?,
        })
    }
}

/// The labels as an A4 PDF, 24 to a page; no labels make one empty page.
pub fn label_sheet(labels: &[Label]) -> Vec<u8> {
    let pages: Vec<&[Label]> = if labels.is_empty() {
        vec![&[]]
    } else {
        labels.chunks(COLUMNS * ROWS).collect()
    };
    let contents = pages
        .iter()
        .map(|labels| {
            let mut content = Content::new();
            for (i, label) in labels.iter().enumerate() {
                let x = (i % COLUMNS) as f32 * LABEL_WIDTH;
                let top = PAGE_HEIGHT - (i / COLUMNS) as f32 * LABEL_HEIGHT;
                draw_label(&mut content, label, x, top);
            }
            content
        })
        .collect();
    a4_document(contents)
}

/// Text at (x, y), its baseline.
fn text(content: &mut Content, font: Name, size: f32, x: f32, y: f32, line: &str) {
    content
        .begin_text()
        .set_font(font, size)
        .next_line(x, y)
        .show(Str(&win_ansi_bytes(line)))
        .end_text();
}

fn width(line: &str, size: f32) -> f32 {
    line.chars().count() as f32 * ADVANCE * size
}

fn draw_label(content: &mut Content, label: &Label, x: f32, top: f32) {
    content
        .set_line_width(0.3)
        .set_stroke_gray(0.8)
        .rect(
            x + 2.0,
            top - LABEL_HEIGHT + 2.0,
            LABEL_WIDTH - 4.0,
            LABEL_HEIGHT - 4.0,
        )
        .stroke()
        .set_fill_gray(0.0);
    let room = LABEL_WIDTH - 2.0 * PADDING;
    let (size, lines) = fit_name(&win_ansi_text(&label.name), room);
    let mut y = top - PADDING - size;
    for line in &lines {
        text(content, BOLD, size, x + PADDING, y, line);
        y -= size * 1.15;
    }
    y -= 3.0;
    text(content, REGULAR, 8.0, x + PADDING, y, &label.code);
    let price_size = 11.0;
    let price = win_ansi_text(&label.price);
    let price_x = x + LABEL_WIDTH - PADDING - width(&price, price_size);
    text(content, BOLD, price_size, price_x, y, &price);
    let bars_bottom = top - LABEL_HEIGHT + PADDING + 9.0;
    let bars_top = (y - 5.0).min(bars_bottom + BAR_HEIGHT);
    draw_bars(
        content,
        &label.barcode,
        x + LABEL_WIDTH / 2.0,
        bars_bottom,
        bars_top,
    );
    let digits = human_digits(&label.barcode);
    let digits_x = x + (LABEL_WIDTH - width(&digits, 8.0)) / 2.0;
    text(content, REGULAR, 8.0, digits_x, bars_bottom - 8.0, &digits);
}

/// The name in as few lines as fit: two at 9 pt, else three at 7 pt, else as many at 7 pt
/// as it takes (the label's frame is then crossed rather than a word lost).
fn fit_name(name: &str, room: f32) -> (f32, Vec<String>) {
    for (size, most) in [(9.0, 2), (7.0, 3)] {
        let lines = wrap(name, (room / (ADVANCE * size)) as usize);
        if lines.len() <= most {
            return (size, lines);
        }
    }
    (7.0, wrap(name, (room / (ADVANCE * 7.0)) as usize))
}

/// Words into lines of at most `columns` characters; a word longer than a line is split.
fn wrap(text: &str, columns: usize) -> Vec<String> {
    let columns = columns.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > columns {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..columns).collect());
        }
        let word: String = word.into_iter().collect();
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > columns && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The EAN-13 bars centred on `centre`, one filled rectangle per bar. A code the encoder
/// refuses (none the ledger gives) draws no bars: the digits under them still say it.
fn draw_bars(content: &mut Content, barcode: &str, centre: f32, bottom: f32, top: f32) {
    let Ok(ean) = EAN13::new(barcode) else {
        return;
    };
    let modules = ean.encode();
    let left = centre - modules.len() as f32 * MODULE / 2.0;
    let mut i = 0;
    while i < modules.len() {
        if modules[i] == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < modules.len() && modules[i] == 1 {
            i += 1;
        }
        let run = (i - start) as f32;
        content.rect(
            left + start as f32 * MODULE,
            bottom,
            run * MODULE,
            top - bottom,
        );
        content.fill_nonzero();
    }
}

/// `2 000000 000176`: the digits as printed under EAN-13 bars.
fn human_digits(barcode: &str) -> String {
    if barcode.len() != 13 {
        return barcode.to_string();
    }
    format!("{} {} {}", &barcode[..1], &barcode[1..7], &barcode[7..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_wrap_by_words_and_are_never_cut() {
        let name = "Kain Tapis Lampung Motif Pucuk Rebung";
        let (size, lines) = fit_name(name, LABEL_WIDTH - 2.0 * PADDING);
        assert_eq!(size, 9.0);
        assert_eq!(lines.join(" "), name);
        assert!(lines.len() <= 2, "{lines:?}");
        let long = "Kelompok Tani Rukun Makmur Metro Selatan Beras Pandan Wangi Organik Super 5 kg";
        let (_, lines) = fit_name(long, LABEL_WIDTH - 2.0 * PADDING);
        assert_eq!(lines.join(" "), long);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn twenty_five_labels_take_two_pages() {
        let label = |i: usize| Label {
            name: format!("Lemper Ayam {i}"),
            code: format!("L{i}"),
            price: "Rp 3.500".into(),
            barcode: crate::domain::barcode::internal_ean13(i as u64),
        };
        let labels: Vec<Label> = (0..25).map(label).collect();
        let bytes = label_sheet(&labels);
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(String::from_utf8_lossy(&bytes).contains("/Count 2"));
        assert!(String::from_utf8_lossy(&label_sheet(&[])).contains("/Count 1"));
    }
}
