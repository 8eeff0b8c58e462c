//! Feed fetching against newsboat: 50 generated RSS 2.0 feeds of 200 items, served from
//! 127.0.0.N by a child process that adds 50 ms to every request and answers conditional
//! requests with 304. Per run, on a fresh store or cache each: byline (`feed import` of an OPML
//! list, `fetch`, then `fetch --all` when every feed answers 304) and newsboat (`-x reload`
//! twice) at `reload-threads` 1 and 8, in an order rotated per run. Reports wall time (median
//! and range), the child's CPU time and peak RSS (`wait4`), and what the server saw.
//!
//! `cargo bench --bench fetch -- [RUNS]` (default 5); `--feeds=50 --items=200 --hosts=50
//! --delay-ms=50 --jobs=8` change the set; `--no-newsboat` measures byline alone; `--compare=PATH`
//! adds another byline binary, interleaved (before/after a change); `--keep` keeps the stores.

mod common;
#[path = "fetch/feeds.rs"]
mod feeds;
#[path = "fetch/server.rs"]
mod server;

use std::path::Path;
use std::process::Command;

use common::{median, mib, run_measured, Measured};
use server::{Remote, Shape, Snapshot};

const NEWSBOAT_1: &str = "newsboat reload-threads 1";
const NEWSBOAT_8: &str = "newsboat reload-threads 8";
const TARGET_RATIO: f64 = 1.5;
const TARGET_REFETCH_S: f64 = 0.5;
/// 100 MB (decimal), the memory target, in MiB.
const TARGET_RSS_MIB: f64 = 100e6 / 1048576.0;

type BoxResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// One measured command: which tool, which phase, its cost and what the server saw.
struct Sample {
    tool: String,
    phase: &'static str,
    wall: f64,
    cpu: f64,
    rss_mib: f64,
    seen: Snapshot,
    /// Items in the store or cache afterwards (a sanity check of the parse).
    items: i64,
}

fn flag(flags: &[String], name: &str, default: u64) -> u64 {
    let prefix = format!("{name}=");
    flags
        .iter()
        .find_map(|f| f.strip_prefix(&prefix).and_then(|v| v.parse().ok()))
        .unwrap_or(default)
}

fn main() -> BoxResult<()> {
    let args = common::args(5);
    let shape = Shape {
        feeds: flag(&args.flags, "--feeds", 50) as usize,
        items: flag(&args.flags, "--items", 200) as usize,
        hosts: flag(&args.flags, "--hosts", 50) as usize,
        delay_ms: flag(&args.flags, "--delay-ms", 50),
    };
    if args.flags.iter().any(|f| f == "--serve") {
        return server::serve(shape);
    }
    let jobs = flag(&args.flags, "--jobs", 8);
    common::print_machine();
    let newsboat = newsboat_version(&args.flags);
    match &newsboat {
        Some(version) => println!("newsboat: {version}"),
        None => println!("newsboat: not installed (or --no-newsboat); measuring byline alone"),
    }
    let started = std::time::Instant::now();
    let remote = Remote::start(&std::env::current_exe()?, shape)?;
    println!(
        "serving {} feeds x {} items ({:.1} MiB of RSS) from {} hosts (127.0.0.1-{}), {} ms per \
         request; generated and listening in {:.1} s",
        remote.feeds.len(),
        shape.items,
        mib(remote.feed_bytes),
        shape.hosts.min(shape.feeds),
        shape.hosts.min(shape.feeds),
        shape.delay_ms,
        started.elapsed().as_secs_f64()
    );
    let scratch = tempfile::Builder::new()
        .prefix("byline-bench-fetch-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))?;
    let opml = scratch.path().join("feeds.opml");
    std::fs::write(&opml, feeds::opml(&remote.feeds))?;
    let urls: String = remote.feeds.iter().map(|(_, u)| format!("{u}\n")).collect();

    let mut tools = vec![format!("byline --jobs {jobs}")];
    // `--compare=PATH`: another byline binary (a kept build), interleaved with this one
    let compare = args.flags.iter().find_map(|f| f.strip_prefix("--compare="));
    if let Some(path) = compare {
        tools.push(format!("{path} --jobs {jobs}"));
    }
    if newsboat.is_some() {
        tools.push(NEWSBOAT_1.into());
        tools.push(NEWSBOAT_8.into());
    }
    let mut samples = Vec::new();
    for run in 0..args.n as usize {
        for k in 0..tools.len() {
            let tool = &tools[(run + k) % tools.len()];
            let dir = scratch
                .path()
                .join(format!("run{run}-tool{}", (run + k) % tools.len()));
            std::fs::create_dir_all(&dir)?;
            let got = match tool.strip_prefix("newsboat reload-threads ") {
                Some(threads) => run_newsboat(&remote, tool, &dir, &urls, threads)?,
                None if tool == &tools[0] => {
                    run_byline(&remote, tool, &common::byline_bin(), &dir, &opml, jobs)?
                }
                None => {
                    let bin = Path::new(compare.unwrap_or_default());
                    run_byline(&remote, tool, bin, &dir, &opml, jobs)?
                }
            };
            for s in &got {
                println!(
                    "run {} {:<26} {:<7} {:>6.3} s  CPU {:>6.3} s  peak RSS {:>6.1} MiB  {} requests \
                     ({} conditional, {} x 304, {:.1} MiB, at most {} at once)  {} items",
                    run + 1,
                    s.tool,
                    s.phase,
                    s.wall,
                    s.cpu,
                    s.rss_mib,
                    s.seen.requests,
                    s.seen.conditional,
                    s.seen.not_modified,
                    mib(s.seen.bytes),
                    s.seen.max_in_flight,
                    s.items
                );
            }
            samples.extend(got);
        }
    }
    remote.stop()?;
    if args.flags.iter().any(|f| f == "--keep") {
        println!("kept {}", scratch.keep().display());
    }
    report(&samples, &tools, shape, jobs, newsboat.is_some());
    Ok(())
}

/// The first line of `newsboat -v`, or None when it is not installed (or `--no-newsboat`).
fn newsboat_version(flags: &[String]) -> Option<String> {
    if flags.iter().any(|f| f == "--no-newsboat") {
        return None;
    }
    let out = Command::new("newsboat").arg("-v").output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().next().map(|l| l.trim().to_string())
}

/// Runs `cmd`, and turns it and what the server saw meanwhile into a sample.
fn measure(
    remote: &Remote,
    tool: &str,
    phase: &'static str,
    cmd: &mut Command,
    dir: &Path,
) -> BoxResult<(Sample, Measured)> {
    let before = remote.stats()?;
    let m = run_measured(cmd, dir)?;
    let seen = remote.stats()?.since(&before);
    if m.code != 0 {
        println!(
            "  warning: {tool} {phase} exited {}: {}",
            m.code,
            m.stderr.lines().next().unwrap_or("")
        );
    }
    let sample = Sample {
        tool: tool.to_string(),
        phase,
        wall: m.wall.as_secs_f64(),
        cpu: m.cpu.as_secs_f64(),
        rss_mib: m.max_rss_kib as f64 / 1024.0,
        seen,
        items: 0,
    };
    Ok((sample, m))
}

fn count(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db)
        .and_then(|c| c.query_row(sql, [], |r| r.get(0)))
        .unwrap_or(-1)
}

fn run_byline(
    remote: &Remote,
    tool: &str,
    bin: &Path,
    dir: &Path,
    opml: &Path,
    jobs: u64,
) -> BoxResult<Vec<Sample>> {
    let db = dir.join("store.db");
    let byline = |args: &[&str]| {
        let mut cmd = Command::new(bin);
        cmd.arg("--store").arg(&db).args(args).env("HOME", dir);
        cmd
    };
    let opml = opml.to_string_lossy();
    let jobs = jobs.to_string();
    let mut out = Vec::new();
    let phases: [(&'static str, Vec<&str>); 3] = [
        ("import", vec!["feed", "import", &opml]),
        ("first", vec!["fetch", "--jobs", &jobs]),
        ("refetch", vec!["fetch", "--all", "--jobs", &jobs]),
    ];
    for (phase, args) in phases {
        let (mut sample, m) = measure(remote, tool, phase, &mut byline(&args), dir)?;
        sample.items = count(&db, "SELECT count(*) FROM articles");
        if phase != "import" {
            let last = m.stdout.lines().last().unwrap_or("").to_string();
            if !last.contains(" 0 failed") {
                println!("  warning: byline {phase}: {last}");
            }
        }
        out.push(sample);
    }
    Ok(out)
}

fn run_newsboat(
    remote: &Remote,
    tool: &str,
    dir: &Path,
    urls: &str,
    threads: &str,
) -> BoxResult<Vec<Sample>> {
    std::fs::write(dir.join("urls"), urls)?;
    std::fs::write(
        dir.join("config"),
        format!("reload-threads {threads}\ndownload-timeout 30\n"),
    )?;
    let cache = dir.join("cache.db");
    let mut out = Vec::new();
    for phase in ["first", "refetch"] {
        let mut cmd = Command::new("newsboat");
        cmd.arg("-u")
            .arg(dir.join("urls"))
            .arg("-c")
            .arg(&cache)
            .arg("-C")
            .arg(dir.join("config"))
            .args(["-x", "reload"])
            .env("HOME", dir)
            .env("XDG_CONFIG_HOME", dir)
            .env("XDG_DATA_HOME", dir);
        let (mut sample, _) = measure(remote, tool, phase, &mut cmd, dir)?;
        sample.items = count(&cache, "SELECT count(*) FROM rss_item");
        out.push(sample);
    }
    Ok(out)
}

fn pick<'a>(samples: &'a [Sample], tool: &str, phase: &str) -> Vec<&'a Sample> {
    let mine = |s: &&Sample| s.tool == tool && s.phase == phase;
    samples.iter().filter(mine).collect()
}

fn walls(samples: &[&Sample]) -> Vec<f64> {
    samples.iter().map(|s| s.wall).collect()
}

fn range(values: &[f64]) -> (f64, f64) {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (lo, hi)
}

fn report(samples: &[Sample], tools: &[String], shape: Shape, jobs: u64, newsboat: bool) {
    let runs = pick(samples, &tools[0], "first").len();
    println!("\nmedians of {runs} runs (range of wall times in brackets)\n");
    println!("| tool | phase | wall s | CPU s | peak RSS MiB (max) | requests seen | conditional | 304 | at once (max) | items |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for tool in tools {
        for phase in ["import", "first", "refetch"] {
            let set = pick(samples, tool, phase);
            if set.is_empty() {
                continue;
            }
            let w = walls(&set);
            let (lo, hi) = range(&w);
            let cpu: Vec<f64> = set.iter().map(|s| s.cpu).collect();
            let rss: Vec<f64> = set.iter().map(|s| s.rss_mib).collect();
            let seen = |f: fn(&Snapshot) -> u64| {
                let v: Vec<f64> = set.iter().map(|s| f(&s.seen) as f64).collect();
                let (lo, hi) = range(&v);
                match lo == hi {
                    true => format!("{lo:.0}"),
                    false => format!("{lo:.0}-{hi:.0}"),
                }
            };
            println!(
                "| {tool} | {phase} | {:.3} [{lo:.3}-{hi:.3}] | {:.3} | {:.1} ({:.1}) | {} | {} | {} | {} | {} |",
                median(&w),
                median(&cpu),
                median(&rss),
                range(&rss).1,
                seen(|s| s.requests),
                seen(|s| s.conditional),
                seen(|s| s.not_modified),
                seen(|s| s.max_in_flight),
                set.last().map_or(0, |s| s.items),
            );
        }
    }
    println!(
        "(floor of every peak RSS: this bench process's own, {:.1} MiB; the feeds live in the \
         server process)",
        own_peak_kib() as f64 / 1024.0
    );
    let byline = &tools[0];
    let first = median(&walls(&pick(samples, byline, "first")));
    let import = median(&walls(&pick(samples, byline, "import")));
    let refetch_set = pick(samples, byline, "refetch");
    let refetch = median(&walls(&refetch_set));
    // byline's limits: `jobs` at once, 2 per host
    let at_once = jobs.min(2 * shape.hosts.min(shape.feeds) as u64).max(1);
    let rounds = (shape.feeds as u64).div_ceil(at_once);
    println!(
        "\nbyline's network floor: {at_once} at once, ceil({} / {at_once}) x {} ms = {} ms",
        shape.feeds,
        shape.delay_ms,
        rounds * shape.delay_ms
    );
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    println!("\n| target | measured | verdict |\n|---|---|---|");
    if newsboat {
        let nb8 = median(&walls(&pick(samples, NEWSBOAT_8, "first")));
        let nb1 = median(&walls(&pick(samples, NEWSBOAT_1, "first")));
        // the ratio within each run (the same minute of a noisy machine)
        let pairs = pick(samples, NEWSBOAT_8, "first")
            .into_iter()
            .zip(pick(samples, byline, "first"));
        let per_run: Vec<f64> = pairs.map(|(n, b)| n.wall / b.wall).collect();
        let (lo, hi) = range(&per_run);
        println!(
            "| first fetch >= {TARGET_RATIO}x faster than newsboat (8 threads) | newsboat {nb8:.3} s \
             / byline {first:.3} s = {:.2}x (per run {lo:.2}-{hi:.2}x; {:.2}x counting `feed import`, \
             {import:.3} s; {:.2}x against 1 thread) | {} |",
            nb8 / first,
            nb8 / (first + import),
            nb1 / first,
            verdict(nb8 / first >= TARGET_RATIO)
        );
    }
    let all_304 = refetch_set
        .iter()
        .all(|s| s.seen.requests == shape.feeds as u64 && s.seen.not_modified == s.seen.requests);
    println!(
        "| refetch <= {TARGET_REFETCH_S} s, one 304 per feed | {refetch:.3} s; {} | {} |",
        if all_304 {
            format!("{} requests, all 304, every run", shape.feeds)
        } else {
            "NOT one 304 per feed in every run".into()
        },
        verdict(refetch <= TARGET_REFETCH_S && all_304)
    );
    let rss = samples
        .iter()
        .filter(|s| &s.tool == byline)
        .map(|s| s.rss_mib)
        .fold(0.0, f64::max);
    println!(
        "| peak memory <= 100 MB ({TARGET_RSS_MIB:.1} MiB) | {rss:.1} MiB (max of every byline run) | {} |",
        verdict(rss <= TARGET_RSS_MIB)
    );
}

/// This process's own peak resident set (`VmHWM`): a child's `ru_maxrss` starts there (the
/// pages it shares at fork). `getrusage(RUSAGE_SELF)` would report cargo's, inherited at exec.
fn own_peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .unwrap_or("");
    let kib = line.split_whitespace().nth(1).and_then(|v| v.parse().ok());
    kib.unwrap_or(0)
}
