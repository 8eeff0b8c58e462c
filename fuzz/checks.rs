//! The checks each fuzz target makes, shared with `tests/fuzz_corpus.rs` so that the seed corpus
//! and every crash found replay as ordinary `cargo test` cases.

/// A char a terminal could act on: C0 (but `'\n'`), DEL, C1, bidi controls.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn assert_safe(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|&c| is_unsafe(c)) {
        panic!("{what} holds U+{:04X}: {text:?}", c as u32);
    }
}

/// The article parsers and people extraction: never panic; every field is safe to print.
pub fn article(data: &[u8]) {
    let Ok(item) = byline::importer::prepare(data, None, None, None) else {
        return;
    };
    let article = &item.article;
    let parsed = &article.parsed;
    assert!(!parsed.title.is_empty(), "an article always has a title");
    assert_safe("title", &parsed.title);
    assert_safe("body", &parsed.body_text());
    for text in [&parsed.byline, &parsed.author, &parsed.url, &article.source]
        .into_iter()
        .flatten()
    {
        assert_safe("field", text);
    }
    for person in &article.people {
        assert_safe("person", &person.name);
    }
}

/// The query parser: never panics, and a parsed query prints to a form that parses back to the
/// same terms.
pub fn query(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(parsed) = byline::query::parse(text) else {
        return;
    };
    let printed = parsed.to_string();
    let again = byline::query::parse(&printed)
        .unwrap_or_else(|e| panic!("{text:?} printed as {printed:?}, which fails: {e}"));
    let terms = |q: &byline::query::Query| -> Vec<_> {
        q.terms
            .iter()
            .map(|t| (t.negated, t.kind.clone()))
            .collect()
    };
    assert_eq!(
        terms(&parsed),
        terms(&again),
        "{text:?} printed as {printed:?}"
    );
}

/// The sanitizer: no ESC, C0 or C1 control but `'\n'` survives, and a second pass changes
/// nothing.
pub fn sanitize(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let once = byline::text::sanitize(&text);
    assert_safe("sanitized", &once);
    assert_eq!(
        byline::text::sanitize(&once),
        once,
        "not idempotent on {text:?}"
    );
}

/// Where a fuzzed feed's relative links resolve.
const FEED_BASE: &str = "https://feed.example/news/rss.xml";

/// Feeds: the bytes through `parse_feed` and every item through `to_parsed` (which runs the HTML
/// converter), then the same bytes as HTML through `to_blocks`. Never panics; every title, name
/// and block is safe to print and every link is http(s). Gives what `parse_feed` said.
pub fn feed(data: &[u8]) -> Result<usize, byline::feeds::FeedError> {
    html(&String::from_utf8_lossy(data));
    let parsed = byline::feeds::parse_feed(data, None, Some(FEED_BASE))?;
    feed_parsed(&parsed);
    Ok(parsed.items.len())
}

/// The checks on a parsed feed: its title and every item's article safe to print, and the links
/// of every HTML body http(s) only. Gives the articles.
pub fn feed_parsed(parsed: &byline::feeds::ParsedFeed) -> Vec<byline::model::ParsedArticle> {
    for text in parsed.title.iter().chain(&parsed.site_url) {
        assert_one_line("feed field", text);
    }
    let mut articles = Vec::with_capacity(parsed.items.len());
    for item in &parsed.items {
        let article = item.to_parsed();
        assert!(!article.title.is_empty(), "an article always has a title");
        assert_one_line("title", &article.title);
        for text in [&article.author, &article.url].into_iter().flatten() {
            assert_one_line("field", text);
        }
        for block in &article.body {
            assert!(!block.text.is_empty(), "an empty block");
            assert_one_line("block", &block.text);
        }
        if item.html {
            let base = item.base.as_deref().and_then(|b| url::Url::parse(b).ok());
            for link in byline::html::to_blocks(&item.content, base.as_ref()).links {
                assert_web_link(&link);
            }
        }
        articles.push(article);
    }
    articles
}

/// Where a fuzzed web page says it came from.
const PAGE_URL: &str = "https://news.example/a/page.html";

/// Web pages: `byline::web::extract` never panics; a page it accepts has a title, every field
/// and block is one line safe to print, and every link and the URL are http(s).
pub fn web_page(data: &[u8]) {
    let Ok(page) = byline::web::extract(data, Some(PAGE_URL)) else {
        return;
    };
    let article = &page.article;
    assert!(!article.title.is_empty(), "an article always has a title");
    let fields = [
        &article.byline,
        &article.author,
        &article.source,
        &article.url,
    ];
    for text in std::iter::once(&article.title).chain(fields.into_iter().flatten()) {
        assert_one_line("field", text);
    }
    for block in &article.body {
        assert_one_line("block", &block.text);
    }
    for link in page.links.iter().chain(&article.url) {
        assert_web_link(link);
    }
}

/// HTML through the converter: blocks safe to print, one line each; links http(s).
pub fn html(text: &str) {
    let base = url::Url::parse(FEED_BASE).ok();
    let converted = byline::html::to_blocks(text, base.as_ref());
    for block in &converted.blocks {
        assert_one_line("block", &block.text);
    }
    for link in &converted.links {
        assert_web_link(link);
    }
}

fn assert_one_line(what: &str, text: &str) {
    assert_safe(what, text);
    assert!(!text.contains('\n'), "{what} spans lines: {text:?}");
}

fn assert_web_link(link: &str) {
    assert!(
        link.starts_with("http://") || link.starts_with("https://"),
        "a link that is not http(s): {link:?}"
    );
    assert_safe("link", link);
}
