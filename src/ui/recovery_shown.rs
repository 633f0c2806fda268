//! The manager's one-time recovery code on screen at the first start, once, until Enter:
//! the paper it is also filed on may never reach a printer, and a code nobody saw is no way
//! back for a forgotten PIN.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::failure::Failure;
use super::msg::Key;
use super::widgets::centered;
use crate::strings::Lang;

pub(super) struct RecoveryShown {
    pub code: String,
    pub manager: String,
    /// Where its paper was filed, or why not.
    pub filed: Result<PathBuf, Failure>,
}

/// Whether the key ends the showing: Enter, once the code has been written down.
pub(super) fn done(msg: &Key) -> bool {
    *msg == Key::Submit
}

pub(super) fn draw(lang: Lang, shown: &RecoveryShown, frame: &mut Frame, area: Rect) {
    let u = lang.undo();
    let popup = centered(area, 70, 14);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", u.recovery_title))
        .border_style(Style::new().yellow().bold());
    let inner = block.inner(popup).inner(Margin::new(1, 0));
    frame.render_widget(block, popup);
    let [intro, _, code, _, body, filed] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(4),
        Constraint::Length(2),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new((u.recovery_intro)(&shown.manager)).wrap(Wrap { trim: true }),
        intro,
    );
    frame.render_widget(
        Paragraph::new(Line::from(shown.code.clone().bold().yellow())).centered(),
        code,
    );
    frame.render_widget(
        Paragraph::new(u.recovery_body).wrap(Wrap { trim: true }),
        body,
    );
    let filed_text = match &shown.filed {
        Ok(path) => (u.recovery_filed)(&path.display().to_string()),
        Err(why) => (u.recovery_not_filed)(&why.text(lang)),
    };
    frame.render_widget(
        Paragraph::new(filed_text.dark_gray()).wrap(Wrap { trim: true }),
        filed,
    );
}
