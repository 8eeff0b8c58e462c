//! Splitting article text into words and punctuation with byte spans and sentence starts.

use std::borrow::Cow;
use std::cell::Cell;

use super::key::fold;
use super::lexicon::{lexicon, Facts};

/// A word or a punctuation mark of one segment, positioned in the whole article text.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    /// The word as written, without a possessive "'s"; the mark itself for punctuation.
    pub text: &'a str,
    /// Byte offsets in the article text (title + "\n" + blocks joined by "\n\n").
    pub start: usize,
    pub end: usize,
    /// Folded word (lowercase, no diacritics); empty for punctuation. Borrowed from the lowered
    /// text for ASCII words, the common case; allocated only for the others.
    pub folded: Cow<'a, str>,
    pub is_word: bool,
    /// A word starting with a capital letter (see [`Token::is_capitalised`]).
    pub capitalised: bool,
    /// First word of a sentence, where a capital says nothing about names.
    pub sentence_start: bool,
    /// The word was followed by "'s" (which is not part of `text`).
    pub possessive: bool,
    /// What the lists say of `folded`, once asked (see [`Token::facts`]).
    facts: Cell<Option<Facts>>,
}

impl Token<'_> {
    /// What the word lists say of the folded word, looked up on first use and kept.
    #[inline]
    pub fn facts(&self) -> Facts {
        if let Some(facts) = self.facts.get() {
            return facts;
        }
        let facts = lexicon().facts(&self.folded);
        self.facts.set(Some(facts));
        facts
    }

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

/// Splits `text` (which starts at byte `offset` of the article) into tokens, appended to `tokens`.
/// `lowered` is `text.to_ascii_lowercase()`: ASCII words, the common case, borrow their folded
/// form from it instead of allocating one. ASCII is read byte by byte; other characters decoded.
pub(crate) fn tokenize<'a>(
    text: &'a str,
    lowered: &'a str,
    offset: usize,
    tokens: &mut Vec<Token<'a>>,
) {
    debug_assert_eq!(text.len(), lowered.len());
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
        let (end, ascii) = word_end(text, pos);
        let span = Span {
            range: pos..end,
            offset,
            ascii,
        };
        tokens.push(word(text, lowered, span, sentence_start));
        sentence_start = false;
        pos = end;
    }
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
/// joining letters ("O'Brien", "Jean-Claude", "U.S"), plus the dot of an initial or abbreviation;
/// and whether the word is all ASCII.
fn word_end(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut ascii = true;
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
        ascii &= c.is_ascii();
        let joins = matches!(c, '\'' | '’' | '-' | '.')
            && char_at(text, end + c.len_utf8()).is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || joins {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    if text.as_bytes().get(end) != Some(&b'.') {
        return (end, ascii);
    }
    let word = text.get(start..end).unwrap_or_default();
    let keeps_dot = word.chars().count() == 1 && word.chars().all(char::is_uppercase)
        || word.contains('.')
        || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    (end + usize::from(keeps_dot), ascii)
}

/// Where a word is: its byte range in a segment starting at byte `offset` of the article, and
/// whether it is all ASCII.
struct Span {
    range: std::ops::Range<usize>,
    offset: usize,
    ascii: bool,
}

/// The word at `span` of `text`.
fn word<'a>(text: &'a str, lowered: &'a str, span: Span, sentence_start: bool) -> Token<'a> {
    let Span {
        range: span,
        offset,
        ascii,
    } = span;
    let raw = text.get(span.clone()).unwrap_or_default();
    let stripped = if raw.ends_with(['s', 'S']) {
        ["'s", "’s", "'S", "’S"]
            .iter()
            .find_map(|s| raw.strip_suffix(s))
    } else {
        None
    };
    let word = stripped.filter(|t| !t.is_empty()).unwrap_or(raw);
    let word_span = span.start..span.start + word.len();
    let folded = match lowered.get(word_span.clone()) {
        Some(lower) if ascii || word.is_ascii() => Cow::Borrowed(lower),
        _ => Cow::Owned(fold(word)),
    };
    let capitalised = match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    };
    Token {
        text: word,
        start: offset + word_span.start,
        end: offset + word_span.end,
        folded,
        is_word: true,
        capitalised,
        sentence_start,
        possessive: word.len() < raw.len(),
        facts: Cell::new(None),
    }
}

fn punct(mark: &str, start: usize) -> Token<'_> {
    Token {
        text: mark,
        start,
        end: start + mark.len(),
        folded: Cow::Borrowed(""),
        is_word: false,
        capitalised: false,
        sentence_start: false,
        possessive: false,
        facts: Cell::new(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Runs `f` on the tokens of `text` taken as a segment starting at byte `offset`.
    fn with_tokens<R>(text: &str, offset: usize, f: impl FnOnce(&[Token]) -> R) -> R {
        let lowered = text.to_ascii_lowercase();
        let mut tokens = Vec::new();
        tokenize(text, &lowered, offset, &mut tokens);
        f(&tokens)
    }

    fn texts(text: &str) -> Vec<String> {
        with_tokens(text, 0, |tokens| {
            tokens.iter().map(|t| t.text.to_string()).collect()
        })
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
        with_tokens("Hi there. Putin’s \"plan\"", 10, |tokens| {
            let putin = &tokens[3];
            assert_eq!((putin.text, putin.start, putin.end), ("Putin", 20, 25));
            assert!(putin.sentence_start && putin.possessive && !tokens[1].sentence_start);
        });
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "", "'", "’s", "A.", "é.", "-", "..", "x'’", "Ω’s", "\u{301}a",
        ] {
            with_tokens(text, 0, |_| ());
        }
    }

    proptest! {
        /// Borrowing folds from the lowered text gives what folding each word gives, and every
        /// token is the text at its span.
        #[test]
        fn folded_words_match_fold_and_spans_match_text(
            text in "([A-Za-z'’.\\- ]|[ÉéØøßΩ]|\\PC){0,40}",
            offset in 0usize..100,
        ) {
            with_tokens(&text, offset, |tokens| {
                for t in tokens {
                    prop_assert_eq!(text.get(t.start - offset..t.end - offset), Some(t.text));
                    let expected = if t.is_word { fold(t.text) } else { String::new() };
                    prop_assert_eq!(t.folded.as_ref(), expected.as_str());
                    let capital = t.text.chars().next().is_some_and(char::is_uppercase);
                    prop_assert_eq!(t.capitalised, t.is_word && capital);
                }
                Ok(())
            })?;
        }
    }
}
