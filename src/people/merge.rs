//! Deciding whether two written names are one person: within an article and across articles.

use super::key::{is_hyphen, is_suffix_key, token_key};

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
    /// Key of the surname: the last word that is not a suffix, or a hyphenated word's last part
    /// (see [`super::surname_key`]).
    pub surname: String,
    /// Key of the first given name, if the name has one ("j" for "J. Smith", "jean" for
    /// "Jean-Paul Fairweather").
    pub given: Option<String>,
    /// The key right after the given name when that is hyphenated ("paul" for "Jean-Paul") or
    /// followed by another given name ("paul" for "Jean Paul Fairweather"): compared only when one
    /// side's given name is hyphenated, so "Jean-Paul" meets "Jean Paul" but not "Jean-Claude".
    second: Option<String>,
    compound_given: bool,
}

impl NameParts {
    pub fn of(name: &str) -> Self {
        // Each key with the index of the written word it comes from.
        let keys: Vec<(usize, String)> = name
            .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
            .filter(|w| !w.is_empty())
            .enumerate()
            .flat_map(|(i, w)| w.split(is_hyphen).map(move |part| (i, token_key(part))))
            .filter(|(_, k)| !k.is_empty())
            .collect();
        let Some(surname_at) = keys.iter().rposition(|(_, k)| !is_suffix_key(k)) else {
            return NameParts {
                surname: keys.last().map(|(_, k)| k.clone()).unwrap_or_default(),
                given: None,
                second: None,
                compound_given: false,
            };
        };
        let surname_word = keys[surname_at].0;
        // A given name is never part of the surname's own word ("Vasquez-Lind" alone has none), and
        // never starts with a particle ("van der Pas" has none either).
        let given_at = keys[..surname_at]
            .iter()
            .position(|(w, k)| *w != surname_word && !SURNAME_PARTICLES.contains(&k.as_str()));
        let given_word = given_at.map(|g| keys[g].0);
        let second = given_at
            .and_then(|g| keys.get(g + 1).filter(|_| g + 1 < surname_at))
            .filter(|(w, _)| *w != surname_word)
            .map(|(_, k)| k.clone());
        let compound_given =
            given_word.is_some_and(|gw| keys.iter().filter(|(w, _)| *w == gw).count() > 1);
        NameParts {
            surname: keys[surname_at].1.clone(),
            given: given_at.map(|g| keys[g].1.clone()),
            second,
            compound_given,
        }
    }

    /// [`same_person`] on names already taken apart.
    pub fn same_person(&self, other: &NameParts) -> bool {
        !self.surname.is_empty() && self.surname == other.surname && given_names_agree(self, other)
    }
}

fn given_names_agree(a: &NameParts, b: &NameParts) -> bool {
    match (a.given.as_deref(), b.given.as_deref()) {
        (Some(x), Some(y)) if x == y || same_transliteration(x, y) => {
            !(a.compound_given || b.compound_given) || a.second == b.second
        }
        (Some(x), Some(y)) => is_initial_of(x, y) || is_initial_of(y, x),
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
    fn hyphen_and_space_spellings_merge() {
        assert!(same_person(
            "Jean-Paul Fairweather",
            "Jean Paul Fairweather"
        ));
        assert!(same_person("Teodor Vasquez-Lind", "Teodor Vasquez Lind"));
        assert!(same_person("Teodor Vasquez-Lind", "Vasquez-Lind"));
        assert!(same_person("Rafael Okonkwo-Strand", "Okonkwo-Strand"));
        assert!(same_person("Jean-Paul Fairweather", "J. Fairweather"));
        assert!(same_person("Jean-Paul Fairweather", "Fairweather"));
        assert!(same_person("Bashar al-Assad", "al-Assad"));
        assert!(!same_person(
            "Jean-Paul Fairweather",
            "Jean-Claude Fairweather"
        ));
        assert!(!same_person("Jean-Paul Fairweather", "Jean Fairweather"));
        assert!(!same_person("Teodor Vasquez-Lind", "Marek Vasquez-Lind"));
        assert!(!same_person("Ingrid Halvorsen-Moss", "Kate Moss"));
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
