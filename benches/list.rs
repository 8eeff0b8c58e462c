//! `byline list` latency on a large store: whole-process and in-process (`Store::search` +
//! `Store::count`), for person, source + date, word and combined queries.
//!
//! `cargo bench --bench list -- [N] [--rebuild]` (default 100,000). The store is built through
//! the library and cached under `target/bench-corpus/N/` (rebuilt when incomplete).

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use byline::store::Store;
use chrono::NaiveDate;
use common::corpus::{Corpus, SEED};
use common::store::cached_store;
use common::{median, ms, percentile, run_measured};

const RUNS: usize = 15;
const LIMIT: u64 = 100;
const TARGET_MS: f64 = 20.0;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = common::args(100_000);
    common::print_machine();
    let corpus = Corpus::new(SEED);
    let db = cached_store(&corpus, &args)?;
    let queries = queries(&corpus);
    let store = Store::open(&db)?;
    let [articles, people, mentions, sources] = common::store_counts(&db)?;
    println!(
        "\nstore: {}: {articles} articles, {sources} sources, {people} people, {mentions} mentions\n",
        db.display()
    );
    println!("| query | matches | process median ms | process p90 ms | in-process median ms |  <= {TARGET_MS:.0} ms |");
    println!("|---|---|---|---|---|---|");
    for (label, query) in &queries {
        let scratch = db.parent().unwrap_or(Path::new("."));
        let (total, median_ms, p90_ms) = time_process(&db, query, scratch)?;
        let inproc = time_in_process(&store, query)?;
        let verdict = match (median_ms <= TARGET_MS, p90_ms <= TARGET_MS) {
            (true, true) => "met",
            (true, false) => "met (median; p90 over)",
            _ => "MISSED",
        };
        println!(
            "| {label}: `{query}` | {total} | {median_ms:.1} | {p90_ms:.1} | {inproc:.2} | {verdict} |"
        );
    }
    Ok(())
}

/// The benchmark queries: (label, query text).
fn queries(corpus: &Corpus) -> Vec<(String, String)> {
    let top = corpus.person(0).full();
    let mid = corpus.person(50).full();
    let mid_word = corpus.word(200);
    let common_word = corpus.word(30);
    vec![
        ("person, rank 0".into(), format!("person:\"{top}\"")),
        ("person, rank 50".into(), format!("person:\"{mid}\"")),
        (
            "source + date".into(),
            "source:meridian date:2024-01..2024-03".into(),
        ),
        ("word, rank 200".into(), mid_word.to_string()),
        (
            "combined".into(),
            format!("{common_word} person:\"{top}\" source:copperline date:2024"),
        ),
    ]
}

/// Runs `byline list QUERY --limit 100` once to warm up and read the total, then RUNS times.
/// Returns (total, median ms, p90 ms). No RSS here: exec inherits this (large) process's peak.
fn time_process(
    db: &Path,
    query: &str,
    scratch: &Path,
) -> Result<(u64, f64, f64), Box<dyn std::error::Error>> {
    let mut cmd = Command::new(common::byline_bin());
    cmd.env("BYLINE_TODAY", "2026-01-01")
        .arg("--store")
        .arg(db)
        .args(["list", query, "--limit", &LIMIT.to_string()]);
    let warm = run_measured(&mut cmd, scratch)?;
    if warm.code != 0 {
        return Err(format!("byline list {query} failed: {}", warm.stderr.trim()).into());
    }
    // stderr ends with "R of T matching".
    let total = warm
        .stderr
        .lines()
        .last()
        .and_then(|l| l.split_whitespace().nth(2))
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    let mut samples = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let m = run_measured(&mut cmd, scratch)?;
        samples.push(ms(m.wall));
    }
    Ok((total, median(&samples), percentile(&samples, 90.0)))
}

/// Median ms of `Store::search` (first 100) + `Store::count` in this process.
fn time_in_process(store: &Store, query: &str) -> Result<f64, Box<dyn std::error::Error>> {
    let parsed = byline::query::parse(query).map_err(|e| format!("{query}: {e}"))?;
    let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let mut samples = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        let rows = store.search(&parsed, today, 0, LIMIT)?;
        let total = store.count(&parsed, today)?;
        samples.push(ms(start.elapsed()));
        std::hint::black_box((rows, total));
    }
    Ok(median(&samples))
}
