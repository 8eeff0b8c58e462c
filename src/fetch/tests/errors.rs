//! Failures in words: statuses, Retry-After, timeouts, refused connections, and the mapping of
//! transport errors.

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};

use super::{closed_port, settings, silent_server, Reply, Server};
use crate::fetch::error::{from_ureq, Limits};
use crate::fetch::headers::{retry_after, MAX_RETRY_AFTER};
use crate::fetch::{get, Client, FetchError, HttpSettings, Validators};

fn fail_with(reply: impl Fn() -> Reply + Send + Sync + 'static) -> FetchError {
    let server = Server::fixed(reply);
    get(&super::client(), &server.url("/"), &Validators::default()).unwrap_err()
}

#[test]
fn error_statuses_carry_their_code() {
    for code in [404u16, 500, 403, 300] {
        let err = fail_with(move || Reply::new(code).body("nope"));
        assert_eq!(
            err,
            FetchError::Status {
                code,
                retry_after: None
            }
        );
    }
    let err = fail_with(|| Reply::new(404));
    assert_eq!(err.to_string(), "HTTP 404 Not Found");
    assert_eq!(err.retry_after(), None);
}

#[test]
fn gone_is_its_own_error() {
    let err = fail_with(|| Reply::new(410));
    assert_eq!(err, FetchError::Gone);
    assert_eq!(err.to_string(), "HTTP 410 Gone");
}

#[test]
fn retry_after_in_seconds_is_returned() {
    for code in [429u16, 503] {
        let err = fail_with(move || Reply::new(code).header("Retry-After", "120"));
        assert_eq!(
            err,
            FetchError::Status {
                code,
                retry_after: Some(Duration::from_secs(120))
            }
        );
        assert_eq!(err.retry_after(), Some(Duration::from_secs(120)));
    }
}

#[test]
fn retry_after_as_an_http_date_is_returned() {
    let when = Utc::now() + chrono::Duration::seconds(600);
    let date = when.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    for code in [429u16, 503] {
        let date = date.clone();
        let err = fail_with(move || Reply::new(code).header("Retry-After", date.as_str()));
        let wait = err.retry_after().expect("a wait");
        assert!(
            wait > Duration::from_secs(590) && wait <= Duration::from_secs(600),
            "{wait:?}"
        );
    }
}

#[test]
fn retry_after_parsing() {
    let now = Utc.with_ymd_and_hms(2026, 12, 5, 6, 0, 0).unwrap();
    let secs = |s| Some(Duration::from_secs(s));
    assert_eq!(retry_after("0", now), secs(0));
    assert_eq!(retry_after(" 120 ", now), secs(120));
    assert_eq!(retry_after("Sat, 05 Dec 2026 06:02:00 GMT", now), secs(120));
    assert_eq!(
        retry_after("Saturday, 05-Dec-26 06:02:00 GMT", now),
        secs(120)
    );
    assert_eq!(retry_after("Sat Dec  5 06:02:00 2026", now), secs(120));
    // A date in the past means "now"; huge waits are capped to a week.
    assert_eq!(retry_after("Sat, 05 Dec 2026 05:00:00 GMT", now), secs(0));
    assert_eq!(retry_after("99999999999", now), Some(MAX_RETRY_AFTER));
    assert_eq!(
        retry_after("999999999999999999999999", now),
        Some(MAX_RETRY_AFTER)
    );
    assert_eq!(
        retry_after("Fri, 01 Jan 2100 00:00:00 GMT", now),
        Some(MAX_RETRY_AFTER)
    );
    for junk in ["", "soon", "-5", "1.5", "12 s"] {
        assert_eq!(retry_after(junk, now), None, "{junk:?}");
    }
}

#[test]
fn a_silent_server_times_out_within_the_timeout() {
    let port = silent_server();
    let client = Client::new(HttpSettings {
        timeout: Duration::from_secs(1),
        ..settings()
    });
    let started = Instant::now();
    let err = get(
        &client,
        &format!("http://127.0.0.1:{port}/"),
        &Validators::default(),
    )
    .unwrap_err();
    let took = started.elapsed();
    assert_eq!(
        err,
        FetchError::Timeout {
            after: Duration::from_secs(1)
        }
    );
    assert_eq!(err.to_string(), "timed out after 1 s");
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(3),
        "{took:?}"
    );
}

#[test]
fn a_closed_port_is_refused() {
    let port = closed_port();
    let err = get(
        &super::client(),
        &format!("http://127.0.0.1:{port}/"),
        &Validators::default(),
    )
    .unwrap_err();
    assert_eq!(err, FetchError::Refused);
    assert_eq!(err.to_string(), "connection refused");
}

fn limits() -> Limits {
    Limits {
        connect_timeout: Duration::from_secs(10),
        timeout: Duration::from_secs(30),
        max_body_bytes: 16 * 1024 * 1024,
    }
}

#[test]
fn transport_errors_map_to_words() {
    let map = |e| from_ureq(e, "example.invalid", &limits());
    let dns = map(ureq::Error::HostNotFound);
    assert_eq!(dns.to_string(), "DNS lookup failed for example.invalid");
    let lookup = std::io::Error::other("failed to lookup address information: Name unknown");
    assert!(matches!(
        map(ureq::Error::Io(lookup)),
        FetchError::Dns { .. }
    ));
    let connect = map(ureq::Error::Timeout(ureq::Timeout::Connect));
    assert_eq!(connect.to_string(), "timed out after 10 s");
    let global = map(ureq::Error::Timeout(ureq::Timeout::Global));
    assert_eq!(global.to_string(), "timed out after 30 s");
    let big = map(ureq::Error::BodyExceedsLimit(1));
    assert_eq!(big.to_string(), "too large: over 16 MiB");
    let tls = map(ureq::Error::Tls("bad \u{1b}[31mcert"));
    assert_eq!(tls, FetchError::Tls("bad cert".into()));
}

#[test]
fn display_is_short_and_plain() {
    let cases = [
        (FetchError::Refused, "connection refused"),
        (
            FetchError::TooLarge { limit: 1000 },
            "too large: over 1000 bytes",
        ),
        (
            FetchError::TooLarge { limit: 64 * 1024 },
            "too large: over 64 KiB",
        ),
        (
            FetchError::Timeout {
                after: Duration::from_millis(1500),
            },
            "timed out after 1.5 s",
        ),
        (
            FetchError::Status {
                code: 503,
                retry_after: Some(Duration::from_secs(5)),
            },
            "HTTP 503 Service Unavailable",
        ),
        (
            FetchError::Status {
                code: 599,
                retry_after: None,
            },
            "HTTP 599",
        ),
        (
            FetchError::NotHttp {
                scheme: "ftp".into(),
            },
            "not an HTTP URL (scheme ftp)",
        ),
        (
            FetchError::TooManyRedirects { limit: 5 },
            "too many redirects (more than 5)",
        ),
    ];
    for (err, text) in cases {
        assert_eq!(err.to_string(), text);
    }
}
