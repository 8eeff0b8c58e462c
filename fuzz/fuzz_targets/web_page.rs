//! Fuzz target `web_page`: see `fuzz/checks.rs` for what it asserts.
#![no_main]

#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::web_page(data));
