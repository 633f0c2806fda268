//! Text for serving a queue: parking a cart, the list of parked carts, part payments kept
//! with a cart; and the voids listed on the day-close report.

use super::lang::Lang;
use crate::domain::Rupiah;

pub struct QueueText {
    /// The parked list's title.
    pub title: &'static str,
    pub loading: &'static str,
    pub none: &'static str,
    pub col_parked_at: &'static str,
    pub col_items: &'static str,
    pub col_paid: &'static str,
    /// Under the list: what Enter and Esc do.
    pub hint: &'static str,
    /// On the sale screen: how many carts are parked, and the key to them.
    pub parked_count: fn(usize) -> String,
    /// A cart parked; how many are parked now.
    pub parked: fn(usize) -> String,
    /// A cart back; its total, what was already taken of it (with the methods), and how
    /// many are still parked.
    pub recalled: fn(Rupiah, Option<(Rupiah, &str)>, usize) -> String,
    pub nothing_to_park: &'static str,
    /// The close refused while carts are parked.
    pub close_with_parked: fn(usize) -> String,
    /// The pay dialog opened on a cart whose parts were taken before a restart or a park.
    pub parts_kept: fn(Rupiah, &str) -> String,
    pub failed: fn(&str) -> String,
    /// A void on the day-close report: the sale's number, its amount, the reason, who
    /// voided it and who approved it.
    pub z_void: fn(i64, Rupiah, &str, &str, Option<&str>) -> String,
}

impl Lang {
    pub fn queue(self) -> &'static QueueText {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

const ID: QueueText = QueueText {
    title: "Keranjang ditunda",
    loading: "Memuat keranjang yang ditunda…",
    none: "Tidak ada keranjang yang ditunda.",
    col_parked_at: "Jam",
    col_items: "Barang",
    col_paid: "Sudah dibayar",
    hint: "Enter: layani lagi keranjang ini · Esc: kembali",
    parked_count: |n| format!("{n} keranjang ditunda (F12)"),
    parked: |n| format!("Keranjang ditunda ({n} ditunda). Silakan layani pembeli berikutnya."),
    recalled: |total, paid, left| {
        let paid = match paid {
            Some((paid, methods)) => format!(", sudah dibayar {paid} ({methods})"),
            None => String::new(),
        };
        format!("Dilayani lagi: {total}{paid}; {left} ditunda.")
    },
    nothing_to_park: "Keranjang kosong: tidak ada yang ditunda. F12 dengan keranjang kosong membuka daftar.",
    close_with_parked: |n| {
        format!(
            "Masih ada {n} keranjang ditunda: layani (F12) atau kosongkan dulu sebelum tutup kasir."
        )
    },
    parts_kept: |paid, methods| format!("Sudah dibayar {paid} ({methods}): jangan ditagih lagi."),
    failed: |why| format!("Keranjang tunda gagal: {why}"),
    z_void: |number, amount, reason, by, approver| {
        let approved = match approver {
            Some(approver) => format!(", disetujui {approver}"),
            None => String::new(),
        };
        format!("- No. {number} {amount}, alasan: {reason}; oleh {by}{approved}")
    },
};

const EN: QueueText = QueueText {
    title: "Parked carts",
    loading: "Loading the parked carts…",
    none: "No cart is parked.",
    col_parked_at: "Time",
    col_items: "Items",
    col_paid: "Paid so far",
    hint: "Enter: serve this cart again · Esc: back",
    parked_count: |n| format!("{n} carts parked (F12)"),
    parked: |n| format!("Cart parked ({n} parked). Serve the next customer."),
    recalled: |total, paid, left| {
        let paid = match paid {
            Some((paid, methods)) => format!(", {paid} already paid ({methods})"),
            None => String::new(),
        };
        format!("Back: {total}{paid}; {left} parked.")
    },
    nothing_to_park: "The cart is empty: nothing to park. F12 on an empty cart opens the list.",
    close_with_parked: |n| {
        format!(
            "{n} carts are still parked: serve them (F12) or empty them before closing the till."
        )
    },
    parts_kept: |paid, methods| format!("Already paid {paid} ({methods}): do not ask again."),
    failed: |why| format!("Parked cart failed: {why}"),
    z_void: |number, amount, reason, by, approver| {
        let approved = match approver {
            Some(approver) => format!(", approved by {approver}"),
            None => String::new(),
        };
        format!("- No. {number} {amount}, reason: {reason}; by {by}{approved}")
    },
};
