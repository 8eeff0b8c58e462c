//! An article laid out for the reading pane: wrapped once per (article, width, query) with
//! textwrap, with the query's words and the filtered people marked for highlighting.

use std::ops::Range;

use crate::model::{Block, BlockKind};
use crate::query::{Query, TermKind};
use crate::store::StoredArticle;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Meta,
    Url,
    People,
    Heading,
    Body,
    Blank,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A word or phrase of the query, or a filtered person.
    Match,
    /// A person the article mentions.
    Person,
}

/// One screen line; `marks` are byte ranges of `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub kind: LineKind,
    pub text: String,
    pub marks: Vec<(Range<usize>, Mark)>,
}

/// The wrapped article and the lines holding matches (for n/N).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub id: i64,
    pub width: u16,
    pub lines: Vec<DocLine>,
    pub matches: Vec<usize>,
}

/// What to highlight: query words and phrases, and the names of filtered people.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needles {
    pub words: Vec<String>,
    pub people: Vec<String>,
}

impl Needles {
    pub fn from_query(query: &Query, article: &StoredArticle) -> Needles {
        let mut needles = Needles::default();
        for term in query.terms.iter().filter(|t| !t.negated) {
            match &term.kind {
                TermKind::Word(w) | TermKind::Phrase(w) if !w.is_empty() => {
                    needles.words.push(w.clone())
                }
                TermKind::Person(p) => {
                    let p = p.to_lowercase();
                    for person in &article.people {
                        let names = std::iter::once(&person.name).chain(&person.aliases);
                        if names.clone().any(|n| n.to_lowercase() == p) {
                            needles.people.extend(names.cloned());
                        }
                    }
                    needles.people.push(term_text(&term.kind));
                }
                _ => {}
            }
        }
        needles.people.retain(|p| !p.is_empty());
        needles
    }
}

fn term_text(kind: &TermKind) -> String {
    match kind {
        TermKind::Person(p) | TermKind::Word(p) | TermKind::Phrase(p) => p.clone(),
        _ => String::new(),
    }
}

/// Lays `article` out at `width` columns.
pub fn build(article: &StoredArticle, width: u16, needles: &Needles) -> Doc {
    let w = usize::from(width.max(1));
    let mut lines = Vec::new();
    let row = &article.row;
    push_wrapped(&mut lines, LineKind::Title, &row.title, w);
    let mut meta = Vec::new();
    meta.extend(row.source.clone());
    meta.extend(row.date.map(|d| match article.first_seen {
        true => format!("date unknown, first seen {}", d.format("%Y-%m-%d")),
        false => d.format("%a %-d %b %Y").to_string(),
    }));
    meta.extend(article.byline.clone().or_else(|| article.author.clone()));
    if !meta.is_empty() {
        push_wrapped(&mut lines, LineKind::Meta, &meta.join(" · "), w);
    }
    if let Some(url) = &row.url {
        push_wrapped(&mut lines, LineKind::Url, url, w);
    }
    if !article.people.is_empty() {
        let names: Vec<String> = article.people.iter().map(|p| p.name.clone()).collect();
        push_wrapped(
            &mut lines,
            LineKind::People,
            &format!("People: {}", names.join(", ")),
            w,
        );
    }
    let mut previous = None;
    for block in &article.body {
        // A list's items and a preformatted section's lines follow each other without a gap.
        let run = matches!(block.kind, BlockKind::ListItem | BlockKind::Preformatted);
        if !(run && previous == Some(block.kind)) {
            lines.push(blank());
        }
        previous = Some(block.kind);
        push_block(&mut lines, block, w);
    }
    let person_names: Vec<String> = article.people.iter().map(|p| p.name.clone()).collect();
    for line in &mut lines {
        mark_line(line, needles, &person_names);
    }
    let matches = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            l.kind != LineKind::People && l.marks.iter().any(|(_, m)| *m == Mark::Match)
        })
        .map(|(i, _)| i)
        .collect();
    Doc {
        id: row.id,
        width,
        lines,
        matches,
    }
}

fn blank() -> DocLine {
    DocLine {
        kind: LineKind::Blank,
        text: String::new(),
        marks: Vec::new(),
    }
}

/// A body block, wrapped, with the marks that keep its kind visible without colour: a bullet
/// for list items, a bar for quotes, an indent for preformatted lines.
fn push_block(lines: &mut Vec<DocLine>, block: &Block, width: usize) {
    let (kind, first, rest) = match block.kind {
        BlockKind::Heading => (LineKind::Heading, "", ""),
        BlockKind::Paragraph => (LineKind::Body, "", ""),
        BlockKind::ListItem => (LineKind::Body, "• ", "  "),
        BlockKind::Quote => (LineKind::Body, "│ ", "│ "),
        BlockKind::Preformatted => (LineKind::Body, "  ", "  "),
    };
    push_indented(lines, kind, &block.text, width, (first, rest));
}

fn push_wrapped(lines: &mut Vec<DocLine>, kind: LineKind, text: &str, width: usize) {
    push_indented(lines, kind, text, width, ("", ""));
}

fn push_indented(
    lines: &mut Vec<DocLine>,
    kind: LineKind,
    text: &str,
    width: usize,
    (first, rest): (&str, &str),
) {
    let options = textwrap::Options::new(width)
        .break_words(true)
        .initial_indent(first)
        .subsequent_indent(rest);
    for piece in textwrap::wrap(text, options) {
        lines.push(DocLine {
            kind,
            text: piece.into_owned(),
            marks: Vec::new(),
        });
    }
}

fn mark_line(line: &mut DocLine, needles: &Needles, person_names: &[String]) {
    let mut marks = Vec::new();
    if line.kind == LineKind::People {
        for name in person_names {
            marks.extend(
                find_all(&line.text, name)
                    .into_iter()
                    .map(|r| (r, Mark::Person)),
            );
        }
    }
    for needle in needles.words.iter().chain(&needles.people) {
        marks.extend(
            find_all(&line.text, needle)
                .into_iter()
                .map(|r| (r, Mark::Match)),
        );
    }
    marks.sort_by_key(|(r, m)| (r.start, *m == Mark::Person, std::cmp::Reverse(r.end)));
    let mut last_end = 0;
    marks.retain(|(r, _)| {
        let keep = r.start >= last_end;
        if keep {
            last_end = r.end;
        }
        keep
    });
    line.marks = marks;
}

/// Byte ranges of `needle` in `hay`, ignoring case where lowercasing keeps byte lengths.
pub fn find_all(hay: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let (h, n) = (hay.to_lowercase(), needle.to_lowercase());
    let (h, n) = if h.len() == hay.len() && n.len() == needle.len() {
        (h, n)
    } else {
        (hay.to_string(), needle.to_string())
    };
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = h[from..].find(&n) {
        let start = from + pos;
        let end = start + n.len();
        if hay.is_char_boundary(start) && hay.is_char_boundary(end) {
            out.push(start..end);
        }
        from = end.max(start + 1);
        while from < h.len() && !h.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_without_case() {
        assert_eq!(
            find_all("Budget budget BUDGET", "budget"),
            vec![0..6, 7..13, 14..20]
        );
        assert_eq!(find_all("Ünïcode", "ünï").len(), 1);
        assert!(find_all("abc", "").is_empty());
    }
}

#[cfg(test)]
mod meta_tests {
    use super::*;
    use crate::store::ArticleRow;

    fn article(first_seen: bool) -> StoredArticle {
        StoredArticle {
            row: ArticleRow {
                id: 1,
                title: "T".into(),
                source: Some("Harbour Feed".into()),
                date: chrono::NaiveDate::from_ymd_opt(2026, 3, 4),
                url: None,
                read: false,
                starred: false,
            },
            byline: None,
            author: Some("A. Writer".into()),
            body: Vec::new(),
            people: Vec::new(),
            origin: None,
            first_seen,
        }
    }

    #[test]
    fn an_undated_feed_item_says_when_it_was_first_seen() {
        let meta = |a: &StoredArticle| build(a, 80, &Needles::default()).lines[1].text.clone();
        assert_eq!(
            meta(&article(true)),
            "Harbour Feed · date unknown, first seen 2026-03-04 · A. Writer"
        );
        assert_eq!(
            meta(&article(false)),
            "Harbour Feed · Wed 4 Mar 2026 · A. Writer"
        );
    }
}
