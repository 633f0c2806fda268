//! Text for the till's money beyond a sale: tabs, cash moves, the day close with its
//! count, corrections, their printouts, and their refusals.

use crate::domain::Rupiah;

/// Text for the till's money beyond a sale: tabs, cash moves, the day close with
/// its count, corrections, and their printouts.
pub struct TillText {
    /// The tab as a payment method (`Bon`).
    pub tab: &'static str,
    /// On a receipt: whose tab the sale went on.
    pub receipt_tab: fn(&str) -> String,
    // The close screen.
    pub close_title: fn(&str) -> String,
    pub loading: &'static str,
    pub float: &'static str,
    pub cash_sales: &'static str,
    pub cash_tab_payments: &'static str,
    pub cash_in: &'static str,
    pub cash_out: &'static str,
    pub cash_payouts: &'static str,
    pub cash_refunds: &'static str,
    pub expected_cash: &'static str,
    pub counted_cash: &'static str,
    pub variance: &'static str,
    pub reason: &'static str,
    pub to_check: &'static str,
    pub qris_check: &'static str,
    pub transfer_check: &'static str,
    pub count_by_total: &'static str,
    pub count_by_denomination: &'static str,
    pub column_denomination: &'static str,
    pub column_pieces: &'static str,
    pub column_subtotal: &'static str,
    /// `Rp 1.000 koin`.
    pub denomination: fn(Rupiah, bool) -> String,
    pub confirm_discard_count: &'static str,
    pub confirm_cash_move: fn(bool, Rupiah, &str) -> String,
    // The customer picker and the customers screen.
    pub picker_title: &'static str,
    pub picker_filter: &'static str,
    pub no_customers: &'static str,
    pub column_name: &'static str,
    pub column_unit: &'static str,
    pub customers_title: &'static str,
    pub no_customers_here: &'static str,
    pub column_owed: &'static str,
    pub new_customer_title: &'static str,
    pub edit_customer_title: &'static str,
    pub phone: &'static str,
    pub method: &'static str,
    pub note: &'static str,
    pub amount_empty_is_all: &'static str,
    /// `Pelunasan bon: Budi (utang Rp 25.000)`.
    pub tab_payment_title: fn(&str, Rupiah) -> String,
    pub confirm_tab_payment: fn(&str, Rupiah, &str) -> String,
    pub customer_saved: fn(&str) -> String,
    pub tab_paid: fn(&str, Rupiah, Rupiah) -> String,
    pub statement_printed: fn(&str) -> String,
    /// The sales list of a stepped-to day: its date, and whether it is closed.
    pub sales_of_day: fn(&str, bool) -> String,
    pub corrected_mark: &'static str,
    /// `Koreksi #5, kembali: Tunai (F7 ganti)`.
    pub correction_title: fn(i64, &str) -> String,
    pub confirm_correct: fn(i64, &str, Rupiah, &str, &str) -> String,
    pub corrected: fn(i64, &str, Rupiah) -> String,
    // One sale opened from the sales list, and returning part of it.
    /// `Penjualan No. 7 · 20 Nov 2026 09:12 · Rina`.
    pub detail_title: fn(i64, &str, &str) -> String,
    pub detail_item: &'static str,
    pub detail_quantity: &'static str,
    pub detail_returned: &'static str,
    pub detail_return_now: &'static str,
    /// How it was paid (`Tunai Rp 50.000`), and the change.
    pub detail_paid: fn(&str, Rupiah) -> String,
    /// A part returned so far: its number, time, amount, refund, reason.
    pub detail_return_line: fn(i64, &str, Rupiah, &str, &str) -> String,
    pub detail_refund: &'static str,
    pub detail_refund_hint: &'static str,
    pub detail_reason: &'static str,
    /// The question: lines, receipt number and day, amount, refund.
    pub confirm_return: fn(usize, i64, &str, Rupiah, &str) -> String,
    /// On disk: the return's number, amount, refund, slip file.
    pub returned: fn(i64, Rupiah, &str, &str) -> String,
    /// In the sales list: what was given back of a sale.
    pub returned_mark: fn(Rupiah) -> String,
    // The cash move form.
    pub cash_move_title: &'static str,
    pub direction: &'static str,
    pub amount: &'static str,
    // Notes.
    pub variance_needs_reason: fn(Rupiah) -> String,
    /// Letters typed on the count: they are no count, the reason has its own field.
    pub reason_in_its_field: &'static str,
    pub count_needed: &'static str,
    pub bad_pieces: &'static str,
    pub too_many_pieces: &'static str,
    pub more_than_owed: fn(Rupiah) -> String,
    pub owes_nothing: fn(&str) -> String,
    pub amount_needed: &'static str,
    pub cash_moved: fn(bool, Rupiah, &str) -> String,
    pub day_closed_report: fn(&str) -> String,
    pub printout_failed: fn(&str) -> String,
    /// `Kas TIDAK tercatat: …`: a till action that did not happen.
    pub failed: fn(&str) -> String,
    // Refusals.
    pub failure: TillFailureText,
    // Printouts.
    pub cash_slip_title: &'static str,
    pub z_title: &'static str,
    pub z_cash: &'static str,
    pub z_count: &'static str,
    pub z_not_counted: &'static str,
    pub z_cash_moves: &'static str,
    pub z_tabs: &'static str,
    pub z_tab_charges: &'static str,
    pub z_tab_payments: &'static str,
    pub z_payouts: &'static str,
    pub z_corrections: &'static str,
    /// `#3 21 Nov 2026 (Tunai) Salah harga`: a correction line.
    pub z_correction: fn(i64, &str, &str, &str) -> String,
    /// The Z report's heading over parts of sales returned that day (each line as a
    /// correction's: receipt number, its day, refund method, reason).
    pub z_returns: &'static str,
    pub z_chain_head: &'static str,
    /// On the close screen: how many producers paid daily are still owed (pay them first).
    pub daily_unpaid: fn(usize) -> String,
    pub daily_unpaid_hint: &'static str,
    pub tab_statement_title: &'static str,
    pub statement_opening: &'static str,
    pub statement_closing: &'static str,
    pub statement_charge: fn(&str, i64) -> String,
    pub statement_payment: fn(&str) -> String,
    pub statement_refund: fn(&str, i64) -> String,
    pub refund_none: &'static str,
    pub signature_attendant: &'static str,
    pub signature_manager: &'static str,
    /// The receipt of a tab paid off: title, what was owed before, what is left, who paid.
    pub tab_receipt_title: &'static str,
    pub tab_owed_before: &'static str,
    pub tab_owed_after: &'static str,
    pub signature_customer: &'static str,
}

/// The till's refusals, one sentence each; the ui's `TillFailure` picks one.
pub struct TillFailureText {
    pub invalid_amount: fn(Rupiah) -> String,
    pub unknown_customer: &'static str,
    pub customer_name_empty: &'static str,
    pub bad_nip: &'static str,
    pub duplicate_nip: fn(&str) -> String,
    /// What the tab owes.
    pub more_than_owed: fn(Rupiah) -> String,
    /// What the drawer holds.
    pub drawer_holds: fn(Rupiah) -> String,
    pub variance_needs_reason: fn(Rupiah) -> String,
    pub same_day_correction: &'static str,
    pub not_on_tab: &'static str,
    /// A line returned past what is left of it: its code and what is left.
    pub return_above_sold: fn(&str, &str) -> String,
    pub returned_in_part: &'static str,
    pub nothing_to_return: &'static str,
}

pub(super) const ID: TillText = TillText {
    tab: "Bon",
    receipt_tab: |name| format!("Bon: {name}"),
    close_title: |date| format!("Tutup kasir - {date}"),
    loading: "Memuat angka hari ini...",
    float: "Modal awal",
    cash_sales: "Penjualan tunai (bersih)",
    cash_tab_payments: "Pelunasan bon tunai",
    cash_in: "Kas masuk",
    cash_out: "Kas keluar",
    cash_payouts: "Pembayaran produsen tunai",
    // Of corrections and of parts of sales returned alike.
    cash_refunds: "Uang kembali tunai",
    expected_cash: "Kas seharusnya",
    counted_cash: "Kas dihitung",
    variance: "Selisih",
    reason: "Alasan",
    to_check: "Cocokkan dengan HP & bank",
    qris_check: "QRIS",
    transfer_check: "Transfer",
    count_by_total: "Hitung: total",
    count_by_denomination: "Hitung: per pecahan",
    column_denomination: "Pecahan",
    column_pieces: "Jumlah",
    column_subtotal: "Nilai",
    denomination: |face, coin| {
        if coin {
            format!("{face} koin")
        } else {
            format!("{face}")
        }
    },
    confirm_discard_count: "Buang hitungan kas yang sudah diketik?",
    confirm_cash_move: |incoming, amount, reason| {
        let kind = if incoming { "Kas masuk" } else { "Kas keluar" };
        format!("Catat {kind} {amount} ({reason})?")
    },
    customers_title: "Pelanggan bon",
    no_customers_here: "Belum ada pelanggan. F2 menambah pelanggan baru.",
    column_owed: "Utang",
    new_customer_title: "Pelanggan baru",
    edit_customer_title: "Ubah pelanggan",
    phone: "Telepon",
    method: "Cara bayar",
    note: "Catatan",
    amount_empty_is_all: "  Jumlah kosong = lunasi semua utang",
    tab_payment_title: |name, owed| format!("Pelunasan bon: {name} (utang {owed})"),
    confirm_tab_payment: |name, amount, method| {
        format!("Terima pelunasan bon {name} sebesar {amount} ({method})?")
    },
    customer_saved: |name| format!("Pelanggan {name} disimpan"),
    tab_paid: |name, amount, owed| format!("Bon {name} dibayar {amount}; sisa utang {owed}"),
    statement_printed: |path| format!("Rekening bon ditulis: {path}"),
    sales_of_day: |date, closed| {
        if closed {
            format!("Penjualan {date} (sudah ditutup: F8 koreksi)")
        } else {
            format!("Penjualan {date}")
        }
    },
    corrected_mark: "KOREKSI",
    correction_title: |n, refund| format!("Koreksi #{n}, kembali: {refund} (F7 ganti) - alasan"),
    confirm_correct: |n, date, total, refund, reason| {
        format!(
            "Koreksi penjualan #{n} tanggal {date} ({total}), kembali {refund}, alasan: {reason}? Barang kembali ke stok; tercatat di hari ini."
        )
    },
    corrected: |n, date, amount| format!("Penjualan #{n} tanggal {date} dikoreksi ({amount})"),
    detail_title: |n, at, who| format!("Penjualan No. {n} · {at} · {who}"),
    detail_item: "Barang",
    detail_quantity: "Jumlah",
    detail_returned: "Diretur",
    detail_return_now: "Retur",
    detail_paid: |paid, change| format!("Dibayar: {paid} · kembalian {change}"),
    detail_return_line: |n, at, amount, how, reason| {
        format!("Retur No. {n} {at}: {amount} ({how}) {reason}")
    },
    detail_refund: "Uang kembali:",
    detail_refund_hint: "F7 ganti · ↑/↓ baris · ketik jumlah · Tab alasan",
    detail_reason: "Alasan:",
    confirm_return: |lines, n, date, amount, how| {
        format!(
            "Retur {lines} baris dari struk No. {n} ({date}), kembalikan {amount} ({how})? Barang kembali ke stok."
        )
    },
    returned: |n, amount, how, file| {
        format!("Retur No. {n}: {amount} dikembalikan ({how}) · {file}")
    },
    returned_mark: |amount| format!("retur {amount}"),
    picker_title: "Bon atas nama siapa?",
    picker_filter: "Cari nama / NIP",
    no_customers: "Belum ada pelanggan bon. Tambahkan dulu lewat Ctrl+T di layar penjualan (F2 pelanggan baru).",
    column_name: "Nama",
    column_unit: "Unit kerja",
    cash_move_title: "Kas masuk / keluar",
    direction: "Arah",
    amount: "Jumlah",
    variance_needs_reason: |v| format!("Kas selisih {v}: tulis alasannya dulu (Tab ke Alasan)"),
    reason_in_its_field: "Huruf bukan hitungan: ketik alasan di kolom Alasan (Tab)",
    count_needed: "Isi kas yang dihitung dulu",
    bad_pieces: "Jumlah lembar/keping harus angka bulat",
    too_many_pieces: "Paling banyak 9.999 lembar/keping per pecahan",
    more_than_owed: |owed| format!("Lebih dari utang bon: utangnya {owed}"),
    owes_nothing: |name| format!("{name} tidak punya utang bon"),
    amount_needed: "Isi jumlahnya dulu",
    cash_moved: |incoming, amount, slip| {
        let kind = if incoming { "Kas masuk" } else { "Kas keluar" };
        format!("{kind} {amount} tercatat; slip: {slip}")
    },
    day_closed_report: |path| format!("Kasir ditutup. Laporan tutup kasir: {path}"),
    printout_failed: |why| format!("Tercatat, tetapi cetakan gagal ditulis: {why}"),
    failed: |e| format!("TIDAK tercatat: {e}"),
    failure: TillFailureText {
        invalid_amount: |a| format!("jumlah {a} tidak bisa diterima"),
        unknown_customer: "pelanggan tidak ditemukan atau nonaktif",
        customer_name_empty: "nama pelanggan harus diisi",
        bad_nip: "NIP harus 18 angka (atau kosongkan)",
        duplicate_nip: |nip| format!("NIP {nip} sudah terdaftar"),
        more_than_owed: |owed| format!("lebih dari utang bon ({owed})"),
        drawer_holds: |holds| format!("kas di laci hanya {holds}"),
        variance_needs_reason: |v| format!("kas selisih {v}: alasan harus diisi"),
        same_day_correction: "penjualan hari ini dibatalkan dengan F8 (batal), bukan koreksi",
        not_on_tab: "penjualan ini tidak seluruhnya dengan bon",
        return_above_sold: |code, left| format!("{code}: yang bisa diretur tinggal {left}"),
        returned_in_part: "sebagian penjualan ini sudah diretur: retur sisanya (Enter, F8)",
        nothing_to_return: "belum ada jumlah yang diretur: ketik jumlah pada baris",
    },
    cash_slip_title: "BUKTI KAS",
    z_title: "LAPORAN TUTUP KASIR (Z)",
    z_cash: "Kas",
    z_count: "Hitungan kas",
    z_not_counted: "Belum dihitung (hari masih buka)",
    z_cash_moves: "Kas masuk/keluar",
    z_tabs: "Bon",
    z_tab_charges: "Penjualan dengan bon",
    z_tab_payments: "Pelunasan bon",
    z_payouts: "Pembayaran produsen",
    z_corrections: "Koreksi hari sebelumnya",
    z_correction: |number, date, refund, reason| format!("#{number} {date} ({refund}) {reason}"),
    z_returns: "Retur sebagian penjualan",
    z_chain_head: "Kepala rantai hash",
    daily_unpaid: |n| format!("Belum dibayar ({n} harian)"),
    daily_unpaid_hint: "Bayar dulu: Ctrl+P",
    tab_statement_title: "REKENING BON",
    statement_opening: "Saldo awal",
    statement_closing: "Saldo akhir",
    statement_charge: |date, number| format!("Belanja {date} #{number}"),
    statement_payment: |method| format!("Bayar ({method})"),
    statement_refund: |date, number| format!("Koreksi {date} #{number}"),
    refund_none: "Tanpa pengembalian",
    signature_attendant: "Kasir",
    signature_manager: "Pengelola",
    tab_receipt_title: "BAYAR BON",
    tab_owed_before: "Bon sebelum",
    tab_owed_after: "Sisa bon",
    signature_customer: "Pembayar",
};

pub(super) const EN: TillText = TillText {
    tab: "Tab",
    receipt_tab: |name| format!("Tab: {name}"),
    close_title: |date| format!("Close the till - {date}"),
    loading: "Loading today's figures...",
    float: "Opening float",
    cash_sales: "Cash sales (net)",
    cash_tab_payments: "Tabs paid in cash",
    cash_in: "Cash in",
    cash_out: "Cash out",
    cash_payouts: "Producer payouts in cash",
    cash_refunds: "Cash refunds",
    expected_cash: "Expected cash",
    counted_cash: "Counted cash",
    variance: "Variance",
    reason: "Reason",
    to_check: "Check with phone & bank",
    qris_check: "QRIS",
    transfer_check: "Transfer",
    count_by_total: "Count: total",
    count_by_denomination: "Count: by denomination",
    column_denomination: "Denomination",
    column_pieces: "Pieces",
    column_subtotal: "Value",
    denomination: |face, coin| {
        if coin {
            format!("{face} coin")
        } else {
            format!("{face}")
        }
    },
    confirm_discard_count: "Discard the cash count typed so far?",
    confirm_cash_move: |incoming, amount, reason| {
        let kind = if incoming { "cash in" } else { "cash out" };
        format!("Record {kind} of {amount} ({reason})?")
    },
    customers_title: "Tab customers",
    no_customers_here: "No customers yet. F2 adds a new customer.",
    column_owed: "Owed",
    new_customer_title: "New customer",
    edit_customer_title: "Edit customer",
    phone: "Phone",
    method: "Method",
    note: "Note",
    amount_empty_is_all: "  Empty amount = pay off all that is owed",
    tab_payment_title: |name, owed| format!("Tab payment: {name} (owes {owed})"),
    confirm_tab_payment: |name, amount, method| {
        format!("Take a tab payment of {amount} from {name} ({method})?")
    },
    customer_saved: |name| format!("Customer {name} saved"),
    tab_paid: |name, amount, owed| format!("{name} paid {amount} off the tab; still owes {owed}"),
    statement_printed: |path| format!("Tab statement written: {path}"),
    sales_of_day: |date, closed| {
        if closed {
            format!("Sales of {date} (closed: F8 corrects)")
        } else {
            format!("Sales of {date}")
        }
    },
    corrected_mark: "CORRECTED",
    correction_title: |n, refund| format!("Correct #{n}, refund: {refund} (F7 changes) - reason"),
    confirm_correct: |n, date, total, refund, reason| {
        format!(
            "Correct sale #{n} of {date} ({total}), refund {refund}, reason: {reason}? The goods go back to stock; it counts on today."
        )
    },
    corrected: |n, date, amount| format!("Sale #{n} of {date} corrected ({amount})"),
    detail_title: |n, at, who| format!("Sale No. {n} · {at} · {who}"),
    detail_item: "Item",
    detail_quantity: "Quantity",
    detail_returned: "Back",
    detail_return_now: "Return",
    detail_paid: |paid, change| format!("Paid: {paid} · change {change}"),
    detail_return_line: |n, at, amount, how, reason| {
        format!("Return No. {n} {at}: {amount} ({how}) {reason}")
    },
    detail_refund: "Money back:",
    detail_refund_hint: "F7 change · ↑/↓ line · type quantity · Tab reason",
    detail_reason: "Reason:",
    confirm_return: |lines, n, date, amount, how| {
        format!(
            "Return {lines} line(s) of receipt No. {n} ({date}), hand back {amount} ({how})? The goods go back to stock."
        )
    },
    returned: |n, amount, how, file| {
        format!("Return No. {n}: {amount} handed back ({how}) · {file}")
    },
    returned_mark: |amount| format!("back {amount}"),
    picker_title: "Whose tab?",
    picker_filter: "Search name / NIP",
    no_customers: "No tab customers yet. Add one first with Ctrl+T on the sale screen (F2 new customer).",
    column_name: "Name",
    column_unit: "Unit",
    cash_move_title: "Cash in / out",
    direction: "Direction",
    amount: "Amount",
    variance_needs_reason: |v| {
        format!("The cash is {v} off: type the reason first (Tab to Reason)")
    },
    reason_in_its_field: "Letters are no count: type the reason in the Reason field (Tab)",
    count_needed: "Enter the cash counted first",
    bad_pieces: "Pieces must be a whole number",
    too_many_pieces: "At most 9,999 pieces per denomination",
    more_than_owed: |owed| format!("More than is owed on the tab: {owed}"),
    owes_nothing: |name| format!("{name} owes nothing on the tab"),
    amount_needed: "Enter the amount first",
    cash_moved: |incoming, amount, slip| {
        let kind = if incoming { "Cash in" } else { "Cash out" };
        format!("{kind} of {amount} recorded; slip: {slip}")
    },
    day_closed_report: |path| format!("Till closed. Day-close report: {path}"),
    printout_failed: |why| format!("Recorded, but the printout could not be written: {why}"),
    failed: |e| format!("NOT done: {e}"),
    failure: TillFailureText {
        invalid_amount: |a| format!("{a} is not an amount the till can take"),
        unknown_customer: "no such customer, or deactivated",
        customer_name_empty: "the customer needs a name",
        bad_nip: "a NIP is 18 digits (or leave it empty)",
        duplicate_nip: |nip| format!("NIP {nip} is already registered"),
        more_than_owed: |owed| format!("more than the {owed} owed on the tab"),
        drawer_holds: |holds| format!("the drawer holds only {holds}"),
        variance_needs_reason: |v| format!("the cash is {v} off: a reason is needed"),
        same_day_correction: "a sale of today is voided with F8, not corrected",
        not_on_tab: "this sale was not put wholly on a tab",
        return_above_sold: |code, left| format!("{code}: only {left} left to return"),
        returned_in_part: "part of this sale was returned already: return the rest (Enter, F8)",
        nothing_to_return: "nothing to return yet: type a quantity on a line",
    },
    cash_slip_title: "CASH SLIP",
    z_title: "DAY-CLOSE REPORT (Z)",
    z_cash: "Cash",
    z_count: "Cash count",
    z_not_counted: "Not counted yet (the day is open)",
    z_cash_moves: "Cash in/out",
    z_tabs: "Tabs",
    z_tab_charges: "Sales on tabs",
    z_tab_payments: "Tabs paid off",
    z_payouts: "Producer payouts",
    z_corrections: "Corrections of earlier days",
    z_correction: |number, date, refund, reason| format!("#{number} {date} ({refund}) {reason}"),
    z_returns: "Parts of sales returned",
    z_chain_head: "Hash chain head",
    daily_unpaid: |n| format!("Unpaid ({n} daily)"),
    daily_unpaid_hint: "Pay them first: Ctrl+P",
    tab_statement_title: "TAB STATEMENT",
    statement_opening: "Opening balance",
    statement_closing: "Closing balance",
    statement_charge: |date, number| format!("Purchase {date} #{number}"),
    statement_payment: |method| format!("Paid ({method})"),
    statement_refund: |date, number| format!("Correction {date} #{number}"),
    refund_none: "No refund",
    signature_attendant: "Attendant",
    signature_manager: "Manager",
    tab_receipt_title: "TAB PAYMENT",
    tab_owed_before: "Owed before",
    tab_owed_after: "Still owed",
    signature_customer: "Paid by",
};
