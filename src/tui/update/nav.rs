//! Moving through the list (fetching pages around the viewport), scrolling the reading pane,
//! opening articles and the per-article actions (read, star, copy, open).

use crate::tui::doc::{self, Needles};
use crate::tui::msg::{Command, Request, PAGE_SIZE};
use crate::tui::state::{App, FlashKind, Focus};

/// Pages kept loaded on each side of the viewport's pages.
const KEEP_PAGES: u64 = 2;

/// Re-fits the list viewport and the wrapped article after a size or split change.
pub fn relayout(app: &mut App) -> Vec<Command> {
    let selected = app.results.selected;
    let mut cmds = select(app, selected);
    rewrap(app, false);
    cmds.append(&mut ensure_pages(app));
    cmds
}

pub fn move_selection(app: &mut App, delta: i64) -> Vec<Command> {
    let target = (app.results.selected as i64).saturating_add(delta).max(0) as u64;
    select(app, target)
}

/// Selects row `index` (clamped), scrolls it into view, fetches pages and previews it.
pub fn select(app: &mut App, index: u64) -> Vec<Command> {
    let count = app.results.count.unwrap_or(0);
    let rows = app.list_rows();
    let r = &mut app.results;
    r.selected = index.min(count.saturating_sub(1));
    if r.selected < r.offset {
        r.offset = r.selected;
    } else if r.selected >= r.offset + rows {
        r.offset = r.selected + 1 - rows;
    }
    r.offset = r.offset.min(count.saturating_sub(rows));
    let mut cmds = ensure_pages(app);
    cmds.extend(preview(app));
    cmds
}

/// Asks for the pages covering the viewport plus half a page each side; forgets far pages.
pub fn ensure_pages(app: &mut App) -> Vec<Command> {
    let Some(count) = app.results.count.filter(|c| *c > 0) else {
        return Vec::new();
    };
    let rows = app.list_rows();
    let r = &mut app.results;
    let start = r.offset.saturating_sub(PAGE_SIZE / 2);
    let end = (r.offset + rows + PAGE_SIZE / 2).min(count - 1);
    let (first, last) = (start / PAGE_SIZE, end / PAGE_SIZE);
    r.pages
        .retain(|p, _| *p + KEEP_PAGES >= first && *p <= last + KEEP_PAGES);
    let mut cmds = Vec::new();
    for page in first..=last {
        if !r.pages.contains_key(&page) && r.pending.insert(page) {
            let query = app.filter.query.clone();
            cmds.push(Command::Request(Request::Page {
                gen: app.gen,
                query,
                sort: app.sort,
                page,
            }));
        }
    }
    cmds
}

/// Loads the selected article into the reading pane when it is not already there.
pub fn preview(app: &mut App) -> Vec<Command> {
    let Some(id) = app.results.selected_row().map(|r| r.id) else {
        return Vec::new();
    };
    if app.reader.wanted == Some(id) {
        return Vec::new();
    }
    app.reader.wanted = Some(id);
    app.reader.scroll = 0;
    app.reader.current_match = None;
    let mut cmds = Vec::new();
    match app.reader.nearby(id).cloned() {
        Some(article) => {
            app.reader.article = Some(article);
            rewrap(app, true);
        }
        None => cmds.push(Command::Request(Request::Article { id })),
    }
    cmds.extend(prefetch(app));
    cmds
}

/// Asks for the articles on the rows beside the selection that are not loaded yet.
fn prefetch(app: &App) -> Option<Command> {
    let selected = app.results.selected;
    let ids: Vec<i64> = [selected.checked_sub(1), selected.checked_add(1)]
        .into_iter()
        .flatten()
        .filter_map(|i| app.results.row(i).map(|r| r.id))
        .filter(|id| app.reader.nearby(*id).is_none())
        .collect();
    (!ids.is_empty()).then_some(Command::Request(Request::Prefetch { ids }))
}

/// Lays the loaded article out again when the width, article or query changed (or `force`).
pub fn rewrap(app: &mut App, force: bool) {
    let Some(article) = &app.reader.article else {
        app.reader.doc = None;
        return;
    };
    let width = app.reader_size().1;
    let stale = app
        .reader
        .doc
        .as_ref()
        .is_none_or(|d| d.id != article.row.id || d.width != width);
    if stale || force {
        let query = app.filter.expanded.as_ref().unwrap_or(&app.filter.query);
        let needles = Needles::from_query(query, article);
        app.reader.doc = Some(doc::build(article, width, &needles));
        clamp_scroll(app);
    }
}

fn clamp_scroll(app: &mut App) {
    let len = app.reader.doc.as_ref().map_or(0, |d| d.lines.len());
    let rows = app.reader_size().0;
    app.reader.scroll = app.reader.scroll.min(len.saturating_sub(rows));
}

pub fn scroll_reader(app: &mut App, delta: i64) {
    let target = (app.reader.scroll as i64).saturating_add(delta).max(0);
    app.reader.scroll = usize::try_from(target).unwrap_or(usize::MAX);
    clamp_scroll(app);
}

/// Scrolls to the next (or previous) line holding a match, wrapping around.
pub fn jump_match(app: &mut App, forward: bool) {
    let Some(doc) = &app.reader.doc else { return };
    if doc.matches.is_empty() {
        app.flash = Some(("no matches in this article".into(), FlashKind::Info));
        return;
    }
    let n = doc.matches.len();
    let next = match (app.reader.current_match, forward) {
        (None, true) => doc
            .matches
            .iter()
            .position(|l| *l >= app.reader.scroll)
            .unwrap_or(0),
        (None, false) => doc
            .matches
            .iter()
            .rposition(|l| *l < app.reader.scroll)
            .unwrap_or(n - 1),
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
    };
    let line = doc.matches[next];
    app.reader.current_match = Some(next);
    app.reader.scroll = line.saturating_sub(2);
    clamp_scroll(app);
    app.flash = Some((format!("match {} of {n}", next + 1), FlashKind::Info));
}

/// Focuses the reading pane on the selected article and marks it read.
pub fn open(app: &mut App) -> Vec<Command> {
    let mut cmds = preview(app);
    let index = app.results.selected;
    let Some(row) = app.results.row_mut(index) else {
        return cmds;
    };
    app.focus = Focus::Reader;
    if !row.read {
        row.read = true;
        let id = row.id;
        set_article_flags(app, id, Some(true), None);
        cmds.push(Command::Request(Request::SetRead { id, read: true }));
    }
    cmds
}

/// Toggles read (or starred) on the selected article, at once in the worker.
pub fn toggle(app: &mut App, star: bool) -> Vec<Command> {
    let index = app.results.selected;
    let Some(row) = app.results.row_mut(index) else {
        return Vec::new();
    };
    let id = row.id;
    let req = if star {
        row.starred = !row.starred;
        let starred = row.starred;
        set_article_flags(app, id, None, Some(starred));
        Request::SetStarred { id, starred }
    } else {
        row.read = !row.read;
        let read = row.read;
        set_article_flags(app, id, Some(read), None);
        Request::SetRead { id, read }
    };
    vec![Command::Request(req)]
}

/// Puts back a mark the store could not save: the article shows what the store holds.
pub fn undo_mark(app: &mut App, id: i64, read: Option<bool>, starred: Option<bool>) {
    let (read, starred) = (read.map(|r| !r), starred.map(|s| !s));
    if let Some(index) = app.results.index_of(id) {
        if let Some(row) = app.results.row_mut(index) {
            row.read = read.unwrap_or(row.read);
            row.starred = starred.unwrap_or(row.starred);
        }
    }
    set_article_flags(app, id, read, starred);
}

fn set_article_flags(app: &mut App, id: i64, read: Option<bool>, starred: Option<bool>) {
    let loaded = app.reader.article.iter_mut();
    for a in loaded
        .chain(app.reader.nearby.iter_mut())
        .filter(|a| a.row.id == id)
    {
        a.row.read = read.unwrap_or(a.row.read);
        a.row.starred = starred.unwrap_or(a.row.starred);
    }
}

/// The selected article's URL, or its link `number` (typed before the key) when given.
fn selected_url(app: &mut App, number: Option<u32>) -> Option<String> {
    if let Some(n) = number {
        return super::links::numbered_link(app, n);
    }
    let url = app.results.selected_row().and_then(|r| r.url.clone());
    if url.is_none() {
        app.flash = Some(("this article has no URL".into(), FlashKind::Info));
    }
    url
}

pub fn copy_url(app: &mut App, number: Option<u32>) -> Vec<Command> {
    let Some(url) = selected_url(app, number) else {
        return Vec::new();
    };
    app.flash = Some((format!("copied {url}"), FlashKind::Info));
    vec![Command::Copy(url)]
}

/// Opens http(s) URLs locally; over SSH copies instead and shows the URL.
pub fn open_url(app: &mut App, number: Option<u32>) -> Vec<Command> {
    let Some(url) = selected_url(app, number) else {
        return Vec::new();
    };
    if crate::tui::opener::checked(&url).is_err() {
        app.flash = Some((format!("not an http(s) URL: {url}"), FlashKind::Warn));
        return Vec::new();
    }
    if app.remote {
        app.flash = Some((format!("over SSH: copied {url}"), FlashKind::Info));
        return vec![Command::Copy(url)];
    }
    app.flash = Some((format!("opening {url}"), FlashKind::Info));
    vec![Command::OpenUrl(url)]
}
