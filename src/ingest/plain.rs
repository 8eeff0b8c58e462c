//! The plain layout (the BBC dataset's): headline on line 1, then paragraphs separated by blank
//! lines. It has no byline, date or URL, so those stay `None`.

use super::blocks::build_blocks;
use super::title::title_from_line;
use crate::model::{Block, ParsedArticle};

/// Parses `lines`, whose first line is the first non-blank line of the file.
pub fn parse(lines: &[&str]) -> ParsedArticle {
    let (first, rest) = lines.split_first().map_or(("", &[][..]), |(f, r)| (*f, r));
    let title = title_from_line(first);
    let mut body = Vec::new();
    if title.line_is_body {
        body.push(Block::paragraph(first.trim()));
    }
    body.extend(build_blocks(rest));
    ParsedArticle {
        title: title.text,
        body,
        ..ParsedArticle::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockKind;

    #[test]
    fn headline_blank_paragraphs() {
        let lines = [
            "Harbour Bridge Reopens",
            "",
            "The bridge reopened.",
            "",
            "Traffic resumed.",
        ];
        let a = parse(&lines);
        assert_eq!(a.title, "Harbour Bridge Reopens");
        assert_eq!(a.body.len(), 2);
        assert!(a.body.iter().all(|b| b.kind == BlockKind::Paragraph));
        assert_eq!(
            (a.source, a.date, a.url, a.byline),
            (None, None, None, None)
        );
    }

    #[test]
    fn title_only() {
        let a = parse(&["Just A Headline"]);
        assert_eq!(a.title, "Just A Headline");
        assert!(a.body.is_empty());
    }
}
