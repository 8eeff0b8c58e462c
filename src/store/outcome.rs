//! What an import did: each article's outcome and a run's totals.

/// What happened to one article on import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    Imported,
    Updated,
    Unchanged,
    /// The article was deleted (`byline rm`): it stays out until it is restored.
    Deleted,
}

/// Totals of an import run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub imported: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub failed: u64,
    /// Articles left out because they were deleted.
    pub deleted: u64,
}

impl ImportSummary {
    /// Adds another run's totals to these.
    pub fn absorb(&mut self, other: &ImportSummary) {
        self.imported += other.imported;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
        self.failed += other.failed;
        self.deleted += other.deleted;
    }

    pub fn add(&mut self, outcome: ImportOutcome) {
        match outcome {
            ImportOutcome::Imported => self.imported += 1,
            ImportOutcome::Updated => self.updated += 1,
            ImportOutcome::Unchanged => self.unchanged += 1,
            ImportOutcome::Deleted => self.deleted += 1,
        }
    }
}

impl std::fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "imported {}, updated {}, unchanged {}, failed {}",
            self.imported, self.updated, self.unchanged, self.failed
        )?;
        if self.deleted > 0 {
            write!(f, ", left out {} deleted", self.deleted)?;
        }
        Ok(())
    }
}
