//! byline's core: the article model, import parsers, people extraction, the query language, the
//! SQLite store, the HTTP layer that fetches feeds, and web pages made into articles. Nothing
//! here touches a terminal; the reader lives behind the `tui` feature.

pub mod feeds;
pub mod fetch;
pub mod html;
pub mod importer;
pub mod ingest;
pub mod links;
pub mod model;
pub mod paths;
pub mod people;
pub mod query;
pub mod samples;
pub mod store;
pub mod text;
pub mod web;

#[cfg(feature = "tui")]
pub mod tui;
