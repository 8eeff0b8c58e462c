//! `byline extract`: parse files and print what was found, without storing anything.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use serde_json::json;

use byline::importer::prepare;

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files to parse.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// One JSON object per line per file (the only output format for now).
    #[arg(long)]
    pub json: bool,
    /// The source of articles whose text names none.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
}

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let mut failed = false;
    for file in &args.files {
        let parsed = byline::importer::read_article_file(file).and_then(|bytes| {
            let parent = file
                .canonicalize()
                .ok()
                .and_then(|p| Some(p.parent()?.file_name()?.to_string_lossy().into_owned()));
            prepare(&bytes, None, parent, args.source.as_deref())
                .map_err(|e| byline::importer::explain_refusal(&e, &bytes))
        });
        let item = match parsed {
            Ok(item) => item,
            Err(reason) => {
                eprintln!(
                    "error: {}: {}",
                    super::safe_path(file),
                    super::safe(&reason)
                );
                failed = true;
                continue;
            }
        };
        let article = &item.article;
        let p = &article.parsed;
        let people: Vec<_> = article
            .people
            .iter()
            .map(|m| json!({"name": m.name, "aliases": m.aliases, "mentions": m.mentions}))
            .collect();
        let line = json!({
            // Sanitized, not only JSON-escaped: `jq -r` would print a stored `\u001b` as ESC.
            "file": super::safe_path(file),
            "title": p.title,
            "source": article.source,
            "byline": p.byline,
            "author": p.author,
            "date": p.date.map(|d| d.to_string()),
            "url": p.url,
            "url_raw": p.url_raw,
            "body": p.body_text(),
            "headings": p.body.iter().filter(|b| b.kind == byline::model::BlockKind::Heading)
                .map(|b| b.text.as_str()).collect::<Vec<_>>(),
            "people": people,
            "replacements": p.replacements,
            "warnings": p.warnings,
        });
        println!("{}", super::json_safe(&line.to_string()));
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
