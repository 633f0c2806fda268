//! `pojok verify` in words: the file checked end to end, the name of each check and what
//! it found broken.

use crate::domain::{Broken, Rupiah};

/// `pojok verify`: the file checked end to end. Table names are the ledger's own.
pub struct VerifyText {
    /// Entries chained, the entries per table ("sales 12, sale_lines 30"), the chain head.
    pub clean: fn(i64, &str, &str) -> String,
    pub no_head: &'static str,
    pub integrity: fn(&str) -> String,
    /// Table, id, chain sequence number.
    pub changed: fn(&str, i64, i64) -> String,
    pub missing: fn(&str, i64, i64) -> String,
    pub broken: fn(i64) -> String,
    pub unknown_table: fn(i64, &str) -> String,
    pub unchained: fn(&str, i64) -> String,
    /// Table, id, the check's name (the ledger's), what it found.
    pub invariant: fn(&str, i64, &str, &Broken) -> String,
    pub problems: fn(usize) -> String,
    /// Chain entries checked, entries in all (the progress line on a terminal); once the
    /// chain is done, that the money, stock and file checks go on.
    pub progress: fn(i64, i64) -> String,
    /// The entry a check at a close vouched for (its sequence number) hashes otherwise now.
    pub rewritten_since_check: fn(i64) -> String,
    /// The chain was taken up at the last check at a close: its head and when it was made.
    pub since_check: fn(&str, &str) -> String,
}

pub(super) const ID: VerifyText = VerifyText {
    clean: |n, counts, head| {
        format!("OK: {n} entri dalam rantai hash ({counts}).\nKepala rantai: {head}")
    },
    no_head: "(kosong)",
    integrity: |text| format!("pemeriksaan integritas SQLite: {text}"),
    changed: |table, id, seq| format!("{table} {id}: diubah setelah dicatat (rantai #{seq})"),
    missing: |table, id, seq| format!("{table} {id}: dihapus (rantai #{seq})"),
    broken: |seq| format!("rantai #{seq}: tidak menyambung ke entri sebelumnya"),
    unknown_table: |seq, table| format!("rantai #{seq}: {table} bukan tabel riwayat"),
    unchained: |table, id| {
        format!("{table} {id}: tidak ada dalam rantai (ditambahkan di luar buku kas)")
    },
    invariant: |table, id, check, detail| {
        format!("{table} {id}: {}: {}", check_id(check), broken_id(detail))
    },
    problems: |n| format!("{n} masalah ditemukan."),
    progress: |done, all| {
        if done < all {
            format!("memeriksa rantai: {done} dari {all} entri")
        } else {
            format!("rantai: {all} dari {all} entri; kini saldo, stok dan berkas…")
        }
    },
    rewritten_since_check: |seq| {
        format!(
            "rantai #{seq}: buku kas ditulis ulang pada atau sebelum entri ini sejak \
             diperiksa saat tutup hari"
        )
    },
    since_check: |head, at| {
        format!(
            "Rantai diperiksa mulai pemeriksaan saat tutup hari {at} ({head}); \
             seluruh rantai dari awal: pojok verify --full"
        )
    },
};

pub(super) const EN: VerifyText = VerifyText {
    clean: |n, counts, head| {
        format!("OK: {n} entries in the hash chain ({counts}).\nChain head: {head}")
    },
    no_head: "(empty)",
    integrity: |text| format!("SQLite integrity check: {text}"),
    changed: |table, id, seq| format!("{table} {id}: changed after it was recorded (chain #{seq})"),
    missing: |table, id, seq| format!("{table} {id}: deleted (chain #{seq})"),
    broken: |seq| format!("chain #{seq}: does not follow the entry before it"),
    unknown_table: |seq, table| format!("chain #{seq}: {table} is not a history table"),
    unchained: |table, id| format!("{table} {id}: not in the chain (added outside the ledger)"),
    invariant: |table, id, check, detail| format!("{table} {id}: {check}: {}", broken_en(detail)),
    problems: |n| {
        if n == 1 {
            "1 problem found.".to_string()
        } else {
            format!("{n} problems found.")
        }
    },
    progress: |done, all| {
        if done < all {
            format!("checking the chain: {done} of {all} entries")
        } else {
            format!("chain: {all} of {all} entries; now balances, stock and the file…")
        }
    },
    rewritten_since_check: |seq| {
        format!(
            "chain #{seq}: the ledger was rewritten at or before this entry since a close checked it"
        )
    },
    since_check: |head, at| {
        format!(
            "Chain taken up from the check at the day close of {at} ({head}); \
             the whole chain from its start: pojok verify --full"
        )
    },
};

/// A check's name as `verify` reports it (the ledger's names are English identifiers).
fn check_id(check: &str) -> &str {
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

fn broken_id(broken: &Broken) -> String {
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

fn broken_en(broken: &Broken) -> String {
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
