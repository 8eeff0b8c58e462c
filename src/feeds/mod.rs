//! Feeds in the core: recognising feed files, parsing RSS, Atom and JSON Feed into articles,
//! OPML subscription lists, and fetching subscriptions into the store.

pub mod charset;
pub mod item;
pub mod opml;

pub mod parse;
pub mod sniff;

pub use item::ItemDoc;
pub use parse::{parse_feed, FeedError, ParsedFeed};
pub use sniff::{sniff, Kind};
