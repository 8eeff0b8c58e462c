//! `byline sources` and `byline people`: names with their article counts, most first.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use serde_json::json;

use byline::query::Query;
use byline::store::Store;

#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// One JSON object per line: name, aliases, articles.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PeopleArgs {
    /// Count only articles matching this query (several arguments are one query; it may
    /// start with `-`: `byline people -source:rferl`).
    #[arg(allow_hyphen_values = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// One JSON object per line: name, aliases, articles.
    #[arg(long)]
    pub json: bool,
    /// At most this many people.
    #[arg(long, default_value_t = 100)]
    pub limit: u64,
}

pub fn sources(store: &Store, args: SourcesArgs) -> Result<ExitCode> {
    let mut out = String::new();
    for source in store.source_counts(&Query::default(), super::today())? {
        if args.json {
            let aliases = store.source_aliases(&source.name)?;
            let line =
                json!({"name": source.name, "aliases": aliases, "articles": source.articles});
            out.push_str(&super::json_safe(&line.to_string()));
        } else {
            out.push_str(&format!(
                "{:>8}  {}",
                source.articles,
                super::safe(&source.name)
            ));
        }
        out.push('\n');
    }
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

pub fn people(store: &Store, query: &Query, args: PeopleArgs) -> Result<ExitCode> {
    let mut out = String::new();
    for person in store.person_counts(query, super::today(), args.limit)? {
        if args.json {
            let line = json!({"name": person.name, "aliases": person.aliases, "articles": person.articles});
            out.push_str(&super::json_safe(&line.to_string()));
        } else {
            out.push_str(&format!(
                "{:>8}  {}",
                person.articles,
                super::safe(&person.name)
            ));
        }
        out.push('\n');
    }
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}
