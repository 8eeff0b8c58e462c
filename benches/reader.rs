//! The reader (`byline` with no subcommand) in a 120x40 pseudo-terminal on a large store: start
//! to first full frame, keystroke to updated frame for filters, peak memory, bytes per `j`/`J`.
//!
//! `cargo bench --bench reader -- [N] [--rebuild] [--runs=K]` (default N 100,000, K 30). The
//! store is the one `benches/list.rs` caches under `target/bench-corpus/N/`. The reader writes its
//! state (last query, selection) into that store: the bench clears `ui_state` before each start.

mod common;

use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use byline::query::parse;
use byline::store::Store;
use byline::tui::msg::Request;
use byline::tui::text::thousands;
use byline::tui::worker::handle;
use common::corpus::{Corpus, SEED};
use common::pty::{self, Pty, Res};
use common::{median, ms, percentile};

const COLS: u16 = 120;
const ROWS: u16 = 40;
const STARTS: usize = 10;
const KEY_SAMPLES: usize = 20;
const TIMEOUT_SECS: u64 = 60;
const TIMEOUT: Duration = Duration::from_secs(TIMEOUT_SECS);
/// No output for this long: the frame (and the histogram after it) is done.
const QUIET: Duration = Duration::from_millis(250);

/// A filter typed in the bar: all but the last key first, then the last key is timed.
struct Case {
    text: String,
    /// Count of the query in force once all but the last key are typed.
    before: u64,
    after: u64,
}

fn main() -> Res<()> {
    let args = common::args(100_000);
    let runs: usize = args
        .flags
        .iter()
        .find_map(|f| f.strip_prefix("--runs=")?.parse().ok())
        .unwrap_or(30);
    common::print_machine();
    let corpus = Corpus::new(SEED);
    let db = common::store::cached_store(&corpus, &args)?;
    let scratch = common::target_dir()
        .join("tmp")
        .join(format!("byline-bench-reader-{}", args.n));
    std::fs::create_dir_all(&scratch)?;
    let store = Store::open(&db)?;
    let total = store.total()?;
    let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let newest = store.search(&Default::default(), today, 0, 1)?;
    let title: String = newest
        .first()
        .map_or("", |r| &r.title)
        .chars()
        .take(12)
        .collect();
    let full = format!(" {} of {}", thousands(total), thousands(total));
    println!("store: {} ({total} articles)\n", db.display());

    // 1. Start to first full frame: the status count and the newest title on screen.
    let mut starts = Vec::new();
    let mut start_hwm = 0;
    for _ in 0..STARTS {
        reset_state(&db)?;
        let t0 = Instant::now();
        let (mut child, mut term) = start(&db, &scratch)?;
        let seen = term.wait("the first frame", TIMEOUT_SECS, |s, _| {
            s.contains(&full) && s.contains(&title)
        });
        starts.push(ms(seen - t0));
        term.settle(QUIET, TIMEOUT);
        start_hwm = start_hwm.max(pty::vm_hwm_kib(child.id()).unwrap_or(0));
        quit(&mut child, &mut term)?;
    }
    println!(
        "start to first full frame: median {:.1} ms (min {:.1}, max {:.1}) of {STARTS}; VmHWM after it settles: {:.1} MiB",
        median(&starts),
        percentile(&starts, 0.0),
        percentile(&starts, 100.0),
        start_hwm as f64 / 1024.0
    );

    // 2. One session: filters, then `j` and `J`, then the peak memory.
    reset_state(&db)?;
    let (mut child, mut term) = start(&db, &scratch)?;
    term.wait("the first frame", TIMEOUT_SECS, |s, _| s.contains(&full));
    term.settle(QUIET, TIMEOUT);
    let classes = cases(&corpus, &store, today, runs)?;
    let count_line = |n: u64| format!(" {} of {}", thousands(n), thousands(total));
    let mut samples: Vec<Vec<f64>> = vec![Vec::new(); classes.len()];
    for run in 0..runs {
        for (k, (_, cases)) in classes.iter().enumerate() {
            let case = &cases[run % cases.len()];
            let (head, last) = case.text.split_at(case.text.len() - 1);
            term.send("/");
            term.send(head);
            let before = count_line(case.before);
            term.wait("the count before the last key", TIMEOUT_SECS, |s, _| {
                s.contains(&before)
            });
            term.settle(QUIET, TIMEOUT);
            let after = count_line(case.after);
            let t0 = Instant::now();
            term.send(last);
            let seen = term.wait("the new count", TIMEOUT_SECS, |s, _| s.contains(&after));
            samples[k].push(ms(seen - t0));
            term.settle(QUIET, TIMEOUT);
            // Esc alone (Esc + x at once reads as Alt-x), then clear the filter.
            term.send("\x1b");
            term.wait("the list focused", TIMEOUT_SECS, |s, _| {
                s.contains("j/k move")
            });
            term.send("x");
            term.wait("the whole store again", TIMEOUT_SECS, |s, _| {
                s.contains(&full)
            });
            term.settle(QUIET, TIMEOUT);
        }
    }
    println!("\n| filter (last key to new count) | example | matches | p50 ms | p99 ms | max ms | worker in process: query + histogram p50 ms |");
    println!("|---|---|---|---|---|---|---|");
    for ((label, cases), times) in classes.iter().zip(&samples) {
        let worker = worker_ms(&store, today, cases)?;
        let counts: Vec<f64> = cases.iter().map(|c| c.after as f64).collect();
        println!(
            "| {label} | `{}` | {:.0}-{:.0} | {:.1} | {:.1} | {:.1} | {:.1} + {:.1} |",
            cases[0].text,
            percentile(&counts, 0.0),
            percentile(&counts, 100.0),
            median(times),
            percentile(times, 99.0),
            percentile(times, 100.0),
            worker.0,
            worker.1
        );
    }

    // From the top: `j` inside the viewport; then 20 rows down, where each `j` scrolls the list.
    term.send("g");
    term.settle(QUIET, TIMEOUT);
    let (j_bytes, j_ms) = keys(&mut term, "j", KEY_SAMPLES)?;
    term.send(&"j".repeat(20));
    term.settle(QUIET, TIMEOUT);
    let (scroll_bytes, _) = keys(&mut term, "j", KEY_SAMPLES)?;
    term.send("\r"); // open the selected article in the reading pane
    term.settle(QUIET, TIMEOUT);
    let (line_bytes, line_ms) = keys(&mut term, "J", KEY_SAMPLES)?;
    let hwm = pty::vm_hwm_kib(child.id()).unwrap_or(0);
    println!(
        "\none `j` in the list: median {:.0} bytes (max {:.0}), last byte after {:.1} ms (median of {KEY_SAMPLES})",
        median(&j_bytes),
        percentile(&j_bytes, 100.0),
        median(&j_ms)
    );
    println!(
        "one `j` at the bottom of the list (the list scrolls a row): median {:.0} bytes (max {:.0})",
        median(&scroll_bytes),
        percentile(&scroll_bytes, 100.0)
    );
    println!(
        "one `J` (line) in the reading pane: median {:.0} bytes (max {:.0}), last byte after {:.1} ms",
        median(&line_bytes),
        percentile(&line_bytes, 100.0),
        median(&line_ms)
    );
    println!(
        "peak memory (VmHWM) of the reader at the end of the session: {:.1} MiB",
        hwm as f64 / 1024.0
    );
    quit(&mut child, &mut term)?;
    Ok(())
}

/// The reader on `db` in a fresh 120x40 terminal, configured by nothing but the defaults.
fn start(db: &Path, scratch: &Path) -> Res<(Child, Pty)> {
    let mut cmd = Command::new(common::byline_bin());
    cmd.env("BYLINE_STORE", db)
        .env("BYLINE_CONFIG", scratch.join("config.toml"))
        .env("XDG_STATE_HOME", scratch.join("state"))
        .env("XDG_DATA_HOME", scratch.join("data"));
    Ok(pty::spawn(cmd, COLS, ROWS))
}

fn quit(child: &mut Child, term: &mut Pty) -> Res<()> {
    term.send("q");
    pty::wait_exit(child, term, TIMEOUT_SECS);
    Ok(())
}

/// Forgets the reader's last query and selection, so each start shows the whole store.
fn reset_state(db: &Path) -> Res<()> {
    let conn = rusqlite::Connection::open(db)?;
    conn.execute("DELETE FROM ui_state", [])?;
    Ok(())
}

/// Sends `key` `n` times, each once the screen is quiet: bytes written and ms to the last byte.
fn keys(term: &mut Pty, key: &str, n: usize) -> Res<(Vec<f64>, Vec<f64>)> {
    let (mut bytes, mut times) = (Vec::new(), Vec::new());
    for _ in 0..n {
        let t0 = Instant::now();
        term.send(key);
        let b = term.settle(Duration::from_millis(150), TIMEOUT);
        bytes.push(b as f64);
        times.push(ms(term.last_output.saturating_duration_since(t0)));
    }
    Ok((bytes, times))
}

/// The filters, `runs` variants of each (fewer when the corpus has fewer), with their counts.
fn cases(
    corpus: &Corpus,
    store: &Store,
    today: NaiveDate,
    runs: usize,
) -> Res<Vec<(String, Vec<Case>)>> {
    let surnames = |ranks: std::ops::Range<usize>| -> Vec<String> {
        ranks
            .map(|r| corpus.person(r).surname.clone())
            .filter(|s| !s.contains('-'))
            .map(|s| format!("person:{s}"))
            .take(runs)
            .collect()
    };
    let sources = [
        "meridian",
        "copperline",
        "eastgate",
        "saltmarsh",
        "bellwether",
    ];
    let mut source_date = Vec::new();
    for i in 0..runs {
        let (year, month) = (2023 + (i / 3) % 3, 1 + (i % 3) * 3);
        source_date.push(format!(
            "source:{} date:{year}-{month:02}..{year}-{:02}",
            sources[i % sources.len()],
            month + 2
        ));
    }
    let words: Vec<String> = (190..190 + runs)
        .map(|r| corpus.word(r).to_string())
        .collect();
    let classes = [
        ("person, rank 40-70 (about 1%)", surnames(40..80)),
        ("person, rank 0-9 (10-50%)", surnames(0..10)),
        ("source + date (3 months)", source_date),
        ("word, rank 190-220", words),
    ];
    let mut out = Vec::new();
    for (label, texts) in classes {
        let mut cases = Vec::new();
        for text in texts {
            let before = count_in_force(store, today, &text[..text.len() - 1])?;
            let after = count(store, today, &text)?;
            if before == after {
                println!("skipping `{text}`: its last key does not change the count ({after})");
                continue;
            }
            cases.push(Case {
                text,
                before,
                after,
            });
        }
        out.push((label.to_string(), cases));
    }
    Ok(out)
}

/// The count of the query in force after typing `text`: its longest prefix that parses.
fn count_in_force(store: &Store, today: NaiveDate, text: &str) -> Res<u64> {
    let ends = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .rev();
    for end in ends {
        if parse(&text[..end]).is_ok() {
            return count(store, today, &text[..end]);
        }
    }
    Ok(store.total()?)
}

fn count(store: &Store, today: NaiveDate, text: &str) -> Res<u64> {
    let query = parse(text).map_err(|e| format!("{text}: {e}"))?;
    Ok(store.count(&query, today)?)
}

/// Median ms of the worker's own answer to each case, in this process: the query (count + first
/// page) and the histogram, through the same `handle` the reader's worker thread calls.
fn worker_ms(store: &Store, today: NaiveDate, cases: &[Case]) -> Res<(f64, f64)> {
    let (mut q, mut h) = (Vec::new(), Vec::new());
    for case in cases {
        let query = parse(&case.text).map_err(|e| format!("{}: {e}", case.text))?;
        let t0 = Instant::now();
        handle(
            store,
            today,
            Request::Query {
                gen: 1,
                query: query.clone(),
                sort: byline::store::Sort::Newest,
                keep_id: None,
            },
        );
        let t1 = Instant::now();
        handle(store, today, Request::Histogram { gen: 1, query });
        q.push(ms(t1 - t0));
        h.push(ms(t1.elapsed()));
    }
    Ok((median(&q), median(&h)))
}
