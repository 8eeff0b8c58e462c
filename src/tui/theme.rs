//! Styles by role, from the configured colours, or monochrome (bold/reverse/underline) under
//! `NO_COLOR`. The default palette is the 16 ANSI colours with the terminal's own foreground.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use super::config::Colors;

/// Every style the views use.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub border: Style,
    pub border_focus: Style,
    pub title: Style,
    pub heading: Style,
    pub date: Style,
    pub source: Style,
    pub unread: Style,
    pub star: Style,
    pub person: Style,
    pub highlight: Style,
    pub selected: Style,
    pub error: Style,
    pub hint: Style,
    pub chip: Style,
    pub url: Style,
    pub borders: border::Set<'static>,
}

/// `+`, `-` and `|` borders for terminals without box drawing.
pub const ASCII_BORDERS: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    /// The theme for `colors`; `no_color` drops every colour and keeps the modifiers.
    pub fn new(colors: &Colors, no_color: bool, ascii_borders: bool) -> Theme {
        let fg = |c: Option<Color>| match (no_color, c) {
            (false, Some(c)) => Style::new().fg(c),
            _ => Style::new(),
        };
        let bold = Modifier::BOLD;
        Theme {
            border: Style::new(),
            border_focus: fg(colors.accent).add_modifier(bold),
            title: Style::new().add_modifier(bold),
            heading: fg(colors.accent).add_modifier(bold),
            date: fg(colors.date),
            source: fg(colors.source),
            unread: fg(colors.unread).add_modifier(bold),
            star: fg(colors.star).add_modifier(bold),
            person: fg(colors.person).add_modifier(bold | Modifier::UNDERLINED),
            highlight: Style::new().add_modifier(Modifier::REVERSED | bold),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            error: fg(colors.error).add_modifier(bold),
            hint: fg(colors.hint),
            chip: fg(colors.chip).add_modifier(bold),
            url: Style::new().add_modifier(Modifier::UNDERLINED),
            borders: if ascii_borders {
                ASCII_BORDERS
            } else {
                border::PLAIN
            },
        }
    }
}

/// Whether `NO_COLOR` asks for no colour (any non-empty value).
pub fn no_color_from_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
