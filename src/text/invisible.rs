//! The one list of invisible characters: those that can reorder, hide or split text without
//! showing. The sanitizer drops them, links holding them are refused, JSON output escapes them.
//!
//! The zero-width joiner and non-joiner (U+200D, U+200C) are not on it: they are part of
//! ordinary text (emoji sequences such as 👨‍👩‍👧, Persian and Indic words) and reorder nothing.
//! A link refuses them too ([`is_joiner`]).

/// Whether `c` is invisible on a terminal yet changes what text means or how it lines up:
/// bidi embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E/F,
/// U+061C), the zero-width space (U+200B), the line and paragraph separators
/// (U+2028/2029), word joiner and invisible operators (U+2060–U+2064), the BOM (U+FEFF) and
/// the soft hyphen (U+00AD).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{61C}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// The zero-width non-joiner and joiner: kept in text, refused in links.
pub fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

#[cfg(test)]
mod tests {
    use super::{is_invisible, is_joiner};

    #[test]
    fn the_list_holds_every_family_and_nothing_visible() {
        for c in [
            '\u{AD}', '\u{61C}', '\u{200B}', '\u{200E}', '\u{200F}', '\u{2028}', '\u{2029}',
            '\u{202A}', '\u{202E}', '\u{2060}', '\u{2064}', '\u{2066}', '\u{2069}', '\u{FEFF}',
        ] {
            assert!(is_invisible(c), "{:04X}", c as u32);
        }
        for c in [
            'a', ' ', '\n', 'é', '東', '\u{2010}', '\u{2065}', '\u{2070}', '\u{202F}',
        ] {
            assert!(!is_invisible(c), "{:04X}", c as u32);
        }
        for c in ['\u{200C}', '\u{200D}'] {
            assert!(!is_invisible(c) && is_joiner(c), "{:04X}", c as u32);
        }
    }
}
