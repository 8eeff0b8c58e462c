//! The fetch bench's feed server, run as its own process (the bench binary with `--serve`): a
//! measured child's peak RSS (`wait4`) starts at its parent's peak at fork, so the parent holds
//! no feeds. One tiny_http listener per host address `127.0.0.N` (all of 127/8 is loopback on
//! Linux), feed `f` on host `f % hosts`. Every feed request waits `delay` before its answer,
//! which carries `ETag` and `Last-Modified`; a matching `If-None-Match` (or, without one, an
//! `If-Modified-Since` not older than the feed) gets `304`. `GET /_stats` on the first host
//! answers at once with the counters (and is not counted).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::Arc;
use std::time::Duration;

use chrono::DateTime;
use tiny_http::{Header, Request, Response, Server};

use super::feeds::{generate, FeedDoc};
use crate::common::corpus::{Corpus, SEED};

/// What the server saw; counters only grow, except `max_in_flight`, reset by each read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub requests: u64,
    pub conditional: u64,
    pub not_modified: u64,
    pub bytes: u64,
    pub max_in_flight: u64,
}

impl Snapshot {
    /// What happened between `before` and `self`.
    pub fn since(&self, before: &Snapshot) -> Snapshot {
        Snapshot {
            requests: self.requests - before.requests,
            conditional: self.conditional - before.conditional,
            not_modified: self.not_modified - before.not_modified,
            bytes: self.bytes - before.bytes,
            max_in_flight: self.max_in_flight,
        }
    }
}

#[derive(Default)]
struct Stats {
    requests: AtomicU64,
    conditional: AtomicU64,
    not_modified: AtomicU64,
    bytes: AtomicU64,
    in_flight: AtomicU64,
    max_in_flight: AtomicU64,
}

/// The shape of the served set: feeds, items per feed, hosts, delay per request.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub feeds: usize,
    pub items: usize,
    pub hosts: usize,
    pub delay_ms: u64,
}

/// The server process as the bench sees it: feed (title, URL) pairs and the stats address.
pub struct Remote {
    child: Child,
    pub feeds: Vec<(String, String)>,
    pub feed_bytes: u64,
    stats_addr: String,
}

impl Remote {
    /// Starts `exe --serve ...` and reads its feed list.
    pub fn start(exe: &std::path::Path, shape: Shape) -> std::io::Result<Remote> {
        let mut child = Command::new(exe)
            .arg("--serve")
            .arg(format!("--feeds={}", shape.feeds))
            .arg(format!("--items={}", shape.items))
            .arg(format!("--hosts={}", shape.hosts))
            .arg(format!("--delay-ms={}", shape.delay_ms))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let out = child.stdout.take().ok_or(std::io::ErrorKind::BrokenPipe)?;
        let (mut feeds, mut feed_bytes, mut stats_addr) = (Vec::new(), 0, String::new());
        for line in BufReader::new(out).lines() {
            let line = line?;
            let mut parts = line.split('\t');
            match (parts.next(), parts.next(), parts.next()) {
                (Some("feed"), Some(title), Some(url)) => feeds.push((title.into(), url.into())),
                (Some("bytes"), Some(n), _) => feed_bytes = n.parse().unwrap_or(0),
                (Some("stats"), Some(addr), _) => stats_addr = addr.into(),
                (Some("ready"), _, _) => break,
                _ => {}
            }
        }
        if stats_addr.is_empty() {
            return Err(std::io::Error::other("the feed server did not start"));
        }
        Ok(Remote {
            child,
            feeds,
            feed_bytes,
            stats_addr,
        })
    }

    /// The server's counters now.
    pub fn stats(&self) -> std::io::Result<Snapshot> {
        let mut stream = TcpStream::connect(&self.stats_addr)?;
        stream.write_all(b"GET /_stats HTTP/1.0\r\nHost: bench\r\n\r\n")?;
        let mut text = String::new();
        stream.read_to_string(&mut text)?;
        let body = text.split("\r\n\r\n").nth(1).unwrap_or("");
        let n: Vec<u64> = body
            .split_whitespace()
            .filter_map(|v| v.parse().ok())
            .collect();
        match n[..] {
            [requests, conditional, not_modified, bytes, max_in_flight] => Ok(Snapshot {
                requests,
                conditional,
                not_modified,
                bytes,
                max_in_flight,
            }),
            _ => Err(std::io::Error::other(format!("bad stats answer: {body:?}"))),
        }
    }

    /// Closes the server's stdin (it exits on EOF) and reaps it.
    pub fn stop(mut self) -> std::io::Result<()> {
        drop(self.child.stdin.take());
        self.child.wait().map(|_| ())
    }
}

/// The `--serve` process: generates the feeds, listens, prints them, serves until stdin closes.
pub fn serve(shape: Shape) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let corpus = Corpus::new(SEED);
    let docs = generate(&corpus, shape.feeds, shape.items);
    let hosts = shape.hosts.clamp(1, 254).min(shape.feeds.max(1));
    let stats = Arc::new(Stats::default());
    let delay = Duration::from_millis(shape.delay_ms);
    let mut out = std::io::stdout().lock();
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    writeln!(out, "bytes\t{bytes}")?;
    let mut by_host: Vec<HashMap<String, FeedDoc>> = (0..hosts).map(|_| HashMap::new()).collect();
    let mut urls = Vec::new();
    for (f, doc) in docs.into_iter().enumerate() {
        urls.push((f % hosts, doc.title.clone(), doc.path.clone()));
        by_host[f % hosts].insert(doc.path.clone(), doc);
    }
    let mut addrs = Vec::new();
    for (h, docs) in by_host.into_iter().enumerate() {
        let server = Server::http(format!("127.0.0.{}:0", h + 1))?;
        let addr = server.server_addr().to_ip().ok_or("not an IP listener")?;
        addrs.push(addr);
        let (docs, stats) = (Arc::new(docs), Arc::clone(&stats));
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let (docs, stats) = (Arc::clone(&docs), Arc::clone(&stats));
                std::thread::spawn(move || answer(request, &docs, &stats, delay));
            }
        });
    }
    for (h, title, path) in urls {
        writeln!(out, "feed\t{title}\thttp://{}{path}", addrs[h])?;
    }
    writeln!(out, "stats\t{}\nready", addrs[0])?;
    out.flush()?;
    drop(out);
    // serve until the bench closes our stdin (or dies)
    std::io::copy(&mut std::io::stdin().lock(), &mut std::io::sink())?;
    Ok(())
}

fn header<'a>(request: &'a Request, name: &'static str) -> Option<&'a str> {
    let header = request.headers().iter().find(|h| h.field.equiv(name))?;
    Some(header.value.as_str())
}

fn answer(request: Request, docs: &HashMap<String, FeedDoc>, stats: &Stats, delay: Duration) {
    if request.url() == "/_stats" {
        let max = stats.max_in_flight.swap(0, Relaxed);
        let body = format!(
            "{} {} {} {} {max}\n",
            stats.requests.load(Relaxed),
            stats.conditional.load(Relaxed),
            stats.not_modified.load(Relaxed),
            stats.bytes.load(Relaxed)
        );
        let _ = request.respond(Response::from_string(body));
        return;
    }
    stats.requests.fetch_add(1, Relaxed);
    let now = stats.in_flight.fetch_add(1, Relaxed) + 1;
    stats.max_in_flight.fetch_max(now, Relaxed);
    std::thread::sleep(delay);
    // out of flight once the wait is over: the answer itself is a write to loopback
    stats.in_flight.fetch_sub(1, Relaxed);
    let if_none_match = header(&request, "If-None-Match");
    let if_modified_since = header(&request, "If-Modified-Since");
    if if_none_match.is_some() || if_modified_since.is_some() {
        stats.conditional.fetch_add(1, Relaxed);
    }
    let Some(doc) = docs.get(request.url()) else {
        let _ = request.respond(Response::empty(404));
        return;
    };
    let fresh = match (if_none_match, if_modified_since) {
        (Some(tags), _) => tags
            .split(',')
            .any(|t| t.trim() == doc.etag || t.trim() == "*"),
        (None, Some(since)) => match (
            DateTime::parse_from_rfc2822(since),
            DateTime::parse_from_rfc2822(&doc.last_modified),
        ) {
            (Ok(since), Ok(modified)) => since >= modified,
            _ => false,
        },
        (None, None) => false,
    };
    let validators = [
        Header::from_bytes(&b"ETag"[..], doc.etag.as_bytes()),
        Header::from_bytes(&b"Last-Modified"[..], doc.last_modified.as_bytes()),
    ];
    let validators = validators.into_iter().flatten();
    let _ = if fresh {
        stats.not_modified.fetch_add(1, Relaxed);
        let mut response = Response::empty(304);
        validators.for_each(|h| response.add_header(h));
        request.respond(response)
    } else {
        stats.bytes.fetch_add(doc.body.len() as u64, Relaxed);
        let mut response = Response::from_data(doc.body.clone());
        validators.for_each(|h| response.add_header(h));
        if let Ok(h) = Header::from_bytes(&b"Content-Type"[..], &b"application/rss+xml"[..]) {
            response.add_header(h);
        }
        request.respond(response)
    };
}
