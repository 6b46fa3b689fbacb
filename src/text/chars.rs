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

/// Whether `text` may hold an ignored format char: every one's UTF-8 form
/// starts with `C2`, `D8`, `E1`, `E2` or `EF`. A quick pass, branch-free
/// over chunks so that it vectorises; only where it finds such a byte (`’`
/// and `é` do not, `–` does) are the chars looked at.
pub(crate) fn may_hold_ignored_format(text: &str) -> bool {
    let maybe = text.as_bytes().chunks(64).any(|chunk| {
        chunk.iter().fold(0u8, |acc, &b| {
            acc | u8::from(matches!(b, 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF))
        }) != 0
    });
    maybe && text.chars().any(is_ignored_format)
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
            if is_ignored_format(c) {
                assert!(may_hold_ignored_format(c.encode_utf8(&mut [0; 4])), "{c:?}");
            }
        }
        assert!(!may_hold_ignored_format("Yeşilgöz’s café"));
    }
}
