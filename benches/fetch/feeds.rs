//! The fetch bench's feeds: RSS 2.0 documents built from the benchmark corpus. Item `j` of feed
//! `f` is corpus article `f * items + j`: its headline as the title, its first paragraphs (with
//! the people they introduce) as an HTML description, its source URL as link and guid, and a
//! pubDate three hours before the previous item's. Deterministic: same seed, same bytes.

use chrono::{DateTime, Duration, TimeZone, Utc};

use crate::common::corpus::Corpus;

/// Paragraphs (and crossheads) of an article kept in an item's description.
const PARAGRAPHS: usize = 4;

/// One generated feed, as served.
pub struct FeedDoc {
    pub path: String,
    pub title: String,
    pub body: Vec<u8>,
    pub etag: String,
    pub last_modified: String,
}

/// `feeds` RSS 2.0 feeds of `items` items each.
pub fn generate(corpus: &Corpus, feeds: usize, items: usize) -> Vec<FeedDoc> {
    (0..feeds).map(|f| feed(corpus, f, items)).collect()
}

fn feed(corpus: &Corpus, f: usize, items: usize) -> FeedDoc {
    // the newest item: 2026-12-01 12:00 UTC, each feed a few minutes apart
    let newest = Utc
        .with_ymd_and_hms(2026, 12, 1, 12, 0, 0)
        .single()
        .unwrap_or_default()
        - Duration::minutes(7 * f as i64);
    let title = format!("Bench Wire {:02}", f + 1);
    let site = format!("https://wire{:02}.example/", f + 1);
    let mut xml = String::with_capacity(items * 2_400);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n");
    xml.push_str(&format!(
        "<title>{title}</title>\n<link>{site}</link>\n\
         <description>Generated benchmark feed {} (fictional stories)</description>\n\
         <language>en</language>\n<lastBuildDate>{}</lastBuildDate>\n<ttl>60</ttl>\n",
        f + 1,
        newest.to_rfc2822()
    ));
    for j in 0..items {
        let date = newest - Duration::hours(3 * j as i64);
        item(&mut xml, &corpus.article((f * items + j) as u64), date);
    }
    xml.push_str("</channel>\n</rss>\n");
    let body = xml.into_bytes();
    FeedDoc {
        path: format!("/feeds/{:02}.xml", f + 1),
        title,
        etag: format!("\"{:016x}\"", fnv1a(&body)),
        last_modified: newest.format("%a, %d %b %Y %H:%M:%S GMT").to_string(),
        body,
    }
}

/// Appends one `<item>` made from a wire-story file's text.
fn item(xml: &mut String, article: &str, date: DateTime<Utc>) {
    let mut lines = article.lines();
    let title = lines.next().unwrap_or("Untitled");
    lines.next(); // "By <Outlet> <date>"
    let mut html = String::new();
    let mut link = String::new();
    let mut kept = 0;
    for line in lines {
        if let Some(url) = line.strip_prefix("Source: ") {
            link = url.to_string();
            break;
        }
        if kept == PARAGRAPHS {
            continue;
        }
        kept += 1;
        let tag = if line.ends_with(['.', '"']) {
            "p"
        } else {
            "h3"
        };
        html.push_str(&format!("<{tag}>{}</{tag}>", escape(line)));
    }
    html.push_str(&format!(
        "<p><a href=\"{link}\">Read the <em>full</em> story</a></p>"
    ));
    xml.push_str(&format!(
        "<item>\n<title>{}</title>\n<link>{link}</link>\n<guid isPermaLink=\"true\">{link}</guid>\n\
         <pubDate>{}</pubDate>\n<description><![CDATA[{html}]]></description>\n</item>\n",
        escape(title),
        date.to_rfc2822()
    ));
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// FNV-1a, 64 bits: the ETag of a body.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The OPML list byline imports.
pub fn opml(urls: &[(String, String)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n\
         <head><title>fetch bench</title></head>\n<body>\n",
    );
    for (title, url) in urls {
        out.push_str(&format!(
            "<outline type=\"rss\" text=\"{title}\" title=\"{title}\" xmlUrl=\"{url}\"/>\n"
        ));
    }
    out.push_str("</body>\n</opml>\n");
    out
}
