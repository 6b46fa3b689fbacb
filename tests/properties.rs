//! Property tests for issue 5, "Never crash, never lose text".
//!
//! Inputs: arbitrary strings, token soup of transcript words and line ends,
//! documents glued from real transcript pieces (`fuzz/pieces.rs`, shared
//! with the `structured` fuzz target), and the seed fixtures mutated at
//! random (byte and char edits, deletions, truncations, line swaps and
//! duplications, line-end changes).
//!
//! Properties: no panic; every invariant of `fuzz/invariants.rs` (spans
//! inside the input on char boundaries, order, nesting, lossless coverage);
//! the JSON round trip is exact; normalising normalised text changes
//! nothing; invalid UTF-8 gives the typed error at the right offset.
//!
//! Case counts are small so the file runs in seconds in debug mode; set
//! `PROPTEST_CASES` to run more (it overrides every count here).

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, FileFailurePersistence};

#[path = "support/invariants.rs"]
mod invariants;
#[path = "support/pieces.rs"]
mod pieces;

const FIXTURES: [(&str, &str); 5] = [
    ("000", include_str!("../fixtures/000_2e62bc76ac0ebe26.txt")),
    ("001", include_str!("../fixtures/001_8617aaadb6b14908.txt")),
    ("002", include_str!("../fixtures/002_4d02c7255fd6d9c2.txt")),
    ("003", include_str!("../fixtures/003_8cbe8220fc04b1f3.txt")),
    ("004", include_str!("../fixtures/004_012a3d7ce59e706f.txt")),
];

/// `cases` unless `PROPTEST_CASES` says otherwise.
fn config(cases: u32) -> Config {
    let mut config = Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    // A failure on a 25 KB fixture would otherwise shrink for minutes.
    config.max_shrink_iters = 2048;
    // Failing cases are saved to `tests/properties.proptest-regressions` and
    // tried first on the next run; commit that file with the fix.
    config.failure_persistence = Some(Box::new(FileFailurePersistence::WithSource(
        "proptest-regressions",
    )));
    config
}

fn check(result: invariants::Check) -> Result<(), TestCaseError> {
    result.map_err(TestCaseError::fail)
}

// ---------------------------------------------------------------- inputs

/// Chars that matter to the grammar, mixed with any char at all.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => any::<char>(),
        2 => prop::sample::select(vec![
            '\n', '\n', '\r', ' ', ' ', '\t', ':', '(', ')', '*', '#', '-', ',', ';', '.',
            '>', '_', '\0', '\u{feff}', '\u{a0}', '\u{ad}', '\u{85}', '\u{2028}', '\u{301}',
            '\u{344}', '\u{212b}', 'ş', 'ğ', 'ö', '👍',
        ]),
        3 => prop::char::range('a', 'z'),
        1 => prop::char::range('A', 'Z'),
    ]
}

fn char_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(interesting_char(), 0..400).prop_map(|v| v.into_iter().collect())
}

/// Words and line ends of transcripts in random order.
fn token_soup() -> impl Strategy<Value = String> {
    let tokens = vec![
        "De",
        "de",
        "heer",
        "Mevrouw",
        "voorzitter",
        "voorzitter:",
        "Minister",
        "Staatssecretaris",
        "Minister-president",
        "van",
        "Financiën",
        "Slootweg",
        "Van Ginneken",
        "Yeşilgöz-Zegerius",
        "(CDA)",
        "(D66):",
        ":",
        "**",
        "## 7",
        "### ",
        "#### Motie",
        "---",
        "Kamer,",
        "gehoord de beraadslaging,",
        "constaterende dat",
        "verzoekt de regering",
        ";",
        ",",
        "en gaat over tot de orde van de dag.",
        "Zij krijgt nr. 1011 (26643).",
        "Deze motie is voorgesteld door de leden",
        "Aan ongecorrigeerde verslagen",
        "Tweede Kamer",
        "TK 70 70-10-3",
        "geschorst.",
        "De vergadering wordt van 11.20 uur",
        "pro-",
        "minente",
        "Er is een interruptie van",
        "\n",
        "\n",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        " ",
        " ",
        "  ",
        "\u{feff}",
        "\0",
        "e\u{301}",
    ];
    prop::collection::vec(prop::sample::select(tokens), 0..120).prop_map(|v| v.join(" "))
}

/// Free text for the pieces: mostly short words, sometimes odd chars.
fn piece_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(String::new()),
        3 => "[A-Za-z ]{1,20}",
        1 => prop::collection::vec(interesting_char(), 0..12)
            .prop_map(|v| v.into_iter().collect::<String>()),
    ]
}

fn generated_document() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop::collection::vec(
            (any::<u8>(), any::<u16>(), any::<u8>(), piece_text()),
            0..60,
        ),
    )
        .prop_map(|(bom, pieces)| {
            let body = pieces::render(&pieces);
            if bom {
                format!("\u{feff}{body}")
            } else {
                body
            }
        })
}

fn fixture() -> impl Strategy<Value = usize> {
    0..FIXTURES.len()
}

/// An edit of the bytes of a fixture; may break UTF-8.
#[derive(Debug, Clone)]
enum ByteEdit {
    Set(Index, u8),
    Insert(Index, Vec<u8>),
    Delete(Index, usize),
    Truncate(Index),
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    prop_oneof![
        3 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Set(i, b)),
        2 => (any::<Index>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(i, b)| ByteEdit::Insert(i, b)),
        2 => (any::<Index>(), 1..300usize).prop_map(|(i, n)| ByteEdit::Delete(i, n)),
        1 => any::<Index>().prop_map(ByteEdit::Truncate),
    ]
}

fn apply_byte_edit(bytes: &mut Vec<u8>, edit: &ByteEdit) {
    let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len + 1) };
    match edit {
        ByteEdit::Set(i, b) => {
            if !bytes.is_empty() {
                let i = i.index(bytes.len());
                bytes[i] = *b;
            }
        }
        ByteEdit::Insert(i, new) => {
            let i = at(i, bytes.len());
            bytes.splice(i..i, new.iter().copied());
        }
        ByteEdit::Delete(i, n) => {
            let i = at(i, bytes.len());
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
        ByteEdit::Truncate(i) => {
            let i = at(i, bytes.len());
            bytes.truncate(i);
        }
    }
}

/// An edit of the text of a fixture that keeps it valid UTF-8.
#[derive(Debug, Clone)]
enum TextEdit {
    Insert(Index, String),
    Delete(Index, usize),
    Truncate(Index),
    SwapLines(Index, Index),
    DuplicateLine(Index),
    DeleteLine(Index),
    JoinLine(Index),
    IndentLine(Index),
    Crlf,
    LoneCr,
}

fn text_edit() -> impl Strategy<Value = TextEdit> {
    let snippet = prop_oneof![
        generated_document(),
        char_soup().prop_map(|s| s.chars().take(8).collect()),
    ];
    prop_oneof![
        4 => (any::<Index>(), snippet).prop_map(|(i, s)| TextEdit::Insert(i, s)),
        2 => (any::<Index>(), 1..400usize).prop_map(|(i, n)| TextEdit::Delete(i, n)),
        1 => any::<Index>().prop_map(TextEdit::Truncate),
        3 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| TextEdit::SwapLines(a, b)),
        1 => any::<Index>().prop_map(TextEdit::DuplicateLine),
        1 => any::<Index>().prop_map(TextEdit::DeleteLine),
        1 => any::<Index>().prop_map(TextEdit::JoinLine),
        1 => any::<Index>().prop_map(TextEdit::IndentLine),
        1 => Just(TextEdit::Crlf),
        1 => Just(TextEdit::LoneCr),
    ]
}

/// The char boundary at or before `i.index(len + 1)`.
fn boundary(text: &str, i: &Index) -> usize {
    let mut at = i.index(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply_text_edit(text: &mut String, edit: &TextEdit) {
    match edit {
        TextEdit::Insert(i, s) => {
            let at = boundary(text, i);
            text.insert_str(at, s);
        }
        TextEdit::Delete(i, n) => {
            let at = boundary(text, i);
            let end = text[at..]
                .char_indices()
                .nth(*n)
                .map_or(text.len(), |(j, _)| at + j);
            text.replace_range(at..end, "");
        }
        TextEdit::Truncate(i) => {
            let at = boundary(text, i);
            text.truncate(at);
        }
        TextEdit::Crlf => *text = text.replace('\n', "\r\n"),
        TextEdit::LoneCr => *text = text.replace('\n', "\r"),
        line_edit => {
            let mut lines: Vec<String> = text.split_inclusive('\n').map(String::from).collect();
            if lines.is_empty() {
                return;
            }
            let n = lines.len();
            match line_edit {
                TextEdit::SwapLines(a, b) => lines.swap(a.index(n), b.index(n)),
                TextEdit::DuplicateLine(a) => {
                    let line = lines[a.index(n)].clone();
                    lines.insert(a.index(n), line);
                }
                TextEdit::DeleteLine(a) => {
                    lines.remove(a.index(n));
                }
                TextEdit::JoinLine(a) => {
                    let line = &mut lines[a.index(n)];
                    if line.ends_with('\n') {
                        line.pop();
                    }
                }
                TextEdit::IndentLine(a) => lines[a.index(n)].insert(0, ' '),
                _ => {}
            }
            *text = lines.concat();
        }
    }
}

// ------------------------------------------------------------ properties

proptest! {
    #![proptest_config(config(512))]

    /// Arbitrary printable strings, char soup and token soup.
    #[test]
    fn arbitrary_strings(text in prop_oneof![any::<String>(), char_soup(), token_soup()]) {
        check(invariants::check_text(&text))?;
    }

    /// Arbitrary bytes: invalid UTF-8 gives the typed error at the offset
    /// `std` reports, valid UTF-8 a sound tree.
    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check(invariants::check_bytes(&bytes))?;
    }

    /// Normalising normalised text changes nothing.
    #[test]
    fn normalize_is_idempotent(
        text in prop_oneof![any::<String>(), char_soup(), token_soup(), generated_document()],
    ) {
        check(invariants::check_normalize_idempotent(&text))?;
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Documents glued together from real transcript pieces.
    #[test]
    fn generated_documents(text in generated_document()) {
        check(invariants::check_text(&text))?;
    }

    /// Whole structural lines in random order (`pieces::line_soup`): the
    /// soup that found the node-order bugs of issue 14.
    #[test]
    fn structural_line_soup(choices in prop::collection::vec(any::<u8>(), 0..40)) {
        check(invariants::check_text(&pieces::line_soup(&choices)))?;
    }

    /// Normalising a slice of a seed fixture twice gives what once gave.
    #[test]
    fn normalize_is_idempotent_on_fixture_slices(
        f in fixture(),
        a in any::<Index>(),
        len in 0..2000usize,
    ) {
        let text = FIXTURES[f].1;
        let start = boundary(text, &a);
        let mut end = (start + len).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        check(invariants::check_normalize_idempotent(&text[start..end]))?;
    }
}

proptest! {
    #![proptest_config(config(128))]

    /// Seed fixtures with random byte edits: parse_bytes never panics and
    /// either gives a sound tree or the right `InvalidUtf8`.
    #[test]
    fn mutated_fixture_bytes(
        f in fixture(),
        edits in prop::collection::vec(byte_edit(), 1..8),
    ) {
        let mut bytes = FIXTURES[f].1.as_bytes().to_vec();
        for edit in &edits {
            apply_byte_edit(&mut bytes, edit);
        }
        check(invariants::check_bytes(&bytes))?;
    }

    /// Seed fixtures with random text edits (insertions of transcript
    /// pieces, deletions, truncation, line swaps, CRLF and lone CR).
    #[test]
    fn mutated_fixture_text(
        f in fixture(),
        edits in prop::collection::vec(text_edit(), 1..8),
    ) {
        let mut text = FIXTURES[f].1.to_string();
        for edit in &edits {
            apply_text_edit(&mut text, edit);
        }
        check(invariants::check_text(&text))?;
    }
}

/// The seed fixtures themselves, as a baseline for the properties above.
#[test]
fn fixtures_satisfy_the_invariants() {
    for (name, text) in FIXTURES {
        if let Err(message) = invariants::check_text(text) {
            panic!("fixture {name}: {message}");
        }
        for line in text.lines() {
            if let Err(message) = invariants::check_normalize_idempotent(line) {
                panic!("fixture {name}: {message}");
            }
        }
    }
}
