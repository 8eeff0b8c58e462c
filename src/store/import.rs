//! Writing articles: idempotent upserts in batches, keeping read and starred state.

/// What happened to one article on import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    Imported,
    Updated,
    Unchanged,
}

/// Totals of an import run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub imported: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub failed: u64,
}
