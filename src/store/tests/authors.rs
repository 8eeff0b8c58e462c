//! `author:`: the article's own authors, apart from the people it mentions, folded as `person:`.

use super::*;

fn by(
    title: &str,
    author: Option<&str>,
    people: &'static [(&'static str, &'static [&'static str])],
) -> NewArticle {
    let mut item = new_article(&Fixture {
        title,
        people,
        ..BASE
    });
    item.article.parsed.author = author.map(Into::into);
    item
}

fn found(store: &Store, text: &str) -> Vec<String> {
    let mut got = titles(store, &crate::query::parse(text).unwrap());
    got.sort();
    got
}

#[test]
fn author_finds_by_reporter_by_name_surname_and_spelling_but_not_by_mention() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[
            by("Pier", Some("Marta Del-Rosario and Tomás McDonald"), &[]),
            by(
                "Storm",
                Some("Ines Varga"),
                &[("Tomas McDonald", &["McDonald"])],
            ),
            by("Ferry", None, &[]),
        ])
        .unwrap();
    assert_eq!(found(&store, "author:\"Tomas McDonald\""), ["Pier"]);
    assert_eq!(
        found(&store, "author:mcdonald"),
        ["Pier"],
        "a surname alone"
    );
    assert_eq!(found(&store, "author:\"marta del rosario\""), ["Pier"]);
    assert_eq!(
        found(&store, "person:mcdonald"),
        ["Storm"],
        "mentioned, not the author"
    );
    assert_eq!(found(&store, "-author:varga"), ["Ferry", "Pier"]);
    assert!(found(&store, "author:nobody").is_empty());
    // An update (same article, new text) replaces the article's authors.
    let mut changed = new_article(&Fixture {
        title: "Storm",
        body: "The storm passed at noon.",
        ..BASE
    });
    changed.article.parsed.author = Some("Cy Dee".into());
    let outcome = store.import_batch(&[changed]).unwrap();
    assert_eq!(outcome, [ImportOutcome::Updated]);
    assert!(found(&store, "author:varga").is_empty());
    assert_eq!(found(&store, "author:dee"), ["Storm"]);
}

#[test]
fn author_counts_follow_the_filter() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[
            by("Pier", Some("Ann Bee and Cy Dee"), &[]),
            by("Storm", Some("Ann Bee"), &[]),
            by("Ferry", None, &[]),
        ])
        .unwrap();
    let counts = |text: &str| -> Vec<(String, u64)> {
        let q = crate::query::parse(text).unwrap();
        let rows = store.author_counts(&q, today(), 10).unwrap();
        rows.into_iter().map(|n| (n.name, n.articles)).collect()
    };
    assert_eq!(counts(""), [("Ann Bee".into(), 2), ("Cy Dee".into(), 1)]);
    assert_eq!(counts("storm"), [("Ann Bee".to_string(), 1)]);
}
