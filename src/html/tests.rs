//! The HTML converter: structure kept, links numbered, hostile markup bounded.

use super::*;
use crate::model::BlockKind::{self, *};

fn kinds(html: &str) -> Vec<(BlockKind, String)> {
    to_blocks(html, None)
        .blocks
        .into_iter()
        .map(|b| (b.kind, b.text))
        .collect()
}

fn k(kind: BlockKind, text: &str) -> (BlockKind, String) {
    (kind, text.to_string())
}

#[test]
fn paragraphs_headings_lists_quotes_and_pre_keep_their_kind() {
    let html = "<h2>Ferry  deal</h2><p>The council <b>agreed</b>\n a deal.</p>
        <ul><li>Fares fall</li><li>Boats <i>added</i></li></ul>
        <blockquote><p>We are pleased.</p></blockquote>
        <pre>a  b\n  c</pre><p>End.</p>";
    assert_eq!(
        kinds(html),
        [
            k(Heading, "Ferry deal"),
            k(Paragraph, "The council agreed a deal."),
            k(ListItem, "Fares fall"),
            k(ListItem, "Boats added"),
            k(Quote, "We are pleased."),
            k(Preformatted, "a  b"),
            k(Preformatted, "  c"),
            k(Paragraph, "End."),
        ]
    );
}

#[test]
fn entities_are_decoded_and_a_bare_text_is_one_paragraph() {
    assert_eq!(
        kinds("Fish &amp; chips&nbsp;&mdash; &lt;cheap&gt; &#8364;3"),
        [k(Paragraph, "Fish & chips — <cheap> €3")]
    );
}

#[test]
fn links_are_numbered_once_resolved_and_listed_at_the_end() {
    let base = url::Url::parse("https://news.example.org/a/b.html").unwrap();
    let html = r#"<p>See <a href="/x">this</a>, <a href="https://e.org/y">that</a> and
        <a href="/x">this again</a>.</p><p><a href="javascript:alert(1)">bad</a>
        <a href="data:text/html,x">data</a> <a href="mailto:a@b.c">mail</a></p>"#;
    let text = to_blocks(html, Some(&base));
    assert_eq!(
        text.links,
        ["https://news.example.org/x", "https://e.org/y"]
    );
    let texts: Vec<&str> = text.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "See this [1], that [2] and this again [1].",
            "bad data mail",
            "Links",
            "[1] https://news.example.org/x",
            "[2] https://e.org/y",
        ]
    );
}

#[test]
fn script_style_and_other_non_text_elements_are_skipped_whole() {
    let html = "<p>Real text.</p><script>var a = '<p>fake article</p>'; if (a<b) {}</script>
        <style>p { color: red } /* <p>fake</p> */</style><svg><text>chart</text></svg>
        <noscript><p>enable js</p></noscript><p>More.</p>";
    assert_eq!(
        kinds(html),
        [k(Paragraph, "Real text."), k(Paragraph, "More.")]
    );
}

#[test]
fn escape_sequences_in_text_and_attributes_never_reach_a_block() {
    let html = "<p>red \u{1b}[31mtext\u{1b}[0m &#27;[2J bell\u{7}</p>\
        <a href=\"https://e.org/\u{1b}[31m\">x</a>";
    for block in to_blocks(html, None).blocks {
        assert!(!block.text.chars().any(|c| c.is_control()), "{block:?}");
    }
}

#[test]
fn a_full_document_gives_its_body_text_not_its_head() {
    let html = "<!DOCTYPE html><html><head><title>Page title</title>
        <meta charset=utf-8><script>x()</script></head>
        <body><article><p>Body text.</p></article></body></html>";
    assert_eq!(kinds(html), [k(Paragraph, "Body text.")]);
}

#[test]
fn tables_become_one_line_per_row() {
    let html =
        "<table><tr><th>Team</th><th>Pts</th></tr><tr><td>Alder</td><td>12</td></tr></table>";
    assert_eq!(
        kinds(html),
        [k(Paragraph, "Team | Pts"), k(Paragraph, "Alder | 12")]
    );
}

#[test]
fn deep_nesting_and_many_links_finish_quickly() {
    let started = std::time::Instant::now();
    let deep = "<div><blockquote>".repeat(200_000) + "deep" + &"</blockquote></div>".repeat(10);
    let text = to_blocks(&deep, None);
    assert_eq!(text.blocks.last().map(|b| b.kind), Some(Quote));
    let many: String = (0..100_000)
        .map(|i| format!("<a href=\"https://e.org/{i}\">l{i}</a> "))
        .collect();
    let text = to_blocks(&many, None);
    assert_eq!(text.links.len(), 100_000);
    let table = "<table>".to_string() + &"<tr><td>x</td><td>y</td></tr>".repeat(100_000);
    assert_eq!(to_blocks(&table, None).blocks.len(), 100_000);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn input_over_the_cap_is_cut_at_a_character_boundary() {
    let html = "é".repeat(MAX_HTML_BYTES); // two bytes each: twice the cap
    let text = to_blocks(&html, None);
    assert!(text.truncated);
    assert_eq!(text.blocks[0].text.len(), MAX_HTML_BYTES);
}

#[test]
fn strip_tags_keeps_paragraph_breaks_and_text() {
    assert_eq!(
        strip_tags("<p>One &amp; <b>two</b></p><p>Three\u{1b}[2J</p>"),
        "One & two\n\nThree"
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn any_markup_gives_clean_single_line_blocks(html in "(<[a-z/]{0,8}[^>]{0,12}>|[^<]{0,20}|&[a-z#0-9]{0,6};?){0,40}") {
            for block in to_blocks(&html, None).blocks {
                prop_assert!(!block.text.contains('\n'));
                prop_assert!(!block.text.chars().any(|c| c.is_control()));
                prop_assert!(!block.text.is_empty());
            }
        }

        #[test]
        fn any_bytes_as_text_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let text = String::from_utf8_lossy(&bytes);
            let _ = to_blocks(&text, None);
            let _ = strip_tags(&text);
        }
    }
}
