//! What fetched items become, over real HTTP from a server each test starts on 127.0.0.1:
//! charsets, entities and DTDs, missing guids and dates, changed items, discovery, tags.

mod feeds_support;

use std::time::Duration;

use byline::feeds::{subscribe, Subscribed};
use feeds_support::store::{add, fetch_all, options, rows, store, titles, DATE};
use feeds_support::{rss, FeedServer, Route};

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

#[test]
fn tag_finds_a_feeds_tags_and_its_items_categories() {
    let server = FeedServer::start();
    let feed = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
        <item><guid>c1</guid><title>Budget story</title><category>Economy</category><description>x</description></item>
        <item><guid>c2</guid><title>Match report</title><category>Sport</category><description>y</description></item>
        </channel></rss>"#;
    server.route("/f", Route::rss(feed));
    server.route(
        "/g",
        Route::rss(&rss("Other", &[("o1", "Other story", "z", DATE)])),
    );
    let (_dir, mut store) = store();
    add(&mut store, &server.url("/f"));
    subscribe(
        &mut store,
        &server.url("/g"),
        None,
        &["local".into()],
        &options(),
    )
    .unwrap();
    assert_eq!(titles(&store, "tag:economy"), ["Budget story"]);
    assert_eq!(titles(&store, "tag:LOCAL"), ["Other story"]);
    assert_eq!(
        titles(&store, "-tag:sport"),
        ["Budget story", "Other story"]
    );
    assert!(titles(&store, "tag:nothing").is_empty());
    // The category changes: the tag follows.
    server.route("/f", Route::rss(&feed.replace("Economy", "Politics")));
    fetch_all(&mut store);
    assert!(titles(&store, "tag:economy").is_empty());
    assert_eq!(titles(&store, "tag:politics"), ["Budget story"]);
}
