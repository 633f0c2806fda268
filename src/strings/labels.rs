//! Label sheets' words: `pojok labels` and the products screen's label key.

use super::lang::Lang;

pub struct LabelText {
    /// The sheet's file name when none is given: the date (YYYY-MM-DD).
    pub file_name: fn(&str) -> String,
    /// Labels, file.
    pub written: fn(usize, &str) -> String,
    /// Of them, how many products were just given the corner's own barcode.
    pub given: fn(usize) -> String,
    pub none: &'static str,
    /// Products asked for that carry their maker's barcode.
    pub makers: fn(&str) -> String,
}

impl Lang {
    pub fn labels(self) -> &'static LabelText {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

const ID: LabelText = LabelText {
    file_name: |date| format!("label-{date}.pdf"),
    written: |n, file| format!("{n} label ditulis ke {file}"),
    given: |n| format!("{n} produk baru diberi barcode pojok (20…), tercatat di riwayat"),
    none: "Tidak ada produk tanpa barcode yang cocok: tidak ada label yang dibuat",
    makers: |codes| format!("Dilewati, sudah punya barcode dari pembuatnya: {codes}"),
};

const EN: LabelText = LabelText {
    file_name: |date| format!("labels-{date}.pdf"),
    written: |n, file| format!("{n} labels written to {file}"),
    given: |n| format!("{n} products newly given a corner barcode (20…), recorded in the history"),
    none: "No matching product without a barcode: no labels made",
    makers: |codes| format!("Skipped, they carry their maker's barcode: {codes}"),
};
