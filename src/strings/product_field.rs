//! The product form's field labels (the ui's `ProductField` picks one).

/// The product form's field labels (the ui's `ProductField` picks one).
pub struct ProductFieldText {
    pub code: &'static str,
    pub barcode: &'static str,
    pub name: &'static str,
    pub variant: &'static str,
    pub unit: &'static str,
    pub price: &'static str,
    pub producer: &'static str,
    pub producer_price: &'static str,
    pub minimum: &'static str,
    pub daily: &'static str,
}

pub(super) const ID: ProductFieldText = ProductFieldText {
    code: "Kode",
    barcode: "Barcode",
    name: "Nama",
    variant: "Varian (ukuran/rasa)",
    unit: "Satuan",
    price: "Harga jual",
    producer: "Produsen",
    producer_price: "Harga setor",
    minimum: "Stok minimum",
    daily: "Harian",
};

pub(super) const EN: ProductFieldText = ProductFieldText {
    code: "Code",
    barcode: "Barcode",
    name: "Name",
    variant: "Variant (size/flavour)",
    unit: "Unit",
    price: "Selling price",
    producer: "Producer",
    producer_price: "Producer price",
    minimum: "Minimum stock",
    daily: "Daily",
};
