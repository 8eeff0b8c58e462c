//! Where byline keeps its files: the store and the config, from flags, environment or XDG dirs.

use std::path::PathBuf;

/// The environment variable that overrides the store path.
pub const STORE_ENV: &str = "BYLINE_STORE";
/// The environment variable that overrides the config path.
pub const CONFIG_ENV: &str = "BYLINE_CONFIG";

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "byline")
}

/// The store file: `--store`, else `$BYLINE_STORE`, else `<XDG data dir>/byline/byline.db`
/// (falling back to `./byline.db` where no home directory is known).
pub fn store_path(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| non_empty_env(STORE_ENV))
        .or_else(default_store_path)
        .unwrap_or_else(|| PathBuf::from("byline.db"))
}

/// The store file used when none is given: `<XDG data dir>/byline/byline.db`. Only its folder
/// is ever created by byline; a given path's folder must exist (a typo must not make folders).
pub fn default_store_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().join("byline.db"))
}

/// The config file: `$BYLINE_CONFIG`, else `<XDG config dir>/byline/config.toml`.
pub fn config_path() -> PathBuf {
    non_empty_env(CONFIG_ENV)
        .or_else(|| project_dirs().map(|d| d.config_dir().join("config.toml")))
        .unwrap_or_else(|| PathBuf::from("config.toml"))
}

/// Where the reader writes its log (panics with backtraces, worker errors).
pub fn log_path(store: &std::path::Path) -> PathBuf {
    project_dirs()
        .and_then(|d| d.state_dir().map(|s| s.join("byline.log")))
        .unwrap_or_else(|| store.with_extension("log"))
}

fn non_empty_env(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}
