//! Character-level scanning shared by the parser and the printer: where a term ends,
//! quoted strings and their escapes, and what counts as a field prefix or a bare word.

/// The fields the parser knows, in the order error messages list them.
pub const FIELDS: [&str; 6] = ["source", "person", "author", "tag", "date", "is"];

/// A quoted string read from the input.
pub struct Quoted {
    /// The text between the quotes with escapes resolved.
    pub text: String,
    /// Index just past the closing quote.
    pub end: usize,
}

/// Reads the quoted string whose opening `"` is at `open`; `None` if it never closes.
/// Inside quotes `\"` is a quote and `\\` a backslash; other backslashes are literal.
pub fn scan_quoted(chars: &[char], open: usize) -> Option<Quoted> {
    let mut text = String::new();
    let mut at = open + 1;
    while let Some(&c) = chars.get(at) {
        match (c, chars.get(at + 1)) {
            ('\\', Some(&next @ ('"' | '\\'))) => {
                text.push(next);
                at += 2;
            }
            ('"', _) => return Some(Quoted { text, end: at + 1 }),
            _ => {
                text.push(c);
                at += 1;
            }
        }
    }
    None
}

/// Where the term starting at `start` ends: at the first whitespace outside quotes.
/// `Err(quote)` gives the index of a quote that never closes.
pub fn term_end(chars: &[char], start: usize) -> Result<usize, usize> {
    let mut at = start;
    while let Some(&c) = chars.get(at) {
        if c.is_whitespace() {
            break;
        }
        if c == '"' {
            at = scan_quoted(chars, at).ok_or(at)?.end;
        } else {
            at += 1;
        }
    }
    Ok(at)
}

/// The length of a leading `letters:` field prefix, colon excluded, if `text` has one.
pub fn field_prefix_len(text: &[char]) -> Option<usize> {
    let letters = text.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    (letters > 0 && text.get(letters) == Some(&':')).then_some(letters)
}

/// Whether `name` (any case) is one of [`FIELDS`].
pub fn is_known_field(name: &str) -> bool {
    FIELDS.iter().any(|field| field.eq_ignore_ascii_case(name))
}

/// Whether `value` after `name:` makes the whole thing a URL-like word (`https://…`)
/// rather than a field. Only unknown names qualify, so `source://x` stays a field.
pub fn is_url_like(name: &str, value: &[char]) -> bool {
    !is_known_field(name) && value.starts_with(&['/', '/'])
}

/// Whether `text` would parse back, unquoted, as exactly this bare word.
pub fn is_bare_word(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let plain = !chars.is_empty()
        && chars[0] != '-'
        && chars[0] != '@'
        && !chars.iter().any(|&c| c == '"' || c.is_whitespace());
    plain
        && match field_prefix_len(&chars) {
            None => true,
            Some(len) => {
                let name: String = chars[..len].iter().collect();
                is_url_like(&name, &chars[len + 1..])
            }
        }
}

/// Whether a field value can be printed without quotes and still parse back the same.
/// Colons and a leading `-` are quoted too, though they would parse, to keep values obvious.
pub fn is_bare_value(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text
            .chars()
            .any(|c| c == '"' || c == ':' || c.is_whitespace())
}

/// `text` in double quotes, with `"` and `\` escaped.
pub fn quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    quoted.push('"');
    quoted
}

/// Whether `name` can name a saved search (`@name`): letters, digits, `-` and `_`, at most
/// [`MAX_SAVED_NAME`] characters.
pub fn is_saved_name(name: &str) -> bool {
    let count = name.chars().count();
    (1..=MAX_SAVED_NAME).contains(&count)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// The longest name of a saved search, in characters.
pub const MAX_SAVED_NAME: usize = 64;
