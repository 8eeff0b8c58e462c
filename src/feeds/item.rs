//! A feed item as byline stores it: the item's own fields and its HTML, kept as the article's
//! original text, so the reading pane and `reindex` derive the article again from it.

use chrono::{DateTime, NaiveDate};
use serde::{Deserialize, Serialize};

use super::page_text::PageText;
use crate::model::{Block, ParsedArticle};

/// How a stored item's bytes begin: the first field of its JSON, which [`super::sniff`] looks for.
pub const MAGIC: &str = "{\"byline-feed-item\":";

/// The format written today.
const FORMAT: u32 = 1;

/// One item of a feed. Serialized as JSON, with the fields in this order, it is the article's
/// stored original: nothing in it depends on when it was fetched, so an unchanged item hashes
/// the same and a refetch finds it unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemDoc {
    #[serde(rename = "byline-feed-item")]
    pub format: u32,
    /// The item's identity within its feed: `guid:...`, else `url:...`, else `title:...`.
    pub key: String,
    /// The feed's own title (the source of an imported feed file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed_title: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Published, else updated (RFC 3339); `None` when the feed gives neither.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What relative links in the content resolve against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// The body: `content:encoded`/`content`, else the summary.
    pub content: String,
    /// Whether `content` is HTML (else plain text, paragraphs split by blank lines).
    pub html: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// For a feed set to full text: the linked page's main text, which is the article's body
    /// instead of `content`, or why the page gave none (`content` is the body then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<PageText>,
}

/// Why stored item bytes could not be read back.
#[derive(Debug, thiserror::Error)]
#[error("a stored feed item that cannot be read: {0}")]
pub struct ItemError(#[from] serde_json::Error);

impl ItemDoc {
    /// A new item in today's format.
    pub fn new(key: String, title: String, content: String, html: bool) -> ItemDoc {
        ItemDoc {
            format: FORMAT,
            key,
            feed_title: None,
            title,
            authors: Vec::new(),
            date: None,
            url: None,
            base: None,
            content,
            html,
            categories: Vec::new(),
            page: None,
        }
    }

    /// The bytes stored as the article's original.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serializing plain strings, numbers and vectors cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<ItemDoc, ItemError> {
        Ok(serde_json::from_slice(bytes)?)
    }

    /// The item's publication day, if it has one.
    pub fn day(&self) -> Option<NaiveDate> {
        let date = self.date.as_deref()?;
        DateTime::parse_from_rfc3339(date)
            .ok()
            .map(|d| d.naive_utc().date())
    }

    /// The article this item is: title, authors, date, URL and body as blocks. Every string
    /// is sanitized here, whatever the server sent.
    pub fn to_parsed(&self) -> ParsedArticle {
        let base = self.base.as_deref().and_then(|b| url::Url::parse(b).ok());
        let mut warnings = Vec::new();
        let page = self.page.as_ref().filter(|p| p.has_text());
        let body = if let Some(page) = page {
            page_blocks(&page.blocks)
        } else if self.html {
            let text = crate::html::to_blocks(&self.content, base.as_ref());
            if text.truncated {
                warnings.push("the item's HTML was cut at 4 MiB".to_string());
            }
            text.blocks
        } else {
            plain_blocks(&self.content)
        };
        let authors: Vec<String> = self.authors.iter().map(|a| one_line(a)).collect();
        let title = match looks_like_html(&self.title) {
            true => one_line(&crate::html::strip_tags(&self.title)),
            false => one_line(&self.title),
        };
        ParsedArticle {
            title: if title.is_empty() {
                untitled(&body)
            } else {
                title
            },
            source: None,
            byline: None,
            author: (!authors.is_empty()).then(|| authors.join(", ")),
            date: self.day(),
            url: self.url.clone(),
            url_raw: self.url.clone(),
            body,
            replacements: 0,
            warnings,
        }
    }
}

/// Whether text typed as plain carries markup or entities after all (RSS descriptions and titles
/// usually do); `Vec<T>` or `a < b` alone do not make it HTML.
pub(super) fn looks_like_html(text: &str) -> bool {
    text.contains("</")
        || text.contains("/>")
        || text.contains("<p")
        || text.contains("<br")
        || has_entity(text)
}

/// A character reference (`&#8217;`, `&#x2019;`) or a named one (`&eacute;`): an XML parser
/// leaves an entity it has no declaration for as written.
fn has_entity(text: &str) -> bool {
    text.match_indices('&').any(|(at, _)| {
        let rest = &text[at + 1..];
        let name = rest.strip_prefix('#').unwrap_or(rest);
        let len = name.bytes().take_while(u8::is_ascii_alphanumeric).count();
        len > 0 && name[len..].starts_with(';')
    })
}

/// Text made one clean line.
pub fn one_line(text: &str) -> String {
    let clean = crate::text::sanitize(text);
    clean.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page's blocks as stored, made display-safe again (the stored JSON could be edited).
fn page_blocks(blocks: &[Block]) -> Vec<Block> {
    blocks
        .iter()
        .map(|b| Block::new(b.kind, crate::text::sanitize_line(&b.text)))
        .filter(|b| !b.text.trim().is_empty())
        .collect()
}

fn plain_blocks(text: &str) -> Vec<Block> {
    crate::text::sanitize(text)
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .map(Block::paragraph)
        .collect()
}

/// A title for an item that has none: its first words (as readers do), else a placeholder.
fn untitled(body: &[Block]) -> String {
    let Some(first) = body.first() else {
        return "(untitled item)".to_string();
    };
    let words: Vec<&str> = first.text.split_whitespace().take(12).collect();
    let mut title = words.join(" ");
    if first.text.split_whitespace().count() > words.len() {
        title.push_str(" …");
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_round_trips_and_starts_with_the_magic() {
        let mut doc = ItemDoc::new("guid:1".into(), "T".into(), "<p>x</p>".into(), true);
        doc.authors = vec!["Jane Roe".into()];
        doc.date = Some("2025-12-06T10:00:00+01:00".into());
        let bytes = doc.to_bytes();
        assert!(bytes.starts_with(MAGIC.as_bytes()));
        assert_eq!(ItemDoc::from_bytes(&bytes).unwrap(), doc);
        assert_eq!(super::super::sniff(&bytes), super::super::Kind::StoredItem);
    }

    #[test]
    fn the_article_has_clean_fields_and_structure() {
        let mut doc = ItemDoc::new(
            "guid:1".into(),
            "Ferry &amp; <b>fares</b>\u{1b}[2J".into(),
            "<p>One.</p><ul><li>Two</li></ul>".into(),
            true,
        );
        doc.authors = vec!["Jane\nRoe".into(), "John Doe".into()];
        doc.date = Some("2025-12-06T23:30:00-02:00".into());
        let parsed = doc.to_parsed();
        assert_eq!(parsed.title, "Ferry & fares");
        assert_eq!(parsed.author.as_deref(), Some("Jane Roe, John Doe"));
        assert_eq!(parsed.date, NaiveDate::from_ymd_opt(2025, 12, 7)); // in UTC
        assert_eq!(parsed.body.len(), 2);
    }

    #[test]
    fn markup_and_entities_are_told_from_plain_text() {
        for html in [
            "a</b>",
            "<br>",
            "&eacute;t&eacute;",
            "&#8217;",
            "&#x2019;",
            "AT&amp;T",
        ] {
            assert!(looks_like_html(html), "{html}");
        }
        for plain in ["Vec<T>", "a < b & c", "&;", "& x;", "fish & chips"] {
            assert!(!looks_like_html(plain), "{plain}");
        }
    }

    #[test]
    fn the_pages_text_is_the_body_and_the_feeds_fields_stay() {
        let mut doc = ItemDoc::new(
            "guid:1".into(),
            "Feed title".into(),
            "<p>Sum.</p>".into(),
            true,
        );
        doc.authors = vec!["Jane Roe".into()];
        let blocks = vec![
            Block::paragraph("Whole \u{1b}[2Jtext."),
            Block::new(crate::model::BlockKind::Heading, "Part"),
        ];
        doc.page = Some(PageText::text("https://e.org/a", blocks));
        let bytes = doc.to_bytes();
        assert_eq!(ItemDoc::from_bytes(&bytes).unwrap(), doc);
        let parsed = ItemDoc::from_bytes(&bytes).unwrap().to_parsed();
        assert_eq!(parsed.title, "Feed title");
        assert_eq!(parsed.author.as_deref(), Some("Jane Roe"));
        assert_eq!(parsed.body[0].text, "Whole text.");
        assert_eq!(parsed.body.len(), 2);
        doc.page = Some(PageText::failed("https://e.org/a", "HTTP 404"));
        assert_eq!(doc.to_parsed().body, [Block::paragraph("Sum.")]);
    }

    #[test]
    fn an_item_without_a_page_is_stored_as_before() {
        let doc = ItemDoc::new("guid:1".into(), "T".into(), "x".into(), false);
        let json = String::from_utf8(doc.to_bytes()).unwrap();
        assert!(!json.contains("page"), "{json}");
    }

    #[test]
    fn an_item_without_title_is_named_by_its_first_words() {
        let words = "a b c d e f g h i j k l m n";
        let doc = ItemDoc::new("url:x".into(), " ".into(), words.into(), false);
        assert_eq!(doc.to_parsed().title, "a b c d e f g h i j k l …");
        let empty = ItemDoc::new("url:x".into(), "".into(), "".into(), false);
        assert_eq!(empty.to_parsed().title, "(untitled item)");
    }
}
