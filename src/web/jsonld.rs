//! JSON-LD article metadata: the first schema.org article object in a page's
//! `application/ld+json` scripts (top level, in an array, an `@graph` or a page's `mainEntity`),
//! read for its headline, dates, authors, publisher and URL. Unparseable scripts are skipped.

use serde_json::{Map, Value};

use super::clean;

/// What a JSON-LD article object says; fields it lacks stay empty. Text is display-safe.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LdArticle {
    pub headline: Option<String>,
    /// The object's `name`, which some sites fill with the headline and others with a topic.
    pub name: Option<String>,
    pub published: Option<String>,
    /// `dateCreated`: a publication date only when nothing else gives one.
    pub created: Option<String>,
    pub modified: Option<String>,
    /// Names, in order, without repeats.
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

/// schema.org types that are an article (the `Article` type and its descendants).
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SatiricalArticle",
    "AdvertiserContentArticle",
    "Report",
];

/// How deep arrays and `@graph`s are searched for the article object.
const MAX_SEARCH_DEPTH: usize = 4;
/// Authors kept: a byline, not a masthead.
const MAX_AUTHORS: usize = 12;

/// The first article object found in `scripts`, read.
pub fn article(scripts: &[String]) -> Option<LdArticle> {
    scripts
        .iter()
        .filter_map(|script| parse(script))
        .find_map(|value| find_article(&value, 0).map(read))
}

/// A script's JSON, forgiving the wrappers pages put around it (`<!-- -->`, CDATA, a `;`).
fn parse(script: &str) -> Option<Value> {
    let mut text = script.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        text = text.strip_prefix(open).unwrap_or(text).trim();
        text = text.strip_suffix(close).unwrap_or(text).trim();
    }
    let text = text.strip_suffix(';').unwrap_or(text);
    // serde_json refuses nesting deeper than 128 levels with an error, never a stack overflow.
    serde_json::from_str(text).ok()
}

fn find_article(value: &Value, depth: usize) -> Option<&Map<String, Value>> {
    if depth > MAX_SEARCH_DEPTH {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(object) if is_article(object) => Some(object),
        // A graph of objects, or a page whose main entity is the article.
        Value::Object(object) => ["@graph", "mainEntity"]
            .iter()
            .filter_map(|key| object.get(*key))
            .find_map(|inner| find_article(inner, depth + 1)),
        _ => None,
    }
}

fn is_article(object: &Map<String, Value>) -> bool {
    let is_type = |t: &Value| {
        t.as_str().is_some_and(|t| {
            let t = t.rsplit('/').next().unwrap_or(t);
            ARTICLE_TYPES.contains(&t)
        })
    };
    match object.get("@type") {
        Some(Value::Array(types)) => types.iter().any(is_type),
        Some(t) => is_type(t),
        None => false,
    }
}

fn read(object: &Map<String, Value>) -> LdArticle {
    let text = |key: &str| object.get(key).and_then(string);
    let mut authors = Vec::new();
    if let Some(author) = object.get("author").or_else(|| object.get("creator")) {
        collect_names(author, &mut authors, 0);
    }
    let url = text("url").or_else(|| object.get("mainEntityOfPage").and_then(id_or_string));
    LdArticle {
        headline: text("headline"),
        name: text("name"),
        published: text("datePublished"),
        created: text("dateCreated"),
        modified: text("dateModified"),
        authors,
        publisher: object.get("publisher").and_then(name),
        url,
    }
}

/// Names from a string, an object's `name`, or an array of either.
fn collect_names(value: &Value, names: &mut Vec<String>, depth: usize) {
    if depth > MAX_SEARCH_DEPTH || names.len() >= MAX_AUTHORS {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_names(item, names, depth + 1);
            }
        }
        _ => {
            if let Some(found) = name(value).filter(|n| !names.contains(n)) {
                names.push(found);
            }
        }
    }
}

/// A person's or organisation's name: a string, an object's `name`, or the first of an array.
fn name(value: &Value) -> Option<String> {
    match value {
        Value::Object(object) => object.get("name").and_then(name),
        Value::Array(items) => items.iter().find_map(name),
        other => string(other),
    }
}

fn id_or_string(value: &Value) -> Option<String> {
    match value {
        Value::Object(object) => object.get("@id").and_then(string),
        other => string(other),
    }
}

/// A non-empty string, cleaned for display.
fn string(value: &Value) -> Option<String> {
    value.as_str().map(clean).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_one(json: &str) -> Option<LdArticle> {
        article(&[json.to_string()])
    }

    #[test]
    fn an_author_array_and_a_nested_publisher_are_read() {
        let json = r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Ferry fares fall","datePublished":"2025-03-04T08:00:00+01:00",
            "author":[{"@type":"Person","name":"Ann Bee"},"Cy Dee",{"name":"Ann Bee"}],
            "publisher":{"@type":"Organization","name":"Harbour Post","logo":{"url":"x"}},
            "mainEntityOfPage":{"@id":"https://post.example/ferry"}}"#;
        let got = read_one(json).unwrap();
        assert_eq!(got.headline.as_deref(), Some("Ferry fares fall"));
        assert_eq!(got.authors, ["Ann Bee", "Cy Dee"]);
        assert_eq!(got.publisher.as_deref(), Some("Harbour Post"));
        assert_eq!(got.published.as_deref(), Some("2025-03-04T08:00:00+01:00"));
        assert_eq!(got.url.as_deref(), Some("https://post.example/ferry"));
    }

    #[test]
    fn the_article_is_found_in_a_graph_after_other_objects() {
        let json = r#"<!-- {"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Not it"},
            {"@type":["ReportageNewsArticle"],"name":"Storm &amp; tide","author":{"name":"Eve Fay"},
             "dateModified":"2024-01-02"}]} -->"#;
        let got = read_one(json).unwrap();
        assert_eq!(got.name.as_deref(), Some("Storm & tide"));
        assert_eq!(got.authors, ["Eve Fay"]);
        assert_eq!(got.modified.as_deref(), Some("2024-01-02"));
        assert_eq!(got.published, None);
    }

    #[test]
    fn a_web_pages_main_entity_is_the_article() {
        let json = r#"{"@type":"WebPage","name":"Page","mainEntity":{"@type":"BlogPosting",
            "headline":"Tide log","author":"Gil Hart"}}"#;
        let got = read_one(json).unwrap();
        assert_eq!(got.headline.as_deref(), Some("Tide log"));
        assert_eq!(got.authors, ["Gil Hart"]);
    }

    #[test]
    fn non_articles_broken_json_and_deep_nesting_give_nothing() {
        assert_eq!(read_one(r#"{"@type":"Recipe","name":"Soup"}"#), None);
        assert_eq!(read_one("{not json"), None);
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(read_one(&deep), None);
        let scripts = [
            "{oops".to_string(),
            r#"{"@type":"Article","headline":"B"}"#.into(),
        ];
        assert_eq!(article(&scripts).unwrap().headline.as_deref(), Some("B"));
    }

    #[test]
    fn escapes_in_values_are_made_safe() {
        let json = r#"{"@type":"Article","headline":"Red \u001b[31malert","author":"A\u0007 B"}"#;
        let got = read_one(json).unwrap();
        assert_eq!(got.headline.as_deref(), Some("Red alert"));
        assert_eq!(got.authors, ["A B"]);
    }
}
