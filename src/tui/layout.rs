//! Where everything goes for a given terminal size; shared by `update` (viewport sizes, wrap
//! width) and the views, so both agree.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

/// Below this the reader shows a single "terminal too small" line.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
/// Narrower than this, the list and reading panes are stacked.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub bar: Rect,
    pub chips: Rect,
    pub list: Rect,
    pub reader: Rect,
    pub status: Rect,
    pub stacked: bool,
}

/// The areas for `size`, or `None` when the terminal is too small. With `full`, the article
/// takes the list's place too (the list is an empty area).
pub fn areas(size: Rect, list_percent: u16, full: bool) -> Option<Areas> {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return None;
    }
    let [bar, chips, panes, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(2),
        Constraint::Length(1),
    ])
    .areas(size);
    let stacked = size.width < SIDE_BY_SIDE_WIDTH;
    if full {
        return Some(Areas {
            bar,
            chips,
            list: Rect {
                height: 0,
                width: 0,
                ..panes
            },
            reader: panes,
            status,
            stacked,
        });
    }
    let pct = list_percent.clamp(20, 80);
    let direction = if stacked {
        Direction::Vertical
    } else {
        Direction::Horizontal
    };
    let [list, reader] = Layout::default()
        .direction(direction)
        .constraints([
            Constraint::Percentage(pct),
            Constraint::Percentage(100 - pct),
        ])
        .areas(panes);
    Some(Areas {
        bar,
        chips,
        list,
        reader,
        status,
        stacked,
    })
}

/// Rows of the histogram at the bottom of the list pane (none when the list is short or there
/// is nothing to chart).
pub fn histogram_rows(list: Rect, histogram: bool) -> u16 {
    if histogram && list.height >= 14 && list.width >= 24 {
        2
    } else {
        0
    }
}

/// The list's rows inside its border, above the histogram (when there is one).
pub fn list_body(list: Rect, histogram: bool) -> Rect {
    let inner = inner(list);
    Rect {
        height: inner.height.saturating_sub(histogram_rows(list, histogram)),
        ..inner
    }
}

/// Inside a one-cell border.
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// A centred popup at most `w` x `h`, inside `area`.
pub fn popup(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
