//! A person's page: opened from the people picker (→) or for one of the open article's people
//! (`P`, a chooser when it names several); the worker counts it and an answer for another name
//! is dropped. Enter on a person mentioned with them narrows the list to articles with both;
//! → opens their page and ← goes back.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::picker;
use crate::query::{Term, TermKind};
use crate::tui::keymap::Action;
use crate::tui::msg::{Command, Request};
use crate::tui::state::{App, FlashKind, PersonView, PickItem, PickerKind};

/// Opens the page of `name` (closing any picker) and asks the worker for it.
pub fn open(app: &mut App, name: &str) -> Vec<Command> {
    app.picker = None;
    app.person = Some(PersonView {
        name: name.to_string(),
        ..PersonView::default()
    });
    vec![Command::Request(Request::PersonPage {
        name: name.to_string(),
    })]
}

/// `P`: the page of the article shown, straight away when it names one person, else a chooser
/// of its people (most mentioned first).
pub fn from_article(app: &mut App) -> Vec<Command> {
    let Some(article) = &app.reader.article else {
        app.flash = Some(("no article is open".into(), FlashKind::Info));
        return Vec::new();
    };
    let items: Vec<PickItem> = (article.people.iter())
        .map(|p| PickItem {
            label: p.name.clone(),
            aliases: p.aliases.clone(),
            count: None,
            unread: None,
            term: Term::new(false, TermKind::Person(p.name.clone())).to_string(),
        })
        .collect();
    match items.as_slice() {
        [] => {
            app.flash = Some(("the article names no people".into(), FlashKind::Info));
            Vec::new()
        }
        [one] => {
            let name = one.label.clone();
            open(app, &name)
        }
        _ => {
            app.picker = Some(picker::new_picker(PickerKind::ArticlePeople, items));
            Vec::new()
        }
    }
}

/// The worker's page for `name`: kept when that is the page still open.
pub fn fill(app: &mut App, name: &str, page: Option<crate::store::PersonPage>) {
    let Some(view) = app.person.as_mut().filter(|v| v.name == name) else {
        return;
    };
    view.missing = page.is_none();
    view.page = page;
    view.selected = 0;
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<Command> {
    let Some(view) = app.person.as_mut() else {
        return Vec::new();
    };
    let with = view.page.as_ref().map_or(&[][..], |p| &p.with[..]);
    let last = with.len().saturating_sub(1);
    let chosen = with.get(view.selected).map(|(name, _)| name.clone());
    match (key.code, app.config.keymap.action(&key)) {
        // ← goes back to the page → left; on the first page it closes, as Back does.
        (KeyCode::Left | KeyCode::Backspace, _) if !view.back.is_empty() => {
            let mut back = std::mem::take(&mut view.back);
            let previous = back.pop().unwrap_or_default();
            return reopen(app, &previous, back);
        }
        (KeyCode::Esc | KeyCode::Char('q'), _) | (_, Some(Action::Quit | Action::Back)) => {
            app.person = None
        }
        (KeyCode::Enter, _) => return chosen.map_or_else(Vec::new, |other| both(app, &other)),
        (KeyCode::Right, _) => {
            let Some(other) = chosen else {
                return Vec::new();
            };
            let mut back = std::mem::take(&mut view.back);
            back.push(view.name.clone());
            return reopen(app, &other, back);
        }

        (KeyCode::Down | KeyCode::Tab, _) | (_, Some(Action::Down)) => {
            view.selected = (view.selected + 1).min(last)
        }
        (KeyCode::Up | KeyCode::BackTab, _) | (_, Some(Action::Up)) => {
            view.selected = view.selected.saturating_sub(1)
        }
        (_, Some(Action::Top)) => view.selected = 0,
        (_, Some(Action::Bottom)) => view.selected = last,
        _ => {}
    }
    Vec::new()
}

/// Opens the page of `name` with these pages to go back to.
fn reopen(app: &mut App, name: &str, back: Vec<String>) -> Vec<Command> {
    let commands = open(app, name);
    if let Some(view) = app.person.as_mut() {
        view.back = back;
    }
    commands
}

/// Closes the page and adds `person:"A" person:"B"` (the page's person and `other`) to the
/// query.
fn both(app: &mut App, other: &str) -> Vec<Command> {
    let Some(view) = app.person.take() else {
        return Vec::new();
    };
    let name = view.page.map_or(view.name, |p| p.name);
    let terms =
        [name, other.to_string()].map(|n| Term::new(false, TermKind::Person(n)).to_string());
    picker::add_terms(app, &terms)
}
