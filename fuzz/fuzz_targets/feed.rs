//! Fuzz target `feed`: see `fuzz/checks.rs` for what it asserts.
#![no_main]

#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = checks::feed(data);
});
