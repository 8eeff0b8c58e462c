//! Credit lines closing wire copy ("Reporting by A and B; Editing by C", "(Writing by D in
//! Paris)"): who reported and wrote a story when no byline says so. Editors are credited but
//! are not authors.

use super::names::{join_names, people_list};
use crate::model::{Block, BlockKind};

/// Credits that name the story's reporters or writers (`true`) or someone else (`false`).
const ROLES: [(&str, bool); 12] = [
    ("reporting by", true),
    ("additional reporting by", true),
    ("reporting and writing by", true),
    ("writing by", true),
    ("written by", true),
    ("compiled by", true),
    ("editing by", false),
    ("edited by", false),
    ("additional editing by", false),
    ("graphics by", false),
    ("photos by", false),
    ("video by", false),
];

/// Credit lines are short; a longer paragraph is prose.
const MAX_CREDIT_CHARS: usize = 300;

/// The reporters and writers of a credit line, or `None` when the line is not one: every
/// `;`-separated clause must be a known credit followed by a list of names.
pub fn credited_authors(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    if line.chars().count() > MAX_CREDIT_CHARS {
        return None;
    }
    let inner = line.strip_prefix('(').unwrap_or(line);
    let inner = inner.strip_suffix(')').unwrap_or(inner).trim();
    let inner = inner.strip_suffix('.').unwrap_or(inner);
    let mut authors: Vec<String> = Vec::new();
    let clauses: Vec<&str> = inner
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    if clauses.is_empty() {
        return None;
    }
    for clause in clauses {
        let lower = clause.to_lowercase();
        let (role, is_author) = ROLES.iter().find(|(r, _)| lower.starts_with(r))?;
        let names = people_list(clause.get(role.len()..)?)?;
        if *is_author {
            for name in names {
                if !authors.contains(&name) {
                    authors.push(name);
                }
            }
        }
    }
    Some(authors)
}

/// The authors credited by the body's last paragraph ("A and B", "A, B and C"), if any.
pub fn body_authors(body: &[Block]) -> Option<String> {
    let last = body.iter().rev().find(|b| b.kind == BlockKind::Paragraph)?;
    let authors = credited_authors(&last.text)?;
    (!authors.is_empty()).then(|| join_names(&authors))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authors(line: &str) -> Option<String> {
        credited_authors(line).map(|a| join_names(&a))
    }

    #[test]
    fn reporters_and_writers_are_authors_editors_are_not() {
        assert_eq!(
            authors("Reporting by Ana Brisk and Leo Maddox; Additional reporting by Ines Varga; Editing by Oskar Lind").as_deref(),
            Some("Ana Brisk, Leo Maddox and Ines Varga")
        );
        assert_eq!(
            authors("Writing by Marta Quill").as_deref(),
            Some("Marta Quill")
        );
        assert_eq!(
            authors("(Reporting by Tomas Ferrante in Bramley; editing by Oskar Dunne)").as_deref(),
            Some("Tomas Ferrante")
        );
        assert_eq!(authors("Editing by Oskar Dunne").as_deref(), Some(""));
    }

    #[test]
    fn prose_is_not_a_credit_line() {
        for line in [
            "Writing by hand is a lost art, she said.",
            "Reporting by the ministry was thin; officials declined to comment.",
            "The council met on Monday.",
            "",
        ] {
            assert_eq!(credited_authors(line), None, "{line:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(line in "\\PC{0,80}") {
            let _ = credited_authors(&line);
            let _ = credited_authors(&format!("Reporting by {line}"));
        }
    }
}
