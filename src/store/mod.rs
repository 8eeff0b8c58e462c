//! The article store: SQLite (WAL, FTS5) holding articles, sources, people, mentions and read state.
