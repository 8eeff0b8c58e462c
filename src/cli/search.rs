//! `byline search save|list|rm|rename`: saved searches, used as `@NAME` in any query.

use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;

use byline::store::{Store, StoreError};

#[derive(Debug, Subcommand)]
pub enum SearchCommand {
    /// Save QUERY as NAME (letters, digits, - and _); `@NAME` then stands for it in queries.
    Save {
        /// The name: letters, digits, - and _.
        name: String,
        /// The query, as for `list` (several arguments are one query).
        #[arg(allow_hyphen_values = true, value_name = "QUERY", required = true)]
        query: Vec<String>,
        /// Replace a saved search of that name.
        #[arg(long, short)]
        force: bool,
    },
    /// The saved searches with their queries, article counts and unread counts.
    List {
        /// One JSON object per line: name, query, articles, unread.
        #[arg(long)]
        json: bool,
    },
    /// Remove a saved search (refused while another search uses it).
    Rm { name: String },
    /// Rename a saved search; the searches that use it follow.
    Rename { old: String, new: String },
}

pub fn run(store: &Store, command: SearchCommand) -> Result<ExitCode> {
    match command {
        SearchCommand::Save {
            name,
            mut query,
            mut force,
        } => {
            // The query takes every argument after its first: `--force` after it is taken back.
            let before = query.len();
            query.retain(|word| word != "--force" && word != "-f");
            force |= query.len() != before;
            let query = super::parse_query(&byline::query::from_args(&query))?;
            // `@ukraine` as typed in a query names the search `ukraine`.
            let name = name.strip_prefix('@').unwrap_or(&name);
            let saved = store
                .save_search(name, &query, force)
                .map_err(|err| match err {
                    StoreError::SearchExists(name) => {
                        anyhow::anyhow!(
                            "a saved search is already called {name:?}: --force replaces it"
                        )
                    }
                    err => err.into(),
                })?;
            println!(
                "saved @{}: {}",
                super::safe(&saved.name),
                super::safe(&saved.query)
            );
        }
        SearchCommand::List { json } => list(store, json)?,
        SearchCommand::Rm { name } => {
            store.remove_search(&name)?;
            println!("removed @{}", super::safe(&name));
        }
        SearchCommand::Rename { old, new } => {
            store.rename_search(&old, &new)?;
            println!("renamed @{} to @{}", super::safe(&old), super::safe(&new));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn list(store: &Store, json: bool) -> Result<()> {
    let mut out = String::new();
    let shown = |n: Option<u64>| n.map_or("?".to_string(), |n| n.to_string());
    for count in store.saved_counts(super::today())? {
        if json {
            out.push_str(&super::json_safe(&serde_json::to_string(&count)?));
        } else {
            out.push_str(&format!(
                "@{:<20} {:>7} {:>7} unread  {}",
                super::safe(&count.search.name),
                shown(count.articles),
                shown(count.unread),
                super::safe(&count.search.query)
            ));
        }
        out.push('\n');
    }
    print!("{out}");
    Ok(())
}
