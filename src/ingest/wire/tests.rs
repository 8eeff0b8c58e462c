//! Tests for the wire-story parser: header shapes, body bounds, URL and dateline handling.

use super::*;
use crate::model::BlockKind;

fn parse_text(text: &str) -> ParsedArticle {
    let lines: Vec<&str> = text.split('\n').collect();
    parse(&lines)
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn outlet_date_byline_body_and_trailer() {
    let a = parse_text(
        "Envoys Meet\nBy NWC/R December 06, 2025\nFirst para.\nTalks Go On Here\nLast para.\n\
         Source: https://example.org/a/envoys- meet/1.html\nCopyright (c) 2025. Invented.\n|\nNEWSLETTER\n|",
    );
    assert_eq!(a.title, "Envoys Meet");
    assert_eq!(a.byline.as_deref(), Some("By NWC/R December 06, 2025"));
    assert_eq!(a.source.as_deref(), Some("NWC/R"));
    assert_eq!(a.author, None);
    assert_eq!(a.date, date(2025, 12, 6));
    assert_eq!(
        a.url.as_deref(),
        Some("https://example.org/a/envoys-meet/1.html")
    );
    assert_eq!(
        a.url_raw.as_deref(),
        Some("https://example.org/a/envoys- meet/1.html")
    );
    let kinds: Vec<BlockKind> = a.body.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Paragraph,
            BlockKind::Heading,
            BlockKind::Paragraph
        ]
    );
    assert!(a.warnings.is_empty());
}

#[test]
fn author_outlet_then_date_on_its_own_line() {
    let a = parse_text("T\nBy Jane Roe, Reuters\nDec. 6, 2025\nBody.");
    assert_eq!(a.author.as_deref(), Some("Jane Roe"));
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.date, date(2025, 12, 6));
    assert_eq!(a.body_text(), "Body.");
}

#[test]
fn date_line_without_byline() {
    let a = parse_text("T\n\nPublished 6 December 2025\n\nBody one.\n\nBody two.");
    assert_eq!((a.byline.clone(), a.date), (None, date(2025, 12, 6)));
    assert_eq!(a.body.len(), 2);
}

#[test]
fn dateline_gives_source_and_stays_in_text() {
    let a =
        parse_text("T\nSat, 06 Dec 2025 10:00:00 +0000\nKYIV (Reuters) - Officials met.\nMore.");
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.date, date(2025, 12, 6));
    assert_eq!(
        a.body.first().map(|b| b.text.as_str()),
        Some("KYIV (Reuters) - Officials met.")
    );
}

#[test]
fn byline_source_beats_dateline() {
    let a = parse_text("T\nBy Jane Roe, Courier\nKYIV (Reuters) - Officials met.");
    assert_eq!(a.source.as_deref(), Some("Courier"));
}

#[test]
fn copyright_before_source_still_ends_body_and_url_found() {
    let a = parse_text("T\nBy X/Y\nBody.\nCopyright 2025 Invented\nSource: https://example.org/x");
    assert_eq!(a.body_text(), "Body.");
    assert_eq!(a.url.as_deref(), Some("https://example.org/x"));
}

#[test]
fn bad_url_warns_and_keeps_raw() {
    let a = parse_text("T\nBy X/Y\nBody.\nSource: https://");
    assert_eq!(a.url, None);
    assert_eq!(a.url_raw.as_deref(), Some("https://"));
    assert_eq!(a.warnings.len(), 1);
}

#[test]
fn header_only_has_empty_body() {
    let a = parse_text("T\nBy Jane Roe, Reuters");
    assert!(a.body.is_empty());
    assert_eq!(a.author.as_deref(), Some("Jane Roe"));
}

#[test]
fn trailing_furniture_without_source_dropped() {
    let a = parse_text("T\nBy X/Y\nBody.\n|\nNEWSLETTER\n| Join the list |");
    assert_eq!(a.body_text(), "Body.");
}

#[test]
fn header_reader_stops_at_prose() {
    let h = read_header(&[
        "",
        "By Jane Roe",
        "",
        "The talks ended on Dec. 6, 2025 without a deal.",
    ]);
    assert_eq!(
        h.byline.map(|b| b.author),
        Some(Some("Jane Roe".to_string()))
    );
    assert_eq!(h.date, None);
    assert_eq!(h.body_start, 3);
}
