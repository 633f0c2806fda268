//! The command line's own messages: opening the ledger, `pojok demo --years`.

/// Text for the command line.
pub struct CliText {
    pub no_business_day: fn(&str) -> String,
    pub cannot_open: fn(&str, &str) -> String,
    pub no_ledger: fn(&str) -> String,
    /// `pojok demo --years`: no `--db` given, or the file already holds a shop.
    pub years_need_db: &'static str,
    pub years_not_empty: fn(&str) -> String,
    /// Days done, days in all (a progress line).
    pub years_progress: fn(usize, usize) -> String,
    /// Days, sales, seconds, file.
    pub years_done: fn(usize, usize, f64, &str) -> String,
}

pub(super) const ID: CliText = CliText {
    no_business_day: |date| format!("Tidak ada hari usaha pada tanggal {date}."),
    cannot_open: |path, why| format!("Buku kas {path} tidak bisa dibuka: {why}"),
    no_ledger: |path| format!("Buku kas {path} tidak ada. Periksa --db atau POJOK_DB."),
    years_need_db: "--years menulis ke berkas: sebutkan --db BERKAS.",
    years_not_empty: |path| {
        format!("Buku kas {path} sudah berisi toko; --years hanya mengisi berkas baru.")
    },
    years_progress: |done, all| format!("hari {done} dari {all}"),
    years_done: |days, sales, secs, path| {
        format!("{days} hari usaha, {sales} penjualan, {secs:.0} detik: {path}")
    },
};

pub(super) const EN: CliText = CliText {
    no_business_day: |date| format!("No business day on {date}."),
    cannot_open: |path, why| format!("Cannot open the ledger {path}: {why}"),
    no_ledger: |path| format!("There is no ledger at {path}. Check --db or POJOK_DB."),
    years_need_db: "--years writes to a file: name it with --db FILE.",
    years_not_empty: |path| {
        format!("The ledger {path} already holds a shop; --years only fills a new file.")
    },
    years_progress: |done, all| format!("day {done} of {all}"),
    years_done: |days, sales, secs, path| {
        format!("{days} business days, {sales} sales, {secs:.0} s: {path}")
    },
};
