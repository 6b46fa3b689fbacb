//! The normaliser: from the lines of a paragraph to its text.
//!
//! What it does, in this order:
//! - splits every line into words at whitespace (so trailing spaces, hard
//!   wraps, tabs and runs of spaces all become one space);
//! - joins a word split at the end of a line (or page) again: a typesetting
//!   hyphen is removed (`pro-` + `minente` → `prominente`), a real hyphen is
//!   kept (`CSAM-` + `verordening` → `CSAM-verordening`, `collega-` +
//!   `bewindspersoon` → `collega-bewindspersoon`); see [`split_hyphen_is_real`];
//! - applies Unicode NFC, but only when the text is not NFC already
//!   (`is_nfc_quick` is an order of magnitude faster than normalising).
//!
//! The parser calls it once per paragraph and keeps only the text (the
//! paragraph keeps its span); [`normalize`] also returns a source map from
//! the normalised text back to the input, for callers who need to point at a
//! word.

use std::sync::OnceLock;

use crate::search::{any_in, Words};

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Normalised text with a map back to the input it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// `(normalised offset, input offset)` at the start of every word.
    map: Vec<(usize, usize)>,
}

impl Normalized {
    /// The byte offset in the input of byte `offset` of [`Self::text`].
    ///
    /// Exact inside a word the normaliser did not change; inside a word that
    /// NFC changed, or at a removed hyphen, the nearest earlier mapped
    /// offset is returned.
    ///
    /// ```
    /// use handelingen::normalize::normalize;
    /// let input = "De  pro-\n  minente rol";
    /// let n = normalize(input);
    /// assert_eq!(n.text, "De prominente rol");
    /// assert_eq!(n.original_offset(3), 4); // "p"
    /// assert_eq!(n.original_offset(14), 19); // "rol"
    /// ```
    pub fn original_offset(&self, offset: usize) -> usize {
        let idx = self.map.partition_point(|&(n, _)| n <= offset);
        match idx.checked_sub(1).and_then(|i| self.map.get(i)) {
            Some(&(n, o)) => o + (offset - n),
            None => 0,
        }
    }
}

/// Normalises `text` as one paragraph: whitespace collapsed, lines joined,
/// words split at a line end joined again, NFC.
///
/// ```
/// use handelingen::normalize::normalize;
/// assert_eq!(normalize("over de CSAM-\nverordening ").text, "over de CSAM-verordening");
/// assert_eq!(normalize("een pro-\n\nminente rol").text, "een prominente rol");
/// assert_eq!(normalize("Cafe\u{301}").text, "Caf\u{e9}");
/// ```
pub fn normalize(text: &str) -> Normalized {
    let mut b = Builder::new(true, false);
    let mut start = 0;
    for line in text.split(['\n', '\r']) {
        b.push_fragment(line, start);
        start += line.len() + 1;
    }
    let map = std::mem::take(&mut b.map);
    Normalized {
        text: b.finish(),
        map,
    }
}

/// Builds the text of a paragraph from its fragments (lines, or parts of
/// lines).
pub(crate) struct Builder {
    out: String,
    map: Vec<(usize, usize)>,
    track: bool,
    strip_emphasis: bool,
}

impl Builder {
    /// `track`: keep a source map; `strip_emphasis`: remove Markdown `**`.
    pub(crate) fn new(track: bool, strip_emphasis: bool) -> Self {
        Builder {
            out: String::new(),
            map: Vec::new(),
            track,
            strip_emphasis,
        }
    }

    /// Adds a fragment that starts at byte `start` of the input. A fragment
    /// boundary is a line boundary: a hyphen at the end of the text so far
    /// may be a split word.
    pub(crate) fn push_fragment(&mut self, fragment: &str, start: usize) {
        let lead = fragment.len() - fragment.trim_start().len();
        let trimmed = fragment.trim();
        if trimmed.is_empty() {
            return;
        }
        let start = start + lead;
        // Fast path: one run of words separated by single spaces, nothing to
        // strip and no map to keep: copy the line as it is.
        let has_emphasis = self.strip_emphasis && has_pair(trimmed, b'*');
        let odd_space = has_double_space(trimmed) || may_hold_odd_whitespace(trimmed);
        let simple = !(self.track || has_emphasis || odd_space);
        if simple {
            let first_len = trimmed.find(' ').unwrap_or(trimmed.len());
            let first = trimmed.get(..first_len).unwrap_or("");
            self.join_line(first);
            self.out.push_str(trimmed);
            return;
        }
        let mut first = true;
        let mut pos = 0;
        for word in trimmed.split(char::is_whitespace) {
            let offset = pos;
            pos += word.len();
            // Step over the one whitespace char that ended the word.
            if let Some(c) = trimmed.get(pos..).and_then(|r| r.chars().next()) {
                pos += c.len_utf8();
            }
            if word.is_empty() {
                continue;
            }
            self.push_word(word, start + offset, first);
            first = false;
        }
    }

    /// Starts a new line whose first word is `next`: a space, or the join of
    /// a word split at the end of the line before.
    fn join_line(&mut self, next: &str) {
        if self.out.is_empty() {
            return;
        }
        if self.out.ends_with('-') {
            let prev_start = self.out.rfind(' ').map_or(0, |i| i + 1);
            let prev = self.out.get(prev_start..).unwrap_or("");
            if split_hyphen_is_candidate(prev, next) {
                if !split_hyphen_is_real(prev, next) {
                    self.out.pop();
                }
                return;
            }
        }
        self.out.push(' ');
    }

    fn push_word(&mut self, word: &str, start: usize, first_on_line: bool) {
        let word_owned;
        let word = if self.strip_emphasis && word.contains("**") {
            word_owned = word.replace("**", "");
            if word_owned.is_empty() {
                return;
            }
            word_owned.as_str()
        } else {
            word
        };
        if first_on_line {
            self.join_line(word);
        } else if !self.out.is_empty() {
            self.out.push(' ');
        }
        if self.track {
            self.map.push((self.out.len(), start));
        }
        self.out.push_str(word);
    }

    /// The text, in NFC.
    pub(crate) fn finish(self) -> String {
        let mut out = self.out;
        // The text is kept for the life of the document: give back what the
        // doubling growth of the string left unused.
        if out.capacity() > out.len() + out.len() / 8 {
            out.shrink_to_fit();
        }
        // Every char below U+0300 (lead bytes below 0xCC) is NFC already; only
        // text with later chars needs the (slower) quick check.
        let below_u0300 = out
            .as_bytes()
            .chunks(64)
            .all(|chunk| chunk.iter().fold(0u8, |acc, &b| acc | u8::from(b >= 0xCC)) == 0);
        if below_u0300 || is_nfc_quick(out.chars()) == IsNormalized::Yes {
            out
        } else {
            out.nfc().collect()
        }
    }
}

/// Whether `text` holds byte `b` twice in a row, for a byte that is rare
/// (`*`): memchr to each one. `str::contains` builds a searcher on every
/// call, which costs more than the search on a line of text.
fn has_pair(text: &str, b: u8) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b, bytes).any(|i| bytes.get(i + 1) == Some(&b))
}

/// Whether `text` holds two spaces in a row.
fn has_double_space(text: &str) -> bool {
    static WORDS: OnceLock<Words> = OnceLock::new();
    any_in(&WORDS, &["  "], text)
}

/// Whether `text` may hold whitespace other than a plain space: a control
/// (tab, form feed …) or one of the non-ASCII spaces, whose UTF-8 forms all
/// start with `C2`, `E1`, `E2` or `E3`. Branch-free over chunks, so that it
/// vectorises; a false alarm only costs the slower word-by-word path.
fn may_hold_odd_whitespace(text: &str) -> bool {
    text.as_bytes().chunks(64).any(|chunk| {
        chunk.iter().fold(0u8, |acc, &b| {
            acc | u8::from(b < 0x20) | u8::from(b == 0xC2) | u8::from((0xE1..=0xE3).contains(&b))
        }) != 0
    })
}

/// Whether `before` (ending in `-`) and `after` look like one word split at a
/// line end at all: a letter before the hyphen, a letter after it.
fn split_hyphen_is_candidate(before: &str, after: &str) -> bool {
    let stem = before.strip_suffix('-').unwrap_or(before);
    matches!(stem.chars().last(), Some(c) if c.is_alphabetic())
        && matches!(after.chars().next(), Some(c) if c.is_alphabetic())
}

/// First parts of Dutch compounds that are always written with a hyphen
/// (`oud-minister`, `niet-financiële`, `collega-bewindspersoon`).
const HYPHENATED_PREFIXES: &[&str] = &[
    "anti", "collega", "ex", "extra", "interim", "mede", "niet", "non", "oud", "pseudo", "quasi",
    "semi", "vice",
];

/// Vowel pairs that would read as one sound if the parts were written
/// together, so Dutch spelling puts a hyphen between them (`zee-egel`,
/// `auto-ongeluk`, `mede-indiener`).
const VOWEL_CLASHES: &[&str] = &[
    "aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu",
];

/// Decides whether a hyphen at the end of a line is part of the word (kept)
/// or a typesetting hyphen (removed), given the word before the line end
/// (`before`, ending in `-`) and the first word after it.
///
/// The hyphen is real when
/// - the letter before it is a capital or the part has no vowel at all
///   (an abbreviation: `CSAM-verordening`, `EU-centrum`, `ggz-cliënten`);
/// - the word after it starts with a capital (`Noord-Holland`);
/// - the word already holds a hyphen (`Dekker-Abdul-`: a compound's parts);
/// - the part before it is a prefix always written with a hyphen
///   (`collega-`, `oud-`, `niet-`);
/// - the vowels on either side would clash (`zee-egel`).
///
/// Otherwise it is a typesetting hyphen (`pro-` + `minente`, `persoo-` +
/// `nlijk`).
pub fn split_hyphen_is_real(before: &str, after: &str) -> bool {
    let stem = before.strip_suffix('-').unwrap_or(before);
    let part = stem.rsplit('-').next().unwrap_or(stem);
    let part = part.trim_start_matches(|c: char| !c.is_alphanumeric());
    let (Some(last), Some(next)) = (part.chars().last(), after.chars().next()) else {
        return true;
    };
    if last.is_uppercase() || last.is_numeric() || next.is_uppercase() || next.is_numeric() {
        return true;
    }
    if !part.chars().any(is_vowel) {
        return true;
    }
    if part.len() < stem.len() && stem.contains('-') {
        return true;
    }
    let lower = part.to_lowercase();
    if HYPHENATED_PREFIXES.contains(&lower.as_str()) {
        return true;
    }
    let mut clash = String::new();
    clash.extend(last.to_lowercase());
    clash.extend(next.to_lowercase());
    VOWEL_CLASHES.contains(&clash.as_str())
}

fn is_vowel(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
        || (!c.is_ascii()
            && c.is_alphabetic()
            && "áàâäéèêëíìîïóòôöúùûüý".contains(c.to_lowercase().next().unwrap_or(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens_from_the_seeds_and_the_corpus() {
        for (a, b) in [
            ("CSAM-", "verordening"),
            ("collega-", "bewindspersoon"),
            ("EU-", "centrum"),
            ("niet-", "financiële"),
            ("oud-", "corporatiebestuurder"),
            ("ggz-", "cliënten"),
            ("zee-", "egel"),
        ] {
            assert!(split_hyphen_is_real(a, b), "{a}{b} keeps its hyphen");
        }
        for (a, b) in [
            ("pro-", "minente"),
            ("persoo-", "nlijk"),
            ("uitgewe-", "rkte"),
            ("Nede-", "rlands"),
            ("risicobeoorde-", "ling"),
        ] {
            assert!(!split_hyphen_is_real(a, b), "{a}{b} loses its hyphen");
        }
    }

    #[test]
    fn normalising_is_idempotent_on_examples() {
        for s in [
            "a  b\n c-\nd",
            "x-\n-y",
            "Cafe\u{301} -\n  ",
            "—\n—",
            "a- \nb",
        ] {
            let once = normalize(s).text;
            assert_eq!(normalize(&once).text, once, "{s:?}");
        }
    }

    #[test]
    fn maps_back_to_the_input() {
        let input = "Yeşilgöz  zegt\n  dat";
        let n = normalize(input);
        assert_eq!(n.text, "Yeşilgöz zegt dat");
        let z = n.text.find("zegt").unwrap_or(0);
        assert_eq!(&input[n.original_offset(z)..][..4], "zegt");
    }
}
