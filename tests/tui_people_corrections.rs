//! Person corrections from the people picker through `update`: Ctrl-O gives another name,
//! Ctrl-G merges into a person picked next, Ctrl-X says a name is not a person, and `u` undoes
//! each (the worker answers with the change that undoes it).

#[path = "tui_support/fixture.rs"]
mod fixture;

use byline::tui::msg::{Bulk, Request};
use fixture::Harness;
use ratatui::crossterm::event::KeyCode;

/// The last change the reader asked the worker to make.
fn last_change(h: &Harness) -> Option<(Bulk, bool)> {
    h.requests.iter().rev().find_map(|r| match r {
        Request::Apply { change, undoing } => Some((change.clone(), *undoing)),
        _ => None,
    })
}

fn pick(h: &mut Harness, typed: &str) {
    h.press(KeyCode::Char('p'));
    h.keys(typed);
}

#[test]
fn ctrl_o_gives_a_person_another_name_and_u_takes_it_back() {
    let mut h = Harness::new(12, 80, 24);
    pick(&mut h, "quillfeather");
    h.ctrl('o');
    assert!(
        h.screen().contains("Another name for them"),
        "{}",
        h.screen()
    );
    assert!(h.screen().contains("also called:"), "{}", h.screen());
    h.keys("Mara Q");
    h.press(KeyCode::Enter);
    assert!(h.app.picker.is_none());
    let alias = Bulk::AliasPerson {
        name: "Mara Quillfeather".into(),
        alias: "Mara Q".into(),
    };
    assert_eq!(last_change(&h), Some((alias, false)));
    assert_eq!(h.flash(), "Mara Q also names Mara Quillfeather (u undoes)");
    h.press(KeyCode::Char('u'));
    assert!(matches!(
        last_change(&h),
        Some((Bulk::UnaliasPerson { .. }, true))
    ));
    assert_eq!(
        h.flash(),
        "undone: Mara Q no longer names Mara Quillfeather"
    );
}

#[test]
fn ctrl_g_merges_into_the_person_picked_next_and_u_brings_them_back() {
    let mut h = Harness::new(12, 80, 24);
    let (from, into) = (fixture::PEOPLE[0].0, fixture::PEOPLE[1].0);
    let moved = h.articles_naming(from);
    assert!(moved > 0);
    pick(&mut h, "quillfeather");
    h.ctrl('g');
    assert!(
        h.screen().contains(&format!("Merge {from} into")),
        "{}",
        h.screen()
    );
    // Enter on the same person merges nothing.
    h.keys("quillfeather");
    h.press(KeyCode::Enter);
    assert!(h.app.picker.is_some());
    assert_eq!(h.flash(), format!("pick the person to merge {from} into"));
    h.ctrl('u');
    let surname = into.rsplit(' ').next().unwrap_or(into).to_lowercase();
    h.keys(&surname);
    h.press(KeyCode::Enter);
    assert!(h.app.picker.is_none());
    let merge = Bulk::MergePerson {
        from: from.into(),
        into: into.into(),
    };
    assert_eq!(last_change(&h), Some((merge, false)));
    assert_eq!(h.articles_naming(from), 0);
    assert_eq!(
        h.flash(),
        format!("merged {from} into {into} ({moved} articles) (u undoes)")
    );
    h.press(KeyCode::Char('u'));
    assert!(matches!(
        last_change(&h),
        Some((Bulk::RestorePerson { snapshot }, true)) if snapshot.name == from
    ));
    assert_eq!(
        h.flash(),
        format!("undone: {from} is apart from {into} again")
    );
}

#[test]
fn ctrl_x_says_a_name_is_not_a_person_and_u_makes_them_one_again() {
    let mut h = Harness::new(12, 80, 24);
    let from = fixture::PEOPLE[0].0;
    let before = h.articles_naming(from);
    pick(&mut h, "quillfeather");
    h.ctrl('x');
    assert!(h.app.picker.is_none());
    let refuse = Bulk::NotAPerson { name: from.into() };
    assert_eq!(last_change(&h), Some((refuse, false)));
    assert_eq!(h.articles_naming(from), 0);
    assert_eq!(
        h.flash(),
        format!("{from} is not a person ({before} articles) (u undoes)")
    );
    h.press(KeyCode::Char('u'));
    assert!(matches!(
        last_change(&h),
        Some((Bulk::RestorePerson { .. }, true))
    ));
}

#[test]
fn esc_leaves_a_correction_and_the_source_picker_offers_only_rename() {
    let mut h = Harness::new(12, 80, 24);
    pick(&mut h, "quillfeather");
    h.ctrl('g');
    h.press(KeyCode::Esc);
    assert!(h.app.picker.as_ref().is_some_and(|p| p.edit.is_none()));
    assert!(h.screen().contains("^G merge"), "{}", h.screen());
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('s'));
    h.ctrl('x');
    h.ctrl('g');
    assert!(h.app.picker.as_ref().is_some_and(|p| p.edit.is_none()));
    assert!(last_change(&h).is_none());
}
