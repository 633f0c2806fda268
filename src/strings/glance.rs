//! Text of the manager's glance (Ctrl+G): the day by hour, the month's best sellers, who is
//! owed, and what the stock flags.

use super::lang::Lang;
use crate::domain::Rupiah;

pub struct GlanceText {
    /// The weekday and date shown, e.g. "Sabtu 05-12-2026".
    pub title: fn(&str) -> String,
    pub loading: &'static str,
    /// The chart's heading: the weekday, how many earlier same weekdays are averaged.
    pub hours_title: fn(&str, u32) -> String,
    pub legend_today: &'static str,
    pub legend_usual: &'static str,
    pub no_sales: &'static str,
    pub day_title: &'static str,
    pub sales: &'static str,
    pub takings: &'static str,
    pub average: &'static str,
    /// Voids: how many, for how much.
    pub voids: fn(i64, Rupiah) -> String,
    pub flags_title: &'static str,
    pub oversold: &'static str,
    pub below_minimum: &'static str,
    /// Best-before within this many days, or past.
    pub expiring: fn(u32) -> String,
    /// The last close: its date and the cash variance.
    pub last_close: fn(&str, Rupiah) -> String,
    pub never_closed: &'static str,
    /// Over this many days.
    pub top_products: fn(u32) -> String,
    pub top_producers: fn(u32) -> String,
    pub owed_title: &'static str,
    /// Days since the last payout; `None`: never paid.
    pub since_payout: fn(Option<i64>) -> String,
    pub nothing_owed: &'static str,
    pub weekdays: [&'static str; 7],
    pub failed: fn(&str) -> String,
    /// The lists' sparkline column: sales per day over this many days.
    pub trend_header: fn(u32) -> String,
    pub trend_failed: fn(&str) -> String,
}

impl Lang {
    pub fn glance(self) -> &'static GlanceText {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

const ID: GlanceText = GlanceText {
    title: |day| format!("Sekilas usaha · {day}"),
    loading: "Memuat…",
    hours_title: |weekday, weeks| match weeks {
        0 => "Per jam (belum ada minggu sebelumnya)".to_string(),
        1 => format!("Per jam vs {weekday} minggu lalu"),
        n => format!("Per jam vs rata-rata {n} {weekday} lalu"),
    },
    legend_today: "hari ini",
    legend_usual: "biasanya",
    no_sales: "Belum ada penjualan.",
    day_title: "Hari ini",
    sales: "Transaksi",
    takings: "Omzet",
    average: "Rata-rata",
    voids: |n, total| format!("Batal {n} ({total})"),
    flags_title: "Perlu dilihat",
    oversold: "Stok minus",
    below_minimum: "Di bawah minimum",
    expiring: |days| format!("Kedaluwarsa ≤{days} hari"),
    last_close: |date, variance| format!("Tutup {date}: selisih {variance}"),
    never_closed: "Belum pernah tutup kasir",
    top_products: |days| format!("Produk terlaris {days} hari"),
    top_producers: |days| format!("Produsen terlaris {days} hari"),
    owed_title: "Saldo terutang terbesar",
    since_payout: |days| match days {
        None => "belum pernah dibayar".to_string(),
        Some(0) => "dibayar hari ini".to_string(),
        Some(n) => format!("{n} hari sejak dibayar"),
    },
    nothing_owed: "Tidak ada saldo terutang.",
    weekdays: [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
    ],
    failed: |e| format!("Sekilas usaha tidak bisa dimuat: {e}"),
    trend_header: |days| format!("Penjualan {days} hari"),
    trend_failed: |e| format!("Grafik penjualan harian tidak bisa dimuat: {e}"),
};

const EN: GlanceText = GlanceText {
    title: |day| format!("The shop at a glance · {day}"),
    loading: "Loading…",
    hours_title: |weekday, weeks| match weeks {
        0 => "By hour (no earlier weeks yet)".to_string(),
        1 => format!("By hour vs last {weekday}"),
        n => format!("By hour vs the average of {n} earlier {weekday}s"),
    },
    legend_today: "today",
    legend_usual: "usual",
    no_sales: "No sales yet.",
    day_title: "Today",
    sales: "Sales",
    takings: "Takings",
    average: "Average",
    voids: |n, total| format!("Voided {n} ({total})"),
    flags_title: "To look at",
    oversold: "Oversold",
    below_minimum: "Below minimum",
    expiring: |days| format!("Expiring ≤{days} days"),
    last_close: |date, variance| format!("Close {date}: difference {variance}"),
    never_closed: "Never closed yet",
    top_products: |days| format!("Best-selling products, {days} days"),
    top_producers: |days| format!("Best-selling producers, {days} days"),
    owed_title: "Largest balances owed",
    since_payout: |days| match days {
        None => "never paid".to_string(),
        Some(0) => "paid today".to_string(),
        Some(1) => "1 day since paid".to_string(),
        Some(n) => format!("{n} days since paid"),
    },
    nothing_owed: "Nobody is owed anything.",
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    failed: |e| format!("The glance could not be loaded: {e}"),
    trend_header: |days| format!("Sales, last {days} days"),
    trend_failed: |e| format!("The daily sales lines could not be loaded: {e}"),
};
