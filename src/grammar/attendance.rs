//! The opening block of a sitting: who is present (`Aanwezig zijn 112
//! leden der Kamer, te weten: …`, then `en de heer Jansen, minister van
//! Financiën.`), and its officers (`Griffier: Lips`; a committee report's
//! `De griffier van de vaste commissie voor Financiën,` and the name).

use super::names::person_name;
use crate::tree::OfficerRole;

/// `Aanwezig zijn 112 leden der Kamer, te weten: Achterberg, Bosma en
/// Çelik,` → the count (`112`, also written as a word: `vijf`) and the
/// names listed, as slices of `text`.
pub(crate) fn attendance(text: &str) -> Option<(Option<u32>, Vec<&str>)> {
    let rest = text
        .strip_prefix("Aanwezig zijn ")
        .or_else(|| text.strip_prefix("Aanwezig is "))?;
    let (count, rest) = rest.split_once(' ')?;
    let rest = rest
        .strip_prefix("leden der Kamer")
        .or_else(|| rest.strip_prefix("lid der Kamer"))?;
    let list = rest.strip_prefix(", te weten:").unwrap_or(rest);
    let count = count.parse().ok().or_else(|| number_word(count));
    Some((count, names(list)))
}

/// `A, B, C en D,` → `[A, B, C, D]`.
fn names(list: &str) -> Vec<&str> {
    let list = list.trim().trim_end_matches([',', '.', ';']).trim_end();
    let (head, last) = match list.rsplit_once(" en ") {
        Some((head, last)) => (head, Some(last)),
        None => (list, None),
    };
    head.split(',')
        .chain(last)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect()
}

/// `en de heer Jansen, minister van Financiën.`, `en mevrouw De Vries,
/// staatssecretaris van Justitie, en de heer Bakker, minister van
/// Defensie.` → each person's name and function, as slices of `text`. A
/// person starts at `de heer ` or `mevrouw ` after a comma, with or without
/// `en` (lists print both: `…, mevrouw X, staatssecretaris …, en mevrouw
/// Y, …`); a function never holds a title after its commas (`minister van
/// Volksgezondheid, Welzijn en Sport`). One pass over the commas.
pub(crate) fn others(text: &str) -> Option<Vec<(&str, Option<&str>)>> {
    let body = text.strip_prefix("en ")?.trim_end_matches(['.', ',']);
    let after_title = |s: &str| {
        ["de heer ", "mevrouw "]
            .iter()
            .find_map(|t| s.strip_prefix(t))
            .map(|person| s.len() - person.len())
    };
    let mut start = after_title(body)?;
    let mut people = Vec::new();
    for (comma, _) in body.match_indices(", ") {
        if comma < start {
            continue;
        }
        let next = body.get(comma + 2..)?;
        let (skip, next) = match next.strip_prefix("en ") {
            Some(n) => (3, n),
            None => (0, next),
        };
        if let Some(title) = after_title(next) {
            people.push(body.get(start..comma)?);
            start = comma + 2 + skip + title;
        }
    }
    people.push(body.get(start..)?);
    people
        .into_iter()
        .map(|this| {
            let (name, function) = match this.split_once(", ") {
                Some((name, function)) => (name.trim(), Some(function.trim())),
                None => (this.trim(), None),
            };
            (!name.is_empty()).then_some((name, function.filter(|f| !f.is_empty())))
        })
        .collect()
}

/// `Griffier: Lips`, `Adjunct-griffier: De Lange`: the clerk of the
/// sitting, named in its opening block → the name, a slice of `text`.
pub(crate) fn clerk(text: &str) -> Option<&str> {
    let rest = ["Griffier", "Adjunct-griffier", "Griffiers"]
        .iter()
        .find_map(|t| text.strip_prefix(t))?;
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    name_alone(rest)
}

/// `De voorzitter van de vaste commissie voor Financiën,`, `De griffier
/// van de vaste commissie voor Defensie,`: a committee report's signatory,
/// whose name follows on the next line → what the signatory is and the
/// committee (`de vaste commissie voor Financiën`), a slice of `text`.
pub(crate) fn signatory(text: &str) -> Option<(OfficerRole, &str)> {
    let (role, rest) = [
        ("De voorzitter van ", OfficerRole::Chair),
        ("De griffier van ", OfficerRole::Clerk),
        ("De adjunct-griffier van ", OfficerRole::Clerk),
    ]
    .iter()
    .find_map(|(t, role)| Some((*role, text.strip_prefix(t)?)))?;
    let committee = rest.strip_suffix(',')?.trim_end();
    let plausible = !committee.is_empty()
        && committee.len() <= 200
        && !committee.contains(['.', ':', ';', '?', '!']);
    plausible.then_some((role, committee))
}

/// A person's name and nothing else: `Nijhof-Leeuw`, `De Lange`.
pub(crate) fn name_alone(text: &str) -> Option<&str> {
    match person_name(text) {
        Ok((rest, name)) if rest.trim().is_empty() => Some(name),
        _ => None,
    }
}

/// A count written as a Dutch word, up to 199: `vijf`, `twaalf`,
/// `tweeënveertig`, `honderdtwaalf`.
fn number_word(word: &str) -> Option<u32> {
    const UNITS: [&str; 19] = [
        "een",
        "twee",
        "drie",
        "vier",
        "vijf",
        "zes",
        "zeven",
        "acht",
        "negen",
        "tien",
        "elf",
        "twaalf",
        "dertien",
        "veertien",
        "vijftien",
        "zestien",
        "zeventien",
        "achttien",
        "negentien",
    ];
    const TENS: [&str; 8] = [
        "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig",
    ];
    let word = word.to_lowercase().replace("één", "een");
    let (hundred, rest) = match word.strip_prefix("honderd") {
        Some(rest) => (100, rest.to_owned()),
        None => (0, word),
    };
    if rest.is_empty() {
        return (hundred > 0).then_some(hundred);
    }
    let unit = |w: &str| UNITS.iter().position(|u| *u == w).map(|i| i as u32 + 1);
    let ten = |w: &str| {
        TENS.iter()
            .position(|t| *t == w)
            .map(|i| i as u32 * 10 + 20)
    };
    let below_hundred = unit(&rest).or_else(|| ten(&rest)).or_else(|| {
        // `tweeënveertig`, `eenentwintig`: a unit, `en`/`ën`, a ten.
        UNITS.iter().take(9).zip(1..).find_map(|(u, value)| {
            let t = rest.strip_prefix(u)?;
            let t = t.strip_prefix("ën").or_else(|| t.strip_prefix("en"))?;
            Some(value + ten(t)?)
        })
    })?;
    Some(hundred + below_hundred)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_is_present() {
        let (count, names) = attendance(
            "Aanwezig zijn vijf leden der Kamer, te weten: Van Eijk, Kouwenhoven, Nijhof-Leeuw, \
             Stultiens en Vijlbrief,",
        )
        .unwrap();
        assert_eq!(count, Some(5));
        assert_eq!(
            names,
            [
                "Van Eijk",
                "Kouwenhoven",
                "Nijhof-Leeuw",
                "Stultiens",
                "Vijlbrief"
            ]
        );
        assert_eq!(
            attendance("Aanwezig zijn 112 leden der Kamer, te weten: A en B.").map(|a| a.0),
            Some(Some(112))
        );
        assert_eq!(attendance("Aanwezig zijn wij allemaal."), None);
        assert_eq!(
            others("en de heer Van Oostenbruggen, staatssecretaris Fiscaliteit, Belastingdienst en Douane."),
            Some(vec![(
                "Van Oostenbruggen",
                Some("staatssecretaris Fiscaliteit, Belastingdienst en Douane")
            )])
        );
        assert_eq!(
            others("en mevrouw De Vries, minister van Defensie, en de heer Bakker, staatssecretaris van Financiën."),
            Some(vec![
                ("De Vries", Some("minister van Defensie")),
                ("Bakker", Some("staatssecretaris van Financiën"))
            ])
        );
        // A person listed without `en`: a title after a comma starts them.
        assert_eq!(
            others(
                "en mevrouw De Vries, minister van Zorg, Welzijn en Sport, mevrouw Smit, \
                 staatssecretaris Jeugd, en de heer Bakker, staatssecretaris Zorg."
            ),
            Some(vec![
                ("De Vries", Some("minister van Zorg, Welzijn en Sport")),
                ("Smit", Some("staatssecretaris Jeugd")),
                ("Bakker", Some("staatssecretaris Zorg"))
            ])
        );
        assert_eq!(
            others("en de heer Bakker, mevrouw Smit."),
            Some(vec![("Bakker", None), ("Smit", None)])
        );
        assert_eq!(others("en de rest."), None);
        for (w, n) in [
            ("vijf", 5),
            ("twaalf", 12),
            ("tweeënveertig", 42),
            ("eenentwintig", 21),
            ("honderdtwaalf", 112),
            ("honderd", 100),
            ("honderdvijftig", 150),
        ] {
            assert_eq!(number_word(w), Some(n), "{w}");
        }
        assert_eq!(number_word("veel"), None);
    }

    #[test]
    fn officers() {
        assert_eq!(clerk("Griffier: Van Lier"), Some("Van Lier"));
        assert_eq!(clerk("Griffier : Van Lier"), Some("Van Lier"));
        assert_eq!(
            clerk("Adjunct-griffier: Ter Horst-Ooms"),
            Some("Ter Horst-Ooms")
        );
        assert_eq!(clerk("Griffier: de heer die het verslag maakt"), None);
        assert_eq!(clerk("Griffier:"), None);
        assert_eq!(clerk("Griffiers zijn er genoeg: twee"), None);
        assert_eq!(
            signatory("De voorzitter van de vaste commissie voor Wonen, Water en Wegen,"),
            Some((
                OfficerRole::Chair,
                "de vaste commissie voor Wonen, Water en Wegen"
            ))
        );
        assert_eq!(
            signatory("De griffier van de vaste commissie voor Landbouw,"),
            Some((OfficerRole::Clerk, "de vaste commissie voor Landbouw"))
        );
        // Running text that starts alike: no comma at the end, or a sentence.
        assert_eq!(
            signatory("De voorzitter van de commissie zei het al."),
            None
        );
        assert_eq!(signatory("De voorzitter van de commissie"), None);
        assert_eq!(signatory("De voorzitter van de commissie: ja,"), None);
        assert_eq!(name_alone("Nijhof-Leeuw"), Some("Nijhof-Leeuw"));
        assert_eq!(name_alone("Van der Lee"), Some("Van der Lee"));
        assert_eq!(name_alone("Dank u wel."), None);
    }
}
