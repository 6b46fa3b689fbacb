//! Diagnostics about characters, each found in one scan of the input
//! over bytes: control characters (kept as they are), and the characters
//! the grammar reads otherwise than as letters (`text::chars`): invisible
//! format characters (left out), Unicode line ends (line ends), full-width
//! colons (the colon of a label). One diagnostic per kind, at the first,
//! with the count: never one per character.

use crate::error::{Diagnostic, DiagnosticKind};
use crate::text::chars::{is_ignored_format, is_unicode_line_end, FULL_WIDTH_COLON};
use crate::tree::Span;

/// One diagnostic for control characters, at the first one. The scan is
/// over bytes: C0 controls and DEL are single bytes, C1 controls are `C2 80`
/// to `C2 9F`.
pub(super) fn control_characters(body: &str, base: usize, out: &mut Vec<Diagnostic>) {
    let bytes = body.as_bytes();
    let mut count = 0usize;
    let mut first: Option<usize> = None;
    if may_hold_c0(bytes) {
        for (i, &b) in bytes.iter().enumerate() {
            if is_c0(b) {
                count += 1;
                first.get_or_insert(i);
            }
        }
    }
    // C1 controls: `C2` leads many common chars too (a no-break space,
    // `«`, `°`), so only the `C2`s are looked at, found with memchr. NEL
    // (`C2 85`) is a line end: see `unusual_characters`.
    for i in memchr::memchr_iter(0xC2, bytes) {
        if bytes
            .get(i + 1)
            .is_some_and(|n| (0x80..0xA0).contains(n) && *n != 0x85)
        {
            count += 1;
            first = Some(first.map_or(i, |f| f.min(i)));
        }
    }
    let Some(pos) = first else {
        return;
    };
    let c = body
        .get(pos..)
        .and_then(|r| r.chars().next())
        .unwrap_or('\0');
    let start = base + pos;
    out.push(Diagnostic::new(
        DiagnosticKind::ControlCharacter,
        format!(
            "control character U+{:04X} in the text ({count} in all); they are kept as they are, \
             but usually mean the text was extracted badly",
            u32::from(c)
        ),
        Span::new(start, start + c.len_utf8()),
    ));
}

/// A C0 control other than a tab or line end, or DEL.
fn is_c0(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')) || b == 0x7f
}

/// Whether `bytes` may hold a C0 control or DEL ([`is_c0`]): a quick pass
/// (most text has none), branch-free over 64-byte chunks so that it
/// vectorises. A line feed reads as a space there, so that a chunk's least
/// byte below a space says it holds a control, a tab or a carriage return
/// (the chunk is then looked at byte by byte).
fn may_hold_c0(bytes: &[u8]) -> bool {
    let chunks = bytes.chunks_exact(64);
    let rest = chunks.remainder();
    let exact = |chunk: &[u8]| chunk.iter().any(|&b| is_c0(b));
    for chunk in chunks {
        let (mut least, mut del) = (u8::MAX, false);
        for &b in chunk {
            least = least.min(if b == b'\n' { b' ' } else { b });
            del |= b == 0x7f;
        }
        if (least < b' ' || del) && exact(chunk) {
            return true;
        }
    }
    exact(rest)
}

/// What [`unusual_characters`] counts: how many, and the first.
#[derive(Default)]
struct Seen {
    count: usize,
    first: Option<(usize, char)>,
}

impl Seen {
    fn add(&mut self, at: usize, c: char) {
        self.count += 1;
        self.first.get_or_insert((at, c));
    }
}

/// One diagnostic each for invisible format characters (left out of the
/// text), Unicode line ends (read as line ends) and full-width colons (read
/// as the colon of a label), at the first of each. Every such char starts
/// with one of the bytes `C2`, `D8`, `E1`, `E2`, `EF`: only there is a char
/// decoded. Returns whether there is a Unicode line end (the line
/// splitter searches for them only then).
pub(super) fn unusual_characters(body: &str, base: usize, out: &mut Vec<Diagnostic>) -> bool {
    let bytes = body.as_bytes();
    let mut format = Seen::default();
    let mut line_ends = Seen::default();
    let mut colons = Seen::default();
    let mut look = |i: usize| {
        let Some(c) = body.get(i..).and_then(|r| r.chars().next()) else {
            return;
        };
        // A soft hyphen is read as intended (a hyphen where the word is
        // split, else nothing): no diagnostic.
        if is_ignored_format(c) && c != '\u{ad}' {
            format.add(i, c);
        } else if is_unicode_line_end(c) {
            line_ends.add(i, c);
        } else if c == FULL_WIDTH_COLON {
            colons.add(i, c);
        }
    };
    for i in memchr::memchr3_iter(0xC2, 0xE2, 0xEF, bytes) {
        look(i);
    }
    for i in memchr::memchr2_iter(0xD8, 0xE1, bytes) {
        look(i);
    }
    let messages: [(&Seen, &str); 3] = [
        (
            &format,
            "invisible format character (zero-width joiner, directional mark, byte order \
             mark …); they are left out of the text, so a label or heading that \
             holds one is still read",
        ),
        (
            &line_ends,
            "Unicode line end (NEL, U+2028, U+2029); each is read as a line end (line and \
             column numbers count only `\\n`, `\\r\\n` and `\\r`)",
        ),
        (
            &colons,
            "full-width colon; it is read as `:` where it ends a speaker label",
        ),
    ];
    let any_line_end = line_ends.count > 0;
    for (seen, what) in messages {
        let Some((pos, c)) = seen.first else {
            continue;
        };
        let start = base + pos;
        out.push(Diagnostic::new(
            DiagnosticKind::UnusualCharacter,
            format!("U+{:04X}, {what} ({} in all)", u32::from(c), seen.count),
            Span::new(start, start + c.len_utf8()),
        ));
    }
    any_line_end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_pass_finds_every_c0_control_and_del_wherever_it_is() {
        let line = b"Dank u wel.\n\tDe heer\r\nx";
        let mut text: Vec<u8> = line.iter().cycle().take(130).copied().collect();
        assert!(!may_hold_c0(&text));
        for b in 0..=u8::MAX {
            for at in [0, 63, 64, 100, 129] {
                let kept = text[at];
                text[at] = b;
                assert_eq!(may_hold_c0(&text), is_c0(b), "byte {b:#04x} at {at}");
                text[at] = kept;
            }
        }
    }
}
