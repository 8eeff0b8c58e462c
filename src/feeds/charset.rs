//! A feed's bytes as UTF-8: the charset from the BOM, then UTF-16 seen in the first bytes (XML
//! 1.0 appendix F), then the HTTP `Content-Type`, then the XML declaration; undecodable bytes
//! replaced, never fatal. The declaration is rewritten to
//! say UTF-8 so the XML parser does not decode a second time.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// The text, and how many replacement characters decoding inserted.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub had_errors: bool,
}

/// Decodes a feed. A BOM wins over the HTTP header (as the WHATWG encoding standard and
/// RFC 7303 have it: the bytes cannot lie about themselves), and so does UTF-16 without a BOM
/// (no header charset can read `<\0?\0`); the header wins over the declaration.
pub fn decode_feed(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    let from_bom = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| utf16_without_bom(bytes));
    let from_header = content_type.and_then(charset_param).and_then(label);
    let from_declaration = declared_encoding(bytes).and_then(|l| label(&l));
    let encoding = from_bom
        .or(from_header)
        .or(from_declaration)
        .unwrap_or(UTF_8);
    let (text, encoding, had_errors) = encoding.decode(bytes);
    Decoded {
        text: rewrite_declaration(text).into_owned(),
        encoding,
        had_errors,
    }
}

/// UTF-16 recognised by its first two characters being ASCII (`<?`, `<r`...), as XML 1.0's
/// appendix F does it: the declaration, which would say so, cannot be read before.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes {
        [b'<', 0, c, 0, ..] if c.is_ascii_graphic() => Some(UTF_16LE),
        [0, b'<', 0, c, ..] if c.is_ascii_graphic() => Some(UTF_16BE),
        _ => None,
    }
}

/// C1 controls (U+0080 to U+009F) read as the windows-1252 characters they almost always are:
/// `&#146;` or a UTF-8 U+0092 written for `’` by software that took windows-1252 for Latin-1.
/// HTML does this for character references; XML does not, so feed text gets it here (else the
/// sanitizer would drop the character and leave "dont"). The five codes windows-1252 leaves
/// undefined stay controls.
pub fn remap_c1(text: &str) -> Cow<'_, str> {
    let is_c1 = |c: char| ('\u{80}'..='\u{9f}').contains(&c);
    if !text.contains(is_c1) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match is_c1(c) {
            true => out.push_str(
                &encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(&[c as u8])
                    .0,
            ),
            false => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The `charset` parameter of a `Content-Type` value.
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
    })
}

fn label(name: &str) -> Option<&'static Encoding> {
    // UTF-16 declared in a header or declaration of bytes with no BOM is almost always wrong:
    // the declaration itself was readable as ASCII.
    Encoding::for_label(name.as_bytes()).map(|e| e.output_encoding())
}

/// The `encoding` of an XML declaration at the start of the bytes.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(512)];
    let head = String::from_utf8_lossy(head);
    let decl = head.trim_start_matches('\u{feff}').trim_start();
    let decl = &decl[..decl.strip_prefix("<?xml")?.find("?>")? + 5];
    let at = decl.find("encoding")?;
    let value = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let value = value.trim_start();
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let inner = &value[1..];
    Some(inner[..inner.find(quote)?].to_string())
}

/// The XML declaration with its encoding made `utf-8` (the text is UTF-8 now).
fn rewrite_declaration(text: Cow<'_, str>) -> Cow<'_, str> {
    let trimmed = text.trim_start_matches('\u{feff}');
    let offset = text.len() - trimmed.len();
    let Some(end) = trimmed
        .starts_with("<?xml")
        .then(|| trimmed.find("?>"))
        .flatten()
    else {
        return match offset {
            0 => text,
            _ => Cow::Owned(trimmed.to_string()),
        };
    };
    let decl = &trimmed[..end];
    let Some(at) = decl.find("encoding") else {
        return Cow::Owned(trimmed.to_string());
    };
    let after = &decl[at..];
    let quote_open = after.find(['"', '\'']);
    let rewritten = quote_open.and_then(|q| {
        let quote = after[q..].chars().next()?;
        let close = after[q + 1..].find(quote)? + q + 1;
        Some(format!(
            "{}encoding=\"utf-8\"{}{}",
            &decl[..at],
            &after[close + 1..],
            &trimmed[end..]
        ))
    });
    Cow::Owned(rewritten.unwrap_or_else(|| trimmed.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp1251(text: &str) -> Vec<u8> {
        encoding_rs::WINDOWS_1251.encode(text).0.into_owned()
    }

    #[test]
    fn the_header_charset_decodes_bytes_the_declaration_does_not_name() {
        let mut bytes = b"<?xml version=\"1.0\"?><rss><channel><title>".to_vec();
        bytes.extend(cp1251("Новости"));
        bytes.extend(b"</title></channel></rss>");
        let decoded = decode_feed(&bytes, Some("application/rss+xml; charset=windows-1251"));
        assert!(
            decoded.text.contains("<title>Новости</title>"),
            "{}",
            decoded.text
        );
        assert!(!decoded.had_errors);
    }

    #[test]
    fn the_declaration_is_used_when_no_header_says_and_then_rewritten() {
        let mut bytes =
            b"<?xml version=\"1.0\" encoding='KOI8-R' standalone=\"yes\"?><rss><title>".to_vec();
        bytes.extend(encoding_rs::KOI8_R.encode("Привет").0.into_owned());
        bytes.extend(b"</title></rss>");
        let decoded = decode_feed(&bytes, Some("text/xml"));
        assert!(decoded.text.starts_with(
            "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?><rss><title>Привет"
        ));
    }

    #[test]
    fn a_bom_wins_and_is_removed() {
        let mut bytes =
            b"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss>".to_vec();
        bytes.extend("é</rss>".as_bytes());
        let decoded = decode_feed(&bytes, Some("text/xml; charset=windows-1251"));
        assert_eq!(
            decoded.text,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss>é</rss>"
        );
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let units = text.encode_utf16();
        match big_endian {
            true => units.flat_map(u16::to_be_bytes).collect(),
            false => units.flat_map(u16::to_le_bytes).collect(),
        }
    }

    #[test]
    fn utf16_is_read_with_or_without_a_bom_whatever_the_header_says() {
        let feed = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss>Café</rss>";
        let want = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss>Café</rss>";
        for big_endian in [true, false] {
            let plain = utf16(feed, big_endian);
            let with_bom = utf16(&format!("\u{feff}{feed}"), big_endian);
            for bytes in [plain, with_bom] {
                let decoded = decode_feed(&bytes, Some("text/xml; charset=us-ascii"));
                assert_eq!(decoded.text, want);
                assert!(!decoded.had_errors);
            }
        }
        assert_eq!(utf16_without_bom(b"<?xml"), None);
        assert_eq!(utf16_without_bom(b"<\0\0\0"), None); // UTF-32, which is not read
    }

    #[test]
    fn c1_controls_become_windows_1252_characters() {
        assert_eq!(remap_c1("don\u{92}t \u{80}5 \u{85}"), "don’t €5 …");
        assert_eq!(remap_c1("\u{81}\u{9d}"), "\u{81}\u{9d}"); // undefined in windows-1252
        assert!(matches!(remap_c1("plain ’"), Cow::Borrowed(_)));
    }

    #[test]
    fn bad_bytes_are_replaced_not_fatal() {
        let decoded = decode_feed(b"<rss>\xFF\xFE\xFA</rss>", None);
        assert!(decoded.had_errors);
        assert!(decoded.text.contains('\u{FFFD}'));
    }

    #[test]
    fn charset_params_are_read_in_any_case_and_quoting() {
        assert_eq!(
            charset_param("text/xml; Charset=\"KOI8-R\""),
            Some("KOI8-R")
        );
        assert_eq!(charset_param("text/xml"), None);
    }
}
