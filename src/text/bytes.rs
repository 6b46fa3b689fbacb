//! The byte scans the normaliser runs before it looks at chars: the
//! words of a fragment, the `**` pairs (found with memchr, not a searcher
//! built per call), and one fused pass that tells what a fragment may hold
//! (a `*`, two spaces, odd whitespace or a format byte, a char from U+0300
//! up), so that a clean fragment is copied or borrowed as it is.

/// The words of `text` (split at whitespace), with their byte offsets.
pub(super) fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    text.split(char::is_whitespace).filter_map(move |word| {
        let offset = pos;
        pos += word.len();
        // Step over the one whitespace char that ended the word.
        if let Some(c) = text.get(pos..).and_then(|r| r.chars().next()) {
            pos += c.len_utf8();
        }
        (!word.is_empty()).then_some((offset, word))
    })
}

/// Whether `text` holds byte `b` twice in a row, for a byte that is rare
/// (`*`): memchr to each one.
pub(crate) fn has_pair(text: &str, b: u8) -> bool {
    find_pair(text, b).is_some()
}

/// Where `text` first holds byte `b` twice in a row (`str::find("**")`
/// without the searcher it builds on every call).
pub(super) fn find_pair(text: &str, b: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b, bytes).find(|&i| bytes.get(i + 1) == Some(&b))
}

/// `text` without the copies of `pair` at its end
/// (`str::trim_end_matches(pair)` without the searcher it builds).
pub(super) fn trim_end_pairs<'t>(mut text: &'t str, pair: &str) -> &'t str {
    while let Some(rest) = text.strip_suffix(pair) {
        text = rest;
    }
    text
}

/// What [`look`] finds: a `*`; two spaces in a row; a byte
/// [`may_hold_odd_chars`] looks for; a byte that leads a char from U+0300
/// up (0xCC and above: below it every char is NFC, see [`is_nfc`](super::is_nfc)).
pub(super) const STAR: u8 = 1;
pub(super) const DOUBLE_SPACE: u8 = 2;
pub(super) const ODD_BYTE: u8 = 4;
pub(super) const ABOVE_U02FF: u8 = 8;

/// The bits of what `bytes` holds ([`STAR`], [`DOUBLE_SPACE`],
/// [`ODD_BYTE`], [`ABOVE_U02FF`]), in one branch-free pass over the bytes
/// and the bytes after them (so that it vectorises): the fused form of the
/// tests a fragment needs before it can be copied as it is.
pub(super) fn look(bytes: &[u8]) -> u8 {
    let class = |b: u8| {
        u8::from(b == b'*')
            | u8::from(b < 0x20 || matches!(b, 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xE3 | 0xEF)) << 2
            | u8::from(b >= 0xCC) << 3
    };
    let last = bytes.last().map_or(0, |&b| class(b));
    let next = bytes.get(1..).unwrap_or_default();
    bytes.iter().zip(next).fold(last, |acc, (&b, &n)| {
        acc | class(b) | u8::from(b == b' ' && n == b' ') << 1
    })
}

/// Whether `text` may hold whitespace other than a plain space or an
/// ignored format char: a control (tab, form feed …), or a byte that leads
/// a non-ASCII space (`C2`, `E1`, `E2`, `E3`) or a format char (`C2`, `D8`,
/// `E1`, `E2`, `EF`). One quick pass, branch-free over chunks so that it
/// vectorises; only where it finds such a byte (`’` and `–` start with `E2`
/// too) are the chars looked at.
pub(crate) fn may_hold_odd_chars(text: &str) -> bool {
    text.as_bytes().chunks(64).any(|chunk| {
        chunk.iter().fold(0u8, |acc, &b| {
            acc | u8::from(b < 0x20)
                | u8::from(matches!(b, 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xE3 | 0xEF))
        }) != 0
    })
}

/// Whether `text` holds whitespace other than a plain space (what
/// `char::is_whitespace` says), read from the bytes: a control from tab to
/// carriage return (one branch-free pass), or a char whose UTF-8 form
/// starts with `C2`, `E1`, `E2` or `E3`, where only the bytes after such a
/// byte are compared (memchr: `’`, `“` and `–` start with `E2` too). No
/// char is decoded.
pub(super) fn has_odd_whitespace(text: &str) -> bool {
    let bytes = text.as_bytes();
    let control = bytes.chunks(64).any(|chunk| {
        chunk.iter().fold(0u8, |acc, &b| {
            acc | u8::from(b.wrapping_sub(b'\t') <= b'\r' - b'\t')
        }) != 0
    });
    let at = |i: usize| odd_space_len(bytes.get(i..).unwrap_or_default()) > 0;
    control
        || memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes).any(at)
        || memchr::memchr_iter(0xE3, bytes).any(at)
}

/// The length of the non-ASCII whitespace char `bytes` starts with, or 0:
/// NEL U+0085, no-break space U+00A0, U+1680, U+2000 to U+200A, U+2028,
/// U+2029, U+202F, U+205F and U+3000.
fn odd_space_len(bytes: &[u8]) -> usize {
    match bytes {
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_finds_what_a_fragment_holds() {
        assert_eq!(look(b""), 0);
        assert_eq!(look(b"Dank u wel."), 0);
        assert_eq!(look(b"a *b"), STAR);
        assert_eq!(look(b"a  b"), DOUBLE_SPACE);
        assert_eq!(look(b"a \n"), ODD_BYTE);
        assert_eq!(look("a\u{a0}b".as_bytes()), ODD_BYTE);
        assert_eq!(look("caf\u{e9}".as_bytes()), 0);
        assert_eq!(look("e\u{301}".as_bytes()), ABOVE_U02FF);
        assert_eq!(look(b"**x**  \t"), STAR | DOUBLE_SPACE | ODD_BYTE);
    }

    #[test]
    fn odd_whitespace_is_every_whitespace_char_but_the_space() {
        let mut text = String::new();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            text.clear();
            text.extend(['a', c, 'b']);
            let odd = c != ' ' && c.is_whitespace();
            assert_eq!(has_odd_whitespace(&text), odd, "U+{:04X}", u32::from(c));
            // At the very end too (no bytes after it to read).
            text.pop();
            assert_eq!(
                has_odd_whitespace(&text),
                odd,
                "U+{:04X} last",
                u32::from(c)
            );
        }
        assert!(!has_odd_whitespace("’t “Kabinet” – klaar"));
    }

    #[test]
    fn pairs_are_found_as_str_find_finds_them() {
        for t in ["", "*", "a*b", "**", "a***", "x**y**", "*a**", "****"] {
            assert_eq!(find_pair(t, b'*'), t.find("**"), "{t:?}");
            assert_eq!(trim_end_pairs(t, "**"), t.trim_end_matches("**"), "{t:?}");
        }
    }
}
