//! Tests for paragraph and crosshead building.

use super::*;
use crate::model::BlockKind;

fn kinds(blocks: &[Block]) -> Vec<(BlockKind, &str)> {
    blocks.iter().map(|b| (b.kind, b.text.as_str())).collect()
}

const P: BlockKind = BlockKind::Paragraph;
const H: BlockKind = BlockKind::Heading;

#[test]
fn one_paragraph_per_line_with_crosshead() {
    let lines = [
        "First paragraph.",
        "Second paragraph.",
        "Talks Move To The Capital",
        "Third.",
    ];
    assert_eq!(
        kinds(&build_blocks(&lines)),
        vec![
            (P, "First paragraph."),
            (P, "Second paragraph."),
            (H, "Talks Move To The Capital"),
            (P, "Third.")
        ]
    );
}

#[test]
fn blank_line_separated_paragraphs() {
    let lines = [
        "First paragraph.",
        "",
        "Second paragraph.",
        "",
        "",
        "Envoys Meet Again",
        "",
        "Last.",
    ];
    assert_eq!(
        kinds(&build_blocks(&lines)),
        vec![
            (P, "First paragraph."),
            (P, "Second paragraph."),
            (H, "Envoys Meet Again"),
            (P, "Last.")
        ]
    );
}

#[test]
fn hard_wrapped_lines_rejoined() {
    let lines = [
        "The envoy said the talks",
        "were well-",
        "known to all.",
        "",
        "Next one.",
    ];
    assert_eq!(
        kinds(&build_blocks(&lines)),
        vec![
            (P, "The envoy said the talks were well-known to all."),
            (P, "Next one.")
        ]
    );
}

#[test]
fn crosshead_heading_a_wrapped_group() {
    let lines = [
        "Intro.",
        "",
        "Envoys Meet Again",
        "The envoy said",
        "more things.",
        "",
        "End.",
    ];
    assert_eq!(
        kinds(&build_blocks(&lines)),
        vec![
            (P, "Intro."),
            (H, "Envoys Meet Again"),
            (P, "The envoy said more things."),
            (P, "End.")
        ]
    );
}

#[test]
fn long_lines_in_a_group_stay_separate_paragraphs() {
    let long_a = "a".repeat(120);
    let long_b = "b".repeat(120);
    let lines = [long_a.as_str(), long_b.as_str(), "", "Next."];
    assert_eq!(build_blocks(&lines).len(), 3);
}

#[test]
fn first_and_last_lines_are_never_headings() {
    let lines = ["Opening Words Here", "Body.", "Closing Words Here"];
    assert!(build_blocks(&lines).iter().all(|b| b.kind == P));
}

#[test]
fn crosshead_shapes() {
    for yes in [
        "Ukrainians Briefed On Moscow Talks",
        "Talks in the Capital",
        "What Comes Next For 2026",
    ] {
        assert!(is_crosshead(yes), "{yes:?}");
    }
    for no in [
        "The most recent version of the proposal has not been shared publicly.",
        "What comes next",
        "Talks",
        "\"I am grateful.\"",
        "Is This The End?",
        "",
    ] {
        assert!(!is_crosshead(no), "{no:?}");
    }
}

#[test]
fn empty_input_gives_no_blocks() {
    assert!(build_blocks(&[]).is_empty());
    assert!(build_blocks(&["", "  "]).is_empty());
}
