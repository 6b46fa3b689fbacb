//! The analysis layer over the tree: motion references, votes, dates, the
//! government's advice on motions, interruption threads and procedural
//! events.
//!
//! The parser has already built the tree; this layer reads the normalised
//! text of its paragraphs (never the raw input) and records facts that span
//! nodes. It runs
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
//! - [`announced`]: motions announced or considered (`Ik zal daar een
//!   motie over indienen.`, `Ik overweeg een motie.`), not filed;
//! - [`events`]: the procedural events of the sitting (opening,
//!   suspensions, resumption, closing, the deliberation, the announcement
//!   of the votes), as the pass meets their nodes and the chair's
//!   paragraphs.
//!
//! Spans. A unit's text is a [`Text`](crate::text::Text): every range of
//! it maps back to an exact input span through its source map
//! ([`Text::span_of`](crate::text::Text::span_of)), so a
//! finding is located without searching the input.
//!
//! Cost. Most paragraphs hold nothing to find. Each unit is searched
//! once, for every word a finding of its owner starts from ([`scan`]:
//! `otie`, `amerstuk` everywhere, the outcomes of votes in prose and the
//! chair's speeches, the words of advice in the government's and the
//! chair's); the detectors read the text only around those hits, and a
//! unit without hits is passed over ([`gate`]). Sentences are found only
//! around what was found ([`sentence_at`]), the motions of the document
//! are indexed only when a lookup needs them, and nothing looks further
//! than its sentence or unit (or, for threads, than the chair's speeches
//! before a speech), so the layer is linear in the input.

mod advice;
mod announced;
mod dates;
mod events;
mod gate;
mod index;
mod model;
mod refs;
mod scan;
mod sentences;
mod threads;
mod unit_refs;
mod votes;
mod wire;

pub use model::{
    Advice, AdviceKind, Analysis, AnnouncedMotion, AnnouncementKind, Appreciation, Contribution,
    DocumentDate, Event, InterruptionThread, MotionLink, MotionReference, VoteMethod, VoteOutcome,
    VoteResult, VoteSide, VoteSubject,
};

use crate::search::re;
use crate::tree::{AdviceId, AnnouncementId, DateId, Document, MotionId, NodeId, NodeKind, Role};
use gate::Gate;
use index::{name_key, units_of, MotionIndex, Owner, Unit};
use scan::{Hit, Scanner};
use sentences::{
    any_within, floor_boundary, last_below, next_sentence, occurrence_spans, occurrences, runs,
    sentence_at, take_within,
};
use unit_refs::UnitRefs;

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

    /// The Tweede Kamer's own value for advice of this kind
    /// (`Kabinetsappreciatie`): `met klem ontraden`, `ontijdig` and
    /// `overbodig` are recorded as `Ontraden`, `ondersteuning van beleid` as
    /// `Oordeel Kamer`, no appreciation and a request to the Presidium as
    /// `Geen (expliciete) appreciatie`.
    ///
    /// ```
    /// use handelingen::{AdviceKind, Appreciation};
    /// assert_eq!(AdviceKind::Ontijdig.appreciation(), Appreciation::Ontraden);
    /// assert_eq!(AdviceKind::Aanhouden.appreciation(), Appreciation::VerzochtAanTeHouden);
    /// ```
    pub fn appreciation(self) -> Appreciation {
        match self {
            AdviceKind::OordeelKamer | AdviceKind::OndersteuningVanBeleid => {
                Appreciation::OordeelKamer
            }
            AdviceKind::Ontraden
            | AdviceKind::MetKlemOntraden
            | AdviceKind::Ontijdig
            | AdviceKind::Overbodig => Appreciation::Ontraden,
            AdviceKind::OntradenTenzijGewijzigd => Appreciation::OntradenTenzijGewijzigd,
            AdviceKind::Overgenomen => Appreciation::Overgenomen,
            AdviceKind::Aanhouden => Appreciation::VerzochtAanTeHouden,
            AdviceKind::GeenAppreciatie | AdviceKind::VerzoekAanPresidium => {
                Appreciation::GeenAppreciatie
            }
        }
    }
}

impl Contribution {
    /// Every speech of the contribution: the opening speech, its
    /// continuations, then each interruption thread's speeches.
    ///
    /// ```
    /// let text = "De heer Slootweg (CDA):\nVoorzitter.\n\n\
    ///             De voorzitter:\nEr is een interruptie van mevrouw Kathmann.\n\n\
    ///             Mevrouw Kathmann (GroenLinks-PvdA):\nEen vraag.\n\n\
    ///             De heer Slootweg (CDA):\nEen antwoord.\n";
    /// let parsed = handelingen::parse(text);
    /// let analysis = parsed.analysis.unwrap();
    /// let c = &analysis.contributions[0];
    /// let ids: Vec<usize> = c.speeches().map(|id| id.index()).collect();
    /// assert_eq!(ids, [0, 3, 2]);
    /// ```
    pub fn speeches(&self) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::once(self.speech)
            .chain(self.continuations.iter().copied())
            .chain(
                self.interruptions
                    .iter()
                    .flat_map(|t| t.speeches.iter().copied()),
            )
    }
}

impl Analysis<'_> {
    /// The final advice on the motion with Kamerstuk id `kamerstuk`: advice
    /// records are kept in document order, several per motion when the
    /// minister and then the chair speak of it (`De motie op stuk nr. 981 is
    /// ontraden.`), and the last one is the final word.
    ///
    /// ```
    /// let text = "Minister Rutte:\nDe motie op stuk nr. 5 (36800) ontraad ik.\n\n\
    ///             De voorzitter:\nDe motie op stuk nr. 5 (36800) is oordeel Kamer.\n";
    /// let parsed = handelingen::parse(text);
    /// let analysis = parsed.analysis.unwrap();
    /// let last = analysis.final_advice("kst-36800-5").unwrap();
    /// assert_eq!(last.kind, handelingen::AdviceKind::OordeelKamer);
    /// ```
    pub fn final_advice(&self, kamerstuk: &str) -> Option<&Advice> {
        self.advice
            .iter()
            .rev()
            .find(|a| a.kamerstuk.as_deref() == Some(kamerstuk))
    }

    /// The final advice on the motion `motion` of the document (see
    /// [`Analysis::final_advice`]).
    pub fn final_advice_on(&self, motion: MotionId) -> Option<&Advice> {
        self.advice.iter().rev().find(|a| a.motion == Some(motion))
    }
}

/// Finds what the analysis layer records in `document`.
pub(crate) fn analyse<'a>(document: &Document<'a>) -> Analysis<'a> {
    let motions = MotionIndex::new(document);
    let mut analysis = Analysis {
        contributions: threads::contributions(document),
        ..Analysis::default()
    };
    dates::front_matter(document, &mut analysis.dates);
    let mut state = State::default();
    // Reused from unit to unit.
    let (mut units, mut hits) = (Vec::new(), Vec::new());
    let mut section = 0;
    for node in &document.nodes {
        if matches!(node.kind, NodeKind::AgendaItem(_)) {
            section += 1;
        }
        events::of_node(node, &mut analysis.events);
        units_of(node, section, &mut units);
        for unit in &units {
            Scanner::for_owner(unit.owner).scan(unit.text.as_str(), &mut hits);
            let gate = Gate::of(
                unit.text.as_str(),
                &hits,
                unit.owner,
                document.is_transcript,
            );
            let read = Read {
                unit,
                hits: &hits,
                gate,
                motions: &motions,
            };
            analyse_unit(&read, &mut state, &mut analysis);
        }
    }
    // What the result keeps: no spare room (a list reserved for the
    // findings a unit might hold, or grown by a quarter).
    trim(&mut analysis.references);
    trim(&mut analysis.votes);
    trim(&mut analysis.advice);
    trim(&mut analysis.events);
    trim(&mut analysis.announced_motions);
    analysis
}

/// `list`, with room for one more: a list of findings grows by a quarter
/// when full, not twice (one paragraph may fill it with thousands of
/// findings, and the peak heap holds its spare room too).
fn grow<T>(list: &mut Vec<T>) -> &mut Vec<T> {
    if list.len() == list.capacity() {
        list.reserve_exact(list.len() / 4 + 4);
    }
    list
}

/// `list`, with room for `more` findings: exactly that many when it has
/// to grow by more than a quarter (one paragraph's thousands of findings
/// take no spare room), else a quarter more.
fn room<T>(list: &mut Vec<T>, more: usize) {
    if list.capacity() - list.len() < more {
        list.reserve_exact(room_for(list.len(), more));
    }
}

/// How much [`room`] reserves for `more` findings in a list of `len`.
fn room_for(len: usize, more: usize) -> usize {
    more.max(len / 4 + 4)
}

/// `kst-{dossier}-{number}` ([`crate::MotionNumber::kamerstuk`]) in a string of
/// its length (one allocation, none to shrink it).
fn kamerstuk_id(dossier: &str, number: &str) -> Box<str> {
    let mut id = String::with_capacity("kst--".len() + dossier.len() + number.len());
    for part in ["kst-", dossier, "-", number] {
        id.push_str(part);
    }
    id.into_boxed_str()
}

/// `list` without its spare room when that is more than a few entries (a
/// list of thousands kept while its unit is read; a short one is left as
/// it is, not reallocated for a few bytes).
fn trim<T>(list: &mut Vec<T>) {
    if list.capacity() - list.len() > 32 {
        list.shrink_to_fit();
    }
}

/// Records the finding `make` builds from its place in `list` (its id).
fn record<T>(list: &mut Vec<T>, make: impl FnOnce(usize) -> T) {
    let at = list.len();
    grow(list).push(make(at));
}

/// What the pass carries from one unit to the next.
#[derive(Default)]
struct State<'d> {
    /// The motion under discussion (`deze motie`), see [`advice`].
    topic: Option<advice::Topic<'d>>,
    /// The agenda item being read: a new one ends the discussion of a
    /// motion.
    section: usize,
    /// The vote the chair's last `In stemming komt de motie-… (…)` opened,
    /// its result not yet read.
    pending_vote: Option<votes::Pending>,
    /// A unit of prose was read already (`date 2023-06` dates a document
    /// only in its first one).
    seen_prose: bool,
    /// Where a unit's anchors of references are held while it is read.
    anchors: refs::Scratch,
    /// The lists the advice of a unit is found in.
    advice: advice::Scratch,
}

/// A unit as the pass reads it: its hits, what they let through, and the
/// motions of the document to look references up in.
struct Read<'r, 'd, 'a> {
    unit: &'r Unit<'d, 'a>,
    hits: &'r [Hit],
    gate: Gate,
    motions: &'r MotionIndex<'d>,
}

/// Runs the detectors `read.gate` lets through on one unit and maps what
/// they found to the input.
fn analyse_unit<'d, 'a>(
    read: &Read<'_, 'd, 'a>,
    state: &mut State<'d>,
    analysis: &mut Analysis<'a>,
) {
    let unit = read.unit;
    if state.section != unit.section {
        state.section = unit.section;
        state.topic = None;
        state.pending_vote = None;
    }
    let source = unit.text;
    let text = source.as_str();
    if unit.owner == Owner::Prose {
        let first = !std::mem::replace(&mut state.seen_prose, true);
        let found =
            dates::heading_date(text).or_else(|| first.then(|| dates::leading_iso(text)).flatten());
        if let Some(((a, b), date)) = found {
            analysis.dates.push(DocumentDate {
                id: DateId::new(analysis.dates.len()),
                date,
                text: source.slice(a..b),
            });
        }
    }
    // Most units hold no word any other finding starts from.
    let first_reference = if read.hits.is_empty() {
        None
    } else {
        findings(read, state, analysis)
    };
    // The chair's `In stemming komt de motie-… (…)` opens a vote.
    let chair = matches!(
        unit.owner,
        Owner::Speech {
            role: Role::Chair,
            ..
        }
    );
    if chair && text.starts_with("In stemming ") {
        state.pending_vote = votes::announcement(text, first_reference);
    }
}

/// The findings of a unit with hits: references, the chair's events,
/// votes, announced motions and advice. Returns the index of the first
/// reference recorded for the unit.
fn findings<'d, 'a>(
    read: &Read<'_, 'd, 'a>,
    state: &mut State<'d>,
    analysis: &mut Analysis<'a>,
) -> Option<usize> {
    let Read {
        unit,
        hits,
        gate,
        motions,
    } = *read;
    let role = match unit.owner {
        Owner::Speech { role, .. } => Some(role),
        _ => None,
    };
    let source = unit.text;
    let text = source.as_str();
    // The unit's references, recorded once its other findings are read.
    let base = analysis.references.len();
    let refs = if gate.refs.motie || gate.refs.kamerstuk {
        UnitRefs::find(text, hits, gate.refs, base, &mut state.anchors)
    } else {
        UnitRefs::none(base)
    };
    let raw = refs.raw();

    let transcript_chair = role == Some(Role::Chair);
    if let (true, Owner::Speech { node, .. }) = (transcript_chair, unit.owner) {
        events::chair_paragraph(source, hits, node, &mut analysis.events);
    }
    // A vote the chair opened is read for in the chair's paragraphs that
    // follow, whether or not they name a motion.
    let open_vote = transcript_chair && state.pending_vote.is_some();
    if let Some(pending) = state.pending_vote.as_mut().filter(|_| open_vote) {
        votes::counts_before(text, hits, pending);
    }
    let wants_votes = gate.votes || open_vote;
    // The government's and the chair's speeches are read for advice and
    // for the motion under discussion.
    let advice_here = role.is_some_and(|r| r == Role::Chair || r.is_government());
    let wants_advice = advice_here && (!raw.is_empty() || gate.advice);
    if wants_votes {
        votes::find(
            source,
            hits,
            raw,
            refs.first_index(),
            &|i| refs.target(i, text, motions, &analysis.references),
            transcript_chair.then_some(&mut state.pending_vote),
            &mut analysis.votes,
        );
    }
    // Motions announced or considered, in a speaker's own words.
    if let (true, Some(role), Owner::Speech { node, .. }) = (gate.refs.motie, role, unit.owner) {
        if role != Role::Chair {
            for ((a, b), kind) in announced::find(text, hits) {
                record(&mut analysis.announced_motions, |id| AnnouncedMotion {
                    id: AnnouncementId::new(id),
                    kind,
                    speech: node,
                    text: source.slice(a..b),
                });
            }
        }
    }
    if let (true, Some(role), Owner::Speech { node, .. }) = (wants_advice, role, unit.owner) {
        let ctx = advice::Context {
            motions,
            section: unit.section,
            before: source.span().start,
            speech: node,
            role,
        };
        // The chair's restatements name their motion: read for phrases
        // where references are.
        let phrases = gate.advice || (role == Role::Chair && !raw.is_empty());
        let last = analysis.advice.last_mut().filter(|a| a.speech == node);
        advice::find(
            text,
            hits,
            raw,
            phrases,
            &ctx,
            &mut state.topic,
            last,
            &mut state.advice,
        );
        for ((a, b), advice) in state.advice.found.drain(..) {
            // The id is the advice's place; its motion, the one of the
            // document with its Kamerstuk id.
            let motion = advice
                .kamerstuk
                .as_deref()
                .and_then(|k| motions.by_kamerstuk(k));
            record(&mut analysis.advice, |id| Advice {
                id: AdviceId::new(id),
                motion,
                span: source.span_of(a..b),
                ..advice
            });
        }
        state.advice.reset();
    }
    let first = refs.first_recorded();
    refs.record(source, motions, &mut analysis.references);
    first
}
