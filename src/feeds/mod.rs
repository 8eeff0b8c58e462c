//! Feeds in the core: recognising feed files, parsing RSS, Atom and JSON Feed into articles,
//! OPML subscription lists, and fetching subscriptions into the store.

pub mod charset;
pub mod discover;
pub mod fetched;
pub mod fulltext;
pub mod item;
pub mod opml;
pub mod page_text;

pub mod parse;
pub mod refresh;
pub mod sniff;
pub mod subscribe;

pub use item::ItemDoc;
pub use page_text::PageText;
pub use parse::{parse_feed, FeedError, ParsedFeed};
pub use refresh::{
    due_feeds, fetch_feeds, fetch_feeds_and_pages, FeedOutcome, FeedReport, FetchOptions,
    FetchReport,
};
pub use sniff::{sniff, Kind};
pub use subscribe::{subscribe, SubscribeError, Subscribed};
