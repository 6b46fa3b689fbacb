//! JSON strings: the escape scan.
//!
//! The text of a transcript is long runs of prose with hardly a byte that
//! JSON must escape, so the scan looks at eight bytes at a time (one `u64`,
//! safe code) and copies each clean run with one `extend_from_slice`. The
//! escapes are serde_json's, byte for byte: `\"`, `\\`, `\b`, `\f`, `\n`,
//! `\r`, `\t`, every other byte below 0x20 as `\u00XX` (lowercase hex);
//! everything else, DEL and non-ASCII included, is written as it is.

/// Every byte of a `u64` set to 1.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a `u64`.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Appends `s` as a JSON string, quotes included.
#[inline]
pub(super) fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    if let Some(short) = Short::new(bytes) {
        // `"` + the string + `"`, written as one fixed-size block and cut
        // to length: no loop and no call to `memcpy`.
        let mut block = [0; 18];
        block[0] = b'"';
        short.put(&mut block, 1);
        set(&mut block, 1 + short.len, b'"');
        extend_cut(out, &block, short.len + 2);
        return;
    }
    let clean = clean_prefix(bytes);
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    if clean == bytes.len() {
        out.extend_from_slice(bytes);
    } else {
        write_escaped(out, bytes, clean);
    }
    out.push(b'"');
}

/// Appends the key of an object's member: `,"key":` (`"key":` for the
/// first member).
#[inline]
pub(super) fn write_key(out: &mut Vec<u8>, comma: bool, key: &str) {
    let Some(short) = Short::new(key.as_bytes()) else {
        if comma {
            out.push(b',');
        }
        write_str(out, key);
        out.push(b':');
        return;
    };
    let mut block = [0; 20];
    block[0] = b',';
    block[1] = b'"';
    short.put(&mut block, 2);
    set(&mut block, 2 + short.len, b'"');
    set(&mut block, 3 + short.len, b':');
    if comma {
        extend_cut(out, &block, short.len + 4);
    } else if let Some((_, rest)) = block.split_first_chunk::<1>() {
        extend_cut(out, rest, short.len + 3);
    }
}

/// Sets `block[at]`, which is in range wherever it is called.
#[inline]
fn set(block: &mut [u8], at: usize, byte: u8) {
    if let Some(b) = block.get_mut(at) {
        *b = byte;
    }
}

/// Appends the first `len` bytes of `block`, by appending all of it (a
/// copy of known size, which the compiler writes as a few moves) and
/// cutting the rest off again.
#[inline]
pub(super) fn extend_cut(out: &mut Vec<u8>, block: &[u8], len: usize) {
    let end = out.len() + len.min(block.len());
    out.extend_from_slice(block);
    out.truncate(end);
}

/// A string of at most 16 bytes that needs no escape, held as two words
/// (little-endian, zero after the end), so it can be written without a
/// loop. Most keys and many values (`"member"`, `"VVD"`) are such strings.
struct Short {
    words: [u64; 2],
    len: usize,
}

impl Short {
    /// `bytes` as a [`Short`], if it is one. Reads each byte once or twice
    /// through overlapping loads: two words for 8 to 16 bytes, two half
    /// words for 4 to 7, three bytes for 1 to 3.
    #[inline]
    fn new(bytes: &[u8]) -> Option<Short> {
        let len = bytes.len();
        let (mask, words) = if len >= 8 {
            if len > 16 {
                return None;
            }
            let (lo, hi) = (word_at(bytes, 0), word_at(bytes, len - 8));
            // The bytes 8.. are the top `len - 8` bytes of `hi`.
            let upper = hi.checked_shr(8 * (16 - len) as u32).unwrap_or(0);
            (escape_mask(lo) | escape_mask(hi), [lo, upper])
        } else if len >= 4 {
            let (lo, hi) = (half_at(bytes, 0), half_at(bytes, len - 4));
            (escape_mask(lo | hi << 32), [lo | hi << (8 * (len - 4)), 0])
        } else if len > 0 {
            let at = |i: usize| u64::from(bytes.get(i).copied().unwrap_or(0)) << (8 * i);
            let word = at(0) | at(len / 2) | at(len - 1);
            // Bytes past the end are tested as `a`, which needs no escape.
            let padding = (ONES * u64::from(b'a')) << (8 * len);
            (escape_mask(word | padding), [word, 0])
        } else {
            (0, [0, 0])
        };
        (mask == 0).then_some(Short { words, len })
    }

    /// Writes the 16 bytes of the words into `block` at `at` (those past
    /// `len` are zero, for the caller to overwrite or cut off).
    #[inline]
    fn put(&self, block: &mut [u8], at: usize) {
        let [lo, hi] = self.words;
        if let Some(dst) = block.get_mut(at..at + 16) {
            let (a, b) = dst.split_at_mut(8);
            a.copy_from_slice(&lo.to_le_bytes());
            b.copy_from_slice(&hi.to_le_bytes());
        }
    }
}

/// Appends the escaped contents of `s`, without quotes.
#[inline]
pub(super) fn write_str_contents(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    write_escaped(out, bytes, clean_prefix(bytes));
}

/// Appends `bytes` escaped, the first `clean` of which need no escape.
#[inline(never)]
fn write_escaped(out: &mut Vec<u8>, bytes: &[u8], clean: usize) {
    let (mut clean, mut rest) = bytes.split_at(clean.min(bytes.len()));
    loop {
        out.extend_from_slice(clean);
        let Some((&byte, tail)) = rest.split_first() else {
            return;
        };
        write_escape(out, byte);
        (clean, rest) = tail.split_at(clean_prefix(tail));
    }
}

/// Whether JSON must escape `byte`.
#[inline]
pub(super) fn needs_escape(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// Non-zero when a byte of the eight in `word` needs an escape. Exact, not
/// a filter: `(x - ONES) & !x & HIGH` is non-zero exactly when some byte of
/// `x` is zero, and `(w - 0x20 * ONES) & !w & HIGH` exactly when some byte
/// of `w` is below 0x20 (a borrow can set more high bits, but only above a
/// byte that is really there). The masks of several words can be or-ed and
/// tested once.
#[inline]
fn escape_mask(word: u64) -> u64 {
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x;
    let quote = has_zero(word ^ (ONES * u64::from(b'"')));
    let backslash = has_zero(word ^ (ONES * u64::from(b'\\')));
    let control = word.wrapping_sub(ONES * 0x20) & !word;
    (quote | backslash | control) & HIGH
}

/// The eight bytes at `at` as a little-endian word; a zero byte (one that
/// needs an escape, so the caller looks closer) if they are not there.
#[inline]
pub(super) fn word_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at.wrapping_add(8))
        .and_then(|b| b.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

/// The four bytes at `at`, as [`word_at`].
#[inline]
pub(super) fn half_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at.wrapping_add(4))
        .and_then(|b| b.try_into().ok())
        .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
}

/// The length of the longest prefix of `bytes` that needs no escape.
///
/// Blocks of 64 bytes at a time, each tested with a loop the compiler
/// turns into vector compares (no branch inside a block); then words of
/// eight bytes; the last word of a string overlaps the one before it rather
/// than going byte by byte, and a string shorter than eight bytes (most
/// keys) is tested as one word made of overlapping pieces, so the common
/// case has no loop over bytes at all.
#[inline]
fn clean_prefix(bytes: &[u8]) -> usize {
    let n = bytes.len();
    if n < 8 {
        let word = if n >= 4 {
            half_at(bytes, 0) | half_at(bytes, n - 4) << 32
        } else if n > 0 {
            let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
            u64::from_le_bytes([at(0), at(n / 2), at(n - 1), b'a', b'a', b'a', b'a', b'a'])
        } else {
            return 0;
        };
        return if escape_mask(word) == 0 {
            n
        } else {
            first_escape(bytes, 0)
        };
    }
    let mut i = 0;
    let mut blocks = bytes.chunks_exact(BLOCK);
    for block in &mut blocks {
        if block_is_dirty(block) {
            return first_escape(bytes, i);
        }
        i += BLOCK;
    }
    while i + 8 <= n {
        if escape_mask(word_at(bytes, i)) != 0 {
            return first_escape(bytes, i);
        }
        i += 8;
    }
    // The last word overlaps checked bytes; a byte found is at `i` or after.
    if i < n && escape_mask(word_at(bytes, n - 8)) != 0 {
        return first_escape(bytes, i);
    }
    n
}

/// The bytes [`clean_prefix`] tests as one block.
const BLOCK: usize = 64;

/// Whether a byte of `block` needs an escape: every byte tested, the
/// results or-ed, no early exit, so that the loop is vector code.
#[inline]
fn block_is_dirty(block: &[u8]) -> bool {
    let mut dirty = 0u8;
    for &b in block {
        dirty |= u8::from(b < 0x20) | u8::from(b == b'"') | u8::from(b == b'\\');
    }
    dirty != 0
}

/// The position of the first byte from `from` on that needs an escape, or
/// the length.
#[inline(never)]
fn first_escape(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    from + rest
        .iter()
        .position(|&b| needs_escape(b))
        .unwrap_or(rest.len())
}

/// Appends the escape of `byte`, one that [`needs_escape`].
#[inline(never)]
fn write_escape(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match byte {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0c => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => {
            let hex = [HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xf)]];
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex[0], hex[1]]);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_test_agrees_with_the_byte_test() {
        // Every byte value at every position, among clean and dirty
        // neighbours.
        for fill in [b'a', 0x7f, 0xff, 0x20, 0x21, 0x00] {
            for at in 0..8 {
                for byte in 0..=255u8 {
                    let mut bytes = [fill; 8];
                    bytes[at] = byte;
                    let expected = bytes.iter().any(|&b| needs_escape(b));
                    assert_eq!(
                        escape_mask(u64::from_le_bytes(bytes)) != 0,
                        expected,
                        "{bytes:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn clean_prefix_finds_the_first_byte_to_escape() {
        // Past two blocks, so each part of the scan (blocks, words, the
        // overlapping last word, short strings) meets every position.
        for len in 0..2 * BLOCK + 24 {
            let clean = vec![b'x'; len];
            assert_eq!(clean_prefix(&clean), len);
            for at in 0..len {
                for dirty in [b'"', b'\\', 0x00, 0x1f] {
                    let mut bytes = clean.clone();
                    bytes[at] = dirty;
                    assert_eq!(clean_prefix(&bytes), at, "{bytes:?}");
                    // A second one later does not hide the first.
                    bytes[len - 1] = dirty;
                    assert_eq!(clean_prefix(&bytes), at, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn short_strings_are_read_exactly() {
        for len in 0..=17 {
            let text: Vec<u8> = (0..len as u8).map(|i| b'a' + i).collect();
            let short = Short::new(&text);
            assert_eq!(short.is_some(), len <= 16, "{len}");
            if let Some(short) = short {
                let mut block = [0xff; 20];
                short.put(&mut block, 2);
                assert_eq!(&block[2..2 + len], &text[..], "{len}");
                assert!(block[2 + len..18].iter().all(|&b| b == 0), "{len}");
                for at in 0..len {
                    let mut dirty = text.clone();
                    dirty[at] = b'"';
                    assert!(Short::new(&dirty).is_none(), "{dirty:?}");
                }
            }
        }
    }

    #[test]
    fn keys_are_written_as_serde_json_writes_them() {
        for key in [
            "",
            "a",
            "id",
            "end",
            "text",
            "start",
            "is_transcript",
            "sixteen_bytes_ok",
            "seventeen_bytes_x",
            "quo\"te",
        ] {
            for comma in [false, true] {
                let mut out = b"{".to_vec();
                write_key(&mut out, comma, key);
                let mut expected = b"{".to_vec();
                if comma {
                    expected.push(b',');
                }
                expected.extend(serde_json::to_vec(key).unwrap_or_default());
                expected.push(b':');
                assert_eq!(out, expected, "{key:?}");
            }
        }
    }

    #[test]
    fn escapes_as_serde_json_does() {
        let all: String = (0..=0x7f_u8).map(char::from).collect();
        for s in [
            "",
            "plain",
            &all,
            "\"\\/\u{7f}\u{80}\u{2028}\u{2029}ë€𝄞",
            "a long run of prose before a \"quote\" and after it, again and again",
        ] {
            let mut out = Vec::new();
            write_str(&mut out, s);
            assert_eq!(out, serde_json::to_vec(s).unwrap_or_default(), "{s:?}");
        }
    }
}
