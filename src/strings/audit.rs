//! The audit trail's descriptions in words: the keywords the ledger stores (payment methods,
//! kinds of stock moves, roles, settings) said in the UI language, the rest as recorded.

use super::lang::Lang;
use crate::domain::Detail;

/// Per language: a stored keyword by its column, and a setting's name by its key.
struct AuditWords {
    word: fn(&str, &str) -> Option<&'static str>,
    setting: fn(&str) -> Option<&'static str>,
}

const ID: AuditWords = AuditWords {
    word: |column, value| {
        Some(match (column, value) {
            (_, "cash") => "tunai",
            (_, "qris") => "QRIS",
            (_, "transfer") => "transfer",
            (_, "tab") => "bon",
            ("refund_method", "none") => "tanpa pengembalian uang",
            ("kind", "intake") => "titipan masuk",
            ("kind", "sale") => "terjual",
            ("kind", "void") => "batal jual",
            ("kind", "return") => "retur",
            ("kind", "write_off") => "rusak/kedaluwarsa",
            ("kind", "count") => "stok opname",
            ("direction", "in") => "kas masuk",
            ("direction", "out") => "kas keluar",
            ("change", "created") => "dibuat",
            ("change", "pin") => "ganti PIN",
            ("change", "deactivated") => "dinonaktifkan",
            ("role", "attendant") => "kasir",
            ("role", "manager") => "pengelola",
            _ => return None,
        })
    },
    setting: |key| {
        Some(match key {
            "shop.name" => "nama toko",
            "shop.office" => "instansi",
            "shop.address" => "alamat toko",
            "shop.programme" => "program",
            "printer.kind" => "jenis printer",
            "printer.target" => "alamat printer",
            "printer.paper" => "kertas printer",
            "printer.pdf_command" => "perintah PDF",
            "kiosk.lock_minutes" => "kunci otomatis (menit)",
            "kiosk.last_user" => "pengguna terakhir",
            "close.approval_above" => "selisih kas perlu pengelola",
            "backup.folder" => "folder cadangan",
            _ => return None,
        })
    },
};

const EN: AuditWords = AuditWords {
    word: |column, value| {
        Some(match (column, value) {
            (_, "cash") => "cash",
            (_, "qris") => "QRIS",
            (_, "transfer") => "transfer",
            (_, "tab") => "tab",
            ("refund_method", "none") => "no refund",
            ("kind", "intake") => "intake",
            ("kind", "sale") => "sale",
            ("kind", "void") => "void",
            ("kind", "return") => "return",
            ("kind", "write_off") => "write-off",
            ("kind", "count") => "stock count",
            ("direction", "in") => "cash in",
            ("direction", "out") => "cash out",
            ("change", "created") => "created",
            ("change", "pin") => "PIN changed",
            ("change", "deactivated") => "deactivated",
            ("role", "attendant") => "attendant",
            ("role", "manager") => "manager",
            _ => return None,
        })
    },
    setting: |key| {
        Some(match key {
            "shop.name" => "shop name",
            "shop.office" => "office",
            "shop.address" => "shop address",
            "shop.programme" => "programme",
            "printer.kind" => "printer kind",
            "printer.target" => "printer address",
            "printer.paper" => "printer paper",
            "printer.pdf_command" => "PDF command",
            "kiosk.lock_minutes" => "lock after (minutes)",
            "kiosk.last_user" => "last user",
            "close.approval_above" => "cash difference needing the manager",
            "backup.folder" => "backup folder",
            _ => return None,
        })
    },
};

/// The printer kinds as the ledger stores them, in the order of `PrinterText::kind_names`.
const PRINTER_KINDS: [&str; 5] = ["none", "device", "network", "command", "windows"];

impl Lang {
    fn audit_words(self) -> &'static AuditWords {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }

    /// An audit entry's description: its pieces joined by " · ".
    pub fn audit_details(self, details: &[Detail]) -> String {
        let pieces: Vec<String> = details.iter().map(|d| self.audit_detail(d)).collect();
        pieces.join(" · ")
    }

    fn audit_detail(self, detail: &Detail) -> String {
        let words = self.audit_words();
        match detail {
            Detail::Text(text) | Detail::Quantity(text) => text.clone(),
            Detail::Money(amount) => amount.to_string(),
            Detail::Number(n) => format!("No. {n}"),
            Detail::Sale { number, date } => format!("No. {number} {date}"),
            Detail::Word { column, value } => {
                (words.word)(column, value).map_or_else(|| value.clone(), str::to_string)
            }
            Detail::Rate(bp) => rate_text(*bp),
            Detail::Setting(key) => {
                (words.setting)(key).map_or_else(|| key.clone(), str::to_string)
            }
            Detail::SettingValue { key, value } => match PRINTER_KINDS
                .iter()
                .position(|k| k == value)
            {
                Some(i) if key == "printer.kind" => self.text().printer.kind_names[i].to_string(),
                _ => value.clone(),
            },
            Detail::Column { name, value } => format!("{name}={value}"),
            Detail::Gone => "∅".to_string(),
            Detail::Unknown => "?".to_string(),
        }
    }
}

/// `15%`, `12,5%` from hundredths of a percent.
fn rate_text(bp: i64) -> String {
    let (whole, rest) = (bp / 100, (bp % 100).abs());
    match rest {
        0 => format!("{whole}%"),
        r if r % 10 == 0 => format!("{whole},{}%", r / 10),
        r => format!("{whole},{r:02}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Rupiah;

    fn word(column: &str, value: &str) -> Detail {
        Detail::Word {
            column: column.into(),
            value: value.into(),
        }
    }

    #[test]
    fn stored_keywords_are_said_in_the_ui_language_and_typed_text_is_kept() {
        let payment = [word("method", "cash"), Detail::Money(Rupiah(7_500))];
        assert_eq!(Lang::Id.audit_details(&payment), "tunai · Rp 7.500");
        assert_eq!(Lang::En.audit_details(&payment), "cash · Rp 7.500");
        let put_back = [
            Detail::Text("LMPR".into()),
            word("kind", "void"),
            Detail::Quantity("2".into()),
        ];
        assert_eq!(Lang::Id.audit_details(&put_back), "LMPR · batal jual · 2");
        assert_eq!(Lang::En.audit_details(&put_back), "LMPR · void · 2");
        let printer = [
            Detail::Setting("printer.kind".into()),
            Detail::SettingValue {
                key: "printer.kind".into(),
                value: "none".into(),
            },
            Detail::SettingValue {
                key: "printer.kind".into(),
                value: "network".into(),
            },
        ];
        assert_eq!(
            Lang::Id.audit_details(&printer),
            "jenis printer · Tidak ada (hanya berkas) · Jaringan (host:port)"
        );
        assert!(
            Lang::En
                .audit_details(&printer)
                .starts_with("printer kind · ")
        );
        // A reason typed by a person is theirs: never translated.
        let typed = [Detail::Text("cash".into())];
        assert_eq!(Lang::Id.audit_details(&typed), "cash");
        let rate = [Detail::Rate(1500), Detail::Rate(1250), Detail::Rate(1205)];
        assert_eq!(Lang::Id.audit_details(&rate), "15% · 12,5% · 12,05%");
    }

    /// Every keyword the ledger's CHECK constraints allow has words in both languages.
    #[test]
    fn every_stored_keyword_has_words() {
        let allowed: &[(&str, &[&str])] = &[
            ("method", &["cash", "qris", "transfer", "tab"]),
            (
                "refund_method",
                &["cash", "qris", "transfer", "tab", "none"],
            ),
            (
                "kind",
                &["intake", "sale", "void", "return", "write_off", "count"],
            ),
            ("direction", &["in", "out"]),
            ("change", &["created", "pin", "deactivated"]),
            ("role", &["attendant", "manager"]),
        ];
        for lang in [Lang::Id, Lang::En] {
            for (column, values) in allowed {
                for value in *values {
                    assert!(
                        (lang.audit_words().word)(column, value).is_some(),
                        "{lang:?} {column} {value}"
                    );
                }
            }
        }
        assert_eq!((ID.word)("kind", "sale"), Some("terjual"));
    }
}
