//! Changes to many articles from the reader: every article the filter lists marked read (asked
//! first above [`CONFIRM_ABOVE`] articles), the selected article deleted, and `u` undoing the
//! newest of them. The worker answers each with the change that undoes it.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::filter;
use crate::store::Mark;
use crate::tui::msg::{Bulk, Command, Request};
use crate::tui::state::{App, Confirm, FlashKind};

/// Marking more articles than this read asks first.
pub const CONFIRM_ABOVE: u64 = 100;

/// Changes `u` can undo, newest last.
const UNDO_DEPTH: usize = 20;

/// `A`: every article of the filter read; asked first when there are many.
pub fn mark_all_read(app: &mut App) -> Vec<Command> {
    let count = app.results.count.unwrap_or(0);
    if count == 0 {
        app.flash = Some(("no article to mark".into(), FlashKind::Info));
        return Vec::new();
    }
    let query = app.filter.query.clone();
    if count > CONFIRM_ABOVE {
        app.flash = Some((
            format!("mark all {count} articles read? y/n"),
            FlashKind::Warn,
        ));
        app.confirm = Some(Confirm::MarkAllRead { query, count });
        return Vec::new();
    }
    send(Bulk::MarkQuery { query, read: true }, false)
}

/// The key after a question: `y` does it, any other key says it was not done.
pub fn answer(app: &mut App, key: KeyEvent) -> Vec<Command> {
    let Some(Confirm::MarkAllRead { query, .. }) = app.confirm.take() else {
        return Vec::new();
    };
    if matches!(key.code, KeyCode::Char('y' | 'Y')) {
        return send(Bulk::MarkQuery { query, read: true }, false);
    }
    app.flash = Some(("nothing marked".into(), FlashKind::Info));
    Vec::new()
}

/// `D`: deletes the selected article; the next one is selected after it.
pub fn delete(app: &mut App) -> Vec<Command> {
    let index = app.results.selected;
    let Some(id) = app.results.selected_row().map(|r| r.id) else {
        return Vec::new();
    };
    let neighbour = app
        .results
        .row(index + 1)
        .or_else(|| index.checked_sub(1).and_then(|i| app.results.row(i)))
        .map(|r| r.id);
    app.keep_id = neighbour;
    send(Bulk::Delete { ids: vec![id] }, false)
}

/// `u`: undoes the newest change still undoable.
pub fn undo(app: &mut App) -> Vec<Command> {
    match app.undo.pop() {
        Some(change) => send(change, true),
        None => {
            app.flash = Some(("nothing to undo".into(), FlashKind::Info));
            Vec::new()
        }
    }
}

/// The worker made the change: it is kept for `u`, said on the status line, and the list
/// queried again (the selection kept, or moved past a deleted article).
pub fn applied(app: &mut App, undo: Bulk, count: u64, total: u64, undoing: bool) -> Vec<Command> {
    let what = done(&undo, count);
    mark_open_article(app, &undo);
    if undoing {
        app.flash = Some((format!("undone: {what}"), FlashKind::Info));
    } else {
        app.flash = Some((format!("{what} (u undoes)"), FlashKind::Info));
        app.undo.push(undo);
        if app.undo.len() > UNDO_DEPTH {
            app.undo.remove(0);
        }
    }
    app.total = Some(total);
    app.changed_total = None;
    // Marks and articles changed under the cached copies.
    app.reader.nearby.clear();
    filter::new_query(app)
}

/// The open article shows a mark the change set on it (the list gets it from the new query).
fn mark_open_article(app: &mut App, undo: &Bulk) {
    let (Bulk::Mark { ids, mark, on }, Some(article)) = (undo, app.reader.article.as_mut()) else {
        return;
    };
    if ids.contains(&article.row.id) {
        match mark {
            Mark::Read => article.row.read = !on,
            Mark::Starred => article.row.starred = !on,
        }
    }
}

/// What was done, told by the change that undoes it.
fn done(undo: &Bulk, count: u64) -> String {
    let articles = if count == 1 { "article" } else { "articles" };
    match undo {
        Bulk::Mark { mark, on, .. } => {
            let mark = match (mark, on) {
                (Mark::Read, false) => "read",
                (Mark::Read, true) => "unread",
                (Mark::Starred, false) => "starred",
                (Mark::Starred, true) => "unstarred",
            };
            format!("marked {count} {articles} {mark}")
        }
        Bulk::MarkQuery { .. } => format!("marked {count} {articles}"),
        Bulk::Restore { .. } => format!("deleted {count} {articles}"),
        Bulk::Delete { .. } => format!("restored {count} {articles}"),
        Bulk::RenamePerson { from, to } => {
            format!("renamed {to} to {from} ({count} {articles})")
        }
        Bulk::RenameSource { from, to } => {
            // The undo renames back: `to` is the old name, `from` the new.
            format!("renamed the source {to} to {from} ({count} {articles})")
        }
        Bulk::UnaliasPerson { name, alias } => format!("{alias} also names {name}"),
        Bulk::AliasPerson { name, alias } => format!("{alias} no longer names {name}"),
        Bulk::RestorePerson { snapshot } => match &snapshot.into {
            Some(into) => format!(
                "merged {} into {} ({count} {articles})",
                snapshot.name, into.name
            ),
            None => format!("{} is not a person ({count} {articles})", snapshot.name),
        },
        Bulk::MergePerson { from, into } => format!("{from} is apart from {into} again"),
        Bulk::NotAPerson { name } => format!("{name} is a person again ({count} {articles})"),
    }
}

fn send(change: Bulk, undoing: bool) -> Vec<Command> {
    vec![Command::Request(Request::Apply { change, undoing })]
}
