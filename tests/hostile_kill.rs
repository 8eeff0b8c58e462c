//! `kill -9` during an import (issue #5, item 3): 40 kills at seeded random moments of an
//! import of 5,000 files. After each, SQLite's and FTS5's integrity checks pass, only whole
//! transactions are stored (every article has its mentions and its full-text row), and
//! re-running the import ends with exactly the 5,000 articles, no duplicates.

mod hostile_support;

use std::path::Path;
use std::time::{Duration, Instant};

use hostile_support::write_stories;

const FILES: usize = 5_000;
const BATCH: usize = 100;
const TRIALS: usize = 40;

fn import(store: &Path, input: &Path) -> std::process::Command {
    let mut cmd = hostile_support::byline(store);
    cmd.args(["import", "--batch-size", &BATCH.to_string()])
        .arg(input)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    cmd
}

/// xorshift64*: the kill moments are the same on every run.
struct Rng(u64);

impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Whether people extraction finds the stories' people (so each article must have mentions).
fn stories_name_people() -> bool {
    let story = hostile_support::wire_story(0).into_bytes();
    byline::importer::prepare(&story, None, None, None).is_ok_and(|a| !a.article.people.is_empty())
}

/// The store right after a kill: sound, and holding whole transactions only.
fn assert_consistent(store: &Path) -> usize {
    if !store.exists() {
        return 0; // killed before the store was created
    }
    let conn = rusqlite::Connection::open(store).unwrap();
    let count = |sql: &str| -> usize {
        let n: i64 = conn.query_row(sql, [], |r| r.get(0)).unwrap();
        n as usize
    };
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "integrity_check of {}", store.display());
    if count("SELECT count(*) FROM sqlite_master") == 0 {
        // Killed after SQLite created the file but before the schema's transaction committed:
        // an empty database, which the next run sets up (the next trial imports into it).
        return 0;
    }
    conn.execute(
        "INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)",
        [],
    )
    .unwrap_or_else(|e| panic!("FTS5 integrity check of {}: {e}", store.display()));
    // Transactions end at the batch size or whenever the parsers have nothing ready, so the
    // count says nothing: whole transactions show as articles each with all their rows.
    let articles = count("SELECT count(*) FROM articles");
    if stories_name_people() {
        let without_mentions = "SELECT count(*) FROM articles
            WHERE id NOT IN (SELECT article_id FROM mentions)";
        assert_eq!(count(without_mentions), 0, "articles without mentions");
    }
    let without_source = "SELECT count(*) FROM articles a
        WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = a.source_id)";
    assert_eq!(count(without_source), 0, "articles without their source");
    let fts = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'harbour'";
    assert_eq!(count(fts), articles, "articles missing from FTS");
    let urls = "SELECT count(DISTINCT url) FROM articles";
    assert_eq!(count(urls), articles, "duplicates");
    articles
}

/// One stream of kills on its own store; returns the article count after each kill.
fn kill_stream(store: &Path, input: &Path, full: Duration, seed: u64, trials: usize) -> Vec<usize> {
    let mut rng = Rng(seed);
    let mut counts = Vec::new();
    for trial in 0..trials {
        if counts.last() == Some(&FILES) || trial == 0 {
            // Start over once an import completed, so most kills land mid-write.
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", store.display()));
            }
        }
        // The first, cold import is the slowest; later ones run on warm caches, so kills are
        // drawn from its first 70% to keep landing mid-import.
        let at = full.mul_f64(0.7 * rng.unit());
        let mut child = import(store, input).spawn().unwrap();
        std::thread::sleep(at);
        let _ = child.kill(); // SIGKILL; it may have finished already
        child.wait().unwrap();
        let checked = Instant::now();
        let articles = assert_consistent(store);
        let check_ms = checked.elapsed().as_secs_f64() * 1e3;
        println!(
            "{}: killed at {:.0} ms: {articles} articles, checked in {check_ms:.0} ms",
            store.display(),
            at.as_secs_f64() * 1e3
        );
        counts.push(articles);
    }
    counts
}

#[test]
fn kill_9_during_import_never_damages_the_store_or_splits_a_batch() {
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let input = write_stories(&dir.path().join("stories"), FILES);
    println!(
        "{FILES} files written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // Two streams of kills, one per core, each on its own store.
    let stores = [dir.path().join("a.db"), dir.path().join("b.db")];

    let full = std::thread::scope(|s| {
        let runs: Vec<_> = stores
            .iter()
            .map(|store| {
                s.spawn(|| {
                    let started = Instant::now();
                    assert!(import(store, &input).status().unwrap().success());
                    started.elapsed()
                })
            })
            .collect();
        runs.into_iter().map(|r| r.join().unwrap()).max().unwrap()
    });
    for store in &stores {
        assert_eq!(assert_consistent(store), FILES);
    }
    println!(
        "a full import of {FILES} files takes {:.2} s",
        full.as_secs_f64()
    );

    let counts: Vec<usize> = std::thread::scope(|s| {
        let streams: Vec<_> = stores
            .iter()
            .zip([0x5eed_b411_e000_0005, 0x5eed_b411_e000_0006])
            .map(|(store, seed)| {
                let input = &input;
                s.spawn(move || kill_stream(store, input, full, seed, TRIALS / 2))
            })
            .collect();
        streams
            .into_iter()
            .flat_map(|t| t.join().unwrap())
            .collect()
    });
    let interrupted = counts.iter().filter(|&&c| c < FILES).count();
    assert!(
        interrupted >= TRIALS / 4,
        "most kills should land mid-import: {counts:?}"
    );

    for store in &stores {
        let out = import(store, &input).output().unwrap();
        assert!(out.status.success());
        assert_eq!(assert_consistent(store), FILES);
    }
    println!(
        "{TRIALS} kills ({interrupted} mid-import), all checks passed, {:.1} s in all",
        started.elapsed().as_secs_f64()
    );
}
