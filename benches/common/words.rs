//! Word lists for the benchmark corpus: common English words, name syllables, roles and outlets.
//! Everything named here is fictional; people and places are assembled from syllables.

/// Nouns for sentence shapes (singular).
pub const NOUNS: &str = "government ministry budget plan report agreement talks deal market price \
    company bank port union strike election vote parliament assembly committee court ruling law \
    policy reform tax rate inflation economy growth deficit debt bond currency export import trade \
    tariff pipeline grid utility supply shortage harvest drought flood storm coast river bridge \
    railway tram airport highway school hospital clinic doctor patient nurse teacher student \
    university study survey poll campaign candidate party coalition opposition minister official \
    spokesperson statement interview briefing summit meeting delegation embassy border army \
    ceasefire treaty sanction investigation inquiry police prosecutor judge verdict appeal fine \
    contract tender project investment fund loan subsidy salary pension wage worker employer \
    factory mine refinery plant reactor turbine battery network platform software data \
    regulator license audit scandal protest rally crowd festival museum gallery film album \
    season match league stadium coach player record quarter year month week morning evening \
    village city province region district island harbour";

/// Adjectives for sentence shapes.
pub const ADJECTIVES: &str = "new old major minor national regional local foreign domestic public \
    private senior junior former current early late annual quarterly final initial key central \
    federal rural urban coastal northern southern eastern western interim temporary permanent \
    sharp steady modest significant unexpected controversial disputed contested fragile stable \
    rising falling higher lower strong weak cautious bold broad narrow rapid slow direct indirect \
    official independent joint separate emergency special standard critical political economic \
    financial industrial commercial legal environmental technical military civilian diplomatic";

/// Verbs in the past tense for sentence shapes.
pub const VERBS: &str = "announced approved rejected delayed signed proposed criticised defended \
    welcomed warned questioned confirmed denied reviewed extended suspended raised lowered cut \
    increased reduced blocked backed opposed launched completed cancelled postponed expanded \
    published released revealed disclosed estimated predicted reported expected promised urged \
    demanded requested accepted agreed challenged investigated examined discussed outlined \
    presented secured lost won doubled halved restored replaced appointed dismissed";

/// Prepositions and links for sentence shapes.
pub const PREPOSITIONS: &str = "in at on near across against despite after before during within \
    without under over beyond through toward from into behind";

/// Small words of function for filler (high frequency, as in real text).
pub const FUNCTION_WORDS: &str = "the of and to a in that for on with as by at from it its this \
    be was were has have had not but or which their they more than also will would could may";

/// Syllables for invented words (vocabulary tail), given names and surnames.
pub const WORD_SYLLABLES: &[&str] = &[
    "bra", "cal", "dor", "fen", "gal", "hil", "jor", "kel", "lim", "mor", "nal", "pel", "quin",
    "ros", "sel", "tam", "ul", "ver", "wyn", "zor", "an", "es", "ith", "ol", "un", "ber", "cor",
    "dra", "fal", "gor",
];
pub const GIVEN_SYLLABLES: &[&str] = &[
    "ma", "ri", "ka", "lo", "te", "an", "el", "so", "vi", "da", "ne", "ro", "li", "sa", "mi", "ta",
    "be", "no", "ra", "di", "ko", "ya", "ze", "lu", "fe", "ha", "jo", "ni", "ve", "ia",
];
pub const GIVEN_ENDINGS: &[&str] = &["", "", "a", "o", "en", "ir", "as", "el", "ia", "us", "ek"];
pub const SURNAME_SYLLABLES: &[&str] = &[
    "hal", "ver", "stra", "mon", "kes", "sol", "ren", "bark", "dun", "fal", "gris", "holm", "ivar",
    "jast", "kor", "lind", "mar", "nor", "oster", "pell", "quar", "rask", "sten", "tor", "ulf",
    "vand", "wes", "yar", "zel", "brin", "cald", "drav",
];
pub const SURNAME_ENDINGS: &[&str] = &[
    "", "son", "berg", "ova", "ski", "ez", "ard", "ley", "ton", "vik", "en", "ani", "ic", "ström",
];

/// Roles people are introduced with; "{role} {full name}".
pub const ROLES: &[&str] = &[
    "President",
    "Prime Minister",
    "Finance Minister",
    "Foreign Minister",
    "Defence Minister",
    "Energy Minister",
    "Trade Minister",
    "Health Minister",
    "Interior Minister",
    "Senator",
    "Governor",
    "Mayor",
    "Ambassador",
    "General",
    "Judge",
    "Chief executive",
    "Central bank governor",
    "Opposition leader",
    "Union leader",
    "Deputy Mayor",
    "Professor",
    "Economist",
    "Analyst",
    "Spokesperson",
];

/// Fictional outlets: (name, domain label, relative frequency). Skewed like real wire traffic.
pub const OUTLETS: &[(&str, &str, u32)] = &[
    ("Meridian Post", "meridianpost", 22),
    ("Copperline News", "copperline", 16),
    ("Eastgate Herald", "eastgate-herald", 12),
    ("Saltmarsh Courier", "saltmarsh", 9),
    ("Bellwether Daily", "bellwether", 8),
    ("Fjordline Report", "fjordline", 7),
    ("Greystone Ledger", "greystone-ledger", 6),
    ("Kestrel Bulletin", "kestrelbulletin", 5),
    ("Ironbridge Times", "ironbridge", 5),
    ("Lanternfield Wire", "lanternfield", 4),
    ("Orchard Street Journal", "orchardstreet", 3),
    ("Quillmoor Gazette", "quillmoor", 3),
];

pub const SECTIONS: &[&str] = &[
    "politics",
    "business",
    "economy",
    "energy",
    "world",
    "technology",
    "health",
    "environment",
    "culture",
    "sport",
];

pub const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words kept lower case in Headline Case.
pub const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "as", "to", "in", "on", "at", "for", "and", "or", "by", "from", "over",
    "after", "before", "near", "into", "with",
];

/// Filler sentence shapes: `a` adjective, `n` noun, `v` verb, `p` preposition, `w` vocabulary
/// word (Zipf), `f` function word, `P` place, `D` weekday, `#` number; anything else literal.
pub const SHAPES: &[&str] = &[
    "the a n v the n p P on D",
    "the n of P v a a n p the w n",
    "officials v that the a n would be v p the n of w",
    "the n f w n v by # percent p the a n",
    "a n v the a n p P , and the n v w w",
    "in P , the w n v a n p the a n",
    "the a n v p # n and # n , f the n v",
    "critics v the n as w and a , p a n v",
    "the n was v p D after the a n v a w n",
    "w n and w n v the a n of P p # years",
];

/// Quote shapes for things people say (inside quotation marks).
pub const QUOTES: &[&str] = &[
    "we v the n and we will not v the w n",
    "this is a a n , not a a n",
    "the n of P deserves a a n",
    "nobody v the n p the w n",
];
