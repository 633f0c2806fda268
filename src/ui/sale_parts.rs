//! What the hub keeps of the sale screen between keys: the search list over the cart and the
//! panel of the sale just recorded. Answered and drawn in `sale`.

use std::path::PathBuf;

use super::failure::Failure;
use crate::domain::{Catalogue, Product, Rupiah};

/// More than a person reads; the list scrolls to the selection.
const SEARCH_LIMIT: usize = 50;

/// The sale just recorded, for the panel shown until the next key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Done {
    pub number: i64,
    pub total: Rupiah,
    pub change: Rupiah,
    pub receipt: Result<PathBuf, Failure>,
}

/// The search list; its query is the entry line, so typing refines it live.
pub struct SearchList {
    pub results: Vec<Product>,
    pub selected: usize,
}

impl SearchList {
    pub fn new(catalogue: &mut Catalogue, query: &str) -> SearchList {
        let mut list = SearchList {
            results: Vec::new(),
            selected: 0,
        };
        list.refresh(catalogue, query);
        list
    }

    pub fn refresh(&mut self, catalogue: &mut Catalogue, query: &str) {
        self.results = catalogue
            .search(query.trim(), SEARCH_LIMIT)
            .into_iter()
            .cloned()
            .collect();
        self.selected = 0;
    }
}
