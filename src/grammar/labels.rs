//! Speaker labels: `De voorzitter:`, `De heer Slootweg (CDA):`, `Minister
//! van Financiën Hoekstra:`, and `Voorzitter: Bergkamp`.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, space0, space1};
use nom::combinator::{consumed, opt, rest};
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

use super::names::{name_word, person_name};
use crate::text::chars::FULL_WIDTH_COLON;
use crate::tree::Role;

/// A speaker label recognised at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label<'a> {
    pub role: Role,
    pub prefix: &'a str,
    pub name: &'a str,
    pub party: Option<&'a str>,
    pub function: Option<&'a str>,
    /// Text after the label on the same line (older volumes:
    /// `De heer Koerhuis (VVD): Voorzitter. Er is …`), trimmed; may be empty.
    pub rest: &'a str,
}

/// Words of ministries' names, which come between a title and a name:
/// `Minister van Justitie en Veiligheid Yeşilgöz-Zegerius:`.
const OFFICE_WORDS: &[&str] = &[
    "Algemene",
    "Armoedebeleid",
    "Asiel",
    "Basis",
    "Belastingdienst",
    "Beroepsonderwijs",
    "Binnenlandse",
    "Bouwen",
    "Buitenlandse",
    "Cultuur",
    "Defensie",
    "Digitalisering",
    "Douane",
    "Economische",
    "Emancipatie",
    "Energie",
    "Europese",
    "Financiën",
    "Fiscaliteit",
    "Gezin",
    "Gezondheid",
    "Groei",
    "Groene",
    "Groningen",
    "Handel",
    "Herstel",
    "Hersteloperatie",
    "Hoger",
    "Immigratie",
    "Infrastructuur",
    "Integratie",
    "Jeugd",
    "Justitie",
    "Klimaat",
    "Koninkrijk",
    "Koninkrijksrelaties",
    "Landbouw",
    "Langdurige",
    "Media",
    "Medische",
    "Migratie",
    "Milieu",
    "Mijnbouw",
    "Natuur",
    "Onderwijs",
    "Ontwikkelingshulp",
    "Ontwikkelingssamenwerking",
    "Ordening",
    "Participatie",
    "Pensioenen",
    "Preventie",
    "Primair",
    "Rechtsbescherming",
    "Ruimte",
    "Ruimtelijke",
    "Sociale",
    "Sport",
    "Staatsdeelnemingen",
    "Toeslagen",
    "Verkeer",
    "Veiligheid",
    "Visserij",
    "Voedselkwaliteit",
    "Volksgezondheid",
    "Volkshuisvesting",
    "Voortgezet",
    "Vreemdelingenzaken",
    "Waterstaat",
    "Welzijn",
    "Werkgelegenheid",
    "Wetenschap",
    "Wonen",
    "Zaken",
    "Zorg",
];

/// Connecting words inside an office: `van`, `voor`, `en`, `zonder`.
const OFFICE_LINKS: &[&str] = &["van", "voor", "en", "zonder", "portefeuille", "de", "het"];

/// A party in brackets: `(CDA)`, `(GroenLinks-PvdA)`, `(50PLUS)`,
/// `(Groep Van Haga)`.
fn party(i: &str) -> IResult<&str, &str> {
    delimited(
        char('('),
        take_while1(|c: char| c != '(' && c != ')' && c != ':'),
        char(')'),
    )
    .parse(i)
    .and_then(|(rest, p)| {
        if p.len() <= 60 && !p.trim().is_empty() {
            Ok((rest, p.trim()))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Verify,
            )))
        }
    })
}

/// The end of a label: `:` (or a full-width colon `：`, as a colon) and
/// what follows on the line.
fn label_end(i: &str) -> IResult<&str, &str> {
    preceded((space0, alt((char(':'), char(FULL_WIDTH_COLON)))), rest).parse(i)
}

/// The chair's title: `voorzitter`, `Voorzitter` (older volumes),
/// `VOORZITTER` (printed in small capitals).
fn chair_title(i: &str) -> IResult<&str, &str> {
    alt((tag("voorzitter"), tag("Voorzitter"), tag("VOORZITTER"))).parse(i)
}

/// The chair's name in brackets after the title: `(Bergkamp)`, `(Martin
/// Bosma)`, `(mevrouw Van der Lee)`, `(de heer Bosma)`; the name without
/// its `mevrouw` or `de heer`.
fn chair_name(i: &str) -> IResult<&str, &str> {
    let honorific = alt((
        tag("mevrouw"),
        tag("Mevrouw"),
        tag("de heer"),
        tag("De heer"),
    ));
    delimited(
        (char('('), space0, opt(terminated(honorific, space1))),
        person_name,
        (space0, char(')')),
    )
    .parse(i)
}

/// The chair: `De voorzitter:` (`De Voorzitter:` in older volumes, `De
/// VOORZITTER:` in small capitals), and the chair by name, `De voorzitter
/// (Bergkamp):` or `Voorzitter Bergkamp:`. Without a name the name is the
/// title (`voorzitter`) and the prefix `De`; with one the prefix is the
/// title as printed (`De voorzitter`, `Voorzitter`) and the name the
/// person's. `Voorzitter: Bergkamp`, the chair taking the chair, is no
/// label ([`presiding`]).
fn chair_label(i: &str) -> IResult<&str, Label<'_>> {
    let titled = |i| -> IResult<&str, (&str, &str)> {
        let (i, (printed, (de, _, title))) = consumed((tag("De"), space1, chair_title)).parse(i)?;
        let (i, name) = opt(preceded(space0, chair_name)).parse(i)?;
        Ok((i, name.map_or((de, title), |name| (printed, name))))
    };
    let named = (terminated(chair_title, space1), person_name);
    let (i, (prefix, name)) = alt((titled, named)).parse(i)?;
    let (i, rest) = label_end(i)?;
    Ok((
        i,
        Label {
            role: Role::Chair,
            prefix,
            name,
            party: None,
            function: None,
            rest: rest.trim(),
        },
    ))
}

/// `De heer Slootweg (CDA):`, `Mevrouw Van Ginneken (D66):`, `Kamerlid
/// Jansen (Volt):` (today's transcripts); without a party (`De heer Van
/// Dijk:`) the role is `other`.
fn member_label(i: &str) -> IResult<&str, Label<'_>> {
    let (i, prefix) = alt((tag("De heer"), tag("Mevrouw"), tag("Kamerlid"))).parse(i)?;
    let (i, name) = preceded(space1, person_name).parse(i)?;
    let (i, party) = opt(preceded(space0, party)).parse(i)?;
    let (i, rest) = label_end(i)?;
    Ok((
        i,
        Label {
            role: if party.is_some() {
                Role::Member
            } else {
                Role::Other
            },
            prefix,
            name,
            party,
            function: None,
            rest: rest.trim(),
        },
    ))
}

/// An office after a title: `van Financiën`, `van Justitie en Veiligheid`,
/// `voor Medische Zorg en Sport`, `zonder portefeuille`.
fn office(i: &str) -> IResult<&str, &str> {
    let (_, first) = name_word(i)?;
    if !matches!(first, "van" | "voor" | "zonder") {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )));
    }
    let mut end = 0;
    loop {
        let here = i.get(end..).unwrap_or("");
        let Ok((after, word)) = name_word(here) else {
            break;
        };
        let bare = word.trim_end_matches(',');
        if !(OFFICE_LINKS.contains(&bare) || OFFICE_WORDS.contains(&bare)) {
            break;
        }
        let after = after.strip_prefix(',').unwrap_or(after);
        end = i.len() - after.len();
        match after.strip_prefix(' ') {
            Some(_) => end += 1,
            None => break,
        }
    }
    let office = i.get(..end).unwrap_or("").trim_end();
    if office.is_empty() {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )));
    }
    Ok((i.get(end..).unwrap_or(""), office))
}

/// `Minister Yeşilgöz-Zegerius:`, `Minister van Financiën Hoekstra:`,
/// `Staatssecretaris Rutte:`, `Minister-president Rutte:`.
fn government_label(i: &str) -> IResult<&str, Label<'_>> {
    let (i, prefix) = alt((
        tag("Minister-president"),
        tag("Minister-President"),
        tag("Minister"),
        tag("Staatssecretaris"),
    ))
    .parse(i)?;
    let role = match prefix {
        "Minister" => Role::Minister,
        "Staatssecretaris" => Role::StateSecretary,
        _ => Role::MinisterPresident,
    };
    let (i, _) = space1(i)?;
    let (i, function) = opt(terminated(office, space0)).parse(i)?;
    let (i, name) = person_name(i)?;
    let (i, rest) = label_end(i)?;
    Ok((
        i,
        Label {
            role,
            prefix,
            name,
            party: None,
            function,
            rest: rest.trim(),
        },
    ))
}

/// Recognises a speaker label at the start of a (trimmed) line, in any
/// layout: `De voorzitter:`, `De heer Slootweg (CDA):`,
/// `Mevrouw **Van Ginneken** (D66):`, `**De heer Slootweg (CDA):**`,
/// `**Minister Yeşilgöz-Zegerius:**`.
///
/// Markdown emphasis is only accepted when the label is alone on its line;
/// the label of older volumes, followed by text on the same line, is
/// returned with that text in `rest`.
pub(crate) fn label(line: &str) -> Option<Label<'_>> {
    // Every label ends in a colon ([`label_end`]): a line with none (most
    // lines that start as a label may) is ruled out by one memchr.
    let no_colon =
        || memchr::memchr(b':', line.as_bytes()).is_none() && !line.contains(FULL_WIDTH_COLON);
    if line.len() > 400 || no_colon() {
        return None;
    }
    alt((chair_label, member_label, government_label))
        .parse(line)
        .ok()
        .map(|(_, l)| l)
}

/// `Voorzitter: Bergkamp` at the top of a stenogram: who presides. A name
/// ends with no full stop (initials stand before it): `Voorzitter: Ja.` is
/// someone's words.
pub(crate) fn presiding(line: &str) -> Option<&str> {
    let parsed: IResult<&str, &str> =
        preceded((tag("Voorzitter"), space0, char(':'), space0), person_name).parse(line);
    match parsed {
        Ok((rest, name)) if rest.trim().is_empty() && !name.ends_with('.') => Some(name),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_needs_its_colon() {
        assert!(label("De heer Slootweg (CDA)").is_none());
        assert!(label("Minister Yeşilgöz-Zegerius").is_none());
        let l = label("De heer Slootweg (CDA)\u{ff1a}").unwrap();
        assert_eq!((l.name, l.rest), ("Slootweg", ""));
    }

    #[test]
    fn labels() {
        let l = label("De heer Slootweg (CDA):").unwrap();
        assert_eq!(
            (l.role, l.name, l.party),
            (Role::Member, "Slootweg", Some("CDA"))
        );
        let l = label("Mevrouw Nijkerken-de Haan (VVD):").unwrap();
        assert_eq!(l.name, "Nijkerken-de Haan");
        let l = label("De heer Jasper van Dijk (SP):").unwrap();
        assert_eq!(l.name, "Jasper van Dijk");
        let l = label("Mevrouw Kathmann (GroenLinks-PvdA):").unwrap();
        assert_eq!(l.party, Some("GroenLinks-PvdA"));
        let l = label("Minister Yeşilgöz-Zegerius:").unwrap();
        assert_eq!((l.role, l.name), (Role::Minister, "Yeşilgöz-Zegerius"));
        let l = label("Minister van Financiën Hoekstra:").unwrap();
        assert_eq!((l.function, l.name), (Some("van Financiën"), "Hoekstra"));
        let l =
            label("Minister van Binnenlandse Zaken en Koninkrijksrelaties Bruins Slot:").unwrap();
        assert_eq!(l.name, "Bruins Slot");
        let l = label("Minister Van Ark:").unwrap();
        assert_eq!((l.function, l.name), (None, "Van Ark"));
        let l = label("Staatssecretaris Rutte:").unwrap();
        assert_eq!(l.role, Role::StateSecretary);
        let l = label("Minister-president Rutte:").unwrap();
        assert_eq!(l.role, Role::MinisterPresident);
        let l = label("De voorzitter:").unwrap();
        assert_eq!(
            (l.role, l.prefix, l.name),
            (Role::Chair, "De", "voorzitter")
        );
        let l = label("Kamerlid Jansen (Volt):").unwrap();
        assert_eq!(
            (l.role, l.prefix, l.name, l.party),
            (Role::Member, "Kamerlid", "Jansen", Some("Volt"))
        );
        let l = label("Kamerlid El Idrissi-van der Berg (Partij voor de Dieren):").unwrap();
        assert_eq!(l.name, "El Idrissi-van der Berg");
        assert_eq!(label("De Voorzitter:").map(|l| l.role), Some(Role::Chair));
        assert!(label("Kamerlid zijn is een eer:").is_none());
        let l = label("De heer Koerhuis (VVD): Voorzitter. Er is …").unwrap();
        assert_eq!(l.rest, "Voorzitter. Er is …");
        assert!(label(
            "De motie-Wassenberg (21501-08, nr. 719) is in die zin gewijzigd dat zij thans luidt:"
        )
        .is_none());
        assert!(label("Ik stel voor toe te voegen aan de agenda:").is_none());
        assert!(label("de heer Koerhuis (VVD): ja.").is_none());
        assert_eq!(presiding("Voorzitter: Bergkamp"), Some("Bergkamp"));
        assert_eq!(presiding("Voorzitter: Ja."), None);
        assert_eq!(presiding("Voorzitter: Nee, dank u."), None);
        let l = label("Minister van Buitenlandse Zaken Veldkamp:").unwrap();
        assert_eq!(
            (l.role, l.function, l.name),
            (Role::Minister, Some("van Buitenlandse Zaken"), "Veldkamp")
        );
        let l = label("Staatssecretaris van Financiën Van Rij:").unwrap();
        assert_eq!(
            (l.role, l.function, l.name),
            (Role::StateSecretary, Some("van Financiën"), "Van Rij")
        );
        let l = label("Minister-President Lubbers:").unwrap();
        assert_eq!((l.role, l.name), (Role::MinisterPresident, "Lubbers"));
        let l = label("Minister voor Medische Zorg en Sport Van Ark:").unwrap();
        assert_eq!(l.function, Some("voor Medische Zorg en Sport"));
    }

    #[test]
    fn the_chair_by_name() {
        let chair = |s| label(s).map(|l| (l.role, l.prefix, l.name, l.rest));
        assert_eq!(
            chair("De voorzitter (Bergkamp):"),
            Some((Role::Chair, "De voorzitter", "Bergkamp", ""))
        );
        assert_eq!(
            chair("De Voorzitter (Martin Bosma):"),
            Some((Role::Chair, "De Voorzitter", "Martin Bosma", ""))
        );
        assert_eq!(
            chair("De voorzitter ( mevrouw Van der Lee ) :"),
            Some((Role::Chair, "De voorzitter", "Van der Lee", ""))
        );
        assert_eq!(
            chair("De voorzitter (de heer Ten Hoeve-Smit):"),
            Some((Role::Chair, "De voorzitter", "Ten Hoeve-Smit", ""))
        );
        assert_eq!(
            chair("Voorzitter Bergkamp:"),
            Some((Role::Chair, "Voorzitter", "Bergkamp", ""))
        );
        assert_eq!(
            chair("Voorzitter Van der Staaij: Ik open de vergadering."),
            Some((
                Role::Chair,
                "Voorzitter",
                "Van der Staaij",
                "Ik open de vergadering."
            ))
        );
        assert_eq!(
            chair("De VOORZITTER:"),
            Some((Role::Chair, "De", "VOORZITTER", ""))
        );
        assert_eq!(
            chair("De VOORZITTER: Aan de orde is het debat."),
            Some((Role::Chair, "De", "VOORZITTER", "Aan de orde is het debat."))
        );
        // The chair taken, the chair addressed and the chair named in
        // running text are no labels.
        for text in [
            "Voorzitter: Bergkamp",
            "Voorzitter : Bergkamp",
            "Voorzitter:",
            "Voorzitter. Toch even precies:",
            "Voorzitter, dank u wel. Laat ik het zo zeggen:",
            "Voorzitter Bergkamp zei het al:",
            "De voorzitter van de vaste commissie voor Financiën,",
            "De voorzitter (Bergkamp) zei het al:",
            "De voorzitter (Bergkamp",
            "de voorzitter (Bergkamp):",
            "Voorzitter bergkamp:",
        ] {
            assert_eq!(label(text), None, "{text}");
        }
    }
}
