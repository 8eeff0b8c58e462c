//! Store tests of people: cross-article merging, person lists, counts and facets.

use super::*;

/// Articles that all mention Alba Renshaw, titled and dated as given (the body is the title).
fn renshaw_articles(items: &[(&'static str, Option<&'static str>)]) -> Vec<NewArticle> {
    let people: &'static [(&'static str, &'static [&'static str])] =
        &[("Alba Renshaw", &["Alba Renshaw"])];
    items
        .iter()
        .map(|(title, date)| {
            new_article(&Fixture {
                title,
                date: *date,
                people,
                body: title,
                ..BASE
            })
        })
        .collect()
}

/// Every stored person's name, sorted.
pub(super) fn stored_people(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = store
        .person_counts(&Query::default(), today(), 100)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    names.sort();
    names
}

fn with_person(title: &'static str, name: &'static str) -> NewArticle {
    let people: &'static [(&'static str, &'static [&'static str])] =
        Box::leak(Box::new([(name, &[][..])]));
    new_article(&Fixture {
        title,
        people,
        ..BASE
    })
}

#[test]
fn spelling_variants_of_one_person_are_one_person() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[
            with_person("a", "Dmytro Kovalenskyy"),
            with_person("b", "Dmitro Kovalensky"),
            with_person("c", "Dmytro Kovalenskiy"),
            with_person("d", "D. Kovalenskyy"),
            with_person("e", "Alba Renshaw"),
            with_person("f", "Alba M. Renshaw"),
        ])
        .unwrap();
    assert_eq!(
        stored_people(&store),
        ["Alba Renshaw", "Dmytro Kovalenskyy"]
    );
    let q = query(vec![TermKind::Person("Dmitro Kovalensky".into())]);
    assert_eq!(titles(&store, &q).len(), 4);
}

#[test]
fn people_who_share_a_surname_stay_apart() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[
            with_person("a", "Marta Kessler"),
            with_person("b", "Tomas Kessler"),
            with_person("c", "Kessler"),
        ])
        .unwrap();
    assert_eq!(
        stored_people(&store),
        ["Kessler", "Marta Kessler", "Tomas Kessler"]
    );
}

#[test]
fn a_surname_stored_first_takes_the_full_name_later() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[
            with_person("a", "Macron"),
            with_person("b", "Emmanuel Macron"),
        ])
        .unwrap();
    assert_eq!(stored_people(&store), ["Emmanuel Macron"]);
}

#[test]
fn a_person_list_is_newest_first_and_agrees_with_its_count() {
    let mut store = Store::open_in_memory().unwrap();
    let batch = renshaw_articles(&[
        ("old", Some("2025-01-05")),
        ("undated", None),
        ("new", Some("2025-12-01")),
        ("mid", Some("2025-06-01")),
    ]);
    store.import_batch(&batch).unwrap();
    let person = query(vec![TermKind::Person("renshaw".into())]);
    assert_eq!(titles(&store, &person), ["new", "mid", "old", "undated"]);
    assert_eq!(store.count(&person, today()).unwrap(), 4);
    let mut narrowed = query(vec![
        TermKind::Person("alba renshaw".into()),
        TermKind::Word("mid".into()),
    ]);
    assert_eq!(titles(&store, &narrowed), ["mid"]);
    assert_eq!(store.count(&narrowed, today()).unwrap(), 1);
    narrowed.terms[1].negated = true;
    assert_eq!(titles(&store, &narrowed), ["new", "old", "undated"]);
    assert_eq!(store.count(&narrowed, today()).unwrap(), 3);
    let page = store.search(&person, today(), 2, 10).unwrap();
    assert_eq!(
        page.iter().map(|r| r.title.as_str()).collect::<Vec<_>>(),
        ["old", "undated"]
    );
}

#[test]
fn person_and_date_counts_agree_with_lists() {
    let mut store = Store::open_in_memory().unwrap();
    let batch = renshaw_articles(&[
        ("old", Some("2025-01-05")),
        ("undated", None),
        ("mid", Some("2025-06-01")),
    ]);
    store.import_batch(&batch).unwrap();
    let spec = crate::query::parse("person:renshaw date:2025-06").unwrap();
    assert_eq!(titles(&store, &spec), ["mid"]);
    assert_eq!(store.count(&spec, today()).unwrap(), 1);
    let spec = crate::query::parse("person:renshaw -date:2025-06").unwrap();
    assert_eq!(titles(&store, &spec), ["old", "undated"]);
    assert_eq!(store.count(&spec, today()).unwrap(), 2);
    let spec = crate::query::parse("person:renshaw date:..2025-03 -source:northwind").unwrap();
    assert!(titles(&store, &spec).is_empty());
    assert_eq!(store.count(&spec, today()).unwrap(), 0);
}

#[test]
fn facets_under_a_person_filter_count_that_persons_articles() {
    let store = seeded();
    let q = crate::query::parse("person:renshaw").unwrap();
    let sources = store.source_counts(&q, today()).unwrap();
    let total: u64 = sources.iter().map(|s| s.articles).sum();
    assert_eq!(total, 2);
    let people = store.person_counts(&q, today(), 10).unwrap();
    assert_eq!(
        (people[0].name.as_str(), people[0].articles),
        ("Alba Renshaw", 2)
    );
    assert_eq!(people[1].name, "Dmytro Kovalenskyy");
    let months = store
        .date_histogram(&q, today(), Granularity::Month)
        .unwrap();
    assert_eq!(
        months,
        [("2025-11".to_string(), 1), ("2025-12".to_string(), 1)]
    );
    let q = crate::query::parse("person:renshaw date:2025-12").unwrap();
    let months = store.date_histogram(&q, today(), Granularity::Day).unwrap();
    assert_eq!(months, [("2025-12-06".to_string(), 1)]);
}

#[test]
fn date_none_finds_the_undated_articles_and_its_negation_the_dated() {
    let mut store = Store::open_in_memory().unwrap();
    let batch = renshaw_articles(&[
        ("old", Some("2025-01-05")),
        ("undated", None),
        ("mid", Some("2025-06-01")),
        ("also undated", None),
    ]);
    store.import_batch(&batch).unwrap();
    for (text, want) in [
        ("date:none", &["undated", "also undated"][..]),
        ("date:unknown person:renshaw", &["undated", "also undated"]),
        ("-date:none", &["mid", "old"]),
        ("person:renshaw -date:none", &["mid", "old"]),
        ("date:none date:2025", &[]),
    ] {
        let spec = crate::query::parse(text).unwrap();
        let mut got = titles(&store, &spec);
        let mut want = want.to_vec();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{text}");
        assert_eq!(
            store.count(&spec, today()).unwrap(),
            want.len() as u64,
            "{text}"
        );
    }
}
