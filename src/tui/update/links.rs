//! Numbered links: digits typed before `o` or `y` pick the article's link of that number (the
//! `[3]` references of the reading pane), as a mail reader's number prefix does.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::keymap::Action;
use crate::tui::state::{App, FlashKind};

/// The largest link number taken: more digits than any article has links are a slip.
const MOST: u32 = 9999;

/// Takes a digit key (no Ctrl or Alt) into the link number; false for any other key.
pub fn digit(app: &mut App, key: &KeyEvent) -> bool {
    let KeyCode::Char(c) = key.code else {
        return false;
    };
    let Some(d) = c.to_digit(10) else {
        return false;
    };
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return false;
    }
    let number = app.link_number.unwrap_or(0).saturating_mul(10) + d;
    app.link_number = (number > 0).then_some(number.min(MOST));
    if let Some(n) = app.link_number {
        let open = app.config.keymap.keys_of(Action::OpenUrl);
        let copy = app.config.keymap.keys_of(Action::CopyUrl);
        let first = |keys: Vec<String>| keys.into_iter().next().unwrap_or_default();
        app.flash = Some((
            format!("link [{n}]: {} opens, {} copies", first(open), first(copy)),
            FlashKind::Info,
        ));
    }
    true
}

/// Link `n` of the article in the reading pane, or a message saying why there is none.
pub fn numbered_link(app: &mut App, n: u32) -> Option<String> {
    let selected = app.results.selected_row().map(|r| r.id);
    let article = app
        .reader
        .article
        .as_ref()
        .filter(|a| Some(a.row.id) == selected);
    let Some(article) = article else {
        app.flash = Some(("the article is still loading".into(), FlashKind::Info));
        return None;
    };
    let links = crate::links::numbered(&article.body);
    let found = links.get(n as usize - 1).cloned();
    if found.is_none() {
        let why = match links.len() {
            0 => "this article has no numbered links".to_string(),
            1 => format!("no link [{n}]: the article has one, [1]"),
            k => format!("no link [{n}]: the article has [1] to [{k}]"),
        };
        app.flash = Some((why, FlashKind::Warn));
    }
    found
}
