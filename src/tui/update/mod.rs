//! `update`: the only place the reader's state changes. Keys and worker answers in, commands out.

mod answers;
mod bulk;
mod corrections;
mod feeds;
mod fetch;
mod filter;
mod links;
mod moves;
mod nav;
mod person;
mod picker;
mod reading;
mod saved;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::keymap::Action;
use super::msg::{Command, Msg, Request};
use super::state::{App, FlashKind, Focus, PickerKind};

/// Applies `msg` to `app` and says what else must happen.
pub fn update(app: &mut App, msg: Msg) -> Vec<Command> {
    match msg {
        Msg::Start => vec![Command::Request(Request::Init)],
        Msg::Resize(w, h) => {
            app.size = (w, h);
            nav::relayout(app)
        }
        Msg::Key(key) => on_key(app, key),
        Msg::Scroll(rows)
            if app.picker.is_none() && app.feeds.is_none() && app.person.is_none() && !app.help =>
        {
            if app.focus == Focus::Reader {
                nav::scroll_reader(app, rows);
                Vec::new()
            } else {
                nav::move_selection(app, rows)
            }
        }
        Msg::Scroll(_) => Vec::new(),
        Msg::Paste(text) => filter::paste(app, &text),
        Msg::Worker(answer) => answers::answer(app, answer),
        Msg::Tick(now) => fetch::tick(app, now),
        Msg::Warnings(lines) => {
            warnings(app, &lines);
            Vec::new()
        }
        Msg::Today(day) => {
            app.today = day;
            Vec::new()
        }
        Msg::Shutdown => quit(app),
    }
}

/// The first warning on the status line; when there are more, the key that lists them all.
fn warnings(app: &mut App, lines: &[String]) {
    let Some(first) = lines.first() else {
        return;
    };
    let more = match lines.len() {
        1 => String::new(),
        n => {
            let help = app.config.keymap.keys_of(Action::Help).into_iter().next();
            let see = help.map_or(String::new(), |k| format!("; {k} lists them all"));
            format!(" (+{} more{see})", n - 1)
        }
    };
    let first = crate::text::sanitize_line(first);
    app.flash = Some((format!("{first}{more}"), FlashKind::Warn));
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Command> {
    if key.kind == KeyEventKind::Release {
        return Vec::new();
    }
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        return quit(app);
    }
    app.flash = None;
    if app.confirm.is_some() {
        return bulk::answer(app, key);
    }
    if app.help {
        help_key(app, &key);
        return Vec::new();
    }
    if app.feeds.is_some() {
        return feeds::on_key(app, key);
    }
    if app.person.is_some() {
        return person::on_key(app, key);
    }
    if app.picker.is_some() {
        return picker::on_key(app, key);
    }
    if app.focus == Focus::Filter {
        return filter::on_key(app, key);
    }
    let action = app.config.keymap.action(&key);
    if action.is_none() && links::digit(app, &key) {
        return Vec::new();
    }
    // A link number applies to the next key only.
    let number = app.link_number.take();
    match action {
        Some(Action::CopyUrl) => nav::copy_url(app, number),
        Some(Action::OpenUrl) => nav::open_url(app, number),
        Some(action) => on_action(app, action),
        None => Vec::new(),
    }
}

/// Every action named (no catch-all): a new one cannot be forgotten here.
fn on_action(app: &mut App, action: Action) -> Vec<Command> {
    match action {
        Action::Down
        | Action::Up
        | Action::Top
        | Action::Bottom
        | Action::PageDown
        | Action::PageUp
        | Action::HalfDown
        | Action::HalfUp
        | Action::ReadPageUp
        | Action::LineDown
        | Action::LineUp
        | Action::NextMatch
        | Action::PrevMatch => moves::on_move(app, action).unwrap_or_default(),
        Action::Quit => quit(app),
        Action::Help => {
            app.help = true;
            Vec::new()
        }
        Action::ReadPageDown => reading::page_down(app),
        Action::Open => reading::open(app),
        Action::Back => reading::back(app),
        Action::NextUnread | Action::PrevUnread => {
            reading::unread(app, action == Action::NextUnread)
        }
        Action::NextArticle | Action::PrevArticle => {
            reading::step(app, action == Action::NextArticle)
        }
        Action::FullScreen => reading::toggle_full(app),
        Action::Filter => {
            app.last_focus = app.focus;
            app.focus = Focus::Filter;
            Vec::new()
        }
        Action::ClearFilter => filter::set_text(app, ""),
        Action::PickSource => picker::open(app, PickerKind::Source),
        Action::PickPerson => picker::open(app, PickerKind::Person),
        Action::PickDate => picker::open(app, PickerKind::Date),
        Action::PickSaved => picker::open(app, PickerKind::Saved),
        Action::PickAuthor => picker::open(app, PickerKind::Author),
        Action::PersonPage => person::from_article(app),
        Action::SaveSearch => saved::open(app),
        Action::ToggleRead => nav::toggle(app, false),
        Action::ToggleStar => nav::toggle(app, true),
        Action::CopyUrl => nav::copy_url(app, None),
        Action::OpenUrl => nav::open_url(app, None),
        Action::ShrinkList | Action::GrowList => {
            let delta: i32 = if action == Action::GrowList { 5 } else { -5 };
            app.list_percent = (i32::from(app.list_percent) + delta).clamp(20, 80) as u16;
            nav::relayout(app)
        }
        Action::Suspend => vec![Command::Suspend],
        Action::Redraw => vec![Command::Redraw],
        Action::Refresh => fetch::refresh(app),
        Action::Feeds => feeds::open(app),
        Action::MarkAllRead => bulk::mark_all_read(app),
        Action::Delete => bulk::delete(app),
        Action::Undo => bulk::undo(app),
        Action::Sort => {
            app.sort = app.sort.next();
            app.flash = Some((format!("sorted {}", app.sort.label()), FlashKind::Info));
            // The selected article stays selected where it lands in the new order.
            filter::new_query(app)
        }
    }
}

/// In the help: movement keys scroll it, any other key closes it.
fn help_key(app: &mut App, key: &KeyEvent) {
    match app.config.keymap.action(key) {
        Some(Action::Down | Action::LineDown) => {
            app.help_scroll = app.help_scroll.saturating_add(1)
        }
        Some(Action::Up | Action::LineUp) => app.help_scroll = app.help_scroll.saturating_sub(1),
        Some(Action::PageDown | Action::ReadPageDown) => {
            app.help_scroll = (app.help_scroll + 10).min(Action::ALL.len() as u16)
        }
        Some(Action::PageUp | Action::ReadPageUp) => {
            app.help_scroll = app.help_scroll.saturating_sub(10)
        }
        Some(Action::Top) => app.help_scroll = 0,
        Some(Action::Bottom) => app.help_scroll = Action::ALL.len() as u16,
        _ => {
            app.help = false;
            app.help_scroll = 0;
        }
    }
}

/// Saves the query and selection through the worker, then leaves.
fn quit(app: &mut App) -> Vec<Command> {
    app.quit = true;
    vec![Command::Request(save_request(app)), Command::Quit]
}

/// The request that remembers the query in force and the selected article.
pub fn save_request(app: &App) -> Request {
    let selected = app.results.selected_row().map(|r| r.id);
    Request::SaveState {
        query: app.query_text().to_string(),
        selected,
        sort: app.sort,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::config::Config;

    /// Regression: the day was fixed at start, so after midnight the list and the date picker
    /// still measured from yesterday.
    #[test]
    fn a_new_day_is_taken_in() {
        let day = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        let mut app = App::new(Config::default(), false, day, false);
        let next = day.succ_opt().unwrap();
        assert!(update(&mut app, Msg::Today(next)).is_empty());
        assert_eq!(app.today, next);
    }
}
