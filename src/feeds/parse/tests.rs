//! Feed parsing on hand-written feeds of each format and each hazard.

use super::*;

const RSS2: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour &amp; Coast</title><link>https://harbour.example.org/</link>
<item><title>Ferry deal agreed</title><link>https://harbour.example.org/news/ferry#top</link>
<guid isPermaLink="false">ferry-1</guid><pubDate>Sat, 06 Dec 2025 10:00:00 +0000</pubDate>
<dc:creator>Jane Roe</dc:creator><category>Transport</category>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Mayor Anna Keller signed the deal.</p><h2>Fares</h2><ul><li>Lower</li></ul>]]></content:encoded>
</item>
<item><title>No guid, no date</title><link>/news/relative</link><description>Plain &lt;b&gt;text&lt;/b&gt; here&nbsp;now.</description></item>
<item><description>Only a description, no title or link or date.</description></item>
</channel></rss>"#;

#[test]
fn rss2_items_have_every_field() {
    let feed = parse_feed(
        RSS2.as_bytes(),
        None,
        Some("https://harbour.example.org/feed.xml"),
    )
    .unwrap();
    assert_eq!(feed.title.as_deref(), Some("Harbour & Coast"));
    assert_eq!(feed.items.len(), 3);
    let first = &feed.items[0];
    assert_eq!(first.key, "guid:ferry-1");
    assert_eq!(
        first.url.as_deref(),
        Some("https://harbour.example.org/news/ferry")
    );
    assert_eq!(first.authors, ["Jane Roe"]);
    assert_eq!(first.categories, ["Transport"]);
    let parsed = first.to_parsed();
    assert_eq!(parsed.title, "Ferry deal agreed");
    assert_eq!(
        parsed.date.map(|d| d.to_string()).as_deref(),
        Some("2025-12-06")
    );
    let texts: Vec<&str> = parsed.body.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Mayor Anna Keller signed the deal.", "Fares", "Lower"]
    );
}

#[test]
fn missing_guid_date_and_title_lose_nothing() {
    let feed = parse_feed(
        RSS2.as_bytes(),
        None,
        Some("https://harbour.example.org/feed.xml"),
    )
    .unwrap();
    let second = &feed.items[1];
    assert_eq!(second.key, "url:https://harbour.example.org/news/relative");
    assert_eq!(second.date, None);
    assert_eq!(second.to_parsed().body[0].text, "Plain text here now.");
    let third = &feed.items[2];
    assert!(third.key.starts_with("title:"), "{}", third.key);
    assert_eq!(
        third.to_parsed().title,
        "Only a description, no title or link or date."
    );
}

#[test]
fn rss1_atom_and_json_feed_parse() {
    let rss1 = r#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
        <channel rdf:about="https://e.org/"><title>One</title><link>https://e.org/</link></channel>
        <item rdf:about="https://e.org/1"><title>RDF item</title><link>https://e.org/1</link><description>Body one.</description></item></rdf:RDF>"#;
    let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>
        <entry><id>tag:e.org,2025:1</id><title type="html">Atom &lt;i&gt;item&lt;/i&gt;</title>
        <updated>2025-12-05T08:00:00Z</updated><author><name>A. Writer</name></author>
        <link href="https://e.org/a1"/><content type="html">&lt;p&gt;Atom body.&lt;/p&gt;</content></entry></feed>"#;
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Json",
        "items": [{"id": "j1", "url": "https://e.org/j1", "title": "JSON item",
        "content_html": "<p>JSON body.</p>", "date_published": "2025-12-04T08:00:00Z",
        "authors": [{"name": "J. Son"}]}]}"#;
    for (text, title, body) in [
        (rss1, "RDF item", "Body one."),
        (atom, "Atom item", "Atom body."),
        (json, "JSON item", "JSON body."),
    ] {
        let feed = parse_feed(text.as_bytes(), None, None).unwrap();
        let parsed = feed.items[0].to_parsed();
        assert_eq!(parsed.title, title);
        assert_eq!(parsed.body[0].text, body);
    }
    let atom = parse_feed(atom.as_bytes(), None, None).unwrap();
    assert_eq!(atom.items[0].authors, ["A. Writer"]);
    assert_eq!(atom.items[0].key, "guid:tag:e.org,2025:1");
}

#[test]
fn undefined_entities_are_kept_as_text() {
    let text = "<rss version=\"2.0\"><channel><title>T&nbsp;x</title><item><title>A&nbsp;B &copy; C</title>\
        <description>x</description></item></channel></rss>";
    let feed = parse_feed(text.as_bytes(), None, None).unwrap();
    assert_eq!(feed.items[0].to_parsed().title, "A B © C");
}

#[test]
fn billion_laughs_is_refused_at_once() {
    let mut text =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        text.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    text.push_str("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
    let started = std::time::Instant::now();
    assert_eq!(
        parse_feed(text.as_bytes(), None, None).unwrap_err(),
        FeedError::DeclaresEntities
    );
    assert!(started.elapsed().as_millis() < 500);
}

#[test]
fn malformed_feeds_name_the_line_and_non_feeds_say_what_they_are() {
    let broken = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>x</titel>\n</channel></rss>";
    match parse_feed(broken.as_bytes(), None, None) {
        Err(FeedError::MalformedAt { line, .. }) => assert_eq!(line, 4),
        other => panic!("{other:?}"),
    }
    let page = "<!DOCTYPE html><html><body><p>hello</p></body></html>";
    assert_eq!(
        parse_feed(page.as_bytes(), None, None)
            .unwrap_err()
            .to_string(),
        "not a feed: an HTML page"
    );
    assert!(parse_feed(b"", None, None).is_err());
    assert!(parse_feed(b"just words", None, None).is_err());
    // Well-formed XML of a root no feed has is not "malformed".
    let cdf =
        "<?xml version=\"1.0\"?><CHANNEL HREF=\"https://e.example/\"><TITLE>x</TITLE></CHANNEL>";
    assert_eq!(
        parse_feed(cdf.as_bytes(), None, None)
            .unwrap_err()
            .to_string(),
        "not a feed: no RSS, Atom or JSON Feed root element"
    );
}

#[test]
fn a_header_charset_decodes_titles() {
    let mut bytes =
        b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>"
            .to_vec();
    bytes.extend(
        encoding_rs::WINDOWS_1251
            .encode("Новости дня")
            .0
            .into_owned(),
    );
    bytes.extend(b"</title><description>x</description></item></channel></rss>");
    let feed = parse_feed(&bytes, Some("text/xml; charset=windows-1251"), None).unwrap();
    assert_eq!(feed.items[0].title, "Новости дня");
}

#[test]
fn utf16_feeds_parse_with_or_without_a_bom() {
    let feed = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n<rss version=\"2.0\"><channel>\
        <title>Café</title><item><title>Ferry ⛴</title></item></channel></rss>";
    let le: Vec<u8> = feed.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = feed.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let le_bom = [&[0xFF, 0xFE][..], &le].concat();
    for bytes in [le, be, le_bom] {
        let parsed = parse_feed(&bytes, Some("application/rss+xml"), None).unwrap();
        assert_eq!(parsed.title.as_deref(), Some("Café"));
        assert_eq!(parsed.items[0].title, "Ferry ⛴");
    }
}

#[test]
fn windows_1252_code_points_read_as_their_characters() {
    let text = "<rss version=\"2.0\"><channel><title>Don&#146;t</title><item>\
        <title>It\u{92}s &#128;5</title><description>don&#x92;t \u{93}quote\u{94}</description>\
        </item></channel></rss>";
    let feed = parse_feed(text.as_bytes(), None, None).unwrap();
    assert_eq!(feed.title.as_deref(), Some("Don’t"));
    let article = feed.items[0].to_parsed();
    assert_eq!(article.title, "It’s €5");
    assert_eq!(article.body[0].text, "don’t “quote”");
}

#[test]
fn plain_titles_keep_their_angle_brackets_and_markup_is_still_read() {
    let text =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title type=\"text\">Rust &lt;3</title>\
        <entry><title type=\"text\">Using Vec&lt;T&gt; and Box&lt;dyn Fn&gt;</title></entry>\
        <entry><title type=\"html\">A &lt;b&gt;bold&lt;/b&gt; move</title></entry></feed>";
    let feed = parse_feed(text.as_bytes(), None, None).unwrap();
    assert_eq!(feed.title.as_deref(), Some("Rust <3"));
    let titles: Vec<String> = feed.items.iter().map(|i| i.to_parsed().title).collect();
    assert_eq!(titles, ["Using Vec<T> and Box<dyn Fn>", "A bold move"]);
    let rss = "<rss version=\"2.0\"><channel><item><title>Vec&lt;T&gt; &amp;amp; <![CDATA[<i>x</i>]]></title>\
        </item></channel></rss>";
    let feed = parse_feed(rss.as_bytes(), None, None).unwrap();
    assert_eq!(feed.items[0].to_parsed().title, "Vec & x");
}

#[test]
fn atom_0_3_feeds_give_their_entries() {
    let text = r#"<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#">
        <title type="text/plain" mode="escaped">Harbour log</title>
        <link rel="alternate" type="text/html" href="https://log.example/"/>
        <entry><id>tag:log.example,2004:1</id><title>Ferry deal</title>
        <link rel="alternate" type="text/html" href="https://log.example/1"/>
        <issued>2004-06-02T19:07:55-04:00</issued>
        <summary type="text/plain">Short.</summary>
        <content type="text/html" mode="escaped">&lt;p&gt;Fares &lt;b&gt;fall&lt;/b&gt;.&lt;/p&gt;</content>
        </entry></feed>"#;
    let feed = parse_feed(text.as_bytes(), None, None).unwrap();
    assert_eq!(feed.title.as_deref(), Some("Harbour log"));
    assert_eq!(feed.site_url.as_deref(), Some("https://log.example/"));
    let article = feed.items[0].to_parsed();
    assert_eq!(article.title, "Ferry deal");
    assert_eq!(article.url.as_deref(), Some("https://log.example/1"));
    assert_eq!(article.body[0].text, "Fares fall.");
}

#[test]
fn video_and_podcast_items_take_their_media_description_as_body() {
    let youtube = r#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
        <entry><id>yt:video:1</id><title>Harbour at dawn</title>
        <media:group><media:title>Harbour at dawn</media:title>
        <media:content url="https://video.example/v/1" type="application/x-shockwave-flash"/>
        <media:description>Boats leave the quay.

Filmed on the pier.</media:description></media:group></entry></feed>"#;
    let feed = parse_feed(youtube.as_bytes(), None, None).unwrap();
    let texts: Vec<String> = feed.items[0]
        .to_parsed()
        .body
        .into_iter()
        .map(|b| b.text)
        .collect();
    assert_eq!(texts, ["Boats leave the quay.", "Filmed on the pier."]);
    let podcast = r#"<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
        <channel><item><title>Episode 1</title><itunes:summary>Tides &amp; nets.</itunes:summary>
        </item></channel></rss>"#;
    let feed = parse_feed(podcast.as_bytes(), None, None).unwrap();
    assert_eq!(feed.items[0].to_parsed().body[0].text, "Tides & nets.");
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = parse_feed(&bytes, None, None);
        }

        #[test]
        fn feed_shaped_noise_never_panics(body in "(<[a-z:/]{0,10}[^>]{0,15}>|[^<]{0,25}|&[a-z#0-9]{0,6};?){0,30}") {
            let text = format!("<rss version=\"2.0\"><channel><item>{body}</item></channel></rss>");
            if let Ok(feed) = parse_feed(text.as_bytes(), None, None) {
                for item in feed.items {
                    let parsed = item.to_parsed();
                    prop_assert!(!parsed.title.is_empty());
                }
            }
        }
    }

    /// An item hostile by shape: `n` nested XML elements, HTML nested `n` deep, a table of `n`
    /// rows, `n` links, a title of `n` open tags.
    fn hostile_item(shape: usize, n: usize) -> String {
        match shape {
            0 => "<x>".repeat(n) + &"</x>".repeat(n),
            1 => format!(
                "<description><![CDATA[{}deep]]></description>",
                "<div><blockquote>".repeat(n)
            ),
            2 => format!(
                "<description><![CDATA[<table>{}</table>]]></description>",
                "<tr><td>x</td><td>y</td></tr>".repeat(n)
            ),
            3 => {
                let links: String = (0..n)
                    .map(|i| format!("<a href=\"https://e.org/{i}\">l</a> "))
                    .collect();
                format!("<description><![CDATA[{links}]]></description>")
            }
            _ => format!("<title><![CDATA[{}]]></title>", "<b>".repeat(n)),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10))]
        #[test]
        fn hostile_shapes_in_a_feed_finish_quickly(shape in 0..5usize, n in 50_000..100_000usize) {
            let started = std::time::Instant::now();
            let text = format!(
                "<rss version=\"2.0\"><channel><item><title>t</title>{}</item></channel></rss>",
                hostile_item(shape, n)
            );
            // Nesting past feed-rs's limit (65,535) is a named error; all else gives the item.
            if let Ok(feed) = parse_feed(text.as_bytes(), None, None) {
                let article = feed.items[0].to_parsed();
                if shape == 2 || shape == 3 {
                    prop_assert!(article.body.len() >= n);
                }
            }
            prop_assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
        }
    }
}
