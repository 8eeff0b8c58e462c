//! The list's orders: oldest first keeps undated articles last, by source groups outlets in
//! name order, unread first puts what is left to read on top; a person's walk agrees.

use super::*;

fn listed(store: &Store, text: &str, sort: Sort) -> Vec<String> {
    let q = crate::query::parse(text).unwrap();
    store
        .search_sorted(&q, today(), sort, 0, 100)
        .unwrap()
        .into_iter()
        .map(|r| r.title)
        .collect()
}

#[test]
fn every_order_keeps_undated_articles_last() {
    let store = seeded();
    assert_eq!(
        listed(&store, "", Sort::Newest),
        ["Peace talks in Velmora", "Port strike ends", "Undated note"]
    );
    assert_eq!(
        listed(&store, "", Sort::Oldest),
        ["Port strike ends", "Peace talks in Velmora", "Undated note"]
    );
    // A person's walk (the index) and the general plan give the same order.
    assert_eq!(
        listed(&store, "person:renshaw", Sort::Oldest),
        ["Port strike ends", "Peace talks in Velmora"]
    );
}

#[test]
fn by_source_and_unread_first() {
    let store = seeded();
    assert_eq!(
        listed(&store, "", Sort::Source),
        ["Port strike ends", "Undated note", "Peace talks in Velmora"],
        "Northwind Wire before RFE/RL, newest first within each"
    );
    let q = crate::query::parse("port").unwrap();
    let ids = store.matching_ids(&q, today()).unwrap();
    store.set_marks(&ids, Mark::Read, true).unwrap();
    assert_eq!(
        listed(&store, "", Sort::Unread),
        ["Peace talks in Velmora", "Undated note", "Port strike ends"]
    );
}
