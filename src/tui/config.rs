//! `config.toml`: keys, colours and a few switches, read line by line so every warning names its
//! line. Defaults come from `assets/config.toml`; the user's file overrides them.

use ratatui::style::Color;

use super::keymap::{Action, Key, Keymap};

/// The embedded defaults.
pub const DEFAULT_CONFIG: &str = include_str!("../../assets/config.toml");

/// Colours by role; `None` is the terminal's default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Colors {
    pub accent: Option<Color>,
    pub date: Option<Color>,
    pub source: Option<Color>,
    pub unread: Option<Color>,
    pub star: Option<Color>,
    pub person: Option<Color>,
    pub error: Option<Color>,
    pub hint: Option<Color>,
    pub chip: Option<Color>,
}

impl Colors {
    fn slot(&mut self, name: &str) -> Option<&mut Option<Color>> {
        Some(match name {
            "accent" => &mut self.accent,
            "date" => &mut self.date,
            "source" => &mut self.source,
            "unread" => &mut self.unread,
            "star" => &mut self.star,
            "person" => &mut self.person,
            "error" => &mut self.error,
            "hint" => &mut self.hint,
            "chip" => &mut self.chip,
            _ => return None,
        })
    }
}

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
        };
        let warnings = config.apply(DEFAULT_CONFIG, "defaults");
        debug_assert!(warnings.is_empty(), "{warnings:?}");
        config
    }
}

/// A value as written on the right of `=`.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Str(String),
    List(Vec<String>),
    Bool(bool),
    Int(i64),
}

impl Config {
    /// Defaults overridden by `text` (the user's file, named `origin` in warnings).
    pub fn load(text: Option<&str>, origin: &str) -> (Config, Vec<String>) {
        let mut config = Config::default();
        let warnings = text.map(|t| config.apply(t, origin)).unwrap_or_default();
        (config, warnings)
    }

    fn apply(&mut self, text: &str, origin: &str) -> Vec<String> {
        let mut warnings = Vec::new();
        let mut section = String::new();
        for (i, raw) in text.lines().enumerate() {
            let line = strip_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            let warn = |msg: String| format!("{origin} line {}: {msg}", i + 1);
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name.trim().to_string();
                if !["ui", "keys", "colors"].contains(&section.as_str()) {
                    warnings.push(warn(format!("unknown section [{section}]; ignored")));
                }
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                warnings.push(warn(format!("expected `name = value`, found `{line}`")));
                continue;
            };
            let key = key.trim().trim_matches('"');
            match parse_value(value.trim()) {
                Some(value) => {
                    if let Err(msg) = self.set(&section, key, value) {
                        warnings.push(warn(msg));
                    }
                }
                None => warnings.push(warn(format!("cannot read the value of `{key}`"))),
            }
        }
        warnings
    }

    fn set(&mut self, section: &str, key: &str, value: Value) -> Result<(), String> {
        match (section, key, value) {
            ("ui", "ascii_borders", Value::Bool(b)) => self.ascii_borders = b,
            ("ui", "mouse", Value::Bool(b)) => self.mouse = b,
            ("ui", "hyperlinks", Value::Bool(b)) => self.hyperlinks = b,
            ("ui", "list_percent", Value::Int(n)) if (20..=80).contains(&n) => {
                self.list_percent = n as u16
            }
            ("ui", "fetch_interval_minutes", Value::Int(n)) if (0..=7 * 24 * 60).contains(&n) => {
                self.fetch_interval = (n > 0).then(|| std::time::Duration::from_secs(n as u64 * 60))
            }
            ("ui", "fetch_interval_minutes", v) => {
                return Err(format!(
                    "bad value {v:?} for `{key}`: minutes from 0 (off) to 10080; fetching stays off"
                ))
            }
            ("ui", "ascii_borders" | "mouse" | "hyperlinks" | "list_percent", v) => {
                return Err(format!("bad value {v:?} for `{key}`; using the default"))
            }
            ("keys", _, value) => return self.set_key(key, value),
            ("colors", _, Value::Str(name)) => {
                let color = parse_color(&name).ok_or_else(|| {
                    format!("unknown colour `{name}` for `{key}`; using the default")
                })?;
                let slot = self
                    .colors
                    .slot(key)
                    .ok_or_else(|| format!("unknown colour name `{key}`"))?;
                *slot = color;
            }
            ("colors", _, v) => {
                return Err(format!("bad value {v:?} for `{key}`; expected a colour"))
            }
            ("ui", _, _) => return Err(format!("unknown setting `{key}` in [ui]; ignored")),
            _ => return Err(format!("`{key}` outside a known section; ignored")),
        }
        Ok(())
    }

    fn set_key(&mut self, key: &str, value: Value) -> Result<(), String> {
        let action =
            Action::from_name(key).ok_or_else(|| format!("unknown action `{key}`; ignored"))?;
        let names = match value {
            Value::Str(s) => vec![s],
            Value::List(l) => l,
            v => return Err(format!("bad value {v:?} for `{key}`; expected a key name")),
        };
        let mut keys = Vec::new();
        for name in &names {
            keys.push(
                Key::parse(name).ok_or_else(|| {
                    format!("unknown key `{name}` for `{key}`; keeping the default")
                })?,
            );
        }
        if let Some(Action::Quit) = self.keymap.would_orphan(action, &keys) {
            return Err(format!(
                "`{key}` would take every key of `quit`, leaving no way to quit; keeping the default"
            ));
        }
        self.keymap.bind(action, &keys);
        Ok(())
    }
}

/// The line without a `#` comment outside quotes.
fn strip_comment(line: &str) -> &str {
    let mut quote = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') => return &line[..i],
            _ => {}
        }
    }
    line
}

fn parse_value(text: &str) -> Option<Value> {
    match text {
        "true" => return Some(Value::Bool(true)),
        "false" => return Some(Value::Bool(false)),
        _ => {}
    }
    if let Ok(n) = text.parse::<i64>() {
        return Some(Value::Int(n));
    }
    if let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        let items: Option<Vec<String>> =
            split_list(inner).iter().map(|s| parse_string(s)).collect();
        return items.map(Value::List);
    }
    parse_string(text).map(Value::Str)
}

fn split_list(inner: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let (mut start, mut quote) = (0, None);
    for (i, c) in inner.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ',') => {
                items.push(inner[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(inner[start..].trim());
    items.retain(|s| !s.is_empty());
    items
}

fn parse_string(text: &str) -> Option<String> {
    for q in ['"', '\''] {
        if let Some(inner) = text.strip_prefix(q).and_then(|t| t.strip_suffix(q)) {
            if text.len() >= 2 {
                return Some(if q == '"' {
                    inner.replace("\\\"", "\"").replace("\\\\", "\\")
                } else {
                    inner.to_string()
                });
            }
        }
    }
    None
}

/// One of the 16 ANSI colours, or "default"; `Some(None)` means the terminal's default.
fn parse_color(name: &str) -> Option<Option<Color>> {
    let c = match name
        .to_ascii_lowercase()
        .replace(['-', '_', ' '], "")
        .as_str()
    {
        "default" | "reset" | "none" => return Some(None),
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "white" => Color::White,
        "gray" | "grey" => Color::Gray,
        "darkgray" | "darkgrey" | "brightblack" => Color::DarkGray,
        "lightred" | "brightred" => Color::LightRed,
        "lightgreen" | "brightgreen" => Color::LightGreen,
        "lightyellow" | "brightyellow" => Color::LightYellow,
        "lightblue" | "brightblue" => Color::LightBlue,
        "lightmagenta" | "brightmagenta" => Color::LightMagenta,
        "lightcyan" | "brightcyan" => Color::LightCyan,
        _ => return None,
    };
    Some(Some(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn defaults_load_without_warnings_and_bind_every_action() {
        let (config, warnings) = Config::load(None, "x");
        assert!(warnings.is_empty());
        for action in Action::ALL {
            assert!(
                !config.keymap.keys_of(*action).is_empty(),
                "{action:?} unbound"
            );
        }
    }

    #[test]
    fn a_key_that_would_leave_quit_without_keys_is_refused() {
        let quit_keys = Config::load(None, "").0.keymap.keys_of(Action::Quit);
        let list = quit_keys
            .iter()
            .map(|k| format!("{k:?}"))
            .collect::<Vec<_>>()
            .join(", ");
        let text = format!("[keys]\nfeeds = [{list}]\n");
        let (config, warnings) = Config::load(Some(&text), "config.toml");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("no way to quit"), "{warnings:?}");
        assert_eq!(config.keymap.keys_of(Action::Quit), quit_keys);
        // Taking one of quit's keys while it keeps another is the user's choice.
        if quit_keys.len() > 1 {
            let text = format!("[keys]\nfeeds = {:?}\n", quit_keys[0]);
            assert!(Config::load(Some(&text), "c").1.is_empty());
        }
    }

    #[test]
    fn user_file_overrides_and_warns_with_line_numbers() {
        let text = "[keys]\nquit = \"Q\"\nfly = \"f\"\ndown = [\"n\", \"nonsense\"]\n\n[colors]\naccent = \"pink\"\nstar = 'red' # comment\n[ui]\nascii_borders = true\nlist_percent = 99\n";
        let (config, warnings) = Config::load(Some(text), "config.toml");
        assert_eq!(warnings.len(), 4, "{warnings:?}");
        assert!(warnings[0].starts_with("config.toml line 3: unknown action `fly`"));
        assert!(warnings[1].starts_with("config.toml line 4: unknown key `nonsense`"));
        assert!(warnings[2].starts_with("config.toml line 7: unknown colour `pink`"));
        assert!(warnings[3].starts_with("config.toml line 11:"));
        let q = KeyEvent::new(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(config.keymap.action(&q), Some(Action::Quit));
        let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(
            config.keymap.action(&j),
            Some(Action::Down),
            "bad list keeps the default"
        );
        assert_eq!(config.colors.star, Some(Color::Red));
        assert_eq!(config.colors.accent, Some(Color::Cyan));
        assert!(config.ascii_borders);
        assert_eq!(config.list_percent, 45);
    }

    #[test]
    fn the_fetch_interval_is_off_by_default_and_set_in_minutes() {
        assert_eq!(Config::default().fetch_interval, None);
        let (config, warnings) = Config::load(Some("[ui]\nfetch_interval_minutes = 30\n"), "c");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            config.fetch_interval,
            Some(std::time::Duration::from_secs(1800))
        );
        let (config, _) = Config::load(Some("[ui]\nfetch_interval_minutes = 0\n"), "c");
        assert_eq!(config.fetch_interval, None);
        let (config, warnings) = Config::load(Some("[ui]\nfetch_interval_minutes = -5\n"), "c");
        assert_eq!(config.fetch_interval, None);
        assert!(
            warnings[0].contains("fetch_interval_minutes"),
            "{warnings:?}"
        );
    }
}
