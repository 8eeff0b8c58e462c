//! What a file is, by its first bytes: a feed, an OPML list, an HTML page, a stored feed item,
//! or something else (an article text).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// What a file's content shows it to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// RSS 0.9x/1.0/2.0 or Atom.
    XmlFeed,
    JsonFeed,
    Opml,
    Html,
    /// An item of a feed as byline stores it ([`super::ItemDoc`]).
    StoredItem,
    /// Anything else: read as an article text.
    Text,
}

/// How far into the file the root element is looked for (after a BOM, comments, a DOCTYPE).
const LOOK_AHEAD: usize = 4096;

/// Recognises a file by content, never by its name.
pub fn sniff(bytes: &[u8]) -> Kind {
    if let Some(head) = utf16_head(bytes) {
        return sniff(head.as_bytes());
    }
    let start = strip_bom(bytes);
    let start = &start[start.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    if start.starts_with(super::item::MAGIC.as_bytes()) {
        return Kind::StoredItem;
    }
    if start.first() == Some(&b'{') {
        let head = String::from_utf8_lossy(&start[..start.len().min(LOOK_AHEAD)]);
        return match head.contains("jsonfeed.org/version") {
            true => Kind::JsonFeed,
            false => Kind::Text,
        };
    }
    if start.first() != Some(&b'<') {
        return Kind::Text;
    }
    let head = String::from_utf8_lossy(&start[..start.len().min(LOOK_AHEAD)]).to_ascii_lowercase();
    match root_element(&head) {
        Some(root) if root == "rss" || root == "feed" || root.ends_with("rdf") => Kind::XmlFeed,
        Some(root) if root == "channel" => Kind::XmlFeed, // RSS 0.90 written without <rss>
        Some(root) if root == "opml" => Kind::Opml,
        Some(root) if HTML_ROOTS.contains(&root.as_str()) => Kind::Html,
        _ if head.starts_with("<!doctype html") => Kind::Html,
        _ => Kind::Text,
    }
}

/// Elements that open an HTML page or fragment (a saved page often starts without `<html>`).
const HTML_ROOTS: &[&str] = &[
    "html", "head", "body", "meta", "title", "link", "script", "style", "div", "p", "article",
    "section", "main", "header", "nav", "span", "a", "h1", "h2", "h3", "table", "ul", "img",
];

/// The first characters of UTF-16 text (with a BOM, or seen as in XML), as UTF-8.
fn utf16_head(bytes: &[u8]) -> Option<String> {
    let encoding = match Encoding::for_bom(bytes) {
        Some((e, _)) if e == UTF_16LE || e == UTF_16BE => e,
        _ => super::charset::utf16_without_bom(bytes)?,
    };
    let head = &bytes[..bytes.len().min(2 * LOOK_AHEAD)];
    Some(encoding.decode_with_bom_removal(head).0.into_owned())
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The name of the first element, skipping the XML declaration, comments, processing
/// instructions and a DOCTYPE (lowercase input; the namespace prefix kept: `rdf:rdf`).
fn root_element(head: &str) -> Option<String> {
    let mut rest = head;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = &after[after.find("-->")? + 3..];
        } else if rest.starts_with("<!doctype") && subset_first(rest) {
            // An internal subset holds `>`s of its own: skip to its closing `]>`.
            rest = &rest[rest.find("]>")? + 2..];
        } else if rest.starts_with("<?") || rest.starts_with("<!") {
            rest = &rest[rest.find('>')? + 1..];
        } else {
            let name = rest.strip_prefix('<')?;
            let end = name
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(name.len());
            return Some(name[..end].to_string());
        }
    }
}

/// Whether a DOCTYPE opens an internal subset (`[`) before its first `>`.
fn subset_first(doctype: &str) -> bool {
    match (doctype.find('['), doctype.find('>')) {
        (Some(open), Some(close)) => open < close,
        (Some(_), None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_lists_pages_and_texts_are_told_apart() {
        let cases: &[(&str, Kind)] = &[
            ("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>", Kind::XmlFeed),
            ("\u{feff}<?xml version='1.0'?><!-- c --><feed xmlns=\"http://www.w3.org/2005/Atom\">", Kind::XmlFeed),
            ("<rdf:RDF xmlns:rdf=\"x\">", Kind::XmlFeed),
            ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"b\">]><rss>", Kind::XmlFeed),
            ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", Kind::JsonFeed),
            ("{\"name\": \"not a feed\"}", Kind::Text),
            ("<?xml version=\"1.0\"?>\n<opml version=\"2.0\">", Kind::Opml),
            ("<!DOCTYPE html>\n<html lang=\"en\">", Kind::Html),
            ("<html><body>", Kind::Html),
            ("Harbour report\n\nThe harbour opened.", Kind::Text),
            ("<p>a paragraph</p>", Kind::Html),
            ("<harbour> is not a tag anyone writes", Kind::Text),
            ("", Kind::Text),
        ];
        for (text, kind) in cases {
            assert_eq!(sniff(text.as_bytes()), *kind, "{text}");
        }
    }

    #[test]
    fn utf16_files_are_recognised_with_or_without_a_bom() {
        let feed = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n<rss version=\"2.0\">";
        let le: Vec<u8> = feed.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = feed.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(sniff(&le), Kind::XmlFeed);
        assert_eq!(sniff(&be), Kind::XmlFeed);
        assert_eq!(sniff(&[&[0xFF, 0xFE][..], &le].concat()), Kind::XmlFeed);
        assert_eq!(sniff(&[&[0xFE, 0xFF][..], &be].concat()), Kind::XmlFeed);
        let page: Vec<u8> = "\u{feff}<html><body>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(sniff(&page), Kind::Html);
    }
}
