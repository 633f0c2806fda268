//! What the hub keeps of the sale screen between keys: the cart and the entry line, the
//! search list over the cart and the panel of the sale just recorded. Answered and drawn in
//! `sale`.

use std::path::PathBuf;

use super::failure::Failure;
use crate::domain::{Cart, Catalogue, Product, Rupiah};

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

/// What the sale screen owns while it answers a key: the cart being rung up and the entry
/// line. The hub keeps it in `App` between keys, where the rest of the till reads it, and
/// lends it to the screen while it answers a key.
#[derive(Default)]
pub struct Till {
    pub cart: Cart,
    /// The selected cart line.
    pub selected: usize,
    /// The entry line (`Kode / cari`); also the query while the search list is open.
    pub entry: String,
    /// The entry line holds refused text, shown selected: the next character typed replaces
    /// it, so a scan that follows is not glued onto it. Backspace and ←/→ keep it to edit.
    pub entry_selected: bool,
    /// The cart before `-` took one off its line: a digit next means a minus was typed.
    pub before_less: Option<Cart>,
}

impl Till {
    /// The cart changed: the runtime saves it so a power cut loses nothing.
    pub fn cart_changed(&self) -> Vec<super::effect::Effect> {
        vec![super::effect::Effect::SaveDraft(self.cart.clone())]
    }
}

/// The search list; its query is the entry line, so typing refines it live.
pub struct SearchList {
    pub results: Vec<Product>,
    pub selected: usize,
    /// The query changed: the hub refreshes the list from the catalogue.
    pub stale: bool,
}

impl SearchList {
    pub fn new(catalogue: &mut Catalogue, query: &str) -> SearchList {
        let mut list = SearchList {
            results: Vec::new(),
            selected: 0,
            stale: false,
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
        self.stale = false;
    }
}
