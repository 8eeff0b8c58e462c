//! Screens through TestBackend: insta snapshots of the main layouts, pickers, help, an inline
//! query error and NO_COLOR styles; and every screen drawn at odd sizes without panicking.

#[path = "tui_support/feeds.rs"]
mod feeds;
#[path = "tui_support/fixture.rs"]
mod fixture;

use byline::tui::msg::Msg;
use fixture::{render, FakeStore, Harness};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;

fn at(w: u16, h: u16) -> Harness {
    Harness::new(300, w, h)
}

#[test]
fn list_and_reader_120x40() {
    let mut h = at(120, 40);
    h.keys("jj");
    insta::assert_snapshot!(h.screen());
}

#[test]
fn reading_with_matches_120x40() {
    let mut h = at(120, 40);
    h.keys("/harbour");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    h.keys("n");
    insta::assert_snapshot!(h.screen());
}

#[test]
fn list_and_reader_80x24_stacked() {
    let mut h = at(80, 24);
    h.keys("j");
    insta::assert_snapshot!(h.screen());
}

#[test]
fn stacked_reader_focused_60x30() {
    let mut h = at(60, 30);
    h.press(KeyCode::Enter);
    h.keys("J");
    insta::assert_snapshot!(h.screen());
}

#[test]
fn source_picker() {
    let mut h = at(100, 30);
    h.keys("s");
    insta::assert_snapshot!(h.screen());
}

#[test]
fn people_picker_narrowed() {
    let mut h = at(100, 30);
    h.keys("phal");
    insta::assert_snapshot!(h.screen());
}

#[test]
fn date_picker_with_typed_range() {
    let mut h = at(100, 30);
    h.keys("d2025-11..");
    insta::assert_snapshot!(h.screen());
}

#[test]
fn help_popup() {
    let mut h = at(100, 45);
    h.keys("?");
    insta::assert_snapshot!(h.screen());
}

#[test]
fn inline_query_error() {
    let mut h = at(100, 20);
    h.keys("/");
    h.send(Msg::Paste("source:\"Lantern Daily\"".into()));
    h.press(KeyCode::Enter);
    h.keys("/");
    h.send(Msg::Paste(" date:soon".into()));
    insta::assert_snapshot!(h.screen());
}

#[test]
fn chips_for_each_kind_of_term() {
    let mut h = at(120, 12);
    h.keys("/");
    h.send(Msg::Paste(
        "source:\"Lantern Daily\" person:\"Jun Hallorann\" date:2025-12 is:unread -café budget"
            .into(),
    ));
    h.press(KeyCode::Enter);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn too_small() {
    let mut h = at(19, 5);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn no_color_uses_only_modifiers() {
    let mut h = Harness::with(FakeStore::new(30), 100, 16, true);
    h.keys("/harbour");
    h.press(KeyCode::Enter);
    h.keys("jl");
    let (text, mods) = render(&h.app, 100, 16);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 16)).unwrap();
    terminal
        .draw(|f| byline::tui::view::render(f, &h.app))
        .unwrap();
    for cell in terminal.backend().buffer().content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "a colour under NO_COLOR"
        );
    }
    assert!(mods.contains('R') && mods.contains('B') && mods.contains('U'));
    insta::assert_snapshot!(format!("{text}\n{mods}"));
}

#[test]
fn default_theme_uses_only_ansi_colours() {
    let mut h = at(120, 40);
    h.keys("/harbour");
    h.press(KeyCode::Enter);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|f| byline::tui::view::render(f, &h.app))
        .unwrap();
    for cell in terminal.backend().buffer().content() {
        for c in [cell.fg, cell.bg] {
            assert!(!matches!(c, Color::Rgb(..) | Color::Indexed(_)), "{c:?}");
        }
    }
}

#[test]
fn ascii_borders() {
    let (mut config, _) =
        byline::tui::config::Config::load(Some("[ui]\nascii_borders = true\n"), "t");
    config.list_percent = 50;
    let mut app = byline::tui::App::new(config, false, fixture::today(), false);
    byline::tui::update(&mut app, Msg::Resize(40, 8));
    let (text, _) = render(&app, 40, 8);
    assert!(
        text.contains("+-") && text.contains('|') && !text.contains('─'),
        "{text}"
    );
}

/// Every screen at every awkward size: nothing panics, nothing is drawn outside.
#[test]
fn every_screen_at_every_size() {
    let sizes = [
        (0, 0),
        (1, 1),
        (10, 3),
        (20, 5),
        (21, 6),
        (35, 9),
        (99, 20),
        (100, 14),
        (300, 100),
    ];
    let scripts: [&str; 11] = [
        "",
        "l",
        "s",
        "pq",
        "d",
        "?",
        "/date:soon",
        "/x",
        "F",
        "P",
        "lP",
    ];
    for script in scripts {
        for (w, hgt) in sizes {
            let mut h = Harness::new(250, w, hgt);
            h.keys(script);
            let (text, _) = render(&h.app, w, hgt);
            assert_eq!(
                text.lines().count(),
                usize::from(hgt),
                "{script:?} at {w}x{hgt}"
            );
            for line in text.lines() {
                assert!(
                    byline::tui::text::width(line) <= usize::from(w),
                    "{script:?} at {w}x{hgt}: {line}"
                );
            }
            for (w2, h2) in sizes {
                h.send(Msg::Resize(w2, h2));
                render(&h.app, w2, h2);
            }
        }
    }
}

/// The feeds view over a store with feeds: one failing (500), one gone (410), the failing one
/// selected so its whole error shows under the rows.
fn feeds_view(w: u16, hgt: u16) -> String {
    let store = FakeStore::new(300);
    let mut feeds = feeds::fixture_feeds();
    let mut gone = feeds::feed(4, "Old Almanac", 2, "HTTP 410 Gone", true);
    gone.gone = true;
    feeds.push(gone);
    store.feeds.replace(feeds);
    let mut h = Harness::with(store, w, hgt, false);
    h.keys("Fj");
    h.screen()
}

#[test]
fn feeds_view_80x24_with_a_failed_feed() {
    insta::assert_snapshot!(feeds_view(80, 24));
}

#[test]
fn feeds_view_small_50x14() {
    insta::assert_snapshot!(feeds_view(50, 14));
}

#[test]
fn empty_store() {
    let mut h = Harness::new(0, 100, 12);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn help_scrolls_on_a_small_terminal_and_closes_on_another_key() {
    let mut h = at(80, 24);
    h.keys("?jjjjjjjjjj");
    insta::assert_snapshot!(h.screen());
    h.keys("x");
    assert!(!h.app.help);
    assert_eq!(h.app.filter.text(), "", "the closing key does nothing else");
}

#[test]
fn no_color_holds_in_the_empty_filter_bar_and_pickers() {
    for script in ["/", "p", "d2025", "?", "Fj"] {
        let store = FakeStore::new(30);
        store.feeds.replace(feeds::fixture_feeds());
        let mut h = Harness::with(store, 100, 30, true);
        h.keys(script);
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
        terminal
            .draw(|f| byline::tui::view::render(f, &h.app))
            .unwrap();
        for cell in terminal.backend().buffer().content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "{script:?}"
            );
        }
    }
}

#[test]
fn full_screen_article_80x24() {
    let mut h = Harness::new(12, 80, 24);
    h.press(KeyCode::Enter);
    assert!(h.app.full);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn full_screen_article_120x40() {
    let mut h = Harness::new(12, 120, 40);
    h.press(KeyCode::Enter);
    h.keys("z");
    assert!(h.app.full);
    insta::assert_snapshot!(h.screen());
}
