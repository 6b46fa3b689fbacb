//! `parse → serde_json::to_string → from_str::<Parsed>` gives back an equal
//! value, for any UTF-8 input.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|text: &str| {
    let parsed = handelingen::parse(text);
    invariants::assert_ok(invariants::check_json_roundtrip(&parsed));
});
