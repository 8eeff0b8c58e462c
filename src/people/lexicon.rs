//! The word lists people extraction consults (`assets/people/`), parsed once into folded sets.

use std::collections::{HashMap, HashSet};
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
            self.add(tail_word(rest) ^ ((rest.len() as u64) << 59));
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

/// The 1 to 7 bytes of `rest` as a little-endian word padded with zeros, read as two overlapping
/// loads instead of a copy of variable length (which is a `memcpy` call).
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    match n {
        4.. => u64::from(le32(rest)) | (u64::from(le32(&rest[n - 4..])) << ((n - 4) * 8)),
        2.. => u64::from(le16(rest)) | (u64::from(le16(&rest[n - 2..])) << ((n - 2) * 8)),
        _ => rest.first().map_or(0, |&b| u64::from(b)),
    }
}

fn le32(bytes: &[u8]) -> u32 {
    u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])
}

fn le16(bytes: &[u8]) -> u16 {
    u16::from_le_bytes([bytes[0], bytes[1]])
}

pub(crate) type FxBuild = BuildHasherDefault<Fx>;
type WordSet = HashSet<String, FxBuild>;

const GIVEN: u16 = 1;
const GIVEN_STOPWORD: u16 = 1 << 1;
const SURNAME: u16 = 1 << 2;
const TITLE: u16 = 1 << 3;
const STOPWORD: u16 = 1 << 4;
const ORG: u16 = 1 << 5;
const DEMONYM: u16 = 1 << 6;
const CUE: u16 = 1 << 7;
const REGION: u16 = 1 << 8;
const CITY: u16 = 1 << 9;
/// First word of a multi-word place ("new" of "new delhi"): joins are tried only after one.
const PLACE_OPENER: u16 = 1 << 10;
/// A company, brand or product made of name-like words ("morgan stanley", see `brands.txt`).
const BRAND: u16 = 1 << 11;
/// First word of a brand: the whole run is looked up only after one.
const BRAND_OPENER: u16 = 1 << 12;
/// A given name of the US census list (not the international one, which holds family names
/// written first, "Xi" and "Wang").
const CENSUS_GIVEN: u16 = 1 << 13;

/// What the lists say of one folded word, from one lookup: which lists hold it. The title and
/// organisation answers are [`Lexicon::facts`]'s (a trailing dot trimmed, a hyphenated title by
/// its last part).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Facts(u16);

impl Facts {
    #[inline]
    fn has(self, bits: u16) -> bool {
        self.0 & bits != 0
    }

    /// A given name that is no common word.
    pub fn given(self) -> bool {
        self.has(GIVEN)
    }

    /// A given name that is also a common word ("will", "may").
    pub fn given_stopword(self) -> bool {
        self.has(GIVEN_STOPWORD)
    }

    pub fn title(self) -> bool {
        self.has(TITLE)
    }

    pub fn stopword(self) -> bool {
        self.has(STOPWORD)
    }

    pub fn org_word(self) -> bool {
        self.has(ORG)
    }

    pub fn demonym(self) -> bool {
        self.has(DEMONYM)
    }

    pub fn cue(self) -> bool {
        self.has(CUE)
    }

    pub fn region(self) -> bool {
        self.has(REGION)
    }

    /// Region or city.
    pub fn place(self) -> bool {
        self.has(REGION | CITY)
    }

    pub fn place_opener(self) -> bool {
        self.has(PLACE_OPENER)
    }

    /// See [`Lexicon::is_never_a_name`].
    pub fn never_a_name(self) -> bool {
        self.has(STOPWORD | TITLE | ORG | DEMONYM | REGION | CITY)
    }
}

/// What a capitalised word is, as far as the lists know: each folded word (or multi-word place,
/// words joined by one space) with the lists that hold it. One word can be in several lists.
pub(crate) struct Lexicon {
    flags: HashMap<String, u16, FxBuild>,
}

/// Longest place name, in words, that [`Lexicon::place_len_at`] tries.
pub(crate) const MAX_PLACE_WORDS: usize = 3;

/// The lists, parsed on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

impl Lexicon {
    fn load() -> Self {
        let census_given = words(include_str!("../../assets/people/given_names_census.txt"));
        let mut given = census_given.clone();
        given.extend(words(include_str!(
            "../../assets/people/given_names_intl.txt"
        )));
        let stopwords = words(include_str!("../../assets/people/stopwords.txt"));
        // A word that is mostly a sentence opener ("Will", "May") is no evidence of a name.
        let given_stopwords: WordSet = given
            .iter()
            .filter(|g| stopwords.contains(*g))
            .cloned()
            .collect();
        given.retain(|g| !stopwords.contains(g));
        let mut regions = lines(include_str!("../../assets/people/countries.txt"));
        regions.extend(lines(include_str!("../../assets/people/places_extra.txt")));
        let cities = lines(include_str!("../../assets/people/cities.txt"));
        let place_openers: WordSet = regions
            .iter()
            .chain(&cities)
            .filter_map(|p| p.split_once(' ').map(|(first, _)| first.to_string()))
            .collect();
        let brands = lines(include_str!("../../assets/people/brands.txt"));
        let brand_openers: WordSet = brands
            .iter()
            .filter_map(|b| b.split_once(' ').map(|(first, _)| first.to_string()))
            .collect();
        let mut flags = HashMap::default();
        for (set, bit) in [
            (given, GIVEN),
            (census_given, CENSUS_GIVEN),
            (given_stopwords, GIVEN_STOPWORD),
            (
                words(include_str!("../../assets/people/surnames_census.txt")),
                SURNAME,
            ),
            (words(include_str!("../../assets/people/titles.txt")), TITLE),
            (stopwords, STOPWORD),
            (words(include_str!("../../assets/people/orgs.txt")), ORG),
            (
                words(include_str!("../../assets/people/demonyms.txt")),
                DEMONYM,
            ),
            (words(include_str!("../../assets/people/cues.txt")), CUE),
            (regions, REGION),
            (cities, CITY),
            (place_openers, PLACE_OPENER),
            (brands, BRAND),
            (brand_openers, BRAND_OPENER),
        ] {
            for word in set {
                *flags.entry(word).or_insert(0) |= bit;
            }
        }
        Lexicon { flags }
    }

    /// The lists holding exactly this key.
    #[inline]
    fn flags(&self, key: &str) -> u16 {
        self.flags.get(key).copied().unwrap_or(0)
    }

    /// What the lists say of a folded word (see [`fold`]): one lookup for most words, more for a
    /// word ending in a dot or holding a hyphen (titles and organisation words are looked up
    /// without the dot, titles also by their last hyphen part: "secretary-general").
    pub fn facts(&self, folded: &str) -> Facts {
        let whole = self.flags(folded);
        let bytes = folded.as_bytes();
        if bytes.last() != Some(&b'.') && !bytes.contains(&b'-') {
            return Facts(whole);
        }
        let word = folded.trim_end_matches('.');
        let trimmed = if word.len() == folded.len() {
            whole
        } else {
            self.flags(word)
        };
        let last_part = word.rsplit_once('-').map_or(0, |(_, l)| self.flags(l));
        Facts((whole & !(TITLE | ORG)) | (trimmed & (TITLE | ORG)) | (last_part & TITLE))
    }

    /// All lookups take a folded word (see [`fold`]).
    pub fn is_given(&self, folded: &str) -> bool {
        self.flags(folded) & GIVEN != 0
    }

    /// A given name of the US census list.
    pub fn is_census_given(&self, folded: &str) -> bool {
        self.flags(folded) & CENSUS_GIVEN != 0
    }

    /// A common (US census) surname.
    pub fn is_surname(&self, folded: &str) -> bool {
        self.flags(folded) & SURNAME != 0
    }

    /// Any place: region or city ("Kyiv", "New Delhi" given as "new delhi").
    pub fn is_place(&self, folded: &str) -> bool {
        self.flags(folded) & (REGION | CITY) != 0
    }

    /// Whether the folded words, joined by spaces, are a place ("new delhi"); joins only when the
    /// first word opens a multi-word place.
    pub fn is_place_words(&self, folded_words: &[&str]) -> bool {
        match folded_words {
            [] => false,
            [one] => self.is_place(one),
            [first, ..] => {
                self.flags(first) & PLACE_OPENER != 0 && self.is_place(&folded_words.join(" "))
            }
        }
    }

    /// Whether the folded words, joined by spaces, name a company, brand or product ("morgan
    /// stanley"); joins only when the first word opens one.
    pub fn is_brand_words(&self, folded_words: &[&str]) -> bool {
        match folded_words {
            [first, _, ..] if self.flags(first) & BRAND_OPENER != 0 => {
                self.flags(&folded_words.join(" ")) & BRAND != 0
            }
            _ => false,
        }
    }

    /// How many of `folded_words` (from the start) form a multi-word place name, 0 if none does.
    pub fn place_len_at(&self, folded_words: &[&str]) -> usize {
        let opener = folded_words.first().map_or(0, |w| self.flags(w)) & PLACE_OPENER;
        if opener == 0 {
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
        self.facts(folded).never_a_name()
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
    fn tail_words_are_zero_padded_little_endian() {
        let bytes = *b"abcdefg";
        for n in 1..8 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail_word(&bytes[..n]), u64::from_le_bytes(padded));
        }
    }

    #[test]
    fn lists_load_and_answer() {
        let lex = lexicon();
        assert!(lex.is_given("steve") && lex.is_given("volodymyr"));
        assert!(!lex.is_given("may"), "stopwords win over given names");
        assert!(lex.facts("mr.").title() && lex.facts("president").title());
        assert!(lex.facts("ex-president").title() && lex.facts("corp.").org_word());
        assert!(lex.facts("ukraine").region() && lex.is_place("kyiv") && lex.is_place("new delhi"));
        assert!(lex.facts("ukrainian").demonym() && lex.facts("said").cue());
        assert!(lex.facts("may").stopword() && !lex.facts("may").given());
        assert_eq!(lex.place_len_at(&["new", "delhi", "on"]), 2);
        assert_eq!(lex.place_len_at(&["steve", "witkoff"]), 0);
        assert!(lex.is_brand_words(&["morgan", "stanley"]) && !lex.is_brand_words(&["morgan"]));
        assert!(!lex.is_brand_words(&["morgan", "freeman"]));
    }
}
