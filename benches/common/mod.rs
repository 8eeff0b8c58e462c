//! Helpers shared by the benchmark binaries: arguments, timing statistics, child processes
//! measured with `wait4` (wall time and peak RSS), and store sizes on disk.
// Each bench binary uses a different subset of these helpers.
#![allow(dead_code)]

pub mod corpus;
pub mod pty;
pub mod store;
pub mod words;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The bench's positional arguments: cargo passes `--bench` (and filters); we take the first
/// bare number as N, and report the flags we were given.
pub struct Args {
    pub n: u64,
    pub flags: Vec<String>,
}

pub fn args(default_n: u64) -> Args {
    let mut n = default_n;
    let mut flags = Vec::new();
    for arg in std::env::args().skip(1) {
        if let Ok(value) = arg.replace('_', "").parse::<u64>() {
            n = value;
        } else if arg != "--bench" {
            flags.push(arg);
        }
    }
    Args { n, flags }
}

/// `target/` of this build (the parent of `CARGO_TARGET_TMPDIR`).
pub fn target_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().unwrap_or(tmp).to_path_buf()
}

/// The byline binary under test: `BYLINE_BENCH_BIN` when set (a kept build, to compare two
/// versions on the same store), else the one cargo built for this bench (bench profile = release).
pub fn byline_bin() -> PathBuf {
    match std::env::var_os("BYLINE_BENCH_BIN") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(env!("CARGO_BIN_EXE_byline")),
    }
}

/// The median of `samples` (sorted copy).
pub fn median(samples: &[f64]) -> f64 {
    percentile(samples, 50.0)
}

/// Nearest-rank percentile of `samples`.
pub fn percentile(samples: &[f64], p: f64) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// A finished child process: wall time, peak resident set, exit code and its output.
pub struct Measured {
    pub wall: Duration,
    pub max_rss_kib: u64,
    /// User + system CPU time of the child (all its threads).
    pub cpu: Duration,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `cmd` to completion with stdout/stderr sent to files in `scratch` (no pipe can fill
/// up), reaping it with `wait4` to read its own peak RSS.
pub fn run_measured(cmd: &mut Command, scratch: &Path) -> std::io::Result<Measured> {
    let out_path = scratch.join("child.stdout");
    let err_path = scratch.join("child.stderr");
    cmd.stdin(Stdio::null())
        .stdout(File::create(&out_path)?)
        .stderr(File::create(&err_path)?);
    let start = Instant::now();
    let child = cmd.spawn()?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value of a plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our unreaped child; status and usage are valid for writes. `child` is
    // never waited on by std afterwards (dropping a Child does not wait).
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    if rc != pid {
        return Err(std::io::Error::last_os_error());
    }
    drop(child);
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    Ok(Measured {
        wall,
        max_rss_kib: usage.ru_maxrss as u64,
        cpu: timeval(usage.ru_utime) + timeval(usage.ru_stime),
        code,
        stdout: std::fs::read_to_string(&out_path).unwrap_or_default(),
        stderr: std::fs::read_to_string(&err_path).unwrap_or_default(),
    })
}

fn timeval(tv: libc::timeval) -> Duration {
    Duration::from_secs(tv.tv_sec as u64) + Duration::from_micros(tv.tv_usec as u64)
}

/// Checkpoints (TRUNCATE) the WAL of the store at `db`, then returns db + wal + shm bytes.
pub fn store_size(db: &Path) -> rusqlite::Result<u64> {
    {
        let conn = rusqlite::Connection::open(db)?;
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    }
    let size = |suffix: &str| {
        let mut path = db.as_os_str().to_owned();
        path.push(suffix);
        std::fs::metadata(PathBuf::from(path)).map_or(0, |m| m.len())
    };
    Ok(size("") + size("-wal") + size("-shm"))
}

/// Bytes per table/index of the store (SQLite's dbstat), largest first.
pub fn store_breakdown(db: &Path) -> rusqlite::Result<Vec<(String, u64)>> {
    let conn = rusqlite::Connection::open(db)?;
    let mut stmt = conn
        .prepare("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY sum(pgsize) DESC")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?;
    rows.collect()
}

/// (articles, people, mentions, sources) in the store at `db`: a sanity check of the parse.
pub fn store_counts(db: &Path) -> rusqlite::Result<[i64; 4]> {
    let conn = rusqlite::Connection::open(db)?;
    let count =
        |table: &str| conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0));
    Ok([
        count("articles")?,
        count("people")?,
        count("mentions")?,
        count("sources")?,
    ])
}

/// Prints the machine: CPU model, cores, and the load average (others may be compiling).
pub fn print_machine() {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    println!(
        "machine: {cpu}, {cores} cores, load average {}",
        load.join(" ")
    );
}

/// CPU time this thread has used.
pub fn thread_cpu() -> Duration {
    cpu_clock(libc::CLOCK_THREAD_CPUTIME_ID)
}

/// CPU time this process has used, all its threads together.
pub fn process_cpu() -> Duration {
    cpu_clock(libc::CLOCK_PROCESS_CPUTIME_ID)
}

fn cpu_clock(clock: libc::clockid_t) -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: ts is a valid, writable timespec; the clock id is a constant the kernel knows.
    let rc = unsafe { libc::clock_gettime(clock, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}
