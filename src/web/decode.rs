//! A page's bytes as text: the charset from the BOM (or UTF-16 seen in the first bytes), then
//! the HTTP `Content-Type`, then valid UTF-8, then the page's own `<meta charset>` or
//! `http-equiv` declaration; bytes that are not UTF-8 and declare nothing are read as
//! Windows-1252, as browsers do.
//! Undecodable bytes are replaced and counted, never fatal.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::feeds::charset::{charset_param, utf16_without_bom};

/// How far into the page a `<meta charset>` is looked for (the HTML standard's prescan reads
/// 1024 bytes; saved pages often put comments first, so a little more).
const PRESCAN_BYTES: usize = 4096;

/// The page's text and how it was read.
#[derive(Debug)]
pub struct Page {
    pub text: String,
    pub encoding: &'static Encoding,
    /// U+FFFD characters decoding inserted.
    pub replacements: usize,
}

/// Decodes a page; `content_type` is the HTTP header of a fetched page.
pub fn decode_page(bytes: &[u8], content_type: Option<&str>) -> Page {
    let from_bom = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| utf16_without_bom(bytes));
    let from_header = || content_type.and_then(charset_param).and_then(label);
    let utf8 = std::str::from_utf8(bytes).is_ok();
    // A saved page is often re-encoded as UTF-8 with its old declaration left in place: bytes
    // that are valid UTF-8 are read as UTF-8 whatever the page's own `<meta>` says.
    let from_meta = || match utf8 {
        true => Some(UTF_8),
        false => meta_charset(bytes).and_then(|l| label(&l)),
    };
    let encoding = from_bom
        .or_else(from_header)
        .or_else(from_meta)
        // An undeclared legacy page: windows-1252 decodes every byte (Latin-1 pages too).
        .unwrap_or(WINDOWS_1252);
    let (text, encoding, had_errors) = encoding.decode(bytes);
    let replacements = match had_errors {
        true => text.chars().filter(|&c| c == '\u{FFFD}').count(),
        false => 0,
    };
    Page {
        text: text.into_owned(),
        encoding,
        replacements,
    }
}

/// An encoding by its label; a page that declares UTF-16 in ASCII is not UTF-16 (the standard
/// reads it as UTF-8).
fn label(name: &str) -> Option<&'static Encoding> {
    Encoding::for_label(name.trim().as_bytes()).map(|e| e.output_encoding())
}

/// The charset a `<meta charset=...>` or `<meta http-equiv content="...; charset=...">` near
/// the start of the page names.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        let tag = &rest[at..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if let Some(found) = charset_in(tag) {
            return Some(found);
        }
        rest = &rest[at + 5..];
    }
    None
}

/// The value after `charset=` in a meta tag's text, without quotes.
fn charset_in(tag: &str) -> Option<String> {
    let at = tag.find("charset")?;
    let value = tag[at + "charset".len()..].trim_start().strip_prefix('=')?;
    let value = value.trim_start().trim_start_matches(['"', '\'']);
    let end = value
        .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace())
        .unwrap_or(value.len());
    let name = &value[..end];
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(head: &str, body: &[u8]) -> Vec<u8> {
        [head.as_bytes(), body].concat()
    }

    #[test]
    fn a_meta_charset_or_http_equiv_declaration_is_honoured() {
        let text = encoding_rs::WINDOWS_1251.encode("Новости").0;
        let bytes = page("<html><head><meta charset='windows-1251'><title>", &text);
        assert!(decode_page(&bytes, None).text.ends_with("<title>Новости"));
        let bytes = page(
            "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=KOI8-R\">",
            &encoding_rs::KOI8_R.encode("Привет").0,
        );
        assert!(decode_page(&bytes, None).text.ends_with("Привет"));
        // A page saved as UTF-8 that still declares its old charset.
        let saved = "<meta charset=gb2312><title>新电脑</title>";
        assert_eq!(decode_page(saved.as_bytes(), None).text, saved);
    }

    #[test]
    fn the_bom_beats_the_header_which_beats_the_meta() {
        let body = "<meta charset=koi8-r>Café".as_bytes();
        let bom = page("\u{feff}", body);
        let got = decode_page(&bom, Some("text/html; charset=windows-1251"));
        assert_eq!(got.text, "<meta charset=koi8-r>Café");
        let latin = encoding_rs::WINDOWS_1252
            .encode("<meta charset=koi8-r>Café")
            .0;
        let got = decode_page(&latin, Some("text/html; charset=ISO-8859-1"));
        assert_eq!(got.text, "<meta charset=koi8-r>Café");
    }

    #[test]
    fn undeclared_legacy_bytes_are_windows_1252_and_utf16_declared_in_ascii_is_utf8() {
        assert_eq!(decode_page(b"<p>caf\xe9</p>", None).text, "<p>café</p>");
        let got = decode_page(b"<meta charset=utf-16><p>\xff</p>", None);
        assert_eq!(got.encoding, UTF_8);
        assert_eq!(got.replacements, 1);
        let utf16: Vec<u8> = "<html><p>Ω</p>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode_page(&utf16, None).text, "<html><p>Ω</p>");
    }
}
