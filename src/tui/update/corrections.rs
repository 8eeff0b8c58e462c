//! Corrections from the source and people pickers: Ctrl-R renames a source or person; for a
//! person, Ctrl-O gives another name, Ctrl-G merges into a person picked next, and Ctrl-X says
//! the name is not a person. Each goes to the worker as a change `u` undoes.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::picker::refilter;
use crate::tui::msg::{Bulk, Command, Request};
use crate::tui::state::{App, FlashKind, NameEdit, PickerKind};

/// A Ctrl key that starts a correction on the highlighted entry; `None` when it is not one.
pub fn start(app: &mut App, code: KeyCode) -> Option<Vec<Command>> {
    let picker = app.picker.as_mut()?;
    let person = picker.kind == PickerKind::Person;
    let source_rename = picker.kind == PickerKind::Source && code == KeyCode::Char('r');
    if !(person || source_rename) {
        return None;
    }
    let name = picker
        .shown
        .get(picker.selected)
        .map(|i| picker.items[*i].label.clone())?;
    let edit = match code {
        KeyCode::Char('r') => {
            picker.input = name.clone();
            NameEdit::Rename(name)
        }
        KeyCode::Char('o') if person => {
            picker.input.clear();
            NameEdit::Alias(name)
        }
        KeyCode::Char('g') if person => {
            picker.input.clear();
            picker.selected = 0;
            refilter(picker);
            NameEdit::MergeFrom(name)
        }
        KeyCode::Char('x') if person => {
            app.picker = None;
            return Some(send(Bulk::NotAPerson { name }));
        }
        _ => return None,
    };
    picker.edit = Some(edit);
    Some(Vec::new())
}

/// A key while a correction is under way; `None` when the picker handles it as usual (moving
/// and filtering while the person to merge into is picked).
pub fn edit_key(app: &mut App, key: KeyEvent, ctrl: bool) -> Option<Vec<Command>> {
    let picker = app.picker.as_mut()?;
    let merging = matches!(picker.edit, Some(NameEdit::MergeFrom(_)));
    match key.code {
        KeyCode::Esc => {
            picker.edit = None;
            picker.input.clear();
            refilter(picker);
        }
        KeyCode::Enter if merging => {
            let into = picker
                .shown
                .get(picker.selected)
                .map(|i| picker.items[*i].label.clone());
            let Some(NameEdit::MergeFrom(from)) = picker.edit.clone() else {
                return None;
            };
            match into {
                Some(into) if into != from => {
                    app.picker = None;
                    return Some(send(Bulk::MergePerson { from, into }));
                }
                _ => {
                    let why = format!("pick the person to merge {from} into");
                    app.flash = Some((why, FlashKind::Warn));
                }
            }
        }
        _ if merging => return None,
        KeyCode::Enter => return Some(finish(app)),
        KeyCode::Backspace => {
            picker.input.pop();
        }
        KeyCode::Char('u') if ctrl => picker.input.clear(),
        KeyCode::Char(c) if !ctrl && !c.is_control() => picker.input.push(c),
        _ => {}
    }
    Some(Vec::new())
}

/// Enter on a typed name: the rename or alias goes to the worker (nothing when it is empty or
/// unchanged).
fn finish(app: &mut App) -> Vec<Command> {
    let Some(picker) = app.picker.take() else {
        return Vec::new();
    };
    let typed = picker.input.trim().to_string();
    let person = picker.kind == PickerKind::Person;
    let change = match picker.edit {
        Some(NameEdit::Rename(from)) if !typed.is_empty() && typed != from => match person {
            true => Bulk::RenamePerson { from, to: typed },
            false => Bulk::RenameSource { from, to: typed },
        },
        Some(NameEdit::Alias(name)) if !typed.is_empty() && typed != name => {
            Bulk::AliasPerson { name, alias: typed }
        }
        _ => return Vec::new(),
    };
    send(change)
}

fn send(change: Bulk) -> Vec<Command> {
    vec![Command::Request(Request::Apply {
        change,
        undoing: false,
    })]
}
