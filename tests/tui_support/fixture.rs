//! Fixture data (fictional outlets and people) behind a fake store, and a harness that drives
//! the reader through `update` messages, answering worker requests synchronously.

#![allow(dead_code)]

use std::cell::RefCell;
use std::sync::{Arc, Mutex};

use byline::model::Block;
use byline::query::{Flag, Query, TermKind};
use byline::store::{ArticleRow, Feed, Granularity, StoredArticle, StoredPerson};
use byline::tui::config::Config;
use byline::tui::msg::{Bulk, Command, FacetItem, FacetKind, FetchEvent, Msg, Request, Response};
use byline::tui::worker::{self, StoreApi};
use byline::tui::{update, view, App};
use chrono::NaiveDate;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use ratatui::Terminal;

pub const SOURCES: [&str; 3] = ["Harbour Gazette", "Northfield Wire", "Lantern Daily"];
pub const PEOPLE: [(&str, &str); 4] = [
    ("Mara Quillfeather", "Quillfeather"),
    ("Tobias Wrenfield", "Wrenfield"),
    ("Anouk Delacroix-Vey", "Delacroix-Vey"),
    ("Jun Hallorann", "Hallorann"),
];
const TOPICS: [&str; 6] = [
    "Council votes on the harbour budget",
    "Ferry timetable changes after winter storms",
    "東京 delegation visits the tidal barrier",
    "Library reopens with a café and a rooftop garden",
    "Inquiry into the bridge contract hears from engineers",
    "Résumé of the week: markets, weather and the long-awaited tram extension",
];

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 10).unwrap()
}

/// `n` articles, newest first: ids 1..=n, dates going back a day every 3 articles.
pub fn articles(n: usize) -> Vec<StoredArticle> {
    (0..n).map(article).collect()
}

fn article(i: usize) -> StoredArticle {
    let id = i as i64 + 1;
    let date = today() - chrono::Days::new((i / 3) as u64);
    let source = SOURCES[i % 3].to_string();
    let title = format!("{} ({id})", TOPICS[i % TOPICS.len()]);
    let (p1, p1_short) = PEOPLE[i % 4];
    let (p2, _) = PEOPLE[(i + 1) % 4];
    let body = vec![
        Block::paragraph(format!("{p1} told reporters on {} that the harbour budget would be published \"within weeks\", adding that the council had consulted widely.", date.format("%A"))),
        Block::heading("What happens next"),
        Block::paragraph(format!("{p1_short} said the plan would be reviewed by {p2}. Critics said the harbour plan ignored the ferry users who rely on the early crossing; supporters said it was the most careful budget in a decade.")),
        Block::paragraph("The vote is expected next month. Residents can read the papers at the library, which reopened last week after repairs to the roof."),
    ];
    StoredArticle {
        row: ArticleRow {
            id,
            title,
            source: Some(source),
            date: Some(date),
            url: Some(format!("https://news.example/{}/story-{id}", i % 3)),
            read: i % 4 == 3,
            starred: i % 7 == 2,
        },
        byline: Some(format!("By {p2}")),
        author: None,
        body,
        people: vec![
            StoredPerson {
                name: p1.into(),
                aliases: vec![p1_short.into()],
                mentions: 2,
            },
            StoredPerson {
                name: p2.into(),
                aliases: vec![],
                mentions: 1,
            },
        ],
        origin: None,
        first_seen: false,
        summary_only: false,
    }
}

/// An in-memory store good enough for the reader: filters on source, person, words and flags.
pub struct FakeStore {
    pub articles: RefCell<Vec<StoredArticle>>,
    pub deleted: fake_bulk::Deleted,
    pub ui: Arc<Mutex<Vec<(String, String)>>>,
    /// Subscriptions; their articles are those whose source is the feed's name.
    pub feeds: RefCell<Vec<Feed>>,
    /// Saved searches, `(name, query)`: `@name` stands for the query (one level deep).
    pub saved: RefCell<Vec<(String, String)>>,
}

impl FakeStore {
    pub fn new(n: usize) -> FakeStore {
        FakeStore {
            articles: RefCell::new(articles(n)),
            deleted: RefCell::default(),
            ui: Arc::default(),
            feeds: RefCell::default(),
            saved: RefCell::default(),
        }
    }

    fn matching(&self, q: &Query) -> Vec<StoredArticle> {
        let q = &self.expand(q);
        self.articles
            .borrow()
            .iter()
            .filter(|a| matches(a, q))
            .cloned()
            .collect()
    }
}

fn matches(a: &StoredArticle, q: &Query) -> bool {
    q.terms.iter().all(|t| {
        let eq = |x: &str, y: &str| x.to_lowercase() == y.to_lowercase();
        let hit = match &t.kind {
            TermKind::Source(s) => a.row.source.as_deref().is_some_and(|x| eq(x, s)),
            TermKind::Author(name) => a.author.as_deref().is_some_and(|x| eq(x, name)),
            TermKind::Person(p) => a
                .people
                .iter()
                .any(|x| eq(&x.name, p) || x.aliases.iter().any(|y| eq(y, p))),
            TermKind::Word(w) | TermKind::Phrase(w) => {
                let w = w.to_lowercase();
                a.row.title.to_lowercase().contains(&w)
                    || a.body.iter().any(|b| b.text.to_lowercase().contains(&w))
            }
            TermKind::Is(Flag::Read) => a.row.read,
            TermKind::Is(Flag::Unread) => !a.row.read,
            TermKind::Is(Flag::Starred) => a.row.starred,
            TermKind::Date(_) => true,
            TermKind::Tag(_) => false, // the fixture's articles come from no feed
            TermKind::Saved(_) => false, // expanded before matching
        };
        hit != t.negated
    })
}

fn counted(names: impl Iterator<Item = (String, Vec<String>)>) -> Vec<FacetItem> {
    let mut items: Vec<FacetItem> = Vec::new();
    for (label, aliases) in names {
        match items.iter_mut().find(|i| i.label == label) {
            Some(item) => item.count += 1,
            None => items.push(FacetItem {
                label,
                aliases,
                count: 1,
                unread: None,
            }),
        }
    }
    items.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    items
}

#[path = "fake_bulk.rs"]
mod fake_bulk;
#[path = "fake_corrections.rs"]
mod fake_corrections;
#[path = "fake_people.rs"]
mod fake_people;
#[path = "fake_saved.rs"]
mod fake_saved;

impl StoreApi for FakeStore {
    fn apply(&self, change: &Bulk, _: NaiveDate) -> anyhow::Result<(u64, Bulk)> {
        Ok(fake_bulk::apply(
            &self.articles,
            &self.deleted,
            change,
            matches,
        ))
    }
    fn search(
        &self,
        q: &Query,
        _: NaiveDate,
        offset: u64,
        limit: u64,
    ) -> anyhow::Result<Vec<ArticleRow>> {
        Ok(self
            .matching(q)
            .into_iter()
            .skip(offset as usize)
            .take(limit as usize)
            .map(|a| a.row)
            .collect())
    }
    fn count(&self, q: &Query, _: NaiveDate) -> anyhow::Result<u64> {
        Ok(self.matching(q).len() as u64)
    }
    fn total(&self) -> anyhow::Result<u64> {
        Ok(self.articles.borrow().len() as u64)
    }
    fn article(&self, id: i64) -> anyhow::Result<Option<StoredArticle>> {
        Ok(self
            .articles
            .borrow()
            .iter()
            .find(|a| a.row.id == id)
            .cloned())
    }
    fn set_read(&self, id: i64, read: bool) -> anyhow::Result<()> {
        self.articles
            .borrow_mut()
            .iter_mut()
            .filter(|a| a.row.id == id)
            .for_each(|a| a.row.read = read);
        Ok(())
    }
    fn set_starred(&self, id: i64, starred: bool) -> anyhow::Result<()> {
        self.articles
            .borrow_mut()
            .iter_mut()
            .filter(|a| a.row.id == id)
            .for_each(|a| a.row.starred = starred);
        Ok(())
    }
    fn facets(&self, q: &Query, _: NaiveDate, kind: FacetKind) -> anyhow::Result<Vec<FacetItem>> {
        let found = self.matching(q);
        Ok(match kind {
            FacetKind::Saved => self.saved_items(),
            FacetKind::Sources => counted(
                found
                    .iter()
                    .map(|a| (a.row.source.clone().unwrap_or_default(), vec![])),
            ),
            FacetKind::Authors => counted(
                found
                    .iter()
                    .filter_map(|a| a.author.clone().map(|name| (name, vec![]))),
            ),
            FacetKind::People => counted(
                found
                    .iter()
                    .flat_map(|a| a.people.iter().map(|p| (p.name.clone(), p.aliases.clone()))),
            ),
            FacetKind::Months => {
                let mut months = self.histogram(q, today(), Granularity::Month)?;
                months.reverse();
                months
                    .into_iter()
                    .map(|(label, count)| FacetItem {
                        label,
                        aliases: vec![],
                        count,
                        unread: None,
                    })
                    .collect()
            }
        })
    }
    fn histogram(
        &self,
        q: &Query,
        _: NaiveDate,
        g: Granularity,
    ) -> anyhow::Result<Vec<(String, u64)>> {
        let fmt = if g == Granularity::Month {
            "%Y-%m"
        } else {
            "%Y-%m-%d"
        };
        let mut buckets: Vec<(String, u64)> = Vec::new();
        for a in self.matching(q).iter().rev() {
            let key = a.row.date.unwrap().format(fmt).to_string();
            match buckets.last_mut() {
                Some((k, n)) if *k == key => *n += 1,
                _ => buckets.push((key, 1)),
            }
        }
        Ok(buckets)
    }
    fn ui_value(&self, key: &str) -> anyhow::Result<Option<String>> {
        Ok(self
            .ui
            .lock()
            .unwrap()
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone()))
    }
    fn set_ui_value(&self, key: &str, value: &str) -> anyhow::Result<()> {
        self.ui.lock().unwrap().push((key.into(), value.into()));
        Ok(())
    }
    fn expand(&self, q: &Query) -> anyhow::Result<Query> {
        Ok(FakeStore::expand(self, q))
    }
    fn save_search(&self, name: &str, q: &Query) -> anyhow::Result<String> {
        self.save(name, q)
    }
    fn feeds(&self) -> anyhow::Result<Vec<Feed>> {
        Ok(self.feeds.borrow().clone())
    }
    fn person_page(&self, name: &str) -> anyhow::Result<Option<byline::store::PersonPage>> {
        Ok(fake_people::page(&self.articles.borrow(), name))
    }
    fn mark_feed_read(&self, feed_id: i64) -> anyhow::Result<u64> {
        let feeds = self.feeds.borrow();
        let Some(feed) = feeds.iter().find(|f| f.id == feed_id) else {
            return Ok(0);
        };
        let mut count = 0;
        for a in self.articles.borrow_mut().iter_mut() {
            if a.row.source.as_deref() == Some(&feed.name) && !a.row.read {
                a.row.read = true;
                count += 1;
            }
        }
        Ok(count)
    }
}

/// The reader driven through `update`, with the fake store answering at once.
pub struct Harness {
    pub app: App,
    pub store: FakeStore,
    /// Every request sent, in order.
    pub requests: Vec<Request>,
    /// Every other command, in order.
    pub effects: Vec<Command>,
}

impl Harness {
    pub fn new(n: usize, w: u16, h: u16) -> Harness {
        Harness::with(FakeStore::new(n), w, h, false)
    }

    pub fn with(store: FakeStore, w: u16, h: u16, no_color: bool) -> Harness {
        let app = App::new(Config::default(), no_color, today(), false);
        let mut h_ = Harness {
            app,
            store,
            requests: Vec::new(),
            effects: Vec::new(),
        };
        h_.send(Msg::Resize(w, h));
        h_.send(Msg::Start);
        h_
    }

    /// Sends `msg` and answers every request it leads to; returns the commands it gave directly.
    pub fn send(&mut self, msg: Msg) -> Vec<Command> {
        let first = update(&mut self.app, msg);
        let mut queue: Vec<Command> = first.clone();
        while !queue.is_empty() {
            let mut next = Vec::new();
            for cmd in queue {
                match cmd {
                    Command::Request(req) => {
                        self.requests.push(req.clone());
                        if let Some(answer) = worker::handle(&self.store, today(), req) {
                            next.extend(update(&mut self.app, Msg::Worker(answer)));
                        }
                    }
                    Command::Fetch { .. } if self.store.feeds.borrow().is_empty() => {
                        self.effects.push(cmd);
                        let event = Response::Fetch(FetchEvent::NoFeeds);
                        next.extend(update(&mut self.app, Msg::Worker(event)));
                    }
                    other => self.effects.push(other),
                }
            }
            queue = next;
        }
        first
    }

    pub fn press(&mut self, code: KeyCode) -> Vec<Command> {
        self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    pub fn ctrl(&mut self, c: char) -> Vec<Command> {
        self.send(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )))
    }

    /// Presses each character as a key.
    pub fn keys(&mut self, text: &str) {
        for c in text.chars() {
            let mods = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            self.send(Msg::Key(KeyEvent::new(KeyCode::Char(c), mods)));
        }
    }

    pub fn selected_id(&self) -> Option<i64> {
        self.app.results.selected_row().map(|r| r.id)
    }

    /// How many of the fake store's articles name the person `name`.
    pub fn articles_naming(&self, name: &str) -> usize {
        self.store
            .articles
            .borrow()
            .iter()
            .filter(|a| a.people.iter().any(|p| p.name == name))
            .count()
    }

    /// The status line's message, if any.
    pub fn flash(&self) -> String {
        self.app
            .flash
            .as_ref()
            .map(|f| f.0.clone())
            .unwrap_or_default()
    }

    pub fn screen(&mut self) -> String {
        let (w, h) = self.app.size;
        render(&self.app, w, h).0
    }
}

/// Draws `app` on a `w` x `h` test terminal: the text, and a map of cell modifiers
/// (R reverse, B bold, U underline, D dim, . none; the first that applies).
pub fn render(app: &App, w: u16, h: u16) -> (String, String) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::render(f, app)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let (mut text, mut mods) = (String::new(), String::new());
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..w {
            let cell = &buf[(x, y)];
            let m = cell.modifier;
            let code = if m.contains(Modifier::REVERSED) {
                'R'
            } else if m.contains(Modifier::BOLD) {
                'B'
            } else if m.contains(Modifier::UNDERLINED) {
                'U'
            } else if m.contains(Modifier::DIM) {
                'D'
            } else {
                '.'
            };
            mods.push(code);
            if skip > 0 {
                skip -= 1;
                continue;
            }
            line.push_str(cell.symbol());
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        }
        text.push_str(line.trim_end());
        text.push('\n');
        mods.push('\n');
    }
    (text, mods)
}
