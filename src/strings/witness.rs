//! Trust beyond the file: paper heads, backups as witnesses, day seals, the manager
//! at the command line.

/// `pojok verify --head/--against/--manager` and the manager's name and PIN asked by a CLI
/// command that writes history.
pub struct WitnessText {
    /// A printed head the file still holds.
    pub head_holds: fn(&str) -> String,
    /// The printed head, the sequence number it names.
    pub head_rewritten: fn(&str, i64) -> String,
    /// The printed head, its sequence number, where the file's chain ends now.
    pub head_missing: fn(&str, i64, i64) -> String,
    pub bad_head: fn(&str) -> String,
    pub cannot_read_heads: fn(&str, &str) -> String,
    /// The backup file, its entries.
    pub against_holds: fn(&str, i64) -> String,
    /// The backup file, the first differing sequence number, the entry as the backup has it.
    pub against_differs: fn(&str, i64, &str) -> String,
    /// The backup file, its entries, where the file's chain ends now.
    pub against_shorter: fn(&str, i64, i64) -> String,
    pub cannot_open_backup: fn(&str, &str) -> String,
    /// Days whose seal the manager's key confirms.
    pub seals_hold: fn(usize) -> String,
    /// A day whose seal does not match: its date.
    pub seal_broken: fn(&str) -> String,
    pub seal_key_replaced: &'static str,
    pub seal_key_missing: &'static str,
    /// Closed days no seal covers yet: their dates.
    pub unsealed: fn(&str) -> String,
    /// Seals that were not checked without a manager's PIN.
    pub seals_unchecked: fn(usize) -> String,
    /// Checks of the witnesses that failed.
    pub witnesses_failed: fn(usize) -> String,
    pub manager_prompt: &'static str,
    pub pin_prompt: fn(&str) -> String,
    pub manager_needed: &'static str,
    pub no_pin: &'static str,
    pub unknown_manager: fn(&str) -> String,
    pub not_a_manager: fn(&str) -> String,
    pub wrong_pin: fn(u32) -> String,
    pub locked_out: fn(&str) -> String,
    /// The manager's name: recorded as the one who did and approved it.
    pub signed_by: fn(&str) -> String,
    /// A chain entry recorded under a manager without the seal their PIN would have made.
    pub unsigned: fn(i64) -> String,
    /// Under the head on the Z report: this paper is the proof.
    pub z_proof: &'static str,
    pub recovery_title: &'static str,
    /// On the recovery code's paper: what it is for and how it is used.
    pub recovery_body: &'static str,
    pub recovery_prompt: &'static str,
    pub new_pin_prompt: &'static str,
    pub new_pin_again: &'static str,
    pub pins_differ: &'static str,
    pub wrong_recovery_code: &'static str,
    /// The manager whose PIN was set with the recovery code.
    pub recovered: fn(&str) -> String,
    pub bad_new_pin: &'static str,
    /// `--attendant` given to a command that writes history.
    pub attendant_gone: &'static str,
    /// A wrong PIN given to `verify`, which counts nothing.
    pub wrong_pin_seals: &'static str,
}

pub(super) const ID: WitnessText = WitnessText {
    head_holds: |head| format!("COCOK {head}: buku kas masih memuat entri ini dengan hash ini"),
    head_rewritten: |head, seq| {
        format!("TIDAK COCOK {head}: buku kas ditulis ulang pada atau sebelum entri #{seq}")
    },
    head_missing: |head, seq, last| {
        format!(
            "TIDAK COCOK {head}: buku kas tidak lagi memuat entri #{seq} (kini berakhir di \
             #{last}): entri dihapus"
        )
    },
    bad_head: |text| {
        format!("\"{text}\" bukan kepala rantai: tulis seperti di kertas, mis. 1c15f5d4d937#163")
    },
    cannot_read_heads: |file, e| format!("Daftar kepala rantai {file} tidak terbaca: {e}"),
    against_holds: |file, n| {
        format!("COCOK {file}: {n} entri cadangan ini masih sama persis di buku kas sekarang")
    },
    against_differs: |file, seq, entry| {
        format!("TIDAK COCOK {file}: buku kas berbeda mulai entri #{seq} ({entry} di cadangan)")
    },
    against_shorter: |file, n, last| {
        format!(
            "TIDAK COCOK {file}: cadangan memuat {n} entri, buku kas sekarang berakhir di \
             #{last}: entri dihapus"
        )
    },
    cannot_open_backup: |file, e| format!("Cadangan {file} tidak bisa dibuka: {e}"),
    seals_hold: |n| format!("COCOK segel: {n} penutupan hari cocok dengan kunci pengelola"),
    seal_broken: |date| {
        format!(
            "TIDAK COCOK segel {date}: riwayat sampai penutupan ini ditulis ulang tanpa PIN \
             pengelola"
        )
    },
    seal_key_replaced: "TIDAK COCOK: kunci segel tidak terbuka dengan PIN pengelola ini: kunci \
                        segel diganti",
    seal_key_missing: "Buku kas ini belum punya kunci segel (dibuat saat pengelola memasukkan \
                       PIN di kiosk)",
    unsealed: |dates| {
        format!("Belum disegel (pengelola belum memasukkan PIN sejak penutupan): {dates}")
    },
    seals_unchecked: |n| {
        format!(
            "{n} segel belum diperiksa: tambahkan --manager NAMA untuk memeriksanya dengan PIN \
             pengelola"
        )
    },
    witnesses_failed: |n| format!("{n} pemeriksaan tidak cocok"),
    manager_prompt: "Nama pengelola: ",
    pin_prompt: |name| format!("PIN {name}: "),
    manager_needed: "Perubahan ini perlu pengelola: jalankan dengan --manager NAMA (PIN diminta \
                     di terminal, atau dibaca dari standard input). Tidak ada yang diubah.",
    no_pin: "PIN tidak diberikan. Tidak ada yang diubah.",
    unknown_manager: |name| format!("Tidak ada pengguna bernama {name}. Tidak ada yang diubah."),
    not_a_manager: |name| format!("{name} bukan pengelola aktif. Tidak ada yang diubah."),
    wrong_pin: |left| {
        format!("PIN salah ({left} kali lagi sebelum dikunci). Tidak ada yang diubah.")
    },
    locked_out: |until| format!("Terlalu banyak PIN salah: terkunci sampai {until}."),
    signed_by: |name| format!("Dicatat atas nama dan persetujuan {name}."),
    unsigned: |seq| {
        format!(
            "TIDAK COCOK entri #{seq}: tercatat atas nama pengelola, tetapi tanpa segel yang \
             dibuat PIN-nya"
        )
    },
    z_proof: "Simpan kertas ini: kepala rantai di atas membuktikan buku kas belum diubah \
              (pojok verify --head).",
    recovery_title: "KODE PEMULIHAN PENGELOLA",
    recovery_body: "Jika PIN pengelola terlupa: pojok recover --manager NAMA, lalu ketik kode ini \
                    dan PIN baru. Kode ini hanya berlaku sekali. Simpan di tempat terkunci.",
    recovery_prompt: "Kode pemulihan: ",
    new_pin_prompt: "PIN baru (4-8 angka): ",
    new_pin_again: "Ulangi PIN baru: ",
    pins_differ: "Kedua PIN tidak sama. Tidak ada yang diubah.",
    wrong_recovery_code: "Kode pemulihan salah atau sudah dipakai. Tidak ada yang diubah.",
    recovered: |name| {
        format!("PIN baru {name} tersimpan; pemakaian kode pemulihan tercatat di riwayat.")
    },
    bad_new_pin: "PIN baru harus 4 sampai 8 angka. Tidak ada yang diubah.",
    attendant_gone: "--attendant tidak dipakai di sini: perubahan dicatat atas nama pengelola \
                     (--manager NAMA dan PIN-nya). Tidak ada yang diubah.",
    wrong_pin_seals: "PIN salah: segel tidak diperiksa.",
};

pub(super) const EN: WitnessText = WitnessText {
    head_holds: |head| format!("MATCH {head}: the ledger still holds this entry with this hash"),
    head_rewritten: |head, seq| {
        format!("MISMATCH {head}: the ledger was rewritten at or before entry #{seq}")
    },
    head_missing: |head, seq, last| {
        format!(
            "MISMATCH {head}: the ledger no longer holds entry #{seq} (it now ends at #{last}): \
             entries were removed"
        )
    },
    bad_head: |text| {
        format!("\"{text}\" is not a chain head: type it as on paper, e.g. 1c15f5d4d937#163")
    },
    cannot_read_heads: |file, e| format!("The list of heads {file} cannot be read: {e}"),
    against_holds: |file, n| {
        format!("MATCH {file}: the backup's {n} entries are unchanged in the ledger now")
    },
    against_differs: |file, seq, entry| {
        format!("MISMATCH {file}: the ledger differs from entry #{seq} on ({entry} in the backup)")
    },
    against_shorter: |file, n, last| {
        format!(
            "MISMATCH {file}: the backup holds {n} entries, the ledger now ends at #{last}: \
             entries were removed"
        )
    },
    cannot_open_backup: |file, e| format!("The backup {file} cannot be opened: {e}"),
    seals_hold: |n| format!("MATCH seals: {n} day closes match the manager's key"),
    seal_broken: |date| {
        format!(
            "MISMATCH seal of {date}: history up to this close was rewritten without the \
             manager's PIN"
        )
    },
    seal_key_replaced: "MISMATCH: the seal key does not open with this manager's PIN: the seal \
                        key was replaced",
    seal_key_missing: "This ledger has no seal key yet (made when a manager types their PIN in \
                       the kiosk)",
    unsealed: |dates| format!("Not sealed yet (no manager's PIN typed since the close): {dates}"),
    seals_unchecked: |n| {
        format!("{n} seals not checked: add --manager NAME to check them with the manager's PIN")
    },
    witnesses_failed: |n| format!("{n} checks do not match"),
    manager_prompt: "Manager's name: ",
    pin_prompt: |name| format!("{name}'s PIN: "),
    manager_needed: "This change needs the manager: run it with --manager NAME (the PIN is asked \
                     on the terminal, or read from standard input). Nothing was changed.",
    no_pin: "No PIN given. Nothing was changed.",
    unknown_manager: |name| format!("There is no user named {name}. Nothing was changed."),
    not_a_manager: |name| format!("{name} is not an active manager. Nothing was changed."),
    wrong_pin: |left| format!("Wrong PIN ({left} more before a lockout). Nothing was changed."),
    locked_out: |until| format!("Too many wrong PINs: locked until {until}."),
    signed_by: |name| format!("Recorded as done and approved by {name}."),
    unsigned: |seq| {
        format!("MISMATCH entry #{seq}: recorded under a manager, without the seal their PIN makes")
    },
    z_proof: "Keep this paper: the head above proves the ledger was not edited (pojok verify \
              --head).",
    recovery_title: "MANAGER RECOVERY CODE",
    recovery_body: "If the manager's PIN is forgotten: pojok recover --manager NAME, then type \
                    this code and a new PIN. The code works once. Keep it locked away.",
    recovery_prompt: "Recovery code: ",
    new_pin_prompt: "New PIN (4-8 digits): ",
    new_pin_again: "New PIN again: ",
    pins_differ: "The two PINs differ. Nothing was changed.",
    wrong_recovery_code: "Wrong recovery code, or it was used already. Nothing was changed.",
    recovered: |name| {
        format!("{name}'s new PIN is set; the use of the recovery code is in history.")
    },
    bad_new_pin: "A new PIN has 4 to 8 digits. Nothing was changed.",
    attendant_gone: "--attendant is not taken here: the change is recorded under the manager \
                     (--manager NAME and their PIN). Nothing was changed.",
    wrong_pin_seals: "Wrong PIN: the seals were not checked.",
};
