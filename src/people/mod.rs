//! People mentioned in an article: finding names in running text and settling one canonical name each.
//!
//! Rules and small word lists (`assets/people/`, see `assets/README.md`), no model:
//! - `tokens` splits text into words with byte spans and sentence starts;
//! - `candidates` takes runs of capitalised words and cuts them at titles, places, organisation
//!   words and nationalities ("British Prime Minister Keir Starmer" gives "Keir Starmer");
//! - `context` reads the words around a candidate: a title or role before it, a speech verb, an
//!   apposition, a results-table bracket or scoring minute, a nationality; `credits` a wire credit
//!   line or a picture credit ("Reporting by", "REUTERS/Name");
//! - `lists` marks the names of a roster (a squad's or a team sheet's list);
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
mod credits;
mod found;
mod headline;
mod key;
mod lexicon;
mod lists;
mod merge;
mod resolve;
mod tokens;
mod words;

pub use key::{person_key, surname_key, term_names};
pub use merge::same_person;

/// Whether a word said alone may be a family name written first ("Xi" for Xi Jinping, "Nguyen"
/// for Nguyen Phu Trong): it is neither a given name of the US census list ("Donald" alone is
/// nobody's) nor a place. The store then looks for a full name opening with it.
pub fn may_be_family_name_first(word: &str) -> bool {
    let folded = key::fold(word);
    let lexicon = lexicon::lexicon();
    !folded.is_empty() && !lexicon.is_census_given(&folded) && !lexicon.is_place(&folded)
}

use std::ops::Range;

use crate::model::{Block, BlockKind, PersonMention};

/// Finds the people mentioned in an article's title and body, most mentioned first (ties: first
/// mentioned first). Positions are byte offsets into title + "\n" + blocks joined by "\n\n".
pub fn extract(title: &str, body: &[Block]) -> Vec<PersonMention> {
    let segments = segments(title, body);
    let lowered = lowered_text(&segments);
    let article = Article::tokenize(&segments, &lowered);
    let candidates = article.candidates();
    let running = article.running();
    let (lowercase_words, places) = words::article_words(&candidates, &running);
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
    let (lowercase_words, places) = words::article_words(&candidates, &running);
    let mut lines = resolve::explain(&candidates, &lowercase_words);
    let mut places: Vec<String> = places.into_iter().collect();
    places.sort_unstable();
    lines.push(format!("places shown by the article: {places:?}"));
    lines
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
