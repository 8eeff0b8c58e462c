//! A feed item's linked page as byline keeps it inside the item ([`super::ItemDoc::page`]): the
//! page's main text as blocks, or why the page gave none (the item then keeps its summary).

use serde::{Deserialize, Serialize};

use crate::model::Block;

/// What fetching an item's link gave. Nothing in it depends on when it was fetched, so the
/// same page text stored again hashes the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageText {
    /// The item's link the page was asked for (empty when the item has none): a changed link
    /// makes the page stale.
    pub url: String,
    /// The page's main text, its links numbered and listed at the end; empty when it failed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    /// Why the page gave no text, in words (a status, "no article text").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed: Option<String>,
}

impl PageText {
    /// The page's text from `url`.
    pub fn text(url: &str, blocks: Vec<Block>) -> PageText {
        PageText {
            url: url.to_string(),
            blocks,
            failed: None,
        }
    }

    /// A page that gave no text, and why.
    pub fn failed(url: &str, reason: impl Into<String>) -> PageText {
        PageText {
            url: url.to_string(),
            blocks: Vec::new(),
            failed: Some(super::item::one_line(&reason.into())),
        }
    }

    /// Whether the item's body is this page's text (else it is the feed's summary).
    pub fn has_text(&self) -> bool {
        self.failed.is_none() && !self.blocks.is_empty()
    }

    /// Whether this page was asked for at `link` (the item's current link).
    pub fn is_for(&self, link: Option<&str>) -> bool {
        self.url == link.unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_has_no_text_and_a_clean_reason() {
        let page = PageText::failed("https://e.org/a", "HTTP 404\u{1b}[2J\nNot Found");
        assert!(!page.has_text());
        assert_eq!(page.failed.as_deref(), Some("HTTP 404 Not Found"));
        assert!(page.is_for(Some("https://e.org/a")));
        assert!(!page.is_for(Some("https://e.org/b")));
        let none = PageText::failed("", "no link");
        assert!(none.is_for(None));
    }

    #[test]
    fn text_round_trips_as_json() {
        let page = PageText::text("https://e.org/a", vec![Block::paragraph("One.")]);
        assert!(page.has_text());
        let json = serde_json::to_string(&page).unwrap();
        assert_eq!(
            json,
            r#"{"url":"https://e.org/a","blocks":[{"kind":"paragraph","text":"One."}]}"#
        );
        assert_eq!(serde_json::from_str::<PageText>(&json).unwrap(), page);
    }
}
