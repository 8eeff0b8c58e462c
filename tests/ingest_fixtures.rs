//! Fictional wire-story and plain fixtures (tests/fixtures/ingest) parsed end to end, so the
//! seed's layout stays covered when ../shared is absent.

use byline::ingest::parse;
use byline::model::{BlockKind, ParsedArticle};
use chrono::NaiveDate;
use std::path::Path;

fn fixture(name: &str) -> ParsedArticle {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name);
    parse(&std::fs::read(path).unwrap()).unwrap()
}

fn texts(a: &ParsedArticle, kind: BlockKind) -> Vec<&str> {
    a.body
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| b.text.as_str())
        .collect()
}

fn assert_no_furniture(a: &ParsedArticle) {
    let body = a.body_text();
    for furniture in [
        "Copyright",
        "NEWSLETTER",
        "Source:",
        "mailing list",
        "rights reserved",
        "|",
    ] {
        assert!(!body.contains(furniture), "body contains {furniture:?}");
    }
}

#[test]
fn meridian_wire_story_every_field() {
    let a = fixture("wire-meridian.txt");
    assert_eq!(
        a.title,
        "Harbour Council Agrees Ferry Deal, But Fares Dispute Lingers In Port Alder"
    );
    assert_eq!(a.source.as_deref(), Some("Meridian News"));
    assert_eq!(
        a.byline.as_deref(),
        Some("By Meridian News November 14, 2025")
    );
    assert_eq!(a.author, None);
    assert_eq!(a.date, NaiveDate::from_ymd_opt(2025, 11, 14));
    assert_eq!(
        a.url.as_deref(),
        Some("https://news.example.org/port-alder/ferry-deal-fares-dispute/20251114.html")
    );
    assert_eq!(
        a.url_raw.as_deref(),
        Some("https://news.example.org/port-alder/ferry-deal- fares-dispute/20251114.html")
    );
    let paragraphs = texts(&a, BlockKind::Paragraph);
    assert_eq!(paragraphs.len(), 10);
    assert_eq!(
        texts(&a, BlockKind::Heading),
        ["Fares Still Undecided", "What Happens Next"]
    );
    assert!(paragraphs[0].starts_with("Councillors in the fictional town of Port Alder met"));
    assert!(paragraphs[9].ends_with("sign the contract before the end of the year."));
    assert_eq!(a.body.len(), 12);
    assert_no_furniture(&a);
    assert!(a.warnings.is_empty());
}

#[test]
fn tidewater_blank_separated_wire_story() {
    let a = fixture("wire-tidewater.txt");
    assert_eq!(
        a.title,
        "Lighthouse Keepers Return To Cape Wren After Storm Repairs"
    );
    assert_eq!(
        a.byline.as_deref(),
        Some("By Ana Brisk and Leo Maddox, Tidewater Press")
    );
    assert_eq!(a.author.as_deref(), Some("Ana Brisk and Leo Maddox"));
    assert_eq!(a.source.as_deref(), Some("Tidewater Press"));
    assert_eq!(a.date, NaiveDate::from_ymd_opt(2025, 11, 20));
    assert_eq!(
        a.url.as_deref(),
        Some("https://tidewater.example.com/coast/2025/11/keepers-return-cape-wren.html")
    );
    assert_eq!(
        a.url_raw.as_deref(),
        Some("https://tidewater.example.com/coast/2025/11/keepers-return-\ncape-wren.html")
    );
    let paragraphs = texts(&a, BlockKind::Paragraph);
    assert_eq!(paragraphs.len(), 3);
    assert_eq!(texts(&a, BlockKind::Heading), ["Repairs Ran Over Budget"]);
    assert_eq!(
        paragraphs[0],
        "CAPE WREN (Tidewater Press) - The keepers of the fictional Cape Wren light moved back \
         into their cottage on Thursday, three months after a storm tore the roof off."
    );
    assert_no_furniture(&a);
}

#[test]
fn plain_fixture() {
    let a = fixture("plain-quiet.txt");
    assert_eq!(a.title, "Plain Headline For A Quiet Day");
    assert_eq!(texts(&a, BlockKind::Paragraph).len(), 2);
    assert_eq!(
        (a.source, a.byline, a.date, a.url),
        (None, None, None, None)
    );
}
