//! Putting a page's article together: the main text (or, failing that, the whole page's text
//! with a warning, or a refusal), the metadata's fields with their fallbacks, and the notes
//! the importer reports.

use url::Url;

use super::body::{self, Skipped};
use super::decode::Page;
use super::meta::{self, PageMeta};
use super::{clean, scan, Extracted, WebError};
use crate::html::{to_blocks, HtmlText, MAX_HTML_BYTES};
use crate::model::{Block, BlockKind, ParsedArticle};

/// Less text than this (in characters, links list aside) is no article: a login wall's
/// "Subscribe to read" or an empty shell filled in by scripts.
pub const MIN_TEXT_CHARS: usize = 80;

/// Words of the first paragraph that stand in for a title when the page has none.
const TITLE_WORDS: usize = 12;

pub fn assemble(page: &Page, page_url: Option<&str>) -> Result<Extracted, WebError> {
    let slimmed = super::slim::slim(&page.text);
    let (html, cut) = cap(&slimmed);
    let scan = scan::scan(html);
    let (page_url, base) = locate(&scan, page_url);
    let meta = meta::read(&scan, base.as_ref());
    let mut warnings = notes(page, cut);
    let link_base = base
        .clone()
        .or_else(|| meta.url.as_deref().and_then(|u| Url::parse(u).ok()));
    let (text, byline, readable) = main_or_page(html, &scan, link_base.as_ref(), &mut warnings)?;
    let mut article = fields(meta, byline, page_url);
    article.body = text.blocks;
    drop_title_heading(&mut article);
    if article.title.is_empty() {
        let prose = prose_blocks(&article.body, &text.links);
        article.title = title_from_text(prose).ok_or(WebError::NoText)?;
    }
    article.replacements = page.replacements;
    article.warnings = warnings;
    Ok(Extracted {
        article,
        links: text.links,
        readable,
    })
}

/// The page's own URL (the caller's, else the one a browser noted when it saved the page) and
/// the base its relative links resolve against (its `<base href>` first).
fn locate(scan: &scan::Scan, page_url: Option<&str>) -> (Option<String>, Option<Url>) {
    let absolute = |u: &str| meta::absolute(u, None);
    let page_url = page_url
        .and_then(absolute)
        .or_else(|| scan.saved_from.as_deref().and_then(absolute));
    let page_base = page_url.as_deref().and_then(|u| Url::parse(u).ok());
    let base = scan
        .base_href
        .as_deref()
        .and_then(|href| meta::absolute(href, page_base.as_ref()))
        .and_then(|u| Url::parse(&u).ok());
    (page_url, base.or(page_base))
}

/// The main text as blocks, or the whole page's when Readability found none, or a refusal.
fn main_or_page(
    html: &str,
    scan: &scan::Scan,
    base: Option<&Url>,
    warnings: &mut Vec<String>,
) -> Result<(HtmlText, Option<String>, bool), WebError> {
    let main = body::main_text(html, scan);
    let found = main.as_ref().ok().map(|m| (to_blocks(&m.html, base), m));
    if let Some((text, main)) = found.filter(|(t, _)| prose_chars(t) >= MIN_TEXT_CHARS) {
        if !main.readable {
            warnings.push("the page may not be an article: little of it is paragraphs".into());
        }
        return Ok((text, main.byline.clone(), main.readable));
    }
    let whole = to_blocks(html, base);
    if prose_chars(&whole) < MIN_TEXT_CHARS {
        return Err(WebError::NoText);
    }
    warnings.push(match main {
        Err(Skipped::TooManyElements) => format!(
            "the page has over {} elements: its whole text was kept, menus and all",
            body::MAX_ELEMENTS
        ),
        Err(Skipped::TooDeep) => format!(
            "the page nests over {} levels deep: its whole text was kept, menus and all",
            body::MAX_DEPTH
        ),
        _ => "no main text found: the page's whole text was kept, menus and all".into(),
    });
    Ok((whole, None, false))
}

/// Characters of text before the list of links.
fn prose_chars(text: &HtmlText) -> usize {
    let prose = prose_blocks(&text.blocks, &text.links);
    prose.iter().map(|b| b.text.chars().count()).sum()
}

/// The blocks before the list of links (its heading and one item per link).
pub fn prose_blocks<'a>(blocks: &'a [Block], links: &[String]) -> &'a [Block] {
    let listed = if links.is_empty() { 0 } else { links.len() + 1 };
    &blocks[..blocks.len().saturating_sub(listed)]
}

/// The article's fields from the metadata: the byline found in the text when the metadata
/// names no author, the URL's domain when it names no outlet.
fn fields(meta: PageMeta, text_byline: Option<String>, page_url: Option<String>) -> ParsedArticle {
    let url = meta.url.or_else(|| page_url.clone());
    let url_raw = meta.url_raw.or(page_url);
    // A site name written as a URL ("http://www.tmz.com") is its domain.
    let site = meta
        .site
        .map(|s| crate::ingest::url_domain(&s).unwrap_or(s));
    let source = site.or_else(|| url.as_deref().and_then(crate::ingest::url_domain));
    let (byline, author) = match meta.authors.first() {
        Some(first) => (Some(meta.authors.join(", ")), Some(without_by(first))),
        None => {
            let byline = text_byline
                .map(|b| clean(&b))
                .filter(|b| !b.is_empty() && !is_date_line(b));
            let author = byline.as_deref().and_then(author_of);
            (byline, author)
        }
    };
    ParsedArticle {
        title: meta.title.unwrap_or_default(),
        source,
        byline,
        author,
        date: meta.date,
        url,
        url_raw,
        ..ParsedArticle::default()
    }
}

/// A person's name from a byline found in the text: "By Jane Roe" or a bare short name.
fn author_of(byline: &str) -> Option<String> {
    if let Some(parsed) = crate::ingest::byline::parse_byline(byline) {
        return parsed.author;
    }
    let words = byline.split_whitespace().count();
    let plain = !byline
        .chars()
        .any(|c| c.is_ascii_digit() || c == '@' || c == ':');
    (plain && (2..=4).contains(&words)).then(|| byline.to_string())
}

/// A name without the "By " some pages write into their author metadata.
fn without_by(name: &str) -> String {
    let by = name.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by "));
    match by {
        true => name[3..].trim().to_string(),
        false => name.to_string(),
    }
}

/// Words that open or fill a line saying when, not who ("Posted Friday", "Updated 3 May").
const WHEN_WORDS: &[&str] = &[
    "posted",
    "updated",
    "published",
    "last",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "ago",
];

/// A "byline" Readability found that only says when: no name in it.
fn is_date_line(byline: &str) -> bool {
    let lower = byline.to_lowercase();
    let by = lower.starts_with("by ") || lower.contains(" by ");
    let when = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| WHEN_WORDS.contains(&w));
    !by && (when || crate::ingest::dates::parse_date(byline).is_some())
}

/// The body's first block repeats the title as a heading on most pages: dropped.
fn drop_title_heading(article: &mut ParsedArticle) {
    let first = article.body.first();
    let repeats = first.is_some_and(|b| {
        b.kind == BlockKind::Heading && b.text.eq_ignore_ascii_case(article.title.trim())
    });
    if repeats {
        article.body.remove(0);
    }
}

/// A title for a page that names none: its first heading, else its first words.
fn title_from_text(body: &[Block]) -> Option<String> {
    if let Some(heading) = body.iter().find(|b| b.kind == BlockKind::Heading) {
        return Some(heading.text.clone());
    }
    let first = body.first()?;
    let words: Vec<&str> = first.text.split_whitespace().collect();
    let mut title = words[..words.len().min(TITLE_WORDS)].join(" ");
    if words.len() > TITLE_WORDS {
        title.push('…');
    }
    Some(title)
}

/// Notes on how the page was read: bytes replaced, the page cut.
fn notes(page: &Page, cut: bool) -> Vec<String> {
    let mut notes = Vec::new();
    if page.replacements > 0 {
        let (name, n) = (page.encoding.name(), page.replacements);
        notes.push(format!("invalid {name}: {n} byte sequence(s) replaced"));
    }
    if cut {
        let mib = MAX_HTML_BYTES / (1024 * 1024);
        notes.push(format!(
            "the page is over {mib} MiB: only its first {mib} MiB were read"
        ));
    }
    notes
}

/// The page cut to [`MAX_HTML_BYTES`] at a character boundary, and whether it was cut.
fn cap(html: &str) -> (&str, bool) {
    if html.len() <= MAX_HTML_BYTES {
        return (html, false);
    }
    let mut end = MAX_HTML_BYTES;
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    (&html[..end], true)
}
