//! `byline people --with NAME`: one person's page (aliases, articles, months, the people
//! mentioned with them, sources), as text and as JSON, on the bundled samples.

#[path = "cli_support/run.rs"]
mod cli_run;

use cli_run::{run, samples};
use serde_json::Value;

#[test]
fn people_with_prints_a_persons_page_that_agrees_with_the_list() {
    let dir = samples();
    let (code, out, err) = run(&dir, &["people", "--with", "renshaw", "--json"]);
    assert_eq!(code, 0, "{err}");
    let page: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(page["name"], "Alba Renshaw");
    let (_, listed, _) = run(&dir, &["list", "person:renshaw"]);
    let articles = page["articles"].as_u64().unwrap();
    assert_eq!(articles, listed.lines().count() as u64);
    assert_eq!(page["counted"], articles);
    let months = page["months"].as_array().unwrap();
    let dated: u64 = months.iter().map(|m| m["articles"].as_u64().unwrap()).sum();
    assert!(dated > 0 && dated <= articles, "{page}");
    let with = page["with"].as_array().unwrap();
    let first = &with[0];
    let both = format!(
        "person:renshaw person:{:?}",
        first["name"].as_str().unwrap()
    );
    let (_, listed, _) = run(&dir, &["list", &both]);
    assert_eq!(first["articles"], listed.lines().count() as u64, "{both}");
    let sources: u64 = page["sources"].as_array().unwrap().iter().count() as u64;
    assert!(sources > 0);

    let (code, text, err) = run(&dir, &["people", "--with", "Alba Renshaw"]);
    assert_eq!(code, 0, "{err}");
    assert!(text.starts_with("Alba Renshaw\n"), "{text}");
    for heading in ["articles per month:", "mentioned with them:", "sources:"] {
        assert!(text.contains(heading), "{text}");
    }
    assert!(text.contains(&format!("articles: {articles}\n")), "{text}");

    let (code, _, err) = run(&dir, &["people", "--with", "Nobody Atall"]);
    assert_eq!(code, 2);
    assert!(err.contains("no person is called"), "{err}");
}
