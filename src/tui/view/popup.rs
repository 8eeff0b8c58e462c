//! Popups: the pickers (query line and counted, fuzzy-ordered choices) and the key help.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use super::pane;
use crate::tui::keymap::Action;
use crate::tui::layout;
use crate::tui::state::{App, NameEdit, Picker, PickerKind};
use crate::tui::text::{fit, thousands, truncate, width};

const HELP_WIDTH: u16 = 78;

pub fn picker(frame: &mut Frame, area: Rect, app: &App, picker: &Picker) {
    let t = &app.theme;
    let rows = (picker.shown.len() as u16).saturating_add(3).clamp(8, 22);
    let popup = layout::popup(area, 60, rows);
    let merge_title;
    let title = match (picker.kind, &picker.edit) {
        (PickerKind::Person, Some(NameEdit::Rename(_))) => {
            " Rename the person (Enter renames, Esc goes back) "
        }
        (_, Some(NameEdit::Rename(_))) => " Rename the source (Enter renames, Esc goes back) ",
        (_, Some(NameEdit::Alias(_))) => " Another name for them (Enter adds it, Esc goes back) ",
        (_, Some(NameEdit::MergeFrom(from))) => {
            merge_title = format!(" Merge {from} into… (Enter merges, Esc goes back) ");
            merge_title.as_str()
        }
        (PickerKind::Source, None) => " Sources (^R rename) ",
        (PickerKind::Person, None) => " People (→ page ^R rename ^O alias ^G merge ^X drop) ",
        (PickerKind::ArticlePeople, _) => " Whose page? (Enter opens it) ",
        (PickerKind::Date, None) => " Dates ",
        (PickerKind::Saved, None) => " Saved searches ",
        (PickerKind::Author, None) => " Authors ",
        (PickerKind::SaveAs, None) => " Save the filter as: type a name, Enter (Esc cancels) ",
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(pane(app, title, popup.width, true), popup);
    let inner = layout::inner(popup);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let w = usize::from(inner.width);
    let prompt = match picker.edit {
        Some(NameEdit::Rename(_)) => "new name: ",
        Some(NameEdit::Alias(_)) => "also called: ",
        _ => "> ",
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(prompt, t.border_focus),
        Span::raw(truncate(&picker.input, w.saturating_sub(3))),
        Span::styled(" ", t.selected),
    ])];
    let rows = usize::from(inner.height.saturating_sub(1));
    let first = picker.selected.saturating_sub(rows.saturating_sub(1));
    for (n, index) in picker.shown.iter().enumerate().skip(first).take(rows) {
        let item = &picker.items[*index];
        let mut count = item.count.map(thousands).unwrap_or_default();
        if let Some(unread) = item.unread {
            count = format!("{count} · {} unread", thousands(unread));
        }
        let label_w = w.saturating_sub(width(&count) + 1);
        let text = format!("{} {count}", fit(&label(picker.kind, item), label_w));
        let style = if n == picker.selected {
            t.selected
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::from(Span::styled(truncate(&text, w), style)));
    }
    if picker.shown.is_empty() && rows > 0 {
        let msg = if picker.loading {
            "loading…"
        } else {
            "nothing matches"
        };
        lines.push(Line::from(Span::styled(truncate(msg, w), t.hint)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// What a picker's entry shows: a saved search as `@name  its query`, others their label.
fn label(kind: PickerKind, item: &crate::tui::state::PickItem) -> String {
    match (kind, item.aliases.first()) {
        (PickerKind::Saved | PickerKind::SaveAs, Some(query)) => {
            format!("{}  {}", item.term, crate::text::sanitize_line(query))
        }
        _ => item.label.clone(),
    }
}

/// Every key: the configurable actions, then the filter bar and picker keys; above them, the
/// problems found in `config.toml` at start, if any, wrapped to be read whole.
pub fn help(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let mut rows = config_problems(app, area);
    rows.extend(Action::ALL.iter().map(|a| {
        (
            app.config.keymap.keys_of(*a).join(" "),
            a.help().to_string(),
        )
    }));
    rows.push(("ctrl-c".into(), "quit".into()));
    let first = |a: Action| app.config.keymap.keys_of(a).into_iter().next();
    if let (Some(open), Some(copy)) = (first(Action::OpenUrl), first(Action::CopyUrl)) {
        rows.push((
            format!("3{open} 3{copy}"),
            "open / copy the article's link [3]".into(),
        ));
    }
    rows.push((String::new(), String::new()));
    rows.push((
        "filter bar".into(),
        "type to filter as you go · Enter apply · Esc leave".into(),
    ));
    rows.push((
        "pickers".into(),
        "type to narrow · ↑/↓ choose · Enter add · Esc close".into(),
    ));
    rows.push((
        "people pickers".into(),
        "→ the person's page: articles per month, who with, sources".into(),
    ));
    rows.push((
        "person page".into(),
        "↑/↓ choose · Enter articles with both · → their page · ← back".into(),
    ));
    rows.push((
        "corrections".into(),
        "people picker: ^R rename · ^O another name · ^G merge into…".into(),
    ));
    rows.push((
        String::new(),
        "^X not a person · u undoes each (^R also renames a source)".into(),
    ));
    rows.push((
        "feeds view".into(),
        "Enter its articles · r fetch it · A mark read · Esc close".into(),
    ));
    rows.push((
        "query".into(),
        "source:X person:\"A B\" date:7d is:unread -word @saved".into(),
    ));
    let popup = layout::popup(area, HELP_WIDTH, rows.len() as u16 + 3);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        pane(
            app,
            " Keys (j/k space b g G scroll; other keys close) ",
            popup.width,
            true,
        ),
        popup,
    );
    let inner = layout::inner(popup);
    let w = usize::from(inner.width);
    let key_w = 18.min(w / 3);
    let scroll =
        usize::from(app.help_scroll).min(rows.len().saturating_sub(usize::from(inner.height)));
    let lines: Vec<Line> = rows
        .iter()
        .skip(scroll)
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(fit(keys, key_w), t.chip),
                Span::raw(" "),
                Span::raw(truncate(what, w.saturating_sub(key_w + 1))),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Rows for the config problems (label, then each problem wrapped to the help's text column).
fn config_problems(app: &App, area: Rect) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    let inner = usize::from(area.width.min(HELP_WIDTH).saturating_sub(2));
    let room = inner.saturating_sub(18.min(inner / 3) + 1).max(10);
    for (i, problem) in app.config_warnings.iter().enumerate() {
        let problem = crate::text::sanitize_line(problem);
        for (j, part) in textwrap::wrap(&problem, room).into_iter().enumerate() {
            let label = if i == 0 && j == 0 {
                "config problems"
            } else {
                ""
            };
            rows.push((label.to_string(), part.into_owned()));
        }
    }
    if !rows.is_empty() {
        rows.push((String::new(), String::new()));
    }
    rows
}
