//! Invented web pages (tests/fixtures/web), one per metadata source, made into articles through
//! the importer's own pipeline (so people are found as in text files), and through the
//! `extract` and `import` commands.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use byline::model::Article;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web")
}

fn prepared(name: &str) -> Article {
    let path = fixtures().join(name);
    let bytes = std::fs::read(&path).unwrap();
    let origin = Some(path.to_string_lossy().into_owned());
    byline::importer::prepare(&bytes, origin, Some("web".into()), None)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .article
}

/// A fixture's file and the fields it must give: title, source, byline, date, url.
type Expected = (Str, Str, Str, Opt, Opt, Opt);
type Str = &'static str;
type Opt = Option<&'static str>;

const EXPECTED: &[Expected] = &[
    (
        "jsonld-author-array.html",
        "Night ferry saved after island campaign",
        "Westmere Gazette",
        Some("Ines Marlowe, Duncan Reyes"),
        Some("2026-11-17"),
        Some("https://gazette.example/news/night-ferry-saved"),
    ),
    (
        "jsonld-graph.html",
        "Harbour board votes to keep the night ferry",
        "Island Radio",
        Some("Priya Lindqvist"),
        Some("2026-11-17"),
        Some("https://radio.example/ferry-vote"),
    ),
    (
        "opengraph.html",
        "Winter timetable: the night boat stays",
        "Coastal Courier",
        Some("Marta Oyelaran"),
        Some("2026-11-18"),
        Some("https://courier.example/2026/11/night-boat"),
    ),
    (
        "meta-only.html",
        "Islanders win their fight for the night ferry",
        "weekly.example",
        Some("Gideon Achterberg"),
        Some("2026-11-19"),
        Some("https://weekly.example/islanders-win"),
    ),
    (
        "time-only.html",
        "Ferry stays on the winter timetable",
        "web",
        None,
        Some("2026-11-20"),
        None,
    ),
    (
        "none.html",
        "Night ferry to keep running",
        "web",
        None,
        None,
        None,
    ),
];

#[test]
fn each_metadata_source_fills_the_articles_fields() {
    for &(file, title, source, byline, date, url) in EXPECTED {
        let a = prepared(file);
        let p = &a.parsed;
        assert_eq!(p.title, title, "{file}");
        assert_eq!(a.source.as_deref(), Some(source), "{file}");
        assert_eq!(p.byline.as_deref(), byline, "{file}");
        assert_eq!(
            p.author.as_deref(),
            byline.map(|b| b.split(", ").next().unwrap())
        );
        assert_eq!(p.date.map(|d| d.to_string()).as_deref(), date, "{file}");
        assert_eq!(p.url.as_deref(), url, "{file}");
        let body = p.body_text();
        assert!(
            body.contains("The Westmere harbour board voted"),
            "{file}: {body}"
        );
        assert!(
            body.contains("ready to work the extra hours"),
            "{file}: {body}"
        );
        for furniture in ["Copyright", "Sport", "<p>", "Posted Friday"] {
            assert!(!body.contains(furniture), "{file}: {furniture:?} in {body}");
        }
        assert!(p.warnings.is_empty(), "{file}: {:?}", p.warnings);
    }
}

#[test]
fn people_are_found_in_a_page_as_in_a_text_file() {
    for &(file, ..) in EXPECTED {
        let names: Vec<String> = prepared(file).people.into_iter().map(|m| m.name).collect();
        for person in ["Rosalind Okafor", "Tomas Brandvold"] {
            assert!(names.iter().any(|n| n == person), "{file}: {names:?}");
        }
    }
}

fn byline_cmd(store: &Path) -> Command {
    let mut cmd = Command::cargo_bin("byline").unwrap();
    cmd.env("BYLINE_STORE", store)
        .env("BYLINE_TODAY", "2026-12-01")
        .env("BYLINE_CONFIG", store.with_extension("toml"));
    cmd
}

#[test]
fn extract_json_and_a_folder_import_read_pages() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.db");
    let page = fixtures().join("jsonld-author-array.html");
    let out = byline_cmd(&store)
        .args(["extract", "--json", page.to_str().unwrap()])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let got: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(got["title"], "Night ferry saved after island campaign");
    assert_eq!(got["source"], "Westmere Gazette");
    assert_eq!(got["author"], "Ines Marlowe");
    assert_eq!(got["date"], "2026-11-17");
    let people = got["people"].as_array().unwrap();
    assert!(
        people.iter().any(|p| p["name"] == "Rosalind Okafor"),
        "{got}"
    );
    let out = byline_cmd(&store)
        .args(["import", fixtures().to_str().unwrap()])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    assert!(out.contains("imported 6"), "{out}");
    // The stored page is its original bytes: reindex derives the same articles from them.
    byline_cmd(&store).arg("reindex").assert().success();
    let listed = byline_cmd(&store)
        .args(["list", "--json", "source:\"Coastal Courier\""])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let listed = String::from_utf8_lossy(&listed);
    assert!(
        listed.contains("Winter timetable: the night boat stays"),
        "{listed}"
    );
}

#[test]
fn import_reports_a_page_kept_whole_and_names_a_page_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.db");
    let story = std::fs::read_to_string(fixtures().join("none.html")).unwrap();
    let whole = dir.path().join("whole.html");
    let divs = "<div></div>".repeat(byline::web::MAX_ELEMENTS);
    std::fs::write(&whole, story.replace("</body>", &format!("{divs}</body>"))).unwrap();
    let wall = dir.path().join("wall.html");
    std::fs::write(
        &wall,
        "<html><title>Sign in</title><form><p>Subscribe to read.</p></form>",
    )
    .unwrap();
    let out = byline_cmd(&store)
        .args(["import", dir.path().to_str().unwrap()])
        .assert()
        .failure()
        .get_output()
        .clone();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        stdout.contains("imported 1") && stdout.contains("failed 1"),
        "{stdout}"
    );
    assert!(
        stderr.contains("warning: ") && stderr.contains("whole text was kept"),
        "{stderr}"
    );
    assert!(
        stderr.contains("wall.html: an HTML page with no article text"),
        "{stderr}"
    );
}
