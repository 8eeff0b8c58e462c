//! Store tests on hand-built articles: idempotent import, updates, marks, resolution, migration.

mod authors;
mod checkpoint;
mod identity;
mod manage;
mod people;
mod person_page;
mod plan_choice;
mod plans;
mod saved;
mod settled;
mod sorts;
mod versions;

use chrono::NaiveDate;

use super::*;
use crate::model::{Article, Block, ParsedArticle, PersonMention};
use crate::query::{Flag, Query, Term, TermKind};

pub(super) fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub(super) fn today() -> NaiveDate {
    day("2025-12-10")
}

pub(super) struct Fixture<'a> {
    title: &'a str,
    source: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    body: &'a str,
    people: &'a [(&'a str, &'a [&'a str])],
    origin: Option<&'a str>,
}

pub(super) const BASE: Fixture<'static> = Fixture {
    title: "Harbour talks resume",
    source: Some("Northwind Wire"),
    date: Some("2025-12-06"),
    url: None,
    body: "Talks resumed on Monday.",
    people: &[],
    origin: None,
};

pub(super) fn new_article(f: &Fixture) -> NewArticle {
    let parsed = ParsedArticle {
        title: f.title.into(),
        source: f.source.map(Into::into),
        date: f.date.map(day),
        url: f.url.map(Into::into),
        body: vec![Block::paragraph(f.body)],
        ..ParsedArticle::default()
    };
    let people = f
        .people
        .iter()
        .map(|(name, aliases)| PersonMention {
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: aliases.len() as u32,
            first_pos: 0,
        })
        .collect();
    let raw = format!("{}\n{}\n{:?}", f.title, f.body, f.date).into_bytes();
    let source = f.source.map(Into::into);
    let article = Article {
        parsed,
        source,
        people,
    };
    NewArticle::new(article, &raw, f.origin.map(Into::into), None)
}

pub(super) fn term(kind: TermKind) -> Term {
    Term {
        negated: false,
        kind,
        span: 0..0,
    }
}

pub(super) fn query(terms: Vec<TermKind>) -> Query {
    Query {
        terms: terms.into_iter().map(term).collect(),
    }
}

pub(super) fn titles(store: &Store, q: &Query) -> Vec<String> {
    store
        .search(q, today(), 0, 100)
        .unwrap()
        .into_iter()
        .map(|r| r.title)
        .collect()
}

pub(super) fn seeded() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let batch = [
        new_article(&Fixture {
            title: "Peace talks in Velmora",
            source: Some("RFE/RL"),
            url: Some("https://www.rferl.org/a/talks/1.html"),
            people: &[
                ("Dmytro Kovalenskyy", &["Dmytro Kovalenskyy", "Kovalenskyy"]),
                ("Alba Renshaw", &["Alba Renshaw"]),
            ],
            ..BASE
        }),
        new_article(&Fixture {
            title: "Port strike ends",
            date: Some("2025-11-02"),
            people: &[("Alba Renshaw", &["Alba Renshaw", "Renshaw"])],
            ..BASE
        }),
        new_article(&Fixture {
            title: "Undated note",
            date: None,
            body: "A \"quoted\" NEAR(x y) note with OR and *",
            ..BASE
        }),
    ];
    store.import_batch(&batch).unwrap();
    store
}

#[test]
fn newest_first_with_unknown_dates_last() {
    let store = seeded();
    let all = titles(&store, &Query::default());
    assert_eq!(
        all,
        ["Peace talks in Velmora", "Port strike ends", "Undated note"]
    );
    assert_eq!(store.count(&Query::default(), today()).unwrap(), 3);
}

#[test]
fn importing_twice_stores_once() {
    let mut store = seeded();
    let again = new_article(&Fixture {
        title: "Port strike ends",
        date: Some("2025-11-02"),
        ..BASE
    });
    let outcome = store.import_batch(&[again]).unwrap();
    assert_eq!(outcome, [ImportOutcome::Unchanged]);
    assert_eq!(store.total().unwrap(), 3);
}

#[test]
fn a_changed_article_is_updated_and_keeps_its_marks() {
    let mut store = seeded();
    let id = store.search(&Query::default(), today(), 1, 1).unwrap()[0].id;
    store.set_read(id, true).unwrap();
    store.set_starred(id, true).unwrap();
    let changed = new_article(&Fixture {
        title: "Port strike ends",
        date: Some("2025-11-02"),
        body: "The strike ended after nine days.",
        ..BASE
    });
    assert_eq!(
        store.import_batch(&[changed]).unwrap(),
        [ImportOutcome::Updated]
    );
    let article = store.article(id).unwrap().unwrap();
    assert!(article.row.read && article.row.starred);
    assert_eq!(article.body[0].text, "The strike ended after nine days.");
    let words = query(vec![TermKind::Word("nine".into())]);
    assert_eq!(titles(&store, &words), ["Port strike ends"]);
    // Counted from the full-text index alone: the old version's row must be gone.
    let words = query(vec![TermKind::Word("strike".into())]);
    assert_eq!(titles(&store, &words), ["Port strike ends"]);
    assert_eq!(store.count(&words, today()).unwrap(), 1);
}

#[test]
fn same_url_is_the_same_article() {
    let mut store = seeded();
    let retitled = new_article(&Fixture {
        title: "Peace talks in Velmora (updated)",
        url: Some("https://www.rferl.org/a/talks/1.html"),
        source: Some("RFE/RL"),
        ..BASE
    });
    assert_eq!(
        store.import_batch(&[retitled]).unwrap(),
        [ImportOutcome::Updated]
    );
    assert_eq!(store.total().unwrap(), 3);
}

#[test]
fn same_bytes_without_url_or_date_are_stored_once() {
    let mut store = Store::open_in_memory().unwrap();
    let a = new_article(&Fixture {
        date: None,
        origin: Some("/a/1.txt"),
        ..BASE
    });
    let b = new_article(&Fixture {
        date: None,
        origin: Some("/b/1.txt"),
        ..BASE
    });
    let outcomes = store.import_batch(&[a, b]).unwrap();
    assert_eq!(
        outcomes,
        [ImportOutcome::Imported, ImportOutcome::Unchanged]
    );
}

#[test]
fn source_matches_name_alias_and_domain() {
    let store = seeded();
    for name in [
        "rferl",
        "RFE/RL",
        "rferl.org",
        "Radio Free Europe/Radio Liberty",
        "RFERL",
    ] {
        let q = query(vec![TermKind::Source(name.into())]);
        assert_eq!(
            titles(&store, &q),
            ["Peace talks in Velmora"],
            "source:{name}"
        );
    }
    let none = query(vec![TermKind::Source("nobody".into())]);
    assert!(titles(&store, &none).is_empty());
    let either = query(vec![
        TermKind::Source("rferl".into()),
        TermKind::Source("northwind".into()),
    ]);
    assert_eq!(
        titles(&store, &either).len(),
        3,
        "repeated source: means any of them"
    );
}

#[test]
fn person_matches_name_alias_surname_and_spelling_variants() {
    let store = seeded();
    for name in [
        "kovalensky",
        "Dmytro Kovalenskiy",
        "KOVALENSKYY",
        "dmytro kovalenskyy",
    ] {
        let q = query(vec![TermKind::Person(name.into())]);
        assert_eq!(
            titles(&store, &q),
            ["Peace talks in Velmora"],
            "person:{name}"
        );
    }
    let both = query(vec![
        TermKind::Person("renshaw".into()),
        TermKind::Person("kovalenskyy".into()),
    ]);
    assert_eq!(
        titles(&store, &both),
        ["Peace talks in Velmora"],
        "repeated person: means all"
    );
}

#[test]
fn negation_keeps_articles_without_the_field() {
    let store = seeded();
    let mut q = query(vec![TermKind::Source("rferl".into())]);
    q.terms[0].negated = true;
    assert_eq!(titles(&store, &q), ["Port strike ends", "Undated note"]);
    let mut q = query(vec![TermKind::Person("renshaw".into())]);
    q.terms[0].negated = true;
    assert_eq!(titles(&store, &q), ["Undated note"]);
}

#[test]
fn words_never_reach_fts_as_syntax() {
    let store = seeded();
    for text in [
        "NEAR(x", "\"", "OR", "*", "a:b", "(", "AND NOT", "title:x", "-", "^x",
    ] {
        let q = query(vec![TermKind::Word(text.into())]);
        store.search(&q, today(), 0, 10).unwrap();
        store.count(&q, today()).unwrap();
    }
    let q = query(vec![TermKind::Phrase("quoted NEAR".into())]);
    assert_eq!(titles(&store, &q), ["Undated note"]);
}

#[test]
fn read_and_starred_filters() {
    let store = seeded();
    let id = store.search(&Query::default(), today(), 0, 1).unwrap()[0].id;
    store.set_read(id, true).unwrap();
    assert_eq!(
        titles(&store, &query(vec![TermKind::Is(Flag::Read)])),
        ["Peace talks in Velmora"]
    );
    assert_eq!(
        titles(&store, &query(vec![TermKind::Is(Flag::Unread)])).len(),
        2
    );
    assert!(titles(&store, &query(vec![TermKind::Is(Flag::Starred)])).is_empty());
}

#[test]
fn facets_count_under_the_filter() {
    let store = seeded();
    let sources = store.source_counts(&Query::default(), today()).unwrap();
    assert_eq!(
        sources[0],
        NameCount {
            name: "Northwind Wire".into(),
            articles: 2
        }
    );
    let people = store.person_counts(&Query::default(), today(), 10).unwrap();
    assert_eq!(people[0].name, "Alba Renshaw");
    assert_eq!(people[0].articles, 2);
    let months = store
        .date_histogram(&Query::default(), today(), Granularity::Month)
        .unwrap();
    assert_eq!(
        months,
        [("2025-11".to_string(), 1), ("2025-12".to_string(), 1)]
    );
}

#[test]
fn ui_values_round_trip() {
    let store = seeded();
    assert_eq!(store.ui_value("last_query").unwrap(), None);
    store.set_ui_value("last_query", "person:renshaw").unwrap();
    store.set_ui_value("last_query", "source:rferl").unwrap();
    assert_eq!(
        store.ui_value("last_query").unwrap().as_deref(),
        Some("source:rferl")
    );
}
