//! Stores on disk for the end-to-end tests: twelve fictional articles written through the store
//! API, each mentioning one of three recurring people (the people extractor is not needed).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use byline::model::{Article, Block, ParsedArticle, PersonMention};
use byline::store::{NewArticle, Store};
use chrono::NaiveDate;

pub const PEOPLE: [&str; 3] = ["Alba Renshaw", "Dmytro Kovalenskyy", "Teodor Vasquez-Lind"];

/// Twelve articles, newest first by id: article `i` mentions `PEOPLE[i % 3]` and links to
/// `https://news.example/story-{i}`.
pub fn people_store(path: &Path) {
    let batch: Vec<NewArticle> = (0..12).map(article).collect();
    Store::open(path).unwrap().import_batch(&batch).unwrap();
}

fn article(i: usize) -> NewArticle {
    let person = PEOPLE[i % 3];
    let surname = person.rsplit(' ').next().unwrap();
    let parsed = ParsedArticle {
        title: format!("Story {i} on {surname}"),
        source: Some("Velmora Ledger".into()),
        date: NaiveDate::from_ymd_opt(2025, 11 + (i % 2) as u32, 1 + i as u32),
        url: Some(format!("https://news.example/story-{i}")),
        body: vec![Block::paragraph(format!(
            "{person} spoke in Velmora City on day {i}. {surname} said the talks would go on."
        ))],
        ..ParsedArticle::default()
    };
    let people = vec![PersonMention {
        name: person.into(),
        aliases: vec![surname.into()],
        mentions: 2,
        first_pos: 0,
    }];
    let article = Article {
        source: parsed.source.clone(),
        parsed,
        people,
    };
    NewArticle::new(article, format!("raw {i}").as_bytes(), None, None)
}

/// A store with the bundled samples, imported by the real binary.
pub fn sample_store(dir: &Path) -> PathBuf {
    let store = dir.join("store.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_byline"))
        .arg("--store")
        .arg(&store)
        .args(["import", "--samples"])
        .output()
        .unwrap();
    assert!(out.status.success(), "import: {out:?}");
    store
}
