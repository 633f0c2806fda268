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
    /// Printed on a voided sale's receipt, above and below the lines.
    pub void_mark: &'static str,
    /// `No. 7`: the sale's running number within its day.
    pub receipt_number: fn(i64) -> String,
    pub attendant: fn(&str) -> String,
    /// `3 pcs x Rp 5.000`: the quantity with its unit, then the unit price.
    pub item_detail: fn(&str, Rupiah) -> String,
    pub cash: &'static str,
    pub qris: &'static str,
    pub transfer: &'static str,
    /// Month abbreviations for dates (`22 Nov 2026`); the screens use them through
    /// `print::format::date` too.
    pub months: [&'static str; 12],
    pub day_report_title: &'static str,
    pub sales: &'static str,
    pub voids: &'static str,
    /// `14 transaksi`: how many sales a total is made of.
    pub sales_count: fn(i64) -> String,
    pub payments: &'static str,
    pub column_code: &'static str,
    pub column_producer: &'static str,
    pub column_quantity: &'static str,
    pub column_gross: &'static str,
    pub column_producer_share: &'static str,
    pub column_corner_share: &'static str,
    pub no_sales: &'static str,
}

/// Text for the command line.
pub struct CliText {
    pub no_business_day: fn(&str) -> String,
    pub cannot_open: fn(&str, &str) -> String,
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
        total: "TOTAL",
        void_mark: "DIBATALKAN",
        receipt_number: |n| format!("No. {n}"),
        attendant: |name| format!("Kasir: {name}"),
        item_detail: |quantity, price| format!("{quantity} x {price}"),
        cash: "Tunai",
        qris: "QRIS",
        transfer: "Transfer",
        months: [
            "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
        ],
        day_report_title: "LAPORAN HARIAN",
        sales: "Penjualan",
        voids: "Dibatalkan",
        sales_count: |n| format!("{n} transaksi"),
        payments: "Pembayaran",
        column_code: "Kode",
        column_producer: "Produsen",
        column_quantity: "Jml",
        column_gross: "Penjualan",
        column_producer_share: "Bag. produsen",
        column_corner_share: "Bag. pojok",
        no_sales: "Belum ada penjualan.",
    },
    cli: CliText {
        no_business_day: |date| format!("Tidak ada hari usaha pada tanggal {date}."),
        cannot_open: |path, why| format!("Buku kas {path} tidak bisa dibuka: {why}"),
    },
};

pub static EN: Strings = Strings {
    ui: UiText {
        app_name: "Pojok UMKM",
    },
    print: PrintText {
        thank_you: "Thank you",
        change: "Change",
        total: "TOTAL",
        void_mark: "VOID",
        receipt_number: |n| format!("No. {n}"),
        attendant: |name| format!("Cashier: {name}"),
        item_detail: |quantity, price| format!("{quantity} x {price}"),
        cash: "Cash",
        qris: "QRIS",
        transfer: "Transfer",
        months: [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ],
        day_report_title: "DAY REPORT",
        sales: "Sales",
        voids: "Voided",
        sales_count: |n| {
            if n == 1 {
                "1 sale".to_string()
            } else {
                format!("{n} sales")
            }
        },
        payments: "Payments",
        column_code: "Code",
        column_producer: "Producer",
        column_quantity: "Qty",
        column_gross: "Gross",
        column_producer_share: "To producer",
        column_corner_share: "To corner",
        no_sales: "No sales yet.",
    },
    cli: CliText {
        no_business_day: |date| format!("No business day on {date}."),
        cannot_open: |path, why| format!("Cannot open the ledger {path}: {why}"),
    },
};
