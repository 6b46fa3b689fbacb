//! The characters the grammar reads otherwise than as letters, in one
//! place: invisible format characters (ignored), Unicode line separators
//! (line ends), the full-width colon (a colon where it ends a label).
//!
//! Canonically equivalent text is made equal by NFC (see the normaliser);
//! these are the characters NFC leaves alone that would still stop a rule
//! from matching text a reader sees as the same: `De heer Sloot‍weg (CDA):`
//! with a zero-width joiner, a right-to-left mark after a name, a byte
//! order mark where two files were joined, `U+2028` used as a line end.
//! Unicode spaces (a no-break space in `De heer`) need no rule here: they
//! are whitespace, and the normaliser turns every run of whitespace into
//! one space.

/// A format character the normaliser leaves out: invisible, carrying no
/// letter (Unicode `Cf` chars that are default-ignorable): the soft hyphen
/// U+00AD, the Arabic letter mark U+061C, the Mongolian vowel separator
/// U+180E, the zero-width space, non-joiner and joiner and the directional
/// marks U+200B–U+200F, the directional embeddings U+202A–U+202E, the
/// word joiner and invisible operators U+2060–U+2064, the directional
/// isolates U+2066–U+2069, and the zero-width no-break space (byte order
/// mark) U+FEFF.
pub(crate) fn is_ignored_format(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// Whether `text` holds an ignored format char, read from the bytes: every
/// one's UTF-8 form starts with `C2`, `D8`, `E1`, `E2` or `EF`, and only
/// where such a byte is (memchr: `’` and `–` start with `E2` too) are the
/// bytes after it compared. No char is decoded.
pub(crate) fn may_hold_ignored_format(text: &str) -> bool {
    let bytes = text.as_bytes();
    let at = |i: usize| ignored_format_len(bytes.get(i..).unwrap_or_default()) > 0;
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, bytes).any(at)
        || memchr::memchr2_iter(0xD8, 0xE1, bytes).any(at)
}

/// The length of the ignored format char `bytes` starts with, or 0: the
/// UTF-8 forms of the chars of [`is_ignored_format`].
fn ignored_format_len(bytes: &[u8]) -> usize {
    match bytes {
        [0xC2, 0xAD, ..] | [0xD8, 0x9C, ..] => 2,
        [0xE1, 0xA0, 0x8E, ..]
        | [0xE2, 0x80, 0x8B..=0x8F | 0xAA..=0xAE, ..]
        | [0xE2, 0x81, 0xA0..=0xA4 | 0xA6..=0xA9, ..]
        | [0xEF, 0xBB, 0xBF, ..] => 3,
        _ => 0,
    }
}

/// A Unicode line end other than `\n` and `\r`: NEL U+0085, the line
/// separator U+2028 and the paragraph separator U+2029. The grammar ends a
/// line there, as it does at `\n`; positions (`line_column`) count only
/// `\n`, `\r\n` and `\r` as line ends, as editors do.
pub(crate) fn is_unicode_line_end(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The UTF-8 forms of [`is_unicode_line_end`].
pub(crate) const UNICODE_LINE_ENDS: [&str; 3] = ["\u{85}", "\u{2028}", "\u{2029}"];

/// The full-width colon U+FF1A, read as `:` where it ends a speaker label.
pub(crate) const FULL_WIDTH_COLON: char = '\u{ff1a}';

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ignored_char_is_seen_by_the_quick_pass() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let s = c.encode_utf8(&mut buf);
            assert_eq!(may_hold_ignored_format(s), is_ignored_format(c), "{c:?}");
        }
        assert!(!may_hold_ignored_format("Yeşilgöz’s café"));
    }
}
