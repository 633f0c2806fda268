//! Why an effect did not happen, one sentence per refusal (the ui's `Failure` picks one).

use crate::domain::quantity::MAX_QUANTITY;
use crate::domain::{QuantityError, Rupiah};

/// Why an effect did not happen, one sentence per refusal; the ui's `Failure` picks one.
/// Dates come formatted, amounts as `Rupiah`.
pub struct FailureText {
    pub no_open_day: &'static str,
    /// Another business day, of this date, is still open.
    pub day_already_open: fn(&str) -> String,
    /// This date already had its business day.
    pub day_exists: fn(&str) -> String,
    pub empty_sale: &'static str,
    pub not_settled: &'static str,
    pub unknown_sale: &'static str,
    pub already_voided: &'static str,
    pub not_on_open_day: &'static str,
    pub empty_reason: &'static str,
    pub busy: &'static str,
    pub disk_full: &'static str,
    pub unknown_product: fn(&str) -> String,
    pub product_inactive: fn(&str) -> String,
    pub producer_inactive: fn(&str) -> String,
    /// Product code, producer code.
    pub product_of_another_producer: fn(&str, &str) -> String,
    pub invalid_quantity: fn(&str, QuantityError) -> String,
    pub empty_document: &'static str,
    pub unknown_document: fn(i64) -> String,
    pub duplicate_code: fn(&str) -> String,
    pub duplicate_barcode: fn(&str) -> String,
    pub unknown_producer: fn(&str) -> String,
    /// The ledger's detail of what is wrong.
    pub invalid_producer: fn(&str) -> String,
    pub invalid_product: fn(&str) -> String,
    pub producer_price_needed: fn(&str) -> String,
    /// The storage's own detail.
    pub storage: fn(&str) -> String,
    /// Producer, what the corner owes them.
    pub payout_above_balance: fn(&str, Rupiah) -> String,
}

pub(super) const ID: FailureText = FailureText {
    no_open_day: "belum ada hari usaha yang dibuka",
    day_already_open: |date| format!("hari usaha {date} masih terbuka; tutup dulu hari itu"),
    day_exists: |date| format!("hari usaha {date} sudah pernah dibuka"),
    empty_sale: "keranjang kosong",
    not_settled: "pembayaran tidak pas dengan total",
    unknown_sale: "penjualan itu tidak ditemukan",
    already_voided: "penjualan itu sudah dibatalkan",
    not_on_open_day: "penjualan itu bukan dari hari usaha yang sedang buka",
    empty_reason: "alasan pembatalan masih kosong",
    busy: "buku kas sedang dipakai program lain",
    disk_full: "disk penuh",
    unknown_product: |code| format!("produk {code} tidak ada"),
    product_inactive: |code| format!("produk {code} (atau produsennya) sedang nonaktif"),
    producer_inactive: |code| format!("produsen {code} sedang nonaktif"),
    product_of_another_producer: |product, producer| {
        format!("produk {product} bukan milik produsen {producer}")
    },
    invalid_quantity: |code, problem| format!("{code}: {}", id_quantity_problem(problem)),
    empty_document: "belum ada baris barang",
    unknown_document: |id| format!("catatan stok no. {id} tidak ada"),
    duplicate_code: |code| format!("kode {code} sudah dipakai"),
    duplicate_barcode: |code| format!("barcode {code} sudah dipakai"),
    unknown_producer: |code| format!("produsen {code} tidak ada"),
    invalid_producer: |detail| format!("data produsen tidak sah ({detail})"),
    invalid_product: |detail| format!("data produk tidak sah ({detail})"),
    producer_price_needed: |code| {
        format!(
            "produsen {code} sudah punya produk: skema harga setor butuh harga setor \
             tiap produknya; tetap pakai persentase atau daftarkan ulang lewat impor CSV"
        )
    },
    storage: |detail| format!("gangguan penyimpanan ({detail})"),
    payout_above_balance: |producer, owed| {
        format!("melebihi saldo: pojok hanya berutang {owed} kepada {producer}")
    },
};

pub(super) const EN: FailureText = FailureText {
    no_open_day: "no business day is open",
    day_already_open: |date| format!("the business day {date} is still open; close it first"),
    day_exists: |date| format!("the business day {date} was opened before"),
    empty_sale: "the cart is empty",
    not_settled: "the payments do not match the total",
    unknown_sale: "that sale was not found",
    already_voided: "that sale is already void",
    not_on_open_day: "that sale is not from the open business day",
    empty_reason: "the reason for the void is empty",
    busy: "another program is using the ledger",
    disk_full: "the disk is full",
    unknown_product: |code| format!("there is no product {code}"),
    product_inactive: |code| format!("product {code} (or its producer) is deactivated"),
    producer_inactive: |code| format!("producer {code} is deactivated"),
    product_of_another_producer: |product, producer| {
        format!("product {product} does not belong to producer {producer}")
    },
    invalid_quantity: |code, problem| format!("{code}: {}", en_quantity_problem(problem)),
    empty_document: "the entry has no lines yet",
    unknown_document: |id| format!("there is no stock entry no. {id}"),
    duplicate_code: |code| format!("the code {code} is already in use"),
    duplicate_barcode: |code| format!("the barcode {code} is already in use"),
    unknown_producer: |code| format!("there is no producer {code}"),
    invalid_producer: |detail| format!("the producer is not valid ({detail})"),
    invalid_product: |detail| format!("the product is not valid ({detail})"),
    producer_price_needed: |code| {
        format!(
            "producer {code} has products: the producer-price scheme needs a producer \
             price for each of them; keep the percentage or re-register through CSV import"
        )
    },
    storage: |detail| format!("storage error ({detail})"),
    payout_above_balance: |producer, owed| {
        format!("above the balance: the corner owes {producer} only {owed}")
    },
};

fn id_quantity_problem(problem: QuantityError) -> String {
    match problem {
        QuantityError::NotPositive => "jumlah harus lebih dari nol".to_string(),
        QuantityError::Negative => "jumlah tidak boleh negatif".to_string(),
        QuantityError::TooLarge => format!("jumlah lebih dari {MAX_QUANTITY}"),
        QuantityError::NotWhole => "produk ini dihitung per satuan utuh".to_string(),
    }
}

fn en_quantity_problem(problem: QuantityError) -> String {
    match problem {
        QuantityError::NotPositive => "the quantity must be more than zero".to_string(),
        QuantityError::Negative => "the quantity cannot be negative".to_string(),
        QuantityError::TooLarge => format!("the quantity is more than {MAX_QUANTITY}"),
        QuantityError::NotWhole => "this product is counted in whole units".to_string(),
    }
}
