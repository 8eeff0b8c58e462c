//! Fetching feeds from the reader: `R` starts a background fetch of the due feeds (a second
//! one is refused), the timer starts one every `fetch_interval_minutes`, the fetch thread's
//! news goes to the status line, and at the end the list takes the new articles in with the
//! same article selected.

use std::time::Instant;

use super::filter;
use crate::tui::keymap::Action;
use crate::tui::msg::{Command, FetchEvent, Request};
use crate::tui::state::{App, Fetching, FlashKind};
use crate::tui::text::thousands;

/// `R`: takes in what an import beside the reader added, and fetches the due feeds (quietly
/// then: "no feeds" or "nothing due" is no news after new articles).
pub fn refresh(app: &mut App) -> Vec<Command> {
    let took_in = app.changed_total.is_some();
    let mut cmds = match took_in {
        true => filter::new_query(app),
        false => Vec::new(),
    };
    cmds.extend(start(app, None, took_in));
    cmds
}

/// Starts a fetch of the due feeds (or of `feed`, due or not) unless one runs; `quiet` leaves
/// out the news that there is nothing to fetch (or that a fetch runs already).
pub fn start(app: &mut App, feed: Option<i64>, quiet: bool) -> Vec<Command> {
    if let Some(fetching) = &app.fetch {
        if !quiet {
            let text = format!("already fetching {}", fetching.progress());
            app.flash = Some((text, FlashKind::Info));
        }
        return Vec::new();
    }
    app.fetch = Some(Fetching {
        quiet,
        ..Fetching::default()
    });
    vec![Command::Fetch { feed }]
}

/// The clock: schedules the automatic fetch, and starts it when its time has come.
pub fn tick(app: &mut App, now: Instant) -> Vec<Command> {
    let Some(every) = app.config.fetch_interval else {
        app.next_fetch = None;
        return Vec::new();
    };
    match app.next_fetch {
        None if app.fetch.is_none() => {
            app.next_fetch = Some(now + every);
            Vec::new()
        }
        Some(due) if now >= due => {
            app.next_fetch = None;
            start(app, None, true)
        }
        _ => Vec::new(),
    }
}

/// News from the fetch thread.
pub fn event(app: &mut App, event: FetchEvent) -> Vec<Command> {
    let quiet = app.fetch.is_some_and(|f| f.quiet);
    match event {
        FetchEvent::NoFeeds => {
            end(app);
            if !quiet {
                let text = "no feeds yet: `byline feed add URL` subscribes to one";
                app.flash = Some((text.into(), FlashKind::Info));
            }
            Vec::new()
        }
        FetchEvent::NothingDue { next_due } => {
            end(app);
            if !quiet {
                app.flash = Some((nothing_due(app, next_due), FlashKind::Info));
            }
            Vec::new()
        }
        FetchEvent::Started { total } => {
            if let Some(f) = app.fetch.as_mut() {
                f.total = total;
            }
            Vec::new()
        }
        FetchEvent::Progress {
            done,
            total,
            failed,
            ..
        } => {
            if let Some(f) = app.fetch.as_mut() {
                f.done = done;
                f.total = total;
                f.failed += usize::from(failed.is_some());
            }
            refresh_feeds_view(app)
        }
        FetchEvent::Pages { done, total } => {
            if let Some(f) = app.fetch.as_mut() {
                f.pages = Some((done, total));
            }
            Vec::new()
        }
        FetchEvent::Done {
            new,
            updated,
            failed,
            feeds,
            total,
        } => {
            end(app);
            let kind = match failed {
                0 => FlashKind::Info,
                _ => FlashKind::Warn,
            };
            app.flash = Some((done_text(app, new, updated, failed, feeds), kind));
            take_in(app, Some(total))
        }
        FetchEvent::Stopped(message) => {
            end(app);
            app.flash = Some((format!("fetch stopped: {message}"), FlashKind::Warn));
            take_in(app, None)
        }
    }
}

/// The fetch is over: the next automatic one is an interval from now.
fn end(app: &mut App) {
    app.fetch = None;
    app.next_fetch = app
        .config
        .fetch_interval
        .map(|every| Instant::now() + every);
}

/// Shows what the fetch stored, keeping the selected article (as `R` after an import does).
fn take_in(app: &mut App, total: Option<u64>) -> Vec<Command> {
    if total.is_some() {
        app.changed_total = total;
    }
    app.reader.nearby.clear();
    let mut cmds = filter::new_query(app);
    app.fetched_total = total;
    cmds.extend(refresh_feeds_view(app));
    cmds
}

/// Asks for the feeds again when the feeds view is open (its counts and statuses changed).
pub fn refresh_feeds_view(app: &App) -> Vec<Command> {
    match app.feeds {
        Some(_) => vec![Command::Request(Request::Feeds)],
        None => Vec::new(),
    }
}

fn nothing_due(app: &App, next_due: Option<i64>) -> String {
    let wait = next_due.map(|due| (due - chrono::Utc::now().timestamp()).max(0));
    let when = match wait {
        None => String::new(),
        Some(secs) if secs < 90 => " (the next in a minute)".to_string(),
        Some(secs) if secs < 90 * 60 => format!(" (the next in {} min)", secs / 60),
        Some(secs) => format!(" (the next in {} h)", (secs + 1800) / 3600),
    };
    format!(
        "no feed is due{when}; {} then r fetches one now",
        feeds_key(app)
    )
}

fn done_text(app: &App, new: u64, updated: u64, failed: usize, feeds: usize) -> String {
    let plural = if feeds == 1 { "" } else { "s" };
    let mut text = format!("{} new from {feeds} feed{plural}", thousands(new));
    if updated > 0 {
        text.push_str(&format!(", {} updated", thousands(updated)));
    }
    if failed > 0 {
        text.push_str(&format!(", {failed} failed ({} shows why)", feeds_key(app)));
    }
    text
}

/// The first key that opens the feeds view.
fn feeds_key(app: &App) -> String {
    let keys = app.config.keymap.keys_of(Action::Feeds);
    keys.into_iter().next().unwrap_or_else(|| "feeds".into())
}
