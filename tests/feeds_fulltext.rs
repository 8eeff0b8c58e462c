//! Full text for summary-only feeds over real HTTP on 127.0.0.1: each new item's linked page
//! becomes its body, a failed page keeps the summary and is marked, an unchanged item is never
//! fetched twice, a retry asks only for the failed pages, and one host is asked politely.

mod feeds_support;

use std::time::Duration;

use byline::feeds::fetch_feeds;
use byline::feeds::fulltext::{retry_failed, PageSummary};
use feeds_support::pages::{article, body, counts, feed, fetch, full_text_store, index_page};
use feeds_support::store::{options, titles};
use feeds_support::{FeedServer, Route};

#[test]
fn new_items_get_their_pages_text_and_failed_pages_keep_the_summary_marked() {
    let server = FeedServer::start();
    let link = |p: &str| server.url(p);
    server.route(
        "/feed",
        feed(&[
            ("a", "Ferry deal", "Short summary a.", link("/a")),
            ("m", "Missing page", "Short summary m.", link("/missing")),
            ("i", "Index page", "Short summary i.", link("/index")),
        ]),
    );
    server.route("/a", article("Anna Keller"));
    server.route("/index", index_page());
    let (_dir, mut store) = full_text_store(&server);
    let report = fetch(&mut store);
    assert_eq!(report.summary.imported, 3);
    assert_eq!(
        report.pages,
        PageSummary {
            fetched: 1,
            failed: 2
        }
    );
    assert!(report
        .to_string()
        .ends_with("; 1 pages fetched, 2 summary only"));
    let (text, summary_only) = body(&store, "Ferry deal");
    assert!(!summary_only);
    assert!(text.contains("early crossing"), "{text}");
    assert!(
        text.contains("[1] https://site.example/more"),
        "links listed: {text}"
    );
    assert!(!text.contains("Short summary a."), "{text}");
    assert_eq!(titles(&store, "person:\"anna keller\""), ["Ferry deal"]);
    assert_eq!(titles(&store, "timetable"), ["Ferry deal"], "indexed");
    for title in ["Missing page", "Index page"] {
        let (text, summary_only) = body(&store, title);
        assert!(summary_only, "{title}");
        assert!(text.starts_with("Short summary"), "{title}: {text}");
    }
    let requests = server.requests("/a");
    assert!(requests[0].headers["user-agent"].starts_with("byline/"));
    assert_eq!(counts(&server, &["/a", "/missing", "/index"]), [1, 1, 1]);
}

#[test]
fn a_refetch_asks_only_for_new_items_and_changed_links() {
    let server = FeedServer::start();
    let link = |p: &str| server.url(p);
    let a = ("a", "Ferry deal", "Short summary a.", link("/a"));
    let b = ("b", "Port strike", "Short summary b.", link("/b"));
    let m = ("m", "Missing page", "Short summary m.", link("/missing"));
    server.route("/feed", feed(&[a.clone(), b, m.clone()]));
    for (path, person) in [
        ("/a", "Anna Keller"),
        ("/b", "Tomas Berg"),
        ("/b2", "Eva Lind"),
    ] {
        server.route(path, article(person));
    }
    server.route("/c", article("Nora Holm"));
    let (_dir, mut store) = full_text_store(&server);
    fetch(&mut store);
    let pages = ["/a", "/b", "/missing", "/b2", "/c"];
    assert_eq!(counts(&server, &pages), [1, 1, 1, 0, 0]);
    let again = fetch(&mut store);
    assert_eq!(
        counts(&server, &pages),
        [1, 1, 1, 0, 0],
        "no page asked again"
    );
    assert_eq!(
        again.summary.unchanged, 3,
        "the stored pages make them unchanged"
    );
    assert_eq!(again.pages.total(), 0);
    let b_moved = ("b", "Port strike", "Short summary b.", link("/b2"));
    let c = ("c", "New berth", "Short summary c.", link("/c"));
    server.route("/feed", feed(&[a, b_moved, m, c]));
    let third = fetch(&mut store);
    assert_eq!(
        counts(&server, &pages),
        [1, 1, 1, 1, 1],
        "the moved link and the new item"
    );
    assert_eq!(
        third.pages,
        PageSummary {
            fetched: 2,
            failed: 0
        }
    );
    assert_eq!(titles(&store, "person:\"eva lind\""), ["Port strike"]);
    assert!(
        titles(&store, "person:\"tomas berg\"").is_empty(),
        "the old page is gone"
    );
    assert_eq!(titles(&store, "person:\"nora holm\""), ["New berth"]);
}

#[test]
fn a_retry_asks_only_for_the_failed_pages() {
    let (server, _dir, mut store) = one_page_found_one_missing();
    assert!(body(&store, "Missing page").1);
    server.route("/missing", article("Tomas Berg"));
    let feeds = store.feeds().unwrap();
    let mut seen = Vec::new();
    let mut on_page = |p: &PageSummary, total: usize| seen.push((p.total(), total));
    let retried = retry_failed(&mut store, &feeds, &options(), &mut on_page).unwrap();
    assert_eq!(seen, [(1, 1)], "each page reported as it is stored");
    assert_eq!(
        retried,
        PageSummary {
            fetched: 1,
            failed: 0
        }
    );
    assert_eq!(counts(&server, &["/a", "/missing", "/feed"]), [1, 2, 1]);
    let (text, summary_only) = body(&store, "Missing page");
    assert!(!summary_only);
    assert!(text.contains("Tomas Berg"), "{text}");
    let nothing = retry_failed(&mut store, &feeds, &options(), &mut |_, _| {}).unwrap();
    assert_eq!(nothing.total(), 0, "nothing failed any more");
}

#[test]
fn pages_on_one_host_are_asked_one_at_a_time_with_a_pause() {
    let server = FeedServer::start();
    let link = |p: &str| server.url(p);
    let paths = ["/p1", "/p2", "/p3", "/p4"];
    let items: Vec<_> = paths.iter().map(|p| (&p[1..], *p, "s", link(p))).collect();
    server.route("/feed", feed(&items));
    for path in paths {
        server.route(
            path,
            article("Anna Keller").slow(Duration::from_millis(150)),
        );
    }
    let (_dir, mut store) = full_text_store(&server);
    let mut slow = options();
    slow.page_delay = Duration::from_millis(200);
    slow.parallel = 8;
    let feeds = store.feeds().unwrap();
    let report = fetch_feeds(&mut store, feeds, &slow, &mut |_| {}).unwrap();
    assert_eq!(report.pages.fetched, 4);
    assert_eq!(
        server.most_at_once(),
        1,
        "eight workers, one host: never two at once"
    );
    let mut times: Vec<_> = paths.iter().map(|p| server.requests(p)[0].at).collect();
    times.sort();
    for pair in times.windows(2) {
        let gap = pair[1] - pair[0];
        assert!(
            gap >= Duration::from_millis(350),
            "answer and pause: {gap:?}"
        );
    }
}

#[test]
fn a_page_that_times_out_fails_or_is_no_web_page_keeps_the_summary_and_the_rest_go_on() {
    let server = FeedServer::start();
    let link = |p: &str| server.url(p);
    let paths = ["/hang", "/error", "/pdf", "/gone", "/a"];
    let items: Vec<_> = paths
        .iter()
        .map(|p| (&p[1..], *p, "Short summary.", link(p)))
        .collect();
    server.route("/feed", feed(&items));
    server.route("/hang", article("Tomas Berg").hang());
    server.route("/error", Route::status(500));
    server.route(
        "/pdf",
        Route::ok(b"%PDF-1.4 ...".to_vec(), "application/pdf"),
    );
    server.route("/a", article("Anna Keller"));
    let (_dir, mut store) = full_text_store(&server);
    let mut quick = options();
    quick.http.timeout = Duration::from_millis(700);
    let feeds = store.feeds().unwrap();
    let report = fetch_feeds(&mut store, feeds, &quick, &mut |_| {}).unwrap();
    assert_eq!(
        report.pages,
        PageSummary {
            fetched: 1,
            failed: 4
        }
    );
    assert_eq!(report.failed(), 0, "a page is not the feed");
    for title in ["/hang", "/error", "/pdf", "/gone"] {
        assert_eq!(
            body(&store, title),
            ("Short summary.".into(), true),
            "{title}"
        );
    }
    assert!(!body(&store, "/a").1);
    let reasons = failed_reasons(&store);
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(reasons.iter().any(|r| r.contains("500")), "{reasons:?}");
    assert!(reasons.iter().any(|r| r.contains("404")), "{reasons:?}");
    assert!(
        reasons.iter().any(|r| r.contains("application/pdf")),
        "{reasons:?}"
    );
    assert_eq!(counts(&server, &paths), [1, 1, 1, 1, 1]);
}

#[test]
fn full_text_off_asks_for_no_page_and_keeps_the_pages_it_has() {
    let server = FeedServer::start();
    let link = |p: &str| server.url(p);
    server.route(
        "/feed",
        feed(&[("a", "Ferry deal", "Short summary a.", link("/a"))]),
    );
    server.route("/a", article("Anna Keller"));
    let (_dir, mut store) = full_text_store(&server);
    let id = store.feeds().unwrap()[0].id;
    store.set_feed_full_text(id, false).unwrap();
    fetch(&mut store);
    fetch(&mut store);
    assert_eq!(counts(&server, &["/a", "/feed"]), [0, 2]);
    assert_eq!(
        body(&store, "Ferry deal"),
        ("Short summary a.".into(), false)
    );
    store.set_feed_full_text(id, true).unwrap();
    assert_eq!(
        fetch(&mut store).pages.fetched,
        1,
        "switched on: the stored item's page"
    );
    store.set_feed_full_text(id, false).unwrap();
    let off = fetch(&mut store);
    assert_eq!(off.summary.unchanged, 1);
    assert_eq!(counts(&server, &["/a", "/feed"]), [1, 4]);
    assert!(
        body(&store, "Ferry deal").0.contains("early crossing"),
        "kept"
    );
}

#[test]
fn reindex_gives_the_same_articles_from_the_stored_items() {
    let (server, _dir, mut store) = one_page_found_one_missing();
    let before = [body(&store, "Ferry deal"), body(&store, "Missing page")];
    let summary = byline::importer::reindex(&mut store, 1, &mut |_| {}).unwrap();
    assert_eq!((summary.articles, summary.failed.len()), (2, 0));
    assert_eq!(
        [body(&store, "Ferry deal"), body(&store, "Missing page")],
        before
    );
    assert!(before[0].0.contains("early crossing") && before[1].1);
    assert_eq!(titles(&store, "person:\"anna keller\""), ["Ferry deal"]);
    assert_eq!(titles(&store, "timetable"), ["Ferry deal"]);
    fetch(&mut store);
    assert_eq!(
        counts(&server, &["/a", "/missing"]),
        [1, 1],
        "nothing asked again"
    );
}

/// A full-text feed of two items, fetched once: "Ferry deal" got its page, "Missing page"'s
/// link answered 404 (the server is kept so a test can serve it later).
fn one_page_found_one_missing() -> (FeedServer, tempfile::TempDir, byline::store::Store) {
    let server = FeedServer::start();
    let link = |p: &str| server.url(p);
    server.route(
        "/feed",
        feed(&[
            ("a", "Ferry deal", "Short summary a.", link("/a")),
            ("m", "Missing page", "Short summary m.", link("/missing")),
        ]),
    );
    server.route("/a", article("Anna Keller"));
    let (_dir, mut store) = full_text_store(&server);
    fetch(&mut store);
    (server, _dir, store)
}

/// Why each page of the first feed failed, as stored with its item.
fn failed_reasons(store: &byline::store::Store) -> Vec<String> {
    let id = store.feeds().unwrap()[0].id;
    let items = store.page_items(id, true, 100).unwrap();
    items
        .iter()
        .filter_map(|(_, raw)| byline::feeds::ItemDoc::from_bytes(raw).ok()?.page?.failed)
        .collect()
}

#[test]
fn at_most_the_cap_of_pages_a_feed_a_run_and_the_rest_next_time_despite_an_etag() {
    let server = FeedServer::start();
    let link = |p: &str| server.url(p);
    let paths = ["/p1", "/p2", "/p3"];
    let items: Vec<_> = paths.iter().map(|p| (&p[1..], *p, "s", link(p))).collect();
    server.route("/feed", feed(&items).etag("\"v1\""));
    for path in paths {
        server.route(path, article("Anna Keller"));
    }
    let (_dir, mut store) = full_text_store(&server);
    let mut capped = options();
    capped.max_pages_per_feed = 2;
    let mut run = || {
        let feeds = store.feeds().unwrap();
        fetch_feeds(&mut store, feeds, &capped, &mut |_| {}).unwrap()
    };
    assert_eq!(run().pages.fetched, 2);
    assert_eq!(
        run().pages.fetched,
        1,
        "the feed read whole again, not a 304"
    );
    let third = run();
    assert_eq!(
        (third.pages.total(), third.summary.unchanged),
        (0, 0),
        "a 304 at last"
    );
    assert_eq!(counts(&server, &paths), [1, 1, 1]);
    let sent: Vec<_> = server
        .requests("/feed")
        .iter()
        .map(|r| r.headers.get("if-none-match").cloned())
        .collect();
    assert_eq!(sent, [None, None, Some("\"v1\"".to_string())]);
}

#[test]
fn an_item_the_user_deleted_is_never_asked_for_again() {
    let server = FeedServer::start();
    let link = |p: &str| server.url(p);
    let items = [
        ("a", "Ferry deal", "Short summary a.", link("/a")),
        ("b", "Port strike", "Short summary b.", link("/b")),
    ];
    server.route("/feed", feed(&items));
    server.route("/a", article("Anna Keller"));
    server.route("/b", article("Tomas Berg"));
    let (_dir, mut store) = full_text_store(&server);
    fetch(&mut store);
    let id = feeds_support::store::rows(&store, "")
        .into_iter()
        .find(|r| r.title == "Port strike")
        .unwrap()
        .id;
    store.delete_articles(&[id]).unwrap();
    let again = fetch(&mut store);
    assert_eq!(again.summary.deleted, 1);
    assert_eq!(again.pages.total(), 0);
    assert_eq!(counts(&server, &["/a", "/b", "/feed"]), [1, 1, 2]);
    assert_eq!(titles(&store, ""), ["Ferry deal"]);
}
