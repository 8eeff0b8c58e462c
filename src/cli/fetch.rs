//! `byline fetch`: the due feeds (or the named feeds and tags) fetched and stored, with progress
//! on a terminal and one line per feed otherwise.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use byline::feeds::fulltext::retry_failed;
use byline::feeds::fulltext::PageSummary;
use byline::feeds::{due_feeds, fetch_feeds_and_pages, FeedOutcome, FeedReport, FetchOptions};
use byline::store::{Feed, Store};

use super::safe;

#[derive(Debug, Args)]
pub struct FetchArgs {
    /// Feeds (by name or URL) and tags to fetch, due or not; none: every feed that is due.
    pub feeds: Vec<String>,
    /// Fetch every enabled feed, due or not.
    #[arg(long)]
    pub all: bool,
    /// Fetch no feed: only fetch again the linked pages that failed, of the full-text feeds
    /// (those named, else all).
    #[arg(long, conflicts_with = "all")]
    pub full_text_retry: bool,
    #[command(flatten)]
    pub http: FetchFlags,
}

/// The fetch settings a command line can change.
#[derive(Debug, Args)]
pub struct FetchFlags {
    /// Feeds fetched at once.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub jobs: usize,
    /// Seconds a whole request may take.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub timeout: u64,
    /// Seconds to connect.
    #[arg(long, value_name = "SECS", default_value_t = 10)]
    pub connect_timeout: u64,
    /// Largest feed accepted, in MiB after decompression.
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    pub max_size: u64,
}

impl FetchFlags {
    pub fn options(&self) -> FetchOptions {
        let mut options = FetchOptions {
            parallel: self.jobs.max(1),
            ..FetchOptions::default()
        };
        options.http.timeout = Duration::from_secs(self.timeout.max(1));
        options.http.connect_timeout = Duration::from_secs(self.connect_timeout.max(1));
        options.http.max_body_bytes = self.max_size.max(1) * 1024 * 1024;
        options
    }
}

pub fn run(store: &mut Store, args: FetchArgs) -> Result<ExitCode> {
    if args.full_text_retry {
        return retry(store, &args);
    }
    let feeds = chosen_feeds(store, &args)?;
    if feeds.is_empty() {
        let total = store.feeds()?.len();
        match total {
            0 => eprintln!("no feeds yet: `byline feed add URL` subscribes to one"),
            n => eprintln!("none of the {n} feeds is due: `byline fetch --all` fetches them now"),
        }
        return Ok(ExitCode::SUCCESS);
    }
    let terminal = std::io::stderr().is_terminal();
    let bar = progress_bar(feeds.len() as u64, terminal);
    let mut progress = |report: &FeedReport| {
        bar.inc(1);
        bar.suspend(|| print_feed_report(report, !terminal));
    };
    let mut on_page = |pages: &PageSummary, total: usize| show_pages(&bar, pages, total);
    let options = args.http.options();
    let report = fetch_feeds_and_pages(store, feeds, &options, &mut progress, &mut on_page)?;
    bar.finish_and_clear();
    println!("{report}");
    Ok(match report.failed() {
        0 => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    })
}

/// `fetch --full-text-retry`: the failed pages of the chosen full-text feeds, again.
fn retry(store: &mut Store, args: &FetchArgs) -> Result<ExitCode> {
    let feeds = match args.feeds.is_empty() {
        true => store.feeds()?,
        false => chosen_feeds(store, args)?,
    };
    let feeds: Vec<Feed> = feeds.into_iter().filter(|f| f.full_text).collect();
    if feeds.is_empty() {
        eprintln!("no feed has full text on: `byline feed set NAME full-text on` sets it");
        return Ok(ExitCode::SUCCESS);
    }
    let bar = progress_bar(0, std::io::stderr().is_terminal());
    let mut on_page = |pages: &PageSummary, total: usize| show_pages(&bar, pages, total);
    let pages = retry_failed(store, &feeds, &args.http.options(), &mut on_page)?;
    bar.finish_and_clear();
    println!("retried {} pages: {pages}", pages.total());
    Ok(ExitCode::SUCCESS)
}

/// The named feeds and the feeds of the named tags, else the due ones.
fn chosen_feeds(store: &Store, args: &FetchArgs) -> Result<Vec<Feed>> {
    if args.feeds.is_empty() {
        return Ok(due_feeds(store, args.all)?);
    }
    let all = store.feeds()?;
    let mut chosen: Vec<Feed> = Vec::new();
    for wanted in &args.feeds {
        let wanted = wanted.trim();
        let matching: Vec<&Feed> = all
            .iter()
            .filter(|f| {
                f.name.eq_ignore_ascii_case(wanted)
                    || f.url == wanted
                    || f.tags.iter().any(|t| t.eq_ignore_ascii_case(wanted))
            })
            .collect();
        if matching.is_empty() {
            bail!(
                "no feed or tag named {}: `byline feed list` shows them",
                safe(wanted)
            );
        }
        for feed in matching {
            if !chosen.iter().any(|c| c.id == feed.id) {
                chosen.push(feed.clone());
            }
        }
    }
    Ok(chosen)
}

/// One feed's line: failures always (on stderr), the rest when `verbose`.
pub fn print_feed_report(report: &FeedReport, verbose: bool) {
    let name = safe(&report.name);
    match &report.outcome {
        FeedOutcome::Failed(reason) => eprintln!("error: {name}: {}", safe(reason)),
        FeedOutcome::NotModified if verbose => println!("{name}: not modified"),
        FeedOutcome::Stored { summary, warnings } => {
            for warning in warnings {
                eprintln!("warning: {name}: {}", safe(warning));
            }
            if verbose {
                println!(
                    "{name}: {} new, {} updated, {} unchanged",
                    summary.imported, summary.updated, summary.unchanged
                );
            }
        }
        FeedOutcome::NotModified => {}
    }
}

fn progress_bar(len: u64, terminal: bool) -> ProgressBar {
    if !terminal {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    let style = ProgressStyle::with_template("fetching {pos}/{len} {msg} {bar:30} {elapsed}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message("feeds");
    bar
}

/// The bar counts the full-text feeds' linked pages once the feeds are done.
fn show_pages(bar: &ProgressBar, pages: &PageSummary, total: usize) {
    bar.set_message("linked pages");
    bar.set_length(total as u64);
    bar.set_position(pages.total());
}
