//! Fetching feeds over real HTTP from a server each test starts on 127.0.0.1: formats,
//! conditional GET, redirects, and failures named while the others land.

mod feeds_support;

use std::time::Duration;

use byline::feeds::{subscribe, FeedOutcome, Subscribed};
use feeds_support::store::{add, fetch_all, options, rows, store, titles, DATE};
use feeds_support::{rss, FeedServer, Route};

#[test]
fn every_format_is_subscribed_and_stored_with_people() {
    let server = FeedServer::start();
    let body = "<p>Mayor Anna Keller met Tomas Berg.</p>";
    server.route(
        "/rss2",
        Route::rss(&rss("Harbour News", &[("h1", "Ferry deal", body, DATE)])),
    );
    server.route(
        "/rss1",
        Route::ok(
            r#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>RDF Daily</title></channel><item rdf:about="https://e.org/r1"><title>RDF story</title><link>https://e.org/r1</link><description>Talks resumed.</description></item></rdf:RDF>"#,
            "application/rdf+xml",
        ),
    );
    server.route(
        "/atom",
        Route::ok(
            r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><entry><id>urn:a1</id><title>Atom story</title><updated>2025-12-05T08:00:00Z</updated><author><name>Jane Roe</name></author><link href="https://e.org/a1"/><content type="html">&lt;p&gt;Atom body.&lt;/p&gt;</content></entry></feed>"#,
            "application/atom+xml",
        ),
    );
    server.route(
        "/json",
        Route::ok(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"Json Post","items":[{"id":"j1","url":"https://e.org/j1","title":"JSON story","content_html":"<p>JSON body.</p>"}]}"#,
            "application/feed+json",
        ),
    );
    let heavy = "<div><table><tr><td>a</td></tr></table><script>fake()</script><h2>Part</h2><ul><li>One</li></ul><blockquote>Quote</blockquote><p>Prime Minister Keir Starmer spoke.</p></div>".repeat(50);
    server.route(
        "/heavy",
        Route::rss(&rss("Heavy", &[("x1", "Heavy HTML", &heavy, DATE)])),
    );
    let (_dir, mut store) = store();
    for path in ["/rss2", "/rss1", "/atom", "/json", "/heavy"] {
        assert!(matches!(
            add(&mut store, &server.url(path)),
            Subscribed::Added { .. }
        ));
    }
    assert_eq!(
        titles(&store, ""),
        [
            "Atom story",
            "Ferry deal",
            "Heavy HTML",
            "JSON story",
            "RDF story"
        ]
    );
    assert_eq!(titles(&store, "person:\"anna keller\""), ["Ferry deal"]);
    assert_eq!(titles(&store, "source:\"RDF Daily\""), ["RDF story"]);
    assert_eq!(titles(&store, "person:starmer"), ["Heavy HTML"]);
    let atom = &rows(&store, "source:\"Atom Wire\"")[0];
    let article = store.article(atom.id).unwrap().unwrap();
    assert_eq!(article.author.as_deref(), Some("Jane Roe"));
    let heavy = store
        .article(rows(&store, "source:heavy")[0].id)
        .unwrap()
        .unwrap();
    assert!(heavy.body.iter().all(|b| !b.text.contains("fake()")));
}

#[test]
fn an_unchanged_feed_costs_one_conditional_request_and_changes_nothing() {
    let server = FeedServer::start();
    let feed = rss("Harbour News", &[("h1", "Ferry deal", "<p>x</p>", DATE)]);
    server.route(
        "/feed",
        Route::rss(&feed)
            .etag("\"v1\"")
            .header("Last-Modified", "Sat, 06 Dec 2025 10:00:00 GMT"),
    );
    let (_dir, mut store) = store();
    add(&mut store, &server.url("/feed"));
    let version = store.data_version().unwrap();
    let report = fetch_all(&mut store);
    assert_eq!(report.feeds[0].outcome, FeedOutcome::NotModified);
    let requests = server.requests("/feed");
    assert_eq!(
        requests.len(),
        2,
        "the subscription's fetch, then exactly one request"
    );
    assert_eq!(
        requests[1].headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );
    assert_eq!(
        requests[1]
            .headers
            .get("if-modified-since")
            .map(String::as_str),
        Some("Sat, 06 Dec 2025 10:00:00 GMT")
    );
    assert!(requests[0].headers["user-agent"].starts_with("byline/"));
    assert_eq!(titles(&store, ""), ["Ferry deal"]);
    assert_eq!(store.data_version().unwrap(), version, "no other writer");
}

#[test]
fn a_permanent_redirect_updates_the_url_and_a_loop_is_refused() {
    let server = FeedServer::start();
    server.route("/old", Route::status(301).header("Location", "/new"));
    server.route(
        "/new",
        Route::rss(&rss("Moved", &[("m1", "Moved story", "x", DATE)])),
    );
    server.route("/loop", Route::status(302).header("Location", "/loop"));
    let (_dir, mut store) = store();
    let Subscribed::Added { feed, .. } = add(&mut store, &server.url("/old")) else {
        panic!("not added")
    };
    assert_eq!(feed.url, server.url("/new"));
    let err = subscribe(&mut store, &server.url("/loop"), None, &[], &options()).unwrap_err();
    assert!(err.to_string().contains("redirect"), "{err}");
}

#[test]
fn failing_feeds_are_named_while_the_others_land() {
    let server = FeedServer::start();
    server.route(
        "/good",
        Route::rss(&rss("Good", &[("g1", "Good one", "x", DATE)])),
    );
    let (_dir, mut store) = store();
    add(&mut store, &server.url("/good"));
    for (name, path) in [
        ("Broken", "/500"),
        ("Missing", "/404"),
        ("Busy", "/429"),
        ("Garbled", "/bad"),
        ("Page", "/page"),
        ("Slow", "/slow"),
    ] {
        store.add_feed(name, &server.url(path), &[]).unwrap();
    }
    server.route("/500", Route::status(500));
    server.route("/429", Route::status(429).header("Retry-After", "7200"));
    server.route(
        "/bad",
        Route::rss("<rss version=\"2.0\">\n<channel>\n<title>x</titel>\n</channel></rss>"),
    );
    server.route(
        "/page",
        Route::ok("<!DOCTYPE html><html><body>hi</body></html>", "text/html"),
    );
    let mut slow = Route::status(200);
    slow.hang = true;
    server.route("/slow", slow);
    server.route(
        "/good",
        Route::rss(&rss(
            "Good",
            &[("g1", "Good one", "x", DATE), ("g2", "Good two", "y", DATE)],
        )),
    );
    let started = std::time::Instant::now();
    let report = fetch_all(&mut store);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(report.failed(), 6);
    assert_eq!(report.summary.imported, 1);
    let reason = |name: &str| -> String {
        let feed = store.find_feed(name).unwrap().unwrap();
        assert!(feed.failed);
        feed.last_status.unwrap()
    };
    assert!(reason("Broken").contains("500"), "{}", reason("Broken"));
    assert!(reason("Missing").contains("404"));
    assert!(
        reason("Garbled").contains("line 3"),
        "{}",
        reason("Garbled")
    );
    assert!(reason("Page").contains("HTML page"), "{}", reason("Page"));
    assert!(reason("Slow").contains("timed out"), "{}", reason("Slow"));
    let busy = store.find_feed("Busy").unwrap().unwrap();
    assert!(
        busy.next_due >= chrono::Utc::now().timestamp() + 7000,
        "Retry-After pushes it back"
    );
    assert_eq!(titles(&store, ""), ["Good one", "Good two"]);
}

#[test]
fn gone_feeds_are_marked_not_deleted() {
    let server = FeedServer::start();
    server.route(
        "/f",
        Route::rss(&rss("Soon gone", &[("s1", "Last story", "x", DATE)])),
    );
    let (_dir, mut store) = store();
    add(&mut store, &server.url("/f"));
    server.route("/f", Route::status(410));
    fetch_all(&mut store);
    let feed = store.find_feed("Soon gone").unwrap().unwrap();
    assert!(feed.gone);
    assert_eq!(titles(&store, ""), ["Last story"]);
    assert!(byline::feeds::due_feeds(&store, true).unwrap().is_empty());
}
