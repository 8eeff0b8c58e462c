//! What the reading pane highlights: the query's words and phrases as the full-text index
//! matched them (tokens, case and diacritics folded), and the filtered people as the store
//! resolved them (`people::term_names`), marked on whole blocks before they are wrapped.

use std::ops::Range;

use super::doc::{find_all, Mark};
use crate::query::{Query, TermKind};
use crate::store::StoredArticle;
use crate::text::tokens::{find_in_tokens, needle_tokens, tokens};

/// What to highlight in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needles {
    /// Each positive word or phrase as the folded tokens FTS5 matches.
    pub words: Vec<Vec<String>>,
    /// The surface forms (name and aliases) of the article's people a `person:` term names.
    pub people: Vec<String>,
}

impl Needles {
    pub fn from_query(query: &Query, article: &StoredArticle) -> Needles {
        let mut needles = Needles::default();
        for term in query.terms.iter().filter(|t| !t.negated) {
            match &term.kind {
                TermKind::Word(w) | TermKind::Phrase(w) => {
                    let tokens = needle_tokens(w);
                    if !tokens.is_empty() {
                        needles.words.push(tokens);
                    }
                }
                TermKind::Person(p) => {
                    for person in &article.people {
                        if crate::people::term_names(p, &person.name, &person.aliases) {
                            needles.people.push(person.name.clone());
                            needles.people.extend(person.aliases.iter().cloned());
                        }
                    }
                }
                _ => {}
            }
        }
        needles.people.retain(|p| !p.is_empty());
        needles.people.sort_by_key(|p| std::cmp::Reverse(p.len())); // longest form first
        needles.people.dedup();
        needles
    }

    /// The matches in a whole text (a title, a block), earliest first, never overlapping.
    pub fn marks(&self, text: &str) -> Vec<(Range<usize>, Mark)> {
        let mut marks: Vec<(Range<usize>, Mark)> = Vec::new();
        if !self.words.is_empty() {
            // Split once, whatever the number of words: this runs on every rewrap.
            let hay = tokens(text);
            for needle in &self.words {
                let found = find_in_tokens(&hay, needle);
                marks.extend(found.into_iter().map(|r| (r, Mark::Match)));
            }
        }
        for name in &self.people {
            marks.extend(find_all(text, name).into_iter().map(|r| (r, Mark::Match)));
        }
        without_overlaps(marks)
    }
}

/// Sorted by start, a person's own mark after a match at the same place, longer first; any
/// mark that starts inside a kept one dropped.
pub fn without_overlaps(mut marks: Vec<(Range<usize>, Mark)>) -> Vec<(Range<usize>, Mark)> {
    marks.sort_by_key(|(r, m)| (r.start, *m == Mark::Person, std::cmp::Reverse(r.end)));
    let mut last_end = 0;
    marks.retain(|(r, _)| {
        let keep = r.start >= last_end;
        if keep {
            last_end = r.end;
        }
        keep
    });
    marks
}

/// The part of `marks` (over a whole text) that falls on one wrapped line: the line shows
/// `text[at..at + len]` after `indent` bytes of its own.
pub fn on_line(
    marks: &[(Range<usize>, Mark)],
    at: usize,
    len: usize,
    indent: usize,
) -> Vec<(Range<usize>, Mark)> {
    let end = at + len;
    marks
        .iter()
        .filter(|(r, _)| r.start < end && r.end > at)
        .map(|(r, m)| {
            let start = r.start.max(at) - at + indent;
            let stop = r.end.min(end) - at + indent;
            (start..stop, *m)
        })
        .collect()
}
