//! The frame around every screen (status line, message line, key bar), the too-small
//! notice, and small drawing helpers shared by the screens.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{HighlightSpacing, Paragraph, Table, TableState};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use crate::domain::Rupiah;
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
