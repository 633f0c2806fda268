//! A small ESC/POS decoder for the tests: the bytes a printer would get, parsed back into
//! the commands and text lines it would obey, so a test can say what would be printed.

/// One thing a printer does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// `ESC @`.
    Initialise,
    /// `ESC E n`.
    Bold(bool),
    /// `GS ! n`: the character size.
    Size(u8),
    /// `ESC d n`: feed n lines.
    Feed(u8),
    /// `GS V m [n]`: (feed and) cut.
    Cut,
    /// A line of text, ended by LF.
    Line(String),
    /// A control byte this decoder does not know: a printer might obey it as anything.
    Unknown(u8),
}

/// Parses `bytes`; text left without a closing LF comes out as a last `Line`.
pub fn decode(bytes: &[u8]) -> Vec<Command> {
    let mut out = Vec::new();
    let mut text = Vec::new();
    let mut i = 0;
    let arg = |i: usize| bytes.get(i).copied();
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            0x1b => match (arg(i + 1), arg(i + 2)) {
                (Some(b'@'), _) => {
                    out.push(Command::Initialise);
                    i += 2;
                }
                (Some(b'E'), Some(n)) => {
                    out.push(Command::Bold(n & 1 == 1));
                    i += 3;
                }
                (Some(b'd'), Some(n)) => {
                    out.push(Command::Feed(n));
                    i += 3;
                }
                _ => {
                    out.push(Command::Unknown(b));
                    i += 1;
                }
            },
            0x1d => match (arg(i + 1), arg(i + 2)) {
                (Some(b'!'), Some(n)) => {
                    out.push(Command::Size(n));
                    i += 3;
                }
                (Some(b'V'), Some(0 | 1 | 48 | 49)) => {
                    out.push(Command::Cut);
                    i += 3;
                }
                (Some(b'V'), Some(65 | 66)) if arg(i + 3).is_some() => {
                    out.push(Command::Cut);
                    i += 4;
                }
                _ => {
                    out.push(Command::Unknown(b));
                    i += 1;
                }
            },
            b'\n' => {
                out.push(Command::Line(String::from_utf8_lossy(&text).into_owned()));
                text.clear();
                i += 1;
            }
            0x20..=0x7e => {
                text.push(b);
                i += 1;
            }
            other => {
                out.push(Command::Unknown(other));
                i += 1;
            }
        }
    }
    if !text.is_empty() {
        out.push(Command::Line(String::from_utf8_lossy(&text).into_owned()));
    }
    out
}

/// The text lines, in order.
pub fn lines(commands: &[Command]) -> Vec<String> {
    commands
        .iter()
        .filter_map(|c| match c {
            Command::Line(text) => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// Asserts what every print job must be: initialised first, cut last, every line within
/// `columns`, and nothing a printer could take for a command of another kind.
pub fn assert_well_formed(commands: &[Command], columns: usize) {
    assert_eq!(commands.first(), Some(&Command::Initialise), "{commands:?}");
    assert_eq!(commands.last(), Some(&Command::Cut), "{commands:?}");
    assert!(
        !commands.iter().any(|c| matches!(c, Command::Unknown(_))),
        "{commands:?}"
    );
    for line in lines(commands) {
        assert!(line.len() <= columns, "{line:?} is wider than {columns}");
    }
}
