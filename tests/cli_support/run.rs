//! Running the `byline` binary on a store of a test's own: the store and config in a temporary
//! folder, today pinned (2025-12-10), and the exit code, stdout and stderr read back.

#![allow(dead_code)]

use std::process::Command;

use tempfile::TempDir;

/// The command, not yet run.
pub fn byline(dir: &TempDir, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_byline"));
    cmd.env("BYLINE_STORE", dir.path().join("store.db"))
        .env("BYLINE_CONFIG", dir.path().join("config.toml"))
        .env("BYLINE_TODAY", "2025-12-10")
        .args(args);
    cmd
}

/// Runs it: (exit code, stdout, stderr).
pub fn run(dir: &TempDir, args: &[&str]) -> (i32, String, String) {
    let out = byline(dir, args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A store of the bundled samples.
pub fn samples() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(&dir, &["import", "--samples"]);
    assert_eq!(code, 0, "{err}");
    dir
}
