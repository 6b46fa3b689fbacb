//! The words evidence is read from, and the candidates' spellings they
//! are compared with (see the parent module): a scan of the input that
//! finds its words eight bytes at a time and rules nearly all of them out
//! with two bit tests.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::MAX_KEY;

/// The longest word of the input read for evidence: a spelling with two
/// letters of inflection.
pub(super) const MAX_WORD: usize = MAX_KEY + 2;

/// The spellings of the candidates, each hyphenated and closed up, and
/// the NFD form of each that has one, sorted, with the candidate each
/// belongs to; and a quick test that rules out nearly every other word.
pub(super) struct Spellings {
    /// `(spelling, candidate, hyphenated)`.
    sorted: Vec<(Box<str>, usize, bool)>,
    /// A bit per length of a spelling.
    lengths: u128,
    /// The length of the shortest spelling.
    pub(super) shortest: usize,
    /// A bit per [`prefix`] of a spelling; `None` when a spelling is
    /// shorter than a prefix.
    prefixes: Option<Bits>,
    /// A bit per [`signature`] of a spelling.
    signatures: Bits,
}

/// A set of hashes of [`SIGNATURE_BITS`] bits, a bit each (8 KB).
struct Bits(Vec<u64>);

impl Bits {
    fn new() -> Self {
        Bits(vec![0; (1 << SIGNATURE_BITS) / 64])
    }

    fn set(&mut self, hash: usize) {
        if let Some(w) = self.0.get_mut(hash / 64) {
            *w |= 1 << (hash % 64);
        }
    }

    fn has(&self, hash: usize) -> bool {
        self.0
            .get(hash / 64)
            .is_some_and(|w| w & (1 << (hash % 64)) != 0)
    }
}

/// Bits of a [`signature`].
const SIGNATURE_BITS: u32 = 16;

/// A hash of a word's length and its first and last two bytes, ASCII
/// lowercased, of [`SIGNATURE_BITS`] bits: read from the word's bytes as
/// they are, so a word is ruled out without being copied.
fn signature(word: &[u8]) -> usize {
    let lower = |i: usize| u64::from(word.get(i).map_or(0, u8::to_ascii_lowercase));
    let n = word.len();
    let x = lower(0)
        | lower(1) << 8
        | lower(n.saturating_sub(2)) << 16
        | lower(n.saturating_sub(1)) << 24
        | (n as u64) << 32;
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SIGNATURE_BITS)) as usize
}

/// A hash of a word's first four bytes, ASCII lowercased, of
/// [`SIGNATURE_BITS`] bits.
fn prefix(word: &[u8]) -> usize {
    let lower = |i: usize| u64::from(word.get(i).map_or(0, u8::to_ascii_lowercase));
    let x = lower(0) | lower(1) << 8 | lower(2) << 16 | lower(3) << 24;
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SIGNATURE_BITS)) as usize
}

impl Spellings {
    pub(super) fn of(candidates: &[(String, usize)]) -> Self {
        let mut sorted = Vec::with_capacity(candidates.len() * 2);
        for (i, (key, hyphen_at)) in candidates.iter().enumerate() {
            let (Some(stem), Some(tail)) = (key.get(..*hyphen_at), key.get(*hyphen_at + 1..))
            else {
                continue;
            };
            for (form, hyphenated) in [(key.clone(), true), (format!("{stem}{tail}"), false)] {
                if !form.is_ascii() {
                    let nfd: String = form.nfd().collect();
                    if nfd != form {
                        sorted.push((nfd.into_boxed_str(), i, hyphenated));
                    }
                }
                sorted.push((form.into_boxed_str(), i, hyphenated));
            }
        }
        sorted.sort_unstable();
        let mut signatures = Bits::new();
        let mut lengths = 0u128;
        for (form, ..) in &sorted {
            signatures.set(signature(form.as_bytes()));
            if let Some(bit) = u32::try_from(form.len())
                .ok()
                .and_then(|n| 1u128.checked_shl(n))
            {
                lengths |= bit;
            }
        }
        let shortest = sorted.iter().map(|(f, ..)| f.len()).min().unwrap_or(0);
        let prefixes = (shortest >= 4).then(|| {
            let mut bits = Bits::new();
            for (form, ..) in &sorted {
                bits.set(prefix(form.as_bytes()));
            }
            bits
        });
        Spellings {
            sorted,
            lengths,
            shortest,
            prefixes,
            signatures,
        }
    }

    /// Whether the word `raw` (as printed, punctuation included) may hold a
    /// spelling, by its length and first four bytes: most words are ruled
    /// out here, before they are trimmed. A word that starts with no ASCII
    /// letter or digit (`(werk…`, `“werk…`) is left to the full test.
    pub(super) fn may_start(&self, raw: &[u8]) -> bool {
        if raw.len() < self.shortest {
            return false;
        }
        let Some(prefixes) = &self.prefixes else {
            return true;
        };
        if !raw.first().is_some_and(u8::is_ascii_alphanumeric) {
            return true;
        }
        prefixes.has(prefix(raw))
    }

    /// Whether `word` (as printed) may be a spelling: its length and its
    /// signature are a spelling's.
    pub(super) fn may_be(&self, word: &[u8]) -> bool {
        let length = word.len() < 128 && (self.lengths >> word.len()) & 1 != 0;
        length && self.signatures.has(signature(word))
    }

    /// The candidates `word` (lowercased) is a spelling of, each with
    /// whether it is the hyphenated one.
    pub(super) fn owners<'s>(&'s self, word: &'s [u8]) -> impl Iterator<Item = (usize, bool)> + 's {
        let word = std::str::from_utf8(word).unwrap_or_default();
        let from = self.sorted.partition_point(|(f, ..)| f.as_ref() < word);
        self.sorted
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(move |(f, ..)| !word.is_empty() && f.as_ref() == word)
            .map(|&(_, i, hyphenated)| (i, hyphenated))
    }
}

/// Eight spaces, eight line ends: [`each_word`]'s separators.
const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
const LINE_ENDS: u64 = u64::from_le_bytes([b'\n'; 8]);

/// The high bit of every zero byte of `v` (exactly: no borrow runs from one
/// byte into the next).
fn zero_bytes(v: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    !(((v & LOW7) + LOW7) | v | LOW7)
}

/// Calls `f` with every word of `input` of at most [`MAX_WORD`] bytes
/// that `may_start` lets through as printed: what lies between two spaces
/// or line ends, from its first letter
/// or digit to its last letter, digit or combining mark (NFD `é` is `e` and
/// a mark), so without the punctuation around it (`(`, `,`, `“`, a hyphen at
/// its end). One pass over the bytes, eight at a time, for spaces and line
/// ends; a word `may_start` rules out (most are) is skipped there, and only
/// the ends of a word that are no ASCII letters or digits are read as
/// chars. With `long_only`, words shorter than eight bytes may be left out
/// unseen (`may_start` must rule them out too).
pub(super) fn each_word(
    input: &str,
    long_only: bool,
    may_start: impl Fn(&[u8]) -> bool,
    mut f: impl FnMut(&[u8]),
) {
    let mut word = |start: usize, end: usize| {
        // Spaces and line ends are ASCII: the word is on char boundaries.
        let Some(word) = input.get(start..end) else {
            return;
        };
        // ASCII punctuation at the ends, byte by byte; then, where an end
        // is not ASCII, chars.
        let punctuation = |c: char| c.is_ascii() && !c.is_ascii_alphanumeric();
        let mut word = word.trim_matches(punctuation);
        if word.len() > 2 * MAX_WORD {
            return;
        }
        if word.as_bytes().first().is_some_and(|b| !b.is_ascii()) {
            word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        }
        if word.as_bytes().last().is_some_and(|b| !b.is_ascii()) {
            word = word.trim_end_matches(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)));
        }
        if !word.is_empty() && word.len() <= MAX_WORD {
            f(word.as_bytes());
        }
    };
    // The separators are found eight bytes at a time (each chunk tested
    // against spaces and line ends at once). When no word shorter than
    // eight bytes is wanted (`long_only`), the words between two
    // separators of one chunk are too short: only the word that ends at a
    // chunk's first separator is looked at, and the next starts after its
    // last; otherwise each separator in turn.
    let bytes = input.as_bytes();
    let chunks = bytes.chunks_exact(8);
    let rest_at = bytes.len() - chunks.remainder().len();
    let mut start = 0;
    for (c, chunk) in chunks.enumerate() {
        let Ok(eight) = <[u8; 8]>::try_from(chunk) else {
            continue;
        };
        let x = u64::from_le_bytes(eight);
        let mut found = zero_bytes(x ^ SPACES) | zero_bytes(x ^ LINE_ENDS);
        if found == 0 {
            continue;
        }
        if long_only {
            let first = c * 8 + (found.trailing_zeros() / 8) as usize;
            if bytes.get(start..first).is_some_and(&may_start) {
                word(start, first);
            }
            start = c * 8 + (63 - found.leading_zeros() as usize) / 8 + 1;
            continue;
        }
        while found != 0 {
            let i = c * 8 + (found.trailing_zeros() / 8) as usize;
            found &= found - 1;
            if bytes.get(start..i).is_some_and(&may_start) {
                word(start, i);
            }
            start = i + 1;
        }
    }
    for (j, &b) in bytes.get(rest_at..).unwrap_or_default().iter().enumerate() {
        if b == b' ' || b == b'\n' {
            let i = rest_at + j;
            if bytes.get(start..i).is_some_and(&may_start) {
                word(start, i);
            }
            start = i + 1;
        }
    }
    if bytes.get(start..).is_some_and(&may_start) {
        word(start, input.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_letters_digits_hyphens_and_marks() {
        let words = |text: &str| {
            let mut out = Vec::new();
            each_word(
                text,
                false,
                |w| !w.is_empty(),
                |w| out.push(String::from_utf8_lossy(w).into_owned()),
            );
            out
        };
        assert_eq!(
            words("(De CO2-heffing,” zei -ze- cafe\u{301}s ‘x’ e\u{301}-\n a—b\tc"),
            [
                "De",
                "CO2-heffing",
                "zei",
                "ze",
                "cafe\u{301}s",
                "x",
                "e\u{301}",
                "a—b\tc"
            ]
        );
        let long = "a".repeat(MAX_WORD + 10);
        assert_eq!(words(&format!("{long} kort")), ["kort"]);
    }

    #[test]
    fn zero_bytes_are_exact() {
        let x = u64::from_le_bytes(*b"a b\n\0\x01 c");
        let found = zero_bytes(x ^ SPACES) | zero_bytes(x ^ LINE_ENDS);
        let at: Vec<u32> = (0..8).filter(|i| found >> (i * 8 + 7) & 1 == 1).collect();
        assert_eq!(at, [1, 3, 6]);
        // Every separator of a text, at every offset of its chunks.
        for pad in 0..8 {
            let text = format!("{}werkgever werk\nwerknemer x", "y".repeat(pad));
            let mut seen = Vec::new();
            each_word(
                &text,
                false,
                |w| !w.is_empty(),
                |w| seen.push(String::from_utf8_lossy(w).into_owned()),
            );
            let first = format!("{}werkgever", "y".repeat(pad));
            assert_eq!(seen, [first.as_str(), "werk", "werknemer", "x"]);
        }
    }

    #[test]
    fn long_words_alone_are_the_long_words_of_all() {
        let text: String = (0..200)
            .map(|i| {
                "abcdefghijklmnopqrst"
                    .get(..1 + (i * 7) % 19)
                    .unwrap_or("x")
            })
            .collect::<Vec<_>>()
            .join(" ");
        let text = format!("{text}\n{}", text.replace(' ', "\n"));
        let long = |w: &[u8]| w.len() >= 8;
        let (mut all, mut alone) = (Vec::new(), Vec::new());
        each_word(
            &text,
            false,
            |w| !w.is_empty(),
            |w| {
                if long(w) {
                    all.push(w.to_vec())
                }
            },
        );
        each_word(&text, true, long, |w| alone.push(w.to_vec()));
        assert!(all.len() > 100, "{}", all.len());
        assert_eq!(alone, all);
    }
}
