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
use lexicon::FnvBuild;

/// Finds the people mentioned in an article's title and body, most mentioned first (ties: first
/// mentioned first). Positions are byte offsets into title + "\n" + blocks joined by "\n\n".
pub fn extract(title: &str, body: &[Block]) -> Vec<PersonMention> {
    let mut candidates = Vec::new();
    let mut headlines = Vec::new();
    // Words the article writes in lowercase somewhere: "Revenue" opening a sentence is the
    // common word "revenue", not a surname.
    let mut lowercase_words = HashSet::with_hasher(FnvBuild::default());
    let article = article_text(title, body);
    for (offset, text, headline) in segments(title, body) {
        let tokens = tokens::tokenize(text, offset);
        if headline {
            headlines.push(tokens);
        } else {
            let lowercase = tokens
                .iter()
                .filter(|t| t.is_word && t.text.starts_with(|c: char| c.is_ascii_lowercase()));
            lowercase_words.extend(lowercase.map(|t| t.text));
            candidates.extend(candidates::find_candidates(&article, &tokens));
        }
    }
    resolve::resolve(&candidates, &headlines, &lowercase_words)
}

fn article_text(title: &str, body: &[Block]) -> String {
    let mut text = String::with_capacity(
        title.len() + 1 + body.iter().map(|b| b.text.len() + 2).sum::<usize>(),
    );
    text.push_str(title);
    text.push('\n');
    text.push_str(&crate::model::join_blocks(body));
    text
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
