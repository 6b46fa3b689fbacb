//! Accuracy against the corpus with ground truth (issue 7).
//!
//! The corpus is read from the folder named by `HANDELINGEN_CORPUS`
//! (`NAME.LAYOUT.txt` beside `NAME.truth.json`). Without the variable the
//! corpus test says so and passes; with it, a missing or empty folder fails.
//! Every file and layout must meet the bars in [`accuracy`]: turn F1 ≥ 0.995,
//! role accuracy ≥ 0.995, exact turn text ≥ 0.98, every motion exact, the
//! agenda item right.
//!
//! ```text
//! HANDELINGEN_CORPUS=../shared/corpus/text cargo test --test accuracy -- --nocapture
//! ```

#[path = "support/accuracy.rs"]
mod accuracy;
#[path = "support/sittings.rs"]
mod sittings;

use std::io::Write as _;
use std::path::PathBuf;

use accuracy::{align, Step};

/// The environment variable naming the corpus folder.
const CORPUS_VAR: &str = "HANDELINGEN_CORPUS";

/// The environment variable naming the folder of whole sittings; without
/// it, the `sittings` folder beside the one `HANDELINGEN_CORPUS` names.
const SITTINGS_VAR: &str = "HANDELINGEN_SITTINGS";

/// Says on stderr that a corpus test did not run, and why. Written to
/// stderr directly, not through the captured `eprintln!`, so the line shows
/// in a normal `cargo test` run.
fn not_run(what: &str, why: &str) {
    let _ = writeln!(std::io::stderr(), "accuracy: {what} not run: {why}");
}

/// Scores every case in `dir` and fails with the report if one misses a bar.
fn assert_bars(var: &str, dir: &std::path::Path) {
    let cases = accuracy::discover(dir)
        .unwrap_or_else(|e| panic!("{var} is set but the corpus is unusable: {e}"));
    assert!(
        !cases.is_empty(),
        "{var}: {} holds no NAME.LAYOUT.txt with a NAME.truth.json",
        dir.display()
    );

    let mut evaluations = Vec::new();
    let mut errors = Vec::new();
    for case in &cases {
        match accuracy::run_case(case) {
            Ok(e) => evaluations.push(e),
            Err(e) => errors.push(e),
        }
    }
    let failing = evaluations.iter().filter(|e| !e.passes()).count();
    let report = accuracy::report(&evaluations, &errors, true);
    if failing > 0 || !errors.is_empty() {
        panic!(
            "accuracy bars missed by {failing} of {} file/layout pairs{}:\n{report}",
            evaluations.len(),
            if errors.is_empty() {
                String::new()
            } else {
                format!(", {} could not be read", errors.len())
            }
        );
    }
    println!("{report}");
}

#[test]
fn corpus_meets_the_bars() {
    let Some(dir) = std::env::var_os(CORPUS_VAR).map(PathBuf::from) else {
        not_run(
            "corpus test",
            &format!(
                "{CORPUS_VAR} is not set (set it to the corpus's text/ folder, e.g. \
                 ../shared/corpus/text)"
            ),
        );
        return;
    };
    assert_bars(CORPUS_VAR, &dir);
}

/// Whole sittings (issue 12): every agenda item, and the thread view, on
/// top of the bars of the corpus test.
#[test]
fn sittings_meet_the_bars() {
    let dir = match std::env::var_os(SITTINGS_VAR) {
        Some(dir) => PathBuf::from(dir),
        None => match std::env::var_os(CORPUS_VAR) {
            Some(text) => PathBuf::from(text).join("../sittings"),
            None => {
                not_run(
                    "sittings test",
                    &format!("neither {SITTINGS_VAR} nor {CORPUS_VAR} is set"),
                );
                return;
            }
        },
    };
    if std::env::var_os(SITTINGS_VAR).is_none() && !dir.is_dir() {
        not_run(
            "sittings test",
            &format!(
                "{} does not exist and {SITTINGS_VAR} is not set",
                dir.display()
            ),
        );
        return;
    }
    assert_bars(SITTINGS_VAR, &dir);
}

// ---------------------------------------------------------------------------
// The alignment
// ---------------------------------------------------------------------------

/// The number of matched pairs of an alignment.
fn matched(steps: &[Step]) -> usize {
    accuracy::matches(steps).count()
}

/// Checks that `steps` covers every index of both sequences once, in order,
/// and that matches and substitutions are right about equality.
fn check_well_formed(ours: &[char], truth: &[char], steps: &[Step]) {
    let (mut i, mut j) = (0, 0);
    for step in steps {
        match *step {
            Step::Match(a, b) => {
                assert_eq!((a, b), (i, j), "{steps:?}");
                assert_eq!(ours[a], truth[b], "{steps:?}");
                i += 1;
                j += 1;
            }
            Step::Substitute(a, b) => {
                assert_eq!((a, b), (i, j), "{steps:?}");
                assert_ne!(ours[a], truth[b], "{steps:?}");
                i += 1;
                j += 1;
            }
            Step::Extra(a) => {
                assert_eq!(a, i, "{steps:?}");
                i += 1;
            }
            Step::Missing(b) => {
                assert_eq!(b, j, "{steps:?}");
                j += 1;
            }
        }
    }
    assert_eq!((i, j), (ours.len(), truth.len()), "{steps:?}");
}

/// The edit distance of an alignment.
fn cost(steps: &[Step]) -> usize {
    steps
        .iter()
        .filter(|s| !matches!(s, Step::Match(..)))
        .count()
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

#[test]
fn alignment_of_equal_sequences_matches_everything() {
    let a = chars("ABCA");
    let steps = align(&a, &a);
    check_well_formed(&a, &a, &steps);
    assert_eq!(
        steps,
        vec![
            Step::Match(0, 0),
            Step::Match(1, 1),
            Step::Match(2, 2),
            Step::Match(3, 3)
        ]
    );
}

#[test]
fn alignment_finds_a_spurious_turn() {
    // Ours has an extra turn in the middle: the rest still matches, where a
    // positional zip would match only the first.
    let (ours, truth) = (chars("ABXCD"), chars("ABCD"));
    let steps = align(&ours, &truth);
    check_well_formed(&ours, &truth, &steps);
    assert_eq!(matched(&steps), 4);
    assert!(steps.contains(&Step::Extra(2)), "{steps:?}");
}

#[test]
fn alignment_finds_a_missed_turn() {
    let (ours, truth) = (chars("ACD"), chars("ABCD"));
    let steps = align(&ours, &truth);
    check_well_formed(&ours, &truth, &steps);
    assert_eq!(matched(&steps), 3);
    assert_eq!(
        steps,
        vec![
            Step::Match(0, 0),
            Step::Missing(1),
            Step::Match(1, 2),
            Step::Match(2, 3)
        ]
    );
}

#[test]
fn alignment_substitutes_a_wrong_turn() {
    let (ours, truth) = (chars("AXC"), chars("ABC"));
    let steps = align(&ours, &truth);
    check_well_formed(&ours, &truth, &steps);
    assert_eq!(
        steps,
        vec![Step::Match(0, 0), Step::Substitute(1, 1), Step::Match(2, 2)]
    );
}

#[test]
fn alignment_prefers_matches_among_cheapest() {
    // Two substitutions and delete + insert both cost 2; the one that keeps
    // the match is taken.
    let (ours, truth) = (chars("XA"), chars("AY"));
    let steps = align(&ours, &truth);
    check_well_formed(&ours, &truth, &steps);
    assert_eq!(
        steps,
        vec![Step::Extra(0), Step::Match(1, 0), Step::Missing(1)]
    );
}

#[test]
fn alignment_of_empty_sequences() {
    let (empty, some) = (chars(""), chars("AB"));
    assert!(align(&empty, &empty).is_empty());
    assert_eq!(align(&some, &empty), vec![Step::Extra(0), Step::Extra(1)]);
    assert_eq!(
        align(&empty, &some),
        vec![Step::Missing(0), Step::Missing(1)]
    );
}

#[test]
fn alignment_cost_is_the_levenshtein_distance() {
    for (a, b, distance) in [
        ("kitten", "sitting", 3),
        ("flaw", "lawn", 2),
        ("ABCDEF", "ABCDEF", 0),
        ("", "ABC", 3),
        ("AAB", "ABB", 1),
        ("ABAB", "BABA", 2),
    ] {
        let (a, b) = (chars(a), chars(b));
        let steps = align(&a, &b);
        check_well_formed(&a, &b, &steps);
        assert_eq!(cost(&steps), distance, "{a:?} {b:?}: {steps:?}");
    }
}

// ---------------------------------------------------------------------------
// Scoring on hand-made documents
// ---------------------------------------------------------------------------

mod scoring {
    use super::accuracy::{self, Truth};
    use handelingen::{Document, Layout, Node, NodeKind, Role};
    use serde_json::{json, Value};

    // The tree's types cannot be built field by field outside the crate
    // (they are `#[non_exhaustive]`, and a `Text` is made by the parser or
    // `text::normalize`): the hand-made documents are written as the JSON
    // the converter writes and read back.

    /// A text as in JSON, standing for no bytes of any input.
    fn text(text: &str) -> Value {
        json!({"text": text, "span": {"start": 0, "end": 0}, "map": []})
    }

    fn para(text: &str) -> Value {
        let mut p = self::text(text);
        p["interruption"] = Value::Null;
        p["cue"] = Value::Null;
        p
    }

    /// A speech node (its `id` is set by [`document`]) with `text` as its
    /// paragraphs, then `motions` read in it.
    fn speech(
        role: Role,
        prefix: &str,
        name: &str,
        party: Option<&str>,
        text: &[&str],
        motions: Vec<Value>,
    ) -> Value {
        let mut content: Vec<Value> = (0..text.len())
            .map(|index| json!({"type": "paragraph", "index": index}))
            .collect();
        content.extend(
            motions
                .into_iter()
                .map(|m| json!({"type": "motion", "motion": m})),
        );
        json!({
            "type": "speech",
            "speaker": {
                "role": role,
                "prefix": self::text(prefix),
                "name": self::text(name),
                "party": party.map(self::text),
                "function": null,
                "label": self::text(&format!("{prefix} {name}:")),
            },
            "paragraphs": text.iter().map(|t| para(t)).collect::<Vec<_>>(),
            "content": content,
            "span": {"start": 0, "end": 0},
        })
    }

    /// A motion, the `id`-th of its document.
    fn motion(id: usize, dossier: &str, number: &str, submitters: &[&str]) -> Value {
        let clause = |text: &str| {
            let mut c = self::text(text);
            c["kind"] = json!("constaterende");
            c["opening"] = self::text("constaterende");
            c
        };
        let mut dictum = self::text("verzoekt de regering c,");
        dictum["kind"] = json!("verzoekt");
        dictum["opening"] = self::text("verzoekt");
        json!({
            "id": id,
            "kamerstuk": format!("kst-{dossier}-{number}"),
            "number": {"dossier": dossier, "number": number},
            "replaces": null,
            "submitters": submitters
                .iter()
                .map(|s| json!({"name": self::text(s)}))
                .collect::<Vec<_>>(),
            "cum_suis": false,
            "seconded": true,
            "inline": false,
            "considerations": [clause("constaterende dat a;"), clause("constaterende dat b;")],
            "dicta": [dictum],
            "body": [para("De Kamer,"), para("en gaat over tot de orde van de dag.")],
            "span": {"start": 0, "end": 0},
        })
    }

    /// A node read from its JSON, with id `id`.
    fn node(id: usize, mut json: Value) -> Node<'static> {
        json["id"] = json!(id);
        serde_json::from_value(json).expect("a hand-made node reads")
    }

    fn document(layout: Layout, nodes: Vec<Value>) -> Document<'static> {
        let nodes: Vec<Value> = nodes
            .into_iter()
            .enumerate()
            .map(|(i, mut n)| {
                n["id"] = json!(i);
                n
            })
            .collect();
        serde_json::from_value(json!({
            "layout": layout,
            "kind": "transcript",
            "is_transcript": true,
            "span": {"start": 0, "end": 0},
            "nodes": nodes,
        }))
        .expect("a hand-made document reads")
    }

    fn truth(motion_id: &str, dossier: Option<&str>, submitters: &[&str]) -> Truth {
        serde_json::from_value(serde_json::json!({
            "item": {"number": "6", "title": "Stemmingen  moties"},
            "turns": [
                {"role": "chair", "prefix": "De", "name": "voorzitter", "party": null,
                 "text": ["Het woord is aan de heer Graus."]},
                {"role": "member", "prefix": "De heer", "name": "Graus", "party": "PVV",
                 "text": ["Dank u wel.", "De Kamer,", "en gaat over tot de orde van de dag."]},
                {"role": "minister", "prefix": "Minister", "name": "Bruins Slot", "party": null,
                 "text": ["Voorzitter."]},
            ],
            "motions": [{
                "id": motion_id, "dossier": dossier, "number": dossier.map(|_| "726"),
                "submitters": submitters, "considerations": 2, "dicta": 1
            }]
        }))
        .expect("hand-made truth reads")
    }

    /// A parse that gets everything right.
    fn perfect(layout: Layout, number: Option<&str>, submitters: &[&str]) -> Document<'static> {
        let graus = speech(
            Role::Member,
            "De heer",
            "Graus",
            Some("PVV"),
            &["Dank  u\nwel."],
            vec![motion(0, "21501-08", "726", submitters)],
        );
        document(
            layout,
            vec![
                json!({
                    "type": "agenda_item",
                    "number": number.map(text),
                    "title": text("Stemmingen moties"),
                    "span": {"start": 0, "end": 0},
                }),
                speech(
                    Role::Chair,
                    "De",
                    "voorzitter",
                    None,
                    &["Het woord is aan de heer Graus."],
                    vec![],
                ),
                graus,
                speech(
                    Role::Minister,
                    "Minister",
                    "Bruins Slot",
                    None,
                    &["Voorzitter."],
                    vec![],
                ),
            ],
        )
    }

    #[test]
    fn a_perfect_parse_passes() {
        let t = truth("M-21501-08-726", Some("21501-08"), &["Graus"]);
        for (layout, name, number) in [
            (Layout::Markdown, "markdown", Some("6")),
            (Layout::Pdf, "pdf", None),
        ] {
            let e = accuracy::evaluate("x", name, &perfect(layout, number, &["Graus"]), &t);
            assert!(e.passes(), "{}\n{}", e.line(5), e.details());
            assert_eq!(e.turns.matched, 3);
            assert_eq!(e.text.right, 3);
            assert_eq!(e.roles.right, 3);
            assert!(e.notes.is_empty(), "{:?}", e.notes);
            assert!(e.line(1).contains("motions 1/1"), "{}", e.line(1));
        }
    }

    #[test]
    fn a_missing_markdown_number_fails_and_a_pdf_one_is_not_compared() {
        let t = truth("M-21501-08-726", Some("21501-08"), &["Graus"]);
        let e = accuracy::evaluate(
            "x",
            "markdown",
            &perfect(Layout::Markdown, None, &["Graus"]),
            &t,
        );
        assert!(!e.item.ok());
        assert!(!e.passes());
        let e = accuracy::evaluate("x", "pdf", &perfect(Layout::Pdf, None, &["Graus"]), &t);
        assert_eq!(e.item.number_ok, None);
        assert!(e.line(1).contains("nr=n/a"), "{}", e.line(1));
        let e = accuracy::evaluate("x", "pdf", &perfect(Layout::Pdf, Some("7"), &["Graus"]), &t);
        assert_eq!(e.item.number_ok, Some(false));
    }

    #[test]
    fn truth_motion_without_dossier_is_keyed_by_its_id() {
        assert_eq!(
            accuracy::split_motion_id("M-21501-08-726"),
            Some(("21501-08".to_owned(), "726".to_owned()))
        );
        assert_eq!(
            accuracy::split_motion_id("M-29453-469"),
            Some(("29453".to_owned(), "469".to_owned()))
        );
        assert_eq!(accuracy::split_motion_id("kst-1-2"), None);
        let t = truth("M-21501-08-726", None, &[]);
        let e = accuracy::evaluate("x", "official", &perfect(Layout::Official, None, &[]), &t);
        assert_eq!(e.motions.map(|m| (m.right, m.total)), Some((1, 1)));
        assert_eq!(e.notes.len(), 1, "{:?}", e.notes);
        // Submitters the text does not give are not made up.
        let e = accuracy::evaluate(
            "x",
            "official",
            &perfect(Layout::Official, None, &["Graus"]),
            &t,
        );
        assert_eq!(e.motions.map(|m| m.right), Some(0));
    }

    #[test]
    fn a_wrong_role_is_a_role_mistake_not_a_missing_turn_for_roles() {
        let t = truth("M-21501-08-726", Some("21501-08"), &["Graus"]);
        let doc = perfect(Layout::Official, None, &["Graus"]);
        let mut json = serde_json::to_value(&doc).expect("a document serializes");
        assert_eq!(json["nodes"][3]["speaker"]["role"], json!(Role::Minister));
        json["nodes"][3]["speaker"]["role"] = json!(Role::StateSecretary);
        let doc: Document<'static> = serde_json::from_value(json).expect("and reads back");
        let e = accuracy::evaluate("x", "official", &doc, &t);
        assert_eq!(e.turns.matched, 2);
        assert_eq!((e.roles.right, e.roles.total), (2, 3));
        assert_eq!(e.role_mismatches.len(), 1);
        assert!(!e.passes());
    }

    #[test]
    fn wrong_text_extra_motions_and_turns_are_reported() {
        let t = truth("M-21501-08-726", Some("21501-08"), &["Graus"]);
        let mut doc = perfect(Layout::Official, None, &["Graus", "Kops"]);
        if let Some(NodeKind::Speech(s)) = doc.nodes.get_mut(1).map(|n| &mut n.kind) {
            if let Some(handelingen::Block::Paragraph(p)) = s.content.first_mut() {
                p.text = handelingen::text::normalize("Het woord is aan de heer Kops.");
            }
        }
        let extra = json!({"type": "motion", "motion": motion(1, "21501-08", "727", &[])});
        doc.nodes.push(node(4, extra));
        let van_dijk = speech(Role::Other, "De heer", "Van Dijk", None, &["Ja."], vec![]);
        doc.nodes.push(node(5, van_dijk));
        let e = accuracy::evaluate("x", "official", &doc, &t);
        assert_eq!((e.turns.matched, e.turns.ours, e.turns.truth), (3, 4, 3));
        assert_eq!(e.text.right, 2);
        assert!(
            e.text_mismatches[0].contains("Kops"),
            "{:?}",
            e.text_mismatches
        );
        assert_eq!(e.motions.map(|m| m.right), Some(0));
        assert_eq!(e.extra_motions, vec!["kst-21501-08-727".to_owned()]);
        assert_eq!(e.turn_mismatches.len(), 1);
        assert!(!e.passes());
        let details = e.details();
        assert!(
            details.contains("motion: M-21501-08-726: submitters"),
            "{details}"
        );
    }

    #[test]
    fn first_difference_shows_where_paragraphs_part() {
        let s = |v: &[&str]| v.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            accuracy::first_difference(&s(&["a", "b"]), &s(&["a", "b"])),
            None
        );
        let d =
            accuracy::first_difference(&s(&["a", "bc"]), &s(&["a", "bd"])).expect("they differ");
        assert!(d.starts_with("paragraph 1 differs at char 1"), "{d}");
        let d = accuracy::first_difference(&s(&["a"]), &s(&["a", "b"])).expect("they differ");
        assert!(d.starts_with("paragraph 1 is missing"), "{d}");
        let long = "x".repeat(500);
        let d = accuracy::first_difference(&s(&[&long]), &s(&[""])).expect("they differ");
        assert!(d.len() < 300, "{d}");
    }

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(accuracy::collapse("  a \n\t b  "), "a b");
        assert_eq!(accuracy::role_name(Role::StateSecretary), "state_secretary");
    }
}
