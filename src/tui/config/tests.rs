//! Unit tests of reading, checking and printing `config.toml`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

use super::Config;
use crate::tui::keymap::Action;

fn key(c: char) -> KeyEvent {
    let mods = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), mods)
}

#[test]
fn defaults_load_without_warnings_and_bind_every_action() {
    let (config, warnings) = Config::load(None, "x");
    assert!(warnings.is_empty());
    for action in Action::ALL {
        assert!(
            !config.keymap.keys_of(*action).is_empty(),
            "{action:?} unbound"
        );
    }
    assert_eq!(config.browser, None);
}

#[test]
fn a_key_that_would_leave_quit_without_keys_is_refused() {
    let quit_keys = Config::load(None, "").0.keymap.keys_of(Action::Quit);
    let list = quit_keys
        .iter()
        .map(|k| format!("{k:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let text = format!("[keys]\nfeeds = [{list}]\n");
    let (config, warnings) = Config::load(Some(&text), "config.toml");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("no way to quit"), "{warnings:?}");
    assert_eq!(config.keymap.keys_of(Action::Quit), quit_keys);
}

#[test]
fn every_bad_entry_is_reported_with_its_line_and_the_good_ones_apply() {
    let text = "[keys]\nquit = \"Q\"\nfly = \"f\"\ndown = [\"n\", \"nonsense\"]\n\n[colors]\naccent = \"pink\"\nstar = 'red' # comment\n[ui]\nascii_borders = true\nlist_percent = 95\nmouse = \"yes\"\nzoom = 2\n[extra]\na = 1\n";
    let (config, warnings) = Config::load(Some(text), "config.toml");
    let expected = [
        "config.toml line 3, column 1: unknown action `fly` in [keys]; ignored",
        "config.toml line 4, column 8: unknown key name \"nonsense\" for down; keeping the default",
        "config.toml line 7, column 10: unknown colour \"pink\" for accent",
        "config.toml line 11, column 16: list_percent must be between 20 and 80, got 95",
        "config.toml line 12, column 9: mouse must be true or false, got \"yes\"",
        "config.toml line 13, column 1: unknown setting `zoom` in [ui]; ignored",
        "config.toml line 14, column 2: unknown section [extra]",
    ];
    assert_eq!(warnings.len(), expected.len(), "{warnings:#?}");
    for (got, want) in warnings.iter().zip(expected) {
        assert!(
            got.starts_with(want),
            "{got:?} does not start with {want:?}"
        );
    }
    assert_eq!(config.keymap.action(&key('Q')), Some(Action::Quit));
    assert_eq!(config.keymap.action(&key('j')), Some(Action::Down));
    assert_eq!(config.colors.star, Some(Color::Red));
    assert_eq!(config.colors.accent, Some(Color::Cyan));
    assert!(config.ascii_borders);
    assert_eq!(config.list_percent, 45);
}

#[test]
fn a_syntax_error_gives_line_and_column_and_keeps_the_defaults() {
    let (config, warnings) =
        Config::load(Some("[ui]\nmouse = true\nlist_percent = = 3\n"), "c.toml");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("c.toml line 3, column "),
        "{warnings:?}"
    );
    assert!(warnings[0].contains("not valid TOML"), "{warnings:?}");
    assert!(!config.mouse);
}

#[test]
fn any_valid_toml_is_read() {
    let text = r#"
ui = { mouse = true, "list_percent" = 60 }
[keys]
"down" = [
    "j",   # the usual
    "ctrl-n",
]
[colors]
hint.x = "red"
"#;
    let (config, warnings) = Config::load(Some(text), "c");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("c line 9, column 1: hint must be a colour name"),
        "{warnings:?}"
    );
    assert!(config.mouse);
    assert_eq!(config.list_percent, 60);
    assert_eq!(config.keymap.keys_of(Action::Down), ["j", "ctrl-n"]);
}

#[test]
fn a_key_given_to_two_actions_is_reported_and_stays_with_the_first() {
    let text = "[keys]\ntop = \"w\"\nbottom = [\"w\", \"end\"]\n";
    let (config, warnings) = Config::load(Some(text), "c");
    assert_eq!(
        warnings,
        ["c line 3, column 10: key \"w\" is bound to both top and bottom; it stays with top"]
    );
    assert_eq!(config.keymap.action(&key('w')), Some(Action::Top));
    assert_eq!(config.keymap.keys_of(Action::Bottom), ["end"]);
}

#[test]
fn an_action_left_without_a_key_is_reported() {
    let (config, warnings) = Config::load(Some("[keys]\n\n# take F\nrefresh = \"F\"\n"), "c");
    assert_eq!(
        warnings,
        ["c line 4, column 11: feeds is left without a key (refresh took its keys); give feeds a key in [keys]"]
    );
    assert_eq!(config.keymap.action(&key('F')), Some(Action::Refresh));
    // Given another key later in the file, it is not.
    let text = "[keys]\nrefresh = \"F\"\nfeeds = \"f\"\n";
    assert!(Config::load(Some(text), "c").1.is_empty());
    // Swapping two actions' keys is fine.
    let text = "[keys]\ndown = [\"k\", \"down\"]\nup = [\"j\", \"up\"]\n";
    let (config, warnings) = Config::load(Some(text), "c");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(config.keymap.action(&key('k')), Some(Action::Down));
    let (_, warnings) = Config::load(Some("[keys]\ndown = []\n"), "c");
    assert_eq!(
        warnings,
        ["c line 2, column 8: down would have no key; keeping its default"]
    );
}

#[test]
fn the_fetch_interval_is_off_by_default_and_set_in_minutes() {
    assert_eq!(Config::default().fetch_interval, None);
    let (config, warnings) = Config::load(Some("[ui]\nfetch_interval_minutes = 30\n"), "c");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        config.fetch_interval,
        Some(std::time::Duration::from_secs(1800))
    );
    let (config, _) = Config::load(Some("[ui]\nfetch_interval_minutes = 0\n"), "c");
    assert_eq!(config.fetch_interval, None);
    let (config, warnings) = Config::load(Some("[ui]\nfetch_interval_minutes = -5\n"), "c");
    assert_eq!(config.fetch_interval, None);
    assert_eq!(
        warnings,
        ["c line 2, column 26: fetch_interval_minutes must be between 0 and 10080, got -5"]
    );
}

#[test]
fn the_browser_is_a_command_line_or_a_list() {
    let browser = |text: &str| Config::load(Some(text), "c");
    let (config, w) = browser("[open]\nbrowser = \"'/opt/my browser' --new-tab %u\"\n");
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(
        config.browser.unwrap(),
        ["/opt/my browser", "--new-tab", "%u"]
    );
    let (config, w) = browser("[open]\nbrowser = [\"firefox\", \"-P\", \"news\"]\n");
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(config.browser.unwrap(), ["firefox", "-P", "news"]);
    for bad in ["\"ff 'x\"", "\"  \"", "[]", "3", "[\"ff\", 3]"] {
        let (config, w) = browser(&format!("[open]\nbrowser = {bad}\n"));
        assert_eq!(config.browser, None, "{bad}");
        assert!(
            w.len() == 1 && w[0].starts_with("c line 2, column 11: browser"),
            "{bad}: {w:?}"
        );
    }
}

#[test]
fn the_printed_config_reads_back_the_same() {
    let text = "[ui]\nlist_percent = 30\nmouse = true\nfetch_interval_minutes = 15\n[open]\nbrowser = \"ff --x %u\"\n[keys]\nquit = [\"Q\", \"ctrl-q\"]\ndown = [\"k\", \"down\"]\nup = [\"j\", \"up\"]\n[colors]\naccent = \"default\"\nstar = \"bright-red\"\n";
    let (config, warnings) = Config::load(Some(text), "c");
    assert!(warnings.is_empty(), "{warnings:?}");
    let printed = config.to_toml();
    let (again, warnings) = Config::load(Some(&printed), "printed");
    assert!(warnings.is_empty(), "{warnings:?}\n{printed}");
    assert_eq!(again.to_toml(), printed);
    assert_eq!(again.list_percent, 30);
    assert!(again.mouse);
    assert_eq!(again.fetch_interval, config.fetch_interval);
    assert_eq!(again.browser, config.browser);
    assert_eq!(again.colors, config.colors);
    for action in Action::ALL {
        assert_eq!(
            again.keymap.keys_of(*action),
            config.keymap.keys_of(*action)
        );
    }
    let defaults = Config::default().to_toml();
    assert_eq!(Config::load(Some(&defaults), "d").0.to_toml(), defaults);
}
