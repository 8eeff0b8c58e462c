//! The `[keys]` section: each action's key names read, a key given to two actions reported
//! (it stays with the first), a key taken from another action moved, and any action left
//! without a key reported. A binding that would leave `quit` without a key is refused.

use std::collections::HashMap;
use std::ops::Range;

use toml_edit::{Item, TableLike, Value};

use super::read::{entry_span, problem_span, shown, strings};
use super::report::Report;
use super::Config;
use crate::tui::keymap::{Action, Key, Keymap};

type Span = Option<Range<usize>>;

pub(super) fn apply(config: &mut Config, table: &dyn TableLike, report: &mut Report) {
    // Each key the file gives, with the action it gave it to first.
    let mut given: HashMap<Key, Action> = HashMap::new();
    // Actions that lost their last key, with the action that took it and where.
    let mut lost: Vec<(Action, Action, Span)> = Vec::new();
    for (name, item) in table.iter() {
        let Some(action) = Action::from_name(name) else {
            let span = entry_span(table, name, item);
            report.at(span, format!("unknown action `{name}` in [keys]; ignored"));
            continue;
        };
        let span = problem_span(table, name, item, true);
        let keys = match key_list(name, item) {
            Ok(keys) => keys,
            Err(message) => {
                report.at(span, message);
                continue;
            }
        };
        let keys = first_claims(action, keys, &mut given, |message| {
            report.at(span.clone(), message)
        });
        if keys.is_empty() {
            report.at(
                span,
                format!("{name} would have no key; keeping its default"),
            );
            continue;
        }
        if let Some(Action::Quit) = config.keymap.would_orphan(action, &keys) {
            report.at(
                span,
                format!("{name} would take every key of quit, leaving no way to quit; keeping the default"),
            );
            continue;
        }
        for orphan in orphaned(&config.keymap, action, &keys) {
            lost.push((orphan, action, span.clone()));
        }
        config.keymap.bind(action, &keys);
    }
    for (orphan, taker, span) in lost {
        if config.keymap.keys_of(orphan).is_empty() {
            let (o, t) = (orphan.name(), taker.name());
            report.at(
                span,
                format!("{o} is left without a key ({t} took its keys); give {o} a key in [keys]"),
            );
        }
    }
}

/// The keys of one entry: one name or a list of names.
fn key_list(name: &str, item: &Item) -> Result<Vec<Key>, String> {
    let names = match item.as_value() {
        Some(Value::String(s)) => vec![s.value().clone()],
        Some(Value::Array(list)) => strings(list).ok_or_else(|| {
            format!(
                "{name} must be a key name or a list of key names, got {}",
                shown(item)
            )
        })?,
        _ => {
            return Err(format!(
            "{name} must be a key name (\"j\", \"ctrl-d\", \"enter\") or a list of them, got {}",
            shown(item)
        ))
        }
    };
    let mut keys = Vec::new();
    for key_name in &names {
        let key = Key::parse(key_name).ok_or_else(|| {
            format!("unknown key name \"{key_name}\" for {name}; keeping the default")
        })?;
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    Ok(keys)
}

/// `keys` without those the file already gave to another action (each one reported).
fn first_claims(
    action: Action,
    keys: Vec<Key>,
    given: &mut HashMap<Key, Action>,
    mut report: impl FnMut(String),
) -> Vec<Key> {
    let mut kept = Vec::new();
    for key in keys {
        match given.get(&key) {
            Some(first) if *first != action => report(format!(
                "key \"{}\" is bound to both {} and {}; it stays with {}",
                key.label(),
                first.name(),
                action.name(),
                first.name()
            )),
            _ => {
                given.insert(key, action);
                kept.push(key);
            }
        }
    }
    kept
}

/// The actions other than `action` whose every key is among `keys`.
fn orphaned(keymap: &Keymap, action: Action, keys: &[Key]) -> Vec<Action> {
    let labels: Vec<String> = keys.iter().map(Key::label).collect();
    Action::ALL
        .iter()
        .copied()
        .filter(|a| *a != action)
        .filter(|a| {
            let theirs = keymap.keys_of(*a);
            !theirs.is_empty() && theirs.iter().all(|k| labels.contains(k))
        })
        .collect()
}
