//! `byline add URL`: one web page fetched under the feeds' HTTP rules (http(s) only, timeouts,
//! a size cap, our User-Agent) and stored as an article, as a saved page would be. A URL that
//! turns out to be a feed is reported instead, so the caller can offer to subscribe.

use crate::feeds::{sniff, Kind};
use crate::fetch::{Client, FetchError, Fetched, Outcome, Validators};
use crate::store::{ImportOutcome, Store, StoreError};

/// What adding a URL did.
#[derive(Debug)]
pub enum Added {
    /// The page, stored as one article.
    Article {
        outcome: ImportOutcome,
        title: String,
        source: Option<String>,
        /// People the page mentions.
        people: usize,
        /// Caveats of the extraction (no main text told apart, bytes replaced, ...).
        warnings: Vec<String>,
    },
    /// The URL serves a feed (RSS, Atom or JSON Feed): `byline feed add URL` subscribes to it.
    Feed { url: String },
}

/// Why a URL could not be added.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error("{url}: {reason}")]
    NotOpenable { url: String, reason: String },
    #[error("{url}: {source}; nothing added")]
    Fetch { url: String, source: FetchError },
    #[error("{url}: {reason}; nothing added")]
    Unreadable { url: String, reason: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Fetches `url` and stores it as an article (its source `source` when given, else the page's
/// outlet). Nothing is stored when the page cannot be read as an article.
pub fn add_page(
    store: &mut Store,
    client: &Client,
    url: &str,
    source: Option<&str>,
) -> Result<Added, AddError> {
    let unreadable = |reason: String| AddError::Unreadable {
        url: url.to_string(),
        reason,
    };
    let checked = crate::links::openable(url).map_err(|e| AddError::NotOpenable {
        url: url.to_string(),
        reason: e.to_string(),
    })?;
    let fetched = fetch(client, checked.as_str())?;
    let kind = sniff(&fetched.body);
    let stored = match kind {
        Kind::XmlFeed | Kind::JsonFeed => {
            let url = fetched.moved_to.unwrap_or_else(|| checked.to_string());
            return Ok(Added::Feed { url });
        }
        Kind::Opml => {
            return Err(unreadable(
                "an OPML subscription list: `byline feed import FILE` reads one".into(),
            ))
        }
        // Only files written by byline itself hold stored feed items; a server may not.
        Kind::StoredItem => return Err(unreadable("not a web page".into())),
        Kind::Html => with_origin(&fetched),
        Kind::Text => fetched.body.clone(),
    };
    let article = super::prepare(&stored, Some(fetched.final_url.clone()), None, source)
        .map_err(|e| unreadable(super::explain_refusal(&e, &stored)))?;
    let parsed = &article.article.parsed;
    let (title, warnings) = (parsed.title.clone(), parsed.warnings.clone());
    let source = article.article.source.clone();
    let people = article.article.people.len();
    let outcome = store.import_batch(std::slice::from_ref(&article))?;
    Ok(Added::Article {
        outcome: outcome.first().copied().unwrap_or(ImportOutcome::Unchanged),
        title,
        source,
        people,
        warnings,
    })
}

fn fetch(client: &Client, url: &str) -> Result<Fetched, AddError> {
    match client.get(url, &Validators::default()) {
        Ok(Outcome::Fetched(fetched)) => Ok(fetched),
        // No validators were sent, so a 304 is the server's confusion: nothing to read.
        Ok(Outcome::NotModified { .. }) => Err(AddError::Unreadable {
            url: url.to_string(),
            reason: "the server answered 304 Not Modified to a plain request".into(),
        }),
        Err(source) => Err(AddError::Fetch {
            url: url.to_string(),
            source,
        }),
    }
}

/// The page's bytes as they are stored: led by a browser's "saved from" comment naming where
/// it came from (and a charset declaration for the HTTP header's charset), so that reading the
/// stored original again, as the reading pane and `reindex` do, gives the same article with
/// its links resolved. A UTF-16 page is kept as it came (an ASCII prefix would break it).
fn with_origin(fetched: &Fetched) -> Vec<u8> {
    let body = &fetched.body;
    if body.starts_with(&[0xFF, 0xFE]) || body.starts_with(&[0xFE, 0xFF]) {
        return body.clone();
    }
    const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
    let (bom, rest) = match body.strip_prefix(UTF8_BOM) {
        Some(rest) => (UTF8_BOM, rest),
        None => (&[][..], &body[..]),
    };
    // A parsed URL percent-encodes `<`, `>` and spaces: it cannot close the comment.
    let url = url::Url::parse(&fetched.final_url)
        .map(|u| u.to_string())
        .unwrap_or_default();
    let mut prefix = format!("<!-- saved from url=({:04}){url} -->\n", url.len());
    if let Some(charset) =
        header_charset(fetched.content_type.as_deref()).filter(|_| bom.is_empty())
    {
        prefix.push_str(&format!("<meta charset=\"{charset}\">\n"));
    }
    let mut out = Vec::with_capacity(bom.len() + prefix.len() + rest.len());
    out.extend_from_slice(bom);
    out.extend_from_slice(prefix.as_bytes());
    out.extend_from_slice(rest);
    out
}

/// The `charset` parameter of a Content-Type header, when it is a plain label.
fn header_charset(content_type: Option<&str>) -> Option<String> {
    let value = content_type?.split(';').skip(1).find_map(|p| {
        let (name, value) = p.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_string())
    })?;
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_.:".contains(c);
    (!value.is_empty() && value.len() <= 40 && value.chars().all(plain)).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetched(body: &[u8], content_type: Option<&str>) -> Fetched {
        Fetched {
            body: body.to_vec(),
            content_type: content_type.map(str::to_string),
            validators: Validators::default(),
            final_url: "https://news.example/a b/<x>".into(),
            moved_to: None,
        }
    }

    #[test]
    fn the_stored_page_names_its_url_and_the_headers_charset() {
        let page = with_origin(&fetched(
            b"<html>caf\xe9</html>",
            Some("text/html; charset=\"windows-1252\""),
        ));
        let text = String::from_utf8_lossy(&page);
        assert!(text.starts_with(
            "<!-- saved from url=(0034)https://news.example/a%20b/%3Cx%3E -->\n<meta charset=\"windows-1252\">\n<html>"
        ), "{text}");
    }

    #[test]
    fn a_bom_stays_first_and_a_utf16_page_is_kept_as_it_came() {
        let page = with_origin(&fetched(
            b"\xEF\xBB\xBF<p>x</p>",
            Some("text/html; charset=latin1"),
        ));
        assert!(page.starts_with(b"\xEF\xBB\xBF<!-- saved from url="));
        assert!(!String::from_utf8_lossy(&page).contains("<meta charset"));
        let utf16 = b"\xFF\xFE<\0p\0>\0";
        assert_eq!(with_origin(&fetched(utf16, None)), utf16.to_vec());
    }

    #[test]
    fn only_a_plain_charset_label_is_copied() {
        assert_eq!(
            header_charset(Some("text/html; charset=UTF-8")).as_deref(),
            Some("UTF-8")
        );
        assert_eq!(header_charset(Some("text/html")), None);
        assert_eq!(header_charset(Some("text/html; charset=\"><script>")), None);
        assert_eq!(header_charset(None), None);
    }
}
