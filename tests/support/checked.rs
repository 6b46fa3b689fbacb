//! A parse checked against the shared invariants, for the tests that then
//! assert on what it holds.
//!
//! Included with `#[path = "support/checked.rs"] mod checked;` beside
//! `mod invariants;` (which it uses as `crate::invariants`). Each check
//! panics with the invariant's message, at the caller.

#![allow(dead_code)]

use handelingen::{parse, Parsed};

use crate::invariants;

/// `text` parsed, after checking the invariants every parse must satisfy
/// and that its JSON reads back as the same tree.
#[track_caller]
pub fn parse_checked(text: &str) -> Parsed<'_> {
    let parsed = parse(text);
    invariants::assert_ok(invariants::check_parsed(text, &parsed));
    invariants::assert_ok(invariants::check_json_roundtrip(&parsed));
    parsed
}

/// The text of `fixtures/{name}` and its parse, checked as
/// [`parse_checked`] does. The text is leaked so that the parse, which
/// borrows it, can be returned with it (a test reads a few fixtures).
#[track_caller]
pub fn fixture(name: &str) -> (&'static str, Parsed<'static>) {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let text: &'static str = text.leak();
    (text, parse_checked(text))
}
