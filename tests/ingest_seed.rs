//! The seed wire story (../shared, evaluation-only) parsed and checked against every field of
//! its expected.json. Skips when ../shared is absent; the fictional fixtures in
//! ingest_fixtures.rs cover the same layout without it.

use byline::ingest::parse;
use byline::model::{BlockKind, ParsedArticle};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn seed_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/seed");
    if dir.join("expected.json").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "skipping: {} not found (../shared is absent)",
            dir.display()
        );
        None
    }
}

fn field<'a>(expected: &'a Value, path: &[&str]) -> &'a Value {
    path.iter().fold(expected, |v, key| &v[key])
}

fn text<'a>(expected: &'a Value, path: &[&str]) -> &'a str {
    field(expected, path)
        .as_str()
        .unwrap_or_else(|| panic!("expected.json lacks {path:?}"))
}

fn load() -> Option<(ParsedArticle, Value)> {
    let dir = seed_dir()?;
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let bytes = std::fs::read(dir.join(text(&expected, &["file"]))).unwrap();
    Some((parse(&bytes).expect("seed parses"), expected))
}

#[test]
fn seed_header_fields() {
    let Some((a, expected)) = load() else { return };
    assert_eq!(a.title, text(&expected, &["title"]));
    assert_eq!(a.source.as_deref(), Some(text(&expected, &["source"])));
    assert_eq!(a.byline.as_deref(), Some(text(&expected, &["byline_raw"])));
    assert_eq!(
        a.author, None,
        "the seed's byline names an outlet, not a person"
    );
    assert_eq!(
        a.date.map(|d| d.to_string()).as_deref(),
        Some(text(&expected, &["date"]))
    );
    assert_eq!(a.url.as_deref(), Some(text(&expected, &["url"])));
    assert_eq!(a.url_raw.as_deref(), Some(text(&expected, &["url_raw"])));
    assert_eq!(a.replacements, 0);
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

#[test]
fn seed_body() {
    let Some((a, expected)) = load() else { return };
    let paragraphs: Vec<&str> = a
        .body
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| b.text.as_str())
        .collect();
    let headings: Vec<&str> = a
        .body
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| b.text.as_str())
        .collect();
    let want_paragraphs = field(&expected, &["body", "paragraphs"]).as_u64().unwrap();
    assert_eq!(paragraphs.len() as u64, want_paragraphs);
    let want_heads: Vec<&str> = field(&expected, &["body", "crossheads"])
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(headings, want_heads);
    let first = paragraphs.first().copied().unwrap_or_default();
    let last = paragraphs.last().copied().unwrap_or_default();
    assert!(first.starts_with(text(&expected, &["body", "first_sentence"])));
    assert!(last.ends_with(text(&expected, &["body", "last_sentence"])));
    // Lines 3-30 of the file, one block each: 26 paragraphs + 2 crossheads.
    let lines = field(&expected, &["body", "lines"]).as_array().unwrap();
    let (from, to) = (lines[0].as_u64().unwrap(), lines[1].as_u64().unwrap());
    assert_eq!(a.body.len() as u64, to - from + 1);
    let body = a.body_text();
    for furniture in ["Copyright", "NEWSLETTER", "Source:", "mailing list", "|"] {
        assert!(!body.contains(furniture), "body contains {furniture:?}");
    }
}
