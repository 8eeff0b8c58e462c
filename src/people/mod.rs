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
mod headline;
mod key;
mod lexicon;
mod merge;
mod resolve;
mod tokens;

pub use key::{person_key, surname_key};
pub use merge::same_person;

use std::collections::HashSet;
use std::ops::Range;

use crate::model::{Block, BlockKind, PersonMention};
use lexicon::FxBuild;

/// Finds the people mentioned in an article's title and body, most mentioned first (ties: first
/// mentioned first). Positions are byte offsets into title + "\n" + blocks joined by "\n\n".
pub fn extract(title: &str, body: &[Block]) -> Vec<PersonMention> {
    let segments = segments(title, body);
    let lowered = lowered_text(&segments);
    let article = Article::tokenize(&segments, &lowered);
    let candidates = article.candidates();
    let running = article.running();
    let lowercase_words = lowercase_words(&candidates, &running);
    let places = place_words(&running);
    resolve::resolve(&candidates, &article.headlines(), &lowercase_words, &places)
}

/// A piece of the article text: the title or a block.
struct Segment<'a> {
    /// Where it starts in the article text.
    offset: usize,
    text: &'a str,
    /// The title, a heading, or a block without a lowercase letter (a dateline or banner).
    headline: bool,
}

/// The tokens of every segment in one vector (one allocation per article), with each segment's
/// range in it.
struct Article<'s, 'a> {
    segments: &'s [Segment<'a>],
    tokens: Vec<tokens::Token<'a>>,
    ranges: Vec<Range<usize>>,
}

impl<'s, 'a> Article<'s, 'a> {
    /// `lowered` is [`lowered_text`] of the same segments.
    fn tokenize(segments: &'s [Segment<'a>], lowered: &'a str) -> Self {
        let length: usize = segments.iter().map(|s| s.text.len()).sum();
        let mut tokens = Vec::with_capacity(length / 5 + segments.len());
        let mut ranges = Vec::with_capacity(segments.len());
        for s in segments {
            let first = tokens.len();
            let lower = lowered.get(s.offset..s.offset + s.text.len());
            tokens::tokenize(s.text, lower.unwrap_or_default(), s.offset, &mut tokens);
            ranges.push(first..tokens.len());
        }
        Article {
            segments,
            tokens,
            ranges,
        }
    }

    /// Each segment with its tokens.
    fn segment_tokens(&self) -> impl Iterator<Item = (&Segment<'a>, &[tokens::Token<'a>])> {
        let tokens = &self.tokens;
        self.segments
            .iter()
            .zip(&self.ranges)
            .map(move |(s, r)| (s, tokens.get(r.clone()).unwrap_or_default()))
    }

    /// The candidates of the running text (not headline-like segments), in order.
    fn candidates(&self) -> Vec<candidates::Candidate<'_>> {
        let mut out = Vec::new();
        for (s, tokens) in self.segment_tokens().filter(|(s, _)| !s.headline) {
            candidates::find_candidates(s.text, s.offset, tokens, &mut out);
        }
        out
    }

    /// The tokens of each running-text segment.
    fn running(&self) -> Vec<&[tokens::Token<'a>]> {
        let running = self.segment_tokens().filter(|(s, _)| !s.headline);
        running.map(|(_, tokens)| tokens).collect()
    }

    /// The tokens of each headline-like segment.
    fn headlines(&self) -> Vec<&[tokens::Token<'a>]> {
        let headlines = self.segment_tokens().filter(|(s, _)| s.headline);
        headlines.map(|(_, tokens)| tokens).collect()
    }
}

/// The article text laid out as the positions count it, ASCII-lowercased: tokens borrow their
/// folded words from it.
fn lowered_text(segments: &[Segment]) -> String {
    let length = segments.last().map_or(0, |s| s.offset + s.text.len());
    let mut out = String::with_capacity(length);
    for s in segments {
        while out.len() < s.offset {
            out.push('\n');
        }
        let start = out.len();
        out.push_str(s.text);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
    }
    out
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
fn place_words(running: &[&[tokens::Token]]) -> HashSet<String, FxBuild> {
    let mut places = HashSet::with_hasher(FxBuild::default());
    // Folded stems of the capitalised words that may be demonyms ("velmora" of "Velmoran").
    let mut demonym_stems: HashSet<&str, FxBuild> = HashSet::default();
    for &tokens in running {
        for (i, t) in tokens.iter().enumerate() {
            if !t.is_word || !t.is_capitalised() {
                continue;
            }
            if let Some(stem) = t.folded.strip_suffix('n') {
                if stem.ends_with('a') && stem.chars().count() >= 4 {
                    demonym_stems.insert(stem);
                }
            }
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
    if !demonym_stems.is_empty() {
        let capitalised = running.iter().copied().flatten();
        for t in capitalised.filter(|t| t.is_word && t.is_capitalised()) {
            if demonym_stems.contains(t.folded.as_ref()) {
                places.insert(key::surname_word_key(&t.folded));
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
    let segments = segments(title, body);
    let lowered = lowered_text(&segments);
    let article = Article::tokenize(&segments, &lowered);
    let candidates = article.candidates();
    let running = article.running();
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
    running: &[&[tokens::Token<'a>]],
) -> resolve::LowercaseWords<'a> {
    let wanted: HashSet<&str, FxBuild> = candidates
        .iter()
        .flat_map(|c| c.words.iter().copied())
        .collect();
    // A filter by first letter and length skips most words unhashed.
    let mut lengths_by_letter = [0u64; 26];
    let slot = |word: &str| {
        let first = word.as_bytes().first().filter(|b| b.is_ascii_lowercase())?;
        Some((usize::from(first - b'a'), 1u64 << word.len().min(63)))
    };
    for (letter, length_bit) in wanted.iter().filter_map(|w| slot(w)) {
        lengths_by_letter[letter] |= length_bit;
    }
    let mut found = HashSet::with_hasher(FxBuild::default());
    for t in running.iter().copied().flatten().filter(|t| t.is_word) {
        let Some((letter, length_bit)) = slot(t.text) else {
            continue;
        };
        if lengths_by_letter[letter] & length_bit != 0 && wanted.contains(t.text) {
            found.insert(t.text);
        }
    }
    found
}

/// The title and each block, with its offset in the article text and whether it is headline-like.
fn segments<'a>(title: &'a str, body: &'a [Block]) -> Vec<Segment<'a>> {
    let mut out = Vec::with_capacity(body.len() + 1);
    out.push(Segment {
        offset: 0,
        text: title,
        headline: true,
    });
    let mut offset = title.len() + 1;
    for block in body {
        let shouting = !block.text.chars().any(char::is_lowercase);
        out.push(Segment {
            offset,
            text: block.text.as_str(),
            headline: block.kind == BlockKind::Heading || shouting,
        });
        offset += block.text.len() + 2;
    }
    out
}
