//! Splitting the input into lines.
//!
//! A line ends at `\n`, `\r\n` or a lone `\r`, and at the Unicode line
//! ends NEL, U+2028 and U+2029 (`text::chars::is_unicode_line_end`); the
//! terminator is not part of the line. Each line records the byte offset where it starts in the input,
//! so everything built from lines can point back into the input.

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

/// Splits `input[base..]` into lines. `base` must be a char boundary (the
/// caller passes 0, or 3 after a UTF-8 BOM). `unicode_ends` says whether
/// the input may hold a Unicode line end (the scan for unusual characters
/// found one); without, none is searched for.
pub(crate) fn split_lines(input: &str, base: usize, unicode_ends: bool) -> Vec<Line<'_>> {
    let body = input.get(base..).unwrap_or("");
    let mut lines = Vec::with_capacity(body.len() / 48 + 1);
    let bytes = body.as_bytes();
    let mut unicode = UnicodeEnds::new(bytes, unicode_ends);
    let mut start = 0;
    let mut i = 0;
    loop {
        let ascii = memchr2(bytes, i);
        let (pos, len) = match (ascii, unicode.next(bytes, i)) {
            (Some(a), Some((u, n))) if u < a => (u, n),
            (None, Some((u, n))) => (u, n),
            (Some(a), _) => (a, 1),
            (None, None) => break,
        };
        let text = body.get(start..pos).unwrap_or("");
        lines.push(Line {
            text,
            start: base + start,
        });
        let next = if bytes.get(pos) == Some(&b'\r') && bytes.get(pos + 1) == Some(&b'\n') {
            pos + 2
        } else {
            pos + len
        };
        start = next;
        i = next;
    }
    if start < body.len() {
        lines.push(Line {
            text: body.get(start..).unwrap_or(""),
            start: base + start,
        });
    }
    lines
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
    fn next(&mut self, bytes: &[u8], from: usize) -> Option<(usize, usize)> {
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
        let lines = split_lines("a\r\nb\rc\nd", 0, false);
        let texts: Vec<_> = lines.iter().map(|l| (l.text, l.start)).collect();
        assert_eq!(texts, [("a", 0), ("b", 3), ("c", 5), ("d", 7)]);
    }

    #[test]
    fn unicode_line_ends_end_lines() {
        let lines = split_lines("a\u{2028}b\u{85}c\u{2029}\nd", 0, true);
        let texts: Vec<_> = lines.iter().map(|l| (l.text, l.start)).collect();
        assert_eq!(texts, [("a", 0), ("b", 4), ("c", 7), ("", 11), ("d", 12)]);
    }

    #[test]
    fn skips_the_base() {
        let lines = split_lines("\u{feff}x\n", 3, false);
        assert_eq!(lines.len(), 1);
        assert_eq!((lines[0].text, lines[0].start), ("x", 3));
    }
}
