//! End to end: feeds in the real reader. A local HTTP server serves three feeds; the store is
//! prepared with `byline feed add`; then the feeds change (new items, one answering 500) and in
//! the reader `R` fetches them in the background: progress, then "N new" on the status line,
//! the new titles listed and the same article still selected; the feeds view shows the 500,
//! and Enter on a feed filters the list to it.
//! Also: quitting in the middle of a slow fetch is quick and keeps what was stored.

#![cfg(unix)]

#[path = "tui_support/pty.rs"]
mod pty;

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use byline::store::{FetchRecord, Store};
use pty::Pty;

/// What the server serves: `changed` adds new items (and makes Gamma fail); `slow_ms` delays
/// Beta after the change, so the reader's progress is on screen a while.
#[derive(Default)]
struct Feeds {
    changed: AtomicBool,
    slow_ms: AtomicU64,
}

fn rss(title: &str, slug: &str, items: &[(String, String)]) -> String {
    let items: String = items
        .iter()
        .map(|(t, date)| {
            let link = format!("https://{slug}.example/{}", t.replace(' ', "-"));
            format!("<item><title>{t}</title><link>{link}</link><guid>{link}</guid><pubDate>{date}</pubDate><description>{t}: the story.</description></item>")
        })
        .collect();
    format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><link>https://{slug}.example/</link>{items}</channel></rss>"#
    )
}

fn body(feeds: &Feeds, path: &str) -> Option<(u16, String)> {
    let changed = feeds.changed.load(Ordering::SeqCst);
    let (title, slug) = match path {
        "/alpha.xml" => ("Alpha Wire", "alpha"),
        "/beta.xml" => ("Beta Gazette", "beta"),
        "/gamma.xml" if changed => return Some((500, "oops".into())),
        "/gamma.xml" => ("Gamma Daily", "gamma"),
        _ => return None,
    };
    let mut items: Vec<(String, String)> = (1..=3)
        .map(|d| {
            let date = format!("Mon, 0{d} Dec 2025 10:00:00 +0000");
            (format!("{title} old story {d}"), date)
        })
        .collect();
    if changed {
        let now = chrono::Utc::now().to_rfc2822();
        items.insert(0, (format!("{title} fresh story"), now));
        if slug == "beta" {
            std::thread::sleep(Duration::from_millis(feeds.slow_ms.load(Ordering::SeqCst)));
        }
    }
    Some((200, rss(title, slug, &items)))
}

/// Serves `feeds` on 127.0.0.1, a thread per request; the base URL.
fn serve(feeds: Arc<Feeds>) -> String {
    let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
    let base = format!("http://{}", server.server_addr().to_ip().unwrap());
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let feeds = Arc::clone(&feeds);
            std::thread::spawn(move || {
                let found = body(&feeds, request.url());
                let (code, text) = found.unwrap_or((404, "not found".into()));
                let header = "Content-Type: application/rss+xml".parse::<tiny_http::Header>();
                let response = tiny_http::Response::from_string(text)
                    .with_status_code(code)
                    .with_header(header.unwrap());
                let _ = request.respond(response);
            });
        }
    });
    base
}

/// No proxy in the environment may see 127.0.0.1.
fn no_proxy(cmd: &mut Command) -> &mut Command {
    for var in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
        cmd.env_remove(var).env_remove(var.to_lowercase());
    }
    cmd.env("NO_PROXY", "*").env("no_proxy", "*")
}

/// Subscribes with the real binary, then makes every feed due now.
fn subscribe(store: &Path, base: &str, names: &[&str]) {
    for name in names {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_byline"));
        cmd.arg("--store").arg(store).args(["feed", "add"]);
        let out = no_proxy(cmd.arg(format!("{base}/{name}.xml")))
            .output()
            .unwrap();
        assert!(out.status.success(), "feed add {name}: {out:?}");
    }
    let store = Store::open(store).unwrap();
    for feed in store.feeds().unwrap() {
        let record = FetchRecord {
            status: feed.last_status.clone().unwrap_or_default(),
            next_due: 0,
            ..FetchRecord::default()
        };
        store.record_fetch(feed.id, &record).unwrap();
    }
}

/// The text of the list row drawn in reverse video (the selection), in the list pane (the left
/// 45% of the screen).
fn selected_row(term: &Pty) -> String {
    let screen = term.parser.screen();
    let (rows, cols) = screen.size();
    let list = cols.get() * 45 / 100 - 1;
    (0..rows.get())
        .find(|r| (2..list).any(|c| screen.cell(*r, c).is_some_and(|x| x.inverse())))
        .map(|r| screen.contents_between(r, 0, r, list))
        .unwrap_or_default()
}

/// Presses `j` and waits until another row is selected; its text.
fn next_row(term: &mut Pty) -> String {
    let before = selected_row(term);
    term.send("j");
    let start = Instant::now();
    loop {
        term.pump();
        let now = selected_row(term);
        if !now.is_empty() && now != before {
            return now;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "j moved nothing");
    }
}

fn reader(store: &Path, dir: &Path) -> (std::process::Child, Pty) {
    let mut cmd = pty::byline(store, dir);
    no_proxy(&mut cmd);
    pty::spawn(cmd, 120, 30)
}

#[test]
fn r_fetches_the_feeds_in_the_background_keeping_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.db");
    let feeds = Arc::new(Feeds::default());
    let base = serve(Arc::clone(&feeds));
    subscribe(&store, &base, &["alpha", "beta", "gamma"]);
    feeds.slow_ms.store(1500, Ordering::SeqCst);
    feeds.changed.store(true, Ordering::SeqCst);

    let (mut child, mut term) = reader(&store, dir.path());
    term.wait("the feeds' articles listed", 30, |s, _| {
        s.contains("9 of 9")
    });
    next_row(&mut term);
    let selected = next_row(&mut term);
    term.send("R");
    term.wait("the fetch's progress", 20, |s, _| s.contains("fetching "));
    term.wait("the new articles announced", 30, |s, _| {
        s.contains("2 new from 3 feeds, 1 failed")
    });
    term.wait("the new articles listed", 10, |s, _| {
        s.contains("11 of 11") && s.contains("Alpha Wire fresh story")
    });
    let screen = term.screen();
    assert!(screen.contains("Beta Gazette fresh story"), "{screen}");
    assert_eq!(selected_row(&term).trim(), selected.trim(), "{screen}");

    term.send("F");
    term.wait("the failed feed in the feeds view", 10, |s, _| {
        s.contains("Feeds (3)") && s.contains("failed: HTTP 500")
    });
    term.send("q");
    term.wait("the feeds view closed", 10, |s, _| !s.contains("Feeds (3)"));
    term.send("F");
    term.wait("the feeds view loaded", 10, |s, _| s.contains("Feeds (3)"));
    term.send("j\r");
    term.wait("the list filtered to Beta", 10, |s, _| {
        s.contains("4 of 11") && s.contains("[source: \"Beta Gazette\"]")
    });
    term.send("q");
    let (status, _) = pty::wait_exit(&mut child, &mut term, 20);
    assert!(status.success(), "{status:?}");
}

#[test]
fn quitting_during_a_slow_fetch_is_quick_and_keeps_what_was_stored() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.db");
    let feeds = Arc::new(Feeds::default());
    let base = serve(Arc::clone(&feeds));
    subscribe(&store, &base, &["alpha", "beta"]);
    feeds.slow_ms.store(20_000, Ordering::SeqCst);
    feeds.changed.store(true, Ordering::SeqCst);

    let (mut child, mut term) = reader(&store, dir.path());
    term.wait("the feeds' articles listed", 30, |s, _| {
        s.contains("6 of 6")
    });
    term.send("R");
    term.wait("Alpha stored, Beta still coming", 20, |s, _| {
        s.contains("fetching 1/2")
    });
    term.send("q");
    let (status, took) = pty::wait_exit(&mut child, &mut term, 20);
    assert!(status.success(), "{status:?}");
    assert!(took < Duration::from_secs(5), "quitting took {took:?}");
    let store = Store::open(&store).unwrap();
    let alpha = store.find_feed("Alpha Wire").unwrap().unwrap();
    assert_eq!(alpha.articles, 4, "Alpha's new item was committed");
}

/// The feeds view's data comes from the worker, display-safe whatever the store holds.
#[test]
fn the_worker_answers_feeds_display_safe_and_marks_a_feed_read() {
    use byline::tui::msg::{Request, Response};
    use byline::tui::worker;
    let store = Store::open_in_memory().unwrap();
    let (id, _) = store
        .add_feed("Evil\x1b[2J Feed", "https://e.example/\x1b]0;x\x07", &[])
        .unwrap();
    let record = FetchRecord {
        status: "HTTP 500\x1b[31m Internal\nServer Error".into(),
        failed: true,
        ..FetchRecord::default()
    };
    store.record_fetch(id, &record).unwrap();
    let today = chrono::Utc::now().date_naive();
    let Some(Response::Feeds(feeds)) = worker::handle(&store, today, Request::Feeds) else {
        panic!("no feeds answer");
    };
    assert_eq!(feeds[0].name, "Evil Feed");
    assert_eq!(feeds[0].url, "https://e.example/");
    let status = feeds[0].last_status.as_deref();
    assert_eq!(status, Some("HTTP 500 Internal Server Error"));
    let marked = worker::handle(&store, today, Request::MarkFeedRead { feed_id: id });
    assert_eq!(
        marked,
        Some(Response::FeedMarked {
            feed_id: id,
            count: 0
        })
    );
}
