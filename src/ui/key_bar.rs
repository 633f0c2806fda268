//! The key bar at the foot of the screen: every command key of what has the keyboard, from
//! the keymap, grouped (this screen's keys, the day's, the other screens, the general ones)
//! and laid out on one row, or on more (at most three) when one is not enough.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::keymap::{Binding, Focus, Press, bar_for, bindings_for};
use super::msg::Key;
use crate::strings::KeyText;

/// The most rows the bar takes: the body keeps the rest.
pub(super) const MAX_ROWS: usize = 3;

/// Where a key belongs on the bar; groups stay together and in this order.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    /// What this screen does (pay, record, save…).
    Own,
    /// The day: its sales, cash moves, the close.
    Day,
    /// The other screens this one opens.
    Screens,
    /// Lock, help, language, quit.
    General,
}

fn group(b: &Binding) -> Group {
    let super::keymap::Act::Send(msg) = &b.act else {
        return Group::Own;
    };
    match msg {
        _ if b.is_global() => Group::General,
        Key::Lock => Group::General,
        Key::OpenStock
        | Key::OpenProducts
        | Key::OpenProducers
        | Key::OpenSettings
        | Key::OpenPayouts
        | Key::OpenTabs
        | Key::OpenUsers
        | Key::OpenAudit
        | Key::OpenGlance => Group::Screens,
        Key::CloseDay | Key::TodaySales | Key::CashMove => Group::Day,
        _ => Group::Own,
    }
}

/// One entry of the bar: the key as printed and its short label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Entry {
    pub key: String,
    pub label: &'static str,
    group: Group,
}

impl Entry {
    fn width(&self) -> usize {
        self.key.width() + 1 + self.label.width()
    }
}

/// The keys of a binding as the bar prints them: arrows and Shift+Tab are left to the
/// screen and F1 (`Tab/Enter`, not `Tab/↓/Enter/↑`), unless the binding has nothing else.
fn bar_keys(b: &Binding, keys: &KeyText) -> Vec<String> {
    use ratatui::crossterm::event::KeyCode;
    let moving = |k: &&Press| {
        matches!(
            k,
            Press::Plain(
                KeyCode::Up
                    | KeyCode::Down
                    | KeyCode::Left
                    | KeyCode::Right
                    | KeyCode::BackTab
                    | KeyCode::PageUp
                    | KeyCode::PageDown
            )
        )
    };
    let shown: Vec<&Press> = b.keys.iter().filter(|k| !moving(k)).collect();
    let shown = if shown.is_empty() {
        b.keys.iter().collect()
    } else {
        shown
    };
    let mut labels: Vec<String> = Vec::new();
    for label in shown.into_iter().map(|k| k.label(keys)) {
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels
}

/// The bar's entries for a context, grouped, in table order within a group. A command key
/// bound apart to the same action (Enter beside F4 "edit") joins that action's entry.
pub(super) fn entries(context: Focus, keys: &KeyText) -> Vec<Entry> {
    let mut entries: Vec<(Vec<String>, &'static str, &'static str, Group)> = Vec::new();
    for b in bar_for(context) {
        let text = (b.text)(keys);
        let label = b.bar.map_or("", |short| short(keys));
        // Two bindings under one label (Enter and Tab both "next") are one entry.
        match entries.iter_mut().find(|e| e.1 == label) {
            Some(entry) => entry.0.extend(bar_keys(b, keys)),
            None => entries.push((bar_keys(b, keys), label, text, group(b))),
        }
    }
    for b in bindings_for(context).filter(|b| b.bar.is_none()) {
        let text = (b.text)(keys);
        if let Some(entry) = entries.iter_mut().find(|e| e.2 == text) {
            for key in b
                .keys
                .iter()
                .filter(|k| is_command(**k) || is_plain_command(**k))
            {
                let label = key.label(keys);
                if !entry.0.contains(&label) {
                    entry.0.push(label);
                }
            }
        }
    }
    let mut entries: Vec<Entry> = entries
        .into_iter()
        .map(|(keys, label, _, group)| Entry {
            key: keys.join("/"),
            label,
            group,
        })
        .collect();
    entries.sort_by_key(|e| e.group);
    entries
}

fn row_width(row: &[Entry], gap: usize) -> usize {
    row.iter().map(Entry::width).sum::<usize>() + gap * row.len().saturating_sub(1)
}

/// Packs entries into rows of `width`: a group goes on the row in progress when it fits
/// there, else on a new row (the general keys flow on instead); a group wider than a row
/// starts a new row and flows on.
fn pack(entries: &[Entry], width: usize, gap: usize) -> Vec<Vec<Entry>> {
    let mut rows: Vec<Vec<Entry>> = Vec::new();
    let mut start = 0;
    while start < entries.len() {
        let group = entries[start].group;
        let end = entries[start..]
            .iter()
            .position(|e| e.group != group)
            .map_or(entries.len(), |n| start + n);
        let members = &entries[start..end];
        let whole = row_width(members, gap);
        match rows.last_mut() {
            Some(row) if row_width(row, gap) + gap + whole <= width => {
                row.extend_from_slice(members)
            }
            _ => {
                // Lock, help, language and quit flow on after the screens rather than
                // taking a row of their own that the bar may not have.
                if rows.is_empty() || group != Group::General {
                    rows.push(Vec::new());
                }
                for e in members {
                    let row = rows.last_mut().expect("a row");
                    if !row.is_empty() && row_width(row, gap) + gap + e.width() > width {
                        rows.push(Vec::new());
                    }
                    rows.last_mut().expect("a row").push(e.clone());
                }
            }
        }
        start = end;
    }
    rows
}

/// The entries in rows of at most `width` columns, and the gap between entries: as few rows
/// as the keys need (one, two, at most `MAX_ROWS`), the wider gap when it costs no row.
pub(super) fn rows(entries: &[Entry], width: usize) -> (Vec<Vec<Entry>>, usize) {
    let wide = pack(entries, width, 2);
    let narrow = pack(entries, width, 1);
    let (mut rows, mut gap) = if wide.len() <= narrow.len() {
        (wide, 2)
    } else {
        (narrow, 1)
    };
    // Every key on the bar comes before keeping the groups on rows of their own.
    if rows.len() > MAX_ROWS {
        (rows, gap) = (flow(entries, width, 1), 1);
    }
    rows.truncate(MAX_ROWS);
    (rows, gap)
}

/// The entries one after the other, a new row only when the next does not fit.
fn flow(entries: &[Entry], width: usize, gap: usize) -> Vec<Vec<Entry>> {
    let mut rows: Vec<Vec<Entry>> = vec![Vec::new()];
    for e in entries {
        let row = rows.last_mut().expect("a row");
        if !row.is_empty() && row_width(row, gap) + gap + e.width() > width {
            rows.push(Vec::new());
        }
        rows.last_mut().expect("a row").push(e.clone());
    }
    rows
}

/// How many rows the bar of a context takes at this width.
pub(super) fn height(context: Focus, keys: &KeyText, width: u16) -> u16 {
    rows(&entries(context, keys), width as usize).0.len().max(1) as u16
}

pub(super) fn draw(context: Focus, keys: &KeyText, frame: &mut Frame, area: Rect) {
    let (rows, gap) = rows(&entries(context, keys), area.width as usize);
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|row| {
            let mut spans = Vec::new();
            for (i, e) in row.into_iter().enumerate() {
                if i > 0 {
                    spans.push(Span::from(" ".repeat(gap)));
                }
                spans.push(Span::from(e.key).black().on_cyan());
                spans.push(Span::from(format!(" {}", e.label)));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// A command key: a function key or a Ctrl key (Ctrl+C is Ctrl+Q's twin). Enter, Esc, Tab,
/// arrows and typing are told by the screen itself and by F1.
pub(super) fn is_command(key: Press) -> bool {
    use ratatui::crossterm::event::KeyCode;
    match key {
        Press::Ctrl(c) => c != 'c',
        Press::Plain(KeyCode::F(_)) => true,
        _ => false,
    }
}

/// Enter, Esc and Del: shown beside the entry of the same action when bound apart.
fn is_plain_command(key: Press) -> bool {
    use ratatui::crossterm::event::KeyCode;
    matches!(
        key,
        Press::Plain(KeyCode::Enter | KeyCode::Esc | KeyCode::Delete)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::Lang;

    /// Every context: those of the till's screens, and the question and the gates.
    fn every_focus() -> Vec<Focus> {
        let gates = [Focus::Confirm, Focus::Locked, Focus::Approval];
        super::super::keymap::EVERYWHERE
            .iter()
            .copied()
            .chain(gates)
            .collect()
    }

    /// The bar as the attendant reads it at 80 columns.
    fn bar_text(context: Focus, lang: Lang) -> String {
        let keys = &lang.text().ui.keys;
        let (rows, gap) = rows(&entries(context, keys), 80);
        rows.iter()
            .map(|row| {
                let line = row
                    .iter()
                    .map(|e| format!("{} {}", e.key, e.label))
                    .collect::<Vec<_>>()
                    .join(&" ".repeat(gap));
                assert!(
                    line.width() <= 80,
                    "{context:?} {lang:?}: {line:?} too wide"
                );
                line
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Every command key a screen handles is on its bar, with a label, in both languages,
    /// within two rows of 80 columns.
    #[test]
    fn every_bar_shows_every_command_key_of_its_screen() {
        for lang in [Lang::Id, Lang::En] {
            let keys = &lang.text().ui.keys;
            for context in every_focus() {
                let bar = bar_text(context, lang);
                assert!(bar.lines().count() <= MAX_ROWS, "{context:?}: {bar}");
                let shown = entries(context, keys);
                for b in super::super::keymap::bindings_for(context) {
                    for key in b.keys.iter().copied().filter(|k| is_command(*k)) {
                        let label = key.label(keys);
                        let on_bar = shown
                            .iter()
                            .any(|e| e.key.split('/').any(|k| k == label) && !e.label.is_empty());
                        assert!(
                            on_bar,
                            "{lang:?} {context:?}: {label} ({}) is not on the bar:\n{bar}",
                            (b.text)(keys)
                        );
                    }
                }
                for e in &shown {
                    assert!(
                        bar.contains(&format!("{} {}", e.key, e.label)),
                        "{e:?}\n{bar}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_sale_bar_keeps_the_sale_first_and_the_screens_below() {
        for lang in [Lang::Id, Lang::En] {
            let bar = bar_text(Focus::Sale, lang);
            let lines: Vec<&str> = bar.lines().collect();
            assert!(lines.len() > 1, "{bar}");
            for key in ["Enter", "Esc", "F2", "F4", "F5", "F6", "F9"] {
                assert!(lines[0].contains(key), "{key} on the first row: {bar}");
            }
            for key in [
                "F3", "F7", "F8", "Ctrl+P", "Ctrl+T", "Ctrl+O", "Ctrl+U", "Ctrl+R",
            ] {
                assert!(
                    !lines[0].contains(key),
                    "{key} below the sale's own keys: {bar}"
                );
            }
            assert!(lines.last().unwrap().contains("Ctrl+Q"), "{bar}");
        }
    }

    #[test]
    fn a_short_bar_stays_on_one_row() {
        let keys = &Lang::Id.text().ui.keys;
        let bar = entries(Focus::Confirm, keys);
        assert_eq!(rows(&bar, 80).0.len(), 1);
        assert_eq!(height(Focus::Confirm, keys, 80), 1);
    }
}
