//! Conformance of `byline::web` on Mozilla Readability's test pages in
//! `../shared/data/web/readability/*/` (evaluation-only data, never copied here): body token F1
//! against each page's `expected.html`, and title, byline and date against its
//! `expected-metadata.json`. Skips with a note when `../shared` is absent.
//!
//! Run `cargo test --test web_corpus -- --nocapture` for the report.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// Floors just below the figures measured when this test was written (mean F1 0.9995 over 110
/// readerable pages; titles 112 of 112, bylines 60 of 64, dates 29 of 29): a regression fails.
const MIN_MEAN_F1: f64 = 0.99;
const MIN_TITLE_HITS: usize = 112;
const MIN_AUTHOR_HITS: usize = 59;
const MIN_DATE_HITS: usize = 29;

/// Where Readability's test harness says the pages came from.
const PAGE_URL: &str = "http://fakehost/test/page.html";

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/web/readability");
    if dir.is_dir() {
        return Some(dir);
    }
    eprintln!(
        "skipped: {} is absent (../shared is not part of a user's clone)",
        dir.display()
    );
    None
}

/// Lowercase alphanumeric words.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Text with byline's link numbers (" [3]") taken out: they are its notation, not the page's.
fn without_link_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(" [") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        match after[digits..].starts_with(']') && digits > 0 {
            true => rest = &after[digits + 1..],
            false => {
                out.push_str(" [");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn f1(got: &[String], want: &[String]) -> f64 {
    if got.is_empty() && want.is_empty() {
        return 1.0;
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for w in want {
        *counts.entry(w).or_default() += 1;
    }
    let mut overlap = 0;
    for g in got {
        if let Some(n) = counts.get_mut(g.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            overlap += 1;
        }
    }
    if overlap == 0 {
        return 0.0;
    }
    let precision = overlap as f64 / got.len() as f64;
    let recall = overlap as f64 / want.len() as f64;
    2.0 * precision * recall / (precision + recall)
}

/// The expected article's text, read by the same HTML converter (links list aside).
fn expected_text(html: &str) -> String {
    let text = byline::html::to_blocks(html, None);
    let listed = if text.links.is_empty() {
        0
    } else {
        text.links.len() + 1
    };
    let prose = &text.blocks[..text.blocks.len() - listed];
    without_link_numbers(&byline::model::join_blocks(prose))
}

fn normal(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[derive(Default)]
struct Tally {
    checked: usize,
    hits: usize,
    misses: Vec<String>,
}

impl Tally {
    fn check(&mut self, page: &str, hit: bool, got: &str, want: &str) {
        self.checked += 1;
        match hit {
            true => self.hits += 1,
            false => self
                .misses
                .push(format!("{page}: got {got:?}, want {want:?}")),
        }
    }

    fn report(&self, name: &str) {
        println!("{name}: {} of {}", self.hits, self.checked);
        for miss in &self.misses {
            println!("  {miss}");
        }
    }
}

#[test]
fn readability_pages_match_their_expected_text_and_metadata() {
    let Some(dir) = corpus() else { return };
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").is_file())
        .collect();
    pages.sort();
    let (mut scores, mut all) = (Vec::new(), Vec::new());
    let (mut titles, mut authors, mut dates) =
        (Tally::default(), Tally::default(), Tally::default());
    for dir in &pages {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let source = std::fs::read(dir.join("source.html")).unwrap();
        let expected = std::fs::read_to_string(dir.join("expected.html")).unwrap_or_default();
        let meta: Value =
            serde_json::from_slice(&std::fs::read(dir.join("expected-metadata.json")).unwrap())
                .unwrap();
        let started = std::time::Instant::now();
        let got = byline::web::extract(&source, Some(PAGE_URL));
        let took = started.elapsed();
        assert!(took.as_secs() < 20, "{name} took {took:?}");
        let want_tokens = tokens(&expected_text(&expected));
        let Ok(got) = got else {
            println!("{name}: refused: {}", got.unwrap_err());
            all.push((0.0, name.clone()));
            if meta["readerable"] == true {
                scores.push((0.0, name));
            }
            continue;
        };
        let body = byline::model::join_blocks(got.text_blocks());
        let score = f1(&tokens(&without_link_numbers(&body)), &want_tokens);
        let got_tokens = tokens(&without_link_numbers(&body));
        let sizes = format!("{} of {} words", got_tokens.len(), want_tokens.len());
        let name = format!("{name} ({sizes})");
        all.push((score, name.clone()));
        if meta["readerable"] == true {
            scores.push((score, name.clone()));
        }
        let a = &got.article;
        if let Some(want) = meta["title"].as_str().filter(|t| !t.trim().is_empty()) {
            titles.check(&name, normal(&a.title) == normal(want), &a.title, want);
        }
        if let Some(want) = meta["byline"].as_str().filter(|t| !t.trim().is_empty()) {
            let mine = normal(a.byline.as_deref().unwrap_or_default());
            let hit =
                !mine.is_empty() && (normal(want).contains(&mine) || mine.contains(&normal(want)));
            authors.check(&name, hit, &mine, want);
        }
        if let Some(want) = meta["publishedTime"].as_str() {
            let want_date = byline::ingest::dates::parse_date(want);
            let got_date = a.date.map(|d| d.to_string()).unwrap_or_default();
            dates.check(
                &name,
                want_date.is_some() && a.date == want_date,
                &got_date,
                want,
            );
        }
    }
    let mean = |s: &[(f64, String)]| s.iter().map(|(f, _)| f).sum::<f64>() / s.len().max(1) as f64;
    println!(
        "pages: {}; mean body token F1: {:.4} over {} readerable pages, {:.4} over all",
        pages.len(),
        mean(&scores),
        scores.len(),
        mean(&all)
    );
    scores.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!("worst readerable pages:");
    for (score, name) in scores.iter().take(10) {
        println!("  {score:.3} {name}");
    }
    titles.report("titles");
    authors.report("bylines");
    dates.report("dates");
    assert!(mean(&scores) >= MIN_MEAN_F1, "mean F1 {:.4}", mean(&scores));
    assert!(titles.hits >= MIN_TITLE_HITS, "titles {}", titles.hits);
    assert!(authors.hits >= MIN_AUTHOR_HITS, "bylines {}", authors.hits);
    assert!(dates.hits >= MIN_DATE_HITS, "dates {}", dates.hits);
}
