//! An article laid out for the reading pane: wrapped once per (article, width, query) with
//! textwrap, with the query's words and the filtered people marked for highlighting.

use std::ops::Range;

pub use super::highlight::Needles;
use super::highlight::{on_line, without_overlaps};
use crate::model::{Block, BlockKind};
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

/// What the meta line adds for a feed item whose linked page could not be read.
pub const SUMMARY_ONLY: &str = "summary only";

/// Lays `article` out at `width` columns.
pub fn build(article: &StoredArticle, width: u16, needles: &Needles) -> Doc {
    let w = usize::from(width.max(1));
    let mut lines = Vec::new();
    let row = &article.row;
    let push = |lines: &mut Vec<DocLine>, kind, text: &str, indents| {
        let mut marks = needles.marks(text);
        if kind == LineKind::People {
            marks = with_people(marks, text, article);
        }
        push_indented(lines, kind, text, w, indents, &marks);
    };
    push(&mut lines, LineKind::Title, &row.title, ("", ""));
    let mut meta = Vec::new();
    meta.extend(row.source.clone());
    meta.extend(row.date.map(|d| match article.first_seen {
        true => format!("date unknown, first seen {}", d.format("%Y-%m-%d")),
        false => d.format("%a %-d %b %Y").to_string(),
    }));
    meta.extend(article.byline.clone().or_else(|| article.author.clone()));
    if article.summary_only {
        meta.push(SUMMARY_ONLY.to_string());
    }
    if !meta.is_empty() {
        push(&mut lines, LineKind::Meta, &meta.join(" · "), ("", ""));
    }
    if let Some(url) = &row.url {
        push(&mut lines, LineKind::Url, url, ("", ""));
    }
    if !article.people.is_empty() {
        let names: Vec<String> = article.people.iter().map(|p| p.name.clone()).collect();
        let text = format!("People: {}", names.join(", "));
        push(&mut lines, LineKind::People, &text, ("", ""));
    }
    let mut previous = None;
    for block in &article.body {
        // A list's items and a preformatted section's lines follow each other without a gap.
        let run = matches!(block.kind, BlockKind::ListItem | BlockKind::Preformatted);
        if !(run && previous == Some(block.kind)) {
            lines.push(blank());
        }
        previous = Some(block.kind);
        let (kind, indents) = block_style(block);
        push(&mut lines, kind, &block.text, indents);
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

/// The People line's names marked as people, beside the query's matches.
fn with_people(
    mut marks: Vec<(Range<usize>, Mark)>,
    text: &str,
    article: &StoredArticle,
) -> Vec<(Range<usize>, Mark)> {
    for person in &article.people {
        marks.extend(
            find_all(text, &person.name)
                .into_iter()
                .map(|r| (r, Mark::Person)),
        );
    }
    without_overlaps(marks)
}

fn blank() -> DocLine {
    DocLine {
        kind: LineKind::Blank,
        text: String::new(),
        marks: Vec::new(),
    }
}

/// How a body block is shown: its line kind, and the marks that keep its kind visible without
/// colour (a bullet for list items, a bar for quotes, an indent for preformatted lines).
fn block_style(block: &Block) -> (LineKind, (&'static str, &'static str)) {
    match block.kind {
        BlockKind::Heading => (LineKind::Heading, ("", "")),
        BlockKind::Paragraph => (LineKind::Body, ("", "")),
        BlockKind::ListItem => (LineKind::Body, ("• ", "  ")),
        BlockKind::Quote => (LineKind::Body, ("│ ", "│ ")),
        BlockKind::Preformatted => (LineKind::Body, ("  ", "  ")),
    }
}

/// Wraps `text` into lines of `kind`, each given the part of `marks` (over the whole text)
/// that falls on it, so a phrase broken across lines is marked on both.
fn push_indented(
    lines: &mut Vec<DocLine>,
    kind: LineKind,
    text: &str,
    width: usize,
    (first, rest): (&str, &str),
    marks: &[(Range<usize>, Mark)],
) {
    let options = textwrap::Options::new(width)
        .break_words(true)
        .initial_indent(first)
        .subsequent_indent(rest);
    let mut cursor = 0;
    for (i, piece) in textwrap::wrap(text, options).into_iter().enumerate() {
        let indent = if i == 0 { first } else { rest };
        let content = piece.strip_prefix(indent).unwrap_or(&piece);
        let indent_len = piece.len() - content.len();
        // textwrap keeps each line's words as the text wrote them: find where this one starts.
        let line_marks = match text.get(cursor..).and_then(|t| t.find(content)) {
            Some(pos) if !content.is_empty() => {
                let at = cursor + pos;
                cursor = at + content.len();
                on_line(marks, at, content.len(), indent_len)
            }
            _ => Vec::new(),
        };
        lines.push(DocLine {
            kind,
            text: piece.into_owned(),
            marks: line_marks,
        });
    }
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
            summary_only: false,
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

    #[test]
    fn an_item_whose_page_failed_says_summary_only() {
        let mut a = article(false);
        a.summary_only = true;
        let doc = build(&a, 80, &Needles::default());
        assert_eq!(doc.lines[1].kind, LineKind::Meta);
        assert_eq!(
            doc.lines[1].text,
            "Harbour Feed · Wed 4 Mar 2026 · A. Writer · summary only"
        );
    }

    /// A wide table drawn in text and a line of CJK (two columns a character) at 20 columns:
    /// every line fits, no character is cut, and no text is lost.
    #[test]
    fn preformatted_lines_wrap_at_characters_never_inside_one() {
        use unicode_width::UnicodeWidthStr;
        let table = "| 港口 | Harbour throughput 2025 | 東京 | 1,234,567 | ✓ |";
        let cjk = "東京港の貨物取扱量は前年比で増加した";
        let mut a = article(false);
        a.body = vec![
            Block::new(BlockKind::Preformatted, table),
            Block::new(BlockKind::Preformatted, cjk),
        ];
        let doc = build(&a, 20, &Needles::default());
        let body: Vec<&DocLine> = doc
            .lines
            .iter()
            .filter(|l| l.kind == LineKind::Body)
            .collect();
        assert!(body.len() > 4, "{body:?}");
        for line in &body {
            assert!(line.text.width() <= 20, "{:?}", line.text);
        }
        let joined: String = body.iter().map(|l| l.text.trim()).collect();
        let squeeze = |t: &str| t.split_whitespace().collect::<String>();
        assert_eq!(squeeze(&joined), squeeze(&format!("{table}{cjk}")));
    }
}
