//! The settings screen (Ctrl+O from the till): the shop's header printed on every printout,
//! the printer (kind, where it is, paper width, the PDF print command), with a test print
//! of what is on screen before it is saved, and the till's rules (idle lock, the cash
//! difference that needs the manager at a close), and the government programme the corner
//! belongs to, named on the monthly recap. Esc leaves without saving.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

use super::effect::Effect;
use super::failure::FailedEffect;
use super::input::{self, step_field, type_into};
use super::keymap::Focus;
use super::msg::{Answer, Key};
use super::note::Note;
use super::outcome::{Ctx, Outcome, Place, TillChange};
use crate::domain::{
    Paper, PrinterKind, PrinterSettings, ShopHeader, TillRules, parse_amount, valid_host_port,
};

const MAX_TEXT: usize = 120;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    Office,
    Address,
    /// The programme named on the monthly recap ("Metro Bangga Beli").
    Programme,
    /// The printer's kind and the paper are choices, toggled with Space (or F7/F8): Tab
    /// stops on them in screen order.
    Kind,
    /// The device path, `host:port` or command, as the kind asks.
    Target,
    Paper,
    PdfCommand,
    LockMinutes,
    CloseAbove,
    BackupFolder,
}

const FIELDS: [Field; 11] = [
    Field::Name,
    Field::Office,
    Field::Address,
    Field::Programme,
    Field::Kind,
    Field::Target,
    Field::Paper,
    Field::PdfCommand,
    Field::LockMinutes,
    Field::CloseAbove,
    Field::BackupFolder,
];

/// The printer kinds in the order F7 goes through them (and `kind_names` lists them).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    None,
    Device,
    Network,
    Command,
    Windows,
}

const KINDS: [Kind; 5] = [
    Kind::None,
    Kind::Device,
    Kind::Network,
    Kind::Command,
    Kind::Windows,
];

impl Kind {
    fn of(kind: &PrinterKind) -> Kind {
        match kind {
            PrinterKind::None => Kind::None,
            PrinterKind::Device(_) => Kind::Device,
            PrinterKind::Network(_) => Kind::Network,
            PrinterKind::Command(_) => Kind::Command,
            PrinterKind::Windows(_) => Kind::Windows,
        }
    }

    fn index(self) -> usize {
        KINDS.iter().position(|k| *k == self).unwrap_or(0)
    }
}

/// What keeps the settings from being saved lives with the other refusals.
pub use super::failure::SettingsProblem as Problem;

pub struct SettingsScreen {
    /// `false` until the runtime has read the settings; nothing can be saved before.
    pub loaded: bool,
    pub name: String,
    pub office: String,
    pub address: String,
    pub programme: String,
    pub kind: Kind,
    pub target: String,
    pub paper: Paper,
    pub pdf_command: String,
    pub lock_minutes: String,
    pub close_above: String,
    /// Who bears a count's shortfall unless the attendant switches it.
    pub count_corner_bears: bool,
    /// Where the day-close backups go (a USB stick, a second disk); empty: the default.
    pub backup_folder: String,
    pub field: Field,
    /// The printers Windows has installed (the default first), to pick a Windows printer by
    /// name; none elsewhere.
    pub windows_printers: Vec<String>,
}

impl SettingsScreen {
    pub fn loading() -> SettingsScreen {
        SettingsScreen {
            loaded: false,
            name: String::new(),
            office: String::new(),
            address: String::new(),
            programme: String::new(),
            kind: Kind::None,
            target: String::new(),
            paper: Paper::default(),
            pdf_command: String::new(),
            lock_minutes: String::new(),
            close_above: String::new(),
            count_corner_bears: false,
            backup_folder: String::new(),
            field: Field::Name,
            windows_printers: Vec::new(),
        }
    }

    pub fn loaded(
        &mut self,
        shop: ShopHeader,
        printer: PrinterSettings,
        rules: TillRules,
        (backup_folder, programme): (String, String),
    ) {
        self.backup_folder = backup_folder;
        self.programme = programme;
        self.lock_minutes = rules.lock_after_minutes.to_string();
        self.close_above = rules.close_approval_above.to_string();
        self.count_corner_bears = rules.count_corner_bears;
        self.loaded = true;
        self.name = shop.name;
        self.office = shop.office;
        self.address = shop.address;
        self.kind = Kind::of(&printer.kind);
        self.target = match printer.kind {
            PrinterKind::None => String::new(),
            PrinterKind::Device(path) => path.to_string_lossy().into_owned(),
            PrinterKind::Network(address) => address,
            PrinterKind::Command(command) => command,
            PrinterKind::Windows(name) => name,
        };
        self.paper = printer.paper;
        self.pdf_command = printer.pdf_command.unwrap_or_default();
    }

    /// The fields the cursor visits: no printer address without a printer.
    fn fields(&self) -> Vec<Field> {
        FIELDS
            .into_iter()
            .filter(|f| *f != Field::Target || self.kind != Kind::None)
            .collect()
    }

    fn step(&mut self, forward: bool) {
        self.field = step_field(&self.fields(), self.field, forward, |_| true);
    }

    /// The text field the cursor is on; `None` on a choice.
    fn focused(&mut self) -> Option<&mut String> {
        Some(match self.field {
            Field::Kind | Field::Paper => return None,
            Field::Name => &mut self.name,
            Field::Office => &mut self.office,
            Field::Address => &mut self.address,
            Field::Programme => &mut self.programme,
            Field::Target => &mut self.target,
            Field::PdfCommand => &mut self.pdf_command,
            Field::LockMinutes => &mut self.lock_minutes,
            Field::CloseAbove => &mut self.close_above,
            Field::BackupFolder => &mut self.backup_folder,
        })
    }

    fn next_kind(&mut self) {
        self.kind = KINDS[(self.kind.index() + 1) % KINDS.len()];
        self.suggest_windows_printer();
        if !self.fields().contains(&self.field) {
            self.field = Field::PdfCommand;
        }
    }

    fn next_paper(&mut self) {
        self.paper = match self.paper {
            Paper::Mm58 => Paper::Mm80,
            Paper::Mm80 => Paper::Mm58,
        };
    }

    /// The till's rules as the form says them, or what is wrong (and the field to fix).
    pub fn rules(&self) -> Result<TillRules, (Problem, Field)> {
        let lock_after_minutes = self
            .lock_minutes
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|m| (1..=TillRules::MAX_LOCK_MINUTES).contains(m))
            .ok_or((Problem::BadMinutes, Field::LockMinutes))?;
        let close_approval_above = parse_amount(&self.close_above)
            .map_err(|_| (Problem::BadCloseAbove, Field::CloseAbove))?;
        Ok(TillRules {
            lock_after_minutes,
            close_approval_above,
            count_corner_bears: self.count_corner_bears,
        })
    }

    pub fn shop(&self) -> ShopHeader {
        ShopHeader {
            name: self.name.trim().to_string(),
            office: self.office.trim().to_string(),
            address: self.address.trim().to_string(),
        }
    }

    /// The printer as the form says it, or what is wrong (and the field to fix).
    pub fn printer(&self) -> Result<PrinterSettings, (Problem, Field)> {
        let target = self.target.trim().to_string();
        if self.kind != Kind::None && target.is_empty() {
            return Err((Problem::TargetEmpty, Field::Target));
        }
        let kind = match self.kind {
            Kind::None => PrinterKind::None,
            Kind::Device => PrinterKind::Device(target.into()),
            Kind::Network if !valid_host_port(&target) => {
                return Err((Problem::BadHostPort(target), Field::Target));
            }
            Kind::Network => PrinterKind::Network(target),
            Kind::Command => PrinterKind::Command(target),
            Kind::Windows => PrinterKind::Windows(target),
        };
        let pdf_command = Some(self.pdf_command.trim().to_string()).filter(|c| !c.is_empty());
        Ok(PrinterSettings {
            kind,
            paper: self.paper,
            pdf_command,
        })
    }

    /// Choosing a Windows printer starts from the default one, where what was typed for
    /// another kind would not name a printer.
    fn suggest_windows_printer(&mut self) {
        if self.kind == Kind::Windows
            && !self.windows_printers.contains(&self.target)
            && let Some(default) = self.windows_printers.first()
        {
            self.target = default.clone();
        }
    }

    fn check(&self) -> Result<(ShopHeader, PrinterSettings, TillRules), (Problem, Field)> {
        if self.name.trim().is_empty() {
            return Err((Problem::NameEmpty, Field::Name));
        }
        Ok((self.shop(), self.printer()?, self.rules()?))
    }
}

pub(super) fn key(cx: &Ctx, screen: &mut SettingsScreen, msg: Key) -> Outcome {
    if msg == Key::Cancel {
        return Outcome::home();
    }
    if !screen.loaded {
        return Outcome::stay();
    }
    match msg {
        Key::Input(c) if screen.field == Field::LockMinutes => {
            let note = input::type_digits(cx.amount_refused, &mut screen.lock_minutes, c, 3);
            return Outcome::stay().maybe_note(note);
        }
        Key::Input(c) if screen.field == Field::CloseAbove => {
            let note = input::type_amount(cx.amount_refused, &mut screen.close_above, c, 20);
            return Outcome::stay().maybe_note(note);
        }
        Key::Input(' ') if screen.field == Field::Kind => screen.next_kind(),
        Key::Input(' ') if screen.field == Field::Paper => screen.next_paper(),
        Key::Input(c) => match screen.focused() {
            Some(field) => type_into(field, c, MAX_TEXT),
            None => return Outcome::stay().note(Note::ChoiceField),
        },
        Key::Backspace => {
            if let Some(field) = screen.focused() {
                field.pop();
            }
        }
        Key::Next => screen.step(true),
        Key::Prev => screen.step(false),
        Key::PrinterKind => screen.next_kind(),
        Key::ToggleFault => screen.count_corner_bears = !screen.count_corner_bears,
        Key::PaperWidth => screen.next_paper(),
        Key::TestPrint => match screen.printer() {
            Ok(printer) => {
                let shop = screen.shop();
                return Outcome::stay().run(vec![Effect::TestPrint { shop, printer }]);
            }
            Err((problem, field)) => {
                screen.field = field;
                return Outcome::stay().note(Note::Settings(problem));
            }
        },
        Key::Record => match screen.check() {
            Ok((shop, printer, rules)) => {
                let save = Effect::SaveSettings {
                    shop,
                    printer,
                    rules,
                    backup_folder: screen.backup_folder.trim().to_string(),
                    programme: screen.programme.trim().to_string(),
                };
                return Outcome::stay().run(vec![save]);
            }
            Err((problem, field)) => {
                screen.field = field;
                return Outcome::stay().note(Note::Settings(problem));
            }
        },
        _ => {}
    }
    Outcome::stay()
}

pub(super) fn draw(
    cx: &Ctx,
    screen: &SettingsScreen,
    frame: &mut Frame,
    area: Rect,
    focused: bool,
) {
    let p = &cx.lang.text().printer;
    let block = Block::bordered()
        .title(format!(" {} ", p.settings_title))
        .border_style(Style::new().cyan())
        .padding(Padding::new(1, 1, 0, 0));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if !screen.loaded {
        frame.render_widget(Paragraph::new(p.settings_loading), inner);
        return;
    }
    // The blank rows between the groups give way first when the key bar takes two rows.
    let mut heights = [Constraint::Length(1); 19];
    for blank in [4, 10, 13] {
        heights[blank] = Constraint::Max(1);
    }
    let rows: [Rect; 19] = Layout::vertical(heights).areas(inner);
    let label_width = p
        .labels
        .iter()
        .chain(&p.till_labels)
        .chain([
            &cx.lang.ledger_file().backup_folder_label,
            &cx.lang.undo().programme_label,
        ])
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let lines = Lines {
        label_width,
        value_width: (inner.width as usize).saturating_sub(INDENT + label_width + 1),
        cursor: focused.then_some(screen.field),
    };
    let [name, office, address, _, _, _] = p.labels;
    let section = |text: &str, row: Rect, frame: &mut Frame| {
        frame.render_widget(Paragraph::new(Span::from(text).bold().yellow()), row);
    };
    section(p.shop_section, rows[0], frame);
    lines.field(frame, rows[1], Field::Name, name, &screen.name);
    lines.field(frame, rows[2], Field::Office, office, &screen.office);
    lines.field(frame, rows[3], Field::Address, address, &screen.address);
    let programme = cx.lang.undo().programme_label;
    lines.field(
        frame,
        rows[4],
        Field::Programme,
        programme,
        &screen.programme,
    );
    section(p.printer_section, rows[5], frame);
    draw_printer(cx, screen, &lines, frame, &rows[6..13]);
    // The count's rule shares the section's line: the screen has no row to spare.
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::from(p.till_section).bold().yellow(),
            Span::from("   "),
            Span::from((p.count_bears)(screen.count_corner_bears)).cyan(),
            Span::from("  "),
            Span::from(" F6 ").black().on_cyan(),
        ])),
        rows[14],
    );
    let [lock, close] = p.till_labels;
    lines.field(
        frame,
        rows[15],
        Field::LockMinutes,
        lock,
        &screen.lock_minutes,
    );
    lines.field(
        frame,
        rows[16],
        Field::CloseAbove,
        close,
        &screen.close_above,
    );
    let file = cx.lang.ledger_file();
    let backup = file.backup_folder_label;
    lines.field(
        frame,
        rows[17],
        Field::BackupFolder,
        backup,
        &screen.backup_folder,
    );
    frame.render_widget(
        Paragraph::new(lines.hint(file.backup_folder_hint)),
        rows[18],
    );
}

/// The printer's part of the settings, on its seven rows: kind, target and its hint, paper,
/// the PDF command and its hint.
fn draw_printer(
    cx: &Ctx,
    screen: &SettingsScreen,
    lines: &Lines,
    frame: &mut Frame,
    rows: &[Rect],
) {
    let p = &cx.lang.text().printer;
    let [_, _, _, kind, paper, pdf] = p.labels;
    let kind_index = screen.kind.index();
    let kind_name = p.kind_names[kind_index].to_string();
    lines.choice(frame, rows[0], Field::Kind, kind, kind_name, "F7");
    if screen.kind != Kind::None {
        let target = p.target_labels[kind_index];
        lines.field(frame, rows[1], Field::Target, target, &screen.target);
        let hint_text = match screen.kind {
            Kind::Windows => (p.windows_printers)(&screen.windows_printers),
            _ => p.target_hints[kind_index].to_string(),
        };
        frame.render_widget(Paragraph::new(lines.hint(&hint_text)), rows[2]);
    }
    let paper_text = (p.paper)(screen.paper.mm(), screen.paper.columns());
    lines.choice(frame, rows[3], Field::Paper, paper, paper_text, "F8");
    lines.field(frame, rows[5], Field::PdfCommand, pdf, &screen.pdf_command);
    frame.render_widget(Paragraph::new(lines.hint(p.pdf_hint)), rows[6]);
}

/// Columns of the settings' lines, left of the labels.
const INDENT: usize = 2;

/// How the settings' lines are laid out: labels in one column, values after them.
struct Lines {
    label_width: usize,
    value_width: usize,
    /// The field with the cursor, when the screen has the keyboard.
    cursor: Option<Field>,
}

impl Lines {
    fn label(&self, text: &str) -> Span<'static> {
        let width = self.label_width;
        Span::from(format!("{:INDENT$}{text:<width$}", "")).bold()
    }

    /// A hint under a value, in its column.
    fn hint(&self, text: &str) -> Line<'static> {
        Line::from(vec![
            Span::from(" ".repeat(INDENT + self.label_width)),
            Span::from(text.to_string()).dark_gray(),
        ])
    }

    fn field(&self, frame: &mut Frame, row: Rect, field: Field, text: &str, value: &str) {
        let has_cursor = self.cursor == Some(field);
        let value_width = self.value_width;
        // A long value shows its end, where typing goes.
        let skip = value
            .chars()
            .count()
            .saturating_sub(value_width.saturating_sub(1));
        let shown: String = value.chars().skip(skip).collect();
        let value_span = Span::from(format!("{shown:<value_width$}"));
        let value_span = if has_cursor {
            value_span.reversed()
        } else {
            value_span.underlined()
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![self.label(text), value_span])),
            row,
        );
        if has_cursor {
            let x = row.x + (INDENT + self.label_width + shown.chars().count()) as u16;
            frame.set_cursor_position((x.min(row.right().saturating_sub(1)), row.y));
        }
    }

    /// A choice stepped with a key (or Space on it), shown next to it; reversed under the
    /// cursor, as a text field is.
    fn choice(
        &self,
        frame: &mut Frame,
        row: Rect,
        field: Field,
        text: &str,
        value: String,
        key: &str,
    ) {
        let value = Span::from(value).cyan();
        let value = if self.cursor == Some(field) {
            value.reversed()
        } else {
            value
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                self.label(text),
                value,
                Span::from("  "),
                Span::from(format!(" {key} ")).black().on_cyan(),
            ])),
            row,
        );
    }
}

/// A runtime answer for the settings screen.
pub(super) fn answer(screen: &mut SettingsScreen, msg: Answer) -> Outcome {
    match msg {
        Answer::SettingsLoaded {
            shop,
            printer,
            rules,
            backup_folder,
            programme,
            windows_printers,
        } => {
            screen.windows_printers = windows_printers;
            screen.loaded(shop, printer, rules, (backup_folder, programme));
        }
        Answer::Failed {
            action: FailedEffect::LoadSettings,
            ..
        } => return Outcome::home(),
        // Saved: back to the till, which prints and locks by them from now on.
        Answer::SettingsSaved => {
            let home = Outcome::home();
            return match screen.rules() {
                Ok(rules) => home.till(TillChange::LockAfter(rules.lock_after())),
                Err(_) => home,
            };
        }
        _ => {}
    }
    Outcome::stay()
}

/// The screen's face to the hub, the same on every screen: how it opens, takes a key and a
/// runtime answer, which key table it reads, and how it draws.
impl SettingsScreen {
    pub(super) fn open(_cx: &Ctx, _place: Place) -> (SettingsScreen, Vec<Effect>) {
        (SettingsScreen::loading(), vec![Effect::LoadSettings])
    }

    pub(super) fn key(&mut self, cx: &Ctx, msg: Key) -> Outcome {
        key(cx, self, msg)
    }

    pub(super) fn answer(&mut self, _cx: &Ctx, msg: Answer) -> Outcome {
        answer(self, msg)
    }

    pub(super) fn focus(&self) -> Focus {
        Focus::Settings
    }

    pub(super) fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect, focused: bool) {
        draw(cx, self, frame, area, focused);
    }
}
