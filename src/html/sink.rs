//! The converter's state machine: html5ever's tokens in, blocks out. One pass, no tree: open
//! headings, list items, quotes and preformatted sections are counters, so nesting depth is free.

use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::LocalName;

use super::HtmlText;
use crate::model::{Block, BlockKind};

/// Feeds html5ever's tokenizer; [`Sink::finish`] gives the text.
pub struct Sink {
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    base: Option<url::Url>,
    blocks: Vec<Block>,
    /// The text of the block being read, whitespace collapsed (verbatim inside `<pre>`).
    text: String,
    pending_space: bool,
    headings: u32,
    list_items: u32,
    quotes: u32,
    pre: u32,
    /// Inside an element whose content is not text (script, style, svg...): its name and how
    /// many of it are open.
    skipping: Option<(LocalName, u32)>,
    /// The open `<a>`'s target, when it is an http(s) link.
    link: Option<String>,
    links: Vec<String>,
    numbers: HashMap<String, usize>,
}

/// Elements read as raw text by browsers: the tokenizer must be told, or a `<` inside a script
/// would start a tag.
fn raw_kind(name: &str) -> Option<RawKind> {
    match name {
        "script" => Some(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(RawKind::Rawtext),
        "title" | "textarea" => Some(RawKind::Rcdata),
        _ => None,
    }
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea",
    "template", "svg", "math", "select", "button", "object", "canvas", "audio", "video",
];

/// Elements that end the text before them and start a new block.
const BLOCK_LEVEL: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "ul",
    "ol",
    "dl",
    "form",
    "fieldset",
    "address",
    "details",
    "summary",
    "center",
    "body",
    "html",
    "caption",
    "hr",
];

impl Sink {
    pub fn new(base: Option<url::Url>) -> Sink {
        Sink {
            state: RefCell::new(State {
                base,
                ..State::default()
            }),
        }
    }

    /// The blocks read, with the numbered list of links at the end.
    pub fn finish(&self) -> HtmlText {
        let mut state = self.state.take();
        state.flush();
        let mut blocks = state.blocks;
        if !state.links.is_empty() {
            blocks.push(Block::heading(crate::links::LINKS_HEADING));
            for (i, link) in state.links.iter().enumerate() {
                blocks.push(Block::new(
                    BlockKind::ListItem,
                    format!("[{}] {link}", i + 1),
                ));
            }
        }
        HtmlText {
            blocks,
            links: state.links,
            truncated: false,
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => return state.tag(&tag),
            Token::CharacterTokens(text) if state.skipping.is_none() => state.push_text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl State {
    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        if let Some((skipped, depth)) = &mut self.skipping {
            if *skipped == tag.name {
                match tag.kind {
                    TagKind::StartTag if !tag.self_closing => *depth += 1,
                    TagKind::EndTag if *depth <= 1 => self.skipping = None,
                    TagKind::EndTag => *depth -= 1,
                    TagKind::StartTag => {}
                }
            }
            return TokenSinkResult::Continue;
        }
        let start = tag.kind == TagKind::StartTag;
        if start && SKIPPED.contains(&name) {
            if !tag.self_closing {
                self.skipping = Some((tag.name.clone(), 1));
            }
            return raw_kind(name).map_or(TokenSinkResult::Continue, TokenSinkResult::RawData);
        }
        match name {
            "a" if start => self.open_link(tag),
            "a" => self.close_link(),
            "br" if self.pre > 0 => self.text.push('\n'),
            "br" => self.flush(),
            "td" | "th" if start && !self.text.is_empty() => self.text.push_str(" | "),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.count(start, |s| &mut s.headings),
            "li" | "dt" | "dd" => self.count(start, |s| &mut s.list_items),
            "blockquote" => self.count(start, |s| &mut s.quotes),
            "pre" | "listing" => self.count(start, |s| &mut s.pre),
            _ if BLOCK_LEVEL.contains(&name) => self.flush(),
            _ => {}
        }
        TokenSinkResult::Continue
    }

    /// Ends the current block and opens or closes one level of a counted element.
    fn count(&mut self, start: bool, counter: fn(&mut State) -> &mut u32) {
        self.flush();
        let n = counter(self);
        *n = if start {
            n.saturating_add(1)
        } else {
            n.saturating_sub(1)
        };
    }

    fn push_text(&mut self, text: &str) {
        if self.pre > 0 {
            self.text.push_str(text);
            return;
        }
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = !self.text.is_empty();
            } else {
                if self.pending_space {
                    self.text.push(' ');
                    self.pending_space = false;
                }
                self.text.push(c);
            }
        }
    }

    fn open_link(&mut self, tag: &Tag) {
        self.close_link(); // an unclosed <a> before this one
        let href = tag.attrs.iter().find(|a| &*a.name.local == "href");
        self.link = href.and_then(|a| self.resolve(&a.value));
    }

    fn close_link(&mut self) {
        let Some(target) = self.link.take() else {
            return;
        };
        if self.text.trim().is_empty() {
            return; // an image or an empty anchor: nothing to number
        }
        let next = self.links.len() + 1;
        let number = *self.numbers.entry(target.clone()).or_insert(next);
        if number == next {
            self.links.push(target);
        }
        self.text.push_str(&format!(" [{number}]"));
    }

    /// An http(s) link target resolved against the base, or `None`.
    fn resolve(&self, href: &str) -> Option<String> {
        let href = href.trim();
        let url = match &self.base {
            Some(base) => base.join(href).ok()?,
            None => url::Url::parse(href).ok()?,
        };
        // The one link rule, so a numbered link is always one the reader will open.
        crate::links::openable(url.as_str())
            .ok()
            .map(|u| u.to_string())
    }

    /// Ends the block being read, choosing its kind from the elements open around it.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.text);
        self.pending_space = false;
        if self.pre > 0 {
            for line in crate::text::sanitize(&text).lines() {
                if !line.trim().is_empty() {
                    let line = line.trim_end().to_string();
                    self.blocks.push(Block::new(BlockKind::Preformatted, line));
                }
            }
            return;
        }
        let clean = crate::text::sanitize_line(&text);
        let clean = clean.trim();
        if clean.is_empty() {
            return;
        }
        let kind = if self.headings > 0 {
            BlockKind::Heading
        } else if self.list_items > 0 {
            BlockKind::ListItem
        } else if self.quotes > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        };
        self.blocks.push(Block::new(kind, clean.to_string()));
    }
}
