//! Test support for the fetch layer: a raw HTTP/1.1 server on 127.0.0.1 that records what it
//! was asked and answers with whatever a test's handler says, byte for byte.

mod body;
mod errors;
mod get;
mod pool;
mod redirects;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use super::{Client, HttpSettings};

/// One request as the server saw it. Header names are lower-cased.
#[derive(Debug, Clone)]
pub(super) struct Seen {
    pub path: String,
    pub headers: Vec<(String, String)>,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What the handler answers. `Content-Length` is added unless `close_delimited` is set, in which
/// case the body simply runs until the connection closes.
pub(super) struct Reply {
    pub code: u16,
    pub headers: Vec<(String, Vec<u8>)>,
    pub body: Vec<u8>,
    pub close_delimited: bool,
}

impl Reply {
    pub fn new(code: u16) -> Self {
        Reply {
            code,
            headers: Vec::new(),
            body: Vec::new(),
            close_delimited: false,
        }
    }

    pub fn header(mut self, name: &str, value: impl AsRef<[u8]>) -> Self {
        self.headers
            .push((name.to_string(), value.as_ref().to_vec()));
        self
    }

    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }
}

type Handler = dyn Fn(&Seen) -> Reply + Send + Sync;

/// A server on an ephemeral port of 127.0.0.1, one thread per connection, every reply closing
/// its connection. It lives until the test process ends.
pub(super) struct Server {
    pub port: u16,
    seen: Arc<Mutex<Vec<Seen>>>,
    connections: Arc<AtomicUsize>,
}

impl Server {
    pub fn start(handler: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(AtomicUsize::new(0));
        let handler: Arc<Handler> = Arc::new(handler);
        let (seen2, connections2) = (seen.clone(), connections.clone());
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                connections2.fetch_add(1, Ordering::SeqCst);
                let (handler, seen) = (handler.clone(), seen2.clone());
                thread::spawn(move || answer(stream, &*handler, &seen));
            }
        });
        Server {
            port,
            seen,
            connections,
        }
    }

    /// A server answering every request with the same reply.
    pub fn fixed(make: impl Fn() -> Reply + Send + Sync + 'static) -> Server {
        Server::start(move |_| make())
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{}", self.port, path)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

fn answer(stream: TcpStream, handler: &Handler, seen: &Mutex<Vec<Seen>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let Some(request) = read_request(&mut reader) else {
        return;
    };
    seen.lock().unwrap().push(request.clone());
    let reply = handler(&request);
    let mut out = format!("HTTP/1.1 {} Whatever\r\nConnection: close\r\n", reply.code).into_bytes();
    for (name, value) in &reply.headers {
        out.extend_from_slice(format!("{name}: ").as_bytes());
        out.extend_from_slice(value);
        out.extend_from_slice(b"\r\n");
    }
    if !reply.close_delimited {
        out.extend_from_slice(format!("Content-Length: {}\r\n", reply.body.len()).as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    let mut stream = stream;
    // The client may hang up early (a body over the cap): that is not the server's failure.
    let _ = stream.write_all(&out);
    let _ = stream.write_all(&reply.body);
}

fn read_request(reader: &mut impl BufRead) -> Option<Seen> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let path = line.split_whitespace().nth(1)?.to_string();
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line).ok()?;
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            return Some(Seen { path, headers });
        }
        let (name, value) = trimmed.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
}

/// A listener that accepts connections and never answers, holding them open.
pub(super) fn silent_server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    port
}

/// A port nothing listens on: bound, then released.
pub(super) fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// Test settings: short timeouts, and no proxy from the environment.
pub(super) fn settings() -> HttpSettings {
    HttpSettings {
        connect_timeout: Duration::from_secs(2),
        timeout: Duration::from_secs(5),
        proxy_from_env: false,
        ..HttpSettings::default()
    }
}

pub(super) fn client() -> Client {
    Client::new(settings())
}
