//! Bulk and corrective actions through `update`: `A` marks every article of the filter read
//! (asking first above the threshold), `D` deletes the selected article, and `u` undoes both.

#[path = "tui_support/fixture.rs"]
mod fixture;

use byline::tui::msg::{Bulk, Request};
use fixture::{FakeStore, Harness};
use ratatui::crossterm::event::KeyCode;

fn unread(h: &Harness) -> usize {
    h.store
        .articles
        .borrow()
        .iter()
        .filter(|a| !a.row.read)
        .count()
}

fn listed(h: &Harness) -> u64 {
    h.app.results.count.unwrap_or(0)
}

#[test]
fn mark_all_read_marks_the_filter_only_and_u_undoes_it() {
    let mut h = Harness::new(12, 80, 24);
    let before = unread(&h);
    h.keys("/source:\"Northfield Wire\" is:unread");
    h.press(KeyCode::Enter);
    let in_filter = listed(&h);
    assert!(in_filter > 1 && in_filter < 12, "{in_filter}");
    h.press(KeyCode::Char('A'));
    assert_eq!(unread(&h), before - in_filter as usize);
    assert_eq!(
        h.flash(),
        format!("marked {in_filter} articles read (u undoes)")
    );
    assert_eq!(listed(&h), 0, "the list was queried again");
    h.press(KeyCode::Char('u'));
    assert_eq!(unread(&h), before);
    assert_eq!(
        h.flash(),
        format!("undone: marked {in_filter} articles unread")
    );
    h.press(KeyCode::Char('u'));
    assert_eq!(h.flash(), "nothing to undo");
}

#[test]
fn above_the_threshold_mark_all_read_asks_and_only_y_does_it() {
    let mut h = Harness::with(FakeStore::new(150), 80, 24, false);
    let before = unread(&h);
    h.press(KeyCode::Char('A'));
    assert_eq!(h.flash(), "mark all 150 articles read? y/n");
    assert_eq!(unread(&h), before, "nothing before the answer");
    h.press(KeyCode::Char('n'));
    assert_eq!(h.flash(), "nothing marked");
    assert_eq!(unread(&h), before);
    h.press(KeyCode::Char('A'));
    h.press(KeyCode::Char('y'));
    assert_eq!(unread(&h), 0);
    let asked: Vec<_> = h
        .requests
        .iter()
        .filter(|r| {
            matches!(
                r,
                Request::Apply {
                    change: Bulk::MarkQuery { .. },
                    ..
                }
            )
        })
        .collect();
    assert_eq!(asked.len(), 1);
}

#[test]
fn delete_removes_the_selected_article_selects_the_next_and_u_brings_it_back() {
    let mut h = Harness::new(12, 80, 24);
    h.press(KeyCode::Char('j'));
    let doomed = h.selected_id().unwrap();
    h.press(KeyCode::Char('D'));
    assert_eq!(listed(&h), 11);
    assert_eq!(h.flash(), "deleted 1 article (u undoes)");
    assert_ne!(h.selected_id(), Some(doomed));
    assert_eq!(
        h.selected_id(),
        Some(doomed + 1),
        "the next article is selected"
    );
    assert!(!h.screen().contains(&format!("Story {doomed} ")));
    h.press(KeyCode::Char('u'));
    assert_eq!(listed(&h), 12);
    assert_eq!(h.flash(), "undone: restored 1 article");
}

#[test]
fn the_help_names_the_new_keys() {
    let mut h = Harness::new(3, 120, 60);
    h.press(KeyCode::Char('?'));
    let screen = h.screen();
    for needle in ["mark every article", "delete the article", "undo the last"] {
        assert!(screen.contains(needle), "{needle}:\n{screen}");
    }
}

#[test]
fn ctrl_r_in_the_source_picker_renames_the_source_and_u_renames_it_back() {
    let mut h = Harness::new(12, 80, 24);
    let sources = |h: &Harness| -> Vec<String> {
        h.store
            .articles
            .borrow()
            .iter()
            .filter_map(|a| a.row.source.clone())
            .collect()
    };
    let wire = sources(&h)
        .iter()
        .filter(|s| *s == "Northfield Wire")
        .count();
    h.press(KeyCode::Char('s'));
    h.keys("northfield");
    assert!(h.screen().contains("^R rename"));
    h.ctrl('r');
    assert!(
        h.screen().contains("new name: Northfield Wire"),
        "{}",
        h.screen()
    );
    h.ctrl('u');
    h.keys("Northfield Times");
    h.press(KeyCode::Enter);
    assert!(h.app.picker.is_none());
    assert_eq!(
        h.flash(),
        format!(
            "renamed the source Northfield Wire to Northfield Times ({wire} articles) (u undoes)"
        )
    );
    assert_eq!(
        sources(&h)
            .iter()
            .filter(|s| *s == "Northfield Times")
            .count(),
        wire
    );
    h.press(KeyCode::Char('u'));
    assert_eq!(
        sources(&h)
            .iter()
            .filter(|s| *s == "Northfield Wire")
            .count(),
        wire
    );
    assert!(h
        .flash()
        .starts_with("undone: renamed the source Northfield Times to Northfield Wire"));
    // Esc while renaming goes back to picking; Esc again closes.
    h.press(KeyCode::Char('s'));
    h.ctrl('r');
    h.press(KeyCode::Esc);
    assert!(h.app.picker.as_ref().is_some_and(|p| p.edit.is_none()));
    h.press(KeyCode::Esc);
    assert!(h.app.picker.is_none());
}

#[test]
fn ctrl_r_in_the_person_picker_renames_the_person_and_u_renames_them_back() {
    let mut h = Harness::new(12, 80, 24);
    let before = h.articles_naming("Mara Quillfeather");
    assert!(before > 0);
    h.press(KeyCode::Char('p'));
    h.keys("quillfeather");
    h.ctrl('r');
    assert!(h.screen().contains("Rename the person"), "{}", h.screen());
    h.ctrl('u');
    h.keys("Mara J. Quillfeather");
    h.press(KeyCode::Enter);
    assert_eq!(h.articles_naming("Mara J. Quillfeather"), before);
    assert_eq!(
        h.flash(),
        format!("renamed Mara Quillfeather to Mara J. Quillfeather ({before} articles) (u undoes)")
    );
    h.press(KeyCode::Char('u'));
    assert_eq!(h.articles_naming("Mara Quillfeather"), before);
}
