//! The filtered list the list screens share: what the runtime loaded (nothing yet while it
//! loads), the filter typing fills, and the selected row within what the filter lets through.
//! Typing filters, Backspace takes a letter back, ↑/↓ move the selection.

use super::input::type_into;
use super::msg::Key;

/// A loaded list with a filter and a selection. `matches` says whether an item goes through
/// a filter (given trimmed and in lower case, never empty).
pub struct FilteredList<T> {
    /// `None` until the runtime has loaded them.
    pub items: Option<Vec<T>>,
    pub filter: String,
    /// Index into the items the filter lets through.
    pub selected: usize,
    matches: fn(&T, &str) -> bool,
}

impl<T> FilteredList<T> {
    pub fn loading(matches: fn(&T, &str) -> bool) -> FilteredList<T> {
        FilteredList {
            items: None,
            filter: String::new(),
            selected: 0,
            matches,
        }
    }

    /// Fresh items keep the filter and, as far as it still exists, the selection.
    pub fn loaded(&mut self, items: Vec<T>) {
        self.items = Some(items);
        self.selected = self.selected.min(self.shown().len().saturating_sub(1));
    }

    pub fn shown(&self) -> Vec<&T> {
        self.shown_by(self.matches)
    }

    pub fn current(&self) -> Option<&T> {
        self.shown().get(self.selected).copied()
    }

    /// What stands where the rows would be: `loading` until the items come, `none` when the
    /// filter lets nothing through; `None` when there are rows to draw.
    pub fn placeholder<'a>(&self, loading: &'a str, none: &'a str) -> Option<&'a str> {
        match &self.items {
            None => Some(loading),
            Some(_) if self.shown().is_empty() => Some(none),
            Some(_) => None,
        }
    }

    /// Takes a filter key (at most `max` characters typed); false for any other key.
    pub fn key(&mut self, msg: &Key, max: usize) -> bool {
        self.key_by(msg, max, self.matches)
    }

    // A list whose rows are matched as they read on screen, in the UI language, passes its
    // matcher at each call through these: the language is known only then.

    pub fn shown_by(&self, matches: impl Fn(&T, &str) -> bool) -> Vec<&T> {
        let filter = self.filter.trim().to_lowercase();
        self.items
            .iter()
            .flatten()
            .filter(|item| filter.is_empty() || matches(item, &filter))
            .collect()
    }

    pub fn key_by(&mut self, msg: &Key, max: usize, matches: impl Fn(&T, &str) -> bool) -> bool {
        if !is_filter_key(msg) {
            return false;
        }
        let shown = self.shown_by(matches).len();
        filter_key(&mut self.filter, &mut self.selected, shown, max, msg);
        true
    }
}

/// Whether any of `fields` contains the filter (already in lower case).
pub fn any_contains(fields: &[&str], filter: &str) -> bool {
    fields
        .iter()
        .any(|field| field.to_lowercase().contains(filter))
}

/// Whether `msg` is one of the keys `filter_key` takes.
pub(super) fn is_filter_key(msg: &Key) -> bool {
    matches!(msg, Key::Input(_) | Key::Backspace | Key::Up | Key::Down)
}

/// Applies a filter key to a list's filter line (at most `max` characters) and its selected
/// row; `shown` is how many rows the filter lets through. A new filter starts at the top.
pub(super) fn filter_key(
    filter: &mut String,
    selected: &mut usize,
    shown: usize,
    max: usize,
    msg: &Key,
) {
    match msg {
        Key::Input(c) => {
            type_into(filter, *c, max);
            *selected = 0;
        }
        Key::Backspace => {
            filter.pop();
            *selected = 0;
        }
        Key::Up => *selected = selected.saturating_sub(1),
        Key::Down if *selected + 1 < shown => *selected += 1,
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_filters_from_the_top_and_the_selection_stays_within_the_list() {
        let (mut filter, mut selected) = (String::new(), 0);
        for msg in [Key::Down, Key::Down, Key::Down] {
            filter_key(&mut filter, &mut selected, 2, 9, &msg);
        }
        assert_eq!(selected, 1, "two rows: the second is the last");
        filter_key(&mut filter, &mut selected, 2, 3, &Key::Input('a'));
        assert_eq!((filter.as_str(), selected), ("a", 0));
        for c in "bcd".chars() {
            filter_key(&mut filter, &mut selected, 2, 3, &Key::Input(c));
        }
        assert_eq!(filter, "abc", "at most 3 characters");
        filter_key(&mut filter, &mut selected, 2, 3, &Key::Backspace);
        filter_key(&mut filter, &mut selected, 2, 3, &Key::Up);
        assert_eq!((filter.as_str(), selected), ("ab", 0));
        assert!(!is_filter_key(&Key::Submit));
    }
}
