//! The article model shared by the parsers, the people extractor, the store and the reader.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One block of an article body: a paragraph, a sub-heading (crosshead), a list item, a quoted
/// paragraph or a line of preformatted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    /// Display-safe text (see [`crate::text::sanitize`]); never contains a newline.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Paragraph,
    Heading,
    /// One item of a bulleted or numbered list.
    ListItem,
    /// A paragraph of a block quote.
    Quote,
    /// One line of preformatted text (code, a table drawn in text): shown as written.
    Preformatted,
}

impl Block {
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Block {
            kind,
            text: text.into(),
        }
    }

    pub fn paragraph(text: impl Into<String>) -> Self {
        Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
        }
    }

    pub fn heading(text: impl Into<String>) -> Self {
        Block {
            kind: BlockKind::Heading,
            text: text.into(),
        }
    }
}

/// A person an article mentions, as found by [`crate::people`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonMention {
    /// Canonical full name ("Volodymyr Zelenskyy").
    pub name: String,
    /// Every surface form seen in the article ("Volodymyr Zelenskyy", "Zelenskyy"), first seen first.
    pub aliases: Vec<String>,
    /// Standalone occurrences in title + body (a short form inside a longer one is not counted again).
    pub mentions: u32,
    /// Byte offset of the first mention in the article's title + "\n" + body text.
    pub first_pos: usize,
}

/// What a parser makes of one file: every field it could find, the rest left empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedArticle {
    pub title: String,
    /// The outlet as the text names it ("RFE/RL", "Reuters"); empty when not found.
    pub source: Option<String>,
    /// The byline as written ("By RFE/RL December 06, 2025").
    pub byline: Option<String>,
    /// A person's name from the byline ("By Jane Roe, Reuters" gives "Jane Roe").
    pub author: Option<String>,
    /// Publication date; `None` means unknown (never silently "now").
    pub date: Option<NaiveDate>,
    /// Canonical (repaired) URL.
    pub url: Option<String>,
    /// The URL exactly as the file wrote it, before repair.
    pub url_raw: Option<String>,
    pub body: Vec<Block>,
    /// Number of U+FFFD replacements made while decoding the bytes.
    pub replacements: usize,
    /// Non-fatal notes about the input ("invalid UTF-8: 1 byte replaced").
    pub warnings: Vec<String>,
}

impl ParsedArticle {
    /// The body as plain text: blocks separated by a blank line.
    pub fn body_text(&self) -> String {
        join_blocks(&self.body)
    }
}

/// Joins blocks with a blank line between them, the store's body text layout.
pub fn join_blocks(blocks: &[Block]) -> String {
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(&block.text);
    }
    out
}

/// A fully derived article, ready for the store: parsed fields plus people and the settled source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub parsed: ParsedArticle,
    /// The outlet after the fallbacks (text, `--source`, URL domain, parent folder).
    pub source: Option<String>,
    pub people: Vec<PersonMention>,
}
