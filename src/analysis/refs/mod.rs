//! Motion references in running text.
//!
//! A reference starts at an anchor word (`motie`, `moties`, `Kamerstuk`,
//! `nummer`, `op stuk`, `door het lid … ingediende motie`), found by the
//! unit's one search ([`super::scan`]), and small parsers read what
//! follows it: a submitter (`-Van Raan`, ` van de heer Slootweg`, ` Van
//! Ginneken c.s.`), a number (`32317-858`, ` op stuk nr. 1009`, ` (26 643,
//! nr. 1011)`), or both.
//! The numeric forms are nom parsers ([`numbers`]); the names are read word
//! by word ([`names`]: capitalised words, with lowercase particles such as
//! `van der` only between them); [`mod@motie`] reads what follows the anchor
//! `motie`.
//!
//! Nothing here guesses an id: a dossier and number printed together give
//! one; a bare number or a submitter does not (the caller may look a bare
//! number up among the motions of the document).

mod anchors;
mod motie;
mod names;
mod numbers;

use super::scan::Hit;
pub(super) use anchors::Scratch;
use anchors::{Anchor, Anchors};
use motie::{motie, Words};
use names::door_het_lid;
use numbers::{kamerstuk, nummer, op_stuk};

/// A reference found in the normalised text of a unit, before it is
/// located in the input: what it prints, as slices of that text (no
/// allocation per reference: a paragraph may hold thousands).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct RawRef<'t> {
    /// Byte range in the normalised text.
    pub start: usize,
    pub end: usize,
    /// The (first) submitter named.
    pub submitter: Option<&'t str>,
    pub cum_suis: bool,
    /// The dossier printed with the number(s) (`26 643`, `21501-08`; see
    /// [`RawRef::dossier`]).
    pub dossier: Option<&'t str>,
    /// The numbers as printed (`1009`, `1009 en 1010`), empty when none
    /// ([`RawRef::numbers`]).
    pub numbers: &'t str,
    /// `de eerste motie` … `de laatste motie`: a pointer into the motions of
    /// the debate, for advice only (never recorded as a reference).
    pub ordinal: Option<Ordinal>,
}

impl<'t> RawRef<'t> {
    /// The dossier, normalised (`26 643` → `26643`).
    pub(super) fn dossier(&self) -> Option<std::borrow::Cow<'t, str>> {
        self.dossier.map(numbers::normal)
    }

    /// The numbers printed (`1009`; `1009`, `1010` for `nrs. 1009 en
    /// 1010`), in order.
    pub(super) fn numbers(&self) -> impl Iterator<Item = &'t str> + Clone {
        self.numbers
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
    }

    /// Whether it prints a number.
    pub(super) fn has_numbers(&self) -> bool {
        !self.numbers.is_empty()
    }
}

/// A [`RawRef`] as the unit's list keeps it: its start, then its end and
/// the pieces it prints as offsets from that start (40 bytes, not 72: a
/// paragraph may hold a reference every 20 bytes, and the list lives
/// while the unit is read). [`PackedRef::get`] gives the [`RawRef`] back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PackedRef {
    start: usize,
    end: u32,
    submitter: Piece,
    dossier: Piece,
    numbers: Piece,
    cum_suis: bool,
    ordinal: Option<Ordinal>,
}

/// A slice of a reference's text: its offset from the reference's start
/// and its length; `len == u32::MAX` is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    at: u32,
    len: u32,
}

impl Piece {
    pub(crate) const NONE: Piece = Piece {
        at: 0,
        len: u32::MAX,
    };

    /// `part`, a slice of `text` at or after byte `start`, as a piece;
    /// none when it is not such a slice (never for what the readers of
    /// this module return) or longer than 4 GiB.
    pub(crate) fn of(text: &str, start: usize, part: Option<&str>) -> Piece {
        let Some(part) = part else {
            return Piece::NONE;
        };
        let offset = (part.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
        let inside = offset
            .checked_add(part.len())
            .is_some_and(|e| e <= text.len());
        match (
            inside.then(|| offset.checked_sub(start)).flatten(),
            u32::try_from(part.len()),
        ) {
            (Some(at), Ok(len)) if len < u32::MAX => match u32::try_from(at) {
                Ok(at) => Piece { at, len },
                Err(_) => Piece::NONE,
            },
            _ => Piece::NONE,
        }
    }

    /// The slice of `text` it is, for a reference starting at `start`.
    pub(crate) fn get(self, text: &str, start: usize) -> Option<&str> {
        if self.len == u32::MAX {
            return None;
        }
        let at = start.checked_add(usize::try_from(self.at).ok()?)?;
        text.get(at..at.checked_add(usize::try_from(self.len).ok()?)?)
    }
}

impl PackedRef {
    /// `r`, found in `text`.
    fn new(text: &str, r: &RawRef<'_>) -> PackedRef {
        let piece = |part| Piece::of(text, r.start, part);
        PackedRef {
            start: r.start,
            end: u32::try_from(r.end.saturating_sub(r.start)).unwrap_or(u32::MAX),
            submitter: piece(r.submitter),
            dossier: piece(r.dossier),
            numbers: piece(Some(r.numbers)),
            cum_suis: r.cum_suis,
            ordinal: r.ordinal,
        }
    }

    /// Where it starts in the unit's text.
    pub(super) fn start(&self) -> usize {
        self.start
    }

    /// Where it ends in the unit's text.
    pub(super) fn end(&self) -> usize {
        self.start.saturating_add(self.end as usize)
    }

    /// Its submitter, as a piece of its own text (see [`PackedRef::start`]).
    pub(super) fn submitter(&self) -> Piece {
        self.submitter
    }

    /// Whether it is `de eerste motie` … (never recorded as a reference).
    pub(super) fn is_ordinal(&self) -> bool {
        self.ordinal.is_some()
    }

    /// The reference, read from `text`, the unit's text it was found in.
    pub(super) fn get<'t>(&self, text: &'t str) -> RawRef<'t> {
        RawRef {
            start: self.start(),
            end: self.end(),
            submitter: self.submitter.get(text, self.start),
            cum_suis: self.cum_suis,
            dossier: self.dossier.get(text, self.start),
            numbers: self.numbers.get(text, self.start).unwrap_or_default(),
            ordinal: self.ordinal,
        }
    }
}

/// A motion named by its place among the motions of the debate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ordinal {
    /// 0 for `eerste`, 1 for `tweede` …
    Nth(u8),
    /// `laatste`
    Last,
}

/// Which anchor words count in a unit ([`super::gate`]).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Hints {
    /// `otie`
    pub motie: bool,
    /// `amerstuk`
    pub kamerstuk: bool,
    /// `nummer`
    pub nummer: bool,
    /// `stuk`
    pub stuk: bool,
}

/// The hits of `text` for every anchor word (a test's search).
#[cfg(test)]
pub(super) fn hits(text: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    super::scan::Scanner::for_owner(super::index::Owner::MotionBody).scan(text, &mut hits);
    hits
}

#[cfg(test)]
impl Hints {
    /// Every anchor word may be there.
    pub(super) const ALL: Hints = Hints {
        motie: true,
        kamerstuk: true,
        nummer: true,
        stuk: true,
    };
}

/// Every reference in `text`, in order, not overlapping.
///
/// ```text
/// "Motie 32317-858 van Kamerleden Slootweg en Kuik werd verworpen."
///   → "Motie 32317-858 van Kamerleden Slootweg": 32317/858, submitter Slootweg
/// ```
pub(super) fn find(
    text: &str,
    hits: &[Hit],
    hints: Hints,
    scratch: &mut Scratch,
) -> Vec<PackedRef> {
    let mut out = Vec::new();
    let mut consumed = 0;
    let words = Words::new(text);
    for (start, end, anchor) in Anchors::new(text, hits, hints, scratch) {
        if start < consumed {
            continue;
        }
        let mut add = |r: RawRef<'_>| {
            consumed = consumed.max(r.end);
            let packed = PackedRef::new(text, &r);
            debug_assert_eq!(
                packed.get(text),
                r,
                "a reference's pieces are slices of its text"
            );
            super::grow(&mut out).push(packed);
        };
        match anchor {
            Anchor::Nummer => nummer(text, start, end).into_iter().for_each(add),
            Anchor::Kamerstuk => kamerstuk(text, start, end).into_iter().for_each(add),
            Anchor::Door => door_het_lid(text, start, end).into_iter().for_each(add),
            Anchor::OpStuk => op_stuk(text, start).into_iter().for_each(add),
            Anchor::Motie => motie(text, start, end, &words, &mut add),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find_all(text: &str) -> Vec<RawRef<'_>> {
        let found = find(text, &hits(text), Hints::ALL, &mut Scratch::default());
        found.iter().map(|r| r.get(text)).collect()
    }

    fn one(text: &str) -> (String, RawRef<'_>) {
        let found = find_all(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let r = found.into_iter().next().unwrap();
        (text[r.start..r.end].to_string(), r)
    }

    #[test]
    fn numbered_forms() {
        let (t, r) = one("Motie 32317-858 van Kamerleden Slootweg en Kuik werd verworpen.");
        assert_eq!(t, "Motie 32317-858 van Kamerleden Slootweg");
        assert_eq!(r.dossier().as_deref(), Some("32317"));
        assert_eq!(r.numbers().collect::<Vec<_>>(), ["858"]);
        assert_eq!(r.submitter, Some("Slootweg"));

        // A four-digit number after the hyphen (was read as `101`).
        let (t, r) = one("Motie 26643-1011 werd verworpen.");
        assert_eq!(t, "Motie 26643-1011");
        assert_eq!((r.dossier().as_deref(), r.numbers), (Some("26643"), "1011"));
        let (_, r) = one("de motie 21501-08-726 is aangenomen");
        assert_eq!(
            (r.dossier().as_deref(), r.numbers),
            (Some("21501-08"), "726")
        );
        // Six digits are no motion number.
        assert!(find_all("Motie 26643-101112 werd verworpen.")
            .iter()
            .all(|r| r.numbers.is_empty()));

        let (t, r) = one("Eén motie, met het nummer [32317-858](https://x), ingediend");
        assert_eq!(t, "nummer [32317-858]");
        assert_eq!(r.numbers().collect::<Vec<_>>(), ["858"]);

        let (t, r) = one("om de motie Van Ginneken c.s. (26 643, nr. 1011) alsnog");
        assert_eq!(t, "motie Van Ginneken c.s. (26 643, nr. 1011)");
        assert_eq!(r.dossier().as_deref(), Some("26643"));
        assert!(r.cum_suis);

        let (t, r) = one("zie Kamerstukken II 2022/23, 26 643, nr. 1011.");
        assert_eq!(t, "Kamerstukken II 2022/23, 26 643, nr. 1011");
        assert_eq!(r.numbers().collect::<Vec<_>>(), ["1011"]);

        let (_, r) = one(
            "In stemming komt de gewijzigde motie-Wassenberg (21501-08, nr. 726, was nr. 719).",
        );
        assert_eq!(r.dossier().as_deref(), Some("21501-08"));
        assert_eq!(r.numbers().collect::<Vec<_>>(), ["726"]);

        let (t, r) = one("De moties op stuk nrs. 1009 en 1010 (26643) ontraad ik.");
        assert_eq!(t, "moties op stuk nrs. 1009 en 1010 (26643)");
        assert_eq!(r.numbers().collect::<Vec<_>>(), ["1009", "1010"]);

        let (t, r) = one(
            "de motie-Wassenberg over vermindering van het aantal proefdieren (21501-08, nr. 721);",
        );
        assert!(t.ends_with("nr. 721)"));
        assert_eq!(r.submitter, Some("Wassenberg"));
    }

    #[test]
    fn submitter_forms() {
        let found = find_all(
            "middels de motie Van Ginneken c.s., Van Raan c.s. en Van Weerdenburg c.s. tegen",
        );
        let names: Vec<_> = found.iter().filter_map(|r| r.submitter).collect();
        assert_eq!(names, ["Van Ginneken", "Van Raan", "Van Weerdenburg"]);

        let (t, r) = one("De motie-Slootweg op stuk nr. 1009 moet ik ontraden");
        assert_eq!(t, "motie-Slootweg op stuk nr. 1009");
        assert_eq!(
            (r.submitter, r.dossier().as_deref()),
            (Some("Slootweg"), None)
        );

        let (t, r) = one("Dan heb ik nog een motie liggen, namelijk die op stuk nr. 307 van de heren Veldman en Paternotte.");
        assert_eq!(t, "op stuk nr. 307 van de heren Veldman");
        assert_eq!((r.numbers, r.submitter), ("307", Some("Veldman")));
        let (t, _) = one("Het dictum van de motie van mevrouw Kathmann zou je");
        assert_eq!(t, "motie van mevrouw Kathmann");
        let (t, _) = one("de aangenomen motie van het lid Van Raan c.s. over het");
        assert_eq!(t, "motie van het lid Van Raan c.s.");
        let (t, _) = one("Aangezien de door het lid Van Ginneken c.s. ingediende motie geen");
        assert_eq!(t, "door het lid Van Ginneken c.s. ingediende motie");
        // `uit` is a particle only where a name is bounded (a label).
        let (t, r) = one("Dan de motie van Kuik uit Groningen.");
        assert_eq!((t.as_str(), r.submitter), ("motie van Kuik", Some("Kuik")));
        let (_, r) = one("In stemming komt de motie-Laçin/Beckerman (21501-08, nr. 722).");
        assert_eq!(r.submitter, Some("Laçin"));
        // The number in brackets after a debate's title is not the motion's.
        let (t, r) = one(
            "het tweeminutendebat Uitvoering motie-Van Raan c.s. over encryptie (26643, nr. 908).",
        );
        assert_eq!(t, "motie-Van Raan c.s.");
        assert!(r.numbers.is_empty());
    }

    #[test]
    fn no_reference() {
        for text in [
            "De aangenomen motie roept het kabinet op.",
            "Dat is een motie van de Kamer.",
            "een motie van GroenLinks",
            "Zij krijgt nr. 1011 (26643).",
            "Ik dien een motie in. Mijn tweede motie luidt als volgt.",
            "Emotie en promotie.",
        ] {
            assert!(find_all(text).is_empty(), "{text}: {:?}", find_all(text));
        }
    }

    #[test]
    fn ordinals() {
        let found =
            find_all("De eerste motie ontraad ik. Dan de laatste motie van de heer Slootweg.");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].ordinal, Some(Ordinal::Nth(0)));
        assert_eq!(found[1].ordinal, Some(Ordinal::Last));
        assert_eq!(found[1].submitter, Some("Slootweg"));
    }

    #[test]
    fn many_references_in_one_word() {
        let text = format!("de {}.", "motie-Raan,".repeat(1000));
        let found = find_all(&text);
        assert_eq!(found.len(), 1000);
        assert!(found.iter().all(|r| r.submitter == Some("Raan")));
    }
}
