//! feed-rs refuses a whole feed over one text element whose `type` it does not know: an Atom
//! `<title type="text/plain">`, `type="application/xhtml+xml"` or base64, a `<media:description
//! type="text">`. byline would rather lose that element's markup than every item: the error
//! names where the element is, so its `type` is mended and the feed parsed again.

use feed_rs::parser::{ParseErrorKind, ParseFeedError};

use super::rss_root::attribute_value;

/// How many elements are mended before the feed is given up as malformed.
pub(super) const MAX_MENDS: usize = 16;

/// The text with the element `err` names made readable: an HTML-ish type said as `html` (which
/// Atom and Media RSS both know), any other type removed (each reads it as plain text). `None`
/// when `err` is about something else or the element cannot be found.
pub(super) fn mend(text: &str, err: &ParseFeedError) -> Option<String> {
    let ParseFeedError::ParseError(ParseErrorKind::UnknownMimeType { position, mime }) = err else {
        return None;
    };
    let end = usize::try_from(*position).ok()?;
    let start = text.get(..end)?.rfind('<')?;
    let open = &text[start..end];
    let (from, to) = attribute_value(open, "type")?;
    if open[from..to] != *mime {
        return None;
    }
    let (from, to, value) = match mime != "html" && mime.contains("html") {
        true => (start + from, start + to, "html"),
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
