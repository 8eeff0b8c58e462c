//! HTML as article text: markup from feeds (and later pages) turned into the store's blocks,
//! with links as numbered references, bounded in size and never trusted to be well formed.

mod convert;
mod sink;

pub use convert::{strip_tags, to_blocks, HtmlText, MAX_HTML_BYTES};

#[cfg(test)]
mod tests;
