//! feed-rs reads an `<rss>` root only when its `version` says 2.0, 0.91 or 0.92: a root without
//! the attribute, or with 0.93, 0.94, 2.01..., is "no root element" to it. Such feeds are common
//! enough (and RSS 2.0 reads every 0.9x element), so the root is told it is 2.0 before parsing.

use std::borrow::Cow;

use quick_xml::events::Event;

/// Versions feed-rs dispatches on.
const KNOWN: &[&str] = &["2.0", "0.91", "0.92", ""];

/// The text with an `<rss>` root's missing or unknown `version` made `"2.0"`; anything else
/// (another root, a known version, XML that fails before its root) unchanged.
pub(super) fn with_known_rss_version(text: &str) -> Cow<'_, str> {
    let mut reader = quick_xml::Reader::from_str(text);
    let tag = loop {
        match reader.read_event() {
            Ok(Event::Start(tag) | Event::Empty(tag)) => break tag,
            Ok(Event::Eof) | Err(_) => return Cow::Borrowed(text),
            Ok(_) => {}
        }
    };
    if tag.name().as_ref() != "rss" {
        return Cow::Borrowed(text);
    }
    let version = tag.try_get_attribute("version").ok().flatten();
    if version.as_ref().is_some_and(|v| KNOWN.contains(&&*v.value)) {
        return Cow::Borrowed(text);
    }
    let end = (reader.buffer_position() as usize).min(text.len());
    let Some(start) = text[..end].rfind("<rss") else {
        return Cow::Borrowed(text);
    };
    let open = &text[start..end];
    let fixed = match version {
        None => format!("<rss version=\"2.0\"{}", &open[4..]),
        Some(_) => match version_value(open) {
            Some((from, to)) => format!("{}2.0{}", &open[..from], &open[to..]),
            None => return Cow::Borrowed(text),
        },
    };
    Cow::Owned(format!("{}{fixed}{}", &text[..start], &text[end..]))
}

/// Where the `version` attribute's value lies in a start tag (byte range, quotes excluded).
fn version_value(open: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(found) = open[from..].find("version") {
        let at = from + found;
        from = at + "version".len();
        if !open[..at].ends_with(char::is_whitespace) {
            continue; // `xmlns:version`, or a value holding the word
        }
        let rest = open[from..].trim_start();
        let Some(value) = rest.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let begin = open.len() - value.len() + 1;
        let close = open[begin..].find(quote)?;
        return Some((begin, begin + close));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_and_unknown_versions_become_2_0() {
        let cases = [
            (
                "<rss><channel/></rss>",
                "<rss version=\"2.0\"><channel/></rss>",
            ),
            (
                "<?xml version='1.0'?>\n<!-- c --><rss xmlns:a=\"x\">",
                "<?xml version='1.0'?>\n<!-- c --><rss version=\"2.0\" xmlns:a=\"x\">",
            ),
            (
                "<rss xmlns:version=\"v\" version = '0.94' >",
                "<rss xmlns:version=\"v\" version = '2.0' >",
            ),
            ("<rss version=\"2.01\"/>", "<rss version=\"2.0\"/>"),
        ];
        for (text, want) in cases {
            assert_eq!(with_known_rss_version(text), want, "{text}");
        }
    }

    #[test]
    fn known_versions_and_other_roots_are_left_alone() {
        for text in [
            "<rss version=\"2.0\"><channel/></rss>",
            "<rss version='0.91'>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><rss/></feed>",
            "<rdf:RDF><rss/></rdf:RDF>",
            "not xml at all",
            "<rss version=\"0.93\"",
        ] {
            assert!(
                matches!(with_known_rss_version(text), Cow::Borrowed(_)),
                "{text}"
            );
        }
    }

    #[test]
    fn a_feed_without_a_version_parses() {
        let text = "<rss><channel><title>Harbour</title><item><title>Ferry</title></item>\
            </channel></rss>";
        let feed = super::super::parse_feed(text.as_bytes(), None, None).unwrap();
        assert_eq!(feed.title.as_deref(), Some("Harbour"));
        assert_eq!(feed.items[0].title, "Ferry");
    }
}
