//! One polite GET: conditional (ETag / Last-Modified), redirects followed by hand (http and https
//! only, permanent moves reported), a body cap enforced while decompressing, statuses as errors.

use std::time::{Duration, Instant};

use ureq::http::{HeaderValue, Response};
use ureq::{Agent, Body};
use url::Url;

use super::error::{from_ureq, Limits};
use super::{headers, FetchError, PROJECT_URL};

/// How every request behaves. One [`Client`] is built from it and shared by all fetches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpSettings {
    /// Limit on setting up a connection (DNS, TCP, TLS).
    pub connect_timeout: Duration,
    /// Limit on the whole fetch: every redirect hop and the whole body.
    pub timeout: Duration,
    /// Redirects followed before giving up with [`FetchError::TooManyRedirects`].
    pub max_redirects: u32,
    /// Cap on the body after decompression, so a gzip bomb stops here.
    pub max_body_bytes: u64,
    pub user_agent: String,
    /// Honour `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` and `NO_PROXY`, as users behind a proxy
    /// expect. Tests turn it off so a proxy in the environment never sees 127.0.0.1.
    pub proxy_from_env: bool,
}

impl Default for HttpSettings {
    fn default() -> Self {
        HttpSettings {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_redirects: 5,
            max_body_bytes: 16 * 1024 * 1024,
            user_agent: format!("byline/{} (+{})", env!("CARGO_PKG_VERSION"), PROJECT_URL),
            proxy_from_env: true,
        }
    }
}

/// What the last fetch of a feed said about its version, sent back to ask "changed since?".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A 2xx reply read in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// Decompressed, at most `max_body_bytes` long.
    pub body: Vec<u8>,
    pub content_type: Option<String>,
    /// The reply's validators, to store for the next conditional GET.
    pub validators: Validators,
    /// Where the body came from after every redirect.
    pub final_url: String,
    /// Set only when an unbroken chain of permanent redirects (301/308) from the requested URL
    /// led here: the URL the caller should store instead. A temporary redirect (302/303/307)
    /// ends the chain; `moved_to` is then the last URL reached permanently, if any.
    pub moved_to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Fetched(Fetched),
    /// 304: nothing changed. `validators` are the ones the 304 carried, each falling back to the
    /// one that was sent.
    NotModified {
        validators: Validators,
        moved_to: Option<String>,
    },
}

/// A ureq agent configured from [`HttpSettings`]: no automatic redirects, statuses left to us,
/// explicit timeouts, our User-Agent, gzip and brotli accepted, no cookies (the feature is off).
#[derive(Debug, Clone)]
pub struct Client {
    agent: Agent,
    settings: HttpSettings,
}

impl Client {
    pub fn new(settings: HttpSettings) -> Self {
        let proxy = if settings.proxy_from_env {
            ureq::Proxy::try_from_env()
        } else {
            None
        };
        let config = Agent::config_builder()
            .max_redirects(0)
            .max_redirects_will_error(false)
            .http_status_as_error(false)
            .timeout_connect(Some(settings.connect_timeout))
            .timeout_global(Some(settings.timeout))
            .user_agent(settings.user_agent.as_str())
            .proxy(proxy)
            .build();
        Client {
            agent: Agent::new_with_config(config),
            settings,
        }
    }

    pub fn settings(&self) -> &HttpSettings {
        &self.settings
    }

    /// Fetches `url`, following redirects; see [`get`].
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Outcome, FetchError> {
        let deadline = Instant::now() + self.settings.timeout;
        let mut current = headers::http_url(url)?;
        let mut moves = Moves::default();
        loop {
            let response = self.send(&current, validators, deadline)?;
            let code = response.status().as_u16();
            match code {
                301 | 302 | 303 | 307 | 308 => {
                    if moves.hops == self.settings.max_redirects {
                        return Err(FetchError::TooManyRedirects {
                            limit: self.settings.max_redirects,
                        });
                    }
                    current = next_hop(&current, &response)?;
                    moves.record(code, &current);
                }
                304 => return Ok(not_modified(&response, validators, moves.moved_to)),
                200..=299 => return self.read(response, current, moves.moved_to),
                410 => return Err(FetchError::Gone),
                _ => return Err(status_error(&response)),
            }
        }
    }

    /// One request, with the validators and whatever is left of the whole-fetch deadline.
    fn send(
        &self,
        url: &Url,
        validators: &Validators,
        deadline: Instant,
    ) -> Result<Response<Body>, FetchError> {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(FetchError::Timeout {
                after: self.settings.timeout,
            });
        }
        let mut request = self
            .agent
            .get(url.as_str())
            .config()
            .timeout_global(Some(left))
            .build();
        // A stored validator that is not a valid header value is dropped, not sent broken: the
        // fetch just becomes unconditional.
        let conditions = [
            ("If-None-Match", &validators.etag),
            ("If-Modified-Since", &validators.last_modified),
        ];
        for (name, value) in conditions {
            if let Some(value) = value.as_deref().and_then(|v| HeaderValue::from_str(v).ok()) {
                request = request.header(name, value);
            }
        }
        request
            .call()
            .map_err(|e| from_ureq(e, url.host_str().unwrap_or(""), &self.limits()))
    }

    /// Reads a 2xx body under the cap.
    fn read(
        &self,
        response: Response<Body>,
        final_url: Url,
        moved_to: Option<String>,
    ) -> Result<Outcome, FetchError> {
        let limit = self.settings.max_body_bytes;
        let found = response.headers();
        let content_type = headers::text(found, "content-type");
        let validators = Validators {
            etag: headers::text(found, "etag"),
            last_modified: headers::text(found, "last-modified"),
        };
        // An uncompressed body announced over the cap is refused before reading a byte of it.
        let identity = headers::text(found, "content-encoding").is_none();
        if identity && response.body().content_length().is_some_and(|n| n > limit) {
            return Err(FetchError::TooLarge { limit });
        }
        let host = final_url.host_str().unwrap_or("").to_string();
        let body = response
            .into_body()
            .into_with_config()
            .limit(limit)
            .read_to_vec()
            .map_err(|e| from_ureq(e, &host, &self.limits()))?;
        Ok(Outcome::Fetched(Fetched {
            body,
            content_type,
            validators,
            final_url: final_url.to_string(),
            moved_to,
        }))
    }

    fn limits(&self) -> Limits {
        Limits {
            connect_timeout: self.settings.connect_timeout,
            timeout: self.settings.timeout,
            max_body_bytes: self.settings.max_body_bytes,
        }
    }
}

/// Fetches `url` with one request per hop: `If-None-Match`/`If-Modified-Since` from `validators`,
/// redirects followed by hand up to `max_redirects` (each target checked to be http or https),
/// a 304 returned as [`Outcome::NotModified`] without retrying, any other non-2xx as an error.
pub fn get(client: &Client, url: &str, validators: &Validators) -> Result<Outcome, FetchError> {
    client.get(url, validators)
}

/// The redirects followed so far, and how far the permanent ones reach.
#[derive(Default)]
struct Moves {
    hops: u32,
    /// Set once a temporary redirect was followed: later permanent ones no longer move the feed.
    temporary_seen: bool,
    moved_to: Option<String>,
}

impl Moves {
    fn record(&mut self, code: u16, target: &Url) {
        self.hops += 1;
        if matches!(code, 301 | 308) && !self.temporary_seen {
            self.moved_to = Some(target.to_string());
        } else {
            self.temporary_seen = true;
        }
    }
}

/// Where a redirect points, resolved against the URL that sent it.
fn next_hop(current: &Url, response: &Response<Body>) -> Result<Url, FetchError> {
    let location = headers::text(response.headers(), "location").ok_or_else(|| {
        FetchError::BadUrl(format!(
            "HTTP {} redirect without a Location",
            response.status().as_u16()
        ))
    })?;
    headers::redirect_target(current, &location)
}

fn not_modified(response: &Response<Body>, sent: &Validators, moved_to: Option<String>) -> Outcome {
    let found = response.headers();
    let validators = Validators {
        etag: headers::text(found, "etag").or_else(|| sent.etag.clone()),
        last_modified: headers::text(found, "last-modified").or_else(|| sent.last_modified.clone()),
    };
    Outcome::NotModified {
        validators,
        moved_to,
    }
}

fn status_error(response: &Response<Body>) -> FetchError {
    let retry_after = headers::text(response.headers(), "retry-after")
        .and_then(|v| headers::retry_after(&v, chrono::Utc::now()));
    FetchError::Status {
        code: response.status().as_u16(),
        retry_after,
    }
}
