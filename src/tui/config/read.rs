//! Reading a parsed `config.toml` into a [`Config`]: the `[ui]`, `[open]` and `[colors]`
//! settings with their types and ranges (`[keys]` is in `keys.rs`). A bad entry is reported
//! and leaves the setting as it was.

use std::ops::Range;

use toml_edit::{Item, Table, TableLike, Value};

use super::report::Report;
use super::{keys, parse_color, Config};

/// Longest interval for `fetch_interval_minutes`: a week.
const MAX_FETCH_MINUTES: i64 = 7 * 24 * 60;

pub(super) fn apply(config: &mut Config, root: &Table, report: &mut Report) {
    for (name, item) in root.iter() {
        let span = entry_span(root, name, item);
        let Some(table) = item.as_table_like() else {
            let what = if item.is_array_of_tables() {
                format!("[[{name}]] must be written [{name}], once")
            } else {
                format!("`{name}` is outside a section; ignored")
            };
            report.at(span, what);
            continue;
        };
        match name {
            "ui" => each(table, UI, report, |key, item| ui(config, key, item)),
            "open" => each(table, &["browser"], report, |key, item| {
                open(config, key, item)
            }),
            "colors" => each(table, super::ROLES, report, |key, item| {
                color(config, key, item)
            }),
            "keys" => keys::apply(config, table, report),
            _ => report.at(
                span,
                format!("unknown section [{name}]; ignored (known: ui, open, keys, colors)"),
            ),
        }
    }
}

/// Where an entry is written: its key, else its value.
pub(super) fn entry_span(table: &dyn TableLike, key: &str, item: &Item) -> Option<Range<usize>> {
    table
        .key(key)
        .and_then(|k| k.span())
        .or_else(|| item.span())
}

/// The settings of `[ui]`.
const UI: &[&str] = &[
    "ascii_borders",
    "list_percent",
    "mouse",
    "hyperlinks",
    "fetch_interval_minutes",
];

/// Where a problem with an entry is: its value when the name is one of `known`, else its name.
pub(super) fn problem_span(
    table: &dyn TableLike,
    key: &str,
    item: &Item,
    known: bool,
) -> Option<Range<usize>> {
    match item.span() {
        Some(span) if known => Some(span),
        _ => entry_span(table, key, item),
    }
}

fn each(
    table: &dyn TableLike,
    known: &[&str],
    report: &mut Report,
    mut set: impl FnMut(&str, &Item) -> Result<(), String>,
) {
    for (key, item) in table.iter() {
        if let Err(message) = set(key, item) {
            let span = problem_span(table, key, item, known.contains(&key));
            report.at(span, message);
        }
    }
}

fn ui(config: &mut Config, key: &str, item: &Item) -> Result<(), String> {
    match key {
        "ascii_borders" => config.ascii_borders = boolean(key, item)?,
        "mouse" => config.mouse = boolean(key, item)?,
        "hyperlinks" => config.hyperlinks = boolean(key, item)?,
        "list_percent" => config.list_percent = number(key, item, 20, 80)? as u16,
        "fetch_interval_minutes" => {
            let minutes = number(key, item, 0, MAX_FETCH_MINUTES)?;
            config.fetch_interval =
                (minutes > 0).then(|| std::time::Duration::from_secs(minutes as u64 * 60));
        }
        "browser" => return Err("browser belongs in [open], not [ui]; ignored".into()),
        _ => return Err(format!("unknown setting `{key}` in [ui]; ignored")),
    }
    Ok(())
}

fn open(config: &mut Config, key: &str, item: &Item) -> Result<(), String> {
    if key != "browser" {
        return Err(format!("unknown setting `{key}` in [open]; ignored"));
    }
    let args = match item.as_value() {
        Some(Value::String(s)) => super::super::opener::split_command(s.value())
            .map_err(|e| format!("browser cannot be read: {e}"))?,
        Some(Value::Array(list)) => strings(list).ok_or_else(|| {
            format!(
                "browser must be a command line or a list of arguments, got {}",
                shown(item)
            )
        })?,
        _ => {
            return Err(format!(
                "browser must be a command line (\"firefox --new-tab %u\") or a list of arguments, got {}",
                shown(item)
            ))
        }
    };
    if args.first().is_none_or(|program| program.trim().is_empty()) {
        return Err("browser names no program; ignored".into());
    }
    config.browser = Some(args);
    Ok(())
}

fn color(config: &mut Config, role: &str, item: &Item) -> Result<(), String> {
    let Some(slot) = config.colors.slot(role) else {
        let known = super::ROLES.join(", ");
        return Err(format!(
            "unknown colour role `{role}` in [colors] (known: {known})"
        ));
    };
    let Some(name) = item.as_str() else {
        return Err(format!(
            "{role} must be a colour name such as \"cyan\", got {}",
            shown(item)
        ));
    };
    *slot = parse_color(name).ok_or_else(|| {
        format!("unknown colour \"{name}\" for {role}: use one of the 16 ANSI colour names or \"default\"")
    })?;
    Ok(())
}

fn boolean(key: &str, item: &Item) -> Result<bool, String> {
    item.as_bool()
        .ok_or_else(|| format!("{key} must be true or false, got {}", shown(item)))
}

fn number(key: &str, item: &Item, low: i64, high: i64) -> Result<i64, String> {
    let n = item.as_integer().ok_or_else(|| {
        format!(
            "{key} must be a whole number from {low} to {high}, got {}",
            shown(item)
        )
    })?;
    if !(low..=high).contains(&n) {
        return Err(format!("{key} must be between {low} and {high}, got {n}"));
    }
    Ok(n)
}

/// The items of an array, when they are all strings.
pub(super) fn strings(list: &toml_edit::Array) -> Option<Vec<String>> {
    list.iter()
        .map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// A value as the user would write it, for messages: `"yes"`, `95`, `a table`.
pub(super) fn shown(item: &Item) -> String {
    match item {
        Item::Value(value) => {
            let mut value = value.clone();
            value.decor_mut().clear();
            let text = value.to_string();
            let text = text.trim();
            match text.char_indices().nth(40) {
                Some((cut, _)) => format!("{}…", &text[..cut]),
                None => text.to_string(),
            }
        }
        Item::Table(_) => "a table".into(),
        Item::ArrayOfTables(_) => "an array of tables".into(),
        Item::None => "nothing".into(),
    }
}
