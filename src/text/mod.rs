//! Text decoding and display safety: bytes to UTF-8 (BOMs, lossy with a count) and the sanitizer
//! that makes any text safe to print on a terminal.

mod decode;
mod invisible;
mod sanitize;
pub mod tokens;

pub use decode::{decode, Decoded, Encoding};
pub use invisible::{is_invisible, is_joiner};
pub use sanitize::{sanitize, sanitize_line, TAB_WIDTH};

#[cfg(test)]
mod tests;
