//! `byline add URL` against a local server: a news page stored as an article with its outlet,
//! author, date, people and resolved links; the same page again; a feed offered for
//! subscription; HTTP failures, non-http URLs and pages with no article text refused; a page
//! whose charset only the HTTP header names, read the same again by `reindex`.

mod feeds_support;

use assert_cmd::Command;
use feeds_support::{rss, FeedServer, Route};
use tempfile::TempDir;

/// A news page with JSON-LD metadata, a relative link and two people.
const PAGE: &str = r#"<!DOCTYPE html><html><head>
<title>Ferry strike ends after talks | Harbour Herald</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Ferry strike ends after talks","datePublished":"2025-12-06T09:00:00Z",
"author":{"@type":"Person","name":"Mara Velden"},
"publisher":{"@type":"Organization","name":"Harbour Herald"}}</script>
</head><body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Ferry strike ends after talks</h1>
<p>The ferry strike that stopped crossings for nine days ended on Saturday after talks
between the union and the operator, the union's leader Tomas Brandt said in a statement.</p>
<p>Crossings will resume on Monday, Brandt said. The transport minister, Ilse Marquardt, said
the agreement would hold for three years and thanked both sides for their patience.</p>
<p>Passengers with cancelled tickets can claim refunds through the operator's
<a href="/refunds">refund page</a> until the end of the month, the company said.</p>
</article><footer>Copyright Harbour Herald</footer></body></html>"#;

struct Env {
    dir: TempDir,
    server: FeedServer,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
            server: FeedServer::start(),
        }
    }

    /// Runs byline on this test's store and returns (exit code, stdout, stderr).
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let mut cmd = Command::cargo_bin("byline").unwrap();
        cmd.env("BYLINE_STORE", self.dir.path().join("store.db"))
            .env("BYLINE_CONFIG", self.dir.path().join("config.toml"))
            .args(args);
        for var in [
            "HTTP_PROXY",
            "http_proxy",
            "HTTPS_PROXY",
            "https_proxy",
            "ALL_PROXY",
            "all_proxy",
        ] {
            cmd.env_remove(var);
        }
        let out = cmd.output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn listed(&self) -> String {
        let (code, out, err) = self.run(&["list", "--limit", "50"]);
        assert_eq!(code, 0, "{err}");
        out
    }
}

#[test]
fn a_news_page_becomes_an_article_once() {
    let env = Env::new();
    env.server
        .route("/news/ferry", Route::ok(PAGE, "text/html; charset=utf-8"));
    let url = env.server.url("/news/ferry");
    let (code, out, err) = env.run(&["add", &url]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.starts_with("added: Ferry strike ends after talks (Harbour Herald)"),
        "{out}"
    );
    assert!(out.contains("people"), "{out}");
    let listed = env.listed();
    assert!(listed.contains("Ferry strike ends after talks"), "{listed}");
    let (code, show, err) = env.run(&["show", "1"]);
    assert_eq!(code, 0, "{err}");
    for expected in [
        "Harbour Herald",
        "Mara Velden",
        "Tomas Brandt",
        "Ilse Marquardt",
        "2025-12-06",
    ] {
        assert!(show.contains(expected), "{expected} missing from:\n{show}");
    }
    // The relative link is resolved against the page's URL; menus and footer are left out.
    assert!(show.contains(&env.server.url("/refunds")), "{show}");
    assert!(!show.contains("Copyright Harbour Herald"), "{show}");
    let (code, out, _) = env.run(&["add", &url]);
    assert_eq!(code, 0);
    assert!(out.starts_with("already stored: Ferry strike"), "{out}");
    assert_eq!(env.listed().matches("Ferry strike").count(), 1);
}

#[test]
fn a_feed_is_offered_and_subscribed_to_only_when_asked() {
    let env = Env::new();
    let feed = rss(
        "Harbour Herald",
        &[(
            "h-1",
            "Ferry strike ends",
            "Talks ended.",
            "Sat, 06 Dec 2025 10:00:00 +0000",
        )],
    );
    env.server.route("/feed.xml", Route::rss(&feed));
    let url = env.server.url("/feed.xml");
    let (code, _, err) = env.run(&["add", &url]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("is a feed, not a page"), "{err}");
    assert!(err.contains(&format!("byline feed add {url}")), "{err}");
    assert!(!env.listed().contains("Ferry strike"), "nothing stored");
    let (code, out, err) = env.run(&["add", "--subscribe", &url]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("subscribed to Harbour Herald"), "{out}");
    assert!(env.listed().contains("Ferry strike ends"));
}

#[test]
fn failures_are_named_and_store_nothing() {
    let env = Env::new();
    env.server.route("/gone", Route::status(404));
    env.server.route(
        "/login",
        Route::ok("<html><head><title>Sign in</title></head><body><form><input name=u></form></body></html>", "text/html"),
    );
    let gone = env.server.url("/gone");
    let login = env.server.url("/login");
    for (url, expected) in [
        (gone.as_str(), "404"),
        (login.as_str(), "no article text"),
        ("file:///etc/passwd", "file"),
        ("javascript:alert(1)", "javascript"),
    ] {
        let (code, out, err) = env.run(&["add", url]);
        assert_eq!(code, 1, "{url}: {out}{err}");
        assert!(err.contains(expected), "{url}: {err}");
    }
    // One good page among bad ones is still added, and the run still fails.
    env.server
        .route("/news/ferry", Route::ok(PAGE, "text/html"));
    let (code, out, _) = env.run(&["add", &gone, &env.server.url("/news/ferry")]);
    assert_eq!(code, 1);
    assert!(out.contains("added: Ferry strike"), "{out}");
    assert_eq!(env.server.requests("/etc/passwd").len(), 0);
}

/// The header's charset is kept with the stored page, so the reading pane and `reindex`, which
/// read the stored original again, decode it as the fetch did.
#[test]
fn a_charset_named_only_by_the_header_survives_reindex() {
    let env = Env::new();
    let page = PAGE.replace("Ferry strike ends", "Caf\u{e9} ferry strike ends");
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
    env.server.route(
        "/news/cafe",
        Route::ok(latin.into_owned(), "text/html; charset=windows-1252"),
    );
    let (code, out, err) = env.run(&["add", &env.server.url("/news/cafe")]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Café ferry strike ends"), "{out}");
    let (code, _, err) = env.run(&["reindex"]);
    assert_eq!(code, 0, "{err}");
    assert!(env.listed().contains("Café ferry strike ends"));
    let (_, show, _) = env.run(&["show", "1"]);
    assert!(show.contains("Café ferry strike ends"), "{show}");
}
