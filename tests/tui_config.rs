//! The reader's config file: a FIFO or a folder given as `config.toml` is refused at once with
//! the defaults kept (reading a FIFO would block the reader before its first frame).

use std::time::{Duration, Instant};

#[test]
fn a_fifo_or_a_folder_as_the_config_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.toml");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads a NUL-terminated path that outlives the call.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let started = Instant::now();
    let (_, warnings) = byline::tui::load_config(Some(&fifo));
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("not a regular file"), "{warnings:?}");
    let (_, warnings) = byline::tui::load_config(Some(dir.path()));
    assert!(warnings[0].contains("not a regular file"), "{warnings:?}");
}
