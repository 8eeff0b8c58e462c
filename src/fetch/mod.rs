//! The core's HTTP layer for feeds: one polite conditional GET ([`get`]) and a bounded worker pool
//! with a per-host limit ([`pool::run`]). Terminal-free; every server string leaves sanitized.

mod error;
mod headers;
mod http;
pub mod pool;

pub use error::FetchError;
pub use http::{get, Client, Fetched, HttpSettings, Outcome, Validators};

/// The project's home page, named in the User-Agent so feed owners can find who is polling them.
pub const PROJECT_URL: &str = "https://github.com/byline-reader/byline";

#[cfg(test)]
mod tests;
