//! The reader's display boundary: everything the worker hands over (rows, articles, facets,
//! saved state, error messages) passes through the sanitizer once, on the worker thread, so a
//! store that holds raw escapes (written by an older version or by hand) still cannot drive the
//! terminal. Importing sanitizes already; this is the second line, off the key-to-frame path.

use super::msg::{FacetItem, FetchEvent, Response};
use crate::store::{ArticleRow, Feed, StoredArticle, StoredPerson};
use crate::text::sanitize;

/// One line of display-safe text: escapes and controls removed, line breaks made spaces.
pub fn line(text: &str) -> String {
    let clean = sanitize(text);
    if clean.contains('\n') {
        clean.replace('\n', " ")
    } else {
        clean
    }
}

fn opt(text: Option<String>) -> Option<String> {
    text.map(|t| line(&t))
}

fn row(mut r: ArticleRow) -> ArticleRow {
    r.title = line(&r.title);
    r.source = opt(r.source);
    r.url = opt(r.url);
    r
}

fn article(mut a: StoredArticle) -> StoredArticle {
    a.row = row(a.row);
    a.byline = opt(a.byline);
    a.author = opt(a.author);
    a.origin = opt(a.origin);
    for block in &mut a.body {
        block.text = line(&block.text);
    }
    a.people = a.people.into_iter().map(person).collect();
    a
}

fn person(p: StoredPerson) -> StoredPerson {
    StoredPerson {
        name: line(&p.name),
        aliases: p.aliases.iter().map(|a| line(a)).collect(),
        mentions: p.mentions,
    }
}

fn facet(i: FacetItem) -> FacetItem {
    FacetItem {
        label: line(&i.label),
        aliases: i.aliases.iter().map(|a| line(a)).collect(),
        count: i.count,
    }
}

fn feed(mut f: Feed) -> Feed {
    f.name = line(&f.name);
    f.url = line(&f.url);
    f.site_url = opt(f.site_url);
    f.tags = f.tags.iter().map(|t| line(t)).collect();
    f.last_status = opt(f.last_status);
    f
}

fn fetch_event(event: FetchEvent) -> FetchEvent {
    match event {
        FetchEvent::Progress {
            done,
            total,
            name,
            failed,
        } => FetchEvent::Progress {
            done,
            total,
            name: line(&name),
            failed: opt(failed),
        },
        FetchEvent::Stopped(message) => FetchEvent::Stopped(line(&message)),
        other => other,
    }
}

/// `resp` with every string made display-safe.
pub fn response(resp: Response) -> Response {
    match resp {
        Response::Init {
            total,
            last_query,
            selected,
        } => Response::Init {
            total,
            last_query: opt(last_query),
            selected,
        },
        Response::Results { gen, count, pages } => Response::Results {
            gen,
            count,
            pages: pages
                .into_iter()
                .map(|(p, rows)| (p, rows.into_iter().map(row).collect()))
                .collect(),
        },
        Response::Page { gen, page, rows } => Response::Page {
            gen,
            page,
            rows: rows.into_iter().map(row).collect(),
        },
        Response::Article { id, article: a } => Response::Article {
            id,
            article: a.map(|a| Box::new(article(*a))),
        },
        Response::Prefetched { articles } => Response::Prefetched {
            articles: articles.into_iter().map(article).collect(),
        },
        Response::Facets { gen, kind, items } => Response::Facets {
            gen,
            kind,
            items: items.into_iter().map(facet).collect(),
        },
        Response::Histogram { gen, buckets } => Response::Histogram {
            gen,
            buckets: buckets.into_iter().map(|(k, n)| (line(&k), n)).collect(),
        },
        Response::Error(message) => Response::Error(line(&message)),
        Response::MarkFailed {
            id,
            read,
            starred,
            message,
        } => Response::MarkFailed {
            id,
            read,
            starred,
            message: line(&message),
        },
        Response::Feeds(feeds) => Response::Feeds(feeds.into_iter().map(feed).collect()),
        Response::Fetch(event) => Response::Fetch(fetch_event(event)),
        same @ (Response::StoreChanged { .. } | Response::FeedMarked { .. }) => same,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_lose_escapes_and_breaks() {
        assert_eq!(line("a\x1b[2Jb\x1b]0;t\x07c\nd"), "abc d");
        assert_eq!(line("x\u{202E}y\u{85}z"), "xyz");
        assert_eq!(line("Zürich 東京 مرحبا"), "Zürich 東京 مرحبا");
        assert_eq!(line("a\nb\x1bPq\x1b\\"), "a b");
    }
}
