//! `o` on the real reader in a pseudo-terminal, with `[open] browser` naming a script (its path
//! holding a space) that records its arguments: the script gets exactly one argument, the
//! article's URL as written, spaces and `;` included (no shell ever splits it), and is reaped
//! (no zombie left). A browser that cannot be found is named on the status line.

#![cfg(unix)]

#[path = "tui_support/pty.rs"]
mod pty;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use byline::model::{Article, Block, ParsedArticle};
use byline::store::{NewArticle, Store};

const URL: &str = "https://news.example/the story;echo pwned?q=a b";

fn one_article_store(path: &Path) {
    let parsed = ParsedArticle {
        title: "Harbour talks resume".into(),
        source: Some("Velmora Ledger".into()),
        date: chrono::NaiveDate::from_ymd_opt(2025, 11, 3),
        url: Some(URL.into()),
        body: vec![Block::paragraph("The talks went on.".to_string())],
        ..ParsedArticle::default()
    };
    let article = Article {
        source: parsed.source.clone(),
        parsed,
        people: Vec::new(),
    };
    let batch = [NewArticle::new(article, b"raw", None, None)];
    Store::open(path).unwrap().import_batch(&batch).unwrap();
}

/// A browser that writes its arguments, NUL-terminated, to `<itself>.args` (atomically).
fn recording_browser(dir: &Path) -> std::path::PathBuf {
    let script = dir.join("my browser.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nprintf '%s\\0' \"$@\" > \"$0.tmp\" && mv \"$0.tmp\" \"$0.args\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

/// Children of `pid` that have ended but were not waited for.
fn zombies_of(pid: u32) -> usize {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0;
    };
    entries
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path().join("stat")).ok())
        .filter(|stat| {
            // "pid (comm) S ppid ...": the name may hold spaces and parentheses.
            let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
            let mut fields = after.split_whitespace();
            let state = fields.next();
            let ppid = fields.next().and_then(|p| p.parse::<u32>().ok());
            state == Some("Z") && ppid == Some(pid)
        })
        .count()
}

fn start(dir: &Path, browser_line: &str) -> (std::process::Child, pty::Pty) {
    let store = dir.join("store.db");
    one_article_store(&store);
    let config = format!("[open]\nbrowser = {browser_line}\n");
    std::fs::write(dir.join("config.toml"), config).unwrap();
    let mut cmd = pty::byline(&store, dir);
    cmd.env_remove("BROWSER");
    let (child, mut term) = pty::spawn(cmd, 100, 30);
    term.wait("the article", 30, |s, _| {
        s.contains("1 of 1") && s.contains("Harbour talks resume")
    });
    (child, term)
}

#[test]
fn o_runs_the_browser_setting_with_the_url_as_one_argument() {
    let dir = tempfile::tempdir().unwrap();
    let script = recording_browser(dir.path());
    let line = format!("\"'{}' %u\"", script.display());
    let (mut child, mut term) = start(dir.path(), &line);

    term.send("o");
    let args_file = dir.path().join("my browser.sh.args");
    let started = Instant::now();
    while !args_file.exists() {
        term.pump();
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the browser was not run; screen:\n{}",
            term.screen()
        );
    }
    let recorded = std::fs::read(&args_file).unwrap();
    let args: Vec<&[u8]> = recorded
        .split(|b| *b == 0)
        .filter(|a| !a.is_empty())
        .collect();
    assert_eq!(
        args,
        [URL.as_bytes()],
        "{:?}",
        String::from_utf8_lossy(&recorded)
    );

    // The browser is waited for: no zombie stays behind.
    let pid = child.id();
    let started = Instant::now();
    while zombies_of(pid) > 0 {
        term.pump();
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "a zombie browser"
        );
    }
    term.wait("the reader still answering", 10, |s, _| {
        s.contains("opening")
    });
    term.send("q");
    let (status, _) = pty::wait_exit(&mut child, &mut term, 20);
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_browser_that_is_not_there_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, mut term) = start(dir.path(), "[\"byline-no-such-browser\", \"--new\"]");
    term.send("o");
    term.wait("the error naming the program", 10, |s, _| {
        s.contains("byline-no-such-browser was not found")
    });
    term.send("q");
    let (status, _) = pty::wait_exit(&mut child, &mut term, 20);
    assert!(status.success(), "{status:?}");
}
