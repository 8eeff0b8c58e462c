//! Matching keys for names: case, accents and common transliteration variants folded away, so that
//! "Zelensky", "Zelenskyy" and "Zelenskiy" meet.

use unicode_normalization::UnicodeNormalization;

/// The folded key of a whole name: lowercase, no diacritics, tokens transliteration-normalised and
/// joined by single spaces. `person_key("Volodymyr Zelenskyy") == person_key("volodymyr zelensky")`.
pub fn person_key(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .filter(|t| !t.is_empty())
        .map(token_key)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The folded key of a name's last token (its surname), or "" for an empty name.
pub fn surname_key(name: &str) -> String {
    person_key(name)
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .to_string()
}

fn token_key(token: &str) -> String {
    let folded: String = token
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '\'')
        .collect();
    normalise_transliteration(&folded)
}

/// Folds the endings that transliterations of Slavic names disagree on (-yy, -iy, -ij, -yi → -y).
fn normalise_transliteration(token: &str) -> String {
    for ending in ["yy", "iy", "ij", "yi", "ii"] {
        if let Some(stem) = token.strip_suffix(ending) {
            if stem.chars().count() >= 3 {
                return format!("{stem}y");
            }
        }
    }
    token.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
