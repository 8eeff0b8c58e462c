//! Small pieces of SQL text the compiler, the plans and the bulk changes share: id lists,
//! FTS5 phrases, and the article sets of words and people.

/// The articles matching the words whose MATCH text is `params[at]`. Parameters are numbered
/// (`?N`), so conditions can be reordered without changing what binds where.
pub(super) fn fts_rowids(at: usize) -> String {
    format!(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?{}",
        at + 1
    )
}

/// The articles that mention any of `ids`.
pub(super) fn people_articles(ids: &str) -> String {
    format!("SELECT article_id FROM mentions WHERE person_id IN ({ids})")
}

/// Integer ids inlined into SQL (they come from the store, never from the user); `NULL` when
/// empty, so `x IN (NULL)` matches nothing.
pub(super) fn id_list(ids: &[i64]) -> String {
    if ids.is_empty() {
        return "NULL".to_string();
    }
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// An FTS5 phrase for user text: the tokens as one double-quoted string (quotes doubled), so no
/// input is read as FTS5 syntax. `None` when the text holds no letter or digit.
pub(super) fn fts_phrase(text: &str) -> Option<String> {
    if !text.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(format!("\"{}\"", text.replace('"', "\"\"")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_phrase_quotes_and_doubles_quotes() {
        assert_eq!(fts_phrase("a\"b").as_deref(), Some("\"a\"\"b\""));
        assert_eq!(
            fts_phrase("NOT OR AND *").as_deref(),
            Some("\"NOT OR AND *\"")
        );
        assert_eq!(fts_phrase("*()^"), None);
    }
}
