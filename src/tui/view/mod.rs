//! Drawing: pure functions of `&App` onto a frame. Nothing here changes state or touches the store.

mod bar;
mod cover;
mod feeds;
mod list;
mod person;
mod popup;
mod reader;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::layout;
use super::state::App;
use super::text::truncate;

/// Draws the whole screen.
pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let Some(areas) = layout::areas(area, app.list_percent, app.full) else {
        if area.width > 0 && area.height > 0 {
            let line = truncate("terminal too small", usize::from(area.width));
            frame.render_widget(Paragraph::new(line), Rect { height: 1, ..area });
        }
        return;
    };
    bar::filter_bar(frame, areas.bar, app);
    bar::chips(frame, areas.chips, app);
    if !areas.list.is_empty() {
        list::render(frame, areas.list, app);
    }
    reader::render(frame, areas.reader, app);
    bar::status(frame, areas.status, app);
    if let Some(picker) = &app.picker {
        popup::picker(frame, area, app, picker);
    }
    if let Some(view) = &app.feeds {
        feeds::render(frame, area, app, view);
    }
    if let Some(view) = &app.person {
        person::render(frame, area, app, view);
    }
    if app.help {
        popup::help(frame, area, app);
    }
    cover::unlink_covered(frame.buffer_mut());
}

/// A bordered block in the theme, its title truncated to fit.
fn pane<'a>(app: &App, title: &str, width: u16, focused: bool) -> Block<'a> {
    let style = if focused {
        app.theme.border_focus
    } else {
        app.theme.border
    };
    let title = truncate(title, usize::from(width.saturating_sub(4)));
    Block::new()
        .borders(Borders::ALL)
        .border_set(app.theme.borders)
        .border_style(style)
        .title(title)
        .title_style(style)
        .style(Style::new())
}
