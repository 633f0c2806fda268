//! The audit screen (Ctrl+R): the history, newest first, with who did each entry, who
//! approved it and the start of its chain hash. The filter line takes a date (2026-11-23 or
//! 23-11-2026), which the ledger is asked for, and words that must each appear in the
//! entry's user, approver, kind or details.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Stylize;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

use super::effect::Effect;
use super::failure::FailedEffect;
use super::keymap::Focus;
use super::list::FilteredList;
use super::msg::{Answer, Key};
use super::outcome::{Ctx, Outcome, Place};
use super::widgets::{draw_filter, draw_list};
use crate::domain::{HistoryEntry, HistoryFilter};
use crate::print::format;
use crate::strings::Lang;

const MAX_FILTER: usize = 60;
/// How many entries the screen asks for at once: the newest.
pub const AUDIT_LIMIT: usize = 500;
/// Hash characters shown: enough to compare with the paper, short enough for 80 columns.
const HASH_SHOWN: usize = 8;

pub struct AuditScreen {
    /// The entries loaded; matched as they read on screen, in the UI language, so every
    /// call that filters passes `matches_in(lang)`.
    pub list: FilteredList<HistoryEntry>,
    /// The date the entries on screen were loaded for.
    pub day: Option<NaiveDate>,
    /// The selected entry's detail view is open.
    pub details: bool,
}

impl AuditScreen {
    /// The screen and what to ask the ledger for: the face's opening (see below).
    pub(super) fn open(_cx: &Ctx, _place: Place) -> (AuditScreen, Vec<Effect>) {
        let screen = AuditScreen {
            list: FilteredList::loading(matches_in_id),
            day: None,
            details: false,
        };
        (screen, vec![Effect::LoadHistory(filter_for(None))])
    }

    /// Entries of another day (or of none) start at the newest.
    pub fn loaded(&mut self, entries: Vec<HistoryEntry>) {
        self.list.loaded(entries);
        self.list.selected = 0;
    }

    /// The entries the filter's words let through, read in `lang`.
    fn shown(&self, lang: Lang) -> Vec<&HistoryEntry> {
        self.list.shown_by(matches_in(lang))
    }
}

/// Whether an entry holds each of the filter's words other than a date, as it reads in `lang`.
fn matches_in(lang: Lang) -> impl Fn(&HistoryEntry, &str) -> bool {
    move |entry, filter| {
        words_of(filter)
            .iter()
            .all(|word| matches_word(entry, word, lang))
    }
}

/// The list's own matcher, for a call that names no language; the screen passes its own.
fn matches_in_id(entry: &HistoryEntry, filter: &str) -> bool {
    matches_in(Lang::Id)(entry, filter)
}

fn filter_for(day: Option<NaiveDate>) -> HistoryFilter {
    HistoryFilter {
        day,
        limit: Some(AUDIT_LIMIT),
        ..HistoryFilter::default()
    }
}

/// A date written in full: `2026-11-2` is half of `2026-11-23` still being typed.
fn parse_day(word: &str) -> Option<NaiveDate> {
    if word.len() != 10 {
        return None;
    }
    crate::domain::parse_date(word)
}

/// The date in the filter, if one is typed in full.
fn day_of(filter: &str) -> Option<NaiveDate> {
    filter.split_whitespace().find_map(parse_day)
}

/// The filter's words other than the date, lower-cased.
fn words_of(filter: &str) -> Vec<String> {
    filter
        .split_whitespace()
        .filter(|w| parse_day(w).is_none())
        .map(str::to_lowercase)
        .collect()
}

fn matches_word(entry: &HistoryEntry, word: &str, lang: Lang) -> bool {
    let t = &lang.text().ui.trust;
    let actor = entry.actor.as_deref().unwrap_or(t.system_actor);
    [
        actor,
        entry.approver.as_deref().unwrap_or(""),
        &entry.table,
        &(t.kind_of)(&entry.table),
        &lang.audit_details(&entry.details),
    ]
    .iter()
    .any(|field| field.to_lowercase().contains(word))
}

pub(super) fn key(cx: &Ctx, screen: &mut AuditScreen, msg: Key) -> Outcome {
    let count = screen.shown(cx.lang).len();
    if super::detail::key(&mut screen.details, count > 0, &msg) {
        return Outcome::stay();
    }
    if !screen.list.key_by(&msg, MAX_FILTER, matches_in(cx.lang)) && msg == Key::Cancel {
        return Outcome::home();
    }
    // A date typed in full (or taken away) asks the ledger again: a day long ago may be
    // older than the newest entries on screen.
    let day = day_of(&screen.list.filter);
    if day != screen.day {
        screen.day = day;
        screen.list.items = None;
        return Outcome::stay().run(vec![Effect::LoadHistory(filter_for(day))]);
    }
    Outcome::stay()
}

/// A runtime answer for the audit trail.
pub(super) fn answer(screen: &mut AuditScreen, msg: Answer) -> Outcome {
    match msg {
        Answer::HistoryLoaded(entries) => screen.loaded(entries),
        Answer::Failed {
            action: FailedEffect::LoadHistory,
            ..
        } => return Outcome::home(),
        _ => {}
    }
    Outcome::stay()
}

// ---- drawing ----

pub(super) fn draw(cx: &Ctx, screen: &AuditScreen, frame: &mut Frame, area: Rect, focused: bool) {
    let t = &cx.lang.text().ui.trust;
    let block = Block::bordered().title(format!(" {} ", t.audit_title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [filter, list] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    draw_filter(frame, filter, t.audit_filter, &screen.list.filter, focused);
    if screen.list.items.is_none() {
        frame.render_widget(Paragraph::new(t.audit_loading), list);
        return;
    }
    let shown = screen.shown(cx.lang);
    if shown.is_empty() {
        frame.render_widget(Paragraph::new(t.audit_none).italic(), list);
        return;
    }
    let header = Row::new(vec![
        Cell::from(t.col_when),
        Cell::from(t.col_who),
        Cell::from(t.col_approver),
        Cell::from(t.col_kind),
        Cell::from(t.col_what),
        Cell::from(t.col_hash),
    ])
    .bold();
    let rows = shown.iter().map(|e| {
        let when =
            e.at.map(|at| at.format("%d-%m %H:%M").to_string())
                .unwrap_or_default();
        Row::new(vec![
            Cell::from(when),
            Cell::from(e.actor.clone().unwrap_or_else(|| t.system_actor.into())),
            Cell::from(e.approver.clone().unwrap_or_default()),
            Cell::from((t.kind_of)(&e.table)),
            Cell::from(cx.lang.audit_details(&e.details)),
            Cell::from(e.hash.chars().take(HASH_SHOWN).collect::<String>()).dim(),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(11),
            Constraint::Length(9),
            Constraint::Length(9),
            Constraint::Length(14),
            Constraint::Fill(1),
            Constraint::Length(HASH_SHOWN as u16),
        ],
    )
    .header(header);
    draw_list(frame, list, table, screen.list.selected);
    if let (true, Some(e)) = (screen.details, shown.get(screen.list.selected)) {
        let when = e.at.map(|at| {
            format!(
                "{} {}",
                format::date(at.date(), cx.lang),
                at.format("%H:%M:%S")
            )
        });
        let fields = [
            (t.col_when, when.unwrap_or_default()),
            (
                t.col_who,
                e.actor.clone().unwrap_or_else(|| t.system_actor.into()),
            ),
            (t.col_approver, e.approver.clone().unwrap_or_default()),
            (t.col_kind, (t.kind_of)(&e.table).to_string()),
            (t.col_what, cx.lang.audit_details(&e.details)),
            (t.col_hash, e.hash.clone()),
        ];
        super::detail::draw(&(t.kind_of)(&e.table), &fields, frame, area);
    }
}

/// The screen's face to the hub, the same on every screen: how it opens, takes a key and a
/// runtime answer, which key table it reads, and how it draws.
impl AuditScreen {
    pub(super) fn key(&mut self, cx: &Ctx, msg: Key) -> Outcome {
        key(cx, self, msg)
    }

    pub(super) fn answer(&mut self, _cx: &Ctx, msg: Answer) -> Outcome {
        answer(self, msg)
    }

    pub(super) fn focus(&self) -> Focus {
        Focus::Audit
    }

    pub(super) fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect, focused: bool) {
        draw(cx, self, frame, area, focused);
    }
}
