//! The filter bar: editing, applying as you type (a new generation per query that parses),
//! keeping the last good results and showing the error when it does not parse.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::nav;
use crate::query::parse;
use crate::tui::msg::{Command, Request};
use crate::tui::state::{new_input, App, Focus};

pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<Command> {
    match key.code {
        KeyCode::Esc => {
            app.focus = app.last_focus;
            Vec::new()
        }
        KeyCode::Enter => {
            app.focus = app.last_focus;
            apply(app)
        }
        KeyCode::Char('m' | 'j') if key.modifiers.contains(KeyModifiers::CONTROL) => Vec::new(),
        _ => {
            let before = app.filter.text().to_string();
            app.filter.input.input(key);
            single_line(app);
            if app.filter.text() == before {
                Vec::new()
            } else {
                apply(app)
            }
        }
    }
}

/// Pasted text goes into the filter bar when it has focus.
pub fn paste(app: &mut App, text: &str) -> Vec<Command> {
    if app.focus != Focus::Filter || app.picker.is_some() {
        return Vec::new();
    }
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    app.filter.input.insert_str(flat);
    apply(app)
}

fn single_line(app: &mut App) {
    if app.filter.input.lines().len() > 1 {
        let joined = app.filter.input.lines().join(" ");
        app.filter.input = new_input(&joined, app.theme.hint);
    }
}

/// Replaces the filter text and applies it.
pub fn set_text(app: &mut App, text: &str) -> Vec<Command> {
    app.filter.input = new_input(text, app.theme.hint);
    apply(app)
}

/// Parses the text; a query that parses and differs from the one in force becomes a new
/// generation; an error is kept for display and the results stay as they were.
pub fn apply(app: &mut App) -> Vec<Command> {
    let text = app.filter.text().to_string();
    match parse(&text) {
        Ok(query) => {
            app.filter.error = None;
            if normalize(&text) == normalize(&app.filter.applied) && query == app.filter.query {
                return Vec::new();
            }
            app.filter.applied = text;
            app.filter.query = query;
            new_query(app)
        }
        Err(err) => {
            app.filter.error = Some(err);
            Vec::new()
        }
    }
}

fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Sends the query in force as a new generation, keeping the selected article if it stays.
pub fn new_query(app: &mut App) -> Vec<Command> {
    app.gen += 1;
    if let Some(total) = app.changed_total.take() {
        app.total = Some(total);
    }
    if app.keep_id.is_none() {
        app.keep_id = app.results.selected_row().map(|r| r.id);
    }
    app.filter.expanded = None;
    nav::rewrap(app, true);
    let query = app.filter.query.clone();
    let saved = query
        .terms
        .iter()
        .any(|t| matches!(t.kind, crate::query::TermKind::Saved(_)));
    let mut commands = vec![
        Command::Request(Request::Query {
            gen: app.gen,
            query: query.clone(),
            sort: app.sort,
            keep_id: app.keep_id,
        }),
        Command::Request(Request::Histogram {
            gen: app.gen,
            query: query.clone(),
        }),
    ];
    if saved {
        // The reading pane highlights the saved searches' words once the worker has read them.
        commands.push(Command::Request(Request::Expand {
            gen: app.gen,
            query,
        }));
    }
    commands
}
