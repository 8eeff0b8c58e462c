//! `extract` behind import's file gate (issue #12, part 8): a FIFO, a device or a huge sparse
//! file is refused at once, and a file name holding an escape never reaches the JSON raw.

mod hostile_support;

use std::path::Path;
use std::time::Duration;

use hostile_support::{byline, measure, wire_story};

#[test]
fn extract_refuses_fifos_devices_and_huge_files_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.txt");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
    let sparse = dir.path().join("sparse.txt");
    std::fs::File::create(&sparse)
        .unwrap()
        .set_len(8 << 30)
        .unwrap();
    let story = dir.path().join("story.txt");
    std::fs::write(&story, wire_story(3)).unwrap();
    let mut cmd = byline(&dir.path().join("unused.db"));
    cmd.args(["extract", "--json"])
        .arg(&fifo)
        .arg("/dev/zero")
        .arg(&sparse)
        .arg(&story);
    let out = measure(cmd, Duration::from_secs(60));
    assert!(
        out.seconds < 20.0,
        "took {:.1} s: {}",
        out.seconds,
        out.stderr
    );
    assert!(out.peak_mib < 500.0, "peak {:.0} MiB", out.peak_mib);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert_eq!(
        out.stderr.matches("not a regular file").count(),
        2,
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("too large: 8192 MiB"), "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 1, "the story still parses");
}

#[test]
fn extract_json_never_carries_an_escape_from_a_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let named = dir.path().join("evil\u{1b}]0;owned\u{7}\u{1b}[2J.txt");
    std::fs::write(&named, wire_story(5)).unwrap();
    let mut cmd = byline(Path::new("unused.db"));
    cmd.args(["extract", "--json"]).arg(&named);
    let out = measure(cmd, Duration::from_secs(60));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(!out.stdout.contains("\\u001b"), "{}", out.stdout);
    let row: serde_json::Value = serde_json::from_str(out.stdout.trim()).unwrap();
    let file = row["file"].as_str().unwrap();
    assert!(file.ends_with("evil.txt"), "{file:?}");
    assert!(!file.chars().any(char::is_control), "{file:?}");
}
