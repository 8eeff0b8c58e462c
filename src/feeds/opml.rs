//! OPML subscription lists: read leniently (no version, no head), folders as tags, anything
//! that is not an http(s) feed refused by name; written as OPML 2.0.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::item::one_line;

/// One feed of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    /// The name the list gives it; may be empty (the feed's title is used then).
    pub name: String,
    pub url: String,
    pub site_url: Option<String>,
    /// The folders it sits in, outermost first, and its `category` entries.
    pub tags: Vec<String>,
    /// byline's full-text setting: the `fullText="true"` attribute (any namespace prefix).
    pub full_text: bool,
}

/// An entry that was not taken, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub name: String,
    pub url: String,
    pub reason: String,
}

/// What a list holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpmlList {
    pub feeds: Vec<Subscription>,
    pub refused: Vec<Refused>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpmlError {
    #[error("not an OPML file: its root element is <{0}>, not <opml>")]
    NotOpml(String),
    #[error("malformed OPML at line {line}: {detail}")]
    Malformed { line: u64, detail: String },
}

/// Reads an OPML list. Nested outlines without a feed URL are folders: their names become
/// tags of the feeds inside.
pub fn read_opml(bytes: &[u8]) -> Result<OpmlList, OpmlError> {
    let text = String::from_utf8_lossy(bytes);
    let mut reader = Reader::from_str(&text);
    let mut list = OpmlList::default();
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut root_seen = false;
    loop {
        let event = reader.read_event().map_err(|e| OpmlError::Malformed {
            line: line_at(&text, reader.error_position()),
            detail: one_line(&e.to_string()),
        })?;
        match event {
            Event::Start(tag) | Event::Empty(tag) if !root_seen => {
                let name = tag.local_name().as_ref().to_lowercase();
                if name != "opml" {
                    return Err(OpmlError::NotOpml(one_line(&name)));
                }
                root_seen = true;
            }
            Event::Start(tag) if tag.local_name().as_ref() == "outline" => {
                folders.push(outline(&tag, &folders, &mut list));
            }
            Event::Empty(tag) if tag.local_name().as_ref() == "outline" => {
                outline(&tag, &folders, &mut list);
            }
            Event::End(tag) if tag.local_name().as_ref() == "outline" => {
                folders.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_seen {
        return Err(OpmlError::NotOpml("nothing".into()));
    }
    Ok(list)
}

/// Takes one outline: a feed is added (or refused), a folder gives the tag it opens.
fn outline(tag: &BytesStart, folders: &[Option<String>], list: &mut OpmlList) -> Option<String> {
    let attr = |name: &str| attribute(tag, name);
    let name = attr("text")
        .filter(|t| !t.is_empty())
        .or_else(|| attr("title"))
        .unwrap_or_default();
    let Some(url) = attr("xmlUrl").or_else(|| attr("xmlurl")) else {
        return Some(name).filter(|n| !n.is_empty());
    };
    if let Some(reason) = refusal(&url, attr("filtercmd").is_some()) {
        list.refused.push(Refused { name, url, reason });
        return None;
    }
    let mut tags: Vec<String> = folders.iter().flatten().cloned().collect();
    for category in attr("category").iter().flat_map(|c| c.split(',')) {
        let category = category.trim().trim_start_matches('/');
        if !category.is_empty() && !tags.iter().any(|t| t == category) {
            tags.push(category.to_string());
        }
    }
    let site_url = attr("htmlUrl").filter(|u| crate::links::openable(u).is_ok());
    let full_text = attr("fullText").is_some_and(|v| v.eq_ignore_ascii_case("true"));
    list.feeds.push(Subscription {
        name,
        url,
        site_url,
        tags,
        full_text,
    });
    None
}

/// Why a feed URL is refused, if it is: only http(s) feeds are subscribed, and nothing a list
/// says is ever run.
pub fn refusal(url: &str, has_filter: bool) -> Option<String> {
    let trimmed = url.trim();
    if trimmed.starts_with('|') {
        return Some("a shell command (|...), which byline never runs".into());
    }
    if has_filter {
        return Some("it needs a filter command (filtercmd), which byline never runs".into());
    }
    match url::Url::parse(trimmed) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => None,
        Ok(u) => Some(format!(
            "a {}: URL, not http(s); byline only subscribes to web feeds",
            one_line(u.scheme())
        )),
        Err(e) => Some(format!("not a URL ({e})")),
    }
}

/// An attribute's value, unescaped and made one clean line.
fn attribute(tag: &BytesStart, name: &str) -> Option<String> {
    let found = tag
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)?;
    let raw = found.value.to_string();
    let value = quick_xml::escape::unescape(&raw).map_or(raw.clone(), |v| v.into_owned());
    Some(one_line(&value))
}

fn line_at(text: &str, position: u64) -> u64 {
    let at = (position as usize).min(text.len());
    text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64
        + 1
}

/// Writes subscriptions as OPML 2.0: folders from each feed's first tag, every tag also in
/// `category` so that a round trip keeps them all, and `fullText="true"` on a feed set to full
/// text (a plain attribute: OPML readers keep or ignore attributes they do not know).
pub fn write_opml(title: &str, feeds: &[Subscription]) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n");
    out.push_str(&format!(
        "  <head>\n    <title>{}</title>\n  </head>\n  <body>\n",
        esc(title)
    ));
    for feed in feeds {
        let mut line = format!(
            "    <outline type=\"rss\" text=\"{0}\" title=\"{0}\" xmlUrl=\"{1}\"",
            esc(&feed.name),
            esc(&feed.url)
        );
        if let Some(site) = &feed.site_url {
            line.push_str(&format!(" htmlUrl=\"{}\"", esc(site)));
        }
        if !feed.tags.is_empty() {
            line.push_str(&format!(" category=\"{}\"", esc(&feed.tags.join(","))));
        }
        if feed.full_text {
            line.push_str(" fullText=\"true\"");
        }
        out.push_str(&line);
        out.push_str("/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

fn esc(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

#[cfg(test)]
mod tests;
