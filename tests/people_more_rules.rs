//! More fictional one-rule fixtures: works and prizes, all-caps headlines, furniture, calendar
//! words, spelling variants, and determinism of extraction.

use byline::model::{Block, PersonMention};
use byline::people::{extract, same_person};
use proptest::prelude::*;

fn people(title: &str, paragraphs: &[&str]) -> Vec<PersonMention> {
    let body: Vec<Block> = paragraphs.iter().map(|p| Block::paragraph(*p)).collect();
    extract(title, &body)
}

fn names(found: &[PersonMention]) -> Vec<&str> {
    found.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn prizes_and_works_are_not_people() {
    let found = people(
        "",
        &[
            "Novelist Brenna Castell won the Silver Heron on Friday.",
            "She beat the film Mallow Drift and the Perry Wicket franchise; Mallow Drift star Ilse Moravec was shortlisted.",
            "An Oscar nomination followed, and this year's Silver Heron, the top prize, is hers.",
        ],
    );
    let mut got = names(&found);
    got.sort_unstable();
    assert_eq!(got, ["Brenna Castell", "Ilse Moravec"]);
}

#[test]
fn all_caps_headlines_and_furniture_count_no_one_new() {
    let body = [
        Block::paragraph("HARBOUR TALKS COLLAPSE AS DOCKERS WALK OUT"),
        Block::paragraph("Union leader Odile Varnay said the talks had failed. Varnay left."),
        Block::paragraph("Copyright (c) 2025 Northwind Wire. All rights reserved."),
        Block::paragraph("Sign up for our Morning Briefing newsletter."),
    ];
    let found = extract("ODILE VARNAY WALKS OUT", &body);
    assert_eq!(names(&found), ["Odile Varnay"]);
    assert_eq!(found[0].mentions, 3);
}

#[test]
fn months_days_and_nationalities_are_not_people() {
    let found = people(
        "",
        &["On Monday, June 3, Norwegian and Chilean envoys met; in August Velmoran officials said Friday talks would resume."],
    );
    assert_eq!(names(&found), Vec::<&str>::new());
}

#[test]
fn spelling_variants_within_an_article_are_one_person() {
    let found = people(
        "",
        &["President Dmytro Kovalenskyy spoke. Kovalenskiy said talks would go on. Kovalensky left."],
    );
    assert_eq!(names(&found), ["Dmytro Kovalenskyy"]);
    assert_eq!(found[0].mentions, 3);
}

#[test]
fn same_person_across_articles() {
    for (a, b) in [
        ("Dmytro Kovalenskyy", "Dmitro Kovalensky"),
        ("Dmytro Kovalenskyy", "Dmytro Kovalenskiy"),
        ("Alba Renshaw", "Alba M. Renshaw"),
        ("Aurelio Fenwick", "Aurelio J. Fenwick"),
        ("Hanne Sørby", "Hanne Sorby"),
        ("José Arrieta", "Jose Arrieta"),
        ("Zoë Lindqvist", "Zoe Lindqvist"),
        ("Harold P. Whitcombe Jr.", "Harold Whitcombe"),
        ("Samuel O’Rourke", "Samuel O'Rourke"),
        ("Lena van der Berg", "Lena Van der Berg"),
    ] {
        assert!(same_person(a, b), "{a} ~ {b}");
    }
    for (a, b) in [
        ("Marta Kessler", "Tomas Kessler"),
        ("Viktor Drobny", "Viktoria Drobny"),
        ("Alba Renshaw", "Alba Renton"),
        ("T. Kessler", "Marta Kessler"),
    ] {
        assert!(!same_person(a, b), "{a} !~ {b}");
    }
}

proptest! {
    #[test]
    fn extraction_is_deterministic(title in "\\PC{0,30}", paras in prop::collection::vec("([A-Z][a-z]+ |[a-z]+ |[.,'’\"-] |Mr |said ){0,40}", 0..4)) {
        let body: Vec<Block> = paras.iter().map(|p| Block::paragraph(p.as_str())).collect();
        let first = extract(&title, &body);
        let again = extract(&title, &body);
        prop_assert_eq!(first, again);
    }
}
