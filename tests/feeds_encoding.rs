//! Charsets end to end on feedparser's `encoding/` suite from `../shared/data/feeds`
//! (evaluation-only data, never copied here): each file is served from 127.0.0.1 with the
//! `Content-Type` its `Header:` comment names, fetched with byline's HTTP client and parsed, and
//! the decoded result held against the simple forms of its `Expect:` comment. Skips with a note
//! when `../shared` is absent.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use byline::fetch::{Client, HttpSettings, Outcome, Validators};

#[allow(dead_code)]
#[path = "feeds_support/expect.rs"]
mod expect;
mod feeds_support;

/// Files whose expectation holds today; fewer is a regression.
const MATCHED_FLOOR: usize = 63;

fn encoding_dir() -> Option<PathBuf> {
    feeds_support::shared_feeds("feedparser/encoding")
}

/// A file to serve: its bytes, the `Content-Type` to send (if any) and its comment's text.
struct Served {
    bytes: Vec<u8>,
    content_type: Option<String>,
    expect: Option<String>,
}

/// The comment as text, whatever the file's charset: UTF-16 and UTF-32 files say it in theirs.
fn comment_text(bytes: &[u8]) -> String {
    let wide = |step: usize, at: usize| -> String {
        bytes
            .iter()
            .skip(at)
            .step_by(step)
            .map(|&b| b as char)
            .collect()
    };
    match bytes {
        [0, 0, 0, b'<', ..] | [0, 0, 0xFE, 0xFF, ..] => wide(4, 3),
        [b'<', 0, 0, 0, ..] | [0xFF, 0xFE, 0, 0, ..] => wide(4, 0),
        [0, b'<', ..] | [0xFE, 0xFF, ..] => wide(2, 1),
        [b'<', 0, ..] | [0xFF, 0xFE, ..] => wide(2, 0),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// A server on an ephemeral port of 127.0.0.1 answering `/<file name>` with that file.
fn serve(files: HashMap<String, Served>) -> (u16, Arc<HashMap<String, Served>>) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    let files = Arc::new(files);
    let shared = files.clone();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let name = request.url().trim_start_matches('/').to_string();
            let Some(file) = shared.get(&name) else {
                let _ = request.respond(tiny_http::Response::empty(404));
                continue;
            };
            let mut response = tiny_http::Response::from_data(file.bytes.clone());
            if let Some(value) = &file.content_type {
                let header = tiny_http::Header::from_bytes("Content-Type", value.as_bytes());
                response.add_header(header.unwrap());
            }
            let _ = request.respond(response);
        }
    });
    (port, files)
}

#[test]
fn encoding_suite_decodes_as_its_expectations_say() {
    let Some(dir) = encoding_dir() else { return };
    let mut files = HashMap::new();
    for entry in std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let bytes = std::fs::read(entry.path()).unwrap();
        let comment = comment_text(&bytes);
        let content_type = expect::field(&comment, "Header")
            .and_then(expect::content_type)
            .map(str::to_string);
        let expect = expect::field(&comment, "Expect").map(str::to_string);
        let served = Served {
            bytes,
            content_type,
            expect,
        };
        files.insert(name, served);
    }
    let (port, files) = serve(files);
    let client = Client::new(HttpSettings {
        proxy_from_env: false,
        timeout: Duration::from_secs(10),
        ..HttpSettings::default()
    });
    let mut names: Vec<&String> = files.keys().collect();
    names.sort();
    let (mut served, mut checked, mut matched, mut skipped) = (0, 0, 0, 0);
    let mut mismatched = Vec::new();
    for name in names {
        let file = &files[name];
        let url = format!("http://127.0.0.1:{port}/{name}");
        let fetched = match client.get(&url, &Validators::default()) {
            Ok(Outcome::Fetched(fetched)) => fetched,
            other => panic!("{name}: {other:?}"),
        };
        served += 1;
        assert_eq!(
            fetched.body, file.bytes,
            "{name}: the body changed on the way"
        );
        assert_eq!(fetched.content_type, file.content_type, "{name}");
        let content_type = fetched.content_type.as_deref();
        let parsed = byline::feeds::parse_feed(&fetched.body, content_type, Some(&url));
        let Some(checks) = file.expect.as_deref().and_then(expect::checks) else {
            skipped += 1;
            continue;
        };
        let feed = match parsed {
            Ok(feed) => feed,
            Err(e) => {
                checked += 1;
                mismatched.push(format!("{name}: {e}"));
                continue;
            }
        };
        let verdicts: Option<Vec<bool>> = checks
            .iter()
            .map(|c| expect::holds(c, &fetched.body, content_type, &feed))
            .collect();
        match verdicts {
            None => skipped += 1,
            Some(v) if v.iter().all(|&ok| ok) => {
                checked += 1;
                matched += 1;
            }
            Some(_) => {
                checked += 1;
                let title = feed.title.as_deref().unwrap_or("");
                let first = feed.items.first().map(|i| i.to_parsed());
                let body = first.map(|a| a.body.iter().map(|b| b.text.clone()).collect::<Vec<_>>());
                mismatched.push(format!(
                    "{name}: {checks:?}; got title {title:?}, body {body:?}"
                ));
            }
        }
    }
    println!(
        "encoding suite: {served} served, {checked} checked, {matched} matched, {skipped} skipped"
    );
    for line in &mismatched {
        println!("  mismatch: {line}");
    }
    assert!(
        matched >= MATCHED_FLOOR,
        "only {matched} match; {MATCHED_FLOOR} did"
    );
}
