//! Helpers of the full-text tests: a summary-only feed whose items link to pages on the test
//! server, article pages and pages that are no article, and a store with full text on.

use byline::feeds::{fetch_feeds, FetchReport};
use byline::store::Store;

use super::store::{options, rows, store, DATE};
use super::{FeedServer, Route};

/// An RSS feed whose items are (guid, title, summary, link).
pub fn feed<S: AsRef<str>>(items: &[(&str, &str, &str, S)]) -> Route {
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
pub fn article(person: &str) -> Route {
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
pub fn index_page() -> Route {
    let links = (0..40)
        .map(|i| format!("<li><a href=\"/s{i}\">Story {i}</a></li>"))
        .collect::<String>();
    Route::ok(
        format!("<html><body><ul>{links}</ul></body></html>"),
        "text/html",
    )
}

pub fn fetch(store: &mut Store) -> FetchReport {
    let feeds = store.feeds().unwrap();
    fetch_feeds(store, feeds, &options(), &mut |_| {}).unwrap()
}

/// Requests the server saw for each of `paths`, in order.
pub fn counts(server: &FeedServer, paths: &[&str]) -> Vec<usize> {
    paths.iter().map(|p| server.requests(p).len()).collect()
}

pub fn full_text_store(server: &FeedServer) -> (tempfile::TempDir, Store) {
    let (dir, store) = store();
    let (id, _) = store
        .add_feed("Harbour Wire", &server.url("/feed"), &[])
        .unwrap();
    store.set_feed_full_text(id, true).unwrap();
    (dir, store)
}

/// The stored article titled `title`: (body text, summary only).
pub fn body(store: &Store, title: &str) -> (String, bool) {
    let row = rows(store, "")
        .into_iter()
        .find(|r| r.title == title)
        .unwrap_or_else(|| panic!("no article {title}"));
    let article = store.article(row.id).unwrap().unwrap();
    let text: Vec<String> = article.body.iter().map(|b| b.text.clone()).collect();
    (text.join("\n"), article.summary_only)
}
