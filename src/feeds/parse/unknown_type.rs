//! feed-rs refuses a whole feed over one element whose `type` it does not read: an Atom
//! `<title type="text/plain">`, `type="application/xhtml+xml"` or base64, a `<media:description
//! type="text">`, an Atom `<content>` of a media type with nothing in it or inline XHTML typed
//! `application/xhtml+xml`. byline would rather lose that element's markup than every item: the
//! error names where the element is, so its `type` is mended and the feed parsed again.

use feed_rs::parser::{ParseErrorKind, ParseFeedError};

use super::rss_root::attribute_value;

/// How many elements are mended before the feed is given up as malformed.
pub(super) const MAX_MENDS: usize = 16;

/// The text with the element `err` names made readable, or `None` when `err` is about something
/// else or the element cannot be found. A text element of an unknown HTML-ish type is said to be
/// `html` (which Atom and Media RSS both know); a `<content>` whose body is missing for its type
/// becomes `xhtml` if it is XHTML; any other type is removed (plain text to both).
pub(super) fn mend(text: &str, err: &ParseFeedError) -> Option<String> {
    let ParseFeedError::ParseError(kind) = err else {
        return None;
    };
    let (position, mime, html) = match kind {
        ParseErrorKind::UnknownMimeType { position, mime } => (position, Some(mime), "html"),
        ParseErrorKind::MissingContent {
            position,
            reference: "content.inline" | "content.xml",
        } => (position, None, "xhtml"),
        _ => return None,
    };
    let end = usize::try_from(*position).ok()?;
    let start = text.get(..end)?.rfind('<')?;
    let open = &text[start..end];
    let (from, to) = attribute_value(open, "type")?;
    let value = &open[from..to];
    if mime.is_some_and(|m| m != value) || value == html {
        return None;
    }
    let (from, to, value) = match value.contains("html") {
        true => (start + from, start + to, html),
        false => {
            // The whole attribute: from the space before `type` to past the closing quote.
            let name = open[..from].rfind("type")?;
            let space = open[..name].trim_end().len();
            (start + space, start + to + 1, "")
        }
    };
    Some(format!("{}{value}{}", &text[..from], &text[to..]))
}

#[cfg(test)]
mod tests {
    use super::super::parse_feed;

    #[test]
    fn unknown_text_types_lose_their_markup_not_the_feed() {
        let text = r#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
            <title type="text/plain">Harbour &amp; Quay</title>
            <entry><id>1</id><title type='application/xhtml+xml'>Ferry &lt;b&gt;deal&lt;/b&gt;</title>
            <summary type="">Fares fall.</summary></entry>
            <entry><id>2</id><title type="text">Second</title>
            <media:group><media:description type="text">Clip</media:description></media:group></entry>
            </feed>"#;
        let feed = parse_feed(text.as_bytes(), None, None).unwrap();
        assert_eq!(feed.title.as_deref(), Some("Harbour & Quay"));
        let articles: Vec<_> = feed.items.iter().map(|i| i.to_parsed()).collect();
        assert_eq!(articles[0].title, "Ferry deal");
        assert_eq!(articles[0].body[0].text, "Fares fall.");
        assert_eq!(articles[1].title, "Second");
    }

    #[test]
    fn empty_or_xhtml_content_of_a_media_type_loses_nothing_else() {
        let text = r#"<feed xmlns="http://www.w3.org/2005/Atom">
            <entry><id>1</id><title>Empty</title><content type="text/plain"></content></entry>
            <entry><id>2</id><title>Inline</title><content type="application/xhtml+xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Ferry <b>deal</b></p></div></content></entry>
            </feed>"#;
        let feed = parse_feed(text.as_bytes(), None, None).unwrap();
        let articles: Vec<_> = feed.items.iter().map(|i| i.to_parsed()).collect();
        assert_eq!(articles[0].title, "Empty");
        assert!(articles[0].body.is_empty());
        assert_eq!(articles[1].body[0].text, "Ferry deal");
    }

    #[test]
    fn a_feed_of_endless_unknown_types_is_still_refused() {
        let entry = r#"<entry><id>1</id><title type="x/y">t</title></entry>"#;
        let text = format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">{}</feed>",
            entry.repeat(super::MAX_MENDS + 1)
        );
        let err = parse_feed(text.as_bytes(), None, None).unwrap_err();
        assert!(err.to_string().contains("x/y"), "{err}");
    }
}
