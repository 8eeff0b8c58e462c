//! Credit lines around a name: a wire story's "Reporting by" and a picture's credit
//! ("REUTERS/Name", "Photograph: Name/AP"). Both name real people, who count as vouched for.

use super::tokens::Token;

/// Words of a wire credit line that come before "by" ("Reporting by", "editing by").
const CREDIT_WORDS: &[&str] = &[
    "reporting",
    "writing",
    "written",
    "editing",
    "edited",
    "compiled",
];
/// How far back over a list of names ("by A, B and C") a credit is looked for.
const MAX_CREDIT_LOOKBACK: usize = 12;

/// A credit line's "Reporting by" / "editing by" before the name, or before a list of names it
/// stands in ("Reporting by Ana Brisk and Leo Maddox").
pub(crate) fn credit_before(tokens: &[Token], start: usize) -> bool {
    let in_list =
        |t: &Token| (t.is_word && (t.capitalised || t.folded == "and")) || t.is_punct(',');
    let mut i = start;
    while i > 0 && start - i < MAX_CREDIT_LOOKBACK && in_list(&tokens[i - 1]) {
        i -= 1;
    }
    i >= 2 && tokens[i - 1].folded == "by" && CREDIT_WORDS.contains(&tokens[i - 2].folded.as_ref())
}

/// Agencies and picture libraries written before or after a photographer's name with a slash
/// ("REUTERS/Name", "Name/AFP via Getty Images").
const PICTURE_AGENCIES: &[&str] = &[
    "reuters",
    "afp",
    "ap",
    "epa",
    "pa",
    "getty",
    "pool",
    "efe",
    "anadolu",
    "xinhua",
    "ansa",
    "dpa",
    "sipa",
    "shutterstock",
    "alamy",
    "tass",
    "bloomberg",
    "nurphoto",
    "rex",
    "zuma",
];

/// Words that open a picture credit before a colon ("Photograph: Name/AP", "(Photo: Name)").
const PICTURE_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographs",
    "picture",
    "pictures",
    "image",
    "credit",
];

/// A picture credit around the name `tokens[start..end]`: "REUTERS/" or "Photograph:" before it,
/// or "/AP" after it. A photographer is credited by full name: one word there is a picture
/// collection ("Photodisc/Getty Images").
pub(crate) fn photo_credit(tokens: &[Token], start: usize, end: usize) -> bool {
    if end - start < 2 {
        return false;
    }
    let agency = |t: &Token| t.is_word && PICTURE_AGENCIES.contains(&t.folded.as_ref());
    let before = |k: usize| start.checked_sub(k).map(|i| &tokens[i]);
    let slash_before = before(1).is_some_and(|t| t.is_punct('/')) && before(2).is_some_and(agency);
    let colon_before = before(1).is_some_and(|t| t.is_punct(':'))
        && before(2).is_some_and(|t| t.is_word && PICTURE_WORDS.contains(&t.folded.as_ref()));
    let slash_after =
        tokens.get(end).is_some_and(|t| t.is_punct('/')) && tokens.get(end + 1).is_some_and(agency);
    slash_before || colon_before || slash_after
}
