//! Store tests of one identity across the store: a surname said alone joins the full name known
//! around its article, and the canonical name follows the majority of articles.

use super::*;

/// An article of `source` on `date` naming one person as `name` (with these surface forms).
fn naming(
    title: &'static str,
    source: &'static str,
    date: &'static str,
    name: &'static str,
) -> NewArticle {
    let people: &'static [(&'static str, &'static [&'static str])] =
        Box::leak(Box::new([(name, &[][..])]));
    new_article(&Fixture {
        title,
        source: Some(source),
        date: Some(date),
        body: title,
        people,
        ..BASE
    })
}

use super::people::stored_people as names;

fn titles_of(store: &Store, person: &str) -> Vec<String> {
    let mut found = titles(store, &query(vec![TermKind::Person(person.into())]));
    found.sort();
    found
}

const WIRE: &str = "Northwind Wire";
const GAZETTE: &str = "Harbour Gazette";

#[test]
fn a_surname_alone_joins_the_one_full_name_known_around_it() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[
            // A namesake two years earlier does not make "Merz" ambiguous in December 2025.
            naming("old", WIRE, "2023-10-02", "Anna Merz"),
            naming("summit", WIRE, "2025-12-01", "Friedrich Merz"),
            naming("coalition", GAZETTE, "2025-12-08", "Merz"),
        ])
        .unwrap();
    assert_eq!(names(&store), ["Anna Merz", "Friedrich Merz"]);
    assert_eq!(titles_of(&store, "Friedrich Merz"), ["coalition", "summit"]);
}

#[test]
fn a_surname_alone_stays_apart_when_two_known_people_share_it_in_the_window() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[
            naming("summit", WIRE, "2025-12-01", "Friedrich Merz"),
            naming("court", WIRE, "2025-12-03", "Anna Merz"),
            naming("coalition", WIRE, "2025-12-08", "Merz"),
        ])
        .unwrap();
    assert_eq!(names(&store), ["Anna Merz", "Friedrich Merz", "Merz"]);
    assert_eq!(titles_of(&store, "Friedrich Merz"), ["summit"]);
}

#[test]
fn among_two_known_in_the_window_the_article_s_source_decides() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[
            naming("summit", WIRE, "2025-12-01", "Friedrich Merz"),
            naming("court", GAZETTE, "2025-12-03", "Anna Merz"),
            naming("coalition", GAZETTE, "2025-12-08", "Merz"),
        ])
        .unwrap();
    assert_eq!(names(&store), ["Anna Merz", "Friedrich Merz"]);
    assert_eq!(titles_of(&store, "Anna Merz"), ["coalition", "court"]);
}

#[test]
fn a_surname_joined_once_is_settled_again_in_another_window() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[
            naming("summit", WIRE, "2025-12-01", "Friedrich Merz"),
            naming("coalition", WIRE, "2025-12-08", "Merz"),
            naming("premiere", WIRE, "2027-03-01", "Anna Merz"),
            naming("review", WIRE, "2027-03-05", "Merz"),
        ])
        .unwrap();
    assert_eq!(titles_of(&store, "Friedrich Merz"), ["coalition", "summit"]);
    assert_eq!(titles_of(&store, "Anna Merz"), ["premiere", "review"]);
}

#[test]
fn a_one_word_alias_the_user_gave_outvotes_the_window() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[
            naming("summit", WIRE, "2025-12-01", "Friedrich Merz"),
            naming("court", WIRE, "2025-12-03", "Anna Merz"),
        ])
        .unwrap();
    store.alias_person("Friedrich Merz", "Merz").unwrap();
    store
        .import_batch(&[naming("coalition", WIRE, "2025-12-08", "Merz")])
        .unwrap();
    assert_eq!(titles_of(&store, "Friedrich Merz"), ["coalition", "summit"]);
}

#[test]
fn a_family_name_said_alone_joins_the_full_name_it_opens() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[
            naming("visit", WIRE, "2025-12-01", "Xi Jinping"),
            naming("talks", GAZETTE, "2025-12-04", "Xi"),
            // A given name said alone is nobody's: "Donald" does not join Donald Tusk.
            naming("summit", WIRE, "2025-12-01", "Donald Tusk"),
            naming("aside", WIRE, "2025-12-02", "Donald"),
        ])
        .unwrap();
    assert_eq!(titles_of(&store, "Xi Jinping"), ["talks", "visit"]);
    assert_eq!(names(&store), ["Donald", "Donald Tusk", "Xi Jinping"]);
}

#[test]
fn a_surname_alone_far_from_every_full_name_follows_the_store_wide_rule() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[
            naming("summit", WIRE, "2025-12-01", "Friedrich Merz"),
            naming("court", WIRE, "2025-12-03", "Anna Merz"),
            // Years away from both: two full names share the surname, so nobody is guessed.
            naming("archive", WIRE, "2019-05-05", "Merz"),
        ])
        .unwrap();
    assert_eq!(names(&store), ["Anna Merz", "Friedrich Merz", "Merz"]);
}

#[test]
fn the_canonical_name_follows_the_majority_of_articles() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[naming("first", WIRE, "2025-12-01", "Volodymyr Zelensky")])
        .unwrap();
    assert_eq!(names(&store), ["Volodymyr Zelensky"]);
    store
        .import_batch(&[
            naming("second", WIRE, "2025-12-02", "Volodymyr Zelenskyy"),
            naming("third", GAZETTE, "2025-12-03", "Volodymyr Zelenskyy"),
        ])
        .unwrap();
    assert_eq!(names(&store), ["Volodymyr Zelenskyy"]);
    // The old name still finds them.
    assert_eq!(titles_of(&store, "Volodymyr Zelensky").len(), 3);
}

#[test]
fn a_tie_keeps_the_name_and_deleting_articles_counts_them_out() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[
            naming("first", WIRE, "2025-12-01", "Volodymyr Zelensky"),
            naming("second", WIRE, "2025-12-02", "Volodymyr Zelenskyy"),
        ])
        .unwrap();
    assert_eq!(
        names(&store),
        ["Volodymyr Zelensky"],
        "a tie keeps the name"
    );
    store
        .import_batch(&[naming("third", WIRE, "2025-12-03", "Volodymyr Zelenskyy")])
        .unwrap();
    assert_eq!(names(&store), ["Volodymyr Zelenskyy"]);
    let q = query(vec![TermKind::Person("Zelenskyy".into())]);
    let ids = store.matching_ids(&q, today()).unwrap();
    let gone: Vec<i64> = store
        .search(&q, today(), 0, 10)
        .unwrap()
        .into_iter()
        .filter(|r| r.title != "first")
        .map(|r| r.id)
        .collect();
    assert_eq!(ids.len(), 3);
    store.delete_articles(&gone).unwrap();
    assert_eq!(names(&store), ["Volodymyr Zelensky"]);
}

#[test]
fn a_name_the_user_chose_outlasts_the_majority() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[naming("first", WIRE, "2025-12-01", "Volodymyr Zelensky")])
        .unwrap();
    store
        .rename_person("Volodymyr Zelensky", "Volodymyr Zelenskyi")
        .unwrap();
    store
        .import_batch(&[
            naming("second", WIRE, "2025-12-02", "Volodymyr Zelenskyy"),
            naming("third", WIRE, "2025-12-03", "Volodymyr Zelenskyy"),
        ])
        .unwrap();
    assert_eq!(names(&store), ["Volodymyr Zelenskyi"]);
}

fn with_two(
    title: &'static str,
    date: &'static str,
    a: &'static str,
    b: &'static str,
) -> NewArticle {
    let people: &'static [(&'static str, &'static [&'static str])] =
        Box::leak(Box::new([(a, &[][..]), (b, &[][..])]));
    new_article(&Fixture {
        title,
        date: Some(date),
        body: title,
        people,
        ..BASE
    })
}

#[test]
fn undoing_a_merge_brings_the_person_back_apart() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[
            naming("a", WIRE, "2025-12-01", "Aurelio Fenwick"),
            with_two("b", "2025-12-02", "Aurelio Fenwick", "Harold Whitcombe"),
            naming("c", WIRE, "2025-12-03", "Harold Whitcombe"),
        ])
        .unwrap();
    let before = names(&store);
    let snapshot = store
        .merge_people_undoably("Aurelio Fenwick", "Harold Whitcombe")
        .unwrap();
    assert_eq!(names(&store), ["Harold Whitcombe"]);
    assert_eq!(titles_of(&store, "Harold Whitcombe"), ["a", "b", "c"]);
    assert_eq!(store.restore_person(&snapshot).unwrap(), 2);
    assert_eq!(names(&store), before);
    assert_eq!(titles_of(&store, "Aurelio Fenwick"), ["a", "b"]);
    assert_eq!(titles_of(&store, "Harold Whitcombe"), ["b", "c"]);
    let counts = store.person_counts(&Query::default(), today(), 10).unwrap();
    assert!(counts.iter().all(|p| p.articles == 2), "{counts:?}");
}

#[test]
fn undoing_not_a_person_brings_the_mentions_back_and_imports_keep_them() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[naming("a", WIRE, "2025-12-01", "Harbour Master")])
        .unwrap();
    let snapshot = store.not_a_person_undoably("Harbour Master").unwrap();
    assert!(names(&store).is_empty());
    store.restore_person(&snapshot).unwrap();
    assert_eq!(names(&store), ["Harbour Master"]);
    // No longer refused: a new article naming them keeps the mention.
    store
        .import_batch(&[naming("b", WIRE, "2025-12-02", "Harbour Master")])
        .unwrap();
    assert_eq!(titles_of(&store, "Harbour Master"), ["a", "b"]);
}
