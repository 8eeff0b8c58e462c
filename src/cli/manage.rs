//! `byline mark`, `rm`, `deleted`, `restore` and `source rename|merge`: changes to many
//! articles at once, and corrections of sources.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use byline::store::{Mark, Store};

/// A mark `byline mark` sets or clears.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MarkName {
    Read,
    Unread,
    Starred,
    Unstarred,
}

#[derive(Debug, Args)]
pub struct MarkArgs {
    /// The mark to set: read, unread, starred or unstarred.
    pub mark: MarkName,
    /// The articles: a query as for `list` (several arguments are one query).
    #[arg(allow_hyphen_values = true, value_name = "QUERY")]
    pub query: Vec<String>,
}

#[derive(Debug, Args)]
pub struct RmArgs {
    /// The articles to delete: a query as for `list`. An empty query is refused.
    #[arg(allow_hyphen_values = true, value_name = "QUERY", required = true)]
    pub query: Vec<String>,
    /// Delete without asking.
    #[arg(long, short)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct DeletedArgs {
    /// One JSON object per line: id, title, source, date, deleted_at.
    #[arg(long)]
    pub json: bool,
    /// At most this many, newest deletion first.
    #[arg(long, default_value_t = 100)]
    pub limit: u64,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// Ids from `byline deleted`.
    #[arg(required_unless_present = "all")]
    pub ids: Vec<i64>,
    /// Every deleted article.
    #[arg(long, conflicts_with = "ids")]
    pub all: bool,
}

#[derive(Debug, Subcommand)]
pub enum SourceCommand {
    /// Rename a source (the old name stays an alias); a NEW that is another source merges them.
    Rename { old: String, new: String },
    /// Merge source FROM into INTO: its articles, aliases and old names go to INTO.
    Merge { from: String, into: String },
}

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Rename a person (the old name stays an alias); a NEW that is another person merges them.
    Rename { name: String, new: String },
    /// Another name for a person: `person:ALIAS` finds them and mentions written so join them.
    Alias { name: String, alias: String },
    /// Merge person FROM into INTO: mentions, aliases and name.
    Merge { from: String, into: String },
    /// NAME is not a person: its mentions go, and no later import or reindex stores it.
    NotAPerson { name: String },
}

pub fn person(store: &Store, command: PersonCommand) -> Result<ExitCode> {
    let said = match command {
        PersonCommand::Rename { name, new } => {
            let now = store.rename_person(&name, &new)?;
            format!("renamed {} to {}", super::safe(&name), super::safe(&now))
        }
        PersonCommand::Alias { name, alias } => {
            let who = store.alias_person(&name, &alias)?;
            format!("{} is now also {}", super::safe(&who), super::safe(&alias))
        }
        PersonCommand::Merge { from, into } => {
            let who = store.merge_people(&from, &into)?;
            format!("merged {} into {}", super::safe(&from), super::safe(&who))
        }
        PersonCommand::NotAPerson { name } => {
            let articles = store.not_a_person(&name)?;
            format!(
                "{} is not a person: removed from {articles} articles, and left out of later imports",
                super::safe(&name)
            )
        }
    };
    println!("{said}");
    Ok(ExitCode::SUCCESS)
}

pub fn mark(store: &Store, args: MarkArgs) -> Result<ExitCode> {
    let query = super::parse_query(&byline::query::from_args(&args.query))?;
    let ids = store.matching_ids(&query, super::today())?;
    let (mark, on) = match args.mark {
        MarkName::Read => (Mark::Read, true),
        MarkName::Unread => (Mark::Read, false),
        MarkName::Starred => (Mark::Starred, true),
        MarkName::Unstarred => (Mark::Starred, false),
    };
    let changed = store.set_marks(&ids, mark, on)?;
    let mark = format!("{:?}", args.mark).to_lowercase();
    println!(
        "marked {} of {} matching articles {mark}",
        changed.len(),
        ids.len()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn rm(store: &Store, mut args: RmArgs) -> Result<ExitCode> {
    // The query takes every argument after its first: `--yes` written after it is taken back.
    let before = args.query.len();
    args.query.retain(|word| word != "--yes" && word != "-y");
    args.yes |= args.query.len() != before;
    if let Some(option) = args.query.iter().find(|w| w.starts_with("--")) {
        bail!("unknown option {}", super::safe(option));
    }
    let text = byline::query::from_args(&args.query);
    let query = super::parse_query(&text)?;
    if query.is_empty() {
        bail!("rm needs a query: it never deletes every article at once");
    }
    let ids = store.matching_ids(&query, super::today())?;
    if ids.is_empty() {
        println!("no article matches {}", super::safe(&text));
        return Ok(ExitCode::SUCCESS);
    }
    if !args.yes {
        let question = format!("delete {} articles? [y/N] ", ids.len());
        if !std::io::stdin().is_terminal() {
            eprintln!(
                "byline: {} articles match; add --yes to delete them",
                ids.len()
            );
            return Ok(ExitCode::from(1));
        }
        if !super::ask(&question)? {
            println!("nothing deleted");
            return Ok(ExitCode::SUCCESS);
        }
    }
    let deleted = store.delete_articles(&ids)?;
    println!(
        "deleted {} articles; they stay out of imports and fetches (`byline restore --all` brings them back)",
        deleted.len()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn deleted(store: &Store, args: DeletedArgs) -> Result<ExitCode> {
    let mut out = String::new();
    for row in store.deleted(args.limit)? {
        let date = row.date.map(|d| d.to_string());
        if args.json {
            let line = json!({"id": row.id, "title": row.title, "source": row.source,
                "date": date, "deleted_at": row.deleted_at});
            out.push_str(&super::json_safe(&line.to_string()));
        } else {
            out.push_str(&format!(
                "{:>6}  {:<10}  {:<16}  {}",
                row.id,
                date.unwrap_or_else(|| "unknown".into()),
                super::safe(row.source.as_deref().unwrap_or("-")),
                super::safe(&row.title)
            ));
        }
        out.push('\n');
    }
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

pub fn restore(store: &mut Store, args: RestoreArgs) -> Result<ExitCode> {
    let ids = if args.all {
        store.deleted_ids()?
    } else {
        args.ids
    };
    let restored = byline::importer::restore(store, &ids)?;
    for (id, reason) in &restored.failed {
        eprintln!(
            "byline: deleted article {id} cannot be restored: {}",
            super::safe(reason)
        );
    }
    println!("restored {} articles", restored.ids.len());
    Ok(if restored.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub fn source(store: &Store, command: SourceCommand) -> Result<ExitCode> {
    match command {
        SourceCommand::Rename { old, new } => {
            let name = store.rename_source(&old, &new)?;
            println!("renamed {} to {}", super::safe(&old), super::safe(&name));
        }
        SourceCommand::Merge { from, into } => {
            let name = store.merge_sources(&from, &into)?;
            println!("merged {} into {}", super::safe(&from), super::safe(&name));
        }
    }
    Ok(ExitCode::SUCCESS)
}
