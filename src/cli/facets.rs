//! `byline sources` and `byline people`: names with their article counts, most first; `byline
//! people --with NAME` is one person's page.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use serde_json::json;

use byline::query::Query;
use byline::store::{PersonPage, Store, StoreError, PAGE_TOP, PAGE_WINDOW};

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
    /// One person's page instead: aliases, articles, articles per month, the people most
    /// often mentioned with them and their sources (counted over their newest 5,000 articles).
    #[arg(long, value_name = "NAME", conflicts_with = "query")]
    pub with: Option<String>,
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

/// `byline people --with NAME`: the person's page as text, or as one JSON object.
pub fn person_page(store: &Store, name: &str, json: bool) -> Result<ExitCode> {
    let Some(page) = store.person_page(name, PAGE_TOP, PAGE_WINDOW)? else {
        return Err(StoreError::NoSuchPerson(name.to_string()).into());
    };
    let out = if json {
        super::json_safe(&page_json(&page).to_string()) + "\n"
    } else {
        page_text(&page)
    };
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

fn page_json(page: &PersonPage) -> serde_json::Value {
    let named = |rows: &[(String, u64)]| -> Vec<serde_json::Value> {
        rows.iter()
            .map(|(name, n)| json!({"name": name, "articles": n}))
            .collect()
    };
    let months: Vec<serde_json::Value> = (page.months.iter())
        .map(|(month, n)| json!({"month": month, "articles": n}))
        .collect();
    json!({
        "name": page.name,
        "aliases": page.aliases,
        "articles": page.articles,
        "counted": page.counted,
        "months": months,
        "with": named(&page.with),
        "sources": named(&page.sources),
    })
}

fn page_text(page: &PersonPage) -> String {
    let mut out = format!("{}\n", super::safe(&page.name));
    if !page.aliases.is_empty() {
        let aliases: Vec<String> = page.aliases.iter().map(|a| super::safe(a)).collect();
        out.push_str(&format!("aliases: {}\n", aliases.join(", ")));
    }
    out.push_str(&format!("articles: {}\n", page.articles));
    let counted = match page.bounded() {
        true => format!(" (in their newest {} articles)", page.counted),
        false => String::new(),
    };
    let sections = [
        ("articles per month:".to_string(), &page.months),
        (format!("mentioned with them{counted}:"), &page.with),
        (format!("sources{counted}:"), &page.sources),
    ];
    for (heading, rows) in sections {
        out.push_str(&format!("\n{heading}\n"));
        for (name, n) in rows {
            out.push_str(&format!("{n:>8}  {}\n", super::safe(name)));
        }
    }
    out
}
