//! Outlets in bylines and datelines: words only outlets have in their names, and wire-agency
//! codes ("AP", "AFP") spelled out as the outlet's name.

/// Outlets, and words that only outlets have in their names.
const OUTLET_WORDS: &[&str] = &[
    "reuters",
    "ap",
    "afp",
    "rfe/rl",
    "bbc",
    "upi",
    "tass",
    "xinhua",
    "bloomberg",
    "press",
    "news",
    "agency",
    "radio",
    "times",
    "ledger",
    "wire",
    "journal",
    "post",
    "herald",
    "tribune",
    "gazette",
    "daily",
    "tv",
    "television",
    "broadcasting",
    "media",
    "magazine",
    "review",
    "telegraph",
    "guardian",
    "observer",
    "chronicle",
    "courier",
    "standard",
    "globe",
    "mail",
    "express",
    "independent",
    "economist",
    "network",
    "service",
    "online",
    "weekly",
];

/// Leading words no person's name starts with ("The Meridian Ledger").
const ARTICLES: &[&str] = &["the", "a", "an", "la", "le", "el", "die", "der"];

/// Wire agencies by the code datelines and bylines use, with the name the outlet goes by.
const AGENCIES: &[(&str, &str)] = &[
    ("ap", "Associated Press"),
    ("reuters", "Reuters"),
    ("afp", "Agence France-Presse"),
    ("dpa", "dpa"),
    ("xinhua", "Xinhua"),
    ("kyodo", "Kyodo"),
    ("yonhap", "Yonhap"),
    ("pti", "PTI"),
    ("ani", "ANI"),
    ("efe", "EFE"),
    ("ansa", "ANSA"),
];

/// A word only outlets use ("News", "Press"), or a leading article ("The Meridian Ledger").
pub fn has_outlet_word(text: &str) -> bool {
    let lower = text.to_lowercase();
    let mut words = lower.split_whitespace();
    let first_is_article = words.next().is_some_and(|w| ARTICLES.contains(&w));
    first_is_article
        || lower
            .split_whitespace()
            .any(|w| OUTLET_WORDS.contains(&w) || agency(w).is_some())
}

/// A wire agency's code ("AP", "dpa"), any case.
pub fn is_agency(code: &str) -> bool {
    agency(code).is_some()
}

/// The outlet name of an agency code ("AP" gives "Associated Press"), any case.
fn agency(code: &str) -> Option<&'static str> {
    let lower = code.trim().to_lowercase();
    AGENCIES
        .iter()
        .find(|(c, _)| *c == lower)
        .map(|(_, name)| *name)
}

/// The outlet as it should be shown: agency codes spelled out, a leading "the" capitalised
/// ("the Guardian" gives "The Guardian"), anything else as written.
pub fn outlet_name(text: &str) -> String {
    let text = text.trim();
    if let Some(name) = agency(text) {
        return name.to_string();
    }
    match text.strip_prefix("the ") {
        Some(rest) => format!("The {rest}"),
        None => text.to_string(),
    }
}

/// A short line that is nothing but an outlet's name ("Associated Press" under an AP byline).
pub fn outlet_line(line: &str) -> Option<String> {
    let line = line.trim();
    let words = line.split_whitespace().count();
    let plain = !line.ends_with('.') && !line.chars().any(|c| c.is_ascii_digit());
    ((1..=4).contains(&words) && plain && has_outlet_word(line)).then(|| outlet_name(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_codes_are_spelled_out() {
        assert_eq!(outlet_name("AP"), "Associated Press");
        assert_eq!(outlet_name("AFP"), "Agence France-Presse");
        assert_eq!(outlet_name("YONHAP"), "Yonhap");
        assert_eq!(outlet_name("the Guardian"), "The Guardian");
        assert_eq!(outlet_name("Northwind Courier"), "Northwind Courier");
    }

    #[test]
    fn outlet_lines() {
        assert_eq!(
            outlet_line("Associated Press").as_deref(),
            Some("Associated Press")
        );
        assert_eq!(outlet_line("Reuters").as_deref(), Some("Reuters"));
        for line in [
            "Officials met.",
            "Jane Roe",
            "News of the day came in 2025",
            "",
        ] {
            assert_eq!(outlet_line(line), None, "{line:?}");
        }
    }
}
