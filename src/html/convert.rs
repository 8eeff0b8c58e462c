//! The entry point: caps the input, runs the streaming converter under `catch_unwind`, and
//! falls back to plain tag stripping if the converter ever fails.

use std::panic::{catch_unwind, AssertUnwindSafe};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};

use super::sink::Sink;
use crate::model::Block;

/// HTML longer than this is cut (at a character boundary) before it is read: a feed item or a
/// page body of 4 MiB is already far longer than any article.
pub const MAX_HTML_BYTES: usize = 4 * 1024 * 1024;

/// An HTML fragment as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlText {
    /// Paragraphs, headings, list items, quotes and preformatted lines, in order. A link's text
    /// is followed by its number (`text [2]`); the numbered list closes the body.
    pub blocks: Vec<Block>,
    /// The links' targets, numbered from 1 in order of first appearance (http(s) only).
    pub links: Vec<String>,
    /// Whether the input was longer than [`MAX_HTML_BYTES`] and was cut.
    pub truncated: bool,
}

/// Turns an HTML fragment or document into blocks. Relative links resolve against `base`.
///
/// The converter is a single pass over html5ever's tokenizer: no tree is built, so deep nesting
/// costs nothing and time is linear in the input. Script, style and other non-text elements are
/// skipped whole.
pub fn to_blocks(html: &str, base: Option<&url::Url>) -> HtmlText {
    let (input, truncated) = cap(html);
    let converted = catch_unwind(AssertUnwindSafe(|| convert(input, base)));
    let mut text = converted.unwrap_or_else(|_| HtmlText {
        blocks: strip_tags(input)
            .split("\n\n")
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .map(Block::paragraph)
            .collect(),
        links: Vec::new(),
        truncated: false,
    });
    text.truncated = truncated;
    text
}

fn convert(input: &str, base: Option<&url::Url>) -> HtmlText {
    let tokenizer = Tokenizer::new(Sink::new(base.cloned()), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from(input));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.finish()
}

/// The input cut to [`MAX_HTML_BYTES`] at a character boundary, and whether it was cut.
fn cap(html: &str) -> (&str, bool) {
    if html.len() <= MAX_HTML_BYTES {
        return (html, false);
    }
    let mut end = MAX_HTML_BYTES;
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    (&html[..end], true)
}

/// The last resort: text outside `<...>`, a few entities decoded, tags that end blocks turned
/// into paragraph breaks. Sanitized like everything else that becomes a block.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let close = after.find('>').map_or(after.len(), |i| i + 1);
        let tag = after[..close].to_ascii_lowercase();
        if ["<p", "</p", "<br", "<div", "</div", "<li", "<h"]
            .iter()
            .any(|t| tag.starts_with(t))
        {
            out.push_str("\n\n");
        }
        rest = &after[close..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    let clean = crate::text::sanitize(&decoded);
    let paragraphs: Vec<String> = clean
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n\n")
}
