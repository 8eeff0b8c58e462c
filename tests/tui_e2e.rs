//! End to end: the real reader (terminal setup, worker thread, SQLite store) in a pseudo-terminal,
//! driven by keys and checked by polling the parsed screen until a condition holds. The child
//! process is this test binary re-run with `BYLINE_TUI_E2E_STORE` set, calling `byline::tui::run`.
//! Also: the worker answering from a real (in-memory) store.

#![cfg(unix)]

#[path = "tui_support/pty.rs"]
mod pty;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use byline::model::{Article, Block, ParsedArticle, PersonMention};
use byline::store::{NewArticle, Store};
use byline::tui::msg::{FacetKind, Request, Response};
use byline::tui::worker;
use chrono::NaiveDate;

const CHILD: &str = "BYLINE_TUI_E2E_STORE";
const PANIC_CHILD: &str = "BYLINE_TUI_E2E_PANIC";
const LEAVE: &[u8] = b"\x1b[?1049l";
const ENTER: &[u8] = b"\x1b[?1049h";

use pty::{find, Pty};
const PEOPLE: [&str; 3] = ["Mara Quillfeather", "Tobias Wrenfield", "Jun Hallorann"];

/// Twelve articles, each mentioning one fictional person named in its title.
fn fixture(store: &mut Store) {
    let batch: Vec<NewArticle> = (0..12)
        .map(|i| {
            let person = PEOPLE[i % 3];
            let surname = person.split(' ').nth(1).unwrap();
            let parsed = ParsedArticle {
                title: format!("Story {i} on {surname}"),
                source: Some("Harbour Gazette".into()),
                date: NaiveDate::from_ymd_opt(2025, 11 + (i % 2) as u32, 1 + i as u32),
                url: Some(format!("https://news.example/story-{i}")),
                body: vec![Block::paragraph(format!(
                    "{person} spoke about the harbour on day {i}."
                ))],
                ..ParsedArticle::default()
            };
            let people = vec![PersonMention {
                name: person.into(),
                aliases: vec![surname.into()],
                mentions: 1,
                first_pos: 0,
            }];
            let article = Article {
                parsed,
                source: Some("Harbour Gazette".into()),
                people,
            };
            NewArticle::new(article, format!("raw {i}").as_bytes(), None, None)
        })
        .collect();
    store.import_batch(&batch).unwrap();
}

/// Runs the reader when started as the child of `reader_in_a_pseudo_terminal`.
#[test]
fn child_reader() {
    let Ok(store) = std::env::var(CHILD) else {
        return;
    };
    let opts = byline::tui::RunOptions {
        store: store.into(),
        config: None,
    };
    byline::tui::run(opts).unwrap();
}

/// When started by `a_panic_restores_the_terminal_before_the_message`: take the terminal, panic.
#[test]
fn child_panics() {
    if std::env::var_os(PANIC_CHILD).is_none() {
        return;
    }
    byline::tui::term::install_panic_hook();
    byline::tui::term::enter(false).unwrap();
    panic!("boom from the reader");
}

fn spawn_reader(store: &Path) -> (std::process::Child, Pty) {
    spawn_child(store, "child_reader", CHILD)
}

/// This test binary, re-run as `test` with `var` naming the store, in a 100x30 pseudo-terminal.
fn spawn_child(store: &Path, test: &str, var: &str) -> (std::process::Child, Pty) {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(var, store)
        .env("RUST_BACKTRACE", "0");
    pty::spawn(cmd, 100, 30)
}

#[test]
fn reader_in_a_pseudo_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    fixture(&mut Store::open(&path).unwrap());
    let (mut child, mut pty) = spawn_reader(&path);

    pty.wait("the list", 30, |s, _| {
        s.contains("12 of 12") && s.contains("Story 11")
    });
    pty.send("p");
    pty.wait("the people picker", 10, |s, _| {
        s.contains("^G merge") && s.contains("Tobias Wrenfield")
    });
    pty.send("wrenf");
    pty.wait("the narrowed picker", 10, |s, _| {
        let lines: Vec<&str> = s.lines().collect();
        let Some(at) = lines.iter().position(|l| l.contains("> wrenf")) else {
            return false;
        };
        let next = |k: usize| lines.get(at + k).copied().unwrap_or("");
        next(1).contains("Tobias Wrenfield") && !PEOPLE.iter().any(|p| next(2).contains(p))
    });
    pty.send("\r");
    pty.wait("the filtered list and its first article", 10, |s, _| {
        s.contains("4 of 12")
            && s.contains("[person: \"Tobias Wrenfield\"]")
            && s.matches("on Wrenfield").count() == 4 + 1
            && !s.contains("on Quillfeather")
            && !s.contains("on Hallorann")
    });

    // One escape for the whole URL line (not one per two cells: that was 6 KB per article).
    let link = b"\x1b]8;;https://news.example/story-7\x07https://news.example/story-7\x1b]8;;\x07";
    pty.wait("the URL as an OSC 8 hyperlink", 10, |s, raw| {
        find(raw, link).is_some() && s.contains("https://news.example/story-7")
    });
    assert!(
        find(&pty.raw, b"\x07ht\x1b]8;;\x07").is_none(),
        "no link of two cells"
    );

    // Ctrl-Z: the terminal is given back and taken again (the stop itself is discarded for this
    // orphaned process group), then everything is redrawn.
    let mark = pty.raw.len();
    pty.send("\x1a");
    pty.wait("suspend and resume", 10, |s, raw| {
        let after = &raw[mark..];
        let leave = find(after, LEAVE);
        leave.is_some_and(|at| find(&after[at..], ENTER).is_some()) && s.contains("4 of 12")
    });

    let selected_url = "https://news.example/story-7";
    let osc = byline::tui::term::osc52(selected_url);
    pty.send("y");
    pty.wait("OSC 52", 10, |_, raw| {
        raw.windows(osc.len()).any(|w| w == osc.as_bytes())
    });

    let before = pty.raw.len();
    pty.send("q");
    let start = Instant::now();
    let status = loop {
        pty.pump();
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the reader did not quit"
        );
    };
    pty.pump();
    assert!(status.success(), "{status:?}");
    let leave = b"\x1b[?1049l";
    assert!(
        pty.raw[before..].windows(leave.len()).any(|w| w == leave),
        "left the alternate screen"
    );

    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.ui_value("last_query").unwrap().as_deref(),
        Some("person:\"Tobias Wrenfield\"")
    );
    assert!(store.ui_value("selected_id").unwrap().is_some());
}

#[test]
fn a_panic_restores_the_terminal_before_the_message() {
    let (mut child, mut pty) = spawn_child(Path::new("unused"), "child_panics", PANIC_CHILD);
    pty.wait("the panic message", 20, |_, raw| {
        find(raw, b"boom from the reader").is_some()
    });
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        pty.pump();
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the child did not end"
        );
    }
    pty.pump();
    let enter = find(&pty.raw, ENTER).expect("entered the alternate screen");
    let leave = find(&pty.raw, LEAVE).expect("left the alternate screen");
    let message = find(&pty.raw, b"boom from the reader").unwrap();
    assert!(
        enter < leave && leave < message,
        "restored before the message"
    );
    assert!(
        find(&pty.raw[leave..message], b"\x1b[?25h").is_some(),
        "cursor shown"
    );
    let margins = find(&pty.raw[enter..], b"\x1b[r\x1b[m").map(|i| i + enter);
    assert!(
        margins.is_some_and(|m| m < leave),
        "scrolling margins and colours reset before leaving (a frame may have been cut short)"
    );
}

#[test]
fn sigterm_leaves_cleanly_with_the_state_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    fixture(&mut Store::open(&path).unwrap());
    let (mut child, mut pty) = spawn_reader(&path);
    pty.wait("the list", 30, |s, _| s.contains("12 of 12"));
    pty.send("/harbour");
    pty.wait("the query applied", 10, |s, _| {
        s.contains("[words: harbour]")
    });
    pty.send("\r");
    let before = pty.raw.len();
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let start = Instant::now();
    let status = loop {
        pty.pump();
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "SIGTERM did not end the reader"
        );
    };
    pty.pump();
    assert!(status.success(), "{status:?}");
    assert!(
        find(&pty.raw[before..], LEAVE).is_some(),
        "left the alternate screen"
    );
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.ui_value("last_query").unwrap().as_deref(),
        Some("harbour")
    );
}

#[test]
fn the_worker_answers_from_a_real_store() {
    let mut store = Store::open_in_memory().unwrap();
    fixture(&mut store);
    let today = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let query = byline::query::parse("person:wrenfield").unwrap();
    let Some(Response::Results {
        gen: 7,
        count: 4,
        pages,
    }) = worker::handle(
        &store,
        today,
        Request::Query {
            gen: 7,
            query: query.clone(),
            sort: byline::store::Sort::Newest,
            keep_id: None,
        },
    )
    else {
        panic!("results")
    };
    assert_eq!(pages[0].1.len(), 4);
    assert!(pages[0].1.iter().all(|r| r.title.ends_with("Wrenfield")));
    let Some(Response::Facets { items, .. }) = worker::handle(
        &store,
        today,
        Request::Facets {
            gen: 7,
            query: Default::default(),
            kind: FacetKind::People,
        },
    ) else {
        panic!("facets")
    };
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(|i| i.count == 4));
    let Some(Response::Histogram { buckets, .. }) =
        worker::handle(&store, today, Request::Histogram { gen: 7, query })
    else {
        panic!("histogram")
    };
    assert_eq!(buckets.iter().map(|(_, n)| n).sum::<u64>(), 4);
    let id = pages[0].1[0].id;
    let Some(Response::Article {
        article: Some(a), ..
    }) = worker::handle(&store, today, Request::Article { id })
    else {
        panic!("article")
    };
    assert_eq!(a.people[0].name, "Tobias Wrenfield");
    let name = "wrenfield".to_string();
    let Some(Response::PersonPage {
        page: Some(page), ..
    }) = worker::handle(&store, today, Request::PersonPage { name })
    else {
        panic!("person page")
    };
    assert_eq!((page.name.as_str(), page.articles), ("Tobias Wrenfield", 4));
}
