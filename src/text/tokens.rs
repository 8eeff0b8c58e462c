//! Words as the full-text index sees them (SQLite FTS5's `unicode61 remove_diacritics 2`): runs
//! of letters and digits, lowercased, diacritics removed. The reader highlights with these, so
//! what it marks is what the store matched.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

/// A token's folded form: lowercase, without diacritics (`Zürich` gives `zurich`).
pub fn fold_token(token: &str) -> String {
    token
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every token of `text`: its byte range and folded form.
pub fn tokens(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = is_token_char(c);
        match (start, inside) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s..i, fold_token(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), fold_token(&text[s..])));
    }
    out
}

/// unicode61's token characters: letters, digits, private use, and the combining marks that
/// belong to the letters before them.
fn is_token_char(c: char) -> bool {
    c.is_alphanumeric()
        || unicode_normalization::char::is_combining_mark(c)
        || ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// The folded tokens of a query word or phrase: what FTS5 matches as a phrase.
pub fn needle_tokens(term: &str) -> Vec<String> {
    tokens(term).into_iter().map(|(_, t)| t).collect()
}

/// Where the token sequence `needle` occurs in `text`, each as the byte range from its first
/// token's start to its last token's end.
pub fn find_tokens(text: &str, needle: &[String]) -> Vec<Range<usize>> {
    find_in_tokens(&tokens(text), needle)
}

/// [`find_tokens`] over a text already split by [`tokens`], so several needles share one pass.
pub fn find_in_tokens(hay: &[(Range<usize>, String)], needle: &[String]) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for start in 0..hay.len() {
        let Some(window) = hay.get(start..start + needle.len()) else {
            break;
        };
        if window.iter().zip(needle).all(|((_, t), n)| t == n) {
            found.push(window[0].0.start..window[needle.len() - 1].0.end);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_fold_case_and_diacritics_like_the_index() {
        let words: Vec<String> = tokens("Zürich's São-Paulo, ÉCOLE 2025!")
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(words, ["zurich", "s", "sao", "paulo", "ecole", "2025"]);
    }

    #[test]
    fn phrases_match_whole_token_runs_across_punctuation() {
        let text = "The peace-plan talks; peace plan; peaceful planning.";
        let needle = needle_tokens("Peace plan");
        let found: Vec<&str> = find_tokens(text, &needle)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, ["peace-plan", "peace plan"]);
        assert!(
            find_tokens(text, &needle_tokens("plan talk")).is_empty(),
            "whole tokens only"
        );
    }

    #[test]
    fn accented_text_is_found_by_a_plain_word_and_back() {
        assert_eq!(
            find_tokens("in Zürich today", &needle_tokens("zurich")),
            vec![3..10]
        );
        assert_eq!(
            find_tokens("in Zurich today", &needle_tokens("Zürich")),
            vec![3..9]
        );
        assert!(find_tokens("x", &[]).is_empty());
    }
}
