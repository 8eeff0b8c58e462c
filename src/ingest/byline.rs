//! Bylines ("By Jane Roe, Reuters", "By RFE/RL December 06, 2025", "By JANE ROE and JOHN DOE",
//! "Jane Roe, BBC News", "Jane Roe in Kyiv") and datelines ("KYIV (Reuters) - ..."): who wrote a
//! story, for which outlet, and when.

use super::dates::find_date;
use super::names::{join_names, people_list};
use super::outlets::{has_outlet_word, is_agency, outlet_name};
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

/// Splits "Jane Roe, Reuters" into author(s) and source. The first comma-, bar- or dash-separated
/// part that names an outlet is the source; the parts before it are authors, the parts after it
/// places ("By Jane Roe, BBC News, Kyiv"). "Jane Roe for the Guardian" is an author and an outlet.
/// Without an outlet word, a list of names ("A, B and C") is authors only, and otherwise the last
/// part is the outlet, as before.
fn split_names(names: &str) -> (Option<String>, Option<String>) {
    let parts = name_parts(names);
    let outlet = parts
        .iter()
        .position(|p| people_list(p).is_none() && has_outlet_word(p));
    let (people, source) = match (outlet, parts.as_slice()) {
        (Some(i), _) => (parts.get(..i).unwrap_or_default(), parts.get(i)),
        (None, []) => return (None, None),
        (None, [only]) if people_list(only).is_none() => (&[][..], Some(only)),
        (None, [.., last]) if is_role(last) => {
            (parts.get(..parts.len() - 1).unwrap_or_default(), None)
        }
        (None, [.., last]) if last.contains(" and ") && people_list(last).is_some() => {
            (&parts[..], None)
        }
        (None, [_]) => (&parts[..], None),
        (None, [.., last]) => (parts.get(..parts.len() - 1).unwrap_or_default(), Some(last)),
    };
    let mut authors = Vec::new();
    for part in people.iter().filter(|p| !is_role(p)) {
        match people_list(part) {
            Some(list) => authors.extend(list),
            None => authors.push(part.clone()),
        }
    }
    let author = (!authors.is_empty()).then(|| join_names(&authors));
    (author, source.map(|s| outlet_name(s)))
}

/// The separated parts of a byline's names: split at commas, bars, semicolons, spaced dashes
/// and " for " ("Jane Roe for the Guardian"), date words dropped.
fn name_parts(names: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let names = names.replace('\u{a0}', " ");
    let names = names.replace(" – ", " - ").replace(" — ", " - ");
    for part in names.split([',', '|', ';']).flat_map(|p| p.split(" - ")) {
        let part = part
            .trim()
            .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | ':'))
            .trim();
        if part.is_empty() || DATE_WORDS.contains(&part.to_lowercase().as_str()) {
            continue;
        }
        match part.split_once(" for ") {
            Some((who, outlet)) if has_outlet_word(outlet) => {
                parts.push(who.trim().to_string());
                parts.push(outlet.trim().to_string());
            }
            _ => parts.push(part.to_string()),
        }
    }
    parts
}

fn is_role(part: &str) -> bool {
    part.split_whitespace()
        .any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Bylines without "By" are short.
const MAX_BARE_BYLINE_WORDS: usize = 10;

/// A byline line without "By": a name and an outlet ("Jane Roe, BBC News", "Jane Roe - BBC
/// News") or a name and a place ("Jane Roe in Kyiv"), the Guardian's and the BBC's way.
pub fn parse_bare_byline(line: &str) -> Option<Byline> {
    let raw = line.trim();
    let words = raw.split_whitespace().count();
    let plain = !raw.ends_with('.') && !raw.chars().any(|c| c.is_ascii_digit());
    if words > MAX_BARE_BYLINE_WORDS || !plain || strip_prefix_ignore_case(raw, "by ").is_some() {
        return None;
    }
    let parts = name_parts(raw);
    let first = parts.first()?;
    people_list(first)?;
    let with_outlet = parts.get(1).is_some_and(|p| has_outlet_word(p));
    let with_place = parts.len() == 1 && first.contains(" in ");
    if !with_outlet && !with_place {
        return None;
    }
    let (author, source) = split_names(raw);
    Some(Byline {
        raw: raw.to_string(),
        author,
        source,
        date: None,
    })
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
        && (source.chars().next().is_some_and(char::is_uppercase) || is_agency(source));
    (dash_follows && place_ok && source_ok).then(|| Dateline {
        place: place.to_string(),
        source: source.to_string(),
        date: super::dates::parse_date(place),
    })
}

#[cfg(test)]
mod tests;
