//! `handelingen json`, `tables` and `check` run as users run them: the
//! built binary on files, directories and stdin.

mod common;

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::process::Stdio;

use common::*;
use handelingen::Parsed;

#[test]
fn one_file_is_one_document() {
    let dir = archive("one");
    let (out, stdout, stderr) = run(&["json".as_ref(), dir.join("sub/001.txt").as_os_str()]);
    assert!(out.status.success(), "{stderr}");
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON document");
    assert!(value.is_object());
    assert!(value["file"]
        .as_str()
        .is_some_and(|f| f.ends_with("sub/001.txt")));
    let parsed: Parsed = serde_json::from_value(value).expect("it reads back as Parsed");
    assert_eq!(parsed.document.speeches().count(), 32);
    assert!(
        summary(&stderr).starts_with("handelingen: 1 files,"),
        "{stderr}"
    );
}

#[test]
fn a_directory_is_an_array_in_sorted_order_and_failures_are_left_out() {
    let dir = archive("array");
    let (out, stdout, stderr) = run(&[
        "json".as_ref(),
        "-j".as_ref(),
        "2".as_ref(),
        dir.as_os_str(),
    ]);
    // latin1.txt is not UTF-8: status 1, one line naming it and the byte.
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let latin1 = format!("{}: error: ", dir.join("latin1.txt").display());
    let line = stderr
        .lines()
        .find(|l| l.starts_with(&latin1))
        .expect(&stderr);
    assert!(line.contains("byte 41"), "{line}");
    // empty.txt has a diagnostic, written as FILE:LINE:COL: kind: message.
    let empty = format!("{}:1:1: empty_input: ", dir.join("empty.txt").display());
    assert!(stderr.contains(&empty), "{stderr}");
    let docs: Vec<serde_json::Value> = serde_json::from_str(&stdout).expect("a JSON array");
    let files: Vec<&str> = docs.iter().filter_map(|d| d["file"].as_str()).collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(
        files[0].ends_with("empty.txt") && files[1].ends_with("sub/001.txt"),
        "{files:?}"
    );
    assert_eq!(failed(&stderr), 1);
    assert!(
        summary(&stderr).starts_with("handelingen: 3 files,"),
        "{stderr}"
    );
}

#[test]
fn two_files_are_an_array_and_jsonl_is_one_line_each() {
    let dir = archive("jsonl");
    let seed = dir.join("sub/001.txt");
    let empty = dir.join("empty.txt");
    let (out, stdout, _) = run(&["json".as_ref(), seed.as_os_str(), empty.as_os_str()]);
    assert!(out.status.success());
    let docs: Vec<Parsed> = serde_json::from_str(&stdout).expect("an array");
    assert_eq!(docs.len(), 2);

    let (out, stdout, _) = run(&[
        "json".as_ref(),
        "--jsonl".as_ref(),
        seed.as_os_str(),
        empty.as_os_str(),
    ]);
    assert!(out.status.success());
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    for line in lines {
        let _: Parsed = serde_json::from_str(line).expect("each line is a document");
    }
}

#[test]
fn stdin_is_a_dash() {
    let mut child = bin()
        .args(["json", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&fixture(SEED))
        .expect("write stdin");
    let out = child.wait_with_output().expect("ends");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(value["file"], "-");
    let parsed: Parsed = serde_json::from_value(value).expect("Parsed");
    assert_eq!(parsed.document.motions().count(), 3);
}

#[test]
fn output_directory_mirrors_the_tree_and_no_analysis_drops_the_layer() {
    let dir = archive("outdir");
    let out_dir = dir.join("out");
    let (out, stdout, stderr) = run(&[
        "json".as_ref(),
        "-q".as_ref(),
        "--no-analysis".as_ref(),
        "-o".as_ref(),
        out_dir.as_os_str(),
        dir.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stdout.is_empty(), "nothing on stdout with -o");
    assert!(
        !stderr.contains("empty_input"),
        "-q: no diagnostics: {stderr}"
    );
    let written = std::fs::read_to_string(out_dir.join("sub/001.json")).expect("mirrored");
    let parsed: Parsed = serde_json::from_str(&written).expect("a Parsed");
    assert!(parsed.analysis.is_none());
    assert_eq!(parsed.document.motions().count(), 3);
    assert!(out_dir.join("empty.json").is_file());
    assert!(!out_dir.join("latin1.json").exists());
    let leftovers: Vec<_> = std::fs::read_dir(&out_dir)
        .expect("listed")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn tables_join_on_ids_and_match_the_json() {
    let dir = archive("tables");
    std::fs::write(dir.join("sub/002.txt"), fixture(SEED)).expect("write");
    let out_dir = dir.join("tables");
    let (out, _, stderr) = run(&["tables".as_ref(), out_dir.as_os_str(), dir.as_os_str()]);
    assert_eq!(out.status.code(), Some(1), "latin1.txt fails: {stderr}");
    let (_, json, _) = run(&["json".as_ref(), "--jsonl".as_ref(), dir.as_os_str()]);
    let docs: Vec<Parsed> = json
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();

    let documents = read_csv(&out_dir, "documents.csv");
    assert_eq!(documents.len(), docs.len());
    let speeches = read_csv(&out_dir, "speeches.csv");
    let json_speeches: usize = docs.iter().map(|d| d.document.speeches().count()).sum();
    assert_eq!(speeches.len(), json_speeches);
    assert_eq!(speeches.len(), 64, "seed 001 twice");
    let motions = read_csv(&out_dir, "motions.csv");
    assert_eq!(motions.len(), 6);
    let clauses = read_csv(&out_dir, "clauses.csv");
    let json_clauses: usize = docs
        .iter()
        .flat_map(|d| d.document.motions())
        .map(|m| m.considerations.len() + m.dicta.len())
        .sum();
    assert_eq!(clauses.len(), json_clauses);

    // Ids are unique across the run.
    let ids: HashSet<&str> = speeches.iter().map(|s| s["speech_id"].as_str()).collect();
    assert_eq!(ids.len(), speeches.len());
    let motion_by_id: HashMap<&str, &HashMap<String, String>> = motions
        .iter()
        .map(|m| (m["motion_id"].as_str(), m))
        .collect();
    assert_eq!(motion_by_id.len(), motions.len());

    // advice.motion_id joins motions.motion_id, and the joined motion has
    // the Kamerstuk the JSON gives the advice, in the same document.
    let advice = read_csv(&out_dir, "advice.csv");
    let json_advice: Vec<_> = docs
        .iter()
        .flat_map(|d| d.analysis.iter().flat_map(|a| &a.advice))
        .collect();
    assert_eq!(advice.len(), json_advice.len());
    assert_eq!(advice.len(), 10);
    for (row, json) in advice.iter().zip(&json_advice) {
        let motion = motion_by_id[row["motion_id"].as_str()];
        assert_eq!(
            Some(motion["kamerstuk"].as_str()),
            json.kamerstuk.as_deref()
        );
        assert_eq!(motion["document_id"], row["document_id"]);
        let speech = speeches
            .iter()
            .find(|s| s["speech_id"] == row["speech_id"])
            .expect("advice.speech_id joins speeches");
        assert_eq!(speech["document_id"], row["document_id"]);
        assert_eq!(speech["node"], json.speech.to_string(), "{speech:?}");
    }
    // Clauses join their motion; a party's speeches carry the party.
    for clause in &clauses {
        assert!(motion_by_id.contains_key(clause["motion_id"].as_str()));
    }
    assert!(speeches.iter().any(|s| s["party"] == "CDA"));
    // The empty file has its diagnostic; every table has its header.
    let diagnostics = read_csv(&out_dir, "diagnostics.csv");
    assert!(diagnostics
        .iter()
        .any(|d| d["kind"] == "empty_input" && d["loses_structure"] == "true"));
    let votes = std::fs::read_to_string(out_dir.join("vote_parties.csv")).expect("written");
    assert_eq!(votes.lines().next(), Some("vote_id,document_id,party,side"));
}

#[test]
fn check_prints_diagnostics_and_fails_on_lost_structure() {
    let dir = scratch("check");
    std::fs::write(dir.join("good.txt"), fixture(SEED)).expect("write");
    std::fs::write(dir.join("bad.txt"), UNTERMINATED).expect("write");
    let good = dir.join("good.txt");
    let bad = dir.join("bad.txt");

    let (out, stdout, stderr) = run(&["check".as_ref(), good.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stdout.is_empty());

    let (out, stdout, _) = run(&["check".as_ref(), good.as_os_str(), bad.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let line = stdout.lines().next().expect("a diagnostic line");
    let prefix = format!("{}:7:1: unterminated_motion: ", bad.display());
    assert!(line.starts_with(&prefix), "{line}");

    let (out, stdout, _) = run(&["check".as_ref(), "-q".as_ref(), bad.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout.is_empty(), "-q prints no diagnostic");
}

#[test]
fn usage_errors_exit_2() {
    let (out, _, stderr) = run(&["json".as_ref()]);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let (out, _, stderr) = run(&[
        "json".as_ref(),
        "--max-size".as_ref(),
        "lots".as_ref(),
        "x".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("500MB"), "{stderr}");
    let (out, _, _) = run(&["frobnicate".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
}
