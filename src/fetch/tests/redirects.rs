//! Redirects followed by hand: permanent moves reported, temporary ones not, loops cut off at the
//! limit, and every target that is not http or https refused.

use super::{client, settings, Reply, Server};
use crate::fetch::{get, Client, FetchError, Outcome, Validators};

/// A server where `/old` redirects to `/new` with `code`, and `/new` is the feed.
fn moved(code: u16) -> Server {
    Server::start(move |seen| match seen.path.as_str() {
        "/old" => Reply::new(code).header("Location", "/new"),
        _ => Reply::new(200).body("feed"),
    })
}

fn fetch(url: &str) -> Result<Outcome, FetchError> {
    get(&client(), url, &Validators::default())
}

fn body_and_move(outcome: Outcome) -> (Vec<u8>, String, Option<String>) {
    match outcome {
        Outcome::Fetched(f) => (f.body, f.final_url, f.moved_to),
        other => panic!("expected a body, got {other:?}"),
    }
}

#[test]
fn permanent_redirects_report_the_new_url() {
    for code in [301, 308] {
        let server = moved(code);
        let (body, final_url, moved_to) = body_and_move(fetch(&server.url("/old")).unwrap());
        assert_eq!(body, b"feed", "{code}");
        assert_eq!(final_url, server.url("/new"), "{code}");
        assert_eq!(moved_to, Some(server.url("/new")), "{code}");
    }
}

#[test]
fn temporary_redirects_deliver_the_body_but_move_nothing() {
    for code in [302, 303, 307] {
        let server = moved(code);
        let (body, final_url, moved_to) = body_and_move(fetch(&server.url("/old")).unwrap());
        assert_eq!(body, b"feed", "{code}");
        assert_eq!(final_url, server.url("/new"), "{code}");
        assert_eq!(moved_to, None, "{code}");
    }
}

#[test]
fn a_temporary_redirect_ends_the_permanent_chain() {
    // /a -301-> /b -302-> /c -301-> /d: the feed moved to /b, not to /d.
    let server = Server::start(|seen| match seen.path.as_str() {
        "/a" => Reply::new(301).header("Location", "/b"),
        "/b" => Reply::new(302).header("Location", "c"),
        "/c" => Reply::new(301).header("Location", "/d"),
        _ => Reply::new(200).body("feed"),
    });
    let (_, final_url, moved_to) = body_and_move(fetch(&server.url("/a")).unwrap());
    assert_eq!(final_url, server.url("/d"));
    assert_eq!(moved_to, Some(server.url("/b")));
}

#[test]
fn a_move_then_not_modified_reports_the_move() {
    let server = Server::start(|seen| match seen.path.as_str() {
        "/old" => Reply::new(301).header("Location", "/new"),
        _ => Reply::new(304),
    });
    let validators = Validators {
        etag: Some("\"e\"".into()),
        last_modified: None,
    };
    let outcome = get(&client(), &server.url("/old"), &validators).unwrap();
    assert_eq!(
        outcome,
        Outcome::NotModified {
            validators,
            moved_to: Some(server.url("/new")),
        }
    );
    // The validators went along on both hops.
    assert!(server
        .seen()
        .iter()
        .all(|s| s.header("if-none-match") == Some("\"e\"")));
}

#[test]
fn a_redirect_loop_stops_at_the_limit() {
    let server = Server::fixed(|| Reply::new(302).header("Location", "/again"));
    let client = Client::new(crate::fetch::HttpSettings {
        max_redirects: 3,
        ..settings()
    });
    let err = get(&client, &server.url("/"), &Validators::default()).unwrap_err();
    assert_eq!(err, FetchError::TooManyRedirects { limit: 3 });
    // The first request and three redirects followed; the fourth redirect is refused.
    assert_eq!(server.seen().len(), 4);
}

#[test]
fn exactly_the_limit_of_redirects_is_followed() {
    let server = Server::start(|seen| {
        let n: u32 = seen.path.trim_start_matches('/').parse().unwrap_or(0);
        if n < 5 {
            Reply::new(301).header("Location", format!("/{}", n + 1))
        } else {
            Reply::new(200).body("end")
        }
    });
    let (body, _, moved_to) = body_and_move(fetch(&server.url("/0")).unwrap());
    assert_eq!(body, b"end");
    assert_eq!(moved_to, Some(server.url("/5")));
}

#[test]
fn a_redirect_to_a_file_url_is_refused() {
    let server = Server::fixed(|| Reply::new(301).header("Location", "file:///etc/passwd"));
    let err = fetch(&server.url("/")).unwrap_err();
    assert_eq!(
        err,
        FetchError::NotHttp {
            scheme: "file".into()
        }
    );
    assert_eq!(server.seen().len(), 1);
}

#[test]
fn a_redirect_without_location_is_an_error() {
    let server = Server::fixed(|| Reply::new(302));
    assert!(matches!(
        fetch(&server.url("/")).unwrap_err(),
        FetchError::BadUrl(_)
    ));
}

#[test]
fn other_schemes_are_refused_without_connecting() {
    let server = Server::fixed(|| Reply::new(200).body("never"));
    let port = server.port;
    let cases = [
        (format!("ftp://127.0.0.1:{port}/feed"), "ftp"),
        ("javascript:alert(1)".to_string(), "javascript"),
        (format!("file:///tmp/{port}"), "file"),
    ];
    for (url, scheme) in cases {
        assert_eq!(
            fetch(&url).unwrap_err(),
            FetchError::NotHttp {
                scheme: scheme.into()
            },
            "{url}"
        );
    }
    assert!(matches!(
        fetch("not a url").unwrap_err(),
        FetchError::BadUrl(_)
    ));
    assert_eq!(server.connections(), 0);
}
