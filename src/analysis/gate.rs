//! Which detectors a unit of text needs: cheap searches for the words
//! every finding needs, so most paragraphs are passed over unread.

use std::sync::OnceLock;

use super::index::Owner;
use super::refs;
use crate::tree::Role;

/// Which detectors a unit needs.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Gate {
    /// The anchor words of references in the unit: `motie`, `Kamerstuk`
    /// (`nummer` and `stuk` count only with `motie`).
    pub refs: refs::Hints,
    /// `ontra…`, `overgenomen`, `overnemen`, `neem`, `houden`, `oordeel`,
    /// `ontijdig`, `overbodig`, `ondersteuning`, `interpretatie`,
    /// `appreci…`, `Presidium` ([`advice_word`]).
    pub advice: bool,
    /// A vote names its motion: a unit with a reference anchor, in prose
    /// or a chair's speech.
    pub votes: bool,
}

impl Gate {
    /// The gate of a unit of `owner` with normalised text `text`. The
    /// anchors that stand apart from `motie` are looked for where they are
    /// written: `nummer [32317-857]` (a link) in documents that are no
    /// transcript, `op stuk nr. 305` in transcripts. The text is searched,
    /// not the input: a word split at a line end (`mo-` / `tie`) or written
    /// with emphasis is whole there.
    pub fn of(text: &str, owner: Owner, transcript: bool) -> Gate {
        let (votes_here, government) = match owner {
            Owner::Speech { role, .. } => (role == Role::Chair, role.is_government()),
            Owner::Prose => (true, false),
            Owner::MotionBody => (false, false),
        };
        let bytes = text.as_bytes();
        // Only the government's speeches are searched for the words of
        // advice; the chair's restatements name their motion, so their
        // paragraphs hold a reference anchor.
        let (motie, kamerstuk, advice) = if government {
            government_words(bytes)
        } else {
            static ANCHORS: OnceLock<[memchr::memmem::Finder<'static>; 2]> = OnceLock::new();
            let [otie, amerstuk] = ANCHORS.get_or_init(|| {
                [
                    memchr::memmem::Finder::new("otie"),
                    memchr::memmem::Finder::new("amerstuk"),
                ]
            });
            // A hint only: the references' search finds each anchor
            // again, so where `otie` is found the second search is left
            // to it.
            let motie = otie.find(bytes).is_some();
            (motie, motie || amerstuk.find(bytes).is_some(), false)
        };
        Gate {
            refs: refs::Hints {
                motie,
                kamerstuk,
                nummer: !transcript,
                stuk: transcript,
            },
            advice,
            votes: votes_here && (motie || kamerstuk),
        }
    }
}

/// `otie`, `amerstuk` and a word of advice ([`advice_word`]) in one
/// search of a government paragraph (three searches cost nearly twice
/// as much). The matches do not overlap, but none of the words can hide
/// another's start (the words of advice begin with `n`, `o`, `v`, `h`,
/// `p`, `r`, which stand in neither anchor but as the `o` of `otie`, and
/// `ordeel` is no `otie`) except `ntra` the `a` of `amerstuk`: that is
/// looked for after each `ntra`; `uitmotie` (of `spreekt-uitmotie`) holds
/// `otie` and counts as both.
fn government_words(bytes: &[u8]) -> (bool, bool, bool) {
    static WORDS: OnceLock<regex::bytes::Regex> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        regex::bytes::Regex::new("(?-u)uitmotie|otie|amerstuk|ntra|ordeel|vergenomen|vernemen|neem|houden|ntijdig|verbodig|ndersteuning|nterpretatie|ppreci|residium")
            .unwrap_or_else(|e| panic!("bad built-in regex: {e}"))
    });
    let (mut motie, mut kamerstuk, mut advice) = (false, false, false);
    for m in words.find_iter(bytes) {
        match m.as_bytes() {
            b"otie" => motie = true,
            b"uitmotie" => (motie, advice) = (true, true),
            b"amerstuk" => kamerstuk = true,
            word => {
                let start = m.start();
                if word == b"ntra" && bytes.get(m.end() - 1..m.end() + 7) == Some(&b"amerstuk"[..])
                {
                    kamerstuk = true;
                }
                advice = advice || advice_word(bytes, start, word);
            }
        }
        if motie && kamerstuk && advice {
            break;
        }
    }
    (motie, kamerstuk, advice)
}

/// Whether the hit `word` at byte `at` of `bytes` is a word of advice:
/// `ontijdig`, `overbodig`, `ondersteuning`, `interpretatie`,
/// `appreci…` and `Presidium` always, words opening with `ontra…`,
/// `oordeel` with `Kamer` in the next 80 bytes, `overgenomen`,
/// `overnemen`, `neem` before `ik`, `we` or `wij`, `aanhouden`, `houden`
/// after `aan te`. Line breaks count as spaces (the PDF layout wraps
/// anywhere), so the flag is exact enough to leave most of the
/// government's paragraphs unread.
pub(super) fn advice_word(bytes: &[u8], at: usize, word: &[u8]) -> bool {
    let prev = |i: usize| at.checked_sub(i).and_then(|k| bytes.get(k)).copied();
    let space = |b: &u8| b.is_ascii_whitespace();
    match word {
        b"ntra" | b"ordeel" | b"vergenomen" | b"vernemen" => {
            // The word starts with the `o` before the hit: `ontra…`,
            // `oordeel`, `overgenomen` (not `contract`, `beoordeeld`).
            if !matches!(prev(1), Some(b'o' | b'O'))
                || prev(2).is_some_and(|b| b.is_ascii_alphanumeric() || b >= 0x80)
            {
                return false;
            }
            if word != b"ordeel" {
                return true;
            }
            let window = bytes
                .get(at..(at + 80).min(bytes.len()))
                .unwrap_or_default();
            window.windows(4).any(|w| w == b"amer")
        }
        b"neem" => {
            let rest = bytes.get(at + 4..).unwrap_or_default();
            let skipped = rest.iter().take_while(|b| space(b)).count();
            let next = rest.get(skipped..).unwrap_or_default();
            skipped > 0
                && [&b"ik"[..], b"we", b"wij"].iter().any(|w| {
                    next.starts_with(w)
                        && next.get(w.len()).is_none_or(|b| !b.is_ascii_alphanumeric())
                })
        }
        b"houden" => {
            let before = bytes.get(..at).unwrap_or_default();
            if before.ends_with(b"aan") || before.ends_with(b"Aan") {
                return true;
            }
            // `aan te houden`, any whitespace between the words.
            let t = before.trim_ascii_end();
            let Some(t) = t.strip_suffix(b"te").filter(|_| t.len() < before.len()) else {
                return false;
            };
            let u = t.trim_ascii_end();
            u.len() < t.len()
                && u.len() >= 3
                && u.get(u.len() - 3..)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"aan"))
        }
        b"ntijdig" | b"verbodig" | b"ndersteuning" | b"nterpretatie" | b"ppreci" | b"residium" => {
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_search_of_government_words_as_three() {
        let three = |text: &str| {
            let b = text.as_bytes();
            let advice = regex::bytes::Regex::new(
                "ntra|ordeel|vergenomen|vernemen|neem|houden|ntijdig|verbodig|ndersteuning|nterpretatie|ppreci|residium",
            )
                .unwrap()
                .find_iter(b)
                .any(|m| advice_word(b, m.start(), m.as_bytes()));
            let spreekt_uit = text.contains("uitmotie");
            (
                text.contains("otie"),
                text.contains("amerstuk"),
                advice || spreekt_uit,
            )
        };
        for text in [
            "De motie ontraad ik.",
            "ontramerstuk",
            "Kamerstuk 36800, oordeel Kamer",
            "promotie, contract, neemt",
            "een spreekt-uitmotie",
            "is ontijdig; overbodig, Presidium",
            "",
        ] {
            assert_eq!(government_words(text.as_bytes()), three(text), "{text}");
        }
    }

    #[test]
    fn advice_words_in_the_input() {
        let yes = |text: &str, word: &str| {
            let at = text.find(word).unwrap();
            advice_word(text.as_bytes(), at, word.as_bytes())
        };
        assert!(yes("De motie ontraad ik.", "ntra"));
        assert!(!yes("een contract", "ntra"));
        assert!(yes("aan het oordeel van de\nKamer", "ordeel"));
        assert!(!yes("hoe beoordeelt u dat", "ordeel"));
        assert!(yes("Die neem ik\ngraag over.", "neem"));
        assert!(!yes("Dat neemt tijd.", "neem"));
        assert!(yes("de motie aan te\nhouden", "houden"));
        assert!(yes("kan ik mijn motie aanhouden", "houden"));
        assert!(!yes("rekening mee houden", "houden"));
        assert!(yes("Overgenomen.", "vergenomen"));
        assert!(!yes("wij vernemen graag", "vernemen"));
    }
}
