//! Finding a publication date inside a line of text: written-out dates ("December 06, 2025",
//! "Dec. 6, 2025", "6 December 2025"), ISO / RFC 3339 ("2025-12-06T10:00:00Z") and RFC 2822
//! ("Sat, 06 Dec 2025 10:00:00 +0000"), wherever they sit in the line.

use chrono::{Datelike, NaiveDate};
use std::ops::Range;

/// The first date found in `line`, if any.
pub fn parse_date(line: &str) -> Option<NaiveDate> {
    find_date(line).map(|(date, _)| date)
}

/// The first date found in `line` and the byte range of the text that spells it, so callers can
/// cut the date out of a byline.
pub fn find_date(line: &str) -> Option<(NaiveDate, Range<usize>)> {
    let iso = find_iso(line);
    let words = find_written(line);
    match (iso, words) {
        (Some(a), Some(b)) => Some(if a.1.start <= b.1.start { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// Years outside this range are more likely numbers than publication dates.
const YEARS: Range<i32> = 1900..2200;

/// `YYYY-MM-DD` not glued to other digits (the date part of RFC 3339 too).
fn find_iso(line: &str) -> Option<(NaiveDate, Range<usize>)> {
    let bytes = line.as_bytes();
    (0..bytes.len()).find_map(|start| {
        let end = start + 10;
        let candidate = bytes.get(start..end)?;
        let before_ok = start == 0 || !bytes.get(start - 1)?.is_ascii_digit();
        let after_ok = bytes.get(end).is_none_or(|b| !b.is_ascii_digit());
        if !before_ok || !after_ok || !is_iso_shape(candidate) {
            return None;
        }
        let text = line.get(start..end)?;
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
        YEARS.contains(&date.year()).then_some((date, start..end))
    })
}

fn is_iso_shape(candidate: &[u8]) -> bool {
    candidate.iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    })
}

/// A word of ASCII letters/digits and where it sits in the line.
struct Word<'a> {
    text: &'a str,
    span: Range<usize>,
}

fn words(line: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        match (c.is_ascii_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if let Some(text) = line.get(s..i) {
                    out.push(Word { text, span: s..i });
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// "Month D, YYYY" or "D Month YYYY", the words separated only by spaces, commas and dots.
fn find_written(line: &str) -> Option<(NaiveDate, Range<usize>)> {
    let words = words(line);
    words.windows(3).find_map(|w| {
        let [a, b, c] = w else { return None };
        if !separated_simply(line, a, b) || !separated_simply(line, b, c) {
            return None;
        }
        let year = year(c.text)?;
        let (month, day) = match (month(a.text), month(b.text)) {
            (Some(m), _) => (m, day(b.text)?),
            (None, Some(m)) => (m, day(a.text)?),
            (None, None) => return None,
        };
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        Some((date, a.span.start..c.span.end))
    })
}

fn separated_simply(line: &str, left: &Word<'_>, right: &Word<'_>) -> bool {
    line.get(left.span.end..right.span.start)
        .is_some_and(|gap| !gap.is_empty() && gap.chars().all(|c| matches!(c, ' ' | ',' | '.')))
}

fn year(word: &str) -> Option<i32> {
    if word.len() != 4 {
        return None;
    }
    let year: i32 = word.parse().ok()?;
    YEARS.contains(&year).then_some(year)
}

/// "6", "06", "6th", "21st".
fn day(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = word.get(digits.len()..)?.to_ascii_lowercase();
    if !matches!(suffix.as_str(), "" | "st" | "nd" | "rd" | "th")
        || !(1..=2).contains(&digits.len())
    {
        return None;
    }
    digits.parse().ok()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Full month names, three-letter abbreviations and "Sept".
fn month(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    if lower == "sept" {
        return Some(9);
    }
    let index = MONTHS.iter().position(|name| {
        *name == lower || (lower.len() == 3 && name.starts_with(lower.as_str()))
    })?;
    u32::try_from(index + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn every_supported_shape() {
        let want = ymd(2025, 12, 6);
        for line in [
            "December 06, 2025",
            "Dec. 6, 2025",
            "Dec 6, 2025",
            "Dec 6 2025",
            "6 December 2025",
            "6th December 2025",
            "December 6th, 2025",
            "2025-12-06",
            "Sat, 06 Dec 2025 10:00:00 +0000",
            "2025-12-06T10:00:00Z",
            "Updated: Dec. 6, 2025 10:02 GMT",
            "Published 6 December 2025",
            "By RFE/RL December 06, 2025",
        ] {
            assert_eq!(parse_date(line), want, "line {line:?}");
        }
    }

    #[test]
    fn span_covers_the_date_text() {
        let line = "By RFE/RL December 06, 2025";
        let (_, span) = find_date(line).unwrap();
        assert_eq!(&line[span], "December 06, 2025");
        let line = "Posted 2025-12-06T10:00:00Z";
        let (_, span) = find_date(line).unwrap();
        assert_eq!(&line[span], "2025-12-06");
    }

    #[test]
    fn earliest_date_wins() {
        assert_eq!(
            parse_date("6 Dec 2025, updated 2025-12-07"),
            ymd(2025, 12, 6)
        );
        assert_eq!(parse_date("2025-12-07 (was Dec 6, 2025)"), ymd(2025, 12, 7));
    }

    #[test]
    fn non_dates_rejected() {
        for line in [
            "",
            "December 2025",
            "Dec 32, 2025",
            "February 30, 2024",
            "2025-13-01",
            "12025-12-06",
            "the 6 may 20255 people",
            "May I have 6 of 2025 apples",
            "Dec 6: 2025",
            "Monday, December 6",
        ] {
            assert_eq!(parse_date(line), None, "line {line:?}");
        }
    }

    #[test]
    fn leap_day_and_sept() {
        assert_eq!(parse_date("Feb 29, 2024"), ymd(2024, 2, 29));
        assert_eq!(parse_date("Sept. 3, 2025"), ymd(2025, 9, 3));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,60}") {
            let _ = find_date(&s);
        }

        #[test]
        fn finds_any_valid_date(y in 1950i32..2100, m in 1u32..=12, d in 1u32..=28) {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let line = format!("Filed {} by wire", date.format("%B %-d, %Y"));
            proptest::prop_assert_eq!(parse_date(&line), Some(date));
            let line = format!("x {}", date.format("%d %b %Y"));
            proptest::prop_assert_eq!(parse_date(&line), Some(date));
        }
    }
}
