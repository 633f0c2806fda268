//! Text for printers and the settings screen, and why a printout did not reach paper
//! or its file.

/// Why a printout did not reach paper, one sentence per cause (the print module's
/// `PrintError` picks one); `problem` is the `IoText` sentence.
pub struct PrintErrorText {
    pub not_configured: &'static str,
    pub no_pdf_command: &'static str,
    /// Device path, problem.
    pub device: fn(&str, &str) -> String,
    /// Address, problem.
    pub connect: fn(&str, &str) -> String,
    pub send: fn(&str, &str) -> String,
    /// Command, problem.
    pub spawn: fn(&str, &str) -> String,
    /// Command, its exit code if it had one.
    pub command_failed: fn(&str, Option<i32>) -> String,
    pub command_timed_out: fn(&str) -> String,
    /// A Windows printer by name, problem.
    pub spooler: fn(&str, &str) -> String,
}

/// What went wrong with a file, a device or a connection (the print module's `IoProblem`).
pub struct IoText {
    pub not_found: &'static str,
    pub denied: &'static str,
    pub refused: &'static str,
    pub timed_out: &'static str,
    /// Anything else: its kind and the system's error code.
    pub other: fn(&str) -> String,
}

/// Why a printout's file was not written: its name, and for anything else the problem's
/// kind (the print module's `FileError`).
pub struct FileText {
    pub disk_full: fn(&str) -> String,
    pub denied: fn(&str) -> String,
    pub missing_folder: fn(&str) -> String,
    pub other: fn(&str, &str) -> String,
}

/// Text for printers and the settings screen (printer settings, shop header).
pub struct PrinterText {
    /// Why a printout did not reach paper.
    pub error: PrintErrorText,
    /// What went wrong with a file, a device or a connection, put into the sentences above.
    pub io: IoText,
    /// Why a printout's file was not written.
    pub file: FileText,
    /// On the status line: the printer's failure, and that nothing is lost.
    pub print_failed: fn(&str) -> String,
    pub settings_title: &'static str,
    pub settings_loading: &'static str,
    pub shop_section: &'static str,
    pub printer_section: &'static str,
    /// Shop name, office, address, printer kind, paper, PDF command.
    pub labels: [&'static str; 6],
    /// What the printer's place is called, per kind (none, device, network, command,
    /// Windows printer).
    pub target_labels: [&'static str; 5],
    /// None, device, network, command, Windows printer.
    pub kind_names: [&'static str; 5],
    /// What to type as the printer's address, per kind.
    pub target_hints: [&'static str; 5],
    pub paper: fn(u16, usize) -> String,
    pub pdf_hint: &'static str,
    pub name_empty: &'static str,
    pub target_empty: &'static str,
    pub bad_host_port: fn(&str) -> String,
    pub settings_saved: &'static str,
    pub test_sent: &'static str,
    pub test_title: &'static str,
    pub test_body: &'static str,
    pub till_section: &'static str,
    /// The idle lock's minutes, the cash difference that needs the manager at a close.
    pub till_labels: [&'static str; 2],
    /// Who bears a count's shortfall unless the attendant switches it (F6).
    pub count_bears: fn(bool) -> String,
    pub bad_minutes: &'static str,
    pub bad_close_above: &'static str,
    /// The printers Windows has installed, under a Windows printer's name (none: how to add one).
    pub windows_printers: fn(&[String]) -> String,
}

pub(super) const ID: PrinterText = PrinterText {
    error: PrintErrorText {
        not_configured: "belum ada printer struk yang diatur (Ctrl+O Pengaturan)",
        no_pdf_command: "belum ada perintah cetak PDF yang diatur (Ctrl+O Pengaturan)",
        device: |path, problem| {
            format!("printer {path}: {problem}; periksa kabel dan daya printer")
        },
        connect: |address, problem| {
            format!(
                "printer jaringan {address} tidak bisa dihubungi: {problem}; periksa printer menyala dan alamatnya benar"
            )
        },
        send: |address, problem| format!("printer jaringan {address} berhenti menerima: {problem}"),
        spawn: |command, problem| {
            format!("perintah cetak \"{command}\" tidak bisa dijalankan: {problem}")
        },
        command_failed: |command, code| match code {
            Some(code) => format!("perintah cetak \"{command}\" gagal (kode {code})"),
            None => format!("perintah cetak \"{command}\" terhenti"),
        },
        command_timed_out: |command| {
            format!("perintah cetak \"{command}\" terlalu lama dan dihentikan")
        },
        spooler: |printer, problem| {
            format!(
                "printer Windows \"{printer}\": {problem}; periksa namanya di Pengaturan Windows > Printer"
            )
        },
    },
    io: IoText {
        not_found: "tidak ditemukan",
        denied: "akses ditolak",
        refused: "sambungan ditolak",
        timed_out: "tidak menjawab",
        other: |kind| format!("gangguan lain ({kind})"),
    },
    file: FileText {
        disk_full: |file| format!("{file}: disk penuh; kosongkan ruang disk"),
        denied: |file| format!("{file}: tidak ada izin menulis ke folder printouts"),
        missing_folder: |file| format!("{file}: folder printouts tidak ada"),
        other: |file, kind| format!("{file}: gangguan berkas ({kind})"),
    },
    print_failed: |e| {
        format!(
            "Tidak tercetak: {e}. Data tetap tercatat dan berkasnya tersimpan; cetak ulang struk: F6 lalu F9."
        )
    },
    settings_title: "Pengaturan",
    settings_loading: "Memuat pengaturan...",
    shop_section: "Kop toko (dicetak di setiap cetakan)",
    printer_section: "Printer struk dan PDF",
    labels: [
        "Nama toko",
        "OPD / kantor",
        "Alamat",
        "Jenis printer",
        "Kertas",
        "Perintah cetak PDF",
    ],
    target_labels: [
        "",
        "Perangkat",
        "Alamat printer",
        "Perintah",
        "Nama printer",
    ],
    kind_names: [
        "Tidak ada (hanya berkas)",
        "Perangkat (port/berkas)",
        "Jaringan (host:port)",
        "Perintah (spooler)",
        "Printer Windows",
    ],
    target_hints: [
        "",
        "mis. /dev/usb/lp0 atau COM3",
        "mis. 192.168.1.50:9100",
        "mis. lp -d kasir -o raw",
        "mis. POS-58, seperti di Pengaturan Windows > Printer",
    ],
    paper: |mm, columns| format!("{mm} mm ({columns} kolom)"),
    pdf_hint: "kosong: PDF hanya disimpan; mis. lp -d kantor",
    name_empty: "Nama toko wajib diisi.",
    target_empty: "Isi alamat printer, atau pilih jenis \"Tidak ada\" (F7).",
    bad_host_port: |text| format!("\"{text}\" bukan host:port (mis. 192.168.1.50:9100)."),
    settings_saved: "Pengaturan disimpan.",
    test_sent: "Cetak uji terkirim ke printer.",
    test_title: "CETAK UJI",
    test_body: "Jika tulisan ini terbaca utuh dan kertas terpotong, printer siap.",
    till_section: "Kasir",
    till_labels: ["Kunci otomatis (menit)", "Selisih perlu pengelola"],
    count_bears: |corner| {
        format!(
            "Kurang saat opname ditanggung {}",
            if corner { "pojok" } else { "produsen" }
        )
    },
    bad_minutes: "Menit kunci: angka 1 sampai 600.",
    bad_close_above: "Ketik batas selisih kas, misalnya 10.000 (0: selalu pengelola).",
    windows_printers: |names| match names {
        [] => "Windows belum punya printer: pasang driver printernya dulu".to_string(),
        names => format!("Terpasang: {}", names.join(", ")),
    },
};

pub(super) const EN: PrinterText = PrinterText {
    error: PrintErrorText {
        not_configured: "no receipt printer is set up (Ctrl+O Settings)",
        no_pdf_command: "no PDF print command is set up (Ctrl+O Settings)",
        device: |path, problem| {
            format!("printer {path}: {problem}; check the printer's cable and power")
        },
        connect: |address, problem| {
            format!(
                "network printer {address} cannot be reached: {problem}; check it is on and the address is right"
            )
        },
        send: |address, problem| {
            format!("network printer {address} stopped taking the printout: {problem}")
        },
        spawn: |command, problem| {
            format!("the print command \"{command}\" cannot be run: {problem}")
        },
        command_failed: |command, code| match code {
            Some(code) => format!("the print command \"{command}\" failed (code {code})"),
            None => format!("the print command \"{command}\" was stopped"),
        },
        command_timed_out: |command| {
            format!("the print command \"{command}\" took too long and was stopped")
        },
        spooler: |printer, problem| {
            format!(
                "Windows printer \"{printer}\": {problem}; check its name in Windows Settings > Printers"
            )
        },
    },
    io: IoText {
        not_found: "not found",
        denied: "access denied",
        refused: "connection refused",
        timed_out: "no answer",
        other: |kind| format!("another problem ({kind})"),
    },
    file: FileText {
        disk_full: |file| format!("{file}: the disk is full; free some space"),
        denied: |file| format!("{file}: no permission to write to the printouts folder"),
        missing_folder: |file| format!("{file}: no printouts folder"),
        other: |file, kind| format!("{file}: file problem ({kind})"),
    },
    print_failed: |e| {
        format!(
            "Not printed: {e}. Everything is recorded and the file is saved; reprint a receipt: F6 then F9."
        )
    },
    settings_title: "Settings",
    settings_loading: "Loading the settings...",
    shop_section: "Shop header (printed on every printout)",
    printer_section: "Receipt printer and PDF",
    labels: [
        "Shop name",
        "Office (OPD)",
        "Address",
        "Printer kind",
        "Paper",
        "PDF print command",
    ],
    target_labels: ["", "Device", "Printer at", "Command", "Printer name"],
    kind_names: [
        "None (files only)",
        "Device (port/file)",
        "Network (host:port)",
        "Command (spooler)",
        "Windows printer",
    ],
    target_hints: [
        "",
        "e.g. /dev/usb/lp0 or COM3",
        "e.g. 192.168.1.50:9100",
        "e.g. lp -d till -o raw",
        "e.g. POS-58, as in Windows Settings > Printers",
    ],
    paper: |mm, columns| format!("{mm} mm ({columns} columns)"),
    pdf_hint: "empty: PDFs are only saved; e.g. lp -d office",
    name_empty: "The shop name is required.",
    target_empty: "Type where the printer is, or choose the kind \"None\" (F7).",
    bad_host_port: |text| format!("\"{text}\" is not host:port (e.g. 192.168.1.50:9100)."),
    settings_saved: "Settings saved.",
    test_sent: "Test slip sent to the printer.",
    test_title: "TEST PRINT",
    test_body: "If this reads whole and the paper is cut, the printer is ready.",
    till_section: "Till",
    till_labels: ["Idle lock (minutes)", "Difference for manager"],
    count_bears: |corner| {
        format!(
            "A count's shortfall is borne by the {}",
            if corner { "corner" } else { "producer" }
        )
    },
    bad_minutes: "Lock minutes: a number from 1 to 600.",
    bad_close_above: "Type the cash difference, e.g. 10.000 (0: always the manager).",
    windows_printers: |names| match names {
        [] => "Windows has no printer yet: install the printer's driver first".to_string(),
        names => format!("Installed: {}", names.join(", ")),
    },
};
