//! Text for the kiosk's screens: the sale, payment, sales, day, stock, products and
//! producers screens and their messages.

use super::failure::FailureText;
use super::keys::KeyText;
use super::plural::en_lines;
use super::product_field::ProductFieldText;
use super::trust::TrustText;
use super::{failure, keys, product_field, trust};
use crate::domain::money::group_thousands;
use crate::domain::quantity::MAX_QUANTITY;
use crate::domain::{DocumentKind, ParseError, PayError, Rupiah, Scheme, Unit};

/// Text for the kiosk's screens.
pub struct UiText {
    pub app_name: &'static str,
    pub too_small: fn(u16, u16) -> String,

    // Status line.
    pub no_open_day: &'static str,
    pub status_attendant: fn(&str) -> String,
    /// The header with the manager signed in: their name.
    pub status_manager: fn(&str) -> String,
    pub status_sales: fn(i64) -> String,

    // Sale screen.
    pub entry_label: &'static str,
    pub entry_hint: &'static str,
    pub cart_title: &'static str,
    pub cart_empty: &'static str,
    pub col_no: &'static str,
    pub col_code: &'static str,
    pub col_item: &'static str,
    pub col_producer: &'static str,
    pub col_qty: &'static str,
    pub col_price: &'static str,
    pub col_amount: &'static str,
    pub cart_lines: fn(usize) -> String,
    pub total: &'static str,

    // Search list.
    pub search_title: fn(&str) -> String,
    pub search_none: &'static str,

    // Pay dialog.
    pub pay_title: &'static str,
    pub method_label: &'static str,
    pub paid_so_far: &'static str,
    pub remaining: &'static str,
    pub amount_label: &'static str,
    /// What an empty amount means for cash, and for QRIS or transfer.
    pub amount_hint: &'static str,
    pub amount_hint_exact: &'static str,
    pub change: &'static str,
    /// After a part payment: no method is chosen for the rest until Tab says which.
    pub rest_hint_unchosen: &'static str,
    /// After a part payment: an empty amount pays the rest exactly, by this method.
    pub rest_hint: fn(&str) -> String,
    /// A scan (or other refused typing) in the pay dialog: nothing paid, the amount cleared.
    pub scan_in_pay: &'static str,
    /// Enter or F3 after a part, before the rest's method is chosen: what remains.
    pub pick_rest_method: fn(Rupiah) -> String,
    /// A key typed on a choice of a form: what changes it.
    pub choice_field: &'static str,

    // After a sale.
    pub sale_done: fn(i64) -> String,
    pub receipt_written: fn(&str) -> String,
    pub receipt_failed: fn(&str) -> String,

    // Today's sales.
    pub sales_title: &'static str,
    pub sales_loading: &'static str,
    pub sales_none: &'static str,
    pub col_time: &'static str,
    pub col_lines: &'static str,
    pub col_paid_by: &'static str,
    pub voided_mark: &'static str,
    pub reason_title: fn(i64) -> String,

    // Confirmation.
    pub confirm_title: &'static str,
    pub confirm_void: fn(i64, Rupiah, &str) -> String,
    pub confirm_empty_cart: fn(usize, Rupiah) -> String,
    pub confirm_close_day: fn(&str) -> String,
    pub confirm_return_parts: fn(Rupiah) -> String,

    // Opening and an old open day.
    pub open_day_title: fn(&str) -> String,
    /// The open-day form's title once that date's day is closed.
    pub closed_day_title: fn(&str) -> String,
    pub attendant_label: &'static str,
    pub float_label: &'static str,
    pub stale_title: &'static str,
    pub stale_body: fn(&str, &str) -> String,

    pub help_title: &'static str,
    /// What can be typed on the entry line, above the keys in the sale screen's help.
    pub help_entry: [&'static str; 2],

    // Messages on the message line.
    pub unknown_code: fn(&str) -> String,
    pub missing_code: &'static str,
    pub no_longer_sold: fn(&str) -> String,
    pub no_match: fn(&str) -> String,
    pub bad_quantity: fn(&ParseError, Unit) -> String,
    pub bad_amount: fn(&ParseError) -> String,
    pub pay_error: fn(PayError) -> String,
    pub added: fn(&str, &str) -> String,
    pub removed: fn(&str) -> String,
    /// `+`/`-`: the line's name and its quantity now.
    pub quantity_now: fn(&str, &str) -> String,
    pub at_minimum: &'static str,
    pub cart_empty_pay: &'static str,
    pub cart_already_empty: &'static str,
    pub cart_emptied: &'static str,
    pub entry_pending: fn(&str) -> String,
    pub close_day_cart_full: &'static str,
    pub part_needs_amount: &'static str,
    pub part_paid: fn(Rupiah, &str, Rupiah) -> String,
    pub pay_closed: &'static str,
    pub cash_so_far: fn(Rupiah, Rupiah) -> String,
    pub parts_returned: fn(Rupiah) -> String,
    pub reason_empty: &'static str,
    pub digits_only: fn(char) -> String,
    pub already_voided: fn(i64) -> String,
    pub voided: fn(i64) -> String,
    pub reprinted: fn(&str) -> String,
    pub reprint_failed: fn(&str) -> String,
    pub attendant_empty: &'static str,
    pub draft_unreadable: &'static str,
    pub float_empty: &'static str,
    pub day_opened: fn(&str) -> String,
    pub day_closed: &'static str,
    /// Opening a day on a date whose day was closed already.
    pub closed_today: fn(&str) -> String,
    /// Under the open-day form once today's day is closed: what can still be done.
    pub closed_today_hint: &'static str,
    /// The open-day form on a closed day: that nothing opens before tomorrow.
    pub closed_today_body: &'static str,
    /// The header after today's close: the date.
    pub day_closed_status: fn(&str) -> String,
    /// Why something failed, put into the sentences below.
    pub failure: FailureText,
    pub failed_draft: fn(&str) -> String,
    pub failed_open_day: fn(&str) -> String,
    pub failed_close_day: fn(&str) -> String,
    pub failed_record: fn(&str) -> String,
    pub failed_load_sales: fn(&str) -> String,
    pub failed_void: fn(&str) -> String,
    // Stock: the stock screen, the call list, the intake form.
    pub stock_title: &'static str,
    pub stock_loading: &'static str,
    pub stock_none: &'static str,
    pub stock_filter: &'static str,
    pub col_on_hand: &'static str,
    pub col_received: &'static str,
    pub col_sold: &'static str,
    pub col_returned: &'static str,
    pub col_written_off: &'static str,
    pub col_counted: &'static str,
    pub col_flags: &'static str,
    pub col_phone: &'static str,
    pub col_best_before: &'static str,
    pub flag_oversold: &'static str,
    pub flag_below_minimum: &'static str,
    pub flag_best_before_soon: &'static str,
    pub flag_expired: &'static str,
    /// The selected product's producer and the nearest best-before date on the shelf.
    pub stock_detail: fn(&str, &str, &str) -> String,
    pub call_title: &'static str,
    pub call_none: &'static str,
    /// An intake, return, write-off or count, as a heading says it.
    pub kind_name: fn(DocumentKind) -> &'static str,
    /// The form's title: what kind of entry, from whom.
    pub form_title: fn(&str, &str) -> String,
    pub reason_label: &'static str,
    pub corner_at_fault: fn(bool) -> String,
    pub one_line_only: &'static str,
    /// The code line of a return, write-off or count (no dates there).
    pub form_entry_prompt: &'static str,
    pub intake_pick_prompt: &'static str,
    pub intake_entry_prompt: &'static str,
    pub intake_empty: &'static str,
    pub unknown_producer: fn(&str) -> String,
    pub bad_date: fn(&str) -> String,
    pub no_line_for_date: &'static str,
    pub best_before_past: fn(&str) -> String,
    pub other_producers_goods: fn(&str, &str) -> String,
    pub best_before_set: fn(&str, &str) -> String,
    pub intake_no_lines: &'static str,
    pub stock_recorded: fn(&str, i64, &str) -> String,
    pub daily_returned: fn(usize) -> String,
    pub nothing_daily: &'static str,
    pub slip_failed: fn(&str) -> String,
    pub confirm_stock: fn(&str, &str, usize) -> String,
    pub confirm_return_daily: &'static str,
    /// The note put on each slip of the afternoon's return of daily goods.
    pub daily_return_note: &'static str,
    pub failed_load_stock: fn(&str) -> String,
    pub failed_stock: fn(&str) -> String,
    pub products_title: &'static str,
    pub inactive_mark: &'static str,
    pub new_price_title: fn(&str, Rupiah) -> String,
    pub confirm_price: fn(&str, Rupiah, Rupiah) -> String,
    pub confirm_active: fn(&str, bool) -> String,
    pub catalogue_saved: &'static str,
    pub failed_load_products: fn(&str) -> String,
    pub failed_save_product: fn(&str) -> String,
    // The product form and the stock forms' discard question.
    pub new_product_title: &'static str,
    pub edit_product_title: fn(&str) -> String,
    pub product_field: ProductFieldText,
    pub yes_no: fn(bool) -> &'static str,
    pub unit_hint: &'static str,
    pub daily_hint: &'static str,
    pub optional_hint: &'static str,
    pub no_producer_price: &'static str,
    pub field_empty: &'static str,
    pub field_unknown_producer: &'static str,
    pub field_not_positive: &'static str,
    pub confirm_producer_price: fn(&str, Option<Rupiah>, Option<Rupiah>) -> String,
    pub confirm_discard: fn(usize) -> String,
    // The producers screen and its form.
    pub producers_title: &'static str,
    pub col_name: &'static str,
    pub col_scheme: &'static str,
    /// `12,5 %` or `harga setor`, as the list shows a producer's scheme.
    pub scheme_text: fn(Scheme) -> String,
    /// A new producer's form, or the form of the producer with this code.
    pub producer_form_title: fn(Option<&str>) -> String,
    /// Code, name, phone, address, account, scheme, commission rate.
    pub producer_labels: [&'static str; 7],
    /// The scheme choice: a percentage (`true`) or producer price.
    pub scheme_choice: fn(bool) -> &'static str,
    pub producer_form_hint: &'static str,
    pub producer_code_empty: &'static str,
    pub producer_name_empty: &'static str,
    pub bad_rate: fn(&str) -> String,
    /// The producer's name, the scheme now and the scheme asked for.
    pub confirm_scheme: fn(&str, &str, &str) -> String,
    pub confirm_producer_active: fn(&str, bool) -> String,
    pub failed_load_producers: fn(&str) -> String,
    pub failed_save_producer: fn(&str) -> String,
    /// The producers list when the filter (or the ledger) has none.
    pub producers_none: &'static str,

    pub keys: KeyText,
    // The settings screen (Ctrl+O), when the runtime could not do its part.
    pub failed_load_settings: fn(&str) -> String,
    pub failed_save_settings: fn(&str) -> String,
    // Sign-in, lock, the manager's approval, users, the audit trail.
    pub trust: TrustText,
}

pub(super) const ID: UiText = UiText {
    app_name: "Pojok UMKM",
    too_small: |w, h| {
        format!("Layar terminal terlalu kecil: perlu 80×24, sekarang {w}×{h}. Perbesar jendelanya.")
    },
    no_open_day: "Belum ada hari usaha yang dibuka",
    status_attendant: |name| format!("Kasir: {name}"),
    status_manager: |name| format!("Pengelola: {name}"),
    status_sales: |n| format!("{n} penjualan"),
    entry_label: "Kode / cari",
    entry_hint: "ketik atau pindai kode · 3*KODE untuk tiga · nama barang untuk mencari",
    cart_title: "Keranjang",
    cart_empty: "Keranjang kosong",
    col_no: "#",
    col_code: "Kode",
    col_item: "Barang",
    col_producer: "Produsen",
    col_qty: "Jumlah",
    col_price: "Harga",
    col_amount: "Subtotal",
    cart_lines: |n| format!("{n} baris"),
    total: "TOTAL",
    search_title: |q| format!("Cari: \"{q}\""),
    search_none: "Tidak ada barang yang cocok",
    pay_title: "Pembayaran",
    method_label: "Cara bayar",
    paid_so_far: "Sudah dibayar",
    remaining: "Sisa",
    amount_label: "Jumlah diterima",
    amount_hint: "kosong = uang pas",
    amount_hint_exact: "kosong = pas sejumlah sisa",
    change: "Kembalian",
    rest_hint_unchosen: "Tab = pilih cara bayar sisanya",
    rest_hint: |m| format!("kosong = sisa pas, dengan {m}"),
    scan_in_pay: "Tutup pembayaran dulu untuk menambah barang",
    pick_rest_method: |rest| format!("Pilih dulu cara bayar sisa {rest} dengan Tab"),
    choice_field: "Ini pilihan: Spasi untuk mengganti, Tab ke kolom berikutnya",
    sale_done: |n| format!("Penjualan No. {n} tersimpan"),
    receipt_written: |path| format!("Struk: {path}"),
    receipt_failed: |e| format!("Struk gagal dibuat ({e}); penjualan tetap tersimpan"),
    sales_title: "Penjualan hari ini",
    sales_loading: "Memuat…",
    sales_none: "Belum ada penjualan hari ini",
    col_time: "Jam",
    col_lines: "Baris",
    col_paid_by: "Bayar",
    voided_mark: "BATAL",
    reason_title: |n| format!("Alasan membatalkan penjualan #{n}"),
    confirm_title: "Konfirmasi",
    confirm_void: |n, total, reason| {
        format!("Batalkan penjualan #{n} sebesar {total}?\nAlasan: {reason}")
    },
    confirm_empty_cart: |lines, total| format!("Kosongkan keranjang ({lines} baris, {total})?"),
    confirm_close_day: |date| format!("Tutup hari usaha {date}?"),
    confirm_return_parts: |paid| {
        format!("Pembayaran sebagian {paid} sudah diterima.\nKembalikan uangnya dan batalkan?")
    },
    open_day_title: |date| format!("Buka hari usaha {date}"),
    closed_day_title: |date| format!("Hari usaha {date} sudah ditutup; buka lagi besok"),
    attendant_label: "Nama kasir",
    float_label: "Modal awal",
    stale_title: "Hari usaha lama belum ditutup",
    stale_body: |day, today| {
        format!(
            "Hari usaha {day} masih terbuka, padahal hari ini {today}. \
             Tutup hari itu sebelum membuka hari baru, atau lanjutkan berjualan pada hari itu."
        )
    },
    help_title: "Bantuan: tombol",
    help_entry: [
        "KODE atau barcode: tambah 1   ·   3*KODE: tambah 3",
        "1,25*KODE: 1,25 kg (barang timbang)   ·   nama barang: cari",
    ],
    unknown_code: |code| format!("Kode \"{code}\" tidak dikenal"),
    missing_code: "Tulis kode barang sesudah tanda *, misalnya 3*KODE",
    no_longer_sold: |name| format!("{name} tidak dijual lagi: hapus barisnya (Del) dulu"),
    no_match: |query| format!("Tidak ada barang yang cocok dengan \"{query}\""),
    bad_quantity: |e, unit| match e {
        ParseError::TooManyDecimals if unit.is_weighed() => format!(
            "Jumlah untuk {unit} paling banyak {} angka desimal",
            unit.max_decimals()
        ),
        ParseError::TooManyDecimals => format!("Jumlah untuk {unit} harus bilangan bulat"),
        ParseError::Zero => "Jumlah tidak boleh nol".to_string(),
        ParseError::Negative => "Jumlah tidak boleh negatif".to_string(),
        ParseError::Empty => "Ketik jumlah sebelum *, misalnya 3*KODE".to_string(),
        ParseError::TooLarge => format!(
            "Jumlah paling banyak {}",
            group_thousands(MAX_QUANTITY as u64)
        ),
        ParseError::NotANumber => {
            "Jumlah tidak terbaca: ketik misalnya 3*KODE atau 1,25*KODE".to_string()
        }
    },
    bad_amount: |e| match e {
        ParseError::Empty => "Ketik jumlah uang".to_string(),
        ParseError::Negative => "Jumlah uang tidak boleh negatif".to_string(),
        ParseError::TooLarge => "Jumlah uang terlalu besar".to_string(),
        _ => "Jumlah uang tidak terbaca: ketik misalnya 50000 atau Rp 50.000".to_string(),
    },
    pay_error: |e| match e {
        PayError::NothingDue => "Tidak ada lagi yang harus dibayar".to_string(),
        PayError::NotEnoughCash { short } => format!("Uangnya kurang {short}"),
        PayError::TooMuchCash { due } => {
            format!("Jumlah itu jauh melebihi tagihan {due}: salah ketik? Hapus dan ketik ulang")
        }
        PayError::NonCashMustBeExact { due } => {
            format!("QRIS dan transfer harus pas {due}: kosongkan jumlah lalu Enter")
        }
        PayError::BadPart { due } => {
            format!("Bayar sebagian harus lebih dari Rp 0 dan kurang dari {due}")
        }
    },
    added: |qty, name| format!("Ditambahkan: {qty} {name}"),
    removed: |name| format!("Dihapus: {name}"),
    quantity_now: |name, qty| format!("{name}: sekarang {qty}"),
    at_minimum: "Jumlah sudah paling kecil; tekan Delete untuk menghapus baris",
    cart_empty_pay: "Keranjang masih kosong: pindai atau ketik kode barang dulu",
    cart_already_empty: "Keranjang sudah kosong",
    cart_emptied: "Keranjang dikosongkan",
    entry_pending: |text| {
        format!("\"{text}\" belum masuk keranjang: Enter untuk menambah, Esc untuk menghapus")
    },
    close_day_cart_full: "Keranjang masih berisi: bayar (F2) atau kosongkan (F4) dulu, \
                          lalu tutup hari",
    part_needs_amount: "Ketik jumlah yang dibayar sebagian, lalu F3",
    part_paid: |amount, method, rest| format!("Diterima {amount} ({method}); sisa {rest}"),
    pay_closed: "Pembayaran ditutup; keranjang tetap",
    cash_so_far: |cash, short| format!("Uang diterima {cash}; masih kurang {short}"),
    parts_returned: |paid| format!("Pembayaran sebagian {paid} dikembalikan; keranjang tetap"),
    reason_empty: "Isi alasannya dulu",
    digits_only: |c| format!("Hanya angka: \"{c}\" tidak diketik"),
    already_voided: |n| format!("Penjualan #{n} sudah dibatalkan"),
    voided: |n| format!("Penjualan #{n} dibatalkan"),
    reprinted: |path| format!("Struk dicetak ulang: {path}"),
    reprint_failed: |e| format!("Struk gagal dicetak ulang: {e}"),
    attendant_empty: "Isi nama kasir dulu",
    draft_unreadable: "Keranjang yang tersimpan sebelumnya tidak terbaca; \
                       mulai dengan keranjang kosong",
    float_empty: "Isi modal awal (boleh 0)",
    day_opened: |date| format!("Hari usaha {date} dibuka. Selamat berjualan!"),
    day_closed: "Hari usaha ditutup.",
    closed_today: |date| format!("Hari usaha {date} sudah ditutup; hari berikutnya dibuka besok."),
    closed_today_hint: "F4 buka lagi · F6 penjualan · Ctrl+P bagi hasil · Ctrl+R riwayat",
    closed_today_body: "Penjualan berhenti sampai besok. Yang masih bisa: buka lagi (F4, pengelola), lihat penjualan, bagi hasil, riwayat.",
    day_closed_status: |date| format!("Hari usaha {date} sudah ditutup"),
    failure: failure::ID,
    failed_draft: |e| format!("Keranjang tidak bisa disimpan sebagai draf: {e}"),
    failed_open_day: |e| format!("Hari usaha tidak bisa dibuka: {e}"),
    failed_close_day: |e| format!("Hari usaha tidak bisa ditutup: {e}"),
    failed_record: |e| format!("Penjualan TIDAK tersimpan: {e}. Coba bayar lagi."),
    failed_load_sales: |e| format!("Daftar penjualan tidak bisa dimuat: {e}"),
    failed_void: |e| format!("Penjualan tidak dibatalkan: {e}"),
    // Stock: the stock screen, the call list, the intake form.
    stock_title: "Stok barang titipan",
    stock_loading: "Memuat stok…",
    stock_none: "Tidak ada produk yang cocok",
    stock_filter: "Saring",
    col_on_hand: "Stok",
    col_received: "Masuk",
    col_sold: "Laku",
    col_returned: "Retur",
    col_written_off: "Hapus",
    col_counted: "Opnm",
    col_flags: "Tanda",
    col_phone: "Telepon",
    col_best_before: "Kedaluwarsa",
    flag_oversold: "MINUS",
    flag_below_minimum: "<min",
    flag_best_before_soon: "≤3hr",
    flag_expired: "BASI",
    stock_detail: |code, name, best_before| {
        format!("Produsen: {code} {name} · kedaluwarsa terdekat: {best_before}")
    },
    call_title: "Produsen yang perlu ditelepon",
    call_none: "Tidak ada produsen yang perlu ditelepon",
    kind_name: |kind| match kind {
        DocumentKind::Intake => "Barang masuk",
        DocumentKind::Return => "Retur",
        DocumentKind::WriteOff => "Barang rusak/hilang",
        DocumentKind::Count => "Stok opname",
    },
    form_title: |kind, producer| format!("{kind}: {producer}"),
    reason_label: "Alasan",
    corner_at_fault: |yes| {
        if yes {
            "Ditanggung pojok: YA".to_string()
        } else {
            "Ditanggung produsen".to_string()
        }
    },
    one_line_only: "Satu barang per catatan: baris diganti",
    form_entry_prompt: "Kode / jumlah*kode",
    intake_pick_prompt: "Kode atau nama produsen",
    intake_entry_prompt: "Kode / jumlah*kode / tgl DD/MM/YYYY",
    intake_empty: "Pindai atau ketik kode barang yang dititipkan",
    unknown_producer: |text| format!("Produsen \"{text}\" tidak dikenal"),
    bad_date: |text| format!("Tanggal \"{text}\" tidak valid: tulis DD/MM/YYYY"),
    no_line_for_date: "Tanggal kedaluwarsa untuk baris mana? Tambahkan barangnya dulu",
    best_before_past: |date| {
        format!("Kedaluwarsa {date} sudah lewat: barang seperti itu tidak diterima")
    },
    other_producers_goods: |code, producer| {
        format!("{code} adalah barang {producer}, bukan produsen ini")
    },
    best_before_set: |name, date| format!("{name}: kedaluwarsa {date}"),
    intake_no_lines: "Belum ada barang untuk dicatat",
    stock_recorded: |kind, number, slip| format!("{kind} no. {number} dicatat; slip: {slip}"),
    daily_returned: |n| format!("Barang harian dikembalikan: {n} retur dicatat"),
    nothing_daily: "Tidak ada barang harian yang tersisa",
    slip_failed: |e| format!("Tercatat, tetapi slip tidak tercetak: {e}"),
    confirm_stock: |kind, producer, lines| {
        format!("{kind} dari {producer} ({lines} baris): catat sekarang?")
    },
    confirm_return_daily: "Kembalikan SEMUA sisa barang harian ke produsennya?",
    daily_return_note: "Retur barang harian",
    failed_load_stock: |e| format!("Stok tidak bisa dimuat: {e}"),
    failed_stock: |e| format!("TIDAK tercatat: {e}"),
    products_title: "Produk",
    inactive_mark: "nonaktif",
    new_price_title: |name, old| format!("Harga jual baru {name} (sekarang {old})"),
    confirm_price: |name, old, new| format!("Ubah harga {name} dari {old} menjadi {new}?"),
    confirm_active: |name, active| {
        if active {
            format!("Jual lagi {name} di kasir?")
        } else {
            format!("Nonaktifkan {name}? Riwayatnya tetap tersimpan.")
        }
    },
    catalogue_saved: "Katalog disimpan; kasir langsung memakainya",
    failed_load_products: |e| format!("Produk tidak bisa dimuat: {e}"),
    failed_save_product: |e| format!("Produk TIDAK diubah: {e}"),
    new_product_title: "Produk baru",
    edit_product_title: |code| format!("Ubah produk {code}"),
    product_field: product_field::ID,
    yes_no: |yes| if yes { "ya" } else { "tidak" },
    unit_hint: "pilih pcs/bks/btl/ktk/kg/l",
    daily_hint: "y/n: dikembalikan tiap sore",
    optional_hint: "boleh kosong",
    no_producer_price: "tidak dipakai (persentase)",
    field_empty: "wajib diisi",
    field_unknown_producer: "produsen tidak dikenal",
    field_not_positive: "harus lebih dari nol",
    confirm_producer_price: |name, old, new| {
        let show = |p: Option<Rupiah>| p.map_or_else(|| "-".to_string(), |p| p.to_string());
        format!(
            "Ubah harga setor {name} dari {} menjadi {}?",
            show(old),
            show(new)
        )
    },
    confirm_discard: |n| format!("Buang {n} baris yang sudah diketik?"),
    producers_title: "Produsen",
    col_name: "Nama",
    col_scheme: "Bagi hasil",
    scheme_text: |scheme| match scheme {
        Scheme::Percentage { rate } => rate.to_string(),
        Scheme::ProducerPrice => "harga setor".to_string(),
    },
    producer_form_title: |code| match code {
        None => "Produsen baru".to_string(),
        Some(code) => format!("Ubah produsen {code}"),
    },
    producer_labels: [
        "Kode", "Nama", "Telepon", "Alamat", "Rekening", "Skema", "Potongan",
    ],
    scheme_choice: |percentage| {
        if percentage {
            "persentase (pojok memotong)"
        } else {
            "harga setor per produk"
        }
    },
    producer_form_hint: "Potongan pojok dalam persen, mis. 12,5",
    producer_code_empty: "Isi kode produsen dulu",
    producer_name_empty: "Isi nama produsen dulu",
    bad_rate: |text| format!("\"{text}\" bukan persentase 0–100 (mis. 12,5)"),
    confirm_scheme: |name, old, new| {
        format!(
            "Ubah bagi hasil {name} dari {old} menjadi {new}? \
             Penjualan yang sudah tercatat tidak berubah."
        )
    },
    confirm_producer_active: |name, active| {
        if active {
            format!("Aktifkan lagi {name} dan produknya di kasir?")
        } else {
            format!("Nonaktifkan {name} dan semua produknya? Riwayatnya tetap tersimpan.")
        }
    },
    failed_load_producers: |e| format!("Produsen tidak bisa dimuat: {e}"),
    failed_save_producer: |e| format!("Produsen TIDAK disimpan: {e}"),
    producers_none: "Tidak ada produsen yang cocok",
    keys: keys::ID,
    failed_load_settings: |e| format!("Pengaturan tidak bisa dibaca: {e}"),
    failed_save_settings: |e| format!("Pengaturan tidak tersimpan: {e}"),
    trust: trust::ID,
};

pub(super) const EN: UiText = UiText {
    app_name: "Pojok UMKM",
    too_small: |w, h| {
        format!("Terminal too small: need 80×24, now {w}×{h}. Make the window larger.")
    },
    no_open_day: "No business day open",
    status_attendant: |name| format!("Attendant: {name}"),
    status_manager: |name| format!("Manager: {name}"),
    status_sales: |n| {
        if n == 1 {
            "1 sale".to_string()
        } else {
            format!("{n} sales")
        }
    },
    entry_label: "Code / search",
    entry_hint: "type or scan a code · 3*CODE for three · an item name to search",
    cart_title: "Cart",
    cart_empty: "The cart is empty",
    col_no: "#",
    col_code: "Code",
    col_item: "Item",
    col_producer: "Producer",
    col_qty: "Qty",
    col_price: "Price",
    col_amount: "Amount",
    cart_lines: en_lines,
    total: "TOTAL",
    search_title: |q| format!("Search: \"{q}\""),
    search_none: "No matching item",
    pay_title: "Payment",
    method_label: "Method",
    paid_so_far: "Paid so far",
    remaining: "Remaining",
    amount_label: "Amount received",
    amount_hint: "empty = exact amount",
    amount_hint_exact: "empty = exactly what remains",
    change: "Change",
    rest_hint_unchosen: "Tab = choose how the rest is paid",
    rest_hint: |m| format!("empty = the rest exactly, by {m}"),
    scan_in_pay: "Close the payment first to add goods",
    pick_rest_method: |rest| format!("Choose how the rest ({rest}) is paid with Tab first"),
    choice_field: "This is a choice: Space changes it, Tab goes to the next field",
    sale_done: |n| format!("Sale No. {n} recorded"),
    receipt_written: |path| format!("Receipt: {path}"),
    receipt_failed: |e| format!("Receipt not written ({e}); the sale is recorded"),
    sales_title: "Today's sales",
    sales_loading: "Loading…",
    sales_none: "No sales yet today",
    col_time: "Time",
    col_lines: "Lines",
    col_paid_by: "Paid by",
    voided_mark: "VOID",
    reason_title: |n| format!("Reason for voiding sale #{n}"),
    confirm_title: "Confirm",
    confirm_void: |n, total, reason| format!("Void sale #{n} of {total}?\nReason: {reason}"),
    confirm_empty_cart: |lines, total| format!("Empty the cart ({}, {total})?", en_lines(lines)),
    confirm_close_day: |date| format!("Close the business day of {date}?"),
    confirm_return_parts: |paid| {
        format!("A part payment of {paid} has been received.\nHand the money back and cancel?")
    },
    open_day_title: |date| format!("Open the business day {date}"),
    closed_day_title: |date| format!("The day of {date} is closed; open again tomorrow"),
    attendant_label: "Attendant",
    float_label: "Opening float",
    stale_title: "An old business day is still open",
    stale_body: |day, today| {
        format!(
            "The business day {day} is still open, and today is {today}. \
             Close that day before opening a new one, or carry on selling on that day."
        )
    },
    help_title: "Help: keys",
    help_entry: [
        "CODE or barcode: add one   ·   3*CODE: add three",
        "1,25*CODE: 1.25 kg (weighed goods)   ·   an item's name: search",
    ],
    unknown_code: |code| format!("Unknown code \"{code}\""),
    missing_code: "Write the item's code after the *, e.g. 3*CODE",
    no_longer_sold: |name| format!("{name} is no longer sold: remove its line (Del) first"),
    no_match: |query| format!("No item matches \"{query}\""),
    bad_quantity: |e, unit| match e {
        ParseError::TooManyDecimals if unit.is_weighed() => format!(
            "A quantity in {unit} has at most {} decimals",
            unit.max_decimals()
        ),
        ParseError::TooManyDecimals => format!("A quantity in {unit} must be a whole number"),
        ParseError::Zero => "The quantity cannot be zero".to_string(),
        ParseError::Negative => "The quantity cannot be negative".to_string(),
        ParseError::Empty => "Type the quantity before *, e.g. 3*CODE".to_string(),
        ParseError::TooLarge => format!(
            "The quantity is at most {}",
            group_thousands(MAX_QUANTITY as u64)
        ),
        ParseError::NotANumber => {
            "Quantity not understood: type e.g. 3*CODE or 1,25*CODE".to_string()
        }
    },
    bad_amount: |e| match e {
        ParseError::Empty => "Type an amount".to_string(),
        ParseError::Negative => "The amount cannot be negative".to_string(),
        ParseError::TooLarge => "The amount is too large".to_string(),
        _ => "Amount not understood: type e.g. 50000 or Rp 50.000".to_string(),
    },
    pay_error: |e| match e {
        PayError::NothingDue => "Nothing is left to pay".to_string(),
        PayError::NotEnoughCash { short } => format!("Not enough cash: {short} short"),
        PayError::TooMuchCash { due } => {
            format!("That is far more than the {due} due: a typo? Erase it and type again")
        }
        PayError::NonCashMustBeExact { due } => {
            format!("QRIS and transfer must be exactly {due}: empty the amount and press Enter")
        }
        PayError::BadPart { due } => {
            format!("A part payment must be more than Rp 0 and less than {due}")
        }
    },
    added: |qty, name| format!("Added: {qty} {name}"),
    removed: |name| format!("Removed: {name}"),
    quantity_now: |name, qty| format!("{name}: now {qty}"),
    at_minimum: "The quantity is at its smallest; press Delete to remove the line",
    cart_empty_pay: "The cart is empty: scan or type an item code first",
    cart_already_empty: "The cart is already empty",
    cart_emptied: "Cart emptied",
    entry_pending: |text| {
        format!("\"{text}\" is not in the cart yet: Enter to add it, Esc to erase it")
    },
    close_day_cart_full: "The cart is not empty: pay (F2) or empty it (F4) first, \
                          then close the day",
    part_needs_amount: "Type the amount of the part payment, then F3",
    part_paid: |amount, method, rest| format!("Received {amount} ({method}); {rest} remaining"),
    pay_closed: "Payment closed; the cart is kept",
    cash_so_far: |cash, short| format!("Cash received {cash}; still {short} short"),
    parts_returned: |paid| format!("Part payment of {paid} handed back; the cart is kept"),
    reason_empty: "Type the reason first",
    digits_only: |c| format!("Digits only: \"{c}\" was not typed"),
    already_voided: |n| format!("Sale #{n} is already void"),
    voided: |n| format!("Sale #{n} voided"),
    reprinted: |path| format!("Receipt printed again: {path}"),
    reprint_failed: |e| format!("The receipt could not be printed again: {e}"),
    attendant_empty: "Type the attendant's name first",
    draft_unreadable: "The cart saved before could not be read; \
                       starting with an empty cart",
    float_empty: "Type the opening float (0 is fine)",
    day_opened: |date| format!("Business day {date} opened. Happy selling!"),
    day_closed: "Business day closed.",
    closed_today: |date| format!("The business day of {date} is closed; the next opens tomorrow."),
    closed_today_hint: "F4 reopen · F6 sales · Ctrl+P settlements · Ctrl+R audit trail",
    closed_today_body: "No more sales until tomorrow. Still open: reopening (F4, the manager), the sales, settlements, audit trail.",
    day_closed_status: |date| format!("The day of {date} is closed"),
    failure: failure::EN,
    failed_draft: |e| format!("The cart could not be saved as a draft: {e}"),
    failed_open_day: |e| format!("The business day could not be opened: {e}"),
    failed_close_day: |e| format!("The business day could not be closed: {e}"),
    failed_record: |e| format!("Sale NOT recorded: {e}. Try paying again."),
    failed_load_sales: |e| format!("Could not load the sales: {e}"),
    failed_void: |e| format!("Sale not voided: {e}"),
    // Stock: the stock screen, the call list, the intake form.
    stock_title: "Consignment stock",
    stock_loading: "Loading stock…",
    stock_none: "No product matches",
    stock_filter: "Filter",
    col_on_hand: "Stock",
    col_received: "In",
    col_sold: "Sold",
    col_returned: "Back",
    col_written_off: "Loss",
    col_counted: "Count",
    col_flags: "Flags",
    col_phone: "Phone",
    col_best_before: "Best before",
    flag_oversold: "MINUS",
    flag_below_minimum: "<min",
    flag_best_before_soon: "≤3d",
    flag_expired: "EXPIRED",
    stock_detail: |code, name, best_before| {
        format!("Producer: {code} {name} · nearest best-before: {best_before}")
    },
    call_title: "Producers to call",
    call_none: "No producer needs a call",
    kind_name: |kind| match kind {
        DocumentKind::Intake => "Intake",
        DocumentKind::Return => "Return",
        DocumentKind::WriteOff => "Write-off",
        DocumentKind::Count => "Stock count",
    },
    form_title: |kind, producer| format!("{kind}: {producer}"),
    reason_label: "Reason",
    corner_at_fault: |yes| {
        if yes {
            "The corner bears it: YES".to_string()
        } else {
            "The producer bears it".to_string()
        }
    },
    one_line_only: "One product per entry: the line was replaced",
    form_entry_prompt: "Code / qty*code",
    intake_pick_prompt: "Producer code or name",
    intake_entry_prompt: "Code / qty*code / date DD/MM/YYYY",
    intake_empty: "Scan or type the codes of the goods brought",
    unknown_producer: |text| format!("No producer \"{text}\""),
    bad_date: |text| format!("\"{text}\" is no date: write DD/MM/YYYY"),
    no_line_for_date: "A best-before date for which line? Add the goods first",
    best_before_past: |date| format!("Best before {date} has passed: such goods are not taken in"),
    other_producers_goods: |code, producer| {
        format!("{code} belongs to {producer}, not to this producer")
    },
    best_before_set: |name, date| format!("{name}: best before {date}"),
    intake_no_lines: "Nothing to record yet",
    stock_recorded: |kind, number, slip| format!("{kind} no. {number} recorded; slip: {slip}"),
    daily_returned: |n| format!("Daily goods returned: {n} returns recorded"),
    nothing_daily: "No daily goods are left",
    slip_failed: |e| format!("Recorded, but the slip was not printed: {e}"),
    confirm_stock: |kind, producer, lines| {
        format!(
            "{kind} from {producer} ({}): record it now?",
            en_lines(lines)
        )
    },
    confirm_return_daily: "Return ALL daily goods left to their producers?",
    daily_return_note: "Daily goods returned",
    failed_load_stock: |e| format!("Stock could not be loaded: {e}"),
    failed_stock: |e| format!("NOT recorded: {e}"),
    products_title: "Products",
    inactive_mark: "inactive",
    new_price_title: |name, old| format!("New selling price of {name} (now {old})"),
    confirm_price: |name, old, new| format!("Change the price of {name} from {old} to {new}?"),
    confirm_active: |name, active| {
        if active {
            format!("Sell {name} at the till again?")
        } else {
            format!("Deactivate {name}? Its history stays.")
        }
    },
    catalogue_saved: "Catalogue saved; the till uses it at once",
    failed_load_products: |e| format!("Products could not be loaded: {e}"),
    failed_save_product: |e| format!("Product NOT changed: {e}"),
    new_product_title: "New product",
    edit_product_title: |code| format!("Edit product {code}"),
    product_field: product_field::EN,
    yes_no: |yes| if yes { "yes" } else { "no" },
    unit_hint: "choose pcs/bks/btl/ktk/kg/l",
    daily_hint: "y/n: goes back every afternoon",
    optional_hint: "may be empty",
    no_producer_price: "not used (percentage)",
    field_empty: "must be filled in",
    field_unknown_producer: "unknown producer",
    field_not_positive: "must be more than zero",
    confirm_producer_price: |name, old, new| {
        let show = |p: Option<Rupiah>| p.map_or_else(|| "-".to_string(), |p| p.to_string());
        format!(
            "Change the producer price of {name} from {} to {}?",
            show(old),
            show(new)
        )
    },
    confirm_discard: |n| format!("Discard {n} lines already typed?"),
    producers_title: "Producers",
    col_name: "Name",
    col_scheme: "Commission",
    scheme_text: |scheme| match scheme {
        Scheme::Percentage { rate } => rate.to_string(),
        Scheme::ProducerPrice => "producer price".to_string(),
    },
    producer_form_title: |code| match code {
        None => "New producer".to_string(),
        Some(code) => format!("Edit producer {code}"),
    },
    producer_labels: [
        "Code", "Name", "Phone", "Address", "Account", "Scheme", "Rate",
    ],
    scheme_choice: |percentage| {
        if percentage {
            "percentage (the corner's cut)"
        } else {
            "producer price per product"
        }
    },
    producer_form_hint: "The corner's cut in percent, e.g. 12,5",
    producer_code_empty: "Fill in the producer's code first",
    producer_name_empty: "Fill in the producer's name first",
    bad_rate: |text| format!("\"{text}\" is not a percentage 0–100 (e.g. 12,5)"),
    confirm_scheme: |name, old, new| {
        format!(
            "Change the commission of {name} from {old} to {new}? \
             Sales already recorded do not change."
        )
    },
    confirm_producer_active: |name, active| {
        if active {
            format!("Reactivate {name} and their products at the till?")
        } else {
            format!("Deactivate {name} and all their products? Their history stays.")
        }
    },
    failed_load_producers: |e| format!("Producers could not be loaded: {e}"),
    failed_save_producer: |e| format!("Producer NOT saved: {e}"),
    producers_none: "No producer matches",
    keys: keys::EN,
    failed_load_settings: |e| format!("The settings cannot be read: {e}"),
    failed_save_settings: |e| format!("The settings were not saved: {e}"),
    trust: trust::EN,
};
