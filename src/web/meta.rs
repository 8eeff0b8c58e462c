//! A page's article metadata, best source first: JSON-LD, then OpenGraph, `article:` and
//! Dublin Core meta, then `<meta name=author>`, `<time datetime>`, `<link rel=canonical>` and
//! the `<title>` with the site's suffix dropped. Unknown stays empty (a date is never "now").

use chrono::NaiveDate;
use url::Url;

use super::jsonld::{self, LdArticle};
use super::scan::Scan;
use super::{clean, title};

/// What the page says about its article. Text is display-safe; the URL is openable.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    /// The outlet: the publisher's or the site's name.
    pub site: Option<String>,
    pub authors: Vec<String>,
    pub date: Option<NaiveDate>,
    /// Canonical URL (absolute, http or https).
    pub url: Option<String>,
    /// That URL as the page wrote it.
    pub url_raw: Option<String>,
}

/// Meta keys for the title, best first (after JSON-LD).
const TITLE_KEYS: &[&str] = &[
    "dc:title",
    "dcterm:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
];
const AUTHOR_KEYS: &[&str] = &[
    "dc:creator",
    "dcterm:creator",
    "article:author",
    "author",
    "parsely-author",
    "sailthru:author",
];
const SITE_KEYS: &[&str] = &["og:site_name", "application-name"];
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "parsely-pub-date",
    "datepublished",
    "time:published",
    "dc:date",
    "dcterm:date",
    "date",
    "pubdate",
    "publish-date",
    "sailthru:date",
];
const MODIFIED_KEYS: &[&str] = &["article:modified_time", "og:updated_time", "datemodified"];

/// Reads the page's metadata; relative URLs resolve against `base`.
pub fn read(scan: &Scan, base: Option<&Url>) -> PageMeta {
    let ld = jsonld::article(&scan.json_ld).unwrap_or_default();
    let lookup = |keys: &[&str]| first_of(scan, keys, |v| Some(clean(v)));
    let site = ld.publisher.clone().or_else(|| lookup(SITE_KEYS));
    let headings: Vec<(u8, String)> = scan.headings.iter().map(|(l, h)| (*l, clean(h))).collect();
    let raw_title = clean(scan.title.as_deref().unwrap_or_default());
    let page_title = title::headline(&raw_title, site.as_deref(), &headings);
    let title = ld_title(&ld, page_title.as_deref().unwrap_or_default())
        .or_else(|| lookup(TITLE_KEYS))
        .or(page_title);
    let (url_raw, url) = canonical(scan, &ld, base).unzip();
    PageMeta {
        title,
        site,
        authors: authors(scan, &ld),
        date: date(scan, &ld),
        url,
        url_raw,
    }
}

/// JSON-LD's `headline` or `name`: when they differ, the one closer to the headline in the
/// page's `<title>` (Wikipedia's `headline` is a description, its `name` the title; a news
/// site's `name` may be its own).
fn ld_title(ld: &LdArticle, page_title: &str) -> Option<String> {
    match (&ld.headline, &ld.name) {
        (Some(headline), Some(name)) if headline != name => {
            let closer = similarity(headline, page_title) >= similarity(name, page_title);
            Some(if closer { headline } else { name }.clone())
        }
        (headline, name) => headline.clone().or_else(|| name.clone()),
    }
}

/// The share of `text`'s words found in `other` (lowercase alphanumeric words).
fn similarity(text: &str, other: &str) -> f64 {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (mine, theirs) = (words(text), words(other));
    let found = mine.iter().filter(|w| theirs.contains(w)).count();
    found as f64 / mine.len().max(1) as f64
}

/// The first key of `keys` with a usable value, `<meta property>` before `<meta name>`.
fn first_of<T>(scan: &Scan, keys: &[&str], read: impl Fn(&str) -> Option<T>) -> Option<T> {
    keys.iter().find_map(|key| {
        let property = scan.properties.get(*key).and_then(|v| read(v));
        property.or_else(|| scan.names.get(*key).and_then(|v| read(v)))
    })
}

fn authors(scan: &Scan, ld: &LdArticle) -> Vec<String> {
    if !ld.authors.is_empty() {
        return ld.authors.clone();
    }
    // `article:author` is often a profile URL: a name is wanted.
    let name = |v: &str| Some(clean(v)).filter(|n| !n.is_empty() && !n.contains("://"));
    first_of(scan, AUTHOR_KEYS, name).into_iter().collect()
}

fn date(scan: &Scan, ld: &LdArticle) -> Option<NaiveDate> {
    let parse = |v: &str| crate::ingest::dates::parse_date(v);
    ld.published
        .as_deref()
        .and_then(parse)
        .or_else(|| first_of(scan, PUBLISHED_KEYS, parse))
        .or_else(|| scan.time.as_deref().and_then(parse))
        .or_else(|| ld.created.as_deref().and_then(parse))
        .or_else(|| ld.modified.as_deref().and_then(parse))
        .or_else(|| first_of(scan, MODIFIED_KEYS, parse))
}

/// The page's own URL as written and as an openable absolute URL: `<link rel=canonical>`,
/// then `og:url`, then JSON-LD's `url`.
fn canonical(scan: &Scan, ld: &LdArticle, base: Option<&Url>) -> Option<(String, String)> {
    let og = scan.properties.get("og:url").or(scan.names.get("og:url"));
    [scan.canonical.as_ref(), og, ld.url.as_ref()]
        .into_iter()
        .flatten()
        .find_map(|raw| Some((raw.trim().to_string(), absolute(raw, base)?)))
}

/// `href` made absolute against `base`, if it is an openable link.
pub fn absolute(href: &str, base: Option<&Url>) -> Option<String> {
    let href = href.trim();
    let url = match base {
        Some(base) => base.join(href).ok()?,
        None => Url::parse(href).ok()?,
    };
    crate::links::openable(url.as_str()).ok().map(String::from)
}

#[cfg(test)]
mod tests;
