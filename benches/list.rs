//! `byline list` latency on a large store: whole-process and in-process (`Store::search` +
//! `Store::count`), for person, source + date, word and combined queries.
//!
//! `cargo bench --bench list -- [N] [--rebuild]` (default 100,000). The store is built through
//! the library and cached under `target/bench-corpus/N/` (rebuilt when incomplete).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chrono::NaiveDate;
use rayon::prelude::*;

use byline::importer::prepare;
use byline::store::{NewArticle, Store};
use common::corpus::{Corpus, SEED};
use common::{median, ms, percentile, run_measured};

const RUNS: usize = 15;
const LIMIT: u64 = 100;
const TARGET_MS: f64 = 20.0;
const BATCH: u64 = 2_000;
/// Bump when the corpus generator changes, so cached stores are rebuilt.
const CORPUS_VERSION: u32 = 1;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = common::args(100_000);
    common::print_machine();
    let corpus = Corpus::new(SEED);
    let dir = common::target_dir()
        .join("bench-corpus")
        .join(args.n.to_string());
    let rebuild = args.flags.iter().any(|f| f == "--rebuild");
    let db = ensure_store(&corpus, &dir, args.n, rebuild)?;
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
        let (total, median_ms, p90_ms) = time_process(&db, query, &dir)?;
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

/// Returns the cached store for `n` articles, building it through the library when missing,
/// incomplete, or `rebuild` is set.
fn ensure_store(
    corpus: &Corpus,
    dir: &Path,
    n: u64,
    rebuild: bool,
) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let db = dir.join("store.db");
    let marker = dir.join("built.txt");
    let want = format!("corpus v{CORPUS_VERSION}, imported {n} of {n}");
    let have = std::fs::read_to_string(&marker).unwrap_or_default();
    let people = common::store_counts(&db).map_or(0, |c| c[1]);
    if !rebuild && have.trim() == want && people > 0 {
        println!(
            "reusing {} ({want}); pass --rebuild after parser changes",
            db.display()
        );
        return Ok(db);
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    let start = Instant::now();
    let mut store = Store::open(&db)?;
    let mut imported = 0u64;
    let mut first_error = None;
    for from in (0..n).step_by(BATCH as usize) {
        let to = (from + BATCH).min(n);
        let results: Vec<_> = (from..to)
            .into_par_iter()
            .map(|i| prepare_article(corpus, i))
            .collect();
        let mut batch: Vec<NewArticle> = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok(article) => batch.push(article),
                Err(err) => first_error = first_error.or(Some(err)),
            }
        }
        imported += store.import_batch(&batch)?.len() as u64;
    }
    drop(store);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "built the store in process: {imported} of {n} articles in {secs:.1} s ({:.0}/s), {:.1} MiB",
        imported as f64 / secs,
        common::mib(common::store_size(&db)?)
    );
    if let Some(err) = first_error {
        println!("  warning: some articles failed to parse; first error: {err}");
    }
    std::fs::write(
        &marker,
        format!("corpus v{CORPUS_VERSION}, imported {imported} of {n}\n"),
    )?;
    Ok(db)
}

fn prepare_article(corpus: &Corpus, i: u64) -> Result<NewArticle, String> {
    let bytes = corpus.article(i).into_bytes();
    let origin = Some(format!("bench:{i:06}.txt"));
    prepare(&bytes, origin, None, None).map_err(|e| format!("article {i}: {e}"))
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
