//! Import parsers: pure functions from a file's bytes to a [`ParsedArticle`], chosen by content.

pub mod blocks;
pub mod byline;
pub mod credits;
pub mod dates;
pub mod furniture;
pub mod names;
pub mod outlets;
pub mod plain;
pub mod title;
pub mod url;
pub mod wire;

use crate::feeds::{ItemDoc, Kind};
use crate::model::{Article, ParsedArticle};
use crate::text::{decode, sanitize};

/// Why a file could not be made into an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    #[error("the file is empty")]
    Empty,
    #[error("the file looks binary, not text")]
    Binary,
    #[error("no title found: the file has no text line")]
    NoTitle,
    #[error("{0}")]
    Web(#[from] crate::web::WebError),
    #[error("an OPML subscription list: subscribe to its feeds with `byline feed import FILE`")]
    Opml,
    #[error("a feed (RSS, Atom or JSON Feed), which holds many articles: `byline import` reads its items")]
    Feed,
    #[error("{0}")]
    StoredItem(String),
}

/// Parses an article file's bytes, a saved web page ([`crate::web`]), or a stored feed item.
/// Fields that cannot be found stay empty. OPML lists and feeds are refused with what to do
/// instead.
///
/// Bytes are decoded (BOMs honoured, invalid UTF-8 replaced and counted), sanitized, and given
/// to the wire parser when a byline, date line, `Source:` URL or dateline shows the wire layout,
/// else to the plain headline-and-paragraphs parser.
pub fn parse(bytes: &[u8]) -> Result<ParsedArticle, IngestError> {
    match crate::feeds::sniff(bytes) {
        Kind::Text => {}
        Kind::StoredItem => {
            let item =
                ItemDoc::from_bytes(bytes).map_err(|e| IngestError::StoredItem(e.to_string()))?;
            return Ok(item.to_parsed());
        }
        Kind::Html => return Ok(crate::web::extract(bytes, None)?.article),
        Kind::Opml => return Err(IngestError::Opml),
        Kind::XmlFeed | Kind::JsonFeed => return Err(IngestError::Feed),
    }
    let decoded = decode(bytes);
    if looks_binary(&decoded.text) {
        return Err(IngestError::Binary);
    }
    let text = sanitize(&decoded.text);
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    let all_lines: Vec<&str> = text.split('\n').collect();
    let first = all_lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .ok_or(IngestError::NoTitle)?;
    let lines = all_lines.get(first..).unwrap_or_default();
    let mut article = if is_wire(lines) {
        wire::parse(lines)
    } else {
        plain::parse(lines)
    };
    if article.title.is_empty() {
        return Err(IngestError::NoTitle);
    }
    if article.author.is_none() {
        article.author = credits::body_authors(&article.body);
    }
    article.replacements = decoded.replacements;
    if decoded.encoding == crate::text::Encoding::Windows1252 {
        article.warnings.insert(
            0,
            "not UTF-8: read as Windows-1252 (a few 8-bit characters such as £ or é)".into(),
        );
    }
    if decoded.replacements > 0 {
        let encoding = decoded.encoding.name();
        let n = decoded.replacements;
        article.warnings.insert(
            0,
            format!("invalid {encoding}: {n} byte sequence(s) replaced"),
        );
    }
    Ok(article)
}

/// Share of undecodable or control chars above which a file is not text (30%): one stray
/// Latin-1 byte in a short line is still text; random bytes are not.
const MAX_NON_TEXT_PERCENT: usize = 30;

/// NUL bytes, or mostly replacement/control characters.
fn looks_binary(text: &str) -> bool {
    let mut total = 0;
    let mut non_text = 0;
    for c in text.chars() {
        if c == '\0' {
            return true;
        }
        total += 1;
        let control = c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}' | '\u{1B}');
        if control || c == char::REPLACEMENT_CHARACTER {
            non_text += 1;
        }
    }
    non_text * 100 > total * MAX_NON_TEXT_PERCENT
}

/// The wire layout shows itself by a byline or date line under the title, a `Source:` URL line,
/// or a dateline opening the body.
fn is_wire(lines: &[&str]) -> bool {
    let after_title = lines.get(1..).unwrap_or_default();
    let header = wire::read_header(after_title);
    if header.byline.is_some() || header.date.is_some() || wire::find_source_line(lines).is_some() {
        return true;
    }
    let first_body_line = after_title.iter().find(|l| !l.trim().is_empty());
    first_body_line.is_some_and(|l| byline::parse_dateline(l.trim()).is_some())
}

/// Where a file came from, for the source fallbacks.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// `import --source NAME`.
    pub source_override: Option<String>,
    /// The name of the folder holding the file.
    pub parent_folder: Option<String>,
}

/// Settles the source (text, then `--source`, then URL domain, then parent folder) and finds the
/// people: everything derived from a parsed article.
pub fn derive(parsed: ParsedArticle, origin: &Origin) -> Article {
    let source = parsed
        .source
        .clone()
        .or_else(|| origin.source_override.clone())
        .or_else(|| parsed.url.as_deref().and_then(url_domain))
        .or_else(|| origin.parent_folder.clone());
    let people = crate::people::extract(&parsed.title, &parsed.body);
    Article {
        parsed,
        source,
        people,
    }
}

/// The host of a URL without a leading `www.` ("https://www.rferl.org/a/1" gives "rferl.org").
pub fn url_domain(url: &str) -> Option<String> {
    let parsed = ::url::Url::parse(url).ok()?;
    let host = parsed.host_str()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string())
}

#[cfg(test)]
mod tests;
