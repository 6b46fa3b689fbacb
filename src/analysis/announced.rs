//! Motions announced or considered, not filed: `Ik zal daar een motie over
//! indienen.`, `Ik kondig een motie aan.`, `Ik overweeg een motie.`
//!
//! A sentence of a speaker's own paragraph (not the chair's, not a motion's
//! body) that names a motion with an article or a number (`een motie`,
//! `twee moties`), says it in the first person (`ik`, `wij`, `we`) and is
//! no negation (`geen motie`):
//! - considered when it hesitates: `overweeg`, `denk erover`, `denk na
//!   over`, `wellicht`, `misschien`, `mogelijk`, `beraad`, `achter de
//!   hand`, `sluit … niet uit`;
//! - announced when it looks ahead: `zal`, `zullen`, `ga`, `gaan` with
//!   `indienen` or `voorleggen`; `kondig … aan`, `aankondigen`; `kom` /
//!   `komen met een motie`; `dien … in` with a time to come (`in de tweede
//!   termijn`, `straks`, `later`, `morgen`, `volgende week`).
//!
//! The parts of a sentence between `, maar ` and `; ` are read apart (`…,
//! maar ik zal geen motie indienen over …` denies only its own part).
//! `Ik dien de volgende motie in.` files the motion read after it: it is
//! neither. Each sentence is read once, so a paragraph costs its length.

use std::sync::OnceLock;

use regex::Regex;

use super::re;
use super::scan::{Hit, Word};
use super::sentences::sentence_at;
use super::AnnouncementKind;

/// What the sentence `sentence` says of a motion, if it announces or
/// considers one.
fn kind_of(sentence: &str) -> Option<AnnouncementKind> {
    if sentence.len() > 2_000 {
        return None;
    }
    let lower = sentence.to_lowercase();
    static MOTION: OnceLock<Regex> = OnceLock::new();
    static NOT: OnceLock<Regex> = OnceLock::new();
    static FIRST_PERSON: OnceLock<Regex> = OnceLock::new();
    static CONSIDERED: OnceLock<Regex> = OnceLock::new();
    static ANNOUNCED: OnceLock<Regex> = OnceLock::new();
    let named = re(
        &MOTION,
        r"\b(?:een(?: \w+)?|twee|drie|vier|enkele|meerdere|een paar|een aantal) moties?\b",
    );
    if !named.is_match(&lower)
        || re(&NOT, r"\bgeen(?: \w+)? moties?\b").is_match(&lower)
        || !re(&FIRST_PERSON, r"\b(?:ik|wij|we)\b").is_match(&lower)
    {
        return None;
    }
    let considered = re(
        &CONSIDERED,
        r"\b(?:overweeg|overwegen|denk erover|denken erover|denk na over|denken na over|wellicht|misschien|mogelijk|beraad|beraden|achter de hand)\b|\bsluit\b.*\bniet uit\b",
    );
    if considered.is_match(&lower) {
        return Some(AnnouncementKind::Considered);
    }
    let announced = re(
        &ANNOUNCED,
        r"\b(?:zal|zullen|ga|gaan)\b.*\b(?:indienen|voorleggen)\b|\bkondig(?:en)?\b.*\baan\b|\baankondigen\b|\b(?:kom|komen)\b.*\bmet (?:een(?: \w+)?|twee|drie) moties?\b|\b(?:tweede termijn|straks|later|morgen|volgende week)\b.*\b(?:dien|dienen)\b.*\bin\b|\b(?:dien|dienen)\b.*\bin\b.*\b(?:tweede termijn|straks|later|morgen|volgende week)\b",
    );
    announced
        .is_match(&lower)
        .then_some(AnnouncementKind::Announced)
}

/// Whether the `m` or `M` at byte `i` of `bytes` may begin a motion
/// named as [`kind_of`] asks (`een motie`, `een paar moties`, `twee
/// moties`): a cheap test before a sentence is lowercased and read. It
/// holds wherever `kind_of`'s regex matches: `motie` in any ASCII case (no
/// other letter lowercases to these in NFC text) after a space, with a
/// word before ending in `een`, `twee`, `drie`, `vier`, `enkele` or
/// `meerdere`, or one word between it and a word ending in `een`.
fn may_name_at(bytes: &[u8], i: usize) -> bool {
    const COUNTS: &[&[u8]] = &[b"een", b"twee", b"drie", b"vier", b"enkele", b"meerdere"];
    let ends_with = |word: &[u8], end: &[u8]| {
        word.len() >= end.len()
            && word
                .get(word.len() - end.len()..)
                .is_some_and(|w| w.eq_ignore_ascii_case(end))
    };
    // The word before byte `end` (the space at `end` left out).
    let word_before = |end: usize| {
        let head = bytes.get(..end).unwrap_or_default();
        let start = memchr::memrchr(b' ', head).map_or(0, |i| i + 1);
        (start, head.get(start..).unwrap_or_default())
    };
    let motie = bytes
        .get(i..i + 5)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"motie"));
    if !motie || i == 0 || bytes.get(i - 1) != Some(&b' ') {
        return false;
    }
    let (start, w1) = word_before(i - 1);
    if COUNTS.iter().any(|c| ends_with(w1, c)) {
        return true;
    }
    start > 0
        && !w1.is_empty()
        && bytes.get(start - 1) == Some(&b' ')
        && ends_with(word_before(start - 1).1, b"een")
}

/// Whether `part` may name a motion ([`may_name_at`] at one of its `m`s).
fn may_name_a_motion(part: &str) -> bool {
    let bytes = part.as_bytes();
    memchr::memchr2_iter(b'm', b'M', bytes).any(|i| may_name_at(bytes, i))
}

/// The sentences of a unit with text `text` that announce or consider a
/// motion: their byte ranges and what they say. Read are the sentences
/// where a hit of `otie` (of the unit's search) may name a motion
/// ([`may_name_at`]: `een motie`, `twee moties`), each once; in those, a
/// motion named in capitals counts too.
pub(super) fn find(text: &str, hits: &[Hit]) -> Vec<((usize, usize), AnnouncementKind)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut read_to = 0;
    for at in hits
        .iter()
        .filter(|h| h.word() == Word::Otie)
        .map(|h| h.at())
    {
        let Some(m) = at.checked_sub(1) else {
            continue;
        };
        if at < read_to || !may_name_at(bytes, m) {
            continue;
        }
        let (a, b) = sentence_at(text, at);
        read_to = b.max(at + 1);
        // Each part of the sentence on its own (`Misschien dien ik een
        // motie in, maar ik zal geen motie indienen over …`), found in one
        // scan of the sentence.
        let sentence = text.get(a..b).unwrap_or("");
        let cuts = memchr::memchr2_iter(b',', b';', sentence.as_bytes()).filter_map(|i| {
            let rest = sentence.get(i..)?;
            let skip = if rest.starts_with(", maar ") {
                ", maar ".len()
            } else if rest.starts_with("; ") {
                2
            } else {
                return None;
            };
            Some((i, i + skip))
        });
        let mut from = 0;
        for (end, next) in cuts.chain(std::iter::once((sentence.len(), sentence.len()))) {
            let part = sentence.get(from..end).unwrap_or("");
            if may_name_a_motion(part) {
                if let Some(kind) = kind_of(part) {
                    out.push(((a + from, a + end), kind));
                }
            }
            from = next;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use AnnouncementKind::*;

    /// The cheap test holds wherever the regex of a motion named does.
    #[test]
    fn may_name_a_motion_before_the_regex() {
        let named = regex::Regex::new(
            r"\b(?:een(?: \w+)?|twee|drie|vier|enkele|meerdere|een paar|een aantal) moties?\b",
        )
        .unwrap();
        let words = [
            "een",
            "Een",
            "EEN",
            "geen",
            "twee",
            "Drie",
            "vier",
            "enkele",
            "meerdere",
            "paar",
            "aantal",
            "motie",
            "Moties",
            "MOTIE",
            "motie-Van",
            "é",
            "-een",
            "ik",
            "zal",
            ",",
        ];
        for a in words {
            for b in words {
                for c in words {
                    for text in [
                        format!("{a} {b} {c}"),
                        format!("{a} {b}{c}"),
                        format!("{a}{b} {c}"),
                    ] {
                        if named.is_match(&text.to_lowercase()) {
                            assert!(may_name_a_motion(&text), "{text}");
                        }
                    }
                }
            }
        }
        assert!(!may_name_a_motion("De motie van de heer Slootweg."));
    }

    #[test]
    fn announced_and_considered() {
        let k = |s: &str| kind_of(s);
        assert_eq!(k("Ik zal daar een motie over indienen."), Some(Announced));
        assert_eq!(k("Ik kondig een motie aan."), Some(Announced));
        assert_eq!(
            k("In de tweede termijn dien ik een motie in."),
            Some(Announced)
        );
        assert_eq!(k("Wij komen met twee moties."), Some(Announced));
        assert_eq!(k("Ik overweeg een motie."), Some(Considered));
        assert_eq!(k("Misschien dien ik een motie in."), Some(Considered));
        assert_eq!(k("Ik dien de volgende motie in."), None);
        assert_eq!(k("Ik zal geen motie indienen."), None);
        assert_eq!(k("Gaat de minister een motie indienen?"), None);
        assert_eq!(
            k("Onze motie van vorig jaar verzoekt de regering iets."),
            None
        );
    }
}
