//! The store file over time and across connections: schema migrations, a newer file refused,
//! other connections' commits seen, concurrent creation, and the import's FTS5 settings.

use super::*;

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
fn a_version_4_store_gains_full_text_off_and_no_page_outcomes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        schema::migrate_to(&conn, &path, 4).unwrap();
        conn.execute_batch(
            "INSERT INTO feeds (id, name, url, added_at) VALUES (7, 'Wire', 'https://e.org/f', 0);
             INSERT INTO articles (title, content_hash, is_read, imported_at, updated_at, feed_id)
             VALUES ('Item', x'00', 0, 0, 0, 7);",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert!(!store.find_feed("Wire").unwrap().unwrap().full_text);
    assert!(!store.article(1).unwrap().unwrap().summary_only);
    assert!(store.page_items(7, false, 10).unwrap().is_empty());
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
