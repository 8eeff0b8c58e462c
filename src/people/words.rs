//! What the running text itself says of words, read in one pass over its tokens: which candidate
//! words it also writes in lowercase, and which capitalised words it shows to be places.

use std::collections::HashSet;

use super::candidates::Candidate;
use super::key::surname_word_key;
use super::lexicon::FxBuild;
use super::resolve::{LowercaseWords, PlaceWords};
use super::tokens::Token;

/// Prepositions after which a lone capitalised word names a place ("in Velmora", "from Dravik").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "into",
    "across",
    "throughout",
    "near",
    "from",
    "outside",
];

/// The candidates' words written in lowercase in running text (see [`LowercaseFinder`]) and the
/// words the article shows to be places (see [`PlaceFinder`]). A lowercase word is never a
/// capitalised one, so each word token is read by one of the two.
pub(crate) fn article_words<'a>(
    candidates: &[Candidate],
    running: &[&[Token<'a>]],
) -> (LowercaseWords<'a>, PlaceWords) {
    let mut lowercase = LowercaseFinder::new(candidates);
    let mut places = PlaceFinder::default();
    for &tokens in running {
        for (i, t) in tokens.iter().enumerate() {
            if !t.is_word {
                continue;
            }
            if t.is_capitalised() {
                places.note(tokens, i);
            } else {
                lowercase.note(t);
            }
        }
    }
    (lowercase.found, places.finish(running))
}

/// The candidates' words that the article also writes in lowercase somewhere in running text:
/// "Revenue" opening a sentence is the common word "revenue", not a surname. Only candidate words
/// are ever looked up, so only they are collected (a filter by first letter and length skips most
/// words unhashed).
struct LowercaseFinder<'c, 'a> {
    wanted: HashSet<&'c str, FxBuild>,
    lengths_by_letter: [u64; 26],
    found: LowercaseWords<'a>,
}

impl<'c, 'a> LowercaseFinder<'c, 'a> {
    fn new(candidates: &[Candidate<'c>]) -> Self {
        let wanted: HashSet<&str, FxBuild> = candidates
            .iter()
            .flat_map(|c| c.words.iter().copied())
            .collect();
        let mut lengths_by_letter = [0u64; 26];
        for (letter, length_bit) in wanted.iter().filter_map(|w| slot(w)) {
            lengths_by_letter[letter] |= length_bit;
        }
        LowercaseFinder {
            wanted,
            lengths_by_letter,
            found: HashSet::with_hasher(FxBuild::default()),
        }
    }

    fn note(&mut self, t: &Token<'a>) {
        let Some((letter, length_bit)) = slot(t.text) else {
            return;
        };
        if self.lengths_by_letter[letter] & length_bit != 0 && self.wanted.contains(t.text) {
            self.found.insert(t.text);
        }
    }
}

/// A word's first letter (when an ASCII lowercase one) and its length as a bit.
fn slot(word: &str) -> Option<(usize, u64)> {
    let first = word.as_bytes().first().filter(|b| b.is_ascii_lowercase())?;
    Some((usize::from(first - b'a'), 1u64 << word.len().min(63)))
}

/// Keys of the single capitalised words the article itself shows to be places, whatever the lists
/// say: one written right after a place preposition and before a lowercase word or punctuation
/// ("in Dravik, ...", "from Ostravia on"), or one ending in "a" whose demonym (the word plus "n")
/// is written too ("Velmora" with "Velmoran", "Ostravia" with "Ostravian").
#[derive(Default)]
struct PlaceFinder<'a> {
    places: PlaceWords,
    /// Folded stems of the capitalised words that may be demonyms ("velmora" of "Velmoran").
    demonym_stems: HashSet<&'a str, FxBuild>,
}

impl<'a> PlaceFinder<'a> {
    /// Reads the capitalised word `tokens[i]`.
    fn note(&mut self, tokens: &'a [Token<'a>], i: usize) {
        let t = &tokens[i];
        if let Some(stem) = t.folded.strip_suffix('n') {
            if stem.ends_with('a') && stem.chars().count() >= 4 {
                self.demonym_stems.insert(stem);
            }
        }
        let after_preposition = i > 0
            && tokens[i - 1].is_word
            && PLACE_PREPOSITIONS.contains(&tokens[i - 1].folded.as_ref());
        let alone = tokens
            .get(i + 1)
            .is_none_or(|n| !n.is_word || !n.is_capitalised());
        if after_preposition && alone && !t.possessive && !t.is_acronym() {
            self.places.insert(surname_word_key(t.text));
        }
    }

    /// The places, with the capitalised words whose demonym was seen.
    fn finish(mut self, running: &[&[Token]]) -> PlaceWords {
        if !self.demonym_stems.is_empty() {
            let capitalised = running.iter().copied().flatten();
            for t in capitalised.filter(|t| t.is_word && t.is_capitalised()) {
                if self.demonym_stems.contains(t.folded.as_ref()) {
                    self.places.insert(surname_word_key(&t.folded));
                }
            }
        }
        self.places
    }
}
