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

/// The first-run demo: every person the samples' README lists (bylines aside), and nothing else.
#[test]
fn samples_list_people_only() {
    let mut found: Vec<String> = Vec::new();
    for (_, a) in sample_articles() {
        found.extend(extract(&a.title, &a.body).into_iter().map(|p| p.name));
    }
    found.sort_unstable();
    found.dedup();
    let not_people = [
        "Ostravia",
        "Velmora",
        "Dravik",
        "Grid",
        "Dockworkers",
        "Senate",
        "Shipping",
        "Storm",
        "Bloc",
        "Several",
        "Kestrel",
        "Northgate",
    ];
    for name in &found {
        assert!(
            !not_people
                .iter()
                .any(|w| name.split([' ', '-']).any(|p| p == *w)),
            "not a person: {name}"
        );
    }
    for person in [
        "Teodor Vasquez-Lind",
        "Ivo Maslak",
        "Jean-Paul Fairweather",
        "Bram Oduya",
    ] {
        assert!(
            found.iter().any(|n| n == person),
            "missing {person}: {found:?}"
        );
    }
}
