//! Saving the filter as a search from the reader: `W` opens a picker whose input is the new
//! name (the searches already saved listed below it), Enter asks the worker to save it.

use super::picker;
use crate::query::is_saved_name;
use crate::tui::msg::{Command, Request};
use crate::tui::state::{App, FlashKind, PickerKind};

/// Opens the name prompt, unless there is no filter to save.
pub fn open(app: &mut App) -> Vec<Command> {
    if app.filter.query.is_empty() {
        app.flash = Some((
            "nothing to save: the filter is empty (/ to write one)".into(),
            FlashKind::Warn,
        ));
        return Vec::new();
    }
    picker::open(app, PickerKind::SaveAs)
}

/// Enter in the name prompt: the filter in force saved under the typed name, if it is one.
pub fn save(app: &mut App) -> Vec<Command> {
    let Some(picker) = app.picker.as_ref() else {
        return Vec::new();
    };
    let name = picker.input.trim().trim_start_matches('@').to_string();
    if !is_saved_name(&name) {
        app.flash = Some((
            "a saved search's name holds only letters, digits, - and _".into(),
            FlashKind::Warn,
        ));
        return Vec::new();
    }
    app.picker = None;
    vec![Command::Request(Request::SaveSearch {
        name,
        query: app.filter.query.clone(),
    })]
}

/// The worker saved the filter as `@name`.
pub fn saved(app: &mut App, name: &str) -> Vec<Command> {
    let text = format!("saved the filter as @{name} (S lists saved searches)");
    app.flash = Some((crate::text::sanitize_line(&text), FlashKind::Info));
    Vec::new()
}
