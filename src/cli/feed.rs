//! `byline feed ...`: subscriptions added, listed, renamed, set, removed, imported from and
//! exported to OPML.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use chrono::{DateTime, Utc};
use clap::Subcommand;
use serde_json::json;

use byline::feeds::opml::{read_opml, refusal, write_opml, Subscription};
use byline::feeds::{subscribe, FeedOutcome, Subscribed};
use byline::store::{Feed, Store};

use super::fetch::{print_feed_report, FetchFlags};
use super::safe;

#[derive(Debug, Subcommand)]
pub enum FeedCommand {
    /// Subscribe to a feed (or to the feed a web page names) and fetch it now.
    Add {
        /// An http(s) URL of an RSS, Atom or JSON feed, or of a page that links to one.
        url: String,
        /// The feed's name (default: its title).
        #[arg(long)]
        name: Option<String>,
        /// A tag for the feed (repeatable).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        #[command(flatten)]
        http: FetchFlags,
    },
    /// List subscriptions with their counts, last fetch and status.
    List {
        /// One JSON object per feed.
        #[arg(long)]
        json: bool,
    },
    /// Unsubscribe (the feed's articles stay unless --purge).
    Remove {
        /// The feed's name or URL.
        feed: String,
        /// Also delete the feed's articles.
        #[arg(long)]
        purge: bool,
    },
    /// Rename a feed (its articles follow).
    Rename { feed: String, new_name: String },
    /// Change a feed's setting: interval (30m, 2h, 1d, default), enabled (on, off), tags (a,b),
    /// full-text (on, off: each new item's linked page is fetched for its whole text).
    Set {
        feed: String,
        key: String,
        value: String,
    },
    /// Subscribe to the feeds of an OPML file (folders become tags; nothing is fetched yet).
    Import { file: PathBuf },
    /// Write the subscriptions as OPML 2.0 to standard output.
    Export,
}

pub fn run(store: &mut Store, command: FeedCommand) -> Result<ExitCode> {
    match command {
        FeedCommand::Add {
            url,
            name,
            tags,
            http,
        } => add(store, &url, name.as_deref(), &tags, &http),
        FeedCommand::List { json } => list(store, json),
        FeedCommand::Remove { feed, purge } => {
            let feed = find(store, &feed)?;
            let purged = store.remove_feed(feed.id, purge)?;
            println!("removed {}; {purged} articles deleted", safe(&feed.name));
            Ok(ExitCode::SUCCESS)
        }
        FeedCommand::Rename { feed, new_name } => {
            let feed = find(store, &feed)?;
            let name = clean_name(&new_name)?;
            let name = store.rename_feed(feed.id, &name)?;
            println!("renamed {} to {}", safe(&feed.name), safe(&name));
            Ok(ExitCode::SUCCESS)
        }
        FeedCommand::Set { feed, key, value } => set(store, &feed, &key, &value),
        FeedCommand::Import { file } => import(store, &file),
        FeedCommand::Export => {
            let subscriptions: Vec<Subscription> =
                store.feeds()?.into_iter().map(subscription).collect();
            print!("{}", write_opml("byline subscriptions", &subscriptions));
            Ok(ExitCode::SUCCESS)
        }
    }
}

pub(super) fn add(
    store: &mut Store,
    url: &str,
    name: Option<&str>,
    tags: &[String],
    http: &FetchFlags,
) -> Result<ExitCode> {
    if let Some(reason) = refusal(url, false) {
        bail!("{}: {reason}; not subscribed", safe(url));
    }
    let name = name.map(clean_name).transpose()?;
    let tags = clean_tags(tags);
    match subscribe(store, url.trim(), name.as_deref(), &tags, &http.options())? {
        Subscribed::Already(feed) => {
            println!(
                "already subscribed: {} ({})",
                safe(&feed.name),
                safe(&feed.url)
            );
            Ok(ExitCode::SUCCESS)
        }
        Subscribed::Added { feed, report } => {
            println!("subscribed to {} ({})", safe(&feed.name), safe(&feed.url));
            print_feed_report(&report, true);
            Ok(match report.outcome {
                FeedOutcome::Failed(_) => ExitCode::FAILURE,
                _ => ExitCode::SUCCESS,
            })
        }
    }
}

/// The feed named (any case) or with this URL, or a clear error.
pub fn find(store: &Store, name_or_url: &str) -> Result<Feed> {
    match store.find_feed(name_or_url.trim())? {
        Some(feed) => Ok(feed),
        None => bail!(
            "no feed named {}: `byline feed list` shows them",
            safe(name_or_url)
        ),
    }
}

fn clean_name(name: &str) -> Result<String> {
    let name = safe(name).trim().to_string();
    if name.is_empty() {
        bail!("a feed's name cannot be empty");
    }
    Ok(name)
}

fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut clean: Vec<String> = Vec::new();
    for tag in tags.iter().flat_map(|t| t.split(',')) {
        let tag = safe(tag).trim().to_string();
        if !tag.is_empty() && !clean.contains(&tag) {
            clean.push(tag);
        }
    }
    clean
}

fn set(store: &Store, feed: &str, key: &str, value: &str) -> Result<ExitCode> {
    let feed = find(store, feed)?;
    match key {
        "interval" => store.set_feed_interval(feed.id, parse_interval(value)?)?,
        "enabled" => store.set_feed_enabled(feed.id, parse_switch(key, value)?)?,
        "tags" => store.set_feed_tags(feed.id, &clean_tags(&[value.to_string()]))?,
        "full-text" | "full_text" | "fulltext" => {
            store.set_feed_full_text(feed.id, parse_switch(key, value)?)?
        }
        other => bail!(
            "unknown feed setting {}: the settings are interval, enabled, tags and full-text",
            safe(other)
        ),
    }
    println!("{}: {key} = {}", safe(&feed.name), safe(value));
    Ok(ExitCode::SUCCESS)
}

/// `30m`, `2h`, `1d`, `90s`, a number of minutes, or `default`.
pub fn parse_interval(value: &str) -> Result<Option<i64>> {
    let value = value.trim().to_ascii_lowercase();
    if value == "default" {
        return Ok(None);
    }
    let (number, unit) = match value.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => value.split_at(at),
        None => (value.as_str(), "m"),
    };
    let n: i64 = number.parse().with_context(|| {
        format!(
            "interval {} is not a number with s, m, h or d",
            safe(&value)
        )
    })?;
    let secs = match unit {
        "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        "d" => n * 86400,
        _ => bail!("interval {}: the units are s, m, h and d", safe(&value)),
    };
    if secs < 60 {
        bail!(
            "interval {}: at least one minute, to be polite to the server",
            safe(&value)
        );
    }
    Ok(Some(secs))
}

fn parse_switch(key: &str, value: &str) -> Result<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "on" | "yes" | "true" | "1" => Ok(true),
        "off" | "no" | "false" | "0" => Ok(false),
        other => bail!("{key} must be on or off, got {}", safe(other)),
    }
}

fn subscription(feed: Feed) -> Subscription {
    Subscription {
        name: feed.name,
        url: feed.url,
        site_url: feed.site_url,
        tags: feed.tags,
        full_text: feed.full_text,
    }
}

fn import(store: &Store, file: &PathBuf) -> Result<ExitCode> {
    let bytes =
        std::fs::read(file).with_context(|| format!("cannot read {}", super::safe_path(file)))?;
    let list = read_opml(&bytes).with_context(|| super::safe_path(file))?;
    let (mut added, mut already) = (0, 0);
    for feed in &list.feeds {
        let name = match feed.name.trim() {
            "" => byline::ingest::url_domain(&feed.url).unwrap_or_else(|| feed.url.clone()),
            name => name.to_string(),
        };
        match store.add_feed(&name, &feed.url, &feed.tags)? {
            (id, true) => {
                if feed.full_text {
                    store.set_feed_full_text(id, true)?;
                }
                added += 1;
            }
            (_, false) => already += 1,
        }
    }
    for refused in &list.refused {
        eprintln!(
            "refused: {} ({}): {}",
            safe(&refused.name),
            safe(&refused.url),
            safe(&refused.reason)
        );
    }
    println!(
        "subscribed to {added} feeds, {already} already subscribed, {} refused{}",
        list.refused.len(),
        if added > 0 {
            "; `byline fetch` fetches them"
        } else {
            ""
        }
    );
    Ok(if list.refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn list(store: &Store, as_json: bool) -> Result<ExitCode> {
    let feeds = store.feeds()?;
    let mut out = String::new();
    for feed in &feeds {
        if as_json {
            out.push_str(&super::json_safe(&json_feed(feed).to_string()));
            out.push('\n');
        } else {
            out.push_str(&text_feed(feed));
        }
    }
    print!("{out}");
    if !as_json && feeds.is_empty() {
        eprintln!("no feeds yet: `byline feed add URL` subscribes to one");
    }
    Ok(ExitCode::SUCCESS)
}

fn time(secs: Option<i64>) -> Option<String> {
    let at = DateTime::<Utc>::from_timestamp(secs?, 0)?;
    Some(at.format("%Y-%m-%d %H:%M UTC").to_string())
}

fn json_feed(feed: &Feed) -> serde_json::Value {
    json!({
        "name": feed.name,
        "url": feed.url,
        "site_url": feed.site_url,
        "tags": feed.tags,
        "articles": feed.articles,
        "unread": feed.unread,
        "enabled": feed.enabled,
        "interval_secs": feed.interval_secs,
        "last_fetch": time(feed.last_fetch),
        "last_status": feed.last_status,
        "failed": feed.failed,
        "gone": feed.gone,
        "full_text": feed.full_text,
        "next_due": time(Some(feed.next_due).filter(|&d| d > 0)),
    })
}

fn text_feed(feed: &Feed) -> String {
    let tags = match feed.tags.is_empty() {
        true => String::new(),
        false => format!("  [{}]", feed.tags.join(", ")),
    };
    let mut state = vec![format!(
        "{} articles, {} unread",
        feed.articles, feed.unread
    )];
    if feed.full_text {
        state.push("full text".into());
    }
    match (time(feed.last_fetch), &feed.last_status) {
        (Some(at), Some(status)) => state.push(format!("last fetch {at}: {status}")),
        _ => state.push("never fetched".into()),
    }
    if feed.gone {
        state.push("gone (the server says it was removed)".into());
    } else if !feed.enabled {
        state.push("disabled".into());
    } else {
        let due = time(Some(feed.next_due).filter(|&d| d > Utc::now().timestamp()));
        state.push(format!("next {}", due.unwrap_or_else(|| "now".into())));
    }
    format!(
        "{}\n  {}\n  {}\n",
        safe(&format!("{}{tags}", feed.name)),
        safe(&feed.url),
        safe(&state.join(" · "))
    )
}
