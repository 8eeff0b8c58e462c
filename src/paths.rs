//! Where byline keeps its files: the store and the config, from flags, environment or XDG dirs.
