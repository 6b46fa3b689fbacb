//! A word's parts between what the normaliser leaves out of it.

use super::bytes::find_pair;
use super::chars::is_ignored_format;

/// The parts of a word between what the normaliser leaves out of it: `**`
/// (with `strip`) and ignored format chars (with `format`), each with its
/// offset in the word; empty parts are skipped. The next cut of each kind
/// is found once, so a word is read once however many cuts it has.
pub(super) struct Parts<'w> {
    word: &'w str,
    pos: usize,
    /// The next `**` at or after `pos`, if `strip`.
    star: Option<usize>,
    /// The next format char at or after `pos` and its length, if `format`.
    mark: Option<(usize, usize)>,
    strip: bool,
    format: bool,
}

impl<'w> Parts<'w> {
    pub(super) fn new(word: &'w str, strip: bool, format: bool) -> Self {
        let mut parts = Parts {
            word,
            pos: 0,
            star: None,
            mark: None,
            strip,
            format,
        };
        parts.star = parts.find_star();
        parts.mark = parts.find_mark();
        parts
    }

    fn find_star(&self) -> Option<usize> {
        if !self.strip {
            return None;
        }
        let rest = self.word.get(self.pos..)?;
        find_pair(rest, b'*').map(|i| self.pos + i)
    }

    fn find_mark(&self) -> Option<(usize, usize)> {
        if !self.format {
            return None;
        }
        let rest = self.word.get(self.pos..)?;
        rest.char_indices()
            .find(|(_, c)| is_ignored_format(*c))
            .map(|(i, c)| (self.pos + i, c.len_utf8()))
    }
}

impl<'w> Iterator for Parts<'w> {
    type Item = (usize, &'w str);

    fn next(&mut self) -> Option<(usize, &'w str)> {
        while self.pos < self.word.len() {
            let cut = match (self.star, self.mark) {
                (Some(a), Some((b, n))) if b < a => Some((b, n)),
                (Some(a), _) => Some((a, 2)),
                (None, mark) => mark,
            };
            let start = self.pos;
            let (end, skip) = cut.unwrap_or((self.word.len(), 0));
            self.pos = end + skip;
            if self.star.is_some_and(|a| a < self.pos) {
                self.star = self.find_star();
            }
            if self.mark.is_some_and(|(b, _)| b < self.pos) {
                self.mark = self.find_mark();
            }
            if end > start {
                return Some((start, self.word.get(start..end)?));
            }
        }
        None
    }
}
