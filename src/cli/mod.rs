//! The command line: clap definitions and the dispatch to each command.

mod extract;
mod facets;
mod import;
mod list;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use byline::store::Store;

/// A terminal newsreader: a local article store, filtered by source, date and people mentioned.
#[derive(Debug, Parser)]
#[command(name = "byline", disable_version_flag = true)]
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
}

/// Runs a command (the reader is wired in main).
pub fn run(store_path: PathBuf, command: Command) -> Result<ExitCode> {
    match command {
        Command::Extract(args) => extract::run(args),
        Command::Import(args) => import::run(&mut open_store(&store_path)?, args),
        Command::Reindex => import::reindex(&mut open_store(&store_path)?),
        Command::List(args) => {
            let query = parse_query(&args.query)?;
            list::list(&open_with_samples(&store_path)?, &query, args)
        }
        Command::Show(args) => list::show(&open_with_samples(&store_path)?, args),
        Command::Sources(args) => facets::sources(&open_with_samples(&store_path)?, args),
        Command::People(args) => {
            let query = parse_query(&args.query)?;
            facets::people(&open_with_samples(&store_path)?, &query, args)
        }
    }
}

/// Opens the store, naming the file in any error.
pub fn open_store(path: &std::path::Path) -> Result<Store> {
    Store::open(path).with_context(|| format!("cannot use the store {}", path.display()))
}

/// Opens the store; an empty store that never had the samples gets them, and says so on stderr.
pub fn open_with_samples(path: &std::path::Path) -> Result<Store> {
    let mut store = open_store(path)?;
    if let Some(loaded) = load_samples_on_first_run(&mut store)? {
        eprintln!(
            "byline: the store {} was empty: loaded {loaded} sample articles (fictional)",
            path.display()
        );
    }
    Ok(store)
}

/// Loads the bundled samples into an empty store that never had them; returns how many.
pub fn load_samples_on_first_run(store: &mut Store) -> Result<Option<u64>> {
    if store.total()? > 0 || store.ui_value("samples_loaded")?.is_some() {
        return Ok(None);
    }
    let report = byline::samples::import(store)?;
    store.set_ui_value("samples_loaded", "1")?;
    Ok(Some(report.summary.imported))
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

/// Until the reader lands: `byline` alone lists the newest articles.
pub fn default_list() -> list::ListArgs {
    list::ListArgs {
        query: String::new(),
        json: false,
        limit: 30,
    }
}
