//! Every user-facing sentence, once per language: Bahasa Indonesia first, English second.
//! Each language is one value of the same struct, so a missing translation does not compile.
//! Sentences that take values are plain functions (`fn(..) -> String`).

use crate::domain::Rupiah;

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn text(self) -> &'static Strings {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }

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

/// Text for the kiosk's screens.
pub struct UiText {
    pub app_name: &'static str,
}

/// Text for printouts (receipts, reports).
pub struct PrintText {
    pub thank_you: &'static str,
    pub change: &'static str,
    pub total: &'static str,
}

/// Text for the command line.
pub struct CliText {
    pub no_business_day: fn(&str) -> String,
    pub amount: fn(Rupiah) -> String,
}

pub struct Strings {
    pub ui: UiText,
    pub print: PrintText,
    pub cli: CliText,
}

pub static ID: Strings = Strings {
    ui: UiText {
        app_name: "Pojok UMKM",
    },
    print: PrintText {
        thank_you: "Terima kasih",
        change: "Kembalian",
        total: "Total",
    },
    cli: CliText {
        no_business_day: |date| format!("Tidak ada hari usaha pada tanggal {date}."),
        amount: |r| r.to_string(),
    },
};

pub static EN: Strings = Strings {
    ui: UiText {
        app_name: "Pojok UMKM",
    },
    print: PrintText {
        thank_you: "Thank you",
        change: "Change",
        total: "Total",
    },
    cli: CliText {
        no_business_day: |date| format!("No business day on {date}."),
        amount: |r| r.to_string(),
    },
};
