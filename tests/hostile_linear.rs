//! Linear time on the eight quadratic inputs of `../shared/hostile/` (at
//! commit ac79f7c twice the input took about four times as long): four
//! detectors of the analysis layer (`quad_votes`, `quad_refs_late`,
//! `quad_advice_phrases`, `quad_ordinal`), the span search the source map
//! replaced (`quad_nfd_vote`, `quad_nfd_event`, `quad_pdf_footer_vote`)
//! and the normaliser's hyphen rule (`quad_hyphen_x`); and the evidence for
//! split words gathered from the whole document (`split_word_evidence_linear`).
//!
//! Each pattern is built here at the sizes of its two files, n and 2n, and
//! the parse of 2n must take at most 2.5 times as long as that of n, with
//! the analysis layer and without it ([`timing::assert_linear`],
//! [`timing::assert_linear_tree_only`]); what the analysis finds is checked too (a
//! vote per outcome word, a reference per motion named, the advice), so a
//! fix that drops findings fails. A version of about 10 MB of each must
//! parse as well, with no time limit ([`BIG`]: 2 MB in a debug build).
//! When `../shared/hostile/` is beside the project,
//! [`shared_files_are_the_patterns`] checks that its files are these
//! patterns and what they parse to; without the folder it says so and
//! passes.

use std::io::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use handelingen::{parse, AdviceKind, CueKind, MotionLink, Parsed, Span, VoteResult};

#[path = "support/invariants.rs"]
mod invariants;
#[path = "support/timing.rs"]
mod timing;

use timing::{assert_linear, assert_linear_tree_only, serial, MB};

/// One hostile pattern: a head, then a unit n times, then a tail.
struct Pattern {
    name: &'static str,
    /// Its files in `../shared/hostile/`, and n: they hold n and 2n units.
    files: ([&'static str; 2], usize),
    /// Head, unit, tail.
    parts: [&'static str; 3],
    /// What the analysis must find in the pattern with `n` units.
    check: fn(&Parsed<'_>, &Pattern, usize),
}

impl Pattern {
    fn head(&self) -> &'static str {
        self.parts[0]
    }

    fn unit(&self) -> &'static str {
        self.parts[1]
    }

    fn tail(&self) -> &'static str {
        self.parts[2]
    }

    /// n: the number of units in the smaller file.
    fn n(&self) -> usize {
        self.files.1
    }

    /// The pattern with `n` units.
    fn text(&self, n: usize) -> String {
        let mut text = String::with_capacity(self.unit_start(n) + self.tail().len());
        text.push_str(self.head());
        for _ in 0..n {
            text.push_str(self.unit());
        }
        text.push_str(self.tail());
        text
    }

    /// The number of units in a text of `bytes` bytes.
    fn units(&self, bytes: usize) -> usize {
        bytes.saturating_sub(self.head().len() + self.tail().len()) / self.unit().len()
    }

    /// Where unit `k` starts.
    fn unit_start(&self, k: usize) -> usize {
        self.head().len() + k * self.unit().len()
    }

    /// The span of the one sentence the units form: from the speech's
    /// first word (after the label, if any) to the end of the text, the
    /// line end left out.
    fn sentence(&self, n: usize) -> Span {
        let label = self.head().find(":\n").map_or(0, |i| i + 2);
        let end = match self.tail().trim_end() {
            "" => self.unit_start(n.saturating_sub(1)) + self.unit().trim_end().len(),
            tail => self.unit_start(n) + tail.len(),
        };
        Span::new(label, end)
    }
}

const VOTES: Pattern = Pattern {
    name: "votes: outcome words in one sentence",
    files: (["quad_votes_100k.txt", "quad_votes_200k.txt"], 6_250),
    parts: ["De motie ", "werd aangenomen ", ".\n"],
    check: |parsed, p, n| {
        let votes = &analysis(parsed).votes;
        assert_eq!(votes.len(), n, "one vote per outcome word");
        for v in votes {
            assert_eq!(v.result, VoteResult::Adopted);
            assert_eq!((v.reference, v.span), (None, p.sentence(n)));
        }
    },
};

const REFS_LATE: Pattern = Pattern {
    name: "references after fourteen words, in a minister's turn",
    files: (
        ["quad_refs_late_210k.txt", "quad_refs_late_420k.txt"],
        10_000,
    ),
    parts: [
        "Minister Rutte:\nIk wil hier heel kort iets over zeggen aan u allen want het is \
         van belang dat ",
        "de motie-Van Raan en ",
        "dat was het.\n",
    ],
    check: |parsed, p, n| {
        let analysis = analysis(parsed);
        let refs = &analysis.references;
        assert_eq!(refs.len(), n, "one reference per motion named");
        for (k, r) in refs.iter().enumerate() {
            let start = p.unit_start(k) + "de ".len();
            assert_eq!(
                r.text.span(),
                Span::new(start, start + "motie-Van Raan".len())
            );
            assert_eq!((r.submitter(), r.kamerstuk()), (Some("Van Raan"), None));
        }
        assert!(analysis.advice.is_empty() && analysis.votes.is_empty());
    },
};

const ADVICE_PHRASES: Pattern = Pattern {
    name: "advice phrases in one sentence",
    files: (
        [
            "quad_advice_phrases_225k.txt",
            "quad_advice_phrases_450k.txt",
        ],
        25_000,
    ),
    parts: ["Minister Rutte:\nDe motie ", "ontraden ", ".\n"],
    // The same advice on the same (unnamed) motion, recorded once.
    check: |parsed, p, n| one_advice(parsed, p.sentence(n), None),
};

const ORDINAL: Pattern = Pattern {
    name: "advice by order, in one sentence",
    files: (["quad_ordinal_280k.txt", "quad_ordinal_560k.txt"], 10_000),
    parts: ["Minister Rutte:\n", "de eerste motie ontraad ik, ", "\n"],
    // No motion in the document: none to point to.
    check: |parsed, p, n| {
        one_advice(parsed, p.sentence(n), None);
        assert!(analysis(parsed).references.is_empty());
    },
};

const NFD_VOTE: Pattern = Pattern {
    name: "a vote after a decomposed char (span from the source map)",
    files: (["quad_nfd_vote_50k.txt", "quad_nfd_vote_100k.txt"], 25_000),
    parts: [
        "De voorzitter:\n",
        "a ",
        "de motie werd aangenomen e\u{301}.\n",
    ],
    check: |parsed, p, n| {
        let votes = &analysis(parsed).votes;
        assert_eq!(votes.len(), 1, "{votes:?}");
        assert_eq!(votes[0].result, VoteResult::Adopted);
        assert_eq!(votes[0].span, p.sentence(n));
    },
};

const NFD_EVENT: Pattern = Pattern {
    name: "a chair's event after a decomposed char (span from the source map)",
    files: (
        ["quad_nfd_event_50k.txt", "quad_nfd_event_100k.txt"],
        25_000,
    ),
    parts: [
        "De voorzitter:\n",
        "a ",
        "Ik stel voor aanstaande dinsdag te stemmen e\u{301}.\n",
    ],
    check: |parsed, p, n| {
        let events = &analysis(parsed).events;
        assert_eq!(events.len(), 1, "{events:?}");
        assert_eq!(
            events[0].kind,
            handelingen::Procedure::VotesAnnounced {
                when: Some("aanstaande dinsdag".into())
            }
        );
        assert_eq!(events[0].text.span(), p.sentence(n));
    },
};

const PDF_FOOTER_VOTE: Pattern = Pattern {
    name: "a page footer inside the sentence of a vote",
    files: (
        [
            "quad_pdf_footer_vote_50k.txt",
            "quad_pdf_footer_vote_100k.txt",
        ],
        25_000,
    ),
    parts: [
        "De voorzitter:\n",
        "a ",
        "de motie\nAan ongecorrigeerde verslagen kan geen enkel recht worden ontleend.\n\
         werd aangenomen.\n",
    ],
    check: |parsed, p, n| {
        let votes = &analysis(parsed).votes;
        assert_eq!(votes.len(), 1, "{votes:?}");
        assert_eq!(votes[0].span, p.sentence(n));
        let speech = parsed
            .document
            .speeches()
            .next()
            .expect("the chair's speech");
        assert!(speech
            .paragraphs()
            .next()
            .unwrap()
            .text
            .ends_with("de motie werd aangenomen."));
    },
};

const HYPHEN_X: Pattern = Pattern {
    name: "lines that are just `x-` (the normaliser's hyphen rule)",
    files: (["quad_hyphen_x_150k.txt", "quad_hyphen_x_300k.txt"], 50_000),
    parts: ["", "x-\n", ""],
    // Every hyphen is kept (`x` has no vowel): one paragraph `x-x-…x-`.
    check: |parsed, _, n| {
        let texts: Vec<&str> = parsed
            .document
            .nodes
            .iter()
            .filter_map(|node| match &node.kind {
                handelingen::NodeKind::Paragraph(p) => Some(p.text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(texts.len(), 1);
        assert_eq!(texts[0].len(), 2 * n);
        assert!(texts[0].starts_with("x-x-"));
    },
};

/// The pattern has one advice, `ontraden`, over its sentence, on `motion`.
fn one_advice(parsed: &Parsed<'_>, sentence: Span, motion: Option<(&str, MotionLink)>) {
    let advice = &analysis(parsed).advice;
    assert_eq!(advice.len(), 1, "{advice:?}");
    let a = &advice[0];
    assert_eq!((a.kind, a.span), (AdviceKind::Ontraden, sentence));
    assert_eq!(
        (a.kamerstuk.as_deref(), a.link),
        (motion.map(|m| m.0), motion.map(|m| m.1))
    );
}

/// Two motions of the debate before [`ORDINAL`]: `de eerste motie` is the
/// first of them.
const TWO_MOTIONS: &str = "Moties\n\n\
    De heer Slootweg (CDA):\nVoorzitter.\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\n\
    verzoekt de regering iets,\n\nen gaat over tot de orde van de dag.\n\n\
    De voorzitter:\nDeze motie is voorgesteld door het lid Slootweg.\n\n\
    Zij krijgt nr. 1 (36000).\n\n\
    De heer Van Raan (PvdD):\nVoorzitter.\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\n\
    verzoekt de regering iets anders,\n\nen gaat over tot de orde van de dag.\n\n\
    De voorzitter:\nDeze motie is voorgesteld door het lid Van Raan.\n\n\
    Zij krijgt nr. 2 (36000).\n\n";

/// The size of the big version of each pattern: 10 MB in a release build
/// (`cargo test --release --test hostile_linear`: 0.5 to 1 s each), 2 MB in
/// a debug build, which parses these patterns at 1 to 2 MB/s (10 MB of each
/// took 5 to 9 s, 25 s for the four).
const BIG: usize = if cfg!(debug_assertions) {
    2 * MB
} else {
    10 * MB
};

/// Parses the pattern with `n` units and checks its findings, and the tree
/// invariants when `invariants` (they cost more than the parse in a debug
/// build).
fn parse_pattern(p: &Pattern, n: usize, invariants: bool) {
    let text = p.text(n);
    let parsed = parse(&text);
    if invariants {
        invariants::assert_ok(invariants::check_parsed(&text, &parsed));
    }
    (p.check)(&parsed, p, n);
}

/// The analysis layer of `parsed` (on by default).
fn analysis<'p, 'a>(parsed: &'p Parsed<'a>) -> &'p handelingen::Analysis<'a> {
    parsed
        .analysis
        .as_ref()
        .expect("the analysis layer runs by default")
}

/// The pattern at the sizes of its files: its findings, linear time (with
/// the analysis layer and without it); then about 10 MB of it ([`BIG`]).
fn linear_and_big(p: &Pattern) {
    let _serial = serial();
    parse_pattern(p, p.n(), true);
    let (small, large) = (p.text(p.n()), p.text(2 * p.n()));
    assert_linear(p.name, &small, &large);
    assert_linear_tree_only(p.name, &small, &large);
    let start = Instant::now();
    let big = p.units(BIG);
    parse_pattern(p, big, false);
    eprintln!(
        "{}: {} units ({} bytes) parsed and checked in {:?}",
        p.name,
        big,
        p.unit_start(big) + p.tail().len(),
        start.elapsed()
    );
}

/// A test of [`linear_and_big`] per pattern.
macro_rules! linear_and_big {
    ($($test:ident: $pattern:expr;)*) => {$(
        #[test]
        fn $test() {
            linear_and_big(&$pattern);
        }
    )*};
}

linear_and_big! {
    votes_linear: VOTES;
    refs_late_linear: REFS_LATE;
    advice_phrases_linear: ADVICE_PHRASES;
    ordinal_linear: ORDINAL;
    nfd_vote_linear: NFD_VOTE;
    nfd_event_linear: NFD_EVENT;
    pdf_footer_vote_linear: PDF_FOOTER_VOTE;
    hyphen_x_linear: HYPHEN_X;
}

/// [`ORDINAL`] after two motions: every `de eerste motie` is the first, by
/// order; the lookup by order must not grow with the number of phrases.
#[test]
fn ordinal_with_motions_linear() {
    let _serial = serial();
    let text = |n: usize| format!("{TWO_MOTIONS}{}", ORDINAL.text(n));
    let small = text(10_000);
    let parsed = parse(&small);
    assert_eq!(parsed.document.motions().count(), 2);
    let speech = small.rfind("Minister Rutte:\n").unwrap_or_default() + "Minister Rutte:\n".len();
    one_advice(
        &parsed,
        Span::new(speech, small.trim_end().len()),
        Some(("kst-36000-1", MotionLink::Order)),
    );
    assert_linear("advice by order after motions", &small, &text(20_000));
}

/// One chair's paragraph of `n` phrases that may announce an interruption
/// in a fixed form (`Er is een vraag van de heer …` with no full stop, `…
/// heeft nog een vraag.`), the last a phrase that gives the floor: every
/// phrase is read (a fixed form anywhere comes first), each reads a
/// bounded window or up to its own sentence's end.
#[test]
fn chair_paragraph_of_many_announcements_linear() {
    let _serial = serial();
    let text = |n: usize| {
        let unit = "Er is een vraag van de heer Pool en Er is een interruptie van mevrouw \
                    Dijk? De heer Koops heeft daar nog een vraag over! ";
        format!(
            "De voorzitter:\n{}Het woord is aan de minister.\n\nMinister Rutte:\nJa.\n",
            unit.repeat(n)
        )
    };
    let small = text(4_000);
    let parsed = parse(&small);
    let chair = parsed.document.speeches().next().expect("the chair speaks");
    let p = chair.paragraphs().next().expect("a paragraph");
    // No fixed form is complete (each ends with `?` or `!`, not `.`): the
    // last phrase decides.
    assert_eq!(p.cue.map(|c| c.kind), Some(CueKind::Floor));
    assert!(p.interruption.is_none());
    assert_linear("chair's announcements", &small, &text(8_000));
}

/// One speech of `n` paragraphs: each paragraph asked whether a motion was
/// read in the speech before it (once a search of all its blocks: 2x the
/// paragraphs took 3.7x the time, 0.5 MB 4.4 s).
#[test]
fn many_paragraphs_in_one_speech_linear() {
    let _serial = serial();
    let text = |n: usize| format!("De heer Jansen (ABC):\n\n{}", "Ja.\n\n".repeat(n));
    let small = text(20_000);
    let parsed = parse(&small);
    let speech = parsed.document.speeches().next().expect("one speech");
    assert_eq!(speech.paragraphs().count(), 20_000);
    let large = text(40_000);
    assert_linear("paragraphs of one speech", &small, &large);
    assert_linear_tree_only("paragraphs of one speech", &small, &large);
}

/// `n` distinct words split at a line end, each written again on one line
/// (`woord7a-` + `b en woord7a-b.`): the document's evidence for its split
/// words (`text::evidence`) is gathered in one pass whatever it holds, its
/// candidates capped by a share of the input.
fn distinct_split_words(n: usize) -> String {
    let mut text = String::from("De heer Slootweg (CDA):\n");
    for i in 0..n {
        text.push_str(&format!("woord{i}a-\nb en woord{i}a-b.\n"));
    }
    text
}

#[test]
fn split_word_evidence_linear() {
    let _serial = serial();
    let small = distinct_split_words(20_000);
    let parsed = parse(&small);
    invariants::assert_ok(invariants::check_parsed(&small, &parsed));
    let speech = parsed.document.speeches().next().expect("one speech");
    let text = speech.text().join(" ");
    // The first split words are decided by the document (hyphen kept,
    // where the rules alone would close `woord0a-` + `b` up).
    assert!(
        text.starts_with("woord0a-b en woord0a-b. woord1a-b en"),
        "{}",
        &text[..80]
    );
    assert_linear(
        "split words, each written again",
        &small,
        &distinct_split_words(40_000),
    );
    // One split word written again and again: every occurrence counts.
    let unit = "de werkgever-\nwerknemerrelatie en de werkgever-werknemerrelatie.\n";
    let one = |n: usize| format!("De heer Slootweg (CDA):\n{}", unit.repeat(n));
    let repeated = one(10_000);
    let parsed = parse(&repeated);
    let speech = parsed.document.speeches().next().expect("one speech");
    assert!(speech
        .text()
        .iter()
        .all(|t| !t.contains("werkgeverwerknemer")));
    assert_linear_tree_only("one split word, written again", &repeated, &one(20_000));
}

/// The folder of hostile inputs beside the project.
fn shared_hostile() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/hostile")
}

/// The files of `../shared/hostile/` are the patterns above at n and 2n
/// units (so the tests above time exactly them), and parse to what the
/// patterns do.
#[test]
fn shared_files_are_the_patterns() {
    let dir = shared_hostile();
    if !dir.is_dir() {
        // Written to stderr directly, not through the captured `eprintln!`,
        // so the line shows in a normal `cargo test` run.
        let _ = writeln!(
            std::io::stderr(),
            "hostile_linear: shared files not checked: {} is not there",
            dir.display()
        );
        return;
    }
    let _serial = serial();
    for p in [
        &VOTES,
        &REFS_LATE,
        &ADVICE_PHRASES,
        &ORDINAL,
        &NFD_VOTE,
        &NFD_EVENT,
        &PDF_FOOTER_VOTE,
        &HYPHEN_X,
    ] {
        for (file, n) in p.files.0.into_iter().zip([p.n(), 2 * p.n()]) {
            let path = dir.join(file);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(
                text == p.text(n),
                "{file} is not {n} times the pattern {:?}",
                p.unit()
            );
            (p.check)(&parse(&text), p, n);
        }
    }
}
