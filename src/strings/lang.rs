//! The two languages of what a user reads, and how each is named on the command line.

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }

    /// `id` or `en`, as given to `--lang` or `POJOK_LANG`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "id" | "id_id" | "indonesia" => Some(Lang::Id),
            "en" | "en_us" | "en_gb" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}
