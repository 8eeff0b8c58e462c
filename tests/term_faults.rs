//! Faults on the reader's threads, with the real `byline` binary in a pseudo-terminal and a
//! fault-injecting store (`BYLINE_TEST_STORE_FAULT`, `BYLINE_TEST_PANIC`): a panicking query is
//! an error in the status line and the reader goes on; a panic that escapes (main loop, input
//! thread, worker) restores the terminal once, names the log, exits 101 with the state saved; a
//! blocked worker leaves the reader responsive and `q` quits within a bound.

#![cfg(unix)]

#[path = "tui_support/pty.rs"]
mod pty;
#[path = "tui_support/stores.rs"]
mod stores;

use std::path::{Path, PathBuf};
use std::time::Duration;

use byline::store::Store;
use pty::find;
use stores::sample_store;

const LEAVE: &[u8] = b"\x1b[?1049l";

/// The reader on the samples with `var=value`, showing its list.
fn start(dir: &Path, var: &str, value: &str) -> (std::process::Child, pty::Pty, PathBuf) {
    let store = sample_store(dir);
    let mut cmd = pty::byline(&store, dir);
    cmd.env(var, value);
    let (child, term) = pty::spawn(cmd, 100, 30);
    (child, term, store)
}

fn last_query(store: &Path) -> Option<String> {
    Store::open(store).unwrap().ui_value("last_query").unwrap()
}

/// The terminal is back to normal (main screen, cursor shown, echo and line editing on), left
/// once, and the message after it says `what` and names the log.
fn assert_crashed_cleanly(term: &pty::Pty, dir: &Path, what: &str) {
    let screen = term.parser.screen();
    assert!(!screen.alternate_screen(), "left the alternate screen");
    assert!(!screen.hide_cursor(), "cursor shown");
    assert_eq!(term.echo_and_icanon(), (true, true), "cooked again");
    let raw = &term.raw;
    assert_eq!(raw.windows(LEAVE.len()).filter(|w| w == &LEAVE).count(), 1);
    let leave = find(raw, LEAVE).unwrap();
    let after = String::from_utf8_lossy(&raw[leave..]);
    let log = pty::log_file(dir);
    assert!(after.contains(what), "{after}");
    assert!(after.contains(&format!("the backtrace is in {}", log.display())));
    assert!(
        find(&raw[..leave], what.as_bytes()).is_none(),
        "nothing said on the alt screen"
    );
    let logged = std::fs::read_to_string(log).expect("the log");
    assert!(logged.contains("backtrace:"), "{logged}");
}

/// Types a query and waits until it is applied.
fn apply_query(term: &mut pty::Pty) {
    term.wait("the list", 30, |s, _| s.contains("44 of 44"));
    term.send("/renshaw\r");
    term.wait("the query applied", 10, |s, _| {
        s.contains("[words: renshaw]")
    });
}

#[test]
fn a_panicking_query_is_an_error_in_the_status_line_and_the_reader_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, mut term, store) = start(dir.path(), "BYLINE_TEST_STORE_FAULT", "panic:facets");
    term.wait("the list", 30, |s, _| s.contains("44 of 44"));
    term.send("s");
    term.wait("the error shown", 10, |s, _| {
        s.contains("the store failed (facets)")
    });
    term.send("\x1b");
    apply_query(&mut term);
    term.send("q");
    let (status, _) = pty::wait_exit(&mut child, &mut term, 10);
    assert!(status.success(), "{status:?}");
    assert!(!term.parser.screen().alternate_screen());
    assert_eq!(last_query(&store).as_deref(), Some("renshaw"));
    let log = std::fs::read_to_string(pty::log_file(dir.path())).unwrap();
    assert!(log.contains("a forced panic in facets"), "{log}");
}

#[test]
fn a_panic_in_the_main_loop_restores_once_names_the_log_and_keeps_the_state() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, mut term, store) = start(dir.path(), "BYLINE_TEST_PANIC", "loop");
    apply_query(&mut term);
    term.send("!");
    let (status, _) = pty::wait_exit(&mut child, &mut term, 10);
    assert_eq!(status.code(), Some(101), "{status:?}");
    assert_crashed_cleanly(&term, dir.path(), "main thread panicked");
    assert_eq!(last_query(&store).as_deref(), Some("renshaw"));
}

#[test]
fn a_panic_on_the_input_thread_ends_the_reader_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, mut term, store) = start(dir.path(), "BYLINE_TEST_PANIC", "input");
    apply_query(&mut term);
    term.send("!");
    let (status, _) = pty::wait_exit(&mut child, &mut term, 10);
    assert_eq!(status.code(), Some(101), "{status:?}");
    assert_crashed_cleanly(&term, dir.path(), "byline-input thread panicked");
    assert_eq!(last_query(&store).as_deref(), Some("renshaw"));
}

#[test]
fn a_dead_worker_is_noticed_at_once_and_ends_the_reader_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let value = "panic:data_version";
    let (mut child, mut term, _) = start(dir.path(), "BYLINE_TEST_STORE_FAULT", value);
    let (status, _) = pty::wait_exit(&mut child, &mut term, 10);
    assert_eq!(status.code(), Some(101), "{status:?}");
    assert_crashed_cleanly(&term, dir.path(), "byline-store thread panicked");
}

#[test]
fn a_blocked_worker_leaves_the_reader_responsive_and_q_quits_in_time() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, mut term, store) = start(dir.path(), "BYLINE_TEST_STORE_FAULT", "block:facets");
    apply_query(&mut term);
    term.send("s");
    term.wait("the picker, loading", 10, |s, _| s.contains("Sources"));
    term.send("\x1b");
    term.wait("the picker closed", 10, |s, _| !s.contains("Sources"));
    term.send("?");
    term.wait("the help, drawn while the worker is stuck", 10, |s, _| {
        s.contains("pick a source")
    });
    term.send("x");
    term.wait("the help closed", 10, |s, _| !s.contains("pick a source"));
    term.send("q");
    let (status, took) = pty::wait_exit(&mut child, &mut term, 10);
    eprintln!("quit took {took:?} with the worker blocked");
    assert!(status.success(), "{status:?}");
    assert!(took < Duration::from_secs(3), "took {took:?}");
    assert!(!term.parser.screen().alternate_screen());
    assert_eq!(last_query(&store).as_deref(), Some("renshaw"));
}
