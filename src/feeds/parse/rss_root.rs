//! feed-rs reads an `<rss>` root only when its `version` says 2.0, 0.91 or 0.92, and only the
//! items of its `<channel>`: a root without the attribute, or with 0.93, 0.94, 2.01..., or with
//! no `<channel>` (an empty feed, or items written straight under `<rss>`) is "no root element"
//! to it. RSS 2.0 reads every 0.9x element, so such a root is told it is 2.0, and its content is
//! wrapped in the `<channel>` it lacks, before parsing.

use std::borrow::Cow;

use quick_xml::events::Event;

/// Versions feed-rs dispatches on.
const KNOWN: &[&str] = &["2.0", "0.91", "0.92", ""];

/// The text with an `<rss>` root's missing or unknown `version` made `"2.0"` and its content
/// put in a `<channel>` if it has none; anything else (another root, XML that fails) unchanged.
pub(super) fn readable_rss(text: &str) -> Cow<'_, str> {
    let mut reader = quick_xml::Reader::from_str(text);
    let tag = loop {
        match reader.read_event() {
            Ok(Event::Start(tag)) => break tag,
            Ok(Event::Eof | Event::Empty(_)) | Err(_) => return Cow::Borrowed(text),
            Ok(_) => {}
        }
    };
    if tag.name().as_ref() != "rss" {
        return Cow::Borrowed(text);
    }
    let end = (reader.buffer_position() as usize).min(text.len());
    let Some(start) = text[..end].rfind("<rss") else {
        return Cow::Borrowed(text);
    };
    let open = &text[start..end];
    let version = tag.try_get_attribute("version").ok().flatten();
    let open = match version {
        Some(v) if KNOWN.contains(&&*v.value) => Cow::Borrowed(open),
        None => Cow::Owned(format!("<rss version=\"2.0\"{}", &open[4..])),
        Some(_) => match attribute_value(open, "version") {
            Some((from, to)) => Cow::Owned(format!("{}2.0{}", &open[..from], &open[to..])),
            None => Cow::Borrowed(open),
        },
    };
    let close = root_close_without_channel(&mut reader, text);
    match (open, close) {
        (Cow::Borrowed(_), None) => Cow::Borrowed(text),
        (open, None) => Cow::Owned(format!("{}{open}{}", &text[..start], &text[end..])),
        (open, Some(close)) => Cow::Owned(format!(
            "{}{open}<channel>{}</channel>{}",
            &text[..start],
            &text[end..close],
            &text[close..]
        )),
    }
}

/// Where the root's end tag starts, when the root (whose start tag `reader` has just read) has
/// no `<channel>` child; `None` when it has one, or the XML fails before the root ends.
fn root_close_without_channel(reader: &mut quick_xml::Reader<&[u8]>, text: &str) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Start(tag)) => {
                if depth == 0 && tag.name().as_ref() == "channel" {
                    return None;
                }
                depth += 1;
            }
            Ok(Event::Empty(tag)) if depth == 0 && tag.name().as_ref() == "channel" => return None,
            Ok(Event::End(_)) if depth == 0 => {
                let end = (reader.buffer_position() as usize).min(text.len());
                return text[..end].rfind("</");
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// Where an attribute's value lies in a start tag (byte range, quotes excluded).
pub(super) fn attribute_value(open: &str, name: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(found) = open[from..].find(name) {
        let at = from + found;
        from = at + name.len();
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
            ("<rss><channel/></rss>", "<rss version=\"2.0\"><channel/></rss>"),
            (
                "<?xml version='1.0'?>\n<!-- c --><rss xmlns:a=\"x\"><channel></channel></rss>",
                "<?xml version='1.0'?>\n<!-- c --><rss version=\"2.0\" xmlns:a=\"x\"><channel></channel></rss>",
            ),
            (
                "<rss xmlns:version=\"v\" version = '0.94' ><channel/></rss>",
                "<rss xmlns:version=\"v\" version = '2.0' ><channel/></rss>",
            ),
            ("<rss version=\"2.01\"><channel/>", "<rss version=\"2.0\"><channel/>"),
        ];
        for (text, want) in cases {
            assert_eq!(readable_rss(text), want, "{text}");
        }
    }

    #[test]
    fn content_without_a_channel_is_put_in_one() {
        let cases = [
            (
                "<rss version=\"2.0\">\n</rss>",
                "<rss version=\"2.0\"><channel>\n</channel></rss>",
            ),
            (
                "<rss><item><channel/></item></rss >",
                "<rss version=\"2.0\"><channel><item><channel/></item></channel></rss >",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(readable_rss(text), want, "{text}");
        }
    }

    #[test]
    fn known_versions_other_roots_and_broken_xml_are_left_alone() {
        for text in [
            "<rss version=\"2.0\"><channel/></rss>",
            "<rss version='0.91'><x/><channel>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><rss/></feed>",
            "<rdf:RDF><rss/></rdf:RDF>",
            "not xml at all",
            "<rss version=\"0.93\"",
            "<rss version=\"2.0\"><item></rss>",
        ] {
            assert!(matches!(readable_rss(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn feeds_without_a_version_or_a_channel_parse() {
        let parse = |text: &str| super::super::parse_feed(text.as_bytes(), None, None).unwrap();
        let feed = parse(
            "<rss><channel><title>Harbour</title><item><title>Ferry</title></item></channel></rss>",
        );
        assert_eq!(feed.title.as_deref(), Some("Harbour"));
        assert_eq!(feed.items[0].title, "Ferry");
        let feed = parse("<rss version=\"0.94\"><item><title>Ferry</title></item></rss>");
        assert_eq!(feed.items[0].title, "Ferry");
        assert!(parse("<rss version=\"2.0\">\n</rss>").items.is_empty());
    }
}
