//! The analysis layer over the tree (issue 4): motion references, votes,
//! dates, the government's advice on motions, and interruption threads.
//!
//! The parser has already built the tree; this layer reads the normalised
//! text of its paragraphs again and records facts that span nodes. It runs
//! in one pass over the *units* of text of the document (paragraphs,
//! headings, agenda titles, procedural lines, the paragraphs of motions) in
//! document order, so every list it fills is in document order too.
//!
//! - [`refs`]: motion references (`Motie 32317-858`, `motie 26 643, nr.
//!   1011`, `Kamerstuk 26643, nr. 1011`, `de motie-Van Raan c.s.`, `de motie
//!   op stuk nr. 1009`), in every unit except front matter. A reference gets
//!   an id only from a dossier and a number printed with it, or, for a bare
//!   `op stuk nr. 1009`, from the one motion of the document with that
//!   number; a reference by submitter alone keeps `id: null`.
//! - [`votes`]: `werd verworpen`, `met 92 stemmen voor en 56 stemmen tegen
//!   aangenomen`, the chair's `Ik constateer dat … voor deze motie hebben
//!   gestemd …, zodat zij is aangenomen.`, with the parties listed.
//! - [`dates`]: dates that head or date a document.
//! - [`advice`]: the government's advice on motions, linked to the motion.
//! - [`threads`]: speeches with their interruptions nested.
//! - [`events`]: the procedural events of the sitting (opening,
//!   suspensions, resumption, closing, the deliberation, the announcement
//!   of the votes).
//!
//! Spans. A unit has normalised `text` and the `span` of the input it came
//! from, and offsets into the one are not offsets into the other (`**`
//! removed, line breaks and hyphens at line ends joined, page furniture left
//! out). A finding is located in the input: directly when the unit's input
//! is its text byte for byte (the official layout), else by searching for
//! the finding's text as printed, else comparing only the chars of its
//! *skeleton* (its text without whitespace, `*` and `-`), else in the
//! skeleton of the unit's input, which keeps the input offset of every byte
//! and steps over page furniture; failing all, the finding gets the rest of
//! the unit's span. Searches within a unit only move forward, within a
//! window proportional to the distance in the text, so the spans of each
//! list stay in order, every span lies on `char` boundaries inside its
//! unit, and many findings in one huge paragraph stay linear.
//!
//! Cost. Most paragraphs hold nothing to find, and are passed over after
//! one search of the whole input for the few words every finding needs
//! ([`scan`]: `otie`, `amerstuk`, and in the government's speeches the
//! words of advice); a search per paragraph costs more in calls than in
//! bytes. Sentences are found only around what was found ([`sentence_at`]),
//! the motions of the document are indexed only when a lookup needs them,
//! and nothing looks further than its sentence or unit (or, for threads,
//! than the chair's speeches before a speech), so the layer is linear in
//! the input.

mod advice;
mod dates;
mod events;
mod refs;
mod threads;
mod votes;

use std::sync::OnceLock;

use crate::search::{re, Words};

use crate::ast::{
    Advice, AdviceKind, Analysis, Document, DocumentDate, Layout, MotionNumber, MotionReference,
    Node, Role, Span, VoteOutcome,
};

impl AdviceKind {
    /// Whether the advice is to vote against the motion as it stands:
    /// [`AdviceKind::Ontraden`], and also [`AdviceKind::MetKlemOntraden`]
    /// (`ontraden` said with emphasis; the Tweede Kamer records it as a
    /// value of its own, but it is still `ontraden`) and
    /// [`AdviceKind::OntradenTenzijGewijzigd`] (`ontraden` unless the motion
    /// is changed).
    ///
    /// ```
    /// use handelingen::AdviceKind;
    /// assert!(AdviceKind::MetKlemOntraden.is_ontraden());
    /// assert!(!AdviceKind::OordeelKamer.is_ontraden());
    /// ```
    pub fn is_ontraden(self) -> bool {
        matches!(
            self,
            AdviceKind::Ontraden
                | AdviceKind::MetKlemOntraden
                | AdviceKind::OntradenTenzijGewijzigd
        )
    }
}

impl crate::ast::Contribution {
    /// Every speech of the contribution (indexes into
    /// [`Document::speeches`]): the opening speech, its continuations, then
    /// each interruption thread's speeches.
    ///
    /// ```
    /// let text = "De heer Slootweg (CDA):\nVoorzitter.\n\n\
    ///             De voorzitter:\nEr is een interruptie van mevrouw Kathmann.\n\n\
    ///             Mevrouw Kathmann (GroenLinks-PvdA):\nEen vraag.\n\n\
    ///             De heer Slootweg (CDA):\nEen antwoord.\n";
    /// let parsed = handelingen::parse(text);
    /// let c = &parsed.document.analysis.contributions[0];
    /// assert_eq!(c.speeches().collect::<Vec<_>>(), [0, 3, 2]);
    /// ```
    pub fn speeches(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.speech)
            .chain(self.continuations.iter().copied())
            .chain(
                self.interruptions
                    .iter()
                    .flat_map(|t| t.speeches.iter().copied()),
            )
    }
}

impl Analysis {
    /// The final advice on the motion `motion_id`: advice records are kept
    /// in document order, several per motion when the minister and then the
    /// chair speak of it (`De motie op stuk nr. 981 is ontraden.`), and the
    /// last one is the final word.
    ///
    /// ```
    /// let text = "Minister Rutte:\nDe motie op stuk nr. 5 (36800) ontraad ik.\n\n\
    ///             De voorzitter:\nDe motie op stuk nr. 5 (36800) is oordeel Kamer.\n";
    /// let parsed = handelingen::parse(text);
    /// let last = parsed.document.analysis.final_advice("kst-36800-5").unwrap();
    /// assert_eq!(last.kind, handelingen::AdviceKind::OordeelKamer);
    /// ```
    pub fn final_advice(&self, motion_id: &str) -> Option<&Advice> {
        self.advice
            .iter()
            .rev()
            .find(|a| a.motion_id.as_deref() == Some(motion_id))
    }
}

/// Finds what the analysis layer records in `document` (parsed from `input`).
pub(crate) fn analyse(input: &str, document: &Document) -> Analysis {
    let units = units(document);
    let flags = scan(input, document, &units);
    let motions = MotionIndex::new(document);
    let mut analysis = Analysis {
        contributions: threads::contributions(document),
        events: events::events(input, document),
        ..Analysis::default()
    };
    dates::front_matter(input, document, &mut analysis.dates);
    let mut state = State::default();
    for (unit, &flag) in units.iter().zip(&flags) {
        let gate = if flag & HYPHEN != 0 {
            Gate::of(unit.text, unit.owner)
        } else {
            Gate::from_flags(flag, unit.owner, document.is_transcript)
        };
        analyse_unit(input, unit, gate, &motions, &mut state, &mut analysis);
    }
    analysis
}

/// What the pass carries from one unit to the next.
#[derive(Default)]
struct State {
    /// The motion under discussion (`deze motie`), see [`advice`].
    topic: Option<advice::Topic>,
    /// The agenda item being read: a new one ends the discussion of a
    /// motion.
    section: usize,
    /// The reference of the chair's last `In stemming komt de motie-… (…)`
    /// not yet consumed by a vote: its index in `references`.
    vote_subject: Option<usize>,
    /// A unit of prose was read already (`date 2023-06` dates a document
    /// only in its first one).
    seen_prose: bool,
}

/// Runs the detectors `gate` lets through on one unit and locates what
/// they found.
fn analyse_unit(
    input: &str,
    unit: &Unit<'_>,
    gate: Gate,
    motions: &MotionIndex<'_>,
    state: &mut State,
    analysis: &mut Analysis,
) {
    if state.section != unit.section {
        state.section = unit.section;
        state.topic = None;
    }
    let role = match unit.owner {
        Owner::Speech { role, .. } => Some(role),
        _ => None,
    };
    let raw = if gate.refs.motie || gate.refs.kamerstuk {
        refs::find(unit.text, gate.refs)
    } else {
        Vec::new()
    };
    let mut loc = Locator::new(input, unit.span);
    let text = unit.text;

    // References: one per number printed (`nrs. 1009 en 1010`), in order.
    let mut first_index = Vec::with_capacity(raw.len());
    let mut cursor = Cursor::default();
    for r in &raw {
        if r.ordinal.is_some() {
            first_index.push(None);
            continue;
        }
        let span = loc.locate(text, (r.start, r.end), &mut cursor);
        let printed = text.get(r.start..r.end).unwrap_or_default().to_string();
        first_index.push(Some(analysis.references.len()));
        let numbers = motions.numbers_of(r);
        let numbers = if numbers.is_empty() {
            vec![None]
        } else {
            numbers
        };
        for number in numbers {
            analysis.references.push(MotionReference {
                id: number.as_ref().map(MotionNumber::id),
                number,
                submitter: r.submitter.clone(),
                cum_suis: r.cum_suis,
                text: printed.clone(),
                span,
            });
        }
    }

    if unit.owner == Owner::Prose {
        let first = !std::mem::replace(&mut state.seen_prose, true);
        let found =
            dates::heading_date(text).or_else(|| first.then(|| dates::leading_iso(text)).flatten());
        if let Some((range, date)) = found {
            let span = loc.locate(text, range, &mut Cursor::default());
            analysis.dates.push(DocumentDate { span, ..date });
        }
    }

    let transcript_chair = role == Some(Role::Chair);
    let wants_votes = gate.votes;
    // The government's and the chair's speeches are read for advice and
    // for the motion under discussion.
    let advice_here = matches!(
        role,
        Some(Role::Chair | Role::Minister | Role::StateSecretary | Role::MinisterPresident)
    );
    let wants_advice = advice_here && (!raw.is_empty() || gate.advice);
    if !(wants_votes || wants_advice) {
        if transcript_chair && text.starts_with("In stemming ") {
            state.vote_subject = first_index.iter().flatten().next().copied();
        }
        return;
    }
    if wants_votes {
        let found = votes::find(
            text,
            &raw,
            &first_index,
            &analysis.references,
            transcript_chair.then_some(&mut state.vote_subject),
        );
        let mut cursor = Cursor::default();
        for (range, vote) in found {
            let span = loc.locate(text, range, &mut cursor);
            analysis.votes.push(VoteOutcome { span, ..vote });
        }
    }
    if transcript_chair && text.starts_with("In stemming ") {
        state.vote_subject = first_index.iter().flatten().next().copied();
    }
    if let (true, Some(role), Owner::Speech { index, .. }) = (wants_advice, role, unit.owner) {
        let ctx = advice::Context {
            motions,
            section: unit.section,
            before: unit.span.start,
            speech: index,
            role,
        };
        // The chair's restatements name their motion: read for phrases
        // where references are.
        let phrases = gate.advice || (role == Role::Chair && !raw.is_empty());
        let found = advice::find(text, &raw, phrases, &ctx, &mut state.topic);
        let mut cursor = Cursor::default();
        for (range, advice) in found {
            let span = loc.locate(text, range, &mut cursor);
            analysis.advice.push(Advice { span, ..advice });
        }
    }
}

/// Which detectors a unit needs.
#[derive(Debug, Default, Clone, Copy)]
struct Gate {
    /// The anchor words of references in the unit: `motie`, `Kamerstuk`
    /// (`nummer` and `stuk` count only with `motie`).
    refs: refs::Hints,
    /// `ontra…`, `overgenomen`, `overnemen`, `neem`, `houden`, `oordeel`.
    advice: bool,
    /// `aangenomen`, `verworpen`.
    votes: bool,
}

/// Flags of a unit, from [`scan`]: the anchor words of references
/// (`otie`, `amerstuk`), the words of advice and of votes.
const MOTIE: u8 = 1;
const KAMERSTUK: u8 = 2;
const ADVICE: u8 = 16;
/// A hyphen at a line end lies in the unit: a word of its text may be
/// split in the input, so its gate is decided on the text itself.
const HYPHEN: u8 = 64;

/// Whether the hit `word` at byte `at` of the input is a word of advice:
/// words opening with `ontra…`, `oordeel` with `Kamer` in the next 80
/// bytes, `overgenomen`,
/// `overnemen`, `neem` before `ik`, `we` or `wij`, `aanhouden`, `houden`
/// after `aan te`. Line breaks count as spaces (the PDF layout wraps
/// anywhere), so the flag is exact enough to leave most of the
/// government's paragraphs unread.
fn advice_word(bytes: &[u8], at: usize, word: &[u8]) -> bool {
    let prev = |i: usize| at.checked_sub(i).and_then(|k| bytes.get(k)).copied();
    let space = |b: &u8| b.is_ascii_whitespace();
    match word {
        b"ntra" | b"ordeel" | b"vergenomen" | b"vernemen" => {
            // The word starts with the `o` before the hit: `ontra…`,
            // `oordeel`, `overgenomen` (not `contract`, `beoordeeld`).
            if !matches!(prev(1), Some(b'o' | b'O'))
                || prev(2).is_some_and(|b| b.is_ascii_alphanumeric() || b >= 0x80)
            {
                return false;
            }
            if word != b"ordeel" {
                return true;
            }
            let window = bytes
                .get(at..(at + 80).min(bytes.len()))
                .unwrap_or_default();
            window.windows(4).any(|w| w == b"amer")
        }
        b"neem" => {
            let rest = bytes.get(at + 4..).unwrap_or_default();
            let skipped = rest.iter().take_while(|b| space(b)).count();
            let next = rest.get(skipped..).unwrap_or_default();
            skipped > 0
                && [&b"ik"[..], b"we", b"wij"].iter().any(|w| {
                    next.starts_with(w)
                        && next.get(w.len()).is_none_or(|b| !b.is_ascii_alphanumeric())
                })
        }
        b"houden" => {
            let before = bytes.get(..at).unwrap_or_default();
            if before.ends_with(b"aan") || before.ends_with(b"Aan") {
                return true;
            }
            // `aan te houden`, any whitespace between the words.
            let t = before.trim_ascii_end();
            let Some(t) = t.strip_suffix(b"te").filter(|_| t.len() < before.len()) else {
                return false;
            };
            let u = t.trim_ascii_end();
            u.len() < t.len()
                && u.len() >= 3
                && u.get(u.len() - 3..)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"aan"))
        }
        _ => false,
    }
}

/// Which trigger words lie in each unit's input, found by searches over
/// the input rather than over each paragraph (a search costs little per
/// byte but much per call):
/// - `otie` and `amerstuk`, the anchors of references, over the whole input
///   (one prebuilt SIMD finder each);
/// - the words of advice, over each speech of the government (one regex of
///   byte literals per speech; the chair's restatements name their motion,
///   so their paragraphs are flagged for references already).
///
/// Votes need no search of their own: a vote names its motion, so only
/// paragraphs flagged for references are read for one.
///
/// The words are single words, so the line breaks and `**` of the input do
/// not hide them; only a hyphen at a line end may (`mo-` / `tie`), and the
/// units where one lies are flagged too (their gate is decided on their
/// text).
fn scan(input: &str, document: &Document, units: &[Unit<'_>]) -> Vec<u8> {
    static ANCHORS: OnceLock<[memchr::memmem::Finder<'static>; 2]> = OnceLock::new();
    static ADVICE_WORDS: OnceLock<regex::bytes::Regex> = OnceLock::new();
    let [otie, amerstuk] = ANCHORS.get_or_init(|| {
        [
            memchr::memmem::Finder::new("otie"),
            memchr::memmem::Finder::new("amerstuk"),
        ]
    });
    let words = ADVICE_WORDS.get_or_init(|| {
        regex::bytes::Regex::new("(?-u)ntra|ordeel|vergenomen|vernemen|neem|houden")
            .unwrap_or_else(|e| panic!("bad built-in regex: {e}"))
    });
    let bytes = input.as_bytes();
    let mut hits: Vec<(usize, u8)> = otie.find_iter(bytes).map(|at| (at, MOTIE)).collect();
    hits.extend(amerstuk.find_iter(bytes).map(|at| (at, KAMERSTUK)));
    for node in &document.nodes {
        let Node::Speech(speech) = node else {
            continue;
        };
        if !matches!(
            speech.speaker.role,
            Role::Minister | Role::StateSecretary | Role::MinisterPresident
        ) {
            continue;
        }
        let Some(text) = bytes.get(speech.span.start..speech.span.end) else {
            continue;
        };
        let base = speech.span.start;
        hits.extend(
            words
                .find_iter(text)
                .filter(|m| advice_word(bytes, base + m.start(), m.as_bytes()))
                .map(|m| (base + m.start(), ADVICE)),
        );
    }
    // `-` before a line end (a trailing space allowed), where the layout
    // wraps paragraphs (the official layout prints a paragraph on one line;
    // Markdown source is not hyphenated).
    if document.layout == Layout::Pdf {
        static HYPHENS: OnceLock<[memchr::memmem::Finder<'static>; 3]> = OnceLock::new();
        for finder in HYPHENS.get_or_init(|| {
            [
                memchr::memmem::Finder::new("-\n"),
                memchr::memmem::Finder::new("- \n"),
                memchr::memmem::Finder::new("-\r"),
            ]
        }) {
            hits.extend(finder.find_iter(bytes).map(|at| (at, HYPHEN)));
        }
    }
    hits.sort_unstable();
    let mut flags = vec![0u8; units.len()];
    let mut u = 0;
    for (at, flag) in hits {
        while units.get(u).is_some_and(|x| x.span.end <= at) {
            u += 1;
        }
        // Units do not overlap, but nothing is lost if some did.
        let mut k = u;
        while let Some(unit) = units.get(k).filter(|x| x.span.start <= at) {
            if at < unit.span.end {
                if let Some(f) = flags.get_mut(k) {
                    *f |= flag;
                }
            }
            k += 1;
        }
    }
    flags
}

impl Gate {
    /// The gate from the flags of [`scan`], for a unit of `owner`. The
    /// anchors that stand apart from `motie` are looked for where they are
    /// written: `nummer [32317-857]` (a link) in documents that are no
    /// transcript, `op stuk nr. 305` in transcripts.
    fn from_flags(flags: u8, owner: Owner, transcript: bool) -> Gate {
        let (advice_here, votes_here) = Gate::detectors(owner);
        Gate {
            refs: refs::Hints {
                motie: flags & MOTIE != 0,
                kamerstuk: flags & KAMERSTUK != 0,
                nummer: !transcript,
                stuk: transcript,
            },
            advice: advice_here && flags & ADVICE != 0,
            // A vote names its motion (see [`scan`]).
            votes: votes_here && flags & (MOTIE | KAMERSTUK) != 0,
        }
    }

    /// Advice is read only in speeches, votes only in prose and in the
    /// chair's speeches.
    fn detectors(owner: Owner) -> (bool, bool) {
        match owner {
            Owner::Speech { role, .. } => (
                matches!(
                    role,
                    Role::Chair | Role::Minister | Role::StateSecretary | Role::MinisterPresident
                ),
                role == Role::Chair,
            ),
            Owner::Prose => (false, true),
            Owner::MotionBody => (false, false),
        }
    }

    /// The gate of a unit of `owner` whose input may hide a word (a hyphen
    /// at a line end lies in it), decided on its text: references
    /// everywhere, advice only in speeches, votes only in prose and the
    /// chair's speeches.
    fn of(text: &str, owner: Owner) -> Gate {
        static REFS: OnceLock<Words> = OnceLock::new();
        static ADVICE: OnceLock<Words> = OnceLock::new();
        static VOTES: OnceLock<Words> = OnceLock::new();
        let refs = REFS.get_or_init(|| Words::new(&["otie", "amerstuk"]));
        static OORDEEL: OnceLock<Words> = OnceLock::new();
        static KAMER: OnceLock<Words> = OnceLock::new();
        let advice = ADVICE.get_or_init(|| {
            Words::new(&[
                "ontra",
                "Ontra",
                "vergenomen",
                "vernemen",
                "neem ik",
                "neem we",
                "neem wij",
                "an te houden",
                "anhouden",
            ])
        });
        let oordeel = OORDEEL.get_or_init(|| Words::new(&["oordeel", "Oordeel"]));
        let kamer = KAMER.get_or_init(|| Words::new(&["Kamer", "kamer"]));
        let votes = VOTES.get_or_init(|| Words::new(&["aangenomen", "verworpen"]));
        let (advice_here, votes_here) = Gate::detectors(owner);
        Gate {
            refs: if refs.any_in(text) {
                refs::Hints::ALL
            } else {
                refs::Hints::default()
            },
            advice: advice_here
                && (advice.any_in(text) || (oordeel.any_in(text) && kamer.any_in(text))),
            votes: votes_here && votes.any_in(text),
        }
    }
}

// ---------------------------------------------------------------------------
// Units of text
// ---------------------------------------------------------------------------

/// Where a unit of text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    /// A paragraph of speech `index` (into [`Document::speeches`]).
    Speech { index: usize, role: Role },
    /// A paragraph of a motion's body: quoted text, read for references only.
    MotionBody,
    /// Prose outside speeches: paragraphs, headings, agenda titles,
    /// procedural lines, unplaced text.
    Prose,
}

/// A paragraph-like piece of the document: normalised text and its span.
#[derive(Debug)]
struct Unit<'d> {
    text: &'d str,
    span: Span,
    owner: Owner,
    /// How many agenda items came before: motions are looked up by order
    /// and submitter within one agenda item.
    section: usize,
}

/// The units of `document` in document order (front matter, suspensions,
/// page furniture and rules left out).
fn units<'d>(document: &'d Document) -> Vec<Unit<'d>> {
    // Most nodes give one unit, a speech one per paragraph (a guess that
    // saves most of the growing).
    let guess: usize = document
        .nodes
        .iter()
        .map(|n| match n {
            Node::Speech(s) => s.paragraphs.len(),
            Node::Motion(m) => m.body.len(),
            _ => 1,
        })
        .sum();
    let mut out = Vec::with_capacity(guess);
    let mut speech_index = 0;
    let mut section = 0;
    let prose = |text: &'d str, span: Span, section: usize| Unit {
        text,
        span,
        owner: Owner::Prose,
        section,
    };
    let motion_body = |out: &mut Vec<Unit<'d>>, m: &'d crate::ast::Motion, section: usize| {
        out.extend(m.body.iter().map(|p| Unit {
            text: p.text.as_str(),
            span: p.span,
            owner: Owner::MotionBody,
            section,
        }));
    };
    for node in &document.nodes {
        match node {
            Node::AgendaItem(a) => {
                section += 1;
                out.push(prose(&a.title, a.span, section));
            }
            Node::Heading(h) => out.push(prose(&h.text, h.span, section)),
            Node::Procedural(p) => out.push(prose(&p.text, p.span, section)),
            Node::Paragraph(p) | Node::Text(p) => out.push(prose(&p.text, p.span, section)),
            Node::Motion(m) => motion_body(&mut out, m, section),
            Node::Speech(s) => {
                let owner = Owner::Speech {
                    index: speech_index,
                    role: s.speaker.role,
                };
                speech_index += 1;
                for block in &s.content {
                    match block {
                        crate::ast::Block::Paragraph { index } => {
                            if let Some(p) = s.paragraphs.get(*index) {
                                out.push(Unit {
                                    text: &p.text,
                                    span: p.span,
                                    owner,
                                    section,
                                });
                            }
                        }
                        crate::ast::Block::Motion(m) => motion_body(&mut out, m, section),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Motions of the document, for resolving references and advice
// ---------------------------------------------------------------------------

/// One motion of the document.
#[derive(Debug)]
struct MotionEntry<'d> {
    id: Option<&'d str>,
    dossier: Option<&'d str>,
    submitters: &'d [crate::ast::Submitter],
    start: usize,
    section: usize,
}

/// Submitter (lowercased) → motions, in order.
type BySubmitter = std::collections::HashMap<String, Vec<usize>>;

/// The motions of the document, with lookups by number and submitter that
/// cost no more than a binary search or a hash (a document may hold
/// thousands). Built the first time a lookup needs it: most paragraphs
/// need none.
#[derive(Debug)]
struct MotionIndex<'d> {
    document: &'d Document,
    built: std::cell::OnceCell<Motions<'d>>,
}

/// The motions, as [`MotionIndex`] builds them.
#[derive(Debug, Default)]
struct Motions<'d> {
    all: Vec<MotionEntry<'d>>,
    /// `0..all.len()`: every motion, in order.
    order: Vec<usize>,
    /// `(number, index)`, sorted: motion number (`1009`) → motions.
    by_number: Vec<(&'d str, usize)>,
    /// Any submitter, and the first submitter → motions; built the first
    /// time advice names a motion by its submitter.
    by_submitter: std::cell::OnceCell<(BySubmitter, BySubmitter)>,
}

impl<'d> MotionIndex<'d> {
    fn new(document: &'d Document) -> Self {
        MotionIndex {
            document,
            built: std::cell::OnceCell::new(),
        }
    }

    /// The motions, built on first use.
    fn get(&self) -> &Motions<'d> {
        self.built.get_or_init(|| {
            let mut index = Motions::default();
            let mut section = 0;
            let add = |m: &'d crate::ast::Motion, section: usize, index: &mut Motions<'d>| {
                let i = index.all.len();
                index.order.push(i);
                index.all.push(MotionEntry {
                    id: m.id.as_deref(),
                    dossier: m.number.as_ref().map(|n| n.dossier.as_str()),
                    submitters: &m.submitters,
                    start: m.span.start,
                    section,
                });
                if let Some(n) = &m.number {
                    index.by_number.push((n.number.as_str(), i));
                }
            };
            for node in &self.document.nodes {
                match node {
                    Node::AgendaItem(_) => section += 1,
                    Node::Motion(m) => add(m, section, &mut index),
                    Node::Speech(s) => {
                        for m in s.motions() {
                            add(m, section, &mut index);
                        }
                    }
                    _ => {}
                }
            }
            index.by_number.sort_unstable();
            index
        })
    }

    /// The motion at `i` of the document's motions.
    fn motion(&self, i: usize) -> Option<&MotionEntry<'d>> {
        self.get().all.get(i)
    }

    /// Every motion, in order.
    fn order(&self) -> &[usize] {
        &self.get().order
    }

    /// The motions numbered `number`.
    fn numbered(&self, number: &str) -> impl Iterator<Item = &MotionEntry<'d>> {
        let motions = self.get();
        let list = &motions.by_number;
        let lo = list.partition_point(|(n, _)| *n < number);
        let hi = list.partition_point(|(n, _)| *n <= number);
        list.get(lo..hi.max(lo))
            .unwrap_or_default()
            .iter()
            .filter_map(|&(_, i)| motions.all.get(i))
    }

    /// The motions submitted by anyone named `key` ([`name_key`]), and
    /// those with `key` as their first submitter.
    fn by_submitter(&self, key: &str) -> (&[usize], &[usize]) {
        let motions = self.get();
        let (any, first) = motions.by_submitter.get_or_init(|| {
            let (mut any, mut first) = (BySubmitter::new(), BySubmitter::new());
            for (i, m) in motions.all.iter().enumerate() {
                for (k, s) in m.submitters.iter().enumerate() {
                    let key = name_key(&s.name);
                    if k == 0 {
                        first.entry(key.clone()).or_default().push(i);
                    }
                    let list = any.entry(key).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
            (any, first)
        });
        (
            any.get(key).map_or(&[][..], Vec::as_slice),
            first.get(key).map_or(&[][..], Vec::as_slice),
        )
    }

    /// The numbers a reference prints, each with its dossier when known:
    /// printed with it, or that of the one motion of the document with the
    /// number. Empty when the reference prints no number.
    fn numbers_of(&self, r: &refs::RawRef) -> Vec<Option<MotionNumber>> {
        r.numbers
            .iter()
            .map(|n| {
                let dossier = match &r.dossier {
                    Some(d) => Some(d.clone()),
                    None => self.unique_dossier(n).map(str::to_string),
                };
                dossier.map(|dossier| MotionNumber {
                    dossier,
                    number: n.clone(),
                })
            })
            .collect()
    }

    /// The dossier of the motions numbered `number`, when they all share one.
    fn unique_dossier(&self, number: &str) -> Option<&'d str> {
        let mut dossiers = self.numbered(number).filter_map(|m| m.dossier);
        let first = dossiers.next()?;
        dossiers.all(|d| d == first).then_some(first)
    }

    /// The motions of `list` (indexes in document order) in agenda item
    /// `section` that start before byte `before`.
    fn in_section<'l>(&self, list: &'l [usize], section: usize, before: usize) -> &'l [usize] {
        let key = |i: &usize| {
            self.motion(*i)
                .map_or((usize::MAX, usize::MAX), |m| (m.section, m.start))
        };
        let lo = list.partition_point(|i| key(i).0 < section);
        let hi = list.partition_point(|i| key(i) < (section, before));
        list.get(lo..hi.max(lo)).unwrap_or_default()
    }
}

/// A name as a lookup key: lowercased, single spaces (`Van Raan` and `van
/// Raan` are one person).
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

// ---------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------

/// Abbreviations after which a full stop never ends a sentence (`op stuk
/// nr. 1009`, `d.d. 24/11`).
const ABBREVIATIONS: &[&str] = &[
    "nr", "nrs", "blz", "art", "mr", "dr", "drs", "ir", "ing", "prof", "bijv", "o.a", "d.d",
    "t.a.v", "m.b.t", "i.p.v", "mevr", "dhr", "ca", "vs", "jl", "a.s", "evt", "resp", "incl",
    "excl", "zgn", "z.g", "i.v.m", "m.u.v", "n.a.v", "t.o.v", "e.d", "o.b.v",
];

/// Where the sentence ends if the `.`, `?` or `!` at byte `i` ends one: a
/// sentence ends there (closing quotes and brackets after it included)
/// before a space and a character that is not a lowercase letter; not after
/// an abbreviation (`nr.`), an initial (`A. Kuik`) or, unless a capital
/// follows, `c.s.`, `enz.` or `etc.`.
fn stop_end(text: &str, i: usize) -> Option<usize> {
    let b = *text.as_bytes().get(i)?;
    let mut end = i + 1;
    // Closing quotes and brackets belong to the sentence.
    while let Some(c) = text.get(end..).and_then(|r| r.chars().next()) {
        if matches!(c, '"' | '\'' | ')' | '”' | '’' | '»' | ']' | '*' | '_') {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    let next = text.get(end..)?.strip_prefix(' ')?.chars().next()?;
    if next.is_lowercase() {
        return None;
    }
    if b != b'.' {
        return Some(end);
    }
    let word_start = text
        .get(..i)
        .and_then(|r| r.rfind(' ').map(|s| s + 1))
        .unwrap_or(0);
    let word = text.get(word_start..i).unwrap_or_default();
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let is = |list: &[&str]| word.len() <= 6 && list.iter().any(|a| a.eq_ignore_ascii_case(word));
    let initial = word.len() == 1 && word.chars().all(char::is_uppercase);
    let ends = if is(ABBREVIATIONS) || initial {
        false
    } else if is(&["c.s", "enz", "etc", "e.a"]) {
        next.is_uppercase()
    } else {
        true
    };
    ends.then_some(end)
}

/// The first sentence end at or after byte `from`, or the end of the text.
fn sentence_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut k = from;
    while let Some(f) = bytes
        .get(k..)
        .and_then(|r| memchr::memchr3(b'.', b'?', b'!', r))
    {
        let i = k + f;
        if let Some(end) = stop_end(text, i) {
            return end;
        }
        k = i + 1;
    }
    text.len()
}

/// The sentence of normalised text holding byte `p`: its byte range,
/// trimmed. Only the sentence is read (backwards to the end of the one
/// before, forwards to its own end), so finding the sentences of a few
/// positions costs no more than those sentences.
fn sentence_at(text: &str, p: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let p = p.min(text.len());
    let mut start = 0;
    let mut j = p;
    while let Some(i) = bytes
        .get(..j)
        .and_then(|r| memchr::memrchr3(b'.', b'?', b'!', r))
    {
        if let Some(end) = stop_end(text, i).filter(|&e| e <= p) {
            start = end;
            break;
        }
        j = i;
    }
    trimmed(text, start, sentence_end(text, p))
}

/// The sentence after the one ending at byte `end`, if any.
fn next_sentence(text: &str, end: usize) -> Option<(usize, usize)> {
    let rest = text.get(end..)?;
    let start = end + (rest.len() - rest.trim_start().len());
    (start < text.len()).then(|| trimmed(text, start, sentence_end(text, start)))
}

/// `[start, end)` without surrounding whitespace.
fn trimmed(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = text.get(start..end).unwrap_or_default();
    let lead = s.len() - s.trim_start().len();
    (start + lead, start + lead + s.trim().len())
}

/// Splits normalised text into sentences (byte ranges, trimmed), by the
/// rule of [`stop_end`].
///
/// ```text
/// "Ja. En de motie op stuk nr. 1010 is ontraden." → "Ja." | "En de motie op stuk nr. 1010 is ontraden."
/// ```
#[cfg(test)]
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((a, b)) = next_sentence(text, at) {
        if a < b {
            out.push((a, b));
        }
        if b <= at {
            break;
        }
        at = b;
    }
    out
}

/// The items of `list` (in order by start) that start in `[a, b)` (and end
/// by `b`), from `*next` on; moves `*next` past them.
pub(super) fn take_within<'l, T>(
    list: &'l [T],
    next: &mut usize,
    a: usize,
    b: usize,
    range: impl Fn(&T) -> (usize, usize),
) -> &'l [T] {
    while list.get(*next).is_some_and(|x| range(x).0 < a) {
        *next += 1;
    }
    let first = *next;
    while list.get(*next).is_some_and(|x| range(x).0 < b) {
        *next += 1;
    }
    let items = list.get(first..*next).unwrap_or_default();
    // A phrase running over the end of the sentence belongs to none.
    match items.last() {
        Some(x) if range(x).1 > b => items.get(..items.len() - 1).unwrap_or_default(),
        _ => items,
    }
}

// Marks in a sentence. A sentence may hold any number of findings (a
// paragraph without a full stop is one sentence), so the detectors find the
// words and punctuation they ask about once per sentence, in order, and
// answer each finding with a binary search instead of reading the sentence
// again.

/// The start of every occurrence of `needle` in `hay`, overlapping ones
/// included (` die die ` holds ` die ` twice), in order.
fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    let finder = memchr::memmem::Finder::new(needle);
    let bytes = hay.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = bytes.get(from..).and_then(|rest| finder.find(rest)) {
        out.push(from + i);
        from += i + 1;
    }
    out
}

/// The runs of `text` between separators (the chars for which `sep`
/// holds) that `keep` accepts: their start and end, in order.
fn runs(
    text: &str,
    sep: impl Fn(char) -> bool,
    keep: impl Fn(&str) -> bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut push = |s: usize, e: usize| {
        if text.get(s..e).is_some_and(&keep) {
            out.push((s, e));
        }
    };
    for (i, c) in text.char_indices() {
        match (sep(c), start) {
            (true, Some(s)) => {
                push(s, i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, text.len());
    }
    out
}

/// The last position of `list` (in order) below `at`.
fn last_below(list: &[usize], at: usize) -> Option<usize> {
    let i = list.partition_point(|&p| p < at);
    i.checked_sub(1).and_then(|k| list.get(k)).copied()
}

/// Whether one of `spans` (in order, their ends in order too) lies within
/// `[from, to)`.
fn any_within(spans: &[(usize, usize)], from: usize, to: usize) -> bool {
    let i = spans.partition_point(|&(_, e)| e <= to);
    i.checked_sub(1)
        .and_then(|k| spans.get(k))
        .is_some_and(|&(s, _)| s >= from)
}

/// The occurrences of `needle` in `hay` as spans, for [`any_within`].
fn occurrence_spans(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    occurrences(hay, needle)
        .into_iter()
        .map(|s| (s, s + needle.len()))
        .collect()
}

/// Where word `n` (from 0) of `text` starts, words as `split_whitespace`
/// gives them: reads no further than that word.
fn word_start(text: &str, n: usize) -> Option<usize> {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            if words == n {
                return Some(i);
            }
            words += 1;
            in_word = true;
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Locating normalised text in the input
// ---------------------------------------------------------------------------

/// Whether a char is kept in a skeleton: not whitespace, not the `*` of
/// Markdown emphasis, not a hyphen (removed where a word was split at a
/// line end).
fn kept(c: char) -> bool {
    !(c.is_whitespace() || c == '*' || c == '-' || c == '\u{ad}')
}

/// The skeleton of a unit's input: its kept chars, and for every byte the
/// offset of that byte in the unit's input.
struct Skeleton {
    text: String,
    offsets: Vec<u32>,
}

impl Skeleton {
    fn new(s: &str) -> Self {
        let mut text = String::with_capacity(s.len());
        let mut offsets = Vec::with_capacity(s.len());
        for (i, c) in s.char_indices() {
            if kept(c) {
                text.push(c);
                for k in 0..c.len_utf8() {
                    offsets.push(u32::try_from(i + k).unwrap_or(u32::MAX));
                }
            }
        }
        Skeleton { text, offsets }
    }
}

/// The skeleton of a piece of normalised text (no offsets needed).
fn skeleton_of(s: &str) -> String {
    s.chars().filter(|&c| kept(c)).collect()
}

/// Where the last finding of one list was located in the current unit.
#[derive(Debug, Default, Clone, Copy)]
struct Cursor {
    /// Normalised range and span of the last finding.
    last: Option<((usize, usize), Span)>,
}

/// Locates ranges of a unit's normalised text in the input.
struct Locator<'a> {
    input: &'a str,
    span: Span,
    skeleton: Option<Skeleton>,
    /// Whether the unit's input is its text, byte for byte (a paragraph on
    /// one line without emphasis): then offsets map directly.
    identity: Option<bool>,
}

impl<'a> Locator<'a> {
    fn new(input: &'a str, span: Span) -> Self {
        Locator {
            input,
            span,
            skeleton: None,
            identity: None,
        }
    }

    /// The span in the input of `text[range]`, searched from where `cursor`
    /// left off (so findings of one list keep their order); the rest of the
    /// unit when it cannot be found.
    ///
    /// Most text is printed as normalised (one line, no emphasis): it is
    /// searched as it is first, and the skeletons are built only when that
    /// fails.
    fn locate(&mut self, text: &str, range: (usize, usize), cursor: &mut Cursor) -> Span {
        let unit = self.span;
        let (input, start) = (self.input, unit.start);
        let identity = *self
            .identity
            .get_or_insert_with(|| input.get(start..unit.end) == Some(text));
        if identity && range.0 <= range.1 && range.1 <= text.len() {
            let span = Span::new(start + range.0, start + range.1);
            if input.is_char_boundary(span.start) && input.is_char_boundary(span.end) {
                cursor.last = Some((range, span));
                return span;
            }
        }
        // Search from the last finding's start, or just after it for a
        // finding that starts later in the text.
        let from = match cursor.last {
            Some((last_range, last_span)) if last_range == range => return last_span,
            Some(((start, _), span)) if range.0 > start => {
                let next = self
                    .input
                    .get(span.start..)
                    .and_then(|r| r.chars().next())
                    .map_or(0, char::len_utf8);
                span.start + next
            }
            Some((_, span)) => span.start,
            None => unit.start,
        };
        let floor = cursor.last.map_or(unit.start, |(_, s)| s.start);
        // Where to look: the input is longer than the normalised text by its
        // spacing and page furniture, not by much more, so the window is
        // proportional to the distance in the text (this keeps a unit with
        // many findings linear even when some cannot be found).
        let distance = range.0 - cursor.last.map_or(0, |((start, _), _)| start.min(range.0));
        let window = 2 * (distance + range.1.saturating_sub(range.0)) + 4096;
        let limit = floor_boundary(self.input, unit.end.min(from.saturating_add(window)));
        let needle = text.get(range.0..range.1).unwrap_or_default();
        let span = self
            .find(needle, from.min(limit), limit)
            .filter(|s| unit.contains(*s) && s.start >= floor)
            .unwrap_or(Span::new(floor, unit.end));
        cursor.last = Some((range, span));
        span
    }

    /// `needle` in the unit's input within `[from, limit)`: as printed,
    /// else comparing only the chars a skeleton keeps, else by skeleton
    /// (which also steps over page furniture).
    fn find(&mut self, needle: &str, from: usize, limit: usize) -> Option<Span> {
        let unit = self.span;
        if needle.is_empty() {
            return None;
        }
        let hay = self.input.get(from..limit)?;
        if let Some(i) = hay.find(needle) {
            return Some(Span::new(from + i, from + i + needle.len()));
        }
        if let Some((s, e)) = walk(hay, needle) {
            return Some(Span::new(from + s, from + e));
        }
        let input = self.input;
        let skel = self.skeleton.get_or_insert_with(|| {
            Skeleton::new(input.get(unit.start..unit.end).unwrap_or_default())
        });
        // The skeleton bytes within `[from, limit)`.
        let rel = |at: usize| u32::try_from(at - unit.start).unwrap_or(u32::MAX);
        let pos = skel.offsets.partition_point(|&o| o < rel(from));
        let end = skel.offsets.partition_point(|&o| o < rel(limit));
        let hay = skel.text.get(..floor_boundary(&skel.text, end))?;
        let (s, e) = find_in(hay, &skeleton_of(needle), pos)?;
        let at = |i: usize| -> Option<usize> {
            skel.offsets
                .get(i)
                .map(|&o| unit.start + usize::try_from(o).unwrap_or(usize::MAX))
        };
        let start = at(s)?;
        let end = at(e.checked_sub(1)?)? + 1;
        self.input
            .is_char_boundary(end)
            .then_some(Span::new(start, end))
    }
}

/// `needle` in `hay` comparing only the chars a skeleton keeps (so line
/// breaks, `**` and a hyphen at a line end do not count): tried where the
/// needle's first char occurs. Returns byte offsets `[start, end)` in `hay`.
fn walk(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let first = needle.chars().find(|&c| kept(c))?;
    let mut buf = [0u8; 4];
    let lead = *first.encode_utf8(&mut buf).as_bytes().first()?;
    memchr::memchr_iter(lead, hay.as_bytes())
        .filter(|&at| hay.is_char_boundary(at))
        .find_map(|at| walk_from(hay, at, needle).map(|end| (at, end)))
}

/// The end in `hay` of `needle` matched from `start`, kept chars only.
fn walk_from(hay: &str, start: usize, needle: &str) -> Option<usize> {
    let mut chars = hay.get(start..)?.char_indices().filter(|&(_, c)| kept(c));
    let mut end = start;
    for n in needle.chars().filter(|&c| kept(c)) {
        let (i, c) = chars.next()?;
        if c != n {
            return None;
        }
        end = start + i + c.len_utf8();
    }
    Some(end)
}

/// Finds `needle` in `hay` from byte `from`: the whole of it, or, when
/// something the normalised text left out (page furniture) lies inside it,
/// its first twelve characters and then the rest, skipping over up to eight
/// such insertions of at most 2 KB each. Returns skeleton offsets `[start,
/// end)`.
fn find_in(hay: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let rest = hay.get(from..)?;
    if let Some(i) = rest.find(needle) {
        return Some((from + i, from + i + needle.len()));
    }
    let head_end = needle.char_indices().nth(12).map(|(i, _)| i)?;
    let start = from + rest.find(needle.get(..head_end)?)?;
    let (mut i, mut j) = (0, start);
    let mut skips = 0;
    while let Some(n) = needle.get(i..).and_then(|r| r.chars().next()) {
        let h = hay.get(j..).and_then(|r| r.chars().next());
        if h == Some(n) {
            i += n.len_utf8();
            j += n.len_utf8();
            continue;
        }
        skips += 1;
        if skips > 8 {
            return None;
        }
        let probe_end = needle
            .get(i..)?
            .char_indices()
            .nth(8)
            .map_or(needle.len(), |(k, _)| i + k);
        let probe = needle.get(i..probe_end)?;
        let window = hay.get(j..floor_boundary(hay, j + 2048))?;
        j += window.find(probe)?;
    }
    Some((start, j))
}

/// The largest char boundary of `s` at or before `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn sentences_split_at_stops_not_abbreviations() {
        assert_eq!(
            split("Ja. En de motie op stuk nr. 1010 is ontraden, met klem. Dank u."),
            [
                "Ja.",
                "En de motie op stuk nr. 1010 is ontraden, met klem.",
                "Dank u."
            ]
        );
        assert_eq!(
            split("de motie Van Ginneken c.s. (26 643, nr. 1011) alsnog. Klopt dat? Ja!"),
            [
                "de motie Van Ginneken c.s. (26 643, nr. 1011) alsnog.",
                "Klopt dat?",
                "Ja!"
            ]
        );
        assert_eq!(
            split("Zij zegt: \"Het moet.\" Dan ontraad ik."),
            ["Zij zegt: \"Het moet.\"", "Dan ontraad ik."]
        );
        assert_eq!(
            split("door A. Kuik en mr. Jansen."),
            ["door A. Kuik en mr. Jansen."]
        );
        assert!(split("").is_empty());
    }

    #[test]
    fn locate_across_emphasis_hyphens_and_furniture() {
        let input = "Motie 1 werd **verworpen**. De pro-\n\nminente rol\nTK 70\nvan de motie.";
        let text = "Motie 1 werd verworpen. De prominente rol van de motie.";
        let mut loc = Locator::new(input, Span::new(0, input.len()));
        let mut cursor = Cursor::default();
        let s = loc.locate(text, (0, 23), &mut cursor);
        assert_eq!(&input[s.start..s.end], "Motie 1 werd **verworpen**.");
        let s = loc.locate(text, (24, 55), &mut cursor);
        assert_eq!(
            &input[s.start..s.end],
            "De pro-\n\nminente rol\nTK 70\nvan de motie."
        );
        // Not found: the rest of the unit from the last finding.
        let s = loc.locate("zzz", (0, 3), &mut cursor);
        assert_eq!(s.end, input.len());
    }

    #[test]
    fn advice_words_in_the_input() {
        let yes = |text: &str, word: &str| {
            let at = text.find(word).unwrap();
            advice_word(text.as_bytes(), at, word.as_bytes())
        };
        assert!(yes("De motie ontraad ik.", "ntra"));
        assert!(!yes("een contract", "ntra"));
        assert!(yes("aan het oordeel van de\nKamer", "ordeel"));
        assert!(!yes("hoe beoordeelt u dat", "ordeel"));
        assert!(yes("Die neem ik\ngraag over.", "neem"));
        assert!(!yes("Dat neemt tijd.", "neem"));
        assert!(yes("de motie aan te\nhouden", "houden"));
        assert!(yes("kan ik mijn motie aanhouden", "houden"));
        assert!(!yes("rekening mee houden", "houden"));
        assert!(yes("Overgenomen.", "vergenomen"));
        assert!(!yes("wij vernemen graag", "vernemen"));
    }

    #[test]
    fn locate_repeated_text_in_order() {
        let input = "motie-X en motie-X";
        let text = input;
        let mut loc = Locator::new(input, Span::new(0, input.len()));
        let mut cursor = Cursor::default();
        assert_eq!(loc.locate(text, (0, 7), &mut cursor), Span::new(0, 7));
        assert_eq!(loc.locate(text, (11, 18), &mut cursor), Span::new(11, 18));
    }
}
