//! `byline list` and `byline show`: articles matching a query, and one article in full.

use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::Args;
use serde_json::json;

use byline::model::BlockKind;
use byline::query::Query;
use byline::store::{ArticleRow, Sort, Store, StoredArticle};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// A query: words, "phrases", source:, person:, author:, date:, is:, -negation; several arguments
    /// are one query (`byline list person:blair source:bbc`, or `-source:rferl`).
    #[arg(allow_hyphen_values = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// One JSON object per line: id, title, source, date, url, read, starred, people.
    #[arg(long)]
    pub json: bool,
    /// At most this many articles.
    #[arg(long, default_value_t = 100)]
    pub limit: u64,
    /// The order: newest (the default), oldest, source or unread (unread first).
    #[arg(long, default_value = "newest")]
    pub sort: Sort,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's id (from `byline list`).
    pub id: i64,
    /// One JSON object: the fields of `list --json` with author, byline and the body's blocks.
    #[arg(long)]
    pub json: bool,
}

pub fn list(store: &Store, query: &Query, args: ListArgs) -> Result<ExitCode> {
    let today = super::today();
    let rows = store.search_sorted(query, today, args.sort, 0, args.limit)?;
    let mut out = String::new();
    for row in &rows {
        if args.json {
            let people: Vec<String> = store
                .people_of(row.id)?
                .into_iter()
                .map(|p| p.name)
                .collect();
            out.push_str(&super::json_safe(&json_row(row, &people).to_string()));
        } else {
            out.push_str(&text_row(row));
        }
        out.push('\n');
    }
    print!("{out}");
    if !args.json {
        let total = store.count(query, today)?;
        eprintln!("{} of {} matching", rows.len(), total);
    }
    Ok(ExitCode::SUCCESS)
}

fn json_row(row: &ArticleRow, people: &[String]) -> serde_json::Value {
    json!({
        "id": row.id,
        "title": row.title,
        "source": row.source,
        "date": row.date.map(|d| d.to_string()),
        "url": row.url,
        "read": row.read,
        "starred": row.starred,
        "people": people,
    })
}

/// `show --json`: the list's shape, with the whole article's fields after it.
fn json_article(article: &StoredArticle) -> serde_json::Value {
    let people: Vec<String> = article.people.iter().map(|p| p.name.clone()).collect();
    let mut value = json_row(&article.row, &people);
    value["author"] = json!(article.author);
    value["byline"] = json!(article.byline);
    value["first_seen"] = json!(article.first_seen);
    value["body"] = json!(article.body);
    value
}

fn text_row(row: &ArticleRow) -> String {
    let date = row
        .date
        .map_or_else(|| "unknown   ".to_string(), |d| d.to_string());
    let source = super::safe(row.source.as_deref().unwrap_or("-"));
    format!(
        "{:>6}  {date}  {source:<16}  {}",
        row.id,
        super::safe(&row.title)
    )
}

pub fn show(store: &Store, args: ShowArgs) -> Result<ExitCode> {
    let Some(article) = store.article(args.id)? else {
        bail!("no article with id {}", args.id);
    };
    if args.json {
        println!("{}", super::json_safe(&json_article(&article).to_string()));
        return Ok(ExitCode::SUCCESS);
    }
    let width = textwrap::termwidth().clamp(20, 100);
    let row = &article.row;
    let mut out = String::new();
    out.push_str(&textwrap::fill(&super::safe(&row.title), width));
    out.push('\n');
    let date = match row.date {
        Some(day) if article.first_seen => format!("date unknown, first seen {day}"),
        Some(day) => day.to_string(),
        None => "date unknown".to_string(),
    };
    let by = article
        .author
        .as_deref()
        .map(|a| format!(" | {}", super::safe(a)))
        .unwrap_or_default();
    let summary = match article.summary_only {
        true => " | summary only (the linked page could not be read)",
        false => "",
    };
    out.push_str(&format!(
        "{} | {date}{by}{summary}\n",
        super::safe(row.source.as_deref().unwrap_or("unknown source"))
    ));
    if let Some(url) = &row.url {
        out.push_str(&super::safe(url));
        out.push('\n');
    }
    if !article.people.is_empty() {
        let names: Vec<String> = article
            .people
            .iter()
            .map(|p| super::safe(&p.name))
            .collect();
        out.push_str(&textwrap::fill(
            &format!("People: {}", names.join(", ")),
            width,
        ));
        out.push('\n');
    }
    for block in &article.body {
        out.push('\n');
        match block.kind {
            BlockKind::Heading => out.push_str(&format!("## {}\n", super::safe(&block.text))),
            kind => {
                // Stored text is sanitized on import; again here, for stores of any origin.
                let (first, rest) = match kind {
                    BlockKind::ListItem => ("* ", "  "),
                    BlockKind::Quote => ("> ", "> "),
                    BlockKind::Preformatted => ("    ", "    "),
                    _ => ("", ""),
                };
                let options = textwrap::Options::new(width)
                    .initial_indent(first)
                    .subsequent_indent(rest);
                out.push_str(&textwrap::fill(
                    &byline::text::sanitize(&block.text),
                    options,
                ));
                out.push('\n');
            }
        }
    }
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}
