//! Shared by the tests that run the built `handelingen` binary.

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary cargo built for these tests.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_handelingen"))
}

/// Runs the binary with `args`; stdout and stderr as text.
pub fn run(args: &[&std::ffi::OsStr]) -> (Output, String, String) {
    let out = bin().args(args).output().expect("the binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, stdout, stderr)
}

/// A fresh directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("handelingen-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the temp dir is writable");
    dir
}

/// A fixture's path.
pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(name)
}

/// A fixture's bytes.
pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).expect("the fixture is there")
}

/// Seed 001: 32 speeches, 3 motions, 5 advice, no diagnostic.
pub const SEED: &str = "001_8617aaadb6b14908.txt";

/// A file with a diagnostic that loses structure (a motion never closed).
pub const UNTERMINATED: &[u8] = b"De voorzitter:\nIk geef het woord aan de heer Slootweg.\n\n\
De heer Slootweg (CDA):\nIk dien een motie in.\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\n\
verzoekt de regering het te regelen,\n";

/// The archive: `sub/001.txt` (seed 001), `empty.txt`, `latin1.txt` (not
/// UTF-8), `notes.md` (no `*.txt`, left alone).
pub fn archive(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join("sub")).expect("mkdir");
    std::fs::write(dir.join("sub/001.txt"), fixture(SEED)).expect("write");
    std::fs::write(dir.join("empty.txt"), "").expect("write");
    std::fs::write(
        dir.join("latin1.txt"),
        b"De voorzitter:\nDank u wel, mevrouw Yesilg\xf6z.\n",
    )
    .expect("write");
    std::fs::write(dir.join("notes.md"), "not a transcript").expect("write");
    dir
}

/// The summary line (the last line of stderr).
pub fn summary(stderr: &str) -> &str {
    stderr.lines().last().unwrap_or_default()
}

/// The number before ` failed` in the summary.
pub fn failed(stderr: &str) -> usize {
    let s = summary(stderr);
    s.split(", ")
        .find_map(|part| part.strip_suffix(" failed"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no failed count in the summary {s:?}"))
}

/// The rows of `dir/table` (`speeches.csv`), each a map from column to
/// field.
pub fn read_csv(dir: &Path, table: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(dir.join(table)).expect("the table is written");
    let headers = reader.headers().expect("a header row").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("a well-formed row");
            headers
                .iter()
                .map(String::from)
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}
