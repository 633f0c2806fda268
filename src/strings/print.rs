//! Text for printouts: receipts, stock slips, return slips, and the dates and payment methods
//! they share with the screens.

use crate::domain::Rupiah;

/// Text for printouts (receipts, reports).
pub struct PrintText {
    pub thank_you: &'static str,
    pub change: &'static str,
    pub total: &'static str,
    /// Printed on a voided sale's receipt, above and below the lines.
    pub void_mark: &'static str,
    /// Above a receipt printed again.
    pub copy_mark: &'static str,
    /// The signature line on a receipt put on a tab.
    pub customer_signs: &'static str,
    /// `No. 7`: the sale's running number within its day.
    pub receipt_number: fn(i64) -> String,
    pub attendant: fn(&str) -> String,
    /// `3 pcs x Rp 5.000`: the quantity with its unit, then the unit price.
    pub item_detail: fn(&str, Rupiah) -> String,
    /// Payment methods, on paper and on screen alike (`print::format::payment_method`).
    pub cash: &'static str,
    pub qris: &'static str,
    pub transfer: &'static str,
    /// Month abbreviations for dates (`22 Nov 2026`), on paper and on screen alike
    /// (`print::format::date`).
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
    // Stock slips (`print::stock_slip`).
    pub slip_intake_title: &'static str,
    pub slip_return_title: &'static str,
    pub slip_write_off_title: &'static str,
    pub slip_count_title: &'static str,
    /// `No. 0003`: the slip's running number within its kind.
    pub slip_number: fn(i64) -> String,
    /// `Produsen: SRI - Kue Basah Bu Sri`.
    pub slip_producer: fn(&str, &str) -> String,
    /// The attendant who made the entry.
    pub slip_attendant: fn(&str) -> String,
    pub slip_best_before: &'static str,
    /// On hand before and after the line, as `5 -> 25 pcs`.
    pub slip_on_hand: &'static str,
    pub slip_recorded: &'static str,
    pub slip_counted: &'static str,
    pub slip_difference: &'static str,
    pub slip_products: &'static str,
    /// `3 jenis`: how many products a slip lists.
    pub slip_product_count: fn(usize) -> String,
    /// The quantities added up per unit (`45 pcs, 1,25 kg`).
    pub slip_quantity_total: &'static str,
    /// Who bears a write-off: the producer, or the corner when it was at fault.
    pub slip_borne_by: &'static str,
    pub slip_borne_by_producer: &'static str,
    pub slip_borne_by_corner: &'static str,
    /// What the corner owes the producer for goods it bears the loss of.
    pub slip_loss_owed: &'static str,
    /// The same, short, under a count's line.
    pub slip_line_loss: &'static str,
    pub slip_reason: fn(&str) -> String,
    pub slip_note: fn(&str) -> String,
    /// Signature roles: who hands goods over and who takes them (intake, return) ...
    pub slip_giver: &'static str,
    pub slip_receiver: &'static str,
    /// ... and who attests a write-off or count.
    pub slip_attendant_role: &'static str,
    pub slip_producer_role: &'static str,
    // The slip of a part of a sale returned (`print::return_slip`).
    pub return_title: &'static str,
    /// `Retur No. 3 dari struk No. 7, 20 Nov 2026`: the return's number and the sale's.
    pub return_of: fn(i64, i64, &str) -> String,
    pub return_total: &'static str,
    /// How the money went back, in words.
    pub return_refund: fn(&str) -> String,
}

pub(super) const ID: PrintText = PrintText {
    thank_you: "Terima kasih",
    change: "Kembalian",
    total: "TOTAL",
    void_mark: "DIBATALKAN",
    copy_mark: "SALINAN",
    customer_signs: "Pembeli",
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
    slip_intake_title: "TANDA TERIMA TITIPAN",
    slip_return_title: "TANDA TERIMA RETUR",
    slip_write_off_title: "BERITA ACARA BARANG RUSAK/KEDALUWARSA",
    slip_count_title: "STOK OPNAME",
    slip_number: |n| format!("No. {n:04}"),
    slip_producer: |code, name| format!("Produsen: {code} - {name}"),
    slip_attendant: |name| format!("Petugas: {name}"),
    slip_best_before: "Kedaluwarsa",
    slip_on_hand: "Stok",
    slip_recorded: "Tercatat",
    slip_counted: "Dihitung",
    slip_difference: "Selisih",
    slip_products: "Jumlah barang",
    slip_product_count: |n| format!("{n} jenis"),
    slip_quantity_total: "Total",
    slip_borne_by: "Ditanggung oleh",
    slip_borne_by_producer: "Produsen",
    slip_borne_by_corner: "Pojok UMKM",
    slip_loss_owed: "Ganti rugi ke produsen",
    slip_line_loss: "Ganti rugi",
    slip_reason: |reason| format!("Alasan: {reason}"),
    slip_note: |note| format!("Catatan: {note}"),
    slip_giver: "Penyerah",
    slip_receiver: "Penerima",
    slip_attendant_role: "Petugas",
    slip_producer_role: "Produsen",
    return_title: "RETUR PENJUALAN",
    return_of: |n, sale, date| format!("Retur No. {n} dari struk No. {sale}, {date}"),
    return_total: "TOTAL DIKEMBALIKAN",
    return_refund: |how| format!("Dikembalikan: {how}"),
};

pub(super) const EN: PrintText = PrintText {
    thank_you: "Thank you",
    change: "Change",
    total: "TOTAL",
    void_mark: "VOID",
    copy_mark: "COPY",
    customer_signs: "Customer",
    receipt_number: |n| format!("No. {n}"),
    attendant: |name| format!("Attendant: {name}"),
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
    slip_intake_title: "CONSIGNMENT RECEIPT",
    slip_return_title: "RETURN RECEIPT",
    slip_write_off_title: "WRITE-OFF REPORT (DAMAGED/EXPIRED)",
    slip_count_title: "STOCK COUNT",
    slip_number: |n| format!("No. {n:04}"),
    slip_producer: |code, name| format!("Producer: {code} - {name}"),
    slip_attendant: |name| format!("Attendant: {name}"),
    slip_best_before: "Best before",
    slip_on_hand: "On hand",
    slip_recorded: "Recorded",
    slip_counted: "Counted",
    slip_difference: "Difference",
    slip_products: "Items",
    slip_product_count: |n| {
        if n == 1 {
            "1 product".to_string()
        } else {
            format!("{n} products")
        }
    },
    slip_quantity_total: "Total",
    slip_borne_by: "Borne by",
    slip_borne_by_producer: "Producer",
    slip_borne_by_corner: "The corner",
    slip_loss_owed: "Owed to the producer",
    slip_line_loss: "Owed",
    slip_reason: |reason| format!("Reason: {reason}"),
    slip_note: |note| format!("Note: {note}"),
    slip_giver: "Handed over by",
    slip_receiver: "Received by",
    slip_attendant_role: "Attendant",
    slip_producer_role: "Producer",
    return_title: "SALE RETURN",
    return_of: |n, sale, date| format!("Return No. {n} of receipt No. {sale}, {date}"),
    return_total: "TOTAL REFUNDED",
    return_refund: |how| format!("Refunded: {how}"),
};
