//! A deterministic, seeded corpus of fictional wire stories in the layout byline's parser reads.
//!
//! Article `i` depends only on the seed and `i`, so a corpus of 1,000 is a prefix of 10,000.
//! People are drawn Zipf(1.1) from 5,000 invented names, outlets with skewed weights, dates
//! uniformly over 2023-01-01..=2025-12-31, bodies of 300-900 words.

use std::collections::HashSet;
use std::path::Path;

use chrono::{Days, NaiveDate};
use rayon::prelude::*;

use super::words::*;

/// The fixed seed of every benchmark corpus.
pub const SEED: u64 = 0x6279_6c69_6e65;
pub const PEOPLE: usize = 5_000;
const INVENTED_WORDS: usize = 3_000;
const PLACES: usize = 80;
const DAYS: usize = 1_096; // 2023-01-01..=2025-12-31

/// splitmix64: tiny, fast and good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// Uniform in lo..=hi.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A discrete distribution sampled by binary search over its cumulative weights.
struct Cdf(Vec<f64>);

impl Cdf {
    fn from_weights(weights: impl Iterator<Item = f64>) -> Cdf {
        let mut acc = 0.0;
        let mut cdf: Vec<f64> = weights
            .map(|w| {
                acc += w;
                acc
            })
            .collect();
        cdf.iter_mut().for_each(|c| *c /= acc);
        Cdf(cdf)
    }

    fn zipf(n: usize, s: f64) -> Cdf {
        Cdf::from_weights((1..=n).map(|k| 1.0 / (k as f64).powf(s)))
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let u = rng.unit();
        self.0.partition_point(|&c| c <= u).min(self.0.len() - 1)
    }
}

/// An invented person with the role they are introduced with.
pub struct Person {
    pub given: String,
    pub surname: String,
    pub role: &'static str,
}

impl Person {
    pub fn full(&self) -> String {
        format!("{} {}", self.given, self.surname)
    }
}

/// The generator: people, places and vocabulary built once from the seed.
pub struct Corpus {
    seed: u64,
    people: Vec<Person>,
    places: Vec<String>,
    vocab: Vec<String>,
    nouns: Vec<&'static str>,
    adjectives: Vec<&'static str>,
    verbs: Vec<&'static str>,
    prepositions: Vec<&'static str>,
    function_words: Vec<&'static str>,
    person_zipf: Cdf,
    word_zipf: Cdf,
    outlets: Cdf,
    /// The share of an article's people after its lead who are named by surname alone (never
    /// introduced in full there), so the store must find who they are; 0 unless asked for.
    alone: f64,
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn syllables(rng: &mut Rng, from: &[&str], lo: usize, hi: usize) -> String {
    (0..rng.between(lo, hi)).map(|_| *rng.pick(from)).collect()
}

fn invent_people(rng: &mut Rng) -> Vec<Person> {
    let mut surnames = HashSet::new();
    let mut people = Vec::with_capacity(PEOPLE);
    while people.len() < PEOPLE {
        let given = capitalize(&(syllables(rng, GIVEN_SYLLABLES, 2, 2) + *rng.pick(GIVEN_ENDINGS)));
        let mut surname =
            capitalize(&(syllables(rng, SURNAME_SYLLABLES, 1, 2) + *rng.pick(SURNAME_ENDINGS)));
        if rng.chance(0.05) {
            let second = syllables(rng, SURNAME_SYLLABLES, 1, 2);
            surname = format!("{surname}-{}", capitalize(&second));
        }
        if surname.chars().count() < 4 || !surnames.insert(surname.clone()) {
            continue; // keep surnames unique, so "Solberg said" names one person
        }
        let role = *rng.pick(ROLES);
        people.push(Person {
            given,
            surname,
            role,
        });
    }
    people
}

fn invent_words(rng: &mut Rng, n: usize, taken: &HashSet<&str>) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut words = Vec::with_capacity(n);
    while words.len() < n {
        let word = syllables(rng, WORD_SYLLABLES, 2, 3);
        if !taken.contains(word.as_str()) && seen.insert(word.clone()) {
            words.push(word);
        }
    }
    words
}

fn invent_places(rng: &mut Rng) -> Vec<String> {
    const ENDS: &[&str] = &["", "ia", "mark", "stad", "holm", "ford", " Bay", " City"];
    let mut seen = HashSet::new();
    while seen.len() < PLACES {
        let name = capitalize(&(syllables(rng, WORD_SYLLABLES, 2, 2) + *rng.pick(ENDS)));
        let name = if rng.chance(0.1) {
            format!("Port {name}")
        } else {
            name
        };
        seen.insert(name);
    }
    let mut places: Vec<String> = seen.into_iter().collect();
    places.sort();
    places
}

impl Corpus {
    pub fn new(seed: u64) -> Corpus {
        let mut rng = Rng::new(seed);
        let list = |s: &'static str| s.split_whitespace().collect::<Vec<_>>();
        let (nouns, adjectives, verbs) = (list(NOUNS), list(ADJECTIVES), list(VERBS));
        let taken: HashSet<&str> = nouns
            .iter()
            .chain(&adjectives)
            .chain(&verbs)
            .copied()
            .collect();
        let people = invent_people(&mut rng);
        let vocab = invent_words(&mut rng, INVENTED_WORDS, &taken);
        let places = invent_places(&mut rng);
        Corpus {
            seed,
            people,
            places,
            vocab,
            nouns,
            adjectives,
            verbs,
            prepositions: list(PREPOSITIONS),
            function_words: list(FUNCTION_WORDS),
            person_zipf: Cdf::zipf(PEOPLE, 1.1),
            word_zipf: Cdf::zipf(INVENTED_WORDS, 1.0),
            outlets: Cdf::from_weights(OUTLETS.iter().map(|o| f64::from(o.2))),
            alone: 0.0,
        }
    }

    /// The same corpus, except that `share` of each article's people after its lead are named
    /// by surname alone ("Solberg said ..."), as wire copy does with the well known.
    pub fn with_surnames_alone(mut self, share: f64) -> Corpus {
        self.alone = share;
        self
    }

    /// The person of popularity `rank` (0 = most mentioned).
    pub fn person(&self, rank: usize) -> &Person {
        &self.people[rank]
    }

    /// The invented word of frequency `rank` (0 = most frequent).
    pub fn word(&self, rank: usize) -> &str {
        &self.vocab[rank]
    }

    /// Article `i` as the bytes of a wire-story file.
    pub fn article(&self, i: u64) -> String {
        let mut rng = Rng::new(self.seed ^ i.wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next_u64();
        let (outlet, domain, _) = OUTLETS[self.outlets.sample(&mut rng)];
        let start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default();
        let date = start + Days::new(rng.below(DAYS) as u64);
        let cast = self.cast(&mut rng);
        let title = self.title(&mut rng, &cast);
        let target_words = rng.between(300, 900);
        let body = self.body(&mut rng, &cast, target_words);
        let section = rng.pick(SECTIONS);
        let slug: Vec<String> = title
            .split_whitespace()
            .take(6)
            .map(|w| w.to_lowercase().replace(|c: char| !c.is_alphanumeric(), ""))
            .collect();
        format!(
            "{title}\nBy {outlet} {}\n{body}Source: https://www.{domain}.example/{section}/{}/{}.html\n\
             Copyright (c) {}. {outlet}. Generated benchmark article.\n",
            date.format("%B %d, %Y"),
            slug.join("-"),
            100_000 + i,
            date.format("%Y"),
        )
    }

    /// 2-8 distinct people, by Zipf popularity.
    fn cast(&self, rng: &mut Rng) -> Vec<usize> {
        let n = rng.between(2, 8);
        let mut cast = Vec::with_capacity(n);
        while cast.len() < n {
            let rank = self.person_zipf.sample(rng);
            if !cast.contains(&rank) {
                cast.push(rank);
            }
        }
        cast
    }

    fn title(&self, rng: &mut Rng, cast: &[usize]) -> String {
        let lead = &self.people[cast[0]].surname;
        let raw = match rng.below(3) {
            0 => format!("{lead} {}", self.render(rng, "v the a n p P")),
            1 => self.render(rng, "P v a n p P"),
            _ => self.render(rng, "a n v p P as n v"),
        };
        headline_case(&raw)
    }

    /// Renders a shape (see [`SHAPES`]) into words, without a final full stop.
    fn render(&self, rng: &mut Rng, shape: &str) -> String {
        let mut out = String::new();
        for token in shape.split(' ') {
            let word: String = match token {
                "a" => rng.pick(&self.adjectives).to_string(),
                "n" => rng.pick(&self.nouns).to_string(),
                "v" => rng.pick(&self.verbs).to_string(),
                "p" => rng.pick(&self.prepositions).to_string(),
                "f" => rng.pick(&self.function_words).to_string(),
                "w" => self.vocab[self.word_zipf.sample(rng)].clone(),
                "P" => rng.pick(&self.places).clone(),
                "D" => rng.pick(WEEKDAYS).to_string(),
                "#" => rng.between(2, 900).to_string(),
                "," => {
                    out.push(',');
                    continue;
                }
                literal => literal.to_string(),
            };
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&word);
        }
        out
    }

    fn clause(&self, rng: &mut Rng) -> String {
        let shape = *rng.pick(SHAPES);
        self.render(rng, shape)
    }

    fn sentence(&self, rng: &mut Rng) -> String {
        capitalize(&self.clause(rng)) + "."
    }

    /// A person's first appearance: role and full name.
    fn introduce(&self, rng: &mut Rng, rank: usize) -> String {
        let p = &self.people[rank];
        let who = format!("{} {}", p.role, p.full());
        match rng.below(3) {
            0 => format!(
                "{who} said on {} that {}.",
                rng.pick(WEEKDAYS),
                self.clause(rng)
            ),
            1 => format!("{who} {}.", self.render(rng, "v the a n p P")),
            _ => format!("According to {who}, {}.", self.clause(rng)),
        }
    }

    /// A later reference by surname.
    fn refer(&self, rng: &mut Rng, rank: usize) -> String {
        let last = &self.people[rank].surname;
        match rng.below(4) {
            0 => {
                let shape = *rng.pick(QUOTES);
                let quote = capitalize(&self.render(rng, shape));
                format!("\"{quote},\" {last} said.")
            }
            1 => format!("{last} told reporters that {}.", self.clause(rng)),
            2 => format!("{last} said {}.", self.clause(rng)),
            _ => format!("{last} did not say whether {}.", self.clause(rng)),
        }
    }

    fn body(&self, rng: &mut Rng, cast: &[usize], target_words: usize) -> String {
        let mut out = String::new();
        let (mut words, mut introduced, mut since_head) = (0, 0, 0);
        let mut paragraph = 0;
        while words < target_words || introduced < cast.len() {
            if paragraph > 0 && since_head >= 4 && rng.chance(0.35) {
                out.push_str(&headline_case(&self.render(rng, "a n")));
                out.push('\n');
                since_head = 0;
            }
            let mut sentences = Vec::new();
            if introduced < cast.len() && (paragraph == 0 || rng.chance(0.6)) {
                let who = cast[introduced];
                if introduced > 0 && self.alone > 0.0 && rng.chance(self.alone) {
                    sentences.push(self.refer(rng, who));
                } else {
                    sentences.push(self.introduce(rng, who));
                }
                introduced += 1;
            } else if introduced > 0 && rng.chance(0.6) {
                let who = cast[rng.below(introduced)];
                sentences.push(self.refer(rng, who));
            }
            for _ in 0..rng.between(1, 3) {
                sentences.push(self.sentence(rng));
            }
            if introduced > 0 && rng.chance(0.3) {
                let who = cast[rng.below(introduced)];
                sentences.push(self.refer(rng, who));
            }
            let text = sentences.join(" ");
            words += text.split_whitespace().count();
            out.push_str(&text);
            out.push('\n');
            paragraph += 1;
            since_head += 1;
        }
        out
    }

    /// Writes articles `0..n` as `dir/NNNNNN.txt`; returns the total bytes written.
    pub fn write_files(&self, dir: &Path, n: u64) -> std::io::Result<u64> {
        std::fs::create_dir_all(dir)?;
        (0..n)
            .into_par_iter()
            .map(|i| {
                let text = self.article(i);
                std::fs::write(dir.join(format!("{i:06}.txt")), &text)?;
                Ok(text.len() as u64)
            })
            .sum()
    }
}

/// Capitalises every word but the small ones (the first word always).
pub fn headline_case(text: &str) -> String {
    let words: Vec<String> = text
        .split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && SMALL_WORDS.contains(&w) {
                w.to_string()
            } else {
                capitalize(w)
            }
        })
        .collect();
    words.join(" ")
}
