//! Names of submitters: `Van Raan`, `de heer Slootweg`, `c.s.`, a list
//! of them (`Van Ginneken c.s., Van Raan c.s. en …`), `door het lid … ingediende
//! motie`.

use super::RawRef;
use crate::grammar::names::{self, Title};

/// Words after `motie van` that name a body, not a person: `de motie van
/// de Kamer`, `van de Tweede Kamer`, `van de Europese Commissie`.
const BODIES: &[&str] = &[
    "Kamer",
    "Tweede",
    "Eerste",
    "Europese",
    "Commissie",
    "Nederland",
    "Partij",
];

/// Whether `name` is shaped as a party's name, not a person's: every word
/// (or part between hyphens) without a lowercase letter and with two
/// capitals or a capital and a digit (an acronym: `SP`, `D66`, `50PLUS`),
/// or a word with a capital right after a lowercase letter (`PvdA`, a
/// name written as one word of two). A surname has neither (`IJzerman`,
/// `Dekker-Abdulaziz`, `d'Hondt`); a party named as a plain word
/// (a noun or a surname itself) is read as a submitter.
fn party_shaped(name: &str) -> bool {
    let acronym = |part: &str| {
        !part.chars().any(char::is_lowercase)
            && part.chars().filter(|c| c.is_uppercase()).count()
                + part.chars().filter(char::is_ascii_digit).count().min(1)
                >= 2
    };
    let inner_capital = |word: &str| {
        let mut after_lower = false;
        word.chars().any(|c| {
            let hit = after_lower && c.is_uppercase();
            after_lower = c.is_lowercase();
            hit
        })
    };
    let words = || name.split(' ').filter(|w| !w.is_empty());
    let all_acronyms = words().next().is_some()
        && words().all(|w| w.split('-').filter(|p| !p.is_empty()).all(acronym));
    all_acronyms || words().any(inner_capital)
}

/// The length of a person's name at the start of `s`, read as names in
/// running text are ([`names::name_len`]: `Van Raan`, `Dekker-Abdulaziz`,
/// `Laçin/Beckerman`, `Van der Lee`, `Jasper van Dijk`; at most six
/// words), without a `-`, `/` or apostrophe it ends with. A name shaped
/// as a party's ([`party_shaped`]: `de motie van de SP`) or a body's
/// (`de motie van de Kamer`) is no name.
///
/// ```text
/// "Van Raan c.s. (26643" → "Van Raan";  "Slootweg en Kuik" → "Slootweg"
/// ```
pub(super) fn name_len(s: &str) -> Option<usize> {
    let end = names::name_len(s, names::Context::Text)?;
    let name = before_a_party(s.get(..end)?).trim_end_matches(['-', '/', '\'', '’']);
    // The first word as printed, digits included (`D66`: the name read is
    // `D`).
    let first = s
        .split([' ', ',', '.', ';', ':', '(', ')'])
        .next()
        .unwrap_or_default();
    let no_name = party_shaped(name) || party_shaped(first) || BODIES.contains(&name);
    (!name.is_empty() && !no_name).then_some(name.len())
}

/// `name` up to the lowercase words that lead to a party or a body:
/// `Kuiken van de Partij van de Arbeid` is `Kuiken`, `Van der Staaij van de
/// SGP` is `Van der Staaij`; the particles of a name (`Van der Lee`, `Jasper
/// van Dijk`) lead to more of it.
fn before_a_party(name: &str) -> &str {
    let mut words = name.split(' ').scan(0, |at, w| {
        let start = *at;
        *at += w.len() + 1;
        Some((start, w))
    });
    let is_lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let mut previous_capitalised = false;
    while let Some((start, word)) = words.next() {
        let lower = is_lower(word);
        if lower && previous_capitalised {
            // The capitalised words after this run of lowercase ones.
            let mut after = words.clone().skip_while(|(_, w)| is_lower(w));
            let first = after.next();
            let end = after
                .find(|(_, w)| is_lower(w))
                .map_or(name.len(), |(at, _)| at.saturating_sub(1));
            let next = first
                .and_then(|(at, _)| name.get(at..end.max(at)))
                .unwrap_or_default();
            let body = next.split(' ').any(|w| BODIES.contains(&w));
            if !next.is_empty() && (body || party_shaped(next)) {
                return name.get(..start).unwrap_or(name).trim_end();
            }
        }
        previous_capitalised = !lower;
    }
    name
}

/// A title and a name: `de heer Slootweg`, `mevrouw Kathmann`, `het lid
/// Van Raan`, `Kamerleden Slootweg`, `de heer van Dijk`
/// ([`names::title_len`], [`names::name_after_title`]), or a capitalised
/// name alone (`Van Raan`). Returns the length read and the name.
pub(super) fn person(s: &str) -> Option<(usize, &str)> {
    let title = names::title_len(s, &[Title::Address, Title::Member]).unwrap_or(0);
    let rest = s.get(title..)?;
    let n = if title > 0 {
        names::name_after_title(rest, name_len)?
    } else {
        name_len(rest)?
    };
    Some((title + n, rest.get(..n)?))
}

/// ` c.s.` after a name.
pub(super) fn cum_suis(s: &str) -> usize {
    if s.starts_with(" c.s.") {
        5
    } else {
        0
    }
}

/// The first of several names printed together (`Laçin/Beckerman` →
/// `Laçin`).
pub(super) fn first_name(name: &str) -> &str {
    name.split('/').next().unwrap_or(name)
}

/// A further motion in a list after `motie X c.s.`: `, Van Raan c.s.` or
/// ` en Van Weerdenburg c.s.` starting at `at`; its length and reference.
pub(super) fn listed_motion(text: &str, at: usize) -> Option<(usize, RawRef<'_>)> {
    let tail = text.get(at..)?;
    let sep = [", ", " en "].iter().find(|s| tail.starts_with(**s))?.len();
    let rest = tail.get(sep..)?;
    let n = name_len(rest)?;
    let cs = cum_suis(rest.get(n..)?);
    if cs == 0 {
        return None;
    }
    let r = RawRef {
        start: at + sep,
        end: at + sep + n + cs,
        submitter: rest.get(..n).map(first_name),
        cum_suis: true,
        ..RawRef::default()
    };
    Some((sep + n + cs, r))
}

/// `door het lid Van Ginneken c.s. ingediende motie`: a submitter before
/// the motion (`start` is that of `door`, `end` that of `motie`).
pub(super) fn door_het_lid(text: &str, start: usize, end: usize) -> Option<RawRef<'_>> {
    let rest = text.get(start..end)?;
    let rest = rest
        .strip_prefix("door het lid ")
        .or_else(|| rest.strip_prefix("door de leden "))?;
    let skipped = end - start - rest.len();
    let n = name_len(rest)?;
    let cs = cum_suis(rest.get(n..)?);
    let after = rest.get(n + cs..)?;
    if !matches!(
        after,
        " ingediende motie" | " ingediende moties" | " voorgestelde motie"
    ) {
        return None;
    }
    Some(RawRef {
        start,
        end: start + skipped + n + cs + after.len(),
        submitter: rest.get(..n).map(first_name),
        cum_suis: cs > 0,
        ..RawRef::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_shaped_names_are_no_submitters() {
        for party in [
            "SP",
            "D66",
            "50PLUS",
            "XY1",
            "ABC",
            "AB-CdE",
            "AbcDef",
            "Abc-DefGh",
        ] {
            assert!(party_shaped(party), "{party}");
            assert_eq!(name_len(party), None, "{party}");
        }
        for person in [
            "Van Raan",
            "IJzerman",
            "Dekker-Abdulaziz",
            "d'Hondt",
            "Jasper van Dijk",
            "El Boujdaini",
            "A",
        ] {
            assert!(!party_shaped(person), "{person}");
        }
        assert_eq!(name_len("Kamer"), None);
        assert_eq!(name_len("Van Raan c.s."), Some("Van Raan".len()));
    }

    /// A person after `motie van`: with a title (its particles before the
    /// name too), or a capitalised name alone; a title before something
    /// else than a name reads nothing.
    #[test]
    fn a_person_with_a_title_or_without() {
        let read = |s| person(s).map(|(n, name)| (s.get(..n), name));
        for (text, person, name) in [
            ("de heer Slootweg over", "de heer Slootweg", "Slootweg"),
            ("het lid Van Raan c.s.", "het lid Van Raan", "Van Raan"),
            ("Kamerlid Kathmann", "Kamerlid Kathmann", "Kathmann"),
            ("de heer van Dijk over", "de heer van Dijk", "van Dijk"),
        ] {
            assert_eq!(read(text), Some((Some(person), name)), "{text}");
        }
        assert_eq!(read("Van Raan c.s."), Some((Some("Van Raan"), "Van Raan")));
        assert_eq!(read("de leden van de SP"), None);
        assert_eq!(read("Kamerlid D66"), None);
        assert_eq!(read("de minister"), None);
    }

    /// A name ends before the particles that lead to a party or a body.
    #[test]
    fn a_name_ends_before_its_party() {
        let read = |s| name_len(s).and_then(|n| s.get(..n));
        assert_eq!(read("Kuiken van de Partij van de Arbeid"), Some("Kuiken"));
        assert_eq!(
            read("Van der Staaij van de SGP ontraad ik"),
            Some("Van der Staaij")
        );
        assert_eq!(
            read("Jasper van Dijk van GroenLinks"),
            Some("Jasper van Dijk")
        );
        assert_eq!(read("Van der Lee"), Some("Van der Lee"));
        assert_eq!(read("Jasper van Dijk"), Some("Jasper van Dijk"));
        assert_eq!(read("Partij"), None);
    }
}
