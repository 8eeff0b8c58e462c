//! Helpers shared by the `hostile_*` tests: the compiled binary, generated wire stories, store
//! integrity checks and the "no escape sequence" check on output bytes.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rusqlite::Connection;

/// The debug binary under test, run against `store`, with a pinned date and no COLUMNS.
pub fn byline(store: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_byline"));
    cmd.env("BYLINE_STORE", store)
        .env("BYLINE_TODAY", "2025-12-20")
        .env_remove("COLUMNS")
        .env_remove("BYLINE_TEST_MAX_PAGES");
    cmd
}

pub fn run(store: &Path, args: &[&str]) -> Output {
    byline(store).args(args).output().expect("byline runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const SURNAMES: &[&str] = &[
    "Velk", "Renn", "Marrow", "Oduya", "Ferrand", "Quill", "Bastow", "Lenning", "Carrow", "Toller",
];
const GIVEN: &[&str] = &[
    "Mara", "Tobias", "Ilse", "Pell", "Jo", "Ansel", "Rhea", "Odile",
];

/// A small fictional wire story, different for every `i`, mentioning two people.
pub fn wire_story(i: usize) -> String {
    let a = format!(
        "{} {}",
        GIVEN[i % GIVEN.len()],
        SURNAMES[i % SURNAMES.len()]
    );
    let b = format!(
        "{} {}",
        GIVEN[(i / 3) % GIVEN.len()],
        SURNAMES[(i / 7 + 3) % SURNAMES.len()]
    );
    let day = i % 28 + 1;
    format!(
        "Harbour Board Meeting Number {i} Ends In Agreement\n\
         By Meridian News November {day:02}, 2025\n\
         The fictional harbour board met for session {i} on Friday, board chair {a} said.\n\
         {a} told reporters the agreement covered ferries and fares.\n\
         Deputy {b} said the board would meet again next month.\n\
         Source: https://meridian.example/harbour/{i}\n"
    )
}

/// Writes `n` wire stories as `dir/story-00000.txt`...; returns the folder.
pub fn write_stories(dir: &Path, n: usize) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        std::fs::write(dir.join(format!("story-{i:05}.txt")), wire_story(i)).unwrap();
    }
    dir.to_path_buf()
}

/// SQLite's integrity check and FTS5's (which also compares the index with the articles).
pub fn assert_intact(store: &Path) {
    let conn = Connection::open(store).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "integrity_check of {}", store.display());
    conn.execute(
        "INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)",
        [],
    )
    .unwrap_or_else(|e| panic!("FTS5 integrity check of {}: {e}", store.display()));
}

pub fn count(store: &Path, sql: &str) -> i64 {
    let conn = Connection::open(store).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Output bytes a terminal could act on: ESC, any C0 but `\n` and `\t`, DEL, C1 (as UTF-8 or as
/// raw 8-bit bytes), and bidi controls.
pub fn escape_in(bytes: &[u8]) -> Option<String> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Some("invalid UTF-8: raw 8-bit bytes (C1 controls?)".into());
    };
    let (at, bad) = text.char_indices().find(|&(_, c)| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })?;
    let from = (0..=at.saturating_sub(40))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let context: String = text[from..].chars().take(80).collect();
    Some(format!("U+{:04X} in …{context:?}", bad as u32))
}

pub fn assert_no_escapes(what: &str, bytes: &[u8]) {
    if let Some(found) = escape_in(bytes) {
        panic!("{what}: {found}");
    }
}

/// How a measured child run went.
#[derive(Debug)]
pub struct Measured {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub seconds: f64,
    /// CPU time (user + system) of the child: what it costs, whatever else the machine runs.
    pub cpu_seconds: f64,
    /// Peak resident set size of the child, from `wait4`'s rusage.
    pub peak_mib: f64,
}

/// Runs `cmd` to completion (killing it after `limit`), measuring wall time and peak RSS.
pub fn measure(mut cmd: Command, limit: std::time::Duration) -> Measured {
    let dir = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (dir.path().join("out"), dir.path().join("err"));
    cmd.stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap());
    let start = std::time::Instant::now();
    // Reaped below with wait4 (for its rusage), so std's wait is never called.
    #[allow(clippy::zombie_processes)]
    let child = cmd.spawn().expect("spawn");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain old data; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is our child, not yet reaped (std's Child is never waited on).
        let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if done == pid {
            break;
        }
        assert!(done == 0, "wait4 failed");
        if start.elapsed() > limit {
            // SAFETY: signalling our own unreaped child.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    Measured {
        code,
        stdout: text(&std::fs::read(&out_path).unwrap()),
        stderr: text(&std::fs::read(&err_path).unwrap()),
        seconds: start.elapsed().as_secs_f64(),
        cpu_seconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        peak_mib: usage.ru_maxrss as f64 / 1024.0,
    }
}

fn seconds(t: libc::timeval) -> f64 {
    t.tv_sec as f64 + t.tv_usec as f64 / 1e6
}
