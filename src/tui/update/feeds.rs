//! The feeds view: the subscriptions from the worker, moved through with the list's keys;
//! Enter shows a feed's articles, `r` fetches it now, `A` marks its articles read.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{fetch, filter};
use crate::query::{Term, TermKind};
use crate::store::Feed;
use crate::tui::keymap::Action;
use crate::tui::msg::{Command, Request};
use crate::tui::state::{App, FeedsView, FlashKind};

/// Rows a page key moves.
const PAGE: usize = 10;

pub fn open(app: &mut App) -> Vec<Command> {
    app.feeds = Some(FeedsView {
        loading: true,
        ..FeedsView::default()
    });
    vec![Command::Request(Request::Feeds)]
}

/// The worker's list: the same feed stays selected.
pub fn fill(app: &mut App, items: Vec<Feed>) {
    let Some(view) = app.feeds.as_mut() else {
        return;
    };
    let kept = view.selected_feed().map(|f| f.id);
    view.selected = kept
        .and_then(|id| items.iter().position(|f| f.id == id))
        .unwrap_or(view.selected)
        .min(items.len().saturating_sub(1));
    view.items = items;
    view.loading = false;
}

/// `count` articles of the feed were marked read: the view and the list show it.
pub fn marked(app: &mut App, feed_id: i64, count: u64) -> Vec<Command> {
    let name = app
        .feeds
        .as_ref()
        .and_then(|v| v.items.iter().find(|f| f.id == feed_id))
        .map_or_else(|| "the feed".to_string(), |f| f.name.clone());
    let s = if count == 1 { "" } else { "s" };
    let text = format!("marked {count} article{s} of {name} read");
    app.flash = Some((text, FlashKind::Info));
    app.reader.nearby.clear();
    let mut cmds = filter::new_query(app);
    cmds.extend(fetch::refresh_feeds_view(app));
    cmds
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<Command> {
    let Some(view) = app.feeds.as_mut() else {
        return Vec::new();
    };
    let last = view.items.len().saturating_sub(1);
    let selected = view.selected_feed().map(|f| (f.id, f.name.clone()));
    match (key.code, app.config.keymap.action(&key)) {
        (KeyCode::Esc | KeyCode::Char('q'), _) => app.feeds = None,
        (KeyCode::Enter, _) => {
            app.feeds = None;
            if let Some((_, name)) = selected {
                return filter::set_text(
                    app,
                    &Term::new(false, TermKind::Source(name)).to_string(),
                );
            }
        }
        (KeyCode::Char('r'), _) => {
            if let Some((id, _)) = selected {
                return fetch::start(app, Some(id), false);
            }
        }
        (KeyCode::Char('A'), _) => {
            if let Some((feed_id, _)) = selected {
                return vec![Command::Request(Request::MarkFeedRead { feed_id })];
            }
        }
        (_, Some(Action::Refresh)) => return fetch::refresh(app),
        (_, Some(Action::Down)) => view.selected = (view.selected + 1).min(last),
        (_, Some(Action::Up)) => view.selected = view.selected.saturating_sub(1),
        (_, Some(Action::Top)) => view.selected = 0,
        (_, Some(Action::Bottom)) => view.selected = last,
        (_, Some(Action::PageDown | Action::HalfDown)) => {
            view.selected = (view.selected + PAGE).min(last)
        }
        (_, Some(Action::PageUp | Action::HalfUp)) => {
            view.selected = view.selected.saturating_sub(PAGE)
        }
        _ => {}
    }
    Vec::new()
}
