//! Snapshot of the JSON of every fixture, and the span invariants on each.
//!
//! Review changes with `cargo insta review`; CI runs
//! `cargo insta test --check --unreferenced=reject`, so a changed, missing
//! or stale snapshot fails.

#[path = "support/invariants.rs"]
mod invariants;

#[test]
fn fixtures() {
    insta::glob!(
        "../fixtures",
        "{*.txt,handmade/*.txt,analysis/*.txt}",
        |path| {
            let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let text = String::from_utf8(bytes).expect("fixtures are UTF-8");
            let parsed = handelingen::parse(&text);
            // Spans on char boundaries, inside the input, in order, nested;
            // nothing dropped; the JSON round trip is exact.
            invariants::assert_ok(invariants::check_parsed(&text, &parsed));
            invariants::assert_ok(invariants::check_lossless(&text, &parsed));
            invariants::assert_ok(invariants::check_json_roundtrip(&parsed));
            insta::assert_json_snapshot!(parsed);
        }
    );
}
