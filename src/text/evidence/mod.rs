//! Dehyphenation by evidence from the document itself, the first of the
//! three ways a word split at a line end is joined (then the spelling rules
//! and the word list of [`super::hyphen`]).
//!
//! A split word (`werkgever-` + `werknemerrelatie`) that the document
//! writes elsewhere on one line, hyphenated (`werkgever-werknemerrelatie`)
//! or closed up (`werkgeverwerknemerrelatie`), is joined as the document
//! writes it most often; where it writes neither, or both as often, the
//! rules decide.
//!
//! In linear time and bounded memory, before any paragraph is built:
//! 1. [`HyphenEvidence::gather`] walks the line ends once (`memchr`) and
//!    takes every line that ends in a hyphen, with the first word of the
//!    next line that is not page furniture: a candidate, keyed as the
//!    normaliser will look it up ([`key`]), each key once.
//! 2. It then reads the input's words once (what lies between spaces and
//!    line ends, found eight bytes at a time, without the punctuation
//!    around it): a word that is one of the candidates' spellings,
//!    hyphenated or closed up, ASCII case-insensitive, or such a spelling
//!    followed by one or two letters (`werkgever-werknemerrelaties`),
//!    counts for that spelling. Nearly every word is ruled out by its
//!    length and a hash of its first four bytes, the rest but a few by a
//!    hash of its length and first and last two bytes (bit tests); those
//!    are looked up in the sorted spellings, which hold the NFD form of
//!    each too, so that canonically equivalent input decides alike. The
//!    split itself is no such word: a line end lies inside it.
//! 3. Only the candidates the document decides are kept, in a sorted list
//!    that the normaliser searches when it joins a split word; a document
//!    with none costs one emptiness test per join.
//!
//! The candidates' bytes are capped at a share of the input
//! ([`BUDGET_DIVISOR`]), so that what is held for them stays a fraction of
//! the input's size whatever the input holds; a split beyond the cap is
//! left to the rules.

use std::collections::HashSet;

use self::words::{each_word, Spellings, MAX_WORD};
use super::hyphen::split_hyphen_is_candidate;
use super::nfc::nfc;

mod words;

/// The longest key looked up (bytes); a longer word is left to the rules.
const MAX_KEY: usize = 64;

/// The candidates' keys may take one byte per this many bytes of input
/// (and [`MIN_BUDGET`] whatever the input): a PDF extraction needs a tenth
/// of that (a split per 2 to 3 KB, keys of about 20 bytes, fewer once each
/// is taken once), an input made of split words gets no more.
const BUDGET_DIVISOR: usize = 16;

/// The keys' budget of a small input.
const MIN_BUDGET: usize = 4 << 10;

/// Lines of page furniture skipped between a split word's two parts (a
/// footer, a running head, a page reference).
const MAX_FURNITURE_LINES: usize = 4;

/// What a document says about its split words: the keys it decides, sorted,
/// each with whether the hyphen stays.
#[derive(Debug, Default)]
pub(crate) struct HyphenEvidence {
    decided: Vec<(Box<str>, bool)>,
}

impl HyphenEvidence {
    /// Reads `input` for the split words it holds and for how it writes
    /// them elsewhere (see the module's doc). `furniture` says whether a
    /// trimmed line is page furniture, which lies between a split word's
    /// parts at a page break.
    pub(crate) fn gather(input: &str, furniture: impl Fn(&str) -> bool) -> Self {
        let candidates = candidates(input, &furniture);
        if candidates.is_empty() {
            return Self::default();
        }
        let spellings = Spellings::of(&candidates);
        // Per candidate: occurrences closed up, hyphenated.
        let mut counts = vec![[0u32; 2]; candidates.len()];
        let mut buf = [0u8; MAX_WORD];
        // No spelling is shorter than eight bytes: nor need a word be.
        let long_only = spellings.shortest >= 8;
        each_word(
            input,
            long_only,
            |raw| spellings.may_start(raw),
            |word| {
                // The word, or the word less one or two letters of inflection.
                for cut in 0..=2 {
                    let Some(len) = word.len().checked_sub(cut) else {
                        break;
                    };
                    let inflection = word.get(len..).unwrap_or_default();
                    if !inflection.iter().all(u8::is_ascii_alphabetic) {
                        break;
                    }
                    let Some(stem) = word.get(..len) else {
                        break;
                    };
                    if !spellings.may_be(stem) {
                        continue;
                    }
                    let Some(lower) = buf.get_mut(..len) else {
                        break;
                    };
                    lower.copy_from_slice(stem);
                    lower.make_ascii_lowercase();
                    for (i, hyphenated) in spellings.owners(lower) {
                        if let Some([joined, hyphen]) = counts.get_mut(i) {
                            let slot = if hyphenated { hyphen } else { joined };
                            *slot = slot.saturating_add(1);
                        }
                    }
                }
            },
        );
        let mut decided: Vec<(Box<str>, bool)> = candidates
            .into_iter()
            .zip(counts)
            .filter(|(_, [joined, hyphenated])| joined != hyphenated)
            .map(|((key, _), [joined, hyphenated])| (key.into_boxed_str(), hyphenated > joined))
            .collect();
        decided.sort_unstable();
        Self { decided }
    }

    /// What the document says about the word split as `before` (the word
    /// before the line end, ending in its hyphen) and `after` (the first
    /// word of the next line): `Some(true)` the hyphen stays, `Some(false)`
    /// the parts close up, `None` it does not say (the rules decide).
    pub(crate) fn decides(&self, before: &str, after: &str) -> Option<bool> {
        if self.decided.is_empty() {
            return None;
        }
        let mut buf = [0u8; MAX_KEY];
        let (key, _) = key(&mut buf, before, after)?;
        let i = self
            .decided
            .binary_search_by(|(k, _)| k.as_ref().cmp(key))
            .ok()?;
        self.decided.get(i).map(|(_, keep)| *keep)
    }

    /// How many split words the document decides.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.decided.len()
    }
}

/// The key of the word split as `before` (ending in its hyphen) and
/// `after`: the part before the hyphen from its first letter or digit, `-`,
/// the part after up to its last letter or digit, ASCII lowercased (`(Werk-`
/// and `gever,` give `werk-gever`), written into `buf`; with where its
/// hyphen is. `None` when a part is empty or the key longer than
/// [`MAX_KEY`].
fn key<'b>(buf: &'b mut [u8; MAX_KEY], before: &str, after: &str) -> Option<(&'b str, usize)> {
    // Long words are ruled out before anything reads them, so that a long
    // run of joined parts (`x-x-x-…`) costs nothing per join.
    if before.len() + after.len() > 2 * MAX_KEY {
        return None;
    }
    let edge = |c: char| !c.is_alphanumeric();
    let stem = before.strip_suffix('-')?.trim_matches(edge);
    let tail = after.trim_matches(edge);
    if stem.is_empty() || tail.is_empty() {
        return None;
    }
    let len = stem.len() + 1 + tail.len();
    let out = buf.get_mut(..len)?;
    let (s, rest) = out.split_at_mut(stem.len());
    s.copy_from_slice(stem.as_bytes());
    let (hyphen, t) = rest.split_first_mut()?;
    *hyphen = b'-';
    t.copy_from_slice(tail.as_bytes());
    out.make_ascii_lowercase();
    let key = std::str::from_utf8(out).ok()?;
    Some((key, stem.len()))
}

/// The keys of the document's split words (each once), with where their
/// hyphen is, within the budget.
fn candidates(input: &str, furniture: &impl Fn(&str) -> bool) -> Vec<(String, usize)> {
    let bytes = input.as_bytes();
    let mut budget = (input.len() / BUDGET_DIVISOR).max(MIN_BUDGET);
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    let mut buf = [0u8; MAX_KEY];
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes) {
        let line = input.get(start..end).unwrap_or_default();
        start = end + 1;
        let line = line.trim_end_matches([' ', '\t', '\r']);
        if !line.ends_with('-') {
            continue;
        }
        // The word before the line end: back to a space, within reach (a
        // space is a char boundary).
        let from = line.len().saturating_sub(2 * MAX_KEY);
        let space = line
            .as_bytes()
            .get(from..)
            .and_then(|tail| memchr::memrchr2(b' ', b'\t', tail));
        let word_start = match space {
            Some(i) => from + i + 1,
            None if from == 0 => 0,
            None => continue,
        };
        let Some(before) = line.get(word_start..) else {
            continue;
        };
        let Some(after) = next_word(input, end, furniture) else {
            continue;
        };
        let (before, after) = (nfc(before), nfc(after));
        if !split_hyphen_is_candidate(&before, &after) {
            continue;
        }
        let Some((key, hyphen_at)) = key(&mut buf, &before, &after) else {
            continue;
        };
        if seen.contains(key) {
            continue;
        }
        let Some(left) = budget.checked_sub(key.len()) else {
            break;
        };
        budget = left;
        seen.insert(key.to_owned());
        out.push((key.to_owned(), hyphen_at));
    }
    out
}

/// The first word after the line end at `end`: past blank lines and at
/// most [`MAX_FURNITURE_LINES`] lines of page furniture, up to a space;
/// `None` if there is none within reach.
fn next_word<'a>(input: &'a str, end: usize, furniture: &impl Fn(&str) -> bool) -> Option<&'a str> {
    let mut at = end;
    for _ in 0..=MAX_FURNITURE_LINES {
        let rest = input.get(at..)?;
        let skipped = rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r']).len();
        at += skipped;
        let rest = input.get(at..)?;
        let line_len = memchr::memchr2(b'\n', b'\r', rest.as_bytes()).unwrap_or(rest.len());
        let line = rest.get(..line_len)?.trim_end();
        if line.is_empty() {
            return None;
        }
        if furniture(line) {
            at += line_len;
            continue;
        }
        let word_len = memchr::memchr2(b' ', b'\t', line.as_bytes()).unwrap_or(line.len());
        let word = line.get(..word_len)?.trim_start_matches('*');
        return (word.len() <= 2 * MAX_KEY).then_some(word);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gather(input: &str) -> HyphenEvidence {
        HyphenEvidence::gather(input, |l| l.starts_with("Tweede Kamer"))
    }

    #[test]
    fn keys() {
        let mut buf = [0u8; MAX_KEY];
        assert_eq!(
            key(&mut buf, "(Werkgever-", "werknemerrelatie,"),
            Some(("werkgever-werknemerrelatie", 9))
        );
        assert_eq!(key(&mut buf, "café-", "bezoek"), Some(("café-bezoek", 5)));
        assert_eq!(key(&mut buf, "-", "bezoek"), None);
        assert_eq!(key(&mut buf, "werkgever", "bezoek"), None);
        assert_eq!(key(&mut buf, "werk-", "..."), None);
        let long = "x-".repeat(40);
        assert_eq!(key(&mut buf, &long, "x"), None);
    }

    #[test]
    fn the_document_decides() {
        let input = "de werkgever-\nwerknemerrelatie is oud. Werkgever-werknemerrelaties\n\
                     zijn oud. Een risicobeoorde-\nling en nog een risicobeoordeling.\n\
                     Een pro-\nminente rol.\n";
        let e = gather(input);
        assert_eq!(e.decides("werkgever-", "werknemerrelatie"), Some(true));
        assert_eq!(e.decides("risicobeoorde-", "ling"), Some(false));
        // Written nowhere else: the rules decide.
        assert_eq!(e.decides("pro-", "minente"), None);
        assert_eq!(e.len(), 2);
    }

    #[test]
    fn as_often_both_ways_decides_nothing() {
        let e = gather("een zee-\negel, een zee-egel en een zeeegel.\n");
        assert_eq!(e.decides("zee-", "egel"), None);
    }

    #[test]
    fn only_where_a_word_starts() {
        // `overwerkgever-werknemer…` is not `werkgever-werknemer…`.
        let e = gather("de werkgever-\nwerknemer en de overwerkgever-werknemer.\n");
        assert_eq!(e.decides("werkgever-", "werknemer"), None);
    }

    #[test]
    fn across_page_furniture_and_in_nfd() {
        let input =
            "de werkgever-\n\nTweede Kamer Debat\n werknemerrelatie. Werkgever-werknemerrelatie.\n";
        assert_eq!(
            gather(input).decides("werkgever-", "werknemerrelatie"),
            Some(true)
        );
        // NFC split, NFD evidence and the other way round: alike.
        let nfc_split = "het café-\nbezoek en het cafe\u{301}bezoek.\n";
        let nfd_split = "het cafe\u{301}-\nbezoek en het cafébezoek.\n";
        for input in [nfc_split, nfd_split] {
            assert_eq!(
                gather(input).decides("café-", "bezoek"),
                Some(false),
                "{input:?}"
            );
        }
        // A mark after the match: `cafe` of NFD `café` is not `cafe`.
        let e = gather("de ca-\nfe en de cafe\u{301}.\n");
        assert_eq!(e.decides("ca-", "fe"), None);
    }

    #[test]
    fn a_spelling_and_its_inflections_count() {
        let e = gather("de werk-\ngever en de werkgevers en de werkgeveren.\n");
        assert_eq!(e.decides("werk-", "gever"), Some(false));
        // Three letters more is another word; so is a word the spelling
        // ends (`overwerkgever`).
        let e = gather("de werk-\ngever en de werkgeverijen en de overwerkgever.\n");
        assert_eq!(e.decides("werk-", "gever"), None);
    }

    #[test]
    fn omitted_parts_are_no_candidates() {
        let e = gather("binnen-\nen buitenland; binnenen.\n");
        assert_eq!(e.decides("binnen-", "en"), None);
    }

    #[test]
    fn the_budget_bounds_the_candidates() {
        // Distinct split words, each written elsewhere: only the first ones
        // within the budget are decided.
        let mut input = String::new();
        for i in 0..20_000 {
            input.push_str(&format!("woord{i}a-\nb en woord{i}a-b.\n"));
        }
        let e = gather(&input);
        let budget = (input.len() / BUDGET_DIVISOR).max(MIN_BUDGET);
        assert!(e.len() > 100, "{}", e.len());
        assert!(e.len() * "woord1a-b".len() <= budget, "{} keys", e.len());
        assert_eq!(e.decides("woord0a-", "b"), Some(true));
        assert_eq!(e.decides("woord19999a-", "b"), None);
    }

    #[test]
    fn lines_of_hyphens_alone_cost_nothing() {
        let input = "x-\n".repeat(10_000);
        let e = gather(&input);
        assert_eq!(e.len(), 0);
        let input = "---\n".repeat(10_000);
        assert!(candidates(&input, &|_| false).is_empty());
    }
}
