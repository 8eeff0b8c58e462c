//! Keys to actions: the default bindings, parsing "ctrl-d"-style key names, lookup.

use std::collections::HashMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

macro_rules! actions {
    ($($variant:ident = $name:literal : $help:literal,)*) => {
        /// Everything a key can do outside the filter bar and the popups.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action { $($variant,)* }

        impl Action {
            /// Every action, in help order.
            pub const ALL: &'static [Action] = &[$(Action::$variant,)*];

            /// The action's name in `config.toml`.
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name,)* }
            }

            /// One line for the help popup.
            pub fn help(self) -> &'static str {
                match self { $(Action::$variant => $help,)* }
            }

            pub fn from_name(name: &str) -> Option<Action> {
                match name { $($name => Some(Action::$variant),)* _ => None }
            }
        }
    };
}

actions! {
    Quit = "quit": "quit (saves the query and selection)",
    Help = "help": "this help",
    Down = "down": "next article / scroll down a line",
    Up = "up": "previous article / scroll up a line",
    Top = "top": "first article / top of the article",
    Bottom = "bottom": "last article / end of the article",
    PageDown = "page_down": "a page down",
    PageUp = "page_up": "a page up",
    HalfDown = "half_down": "half a page down",
    HalfUp = "half_up": "half a page up",
    Open = "open": "read the selected article (marks it read)",
    Back = "back": "back to the list",
    ReadPageDown = "read_page_down": "page the reading pane down",
    ReadPageUp = "read_page_up": "page the reading pane up",
    LineDown = "line_down": "scroll the reading pane a line down",
    LineUp = "line_up": "scroll the reading pane a line up",
    NextMatch = "next_match": "next match of the query in the article",
    PrevMatch = "prev_match": "previous match",
    NextUnread = "next_unread": "next unread article (space does it at an article's end)",
    PrevUnread = "prev_unread": "previous unread article",
    NextArticle = "next_article": "next article, also while reading",
    PrevArticle = "prev_article": "previous article, also while reading",
    FullScreen = "full_screen": "the article alone on the screen, or beside the list again",
    Filter = "filter": "edit the filter (Enter applies, Esc leaves)",
    ClearFilter = "clear_filter": "clear all filters",
    PickSource = "pick_source": "pick a source",
    PickPerson = "pick_person": "pick a person mentioned",
    PickAuthor = "pick_author": "pick an author (byline, credit line)",
    PersonPage = "person_page": "a person's page: one of the article's people",
    PickDate = "pick_date": "pick a date or range",
    PickSaved = "pick_saved": "pick a saved search (Enter filters by it alone)",
    SaveSearch = "save_search": "save the filter as a search: type its name, Enter",
    ToggleRead = "toggle_read": "toggle read",
    ToggleStar = "toggle_star": "toggle star",
    CopyUrl = "copy_url": "copy the URL (OSC 52)",
    OpenUrl = "open_url": "open the URL in the browser (copies over SSH)",
    ShrinkList = "shrink_list": "narrower list pane",
    GrowList = "grow_list": "wider list pane",
    Suspend = "suspend": "suspend to the shell",
    Redraw = "redraw": "redraw the screen",
    Refresh = "refresh": "fetch the due feeds; show what they (or an import) added",
    Feeds = "feeds": "feeds: unread, last status; Enter shows one's articles",
    MarkAllRead = "mark_all_read": "mark every article the filter lists read (asks above 100)",
    Delete = "delete": "delete the article (kept out of later imports; u undoes)",
    Undo = "undo": "undo the last mark-all or delete",
    Sort = "sort": "order: newest, oldest, by source, unread first (remembered)",
}

/// A key as bound: code plus Ctrl/Alt (Shift is folded into the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    /// The binding form of a terminal key event.
    pub fn from_event(ev: &KeyEvent) -> Key {
        let mut mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match ev.code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            KeyCode::BackTab => {
                mods |= KeyModifiers::SHIFT;
                KeyCode::Tab
            }
            other => other,
        };
        Key { code, mods }
    }

    /// Parses "j", "G", "ctrl-d", "alt-x", "enter", "space", "pagedown", "f5", "<".
    pub fn parse(text: &str) -> Option<Key> {
        // The one key Shift is not folded into: terminals send it as its own code (BackTab).
        if text == "shift-tab" || text == "backtab" {
            return Some(Key {
                code: KeyCode::Tab,
                mods: KeyModifiers::SHIFT,
            });
        }
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
                mods |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-").filter(|r| !r.is_empty()) {
                mods |= KeyModifiers::ALT;
                rest = r;
            } else {
                break;
            }
        }
        let code = named_code(rest)?;
        let code = match code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            c => c,
        };
        Some(Key { code, mods })
    }

    /// The key written for people: "ctrl-d", "enter", "G".
    pub fn label(&self) -> String {
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("alt-");
        }
        if self.code == KeyCode::Tab && self.mods.contains(KeyModifiers::SHIFT) {
            out.push_str("shift-");
        }
        let name = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("f{n}"),
            other => NAMES
                .iter()
                .find(|(_, c)| *c == other)
                .map_or("?", |(n, _)| n)
                .to_string(),
        };
        out.push_str(&name);
        out
    }
}

const NAMES: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("insert", KeyCode::Insert),
];

fn named_code(name: &str) -> Option<KeyCode> {
    if name == "space" {
        return Some(KeyCode::Char(' '));
    }
    if let Some((_, code)) = NAMES.iter().find(|(n, _)| *n == name) {
        return Some(*code);
    }
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(KeyCode::Char(c)),
        _ => name
            .strip_prefix('f')
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=24).contains(n))
            .map(KeyCode::F),
    }
}

/// The bindings in force.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    map: HashMap<Key, Action>,
}

impl Keymap {
    /// Binds `keys` to `action`, replacing any earlier keys of that action.
    pub fn bind(&mut self, action: Action, keys: &[Key]) {
        self.map.retain(|_, a| *a != action);
        for key in keys {
            self.map.insert(*key, action);
        }
    }

    /// The action other than `action` that binding `keys` to it would leave with no key at
    /// all, if any: taking `q` for another action must not leave the reader without a quit.
    pub fn would_orphan(&self, action: Action, keys: &[Key]) -> Option<Action> {
        let taken: Vec<Action> = keys
            .iter()
            .filter_map(|k| self.map.get(k).copied())
            .filter(|a| *a != action)
            .collect();
        taken
            .into_iter()
            .find(|other| self.map.iter().all(|(k, a)| a != other || keys.contains(k)))
    }

    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        self.map.get(&Key::from_event(ev)).copied()
    }

    /// The keys bound to `action`, sorted by label, for help and hints.
    pub fn keys_of(&self, action: Action) -> Vec<String> {
        let mut keys: Vec<String> = self
            .map
            .iter()
            .filter(|(_, a)| **a == action)
            .map(|(k, _)| k.label())
            .collect();
        keys.sort_by_key(|k| (k.chars().count() > 1, k.clone()));
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_labels_keys() {
        for name in [
            "j", "G", "ctrl-d", "enter", "space", "pagedown", "f5", "<", "*", "alt-x",
        ] {
            assert_eq!(Key::parse(name).unwrap().label(), name);
        }
        assert_eq!(Key::parse("ctrl-"), None);
        assert_eq!(Key::parse("bogus"), None);
    }

    #[test]
    fn shift_is_folded_into_characters() {
        let mut km = Keymap::default();
        km.bind(Action::Bottom, &[Key::parse("G").unwrap()]);
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(km.action(&ev), Some(Action::Bottom));
    }
}
