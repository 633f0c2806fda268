//! Producers and products as the till sees them, and the in-memory index the till searches.

use std::collections::HashMap;

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use serde::{Deserialize, Serialize};

use super::money::Rupiah;
use super::quantity::Unit;
use super::share::{Rate, ShareRule};

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
    pub scheme: Scheme,
}

/// A product ready to be sold: its producer and share rule already resolved, so a cart
/// line carries everything the sale will freeze.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub id: i64,
    pub code: String,
    pub barcode: Option<String>,
    pub name: String,
    pub unit: Unit,
    pub price: Rupiah,
    pub producer_id: i64,
    pub producer_code: String,
    pub producer_name: String,
    pub share: ShareRule,
}

/// Active products, indexed by code and barcode, with fuzzy search over names and codes.
/// Built once from the ledger and rebuilt when the catalogue changes — never a query per key.
pub struct Catalogue {
    products: Vec<Product>,
    by_code: HashMap<String, usize>,
    haystacks: Vec<String>,
    matcher: Matcher,
}

impl Catalogue {
    pub fn new(products: Vec<Product>) -> Catalogue {
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
            .map(|p| format!("{} {} {}", p.code, p.name, p.producer_name))
            .collect();
        Catalogue {
            products,
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
}
