//! Bulk marks, deletion with tombstones, and source corrections.

use super::*;

fn two_sources() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let batch = [
        new_article(&Fixture {
            title: "Pier reopens",
            source: Some("NWW"),
            url: Some("https://nww.example/pier"),
            ..BASE
        }),
        new_article(&Fixture {
            title: "Storm warning",
            source: Some("NWW"),
            date: Some("2025-12-07"),
            ..BASE
        }),
        new_article(&Fixture {
            title: "Ferry timetable",
            source: Some("Harbor Press"),
            ..BASE
        }),
    ];
    store.import_batch(&batch).unwrap();
    store
}

fn parse(text: &str) -> Query {
    crate::query::parse(text).unwrap()
}

#[test]
fn marks_in_bulk_report_what_changed_so_it_can_be_undone() {
    let store = two_sources();
    let ids = store.matching_ids(&parse("source:nww"), today()).unwrap();
    assert_eq!(ids.len(), 2);
    let first = store.matching_ids(&parse("storm"), today()).unwrap();
    assert_eq!(store.set_marks(&first, Mark::Read, true).unwrap(), first);
    let changed = store.set_marks(&ids, Mark::Read, true).unwrap();
    assert_eq!(changed.len(), 1, "the one already read did not change");
    assert_eq!(titles(&store, &parse("is:read")).len(), 2);
    store.set_marks(&changed, Mark::Read, false).unwrap();
    assert_eq!(titles(&store, &parse("is:read")), ["Storm warning"]);
}

#[test]
fn a_deleted_article_stays_deleted_across_reimport_until_restored() {
    let mut store = two_sources();
    let ids = store.matching_ids(&parse("pier"), today()).unwrap();
    store.set_marks(&ids, Mark::Starred, true).unwrap();
    let deleted = store.delete_articles(&ids).unwrap();
    assert_eq!(deleted.len(), 1);
    assert!(titles(&store, &parse("pier")).is_empty());
    assert_eq!(store.count(&Query::default(), today()).unwrap(), 2);
    // The same article again, and a changed version of it (same URL): both stay out.
    let again = new_article(&Fixture {
        title: "Pier reopens",
        source: Some("NWW"),
        url: Some("https://nww.example/pier"),
        ..BASE
    });
    let changed = new_article(&Fixture {
        body: "Talks resumed on Tuesday.",
        ..Fixture {
            title: "Pier reopens",
            source: Some("NWW"),
            url: Some("https://nww.example/pier"),
            ..BASE
        }
    });
    let outcomes = store.import_batch(&[again.clone(), changed]).unwrap();
    assert_eq!(outcomes, [ImportOutcome::Deleted, ImportOutcome::Deleted]);
    assert!(titles(&store, &parse("pier")).is_empty());
    let listed = store.deleted(10).unwrap();
    assert_eq!(listed[0].title, "Pier reopens");
    assert_eq!(listed[0].source.as_deref(), Some("NWW"));
    let id = store.restore_article(deleted[0], &again).unwrap().unwrap();
    let original = &store.deleted_originals(&deleted).unwrap();
    assert!(original.is_empty(), "the tombstone went with the restore");
    assert_eq!(titles(&store, &parse("pier")), ["Pier reopens"]);
    assert_eq!(
        store.article(id).unwrap().unwrap().row.title,
        "Pier reopens"
    );
}

#[test]
fn a_renamed_source_keeps_its_old_name_and_takes_in_later_imports() {
    let mut store = two_sources();
    assert_eq!(
        store.rename_source("nww", "Northwind Wire").unwrap(),
        "Northwind Wire"
    );
    for old_or_new in [
        "source:nww",
        "source:\"Northwind Wire\"",
        "source:northwind",
    ] {
        assert_eq!(titles(&store, &parse(old_or_new)).len(), 2, "{old_or_new}");
    }
    let later = new_article(&Fixture {
        title: "Lighthouse relit",
        source: Some("NWW"),
        ..BASE
    });
    store.import_batch(&[later]).unwrap();
    let sources: Vec<String> = store
        .source_counts(&Query::default(), today())
        .unwrap()
        .into_iter()
        .map(|s| format!("{} {}", s.name, s.articles))
        .collect();
    assert_eq!(sources, ["Northwind Wire 3", "Harbor Press 1"]);
}

#[test]
fn merging_moves_articles_and_names_and_unknown_or_ambiguous_names_are_refused() {
    let store = two_sources();
    assert_eq!(store.merge_sources("Harbor Press", "NWW").unwrap(), "NWW");
    assert_eq!(titles(&store, &parse("source:\"harbor press\"")).len(), 3);
    assert_eq!(titles(&store, &parse("source:nww")).len(), 3);
    let err = store.merge_sources("Nobody", "NWW").unwrap_err();
    assert!(
        err.to_string().contains("no source is called \"Nobody\""),
        "{err}"
    );
    // Renaming onto an existing name merges.
    let store = two_sources();
    store.rename_source("Harbor Press", "nww").unwrap();
    assert_eq!(
        store
            .source_counts(&Query::default(), today())
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn importing_the_same_bytes_with_another_source_hint_updates_the_article() {
    let mut store = Store::open_in_memory().unwrap();
    let fixture = Fixture {
        source: None,
        origin: Some("notes/pier.txt"),
        ..BASE
    };
    let plain = new_article(&fixture);
    let hinted = |hint: &str| {
        let mut item = new_article(&fixture);
        item.source_hint = Some(hint.to_string());
        item.article.source = Some(hint.to_string());
        item
    };
    assert_eq!(
        store.import_batch(&[plain]).unwrap(),
        [ImportOutcome::Imported]
    );
    assert_eq!(
        store.import_batch(&[hinted("Harbour Post")]).unwrap(),
        [ImportOutcome::Updated]
    );
    assert_eq!(titles(&store, &parse("source:\"harbour post\"")).len(), 1);
    assert_eq!(
        store.import_batch(&[hinted("Harbour Post")]).unwrap(),
        [ImportOutcome::Unchanged]
    );
}
