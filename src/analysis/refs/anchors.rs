//! Where references start: the anchor words of a unit (`motie`,
//! `Kamerstuk`, `nummer`, `op stuk`, `door het lid … ingediende motie`),
//! read from the hits of the unit's one search ([`super::super::scan`]).
//!
//! The anchors are given in order as the hits are read, not collected: a
//! paragraph may hold a reference every 21 bytes, and a list of them all
//! would be in memory beside the references found. Only the anchors that
//! a later one could still precede are held (a `door het lid` starts up to
//! 120 bytes before its `motie`).

use std::collections::VecDeque;

use super::super::floor_boundary;
use super::super::scan::{Hit, Word};
use super::Hints;

/// What an anchor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    /// `motie`, `Motie`, `moties`
    Motie,
    /// `Kamerstuk`, `Kamerstukken`
    Kamerstuk,
    /// `nummer`
    Nummer,
    /// `door het lid`, `door de leden`
    Door,
    /// `op stuk`, `op stukken`
    OpStuk,
}

/// Whether the byte is part of a word (non-ASCII bytes count: `é` is a
/// letter).
pub(super) fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// How far before its hit an anchor may start: `door het lid` up to 120
/// bytes (rounded down to a character) before the `m` of `motie`, one byte
/// before its hit `otie`.
const LOOKBACK: usize = 128;

/// The list an [`Anchors`] holds its found anchors in, kept from one unit
/// to the next (so that a unit costs no allocation of its own).
#[derive(Debug, Default)]
pub(in crate::analysis) struct Scratch(VecDeque<(usize, usize, Anchor)>);

/// The anchors of a unit's text, in order of their start: start, end,
/// kind.
pub(super) struct Anchors<'t, 'h, 's> {
    text: &'t str,
    hits: std::slice::Iter<'h, Hit>,
    hints: Hints,
    /// The unit speaks of motions (it has a `motie` anchor): only then do
    /// `nummer` and `op stuk` count.
    of_motions: bool,
    /// Found and not yet given, in order: a later hit's anchor may start
    /// before them.
    pending: &'s mut VecDeque<(usize, usize, Anchor)>,
}

impl<'t, 'h, 's> Anchors<'t, 'h, 's> {
    /// The anchors of `text` whose words `hints` lets count, from `hits`
    /// (in order, as the search gives them), held in `scratch` until given.
    pub(super) fn new(
        text: &'t str,
        hits: &'h [Hit],
        hints: Hints,
        scratch: &'s mut Scratch,
    ) -> Self {
        scratch.0.clear();
        let of_motions = hints.motie
            && hits
                .iter()
                .any(|h| h.word() == Word::Otie && motie_at(text, h.at()).is_some());
        Anchors {
            text,
            hits: hits.iter(),
            hints,
            of_motions,
            pending: &mut scratch.0,
        }
    }

    /// Holds `anchor` among those not yet given, in order.
    fn hold(&mut self, anchor: (usize, usize, Anchor)) {
        let at = self
            .pending
            .iter()
            .rposition(|p| p.0 <= anchor.0)
            .map_or(0, |i| i + 1);
        self.pending.insert(at, anchor);
    }

    /// Holds the anchors of `hit`.
    fn read(&mut self, hit: Hit) {
        let (text, i) = (self.text, hit.at());
        let b = text.as_bytes();
        let at = |i: usize| byte_at(b, i);
        match hit.word() {
            Word::Otie if self.hints.motie => {
                if let Some((start, end)) = motie_at(text, i) {
                    // `door het lid Van Ginneken c.s. ingediende motie`
                    if let Some(door) = door_before(text, start) {
                        self.hold((door, end, Anchor::Door));
                    }
                    self.hold((start, end, Anchor::Motie));
                }
            }
            Word::Amerstuk if self.hints.kamerstuk => {
                let Some(start) = i.checked_sub(1) else {
                    return;
                };
                let mut end = i + 8;
                if b.get(end..end + 3) == Some(b"ken") {
                    end += 3;
                }
                if at(start) == b'K' && starts_word(b, start) && !word_byte(at(end)) {
                    self.hold((start, end, Anchor::Kamerstuk));
                }
            }
            Word::Nummer
                if self.hints.nummer
                    && self.of_motions
                    && starts_word(b, i)
                    && !word_byte(at(i + 6)) =>
            {
                self.hold((i, i + 6, Anchor::Nummer));
            }
            Word::OpStuk if self.hints.stuk && self.of_motions && starts_word(b, i) => {
                self.hold((i, i + 7, Anchor::OpStuk));
            }
            _ => {}
        }
    }
}

impl Iterator for Anchors<'_, '_, '_> {
    type Item = (usize, usize, Anchor);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(first) = self.pending.front() {
                // No anchor of a later hit can start before it.
                let settled = self
                    .hits
                    .as_slice()
                    .first()
                    .is_none_or(|h| first.0.saturating_add(LOOKBACK) < h.at());
                if settled {
                    return self.pending.pop_front();
                }
            }
            let hit = *self.hits.next()?;
            self.read(hit);
        }
    }
}

/// The anchor `motie` or `moties` of the hit `otie` at byte `i`: where it
/// starts and ends, when it is a word of its own.
fn motie_at(text: &str, i: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let start = i.checked_sub(1)?;
    let mut end = i + 4;
    if byte_at(b, end) == b's' {
        end += 1;
    }
    let word = matches!(byte_at(b, start), b'm' | b'M') && starts_word(b, start);
    (word && !word_byte(byte_at(b, end))).then_some((start, end))
}

/// The byte at `i`, a space past the end.
fn byte_at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(b' ')
}

/// A word boundary before byte `i`.
fn starts_word(b: &[u8], i: usize) -> bool {
    i == 0 || !word_byte(byte_at(b, i - 1))
}

/// Where `door het lid` or `door de leden` starts, when the motion at
/// `motie` is `… door het lid Van Ginneken c.s. ingediende motie`.
fn door_before(text: &str, motie: usize) -> Option<usize> {
    let before = text.get(..motie)?;
    if !(before.ends_with("ingediende ") || before.ends_with("voorgestelde ")) {
        return None;
    }
    let window = before.get(floor_boundary(before, motie.saturating_sub(120)).min(motie)..)?;
    let offset = motie - window.len();
    ["door het lid ", "door de leden "]
        .iter()
        .filter_map(|d| window.rfind(d))
        .max()
        .map(|i| offset + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, Anchor)> {
        let hits = super::super::hits(text);
        Anchors::new(text, &hits, Hints::ALL, &mut Scratch::default())
            .map(|(s, e, a)| (text.get(s..e).unwrap_or("?"), a))
            .collect()
    }

    /// A `door het lid` is given before the anchors between it and its
    /// `motie`, though its hit comes after theirs.
    #[test]
    fn in_order_of_start() {
        let text =
            "Kamerstuk 1, nummer 2, de door het lid Van Raan op stuk nr. 3 ingediende motie.";
        assert_eq!(
            kinds(text),
            [
                ("Kamerstuk", Anchor::Kamerstuk),
                ("nummer", Anchor::Nummer),
                (
                    "door het lid Van Raan op stuk nr. 3 ingediende motie",
                    Anchor::Door
                ),
                ("op stuk", Anchor::OpStuk),
                ("motie", Anchor::Motie),
            ]
        );
    }

    /// `nummer` and `op stuk` count only where a `motie` is, wherever it is.
    #[test]
    fn numbers_only_beside_motions() {
        assert_eq!(kinds("nummer 2 op stuk 3"), []);
        let far = format!("nummer 2 {} Moties", "x ".repeat(200));
        assert_eq!(
            kinds(&far),
            [("nummer", Anchor::Nummer), ("Moties", Anchor::Motie)]
        );
        // Not words of their own.
        assert_eq!(kinds("promotie Kamerstukkenlijst emotie"), []);
    }
}
