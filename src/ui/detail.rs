//! The detail view of a list's selected row: every field whole, labelled, wrapped between
//! words, over the list (Enter opens it; Enter or Esc closes it, any other key closes it and
//! still counts). For lists whose rows are too narrow for what they hold: people, audit entries.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::msg::Key;
use super::widgets::{centered, wrap_words};

/// What a list does with a key while its detail view may be open: `true` when the key was
/// the view's own (opening or closing it) and means nothing more.
pub(super) fn key(open: &mut bool, has_row: bool, msg: &Key) -> bool {
    if *open {
        *open = false;
        return matches!(msg, Key::Details | Key::Cancel);
    }
    if *msg == Key::Details {
        *open = has_row;
        return true;
    }
    false
}

/// Draws `fields` (label, value) in a box titled `title`, centred in `area`.
pub(super) fn draw(title: &str, fields: &[(&str, String)], frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).min(76);
    let label_width = fields.iter().map(|(l, _)| l.width()).max().unwrap_or(0) + 2;
    let value_width = (width as usize).saturating_sub(4 + label_width).max(10);
    let mut lines: Vec<Line> = Vec::new();
    for (label, value) in fields {
        let rows = wrap_words(value, value_width, 6);
        let rows = if rows.is_empty() {
            vec!["-".to_string()]
        } else {
            rows
        };
        for (i, row) in rows.into_iter().enumerate() {
            let label = if i == 0 { *label } else { "" };
            lines.push(Line::from(vec![
                Span::from(format!("{label:<label_width$}")).bold(),
                Span::from(row),
            ]));
        }
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(Style::new().cyan())
        .padding(Padding::horizontal(1));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
