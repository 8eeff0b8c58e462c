//! One streaming pass over a page's tokens for what its markup says about the article: `<meta>`
//! and `<link rel=canonical>`, the `<title>`, `<time datetime>`, `<h1>`s and `<h2>`s, JSON-LD
//! scripts, and how many elements there are and how deep they nest. No tree is built, so the
//! pass is linear and nesting costs nothing; every collected string is bounded.

use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// The longest `<title>`, `<h1>` or meta value kept (longer ones are cut).
const MAX_TEXT_CHARS: usize = 2048;
/// Meta tags kept: a real page has dozens.
const MAX_METAS: usize = 1000;
/// JSON-LD read in all: article metadata is a few KiB.
const MAX_JSON_LD_BYTES: usize = 1024 * 1024;
/// `<h1>` and `<h2>` texts kept, for telling a headline from a site's name in the `<title>`.
pub const MAX_HEADINGS: usize = 64;

/// What the page's markup says, as written (entities decoded by the tokenizer).
#[derive(Debug, Default)]
pub struct Scan {
    /// `<meta property=...>` values by lowercased key (each of a space-separated list).
    pub properties: HashMap<String, String>,
    /// `<meta name=...>` and `itemprop` values by lowercased key, `.` read as `:` (`DC.title`).
    pub names: HashMap<String, String>,
    pub canonical: Option<String>,
    pub base_href: Option<String>,
    /// The URL in a browser's `<!-- saved from url=(0042)https://... -->` comment.
    pub saved_from: Option<String>,
    pub title: Option<String>,
    /// The text of the page's `<h1>`s and `<h2>`s (the first [`MAX_HEADINGS`]), with their level.
    pub headings: Vec<(u8, String)>,
    /// `datetime` of the `<time>` marked as the publication date, else of the first `<time>`.
    pub time: Option<String>,
    /// The text of each `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// Start tags seen.
    pub elements: usize,
    /// The deepest nesting of elements that need an end tag.
    pub max_depth: usize,
}

/// Scans `html` (already capped by the caller).
pub fn scan(html: &str) -> Scan {
    let tokenizer = Tokenizer::new(Sink::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.state.take().scan
}

/// Where text being read goes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Capture {
    #[default]
    None,
    Title,
    Heading(u8),
    JsonLd,
    /// A script or style whose text is skipped.
    Skip,
}

#[derive(Default)]
struct Sink {
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    scan: Scan,
    capture: Capture,
    text: String,
    depth: usize,
    json_ld_bytes: usize,
}

/// Elements with no end tag, and those whose end tag is usually left out: neither nests.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "td", "th", "tr", "option", "param",
];

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => return state.tag(&tag),
            Token::CharacterTokens(text) => state.push_text(&text),
            Token::CommentToken(text) if state.scan.saved_from.is_none() => {
                state.scan.saved_from = saved_from(&text);
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl State {
    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        if tag.kind == TagKind::EndTag {
            self.end_tag(name);
            return TokenSinkResult::Continue;
        }
        self.scan.elements += 1;
        if !tag.self_closing && !NOT_NESTING.contains(&name) {
            self.depth += 1;
            self.scan.max_depth = self.scan.max_depth.max(self.depth);
        }
        match name {
            "meta" => self.meta(tag),
            "link" => self.link(tag),
            "base" if self.scan.base_href.is_none() => self.scan.base_href = attr(tag, "href"),
            "time" => self.time(tag),
            "title" if self.scan.title.is_none() => return self.start(Capture::Title, None),
            "h1" | "h2" if self.scan.headings.len() < MAX_HEADINGS => {
                let level = if name == "h1" { 1 } else { 2 };
                return self.start(Capture::Heading(level), None);
            }
            "script" if is_json_ld(tag) => {
                return self.start(Capture::JsonLd, Some(RawKind::ScriptData))
            }
            "script" => return self.start(Capture::Skip, Some(RawKind::ScriptData)),
            "style" => return self.start(Capture::Skip, Some(RawKind::Rawtext)),
            "title" => return TokenSinkResult::RawData(RawKind::Rcdata),
            _ => {}
        }
        TokenSinkResult::Continue
    }

    /// Starts capturing text; `raw` tells the tokenizer an element's content is not markup.
    fn start(&mut self, capture: Capture, raw: Option<RawKind>) -> TokenSinkResult<()> {
        self.capture = capture;
        self.text.clear();
        match (capture, raw) {
            (_, Some(kind)) => TokenSinkResult::RawData(kind),
            (Capture::Title, None) => TokenSinkResult::RawData(RawKind::Rcdata),
            _ => TokenSinkResult::Continue,
        }
    }

    fn end_tag(&mut self, name: &str) {
        if !NOT_NESTING.contains(&name) {
            self.depth = self.depth.saturating_sub(1);
        }
        match (self.capture, name) {
            (Capture::Title, "title") => self.scan.title = Some(one_line(&self.text)),
            (Capture::Heading(1), "h1") | (Capture::Heading(2), "h2") => {
                let level = if name == "h1" { 1 } else { 2 };
                self.scan.headings.push((level, one_line(&self.text)));
            }
            (Capture::JsonLd, "script") => {
                self.json_ld_bytes += self.text.len();
                if self.json_ld_bytes <= MAX_JSON_LD_BYTES {
                    self.scan.json_ld.push(self.text.clone());
                }
            }
            (Capture::Skip, "script" | "style") => {}
            _ => return,
        }
        self.text.clear();
        self.capture = Capture::None;
    }

    fn push_text(&mut self, text: &str) {
        let limit = match self.capture {
            Capture::None | Capture::Skip => return,
            Capture::JsonLd => MAX_JSON_LD_BYTES,
            Capture::Title | Capture::Heading(_) => MAX_TEXT_CHARS,
        };
        if self.text.len() < limit {
            self.text.push_str(text);
        }
    }

    fn meta(&mut self, tag: &Tag) {
        let Some(content) = attr(tag, "content") else {
            return;
        };
        if self.scan.properties.len() + self.scan.names.len() >= MAX_METAS {
            return;
        }
        let content = cut(&content);
        if let Some(keys) = attr(tag, "property") {
            insert_keys(&mut self.scan.properties, &keys, &content);
        }
        for key in ["name", "itemprop"] {
            if let Some(keys) = attr(tag, key) {
                insert_keys(&mut self.scan.names, &keys.replace('.', ":"), &content);
            }
        }
    }

    fn link(&mut self, tag: &Tag) {
        let rel = attr(tag, "rel").unwrap_or_default().to_ascii_lowercase();
        if self.scan.canonical.is_none() && rel.split_whitespace().any(|r| r == "canonical") {
            self.scan.canonical = attr(tag, "href").map(|h| cut(&h));
        }
    }

    /// The publication `<time>` (`pubdate`, `itemprop=datePublished`) wins over the first one.
    fn time(&mut self, tag: &Tag) {
        let Some(when) = attr(tag, "datetime") else {
            return;
        };
        let published = attr(tag, "pubdate").is_some()
            || attr(tag, "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished"));
        if published {
            self.scan
                .names
                .entry("time:published".into())
                .or_insert(cut(&when));
        }
        if self.scan.time.is_none() {
            self.scan.time = Some(cut(&when));
        }
    }
}

/// The URL of a "saved from" comment: `saved from url=(LENGTH)URL`.
fn saved_from(comment: &str) -> Option<String> {
    let rest = comment.trim().strip_prefix("saved from url=(")?;
    let url = &rest[rest.find(')')? + 1..];
    let url = url.split_whitespace().next()?;
    Some(cut(url))
}

fn is_json_ld(tag: &Tag) -> bool {
    attr(tag, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
}

fn attr(tag: &Tag, name: &str) -> Option<String> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| a.value.to_string())
}

/// Each space-separated key of `keys`, lowercased, maps to `content`; a later tag with the same
/// key wins, as in Readability.
fn insert_keys(map: &mut HashMap<String, String>, keys: &str, content: &str) {
    for key in keys.split_whitespace() {
        map.insert(key.to_ascii_lowercase(), content.to_string());
    }
}

/// A value cut to [`MAX_TEXT_CHARS`] characters.
fn cut(text: &str) -> String {
    text.chars().take(MAX_TEXT_CHARS).collect()
}

/// Whitespace collapsed, cut to [`MAX_TEXT_CHARS`].
fn one_line(text: &str) -> String {
    cut(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metas_links_title_time_and_json_ld_are_collected() {
        let page = r#"<!-- saved from url=(0021)https://e.org/saved -->
            <html><head><title>  A  story | Site </title>
            <meta property="og:title twitter:title" content="OG title">
            <meta name="DC.creator" content="Ann"><meta name="DC.creator" content="Ann Bee">
            <link rel="Canonical" href="https://e.org/a"><base href="https://e.org/">
            <script type="application/ld+json">{"@type":"NewsArticle"}</script>
            <script>var fake = "<title>no</title>";</script></head>
            <body><h1>Head <b>line</b></h1><time datetime="2020-01-02">x</time>
            <time datetime="2021-03-04" pubdate>y</time></body></html>"#;
        let scan = scan(page);
        assert_eq!(scan.title.as_deref(), Some("A story | Site"));
        assert_eq!(scan.headings, [(1, "Head line".to_string())]);
        assert_eq!(scan.properties["twitter:title"], "OG title");
        assert_eq!(scan.names["dc:creator"], "Ann Bee");
        assert_eq!(scan.canonical.as_deref(), Some("https://e.org/a"));
        assert_eq!(scan.base_href.as_deref(), Some("https://e.org/"));
        assert_eq!(scan.saved_from.as_deref(), Some("https://e.org/saved"));
        assert_eq!(scan.json_ld, [r#"{"@type":"NewsArticle"}"#]);
        assert_eq!(scan.time.as_deref(), Some("2020-01-02"));
        assert_eq!(scan.names["time:published"], "2021-03-04");
        assert!(
            scan.max_depth >= 3 && scan.max_depth < 6,
            "{}",
            scan.max_depth
        );
    }

    #[test]
    fn depth_and_element_counts_are_measured_without_a_tree() {
        let deep = "<div>".repeat(100_000);
        let scan = scan(&deep);
        assert_eq!(scan.elements, 100_000);
        assert_eq!(scan.max_depth, 100_000);
        let flat = "<p>x".repeat(1000);
        assert_eq!(super::scan(&flat).max_depth, 0);
    }
}
