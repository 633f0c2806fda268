//! Text of the shop-wide stock count (stok opname) and of the expiry list: their screens,
//! messages and slip.

use super::lang::Lang;

pub struct StockCountText {
    // The count form.
    pub count_title: fn(usize) -> String,
    pub count_empty: &'static str,
    pub col_recorded: &'static str,
    pub col_counted: &'static str,
    pub col_difference: &'static str,
    pub col_borne_by: &'static str,
    pub borne_by_corner: &'static str,
    pub borne_by_producer: &'static str,
    /// A product scanned again: its name and what is counted now.
    pub counted_again: fn(&str, &str) -> String,
    /// Products counted, of which with a difference.
    pub confirm_count: fn(usize, usize) -> String,
    /// Products recorded, the slip's file.
    pub count_recorded: fn(usize, &str) -> String,
    // The count slip.
    pub slip_numbers: fn(i64, i64) -> String,
    pub slip_products_counted: fn(usize) -> String,
    pub slip_with_difference: fn(usize) -> String,
    pub slip_manager_role: &'static str,
    // The expiry list and the till's warning.
    /// The list's title: how many days ahead it looks.
    pub expiry_title: fn(u32) -> String,
    pub expiry_none: &'static str,
    pub col_delivery: &'static str,
    pub col_best_before: &'static str,
    pub col_left: &'static str,
    pub col_when: &'static str,
    /// Days to the best-before date: 0 today, negative past.
    pub days_left: fn(i64) -> String,
    pub expiry_hint: &'static str,
    /// Digits typed for a new horizon.
    pub expiry_days_typed: fn(&str) -> String,
    pub bad_expiry_days: fn(u32) -> String,
    pub expiry_return_reason: &'static str,
    pub return_from_expiry: fn(&str, usize) -> String,
    pub past_best_before: fn(&str, &str) -> String,
}

impl Lang {
    pub fn stock_count(self) -> &'static StockCountText {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

/// `No. 0003-0012`: the same in both languages.
fn numbers(first: i64, last: i64) -> String {
    if first == last {
        format!("No. {first:04}")
    } else {
        format!("No. {first:04}-{last:04}")
    }
}

const ID: StockCountText = StockCountText {
    count_title: |n| format!("Stok opname: {n} produk"),
    count_empty: "Pindai atau ketik jumlah*kode tiap barang yang dihitung",
    col_recorded: "Tercatat",
    col_counted: "Dihitung",
    col_difference: "Selisih",
    col_borne_by: "Tanggung",
    borne_by_corner: "Pojok",
    borne_by_producer: "Produsen",
    counted_again: |name, total| format!("{name} sudah dihitung: ditambahkan, sekarang {total}"),
    confirm_count: |n, differ| {
        format!("Stok opname {n} produk ({differ} dengan selisih): catat sekarang?")
    },
    count_recorded: |n, slip| format!("Stok opname {n} produk dicatat; slip: {slip}"),
    slip_numbers: numbers,
    slip_products_counted: |n| format!("{n} produk dihitung"),
    slip_with_difference: |n| format!("{n} dengan selisih"),
    slip_manager_role: "Pengelola",
    expiry_title: |days| format!("Kedaluwarsa dalam {days} hari atau lewat, per produsen"),
    expiry_none: "Tidak ada barang yang mendekati atau lewat kedaluwarsa",
    col_delivery: "Titipan",
    col_best_before: "Kedaluwarsa",
    col_left: "Sisa",
    col_when: "Kapan",
    days_left: |days| match days {
        ..0 => format!("LEWAT {}hr", -days),
        0 => "hari ini".to_string(),
        _ => format!("{days} hari lagi"),
    },
    expiry_hint: "F4: retur barang produsen terpilih · ketik jumlah hari + Enter: ubah batas",
    expiry_days_typed: |days| format!("Batas baru: {days} hari · Enter simpan, Backspace hapus"),
    bad_expiry_days: |max| format!("Batas hari kedaluwarsa: 0 sampai {max}"),
    expiry_return_reason: "Kedaluwarsa / hampir kedaluwarsa",
    return_from_expiry: |producer, n| {
        format!("Retur {producer} diisi dari daftar kedaluwarsa: {n} barang; periksa lalu F2")
    },
    past_best_before: |name, date| {
        format!("PERHATIAN: {name} titipan terlama kedaluwarsa {date}; periksa barangnya")
    },
};

const EN: StockCountText = StockCountText {
    count_title: |n| format!("Stock count: {n} products"),
    count_empty: "Scan or type qty*code for each item counted",
    col_recorded: "Recorded",
    col_counted: "Counted",
    col_difference: "Diff",
    col_borne_by: "Borne by",
    borne_by_corner: "Corner",
    borne_by_producer: "Producer",
    counted_again: |name, total| format!("{name} was counted already: added, now {total}"),
    confirm_count: |n, differ| {
        format!("Stock count of {n} products ({differ} with a difference): record now?")
    },
    count_recorded: |n, slip| format!("Stock count of {n} products recorded; slip: {slip}"),
    slip_numbers: numbers,
    slip_products_counted: |n| format!("{n} products counted"),
    slip_with_difference: |n| format!("{n} with a difference"),
    slip_manager_role: "Manager",
    expiry_title: |days| format!("Best before within {days} days or past, by producer"),
    expiry_none: "Nothing is near or past its best-before date",
    col_delivery: "Delivery",
    col_best_before: "Best before",
    col_left: "Left",
    col_when: "When",
    days_left: |days| match days {
        ..0 => format!("PAST {}d", -days),
        0 => "today".to_string(),
        1 => "in 1 day".to_string(),
        _ => format!("in {days} days"),
    },
    expiry_hint: "F4: return the selected producer's goods · type days + Enter: new horizon",
    expiry_days_typed: |days| format!("New horizon: {days} days · Enter saves, Backspace erases"),
    bad_expiry_days: |max| format!("The expiry horizon is 0 to {max} days"),
    expiry_return_reason: "Expired / about to expire",
    return_from_expiry: |producer, n| {
        format!("Return to {producer} filled from the expiry list: {n} items; check, then F2")
    },
    past_best_before: |name, date| {
        format!("WARNING: the oldest delivery of {name} was best before {date}; check it")
    },
};
