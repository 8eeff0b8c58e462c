//! The configuration in effect written as TOML (`byline config print`): every setting, in the
//! order and sections of `assets/config.toml`, so that reading it back gives the same config.

use toml_edit::{Array, Value};

use super::{color_name, Config, ROLES};
use crate::tui::keymap::Action;

pub(super) fn to_toml(config: &Config) -> String {
    let mut out = String::from(
        "# byline: the configuration in effect (defaults, then the user's file)\n\n[ui]\n",
    );
    let minutes = config.fetch_interval.map_or(0, |d| d.as_secs() / 60);
    for (key, value) in [
        ("ascii_borders", Value::from(config.ascii_borders)),
        ("list_percent", Value::from(i64::from(config.list_percent))),
        ("mouse", Value::from(config.mouse)),
        ("hyperlinks", Value::from(config.hyperlinks)),
        ("fetch_interval_minutes", Value::from(minutes as i64)),
    ] {
        entry(&mut out, key, value);
    }
    out.push_str("\n[open]\n");
    match &config.browser {
        Some(args) => entry(&mut out, "browser", list(args)),
        None => out.push_str("# browser: not set ($BROWSER, then the system opener)\n"),
    }
    out.push_str("\n[keys]\n");
    for action in Action::ALL {
        let keys = config.keymap.keys_of(*action);
        let value = match keys.as_slice() {
            [one] => Value::from(one.as_str()),
            many => list(many),
        };
        entry(&mut out, action.name(), value);
    }
    out.push_str("\n[colors]\n");
    for role in ROLES {
        entry(
            &mut out,
            role,
            Value::from(color_name(config.colors.get(role))),
        );
    }
    out
}

fn list(items: &[String]) -> Value {
    Value::Array(items.iter().map(String::as_str).collect::<Array>())
}

fn entry(out: &mut String, key: &str, value: Value) {
    let key = toml_edit::Key::new(key);
    out.push_str(&format!("{key} = {}\n", value.to_string().trim()));
}
