//! The reader's log file (`paths::log_path`): panics with their backtrace and store errors, one
//! timestamped entry each, sanitized like everything else byline prints. Until [`init`] is called
//! nothing is written (tests that drive the reader without a terminal).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

static PATH: OnceLock<PathBuf> = OnceLock::new();

/// Logs to `path` from now on (its folder is created); the first call wins.
pub fn init(path: PathBuf) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = PATH.set(path);
}

/// The log file, once [`init`] has been called.
pub fn path() -> Option<&'static Path> {
    PATH.get().map(PathBuf::as_path)
}

/// Appends one entry (several lines allowed); errors writing the log are ignored.
pub fn line(text: &str) {
    let Some(path) = path() else {
        return;
    };
    let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    else {
        return;
    };
    let now = chrono::Local::now().format("%Y-%m-%d %H:%M:%S%.3f");
    let entry = format!("{now} [{}] {}\n", std::process::id(), text.trim_end());
    let _ = file.write_all(crate::text::sanitize(&entry).as_bytes());
}

/// Logs a panic with a backtrace of the panicking thread.
pub fn panic(info: &std::panic::PanicHookInfo<'_>) {
    if path().is_none() {
        return;
    }
    let backtrace = std::backtrace::Backtrace::force_capture();
    let thread = std::thread::current();
    let name = thread.name().unwrap_or("unnamed");
    line(&format!(
        "panic in thread '{name}': {info}\nbacktrace:\n{backtrace}"
    ));
}
