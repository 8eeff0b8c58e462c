//! The source, people, date and saved-search pickers: counts under the current filter (the
//! saved searches' own counts) from the worker, fuzzy-matched with nucleo-matcher; Enter adds
//! the chosen term to the query, or makes a saved search's `@name` the whole query. In the
//! people pickers (the filter's and the open article's) → opens the person's page.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::filter;
use crate::query::{Term, TermKind};
use crate::tui::msg::{Command, FacetItem, FacetKind, Request};
use crate::tui::state::{App, PickItem, Picker, PickerKind};
use crate::tui::store_api::UNKNOWN_DATE;

/// The counts a picker shows.
fn facet_of(kind: PickerKind) -> FacetKind {
    match kind {
        PickerKind::Source => FacetKind::Sources,
        PickerKind::Person | PickerKind::ArticlePeople => FacetKind::People,
        PickerKind::Author => FacetKind::Authors,
        PickerKind::Date => FacetKind::Months,
        PickerKind::Saved | PickerKind::SaveAs => FacetKind::Saved,
    }
}

/// Opens a picker of `kind` and asks the worker for its counts.
pub fn open(app: &mut App, kind: PickerKind) -> Vec<Command> {
    let facet = facet_of(kind);
    let mut picker = new_picker(kind, Vec::new());
    picker.loading = true;
    if kind == PickerKind::Date {
        picker.items = fixed_dates(app);
    }
    refilter(&mut picker);
    app.picker = Some(picker);
    let query = app.filter.query.clone();
    vec![Command::Request(Request::Facets {
        gen: app.gen,
        query,
        kind: facet,
    })]
}

/// A picker of `kind` holding `items`, nothing typed yet.
pub(super) fn new_picker(kind: PickerKind, items: Vec<PickItem>) -> Picker {
    let mut picker = Picker {
        kind,
        input: String::new(),
        items,
        shown: Vec::new(),
        selected: 0,
        loading: false,
        matcher: Matcher::new(Config::DEFAULT),
        edit: None,
    };
    refilter(&mut picker);
    picker
}

fn fixed_dates(app: &App) -> Vec<PickItem> {
    let month = app.today.format("%Y-%m").to_string();
    [
        ("today", "date:today".to_string()),
        ("yesterday", "date:yesterday".to_string()),
        ("this week (last 7 days)", "date:7d".to_string()),
        ("this month", format!("date:{month}")),
        ("last 30 days", "date:30d".to_string()),
    ]
    .into_iter()
    .map(|(label, term)| PickItem {
        label: label.into(),
        aliases: vec![],
        count: None,
        unread: None,
        term,
    })
    .collect()
}

/// Puts the worker's counts into the open picker of that kind.
pub fn fill(app: &mut App, kind: FacetKind, items: Vec<FacetItem>) {
    let Some(picker) = app.picker.as_mut() else {
        return;
    };
    if kind != facet_of(picker.kind) || picker.kind == PickerKind::ArticlePeople {
        return;
    }
    let term = |label: &str| match kind {
        FacetKind::Sources => Term::new(false, TermKind::Source(label.into())).to_string(),
        FacetKind::People => Term::new(false, TermKind::Person(label.into())).to_string(),
        FacetKind::Authors => Term::new(false, TermKind::Author(label.into())).to_string(),
        FacetKind::Months if label == UNKNOWN_DATE => "date:none".to_string(),
        FacetKind::Months => format!("date:{label}"),
        FacetKind::Saved => Term::new(false, TermKind::Saved(label.into())).to_string(),
    };
    let items = items.into_iter().map(|i| PickItem {
        term: term(&i.label),
        label: i.label,
        aliases: i.aliases,
        count: Some(i.count),
        unread: i.unread,
    });
    picker.items.extend(items);
    picker.loading = false;
    refilter(picker);
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<Command> {
    let Some(picker) = app.picker.as_mut() else {
        return Vec::new();
    };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if picker.edit.is_some() {
        if let Some(commands) = super::corrections::edit_key(app, key, ctrl) {
            return commands;
        }
    } else if ctrl {
        if let Some(commands) = super::corrections::start(app, key.code) {
            return commands;
        }
    }
    let Some(picker) = app.picker.as_mut() else {
        return Vec::new();
    };
    let len = picker.shown.len();
    let chosen = picker.shown.get(picker.selected).map(|i| &picker.items[*i]);
    let person = chosen.map(|item| item.label.clone());
    let people = matches!(picker.kind, PickerKind::Person | PickerKind::ArticlePeople);
    match key.code {
        KeyCode::Esc => app.picker = None,
        KeyCode::Right | KeyCode::Enter if picker.kind == PickerKind::ArticlePeople => {
            return person.map_or_else(Vec::new, |name| super::person::open(app, &name));
        }
        KeyCode::Right if people => {
            return person.map_or_else(Vec::new, |name| super::person::open(app, &name));
        }
        KeyCode::Enter => {
            let term = chosen.map(|item| item.term.clone());
            let kind = picker.kind;
            if kind == PickerKind::SaveAs {
                return super::saved::save(app);
            }
            app.picker = None;
            match term {
                // A saved search is a whole query: it replaces the filter.
                Some(term) if kind == PickerKind::Saved => return filter::set_text(app, &term),
                Some(term) => return add_terms(app, &[term]),
                None => {}
            }
        }
        KeyCode::Down | KeyCode::Tab => {
            picker.selected = (picker.selected + 1).min(len.saturating_sub(1))
        }
        KeyCode::Char('n') if ctrl => {
            picker.selected = (picker.selected + 1).min(len.saturating_sub(1))
        }
        KeyCode::Up | KeyCode::BackTab => picker.selected = picker.selected.saturating_sub(1),
        KeyCode::Char('p') if ctrl => picker.selected = picker.selected.saturating_sub(1),
        KeyCode::PageDown => picker.selected = (picker.selected + 10).min(len.saturating_sub(1)),
        KeyCode::PageUp => picker.selected = picker.selected.saturating_sub(10),
        KeyCode::Char('u') if ctrl => {
            picker.input.clear();
            refilter(picker);
        }
        KeyCode::Backspace => {
            picker.input.pop();
            refilter(picker);
        }
        KeyCode::Char(c) if !ctrl && !c.is_control() => {
            picker.input.push(c);
            refilter(picker);
        }
        _ => {}
    }
    Vec::new()
}

/// Adds `terms` to the filter text (each once) and applies it.
pub(super) fn add_terms(app: &mut App, terms: &[String]) -> Vec<Command> {
    let base = if app.filter.error.is_some() {
        app.filter.applied.clone()
    } else {
        app.filter.text().to_string()
    };
    let mut text = base.trim_end().to_string();
    for term in terms {
        // A quoted name has spaces: look for the term whole, between spaces.
        if !format!(" {text} ").contains(&format!(" {term} ")) {
            text = format!("{text} {term}");
        }
    }
    if text == base.trim_end() {
        return Vec::new();
    }
    filter::set_text(app, text.trim_start())
}

/// Orders the items by fuzzy score against the input (all, in count order, when empty); in the
/// date picker a typed date or range is offered first.
pub fn refilter(picker: &mut Picker) {
    picker.items.retain(|i| !i.label.starts_with("typed: "));
    let input = picker.input.trim().to_string();
    if picker.kind == PickerKind::Date && looks_like_date(&input) {
        let term = format!("date:{input}");
        picker.items.insert(
            0,
            PickItem {
                label: format!("typed: {term}"),
                aliases: vec![],
                count: None,
                unread: None,
                term,
            },
        );
    }
    picker.selected = 0;
    if input.is_empty() {
        picker.shown = (0..picker.items.len()).collect();
        return;
    }
    let pattern = Pattern::parse(&input, CaseMatching::Ignore, Normalization::Smart);
    let mut buf = Vec::new();
    let mut scored: Vec<(u32, usize)> = Vec::new();
    for (i, item) in picker.items.iter().enumerate() {
        let hay = std::iter::once(&item.label)
            .chain(&item.aliases)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        let hay = if item.label.starts_with("typed: ") {
            input.clone()
        } else {
            hay
        };
        if let Some(score) = pattern.score(Utf32Str::new(&hay, &mut buf), &mut picker.matcher) {
            scored.push((score, i));
        }
    }
    scored.sort_by_key(|(score, i)| (std::cmp::Reverse(*score), *i));
    picker.shown = scored.into_iter().map(|(_, i)| i).collect();
}

/// "2025-12", "2025-01..2025-03", "..2025-06", "7d", "2w", "today".
fn looks_like_date(input: &str) -> bool {
    matches!(input, "today" | "yesterday")
        || (input.starts_with(|c: char| c.is_ascii_digit() || c == '.')
            && input
                .chars()
                .all(|c| c.is_ascii_digit() || "-.dwmy".contains(c)))
}
