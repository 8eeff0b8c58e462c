//! The writer's transactions: their size, and what the reader beside an import waits.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::*;
use crate::importer::{import_files, prepare, ImportOptions};

#[test]
fn articles_are_written_as_they_arrive_and_committed_every_batch_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let mut store = Store::open(&path).unwrap();
    let watcher = rusqlite::Connection::open(&path).unwrap();
    let committed = || -> i64 {
        watcher
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
            .unwrap()
    };
    // What another connection sees each time the writer asks for the next article.
    let mut seen = Vec::new();
    let articles = (0..5).map(|i| {
        seen.push(committed());
        let text = format!("Harbour report {i}\n\nThe harbour opened on day {i}.\n");
        Ok(prepare(text.as_bytes(), None, None, None).unwrap())
    });
    let checkpoints = store.checkpoint_in_background(WAL_LIMIT_BYTES).unwrap();
    let mut report = ImportReport::default();
    let chunks = AllReady(articles);
    write_all(
        &mut store,
        chunks,
        2,
        &checkpoints,
        &mut report,
        &mut |_| {},
    )
    .unwrap();
    checkpoints.finish(&mut store).unwrap();
    assert_eq!(seen, [0, 0, 2, 2, 4]);
    assert_eq!(committed(), 5);
    assert_eq!(report.summary.imported, 5);
}

/// Files of wire stories in `dir`.
fn write_stories(dir: &std::path::Path, n: usize) -> Vec<std::path::PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    (0..n)
        .map(|i| {
            let path = dir.join(format!("story-{i:04}.txt"));
            let text = format!(
                "Harbour report number {i}\nBy Anna Lindqvist\n\nOSLO (Wire) - The harbour \
                 opened berth {i} on Monday, the port authority said.\n"
            );
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

/// Marks articles read on its own connection until `stop`: each mark's outcome and time.
fn mark_until(
    path: &std::path::Path,
    ids: &[i64],
    stop: &AtomicBool,
) -> Vec<(Result<(), String>, Duration)> {
    let reader = Store::open(path).unwrap();
    let mut marks = Vec::new();
    for (n, id) in ids.iter().cycle().enumerate() {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        let started = Instant::now();
        let marked = reader.set_read(*id, n % 2 == 0).map_err(|e| e.to_string());
        marks.push((marked, started.elapsed()));
        std::thread::sleep(Duration::from_millis(20));
    }
    marks
}

#[test]
fn a_slow_import_never_keeps_the_readers_marks_waiting_for_its_parsers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let mut store = Store::open(&path).unwrap();
    let first = prepare(b"Harbour opens\n\nThe harbour opened.\n", None, None, None).unwrap();
    store.import_batch(&[first]).unwrap();
    let ids: Vec<i64> = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT id FROM articles", [], |r| r.get(0))
        .map(|id| vec![id])
        .unwrap();
    // 12 chunks of 64 files, each parsed 250 ms late: the import takes about 3 s.
    let files = write_stories(&dir.path().join("wire"), 12 * 64);
    let options = ImportOptions {
        parse_delay: Duration::from_millis(250),
        ..ImportOptions::default()
    };
    let stop = AtomicBool::new(false);
    let (marks, took) = std::thread::scope(|scope| {
        let marker = scope.spawn(|| mark_until(&path, &ids, &stop));
        let started = Instant::now();
        let report = import_files(&mut store, &files, &options, &mut |_| {}).unwrap();
        let took = started.elapsed();
        stop.store(true, Ordering::Relaxed);
        assert_eq!(report.summary.imported, files.len() as u64);
        (marker.join().unwrap(), took)
    });
    assert!(
        took > Duration::from_secs(2),
        "the import took only {took:?}"
    );
    assert!(marks.len() > 20, "only {} marks", marks.len());
    let failed: Vec<_> = marks.iter().filter(|(m, _)| m.is_err()).collect();
    assert!(failed.is_empty(), "marks failed: {failed:?}");
    let slowest = marks.iter().map(|(_, t)| *t).max().unwrap();
    assert!(
        slowest < Duration::from_secs(1),
        "a mark waited {slowest:?}"
    );
}
