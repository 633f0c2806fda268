//! The command line's help in words: each command and option by its place, clap's own fixed
//! words, and the refusals of a command line clap could not read.

use super::lang::Lang;

pub struct HelpText {
    /// A command's about (`import products`) or an option's help (`import products --dry_run`);
    /// `None`: the doc comment's English stands.
    pub text: fn(&str) -> Option<&'static str>,
    /// clap's own words as it writes them, and as they are said.
    pub clap_words: &'static [(&'static str, &'static str)],
    /// The placeholder of an option's value (`FILE`), as said; `None`: as written.
    pub value_name: fn(&str) -> Option<&'static str>,
    pub unknown_argument: fn(&str) -> String,
    pub unknown_command: fn(&str) -> String,
    /// The value, the option, the values it takes (or why it was refused).
    pub invalid_value: fn(&str, &str, &str) -> String,
    pub missing: fn(&str) -> String,
    /// An option given without its value.
    pub value_needed: fn(&str) -> String,
    pub bad_date: fn(&str) -> String,
    pub bad_lang: fn(&str) -> String,
    pub conflict: fn(&str) -> String,
    pub missing_command: &'static str,
    pub more_help: &'static str,
}

impl Lang {
    pub fn help(self) -> &'static HelpText {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

const ID: HelpText = HelpText {
    text: id_text,
    value_name: |name| {
        Some(match name {
            "NAME" | "ATTENDANT" => "NAMA",
            "FILE" | "HEADS_FILE" | "DB" | "OUT" => "BERKAS",
            "FOLDER" => "FOLDER",
            "CODES" => "KODE,…",
            "CODE" | "PRODUCER" => "KODE",
            "HEAD" => "KEPALA",
            "BACKUP" => "CADANGAN",
            "LANG" => "BAHASA",
            "PAPER" => "KERTAS",
            "DATE" => "TANGGAL",
            "FROM" => "DARI",
            "TO" => "SAMPAI",
            "FORMAT" => "BENTUK",
            "MONTH" => "BULAN",
            "PROGRAMME" => "PROGRAM",
            "SINCE" => "NOMOR",
            "YEARS" => "TAHUN",
            _ => return None,
        })
    },
    clap_words: &[
        ("Usage:", "Penggunaan:"),
        ("Commands:", "Perintah:"),
        ("Arguments:", "Argumen:"),
        ("Options:", "Opsi:"),
        ("[OPTIONS]", "[OPSI]"),
        ("<COMMAND>", "<PERINTAH>"),
        ("[COMMAND]", "[PERINTAH]"),
        (
            "Print this message or the help of the given subcommand(s)",
            "Tampilkan bantuan ini atau bantuan perintah yang disebut",
        ),
        ("Print help (see more with '--help')", "Tampilkan bantuan"),
        ("Print help (see a summary with '-h')", "Tampilkan bantuan"),
        ("Print help", "Tampilkan bantuan"),
        ("Print version", "Tampilkan versi"),
        ("[default: ", "[bawaan: "),
        ("[possible values: ", "[pilihan: "),
        ("[env: ", "[variabel lingkungan: "),
        ("error:", "galat:"),
        (
            "For more information, try '--help'.",
            "Untuk bantuan, tambahkan --help.",
        ),
    ],
    unknown_argument: |arg| format!("argumen tidak dikenal: '{arg}'"),
    unknown_command: |name| format!("perintah tidak dikenal: '{name}'"),
    invalid_value: |value, arg, valid| {
        format!("nilai '{value}' tidak berlaku untuk {arg} ({valid})")
    },
    missing: |args| format!("belum diberikan: {args}"),
    value_needed: |arg| format!("{arg} perlu nilai"),
    bad_date: |text| format!("\"{text}\" bukan tanggal: tulis 2026-11-23 atau 23-11-2026"),
    bad_lang: |text| format!("\"{text}\" bukan bahasa: tulis id atau en"),
    conflict: |arg| format!("{arg} tidak bisa dipakai bersama opsi lain yang diberikan"),
    missing_command: "perintahnya belum diberikan",
    more_help: "Untuk bantuan, tambahkan --help.",
};

const EN: HelpText = HelpText {
    text: |_| None,
    value_name: |_| None,
    clap_words: &[],
    unknown_argument: |arg| format!("unknown argument: '{arg}'"),
    unknown_command: |name| format!("unknown command: '{name}'"),
    invalid_value: |value, arg, valid| format!("'{value}' is not a value for {arg} ({valid})"),
    missing: |args| format!("not given: {args}"),
    value_needed: |arg| format!("{arg} needs a value"),
    bad_date: |text| format!("\"{text}\" is not a date: write 2026-11-23 or 23-11-2026"),
    bad_lang: |text| format!("\"{text}\" is not a language: write id or en"),
    conflict: |arg| format!("{arg} cannot be used with another option given"),
    missing_command: "no command given",
    more_help: "For more information, try '--help'.",
};

fn id_text(place: &str) -> Option<&'static str> {
    let exact = match place {
        "" => "Kiosk kasir Pojok UMKM: tanpa perintah, menjalankan kiosk pada buku kas",
        "demo" => {
            "Menjalankan kiosk pada buku kas contoh (berkas sementara, atau --db PATH yang diisi bila masih kosong)"
        }
        "demo --years" => {
            "Sebagai gantinya: tulis riwayat N tahun sebuah pojok yang ramai ke berkas baru --db PATH (120 produsen, 600 produk, ~300 penjualan sehari), lalu selesai"
        }
        "report" => "Laporan",
        "report day" => "Penjualan, pembatalan, pembayaran dan bagian produsen satu hari usaha",
        "report day --date" => {
            "Hari usaha (YYYY-MM-DD atau DD-MM-YYYY); bawaan: hari yang sedang buka, selain itu hari ini"
        }
        "report day --json" => "JSON untuk program lain, bukan tabel",
        "import" => {
            "Impor produsen, produk atau daftar titipan dari berkas CSV (kolom: lihat README)"
        }
        "import producers" => "code,name,phone,address,account,scheme,rate_percent",
        "import products" => {
            "code,barcode,name,variant,unit,price,producer,producer_price,min_stock,daily"
        }
        "import intake" => "producer,code,quantity,best_before: satu catatan titipan per produsen",
        "export" => {
            "Ekspor: katalog sebagai berkas CSV yang bisa diimpor kembali; penjualan, baris, pembayaran, stok, pembayaran produsen, koreksi atau kas suatu rentang tanggal sebagai CSV, xlsx atau JSON Lines; rantai hash sebagai JSON Lines untuk basis data pusat"
        }
        "export catalogue" => "producers.csv dan products.csv",
        "export catalogue --out" => {
            "Folder untuk producers.csv dan products.csv, atau NAMA.csv untuk NAMA-producers.csv dan NAMA-products.csv (bawaan: folder saat ini)"
        }
        "export sales" => {
            "Satu baris per penjualan (hari dan nomor), yang dibatalkan dan dikoreksi ditandai"
        }
        "export lines" => "Satu baris per baris penjualan: produk, produsen, jumlah, bagian",
        "export payments" => "Pembayaran penjualan dan pembayaran bon",
        "export stock" => "Gerak stok: titipan, penjualan, retur, rusak/kedaluwarsa, stok opname",
        "export payouts" => "Pembayaran ke produsen",
        "export corrections" => "Koreksi penjualan pada hari yang sudah ditutup",
        "export cash" => "Laci kas: modal awal, kas masuk dan keluar, hitungan saat tutup",
        "export all" => "Semua jenis di atas dalam satu buku kerja xlsx, satu lembar masing-masing",
        "export history" => {
            "Entri riwayat berantai setelah nomor urut tertentu, sebagai JSON Lines (lihat README)"
        }
        "export history --since" => "Entri setelah nomor urut rantai ini (0: semua)",
        "export history --format" => "Bentuk: jsonl",
        "export history --out" => {
            "Tulis ke berkas ini (bawaan: keluaran standar); tidak pernah ditimpa"
        }
        "verify" => {
            "Periksa buku kas dari awal sampai akhir (keutuhan, rantai hash, uang dan stok); keluar dengan kode bukan nol bila ada masalah; dengan --head atau --against, juga terhadap kertas dan cadangan lama"
        }
        "verify --full" => {
            "Hitung ulang seluruh rantai dari entri pertama, dengan pemeriksaan keutuhan SQLite (bawaan: rantai dilanjutkan dari pemeriksaan terakhir saat tutup hari)"
        }
        "verify --heads" => {
            "Kepala rantai yang tercetak di struk, slip atau laporan (mis. 1c15f5d4d937#163); boleh diberikan beberapa kali"
        }
        "verify --heads_file" => {
            "Berkas teks berisi kepala rantai, satu per baris (baris kosong dan yang diawali # dilewati)"
        }
        "verify --against" => {
            "Salinan buku kas yang lebih lama (cadangan): rantainya harus awal yang tidak berubah dari rantai berkas ini; boleh diberikan beberapa kali"
        }
        "verify --manager" => {
            "Periksa segel hari dengan PIN pengelola ini (ditanyakan di terminal, atau dibaca dari masukan standar); PIN tidak dihitung dan tidak ada yang ditulis"
        }
        "settlement" => {
            "Slip bagi hasil produsen untuk satu hari usaha (sudah ditutup: final; masih buka: pratinjau)"
        }
        "settlement --date" => "Hari usaha (YYYY-MM-DD atau DD-MM-YYYY)",
        "settlement --producer" => "Hanya slip produsen ini",
        "recovery-code" => {
            "Kode pemulihan sekali pakai yang baru untuk PIN pengelola yang terlupa (menanyakan PIN pengelola; kode lama yang belum dipakai tidak berlaku lagi)"
        }
        "recovery-code --manager" | "recover --manager" => "Nama pengelola",
        "recovery-code --out" => {
            "Tulis kertas kodenya ke berkas baru ini, bukan ke keluaran standar"
        }
        "recover" => {
            "Buat PIN baru bagi pengelola yang lupa PIN-nya, dengan kode pemulihan (sekali)"
        }
        "statement" => {
            "Rekening koran produsen untuk rentang tanggal: hari, gerak barang, bagian, pembayaran, saldo"
        }
        "statement --producer" => "Kode produsen",
        "statement --from" => "Hari pertama (YYYY-MM-DD atau DD-MM-YYYY)",
        "statement --to" => "Hari terakhir (YYYY-MM-DD atau DD-MM-YYYY)",
        "recap" => {
            "Rekap bulanan untuk Dinas: per UMKM penjualan, bagian, pembayaran dan saldo, dengan jumlah dan tempat tanda tangan"
        }
        "recap --month" => "Bulannya: 2026-11 atau 11-2026",
        "recap --format" => "Bentuk: pdf, xlsx, csv atau text80",
        "recap --out" => {
            "Tulis ke berkas ini (bawaan: rekap-YYYY-MM.pdf atau .xlsx di folder saat ini; text80 dan csv ke keluaran standar); berkas yang sudah ada tidak pernah ditimpa"
        }
        "recap --programme" => "Program yang disebut di rekap (bawaan: pengaturan buku kas)",
        "backup" => {
            "Salin buku kas, sudah diperiksa, ke folder cadangan (bisa selagi kiosk berjalan); menyimpan 14 salinan harian dan 12 bulanan terakhir"
        }
        "backup --to" => {
            "Folder cadangan (bawaan: yang diatur di Ctrl+O, selain itu backups/ di samping buku kas)"
        }
        "backup --check" => {
            "Daftar cadangan dengan kepala rantainya, dan periksa bahwa masing-masing masih lolos pemeriksaan"
        }
        "restore" => {
            "Pasang cadangan menggantikan buku kas: menyebut apa yang akan hilang, menanyakan nama dan PIN pengelola, dan menyimpan berkas sekarang sebagai pojok.db.before-restore-…"
        }
        "restore --file" => "Berkas cadangannya",
        "labels" => {
            "Selembar A4 label barcode (kode, nama, harga) untuk produk tanpa barcode; masing-masing mendapat kode EAN-13 internal (20…) sebagai barcodenya, sehingga kasir bisa memindainya"
        }
        "labels --producer" => "Hanya produk produsen ini",
        "labels --products" => "Hanya produk ini (kode dipisah koma)",
        "labels --format" => "Bentuk: pdf",
        "labels --out" => {
            "Tulis ke berkas ini (bawaan: label-YYYY-MM-DD.pdf di folder saat ini); berkas yang sudah ada tidak pernah ditimpa"
        }
        "labels --manager" => {
            "Pengelola yang memberi produk barcodenya: PIN-nya ditanyakan di terminal, atau dibaca dari masukan standar"
        }
        _ => "",
    };
    if !exact.is_empty() {
        return Some(exact);
    }
    // Options that mean the same wherever they appear.
    let (path, id) = place
        .rsplit_once(" --")
        .unwrap_or(("", place.trim_start_matches("--")));
    Some(match (path.split(' ').next().unwrap_or(""), id) {
        (_, "db") => "Berkas buku kas (bawaan: pojok.db di folder data sistem)",
        (_, "lang") => "Bahasa tampilan: id (Bahasa Indonesia) atau en (English)",
        (_, "attendant") => "Pengguna yang dipilih dulu di layar masuk (PIN tetap ditanyakan)",
        (_, "paper") => "Lebar kertas struk dalam mm: 58 (32 kolom) atau 80 (48 kolom)",
        ("import", "file") => "Berkas CSV (UTF-8, baris judul lebih dulu)",
        ("import", "dry_run") => "Tampilkan apa yang akan berubah; tidak mengubah apa pun",
        ("import", "skip_bad") => {
            "Impor baris yang baik dan laporkan yang buruk (bawaan: satu baris buruk membatalkan seluruh impor)"
        }
        ("import", "manager") => {
            "Pengelola yang membuat perubahan: PIN-nya ditanyakan di terminal, atau dibaca dari masukan standar (satu baris) bila itu bukan terminal"
        }
        ("export", "from") => "Hari usaha pertama (YYYY-MM-DD atau DD-MM-YYYY)",
        ("export", "to") => "Hari usaha terakhir (YYYY-MM-DD atau DD-MM-YYYY)",
        ("export", "format") => "Bentuk: csv, xlsx atau jsonl",
        ("export", "out") => {
            "Tulis ke berkas ini (bawaan: keluaran standar; xlsx ke JENIS-DARI-SAMPAI.xlsx); berkas yang sudah ada tidak pernah ditimpa"
        }
        ("export", "excel_id") => {
            "CSV untuk Excel berpengaturan Indonesia: titik koma dan koma desimal"
        }
        ("settlement" | "statement", "format") => {
            "Bentuk: text58 atau text80 (teks untuk kertas 58/80 mm), escpos, escpos58 atau escpos80 (printer termal), pdf (A4, satu dokumen per halaman)"
        }
        ("settlement" | "statement", "out") => "Tulis ke berkas ini, bukan ke keluaran standar",
        _ => return None,
    })
}
