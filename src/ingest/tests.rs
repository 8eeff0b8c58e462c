//! Tests for `parse` as a whole: layout detection, errors, decoding warnings, and properties
//! over arbitrary input.

use super::*;
use crate::model::BlockKind;
use proptest::prelude::*;

#[test]
fn empty_and_whitespace_files() {
    assert_eq!(parse(b""), Err(IngestError::Empty));
    assert_eq!(parse(b"  \n\t\r\n  "), Err(IngestError::Empty));
    assert_eq!(parse(b"\xEF\xBB\xBF\n"), Err(IngestError::Empty));
    assert_eq!(parse(b"\x1b[31m\x1b[0m\n"), Err(IngestError::Empty));
}

#[test]
fn binary_files() {
    assert_eq!(
        parse(b"PK\x03\x04\x00\x00payload"),
        Err(IngestError::Binary)
    );
    let noise: Vec<u8> = (0..200u8).map(|i| i.wrapping_mul(37) | 0x80).collect();
    assert_eq!(parse(&noise), Err(IngestError::Binary));
}

#[test]
fn invalid_utf8_counted_and_warned() {
    let a = parse(
        "Price Rise in Zürich\n\nA ticket costs \u{a3}"
            .as_bytes()
            .iter()
            .chain(b"\xA35 now.\n")
            .copied()
            .collect::<Vec<u8>>()
            .as_slice(),
    )
    .unwrap();
    assert_eq!(a.replacements, 1);
    assert_eq!(a.warnings, ["invalid UTF-8: 1 byte sequence(s) replaced"]);
    assert!(a.body_text().contains('\u{FFFD}'));
}

#[test]
fn a_sparse_latin1_byte_is_read_as_windows_1252_with_a_warning() {
    let a = parse(b"Price Rise\n\nA ticket costs \xA35 now.\n").unwrap();
    assert_eq!(a.replacements, 0);
    assert!(a.body_text().contains("costs £5 now"));
    assert!(a.warnings[0].contains("Windows-1252"), "{:?}", a.warnings);
}

#[test]
fn utf16_file_parses() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Headline\r\n\r\nBody text.\r\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let a = parse(&bytes).unwrap();
    assert_eq!(a.title, "Headline");
    assert_eq!(a.body_text(), "Body text.");
}

#[test]
fn plain_layout_detected() {
    let a = parse(b"\n\nQuiet Headline\n\nOne.\n\nTwo.\n").unwrap();
    assert_eq!(a.title, "Quiet Headline");
    assert_eq!(a.body.len(), 2);
    assert_eq!(
        (a.source, a.date, a.url, a.byline),
        (None, None, None, None)
    );
}

#[test]
fn wire_layout_detected_by_dateline_alone() {
    let a = parse(b"Headline\n\nKYIV (Reuters) - Officials met.\n").unwrap();
    assert_eq!(a.source.as_deref(), Some("Reuters"));
}

#[test]
fn escapes_and_controls_never_reach_fields() {
    let a =
        parse(b"Head\x1b]0;pwned\x07line\x1b[2J\n\nBody \x1b[31mred\x1b[0m\ttext\x07.\n").unwrap();
    assert_eq!(a.title, "Headline");
    assert_eq!(a.body_text(), "Body red    text.");
}

#[test]
fn long_first_line_is_not_the_title() {
    let line = format!(
        "Officials met on Saturday. {}",
        "The talks went on. ".repeat(20)
    );
    let a = parse(format!("{line}\n\nSecond paragraph.\n").as_bytes()).unwrap();
    assert_eq!(a.title, "Officials met on Saturday.");
    assert_eq!(a.body.len(), 2);
    assert_eq!(a.body.first().map(|b| b.text.as_str()), Some(line.trim()));
}

#[test]
fn an_html_page_is_read_by_the_web_extractor_and_one_without_text_refused() {
    let para = "The pier reopened on Saturday after two years of repairs, and the first \
        visitors walked its full length to the lifeboat station at the far end.";
    let page = format!(
        "<!DOCTYPE html><html><head><title>The pier reopens after long repairs | Post</title></head>\
         <body><article><p>{para}</p><p>{para}</p></article></body></html>"
    );
    let a = parse(page.as_bytes()).unwrap();
    assert_eq!(a.title, "The pier reopens after long repairs");
    assert!(a.body_text().starts_with("The pier reopened") && !a.body_text().contains('<'));
    let no_text = parse(b"<html><body><p>x</p></body></html>");
    assert_eq!(no_text, Err(IngestError::Web(crate::web::WebError::NoText)));
}

fn assert_clean(a: &ParsedArticle) -> Result<(), TestCaseError> {
    prop_assert!(!a.title.is_empty() && !a.title.contains('\n'));
    prop_assert_eq!(crate::text::sanitize(&a.title), a.title.clone());
    for block in &a.body {
        prop_assert!(!block.text.contains('\n'));
        prop_assert!(!block.text.trim().is_empty());
        prop_assert_eq!(crate::text::sanitize(&block.text), block.text.clone());
    }
    let heading_at_edge = a.body.first().is_some_and(|b| b.kind == BlockKind::Heading);
    prop_assert!(!heading_at_edge);
    Ok(())
}

/// Article-like text: lines drawn from shapes the parsers care about, plus arbitrary strings.
fn article_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just(String::new()),
        Just("By Jane Roe, Reuters".to_string()),
        Just("By RFE/RL December 06, 2025".to_string()),
        Just("Source: https://example.org/a- b/c".to_string()),
        Just("Copyright (c) 2025".to_string()),
        Just("Talks Go On".to_string()),
        Just("KYIV (Reuters) - text".to_string()),
        Just("|".to_string()),
        "\\PC{0,50}",
        any::<String>(),
    ];
    prop::collection::vec(line, 0..12).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #[test]
    fn parse_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(a) = parse(&bytes) {
            assert_clean(&a)?;
        }
    }

    #[test]
    fn parse_never_panics_on_text(text in article_text()) {
        match parse(text.as_bytes()) {
            Ok(a) => assert_clean(&a)?,
            Err(e) => prop_assert!(e != IngestError::NoTitle || text.trim().is_empty()),
        }
    }
}
