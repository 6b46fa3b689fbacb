//! Speaker labels: `De voorzitter:`, `De heer Slootweg (CDA):`, `Minister
//! van Financiën Hoekstra:`, and `Voorzitter: Bergkamp`.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, space0, space1};
use nom::combinator::{opt, rest};
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

/// `De voorzitter:` (`De Voorzitter:` in older volumes).
fn chair_label(i: &str) -> IResult<&str, Label<'_>> {
    let (i, (prefix, _, name)) = (
        tag("De"),
        space1,
        alt((tag("voorzitter"), tag("Voorzitter"))),
    )
        .parse(i)?;
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
    if line.len() > 400 {
        return None;
    }
    alt((chair_label, member_label, government_label))
        .parse(line)
        .ok()
        .map(|(_, l)| l)
}

/// `Voorzitter: Bergkamp` at the top of a stenogram: who presides.
pub(crate) fn presiding(line: &str) -> Option<&str> {
    let parsed: IResult<&str, &str> =
        preceded((tag("Voorzitter"), space0, char(':'), space0), person_name).parse(line);
    match parsed {
        Ok((rest, name)) if rest.trim().is_empty() => Some(name),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
