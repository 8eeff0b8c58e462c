//! The reader's state. Only `update` changes it; views read it.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use chrono::NaiveDate;
use nucleo_matcher::Matcher;
use ratatui_textarea::TextArea;

use super::config::Config;
use super::doc::Doc;
use super::msg::{Bulk, PAGE_SIZE};
use super::theme::Theme;
use crate::query::{Query, QueryError};
use crate::store::{ArticleRow, Feed, PersonPage, Sort, StoredArticle};

/// Where keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
    Filter,
}

/// The current query's results: the count and a window of pages around the viewport.
#[derive(Debug, Clone, Default)]
pub struct Results {
    /// `None` until the worker has answered the first query.
    pub count: Option<u64>,
    pub pages: HashMap<u64, Vec<ArticleRow>>,
    pub pending: HashSet<u64>,
    pub selected: u64,
    /// First row shown.
    pub offset: u64,
}

impl Results {
    pub fn row(&self, index: u64) -> Option<&ArticleRow> {
        self.pages
            .get(&(index / PAGE_SIZE))?
            .get((index % PAGE_SIZE) as usize)
    }

    pub fn row_mut(&mut self, index: u64) -> Option<&mut ArticleRow> {
        self.pages
            .get_mut(&(index / PAGE_SIZE))?
            .get_mut((index % PAGE_SIZE) as usize)
    }

    pub fn selected_row(&self) -> Option<&ArticleRow> {
        self.row(self.selected)
    }

    /// Where the article `id` is among the loaded rows.
    pub fn index_of(&self, id: i64) -> Option<u64> {
        self.pages.iter().find_map(|(page, rows)| {
            rows.iter()
                .position(|r| r.id == id)
                .map(|i| page * PAGE_SIZE + i as u64)
        })
    }
}

/// The filter bar: the text being edited and the last query that parsed.
#[derive(Debug, Clone)]
pub struct FilterBar {
    pub input: TextArea<'static>,
    /// The text of the query in force.
    pub applied: String,
    pub query: Query,
    /// Why the text being edited does not parse.
    pub error: Option<QueryError>,
    /// The query in force with its `@name`s expanded, once the worker has read them: what the
    /// reading pane highlights. `None` while unknown or when it has no `@name`.
    pub expanded: Option<Query>,
}

impl FilterBar {
    pub fn text(&self) -> &str {
        self.input.lines().first().map_or("", |l| l.as_str())
    }
}

/// The reading pane: the article wanted, the one loaded and its wrapped lines.
#[derive(Debug, Clone, Default)]
pub struct Reader {
    pub wanted: Option<i64>,
    pub article: Option<StoredArticle>,
    /// Wrapped once per (article, width, query).
    pub doc: Option<Doc>,
    pub scroll: usize,
    /// Index into `doc.matches` of the match last jumped to.
    pub current_match: Option<usize>,
    /// Articles loaded near the selection, newest last, so that moving by a row shows the next
    /// one in the same frame as the list (no "loading…" frame, and the list's move can be
    /// drawn by scrolling lines).
    pub nearby: Vec<StoredArticle>,
}

/// Articles kept in `Reader::nearby`.
pub const NEARBY: usize = 8;

impl Reader {
    /// Keeps `article` among the nearby ones, replacing an older copy.
    pub fn keep(&mut self, article: StoredArticle) {
        self.nearby.retain(|a| a.row.id != article.row.id);
        if self.nearby.len() >= NEARBY {
            self.nearby.remove(0);
        }
        self.nearby.push(article);
    }

    pub fn nearby(&self, id: i64) -> Option<&StoredArticle> {
        self.nearby.iter().find(|a| a.row.id == id)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    Source,
    Person,
    Author,
    Date,
    Saved,
    /// The open article's people: Enter opens the chosen one's page.
    ArticlePeople,
    /// Naming a new saved search: the input is the name, the items the names taken.
    SaveAs,
}

/// One choice of a picker and the query term it adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickItem {
    pub label: String,
    pub aliases: Vec<String>,
    pub count: Option<u64>,
    pub unread: Option<u64>,
    pub term: String,
}

/// A picker popup: the typed text, every item and the fuzzy-matched order.
pub struct Picker {
    pub kind: PickerKind,
    pub input: String,
    pub items: Vec<PickItem>,
    /// Indices into `items`, best match first.
    pub shown: Vec<usize>,
    pub selected: usize,
    pub loading: bool,
    pub matcher: Matcher,
    /// A correction under way (Ctrl-R renames a source or person; Ctrl-O, Ctrl-G name or merge
    /// a person); `input` holds the new name, or filters the people to merge into.
    pub edit: Option<NameEdit>,
}

/// A correction typed in a picker, with the name it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameEdit {
    /// Ctrl-R: a new name for the source or person.
    Rename(String),
    /// Ctrl-O: another name for the person.
    Alias(String),
    /// Ctrl-G: the person to merge into (picked from the list).
    MergeFrom(String),
}

impl std::fmt::Debug for Picker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Picker")
            .field("kind", &self.kind)
            .field("input", &self.input)
            .finish()
    }
}

/// A background fetch under way: feeds done of `total` (0 until the fetch thread has counted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Fetching {
    pub done: usize,
    pub total: usize,
    pub failed: usize,
    /// Linked pages of full-text feeds stored, of how many, once the feeds are done.
    pub pages: Option<(usize, usize)>,
    /// Started by the timer (or by `R` taking in an import): "nothing due" and "no feeds" are
    /// not announced.
    pub quiet: bool,
}

impl Fetching {
    /// "12/40", or "…" until the fetch thread has counted the feeds, then "pages 3/10" while
    /// the full-text feeds' linked pages are fetched.
    pub fn progress(&self) -> String {
        match (self.pages, self.total) {
            (Some((done, total)), _) => format!("pages {done}/{total}"),
            (None, 0) => "…".to_string(),
            (None, total) => format!("{}/{total}", self.done),
        }
    }
}

/// The feeds view: every subscription from the worker and the one selected.
#[derive(Debug, Clone, Default)]
pub struct FeedsView {
    pub items: Vec<Feed>,
    pub selected: usize,
    pub loading: bool,
}

impl FeedsView {
    pub fn selected_feed(&self) -> Option<&Feed> {
        self.items.get(self.selected)
    }
}

/// A person's page: asked of the worker for `name`, the counts once they arrive.
#[derive(Debug, Clone, Default)]
pub struct PersonView {
    /// The name asked for; an answer for another name is stale.
    pub name: String,
    /// `None` while the worker counts.
    pub page: Option<PersonPage>,
    /// Nobody answers to the name (renamed or deleted since).
    pub missing: bool,
    /// The person mentioned with them that is chosen (an index into `page.with`).
    pub selected: usize,
    /// The pages `→` left, the latest last: `←` goes back to it.
    pub back: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlashKind {
    Info,
    Warn,
}

/// Everything on screen.
#[derive(Debug)]
pub struct App {
    pub config: Config,
    pub theme: Theme,
    pub today: NaiveDate,
    /// Over SSH `o` copies instead of opening.
    pub remote: bool,
    pub size: (u16, u16),
    pub focus: Focus,
    /// Focus to go back to when the filter bar is left.
    pub last_focus: Focus,
    pub list_percent: u16,
    pub filter: FilterBar,
    /// Generation of the query in force; answers for older ones are dropped.
    pub gen: u64,
    /// Article to select when the next results arrive.
    pub keep_id: Option<i64>,
    pub results: Results,
    pub reader: Reader,
    pub picker: Option<Picker>,
    pub feeds: Option<FeedsView>,
    pub person: Option<PersonView>,
    /// The background fetch, while one runs.
    pub fetch: Option<Fetching>,
    /// When the automatic fetch starts next (`fetch_interval_minutes`); `None` when off.
    pub next_fetch: Option<Instant>,
    /// The store's total after our own fetch: the watch's late news of it is not news.
    pub fetched_total: Option<u64>,
    pub help: bool,
    /// First row of the help shown.
    pub help_scroll: u16,
    pub histogram: Vec<(String, u64)>,
    /// Articles in the store when the list was last queried.
    pub total: Option<u64>,
    /// The store's total since another process committed to it (an import beside the reader);
    /// `None` when the list is up to date. Taken in by the next query.
    pub changed_total: Option<u64>,
    pub flash: Option<(String, FlashKind)>,
    /// The problems found in `config.toml` at start: the first is flashed, the help lists all.
    pub config_warnings: Vec<String>,
    /// Draw URLs as OSC 8 hyperlinks (the real terminal only: escapes in cells).
    pub hyperlinks: bool,
    /// The article alone on the screen (the list hidden); opening one does this when the panes
    /// are stacked (narrow terminals, 80x24), `z` toggles it.
    pub full: bool,
    /// Digits typed before `o` or `y`: the number of the article's link they act on.
    pub link_number: Option<u32>,
    /// A question on the status line waiting for y or n (mark every article read).
    pub confirm: Option<Confirm>,
    /// What `u` undoes, the newest last.
    pub undo: Vec<Bulk>,
    /// The list's order (`O` cycles it; remembered with the query).
    pub sort: Sort,
    pub quit: bool,
}

/// A change that waits for the user's yes.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    /// Mark the `count` articles of the query read.
    MarkAllRead { query: Query, count: u64 },
}

impl App {
    pub fn new(config: Config, no_color: bool, today: NaiveDate, remote: bool) -> App {
        let theme = Theme::new(&config.colors, no_color, config.ascii_borders);
        let list_percent = config.list_percent;
        let hint = theme.hint;
        App {
            config,
            theme,
            today,
            remote,
            size: (0, 0),
            focus: Focus::List,
            last_focus: Focus::List,
            list_percent,
            filter: FilterBar {
                input: new_input("", hint),
                applied: String::new(),
                query: Query::default(),
                error: None,
                expanded: None,
            },
            gen: 0,
            keep_id: None,
            results: Results::default(),
            reader: Reader::default(),
            picker: None,
            feeds: None,
            person: None,
            fetch: None,
            next_fetch: None,
            fetched_total: None,
            help: false,
            help_scroll: 0,
            histogram: Vec::new(),
            total: None,
            changed_total: None,
            flash: None,
            config_warnings: Vec::new(),
            hyperlinks: false,
            link_number: None,
            confirm: None,
            undo: Vec::new(),
            sort: Sort::Newest,
            full: false,
            quit: false,
        }
    }
}

/// A one-line text input holding `text`, cursor at the end; the placeholder in `hint`.
pub fn new_input(text: &str, hint: ratatui::style::Style) -> TextArea<'static> {
    let mut input = TextArea::new(vec![text.to_string()]);
    input.move_cursor(ratatui_textarea::CursorMove::End);
    input.set_cursor_line_style(ratatui::style::Style::new());
    input.set_placeholder_text("source:… person:\"…\" date:7d is:unread words…");
    input.set_placeholder_style(hint);
    input
}

impl App {
    /// The screen areas for the current size, or `None` when too small.
    pub fn areas(&self) -> Option<super::layout::Areas> {
        let size = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        super::layout::areas(size, self.list_percent, self.full)
    }

    /// Rows of the list viewport (at least 1).
    pub fn list_rows(&self) -> u64 {
        self.areas().map_or(1, |a| {
            u64::from(
                super::layout::list_body(a.list, self.has_histogram())
                    .height
                    .max(1),
            )
        })
    }

    /// Rows and columns of the reading pane's text (at least 1).
    pub fn reader_size(&self) -> (usize, u16) {
        self.areas().map_or((1, 1), |a| {
            let inner = super::layout::inner(a.reader);
            (usize::from(inner.height.max(1)), inner.width.max(1))
        })
    }

    /// Whether the results span enough buckets to chart.
    pub fn has_histogram(&self) -> bool {
        self.histogram.len() >= 2
    }

    /// The text of the query in force, as saved on quit.
    pub fn query_text(&self) -> &str {
        &self.filter.applied
    }
}
