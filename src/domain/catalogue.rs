//! Producers and products as the till sees them, and the in-memory index the till searches.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use serde::{Deserialize, Serialize};

use super::money::Rupiah;
use super::quantity::Unit;
use super::share::{Rate, ShareRule};
use super::stock::StockQuantity;

/// How a producer is paid: a commission percentage kept by the corner, or a fixed
/// producer price (harga setor) per product.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "scheme", rename_all = "snake_case")]
pub enum Scheme {
    Percentage { rate: Rate },
    ProducerPrice,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Producer {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub phone: String,
    #[serde(default)]
    pub address: String,
    /// Bank or e-wallet account for payouts, as the producer gave it.
    #[serde(default)]
    pub account: String,
    pub scheme: Scheme,
    #[serde(default = "active_by_default")]
    pub active: bool,
    /// Paid out at every closing rather than letting the balance run.
    #[serde(default)]
    pub payout_daily: bool,
}

fn active_by_default() -> bool {
    true
}

impl Producer {
    /// The producer's editable fields as they are now: the starting point of an edit.
    pub fn changes(&self) -> ProducerChanges {
        ProducerChanges {
            name: self.name.clone(),
            phone: self.phone.clone(),
            address: self.address.clone(),
            account: self.account.clone(),
            scheme: self.scheme,
            producer_prices: Vec::new(),
        }
    }
}

/// A producer to register. Codes are trimmed; their case is kept but not significant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewProducer {
    pub code: String,
    pub name: String,
    pub phone: String,
    pub address: String,
    pub account: String,
    pub scheme: Scheme,
}

/// A producer's editable fields as they should be after the edit (the code never changes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerChanges {
    pub name: String,
    pub phone: String,
    pub address: String,
    pub account: String,
    pub scheme: Scheme,
    /// Only when switching to producer price: the producer price of every product of this
    /// producer, by product code (a product without one could not be sold).
    pub producer_prices: Vec<(String, Rupiah)>,
}

/// A product to register under an existing producer's code. `producer_price` is required
/// exactly when that producer is paid by producer price (harga setor).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewProduct {
    pub code: String,
    pub barcode: Option<String>,
    pub name: String,
    /// Size or flavour, shown after the name; each variant is its own product.
    pub variant: String,
    pub unit: Unit,
    pub price: Rupiah,
    pub producer_code: String,
    pub producer_price: Option<Rupiah>,
    /// The shelf quantity under which the producer is rung; zero for none.
    pub min_stock: StockQuantity,
    /// Perishable: what is left goes back to the producer every afternoon.
    pub daily: bool,
}

/// A product's editable fields as they should be after the edit. The code, unit and
/// producer never change: stock and history are kept in them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductChanges {
    pub name: String,
    pub variant: String,
    pub barcode: Option<String>,
    pub price: Rupiah,
    pub producer_price: Option<Rupiah>,
    pub min_stock: StockQuantity,
    pub daily: bool,
}

/// A product as the catalogue screens show it, active or not, with every stored field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductRecord {
    pub id: i64,
    pub code: String,
    pub barcode: Option<String>,
    pub name: String,
    pub variant: String,
    pub unit: Unit,
    pub price: Rupiah,
    pub producer_price: Option<Rupiah>,
    pub producer_id: i64,
    pub producer_code: String,
    pub producer_name: String,
    pub min_stock: StockQuantity,
    pub daily: bool,
    pub active: bool,
    /// Whether its producer is active: a product sells only when both are.
    pub producer_active: bool,
}

impl ProductRecord {
    /// The product's editable fields as they are now: the starting point of an edit.
    pub fn changes(&self) -> ProductChanges {
        ProductChanges {
            name: self.name.clone(),
            variant: self.variant.clone(),
            barcode: self.barcode.clone(),
            price: self.price,
            producer_price: self.producer_price,
            min_stock: self.min_stock,
            daily: self.daily,
        }
    }
}

/// A recorded change of a product's selling or producer price.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PriceChange {
    pub at: NaiveDateTime,
    pub actor: String,
    pub old_price: Rupiah,
    pub new_price: Rupiah,
    pub old_producer_price: Option<Rupiah>,
    pub new_producer_price: Option<Rupiah>,
}

/// A recorded change of a producer's commission scheme or rate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RateChange {
    pub at: NaiveDateTime,
    pub actor: String,
    pub old: Scheme,
    pub new: Scheme,
}

/// A product ready to be sold: its producer and share rule already resolved, so a cart
/// line carries everything the sale will freeze.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub id: i64,
    pub code: String,
    pub barcode: Option<String>,
    pub name: String,
    /// Missing in drafts saved before variants existed.
    #[serde(default)]
    pub variant: String,
    pub unit: Unit,
    pub price: Rupiah,
    pub producer_id: i64,
    pub producer_code: String,
    pub producer_name: String,
    pub share: ShareRule,
}

impl Product {
    /// The name with its variant after it (`Kaos Semarang Hebat L`): what a receipt shows.
    pub fn full_name(&self) -> String {
        full_name(&self.name, &self.variant)
    }
}

/// `name variant`, or the name alone when there is no variant.
pub fn full_name(name: &str, variant: &str) -> String {
    if variant.is_empty() {
        name.to_string()
    } else {
        format!("{name} {variant}")
    }
}

/// Active products, indexed by code and barcode, with fuzzy search over names and codes.
/// Built once from the ledger and rebuilt when the catalogue changes — never a query per key.
pub struct Catalogue {
    products: Vec<Product>,
    by_code: HashMap<String, usize>,
    by_id: HashMap<i64, usize>,
    haystacks: Vec<String>,
    matcher: Matcher,
}

impl Catalogue {
    pub fn new(products: Vec<Product>) -> Catalogue {
        let by_id = products
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id, i))
            .collect();
        let mut by_code = HashMap::with_capacity(products.len() * 2);
        for (i, p) in products.iter().enumerate() {
            if let Some(barcode) = &p.barcode {
                by_code.insert(barcode.clone(), i);
            }
            // Codes win over barcodes if the two ever collide: codes are what people type.
            by_code.insert(p.code.to_uppercase(), i);
        }
        let haystacks = products
            .iter()
            .map(|p| format!("{} {} {}", p.code, p.full_name(), p.producer_name))
            .collect();
        Catalogue {
            products,
            by_id,
            by_code,
            haystacks,
            matcher: Matcher::new(Config::DEFAULT),
        }
    }

    pub fn len(&self) -> usize {
        self.products.len()
    }

    pub fn is_empty(&self) -> bool {
        self.products.is_empty()
    }

    pub fn products(&self) -> &[Product] {
        &self.products
    }

    /// The product as it is sold now, by its id; `None` once it is off the till.
    pub fn get(&self, id: i64) -> Option<&Product> {
        self.by_id.get(&id).map(|&i| &self.products[i])
    }

    /// Exact match on a code (any case) or a barcode, as typed or scanned.
    pub fn lookup(&self, code: &str) -> Option<&Product> {
        let code = code.trim();
        self.by_code
            .get(code)
            .or_else(|| self.by_code.get(&code.to_uppercase()))
            .map(|&i| &self.products[i])
    }

    /// Best matches first, at most `limit`.
    pub fn search(&mut self, query: &str, limit: usize) -> Vec<&Product> {
        // Only letters and digits carry meaning in a name search: other characters separate
        // words, and `Pattern::new` gives none of them operator meaning (`!`, `^`, `$`).
        let words: String = query
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect();
        if words.trim().is_empty() {
            return Vec::new();
        }
        let pattern = Pattern::new(
            &words,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        );
        let mut buf = Vec::new();
        let mut scored: Vec<(u32, usize)> = self
            .haystacks
            .iter()
            .enumerate()
            .filter_map(|(i, hay)| {
                pattern
                    .score(Utf32Str::new(hay, &mut buf), &mut self.matcher)
                    .map(|score| (score, i))
            })
            .collect();
        // Highest score first; ties keep catalogue order so the list does not jump around.
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        // Letters scattered far apart still "match" (k…o…p…i in "Kelompok Tani"); once
        // something matches well, such stragglers only push the right item off the list.
        let best = scored.first().map_or(0, |&(score, _)| score);
        scored
            .into_iter()
            .take_while(|&(score, _)| score * 3 >= best * 2)
            .take(limit)
            .map(|(_, i)| &self.products[i])
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    pub fn product(id: i64, code: &str, name: &str, unit: Unit, price: i64) -> Product {
        Product {
            id,
            code: code.to_string(),
            barcode: Some(format!("899{id:010}")),
            name: name.to_string(),
            variant: String::new(),
            unit,
            price: Rupiah(price),
            producer_id: 1,
            producer_code: "BUSRI".to_string(),
            producer_name: "Bu Sri".to_string(),
            share: ShareRule::Percentage {
                rate: Rate::from_basis_points(1500).unwrap(),
            },
        }
    }

    pub fn small() -> Catalogue {
        Catalogue::new(vec![
            product(1, "KLP", "Kue Lapis Legit", Unit::Pcs, 5_000),
            product(2, "KRP", "Keripik Pisang Coklat", Unit::Bks, 12_000),
            product(3, "BRS", "Beras Pandan Wangi", Unit::Kg, 14_500),
            product(4, "KPI", "Kopi Bubuk Robusta 200 g", Unit::Bks, 25_000),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

    #[test]
    fn looks_up_codes_in_any_case_and_barcodes() {
        let c = small();
        assert_eq!(c.lookup("klp").unwrap().id, 1);
        assert_eq!(c.lookup("KRP").unwrap().id, 2);
        assert_eq!(c.lookup("8990000000003").unwrap().id, 3);
        assert!(c.lookup("NOPE").is_none());
    }

    #[test]
    fn fuzzy_search_finds_by_part_of_a_name() {
        let mut c = small();
        let names: Vec<_> = c.search("kripik", 10).iter().map(|p| p.id).collect();
        assert_eq!(names.first(), Some(&2));
        let hits: Vec<_> = c.search("kopi", 10).iter().map(|p| p.id).collect();
        assert_eq!(hits.first(), Some(&4));
        assert!(c.search("zzzz", 10).is_empty());
        assert!(
            c.search("!@#$%^&()_=[]{}", 10).is_empty(),
            "symbols match nothing"
        );
        assert!(c.search("  ", 10).is_empty());
        assert_eq!(
            c.search("!kripik", 10).first().map(|p| p.id),
            Some(2),
            "symbols are word breaks, not operators"
        );

        // k…o…p…i is scattered through "Kelompok Tani": once a real match exists, that is noise.
        let mut beras = product(9, "BRS", "Beras Pandan Wangi", Unit::Kg, 15_000);
        beras.producer_name = "Kelompok Tani Makmur".into();
        let mut c = Catalogue::new(vec![
            beras,
            product(4, "KPI", "Kopi Bubuk Robusta", Unit::Bks, 25_000),
        ]);
        let hits: Vec<_> = c.search("kopi", 10).iter().map(|p| p.id).collect();
        assert_eq!(hits, [4]);
        // Alone, the scattered match is still offered rather than nothing.
        let hits: Vec<_> = c.search("kelompok", 10).iter().map(|p| p.id).collect();
        assert_eq!(hits, [9]);
    }

    #[test]
    fn a_variant_follows_the_name_and_is_searched() {
        let mut kaos = product(5, "KAOS-L", "Kaos Semarang Hebat", Unit::Pcs, 75_000);
        kaos.variant = "Merah L".into();
        assert_eq!(kaos.full_name(), "Kaos Semarang Hebat Merah L");
        assert_eq!(
            product(1, "KLP", "Kue Lapis", Unit::Pcs, 5_000).full_name(),
            "Kue Lapis"
        );
        let mut c = Catalogue::new(vec![
            product(1, "KLP", "Kue Lapis Legit", Unit::Pcs, 5_000),
            kaos,
        ]);
        let hits: Vec<_> = c.search("merah", 10).iter().map(|p| p.id).collect();
        assert_eq!(hits, [5]);
    }

    #[test]
    fn a_product_saved_before_variants_existed_still_reads() {
        let mut old =
            serde_json::to_value(product(1, "KLP", "Kue Lapis", Unit::Pcs, 5_000)).unwrap();
        old.as_object_mut().unwrap().remove("variant");
        let read: Product = serde_json::from_value(old).unwrap();
        assert_eq!(read.variant, "");
        assert_eq!(read.code, "KLP");
    }
}
