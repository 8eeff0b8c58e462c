//! Movement keys: in the list they move the selection, in the reading pane they scroll it.

use super::nav;
use crate::tui::keymap::Action;
use crate::tui::msg::Command;
use crate::tui::state::{App, Focus};

/// Handles `action` when it is a movement; `None` otherwise.
pub fn on_move(app: &mut App, action: Action) -> Option<Vec<Command>> {
    let in_reader = app.focus == Focus::Reader;
    let list_page = app.list_rows() as i64;
    let read_page = (app.reader_size().0 as i64 - 1).max(1);
    let page = if in_reader { read_page } else { list_page };
    let half = (page / 2).max(1);
    let far = i64::MAX / 2;
    let (step, reader_only) = match action {
        Action::Down => (1, false),
        Action::Up => (-1, false),
        Action::PageDown => (page, false),
        Action::PageUp => (-page, false),
        Action::HalfDown => (half, false),
        Action::HalfUp => (-half, false),
        Action::Top => (-far, false),
        Action::Bottom => (far, false),
        Action::ReadPageDown => (read_page, true),
        Action::ReadPageUp => (-read_page, true),
        Action::LineDown => (1, true),
        Action::LineUp => (-1, true),
        Action::NextMatch | Action::PrevMatch => {
            nav::jump_match(app, action == Action::NextMatch);
            return Some(Vec::new());
        }
        _ => return None,
    };
    if in_reader || reader_only {
        nav::scroll_reader(app, step);
        return Some(Vec::new());
    }
    Some(nav::move_selection(app, step))
}
