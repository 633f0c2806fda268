//! `--help` and clap's own messages in the UI language. The English help is the doc comments
//! of the command line's types (clap's derive); in Indonesian each command and option takes
//! its text from the strings table by its place (`import products`, `import products
//! --dry_run`), and clap's fixed words (Usage, Options, Print help …) are said in Indonesian.
//! The language is known before the command line is parsed: `--lang` anywhere on it, else
//! `POJOK_LANG`, else Indonesian, the same rule the parsed option follows.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

use crate::strings::{HelpText, Lang};

/// A value of an option that the command line's own parsers refuse; said in the language of
/// the command line when clap reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadValue {
    Date(String),
    Lang(String),
}

impl std::fmt::Display for BadValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = Lang::En.help();
        match self {
            BadValue::Date(text) => f.write_str(&(t.bad_date)(text)),
            BadValue::Lang(text) => f.write_str(&(t.bad_lang)(text)),
        }
    }
}

impl std::error::Error for BadValue {}

/// The language asked for by `--lang X` / `--lang=X` on the command line, else by the
/// environment's `POJOK_LANG`; a value that is no language is left for clap to refuse.
pub fn lang_of(args: &[OsString], env: Option<&str>) -> Lang {
    let mut typed = None;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            typed = args.next().map(|v| v.into_owned());
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            typed = Some(value.to_string());
        }
    }
    typed
        .as_deref()
        .or(env)
        .and_then(Lang::from_code)
        .unwrap_or_default()
}

/// Every place that has help text: commands by their path, options as `path --id`.
pub fn places(cmd: &Command) -> Vec<String> {
    let mut found = Vec::new();
    collect(cmd, "", &mut found);
    found
}

fn collect(cmd: &Command, path: &str, found: &mut Vec<String>) {
    found.push(path.to_string());
    for arg in cmd.get_arguments() {
        found.push(arg_place(path, arg));
    }
    for sub in cmd.get_subcommands() {
        collect(sub, &child(path, sub.get_name()), found);
    }
}

fn child(path: &str, name: &str) -> String {
    match path {
        "" => name.to_string(),
        _ => format!("{path} {name}"),
    }
}

fn arg_place(path: &str, arg: &Arg) -> String {
    format!("{path} --{}", arg.get_id())
        .trim_start()
        .to_string()
}

/// The command line in `lang`: English as written, Indonesian from the strings table.
pub fn localise(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => cmd,
        Lang::Id => localise_at(cmd, "", lang.help()),
    }
}

fn localise_at(mut cmd: Command, path: &str, t: &HelpText) -> Command {
    if let Some(about) = (t.text)(path) {
        cmd = cmd.about(about).long_about(None);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let place = format!("{path} --{id}").trim_start().to_string();
        let help = (t.text)(&place);
        cmd = cmd.mut_arg(id, |mut a| {
            if let Some(help) = help {
                a = a.help(help).long_help(None);
            }
            // The placeholder of the value (`--out <BERKAS>`), where the option has one.
            let named = a.get_value_names().and_then(|names| names.first());
            match named.and_then(|name| (t.value_name)(name.as_str())) {
                Some(name) => a.value_name(name),
                None => a,
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let at = child(path, &name);
        cmd = cmd.mut_subcommand(name, |c| localise_at(c, &at, t));
    }
    cmd
}

/// clap's own words in `lang` (help pages, usage lines); English as clap writes them.
fn reword(text: &str, t: &HelpText) -> String {
    t.clap_words
        .iter()
        .fold(text.to_string(), |text, (english, said)| {
            text.replace(english, said)
        })
}

/// What clap has to say (help, version, a refused command line) in `lang`, then exits as
/// clap would.
pub fn exit(error: clap::Error, lang: Lang) -> ! {
    let shown_by_clap = matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if lang == Lang::En && shown_by_clap {
        error.exit();
    }
    let t = lang.help();
    let rendered = error.render().to_string();
    let shown = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => reword(&rendered, t),
        _ => refusal(&error, &rendered, t),
    };
    if error.use_stderr() {
        eprint!("{shown}");
    } else {
        print!("{shown}");
    }
    std::process::exit(error.exit_code());
}

/// A refused command line: what was wrong in one sentence, the usage line, where help is.
fn refusal(error: &clap::Error, rendered: &str, t: &HelpText) -> String {
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let sentence = match error.kind() {
        ErrorKind::UnknownArgument => (t.unknown_argument)(&context(ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => {
            (t.unknown_command)(&context(ContextKind::InvalidSubcommand))
        }
        ErrorKind::InvalidValue if context(ContextKind::InvalidValue).is_empty() => {
            (t.value_needed)(&context(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidValue => (t.invalid_value)(
            &context(ContextKind::InvalidValue),
            &context(ContextKind::InvalidArg),
            &context(ContextKind::ValidValue),
        ),
        ErrorKind::MissingRequiredArgument => (t.missing)(&context(ContextKind::InvalidArg)),
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(error);
            match source.and_then(|e| e.downcast_ref::<BadValue>()) {
                Some(BadValue::Date(text)) => (t.bad_date)(text),
                Some(BadValue::Lang(text)) => (t.bad_lang)(text),
                None => (t.invalid_value)(
                    &context(ContextKind::InvalidValue),
                    &context(ContextKind::InvalidArg),
                    &source.map(|e| e.to_string()).unwrap_or_default(),
                ),
            }
        }
        ErrorKind::ArgumentConflict => (t.conflict)(&context(ContextKind::InvalidArg)),
        ErrorKind::MissingSubcommand => t.missing_command.to_string(),
        _ => return reword(rendered, t),
    };
    let usage = rendered
        .lines()
        .find(|l| l.starts_with("Usage:"))
        .map(|l| format!("{}\n\n", reword(l, t)))
        .unwrap_or_default();
    format!("pojok: {sentence}\n\n{usage}{}\n", t.more_help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_the_typed_option_then_the_environment_then_indonesian() {
        assert_eq!(lang_of(&args(&["pojok", "--help"]), None), Lang::Id);
        assert_eq!(lang_of(&args(&["pojok", "--help"]), Some("en")), Lang::En);
        assert_eq!(
            lang_of(&args(&["pojok", "verify", "--lang", "en"]), Some("id")),
            Lang::En
        );
        assert_eq!(
            lang_of(&args(&["pojok", "--lang=id"]), Some("en")),
            Lang::Id
        );
        // A value after `--` is a file, not the option.
        assert_eq!(
            lang_of(&args(&["pojok", "restore", "--", "--lang", "en"]), None),
            Lang::Id
        );
        assert_eq!(lang_of(&args(&["pojok", "--lang", "fr"]), None), Lang::Id);
    }
}
