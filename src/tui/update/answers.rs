//! Answers from the store worker: stale generations are dropped, the newest query wins.

use super::{bulk, feeds, fetch, filter, nav, picker};
use crate::query::parse;
use crate::store::ArticleRow;
use crate::tui::msg::{Command, Response};
use crate::tui::state::{new_input, App, FlashKind};

pub fn answer(app: &mut App, answer: Response) -> Vec<Command> {
    match answer {
        Response::Init {
            total,
            last_query,
            selected,
            sort,
        } => {
            app.total = Some(total);
            app.sort = sort;
            app.keep_id = selected;
            let text = last_query.unwrap_or_default();
            app.filter.input = new_input(&text, app.theme.hint);
            match parse(&text) {
                Ok(query) => {
                    app.filter.applied = text;
                    app.filter.query = query;
                }
                Err(err) => app.filter.error = Some(err),
            }
            filter::new_query(app)
        }
        Response::Results { gen, count, pages } if gen == app.gen => results(app, count, pages),
        Response::Results { .. } => Vec::new(),
        Response::QueryRefused { gen, error } if gen == app.gen => {
            app.filter.error = Some(error);
            Vec::new()
        }
        Response::QueryRefused { .. } => Vec::new(),
        Response::Expanded { gen, query } if gen == app.gen => {
            app.filter.expanded = Some(query);
            super::nav::rewrap(app, true);
            Vec::new()
        }
        Response::Expanded { .. } => Vec::new(),
        Response::PersonPage { name, page } => {
            super::person::fill(app, &name, page.map(|p| *p));
            Vec::new()
        }
        Response::SearchSaved { name } => super::saved::saved(app, &name),
        Response::Page { gen, page, rows } => {
            if gen != app.gen {
                return Vec::new();
            }
            app.results.pending.remove(&page);
            app.results.pages.insert(page, rows);
            nav::preview(app)
        }
        Response::Article { id, article } => {
            if let Some(a) = &article {
                app.reader.keep((**a).clone());
            }
            if app.reader.wanted == Some(id) {
                app.reader.article = article.map(|a| *a);
                nav::rewrap(app, true);
            }
            Vec::new()
        }
        Response::Prefetched { articles } => {
            for a in articles {
                app.reader.keep(a);
            }
            Vec::new()
        }
        Response::Facets { gen, kind, items } => {
            if gen == app.gen {
                picker::fill(app, kind, items);
            }
            Vec::new()
        }
        Response::Histogram { gen, buckets } => {
            if gen != app.gen {
                return Vec::new();
            }
            app.histogram = buckets;
            nav::relayout(app)
        }
        Response::StoreChanged { total } => {
            if app.fetched_total.take() == Some(total) && app.changed_total.is_none() {
                // Our own fetch, already shown.
                return Vec::new();
            }
            app.changed_total = Some(total);
            // An import may have updated one of them.
            app.reader.nearby.clear();
            Vec::new()
        }
        Response::Feeds(items) => {
            feeds::fill(app, items);
            Vec::new()
        }
        Response::FeedMarked { feed_id, count } => feeds::marked(app, feed_id, count),
        Response::Fetch(event) => fetch::event(app, event),
        Response::Applied {
            undo,
            count,
            total,
            undoing,
        } => bulk::applied(app, undo, count, total, undoing),
        Response::MarkFailed {
            id,
            read,
            starred,
            message,
        } => {
            super::nav::undo_mark(app, id, read, starred);
            app.flash = Some((message, FlashKind::Warn));
            Vec::new()
        }
        Response::Error(message) => {
            app.flash = Some((message, FlashKind::Warn));
            Vec::new()
        }
    }
}

/// A new query's first answer: the count and first page replace the old results; the article
/// selected before stays selected when it is still there.
fn results(app: &mut App, count: u64, pages: Vec<(u64, Vec<ArticleRow>)>) -> Vec<Command> {
    let r = &mut app.results;
    r.count = Some(count);
    r.pages = pages.into_iter().collect();
    // An import beside the reader may have committed since the total was last counted: the
    // store holds at least the articles this query found ("17,363 of 17,184" never shows).
    if app.total.is_some_and(|total| total < count) {
        app.total = Some(count);
    }
    r.pending.clear();
    let keep = app.keep_id.take().and_then(|id| app.results.index_of(id));
    if keep.is_none() {
        app.results.offset = 0;
    }
    if count == 0 {
        app.reader = Default::default();
    }
    nav::select(app, keep.unwrap_or(0))
}
