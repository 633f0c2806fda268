//! The hub's view: the whole screen drawn from the app (the status line, the open screen and
//! whatever is over it, the message line, the key bar), each screen drawing itself.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Screen};
use super::key_bar;
use super::widgets::{MIN_HEIGHT, MIN_WIDTH, cut_to, wrap_words};
use super::{dialogs, sale, trust};
use crate::print::format;

pub(super) fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = (app.lang.text().ui.too_small)(area.width, area.height);
        let y = area.height / 2;
        let middle = Rect {
            y: area.y + y.saturating_sub(1),
            height: area.height - y.saturating_sub(1),
            ..area
        };
        frame.render_widget(
            Paragraph::new(text.bold().yellow())
                .centered()
                .wrap(Wrap { trim: true }),
            middle,
        );
        return;
    }
    let keys = &app.lang.text().ui.keys;
    let [status, body, message, bar] = frame_areas(app, area);
    status_line(app, frame, status);
    match &app.prompt {
        // Nothing of the till shows behind a lock or sign-in: not the cart, not a form.
        Some(gate) if trust::hides_screen(gate) => trust::draw_gate(app, gate, frame, body),
        Some(gate) => {
            draw_mode(app, &app.screen, frame, body, false);
            trust::draw_gate(app, gate, frame, body);
        }
        None => draw_mode(app, &app.screen, frame, body, !app.help),
    }
    message_line(app, frame, message);
    key_bar::draw(app.focus(), keys, frame, bar);
    if app.help {
        dialogs::draw_help(app, frame, body);
    }
}

/// The status line, the body, the message line (as many rows as the message needs) and the
/// key bar (as many as its keys need).
fn frame_areas(app: &App, area: Rect) -> [Rect; 4] {
    let keys = &app.lang.text().ui.keys;
    let bar_rows = key_bar::height(app.focus(), keys, area.width);
    let note_rows = message_rows(app, area.width);
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(note_rows),
        Constraint::Length(bar_rows),
    ])
    .areas(area)
}

/// How many pages F1's help takes on the terminal as it is now (80×24 until the runtime
/// says its size).
pub(super) fn help_pages(app: &App) -> usize {
    let (width, height) = app.size.unwrap_or((MIN_WIDTH, MIN_HEIGHT));
    let [_, body, _, _] = frame_areas(app, Rect::new(0, 0, width, height));
    dialogs::help_pages(app, body.width, body.height)
}

/// Draws a mode; a question draws the mode beneath it first. Only the mode with the
/// keyboard places the cursor.
fn draw_mode(app: &App, mode: &Screen, frame: &mut Frame, body: Rect, focused: bool) {
    match mode {
        Screen::Sale => sale::draw(app, frame, body, focused),
        Screen::Search(search) => {
            sale::draw(app, frame, body, focused);
            sale::draw_search(app, search, frame, body);
        }
        Screen::OpenDay(form) => dialogs::draw_open_day(app, form, frame, body, focused),
        Screen::StaleDay => {
            sale::draw(app, frame, body, false);
            dialogs::draw_stale(app, frame, body);
        }
        Screen::Confirm(confirm) => {
            draw_mode(app, &confirm.under, frame, body, false);
            dialogs::draw_confirm(app, confirm, frame, body);
        }
        table => {
            if table.over_sale() {
                sale::draw(app, frame, body, false);
            }
            table.draw(&app.ctx(), frame, body, focused);
        }
    }
}

fn status_line(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.lang.text().ui;
    let bar = Style::new().white().on_blue();
    const SEP: &str = " │ ";
    let mut spans = vec![
        Span::from(format!(" {}", t.app_name)).bold(),
        Span::from(SEP),
    ];
    match &app.status {
        // A locked till tells a passer-by nothing of the day's takings.
        _ if app.prompt.as_ref().is_some_and(trust::hides_screen) => {}
        // After the close, the header says the day is closed, not that none was opened.
        None if app.closed_today() => {
            let today = format::date(app.today, app.lang);
            spans.push(Span::from((t.day_closed_status)(&today)).yellow().bold());
        }
        None => spans.push(Span::from(t.no_open_day).yellow().bold()),
        Some(status) => {
            let date = Span::from(format::date(status.day.date, app.lang)).bold();
            // A day left open from before is flagged: sales go on that day, not today.
            spans.push(if status.day.date < app.today {
                date.black().on_yellow()
            } else {
                date
            });
            spans.push(Span::from(SEP));
            let attendant_at = spans.len();
            spans.push(Span::from(SEP));
            spans.push(Span::from((t.status_sales)(status.sales)));
            spans.push(Span::from(SEP));
            spans.push(Span::from(status.takings.to_string()).bold());
            // The attendant's name takes what the figures leave, cut short if it must.
            let used: usize = spans.iter().map(|s| s.content.width()).sum();
            let room = (area.width as usize).saturating_sub(used);
            // The person signed in is the one at the till, whoever opened the day.
            // The manager is named as the manager, not as an attendant.
            let attendant = match &app.user {
                Some(user) if user.is_manager() => (t.status_manager)(&user.name),
                Some(user) => (t.status_attendant)(&user.name),
                None => (t.status_attendant)(&status.day.attendant),
            };
            spans.insert(attendant_at, Span::from(cut_to(&attendant, room)));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(bar), area);
}

fn note_text(app: &App) -> Option<String> {
    app.note.as_ref().map(|note| note.text(app.lang))
}

/// The most rows a message takes: a printer's failure says what happened, what to check and
/// how to print again, and none of it may be cut.
const MESSAGE_ROWS: usize = 3;

/// The message line takes more rows when its text needs them.
fn message_rows(app: &App, width: u16) -> u16 {
    let rows = note_text(app).map_or(1, |text| {
        wrap_words(&text, width as usize - 1, MESSAGE_ROWS).len()
    });
    rows.max(1) as u16
}

fn message_line(app: &App, frame: &mut Frame, area: Rect) {
    let (Some(note), Some(text)) = (&app.note, note_text(app)) else {
        return;
    };
    let style = if note.is_error() {
        Style::new().red().bold()
    } else {
        Style::new().green()
    };
    let lines: Vec<Line> = wrap_words(&text, area.width as usize - 1, area.height as usize)
        .into_iter()
        .map(|row| Line::from(Span::styled(format!(" {row}"), style)))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
