//! OPML reading, refusing and writing.

use super::*;

const NESTED: &str = r#"<?xml version="1.0"?>
<opml version="1.0"><head><title>x</title></head><body>
  <outline type="rss" xmlUrl="https://e.org/feed.xml" title="Top &amp; more"/>
  <outline text="Blogs" title="should be ignored">
    <outline xmlUrl="https://b.e.org/john.rss" title="John" type="rss"/>
    <outline title="friends">
      <outline xmlUrl="https://b.e.org/mike.rss" text="Mike"/>
    </outline>
  </outline>
  <outline xmlUrl="https://e.org/same.rss" title="Cat" category="tag one,tag/two"/>
</body></opml>"#;

#[test]
fn nested_folders_become_tags_in_order() {
    let list = read_opml(NESTED.as_bytes()).unwrap();
    let got: Vec<(&str, Vec<&str>)> = list
        .feeds
        .iter()
        .map(|f| (f.name.as_str(), f.tags.iter().map(|t| t.as_str()).collect()))
        .collect();
    assert_eq!(
        got,
        [
            ("Top & more", vec![]),
            ("John", vec!["Blogs"]),
            ("Mike", vec!["Blogs", "friends"]),
            ("Cat", vec!["tag one", "tag/two"]),
        ]
    );
    assert!(list.refused.is_empty());
}

#[test]
fn commands_and_other_schemes_are_refused_by_name() {
    let text = r#"<opml><body>
      <outline title="Birdsite" xmlUrl="|~/fetch_tweets.py"/>
      <outline title="Firehose" xmlUrl="https://e.org/firehose" filtercmd="~/.bin/keep.pl"/>
      <outline title="Exec" xmlUrl="exec:rm -rf ~"/>
      <outline title="Filter" xmlUrl="filter:~/f.sh:https://e.org/x"/>
      <outline title="File" xmlUrl="file:///etc/passwd"/>
      <outline title="Js" xmlUrl="javascript:alert(1)"/>
      <outline title="Data" xmlUrl="data:text/xml,&lt;rss/&gt;"/>
      <outline title="Good" xmlUrl="http://e.org/good.xml"/>
    </body></opml>"#;
    let list = read_opml(text.as_bytes()).unwrap();
    let refused: Vec<&str> = list.refused.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        refused,
        ["Birdsite", "Firehose", "Exec", "Filter", "File", "Js", "Data"]
    );
    assert_eq!(list.feeds.len(), 1);
    assert!(list.refused[0].reason.contains("shell command"));
    assert!(list.refused[2].reason.contains("exec:"));
}

#[test]
fn no_version_no_head_or_no_body_is_fine_and_a_wrong_root_is_named() {
    let bare = r#"<opml><body><outline xmlUrl="https://e.org/f"/></body></opml>"#;
    assert_eq!(read_opml(bare.as_bytes()).unwrap().feeds.len(), 1);
    let headless = r#"<?xml version="1.0"?><opml version="2.0"><head/></opml>"#;
    assert!(read_opml(headless.as_bytes()).unwrap().feeds.is_empty());
    let wrong = r#"<not-opml><body/></not-opml>"#;
    assert_eq!(
        read_opml(wrong.as_bytes()).unwrap_err(),
        OpmlError::NotOpml("not-opml".into())
    );
    let broken = "<opml>\n<body>\n<outline xmlUrl=\"x>\n</body></opml>";
    assert!(matches!(
        read_opml(broken.as_bytes()),
        Err(OpmlError::Malformed { .. })
    ));
}

#[test]
fn export_then_import_round_trips_names_urls_and_tags() {
    let feeds = vec![
        Subscription {
            name: "A <&> \"B\"".into(),
            url: "https://e.org/a?x=1&y=2".into(),
            site_url: Some("https://e.org/".into()),
            tags: vec!["news".into(), "tag/two".into()],
            full_text: true,
        },
        Subscription {
            name: "Plain".into(),
            url: "http://p.org/rss".into(),
            site_url: None,
            tags: vec![],
            full_text: false,
        },
    ];
    let written = write_opml("byline", &feeds);
    assert_eq!(read_opml(written.as_bytes()).unwrap().feeds, feeds);
}

#[test]
fn the_full_text_setting_is_a_plain_attribute_read_with_any_prefix() {
    let feed = |f: &Subscription| f.full_text;
    let written = write_opml(
        "byline",
        &[Subscription {
            name: "A".into(),
            url: "https://e.org/a".into(),
            site_url: None,
            tags: vec![],
            full_text: true,
        }],
    );
    assert!(written.contains(r#" fullText="true"/>"#), "{written}");
    let list = r#"<opml><body>
        <outline xmlUrl="https://e.org/1" fullText="TRUE"/>
        <outline xmlns:byline="urn:x" xmlUrl="https://e.org/2" byline:fullText="true"/>
        <outline xmlUrl="https://e.org/3" fullText="false"/>
        <outline xmlUrl="https://e.org/4"/>
        </body></opml>"#;
    let read: Vec<bool> = read_opml(list.as_bytes())
        .unwrap()
        .feeds
        .iter()
        .map(feed)
        .collect();
    assert_eq!(read, [true, true, false, false]);
}

#[test]
fn newsboat_lists_when_present() {
    let dir = std::path::Path::new("../shared/data/feeds/newsboat-opml");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let read = |name: &str| read_opml(&std::fs::read(dir.join(name)).unwrap());
    let piped = read("piped.opml").unwrap();
    assert_eq!(piped.refused.len(), 1);
    assert_eq!(piped.feeds.len(), 1);
    let filtered = read("filtered.opml").unwrap();
    assert_eq!(filtered.refused[0].name, "Firehose");
    assert_eq!(filtered.feeds.len(), 1);
    assert_eq!(read("example.opml").unwrap().feeds.len(), 7);
    assert!(read("body-element-missing.opml").unwrap().feeds.is_empty());
    assert!(matches!(
        read("opml-element-missing.opml"),
        Err(OpmlError::NotOpml(_))
    ));
    let category = read("category.opml").unwrap();
    assert_eq!(category.feeds[0].tags, ["tag one", "tag_two", "tag/three"]);
}
