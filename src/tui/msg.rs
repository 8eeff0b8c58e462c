//! Messages into `update`, commands out of it, and the worker's requests and answers.

use std::time::Instant;

use ratatui::crossterm::event::KeyEvent;

use crate::query::Query;
use crate::store::{ArticleRow, Feed, Mark, PersonPage, PersonSnapshot, Sort, StoredArticle};

/// Rows per page fetched from the worker.
pub const PAGE_SIZE: u64 = 200;

/// The loop's one channel: terminal input (from the input thread), the worker's and the fetch
/// thread's answers, and faults (a thread that panicked), in the order they happened.
#[derive(Debug)]
pub enum Input {
    Term(std::io::Result<ratatui::crossterm::event::Event>),
    Answer(Response),
    Fault(super::fault::Fault),
}

impl From<Response> for Input {
    fn from(answer: Response) -> Input {
        Input::Answer(answer)
    }
}

impl From<super::fault::Fault> for Input {
    fn from(fault: super::fault::Fault) -> Input {
        Input::Fault(fault)
    }
}

/// Where there is no loop to end (a worker answering a test's plain channel), a fault is told
/// as an error.
impl From<super::fault::Fault> for Response {
    fn from(fault: super::fault::Fault) -> Response {
        Response::Error(fault.to_string())
    }
}

/// Something that happened: a key, a resize, an answer from the worker.
#[derive(Debug, Clone)]
pub enum Msg {
    /// The loop has started: ask the worker for the remembered state.
    Start,
    /// Configuration warnings to show at start.
    Warnings(Vec<String>),
    Key(KeyEvent),
    Paste(String),
    Resize(u16, u16),
    /// Mouse wheel (only when `mouse = true`): rows, positive down.
    Scroll(i64),
    Worker(Response),
    /// The clock, for the automatic fetch: sent at start and when `App::next_fetch` is reached.
    Tick(Instant),
    /// The local date changed (midnight passed): dates are shown against the new day.
    Today(chrono::NaiveDate),
    /// SIGTERM, SIGINT or SIGHUP: save and leave.
    Shutdown,
}

/// Something `update` wants done outside the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Send to the store worker.
    Request(Request),
    /// Fetch the due feeds (or the one feed, due or not) on a thread of its own; its progress
    /// comes back as [`Response::Fetch`].
    Fetch { feed: Option<i64> },
    /// Put text on the clipboard with OSC 52.
    Copy(String),
    /// Open an http(s) URL with the system opener.
    OpenUrl(String),
    /// Stop the process (Ctrl-Z) and come back with a full redraw.
    Suspend,
    /// Clear and redraw everything.
    Redraw,
    /// Leave the loop (state was already sent to the worker).
    Quit,
}

/// Which counts a picker wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacetKind {
    Sources,
    People,
    Months,
    Authors,
    /// The saved searches (the query is not used): articles and unread counts.
    Saved,
}

/// A request to the worker that owns the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Total articles and the remembered query and selection.
    Init,
    /// A new query: its count and first page (and the page holding `keep_id` when near the top).
    Query {
        gen: u64,
        query: Query,
        sort: Sort,
        keep_id: Option<i64>,
    },
    /// One more page of the current query.
    Page {
        gen: u64,
        query: Query,
        sort: Sort,
        page: u64,
    },
    Article {
        id: i64,
    },
    /// The articles beside the selected one, so `j`/`k` show them without waiting.
    Prefetch {
        ids: Vec<i64>,
    },
    Facets {
        gen: u64,
        query: Query,
        kind: FacetKind,
    },
    /// Counts per month, or per day when the results span few months.
    Histogram {
        gen: u64,
        query: Query,
    },
    SetRead {
        id: i64,
        read: bool,
    },
    SetStarred {
        id: i64,
        starred: bool,
    },
    SaveState {
        query: String,
        selected: Option<i64>,
        sort: Sort,
    },
    /// Every subscription with its counts and last status, for the feeds view.
    Feeds,
    /// Marks every article of a feed read (then answers with the feeds again).
    MarkFeedRead {
        feed_id: i64,
    },
    /// `query` with its `@name`s expanded, for the reading pane's highlights.
    Expand {
        gen: u64,
        query: Query,
    },
    /// Saves `query` as the saved search `name` (an existing name is refused).
    SaveSearch {
        name: String,
        query: Query,
    },
    /// A change to many articles (or the undoing of one).
    Apply {
        change: Bulk,
        undoing: bool,
    },
    /// The page of the person `name` names (`P`, or → in the people picker).
    PersonPage {
        name: String,
    },
}

/// A change to many articles at once; the worker answers with the change that undoes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Bulk {
    /// Every article the query matches marked read (or unread).
    MarkQuery { query: Query, read: bool },
    /// A mark set (or cleared) on these articles.
    Mark { ids: Vec<i64>, mark: Mark, on: bool },
    /// These articles deleted.
    Delete { ids: Vec<i64> },
    /// These deleted articles (ids among the deleted) brought back.
    Restore { deleted: Vec<i64> },
    /// A source renamed (its old name kept as an alias); never onto another source's name.
    RenameSource { from: String, to: String },
    /// A person renamed (the old name kept as an alias); never onto another person's name.
    RenamePerson { from: String, to: String },
    /// Another name for a person (`person:ALIAS` finds them; a mention so written joins them).
    AliasPerson { name: String, alias: String },
    /// An alias taken back.
    UnaliasPerson { name: String, alias: String },
    /// One person merged into another.
    MergePerson { from: String, into: String },
    /// A name that is not a person: its mentions go, and imports never store it again.
    NotAPerson { name: String },
    /// A merged or refused person brought back as they were.
    RestorePerson { snapshot: Box<PersonSnapshot> },
}

impl Bulk {
    /// What undoes bringing this person back: the merge or the not-a-person again.
    pub fn again(snapshot: &PersonSnapshot) -> Bulk {
        let name = snapshot.name.clone();
        match &snapshot.into {
            Some(into) => Bulk::MergePerson {
                from: name,
                into: into.name.clone(),
            },
            None => Bulk::NotAPerson { name },
        }
    }
}

impl Request {
    /// What the request asks for, in one word (for the log).
    pub fn kind(&self) -> &'static str {
        match self {
            Request::Init => "init",
            Request::Query { .. } => "query",
            Request::Page { .. } => "page",
            Request::Article { .. } => "article",
            Request::Prefetch { .. } => "prefetch",
            Request::Facets { .. } => "facets",
            Request::Histogram { .. } => "histogram",
            Request::SetRead { .. } => "set-read",
            Request::SetStarred { .. } => "set-starred",
            Request::SaveState { .. } => "save-state",
            Request::Feeds => "feeds",
            Request::MarkFeedRead { .. } => "mark-feed-read",
            Request::Apply { .. } => "apply",
            Request::SaveSearch { .. } => "save-search",
            Request::Expand { .. } => "expand",
            Request::PersonPage { .. } => "person-page",
        }
    }

    /// The query generation the request serves, for those a newer query makes pointless.
    pub fn gen(&self) -> Option<u64> {
        match self {
            Request::Query { gen, .. }
            | Request::Page { gen, .. }
            | Request::Facets { gen, .. }
            | Request::Histogram { gen, .. }
            | Request::Expand { gen, .. } => Some(*gen),
            _ => None,
        }
    }
}

/// One entry of a picker: a label, other names it matches, and its article count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetItem {
    pub label: String,
    pub aliases: Vec<String>,
    pub count: u64,
    /// How many of them are unread, where the picker shows it (saved searches).
    pub unread: Option<u64>,
}

/// An answer from the worker, tagged with the generation of the query it answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    Init {
        total: u64,
        last_query: Option<String>,
        selected: Option<i64>,
        sort: Sort,
    },
    Results {
        gen: u64,
        count: u64,
        pages: Vec<(u64, Vec<ArticleRow>)>,
    },
    Page {
        gen: u64,
        page: u64,
        rows: Vec<ArticleRow>,
    },
    Article {
        id: i64,
        article: Option<Box<StoredArticle>>,
    },
    Prefetched {
        articles: Vec<StoredArticle>,
    },
    Facets {
        gen: u64,
        kind: FacetKind,
        items: Vec<FacetItem>,
    },
    Histogram {
        gen: u64,
        buckets: Vec<(String, u64)>,
    },
    /// Another process committed to the store (an import): it now holds `total` articles.
    StoreChanged {
        total: u64,
    },
    /// The subscriptions, by name.
    Feeds(Vec<Feed>),
    /// A read or star mark could not be saved (a full disk, a locked store): the reader puts the
    /// article back as it was and says why.
    MarkFailed {
        id: i64,
        /// The read state that was asked for, or `None` for a star.
        read: Option<bool>,
        /// The star that was asked for, or `None` for a read mark.
        starred: Option<bool>,
        message: String,
    },
    /// `count` articles of the feed were marked read.
    FeedMarked {
        feed_id: i64,
        count: u64,
    },
    /// A bulk change was made: `count` articles changed, `undo` undoes it, and the store now
    /// holds `total` articles.
    Applied {
        undo: Bulk,
        count: u64,
        total: u64,
        undoing: bool,
    },
    /// Generation `gen`'s query with its `@name`s expanded.
    Expanded {
        gen: u64,
        query: Query,
    },
    /// The page of the person `name` names; `None` when nobody answers to it. An answer for
    /// a name other than the page open is stale.
    PersonPage {
        name: String,
        page: Option<Box<PersonPage>>,
    },
    /// The query was saved as `@name`.
    SearchSaved {
        name: String,
    },
    /// The store refused generation `gen`'s query (an unknown `@name`): where and why.
    QueryRefused {
        gen: u64,
        error: crate::query::QueryError,
    },
    /// How a background fetch goes.
    Fetch(FetchEvent),
    Error(String),
}

/// A background fetch's news, in the order they happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchEvent {
    /// There are no subscriptions at all.
    NoFeeds,
    /// None is due; the soonest is due at `next_due` (Unix seconds).
    NothingDue {
        next_due: Option<i64>,
    },
    Started {
        total: usize,
    },
    /// One more feed was stored (or failed: `failed` holds why).
    Progress {
        done: usize,
        total: usize,
        name: String,
        failed: Option<String>,
    },
    /// The feeds are stored; `done` of the full-text feeds' `total` linked pages are too.
    Pages {
        done: usize,
        total: usize,
    },
    Done {
        new: u64,
        updated: u64,
        failed: usize,
        feeds: usize,
        /// Articles in the store now.
        total: u64,
    },
    /// The run stopped (the store failed); feeds stored before stay stored.
    Stopped(String),
}
