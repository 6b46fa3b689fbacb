//! Every input in `fixtures/fuzz/` parses and satisfies the invariants of
//! `tests/support/invariants.rs`.
//!
//! The folder holds inputs that once broke an invariant — crashes found by
//! `cargo fuzz` (minimised with `cargo fuzz tmin`), failing cases shrunk by
//! proptest — and hand-made tricky inputs (a label cut inside a UTF-8
//! sequence, a bold label at the end of the file …). Files are read as
//! bytes: a `.bin` file may be invalid UTF-8 on purpose, and then the typed
//! `InvalidUtf8` error is what is checked. See `fuzz/README.md`.

use std::path::Path;

#[path = "support/invariants.rs"]
mod invariants;

#[test]
fn every_saved_input_satisfies_the_invariants() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/fuzz");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    assert!(
        !paths.is_empty(),
        "{} holds no regression inputs",
        dir.display()
    );
    let mut failures = Vec::new();
    for path in &paths {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let result = std::panic::catch_unwind(|| {
            invariants::check_bytes(&bytes)?;
            match std::str::from_utf8(&bytes) {
                Ok(text) => invariants::check_normalize_idempotent(text),
                Err(_) => Ok(()),
            }
        });
        match result {
            Ok(Ok(())) => {}
            Ok(Err(message)) => failures.push(format!("{name}: {message}")),
            Err(_) => failures.push(format!("{name}: panicked")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs in fixtures/fuzz/ fail:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
}
