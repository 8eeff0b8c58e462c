//! The command line: clap definitions and the dispatch to each command.

mod add;
#[cfg(feature = "tui")]
mod config;
mod docs;
mod extract;
mod facets;
mod feed;
mod fetch;
mod import;
mod list;
mod manage;
mod search;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use byline::store::{Store, StoreError};

/// A terminal newsreader: a local article store, filtered by source, date and people mentioned.
#[derive(Debug, Parser)]
#[command(name = "byline", version, disable_version_flag = true)]
pub struct Cli {
    /// The store file (default: $BYLINE_STORE, else the XDG data dir).
    #[arg(long, global = true, value_name = "PATH")]
    pub store: Option<PathBuf>,
    /// Print the version and the store and config paths in use.
    #[arg(short = 'V', long)]
    pub version: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fetch web pages (news articles) and store them; a feed URL is offered for subscription.
    Add(add::AddArgs),
    /// Import article files and folders (recursively).
    Import(import::ImportArgs),
    /// List articles matching a query, newest first.
    List(list::ListArgs),
    /// Show one article, wrapped to the terminal width.
    Show(list::ShowArgs),
    /// Sources with their article counts.
    Sources(facets::SourcesArgs),
    /// People mentioned, with their article counts.
    People(facets::PeopleArgs),
    /// Parse files without storing them.
    Extract(extract::ExtractArgs),
    /// Re-derive every article from its stored original text.
    Reindex,
    /// Subscriptions: add, list, remove, rename, set, import and export (OPML).
    #[command(subcommand)]
    Feed(feed::FeedCommand),
    /// Fetch the feeds that are due (or the named feeds and tags) into the store.
    Fetch(fetch::FetchArgs),
    /// The reader's config file: check it, or print the configuration in effect.
    #[cfg(feature = "tui")]
    #[command(subcommand)]
    Config(config::ConfigCommand),
    /// Mark the articles a query matches: read, unread, starred or unstarred.
    Mark(manage::MarkArgs),
    /// Delete the articles a query matches (asks first, or --yes); they stay out of later
    /// imports and fetches until restored.
    Rm(manage::RmArgs),
    /// List deleted articles (newest deletion first).
    Deleted(manage::DeletedArgs),
    /// Bring deleted articles back.
    Restore(manage::RestoreArgs),
    /// Correct sources: rename one, or merge two.
    #[command(subcommand)]
    Source(manage::SourceCommand),
    /// Correct people: rename, alias, merge, not-a-person (kept for later imports and reindex).
    #[command(subcommand)]
    Person(manage::PersonCommand),
    /// Saved searches: save, list, rm, rename; `@NAME` in a query stands for one.
    #[command(subcommand)]
    Search(search::SearchCommand),
    /// Print a shell completion script (bash, elvish, fish, powershell, zsh).
    Completions(docs::CompletionsArgs),
    /// Print the man page (roff): `byline man > byline.1`.
    Man,
}

/// Runs a command (the reader is wired in main). A full disk, a damaged or read-only store is
/// reported naming the store file.
pub fn run(store_path: PathBuf, command: Command) -> Result<ExitCode> {
    quiet_on_closed_pipe();
    dispatch(&store_path, command).map_err(|err| match err.downcast::<StoreError>() {
        Ok(store_err) => byline::store::explain(store_err, &store_path).into(),
        Err(err) => err,
    })
}

fn dispatch(store_path: &Path, command: Command) -> Result<ExitCode> {
    match command {
        Command::Extract(args) => extract::run(args),
        Command::Completions(args) => docs::completions(args),
        Command::Man => docs::man(),
        Command::Mark(args) => read_only(store_path, |store| manage::mark(store, args)),
        Command::Rm(args) => read_only(store_path, |store| manage::rm(store, args)),
        Command::Deleted(args) => read_only(store_path, |store| manage::deleted(store, args)),
        Command::Restore(args) => manage::restore(&mut open_store(store_path)?, args),
        Command::Source(command) => read_only(store_path, |store| manage::source(store, command)),
        Command::Person(command) => read_only(store_path, |store| manage::person(store, command)),
        Command::Search(command @ search::SearchCommand::Save { .. }) => {
            search::run(&open_store(store_path)?, command)
        }
        Command::Search(command) => read_only(store_path, |store| search::run(store, command)),
        Command::Add(args) => add::run(&mut open_store(store_path)?, args),
        Command::Import(args) => import::run(&mut open_store(store_path)?, args),
        Command::Reindex => import::reindex(&mut open_store(store_path)?),
        #[cfg(feature = "tui")]
        Command::Config(command) => config::run(command),
        Command::Feed(command) => feed::run(&mut open_store(store_path)?, command),
        Command::Fetch(args) => fetch::run(&mut open_store(store_path)?, args),
        Command::List(mut args) => {
            let (json, limit, sort) = (&mut args.json, &mut args.limit, Some(&mut args.sort));
            take_options(&mut args.query, json, limit, sort)?;
            let query = parse_query(&byline::query::from_args(&args.query))?;
            read_only(store_path, |store| list::list(store, &query, args))
        }
        Command::Show(args) => read_only(store_path, |store| list::show(store, args)),
        Command::Sources(args) => read_only(store_path, |store| facets::sources(store, args)),
        Command::People(mut args) => {
            take_options(&mut args.query, &mut args.json, &mut args.limit, None)?;
            if let Some(name) = args.with.take() {
                let json = args.json;
                return read_only(store_path, |store| facets::person_page(store, &name, json));
            }
            let query = parse_query(&byline::query::from_args(&args.query))?;
            read_only(store_path, |store| facets::people(store, &query, args))
        }
    }
}

/// Runs a command on an existing store (one that reads, or changes only what is stored): a
/// missing store is never created (nor given the samples), it is named with the way to make
/// one, and the status is 1.
fn read_only(
    store_path: &Path,
    command: impl FnOnce(&Store) -> Result<ExitCode>,
) -> Result<ExitCode> {
    if !store_path.exists() {
        eprintln!(
            "byline: there is no store at {} yet: `byline` opens the reader on the sample \
             articles, `byline import PATH` or `byline feed add URL` fills it",
            safe_path(store_path)
        );
        return Ok(ExitCode::from(1));
    }
    command(&open_store(store_path)?)
}

/// Opens the store, naming the file in any error.
/// An older store is copied before its schema is upgraded, and that is said on stderr.
pub fn open_store(path: &Path) -> Result<Store> {
    let store = match Store::open(path) {
        Ok(store) => store,
        Err(err @ StoreError::Sqlite(_)) => {
            return Err(err).with_context(|| format!("cannot use the store {}", safe_path(path)))
        }
        Err(err) => return Err(err.into()),
    };
    if let Some((backup, version)) = store.backup() {
        eprintln!(
            "byline: upgrading the store {} from schema v{version} to v{}; a copy of it was kept as {}",
            safe_path(path),
            byline::store::SCHEMA_VERSION,
            safe_path(backup)
        );
    }
    Ok(store)
}

/// Prints a command-line error (the arguments quoted in it made safe) or `--help`, and exits
/// with clap's status.
pub fn usage_error(err: clap::Error) -> ExitCode {
    let text = err.render().to_string();
    let lines: Vec<String> = text.lines().map(safe).collect();
    let text = lines.join("\n");
    if err.use_stderr() {
        eprintln!("{}", text.trim_end());
    } else {
        println!("{}", text.trim_end());
    }
    ExitCode::from(err.exit_code().clamp(0, 255) as u8)
}

/// Outside text (a file name, a query, a stored name) made safe to print on one line: escape
/// sequences and controls removed, line breaks made spaces.
pub fn safe(text: &str) -> String {
    byline::text::sanitize_line(text)
}

/// A path made safe to print.
pub fn safe_path(path: &Path) -> String {
    safe(&path.to_string_lossy())
}

/// A serialized JSON line with C1 controls and invisible characters (bidi controls, line
/// separators, zero-width ones) written as `\uXXXX` escapes: serde_json escapes only C0, and
/// such chars only occur inside strings.
pub fn json_safe(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if matches!(c, '\u{7F}'..='\u{9F}') || byline::text::is_invisible(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Opens the store; an empty store that never had the samples gets them, and says so on stderr.
pub fn open_with_samples(path: &Path) -> Result<Store> {
    let mut store = open_store(path)?;
    if let Some(loaded) = byline::samples::load_on_first_run(&mut store)? {
        eprintln!(
            "byline: the store {} was empty: loaded {loaded} sample articles (fictional)",
            safe_path(path)
        );
    }
    Ok(store)
}

/// Today's date for relative `date:` terms; `BYLINE_TODAY=YYYY-MM-DD` pins it (for tests).
pub fn today() -> NaiveDate {
    std::env::var("BYLINE_TODAY")
        .ok()
        .and_then(|d| d.parse().ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Parses a query, or explains on stderr where it is wrong.
pub fn parse_query(text: &str) -> Result<byline::query::Query> {
    byline::query::parse(text).map_err(|e| anyhow::anyhow!("invalid query: {e}"))
}

/// `byline` alone: the reader on a terminal; piped, or built without the reader, the newest
/// articles as a list.
pub fn reader(store_path: PathBuf) -> Result<ExitCode> {
    #[cfg(feature = "tui")]
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        let config = Some(byline::paths::config_path());
        let run = byline::tui::run(byline::tui::RunOptions {
            store: store_path,
            config,
        });
        return match run {
            // A thread of the reader failed (a panic): the terminal is back, say so like one.
            Err(err) if err.is::<byline::tui::exit::Crashed>() => {
                eprintln!("byline: {}", safe(&format!("{err:#}")));
                Ok(ExitCode::from(101))
            }
            other => other.map(|()| ExitCode::SUCCESS),
        };
    }
    quiet_on_closed_pipe();
    let args = list::ListArgs {
        query: Vec::new(),
        json: false,
        limit: 30,
        sort: byline::store::Sort::Newest,
    };
    list::list(
        &open_with_samples(&store_path)?,
        &byline::query::Query::default(),
        args,
    )
}

/// Output piped to a program that stops reading (`byline list | head`) ends the command quietly,
/// as it does a C tool: SIGPIPE's default action instead of Rust's "ignore", which turns every
/// later `println!` into a panic. Sockets are not affected (the standard library sends with
/// MSG_NOSIGNAL or SO_NOSIGPIPE).
pub fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to its default has no preconditions; nothing else
    // in the process has installed a SIGPIPE handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Options written after a query (`byline list person:x --limit 5`): the query takes every
/// argument after its first (it may start with `-`), so they are taken back out of it here.
/// Another `--word` is refused by name rather than read as a doubly negated term.
pub fn take_options(
    words: &mut Vec<String>,
    json: &mut bool,
    limit: &mut u64,
    mut sort: Option<&mut byline::store::Sort>,
) -> Result<()> {
    let mut kept = Vec::with_capacity(words.len());
    let mut rest = std::mem::take(words).into_iter();
    while let Some(word) = rest.next() {
        let (name, value) = match word.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_string(), Some(value.to_string()))
            }
            _ => (word.clone(), None),
        };
        match name.as_str() {
            "--json" if value.is_none() => *json = true,
            "--limit" => {
                let value = value.or_else(|| rest.next()).unwrap_or_default();
                *limit = value
                    .parse()
                    .with_context(|| format!("--limit takes a number, not {:?}", safe(&value)))?;
            }
            "--sort" if sort.is_some() => {
                let value = value.or_else(|| rest.next()).unwrap_or_default();
                if let Some(sort) = sort.as_deref_mut() {
                    *sort = value.parse().map_err(|e: String| anyhow::anyhow!(e))?;
                }
            }
            other if other.starts_with("--") => anyhow::bail!("unknown option {}", safe(other)),
            _ => kept.push(word),
        }
    }
    *words = kept;
    Ok(())
}

/// Asks a yes/no question on stderr and reads the answer from stdin; only "y" or "yes" is yes.
pub fn ask(question: &str) -> Result<bool> {
    use std::io::{BufRead, Write};
    eprint!("{question}");
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "Yes"))
}
