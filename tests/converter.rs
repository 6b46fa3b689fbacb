//! The converter, `examples/to_json.rs` (a front over the `handelingen
//! json` code of `cli/`), run as users run it: on a
//! directory holding a transcript, an empty file (a diagnostic) and a file
//! that is not UTF-8 (a failure), with each output mode.
//!
//! `cargo test` builds the examples before it runs the tests, so the binary
//! is found next to this test's own executable (`target/<profile>/examples`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use handelingen::Parsed;

fn to_json() -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows its own path");
    // target/<profile>/deps/converter-… → target/<profile>/examples/to_json
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test runs from target/<profile>/deps");
    let bin = profile_dir
        .join("examples")
        .join(format!("to_json{}", std::env::consts::EXE_SUFFIX));
    let built = std::fs::metadata(&bin)
        .and_then(|m| m.modified())
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e}: run the tests with `cargo test` (all targets), which builds the \
                 examples, or `cargo build --example to_json` first",
                bin.display()
            )
        });
    // `cargo test --test converter` alone does not rebuild the examples.
    let newest_source = ["src", "src/analysis", "src/tables", "examples", "cli/src"]
        .iter()
        .flat_map(|d| std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(d)))
        .flatten()
        .flatten()
        .filter_map(|e| e.metadata().and_then(|m| m.modified()).ok())
        .max();
    assert!(
        newest_source.is_none_or(|t| t <= built),
        "{} is older than the sources: run `cargo test` (all targets) or \
         `cargo build --example to_json` first",
        bin.display()
    );
    bin
}

/// A fresh directory under the target directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "handelingen-converter-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).expect("temp dir is writable");
    dir
}

/// The archive: `sub/001.txt` (seed 001), `empty.txt`, `latin1.txt`, and a
/// file that is not `*.txt` (left alone).
fn archive(name: &str) -> PathBuf {
    let dir = scratch(name);
    let seed = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/001_8617aaadb6b14908.txt"
    ))
    .expect("seed 001 is in fixtures/");
    std::fs::write(dir.join("sub/001.txt"), seed).expect("write");
    std::fs::write(dir.join("empty.txt"), "").expect("write");
    std::fs::write(
        dir.join("latin1.txt"),
        b"De voorzitter:\nDank u wel, mevrouw Yesilg\xf6z.\n",
    )
    .expect("write");
    std::fs::write(dir.join("notes.md"), "not a transcript").expect("write");
    dir
}

fn run(args: &[&std::ffi::OsStr]) -> (Output, String, String) {
    let out = Command::new(to_json())
        .args(args)
        .output()
        .expect("to_json runs");
    let stdout = String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8");
    let stderr = String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8");
    (out, stdout, stderr)
}

/// What every run over the archive reports on stderr, whatever the mode.
fn check_stderr(dir: &Path, stderr: &str) {
    let empty = dir.join("empty.txt");
    let latin1 = dir.join("latin1.txt");
    // A diagnostic as FILE:LINE:COL: message.
    let diagnostic = format!("{}:1:1: ", empty.display());
    assert!(stderr.contains(&diagnostic), "{stderr}");
    // The failure names the file and the byte.
    let failure = stderr
        .lines()
        .find(|l| l.starts_with(&format!("{}: error: ", latin1.display())))
        .unwrap_or_else(|| panic!("no error line for latin1.txt in {stderr}"));
    assert!(failure.contains("byte 41"), "{failure}");
    // The one-line summary: 3 files (notes.md is no *.txt), 1 failure.
    let summary = stderr.lines().last().expect("a summary line ends the run");
    assert!(
        summary.starts_with("to_json: 3 files,") && summary.contains("1 failed"),
        "{summary}"
    );
}

#[test]
fn jsonl_over_a_directory_with_a_diagnostic_and_a_failure() {
    let dir = archive("jsonl");
    let (out, stdout, stderr) = run(&[
        "--jsonl".as_ref(),
        "-j".as_ref(),
        "2".as_ref(),
        dir.as_os_str(),
    ]);
    // A failure makes the exit code 1; the other files are still converted.
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    check_stderr(&dir, &stderr);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "one line per converted document: {stdout}");
    let mut files = Vec::new();
    for line in lines {
        let value: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        files.push(value["file"].as_str().expect("file is named").to_string());
        let parsed: Parsed = serde_json::from_value(value).expect("each line is a Parsed");
        if files.last().is_some_and(|f| f.ends_with("001.txt")) {
            assert_eq!(parsed.document.speeches().count(), 32);
            assert_eq!(parsed.analysis.map(|a| a.advice.len()), Some(5));
        } else {
            assert!(parsed.document.nodes.is_empty());
            assert_eq!(parsed.diagnostics.len(), 1);
        }
    }
    files.sort();
    assert!(files[0].ends_with("empty.txt") && files[1].ends_with("001.txt"));
}

#[test]
fn output_directory_mirrors_the_input_tree() {
    let dir = archive("outdir");
    let out_dir = dir.join("out");
    let (out, _, stderr) = run(&[
        "-q".as_ref(),
        "-o".as_ref(),
        out_dir.as_os_str(),
        dir.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    // -q: no diagnostics, but the failure and the summary still show.
    assert!(!stderr.contains("empty.txt:1:1:"), "{stderr}");
    assert!(stderr.contains("latin1.txt: error: "), "{stderr}");
    let written = std::fs::read_to_string(out_dir.join("sub/001.json"))
        .expect("sub/001.txt is written to out/sub/001.json");
    let parsed: Parsed = serde_json::from_str(&written).expect("the file is a Parsed");
    assert_eq!(parsed.document.motions().count(), 3);
    assert!(out_dir.join("empty.json").is_file());
    assert!(!out_dir.join("latin1.json").exists());
    assert!(!out_dir.join("notes.json").exists());
}

#[test]
fn no_analysis_leaves_the_tree_and_drops_the_analysis() {
    let dir = archive("noanalysis");
    let seed = dir.join("sub/001.txt");
    let (full, stdout_full, _) = run(&["--jsonl".as_ref(), seed.as_os_str()]);
    let (tree, stdout_tree, _) = run(&[
        "--jsonl".as_ref(),
        "--no-analysis".as_ref(),
        seed.as_os_str(),
    ]);
    assert!(full.status.success() && tree.status.success());
    let full: Parsed = serde_json::from_str(&stdout_full).expect("JSON");
    let tree: Parsed = serde_json::from_str(&stdout_tree).expect("JSON");
    let analysis = full
        .analysis
        .as_ref()
        .expect("the analysis runs by default");
    assert!(!analysis.references.is_empty() && !analysis.contributions.is_empty());
    assert!(tree.analysis.is_none());
    assert_eq!(full.document.nodes, tree.document.nodes);
    assert_eq!(full.diagnostics, tree.diagnostics);
}

#[test]
fn bad_arguments_exit_2_with_usage() {
    let (out, _, stderr) = run(&["--threads".as_ref(), "0".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("positive number") && stderr.contains("--help"),
        "{stderr}"
    );
    let (out, stdout, _) = run(&["--help".as_ref()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout.contains("Usage: to_json"), "{stdout}");
}

#[test]
fn several_inputs_are_one_json_array() {
    let dir = archive("array");
    let (out, stdout, stderr) = run(&["-q".as_ref(), dir.as_os_str()]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let documents: Vec<Parsed> = serde_json::from_str(&stdout).expect("stdout is one JSON array");
    assert_eq!(
        documents.len(),
        2,
        "latin1.txt failed, the others are in the array"
    );
}
