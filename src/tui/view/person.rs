//! A person's page: whose it is in the title; their other names; their articles per month as
//! block-character bars (shapes, not colours: they read in 16 colours and under `NO_COLOR`);
//! the people mentioned with them (one chosen) beside their sources; the keys at the foot.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Sparkline};
use ratatui::Frame;

use super::pane;
use crate::store::PersonPage;
use crate::tui::layout;
use crate::tui::state::{App, PersonView};
use crate::tui::text::{fit, thousands, truncate, width};

/// The page at most this big: the whole screen at 80x24, a wide popup at 120x40.
const MAX: (u16, u16) = (100, 34);
/// Rows besides the bars and the lists: names, heading, axis, gap, list headings, keys.
const FIXED: u16 = 6;

pub fn render(frame: &mut Frame, area: Rect, app: &App, view: &PersonView) {
    let popup = layout::popup(area, MAX.0, MAX.1);
    frame.render_widget(Clear, popup);
    let title = match &view.page {
        Some(page) => format!(" {}: {} articles ", page.name, thousands(page.articles)),
        None => format!(" {} ", view.name),
    };
    frame.render_widget(pane(app, &title, popup.width, true), popup);
    let inner = layout::inner(popup);
    if inner.width < 10 || inner.height < 3 {
        return;
    }
    let hint = |text: &str| Paragraph::new(truncate(text, usize::from(inner.width)));
    let Some(page) = &view.page else {
        let text = match view.missing {
            true => "nobody answers to that name any more (renamed or deleted?)",
            false => "counting…",
        };
        frame.render_widget(hint(text).style(app.theme.hint), inner);
        return;
    };
    let bars = (inner.height.saturating_sub(FIXED) / 3).clamp(1, 8);
    let rows = [1, 1, bars, 1, 1];
    let mut y = inner.y;
    let mut next = |h: u16| {
        let r = Rect {
            y,
            height: h.min(inner.bottom().saturating_sub(y)),
            ..inner
        };
        y = (y + h).min(inner.bottom());
        r
    };
    let [names, heading, chart, axis, gap] = rows.map(&mut next);
    let rest = Rect {
        y: gap.bottom(),
        height: inner.bottom().saturating_sub(gap.bottom()),
        ..inner
    };
    frame.render_widget(hint(&also(page)).style(app.theme.hint), names);
    histogram(frame, app, page, [heading, chart, axis]);
    lists(frame, app, view, page, rest);
}

/// "also: Renshaw, A. Renshaw", or that there is no other name.
fn also(page: &PersonPage) -> String {
    match page.aliases.is_empty() {
        true => "no other names".to_string(),
        false => format!("also: {}", page.aliases.join(", ")),
    }
}

/// The months as bars, each as wide as the room allows (several months a bar when they do not
/// fit), the span and the busiest month named.
fn histogram(frame: &mut Frame, app: &App, page: &PersonPage, [heading, chart, axis]: [Rect; 3]) {
    let w = usize::from(chart.width);
    let (Some(first), Some(last)) = (page.months.first(), page.months.last()) else {
        let text = "no dated articles";
        frame.render_widget(Paragraph::new(text).style(app.theme.hint), heading);
        return;
    };
    let top = page
        .months
        .iter()
        .max_by_key(|(m, n)| (*n, std::cmp::Reverse(m)));
    let top = top.map_or(String::new(), |(m, n)| {
        format!(", most {} in {m}", thousands(*n))
    });
    let text = format!("Articles per month{top}");
    let style = app.theme.heading;
    frame.render_widget(Paragraph::new(truncate(&text, w)).style(style), heading);
    let data = columns(&page.months, w);
    frame.render_widget(
        Sparkline::default().data(&data).style(app.theme.chip),
        chart,
    );
    let (from, to) = (&first.0, &last.0);
    let gap = w.saturating_sub(width(from) + width(to));
    let text = match gap {
        0 => truncate(from, w),
        _ => format!("{from}{}{to}", " ".repeat(gap)),
    };
    frame.render_widget(Paragraph::new(text).style(app.theme.hint), axis);
}

/// One value per column, the months spread over all `w` columns: with fewer months than
/// columns each takes its share of them (at most 4), with more each column is the mean of its months
/// (a mean, not a sum, so that a column of two months is not drawn twice as tall).
fn columns(months: &[(String, u64)], w: usize) -> Vec<u64> {
    let n = months.len();
    if n == 0 || w == 0 {
        return Vec::new();
    }
    let w = w.min(n * 4);
    (0..w)
        .map(|c| {
            let (from, to) = (c * n / w, ((c + 1) * n / w).max(c * n / w + 1));
            let run = &months[from..to.min(n)];
            run.iter().map(|(_, k)| k).sum::<u64>() / run.len().max(1) as u64
        })
        .collect()
}

/// The people mentioned with them (the chosen one reversed) beside their sources, then the keys.
fn lists(frame: &mut Frame, app: &App, view: &PersonView, page: &PersonPage, area: Rect) {
    let t = &app.theme;
    let w = usize::from(area.width);
    let left_w = (w * 55 / 100).max(1);
    let right_w = w.saturating_sub(left_w + 2);
    let newest = match page.bounded() {
        true => format!(" (newest {})", thousands(page.counted)),
        false => String::new(),
    };
    let body = usize::from(area.height.saturating_sub(2));
    let first = view.selected.saturating_sub(body.saturating_sub(1));
    let entry = |(name, n): &(String, u64), cells: usize| {
        let count = thousands(*n);
        let name_w = cells.saturating_sub(width(&count) + 1);
        format!("{} {count}", fit(name, name_w))
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(
            fit(&format!("Mentioned with them{newest}"), left_w + 2),
            t.heading,
        ),
        Span::styled(
            truncate(&format!("Their sources{newest}"), right_w),
            t.heading,
        ),
    ])];
    for i in 0..body {
        let mut left = page.with.get(first + i).map(|p| entry(p, left_w));
        let right = page.sources.get(i).map(|s| entry(s, right_w));
        if left.is_none() && right.is_none() {
            break;
        }
        let mut style = match first + i == view.selected {
            true => t.selected,
            false => Style::new(),
        };
        if page.with.is_empty() && i == 0 {
            left = Some(fit("nobody else is mentioned with them", left_w));
            style = t.hint;
        }
        let left = left.unwrap_or_else(|| fit("", left_w));
        lines.push(Line::from(vec![
            Span::styled(left, style),
            Span::raw("  "),
            Span::raw(right.unwrap_or_default()),
        ]));
    }
    lines.resize(usize::from(area.height.saturating_sub(1)), Line::default());
    let keys = match view.back.is_empty() {
        true => "Enter: articles with both · ↑/↓ choose · → their page · Esc close",
        false => "Enter: articles with both · ↑/↓ · → their page · ← back · Esc close",
    };
    lines.push(Line::styled(truncate(keys, w), t.hint));
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::columns;

    #[test]
    fn months_spread_over_the_columns_or_share_them() {
        let months = |counts: &[u64]| -> Vec<(String, u64)> {
            counts.iter().map(|n| (String::new(), *n)).collect()
        };
        assert_eq!(columns(&months(&[1, 3]), 4), [1, 1, 3, 3]);
        assert_eq!(columns(&months(&[1, 3]), 80), [1, 1, 1, 1, 3, 3, 3, 3]);
        assert_eq!(columns(&months(&[2, 4, 6, 8]), 2), [3, 7]);
        assert!(columns(&[], 10).is_empty());
    }
}
