//! The committed JSON Schema (`schema/handelingen.schema.json`) is the one
//! the types generate, and the JSON the command writes for every fixture
//! and corpus file validates against it.
//!
//! Regenerate the schema after changing a type: `UPDATE_SCHEMA=1 cargo test
//! -p handelingen-cli --test schema`.

use std::path::{Path, PathBuf};

const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../schema/handelingen.schema.json"
);

fn generated() -> String {
    let schema = handelingen::schema::json_schema();
    let mut text = serde_json::to_string_pretty(&schema).expect("a Value serialises");
    text.push('\n');
    text
}

#[test]
fn committed_schema_is_up_to_date() {
    let fresh = generated();
    if std::env::var_os("UPDATE_SCHEMA").is_some_and(|v| v == "1") {
        std::fs::write(SCHEMA, &fresh).expect("schema/ is writable");
        return;
    }
    let committed = std::fs::read_to_string(SCHEMA).unwrap_or_default();
    assert!(
        committed == fresh,
        "{SCHEMA} is stale (or missing): regenerate it with \
         `UPDATE_SCHEMA=1 cargo test -p handelingen-cli --test schema` and commit it"
    );
}

/// Every `*.txt` under `dir`, recursively, sorted.
fn txt_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            txt_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "txt") {
            found.push(path);
        }
    }
    found.sort();
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(SCHEMA).expect("the schema is committed"))
            .expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema is a valid draft 2020-12 schema")
}

/// Validates what the command writes for `path`, with and without the
/// analysis layer; returns the number of documents checked.
fn check(validator: &jsonschema::Validator, path: &Path) -> usize {
    let bytes = std::fs::read(path).expect("readable");
    let mut checked = 0;
    for analysis in [true, false] {
        let options = handelingen::Options::default().with_analysis(analysis);
        let Ok(parsed) = handelingen::parse_bytes_with(&bytes, &options) else {
            continue; // not UTF-8: no JSON is written
        };
        let mut json = Vec::new();
        handelingen_cli::output::write_json(&path.display().to_string(), &parsed, &mut json, false)
            .expect("serialises");
        let value: serde_json::Value = serde_json::from_slice(&json).expect("the output is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .take(5)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(
            errors.is_empty(),
            "{} (analysis {analysis}) does not match the schema:\n{}",
            path.display(),
            errors.join("\n")
        );
        checked += 1;
    }
    checked
}

#[test]
fn every_fixture_validates() {
    let validator = validator();
    let mut files = Vec::new();
    txt_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures"),
        &mut files,
    );
    assert!(files.len() > 10, "fixtures found: {}", files.len());
    let checked: usize = files.iter().map(|f| check(&validator, f)).sum();
    assert!(checked >= files.len(), "{checked} documents checked");
}

#[test]
fn every_corpus_file_validates() {
    let Some(corpus) = std::env::var_os("HANDELINGEN_CORPUS") else {
        eprintln!("HANDELINGEN_CORPUS is not set: the corpus was not validated against the schema");
        return;
    };
    let validator = validator();
    let mut files = Vec::new();
    txt_files(Path::new(&corpus), &mut files);
    assert!(
        !files.is_empty(),
        "no *.txt in {}",
        corpus.to_string_lossy()
    );
    for f in &files {
        check(&validator, f);
    }
}

/// The schema is exact: a key missing or one too many is an error.
#[test]
fn the_schema_rejects_a_missing_or_an_extra_key() {
    let validator = validator();
    let parsed = handelingen::parse("De voorzitter:\nDank u wel.\n");
    let mut json = Vec::new();
    handelingen_cli::output::write_json("x.txt", &parsed, &mut json, false).expect("serialises");
    let value: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
    assert!(validator.is_valid(&value));

    let mut missing = value.clone();
    let speaker = &mut missing["document"]["nodes"][0]["speaker"];
    speaker.as_object_mut().expect("an object").remove("party");
    assert!(
        !validator.is_valid(&missing),
        "a speaker without party passed"
    );

    let mut extra = value.clone();
    extra["surprise"] = 1.into();
    assert!(
        !validator.is_valid(&extra),
        "an unknown top-level key passed"
    );

    // An unknown key anywhere: in a node (whose keys come from a tagged
    // variant), in a nested object, in a paragraph (a flattened text).
    for pointer in [
        "/document/nodes/0",
        "/document/nodes/0/speaker",
        "/document/nodes/0/paragraphs/0",
        "/document/nodes/0/speaker/name",
    ] {
        let mut extra = value.clone();
        let object = extra
            .pointer_mut(pointer)
            .and_then(|v| v.as_object_mut())
            .expect(pointer);
        object.insert("surprise".into(), 1.into());
        assert!(
            !validator.is_valid(&extra),
            "an unknown key at {pointer} passed"
        );
    }

    let mut wrong = value;
    wrong["format"] = 1.into();
    assert!(!validator.is_valid(&wrong), "format 1 passed");
}
