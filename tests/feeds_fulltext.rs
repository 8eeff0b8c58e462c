//! Full text for summary-only feeds over real HTTP on 127.0.0.1: each new item's linked page
//! becomes its body, a failed page keeps the summary and is marked, an unchanged item is never
//! fetched twice, a retry asks only for the failed pages, and one host is asked politely.

mod feeds_support;

use std::time::Duration;

use byline::feeds::fulltext::{retry_failed, PageSummary};
use byline::feeds::{fetch_feeds, FetchReport};
use byline::store::Store;
use feeds_support::store::{options, rows, store, titles, DATE};
use feeds_support::{FeedServer, Route};

/// An RSS feed whose items are (guid, title, summary, link).
fn feed<S: AsRef<str>>(items: &[(&str, &str, &str, S)]) -> Route {
    let mut out = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Wire</title>\n",
    );
    for (guid, title, summary, link) in items {
        let link = link.as_ref();
        out.push_str(&format!(
            "<item><guid isPermaLink=\"false\">{guid}</guid><title>{title}</title>\
             <link>{link}</link><pubDate>{DATE}</pubDate>\
             <description><![CDATA[<p>{summary}</p>]]></description></item>\n"
        ));
    }
    out.push_str("</channel></rss>\n");
    Route::rss(&out)
}

/// An article page: a menu, then paragraphs of prose naming `person`.
fn article(person: &str) -> Route {
    let sentence = format!(
        "Mayor {person} told the harbour council on Friday that the new ferry timetable would \
         keep the early crossing, after months of talks with the operators and the unions. "
    );
    let paragraphs = (0..5)
        .map(|i| format!("<p>{}Paragraph {i} adds detail.</p>", sentence.repeat(2)))
        .collect::<String>();
    let html = format!(
        "<!DOCTYPE html><html><head><title>Page title | Harbour Wire</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Page \
         headline</h1>{paragraphs}<p>More at <a href=\"https://site.example/more\">the \
         site</a>.</p></article><footer>Copyright</footer></body></html>"
    );
    Route::ok(html, "text/html; charset=utf-8")
}

/// A page that is no article: a list of links.
fn index_page() -> Route {
    let links = (0..40)
        .map(|i| format!("<li><a href=\"/s{i}\">Story {i}</a></li>"))
        .collect::<String>();
    Route::ok(
        format!("<html><body><ul>{links}</ul></body></html>"),
        "text/html",
    )
}

fn fetch(store: &mut Store) -> FetchReport {
    let feeds = store.feeds().unwrap();
    fetch_feeds(store, feeds, &options(), &mut |_| {}).unwrap()
}

/// Requests the server saw for each of `paths`, in order.
fn counts(server: &FeedServer, paths: &[&str]) -> Vec<usize> {
    paths.iter().map(|p| server.requests(p).len()).collect()
}

fn full_text_store(server: &FeedServer) -> (tempfile::TempDir, Store) {
    let (dir, store) = store();
    let (id, _) = store.add_feed("Harbour Wire", &server.url("/feed"), &[]).unwrap();
    store.set_feed_full_text(id, true).unwrap();
    (dir, store)
}

/// The stored article titled `title`: (body text, summary only).
fn body(store: &Store, title: &str) -> (String, bool) {
    let row = rows(store, "")
        .into_iter()
        .find(|r| r.title == title)
        .unwrap_or_else(|| panic!("no article {title}"));
    let article = store.article(row.id).unwrap().unwrap();
    let text: Vec<String> = article.body.iter().map(|b| b.text.clone()).collect();
    (text.join("\n"), article.summary_only)
}

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
    assert_eq!(report.pages, PageSummary { fetched: 1, failed: 2 });
    assert!(report.to_string().ends_with("; 1 pages fetched, 2 summary only"));
    let (text, summary_only) = body(&store, "Ferry deal");
    assert!(!summary_only);
    assert!(text.contains("early crossing"), "{text}");
    assert!(text.contains("[1] https://site.example/more"), "links listed: {text}");
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
    for (path, person) in [("/a", "Anna Keller"), ("/b", "Tomas Berg"), ("/b2", "Eva Lind")] {
        server.route(path, article(person));
    }
    server.route("/c", article("Nora Holm"));
    let (_dir, mut store) = full_text_store(&server);
    fetch(&mut store);
    let pages = ["/a", "/b", "/missing", "/b2", "/c"];
    assert_eq!(counts(&server, &pages), [1, 1, 1, 0, 0]);
    let again = fetch(&mut store);
    assert_eq!(counts(&server, &pages), [1, 1, 1, 0, 0], "no page asked again");
    assert_eq!(again.summary.unchanged, 3, "the stored pages make them unchanged");
    assert_eq!(again.pages.total(), 0);
    let b_moved = ("b", "Port strike", "Short summary b.", link("/b2"));
    let c = ("c", "New berth", "Short summary c.", link("/c"));
    server.route("/feed", feed(&[a, b_moved, m, c]));
    let third = fetch(&mut store);
    assert_eq!(counts(&server, &pages), [1, 1, 1, 1, 1], "the moved link and the new item");
    assert_eq!(third.pages, PageSummary { fetched: 2, failed: 0 });
    assert_eq!(titles(&store, "person:\"eva lind\""), ["Port strike"]);
    assert!(titles(&store, "person:\"tomas berg\"").is_empty(), "the old page is gone");
    assert_eq!(titles(&store, "person:\"nora holm\""), ["New berth"]);
}

#[test]
fn a_retry_asks_only_for_the_failed_pages() {
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
    assert!(body(&store, "Missing page").1);
    server.route("/missing", article("Tomas Berg"));
    let feeds = store.feeds().unwrap();
    let retried = retry_failed(&mut store, &feeds, &options()).unwrap();
    assert_eq!(retried, PageSummary { fetched: 1, failed: 0 });
    assert_eq!(counts(&server, &["/a", "/missing", "/feed"]), [1, 2, 1]);
    let (text, summary_only) = body(&store, "Missing page");
    assert!(!summary_only);
    assert!(text.contains("Tomas Berg"), "{text}");
    let nothing = retry_failed(&mut store, &feeds, &options()).unwrap();
    assert_eq!(nothing.total(), 0, "nothing failed any more");
}

#[test]
fn pages_on_one_host_are_asked_one_at_a_time_with_a_pause() {
    let server = FeedServer::start();
    let link = |p: &str| server.url(p);
    server.route(
        "/feed",
        feed(&[
            ("1", "One", "s", link("/p1")),
            ("2", "Two", "s", link("/p2")),
            ("3", "Three", "s", link("/p3")),
        ]),
    );
    for path in ["/p1", "/p2", "/p3"] {
        server.route(path, article("Anna Keller"));
    }
    let (_dir, mut store) = full_text_store(&server);
    let mut slow = options();
    slow.page_delay = Duration::from_millis(300);
    slow.parallel = 8;
    let feeds = store.feeds().unwrap();
    let report = fetch_feeds(&mut store, feeds, &slow, &mut |_| {}).unwrap();
    assert_eq!(report.pages.fetched, 3);
    let mut times: Vec<_> = ["/p1", "/p2", "/p3"]
        .iter()
        .map(|p| server.requests(p)[0].at)
        .collect();
    times.sort();
    for pair in times.windows(2) {
        let gap = pair[1] - pair[0];
        assert!(gap >= Duration::from_millis(300), "{gap:?}");
    }
}

#[test]
fn at_most_the_cap_of_pages_a_feed_a_run_and_the_rest_next_time() {
    let server = FeedServer::start();
    let link = |p: &str| server.url(p);
    server.route(
        "/feed",
        feed(&[
            ("1", "One", "s", link("/p1")),
            ("2", "Two", "s", link("/p2")),
            ("3", "Three", "s", link("/p3")),
        ]),
    );
    for path in ["/p1", "/p2", "/p3"] {
        server.route(path, article("Anna Keller"));
    }
    let (_dir, mut store) = full_text_store(&server);
    let mut capped = options();
    capped.max_pages_per_feed = 2;
    let feeds = store.feeds().unwrap();
    let first = fetch_feeds(&mut store, feeds.clone(), &capped, &mut |_| {}).unwrap();
    assert_eq!(first.pages.fetched, 2);
    let second = fetch_feeds(&mut store, feeds, &capped, &mut |_| {}).unwrap();
    assert_eq!(second.pages.fetched, 1);
    assert_eq!(counts(&server, &["/p1", "/p2", "/p3"]), [1, 1, 1]);
}
