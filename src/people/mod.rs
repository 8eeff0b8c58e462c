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
    resolve::resolve(&candidates, &headlines, &lowercase_words)
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
