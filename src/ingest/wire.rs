//! The wire-story layout (the seed's): title, byline, outlet and/or date lines, body paragraphs
//! with crossheads, then a `Source: <URL>` line, a copyright notice and site furniture.

use super::blocks::build_blocks;
use super::byline::{parse_bare_byline, parse_byline, parse_dateline, Byline};
use super::dates::find_date;
use super::furniture::{content_end, is_copyright};
use super::outlets::{outlet_line, outlet_name};
use super::title::title_from_line;
use super::url::{parse_source_line, SourceUrl};
use crate::model::{Block, BlockKind, ParsedArticle};
use chrono::NaiveDate;

/// What sits between the title and the body.
#[derive(Debug, Default)]
pub struct Header {
    pub byline: Option<Byline>,
    /// An outlet on a line of its own under the byline ("Associated Press").
    pub source: Option<String>,
    /// A date from its own line ("Updated: Dec. 6, 2025"), when the byline has none.
    pub date: Option<NaiveDate>,
    /// Index (into the lines after the title) where the body starts.
    pub body_start: usize,
}

/// Header lines are few; more than this many non-blank lines means we are in the body.
const MAX_HEADER_LINES: usize = 3;
/// A line with a date that is longer than this is prose that mentions a date.
const MAX_DATE_LINE_CHARS: usize = 60;

/// Reads byline and date lines after the title (`after_title` excludes the title line).
pub fn read_header(after_title: &[&str]) -> Header {
    let mut header = Header::default();
    let mut seen = 0;
    for (i, line) in after_title.iter().enumerate() {
        header.body_start = i;
        if line.trim().is_empty() {
            continue;
        }
        if seen == MAX_HEADER_LINES {
            return header;
        }
        seen += 1;
        if header.byline.is_none() {
            if let Some(byline) = parse_byline(line).or_else(|| parse_bare_byline(line)) {
                header.byline = Some(byline);
                continue;
            }
        }
        let sourceless = header.byline.as_ref().is_some_and(|b| b.source.is_none());
        if sourceless && header.source.is_none() {
            if let Some(outlet) = outlet_line(line) {
                header.source = Some(outlet);
                continue;
            }
        }
        match date_line(line) {
            Some(date) if header.date.is_none() => header.date = Some(date),
            _ => return header,
        }
    }
    header.body_start = after_title.len();
    header
}

/// "December 6, 2025", "Updated: 2025-12-06T10:00:00Z", "Published 6 Dec 2025 10:00 GMT",
/// "Updated 9:02 AM GMT, December 8, 2025": a date with nothing around it but the words,
/// weekdays, times and zones of a date line ("Updated guidance was published on ..." is prose).
fn date_line(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    if line.chars().count() > MAX_DATE_LINE_CHARS || line.ends_with('.') {
        return None;
    }
    let (date, span) = find_date(line)?;
    let around = [line.get(..span.start), line.get(span.end..)];
    let only_date_words = around
        .iter()
        .flat_map(|t| {
            t.unwrap_or_default()
                .split([' ', ',', '|', '(', ')', '\u{a0}'])
        })
        .all(is_date_line_word);
    only_date_words.then_some(date)
}

/// Words a date line may hold besides the date.
const DATE_LINE_WORDS: [&str; 12] = [
    "updated",
    "published",
    "posted",
    "last",
    "first",
    "modified",
    "on",
    "at",
    "am",
    "pm",
    "a.m",
    "p.m",
];
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// "Updated:", "9:02", "T10:00:00Z", "GMT+1", "+0000", "Monday", "EST", "-", "".
fn is_date_line_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| matches!(c, ':' | '.' | '-' | '–' | '—'));
    let lower = word.to_lowercase();
    let time = word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || ":.TZ+-".contains(c));
    let zone_letters = word.trim_end_matches(|c: char| c.is_ascii_digit() || "+-:".contains(c));
    let zone = (2..=5).contains(&zone_letters.len())
        && zone_letters.chars().all(|c| c.is_ascii_uppercase());
    let weekday = lower.get(..3).is_some_and(|d| WEEKDAYS.contains(&d))
        && (lower.len() <= 5 || lower.ends_with("day"));
    word.is_empty() || time || zone || weekday || DATE_LINE_WORDS.contains(&lower.as_str())
}

/// Index of the first `Source: <URL>` line.
pub fn find_source_line(lines: &[&str]) -> Option<usize> {
    (0..lines.len()).find(|&i| lines.get(i..).and_then(parse_source_line).is_some())
}

/// Parses `lines`, whose first line is the first non-blank line of the file.
pub fn parse(lines: &[&str]) -> ParsedArticle {
    let (first, after_title) = lines.split_first().map_or(("", &[][..]), |(f, r)| (*f, r));
    let title = title_from_line(first);
    let header = read_header(after_title);
    let rest = after_title.get(header.body_start..).unwrap_or_default();
    let body_end = rest
        .iter()
        .enumerate()
        .position(|(i, l)| is_copyright(l) || rest.get(i..).and_then(parse_source_line).is_some())
        .unwrap_or(rest.len());
    let body_lines = rest.get(..body_end).unwrap_or_default();
    let body_lines = body_lines
        .get(..content_end(body_lines))
        .unwrap_or_default();
    let trailer = rest.get(body_end..).unwrap_or_default();

    let mut body = Vec::new();
    if title.line_is_body {
        body.push(Block::paragraph(first.trim()));
    }
    body.extend(build_blocks(body_lines));
    let mut article = ParsedArticle {
        title: title.text,
        body,
        ..ParsedArticle::default()
    };
    apply_byline(&mut article, header);
    if let Some(source_url) = find_source_line(trailer)
        .and_then(|i| trailer.get(i..))
        .and_then(parse_source_line)
    {
        apply_url(&mut article, source_url);
    }
    apply_dateline(&mut article);
    article
}

fn apply_byline(article: &mut ParsedArticle, header: Header) {
    article.date = header.date;
    if let Some(byline) = header.byline {
        article.byline = Some(byline.raw);
        article.author = byline.author;
        article.source = byline.source.or(header.source);
        article.date = byline.date.or(article.date);
    }
}

fn apply_url(article: &mut ParsedArticle, source_url: SourceUrl) {
    if source_url.url.is_none() {
        article
            .warnings
            .push(format!("source URL is not a valid URL: {}", source_url.raw));
    }
    article.url = source_url.url;
    article.url_raw = Some(source_url.raw);
}

/// "KYIV (Reuters) - ..." opening the first paragraph names the outlet (and sometimes the
/// date) when the byline did not. The dateline stays in the paragraph: it is part of the
/// story as written and carries the place, which no other field keeps.
fn apply_dateline(article: &mut ParsedArticle) {
    let first = article.body.iter().find(|b| b.kind == BlockKind::Paragraph);
    let Some(dateline) = first.and_then(|b| parse_dateline(&b.text)) else {
        return;
    };
    if article.source.is_none() {
        article.source = Some(outlet_name(&dateline.source));
    }
    if article.date.is_none() {
        article.date = dateline.date;
    }
}

#[cfg(test)]
mod tests;
