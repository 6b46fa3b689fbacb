//! Splitting the input into lines.
//!
//! A line ends at `\n`, `\r\n` or a lone `\r`, and at the Unicode line
//! ends NEL, U+2028 and U+2029 (`text::chars::is_unicode_line_end`); the
//! terminator is not part of the line. Each line records the byte offset where it starts in the input,
//! so everything built from lines can point back into the input.

use std::collections::VecDeque;

use crate::text::chars::UNICODE_LINE_ENDS;

/// One line of the input, without its terminator.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// The line's text.
    pub text: &'a str,
    /// Byte offset of `text` in the input.
    pub start: usize,
}

impl<'a> Line<'a> {
    /// One past the last byte of the line's text.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// The text without leading and trailing whitespace, with its offset.
    /// Most lines start and end with a visible ASCII char: two byte tests
    /// say so.
    pub fn trimmed(&self) -> (&'a str, usize) {
        let bytes = self.text.as_bytes();
        let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
        if visible(bytes.first()) && visible(bytes.last()) {
            return (self.text, self.start);
        }
        let rest = self.text.trim_start();
        let lead = self.text.len() - rest.len();
        (rest.trim_end(), self.start + lead)
    }

    /// Whether the line holds only whitespace.
    pub fn is_blank(&self) -> bool {
        self.trimmed().0.is_empty()
    }
}

/// Splits `input[base..]` into lines, as an iterator: no table of lines
/// is kept (it cost 24 bytes per line, six times a line of `x-`). `base`
/// must be a char boundary (the caller passes 0, or 3 after a UTF-8 BOM).
/// `unicode_ends` says whether the input may hold a Unicode line end (the
/// scan for unusual characters found one); without, none is searched for.
pub(crate) fn split_lines(input: &str, base: usize, unicode_ends: bool) -> Lines<'_> {
    let body = input.get(base..).unwrap_or("");
    Lines {
        body,
        base,
        unicode: UnicodeEnds::new(body.as_bytes(), unicode_ends),
        start: 0,
    }
}

/// The lines of a text, in order: see [`split_lines`].
pub(crate) struct Lines<'a> {
    body: &'a str,
    base: usize,
    unicode: UnicodeEnds,
    /// Where the next line starts in `body`; past its end when every line
    /// was given.
    start: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        let body = self.body;
        let bytes = body.as_bytes();
        let start = self.start;
        if start >= body.len() {
            return None;
        }
        let ascii = memchr2(bytes, start);
        let (pos, len) = match (ascii, self.unicode.next(bytes, start)) {
            (Some(a), Some((u, n))) if u < a => (u, n),
            (None, Some((u, n))) => (u, n),
            (Some(a), _) => (a, 1),
            // The last line, with no terminator.
            (None, None) => (body.len(), 0),
        };
        self.start = if bytes.get(pos) == Some(&b'\r') && bytes.get(pos + 1) == Some(&b'\n') {
            pos + 2
        } else {
            pos + len
        };
        Some(Line {
            text: body.get(start..pos).unwrap_or(""),
            start: self.base + start,
        })
    }
}

/// The lines of a text with a window of those not yet released, so that a
/// rule may look at the lines after the one it reads (a label split across
/// a page break, front matter) without a table of all of them: the window
/// holds the lines from the first not released to the last looked at.
pub(crate) struct LineWindow<'a> {
    lines: Lines<'a>,
    window: VecDeque<Line<'a>>,
    /// The index of the first line in `window`.
    first: usize,
}

impl<'a> LineWindow<'a> {
    pub(crate) fn new(lines: Lines<'a>) -> Self {
        LineWindow {
            lines,
            window: VecDeque::new(),
            first: 0,
        }
    }

    /// Line `i` (counting from 0), if the text has that many lines and
    /// `i` was not released.
    pub(crate) fn get(&mut self, i: usize) -> Option<Line<'a>> {
        let k = i.checked_sub(self.first)?;
        while self.window.len() <= k {
            let line = self.lines.next()?;
            self.window.push_back(line);
        }
        self.window.get(k).copied()
    }

    /// Lets go of the lines before `i`: they are not looked at again.
    pub(crate) fn release_before(&mut self, i: usize) {
        while self.first < i {
            if self.window.pop_front().is_none() && self.lines.next().is_none() {
                break;
            }
            self.first += 1;
        }
    }
}

/// The next place of each Unicode line end, each searched for again only
/// once it is passed (and not at all in input that has none).
struct UnicodeEnds {
    next: [Option<usize>; 3],
}

impl UnicodeEnds {
    fn new(bytes: &[u8], search: bool) -> Self {
        let mut next = [None; 3];
        if search {
            for (slot, end) in next.iter_mut().zip(UNICODE_LINE_ENDS) {
                *slot = memchr::memmem::find(bytes, end.as_bytes());
            }
        }
        UnicodeEnds { next }
    }

    /// Position and length of the next Unicode line end at or after `from`.
    #[inline]
    fn next(&mut self, bytes: &[u8], from: usize) -> Option<(usize, usize)> {
        // Most inputs have none (or none left): one test per line.
        if self.next == [None; 3] {
            return None;
        }
        let mut best: Option<(usize, usize)> = None;
        for (slot, end) in self.next.iter_mut().zip(UNICODE_LINE_ENDS) {
            if slot.is_some_and(|p| p < from) {
                *slot = bytes
                    .get(from..)
                    .and_then(|rest| memchr::memmem::find(rest, end.as_bytes()))
                    .map(|p| from + p);
            }
            if let Some(p) = *slot {
                if best.is_none_or(|(b, _)| p < b) {
                    best = Some((p, end.len()));
                }
            }
        }
        best
    }
}

/// Position of the next `\n` or `\r` at or after `from`.
fn memchr2(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr2(b'\n', b'\r', bytes.get(from..)?).map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_every_kind_of_line_end() {
        let lines: Vec<_> = split_lines("a\r\nb\rc\nd", 0, false).collect();
        let texts: Vec<_> = lines.iter().map(|l| (l.text, l.start)).collect();
        assert_eq!(texts, [("a", 0), ("b", 3), ("c", 5), ("d", 7)]);
    }

    #[test]
    fn unicode_line_ends_end_lines() {
        let lines: Vec<_> = split_lines("a\u{2028}b\u{85}c\u{2029}\nd", 0, true).collect();
        let texts: Vec<_> = lines.iter().map(|l| (l.text, l.start)).collect();
        assert_eq!(texts, [("a", 0), ("b", 4), ("c", 7), ("", 11), ("d", 12)]);
    }

    #[test]
    fn a_window_gives_lines_ahead_and_forgets_those_released() {
        let mut w = LineWindow::new(split_lines("a\nb\nc\nd", 0, false));
        assert_eq!(w.get(2).map(|l| l.text), Some("c"));
        assert_eq!(w.get(0).map(|l| l.text), Some("a"));
        w.release_before(1);
        assert!(w.get(0).is_none(), "released");
        assert_eq!(w.get(1).map(|l| (l.text, l.start)), Some(("b", 2)));
        assert_eq!(w.window.len(), 2, "only b and c are held");
        // Releasing lines not read yet skips them.
        w.release_before(4);
        assert!(w.get(3).is_none());
        assert!(w.get(4).is_none(), "past the end");
        let mut w = LineWindow::new(split_lines("a\nb\nc\nd", 0, false));
        w.release_before(3);
        assert_eq!(w.get(3).map(|l| l.text), Some("d"));
    }

    #[test]
    fn skips_the_base() {
        let lines: Vec<_> = split_lines("\u{feff}x\n", 3, false).collect();
        assert_eq!(lines.len(), 1);
        assert_eq!((lines[0].text, lines[0].start), ("x", 3));
    }
}
