//! The word lists people extraction consults (`assets/people/`), parsed once into folded sets.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::key::fold;

/// A word-at-a-time multiplicative hash (as rustc's FxHash): the sets hold short words, for which
/// it is several times faster than the default hasher (no untrusted keys are inserted, so hash
/// flooding is no concern).
#[derive(Default)]
pub(crate) struct Fx(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Fx {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for Fx {
    #[inline]
    fn finish(&self) -> u64 {
        // The product's high bits are the well-mixed ones; the table indexes by the low bits.
        self.0.rotate_left(26)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

pub(crate) type FxBuild = BuildHasherDefault<Fx>;
type WordSet = HashSet<String, FxBuild>;

/// What a capitalised word is, as far as the lists know. One word can be in several lists.
pub(crate) struct Lexicon {
    given: WordSet,
    /// Given names that are also common words ("Will", "May"): names only mid-sentence.
    given_stopwords: WordSet,
    surnames: WordSet,
    titles: WordSet,
    stopwords: WordSet,
    org_words: WordSet,
    demonyms: WordSet,
    cues: WordSet,
    /// Countries, US states and regions, single- and multi-word (words joined by one space).
    regions: WordSet,
    /// Cities, single- and multi-word.
    cities: WordSet,
    /// First words of multi-word places ("new" for "new delhi"), to try joins only where useful.
    place_openers: WordSet,
}

/// Longest place name, in words, that [`Lexicon::place_len_at`] tries.
const MAX_PLACE_WORDS: usize = 3;

/// The lists, parsed on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

impl Lexicon {
    fn load() -> Self {
        let mut given = words(include_str!("../../assets/people/given_names_census.txt"));
        given.extend(words(include_str!(
            "../../assets/people/given_names_intl.txt"
        )));
        let stopwords = words(include_str!("../../assets/people/stopwords.txt"));
        // A word that is mostly a sentence opener ("Will", "May") is no evidence of a name.
        let given_stopwords = given
            .iter()
            .filter(|g| stopwords.contains(*g))
            .cloned()
            .collect();
        given.retain(|g| !stopwords.contains(g));
        let mut regions = lines(include_str!("../../assets/people/countries.txt"));
        regions.extend(lines(include_str!("../../assets/people/places_extra.txt")));
        let cities = lines(include_str!("../../assets/people/cities.txt"));
        let place_openers = regions
            .iter()
            .chain(&cities)
            .filter_map(|p| p.split_once(' ').map(|(first, _)| first.to_string()))
            .collect();
        Lexicon {
            given,
            given_stopwords,
            surnames: words(include_str!("../../assets/people/surnames_census.txt")),
            titles: words(include_str!("../../assets/people/titles.txt")),
            stopwords,
            org_words: words(include_str!("../../assets/people/orgs.txt")),
            demonyms: words(include_str!("../../assets/people/demonyms.txt")),
            cues: words(include_str!("../../assets/people/cues.txt")),
            regions,
            cities,
            place_openers,
        }
    }

    /// All lookups take a folded word (see [`fold`]).
    pub fn is_given(&self, folded: &str) -> bool {
        self.given.contains(folded)
    }

    /// A common (US census) surname.
    pub fn is_surname(&self, folded: &str) -> bool {
        self.surnames.contains(folded)
    }

    /// A given name that is also a common word ("will", "may").
    pub fn is_given_stopword(&self, folded: &str) -> bool {
        self.given_stopwords.contains(folded)
    }

    /// A title or role; hyphenated ones by their last part ("Secretary-General", "ex-president").
    pub fn is_title(&self, folded: &str) -> bool {
        let word = folded.trim_end_matches('.');
        self.titles.contains(word)
            || word
                .rsplit_once('-')
                .is_some_and(|(_, last)| self.titles.contains(last))
    }

    pub fn is_stopword(&self, folded: &str) -> bool {
        self.stopwords.contains(folded)
    }

    pub fn is_org_word(&self, folded: &str) -> bool {
        self.org_words.contains(folded.trim_end_matches('.'))
    }

    pub fn is_demonym(&self, folded: &str) -> bool {
        self.demonyms.contains(folded)
    }

    pub fn is_cue(&self, folded: &str) -> bool {
        self.cues.contains(folded)
    }

    /// A country, state or region ("Ukraine", "Donbas"), not a city.
    pub fn is_region(&self, folded: &str) -> bool {
        self.regions.contains(folded)
    }

    /// Any place: region or city ("Kyiv", "New Delhi" given as "new delhi").
    pub fn is_place(&self, folded: &str) -> bool {
        self.regions.contains(folded) || self.cities.contains(folded)
    }

    /// Whether the folded words, joined by spaces, are a place ("new delhi"); joins only when the
    /// first word opens a multi-word place.
    pub fn is_place_words(&self, folded_words: &[&str]) -> bool {
        match folded_words {
            [] => false,
            [one] => self.is_place(one),
            [first, ..] => {
                self.place_openers.contains(*first) && self.is_place(&folded_words.join(" "))
            }
        }
    }

    /// How many of `folded_words` (from the start) form a multi-word place name, 0 if none does.
    pub fn place_len_at(&self, folded_words: &[&str]) -> usize {
        if !folded_words
            .first()
            .is_some_and(|w| self.place_openers.contains(*w))
        {
            return 0;
        }
        let longest = folded_words.len().min(MAX_PLACE_WORDS);
        (2..=longest)
            .rev()
            .find(|&n| self.is_place(&folded_words[..n].join(" ")))
            .unwrap_or(0)
    }

    /// Words no name is made of: sentence openers, calendar words, titles, organisations,
    /// nationalities and places.
    pub fn is_never_a_name(&self, folded: &str) -> bool {
        self.is_stopword(folded)
            || self.is_title(folded)
            || self.is_org_word(folded)
            || self.is_demonym(folded)
            || self.is_place(folded)
    }
}

/// Whitespace-separated words, folded; `#` starts a comment line.
fn words(text: &str) -> WordSet {
    content_lines(text)
        .flat_map(str::split_whitespace)
        .map(fold)
        .collect()
}

/// One entry per line (entries may hold spaces), folded.
fn lines(text: &str) -> WordSet {
    content_lines(text)
        .map(|l| l.split_whitespace().map(fold).collect::<Vec<_>>().join(" "))
        .collect()
}

fn content_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_answer() {
        let lex = lexicon();
        assert!(lex.is_given("steve") && lex.is_given("volodymyr"));
        assert!(!lex.is_given("may"), "stopwords win over given names");
        assert!(lex.is_title("mr.") && lex.is_title("president"));
        assert!(lex.is_region("ukraine") && lex.is_place("kyiv") && lex.is_place("new delhi"));
        assert!(lex.is_demonym("ukrainian") && lex.is_cue("said"));
        assert_eq!(lex.place_len_at(&["new", "delhi", "on"]), 2);
        assert_eq!(lex.place_len_at(&["steve", "witkoff"]), 0);
    }
}
