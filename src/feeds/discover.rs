//! Feed discovery: the feeds a web page names in its `<link rel="alternate">` tags.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Feed types a page may announce.
const FEED_TYPES: &[&str] = &[
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
    "text/xml",
    "application/xml",
];

/// How much of a page is read for its `<head>` links.
const MAX_SCAN_BYTES: usize = 512 * 1024;

/// The http(s) feed URLs a page announces, in its order, resolved against `base`.
pub fn feed_links(html: &str, base: &url::Url) -> Vec<String> {
    let mut end = html.len().min(MAX_SCAN_BYTES);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let sink = Links {
        base: base.clone(),
        found: RefCell::new(Vec::new()),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from(&html[..end]));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.found.take()
}

struct Links {
    base: url::Url,
    found: RefCell<Vec<String>>,
}

impl Links {
    fn take(&self, tag: &Tag) {
        let attr = |name: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == name)
                .map(|a| a.value.to_string())
        };
        let rel = attr("rel").unwrap_or_default().to_ascii_lowercase();
        let kind = attr("type").unwrap_or_default().to_ascii_lowercase();
        let is_feed = rel.split_whitespace().any(|r| r == "alternate")
            && FEED_TYPES.contains(&kind.split(';').next().unwrap_or("").trim());
        let Some(href) = attr("href").filter(|_| is_feed) else {
            return;
        };
        let Ok(mut url) = self.base.join(href.trim()) else {
            return;
        };
        url.set_fragment(None);
        let mut found = self.found.borrow_mut();
        if matches!(url.scheme(), "http" | "https") && !found.contains(&url.to_string()) {
            found.push(url.to_string());
        }
    }
}

impl TokenSink for Links {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let Token::TagToken(tag) = token {
            if tag.kind == TagKind::StartTag && &*tag.name == "link" {
                self.take(&tag);
            }
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternate_feed_links_are_found_resolved_and_deduplicated() {
        let base = url::Url::parse("https://news.example.org/world/").unwrap();
        let html = r#"<html><head>
            <link rel="stylesheet" href="/s.css">
            <link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">
            <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="atom.xml#x">
            <link rel="alternate" type="application/rss+xml" href="/rss.xml">
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            <link rel="alternate" hreflang="fr" href="/fr/">
            </head><body><a rel="alternate" type="application/rss+xml" href="/no.xml">x</a></body></html>"#;
        assert_eq!(
            feed_links(html, &base),
            [
                "https://news.example.org/rss.xml",
                "https://news.example.org/world/atom.xml"
            ]
        );
    }
}
