//! The feeds popup: one row per subscription (name, unread count, last status in words, failed
//! and gone ones in the error style), and the selected feed's URL and whole status below.

use chrono::{DateTime, Local};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use super::pane;
use crate::store::Feed;
use crate::tui::layout;
use crate::tui::state::{App, FeedsView};
use crate::tui::text::{fit, thousands, truncate};

/// Lines under the rows: the selected feed's URL and status, and the keys.
const FOOTER: u16 = 3;

pub fn render(frame: &mut Frame, area: Rect, app: &App, view: &FeedsView) {
    let t = &app.theme;
    let rows = (view.items.len().max(1) as u16).saturating_add(FOOTER + 3);
    let height = rows.max(9).min(area.height.saturating_sub(2).max(3));
    let popup = layout::popup(area, 78, height);
    frame.render_widget(Clear, popup);
    let title = match view.loading && view.items.is_empty() {
        true => " Feeds ".to_string(),
        false => format!(" Feeds ({}) ", view.items.len()),
    };
    frame.render_widget(pane(app, &title, popup.width, true), popup);
    let inner = layout::inner(popup);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let w = usize::from(inner.width);
    let footer = if inner.height > FOOTER + 1 { FOOTER } else { 0 };
    let body = usize::from(inner.height - footer);
    let mut lines = Vec::new();
    if view.items.is_empty() {
        let msg = match view.loading {
            true => "loading…",
            false => "no feeds yet: `byline feed add URL` subscribes to one",
        };
        lines.push(Line::from(Span::styled(truncate(msg, w), t.hint)));
    }
    let first = view.selected.saturating_sub(body.saturating_sub(1));
    for (n, feed) in view.items.iter().enumerate().skip(first).take(body) {
        lines.push(row(app, feed, w, n == view.selected));
    }
    lines.resize(body, Line::default());
    if footer > 0 {
        lines.extend(details(app, view.selected_feed(), w));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "Name            12  failed: HTTP 500 Internal Server Error".
fn row(app: &App, feed: &Feed, w: usize, selected: bool) -> Line<'static> {
    let t = &app.theme;
    let name_w = (w / 3).clamp(8, 28);
    let unread = thousands(feed.unread);
    let unread = format!("{unread:>7}  ");
    let status_w = w.saturating_sub(name_w + unread.len());
    let status_style = if feed.failed || feed.gone {
        t.error
    } else {
        t.hint
    };
    let name_style = if feed.unread > 0 {
        t.unread
    } else {
        Style::new()
    };
    let spans = vec![
        Span::styled(fit(&feed.name, name_w), name_style),
        Span::styled(unread, name_style),
        Span::styled(fit(&status(feed), status_w), status_style),
    ];
    match selected {
        true => Line::from(spans).style(t.selected),
        false => Line::from(spans),
    }
}

/// The last fetch in words: its result, the error for a failed feed, "gone" for a 410.
pub fn status(feed: &Feed) -> String {
    let last = feed.last_status.as_deref().unwrap_or("never fetched");
    let off = if feed.enabled { "" } else { "off · " };
    if feed.gone {
        format!("{off}gone: {last}; no longer fetched")
    } else if feed.failed {
        format!("{off}failed: {last}")
    } else {
        format!("{off}{last}")
    }
}

/// The selected feed's URL and last fetch time, its whole status, and the keys.
fn details(app: &App, feed: Option<&Feed>, w: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut lines = vec![Line::default(), Line::default()];
    if let Some(feed) = feed {
        let when = feed
            .last_fetch
            .and_then(|s| DateTime::from_timestamp(s, 0))
            .map(|d| {
                d.with_timezone(&Local)
                    .format(" · fetched %Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_default();
        let url = format!("{}{when}", feed.url);
        lines[0] = Line::from(Span::styled(truncate(&url, w), t.url));
        let style = if feed.failed || feed.gone {
            t.error
        } else {
            Style::new()
        };
        lines[1] = Line::from(Span::styled(truncate(&status(feed), w), style));
    }
    let keys = "Enter show its articles · r fetch it · A mark all read · Esc close";
    lines.push(Line::from(Span::styled(truncate(keys, w), t.hint)));
    lines
}
