//! Store tests on hand-built articles: idempotent import, updates, marks, resolution, migration.

mod checkpoint;
mod people;
mod plans;
mod settled;

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

#[test]
fn a_version_1_store_migrates_and_keeps_its_articles() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        schema::migrate_to(&conn, &path, 1).unwrap();
        conn.execute(
            "INSERT INTO articles (title, content_hash, is_read, imported_at, updated_at)
             VALUES ('Old story', x'00', 1, 0, 0)",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO articles_fts (rowid, title, body) VALUES (1, 'Old story', 'Kept across versions.')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let version: i64 = store
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::SCHEMA_VERSION);
    let rows = store.search(&Query::default(), today(), 0, 10).unwrap();
    assert_eq!(rows[0].title, "Old story");
    assert!(rows[0].read);
    let q = query(vec![TermKind::Word("versions".into())]);
    assert_eq!(titles(&store, &q), ["Old story"]);
    store.set_ui_value("k", "v").unwrap();
}

#[test]
fn a_newer_store_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let err = Store::open(&path).err().unwrap().to_string();
    assert!(err.contains("future.db") && err.contains("999"), "{err}");
}

#[test]
fn data_version_moves_only_for_other_connections_commits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let reader = Store::open(&path).unwrap();
    let mut writer = Store::open(&path).unwrap();
    let before = reader.data_version().unwrap();
    reader.set_ui_value("k", "v").unwrap();
    assert_eq!(reader.data_version().unwrap(), before, "own writes");
    writer.import_batch(&[new_article(&BASE)]).unwrap();
    let after = reader.data_version().unwrap();
    assert_ne!(after, before, "another connection's commit");
    assert_eq!(reader.total().unwrap(), 1);
    assert_eq!(reader.data_version().unwrap(), after, "stable while idle");
}

#[test]
fn two_processes_creating_one_store_at_once_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("race.db");
    let opens: Vec<_> = (0..4)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || Store::open(&path).map(|_| ()))
        })
        .collect();
    for open in opens {
        open.join().unwrap().unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.total().unwrap(), 0);
}

#[test]
fn a_kept_compiled_query_is_dropped_when_the_store_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.db");
    let mut own = Store::open(&path).unwrap();
    let mut other = Store::open(&path).unwrap();
    let article = |title, people| {
        new_article(&Fixture {
            title,
            people,
            ..BASE
        })
    };
    // Each name is unknown when first asked for, so its query compiles to "nothing".
    let renshaw = crate::query::parse("person:renshaw").unwrap();
    assert_eq!(own.count(&renshaw, today()).unwrap(), 0);
    own.import_batch(&[article("One", &[("Ada Renshaw", &["Renshaw"])])])
        .unwrap();
    assert_eq!(own.count(&renshaw, today()).unwrap(), 1, "own import");

    let lindqvist = crate::query::parse("person:lindqvist").unwrap();
    assert_eq!(own.count(&lindqvist, today()).unwrap(), 0);
    other
        .import_batch(&[article("Two", &[("Tove Lindqvist", &["Lindqvist"])])])
        .unwrap();
    assert_eq!(
        own.count(&lindqvist, today()).unwrap(),
        1,
        "another's import"
    );
}

#[test]
fn an_import_gives_full_text_indexing_room_for_a_whole_batch() {
    let mut store = Store::open_in_memory().unwrap();
    use rusqlite::OptionalExtension;
    let hashsize = |store: &Store| -> Option<i64> {
        store
            .conn
            .query_row(
                "SELECT v FROM articles_fts_config WHERE k = 'hashsize'",
                [],
                |r| r.get(0),
            )
            .optional()
            .unwrap()
    };
    assert_eq!(hashsize(&store), None, "FTS5's default (1 MiB) before");
    store.import_batch(&[new_article(&BASE)]).unwrap();
    assert_eq!(hashsize(&store), Some(32 << 20));
    let q = crate::query::parse("talks").unwrap();
    assert_eq!(store.count(&q, today()).unwrap(), 1, "still indexed");
}
