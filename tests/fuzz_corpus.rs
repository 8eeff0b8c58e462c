//! Replays the fuzz seed corpus (`fuzz/corpus/<target>/`) and every crash the fuzzers found
//! (`fuzz/artifacts/<target>/`) through the same checks the fuzz targets make.

use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "../fuzz/checks.rs"]
mod checks;

fn inputs(target: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files = Vec::new();
    for kind in ["corpus", "artifacts"] {
        let Ok(entries) = std::fs::read_dir(root.join(kind).join(target)) else {
            continue;
        };
        files.extend(entries.filter_map(|e| e.ok()).map(|e| e.path()));
    }
    files.retain(|p| p.is_file());
    files.sort();
    files
}

fn replay(target: &str, check: fn(&[u8])) {
    let files = inputs(target);
    assert!(!files.is_empty(), "no seed corpus for {target}");
    for file in &files {
        let data = std::fs::read(file).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{target} fails on {}", file.display());
    }
    println!("{target}: {} inputs replayed", files.len());
}

#[test]
fn parse_article_corpus_replays() {
    replay("parse_article", checks::article);
}

#[test]
fn parse_query_corpus_replays() {
    replay("parse_query", checks::query);
}

#[test]
fn sanitize_corpus_replays() {
    replay("sanitize", checks::sanitize);
}

#[test]
fn web_page_corpus_replays() {
    replay("web_page", checks::web_page);
}

#[test]
fn feed_corpus_replays() {
    replay("feed", |data| {
        let _ = checks::feed(data);
    });
}

#[test]
fn feed_seeds_are_mostly_feeds_that_parse() {
    let outcomes: Vec<_> = inputs("feed")
        .iter()
        .map(|file| checks::feed(&std::fs::read(file).unwrap()))
        .collect();
    let items: usize = outcomes.iter().flatten().sum();
    let parsed = outcomes.iter().filter(|o| o.is_ok()).count();
    println!(
        "feed seeds: {parsed} of {} parse, {items} items",
        outcomes.len()
    );
    assert!(parsed >= 8 && items >= 9, "{outcomes:?}");
}
