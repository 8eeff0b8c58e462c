//! The reader open while `byline import` writes to the same store (issue #5, item 4): the
//! reader keeps writing marks during the import, neither side meets "database is locked", the
//! status line says how many articles arrived, and `R` shows them.

#![cfg(unix)]

mod hostile_support;
#[path = "tui_support/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use byline::tui::text::thousands;
use hostile_support::{assert_intact, count, write_stories};

const FILES: usize = 1_500;

/// A store with the bundled samples.
fn sample_store(dir: &Path) -> PathBuf {
    let store = dir.join("store.db");
    let out = hostile_support::run(&store, &["import", "--samples"]);
    assert!(out.status.success(), "import: {out:?}");
    store
}

#[test]
fn an_import_beside_the_reader_is_announced_and_shown_on_refresh() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let samples = count(&store, "SELECT count(*) FROM articles") as usize;
    let stories = write_stories(&dir.path().join("stories"), FILES);
    let (mut reader, mut term) = pty::spawn(pty::byline(&store, dir.path()), 120, 30);
    let listed = format!("{samples} of {samples}");
    term.wait("the samples listed", 30, |s, _| s.contains(&listed));

    // Small batches: many commits, each a chance for the reader's writes to collide.
    let mut import = hostile_support::byline(&store)
        .args(["import", "--batch-size", "10"])
        .arg(&stories)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader marks articles read and moves on while the import runs: writes from both.
    let start = Instant::now();
    let mut toggles = 0;
    while import.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < Duration::from_secs(120), "import hangs");
        term.send(if toggles % 2 == 0 { "r" } else { "j" });
        toggles += 1;
        term.pump();
    }
    let out = import.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "import failed: {stderr}");
    assert!(!stderr.contains("locked"), "{stderr}");
    assert!(toggles > 2, "the reader wrote during the import");

    let announced = format!("{} new · R refresh", thousands(FILES as u64));
    term.wait("the new articles announced", 15, |s, _| {
        s.contains(&announced) && s.contains(&listed)
    });
    term.send("R");
    let all = thousands((samples + FILES) as u64);
    let refreshed = format!("{all} of {all}");
    term.wait("the new articles listed", 15, |s, _| {
        s.contains(&refreshed) && !s.contains("new · R")
    });
    term.send("q");
    let (status, _) = pty::wait_exit(&mut reader, &mut term, 20);
    assert!(status.success(), "{status:?}");

    let seen = String::from_utf8_lossy(&term.raw);
    assert!(!seen.contains("locked"), "the reader showed a lock error");
    let log = std::fs::read_to_string(pty::log_file(dir.path())).unwrap_or_default();
    assert!(!log.contains("locked"), "reader log: {log}");
    assert_intact(&store);
    assert_eq!(
        count(&store, "SELECT count(*) FROM articles") as usize,
        samples + FILES
    );
    assert!(count(&store, "SELECT count(*) FROM articles WHERE is_read") > 0);
}
