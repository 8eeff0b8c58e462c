//! Bytes to text: BOM detection (UTF-8, UTF-16 LE/BE) and lossy decoding that counts what it
//! had to replace, so the importer can warn instead of silently mangling text.

/// The encoding a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Text that is not UTF-8 but holds a few 8-bit letters (a Latin-1 `£` or `é`).
    Windows1252,
}

impl Encoding {
    /// A short human name, for warnings ("UTF-8").
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le | Encoding::Utf16Be => "UTF-16",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// Decoded text and how many bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// U+FFFD replacements made (one per invalid UTF-8 sequence or unpaired UTF-16 unit).
    pub replacements: usize,
    /// What the bytes were read as (a BOM decides; UTF-8 otherwise).
    pub encoding: Encoding,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16_LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16_BE_BOM: &[u8] = b"\xFE\xFF";

/// Decodes bytes as UTF-8 (or UTF-16 when a BOM says so), replacing invalid sequences.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return decode_utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(UTF16_LE_BOM) {
        return decode_utf16(rest, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(UTF16_BE_BOM) {
        return decode_utf16(rest, Encoding::Utf16Be);
    }
    if is_sparse_latin1(bytes) {
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
        return Decoded {
            text: text.into_owned(),
            replacements: 0,
            encoding: Encoding::Windows1252,
        };
    }
    decode_utf8(bytes)
}

/// At most this share of a file's bytes may be 8-bit for it to be read as Windows-1252: a few
/// accents or a `£` in English or French text. A denser file (Cyrillic or Greek in a legacy
/// code page) is left to UTF-8 decoding, which refuses it with a hint to convert it.
const MAX_LATIN1_PERCENT: usize = 5;

/// Not UTF-8, with no valid multi-byte UTF-8 sequence at all (one would show the file is UTF-8
/// with a damaged byte), no C0 control but whitespace, and few 8-bit bytes.
fn is_sparse_latin1(bytes: &[u8]) -> bool {
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    if high == 0 || high * 100 > bytes.len() * MAX_LATIN1_PERCENT {
        return false;
    }
    let controls = bytes
        .iter()
        .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C));
    let any_valid_multibyte = bytes
        .utf8_chunks()
        .any(|c| c.valid().bytes().any(|b| b >= 0x80));
    let valid = std::str::from_utf8(bytes).is_ok();
    !valid && !controls && !any_valid_multibyte
}

/// Lossy UTF-8 with the same replacement policy as `String::from_utf8_lossy` (one U+FFFD per
/// maximal invalid sequence), but counting the replacements.
fn decode_utf8(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut replacements = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            replacements += 1;
        }
    }
    Decoded {
        text,
        replacements,
        encoding: Encoding::Utf8,
    }
}

/// UTF-16 with unpaired surrogates (and an odd trailing byte) replaced and counted.
fn decode_utf16(bytes: &[u8], encoding: Encoding) -> Decoded {
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = match *pair {
            [a, b] => [a, b],
            _ => [0, 0], // chunks_exact(2) never yields another length
        };
        match encoding {
            Encoding::Utf16Be => u16::from_be_bytes(pair),
            _ => u16::from_le_bytes(pair),
        }
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut replacements = 0;
    for unit in char::decode_utf16(units) {
        text.push(unit.unwrap_or_else(|_| {
            replacements += 1;
            char::REPLACEMENT_CHARACTER
        }));
    }
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
        replacements += 1;
    }
    Decoded {
        text,
        replacements,
        encoding,
    }
}
