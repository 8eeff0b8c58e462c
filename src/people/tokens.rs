//! Splitting article text into words and punctuation with byte spans and sentence starts.

use std::ops::Deref;

use super::key::fold;

/// Longest folded word kept inline (no allocation); longer or non-ASCII ones are allocated.
const INLINE: usize = 22;

/// A folded word: the text itself when already folded, an inline lowercase copy of a short ASCII
/// word, or an allocated fold.
#[derive(Debug, Clone)]
pub(crate) enum Folded<'a> {
    Borrowed(&'a str),
    Inline { bytes: [u8; INLINE], len: u8 },
    Owned(String),
}

impl Deref for Folded<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Folded::Borrowed(s) => s,
            Folded::Inline { bytes, len } => bytes
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Folded::Owned(s) => s,
        }
    }
}

impl AsRef<str> for Folded<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq<&str> for Folded<'_> {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

/// A word or a punctuation mark of one segment, positioned in the whole article text.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    /// The word as written, without a possessive "'s"; the mark itself for punctuation.
    pub text: &'a str,
    /// Byte offsets in the article text (title + "\n" + blocks joined by "\n\n").
    pub start: usize,
    pub end: usize,
    /// Folded word (lowercase, no diacritics); empty for punctuation.
    pub folded: Folded<'a>,
    pub is_word: bool,
    /// A word starting with a capital letter (see [`Token::is_capitalised`]).
    pub capitalised: bool,
    /// First word of a sentence, where a capital says nothing about names.
    pub sentence_start: bool,
    /// The word was followed by "'s" (which is not part of `text`).
    pub possessive: bool,
}

impl Token<'_> {
    /// Starts with a capital letter ("Putin", "O'Brien", "W.", "US").
    pub fn is_capitalised(&self) -> bool {
        self.capitalised
    }

    /// Name initials: capitals each followed by a dot ("W.", "F.W."). "U.S." has the same shape;
    /// the place list tells it apart.
    pub fn is_initial(&self) -> bool {
        let bytes = self.text.as_bytes();
        (2..=6).contains(&bytes.len())
            && bytes
                .chunks(2)
                .all(|pair| matches!(pair, [c, b'.'] if c.is_ascii_uppercase()))
    }

    /// Two or more letters, all capitals ("US", "NATO", "U.S."): an acronym in running text.
    pub fn is_acronym(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2 && !self.text.chars().any(char::is_lowercase)
    }

    pub fn is_punct(&self, mark: char) -> bool {
        !self.is_word && self.text.starts_with(mark)
    }
}

/// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "col", "lt", "capt",
    "sgt", "prof", "rev", "fr", "maj", "adm", "brig", "cmdr", "mt", "ft", "no", "vs", "co", "corp",
    "inc", "ltd",
];

/// Splits `text` (which starts at byte `offset` of the article) into tokens. ASCII, the common
/// case, is read byte by byte; other characters are decoded.
pub(crate) fn tokenize(text: &str, offset: usize) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut sentence_start = true;
    let mut pos = 0;
    while let Some(c) = char_at(text, pos) {
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        if !c.is_alphanumeric() {
            let end = pos + c.len_utf8();
            tokens.push(punct(text.get(pos..end).unwrap_or_default(), offset + pos));
            if matches!(c, '.' | '!' | '?' | ';') {
                sentence_start = true;
            }
            pos = end;
            continue;
        }
        let end = word_end(text, pos);
        let token = word(
            text.get(pos..end).unwrap_or_default(),
            offset + pos,
            sentence_start,
        );
        sentence_start = false;
        pos = end;
        tokens.push(token);
    }
    tokens
}

/// The character starting at byte `i` (a char boundary), if any.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(i..)?.chars().next(),
        None => None,
    }
}

/// Where the word starting at `start` ends: letters and digits, with apostrophes, hyphens and dots
/// joining letters ("O'Brien", "Jean-Claude", "U.S"), plus the dot of an initial or abbreviation.
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    loop {
        // ASCII letters and digits, and ASCII that joins nothing, need no decoding.
        match bytes.get(end) {
            Some(b) if b.is_ascii_alphanumeric() => {
                end += 1;
                continue;
            }
            Some(&b) if b < 0x80 && !matches!(b, b'\'' | b'-' | b'.') => break,
            Some(_) => {}
            None => break,
        }
        let Some(c) = char_at(text, end) else { break };
        let joins = matches!(c, '\'' | '’' | '-' | '.')
            && char_at(text, end + c.len_utf8()).is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || joins {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    if text.as_bytes().get(end) != Some(&b'.') {
        return end;
    }
    let word = text.get(start..end).unwrap_or_default();
    let keeps_dot = word.chars().count() == 1 && word.chars().all(char::is_uppercase)
        || word.contains('.')
        || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    end + usize::from(keeps_dot)
}

fn word(raw: &str, start: usize, sentence_start: bool) -> Token<'_> {
    let stripped = if raw.ends_with(['s', 'S']) {
        ["'s", "’s", "'S", "’S"]
            .iter()
            .find_map(|s| raw.strip_suffix(s))
    } else {
        None
    };
    let text = stripped.filter(|t| !t.is_empty()).unwrap_or(raw);
    Token {
        text,
        start,
        end: start + text.len(),
        folded: fold_cheaply(text),
        is_word: true,
        capitalised: text.chars().next().is_some_and(char::is_uppercase),
        sentence_start,
        possessive: text.len() < raw.len(),
    }
}

/// Most words are already folded (lowercase ASCII): borrow those; copy short capitalised ASCII
/// words inline; allocate only for long or non-ASCII ones.
fn fold_cheaply(word: &str) -> Folded<'_> {
    if !word.is_ascii() {
        return Folded::Owned(fold(word));
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Folded::Borrowed(word);
    }
    let mut bytes = [0u8; INLINE];
    match bytes.get_mut(..word.len()) {
        Some(inline) => {
            inline.copy_from_slice(word.as_bytes());
            inline.make_ascii_lowercase();
            Folded::Inline {
                bytes,
                len: word.len() as u8,
            }
        }
        None => Folded::Owned(fold(word)),
    }
}

fn punct(mark: &str, start: usize) -> Token<'_> {
    Token {
        text: mark,
        start,
        end: start + mark.len(),
        folded: Folded::Borrowed(""),
        is_word: false,
        capitalised: false,
        sentence_start: false,
        possessive: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text, 0).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_keep_initials_abbreviations_and_joined_marks() {
        assert_eq!(
            texts("George W. Bush met Mr. O'Brien."),
            ["George", "W.", "Bush", "met", "Mr.", "O'Brien", "."]
        );
        assert_eq!(
            texts("Jean-Claude's U.S. trip"),
            ["Jean-Claude", "U.S.", "trip"]
        );
    }

    #[test]
    fn sentence_starts_and_offsets() {
        let tokens = tokenize("Hi there. Putin’s \"plan\"", 10);
        let putin = &tokens[3];
        assert_eq!((putin.text, putin.start, putin.end), ("Putin", 20, 25));
        assert!(putin.sentence_start && putin.possessive && !tokens[1].sentence_start);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "", "'", "’s", "A.", "é.", "-", "..", "x'’", "Ω’s", "\u{301}a",
        ] {
            let _ = tokenize(text, 0);
        }
    }
}
