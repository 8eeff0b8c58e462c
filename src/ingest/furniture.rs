//! Site furniture around a story: copyright notices, newsletter boxes, share prompts. None of it
//! is article text, so the wire parser cuts it from the end of the body.

/// "Copyright (c) 2025. Outlet, Inc. ...", "© 2025 Outlet", "... All rights reserved."
pub fn is_copyright(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    lower.starts_with("copyright")
        || lower.starts_with('©')
        || lower.starts_with("(c) ")
        || lower.contains("all rights reserved")
}

/// Phrases only page chrome uses.
const CHROME_PHRASES: [&str; 6] = [
    "mailing list",
    "sign up for",
    "subscribe to",
    "share this",
    "follow us on",
    "newsletter",
];

/// Box rules and separators ("|", "----"), boxed prompts ("| Join the ... mailing list |"),
/// shouted labels ("NEWSLETTER", "ADVERTISEMENT") and chrome phrases.
pub fn is_furniture(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() {
        return false;
    }
    let rule = line
        .chars()
        .all(|c| matches!(c, '|' | '-' | '=' | '*' | '_' | '~' | '#' | ' '));
    let boxed = line.len() > 1 && line.starts_with('|') && line.ends_with('|');
    let lower = line.to_lowercase();
    let chrome = line.chars().count() < 80 && CHROME_PHRASES.iter().any(|p| lower.contains(p));
    rule || boxed || is_shouted_label(line) || chrome || is_copyright(line)
}

/// One to three capitalised words with no lower-case letter and no digit: a page label.
fn is_shouted_label(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=3).contains(&words)
        && line.chars().any(char::is_uppercase)
        && !line.chars().any(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// The index just past the last line that is neither blank nor furniture.
pub fn content_end(lines: &[&str]) -> usize {
    lines
        .iter()
        .rposition(|l| !l.trim().is_empty() && !is_furniture(l))
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copyright_lines() {
        assert!(is_copyright(
            "Copyright (c) 2025. Example Media, Inc. Reprinted with permission."
        ));
        assert!(is_copyright("© 2025 Northwind Courier"));
        assert!(is_copyright("Northwind Courier 2025. All rights reserved."));
        assert!(!is_copyright(
            "The copyright dispute went to court on Monday."
        ));
    }

    #[test]
    fn newsletter_box() {
        for line in [
            "|",
            "NEWSLETTER",
            "| Join the Example.org mailing list |",
            "-----",
            " | | ",
        ] {
            assert!(is_furniture(line), "line {line:?}");
        }
    }

    #[test]
    fn prose_is_not_furniture() {
        for line in [
            "",
            "Officials met on Saturday.",
            "The ministry said 9,500 customers were without heat.",
            "Talks Resume In Capital",
            "A US summary said both parties agreed.",
        ] {
            assert!(!is_furniture(line), "line {line:?}");
        }
    }

    #[test]
    fn content_end_skips_trailing_chrome() {
        let lines = [
            "Title",
            "Body text.",
            "",
            "|",
            "NEWSLETTER",
            "| Join the list |",
            "|",
            "",
        ];
        assert_eq!(content_end(&lines), 2);
        assert_eq!(content_end(&["|", ""]), 0);
        assert_eq!(content_end(&[]), 0);
    }
}
