//! The manager's glance (Ctrl+G): the day's sales by hour as bars beside the average of the
//! same weekday in earlier weeks, the day so far, what needs looking at, the month's best
//! sellers and who is owed most. Read-only; Esc goes back.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph};

use super::effect::Effect;
use super::failure::FailedEffect;
use super::keymap::Focus;
use super::msg::{Answer, Key};
use super::outcome::{Ctx, Outcome, Place};
use super::widgets::name_text;
use crate::domain::glance::{EXPIRY_DAYS, TOP_DAYS};
use crate::domain::{Glance, Ranked, Rupiah};
use crate::print::format;
use crate::strings::{GlanceText, Lang};
use unicode_width::UnicodeWidthStr;

const TODAY: Color = Color::Cyan;
const USUAL: Color = Color::DarkGray;
/// The day's figures and flags beside the chart.
const SIDE: u16 = 30;

pub struct GlanceScreen {
    /// `None` until the runtime has read it.
    pub glance: Option<Box<Glance>>,
}

impl GlanceScreen {
    /// Opens on the open day, or on today with none open.
    pub(super) fn open(cx: &Ctx, _place: Place) -> (GlanceScreen, Vec<Effect>) {
        let date = cx.status.map_or(cx.today, |s| s.day.date);
        (
            GlanceScreen { glance: None },
            vec![Effect::LoadGlance(date)],
        )
    }

    pub(super) fn key(&mut self, _cx: &Ctx, msg: Key) -> Outcome {
        match msg {
            Key::Cancel => Outcome::home(),
            _ => Outcome::stay(),
        }
    }

    pub(super) fn answer(&mut self, _cx: &Ctx, msg: Answer) -> Outcome {
        match msg {
            Answer::GlanceLoaded(glance) => self.glance = Some(glance),
            Answer::Failed {
                action: FailedEffect::LoadGlance,
                ..
            } => return Outcome::home(),
            _ => {}
        }
        Outcome::stay()
    }

    pub(super) fn focus(&self) -> Focus {
        Focus::Glance
    }

    pub(super) fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect, _focused: bool) {
        let t = cx.lang.glance();
        let Some(g) = &self.glance else {
            let block = Block::bordered().title(format!(" {} ", (t.title)("")));
            frame.render_widget(Paragraph::new(t.loading).block(block), area);
            return;
        };
        let day = format!("{} {}", weekday(t, g), format::date(g.date, cx.lang));
        let block = Block::bordered().title(format!(" {} ", (t.title)(&day)));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [top, flags, bottom] = Layout::vertical([
            Constraint::Length(9),
            Constraint::Length(2),
            Constraint::Fill(1),
        ])
        .areas(inner);
        let [chart, side] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(SIDE)]).areas(top);
        draw_hours(t, g, frame, chart);
        frame.render_widget(Paragraph::new(day_lines(t, g)), side);
        frame.render_widget(Paragraph::new(flag_lines(t, g, cx.lang)), flags);
        draw_rankings(t, g, frame, bottom);
    }
}

fn weekday<'a>(t: &'a GlanceText, g: &Glance) -> &'a str {
    t.weekdays[g.date.weekday().num_days_from_monday() as usize]
}

/// Two bars an hour, the day's and the usual, in thousands of Rupiah (the bars' own scale).
fn draw_hours(t: &GlanceText, g: &Glance, frame: &mut Frame, area: Rect) {
    let [title, legend, bars] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new((t.hours_title)(weekday(t, g), g.usual_days)).bold(),
        title,
    );
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("■ ", Style::new().fg(TODAY)),
            Span::raw(t.legend_today),
            Span::raw("   "),
            Span::styled("■ ", Style::new().fg(USUAL)),
            Span::raw(t.legend_usual),
        ])),
        legend,
    );
    if g.hours.is_empty() {
        frame.render_widget(Paragraph::new(t.no_sales).italic(), bars);
        return;
    }
    let thousands = |r: Rupiah| u64::try_from(r.value() / 1_000).unwrap_or(0);
    let mut chart = BarChart::default().bar_width(1).bar_gap(0).group_gap(1);
    for h in &g.hours {
        let group = BarGroup::default()
            .label(Line::from(format!("{:02}", h.hour)))
            .bars(&[
                Bar::default()
                    .value(thousands(h.today))
                    .text_value(String::new())
                    .style(Style::new().fg(TODAY)),
                Bar::default()
                    .value(thousands(h.usual))
                    .text_value(String::new())
                    .style(Style::new().fg(USUAL)),
            ]);
        chart = chart.data(group);
    }
    frame.render_widget(chart, bars);
}

/// `label ........ value` in `SIDE` columns.
fn figure(label: &str, value: String) -> Line<'static> {
    let width = usize::from(SIDE) - 1;
    let pad = width.saturating_sub(label.chars().count() + value.chars().count());
    Line::from(format!("{label}{}{value}", " ".repeat(pad.max(1))))
}

fn day_lines(t: &GlanceText, g: &Glance) -> Vec<Line<'static>> {
    vec![
        Line::from(t.day_title).bold(),
        figure(t.sales, g.sales.to_string()),
        figure(t.takings, g.takings.to_string()),
        figure(t.average, g.average_sale().to_string()),
        Line::from((t.voids)(g.voids, g.voided)),
    ]
}

fn flag_lines(t: &GlanceText, g: &Glance, lang: Lang) -> Vec<Line<'static>> {
    let count = |label: &str, n: usize| {
        let text = format!("{label} {n}");
        if n > 0 {
            Span::styled(text, Style::new().fg(Color::Yellow).bold())
        } else {
            Span::raw(text)
        }
    };
    let close = match g.last_close {
        Some((date, variance)) => (t.last_close)(&format::date(date, lang), variance),
        None => t.never_closed.to_string(),
    };
    vec![
        Line::from(vec![
            Span::raw(format!("{}: ", t.flags_title)).bold(),
            count(t.oversold, g.oversold),
            Span::raw(" · "),
            count(t.below_minimum, g.below_minimum),
            Span::raw(" · "),
            count(&(t.expiring)(EXPIRY_DAYS), g.expiring),
        ]),
        Line::from(close),
    ]
}

/// The best sellers on the left, products over producers; who is owed most on the right.
/// Names are whole, on as many rows as they need: a list shows the rows that fit whole.
fn draw_rankings(t: &GlanceText, g: &Glance, frame: &mut Frame, area: Rect) {
    let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(2)
        .areas(area);
    let height = usize::from(area.height);
    let width = usize::from(left.width);
    let ranked = |r: &Ranked| name_and_amount(&r.name, &r.gross.to_string(), width);
    let products: Vec<_> = g.top_products.iter().map(ranked).collect();
    let producers: Vec<_> = g.top_producers.iter().map(ranked).collect();
    let (products, producers) = share_rows(products, producers, height.saturating_sub(2));
    let mut lines = vec![Line::from((t.top_products)(TOP_DAYS)).bold()];
    lines.extend(products.into_iter().flatten());
    lines.push(Line::from((t.top_producers)(TOP_DAYS)).bold());
    lines.extend(producers.into_iter().flatten());
    frame.render_widget(Paragraph::new(lines), left);

    let width = usize::from(right.width);
    let mut lines = vec![Line::from(t.owed_title).bold()];
    if g.owed.is_empty() {
        lines.push(Line::from(t.nothing_owed).italic());
    }
    let owed = g.owed.iter().map(|o| {
        let mut lines = name_and_amount(&o.name, &o.balance.to_string(), width);
        let since = (t.since_payout)(o.days_since_payout);
        lines.push(Line::from(format!("  {} · {since}", o.code)).dim());
        lines
    });
    lines.extend(fitting(owed, height.saturating_sub(1)));
    frame.render_widget(Paragraph::new(lines), right);
}

/// Lines of a list entry: a name over the rows it needs, and what goes with it.
type Entry = Vec<Line<'static>>;

/// Two rankings in `room` rows: each keeps its first entries, whole, taking turns so that
/// neither fills the rows alone.
fn share_rows(first: Vec<Entry>, second: Vec<Entry>, room: usize) -> (Vec<Entry>, Vec<Entry>) {
    let mut from = [first.into_iter().peekable(), second.into_iter().peekable()];
    let mut kept: [Vec<Entry>; 2] = [Vec::new(), Vec::new()];
    let mut room = room;
    loop {
        let mut took = false;
        for (from, kept) in from.iter_mut().zip(kept.iter_mut()) {
            if let Some(entry) = from.next_if(|e| e.len() <= room) {
                room -= entry.len();
                kept.push(entry);
                took = true;
            }
        }
        if !took {
            let [a, b] = kept;
            return (a, b);
        }
    }
}

/// The entries, each of some rows, that fit whole in `room` rows, in order.
fn fitting(entries: impl Iterator<Item = Vec<Line<'static>>>, room: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for entry in entries {
        if lines.len() + entry.len() > room {
            break;
        }
        lines.extend(entry);
    }
    lines
}

/// A name and its amount in `width` columns: the name whole, broken between words over the
/// rows it needs, the amount at the right end of its last row, or on a row of its own when
/// that row has no room for it.
fn name_and_amount(name: &str, amount: &str, width: usize) -> Vec<Line<'static>> {
    let mut lines = name_text(name, width as u16, u16::MAX).lines;
    let mut last = lines.pop().unwrap_or_default();
    if last.width() + 1 + amount.width() <= width {
        let pad = width - last.width() - amount.width();
        last.push_span(format!("{}{amount}", " ".repeat(pad)));
        lines.push(last);
    } else {
        lines.push(last);
        lines.push(Line::from(amount.to_string()).right_aligned());
    }
    lines
}
