//! The problems found in a config file, each turned into one line naming the file, the line and
//! the column, in the order of the file.

use std::ops::Range;

pub(super) struct Report<'a> {
    text: &'a str,
    origin: &'a str,
    problems: Vec<(usize, String)>,
}

impl<'a> Report<'a> {
    pub fn new(text: &'a str, origin: &'a str) -> Report<'a> {
        Report {
            text,
            origin,
            problems: Vec::new(),
        }
    }

    /// A problem at `span` (a byte range of the text: the value for a bad value, the name for an
    /// unknown one; without a span, the file as a whole).
    pub fn at(&mut self, span: Option<Range<usize>>, message: impl std::fmt::Display) {
        let origin = self.origin;
        match span {
            Some(span) => {
                let (line, column) = self.position(span.start);
                let text = format!("{origin} line {line}, column {column}: {message}");
                self.problems.push((line, text));
            }
            None => self.problems.push((0, format!("{origin}: {message}"))),
        }
    }

    /// A file that is not TOML: nothing of it applies.
    pub fn syntax(&mut self, err: &toml_edit::TomlError) {
        let message = err.message().lines().next().unwrap_or("").trim();
        let message = message.trim_end_matches('.');
        let origin = self.origin;
        let (line, where_) = match err.span() {
            Some(span) => {
                let (line, column) = self.position(span.start);
                (line, format!(" line {line}, column {column}"))
            }
            None => (0, String::new()),
        };
        let text = format!(
            "{origin}{where_}: not valid TOML ({message}); the whole file is ignored, using the defaults"
        );
        self.problems.push((line, text));
    }

    /// Line and column (in characters), both from 1, of a byte offset.
    fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[start..].chars().count() + 1)
    }

    /// The lines, in the order of the file (problems of the file as a whole first).
    pub fn finish(mut self) -> Vec<String> {
        self.problems.sort_by_key(|(line, _)| *line);
        self.problems.into_iter().map(|(_, text)| text).collect()
    }
}
