//! Saved searches: saving, listing with counts, `@name` expanded, and the names refused.

use super::*;

fn parse(text: &str) -> Query {
    crate::query::parse(text).unwrap()
}

fn save(store: &Store, name: &str, text: &str) {
    store.save_search(name, &parse(text), false).unwrap();
}

fn query_error(result: Result<impl std::fmt::Debug>) -> crate::query::QueryError {
    match result {
        Err(StoreError::Query(error)) => error,
        other => panic!("not a query error: {other:?}"),
    }
}

#[test]
fn a_saved_search_lists_the_same_articles_as_its_query_and_combines_with_terms() {
    let store = seeded();
    save(&store, "renshaw", "person:renshaw");
    assert_eq!(
        titles(&store, &parse("@renshaw")),
        titles(&store, &parse("person:renshaw"))
    );
    assert_eq!(
        titles(&store, &parse("@Renshaw date:2025-11")),
        ["Port strike ends"]
    );
    save(&store, "nested", "@renshaw strike");
    assert_eq!(titles(&store, &parse("@nested")), ["Port strike ends"]);
    let searches = store.saved_searches().unwrap();
    let names: Vec<&str> = searches.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["nested", "renshaw"]);
    assert_eq!(searches[0].query, "@renshaw strike");
}

#[test]
fn counts_give_every_search_its_articles_and_unread_ones() {
    let store = seeded();
    save(&store, "renshaw", "person:renshaw");
    let id = store.search(&parse("strike"), today(), 0, 1).unwrap()[0].id;
    store.set_read(id, true).unwrap();
    let counts = store.saved_counts(today()).unwrap();
    assert_eq!(counts.len(), 1);
    assert_eq!((counts[0].articles, counts[0].unread), (Some(2), Some(1)));
}

#[test]
fn an_unknown_name_is_an_error_at_its_column() {
    let store = seeded();
    let error = query_error(store.count(&parse("talks @nobody"), today()));
    assert_eq!((error.column, error.span.clone()), (7, 6..13));
    assert!(
        error.message.contains("no saved search is called @nobody"),
        "{error}"
    );
    // Saving a search that names an unknown one is refused too.
    let error = query_error(store.save_search("a", &parse("@b"), false));
    assert!(error.message.contains("@b"), "{error}");
    assert!(store.saved_searches().unwrap().is_empty());
}

#[test]
fn a_search_referring_to_itself_is_refused_directly_or_through_another() {
    let store = seeded();
    let error = query_error(store.save_search("a", &parse("x @a"), false));
    assert!(error.message.contains("refers to itself"), "{error}");
    save(&store, "a", "talks");
    save(&store, "b", "@a");
    let error = query_error(store.save_search("a", &parse("@b"), true));
    assert!(error.message.contains("@a → @b → @a"), "{error}");
    assert_eq!(store.saved_search("a").unwrap().unwrap().query, "talks");
    // A cycle written behind the store's back is still refused, never looped on.
    store
        .conn
        .execute(
            "UPDATE saved_searches SET query = '@b' WHERE name = 'a'",
            [],
        )
        .unwrap();
    let error = query_error(store.count(&parse("@a"), today()));
    assert_eq!(error.column, 1);
    assert!(error.message.contains("refers to itself"), "{error}");
    let counts = store.saved_counts(today()).unwrap();
    assert!(counts.iter().all(|c| c.articles.is_none()), "{counts:?}");
}

#[test]
fn names_are_checked_and_existing_ones_replaced_only_when_forced() {
    let store = seeded();
    save(&store, "News", "talks");
    assert!(matches!(
        store.save_search("news", &parse("strike"), false),
        Err(StoreError::SearchExists(_))
    ));
    store.save_search("news", &parse("strike"), true).unwrap();
    let kept = store.saved_search("NEWS").unwrap().unwrap();
    assert_eq!(
        (kept.name.as_str(), kept.query.as_str()),
        ("News", "strike")
    );
    for bad in ["", "a b", "a:b"] {
        assert!(matches!(
            store.save_search(bad, &parse("x"), false),
            Err(StoreError::BadSearchName(_))
        ));
    }
}

#[test]
fn rename_follows_references_and_remove_refuses_a_used_search() {
    let store = seeded();
    save(&store, "renshaw", "person:renshaw");
    save(&store, "strikes", "@renshaw strike");
    store.rename_search("renshaw", "alba").unwrap();
    assert_eq!(
        store.saved_search("strikes").unwrap().unwrap().query,
        "@alba strike"
    );
    assert_eq!(titles(&store, &parse("@strikes")), ["Port strike ends"]);
    assert!(matches!(
        store.remove_search("alba"),
        Err(StoreError::SearchInUse { .. })
    ));
    store.remove_search("strikes").unwrap();
    store.remove_search("alba").unwrap();
    assert!(matches!(
        store.remove_search("alba"),
        Err(StoreError::NoSuchSearch(_))
    ));
    assert!(store.saved_searches().unwrap().is_empty());
}
