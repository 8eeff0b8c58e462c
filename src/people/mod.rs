//! People mentioned in an article: finding names in running text and settling one canonical name each.
//!
//! Rules and small word lists (`assets/people/`, see `assets/README.md`), no model:
//! - `tokens` splits text into words with byte spans and sentence starts;
//! - `candidates` takes runs of capitalised words and cuts them at titles, places, organisation
//!   words and nationalities ("British Prime Minister Keir Starmer" gives "Keir Starmer");
//! - `context` reads the words around a candidate: a title or role before it, a speech verb, an
//!   apposition, a results-table bracket or scoring minute, a nationality;
//! - `resolve` accepts a run of two or more name words when a given name, an initial, the context,
//!   a list it stands in or a later use of its surname vouches for it; counts a lone surname for the
//!   person introduced with it (nearest before, else first after), or as a person of its own with
//!   strong context ("President Putin", "Putin said"); and counts Title-Case lines (the title,
//!   crossheads, all-capital blocks) only where they spell someone already found.
//!
//! Every name form seen becomes an alias (first seen first; forms differing only in case are one);
//! the canonical name is the longest form. [`same_person`] is the conservative test the store uses
//! to merge people across articles.

mod candidates;
mod context;
mod key;
mod lexicon;
mod merge;
mod resolve;
mod tokens;

pub use key::{person_key, surname_key};
pub use merge::same_person;

use std::collections::HashSet;

use crate::model::{Block, BlockKind, PersonMention};
use lexicon::FxBuild;

/// Finds the people mentioned in an article's title and body, most mentioned first (ties: first
/// mentioned first). Positions are byte offsets into title + "\n" + blocks joined by "\n\n".
pub fn extract(title: &str, body: &[Block]) -> Vec<PersonMention> {
    let mut candidates = Vec::new();
    let mut headlines = Vec::new();
    let mut running = Vec::new();
    for (offset, text, headline) in segments(title, body) {
        let tokens = tokens::tokenize(text, offset);
        if headline {
            headlines.push(tokens);
        } else {
            candidates.extend(candidates::find_candidates(text, offset, &tokens));
            running.push(tokens);
        }
    }
    let lowercase_words = lowercase_words(&candidates, &running);
    let places = place_words(&running);
    resolve::resolve(&candidates, &headlines, &lowercase_words, &places)
}

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

/// Keys of the single capitalised words the article itself shows to be places, whatever the lists
/// say: one written right after a place preposition and before a lowercase word or punctuation
/// ("in Dravik, ...", "from Ostravia on"), or one ending in "a" whose demonym (the word plus "n")
/// is written too ("Velmora" with "Velmoran", "Ostravia" with "Ostravian").
fn place_words(running: &[Vec<tokens::Token>]) -> HashSet<String, FxBuild> {
    let mut places = HashSet::with_hasher(FxBuild::default());
    let mut capitalised = HashSet::with_hasher(FxBuild::default());
    for tokens in running {
        for (i, t) in tokens.iter().enumerate() {
            if !t.is_word || !t.is_capitalised() {
                continue;
            }
            capitalised.insert(t.folded.as_ref());
            let after_preposition = i > 0
                && tokens[i - 1].is_word
                && PLACE_PREPOSITIONS.contains(&tokens[i - 1].folded.as_ref());
            let alone = tokens
                .get(i + 1)
                .is_none_or(|n| !n.is_word || !n.is_capitalised());
            if after_preposition && alone && !t.possessive && !t.is_acronym() {
                places.insert(key::surname_word_key(t.text));
            }
        }
    }
    for word in &capitalised {
        if let Some(stem) = word.strip_suffix('n') {
            if stem.ends_with('a') && stem.chars().count() >= 4 && capitalised.contains(stem) {
                places.insert(key::surname_word_key(stem));
            }
        }
    }
    places
}

/// One line per running-text candidate: its surface, whether it was accepted as a full name and
/// the evidence read around it. A debugging aid for "why is this a person?" (see
/// `tests/people_samples.rs`); not used by extraction.
#[doc(hidden)]
pub fn explain(title: &str, body: &[Block]) -> Vec<String> {
    let mut candidates = Vec::new();
    let mut running = Vec::new();
    for (offset, text, headline) in segments(title, body) {
        let tokens = tokens::tokenize(text, offset);
        if !headline {
            candidates.extend(candidates::find_candidates(text, offset, &tokens));
            running.push(tokens);
        }
    }
    let lowercase_words = lowercase_words(&candidates, &running);
    let places = place_words(&running);
    let mut lines = resolve::explain(&candidates, &lowercase_words);
    let mut places: Vec<String> = places.into_iter().collect();
    places.sort_unstable();
    lines.push(format!("places shown by the article: {places:?}"));
    lines
}

/// The candidates' words that the article also writes in lowercase somewhere in running text:
/// "Revenue" opening a sentence is the common word "revenue", not a surname. Only candidate words
/// are ever looked up, so only they are collected (a length filter skips most words unhashed).
fn lowercase_words<'a>(
    candidates: &[candidates::Candidate],
    running: &[Vec<tokens::Token<'a>>],
) -> resolve::LowercaseWords<'a> {
    let wanted: HashSet<&str, FxBuild> = candidates
        .iter()
        .flat_map(|c| &c.words)
        .map(String::as_str)
        .collect();
    let length_bit = |word: &str| 1u64 << word.len().min(63);
    let lengths = wanted.iter().fold(0, |bits, w| bits | length_bit(w));
    let mut found = HashSet::with_hasher(FxBuild::default());
    for t in running.iter().flatten() {
        if t.is_word
            && t.text
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_lowercase)
            && lengths & length_bit(t.text) != 0
            && wanted.contains(t.text)
        {
            found.insert(t.text);
        }
    }
    found
}

/// Each piece of text with its offset in the article text and whether it is headline-like: the
/// title, a heading, or a block without a lowercase letter (a capitalised dateline or banner).
fn segments<'a>(title: &'a str, body: &'a [Block]) -> Vec<(usize, &'a str, bool)> {
    let mut out = vec![(0, title, true)];
    let mut offset = title.len() + 1;
    for block in body {
        let shouting = !block.text.chars().any(char::is_lowercase);
        out.push((
            offset,
            block.text.as_str(),
            block.kind == BlockKind::Heading || shouting,
        ));
        offset += block.text.len() + 2;
    }
    out
}
