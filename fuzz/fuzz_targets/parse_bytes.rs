//! Arbitrary bytes through `handelingen::parse_bytes`: never a panic; valid
//! UTF-8 gives a tree that satisfies every invariant of `invariants.rs`
//! (spans, order, nesting, lossless, JSON round trip), invalid UTF-8 gives
//! `Error::InvalidUtf8` at the offset `std` reports.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::assert_ok(invariants::check_bytes(data));
});
