//! The reading flow: the article alone on the screen, the next or previous article (or unread
//! one) from the list or from inside an article, and Space going on to the next unread article
//! at an article's end, as in newsboat and mutt.

use super::nav;
use crate::tui::msg::Command;
use crate::tui::state::{App, FlashKind, Focus};

/// Opens the selected article (marking it read); when the panes are stacked (a narrow
/// terminal such as 80x24, where the reading pane would be a few lines) it takes the screen.
pub fn open(app: &mut App) -> Vec<Command> {
    if app.focus == Focus::Reader {
        return toggle_full(app);
    }
    let mut cmds = nav::open(app);
    if app.focus == Focus::Reader && app.areas().is_some_and(|a| a.stacked) && !app.full {
        app.full = true;
        cmds.extend(nav::relayout(app));
    }
    cmds
}

/// The article alone on the screen, or beside the list again.
pub fn toggle_full(app: &mut App) -> Vec<Command> {
    app.full = !app.full;
    if app.full {
        app.focus = Focus::Reader;
    }
    nav::relayout(app)
}

/// Back to the list, beside the article.
pub fn back(app: &mut App) -> Vec<Command> {
    app.focus = Focus::List;
    if !app.full {
        return Vec::new();
    }
    app.full = false;
    nav::relayout(app)
}

/// The next (or previous) article; read at once when an article is being read.
pub fn step(app: &mut App, forward: bool) -> Vec<Command> {
    let before = app.results.selected;
    let mut cmds = nav::move_selection(app, if forward { 1 } else { -1 });
    if app.results.selected == before {
        let last = if forward { "last" } else { "first" };
        app.flash = Some((format!("this is the {last} article"), FlashKind::Info));
        return cmds;
    }
    if app.focus == Focus::Reader {
        cmds.extend(nav::open(app));
    }
    cmds
}

/// The next (or previous) unread article among the listed ones.
pub fn unread(app: &mut App, forward: bool) -> Vec<Command> {
    match find_unread(app, forward) {
        Found::At(index) => {
            let mut cmds = nav::select(app, index);
            if app.focus == Focus::Reader {
                cmds.extend(nav::open(app));
            }
            cmds
        }
        Found::None => {
            let more = if forward { "after" } else { "before" };
            app.flash = Some((
                format!("no unread article {more} this one"),
                FlashKind::Info,
            ));
            Vec::new()
        }
        Found::NotLoaded(index) => {
            // Rows that far away are not loaded yet: go there (which loads them) and say so.
            let cmds = nav::select(app, index);
            app.flash = Some((
                "no unread article nearby; looking further (press again)".into(),
                FlashKind::Info,
            ));
            cmds
        }
    }
}

/// Space: a page down, or at the article's end the next unread article.
pub fn page_down(app: &mut App) -> Vec<Command> {
    if app.focus == Focus::Reader && at_end(app) {
        return unread(app, true);
    }
    nav::scroll_reader(app, (app.reader_size().0 as i64 - 1).max(1));
    Vec::new()
}

/// Whether the reading pane shows the article's last line.
fn at_end(app: &App) -> bool {
    let lines = app.reader.doc.as_ref().map_or(0, |d| d.lines.len());
    app.reader.scroll + app.reader_size().0 >= lines
}

enum Found {
    At(u64),
    None,
    NotLoaded(u64),
}

fn find_unread(app: &App, forward: bool) -> Found {
    let count = app.results.count.unwrap_or(0);
    let mut index = app.results.selected;
    loop {
        index = match forward {
            true if index + 1 < count => index + 1,
            false if index > 0 => index - 1,
            _ => return Found::None,
        };
        match app.results.row(index) {
            Some(row) if !row.read => return Found::At(index),
            Some(_) => {}
            None => return Found::NotLoaded(index),
        }
    }
}
