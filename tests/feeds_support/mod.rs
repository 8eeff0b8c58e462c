//! A feed server for tests: tiny_http on 127.0.0.1 with routes a test can change between
//! fetches, conditional GET by ETag, and a log of every request's path and headers.

#![allow(dead_code)]

pub mod pages;
pub mod store;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// One path's reply.
#[derive(Clone, Debug)]
pub struct Route {
    pub status: u16,
    pub body: Vec<u8>,
    pub headers: Vec<(String, String)>,
    /// Served as an ETag; a request whose If-None-Match matches gets a 304.
    pub etag: Option<String>,
    /// Never answer (the connection is held open until the server stops).
    pub hang: bool,
    /// How long the answer takes.
    pub delay: Duration,
}

impl Route {
    pub fn ok(body: impl Into<Vec<u8>>, content_type: &str) -> Route {
        Route {
            status: 200,
            body: body.into(),
            headers: vec![("Content-Type".into(), content_type.into())],
            etag: None,
            hang: false,
            delay: Duration::ZERO,
        }
    }

    pub fn rss(body: &str) -> Route {
        Route::ok(body, "application/rss+xml; charset=utf-8")
    }

    pub fn status(status: u16) -> Route {
        Route {
            status,
            body: format!("status {status}").into_bytes(),
            headers: Vec::new(),
            etag: None,
            hang: false,
            delay: Duration::ZERO,
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Route {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn etag(mut self, etag: &str) -> Route {
        self.etag = Some(etag.into());
        self
    }

    /// Answers after `delay`.
    pub fn slow(mut self, delay: Duration) -> Route {
        self.delay = delay;
        self
    }

    /// Never answers.
    pub fn hang(mut self) -> Route {
        self.hang = true;
        self
    }
}

/// A request the server saw.
#[derive(Clone, Debug)]
pub struct Seen {
    pub path: String,
    pub headers: HashMap<String, String>,
    /// When the request arrived.
    pub at: std::time::Instant,
}

pub struct FeedServer {
    pub base: String,
    routes: Arc<Mutex<HashMap<String, Route>>>,
    seen: Arc<Mutex<Vec<Seen>>>,
    busy: Arc<Busy>,
}

/// Requests being answered now, and the most there ever were at once.
#[derive(Default)]
struct Busy {
    now: AtomicUsize,
    most: AtomicUsize,
}

impl FeedServer {
    pub fn start() -> FeedServer {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1");
        let base = format!("http://{}", server.server_addr());
        let routes: Arc<Mutex<HashMap<String, Route>>> = Arc::default();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let busy: Arc<Busy> = Arc::default();
        let (r, s, b) = (routes.clone(), seen.clone(), busy.clone());
        thread::spawn(move || {
            for request in server.incoming_requests() {
                let (r, s, b) = (r.clone(), s.clone(), b.clone());
                thread::spawn(move || {
                    let now = b.now.fetch_add(1, Ordering::SeqCst) + 1;
                    b.most.fetch_max(now, Ordering::SeqCst);
                    answer(request, &r, &s);
                    b.now.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
        FeedServer {
            base,
            routes,
            seen,
            busy,
        }
    }

    /// The most requests the server was ever answering at once (a hanging one counts until
    /// it gives up).
    pub fn most_at_once(&self) -> usize {
        self.busy.most.load(Ordering::SeqCst)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn route(&self, path: &str, route: Route) {
        self.routes.lock().unwrap().insert(path.to_string(), route);
    }

    pub fn requests(&self, path: &str) -> Vec<Seen> {
        let seen = self.seen.lock().unwrap();
        seen.iter().filter(|s| s.path == path).cloned().collect()
    }
}

fn answer(
    request: tiny_http::Request,
    routes: &Mutex<HashMap<String, Route>>,
    seen: &Mutex<Vec<Seen>>,
) {
    let path = request.url().to_string();
    let headers: HashMap<String, String> = request
        .headers()
        .iter()
        .map(|h| {
            (
                h.field.as_str().as_str().to_ascii_lowercase(),
                h.value.to_string(),
            )
        })
        .collect();
    let if_none_match = headers.get("if-none-match").cloned();
    seen.lock().unwrap().push(Seen {
        path: path.clone(),
        headers,
        at: std::time::Instant::now(),
    });
    let route = routes.lock().unwrap().get(&path).cloned();
    let Some(route) = route else {
        let _ =
            request.respond(tiny_http::Response::from_string("no such feed").with_status_code(404));
        return;
    };
    if route.hang {
        thread::sleep(Duration::from_secs(30));
        return;
    }
    thread::sleep(route.delay);
    let not_modified = route.etag.is_some() && route.etag == if_none_match;
    let (status, body) = match not_modified {
        true => (304, Vec::new()),
        false => (route.status, route.body.clone()),
    };
    let mut response = tiny_http::Response::from_data(body).with_status_code(status);
    let mut headers = route.headers.clone();
    headers.extend(route.etag.map(|e| ("ETag".to_string(), e)));
    for (name, value) in &headers {
        if let Ok(header) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    let _ = request.respond(response);
}

/// An RSS 2.0 feed with `items` of (guid, title, body HTML, pubDate or "").
pub fn rss(title: &str, items: &[(&str, &str, &str, &str)]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>{title}</title><link>https://site.example.org/</link>\n"
    );
    for (guid, title, body, date) in items {
        out.push_str("<item>");
        if !guid.is_empty() {
            out.push_str(&format!("<guid isPermaLink=\"false\">{guid}</guid>"));
        }
        out.push_str(&format!(
            "<title>{title}</title><link>https://site.example.org/{}</link>",
            title.to_lowercase().replace(' ', "-")
        ));
        if !date.is_empty() {
            out.push_str(&format!("<pubDate>{date}</pubDate>"));
        }
        out.push_str(&format!(
            "<description><![CDATA[{body}]]></description></item>\n"
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}

/// `../shared/data/feeds/REL` when it is there; else `None`, saying the test is skipped (a
/// user's clone has no `../shared`).
pub fn shared_feeds(rel: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/feeds")
        .join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipped: {} is absent (../shared is not part of a user's clone)",
            path.display()
        );
        None
    }
}
