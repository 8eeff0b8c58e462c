//! Conformance of `byline::web` on Mozilla Readability's test pages in
//! `../shared/data/web/readability/*/` (evaluation-only data, never copied here): body token F1
//! against each page's `expected.html`, and title, byline and date against its
//! `expected-metadata.json`. Skips with a note when `../shared` is absent.
//!
//! Run `cargo test --test web_corpus -- --nocapture` for the report.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use byline::model::ParsedArticle;
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

/// What the pages scored.
#[derive(Default)]
struct Report {
    /// Body token F1 and page name, readerable pages only.
    readerable: Vec<(f64, String)>,
    all: Vec<(f64, String)>,
    titles: Tally,
    bylines: Tally,
    dates: Tally,
}

impl Report {
    fn score(&mut self, score: f64, name: String, readerable: bool) {
        self.all.push((score, name.clone()));
        if readerable {
            self.readerable.push((score, name));
        }
    }

    /// Extracts one page and scores its body and metadata.
    fn check_page(&mut self, dir: &Path) {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let source = std::fs::read(dir.join("source.html")).unwrap();
        let expected = std::fs::read_to_string(dir.join("expected.html")).unwrap_or_default();
        let meta = std::fs::read(dir.join("expected-metadata.json")).unwrap();
        let meta: Value = serde_json::from_slice(&meta).unwrap();
        let readerable = meta["readerable"] == true;
        let started = std::time::Instant::now();
        let got = byline::web::extract(&source, Some(PAGE_URL));
        assert!(
            started.elapsed().as_secs() < 20,
            "{name} took {:?}",
            started.elapsed()
        );
        let want = tokens(&expected_text(&expected));
        let got = match got {
            Ok(got) => got,
            Err(e) => return self.score(0.0, format!("{name} (refused: {e})"), readerable),
        };
        let body = byline::model::join_blocks(got.text_blocks());
        let mine = tokens(&without_link_numbers(&body));
        let label = format!("{name} ({} of {} words)", mine.len(), want.len());
        self.score(f1(&mine, &want), label, readerable);
        self.check_metadata(&name, &got.article, &meta);
    }

    fn check_metadata(&mut self, name: &str, a: &ParsedArticle, meta: &Value) {
        let given = |key: &str| meta[key].as_str().filter(|t| !t.trim().is_empty());
        if let Some(want) = given("title") {
            let hit = normal(&a.title) == normal(want);
            self.titles.check(name, hit, &a.title, want);
        }
        if let Some(want) = given("byline") {
            let (mine, want_n) = (
                normal(a.byline.as_deref().unwrap_or_default()),
                normal(want),
            );
            let hit = !mine.is_empty() && (want_n.contains(&mine) || mine.contains(&want_n));
            self.bylines.check(name, hit, &mine, want);
        }
        if let Some(want) = given("publishedTime") {
            let want_date = byline::ingest::dates::parse_date(want);
            let got = a.date.map(|d| d.to_string()).unwrap_or_default();
            let hit = want_date.is_some() && a.date == want_date;
            self.dates.check(name, hit, &got, want);
        }
    }

    fn print(&mut self) {
        println!(
            "pages: {}; mean body token F1: {:.4} over {} readerable pages, {:.4} over all",
            self.all.len(),
            mean(&self.readerable),
            self.readerable.len(),
            mean(&self.all)
        );
        self.readerable.sort_by(|a, b| a.0.total_cmp(&b.0));
        println!("worst readerable pages:");
        for (score, name) in self.readerable.iter().take(10) {
            println!("  {score:.4} {name}");
        }
        for (_, name) in self.all.iter().filter(|(_, n)| n.contains("(refused")) {
            println!("  not readerable, {name}");
        }
        self.titles.report("titles");
        self.bylines.report("bylines");
        self.dates.report("dates");
    }
}

fn mean(scores: &[(f64, String)]) -> f64 {
    scores.iter().map(|(f, _)| f).sum::<f64>() / scores.len().max(1) as f64
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
    let mut report = Report::default();
    for page in &pages {
        report.check_page(page);
    }
    report.print();
    let f1 = mean(&report.readerable);
    assert!(f1 >= MIN_MEAN_F1, "mean F1 {f1:.4}");
    assert!(
        report.titles.hits >= MIN_TITLE_HITS,
        "titles {}",
        report.titles.hits
    );
    assert!(
        report.bylines.hits >= MIN_AUTHOR_HITS,
        "bylines {}",
        report.bylines.hits
    );
    assert!(
        report.dates.hits >= MIN_DATE_HITS,
        "dates {}",
        report.dates.hits
    );
}
