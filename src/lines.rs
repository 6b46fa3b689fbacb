//! Splitting the input into lines.
//!
//! A line ends at `\n`, `\r\n` or a lone `\r`; the terminator is not part of
//! the line. Each line records the byte offset where it starts in the input,
//! so everything built from lines can point back into the input.

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
/// caller passes 0, or 3 after a UTF-8 BOM).
pub(crate) fn split_lines(input: &str, base: usize) -> Vec<Line<'_>> {
    let body = input.get(base..).unwrap_or("");
    let mut lines = Vec::with_capacity(body.len() / 48 + 1);
    let bytes = body.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while let Some(pos) = memchr2(bytes, i) {
        let text = body.get(start..pos).unwrap_or("");
        lines.push(Line {
            text,
            start: base + start,
        });
        let next = if bytes.get(pos) == Some(&b'\r') && bytes.get(pos + 1) == Some(&b'\n') {
            pos + 2
        } else {
            pos + 1
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

/// Position of the next `\n` or `\r` at or after `from`.
fn memchr2(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr2(b'\n', b'\r', bytes.get(from..)?).map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_every_kind_of_line_end() {
        let lines = split_lines("a\r\nb\rc\nd", 0);
        let texts: Vec<_> = lines.iter().map(|l| (l.text, l.start)).collect();
        assert_eq!(texts, [("a", 0), ("b", 3), ("c", 5), ("d", 7)]);
    }

    #[test]
    fn skips_the_base() {
        let lines = split_lines("\u{feff}x\n", 3);
        assert_eq!(lines.len(), 1);
        assert_eq!((lines[0].text, lines[0].start), ("x", 3));
    }
}
