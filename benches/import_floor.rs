//! What bounds `byline import` on this machine: each stage of it alone, in process, on the
//! generated corpus, and the fastest import those costs allow.
//!
//! `cargo bench --bench import_floor -- [N]` (default 10,000). Each stage is the median of 3 runs:
//! - **parse**: `ingest::parse` on one thread (thread CPU time);
//! - **prepare**: `importer::prepare` on one thread: parse, people, hash, compress (thread CPU);
//! - **writer**: the prepared articles into a fresh store file through the importer's own writer
//!   (`importer::write_parsed`: transactions of 2,000, the background checkpointer): its thread
//!   CPU, its wall time, and the process CPU (writer and checkpointer);
//! - **FTS5 alone**: the same titles and bodies into a bare contentless FTS5 table with the
//!   store's options and no checkpoints: the part of the writer that only SQLite could change.
//!
//! No import on C cores can be faster than `max(writer wall, (prepare + writer process CPU) / C)`:
//! the writer is one thread (SQLite has one writer per database), and every stage's CPU must fit
//! on the cores. The bench prints that bound as articles/s beside the 8,000/s target.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use byline::importer::{prepare, write_parsed, ImportReport, Parsed};
use byline::store::{NewArticle, Store};
use common::corpus::{Corpus, SEED};
use common::{median, process_cpu, thread_cpu};

const RUNS: usize = 3;
const BATCH: usize = 2_000;
const TARGET_PER_SEC: f64 = 8_000.0;

/// The store's FTS5 table (src/store/schema.rs) and its import buffer (src/store/import.rs).
const BARE_FTS: &str = "CREATE VIRTUAL TABLE fts USING fts5(title, body, content = '',
        contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO fts (fts, rank) VALUES ('hashsize', 33554432);";

/// One stage's medians, in seconds.
#[derive(Default)]
struct Stage {
    cpu: f64,
    wall: f64,
    process_cpu: f64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n = common::args(10_000).n;
    common::print_machine();
    let corpus = Corpus::new(SEED);
    let texts: Vec<String> = (0..n).map(|i| corpus.article(i)).collect();
    let raw: usize = texts.iter().map(String::len).sum();
    println!(
        "{n} generated articles, {:.1} MiB, in memory",
        common::mib(raw as u64)
    );
    let scratch = tempfile::Builder::new()
        .prefix("byline-bench-floor-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))?;

    let parse = stage(|| {
        let cpu = thread_cpu();
        for text in &texts {
            std::hint::black_box(byline::ingest::parse(text.as_bytes()).ok());
        }
        Ok(one_thread(thread_cpu() - cpu))
    })?;
    let mut prepared = Vec::new();
    let prepare_all = stage(|| {
        let cpu = thread_cpu();
        prepared = prepare_texts(&texts);
        Ok(one_thread(thread_cpu() - cpu))
    })?;
    let mut round = 0;
    let writer = stage(|| {
        round += 1;
        write_store(&scratch.path().join(format!("store{round}.db")), &prepared)
    })?;
    let fts = stage(|| {
        round += 1;
        bare_fts(&scratch.path().join(format!("fts{round}.db")), &prepared)
    })?;
    report(n as f64, &parse, &prepare_all, &writer, &fts);
    Ok(())
}

/// Runs `measure` [`RUNS`] times and keeps the median of each figure.
fn stage(
    mut measure: impl FnMut() -> Result<Stage, Box<dyn std::error::Error>>,
) -> Result<Stage, Box<dyn std::error::Error>> {
    let runs = (0..RUNS)
        .map(|_| measure())
        .collect::<Result<Vec<_>, _>>()?;
    let of = |f: fn(&Stage) -> f64| median(&runs.iter().map(f).collect::<Vec<_>>());
    Ok(Stage {
        cpu: of(|s| s.cpu),
        wall: of(|s| s.wall),
        process_cpu: of(|s| s.process_cpu),
    })
}

/// A stage that ran on this thread alone: its CPU time is all three figures.
fn one_thread(cpu: Duration) -> Stage {
    let secs = cpu.as_secs_f64();
    Stage {
        cpu: secs,
        wall: secs,
        process_cpu: secs,
    }
}

fn prepare_texts(texts: &[String]) -> Vec<NewArticle> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let origin = format!("/bench/articles/{i:06}.txt");
            prepare(text.as_bytes(), Some(origin), Some("articles".into()), None)
                .expect("generated articles parse")
        })
        .collect()
}

/// The importer's writer ([`write_parsed`]) on articles parsed beforehand: it takes them as
/// the parsers hand them over, and frees them, as in an import.
fn write_store(db: &Path, articles: &[NewArticle]) -> Result<Stage, Box<dyn std::error::Error>> {
    let mut store = Store::open(db)?;
    let parsed: Vec<Parsed> = articles.iter().cloned().map(Ok).collect();
    let mut report = ImportReport::default();
    let (cpu, process, wall) = (thread_cpu(), process_cpu(), Instant::now());
    write_parsed(
        &mut store,
        parsed.into_iter(),
        BATCH,
        &mut report,
        &mut |_| {},
    )?;
    Ok(Stage {
        cpu: (thread_cpu() - cpu).as_secs_f64(),
        wall: wall.elapsed().as_secs_f64(),
        process_cpu: (process_cpu() - process).as_secs_f64(),
    })
}

/// SQLite's full-text indexing alone: the same words into a bare table, no checkpoints.
fn bare_fts(db: &Path, articles: &[NewArticle]) -> Result<Stage, Box<dyn std::error::Error>> {
    let mut conn = rusqlite::Connection::open(db)?;
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")?;
    conn.execute_batch("PRAGMA wal_autocheckpoint = 0;")?;
    conn.execute_batch(BARE_FTS)?;
    let bodies: Vec<String> = articles
        .iter()
        .map(|a| a.article.parsed.body_text())
        .collect();
    let cpu = thread_cpu();
    let mut rowid = 0i64;
    for (batch, bodies) in articles.chunks(BATCH).zip(bodies.chunks(BATCH)) {
        let tx = conn.transaction()?;
        {
            let mut insert =
                tx.prepare("INSERT INTO fts (rowid, title, body) VALUES (?1, ?2, ?3)")?;
            for (article, body) in batch.iter().zip(bodies) {
                rowid += 1;
                insert.execute(rusqlite::params![rowid, article.article.parsed.title, body])?;
            }
        }
        tx.commit()?;
    }
    Ok(one_thread(thread_cpu() - cpu))
}

fn report(n: f64, parse: &Stage, prepare: &Stage, writer: &Stage, fts: &Stage) {
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get()) as f64;
    let rate = |secs: f64| n / secs.max(1e-9);
    println!("\n| stage (one thread unless said) | seconds | articles/s |");
    println!("|---|---|---|");
    let row = |name: &str, secs: f64| println!("| {name} | {secs:.3} | {:.0} |", rate(secs));
    row("parse (`ingest::parse`), CPU", parse.cpu);
    row("prepare (parse, people, hash, compress), CPU", prepare.cpu);
    row("  of which people, hash, compress", prepare.cpu - parse.cpu);
    row("writer thread, CPU", writer.cpu);
    row("writer, wall", writer.wall);
    row("writer + checkpointer, process CPU", writer.process_cpu);
    row("FTS5 alone (bare table, no checkpoints), CPU", fts.cpu);
    let total_cpu = prepare.cpu + writer.process_cpu;
    let bound = writer.wall.max(total_cpu / cores);
    println!(
        "\nall stages' CPU: {total_cpu:.3} s; on {cores} cores at least {:.3} s; \
         the writer alone {:.3} s",
        total_cpu / cores,
        writer.wall
    );
    println!(
        "fastest possible import here: {:.0} articles/s (target {TARGET_PER_SEC:.0}: {})",
        rate(bound),
        if rate(bound) >= TARGET_PER_SEC {
            "reachable"
        } else {
            "OUT OF REACH"
        }
    );
}
