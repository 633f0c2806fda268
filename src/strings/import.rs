//! Text for `pojok import` and `pojok export`: each refused row, what was done, the summary.

use super::plural::en_lines;

/// Text for `pojok import` and `pojok export`: each refused row is `line(n, problem)`.
pub struct ImportText {
    pub line: fn(u64, &str) -> String,
    pub not_utf8: &'static str,
    pub no_header: fn(&str) -> String,
    pub bad_header: fn(&str) -> String,
    pub column_count: fn(usize, usize) -> String,
    pub unreadable: fn(&str) -> String,
    pub control_char: fn(&str) -> String,
    pub empty: fn(&str) -> String,
    pub too_long: fn(&str, usize) -> String,
    pub unknown_producer: fn(&str) -> String,
    pub unknown_product: fn(&str) -> String,
    pub duplicate_code: fn(&str, u64) -> String,
    pub duplicate_barcode: fn(&str, u64) -> String,
    pub barcode_in_use: fn(&str, &str) -> String,
    pub bad_price: fn(&str, &str) -> String,
    pub unknown_unit: fn(&str) -> String,
    pub unknown_scheme: fn(&str) -> String,
    pub bad_rate: fn(&str) -> String,
    pub rate_not_applicable: &'static str,
    pub producer_price_not_applicable: fn(&str) -> String,
    pub producer_price_missing: fn(&str) -> String,
    pub producer_price_above_price: &'static str,
    pub bad_quantity: fn(&str, &str) -> String,
    pub bad_date: fn(&str) -> String,
    pub bad_flag: fn(&str, &str) -> String,
    pub producer_inactive: fn(&str) -> String,
    pub product_inactive: fn(&str) -> String,
    pub other_producer: fn(&str, &str) -> String,
    pub unchangeable: fn(&str) -> String,
    pub scheme_switch: fn(&str) -> String,
    pub refused: fn(&str) -> String,
    pub added: fn(&str) -> String,
    pub updated: fn(&str) -> String,
    pub would_add: fn(&str) -> String,
    pub would_update: fn(&str) -> String,
    pub received: fn(i64, &str, usize) -> String,
    pub would_receive: fn(&str, usize) -> String,
    pub summary: fn(usize, usize, usize) -> String,
    pub nothing_imported: fn(usize) -> String,
    pub skipped: fn(usize) -> String,
    pub dry_run: &'static str,
    pub cannot_read: fn(&str, &str) -> String,
    pub cannot_write: fn(&str, &str) -> String,
    pub exported: fn(&str, usize) -> String,
    /// A price with cents: the column and what it held.
    pub price_with_cents: fn(&str, &str) -> String,
}

pub(super) const ID: ImportText = ImportText {
    line: |n, problem| format!("baris {n}: {problem}"),
    not_utf8: "berkas bukan teks UTF-8 (simpan sebagai \"CSV UTF-8\")",
    no_header: |cols| format!("baris judul kolom tidak ada; harus: {cols}"),
    bad_header: |cols| format!("judul kolom salah; harus: {cols}"),
    column_count: |found, expected| format!("ada {found} kolom, seharusnya {expected}"),
    unreadable: |why| format!("tidak terbaca: {why}"),
    control_char: |col| format!("kolom {col} berisi karakter kontrol"),
    empty: |col| format!("kolom {col} kosong"),
    too_long: |col, max| format!("kolom {col} lebih dari {max} karakter"),
    unknown_producer: |code| format!("produsen {code} tidak dikenal"),
    unknown_product: |code| format!("produk {code} tidak dikenal"),
    duplicate_code: |code, first| format!("kode {code} sudah ada di baris {first}"),
    duplicate_barcode: |code, first| format!("barcode {code} sudah ada di baris {first}"),
    barcode_in_use: |code, product| format!("barcode {code} sudah dipakai produk {product}"),
    bad_price: |col, text| format!("{col} \"{text}\" bukan jumlah rupiah lebih dari nol"),
    unknown_unit: |text| format!("satuan \"{text}\" tidak dikenal"),
    unknown_scheme: |text| {
        format!("skema \"{text}\" tidak dikenal (percentage atau producer_price)")
    },
    bad_rate: |text| format!("persentase \"{text}\" tidak valid"),
    rate_not_applicable: "persentase tidak berlaku untuk skema producer_price",
    producer_price_not_applicable: |code| {
        format!("produsen {code} dibayar persentase: harga setor tidak berlaku")
    },
    producer_price_missing: |code| {
        format!("produsen {code} dibayar harga setor: isi producer_price")
    },
    producer_price_above_price: "harga setor lebih tinggi dari harga jual",
    bad_quantity: |col, text| format!("{col} \"{text}\" bukan jumlah yang valid"),
    bad_date: |text| format!("tanggal \"{text}\" tidak valid (YYYY-MM-DD atau DD/MM/YYYY)"),
    bad_flag: |col, text| format!("{col} \"{text}\": isi ya atau tidak"),
    producer_inactive: |code| format!("produsen {code} nonaktif"),
    product_inactive: |code| format!("produk {code} nonaktif"),
    other_producer: |product, producer| format!("produk {product} bukan milik produsen {producer}"),
    unchangeable: |code| format!("satuan dan produsen produk {code} tidak bisa diubah"),
    scheme_switch: |code| {
        format!("produsen {code} sudah punya produk: ganti ke harga setor lewat layar produsen")
    },
    refused: |why| format!("ditolak buku kas: {why}"),
    added: |code| format!("tambah {code}"),
    updated: |code| format!("ubah {code}"),
    would_add: |code| format!("akan ditambah: {code}"),
    would_update: |code| format!("akan diubah: {code}"),
    received: |number, producer, lines| {
        format!("titipan no. {number} dari {producer}: {lines} baris")
    },
    would_receive: |producer, lines| format!("akan dicatat titipan dari {producer}: {lines} baris"),
    summary: |added, updated, same| {
        format!("{added} ditambah, {updated} diubah, {same} tidak berubah")
    },
    nothing_imported: |bad| {
        format!(
            "{bad} baris ditolak: tidak ada yang diimpor (--skip-bad untuk mengimpor baris yang benar)"
        )
    },
    skipped: |bad| format!("{bad} baris ditolak dan dilewati"),
    dry_run: "Uji coba (--dry-run): tidak ada yang diubah.",
    cannot_read: |path, why| format!("Berkas {path} tidak bisa dibaca: {why}"),
    cannot_write: |path, why| format!("Berkas {path} tidak bisa ditulis: {why}"),
    exported: |path, rows| format!("{path}: {rows} baris"),
    price_with_cents: |column, text| {
        format!("{column} \"{text}\" bersen: harga dalam Rupiah tanpa sen, mis. 15000")
    },
};

pub(super) const EN: ImportText = ImportText {
    line: |n, problem| format!("line {n}: {problem}"),
    not_utf8: "the file is not UTF-8 text (save it as \"CSV UTF-8\")",
    no_header: |cols| format!("the header row is missing; it must be: {cols}"),
    bad_header: |cols| format!("wrong header row; it must be: {cols}"),
    column_count: |found, expected| format!("{found} columns, expected {expected}"),
    unreadable: |why| format!("unreadable: {why}"),
    control_char: |col| format!("column {col} holds a control character"),
    empty: |col| format!("column {col} is empty"),
    too_long: |col, max| format!("column {col} is longer than {max} characters"),
    unknown_producer: |code| format!("unknown producer {code}"),
    unknown_product: |code| format!("unknown product {code}"),
    duplicate_code: |code, first| format!("code {code} is already on line {first}"),
    duplicate_barcode: |code, first| format!("barcode {code} is already on line {first}"),
    barcode_in_use: |code, product| format!("barcode {code} is already used by product {product}"),
    bad_price: |col, text| format!("{col} \"{text}\" is not an amount above zero"),
    unknown_unit: |text| format!("unknown unit \"{text}\""),
    unknown_scheme: |text| format!("unknown scheme \"{text}\" (percentage or producer_price)"),
    bad_rate: |text| format!("\"{text}\" is not a valid percentage"),
    rate_not_applicable: "a rate does not apply to the producer_price scheme",
    producer_price_not_applicable: |code| {
        format!("producer {code} is paid by percentage: a producer price does not apply")
    },
    producer_price_missing: |code| {
        format!("producer {code} is paid by producer price: give producer_price")
    },
    producer_price_above_price: "the producer price is above the selling price",
    bad_quantity: |col, text| format!("{col} \"{text}\" is not a valid quantity"),
    bad_date: |text| format!("\"{text}\" is not a date (YYYY-MM-DD or DD/MM/YYYY)"),
    bad_flag: |col, text| format!("{col} \"{text}\": use yes or no"),
    producer_inactive: |code| format!("producer {code} is deactivated"),
    product_inactive: |code| format!("product {code} is deactivated"),
    other_producer: |product, producer| {
        format!("product {product} does not belong to producer {producer}")
    },
    unchangeable: |code| format!("the unit and producer of product {code} cannot change"),
    scheme_switch: |code| {
        format!("producer {code} has products: switch to producer price on the producers screen")
    },
    refused: |why| format!("refused by the ledger: {why}"),
    added: |code| format!("added {code}"),
    updated: |code| format!("updated {code}"),
    would_add: |code| format!("would add {code}"),
    would_update: |code| format!("would update {code}"),
    received: |number, producer, lines| {
        format!("intake no. {number} from {producer}: {}", en_lines(lines))
    },
    would_receive: |producer, lines| {
        format!(
            "would record an intake from {producer}: {}",
            en_lines(lines)
        )
    },
    summary: |added, updated, same| format!("{added} added, {updated} updated, {same} unchanged"),
    nothing_imported: |bad| {
        format!(
            "{}: nothing imported (--skip-bad imports the good rows)",
            en_rows_refused(bad)
        )
    },
    skipped: |bad| format!("{} and skipped", en_rows_refused(bad)),
    dry_run: "Dry run (--dry-run): nothing was changed.",
    cannot_read: |path, why| format!("Cannot read {path}: {why}"),
    cannot_write: |path, why| format!("Cannot write {path}: {why}"),
    exported: |path, rows| format!("{path}: {rows} rows"),
    price_with_cents: |column, text| {
        format!("{column} \"{text}\" has cents: prices are whole Rupiah, e.g. 15000")
    },
};

/// `1 row refused`, `2 rows refused`.
fn en_rows_refused(n: usize) -> String {
    if n == 1 {
        "1 row refused".to_string()
    } else {
        format!("{n} rows refused")
    }
}
