//! `extract` as a whole: a page in, an article out, or a refusal with its reason.

use super::*;
use crate::model::BlockKind;

const PARAGRAPH: &str = "The harbour board met on Tuesday and agreed, after a long debate \
    about fares and timetables, that the ferry would run every hour through the winter.";

fn page(head: &str, article: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head>{head}</head><body>
        <nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>
        <article>{article}</article><footer>All rights reserved</footer></body></html>"
    )
}

fn story() -> String {
    format!(
        "<h1>Ferry to run all winter</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>"
    )
}

#[test]
fn a_page_gives_title_body_source_and_url() {
    let html = page(
        "<title>Ferry to run all winter | Harbour Post</title>",
        &story(),
    );
    let got = extract(html.as_bytes(), Some("https://www.post.example/ferry")).unwrap();
    let a = &got.article;
    assert_eq!(a.title, "Ferry to run all winter");
    assert_eq!(a.source.as_deref(), Some("post.example"));
    assert_eq!(a.url.as_deref(), Some("https://www.post.example/ferry"));
    assert_eq!(a.date, None, "no date on the page stays unknown");
    assert_eq!(got.text_blocks().len(), 3, "{:?}", a.body);
    assert!(a.body.iter().all(|b| b.kind == BlockKind::Paragraph));
    assert!(!a.body_text().contains("All rights") && !a.body_text().contains('<'));
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

#[test]
fn a_page_without_article_text_is_refused_with_the_reason() {
    let wall = page(
        "<title>Sign in</title>",
        "<form><p>Subscribe to read.</p></form>",
    );
    assert_eq!(extract(wall.as_bytes(), None), Err(WebError::NoText));
    assert!(WebError::NoText.to_string().contains("HTML page"));
    assert_eq!(extract(b"  \n", None), Err(WebError::Empty));
}

#[test]
fn a_page_with_no_title_takes_its_heading_or_first_words() {
    let html = format!("<html><body><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></body></html>");
    let got = extract(html.as_bytes(), None).unwrap();
    assert_eq!(
        got.article.title,
        "The harbour board met on Tuesday and agreed, after a long debate…"
    );
}

#[test]
fn an_invalid_byte_is_replaced_and_reported() {
    let html = page(
        "<meta charset=utf-8><title>Ferry news today for all</title>",
        &story(),
    );
    let mut bytes = html.into_bytes();
    let at = bytes.windows(7).position(|w| w == b"harbour").unwrap();
    bytes[at] = 0xff;
    let got = extract(&bytes, None).unwrap();
    assert_eq!(got.article.replacements, 1);
    assert_eq!(
        got.article.warnings,
        ["invalid UTF-8: 1 byte sequence(s) replaced"]
    );
}

#[test]
fn a_saved_pages_comment_gives_its_url_and_domain() {
    let html = page(
        "<title>Ferry to run all winter | Harbour Post</title>",
        &story(),
    );
    let saved = format!("<!-- saved from url=(0032)https://www.post.example/ferry -->\n{html}");
    let got = extract(saved.as_bytes(), None).unwrap();
    assert_eq!(
        got.article.url.as_deref(),
        Some("https://www.post.example/ferry")
    );
    assert_eq!(got.article.source.as_deref(), Some("post.example"));
    let hostile = html.replace(
        "<!DOCTYPE html>",
        "<!-- saved from url=(0010)javascript:alert(1) -->",
    );
    assert_eq!(extract(hostile.as_bytes(), None).unwrap().article.url, None);
}

#[test]
fn a_site_name_written_as_a_url_is_its_domain() {
    let head = "<title>Ferry to run all winter</title>\
        <meta property='og:site_name' content='https://www.post.example'>";
    let got = extract(page(head, &story()).as_bytes(), None).unwrap();
    assert_eq!(got.article.source.as_deref(), Some("post.example"));
}

#[test]
fn a_fetched_pages_header_charset_comes_before_its_meta() {
    let html = page(
        "<meta charset=utf-8><title>Ferry news today for the whole island</title>",
        &story(),
    );
    let html = html.replace("harbour board", "harbour board café");
    let bytes = encoding_rs::WINDOWS_1252.encode(&html).0;
    let header = Some("text/html; charset=windows-1252");
    let got = extract_fetched(&bytes, Some("https://post.example/f"), header).unwrap();
    assert!(got.article.body_text().contains("harbour board café"));
    assert_eq!(got.article.replacements, 0);
}

#[test]
fn a_page_with_no_title_or_heading_never_takes_the_links_list_for_one() {
    let html = format!("<p>{PARAGRAPH} <a href='https://e.example/'>See</a></p>");
    let got = extract(html.as_bytes(), None).unwrap();
    assert!(
        got.article.title.starts_with("The harbour board"),
        "{}",
        got.article.title
    );
    assert_eq!(got.links, ["https://e.example/"]);
}

#[test]
fn an_author_written_by_by_is_the_name_alone() {
    let head = "<title>Ferry to run all winter</title><meta name=author content='By Ann Bee'>";
    let got = extract(page(head, &story()).as_bytes(), None).unwrap();
    assert_eq!(got.article.byline.as_deref(), Some("By Ann Bee"));
    assert_eq!(got.article.author.as_deref(), Some("Ann Bee"));
}
