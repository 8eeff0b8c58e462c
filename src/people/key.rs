//! Matching keys for names: case, accents and common transliteration variants folded away, so that
//! "Zelensky", "Zelenskyy" and "Zelenskiy" meet.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// The folded key of a whole name: lowercase, no diacritics, tokens transliteration-normalised and
/// joined by single spaces; a hyphen inside a name is a space ("Jean-Paul" and "Jean Paul" meet).
/// `person_key("Volodymyr Zelenskyy") == person_key("volodymyr zelensky")`.
pub fn person_key(name: &str) -> String {
    name_keys(name).join(" ")
}

/// The folded key of a name's surname: its last token that is not a generational suffix
/// ("Jr.", "III"), or "" for an empty name. `surname_key("Martin Luther King Jr.") == "king"`.
///
/// A hyphenated surname gives its last part (`surname_key("Teodor Vasquez-Lind") == "lind"`): the
/// spelling "Teodor Vasquez Lind" has the same [`person_key`], and there nothing tells a double
/// surname from a middle name, so both spellings must give the same surname key. `person:lind`
/// finds him; the whole name or an alias finds him under "Vasquez-Lind".
pub fn surname_key(name: &str) -> String {
    let keys = name_keys(name);
    let last_real = keys
        .iter()
        .rev()
        .find(|k| !is_suffix_key(k))
        .or(keys.last());
    last_real.cloned().unwrap_or_default()
}

/// Whether a `person:` term names this person, by the rules the store resolves it with
/// (`store::names::resolve_person`): the same key as the name or an alias; one word, the same
/// surname; several words, the same surname and the same first word, or the name's last words.
pub fn term_names(term: &str, name: &str, aliases: &[String]) -> bool {
    let key = person_key(term);
    if key.is_empty() {
        return false;
    }
    let words: Vec<&str> = key.split(' ').collect();
    let (first, last) = (words[0], words[words.len() - 1]);
    let name_key = person_key(name);
    let surname = surname_key(name);
    let by_name = name_key == key
        || (words.len() == 1 && surname == key)
        || (words.len() > 1 && surname == last && name_key.starts_with(&format!("{first} ")))
        // The end of the name ("Vasquez-Lind" of "Teodor Vasquez-Lind"): the store finds it
        // through that alias, which may have been seen in another article than this one.
        || name_key.ends_with(&format!(" {key}"));
    by_name || aliases.iter().any(|alias| person_key(alias) == key)
}

/// The keys of a name's tokens, hyphenated words split into their parts.
pub(crate) fn name_keys(name: &str) -> Vec<String> {
    name_tokens(name)
        .flat_map(|t| t.split(is_hyphen))
        .map(token_key)
        .filter(|t| !t.is_empty())
        .collect()
}

/// The surname key of one written word: its last hyphen part ("Vasquez-Lind" → "lind",
/// "al-Assad" → "assad"), as [`surname_key`] takes it from a whole name.
pub(crate) fn surname_word_key(word: &str) -> String {
    word.split(is_hyphen)
        .map(token_key)
        .rfind(|k| !k.is_empty())
        .unwrap_or_default()
}

/// [`surname_word_key`] of a written word given with its fold (see [`fold`]), borrowing the fold
/// when that is the key already, as for most words: plain ASCII letters, digits and apostrophes
/// with no transliteration ending to normalise.
pub(crate) fn surname_word_key_of<'a>(word: &str, folded: &'a str) -> Cow<'a, str> {
    let plain = word
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'\'');
    if plain && !word.is_empty() && transliteration_stem(folded).is_none() {
        Cow::Borrowed(folded)
    } else {
        Cow::Owned(surname_word_key(word))
    }
}

/// Hyphens that join the parts of a name: ASCII, Unicode hyphen and non-breaking hyphen.
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// The key of one name token ("Zelenskyy" → "zelensky", "O'Brien" → "o'brien", "J." → "j").
pub(crate) fn token_key(token: &str) -> String {
    let mut key = if token.is_ascii() {
        let mut key = String::with_capacity(token.len());
        let kept = token
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '\''));
        key.extend(kept.map(|c| c.to_ascii_lowercase()));
        key
    } else {
        fold(token)
            .chars()
            .map(|c| if c == '’' { '\'' } else { c })
            .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '\''))
            .collect()
    };
    normalise_transliteration(&mut key);
    key
}

/// Lowercase without diacritics; everything else kept. ASCII (the common case) takes a fast path.
pub(crate) fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    let letters = word
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase);
    for c in letters {
        // Letters with no decomposition that are written plain in English text.
        match c {
            'ø' => out.push('o'),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            'đ' | 'ð' => out.push('d'),
            'ł' => out.push('l'),
            'þ' => out.push_str("th"),
            'ı' => out.push('i'),
            c => out.push(c),
        }
    }
    out
}

/// Generational suffixes that follow a surname and are not part of it.
pub(crate) fn is_suffix_key(key: &str) -> bool {
    matches!(key, "jr" | "sr" | "ii" | "iii" | "iv")
}

fn name_tokens(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .filter(|t| !t.is_empty())
}

/// Folds the endings that transliterations of Slavic names disagree on (-yy, -iy, -ij, -yi → -y).
fn normalise_transliteration(token: &mut String) {
    if let Some(stem_len) = transliteration_stem(token).map(str::len) {
        token.truncate(stem_len);
        token.push('y');
    }
}

/// The stem before a transliteration ending that [`normalise_transliteration`] replaces, if any.
fn transliteration_stem(token: &str) -> Option<&str> {
    ["yy", "iy", "ij", "yi", "ii"]
        .iter()
        .filter_map(|ending| token.strip_suffix(ending))
        .find(|stem| stem.chars().count() >= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_term_names_a_person_by_the_stores_rules() {
        let aliases = ["Zelenskyy".to_string(), "President Zelensky".to_string()];
        let named = |term: &str| term_names(term, "Volodymyr Zelenskyy", &aliases);
        assert!(named("zelenskiy"), "transliteration folded");
        assert!(named("Zelensky"), "one word: the surname");
        assert!(named("volodymyr zelensky"));
        assert!(named("president zelensky"), "an alias");
        assert!(
            !named("volodymyr"),
            "one word is a surname, not a given name"
        );
        assert!(!named("oleksandr zelensky"), "another first name");
        assert!(!named(""));
        assert!(
            term_names("vasquez-lind", "Teodor Vasquez-Lind", &[]),
            "a double surname"
        );
    }

    #[test]
    fn transliteration_variants_share_a_key() {
        let k = person_key("Volodymyr Zelenskyy");
        assert_eq!(k, person_key("Volodymyr Zelensky"));
        assert_eq!(k, person_key("VOLODYMYR ZELENSKIY"));
        assert_eq!(surname_key("Volodymyr Zelenskyy"), "zelensky");
    }

    #[test]
    fn accents_and_case_fold() {
        assert_eq!(person_key("François Hollande"), "francois hollande");
        assert_eq!(person_key("  "), "");
        assert_eq!(person_key("Hanne Sørby"), person_key("Hanne Sorby"));
    }

    #[test]
    fn surname_skips_generational_suffixes() {
        assert_eq!(surname_key("Martin Luther King Jr."), "king");
        assert_eq!(surname_key("Henry Ford III"), "ford");
        assert_eq!(surname_key("Jr."), "jr");
        assert_eq!(surname_key(""), "");
    }

    #[test]
    fn apostrophes_are_one_kind() {
        assert_eq!(token_key("O’Brien"), token_key("O'Brien"));
    }

    #[test]
    fn hyphens_inside_names_are_spaces() {
        assert_eq!(person_key("Jean-Paul Fairweather"), "jean paul fairweather");
        assert_eq!(
            person_key("Teodor Vasquez-Lind"),
            person_key("Teodor Vasquez Lind")
        );
        assert_eq!(
            person_key("Teodor Vasquez\u{2011}Lind"),
            "teodor vasquez lind"
        );
        assert_eq!(surname_key("Teodor Vasquez-Lind"), "lind");
        assert_eq!(surname_key("Teodor Vasquez Lind"), "lind");
        assert_eq!(surname_word_key("Vasquez-Lind"), "lind");
        assert_eq!(surname_word_key("al-Assad"), "assad");
        assert_eq!(person_key("Bashar al-Assad"), "bashar al assad");
        assert_eq!(person_key("-"), "");
    }
}
