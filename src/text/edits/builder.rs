//! Building the encoding of a list of edits.

use super::number::put_fixed;
use super::{Edit, Ends, Run, Shape, CHECKPOINT_BYTES, CHECKPOINT_RUNS, FIXED_BYTES};
use crate::text::to_u32;

/// Builds the encoding of a list of edits, edit by edit; the last edit
/// pushed can still be changed ([`EditsBuilder::last_mut`]). Reusable:
/// [`EditsBuilder::write_to`] leaves it empty, with its buffers.
#[derive(Debug, Default)]
pub(crate) struct EditsBuilder {
    runs: String,
    checkpoints: String,
    /// Runs written to `runs`.
    written: usize,
    /// The run being gathered, not written yet (none while its count is
    /// 0).
    run: Run,
    /// Where the last edit gathered ends.
    end: Ends,
    /// The last edit pushed, not gathered yet.
    last: Option<Edit>,
}

impl EditsBuilder {
    pub(crate) fn clear(&mut self) {
        self.runs.clear();
        self.checkpoints.clear();
        self.written = 0;
        self.run = Run::default();
        self.end = Ends::default();
        self.last = None;
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.last.is_none() && self.run.count == 0 && self.runs.is_empty()
    }

    /// The last edit pushed.
    pub(crate) fn last_mut(&mut self) -> Option<&mut Edit> {
        self.last.as_mut()
    }

    /// Adds `e`, which follows the edits pushed before.
    #[inline]
    pub(crate) fn push(&mut self, e: Edit) {
        if let Some(last) = self.last.replace(e) {
            self.gather(last);
        }
    }

    #[inline]
    fn gather(&mut self, e: Edit) {
        let shape = Shape::of(&e, self.end);
        if self.run.count > 0 && self.run.shape == shape && self.run.count < u32::MAX {
            self.run.count += 1;
        } else {
            self.write_run();
            self.run = Run {
                shape,
                count: 1,
                start: self.end,
            };
        }
        self.end = Ends::of(&e);
    }

    fn write_run(&mut self) {
        if self.run.count == 0 {
            return;
        }
        if self.written > 0 && self.written % CHECKPOINT_RUNS == 0 {
            let start = self.run.start;
            for n in [to_u32(self.runs.len()), start.text, start.input] {
                put_fixed(&mut self.checkpoints, n);
            }
        }
        self.run.encode(&mut self.runs);
        self.run.count = 0;
        self.written += 1;
    }

    /// The edits of `list`, which must be in order.
    pub(crate) fn from_list(list: impl IntoIterator<Item = Edit>) -> Self {
        let mut b = EditsBuilder::default();
        for e in list {
            b.push(e);
        }
        b
    }

    /// The length of the encoding of the edits pushed.
    pub(crate) fn encoded_len(&mut self) -> usize {
        self.settle();
        if self.runs.is_empty() {
            return 0;
        }
        self.runs.len() + self.checkpoints.len() + FIXED_BYTES
    }

    /// Writes every edit pushed into the runs.
    fn settle(&mut self) {
        if let Some(last) = self.last.take() {
            self.gather(last);
        }
        self.write_run();
    }

    /// Appends the encoding of the edits pushed to `out` (nothing for no
    /// edits: an empty encoding is no edits); the builder is left empty.
    pub(crate) fn write_to(&mut self, out: &mut String) {
        self.settle();
        if !self.runs.is_empty() {
            let n = self.checkpoints.len() / CHECKPOINT_BYTES;
            out.push_str(&self.runs);
            out.push_str(&self.checkpoints);
            put_fixed(out, to_u32(n));
        }
        self.clear();
    }
}
