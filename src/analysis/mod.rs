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
//! - [`events`]: the procedural events of the sitting (opening,
//!   suspensions, resumption, closing, the deliberation, the announcement
//!   of the votes).
//!
//! Spans. A unit's text is a [`Text`]: every range of it maps back to an
//! exact input span through its source map ([`Text::span_of`]), so a
//! finding is located without searching the input.
//!
//! Cost. Most paragraphs hold nothing to find, and are passed over after
//! a search of their text for the few words every finding needs
//! ([`gate`]: `otie`, `amerstuk`, and in the government's speeches the
//! words of advice). Sentences are found only around what was found
//! ([`sentence_at`]), the motions of the document are indexed only when a
//! lookup needs them, and nothing looks further than its sentence or unit
//! (or, for threads, than the chair's speeches before a speech), so the
//! layer is linear in the input.

mod advice;
mod dates;
mod events;
mod gate;
mod index;
mod model;
mod refs;
mod threads;
mod votes;

pub use model::{
    Advice, AdviceKind, Analysis, Contribution, DocumentDate, Event, InterruptionThread,
    MotionLink, MotionReference, VoteOutcome, VoteResult,
};

use crate::search::re;
use crate::tree::{
    AdviceId, DateId, Document, MotionId, MotionNumber, NodeId, ReferenceId, Role, VoteId,
};
use gate::Gate;
use index::{name_key, units, MotionIndex, Owner, Unit};

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
    let units = units(document);
    let motions = MotionIndex::new(document);
    let mut analysis = Analysis {
        contributions: threads::contributions(document),
        events: events::events(document),
        ..Analysis::default()
    };
    dates::front_matter(document, &mut analysis.dates);
    let mut state = State::default();
    for unit in &units {
        let gate = Gate::of(unit.text, unit.owner, document.is_transcript);
        analyse_unit(unit, gate, &motions, &mut state, &mut analysis);
    }
    // Ids, and the links the detectors leave to this pass.
    for (i, d) in analysis.dates.iter_mut().enumerate() {
        d.id = DateId::new(i);
    }
    for (i, a) in analysis.advice.iter_mut().enumerate() {
        a.id = AdviceId::new(i);
        a.motion = a.kamerstuk.as_deref().and_then(|k| motions.by_kamerstuk(k));
    }
    for (i, v) in analysis.votes.iter_mut().enumerate() {
        v.id = VoteId::new(i);
        v.motion = v
            .reference
            .and_then(|r| analysis.references.get(r.index()))
            .and_then(|r| r.motion);
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

/// Runs the detectors `gate` lets through on one unit and maps what they
/// found to the input.
fn analyse_unit<'a>(
    unit: &Unit<'_, 'a>,
    gate: Gate,
    motions: &MotionIndex<'_>,
    state: &mut State,
    analysis: &mut Analysis<'a>,
) {
    if state.section != unit.section {
        state.section = unit.section;
        state.topic = None;
    }
    let role = match unit.owner {
        Owner::Speech { role, .. } => Some(role),
        _ => None,
    };
    let source = unit.text;
    let text = source.as_str();
    let raw = if gate.refs.motie || gate.refs.kamerstuk {
        refs::find(text, gate.refs)
    } else {
        Vec::new()
    };

    // References: one per number printed (`nrs. 1009 en 1010`), in order.
    let mut first_index = Vec::with_capacity(raw.len());
    for r in &raw {
        if r.ordinal.is_some() {
            first_index.push(None);
            continue;
        }
        let printed = source.slice(r.start..r.end);
        first_index.push(Some(analysis.references.len()));
        let numbers = motions.numbers_of(r);
        let numbers = if numbers.is_empty() {
            vec![None]
        } else {
            numbers
        };
        for number in numbers {
            let kamerstuk = number.as_ref().map(MotionNumber::kamerstuk);
            analysis.references.push(MotionReference {
                id: ReferenceId::new(analysis.references.len()),
                motion: kamerstuk.as_deref().and_then(|k| motions.by_kamerstuk(k)),
                kamerstuk,
                number,
                submitter: r.submitter.clone(),
                cum_suis: r.cum_suis,
                text: printed.clone(),
            });
        }
    }

    if unit.owner == Owner::Prose {
        let first = !std::mem::replace(&mut state.seen_prose, true);
        let found =
            dates::heading_date(text).or_else(|| first.then(|| dates::leading_iso(text)).flatten());
        if let Some(((a, b), date)) = found {
            analysis.dates.push(DocumentDate {
                id: DateId::new(0),
                date,
                text: source.slice(a..b),
            });
        }
    }

    let transcript_chair = role == Some(Role::Chair);
    let wants_votes = gate.votes;
    // The government's and the chair's speeches are read for advice and
    // for the motion under discussion.
    let advice_here = role.is_some_and(|r| r == Role::Chair || r.is_government());
    let wants_advice = advice_here && (!raw.is_empty() || gate.advice);
    if wants_votes {
        let found = votes::find(
            text,
            &raw,
            &first_index,
            &analysis.references,
            transcript_chair.then_some(&mut state.vote_subject),
        );
        for ((a, b), vote) in found {
            let span = source.span_of(a..b);
            analysis.votes.push(VoteOutcome { span, ..vote });
        }
    }
    if transcript_chair && text.starts_with("In stemming ") {
        state.vote_subject = first_index.iter().flatten().next().copied();
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
        let found = advice::find(text, &raw, phrases, &ctx, &mut state.topic);
        for ((a, b), advice) in found {
            let span = source.span_of(a..b);
            analysis.advice.push(Advice { span, ..advice });
        }
    }
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
pub(super) fn sentence_at(text: &str, p: usize) -> (usize, usize) {
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

/// The largest char boundary of `s` at or before `i`.
pub(super) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::gate::advice_word;
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
}
