//! Bylines ("By Jane Roe, Reuters", "By RFE/RL December 06, 2025") and datelines
//! ("KYIV (Reuters) - ...") : who wrote a story, for which outlet, and when.

use super::dates::find_date;
use chrono::NaiveDate;

/// What a byline line says. Fields it does not name stay `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    /// The line as written, trimmed.
    pub raw: String,
    pub author: Option<String>,
    pub source: Option<String>,
    pub date: Option<NaiveDate>,
}

/// Bylines longer than this are sentences that happen to start with "By".
const MAX_BYLINE_CHARS: usize = 160;
/// Names and outlets are short; more words than this after the date means prose.
const MAX_BYLINE_WORDS: usize = 12;

/// Reads a byline line, or `None` when the line is not one. A byline starts with "By " followed
/// by a capitalised word ("By the time ..." is prose) and does not end like a sentence.
pub fn parse_byline(line: &str) -> Option<Byline> {
    let raw = line.trim();
    let rest = strip_prefix_ignore_case(raw, "by ")?.trim_start();
    let starts_with_capital = rest.chars().next().is_some_and(char::is_uppercase);
    if !starts_with_capital || raw.chars().count() > MAX_BYLINE_CHARS || raw.ends_with('.') {
        return None;
    }
    // Names come before the date; what follows it is usually a time ("10:00 GMT"). Only when
    // nothing precedes the date are the names after it.
    let (date, names) = match find_date(rest) {
        Some((date, span)) => {
            let before = rest.get(..span.start).unwrap_or_default();
            let after = rest.get(span.end..).unwrap_or_default();
            let names = if has_letters(before) { before } else { after };
            (Some(date), names.to_string())
        }
        None => (None, rest.to_string()),
    };
    if names.split_whitespace().count() > MAX_BYLINE_WORDS {
        return None;
    }
    let (author, source) = split_names(&names);
    Some(Byline {
        raw: raw.to_string(),
        author,
        source,
        date,
    })
}

fn has_letters(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        w.chars().any(char::is_alphabetic) && !DATE_WORDS.contains(&w.to_lowercase().as_str())
    })
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

/// Words that introduce a date rather than a name ("Updated Dec 6, 2025").
const DATE_WORDS: [&str; 5] = ["updated", "published", "posted", "last updated", "on"];
/// Job titles that can follow a name in place of an outlet ("By Jane Roe, Staff Writer").
const ROLE_WORDS: [&str; 6] = [
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "columnist",
    "staff",
];

/// Splits "Jane Roe, Reuters" into author and source: the last comma- or bar-separated part is
/// the outlet, what comes before it the author(s). A single part is a person or an outlet,
/// judged by its shape.
fn split_names(names: &str) -> (Option<String>, Option<String>) {
    let parts: Vec<&str> = names
        .split([',', '|', ';'])
        .map(|p| {
            p.trim()
                .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | ':'))
                .trim()
        })
        .filter(|p| !p.is_empty() && !DATE_WORDS.contains(&p.to_lowercase().as_str()))
        .collect();
    match parts.as_slice() {
        [] => (None, None),
        [only] if looks_like_person(only) => (Some(only.to_string()), None),
        [only] => (None, Some(only.to_string())),
        [people @ .., last] if is_role(last) => (Some(people.join(", ")), None),
        [people @ .., last] => (Some(people.join(", ")), Some(last.to_string())),
    }
}

fn is_role(part: &str) -> bool {
    part.split_whitespace()
        .any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
}

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

/// "Jane Roe", "Jane Roe and John Doe", "Mary-Ann O'Neil": capitalised words, two to four per
/// name, no digits or slashes, and none of the words outlets use.
fn looks_like_person(text: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.split_whitespace().any(|w| OUTLET_WORDS.contains(&w)) {
        return false;
    }
    if lower
        .split_whitespace()
        .next()
        .is_some_and(|w| ARTICLES.contains(&w))
    {
        return false;
    }
    text.split(" and ").all(|name| {
        let words: Vec<&str> = name.split_whitespace().collect();
        (2..=4).contains(&words.len()) && words.iter().all(|w| is_name_word(w))
    })
}

/// Lower-case particles that may sit inside a name ("Ursula von der Leyen").
const NAME_PARTICLES: [&str; 8] = ["de", "van", "von", "der", "da", "al", "bin", "la"];

/// "Jane", "O'Neil", "Mary-Ann", "J." or a particle; not "RFE/RL", not "2025".
fn is_name_word(word: &str) -> bool {
    if NAME_PARTICLES.contains(&word) {
        return true;
    }
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    let initial = word.chars().count() == 2 && word.ends_with('.');
    let has_lower = word.chars().any(char::is_lowercase);
    let letters_only = word
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
    first_upper && (initial || has_lower) && letters_only
}

/// A dateline opening a story: "KYIV (Reuters) - " or "WASHINGTON, Dec. 6, 2025 (AP) — ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place (and anything else before the parenthesis), "KYIV".
    pub place: String,
    /// The outlet in parentheses, "Reuters".
    pub source: String,
    /// A date written in the dateline, if any.
    pub date: Option<NaiveDate>,
}

/// Datelines sit at the very start; a parenthesis further in belongs to the prose.
const MAX_DATELINE_PREFIX: usize = 80;

/// Reads a dateline at the start of a paragraph. The place must start with an all-capitals
/// word of at least two letters, the way wire services write it.
pub fn parse_dateline(paragraph: &str) -> Option<Dateline> {
    let open = paragraph.find('(').filter(|&i| i <= MAX_DATELINE_PREFIX)?;
    let close = open + paragraph.get(open..)?.find(')')?;
    let source = paragraph.get(open + 1..close)?.trim();
    let after = paragraph.get(close + 1..)?.trim_start();
    let dash_follows = after.starts_with(['-', '–', '—']);
    let place = paragraph.get(..open)?.trim().trim_end_matches(',').trim();
    let first_word = place.split([' ', ',']).next().unwrap_or_default();
    let place_ok = first_word.chars().count() >= 2
        && first_word
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\''));
    let source_ok = (1..=40).contains(&source.chars().count())
        && source.chars().next().is_some_and(char::is_uppercase);
    (dash_follows && place_ok && source_ok).then(|| Dateline {
        place: place.to_string(),
        source: source.to_string(),
        date: super::dates::parse_date(place),
    })
}

#[cfg(test)]
mod tests;
