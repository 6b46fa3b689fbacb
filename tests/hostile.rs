//! Hostile inputs for issue 5, "Never crash, never lose text".
//!
//! Each test feeds one kind of hostile input and asserts something that
//! could fail: the invariants of `fuzz/invariants.rs` (spans, order,
//! nesting, lossless coverage, JSON round trip) and a fact about the result
//! (the number of speeches, the kind of diagnostic, the offset of an
//! error). The time tests compare the parse time at size n and 2n in the same
//! run (best of a few repetitions) and assert a ratio, never an absolute
//! limit, so they hold on a slow or busy machine and in debug builds
//! ([`timing::assert_linear`]).
//!
//! Every test takes the `SERIAL` lock ([`timing::serial`]): the tests of
//! this file run one at a time, so the big ones neither skew each other's
//! timings nor need several big inputs in memory at once.

use handelingen::{parse, parse_bytes, DiagnosticKind, Error, NodeKind, Parsed};

#[path = "support/invariants.rs"]
mod invariants;
#[path = "support/timing.rs"]
mod timing;

use timing::{assert_linear, repeat_to, serial, MB};

const SEED_001: &str = include_str!("../fixtures/001_8617aaadb6b14908.txt");

/// Parses and checks the tree invariants (lossless included).
#[track_caller]
fn parse_checked(text: &str) -> Parsed<'_> {
    let parsed = parse(text);
    invariants::assert_ok(invariants::check_parsed(text, &parsed));
    parsed
}

/// Parses and checks the tree invariants and the JSON round trip.
#[track_caller]
fn parse_checked_json(text: &str) -> Parsed<'_> {
    let parsed = parse_checked(text);
    invariants::assert_ok(invariants::check_json_roundtrip(&parsed));
    parsed
}

fn kinds(parsed: &Parsed) -> Vec<DiagnosticKind> {
    parsed.diagnostics.iter().map(|d| d.kind).collect()
}

fn all_text(parsed: &Parsed) -> String {
    invariants::texts(parsed).join("\n")
}

/// Every top-level node's span, shifted by `by`, as JSON: the `start` and
/// `end` of every span, and the input offsets of every source map entry
/// (`[text_start, text_end, input_start, input_end]`).
fn shifted_nodes(parsed: &Parsed, by: u64) -> serde_json::Value {
    fn shift(value: &mut serde_json::Value, by: u64) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, v) in map.iter_mut() {
                    match (key.as_str(), v.as_u64()) {
                        ("start" | "end", Some(n)) => *v = (n + by).into(),
                        ("map", None) => {
                            for entry in v.as_array_mut().into_iter().flatten() {
                                for offset in entry.as_array_mut().into_iter().flatten().skip(2) {
                                    if let Some(n) = offset.as_u64() {
                                        *offset = (n + by).into();
                                    }
                                }
                            }
                        }
                        _ => shift(v, by),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| shift(v, by)),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(&parsed.document.nodes).expect("nodes serialise");
    shift(&mut value, by);
    value
}

const SMALL_DEBATE: &str = "De voorzitter:\nHet woord is aan de heer Slootweg.\n\n\
De heer Slootweg (CDA):\nDank u wel, voorzitter. Ik heb een\nmotie.\n\n\
De Kamer,\n\ngehoord de beraadslaging,\n\nconstaterende dat er iets is;\n\n\
verzoekt de regering iets te doen,\n\nen gaat over tot de orde van de dag.\n\n\
De voorzitter:\nDeze motie is voorgesteld door het lid Slootweg.\n\n\
Zij krijgt nr. 1011 (26643).\n\n\
Minister Yeşilgöz-Zegerius:\nDank u, voorzitter.\n";

// ------------------------------------------------------------------ tests

#[test]
fn empty_input() {
    let _serial = serial();
    let parsed = parse_checked_json("");
    assert!(parsed.document.nodes.is_empty());
    assert!(!parsed.document.is_transcript);
    assert_eq!(parsed.document.span, handelingen::Span::new(0, 0));
    assert_eq!(kinds(&parsed), [DiagnosticKind::EmptyInput]);
    let d = &parsed.diagnostics[0];
    assert_eq!((d.span.start, d.line, d.column), (0, 1, 1));
    assert_eq!(parse_bytes(b"").expect("empty input is UTF-8"), parsed);
}

#[test]
fn only_whitespace() {
    let _serial = serial();
    for text in [
        " ",
        "\n\n\n",
        " \n\t\r\n  \u{a0}\u{3000}\n",
        "\r\r\r",
        "\u{feff}",
        "\u{feff} \n",
    ] {
        let parsed = parse_checked_json(text);
        assert!(
            parsed.document.nodes.is_empty(),
            "{text:?} gave nodes {:?}",
            parsed.document.nodes
        );
        assert!(
            kinds(&parsed).contains(&DiagnosticKind::EmptyInput),
            "{text:?} gave diagnostics {:?}",
            kinds(&parsed)
        );
    }
}

#[test]
fn byte_order_mark() {
    let _serial = serial();
    let with_bom = format!("\u{feff}{SMALL_DEBATE}");
    let plain = parse_checked_json(SMALL_DEBATE);
    let parsed = parse_checked_json(&with_bom);
    assert_eq!(parsed.document.speeches().count(), 4);
    // The same tree, every span 3 bytes later.
    assert_eq!(parsed.document.layout, plain.document.layout);
    assert_eq!(shifted_nodes(&plain, 3), shifted_nodes(&parsed, 0));
    for node in &parsed.document.nodes {
        assert!(node.span().start >= 3, "{node:?} covers the BOM");
    }
    assert_eq!(
        parse_bytes(with_bom.as_bytes()).expect("UTF-8"),
        parsed,
        "parse_bytes and parse differ on a BOM"
    );
    // A BOM in the middle is an invisible format character (issue 14): left
    // out of the text (the paragraph's span still holds it, so nothing is
    // lost), with a diagnostic that says so.
    let parsed = parse_checked_json("De voorzitter:\nDank\u{feff} u.\n");
    assert!(!all_text(&parsed).contains('\u{feff}'));
    assert!(all_text(&parsed).contains("Dank u."));
    assert!(kinds(&parsed).contains(&DiagnosticKind::UnusualCharacter));
}

#[test]
fn crlf_and_lone_cr() {
    let _serial = serial();
    fn summary(parsed: &Parsed) -> Vec<(String, Vec<String>)> {
        parsed
            .document
            .speeches()
            .map(|s| {
                let texts = s.text().into_iter().map(String::from).collect();
                (s.speaker.name().to_string(), texts)
            })
            .collect()
    }
    let lf = parse_checked_json(SMALL_DEBATE);
    assert_eq!(lf.document.speeches().count(), 4);
    assert_eq!(lf.document.motions().count(), 1);
    for (name, ending) in [("CRLF", "\r\n"), ("lone CR", "\r")] {
        let text = SMALL_DEBATE.replace('\n', ending);
        let parsed = parse_checked_json(&text);
        assert_eq!(
            summary(&parsed),
            summary(&lf),
            "{name} reads differently from LF"
        );
        assert_eq!(parsed.document.motions().count(), 1, "{name}: motion lost");
        assert!(
            !invariants::texts(&parsed).iter().any(|t| t.contains('\r')),
            "{name}: a \\r made it into the normalised text"
        );
    }
    // Mixed line ends in one document.
    let mixed = "De voorzitter:\r\nDank u.\r\rDe heer Slootweg (CDA):\nJa.\r\n";
    let parsed = parse_checked_json(mixed);
    assert_eq!(parsed.document.speeches().count(), 2);
}

#[test]
fn invalid_utf8() {
    let _serial = serial();
    // (bytes, offset, line, span length)
    let cases: [(&[u8], usize, usize, usize); 9] = [
        (b"De voorzitter:\n\xff\n", 15, 2, 1),
        (b"abc\n\ndef\xc3", 8, 3, 1),
        (b"\xc0\x80", 0, 1, 1),
        (b"a\n\xed\xa0\x80b", 2, 2, 1),
        (b"x\xf0\x9f\x91", 1, 1, 3),
        (b"x\xf0\x9f\x91y", 1, 1, 3),
        (b"\xef\xbb\xbfDe\n\xfe", 6, 2, 1),
        (b"a\r\nb\r\n\x80", 6, 3, 1),
        // A lone CR ends a line too.
        (b"a\rb\r\xff", 4, 3, 1),
    ];
    for (bytes, offset, line, len) in cases {
        let err = parse_bytes(bytes).expect_err("invalid UTF-8 must be an error");
        match &err {
            Error::InvalidUtf8 {
                offset: o,
                line: l,
                span,
            } => {
                assert_eq!((*o, *l), (offset, line), "{bytes:?}: {err}");
                assert_eq!((span.start, span.len()), (offset, len), "{bytes:?}");
            }
            other => panic!("{bytes:?}: unexpected error {other:?}"),
        }
        invariants::assert_ok(invariants::check_utf8_error(bytes, &err));
        assert!(err.to_string().contains(&format!("byte {offset}")), "{err}");
    }
}

#[test]
fn nul_bytes_and_control_characters() {
    let _serial = serial();
    let text = "De voorzitter:\nDank\0 u\u{1} wel\u{7f}, \u{1b}[0mvoorzitter.\n\n\
                De heer Slootweg (CDA):\n\0\n";
    let parsed = parse_checked_json(text);
    assert_eq!(parsed.document.speeches().count(), 2);
    let nul = text.find('\0').expect("a NUL");
    let control: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.kind == DiagnosticKind::ControlCharacter)
        .collect();
    assert!(!control.is_empty(), "no ControlCharacter diagnostic");
    assert_eq!(
        control[0].span.start, nul,
        "diagnostic not at the first NUL"
    );
    assert!(
        all_text(&parsed).contains("Dank\0 u\u{1} wel\u{7f}"),
        "control characters are to be kept in the text: {:?}",
        invariants::texts(&parsed)
    );
    // Only control characters.
    let parsed = parse_checked_json("\0\0\u{1}\u{2}\u{1f}");
    assert!(kinds(&parsed).contains(&DiagnosticKind::ControlCharacter));
    assert!(
        !parsed.document.nodes.is_empty(),
        "NULs are text, not nothing"
    );
}

#[test]
fn ten_megabyte_line_without_newline() {
    let _serial = serial();
    let line = repeat_to("woord ", 10 * MB);
    let text = format!("De heer Slootweg (CDA):\n{line}");
    let parsed = parse_checked(&text);
    let speeches: Vec<_> = parsed.document.speeches().collect();
    assert_eq!(speeches.len(), 1);
    assert_eq!(speeches[0].paragraphs().count(), 1);
    assert_eq!(
        speeches[0].paragraphs().next().unwrap().text.len(),
        line.trim_end().len(),
        "text of the long line lost or changed"
    );
    // No label at all: one long line of prose.
    let parsed = parse_checked(&line);
    let total: usize = invariants::texts(&parsed).iter().map(|t| t.len()).sum();
    assert_eq!(total, line.trim_end().len());
}

#[test]
fn megabyte_of_labels_without_text() {
    let _serial = serial();
    let unit = "De heer X (Y):\n";
    let text = repeat_to(unit, MB);
    let labels = text.len() / unit.len();
    let parsed = parse_checked_json(&text);
    assert_eq!(parsed.document.speeches().count(), labels);
    let first = parsed.document.speeches().next().expect("a speech");
    assert_eq!(
        (first.speaker.name(), first.speaker.party()),
        ("X", Some("Y"))
    );
    assert!(parsed
        .document
        .speeches()
        .all(|s| s.paragraphs().next().is_none()));
    assert_linear("labels", &text, &repeat_to(unit, 2 * MB));
}

#[test]
fn motion_that_never_ends() {
    let _serial = serial();
    let opening = "De heer Slootweg (CDA):\nIk dien een motie in.\n\n";
    let motion = "De Kamer,\n\ngehoord de beraadslaging,\n\n\
                  constaterende dat het nooit eindigt;\n\n\
                  verzoekt de regering een einde te maken,\n\n";
    for (name, text) in [
        ("at the end", format!("{opening}{motion}")),
        (
            "markdown",
            format!("{opening}---\n\n#### Motie\n\n{motion}"),
        ),
        ("alone", motion.to_string()),
        (
            "before a label",
            format!("{opening}{motion}De voorzitter:\nDank u wel.\n"),
        ),
    ] {
        let parsed = parse_checked_json(&text);
        let start = text.find("De Kamer,").expect("a motion");
        let unterminated: Vec<_> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.kind == DiagnosticKind::UnterminatedMotion)
            .collect();
        assert_eq!(unterminated.len(), 1, "{name}: {:?}", kinds(&parsed));
        let span = unterminated[0].span;
        assert!(
            span.start <= start && start < span.end,
            "{name}: diagnostic {span:?} does not point at `De Kamer,` (byte {start})"
        );
        let all = all_text(&parsed);
        for phrase in [
            "constaterende dat het nooit eindigt;",
            "verzoekt de regering een einde te maken,",
        ] {
            assert!(all.contains(phrase), "{name}: {phrase:?} lost");
        }
        if name == "before a label" {
            assert_eq!(parsed.document.speeches().count(), 2, "{name}");
            let chair = parsed.document.speeches().nth(1).expect("the chair");
            assert_eq!(chair.text(), ["Dank u wel."], "{name}");
        }
    }
    let unit = "De Kamer,\n\nconstaterende dat het nooit eindigt;\n\n";
    assert_linear(
        "unterminated motions",
        &repeat_to(unit, MB),
        &repeat_to(unit, 2 * MB),
    );
    let unit = "De Kamer,\n";
    assert_linear(
        "`De Kamer,` lines",
        &repeat_to(unit, MB),
        &repeat_to(unit, 2 * MB),
    );
}

#[test]
fn ten_thousand_interruptions() {
    let _serial = serial();
    let unit = "De voorzitter:\nEr is een interruptie van mevrouw Michon-Derkzen.\n\n\
                Mevrouw Michon-Derkzen (VVD):\nKlopt dat?\n\n\
                De heer Slootweg (CDA):\nJa, dat klopt.\n\n";
    let text = unit.repeat(10_000);
    let parsed = parse_checked_json(&text);
    assert_eq!(parsed.document.speeches().count(), 30_000);
    let announced: Vec<_> = parsed
        .document
        .speeches()
        .flat_map(|s| s.paragraphs())
        .filter_map(|p| p.interruption.as_ref())
        .collect();
    assert_eq!(announced.len(), 10_000);
    assert_eq!(announced[0].name, "Michon-Derkzen");
    assert_linear("interruptions", &unit.repeat(7_000), &unit.repeat(14_000));
}

/// One paragraph of the chair dense with the words the cues turn on, and
/// no sentence end: every `namens` reads the sentence back (at most 200
/// bytes), every `vraag` its words before. The cue is read in the tree, so
/// the time is the tree's.
#[test]
fn a_chair_paragraph_dense_with_cue_words() {
    let _serial = serial();
    let unit = "een vraag namens de fractie ";
    let chair = |bytes, end: &str| {
        format!(
            "De voorzitter:\n{}{end}\n\nDe heer Slootweg (CDA):\nJa.\n",
            repeat_to(unit, bytes)
        )
    };
    let cue = |text: &str| {
        let parsed = parse_checked(text);
        let first = parsed.document.speeches().next().expect("the chair speaks");
        let kind = first
            .paragraphs()
            .next()
            .and_then(|p| p.cue)
            .map(|c| c.kind);
        kind
    };
    assert_eq!(cue(&chair(MB / 8, "")), None);
    assert_eq!(
        cue(&chair(MB / 8, "Het woord is aan de minister.")),
        Some(handelingen::CueKind::Floor)
    );
    timing::assert_linear_tree_only("chair cue words", &chair(MB / 2, ""), &chair(MB, ""));
}

#[test]
fn ten_thousand_levels_of_nesting() {
    let _serial = serial();
    let deep = 10_000;
    let nests = [
        format!("{}tekst{}", "(".repeat(deep), ")".repeat(deep)),
        format!("{}De heer Slootweg (CDA):", "> ".repeat(deep)),
        format!("{}tekst", "- ".repeat(deep)),
        format!("{}tekst{}", "[".repeat(deep), "]".repeat(deep)),
        format!("{}tekst{}", "**".repeat(deep), "**".repeat(deep)),
        format!("{}tekst{}", "_".repeat(deep), "_".repeat(deep)),
        "#".repeat(deep),
        format!("{}De Kamer,", "#### Motie\n".repeat(deep)),
        "---\n".repeat(deep),
    ];
    for nest in &nests {
        let label = format!("De heer Slootweg (CDA):\n{nest}\n");
        for text in [nest.as_str(), label.as_str()] {
            let parsed = parse_checked_json(text);
            assert!(
                !parsed.document.nodes.is_empty(),
                "nothing parsed from {:?}…",
                &text[..40]
            );
        }
    }
    // A nest in a speech is the speech's text.
    let text = format!("De heer Slootweg (CDA):\n{}\n", nests[0]);
    let parsed = parse_checked_json(&text);
    let speech = parsed.document.speeches().next().expect("a speech");
    assert_eq!(speech.paragraphs().count(), 1);
    assert_eq!(speech.paragraphs().next().unwrap().text, nests[0].as_str());
    // Twenty times deeper still fits on the stack.
    let text = format!("{}tekst", "(".repeat(200_000));
    parse_checked(&text);
    let unit = "(";
    assert_linear(
        "`(` nesting",
        &repeat_to(unit, MB),
        &repeat_to(unit, 2 * MB),
    );
    let unit = "> ";
    assert_linear(
        "`> ` nesting",
        &repeat_to(unit, MB),
        &repeat_to(unit, 2 * MB),
    );
}

#[test]
fn label_cut_inside_a_utf8_sequence() {
    let _serial = serial();
    let text =
        "De voorzitter:\nHet woord is aan de minister.\n\nMinister Yeşilgöz-Zegerius:\nDank u.\n";
    let bytes = text.as_bytes();
    let s = text.find('ş').expect("ş");
    // Truncated after the first byte of `ş`.
    let err = parse_bytes(&bytes[..s + 1]).expect_err("a cut `ş` is invalid UTF-8");
    assert!(
        matches!(err, Error::InvalidUtf8 { offset, line: 4, span }
            if offset == s && span == handelingen::Span::new(s, s + 1)),
        "{err:?}"
    );
    // One byte of `ş` dropped, text after it.
    let mut dropped = bytes.to_vec();
    dropped.remove(s + 1);
    let err = parse_bytes(&dropped).expect_err("a broken `ş` is invalid UTF-8");
    assert!(
        matches!(err, Error::InvalidUtf8 { offset, line: 4, span }
            if offset == s && span.len() == 1),
        "{err:?}"
    );
    // The valid prefix parses.
    let parsed = parse_checked_json(&text[..s]);
    assert_eq!(parsed.document.speeches().count(), 1);
    // A label at the very end, with no newline, is a label.
    let end = text.find("Zegerius:").expect("label") + "Zegerius:".len();
    let parsed = parse_checked_json(&text[..end]);
    let names: Vec<_> = parsed
        .document
        .speeches()
        .map(|s| s.speaker.name())
        .collect();
    assert_eq!(names, ["voorzitter", "Yeşilgöz-Zegerius"]);
    // A 4-byte char cut in a label.
    let emoji = "De heer 👍 (CDA):\nJa.\n";
    let at = emoji.find('👍').expect("emoji");
    for cut in at + 1..at + 4 {
        let err = parse_bytes(&emoji.as_bytes()[..cut]).expect_err("cut emoji");
        assert!(
            matches!(err, Error::InvalidUtf8 { offset, line: 1, span }
                if offset == at && span.end == cut),
            "cut at {cut}: {err:?}"
        );
    }
}

/// Parses the prefix of `SEED_001` cut at `cut` and checks the result.
fn check_prefix(cut: usize) -> invariants::Check {
    let prefix = &SEED_001.as_bytes()[..cut];
    match (std::str::from_utf8(prefix), parse_bytes(prefix)) {
        (Ok(text), Ok(parsed)) => invariants::check_parsed(text, &parsed),
        (Err(_), Err(Error::InvalidUtf8 { offset, line, span })) => {
            // The cut fell inside a char that starts at `offset`.
            let expected_line = 1 + SEED_001[..offset].matches('\n').count();
            if SEED_001.is_char_boundary(offset)
                && offset < cut
                && cut - offset < 4
                && !SEED_001.is_char_boundary(cut)
                && span == handelingen::Span::new(offset, cut)
                && line == expected_line
            {
                Ok(())
            } else {
                Err(format!(
                    "InvalidUtf8 at offset {offset} line {line} span {span:?}, expected \
                     the char cut at {cut} on line {expected_line}"
                ))
            }
        }
        (utf8, result) => Err(format!(
            "from_utf8 ok: {}, but parse_bytes: {:?}",
            utf8.is_ok(),
            result.map(|_| "Ok")
        )),
    }
}

#[test]
fn truncation_at_every_byte_of_seed_001() {
    let _serial = serial();
    // About 18 000 parses of 9 KB on average: spread over the cores (the
    // other tests of this file wait for the lock meanwhile).
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    let len = SEED_001.len();
    let mut failures: Vec<(usize, String)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                scope.spawn(move || {
                    (worker..=len)
                        .step_by(workers)
                        .filter_map(|cut| check_prefix(cut).err().map(|m| (cut, m)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a worker panicked"))
            .collect()
    });
    failures.sort();
    let shown: Vec<String> = failures
        .iter()
        .take(8)
        .map(|(cut, message)| format!("prefix of {cut} bytes: {message}"))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} prefixes fail; the first ones:\n{}",
        failures.len(),
        len + 1,
        shown.join("\n")
    );
}

#[test]
fn linear_time_on_realistic_and_odd_text() {
    let _serial = serial();
    let fixtures = [
        SEED_001,
        include_str!("../fixtures/003_8cbe8220fc04b1f3.txt"),
    ]
    .concat();
    assert_linear(
        "seed transcripts",
        &repeat_to(&fixtures, MB),
        &repeat_to(&fixtures, 2 * MB),
    );
    // One paragraph of hard-wrapped lines, each ending in a broken word.
    let unit = "Dit is een lange regel met een ge- \n";
    let text = format!("De heer Slootweg (CDA):\n{}", repeat_to(unit, MB));
    let parsed = parse_checked(&text);
    assert_eq!(parsed.document.speeches().count(), 1);
    assert_linear(
        "hyphenated line ends",
        &text,
        &format!("De heer Slootweg (CDA):\n{}", repeat_to(unit, 2 * MB)),
    );
    // One paragraph of a PDF stenogram with a page break every few lines.
    let unit = "Dank u, voorzitter. Dank aan de staatssecretaris \nvoor de beant-\n\
                Aan ongecorrigeerde verslagen kan geen enkel recht worden ontleend.\n \
                woording van de vragen. \n";
    let text = format!("De voorzitter:\n{}", repeat_to(unit, MB));
    let parsed = parse_checked(&text);
    assert_eq!(parsed.document.speeches().count(), 1);
    assert_linear(
        "page breaks in one paragraph",
        &text,
        &format!("De voorzitter:\n{}", repeat_to(unit, 2 * MB)),
    );
    // A single line of words.
    let unit = "woord ";
    assert_linear(
        "one long line",
        &repeat_to(unit, MB),
        &repeat_to(unit, 2 * MB),
    );
    // Headings and rules with nothing in between.
    // (Smaller: headings are the slowest lines per byte.)
    let unit = "## 7\n\n### Titel\n\n---\n\n#### Motie\n\n";
    assert_linear(
        "headings",
        &repeat_to(unit, MB / 4),
        &repeat_to(unit, MB / 2),
    );
}

#[test]
fn parse_matches_parse_bytes() {
    let _serial = serial();
    let parsed = parse_checked_json(SEED_001);
    assert_eq!(parse_bytes(SEED_001.as_bytes()).expect("UTF-8"), parsed);
    assert!(parsed
        .document
        .nodes
        .iter()
        .any(|n| matches!(n.kind, NodeKind::Speech(_))));
}

/// The analysis layer on text dense with what it looks for: one paragraph
/// of a minister's advice, references and votes; a chair announcing votes
/// in every sentence; many motions by one submitter, then advice on each by
/// submitter and by order (the lookups that could grow with the number of
/// motions).
#[test]
fn analysis_on_dense_text_is_linear() {
    let _serial = serial();
    let unit = "De motie op stuk nr. 5 ontraad ik. De motie van de heer Van Raan neem ik over. \
                Motie 32317-858 werd **verworpen** met 70 stemmen voor en 80 stemmen tegen. \
                De eerste motie: oordeel Kamer. Kamerstuk 26643, nr. 1011 en de motie-Van \
                Raan c.s. ";
    let minister = |bytes| format!("Minister Yeşilgöz-Zegerius:\n{}\n", repeat_to(unit, bytes));
    let text = minister(MB / 8);
    let parsed = parse_checked(&text);
    let analysis = parsed
        .analysis
        .as_ref()
        .expect("the analysis runs by default");
    assert!(analysis.advice.len() > 1000 && analysis.references.len() > 1000);
    assert_linear(
        "dense advice and references",
        &minister(MB / 2),
        &minister(MB),
    );

    let unit = "Dinsdag stemmen wij over de moties. Ik heropen de vergadering. ";
    let chair = |bytes| format!("De voorzitter:\n{}\n", repeat_to(unit, bytes));
    let events = parse_checked(&chair(MB / 8))
        .analysis
        .map_or(0, |a| a.events.len());
    assert!(events > 1000);
    assert_linear("dense chair events", &chair(MB / 2), &chair(MB));

    let motion = |n: usize| {
        format!(
            "De heer Slootweg (CDA):\nVoorzitter.\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\n\
             verzoekt de regering {n},\n\nen gaat over tot de orde van de dag.\n\n\
             De voorzitter:\nDeze motie is voorgesteld door het lid Slootweg.\n\n\
             Zij krijgt nr. {n} (36000).\n\n"
        )
    };
    let debate = |motions: usize| {
        let mut text = String::from("Moties\n\n");
        for n in 1..=motions {
            text.push_str(&motion(n));
        }
        text.push_str("Minister Yeşilgöz-Zegerius:\n");
        for _ in 0..motions {
            text.push_str(
                "De motie van de heer Slootweg ontraad ik. De eerste motie: oordeel Kamer.\n\n",
            );
        }
        text
    };
    let text = debate(500);
    let parsed = parse_checked(&text);
    assert_eq!(parsed.document.motions().count(), 500);
    assert!(parsed
        .analysis
        .as_ref()
        .is_some_and(|a| a.advice.len() >= 500));
    assert_linear(
        "many motions by one submitter",
        &debate(2000),
        &debate(4000),
    );
}
