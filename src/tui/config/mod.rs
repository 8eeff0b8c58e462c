//! `config.toml`: keys, colours, the browser and a few switches. Defaults come from
//! `assets/config.toml`; the user's file (any valid TOML) overrides them entry by entry, and
//! every entry that cannot be used is reported with its line while the others still apply.

mod colors;
mod keys;
mod print;
mod read;
mod report;
#[cfg(test)]
mod tests;

pub use colors::{color_name, parse_color, Colors, ROLES};

use super::keymap::Keymap;

/// The embedded defaults.
pub const DEFAULT_CONFIG: &str = include_str!("../../../assets/config.toml");

/// Everything the reader takes from configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub keymap: Keymap,
    pub colors: Colors,
    pub ascii_borders: bool,
    pub list_percent: u16,
    pub mouse: bool,
    pub hyperlinks: bool,
    /// Fetch the due feeds this often while the reader runs; `None` (0 or absent): never.
    pub fetch_interval: Option<std::time::Duration>,
    /// `[open] browser`: the program and its arguments (`%u` is the link); `None`: `$BROWSER`,
    /// then the platform opener.
    pub browser: Option<Vec<String>>,
}

impl Default for Config {
    fn default() -> Self {
        let mut config = Config {
            keymap: Keymap::default(),
            colors: Colors::default(),
            ascii_borders: false,
            list_percent: 45,
            mouse: false,
            hyperlinks: true,
            fetch_interval: None,
            browser: None,
        };
        let warnings = config.apply(DEFAULT_CONFIG, "defaults");
        debug_assert!(warnings.is_empty(), "{warnings:?}");
        config
    }
}

impl Config {
    /// Defaults overridden by `text` (the user's file, named `origin` in warnings). Every
    /// problem is one line:
    /// "config.toml line 7, column 16: list_percent must be between 20 and 80, got 95".
    pub fn load(text: Option<&str>, origin: &str) -> (Config, Vec<String>) {
        let mut config = Config::default();
        let warnings = text.map(|t| config.apply(t, origin)).unwrap_or_default();
        (config, warnings)
    }

    fn apply(&mut self, text: &str, origin: &str) -> Vec<String> {
        let mut report = report::Report::new(text, origin);
        match toml_edit::Document::parse(text) {
            Ok(doc) => read::apply(self, doc.as_table(), &mut report),
            Err(err) => report.syntax(&err),
        }
        report.finish()
    }

    /// The configuration as TOML that [`Config::load`] reads back to the same configuration.
    pub fn to_toml(&self) -> String {
        print::to_toml(self)
    }
}
