//! Web pages as articles: a saved or fetched HTML page made into the same [`ParsedArticle`]
//! every other path yields — its main text as blocks, and title, outlet, author, date and URL
//! from its metadata. Terminal-free, bounded in size, element count and depth.

mod assemble;
mod body;
mod decode;
mod jsonld;
mod meta;
mod scan;
mod slim;
mod title;

use crate::model::{Block, ParsedArticle};

pub use body::{MAX_DEPTH, MAX_ELEMENTS};

/// Why a page could not be made into an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebError {
    #[error("the page is empty")]
    Empty,
    #[error(
        "an HTML page with no article text (an index page, a login wall, or a page its scripts \
         fill in): nothing to import"
    )]
    NoText,
}

/// A page made into an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// Title, outlet, byline, date and URL from the page's metadata; the main text as blocks,
    /// links numbered and listed at the end; warnings for the importer's report.
    pub article: ParsedArticle,
    /// The numbered links' targets (http and https only), from 1.
    pub links: Vec<String>,
    /// Whether the page looked like an article (Readability's quick check).
    pub readable: bool,
}

impl Extracted {
    /// The body without the closing list of links.
    pub fn text_blocks(&self) -> &[Block] {
        assemble::prose_blocks(&self.article.body, &self.links)
    }
}

/// Makes a saved page's bytes into an article. `page_url` is where the page came from (an
/// absolute http(s) URL), for relative links and when the page names no URL of its own.
pub fn extract(bytes: &[u8], page_url: Option<&str>) -> Result<Extracted, WebError> {
    extract_fetched(bytes, page_url, None)
}

/// [`extract`] for a fetched page: `content_type` is its HTTP header, whose charset comes
/// after a BOM and before the page's own declaration.
pub fn extract_fetched(
    bytes: &[u8],
    page_url: Option<&str>,
    content_type: Option<&str>,
) -> Result<Extracted, WebError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(WebError::Empty);
    }
    let page = decode::decode_page(bytes, content_type);
    assemble::assemble(&page, page_url)
}

/// Metadata text made display-safe: entities decoded (markup kept as text), escape sequences
/// and controls removed, whitespace collapsed, at most 1,000 characters.
fn clean(text: &str) -> String {
    const MAX_CHARS: usize = 1000;
    let decoded = match text.contains('&') {
        true => {
            let escaped = text.replace('<', "&lt;");
            let html = crate::html::to_blocks(&escaped, None);
            crate::model::join_blocks(&html.blocks)
        }
        false => crate::text::sanitize(text),
    };
    let words: Vec<&str> = decoded.split_whitespace().collect();
    words.join(" ").chars().take(MAX_CHARS).collect()
}

#[cfg(test)]
mod tests;
