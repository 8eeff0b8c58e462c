//! The `[colors]` roles and the 16 ANSI colour names they take, both ways (read and print).

use ratatui::style::Color;

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

/// The roles, in the order `byline config print` writes them.
pub const ROLES: &[&str] = &[
    "accent", "date", "source", "unread", "star", "person", "error", "hint", "chip",
];

impl Colors {
    pub(super) fn slot(&mut self, role: &str) -> Option<&mut Option<Color>> {
        Some(match role {
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

    /// The colour of `role` (`None` for an unknown role or the terminal's default).
    pub fn get(&self, role: &str) -> Option<Color> {
        self.clone().slot(role).and_then(|c| *c)
    }
}

/// Canonical names; `parse_color` also takes "grey", "bright-red", "Light_Blue" and the like.
const NAMES: &[(&str, Color)] = &[
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("white", Color::White),
    ("gray", Color::Gray),
    ("darkgray", Color::DarkGray),
    ("lightred", Color::LightRed),
    ("lightgreen", Color::LightGreen),
    ("lightyellow", Color::LightYellow),
    ("lightblue", Color::LightBlue),
    ("lightmagenta", Color::LightMagenta),
    ("lightcyan", Color::LightCyan),
];

/// One of the 16 ANSI colours, or "default"; `Some(None)` means the terminal's default.
pub fn parse_color(name: &str) -> Option<Option<Color>> {
    let name = name.to_ascii_lowercase().replace(['-', '_', ' '], "");
    let name = match name.as_str() {
        "default" | "reset" | "none" => return Some(None),
        "grey" => "gray".to_string(),
        "darkgrey" | "brightblack" => "darkgray".to_string(),
        other => other.replace("bright", "light"),
    };
    NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| Some(*c))
}

/// The name `parse_color` reads back as `color`.
pub fn color_name(color: Option<Color>) -> &'static str {
    NAMES
        .iter()
        .find(|(_, c)| Some(*c) == color)
        .map_or("default", |(n, _)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for (name, color) in NAMES {
            assert_eq!(parse_color(name), Some(Some(*color)));
            assert_eq!(color_name(Some(*color)), *name);
        }
        assert_eq!(parse_color("Bright-Red"), Some(Some(Color::LightRed)));
        assert_eq!(parse_color("grey"), Some(Some(Color::Gray)));
        assert_eq!(parse_color("default"), Some(None));
        assert_eq!(color_name(None), "default");
        assert_eq!(parse_color("pink"), None);
        assert_eq!(parse_color("brightwhite"), None);
    }
}
