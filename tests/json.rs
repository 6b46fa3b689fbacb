//! `handelingen::json` writes the bytes `serde_json::to_vec` writes.
//!
//! - every fixture (`fixtures/**`, the fuzz regressions included), the
//!   hostile reproducers of `../shared/hostile/` when it is beside the
//!   project and, with `HANDELINGEN_CORPUS` set, every `*.txt` of the corpus
//!   and of its sibling `sittings/` folder, each with and without the
//!   analysis layer: the same bytes, and they read back as an equal
//!   `Parsed`;
//! - generated strings heavy in what JSON escapes (quotes, backslashes,
//!   every control character, DEL, multibyte UTF-8, U+2028 and U+2029), on
//!   their own and parsed as transcripts;
//! - generated `serde_json::Value`s, and values of every kind serde has
//!   (unit, newtype, tuple and struct variants, `None`, bytes, `i128`,
//!   floats that are not finite, keys that are numbers, `bool`s or `char`s,
//!   `collect_str`), so the serializer agrees with serde_json beyond the
//!   shapes this crate uses today;
//! - the errors serde_json gives (a key that is no string) are errors here
//!   too, and leave the buffer as it was;
//! - `json::write_to` streams the same bytes, everywhere the above compares
//!   them, in pieces of about `json::STREAM_CHUNK` through a buffer that
//!   never holds the whole of a large document, and passes on the error of
//!   its writer.
//!
//! The tree invariants (`tests/support/invariants.rs`) make the same byte
//! comparison wherever they check the JSON round trip: the snapshot, hostile
//! and property tests and the `json_roundtrip` fuzz target.

#[path = "support/invariants.rs"]
mod invariants;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use handelingen::{json, Parsed};
use proptest::prelude::*;
use serde::{Serialize, Serializer};

/// Our bytes equal serde_json's, with and without something already in
/// the buffer.
#[track_caller]
fn assert_same<T: ?Sized + Serialize>(value: &T) {
    let expected = serde_json::to_vec(value).expect("serde_json writes it");
    assert_eq!(
        String::from_utf8_lossy(&json::to_vec(value).expect("json writes it")),
        String::from_utf8_lossy(&expected)
    );
    let mut buf = b"prefix ".to_vec();
    json::write(value, &mut buf).expect("json writes it");
    assert_eq!(&buf[..7], b"prefix ");
    assert_eq!(&buf[7..], &expected[..]);
    assert_eq!(
        json::to_string(value).ok().map(String::into_bytes),
        Some(expected.clone())
    );
    assert_eq!(streamed(value).concat(), expected);
}

/// What `json::write_to` hands its writer, piece by piece; the buffer is
/// left empty.
#[track_caller]
fn streamed<T: ?Sized + Serialize>(value: &T) -> Vec<Vec<u8>> {
    let mut pieces = Pieces::default();
    let mut buf = b"left over".to_vec();
    json::write_to(value, &mut pieces, &mut buf).expect("json streams it");
    assert!(buf.is_empty(), "the buffer is left empty");
    pieces.0
}

/// A writer that keeps each write apart.
#[derive(Default)]
struct Pieces(Vec<Vec<u8>>);

impl std::io::Write for Pieces {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.push(buf.to_vec());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Same bytes as serde_json, and they read back as the same `Parsed`.
#[track_caller]
fn check_parsed(name: &str, parsed: &Parsed) {
    let expected = serde_json::to_vec(parsed).expect("serde_json writes a Parsed");
    if let Err(e) = invariants::check_json_writer(parsed, &expected) {
        panic!("{name}: {e}");
    }
    let ours = json::to_vec(parsed).expect("json writes a Parsed");
    let pieces = streamed(parsed);
    assert_eq!(pieces.concat(), expected, "{name}: json::write_to differs");
    if let Some((last, full)) = pieces.split_last() {
        // Every piece but the last is handed over once the buffer is full,
        // after the element that filled it.
        for piece in full {
            assert!(
                piece.len() >= json::STREAM_CHUNK,
                "{name}: a piece of {}",
                piece.len()
            );
        }
        assert!(
            !last.is_empty() || full.is_empty(),
            "{name}: an empty last piece"
        );
    }
    let back: Parsed = serde_json::from_slice(&ours).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(
        &back, parsed,
        "{name}: the JSON does not read back as the same value"
    );
}

/// Every file under `dir`, recursively, in sorted order.
fn files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, found);
        } else if path.extension().is_some_and(|e| e == "txt" || e == "bin") {
            found.push(path);
        }
    }
    found.sort();
}

/// Parses the file's bytes (as `parse_bytes`, so invalid UTF-8 is an error
/// and no JSON) and compares, then the same without the analysis layer.
fn check_file(path: &Path) -> bool {
    check_file_with(path, true)
}

fn check_file_with(path: &Path, tree_too: bool) -> bool {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match handelingen::parse_bytes(&bytes) {
        Ok(parsed) => {
            check_parsed(&path.display().to_string(), &parsed);
            let tree = handelingen::Options::default().with_analysis(false);
            let tree = tree_too.then(|| handelingen::parse_bytes_with(&bytes, &tree));
            if let Some(Ok(parsed)) = tree {
                check_parsed(&format!("{} (tree only)", path.display()), &parsed);
            }
            true
        }
        Err(_) => false,
    }
}

#[test]
fn every_fixture() {
    let mut found = Vec::new();
    files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures")),
        &mut found,
    );
    let checked = found.iter().filter(|path| check_file(path)).count();
    assert!(checked >= 25, "only {checked} fixtures found");
}

#[test]
fn the_corpus() {
    let Some(dir) = std::env::var_os("HANDELINGEN_CORPUS").map(PathBuf::from) else {
        eprintln!("json: corpus not checked: HANDELINGEN_CORPUS is not set");
        return;
    };
    let mut found = Vec::new();
    files(&dir, &mut found);
    if let Some(sittings) = dir.parent().map(|p| p.join("sittings")) {
        files(&sittings, &mut found);
    }
    assert!(!found.is_empty(), "no *.txt in {}", dir.display());
    for path in &found {
        assert!(check_file(path), "{}: not UTF-8", path.display());
    }
}

/// A speech holds its paragraphs in its content; its JSON lists them
/// apart and names each in `content` by its index: reading refuses a
/// content that names them out of order, twice or not at all.
#[test]
fn a_speech_reads_back_only_with_each_paragraph_named_once_in_order() {
    let input = "De voorzitter:\nHet woord is aan de heer Kops.\n\nDe heer Kops (PVV):\nJa.\n\n\
                 Nee.\n";
    let parsed = handelingen::parse(input);
    let speech = parsed.document.speeches().nth(1).expect("two speeches");
    let texts: Vec<&str> = speech.paragraphs().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["Ja.", "Nee."]);
    let text = serde_json::to_string(&parsed).expect("a parse serialises");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let node = &value["document"]["nodes"][1];
    assert_eq!(node["paragraphs"][1]["text"], "Nee.");
    assert_eq!(
        node["content"],
        serde_json::json!([{"type": "paragraph", "index": 0}, {"type": "paragraph", "index": 1}])
    );
    // The content as indexes: each refused with what it says.
    for (indexes, says) in [
        (
            &[1, 0][..],
            "names paragraph 1 where paragraph 0 of 2 is next",
        ),
        (&[0], "names 1 of its 2 paragraphs"),
        (&[0, 0], "names paragraph 0 where paragraph 1"),
    ] {
        let content: Vec<_> = indexes
            .iter()
            .map(|i| serde_json::json!({"type": "paragraph", "index": i}))
            .collect();
        let mut v = value.clone();
        v["document"]["nodes"][1]["content"] = content.into();
        let err = serde_json::from_value::<Parsed>(v)
            .expect_err("a content that does not name each paragraph once, in order")
            .to_string();
        assert!(err.contains(says), "{indexes:?}: {err}");
    }
}

/// The hostile reproducers of `../shared/hostile/` beside the project,
/// when it is there (those under 300 KB).
#[test]
fn the_hostile_inputs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/hostile");
    let mut found = Vec::new();
    files(&dir, &mut found);
    if found.is_empty() {
        eprintln!("json: {} not found, not checked", dir.display());
    }
    // Once each, and of each pair (n and 2n of a pattern) only the smaller
    // one: in a debug build the biggest take many seconds to parse.
    for path in &found {
        if std::fs::metadata(path).is_ok_and(|m| m.len() < 300_000) {
            check_file_with(path, false);
        }
    }
}

#[test]
fn hostile_text() {
    let mut text = String::from("De voorzitter:\n");
    for c in (0..0x20u8)
        .map(char::from)
        .chain(['"', '\\', '\u{7f}', '\u{2028}', '\u{2029}'])
    {
        text.push_str("Tekst met ");
        text.push(c);
        text.push_str(" erin \"tussen\" aanhalingstekens\\.\n\n");
    }
    text.push_str("De heer Öztürk-Gündoğan (DENK):\n\u{feff}\u{0}\u{1b}[0m \u{301}é𝄞\n");
    check_parsed("hostile", &handelingen::parse(&text));
    check_parsed("repeated", &handelingen::parse(&text.repeat(50)));
}

/// A value that writes itself through `collect_str`.
struct Shown(&'static str, u32);

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\"{}\n.", self.0, self.1)
    }
}

impl Serialize for Shown {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A byte string, through `serialize_bytes`.
struct Bytes(&'static [u8]);

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

#[derive(Serialize)]
struct Unit;

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
struct Newtype(u8);

#[derive(Serialize)]
struct Tuple(i8, &'static str);

#[derive(Serialize)]
struct Empty {}

#[derive(Serialize)]
enum Variants {
    Unit,
    Newtype(i64),
    Tuple(u8, u8),
    EmptyTuple(),
    Struct { a: u8, b: Option<u8> },
    EmptyStruct {},
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Tagged {
    First { value: u32 },
    Second(Inner),
}

#[derive(Serialize)]
struct Inner {
    #[serde(rename = "we\"ird\\key\u{1}")]
    weird: bool,
    #[serde(flatten)]
    more: BTreeMap<String, u8>,
}

/// What `to_json` writes: the file name, then the `Parsed` flattened.
#[derive(Serialize)]
struct Record<'a, 'i> {
    file: &'a str,
    #[serde(flatten)]
    parsed: &'a Parsed<'i>,
}

#[test]
fn every_kind_of_value() {
    assert_same(&());
    assert_same(&Unit);
    assert_same(&Newtype(7));
    assert_same(&Tuple(-3, "x"));
    assert_same(&Empty {});
    assert_same(&[
        Variants::Unit,
        Variants::Newtype(i64::MIN),
        Variants::Tuple(1, 2),
        Variants::EmptyTuple(),
        Variants::Struct { a: 1, b: None },
        Variants::EmptyStruct {},
    ]);
    let more: BTreeMap<String, u8> = [("x".into(), 1), ("".into(), 2)].into();
    assert_same(&[
        Tagged::First { value: 1 },
        Tagged::Second(Inner { weird: true, more }),
    ]);
    assert_same(&(true, false, 'c', '"', '\u{0}', "ä"));
    assert_same(&(i8::MIN, i16::MIN, i32::MIN, i64::MIN, i128::MIN, u128::MAX));
    assert_same(&(u8::MAX, u16::MAX, u32::MAX, u64::MAX, 0u64, 9u64, 10u64));
    assert_same(&(0.0f64, -0.0f64, 1.5f32, 1e300f64, f64::MIN_POSITIVE, 0.1f32));
    assert_same(&(f64::NAN, f64::INFINITY, f32::NEG_INFINITY));
    assert_same(&(Some(1), None::<u8>, Some(None::<u8>), vec![Some("a")]));
    assert_same(&(Bytes(b""), Bytes(b"\x00\xff"), Vec::<u8>::new()));
    assert_same(&(Shown("a", 1), Shown("", 0)));
    let mut keys = BTreeMap::new();
    keys.insert(Shown("k", 2).to_string(), 1);
    assert_same(&keys);
    assert_same(&BTreeMap::from([(1u8, "a"), (200, "b")]));
    assert_same(&BTreeMap::from([(-1i128, 1), (i128::MAX, 2)]));
    assert_same(&BTreeMap::from([(true, 1), (false, 2)]));
    assert_same(&BTreeMap::from([('x', 1), ('"', 2)]));
    assert_same(&BTreeMap::from([(Some("k"), 1)]));
    assert_same(&BTreeMap::from([(Newtype(3), 1)]));
    assert_same(&BTreeMap::<String, u8>::new());
    let parsed = handelingen::parse(include_str!("../fixtures/001_8617aaadb6b14908.txt"));
    assert_same(&Record {
        file: "dir/001 \"quoted\".txt",
        parsed: &parsed,
    });
}

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
enum KeyVariant {
    Name,
}

#[test]
fn keys_as_serde_json_takes_them() {
    assert_same(&BTreeMap::from([(KeyVariant::Name, 1)]));
    // Floats as keys: quoted when finite, an error when not.
    let finite = [(1.5f64, 1)];
    let mut map = serde_json::Map::new();
    map.insert("1.5".into(), 1.into());
    assert_eq!(
        json::to_vec(&FloatKeys(&finite)).ok(),
        serde_json::to_vec(&FloatKeys(&finite)).ok()
    );
    for bad in [[(f64::NAN, 1)], [(f64::INFINITY, 1)]] {
        assert!(serde_json::to_vec(&FloatKeys(&bad)).is_err());
        assert!(json::to_vec(&FloatKeys(&bad)).is_err());
    }
}

/// A map with float keys (no std map takes them).
struct FloatKeys<'a>(&'a [(f64, u8)]);

impl Serialize for FloatKeys<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[test]
fn errors_where_serde_json_errs_and_leave_the_buffer_alone() {
    let bad_keys = [BTreeMap::from([(vec![1u8], 1)])
        .into_iter()
        .collect::<Vec<_>>()];
    let unit_key = BTreeMap::from([((), 1)]);
    let none_key = BTreeMap::from([(None::<u8>, 1)]);
    let nested = (1, vec![BTreeMap::from([(vec![2u8], 2)])]);
    let mut buf = b"kept".to_vec();
    assert!(serde_json::to_vec(&unit_key).is_err());
    assert!(json::write(&unit_key, &mut buf).is_err());
    assert!(serde_json::to_vec(&none_key).is_err());
    assert!(json::write(&none_key, &mut buf).is_err());
    assert!(serde_json::to_vec(&nested).is_err());
    let err = json::write(&nested, &mut buf).expect_err("a sequence is no key");
    assert_eq!(buf, b"kept");
    assert!(err.message().contains("key must be a string"), "{err}");
    assert!(err.to_string().contains("key must be a string"), "{err}");
    // A sequence of pairs is no map, so that one is fine.
    assert_same(&bad_keys);
}

#[test]
fn a_large_document_is_streamed_in_pieces_through_a_small_buffer() {
    // Invented text, repeated: many paragraphs, each a speech's.
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!(
            "De heer Jansen (Partij):\nVoorzitter. Dit is alinea {i}, met \"aanhalingstekens\" en een\nregel die doorloopt.\n\n"
        ));
    }
    let parsed = handelingen::parse(&text);
    let expected = serde_json::to_vec(&parsed).expect("serde_json writes a Parsed");
    assert!(
        expected.len() > 16 * json::STREAM_CHUNK,
        "{}",
        expected.len()
    );
    let mut pieces = Pieces::default();
    let mut buf = Vec::new();
    for _ in 0..2 {
        pieces.0.clear();
        json::write_to(&parsed, &mut pieces, &mut buf).expect("json streams it");
        assert_eq!(pieces.0.concat(), expected);
        assert!(pieces.0.len() > 16, "{} pieces", pieces.0.len());
        // The buffer held a piece, never the document.
        assert!(buf.is_empty());
        assert!(
            buf.capacity() < 4 * json::STREAM_CHUNK,
            "{}",
            buf.capacity()
        );
    }
}

#[test]
fn the_error_of_the_writer_is_passed_on() {
    struct Full(usize);
    impl std::io::Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.0 == 0 {
                return Err(std::io::ErrorKind::BrokenPipe.into());
            }
            self.0 -= 1;
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    // Many small arrays: the buffer may go to the writer after each.
    let big: Vec<[String; 1]> = (0..100_000).map(|i| [format!("value {i}")]).collect();
    // The first piece, a later one, the last one.
    for accepted in [0, 3, 7] {
        let mut buf = Vec::new();
        let err = json::write_to(&big, Full(accepted), &mut buf).expect_err("the writer fails");
        assert_eq!(err.io_kind(), Some(std::io::ErrorKind::BrokenPipe), "{err}");
        assert!(buf.is_empty());
    }
    // A value's own error is no writer's.
    let err = json::write_to(&BTreeMap::from([((), 1)]), Full(9), &mut Vec::new())
        .expect_err("a unit is no key");
    assert_eq!(err.io_kind(), None);
    assert!(json::write_to(&big, Full(1000), &mut Vec::new()).is_ok());
}

/// Characters JSON escapes, and characters it must leave alone, mixed
/// with plain ones.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        2 => (0u8..0x20).prop_map(char::from),
        1 => Just('"'),
        1 => Just('\\'),
        1 => Just('/'),
        1 => Just('\u{7f}'),
        1 => Just('\u{2028}'),
        1 => Just('\u{2029}'),
        1 => Just('é'),
        1 => Just('𝄞'),
        3 => Just('a'),
    ]
}

fn tricky_string() -> impl Strategy<Value = String> {
    proptest::collection::vec(tricky_char(), 0..80).prop_map(|c| c.into_iter().collect())
}

fn value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        tricky_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::vec((tricky_string(), inner), 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn strings(s in tricky_string()) {
        assert_same(&s);
        assert_same(&BTreeMap::from([(s.clone(), s.clone())]));
        assert_same(&handelingen::text::normalize(&s));
        let back: String = serde_json::from_slice(&json::to_vec(&s).unwrap_or_default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, s);
    }

    #[test]
    fn transcripts_of_tricky_text(lines in proptest::collection::vec(tricky_string(), 0..12)) {
        let mut text = String::from("De voorzitter:\n");
        for line in &lines {
            text.push_str(line);
            text.push_str(if line.len() % 3 == 0 { "\n\n" } else { "\n" });
        }
        check_parsed("generated", &handelingen::parse(&text));
    }

    #[test]
    fn values(v in value()) {
        assert_same(&v);
    }
}
