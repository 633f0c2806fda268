//! `pojok verify`'s findings in words: the name of each check and what it found broken.

use crate::domain::{Broken, Rupiah};

/// A check's name as `verify` reports it (the ledger's names are English identifiers).
pub(super) fn check_id(check: &str) -> &str {
    match check {
        "line shares" => "bagi hasil baris",
        "line total" => "total baris",
        "sale total" => "total penjualan",
        "sale payments" => "pembayaran penjualan",
        "closed day" => "hari tertutup",
        "cash count" => "hitung kas",
        "stock" => "stok",
        "producer balance" => "saldo produsen",
        "users" => "pengguna",
        "approvals" => "persetujuan",
        "pin attempts" => "percobaan PIN",
        "returned part" => "bagian diretur",
        other => other,
    }
}

fn or_none_id(amount: Option<Rupiah>) -> String {
    amount.map_or_else(|| "tidak ada".to_string(), |a| a.to_string())
}

fn or_none_en(amount: Option<Rupiah>) -> String {
    amount.map_or_else(|| "nothing".to_string(), |a| a.to_string())
}

pub(super) fn broken_id(broken: &Broken) -> String {
    match broken {
        Broken::LineShares {
            producer,
            corner,
            total,
        } => format!("produsen {producer} + pojok {corner} bukan total baris {total}"),
        Broken::LineTotal {
            total,
            price,
            quantity,
            expected,
        } => format!(
            "{total} bukan {price} × {} = {expected}",
            quantity.number_text()
        ),
        Broken::SaleTotal { lines, sale } => {
            format!("jumlah baris {lines}, penjualan mencatat {sale}")
        }
        Broken::SalePayments { paid, sale } => {
            format!("pembayaran dikurangi kembalian {paid}, penjualan mencatat {sale}")
        }
        Broken::AfterClose { day } => format!("dicatat setelah hari {day} ditutup"),
        Broken::CashVariance {
            counted,
            expected,
            variance,
        } => format!("dihitung {counted} − seharusnya {expected} bukan selisih {variance}"),
        Broken::CashHistory { expected, now } => {
            format!("saat tutup seharusnya {expected}, riwayat hari itu sekarang berjumlah {now}")
        }
        Broken::Stock { code, kept, moves } => format!(
            "{code}: stok tercatat {}, gerak stoknya berjumlah {}",
            kept.number_text(),
            moves.number_text()
        ),
        Broken::UserUnrecorded => "tidak ada perubahan tercatat yang membuat pengguna ini".into(),
        Broken::UserDiffers => "nama, peran atau status aktif beda dengan riwayatnya".into(),
        Broken::UserPin => "PIN beda dengan riwayat pengguna".into(),
        Broken::NotManager { user } => {
            format!("disetujui oleh pengguna {user}, yang bukan pengelola")
        }
        Broken::CounterRemoved => {
            "penguncian tercatat, tetapi baris hitungan PIN salah milik pengguna dihapus".into()
        }
        Broken::DayBalance {
            date,
            kept,
            history,
        } => format!("utang pada akhir {date}: tersimpan {kept}, menurut riwayat {history}"),
        Broken::ReturnedPart {
            total,
            share,
            expected,
            expected_share,
        } => format!(
            "dikembalikan {total} (produsen {share}), menurut aturan {expected} (produsen {expected_share})"
        ),
        Broken::GoodsBack { moved, returned } => format!(
            "barang kembali {}, diretur {}",
            moved.number_text(),
            returned.number_text()
        ),
        Broken::PayoutBalance { kept, history } => format!(
            "utang sebelum pembayaran: tersimpan {}, menurut riwayat {}",
            or_none_id(*kept),
            or_none_id(*history)
        ),
    }
}

pub(super) fn broken_en(broken: &Broken) -> String {
    match broken {
        Broken::LineShares {
            producer,
            corner,
            total,
        } => format!("producer {producer} + corner {corner} is not the line total {total}"),
        Broken::LineTotal {
            total,
            price,
            quantity,
            expected,
        } => format!(
            "{total} is not {price} × {} = {expected}",
            quantity.number_text()
        ),
        Broken::SaleTotal { lines, sale } => format!("lines sum to {lines}, the sale says {sale}"),
        Broken::SalePayments { paid, sale } => {
            format!("payments net of change sum to {paid}, the sale says {sale}")
        }
        Broken::AfterClose { day } => format!("recorded after day {day} was closed"),
        Broken::CashVariance {
            counted,
            expected,
            variance,
        } => format!("counted {counted} − expected {expected} is not the variance {variance}"),
        Broken::CashHistory { expected, now } => {
            format!("expected {expected} at the close, the day's history now adds up to {now}")
        }
        Broken::Stock { code, kept, moves } => format!(
            "{code}: stock says {}, its moves add up to {}",
            kept.number_text(),
            moves.number_text()
        ),
        Broken::UserUnrecorded => "no recorded change creates this user".into(),
        Broken::UserDiffers => "name, role or active differs from the user's history".into(),
        Broken::UserPin => "the PIN differs from the user's history".into(),
        Broken::NotManager { user } => format!("approved by user {user}, who is not a manager"),
        Broken::CounterRemoved => {
            "a lockout is recorded, but the user's wrong-PIN counter row was removed".into()
        }
        Broken::DayBalance {
            date,
            kept,
            history,
        } => format!("owed at the end of {date}: kept {kept}, history says {history}"),
        Broken::ReturnedPart {
            total,
            share,
            expected,
            expected_share,
        } => format!(
            "reversed {total} (producer {share}), the rule says {expected} (producer {expected_share})"
        ),
        Broken::GoodsBack { moved, returned } => format!(
            "goods back {}, returned {}",
            moved.number_text(),
            returned.number_text()
        ),
        Broken::PayoutBalance { kept, history } => format!(
            "owed before it: kept {}, history says {}",
            or_none_en(*kept),
            or_none_en(*history)
        ),
    }
}
