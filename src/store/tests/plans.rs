//! Store tests of query plans: every faster plan gives the rows, pages and counts the general
//! plan gives.

use super::*;
use crate::store::plan::{Draft, Filter, Plan, WalkSet};

/// Sixty articles mixing four people (two named Orrin), two sources, three words and dates (some unknown).
pub(super) fn mixed_store() -> Store {
    const PEOPLE: [&str; 4] = ["Alba Renshaw", "Bo Kettering", "Cas Orrin", "Dee Orrin"];
    const WORDS: [&str; 3] = ["harbour", "ferry", "budget"];
    const DATES: [Option<&str>; 4] = [
        Some("2025-03-02"),
        Some("2025-06-15"),
        None,
        Some("2025-07-01"),
    ];
    store_of(60, |i, title| {
        let names: Vec<(&'static str, &'static [&'static str])> = (0..4)
            .filter(|p| (i >> p) & 1 == 1 || i % (p + 4) == 0)
            .map(|p| (PEOPLE[p], &[][..]))
            .collect();
        new_article(&Fixture {
            title,
            body: leak(format!("{} {} note", WORDS[i % 3], WORDS[(i / 3) % 3])),
            date: DATES[i % 4],
            source: Some(if i % 5 < 3 {
                "Northwind Wire"
            } else {
                "Copperline"
            }),
            people: Box::leak(names.into_boxed_slice()),
            ..BASE
        })
    })
}

/// An in-memory store of `n` articles titled "story {i}", each built by `article(i, title)`.
fn store_of(n: usize, article: impl Fn(usize, &'static str) -> NewArticle) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let batch: Vec<NewArticle> = (0..n)
        .map(|i| article(i, leak(format!("story {i}"))))
        .collect();
    store.import_batch(&batch).unwrap();
    store
}

/// A fixture string that lives as long as the test binary.
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// The person-driven plan (walking one person's mentions) and the general plan give the same
/// rows in the same order and the same counts, for person terms mixed with everything else.
#[test]
fn the_person_walk_and_the_general_plan_agree() {
    let store = mixed_store();
    let others = [
        "",
        "harbour",
        "ferry budget",
        "-harbour",
        "source:copperline",
        "-source:copperline",
        "date:2025-06",
        "-date:2025-06..2025-07",
        "date:2025-03..",
        "is:unread",
        "person:kettering",
        "-person:orrin",
        "harbour date:2025",
        "\"harbour ferry\"",
    ];
    let mut driven = 0;
    for other in others {
        for lead in ["person:renshaw", "person:\"Bo Kettering\""] {
            let text = format!("{lead} {other}");
            let q = crate::query::parse(&text).unwrap();
            let draft = store.compile(&q, today()).unwrap();
            let Some(person) = draft.person.clone() else {
                continue;
            };
            driven += 1;
            let walk = draft.clone().with(Plan::PersonWalk(person));
            let general = draft.with(Plan::General);
            let ids = |f: &Filter| -> Vec<i64> {
                store
                    .rows(f, Sort::Newest, 0, 100)
                    .unwrap()
                    .iter()
                    .map(|r| r.id)
                    .collect()
            };
            assert_eq!(ids(&walk), ids(&general), "{text}");
            assert_eq!(
                store.count_matching(&walk).unwrap(),
                store.count_matching(&general).unwrap(),
                "{text}"
            );
            for sort in Sort::ALL {
                assert_eq!(
                    store.rows(&walk, sort, 3, 4).unwrap(),
                    store.rows(&general, sort, 3, 4).unwrap(),
                    "{text}: a page {sort}"
                );
            }
        }
    }
    assert!(driven >= 20, "{driven} queries took the person walk");
}

/// Two plans give the same rows on the first page and on two later ones, in every order.
fn assert_same_pages(store: &Store, plan: &Filter, general: &Filter, text: &str) {
    for sort in Sort::ALL {
        for (offset, limit) in [(0, 100), (2, 5), (11, 3)] {
            assert_eq!(
                store.rows(plan, sort, offset, limit).unwrap(),
                store.rows(general, sort, offset, limit).unwrap(),
                "{text} at {offset} {sort}"
            );
        }
    }
}

/// Walking the date index with the words tested (for common words) gives the rows and pages
/// that looking every match up does.
#[test]
fn the_date_walk_for_common_words_agrees_with_the_lookup() {
    let store = mixed_store();
    let mut walked = 0;
    for text in [
        "harbour",
        "ferry budget",
        "harbour date:2025-06",
        "\"harbour ferry\" date:2025-03..",
        "budget date:..2025-06",
        "harbour -ferry",
        "harbour source:copperline",
    ] {
        let q = crate::query::parse(text).unwrap();
        let draft = store.compile(&q, today()).unwrap();
        let Some(walk) = draft.date_walk.clone() else {
            continue;
        };
        walked += 1;
        let general = draft.clone().with(Plan::General);
        // The walk's own condition, as a page that pays for the walk reads it.
        let walk = Draft {
            sql: walk.sql,
            ..draft
        }
        .with(Plan::General);
        assert_same_pages(&store, &walk, &general, text);
    }
    assert_eq!(walked, 5, "words with dates only take the walk");
}

#[test]
fn only_common_words_walk_the_dates() {
    let store = mixed_store();
    let pays = |text: &str, wanted: u64| {
        let filter = store
            .compile(&crate::query::parse(text).unwrap(), today())
            .unwrap();
        match &filter.date_walk {
            Some(walk) => store.walk_pays(&walk.set, &filter.params, wanted).unwrap(),
            None => false,
        }
    };
    // "harbour" is in 34 of the 60 articles: the first 10 are found in about 18 steps of the
    // walk; for the first 1,000 each match is looked up instead. A phrase in 7 is looked up.
    assert!(pays("harbour", 10));
    assert!(!pays("harbour", 1000));
    assert!(!pays("\"harbour harbour\"", 10));
    assert!(!pays("source:copperline", 10));
}

/// A surname naming two people: the walk, the lookup and the index-only count agree.
#[test]
fn a_surname_of_several_people_plans_agree() {
    let store = mixed_store();
    let mut walked = 0;
    for text in [
        "person:orrin",
        "person:orrin date:2025-06",
        "person:orrin date:..2025-06",
        "person:orrin harbour",
        "person:orrin source:copperline",
        "person:orrin person:renshaw",
    ] {
        let q = crate::query::parse(text).unwrap();
        let draft = store.compile(&q, today()).unwrap();
        let general = draft.clone().with(Plan::General);
        let expected = store.count_matching(&general).unwrap();
        assert!(expected > 0, "{text}");
        assert_eq!(store.count(&q, today()).unwrap(), expected, "{text}");
        let Some(walk) = draft.date_walk.clone() else {
            continue;
        };
        walked += 1;
        assert!(matches!(walk.set, WalkSet::People { .. }), "{text}");
        // Counted from the mentions index alone.
        let planned = draft.clone().with(Plan::DateWalk(walk.clone()));
        assert_eq!(store.count_matching(&planned).unwrap(), expected, "{text}");
        let walk = Draft {
            sql: walk.sql,
            ..draft
        }
        .with(Plan::General);
        assert_same_pages(&store, &walk, &general, text);
    }
    assert_eq!(walked, 3, "the surname with dates only takes the walk");
}

/// A person's histogram read from the mentions index alone counts what the list holds.
#[test]
fn a_persons_histogram_from_the_index_counts_the_listed_articles() {
    let store = mixed_store();
    for text in [
        "person:renshaw",
        "person:orrin",
        "person:orrin date:2025-06..",
        "person:renshaw date:2025-06..",
        "person:kettering harbour",
        "person:kettering harbour date:..2025-06",
        "person:orrin source:copperline",
    ] {
        let q = crate::query::parse(text).unwrap();
        let mut expected: Vec<(String, u64)> = Vec::new();
        for row in store.search(&q, today(), 0, 1000).unwrap() {
            let Some(date) = row.date else { continue };
            let month = date.format("%Y-%m").to_string();
            match expected.iter_mut().find(|(m, _)| *m == month) {
                Some((_, n)) => *n += 1,
                None => expected.push((month, 1)),
            }
        }
        expected.sort();
        let months = store
            .date_histogram(&q, today(), Granularity::Month)
            .unwrap();
        assert_eq!(months, expected, "{text}");
        assert!(!months.is_empty(), "{text}");
    }
}

/// A term naming nobody the store knows matches nothing at once; negated, it is no condition.
#[test]
fn unknown_people_and_sources_match_nothing_without_a_scan() {
    let store = mixed_store();
    for text in [
        "person:ren",
        "source:nowhere",
        "harbour person:\"Nobody Known\"",
    ] {
        let q = crate::query::parse(text).unwrap();
        assert_eq!(store.compile(&q, today()).unwrap().sql, "0", "{text}");
        assert_eq!(store.count(&q, today()).unwrap(), 0, "{text}");
        assert!(
            store.search(&q, today(), 0, 10).unwrap().is_empty(),
            "{text}"
        );
    }
    let q = crate::query::parse("-person:ren -source:nowhere").unwrap();
    assert_eq!(store.count(&q, today()).unwrap(), 60);
}

/// Words tested in memory (`byline_words`) give the rows, pages, counts and histograms the
/// words' subquery gives, whichever plan then drives (a person's walk or the general one).
#[test]
fn words_tested_in_memory_agree_with_the_words_subquery() {
    let store = mixed_store();
    let queries = [
        "harbour source:copperline",
        "ferry budget date:2025",
        "harbour date:2025-03..",
        "harbour person:renshaw",
        "budget person:\"Bo Kettering\" -person:orrin",
        "harbour person:renshaw source:northwind date:2025-03..",
        "\"harbour ferry\" person:renshaw",
        "budget -source:copperline date:2025-06",
        "ferry -harbour source:copperline is:unread",
        "note person:kettering -date:2025-06..2025-07",
    ];
    for text in queries {
        let q = crate::query::parse(text).unwrap();
        let subquery = store.compile_with(&q, today(), false).unwrap();
        let at = subquery.words_may_load.expect(text);
        let rusqlite::types::Value::Text(words) = &subquery.params[at] else {
            panic!("{text}: no MATCH text at {at}");
        };
        crate::store::wordset::load(&store.conn, &store.words, words).unwrap();
        let in_memory = store.compile_with(&q, today(), true).unwrap();
        assert!(in_memory.sql.contains("byline_words"), "{text}");
        // Each with the person's walk (when there is a person) and with the general plan.
        let as_planned = |draft: &Draft| match &draft.person {
            Some(person) => draft.clone().with(Plan::PersonWalk(person.clone())),
            None => draft.clone().with(Plan::General),
        };
        let plans = [
            (as_planned(&in_memory), as_planned(&subquery)),
            (
                in_memory.clone().with(Plan::General),
                subquery.clone().with(Plan::General),
            ),
        ];
        for (memory, sql) in &plans {
            assert_same_pages(&store, memory, sql, text);
            assert_eq!(
                store.count_matching(memory).unwrap(),
                store.count_matching(sql).unwrap(),
                "{text}"
            );
        }
        assert!(
            store.count_matching(&plans[1].0).unwrap() > 0,
            "{text} matches nothing"
        );
    }
}

/// Only words another index can drive beside are loaded: alone or beside negations they stay
/// a subquery SQLite may drive from.
#[test]
fn words_alone_are_not_loaded() {
    let store = mixed_store();
    for text in ["harbour", "harbour -source:copperline", "ferry is:unread"] {
        let q = crate::query::parse(text).unwrap();
        let filter = store.compile(&q, today()).unwrap();
        assert_eq!(filter.words_may_load, None, "{text}");
    }
}

/// 2,100 articles: `harbour` in the even ones (1,050, common enough to load), Copperline in
/// those with `i / 2` odd, three dates, and Ada Renshaw in every one.
pub(super) fn common_words_store() -> Store {
    store_of(2100, |i, title| {
        new_article(&Fixture {
            title,
            body: leak(format!("{} note", ["harbour", "ferry"][i % 2])),
            date: Some(["2025-03-02", "2025-06-15", "2024-01-09"][i % 3]),
            source: Some(["Northwind Wire", "Copperline"][(i / 2) % 2]),
            people: &[("Ada Renshaw", &["Renshaw"])],
            ..BASE
        })
    })
}

/// Through the public API, with words common enough to be loaded: counts, rows, source counts
/// and the histogram are those the articles' own fields give.
#[test]
fn common_words_loaded_in_memory_answer_every_request() {
    let store = common_words_store();
    // harbour: even i; Copperline: i/2 odd, so i % 4 in {2, 3}; both: i % 4 == 2.
    let q = crate::query::parse("harbour source:copperline date:2025").unwrap();
    let want: Vec<usize> = (0..2100).filter(|i| i % 4 == 2 && i % 3 != 2).collect();
    assert!(store.compile(&q, today()).unwrap().words_may_load.is_some());
    assert_eq!(store.count(&q, today()).unwrap(), want.len() as u64);
    assert!(store
        .filter(&q, today())
        .unwrap()
        .sql
        .contains("byline_words"));
    let rows = store.search(&q, today(), 0, 2000).unwrap();
    assert_eq!(rows.len(), want.len());
    assert!(rows
        .iter()
        .all(|r| r.source.as_deref() == Some("Copperline")));
    let sources = store.source_counts(&q, today()).unwrap();
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].articles, want.len() as u64);
    let months = store
        .date_histogram(&q, today(), crate::store::Granularity::Month)
        .unwrap();
    let total: u64 = months.iter().map(|(_, n)| n).sum();
    assert_eq!(total, want.len() as u64, "{months:?}");
}

#[test]
fn a_thousand_repeats_of_a_term_are_folded_into_one() {
    let store = seeded();
    let mut terms = vec![TermKind::Source("rferl".into()); 1200];
    terms.extend(vec![TermKind::Word("talks".into()); 1200]);
    terms.extend(vec![TermKind::Phrase("peace talks".into()); 1200]);
    terms.extend(vec![TermKind::Is(Flag::Unread); 1200]);
    let mut q = query(terms);
    let mut not_strike = term(TermKind::Word("strike".into()));
    not_strike.negated = true;
    q.terms.extend(vec![not_strike; 1200]);
    assert_eq!(titles(&store, &q), ["Peace talks in Velmora"]);
    assert_eq!(store.count(&q, today()).unwrap(), 1);
}
