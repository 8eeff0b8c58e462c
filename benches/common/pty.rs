//! The pseudo-terminal the benches drive the reader in: the tests' harness
//! (`tests/tui_support/pty.rs`), plus the reader's peak memory read from `/proc`.

#[path = "../../tests/tui_support/pty.rs"]
mod harness;

// Each bench binary uses a subset.
#[allow(unused_imports)]
pub use harness::{spawn, wait_exit, Pty};

pub type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The child's peak resident set (VmHWM) in KiB, read from /proc while it runs.
pub fn vm_hwm_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
