//! The source map of a [`Text`](super::Text), stored compactly.
//!
//! A text rebuilt from its lines has an edit per line end at least (a
//! space for the line break, a hyphen joined), so the map is as long as
//! the input has lines: 16 bytes an edit cost more than a short line
//! itself (`x-` lines: 5x their bytes). Here an edit is stored by how it
//! differs from the one before, in variable-length integers of six bits a
//! byte (the seventh says another byte follows):
//!
//! - the text between the two (a verbatim copy of the input, so its length
//!   is said once, unless the input between is another length: a flag),
//!   the edit's text length (unless it is one byte: a flag) and its input
//!   length (unless it is the text's: a flag): two bytes for a space that
//!   stands for a line feed, three for one that stands for a line end and
//!   the indent after it;
//! - a run of edits of the same shape (`x-` lines, a space for every line
//!   of a justified column) is stored once with its count.
//!
//! A checkpoint every [`CHECKPOINT_RUNS`] runs (where the run starts in the
//! encoding, and where the edit before it ends in the text and the input)
//! lets a lookup skip to the right run by binary search and decode at most
//! that many runs; inside a run the edit wanted is found by arithmetic. So
//! a lookup costs `O(log n)` plus a bounded amount, as the binary search
//! over a table of edits did.
//!
//! Every byte of the encoding is ASCII, so it is stored after the text in
//! the text's own `str` (one allocation for both: see `text::repr`). The
//! encoding of a list of edits is unique (runs are always merged, and
//! checkpoints follow from the runs), so comparing encodings compares the
//! lists.

use std::ops::Range;

mod builder;
mod number;

pub(crate) use builder::EditsBuilder;
use number::{get, get_fixed, get_u32, put};

use super::{to_u32, to_usize};

/// One place where a [`Text`](super::Text) differs from its input: the
/// text `text_start..text_end` stands for the input `input_start..input_end`
/// (offsets relative to the start of the text's span). Between edits the
/// text is a byte-for-byte copy of the input.
///
/// A deletion (`**` removed, a hyphen joined, page furniture skipped) has
/// `text_start == text_end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Edit {
    pub(super) text_start: u32,
    pub(super) text_end: u32,
    pub(super) input_start: u32,
    pub(super) input_end: u32,
}

impl Edit {
    /// The edit by which the text `text` stands for the input `input`
    /// (relative to the start of its text's span).
    pub(crate) fn new(text: Range<usize>, input: Range<usize>) -> Edit {
        Edit {
            text_start: to_u32(text.start),
            text_end: to_u32(text.end),
            input_start: to_u32(input.start),
            input_end: to_u32(input.end),
        }
    }

    /// The range of the text the edit produced (empty for a deletion).
    pub fn text_range(&self) -> Range<usize> {
        to_usize(self.text_start)..to_usize(self.text_end)
    }

    /// The input the edit stands for, relative to the start of its text's
    /// span ([`Text::map`](super::Text::map) gives it in input offsets).
    pub fn relative_input_range(&self) -> Range<usize> {
        to_usize(self.input_start)..to_usize(self.input_end)
    }
}

/// Runs between two checkpoints.
const CHECKPOINT_RUNS: usize = 16;

/// Bytes of a number of fixed width (a `u32` in six ASCII bytes of six
/// bits).
const FIXED_BYTES: usize = 6;

/// Bytes of a checkpoint: where its run starts in the encoding, and the
/// text and input ends of the edit before it, each of fixed width.
const CHECKPOINT_BYTES: usize = 3 * FIXED_BYTES;

/// How an edit differs from the one before it (all differences wrap, so
/// that any list of edits is stored exactly; in a list in order none
/// does).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Shape {
    /// From the end of the edit before to the start of this one, in the
    /// text and in the input.
    text_gap: u32,
    input_gap: u32,
    text_len: u32,
    input_len: u32,
}

impl Shape {
    fn of(e: &Edit, prev: Ends) -> Shape {
        Shape {
            text_gap: e.text_start.wrapping_sub(prev.text),
            input_gap: e.input_start.wrapping_sub(prev.input),
            text_len: e.text_end.wrapping_sub(e.text_start),
            input_len: e.input_end.wrapping_sub(e.input_start),
        }
    }

    /// The edit of this shape after `prev`.
    fn after(&self, prev: Ends) -> Edit {
        let text_start = prev.text.wrapping_add(self.text_gap);
        let input_start = prev.input.wrapping_add(self.input_gap);
        Edit {
            text_start,
            text_end: text_start.wrapping_add(self.text_len),
            input_start,
            input_end: input_start.wrapping_add(self.input_len),
        }
    }

    /// How far one edit of this shape moves the ends, in the text.
    fn text_step(&self) -> u64 {
        u64::from(self.text_gap) + u64::from(self.text_len)
    }
}

/// Where an edit ends, in the text and the input (relative to the start
/// of the text's span).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Ends {
    pub(crate) text: u32,
    pub(crate) input: u32,
}

impl Ends {
    fn of(e: &Edit) -> Ends {
        Ends {
            text: e.text_end,
            input: e.input_end,
        }
    }

    /// The ends after `n` more edits of `shape`.
    fn advanced(self, shape: &Shape, n: u32) -> Ends {
        let text_step = shape.text_gap.wrapping_add(shape.text_len);
        let input_step = shape.input_gap.wrapping_add(shape.input_len);
        Ends {
            text: self.text.wrapping_add(text_step.wrapping_mul(n)),
            input: self.input.wrapping_add(input_step.wrapping_mul(n)),
        }
    }
}

/// The first byte's flags: the input gap differs from the text gap (and
/// follows), the run has more than one edit (and its count follows).
const INPUT_GAP: u64 = 1;
const REPEATED: u64 = 2;
/// The edit's text is one byte (a space for a line break, collapsed
/// whitespace): its length is not written.
const ONE_BYTE: u64 = 4;
/// The edit's input is as long as its text (a space for a line feed): the
/// input length is not written.
const SAME_LEN: u64 = 8;
/// Bits of the first byte's flags, below the text gap.
const FLAG_BITS: u32 = 4;

/// A run: `count` edits of one shape, the first after `start`.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    shape: Shape,
    count: u32,
    start: Ends,
}

impl Run {
    #[inline]
    fn encode(&self, out: &mut String) {
        let s = &self.shape;
        let mut head = u64::from(s.text_gap) << FLAG_BITS;
        if s.input_gap != s.text_gap {
            head |= INPUT_GAP;
        }
        if self.count > 1 {
            head |= REPEATED;
        }
        if s.text_len == 1 {
            head |= ONE_BYTE;
        }
        if s.input_len == s.text_len {
            head |= SAME_LEN;
        }
        put(out, head);
        if s.input_gap != s.text_gap {
            put(out, u64::from(s.input_gap));
        }
        if s.text_len != 1 {
            put(out, u64::from(s.text_len));
        }
        if s.input_len != s.text_len {
            put(out, u64::from(s.input_len));
        }
        if self.count > 1 {
            put(out, u64::from(self.count - 1));
        }
    }

    #[inline]
    fn decode(bytes: &[u8], pos: &mut usize, start: Ends) -> Run {
        let head = get(bytes, pos);
        let text_gap = u32::try_from(head >> FLAG_BITS).unwrap_or(u32::MAX);
        let input_gap = if head & INPUT_GAP != 0 {
            get_u32(bytes, pos)
        } else {
            text_gap
        };
        let text_len = if head & ONE_BYTE != 0 {
            1
        } else {
            get_u32(bytes, pos)
        };
        let input_len = if head & SAME_LEN != 0 {
            text_len
        } else {
            get_u32(bytes, pos)
        };
        let count = if head & REPEATED != 0 {
            get_u32(bytes, pos).saturating_add(1)
        } else {
            1
        };
        Run {
            shape: Shape {
                text_gap,
                input_gap,
                text_len,
                input_len,
            },
            count,
            start,
        }
    }

    fn end(&self) -> Ends {
        self.start.advanced(&self.shape, self.count)
    }

    /// The index in the run of the first edit whose text end is past
    /// `offset` (at or past it when `at_end`), or `count` if none is.
    fn first_past(&self, offset: u32, at_end: bool) -> u32 {
        let past = |end: u64| end > u64::from(offset) || (at_end && end == u64::from(offset));
        let step = self.shape.text_step();
        let base = u64::from(self.start.text);
        if step == 0 {
            return if past(base) { 0 } else { self.count };
        }
        // The text end of edit `j` is `base + (j + 1) * step`.
        let offset = u64::from(offset);
        let j = if offset < base {
            0
        } else if at_end {
            (offset - base).div_ceil(step).saturating_sub(1)
        } else {
            (offset - base) / step
        };
        let j = u32::try_from(j).unwrap_or(u32::MAX).min(self.count);
        // Guard the arithmetic (a list out of order has no such index).
        if j < self.count && past(base + (u64::from(j) + 1) * step) {
            j
        } else {
            self.count
        }
    }
}

/// The source map of a text, read from its encoding (see the module doc;
/// empty for no edits).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Edits<'e> {
    /// The runs, then the checkpoints, then their number; empty for no
    /// edits.
    bytes: &'e [u8],
}

impl<'e> Edits<'e> {
    pub(crate) fn new(bytes: &'e [u8]) -> Self {
        Edits { bytes }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The encoding.
    pub(crate) fn bytes(&self) -> &'e [u8] {
        self.bytes
    }

    /// The runs, and the checkpoints.
    fn parts(&self) -> (&'e [u8], &'e [u8]) {
        let bytes = self.bytes;
        let Some(n_at) = bytes.len().checked_sub(FIXED_BYTES) else {
            return (&[], &[]);
        };
        let n = to_usize(get_fixed(bytes, n_at));
        let table = n.saturating_mul(CHECKPOINT_BYTES);
        let runs_end = n_at.saturating_sub(table);
        (
            bytes.get(..runs_end).unwrap_or_default(),
            bytes.get(runs_end..n_at).unwrap_or_default(),
        )
    }

    /// Every edit, in order.
    pub(crate) fn iter(&self) -> EditIter<'e> {
        let (runs, _) = self.parts();
        EditIter::new(runs, 0, Ends::default())
    }

    /// The edit before the first edit whose text end is past `offset` (at
    /// or past it, with `at_end`) ends at the ends returned, and the
    /// iterator gives the edits from that first one on.
    fn seek(&self, offset: u32, at_end: bool) -> (Ends, EditIter<'e>) {
        let (runs, table) = self.parts();
        let checkpoint = |k: usize| -> (usize, Ends) {
            let field = |f: usize| get_fixed(table, k * CHECKPOINT_BYTES + FIXED_BYTES * f);
            (
                to_usize(field(0)),
                Ends {
                    text: field(1),
                    input: field(2),
                },
            )
        };
        // The last checkpoint before which every edit ends before `offset`
        // (at or before it, without `at_end`).
        let before = |ends: Ends| ends.text < offset || (!at_end && ends.text == offset);
        let n = table.len() / CHECKPOINT_BYTES;
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if before(checkpoint(mid).1) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let (mut pos, mut start) = match lo.checked_sub(1) {
            Some(k) => checkpoint(k),
            None => (0, Ends::default()),
        };
        while pos < runs.len() {
            let run = Run::decode(runs, &mut pos, start);
            let j = run.first_past(offset, at_end);
            if j < run.count {
                let ends = run.start.advanced(&run.shape, j);
                let iter = EditIter {
                    runs,
                    pos,
                    shape: run.shape,
                    left: run.count - j,
                    at: ends,
                };
                return (ends, iter);
            }
            start = run.end();
        }
        (start, EditIter::new(runs, runs.len(), start))
    }

    /// As [`Edits::seek`], for the first edit whose text end is past
    /// `offset`.
    pub(crate) fn seek_past(&self, offset: usize) -> (Ends, EditIter<'e>) {
        self.seek(to_u32(offset), false)
    }

    /// As [`Edits::seek`], for the first edit whose text end is at or past
    /// `offset`.
    pub(crate) fn seek_at_or_past(&self, offset: usize) -> (Ends, EditIter<'e>) {
        self.seek(to_u32(offset), true)
    }
}

/// The edits of an [`Edits`], decoded one by one.
#[derive(Debug, Clone)]
pub(crate) struct EditIter<'e> {
    runs: &'e [u8],
    /// Where the next run starts.
    pos: usize,
    /// The shape of the run being read, and how many of its edits are
    /// left.
    shape: Shape,
    left: u32,
    /// Where the edit given last ends (where the next run starts, once
    /// this one is read).
    at: Ends,
}

impl<'e> EditIter<'e> {
    fn new(runs: &'e [u8], pos: usize, at: Ends) -> Self {
        EditIter {
            runs,
            pos,
            shape: Shape::default(),
            left: 0,
            at,
        }
    }
}

impl Iterator for EditIter<'_> {
    type Item = Edit;

    #[inline]
    fn next(&mut self) -> Option<Edit> {
        if self.left == 0 {
            if self.pos >= self.runs.len() {
                return None;
            }
            let run = Run::decode(self.runs, &mut self.pos, self.at);
            self.shape = run.shape;
            self.left = run.count;
        }
        let e = self.shape.after(self.at);
        self.at = Ends::of(&e);
        self.left -= 1;
        Some(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(t: Range<u32>, i: Range<u32>) -> Edit {
        Edit {
            text_start: t.start,
            text_end: t.end,
            input_start: i.start,
            input_end: i.end,
        }
    }

    /// The first edit whose text end is past `offset` (at or past), by a
    /// walk over the list, with the ends of the one before.
    fn walk(list: &[Edit], offset: u32, at_end: bool) -> (Ends, Vec<Edit>) {
        let k = list.partition_point(|e| {
            if at_end {
                e.text_end < offset
            } else {
                e.text_end <= offset
            }
        });
        let ends = k
            .checked_sub(1)
            .map_or(Ends::default(), |p| Ends::of(&list[p]));
        (ends, list[k..].to_vec())
    }

    /// The encoding of `list`.
    fn encode(list: impl IntoIterator<Item = Edit>) -> String {
        let mut out = String::new();
        EditsBuilder::from_list(list).write_to(&mut out);
        assert!(out.is_ascii());
        out
    }

    fn check(list: &[Edit]) {
        let encoded = encode(list.iter().copied());
        let edits = Edits::new(encoded.as_bytes());
        assert_eq!(edits.iter().collect::<Vec<_>>(), list);
        assert_eq!(edits.is_empty(), list.is_empty());
        let last = list.last().map_or(0, |e| e.text_end);
        for offset in 0..=last + 2 {
            let (ends, iter) = edits.seek_past(offset as usize);
            assert_eq!((ends, iter.collect::<Vec<_>>()), walk(list, offset, false));
            let (ends, iter) = edits.seek_at_or_past(offset as usize);
            assert_eq!((ends, iter.collect::<Vec<_>>()), walk(list, offset, true));
        }
    }

    #[test]
    fn a_list_is_stored_and_read_back() {
        check(&[]);
        check(&[edit(3..4, 3..5)]);
        // Line ends of lines of several lengths, a deletion, NFC.
        check(&[
            edit(5..6, 5..6),
            edit(20..21, 20..23),
            edit(21..21, 23..25),
            edit(30..32, 32..35),
        ]);
    }

    #[test]
    fn a_space_for_a_line_feed_takes_two_bytes() {
        // Lines of 60 to 79 bytes joined by a space each: no two alike.
        let mut list = Vec::new();
        let mut at = 0u32;
        for k in 0..1000u32 {
            at += 60 + k % 20;
            list.push(edit(at..at + 1, at..at + 1));
            at += 1;
        }
        let encoded = encode(list.iter().copied());
        // Two bytes an edit, and the checkpoints (18 bytes every 16 runs).
        assert!(
            encoded.len() <= 2 * 1000 + 1000 / 16 * 18 + 24,
            "{} bytes",
            encoded.len()
        );
        check(&list[..300]);
        // A space for a line end and an indent: the input length is written.
        check(&[edit(5..6, 5..9), edit(70..71, 73..74), edit(80..82, 83..84)]);
    }

    #[test]
    fn runs_of_one_shape_are_stored_once() {
        // `x-` lines: a deletion of the line end after every two bytes.
        let list: Vec<_> = (0..10_000u32)
            .map(|k| edit(2 * k + 2..2 * k + 2, 3 * k + 2..3 * k + 3))
            .collect();
        let encoded = encode(list.iter().copied());
        assert!(encoded.len() < 16, "{} bytes", encoded.len());
        check(&list[..500]);
    }

    #[test]
    fn many_runs_are_found_through_checkpoints() {
        // Shapes that change every edit, and runs between: many checkpoints.
        let mut list = Vec::new();
        let (mut t, mut i) = (0u32, 0u32);
        for k in 0..600u32 {
            let gap = 1 + k % 7;
            let (tl, il) = if k % 5 == 0 { (0, 2) } else { (1, 1 + k % 3) };
            list.push(edit(t + gap..t + gap + tl, i + gap..i + gap + il));
            t += gap + tl;
            i += gap + il;
        }
        check(&list);
    }

    #[test]
    fn any_list_is_stored_exactly() {
        // Out of order, and a text gap unlike the input gap: still exact.
        let reversed = Edit {
            text_start: u32::MAX,
            text_end: 0,
            input_start: 0,
            input_end: 1,
        };
        let list = [edit(9..10, 2..3), edit(4..4, 7..9), reversed];
        let encoded = encode(list);
        let edits = Edits::new(encoded.as_bytes());
        assert_eq!(edits.iter().collect::<Vec<_>>(), list);
    }
}
