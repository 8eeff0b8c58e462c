//! The page's main text: `dom_smoothie` (a port of Mozilla's Readability) picks the article's
//! element out of the page, bounded by element count and nesting depth, and never trusted not
//! to panic.

use std::panic::{catch_unwind, AssertUnwindSafe};

use dom_smoothie::{Config, Readability};

use super::scan::Scan;

/// Pages with more elements than this are not given to Readability (it builds a tree of them
/// all and scores it several times): a long Wikipedia page has about 30,000.
pub const MAX_ELEMENTS: usize = 150_000;

/// Pages nesting deeper than this are not given to Readability, whose tree walks may recurse:
/// real pages nest a few dozen levels (a few hundred with unclosed inline tags), and 20,000
/// levels still parsed on a 2 MiB stack when this was set.
pub const MAX_DEPTH: usize = 5_000;

/// The article element Readability chose.
#[derive(Debug, Clone, Default)]
pub struct Main {
    /// Its HTML (a fragment; scripts and styles already gone).
    pub html: String,
    /// A byline Readability found in the text (`rel=author`, a `byline` class), as written.
    pub byline: Option<String>,
    /// Readability's quick judgement of whether the page is an article at all.
    pub readable: bool,
}

/// Why no main text was looked for or found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skipped {
    TooManyElements,
    TooDeep,
    NotFound,
}

/// Finds the page's main element. Its links are left as the page wrote them: the HTML
/// converter resolves them and keeps only those [`crate::links::openable`] accepts (Readability's
/// own resolver would turn `java&#9;script:` into a path on the page's site).
pub fn main_text(html: &str, scan: &Scan) -> Result<Main, Skipped> {
    if scan.elements > MAX_ELEMENTS {
        return Err(Skipped::TooManyElements);
    }
    if scan.max_depth > MAX_DEPTH {
        return Err(Skipped::TooDeep);
    }
    catch_unwind(AssertUnwindSafe(|| readability(html)))
        .ok()
        .flatten()
        .ok_or(Skipped::NotFound)
}

fn readability(html: &str) -> Option<Main> {
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut reader = Readability::new(html, None, Some(config)).ok()?;
    let readable = reader.is_probably_readable();
    let article = reader.parse().ok()?;
    Some(Main {
        html: article.content.to_string(),
        byline: article.byline,
        readable,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::scan::scan;

    fn main_of(html: &str) -> Result<Main, Skipped> {
        main_text(html, &scan(html))
    }

    #[test]
    fn the_article_is_chosen_over_navigation_and_footer() {
        let para = "The harbour board met on Tuesday and agreed, after a long debate about \
            fares and timetables, that the ferry would run every hour through the winter. ";
        let html = format!(
            "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>
            <article><h1>Ferry</h1><p>{p}</p><p>{p}</p><p>{p}</p></article>
            <footer>Copyright Harbour Post</footer></body></html>",
            p = para.repeat(2)
        );
        let main = main_of(&html).unwrap();
        assert!(main.html.contains("harbour board"), "{}", main.html);
        assert!(!main.html.contains("Copyright"), "{}", main.html);
        assert!(main.readable);
    }

    #[test]
    fn too_many_or_too_deep_elements_are_not_parsed() {
        let many = "<div></div>".repeat(MAX_ELEMENTS + 1);
        assert_eq!(main_of(&many).unwrap_err(), Skipped::TooManyElements);
        let deep = "<div>".repeat(MAX_DEPTH + 1);
        assert_eq!(main_of(&deep).unwrap_err(), Skipped::TooDeep);
    }
}
