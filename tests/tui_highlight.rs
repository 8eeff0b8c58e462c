//! Highlighting = matching: the reading pane marks what the store matched, folded the same way
//! (FTS5's tokens for words and phrases, the people rules for `person:`), across line breaks.

use byline::model::Block;
use byline::query::parse;
use byline::store::{ArticleRow, StoredArticle, StoredPerson};
use byline::tui::doc::{build, Doc, Mark, Needles};

fn article(title: &str, body: &[&str], people: &[(&str, &[&str])]) -> StoredArticle {
    StoredArticle {
        row: ArticleRow {
            id: 1,
            title: title.into(),
            source: Some("Harbour Gazette".into()),
            date: None,
            url: None,
            read: false,
            starred: false,
        },
        byline: None,
        author: None,
        body: body.iter().map(|t| Block::paragraph(*t)).collect(),
        people: people
            .iter()
            .map(|(name, aliases)| StoredPerson {
                name: name.to_string(),
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                mentions: 1,
            })
            .collect(),
        origin: None,
        first_seen: false,
        summary_only: false,
    }
}

/// The highlighted texts of the body (not the People line), in order.
fn marked(article: &StoredArticle, query: &str, width: u16) -> Vec<String> {
    let needles = Needles::from_query(&parse(query).unwrap(), article);
    let doc: Doc = build(article, width, &needles);
    doc.lines
        .iter()
        .filter(|l| l.kind != byline::tui::doc::LineKind::People)
        .flat_map(|l| {
            l.marks
                .iter()
                .filter(|(_, m)| *m == Mark::Match)
                .map(|(r, _)| l.text[r.clone()].to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn a_transliterated_person_term_marks_the_names_the_text_uses() {
    let a = article(
        "Zelenskyy meets envoys",
        &["President Volodymyr Zelenskyy said talks went well. Zelenskyy left at noon."],
        &[("Volodymyr Zelenskyy", &["Volodymyr Zelenskyy", "Zelenskyy"])],
    );
    assert_eq!(
        marked(&a, "person:zelenskiy", 80),
        ["Zelenskyy", "Volodymyr Zelenskyy", "Zelenskyy"]
    );
    assert_eq!(marked(&a, "person:\"volodymyr zelensky\"", 80).len(), 3);
}

#[test]
fn a_surname_term_marks_the_person_it_resolves_to() {
    let a = article(
        "Budget",
        &["Mara Quillfeather spoke. Quillfeather then left."],
        &[("Mara Quillfeather", &["Mara Quillfeather", "Quillfeather"])],
    );
    assert_eq!(
        marked(&a, "person:quillfeather", 80),
        ["Mara Quillfeather", "Quillfeather"]
    );
}

#[test]
fn words_fold_case_and_accents_as_the_index_does() {
    let a = article(
        "Talks in Zürich",
        &["The ZURICH meeting; zurichs are not it."],
        &[],
    );
    assert_eq!(marked(&a, "zurich", 80), ["Zürich", "ZURICH"]);
    let b = article("Plain title", &["A café in São Paulo."], &[]);
    assert_eq!(marked(&b, "cafe \"sao paulo\"", 80), ["café", "São Paulo"]);
}

#[test]
fn a_phrase_broken_across_lines_is_marked_on_both() {
    let text = "word ".repeat(14) + "peace plan ends";
    let a = article("T", &[&text], &[]);
    let marks = marked(&a, "\"peace plan\"", 80);
    assert_eq!(marks.concat().replace(' ', ""), "peaceplan", "{marks:?}");
    let wide = marked(&a, "\"peace plan\"", 200);
    assert_eq!(wide, ["peace plan"]);
}

#[test]
fn negated_terms_and_other_fields_mark_nothing() {
    let a = article("Harbour news", &["harbour harbour"], &[]);
    assert!(marked(&a, "-harbour source:harbour", 80).is_empty());
}

/// Every article a query lists shows a highlighted match of each positive word, phrase and
/// person term: on the bundled samples, for their 15 most named people (by surname and by full
/// name) and a few words and phrases.
#[test]
fn every_listed_article_shows_each_positive_term() {
    use byline::store::Store;
    let mut store = Store::open_in_memory().unwrap();
    byline::samples::import(&mut store).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let everything = parse("").unwrap();
    let mut queries: Vec<String> = vec![
        "harbour".into(),
        "council".into(),
        "\"the council\"".into(),
        "ferry talks".into(),
    ];
    for person in store.person_counts(&everything, today, 15).unwrap() {
        let surname = person
            .name
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_string();
        queries.push(format!("person:\"{}\"", person.name));
        queries.push(format!("person:{surname}"));
    }
    let mut checked = 0;
    for text in &queries {
        let query = parse(text).unwrap();
        for row in store.search(&query, today, 0, 1000).unwrap() {
            let a = store.article(row.id).unwrap().unwrap();
            let needles = Needles::from_query(&query, &a);
            let doc = build(&a, 80, &needles);
            let body_marks = doc
                .lines
                .iter()
                .filter(|l| l.kind != byline::tui::doc::LineKind::People)
                .flat_map(|l| l.marks.iter())
                .filter(|(_, m)| *m == Mark::Match)
                .count();
            let terms = query.terms.len();
            assert!(
                body_marks >= terms.min(1) && !doc.matches.is_empty(),
                "{text}: article {} ({}) shows no match",
                row.id,
                a.row.title
            );
            for term in &query.terms {
                let one = byline::query::Query {
                    terms: vec![term.clone()],
                };
                let needles = Needles::from_query(&one, &a);
                assert!(
                    !build(&a, 80, &needles).matches.is_empty(),
                    "{text}: article {} ({}) shows nothing for {term:?}",
                    row.id,
                    a.row.title
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} articles checked");
}
