//! The list pane: one line per article (unread and star markers, date, source, title) for the
//! rows in the viewport, and the results histogram at the bottom when there is room.

use chrono::{Datelike, NaiveDate};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline};
use ratatui::Frame;

use super::pane;
use crate::store::ArticleRow;
use crate::tui::layout;
use crate::tui::state::{App, Focus};
use crate::tui::text::{fit, thousands, truncate, width};

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let count = app.results.count.unwrap_or(0);
    let title = format!(" Articles {} ", thousands(count));
    let block = pane(app, &title, area.width, app.focus == Focus::List);
    frame.render_widget(block, area);
    let body = layout::list_body(area, app.has_histogram());
    if body.width == 0 || body.height == 0 {
        return;
    }
    if app.results.count == Some(0) {
        let msg = if app.total == Some(0) {
            "the store is empty: byline import FILES"
        } else {
            "no articles match"
        };
        frame.render_widget(
            Paragraph::new(truncate(msg, usize::from(body.width))).style(app.theme.hint),
            body,
        );
    }
    let rows: Vec<Line> = (0..u64::from(body.height))
        .map(|i| app.results.offset + i)
        .take_while(|i| *i < count)
        .map(|i| row_line(app, i, usize::from(body.width)))
        .collect();
    frame.render_widget(Paragraph::new(rows), body);
    histogram(frame, area, body, app);
}

fn row_line(app: &App, index: u64, w: usize) -> Line<'static> {
    let t = &app.theme;
    let selected = index == app.results.selected;
    let Some(row) = app.results.row(index) else {
        return Line::from(Span::styled(fit("  …", w), t.hint));
    };
    let line = Line::from(row_spans(app, row, w));
    if selected {
        let style = if app.focus == Focus::List {
            t.selected
        } else {
            t.selected.add_modifier(ratatui::style::Modifier::DIM)
        };
        line.patch_style(style)
    } else {
        line
    }
}

fn row_spans(app: &App, row: &ArticleRow, w: usize) -> Vec<Span<'static>> {
    let t = &app.theme;
    let (date, date_w) = list_date(row.date, app.today, w >= 60);
    let source_w = (w / 5).clamp(4, 16);
    let mut spans = vec![
        Span::styled(if row.read { " " } else { "•" }, t.unread),
        Span::styled(if row.starred { "*" } else { " " }, t.star),
        Span::raw(" "),
    ];
    let mut used = 3;
    if w >= 30 {
        spans.push(Span::styled(fit(&date, date_w), t.date));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            fit(row.source.as_deref().unwrap_or(""), source_w),
            t.source,
        ));
        spans.push(Span::raw(" "));
        used += date_w + source_w + 2;
    }
    let title_style = if row.read {
        ratatui::style::Style::new()
    } else {
        t.title
    };
    spans.push(Span::styled(
        fit(&row.title, w.saturating_sub(used)),
        title_style,
    ));
    let total: usize = spans.iter().map(|s| width(&s.content)).sum();
    if total > w {
        return vec![Span::raw(fit(&row.title, w))];
    }
    spans
}

/// "2025-12-06" when wide; "06 Dec" this year, "2024-12" before, when narrow.
fn list_date(date: Option<NaiveDate>, today: NaiveDate, wide: bool) -> (String, usize) {
    let fmt = match date {
        _ if wide => "%Y-%m-%d",
        Some(d) if d.year() == today.year() => "%d %b",
        _ => "%Y-%m",
    };
    let width = if wide { 10 } else { 7 };
    (
        date.map(|d| d.format(fmt).to_string()).unwrap_or_default(),
        width,
    )
}

/// Results per month (or day) as a sparkline with the first and last bucket named.
fn histogram(frame: &mut Frame, area: Rect, body: Rect, app: &App) {
    if layout::histogram_rows(area, app.has_histogram()) == 0 {
        return;
    }
    let spark_area = Rect {
        y: body.y + body.height,
        height: 1,
        ..body
    };
    let label_area = Rect {
        y: spark_area.y + 1,
        ..spark_area
    };
    let w = usize::from(body.width);
    let data: Vec<u64> = app.histogram.iter().map(|(_, n)| *n).collect();
    let data = &data[data.len().saturating_sub(w)..];
    let shown = &app.histogram[app.histogram.len() - data.len()..];
    frame.render_widget(
        Sparkline::default().data(data).style(app.theme.chip),
        spark_area,
    );
    let first = &shown[0].0;
    let last = &shown[shown.len() - 1].0;
    let max = data.iter().max().copied().unwrap_or(0);
    let label = format!("{first} … {last}  max {}", thousands(max));
    frame.render_widget(
        Paragraph::new(truncate(&label, w)).style(app.theme.hint),
        label_area,
    );
}
