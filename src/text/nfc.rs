//! Unicode NFC for the normaliser: a fast test for text that is NFC
//! already (most text), the composition itself, and where a word may be
//! cut so that each part is composed on its own.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Whether `text` is in NFC. Every char below U+0300 (lead bytes below
/// 0xCC) is NFC already, and most text has none above it: one branch-free
/// pass over the bytes says so. Otherwise only the runs of non-ASCII chars
/// that hold such a char are checked (`is_nfc_quick`, a table lookup per
/// char); a `Maybe` counts as not NFC (the caller then composes and
/// compares).
pub(crate) fn is_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let below_u0300 = bytes
        .chunks(64)
        .all(|chunk| chunk.iter().fold(0u8, |acc, &b| acc | u8::from(b >= 0xCC)) == 0);
    if below_u0300 {
        return true;
    }
    let mut i = 0;
    while let Some(p) = bytes
        .get(i..)
        .and_then(|r| r.iter().position(|&b| b >= 0xCC))
    {
        // Bytes from 0xC0 up lead a char: `i + p` is a char boundary. The
        // chars before it in its run are below U+0300 (starters), so the
        // run from here is enough for the canonical order too.
        let start = i + p;
        let end = bytes
            .get(start..)
            .and_then(|r| r.iter().position(|&b| b < 0x80))
            .map_or(bytes.len(), |q| start + q);
        let run = text.get(start..end).unwrap_or_default();
        if is_nfc_quick(run.chars()) != IsNormalized::Yes {
            return false;
        }
        i = end.max(start + 1);
    }
    true
}

/// Whether NFC of a text cut before `c` is NFC of the two parts: `c`'s
/// canonical decomposition starts with a starter that never composes with
/// a char before it (NFC quick check `Yes`; every ASCII char is one), so
/// no mark is reordered across the cut and nothing composes across it.
/// `:` and `Å` (U+212B, which NFC makes U+00C5) are such chars; a combining
/// mark and a Hangul vowel are not.
pub(super) fn safe_cut_before(c: char) -> bool {
    use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
    if c.is_ascii() {
        return true;
    }
    let mut first = None;
    decompose_canonical(c, |d| {
        first.get_or_insert(d);
    });
    first.is_some_and(|d| {
        canonical_combining_class(d) == 0 && is_nfc_quick(std::iter::once(d)) == IsNormalized::Yes
    })
}

/// `text` in NFC, borrowed when it is already.
pub(super) fn nfc(text: &str) -> Cow<'_, str> {
    if is_nfc(text) {
        Cow::Borrowed(text)
    } else {
        let composed: String = text.nfc().collect();
        if composed == text {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(composed)
        }
    }
}
