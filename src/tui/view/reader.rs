//! The reading pane: the wrapped lines of the article in view, styled by kind, with matches and
//! people highlighted, and the scroll position in the bottom border.

use std::num::NonZeroU16;

use ratatui::buffer::CellDiffOption;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::pane;
use crate::tui::doc::{DocLine, LineKind, Mark};
use crate::tui::layout;
use crate::tui::state::{App, Focus};
use crate::tui::text::truncate;

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.focus == Focus::Reader;
    let doc = app.reader.doc.as_ref();
    let mut block = pane(app, " Article ", area.width, focused);
    if let Some(doc) = doc {
        let rows = usize::from(layout::inner(area).height);
        let end = (app.reader.scroll + rows).min(doc.lines.len());
        let pos = format!(
            " {}-{}/{} ",
            (app.reader.scroll + 1).min(end),
            end,
            doc.lines.len()
        );
        if area.width as usize > pos.len() + 14 {
            block = block.title_bottom(Line::from(pos).right_aligned());
        }
    }
    frame.render_widget(block, area);
    let inner = layout::inner(area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let Some(doc) = doc else {
        let msg = if app.reader.wanted.is_some() {
            "loading…"
        } else {
            "no article selected"
        };
        let msg = truncate(msg, usize::from(inner.width));
        frame.render_widget(Paragraph::new(msg).style(app.theme.hint), inner);
        return;
    };
    let current = app
        .reader
        .current_match
        .and_then(|i| doc.matches.get(i))
        .copied();
    let lines: Vec<Line> = doc
        .lines
        .iter()
        .enumerate()
        .skip(app.reader.scroll)
        .take(usize::from(inner.height))
        .map(|(i, l)| styled_line(app, l, Some(i) == current))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if app.hyperlinks {
        hyperlink_urls(frame, inner, app);
    }
}

/// Turns the URL lines into OSC 8 hyperlinks: one escape per line, held by the line's first
/// cell with its width forced to the line's (ratatui then skips the cells it covers), so the
/// URL is written once per line, not once per two cells. Only printable ASCII http(s) URLs;
/// never in tests' buffers.
fn hyperlink_urls(frame: &mut Frame, inner: Rect, app: &App) {
    let (Some(doc), Some(url)) = (
        &app.reader.doc,
        app.reader.article.as_ref().and_then(|a| a.row.url.as_ref()),
    ) else {
        return;
    };
    // The one link rule (http(s), no controls or invisible characters), and an ASCII URL for
    // the OSC 8 sequence.
    if crate::links::openable(url).is_err() || !url.bytes().all(|b| b.is_ascii_graphic()) {
        return;
    }
    let buf = frame.buffer_mut();
    let visible = doc
        .lines
        .iter()
        .skip(app.reader.scroll)
        .take(usize::from(inner.height));
    for (row, line) in visible.enumerate() {
        if line.kind != LineKind::Url || !line.text.is_ascii() {
            continue;
        }
        let y = inner.y + row as u16;
        let cells = line.text.len().min(usize::from(inner.width));
        let Some(width) = NonZeroU16::new(cells as u16) else {
            continue;
        };
        let link = format!("\x1b]8;;{url}\x07{}\x1b]8;;\x07", &line.text[..cells]);
        buf[(inner.x, y)]
            .set_symbol(&link)
            .set_diff_option(CellDiffOption::ForcedWidth(width));
        for x in inner.x + 1..inner.x + width.get() {
            buf[(x, y)].set_diff_option(CellDiffOption::Skip);
        }
    }
}

fn base_style(app: &App, kind: LineKind) -> Style {
    let t = &app.theme;
    match kind {
        LineKind::Title => t.title,
        LineKind::Meta => t.source,
        LineKind::Url => t.url,
        LineKind::Heading => t.heading,
        LineKind::People | LineKind::Body | LineKind::Blank => Style::new(),
    }
}

fn styled_line(app: &App, line: &DocLine, current: bool) -> Line<'static> {
    let base = base_style(app, line.kind);
    let mut spans = Vec::new();
    let mut at = 0;
    for (range, mark) in &line.marks {
        if range.start > at {
            spans.push(Span::styled(line.text[at..range.start].to_string(), base));
        }
        let style = match mark {
            Mark::Match => base.patch(app.theme.highlight),
            Mark::Person => base.patch(app.theme.person),
        };
        spans.push(Span::styled(line.text[range.clone()].to_string(), style));
        at = range.end;
    }
    if at < line.text.len() {
        spans.push(Span::styled(line.text[at..].to_string(), base));
    }
    let out = Line::from(spans);
    if current {
        out.patch_style(Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED))
    } else {
        out
    }
}
