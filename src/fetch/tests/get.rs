//! The plain and conditional GET: body, content type, validators, User-Agent, 304, and server
//! strings sanitized on the way out.

use super::{client, Reply, Server};
use crate::fetch::{get, Fetched, Outcome, Validators, PROJECT_URL};

fn fetched(outcome: Outcome) -> Fetched {
    match outcome {
        Outcome::Fetched(f) => f,
        other => panic!("expected a body, got {other:?}"),
    }
}

#[test]
fn ok_returns_body_type_validators_and_sends_user_agent() {
    let server = Server::fixed(|| {
        Reply::new(200)
            .header("Content-Type", "application/rss+xml; charset=utf-8")
            .header("ETag", "\"v1\"")
            .header("Last-Modified", "Sat, 05 Dec 2026 06:00:00 GMT")
            .body("<rss/>")
    });
    let url = server.url("/feed.xml");
    let got = fetched(get(&client(), &url, &Validators::default()).unwrap());
    assert_eq!(got.body, b"<rss/>");
    assert_eq!(
        got.content_type.as_deref(),
        Some("application/rss+xml; charset=utf-8")
    );
    assert_eq!(got.validators.etag.as_deref(), Some("\"v1\""));
    assert_eq!(
        got.validators.last_modified.as_deref(),
        Some("Sat, 05 Dec 2026 06:00:00 GMT")
    );
    assert_eq!(got.final_url, url);
    assert_eq!(got.moved_to, None);

    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    let agent = seen[0].header("user-agent").unwrap();
    assert!(agent.starts_with("byline/"), "{agent}");
    assert!(agent.contains(PROJECT_URL), "{agent}");
    let encodings = seen[0].header("accept-encoding").unwrap_or("");
    assert!(
        encodings.contains("gzip") && encodings.contains("br"),
        "{encodings}"
    );
    assert_eq!(seen[0].header("cookie"), None);
    // No validators given: nothing conditional sent.
    assert_eq!(seen[0].header("if-none-match"), None);
    assert_eq!(seen[0].header("if-modified-since"), None);
}

#[test]
fn validators_are_sent_and_a_304_is_not_modified_after_one_request() {
    let server = Server::start(|seen| {
        let etag_ok = seen.header("if-none-match") == Some("\"v1\"");
        let date_ok = seen.header("if-modified-since") == Some("Sat, 05 Dec 2026 06:00:00 GMT");
        if etag_ok && date_ok {
            Reply::new(304).header("ETag", "\"v2\"")
        } else {
            Reply::new(200).body("changed")
        }
    });
    let sent = Validators {
        etag: Some("\"v1\"".into()),
        last_modified: Some("Sat, 05 Dec 2026 06:00:00 GMT".into()),
    };
    let outcome = get(&client(), &server.url("/feed"), &sent).unwrap();
    assert_eq!(
        outcome,
        Outcome::NotModified {
            // The 304's new ETag wins; the Last-Modified it did not repeat is kept.
            validators: Validators {
                etag: Some("\"v2\"".into()),
                last_modified: sent.last_modified.clone(),
            },
            moved_to: None,
        }
    );
    assert_eq!(server.seen().len(), 1);
    assert_eq!(server.connections(), 1);
}

#[test]
fn a_validator_that_is_no_header_value_is_not_sent() {
    let server = Server::fixed(|| Reply::new(200).body("x"));
    let sent = Validators {
        etag: Some("bad\r\nX-Injected: 1".into()),
        last_modified: None,
    };
    fetched(get(&client(), &server.url("/"), &sent).unwrap());
    let seen = server.seen();
    assert_eq!(seen[0].header("if-none-match"), None);
    assert_eq!(seen[0].header("x-injected"), None);
}

#[test]
fn server_strings_are_sanitized() {
    // U+202E (right-to-left override) travels as obs-text bytes; it must not reach a terminal.
    let server = Server::fixed(|| {
        Reply::new(200)
            .header("Content-Type", "text/xml\u{202E}lmth")
            .header("ETag", "\"a\u{202E}b\"")
            .header("Last-Modified", b"Sat\xff, 05 Dec 2026")
            .body("x")
    });
    let got = fetched(get(&client(), &server.url("/"), &Validators::default()).unwrap());
    assert_eq!(got.content_type.as_deref(), Some("text/xmllmth"));
    assert_eq!(got.validators.etag.as_deref(), Some("\"ab\""));
    assert_eq!(
        got.validators.last_modified.as_deref(),
        Some("Sat\u{FFFD}, 05 Dec 2026")
    );
}

#[test]
fn an_empty_2xx_body_is_fetched() {
    let server = Server::fixed(|| Reply::new(204));
    let got = fetched(get(&client(), &server.url("/"), &Validators::default()).unwrap());
    assert!(got.body.is_empty());
    assert_eq!(got.content_type, None);
}
