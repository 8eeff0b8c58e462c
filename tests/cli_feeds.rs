//! Feeds from the command line, against a local server: feed add/list/set/rename/remove,
//! OPML import and export, fetch's summary and exit status, and import's handling of feed,
//! OPML and HTML files.

mod feeds_support;

use std::path::PathBuf;

use assert_cmd::Command;
use feeds_support::{rss, FeedServer, Route};
use serde_json::Value;
use tempfile::TempDir;

const DATE: &str = "Sat, 06 Dec 2025 10:00:00 +0000";

struct Env {
    dir: TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn byline(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("byline").unwrap();
        cmd.env("BYLINE_STORE", self.path("store.db"))
            .env("BYLINE_CONFIG", self.path("config.toml"))
            .args(args);
        for var in [
            "HTTP_PROXY",
            "http_proxy",
            "HTTPS_PROXY",
            "https_proxy",
            "ALL_PROXY",
            "all_proxy",
        ] {
            cmd.env_remove(var);
        }
        cmd
    }

    /// Runs and returns (exit code, stdout, stderr).
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.byline(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn feeds(&self) -> Vec<Value> {
        let (code, out, err) = self.run(&["feed", "list", "--json"]);
        assert_eq!(code, 0, "{err}");
        out.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

#[test]
fn add_list_set_rename_and_remove_a_feed() {
    let server = FeedServer::start();
    server.route(
        "/f",
        Route::rss(&rss(
            "Harbour News",
            &[("h1", "Ferry deal", "<p>Mayor Anna Keller spoke.</p>", DATE)],
        )),
    );
    let env = Env::new();
    let url = server.url("/f");
    let (code, out, err) = env.run(&["feed", "add", &url, "--tag", "local", "--tag", "sea"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("subscribed to Harbour News"), "{out}");
    assert!(out.contains("1 new"), "{out}");
    let feeds = env.feeds();
    assert_eq!(feeds[0]["name"], "Harbour News");
    assert_eq!(feeds[0]["articles"], 1);
    assert_eq!(feeds[0]["tags"], serde_json::json!(["local", "sea"]));
    assert!(feeds[0]["last_status"].as_str().unwrap().starts_with("ok"));
    let (_, again, _) = env.run(&["feed", "add", &url]);
    assert!(again.contains("already subscribed"), "{again}");
    assert_eq!(
        env.run(&["feed", "set", "harbour news", "interval", "2h"])
            .0,
        0
    );
    assert_eq!(
        env.run(&["feed", "set", "Harbour News", "enabled", "off"])
            .0,
        0
    );
    let (code, _, err) = env.run(&["feed", "set", "Harbour News", "interval", "10s"]);
    assert_ne!(code, 0);
    assert!(err.contains("at least one minute"), "{err}");
    let feeds = env.feeds();
    assert_eq!(
        (
            feeds[0]["interval_secs"].as_i64(),
            feeds[0]["enabled"].as_bool()
        ),
        (Some(7200), Some(false))
    );
    assert_eq!(env.run(&["feed", "rename", "Harbour News", "Harbour"]).0, 0);
    let (_, listed, _) = env.run(&["list", "source:Harbour"]);
    assert!(listed.contains("Ferry deal"), "{listed}");
    let (code, out, _) = env.run(&["feed", "remove", "Harbour"]);
    assert_eq!(code, 0);
    assert!(out.contains("0 articles deleted"));
    assert!(env.feeds().is_empty());
    let (_, listed, _) = env.run(&["list"]);
    assert!(listed.contains("Ferry deal"), "articles stay: {listed}");
    let (code, _, err) = env.run(&["feed", "add", "file:///etc/passwd"]);
    assert_ne!(code, 0);
    assert!(err.contains("not http(s)"), "{err}");
}

#[test]
fn fetch_names_each_failure_sums_up_and_exits_1() {
    let server = FeedServer::start();
    server.route(
        "/a",
        Route::rss(&rss("Alpha", &[("a1", "Alpha one", "x", DATE)])),
    );
    server.route(
        "/b",
        Route::rss(&rss("Beta", &[("b1", "Beta one", "x", DATE)])),
    );
    let env = Env::new();
    env.run(&["feed", "add", &server.url("/a")]);
    env.run(&["feed", "add", &server.url("/b"), "--tag", "beta"]);
    server.route(
        "/a",
        Route::rss(&rss(
            "Alpha",
            &[
                ("a1", "Alpha one", "x", DATE),
                ("a2", "Alpha two", "y", DATE),
            ],
        )),
    );
    server.route("/b", Route::status(500));
    let (code, out, _) = env.run(&["fetch"]);
    assert_eq!(code, 0);
    assert!(
        out.is_empty() || out.contains("fetched 0"),
        "nothing due yet: {out}"
    );
    let (code, out, err) = env.run(&["fetch", "--all"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("fetched 2 feeds: 1 new, 0 updated, 1 unchanged, 1 failed"),
        "{out}"
    );
    assert!(err.contains("error: Beta: HTTP 500"), "{err}");
    let (code, out, _) = env.run(&["fetch", "beta"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("fetched 1 feeds"), "{out}");
    let (_, tagged, _) = env.run(&["list", "tag:BETA"]);
    assert!(
        tagged.contains("Beta one") && !tagged.contains("Alpha"),
        "{tagged}"
    );
    let (_, untagged, _) = env.run(&["list", "-tag:beta"]);
    assert!(
        untagged.contains("Alpha two") && !untagged.contains("Beta"),
        "{untagged}"
    );
    let (_, nothing, _) = env.run(&["list", "tag:nosuch"]);
    assert!(nothing.trim().is_empty(), "{nothing}");
    let (code, _, err) = env.run(&["fetch", "nosuch"]);
    assert_eq!(code, 2);
    assert!(err.contains("no feed or tag named nosuch"), "{err}");
}

#[test]
fn opml_import_refuses_commands_by_name_and_round_trips() {
    let env = Env::new();
    let opml = env.path("list.opml");
    std::fs::write(
        &opml,
        r#"<opml><body>
          <outline text="News"><outline text="Harbour" xmlUrl="https://harbour.example.org/rss"/></outline>
          <outline text="Shell" xmlUrl="|~/fetch.py"/>
          <outline text="Exec" xmlUrl="exec:~/x.sh"/>
          <outline text="Filtered" xmlUrl="https://e.org/f" filtercmd="~/keep.pl"/>
          <outline text="Plain" xmlUrl="https://plain.example.org/feed" category="a,b"/>
        </body></opml>"#,
    )
    .unwrap();
    let (code, out, err) = env.run(&["feed", "import", opml.to_str().unwrap()]);
    assert_eq!(code, 1, "refusals make it exit 1");
    assert!(
        out.contains("subscribed to 2 feeds, 0 already subscribed, 3 refused"),
        "{out}"
    );
    for name in ["Shell", "Exec", "Filtered"] {
        assert!(err.contains(&format!("refused: {name} (")), "{err}");
    }
    let (code, exported, _) = env.run(&["feed", "export"]);
    assert_eq!(code, 0);
    let back = env.path("back.opml");
    std::fs::write(&back, &exported).unwrap();
    let second = Env::new();
    let (code, out, _) = second.run(&["feed", "import", back.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let strip = |feeds: Vec<Value>| -> Vec<(Value, Value, Value)> {
        feeds
            .into_iter()
            .map(|f| (f["name"].clone(), f["url"].clone(), f["tags"].clone()))
            .collect()
    };
    assert_eq!(strip(second.feeds()), strip(env.feeds()));
    assert_eq!(env.feeds()[0]["tags"], serde_json::json!(["News"]));
}

#[test]
fn import_reads_feed_files_and_refuses_opml_and_html() {
    let env = Env::new();
    let feed = env.path("saved.xml");
    std::fs::write(
        &feed,
        rss(
            "Saved Feed",
            &[("s1", "Saved one", "x", DATE), ("s2", "Saved two", "y", "")],
        ),
    )
    .unwrap();
    let page = env.path("page.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p></body></html>",
    )
    .unwrap();
    let opml = env.path("subs.opml");
    std::fs::write(
        &opml,
        "<?xml version=\"1.0\"?><opml version=\"2.0\"><body/></opml>",
    )
    .unwrap();
    let (code, out, err) = env.run(&[
        "import",
        feed.to_str().unwrap(),
        page.to_str().unwrap(),
        opml.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains("imported 2, updated 0, unchanged 0, failed 2"),
        "{out}"
    );
    assert!(err.contains("HTML page"), "{err}");
    assert!(err.contains("byline feed import"), "{err}");
    let (_, listed, _) = env.run(&["list", "source:\"Saved Feed\""]);
    assert!(
        listed.contains("Saved one") && listed.contains("Saved two"),
        "{listed}"
    );
    let (_, json, _) = env.run(&["list", "--json", "\"Saved two\""]);
    let id = serde_json::from_str::<Value>(json.lines().next().unwrap()).unwrap()["id"].to_string();
    let (_, shown, _) = env.run(&["show", &id]);
    assert!(
        shown.contains("Saved Feed | date unknown, first seen "),
        "{shown}"
    );
    let (_, again, _) = env.run(&["import", feed.to_str().unwrap()]);
    assert!(
        again.contains("imported 0, updated 0, unchanged 2"),
        "{again}"
    );
}

#[test]
fn full_text_from_the_command_line_and_a_retry_of_the_failed_pages() {
    use feeds_support::pages::{article, feed};
    let server = FeedServer::start();
    let link = |p: &str| server.url(p);
    server.route(
        "/feed",
        feed(&[
            ("a", "Ferry deal", "Short summary a.", link("/a")),
            ("m", "Missing page", "Short summary m.", link("/m")),
        ]),
    );
    server.route("/a", article("Anna Keller"));
    let env = Env::new();
    env.run(&["feed", "add", &server.url("/feed"), "--name", "Harbour"]);
    let (code, _, err) = env.run(&["fetch", "--full-text-retry"]);
    assert_eq!(code, 0);
    assert!(err.contains("no feed has full text on"), "{err}");
    env.run(&["feed", "set", "Harbour", "full-text", "on"]);
    assert_eq!(env.feeds()[0]["full_text"], true);
    let (_, exported, _) = env.run(&["feed", "export"]);
    assert!(exported.contains(r#"fullText="true""#), "{exported}");
    let (code, out, err) = env.run(&["fetch", "--all"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("; 1 pages fetched, 1 summary only"), "{out}");
    let show = |title: &str| {
        let (_, out, _) = env.run(&["list", "--json", title]);
        let row: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        env.run(&["show", &row["id"].to_string()]).1
    };
    let missing = show("Missing page");
    assert!(
        missing.contains("summary only") && missing.contains("Short summary m."),
        "{missing}"
    );
    let show_a = show("Ferry deal");
    assert!(
        show_a.contains("early crossing") && !show_a.contains("summary only"),
        "{show_a}"
    );
    server.route("/m", article("Tomas Berg"));
    let (code, out, err) = env.run(&["fetch", "--full-text-retry"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("retried 1 pages: 1 pages fetched, 0 summary only"),
        "{out}"
    );
    let missing = show("Missing page");
    assert!(
        missing.contains("Tomas Berg") && !missing.contains("summary only"),
        "{missing}"
    );
    assert_eq!(server.requests("/a").len(), 1);
    assert_eq!(
        server.requests("/feed").len(),
        2,
        "the retry fetches no feed"
    );
    let (code, _, _) = env.run(&["fetch", "--full-text-retry", "--all"]);
    assert_eq!(code, 2);
}
