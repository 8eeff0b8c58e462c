//! End-to-end import benchmark: `byline --store DB import DIR` on N generated wire stories.
//!
//! `cargo bench --bench import -- [N]` (default 10,000); `-- --sample K` prints article K;
//! `--keep` keeps the generated files and stores (for profiling); `--alone` names 30% of each
//! article's people after its lead by surname alone, for the store to join to a full name;
//! `--files-only` writes the files, prints where, and stops.
//! Reports articles/s (median of 3 runs, each on a fresh store), the child's peak RSS (`wait4`),
//! and the store size against the raw text.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use common::corpus::{Corpus, SEED};
use common::{median, mib, run_measured, Measured};

const RUNS: usize = 3;
/// With `--alone`: the share of each article's people after its lead named by surname alone.
const ALONE_SHARE: f64 = 0.3;
const TARGET_PER_SEC: f64 = 8_000.0;
const TARGET_RATIO: f64 = 2.0;

struct Run {
    secs: f64,
    per_sec: f64,
    rss_mib: f64,
    cpu_secs: f64,
    imported: u64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = common::args(10_000);
    let n = args.n;
    if args.flags.iter().any(|f| f == "--sample") {
        print!("{}", Corpus::new(SEED).article(n)); // `-- --sample K`: article K, to eyeball
        return Ok(());
    }
    common::print_machine();
    let scratch = tempfile::Builder::new()
        .prefix("byline-bench-import-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))?;
    let articles = scratch.path().join("articles");

    let start = Instant::now();
    let corpus = match args.flags.iter().any(|f| f == "--alone") {
        true => Corpus::new(SEED).with_surnames_alone(ALONE_SHARE),
        false => Corpus::new(SEED),
    };
    let raw_bytes = corpus.write_files(&articles, n)?;
    let gen = start.elapsed().as_secs_f64();
    println!(
        "generated {n} files, {:.1} MiB, in {gen:.2} s ({:.0} files/s; not part of the import figure)",
        mib(raw_bytes),
        n as f64 / gen
    );
    if args.flags.iter().any(|f| f == "--files-only") {
        println!("kept {}", articles.display()); // to import by hand, e.g. A/B at 1,000,000
        std::mem::forget(scratch);
        return Ok(());
    }

    let mut runs = Vec::new();
    let mut last_db = None;
    for k in 0..RUNS {
        let dir = scratch.path().join(format!("run{k}"));
        std::fs::create_dir_all(&dir)?;
        let db = dir.join("bench.db");
        let measured = import(&db, &articles, &dir)?;
        let run = summarize(n, &measured);
        println!(
            "run {}: {:.2} s, {:.0} articles/s, CPU {:.2} s ({:.0}% of one core), peak RSS {:.1} MiB, exit {}: {}",
            k + 1,
            run.secs,
            run.per_sec,
            run.cpu_secs,
            100.0 * run.cpu_secs / run.secs,
            run.rss_mib,
            measured.code,
            measured.stdout.trim()
        );
        if run.imported < n {
            let first_error = measured.stderr.lines().next().unwrap_or("");
            println!(
                "  warning: only {} of {n} imported; first error: {first_error}",
                run.imported
            );
        }
        runs.push(run);
        last_db = Some(db);
    }
    if args.flags.iter().any(|f| f == "--keep") {
        println!(
            "kept {} (articles/, run*/bench.db)",
            scratch.keep().display()
        );
    }
    if let Some(db) = last_db {
        let [articles, people, mentions, sources] = common::store_counts(&db)?;
        println!(
            "store: {articles} articles, {sources} sources, {people} people, {mentions} mentions \
             (the corpus draws 2-8 of 5,000 people per article)"
        );
        report(&runs, &db, raw_bytes, n)?;
    }
    Ok(())
}

fn import(db: &Path, articles: &Path, scratch: &Path) -> std::io::Result<Measured> {
    let mut cmd = Command::new(common::byline_bin());
    cmd.arg("--store").arg(db).arg("import").arg(articles);
    run_measured(&mut cmd, scratch)
}

fn summarize(n: u64, m: &Measured) -> Run {
    let secs = m.wall.as_secs_f64();
    // "imported N, updated U, unchanged D, failed F"
    let imported = m
        .stdout
        .lines()
        .last()
        .and_then(|l| l.strip_prefix("imported "))
        .and_then(|l| l.split(',').next())
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    Run {
        secs,
        per_sec: n as f64 / secs,
        rss_mib: m.max_rss_kib as f64 / 1024.0,
        cpu_secs: m.cpu.as_secs_f64(),
        imported,
    }
}

fn report(
    runs: &[Run],
    db: &Path,
    raw_bytes: u64,
    n: u64,
) -> Result<(), Box<dyn std::error::Error>> {
    let store = common::store_size(db)?;
    println!("\nstore breakdown (dbstat, last run):");
    for (name, bytes) in common::store_breakdown(db)?.iter().take(10) {
        println!("  {name:<28} {:>8.1} MiB", mib(*bytes));
    }
    let per_sec: Vec<f64> = runs.iter().map(|r| r.per_sec).collect();
    let secs: Vec<f64> = runs.iter().map(|r| r.secs).collect();
    let rss = runs.iter().map(|r| r.rss_mib).fold(0.0, f64::max);
    let ratio = store as f64 / raw_bytes as f64;
    let complete = runs.iter().all(|r| r.imported == n);
    let verdict = |ok: bool| match (complete, ok) {
        (false, _) => "n/a: not every file imported",
        (true, true) => "met",
        (true, false) => "MISSED",
    };
    let rate = median(&per_sec);
    println!("\n| measure | value | target | |");
    println!("|---|---|---|---|");
    println!(
        "| import, articles/s (median of {RUNS}) | {rate:.0} (min {:.0}, max {:.0}) | >= {TARGET_PER_SEC:.0} | {} |",
        percentile_min(&per_sec),
        per_sec.iter().copied().fold(0.0, f64::max),
        verdict(rate >= TARGET_PER_SEC)
    );
    println!(
        "| import wall time, s (median) | {:.2} | | |",
        median(&secs)
    );
    println!("| peak RSS of `byline import`, MiB (max) | {rss:.1} | | |");
    // ru_maxrss of a child starts at its parent's RSS at exec: say what that floor is.
    println!(
        "| (floor: this bench process's own peak RSS, MiB) | {:.1} | | |",
        self_max_rss_kib() as f64 / 1024.0
    );
    println!(
        "| store (db+wal after checkpoint) / raw text | {:.1} MiB / {:.1} MiB = {ratio:.2}x | <= {TARGET_RATIO:.1}x | {} |",
        mib(store),
        mib(raw_bytes),
        verdict(ratio <= TARGET_RATIO)
    );
    Ok(())
}

fn self_max_rss_kib() -> i64 {
    // SAFETY: an all-zero rusage is valid; getrusage only writes into it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: RUSAGE_SELF with a valid pointer.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    usage.ru_maxrss
}

fn percentile_min(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::INFINITY, f64::min)
}
