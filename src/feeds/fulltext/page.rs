//! One item's linked page fetched and made into its main text with the web page extractor, or
//! the reason it could not be: a failed request, something other than a web page, a page that
//! does not look like an article, or one with less text than the feed's own summary.

use std::panic::{catch_unwind, AssertUnwindSafe};

use super::PageText;
use crate::fetch::{Client, Fetched, Outcome, Validators};

/// Fetches `link` with `client` (its timeouts, size cap and User-Agent; http and https only)
/// and extracts its main text. `summary_chars` is how much text the feed's summary has: a page
/// with less is no improvement. Never panics: an extractor panic becomes a failure.
pub fn fetch_page(client: &Client, link: &str, summary_chars: usize) -> PageText {
    let url = match crate::links::openable(link) {
        Ok(url) => url,
        Err(e) => return PageText::failed(link, format!("not an http(s) link: {e}")),
    };
    match client.get(url.as_str(), &Validators::default()) {
        Err(e) => PageText::failed(link, e.to_string()),
        Ok(Outcome::NotModified { .. }) => PageText::failed(link, "HTTP 304 to a plain request"),
        Ok(Outcome::Fetched(fetched)) => {
            let extracted = catch_unwind(AssertUnwindSafe(|| text_of(link, &fetched)));
            let page = extracted.unwrap_or_else(|_| {
                PageText::failed(link, "byline failed on this page (a bug: please report it)")
            });
            too_short(page, summary_chars)
        }
    }
}

/// The page's main text, if it is a web page that reads as an article.
fn text_of(link: &str, fetched: &Fetched) -> PageText {
    let content_type = fetched.content_type.as_deref();
    if let Some(kind) = content_type.filter(|t| !is_web_page(t)) {
        return PageText::failed(link, format!("not a web page ({kind})"));
    }
    let page_url = Some(fetched.final_url.as_str());
    match crate::web::extract_fetched(&fetched.body, page_url, content_type) {
        Err(crate::web::WebError::NoText) => PageText::failed(link, "no article text on the page"),
        Err(e) => PageText::failed(link, e.to_string()),
        Ok(page) if !page.readable => {
            PageText::failed(link, "the page does not look like an article")
        }
        Ok(page) => PageText::text(link, page.article.body),
    }
}

/// Whether a Content-Type names HTML.
fn is_web_page(content_type: &str) -> bool {
    let mime = content_type.split(';').next().unwrap_or_default().trim();
    mime.eq_ignore_ascii_case("text/html") || mime.eq_ignore_ascii_case("application/xhtml+xml")
}

/// A page whose text (before its list of links) is shorter than the summary is a teaser or a
/// wall, not the article: the summary stays.
fn too_short(page: PageText, summary_chars: usize) -> PageText {
    if !page.has_text() {
        return page;
    }
    let chars = prose_chars(&page);
    if chars < summary_chars {
        return PageText::failed(&page.url, "the page has less text than the feed's summary");
    }
    page
}

/// Characters of the page's text before the "Links" heading that closes it, if any.
fn prose_chars(page: &PageText) -> usize {
    let links = page
        .blocks
        .iter()
        .rposition(|b| b.kind == crate::model::BlockKind::Heading && b.text == "Links");
    let prose = &page.blocks[..links.unwrap_or(page.blocks.len())];
    prose.iter().map(|b| b.text.chars().count()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, BlockKind};

    #[test]
    fn only_html_is_a_web_page() {
        assert!(is_web_page("text/html; charset=utf-8"));
        assert!(is_web_page("application/XHTML+xml"));
        assert!(!is_web_page("application/pdf"));
        assert!(!is_web_page("image/png"));
    }

    #[test]
    fn a_page_shorter_than_the_summary_keeps_the_summary() {
        let blocks = vec![
            Block::paragraph("Twelve chars"),
            Block::new(BlockKind::Heading, "Links"),
            Block::new(BlockKind::ListItem, "[1] https://e.org/a-very-long-link"),
        ];
        let page = PageText::text("https://e.org/a", blocks);
        assert_eq!(prose_chars(&page), 12);
        assert!(too_short(page.clone(), 12).has_text());
        let short = too_short(page, 13);
        assert!(!short.has_text());
        assert_eq!(short.url, "https://e.org/a");
    }

    #[test]
    fn a_link_that_is_not_http_is_never_requested() {
        let client = Client::new(crate::fetch::HttpSettings::default());
        for link in ["file:///etc/passwd", "javascript:alert(1)", "", "|cmd"] {
            let page = fetch_page(&client, link, 0);
            assert!(page.failed.is_some(), "{link}");
        }
    }
}
