//! Text about making a close deliberate and undoing it: the close confirmed by a retyped
//! count or the manager's PIN, reopening a day closed today, the superseded Z report, the
//! head on paper as the proof; and the office's keys at the kiosk (the statement's dates,
//! the programme's name, the recovery code shown at first start).

use super::lang::Lang;
use crate::domain::Rupiah;

pub struct UndoText {
    // Confirming a close.
    pub confirm_title: &'static str,
    /// Date, counted, variance: two lines.
    pub confirm_figures: fn(&str, Rupiah, Rupiah) -> String,
    pub retype_label: &'static str,
    pub or_manager_pin: &'static str,
    /// Above the shop's threshold (shown): the retype, then the manager's PIN.
    pub far_needs_both: fn(Rupiah) -> String,
    pub confirm_after: &'static str,
    pub retype_differs: &'static str,
    pub retype_needed: &'static str,
    pub far_no_pin_alone: &'static str,
    pub approval_close: &'static str,
    // Keys.
    pub key_retype: &'static str,
    pub key_confirm: &'static str,
    pub key_manager_pin: &'static str,
    pub short_manager_pin: &'static str,
    // The head on paper, as the close screen says it (the Z report has its own line).
    pub head_is_proof: &'static str,
    // Reopening a day closed today.
    pub not_reopenable: &'static str,
    pub key_reopen: &'static str,
    pub short_reopen: &'static str,
    pub key_reopen_reason: &'static str,
    pub key_reopen_confirm: &'static str,
    /// The date.
    pub reopen_title: fn(&str) -> String,
    pub reopen_reason: &'static str,
    pub reopen_warning: &'static str,
    /// The date, the reason.
    pub confirm_reopen: fn(&str, &str) -> String,
    /// The date.
    pub reopened: fn(&str) -> String,
    pub approval_reopen: &'static str,
    // The superseded Z report, on the day's report.
    pub z_superseded_title: &'static str,
    /// Closed at, the head its Z report carried, reopened at, by whom, why.
    pub z_superseded: fn(&str, &str, &str, &str, &str) -> String,
    /// The valid Z report's head.
    pub z_valid: fn(&str) -> String,
    pub z_none_valid: &'static str,
    // The office at the kiosk.
    /// The settings' field for the programme named on the monthly recap.
    pub programme_label: &'static str,
    pub key_reprint_z: &'static str,
    pub short_reprint_z: &'static str,
    pub z_of_closed_day: &'static str,
    // A producer's statement for dates typed.
    pub key_statement: &'static str,
    pub key_statement_date: &'static str,
    pub key_statement_write: &'static str,
    pub short_statement_write: &'static str,
    /// The producer's code.
    pub statement_title: fn(&str) -> String,
    pub statement_from: &'static str,
    pub statement_to: &'static str,
    pub statement_hint: &'static str,
    pub range_backwards: &'static str,
    // The recovery code at the first start.
    pub recovery_title: &'static str,
    /// The manager's name.
    pub recovery_intro: fn(&str) -> String,
    pub recovery_body: &'static str,
    /// Where its paper was filed.
    pub recovery_filed: fn(&str) -> String,
    /// Why its paper was not filed.
    pub recovery_not_filed: fn(&str) -> String,
    pub key_recovery_done: &'static str,
    pub short_recovery_done: &'static str,
}

impl Lang {
    pub fn undo(self) -> &'static UndoText {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

pub(super) const ID: UndoText = UndoText {
    confirm_title: "Pastikan tutup kasir",
    confirm_figures: |date, counted, variance| {
        format!("Tutup kasir {date}\nKas dihitung {counted}, selisih {variance}")
    },
    retype_label: "Ketik ulang kas dihitung:",
    or_manager_pin: "atau F4: PIN pengelola.",
    far_needs_both: |above| format!("Selisih lebih dari {above}: ketik ulang, lalu PIN pengelola."),
    confirm_after: "Setelah ditutup, hari ini tidak menerima transaksi lagi.",
    retype_differs: "Ketikan ulang tidak sama dengan kas dihitung: ketik lagi, atau Esc untuk memperbaiki hitungan.",
    retype_needed: "Ketik ulang jumlah kas yang dihitung, lalu Enter.",
    far_no_pin_alone: "Selisih sebesar ini perlu diketik ulang dulu; PIN pengelola diminta sesudahnya.",
    approval_close: "Menutup kasir",
    key_retype: "ketik ulang kas dihitung",
    key_confirm: "tutup kasir dengan ketikan ulang",
    key_manager_pin: "tutup kasir dengan PIN pengelola",
    short_manager_pin: "PIN",
    head_is_proof: "Kepala rantai di laporan Z adalah bukti buku kas: simpan kertasnya.",
    not_reopenable: "hanya hari yang ditutup hari ini, tanpa hari lain yang buka, bisa dibuka kembali",
    key_reopen: "Buka kembali hari yang ditutup hari ini (pengelola)",
    short_reopen: "Buka lagi",
    key_reopen_reason: "Ketik alasan membuka kembali",
    key_reopen_confirm: "Lanjut: tanya dulu",
    reopen_title: |date| format!("Buka kembali hari {date}"),
    reopen_reason: "Alasan",
    reopen_warning: "Laporan Z yang sudah dicetak menjadi tidak berlaku.",
    confirm_reopen: |date, reason| {
        format!(
            "Buka kembali hari {date} ({reason})? Laporan Z yang sudah dicetak tidak berlaku lagi; tutup kasir berikutnya mencetak yang baru."
        )
    },
    reopened: |date| format!("Hari {date} dibuka kembali; laporan Z sebelumnya tidak berlaku."),
    approval_reopen: "Membuka kembali hari yang sudah ditutup",
    z_superseded_title: "LAPORAN Z YANG DIGANTIKAN",
    z_superseded: |closed, head, reopened, manager, reason| {
        format!(
            "Tutup {closed}, rantai {head}: TIDAK BERLAKU. Dibuka kembali {reopened} oleh {manager}: {reason}."
        )
    },
    z_valid: |head| format!("Laporan Z yang berlaku: yang ini, rantai {head}."),
    z_none_valid: "Hari dibuka kembali dan belum ditutup lagi: belum ada laporan Z yang berlaku.",
    programme_label: "Program (rekap)",
    key_reprint_z: "Cetak ulang laporan Z hari yang tampil (SALINAN)",
    short_reprint_z: "Lap. Z",
    z_of_closed_day: "Laporan Z hanya untuk hari yang sudah ditutup (PgUp). Laporan X: Ctrl+P, F3.",
    key_statement: "Rekening produsen terpilih: pilih tanggalnya",
    key_statement_date: "Ketik tanggal",
    key_statement_write: "Tulis rekening untuk tanggal itu",
    short_statement_write: "Tulis",
    statement_title: |code| format!("Rekening produsen {code}"),
    statement_from: "Dari tanggal",
    statement_to: "Sampai tanggal",
    statement_hint: "mis. 01-11-2026 atau 2026-11-01",
    range_backwards: "Tanggal awal sesudah tanggal akhir: tukar atau ketik ulang.",
    recovery_title: "Kode pemulihan pengelola",
    recovery_intro: |name| {
        format!(
            "Kode sekali pakai untuk {name} bila PIN pengelola terlupa. Catat sekarang: kode ini tidak ditampilkan lagi."
        )
    },
    recovery_body: "Simpan di tempat aman, terpisah dari komputer ini. Bila PIN terlupa: pojok recover --manager NAMA, lalu ketik kode ini dan PIN baru. Buku kas hanya menyimpan sidik kodenya.",
    recovery_filed: |path| format!("Juga dicetak ke {path}."),
    recovery_not_filed: |why| {
        format!("Kertasnya TIDAK tercetak ({why}): catat kode ini dengan tangan.")
    },
    key_recovery_done: "Kode sudah dicatat: lanjut",
    short_recovery_done: "Sudah dicatat",
};

pub(super) const EN: UndoText = UndoText {
    confirm_title: "Confirm the close",
    confirm_figures: |date, counted, variance| {
        format!("Close the till of {date}\nCash counted {counted}, variance {variance}")
    },
    retype_label: "Type the cash counted again:",
    or_manager_pin: "or F4: the manager's PIN.",
    far_needs_both: |above| {
        format!("A variance above {above}: type it again, then the manager's PIN.")
    },
    confirm_after: "Once closed, the day takes no more transactions.",
    retype_differs: "What was typed again differs from the cash counted: type it again, or Esc to fix the count.",
    retype_needed: "Type the cash counted again, then Enter.",
    far_no_pin_alone: "A variance this large must be typed again first; the manager's PIN is asked after.",
    approval_close: "Closing the till",
    key_retype: "type the cash counted again",
    key_confirm: "close the till with what was typed again",
    key_manager_pin: "close the till with the manager's PIN",
    short_manager_pin: "PIN",
    head_is_proof: "The chain head on the Z report proves the ledger: keep the paper.",
    not_reopenable: "only a day closed today, with no other day open, can be reopened",
    key_reopen: "Reopen the day closed today (manager)",
    short_reopen: "Reopen",
    key_reopen_reason: "Type why the day is reopened",
    key_reopen_confirm: "Continue: asks first",
    reopen_title: |date| format!("Reopen the day of {date}"),
    reopen_reason: "Reason",
    reopen_warning: "The Z report already printed stops being valid.",
    confirm_reopen: |date, reason| {
        format!(
            "Reopen the day of {date} ({reason})? The Z report already printed stops being valid; the next close prints a new one."
        )
    },
    reopened: |date| {
        format!("The day of {date} is open again; the earlier Z report is no longer valid.")
    },
    approval_reopen: "Reopening a closed day",
    z_superseded_title: "SUPERSEDED Z REPORTS",
    z_superseded: |closed, head, reopened, manager, reason| {
        format!(
            "Closed {closed}, chain {head}: NOT VALID. Reopened {reopened} by {manager}: {reason}."
        )
    },
    z_valid: |head| format!("The valid Z report: this one, chain {head}."),
    z_none_valid: "The day was reopened and is not closed again: no Z report is valid yet.",
    programme_label: "Programme (recap)",
    key_reprint_z: "Print the shown day's Z report again (COPY)",
    short_reprint_z: "Z report",
    z_of_closed_day: "A Z report is a closed day's (PgUp to one). The X report: Ctrl+P, F3.",
    key_statement: "Statement of the selected producer: pick its dates",
    key_statement_date: "Type a date",
    key_statement_write: "Write the statement for those dates",
    short_statement_write: "Write",
    statement_title: |code| format!("Producer statement {code}"),
    statement_from: "From",
    statement_to: "Up to",
    statement_hint: "e.g. 01-11-2026 or 2026-11-01",
    range_backwards: "The first date is after the last: swap them or type again.",
    recovery_title: "Manager recovery code",
    recovery_intro: |name| {
        format!(
            "A one-time code for {name} if the manager's PIN is forgotten. Write it down now: it is not shown again."
        )
    },
    recovery_body: "Keep it somewhere safe, away from this computer. If the PIN is forgotten: pojok recover --manager NAME, then type this code and a new PIN. The ledger keeps only its fingerprint.",
    recovery_filed: |path| format!("Also printed to {path}."),
    recovery_not_filed: |why| {
        format!("Its paper was NOT printed ({why}): write the code down by hand.")
    },
    key_recovery_done: "The code is written down: carry on",
    short_recovery_done: "Written down",
};
