//! One search per unit for every word a finding starts from.
//!
//! Each detector of the layer starts from a few words: references from
//! `motie` and `Kamerstuk`, votes from `aangenomen` and `verworpen`, advice
//! from the rarest word of each phrase (`ontra…`, `houden`, `Presidium` …),
//! the chair's events from `stemmen`, `heropen` … A unit of text is
//! searched once for all the words its owner's detectors need
//! ([`Scanner::for_owner`]: a member's paragraph only for the anchors of
//! references, the government's for the words of advice besides), with a
//! packed multi-word searcher (Teddy, the SIMD prefilter of `regex`); the
//! detectors then read the text only around the hits, and a unit without
//! hits is passed over after that one search.
//!
//! The hits are every occurrence of every word, overlapping ones included
//! (no word is a prefix of another, so at most one word starts at a
//! position), in order: a detector sees exactly the occurrences a search
//! of its own words would find.
//!
//! A phrase that starts before the word it is found by (`met de volgende
//! interpretatie` by `nterpretatie`) is a [`Phrase`]: its word, how far
//! before the word it may start, and an anchored regex; [`phrases`] finds
//! them as one regex of all of them would, leftmost first and not
//! overlapping, reading only where a word was found.

use std::sync::OnceLock;

use aho_corasick::packed;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind};
use regex::Regex;

use super::index::Owner;
use crate::tree::Role;

/// A word searched for, by what a detector makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub(super) enum Word {
    /// `otie`: `motie`, `Motie`, `moties`.
    Otie,
    /// `amerstuk`: `Kamerstuk`, `Kamerstukken`.
    Amerstuk,
    /// `nummer` (a reference outside transcripts: `nummer [32317-857]`).
    Nummer,
    /// `op stuk` (a reference in transcripts: `op stuk nr. 305`).
    OpStuk,
    /// `aangenomen`, `verworpen`: outcomes of votes.
    Aangenomen,
    Verworpen,
    /// Words of advice ([`super::gate::advice_word`] and the phrases of
    /// [`super::advice`]).
    Ntra,
    Ordeel,
    Vergenomen,
    Vernemen,
    /// `neem` (`neem ik … over`); [`Word::NeemCapital`] is `Neem`.
    Neem,
    NeemCapital,
    Houden,
    Ntijdig,
    Verbodig,
    Ndersteuning,
    Nterpretatie,
    Ppreci,
    Residium,
    /// `preekt` (`spreekt-uitmotie`).
    Preekt,
    /// The chair's words: `temm` (`Stemmen`, `stemming`), `heropen`,
    /// `hervatten`, `de vergadering`, `deelgenomen`.
    Temm,
    Heropen,
    Hervatten,
    DeVergadering,
    Deelgenomen,
}

impl Word {
    /// The bytes searched for.
    pub(super) fn needle(self) -> &'static str {
        match self {
            Word::Otie => "otie",
            Word::Amerstuk => "amerstuk",
            Word::Nummer => "nummer",
            Word::OpStuk => "op stuk",
            Word::Aangenomen => "aangenomen",
            Word::Verworpen => "verworpen",
            Word::Ntra => "ntra",
            Word::Ordeel => "ordeel",
            Word::Vergenomen => "vergenomen",
            Word::Vernemen => "vernemen",
            Word::Neem => "neem",
            Word::NeemCapital => "Neem",
            Word::Houden => "houden",
            Word::Ntijdig => "ntijdig",
            Word::Verbodig => "verbodig",
            Word::Ndersteuning => "ndersteuning",
            Word::Nterpretatie => "nterpretatie",
            Word::Ppreci => "ppreci",
            Word::Residium => "residium",
            Word::Preekt => "preekt",
            Word::Temm => "temm",
            Word::Heropen => "heropen",
            Word::Hervatten => "hervatten",
            Word::DeVergadering => "de vergadering",
            Word::Deelgenomen => "deelgenomen",
        }
    }
}

/// Every word, in the order of its discriminant, by what needs it.
const WORDS: [Word; 25] = [
    // The anchors of references: every unit is searched for them.
    Word::Otie,
    Word::Amerstuk,
    Word::Nummer,
    Word::OpStuk,
    // The outcomes of votes (prose and the chair).
    Word::Aangenomen,
    Word::Verworpen,
    // The words of advice (the government and the chair).
    Word::Ntra,
    Word::Ordeel,
    Word::Vergenomen,
    Word::Vernemen,
    Word::Neem,
    Word::NeemCapital,
    Word::Houden,
    Word::Ntijdig,
    Word::Verbodig,
    Word::Ndersteuning,
    Word::Nterpretatie,
    Word::Ppreci,
    Word::Residium,
    Word::Preekt,
    // The chair's events and counts.
    Word::Temm,
    Word::Heropen,
    Word::Hervatten,
    Word::DeVergadering,
    Word::Deelgenomen,
];

/// The words `from..to` of [`WORDS`].
const fn words(from: usize, to: usize) -> &'static [Word] {
    WORDS.split_at(to).0.split_at(from).1
}

const REFERENCES: &[Word] = words(0, 4);
const VOTES: &[Word] = words(4, 6);
const ADVICE: &[Word] = words(6, 20);
const CHAIR: &[Word] = words(20, 25);

/// A word found: where it starts in the unit's text, and which, in eight
/// bytes (a unit may hold a hit every few bytes: `ontraden ontraden …`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit(u64);

impl Hit {
    pub(super) fn new(at: usize, word: Word) -> Hit {
        // A position of 2^56 bytes or more is past any text in memory.
        let at = u64::try_from(at).unwrap_or(u64::MAX) & (u64::MAX >> 8);
        Hit(at << 8 | u64::from(word as u8))
    }

    /// Where the word starts.
    pub(super) fn at(self) -> usize {
        usize::try_from(self.0 >> 8).unwrap_or(usize::MAX)
    }

    /// Which word.
    pub(super) fn word(self) -> Word {
        WORDS
            .get(usize::from(self.0 as u8))
            .copied()
            .unwrap_or(Word::Otie)
    }

    /// Where the word ends.
    pub(super) fn end(self) -> usize {
        self.at() + self.word().needle().len()
    }
}

impl std::fmt::Debug for Hit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}@{}", self.word(), self.at())
    }
}

/// A search for a set of words: the packed searcher where the CPU has one
/// (x86-64 with SSSE3, aarch64), an Aho-Corasick automaton elsewhere.
pub(super) struct Scanner {
    words: Vec<Word>,
    packed: Option<packed::Searcher>,
    automaton: Option<AhoCorasick>,
}

impl Scanner {
    fn new(sets: &[&[Word]], packed: bool) -> Scanner {
        let words: Vec<Word> = sets.iter().flat_map(|s| s.iter().copied()).collect();
        let needles = words.iter().map(|w| w.needle());
        let searcher = packed
            .then(|| {
                packed::Config::new()
                    .match_kind(packed::MatchKind::LeftmostFirst)
                    .builder()
                    .extend(needles.clone())
                    .build()
            })
            .flatten();
        let automaton = match searcher {
            Some(_) => None,
            None => AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostFirst)
                .build(needles)
                .ok(),
        };
        Scanner {
            words,
            packed: searcher,
            automaton,
        }
    }

    /// The scanner for the units of `owner`: the anchors of references
    /// everywhere, the outcomes of votes in prose and the chair's
    /// speeches, the words of advice in the government's and the chair's,
    /// the chair's events in the chair's.
    pub(super) fn for_owner(owner: Owner) -> &'static Scanner {
        static SCANNERS: OnceLock<[Scanner; 4]> = OnceLock::new();
        let [references, prose, government, chair] = SCANNERS.get_or_init(|| {
            [
                Scanner::new(&[REFERENCES], true),
                Scanner::new(&[REFERENCES, VOTES], true),
                Scanner::new(&[REFERENCES, ADVICE], true),
                Scanner::new(&[REFERENCES, VOTES, ADVICE, CHAIR], true),
            ]
        });
        match owner {
            Owner::Prose => prose,
            Owner::MotionBody => references,
            Owner::Speech {
                role: Role::Chair, ..
            } => chair,
            Owner::Speech { role, .. } if role.is_government() => government,
            Owner::Speech { .. } => references,
        }
    }

    /// The first word at or after `from` in `text`: where, and which.
    fn next(&self, text: &[u8], from: usize) -> Option<Hit> {
        if from >= text.len() {
            return None;
        }
        let (at, pattern) = match (&self.packed, &self.automaton) {
            (Some(p), _) => {
                let m = p.find_in(text, aho_corasick::Span::from(from..text.len()))?;
                (m.start(), m.pattern().as_usize())
            }
            (None, Some(a)) => {
                let input = Input::new(text).span(from..text.len());
                let m = a.find(input.anchored(Anchored::No))?;
                (m.start(), m.pattern().as_usize())
            }
            (None, None) => return None,
        };
        let word = *self.words.get(pattern)?;
        Some(Hit::new(at, word))
    }

    /// Every occurrence of the scanner's words in `text`, in order, into
    /// `out` (cleared first).
    pub(super) fn scan(&self, text: &str, out: &mut Vec<Hit>) {
        out.clear();
        let bytes = text.as_bytes();
        let mut from = 0;
        while let Some(hit) = self.next(bytes, from) {
            super::grow(out).push(hit);
            // The next search starts one byte on: a word that starts inside
            // this one is found too.
            from = hit.at() + 1;
        }
    }
}

/// Whether the byte is an ASCII word character (`(?-u:\b)` looks at these).
pub(super) fn ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// An ASCII word boundary (`(?-u:\b)`) at byte `i` of `bytes`.
pub(super) fn boundary(bytes: &[u8], i: usize) -> bool {
    let before = i
        .checked_sub(1)
        .and_then(|k| bytes.get(k))
        .is_some_and(|&b| ascii_word(b));
    let after = bytes.get(i).is_some_and(|&b| ascii_word(b));
    before != after
}

/// A phrase found from a word: it starts `back` bytes before a hit of one
/// of `words` (each of `back` is tried), and reads as `regex` (anchored at
/// its start with `^`, and opening with an ASCII letter: the word boundary
/// before it is checked here, where the text before is seen).
pub(super) struct Phrase<T: 'static> {
    pub words: &'static [Word],
    pub back: &'static [usize],
    pub regex: &'static str,
    /// What the phrase records.
    pub what: T,
}

/// A table of [`Phrase`]s made ready to search: each regex compiled, and
/// for each word the phrases it finds and how far back each starts.
pub(super) struct Compiled {
    regexes: Vec<Regex>,
    /// By [`Word`] (as `usize`): `(phrase, back)`.
    by_word: Vec<Vec<(usize, usize)>>,
}

impl Compiled {
    fn new<T>(table: &[Phrase<T>]) -> Compiled {
        let mut by_word: Vec<Vec<(usize, usize)>> = Vec::new();
        for (k, phrase) in table.iter().enumerate() {
            for &word in phrase.words {
                let w = word as usize;
                if by_word.len() <= w {
                    by_word.resize_with(w + 1, Vec::new);
                }
                if let Some(list) = by_word.get_mut(w) {
                    list.extend(phrase.back.iter().map(|&back| (k, back)));
                }
            }
        }
        Compiled {
            regexes: table
                .iter()
                .map(|p| Regex::new(p.regex).unwrap_or_else(|e| panic!("bad built-in regex: {e}")))
                .collect(),
            by_word,
        }
    }
}

/// The phrases of `table` (made ready in `cell` on first use) in `text`,
/// found from `hits` as one regex of all of them would find them (leftmost
/// first, not overlapping): start, end and the phrase's entry. No two
/// phrases of the table may match at one start (each table says why its
/// phrases cannot).
///
/// The places a phrase may start are taken from the hits as they come and
/// tried in order: a hit's places lie at most the table's longest `back`
/// before it, so only those of the last few hits are held at once.
pub(super) fn phrases<'t, T>(
    text: &'t str,
    hits: &'t [Hit],
    table: &'static [Phrase<T>],
    cell: &'static OnceLock<Compiled>,
) -> Phrases<'t, T> {
    let compiled = cell.get_or_init(|| Compiled::new(table));
    Phrases {
        text,
        hits: hits.iter(),
        table,
        compiled,
        reach: table
            .iter()
            .flat_map(|p| p.back.iter().copied())
            .max()
            .unwrap_or(0),
        places: std::collections::BinaryHeap::new(),
        last: None,
        end: 0,
    }
}

/// The phrases of a table in a unit ([`phrases`]).
pub(super) struct Phrases<'t, T: 'static> {
    text: &'t str,
    hits: std::slice::Iter<'t, Hit>,
    table: &'static [Phrase<T>],
    compiled: &'static Compiled,
    /// The longest `back` of the table.
    reach: usize,
    /// Places not tried yet: `(start, phrase)`, least first.
    places: std::collections::BinaryHeap<std::cmp::Reverse<(usize, usize)>>,
    /// The place tried last (a place two hits give is tried once).
    last: Option<(usize, usize)>,
    /// Where the last phrase found ends.
    end: usize,
}

impl<T> Phrases<'_, T> {
    /// The next place to try, in order.
    fn next_place(&mut self) -> Option<(usize, usize)> {
        loop {
            let next_hit = self.hits.as_slice().first().copied();
            let ready = match (self.places.peek(), next_hit) {
                // No hit to come can give a place before this one.
                (Some(std::cmp::Reverse((start, _))), Some(hit)) => start + self.reach < hit.at(),
                (Some(_), None) => true,
                (None, None) => return None,
                (None, Some(_)) => false,
            };
            if ready {
                return self.places.pop().map(|std::cmp::Reverse(p)| p);
            }
            let Some(hit) = self.hits.next() else {
                continue;
            };
            let by_word = self.compiled.by_word.get(hit.word() as usize);
            for &(k, back) in by_word.into_iter().flatten() {
                if let Some(start) = hit.at().checked_sub(back) {
                    self.places.push(std::cmp::Reverse((start, k)));
                }
            }
        }
    }
}

impl<T> Iterator for Phrases<'_, T> {
    type Item = (usize, usize, &'static Phrase<T>);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        while let Some((start, k)) = self.next_place() {
            if self.last.replace((start, k)) == Some((start, k))
                || start < self.end
                || !boundary(bytes, start)
            {
                continue;
            }
            let (Some(phrase), Some(regex), Some(rest)) = (
                self.table.get(k),
                self.compiled.regexes.get(k),
                self.text.get(start..),
            ) else {
                continue;
            };
            if let Some(m) = regex.find(rest) {
                self.end = start + m.end();
                return Some((start, self.end, phrase));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: &[&[Word]] = &[REFERENCES, VOTES, ADVICE, CHAIR];

    #[test]
    fn words_in_order() {
        assert_eq!(ALL.concat(), WORDS);
        for (i, w) in WORDS.iter().enumerate() {
            assert_eq!(*w as usize, i);
            assert_eq!(Hit::new(123_456_789, *w).word(), *w);
            assert_eq!(Hit::new(123_456_789, *w).at(), 123_456_789);
        }
    }

    #[test]
    fn no_word_is_a_prefix_of_another() {
        let words: Vec<Word> = ALL.iter().flat_map(|s| s.iter().copied()).collect();
        for a in &words {
            for b in &words {
                if a != b {
                    assert!(!b.needle().starts_with(a.needle()), "{a:?} {b:?}");
                }
            }
        }
    }

    /// Every occurrence of every word, as a search for each word alone
    /// finds them, with the packed searcher and with the automaton.
    #[test]
    fn hits_are_every_occurrence() {
        let texts = [
            "De motie-Van Raan op stuk nr. 5 (Kamerstuk 36800) ontraad ik; houdentijdig.",
            "otieotie amerstukamerstuk nummernummer op stukop stuk Neemneem",
            "stemmingen, heropen de vergadering, hervatten; 147 leden deelgenomen",
            "ontramerstuk uitmotie spreekt-uitmotie appreciëren Presidium é",
            "",
            "ot",
        ];
        for packed in [true, false] {
            let scanner = Scanner::new(ALL, packed);
            assert!(scanner.packed.is_some() != scanner.automaton.is_some());
            for text in texts {
                let mut hits = Vec::new();
                scanner.scan(text, &mut hits);
                let mut expected = Vec::new();
                for &word in &scanner.words {
                    let finder = memchr::memmem::Finder::new(word.needle());
                    expected.extend(
                        finder
                            .find_iter(text.as_bytes())
                            .map(|at| Hit::new(at, word)),
                    );
                }
                expected.sort_by_key(|h| h.at());
                assert_eq!(hits, expected, "{text:?} (packed: {packed})");
            }
        }
    }
}
