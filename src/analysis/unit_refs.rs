//! The references of one unit, from where they are found to where they are
//! recorded.
//!
//! A unit's references are found first ([`refs::find`]), read by the
//! unit's other detectors (votes and advice take their places in the
//! unit's text) and recorded last, in [`Analysis::references`]: the
//! unit's list is freed as the records are made, so the two are never in
//! memory at full size together (a paragraph may hold a reference every
//! 21 bytes: 40 bytes of list and 64 of record each).
//!
//! A reference's Kamerstuk id and motion are read in one place
//! ([`targets`]), for the records and for a vote that names a reference
//! of the unit before it is recorded.
//!
//! [`Analysis::references`]: super::Analysis::references

use super::index::MotionIndex;
use super::model::{MotionReference, Target};
use super::refs::{self, PackedRef, Piece, RawRef};
use super::scan::Hit;
use super::{room_for, trim};
use crate::text::{offset_in, Text};
use crate::tree::{MotionId, ReferenceId};

/// How many references of a unit are recorded before its list shrinks.
const CHUNK: usize = 1024;

/// The references found in a unit, and the index in
/// [`Analysis::references`](super::Analysis::references) each will have.
pub(super) struct UnitRefs {
    /// As found, in order.
    raw: Vec<PackedRef>,
    /// For each of `raw`, the index of the first record it makes; an
    /// ordinal, which makes none, has the index of the next that does (so
    /// the list never decreases).
    first_index: Vec<u32>,
    /// The index of the unit's first record (the records before it).
    base: usize,
    /// How many records the unit makes.
    count: usize,
}

impl UnitRefs {
    /// The references of `text` for the anchors `hints` lets through, to be
    /// recorded after the `base` records already made.
    pub(super) fn find(
        text: &str,
        hits: &[Hit],
        hints: refs::Hints,
        base: usize,
        scratch: &mut refs::Scratch,
    ) -> UnitRefs {
        let mut raw = refs::find(text, hits, hints, scratch);
        // Kept while the unit is read: without the room it grew into.
        trim(&mut raw);
        let mut next = base;
        let first_index = raw
            .iter()
            .map(|p| {
                let i = u32::try_from(next).unwrap_or(u32::MAX);
                if !p.is_ordinal() {
                    next = next.saturating_add(records(p, text));
                }
                i
            })
            .collect();
        UnitRefs {
            raw,
            first_index,
            base,
            count: next - base,
        }
    }

    /// No reference was found.
    pub(super) fn none(base: usize) -> UnitRefs {
        UnitRefs {
            raw: Vec::new(),
            first_index: Vec::new(),
            base,
            count: 0,
        }
    }

    /// The references as found.
    pub(super) fn raw(&self) -> &[PackedRef] {
        &self.raw
    }

    /// For each of [`UnitRefs::raw`], the index of its first record (that of
    /// the next record for an ordinal).
    pub(super) fn first_index(&self) -> &[u32] {
        &self.first_index
    }

    /// The index of the first reference the unit records, if it records
    /// any.
    pub(super) fn first_recorded(&self) -> Option<usize> {
        (self.count > 0).then_some(self.base)
    }

    /// The Kamerstuk id and motion of reference `i`: one of `recorded` (the
    /// records before the unit's) or one of the unit's, not yet recorded.
    pub(super) fn target(
        &self,
        i: usize,
        text: &str,
        motions: &MotionIndex<'_>,
        recorded: &[MotionReference<'_>],
    ) -> (Option<Box<str>>, Option<MotionId>) {
        if i < self.base {
            return recorded
                .get(i)
                .map_or((None, None), |r| (r.kamerstuk().map(Box::from), r.motion()));
        }
        // The last of the unit's references whose first record is at or
        // before `i`, and which of its records `i` is.
        let k = self.first_index.partition_point(|&f| f as usize <= i);
        let found = k.checked_sub(1).and_then(|k| {
            let packed = self.raw.get(k).filter(|p| !p.is_ordinal())?;
            let first = *self.first_index.get(k)? as usize;
            // The record's own number only: a reference may print thousands.
            let r = packed.get(text);
            match r.numbers().nth(i - first) {
                Some(n) => Some(target(motions, &r, n)),
                None => (i == first && !r.has_numbers()).then_some((None, None)),
            }
        });
        found.unwrap_or((None, None))
    }

    /// Records the references in `references`, in order, one per number
    /// printed (`nrs. 1009 en 1010`), with the text of `source` they are.
    /// The unit's list shrinks every [`CHUNK`] records, and the records'
    /// list grows by a quarter at most and never past the unit's last
    /// record, so the two do not add up.
    pub(super) fn record<'a>(
        self,
        source: &Text<'a>,
        motions: &MotionIndex<'_>,
        references: &mut Vec<MotionReference<'a>>,
    ) {
        let text = source.as_str();
        let end = references.len().saturating_add(self.count);
        let mut raw = self.raw;
        drop(self.first_index);
        raw.retain(|p| !p.is_ordinal());
        // Taken from the end: the first reference last.
        raw.reverse();
        while !raw.is_empty() {
            let from = raw.len().saturating_sub(CHUNK);
            let chunk = raw.get(from..).unwrap_or_default();
            let count = chunk.iter().map(|p| records(p, text)).sum();
            if references.capacity() - references.len() < count {
                let more =
                    room_for(references.len(), count).min(end.saturating_sub(references.len()));
                references.reserve_exact(more.max(count));
            }
            for packed in chunk.iter().rev() {
                let r = packed.get(text);
                let first = ReferenceId::new(references.len());
                for (k, (number, kamerstuk, motion)) in targets(motions, &r).enumerate() {
                    // The first record holds the whole reference; a later
                    // number holds only itself and names the first.
                    let (printed, submitter, part_of) = match number {
                        Some(n) if k > 0 => {
                            let at = offset_in(text, n);
                            (source.slice(at..at + n.len()), Piece::NONE, Some(first))
                        }
                        _ => (source.slice(r.start..r.end), packed.submitter(), None),
                    };
                    references.push(MotionReference {
                        id: ReferenceId::new(references.len()),
                        cum_suis: r.cum_suis,
                        submitter,
                        target: Target::boxed(kamerstuk, motion, part_of),
                        text: printed,
                    });
                }
            }
            raw.truncate(from);
            trim(&mut raw);
        }
    }
}

/// How many records the reference `p` (not an ordinal) of `text` makes: one
/// per number it prints, one when it prints none (as [`targets`] gives
/// them).
fn records(p: &PackedRef, text: &str) -> usize {
    p.get(text).numbers().count().max(1)
}

/// The number, Kamerstuk id and motion of each record a reference makes:
/// one per number it prints ([`target`]); one with none of them when it
/// prints no number.
fn targets<'m, 'd, 'r>(
    motions: &'m MotionIndex<'d>,
    r: &'r RawRef<'r>,
) -> impl Iterator<Item = (Option<&'r str>, Option<Box<str>>, Option<MotionId>)> + use<'m, 'd, 'r> {
    let none = (!r.has_numbers()).then_some((None, None, None));
    none.into_iter().chain(r.numbers().map(move |n| {
        let (kamerstuk, motion) = target(motions, r, n);
        (Some(n), kamerstuk, motion)
    }))
}

/// The Kamerstuk id of the number `n` that `r` prints, when its dossier is
/// known (printed, or that of the one motion of the document with the
/// number), and the motion of the document with that id.
fn target(
    motions: &MotionIndex<'_>,
    r: &RawRef<'_>,
    n: &str,
) -> (Option<Box<str>>, Option<MotionId>) {
    let kamerstuk = motions.kamerstuk_of(r, n).map(|(id, _)| id);
    let motion = kamerstuk.as_deref().and_then(|k| motions.by_kamerstuk(k));
    (kamerstuk, motion)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::scan::Scanner;

    /// A unit of `n` references, every third an ordinal and every other
    /// printing two numbers: more than a [`CHUNK`] of them.
    fn unit(n: usize) -> String {
        let mut text = String::new();
        for i in 0..n {
            match i % 3 {
                0 => text.push_str("de eerste motie ontraad ik, "),
                1 => text.push_str(&format!(
                    "de moties op stuk nrs. {i} en {} (36200), ",
                    i + 1
                )),
                _ => {
                    let name = ["Van Raan", "Slootweg"][i % 2];
                    text.push_str(&format!("de motie-{name} c.s. en "));
                }
            }
        }
        text
    }

    /// Every record is the one [`UnitRefs::target`] said it would be, in
    /// order, across the chunks the list is recorded in, after records of
    /// earlier units; the index of the first is the one the unit gives.
    #[test]
    fn records_are_what_the_unit_said() {
        let text = unit(3 * CHUNK + 7);
        let document = crate::parse("").document;
        let motions = MotionIndex::new(&document);
        let mut hits = Vec::new();
        Scanner::for_owner(crate::analysis::index::Owner::Prose).scan(&text, &mut hits);
        let source = crate::text::normalize(&text);
        let earlier = crate::text::normalize("de motie 26643-1011 en de motie-Slootweg");
        let mut references = Vec::new();
        let scratch = &mut refs::Scratch::default();
        let before = UnitRefs::find(
            earlier.as_str(),
            &hits_of(earlier.as_str()),
            ALL,
            0,
            scratch,
        );
        before.record(&earlier, &motions, &mut references);
        assert_eq!(references.len(), 2);

        let refs = UnitRefs::find(&text, &hits, ALL, references.len(), scratch);
        let expected: Vec<_> = (0..references.len() + refs.count)
            .map(|i| refs.target(i, &text, &motions, &references))
            .collect();
        assert_eq!(refs.first_recorded(), Some(2));
        let ordinals = refs.raw().iter().filter(|p| p.is_ordinal()).count();
        assert_eq!(ordinals, CHUNK + 3);
        refs.record(&source, &motions, &mut references);
        // Two records for each reference printing two numbers.
        assert_eq!(references.len(), 2 + (2 * CHUNK + 4) / 2 * 3);
        for (i, (r, (kamerstuk, motion))) in references.iter().zip(&expected).enumerate() {
            assert_eq!(r.id, ReferenceId::new(i));
            assert_eq!(r.kamerstuk(), kamerstuk.as_deref(), "record {i}");
            assert_eq!(r.motion(), *motion);
        }
        assert_eq!(references[0].kamerstuk(), Some("kst-26643-1011"));
        assert_eq!(references[2].kamerstuk(), Some("kst-36200-1"));
        assert_eq!(references[3].kamerstuk(), Some("kst-36200-2"));
        // The second number holds only itself, and names the first record.
        assert_eq!(
            references[2].text.as_str(),
            "moties op stuk nrs. 1 en 2 (36200)"
        );
        assert_eq!(references[3].text.as_str(), "2");
        assert_eq!(references[2].part_of(), None);
        assert_eq!(references[3].part_of(), Some(ReferenceId::new(2)));
        assert_eq!(references[4].submitter(), Some("Van Raan"));
        assert_eq!(references[7].submitter(), Some("Slootweg"));
        assert!(references[4].cum_suis && references[4].kamerstuk().is_none());
        assert_eq!(references[4].text.as_str(), "motie-Van Raan c.s.");
    }

    const ALL: refs::Hints = refs::Hints::ALL;

    fn hits_of(text: &str) -> Vec<Hit> {
        refs::hits(text)
    }
}
