//! The filter bar, the chips (or the query error under its term) and the status line.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::query::{Term, TermKind};
use crate::tui::keymap::Action;
use crate::tui::state::{App, FlashKind, Focus};
use crate::tui::text::{thousands, truncate, width};

/// Cells before the input: " / ".
const PROMPT: &str = " / ";

pub fn filter_bar(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let focused = app.focus == Focus::Filter;
    let prompt_style = if focused { t.border_focus } else { t.hint };
    frame.render_widget(Paragraph::new(Span::styled(PROMPT, prompt_style)), area);
    let input = Rect {
        x: area.x + 3,
        width: area.width.saturating_sub(3),
        ..area
    };
    if focused {
        frame.render_widget(&app.filter.input, input);
    } else {
        let text = app.filter.text();
        let (shown, style) = if text.is_empty() {
            (
                "press / to filter · s source · p person · d date · ? help",
                t.hint,
            )
        } else {
            (text, ratatui::style::Style::new())
        };
        frame.render_widget(
            Paragraph::new(truncate(shown, usize::from(input.width))).style(style),
            input,
        );
    }
}

/// Under the bar: the error pointing at the bad term, or the parsed terms as chips.
pub fn chips(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let w = usize::from(area.width);
    if let Some(err) = &app.filter.error {
        let before: String = app.filter.text().chars().take(err.span.start).collect();
        let col = width(PROMPT) + width(&before);
        let bad: String = app
            .filter
            .text()
            .chars()
            .skip(err.span.start)
            .take(err.span.len())
            .collect();
        let term_w = width(&bad).max(1);
        let msg = format!("{} {}", "^".repeat(term_w), err.message);
        let line = if col + 8 < w {
            Line::from(vec![
                Span::raw(" ".repeat(col)),
                Span::styled(truncate(&msg, w - col), t.error),
            ])
        } else {
            Line::from(Span::styled(
                truncate(&format!("column {}: {}", err.column, err.message), w),
                t.error,
            ))
        };
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let terms = &app.filter.query.terms;
    if terms.is_empty() {
        return;
    }
    let text: Vec<char> = app.filter.applied.chars().collect();
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    let mut words = Vec::new();
    for term in terms {
        let value = term_value(&text, term);
        let label = match &term.kind {
            TermKind::Word(_) | TermKind::Phrase(_) => {
                words.push(value);
                continue;
            }
            TermKind::Source(_) => "source",
            TermKind::Person(_) => "person",
            TermKind::Author(_) => "author",
            TermKind::Tag(_) => "tag",
            TermKind::Date(_) => "date",
            TermKind::Is(_) => "is",
            TermKind::Saved(_) => "saved",
        };
        push_chip(&mut spans, &mut used, w, app, label, &value, term.negated);
    }
    if !words.is_empty() {
        push_chip(
            &mut spans,
            &mut used,
            w,
            app,
            "words",
            &words.join(" "),
            false,
        );
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The term as typed, without its field name and minus sign.
fn term_value(text: &[char], term: &Term) -> String {
    let end = term.span.end.min(text.len());
    let start = term.span.start.min(end);
    let raw: String = text[start..end].iter().collect();
    let raw = raw.strip_prefix('-').unwrap_or(&raw).to_string();
    match &term.kind {
        TermKind::Word(_) | TermKind::Phrase(_) if term.negated => format!("-{raw}"),
        TermKind::Word(_) | TermKind::Phrase(_) => raw,
        _ => raw
            .split_once(':')
            .map_or(raw.clone(), |(_, v)| v.to_string()),
    }
}

fn push_chip(
    spans: &mut Vec<Span<'static>>,
    used: &mut usize,
    w: usize,
    app: &App,
    label: &str,
    value: &str,
    negated: bool,
) {
    let not = if negated { "not " } else { "" };
    let chip = format!("[{not}{label}: {value}]");
    let room = w.saturating_sub(*used);
    if room < 4 {
        return;
    }
    let chip = truncate(&chip, room.saturating_sub(1));
    *used += width(&chip) + 1;
    spans.push(Span::styled(chip, app.theme.chip));
    spans.push(Span::raw(" "));
}

/// "1,234 of 98,765" (and the order, unless newest first), then the flash message or key hints.
pub fn status(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let w = usize::from(area.width);
    let count = match (app.results.count, app.total) {
        (Some(c), Some(total)) => format!(" {} of {}", thousands(c), thousands(total)),
        (Some(c), None) => format!(" {}", thousands(c)),
        _ => " loading…".to_string(),
    };
    let loading = if app.results.pending.is_empty() {
        ""
    } else {
        " …"
    };
    // Any order but the default is named, so a list in another order is never mistaken.
    let order = match app.sort {
        crate::store::Sort::Newest => String::new(),
        sort => format!(" · {}", sort.label()),
    };
    let left = format!("{count}{order}{loading}  ");
    let fetching = app
        .fetch
        .map(|f| format!("fetching {}  ", f.progress()))
        .unwrap_or_default();
    let arrived = format!("{fetching}{}", arrived(app));
    let (right, style) = match &app.flash {
        Some((msg, FlashKind::Warn)) => (msg.clone(), t.error),
        Some((msg, FlashKind::Info)) => (msg.clone(), ratatui::style::Style::new()),
        None => (hints(app), t.hint),
    };
    let left = truncate(&left, w);
    let arrived = truncate(&arrived, w.saturating_sub(width(&left)));
    let rest = w.saturating_sub(width(&left) + width(&arrived));
    let cut = width(&right) > rest;
    let line = Line::from(vec![
        Span::styled(left, t.title),
        Span::styled(arrived, t.heading),
        Span::styled(truncate(&right, rest), style),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    if cut && app.flash.is_some() {
        whole_flash(frame, area, &right, style);
    }
}

/// A message too long for the status line (a long URL copied over SSH, an error naming a
/// program and a link) is also shown whole, wrapped in rows just above it, until the next key.
fn whole_flash(frame: &mut Frame, status: Rect, message: &str, style: ratatui::style::Style) {
    let w = usize::from(status.width);
    if w < 10 || status.y == 0 {
        return;
    }
    let options = textwrap::Options::new(w).word_splitter(textwrap::WordSplitter::NoHyphenation);
    let lines: Vec<Line> = textwrap::wrap(message, options)
        .into_iter()
        .map(|part| Line::from(Span::styled(part.into_owned(), style)))
        .collect();
    let height = (lines.len() as u16).min(status.y);
    let area = Rect {
        y: status.y - height,
        height,
        ..status
    };
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(Paragraph::new(lines).style(style.reversed()), area);
}

/// "37 new · R refresh" while an import beside the reader has added articles the list does not
/// show yet ("store changed" when it only updated some).
fn arrived(app: &App) -> String {
    let Some(now) = app.changed_total else {
        return String::new();
    };
    let key = app.config.keymap.keys_of(Action::Refresh);
    let key = key.first().map_or("", String::as_str);
    let new = now.saturating_sub(app.total.unwrap_or(0));
    let what = match new {
        0 => "store changed".to_string(),
        1 => "1 new".to_string(),
        n => format!("{} new", thousands(n)),
    };
    format!("{what} · {key} refresh  ")
}

fn hints(app: &App) -> String {
    let k = |a: Action| {
        let keys = app.config.keymap.keys_of(a);
        let named = keys
            .iter()
            .find(|k| ["enter", "esc", "space"].contains(&k.as_str()));
        named.or(keys.first()).cloned().unwrap_or_default()
    };
    match app.focus {
        Focus::Filter => "enter apply · esc leave · source: person: date: is: words".into(),
        Focus::Reader => format!(
            "{}/{} page · {}/{} line · {}/{} match · {} copy · {} open · {} back · {} help",
            k(Action::ReadPageDown),
            k(Action::ReadPageUp),
            k(Action::LineDown),
            k(Action::LineUp),
            k(Action::NextMatch),
            k(Action::PrevMatch),
            k(Action::CopyUrl),
            k(Action::OpenUrl),
            k(Action::Back),
            k(Action::Help),
        ),
        Focus::List => format!(
            "{}/{} move · {} read · {} filter · {} {} {} pick · {} read · {} star · {} help · {} quit",
            k(Action::Down),
            k(Action::Up),
            k(Action::Open),
            k(Action::Filter),
            k(Action::PickSource),
            k(Action::PickPerson),
            k(Action::PickDate),
            k(Action::ToggleRead),
            k(Action::ToggleStar),
            k(Action::Help),
            k(Action::Quit),
        ),
    }
}
