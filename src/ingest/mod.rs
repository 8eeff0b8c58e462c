//! Import parsers: pure functions from a file's bytes to a [`ParsedArticle`], chosen by content.

use crate::model::{Article, ParsedArticle};

/// Why a file could not be made into an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    #[error("the file is empty")]
    Empty,
    #[error("the file looks binary, not text")]
    Binary,
    #[error("no title found: the file has no text line")]
    NoTitle,
}

/// Parses an article file's bytes. Fields that cannot be found stay empty.
pub fn parse(bytes: &[u8]) -> Result<ParsedArticle, IngestError> {
    let _ = bytes;
    Err(IngestError::Empty)
}

/// Where a file came from, for the source fallbacks.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// `import --source NAME`.
    pub source_override: Option<String>,
    /// The name of the folder holding the file.
    pub parent_folder: Option<String>,
}

/// Settles the source (text, then `--source`, then URL domain, then parent folder) and finds the
/// people: everything derived from a parsed article.
pub fn derive(parsed: ParsedArticle, origin: &Origin) -> Article {
    let source = parsed
        .source
        .clone()
        .or_else(|| origin.source_override.clone())
        .or_else(|| parsed.url.as_deref().and_then(url_domain))
        .or_else(|| origin.parent_folder.clone());
    let people = crate::people::extract(&parsed.title, &parsed.body);
    Article {
        parsed,
        source,
        people,
    }
}

/// The host of a URL without a leading `www.` ("https://www.rferl.org/a/1" gives "rferl.org").
pub fn url_domain(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string())
}
