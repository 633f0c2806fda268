//! Text about the ledger file itself: opening it, the one-kiosk lock, backups and restoring.

use super::lang::Lang;
use crate::domain::Rupiah;

pub struct LedgerFileText {
    // Opening.
    pub no_ledger: fn(&str) -> String,
    pub empty_file: fn(&str) -> String,
    pub not_sqlite: fn(&str) -> String,
    pub foreign: fn(&str) -> String,
    pub too_new: fn(&str, i64, i64) -> String,
    pub too_old: fn(&str) -> String,
    pub read_only: fn(&str) -> String,
    /// The file, and the newest backup to restore from, if one was found.
    pub damaged: fn(&str, Option<&str>) -> String,
    pub disk_full: fn(&str) -> String,
    pub busy: fn(&str) -> String,
    /// The same, where the file needs no naming (the command named it).
    pub busy_now: &'static str,
    /// The file; when, where and by which process the running kiosk was started.
    pub kiosk_running: fn(&str, &str) -> String,
    /// When, on which computer, which process.
    pub started_by: fn(&str, &str, &str) -> String,
    pub cannot_open: fn(&str, &str) -> String,
    // Backups.
    /// Path, size in KB, chain head, seconds.
    pub backup_done: fn(&str, u64, &str, f64) -> String,
    pub backup_failed: fn(&str) -> String,
    pub backups_pruned: fn(usize) -> String,
    pub no_backups: fn(&str) -> String,
    /// File name, head, whether it verifies (and why not).
    pub backup_line: fn(&str, &str, Option<&str>) -> String,
    pub backups_bad: fn(usize) -> String,
    // Restoring.
    pub backup_unusable: fn(&str, &str) -> String,
    pub restore_same: fn(&str) -> String,
    pub restore_newer: &'static str,
    /// Entries after the backup's head that a restore would lose.
    pub restore_loses: fn(usize) -> String,
    pub restore_diverged: fn(i64) -> String,
    pub lost_sale: fn(i64, &str, Rupiah) -> String,
    pub lost_payout: fn(i64, &str, Rupiah) -> String,
    pub lost_close: fn(&str) -> String,
    pub current_unreadable: fn(&str, &str) -> String,
    pub ask_manager: &'static str,
    pub ask_pin: &'static str,
    pub not_manager: fn(&str) -> String,
    pub pin_refused: fn(&str) -> String,
    pub restored: fn(&str, &str) -> String,
    // On the kiosk's message line.
    pub last_sale: fn(i64, Rupiah) -> String,
    pub backup_at_close: fn(&str) -> String,
    pub backup_failed_at_close: fn(&str) -> String,
    pub backup_behind: fn(&str) -> String,
    pub paper_renamed: fn(&str, &str) -> String,
    /// The check of the chain at the close found this many problems.
    pub chain_problems_at_close: fn(usize) -> String,
    /// At sign-in, when the clock reads earlier than the newest entry (recorded then).
    pub clock_behind: fn(&str) -> String,
    pub backup_folder_label: &'static str,
    pub backup_folder_hint: &'static str,
}

impl Lang {
    pub fn ledger_file(self) -> &'static LedgerFileText {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

const ID: LedgerFileText = LedgerFileText {
    no_ledger: |p| format!("Buku kas {p} tidak ada. Periksa --db atau POJOK_DB."),
    empty_file: |p| format!("Berkas {p} kosong, bukan buku kas; berkas tidak diubah."),
    not_sqlite: |p| {
        format!("Berkas {p} bukan buku kas pojok (bukan berkas SQLite); berkas tidak diubah.")
    },
    foreign: |p| {
        format!(
            "Berkas {p} adalah basis data program lain, bukan buku kas pojok; berkas tidak diubah."
        )
    },
    too_new: |p, found, ours| {
        format!(
            "Buku kas {p} dibuat pojok yang lebih baru (skema {found}, program ini {ours}); perbarui pojok dulu, berkas tidak diubah."
        )
    },
    too_old: |p| {
        format!(
            "Buku kas {p} dari pojok versi lama; jalankan kiosk sekali agar diperbarui, lalu ulangi."
        )
    },
    read_only: |p| {
        format!("Buku kas {p} hanya-baca, padahal kiosk perlu menulis; periksa izin berkas itu.")
    },
    damaged: |p, backup| match backup {
        Some(b) => {
            format!("Buku kas {p} rusak dan tidak ditulisi; pulihkan dengan: pojok restore {b}")
        }
        None => format!(
            "Buku kas {p} rusak dan tidak ditulisi; pulihkan dari cadangan dengan: pojok restore BERKAS"
        ),
    },
    disk_full: |p| {
        format!("Disk penuh: buku kas {p} tidak bisa ditulis. Kosongkan ruang disk lalu coba lagi.")
    },
    busy: |p| format!("Buku kas {p} sedang ditulis program lain; tunggu sebentar lalu coba lagi."),
    busy_now: "Buku kas sedang ditulis program lain; tunggu sebentar lalu coba lagi. Tidak ada yang diubah.",
    kiosk_running: |p, who| {
        format!("Kiosk lain sedang memakai buku kas {p} ({who}); tutup kiosk itu dulu.")
    },
    started_by: |when, host, pid| format!("dibuka {when} di komputer {host}, proses {pid}"),
    cannot_open: |p, why| format!("Buku kas {p} tidak bisa dibuka: {why}"),
    backup_done: |p, kb, head, secs| {
        format!(
            "Cadangan tersimpan: {p} ({kb} KB, kepala {head}, {secs:.1} detik), sudah diperiksa."
        )
    },
    backup_failed: |why| format!("CADANGAN GAGAL: {why}"),
    backups_pruned: |n| format!("{n} cadangan lama dihapus (disimpan 14 harian dan 12 bulanan)."),
    no_backups: |dir| format!("Tidak ada cadangan di {dir}."),
    backup_line: |name, head, problem| match problem {
        None => format!("{name}  {head}  baik"),
        Some(why) => format!("{name}  {head}  RUSAK: {why}"),
    },
    backups_bad: |n| format!("{n} cadangan tidak lolos pemeriksaan."),
    backup_unusable: |p, why| {
        format!("Cadangan {p} tidak bisa dipakai: {why}. Buku kas tidak diubah.")
    },
    restore_same: |p| format!("Cadangan {p} sama dengan buku kas sekarang: tidak ada yang hilang."),
    restore_newer: "Buku kas sekarang adalah bagian awal cadangan ini: tidak ada yang hilang.",
    restore_loses: |n| {
        format!("Bila dipulihkan, {n} entri sesudah cadangan ini HILANG, di antaranya:")
    },
    restore_diverged: |seq| {
        format!("Cadangan ini berbeda dari buku kas sekarang sejak entri #{seq}.")
    },
    lost_sale: |n, day, total| format!("  penjualan No. {n}, {day}, {total}"),
    lost_payout: |n, day, amount| format!("  pembayaran produsen No. {n}, {day}, {amount}"),
    lost_close: |day| format!("  tutup kasir {day}"),
    current_unreadable: |p, why| {
        format!("Buku kas sekarang {p} tidak terbaca ({why}); tidak bisa dibandingkan.")
    },
    ask_manager: "Nama pengelola: ",
    ask_pin: "PIN pengelola: ",
    not_manager: |name| format!("{name} bukan pengelola aktif. Buku kas tidak diubah."),
    pin_refused: |why| format!("PIN ditolak: {why}. Buku kas tidak diubah."),
    restored: |from, aside| {
        format!("Buku kas dipulihkan dari {from}. Buku kas sebelumnya disimpan sebagai {aside}.")
    },
    last_sale: |n, total| {
        format!("Penjualan terakhir No. {n} {total} tersimpan; struknya sudah ditulis.")
    },
    backup_at_close: |p| format!("Kasir ditutup. Cadangan: {p}"),
    backup_failed_at_close: |why| {
        format!("Kasir ditutup, tetapi CADANGAN GAGAL: {why}. Periksa folder cadangan (Ctrl+O).")
    },
    backup_behind: |dir| {
        format!(
            "PERHATIAN: tutup kasir terakhir belum dicadangkan di {dir}. Periksa folder cadangan (Ctrl+O)."
        )
    },
    paper_renamed: |name, new| {
        format!("{name} sudah ada dan tidak ditimpa; disimpan sebagai {new}.")
    },
    chain_problems_at_close: |n| {
        format!(
            "PERHATIAN: pemeriksaan rantai saat tutup menemukan {n} masalah. Jalankan: pojok verify --full"
        )
    },
    clock_behind: |last| {
        format!("Jam komputer lebih awal dari catatan terakhir ({last}): cocokkan jam")
    },
    backup_folder_label: "Folder cadangan",
    backup_folder_hint: "kosong: backups di samping buku kas (mis. USB)",
};

const EN: LedgerFileText = LedgerFileText {
    no_ledger: |p| format!("There is no ledger at {p}. Check --db or POJOK_DB."),
    empty_file: |p| format!("The file {p} is empty, not a ledger; it was left unchanged."),
    not_sqlite: |p| {
        format!("The file {p} is not a pojok ledger (not a SQLite file); it was left unchanged.")
    },
    foreign: |p| {
        format!(
            "The file {p} is another program's database, not a pojok ledger; it was left unchanged."
        )
    },
    too_new: |p, found, ours| {
        format!(
            "The ledger {p} was written by a newer pojok (schema {found}, this program {ours}); update pojok first, the file was left unchanged."
        )
    },
    too_old: |p| {
        format!(
            "The ledger {p} is from an older pojok; start the kiosk on it once to update it, then try again."
        )
    },
    read_only: |p| {
        format!(
            "The ledger {p} is read-only, and the kiosk needs to write; check the file's permissions."
        )
    },
    damaged: |p, backup| match backup {
        Some(b) => format!(
            "The ledger {p} is damaged and nothing was written to it; restore it with: pojok restore {b}"
        ),
        None => format!(
            "The ledger {p} is damaged and nothing was written to it; restore a backup with: pojok restore FILE"
        ),
    },
    disk_full: |p| {
        format!(
            "The disk is full: the ledger {p} cannot be written. Free some disk space and try again."
        )
    },
    busy: |p| format!("Another program is writing the ledger {p}; wait a moment and try again."),
    busy_now: "Another program is writing the ledger; wait a moment and try again. Nothing was changed.",
    kiosk_running: |p, who| {
        format!("Another kiosk is using the ledger {p} ({who}); close that kiosk first.")
    },
    started_by: |when, host, pid| format!("started {when} on {host}, process {pid}"),
    cannot_open: |p, why| format!("Cannot open the ledger {p}: {why}"),
    backup_done: |p, kb, head, secs| {
        format!("Backup saved: {p} ({kb} KB, head {head}, {secs:.1} s), checked.")
    },
    backup_failed: |why| format!("BACKUP FAILED: {why}"),
    backups_pruned: |n| format!("{n} old backups removed (14 daily and 12 monthly are kept)."),
    no_backups: |dir| format!("No backups in {dir}."),
    backup_line: |name, head, problem| match problem {
        None => format!("{name}  {head}  good"),
        Some(why) => format!("{name}  {head}  DAMAGED: {why}"),
    },
    backups_bad: |n| format!("{n} backups failed the check."),
    backup_unusable: |p, why| {
        format!("The backup {p} cannot be used: {why}. The ledger was not changed.")
    },
    restore_same: |p| format!("The backup {p} is the same as the current ledger: nothing is lost."),
    restore_newer: "The current ledger is the start of this backup: nothing is lost.",
    restore_loses: |n| format!("Restoring LOSES the {n} entries after this backup, among them:"),
    restore_diverged: |seq| {
        format!("This backup differs from the current ledger from entry #{seq} on.")
    },
    lost_sale: |n, day, total| format!("  sale No. {n}, {day}, {total}"),
    lost_payout: |n, day, amount| format!("  producer payout No. {n}, {day}, {amount}"),
    lost_close: |day| format!("  day close {day}"),
    current_unreadable: |p, why| {
        format!("The current ledger {p} cannot be read ({why}); nothing to compare.")
    },
    ask_manager: "Manager's name: ",
    ask_pin: "Manager's PIN: ",
    not_manager: |name| format!("{name} is not an active manager. The ledger was not changed."),
    pin_refused: |why| format!("PIN refused: {why}. The ledger was not changed."),
    restored: |from, aside| {
        format!("The ledger was restored from {from}. The previous ledger is kept as {aside}.")
    },
    last_sale: |n, total| {
        format!("The last sale No. {n} {total} was saved; its receipt has been written.")
    },
    backup_at_close: |p| format!("Till closed. Backup: {p}"),
    backup_failed_at_close: |why| {
        format!("Till closed, but the BACKUP FAILED: {why}. Check the backup folder (Ctrl+O).")
    },
    backup_behind: |dir| {
        format!(
            "WARNING: the last day close has no backup in {dir}. Check the backup folder (Ctrl+O)."
        )
    },
    paper_renamed: |name, new| format!("{name} exists and was not overwritten; saved as {new}."),
    chain_problems_at_close: |n| {
        format!(
            "WARNING: the chain check at the close found {n} problem(s). Run: pojok verify --full"
        )
    },
    clock_behind: |last| {
        format!("The PC's clock reads earlier than the last entry ({last}): set it")
    },
    backup_folder_label: "Backup folder",
    backup_folder_hint: "empty: backups beside the ledger; e.g. a USB stick",
};
