//! Hostile web pages: huge nesting, a million elements, scripts and styles posing as article
//! text, `data:` and `javascript:` links, terminal escapes in text and attributes. Each page
//! finishes within a bound (debug build) and leaves nothing executable or unsafe to print.

use std::time::{Duration, Instant};

use byline::web::{extract, Extracted, WebError};

/// Every page here must be read within this, in a debug build on a shared 2-core machine.
const BOUND: Duration = Duration::from_secs(10);

const PARAGRAPH: &str = "The harbour board met on Tuesday and agreed, after a long debate about \
    fares and timetables, that the ferry would run every hour through the winter months.";

fn story(paragraphs: usize) -> String {
    format!("<p>{PARAGRAPH}</p>").repeat(paragraphs)
}

/// Extracts on a thread with the 2 MiB stack the importer's parsing threads have, timed.
fn timed(page: Vec<u8>) -> Result<Extracted, WebError> {
    let started = Instant::now();
    let got = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || extract(&page, Some("https://news.example/a/story")))
        .unwrap()
        .join()
        .expect("the extractor must not panic");
    assert!(started.elapsed() < BOUND, "took {:?}", started.elapsed());
    got
}

/// Nothing a terminal would act on, no markup, and only http(s) links.
fn assert_safe(got: &Extracted) {
    let a = &got.article;
    let fields = [
        Some(&a.title),
        a.source.as_ref(),
        a.byline.as_ref(),
        a.author.as_ref(),
    ];
    let texts = fields
        .into_iter()
        .flatten()
        .chain(a.body.iter().map(|b| &b.text));
    for text in texts.chain(&a.warnings) {
        assert!(
            !text.chars().any(char::is_control),
            "control character in {text:?}"
        );
        for bad in ["javascript:", "data:", "<script", "<p>"] {
            assert!(!text.to_lowercase().contains(bad), "{bad} in {text:?}");
        }
    }
    for link in got.links.iter().chain(&a.url) {
        assert!(byline::links::openable(link).is_ok(), "{link}");
    }
}

#[test]
fn fifty_megabytes_of_nesting_finish_and_are_refused_or_read_whole() {
    let deep = "<div>".repeat(10 * 1024 * 1024); // 50 MiB
    assert_eq!(timed(deep.into_bytes()).unwrap_err(), WebError::NoText);
    let deep_with_text = format!("<blockquote>{PARAGRAPH} ").repeat(300_000);
    let got = timed(deep_with_text.into_bytes()).unwrap();
    assert!(
        got.article
            .warnings
            .iter()
            .any(|w| w.contains("nests over")),
        "{:?}",
        got.article.warnings
    );
    assert!(got.article.warnings.iter().any(|w| w.contains("MiB")));
    assert_safe(&got);
}

#[test]
fn nesting_just_under_the_depth_limit_is_parsed_without_overflowing_the_stack() {
    let depth = byline::web::MAX_DEPTH - 10;
    let page = format!("<html><body>{}{}", "<div>".repeat(depth), story(5));
    let got = timed(page.into_bytes()).unwrap();
    assert!(got.article.body_text().contains("harbour board"));
}

#[test]
fn a_million_empty_divs_finish() {
    let empty = "<div></div>".repeat(1_000_000);
    assert_eq!(
        timed(empty.clone().into_bytes()).unwrap_err(),
        WebError::NoText
    );
    let with_story = format!(
        "<title>Ferry news for the winter</title>{}{empty}",
        story(5)
    );
    let got = timed(with_story.into_bytes()).unwrap();
    assert!(got.article.warnings.iter().any(|w| w.contains("elements")));
    assert!(got.article.body_text().contains("harbour board"));
}

#[test]
fn tiny_elements_just_under_the_element_cap_finish() {
    let n = byline::web::MAX_ELEMENTS - 100;
    let tiny = format!(
        "<html><body>{}</body></html>",
        "<p><a href=/x>w</a></p>".repeat(n / 2)
    );
    match timed(tiny.into_bytes()) {
        Ok(got) => assert_safe(&got),
        Err(e) => assert_eq!(e, WebError::NoText),
    }
    let spans = format!(
        "<html><body><div>{}</div></body></html>",
        "<span>ab </span>".repeat(n)
    );
    match timed(spans.into_bytes()) {
        Ok(got) => assert_safe(&got),
        Err(e) => assert_eq!(e, WebError::NoText),
    }
}

#[test]
fn a_page_at_the_size_cap_with_many_paragraphs_finishes() {
    let big = format!(
        "<html><body><article>{}</article></body></html>",
        story(20_000)
    );
    assert!(big.len() > byline::html::MAX_HTML_BYTES / 2);
    let got = timed(big.into_bytes()).unwrap();
    assert!(got.text_blocks().len() > 10_000);
}

#[test]
fn a_single_file_save_over_the_cap_keeps_its_article_past_inline_scripts_and_images() {
    let script = format!(
        "<script>{}</script>",
        "window.data = [1, 2, 3];".repeat(250_000)
    );
    let image = format!(
        "<img src=\"data:image/png;base64,{}\">",
        "QUFB".repeat(750_000)
    );
    let page = format!(
        "<html><head><title>Ferry news for the winter</title>{script}</head>\
         <body>{image}<article>{}</article>{script}</body></html>",
        story(5)
    );
    assert!(page.len() > 3 * byline::html::MAX_HTML_BYTES);
    let got = timed(page.into_bytes()).unwrap();
    assert!(got.article.body_text().contains("harbour board"));
    assert!(
        got.article.warnings.is_empty(),
        "{:?}",
        got.article.warnings
    );
}

#[test]
fn scripts_and_styles_posing_as_article_text_never_reach_the_body() {
    let fake = "<p>FAKE ARTICLE TEXT that a script would write into the page.</p>".repeat(40);
    let page = format!(
        "<html><head><title>Real ferry news today</title>
        <style>p::after {{ content: 'FAKE STYLE TEXT' }} {fake}</style></head><body>
        <script>document.write('{fake}'); var x = '</p><p>FAKE';</script>
        <article>{}</article><script type='application/ld+json'>{{\"@type\":\"Article\",
        \"articleBody\":\"FAKE JSON TEXT\"}}</script><noscript>{fake}</noscript>
        <template>{fake}</template></body></html>",
        story(4)
    );
    let got = timed(page.into_bytes()).unwrap();
    let body = got.article.body_text();
    assert!(body.contains("harbour board"));
    assert!(!body.contains("FAKE"), "{body}");
    assert_safe(&got);
}

#[test]
fn data_and_javascript_links_are_never_kept_as_links() {
    let links = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
    ];
    let anchors: String = links
        .iter()
        .map(|l| format!("<a href=\"{l}\">a link</a> "))
        .collect();
    let page = format!(
        "<html><head><title>Links of every kind here</title>
        <link rel=canonical href='javascript:alert(1)'>
        <meta property='og:url' content='data:text/html,x'></head>
        <body><article>{}<p>{PARAGRAPH} {anchors} <a href='/ok'>fine</a></p></article></body></html>",
        story(3)
    );
    let got = timed(page.into_bytes()).unwrap();
    assert_eq!(got.links, ["https://news.example/ok"]);
    assert_eq!(
        got.article.url.as_deref(),
        Some("https://news.example/a/story")
    );
    assert_safe(&got);
}

#[test]
fn terminal_escapes_in_text_and_attributes_are_removed() {
    let esc = "\u{1b}[2J\u{1b}]0;owned\u{7}\u{9b}31m";
    let page = format!(
        "<html><head><title>Ferry {esc}news for the winter</title>
        <meta name='author' content='Ann {esc}Bee'>
        <meta property='og:site_name' content='Post&#27;[31m {esc}'>
        <link rel=canonical href='https://news.example/{esc}x'></head>
        <body><article><h2>Sub&#x1b;[5mhead {esc}</h2>{}<p>Red {esc}text &#27;[0m here.</p>
        <a href='https://e.example/{esc}'>esc link</a></article></body></html>",
        story(3)
    );
    let got = timed(page.into_bytes()).unwrap();
    assert_eq!(got.article.title, "Ferry news for the winter");
    assert_eq!(got.article.author.as_deref(), Some("Ann Bee"));
    assert_safe(&got);
}

#[test]
fn binary_noise_after_a_doctype_is_refused_or_safe() {
    let mut page = b"<!DOCTYPE html><html><body>".to_vec();
    page.extend((0..2_000_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    match timed(page) {
        Ok(got) => assert_safe(&got),
        Err(e) => assert_eq!(e, WebError::NoText),
    }
}
