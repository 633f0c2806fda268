//! English nouns that change with their count: `1 line`, `2 lines`.

/// `1 line`, `2 lines`.
pub(super) fn en_lines(n: usize) -> String {
    if n == 1 {
        "1 line".to_string()
    } else {
        format!("{n} lines")
    }
}
