//! The frame around every screen (status line, message line, key bar), the too-small
//! notice, and small drawing helpers shared by the screens.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{HighlightSpacing, Paragraph, Table, TableState};
use tui_big_text::{BigText, PixelSize};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::Rupiah;
use crate::domain::glance::TOP_DAYS;
use crate::domain::money::group_thousands;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// A rectangle of at most `width` × `height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Right-aligned cell text, for amounts and quantities.
pub fn right<'a>(text: impl Into<std::borrow::Cow<'a, str>>) -> Line<'a> {
    Line::from(Span::from(text.into())).right_aligned()
}

/// An amount in big digits, without `Rp` (the line above says it, in full): up to
/// `1.000.000` fits 80 columns in half-height blocks, which use only `▀▄█` that every
/// console font has. Quarter blocks when narrower, plain bold text as a last resort.
pub fn big_amount(frame: &mut Frame, area: Rect, amount: Rupiah, style: Style) {
    let text = group_thousands(amount.value().unsigned_abs());
    let chars = text.chars().count() as u16;
    let size = if chars * 8 <= area.width && area.height >= 4 {
        Some(PixelSize::HalfHeight)
    } else if chars * 4 <= area.width && area.height >= 2 {
        Some(PixelSize::Quadrant)
    } else {
        None
    };
    match size {
        Some(size) => {
            let big = BigText::builder()
                .pixel_size(size)
                .style(style)
                .lines(vec![Line::from(text)])
                .centered()
                .build();
            frame.render_widget(big, area);
        }
        None => frame.render_widget(Paragraph::new(Span::styled(text, style)).centered(), area),
    }
}

/// Draws a list the attendant moves through, the way every list here looks: the selected row
/// reversed behind a `▶`, the marker's column kept even when nothing is selected.
/// How a form lays out its labelled fields: the indent, the label's width, the value's.
#[derive(Clone, Copy)]
pub(super) struct FieldLayout {
    pub indent: usize,
    pub label: usize,
    pub value: usize,
}

/// A labelled text field on one row: the label in bold, the value underlined (reversed, with
/// the cursor after it, where typing goes).
pub(super) fn field_line(
    frame: &mut Frame,
    row: Rect,
    layout: FieldLayout,
    label: &str,
    value: &str,
    focused: bool,
) {
    let FieldLayout {
        indent,
        label: label_width,
        value: value_width,
    } = layout;
    let prefix = format!("{:indent$}{label:<label_width$} ", "");
    let value_span = Span::from(format!(" {value:<value_width$}"));
    let line = Line::from(vec![
        Span::from(prefix.clone()).bold(),
        if focused {
            value_span.reversed()
        } else {
            value_span.underlined()
        },
    ]);
    frame.render_widget(Paragraph::new(line), row);
    if focused {
        let x = row.x + (prefix.chars().count() + 1 + value.chars().count()) as u16;
        frame.set_cursor_position((x.min(row.right().saturating_sub(1)), row.y));
    }
}

/// A list's box with one dim line instead of rows: still loading, or nothing to show.
pub(super) fn placeholder(
    frame: &mut Frame,
    area: Rect,
    block: ratatui::widgets::Block,
    text: &str,
) {
    frame.render_widget(
        Paragraph::new(text.dark_gray()).centered().block(block),
        area,
    );
}

pub(super) fn draw_list(frame: &mut Frame, area: Rect, table: Table<'_>, selected: usize) {
    let table = table
        .row_highlight_style(Style::new().reversed())
        .highlight_symbol("▶ ")
        .highlight_spacing(HighlightSpacing::Always);
    let mut state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The filter line above a list: typing narrows the list, and the cursor waits at the end
/// of what was typed while the list has the keyboard.
pub(super) fn draw_filter(frame: &mut Frame, area: Rect, label: &str, text: &str, focused: bool) {
    let label = format!(" {label}: ");
    let x = area.x + (label.width() + text.width()) as u16;
    frame.render_widget(
        Paragraph::new(Line::from(vec![Span::from(label).bold(), Span::from(text)])),
        area,
    );
    if focused {
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
    }
}

/// The text in at most `width` columns, ending in `…` when cut.
pub(super) fn cut_to(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Text in rows of at most `width` columns, broken between words (a word longer than a row
/// is broken where the row ends), at most `rows` of them; when it does not fit, the last row ends in `…` after a
/// whole word, so a message never stops mid-word.
pub(super) fn wrap_words(text: &str, width: usize, rows: usize) -> Vec<String> {
    wrap_tokens(text.split_whitespace().map(str::to_string), width, rows)
}

/// As `wrap_words`, for words already grouped (`250 g` is one: a size is never split).
fn wrap_tokens(words: impl Iterator<Item = String>, width: usize, rows: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    // A word wider than a row (a hash, a path) is broken across rows, not cut.
    let words = words.flat_map(|word| {
        let mut pieces: Vec<String> = vec![String::new()];
        for c in word.chars() {
            let last = pieces.last_mut().expect("a piece");
            if !last.is_empty() && last.width() + c.width().unwrap_or(0) > width {
                pieces.push(String::new());
            }
            pieces.last_mut().expect("a piece").push(c);
        }
        pieces
    });
    for word in words {
        if line.is_empty() {
            line = word;
        } else if line.width() + 1 + word.width() <= width {
            line.push(' ');
            line.push_str(&word);
        } else {
            out.push(std::mem::replace(&mut line, word));
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    if out.len() > rows && rows > 0 {
        out.truncate(rows);
        let last = out.last_mut().expect("a row");
        while last.width() + 1 > width {
            match last.rfind(' ') {
                Some(at) => last.truncate(at),
                None => break,
            }
        }
        *last = cut_to(&format!("{last}…"), width);
    }
    out
}

/// The room a list drawn with `draw_list` leaves for its flexible columns: the inner width of
/// its bordered, padded box less the `▶ ` marker, the fixed columns and every gap between
/// columns (`columns` counts them all).
pub(super) fn list_room(area_width: u16, fixed: &[u16], columns: u16) -> u16 {
    let inner = area_width.saturating_sub(4 + 2);
    inner.saturating_sub(fixed.iter().sum::<u16>() + columns.saturating_sub(1))
}

/// The widest of a column's cells, its header included.
pub(super) fn column_width<'a>(header: &str, cells: impl IntoIterator<Item = &'a str>) -> u16 {
    cells
        .into_iter()
        .map(UnicodeWidthStr::width)
        .chain([header.width()])
        .max()
        .unwrap_or(0) as u16
}

/// How a name column and the producer column beside it share their room: the name takes what
/// the producer leaves; the producer gives way to its code before a name is cut; a name that
/// still does not fit wraps onto a second row.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) struct NameFit {
    pub name: u16,
    pub producer: u16,
    /// The producer column shows codes, not names.
    pub codes: bool,
    /// Rows per list row: 1, or 2 when names wrap.
    pub height: u16,
}

/// `room` is the width of both columns together, the gap between them included;
/// `producer_names`/`producer_codes` are the widths of those columns' widest cells.
pub(super) fn fit_names(room: u16, name: u16, producer_names: u16, producer_codes: u16) -> NameFit {
    let room = room.saturating_sub(1);
    let (producer, codes) = if name + producer_names <= room {
        (producer_names, false)
    } else {
        (producer_codes.min(room / 3), true)
    };
    let name_width = room.saturating_sub(producer);
    NameFit {
        name: name_width,
        producer,
        codes,
        height: if name <= name_width { 1 } else { 2 },
    }
}

/// A name in a column `width` wide on at most `height` rows, broken between words.
pub(super) fn name_text(name: &str, width: u16, height: u16) -> ratatui::text::Text<'static> {
    wrap_tokens(
        sizes_kept_whole(name).into_iter(),
        width as usize,
        height as usize,
    )
    .into_iter()
    .map(Line::from)
    .collect::<Vec<_>>()
    .into()
}

/// Rows of a list for names that wrap: each as high as its name needs (one or `fit.height`).
pub(super) fn name_rows(name: &str, fit: NameFit) -> u16 {
    if name.width() as u16 <= fit.name {
        1
    } else {
        fit.height
    }
}

/// The widths of a list's columns from their cells (`cells[row][column]`): each as wide as its
/// widest cell or header, but the name column, which takes the room the others leave (and
/// is never narrower than 12).
pub(super) fn fit_columns(
    area_width: u16,
    headers: &[&str],
    cells: &[Vec<String>],
    name: usize,
) -> Vec<u16> {
    let mut widths: Vec<u16> = headers
        .iter()
        .enumerate()
        .map(|(i, header)| column_width(header, cells.iter().map(|row| row[i].as_str())))
        .collect();
    let fixed: Vec<u16> = widths
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != name)
        .map(|(_, w)| *w)
        .collect();
    widths[name] = list_room(area_width, &fixed, headers.len() as u16).max(12);
    widths
}

/// A list's columns as `fit_columns` makes them, and a sparkline column last (`header` over
/// it, `None` when there is nothing to draw in it) when the room left still shows every name
/// whole on one row: the sparkline is the column a list gives up first. The second value says
/// whether it is there.
pub(super) fn fit_columns_with_trend(
    area_width: u16,
    headers: &[&str],
    cells: &[Vec<String>],
    name: usize,
    header: Option<&str>,
) -> (Vec<u16>, bool) {
    let mut widths = fit_columns(area_width, headers, cells, name);
    let Some(header) = header else {
        return (widths, false);
    };
    let widest = column_width("", cells.iter().map(|row| row[name].as_str()));
    let trend = (header.width() as u16).max(TOP_DAYS as u16);
    let fixed: Vec<u16> = widths
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != name)
        .map(|(_, w)| *w)
        .chain([trend])
        .collect();
    let room = list_room(area_width, &fixed, headers.len() as u16 + 1);
    if room < widest.max(12) {
        return (widths, false);
    }
    widths[name] = room;
    widths.push(trend);
    (widths, true)
}

/// Sales per day as one row of block characters, each day against the row's best day; a day
/// without sales is a dim dot, so that the row still shows where each day is.
pub(super) fn sparkline(days: Option<&[Rupiah]>) -> Line<'static> {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let zero = vec![Rupiah::ZERO; TOP_DAYS as usize];
    let days = days.unwrap_or(&zero);
    let best = days.iter().map(|d| d.value()).max().unwrap_or(0);
    let spans = days.iter().map(|d| match d.value() {
        v if v <= 0 || best <= 0 => Span::from("·").dark_gray(),
        v => {
            // The smallest sale still shows a bar; only the best day reaches the top.
            let level = (i128::from(v) * 8 + i128::from(best) - 1) / i128::from(best);
            Span::from(BARS[(level.clamp(1, 8) - 1) as usize].to_string())
        }
    });
    Line::from(spans.collect::<Vec<_>>())
}

/// A name's words, a number and the short unit after it (`250 g`, `2 m`, `1,5 kg`) kept as
/// one: `25` on one row and `g` on the next would read as another size.
fn sizes_kept_whole(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        let unit = word.chars().count() <= 3 && word.chars().all(char::is_alphabetic);
        match words.last_mut() {
            Some(last) if unit && last.starts_with(|c: char| c.is_ascii_digit()) => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
    }
    words
}

/// A dialog's width: at least `min`, and wide enough for its title and border when the
/// screen is (a title naming a person or a product is never cut while it can fit).
pub(super) fn fit_title(min: u16, title: &str, area: Rect) -> u16 {
    (title.width() as u16 + 4).max(min).min(area.width)
}
