//! Reading what a server sent: header values (sanitized), `Retry-After`, and URL checks for the
//! start URL and every redirect target (http and https only).

use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use ureq::http::HeaderMap;
use url::Url;

use super::FetchError;
use crate::text::sanitize;

/// A server may ask for a long pause, but not for longer than this.
pub(super) const MAX_RETRY_AFTER: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// A header's value as sanitized text; `None` if absent or empty. Bytes that are not UTF-8 become
/// U+FFFD rather than failing the fetch.
pub(super) fn text(headers: &HeaderMap, name: &str) -> Option<String> {
    let raw = headers.get(name)?;
    let value = sanitize(String::from_utf8_lossy(raw.as_bytes()).trim());
    (!value.is_empty()).then_some(value)
}

/// Parses a URL and refuses every scheme but http and https, before anything connects.
pub(super) fn http_url(url: &str) -> Result<Url, FetchError> {
    let parsed = Url::parse(url.trim()).map_err(|e| bad_url(url, e))?;
    check_http(parsed)
}

/// Resolves a `Location` value against the URL that sent it, then applies the same checks.
pub(super) fn redirect_target(base: &Url, location: &str) -> Result<Url, FetchError> {
    let target = base.join(location).map_err(|e| bad_url(location, e))?;
    check_http(target)
}

fn check_http(url: Url) -> Result<Url, FetchError> {
    match url.scheme() {
        "http" | "https" if url.host_str().is_some_and(|h| !h.is_empty()) => Ok(url),
        "http" | "https" => Err(FetchError::BadUrl(format!(
            "{}: no host",
            sanitize(url.as_str())
        ))),
        scheme => Err(FetchError::NotHttp {
            scheme: sanitize(scheme),
        }),
    }
}

fn bad_url(url: &str, err: url::ParseError) -> FetchError {
    FetchError::BadUrl(sanitize(&format!("{url}: {err}")))
}

/// `Retry-After` as a wait from `now`: delta-seconds or an HTTP-date (a date in the past means
/// now), capped at [`MAX_RETRY_AFTER`]. `None` if the value is neither.
pub(super) fn retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let value = value.trim();
    let wait = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // An absurd number of digits still means "a long time", not "unparseable".
        Duration::from_secs(value.parse::<u64>().unwrap_or(u64::MAX))
    } else {
        let when = http_date(value)?;
        (when - now).to_std().unwrap_or(Duration::ZERO)
    };
    Some(wait.min(MAX_RETRY_AFTER))
}

/// The three HTTP-date forms of RFC 9110: IMF-fixdate, the obsolete RFC 850 form and asctime.
fn http_date(value: &str) -> Option<DateTime<Utc>> {
    if let Ok(d) = DateTime::parse_from_rfc2822(value) {
        return Some(d.with_timezone(&Utc));
    }
    ["%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(value, f).ok())
        .map(|naive| naive.and_utc())
}
