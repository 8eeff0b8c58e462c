//! Each metadata source alone, and their order when several say different things.

use super::*;
use crate::web::scan::scan;

fn meta(head: &str) -> PageMeta {
    read(
        &scan(&format!("<html><head>{head}</head><body></body></html>")),
        None,
    )
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

#[test]
fn json_ld_wins_over_opengraph_meta_and_title() {
    let got = meta(
        r#"<title>Title tag headline here | Site</title>
        <meta property="og:title" content="OG headline"><meta property="og:site_name" content="OG Site">
        <meta name="author" content="Meta Author"><meta property="article:published_time" content="2020-01-01">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline",
          "author":[{"name":"Ann Bee"},{"name":"Cy Dee"}],"publisher":{"name":"LD Post"},
          "datePublished":"2025-03-04T23:30:00-05:00"}</script>"#,
    );
    assert_eq!(got.title.as_deref(), Some("LD headline"));
    assert_eq!(got.authors, ["Ann Bee", "Cy Dee"]);
    assert_eq!(got.site.as_deref(), Some("LD Post"));
    // The date as the page wrote it, not moved to UTC.
    assert_eq!(got.date, date("2025-03-04"));
}

#[test]
fn opengraph_alone_gives_title_site_date_url_and_a_named_author() {
    let got = meta(
        r#"<meta property="og:title" content="Gulls return early">
        <meta property="og:site_name" content="Shore Weekly">
        <meta property="og:url" content="https://shore.example/gulls">
        <meta property="article:author" content="https://social.example/someone">
        <meta property="article:published_time" content="2024-11-30T06:00:00Z">"#,
    );
    assert_eq!(got.title.as_deref(), Some("Gulls return early"));
    assert_eq!(got.site.as_deref(), Some("Shore Weekly"));
    assert_eq!(got.url.as_deref(), Some("https://shore.example/gulls"));
    assert!(got.authors.is_empty(), "a profile URL is not a name");
    assert_eq!(got.date, date("2024-11-30"));
}

#[test]
fn plain_meta_tags_give_author_and_date() {
    let got = meta(
        r#"<title>Lighthouse keeper retires after forty years - Coast News</title>
        <meta name="author" content="Hal Ives"><meta name="date" content="2023-06-07">"#,
    );
    assert_eq!(
        got.title.as_deref(),
        Some("Lighthouse keeper retires after forty years")
    );
    assert_eq!(got.authors, ["Hal Ives"]);
    assert_eq!(got.date, date("2023-06-07"));
    assert_eq!(got.site, None);
}

#[test]
fn a_time_element_alone_gives_the_date_and_the_publication_time_wins() {
    let page = r#"<title>x</title></head><body><time datetime="2022-02-02">then</time>
        <time itemprop="datePublished" datetime="2021-01-01T10:00">first</time>"#;
    assert_eq!(meta(page).date, date("2021-01-01"));
    let page = r#"</head><body><p>Posted <time datetime="2019-09-09T09:09">Monday</time></p>"#;
    assert_eq!(meta(page).date, date("2019-09-09"));
}

#[test]
fn a_page_with_no_metadata_has_none() {
    let got = meta("");
    assert_eq!(got, PageMeta::default());
    let got = meta("<meta property=\"article:published_time\" content=\"soon\">");
    assert_eq!(got.date, None, "an unreadable date stays unknown");
}

#[test]
fn the_canonical_link_resolves_against_the_page_and_bad_schemes_are_dropped() {
    let base = Url::parse("https://news.example/section/page?x=1").unwrap();
    let page = scan(
        r#"<link rel="canonical" href="/a/story"><meta property="og:url" content="https://other.example/">"#,
    );
    let got = read(&page, Some(&base));
    assert_eq!(got.url.as_deref(), Some("https://news.example/a/story"));
    assert_eq!(got.url_raw.as_deref(), Some("/a/story"));
    let page = scan(
        r#"<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="data:text/html,x">"#,
    );
    assert_eq!(read(&page, None).url, None);
}

#[test]
fn dublin_core_properties_come_before_opengraph_and_names() {
    let got = meta(
        r#"<meta name="og:title" content="OG name"><meta name="DC.title" content="DC name">
        <meta property="dc:title" content="DC property"><meta property="og:title" content="OG property">
        <meta name="author" content="Name author"><meta property="dc:creator" content="DC creator">"#,
    );
    assert_eq!(got.title.as_deref(), Some("DC property"));
    assert_eq!(got.authors, ["DC creator"]);
}

#[test]
fn escapes_and_markup_in_metadata_are_made_safe() {
    let got = meta(
        "<meta property=\"og:title\" content=\"Bell\u{7} and \u{1b}]0;owned\u{7}title &lt;b&gt;\">\
         <meta name=\"author\" content=\"\u{1b}[2JEve\">",
    );
    assert_eq!(got.title.as_deref(), Some("Bell and title <b>"));
    assert_eq!(got.authors, ["Eve"]);
}
