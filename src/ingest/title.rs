//! Choosing the title from an article's first line, including the rule for first lines too long
//! to be a headline.

/// A first line longer than this is body text, not a headline.
pub const MAX_TITLE_CHARS: usize = 300;
/// A long line's first sentence becomes the title when it is at most this long...
const MAX_SENTENCE_TITLE_CHARS: usize = 120;
/// ...otherwise the title is the line's first words, cut at a word boundary within this many
/// chars and ended with an ellipsis.
const SHORT_TITLE_CHARS: usize = 80;

/// The title made from a first line, and whether that line must also stay in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// Trimmed, never containing a newline.
    pub text: String,
    /// True when the line was too long to be a headline: it is then the body's first paragraph.
    pub line_is_body: bool,
}

/// The title for a (sanitized, single) first line.
pub fn title_from_line(line: &str) -> Title {
    let line = line.trim();
    if line.chars().count() <= MAX_TITLE_CHARS {
        return Title {
            text: line.to_string(),
            line_is_body: false,
        };
    }
    let text = first_sentence(line).unwrap_or_else(|| first_words(line));
    Title {
        text,
        line_is_body: true,
    }
}

/// The first sentence, when it ends (". ", "! ", "? ") within the sentence-title limit.
fn first_sentence(line: &str) -> Option<String> {
    let mut previous = ' ';
    for (count, (i, c)) in line.char_indices().enumerate() {
        if count > MAX_SENTENCE_TITLE_CHARS {
            return None;
        }
        if c == ' ' && matches!(previous, '.' | '!' | '?') {
            return line.get(..i).map(|s| s.trim().to_string());
        }
        previous = c;
    }
    None
}

/// The words that fit in the short-title limit, plus "…". A first word longer than the limit is
/// cut mid-word.
fn first_words(line: &str) -> String {
    let mut title = String::new();
    for word in line.split_whitespace() {
        let needed = title.chars().count() + usize::from(!title.is_empty()) + word.chars().count();
        if needed > SHORT_TITLE_CHARS {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    if title.is_empty() {
        title = line.chars().take(SHORT_TITLE_CHARS).collect();
    }
    title.push('…');
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_line_is_the_title() {
        let t = title_from_line("  Envoys Meet In Harbour City  ");
        assert_eq!(
            t,
            Title {
                text: "Envoys Meet In Harbour City".into(),
                line_is_body: false
            }
        );
    }

    #[test]
    fn long_line_gives_first_sentence() {
        let line = format!(
            "Envoys met on Saturday. {}",
            "More words follow here. ".repeat(20)
        );
        let t = title_from_line(&line);
        assert_eq!(t.text, "Envoys met on Saturday.");
        assert!(t.line_is_body);
    }

    #[test]
    fn long_line_without_early_sentence_end_gives_words_and_ellipsis() {
        let line = "word ".repeat(100);
        let t = title_from_line(&line);
        assert!(t.text.ends_with('…'));
        assert!(t.text.chars().count() <= SHORT_TITLE_CHARS + 1);
        assert!(t.text.starts_with("word word"));
        let blob = "x".repeat(400);
        assert_eq!(
            title_from_line(&blob).text.chars().count(),
            SHORT_TITLE_CHARS + 1
        );
    }

    #[test]
    fn exactly_at_the_limit_is_still_a_title() {
        let line = "a".repeat(MAX_TITLE_CHARS);
        assert!(!title_from_line(&line).line_is_body);
    }
}
