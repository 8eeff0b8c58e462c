//! Today's wire-copy layouts (AP, Reuters, AFP, BBC, Guardian), datelines and credit lines,
//! parsed end to end from fictional fixtures in tests/fixtures/ingest: one test per layout.

use byline::ingest::{derive, parse, Origin};
use byline::model::{Article, ParsedArticle};
use chrono::NaiveDate;
use std::path::Path;

fn fixture(name: &str) -> ParsedArticle {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name);
    parse(&std::fs::read(path).unwrap()).unwrap()
}

fn text(text: &str) -> ParsedArticle {
    parse(text.as_bytes()).unwrap()
}

fn derived(a: ParsedArticle) -> Article {
    derive(a, &Origin::default())
}

fn people(a: &Article) -> Vec<&str> {
    a.people.iter().map(|p| p.name.as_str()).collect()
}

fn dec8() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2025, 12, 8)
}

/// (author, source, date) of a story whose header is `header`.
fn header(header: &str) -> (Option<String>, Option<String>, Option<NaiveDate>) {
    let a = text(&format!(
        "Harbour Talks Resume\n{header}\n\nOfficials met on Monday.\n"
    ));
    (a.author, a.source, a.date)
}

fn s(text: &str) -> Option<String> {
    Some(text.to_string())
}

#[test]
fn ap_layout_reporters_outlet_line_and_updated_line() {
    let a = fixture("wire-ap-layout.txt");
    assert_eq!(
        a.byline.as_deref(),
        Some("By MARTA DEL-ROSARIO and TOMAS MCDONALD")
    );
    assert_eq!(
        a.author.as_deref(),
        Some("Marta Del-Rosario and Tomas McDonald")
    );
    assert_eq!(a.source.as_deref(), Some("Associated Press"));
    assert_eq!(a.date, dec8());
    let first = a.body.first().map(|b| b.text.as_str()).unwrap_or_default();
    assert!(
        first.starts_with("PORT ALDER, Northmere (AP) — Ferry crews"),
        "{first}"
    );
    assert!(!a.body_text().contains("Associated Press"));
    for (line, want) in [
        (
            "By JANE ROE\nAssociated Press\nPublished 3:15 PM EST, Dec. 8, 2025",
            "Jane Roe",
        ),
        (
            "By JANE ROE\nAssociated Press\nUpdated 11:40 PM GMT+1, 8 December 2025",
            "Jane Roe",
        ),
    ] {
        assert_eq!(
            header(line),
            (s(want), s("Associated Press"), dec8()),
            "{line}"
        );
    }
}

#[test]
fn reuters_layout_capital_name_and_outlet() {
    let a = fixture("wire-reuters-layout.txt");
    assert_eq!(a.byline.as_deref(), Some("By FELIX ABERNATHY, Reuters"));
    assert_eq!(a.author.as_deref(), Some("Felix Abernathy"));
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.date, dec8());
}

#[test]
fn afp_layout_bar_and_agency_code() {
    let a = fixture("wire-afp-layout.txt");
    assert_eq!(a.author.as_deref(), Some("Ines O'Brien"));
    assert_eq!(a.source.as_deref(), Some("Agence France-Presse"));
    assert_eq!(a.date, dec8());
}

#[test]
fn bbc_layout_name_and_outlet_without_by() {
    let a = fixture("wire-bbc-layout.txt");
    assert_eq!(a.byline.as_deref(), Some("Nadia Brennan, BBC News"));
    assert_eq!(a.author.as_deref(), Some("Nadia Brennan"));
    assert_eq!(a.source.as_deref(), Some("BBC News"));
    assert_eq!(a.date, dec8());
    assert!(a.body_text().starts_with("Councillors"));
    for line in [
        "Nadia Brennan - BBC News",
        "By Nadia Brennan, BBC News, Inchmore",
        "By NADIA BRENNAN, BBC News, Inchmore",
    ] {
        assert_eq!(
            header(line),
            (s("Nadia Brennan"), s("BBC News"), None),
            "{line}"
        );
    }
}

#[test]
fn guardian_layout_name_in_city_and_for_outlet() {
    let a = fixture("wire-guardian-layout.txt");
    assert_eq!(a.byline.as_deref(), Some("Felix Marsh in Dunmoor"));
    assert_eq!(a.author.as_deref(), Some("Felix Marsh"));
    assert_eq!(a.source, None);
    assert_eq!(a.date, dec8());
    assert!(a.body_text().starts_with("Engineers"));
    assert_eq!(
        header("By Felix Marsh for the Guardian"),
        (s("Felix Marsh"), s("The Guardian"), None)
    );
    assert_eq!(
        header("By Felix Marsh in Dunmoor and Ana Brisk in Calvaro"),
        (s("Felix Marsh and Ana Brisk"), None, None)
    );
}

#[test]
fn several_authors_and_capitalised_names() {
    for (line, want) in [
        (
            "By Ana Brisk, Leo Maddox and Ines Varga",
            "Ana Brisk, Leo Maddox and Ines Varga",
        ),
        ("By ANA BRISK and LEO MADDOX", "Ana Brisk and Leo Maddox"),
        ("By SEAN O'NEILL", "Sean O'Neill"),
        ("By ANGUS MACDONALD", "Angus MacDonald"),
        ("By LUIS MACHADO", "Luis Machado"),
        (
            "By JO MARIE-CLAIRE DUBOIS-MCKAY",
            "Jo Marie-Claire Dubois-McKay",
        ),
    ] {
        assert_eq!(header(line), (s(want), None, None), "{line}");
    }
}

#[test]
fn dateline_agency_code_gives_the_outlet_and_place_is_no_person() {
    let a = fixture("wire-dateline-only.txt");
    assert_eq!(a.source.as_deref(), Some("Associated Press"));
    assert!(a
        .body_text()
        .starts_with("KYIV, Ukraine (AP) — Flood waters"));
    let a = derived(a);
    assert!(people(&a).is_empty(), "{:?}", people(&a));
    for (dateline, want) in [
        ("WASHINGTON (Reuters) - Officials met.", "Reuters"),
        ("PARIS (AFP) - Officials met.", "Agence France-Presse"),
        ("BERLIN (dpa) - Officials met.", "dpa"),
        ("SEOUL (YONHAP) - Officials met.", "Yonhap"),
    ] {
        let a = text(&format!("Talks Resume\n\n{dateline}\n"));
        assert_eq!(a.source.as_deref(), Some(want), "{dateline}");
    }
}

#[test]
fn credit_line_gives_authors_and_people() {
    let a = fixture("wire-credits.txt");
    assert_eq!(a.author.as_deref(), Some("Tomas Ferrante and Marta Quill"));
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.date, dec8());
    let a = derived(a);
    let found = people(&a);
    for name in ["Tomas Ferrante", "Marta Quill", "Oskar Dunne"] {
        assert!(found.contains(&name), "{name} not in {found:?}");
    }
    let a = text(
        "T\n\nBody text here.\n\nReporting by Ines Varga and Oskar Lind; Additional reporting by \
         Priya Raman; Editing by Liam Marchbank\n",
    );
    assert_eq!(
        a.author.as_deref(),
        Some("Ines Varga, Oskar Lind and Priya Raman")
    );
    let a = fixture("wire-reuters-layout.txt");
    assert_eq!(
        a.author.as_deref(),
        Some("Felix Abernathy"),
        "the byline wins"
    );
    let found = derived(a);
    for name in ["Ines Varga", "Oskar Lind", "Priya Raman", "Liam Marchbank"] {
        assert!(
            people(&found).contains(&name),
            "{name} not in {:?}",
            people(&found)
        );
    }
}

#[test]
fn prose_is_neither_byline_nor_date_line() {
    let a = text(
        "Ministers Agree Fishing Quotas\n\nBy the time the ministers met, the boats were in.\n\nMore.\n",
    );
    assert_eq!((a.byline.as_deref(), a.author.as_deref()), (None, None));
    assert!(a.body_text().starts_with("By the time"));
    let a = text(
        "Ministers Agree Fishing Quotas\nUpdated guidance was published on 8 December 2025\n\nMore.\n",
    );
    assert_eq!(a.date, None);
    assert!(a.body_text().starts_with("Updated guidance"));
    let a = text("Ministers Agree Fishing Quotas\n\nWriting by hand is a lost art, she said.\n");
    assert_eq!(a.author, None);
}
