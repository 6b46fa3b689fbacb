//! `handelingen tables` against `handelingen json` on the same inputs: the
//! CSVs read back, every table's row count and values against the JSON,
//! ids unique across the run, and every link joining a row of the same
//! document.

mod common;

use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::path::Path;

use common::*;
use handelingen::tables::TABLES;
use serde_json::Value;

type Row = HashMap<String, String>;

/// The links between tables: (table, column, table it points to). A
/// column `X_id` that is not its table's own id points to the first table
/// whose own id (first column) it is: `speech_id` to `speeches`,
/// `document_id` to `documents`, `vote_id` to `votes`.
fn links() -> Vec<(&'static str, &'static str, &'static str)> {
    let owner = |column: &str| TABLES.iter().find(|t| t.columns[0].name == column);
    let mut out = Vec::new();
    for table in TABLES {
        for column in table.columns.iter().filter(|c| c.name.ends_with("_id")) {
            let target = owner(column.name).expect("every id has its table");
            if target.name != table.name {
                out.push((table.name, column.name, target.name));
            }
        }
    }
    out
}

/// A JSON value as the CSV writes it; `None` for a list or an object that
/// is not a text object (no one column holds it).
fn field(value: &Value) -> Option<String> {
    match value {
        Value::Null => Some(String::new()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("text").and_then(Value::as_str).map(str::to_owned),
        Value::Array(_) => None,
    }
}

/// Every motion of a document in id order, with the node that holds it.
fn motions(doc: &Value) -> Vec<(&Value, &Value)> {
    let mut out = Vec::new();
    for node in doc["document"]["nodes"].as_array().expect("nodes") {
        match node["type"].as_str() {
            Some("motion") => out.push((&node["motion"], &node["id"])),
            Some("speech") => out.extend(
                node["content"]
                    .as_array()
                    .expect("content")
                    .iter()
                    .filter(|b| b["type"] == "motion")
                    .map(|b| (&b["motion"], &node["id"])),
            ),
            _ => {}
        }
    }
    out
}

fn nodes<'d>(doc: &'d Value, kind: &str) -> Vec<&'d Value> {
    doc["document"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter(|n| n["type"] == kind)
        .collect()
}

fn list<'d>(doc: &'d Value, key: &str) -> Vec<&'d Value> {
    match doc["analysis"][key].as_array() {
        Some(list) => list.iter().collect(),
        None => Vec::new(),
    }
}

/// The JSON entries one row per entry of a table stands for, and the
/// column holding the entry's `id`; `None` for the tables checked apart.
fn entries<'d>(doc: &'d Value, table: &str) -> Option<(Vec<&'d Value>, Option<&'static str>)> {
    Some(match table {
        "agenda_items" => (nodes(doc, "agenda_item"), Some("node")),
        "attendance" => (nodes(doc, "attendance"), Some("node")),
        "officers" => (nodes(doc, "officer"), Some("node")),
        "speeches" => (nodes(doc, "speech"), Some("node")),
        "motion_documents" => (nodes(doc, "kamerstuk"), Some("node")),
        "motions" => (
            motions(doc).into_iter().map(|(m, _)| m).collect(),
            Some("motion"),
        ),
        "advice" => (list(doc, "advice"), Some("advice")),
        "votes" => (list(doc, "votes"), Some("vote")),
        "references" => (list(doc, "references"), Some("reference")),
        "announced_motions" => (list(doc, "announced_motions"), Some("announcement")),
        "dates" => (list(doc, "dates"), None),
        "events" => (list(doc, "events"), Some("event")),
        "diagnostics" => (doc["diagnostics"].as_array()?.iter().collect(), None),
        _ => return None,
    })
}

/// The CSVs and the JSON of one run over `inputs`.
struct Run {
    docs: Vec<Value>,
    tables: HashMap<&'static str, Vec<Row>>,
}

impl Run {
    fn new(name: &str, inputs: &[&OsStr]) -> Run {
        let out_dir = scratch(name).join("out");
        let mut args: Vec<&OsStr> = vec!["tables".as_ref(), "-q".as_ref(), "-j".as_ref()];
        args.extend(["2".as_ref(), out_dir.as_os_str()]);
        args.extend(inputs);
        let (out, _, stderr) = run(&args);
        assert!(out.status.success(), "{stderr}");
        let mut args: Vec<&OsStr> = vec!["json".as_ref(), "-q".as_ref(), "--jsonl".as_ref()];
        args.extend(inputs);
        let (out, json, stderr) = run(&args);
        assert!(out.status.success(), "{stderr}");
        let docs = json
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect();
        let tables = TABLES
            .iter()
            .map(|t| (t.name, read_table(&out_dir, t.name)))
            .collect();
        Run { docs, tables }
    }

    fn table(&self, name: &str) -> &[Row] {
        &self.tables[name]
    }

    /// The rows of `table` grouped by document, in the order of the JSON.
    fn per_document(&self, table: &str) -> Vec<Vec<&Row>> {
        let index: HashMap<&str, usize> = self
            .table("documents")
            .iter()
            .enumerate()
            .map(|(i, d)| (d["document_id"].as_str(), i))
            .collect();
        let mut out = vec![Vec::new(); self.docs.len()];
        for row in self.table(table) {
            let i = index[row["document_id"].as_str()];
            out[i].push(row);
        }
        out
    }

    /// The row of `table` whose `column` is `id`.
    fn find(&self, table: &str, column: &str, id: &str) -> &Row {
        self.table(table)
            .iter()
            .find(|r| r[column] == id)
            .unwrap_or_else(|| panic!("no {table} row with {column} {id}"))
    }

    /// The node of the speech a `speech_id` names.
    fn speech_node(&self, speech_id: &str) -> String {
        self.find("speeches", "speech_id", speech_id)["node"].clone()
    }
}

/// Reads `dir/NAME.csv`, checking its header against the library's columns.
fn read_table(dir: &Path, name: &str) -> Vec<Row> {
    let file = format!("{name}.csv");
    let text = std::fs::read_to_string(dir.join(&file)).expect("the table is written");
    let table = TABLES.iter().find(|t| t.name == name).expect("a table");
    let header: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
    assert_eq!(
        text.lines().next(),
        Some(header.join(",").as_str()),
        "{file}"
    );
    read_csv(dir, &file)
}

/// Every check on one run.
fn check(run: &Run) {
    let docs = &run.docs;
    let files: Vec<&str> = run
        .table("documents")
        .iter()
        .map(|d| d["file"].as_str())
        .collect();
    let json_files: Vec<&str> = docs.iter().filter_map(|d| d["file"].as_str()).collect();
    assert_eq!(
        files, json_files,
        "documents.csv: one row per input, in order"
    );

    // The tables whose rows are the entries of a JSON list: count, the
    // entry's id, every column that is a key of the entry, and the span.
    for table in TABLES {
        let groups = run.per_document(table.name);
        for (doc, rows) in docs.iter().zip(&groups) {
            let Some((entries, id_column)) = entries(doc, table.name) else {
                continue;
            };
            assert_eq!(
                rows.len(),
                entries.len(),
                "{} in {}",
                table.name,
                doc["file"]
            );
            for (row, entry) in rows.iter().zip(&entries) {
                if let Some(column) = id_column {
                    assert_eq!(row[column], entry["id"].to_string(), "{}", table.name);
                }
                for column in table.columns {
                    let value = match column.name {
                        "start" | "end" => &entry["span"][column.name],
                        name if name == id_column.unwrap_or("") => continue,
                        name => &entry[name],
                    };
                    if value.is_null() && !entry_has(entry, column.name) {
                        continue;
                    }
                    if let Some(expected) = field(value) {
                        assert_eq!(row[column.name], expected, "{}.{}", table.name, column.name);
                    }
                }
            }
        }
    }

    for (doc, rows) in docs.iter().zip(run.per_document("documents")) {
        let row = rows[0];
        for key in ["layout", "kind", "is_transcript"] {
            assert_eq!(
                Some(row[key].clone()),
                field(&doc["document"][key]),
                "{key}"
            );
        }
    }
    // Speeches: the speaker's fields; the motions' node that holds them.
    for (doc, rows) in docs.iter().zip(run.per_document("speeches")) {
        for (row, node) in rows.iter().zip(nodes(doc, "speech")) {
            let speaker = &node["speaker"];
            assert_eq!(Some(row["speaker"].clone()), field(&speaker["name"]));
            for key in ["role", "prefix", "party", "function"] {
                assert_eq!(Some(row[key].clone()), field(&speaker[key]), "speech {key}");
            }
        }
    }
    for (doc, rows) in docs.iter().zip(run.per_document("motions")) {
        for (row, (motion, node)) in rows.iter().zip(motions(doc)) {
            assert_eq!(row["node"], node.to_string());
            let speech = row["speech_id"].as_str();
            if !speech.is_empty() {
                assert_eq!(run.speech_node(speech), node.to_string());
            }
            let names: Vec<String> = motion["submitters"]
                .as_array()
                .expect("submitters")
                .iter()
                .filter_map(|s| field(&s["name"]))
                .collect();
            assert_eq!(row["submitters"], names.join("; "));
        }
    }
    // Clauses: considerations then dicta of each motion, in order.
    for (doc, rows) in docs.iter().zip(run.per_document("clauses")) {
        let expected: Vec<(String, String)> = motions(doc)
            .iter()
            .flat_map(|(m, _)| {
                let c = m["considerations"].as_array().expect("considerations");
                let d = m["dicta"].as_array().expect("dicta");
                c.iter().chain(d)
            })
            .map(|c| (field(&c["kind"]).unwrap(), field(&c["text"]).unwrap()))
            .collect();
        let got: Vec<(String, String)> = rows
            .iter()
            .map(|r| (r["kind"].clone(), r["text"].clone()))
            .collect();
        assert_eq!(got, expected);
    }
    // Attendees: the members, then the others, of each attendance list.
    for (doc, rows) in docs.iter().zip(run.per_document("attendees")) {
        let mut expected = Vec::new();
        for list in nodes(doc, "attendance") {
            for m in list["members"].as_array().expect("members") {
                expected.push(("member".to_owned(), field(m).unwrap(), String::new()));
            }
            for o in list["others"].as_array().expect("others") {
                let name = field(&o["name"]).unwrap();
                expected.push(("other".to_owned(), name, field(&o["function"]).unwrap()));
            }
        }
        let got: Vec<(String, String, String)> = rows
            .iter()
            .map(|r| (r["kind"].clone(), r["name"].clone(), r["function"].clone()))
            .collect();
        assert_eq!(got, expected, "attendees of {}", doc["file"]);
    }
    for (doc, rows) in docs.iter().zip(run.per_document("attendance")) {
        for (row, list) in rows.iter().zip(nodes(doc, "attendance")) {
            let members = list["members"].as_array().expect("members").len();
            assert_eq!(row["members"], members.to_string());
            let others = list["others"].as_array().expect("others").len();
            assert_eq!(row["others"], others.to_string());
            let named = run
                .table("attendees")
                .iter()
                .filter(|a| a["attendance_id"] == row["attendance_id"])
                .count();
            assert_eq!(named, members + others);
        }
    }
    // Vote parties: parties_for then parties_against of each vote.
    for (doc, rows) in docs.iter().zip(run.per_document("vote_parties")) {
        let mut expected = Vec::new();
        for vote in list(doc, "votes") {
            for (side, key) in [("for", "parties_for"), ("against", "parties_against")] {
                for party in vote[key].as_array().expect("parties") {
                    expected.push((field(party).unwrap(), side.to_owned()));
                }
            }
        }
        let got: Vec<(String, String)> = rows
            .iter()
            .map(|r| (r["party"].clone(), r["side"].clone()))
            .collect();
        assert_eq!(got, expected);
    }
    // Contributions: the speech, its continuations, then each
    // interruption's speeches, as node ids through speech_id.
    for (doc, rows) in docs.iter().zip(run.per_document("contributions")) {
        let mut expected = Vec::new();
        for c in list(doc, "contributions") {
            let id = c["id"].to_string();
            expected.push((id.clone(), c["speech"].to_string(), "speech", String::new()));
            for s in c["continuations"].as_array().expect("continuations") {
                expected.push((id.clone(), s.to_string(), "continuation", String::new()));
            }
            let threads = c["interruptions"].as_array().expect("interruptions");
            for (i, thread) in threads.iter().enumerate() {
                for s in thread["speeches"].as_array().expect("speeches") {
                    expected.push((id.clone(), s.to_string(), "interruption", i.to_string()));
                }
            }
        }
        let got: Vec<(String, String, &str, String)> = rows
            .iter()
            .map(|r| {
                let node = run.speech_node(&r["speech_id"]);
                let part = r["part"].as_str();
                (
                    r["contribution"].clone(),
                    node,
                    part,
                    r["interruption"].clone(),
                )
            })
            .collect();
        assert_eq!(got, expected, "contributions of {}", doc["file"]);
    }
    // The analysis entries that name a speech by node name the same one
    // through speech_id.
    for (table, key) in [
        ("advice", "speech"),
        ("announced_motions", "speech"),
        ("events", "node"),
    ] {
        for (doc, rows) in docs.iter().zip(run.per_document(table)) {
            let json = entries(doc, table).expect("a list").0;
            for (row, entry) in rows.iter().zip(json) {
                if !row["speech_id"].is_empty() {
                    assert_eq!(run.speech_node(&row["speech_id"]), entry[key].to_string());
                }
            }
        }
    }
    // A motion document's motion has its Kamerstuk id.
    for row in run.table("motion_documents") {
        let motion = run.find("motions", "motion_id", &row["motion_id"]);
        assert_eq!(motion["kamerstuk"], row["kamerstuk"]);
    }

    // Ids are unique across the run; links join a row of the same document.
    for table in TABLES {
        let rows = run.table(table.name);
        let key: Vec<&str> = match table.name {
            "vote_parties" => continue,
            "contributions" => vec!["contribution_id", "speech_id"],
            _ => vec![table.columns[0].name],
        };
        let ids: HashSet<Vec<&str>> = rows
            .iter()
            .map(|r| key.iter().map(|k| r[*k].as_str()).collect())
            .collect();
        assert_eq!(ids.len(), rows.len(), "{} {key:?} unique", table.name);
    }
    let links = links();
    assert!(links.contains(&("attendees", "attendance_id", "attendance")));
    assert!(links.contains(&("motion_documents", "document_id", "documents")));
    assert!(links.contains(&("contributions", "speech_id", "speeches")));
    for (table, column, target) in links {
        let index: HashMap<&str, &Row> = run
            .table(target)
            .iter()
            .map(|r| (r[column].as_str(), r))
            .collect();
        for row in run.table(table) {
            if row[column].is_empty() {
                continue;
            }
            let joined = index
                .get(row[column].as_str())
                .unwrap_or_else(|| panic!("{table}.{column} {} joins no {target}", row[column]));
            assert_eq!(
                joined["document_id"], row["document_id"],
                "{table}.{column}"
            );
        }
    }
}

/// A key the entry has (a `null` value that is a column, not a key it
/// lacks).
fn entry_has(entry: &Value, key: &str) -> bool {
    entry.as_object().is_some_and(|o| o.contains_key(key))
}

#[test]
fn every_table_of_the_fixtures_matches_the_json() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
    let run = Run::new("tables-fixtures", &[fixtures.as_os_str()]);
    assert!(run.docs.len() >= 40, "{} documents", run.docs.len());
    for table in TABLES {
        assert!(!run.table(table.name).is_empty(), "{}: no row", table.name);
    }
    check(&run);
    // The vote fields the Stemmingen fixture has.
    let votes = run.table("votes");
    assert!(votes.iter().any(|v| v["method"] == "show_of_hands"));
    assert!(votes.iter().any(|v| v["method"] == "without_vote"));
    assert!(votes.iter().any(|v| v["rest"] == "against"));
    assert!(votes.iter().any(|v| v["subject"] == "motion"));
}

#[test]
fn every_table_of_the_sittings_matches_the_json() {
    let Some(dir) = std::env::var_os("HANDELINGEN_SITTINGS") else {
        eprintln!("HANDELINGEN_SITTINGS is not set: the sittings were not converted");
        return;
    };
    let run = Run::new("tables-sittings", &[dir.as_os_str()]);
    assert!(!run.table("attendees").is_empty());
    assert!(!run.table("votes").is_empty());
    check(&run);
}
