//! ESC/POS bytes for 58 mm (32 columns) and 80 mm (48 columns) thermal printers, laid out by
//! the text renderer: initialise, the lines (the title bold and double height, totals and
//! marks bold), feed, cut.
//!
//! The handful of commands is written here rather than through the `escpos` crate: that
//! crate drives a device through its own `Driver` and text-encoding layer, and all that is
//! needed is five fixed byte sequences around lines the text renderer has already laid out.
//!
//! Thermal printers print a code page, not Unicode: text is transliterated to plain ASCII
//! before it is laid out (`é` → `e`, `“` → `"`, `…` → `...`), and anything with no ASCII
//! form becomes `?`. ASCII is the same in every code page, so no code page is selected.

use super::document::Document;
use super::format::char_width;
use super::text::{Emphasis, layout};

pub const ESC: u8 = 0x1b;
pub const GS: u8 = 0x1d;
const LF: u8 = b'\n';

/// `ESC @`: forget any mode left by an earlier job.
pub const INITIALISE: [u8; 2] = [ESC, b'@'];
const BOLD_ON: [u8; 3] = [ESC, b'E', 1];
const BOLD_OFF: [u8; 3] = [ESC, b'E', 0];
/// `GS ! 0x01`: double height, single width, so a title keeps the paper's column count.
const DOUBLE_HEIGHT: [u8; 3] = [GS, b'!', 0x01];
const NORMAL_SIZE: [u8; 3] = [GS, b'!', 0x00];
/// `GS V 66 n`: feed `n` dots past the cutter, then a partial cut (what a tear-off needs).
pub const FEED_AND_CUT: [u8; 4] = [GS, b'V', 66, 80];

/// The documents as one print job: each initialised, printed and cut on its own, so a run
/// of settlement slips comes out as one slip per producer.
pub fn render_escpos(docs: &[Document], columns: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for doc in docs {
        out.extend_from_slice(&INITIALISE);
        for (emphasis, line) in layout(&doc.map_text(ascii), columns) {
            let (on, off): (&[&[u8]], &[&[u8]]) = match emphasis {
                Emphasis::Plain | Emphasis::ChartRow => (&[], &[]),
                Emphasis::Chart { .. } => (&[&BOLD_ON], &[&BOLD_OFF]),
                Emphasis::Bold => (&[&BOLD_ON], &[&BOLD_OFF]),
                Emphasis::Title => (&[&BOLD_ON, &DOUBLE_HEIGHT], &[&NORMAL_SIZE, &BOLD_OFF]),
            };
            out.extend(on.concat());
            // The document already holds no control characters; this keeps the promise
            // here too, whatever the layout ever adds.
            out.extend(line.bytes().filter(|b| (0x20..0x7f).contains(b)));
            out.extend(off.concat());
            out.push(LF);
        }
        out.extend_from_slice(&FEED_AND_CUT);
    }
    out
}

/// The text in printable ASCII, each character by its nearest plain form.
pub fn ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            if !c.is_ascii_control() {
                out.push(c);
            }
            continue;
        }
        match c {
            'À'..='Å' => out.push('A'),
            'à'..='å' | 'ā' | 'ă' | 'ą' => out.push('a'),
            'Æ' => out.push_str("AE"),
            'æ' => out.push_str("ae"),
            'Ç' | 'Ć' | 'Č' => out.push('C'),
            'ç' | 'ć' | 'č' => out.push('c'),
            'È'..='Ë' | 'Ē' | 'Ę' | 'Ě' => out.push('E'),
            'è'..='ë' | 'ē' | 'ę' | 'ě' => out.push('e'),
            'Ì'..='Ï' | 'Ī' | 'İ' => out.push('I'),
            'ì'..='ï' | 'ī' | 'ı' => out.push('i'),
            'Ñ' | 'Ń' | 'Ň' => out.push('N'),
            'ñ' | 'ń' | 'ň' => out.push('n'),
            'Ò'..='Ö' | 'Ø' | 'Ō' | 'Ő' => out.push('O'),
            'ò'..='ö' | 'ø' | 'ō' | 'ő' => out.push('o'),
            'Ù'..='Ü' | 'Ū' | 'Ů' | 'Ű' => out.push('U'),
            'ù'..='ü' | 'ū' | 'ů' | 'ű' => out.push('u'),
            'Ý' | 'Ÿ' => out.push('Y'),
            'ý' | 'ÿ' => out.push('y'),
            'ß' => out.push_str("ss"),
            'Š' | 'Ś' => out.push('S'),
            'š' | 'ś' => out.push('s'),
            'Ž' | 'Ź' | 'Ż' => out.push('Z'),
            'ž' | 'ź' | 'ż' => out.push('z'),
            '‘' | '’' | '‚' | '′' | '´' | '`' => out.push('\''),
            '“' | '”' | '„' | '″' | '«' | '»' => out.push('"'),
            '‐' | '‑' | '‒' | '–' | '—' | '−' => out.push('-'),
            '…' => out.push_str("..."),
            '×' => out.push('x'),
            '÷' => out.push('/'),
            '·' | '•' => out.push('*'),
            '→' => out.push_str("->"),
            '←' => out.push_str("<-"),
            '°' => out.push('o'),
            '²' => out.push('2'),
            '³' => out.push('3'),
            '½' => out.push_str("1/2"),
            '€' => out.push_str("EUR"),
            '\u{a0}' | '\u{2007}' | '\u{202f}' => out.push(' '),
            // Combining accents (a decomposed `é`) and other zero-width marks: the letter
            // they sit on is already out.
            c if char_width(c) == 0 => {}
            _ => out.push('?'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterates_to_ascii() {
        assert_eq!(ascii("Sambal Roa Bu Éna"), "Sambal Roa Bu Ena");
        assert_eq!(ascii("e\u{301}clair"), "eclair");
        assert_eq!(ascii("“Kopi” – 2×"), "\"Kopi\" - 2x");
        assert_eq!(ascii("咖啡…"), "??...");
        assert_eq!(ascii("a\u{1b}b\u{7}"), "ab");
    }

    #[test]
    fn each_document_is_initialised_and_cut_and_the_title_stands_out() {
        let mut first = Document::new();
        first.title("Pojok").pair("Total", "Rp 1.000");
        let mut second = Document::new();
        second.emphasised_pair("TOTAL", "Rp 2.000");
        let bytes = render_escpos(&[first, second], 32);
        assert!(bytes.starts_with(&INITIALISE));
        assert!(bytes.ends_with(&FEED_AND_CUT));
        let inits = bytes.windows(2).filter(|w| *w == INITIALISE).count();
        let cuts = bytes.windows(4).filter(|w| *w == FEED_AND_CUT).count();
        assert_eq!((inits, cuts), (2, 2));
        let centered = format!("{}Pojok", " ".repeat((32 - 5) / 2));
        let title = [&[ESC, b'E', 1, GS, b'!', 1][..], centered.as_bytes()].concat();
        assert!(bytes.windows(title.len()).any(|w| w == title.as_slice()));
        let total = [&BOLD_ON[..], b"TOTAL"].concat();
        assert!(bytes.windows(total.len()).any(|w| w == total.as_slice()));
    }
}
