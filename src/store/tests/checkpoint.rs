//! The import's background checkpointer: the log reaches the database file only when nudged,
//! and the connection's own automatic checkpoints come back after.

use super::*;

fn autocheckpoint(store: &Store) -> i64 {
    store
        .conn
        .query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_nudge_checkpoints_on_the_other_connection_and_finish_restores_autocheckpoints() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let mut store = Store::open(&path).unwrap();
    let file_len = || std::fs::metadata(&path).unwrap().len();
    let before = file_len();

    let checkpoints = store.checkpoint_in_background().unwrap();
    assert_eq!(autocheckpoint(&store), 0);
    let titles: Vec<String> = (0..300).map(|i| format!("Harbour report {i}")).collect();
    let batch: Vec<NewArticle> = titles
        .iter()
        .map(|title| new_article(&Fixture { title, ..BASE }))
        .collect();
    store.import_batch(&batch).unwrap();
    assert_eq!(file_len(), before, "the commit itself must not checkpoint");

    checkpoints.nudge();
    checkpoints.finish(&store).unwrap();
    assert!(file_len() > before, "the nudged checkpoint copied the log");
    assert_eq!(autocheckpoint(&store), 1000);
}

#[test]
fn a_store_in_memory_needs_no_checkpointer() {
    let mut store = Store::open_in_memory().unwrap();
    let checkpoints = store.checkpoint_in_background().unwrap();
    store.import_batch(&[new_article(&BASE)]).unwrap();
    checkpoints.nudge();
    checkpoints.finish(&store).unwrap();
    assert_eq!(store.count(&Query::default(), today()).unwrap(), 1);
}
