//! RSS 0.9x/1.0/2.0, Atom and JSON Feed bytes into [`ItemDoc`]s, with feed-rs: the charset
//! settled first, links resolved against the feed's address, and every failure named.

use feed_rs::model::{Entry, Feed, Text};
use feed_rs::parser::{Builder, ParseErrorKind, ParseFeedError};

use super::charset::{decode_feed, remap_c1};
use super::item::{looks_like_html, one_line, ItemDoc};
use super::sniff::{sniff, Kind};

/// A feed's own fields and its items, newest as the feed orders them.
#[derive(Debug, Clone, Default)]
pub struct ParsedFeed {
    pub title: Option<String>,
    /// The site the feed belongs to (its `alternate` link).
    pub site_url: Option<String>,
    pub items: Vec<ItemDoc>,
    /// Non-fatal notes ("invalid windows-1251: bytes replaced").
    pub warnings: Vec<String>,
}

/// Why bytes are not a feed, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    #[error("not a feed: {0}")]
    NotAFeed(&'static str),
    #[error("the feed declares its own XML entities (a DTD), which byline never expands")]
    DeclaresEntities,
    #[error("malformed feed at line {line}: {detail}")]
    MalformedAt { line: u64, detail: String },
    #[error("malformed feed: {0}")]
    Malformed(String),
}

/// Parses a feed. `content_type` is the HTTP header, if any; `base` the feed's URL, against
/// which relative links resolve.
pub fn parse_feed(
    bytes: &[u8],
    content_type: Option<&str>,
    base: Option<&str>,
) -> Result<ParsedFeed, FeedError> {
    let kind = sniff(bytes);
    match kind {
        Kind::XmlFeed | Kind::JsonFeed => {}
        Kind::Html => return Err(FeedError::NotAFeed("an HTML page")),
        Kind::Opml => return Err(FeedError::NotAFeed("an OPML subscription list")),
        Kind::StoredItem | Kind::Text if bytes.trim_ascii().is_empty() => {
            return Err(FeedError::NotAFeed("the document is empty"))
        }
        Kind::StoredItem | Kind::Text => {
            return Err(FeedError::NotAFeed(
                "no RSS, Atom or JSON Feed root element",
            ))
        }
    }
    let decoded = decode_feed(bytes, content_type);
    if kind == Kind::XmlFeed && declares_entities(&decoded.text) {
        return Err(FeedError::DeclaresEntities);
    }
    let mut text = rss_root::readable_rss(&decoded.text);
    for (old, new) in ATOM_03_TO_10 {
        if text.contains(old) {
            text = text.replace(old, new).into();
        }
    }
    let mut mended = 0;
    let feed = loop {
        // A parser for each try: feed-rs keeps state from a failed parse (and asserts on it).
        let parser = Builder::new()
            .base_uri(base)
            // An empty id marks an item without its own: the key falls back to URL, then title.
            .id_generator(|_, _, _| String::new())
            .build();
        match parser.parse(text.as_bytes()) {
            Ok(feed) => break feed,
            Err(e) => match unknown_type::mend(&text, &e).filter(|_| mended < MAX_MENDS) {
                Some(fixed) => {
                    text = fixed.into();
                    mended += 1;
                }
                None => return Err(explain(e, &text)),
            },
        }
    };
    let mut parsed = from_feed(feed, base);
    if mended > 0 {
        parsed.warnings.push(format!(
            "{mended} elements of a type feed readers do not know, read as text"
        ));
    }
    if decoded.had_errors {
        let name = decoded.encoding.name();
        parsed
            .warnings
            .push(format!("invalid {name}: undecodable bytes replaced"));
    }
    Ok(parsed)
}

/// Atom 0.3's namespace (as an attribute value), which feed-rs does not know, and Atom 1.0's:
/// read as 1.0, a 0.3 feed gives its titles, links, entries and content (not its dates, whose
/// elements were renamed), where it gave an empty feed.
const ATOM_03_TO_10: [(&str, &str); 2] = [
    (
        "\"http://purl.org/atom/ns#\"",
        "\"http://www.w3.org/2005/Atom\"",
    ),
    (
        "'http://purl.org/atom/ns#'",
        "'http://www.w3.org/2005/Atom'",
    ),
];

/// A DOCTYPE with an internal subset that declares entities (the billion laughs).
fn declares_entities(text: &str) -> bool {
    let mut end = text.len().min(64 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    head.find("<!DOCTYPE")
        .is_some_and(|at| head[at..].contains("<!ENTITY"))
}

fn from_feed(feed: Feed, base: Option<&str>) -> ParsedFeed {
    let title = feed.title.as_ref().map(text_line).filter(|t| !t.is_empty());
    let site_url = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .and_then(|l| web_url(&l.href));
    let items = feed
        .entries
        .into_iter()
        .map(|entry| item(entry, title.clone(), base))
        .collect();
    ParsedFeed {
        title,
        site_url,
        items,
        warnings: Vec::new(),
    }
}

fn item(entry: Entry, feed_title: Option<String>, base: Option<&str>) -> ItemDoc {
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .and_then(|l| web_url(&l.href));
    let title = entry.title.as_ref().map(text_line).unwrap_or_default();
    let date = entry.published.or(entry.updated);
    let (content, html) = body(&entry);
    let content = remap_c1(&content).into_owned();
    let key = if !entry.id.trim().is_empty() {
        format!("guid:{}", entry.id.trim())
    } else if let Some(url) = &url {
        format!("url:{url}")
    } else {
        let day = date.map(|d| d.to_rfc3339()).unwrap_or_default();
        format!("title:{title}|{day}")
    };
    let mut doc = ItemDoc::new(key, title, content, html);
    doc.feed_title = feed_title;
    doc.authors = entry
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref().map(|n| one_line(&remap_c1(n))))
        .filter(|n| !n.is_empty())
        .collect();
    doc.date = date.map(|d| d.to_rfc3339());
    doc.base = url.clone().or_else(|| base.map(str::to_string));
    doc.url = url;
    doc.categories = entry
        .categories
        .iter()
        .map(|c| one_line(&remap_c1(c.label.as_deref().unwrap_or(&c.term))))
        .filter(|c| !c.is_empty())
        .collect();
    doc
}

/// The item's body and whether it is HTML: full content first, else the summary, else the
/// description of its media (a YouTube video's `media:description`, a podcast episode's
/// `itunes:summary`), where such feeds say everything they say.
fn body(entry: &Entry) -> (String, bool) {
    if let Some(content) = &entry.content {
        if let Some(text) = content.body.as_deref().filter(|b| !b.trim().is_empty()) {
            let plain = content.content_type.essence().to_string() == "text/plain";
            return (text.to_string(), !plain || looks_like_html(text));
        }
    }
    let media = entry.media.iter().filter_map(|m| m.description.as_ref());
    let text = entry
        .summary
        .iter()
        .chain(media)
        .find(|t| !t.content.trim().is_empty());
    match text {
        Some(text) => {
            let plain = text.content_type.essence().to_string() == "text/plain";
            let html = !plain || looks_like_html(&text.content);
            (text.content.clone(), html)
        }
        None => (String::new(), false),
    }
}

/// A title or name: markup and entities resolved, one clean line. Plain text (an Atom
/// `type="text"`, an RSS title) is read as HTML only when it looks like some, so a title about
/// `Vec<T>` keeps its `<T>`.
fn text_line(text: &Text) -> String {
    let content = remap_c1(&text.content);
    let plain = text.content_type.essence().to_string() == "text/plain";
    if plain && !looks_like_html(&content) {
        return one_line(&content);
    }
    let blocks = crate::html::to_blocks(&content, None).blocks;
    let joined: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    one_line(&joined.join(" "))
}

/// An http(s) URL without its fragment, or `None`.
fn web_url(href: &str) -> Option<String> {
    let mut url = url::Url::parse(href.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    url.set_fragment(None);
    Some(url.to_string())
}

/// feed-rs's error in words, with the line of the first XML error where one can be found.
fn explain(err: ParseFeedError, text: &str) -> FeedError {
    if let Some((line, detail)) = first_xml_error(text) {
        return FeedError::MalformedAt { line, detail };
    }
    match err {
        // Well-formed XML whose root feed-rs does not read (a CDF `<channel>`, a bare `<rdf>`).
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            FeedError::NotAFeed("no RSS, Atom or JSON Feed root element")
        }
        ParseFeedError::ParseError(kind) => FeedError::Malformed(one_line(&kind.to_string())),
        ParseFeedError::JsonUnsupportedVersion(v) => {
            FeedError::Malformed(format!("unsupported JSON Feed version {}", one_line(&v)))
        }
        other => FeedError::Malformed(one_line(&other.to_string())),
    }
}

/// Where quick-xml first fails on the text (1-based line), if it does.
fn first_xml_error(text: &str) -> Option<(u64, String)> {
    if text.trim_start().starts_with('{') {
        return None;
    }
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => return None,
            Ok(_) => {}
            Err(e) => {
                let at = (reader.error_position() as usize).min(text.len());
                let line = text.as_bytes()[..at]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                return Some((line as u64, one_line(&e.to_string())));
            }
        }
    }
}

mod rss_root;
mod unknown_type;

use unknown_type::MAX_MENDS;

#[cfg(test)]
mod tests;
