//! The keys every filtered list screen shares: typing filters, Backspace takes a letter back,
//! ↑/↓ move the selection within what the filter lets through.

use super::Msg;
use super::input::type_into;

/// Whether `msg` is one of the keys `filter_key` takes.
pub(super) fn is_filter_key(msg: &Msg) -> bool {
    matches!(msg, Msg::Input(_) | Msg::Backspace | Msg::Up | Msg::Down)
}

/// Applies a filter key to a list's filter line (at most `max` characters) and its selected
/// row; `shown` is how many rows the filter lets through. A new filter starts at the top.
pub(super) fn filter_key(
    filter: &mut String,
    selected: &mut usize,
    shown: usize,
    max: usize,
    msg: &Msg,
) {
    match msg {
        Msg::Input(c) => {
            type_into(filter, *c, max);
            *selected = 0;
        }
        Msg::Backspace => {
            filter.pop();
            *selected = 0;
        }
        Msg::Up => *selected = selected.saturating_sub(1),
        Msg::Down if *selected + 1 < shown => *selected += 1,
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_filters_from_the_top_and_the_selection_stays_within_the_list() {
        let (mut filter, mut selected) = (String::new(), 0);
        for msg in [Msg::Down, Msg::Down, Msg::Down] {
            filter_key(&mut filter, &mut selected, 2, 9, &msg);
        }
        assert_eq!(selected, 1, "two rows: the second is the last");
        filter_key(&mut filter, &mut selected, 2, 3, &Msg::Input('a'));
        assert_eq!((filter.as_str(), selected), ("a", 0));
        for c in "bcd".chars() {
            filter_key(&mut filter, &mut selected, 2, 3, &Msg::Input(c));
        }
        assert_eq!(filter, "abc", "at most 3 characters");
        filter_key(&mut filter, &mut selected, 2, 3, &Msg::Backspace);
        filter_key(&mut filter, &mut selected, 2, 3, &Msg::Up);
        assert_eq!((filter.as_str(), selected), ("ab", 0));
        assert!(!is_filter_key(&Msg::Submit));
    }
}
