//! The bundled fictional samples (`assets/samples/`): the first-run demo lists people only.

use byline::importer::prepare;
use byline::model::ParsedArticle;
use byline::people::{explain, extract};

/// Each sample's file name, title and body.
fn sample_articles() -> Vec<(String, ParsedArticle)> {
    byline::samples::files()
        .into_iter()
        .map(|(name, bytes)| {
            let new = prepare(bytes, None, None, None).unwrap();
            (name.to_string(), new.article.parsed)
        })
        .collect()
}

/// `cargo test --test people_samples -- --ignored --nocapture explain` prints every candidate's
/// evidence (optionally only those whose surface contains `$EXPLAIN`).
#[test]
#[ignore]
fn explain_samples() {
    let only = std::env::var("EXPLAIN").unwrap_or_default();
    for (name, a) in sample_articles() {
        for line in explain(&a.title, &a.body) {
            if line.contains(&only) {
                println!("{name}: {line}");
            }
        }
    }
}
