//! The terminal survives, with the real `byline` binary in a pseudo-terminal: a forced panic
//! restores the terminal before its message and logs a backtrace; a hang-up (the terminal closed
//! under the reader) ends it within a second with the read state saved; SIGTERM and SIGINT
//! restore the terminal and save; Ctrl-Z under a job-control shell stops it and `fg` redraws.

#![cfg(unix)]

#[path = "tui_support/pty.rs"]
mod pty;
#[path = "tui_support/stores.rs"]
mod stores;

use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::time::Duration;

use byline::store::Store;
use pty::find;
use stores::sample_store;

const ENTER: &[u8] = b"\x1b[?1049h";
const LEAVE: &[u8] = b"\x1b[?1049l";

fn read_ids(store: &Path) -> Vec<i64> {
    let store = Store::open(store).unwrap();
    let q = byline::query::parse("is:read").unwrap();
    let today = chrono::Local::now().date_naive();
    let rows = store.search(&q, today, 0, 1000).unwrap();
    rows.into_iter().map(|r| r.id).collect()
}

/// The terminal is back to normal: main screen, cursor shown, echo and line editing on.
fn assert_restored(term: &pty::Pty) {
    let screen = term.parser.screen();
    assert!(!screen.alternate_screen(), "left the alternate screen");
    assert!(!screen.hide_cursor(), "cursor shown");
    assert_eq!(
        term.echo_and_icanon(),
        (true, true),
        "echo and canonical mode"
    );
}

#[test]
fn a_forced_panic_restores_the_terminal_then_logs_a_backtrace() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let mut cmd = pty::byline(&store, dir.path());
    cmd.env("BYLINE_TEST_PANIC", "1");
    let (mut child, mut term) = pty::spawn(cmd, 100, 30);
    let (status, _) = pty::wait_exit(&mut child, &mut term, 30);
    assert_eq!(status.code(), Some(101), "a panic: {status:?}");
    let raw = &term.raw;
    let message = find(raw, b"a forced panic after the first frame").expect("the message");
    let enter = find(raw, ENTER).expect("took the terminal");
    let frame = find(raw, b"Articles").expect("drew a frame");
    let leave = find(raw, LEAVE).expect("left the alternate screen");
    assert!(
        enter < frame && frame < leave && leave < message,
        "restored first"
    );
    assert!(
        find(&raw[leave..message], b"\x1b[?25h").is_some(),
        "cursor shown"
    );
    assert_restored(&term);
    let log = std::fs::read_to_string(pty::log_file(dir.path())).expect("the log file");
    assert!(
        log.contains("a forced panic after the first frame"),
        "{log}"
    );
    assert!(
        log.contains("backtrace:") && log.contains("run_until_quit"),
        "{log}"
    );
    let shown = String::from_utf8_lossy(&raw[message..]);
    assert!(shown.contains("the backtrace is in"), "{shown}");
}

#[test]
fn a_hang_up_ends_the_reader_within_a_second_with_the_read_mark_saved() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    assert!(read_ids(&store).is_empty());
    let (mut child, mut term) = pty::spawn(pty::byline(&store, dir.path()), 100, 30);
    term.wait("the list", 30, |s, _| s.contains("44 of 44"));
    term.send("r");
    term.wait("the first article marked read", 10, |s, _| {
        s.lines().nth(3).is_some_and(|l| l.starts_with("│  "))
    });
    term.hang_up();
    let (status, took) = pty::wait_exit(&mut child, &mut term, 10);
    eprintln!("exit {took:?} after the hang-up: {status:?}");
    let log = std::fs::read_to_string(pty::log_file(dir.path())).unwrap_or_default();
    assert!(!log.contains("panic"), "{log}");
    assert!(took < Duration::from_secs(1), "took {took:?}");
    assert_ne!(status.code(), Some(101), "no panic");
    assert_eq!(status.signal(), None, "ended by itself, not by a signal");
    assert_eq!(read_ids(&store).len(), 1, "the read mark is saved");
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores_the_terminal_and_saves(libc::SIGTERM);
}

/// Regression: SIGINT (Ctrl-C outside raw mode, `kill -INT`) killed the reader on the alternate
/// screen with the cursor hidden; now it leaves like SIGTERM.
#[test]
fn sigint_restores_the_terminal_and_saves_like_sigterm() {
    signal_restores_the_terminal_and_saves(libc::SIGINT);
}

fn signal_restores_the_terminal_and_saves(signal: i32) {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let (mut child, mut term) = pty::spawn(pty::byline(&store, dir.path()), 100, 30);
    term.wait("the list", 30, |s, _| s.contains("44 of 44"));
    term.send("/renshaw\r");
    term.wait("the query applied", 10, |s, _| {
        s.contains("[words: renshaw]")
    });
    unsafe { libc::kill(child.id() as i32, signal) };
    let (status, took) = pty::wait_exit(&mut child, &mut term, 10);
    eprintln!("exit {took:?} after signal {signal}");
    assert!(status.success(), "{status:?}");
    assert_restored(&term);
    let store = Store::open(&store).unwrap();
    assert_eq!(
        store.ui_value("last_query").unwrap().as_deref(),
        Some("renshaw")
    );
}

/// The state letter of process `pid` (`T` when stopped), from /proc.
fn proc_state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit(')').next()?.trim_start().chars().next()
}

/// The child of `parent` running `byline`.
fn byline_child_of(parent: u32) -> Option<u32> {
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let (name, rest) = stat.split_once(") ")?;
        let ppid: u32 = rest.split(' ').nth(1)?.parse().ok()?;
        (ppid == parent && name.ends_with("(byline")).then_some(pid)
    })
}

#[test]
fn ctrl_z_stops_under_a_shell_and_fg_redraws() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let mut shell = std::process::Command::new("bash");
    shell
        .args(["--norc", "--noprofile", "-i"])
        .env("PS1", "shell$ ")
        .env("BYLINE_BIN", env!("CARGO_BIN_EXE_byline"))
        .env("BYLINE_STORE", &store)
        .env("BYLINE_CONFIG", dir.path().join("config.toml"))
        .env("XDG_STATE_HOME", dir.path().join("state"));
    let (mut bash, mut term) = pty::spawn(shell, 100, 30);
    term.wait("the prompt", 30, |s, _| s.contains("shell$"));
    term.send("\"$BYLINE_BIN\"\r");
    term.wait("the list", 30, |s, _| s.contains("44 of 44"));
    let pid = byline_child_of(bash.id()).expect("byline under the shell");
    term.send("\x1a");
    term.wait("the shell, the reader stopped", 10, |s, _| {
        s.contains("Stopped") && proc_state(pid) == Some('T')
    });
    // (readline has the terminal now, so echo is its business.)
    assert!(!term.parser.screen().alternate_screen() && !term.parser.screen().hide_cursor());
    let mark = term.raw.len();
    term.send("fg\r");
    term.wait("the reader redrawn", 10, |s, raw| {
        let after = &raw[mark..];
        term_alt(after) && find(after, b"44 of 44").is_some() && s.contains("44 of 44")
    });
    assert!(term.parser.screen().alternate_screen());
    term.send("q");
    term.wait("back at the prompt", 10, |s, _| {
        s.lines().filter(|l| l.starts_with("shell$")).count() >= 2 && proc_state(pid).is_none()
    });
    term.send("exit\r");
    let (status, _) = pty::wait_exit(&mut bash, &mut term, 10);
    assert!(status.success(), "{status:?}");
}

/// Whether `raw` enters the alternate screen.
fn term_alt(raw: &[u8]) -> bool {
    find(raw, ENTER).is_some()
}
