//! Which detectors a unit of text needs, read from the hits of its one
//! search ([`super::scan`]): most paragraphs hold none of the words, and
//! are passed over unread.

use super::index::Owner;
use super::refs;
use super::scan::{Hit, Word};
use crate::tree::Role;

/// Which detectors a unit needs.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Gate {
    /// The anchor words of references in the unit: `motie`, `Kamerstuk`
    /// (`nummer` and `stuk` count only with `motie`).
    pub refs: refs::Hints,
    /// `ontra…`, `overgenomen`, `overnemen`, `neem`, `houden`, `oordeel`,
    /// `ontijdig`, `overbodig`, `ondersteuning`, `interpretatie`,
    /// `appreci…`, `Presidium` ([`advice_word`]), `uitmotie`.
    pub advice: bool,
    /// A vote names its motion: a unit with a reference anchor, in prose
    /// or a chair's speech.
    pub votes: bool,
}

impl Gate {
    /// The gate of a unit of `owner` whose search found `hits` in its
    /// normalised text `text`. The anchors that stand apart from `motie`
    /// count where they are written: `nummer [32317-857]` (a link) in
    /// documents that are no transcript, `op stuk nr. 305` in transcripts.
    /// The text is searched, not the input: a word split at a line end
    /// (`mo-` / `tie`) or written with emphasis is whole there.
    pub fn of(text: &str, hits: &[Hit], owner: Owner, transcript: bool) -> Gate {
        let (votes_here, government) = match owner {
            Owner::Speech { role, .. } => (role == Role::Chair, role.is_government()),
            Owner::Prose => (true, false),
            Owner::MotionBody => (false, false),
        };
        let (mut motie, mut kamerstuk) = (false, false);
        for hit in hits {
            motie |= hit.word() == Word::Otie;
            kamerstuk |= hit.word() == Word::Amerstuk;
        }
        let kamerstuk = motie || kamerstuk;
        // Only the government's speeches are read for the words of advice;
        // the chair's restatements name their motion, so their paragraphs
        // hold a reference anchor.
        let advice = government && advice_words(text.as_bytes(), hits);
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

/// Whether `word` is one the government's paragraphs are read for.
fn government_word(word: Word) -> bool {
    matches!(
        word,
        Word::Otie
            | Word::Amerstuk
            | Word::Ntra
            | Word::Ordeel
            | Word::Vergenomen
            | Word::Vernemen
            | Word::Neem
            | Word::Houden
            | Word::Ntijdig
            | Word::Verbodig
            | Word::Ndersteuning
            | Word::Nterpretatie
            | Word::Ppreci
            | Word::Residium
    )
}

/// Whether a word of advice ([`advice_word`]) is among the words a
/// search for `uitmotie`, `otie`, `amerstuk` and the words of advice finds
/// in `bytes`, leftmost first and not overlapping (a word that starts
/// inside one found is not looked at: `houdentijdig` holds `houden`
/// only); `uitmotie` (of `spreekt-uitmotie`) counts.
fn advice_words(bytes: &[u8], hits: &[Hit]) -> bool {
    let mut end = 0;
    for hit in hits.iter().filter(|h| government_word(h.word())) {
        let uit = hit.word() == Word::Otie
            && hit
                .at()
                .checked_sub(4)
                .is_some_and(|s| s >= end && bytes.get(s..hit.at()) == Some(&b"uitm"[..]));
        if uit {
            return true;
        }
        if hit.at() < end {
            continue;
        }
        end = hit.end();
        if !matches!(hit.word(), Word::Otie | Word::Amerstuk)
            && advice_word(bytes, hit.at(), hit.word().needle().as_bytes())
        {
            return true;
        }
    }
    false
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

    /// The words of advice read from the hits as the one regex of
    /// `otie`, `amerstuk` and the words of advice read them.
    #[test]
    fn advice_words_as_one_regex() {
        let regex = |text: &str| {
            let b = text.as_bytes();
            regex::bytes::Regex::new(
                "(?-u)uitmotie|otie|amerstuk|ntra|ordeel|vergenomen|vernemen|neem|houden|ntijdig|verbodig|ndersteuning|nterpretatie|ppreci|residium",
            )
            .unwrap()
            .find_iter(b)
            .any(|m| m.as_bytes() == b"uitmotie" || advice_word(b, m.start(), m.as_bytes()))
        };
        let scanner = super::super::scan::Scanner::for_owner(Owner::Speech {
            node: crate::tree::NodeId::new(0),
            role: Role::Minister,
        });
        for text in [
            "De motie ontraad ik.",
            "ontramerstuk",
            "Kamerstuk 36800, oordeel Kamer",
            "promotie, contract, neemt",
            "een spreekt-uitmotie",
            "is ontijdig; overbodig, Presidium",
            "rekening houdentijdig",
            "vergenomentijdig uitmotie",
            "",
        ] {
            let mut hits = Vec::new();
            scanner.scan(text, &mut hits);
            assert_eq!(advice_words(text.as_bytes(), &hits), regex(text), "{text}");
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
