//! The seed article (../shared, evaluation only): its eight people, their surface forms and counts.

use std::path::{Path, PathBuf};

use byline::model::Block;
use byline::people::extract;
use serde_json::Value;

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/seed");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: ../shared/data/seed is not here");
        None
    }
}

/// Title, then the body (lines 3-30), with the expected crossheads as headings.
fn seed_article(dir: &Path, expected: &Value) -> (String, Vec<Block>) {
    let text = std::fs::read_to_string(dir.join("rferl-2025-12-06.txt")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let crossheads: Vec<&str> = expected["body"]["crossheads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let body = lines[2..30]
        .iter()
        .map(|l| {
            if crossheads.contains(l) {
                Block::heading(*l)
            } else {
                Block::paragraph(*l)
            }
        })
        .collect();
    (lines[0].to_string(), body)
}

#[test]
fn seed_people_forms_and_counts() {
    let Some(dir) = shared() else { return };
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let (title, body) = seed_article(&dir, &expected);
    let found = extract(&title, &body);
    let names: Vec<&str> = found.iter().map(|p| p.name.as_str()).collect();
    let want = expected["people"].as_array().unwrap();
    assert_eq!(found.len(), want.len(), "found {names:?}");
    for person in want {
        let name = person["name"].as_str().unwrap();
        let got = found
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} missing from {names:?}"));
        let forms: Vec<&str> = person["surface_forms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(got.aliases, forms, "{name}");
        let total: u64 = person["mentions"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_u64().unwrap())
            .sum();
        assert_eq!(u64::from(got.mentions), total, "{name}");
    }
    assert_eq!(found[0].name, "Volodymyr Zelenskyy");
}
