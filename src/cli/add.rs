//! `byline add URL...`: web pages fetched and stored as articles; a feed URL is subscribed to
//! when asked (`--subscribe`, or yes at the prompt on a terminal).

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use byline::fetch::Client;
use byline::importer::{add_page, AddError, Added};
use byline::store::{ImportOutcome, Store};

use super::fetch::FetchFlags;
use super::safe;

#[derive(Debug, Args)]
pub struct AddArgs {
    /// http(s) URLs of web pages (news articles).
    #[arg(required = true, value_name = "URL")]
    pub urls: Vec<String>,
    /// Store the pages under this source instead of their outlet.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// When a URL is a feed, subscribe to it without asking.
    #[arg(long)]
    pub subscribe: bool,
    #[command(flatten)]
    pub http: FetchFlags,
}

pub fn run(store: &mut Store, args: AddArgs) -> Result<ExitCode> {
    let client = Client::new(args.http.options().http);
    let mut failed = false;
    for url in &args.urls {
        let url = url.trim();
        match add_page(store, &client, url, args.source.as_deref()) {
            Ok(Added::Article {
                outcome,
                title,
                source,
                people,
                warnings,
            }) => {
                report(outcome, &title, source.as_deref(), people);
                for warning in warnings {
                    eprintln!("warning: {}: {}", safe(url), safe(&warning));
                }
            }
            Ok(Added::Feed { url: feed }) => failed |= !offer_subscription(store, &feed, &args)?,
            Err(AddError::Store(e)) => return Err(e.into()),
            Err(e) => {
                eprintln!("{}", safe(&e.to_string()));
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn report(outcome: ImportOutcome, title: &str, source: Option<&str>, people: usize) {
    let what = match outcome {
        ImportOutcome::Imported => "added",
        ImportOutcome::Updated => "updated",
        ImportOutcome::Unchanged => "already stored",
        ImportOutcome::Deleted => "deleted before, left out (`byline deleted` and `restore`)",
    };
    let from = source
        .map(|s| format!(" ({})", safe(s)))
        .unwrap_or_default();
    let people = match people {
        1 => ", 1 person".to_string(),
        n => format!(", {n} people"),
    };
    println!("{what}: {}{from}{people}", safe(title));
}

/// A feed where a page was expected: subscribed with `--subscribe` or a yes at the prompt;
/// else the command that would. False when nothing was added.
fn offer_subscription(store: &mut Store, feed: &str, args: &AddArgs) -> Result<bool> {
    eprintln!("{} is a feed, not a page", safe(feed));
    let yes = args.subscribe
        || (std::io::stdin().is_terminal() && super::ask("subscribe to it? [y/N] ")?);
    if !yes {
        eprintln!("`byline feed add {}` subscribes to it", safe(feed));
        return Ok(false);
    }
    let code = super::feed::add(store, feed, None, &[], &args.http)?;
    Ok(code == ExitCode::SUCCESS)
}
