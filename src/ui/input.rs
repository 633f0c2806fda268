//! Typing into a field: what an amount field takes, and the refusal said while typing goes on.

use super::note::Note;

pub fn type_into(field: &mut String, c: char, max: usize) {
    if field.chars().count() < max {
        field.push(c);
    }
}

/// What an amount field takes: digits and the marks of `Rp 15.000`. A minus is taken too, so
/// that `-5000` is refused whole as negative when it is read, not paid as 5.000.
pub fn amount_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | 'R' | 'r' | 'P' | 'p' | '-')
}

/// The one way a key reaches an amount field. Anything else is refused on the message
/// line, never dropped silently (`5o000` must not be paid as 5.000), and the note stays
/// while typing goes on (`refused`: the key refused since the last other key) so that it is
/// still there at Enter. Returns the note to show, if any.
pub fn type_amount(refused: Option<char>, field: &mut String, c: char, max: usize) -> Option<Note> {
    type_checked(refused, field, c, max, amount_char(c))
}

/// As `type_amount`, for a count of pieces: digits alone.
pub fn type_digits(refused: Option<char>, field: &mut String, c: char, max: usize) -> Option<Note> {
    type_checked(refused, field, c, max, c.is_ascii_digit())
}

fn type_checked(
    refused: Option<char>,
    field: &mut String,
    c: char,
    max: usize,
    allowed: bool,
) -> Option<Note> {
    if allowed {
        type_into(field, c, max);
    }
    let refused = if allowed { refused } else { Some(c) };
    refused.map(Note::DigitsOnly)
}

/// The field after (`forward`) or before `at` among `fields` that `visits` lets the cursor
/// onto, going round; `at` itself when no other field is visited.
pub fn step_field<F: Copy + PartialEq>(
    fields: &[F],
    at: F,
    forward: bool,
    visits: impl Fn(F) -> bool,
) -> F {
    let n = fields.len();
    let from = fields.iter().position(|f| *f == at).unwrap_or(0);
    (1..=n)
        .map(|i| {
            fields[if forward {
                (from + i) % n
            } else {
                (from + n - i) % n
            }]
        })
        .find(|f| visits(*f))
        .unwrap_or(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_goes_round_and_skips_the_fields_not_visited() {
        let fields = [1, 2, 3, 4];
        assert_eq!(step_field(&fields, 4, true, |_| true), 1);
        assert_eq!(step_field(&fields, 1, false, |_| true), 4);
        assert_eq!(step_field(&fields, 1, true, |f| f != 2), 3);
        assert_eq!(step_field(&fields, 3, false, |f| f != 2), 1);
        assert_eq!(
            step_field(&fields, 3, true, |f| f == 3),
            3,
            "alone, it stays"
        );
    }
}
