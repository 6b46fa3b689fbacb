//! Vote outcomes: `Motie 32317-858 … werd verworpen.`, `De motie werd met
//! 92 stemmen voor en 56 stemmen tegen aangenomen. VVD, CDA, ChristenUnie en
//! SGP stemden tegen.`, and the chair's `Ik constateer dat de leden van de
//! fracties van de SP, … voor deze motie hebben gestemd en de leden van de
//! overige fracties ertegen, zodat zij is aangenomen.`
//!
//! A sentence records a vote when a form of `worden` or `zijn` comes before
//! `aangenomen` or `verworpen` (a few adverbs, or `met … stemmen`, may stand
//! between) and the sentence speaks of a motion. A verb in a relative clause
//! after the motion (`een motie die door een meerderheid … werd aangenomen`)
//! describes the motion and records nothing. The caller reads prose units
//! and, in transcripts, the chair's paragraphs only (a member's `die motie
//! is vorig jaar aangenomen` is no vote).
//!
//! The motion is the reference nearest before the verb in the same
//! sentence, else the first after it, else the last reference before the
//! sentence in the same paragraph (or the first after it), else, in a
//! transcript, the reference of the chair's `In stemming komt de motie-…
//! (…).` just before.
//!
//! A Stemmingen. The chair's `In stemming komt de motie-X (36000, nr.
//! 12).`, `… de gewijzigde motie-…`, `… het amendement-…`, `… het
//! voorstel …` ([`announcement`]) opens a vote: its result, in the chair's
//! next sentence with an outcome word (often the next speech: the
//! transcript prints a chair's label between them), is recorded with what
//! was put to the vote ([`crate::VoteSubject`]), even where that sentence
//! names no motion (`… voor dit voorstel hebben gestemd …, zodat het is
//! verworpen.`). A roll call's counts (`Aan deze stemming hebben 147 leden
//! deelgenomen, waarvan 75 stemmen voor en 72 tegen.`) said before the
//! result are kept with the open vote and given to it.
//!
//! Cost. A sentence with outcome words is read once for all of them
//! ([`Sentence`]), and the verb before each is looked for back to the
//! outcome word before it only, so a sentence of any number of outcome
//! words costs time in proportion to its length.

mod tally;

use std::sync::OnceLock;

use regex::Regex;

use super::refs::PackedRef;
use super::scan::{Hit, Word};
use super::{
    any_within, last_below, occurrence_spans, occurrences, re, runs, sentence_at, take_within,
};
use super::{VoteMethod, VoteOutcome, VoteResult, VoteSubject};
use crate::text::Text;
use crate::tree::{MotionId, ReferenceId, VoteId};
use tally::{counts_in, parties_after, sentence_details};

/// A vote the chair opened (`In stemming komt …`) and whose result has not
/// been read yet.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pending {
    /// The reference in the announcement: its index in `references`.
    reference: Option<usize>,
    subject: VoteSubject,
    /// Counts said before the result: for, against, taking part.
    counts: (Option<u32>, Option<u32>, Option<u32>),
}

/// The chair's `In stemming komt de motie-X (…).` (also `komen`), read at
/// the start of a paragraph: what is put to the vote. `reference` is the
/// first reference recorded for the paragraph.
///
/// ```text
/// "In stemming komt de gewijzigde motie-Jansen (36000, nr. 21, was nr. 13)." → AmendedMotion
/// "In stemming komt het voorstel van het Presidium om …"                       → Proposal
/// ```
pub(super) fn announcement(text: &str, reference: Option<usize>) -> Option<Pending> {
    let rest = text
        .strip_prefix("In stemming komt ")
        .or_else(|| text.strip_prefix("In stemming komen "))?;
    let lower = rest.get(..rest.len().min(40)).unwrap_or(rest);
    let lower = lower.to_ascii_lowercase();
    let subject = if lower.starts_with("de gewijzigde motie") {
        VoteSubject::AmendedMotion
    } else if lower.starts_with("de motie") {
        VoteSubject::Motion
    } else if lower.starts_with("het amendement") || lower.starts_with("het gewijzigde amendement")
    {
        VoteSubject::Amendment
    } else {
        VoteSubject::Proposal
    };
    Some(Pending {
        reference,
        subject,
        counts: (None, None, None),
    })
}

/// Keeps the counts a chair's paragraph gives the open vote before its
/// result (`Aan deze stemming hebben 147 leden deelgenomen, waarvan 75
/// stemmen voor en 72 tegen.`). Read only where `deelgenomen` or
/// `stemmen` is written (the hits of `deelgenomen` and `temm`).
pub(super) fn counts_before(text: &str, hits: &[Hit], pending: &mut Pending) {
    let bytes = text.as_bytes();
    let written = hits.iter().any(|h| match h.word() {
        Word::Deelgenomen => true,
        Word::Temm => {
            h.at().checked_sub(1).and_then(|i| bytes.get(i)) == Some(&b's')
                && bytes.get(h.end()..h.end() + 2) == Some(&b"en"[..])
        }
        _ => false,
    });
    if !written {
        return;
    }
    let (yes, no, took_part) = counts_in(text);
    let c = &mut pending.counts;
    *c = (c.0.or(yes), c.1.or(no), c.2.or(took_part));
}

/// What stands before `aangenomen` or `verworpen` in a vote: `werd `,
/// `werd ook `, `is `, `werd met 92 stemmen voor en 56 stemmen tegen `,
/// `met algemene stemmen is `. Anchored at the end, so it runs backwards
/// from the outcome word.
fn verb_before() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"(?-u:\b)(?:werd|werden|wordt|worden|is|zijn)\s+(?:(?:dus|ook|daarmee|toen|vervolgens|echter|uiteindelijk|alsnog|nipt|unaniem|ruim|wel|niet)\s+)*(?:met\s+[^.;:]+?\s+)?$",
    )
}

/// The outcome words of a unit, in order: start, end, result; from the
/// hits of `aangenomen` and `verworpen` ([`super::scan`]) that stand as
/// words (no letter before or after).
///
/// As `u32` offsets, 12 bytes a word (a unit may be all outcome words): a
/// word past the first 4 GiB of one unit is not read.
fn outcome_words(text: &str, hits: &[Hit]) -> Vec<(u32, u32, VoteResult)> {
    let bytes = text.as_bytes();
    let letter_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
    hits.iter()
        .filter_map(|h| match h.word() {
            Word::Aangenomen => Some((h.at(), h.end(), VoteResult::Adopted)),
            Word::Verworpen => Some((h.at(), h.end(), VoteResult::Rejected)),
            _ => None,
        })
        .filter(|&(s, e, _)| !letter_at(e) && (s == 0 || !letter_at(s - 1)))
        .filter_map(|(s, e, r)| Some((u32::try_from(s).ok()?, u32::try_from(e).ok()?, r)))
        .collect()
}

/// `werd … met` before the whitespace after `met`: where the verb of a
/// vote with `met … stemmen` may start. The same words as [`verb_before`],
/// read forwards.
fn verb_met() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"(?-u:\b)(?:werd|werden|wordt|worden|is|zijn)\s+(?:(?:dus|ook|daarmee|toen|vervolgens|echter|uiteindelijk|alsnog|nipt|unaniem|ruim|wel|niet)\s+)*met\s",
    )
}

/// The words before a vote's verb that make it a relative clause after the
/// motion (`een motie die … werd aangenomen`).
const RELATIVE: [&str; 5] = [" die ", " dat ", " welke ", ",die ", " waarover "];

/// What a sentence with outcome words says around them, read once for all
/// of them (a paragraph without a full stop is one sentence, and may hold
/// any number of outcome words).
struct Sentence<'s> {
    text: &'s str,
    /// `motie` (any case): where each ends.
    motie: Vec<usize>,
    /// The [`RELATIVE`] words (any case), each as a span.
    relative: Vec<Vec<(usize, usize)>>,
    /// Every `,`.
    commas: Vec<usize>,
    /// The words (runs of alphanumerics) that open a condition.
    conditions: Vec<(usize, usize)>,
    /// [`verb_met`]: where each starts, and where its `met` ends.
    met: Vec<(usize, usize)>,
}

impl<'s> Sentence<'s> {
    fn new(text: &'s str) -> Self {
        let lower = text.to_ascii_lowercase();
        let met = verb_met()
            .find_iter(text)
            .filter_map(|m| {
                let space = m.as_str().chars().next_back()?.len_utf8();
                Some((m.start(), m.end() - space))
            })
            .collect();
        Sentence {
            text,
            motie: occurrences(&lower, "motie")
                .into_iter()
                .map(|i| i + "motie".len())
                .collect(),
            relative: RELATIVE
                .iter()
                .map(|w| occurrence_spans(&lower, w))
                .collect(),
            commas: memchr::memchr_iter(b',', text.as_bytes()).collect(),
            conditions: runs(
                &lower,
                |c| !c.is_alphanumeric(),
                |w| {
                    matches!(
                        w,
                        "als" | "indien" | "mocht" | "wanneer" | "zodra" | "tenzij" | "of"
                    )
                },
            ),
            met,
        }
    }

    /// Where the verb before the outcome word at `at` starts: the start of
    /// `verb_before().find(&text[..at])`, without reading back further than
    /// `lo` (the end of the outcome word before, or the last `.`, `;` or
    /// `:` before `at`, which `seg` is just after). Only the `met …`
    /// of a verb can reach back over another outcome word; the first such
    /// verb after `seg` is the one that would be found there.
    fn verb_start(&self, seg: usize, lo: usize, at: usize) -> Option<usize> {
        let first_met = self.met.get(self.met.partition_point(|m| m.0 < seg));
        if let Some(&(start, met_end)) = first_met.filter(|m| m.0 < lo) {
            // `met`, whitespace, something, whitespace, the outcome word.
            let between = self.text.get(met_end..at).unwrap_or_default();
            if between.chars().take(3).count() == 3
                && between.chars().next_back().is_some_and(char::is_whitespace)
            {
                return Some(start);
            }
        }
        let head = self.text.get(lo..at)?;
        verb_before().find(head).map(|m| lo + m.start())
    }

    /// Whether the sentence speaks of a motion before byte `at`, and if
    /// so, whether a relative clause (`die`, `dat`, `welke`) stands between
    /// the motion and `at`: `Some(true)` for a vote, `Some(false)` for a
    /// relative clause, `None` when no motion is named before.
    /// `refs_before` is where the reference before `at` ends.
    fn motion_before(&self, refs_before: Option<usize>, at: usize) -> Option<bool> {
        let word = last_below(&self.motie, at + 1);
        let mention = match (word, refs_before) {
            (Some(a), Some(b)) => a.max(b),
            (a, b) => a.or(b)?,
        };
        if mention > at {
            return None;
        }
        let relative = self.relative.iter().any(|w| any_within(w, mention, at));
        Some(!relative)
    }

    /// Whether the clause of the verb at `at` is a condition: `Indien de
    /// motie wordt aangenomen, dan …`, `… als de motie wordt aangenomen`.
    fn conditional(&self, at: usize) -> bool {
        let clause = last_below(&self.commas, at).map_or(0, |c| c + 1);
        any_within(&self.conditions, clause, at)
    }
}

/// Every vote in `text`, with the normalised range of its sentence.
///
/// `raw` are the references of the unit and `first_index` the index in
/// `Analysis::references` of the first reference each records (an
/// ordinal records none); `target` gives the Kamerstuk id and motion of
/// the reference at an index (the unit's are recorded after); `pending`
/// (the chair's paragraphs in transcripts only) is the vote the chair's `In
/// stemming komt …` opened, taken by the first vote found: it gives its
/// reference to a vote that names no motion itself, and its subject and
/// counts.
#[allow(clippy::too_many_arguments)]
pub(super) fn find(
    source: &Text<'_>,
    hits: &[Hit],
    raw: &[PackedRef],
    first_index: &[u32],
    target: &dyn Fn(usize) -> (Option<Box<str>>, Option<MotionId>),
    mut pending: Option<&mut Option<Pending>>,
    out: &mut Vec<VoteOutcome>,
) {
    let text = source.as_str();
    let mut words = outcome_words(text, hits);
    if words.is_empty() {
        return;
    }
    // Kept while the votes are read: without the room it grew into.
    super::trim(&mut words);
    // The references of the unit that were recorded: their place in `raw`
    // (4 bytes each; `at` gives the reference and its index in
    // `references`).
    let indexed: Vec<u32> = (0..raw.len().min(first_index.len()))
        .filter(|&k| raw.get(k).is_some_and(|r| !r.is_ordinal()))
        .filter_map(|k| u32::try_from(k).ok())
        .collect();
    let at = |k: &u32| -> Option<(&PackedRef, usize)> {
        let k = *k as usize;
        Some((raw.get(k)?, *first_index.get(k)? as usize))
    };
    // Where the reference at place `k` starts (every place is one of
    // `raw`).
    let start = |k: &u32| at(k).map_or(usize::MAX, |(r, _)| r.start());
    // The last vote found, and where its sentence ends: the parties of the
    // two sentences after it are its.
    let mut open: Option<(usize, usize)> = None;
    let (mut next_word, mut next_ref) = (0, 0);
    // The last reference that ends before the current sentence.
    let mut last_before: Option<usize> = None;
    while let Some(&(word_start, _, _)) = words.get(next_word) {
        let word_start = word_start as usize;
        let (a, b) = sentence_at(text, word_start);
        let b = b.max(word_start + 1);
        if let Some((i, end)) = open.take() {
            parties_after(text, end, a, out.get_mut(i));
        }
        while let Some((r, i)) = indexed
            .get(next_ref)
            .and_then(at)
            .filter(|(r, _)| r.start() < a)
        {
            if r.end() <= a {
                last_before = Some(i);
            }
            next_ref += 1;
        }
        let in_sentence = take_within(&indexed, &mut next_ref, a, b, |k| (start(k), start(k)));
        let first_after = indexed.get(next_ref).and_then(at).map(|(_, i)| i);
        let here = take_within(&words, &mut next_word, a, b, |w| {
            (w.0 as usize, w.1 as usize)
        });
        let previous = last_before;
        if let Some((_, i)) = in_sentence.last().and_then(at) {
            last_before = Some(i);
        }
        let last_before = previous;
        let Some(text_here) = text.get(a..b) else {
            continue;
        };
        let sentence = Sentence::new(text_here);
        // Room for a vote per word: a sentence may hold thousands, and the
        // list grows no further than they need (reserved once the
        // sentence's own marks are read, so the two do not add up).
        super::room(out, here.len());
        // Counts and parties are the sentence's: read once, for its first
        // vote.
        let mut details: Option<VoteOutcome> = None;
        // Where the last `.`, `;` or `:` was looked for, and the segment
        // after the last one found.
        let (mut punct_from, mut seg) = (0, 0);
        let (mut prev_end, mut prev_word) = (0, 0);
        for &(ws, we, result) in here {
            let (ws, we) = (ws as usize - a, we as usize - a);
            let lo = prev_word;
            prev_word = we;
            let stops = text_here.as_bytes().get(punct_from..ws).unwrap_or_default();
            if let Some(i) = memchr::memrchr3(b'.', b';', b':', stops) {
                seg = punct_from + i + 1;
            }
            punct_from = ws;
            let Some(m_start) = sentence.verb_start(seg, lo.max(seg), ws) else {
                continue;
            };
            let range_start = prev_end;
            prev_end = we;
            let rel = |r: &PackedRef| r.start().saturating_sub(a);
            let k = in_sentence.partition_point(|k| start(k).saturating_sub(a) < m_start);
            let before: Option<(&PackedRef, usize)> = k
                .checked_sub(1)
                .and_then(|k| in_sentence.get(k))
                .and_then(at)
                .filter(|(r, _)| rel(r) >= range_start);
            let after = in_sentence.get(k).and_then(at);
            let refs_before = before.map(|(r, _)| r.end().saturating_sub(a));
            let open_vote = pending.as_deref().is_some_and(Option::is_some);
            let is_vote = match sentence.motion_before(refs_before, m_start) {
                Some(v) => v,
                None => after.is_some() || !sentence.motie.is_empty() || open_vote,
            };
            if !is_vote || sentence.conditional(m_start) {
                continue;
            }
            let opened = pending.as_deref_mut().and_then(Option::take);
            let reference = before
                .or(after)
                .map(|(_, i)| i)
                .or(last_before)
                .or(first_after)
                .or(opened.and_then(|p| p.reference));
            let details = details.get_or_insert_with(|| sentence_details(text_here));
            // The id is the vote's place; its motion and Kamerstuk id, those
            // of its reference.
            let (kamerstuk, motion) = reference.map_or((None, None), target);
            let mut vote = details.clone();
            vote.id = VoteId::new(out.len());
            vote.result = result;
            vote.reference = reference.map(ReferenceId::new);
            vote.span = source.span_of(a..b);
            vote.link(kamerstuk.map(String::from), motion);
            if let Some(p) = opened {
                let (yes, no, took_part) = p.counts;
                vote.subject = Some(p.subject);
                vote.add_counts(yes, no, took_part);
                if took_part.is_some() {
                    vote.method = Some(VoteMethod::RollCall);
                }
            }
            out.push(vote);
            open = Some((out.len() - 1, b));
        }
    }
    if let Some((i, end)) = open {
        parties_after(text, end, text.len(), out.get_mut(i));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        super::super::scan::Scanner::for_owner(super::super::index::Owner::Prose)
            .scan(text, &mut hits);
        hits
    }

    fn votes(text: &str) -> Vec<VoteOutcome> {
        let hits = hits(text);
        let raw = super::super::refs::find(
            text,
            &hits,
            super::super::refs::Hints::ALL,
            &mut super::super::refs::Scratch::default(),
        );
        let first: Vec<u32> = (0..raw.len() as u32).collect();
        // The first number of each reference, with the dossier printed.
        let target = |i: usize| {
            let kamerstuk = raw.get(i).map(|r| r.get(text)).and_then(|r| {
                let n = r.numbers().next()?;
                Some(format!("kst-{}-{n}", r.dossier().unwrap_or_default()).into())
            });
            (kamerstuk, None)
        };
        let mut out = Vec::new();
        find(
            &crate::text::normalize(text),
            &hits,
            &raw,
            &first,
            &target,
            None,
            &mut out,
        );
        out
    }

    #[test]
    fn news_forms() {
        let v = votes("Motie 32317-858 van Kamerleden Slootweg en Kuik werd verworpen.");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].result, VoteResult::Rejected);
        assert_eq!(v[0].kamerstuk(), Some("kst-32317-858"));

        let v = votes("De motie werd met 92 stemmen voor en 56 stemmen tegen aangenomen. VVD, CDA, ChristenUnie en SGP stemden tegen. Gündogan nam niet deel.");
        assert_eq!(v.len(), 1);
        assert_eq!(
            (v[0].votes_for(), v[0].votes_against()),
            (Some(92), Some(56))
        );
        assert_eq!(
            v[0].parties_against(),
            ["VVD", "CDA", "ChristenUnie", "SGP"]
        );
        assert_eq!(v[0].reference, None);
    }

    #[test]
    fn chair_form() {
        let v = votes("Ik constateer dat de leden van de fracties van de SP, de PvdA, GroenLinks en DENK voor deze motie hebben gestemd en de leden van de overige fracties ertegen, zodat zij is aangenomen.");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].result, VoteResult::Adopted);
        assert_eq!(v[0].parties_for(), ["SP", "PvdA", "GroenLinks", "DENK"]);
        assert!(v[0].parties_against().is_empty());
    }

    /// The verb found for each outcome word without reading back over the
    /// outcome word before is the one the regex finds reading back over
    /// the whole sentence.
    #[test]
    fn verb_start_reads_back_no_further_than_needed() {
        for text in [
            "De motie werd met 80 stemmen aangenomen en de motie-Y met 70 stemmen verworpen.",
            "De motie werd aangenomen werd aangenomen is ook aangenomen verworpen",
            "Zij werd met: aangenomen; werd met x aangenomen met y verworpen",
            "werd met  aangenomen werd met   verworpen werd met aangenomen",
            "De motie werd met de stemmen van de eerder aangenomen motie aangenomen.",
        ] {
            let sentence = Sentence::new(text);
            let (mut seg, mut lo) = (0, 0);
            for (ws, we, _) in outcome_words(text, &hits(text)) {
                let (ws, we) = (ws as usize, we as usize);
                if let Some(i) = text[..ws].rfind(['.', ';', ':']) {
                    seg = i + 1;
                }
                let old = verb_before().find(&text[..ws]).map(|m| m.start());
                assert_eq!(
                    sentence.verb_start(seg, lo.max(seg), ws),
                    old,
                    "{text} at {ws}"
                );
                lo = we;
            }
        }
    }

    #[test]
    fn sentence_marks() {
        use super::super::{any_within, last_below, occurrences, runs};
        assert_eq!(occurrences(" die die die ", " die "), [0, 4, 8]);
        let words = runs(
            "Als, de motie  als",
            |c| !c.is_alphanumeric(),
            |w| w.eq_ignore_ascii_case("als"),
        );
        assert_eq!(words, [(0, 3), (15, 18)]);
        assert_eq!(last_below(&[1, 5, 9], 9), Some(5));
        assert_eq!(last_below(&[1, 5, 9], 1), None);
        assert!(any_within(&words, 10, 18));
        assert!(!any_within(&words, 10, 17));
        assert!(!any_within(&words, 1, 14));
    }

    #[test]
    fn many_votes_in_one_sentence() {
        let text = format!("De motie {}.", "werd aangenomen ".repeat(50));
        assert_eq!(votes(&text).len(), 50);
        let text = format!("Als de motie {}.", "werd aangenomen ".repeat(50));
        assert!(votes(&text).is_empty());
    }

    #[test]
    fn not_votes() {
        for text in [
            "Het kabinet gaat een motie die door een meerderheid in de Tweede Kamer werd aangenomen, niet uitvoeren.",
            "De aangenomen motie roept het kabinet op.",
            "Het amendement is aangenomen.",
            "dat luchtwassers slechter presteren dan werd aangenomen;",
            "Indien de motie wordt aangenomen, dan heeft dit gevolgen.",
            "Het is de vraag of de motie wordt aangenomen.",
        ] {
            assert!(votes(text).is_empty(), "{text}");
        }
    }
}
