//! `FetchError`: why a fetch failed, in words a status line can show, and the mapping from
//! ureq's transport errors to those words.

use std::io;
use std::time::Duration;

use thiserror::Error;

use crate::text::sanitize;

/// Why one GET failed. Every string inside came through [`sanitize`], so `Display` is safe to
/// print as is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FetchError {
    /// The URL could not be parsed, or a redirect had no usable target.
    #[error("bad URL: {0}")]
    BadUrl(String),
    /// Only `http` and `https` are fetched, at the start and at every redirect hop.
    #[error("not an HTTP URL (scheme {scheme})")]
    NotHttp { scheme: String },
    #[error("DNS lookup failed for {host}")]
    Dns { host: String },
    #[error("connection refused")]
    Refused,
    /// `after` is the limit that ran out: the connect timeout or the whole-request timeout.
    #[error("timed out after {}", seconds(*after))]
    Timeout { after: Duration },
    #[error("TLS error: {0}")]
    Tls(String),
    /// The body, after decompression, went over the cap (checked while reading).
    #[error("too large: over {}", bytes(*limit))]
    TooLarge { limit: u64 },
    #[error("too many redirects (more than {limit})")]
    TooManyRedirects { limit: u32 },
    /// A non-2xx status other than 304 and 410. `retry_after` is the server's `Retry-After`,
    /// capped to a week.
    #[error("HTTP {code}{}", reason(*code))]
    Status {
        code: u16,
        retry_after: Option<Duration>,
    },
    /// 410: the feed is gone for good; the caller may stop polling it.
    #[error("HTTP 410 Gone")]
    Gone,
    /// Any other transport or protocol failure, including a body that would not decompress.
    #[error("{0}")]
    Io(String),
}

impl FetchError {
    /// How long the server asked us to wait before trying again, if it said.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            FetchError::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// An error message from a library or a server, made safe to print.
    pub(super) fn io(message: impl std::fmt::Display) -> Self {
        FetchError::Io(sanitize(&message.to_string()))
    }
}

/// The limits a transport error is described with.
pub(super) struct Limits {
    pub connect_timeout: Duration,
    pub timeout: Duration,
    pub max_body_bytes: u64,
}

/// Maps a ureq error for a request to `host` into our words.
pub(super) fn from_ureq(err: ureq::Error, host: &str, limits: &Limits) -> FetchError {
    use ureq::Error as E;
    match err {
        E::HostNotFound => FetchError::Dns {
            host: sanitize(host),
        },
        E::Timeout(ureq::Timeout::Connect) => FetchError::Timeout {
            after: limits.connect_timeout,
        },
        E::Timeout(_) => FetchError::Timeout {
            after: limits.timeout,
        },
        E::BodyExceedsLimit(_) => FetchError::TooLarge {
            limit: limits.max_body_bytes,
        },
        E::Io(e) => from_io(&e, host, limits),
        E::Tls(m) => FetchError::Tls(sanitize(m)),
        E::Rustls(e) => FetchError::Tls(sanitize(&e.to_string())),
        E::Pem(e) => FetchError::Tls(sanitize(&format!("{e:?}"))),
        E::BadUri(m) => FetchError::BadUrl(sanitize(&m)),
        // The http crate refused the URL as a request target.
        E::Http(e) => FetchError::BadUrl(sanitize(&e.to_string())),
        E::Decompress(kind, e) => {
            FetchError::io(format!("could not decompress the {kind} body: {e}"))
        }
        E::LargeResponseHeader(..) => FetchError::io("response headers too large"),
        E::Protocol(e) => FetchError::io(format!("HTTP protocol error: {e}")),
        other => FetchError::io(other),
    }
}

fn from_io(e: &io::Error, host: &str, limits: &Limits) -> FetchError {
    match e.kind() {
        io::ErrorKind::ConnectionRefused => FetchError::Refused,
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => FetchError::Timeout {
            after: limits.timeout,
        },
        // std reports a failed getaddrinfo as an uncategorized error; its message is the only
        // sign that the name, not the connection, failed.
        _ if e.to_string().contains("lookup address") => FetchError::Dns {
            host: sanitize(host),
        },
        io::ErrorKind::UnexpectedEof => FetchError::io("connection closed before the reply ended"),
        io::ErrorKind::ConnectionReset => FetchError::io("connection reset"),
        _ => FetchError::io(e),
    }
}

/// " Not Found" for 404: the standard phrase, never the server's (it could say anything).
fn reason(code: u16) -> String {
    ureq::http::StatusCode::from_u16(code)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|r| format!(" {r}"))
        .unwrap_or_default()
}

/// "30 s", "1.5 s", "250 ms".
pub(super) fn seconds(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else if d < Duration::from_secs(1) {
        format!("{} ms", d.as_millis())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// "16 MiB", "64 KiB", "1000 bytes".
pub(super) fn bytes(n: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    if n >= MIB && n % MIB == 0 {
        format!("{} MiB", n / MIB)
    } else if n >= KIB && n % KIB == 0 {
        format!("{} KiB", n / KIB)
    } else {
        format!("{n} bytes")
    }
}
