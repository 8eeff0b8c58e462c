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
