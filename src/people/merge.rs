//! Deciding whether two written names are one person: within an article and across articles.

use super::key::{is_suffix_key, token_key};

/// Lowercase words that belong to a surname rather than being a given name ("van", "bin").
const SURNAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la", "du", "dos", "das",
    "bin", "ibn", "al", "el", "ter", "ten", "zu", "y",
];

/// Whether two names, each a canonical or surface form, are conservatively the same person.
///
/// They must share a surname key (see [`super::surname_key`]: case, accents and transliteration
/// endings folded), and their given names must not disagree: a name without a given name matches any
/// ("Zelenskyy" ~ "Volodymyr Zelenskyy"), an initial matches a given name with that letter
/// ("V. Zelensky" ~ "Volodymyr Zelenskyy"), otherwise the first given names must be equal
/// ("Marta Kessler" !~ "Tomas Kessler"). Middle names and suffixes are ignored. The store uses
/// this to merge people across articles; it never merges two different full given names.
pub fn same_person(a: &str, b: &str) -> bool {
    NameParts::of(a).same_person(&NameParts::of(b))
}

/// The parts of a name that matching compares.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct NameParts {
    /// Key of the surname (the last word that is not a suffix).
    pub surname: String,
    /// Key of the first given name, if the name has one ("j" for "J. Smith").
    pub given: Option<String>,
}

impl NameParts {
    pub fn of(name: &str) -> Self {
        let keys: Vec<String> = name
            .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
            .map(token_key)
            .filter(|k| !k.is_empty())
            .collect();
        let Some(surname_at) = keys.iter().rposition(|k| !is_suffix_key(k)) else {
            return NameParts {
                surname: keys.last().cloned().unwrap_or_default(),
                given: None,
            };
        };
        let given = keys[..surname_at]
            .iter()
            .find(|k| !SURNAME_PARTICLES.contains(&k.as_str()))
            .cloned();
        // A particle run right before the surname belongs to it ("van der Pas"); a given name
        // never starts with one, so `given` above already skipped them.
        NameParts {
            surname: keys[surname_at].clone(),
            given,
        }
    }

    /// [`same_person`] on names already taken apart.
    pub fn same_person(&self, other: &NameParts) -> bool {
        !self.surname.is_empty()
            && self.surname == other.surname
            && given_names_agree(self.given.as_deref(), other.given.as_deref())
    }
}

fn given_names_agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a == b || is_initial_of(a, b) || is_initial_of(b, a) || same_transliteration(a, b)
        }
        _ => true,
    }
}

/// Given names that transliterations of one name disagree on only in y/i ("Dmytro", "Dmitro";
/// "Andriy", "Andrii"). Both must be longer than three letters: short names differ too easily.
fn same_transliteration(a: &str, b: &str) -> bool {
    let fold = |s: &str| s.replace('y', "i");
    a.len() > 3 && b.len() > 3 && fold(a) == fold(b)
}

/// "v" is the initial of "volodymyr".
fn is_initial_of(initial: &str, name: &str) -> bool {
    let mut chars = initial.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if name.starts_with(c) && name.len() > 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surname_forms_and_initials_merge() {
        assert!(same_person("Volodymyr Zelenskyy", "Zelenskyy"));
        assert!(same_person("Volodymyr Zelenskyy", "V. Zelensky"));
        assert!(same_person("zelenskiy", "ZELENSKYY"));
        assert!(same_person("George W. Bush", "George Bush"));
        assert!(same_person("Martin Luther King Jr.", "King"));
        assert!(same_person("Nikolaus van der Pas", "van der Pas"));
        assert!(same_person("Dmytro Kovalenskyy", "Dmitro Kovalensky"));
        assert!(same_person("Andriy Hnatov", "Andrii Hnatov"));
    }

    #[test]
    fn different_given_names_or_surnames_do_not() {
        assert!(!same_person("Marta Kessler", "Tomas Kessler"));
        assert!(!same_person("M. Kessler", "Tomas Kessler"));
        assert!(!same_person("Marta Kessler", "Marta Keller"));
        assert!(
            !same_person("Lyn Brown", "Lin Brown"),
            "short names stay apart"
        );
        assert!(!same_person("", ""));
        assert!(!same_person("Kessler", ""));
    }
}
