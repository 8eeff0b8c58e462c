//! Fetching feeds over real HTTP from a server each test starts on 127.0.0.1: formats,
//! conditional GET, redirects, failures named while the others land, charsets, changes.

mod feeds_support;

use std::time::Duration;

use byline::feeds::{fetch_feeds, subscribe, FeedOutcome, FetchOptions, FetchReport, Subscribed};
use byline::query::parse;
use byline::store::{ArticleRow, Store};
use feeds_support::{rss, FeedServer, Route};

const DATE: &str = "Sat, 06 Dec 2025 10:00:00 +0000";

fn options() -> FetchOptions {
    let mut options = FetchOptions::default();
    options.http.proxy_from_env = false;
    options.http.timeout = Duration::from_secs(2);
    options.http.connect_timeout = Duration::from_secs(2);
    options
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("store.db")).unwrap();
    (dir, store)
}

fn rows(store: &Store, query: &str) -> Vec<ArticleRow> {
    let today = chrono::Utc::now().date_naive();
    store
        .search(&parse(query).unwrap(), today, 0, 1000)
        .unwrap()
}

fn titles(store: &Store, query: &str) -> Vec<String> {
    let mut titles: Vec<String> = rows(store, query).into_iter().map(|r| r.title).collect();
    titles.sort();
    titles
}

fn add(store: &mut Store, url: &str) -> Subscribed {
    subscribe(store, url, None, &[], &options()).unwrap()
}

fn fetch_all(store: &mut Store) -> FetchReport {
    let feeds = store.feeds().unwrap();
    fetch_feeds(store, feeds, &options(), &mut |_| {}).unwrap()
}

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

#[test]
fn a_header_charset_and_a_declared_charset_both_decode() {
    let server = FeedServer::start();
    let mut cp1251 = b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Lenta</title><item><guid>c1</guid><title>".to_vec();
    cp1251.extend(
        encoding_rs::WINDOWS_1251
            .encode("Новости дня")
            .0
            .into_owned(),
    );
    cp1251.extend(b"</title><description>x</description></item></channel></rss>");
    server.route(
        "/cp1251",
        Route::ok(cp1251, "text/xml; charset=windows-1251"),
    );
    let mut koi8 = b"<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss version=\"2.0\"><channel><title>Koi</title><item><guid>k1</guid><title>".to_vec();
    koi8.extend(encoding_rs::KOI8_R.encode("Привет мир").0.into_owned());
    koi8.extend(b"</title><description>x</description></item></channel></rss>");
    server.route("/koi8", Route::ok(koi8, "text/xml"));
    let (_dir, mut store) = store();
    add(&mut store, &server.url("/cp1251"));
    add(&mut store, &server.url("/koi8"));
    assert_eq!(titles(&store, ""), ["Новости дня", "Привет мир"]);
}

#[test]
fn entities_laughs_missing_dates_and_guids() {
    let server = FeedServer::start();
    let items = [
        ("", "No guid", "<p>Body&nbsp;one &copy; 2025</p>", ""),
        ("", "Second no guid", "two", ""),
    ];
    server.route("/f", Route::rss(&rss("Loose", &items)));
    let mut laughs =
        String::from("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">");
    for i in 1..10 {
        laughs.push_str(&format!(
            "<!ENTITY a{i} \"{}\">",
            format!(
                "&a{};",
                if i == 1 {
                    String::new()
                } else {
                    (i - 1).to_string()
                }
            )
            .repeat(10)
        ));
    }
    laughs.push_str("]><rss version=\"2.0\"><channel><title>&a9;</title></channel></rss>");
    server.route("/laughs", Route::rss(&laughs));
    let (_dir, mut store) = store();
    add(&mut store, &server.url("/f"));
    let started = std::time::Instant::now();
    let err = subscribe(&mut store, &server.url("/laughs"), None, &[], &options()).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(err.to_string().contains("entities"), "{err}");
    let found = rows(&store, "");
    assert_eq!(found.len(), 2);
    let today = chrono::Utc::now().date_naive();
    assert!(
        found.iter().all(|r| r.date == Some(today)),
        "dated the day first seen"
    );
    let first = found.iter().find(|r| r.title == "No guid").unwrap();
    let body = &store.article(first.id).unwrap().unwrap().body;
    assert_eq!(body[0].text, "Body one © 2025");
    // Fetched again, the same items are the same articles.
    server.route("/f", Route::rss(&rss("Loose", &items)));
    let report = fetch_all(&mut store);
    assert_eq!(report.summary.unchanged, 2);
    assert_eq!(rows(&store, "").len(), 2);
}

#[test]
fn a_changed_item_updates_its_article_and_keeps_its_read_mark() {
    let server = FeedServer::start();
    server.route(
        "/f",
        Route::rss(&rss(
            "Desk",
            &[("d1", "Draft title", "<p>First text.</p>", DATE)],
        )),
    );
    let (_dir, mut store) = store();
    add(&mut store, &server.url("/f"));
    let id = rows(&store, "")[0].id;
    store.set_read(id, true).unwrap();
    server.route(
        "/f",
        Route::rss(&rss(
            "Desk",
            &[("d1", "Final title", "<p>Second text.</p>", DATE)],
        )),
    );
    let report = fetch_all(&mut store);
    assert_eq!(report.summary.updated, 1);
    let found = rows(&store, "");
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].id, found[0].title.as_str(), found[0].read),
        (id, "Final title", true)
    );
    assert_eq!(titles(&store, "second"), ["Final title"]);
    assert!(
        titles(&store, "first").is_empty(),
        "the old words left the index"
    );
    // The item leaves the feed: its article stays.
    server.route("/f", Route::rss(&rss("Desk", &[])));
    fetch_all(&mut store);
    assert_eq!(rows(&store, "").len(), 1);
}

#[test]
fn a_page_naming_its_feed_is_subscribed_through_it() {
    let server = FeedServer::start();
    server.route(
        "/page",
        Route::ok(
            "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\"></head><body>x</body></html>",
            "text/html",
        ),
    );
    server.route(
        "/feed.xml",
        Route::rss(&rss("Found", &[("f1", "Found story", "x", DATE)])),
    );
    server.route(
        "/plain-page",
        Route::ok("<html><body>no feeds</body></html>", "text/html"),
    );
    let (_dir, mut store) = store();
    let Subscribed::Added { feed, .. } = add(&mut store, &server.url("/page")) else {
        panic!()
    };
    assert_eq!(feed.url, server.url("/feed.xml"));
    assert!(matches!(
        add(&mut store, &server.url("/feed.xml")),
        Subscribed::Already(_)
    ));
    let err = subscribe(
        &mut store,
        &server.url("/plain-page"),
        None,
        &[],
        &options(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("names no feed"), "{err}");
}
